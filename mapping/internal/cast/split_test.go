package cast

import (
	"slices"
	"strings"
	"testing"

	"github.com/film2ld/film2ld/mapping/film"
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
		{"Ana Ruiz as the Ferryman & the Ghost", []string{"the Ferryman", "the Ghost"}},
		{"Elin Berg – la Veuve et le Douanier", []string{"la Veuve", "le Douanier"}},
		{"Lotte Brenner: die Wirtin und die Tochter", []string{"die Wirtin", "die Tochter"}},
		{"Rocco Amato come il barbiere e il sindaco", []string{"il barbiere", "il sindaco"}},
		{"Pilar Vidal como la abuela y el nieto", []string{"la abuela", "el nieto"}},
		// Role names and descriptions go with each part.
		{"Mia Berg as Pip / Pop (voice)", []string{"Pip", "Pop"}},
		// One character, or unsure: kept whole. Bare words joined by
		// "and" may be one name (a pair known by it), in any language.
		{"- Tóth-Baranyi Júlia as Salt and Pepper", []string{"Salt and Pepper"}},
		{"Nuria Gil as Sal y Pimienta", []string{"Sal y Pimienta"}},
		{"Moussa Ag Assarid (Salz und Pfeffer)", []string{"Salz und Pfeffer"}},
		{"Salomé (Sel et Poivre)", []string{"Sel et Poivre"}},
		{"Totò Esposito: Sale e Pepe", []string{"Sale e Pepe"}},
		{"Ana Ruiz as Anna and Nina", []string{"Anna and Nina"}},
		{"Ana Ruiz : Chiara et Nora", []string{"Chiara et Nora"}},
		{"Pilar Vidal como Lucía y Marta", []string{"Lucía y Marta"}},
		{"Ana Ruiz as Anna Berg & Nina Holm", []string{"Anna Berg & Nina Holm"}},
		{"Jon Ek as Salt & Sugar", []string{"Salt & Sugar"}},
		// An article on one side only, or a side of one word.
		{"Jon Ek as the Salt and Pepper", []string{"the Salt and Pepper"}},
		{"Jon Ek as Ebb and the Flood", []string{"Ebb and the Flood"}},
		{"Aminatou Zeinabou (Die Frau des Händlers und die Erzählerin)", []string{"Die Frau des Händlers und die Erzählerin"}},
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
		m, ok := Parse(strings.TrimPrefix(tt.entry, "- "))
		if !ok {
			t.Fatalf("Parse(%q) failed", tt.entry)
		}
		parts := Split(m)
		var got []string
		for _, p := range parts {
			if p.Actor != m.Actor || !slices.Equal(p.RoleNames(), m.RoleNames()) || p.Description() != m.Description() {
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

// TestSplitTitle: a character text that is a title the document states
// (the film's, a segment's) names the work, and stays whole even where
// two roles would otherwise be read.
func TestSplitTitle(t *testing.T) {
	for _, tt := range []struct {
		entry  string
		titles []string
		want   int
	}{
		{"Salomé : le Sel et la Lune", []string{"Le Sel et la Lune"}, 1},
		{"Salomé : le Sel et la Lune", []string{"Salt and the Moon", "Autre"}, 2},
		{"Kim Falk as the Widow and the Sea", []string{"", "The Widow and the Sea"}, 1},
		{"Kim Falk as «the Widow and the Sea»", []string{"the widow and the sea"}, 1},
		{"Rocco Amato: il Pescatore / la Sirena", []string{"Il pescatore / La sirena"}, 1},
		{"Rocco Amato: il Pescatore / la Sirena", nil, 2},
		{"Lena Roth als die Fähre und das Meer", []string{"Die Fähre und das Meer"}, 1},
	} {
		m, ok := Parse(tt.entry)
		if !ok {
			t.Fatalf("Parse(%q) failed", tt.entry)
		}
		if got := Split(m, tt.titles...); len(got) != tt.want {
			t.Errorf("Split(%q, %q) = %d parts %+v, want %d", tt.entry, tt.titles, len(got), got, tt.want)
		}
	}
}

// Splits says whether Split makes several parts, for every entry of
// TestSplit's kinds and a title.
func TestSplitsAgreesWithSplit(t *testing.T) {
	for _, c := range []string{"Anna / Nina", "Chiara; Nora", "the Harbourmaster and the Moon", "Salt and Pepper",
		"le Sel et la Lune", "Vesna", "", "Anna / narrator", "the Mayor and the Priest"} {
		m := film.CastMember{Actor: film.Text{Value: "Ana Ruiz"}, Character: c}
		for _, titles := range [][]string{nil, {"Le Sel et la Lune"}, {"The Mayor and the Priest"}} {
			if got, want := Splits(m, titles...), len(Split(m, titles...)) > 1; got != want {
				t.Errorf("Splits(%q, %q) = %v, Split made %d parts", c, titles, got, len(Split(m, titles...)))
			}
		}
	}
}

// firstIsAnnotation, annotationsOf's shortcut, never turns away a text
// that is annotations alone.
func TestFirstIsAnnotationKeepsAnnotations(t *testing.T) {
	texts := []string{"Voice, Uncredited", "cameo and voice", " VOICE ; archive footage ", "uncredited;cameo", "Voice And Uncredited", "VOICE AND UNCREDITED"}
	for k := range Annotations {
		texts = append(texts, k, strings.ToUpper(k), k+", "+k, k+" and voice")
	}
	for _, s := range texts {
		if _, ok := annotationsOf(s); ok && !firstIsAnnotation(s) {
			t.Errorf("firstIsAnnotation(%q) is false; annotationsOf reads it", s)
		}
	}
	for _, s := range []string{"Vesna", "the ferryman", "Dana, a nurse"} {
		if firstIsAnnotation(s) {
			t.Errorf("firstIsAnnotation(%q) is true", s)
		}
	}
}
