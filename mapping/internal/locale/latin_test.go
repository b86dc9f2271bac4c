package locale

import (
	"strings"
	"testing"
)

func TestStripAccentsLatinMemo(t *testing.T) {
	if err := latinStripped.Verify(); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"e\u0301", "Ḿ", "Ẽ", "Ёлка", "かが", "\xffé", "é\u200b"} {
		if got, ok := latinStripped.Apply(s); ok {
			t.Errorf("Apply(%q) = %q; want it declined (a rune past U+024F)", s, got)
		}
	}
	for s, want := range map[string]string{"Bélgica": "Belgica", "Ørsted": "Ørsted", "Łódź": "Łodz", "e\u0301te": "ete", "Ёлка": "Елка"} {
		if got := StripAccents(s); got != want {
			t.Errorf("StripAccents(%q) = %q; want %q", s, got, want)
		}
	}
}

// A memo of a function that does not work rune by rune fails Verify: it
// would otherwise pass anything.
func TestVerifyFindsContext(t *testing.T) {
	bad := NewLatinMemo(func(s string) string {
		if len(s) > 1 {
			return s[:1] // a result that depends on the neighbours
		}
		return s
	})
	if bad.Verify() == nil {
		t.Error("Verify passed a function of the whole string")
	}
}

// A table is made by one call of its function where the separators come
// back (the accent stripping's and case folding's do), and rune by rune
// where they do not; Verify holds either to the function.
func TestLatinTableOneCall(t *testing.T) {
	calls := 0
	m := NewLatinMemo(func(s string) string { calls++; return stripAccents(s) })
	m.Apply("a")
	if calls != 1 {
		t.Errorf("the accent stripping's table took %d calls; want 1", calls)
	}
	calls = 0
	dropping := NewLatinMemo(func(s string) string {
		calls++
		return strings.ReplaceAll(s, string(latinSeparator), "")
	})
	if err := dropping.Verify(); err != nil || calls < latinEnd {
		t.Errorf("a function that drops the separator: %v after %d calls; want its table made rune by rune", err, calls)
	}
}
