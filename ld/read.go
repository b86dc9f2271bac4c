package ld

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"github.com/film2ld/film2ld/ld/diag"
	"github.com/film2ld/film2ld/ld/internal/jsonscan"
	"io"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/runenames"
)

// InputFormat is a form of linked data Read accepts.
type InputFormat int

// The input formats.
const (
	// InputJSONLD is a JSON-LD document (.jsonld, .json).
	InputJSONLD InputFormat = iota + 1
	// InputHTML is an HTML page; every <script type="application/ld+json">
	// block in it is a document (.html, .htm).
	InputHTML
	// InputNQuads is N-Quads or N-Triples (.nq, .nt).
	InputNQuads
	// InputTurtle is Turtle (.ttl).
	InputTurtle
	// InputTriG is TriG (.trig), which also reads Turtle.
	InputTriG
)

var inputNames = map[InputFormat]string{InputJSONLD: "jsonld", InputHTML: "html", InputNQuads: "nquads", InputTurtle: "turtle", InputTriG: "trig"}

// String returns the name ParseInputFormat accepts.
func (f InputFormat) String() string { return inputNames[f] }

// ErrInputFormat means an input format name or a file's form is not one
// Read accepts.
var ErrInputFormat = errors.New("unknown input format")

// ParseInputFormat returns the input format named s: jsonld, html, nquads,
// turtle or trig.
func ParseInputFormat(s string) (InputFormat, error) {
	for f, name := range inputNames {
		if name == s {
			return f, nil
		}
	}
	return 0, fmt.Errorf("%w %q (want jsonld, html, nquads, turtle or trig)", ErrInputFormat, s)
}

// DetectInput tells an input's format from its file name's extension, and
// failing that (standard input, an unknown extension) from its first bytes
// after any comment lines (#): JSON starts with { or [, HTML with <
// followed by a letter, ! or ?, Turtle and TriG with a directive (@prefix,
// PREFIX, BASE, GRAPH), and anything else is read as N-Quads, whose lines
// start with < or _:.
func DetectInput(name string, data []byte) InputFormat {
	if f := InputByName(name); f != 0 {
		return f
	}
	s := bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")), " \t\r\n")
	if text := UTF16Text(data[:min(len(data), 1024)]); text != nil {
		// A page saved as UTF-16, which HTML allows with a byte-order
		// mark (DecodeHTML reads it); JSON and RDF must be UTF-8, and are
		// told as such so that their readers say why they refuse it.
		// Without the mark too (told by its NULs), a page's reader and
		// CheckUTF16 say what it is; as bytes, standard input's started
		// with a NUL and was read as N-Quads.
		s = bytes.TrimLeft(text, " \t\r\n")
	}
	// Comment lines, which N-Quads, Turtle and TriG all allow, say
	// nothing of which: a Turtle file often starts with a header of them,
	// and was read as N-Quads for it.
	for len(s) > 0 && s[0] == '#' {
		end := bytes.IndexAny(s, "\r\n")
		if end < 0 {
			s = nil
			break
		}
		s = bytes.TrimLeft(s[end:], " \t\r\n")
	}
	switch {
	case len(s) == 0:
		return InputNQuads
	case s[0] == '{' || s[0] == '[':
		return InputJSONLD
	case s[0] == '<' && len(s) > 1 && (isASCIILetter(s[1]) || s[1] == '!' || s[1] == '?') && !looksLikeIRI(s):
		return InputHTML
	case s[0] == '@' || hasWordFold(s, "PREFIX") || hasWordFold(s, "BASE") || hasWordFold(s, "GRAPH"):
		// Turtle's and TriG's directives; TriG reads both.
		return InputTriG
	}
	return InputNQuads
}

// InputByName tells an input's format from its file name's extension
// alone, as [DetectInput] does first, or returns 0 when the extension is
// not one it knows.
func InputByName(name string) InputFormat {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".jsonld", ".json":
		return InputJSONLD
	case ".html", ".htm", ".xhtml":
		return InputHTML
	case ".nq", ".nquads", ".nt":
		return InputNQuads
	case ".ttl", ".turtle":
		return InputTurtle
	case ".trig":
		return InputTriG
	}
	return 0
}

// utf16ASCIIHead returns the ASCII characters that begin data after a
// UTF-16 byte-order mark (up to 64 of them, as bytes), or nil when data
// starts with no such mark.
func utf16ASCIIHead(data []byte) []byte {
	var hi int // the index of a code unit's high byte
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		hi = 1
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		hi = 0
	default:
		return nil
	}
	head := []byte{}
	for i := 2; i+1 < len(data) && len(head) < 64; i += 2 {
		c, high := data[i+1-hi], data[i+hi]
		if high != 0 || c >= 0x80 {
			break
		}
		head = append(head, c)
	}
	return head
}

func isASCIILetter(b byte) bool { return b|0x20 >= 'a' && b|0x20 <= 'z' }

// hasWordFold reports whether s starts with word, in any case, then a space.
func hasWordFold(s []byte, word string) bool {
	return len(s) > len(word) && bytes.EqualFold(s[:len(word)], []byte(word)) && (s[len(word)] == ' ' || s[len(word)] == '\t')
}

// looksLikeIRI tells an N-Quads subject ("<https://…>") from an HTML tag.
func looksLikeIRI(s []byte) bool {
	end := bytes.IndexAny(s, "> \t\n")
	return end > 0 && s[end] == '>' && bytes.Contains(s[:end], []byte(":"))
}

// Read reads every JSON-LD document an input holds: one for JSON-LD and
// N-Quads (the latter as expanded JSON-LD), one per script block for HTML.
// Errors name the input and, where known, the line and column.
func (p *Processor) Read(r io.Reader, name string, f InputFormat) ([]any, error) {
	switch f {
	case InputJSONLD:
		data, err := io.ReadAll(r)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		doc, err := decodeJSON(data, name)
		if err != nil {
			return nil, err
		}
		return []any{doc}, nil
	case InputHTML:
		blocks, err := ExtractHTML(r, name)
		if err != nil {
			return nil, err
		}
		if len(blocks) == 0 {
			return []any{}, nil
		}
		return []any{PageDocument(blocks)}, nil
	case InputNQuads:
		doc, err := p.FromNQuads(r, name)
		if err != nil {
			return nil, err
		}
		return []any{doc}, nil
	case InputTurtle, InputTriG:
		quads, err := ReadTurtle(r, name, f == InputTriG)
		if err != nil {
			return nil, err
		}
		doc, err := p.FromQuads(quads, name)
		if err != nil {
			return nil, err
		}
		return []any{doc}, nil
	}
	return nil, fmt.Errorf("%s: %w", name, ErrInputFormat)
}

// PageDocument returns the one JSON-LD document a page's blocks make, as
// JSON-LD's extractAllScripts (and jsonld.js) read a page: the blocks'
// nodes side by side in an array (a block's own array spliced in), so
// that a blank node label names one node across the page's blocks. A
// page of one block is that block's document.
func PageDocument(blocks []Block) any {
	if len(blocks) == 1 {
		return blocks[0].Doc
	}
	var all []any
	for _, b := range blocks {
		if items, ok := b.Doc.([]any); ok {
			all = append(all, items...)
		} else {
			all = append(all, b.Doc)
		}
	}
	return all
}

// utf8BOM is the UTF-8 byte-order mark.
var utf8BOM = []byte("\xef\xbb\xbf")

// decodeJSON decodes one JSON value, reporting a syntax error at its line
// and column.
func decodeJSON(data []byte, name string) (any, error) {
	return decodeJSONWith(data, name, false)
}

// decodeJSONWith is decodeJSON, leaving out with leave what
// ReadLeavingOut leaves out.
func decodeJSONWith(data []byte, name string, leave bool) (any, error) {
	// encoding/json would turn bytes that are not UTF-8 into U+FFFD.
	if off := invalidUTF8(data); off >= 0 {
		return nil, posError(data, name, off, utf8Error(data, off, 0))
	}
	// A UTF-8 byte-order mark (Windows editors write one) is skipped, as
	// JSON allows a parser to and as the Turtle, HTML and film document
	// readers and validate do: convert refused such a file for its first
	// "character". A byte that is not UTF-8 is placed in the file as it
	// is (above), a syntax error from after the mark.
	data = bytes.TrimPrefix(data, utf8BOM)
	decode := decodeShallow
	if leave {
		decode = decodeLeavingOut
	}
	v, shallow := decode(data)
	var err error
	if !shallow {
		// Decoded again whole, for the error Decode gives (or the
		// value, where it takes what decodeShallow did not).
		dec := json.NewDecoder(bytes.NewReader(data))
		dec.UseNumber()
		err = dec.Decode(&v)
		if err == nil {
			if _, extra := dec.Token(); extra != io.EOF {
				return nil, posError(data, name, int(dec.InputOffset()), errors.New("text after the JSON value"))
			}
		}
	}
	if err == nil {
		if off, err := jsonscan.UnpairedSurrogate(data); err != nil {
			return nil, posError(data, name, off, err)
		}
		if d, ok := jsonscan.DuplicateKey(data); ok {
			return nil, posError(data, name, d.At, duplicateKeyError(data, d, ""))
		}
		return v, nil
	}
	off := len(data)
	var syn *json.SyntaxError
	if errors.As(err, &syn) {
		// Offset counts the bytes read, the offending one included.
		off = max(int(syn.Offset)-1, 0)
	}
	if errors.Is(err, io.EOF) {
		err = errors.New("no JSON value")
	}
	return nil, posError(data, name, off, err)
}

// duplicateKeyError is the error of a key data writes twice in one
// object (see ErrDuplicateKey), naming the first writing's place in
// data; in says what data is when it is not the whole file ("of the
// block").
func duplicateKeyError(data []byte, d jsonscan.Duplicate, in string) error {
	first := diag.NewIndex(data).Position("", d.First)
	return fmt.Errorf("%w: %q, first at line %d%s, column %d (JSON readers keep one of the two values, and disagree on which: remove one)",
		ErrDuplicateKey, d.Key, first.Line, in, first.Col)
}

// ExplainJSONError adds to a JSON syntax error at byte offset off of data
// the mistake that most often causes it, where the text shows it: a
// trailing comma before "}" or "]" (on the line before, too, where a
// reader of one line cannot see it), a line break or tab inside a string,
// a comment, a single-quoted string. Any other error comes back as it is.
func ExplainJSONError(data []byte, off int, err error) error {
	if off < 0 || off >= len(data) {
		return err
	}
	// Named by the character there, not its first byte: a page's block
	// on the script tag's line has no line to name it from later
	// (convert --lenient warned of 'ï' for U+FFFD).
	r, _ := utf8.DecodeRune(data[off:])
	err = renameChar(err, r)
	var before, after byte
	if b := bytes.TrimRight(data[:off], " \t\r\n"); len(b) > 0 {
		before = b[len(b)-1]
	}
	if off+1 < len(data) {
		after = data[off+1]
	}
	return explainJSON(err, data[off], before, after)
}

// explainJSON is ExplainJSONError of a syntax error at the byte at, whose
// last byte before it other than white space is before and whose next
// byte is after (0 for none), as ScanJSON knows them of text it does not
// hold.
func explainJSON(err error, at, before, after byte) error {
	var syn *json.SyntaxError
	var scan *jsonscan.SyntaxError
	if err == nil || !errors.As(err, &syn) && !errors.As(err, &scan) && !strings.HasPrefix(err.Error(), "invalid character") {
		return err
	}
	why := ""
	switch {
	case (at == '}' || at == ']') && before == ',':
		why = "after a trailing comma, which JSON does not allow"
	case (at == '\n' || at == '\r') && strings.Contains(err.Error(), "in string literal"):
		why = `a line break inside a string: JSON writes it as \n`
	case at == '\t' && strings.Contains(err.Error(), "in string literal"):
		why = `a tab inside a string: JSON writes it as \t`
	case at == '/' && (after == '/' || after == '*'):
		why = "a comment, which JSON does not allow"
	case at == '\'':
		why = `a single quote: JSON strings and keys take double quotes (")`
	}
	if why == "" || strings.Contains(err.Error(), why) {
		return err
	}
	return fmt.Errorf("%w (%s)", err, why)
}

// NameInvalidCharacter rewrites message, a JSON syntax error's, where it
// says "invalid character 'Â'" of r, a character that is not ASCII, which
// Go's JSON readers name by its first byte as if that were a character
// (a no-break space reads 'Â', a typographic quotation mark 'â'): the
// character is named as it is, with its code point and Unicode name, and
// for those that text pasted from a word processor brings, what JSON
// wants instead. Any other message comes back as it is.
func NameInvalidCharacter(message string, r rune) string {
	if r < utf8.RuneSelf {
		return message
	}
	var first [utf8.UTFMax]byte
	utf8.EncodeRune(first[:], r)
	byteAsRune := "invalid character '" + string(rune(first[0])) + "'"
	if !strings.Contains(message, byteAsRune) {
		return message
	}
	named := fmt.Sprintf("invalid character %q (U+%04X %s", string(r), r, runenames.Name(r))
	switch r {
	case 0xA0, 0x2007, 0x202F, 0x2009, 0x200B, 0x3000:
		named += ": JSON takes only spaces, tabs and line breaks as white space"
	case 0x201C, 0x201D, 0x2018, 0x2019, 0x00AB, 0x00BB, 0x201E:
		named += `: JSON strings and keys take straight quotes (")`
	case 0xFEFF:
		named += ": a byte-order mark inside the text"
	}
	return strings.Replace(message, byteAsRune, named+")", 1)
}

// renamedError is err with another message (see NameInvalidCharacter).
type renamedError struct {
	msg string
	err error
}

func (e *renamedError) Error() string { return e.msg }
func (e *renamedError) Unwrap() error { return e.err }

// posError places err at byte offset off of the input data named name,
// keeping the offending line for the caret display.
func posError(data []byte, name string, off int, err error) *PosError {
	err = ExplainJSONError(data, off, err)
	x := diag.NewIndex(data)
	pos := x.Position(name, off)
	if errors.Is(err, ErrUTF16) {
		// Its line read as UTF-8 is every other byte a NUL.
		return &PosError{Pos: pos, Err: err}
	}
	return &PosError{Pos: pos, Source: x.Line(pos.Line), Err: err}
}

// Union expands several documents into one expanded document holding the
// union of their graphs. Blank node labels are scoped to their document (the
// JSON-LD rule; a page's blocks are one document, see [PageDocument]), so
// each document's are renamed apart; IRIs are shared, so documents that
// refer to each other by @id join up.
func (p *Processor) Union(docs []any, opts Options) ([]any, error) {
	var out []any
	for i, d := range docs {
		exp, err := p.Expand(d, opts)
		if err != nil {
			return nil, err
		}
		if len(docs) > 1 {
			relabel(exp, fmt.Sprintf("_:d%d-", i))
		}
		out = append(out, exp...)
	}
	if out == nil {
		out = []any{}
	}
	return out, nil
}

// relabel renames every blank node label in an expanded document.
func relabel(v any, prefix string) {
	switch v := v.(type) {
	case []any:
		for _, e := range v {
			relabel(e, prefix)
		}
	case map[string]any:
		for k, e := range v {
			if s, ok := e.(string); ok && k == "@id" && strings.HasPrefix(s, "_:") {
				v[k] = prefix + s[2:]
				continue
			}
			if k == "@type" {
				if ts, ok := e.([]any); ok {
					for i, t := range ts {
						if s, ok := t.(string); ok && strings.HasPrefix(s, "_:") {
							ts[i] = prefix + s[2:]
						}
					}
				}
				continue
			}
			relabel(e, prefix)
		}
	}
}

// CheckJSON reads a JSON-LD input to its end in bounded memory (a buffer
// and a nesting stack) and returns the error [Processor.Read] would give
// it for its syntax or bytes, or nil when it is one JSON value: a large
// input that is not JSON can so be refused without being held whole. The
// error names the input, line and column as Read's does, without the
// offending line (which may be the whole input); a read error is returned
// as it is.
func CheckJSON(r io.Reader, name string) error {
	p, err := ScanJSON(r, JSONRules{})
	if err != nil || p == nil {
		return err
	}
	return p.PosError(name)
}

// JSONRules are rules besides JSON's own that [ScanJSON] holds an input
// to, for readers other than [Processor.Read] (the zero value is Read's).
type JSONRules struct {
	// MaxDepth, when above 0, is how deeply arrays and objects may nest:
	// the bracket that goes past it is the problem ([ErrJSONTooDeep]),
	// unless a byte that is not UTF-8 stands anywhere in the input.
	MaxDepth int
	// NextToken places text after the value where a reader that skips
	// white space, commas and colons between tokens finds its next one
	// (or at the end, when only those follow), rather than where
	// Read places it.
	NextToken bool
	// FirstByteAfter places text after the value at its first byte that
	// is not white space (a script block's rule), rather than where Read
	// places it.
	FirstByteAfter bool
	// CutLiteral makes an input that ends inside a literal, a number or
	// an escape the syntax error json.Unmarshal gives it, at its last
	// byte, rather than io.ErrUnexpectedEOF.
	CutLiteral bool
}

// Problems [ScanJSON] finds besides encoding/json's syntax errors.
var (
	// ErrUnpairedSurrogate is a \u escape in a JSON string that stands
	// for half of a UTF-16 surrogate pair without its other half: JSON's
	// grammar allows it, but it is no character, and encoding/json (as
	// most JSON readers) reads it as U+FFFD, changing a name or an IRI
	// without a word. Every JSON reader of film2ld refuses it at its
	// place, once the input is otherwise JSON.
	ErrUnpairedSurrogate = jsonscan.ErrUnpairedSurrogate
	// ErrNoJSONValue means the input holds only white space.
	ErrNoJSONValue = jsonscan.ErrNoValue
	// ErrTextAfterJSON means the value is followed by more than white
	// space.
	ErrTextAfterJSON = jsonscan.ErrTextAfter
	// ErrJSONTooDeep means arrays and objects nest past
	// [JSONRules.MaxDepth].
	ErrJSONTooDeep = jsonscan.ErrTooDeep
	// ErrDuplicateKey means one object writes a key twice: JSON readers
	// keep one of the two values, and disagree on which (encoding/json,
	// and so json-gold, the last; others the first), so the other is
	// lost without a word. film2ld's JSON-LD reader refuses it at the
	// second writing, as validate reports it.
	ErrDuplicateKey = jsonscan.ErrDuplicateKey
)

// JSONProblem is the first thing that makes an input other than one JSON
// value, as [ScanJSON] finds it.
type JSONProblem struct {
	// Offset is the byte offset; Line and Col (in characters) are 1-based.
	Offset    int64
	Line, Col int
	// Err is encoding/json's syntax error (with its message),
	// io.ErrUnexpectedEOF, ErrNoJSONValue, ErrTextAfterJSON,
	// ErrJSONTooDeep or ErrUnpairedSurrogate; or nil when the problem is Invalid, a byte that is
	// not UTF-8 (which comes first wherever it stands, as decoders would
	// replace it).
	Err     error
	Invalid byte
	// SyntaxOK is set with ErrJSONTooDeep when nothing after the bracket
	// is a syntax problem: a reader without the limit reads the input.
	SyntaxOK bool
	// At, Before and After are the byte a syntax error stands at, the
	// last byte other than white space before it and the byte after it
	// (0 for none), so that PosError names the mistake (a trailing
	// comma, a comment) as reading the text whole does.
	At, Before, After byte
	// Char is the character a syntax error stands at (0 when unknown),
	// for naming it (see NameInvalidCharacter).
	Char rune
}

// PosError returns the problem as [CheckJSON] reports it for the input
// named name.
func (p *JSONProblem) PosError(name string) *PosError {
	pos := diag.Position{File: name, Line: p.Line, Col: p.Col}
	if p.Err == nil {
		return &PosError{Pos: pos, Err: fmt.Errorf("%w: byte 0x%02X at byte offset %d", ErrInvalidUTF8, p.Invalid, p.Offset)}
	}
	return &PosError{Pos: pos, Err: p.Explained()}
}

// Explained returns Err with the mistake that most often causes it named
// where the bytes around it show it, as [ExplainJSONError] words it.
func (p *JSONProblem) Explained() error {
	return renameChar(explainJSON(p.Err, p.At, p.Before, p.After), p.Char)
}

// renameChar is err with the character r it stands at named as it is
// (see NameInvalidCharacter), or err.
func renameChar(err error, r rune) error {
	if err == nil || r < utf8.RuneSelf {
		return err
	}
	if named := NameInvalidCharacter(err.Error(), r); named != err.Error() {
		return &renamedError{msg: named, err: err}
	}
	return err
}

// ScanJSON reads a JSON input to its end in bounded memory, as
// [CheckJSON] does, under rules, and returns its first problem, or nil
// when it is one JSON value; a read error is returned as it is.
func ScanJSON(r io.Reader, rules JSONRules) (*JSONProblem, error) {
	// A leading byte-order mark is skipped, as the readers skip it.
	br := bufio.NewReader(r)
	skipped := 0
	if head, _ := br.Peek(len(utf8BOM)); bytes.Equal(head, utf8BOM) {
		skipped, _ = br.Discard(len(utf8BOM))
	}
	p, err := jsonscan.CheckWith(br, jsonscan.Options{MaxDepth: rules.MaxDepth, NextToken: rules.NextToken, FirstByteAfter: rules.FirstByteAfter, CutLiteral: rules.CutLiteral, Horizon: UTF8Horizon})
	if err != nil || p == nil {
		return nil, err
	}
	if p.Err == nil {
		// A byte that is not UTF-8 is placed in the file as it is, mark
		// and all, as CheckUTF8 places it; syntax problems count from
		// after the mark, as the decoders do.
		p.Offset += int64(skipped)
		if p.Line == 1 && skipped > 0 {
			p.Col++
		}
	}
	return &JSONProblem{Offset: p.Offset, Line: p.Line, Col: p.Col, Err: p.Err, Invalid: p.Invalid, SyntaxOK: p.SyntaxOK,
		At: p.At, Before: p.Before, After: p.After, Char: p.Char}, nil
}

// UnpairedSurrogate returns the byte offset in data, a JSON text that
// decodes, of its first escape of an unpaired surrogate
// ([ErrUnpairedSurrogate]) and the error naming it, or -1 and nil.
// Readers of JSON other than [Processor.Read] check their text with it.
func UnpairedSurrogate(data []byte) (int, error) {
	return jsonscan.UnpairedSurrogate(data)
}

// ReplaceUnpairedSurrogates returns data with the escape of each unpaired
// surrogate in its strings ([ErrUnpairedSurrogate]) made \uFFFD, what
// JSON readers read it as, and how many there were: what convert
// --lenient reads.
func ReplaceUnpairedSurrogates(data []byte) ([]byte, int) {
	n := 0
	// Each search goes on after the escape replaced: a text is an
	// escape's end there, inside a string, and searching from the start
	// again was quadratic in the number of escapes.
	for from := 0; ; {
		off, err := jsonscan.UnpairedSurrogate(data[from:])
		if err == nil {
			return data, n
		}
		if n == 0 {
			data = bytes.Clone(data)
		}
		off += from
		copy(data[off+2:off+6], "FFFD")
		n++
		from = off + 6
	}
}
