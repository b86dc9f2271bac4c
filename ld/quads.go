package ld

import (
	"io"
	"slices"
	"strings"

	jld "github.com/piprate/json-gold/ld"

	"github.com/film2ld/film2ld/ld/internal/ntriples"
)

// TermKind tells an IRI, a blank node and a literal apart.
type TermKind uint8

// The kinds of RDF term. The zero Term (kind 0) stands for the default
// graph in [Quad.Graph].
const (
	IRI TermKind = iota + 1
	Blank
	Literal
)

// Term is an RDF term: an IRI, a blank node (Value is its label without
// "_:") or a literal with its datatype IRI and, for rdf:langString, its
// language tag.
type Term struct {
	Kind     TermKind
	Value    string
	Datatype string
	Lang     string
}

// Quad is one statement of a dataset; a zero Graph is the default graph.
type Quad struct {
	Subject, Predicate, Object, Graph Term
}

const (
	rdfLangString = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
)

// NewIRI returns the IRI term iri.
func NewIRI(iri string) Term { return Term{Kind: IRI, Value: iri} }

// String returns the term as N-Triples writes it ("" for the default
// graph).
func (t Term) String() string {
	var b strings.Builder
	t.write(&b)
	return b.String()
}

func (t Term) write(b *strings.Builder) {
	switch t.Kind {
	case IRI:
		ntriples.WriteIRI(b, t.Value)
	case Blank:
		b.WriteString("_:")
		b.WriteString(t.Value)
	case Literal:
		writeString(b, t.Value)
		switch {
		case t.Lang != "":
			b.WriteByte('@')
			b.WriteString(t.Lang)
		case t.Datatype != "" && t.Datatype != xsdString:
			b.WriteString("^^")
			ntriples.WriteIRI(b, t.Datatype)
		}
	}
}

// String returns the statement as one N-Quads line without its newline.
func (q Quad) String() string {
	var b strings.Builder
	for i, t := range []Term{q.Subject, q.Predicate, q.Object, q.Graph} {
		if i == 3 && t.Kind == 0 {
			break
		}
		if i > 0 {
			b.WriteByte(' ')
		}
		t.write(&b)
	}
	b.WriteString(" .")
	return b.String()
}

// writeString writes s as a quoted N-Triples, Turtle and SPARQL string,
// with the escapes of canonical N-Triples, which all three accept, so that
// every output spells a literal as the N-Quads do.
func writeString(b *strings.Builder, s string) { ntriples.WriteString(b, s) }

// Quads returns doc's statements, sorted as [Processor.ToNQuads] writes
// them and with the same blank node labels.
func (p *Processor) Quads(doc any, opts Options) ([]Quad, error) {
	s, err := p.ToNQuads(doc, opts)
	if err != nil {
		return nil, err
	}
	return ReadNQuads(strings.NewReader(s), "N-Quads")
}

// ReadNQuads reads N-Quads (or N-Triples) from r, checking each term as
// [Processor.FromNQuads] does. Errors carry name and the line number; a
// line may be of any length. Statements keep their order; a repeated
// statement is kept once.
func ReadNQuads(r io.Reader, name string) ([]Quad, error) {
	d := NewDataset()
	if _, err := d.ReadNQuads(r, name, false); err != nil {
		return nil, err
	}
	return d.Quads(), nil
}

func fromJLD(q *jld.Quad) Quad {
	out := Quad{Subject: termOf(q.Subject), Predicate: termOf(q.Predicate), Object: termOf(q.Object)}
	if q.Graph != nil && q.Graph.GetValue() != "@default" {
		out.Graph = termOf(q.Graph)
	}
	return out
}

func termOf(n jld.Node) Term {
	switch v := n.(type) {
	case jld.IRI:
		return Term{Kind: IRI, Value: v.Value}
	case jld.BlankNode:
		return Term{Kind: Blank, Value: strings.TrimPrefix(v.Attribute, "_:")}
	case jld.Literal:
		t := Term{Kind: Literal, Value: v.Value, Datatype: v.Datatype, Lang: v.Language}
		if t.Lang != "" {
			t.Datatype = rdfLangString
		} else if t.Datatype == "" {
			t.Datatype = xsdString
		}
		return t
	}
	return Term{}
}

func toJLD(t Term) jld.Node {
	switch t.Kind {
	case IRI:
		return jld.NewIRI(t.Value)
	case Blank:
		return jld.NewBlankNode("_:" + t.Value)
	case Literal:
		lang := t.Lang
		dt := t.Datatype
		if lang != "" {
			dt = rdfLangString
		}
		return jld.NewLiteral(t.Value, dt, lang)
	}
	return nil
}

// FromQuads returns the statements as expanded JSON-LD, as
// [Processor.FromNQuads] does for N-Quads: literals keep their datatypes.
func (p *Processor) FromQuads(quads []Quad, name string) ([]any, error) {
	ds := jld.NewRDFDataset()
	for _, q := range quads {
		g := "@default"
		if q.Graph.Kind != 0 {
			g = q.Graph.Value
			if q.Graph.Kind == Blank {
				g = "_:" + g
			}
		}
		jq := jld.NewQuad(toJLD(q.Subject), toJLD(q.Predicate), toJLD(q.Object), g)
		ds.Graphs[g] = append(ds.Graphs[g], jq)
	}
	return fromDataset(ds, name)
}

// Graphs returns the names of the graphs that hold quads, sorted, the
// default graph (the zero Term) first when it holds any.
func Graphs(quads []Quad) []Term {
	seen := map[Term]bool{}
	var out []Term
	for _, q := range quads {
		if !seen[q.Graph] {
			seen[q.Graph] = true
			out = append(out, q.Graph)
		}
	}
	slices.SortFunc(out, compareTerms)
	return out
}

// compareTerms orders terms: the default graph, IRIs, blank nodes,
// literals; then by value, datatype and language.
func compareTerms(a, b Term) int {
	if a.Kind != b.Kind {
		return int(a.Kind) - int(b.Kind)
	}
	if a.Kind == Blank && len(a.Value) != len(b.Value) {
		// Shorter labels first, so that numbered ones go by number
		// ("_:b8" before "_:b10"): film2ld numbers blank nodes in the
		// order a document gives them, and Turtle listed a film's
		// countries out of it (audit 15).
		return len(a.Value) - len(b.Value)
	}
	if c := strings.Compare(a.Value, b.Value); c != 0 {
		return c
	}
	if c := strings.Compare(a.Datatype, b.Datatype); c != 0 {
		return c
	}
	return strings.Compare(a.Lang, b.Lang)
}
