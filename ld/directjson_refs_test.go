package ld_test

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/film2ld/film2ld/ld"
)

// refCases are documents whose sequences' references are light (see
// ld.Config.HeldItems): refs is how many must be, with none held, and
// promoted how many of them become nodes after all, each for the rule
// of node map generation or framing it tests; -1 where json-gold's path
// must be taken.
var refCases = []struct {
	name           string
	refs, promoted int
	doc            string
}{
	{"actors named once, described apart or not at all", 3, 0, `{"@context": "https://schema.org", "@graph": [
		{"@id": "urn:x:m", "@type": "Movie", "name": "M", "actor": [{"@id": "urn:x:a"}, {"@id": "urn:x:b"}, {"@id": "urn:x:c"}]},
		{"@id": "urn:x:a", "@type": "Person", "name": "A"},
		{"@id": "urn:x:b", "@type": ["Person", "Patient"], "name": "B", "birthDate": "1970-01-02", "height": 180}]}`},
	{"one actor: no array", 1, 0, `{"@context": "https://schema.org", "@graph": [
		{"@id": "urn:x:m", "@type": "Movie", "actor": [{"@id": "urn:x:a"}]},
		{"@id": "urn:x:a", "@type": "Person", "name": "A"}]}`},
	{"an actor named twice in the list: one value", 2, 0, `{"@context": "https://schema.org", "@graph": [
		{"@id": "urn:x:m", "@type": "Movie", "actor": [{"@id": "urn:x:a"}, {"@id": "urn:x:b"}, {"@id": "urn:x:a"}]},
		{"@id": "urn:x:a", "@type": "Person", "name": "A"},
		{"@id": "urn:x:b", "@type": "Person", "name": "B"}]}`},
	{"an actor who directs: embedded as director, a reference last among the actors", 4, 1, `{"@context": "https://schema.org", "@graph": [
		{"@id": "urn:x:m", "@type": "Movie", "actor": [{"@id": "urn:x:a"}, {"@id": "urn:x:b"}, {"@id": "urn:x:c"}], "director": [{"@id": "urn:x:b"}, {"@id": "urn:x:d"}]},
		{"@id": "urn:x:a", "@type": "Person", "name": "A"},
		{"@id": "urn:x:b", "@type": "Person", "name": "B"},
		{"@id": "urn:x:c", "@type": "Person", "name": "C"},
		{"@id": "urn:x:d", "@type": "Person", "name": "D"}]}`},
	{"an actor of a part named again in the list after it", 3, 1, `{"@context": "https://schema.org", "@graph": [
		{"@id": "urn:x:m", "@type": "Movie", "actor": [{"@id": "urn:x:a"}, {"@id": "urn:x:b"},
			{"@type": "PerformanceRole", "characterName": "X", "actor": {"@id": "urn:x:a"}}, {"@id": "urn:x:a"}, {"@id": "urn:x:c"}]},
		{"@id": "urn:x:a", "@type": "Person", "name": "A"},
		{"@id": "urn:x:c", "@type": "Person", "name": "C"}]}`},
	{"an actor who reviews: embedded in the review", 2, 1, `{"@context": "https://schema.org", "@graph": [
		{"@id": "urn:x:m", "@type": "Movie", "actor": [{"@id": "urn:x:a"}, {"@id": "urn:x:b"}], "review": [
			{"@type": "Review", "reviewBody": "r", "author": {"@id": "urn:x:b"}}]},
		{"@id": "urn:x:a", "@type": "Person", "name": "A"},
		{"@id": "urn:x:b", "@type": "Person", "name": "B"}]}`},
	{"an actor named by a page: embedded in the page's publisher", 2, 1, `{"@context": "https://schema.org", "@graph": [
		{"@id": "urn:x:m", "@type": "Movie", "actor": [{"@id": "urn:x:a"}, {"@id": "urn:x:b"}], "subjectOf": {"@id": "urn:x:w"}},
		{"@id": "urn:x:a", "@type": "Person", "name": "A"},
		{"@id": "urn:x:w", "@type": "WebPage", "publisher": {"@id": "urn:x:a"}}]}`},
	{"an actor described with a URL, or known by a node: nodes", 3, 3, `{"@context": "https://schema.org", "@graph": [
		{"@id": "urn:x:m", "@type": "Movie", "actor": [{"@id": "urn:x:a"}, {"@id": "urn:x:b"}, {"@id": "urn:x:c"}]},
		{"@id": "urn:x:a", "@type": "Person", "name": "A", "url": "https://example.org/a"},
		{"@id": "urn:x:b", "@type": "Person", "name": "B", "knows": {"@id": "urn:x:c"}},
		{"@id": "urn:x:c", "@type": "Person", "name": "C"}]}`},
	{"an actor described twice: json-gold's path", -1, -1, `{"@context": "https://schema.org", "@graph": [
		{"@id": "urn:x:m", "@type": "Movie", "actor": [{"@id": "urn:x:a"}, {"@id": "urn:x:b"}]},
		{"@id": "urn:x:a", "@type": "Person", "name": "A"},
		{"@id": "urn:x:a", "@type": "Person", "givenName": "A2"}]}`},
	{"an actor described once lazily, once not: json-gold's path", -1, -1, `{"@context": "https://schema.org", "@graph": [
		{"@id": "urn:x:m", "@type": "Movie", "actor": [{"@id": "urn:x:a"}, {"@id": "urn:x:b"}]},
		{"@id": "urn:x:a", "@type": "Person", "name": "A"},
		{"@id": "urn:x:a", "@type": "Person", "url": "https://example.org/a"}]}`},
	{"actors described before the movie: nodes", 1, 0, `{"@context": "https://schema.org", "@graph": [
		{"@id": "urn:x:a", "@type": "Person", "name": "A"},
		{"@id": "urn:x:m", "@type": "Movie", "actor": [{"@id": "urn:x:a"}, {"@id": "urn:x:b"}]},
		{"@id": "urn:x:b", "@type": "Person", "name": "B"}]}`},
	{"IRIs under an @id key", 3, 0, `{"@context": "https://schema.org", "@graph": [
		{"@id": "urn:x:m", "@type": "Movie", "sameAs": ["https://example.org/a", "https://example.org/b", "https://example.org/c"]},
		{"@id": "https://example.org/b", "name": "B"}]}`},
	{"the movie in its own list: a node", 1, 0, `{"@context": "https://schema.org", "@graph": [
		{"@id": "urn:x:m", "@type": "Movie", "actor": [{"@id": "urn:x:a"}, {"@id": "urn:x:m"}]},
		{"@id": "urn:x:a", "@type": "Person", "name": "A"}]}`},
	{"an actor of the framed type: json-gold's path", -1, -1, `{"@context": "https://schema.org", "@graph": [
		{"@id": "urn:x:m", "@type": "Movie", "actor": [{"@id": "urn:x:a"}, {"@id": "urn:x:b"}]},
		{"@id": "urn:x:b", "@type": "Movie", "name": "B"}]}`},
	{"a bad IRI among the actors: json-gold's error", -1, -1, `{"@context": "https://schema.org", "@graph": [
		{"@id": "urn:x:m", "@type": "Movie", "actor": [{"@id": "urn:x:a"}, {"@id": "https://example.org/a b"}]}]}`},
	{"a movie no match holds: json-gold's framing", -1, -1, `{"@context": "https://schema.org", "@graph": [
		{"@id": "urn:x:m", "@type": "Movie", "actor": [{"@id": "urn:x:a"}]},
		{"@id": "urn:x:n", "@type": "Movie", "name": "N"}]}`},
	{"two lists naming one person", 3, 1, `{"@context": "https://schema.org", "@graph": [
		{"@id": "urn:x:m", "@type": "Movie", "actor": [{"@id": "urn:x:a"}, {"@id": "urn:x:b"}], "author": [{"@id": "urn:x:c"}, {"@id": "urn:x:a"}]},
		{"@id": "urn:x:a", "@type": "Person", "name": "A"},
		{"@id": "urn:x:b", "@type": "Person", "name": "B"},
		{"@id": "urn:x:c", "@type": "Person", "name": "C"}]}`},
}

// TestWriteDirectJSONLightRefs: with the references of its sequences held
// as light references where they may be, the snippet's short path gives
// json-gold's bytes and errors, and holds as many as the cases say.
func TestWriteDirectJSONLightRefs(t *testing.T) {
	p := ld.NewProcessor(ld.Config{})
	for _, tt := range refCases {
		decode := func() any { return decodeJSON(t, tt.doc) }
		opts := ld.Options{Root: "Movie"}
		if refs, promoted := ld.LightRefs(noneHeld, sequenced(decode()), ld.FormatJSONLD, opts); refs != tt.refs || promoted != tt.promoted {
			t.Errorf("%s: %d light references, %d promoted; want %d and %d", tt.name, refs, promoted, tt.refs, tt.promoted)
		}
		if refs, _ := ld.LightRefs(p, sequenced(decode()), ld.FormatJSONLD, opts); refs > 0 {
			t.Errorf("%s: %d light references with the default of %d held", tt.name, refs, 512)
		}
		for _, f := range []ld.Format{ld.FormatJSONLD, ld.FormatHTML} {
			var light, general bytes.Buffer
			errLight := noneHeld.WriteDirectJSON(&light, sequenced(decode()), f, opts)
			errGeneral := p.Write(&general, decode(), f, opts)
			if fmt.Sprint(errLight) != fmt.Sprint(errGeneral) || light.String() != general.String() {
				t.Errorf("%s %s: WriteDirectJSON holding no item gave\n%s%v\nWrite gave\n%s%v", tt.name, f, light.String(), errLight, general.String(), errGeneral)
			}
		}
	}
}
