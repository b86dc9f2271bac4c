// Package diag holds what every stage of film2ld reports problems with: a
// [Position] in an input (file, line, column), a [Severity], an [Index]
// that turns byte offsets into lines and character columns, a [PosError]
// placed at a position, and [Excerpt], which shows the offending line with
// a caret under the column, as toml's ParseError.ErrorWithPosition does.
//
// Start with [NewIndex] over an input's bytes; its [Index.Position] places
// an offset, and its [Index.Excerpt] shows the place.
//
// # Why a package of its own, and why under ld
//
// Mappers (package mapping), the JSON-LD processor (ld) and the validator
// (schemas) all place messages in the documents they read, and the command
// prints them all the same way. Imports flow cmd → mapping, ld, schemas and
// schemas → ld; mapping imports neither ld nor schemas. The one place all
// three can import without turning an arrow around is a leaf package under
// the lowest of them: diag imports only the standard library (and
// golang.org/x/text/width, for the caret under wide characters) and knows
// nothing of JSON-LD, so mapping depending on it does not make mapping
// depend on JSON-LD processing. Under mapping it would make ld and schemas
// depend on the mappers.
//
// # Columns
//
// Columns count characters (Unicode code points), as editors and SARIF's
// "unicodeCodePoints" count them: on a line of accented or CJK text, a byte
// count would point past the place.
package diag

import (
	"cmp"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// Position is where something stands in an input: a file, and the 1-based
// line and column (in characters). Line 0 means the input as a whole; Col 0
// means the line as a whole.
type Position struct {
	File string
	Line int
	Col  int
}

// String writes file:line:col, leaving out what is not known.
func (p Position) String() string {
	switch {
	case p.Line <= 0:
		return p.File
	case p.Col <= 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	default:
		return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
	}
}

// Compare orders positions by file, line and column, for sorted reports.
func Compare(a, b Position) int {
	return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col))
}

// Severity grades a message. Its values are the words reports print and
// SARIF levels are made from, so they never change.
type Severity string

// Severities, mildest first.
const (
	// Info explains a decision, such as two spellings taken for one
	// person; the command prints it only when asked (--verbose).
	Info Severity = "info"
	// Note only informs: something done to the input that the user should
	// know about.
	Note Severity = "note"
	// Warning is a fact that was left out, a choice between sources, or
	// markup that works but that search engines or readers may mistake.
	Warning Severity = "warning"
	// Error is markup that fails a rule; validate exits 1 on it.
	Error Severity = "error"
)

// Rank orders severities, mildest first: Info 1, Note 2, Warning 3,
// Error 4, and 0 for a value that is none of them.
func (s Severity) Rank() int {
	switch s {
	case Info:
		return 1
	case Note:
		return 2
	case Warning:
		return 3
	case Error:
		return 4
	}
	return 0
}

// PosError is a problem at a position in a named input.
type PosError struct {
	Pos Position
	// Source is the text of the offending line, without its line break,
	// when the reader had it; ErrorWithPosition shows it.
	Source string
	Err    error
}

// Error reports file:line:col: and the cause.
func (e *PosError) Error() string {
	if e.Pos.File == "" && e.Pos.Line <= 0 {
		return e.Err.Error()
	}
	return e.Pos.String() + ": " + e.Err.Error()
}

// Unwrap returns the cause, so errors.Is finds a sentinel.
func (e *PosError) Unwrap() error { return e.Err }

// ErrorWithPosition is Error followed by the offending line with a caret
// under the column, when the line's text and the column are known (the
// result then ends with a newline); otherwise it is Error.
func (e *PosError) ErrorWithPosition() string {
	x := Excerpt(e.Source, e.Pos.Line, e.Pos.Col)
	if e.Source == "" || x == "" {
		return e.Error()
	}
	return e.Error() + "\n" + x
}

// excerptWidth is how many characters of a long line Excerpt shows: a page
// whose markup is minified onto one line would otherwise print whole.
const excerptWidth = 80

// Excerpt shows line number line, whose text is text, with a caret under
// column col (in characters), each line indented by two spaces:
//
//	12 | "ratingValue": "five",
//	   |                ^
//
// It returns "" when line or col is not known. A line longer than
// [excerptWidth] characters is cut around the column, with "…" where it is
// cut. Tabs are shown as one space and characters that could change how
// the terminal shows the text (controls, bidi marks) as U+FFFD, and the
// caret is moved two cells for each East Asian wide character before it,
// so that the caret stands under its character on a terminal and the
// excerpt is safe to print as it is. The result ends with a newline.
func Excerpt(text string, line, col int) string {
	if line <= 0 || col <= 0 {
		return ""
	}
	text = strings.TrimRight(text, "\r\n")
	// Only the characters shown are decoded: a line may be hundreds of MB
	// (a page's JSON on one line), and the excerpt of each finding on it
	// was a copy of the whole line as runes, four bytes a character.
	n := utf8.RuneCountInString(text)
	start, _ := excerptWindow(n, col)
	return excerpt(text[runeOffset(text, start):], n, line, col)
}

// excerptWindow is the range of a line of n characters that an excerpt
// of column col shows.
func excerptWindow(n, col int) (start, end int) {
	if n <= excerptWidth {
		return 0, n
	}
	start = max(0, min(min(col-1, n)-excerptWidth/2, n-excerptWidth))
	return start, start + excerptWidth
}

// runeOffset is the byte offset of the i-th character of s, or len(s).
func runeOffset(s string, i int) int {
	for off := range s {
		if i == 0 {
			return off
		}
		i--
	}
	return len(s)
}

// byteRuneOffset is runeOffset of bytes, which it does not copy.
func byteRuneOffset(b []byte, i int) int {
	off, _ := walkRunes(b, i)
	return off
}

// byteRuneCount is utf8.RuneCount, without the copy of b it makes (a 12
// MB line, 12 MB).
func byteRuneCount(b []byte) int {
	_, n := walkRunes(b, len(b))
	return n
}

// walkRunes steps over at most i characters of b, counting invalid bytes
// one each as ranging over a string does, and returns the offset reached
// and how many it stepped over.
func walkRunes(b []byte, i int) (off, n int) {
	for ; n < i && off < len(b); n++ {
		if b[off] < utf8.RuneSelf {
			off++
			continue
		}
		_, size := utf8.DecodeRune(b[off:])
		off += size
	}
	return off, n
}

// excerpt is Excerpt of a line of n characters, of which text holds
// those from the start of the window shown, at least to its end.
func excerpt(text string, n, line, col int) string {
	// The caret may stand just past the end: an error at the end of a
	// line or of the input.
	at := min(col-1, n)
	start, end := excerptWindow(n, col)
	runes := make([]rune, 0, end-start)
	i := start
	for _, r := range text {
		if i == end {
			break
		}
		switch {
		case r == '\t':
			r = ' '
		case r == utf8.RuneError || !unicode.IsGraphic(r):
			r = utf8.RuneError
		}
		runes = append(runes, r)
		i++
	}
	shown := string(runes)
	var pad strings.Builder
	if start > 0 {
		shown = "…" + shown
		pad.WriteByte(' ')
	}
	if end < n {
		shown += "…"
	}
	for _, r := range runes[:at-start] {
		// A wide character (CJK) takes two cells of a terminal.
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth:
			pad.WriteString("  ")
		default:
			pad.WriteByte(' ')
		}
	}
	num := fmt.Sprint(line)
	gutter := strings.Repeat(" ", len(num))
	return fmt.Sprintf("  %s | %s\n  %s | %s^\n", num, shown, gutter, pad.String())
}
