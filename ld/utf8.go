package ld

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/film2ld/film2ld/ld/diag"
)

// ErrInvalidUTF8 reports bytes that are not UTF-8 in linked data. JSON-LD
// and N-Quads are UTF-8 by definition, and the decoders underneath would
// turn such bytes into U+FFFD without a word, changing an IRI or a name;
// film2ld refuses them instead, naming the byte and its offset.
var ErrInvalidUTF8 = errors.New("invalid UTF-8")

// ErrUTF16 is the ErrInvalidUTF8 of linked data saved as UTF-16, with a
// byte-order mark: HTML pages may be (DecodeHTML reads them), JSON and
// RDF may not.
var ErrUTF16 = errors.New("the file is UTF-16 (it starts with a UTF-16 byte-order mark); JSON-LD and RDF are UTF-8: save it as UTF-8")

// ErrUTF32 is ErrUTF16 for linked data that starts with a UTF-32
// byte-order mark (it was called UTF-16: the little-endian mark starts
// with UTF-16's). errors.Is(ErrUTF32, ErrUTF16) holds: the readers treat
// both alike.
var ErrUTF32 error = utf32Error{}

type utf32Error struct{}

func (utf32Error) Error() string {
	return "the file is UTF-32 (it starts with a UTF-32 byte-order mark); JSON-LD and RDF are UTF-8: save it as UTF-8"
}

func (utf32Error) Is(target error) bool { return target == ErrUTF16 }

// hasUTF32Mark reports whether data starts with a UTF-32 byte-order mark.
func hasUTF32Mark(data []byte) bool {
	return bytes.HasPrefix(data, []byte{0xFF, 0xFE, 0, 0}) || bytes.HasPrefix(data, []byte{0, 0, 0xFE, 0xFF})
}

// UTF16Error is the error of linked data that reads as UTF-16 without a
// byte-order mark (diag.UTF16WithoutBOM): read as UTF-8, its ASCII text
// is valid with a NUL after or before every character, which the
// readers refused for that NUL (N-Quads' "unexpected rune '\x00'") or
// for its first letter that is not ASCII, never saying why. Order is
// "little-endian" or "big-endian".
type UTF16Error struct{ Order string }

// Error says the file reads as UTF-16 of the byte order, without a mark.
func (e *UTF16Error) Error() string {
	return "the file reads as UTF-16 (" + e.Order + ") without a byte-order mark; JSON-LD and RDF are UTF-8: save it as UTF-8"
}

// CheckUTF16 returns a *PosError at line 1 of the input display names
// (a *UTF16Error) when head, its first bytes (its first KiB tells),
// reads as UTF-16 without a byte-order mark and the input is linked
// data: by form, or when form is 0 by name or by the text head decodes
// to ([DetectInput]). An HTML page is left to its reader, which refuses
// it with the fix a page takes (a page may be UTF-16 with the mark:
// [DecodeHTML] reads it). Else nil. It runs before any reading, so that
// every reader of every command says the same.
func CheckUTF16(head []byte, name, display string, form InputFormat) error {
	order := diag.UTF16WithoutBOM(head)
	if order == "" || bytes.HasPrefix(head, []byte{0xFF, 0xFE}) || bytes.HasPrefix(head, []byte{0xFE, 0xFF}) {
		return nil // with the mark, the readers refuse it (ErrUTF16)
	}
	if form == 0 {
		form = DetectInput(name, head)
	}
	if form == InputHTML {
		return nil
	}
	return &PosError{Pos: diag.Position{File: display, Line: 1}, Err: &UTF16Error{Order: order}}
}

// UTF16Text returns the text head begins with, decoded, when head is
// UTF-16: with a byte-order mark, or without one by its first KiB
// (diag.UTF16WithoutBOM); else nil. It tells what such an input is (its
// form, a film document's text), never reads it: a character cut at
// head's end is U+FFFD.
func UTF16Text(head []byte) []byte {
	var order binary.ByteOrder
	switch {
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}):
		order, head = binary.LittleEndian, head[2:]
	case bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		order, head = binary.BigEndian, head[2:]
	default:
		switch diag.UTF16WithoutBOM(head) {
		case "little-endian":
			order = binary.LittleEndian
		case "big-endian":
			order = binary.BigEndian
		default:
			return nil
		}
	}
	units := make([]uint16, len(head)/2)
	for i := range units {
		units[i] = order.Uint16(head[2*i:])
	}
	return []byte(string(utf16.Decode(units)))
}

// invalidUTF8 returns the offset of the first byte of b that does not
// start a valid UTF-8 sequence, or -1.
func invalidUTF8(b []byte) int {
	if utf8.Valid(b) {
		return -1
	}
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return -1
}

// utf8Error describes the invalid byte at offset off of data, whose first
// byte is at offset base in its input.
func utf8Error(data []byte, off, base int) error {
	if off < 4 && base == 0 && hasUTF32Mark(data) {
		// The big-endian mark's NULs are UTF-8: its first byte that
		// is not comes third.
		return fmt.Errorf("%w: %w", ErrInvalidUTF8, ErrUTF32)
	}
	if off == 0 && base == 0 && utf16ASCIIHead(data) != nil {
		// A file saved as UTF-16 (Windows editors offer it), which
		// JSON and RDF do not allow: said as such, not as its first
		// byte alone.
		return fmt.Errorf("%w: %w", ErrInvalidUTF8, ErrUTF16)
	}
	return fmt.Errorf("%w: byte 0x%02X at byte offset %d", ErrInvalidUTF8, data[off], base+off)
}

// lineUTF8Error is the error of a line reader for the byte at offset off
// of the line raw, line number line, which starts at byte offset start of
// its input: the line is kept for the excerpt, unless it is UTF-16.
func lineUTF8Error(name string, line, start int, raw []byte, off int) *PosError {
	err := utf8Error(raw, off, start)
	pe := &PosError{Pos: diag.Position{File: name, Line: line, Col: utf8.RuneCount(raw[:off]) + 1}, Err: err}
	if !errors.Is(err, ErrUTF16) {
		pe.Source = string(raw)
	}
	return pe
}

// CheckUTF8 returns a *PosError (line, column and byte offset) for the
// first byte of data that is not UTF-8, or nil. A byte-order mark is
// valid UTF-8 and passes.
func CheckUTF8(data []byte, name string) error {
	off := invalidUTF8(data)
	if off < 0 {
		return nil
	}
	return posError(data, name, off, utf8Error(data, off, 0))
}

// ReplaceInvalidUTF8 returns data with every byte that is not part of a
// valid UTF-8 sequence replaced by U+FFFD, and how many were replaced. It
// is for callers that choose to read damaged input anyway (a --lenient
// flag); they must tell the user the count, since the bytes change.
func ReplaceInvalidUTF8(data []byte) ([]byte, int) {
	if utf8.Valid(data) {
		return data, 0
	}
	out := make([]byte, 0, len(data)+len(data)/8)
	n := 0
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			out = utf8.AppendRune(out, utf8.RuneError)
			n++
		} else {
			out = append(out, data[i:i+size]...)
		}
		i += size
	}
	return out, n
}

// ScanUTF8 is [CheckUTF8] for an input read from r as it goes, in
// bounded memory: the error places the byte as CheckUTF8 does, without
// the offending line (which may be the whole input). A read error is
// returned as it is.
func ScanUTF8(r io.Reader, name string) error {
	return scanUTF8(r, name, -1)
}

// UTF8Horizon is how far into an input, in bytes from its start, a
// reading that has found a syntax problem looks on for a byte that is
// not UTF-8, which a reading of the whole input reports first. Past it,
// the syntax problem is the input's error: standard input that never
// ends (junk from yes or /dev/zero) was read on forever, copied to a
// temporary file until the disk was full, where a file of the same bytes
// was refused at its second line. Inputs up to this size, which is
// larger than any film2ld reads whole, are refused as before.
const UTF8Horizon = 64 << 20

// ScanUTF8Within is [ScanUTF8] for the first n bytes of r alone (a
// character that starts before n is read whole): nil when they are
// UTF-8, whatever follows.
func ScanUTF8Within(r io.Reader, name string, n int64) error {
	return scanUTF8(io.LimitReader(r, n+utf8.UTFMax-1), name, n)
}

// scanUTF8 is ScanUTF8 ending, when limit is 0 or more, at the first
// character that starts at limit or later: a byte cut off by the limit
// is not a character cut short.
func scanUTF8(r io.Reader, name string, limit int64) error {
	buf := make([]byte, 64<<10)
	var off int64       // of buf[0] in the input
	line, chars := 1, 0 // characters before buf[0] on its line
	carry := 0          // bytes of a character cut by the last read
	for {
		n, err := r.Read(buf[carry:])
		if err != nil && err != io.EOF {
			return err
		}
		data := buf[:carry+n]
		cut := len(data)
		if err == nil {
			// A character cut at the end waits for the next read.
			cut = len(trimCutRune(data))
		}
		if limit >= 0 && off+int64(cut) > limit {
			// Only characters starting before the limit are judged.
			end := int(max(limit-off, 0))
			if end > 0 && end < cut {
				// A character the limit cuts is judged whole.
				start := end - 1
				for start > 0 && end-start < utf8.UTFMax && !utf8.RuneStart(data[start]) {
					start--
				}
				if r, size := utf8.DecodeRune(data[start:cut]); r != utf8.RuneError || size > 1 {
					end = max(end, start+size)
				}
			}
			cut, err = min(end, cut), io.EOF
		}
		bad := -1
		if !utf8.Valid(data[:cut]) {
			bad = invalidUTF8(data[:cut])
			cut = bad
		}
		if i := bytes.LastIndexByte(data[:cut], '\n'); i >= 0 {
			line += bytes.Count(data[:cut], []byte("\n"))
			chars = utf8.RuneCount(data[i+1 : cut])
		} else {
			chars += utf8.RuneCount(data[:cut])
		}
		if bad >= 0 {
			return &PosError{Pos: diag.Position{File: name, Line: line, Col: chars + 1}, Err: utf8Error(data, bad, int(off))}
		}
		if err == io.EOF {
			return nil
		}
		carry = copy(buf, data[cut:])
		off += int64(cut)
	}
}

// trimLineSpace trims an N-Quads line of the white space around a
// statement: spaces and tabs (the grammar's WS), line ends, and ASCII's
// form feed and vertical tab, as before. Unicode's other spaces are no
// N-Quads white space: a no-break space before a statement, or a line of
// them, was read as nothing (audit 19), which rapper refuses.
func trimLineSpace(b []byte) []byte {
	return bytes.Trim(b, lineSpace)
}

// lineSpace is the white space trimLineSpace trims.
const lineSpace = " \t\r\n\v\f"

// isLineSpace reports whether r is white space trimLineSpace trims.
func isLineSpace(r rune) bool { return r < utf8.RuneSelf && strings.ContainsRune(lineSpace, r) }
