// Package jsonscan checks the syntax of a JSON stream in bounded memory,
// with encoding/json's messages: a large input that is not JSON is
// refused before it is read whole.
package jsonscan

import (
	"bufio"
	"errors"
	"io"
	"unicode/utf8"
)

// Errors Check gives besides a *SyntaxError, as decoding the whole
// input with encoding/json gives them.
var (
	// ErrNoValue means the input holds only white space.
	ErrNoValue = errors.New("no JSON value")
	// ErrTextAfter means a value is followed by more than white space.
	ErrTextAfter = errors.New("text after the JSON value")
	// ErrUnexpectedEOF means the input ends inside its value.
	ErrUnexpectedEOF = io.ErrUnexpectedEOF
	// ErrTooDeep means arrays and objects nest past Options.MaxDepth.
	ErrTooDeep = errors.New("arrays and objects nest too deeply")
)

// Options are rules besides encoding/json's that CheckWith holds an input
// to, for readers that differ from json.Decoder.
type Options struct {
	// MaxDepth, when above 0, is how deeply arrays and objects may nest:
	// the bracket that goes past it is a problem (ErrTooDeep), which
	// comes before any syntax problem after it.
	MaxDepth int
	// NextToken places text after the value where a reader that skips
	// white space, commas and colons between tokens finds its next one
	// (or at the end, when only those follow), rather than where
	// json.Decoder's InputOffset stands after its Token.
	NextToken bool
	// FirstByteAfter places text after the value at its first byte that
	// is not white space, as a reader that decodes the value and then
	// looks past white space finds it.
	FirstByteAfter bool
	// CutLiteral makes an input that ends inside a literal, a number or
	// an escape the syntax error json.Unmarshal gives it, at its last
	// byte, rather than ErrUnexpectedEOF.
	CutLiteral bool
	// Horizon, when above 0, is the offset past which, once a syntax
	// problem is found, the input is no longer read for a byte that is
	// not UTF-8: the syntax problem is then the problem. An input that
	// never ends is refused so.
	Horizon int64
}

// Problem is the first thing that makes an input other than one JSON
// value: where it is, and what.
type Problem struct {
	Offset    int64 // byte offset
	Line, Col int   // 1-based; Col counts characters
	// Invalid is the byte that is not UTF-8, when that is the problem.
	Invalid byte
	// Err is a *SyntaxError, ErrNoValue, ErrTextAfter,
	// ErrUnexpectedEOF, ErrTooDeep or ErrUnpairedSurrogate (in a value
	// that is otherwise JSON), or nil when the problem is a byte
	// that is not UTF-8 (which encoding/json would replace, so callers
	// refuse it first, wherever it stands).
	Err error
	// SyntaxOK is set with ErrTooDeep when nothing after the bracket is
	// a syntax problem: a reader without the limit reads the input.
	SyntaxOK bool
	// At is the byte a *SyntaxError stands at, Before the last byte
	// other than white space before it (0 for none) and After the byte
	// after it (0 at the end): what a message needs to name the mistake
	// ("a trailing comma", "a comment") that reading the text whole
	// would see.
	At, Before, After byte
	// Char is the character a *SyntaxError stands at, when it stands at
	// a character's first byte: the error names that byte alone, as if
	// it were a character ('Ã' for "é"), and the caller names the
	// character instead.
	Char rune
}

// Check reads r to its end, holding no more than a buffer and
// encoding/json's nesting stack, and returns the problem that decoding it
// whole would report: the first byte that is not UTF-8 anywhere in it,
// else the first syntax error. It returns nil for one JSON value with
// only white space around it, and a read error as it is.
func Check(r io.Reader) (*Problem, error) {
	return CheckWith(r, Options{})
}

// CheckWith is Check under the rules of opts. A byte that is not UTF-8 is
// still the problem wherever it stands (up to opts.Horizon); nesting past opts.MaxDepth only
// comes before a syntax problem that follows it.
func CheckWith(r io.Reader, opts Options) (*Problem, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	s := &scanner{}
	s.reset()
	var (
		syntax    *Problem // the first syntax problem, kept while UTF-8 is checked on
		off       int64
		line, col = 1, 1
		ended     bool     // the top-level value is complete
		nonSpace  bool     // a byte other than white space was read
		tail      *scanner // scans a scalar after the value
		tailAt    *Problem // where that scalar starts
		deep      *Problem // the bracket past opts.MaxDepth
		surrogate *Problem // the first unpaired surrogate escape
		separated bool     // a comma or colon follows the value (opts.NextToken)
		prev      byte     // the last byte other than white space, before the syntax problem
		after     bool     // the syntax problem's After byte is set
		buf       [utf8.UTFMax]byte
	)
	at := func(o int64, l, c int, err error) *Problem {
		return &Problem{Offset: o, Line: l, Col: c, Err: err}
	}
	for {
		if syntax != nil && after && opts.Horizon > 0 && off >= opts.Horizon {
			break // as if the input ended here: it decides nothing more
		}
		if fastPaths {
			// Where nothing but a byte that is not UTF-8 and the place can
			// change (after the syntax problem and its After byte; white
			// space after the value, where only other bytes decide), the
			// buffered bytes are checked in place, as the loop below
			// would check them a character at a time: reading 64 MiB of
			// junk's tail so took most of its CPU.
			rest := syntax != nil && after
			if rest || syntax == nil && ended && tail == nil {
				if p, n := skim(br, rest, opts.Horizon-off, rest && opts.Horizon > 0, &line, &col); n > 0 || p {
					if p {
						b, _ := br.Peek(n + 1)
						br.Discard(n)
						return &Problem{Offset: off + int64(n), Line: line, Col: col, Invalid: b[n]}, nil
					}
					br.Discard(n)
					off += int64(n)
					continue
				}
			}
		}
		r, size, err := br.ReadRune()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		if r == utf8.RuneError && size == 1 {
			if err := br.UnreadRune(); err != nil {
				return nil, err
			}
			b, _ := br.ReadByte()
			return &Problem{Offset: off, Line: line, Col: col, Invalid: b}, nil
		}
		if syntax != nil && !after {
			utf8.EncodeRune(buf[:], r)
			syntax.After, after = buf[0], true
		}
		if syntax == nil {
			n := utf8.EncodeRune(buf[:], r)
			for i, c := range buf[:n] {
				if syntax != nil {
					if !after {
						syntax.After, after = c, true
					}
					break
				}
				before := prev
				if !isSpace(c) {
					nonSpace = true
					prev = c
				}
				o := off + int64(i)
				if !ended {
					s.bytes++
					op := s.step(s, c)
					if s.unpaired != nil && surrogate == nil {
						// The escape is ASCII on this line, back from c.
						back := s.bytes - s.unpairedAt
						surrogate = at(o-back, line, col-int(back), s.unpaired)
					}
					switch op {
					case scanError:
						syntax = at(o, line, col, s.err)
						syntax.At, syntax.Before = c, before
						if i == 0 {
							syntax.Char = r
						}
						continue
					case scanEnd:
						// The value ended before c (a number); c is
						// what follows it.
						ended = true
					case scanEndObject, scanEndArray:
						if stateEndValue(s, ' ') == scanEnd {
							ended = true
						}
						continue
					case scanBeginArray, scanBeginObject:
						if opts.MaxDepth > 0 && deep == nil && len(s.parseState) > opts.MaxDepth {
							deep = at(o, line, col, ErrTooDeep)
						}
						continue
					default:
						continue
					}
				}
				if opts.NextToken {
					switch {
					case isSpace(c):
					case c == ',' || c == ':':
						separated = true
					default:
						syntax = at(o, line, col, ErrTextAfter)
					}
					continue
				}
				if opts.FirstByteAfter {
					if !isSpace(c) {
						syntax = at(o, line, col, ErrTextAfter)
					}
					continue
				}
				if tail != nil {
					// encoding/json's Token decodes a scalar after the
					// value before it tells the offset: its end, or its
					// start when it is not one.
					switch tail.step(tail, c) {
					case scanError:
						syntax = tailAt
					case scanEnd:
						syntax = at(o, line, col, ErrTextAfter)
					}
					continue
				}
				if !isSpace(c) {
					switch c {
					case '{', '[':
						// Token takes a delimiter before it tells the offset.
						syntax = at(o+1, line, col+1, ErrTextAfter)
					case '}', ']', ',', ':':
						syntax = at(o, line, col, ErrTextAfter)
					default:
						tailAt = at(o, line, col, ErrTextAfter)
						tail = &scanner{}
						tail.reset()
						tail.step(tail, c)
					}
				}
			}
		}
		off += int64(size)
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	if syntax == nil && tail != nil {
		syntax = tailAt
		if tail.step(tail, ' ') == scanEnd {
			syntax = at(off, line, col, ErrTextAfter)
		}
	}
	if syntax == nil && separated {
		syntax = at(off, line, col, ErrTextAfter)
	}
	if syntax == nil && !ended {
		if !nonSpace {
			syntax = at(off, line, col, ErrNoValue)
		} else if op := s.step(s, ' '); op == scanError && opts.CutLiteral {
			// What cuts a literal is ASCII on the last line.
			syntax = at(off-1, line, col-1, s.err)
		} else if op != scanEnd {
			syntax = at(off, line, col, ErrUnexpectedEOF)
		}
	}
	if deep != nil {
		deep.SyntaxOK = syntax == nil
		return deep, nil
	}
	if syntax == nil {
		// JSON, but a string of it is not text: reading it whole,
		// decoders check this once the syntax is known good.
		return surrogate, nil
	}
	return syntax, nil
}

// fastPaths turns on skim in CheckWith; the differential test turns it
// off to compare.
var fastPaths = true

// skim reads through br's buffered bytes what CheckWith's loop reads a
// character at a time where only their UTF-8 and place matter: every
// character when rest is set, else white space only (stopping at the
// first other byte). Characters are counted into line and col as the loop
// counts them. It stops short of the last utf8.UTFMax-1 buffered bytes, so
// that no character it reads is cut by the buffer's end (the loop reads
// those), and, when bounded, before the first character starting at or
// past horizon bytes on. invalid reports that the byte n bytes on is not
// UTF-8 (nothing consumed past n).
func skim(br *bufio.Reader, rest bool, horizon int64, bounded bool, line, col *int) (invalid bool, n int) {
	buf, _ := br.Peek(br.Buffered())
	limit := len(buf) - (utf8.UTFMax - 1)
	if bounded && horizon < int64(limit) {
		limit = int(max(horizon, 0))
	}
	for n < limit {
		c := buf[n]
		switch {
		case c == '\n':
			*line, *col = *line+1, 1
			n++
			continue
		case !rest && !isSpace(c):
			return false, n
		case c < utf8.RuneSelf:
			*col++
			n++
			continue
		}
		r, size := utf8.DecodeRune(buf[n:])
		if r == utf8.RuneError && size == 1 {
			return true, n
		}
		*col++
		n += size
	}
	return false, n
}
