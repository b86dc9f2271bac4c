package ld

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/film2ld/film2ld/ld/diag"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/transform"
)

// DecodeHTMLReader returns a reader of the HTML page read from r as
// UTF-8, decoded as it goes from d, the encoding the page's first bytes
// declare ([DeclaredEncoding]), to the same text as [DecodeHTML]; the
// zero Declared gives r itself. Bytes the encoding does not define end
// the reading with DecodeHTML's error, at the same line and column of
// the decoded text, quoting the same line. It holds a line of the decoded page at most (the last 1 MiB
// of a longer one, whose error then quotes that much), never the page:
// DecodeHTML took seven times a 200 MB page of junk. Unlike DecodeHTML
// it does not look for a declaration past the page's first bytes.
//
// A reader of the blocks meets the error only once it has read the text
// before it: [CheckHTMLDecoding] first gives the error before any block
// is read, as DecodeHTML does.
func DecodeHTMLReader(r io.Reader, d Declared, name string) io.Reader {
	if d.Name == "" {
		return r
	}
	if d.Name == "replacement" || d.utf32() {
		return &errReader{err: replacementError(d, name)}
	}
	src := &sourceReader{r: r}
	var t transform.Transformer
	switch cm, ok := d.enc.(*charmap.Charmap); {
	case strings.HasPrefix(d.Name, "utf-16"):
		t = &utf16Decoder{big: d.Name == "utf-16be"}
	case ok && strings.HasPrefix(d.Name, "windows-"):
		t = newWindowsDecoder(cm)
	default:
		t = d.enc.NewDecoder()
	}
	return &decodeReader{
		r: transform.NewReader(src, t), src: src, d: d, name: name, line: 1,
		checkFFFD: d.Name != "gb18030" && !strings.HasPrefix(d.Name, "utf-16"),
	}
}

// CheckHTMLDecoding reads the HTML page from r to its end, decoded from
// d as [DecodeHTMLReader] decodes it, and returns the error
// [DecodeHTML] gives the page, or nil; a read error is returned as it
// is. It holds no more than DecodeHTMLReader does.
func CheckHTMLDecoding(r io.Reader, d Declared, name string) error {
	if d.Name == "" {
		return nil
	}
	_, err := io.Copy(io.Discard, DecodeHTMLReader(r, d, name))
	return err
}

// replacementError is DecodeHTML's error for a page that declares the
// "replacement" encoding, or starts with a UTF-32 byte-order mark.
func replacementError(d Declared, name string) error {
	if d.utf32() {
		return &PosError{Pos: diag.Position{File: name, Line: 1, Col: 1}, Err: undecodable(
			"the page is UTF-32 (it starts with a UTF-32 byte-order mark), which browsers do not read (they take it for UTF-16, and find no tag in it); save it as UTF-8")}
	}
	return &PosError{Pos: diag.Position{File: name, Line: 1, Col: 1}, Err: undecodable(
		"the page declares an encoding that browsers decode to nothing but U+FFFD (the Encoding Standard's \"replacement\", by " + d.By + "); save it as UTF-8")}
}

// errReader is a reader that fails at once.
type errReader struct{ err error }

func (e *errReader) Read([]byte) (int, error) { return 0, e.err }

// sourceReader keeps the error of the page's own reading, which
// decodeReader passes on as it is, where a decoder's is named by the page.
type sourceReader struct {
	r   io.Reader
	err error
}

func (s *sourceReader) Read(p []byte) (int, error) {
	n, err := s.r.Read(p)
	if err != nil && err != io.EOF {
		s.err = err
	}
	return n, err
}

// maxDecodedLine is how much of a line decodeReader keeps for an error's
// excerpt: an HTML token is at most MaxHTMLToken, and a line of junk
// may never end.
const maxDecodedLine = 1 << 20

// decodeReader is DecodeHTMLReader's reader: it keeps the place in the
// decoded text, and the current line, to give DecodeHTML's errors.
type decodeReader struct {
	r         io.Reader // the decoded text
	src       *sourceReader
	d         Declared
	name      string
	checkFFFD bool // U+FFFD stands for bytes the encoding does not define

	line    int    // the line cur is of
	cur     []byte // the line as far as read (its end, when long)
	dropped int    // characters of the line before cur
	err     error
}

var replacementChar = []byte("\uFFFD")

func (t *decodeReader) Read(p []byte) (int, error) {
	if t.err != nil {
		return 0, t.err
	}
	n, err := t.r.Read(p)
	if at, found := t.advance(p[:n]); found {
		t.err = t.undefinedError(at)
		return 0, t.err
	}
	if err == nil || err == io.EOF {
		return n, err
	}
	var us *unpairedError
	switch {
	case errors.As(err, &us):
		before := fmt.Sprintf("half of a UTF-16 surrogate pair without the other half, at byte offset %d (the page is %s, as %s declares)", us.off, t.d.Name, t.d.By)
		t.err = t.errorAt(len(t.cur), undecodable(before))
	case t.src.err != nil && errors.Is(err, t.src.err):
		t.err = err
	default:
		t.err = fmt.Errorf("%s: %w", t.name, err)
	}
	return n, t.err
}

// advance moves the place past b, the next decoded text, and reports
// where in cur a U+FFFD that stands for undefined bytes starts, if b
// ends one.
func (t *decodeReader) advance(b []byte) (at int, found bool) {
	for len(b) > 0 {
		seg := b
		nl := bytes.IndexByte(b, '\n')
		if nl >= 0 {
			seg = b[:nl+1]
		}
		from := max(len(t.cur)-(len(replacementChar)-1), 0)
		t.cur = append(t.cur, seg...)
		if t.checkFFFD {
			if i := bytes.Index(t.cur[from:], replacementChar); i >= 0 {
				return from + i, true
			}
		}
		b = b[len(seg):]
		switch {
		case nl >= 0:
			t.line++
			t.cur, t.dropped = t.cur[:0], 0
		case len(t.cur) > 2*maxDecodedLine:
			cut := len(t.cur) - maxDecodedLine
			for cut < len(t.cur) && !utf8.RuneStart(t.cur[cut]) {
				cut++
			}
			t.dropped += diag.CharCount(t.cur[:cut])
			t.cur = append(t.cur[:0], t.cur[cut:]...)
		}
	}
	return 0, false
}

// undefinedError is DecodeHTML's error for the U+FFFD at cur[at],
// quoting its line to its end, as DecodeHTML does.
func (t *decodeReader) undefinedError(at int) error {
	var buf [4 << 10]byte
	for bytes.IndexByte(t.cur[at:], '\n') < 0 && len(t.cur) < 2*maxDecodedLine {
		n, err := t.r.Read(buf[:])
		t.cur = append(t.cur, buf[:n]...)
		if err != nil {
			break
		}
	}
	return t.errorAt(at, undecodable(fmt.Sprintf(
		"bytes that are not %s text, the encoding %s declares", t.d.Name, t.d.By)))
}

// errorAt is err placed at cur[at].
func (t *decodeReader) errorAt(at int, err error) error {
	pe := posError(t.cur, t.name, at, err)
	pe.Pos.Line += t.line - 1
	pe.Pos.Col += t.dropped
	return pe
}

// windowsDecoder decodes one of the windows-* single-byte encodings as
// decodeWindows does, as it goes.
type windowsDecoder struct {
	utf [256][4]byte
	n   [256]uint8
}

func newWindowsDecoder(cm *charmap.Charmap) *windowsDecoder {
	w := new(windowsDecoder)
	for b := range 256 {
		r := cm.DecodeByte(byte(b))
		if r == utf8.RuneError && b >= 0x80 && b < 0xA0 {
			r = rune(b)
		}
		w.n[b] = uint8(utf8.EncodeRune(w.utf[b][:], r))
	}
	return w
}

func (w *windowsDecoder) Reset() {}

func (w *windowsDecoder) Transform(dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	for ; nSrc < len(src); nSrc++ {
		b := src[nSrc]
		if b < utf8.RuneSelf && nDst < len(dst) {
			dst[nDst] = b
			nDst++
			continue
		}
		n := int(w.n[b])
		if nDst+n > len(dst) {
			return nDst, nSrc, transform.ErrShortDst
		}
		nDst += copy(dst[nDst:], w.utf[b][:n])
	}
	return nDst, nSrc, nil
}

// unpairedError is utf16Decoder's error for half of a surrogate pair
// without the other half, or an odd last byte, at byte offset off.
type unpairedError struct{ off int64 }

func (e *unpairedError) Error() string {
	return fmt.Sprintf("unpaired UTF-16 surrogate at byte offset %d", e.off)
}

// utf16Decoder decodes UTF-16 after its byte-order mark, as the
// Encoding Standard's decoder does, but fails at the first unit that
// unpairedSurrogate finds (where the standard writes U+FFFD), after the
// text before it.
type utf16Decoder struct {
	big bool
	off int64 // the byte offset of the next src byte
}

func (u *utf16Decoder) Reset() { u.off = 0 }

func (u *utf16Decoder) Transform(dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	defer func() { u.off += int64(nSrc) }()
	if u.off == 0 {
		if len(src) < 2 {
			if atEOF {
				return 0, len(src), nil
			}
			return 0, 0, transform.ErrShortSrc
		}
		nSrc = 2 // the byte-order mark
	}
	unit := func(i int) rune {
		if u.big {
			return rune(src[i])<<8 | rune(src[i+1])
		}
		return rune(src[i+1])<<8 | rune(src[i])
	}
	for nSrc+1 < len(src) {
		r, size := unit(nSrc), 2
		switch {
		case r >= 0xD800 && r < 0xDC00:
			if nSrc+3 >= len(src) {
				if !atEOF {
					return nDst, nSrc, transform.ErrShortSrc
				}
				return nDst, nSrc, &unpairedError{off: u.off + int64(nSrc)}
			}
			lo := unit(nSrc + 2)
			if lo < 0xDC00 || lo >= 0xE000 {
				return nDst, nSrc, &unpairedError{off: u.off + int64(nSrc)}
			}
			r, size = utf16.DecodeRune(r, lo), 4
		case r >= 0xDC00 && r < 0xE000:
			return nDst, nSrc, &unpairedError{off: u.off + int64(nSrc)}
		}
		if nDst+utf8.RuneLen(r) > len(dst) {
			return nDst, nSrc, transform.ErrShortDst
		}
		nDst += utf8.EncodeRune(dst[nDst:], r)
		nSrc += size
	}
	if nSrc < len(src) {
		if !atEOF {
			return nDst, nSrc, transform.ErrShortSrc
		}
		return nDst, nSrc, &unpairedError{off: u.off + int64(nSrc)}
	}
	return nDst, nSrc, nil
}
