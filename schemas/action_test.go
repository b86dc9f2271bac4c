package schemas

import (
	"fmt"
	"slices"
	"testing"
)

// TestActionMarkup: schema.org's Actions annotate a property with
// "<property>-input"/"-output" and give URL templates as targets (Google's
// sitelinks search box is on most sites' home pages); neither is an error,
// while the same keys elsewhere and real defects in a template still are.
func TestActionMarkup(t *testing.T) {
	const ctx = `"@context": "https://schema.org", `
	tests := []struct {
		name, doc string
		want      []string // error rules
	}{
		{"sitelinks search box", `{` + ctx + `"@type": "WebSite", "url": "https://example.com/",
 "potentialAction": {"@type": "SearchAction", "target": "https://example.com/search?q={search_term_string}", "query-input": "required name=search_term_string"}}`, nil},
		{"entry point template", `{` + ctx + `"@type": "WebSite", "url": "https://example.com/",
 "potentialAction": {"@type": "SearchAction", "target": {"@type": "EntryPoint", "urlTemplate": "https://example.com/search?q={query}"}, "query-input": {"@type": "PropertyValueSpecification", "valueRequired": true}}}`, nil},
		{"output annotation", `{` + ctx + `"@type": "Movie", "name": "Heat", "potentialAction": {"@type": "WatchAction", "target": "https://example.com/watch/{id}", "result-output": "required"}}`, nil},
		{"annotation of no property", `{` + ctx + `"@type": "WebSite", "potentialAction": {"@type": "SearchAction", "target": "https://example.com/s?q={q}", "qery-input": "required name=q"}}`,
			[]string{"vocab.unknown-property"}},
		{"annotation outside an Action", `{` + ctx + `"@type": "Movie", "name": "Heat", "query-input": "required name=q"}`,
			[]string{"vocab.unknown-property"}},
		{"template with a space is still no IRI", `{` + ctx + `"@type": "WebSite", "potentialAction": {"@type": "SearchAction", "target": "https://example.com/my search?q={q}", "query-input": "required name=q"}}`,
			[]string{"jsonld.invalid", "vocab.value-kind"}},
		{"font URL with a pipe", `{` + ctx + `"@type": "WebPage", "name": "Fonts", "url": "https://fonts.example.com/css?family=Roboto|Open+Sans"}`, nil},
		{"an error after the template is still found", `{` + ctx + `"@type": "WebSite", "potentialAction": {"@type": "SearchAction", "target": "https://example.com/s?q={q}", "query-input": "required name=q"},
 "sameAs": "https://example.com/a page"}`, []string{"jsonld.invalid", "vocab.value-kind"}},
	}
	for _, tt := range tests {
		g, err := Load([]byte(tt.doc), "t.jsonld")
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, f := range Validate(g, SchemaOrg) {
			if f.Severity == Error && !slices.Contains(got, f.Rule) {
				got = append(got, f.Rule)
			}
		}
		if fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("%s: error rules %q; want %q", tt.name, got, tt.want)
		}
	}
}
