package ld

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"unicode/utf8"
)

// NQuadsPrefixError returns the error that reading a whole N-Quads input
// gives, when prefix, the input's first bytes, already tells it, or nil
// when it cannot: read reads N-Quads as the caller reads the whole input,
// and rest reads what follows the prefix (NQuadsPrefixError may read it
// to the end of the first line). It lets a command refuse a large junk
// input (a 200 MB document of one line) from its first kilobytes, where
// the reader would hold a whole line, and more, before refusing it.
//
// The prefix's complete lines are read as the whole would be, so an error
// among them is the whole input's. A line the prefix cuts counts only
// when its reading fails at a column well before the cut ([prefixMargin]
// characters): the statement reader goes left to right, so the whole line
// fails there too. Unless the rest of the line has what the reader looks
// for in the whole line before it parses: a byte that is not UTF-8, which
// it names first, or an escape (\u, \U) that may stand for no character,
// which it names before a syntax error. rest is scanned for them to the
// line's end, as it goes, and where it has one the whole input decides.
func NQuadsPrefixError(prefix []byte, rest io.Reader, read func(io.Reader) error) error {
	lines := prefix[:bytes.LastIndexByte(prefix, '\n')+1]
	cut := trimCutRune(prefix[len(lines):])
	open := openAtEnd(cut)
	if len(lines) > 0 {
		if err := read(bytes.NewReader(lines)); err != nil || open == openNone {
			return err
		}
		// The lines are read; the one the prefix cuts leaves a literal
		// or an IRI open.
		return openTokenError(prefix, lines, cut, rest, read)
	}
	// One line longer than the prefix, cut where a character ends.
	err := read(bytes.NewReader(append(cut[:len(cut):len(cut)], '\n')))
	var pe *PosError
	if err == nil || !errors.As(err, &pe) || pe.Pos.Col == 0 || pe.Pos.Col > utf8.RuneCount(cut)-prefixMargin {
		if open != openNone {
			return openTokenError(prefix, lines, cut, rest, read)
		}
		return nil // the statement may go on: the rest decides
	}
	if errors.Is(err, ErrInvalidUTF8) {
		return err // the line's first such byte: the reader names it first
	}
	// The rest of the line starts with what the cut left of a character.
	invalid, escape, rerr := scanLineRest(io.MultiReader(bytes.NewReader(prefix[len(cut):]), rest), UTF8Horizon-int64(len(cut)))
	if rerr != nil || invalid || escape {
		return nil
	}
	return err
}

// openTokenError returns the error of the input whose first bytes are
// prefix (its whole lines, then cut, the start of the line it cuts, which
// leaves a literal or an IRI open), when the rest of that line, read from
// rest, leaves the token open to the line's end with nothing the reader
// judges on the way: the reader refuses the line as it refuses cut alone
// (see inertRest). Else nil: the whole input decides.
func openTokenError(prefix, lines, cut []byte, rest io.Reader, read func(io.Reader) error) error {
	s := newInertRest(openAtEnd(cut))
	s.feed(prefix[len(lines)+len(cut):])
	br := bufio.NewReaderSize(rest, 64<<10)
	for s.inert {
		chunk, err := br.ReadSlice('\n')
		if err != nil && err != bufio.ErrBufferFull && err != io.EOF {
			return nil
		}
		s.feed(bytes.TrimSuffix(chunk, []byte("\n")))
		if err != bufio.ErrBufferFull {
			break
		}
	}
	if !s.refusedAsPrefix() {
		return nil
	}
	whole := append(append(lines[:len(lines):len(lines)], cut...), '\n')
	return read(bytes.NewReader(whole))
}

// prefixMargin is how many characters before the cut a cut line's error
// must stand for NQuadsPrefixError to take it: the reader decides at a
// character, looking a few ahead at most (an escape's hex digits).
const prefixMargin = 32

// scanLineRest reads r to the end of its first line and reports whether
// that holds a byte that is not UTF-8, and a \u or \U escape, as
// NQuadsPrefixError needs to know; in bounded memory, a character or an
// escape cut between two reads put together again. It reads no more
// than limit bytes: a line longer is judged by them (see UTF8Horizon),
// and it stops at the first such byte or escape, which decide.
func scanLineRest(r io.Reader, limit int64) (invalid, escape bool, err error) {
	br := bufio.NewReaderSize(r, 64<<10)
	var tail []byte // an unfinished character at the end of the last read
	var lastByte byte
	var read int64
	for {
		if invalid || escape || read >= limit {
			return invalid, escape, nil
		}
		chunk, rerr := br.ReadSlice('\n')
		read += int64(len(chunk))
		if rerr != nil && rerr != bufio.ErrBufferFull && rerr != io.EOF {
			return false, false, rerr
		}
		if lastByte == '\\' && len(chunk) > 0 && (chunk[0] == 'u' || chunk[0] == 'U') ||
			bytes.Contains(chunk, []byte(`\u`)) || bytes.Contains(chunk, []byte(`\U`)) {
			escape = true
		}
		if len(chunk) > 0 {
			lastByte = chunk[len(chunk)-1]
		}
		data := append(tail, chunk...)
		end := len(data)
		if rerr == bufio.ErrBufferFull {
			end = len(trimCutRune(data))
		}
		if !utf8.Valid(data[:end]) {
			invalid = true
		}
		if rerr != bufio.ErrBufferFull {
			return invalid, escape, nil
		}
		tail = append([]byte(nil), data[end:]...)
	}
}

// trimCutRune returns b without a character its end cuts.
func trimCutRune(b []byte) []byte {
	for i := len(b) - 1; i >= max(0, len(b)-utf8.UTFMax+1); i-- {
		if utf8.RuneStart(b[i]) {
			if !utf8.FullRune(b[i:]) {
				return b[:i]
			}
			break
		}
	}
	return b
}
