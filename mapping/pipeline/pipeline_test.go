package pipeline_test

import (
	"strings"
	"testing"

	"github.com/film2ld/film2ld/ld"
	"github.com/film2ld/film2ld/mapping/film"
	"github.com/film2ld/film2ld/mapping/pipeline"
)

// TestSplitBySite: review pages on the page's site (www. or not) give the
// snippet its reviews; others, and pages that state no address, do not;
// documents of other kinds always stay.
func TestSplitBySite(t *testing.T) {
	src := func(name string, kind film.Kind, u string) *film.Source {
		return &film.Source{Name: name, Kind: kind, URL: film.Text{Value: u}}
	}
	sources := []*film.Source{
		src("own.txt", film.Reviews, "https://www.cinema.example/reviews/heat"),
		src("other.txt", film.Reviews, "https://aggregator.example/heat"),
		src("nourl.txt", film.Reviews, ""),
		src("article.txt", film.Encyclopedia, ""),
		src("prize.txt", film.Prize, "https://prize.example/heat"),
	}
	own, offsite := pipeline.SplitBySite(sources, "https://cinema.example/films/heat")
	var names []string
	for _, s := range own {
		names = append(names, s.Name)
	}
	if strings.Join(names, " ") != "own.txt article.txt prize.txt" || strings.Join(offsite, " ") != "other.txt nourl.txt" {
		t.Errorf("own %v, offsite %v", names, offsite)
	}
}

// TestViewFor: the RDF dataset formats get the dataset, the web page's
// formats the snippet, and the flags ask for the merged view instead.
func TestViewFor(t *testing.T) {
	tests := []struct {
		format               ld.Format
		merged, keepRejected bool
		want                 pipeline.View
	}{
		{ld.FormatNQuads, false, false, pipeline.Dataset},
		{ld.FormatCanonical, false, false, pipeline.Dataset},
		{ld.FormatTriG, false, false, pipeline.Dataset},
		{ld.FormatSPARQLUpdate, false, false, pipeline.Dataset},
		{ld.FormatNQuads, true, false, pipeline.Merged},
		{ld.FormatJSONLD, false, false, pipeline.Snippet},
		{ld.FormatHTML, false, false, pipeline.Snippet},
		{ld.FormatHTML, false, true, pipeline.Merged},
		{ld.FormatJSONLD, true, false, pipeline.Snippet},
		{ld.FormatExpanded, false, false, pipeline.Merged},
		{ld.FormatFlattened, false, false, pipeline.Merged},
		{ld.FormatTurtle, false, false, pipeline.Merged},
	}
	for _, tt := range tests {
		if got := pipeline.ViewFor(tt.format, tt.merged, tt.keepRejected); got != tt.want {
			t.Errorf("ViewFor(%s, merged %v, keep %v) = %d; want %d", tt.format, tt.merged, tt.keepRejected, got, tt.want)
		}
	}
}
