package ld

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// checkIRIRunes is checkIRI's character rule as it was written, rune by
// rune: the byte table (iriRefused) must refuse exactly what it refused.
func checkIRIRunes(iri string) bool {
	for _, r := range iri {
		if r <= 0x20 || strings.ContainsRune("<>\"\\", r) || (r >= 0x7f && r <= 0x9f) {
			return false
		}
	}
	return true
}

// TestCheckIRICharacters puts every character, one at a time, in an IRI
// that is otherwise good, at its end, in its middle and twice: checkIRI
// refuses it exactly where the rune-by-rune rule does.
func TestCheckIRICharacters(t *testing.T) {
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if !utf8.ValidRune(r) || r == '#' || r == '%' {
			continue // "#" twice and "%" alone fail rules of their own
		}
		c := string(r)
		for _, iri := range []string{"http://a.example/x" + c, "urn:x:" + c + "y", "http://a.example/" + c + c} {
			if got, want := checkIRI(iri, false) == nil, checkIRIRunes(iri); got != want {
				t.Fatalf("checkIRI(%q) ok %v, the rune rule %v", iri, got, want)
			}
		}
	}
}

// TestCheckTextSurrogates: a surrogate's UTF-8 form, alone or beside
// good text, is refused as not valid UTF-8 (checkText asks nothing else
// of a literal's text).
func TestCheckTextSurrogates(t *testing.T) {
	for _, s := range []string{"\xed\xa0\x80", "a\xed\xbf\xbfb", "\xed\xb0\x80 x"} {
		if err := checkText(s); err == nil {
			t.Errorf("checkText(%q) = nil", s)
		}
	}
	for _, s := range []string{"", "plain", "\x00\x07\u009f\ud7ff\ue000\U0010FFFF"} {
		if err := checkText(s); err != nil {
			t.Errorf("checkText(%q) = %v", s, err)
		}
	}
}
