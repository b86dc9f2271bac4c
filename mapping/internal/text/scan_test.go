package text

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// The scans of scan.go against the byte-at-a-time forms they replace.

func binaryOffsetBytewise(data []byte) int {
	for i, b := range data {
		if b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != '\v' || b == 0x7F {
			return i
		}
	}
	return -1
}

func asciiPrefixBytewise(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return i
		}
	}
	return len(s)
}

// scanCases are inputs whose interesting byte sits at each place of a
// word, next to bytes the word tests could confuse it with (0x20, 0x7E,
// 0x80, 0xFF), and text whose normal form differs only across an ASCII
// letter and what follows it.
func scanCases() []string {
	cases := []string{
		"", "a", "abcdefgh", "abcdefghi", "Illegal (Illégal)", "e\u0301", "abcdefge\u0301xyz",
		"Li├Ęge", "禪", "\u1100\u1161", "A\u030A\u0301", "\u212B", "x\u0327\u0301", "é\u0301",
		"ab\u0301", "\uFB01", "ﾀﾞ", "a\u0308\u0323", "a\u0323\u0308", "\xff\xfe", "abc\xc3",
	}
	for _, b := range []byte{0, 1, 8, '\t', '\n', '\v', '\f', '\r', 0x0E, 0x1F, 0x20, 0x7E, 0x7F, 0x80, 0xC3, 0xFF} {
		for pos := 0; pos < 17; pos++ {
			for _, fill := range []byte{'a', ' ', 0x7E, 0x21, 0xFF, 0x80} {
				s := []byte(strings.Repeat(string(fill), 20))
				s[pos] = b
				cases = append(cases, string(s), string(s[:pos+1]))
			}
		}
	}
	return cases
}

func sampleDocs(t testing.TB) []string {
	paths, _ := filepath.Glob("../../../testdata/samples/*.txt")
	var out []string
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, string(data))
	}
	return out
}

func checkScans(t *testing.T, s string) {
	if got, want := binaryOffset([]byte(s)), binaryOffsetBytewise([]byte(s)); got != want {
		t.Errorf("binaryOffset(%q) = %d, want %d", s, got, want)
	}
	if got, want := asciiPrefix(s), asciiPrefixBytewise(s); got != want {
		t.Errorf("asciiPrefix(%q) = %d, want %d", s, got, want)
	}
	if got, want := nfc(s), norm.NFC.String(s); got != want {
		t.Errorf("nfc(%q) = %q, want %q", s, got, want)
	}
}

func TestScans(t *testing.T) {
	for _, s := range append(scanCases(), sampleDocs(t)...) {
		checkScans(t, s)
		// Shifted by each byte of a word, so that each case meets
		// each alignment.
		for k := 1; k < 8; k++ {
			checkScans(t, strings.Repeat("x", k)+s)
		}
	}
}

func FuzzScans(f *testing.F) {
	for _, s := range append(scanCases(), sampleDocs(f)...) {
		f.Add(s)
	}
	f.Fuzz(checkScans)
}

// isCleanBytewise is isClean as it was, a byte at a time.
func isCleanBytewise(s string) bool {
	prevSpace := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ' ':
			if prevSpace {
				return false
			}
			prevSpace = true
		case c < utf8.RuneSelf:
			if c <= '\r' && c >= '\t' {
				return false
			}
			prevSpace = false
		default:
			r, size := utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) {
				return false
			}
			i += size - 1
			prevSpace = false
		}
	}
	return !prevSpace || s == ""
}

func checkIsClean(t *testing.T, s string) {
	if got, want := isClean(s), isCleanBytewise(s); got != want {
		t.Errorf("isClean(%q) = %v, want %v", s, got, want)
	}
}

func TestIsCleanWordwise(t *testing.T) {
	cases := append(scanCases(), sampleDocs(t)...)
	for _, s := range sampleDocs(t) {
		cases = append(cases, strings.Split(s, "\n")...)
	}
	// Two spaces, or a space and another white space, at every place
	// of a word and across words.
	for pos := 0; pos < 18; pos++ {
		for _, pair := range []string{"  ", " \t", "\t ", " \u00a0", "\u00a0 ", " \u2003", " ", "\x1f ", " \x7f"} {
			s := []byte(strings.Repeat("ab", 10))
			cases = append(cases, string(s[:pos])+pair+string(s[pos:]), string(s[:pos])+pair)
		}
	}
	for _, s := range cases {
		checkIsClean(t, s)
		for k := 1; k < 8; k++ {
			checkIsClean(t, strings.Repeat("x", k)+s)
			checkIsClean(t, strings.Repeat("x ", k)+s)
		}
	}
}

func FuzzIsClean(f *testing.F) {
	for _, s := range []string{"", " ", "a  b", "abcdefg  hijk", "abcdefgh ", " abcdefgh", "abcdefgh\u00a0", "x\x1fy"} {
		f.Add(s)
	}
	for _, s := range sampleDocs(f) {
		for _, l := range strings.Split(s, "\n") {
			f.Add(l)
		}
	}
	f.Fuzz(checkIsClean)
}
