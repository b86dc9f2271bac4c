package ld_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/film2ld/film2ld/ld"
)

// TestJSONLiteralChecked: a literal typed rdf:JSON is refused as an
// invalid literal, at its line, where it writes a key twice in one object
// (one of the two values was dropped without a word), holds a number no
// double holds, or is not one JSON value, from N-Quads (a statement list
// and a dataset) and Turtle; JSON that is fine reads.
func TestJSONLiteralChecked(t *testing.T) {
	const dt = "^^<http://www.w3.org/1999/02/22-rdf-syntax-ns#JSON>"
	for _, tt := range []struct {
		lit  string // the N-Quads literal's text, escaped
		want string // in the error; "" for none
	}{
		{`{\"cast\": [\"Anna\"], \"cast\": []}`, `writes the key "cast" twice`},
		{`{\"a\": {\"b\": 1, \"\\u0062\": 2}}`, `writes the key "b" twice`},
		{`1e400`, "holds the number 1e400"},
		{`[1, -2e308]`, "holds the number -2e308"},
		{`{\"a\": 1`, "is not JSON"},
		{`1 2`, "is not JSON"},
		{`{\"a\": 1.0, \"b\": [true, null, \"x\"]}`, ""},
	} {
		nq := `<http://films.example/f> <http://films.example/meta> "` + tt.lit + `"` + dt + " .\n"
		_, err := ld.ReadNQuads(strings.NewReader(nq), "in.nq")
		d := ld.NewDataset()
		_, derr := d.ReadNQuads(strings.NewReader(nq), "in.nq", false)
		_, terr := ld.ReadTurtle(strings.NewReader(nq), "in.ttl", false) // an N-Quads triple is Turtle
		for name, err := range map[string]error{"N-Quads": err, "dataset": derr, "Turtle": terr} {
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("%s %s: %v", name, tt.lit, err)
			case tt.want != "" && (!errors.Is(err, ld.ErrInvalidLiteral) || !strings.Contains(err.Error(), tt.want)):
				t.Errorf("%s %s: %v, want an invalid literal that %s", name, tt.lit, err, tt.want)
			}
		}
	}
}
