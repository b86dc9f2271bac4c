// Package ntriples writes RDF string literals the way canonical N-Triples
// (RDF 1.1 N-Triples, section 4, as RDFC-1.0 uses it) does: \" \\ \n \r \t
// \b \f as echar escapes, every other control character (and DEL) as an
// upper-case \u escape, everything else as itself; and IRIs the way
// rdf-canonize and rapper write them: the characters N-Quads' IRIREF
// excludes (controls, space, < > " { } | ^ ` and \) as upper-case \u
// escapes, everything else as itself.
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
		if e := echar(rune(c)); e != "" {
			b.WriteString(e)
		} else {
			b.WriteString(`\u00`)
			b.WriteByte(hexDigits[c>>4])
			b.WriteByte(hexDigits[c&0xf])
		}
	}
	b.WriteString(s[from:])
	b.WriteByte('"')
}

const hexDigits = "0123456789ABCDEF"

// IRIEscaped reports whether iri holds a character that IRI terms write
// as an escape.
func IRIEscaped(iri string) bool {
	for i := 0; i < len(iri); i++ {
		if iriEscape(iri[i]) {
			return true
		}
	}
	return false
}

// iriEscape reports whether c, a byte of an IRI, is written as an escape.
// Bytes from 0x80 up are parts of characters outside ASCII, which IRIREF
// accepts as they are.
func iriEscape(c byte) bool {
	switch c {
	case '<', '>', '"', '{', '}', '|', '^', '`', '\\':
		return true
	}
	return c <= 0x20
}

// WriteIRI writes iri to b as an IRI term, between "<" and ">".
func WriteIRI(b *strings.Builder, iri string) {
	b.WriteByte('<')
	from := 0
	for i := 0; i < len(iri); i++ {
		if c := iri[i]; iriEscape(c) {
			b.WriteString(iri[from:i])
			from = i + 1
			b.WriteString(`\u00`)
			b.WriteByte(hexDigits[c>>4])
			b.WriteByte(hexDigits[c&0xf])
		}
	}
	b.WriteString(iri[from:])
	b.WriteByte('>')
}

// AppendIRI appends iri to dst as an IRI term, between "<" and ">".
func AppendIRI(dst []byte, iri string) []byte {
	dst = append(dst, '<')
	from := 0
	for i := 0; i < len(iri); i++ {
		if c := iri[i]; iriEscape(c) {
			dst = append(append(dst, iri[from:i]...), '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			from = i + 1
		}
	}
	return append(append(dst, iri[from:]...), '>')
}

// IRITerm returns iri as an IRI term, between "<" and ">".
func IRITerm(iri string) string {
	if !IRIEscaped(iri) {
		return "<" + iri + ">"
	}
	var b strings.Builder
	b.Grow(len(iri) + 16)
	WriteIRI(&b, iri)
	return b.String()
}

// TermOfKey returns the IRI term of key, an IRI between "<" and ">" as
// it stands ("<iri>"): key itself when nothing in it is escaped, so that
// the common case costs no copy.
func TermOfKey(key string) string {
	if !IRIEscaped(key[1 : len(key)-1]) {
		return key
	}
	return IRITerm(key[1 : len(key)-1])
}

// echar returns r's echar escape (\\ \" \n \r \t \b \f), or "" for a
// character that has none: the one table both writers escape by.
func echar(r rune) string {
	switch r {
	case '\\':
		return `\\`
	case '"':
		return `\"`
	case '\n':
		return `\n`
	case '\r':
		return `\r`
	case '\t':
		return `\t`
	case '\b':
		return `\b`
	case '\f':
		return `\f`
	}
	return ""
}

// writeRunes is WriteString a rune at a time, for text that is not
// UTF-8: each invalid byte becomes U+FFFD, as ranging over the string
// reads it.
func writeRunes(b *strings.Builder, s string) {
	b.WriteByte('"')
	for _, r := range s {
		switch e := echar(r); {
		case e != "":
			b.WriteString(e)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
}
