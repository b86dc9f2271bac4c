package mapping

// GraphSuffix is appended to a film's IRI to name the graph of its merged
// view: urn:film2ld:film/illegal-2010 has its merged view in
// urn:film2ld:film/illegal-2010/merged. A path segment rather than a
// fragment, so that a --base that already holds a "#" still gives a valid
// IRI; film IRIs end in a slug without "/", so no film's graph can be
// another film's IRI.
const GraphSuffix = "/merged"

// PropDerivedFrom is the property by which a film's graph names the graphs
// of the source documents it was built from: PROV-O's wasDerivedFrom, with
// the film's graph as subject, stated inside that graph. A store client
// that replaces a film's graph can read the old graph's list first and
// drop the source graphs the new export no longer has.
const PropDerivedFrom = "http://www.w3.org/ns/prov#wasDerivedFrom"

// GraphIRI returns the name of the graph that holds the merged view of the
// film with IRI filmID, or "" when the film has no IRI.
func GraphIRI(filmID string) string {
	if filmID == "" {
		return ""
	}
	return filmID + GraphSuffix
}
