package ld

// CheckIRI returns why iri cannot name a node as Expand checks every @id
// and @id-valued property: nil for an absolute IRI or blank node label
// Expand keeps, ErrRelativeIRI (wrapped or not, see errors.Is) for a
// relative reference whose characters are valid (Expand accepts it when
// given a base), ErrInvalidIRI otherwise. It lets a caller that only needs
// to know whether Expand would refuse a document skip expanding it (see
// package schemas).
func CheckIRI(iri string) error { return checkIRI(iri, true) }
