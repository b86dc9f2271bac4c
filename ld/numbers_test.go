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
	for _, num := range []string{"0", "0.0e-400", "-0", "1e-300", "9007199254740992", "123456789012345678901234567890e0"} {
		doc := `{"@context": "https://schema.org", "@type": "Movie", "duration": ` + num + `}`
		docs, err := p.Read(strings.NewReader(doc), "n.jsonld", ld.InputJSONLD)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := p.ToNQuads(docs[0], ld.Options{}); err != nil && !strings.Contains(err.Error(), "too large for an exact literal") {
			t.Errorf("%s: %v", num, err)
		}
	}
}
