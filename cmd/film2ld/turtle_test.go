package main

import (
	"bytes"
	"os/exec"
	"testing"

	"github.com/film2ld/film2ld/ld"
)

// canonicalNQuads is the RDFC-1.0 form of N-Quads, to compare datasets
// whose blank node labels differ.
func canonicalNQuads(t *testing.T, nq []byte) string {
	t.Helper()
	quads, err := ld.ReadNQuads(bytes.NewReader(nq), "N-Quads")
	if err != nil {
		t.Fatal(err)
	}
	return canonicalQuads(t, quads, "N-Quads")
}

// canonicalQuads is the RDFC-1.0 form of statements already read.
func canonicalQuads(t *testing.T, quads []ld.Quad, name string) string {
	t.Helper()
	p := processor()
	doc, err := p.FromQuads(quads, name)
	if err != nil {
		t.Fatal(err)
	}
	s, err := p.Canonical(doc, ld.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestRapperReadsTurtleAndTriG hands the Turtle and TriG export of every
// test film to rapper: each must parse, Turtle must be the same graph as
// the merged view's N-Quads (rapper -i turtle -o ntriples) and TriG the
// same dataset as the N-Quads export (rapper -i trig -o nquads).
func TestRapperReadsTurtleAndTriG(t *testing.T) {
	t.Parallel() // mostly waits on another process: runs beside the CPU-bound tests
	rapper, err := exec.LookPath("rapper")
	if err != nil {
		t.Skip("rapper not installed (apt-get install raptor2-utils); .ci/run installs it")
	}
	for name, files := range exportCases(t) {
		for _, c := range []struct{ format, syntax, out, flag string }{
			{"turtle", "turtle", "ntriples", "--merged"},
			{"trig", "trig", "nquads", ""},
		} {
			t.Run(name+"/"+c.format, func(t *testing.T) {
				text := exportBytes(t, c.format, files)
				args := files
				if c.flag != "" {
					args = append([]string{c.flag}, files...)
				}
				want := canonicalNQuads(t, exportBytes(t, "nquads", args))
				cmd := exec.Command(rapper, "-q", "-i", c.syntax, "-o", c.out, "-", "urn:film2ld-test:base")
				cmd.Stdin = bytes.NewReader(text)
				var stderr bytes.Buffer
				cmd.Stderr = &stderr
				got, err := cmd.Output()
				if err != nil || stderr.Len() > 0 {
					t.Fatalf("rapper -i %s: %v\n%s", c.syntax, err, stderr.String())
				}
				if canonicalNQuads(t, got) != want {
					t.Errorf("rapper reads another graph from the %s export than the N-Quads export holds", c.format)
				}
			})
		}
	}
}
