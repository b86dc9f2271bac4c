package ld

import (
	"bytes"
	"io"
)

// scriptState is where scriptReader stands in a script element's content,
// in the terms of the HTML standard's script data states (13.2.5.4 and
// on), as golang.org/x/net/html's tokenizer follows them.
type scriptState uint8

const (
	sData            scriptState = iota // script data
	sLess                               // after "<"
	sEndTag                             // after "</": matching "script", then the byte after it
	sEscapeStart                        // after "<!"
	sEscapeDash                         // after "<!-"
	sEscaped                            // inside "<!--"
	sEscapedDash                        // after "-" there
	sEscapedDashDash                    // after "--" there
	sEscapedLess                        // after "<" there
	sDoubleStart                        // after "<" and a letter there: matching "script"
	sDoubleStartEnd                     // the byte after that "script"
	sDouble                             // inside "<!--<script>"
	sDoubleDash                         // after "-" there
	sDoubleDashDash                     // after "--" there
	sDoubleLess                         // after "<" there
	sDoubleEnd                          // after "</" there: matching "script", then the byte after it
)

// scriptReader reads the content of a <script> element as it goes, up to
// the end tag that closes it, as golang.org/x/net/html's tokenizer
// delimits it (its readScript, whose rules, quirks included, it follows
// a byte at a time): the tokenizer holds a script's content as one
// token, in a buffer grown by doubling, so a page's 200 MB JSON-LD block
// took 560–690 MB to be refused for a syntax error at its end. The
// content is the bytes before "</script" and the byte that ends the
// tag name; those nine bytes and what follows them are left in src, for
// a tokenizer to read on from.
type scriptReader struct {
	src   *pushback
	state scriptState
	ret   scriptState // where a failed end tag match goes on
	i     int         // how many bytes of "script" matched
	held  []byte      // bytes that may begin the closing end tag
	out   []byte      // content made and not yet returned, from outAt on
	outAt int
	done  bool  // the end tag, or the end of the input, is reached
	err   error // a read error of src
}

func newScriptReader(src *pushback) *scriptReader {
	return &scriptReader{src: src}
}

// reset readies s for the next script of the page, keeping its buffers:
// a page of many small blocks makes no garbage of them.
func (s *scriptReader) reset() {
	*s = scriptReader{src: s.src, out: s.out[:0], held: s.held[:0]}
}

// Read returns the content's next bytes, and io.EOF after its last.
func (s *scriptReader) Read(p []byte) (int, error) {
	for s.outAt == len(s.out) {
		if s.done {
			if s.err != nil {
				return 0, s.err
			}
			return 0, io.EOF
		}
		s.out, s.outAt = s.out[:0], 0
		s.fill()
	}
	n := copy(p, s.out[s.outAt:])
	s.outAt += n
	return n, nil
}

// fill reads a piece of src and runs the states over it, adding content
// to out; at the end tag it hands src back what follows the content.
func (s *scriptReader) fill() {
	buf, err := s.src.next()
	pos := 0
	for pos < len(buf) {
		if s.state == sData {
			// The common case, a run of script data, in one step.
			i := bytes.IndexByte(buf[pos:], '<')
			if i < 0 {
				s.out = append(s.out, buf[pos:]...)
				pos = len(buf)
				break
			}
			s.out = append(s.out, buf[pos:pos+i]...)
			pos += i
		}
		c := buf[pos]
		if s.step(c) {
			pos++
		}
		if s.done {
			// held is "</script" and the byte after it: the end tag
			// token's start, which the tokenizer reads on from.
			s.src.unread(bytes.Clone(s.held), buf[pos:])
			s.held = s.held[:0]
			return
		}
	}
	if err != nil {
		// At the end of the input, what was held is content, as the
		// tokenizer's text token ends there with every byte read.
		s.out = append(s.out, s.held...)
		s.held = s.held[:0]
		s.done = true
		if err != io.EOF {
			s.err = err
		}
	}
}

// step moves on by the byte c, which it reports consumed (false: c is
// read again in the new state, as the tokenizer's "z.raw.end--" does).
func (s *scriptReader) step(c byte) bool {
	switch s.state {
	case sData:
		if c == '<' {
			s.hold(c, sLess)
			return true
		}
		s.out = append(s.out, c)
	case sLess:
		switch c {
		case '/':
			s.held = append(s.held, c)
			s.state, s.ret, s.i = sEndTag, sData, 0
		case '!':
			s.release(c, sEscapeStart)
		default:
			s.release(0, sData)
			return false
		}
	case sEndTag, sDoubleEnd:
		if s.i < len("script") {
			if c == "script"[s.i] || c == "SCRIPT"[s.i] {
				s.i++
				s.keep(c)
				return true
			}
		} else if isTagEnd(c) {
			if s.state == sDoubleEnd {
				s.out = append(s.out, c)
				s.state = sEscaped
				return true
			}
			s.held = append(s.held, c)
			s.done = true
			return true
		}
		if s.state == sDoubleEnd {
			s.state = sDouble
		} else {
			s.release(0, s.ret)
		}
		return false
	case sEscapeStart, sEscapeDash:
		if c != '-' {
			s.state = sData
			return false
		}
		s.out = append(s.out, c)
		if s.state == sEscapeStart {
			s.state = sEscapeDash
		} else {
			s.state = sEscapedDashDash
		}
	case sEscaped, sEscapedDash, sEscapedDashDash:
		if c == '<' {
			s.hold(c, sEscapedLess)
			return true
		}
		s.dashes(c, sEscaped, sEscapedDash, sEscapedDashDash)
		s.out = append(s.out, c)
	case sEscapedLess:
		switch {
		case c == '/':
			s.held = append(s.held, c)
			s.state, s.ret, s.i = sEndTag, sEscaped, 0
			return true
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
			s.release(0, sDoubleStart)
			s.i = 0
		default:
			// Back to script data, not the escaped state: the
			// tokenizer's rule, which this follows.
			s.release(0, sData)
		}
		return false
	case sDoubleStart:
		if c == "script"[s.i] || c == "SCRIPT"[s.i] {
			s.out = append(s.out, c)
			if s.i++; s.i == len("script") {
				s.state = sDoubleStartEnd
			}
			return true
		}
		s.state = sEscaped
		return false
	case sDoubleStartEnd:
		if !isTagEnd(c) {
			s.state = sEscaped
			return false
		}
		s.out = append(s.out, c)
		s.state = sDouble
	case sDouble, sDoubleDash, sDoubleDashDash:
		if c == '<' {
			s.state = sDoubleLess
		} else {
			s.dashes(c, sDouble, sDoubleDash, sDoubleDashDash)
		}
		s.out = append(s.out, c)
	case sDoubleLess:
		if c != '/' {
			s.state = sDouble
			return false
		}
		s.out = append(s.out, c)
		s.state, s.i = sDoubleEnd, 0
	}
	return true
}

// dashes moves on by c, not '<', in an escape (plain) or a double escape,
// whose states alike count dashes up to two: "-->" ends either, back to
// script data.
func (s *scriptReader) dashes(c byte, plain, dash, dashDash scriptState) {
	switch {
	case c == '-' && s.state == plain:
		s.state = dash
	case c == '-':
		s.state = dashDash
	case c == '>' && s.state == dashDash:
		s.state = sData
	default:
		s.state = plain
	}
}

// hold keeps c, which may begin the end tag, and moves to state.
func (s *scriptReader) hold(c byte, state scriptState) {
	s.held = append(s.held[:0], c)
	s.state = state
}

// keep adds c to the end tag being matched: held while it may close the
// element, content inside the double escape, where it cannot.
func (s *scriptReader) keep(c byte) {
	if s.state == sDoubleEnd {
		s.out = append(s.out, c)
		return
	}
	s.held = append(s.held, c)
}

// release makes the held bytes content, then c unless it is 0 (the
// byte is read again in state), and moves to state.
func (s *scriptReader) release(c byte, state scriptState) {
	s.out = append(s.out, s.held...)
	s.held = s.held[:0]
	if c != 0 {
		s.out = append(s.out, c)
	}
	s.state = state
}

// isTagEnd reports whether c ends a tag's name, as the tokenizer tells it
// after "</script".
func isTagEnd(c byte) bool {
	switch c {
	case ' ', '\n', '\r', '\t', '\f', '/', '>':
		return true
	}
	return false
}

// pushback is a reader whose caller can hand back bytes it read: a
// script's content is read past the tokenizer, which had read on, and
// the tokenizer made afresh after it reads the bytes the content's
// reader left. Bytes handed back are kept as the pieces they are, not
// copied: a page of 50,000 small blocks handed back 32 KiB for each
// (1.6 GB moved) while they were joined. One pushback serves a whole
// page, so a page of many blocks reads through no chain of readers.
type pushback struct {
	pending [][]byte // pieces handed back, read before r
	r       io.Reader
	chunk   []byte // next's reads of r
}

func (p *pushback) Read(b []byte) (int, error) {
	for len(p.pending) > 0 {
		if len(p.pending[0]) == 0 {
			p.pending = p.pending[1:]
			continue
		}
		n := copy(b, p.pending[0])
		p.pending[0] = p.pending[0][n:]
		return n, nil
	}
	return p.r.Read(b)
}

// next returns the next bytes to read without copying them: the first
// piece handed back, or a read of r into the pushback's own buffer. They
// are valid until the next call of next.
func (p *pushback) next() ([]byte, error) {
	for len(p.pending) > 0 {
		piece := p.pending[0]
		p.pending = p.pending[1:]
		if len(piece) > 0 {
			return piece, nil
		}
	}
	if p.chunk == nil {
		p.chunk = make([]byte, 32<<10)
	}
	n, err := p.r.Read(p.chunk)
	return p.chunk[:n], err
}

// unread puts the pieces, in order, before what is still to be read.
// They are kept, not copied: nothing may change them until they are read.
func (p *pushback) unread(pieces ...[]byte) {
	p.pending = append(pieces, p.pending...)
}
