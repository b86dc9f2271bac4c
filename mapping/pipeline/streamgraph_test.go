package pipeline_test

import (
	"testing"

	"github.com/film2ld/film2ld/mapping"
	"github.com/film2ld/film2ld/schemas"
)

// TestStreamingGraphMatchesRendered: validate reads a film's view into a
// graph from the streaming view (Film.RenderStream: lists rendered an
// item at a time, agents as references), which schemas.FromDoc reads
// without holding the view whole. The graph, its parents and its findings
// are those of the view collected into maps (Film.Render), for every
// sample and test film: the merged view, its web snippet and each
// source's own view.
func TestStreamingGraphMatchesRendered(t *testing.T) {
	longLists := 0
	for name, files := range films(t) {
		film, out := snippetOf(t, name, files)
		views := append([]*mapping.Film{film, out.Film}, film.Views...)
		for i, v := range views {
			want := dumpGraph(schemas.FromDoc(v.Render(), name))
			got := dumpGraph(schemas.FromDoc(v.RenderStream(), name))
			if got != want {
				t.Errorf("%s, view %d: the streamed view's graph differs:\n got %s\nwant %s", name, i, got, want)
			}
			if len(v.Reviews) > 1 || len(v.Cast) > 1 {
				longLists++
			}
		}
	}
	if longLists == 0 {
		t.Error("no view has a list of more than one review or actor: the lazy lists went untested")
	}
}
