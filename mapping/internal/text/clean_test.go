package text

import (
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"
)

// FuzzClean checks the one-pass Clean against its definition.
func FuzzClean(f *testing.F) {
	for _, s := range []string{"", " ", "a  b", "\u00a0Director:\u2003Ana\t", "a\u0085b", "x y", " x", "x "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " ")
		if got := Clean(s); got != want {
			t.Fatalf("Clean(%q) = %q; want %q", s, got, want)
		}
	})
}

// Clean returns a value that only needs trimming as a part of its input,
// with no copy: every indented line of a page went through a copy.
func TestCleanTrimsWithoutCopy(t *testing.T) {
	for _, s := range []string{"    Review 7: warm.", "\u00a0 Anna Lee", "Anna Lee\u2003\t", " x "} {
		got := Clean(s)
		if allocs := testing.AllocsPerRun(10, func() { Clean(s) }); allocs != 0 {
			t.Errorf("Clean(%q): %v allocations, want none", s, allocs)
		}
		if !strings.Contains(s, got) || got != strings.TrimFunc(s, unicode.IsSpace) {
			t.Errorf("Clean(%q) = %q", s, got)
		}
	}
	// Inner runs of white space still need a new string.
	if got := Clean(" a \u00a0b "); got != "a b" {
		t.Errorf("Clean = %q; want %q", got, "a b")
	}
}

// listSep and andSep are what splitList and splitAnd split at.
var (
	listSep = regexp.MustCompile(`\s*[,;]\s*|\s+/\s+`)
	andSep  = regexp.MustCompile(`\s+(?:&|and|und|et)\s+`)
)

// patternSplit splits s where re matches outside balanced brackets, as
// re.Split(s, -1) splits a string whose bracketed text holds no
// separator: the bytes between brackets are masked before matching.
func patternSplit(re *regexp.Regexp, s string) []string {
	masked := []byte(s)
	for _, sp := range BracketSpans(s) {
		for i := sp[0] + 1; i < sp[1]; i++ {
			masked[i] = 'x'
		}
	}
	var out []string
	start := 0
	for _, m := range re.FindAllIndex(masked, -1) {
		out = append(out, s[start:m[0]])
		start = m[1]
	}
	return append(out, s[start:])
}

// FuzzSplit: splitList and splitAnd scan for their separators; they must
// split every string as the patterns do, never inside brackets.
func FuzzSplit(f *testing.F) {
	for _, s := range []string{"Anna Berg", "Anna Berg, Olaf Lind", "Jan & Ewa Lis and Tomasz Nowak", "AC/DC",
		"Belgium / France", "Anderson", "and", " and ", "a;b", "", "x\tand\ty", "Lingo, André Dziezuk",
		"a  / b", "a /b", "a/ b", " , ", ",", "a,", " ;\f x", "a \v, b", "a &b", "a  &  b", "a andand b", "a and",
		"Camila Ruiz (Rosa, as a child), Pedro Gil", "A (b (c, d) e), f", "a (b, c", "a ) b, c (d", "x (y and z) and w", "Anna et Paul Roy", "Jan und Eva Lis", "Betty Ettinger", "a etet b", "a et", "Kunde und"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := splitList(s), patternSplit(listSep, s); !slices.Equal(got, want) {
			t.Errorf("splitList(%q) = %q; the pattern gives %q", s, got, want)
		}
		if got, want := splitAnd(s), patternSplit(andSep, s); !slices.Equal(got, want) {
			t.Errorf("splitAnd(%q) = %q; the pattern gives %q", s, got, want)
		}
	})
}

// FuzzRoleSeparator: mayHoldRoleSeparator lets PersonProblem skip the
// search for a role separator; it must be true wherever that search
// finds one.
func FuzzRoleSeparator(f *testing.F) {
	for _, s := range []string{"Anna Berg as Eva", "ANNA AS EVA", "as", "Thomas", "A – B", "x=y", "a|b", "A / B", "x - y", "Ας"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		padded := " " + strings.ToLower(s) + " "
		for _, sep := range roleSeparators {
			if strings.Contains(padded, sep) && !mayHoldRoleSeparator(s) {
				t.Errorf("%q holds %q, but mayHoldRoleSeparator says it cannot", s, sep)
			}
		}
	})
}

// FuzzSplitConjunctions: splitting at another language's "and" only
// drops the conjunctions it splits at: the names' words, with those
// between them, are the input's words in order, and no name is empty.
func FuzzSplitConjunctions(f *testing.F) {
	for _, s := range []string{"Élodie Vasseur et Marc Janssens", "José Ortega y Gasset y Ana Ruiz", "y y y", "a e B C",
		"Pedro Gil (Juan y Jorge Gil)", "x ( y Z W", "", "  et  Ab Cd ", "и Иван Петров и Анна Ильина", "É É y Ñ Ñ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		names := splitConjunctions(nil, s)
		if len(names) == 1 {
			if names[0] != s {
				t.Fatalf("splitConjunctions(%q) = %q; want it whole", s, names)
			}
			return
		}
		words := strings.Fields(s)
		var got []string
		for i, n := range names {
			if strings.TrimSpace(n) == "" {
				t.Fatalf("splitConjunctions(%q) = %q: an empty name", s, names)
			}
			if i > 0 {
				got = append(got, words[len(got)]) // the conjunction split at
				if !conjunctions[got[len(got)-1]] {
					t.Fatalf("splitConjunctions(%q) = %q: split at %q, no conjunction", s, names, got[len(got)-1])
				}
			}
			got = append(got, strings.Fields(n)...)
		}
		if !slices.Equal(got, words) {
			t.Fatalf("splitConjunctions(%q) = %q: words %q; want %q", s, names, got, words)
		}
	})
}
