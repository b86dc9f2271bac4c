package schemas

import (
	"fmt"
	"slices"
	"testing"
)

// TestOnePerPlace: of the findings at one node, property and position,
// the first error wins, else the first; findings about a node with no
// property are told apart by rule and message; whatever order the layers
// give them in, the report (sorted) is the same.
func TestOnePerPlace(t *testing.T) {
	at := func(line int) Pos { return Pos{File: "page.html", Line: line, Col: 3} }
	shape := Finding{Severity: Warning, Rule: "vocab.text", Node: "Review \"Good\"", Property: "author", Message: "text, not a Person", Pos: at(4)}
	google := Finding{Severity: Error, Rule: "google.review.author", Node: "Review \"Good\"", Property: "author", Message: "author must be a Person", Pos: at(4)}
	later := Finding{Severity: Error, Rule: "google.other", Node: "Review \"Good\"", Property: "author", Message: "another error", Pos: at(4)}
	image := Finding{Severity: Warning, Rule: "google.movie.image", Node: "Movie \"Ran\"", Message: "no image", Pos: at(2)}
	director := Finding{Severity: Warning, Rule: "google.movie.recommended", Node: "Movie \"Ran\"", Message: "director missing", Pos: at(2)}
	review := Finding{Severity: Warning, Rule: "google.movie.recommended", Node: "Movie \"Ran\"", Message: "review missing", Pos: at(2)}
	again := review
	again.Fix = "from another layer"
	elsewhere := shape
	elsewhere.Pos = at(9)

	want := []Finding{image, director, review, google, elsewhere}
	want = sortFindings(want)
	layers := []Finding{shape, image, director, google, review, later, again, elsewhere}
	got := sortFindings(onePerPlace(slices.Clone(layers), nil))
	if !slices.EqualFunc(got, want, func(a, b Finding) bool { return fmt.Sprint(a, a.Fix) == fmt.Sprint(b, b.Fix) }) {
		t.Errorf("onePerPlace:\n got %v\nwant %v", got, want)
	}
	// A warning after the error at its place does not displace it.
	if got := onePerPlace([]Finding{google, shape}, nil); len(got) != 1 || got[0].Rule != google.Rule {
		t.Errorf("error then warning: %v", got)
	}
}
