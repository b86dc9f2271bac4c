// Package ntriples writes RDF string literals the way canonical N-Triples
// (RDF 1.1 N-Triples, section 4, as RDFC-1.0 uses it) does: \" \\ \n \r \t
// \b \f as echar escapes, every other control character (and DEL) as an
// upper-case \u escape, everything else as itself.
//
// It is one package so that the N-Quads film2ld writes, the canonical form
// it hashes, and the Turtle, TriG and SPARQL Update it writes (whose string
// grammars accept the same escapes) spell a literal identically: a store
// loaded from one and compared with another sees the same text.
package ntriples

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// WriteString writes s to b as a quoted string literal.
func WriteString(b *strings.Builder, s string) {
	if !utf8.ValidString(s) {
		writeRunes(b, s)
		return
	}
	// Valid UTF-8: every byte of a multi-byte character is 0x80 or above,
	// so a byte scan finds what to escape, and the runs between escapes
	// are written whole, not a rune at a time.
	b.WriteByte('"')
	from := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' && c != 0x7f {
			continue
		}
		b.WriteString(s[from:i])
		from = i + 1
		switch c {
		case '\\':
			b.WriteString(`\\`)
		case '"':
			b.WriteString(`\"`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		case '\b':
			b.WriteString(`\b`)
		case '\f':
			b.WriteString(`\f`)
		default:
			b.WriteString(`\u00`)
			b.WriteByte(hexDigits[c>>4])
			b.WriteByte(hexDigits[c&0xf])
		}
	}
	b.WriteString(s[from:])
	b.WriteByte('"')
}

const hexDigits = "0123456789ABCDEF"

// writeRunes is WriteString a rune at a time, for text that is not
// UTF-8: each invalid byte becomes U+FFFD, as ranging over the string
// reads it.
func writeRunes(b *strings.Builder, s string) {
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '\\':
			b.WriteString(`\\`)
		case '"':
			b.WriteString(`\"`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		case '\b':
			b.WriteString(`\b`)
		case '\f':
			b.WriteString(`\f`)
		default:
			if r < 0x20 || r == 0x7f {
				fmt.Fprintf(b, `\u%04X`, r)
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
}
