package ld_test

import (
	"strings"
	"testing"

	"github.com/film2ld/film2ld/ld"
)

// TestHTMLBaseElement checks that a page's <base href> is the base of its
// JSON-LD blocks: absolute, or relative to the base the caller gives, and
// that a block's own @base still wins.
func TestHTMLBaseElement(t *testing.T) {
	p := ld.NewProcessor(ld.Config{})
	page := func(base, ctx string) string {
		return `<html><head>` + base + `<script type="application/ld+json">
{"@context": ` + ctx + `, "@id": "film/1", "@type": "Movie", "name": "Heat"}
</script></head></html>`
	}
	schema := `"https://schema.org"`
	for _, tt := range []struct{ html, base, want string }{
		{page(`<base href="https://films.example/catalogue/">`, schema), "", "<https://films.example/catalogue/film/1>"},
		{page(`<base href="../shelf/" />`, schema), "https://films.example/catalogue/list.html", "<https://films.example/shelf/film/1>"},
		{page(``, schema), "https://films.example/catalogue/list.html", "<https://films.example/catalogue/film/1>"},
		{page(`<base href="https://films.example/catalogue/">`, `["https://schema.org", {"@base": "https://other.example/"}]`), "", "<https://other.example/film/1>"},
		// A data: or javascript: base is none, as browsers freeze it (it
		// made "javascript:alert(1)//film/1" the Movie's IRI), and the
		// first <base> is still the one.
		{page(`<base href=" JavaScript:alert(1)//"><base href="https://other.example/">`, schema), "https://films.example/catalogue/list.html", "<https://films.example/catalogue/film/1>"},
		{page(`<base href="data:text/html,x/">`, schema), "https://films.example/catalogue/list.html", "<https://films.example/catalogue/film/1>"},
	} {
		docs, err := p.Read(strings.NewReader(tt.html), "page.html", ld.InputHTML)
		if err != nil {
			t.Fatal(err)
		}
		nq, err := p.ToNQuads(docs[0], ld.Options{Base: tt.base})
		if err != nil || !strings.Contains(nq, tt.want+" <http://schema.org/name> \"Heat\"") {
			t.Errorf("%s (base %q): %v\n%s\nwant %s", tt.html, tt.base, err, nq, tt.want)
		}
	}
}
