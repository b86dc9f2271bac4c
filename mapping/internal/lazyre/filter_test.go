package lazyre_test

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/film2ld/film2ld/mapping/internal/lazyre"
)

// sameResults compares every method of r with the regexp package's on s.
func sameResults(t *testing.T, r *lazyre.Regexp, s string) {
	t.Helper()
	re := r.Regexp()
	check := func(method string, got, want any) {
		t.Helper()
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s.%s(%q) = %#v, regexp gives %#v", r, method, s, got, want)
		}
	}
	check("MatchString", r.MatchString(s), re.MatchString(s))
	check("FindString", r.FindString(s), re.FindString(s))
	check("FindStringSubmatch", r.FindStringSubmatch(s), re.FindStringSubmatch(s))
	check("FindStringIndex", r.FindStringIndex(s), re.FindStringIndex(s))
	check("FindAllString", r.FindAllString(s, -1), re.FindAllString(s, -1))
	check("FindAllStringSubmatch", r.FindAllStringSubmatch(s, -1), re.FindAllStringSubmatch(s, -1))
	check("FindAllStringIndex", r.FindAllStringIndex(s, -1), re.FindAllStringIndex(s, -1))
	check("FindAllStringSubmatchIndex", r.FindAllStringSubmatchIndex(s, -1), re.FindAllStringSubmatchIndex(s, -1))
	check("ReplaceAllString", r.ReplaceAllString(s, "<$1>"), re.ReplaceAllString(s, "<$1>"))
	check("ReplaceAllStringFunc", r.ReplaceAllStringFunc(s, strings.ToUpper), re.ReplaceAllStringFunc(s, strings.ToUpper))
	for _, n := range []int{-1, 0, 1, 2} {
		check("Split", r.Split(s, n), re.Split(s, n))
	}
}

// documentLines returns every line (and its trimmed form) of the sample
// and test films' documents: the text the mappers' patterns meet.
func documentLines(t testing.TB) []string {
	paths, _ := filepath.Glob("../../../testdata/samples/*.txt")
	more, _ := filepath.Glob("../../../testdata/films/*/*.txt")
	paths = append(paths, more...)
	if len(paths) < 10 {
		t.Fatalf("only %d documents found", len(paths))
	}
	var lines []string
	seen := map[string]bool{}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range strings.Split(string(b), "\n") {
			for _, l := range []string{l, strings.TrimSpace(l)} {
				if !seen[l] {
					seen[l] = true
					lines = append(lines, l)
				}
			}
		}
	}
	return lines
}

// tricky inputs for the filter's reasoning: case folding beyond ASCII
// (the Kelvin sign and the long s fold with k and s), bytes that are not
// UTF-8 (which the engine reads as U+FFFD), the empty string.
var tricky = []string{"", " ", "\u212a", "\u017f", "BASED ON 12 CRITICS", "ba\u017fed on", "\xff", "\xffabc",
	"1. Positive: 3 out of 4", "Directed by\u00a0Ann", "tbd", "TBD", "\u212aB", "[[a|b]]", "**x**", "a\\(b"}

// TestFilterSameAsRegexp runs every mapper's pattern over every line of
// the test documents and the tricky inputs, by lazyre and by regexp.
func TestFilterSameAsRegexp(t *testing.T) {
	patterns := lazyre.All()
	filtered := 0
	for _, r := range patterns {
		if r.Filtered() {
			filtered++
		}
	}
	// Most patterns must have a filter, or the speed it was made for is
	// gone (and this test compares little).
	if filtered < len(patterns)*2/3 {
		t.Errorf("only %d of %d patterns have a filter", filtered, len(patterns))
	}
	// Every method returns regexp's "no match" where the filter rejects
	// (sameResults on the tricky inputs, FuzzFilter on any text), so what
	// the document lines must show is that the filter never rejects a
	// line the pattern matches; the line count shows it rejects many.
	lines := documentLines(t)
	rejected := 0
	for _, r := range patterns {
		re := r.Regexp()
		for _, l := range lines {
			if r.Rejects(l) {
				rejected++
				if re.MatchString(l) {
					t.Errorf("%s: the filter rejects %q, which the pattern matches", r, l)
				}
			}
		}
		for _, l := range tricky {
			sameResults(t, r, l)
		}
	}
	if rejected < len(patterns)*len(lines)/2 {
		t.Errorf("the filters rejected only %d of %d pattern × line pairs", rejected, len(patterns)*len(lines))
	}
	t.Logf("%d patterns (%d filtered) × %d lines: %d rejected without running the pattern", len(patterns), filtered, len(lines), rejected)
}

// TestFilterCases pins the analysis on patterns of each shape.
func TestFilterCases(t *testing.T) {
	for _, tt := range []struct {
		expr     string
		filtered bool
	}{
		{`\s+as\s+`, true},
		{`(?i)\bk\b`, false}, // k folds to the Kelvin sign
		{`(?i)kilo`, true},   // "ilo" is still required
		{`[^a]+`, false},
		{`^\d+\.`, true},
		{`^(?:a|\w)`, true},
		{`^.*x?`, false},
		{`a*`, false},
		{`\x{FFFD}`, false},
		{`(?m)^a`, true}, // "a" is required, wherever the line starts
		{`^(?:abc|abd|From .+|x\d)`, true},
		{`^a\x{FFFD}b`, true}, // "a" only: U+FFFD also matches a bad byte
		{`^(?:[a-c]x|y+z)`, true},
		{`^(?:a|b*)`, false},
	} {
		r := lazyre.New(tt.expr)
		if r.Filtered() != tt.filtered {
			t.Errorf("%s: filtered %v, want %v", tt.expr, r.Filtered(), tt.filtered)
		}
		for _, s := range append([]string{"x as y", "\u212a", "kilo", "KILO", "b", "12.", "a", "\n\na", "abd", "abx", "From x", "From",
			"x1", "a\xffb", "a\ufffdb", "bx", "yyz", "yz", "z", "ab"}, tricky...) {
			sameResults(t, r, s)
		}
	}
}

// FuzzFilter: for any text, every mapper's pattern gives regexp's
// results through lazyre.
func FuzzFilter(f *testing.F) {
	// Every eighth line as a seed: TestFilterSameAsRegexp checks them all
	// for the filter's part, and every method on each seed costs seconds
	// under the race detector.
	for i, l := range documentLines(f) {
		if i%8 == 0 && strings.TrimSpace(l) != "" {
			f.Add(l)
		}
	}
	for _, s := range tricky {
		f.Add(s)
	}
	patterns := lazyre.All()
	f.Fuzz(func(t *testing.T, s string) {
		for _, r := range patterns {
			sameResults(t, r, s)
		}
	})
}
