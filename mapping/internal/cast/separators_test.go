package cast

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// separatorRes are the patterns the separators were, in their order:
// each separator is held to its pattern.
var separatorRes = [len(separators)]*regexp.Regexp{
	// "as", and the word in the languages of the articles film2ld reads:
	// German "als", Italian "come", Spanish "como" (audit 15), in lower
	// case only, so that "Perry Como" stays a name.
	regexp.MustCompile(`\s+(?:as|als|come|como)\s+`),
	regexp.MustCompile(`\s+[–—―]\s+|\s+-{1,2}\s+`),
	regexp.MustCompile(`\s*(?:\.{3,}|…+)\s*`),
	regexp.MustCompile(`\s*:\s+`),
}

var separatorCases = []string{
	"", " ", "as", " as ", "a as b", "a  as\t b", "a as", "as b", "a asb", "a als b", "a come b", "a como b", "a comoo b",
	"a As b", "Perry Como", "a\nas\nb", "a\vas\vb", "a\u00a0as b", "a as as b", "a  as  als  b", "aas b", "a sa b",
	"a – b", "a — b", "a ― b", "a - b", "a -- b", "a --- b", "a --b", "a -b", "a-- b", "a – – b", "a –b", "a\t–\tb", "a -",
	"a --", "a – ", " - ", "a\xe2\x80 b", "a \xe2\x80\x93 b", "a \xff– b",
	"a...b", "a ... b", "a.. b", "a .. ... b", "a…b", "a … … b", "a ……b", "a ..… b", "a ....… b", "...", "…", " … ",
	"a . . . b", "a\t...\tb", "a \xe2\x80\xa6\xe2\x80 b", "a\xe2\x80\xa6",
	"a: b", "a : b", "a:b", "a :b", "a:", "a::  b", ":  b", " : ", "a \t: \t b", "a: b: c", "a :: b",
	"Anne Coesens as Tania", "Anne Coesens – Tania, who works as a cleaner", "Camila Ruiz (Rosa, as a child)",
	"Ana Lind ..... Tania", "Ana Lind: Tania", "Ana Lind (as Tania) as Rosa", "Tomasz Bialkowski (Monsieur Nowak)",
	"é as ü", "a é – ü", "a\ras\rb", "a\fcome\fb",
}

// separatorCorpus is the cases, and every line of the samples and the
// films, whole and in its comma-separated parts, as cast entries are.
func separatorCorpus(t testing.TB) []string {
	out := slices.Clone(separatorCases)
	paths, _ := filepath.Glob("../../../testdata/samples/*.txt")
	films, _ := filepath.Glob("../../../testdata/films/*/*.txt")
	if len(paths) == 0 || len(films) == 0 {
		t.Fatal("no samples or films")
	}
	for _, p := range append(paths, films...) {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range strings.Split(string(data), "\n") {
			out = append(out, l)
			out = append(out, strings.Split(l, ",")...)
		}
	}
	return out
}

func TestSeparatorsAsPatterns(t *testing.T) {
	for _, s := range separatorCorpus(t) {
		checkSeparators(t, s)
	}
}

// checkSeparators compares each separator with its pattern: every match
// in turn (FindAllStringIndex), and in a short text the first from
// every byte.
func checkSeparators(t *testing.T, s string) {
	for k, sep := range separators {
		re := separatorRes[k]
		var got [][]int
		for pos := 0; ; {
			start, end := sep(s, pos)
			if start < 0 {
				break
			}
			got = append(got, []int{start, end})
			pos = end
		}
		if want := re.FindAllStringIndex(s, -1); !slices.EqualFunc(got, want, slices.Equal) {
			t.Errorf("separator %d (%s) on %q: %v, want %v", k, re, s, got, want)
		}
		for pos := 0; pos <= len(s) && len(s) <= 100; pos++ { // quadratic: short texts
			start, end := sep(s, pos)
			want := re.FindStringIndex(s[pos:])
			if want == nil && start >= 0 || want != nil && (start != pos+want[0] || end != pos+want[1]) {
				t.Errorf("separator %d (%s) on %q from %d: %d %d, want %v", k, re, s, pos, start, end, want)
			}
		}
	}
}

func FuzzSeparators(f *testing.F) {
	for _, s := range separatorCases {
		f.Add(s)
	}
	f.Fuzz(checkSeparators)
}
