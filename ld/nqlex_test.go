package ld

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	jld "github.com/piprate/json-gold/ld"
)

// FuzzLexQuad checks that lexQuad, where it accepts a line, reads what
// json-gold's parser reads: the same four terms, byte for byte.
func FuzzLexQuad(f *testing.F) {
	for _, s := range []string{
		`<http://a.example/s> <http://a.example/p> <http://a.example/o> .`,
		`_:b1 <urn:p> "x"@en-GB <urn:g> .`,
		`_:b1 <urn:p> "a\"b\\c\n\t\u00E9\U0001F600" _:g .`,
		`<urn:s> <urn:p> "1"^^<http://www.w3.org/2001/XMLSchema#integer> .`,
		`<urn:s>	<urn:p>	"x"@de	.`,
		`<urn:s> <urn:p> "x"@1a .`,
		`<urn:s> <urn:p> "\uD800" .`,
		`_:a.b <urn:p> _:c-d .`,
		`<urn:s> <urn:p> <urn:o> . # comment`,
		`<http://a.example/é> <urn:p> "日本語 \u00e9"@ja <urn:g> .`,
		"<urn:s> <urn:p> \"tab\tand\x7f\" .",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		text := bytes.TrimSpace([]byte(line))
		if !utf8.Valid(text) || len(text) == 0 || text[0] == '#' {
			return
		}
		var q rawQuad
		var buf []byte
		if !lexQuad(text, &q, &buf) {
			return
		}
		got := describeRaw(q)
		ds, err := parseLine(string(text))
		if err != nil {
			t.Fatalf("lexQuad accepts %q, json-gold refuses it: %v", text, err)
		}
		var want []string
		for g, qs := range ds.Graphs {
			for _, jq := range qs {
				want = append(want, describeRaw(rawQuadOf(jq, g)))
			}
		}
		if len(want) != 1 || want[0] != got {
			t.Fatalf("%q:\n lexQuad %s\njson-gold %v", text, got, want)
		}
	})
}

func describeRaw(q rawQuad) string {
	var b strings.Builder
	for _, t := range q {
		fmt.Fprintf(&b, "[%d %q %q %q]", t.kind, t.value, t.datatype, t.lang)
	}
	return b.String()
}

// TestLexQuadDeclines lists lines lexQuad leaves to json-gold's parser.
func TestLexQuadDeclines(t *testing.T) {
	for _, line := range []string{
		`<urn:s> <urn:p> <urn:o> . # comment`,
		`<urn:s> <urn:p> <urn:o>.`,
		`<urn:s><urn:p> <urn:o> .`,
		`<urn:s> <urn:p> <urn:\u0041> .`,
		`<urn:s> <urn:p> "\uD800" .`,
		`<urn:s> <urn:p> "x"@ .`,
		`<urn:s> <urn:p> "x"@en- .`,
		`<urn:s> <urn:p> "x"^^<> .`,
		`_:é <urn:p> <urn:o> .`,
		`_:a. <urn:p> <urn:o> .`,
		`<urn:s> _:p <urn:o> .`,
		`"s" <urn:p> <urn:o> .`,
		`<urn:s> <urn:p> <urn:o> <urn:g> <urn:h> .`,
		`<urn:s> <urn:p> .`,
	} {
		var q rawQuad
		var buf []byte
		if lexQuad([]byte(line), &q, &buf) {
			t.Errorf("lexQuad accepts %q", line)
		}
		_ = jld.XSDString
	}
}
