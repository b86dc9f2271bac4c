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
	const cut = 128
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
		{"text cut after a statement", stmt + "Director: junk" + strings.Repeat(" and more", 20) + "\n", false},
		{"bad statement", "<urn:x:a> <urn:x:b> .\n" + stmt + stmt, true},
		{"statements", stmt + stmt + stmt, false},
		{"long literal", "<urn:x:a> <urn:x:b> \"" + strings.Repeat("y", 3*cut) + "\" .\nDirector: junk\n", false},
		{"long comment", "# " + strings.Repeat("c", 3*cut) + "\n", false},
		{"long blank node line", "_:b0 <urn:x:b> \"" + strings.Repeat("y", 3*cut) + "\" .\n", false},
		{"empty", "", false},
		// A statement's start whose reading fails well before the cut:
		// the whole line fails there too.
		{"junk after a literal", "<urn:x:a> <urn:x:b> \"ab\" w" + strings.Repeat("x", 3*cut) + "\n" + stmt, true},
		{"junk after a blank node", "_:b0 <urn:x:b> <urn:x:c> ; " + strings.Repeat("x", 3*cut), true},
		// ... unless the rest of the line has what the reader names first.
		{"junk, then a byte not UTF-8", "<urn:x:a> <urn:x:b> \"ab\" w" + strings.Repeat("x", 3*cut) + "\xff\n", false},
		{"junk, then an escape of no character", "<urn:x:a> <urn:x:b> \"ab\" w" + strings.Repeat("x", 3*cut) + "\"\\uD800\"\n", false},
		{"junk, then a byte not UTF-8 on the next line", "<urn:x:a> <urn:x:b> \"ab\" w" + strings.Repeat("x", 3*cut) + "\n\xff\n", true},
		{"a byte not UTF-8 before the junk", "<urn:x:a> <urn:x:b> \"\xffb\" w" + strings.Repeat("x", 3*cut) + "\n", true},
		// A literal or an IRI the rest of the line never closes, with
		// nothing on the way the reader judges: refused as the cut line
		// is (the reader holds the line to say so).
		{"unterminated literal", "<urn:x:a> <urn:x:b> \"" + strings.Repeat("x", 3*cut), true},
		{"unterminated IRI", "<urn:x:" + strings.Repeat("x", 3*cut), true},
		{"unterminated literal after statements", stmt + stmt + "<urn:x:a> <urn:x:b> \"" + strings.Repeat("\u00e9\\\"", cut) + "\n" + stmt, true},
		{"unterminated IRI after statements", stmt + "<urn:x:a> <urn:x:b> <urn:x:" + strings.Repeat("y", 3*cut) + "\r\n", true},
		{"unterminated literal after a bad statement", "<urn:x:a> .\n<urn:x:a> <urn:x:b> \"" + strings.Repeat("x", 3*cut), true},
		// A statement the cut may have cut: the rest decides.
		{"literal closed after the cut", stmt + "<urn:x:a> <urn:x:b> \"" + strings.Repeat("x", 3*cut) + "\" .\n", false},
		{"escape of no character after the cut", "<urn:x:a> <urn:x:b> \"" + strings.Repeat("x", 3*cut) + "\\uDC00", false},
		{"space in an IRI after the cut", stmt + "<urn:x:a> <urn:x:b> <urn:x:" + strings.Repeat("y", 3*cut) + " z", false},
		{"byte not UTF-8 after the cut", "<urn:x:a> <urn:x:b> \"" + strings.Repeat("x", 3*cut) + "\xff", false},
		{"junk at the cut", "<urn:x:a> <urn:x:b> \"" + strings.Repeat("x", cut-30) + "\" w" + strings.Repeat("x", 3*cut), false},
		{"valid long statement", "<urn:x:a> <urn:x:b> \"" + strings.Repeat("\u00e9", 3*cut) + "\" .\n", false},
	} {
		text := []byte(tt.text)
		prefix := text[:min(cut, len(text))]
		got := NQuadsPrefixError(prefix, bytes.NewReader(text[len(prefix):]), read)
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

// scanLineRest finds an escape and a byte that is not UTF-8 wherever the
// reads cut the line, stops at its end, and takes a character cut by a
// read for what it is.
func TestScanLineRest(t *testing.T) {
	const block = 64 << 10
	for _, tt := range []struct {
		name            string
		text            string
		invalid, escape bool
	}{
		{"plain", strings.Repeat("x", 3*block), false, false},
		{"escape across a read", strings.Repeat("x", block-1) + `\u00e9` + strings.Repeat("x", 10), false, true},
		{"capital escape", strings.Repeat("x", 2*block) + `\U0001F600`, false, true},
		{"character across a read", strings.Repeat("x", block-1) + "é" + strings.Repeat("x", block-2) + "映", false, false},
		{"bad byte far on", strings.Repeat("x", 2*block+5) + "\xff", true, false},
		{"bad byte cut at a read", strings.Repeat("x", block-1) + "\xe6\x98", true, false},
		{"on the next line", strings.Repeat("x", block) + "\n\xff\\u", false, false},
	} {
		invalid, escape, err := scanLineRest(strings.NewReader(tt.text), 1<<20)
		if err != nil || invalid != tt.invalid || escape != tt.escape {
			t.Errorf("%s: invalid %v, escape %v, %v; want %v, %v", tt.name, invalid, escape, err, tt.invalid, tt.escape)
		}
	}
}

// FuzzNQuadsPrefixError: whatever the input and wherever the prefix
// ends, an error the prefix gives is the whole input's.
func FuzzNQuadsPrefixError(f *testing.F) {
	read := func(r io.Reader) error {
		_, err := NewDataset().ReadNQuads(r, "in.nq", false)
		return err
	}
	f.Add("<urn:x:a> <urn:x:b> \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", 20)
	f.Add("<urn:x:a> <urn:x:b> <urn:x:yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy> .\n", 30)
	f.Add("<urn:x:a> <urn:x:b> \"ab\" wxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", 60)
	f.Add("<urn:x:a> <urn:x:b> \"a\" .\n<urn:x:a> <urn:x:b> \"\\u00e9\\\\xxxxxxxxxxxxxxxxxxxx\r\n", 40)
	f.Fuzz(func(t *testing.T, text string, cut int) {
		if cut < 0 || cut > len(text) {
			return
		}
		got := NQuadsPrefixError([]byte(text[:cut]), strings.NewReader(text[cut:]), read)
		if got == nil {
			return
		}
		if whole := read(strings.NewReader(text)); whole == nil || whole.Error() != got.Error() {
			t.Errorf("the prefix gave %v; the whole input %v", got, whole)
		}
	})
}
