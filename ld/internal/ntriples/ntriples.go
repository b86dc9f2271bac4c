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
)

// WriteString writes s to b as a quoted string literal.
func WriteString(b *strings.Builder, s string) {
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
