package ntriples

import (
	"strings"
	"testing"
)

func TestWriteString(t *testing.T) {
	for in, want := range map[string]string{
		`plain`:                   `"plain"`,
		"quote \" backslash \\":   `"quote \" backslash \\"`,
		"tab\tlf\ncr\r":           `"tab\tlf\ncr\r"`,
		"bs\b ff\f":               `"bs\b ff\f"`,
		"nul\x00 esc\x1b del\x7f": `"nul\u0000 esc\u001B del\u007F"`,
		"Ünïcödé ✓ 𝄞":             `"Ünïcödé ✓ 𝄞"`,
	} {
		var b strings.Builder
		WriteString(&b, in)
		if b.String() != want {
			t.Errorf("WriteString(%q) = %s, want %s", in, b.String(), want)
		}
	}
}

// FuzzWriteString: the byte scan writes what the rune-by-rune writer
// writes, for any string, UTF-8 or not.
func FuzzWriteString(f *testing.F) {
	for _, s := range []string{"plain", "quote \" backslash \\", "tab\tlf\ncr\r\b\f", "nul\x00 esc\x1b del\x7f", "Ünïcödé ✓ 𝄞", "caf\xe9 \xff\xfe", "\xed\xa0\x80"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var fast, slow strings.Builder
		WriteString(&fast, s)
		writeRunes(&slow, s)
		if fast.String() != slow.String() {
			t.Errorf("WriteString(%q) = %s, rune by rune %s", s, fast.String(), slow.String())
		}
	})
}
