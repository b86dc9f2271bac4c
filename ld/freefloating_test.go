package ld_test

import (
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
