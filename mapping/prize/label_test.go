package prize

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/film2ld/film2ld/mapping/internal/lazyre"
)

// labelRe is the pattern labelLine scans for, kept as its reference.
var labelRe = lazyre.New(`^(\p{Lu}[\p{L}/ .'&()-]{0,34}?)\s*:\s*(.*)$`)

// labelInputs are every line of the test documents, trimmed and not, and
// lines made to sit on each edge of the pattern.
func labelInputs(t testing.TB) []string {
	in := []string{"", ":", "A:", "A :", "A\t:\tb", "a: b", "Éric: x", "ÉRIC  :  x\n", "A: b\nc", "A:\n", "A\n: b",
		"Abcdefghijklmnopqrstuvwxyzabcdefghi: x", "Abcdefghijklmnopqrstuvwxyzabcdefghij: x", "A b.c/d'e&f(g)-h: x",
		"A1: x", "A\xff: x", "\xff: x", "A\u00a0: x", "A \t: x", "A\t b: x", "A: \t\n", "A:: b", "Ǆ: x", "ǅx: y", "A\v: x"}
	paths, _ := filepath.Glob("../../testdata/*/*.txt")
	more, _ := filepath.Glob("../../testdata/films/*/*.txt")
	for _, p := range append(paths, more...) {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range strings.Split(string(b), "\n") {
			in = append(in, l, strings.TrimSpace(l))
		}
	}
	return in
}

// TestLabelLine: the scan gives the pattern's submatches on every input.
func TestLabelLine(t *testing.T) {
	matched := 0
	for _, s := range labelInputs(t) {
		got, want := labelLine(s), labelRe.FindStringSubmatch(s)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("labelLine(%q) = %q, the pattern gives %q", s, got, want)
		}
		if want != nil {
			matched++
		}
	}
	if matched < 50 {
		t.Errorf("only %d label lines among the inputs", matched)
	}
}

// FuzzLabelLine: the same for any text.
func FuzzLabelLine(f *testing.F) {
	for _, s := range labelInputs(f)[:60] {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := labelLine(s), labelRe.FindStringSubmatch(s); !reflect.DeepEqual(got, want) {
			t.Errorf("labelLine(%q) = %q, the pattern gives %q", s, got, want)
		}
	})
}
