package main

import (
	"github.com/film2ld/film2ld/ld"
	"github.com/film2ld/film2ld/mapping"
)

// filmGraphs returns the graphs of a dataset that hold a film's merged
// view, each with the source graphs it names: a graph G that states, inside
// itself, G prov:wasDerivedFrom S (see mapping.PropDerivedFrom).
func filmGraphs(quads []ld.Quad) map[ld.Term][]ld.Term {
	out := map[ld.Term][]ld.Term{}
	for _, q := range quads {
		if q.Graph.Kind == ld.IRI && q.Subject == q.Graph && q.Predicate.Value == mapping.PropDerivedFrom && q.Object.Kind == ld.IRI {
			out[q.Graph] = append(out[q.Graph], q.Object)
		}
	}
	return out
}

// mergedInDefault returns the quads with the statements of every film's
// graph moved to the default graph: the layout of
// --merged-in-default-graph, where checks expect the merged view.
func mergedInDefault(quads []ld.Quad) []ld.Quad {
	films := filmGraphs(quads)
	out := make([]ld.Quad, len(quads))
	for i, q := range quads {
		if _, ok := films[q.Graph]; ok {
			q.Graph = ld.Term{}
		}
		out[i] = q
	}
	return out
}
