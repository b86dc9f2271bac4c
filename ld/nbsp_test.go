package ld_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/film2ld/film2ld/ld"
)

// N-Quads' white space is spaces and tabs: a no-break space before a
// statement, or a line of nothing else, is refused by every N-Quads
// reader at its line, as rapper refuses it (they read such lines as
// white space; audit 19). Spaces, tabs and a CRLF line end still are.
func TestNQuadsWhiteSpaceIsASCII(t *testing.T) {
	const st = "<http://a.example/s> <http://a.example/p> <http://a.example/o> ."
	for _, in := range []string{"\u00a0" + st + "\n", st + "\n\u00a0\n", st + "\u2003\n", "\u3000\n" + st + "\n"} {
		if _, err := ld.ReadNQuads(strings.NewReader(in), "in.nq"); err == nil {
			t.Errorf("ReadNQuads accepted %+q", in)
		}
		var d ld.Dataset
		if _, err := d.ReadNQuads(strings.NewReader(in), "in.nq", false); err == nil {
			t.Errorf("Dataset.ReadNQuads accepted %+q", in)
		}
		if err := ld.CheckNQuads(strings.NewReader(in), "in.nq"); err == nil {
			t.Errorf("CheckNQuads accepted %+q", in)
		}
		if _, err := ld.NewProcessor(ld.Config{}).FromNQuads(strings.NewReader(in), "in.nq"); err == nil {
			t.Errorf("FromNQuads accepted %+q", in)
		}
	}
	// Placed at the space itself: the column counted the no-break space
	// as trimmed.
	for in, col := range map[string]int{"\u00a0" + st + "\n": 1, "  \u00a0" + st + "\n": 3} {
		var d ld.Dataset
		_, err := d.ReadNQuads(strings.NewReader(in), "in.nq", false)
		var pe *ld.PosError
		if !errors.As(err, &pe) || pe.Pos.Line != 1 || pe.Pos.Col != col {
			t.Errorf("Dataset.ReadNQuads(%+q): %v; want it at 1:%d", in, err, col)
		}
	}
	for _, in := range []string{" \t" + st + " \t\r\n", st + "\n \t\n", st + "\r\n\r\n"} {
		if _, err := ld.ReadNQuads(strings.NewReader(in), "in.nq"); err != nil {
			t.Errorf("ReadNQuads(%+q): %v", in, err)
		}
		var d ld.Dataset
		if _, err := d.ReadNQuads(strings.NewReader(in), "in.nq", false); err != nil {
			t.Errorf("Dataset.ReadNQuads(%+q): %v", in, err)
		}
	}
}
