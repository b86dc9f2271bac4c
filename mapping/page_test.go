package mapping_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/film2ld/film2ld/mapping"
	"github.com/film2ld/film2ld/mapping/film"
)

// TestSetPage: the page owner's facts go on the merged view's Movie, and a
// new IRI replaces the minted one in every graph of the dataset.
func TestSetPage(t *testing.T) {
	src, err := mapping.Map(strings.NewReader("= Quiet Harbour (2001 film) =\n\nQuiet Harbour is a 2001 film directed by Ana Lenz.\n"), "a.txt", "")
	if err != nil {
		t.Fatal(err)
	}
	res, err := mapping.Combine([]*film.Source{src}, mapping.Options{})
	if err != nil {
		t.Fatal(err)
	}
	old := res.MovieID
	res.SetPage(mapping.Page{URL: "https://p.example/qh", ID: mapping.MovieIRI("https://p.example/qh"), Image: "https://p.example/qh.jpg"})
	doc, _ := json.Marshal(res.Doc)
	ds, _ := json.Marshal(res.Dataset)
	// (A graph named after the minted IRI keeps its name.)
	if res.MovieID != "https://p.example/qh#movie" || strings.Contains(string(ds), `"`+old+`"`) || strings.Contains(string(doc), `"`+old+`"`) {
		t.Errorf("MovieID %s; the old IRI %s is still in the output", res.MovieID, old)
	}
	if !strings.Contains(string(doc), `"image":"https://p.example/qh.jpg"`) || !strings.Contains(string(doc), `"url":"https://p.example/qh"`) {
		t.Errorf("doc %s", doc)
	}
	// The source's own graph does not state the page owner's facts.
	if strings.Count(string(ds), "qh.jpg") != 1 {
		t.Errorf("the image is stated %d times in the dataset", strings.Count(string(ds), "qh.jpg"))
	}
	if got := mapping.MovieIRI("https://p.example/qh#film"); got != "https://p.example/qh#film" {
		t.Errorf("MovieIRI kept no fragment of its own: %s", got)
	}
	for _, bad := range []string{"p.example/qh", "ftp://p.example/x", "/qh", ""} {
		if mapping.CheckURL(bad) == nil {
			t.Errorf("CheckURL(%q) accepted", bad)
		}
	}
}
