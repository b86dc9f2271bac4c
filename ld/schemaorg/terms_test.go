package schemaorg

import (
	"strings"
	"testing"
)

// TestContextTermOfMatchesContext proves the generated term table what the
// context document says: every term of the decoded context is in it, with
// its @id and @type, and it holds nothing else.
func TestContextTermOfMatchesContext(t *testing.T) {
	terms := 0
	for name, def := range ContextTerms() {
		if strings.HasPrefix(name, "@") {
			if _, ok := ContextTermOf(name); ok {
				t.Errorf("keyword entry %q is in the term table", name)
			}
			continue
		}
		terms++
		got, ok := ContextTermOf(name)
		if !ok {
			t.Errorf("term %q: not in the table", name)
			continue
		}
		want := ContextTerm{Name: name}
		switch d := def.(type) {
		case string:
			want.ID, want.Simple = d, true
		case map[string]any:
			want.ID, _ = d["@id"].(string)
			want.Type, _ = d["@type"].(string)
			for k := range d {
				if k != "@id" && k != "@type" {
					want.Other = true
				}
			}
		}
		if got != want {
			t.Errorf("term %q: table %+v, context %+v", name, got, want)
		}
	}
	if terms != len(contextTermTable) || terms < 1000 {
		t.Errorf("the context has %d terms, the table %d", terms, len(contextTermTable))
	}
	for _, name := range []string{"", "Movie ", "zzz", "@vocab"} {
		if _, ok := ContextTermOf(name); ok {
			t.Errorf("ContextTermOf(%q) found a term", name)
		}
	}
	if d, ok := ContextTermOf("dateCreated"); !ok || d.Type != "Date" || d.ID != "schema:dateCreated" {
		t.Errorf("dateCreated: %+v, %v", d, ok)
	}
}
