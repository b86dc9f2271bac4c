package ld_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/film2ld/film2ld/ld"
)

// TestNumbersOutOfRange checks that numbers a double cannot hold are
// refused alike, too large or too small, with their own text in the message
// and a hint that keeps their value.
func TestNumbersOutOfRange(t *testing.T) {
	p := ld.NewProcessor(ld.Config{})
	for _, tt := range []struct{ num, want string }{
		{"1e400", "number 1e400 is too large for a double"},
		{"-1e400", "number -1e400 is too large for a double"},
		{"0.1e-400", "number 0.1e-400 is too small for a double (it would become 0)"},
		{"-5e-999", "number -5e-999 is too small for a double"},
		{"9007199254740993", "integer 9007199254740993 has no exact double (it would become 9007199254740992)"},
		{"-9007199254740995", "integer -9007199254740995 has no exact double"},
		// A fraction a double loses whole, which JSON-LD then writes as
		// an xsd:integer (1.00000000000000000001 was "1"^^xsd:integer).
		{"1.00000000000000000001", "number 1.00000000000000000001 would lose its fraction as a double (it would become 1, an integer)"},
		{"-123456789012345678901234567890.5", "would lose its fraction as a double (it would become -123456789012345680000000000000, an integer)"},
		{"1000000000000000000001e-3", "would lose its fraction"},
	} {
		doc := `{"@context": "https://schema.org", "@type": "Movie", "duration": ` + tt.num + `}`
		docs, err := p.Read(strings.NewReader(doc), "n.jsonld", ld.InputJSONLD)
		if err != nil {
			t.Fatal(err)
		}
		_, err = p.ToNQuads(docs[0], ld.Options{})
		if !errors.Is(err, ld.ErrInvalidInput) || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), `"@value": "`+tt.num+`"`) {
			t.Errorf("%s: err = %v, want %q and a hint with the number as written", tt.num, err, tt.want)
		}
	}
	// Zero, small numbers and integers a double holds exactly pass.
	for _, num := range []string{"0", "0.0e-400", "-0", "1e-300", "9007199254740992", "123456789012345678901234567890e0", "2.000", "1.5e1", "48.858844300000001", "25e-1"} {
		doc := `{"@context": "https://schema.org", "@type": "Movie", "duration": ` + num + `}`
		docs, err := p.Read(strings.NewReader(doc), "n.jsonld", ld.InputJSONLD)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := p.ToNQuads(docs[0], ld.Options{}); err != nil {
			t.Errorf("%s: %v", num, err)
		}
	}
}

// TestLargeIntegers: a whole number a double holds exactly, past 2^53, is
// written as JSON-LD's RDF conversion writes it (and jsonld.js): an
// xsd:integer in full below 10^21, an xsd:double from there; json-gold,
// converting through int64, wrote "1.0E20"^^xsd:double for 2^63 up to
// 10^21, so film2ld refused every whole number past 2^53. In a list too,
// with a datatype of the document's own, and whichever way the number was
// written.
func TestLargeIntegers(t *testing.T) {
	p := ld.NewProcessor(ld.Config{})
	const xsd = "http://www.w3.org/2001/XMLSchema#"
	for _, tt := range []struct{ num, want string }{
		{"9007199254740992", `"9007199254740992"^^<` + xsd + `integer>`},
		{"9.3e18", `"9300000000000000000"^^<` + xsd + `integer>`},
		{"1e20", `"100000000000000000000"^^<` + xsd + `integer>`},
		{"-5.358820043066892e+20", `"-535882004306689196032"^^<` + xsd + `integer>`},
		{"100000000000000000000", `"100000000000000000000"^^<` + xsd + `integer>`},
		{"1e21", `"1.0E21"^^<` + xsd + `double>`},
		{"1.7976931348623157e308", `"1.797693134862316E308"^^<` + xsd + `double>`},
		{`{"@value": 1e20, "@type": "http://example.org/big"}`, `"100000000000000000000"^^<http://example.org/big>`},
		{`{"@value": 1e20, "@type": "` + xsd + `double"}`, `"1.0E20"^^<` + xsd + `double>`},
		{`{"@list": [1e20, 2]}`, `"100000000000000000000"^^<` + xsd + `integer>`},
	} {
		doc := `{"@context": "https://schema.org", "@id": "https://films.example/m", "commentCount": ` + tt.num + `}`
		docs, err := p.Read(strings.NewReader(doc), "n.jsonld", ld.InputJSONLD)
		if err != nil {
			t.Fatalf("%s: %v", tt.num, err)
		}
		for _, f := range []ld.Format{ld.FormatNQuads, ld.FormatCanonical} {
			var out strings.Builder
			if err := p.Write(&out, docs[0], f, ld.Options{}); err != nil || !strings.Contains(out.String(), tt.want) {
				t.Errorf("%s, %s: %v\n%s\nwant %s", tt.num, f, err, out.String(), tt.want)
			}
		}
	}
}
