package ld

import (
	"errors"
	"strings"
	"testing"
)

// TestNQuadsTermErrorPlaced: a term of an N-Quads statement that the
// check refuses (an IRI with a space written \u0020, a second "#", a
// percent sign with no hex digits, a literal typed rdf:langString with no
// tag, a bad graph name) is placed at the column where the term starts,
// after IRIs, literals with escaped quotes, tags and datatypes, blank
// nodes and leading white space, with the line for an excerpt.
func TestNQuadsTermErrorPlaced(t *testing.T) {
	for _, tt := range []struct {
		line string
		col  int
	}{
		{`<http://films.example/f> <http://schema.org/sameAs> <http://films.example/a\u0020b> .`, 53},
		{`<http://films.example/f#a#b> <http://schema.org/name> "x" .`, 1},
		{`_:b0 <http://films.example/p#q#r> "x" .`, 6},
		{`  _:b0 <http://schema.org/name> "Le \"Samouraï\""@fr <http://films.example/g%zz> .`, 54},
		{"\t_:b0\t<http://schema.org/name>\t\"x\"^^<http://www.w3.org/1999/02/22-rdf-syntax-ns#langString> .", 32},
		{`_:b0 <http://schema.org/name> "x"^^<http://www.w3.org/2001/XMLSchema#string> <urn:x#a#b> .`, 78},
	} {
		d := NewDataset()
		_, err := d.ReadNQuads(strings.NewReader(tt.line+"\n"), "in.nq", false)
		var pe *PosError
		if !errors.As(err, &pe) {
			t.Errorf("%s: %v, not a positioned error", tt.line, err)
			continue
		}
		if pe.Pos.Line != 1 || pe.Pos.Col != tt.col || pe.Source != tt.line {
			t.Errorf("%s: at %d:%d with %q; want 1:%d with the line", tt.line, pe.Pos.Line, pe.Pos.Col, pe.Source, tt.col)
		}
	}
}
