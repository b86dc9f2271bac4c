package ld_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/film2ld/film2ld/ld"
)

// TestNQuadsEscapesAreCharacters: a \u or \U escape that is no character
// (a surrogate, or past U+10FFFF) is an error at its line and column in
// both N-Quads readers, where json-gold's parser made it U+FFFD without a
// word; escapes of characters, and an escaped backslash before a u, read
// as they are.
func TestNQuadsEscapesAreCharacters(t *testing.T) {
	for _, tt := range []struct {
		name, in string
		pos      string // FILE:LINE:COL of the error; "" for none
		escape   string
		want     string // an object read, when no error
	}{
		{"high surrogate in a literal", "<urn:a> <urn:p> \"ok\" .\n<urn:a> <urn:p> \"x\\uD800y\" .\n", "in.nq:2:19", `\uD800`, ""},
		{"low surrogate in an IRI", "<urn:a\\uDC00> <urn:p> \"x\" .\n", "in.nq:1:7", `\uDC00`, ""},
		{"surrogate as \\U", "<urn:a> <urn:p> \"\\U0000DFFF\" .\n", "in.nq:1:18", `\U0000DFFF`, ""},
		{"past U+10FFFF", "  <urn:a> <urn:p> \"é\\U00110000\" .\n", "in.nq:1:21", `\U00110000`, ""},
		{"a pair written as two escapes", "<urn:a> <urn:p> \"\\uD83D\\uDE00\" .\n", "in.nq:1:18", `\uD83D`, ""},
		{"a character past the BMP", "<urn:a> <urn:p> \"\\U0001F600\" .\n", "", "", "😀"},
		{"an escaped backslash", "<urn:a> <urn:p> \"\\\\uD800\" .\n", "", "", `\uD800`},
		{"a byte-order mark", "\ufeff<urn:a> <urn:p> \"x\" .\n", "", "", "x"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ds := ld.NewDataset()
			_, err := ds.ReadNQuads(strings.NewReader(tt.in), "in.nq", false)
			docs, ferr := ld.NewProcessor(ld.Config{}).FromNQuads(strings.NewReader(tt.in), "in.nq")
			for reader, err := range map[string]error{"ReadNQuads": err, "FromNQuads": ferr} {
				if tt.pos == "" {
					if err != nil {
						t.Errorf("%s: %v", reader, err)
					}
					continue
				}
				var pe *ld.PosError
				if !errors.As(err, &pe) || pe.Pos.String() != tt.pos || !strings.Contains(err.Error(), tt.escape) || !errors.Is(err, ld.ErrSyntax) {
					t.Errorf("%s: %v; want a syntax error at %s naming %s", reader, err, tt.pos, tt.escape)
				}
			}
			if tt.want != "" && ferr == nil && !strings.Contains(strings.ReplaceAll(fmtDoc(docs), `\\`, `\`), tt.want) {
				t.Errorf("FromNQuads read %s; want %q in it", fmtDoc(docs), tt.want)
			}
		})
	}
}

// TestNQuadsSyntaxErrorColumn: a statement json-gold's parser refuses is
// placed at the column of the character it names, counted in characters
// from the line's start (leading white space included).
func TestNQuadsSyntaxErrorColumn(t *testing.T) {
	for in, pos := range map[string]string{
		"<urn:b> <urn:p> \"x\" junk .\n":      "in.nq:1:21",
		"<urn:b> <urn:p> \"éé\" junk .\n":     "in.nq:1:22",
		"\n   <urn:b> <urn:p> \"x\" junk .\n": "in.nq:2:24",
		"\t<urn:b> <urn:p> \"漢\"@en junk .\n": "in.nq:1:25",
	} {
		_, err := ld.NewDataset().ReadNQuads(strings.NewReader(in), "in.nq", false)
		var pe *ld.PosError
		if !errors.As(err, &pe) || pe.Pos.String() != pos {
			t.Errorf("%q: %v; want an error at %s", in, err, pos)
		}
	}
}

// fmtDoc is a document as JSON, for messages and searches.
func fmtDoc(docs []any) string {
	b, _ := json.Marshal(docs)
	return string(b)
}
