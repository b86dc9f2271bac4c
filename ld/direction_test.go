package ld_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/film2ld/film2ld/ld"
)

// TestDirection: a literal's base direction stays in JSON-LD output, is
// written in RDF as the chosen rdfDirection says, and is refused in RDF
// (or dropped with Lenient) when none is chosen.
func TestDirection(t *testing.T) {
	doc := func() any {
		return map[string]any{"@context": "https://schema.org", "@id": "https://films.example/m/1", "@type": "Movie",
			"name":          map[string]any{"@value": "الحرارة", "@language": "ar-EG", "@direction": "rtl"},
			"alternateName": map[string]any{"@value": "Heat", "@direction": "ltr"}}
	}
	p := ld.NewProcessor(ld.Config{})

	expanded, err := p.Expand(doc(), ld.Options{})
	if err != nil {
		t.Fatal(err)
	}
	name := expanded[0].(map[string]any)["http://schema.org/name"].([]any)[0].(map[string]any)
	if name["@direction"] != "rtl" {
		t.Errorf("Expand lost the direction: %v", name)
	}

	tests := []struct {
		mode string
		want string
	}{
		{ld.DirectionI18nDatatype, `<https://films.example/m/1> <http://schema.org/alternateName> "Heat"^^<https://www.w3.org/ns/i18n#_ltr> .
<https://films.example/m/1> <http://schema.org/name> "الحرارة"^^<https://www.w3.org/ns/i18n#ar-eg_rtl> .
<https://films.example/m/1> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://schema.org/Movie> .
`},
		{ld.DirectionCompoundLiteral, `<https://films.example/m/1> <http://schema.org/alternateName> _:c14n1 .
<https://films.example/m/1> <http://schema.org/name> _:c14n0 .
<https://films.example/m/1> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://schema.org/Movie> .
_:c14n0 <http://www.w3.org/1999/02/22-rdf-syntax-ns#direction> "rtl" .
_:c14n0 <http://www.w3.org/1999/02/22-rdf-syntax-ns#language> "ar-eg" .
_:c14n0 <http://www.w3.org/1999/02/22-rdf-syntax-ns#value> "الحرارة" .
_:c14n1 <http://www.w3.org/1999/02/22-rdf-syntax-ns#direction> "ltr" .
_:c14n1 <http://www.w3.org/1999/02/22-rdf-syntax-ns#value> "Heat" .
`},
	}
	for _, tt := range tests {
		got, err := p.Canonical(doc(), ld.Options{RDFDirection: tt.mode})
		if err != nil {
			t.Fatalf("%s: %v", tt.mode, err)
		}
		if got != tt.want {
			t.Errorf("%s:\n got:\n%s\nwant:\n%s", tt.mode, got, tt.want)
		}
	}

	_, err = p.ToNQuads(doc(), ld.Options{})
	if !errors.Is(err, ld.ErrInvalidLiteral) || !strings.Contains(err.Error(), "rdfDirection") {
		t.Errorf("without an rdfDirection: err = %v, want an invalid literal naming rdfDirection", err)
	}
	d := &ld.Dropped{}
	got, err := p.Canonical(doc(), ld.Options{Lenient: d})
	if err != nil || strings.Contains(got, "i18n") || !strings.Contains(got, `"الحرارة"@ar-eg`) {
		t.Errorf("lenient: %v\n%s", err, got)
	}
	if _, err := p.ToNQuads(doc(), ld.Options{RDFDirection: "rtl-first"}); !errors.Is(err, ld.ErrInvalidInput) {
		t.Errorf("unknown rdfDirection: err = %v, want invalid input", err)
	}
}
