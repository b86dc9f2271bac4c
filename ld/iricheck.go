package ld

// CheckIRI returns why s cannot be an absolute IRI in RDF output
// (ErrRelativeIRI or ErrInvalidIRI), or nil when it can: the check every
// IRI of a document passes on its way to N-Quads, for callers that take
// IRIs from elsewhere (a command line).
func CheckIRI(s string) error { return checkIRI(s, false) }
