package ld

import (
	"fmt"
	"strings"
	"testing"
)

// deepBlankNQuads returns N-Quads whose blank nodes nest n deep: an RDF
// list of n items (each cell used once), and a chain of n blank nodes
// each knowing the next and naming a blank address, so that every level
// has two nested nodes.
func deepBlankNQuads(n int) string {
	const (
		rdf = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#"
		s   = "<http://schema.org/"
	)
	var b strings.Builder
	b.WriteString("<urn:x:film> " + s + "actor> _:c0 .\n")
	for i := range n {
		fmt.Fprintf(&b, "_:c%d %sfirst> \"item %d\" .\n", i, rdf, i)
		if i < n-1 {
			fmt.Fprintf(&b, "_:c%d %srest> _:c%d .\n", i, rdf, i+1)
		} else {
			fmt.Fprintf(&b, "_:c%d %srest> %snil> .\n", i, rdf, rdf)
		}
	}
	b.WriteString("<urn:x:film> " + s + "director> _:p0 .\n")
	for i := range n {
		fmt.Fprintf(&b, "_:p%d %sname> \"person %d\" .\n_:p%d %saddress> _:a%d .\n_:a%d %sname> \"address %d\" .\n", i, s, i, i, s, i, i, s, i)
		if i < n-1 {
			fmt.Fprintf(&b, "_:p%d %sknows> _:p%d .\n", i, s, i+1)
		}
	}
	return b.String()
}

// TestTurtleWritersBoundNesting: blank nodes used once nest in square
// brackets at most maxNestDepth deep; deeper ones get blocks of their
// own. Nested whole, each level indents four more spaces: an RDF list of
// 20,000 items made 2.4 GB of Turtle from 2.8 MB of N-Quads, which the
// reader then refused past MaxTurtleDepth. Every depth reads back as the
// same graph.
func TestTurtleWritersBoundNesting(t *testing.T) {
	p := NewProcessor(Config{})
	for _, n := range []int{31, 32, 33, 101, 4000} {
		if testing.Short() && n > 1000 {
			continue
		}
		nq := deepBlankNQuads(n)
		quads, err := ReadNQuads(strings.NewReader(nq), "deep.nq")
		if err != nil {
			t.Fatal(err)
		}
		want := canonicalOfQuads(t, p, quads)
		for _, w := range []struct {
			name  string
			write func(*strings.Builder) error
			trig  bool
		}{
			{"turtle", func(b *strings.Builder) error { return WriteTurtle(b, quads) }, false},
			{"trig", func(b *strings.Builder) error { return WriteTriG(b, quads) }, true},
		} {
			var out strings.Builder
			if err := w.write(&out); err != nil {
				t.Fatalf("%d deep, %s: %v", n, w.name, err)
			}
			text := out.String()
			// The deepest line: maxNestDepth levels of brackets inside a
			// block's own indentation.
			widest := 0
			for line := range strings.Lines(text) {
				widest = max(widest, len(line)-len(strings.TrimLeft(line, " ")))
			}
			if limit := 4 * (maxNestDepth + 1); widest > limit {
				t.Errorf("%d deep, %s: a line indented %d spaces, past %d", n, w.name, widest, limit)
			}
			if len(text) > 3*len(nq) {
				t.Errorf("%d deep, %s: %d bytes from %d of N-Quads", n, w.name, len(text), len(nq))
			}
			back, err := ReadTurtle(strings.NewReader(text), "deep.ttl", w.trig)
			if err != nil {
				t.Fatalf("%d deep, %s: read back: %v", n, w.name, err)
			}
			if got := canonicalOfQuads(t, p, back); got != want {
				t.Errorf("%d deep, %s: read back, another graph (%d statements, want %d)", n, w.name, strings.Count(got, "\n"), strings.Count(want, "\n"))
			}
		}
	}
}

// canonicalOfQuads returns the statements' canonical N-Quads.
func canonicalOfQuads(t *testing.T, p *Processor, quads []Quad) string {
	t.Helper()
	d := NewDataset()
	if err := d.ReadQuads(quads, "quads"); err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := p.WriteCanonical(&b, d); err != nil {
		t.Fatal(err)
	}
	return b.String()
}
