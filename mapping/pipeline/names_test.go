package pipeline_test

import (
	"strings"
	"testing"

	"github.com/film2ld/film2ld/mapping/pipeline"
)

// TestDocumentNames: a .txt name (any case) is a film document by its name
// alone; a name without an extension may be one (its content tells); any
// other extension never is, wherever the file sits.
func TestDocumentNames(t *testing.T) {
	for _, tt := range []struct {
		name      string
		is, mayBe bool
	}{
		{"review.txt", true, true},
		{"films/La Haine/ARTICLE.TXT", true, true},
		{"prize.Txt", true, true},
		{"review", false, true},
		{"films/v1.2/review", false, true}, // a dot in a folder is not an extension
		{"<stdin>", false, true},
		{"notes.md", false, false},
		{"poster.jpg", false, false},
		{"film.nq", false, false},
		{"page.html", false, false},
		{"review.txt.bak", false, false},
		{".txt", true, true}, // a dot file: batch listing leaves it out before asking
	} {
		if got := pipeline.IsDocumentName(tt.name); got != tt.is {
			t.Errorf("IsDocumentName(%q) = %v; want %v", tt.name, got, tt.is)
		}
		if got := pipeline.MayBeDocumentName(tt.name); got != tt.mayBe {
			t.Errorf("MayBeDocumentName(%q) = %v; want %v", tt.name, got, tt.mayBe)
		}
	}
}

// TestIsSiteFile: a folder's pages, JSON-LD and N-Quads are read, a .json
// file only when it names an "@context" (its content asked for then
// only), and nothing else.
func TestIsSiteFile(t *testing.T) {
	for _, tt := range []struct {
		name    string
		content string
		want    bool
	}{
		{"public/index.html", "", true},
		{"public/films/heat/INDEX.HTM", "", true},
		{"data/heat.jsonld", "", true},
		{"data/heat.nq", "", true},
		{"data/heat.nt", "", true},
		{"data/heat.json", `{"@context": "https://schema.org", "@type": "Movie"}`, true},
		{"public/manifest.json", `{"name": "Cinema", "icons": []}`, false},
		{"public/search-index.json", "", false},
		{"data/heat.ttl", "", true}, // Turtle and TriG too: a broken one passed unseen
		{"data/HEAT.TriG", "", true},
		{"films/heat/review.txt", "", false},
		{"public/style.css", "", false},
		{"public/README", "", false},
	} {
		asked := false
		content := func() []byte {
			asked = true
			if tt.content == "" {
				return nil
			}
			return []byte(tt.content)
		}
		if got := pipeline.IsSiteFile(tt.name, content); got != tt.want {
			t.Errorf("IsSiteFile(%q) = %v; want %v", tt.name, got, tt.want)
		}
		if json := strings.HasSuffix(tt.name, ".json"); asked != json {
			t.Errorf("IsSiteFile(%q) read the content: %v; want %v", tt.name, asked, json)
		}
	}
}
