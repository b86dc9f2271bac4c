package ld

import (
	"bufio"
	"bytes"
	"io"
	"os"
	"strconv"
	"unicode/utf8"
)

// spoolLinesOver is the length past which lineReader reads the rest of a
// line through a temporary file: a line of N-Quads whose literal or IRI
// is never closed (a file cut short, a blob pasted in) can only be judged
// at its end, and was held whole, then copied by the parser, to be
// refused: 200 MB took 1.3–3.0 GB. Tests lower it.
var spoolLinesOver = 8 << 20

// openToken is what the prefix of a line leaves open, as the N-Quads
// statement reader reads it: a literal or an IRI whose content goes on
// past the prefix's end (not inside an escape), or neither.
type openToken uint8

const (
	openNone openToken = iota
	openLiteral
	openIRI
)

// openAtEnd returns the token prefix, the start of a line, leaves open.
// It follows the tokens of a statement the reader would accept so far
// (IRIs, literals, and what is between them); a prefix the reader would
// refuse is refused within it, the same way however the line goes on, so
// what openAtEnd says of it does not matter.
func openAtEnd(prefix []byte) openToken {
	open := openNone
	escape := 0 // bytes of an escape still to come (-1: after '\')
	for _, c := range prefix {
		switch {
		case escape < 0:
			escape = 0
			switch c {
			case 'u':
				escape = 4
			case 'U':
				escape = 8
			}
		case escape > 0:
			escape--
		case open == openNone:
			switch c {
			case '<':
				open = openIRI
			case '"':
				open = openLiteral
			case '#':
				return openNone // a comment, to the line's end
			}
		case c == '\\':
			escape = -1
		case open == openIRI && c == '>', open == openLiteral && c == '"':
			open = openNone
		}
	}
	if escape != 0 {
		return openNone
	}
	// The reader trims white space off a line's end: the prefix alone
	// must not lose there a character the token may not hold (a space in
	// an IRI, a CR in a literal), which the whole line is refused for.
	for end := prefix; open != openNone; {
		r, size := utf8.DecodeLastRune(end)
		if !isLineSpace(r) {
			break
		}
		if r < utf8.RuneSelf && (open == openIRI || r == '\r') {
			return openNone
		}
		end = end[:len(end)-size]
	}
	return open
}

// inertRest follows the rest of a line whose prefix left a token open,
// and tells whether all of it is such that the line is refused as the
// prefix alone would be: content of that token with nothing the reader
// judges (no end of the token, no escape that is not a character, no
// byte that is not UTF-8, no bare CR) until the line's end, where the
// token is still open. The reader then says "incomplete" of the line, or
// names an error within the prefix: it reads a line from its start.
type inertRest struct {
	open  openToken
	inert bool
	esc   literalEscape
	cr    int    // CRs seen last: the line's end if only "\n" follows
	tail  []byte // a character a read cut
	// joined is tail and the next read, reused.
	joined []byte
}

func newInertRest(open openToken) *inertRest {
	return &inertRest{open: open, inert: open != openNone}
}

// feed follows b, the next bytes of the line (without its "\n").
func (s *inertRest) feed(b []byte) {
	if !s.inert {
		return
	}
	if len(s.tail) > 0 {
		// A character the last read cut, put together again.
		s.joined = append(append(s.joined[:0], s.tail...), b...)
		b, s.tail = s.joined, s.tail[:0]
	}
	for i := 0; i < len(b); {
		c := b[i]
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRune(b[i:])
			if r == utf8.RuneError && size <= 1 {
				if !utf8.FullRune(b[i:]) {
					s.tail = append(s.tail, b[i:]...)
					return
				}
				s.inert = false // not UTF-8, which the reader names first
				return
			}
			if s.cr > 0 || s.esc.open() {
				s.inert = false
				return
			}
			i += size
			continue
		}
		i++
		if s.cr > 0 && c != '\r' {
			s.inert = false // a CR inside the line
			return
		}
		if s.esc.open() {
			if !s.esc.next(c) {
				s.inert = false
				return
			}
			continue
		}
		switch {
		case c == '\r':
			s.cr++
		case s.open == openLiteral:
			switch c {
			case '"', '\n':
				s.inert = false
				return
			case '\\':
				s.esc.begin()
			}
		default: // an IRI's content, escapes aside
			if !isIRIRefByte(c) {
				s.inert = false
				return
			}
		}
	}
}

// literalEscape follows an escape in a literal as the N-Quads and Turtle
// readers both read one: ECHAR (\t \b \n \r \f \" \' \\) or UCHAR (\uXXXX,
// \UXXXXXXXX) of a character, no UTF-16 surrogate and nothing past
// U+10FFFF (badEscape, the Turtle reader's uchar).
type literalEscape struct {
	b []byte // the escape begun: its '\' and what followed so far
}

// open reports whether an escape is begun and not ended.
func (e *literalEscape) open() bool { return len(e.b) > 0 }

// begin starts an escape at its '\'.
func (e *literalEscape) begin() { e.b = append(e.b[:0], '\\') }

// next reads c within the escape and reports whether the escape is still
// one that stands for a character.
func (e *literalEscape) next(c byte) bool {
	e.b = append(e.b, c)
	if len(e.b) == 2 {
		switch c {
		case 't', 'b', 'n', 'r', 'f', '"', '\'', '\\':
			e.b = e.b[:0]
			return true
		case 'u', 'U':
			return true
		}
		return false
	}
	if !isHex(rune(c)) {
		return false
	}
	want := 6 // \uXXXX
	if e.b[1] == 'U' {
		want = 10
	}
	if len(e.b) < want {
		return true
	}
	v, err := strconv.ParseUint(string(e.b[2:]), 16, 32)
	e.b = e.b[:0]
	return err == nil && utf8.ValidRune(rune(v))
}

// isIRIRefByte reports whether the ASCII byte c may stand in an IRIREF
// as the reader takes it (cayleygraph/quad's nquads grammar: no space, no
// control, no DEL, none of <>"{}|^`\).
func isIRIRefByte(c byte) bool {
	return c > ' ' && c < 0x7f && bytes.IndexByte([]byte("<>\"{}|^`\\"), c) < 0
}

// refusedAsPrefix reports, at the line's end, whether the line is
// refused as its prefix alone is.
func (s *inertRest) refusedAsPrefix() bool {
	return s.inert && !s.esc.open() && len(s.tail) == 0
}

// longLine reads on a line that passed spoolLinesOver, lr.buf holding its
// start: the rest goes to a temporary file as it is read, and comes back
// only when the line needs it. Where the start leaves a literal or IRI
// open that the rest never closes, with nothing in between that the
// reader would judge, the line returned is the start (cut where a
// character ends), which the reader refuses as it refuses the whole line;
// lr.start and lr.next0 still count the whole line. ok is false where no
// temporary file can be made: the caller reads on in memory.
func (lr *lineReader) longLine() (line []byte, ok bool, err error) {
	prefix := trimCutRune(lr.buf)
	rest := newInertRest(openAtEnd(prefix))
	if rest.open == openNone {
		return nil, false, nil
	}
	f, err := os.CreateTemp("", "film2ld-line-*.nq")
	if err != nil {
		return nil, false, nil
	}
	defer f.Close()
	// Removed while open, the file lives as long as it is open; where
	// that is refused (Windows), it is removed once closed.
	if os.Remove(f.Name()) != nil {
		defer os.Remove(f.Name())
	}
	spool := bufio.NewWriterSize(f, 64<<10)
	cut := lr.buf[len(prefix):]
	rest.feed(cut)
	spooled := len(cut)
	if _, err := spool.Write(cut); err != nil {
		return nil, false, err
	}
	for {
		chunk, rerr := lr.r.ReadSlice('\n')
		if rerr != nil && rerr != bufio.ErrBufferFull && rerr != io.EOF {
			return nil, false, rerr
		}
		rest.feed(bytes.TrimSuffix(chunk, []byte("\n")))
		if _, err := spool.Write(chunk); err != nil {
			return nil, false, err
		}
		spooled += len(chunk)
		if rerr != bufio.ErrBufferFull {
			break
		}
	}
	lr.line++
	lr.start = lr.next0
	lr.next0 += len(prefix) + spooled
	if rest.refusedAsPrefix() {
		return prefix, true, nil
	}
	if err := spool.Flush(); err != nil {
		return nil, false, err
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return nil, false, err
	}
	whole := make([]byte, len(prefix)+spooled)
	copy(whole, prefix)
	if _, err := io.ReadFull(f, whole[len(prefix):]); err != nil {
		return nil, false, err
	}
	lr.buf = whole
	return bytes.TrimRight(whole, "\r\n"), true, nil
}
