package ld_test

import (
	"testing"

	"github.com/film2ld/film2ld/ld"
)

// DetectInput tells a syntax by its first bytes past comment lines: a
// Turtle file that starts with a header of comments was read as N-Quads
// and refused at its @prefix line (audit 9).
func TestDetectInputPastComments(t *testing.T) {
	for _, tt := range []struct {
		text string
		want ld.InputFormat
	}{
		{"# header\n@prefix s: <http://schema.org/> .\n<urn:x:m> a s:Movie .\n", ld.InputTriG},
		{"# a\n# b\r\n\n  # c\nPREFIX s: <http://schema.org/>\n", ld.InputTriG},
		{"#!\r@base <http://films.example/> .\n", ld.InputTriG},
		{"# header\n<urn:x:m> <http://schema.org/name> \"x\" .\n", ld.InputNQuads},
		{"# header\n_:b0 <http://schema.org/name> \"x\" .\n", ld.InputNQuads},
		{"# only a comment", ld.InputNQuads},
		{"# header\n{\"@context\": \"https://schema.org\"}", ld.InputJSONLD},
		{"# header\n<!doctype html><p>x</p>", ld.InputHTML},
		{"@prefix s: <http://schema.org/> .", ld.InputTriG},
		{"<urn:x:m> <http://schema.org/name> \"# not a comment\" .\n", ld.InputNQuads},
	} {
		if got := ld.DetectInput("", []byte(tt.text)); got != tt.want {
			t.Errorf("%q: %v; want %v", tt.text, got, tt.want)
		}
	}
}
