package text

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// stackSpans is every balanced pair of round brackets, as a stack of the
// open brackets matches them: the definition BracketSpans is held to.
func stackSpans(s string) [][2]int {
	var spans [][2]int
	var open []int
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(':
			open = append(open, i)
		case ')':
			if n := len(open); n > 0 {
				spans = append(spans, [2]int{open[n-1], i})
				open = open[:n-1]
			}
		}
	}
	return spans
}

// FuzzBracketSpans: BracketSpans gives the outermost of the stack's
// pairs, in order, and Within answers for every offset as a scan of all
// the stack's pairs does.
func FuzzBracketSpans(f *testing.F) {
	for _, s := range []string{"", "a", "(", ")", "()", ")(", "(()", "())", "((a)(b))c(d", "x (a (b) c) y (z",
		"Camila Ruiz (Rosa, as a child)", "[x]([x]([x](", "((((", "))))(((())"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		all := stackSpans(s)
		var want [][2]int
		for _, sp := range all {
			outer := true
			for _, o := range all {
				if o[0] < sp[0] && sp[1] < o[1] {
					outer = false
				}
			}
			if outer {
				want = append(want, sp)
			}
		}
		// The stack closes inner pairs first; outermost ones come in
		// the order they close, which is their order in s.
		got := BracketSpans(s)
		if len(got) != len(want) {
			t.Fatalf("BracketSpans(%q) = %v, want %v", s, got, want)
		}
		for i := range got {
			if got[i] != want[i] {
				t.Fatalf("BracketSpans(%q) = %v, want %v", s, got, want)
			}
		}
		for i := 0; i <= len(s); i++ {
			inside := false
			for _, sp := range all {
				if sp[0] < i && i < sp[1] {
					inside = true
				}
			}
			if Within(got, i) != inside {
				t.Fatalf("Within(BracketSpans(%q), %d) = %v, want %v", s, i, !inside, inside)
			}
		}
	})
}

// Short keeps what the rune-slice version kept.
func TestShort(t *testing.T) {
	old := func(s string) string {
		if r := []rune(s); len(r) > 60 {
			return string(r[:57]) + "..."
		}
		return s
	}
	for _, s := range []string{"", "short", strings.Repeat("a", 60), strings.Repeat("a", 61), strings.Repeat("é", 59) + "ab",
		strings.Repeat("映", 61), strings.Repeat("x", 57) + "映画です", strings.Repeat("🎬", 100)} {
		if !utf8.ValidString(s) {
			t.Fatal(s)
		}
		if got, want := Short(s), old(s); got != want {
			t.Errorf("Short(%q) = %q, want %q", s, got, want)
		}
	}
}
