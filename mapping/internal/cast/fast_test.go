package cast

import (
	"slices"
	"strings"
	"testing"

	"github.com/film2ld/film2ld/mapping/internal/text"
)

// takeAnnotationsRe is takeAnnotations as it was, finding each group's
// text with the pattern.
func takeAnnotationsRe(s string) (string, []string) {
	var names []string
	out := parenRe.ReplaceAllStringFunc(s, func(g string) string {
		inner := parenRe.FindStringSubmatch(g)[1]
		var found []string
		for _, part := range annotationSep.Split(strings.ToLower(inner), -1) {
			name, ok := Annotations[strings.TrimSpace(part)]
			if !ok {
				return g
			}
			found = append(found, name)
		}
		for _, f := range found {
			names = appendUnique(names, f)
		}
		return ""
	})
	return text.Clean(out), names
}

var bracketCases = []string{
	"", "(", ")", "()", "a()", "a)", "a(", "(a)", " (a)", "a (b)", "a  (b)", "a\t(b)", "a\n(b)", "a (b\nc)",
	"a (b) (c)", "a (b (c))", "a) (b)", "a (b))", "((a))", "Anne Coesens (Tania)", "Rahul Sharma (Inspector Vikram) (older)",
	"Ann Lee (voice)", "Ann Lee (voice; uncredited)", "Ann Lee (Rosa) (voice)", "Ann (voice and uncredited)", "\v(a)",
	"a\v(b)", "a\u00a0(b)", "\xff(b)", "a (\xff)", "  (b)", " a (b) ", "a (b)\n", "a(b)c)", "é (ü)", "a (b)\r", "a ( b ) c (d (e) f) g", "(a)(b)", " \t(a) ", "a (b", "a (b (c)", "a (b) c) (d)", "x\v(a)", "((", "))", "( )",
}

func TestTrailingParen(t *testing.T) {
	for _, s := range bracketCases {
		checkTrailingParen(t, s)
	}
}

func checkTrailingParen(t *testing.T, s string) {
	a, c, ok := trailingParen(s)
	var got []string
	if ok {
		got = []string{s, a, c}
	}
	if want := trailingParenRe.FindStringSubmatch(s); !slices.Equal(got, want) {
		t.Errorf("trailingParen(%q) = %q, want %q", s, got, want)
	}
	for _, repl := range []func(string) string{
		func(string) string { return "" },
		func(g string) string { return "<" + g + ">" },
		func(g string) string { return g },
	} {
		if got, want := replaceParenGroups(s, repl), parenRe.ReplaceAllStringFunc(s, repl); got != want {
			t.Errorf("replaceParenGroups(%q) = %q, want %q", s, got, want)
		}
	}
	gotS, gotN := takeAnnotations(s)
	wantS, wantN := takeAnnotationsRe(s)
	if gotS != wantS || !slices.Equal(gotN, wantN) {
		t.Errorf("takeAnnotations(%q) = %q %q, want %q %q", s, gotS, gotN, wantS, wantN)
	}
}

func FuzzTrailingParen(f *testing.F) {
	for _, s := range bracketCases {
		f.Add(s)
	}
	f.Fuzz(checkTrailingParen)
}
