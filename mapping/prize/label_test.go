package prize

import (
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/film2ld/film2ld/mapping/internal/mappertest"

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
	for _, l := range mappertest.DocumentLines(t, "../../testdata") {
		in = append(in, l, strings.TrimSpace(l))
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

// TestBlankOut: reading the matches and blanking them out gives what
// ReplaceAllString(s, " ") gives, for the sales contact's patterns.
func TestBlankOut(t *testing.T) {
	for _, s := range append(labelInputs(t), "Tél : +33 1 23 45 67 89 Fax: +33 1 98 76 54 32 a@b.example www.x.example http://y.example/z") {
		checkBlankOut(t, s)
	}
}

func checkBlankOut(t *testing.T, s string) {
	t.Helper()
	for _, re := range []*regexp.Regexp{phonePattern, emailPattern, webPattern} {
		got := blankOut(s, re.FindAllStringIndex(s, -1))
		if want := re.ReplaceAllString(s, " "); got != want {
			t.Errorf("%s: blankOut(%q) = %q, ReplaceAllString %q", re, s, got, want)
		}
		sub := re.FindAllStringSubmatchIndex(s, -1)
		if got := blankOut(s, sub); got != re.ReplaceAllString(s, " ") {
			t.Errorf("%s: blankOut with submatch indexes (%q) = %q", re, s, got)
		}
	}
}

// FuzzBlankOut: the same for any text.
func FuzzBlankOut(f *testing.F) {
	f.Add("Tél : +33 1 23 45 67 89 Fax: +33 1 98 76 54 32 a@b.example www.x.example")
	f.Add("phone 123456789 x@y.z")
	f.Fuzz(checkBlankOut)
}

// TestLookupFolded: a label looked up by its lower case on the stack is
// read as labelKey reads it, for every label of the tables and every
// line of the test documents.
func TestLookupFolded(t *testing.T) {
	in := labelInputs(t)
	for key := range labelTable() {
		in = append(in, key, strings.ToUpper(key), strings.ToUpper(key[:1])+key[1:], " "+key+"  ")
	}
	for _, s := range in {
		lb, ok := lookup(s)
		key := labelKey(s)
		want, wantOK := labels()[key]
		if !wantOK {
			continue // not in the table: lookup took labelKey's way
		}
		if lb != want || !ok {
			t.Errorf("lookup(%q) = %+v, %v; the table by labelKey %q: %+v", s, lb, ok, key, want)
		}
	}
}
