package ld_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/film2ld/film2ld/ld"
)

// TestLangStringWithoutTag: a literal typed rdf:langString with no
// language tag, which RDF does not have and whose N-Quads would be
// "x"@ (unreadable, by film2ld and rapper alike), is refused as an
// invalid literal from N-Quads, Turtle and JSON-LD; with a tag it is an
// ordinary language-tagged string.
func TestLangStringWithoutTag(t *testing.T) {
	const ls = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#langString>"
	if _, err := ld.ReadNQuads(strings.NewReader(`<http://films.example/f> <http://schema.org/name> "Stalker"^^`+ls+" .\n"), "in.nq"); !errors.Is(err, ld.ErrInvalidLiteral) {
		t.Errorf("N-Quads: %v, want ErrInvalidLiteral", err)
	}
	d := ld.NewDataset()
	if _, err := d.ReadNQuads(strings.NewReader(`_:f <http://schema.org/name> "Stalker"^^`+ls+" .\n"), "in.nq", false); !errors.Is(err, ld.ErrInvalidLiteral) {
		t.Errorf("N-Quads into a dataset: %v, want ErrInvalidLiteral", err)
	}
	if _, err := ld.ReadTurtle(strings.NewReader(`<http://films.example/f> <http://schema.org/name> "Stalker"^^`+ls+" .\n"), "in.ttl", false); !errors.Is(err, ld.ErrInvalidLiteral) {
		t.Errorf("Turtle: %v, want ErrInvalidLiteral", err)
	}
	p := ld.NewProcessor(ld.Config{})
	for _, doc := range []string{
		`{"@context": "https://schema.org", "@type": "Movie", "name": {"@value": "Stalker", "@type": "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"}}`,
		`{"@context": {"@vocab": "http://schema.org/", "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#"}, "name": {"@value": "Stalker", "@type": "rdf:langString"}}`,
	} {
		var v any
		if err := json.Unmarshal([]byte(doc), &v); err != nil {
			t.Fatal(err)
		}
		if _, err := p.ToNQuads(v, ld.Options{}); !errors.Is(err, ld.ErrInvalidLiteral) {
			t.Errorf("JSON-LD %s: %v, want ErrInvalidLiteral", doc, err)
		}
	}
	quads, err := ld.ReadNQuads(strings.NewReader(`<http://films.example/f> <http://schema.org/name> "Сталкер"@ru .`+"\n"), "in.nq")
	if err != nil || len(quads) != 1 || quads[0].Object.Lang != "ru" {
		t.Errorf("a tagged string: %v %v", quads, err)
	}
}
