package locale

import "testing"

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
