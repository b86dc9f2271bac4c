// Package msg makes text safe to print in a diagnostic: a file name or a
// line of a document can hold anything, and on a terminal or in a log a
// newline forges a second message, an escape sequence rewrites the screen
// and a bidi override reverses what a reader sees.
//
// Call [Clean] on every message before it is written to standard error.
// [ClarifyJSON] rewrites the JSON readers' syntax errors where their words
// mislead (a character named by its first byte).
package msg

import (
	"fmt"
	"github.com/film2ld/film2ld/ld"
	"strings"
	"unicode/utf8"
)

// Clean returns s with every character that could change how the message
// looks escaped: C0 and C1 controls (newline and tab included) and DEL as
// \n, \t or \xNN / \u0085, bidi embeddings, overrides, isolates and marks
// as \u202E and the like, and invalid UTF-8 as \xNN. Backslashes are left
// alone so that Windows paths stay readable; what Clean writes is for
// people, not for parsing.
func Clean(s string) string {
	if isPlain(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02X`, s[i])
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\x%02X`, r)
		case unsafeRune(r):
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// CleanLayout is Clean for text that is a document of its own (an HTML
// report): its line breaks and tabs are its layout and stay as they are;
// every other character Clean escapes is escaped as Clean writes it.
func CleanLayout(s string) string {
	if isPlain(s) {
		return s
	}
	var b strings.Builder
	start := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == '\n' || r == '\r' || r == '\t' {
			b.WriteString(Clean(s[start:i]))
			b.WriteByte(s[i])
			start = i + 1
		}
		i += size
	}
	b.WriteString(Clean(s[start:]))
	return b.String()
}

// EscapeJSON returns JSON text with the characters that change how text
// is shown and that encoding/json writes as they are (C1 controls, bidi
// embeddings, overrides, isolates and marks) written as \u escapes: the
// same JSON values, safe to print (a file named with U+202E reversed a
// report shown in a terminal). encoding/json escapes the others already.
// The bytes are returned as they are when nothing needs escaping.
func EscapeJSON(data []byte) []byte {
	i := 0
	for i < len(data) && data[i] < utf8.RuneSelf {
		i++
	}
	if i == len(data) {
		return data
	}
	var out []byte
	start := 0
	for i < len(data) {
		if data[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		if unsafeRune(r) {
			out = append(out, data[start:i]...)
			out = fmt.Appendf(out, `\u%04x`, r)
			start = i + size
		}
		i += size
	}
	if out == nil {
		return data
	}
	return append(out, data[start:]...)
}

// MaxLen is the most bytes of a message Clip keeps.
const MaxLen = 1000

// Clip returns s, or, when it is longer than MaxLen bytes, its start and
// its end with " … " between them, cut at character boundaries: a
// message may quote a value of any length (a number of 100,000 digits
// made 200 KB of error), and its end says what is wrong with it.
func Clip(s string) string {
	if len(s) <= MaxLen {
		return s
	}
	const gap = " … "
	head, tail := (MaxLen-len(gap))*2/3, len(s)-(MaxLen-len(gap))/3
	for head > 0 && !utf8.RuneStart(s[head]) {
		head--
	}
	for tail < len(s) && !utf8.RuneStart(s[tail]) {
		tail++
	}
	return s[:head] + gap + s[tail:]
}

// isPlain reports whether s needs no escaping, so that the common case
// allocates nothing.
func isPlain(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c == 0x7f || c >= utf8.RuneSelf {
			if c >= utf8.RuneSelf {
				return plainUnicode(s[i:])
			}
			return false
		}
	}
	return true
}

func plainUnicode(s string) bool {
	for _, r := range s {
		if r == utf8.RuneError || r < 0x20 || r == 0x7f || unsafeRune(r) {
			return false
		}
	}
	return true
}

// unsafeRune reports C1 controls and the invisible characters that change
// the order or direction in which text is shown.
func unsafeRune(r rune) bool {
	switch {
	case r >= 0x80 && r <= 0x9f: // C1 controls, CSI (U+009B) among them
		return true
	case r == 0x061c, r == 0x200e, r == 0x200f: // ALM, LRM, RLM
		return true
	case r >= 0x202a && r <= 0x202e: // embeddings and overrides
		return true
	case r >= 0x2066 && r <= 0x2069: // isolates
		return true
	case r == 0x2028, r == 0x2029: // line and paragraph separators
		return true
	}
	return false
}

// ClarifyJSON rewrites the message of a JSON syntax error at column col
// (1-based, in characters) of line where Go's JSON readers leave the
// author guessing; any other message comes back as it is:
//   - "invalid character 'Â'": the readers name the offending byte as if
//     it were a character, so a no-break space reads 'Â' and a
//     typographic quotation mark 'â'. The character is named as it is,
//     with its code point and Unicode name, and for those that text
//     pasted from a word processor brings, what JSON wants instead;
//   - "invalid character '}'" or ']' right after a comma on the same
//     line: a trailing comma, which JSON does not allow.
func ClarifyJSON(message, line string, col int) string {
	r := runeAt(line, col)
	if (r == '}' || r == ']') && !strings.Contains(message, "trailing comma") {
		if before := strings.TrimRight(prefix(line, col-1), " \t"); strings.HasSuffix(before, ",") {
			return strings.Replace(message, "invalid character '"+string(r)+"'",
				"invalid character '"+string(r)+"' (after a trailing comma, which JSON does not allow)", 1)
		}
		return message
	}
	return ld.NameInvalidCharacter(message, r)
}

// prefix returns the first n characters of line.
func prefix(line string, n int) string {
	for i := range line {
		if n == 0 {
			return line[:i]
		}
		n--
	}
	return line
}

// runeAt returns the col-th character of line (1-based), or 0.
func runeAt(line string, col int) rune {
	n := 0
	for _, r := range line {
		n++
		if n == col {
			return r
		}
	}
	return 0
}
