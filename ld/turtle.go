package ld

import (
	"errors"
	"fmt"
	"github.com/film2ld/film2ld/ld/internal/ntriples"
	"io"
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
	return tableOf(quads).writeTurtle(w)
}

func (t *termTable) writeTurtle(w io.Writer) error {
	for _, q := range t.quads {
		if q.g != 0 {
			return ErrNamedGraphs
		}
	}
	var b strings.Builder
	writePrefixes(&b, "@prefix", " .")
	t.sortBlocks(t.quads)
	gw := newGraphWriter(t, &b)
	gw.w = w
	gw.graph(t.quads, "")
	gw.flush(true)
	return gw.err
}

// WriteTriG writes the quads as TriG: the prefixes, the default graph's
// statements as Turtle, then each named graph in sorted order as
// "<name> { … }", each laid out as WriteTurtle lays out a graph.
func WriteTriG(w io.Writer, quads []Quad) error {
	return tableOf(quads).writeTriG(w)
}

func (t *termTable) writeTriG(w io.Writer) error {
	var b strings.Builder
	writePrefixes(&b, "@prefix", " .")
	t.sortBlocks(t.quads)
	gw := newGraphWriter(t, &b)
	gw.w = w
	for _, span := range graphSpans(t.quads) {
		in := t.quads[span[0]:span[1]]
		if in[0].g == 0 {
			gw.graph(in, "")
			continue
		}
		b.WriteByte('\n')
		writeTerm(&b, t.term(in[0].g))
		b.WriteString(" {")
		gw.graph(in, "    ")
		b.WriteString("}\n")
	}
	gw.flush(true)
	return gw.err
}

func writePrefixes(b *strings.Builder, keyword, end string) {
	for _, p := range turtlePrefixes {
		fmt.Fprintf(b, "%s %s: <%s>%s\n", keyword, p.name, p.iri, end)
	}
}

// writeGraph writes the statements of one graph, each subject block
// preceded by a blank line and indented by indent.
func writeGraph(b *strings.Builder, quads []Quad, indent string) {
	t := tableOf(quads)
	t.sortBlocks(t.quads)
	newGraphWriter(t, b).graph(t.quads, indent)
}

// pnLocal is the conservative set of local names written as prefixed
// names: letters, digits, "_" and "-", not starting with "-" or a digit
// (Turtle allows more, but these read the same in every parser).
var pnLocal = lazyRegexp(`^[A-Za-z_][A-Za-z0-9_-]*$`)

var (
	turtleInteger = lazyRegexp(`^[+-]?[0-9]+$`)
	turtleDecimal = lazyRegexp(`^[+-]?[0-9]*\.[0-9]+$`)
	turtleDouble  = lazyRegexp(`^[+-]?([0-9]+\.[0-9]*|\.[0-9]+|[0-9]+)[eE][+-]?[0-9]+$`)
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
			if turtleInteger().MatchString(t.Value) {
				b.WriteString(t.Value)
				return
			}
		case xsdNS + "decimal":
			if turtleDecimal().MatchString(t.Value) {
				b.WriteString(t.Value)
				return
			}
		case xsdNS + "double":
			if turtleDouble().MatchString(t.Value) {
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
		if local, ok := strings.CutPrefix(iri, p.iri); ok && pnLocal().MatchString(local) {
			b.WriteString(p.name)
			b.WriteByte(':')
			b.WriteString(local)
			return
		}
	}
	ntriples.WriteIRI(b, iri)
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
