package text

import (
	"strings"
	"testing"
)

// TestLineSet: lines are written as runs of consecutive lines; past
// MaxListedRuns runs, the lines after them are counted, not listed, so a
// section of a million lines left out makes a short note.
func TestLineSet(t *testing.T) {
	var s LineSet
	for _, n := range []int{3, 4, 5, 9, 11, 12} {
		s.Add(n)
	}
	if got := s.String(); got != "3-5, 9, 11-12" || s.Len() != 6 || s.First() != 3 {
		t.Errorf("runs %q, %d lines from %d; want \"3-5, 9, 11-12\", 6 from 3", got, s.Len(), s.First())
	}
	var many LineSet
	for n := 1; n <= 1_000_000; n++ {
		if n%2 == 1 {
			many.Add(n)
		}
	}
	got := many.String()
	if many.Len() != 500_000 || !strings.HasPrefix(got, "1, 3, 5, ") || !strings.HasSuffix(got, ", 63, and 499968 more") {
		t.Errorf("%d lines written %q", many.Len(), got)
	}
	var tally Tally
	tally.Add(7, "first")
	tally.Add(8, "second")
	note, ok := tally.Flush("section \"Reception\" is not mapped")
	if want := `section "Reception" is not mapped: 2 lines left out (lines 7-8), the first: "first"`; !ok || note.Line != 7 || note.Message != want {
		t.Errorf("note %+v; want %q at line 7", note, want)
	}
	if _, ok := tally.Flush("again"); ok || tally.Len() != 0 {
		t.Error("a flushed tally is not empty")
	}
}
