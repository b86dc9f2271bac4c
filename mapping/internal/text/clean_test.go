package text

import (
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
