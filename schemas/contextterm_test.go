package schemas

import (
	"strings"
	"testing"

	"github.com/film2ld/film2ld/ld/schemaorg"
)

// TestContextTermMatchesDecoded holds contextTerm and coercion, which read
// schemaorg's generated term table, to what the decoded context document
// says (the way both were computed before the table): every term's kind and
// coercion, and no kind for the keyword entries.
func TestContextTermMatchesDecoded(t *testing.T) {
	for term, def := range schemaorg.ContextTerms() {
		var want termKind
		wantCoercion := ""
		switch d := def.(type) {
		case string:
			want = plainTerm
			if strings.HasPrefix(d, "@") {
				want = keywordTerm
			}
		case map[string]any:
			want = plainTerm
			if d["@type"] == "@id" {
				want = iriTerm
			}
			for k := range d {
				if k != "@id" && k != "@type" {
					want = keywordTerm
				}
			}
			if id, _ := d["@id"].(string); strings.HasPrefix(id, "@") {
				want = keywordTerm
			}
			wantCoercion, _ = d["@type"].(string)
		default:
			want = keywordTerm
		}
		got, ok := contextTerm(term)
		if strings.HasPrefix(term, "@") {
			// @vocab is not a term: a node's "@vocab" key is left to the
			// processor.
			if ok {
				t.Errorf("%q: classified as a term", term)
			}
			continue
		}
		if !ok || got != want {
			t.Errorf("%q: kind %d (%v), want %d", term, got, ok, want)
		}
		if c := coercion(term); c != wantCoercion {
			t.Errorf("%q: coercion %q, want %q", term, c, wantCoercion)
		}
	}
	if _, ok := contextTerm("notATerm"); ok {
		t.Error("notATerm: classified as a term")
	}
}
