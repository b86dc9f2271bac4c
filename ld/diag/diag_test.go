package diag_test

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/film2ld/film2ld/ld/diag"
)

func TestPositionString(t *testing.T) {
	for _, tt := range []struct {
		pos  diag.Position
		want string
	}{
		{diag.Position{File: "heat.json"}, "heat.json"},
		{diag.Position{File: "heat.json", Col: 4}, "heat.json"}, // no line, no column
		{diag.Position{File: "heat.json", Line: 3}, "heat.json:3"},
		{diag.Position{File: "heat.json", Line: 3, Col: 14}, "heat.json:3:14"},
		{diag.Position{Line: 3, Col: 14}, ":3:14"},
	} {
		if got := tt.pos.String(); got != tt.want {
			t.Errorf("%#v: %q; want %q", tt.pos, got, tt.want)
		}
	}
}

func TestCompare(t *testing.T) {
	a := diag.Position{File: "a", Line: 2, Col: 9}
	for _, b := range []diag.Position{{File: "b"}, {File: "a", Line: 3}, {File: "a", Line: 2, Col: 10}} {
		if diag.Compare(a, b) >= 0 || diag.Compare(b, a) <= 0 {
			t.Errorf("%v is not before %v", a, b)
		}
	}
	if diag.Compare(a, a) != 0 {
		t.Errorf("%v differs from itself", a)
	}
}

func TestSeverityRank(t *testing.T) {
	order := []diag.Severity{"", diag.Info, diag.Note, diag.Warning, diag.Error}
	for i, s := range order {
		if s.Rank() != i {
			t.Errorf("%q ranks %d; want %d", s, s.Rank(), i)
		}
	}
}

// TestExcerpt pins the caret display: the caret stands under the column's
// character whatever the characters before it are, and what could change
// how a terminal shows the line does not reach it.
func TestExcerpt(t *testing.T) {
	long := strings.Repeat("a", 100) + "X" + strings.Repeat("b", 100)
	for _, tt := range []struct {
		name      string
		text      string
		line, col int
		want      string
	}{
		{"ascii", `  "ratingValue": five,`, 12, 18,
			"  12 |   \"ratingValue\": five,\n     |                  ^\n"},
		{"accents count as one", `{"name": "Amélie", "x": }`, 1, 25,
			"  1 | {\"name\": \"Amélie\", \"x\": }\n    |                         ^\n"},
		{"wide characters take two cells", `"name": "東京物語",,`, 2, 16,
			"  2 | \"name\": \"東京物語\",,\n    | " + strings.Repeat(" ", 7+1+1+4*2+1+1) + "^\n"},
		{"tab shown as a space", "\t\"a\": ,", 7, 7,
			"  7 |  \"a\": ,\n    |       ^\n"},
		{"past the end", `{"a": 1`, 1, 8,
			"  1 | {\"a\": 1\n    |        ^\n"},
		{"controls and bidi replaced", "\x1b[2J\u202e\"a\"", 2, 7,
			"  2 | \ufffd[2J\ufffd\"a\"\n    |       ^\n"},
		{"carriage return dropped", "x y\r", 1, 3,
			"  1 | x y\n    |   ^\n"},
		{"long line cut around the column", long, 1, 101,
			"  1 | …" + strings.Repeat("a", 40) + "X" + strings.Repeat("b", 39) + "…\n    | " + strings.Repeat(" ", 41) + "^\n"},
		{"long line, column at the start", long, 1, 1,
			"  1 | " + long[:80] + "…\n    | ^\n"},
		{"long line, column at the end", long, 1, 201,
			"  1 | …" + strings.Repeat("b", 80) + "\n    | " + strings.Repeat(" ", 80) + "^\n"},
		{"no column", "x", 1, 0, ""},
		{"no line", "x", 0, 1, ""},
	} {
		if got := diag.Excerpt(tt.text, tt.line, tt.col); got != tt.want {
			t.Errorf("%s:\ngot\n%s\nwant\n%s", tt.name, got, tt.want)
		}
	}
}

func TestIndexPositionAndExcerpt(t *testing.T) {
	data := []byte("{\n  \"name\": \"東京物語\",\r\n  \"year\": x\n}")
	x := diag.NewIndex(data)
	off := strings.Index(string(data), "x")
	pos := x.Position("tokyo.json", off)
	if want := (diag.Position{File: "tokyo.json", Line: 3, Col: 11}); pos != want {
		t.Errorf("Position = %v; want %v", pos, want)
	}
	if got := x.Line(2); got != `  "name": "東京物語",` {
		t.Errorf("Line(2) = %q", got)
	}
	if got := x.Line(9); got != "" {
		t.Errorf("Line(9) = %q; want nothing", got)
	}
	if got, want := x.Excerpt(3, 11), "  3 |   \"year\": x\n    |           ^\n"; got != want {
		t.Errorf("Excerpt:\n%s\nwant\n%s", got, want)
	}
	// The same line, indexed alone and numbered as in the whole input;
	// the gutter widens with the number.
	line := diag.NewIndex([]byte(`  "year": x`))
	if got, want := line.ExcerptAs(1, 11, 3), x.Excerpt(3, 11); got != want {
		t.Errorf("ExcerptAs(1, 11, 3):\n%s\nwant\n%s", got, want)
	}
	if got, want := line.ExcerptAs(1, 11, 1200), "  1200 |   \"year\": x\n       |           ^\n"; got != want {
		t.Errorf("ExcerptAs(1, 11, 1200):\n%s\nwant\n%s", got, want)
	}
}

func TestPosError(t *testing.T) {
	e := &diag.PosError{Pos: diag.Position{File: "a.nq", Line: 2, Col: 5}, Source: "<a> x", Err: io.ErrUnexpectedEOF}
	if got, want := e.Error(), "a.nq:2:5: unexpected EOF"; got != want {
		t.Errorf("Error() = %q; want %q", got, want)
	}
	if got, want := e.ErrorWithPosition(), "a.nq:2:5: unexpected EOF\n  2 | <a> x\n    |     ^\n"; got != want {
		t.Errorf("ErrorWithPosition() = %q; want %q", got, want)
	}
	if !errors.Is(fmt.Errorf("convert: %w", e), io.ErrUnexpectedEOF) {
		t.Error("errors.Is does not reach the cause")
	}
	e.Source = ""
	if got, want := e.ErrorWithPosition(), e.Error(); got != want {
		t.Errorf("without the line's text: %q; want %q", got, want)
	}
}

func ExampleExcerpt() {
	fmt.Print(diag.Excerpt(`{"@type": "Movie", "name": }`, 4, 28))
	// Output:
	//   4 | {"@type": "Movie", "name": }
	//     |                            ^
}

// FuzzExcerpt: whatever the line and the column, an excerpt is two lines
// with nothing a terminal would act on, the text shown is at most
// excerptWidth characters plus the ellipses, and the caret ends the second.
func FuzzExcerpt(f *testing.F) {
	f.Add(`{"name": "Amélie"}`, 3)
	f.Add("\t\x1b[2J\u202e東京\xff", 4)
	f.Add(strings.Repeat("é", 300), 150)
	f.Fuzz(func(t *testing.T, text string, col int) {
		x := diag.Excerpt(text, 7, col)
		if col <= 0 {
			if x != "" {
				t.Fatalf("column %d gave %q", col, x)
			}
			return
		}
		lines := strings.Split(strings.TrimSuffix(x, "\n"), "\n")
		if len(lines) != 2 || !strings.HasSuffix(x, "\n") {
			t.Fatalf("not two lines: %q", x)
		}
		if !strings.HasPrefix(lines[0], "  7 | ") || !strings.HasPrefix(lines[1], "    | ") || !strings.HasSuffix(lines[1], "^") {
			t.Fatalf("no gutter or caret: %q", x)
		}
		shown := []rune(strings.TrimPrefix(lines[0], "  7 | "))
		if len(shown) > 80+2 {
			t.Fatalf("%d characters shown", len(shown))
		}
		for _, r := range shown {
			if r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0 || r == 0x202e {
				t.Fatalf("control %U shown: %q", r, x)
			}
		}
	})
}

func TestUTF16WithoutBOM(t *testing.T) {
	le := []byte("<\x00h\x00t\x00m\x00l\x00>\x00\xe9\x00")
	be := []byte("\x00T\x00i\x00t\x00l\x00e\x00:\x00 \x00H")
	for in, want := range map[string]string{string(le): "little-endian", string(be): "big-endian",
		"plain ASCII text": "", "\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00": "", "<\x00p": "",
		// Small numbers as 16 bits, little-endian: NUL every other byte,
		// no text between.
		"\x01\x00\x02\x00\x03\x00\x04\x00\x05\x00\x06\x00\x07\x00\x08\x00": "",
		// UTF-8 text with a NUL now and then.
		"{\"a\": \"x\x00y\", \"b\": \"\x00\"}\n": ""} {
		if got := diag.UTF16WithoutBOM([]byte(in)); got != want {
			t.Errorf("%q: %q; want %q", in, got, want)
		}
	}
}
