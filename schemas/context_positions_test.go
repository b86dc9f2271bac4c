package schemas

import (
	"fmt"
	"testing"
)

// TestContextWithDefaultsKeepsPlaces: a context array of schema.org's
// context and an object that sets only a default language or direction
// defines no term, so the document is read as plain markup and findings
// keep their line and column (every one was placed at the @context's
// line); a context that defines a term is still read through the JSON-LD
// processor.
func TestContextWithDefaultsKeepsPlaces(t *testing.T) {
	const body = `,
  "@type": "Movie",
  "name": "Heat",
  "aggregateRating": {"@type": "AggregateRating", "ratingValue": "4,3", "ratingCount": 10}
}`
	for _, tt := range []struct {
		ctx  string
		want string // the rating finding's place
	}{
		{`"https://schema.org"`, "t.jsonld:5:66"},
		{`["https://schema.org", {"@language": "en"}]`, "t.jsonld:5:66"},
		{`[{"@language": "fr", "@direction": "ltr"}, "http://schema.org/"]`, "t.jsonld:5:66"},
		{`["https://schema.org", {"@version": 1.1, "@language": null}]`, "t.jsonld:5:66"},
		// A term of its own: read through the processor, placed at the
		// context's line.
		{`["https://schema.org", {"@language": "en", "heat": "https://films.example/heat"}]`, "t.jsonld:2"},
	} {
		doc := "{\n  \"@context\": " + tt.ctx + body
		g, err := Load([]byte(doc), "t.jsonld")
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, f := range Validate(g, Google) {
			if f.Rule == RuleRatingValue {
				found = true
				if got := fmt.Sprint(f.Pos); got != tt.want {
					t.Errorf("context %s: the rating's finding at %s; want %s", tt.ctx, got, tt.want)
				}
			}
		}
		if !found {
			t.Errorf("context %s: no %s finding", tt.ctx, RuleRatingValue)
		}
	}
}
