package ld

import (
	"fmt"
	"strings"
	"testing"
)

// prefixBlankNodesByByte is PrefixBlankNodes as it was, a byte at a
// time: the reference for the run-copying one.
func prefixBlankNodesByByte(nquads, prefix string) string {
	var b strings.Builder
	for i := 0; i < len(nquads); {
		c := nquads[i]
		switch {
		case c == '<':
			end := strings.IndexByte(nquads[i:], '>')
			if end < 0 {
				b.WriteString(nquads[i:])
				return b.String()
			}
			b.WriteString(nquads[i : i+end+1])
			i += end + 1
		case c == '"':
			j := i + 1
			for j < len(nquads) && nquads[j] != '"' {
				if nquads[j] == '\\' {
					j++
				}
				j++
			}
			j = min(j+1, len(nquads))
			b.WriteString(nquads[i:j])
			i = j
		case c == '_' && i+1 < len(nquads) && nquads[i+1] == ':':
			b.WriteString("_:")
			b.WriteString(prefix)
			i += 2
		default:
			b.WriteByte(c)
			i++
		}
	}
	return b.String()
}

var prefixSeeds = []string{
	"", "_", "_:", "_:b0 <urn:p> \"a\\\"_:b1\" .\n", "<urn:a> <urn:p> _:b0 _:g .\n", "\"unterminated \\", "\"ends in backslash\\\\\"",
	"<unterminated", "x_y _:z", "\"a\\", "\"\\\"\"_:a", "__:a", "<a>\"_:x\"_:y",
}

// TestPrefixBlankNodesMatchesByteLoop: the same text as the byte loop,
// on the direct writer's golden-like N-Quads and edge cases.
func TestPrefixBlankNodesMatchesByteLoop(t *testing.T) {
	var big strings.Builder
	for i := range 200 {
		fmt.Fprintf(&big, "_:b%d <urn:p> \"v\\\\al\\\"ue_:%d\\n\"@en _:g%d .\n<urn:s> <urn:p_x> _:b%d .\n", i, i, i%3, i)
	}
	// A long literal of escapes, escaped quotes among them, and one that
	// never closes.
	escapes := "_:b0 <urn:p> \"" + strings.Repeat(`a\"b\\c\n`, 5000) + "\" _:b1 .\n"
	for _, in := range append(prefixSeeds, big.String(), escapes, escapes[:len(escapes)-10]) {
		if got, want := PrefixBlankNodes(in, "f1-"), prefixBlankNodesByByte(in, "f1-"); got != want {
			t.Errorf("PrefixBlankNodes(%q) = %q, the byte loop %q", in, got, want)
		}
	}
}

// FuzzPrefixBlankNodes: the same for any text.
func FuzzPrefixBlankNodes(f *testing.F) {
	for _, s := range prefixSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		if got, want := PrefixBlankNodes(in, "f1-"), prefixBlankNodesByByte(in, "f1-"); got != want {
			t.Errorf("PrefixBlankNodes(%q) = %q, the byte loop %q", in, got, want)
		}
	})
}

// FuzzAppendPrefixBlankNodes: appending to a buffer that already holds
// text keeps that text and adds what PrefixBlankNodes returns (the batch
// reuses one buffer for every film).
func FuzzAppendPrefixBlankNodes(f *testing.F) {
	for _, s := range prefixSeeds {
		f.Add("_:b0 <urn:p> \"x\" .\n", s)
	}
	f.Fuzz(func(t *testing.T, before, in string) {
		buf := append(make([]byte, 0, len(before)), before...)
		got := string(AppendPrefixBlankNodes(buf, []byte(in), "f1-"))
		if want := before + prefixBlankNodesByByte(in, "f1-"); got != want {
			t.Errorf("AppendPrefixBlankNodes(%q, %q) = %q, want %q", before, in, got, want)
		}
	})
}
