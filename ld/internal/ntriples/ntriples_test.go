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
