package encyclopedia

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/film2ld/film2ld/mapping/internal/mappertest"

	"github.com/film2ld/film2ld/mapping/internal/lazyre"
)

// colonLabelRe is the pattern colonLabel scans for, kept as its reference.
var colonLabelRe = lazyre.New(`^([^:]{1,40}?)\s*:\s*(.*)$`)

// colonInputs are every line of the test documents, trimmed and not, and
// lines made to sit on each edge of the pattern.
func colonInputs(t testing.TB) []string {
	in := []string{"", ":", "A:", "A :", "A\t:\tb", "a: b", "Éric: x", "ÉRIC  :  x\n", "A: b\nc", "A:\n", "A\n: b",
		"Abcdefghijklmnopqrstuvwxyzabcdefghi: x", "Abcdefghijklmnopqrstuvwxyzabcdefghij: x", "A b.c/d'e&f(g)-h: x",
		"A1: x", "A\xff: x", "\xff: x", "A\u00a0: x", "A \t: x", "A\t b: x", "A: \t\n", "A:: b", "Ǆ: x", "ǅx: y", "A\v: x", " : x", "   :", "\t\t: b",
		strings.Repeat("é", 40) + ": x", strings.Repeat("é", 41) + ": x", strings.Repeat("a", 39) + "  : x", strings.Repeat("a", 41) + ": x", "\n: x", "a\nb: c"}
	for _, l := range mappertest.DocumentLines(t, "../../testdata") {
		in = append(in, l, strings.TrimSpace(l))
	}
	return in
}

// TestColonLabel: the scan gives the pattern's submatches on every input.
func TestColonLabel(t *testing.T) {
	matched := 0
	for _, s := range colonInputs(t) {
		got, want := colonLabel(s), colonLabelRe.FindStringSubmatch(s)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("colonLabel(%q) = %q, the pattern gives %q", s, got, want)
		}
		if want != nil {
			matched++
		}
	}
	if matched < 50 {
		t.Errorf("only %d label lines among the inputs", matched)
	}
}

// FuzzColonLabel: the same for any text.
func FuzzColonLabel(f *testing.F) {
	for _, s := range colonInputs(f)[:60] {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := colonLabel(s), colonLabelRe.FindStringSubmatch(s); !reflect.DeepEqual(got, want) {
			t.Errorf("colonLabel(%q) = %q, the pattern gives %q", s, got, want)
		}
	})
}

// TestLeadTitles: the bracket after a lead's title gives each labelled
// title, the romanisation too, and no literal translation ("大河; pinyin:
// Dà Hé" was one alternate title).
func TestLeadTitles(t *testing.T) {
	for in, want := range map[string][]string{
		"French: Illégal":                              {"Illégal"},
		"Illégal":                                      {"Illégal"},
		"Chinese: 大河; pinyin: Dà Hé":                   {"大河", "Dà Hé"},
		"Japanese: 風の音, Hepburn: Kaze no Oto":          {"風の音", "Kaze no Oto"},
		"Russian: Левиафан, romanized: Leviafan":       {"Левиафан", "Leviafan"},
		"Spanish: El río, lit. 'The River'":            {"El río"},
		"French: Ni vu, ni connu":                      {"Ni vu, ni connu"},
		"also known as The River":                      {"The River"},
		"Korean: 기생충; RR: Gisaengchung; lit. Parasite": {"기생충", "Gisaengchung"},
		"lit. 'Salt and Ashes'":                        nil,
		// Audit 13: a pronunciation is no part of the title.
		"Italian: Il Gattopardo [il ɡattoˈpardo]":         {"Il Gattopardo"},
		"French: Les Quatre Cents Coups /le katʁ sɑ̃ ku/": {"Les Quatre Cents Coups"},
		"Spanish: [REC]": {"[REC]"},
	} {
		if got := leadTitles(in); !slices.Equal(got, want) {
			t.Errorf("leadTitles(%q) = %q; want %q", in, got, want)
		}
	}
}
