package ld_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/film2ld/film2ld/ld"
)

// TestShapeErrors checks errors the JSON-LD API defines that json-gold lets
// through, each named.
func TestShapeErrors(t *testing.T) {
	p := ld.NewProcessor(ld.Config{})
	for _, tt := range []struct{ doc, want string }{
		{`{"@context": {"": {"@id": "https://films.example/v/empty"}}, "@id": "https://films.example/m/1"}`, "invalid term definition"},
		{`{"@context": {"@type": {}}, "@id": "https://films.example/m/1"}`, "keyword redefinition: @type"},
		{`{"@context": {"@context": {"p": "https://films.example/v/p"}}, "@id": "https://films.example/m/1"}`, "keyword redefinition: @context"},
		{`{"@id": "https://films.example/m/1", "https://films.example/v/p": {"@value": "x", "@type": ["https://films.example/t/a", "https://films.example/t/b"]}}`, "invalid typed value"},
	} {
		docs, err := p.Read(strings.NewReader(tt.doc), "d.jsonld", ld.InputJSONLD)
		if err != nil {
			t.Fatal(err)
		}
		_, err = p.ToNQuads(docs[0], ld.Options{})
		if !errors.Is(err, ld.ErrInvalidInput) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: err = %v, want %q", tt.doc, err, tt.want)
		}
	}
	// What is allowed stays allowed: @type as a protected @set, the
	// context's own keywords.
	ok := `{"@context": {"@version": 1.1, "@vocab": "https://films.example/v/", "@type": {"@container": "@set", "@protected": true}}, "@id": "https://films.example/m/1", "p": "x"}`
	docs, _ := p.Read(strings.NewReader(ok), "ok.jsonld", ld.InputJSONLD)
	if _, err := p.ToNQuads(docs[0], ld.Options{}); err != nil {
		t.Errorf("allowed context refused: %v", err)
	}
}
