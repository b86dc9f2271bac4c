package mapping

import "github.com/film2ld/film2ld/mapping/film"

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

// dataset lays out the merged view and each source's own view for RDF
// stores. Every statement belongs to a named graph of the film (see
// Result.Dataset), unless the film has no IRI to name its graph after or
// opts.MergedInDefaultGraph asks for the older layout.
func (c *combiner) dataset(merged []any, movieID string) []any {
	graph := GraphIRI(movieID)
	if graph == "" && !c.opts.MergedInDefaultGraph {
		c.diag(Warning, "", 0, "the merged view is in the default graph: the film has no IRI to name its graph after")
	}
	oldLayout := graph == "" || c.opts.MergedInDefaultGraph
	var out, own, sources []any
	if oldLayout {
		out = append(out, merged...)
	} else {
		own = append(own, merged...)
	}
	for _, s := range c.sources {
		view := &combiner{opts: c.opts, sources: []*film.Source{s}, res: c.res, filmID: movieID, only: s}
		desc := provenance(s, movieID)
		if oldLayout {
			// The description in the default graph names the source's graph.
			desc["@graph"] = view.graph()
			out = append(out, desc)
			continue
		}
		own = append(own, desc)
		sources = append(sources, map[string]any{"@id": SourceIRI(s)})
		out = append(out, map[string]any{"@id": SourceIRI(s), "@graph": view.graph()})
	}
	if oldLayout {
		return out
	}
	self := map[string]any{"@id": graph, "about": map[string]any{"@id": movieID}}
	setList(self, PropDerivedFrom, sources)
	own = append(own, self)
	return append([]any{map[string]any{"@id": graph, "@graph": own}}, out...)
}
