// Package text holds what every film2ld mapper needs before it can look at a
// page's layout: reading a document into clean lines (encodings, byte-order
// marks, line endings, repaired mojibake) and reading the small values pages
// share (dates, durations, lists of names).
package text

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"

	"github.com/film2ld/film2ld/mapping/film"
)

// Errors for documents that are not text at all. They reach the user wrapped
// in a *film.Error that names the document.
var (
	ErrEmpty  = errors.New("empty document (nothing but white space)")
	ErrBinary = errors.New("not a text document")
	// ErrCutOff means the document stops in the middle of something: a
	// character, a line, a link. Nothing half-read is ever mapped.
	ErrCutOff = errors.New("cut off")
)

// Doc is a document read into lines. Lines[0] is line 1.
type Doc struct {
	Name  string
	Lines []string
	// Digest is the hex SHA-256 of the bytes as read.
	Digest string
	Notes  []film.Note
}

// Read reads a whole document. It accepts UTF-8 (with or without a byte-order
// mark) and, failing that, Windows-1252, which it says so in a note; it
// rejects binary data and documents with nothing but white space. Line
// endings are normalised to "\n", every line is put in Unicode NFC so that
// composed and decomposed accents compare equal, and mojibake such as
// "Li├Ęge" is repaired (with a note).
func Read(r io.Reader, name string) (*Doc, error) {
	raw, err := io.ReadAll(r)
	if err != nil {
		return nil, &film.Error{Name: name, Err: err}
	}
	sum := sha256.Sum256(raw)
	doc := &Doc{Name: name, Digest: hex.EncodeToString(sum[:])}

	data := bytes.TrimPrefix(raw, []byte("\xef\xbb\xbf"))
	if off := binaryOffset(data); off >= 0 {
		return nil, &film.Error{Name: name, Line: lineAt(data, off),
			Err: fmt.Errorf("%w: binary data at byte offset %d", ErrBinary, off+len(raw)-len(data))}
	}
	if !utf8.Valid(data) {
		if cut := cutCharacter(data); cut >= 0 {
			return nil, &film.Error{Name: name, Line: lineAt(data, cut), Err: fmt.Errorf(
				"%w: the document ends in the middle of a UTF-8 character (byte offset %d)", ErrCutOff, cut+len(raw)-len(data))}
		}
		decoded, line, err := decodeWindows1252(data)
		if err != nil {
			return nil, &film.Error{Name: name, Line: line, Err: err}
		}
		doc.Notes = append(doc.Notes, film.Note{Line: line,
			Message: "not UTF-8; read as Windows-1252 (Latin-1)"})
		data = decoded
	}
	if len(bytes.TrimFunc(data, unicode.IsSpace)) == 0 {
		return nil, &film.Error{Name: name, Err: ErrEmpty}
	}

	s := strings.ReplaceAll(string(data), "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	doc.Lines = strings.Split(norm.NFC.String(s), "\n")
	for i, line := range doc.Lines {
		if fixed, ok := RepairMojibake(line); ok {
			doc.Lines[i] = fixed
			doc.Notes = append(doc.Notes, film.Note{Line: i + 1,
				Message: "repaired mojibake (UTF-8 read as a DOS or Windows code page)"})
		}
	}
	return doc, nil
}

// ReadWith reads a document and hands it to a mapper's FromDoc: every
// mapper's Parse.
func ReadWith(r io.Reader, name string, fromDoc func(*Doc) (*film.Source, error)) (*film.Source, error) {
	doc, err := Read(r, name)
	if err != nil {
		return nil, err
	}
	return fromDoc(doc)
}

// binaryOffset returns the offset of the first byte that no text document
// holds (NUL and C0 controls other than tab, newline, form feed and carriage
// return), or -1.
func binaryOffset(data []byte) int {
	for i, b := range data {
		if b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' {
			return i
		}
	}
	return -1
}

// cutCharacter returns the offset of an incomplete UTF-8 sequence that ends
// the data when the rest is valid UTF-8 (a download that stopped mid-
// character), or -1. Such a document is not Windows-1252 and must not be
// decoded as if it were.
func cutCharacter(data []byte) int {
	for k := 1; k <= 3 && k <= len(data); k++ {
		start := len(data) - k
		if utf8.RuneStart(data[start]) {
			if !utf8.FullRune(data[start:]) && utf8.Valid(data[:start]) {
				return start
			}
			return -1
		}
	}
	return -1
}

// lineAt returns the 1-based line number of byte offset off.
func lineAt(data []byte, off int) int {
	return bytes.Count(data[:off], []byte("\n")) + 1
}

// decodeWindows1252 decodes a document that is not UTF-8. Windows-1252 is a
// superset of Latin-1's printable range and the encoding such pages are most
// often saved in. Its unassigned bytes (0x81, 0x8D, 0x8F, 0x90, 0x9D) mean
// the guess was wrong, so they are refused with their position instead of
// being passed on as U+FFFD (or as C1 controls, as Latin-1 would have it).
// The returned line is that of the first byte that is not UTF-8.
func decodeWindows1252(data []byte) ([]byte, int, error) {
	first := 0
	for first < len(data) {
		r, size := utf8.DecodeRune(data[first:])
		if r == utf8.RuneError && size == 1 {
			break
		}
		first += size
	}
	var out []byte
	for i, b := range data {
		r := charmap.Windows1252.DecodeByte(b)
		if r == utf8.RuneError || r >= 0x80 && r <= 0x9F {
			return nil, lineAt(data, i), fmt.Errorf(
				"not UTF-8 (byte 0x%02X at offset %d) and not Windows-1252 (byte 0x%02X at offset %d)",
				data[first], first, b, i)
		}
		out = utf8.AppendRune(out, r)
	}
	return out, lineAt(data, first), nil
}

// mojibakePages are the code pages whose misreadings of UTF-8 turn up in
// scraped pages: Windows-1252 ("LiÃ¨ge") and the DOS pages ("Li├Ęge").
var mojibakePages = []*charmap.Charmap{
	charmap.Windows1252, charmap.CodePage852, charmap.CodePage437, charmap.CodePage850,
}

// RepairMojibake undoes UTF-8 that was decoded with a single-byte code page:
// each run of characters that re-encodes, in one of mojibakePages, to one
// well-formed multi-byte UTF-8 sequence is replaced by the character that
// sequence encodes. Text without such runs is returned unchanged and false.
func RepairMojibake(s string) (string, bool) {
	if isASCII(s) {
		return s, false
	}
	runes := []rune(s)
	var out []rune
	changed := false
	for i := 0; i < len(runes); {
		if r, n := decodeMisread(runes[i:]); n > 0 {
			out = append(out, r)
			i += n
			changed = true
			continue
		}
		out = append(out, runes[i])
		i++
	}
	if !changed {
		return s, false
	}
	return string(out), true
}

// decodeMisread looks for one misread UTF-8 sequence at the start of rs and
// returns the character and how many runes it spans, or 0.
func decodeMisread(rs []rune) (rune, int) {
	if rs[0] < 0x80 {
		return 0, 0
	}
	for _, cm := range mojibakePages {
		lead, ok := cm.EncodeRune(rs[0])
		if !ok || lead < 0xC2 || lead > 0xF4 {
			continue
		}
		n := 2
		if lead >= 0xF0 {
			n = 4
		} else if lead >= 0xE0 {
			n = 3
		}
		if len(rs) < n {
			continue
		}
		buf := []byte{lead}
		for _, r := range rs[1:n] {
			b, ok := cm.EncodeRune(r)
			if !ok || b < 0x80 || b > 0xBF {
				buf = nil
				break
			}
			buf = append(buf, b)
		}
		if buf == nil {
			continue
		}
		if r, size := utf8.DecodeRune(buf); r != utf8.RuneError && size == n && plausibleRepair(rs[:n], r) {
			return r, n
		}
	}
	return 0, 0
}

// plausibleRepair guards against reading real text as mojibake: "Íñ" in a
// Spanish name re-encodes in code page 850 to a valid but absurd UTF-8
// sequence. A misreading shows a box-drawing character, symbol or
// punctuation mark ("├Ę", "Ã¨", "Ã©"); two letters only count after "Ã" or
// "Â", whose continuations ª, µ and º are letters in Latin-1. The repair
// must give a letter, punctuation or symbol, never a combining mark.
func plausibleRepair(misread []rune, fixed rune) bool {
	if !unicode.IsLetter(fixed) && !unicode.IsPunct(fixed) && !unicode.IsSymbol(fixed) {
		return false
	}
	for _, r := range misread {
		if !unicode.IsLetter(r) {
			return true
		}
	}
	return misread[0] == 'Ã' || misread[0] == 'Â'
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
