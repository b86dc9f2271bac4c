package ld_test

import (
	"strings"
	"testing"

	"github.com/film2ld/film2ld/ld"
)

// TestLenientRecords checks that a lenient call drops what the checks
// would refuse, keeps the rest, and records each kind once with the first
// place and a count.
func TestLenientRecords(t *testing.T) {
	p := ld.NewProcessor(ld.Config{})
	doc := map[string]any{
		"@context": "https://schema.org",
		"@id":      "https://films.example/m/1", "@type": "Movie", "name": "Heat",
		"sameAs":        []any{"https://films.example/a b", "https://films.example/c d", "https://films.example/ok#one#two"},
		"url":           "https://films.example/heat",
		"director":      map[string]any{"@type": "Person", "name": map[string]any{"@value": "Mann", "@direction": "ltr", "@language": "en"}},
		"alternateName": map[string]any{"@value": "Chaleur", "@language": "fr FR"},
	}
	d := &ld.Dropped{}
	nq, err := p.ToNQuads(doc, ld.Options{Lenient: d})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`<https://schema.org/url> <https://films.example/heat>`, `"Mann"@en`, `"Heat"`} {
		if !strings.Contains(strings.ReplaceAll(nq, "http://schema.org/", "https://schema.org/"), want) {
			t.Errorf("kept statement %s missing:\n%s", want, nq)
		}
	}
	for _, gone := range []string{"a b", "c d", "one#two", "Chaleur"} {
		if strings.Contains(nq, gone) {
			t.Errorf("%q not dropped:\n%s", gone, nq)
		}
	}
	drops := d.Drops()
	got := map[string]ld.Drop{}
	for _, dr := range drops {
		got[dr.Kind] = dr
	}
	if dr := got["ill-formed IRI, with the statements that hold it (all of a node it names)"]; dr.Count != 3 || !strings.Contains(dr.First, `sameAs: "https://films.example/a b"`) {
		t.Errorf("ill-formed IRIs: %+v", dr)
	}
	if dr := got["literal with an ill-formed language tag"]; dr.Count != 1 || !strings.Contains(dr.First, "alternateName") {
		t.Errorf("language tag: %+v", dr)
	}
	if len(drops) != 3 {
		t.Errorf("%d kinds, want 3 (IRI, language, direction): %v", len(drops), drops)
	}
	// The strict call refuses the same document.
	if _, err := p.ToNQuads(doc, ld.Options{}); err == nil {
		t.Error("strict call accepted it")
	}
}

// TestLenientKeepsEmbeddedNodes: a node dropped for its @id (relative,
// no base; ill-formed) or a property dropped for its IRI takes its own
// statements only: the nodes embedded in it keep theirs, as in JSON-LD's
// RDF conversion, where they are nodes of the node map (jsonld.js gives
// these statements; cmd/film2ld's TestReferenceLenientKeepsEmbeddedNodes
// compares whole outputs with it).
func TestLenientKeepsEmbeddedNodes(t *testing.T) {
	p := ld.NewProcessor(ld.Config{})
	doc := map[string]any{
		"@context": "https://schema.org",
		"@graph": []any{
			map[string]any{"@id": "/movies/x", "@type": "Movie", "name": "X",
				"director": map[string]any{"@id": "https://films.example/p/ada", "name": "Ada"},
				"review":   map[string]any{"@type": "Review", "reviewBody": "kept review", "author": map[string]any{"name": "Bo"}}},
			map[string]any{"@id": "https://films.example/m/2", "name": "Two",
				"actor": map[string]any{"@id": "https://films.example/a b", "knows": map[string]any{"@id": "https://films.example/p/cy", "name": "Cy"}}},
		},
	}
	nq, err := p.ToNQuads(doc, ld.Options{Lenient: &ld.Dropped{}})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`<https://films.example/p/ada> <http://schema.org/name> "Ada" .`, `"kept review" .`, `<http://schema.org/name> "Bo" .`,
		`<https://films.example/p/cy> <http://schema.org/name> "Cy" .`, `<https://films.example/m/2> <http://schema.org/name> "Two" .`} {
		if !strings.Contains(nq, want) {
			t.Errorf("statement of an embedded node lost: %s\n%s", want, nq)
		}
	}
	for _, gone := range []string{`"X"`, "a b", "/movies/x", "<http://schema.org/director>", "<http://schema.org/actor>"} {
		if strings.Contains(nq, gone) {
			t.Errorf("%q not dropped:\n%s", gone, nq)
		}
	}
}
