package mapping

import (
	"slices"
	"testing"
)

// TestReviewParts: a view of five reviews in parts of two is three parts:
// the view with its first two reviews, its cast and every agent it names
// through them or names by no fact at all, then two parts of the Movie's
// IRI and name and the next reviews, each naming only those reviews'
// authors and publishers; the parts' reviews are the view's, in order. A
// view of two reviews is one part, the view itself.
func TestReviewParts(t *testing.T) {
	agent := func(name string) *Agent { return &Agent{ID: "urn:x:" + name, Name: name} }
	ann, bo, cy, dee, ed, lone := agent("ann"), agent("bo"), agent("cy"), agent("dee"), agent("ed"), agent("lone")
	f := &Film{ID: "urn:x:film", Name: "Film", Cast: []Performance{{Actor: ed}},
		Reviews: []Review{{Author: ann}, {Author: bo}, {Author: ann, Publisher: cy}, {Publisher: dee}, {Author: ed}},
		Agents:  []*Agent{ann, bo, cy, dee, ed, lone}}
	var parts []*Film
	for p := range f.ReviewParts(2) {
		parts = append(parts, p)
	}
	if len(parts) != 3 {
		t.Fatalf("%d parts; want 3", len(parts))
	}
	want := [][]*Agent{{ann, bo, ed, lone}, {ann, cy, dee}, {ed}}
	var reviews []Review
	for i, p := range parts {
		if !slices.Equal(p.Agents, want[i]) {
			t.Errorf("part %d names %v; want %v", i, names(p.Agents), names(want[i]))
		}
		if p.ID != f.ID || p.Name != f.Name {
			t.Errorf("part %d is the Movie %q %q", i, p.ID, p.Name)
		}
		if i > 0 && (len(p.Cast) > 0 || len(p.Ratings) > 0) {
			t.Errorf("part %d holds more than reviews", i)
		}
		reviews = append(reviews, p.Reviews...)
	}
	if len(parts[0].Cast) != 1 || !slices.EqualFunc(reviews, f.Reviews, func(a, b Review) bool { return a == b }) {
		t.Errorf("the parts' cast %v and reviews %v are not the view's", parts[0].Cast, reviews)
	}
	if len(f.Agents) != 6 || len(f.Reviews) != 5 {
		t.Error("the view was changed")
	}
	f.Reviews = f.Reviews[:2]
	one := slices.Collect(f.ReviewParts(2))
	if len(one) != 1 || one[0] != f {
		t.Errorf("a view of two reviews in parts of two: %d parts", len(one))
	}
}

func names(as []*Agent) []string {
	var out []string
	for _, a := range as {
		out = append(out, a.Name)
	}
	return out
}
