package ld

import (
	"bytes"
	"errors"
	"hash/maphash"
	"io"
	"strings"
	"unicode/utf8"
)

// turtlePrefixMargin is how far before the end of a prefix the Turtle
// parser must have stopped for its error to be the whole input's: the
// parser looks a few bytes ahead of where it stands, and a token the
// prefix cuts (a string, an IRI running on) fails only at its end.
const turtlePrefixMargin = 1 << 10

// TurtlePrefixError returns the error reading a Turtle (or, with trig
// set, TriG) input gives, when its first bytes, prefix, tell it, or nil
// when they cannot. The reader held the whole input (twice, as bytes
// and as text) before it parsed: a 200 MB document of junk took 0.84 to
// 1.05 GB to be refused for its second line. It now reads as it goes,
// but after an error it reads the rest of the input for a byte that is
// not UTF-8, which is the input's error first: standard input that never
// ends is refused here, from its head, scanned up to UTF8Horizon. The
// parse of the prefix gives the whole input's error where it stopped
// well before the prefix's end; whole, which reads the input again from
// its start, is then scanned for a byte that is not UTF-8.
func TurtlePrefixError(prefix []byte, whole io.Reader, name string, trig bool) error {
	// A character the prefix cuts is left out; a byte that is not
	// UTF-8 before it is the whole input's first error.
	for cut := 0; cut < utf8.UTFMax && !utf8.Valid(prefix); cut++ {
		prefix = prefix[:len(prefix)-1]
	}
	if !utf8.Valid(prefix) {
		// The whole input's first such byte, at the same place, as the
		// reader gives it (without the line).
		err := CheckUTF8(prefix, name)
		var pe *PosError
		if errors.As(err, &pe) {
			pe.Source = ""
		}
		return err
	}
	p := newTurtleParser(bytes.NewReader(prefix), name, trig)
	p.seen, p.seed = map[uint64]int32{}, maphash.MakeSeed()
	p.sink = func(Quad) {} // the statements are not kept
	err := p.parse()
	if err != nil && p.open.quote != 0 {
		// The prefix ends in a string or an IRI: the whole input is
		// refused so too, when the rest never closes it and holds
		// nothing the reader judges on the way.
		return openStringError(err, p.open, prefix, whole, name)
	}
	if err == nil || p.at >= int64(len(prefix)-turtlePrefixMargin) {
		return nil
	}
	var pe *PosError
	if !errors.As(err, &pe) {
		return nil
	}
	if uerr := ScanUTF8Within(whole, name, UTF8Horizon); uerr != nil {
		// A byte that is not UTF-8 anywhere up to the horizon (or a read
		// error, which the whole reading reports): the reader's first
		// check.
		return uerr
	}
	return err
}

// openString is a Turtle string an input ends in: its quote (" or '),
// whether it is a long one ("""), and the offset of its content.
type openString struct {
	quote   byte
	long    bool
	content int64
}

// openStringError returns err, the prefix's "a string not closed" (placed
// where the string opens), when the whole input gives it too: the rest of
// the input after the prefix, read from whole (from its start, as the
// reader reads it), keeps the string open to its end with nothing the
// reader refuses on the way (stringRest), and all of it is UTF-8, which
// the reader checks first. Else nil: the whole input decides. A 200 MB
// long string never closed was read whole, at 7-16 times its size.
func openStringError(err error, open openString, prefix []byte, whole io.Reader, name string) error {
	rest := &stringRest{open: open, inert: true}
	rest.Write(prefix[open.content:]) // the state the prefix leaves
	rest.skip, rest.chars = len(prefix), 0
	if uerr := ScanUTF8(io.TeeReader(whole, rest), name); uerr != nil {
		return uerr
	}
	if !rest.inert || rest.esc.open() {
		return nil
	}
	var pe *PosError
	if open.quote == '>' && errors.As(err, &pe) {
		// An IRI's error stands at the input's end, on the prefix's own
		// line (the rest holds no line break), as many characters on as
		// the rest has. Its line would be the whole input's: none.
		pe.Pos.Col += rest.chars
		pe.Source = ""
	}
	return err
}

// stringRest follows the content of a string left open, written to it,
// past its first skip bytes, and tells whether it stays inert: no quote
// that closes it (one for a short string, three in a row, unescaped, for
// a long one), no line break in a short string, no escape the reader
// refuses (echar, uchar).
type stringRest struct {
	open   openString
	inert  bool
	skip   int
	quotes int // unescaped quotes just before
	esc    literalEscape
	chars  int // the characters past skip (for an IRI's error)
}

func (s *stringRest) Write(b []byte) (int, error) {
	n := len(b)
	if s.skip > 0 {
		k := min(s.skip, len(b))
		s.skip -= k
		b = b[k:]
	}
	if s.open.quote == '>' {
		s.iri(b)
		return n, nil
	}
	for i := 0; i < len(b) && s.inert; i++ {
		c := b[i]
		switch {
		case s.esc.open():
			s.inert = s.esc.next(c)
		case c == '\\':
			s.esc.begin()
			s.quotes = 0
		case c == s.open.quote:
			s.quotes++
			if !s.open.long || s.quotes >= 3 {
				s.inert = false
			}
		case !s.open.long && (c == '\n' || c == '\r'):
			s.inert = false
		default:
			s.quotes = 0
		}
	}
	return n, nil
}

// iri follows b within an IRI, as the reader's iriRef reads it: a
// character an IRI may not hold raw, its end ('>') or an escape (which
// may stand for one it may not) stops it; the characters are counted.
func (s *stringRest) iri(b []byte) {
	for _, c := range b {
		if c < utf8.RuneSelf && (c <= ' ' || strings.IndexByte("<>\"{}|^`\\", c) >= 0) {
			s.inert = false
			return
		}
		if utf8.RuneStart(c) {
			s.chars++
		}
	}
}
