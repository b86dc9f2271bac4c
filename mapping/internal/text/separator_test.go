package text

import (
	"strings"
	"testing"

	"github.com/film2ld/film2ld/mapping/internal/piecetest"
)

// oldMayHoldRoleSeparator is mayHoldRoleSeparator as it was, its
// reference.
func oldMayHoldRoleSeparator(s string) bool {
	return strings.ContainsAny(s, "–—-/|=") ||
		strings.Contains(s, "as") || strings.Contains(s, "As") || strings.Contains(s, "aS") || strings.Contains(s, "AS")
}

func checkMayHoldRoleSeparator(t *testing.T, s string) {
	if got, want := mayHoldRoleSeparator(s), oldMayHoldRoleSeparator(s); got != want {
		t.Errorf("mayHoldRoleSeparator(%q) = %v, was %v", s, got, want)
	}
}

// TestMayHoldRoleSeparator: looking for the dashes' bytes finds what
// looking each rune up in the set found, invalid UTF-8 around them too.
func TestMayHoldRoleSeparator(t *testing.T) {
	pieces := []string{"a", "s", "A", "–", "—", "-", "/", "|", "=", "\xe2", "\x80", "\x93", "\x94", "\xff", "é", "\u2012", " "}
	for _, s := range []string{"", "Ana Reis", "Ana – Reis", "Ana—Reis", "\xe2\x80", "\xe2\xe2\x80\x93", "\x80\x93", "\xe2\x80\x95", "as"} {
		checkMayHoldRoleSeparator(t, s)
	}
	for s := range piecetest.Strings(12, 100_000, 8, pieces) {
		if checkMayHoldRoleSeparator(t, s); t.Failed() {
			return
		}
	}
}

func FuzzMayHoldRoleSeparator(f *testing.F) {
	f.Add("Ana – Reis")
	f.Add("\xe2\xe2\x80\x93")
	f.Fuzz(checkMayHoldRoleSeparator)
}
