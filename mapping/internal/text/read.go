// Package text holds what every film2ld mapper needs before it can look at a
// page's layout: reading a document into clean lines (encodings, byte-order
// marks, line endings, repaired mojibake) and reading the small values pages
// share (dates, durations, lists of names).
package text

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"github.com/film2ld/film2ld/ld/diag"
	"io"
	"io/fs"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/encoding/charmap"

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
	// ErrLineTooLong means a line is longer than MaxLine: not a film page.
	ErrLineTooLong = errors.New("not a film document")
	// ErrTooLarge means a document is larger than MaxDocument: not a film
	// page either. It wraps ErrLineTooLong's words.
	ErrTooLarge = fmt.Errorf("%w: larger than %d MiB", ErrLineTooLong, MaxDocument>>20)
	// ErrTooManyLines means a document has more than MaxLines lines: not
	// a film page either. It wraps ErrLineTooLong's words.
	ErrTooManyLines = fmt.Errorf("%w: more than %d lines", ErrLineTooLong, MaxLines)
	// ErrDamagedUTF8 means a document is UTF-8 but for a few bytes: its
	// other non-ASCII characters are UTF-8 at least as often as bytes
	// are not, which text in a single-byte encoding such as Windows-1252
	// all but never is.
	ErrDamagedUTF8 = errors.New("damaged UTF-8")
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
// mark), UTF-16 and UTF-32 with a byte-order mark (with a note) and, failing those,
// Windows-1252, which it says so in a note; it rejects binary data and
// documents with nothing but white space. Line endings are normalised to
// "\n", every line is put in Unicode NFC so that composed and decomposed
// accents compare equal, bidi controls are removed (with a note naming the
// line: they would reorder names on screen and pass into minted names) and
// mojibake such as "Li├Ęge" is repaired (with a note).
//
// Time and memory are linear in the size of the document: one buffer the
// size of the input, read once, and no copy of it unless a step changes
// something (a repair, an encoding).
func Read(r io.Reader, name string) (*Doc, error) {
	raw, checked, err := readAll(r)
	if err != nil {
		var fe *film.Error
		if errors.As(err, &fe) {
			fe.Pos.File = name
			return nil, fe
		}
		return nil, &film.Error{Pos: diag.Position{File: name}, Err: err}
	}
	sum := sha256.Sum256(raw)
	doc := &Doc{Name: name, Digest: hex.EncodeToString(sum[:])}

	data := raw
	// at says where byte off of data is in the input: its byte offset,
	// or for UTF-16 its offset once decoded, which is what a reader can
	// find in a text editor.
	at := func(off int) string { return fmt.Sprintf("byte offset %d", off+len(raw)-len(data)) }
	if u, enc, order := unicodeBOM(raw); order != nil {
		decoded, off, err := u.decode(raw[u.mark:], order)
		if err != nil {
			return nil, &film.Error{Pos: diag.Position{File: name}, Err: fmt.Errorf("%w (byte offset %d)", err, off+u.mark)}
		}
		doc.Notes = append(doc.Notes, film.Note{Message: u.name + " (" + enc + ") with a byte-order mark; read as such"})
		data = decoded
		at = func(off int) string { return fmt.Sprintf("byte offset %d of the text decoded to UTF-8", off) }
	} else {
		data = bytes.TrimPrefix(data, utf8BOM)
	}
	if !checked {
		if off := binaryOffset(data); off >= 0 {
			// The line only: a caret under a binary byte shows nothing
			// a reader could use.
			line := readLine(data, off)
			err := fmt.Errorf("%w: binary data at %s", ErrBinary, at(off))
			if order := diag.UTF16WithoutBOM(data); order != "" {
				err = fmt.Errorf("%w (it reads as UTF-16, %s, without a byte-order mark: save it as UTF-8, or as UTF-16 with the mark)", err, order)
			}
			return nil, &film.Error{Pos: diag.Position{File: name, Line: line}, Err: err}
		}
	}
	if !utf8.Valid(data) {
		if cut := cutCharacter(data); cut >= 0 {
			line := readLine(data, cut)
			return nil, &film.Error{Pos: diag.Position{File: name, Line: line}, Err: fmt.Errorf(
				"%w: the document ends in the middle of a UTF-8 character (%s)", ErrCutOff, at(cut))}
		}
		first, valid, invalid := utf8Damage(data)
		if off := first; valid >= invalid {
			// A UTF-8 document with a few bytes that are not: read as
			// Windows-1252, the damaged byte became a letter inside a
			// name ("Coe\xFFsens" minted a new person, "Coeÿsens") and
			// the rest was "repaired" back (audit 6).
			line := readLine(data, off)
			return nil, &film.Error{Pos: diag.Position{File: name, Line: line}, Err: fmt.Errorf(
				"%w: byte 0x%02X at %s is not UTF-8, where the document's other non-ASCII text is (%d %s in UTF-8, %d %s not): a damaged byte or text pasted from another encoding; fix %s",
				ErrDamagedUTF8, data[off], at(off), valid, plural(valid, "character", "characters"), invalid, plural(invalid, "place", "places"), plural(invalid, "it", "them"))}
		}
		decoded, line, err := decodeWindows1252(data)
		if err != nil {
			return nil, &film.Error{Pos: diag.Position{File: name, Line: line}, Err: err}
		}
		doc.Notes = append(doc.Notes, film.Note{Line: line,
			Message: fmt.Sprintf("not UTF-8 (byte 0x%02X at %s); read as Windows-1252 (Latin-1)", data[first], at(first))})
		data = decoded
	}
	if len(bytes.TrimFunc(data, unicode.IsSpace)) == 0 {
		return nil, &film.Error{Pos: diag.Position{File: name}, Err: ErrEmpty}
	}

	// data is never changed after this point, and raw (or the decoded
	// copy) belongs to Read alone, so the string shares its bytes instead
	// of copying a document that may be hundreds of megabytes.
	s := unsafe.String(unsafe.SliceData(data), len(data))
	strayCR := false
	if strings.IndexByte(s, '\r') >= 0 {
		s, strayCR = readCarriageReturns(s)
	}
	if off := nonCharacter(s); off >= 0 {
		// A noncharacter is Unicode's for a program's own use, never
		// text: kept, U+FFFF inside a name made a new person (audit 8).
		line, col := diag.NewIndex([]byte(s[:off+1])).LineCol(off)
		r, _ := utf8.DecodeRuneInString(s[off:])
		return nil, &film.Error{Pos: diag.Position{File: name, Line: line, Col: col},
			Err: fmt.Errorf("%w: noncharacter U+%04X, which Unicode keeps for programs' own use and no text holds", ErrBinary, r)}
	}
	if lines := strings.Count(s, "\n") + 1 - strings.Count(s[len(s)-1:], "\n"); lines > maxLines {
		// Refused before the lines are made: 16 bytes each beside their
		// text, 1 GB for 60 MB of one-letter lines, which then took
		// more again in each mapper (audit 6: out of memory).
		return nil, &film.Error{Pos: diag.Position{File: name, Line: maxLines + 1}, Err: ErrTooManyLines}
	}
	doc.Lines = strings.Split(nfc(s), "\n")
	// Two byte searches, where ContainsAny looks at a byte at a time.
	if strings.IndexByte(s, '\f') >= 0 || strings.IndexByte(s, '\v') >= 0 {
		for i, line := range doc.Lines {
			var inside int
			if doc.Lines[i], inside = dropPageBreaks(line); inside > 0 {
				// Inside a line it is a space, said as a line
				// separator is: in a name it made a new person in
				// silence ("Ama Owu\fsu-Ansah", audit 20).
				doc.Notes = append(doc.Notes, film.Note{Line: i + 1,
					Message: fmt.Sprintf("read %d form %s or vertical %s inside the line as %s", inside, plural(inside, "feed", "feeds"), plural(inside, "tab", "tabs"), plural(inside, "a space", "spaces"))})
			}
		}
	}
	if strayCR {
		for i, line := range doc.Lines {
			if len(line) > MaxLine {
				// Made of pieces that each passed the limit as lines.
				return nil, &film.Error{Pos: diag.Position{File: name, Line: i + 1}, Err: fmt.Errorf("%w: line %d is longer than %d MiB", ErrLineTooLong, i+1, MaxLine>>20)}
			}
			if n := strings.Count(line, "\r"); n > 0 {
				// A carriage return inside a line of a document whose
				// lines end in LF is no line end of its own: read as
				// one, it cut a name in two and the rest of the
				// credit ("Kojo\rAsante-Darko") became an orphan line
				// that no mapper reads (audit 20).
				doc.Lines[i] = strings.ReplaceAll(line, "\r", " ")
				doc.Notes = append(doc.Notes, film.Note{Line: i + 1,
					Message: fmt.Sprintf("read %d carriage %s (CR) inside the line as %s: the document's lines end in LF", n, plural(n, "return", "returns"), plural(n, "a space", "spaces"))})
			}
		}
	}
	if hasBidi(s) {
		for i, line := range doc.Lines {
			if clean, n := stripBidi(line); n > 0 {
				doc.Lines[i] = clean
				doc.Notes = append(doc.Notes, film.Note{Line: i + 1,
					Message: fmt.Sprintf("removed %d bidi control %s (U+202A–U+202E, U+2066–U+2069), which reorder text on screen", n, plural(n, "character", "characters"))})
			}
		}
	}
	unreadC1 := false
	if hasC1OrSeparator(s) {
		for i, line := range doc.Lines {
			fixed, note, unread := readC1AndSeparators(line)
			if note != "" {
				doc.Lines[i] = fixed
				doc.Notes = append(doc.Notes, film.Note{Line: i + 1, Message: note})
			}
			unreadC1 = unreadC1 || unread
		}
	}
	for i, line := range doc.Lines {
		if fixed, ok := RepairMojibake(line); ok {
			doc.Lines[i] = fixed
			doc.Notes = append(doc.Notes, film.Note{Line: i + 1,
				Message: "repaired mojibake (UTF-8 read as a DOS or Windows code page)"})
		}
	}
	if unreadC1 {
		// What the repair did not take ("Ã\u0081" is "Á" read as
		// Latin-1) is a control character that no text holds.
		for i, line := range doc.Lines {
			if j := strings.IndexFunc(line, isC1); j >= 0 {
				r, _ := utf8.DecodeRuneInString(line[j:])
				return nil, &film.Error{Pos: diag.Position{File: name, Line: i + 1, Col: utf8.RuneCountInString(line[:j]) + 1},
					Err: fmt.Errorf("%w: control character U+%04X, which no text holds and which stands for no Windows-1252 character", ErrBinary, r)}
			}
		}
	}
	return doc, nil
}

// hasC1OrSeparator reports whether s holds a C1 control character
// (U+0080–U+009F, encoded C2 80–9F) or a line or paragraph separator
// (U+2028, U+2029, encoded E2 80 A8–A9), in a byte search or two.
func hasC1OrSeparator(s string) bool {
	for i := 0; ; {
		j := strings.IndexByte(s[i:], 0xC2)
		if j < 0 || i+j+1 >= len(s) {
			break
		}
		i += j + 1
		if s[i] <= 0x9F {
			return true
		}
	}
	for i := 0; ; {
		j := strings.IndexByte(s[i:], 0xE2)
		if j < 0 || i+j+2 >= len(s) {
			return false
		}
		i += j + 1
		if s[i] == 0x80 && (s[i+1] == 0xA8 || s[i+1] == 0xA9) {
			return true
		}
	}
}

// nonCharacter returns the offset of the first noncharacter in s
// (U+FDD0–U+FDEF, and the last two code points of each plane), or -1. They
// are encoded EF B7 90–AF, EF BF BE–BF, or a four-byte sequence ending
// BF BE or BF BF, so the common case is three byte searches.
func nonCharacter(s string) int {
	first := -1
	for i := 0; ; {
		j := strings.IndexByte(s[i:], 0xEF)
		if j < 0 || i+j+2 >= len(s) {
			break
		}
		i += j
		if s[i+1] == 0xB7 && s[i+2] >= 0x90 && s[i+2] <= 0xAF || s[i+1] == 0xBF && s[i+2] >= 0xBE {
			first = i
			break
		}
		i++
	}
	for _, tail := range []string{"\xbf\xbe", "\xbf\xbf"} {
		for i := 0; ; {
			j := strings.Index(s[i:], tail)
			if j < 0 {
				break
			}
			i += j
			// The lead byte of a plane's last two: F0 9F, F0 AF, F0 BF,
			// F1–F3 8F/9F/AF/BF, F4 8F.
			if i >= 2 && s[i-2] >= 0xF0 && s[i-2] <= 0xF4 && s[i-1]&0x0F == 0x0F && s[i-1] >= 0x8F {
				if first < 0 || i-2 < first {
					first = i - 2
				}
				break
			}
			i++
		}
	}
	return first
}

func isC1(r rune) bool { return r >= 0x80 && r <= 0x9F }

// readC1AndSeparators reads the characters of a line that are no text
// of their own, and says what it did in a note ("" when nothing):
//
//   - A line or paragraph separator (U+2028, U+2029) is a line break
//     inside a paragraph, as a vertical tab is: a space. Read silently as
//     white space, one inside a name made a new person ("Anne Coe sens").
//   - A C1 control character is, in a film page, a Windows-1252
//     character whose text was decoded as Latin-1 and saved as UTF-8
//     ("don\u0092t"): it is read as that character, as browsers read
//     Latin-1 and as ftfy's fix_c1_controls does. Kept, U+009B (a
//     terminal's escape) went into a person's name and IRI.
//
// unread reports C1 characters Windows-1252 has no character for
// (U+0081, U+008D, U+008F, U+0090, U+009D), which stay for the mojibake
// repair to take or the caller to refuse.
func readC1AndSeparators(line string) (fixed, note string, unread bool) {
	seps, c1 := 0, 0
	var first [2]rune // the first C1 character read, and what it became
	fixed = strings.Map(func(r rune) rune {
		switch {
		case r == 0x2028 || r == 0x2029:
			seps++
			return ' '
		case isC1(r):
			w := charmap.Windows1252.DecodeByte(byte(r))
			if isC1(w) || w == utf8.RuneError {
				unread = true
				return r
			}
			if c1 == 0 {
				first = [2]rune{r, w}
			}
			c1++
			return w
		}
		return r
	}, line)
	var said []string
	if c1 > 0 {
		said = append(said, fmt.Sprintf("read %d C1 control %s as the Windows-1252 %s for (U+%04X as %q): text decoded as Latin-1 and saved as UTF-8",
			c1, plural(c1, "character", "characters"), plural(c1, "character it stands", "characters they stand"), first[0], string(first[1])))
	}
	if seps > 0 {
		said = append(said, fmt.Sprintf("read %d line or paragraph %s (U+2028, U+2029) as %s", seps, plural(seps, "separator", "separators"), plural(seps, "a space", "spaces")))
	}
	return fixed, strings.Join(said, "; "), unread
}

var utf8BOM = []byte("\xef\xbb\xbf")

// dropPageBreaks takes form feeds and vertical tabs, which a document
// saved from a printed or paged source puts between pages, off the ends
// of a line and makes each inside it a space: before a heading
// ("\f==Cast==") it made the heading a line of prose, and the cast went
// into the plot. Editors count lines by newlines alone, so the line stays
// where it was. inside counts those inside the line, made spaces.
func dropPageBreaks(line string) (out string, inside int) {
	if !strings.ContainsAny(line, "\f\v") {
		return line, 0
	}
	line = strings.Trim(line, "\f\v")
	return strings.Map(func(r rune) rune {
		if r == '\f' || r == '\v' {
			inside++
			return ' '
		}
		return r
	}, line), inside
}

// MaxLine is the longest line, in bytes, a document may have. Film pages
// break their text into lines of at most a few kilobytes (a plot
// paragraph, a review); a longer line means the input is something else,
// and refusing it while it is read keeps a huge one-line file from being
// read whole and scanned by every mapper.
const MaxLine = 1 << 20

// MaxDocument is the largest document, in bytes, Read reads. The largest
// film pages are a few MB (a review page of 50,000 reviews is 5.4 MB);
// a larger file is something else, and refusing it while it is read keeps
// junk of many short lines from being read whole, split into lines and
// scanned by every mapper before it is refused (200 MB of "4/5" lines
// took over a gigabyte).
const MaxDocument = 64 << 20

// maxDocument is MaxDocument, lowered by tests.
var maxDocument = MaxDocument

// MaxLines is the most lines a document may have. A film page of
// MaxDocument bytes in lines of 32 bytes has this many (a review page of
// 50,000 reviews has 150,000 lines); more means the input is something
// else, such as junk of short lines, whose lines alone would take 16
// bytes each beside their text, and more again in each mapper.
const MaxLines = 1 << 21

// maxLines is MaxLines, lowered by tests.
var maxLines = MaxLines

// lineLimit tracks the length of the current line as chunks are read.
type lineLimit struct {
	run int // bytes of the current line seen so far
}

// check scans a chunk that follows the bytes seen so far. When a line
// passes MaxLine it returns false and where that line starts, relative to
// the chunk (negative when it started in an earlier one). CR counts as a
// line end too (documents saved with CR alone exist).
//
// It looks only for the last line end of each MaxLine window: a line end
// at a time cost a call per line, 12 s for 200 MB of empty lines.
func (l *lineLimit) check(chunk []byte) (start int, ok bool) {
	pos := 0
	for {
		rest := chunk[pos:]
		room := MaxLine - l.run // bytes the current line may still take
		if len(rest) <= room {
			if i := bytes.LastIndexAny(rest, "\n\r"); i >= 0 {
				l.run = len(rest) - i - 1
			} else {
				l.run += len(rest)
			}
			return 0, true
		}
		// The next room+1 bytes must end the current line.
		i := bytes.LastIndexAny(rest[:room+1], "\n\r")
		if i < 0 {
			return pos - l.run, false
		}
		pos += i + 1
		l.run = 0
	}
}

// readCarriageReturns reads the carriage returns of a document. Lines
// end in LF, CR LF or CR alone (a document saved on a classic Mac). Unless
// bare CRs outnumber LFs (then each CR, and CR LF, ends a line), a CR
// before an LF, or before more CRs and then one ("\r\r\n", a CR LF
// document converted twice), or at the document's end, ends the line
// with them. A bare CR elsewhere ends a line where the text after it
// starts one (crStartsLine: a heading, a list item, a label, or a blank
// line of a second CR): a block saved on a classic Mac and pasted into
// an LF document keeps its lines. Any other is inside a line, as in a
// name pasted from another program ("Kojo\rAsante-Darko"): it is kept for
// Read to make a space of, with a note, and stray reports that one is.
func readCarriageReturns(s string) (out string, stray bool) {
	lf := strings.Count(s, "\n")
	crlf := strings.Count(s, "\r\n")
	if bare := strings.Count(s, "\r") - crlf; bare > lf {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		return strings.ReplaceAll(s, "\r", "\n"), false
	}
	var b strings.Builder
	b.Grow(len(s))
	for len(s) > 0 {
		i := strings.IndexByte(s, '\r')
		if i < 0 {
			b.WriteString(s)
			break
		}
		b.WriteString(s[:i])
		run := i
		for run < len(s) && s[run] == '\r' {
			run++
		}
		switch {
		case run == len(s):
			// The document's last line end.
			b.WriteByte('\n')
		case s[run] == '\n':
			// The CRs end the line with the LF after them: dropped.
		case run-i > 1 || crStartsLine(s[run:]):
			for range run - i {
				b.WriteByte('\n')
			}
		default:
			// Inside a line: kept.
			b.WriteByte('\r')
			stray = true
		}
		s = s[run:]
	}
	return b.String(), stray
}

// crStartsLine reports whether the text after a bare CR starts a line of
// its own: a heading ("==", "#"), a list item ("- ", "* ", "• ", "1. "),
// a table row ("|") or a label ("Starring:"), as a line of a film page
// does; the rest of a name or of a sentence does not.
func crStartsLine(rest string) bool {
	rest = strings.TrimLeft(rest, " \t")
	if rest == "" {
		return false
	}
	switch rest[0] {
	case '=', '#', '|', '*', '-':
		return true
	}
	if strings.HasPrefix(rest, "•") || strings.HasPrefix(rest, "–") {
		return true
	}
	digits := 0
	for digits < len(rest) && rest[digits] >= '0' && rest[digits] <= '9' {
		digits++
	}
	if digits > 0 && digits < len(rest) && (rest[digits] == '.' || rest[digits] == ')') {
		return true
	}
	// A label: up to maxCRLabel bytes of letters and spaces, then ": ".
	const maxCRLabel = 40
	end := strings.IndexAny(rest, ":\r\n")
	if end <= 0 || end > maxCRLabel || rest[end] != ':' {
		return false
	}
	for _, r := range rest[:end] {
		if !unicode.IsLetter(r) && r != ' ' {
			return false
		}
	}
	return end+1 == len(rest) || rest[end+1] == ' ' || rest[end+1] == '\t' || rest[end+1] == '\r' || rest[end+1] == '\n'
}

// lineEnds counts the line ends in data: LF, CR LF and CR alone.
func lineEnds(data []byte) int {
	return bytes.Count(data, []byte("\n")) + bytes.Count(data, []byte("\r")) - bytes.Count(data, []byte("\r\n"))
}

// readLine returns the number Read gives the line that holds byte off of
// data (the text read so far, or the whole document for the errors Read
// gives before it makes its lines), counting line ends as readCarriageReturns
// does: where bare CRs outnumber LFs before off, each CR, LF and CR LF;
// else each LF, and a bare CR only where it ends a line (a run of them, or
// one before the start of a line, crStartsLine), not one inside a line,
// which Read makes a space of, nor CRs before an LF, which end the line
// with it. lineEnds took every CR for a line end, so a line refused for
// its length after a name with a stray CR in it was named lines too far
// on, a line no editor and no other message of the reader shows. It is
// decided on the text before off, not on the whole document, which is
// refused unread: so the number does not depend on how the input was
// cut into reads. The errors of binary data and of damaged, cut or
// undecodable bytes counted LF alone, so a CR-only document's were all
// on line 1.
func readLine(data []byte, off int) int {
	before := data[:off]
	lf := bytes.Count(before, []byte("\n"))
	if bare := bytes.Count(before, []byte("\r")) - bytes.Count(before, []byte("\r\n")); bare > lf {
		return 1 + lineEnds(before)
	}
	line := 1 + lf
	for i := 0; i < off; {
		j := bytes.IndexByte(before[i:], '\r')
		if j < 0 {
			break
		}
		i += j
		run := i
		for run < len(data) && data[run] == '\r' {
			run++
		}
		switch {
		case run == len(data):
			line++ // the last line end of what was read, as of a document
		case data[run] == '\n':
			// The CRs end the line with the LF, counted above.
		case run-i > 1 || crStartsLine(unsafe.String(&data[run], len(data)-run)):
			line += run - i
		}
		i = run
	}
	return line
}

// readAll reads r whole. When r can tell its size (a file, a
// bytes.Reader), the buffer grows once to that size, so that a large
// document is not copied again and again as io.ReadAll's buffer grows; it
// does so only past the first few MiB, so that a huge file refused for a
// long line at its start costs no more than those. It stops past
// MaxDocument, at the first line longer than MaxLine, and, in a document
// that is not UTF-16, after
// the chunk that holds its first binary byte: Read then refuses what it
// has read as it would refuse the whole (200 MB of random bytes was read
// whole, 258 MB, to be refused for its first byte). checked reports that
// every byte was looked at for binary data and none was found.
func readAll(r io.Reader) (data []byte, checked bool, err error) {
	size := -1
	switch v := r.(type) {
	case interface{ Len() int }:
		size = v.Len()
	case interface{ Stat() (fs.FileInfo, error) }:
		if st, err := v.Stat(); err == nil && st.Mode().IsRegular() {
			size = int(st.Size())
		}
	}
	const first = 4 << 20
	// One byte past the limit tells a document over it.
	size = min(size, maxDocument+1)
	buf := make([]byte, 0, min(max(size+1, 512), first))
	var limit lineLimit
	// binaryFrom is how far buf has been looked at for binary bytes, or -1
	// until its first four bytes tell whether it is UTF-16 or UTF-32
	// (whose text holds NUL bytes), and -2 when it is.
	binaryFrom := -1
	for {
		if len(buf) == cap(buf) {
			if size >= len(buf) {
				// One byte more than the size, so that reaching the end
				// needs no further growth.
				buf = append(make([]byte, 0, size+1), buf...)
			} else {
				// Double, as io.ReadAll does, but never past the limit:
				// from a pipe, 200 MB of junk grew the buffer to 128 MiB
				// to hold the limit's 64 MiB and one byte, 204 MB at the
				// peak where a named file took 85 (audit 8).
				next := 2 * cap(buf)
				if next >= maxDocument {
					next = maxDocument + 1
				}
				buf = append(make([]byte, 0, next), buf...)
			}
		}
		n, err := r.Read(buf[len(buf):cap(buf)])
		if start, ok := limit.check(buf[len(buf) : len(buf)+n]); !ok {
			line := readLine(buf[:len(buf)+n], len(buf)+start)
			return nil, false, &film.Error{Pos: diag.Position{Line: line}, Err: fmt.Errorf("%w: line %d is longer than %d MiB", ErrLineTooLong, line, MaxLine>>20)}
		}
		buf = buf[:len(buf)+n]
		if len(buf) > maxDocument {
			return nil, false, ErrTooLarge
		}
		if binaryFrom == -1 && (len(buf) >= 4 || err == io.EOF) {
			binaryFrom = 0
			if _, order := utf16BOM(buf); order != nil {
				binaryFrom = -2
			}
			if _, order := utf32BOM(buf); order != nil {
				binaryFrom = -2
			}
		}
		if binaryFrom >= 0 {
			if binaryOffset(buf[binaryFrom:]) >= 0 {
				return buf, false, nil
			}
			binaryFrom = len(buf)
		}
		if err == io.EOF {
			return buf, binaryFrom == len(buf), nil
		}
		if err != nil {
			return nil, false, err
		}
	}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
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

// decodeWindows1252 decodes a document that is not UTF-8. Windows-1252 is a
// superset of Latin-1's printable range and the encoding such pages are most
// often saved in. Its unassigned bytes (0x81, 0x8D, 0x8F, 0x90, 0x9D) mean
// the guess was wrong, so they are refused with their position instead of
// being passed on as U+FFFD (or as C1 controls, as Latin-1 would have it).
// The returned line is that of the first byte that is not UTF-8.
// utf8Damage returns the offset of data's first byte that is not UTF-8,
// how many characters of two or more bytes it holds that are, and in how
// many places bytes are not: a run of such bytes is one place (a sequence
// cut short, overlong or encoding a surrogate is rejected byte by byte;
// text in Windows-1252 has its accented letters apart, mostly).
func utf8Damage(data []byte) (first, valid, invalid int) {
	first = -1
	inRun := false
	for i := 0; i < len(data); {
		if data[i] < utf8.RuneSelf {
			i++
			inRun = false
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		switch {
		case r != utf8.RuneError || size > 1:
			valid++
			inRun = false
		case !inRun:
			if first < 0 {
				first = i
			}
			invalid++
			inRun = true
		}
		i += size
	}
	return first, valid, invalid
}

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
			line := readLine(data, i)
			return nil, line, fmt.Errorf(
				"not UTF-8 (byte 0x%02X at offset %d) and not Windows-1252 (byte 0x%02X at offset %d)",
				data[first], first, b, i)
		}
		out = utf8.AppendRune(out, r)
	}
	line := readLine(data, first)
	return out, line, nil
}

// mojibakePages are the code pages whose misreadings of UTF-8 turn up in
// scraped pages: Windows-1252 ("LiÃ¨ge"), the DOS pages ("Li├Ęge") and,
// last, Latin-1, whose misreadings keep the five bytes Windows-1252 has no
// character for as C1 controls ("Ã\u0081" is "Á").
var mojibakePages = []*charmap.Charmap{
	charmap.Windows1252, charmap.CodePage852, charmap.CodePage437, charmap.CodePage850, charmap.ISO8859_1,
}

// RepairMojibake undoes UTF-8 that was decoded with a single-byte code page:
// each run of characters that re-encodes, in one of mojibakePages, to one
// well-formed multi-byte UTF-8 sequence is replaced by the character that
// sequence encodes. Text without such runs is returned unchanged and false,
// without a copy: a line may be a whole document.
func RepairMojibake(s string) (string, bool) {
	if isASCII(s) {
		return s, false
	}
	var b strings.Builder
	last := 0 // s[:last] is in b, repaired
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		if r, n := decodeMisread(s[i:]); n > 0 {
			if b.Len() == 0 {
				b.Grow(len(s))
			}
			b.WriteString(s[last:i])
			b.WriteRune(r)
			i += n
			last = i
			continue
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	if last == 0 {
		return s, false
	}
	b.WriteString(s[last:])
	return b.String(), true
}

// decodeMisread looks for one misread UTF-8 sequence at the start of s and
// returns the character and how many bytes of s it spans, or 0.
func decodeMisread(s string) (rune, int) {
	var rs [4]rune
	var ends [4]int // ends[k] is the byte offset after rs[k]
	count := 0
	for off := 0; count < 4 && off < len(s); count++ {
		r, size := utf8.DecodeRuneInString(s[off:])
		rs[count] = r
		off += size
		ends[count] = off
	}
	if count == 0 || rs[0] < 0x80 {
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
		if count < n {
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
			return r, ends[n-1]
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

// unicodeForm is an encoding of Unicode read from its byte-order mark.
type unicodeForm struct {
	name   string
	mark   int // the byte-order mark's length
	decode func(data []byte, order binary.ByteOrder) ([]byte, int, error)
}

// unicodeBOM returns the form, byte order and its name of a document that
// starts with a UTF-32 or UTF-16 byte-order mark, order nil for none.
// UTF-32 is asked first: its little-endian mark starts with UTF-16's.
func unicodeBOM(data []byte) (unicodeForm, string, binary.ByteOrder) {
	if enc, order := utf32BOM(data); order != nil {
		return unicodeForm{"UTF-32", 4, decodeUTF32}, enc, order
	}
	if enc, order := utf16BOM(data); order != nil {
		return unicodeForm{"UTF-16", 2, decodeUTF16}, enc, order
	}
	return unicodeForm{}, "", nil
}

// utf16BOM tells a UTF-16 byte-order mark at the start of data: its name
// and byte order, or nil.
func utf16BOM(data []byte) (string, binary.ByteOrder) {
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return "little-endian", binary.LittleEndian
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return "big-endian", binary.BigEndian
	}
	return "", nil
}

// utf32BOM returns the byte order of data's UTF-32 byte-order mark, or
// nil: FF FE 00 00 (little-endian), 00 00 FE FF (big-endian).
func utf32BOM(data []byte) (string, binary.ByteOrder) {
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE, 0, 0}):
		return "little-endian", binary.LittleEndian
	case bytes.HasPrefix(data, []byte{0, 0, 0xFE, 0xFF}):
		return "big-endian", binary.BigEndian
	}
	return "", nil
}

// decodeUTF32 decodes UTF-32 text (without its byte-order mark) to UTF-8.
// A length that is no multiple of four and a value that is no character
// (a surrogate, past U+10FFFF) are errors at their byte offset, never
// U+FFFD.
func decodeUTF32(data []byte, order binary.ByteOrder) ([]byte, int, error) {
	if len(data)%4 != 0 {
		return nil, len(data) &^ 3, fmt.Errorf("%w: the document ends in the middle of a UTF-32 character", ErrCutOff)
	}
	out := make([]byte, 0, len(data)/4+len(data)/8)
	for i := 0; i < len(data); i += 4 {
		u := order.Uint32(data[i:])
		if u > unicode.MaxRune || u >= 0xD800 && u <= 0xDFFF {
			return nil, i, fmt.Errorf("%w: 0x%08X is no UTF-32 character", ErrBinary, u)
		}
		out = utf8.AppendRune(out, rune(u))
	}
	return out, 0, nil
}

// decodeUTF16 decodes UTF-16 text (without its byte-order mark) to UTF-8.
// An odd length and an unpaired surrogate are errors at their byte offset
// (never U+FFFD, which would change the text in silence).
func decodeUTF16(data []byte, order binary.ByteOrder) ([]byte, int, error) {
	if len(data)%2 != 0 {
		return nil, len(data) - 1, fmt.Errorf("%w: UTF-16 text with an odd number of bytes", ErrCutOff)
	}
	out := make([]byte, 0, len(data)/2*3/2)
	for i := 0; i < len(data); i += 2 {
		u := rune(order.Uint16(data[i:]))
		switch {
		case utf16.IsSurrogate(u) && u < 0xDC00 && i+4 <= len(data):
			low := rune(order.Uint16(data[i+2:]))
			r := utf16.DecodeRune(u, low)
			if r == utf8.RuneError {
				return nil, i, fmt.Errorf("%w: unpaired UTF-16 surrogate 0x%04X", ErrBinary, u)
			}
			out = utf8.AppendRune(out, r)
			i += 2
		case utf16.IsSurrogate(u):
			if i+2 == len(data) {
				return nil, i, fmt.Errorf("%w: the document ends in the middle of a UTF-16 character", ErrCutOff)
			}
			return nil, i, fmt.Errorf("%w: unpaired UTF-16 surrogate 0x%04X", ErrBinary, u)
		default:
			out = utf8.AppendRune(out, u)
		}
	}
	return out, 0, nil
}

// hasBidi reports whether s holds a bidi embedding, override or isolate
// (U+202A–U+202E, U+2066–U+2069), all encoded as E2 80 AA–AE or E2 81
// A6–A9, so that the common case is one fast byte search.
func hasBidi(s string) bool {
	for i := 0; ; {
		j := strings.IndexByte(s[i:], 0xE2)
		if j < 0 || i+j+2 >= len(s) {
			return false
		}
		i += j
		if isBidi(s[i+1], s[i+2]) {
			return true
		}
		i++
	}
}

func isBidi(b1, b2 byte) bool {
	return b1 == 0x80 && b2 >= 0xAA && b2 <= 0xAE || b1 == 0x81 && b2 >= 0xA6 && b2 <= 0xA9
}

// stripBidi removes bidi embeddings, overrides and isolates from a line
// and says how many there were. Marks (U+200E, U+200F) stay: they change
// no order by themselves and belong to right-to-left text.
func stripBidi(line string) (string, int) {
	n := 0
	clean := strings.Map(func(r rune) rune {
		if r >= 0x202A && r <= 0x202E || r >= 0x2066 && r <= 0x2069 {
			n++
			return -1
		}
		return r
	}, line)
	return clean, n
}
