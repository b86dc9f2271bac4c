package pipeline_test

import (
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
