package pipeline

import (
	"maps"
	"slices"
	"strings"
	"testing"
)

// A person's or organisation's node, and so every finding about it and
// its values, is placed at the document and line that first names them:
// in the most preferred document that does (the article, for a person
// both name), at the line of its first mention there; in the whole graph
// and in each part of one. They named the film's documents together.
func TestPeopleAtTheirDocument(t *testing.T) {
	article := "= Kite Hill (2021 film) =\n\nKite Hill\n- Director: Ola Berg\n- Music: Siri Moe\n- Country: Norway\n\n" +
		"Kite Hill is a 2021 Norwegian drama film directed by Ola Berg.\n\n==Plot==\nA kite.\n\n==Cast==\n" +
		"- Kari Lund as Ingrid\n- Per Dahl as Olav\n- Siri Moe as Astrid\n"
	page := "Universal acclaim - based on 2 Critics\n\n" +
		"  1. Reviewed by: Ines Marr\n    Publication: The River Review\n    Score: 90\n    May 2, 2015\n    A tide of a film, and Per Dahl in it.\n" +
		"  2. Reviewed by: Tom Brae\n    Publication: North Screen\n    Score: 70\n    May 3, 2015\n    The kite does the acting.\n"
	want := map[string]string{
		"Ola Berg":         "article.txt:4",
		"Kari Lund":        "article.txt:14",
		"Per Dahl":         "article.txt:15",
		"Siri Moe":         "article.txt:5", // its credit's line, before its part's
		"Ines Marr":        "reviews.txt:3",
		"Tom Brae":         "reviews.txt:8",
		"The River Review": "reviews.txt:4",
		"North Screen":     "reviews.txt:9",
	}
	const film = "article.txt, reviews.txt"
	for _, part := range []int{1024, 1} {
		job := New(FilmOptions(""))
		for _, d := range []struct{ name, text string }{{"reviews.txt", page}, {"article.txt", article}} {
			if _, err := job.Read(strings.NewReader(d.text), d.name); err != nil {
				t.Fatal(err)
			}
		}
		f, err := job.Merge()
		if err != nil {
			t.Fatal(err)
		}
		out := &Output{View: Snippet, Film: f}
		if err := job.snippet(out, film, ""); err != nil {
			t.Fatal(err)
		}
		got := map[string]string{}
		for p := range out.Film.Parts(part) {
			g := job.filmGraph(p, film)
			for _, n := range g.Nodes {
				if !n.Is("Person") && !n.Is("Organization") {
					continue
				}
				at := n.Pos.String()
				if name := n.PropPos("name"); name.String() != at {
					t.Errorf("parts of %d: %s at %s, its name at %s", part, n.Name(), at, name)
				}
				if old, ok := got[n.Name()]; ok && old != at {
					t.Errorf("parts of %d: %s at %s and at %s", part, n.Name(), old, at)
				}
				got[n.Name()] = at
			}
		}
		for name, at := range want {
			if got[name] != at {
				t.Errorf("parts of %d: %s at %q; want %q (all: %v)", part, name, got[name], at, got)
			}
		}
		if len(got) != len(want) {
			t.Errorf("parts of %d: people and organisations %v; want those of %v", part, slices.Sorted(maps.Keys(got)), slices.Sorted(maps.Keys(want)))
		}
	}
}
