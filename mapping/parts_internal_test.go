package mapping

import (
	"slices"
	"testing"
)

// TestParts: a view of five reviews and three parts of the cast, in
// parts of two, is three parts: the view with its first two reviews and
// parts, its crew and every agent it names through them or names by no
// fact at all, then two parts of the Movie's IRI and name with the next
// reviews and parts, each naming only those reviews' authors and
// publishers and those parts' actors; the parts' reviews and cast are the
// view's, in order. A view of two reviews and two parts is one part, the
// view itself.
func TestParts(t *testing.T) {
	agent := func(name string) *Agent { return &Agent{ID: "urn:x:" + name, Name: name} }
	ann, bo, cy, dee, ed, fay, gus, lone := agent("ann"), agent("bo"), agent("cy"), agent("dee"), agent("ed"), agent("fay"), agent("gus"), agent("lone")
	f := &Film{ID: "urn:x:film", Name: "Film", Credits: []Credit{{Agent: gus}},
		Cast:    []Performance{{Actor: ed}, {Actor: fay, Character: "F"}, {Actor: ann}},
		Reviews: []Review{{Author: ann}, {Author: bo}, {Author: ann, Publisher: cy}, {Publisher: dee}, {Author: ed}},
		Agents:  []*Agent{ann, bo, cy, dee, ed, fay, gus, lone}}
	parts := slices.Collect(f.Parts(2))
	if len(parts) != 3 {
		t.Fatalf("%d parts; want 3", len(parts))
	}
	want := [][]*Agent{{ann, bo, ed, fay, gus, lone}, {ann, cy, dee}, {ed}}
	var reviews []Review
	var cast []Performance
	for i, p := range parts {
		if !slices.Equal(p.Agents, want[i]) {
			t.Errorf("part %d names %v; want %v", i, names(p.Agents), names(want[i]))
		}
		if p.ID != f.ID || p.Name != f.Name {
			t.Errorf("part %d is the Movie %q %q", i, p.ID, p.Name)
		}
		if i > 0 && (len(p.Credits) > 0 || len(p.Ratings) > 0) {
			t.Errorf("part %d holds more than reviews and cast", i)
		}
		reviews = append(reviews, p.Reviews...)
		cast = append(cast, p.Cast...)
	}
	if !slices.Equal(reviews, f.Reviews) || !slices.EqualFunc(cast, f.Cast, func(a, b Performance) bool { return a.Actor == b.Actor && a.Character == b.Character }) {
		t.Errorf("the parts' reviews %v and cast %v are not the view's", reviews, cast)
	}
	if len(f.Agents) != 8 || len(f.Reviews) != 5 || len(f.Cast) != 3 {
		t.Error("the view was changed")
	}
	f.Reviews, f.Cast = f.Reviews[:2], f.Cast[:2]
	one := slices.Collect(f.Parts(2))
	if len(one) != 1 || one[0] != f {
		t.Errorf("a view of two reviews and two parts in parts of two: %d parts", len(one))
	}
}

func names(as []*Agent) []string {
	var out []string
	for _, a := range as {
		out = append(out, a.Name)
	}
	return out
}
