package ld

import (
	"bytes"
	"io"
	"strings"
	"testing"
)

// TestNQuadsPrefixError: what the first bytes of an input refuse is what
// the whole input's reading refuses, with the same error; what they
// cannot tell (a cut line that may be a statement) is left to the whole.
func TestNQuadsPrefixError(t *testing.T) {
	const cut = 64
	stmt := "<urn:x:a> <http://schema.org/name> \"a\" .\n"
	read := func(r io.Reader) error {
		_, err := NewDataset().ReadNQuads(r, "in.nq", false)
		return err
	}
	for _, tt := range []struct {
		name, text string
		refused    bool
	}{
		{"one line of text", "Director: " + strings.Repeat("junk ", 40), true},
		{"indented text", "  \tDirector: " + strings.Repeat("junk ", 40), true},
		{"text after a statement", stmt + "Director: junk\n" + stmt, true},
		{"text cut after a statement", stmt + "Director: junk and more junk and more\n", false},
		{"bad statement", "<urn:x:a> <urn:x:b> .\n" + stmt + stmt, true},
		{"statements", stmt + stmt + stmt, false},
		{"long literal", "<urn:x:a> <urn:x:b> \"" + strings.Repeat("y", 3*cut) + "\" .\nDirector: junk\n", false},
		{"long comment", "# " + strings.Repeat("c", 3*cut) + "\n", false},
		{"long blank node line", "_:b0 <urn:x:b> \"" + strings.Repeat("y", 3*cut) + "\" .\n", false},
		{"empty", "", false},
	} {
		text := []byte(tt.text)
		prefix := text[:min(cut, len(text))]
		got := NQuadsPrefixError(prefix, read)
		if (got != nil) != tt.refused {
			t.Errorf("%s: refused by the prefix: %v; want %v", tt.name, got, tt.refused)
			continue
		}
		if got == nil {
			continue
		}
		if whole := read(bytes.NewReader(text)); whole == nil || whole.Error() != got.Error() {
			t.Errorf("%s: the prefix gave %v; the whole input %v", tt.name, got, whole)
		}
	}
}
