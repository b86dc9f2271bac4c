package ld

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"hash/maphash"
	"io"
	"runtime"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/film2ld/film2ld/ld/diag"
	"github.com/film2ld/film2ld/ld/internal/largetest"
)

// parsedIn parses doc read piece bytes at a time (0: turtlePiece), its
// reader wrapped by wrap when not nil, and describes the outcome: the
// statements, the subjects' lines, the error and its excerpt.
func parsedIn(doc string, trig bool, piece int, wrap func(io.Reader) io.Reader) (string, error) {
	var r io.Reader = strings.NewReader(doc)
	if wrap != nil {
		r = wrap(r)
	}
	p := newTurtleParser(r, "t", trig)
	if piece > 0 {
		p.piece = piece
	}
	p.seen, p.seed = map[uint64]int32{}, maphash.MakeSeed()
	p.lines = map[string]int{}
	err := p.parse()
	var b strings.Builder
	if err != nil {
		fmt.Fprintf(&b, "error: %v\n", err)
		var pe *PosError
		if errors.As(err, &pe) {
			fmt.Fprintf(&b, "excerpt: %q\n", pe.Source)
		}
		return b.String(), err
	}
	for _, q := range p.out {
		b.WriteString(q.String() + "\n")
	}
	fmt.Fprintf(&b, "lines: %v\n", p.lines) // printed sorted
	return b.String(), nil
}

// checkInPieces checks that doc parses the same whatever the pieces it is
// read in, and that an error's excerpt is its line of the whole input.
func checkInPieces(t *testing.T, name, doc string, trig bool) {
	t.Helper()
	want, err := parsedIn(doc, trig, 0, nil)
	var pe *PosError
	if errors.As(err, &pe) && !errors.Is(err, ErrInvalidUTF8) && len(doc) < maxExcerptLine {
		line := diag.NewIndex([]byte(strings.TrimPrefix(doc, "\ufeff"))).Line(pe.Pos.Line)
		if pe.Source != line {
			t.Errorf("%s: excerpt %q; want line %d of the input, %q", name, pe.Source, pe.Pos.Line, line)
		}
	}
	wraps := map[string]func(io.Reader) io.Reader{"one byte": iotest.OneByteReader, "half": iotest.HalfReader, "with EOF": iotest.DataErrReader}
	for _, piece := range []int{1, 2, 3, 7, 64, 4097} {
		if got, _ := parsedIn(doc, trig, piece, nil); got != want {
			t.Errorf("%s (trig %v), read %d bytes at a time:\n%s\nread at once:\n%s", name, trig, piece, got, want)
		}
	}
	for wname, wrap := range wraps {
		if got, _ := parsedIn(doc, trig, 0, wrap); got != want {
			t.Errorf("%s (trig %v), read by a %s reader:\n%s\nread at once:\n%s", name, trig, wname, got, want)
		}
	}
}

// turtlePieceDocs are documents whose reading in pieces is worth a look:
// errors placed after the parser let go of lines, on a statement's
// earlier line, past a byte-order mark, and bytes that are not UTF-8
// after an error.
func turtlePieceDocs() map[string]string {
	pad := strings.Repeat("# a comment line\n", 300)
	const s = "<http://a.example/s> <http://a.example/p> "
	return map[string]string{
		"late error":                  pad + s + "junk .\n",
		"late error, CRLF":            strings.ReplaceAll(pad, "\n", "\r\n") + s + "junk .\r\n# after\r\n",
		"error on the literal's line": pad + s + "\"\"\"a\nb\nc",
		"error on the IRI's line":     pad + s + "\n\n<http://a.example/o",
		"BOM, error on line 1":        "\ufeff" + s + "junk",
		"BOM, later line":             "\ufeff# c\n" + s + "junk",
		"not UTF-8 after an error":    s + "junk .\n" + pad + "# \xff\n",
		"not UTF-8 in a comment":      pad + "# \xff\n" + s + "1 .\n",
		"cut character at the end":    s + "\"a\" .\n# \xe2\x82",
		"statements on one line":      strings.Repeat(s+"1 . ", 500) + s + "junk",
		"prefix said again":           strings.Repeat("@prefix ex: <http://a.example/> .\nPREFIX ex: <http://a.example/>\n", 200) + "ex:s ex:p ex:o, <http://a.example/o> .\n<http://a.example/o> ex:p ex:o .",
		"base between same IRIs":      "@base <http://a.example/> .\n<s> <p> <o> .\n@base <http://b.example/> .\n<s> <p> <o> .\n",
		"graph block":                 "GRAPH <http://a.example/g> {\n" + strings.Repeat(s+"1 .\n", 300) + s + "junk }",
		"graph block, long":           "<http://a.example/g> {" + strings.Repeat(s+"1 . # c\n", 300) + "}\n" + s + "2 .",
		"backtracked name":            pad + "<http://a.example/g>\n# c\n<http://a.example/p> <http://a.example/o> .",
	}
}

// TestReadTurtleInPieces: the reader gives the same statements, errors and
// excerpts whatever pieces its input comes in, and an error's excerpt is
// the line of the input it stands on.
func TestReadTurtleInPieces(t *testing.T) {
	for _, c := range turtlePositive {
		checkInPieces(t, c.name, c.doc, strings.HasPrefix(c.name, "trig:"))
	}
	for _, c := range turtleNegative {
		checkInPieces(t, c.name, c.doc, strings.Contains(c.name, "unclosed graph"))
	}
	for name, doc := range turtlePieceDocs() {
		checkInPieces(t, name, doc, false)
		checkInPieces(t, name, doc, true)
	}
}

// TestReadTurtleHoldsLittle: a document of comments, of one prefix said
// again and again, of statements on one endless line or in one TriG block
// is read holding the statement being read, not the input: it was read
// whole and copied as text (200 MB of comments took 408 MB), so the live
// heap grew with it. A line is held for an error's excerpt up to
// maxExcerptLine.
func TestReadTurtleHoldsLittle(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 24 MB documents")
	}
	// CI reads 24 MiB a document; a developer's run 12 MiB, checked
	// every third of it: the input, had it been held, would pass the
	// held-bytes bound below (2.25 MiB) at the first check already, and
	// the live-heap bound (8 MiB) by the last (the reading took 3.4-5 s
	// of CPU, serially, in the package's longest run).
	size := 12 << 20
	if largetest.On() {
		size = 24 << 20
	}
	docs := []struct {
		name             string
		head, body, tail string
	}{
		{"comment lines", "", "# a comment line about nothing in particular\n", ""},
		{"one comment line", "#", "x", "\n"},
		{"one prefix", "", "@prefix ex: <http://example.org/> .\n", ""},
		{"one prefix, SPARQL's form", "", "PREFIX ex: <http://example.org/>\n", ""},
		{"one line of statements", "", "<http://a.example/s> <http://a.example/p> 1 . ", ""},
		{"a TriG block", "<http://a.example/g> {\n", "<http://a.example/s> <http://a.example/p> 1 .\n", "}"},
	}
	for _, d := range docs {
		trig := strings.HasPrefix(d.head, "<")
		r := &repeated{head: d.head, body: d.body, tail: d.tail, n: size / len(d.body), every: size / 3}
		p := newTurtleParser(r, d.name, trig)
		p.seen, p.seed = map[uint64]int32{}, maphash.MakeSeed()
		var before runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		var live uint64
		held := 0
		r.each = func() {
			held = max(held, cap(p.buf))
			var m runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&m)
			live = max(live, m.HeapAlloc-min(m.HeapAlloc, before.HeapAlloc))
		}
		if err := p.parse(); err != nil {
			t.Fatalf("%s: %v", d.name, err)
		}
		if len(p.out) > 1 {
			t.Fatalf("%s: %d statements", d.name, len(p.out))
		}
		// The line kept for an excerpt, and a piece or two read on.
		if held > 2*(maxExcerptLine+2*turtlePiece) || live > 8<<20 {
			t.Errorf("%s: %d bytes of input held, live heap grew by %d bytes reading %d", d.name, held, live, size)
		}
	}
}

// repeated reads head, body n times, then tail, calling each every
// every bytes (8 MiB if 0).
type repeated struct {
	head, body, tail string
	n, every         int
	each             func()
	left             []byte
	read, next       int
}

func (r *repeated) Read(b []byte) (int, error) {
	if len(r.left) == 0 {
		switch {
		case r.head != "":
			r.left, r.head = []byte(r.head), ""
		case r.n > 0:
			k := min(r.n, max(1, 64<<10/len(r.body)))
			r.left, r.n = bytes.Repeat([]byte(r.body), k), r.n-k
		case r.tail != "":
			r.left, r.tail = []byte(r.tail), ""
		default:
			return 0, io.EOF
		}
	}
	n := copy(b, r.left)
	r.left = r.left[n:]
	if r.read += n; r.read >= r.next && r.each != nil {
		r.next += cmp.Or(r.every, 8<<20)
		r.each()
	}
	return n, nil
}

// FuzzReadTurtleInPieces: whatever the document, read a few bytes at a
// time it gives what it gives read at once, and an error's excerpt is its
// line of the input.
func FuzzReadTurtleInPieces(f *testing.F) {
	for _, c := range turtlePositive {
		f.Add(c.doc, uint8(1))
	}
	for _, c := range turtleNegative {
		f.Add(c.doc, uint8(3))
	}
	for _, doc := range turtlePieceDocs() {
		f.Add(doc, uint8(5))
	}
	f.Fuzz(func(t *testing.T, doc string, piece uint8) {
		want, err := parsedIn(doc, true, 0, nil)
		if got, _ := parsedIn(doc, true, int(piece%16)+1, nil); got != want {
			t.Fatalf("read %d bytes at a time:\n%s\nread at once:\n%s", piece%16+1, got, want)
		}
		var pe *PosError
		if errors.As(err, &pe) && !errors.Is(err, ErrInvalidUTF8) {
			if line := diag.NewIndex([]byte(strings.TrimPrefix(doc, "\ufeff"))).Line(pe.Pos.Line); pe.Source != line {
				t.Fatalf("excerpt %q; want line %d of the input, %q", pe.Source, pe.Pos.Line, line)
			}
		}
	})
}
