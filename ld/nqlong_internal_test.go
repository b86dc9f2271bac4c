package ld

import (
	"fmt"
	"io"
	"os"
	"strings"
	"testing"
)

// readLong reads text as N-Quads, with lines over spoolOver bytes taken
// through the spool, by both readers of N-Quads lines, and returns what
// each gave: its statements' count, or its error.
func readLong(t testing.TB, text string, spoolOver int) [2]string {
	t.Helper()
	defer func(limit int) { spoolLinesOver = limit }(spoolLinesOver)
	spoolLinesOver = spoolOver
	// A reader without Len, as a file is read: through 64 KiB reads.
	file := func() io.Reader { return struct{ io.Reader }{strings.NewReader(text)} }
	var got [2]string
	d := NewDataset()
	if _, err := d.ReadNQuads(file(), "t.nq", false); err != nil {
		got[0] = err.Error()
	} else {
		got[0] = fmt.Sprint(len(d.quads), " statements")
	}
	docs, err := NewProcessor(Config{}).FromNQuads(file(), "t.nq")
	if err != nil {
		got[1] = err.Error()
	} else {
		got[1] = fmt.Sprint(len(docs), " nodes")
	}
	return got
}

// longLine is head, unit repeated past the 64 KiB of a read, and tail.
func longLine(head, unit, tail string) string {
	return head + strings.Repeat(unit, 70000/len(unit)+1) + tail
}

const (
	longSubject = `<http://ex.org/a> <http://schema.org/name> `
	okLine      = `<http://ex.org/b> <http://schema.org/name> "b" .` + "\n"
)

// longLineCases are lines that leave a literal or an IRI open (or close
// it) in every way the reader judges: the spooled reading must give what
// reading the line whole gives.
var longLineCases = [][3]string{
	{longSubject + `"`, "x", ""},
	{longSubject + `"`, "x", `" .`},
	{longSubject + `"`, "x", `"`},
	{longSubject + `"`, "x", `" .` + "\n" + okLine},
	{okLine + longSubject + `"`, "x", "\n" + okLine},
	{longSubject + `<http://ex.org/`, "x", ""},
	{longSubject + `<http://ex.org/`, "x", "> ."},
	{longSubject + `<http://ex.org/`, "x", " y"},
	{longSubject + `<http://ex.org/`, "x", " "},
	{longSubject + `<http://ex.org/`, "é", ""},
	{longSubject + `<http://ex.org/`, "x", "\u00a0"},
	{longSubject + `<http://ex.org/`, "x", `\u0041`},
	{longSubject + `<http://ex.org/`, "x", "\t"},
	{longSubject + `"`, "é✓", ""},
	{longSubject + `"`, `\\`, ""},
	{longSubject + `"`, `\"`, ""},
	{longSubject + `"`, `\u00e9\U0001F600\t\b\n\r\f\'`, ""},
	{longSubject + `"`, "x", `\uD800`},
	{longSubject + `"`, "x", `\U00110000`},
	{longSubject + `"`, "x", `\q`},
	{longSubject + `"`, "x", `\u12`},
	{longSubject + `"`, "x", `\`},
	{longSubject + `"`, "x", "\r"},
	{longSubject + `"`, "x", "\r\r\r"},
	{longSubject + `"`, "x", "\rx"},
	{longSubject + `"`, "x", " \t "},
	{longSubject + `"`, "x", "\xff"},
	{longSubject + `"`, "x", "\xe2\x9c"},
	{longSubject + `"`, "\x00\x01\x1f\x7f", ""},
	{longSubject + `"`, "\t", ""},
	{longSubject + `"`, "x", "\u0085"},
	{longSubject + `"a"^^<http://ex.org/`, "x", ""},
	{longSubject + `"a" <http://ex.org/`, "x", ""},
	{longSubject + `"a"@en <http://ex.org/`, "x", ""},
	{longSubject + `_:b0 <http://ex.org/`, "x", ""},
	{`"`, "x", ""},
	{`x "`, "x", ""},
	{`# a comment "`, "x", ""},
	{longSubject + `"a" . # "`, "x", ""},
	{longSubject + `"a" . "`, "x", ""},
	{"\ufeff" + longSubject + `"`, "x", ""},
	{longSubject + `"\u00`, "x", ""},
	{longSubject + `"ab\`, "x", ""},
	{longSubject + `"\xff`, "x", ""},
}

func TestLongLineSpooledAsWhole(t *testing.T) {
	for _, c := range longLineCases {
		text := longLine(c[0], c[1], c[2])
		whole, spooled := readLong(t, text, 1<<40), readLong(t, text, 1)
		if whole != spooled {
			t.Errorf("%.60q … %q:\nwhole   %q\nspooled %q", c[0], c[2], whole, spooled)
		}
	}
}

func FuzzLongLine(f *testing.F) {
	for _, c := range longLineCases {
		f.Add(c[0], c[1], c[2])
	}
	f.Fuzz(func(t *testing.T, head, unit, tail string) {
		if unit == "" || len(unit) > 16 || len(head) > 200 || len(tail) > 200 {
			return
		}
		text := longLine(head, unit, tail)
		whole, spooled := readLong(t, text, 1<<40), readLong(t, text, 1)
		if whole != spooled {
			t.Errorf("whole   %q\nspooled %q", whole, spooled)
		}
	})
}

// A line that leaves a literal open to its end is refused holding its
// first spoolLinesOver bytes, not the line, and its rest is never read
// back; the temporary file is gone.
func TestLongLineNotHeld(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	defer func(limit int) { spoolLinesOver = limit }(spoolLinesOver)
	spoolLinesOver = 1 << 20
	text := longLine(longSubject+`"`, "x", "") // 70 KB: lowered below
	text = longSubject + `"` + strings.Repeat("x", 8<<20)
	lr := newLineReader(struct{ io.Reader }{strings.NewReader(text)})
	line, err := lr.next()
	if err != nil {
		t.Fatal(err)
	}
	if len(line) > 2<<20 || lr.next0 != len(text) {
		t.Errorf("returned %d bytes of the %d-byte line, counted %d", len(line), len(text), lr.next0)
	}
	if cap(lr.buf) > 4<<20 {
		t.Errorf("held %d bytes", cap(lr.buf))
	}
	if left, _ := os.ReadDir(tmp); len(left) != 0 {
		t.Errorf("left %d temporary files", len(left))
	}
}
