package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestLineOfFile reads the part of a line up to a column, of a long line
// too, keeping a few KiB of it.
func TestLineOfFile(t *testing.T) {
	long := strings.Repeat("é", 30000) + `, "x": 1,}` // a long line, its comma near the end
	path := filepath.Join(t.TempDir(), "f.json")
	if err := os.WriteFile(path, []byte("{\n"+long+"\n]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	col := utf8.RuneCountInString(long) // the '}'
	part, at := lineOfFile(path, 2, col)
	if len(part) > 8<<10 {
		t.Errorf("kept %d bytes of the line", len(part))
	}
	if r := []rune(part); at < 1 || at > len(r) || r[at-1] != '}' || r[at-2] != ',' {
		t.Errorf("character %d of the part (%d characters) is not the '}' after the comma", at, len(r))
	}
	if part, at := lineOfFile(path, 3, 1); part != "]" || at != 1 {
		t.Errorf("line 3: %q, %d", part, at)
	}
	if part, _ := lineOfFile(filepath.Join(t.TempDir(), "none"), 1, 1); part != "" {
		t.Errorf("a missing file gave %q", part)
	}
}
