package ld

import (
	"cmp"
	"errors"
	"fmt"
	"github.com/film2ld/film2ld/ld/internal/ntriples"
	"io"
	"slices"
	"strings"
)

// DerivedFrom is PROV-O's wasDerivedFrom. A graph G that states, inside
// itself, "G prov:wasDerivedFrom S" is built from the graph S: replacing G
// also drops the graphs G used to name and no longer does.
const DerivedFrom = "http://www.w3.org/ns/prov#wasDerivedFrom"

// ErrDefaultGraph reports statements in the default graph where graphs
// are replaced whole: the default graph is shared by everything in a store,
// so it cannot be replaced for one dataset.
var ErrDefaultGraph = errors.New("statements in the default graph cannot be replaced: only named graphs can")

// ErrBlankGraph reports a graph named by a blank node where graphs are
// replaced whole: a store names its graphs by IRI, and a blank node's
// label is the dataset's own (JSON-LD gives one to a graph object with no
// @id, such as an item of a top-level array holding @graph alone).
var ErrBlankGraph = errors.New("a graph named by a blank node cannot be replaced: a store names its graphs by IRI")

// Unit is a set of graphs that are replaced together: a graph that names
// its sources (see DerivedFrom) with those of its source graphs present in
// the dataset, or a graph on its own.
type Unit struct {
	// Graph is the graph that names the others, or the only one.
	Graph Term
	// Sources are the graphs Graph states it was derived from, sorted;
	// empty for a graph that names none.
	Sources []Term
	// Graphs are the graphs of the unit with their statements in sorted
	// order: the sources present in the dataset first, Graph last, so that
	// a client that writes them in order writes Graph, which names the
	// others, once they are all there.
	Graphs []GraphQuads
}

// GraphQuads is one named graph and its statements.
type GraphQuads struct {
	Name  Term
	Quads []Quad
}

// Units groups the graphs of a dataset into units, in the order of their
// Graph names; statements in the default graph are a unit of their own,
// first, whose Graph is the zero Term.
func Units(quads []Quad) []Unit {
	byGraph := map[Term][]Quad{}
	sources := map[Term][]Term{}
	for _, q := range quads {
		byGraph[q.Graph] = append(byGraph[q.Graph], q)
		if q.Subject == q.Graph && q.Predicate.Value == DerivedFrom && q.Object.Kind == IRI && q.Object != q.Graph {
			sources[q.Graph] = append(sources[q.Graph], q.Object)
		}
	}
	// A source graph goes with the first graph, in name order, that names
	// it (a document shared by two films is written once, with the first).
	owner := map[Term]Term{}
	for _, g := range Graphs(quads) {
		for _, s := range sources[g] {
			_, present := byGraph[s]
			_, claimed := owner[s]
			if _, isFilm := sources[s]; present && !claimed && !isFilm {
				owner[s] = g
			}
		}
	}
	var units []Unit
	for _, g := range Graphs(quads) {
		if _, owned := owner[g]; owned {
			continue
		}
		u := Unit{Graph: g, Sources: slices.Clone(sources[g])}
		slices.SortFunc(u.Sources, compareTerms)
		u.Sources = slices.Compact(u.Sources)
		for _, s := range u.Sources {
			if owner[s] == g {
				u.Graphs = append(u.Graphs, GraphQuads{s, sortedQuads(byGraph[s])})
			}
		}
		u.Graphs = append(u.Graphs, GraphQuads{g, sortedQuads(byGraph[g])})
		units = append(units, u)
	}
	return units
}

func sortedQuads(quads []Quad) []Quad {
	out := slices.Clone(quads)
	slices.SortFunc(out, func(a, b Quad) int {
		for _, c := range [][2]Term{{a.Subject, b.Subject}, {a.Predicate, b.Predicate}, {a.Object, b.Object}} {
			if r := compareTerms(c[0], c[1]); r != 0 {
				return r
			}
		}
		return 0
	})
	return out
}

// ErrSPARQLIRI is the error of an IRI that a SPARQL Update request cannot
// hold: one with "{", "}", "|", "^" or "`" (a URL template's braces), which
// SPARQL's IRIREF excludes and N-Quads can hold only as \u escapes, which
// SPARQL reads before its grammar (Virtuoso refuses them: "Bad character
// '\\'"). Such data is loaded as N-Quads (the Graph Store protocol).
var ErrSPARQLIRI = errors.New("SPARQL Update cannot hold this IRI")

// ErrSPARQLBlank is the error of a blank node that stands in two graphs,
// or that names a graph, which SPARQL's GRAPH cannot: the request writes each
// graph's statements in an INSERT DATA of their own, which makes its
// blank nodes anew (SPARQL 1.1 Update, 3.1.1), so the graphs would no
// longer share the node. Such data is loaded as N-Quads (the Graph Store
// protocol), whose labels hold across graphs.
var ErrSPARQLBlank = errors.New("SPARQL Update cannot hold this blank node")

// blankShareError returns the ErrSPARQLBlank error of label, which stands
// in graphs a and b (the zero Term for the default graph).
func blankShareError(label string, a, b Term) error {
	name := func(g Term) string {
		switch g.Kind {
		case 0:
			return "the default graph"
		case Blank:
			return "graph _:" + g.Value
		}
		return ntriples.IRITerm(g.Value)
	}
	return fmt.Errorf("%w: _:%s stands in %s and in %s, and each graph's INSERT DATA makes its blank nodes anew: load it as N-Quads (the Graph Store protocol) instead", ErrSPARQLBlank, label, name(a), name(b))
}

// blankGraphError returns the ErrSPARQLBlank error of a graph named by
// blank node label: SPARQL's GRAPH takes an IRI alone.
func blankGraphError(label string) error {
	return fmt.Errorf("%w: _:%s names a graph, which SPARQL's GRAPH takes an IRI for (and a store names its graphs by): give the graph an @id", ErrSPARQLBlank, label)
}

// BlankGraphs finds a blank node that stands in more than one graph of
// the units added to it, for a client that sends them as SPARQL Update
// (see ErrSPARQLBlank).
type BlankGraphs struct {
	in map[string]Term
}

// Add notes the blank nodes of u's graphs and returns an ErrSPARQLBlank
// error for the first that another graph, of u or of a unit added
// before, holds too.
func (bg *BlankGraphs) Add(u Unit) error {
	if bg.in == nil {
		bg.in = map[string]Term{}
	}
	note := func(t, g Term) error {
		if t.Kind != Blank {
			return nil
		}
		if h, seen := bg.in[t.Value]; seen && h != g {
			return blankShareError(t.Value, h, g)
		}
		bg.in[t.Value] = g
		return nil
	}
	for _, gq := range u.Graphs {
		if gq.Name.Kind == Blank {
			return blankGraphError(gq.Name.Value)
		}
		for _, q := range gq.Quads {
			if err := cmp.Or(note(q.Subject, gq.Name), note(q.Object, gq.Name)); err != nil {
				return err
			}
		}
	}
	return nil
}

// sparqlIRIs finds the IRIs SPARQL cannot write. It names the least of
// them, so that every writer, whatever order it meets them in, gives the
// same error.
type sparqlIRIs struct{ least string }

// add notes iri (a term's IRI or a literal's datatype).
func (s *sparqlIRIs) add(iri string) {
	if strings.ContainsAny(iri, "{}|^`") && (s.least == "" || iri < s.least) {
		s.least = iri
	}
}

// addTerm notes a term's IRI or its datatype.
func (s *sparqlIRIs) addTerm(t Term) {
	switch t.Kind {
	case IRI:
		s.add(t.Value)
	case Literal:
		s.add(t.Datatype)
	}
}

// err returns an ErrSPARQLIRI error naming the least IRI found, or nil.
func (s *sparqlIRIs) err() error {
	if s.least == "" {
		return nil
	}
	c := s.least[strings.IndexAny(s.least, "{}|^`")]
	return fmt.Errorf("%w: %s holds %q, which SPARQL's IRIs exclude and cannot escape: load it as N-Quads (the Graph Store protocol) instead", ErrSPARQLIRI, ntriples.IRITerm(s.least), c)
}

// CheckSPARQL returns an [ErrSPARQLIRI] error where [Unit.SPARQL] cannot
// write one of the unit's IRIs (a graph name, a term, a datatype), or nil.
func (u Unit) CheckSPARQL() error {
	var s sparqlIRIs
	for _, gq := range u.Graphs {
		s.addTerm(gq.Name)
		for _, q := range gq.Quads {
			s.addTerm(q.Subject)
			s.addTerm(q.Predicate)
			s.addTerm(q.Object)
		}
	}
	return s.err()
}

// WriteSPARQLUpdate writes the dataset as one SPARQL 1.1 Update request
// that replaces each of its named graphs (see [Unit.SPARQL]); running it
// twice leaves a store as running it once, unless the default graph holds
// statements (see [WriteGraphUpdate]).
func WriteSPARQLUpdate(w io.Writer, quads []Quad) error {
	return tableOf(quads).writeSPARQLUpdate(w)
}

// writeSPARQLUpdate is WriteSPARQLUpdate over numbered terms: the units
// of [Units] found and written as spans of the sorted statements, with no
// copy of them as Quads.
func (t *termTable) writeSPARQLUpdate(w io.Writer) error {
	var bad sparqlIRIs
	for _, term := range t.terms {
		switch term.kind {
		case IRI:
			bad.add(term.value)
		case Literal:
			bad.add(t.forms[term.form].datatype)
		}
	}
	if err := bad.err(); err != nil {
		return err
	}
	var b strings.Builder
	gw := newGraphWriter(t, &b)
	if err := t.checkSPARQLBlanks(gw.shared); err != nil {
		return err
	}
	t.sortBlocks(t.quads)
	spans := map[uint32][2]int{}
	var graphs []uint32
	for _, sp := range graphSpans(t.quads) {
		g := t.quads[sp[0]].g
		spans[g] = sp
		graphs = append(graphs, g)
	}
	sources := map[uint32][]uint32{}
	for _, q := range t.quads {
		if q.s == q.g && t.terms[q.p].value == DerivedFrom && t.terms[q.o].kind == IRI && q.o != q.g {
			sources[q.g] = append(sources[q.g], q.o)
		}
	}
	// As Units: a source graph goes with the first graph, in name order,
	// that names it.
	owner := map[uint32]uint32{}
	for _, g := range graphs {
		for _, s := range sources[g] {
			_, present := spans[s]
			_, claimed := owner[s]
			if _, isFilm := sources[s]; present && !claimed && !isFilm {
				owner[s] = g
			}
		}
	}
	WritePrefixes(&b)
	gw.w = w
	for _, g := range graphs {
		if _, owned := owner[g]; owned {
			continue
		}
		srcs := slices.Clone(sources[g])
		slices.Sort(srcs)
		srcs = slices.Compact(srcs)
		b.WriteString("\n")
		if len(srcs) > 0 {
			names := make([]Term, len(srcs))
			for i, s := range srcs {
				names[i] = t.term(s)
			}
			writeStaleDeletes(&b, t.term(g), names)
		}
		for _, s := range srcs {
			if owner[s] == g {
				t.graphUpdate(&b, gw, s, spans[s])
			}
		}
		t.graphUpdate(&b, gw, g, spans[g])
	}
	gw.flush(true)
	return gw.err
}

// checkSPARQLBlanks returns an ErrSPARQLBlank error where a blank node
// names a graph (the first such statement's) or stands in more than one
// graph (blankShareError; shared is t.sharedBlanks()), or nil.
func (t *termTable) checkSPARQLBlanks(shared []bool) error {
	for _, q := range t.quads {
		if q.g != 0 && t.terms[q.g].kind == Blank {
			return blankGraphError(t.terms[q.g].value)
		}
	}
	if shared != nil {
		return t.blankShareError(shared)
	}
	return nil
}

// blankShareError returns the ErrSPARQLBlank error of the least of the
// shared blank nodes (sharedBlanks), with the first two graphs it stands
// in, so that every writer gives the same error.
func (t *termTable) blankShareError(shared []bool) error {
	least := -1
	for i, s := range shared {
		if s && (least < 0 || t.terms[i].value < t.terms[least].value) {
			least = i
		}
	}
	var graphs []uint32
	for _, q := range t.quads {
		if q.s == uint32(least) || q.o == uint32(least) {
			graphs = append(graphs, q.g)
		}
		if q.g == uint32(least) {
			graphs = append(graphs, q.g)
		}
	}
	slices.Sort(graphs)
	graphs = slices.Compact(graphs)
	term := func(g uint32) Term {
		if g == 0 {
			return Term{}
		}
		return t.term(g)
	}
	return blankShareError(t.terms[least].value, term(graphs[0]), term(graphs[1]))
}

// graphUpdate is WriteGraphUpdate for graph g, the statements in span.
func (t *termTable) graphUpdate(b *strings.Builder, gw *graphWriter, g uint32, span [2]int) {
	qs := t.quads[span[0]:span[1]]
	blank := slices.ContainsFunc(qs, func(q dquad) bool { return t.terms[q.s].kind == Blank || t.terms[q.o].kind == Blank })
	writeGraphUpdate(b, t.term(g), blank, func(indent string) { gw.graph(qs, indent) })
}

// WritePrefixes writes the PREFIX declarations [Unit.SPARQL] assumes.
func WritePrefixes(b *strings.Builder) {
	writePrefixes(b, "PREFIX", "")
}

// SPARQL writes the operations that replace the unit's graphs in a store,
// separated and ended by ";", assuming the prefixes of WriteSPARQLUpdate.
// For a graph that names its sources, it first deletes the graphs that the
// stored version of it names and this one does not (a source that
// disappeared), and any other graph that names one of the same sources
// (the same film under an older IRI) with its sources; then, per graph,
// DROP SILENT GRAPH and INSERT DATA.
func (u Unit) SPARQL(b *strings.Builder) {
	if len(u.Sources) > 0 {
		writeStaleDeletes(b, u.Graph, u.Sources)
	}
	for _, gq := range u.Graphs {
		WriteGraphUpdate(b, gq)
	}
}

// writeStaleDeletes writes the two DELETEs of [Unit.SPARQL] for graph g,
// which names sources.
func writeStaleDeletes(b *strings.Builder, graph Term, sources []Term) {
	g := graph.String()
	var list strings.Builder
	for i, s := range sources {
		if i > 0 {
			list.WriteString(", ")
		}
		list.WriteString(s.String())
	}
	values := strings.ReplaceAll(list.String(), ", ", " ")
	fmt.Fprintf(b, "# Graphs %s named as its sources before and no longer does.\n", g)
	fmt.Fprintf(b, "DELETE { GRAPH ?stale { ?s ?p ?o } }\nWHERE {\n"+
		"  { GRAPH %[1]s { %[1]s prov:wasDerivedFrom ?stale } }\n"+
		"  UNION\n"+
		"  { VALUES ?src { %[2]s } GRAPH ?old { ?old prov:wasDerivedFrom ?src . ?old prov:wasDerivedFrom ?stale } }\n"+
		"  FILTER (?stale NOT IN (%[3]s))\n"+
		"  GRAPH ?stale { ?s ?p ?o }\n};\n", g, values, list.String())
	fmt.Fprintf(b, "# Other graphs built from the same sources: an older name of %s.\n", g)
	fmt.Fprintf(b, "DELETE { GRAPH ?old { ?s ?p ?o } }\nWHERE {\n"+
		"  VALUES ?src { %[2]s }\n"+
		"  GRAPH ?old { ?old prov:wasDerivedFrom ?src }\n"+
		"  FILTER (?old != %[1]s)\n"+
		"  GRAPH ?old { ?s ?p ?o }\n};\n", g, values)
}

// WriteGraphUpdate writes "DROP SILENT GRAPH <g>;" and an INSERT DATA of
// the graph's statements, grouped by subject (INSERT … WHERE {} when they
// hold blank nodes). Statements in the default
// graph are inserted without a DROP: they add to what the store's default
// graph holds.
func WriteGraphUpdate(b *strings.Builder, gq GraphQuads) {
	blank := slices.ContainsFunc(gq.Quads, func(q Quad) bool { return q.Subject.Kind == Blank || q.Object.Kind == Blank })
	writeGraphUpdate(b, gq.Name, blank, func(indent string) { writeGraph(b, gq.Quads, indent) })
}

// writeGraphUpdate writes WriteGraphUpdate's operations for graph name,
// body writing its statements at an indent; blank tells whether they hold
// blank nodes.
func writeGraphUpdate(b *strings.Builder, name Term, blank bool, body func(indent string)) {
	if name.Kind == 0 {
		b.WriteString("# The default graph is shared by everything in a store: these statements\n# are added to it, and replace nothing.\nINSERT {")
		body("  ")
		b.WriteString("} WHERE {};\n")
		return
	}
	g := name.String()
	// A graph with blank nodes is inserted from a template with an empty
	// WHERE, which mints fresh blank nodes once: the same as INSERT DATA,
	// but Virtuoso refuses blank nodes in INSERT DATA ("not allowed in a
	// constant clause").
	insert, where := "INSERT DATA", ""
	if blank {
		insert, where = "INSERT", " WHERE {}"
	}
	fmt.Fprintf(b, "DROP SILENT GRAPH %s;\n%s { GRAPH %s {", g, insert, g)
	body("  ")
	fmt.Fprintf(b, "} }%s;\n", where)
}
