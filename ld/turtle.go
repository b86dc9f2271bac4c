package ld

import (
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"
)

// ErrNamedGraphs reports a dataset with named graphs given to a writer of
// one graph (Turtle).
var ErrNamedGraphs = errors.New("Turtle holds one graph; the input has named graphs (write TriG or N-Quads)")

// turtlePrefixes are the prefixes every Turtle and TriG output declares,
// in this order, whether or not it uses them, so that outputs line up.
var turtlePrefixes = []struct{ name, iri string }{
	{"schema", "http://schema.org/"},
	{"prov", "http://www.w3.org/ns/prov#"},
	{"xsd", "http://www.w3.org/2001/XMLSchema#"},
}

// WriteTurtle writes the quads, all in the default graph, as Turtle: the
// schema:, prov: and xsd: prefixes, one block per subject (IRIs sorted,
// then blank nodes), rdf:type first as "a", and a blank node that is the
// object of one statement only nested in square brackets where it is used.
// The same quads give the same bytes.
func WriteTurtle(w io.Writer, quads []Quad) error {
	for _, q := range quads {
		if q.Graph.Kind != 0 {
			return ErrNamedGraphs
		}
	}
	var b strings.Builder
	writePrefixes(&b, "@prefix", " .")
	writeGraph(&b, quads, "")
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteTriG writes the quads as TriG: the prefixes, the default graph's
// statements as Turtle, then each named graph in sorted order as
// "<name> { … }", each laid out as WriteTurtle lays out a graph.
func WriteTriG(w io.Writer, quads []Quad) error {
	var b strings.Builder
	writePrefixes(&b, "@prefix", " .")
	for _, g := range Graphs(quads) {
		in := graphQuads(quads, g)
		if g.Kind == 0 {
			writeGraph(&b, in, "")
			continue
		}
		b.WriteByte('\n')
		writeTerm(&b, g)
		b.WriteString(" {")
		writeGraph(&b, in, "    ")
		b.WriteString("}\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func writePrefixes(b *strings.Builder, keyword, end string) {
	for _, p := range turtlePrefixes {
		fmt.Fprintf(b, "%s %s: <%s>%s\n", keyword, p.name, p.iri, end)
	}
}

// graphQuads returns the quads of graph g.
func graphQuads(quads []Quad, g Term) []Quad {
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
func writeGraph(b *strings.Builder, quads []Quad, indent string) {
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
	tw := &turtleWriter{b: b, bySubject: bySubject, refs: refs, done: map[Term]bool{}}
	// Blank nodes used once are written where they are used, unless they
	// are only reachable from each other (a cycle): the second pass writes
	// those that were not reached.
	for pass := range 2 {
		for _, s := range subjects {
			if tw.done[s] || (pass == 0 && tw.nestable(s)) {
				continue
			}
			b.WriteString("\n")
			b.WriteString(indent)
			tw.done[s] = true
			writeTerm(b, s)
			b.WriteByte(' ')
			tw.properties(s, indent+"    ")
			b.WriteString(" .\n")
		}
	}
}

type turtleWriter struct {
	b         *strings.Builder
	bySubject map[Term][]Quad
	refs      map[Term]int
	done      map[Term]bool
}

// nestable reports whether a blank node is written inside the one
// statement that uses it.
func (tw *turtleWriter) nestable(t Term) bool {
	return t.Kind == Blank && tw.refs[t] == 1
}

// properties writes the predicate-object list of s, rdf:type first, each
// predicate on a line of its own at indent.
func (tw *turtleWriter) properties(s Term, indent string) {
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
			tw.object(q.Object, indent)
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
		tw.object(q.Object, indent)
	}
}

// object writes an object, nesting a blank node used only here.
func (tw *turtleWriter) object(o Term, indent string) {
	if !tw.nestable(o) || tw.done[o] {
		writeTerm(tw.b, o)
		return
	}
	tw.done[o] = true
	if len(tw.bySubject[o]) == 0 {
		tw.b.WriteString("[]")
		return
	}
	tw.b.WriteString("[\n")
	tw.b.WriteString(indent + "    ")
	tw.properties(o, indent+"    ")
	tw.b.WriteString("\n" + indent + "]")
}

// pnLocal is the conservative set of local names written as prefixed
// names: letters, digits, "_" and "-", not starting with "-" or a digit
// (Turtle allows more, but these read the same in every parser).
var pnLocal = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_-]*$`)

var (
	turtleInteger = regexp.MustCompile(`^[+-]?[0-9]+$`)
	turtleDecimal = regexp.MustCompile(`^[+-]?[0-9]*\.[0-9]+$`)
	turtleDouble  = regexp.MustCompile(`^[+-]?([0-9]+\.[0-9]*|\.[0-9]+|[0-9]+)[eE][+-]?[0-9]+$`)
)

const xsdNS = "http://www.w3.org/2001/XMLSchema#"

// writeTerm writes a term in Turtle, TriG and SPARQL syntax: a prefixed
// name where one of the declared prefixes fits, a bare number or boolean
// where the literal's form is the shorthand's.
func writeTerm(b *strings.Builder, t Term) {
	switch t.Kind {
	case IRI:
		writeIRITerm(b, t.Value)
	case Literal:
		switch t.Datatype {
		case xsdNS + "integer":
			if turtleInteger.MatchString(t.Value) {
				b.WriteString(t.Value)
				return
			}
		case xsdNS + "decimal":
			if turtleDecimal.MatchString(t.Value) {
				b.WriteString(t.Value)
				return
			}
		case xsdNS + "double":
			if turtleDouble.MatchString(t.Value) {
				b.WriteString(t.Value)
				return
			}
		case xsdNS + "boolean":
			if t.Value == "true" || t.Value == "false" {
				b.WriteString(t.Value)
				return
			}
		}
		writeString(b, t.Value)
		switch {
		case t.Lang != "":
			b.WriteByte('@')
			b.WriteString(t.Lang)
		case t.Datatype != "" && t.Datatype != xsdString:
			b.WriteString("^^")
			writeIRITerm(b, t.Datatype)
		}
	default:
		t.write(b)
	}
}

func writeIRITerm(b *strings.Builder, iri string) {
	for _, p := range turtlePrefixes {
		if local, ok := strings.CutPrefix(iri, p.iri); ok && pnLocal.MatchString(local) {
			b.WriteString(p.name)
			b.WriteByte(':')
			b.WriteString(local)
			return
		}
	}
	b.WriteByte('<')
	writeIRI(b, iri)
	b.WriteByte('>')
}

// writeRDF writes doc in one of the formats written from its quads.
func (p *Processor) writeRDF(w io.Writer, doc any, f Format, opts Options) error {
	quads, err := p.Quads(doc, opts)
	if err != nil {
		return err
	}
	switch f {
	case FormatTurtle:
		err = WriteTurtle(w, quads)
	case FormatTriG:
		err = WriteTriG(w, quads)
	default:
		err = WriteSPARQLUpdate(w, quads)
	}
	if err != nil {
		return fmt.Errorf("ld: %s: %w", f, err)
	}
	return nil
}
