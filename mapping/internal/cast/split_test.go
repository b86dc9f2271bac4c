package cast

import (
	"slices"
	"testing"
)

// TestSplit: an entry that names two characters is a part for each; one
// that may name one character, however it is joined, stays whole.
func TestSplit(t *testing.T) {
	for _, tt := range []struct {
		entry string
		want  []string // the characters, one a part
	}{
		{"Pia Holm as Anna / Nina", []string{"Anna", "Nina"}},
		{"Pia Holm as Anna/Nina", []string{"Anna", "Nina"}},
		{"Pia Holm – Policier 1 / Policier 2", []string{"Policier 1", "Policier 2"}},
		{"Ola Dahl as Chiara; Nora", []string{"Chiara", "Nora"}},
		{"Ana Ruiz as the Harbourmaster and the Moon", []string{"the Harbourmaster", "the Moon"}},
		{"Ana Ruiz as Anna and Nina", []string{"Anna", "Nina"}},
		{"Ana Ruiz as Anna Berg & Nina Holm", []string{"Anna Berg", "Nina Holm"}},
		{"Lotte Brenner: die Wirtin und die Tochter", []string{"die Wirtin", "die Tochter"}},
		{"Rocco Amato come il barbiere e il sindaco", []string{"il barbiere", "il sindaco"}},
		{"Ana Ruiz : Chiara et Nora", []string{"Chiara", "Nora"}},
		{"Pilar Vidal como Lucía y Marta", []string{"Lucía", "Marta"}},
		// Role names and descriptions go with each part.
		{"Mia Berg as Pip / Pop (voice)", []string{"Pip", "Pop"}},
		// One character, or unsure: kept whole.
		{"Lea Stern as Twins Ada and Ida", []string{"Twins Ada and Ida"}},
		{"Tom Berg as Romeo and Juliet", []string{"Romeo and Juliet"}},
		{"Kim Falk as Bonnie and Clyde", []string{"Bonnie and Clyde"}},
		{"Kim Falk as the Old Man and the Sea", []string{"the Old Man and the Sea"}},
		{"Kim Falk as Beauty and the Beast", []string{"Beauty and the Beast"}},
		{"Kim Falk as Mr. and Mrs. Smith", []string{"Mr. and Mrs. Smith"}},
		{"Kim Falk as Lord and Lady Grey", []string{"Lord and Lady Grey"}},
		{"Kim Falk as the Narrator of Romeo and Juliet", []string{"the Narrator of Romeo and Juliet"}},
		{"Kim Falk as the baker and his wife's cousin", []string{"the baker and his wife's cousin"}},
		{"Kim Falk as Anna and Nina and Ida", []string{"Anna and Nina and Ida"}},
		{"Kim Falk as Anna (older) / Nina", []string{"Anna (older) / Nina"}},
		{"Kim Falk as Anna / narrator", []string{"Anna / narrator"}},
		{"Kim Falk as himself / Nina", nil},
		{"Kim Falk as 24/7", []string{"24/7"}},
	} {
		m, ok := Parse(tt.entry)
		if !ok {
			t.Fatalf("Parse(%q) failed", tt.entry)
		}
		parts := Split(m)
		var got []string
		for _, p := range parts {
			if p.Actor != m.Actor || !slices.Equal(p.RoleNames, m.RoleNames) || p.Description != m.Description {
				t.Errorf("Split(%q): part %+v lost the entry's actor, role names or description %+v", tt.entry, p, m)
			}
			if p.Character != "" {
				got = append(got, p.Character)
			}
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("Split(%q) = %q, want %q", tt.entry, got, tt.want)
		}
	}
}
