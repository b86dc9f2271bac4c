package ld_test

import (
	"bytes"
	"fmt"
	"iter"
	"slices"
	"testing"

	"github.com/film2ld/film2ld/ld"
)

// noneHeld holds no item of a sequence in the snippet's node map: each is
// built again as it is written (ld.Config.HeldItems).
var noneHeld = ld.NewProcessor(ld.Config{HeldItems: -1})

// sequenced returns doc with every array value of its top-level nodes a
// sequence of the same items, as a renderer streams its long lists.
func sequenced(doc any) any {
	top, _ := doc.(map[string]any)
	graph, _ := top["@graph"].([]any)
	for _, n := range graph {
		m, _ := n.(map[string]any)
		for k, v := range m {
			if list, isList := v.([]any); isList && k != "@type" {
				m[k] = iter.Seq[any](slices.Values(list))
			}
		}
	}
	return doc
}

// lazyCases are documents whose sequences' items are built again as they
// are written, each for the framing rule it tests; lazy is how many items
// must be, with none held.
var lazyCases = []struct {
	name            string
	lazy, described int
	doc             string
}{
	{"reviews by people described apart", 3, 2, `{"@context": "https://schema.org", "@graph": [
		{"@id": "urn:x:m", "@type": "Movie", "name": "M", "review": [
			{"@type": "Review", "reviewBody": "a", "author": {"@id": "urn:x:a"}, "reviewRating": {"@type": "Rating", "ratingValue": 8, "bestRating": 10}},
			{"@type": "Review", "reviewBody": "b", "author": {"@id": "urn:x:b"}, "datePublished": "2011-01-02"},
			{"@type": "Review", "reviewBody": ["c", "c", "d"], "author": {"@id": "urn:x:c"}, "publisher": {"@id": "urn:x:o"}}]},
		{"@id": "urn:x:a", "@type": "Person", "name": "A"},
		{"@id": "urn:x:b", "@type": "Person", "name": "B", "url": "https://example.org/b"},
		{"@id": "urn:x:o", "@type": "Organization", "name": "O"}]}`},
	{"one author of two reviews: embedded in the last", 2, 1, `{"@context": "https://schema.org", "@graph": [
		{"@id": "urn:x:m", "@type": "Movie", "review": [
			{"@type": "Review", "reviewBody": "a", "author": {"@id": "urn:x:a"}},
			{"@type": "Review", "reviewBody": "b", "author": {"@id": "urn:x:a"}, "publisher": {"@id": "urn:x:a"}}]},
		{"@id": "urn:x:a", "@type": "Person", "name": "A"}]}`},
	{"a director who reviews: embedded in the review", 2, 3, `{"@context": "https://schema.org", "@graph": [
		{"@id": "urn:x:m", "@type": "Movie", "director": [{"@id": "urn:x:a"}, {"@id": "urn:x:d"}], "review": [
			{"@type": "Review", "reviewBody": "a", "author": {"@id": "urn:x:a"}},
			{"@type": "Review", "reviewBody": "b", "author": {"@id": "urn:x:b"}}]},
		{"@id": "urn:x:a", "@type": "Person", "name": "A"},
		{"@id": "urn:x:b", "@type": "Person", "name": "B"},
		{"@id": "urn:x:d", "@type": "Person", "name": "D"}]}`},
	{"a reviewer named later: the review keeps a reference", 2, 1, `{"@context": "https://schema.org", "@graph": [
		{"@id": "urn:x:m", "@type": "Movie", "review": [
			{"@type": "Review", "reviewBody": "a", "author": {"@id": "urn:x:a"}},
			{"@type": "Review", "reviewBody": "b", "author": {"@id": "urn:x:b"}}],
		 "sdPublisher": {"@id": "urn:x:a"}},
		{"@id": "urn:x:a", "@type": "Person", "name": "A", "knows": {"@id": "urn:x:b"}},
		{"@id": "urn:x:b", "@type": "Person", "name": "B"}]}`},
	{"a review of the movie itself", 2, 1, `{"@context": "https://schema.org", "@graph": [
		{"@id": "urn:x:m", "@type": "Movie", "name": "M", "review": [
			{"@type": "Review", "itemReviewed": {"@id": "urn:x:m"}, "author": {"@id": "urn:x:a"}},
			{"@type": "Review", "itemReviewed": "urn:x:m", "reviewBody": "b"}]},
		{"@id": "urn:x:a", "@type": "Person", "name": "A"}]}`},
	{"two authors: held, the others not", 2, 2, `{"@context": "https://schema.org", "@graph": [
		{"@id": "urn:x:m", "@type": "Movie", "review": [
			{"@type": "Review", "reviewBody": "a", "author": [{"@id": "urn:x:a"}, {"@id": "urn:x:b"}]},
			{"@type": "Review", "reviewBody": "b", "author": {"@id": "urn:x:b"}},
			{"@type": "Review", "reviewBody": "c", "author": {"@id": "urn:x:a"}}]},
		{"@id": "urn:x:a", "@type": "Person", "name": "A"},
		{"@id": "urn:x:b", "@type": "Person", "name": "B"}]}`},
	{"reviews describing their author: held", 0, 0, `{"@context": "https://schema.org", "@graph": [
		{"@id": "urn:x:m", "@type": "Movie", "review": [
			{"@type": "Review", "reviewBody": "a", "author": {"@id": "urn:x:a", "name": "A"}},
			{"@id": "urn:x:r", "@type": "Review", "reviewBody": "b"},
			{"@type": "Movie", "name": "a film in a list"}]}]}`},
	// (The second review's two sameAs IRIs are references in one
	// property: it is held.)
	{"nested blank nodes and IRIs under @id keys", 1, 1, `{"@context": "https://schema.org", "@graph": [
		{"@type": "Movie", "name": "M", "review": [
			{"@type": "Review", "reviewBody": "</script>\u2028", "url": "https://example.org/r1", "reviewRating": {"@type": "Rating", "ratingValue": 3, "author": {"@id": "urn:x:a"}}},
			{"@type": "Review", "reviewBody": "b", "sameAs": ["https://example.org/r2", "https://example.org/r3"], "author": {"@type": "Person", "name": "Blank"}}]},
		{"@id": "urn:x:a", "@type": "Person", "name": "A"}]}`},
	{"a bad IRI in a review: json-gold's error", 0, 0, `{"@context": "https://schema.org", "@graph": [
		{"@id": "urn:x:m", "@type": "Movie", "review": [
			{"@type": "Review", "reviewBody": "a"},
			{"@type": "Review", "url": "https://example.org/a b"}]}]}`},
	{"two movies: json-gold's framing", 0, 0, `{"@context": "https://schema.org", "@graph": [
		{"@id": "urn:x:m", "@type": "Movie", "review": [{"@type": "Review", "reviewBody": "a"}, {"@type": "Review", "reviewBody": "b"}]},
		{"@id": "urn:x:n", "@type": "Movie", "name": "N"}]}`},
	// (a's names become a sequence, as every array of a top-level node
	// does here: a is held.)
	{"people described in a few bytes, written out of order", 2, 3, `{"@context": "https://schema.org", "@graph": [
		{"@id": "urn:x:m", "@type": "Movie", "review": [
			{"@type": "Review", "author": {"@id": "urn:x:z"}, "url": "urn:x:n"},
			{"@type": "Review", "author": {"@id": "urn:x:a"}}],
		 "url": "urn:x:u"},
		{"@id": "urn:x:a", "@type": ["Person", "Patient"], "name": ["A", "a", "A"], "honorificPrefix": "</script>\u2028"},
		{"@id": "urn:x:n", "@type": "WebPage", "name": "N", "isFamilyFriendly": true, "position": 3},
		{"@id": "urn:x:u", "name": "U"},
		{"@id": "urn:x:z", "@type": "Person", "name": "Z", "email": ""}]}`},
	{"reviewers described before the movie, one named by a held node too", 3, 2, `{"@context": "https://schema.org", "@graph": [
		{"@id": "urn:x:a", "@type": "Person", "name": "A"},
		{"@id": "urn:x:b", "@type": "Person", "name": "B"},
		{"@id": "urn:x:m", "@type": "Movie", "review": [
			{"@type": "Review", "author": {"@id": "urn:x:a"}},
			{"@type": "Review", "author": {"@id": "urn:x:b"}},
			{"@type": "Review", "author": {"@id": "urn:x:a"}}], "subjectOf": {"@id": "urn:x:w"}},
		{"@id": "urn:x:w", "@type": "WebPage", "publisher": {"@id": "urn:x:b"}}]}`},
	{"a person described twice: json-gold's path", 0, 0, `{"@context": "https://schema.org", "@graph": [
		{"@id": "urn:x:m", "@type": "Movie", "review": [
			{"@type": "Review", "author": {"@id": "urn:x:a"}},
			{"@type": "Review", "author": {"@id": "urn:x:b"}}]},
		{"@id": "urn:x:a", "@type": "Person", "name": "A"},
		{"@id": "urn:x:b", "@type": "Person", "name": "B", "knows": {"@id": "urn:x:a", "givenName": "A2"}}]}`},
	{"a person described again at the top: json-gold's path", 0, 0, `{"@context": "https://schema.org", "@graph": [
		{"@id": "urn:x:m", "@type": "Movie", "author": {"@id": "urn:x:a"}},
		{"@id": "urn:x:a", "@type": "Person", "name": "A"},
		{"@id": "urn:x:a", "familyName": "B"}]}`},
	{"a described person no one names: json-gold's path", 0, 0, `{"@context": "https://schema.org", "@graph": [
		{"@id": "urn:x:m", "@type": "Movie", "name": "M"},
		{"@id": "urn:x:a", "@type": "Person", "name": "A"}]}`},
	{"descriptions that name a node, or of the framed type: held", 0, 0, `{"@context": "https://schema.org", "@graph": [
		{"@id": "urn:x:m", "@type": "Movie", "author": {"@id": "urn:x:a"}, "director": {"@id": "urn:x:b"}},
		{"@id": "urn:x:a", "@type": "Person", "name": "A", "url": "https://example.org/a"},
		{"@id": "urn:x:b", "@type": "Person", "name": "B", "knows": {"@id": "urn:x:a"}},
		{"@id": "urn:x:c", "@type": "Movie", "name": "C"}]}`},
}

// TestWriteDirectJSONNoneHeld: with the items of its sequences built again
// as they are written rather than held, the snippet's short path gives
// json-gold's bytes and errors, on the lazy cases and on every case of
// TestWriteDirectJSON with its top-level arrays made sequences, and is
// lazy where the cases say.
func TestWriteDirectJSONNoneHeld(t *testing.T) {
	p := ld.NewProcessor(ld.Config{})
	type docCase struct {
		name            string
		lazy, described int // -2: not checked
		doc             string
	}
	var cases []docCase
	for _, tt := range lazyCases {
		cases = append(cases, docCase{tt.name, tt.lazy, tt.described, tt.doc})
	}
	for _, tt := range directJSONCases {
		cases = append(cases, docCase{tt.name, -2, -2, tt.doc})
	}
	for _, tt := range cases {
		decode := func() any { return decodeJSON(t, tt.doc) }
		opts := ld.Options{Root: "Movie"}
		if tt.lazy != -2 {
			items, described := ld.LazyItems(noneHeld, sequenced(decode()), ld.FormatJSONLD, opts)
			if items, described = max(items, 0), max(described, 0); items != tt.lazy || described != tt.described {
				t.Errorf("%s: %d items lazy, %d nodes described in bytes; want %d and %d", tt.name, items, described, tt.lazy, tt.described)
			}
			if items, described := ld.LazyItems(p, sequenced(decode()), ld.FormatJSONLD, opts); items > 0 || described > 0 {
				t.Errorf("%s: %d items lazy, %d described in bytes with the default of %d held", tt.name, items, described, 512)
			}
		}
		for _, f := range []ld.Format{ld.FormatJSONLD, ld.FormatHTML} {
			var lazy, general bytes.Buffer
			errLazy := noneHeld.WriteDirectJSON(&lazy, sequenced(decode()), f, opts)
			errGeneral := p.Write(&general, decode(), f, opts)
			if fmt.Sprint(errLazy) != fmt.Sprint(errGeneral) || lazy.String() != general.String() {
				t.Errorf("%s %s: WriteDirectJSON holding no item gave\n%s%v\nWrite gave\n%s%v", tt.name, f, lazy.String(), errLazy, general.String(), errGeneral)
			}
		}
	}
}

// A sequence that gives other items when walked again is an error, not
// other bytes.
func TestWriteDirectJSONSequenceChanged(t *testing.T) {
	walks := 0
	reviews := iter.Seq[any](func(yield func(any) bool) {
		walks++
		for i := range 3 {
			body := fmt.Sprintf("review %d", i)
			author := map[string]any{"@id": fmt.Sprintf("urn:x:p%d", i)}
			r := map[string]any{"@type": "Review", "reviewBody": body, "author": author}
			if walks > 1 && i == 2 {
				delete(r, "author")
			}
			if !yield(r) {
				return
			}
		}
	})
	doc := map[string]any{"@context": "https://schema.org", "@graph": []any{
		map[string]any{"@id": "urn:x:m", "@type": "Movie", "review": reviews},
		map[string]any{"@id": "urn:x:p2", "@type": "Person", "name": "P"},
	}}
	var out bytes.Buffer
	err := noneHeld.WriteDirectJSON(&out, doc, ld.FormatJSONLD, ld.Options{Root: "Movie"})
	if err == nil {
		t.Errorf("no error; wrote\n%s", out.String())
	}
}
