package text

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"runtime"
	"slices"
	"strings"
	"testing"
	"testing/iotest"
	"unicode/utf16"

	"github.com/film2ld/film2ld/mapping/film"
)

func utf16Bytes(s string, big bool) []byte {
	var b []byte
	if big {
		b = []byte{0xFE, 0xFF}
	} else {
		b = []byte{0xFF, 0xFE}
	}
	for _, u := range utf16.Encode([]rune(s)) {
		if big {
			b = append(b, byte(u>>8), byte(u))
		} else {
			b = append(b, byte(u), byte(u>>8))
		}
	}
	return b
}

// A UTF-16 document with a byte-order mark reads as the same lines as its
// UTF-8 twin, with a note; a damaged one is an error, never U+FFFD.
func TestReadUTF16(t *testing.T) {
	checkMarkedText(t, "UTF-16", utf16Bytes, map[string][]byte{
		"odd length":        utf16Bytes("abc", false)[:7],
		"lone high":         append(utf16Bytes("ab", false), 0x3D, 0xD8, 'c', 0),
		"lone low":          append(utf16Bytes("ab", false), 0x00, 0xDC),
		"high at the end":   append(utf16Bytes("ab", false), 0x3D, 0xD8),
		"control character": utf16Bytes("ab\x00c", false),
	})
}

// checkMarkedText reads a text encoded (with its byte-order mark, either
// byte order) and checks it gives the lines of its UTF-8 twin with a note
// naming the encoding, and that each of bad is an error with a byte
// offset and no U+FFFD.
func checkMarkedText(t *testing.T, encoding string, encode func(s string, big bool) []byte, bad map[string][]byte) {
	t.Helper()
	const text = "= Ørkenens sønner =\r\nDirected by: Ana Núñez\r\nA film about 🎬 and ноч.\r\n"
	want, err := Read(strings.NewReader(text), "utf8.txt")
	if err != nil {
		t.Fatal(err)
	}
	for _, big := range []bool{false, true} {
		doc, err := Read(bytes.NewReader(encode(text, big)), "marked.txt")
		if err != nil {
			t.Fatalf("%s, big-endian %v: %v", encoding, big, err)
		}
		if fmt.Sprint(doc.Lines) != fmt.Sprint(want.Lines) {
			t.Errorf("%s, big-endian %v: lines %q; want %q", encoding, big, doc.Lines, want.Lines)
		}
		if len(doc.Notes) != 1 || !strings.Contains(doc.Notes[0].Message, encoding) {
			t.Errorf("%s, big-endian %v: notes %v", encoding, big, doc.Notes)
		}
	}
	for name, data := range bad {
		_, err := Read(bytes.NewReader(data), "bad.txt")
		if err == nil || !strings.Contains(err.Error(), "offset") {
			t.Errorf("%s, %s: err = %v; want an error with an offset", encoding, name, err)
		}
		if err != nil && strings.ContainsRune(err.Error(), '\uFFFD') {
			t.Errorf("%s, %s: %v", encoding, name, err)
		}
	}
}

func utf32Bytes(s string, big bool) []byte {
	var b []byte
	if big {
		b = []byte{0, 0, 0xFE, 0xFF}
	} else {
		b = []byte{0xFF, 0xFE, 0, 0}
	}
	for _, r := range s {
		if big {
			b = append(b, byte(r>>24), byte(r>>16), byte(r>>8), byte(r))
		} else {
			b = append(b, byte(r), byte(r>>8), byte(r>>16), byte(r>>24))
		}
	}
	return b
}

// A UTF-32 document with a byte-order mark reads as its UTF-8 twin, with
// a note (the little-endian one was read as UTF-16 and refused as
// binary data, the big-endian one as binary data: audit 19); a damaged
// one is an error at its byte offset, never U+FFFD.
func TestReadUTF32(t *testing.T) {
	checkMarkedText(t, "UTF-32", utf32Bytes, map[string][]byte{
		"cut character":     utf32Bytes("abc", false)[:14],
		"surrogate":         append(utf32Bytes("ab", false), 0x00, 0xD8, 0, 0),
		"past U+10FFFF":     append(utf32Bytes("ab", true), 0, 0x11, 0, 0),
		"control character": utf32Bytes("ab\x00c", true),
	})
}

// UTF-16 without a byte-order mark is refused as binary data, as any
// text with NUL bytes is (it is not decoded on a guess), and the error
// says what it looks like; other binary data is not called UTF-16.
func TestReadUTF16WithoutBOM(t *testing.T) {
	const text = "= Ørkenens sønner =\r\nDirected by: Ana Núñez\r\nA film about ноч.\r\n"
	for _, tt := range []struct {
		data []byte
		want string
	}{
		{utf16Bytes(text, false)[2:], "it reads as UTF-16, little-endian, without a byte-order mark"},
		{utf16Bytes(text, true)[2:], "it reads as UTF-16, big-endian, without a byte-order mark"},
		{[]byte("Title: Heat\x00\x01\x02 and more text"), ""},
		{bytes.Repeat([]byte{0, 0, 'a', 0}, 64), ""},
		{utf16Bytes("ab", false)[2:], ""}, // too short to tell
	} {
		_, err := Read(bytes.NewReader(tt.data), "page.txt")
		if !errors.Is(err, ErrBinary) {
			t.Errorf("%q: %v; want binary data", tt.data[:min(8, len(tt.data))], err)
			continue
		}
		if got := strings.Contains(err.Error(), "UTF-16"); got != (tt.want != "") || tt.want != "" && !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q: %v; want %q", tt.data[:min(8, len(tt.data))], err, tt.want)
		}
	}
}

// Bidi controls are removed with a note naming the line; marks stay.
func TestReadBidi(t *testing.T) {
	in := "Title: Heat\nDirector: Ana\u202Egnikcah\u202C Núñez\nWriter: \u2067Omar\u2069 \u200FX"
	doc, err := Read(strings.NewReader(in), "bidi.txt")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"Title: Heat", "Director: Anagnikcah Núñez", "Writer: Omar \u200FX"}
	if fmt.Sprint(doc.Lines) != fmt.Sprint(want) {
		t.Errorf("lines %q; want %q", doc.Lines, want)
	}
	var lines []int
	for _, n := range doc.Notes {
		lines = append(lines, n.Line)
	}
	if fmt.Sprint(lines) != "[2 3]" || !strings.Contains(doc.Notes[0].Message, "removed 2 bidi control characters") {
		t.Errorf("notes %+v", doc.Notes)
	}
}

// C1 control characters are read as the Windows-1252 characters they stand
// for, line and paragraph separators as spaces, each with a note naming the
// line; Latin-1 mojibake is repaired, even where it holds a C1 character
// Windows-1252 lacks; a C1 character left after that refuses the document
// at its line and column. Before, "Coe\u2028sens" made a new person, "Anne
// Coe sens", and U+009B (a terminal's escape) went into a name, in silence.
func TestReadC1AndSeparators(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		want     []string
		notes    []string // "line: words the note holds"
		err      string
	}{
		{name: "cp1252 apostrophe", in: "Title: Heat\nReview: don\u0092t go",
			want: []string{"Title: Heat", "Review: don’t go"}, notes: []string{`2: read 1 C1 control character as the Windows-1252 character it stands for (U+0092 as "’")`}},
		{name: "several on a line", in: "Director: \u0093Ana\u0094 \u009b",
			want: []string{"Director: “Ana” ›"}, notes: []string{"1: read 3 C1 control characters"}},
		{name: "separators", in: "Director: Ana\u2028Núñez\nWriter: Omar\u2029\u2029Ali",
			want: []string{"Director: Ana Núñez", "Writer: Omar  Ali"}, notes: []string{"1: read 1 line or paragraph separator (U+2028, U+2029) as a space", "2: read 2 line or paragraph separators"}},
		{name: "both on a line", in: "A\u2028B\u0085",
			want: []string{"A B…"}, notes: []string{`1: read 1 C1 control character as the Windows-1252 character it stands for (U+0085 as "…"): text decoded as Latin-1 and saved as UTF-8; read 1 line or paragraph separator`}},
		{name: "Latin-1 mojibake of a cp1252 byte", in: "Review: donâ\u0080\u0099t",
			want: []string{"Review: don’t"}, notes: []string{"1: read 2 C1 control characters", "1: repaired mojibake"}},
		{name: "Latin-1 mojibake of a byte cp1252 lacks", in: "Director: Ã\u0081lvaro",
			want: []string{"Director: Álvaro"}, notes: []string{"1: repaired mojibake"}},
		{name: "undefined C1 alone", in: "Title: Heat\nDirector: Ana\u0081Núñez",
			err: "c1.txt:2:14: not a text document: control character U+0081"},
		{name: "plain text untouched", in: "Director: Ana Núñez, €5 — «Heat»", want: []string{"Director: Ana Núñez, €5 — «Heat»"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := Read(strings.NewReader(tc.in), "c1.txt")
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) || !errors.Is(err, ErrBinary) {
					t.Fatalf("error %v; want %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if fmt.Sprintf("%q", doc.Lines) != fmt.Sprintf("%q", tc.want) {
				t.Errorf("lines %q; want %q", doc.Lines, tc.want)
			}
			if len(doc.Notes) != len(tc.notes) {
				t.Fatalf("notes %+v; want %q", doc.Notes, tc.notes)
			}
			for i, n := range doc.Notes {
				if got := fmt.Sprintf("%d: %s", n.Line, n.Message); !strings.HasPrefix(got, tc.notes[i]) {
					t.Errorf("note %q; want it to start %q", got, tc.notes[i])
				}
			}
		})
	}
}

// A noncharacter is no text: the document is refused at its line and
// column (kept, U+FFFF inside a name made a new person). Characters next
// to them in the code space are text.
func TestReadNoncharacters(t *testing.T) {
	for _, r := range []rune{0xFDD0, 0xFDEF, 0xFFFE, 0xFFFF, 0x1FFFE, 0x2FFFF, 0x10FFFF} {
		in := "Title: Heat\nDirector: Ana Nú" + string(r) + "ñez\n"
		_, err := Read(strings.NewReader(in), "nc.txt")
		want := fmt.Sprintf("nc.txt:2:17: not a text document: noncharacter U+%04X", r)
		if err == nil || !strings.Contains(err.Error(), want) || !errors.Is(err, ErrBinary) {
			t.Errorf("U+%04X: error %v; want %q", r, err, want)
		}
	}
	for _, r := range []rune{0xFDCF, 0xFDF0, 0xFFFD, 0xFFFC, 0x1FFFD, 0x1D538, 0x10FFFD, 0xBFBE} {
		in := "Director: Ana " + string(r) + "\n"
		if _, err := Read(strings.NewReader(in), "ok.txt"); err != nil {
			t.Errorf("U+%04X refused: %v", r, err)
		}
	}
}

// A line longer than MaxLine is refused with its number, whether the lines
// end in LF, CRLF (split between reads) or CR.
func TestReadLineTooLong(t *testing.T) {
	long := strings.Repeat("x", MaxLine+1)
	for _, eol := range []string{"\n", "\r\n", "\r"} {
		in := "a" + eol + "b" + eol + long + eol
		_, err := Read(iotest.OneByteReader(strings.NewReader(in)), "long.txt")
		var fe *film.Error
		if !errors.Is(err, ErrLineTooLong) || !errors.As(err, &fe) || fe.Pos.Line != 3 || fe.Pos.File != "long.txt" {
			t.Errorf("%q: err = %v; want line 3 too long", eol, err)
		}
	}
	// Exactly MaxLine is fine.
	if _, err := Read(strings.NewReader("Title: x\n"+strings.Repeat("y", MaxLine)), "max.txt"); err != nil {
		t.Errorf("a line of MaxLine bytes: %v", err)
	}
}

// repeated is a document of n bytes of text repeated, made as it is
// read: an endless line of junk, or endless short lines.
type repeated struct {
	text string
	n    int
}

func (j *repeated) Read(p []byte) (int, error) {
	if j.n == 0 {
		return 0, io.EOF
	}
	n := min(len(p), j.n)
	for i := range n {
		p[i] = j.text[i%len(j.text)]
	}
	j.n -= n
	return n, nil
}

// 200 MB of short junk lines from a reader of unknown size (a pipe) is
// refused once past the size limit, without growing a buffer past it:
// the buffer doubled to 128 MiB to hold 64 MiB and a byte (audit 8).
func TestReadPipedJunkStopsAtTheLimit(t *testing.T) {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, err := Read(&repeated{text: "lorem ipsum dolor sit amet\n", n: 200 << 20}, "-")
	runtime.ReadMemStats(&after)
	if !errors.Is(err, ErrTooLarge) {
		t.Fatalf("err = %v", err)
	}
	alloc := after.TotalAlloc - before.TotalAlloc
	t.Logf("allocated %.1f MB to refuse 200 MB", float64(alloc)/(1<<20))
	// 4 + 8 + 16 + 32 MiB on the way, then the limit and a byte (the
	// error's few bytes beside); it was 375 MB.
	if limit := uint64(maxDocument + 68<<20); alloc > limit {
		t.Errorf("allocated %d MB to refuse it; want at most %d", alloc>>20, limit>>20)
	}
}

// A 200 MB one-line document is refused after its first MiB: memory does
// not grow with the input.
func TestRead200MBOneLineMemory(t *testing.T) {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, err := Read(&repeated{text: "film junk ", n: 200 << 20}, "junk.txt")
	runtime.ReadMemStats(&after)
	if !errors.Is(err, ErrLineTooLong) {
		t.Fatalf("err = %v", err)
	}
	alloc := after.TotalAlloc - before.TotalAlloc
	t.Logf("allocated %.1f MB to refuse 200 MB", float64(alloc)/(1<<20))
	if alloc > 8<<20 {
		t.Errorf("allocated %d MB to refuse it; want at most 8", alloc>>20)
	}
}

// Reading a 20 MB document of ordinary lines allocates about one copy of
// it: the buffer read into, the line slice and nothing per byte.
func TestRead20MBLinesMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("20 MB; skipped with -short")
	}
	var b strings.Builder
	for i := 0; b.Len() < 20<<20; i++ {
		fmt.Fprintf(&b, "Line %d: Frédéric Frenay, Núñez, São Paulo — ordinary text\n", i)
	}
	in := b.String()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	doc, err := Read(strings.NewReader(in), "big.txt")
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatal(err)
	}
	alloc := after.TotalAlloc - before.TotalAlloc
	t.Logf("allocated %.2f× the input", float64(alloc)/float64(len(in)))
	if limit := uint64(3 * len(in)); alloc > limit {
		t.Errorf("allocated %d MB for %d MB; want at most 3×", alloc>>20, len(in)>>20)
	}
	if len(doc.Lines) < 300000 {
		t.Errorf("%d lines", len(doc.Lines))
	}
}

// BenchmarkRead measures reading documents of growing size: the time per
// byte should stay flat (linear time).
func BenchmarkRead(b *testing.B) {
	for _, size := range []int{1 << 20, 8 << 20, 32 << 20} {
		var sb strings.Builder
		for i := 0; sb.Len() < size; i++ {
			fmt.Fprintf(&sb, "Line %d: Frédéric Frenay, LiÃ¨ge, Núñez\n", i)
		}
		in := sb.String()
		b.Run(fmt.Sprintf("%dMB", size>>20), func(b *testing.B) {
			b.SetBytes(int64(len(in)))
			for b.Loop() {
				if _, err := Read(strings.NewReader(in), "bench.txt"); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// FuzzRead checks what Read promises for any input: lines without CR,
// bidi controls, C1 controls or line separators, and the same lines from the UTF-16 encoding of a UTF-8
// document.
func FuzzRead(f *testing.F) {
	f.Add([]byte("Title: Heat\r\nDirector: Ana \u202Ex\u202C\n"))
	f.Add([]byte("\xff\xfeH\x00i\x00"))
	f.Add([]byte("Li├Ęge, LiÃ¨ge\rnext"))
	f.Add([]byte("don\u0092t Ã\u0081lvaro\u2028x\u0081"))
	f.Add([]byte("x\uFFFF \U0001FFFE \U0001FFFD \uFDD0"))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := Read(bytes.NewReader(data), "fuzz.txt")
		if err != nil {
			return
		}
		for _, line := range doc.Lines {
			if strings.ContainsRune(line, '\r') || hasBidi(line) || hasC1OrSeparator(line) || strings.ContainsFunc(line, isNoncharacter) {
				t.Fatalf("line %q keeps CR, a bidi control, a C1 control or a line separator", line)
			}
		}
		if !utf8Valid(data) || bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
			return
		}
		again, err := Read(bytes.NewReader(utf16Bytes(string(bytes.TrimPrefix(data, utf8BOM)), false)), "fuzz16.txt")
		if err != nil {
			t.Fatalf("UTF-16 twin refused: %v", err)
		}
		if fmt.Sprint(again.Lines) != fmt.Sprint(doc.Lines) {
			t.Fatalf("UTF-16 twin reads %q; UTF-8 %q", again.Lines, doc.Lines)
		}
	})
}

func isNoncharacter(r rune) bool { return r >= 0xFDD0 && r <= 0xFDEF || r&0xFFFE == 0xFFFE }

func utf8Valid(b []byte) bool { return strings.ToValidUTF8(string(b), "") == string(b) }

// A form feed or vertical tab inside a line is a space, and said, as a
// line separator is: inside a name it made another person in silence.
// At a line's ends it is a page break, dropped without a word.
func TestPageBreakInsideALineIsSaid(t *testing.T) {
	doc, err := Read(strings.NewReader("Heat\nDirected by: Ama Owu\fsu-Ansah\n\fCast\v\nMusic: A\vB\fC\n"), "a.txt")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := doc.Lines[1:4], []string{"Directed by: Ama Owu su-Ansah", "Cast", "Music: A B C"}; !slices.Equal(got, want) {
		t.Errorf("lines %q; want %q", got, want)
	}
	var notes []string
	for _, n := range doc.Notes {
		notes = append(notes, fmt.Sprintf("%d: %s", n.Line, n.Message))
	}
	want := []string{"2: read 1 form feed or vertical tab inside the line as a space", "4: read 2 form feeds or vertical tabs inside the line as spaces"}
	if !slices.Equal(notes, want) {
		t.Errorf("notes %q; want %q", notes, want)
	}
}

// A carriage return ends a line where the document's lines end in CR; in
// a document whose lines end in LF, one inside a line is a space, said in
// a note at its line, and CRs before an LF or at the end end the line, as
// one does before a line of a film page (a heading, a list item, a label)
// or a blank line (the reviewer's block of a classic Mac file pasted into
// an LF document lost its cast). A line made of pieces longer than
// MaxLine together is refused as any such line is.
func TestReadCarriageReturns(t *testing.T) {
	for _, c := range []struct {
		in    string
		lines []string
		notes []int // lines of the notes about CRs
	}{
		{"Starring: Kojo\rAsante-Darko\nMusic: Ama\n", []string{"Starring: Kojo Asante-Darko", "Music: Ama", ""}, []int{1}},
		{"a\nb\r\rc\nd\n", []string{"a", "b", "", "c", "d", ""}, nil},
		{"Plot.\n== Cast ==\r- Ana Reis: Rosa\r- Ole Brink as Jon\rStarring: Ana Reis\r1. Note\n", []string{"Plot.", "== Cast ==", "- Ana Reis: Rosa", "- Ole Brink as Jon", "Starring: Ana Reis", "1. Note", ""}, nil},
		{"Directed by: Ana\rReis\nx\n", []string{"Directed by: Ana Reis", "x", ""}, []int{1}},
		{"a\r\r\nb\r\n", []string{"a", "b", ""}, nil},
		{"a\r\nb\r\n", []string{"a", "b", ""}, nil},
		{"a\nb\r", []string{"a", "b", ""}, nil},
		{"a\rb\rc\n", []string{"a", "b", "c", ""}, nil},
		{"a\rb\rc", []string{"a", "b", "c"}, nil},
		{"a\rb\r\nc\r", []string{"a", "b", "c", ""}, nil},
	} {
		doc, err := Read(strings.NewReader(c.in), "cr.txt")
		if err != nil {
			t.Errorf("%q: %v", c.in, err)
			continue
		}
		if !slices.Equal(doc.Lines, c.lines) {
			t.Errorf("%q: lines %q; want %q", c.in, doc.Lines, c.lines)
		}
		var notes []int
		for _, n := range doc.Notes {
			if strings.Contains(n.Message, "carriage return") {
				notes = append(notes, n.Line)
			}
		}
		if !slices.Equal(notes, c.notes) {
			t.Errorf("%q: notes at lines %v; want %v (%v)", c.in, notes, c.notes, doc.Notes)
		}
	}
	piece := strings.Repeat("x", MaxLine/2+10)
	_, err := Read(strings.NewReader("Title\nA\rB\n"+piece+"\r"+piece+"\nend\n"), "glued.txt")
	var fe *film.Error
	if !errors.Is(err, ErrLineTooLong) || !errors.As(err, &fe) || fe.Pos.Line != 3 {
		t.Errorf("pieces longer than MaxLine together: %v; want line 3 too long", err)
	}
}
