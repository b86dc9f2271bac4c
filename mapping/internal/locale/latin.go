package locale

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"sync"
)

// latinEnd is the end of the runes a LatinMemo has in its table: ASCII,
// Latin-1 Supplement and Latin Extended-A and -B, the precomposed letters
// of the European names film pages hold.
const latinEnd = 0x250

// LatinMemo applies a string function to text rune by rune, from a table
// of the function's result for each rune under U+0250, made on first
// use. Accent stripping (decompose, drop the marks, compose) and case
// folding ran the x/text transforms over a whole name, allocating at each
// step, for most names of a European film: 2% of one film's CPU and 6%
// of the bytes it allocated.
//
// It gives the function's own result only for functions that work rune
// by rune on such text: those whose result for a string is the results
// for its runes one after another. Decomposition does, composition too
// where no mark is left to compose (a Latin letter composes with nothing
// but a mark), case folding does (it has no context). The tests of each
// use prove it over every pair of runes in the table.
type LatinMemo struct {
	f     func(string) string
	table func() *[latinEnd]string
}

// NewLatinMemo returns a LatinMemo of f.
func NewLatinMemo(f func(string) string) *LatinMemo {
	return &LatinMemo{f: f, table: sync.OnceValue(func() *[latinEnd]string { return latinTable(f) })}
}

// latinSeparator follows each rune of the string latinTable gives f: a
// private-use character, which no rune under latinEnd composes with or
// is reordered around (it is a starter), and which decomposition,
// composition and case folding leave as it is.
const latinSeparator = '\uE000'

// latinTable returns f's result for each rune under latinEnd. f runs once,
// over every rune with latinSeparator after each, and the result is split
// at the separators: a call for each rune, through the x/text transforms'
// buffers, allocated 280–490 KB for each table in every process that
// read a name (a third of the bytes one export of the samples allocated,
// each page of it faulted in). Where the separators do not all come back,
// each rune is run alone. Verify holds every entry to f of the rune alone.
func latinTable(f func(string) string) *[latinEnd]string {
	var t [latinEnd]string
	var b strings.Builder
	for r := range rune(latinEnd) {
		b.WriteRune(r)
		b.WriteRune(latinSeparator)
	}
	if parts := strings.Split(f(b.String()), string(latinSeparator)); len(parts) == latinEnd+1 && parts[latinEnd] == "" {
		copy(t[:], parts)
		return &t
	}
	for r := range rune(latinEnd) {
		t[r] = f(string(r))
	}
	return &t
}

// Apply returns f(s) and true where every rune of s is under U+0250;
// else "" and false, and the caller runs f itself. Invalid UTF-8 is
// declined too: it reads as U+FFFD.
func (m *LatinMemo) Apply(s string) (string, bool) {
	t := m.table()
	var b strings.Builder
	b.Grow(len(s) + len(s)/4) // "ß" folds to "ss"
	for _, r := range s {
		if r >= latinEnd {
			return "", false
		}
		b.WriteString(t[r])
	}
	return b.String(), true
}

// Verify proves m gives its function's own result for every string of
// two runes under U+0250, where one rune's result could compose with, or
// be reordered around, its neighbour's, and for random longer strings of
// them; it returns the first string where they differ. It is for tests:
// a use of LatinMemo is exact only where Verify passes.
func (m *LatinMemo) Verify() error {
	check := func(s string) error {
		if got, ok := m.Apply(s); !ok || got != m.f(s) {
			return fmt.Errorf("LatinMemo.Apply(%q) = %q, %v; the function gives %q", s, got, ok, m.f(s))
		}
		return nil
	}
	t := m.table()
	for r := range rune(latinEnd) {
		if want := m.f(string(r)); t[r] != want {
			return fmt.Errorf("LatinMemo's table has %q for %q; the function gives %q", t[r], string(r), want)
		}
	}
	var pair strings.Builder
	for r1 := range rune(latinEnd) {
		for r2 := range rune(latinEnd) {
			if r1 < 0x80 && r2 < 0x80 && r1 != 'A' {
				continue // of ASCII pairs, one letter's are enough
			}
			pair.Reset()
			pair.WriteRune(r1)
			pair.WriteRune(r2)
			if err := check(pair.String()); err != nil {
				return err
			}
		}
	}
	rnd := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		var b strings.Builder
		for range 1 + rnd.IntN(12) {
			b.WriteRune(rune(rnd.IntN(latinEnd)))
		}
		if err := check(b.String()); err != nil {
			return err
		}
	}
	return nil
}
