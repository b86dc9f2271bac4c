package ld

// The Turtle, TriG and SPARQL Update writers as they were before
// termTable (commit 3f64de6): maps and copies of Quads. The differential
// tests in rdftable_test.go hold the new writers to their bytes.

import (
	"fmt"
	"io"
	"slices"
	"strings"
)

func refWriteTurtle(w io.Writer, quads []Quad) error {
	for _, q := range quads {
		if q.Graph.Kind != 0 {
			return ErrNamedGraphs
		}
	}
	var b strings.Builder
	writePrefixes(&b, "@prefix", " .")
	refWriteGraph(&b, quads, "", nil)
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteTriG writes the quads as TriG: the prefixes, the default graph's
// statements as Turtle, then each named graph in sorted order as
// "<name> { … }", each laid out as WriteTurtle lays out a graph.
func refWriteTriG(w io.Writer, quads []Quad) error {
	var b strings.Builder
	writePrefixes(&b, "@prefix", " .")
	shared := refSharedBlanks(quads)
	for _, g := range Graphs(quads) {
		in := refGraphQuads(quads, g)
		if g.Kind == 0 {
			refWriteGraph(&b, in, "", shared)
			continue
		}
		b.WriteByte('\n')
		writeTerm(&b, g)
		b.WriteString(" {")
		refWriteGraph(&b, in, "    ", shared)
		b.WriteString("}\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// refSharedBlanks returns the blank nodes that stand in more than one
// graph, or name a graph and stand in a statement: written by label,
// never nested (as since the audit of 2026-12-06).
func refSharedBlanks(quads []Quad) map[Term]bool {
	in := map[Term]Term{}
	shared := map[Term]bool{}
	note := func(t, g Term) {
		if t.Kind != Blank {
			return
		}
		if h, seen := in[t]; seen && h != g {
			shared[t] = true
		}
		in[t] = g
	}
	for _, q := range quads {
		note(q.Subject, q.Graph)
		note(q.Object, q.Graph)
		if q.Graph.Kind != 0 {
			note(q.Graph, Term{Kind: IRI, Value: "\x00name"})
		}
	}
	return shared
}

// graphQuads returns the quads of graph g.
func refGraphQuads(quads []Quad, g Term) []Quad {
	var out []Quad
	for _, q := range quads {
		if q.Graph == g {
			out = append(out, q)
		}
	}
	return out
}

// writeGraph writes the statements of one graph, each subject block
// preceded by a blank line and indented by indent.
func refWriteGraph(b *strings.Builder, quads []Quad, indent string, shared map[Term]bool) {
	bySubject := map[Term][]Quad{}
	refs := map[Term]int{}
	for _, q := range quads {
		bySubject[q.Subject] = append(bySubject[q.Subject], q)
		if q.Object.Kind == Blank {
			refs[q.Object]++
		}
	}
	subjects := make([]Term, 0, len(bySubject))
	for s := range bySubject {
		subjects = append(subjects, s)
	}
	slices.SortFunc(subjects, compareTerms)
	tw := &refTurtleWriter{b: b, bySubject: bySubject, refs: refs, done: map[Term]bool{}, shared: shared}
	block := func(s Term) {
		b.WriteString("\n")
		b.WriteString(indent)
		tw.done[s] = true
		writeTerm(b, s)
		b.WriteByte(' ')
		tw.properties(s, indent+"    ", 0)
		b.WriteString(" .\n")
	}
	// Nodes nested maxNestDepth deep get blocks of their own, in the
	// order they were met.
	deferred := func() {
		for len(tw.deferred) > 0 {
			s := tw.deferred[0]
			tw.deferred = tw.deferred[1:]
			if !tw.done[s] {
				block(s)
			}
		}
	}
	// Blank nodes used once are written where they are used, unless they
	// are only reachable from each other (a cycle): the second pass writes
	// those that were not reached.
	for pass := range 2 {
		for _, s := range subjects {
			if tw.done[s] || (pass == 0 && tw.nestable(s)) {
				continue
			}
			block(s)
			if pass == 1 {
				deferred()
			}
		}
		deferred()
	}
}

type refTurtleWriter struct {
	b         *strings.Builder
	bySubject map[Term][]Quad
	refs      map[Term]int
	done      map[Term]bool
	deferred  []Term
	shared    map[Term]bool
}

// nestable reports whether a blank node is written inside the one
// statement that uses it.
func (tw *refTurtleWriter) nestable(t Term) bool {
	return t.Kind == Blank && tw.refs[t] == 1 && !tw.shared[t]
}

// properties writes the predicate-object list of s, rdf:type first, each
// predicate on a line of its own at indent.
func (tw *refTurtleWriter) properties(s Term, indent string, depth int) {
	quads := slices.Clone(tw.bySubject[s])
	slices.SortFunc(quads, func(a, b Quad) int {
		at, bt := a.Predicate.Value == rdfType, b.Predicate.Value == rdfType
		switch {
		case at && !bt:
			return -1
		case bt && !at:
			return 1
		}
		if c := compareTerms(a.Predicate, b.Predicate); c != 0 {
			return c
		}
		return compareTerms(a.Object, b.Object)
	})
	for i, q := range quads {
		switch {
		case i == 0:
		case q.Predicate == quads[i-1].Predicate:
			tw.b.WriteString(", ")
			tw.object(q.Object, indent, depth)
			continue
		default:
			tw.b.WriteString(" ;\n")
			tw.b.WriteString(indent)
		}
		if q.Predicate.Value == rdfType {
			tw.b.WriteString("a")
		} else {
			writeTerm(tw.b, q.Predicate)
		}
		tw.b.WriteByte(' ')
		tw.object(q.Object, indent, depth)
	}
}

// object writes an object, nesting a blank node used only here.
func (tw *refTurtleWriter) object(o Term, indent string, depth int) {
	if !tw.nestable(o) || tw.done[o] {
		writeTerm(tw.b, o)
		return
	}
	if depth == maxNestDepth && len(tw.bySubject[o]) > 0 {
		writeTerm(tw.b, o)
		tw.deferred = append(tw.deferred, o)
		return
	}
	tw.done[o] = true
	if len(tw.bySubject[o]) == 0 {
		tw.b.WriteString("[]")
		return
	}
	tw.b.WriteString("[\n")
	tw.b.WriteString(indent + "    ")
	tw.properties(o, indent+"    ", depth+1)
	tw.b.WriteString("\n" + indent + "]")
}

func refWriteSPARQLUpdate(w io.Writer, quads []Quad) error {
	var bad sparqlIRIs
	for _, q := range quads {
		bad.addTerm(q.Subject)
		bad.addTerm(q.Predicate)
		bad.addTerm(q.Object)
		bad.addTerm(q.Graph)
	}
	if err := bad.err(); err != nil {
		return err
	}
	// The blank nodes SPARQL Update cannot hold: the same check as the
	// writer's (since the audit of 2026-12-06), its error the same.
	t := tableOf(quads)
	if err := t.checkSPARQLBlanks(t.sharedBlanks()); err != nil {
		return err
	}
	units := Units(quads)
	var b strings.Builder
	WritePrefixes(&b)
	for _, u := range units {
		b.WriteString("\n")
		refUnitSPARQL(u, &b)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func refUnitSPARQL(u Unit, b *strings.Builder) {
	if len(u.Sources) > 0 {
		g := u.Graph.String()
		var list strings.Builder
		for i, s := range u.Sources {
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
	for _, gq := range u.Graphs {
		refWriteGraphUpdate(b, gq)
	}
}

func refWriteGraphUpdate(b *strings.Builder, gq GraphQuads) {
	if gq.Name.Kind == 0 {
		b.WriteString("# The default graph is shared by everything in a store: these statements\n# are added to it, and replace nothing.\nINSERT {")
		refWriteGraph(b, gq.Quads, "  ", nil)
		b.WriteString("} WHERE {};\n")
		return
	}
	g := gq.Name.String()
	// A graph with blank nodes is inserted from a template with an empty
	// WHERE, which mints fresh blank nodes once: the same as INSERT DATA,
	// but Virtuoso refuses blank nodes in INSERT DATA ("not allowed in a
	// constant clause").
	insert, where := "INSERT DATA", ""
	if slices.ContainsFunc(gq.Quads, func(q Quad) bool { return q.Subject.Kind == Blank || q.Object.Kind == Blank }) {
		insert, where = "INSERT", " WHERE {}"
	}
	fmt.Fprintf(b, "DROP SILENT GRAPH %s;\n%s { GRAPH %s {", g, insert, g)
	refWriteGraph(b, gq.Quads, "  ", nil)
	fmt.Fprintf(b, "} }%s;\n", where)
}
