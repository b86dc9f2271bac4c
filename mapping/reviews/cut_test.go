package reviews

import (
	"strings"
	"testing"

	"github.com/film2ld/film2ld/mapping/internal/mappertest"
)

// cutInputs are the test documents' lines and lines that end on each
// alternative of cutRe, with the fourth space from the end on either side
// of a match's start.
func cutInputs(t testing.TB) []string {
	in := []string{"", " ", "-", " -", "\t-", "x -", "Score:", "a |", "so —", "Based on", "based on 12", "based on 12 critics",
		"a based on 12 critics", "a b c based on 1,200 user ratings", "xbased on 12 critics", "a b c d e based on",
		"one two three four based on five", "Basedon 3 x", "a  based  on 3", "w x y z BASED ON 9 critics", "a ſ based on x",
		"ba\u017fed on 3 critics", "a b c d\u00a0based on 3 critics", "é based on 3 cr", "a b c d e f g -", "a b c d e f  -"}
	for _, l := range mappertest.DocumentLines(t, "../../testdata") {
		in = append(in, l, strings.TrimSpace(l), strings.TrimSpace(l)+" based on 3 critics")
	}
	return in
}

// TestCutTail: the pattern matches the tail exactly when it matches the
// whole text.
func TestCutTail(t *testing.T) {
	matched := 0
	for _, s := range cutInputs(t) {
		want := cutRe.MatchString(s)
		if got := cutRe.MatchString(cutTail(s)); got != want {
			t.Errorf("cutRe on the tail %q of %q: %v, on the whole: %v", cutTail(s), s, got, want)
		}
		if want {
			matched++
		}
	}
	if matched < 100 {
		t.Errorf("only %d inputs match", matched)
	}
}

// FuzzCutTail: the same for any text.
func FuzzCutTail(f *testing.F) {
	for _, s := range cutInputs(f)[:40] {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := cutRe.MatchString(cutTail(s)), cutRe.MatchString(s); got != want {
			t.Errorf("cutRe on the tail %q of %q: %v, on the whole: %v", cutTail(s), s, got, want)
		}
	})
}
