package ld

import (
	"reflect"
	"testing"

	"github.com/film2ld/film2ld/ld/internal/jsongold"
	"github.com/film2ld/film2ld/ld/schemaorg"
)

// TestParseLeavesContextTerms proves what sharing schemaorg.ContextTerms
// between ld and the schemas package rests on: processing the schema.org
// context (for both modes, and the compact context's inverse) leaves the
// decoded terms as they were.
func TestParseLeavesContextTerms(t *testing.T) {
	terms := schemaorg.Context()["@context"].(map[string]any)
	if _, err := jsongold.NewContext(nil, baseOptions(&loader{})).Parse(terms); err != nil {
		t.Fatal(err)
	}
	if _, err := parsedContext(); err != nil {
		t.Fatal(err)
	}
	c, err := offlineContexts()
	if err != nil {
		t.Fatal(err)
	}
	c.compact()
	fresh := schemaorg.Context()["@context"].(map[string]any)
	if len(fresh) < 1000 {
		t.Fatalf("the context has %d terms", len(fresh))
	}
	if !reflect.DeepEqual(terms, fresh) {
		t.Error("Parse changed the local context it was given")
	}
	if !reflect.DeepEqual(schemaorg.ContextTerms(), fresh) {
		t.Error("the shared context terms changed while ld processed them")
	}
}
