package text

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/film2ld/film2ld/mapping/film"
)

// firstLongLine is the rule check enforces, written the plain way: the
// first piece between line ends (LF, CR LF or CR) longer than MaxLine,
// and the number of the line that holds it as the reader numbers its
// lines (readCarriageReturns), the text before it read with a first
// letter after it, as every piece of these documents starts.
func firstLongLine(data []byte) (line int, long bool) {
	off := 0
	for off <= len(data) {
		end := bytes.IndexAny(data[off:], "\r\n")
		if end < 0 {
			end = len(data) - off
		}
		if end > MaxLine {
			out, _ := readCarriageReturns(string(data[:off]) + "x")
			return 1 + strings.Count(out, "\n"), true
		}
		off += end + 1
	}
	return 0, false
}

// chunkReader hands out its data in chunks of the sizes it is given, in
// turn, as a file or a pipe may.
type chunkReader struct {
	data  []byte
	sizes []int
	n     int
}

func (c *chunkReader) Read(p []byte) (int, error) {
	if len(c.data) == 0 {
		return 0, io.EOF
	}
	k := min(len(p), len(c.data), c.sizes[c.n%len(c.sizes)])
	c.n++
	copy(p, c.data[:k])
	c.data = c.data[k:]
	return k, nil
}

// readAll refuses a line longer than MaxLine, with its number, exactly
// where the plain rule does, however the lines end and however the input
// is cut into reads: lines just under, at and over the limit, spread
// across chunks, after runs of empty lines, CR LF pairs split between
// reads.
func TestReadAllLineLimitMatchesPlainRule(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	eols := []string{"\n", "\r\n", "\r"}
	lengths := []int{0, 1, 80, MaxLine - 1, MaxLine, MaxLine + 1, MaxLine/2 + 3}
	for round := range 60 {
		var b bytes.Buffer
		for range 1 + rng.IntN(6) {
			n := lengths[rng.IntN(len(lengths))]
			b.WriteString(strings.Repeat("x", n))
			b.WriteString(strings.Repeat(eols[rng.IntN(len(eols))], 1+rng.IntN(3)))
		}
		if rng.IntN(2) == 0 {
			b.WriteString(strings.Repeat("y", lengths[rng.IntN(len(lengths))])) // no line end at the end
		}
		data := b.Bytes()
		sizes := []int{1 + rng.IntN(7), 1 << 20, 1 + rng.IntN(300000), 4 << 20}
		wantLine, wantLong := firstLongLine(data)
		_, _, err := readAll(&chunkReader{data: data, sizes: sizes})
		var fe *film.Error
		gotLong := errors.Is(err, ErrLineTooLong)
		if gotLong != wantLong || (err != nil && !gotLong) {
			t.Fatalf("round %d: err = %v; want long line %v (line %d)", round, err, wantLong, wantLine)
		}
		if gotLong && (!errors.As(err, &fe) || fe.Pos.Line != wantLine) {
			t.Errorf("round %d: %v; want line %d", round, err, wantLine)
		}
	}
}

// countingReader counts the bytes read from it.
type countingReader struct {
	r io.Reader
	n int
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += n
	return n, err
}

// A document with binary bytes is refused once the read that brought the
// first one is done, with the error reading it whole gives (its line and
// byte offset), and a UTF-16 document, whose text holds NUL bytes, is
// still read whole.
func TestReadStopsAtBinaryData(t *testing.T) {
	text := strings.Repeat("Director: Ada Lind\n", 3000)
	for _, tt := range []struct{ name, prefix string }{
		{"at the start", ""},
		{"after lines", text},
		{"after a byte-order mark", "\xef\xbb\xbf" + text},
	} {
		t.Run(tt.name, func(t *testing.T) {
			in := tt.prefix + "\x00\x01binary" + strings.Repeat("z\n", 8<<20)
			c := &countingReader{r: &chunkReader{data: []byte(in), sizes: []int{64 << 10}}}
			_, err := Read(c, "doc.txt")
			// What reading it whole said: the line and the byte offset in
			// the input of the first binary byte.
			want := fmt.Sprintf("doc.txt:%d: not a text document: binary data at byte offset %d", 1+strings.Count(tt.prefix, "\n"), len(tt.prefix))
			if !errors.Is(err, ErrBinary) || err.Error() != want {
				t.Fatalf("err = %v; want %s", err, want)
			}
			if c.n > len(tt.prefix)+64<<10 {
				t.Errorf("read %d bytes of %d to refuse it", c.n, len(in))
			}
		})
	}
	u := utf16Bytes("Director: Ada Lind\n"+strings.Repeat("Plot line.\n", 10000), false)
	c := &countingReader{r: &chunkReader{data: u, sizes: []int{4096}}}
	doc, err := Read(c, "u16.txt")
	if err != nil || c.n != len(u) || len(doc.Lines) < 10000 {
		t.Fatalf("UTF-16: %v, read %d of %d bytes", err, c.n, len(u))
	}
}

// A document larger than MaxDocument is refused once that much is read,
// whatever its lines (short lines pass the line limit), and one of
// exactly that size is read. The limit is lowered to 1 MiB here.
func TestReadTooLarge(t *testing.T) {
	defer func(n int) { maxDocument = n }(maxDocument)
	maxDocument = 1 << 20
	c := &countingReader{r: &repeated{text: "4/5\n", n: 200 << 20}}
	_, err := Read(c, "scores.txt")
	var fe *film.Error
	if !errors.Is(err, ErrTooLarge) || !errors.As(err, &fe) || fe.Pos.File != "scores.txt" {
		t.Fatalf("err = %v; want ErrTooLarge naming the file", err)
	}
	if !strings.Contains(err.Error(), "scores.txt: not a film document: larger than 64 MiB") {
		t.Errorf("message %q", err)
	}
	if c.n > maxDocument+64<<10 {
		t.Errorf("read %d bytes to refuse it", c.n)
	}
	head := "= Scores (2010 film) =\n"
	doc, err := Read(strings.NewReader(head+strings.Repeat("4/5\n", (maxDocument-len(head))/4)+strings.Repeat("x", (maxDocument-len(head))%4)), "max.txt")
	if err != nil || len(doc.Lines) != 1+(maxDocument-len(head))/4+1 {
		t.Fatalf("a document of MaxDocument bytes: %v", err)
	}
}

// A document of more than MaxLines lines is refused, at the first line
// past the limit, before its lines are made; one of exactly MaxLines
// lines is read, whether or not its last line ends in a newline. The
// limit is lowered to 1,000 here.
func TestReadTooManyLines(t *testing.T) {
	defer func(n int) { maxLines = n }(maxLines)
	maxLines = 1000
	for _, tt := range []struct {
		name, text string
		lines      int // 0: refused
	}{
		{"1,000 lines ending in a newline", strings.Repeat("x\n", 1000), 1001},
		{"1,000 lines, the last without a newline", strings.Repeat("x\n", 999) + "x", 1000},
		{"1,000 lines, CR alone", strings.Repeat("x\r", 999) + "x", 1000},
		{"1,001 lines", strings.Repeat("x\n", 1000) + "x", 0},
		{"1,001 empty lines after text", "x" + strings.Repeat("\n", 1001), 0},
		{"1,001 lines, CR LF", strings.Repeat("x\r\n", 1001), 0},
	} {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Read(strings.NewReader(tt.text), "lines.txt")
			if tt.lines > 0 {
				if err != nil || len(doc.Lines) != tt.lines {
					t.Fatalf("err %v; want %d lines read", err, tt.lines)
				}
				return
			}
			var fe *film.Error
			if !errors.Is(err, ErrTooManyLines) || !errors.As(err, &fe) || fe.Pos.Line != 1001 {
				t.Fatalf("err = %v; want ErrTooManyLines at line 1001", err)
			}
			if want := "lines.txt:1001: not a film document: more than 2097152 lines"; err.Error() != want {
				t.Errorf("message %q; want %q", err, want)
			}
		})
	}
}

// TestReadDamagedUTF8: a document whose non-ASCII text is UTF-8 but for a
// few bytes is refused at the first of them, with its line and offset; a
// document in Windows-1252 (whose accented letters are bytes that are not
// UTF-8) is read as such, the note naming its first such byte, even where
// two of its characters happen to make a UTF-8 sequence.
func TestReadDamagedUTF8(t *testing.T) {
	const good = "= Cléo (1962 film) =\n- Director: Agnès Varda\n"
	for _, tt := range []struct {
		name, text string
		line, off  int
	}{
		{"a byte 0xFF in a name", good + "- Starring: Corinne Mar\xffchand\n", 3, len(good) + 23},
		{"an overlong slash", good + "- Starring: Corinne Mar\xc0\xafchand\n", 3, len(good) + 23},
		{"an encoded surrogate", good + "- Music: Michel Le\xed\xa0\x80grand\n", 3, len(good) + 18},
		{"a sequence cut short inside the text", "- Starring: Corinne Mar\xc3 chand\n- Music: Michel Legrand é\n", 1, 23},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read(strings.NewReader(tt.text), "cleo.txt")
			var fe *film.Error
			if !errors.Is(err, ErrDamagedUTF8) || !errors.As(err, &fe) || fe.Pos.Line != tt.line {
				t.Fatalf("err = %v; want ErrDamagedUTF8 at line %d", err, tt.line)
			}
			if want := fmt.Sprintf("at byte offset %d is not UTF-8", tt.off); !strings.Contains(err.Error(), want) {
				t.Errorf("message %q; want it to say %q", err, want)
			}
		})
	}
	for _, tt := range []struct {
		name, text, want, note string
	}{
		{"Windows-1252", "= Cl\xe9o (1962 film) =\n- Director: Agn\xe8s Varda\n", "Agnès Varda", "not UTF-8 (byte 0xE9 at byte offset 4); read as Windows-1252 (Latin-1)"},
		{"Windows-1252 with a UTF-8 look-alike", "= Cl\xe9o =\n- Director: Agn\xe8s Varda\n- Note: \xc2\xa9 \xe0 la \xe9t\xe9\n", "© à la été", "not UTF-8 (byte 0xE9 at byte offset 4); read as Windows-1252 (Latin-1)"},
		{"one byte alone", "- Director: Agn\xe8s Varda\n", "Agnès Varda", "not UTF-8 (byte 0xE8 at byte offset 15); read as Windows-1252 (Latin-1)"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Read(strings.NewReader(tt.text), "cleo.txt")
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(strings.Join(doc.Lines, "\n"), tt.want) || len(doc.Notes) == 0 || doc.Notes[0].Message != tt.note {
				t.Errorf("lines %q, notes %+v; want %q and the note %q", doc.Lines, doc.Notes, tt.want, tt.note)
			}
		})
	}
}

// A line refused for its length is named by the number the reader gives
// it, the one its notes and an editor show: a CR inside a line (a name
// pasted from another program) is no line end, nor are CRs before an
// LF, in LF, CR LF and mixed documents; in a CR-only document each CR
// is one. Each document is read once with its last line short, whose
// number the reader gives, and once with it too long, whatever the
// reads' sizes.
func TestReadLineTooLongCountsLinesAsRead(t *testing.T) {
	for _, head := range []string{
		"Title\nKojo\rAsante-Darko\nA\rB\rC\n",             // LF, stray CRs
		"Title\r\nKojo\rAsante-Darko\r\nA\rB\r\n",          // CR LF, stray CRs
		"Title\rCast\rKojo Asante\r",                       // CR alone
		"Title\r\r\nA\nKojo\rAsante\n- Ama\r- Kofi\nEnd\n", // mixed: CRs before an LF, a list pasted from a Mac
		"Title\nKojo\r\r\rAsante\n",                        // a run of CRs: lines of their own
		"Title\nKojo Asante\rStarring: Ama\nx\ny\n",        // a label after a CR: a line of its own
		"Title\nKojo\r",                                    // a CR before the long line itself
	} {
		short, err := Read(strings.NewReader(head+"LAST\n"), "short.txt")
		if err != nil {
			t.Fatalf("%q: %v", head, err)
		}
		want := slices.Index(short.Lines, "LAST") + 1
		if want == 0 {
			want = slices.IndexFunc(short.Lines, func(l string) bool { return strings.HasSuffix(l, "LAST") }) + 1
		}
		long := head + "LAST" + strings.Repeat("x", MaxLine) + "\n"
		for _, size := range []int{1 << 20, 7, 4 << 20} {
			_, err := Read(&chunkReader{data: []byte(long), sizes: []int{size}}, "long.txt")
			var fe *film.Error
			if !errors.Is(err, ErrLineTooLong) || !errors.As(err, &fe) || fe.Pos.Line != want {
				t.Errorf("%q, reads of %d: %v; want line %d too long", head, size, err, want)
			}
		}
	}
}

// The errors Read gives before it makes its lines (binary data, a byte
// that is not UTF-8 in UTF-8 text, a character cut at the end) name the
// line as the reader numbers it too: they counted LF alone, so every one
// of a CR-only document was on line 1.
func TestReadErrorsCountLinesAsRead(t *testing.T) {
	for _, head := range []string{
		"Title\nKojo\rAsante-Darko\nA\rB\rC\n",
		"Title\r\nKojo\rAsante-Darko\r\nA\rB\r\n",
		"Title\rCast\rKojo Asante\r",
		"Title\r\r\nA\nKojo\rAsante\n- Ama\r- Kofi\nEnd\n",
		"Title\nKojo Asante\rStarring: Ama\nx\ny\n",
	} {
		eol := "\n"
		if !strings.Contains(head, "\n") {
			eol = "\r"
		}
		short, err := Read(strings.NewReader(head+"Léa Dupré"+eol+"LAST"+eol), "short.txt")
		if err != nil {
			t.Fatalf("%q: %v", head, err)
		}
		want := slices.Index(short.Lines, "LAST") + 1
		for _, c := range []struct {
			last string
			err  error
		}{
			{"LAST\x01" + eol, ErrBinary},
			{"LAST\xff" + eol, ErrDamagedUTF8},
			{"LAST\xc3", ErrCutOff},
		} {
			_, err := Read(strings.NewReader(head+"Léa Dupré"+eol+c.last), "bad.txt")
			var fe *film.Error
			if !errors.Is(err, c.err) || !errors.As(err, &fe) || fe.Pos.Line != want {
				t.Errorf("%q + %q: %v; want %v at line %d", head, c.last, err, c.err, want)
			}
		}
	}
}
