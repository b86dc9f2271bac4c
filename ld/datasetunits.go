package ld

import "slices"

// UnitList is [Units] of a dataset's statements ([Dataset.Quads]), each
// unit's statements made when it is asked for. Units holds every
// statement as a Quad (six strings) beside the grouping, twice: 96 MB of
// a batch export's N-Quads took `load` 844 MB. A UnitList holds the
// compact dataset, the graphs' statement indexes, and one unit at a time.
type UnitList struct {
	d     *Dataset
	units []unitRef
	// byGraph holds each graph's statements, each once, sorted by term.
	byGraph      map[uint32][]int32
	graphs, size int
}

// unitRef is a Unit by its terms: Graph, its sorted Sources, and its
// graphs in order.
type unitRef struct {
	graph   uint32
	sources []uint32
	graphs  []uint32
}

// Units groups d's graphs as [Units] groups its statements. The dataset
// must not be read into after.
func (d *Dataset) Units() *UnitList {
	d.release()
	l := &UnitList{d: d, byGraph: map[uint32][]int32{}}
	derived := uint32(0)
	for i := 1; i < len(d.terms); i++ {
		if t := d.terms[i]; t.kind == IRI && t.key == "<"+DerivedFrom+">" {
			derived = uint32(i)
			break
		}
	}
	sources := map[uint32][]uint32{}
	for i, q := range d.quads {
		l.byGraph[q.g] = append(l.byGraph[q.g], int32(i))
		if derived != 0 && q.s == q.g && q.p == derived && d.terms[q.o].kind == IRI && q.o != q.g {
			sources[q.g] = append(sources[q.g], q.o)
		}
	}
	// Each graph's statements once, in the order of their terms (as
	// sortedQuads orders Quads), from which a graph's Quads are made.
	rank := d.termRanks()
	for g, idx := range l.byGraph {
		slices.SortFunc(idx, func(a, b int32) int {
			qa, qb := d.quads[a], d.quads[b]
			if c := int(rank[qa.s]) - int(rank[qb.s]); c != 0 {
				return c
			}
			if c := int(rank[qa.p]) - int(rank[qb.p]); c != 0 {
				return c
			}
			return int(rank[qa.o]) - int(rank[qb.o])
		})
		idx = slices.CompactFunc(idx, func(a, b int32) bool { return d.quads[a] == d.quads[b] })
		l.byGraph[g] = idx
		l.size += len(idx)
	}
	names := make([]uint32, 0, len(l.byGraph))
	for g := range l.byGraph {
		names = append(names, g)
	}
	slices.SortFunc(names, func(a, b uint32) int { return int(rank[a]) - int(rank[b]) })
	l.graphs = len(names)
	// A source graph goes with the first graph, in name order, that names
	// it (a document shared by two films is written once, with the first).
	owner := map[uint32]uint32{}
	for _, g := range names {
		for _, s := range sources[g] {
			_, present := l.byGraph[s]
			_, claimed := owner[s]
			if _, isFilm := sources[s]; present && !claimed && !isFilm {
				owner[s] = g
			}
		}
	}
	for _, g := range names {
		if _, owned := owner[g]; owned {
			continue
		}
		u := unitRef{graph: g, sources: slices.Clone(sources[g])}
		slices.SortFunc(u.sources, func(a, b uint32) int { return int(rank[a]) - int(rank[b]) })
		u.sources = slices.Compact(u.sources)
		for _, s := range u.sources {
			if owner[s] == g {
				u.graphs = append(u.graphs, s)
			}
		}
		u.graphs = append(u.graphs, g)
		l.units = append(l.units, u)
	}
	return l
}

// termRanks ranks d's terms as compareTerms orders their Terms (the
// default graph, term 0, first).
func (d *Dataset) termRanks() []uint32 {
	terms := make([]uint32, len(d.terms)-1)
	for i := range terms {
		terms[i] = uint32(i + 1)
	}
	slices.SortFunc(terms, func(a, b uint32) int { return compareTerms(d.term(a), d.term(b)) })
	rank := make([]uint32, len(d.terms))
	for r, t := range terms {
		rank[t] = uint32(r + 1)
	}
	return rank
}

// term returns term i as a Term, as [Dataset.Quads] gives it.
func (d *Dataset) term(i uint32) Term {
	switch t := d.terms[i]; t.kind {
	case IRI, Blank:
		return Term{Kind: t.kind, Value: t.value()}
	case Literal:
		v, dt, lang := t.literal()
		return Term{Kind: Literal, Value: v, Datatype: dt, Lang: lang}
	}
	return Term{}
}

// Len returns the number of units.
func (l *UnitList) Len() int { return len(l.units) }

// Size returns the number of graphs and of statements of all the units.
func (l *UnitList) Size() (graphs, quads int) { return l.graphs, l.size }

// Graph returns unit i's Graph.
func (l *UnitList) Graph(i int) Term { return l.d.term(l.units[i].graph) }

// Unit returns unit i, its statements made anew.
func (l *UnitList) Unit(i int) Unit {
	r := l.units[i]
	u := Unit{Graph: l.d.term(r.graph)}
	for _, s := range r.sources {
		u.Sources = append(u.Sources, l.d.term(s))
	}
	for _, g := range r.graphs {
		idx := l.byGraph[g]
		gq := GraphQuads{Name: l.d.term(g), Quads: make([]Quad, len(idx))}
		for j, k := range idx {
			q := l.d.quads[k]
			gq.Quads[j] = Quad{Subject: l.d.term(q.s), Predicate: l.d.term(q.p), Object: l.d.term(q.o), Graph: gq.Name}
		}
		u.Graphs = append(u.Graphs, gq)
	}
	return u
}
