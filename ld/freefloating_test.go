package ld_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/film2ld/film2ld/ld"
)

// TestFreeFloatingTop: the objects JSON-LD drops at a document's top
// level, counted by kind with the first one's pointer; what stays (a
// node with more than @id, values below the top) is not counted.
func TestFreeFloatingTop(t *testing.T) {
	for _, tt := range []struct{ doc, want string }{
		{`{"@id": "https://ex.org/a"}`, "1 node with only @id at its top"},
		{`{"@context": "https://schema.org", "id": "https://ex.org/a"}`, "1 node with only @id at its top"},
		// "id" is no keyword under another context.
		{`{"@context": {"id": "https://ex.org/id"}, "id": "x"}`, ""},
		{`[{"@value": 1}, [{"@list": []}], {"@id": "https://ex.org/a", "https://ex.org/p": null}]`,
			"1 node with only @id at /2; 1 @value object at /0; 1 @list object at /1/0"},
		{`{"@graph": [{"@id": "https://ex.org/a"}, {"@id": "https://ex.org/b"}, {"@id": "https://ex.org/c", "@type": "https://ex.org/T"}]}`,
			"2 nodes with only @id, the first at /@graph/0"},
		{`{"@id": "https://ex.org/g", "@graph": {"@set": [{"@value": "x"}]}}`, "1 @value object at /@graph/@set/0"},
		{`{"@id": "https://ex.org/a", "https://ex.org/p": {"@list": [{"@value": 1}]}}`, ""},
		// An object-valued @graph whose one object is dropped: what holds
		// it is read without it, here a node with only @id too.
		{`{"@id": "https://ex.org/g", "@graph": {"@id": "https://ex.org/a"}}`, "2 nodes with only @id, the first at its top"},
		// What holds a graph of one object dropped is dropped too.
		{`{"@graph": {"@value": "x"}}`, "1 @value object at /@graph; 1 object with nothing in it at its top"},
		// A top-level list's items are expanded where it stands.
		{`{"@list": [{"@id": "https://ex.org/a"}, {"@value": 1}, {"@list": []}]}`,
			"1 node with only @id at /@list/0; 1 @value object at /@list/1; 2 @list objects, the first at its top"},
		// A top node's @included items stand where it stands.
		{`{"@id": "https://ex.org/m", "https://ex.org/p": 1, "@included": [{"@id": "https://ex.org/i"}, {"@value": 1}, {"@id": "https://ex.org/j", "https://ex.org/p": {"@id": "https://ex.org/k"}}]}`,
			"1 node with only @id at /@included/0; 1 @value object at /@included/1"},
		// A context scoped to a property may define "id" under it: the
		// walk applies no scoped context, so "id" is no keyword anywhere
		// under one (jsonld.js keeps this node, a node with a property).
		{`{"@context": ["https://schema.org", {"subjectOf": {"@context": {"id": "https://schema.org/identifier"}}}], "@type": "Movie", "name": "M", "subjectOf": {"@id": "https://ex.org/g", "@graph": [{"id": "x1"}]}}`, ""},
		// A node's @graph below the top, under a property of an IRI.
		{`{"@context": "https://schema.org", "@type": "Movie", "subjectOf": {"@graph": [{"id": "https://ex.org/a"}]}, "https://ex.org/p/q~": {"@graph": {"@list": [1]}}}`,
			"1 node with only @id at /subjectOf/@graph/0; 1 @list object at /https:~1~1ex.org~1p~1q~0/@graph; 1 value that is not a node at /https:~1~1ex.org~1p~1q~0/@graph/@list/0"},
		// Below the top level, values and objects with nothing in them
		// too (convert dropped them in silence); at the top they are
		// ld.Strays', but an object whose keys are all null, which
		// Strays takes for a node.
		{`[{"@context": "https://schema.org", "@id": "https://ex.org/g", "@graph": [{"@type": "Movie", "name": "X"}, {}, "v", 3, {"name": null}]}]`,
			"2 objects with nothing in them, the first at /0/@graph/1; 2 values that are not nodes, the first at /0/@graph/2"},
		{`{"@context": "https://schema.org", "@graph": [{"@type": "Movie", "name": "X"}, {}, 3, {"name": null}]}`,
			"1 object with nothing in it at /@graph/3"},
		// A set of one value dropped, a list of one item (kept, the
		// list dropped), a list of a null value (an empty object).
		{`{"@context": "https://schema.org", "@graph": [{"@type": "Movie", "subjectOf": {"@graph": [{}, {"@set": "x"}, {"@list": {"@id": "https://ex.org/a"}}, {"@list": {"@value": null}}]}}]}`,
			"1 @list object at /@graph/0/subjectOf/@graph/2; 3 objects with nothing in them, the first at /@graph/0/subjectOf/@graph/0; 1 value that is not a node at /@graph/0/subjectOf/@graph/1/@set"},
		// A property-scoped context applies to the property's value:
		// "id" stays "@id" under one that leaves it, not under one
		// that defines it, and is "@id" again under a node's own.
		{`{"@context": ["https://schema.org", {"subjectOf": {"@id": "https://schema.org/subjectOf", "@context": {"@language": "en"}}}], "@type": "Movie", "subjectOf": {"@graph": [{"id": "https://ex.org/a"}]}}`,
			"1 node with only @id at /subjectOf/@graph/0"},
		{`{"@context": ["https://schema.org", {"subjectOf": {"@id": "https://schema.org/subjectOf", "@context": {"id": "https://schema.org/identifier"}}}], "@type": "Movie", "subjectOf": {"@graph": [{"id": "https://ex.org/a"}]}}`, ""},
		{`{"@context": ["https://schema.org", {"subjectOf": {"@id": "https://schema.org/subjectOf", "@context": {"id": "https://schema.org/identifier"}}}], "@type": "Movie", "subjectOf": {"@graph": [{"@context": "https://schema.org", "id": "https://ex.org/a"}]}}`,
			"1 node with only @id at /subjectOf/@graph/0"},
		// Keys as expansion reads them: an alias of @id or @value, a
		// term defined as null, "@nest": {}, "@reverse": {} and
		// "@type": [] (jsonld.js's counts; convert missed them).
		{`{"@context": ["https://schema.org", {"ident": "@id", "val": "@value", "gone": null}], "@id": "https://ex.org/g", "@graph": [{"ident": "a"}, {"val": "x"}, {"@id": "b", "gone": "x"}]}`,
			"2 nodes with only @id, the first at /@graph/0; 1 @value object at /@graph/1"},
		{`[{"@context": "https://schema.org", "@id": "https://ex.org/g", "@graph": [{"@id": "a", "@nest": {}}, {"@id": "b", "@reverse": {}}, {"id": "c", "type": []}, {"@id": "d", "@nest": {"name": "D"}}]}]`,
			"3 nodes with only @id, the first at /0/@graph/0"},

		// A context scoped to a property as null clears the context:
		// "id" is no @id under it (it was read as having none), and a
		// node's own @vocab makes it a property (jsonld.js keeps it).
		{`{"@context": ["https://schema.org", {"subjectOf": {"@id": "https://schema.org/subjectOf", "@context": null}}], "@type": "Movie", "subjectOf": {"@context": {"@vocab": "https://schema.org/"}, "@graph": [{"id": "https://ex.org/a"}]}}`, ""},
		// A value object written through a term aliasing @value, of
		// null, expands to nothing in silence (jsonld.js tells no
		// event): no object with nothing in it.
		{`{"@context": ["https://schema.org", {"val": "@value"}], "@type": "Movie", "name": "X", "@graph": [{"val": null}, {"@context": {"v2": {"@id": "@value"}}, "v2": null}]}`, ""},
		{`{"@context": {"@vocab": "https://schema.org/", "val": {"@id": "@value"}, "@propagate": true}, "@graph": {"val": null}}`, "1 object with nothing in it at its top"},
		// A term typed @json keeps null as its value (JSON's null): the
		// node is no object with nothing in it, nor one with only @id.
		{`{"@context": ["https://schema.org", {"data": {"@id": "https://schema.org/data", "@type": "@json"}}], "@graph": [{"@type": "Movie", "name": "X"}, {"data": null}, {"@id": "https://ex.org/a", "data": null}, {"@id": "https://ex.org/b", "name": null}]}`,
			"1 node with only @id at /@graph/3"},
	} {
		docs, err := ld.NewProcessor(ld.Config{}).Read(strings.NewReader(tt.doc), "doc.jsonld", ld.InputJSONLD)
		if err != nil {
			t.Fatalf("%s: %v", tt.doc, err)
		}
		if got := ld.FreeFloatingTop(docs[0]).String(); got != tt.want {
			t.Errorf("%s:\n got %q\nwant %q", tt.doc, got, tt.want)
		}
	}
}

// BenchmarkFreeFloatingTop counts in a decoded flattened @graph of 4,000
// Movies and their directors, each Movie with a review and a rating, a
// node with only @id every 100 items: convert's and load's count of every
// input, now of every node's properties (a node's @graph below).
func BenchmarkFreeFloatingTop(b *testing.B) {
	var doc strings.Builder
	doc.WriteString(`{"@context": "https://schema.org", "@graph": [`)
	for i := range 2000 {
		if i > 0 {
			doc.WriteString(",")
		}
		fmt.Fprintf(&doc, `{"@id": "https://films.example/m/%d", "@type": "Movie", "name": "Film %d", "director": {"@id": "https://films.example/p/%d"}, "review": {"@type": "Review", "author": {"@type": "Person", "name": "R"}, "reviewBody": "x"}, "aggregateRating": {"@type": "AggregateRating", "ratingValue": 7, "ratingCount": 10}},`, i, i, i)
		fmt.Fprintf(&doc, `{"@id": "https://films.example/p/%d", "@type": "Person", "name": "Person %d"}`, i, i)
		if i%50 == 0 {
			fmt.Fprintf(&doc, `, {"@id": "https://films.example/x/%d"}`, i)
		}
	}
	doc.WriteString("]}")
	docs, err := ld.NewProcessor(ld.Config{}).Read(strings.NewReader(doc.String()), "doc.jsonld", ld.InputJSONLD)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if ld.FreeFloatingTop(docs[0]).IDOnly != 40 {
			b.Fatal("miscounted")
		}
	}
}
