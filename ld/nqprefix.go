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
	if lines := prefix[:bytes.LastIndexByte(prefix, '\n')+1]; len(lines) > 0 {
		return read(bytes.NewReader(lines))
	}
	// One line longer than the prefix, cut where a character ends.
	cut := trimCutRune(prefix)
	err := read(bytes.NewReader(append(cut[:len(cut):len(cut)], '\n')))
	var pe *PosError
	if err == nil || !errors.As(err, &pe) || pe.Pos.Col == 0 || pe.Pos.Col > utf8.RuneCount(cut)-prefixMargin {
		return nil // the statement may go on: the rest decides
	}
	if errors.Is(err, ErrInvalidUTF8) {
		return err // the line's first such byte: the reader names it first
	}
	invalid, escape, rerr := scanLineRest(rest)
	if rerr != nil || invalid || escape {
		return nil
	}
	return err
}

// prefixMargin is how many characters before the cut a cut line's error
// must stand for NQuadsPrefixError to take it: the reader decides at a
// character, looking a few ahead at most (an escape's hex digits).
const prefixMargin = 32

// scanLineRest reads r to the end of its first line and reports whether
// that holds a byte that is not UTF-8, and a \u or \U escape, as
// NQuadsPrefixError needs to know; in bounded memory, a character or an
// escape cut between two reads put together again.
func scanLineRest(r io.Reader) (invalid, escape bool, err error) {
	br := bufio.NewReaderSize(r, 64<<10)
	var tail []byte // an unfinished character at the end of the last read
	var lastByte byte
	for {
		chunk, rerr := br.ReadSlice('\n')
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
