package ld

import (
	"errors"
	"io"
	"math"
	"slices"
	"strconv"
	"sync"
	"unicode/utf8"
)

// treeEncoder writes JSON as encodeJSON does (encoding/json with sorted
// keys, two-space indentation, its escapes and number form, a trailing
// newline), straight into one byte buffer: encoding/json reflects on
// every value, writes the tree compact and then copies it again to indent
// it, which was a fifth of the web snippet's write (pprof: 0.21 of 1.1
// ms, 77 KB and 416 allocations per film of the samples). writeFramed
// writes the snippet with it, and WriteJSONLD a dataset's compacted nodes
// (value). The buffer goes to w whenever it holds flushAt bytes, so a
// large snippet is never held whole.
//
// TestTreeEncoderMatchesJSON and FuzzTreeEncoder hold its escapes, number
// form and layout to encodeJSON's, through a writer of any decoded tree
// built on it (in the test).
type treeEncoder struct {
	w          io.Writer
	buf        []byte
	escapeHTML bool
	err        error
	// keys is a stack of the sorted keys of the maps being written.
	keys []string
	// lazy writes the lazy items of a snippet (writeFramed), if any.
	lazy *lazyWriter
}

const flushAt = 32 << 10

// MaxJSONDepth is how deeply JSON and JSON-LD output may nest arrays and
// objects: as deeply as encoding/json, and so film2ld's own reader,
// reads (MaxTurtleDepth is the same bound for Turtle). Framing embeds a
// node in the one that refers to it, so a chain of 20,000 blank nodes
// framed on its head nests 20,000 objects deep; written, no reader took
// it back.
const MaxJSONDepth = 10000

// ErrTooDeep is JSON output that would nest past MaxJSONDepth.
var ErrTooDeep = errors.New("ld: the output would nest arrays and objects more than 10,000 levels deep, past what JSON readers such as film2ld's (Go's encoding/json) read: flattened or expanded JSON-LD, N-Quads or Turtle write the same graph without that nesting")

// encoders keeps encoders and their buffers (at most flushAt and a
// line) between snippets: growing a new buffer to a film's 13 KB was
// most of the encoder's allocated bytes.
var encoders = sync.Pool{New: func() any { return &treeEncoder{buf: make([]byte, 0, flushAt+4096)} }}

func (e *treeEncoder) flush() {
	if e.err == nil && len(e.buf) > 0 {
		_, e.err = e.w.Write(e.buf)
	}
	e.buf = e.buf[:0]
}

// nextItem starts the next item of an array at depth: a comma after the *n
// items before it, which it counts, and a new line.
func (e *treeEncoder) nextItem(n *int, depth int) {
	if *n > 0 {
		e.buf = append(e.buf, ',')
	}
	e.newline(depth)
	*n++
}

// newline starts a new line indented to depth, the number of arrays and
// objects around it: past MaxJSONDepth the writing fails (every writer
// of nested output starts each member and item with it).
func (e *treeEncoder) newline(depth int) {
	if depth > MaxJSONDepth {
		e.fail(ErrTooDeep)
	}
	if len(e.buf) >= flushAt {
		e.flush()
	}
	e.buf = appendNewline(e.buf, depth)
}

// maxIndentDepth is how many levels JSON output indents: deeper lines
// stay at that indentation. Indented in full, each level adds two spaces
// to every line inside it: a chain of 20,000 blank nodes, each nested in
// the one before when framed, made 1.2 GB of JSON-LD from 1.9 MB of
// N-Quads.
const maxIndentDepth = 32

// appendNewline appends a new line indented to depth.
func appendNewline(b []byte, depth int) []byte {
	b = append(b, '\n')
	for range min(depth, maxIndentDepth) {
		b = append(b, ' ', ' ')
	}
	return b
}

// inJSONString steps a scan of JSON over byte c of a string (the opening
// quote read): whether the string goes on past c, and whether the byte
// after c is escaped.
func inJSONString(c byte, escaped bool) (inString, nextEscaped bool) {
	switch {
	case escaped:
		return true, false
	case c == '\\':
		return true, true
	}
	return c != '"', false
}

// writeIndented writes compact JSON (encoding/json's, ending in a newline)
// to w as json.Indent indents it with two spaces, save that lines deeper
// than maxIndentDepth stay at its indentation. The JSON holds no white
// space but in strings, which may not hold a raw line break.
func writeIndented(w io.Writer, src []byte) error {
	buf := make([]byte, 0, min(len(src)+len(src)/2, flushAt)+1024)
	depth, open, inString, escaped := 0, false, false, false
	nesting := 0
	for _, c := range src {
		if len(buf) >= flushAt {
			if _, err := w.Write(buf); err != nil {
				return err
			}
			buf = buf[:0]
		}
		if inString {
			buf = append(buf, c)
			inString, escaped = inJSONString(c, escaped)
			continue
		}
		switch c {
		case ' ', '\t', '\n', '\r':
			continue
		}
		// After "{" or "[", the line break waits for what follows, so
		// that empty objects and arrays stay "{}" and "[]".
		if open && c != '}' && c != ']' {
			open = false
			depth++
			buf = appendNewline(buf, depth)
		}
		switch c {
		case '"':
			inString = true
			buf = append(buf, c)
		case '{', '[':
			if nesting++; nesting > MaxJSONDepth {
				return ErrTooDeep
			}
			open = true
			buf = append(buf, c)
		case ',':
			buf = appendNewline(append(buf, c), depth)
		case ':':
			buf = append(buf, c, ' ')
		case '}', ']':
			nesting--
			if open {
				open = false
			} else {
				depth--
				buf = appendNewline(buf, depth)
			}
			buf = append(buf, c)
		default:
			buf = append(buf, c)
		}
	}
	buf = append(buf, '\n')
	_, err := w.Write(buf)
	return err
}

// appendJSONFloat is encoding/json's float64 encoding (ES6 number to
// string: %f, or %e outside [1e-6, 1e21) with the exponent unpadded).
func appendJSONFloat(b []byte, f float64) []byte {
	abs := math.Abs(f)
	format := byte('f')
	if abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		n := len(b)
		if n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b
}

const jsonHex = "0123456789abcdef"

// appendJSONString is encoding/json's string encoding: \" \\ \b \f \n \r
// \t, other controls as \u00XX, with escapeHTML also < > & as \u003c and
// so on, U+2028 and U+2029 always escaped, invalid UTF-8 as \ufffd.
func appendJSONString(dst []byte, s string, escapeHTML bool) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		if b := s[i]; b < utf8.RuneSelf {
			if b >= 0x20 && b != '"' && b != '\\' && (!escapeHTML || (b != '<' && b != '>' && b != '&')) {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch b {
			case '\\', '"':
				dst = append(dst, '\\', b)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', jsonHex[b>>4], jsonHex[b&0xF])
			}
			i++
			start = i
			continue
		}
		c, size := utf8.DecodeRuneInString(s[i:])
		if c == utf8.RuneError && size == 1 {
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if c == '\u2028' || c == '\u2029' {
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', jsonHex[c&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

// plainTree reports whether v holds only what treeEncoder writes.
func plainTree(v any) bool {
	switch x := v.(type) {
	case nil, string, bool:
		return true
	case float64:
		return !math.IsInf(x, 0) && !math.IsNaN(x)
	case []any:
		for _, e := range x {
			if !plainTree(e) {
				return false
			}
		}
		return true
	case map[string]any:
		for _, e := range x {
			if !plainTree(e) {
				return false
			}
		}
		return true
	}
	return false
}

// value writes v, a line of its own started at depth.
func (e *treeEncoder) value(v any, depth int) {
	switch x := v.(type) {
	case nil:
		e.buf = append(e.buf, "null"...)
	case string:
		e.buf = appendJSONString(e.buf, x, e.escapeHTML)
	case bool:
		e.buf = strconv.AppendBool(e.buf, x)
	case float64:
		e.buf = appendJSONFloat(e.buf, x)
	case []any:
		if len(x) == 0 {
			e.buf = append(e.buf, "[]"...)
			return
		}
		// Past the bound, or after any failure, nothing below is
		// written: a 20,000-deep tree is not walked to its bottom.
		if depth >= MaxJSONDepth || e.err != nil {
			e.fail(ErrTooDeep)
			return
		}
		e.buf = append(e.buf, '[')
		for i, item := range x {
			if i > 0 {
				e.buf = append(e.buf, ',')
			}
			e.newline(depth + 1)
			e.value(item, depth+1)
		}
		e.newline(depth)
		e.buf = append(e.buf, ']')
	case map[string]any:
		if len(x) == 0 {
			e.buf = append(e.buf, "{}"...)
			return
		}
		if depth >= MaxJSONDepth || e.err != nil {
			e.fail(ErrTooDeep)
			return
		}
		base := len(e.keys)
		for k := range x {
			e.keys = append(e.keys, k)
		}
		slices.Sort(e.keys[base:])
		e.buf = append(e.buf, '{')
		after := false
		for i := base; i < base+len(x); i++ {
			// Indexed anew: the maps below push onto e.keys.
			k := e.keys[i]
			e.member(k, depth+1, &after)
			e.value(x[k], depth+1)
		}
		e.keys = e.keys[:base]
		e.newline(depth)
		e.buf = append(e.buf, '}')
	}
}
