package cast

import (
	"fmt"
	"slices"
	"testing"
)

// TestShared: an entry whose actor is a list is a part for each actor,
// sharing the character, or pairing the characters in order when they
// end in "respectively"; a language in brackets after an actor (a dub's
// voice cast) is left out with a note. Each part is
// actor|character|role names|description.
func TestShared(t *testing.T) {
	for _, tt := range []struct {
		entry string
		want  []string // nil: the entry stands as it is
		notes []string
	}{
		// Audit 18: both actors were left out ("it holds the word and").
		{"August Diehl and Lars Eidinger (the SS officers)", []string{"August Diehl|the SS officers|[]|", "Lars Eidinger|the SS officers|[]|"}, nil},
		{"Dante Posani, Carlo Valenzano, Rina De Liguoro – Ball guests (uncredited)",
			[]string{"Dante Posani|Ball guests|[uncredited]|", "Carlo Valenzano|Ball guests|[uncredited]|", "Rina De Liguoro|Ball guests|[uncredited]|"}, nil},
		{"Ida Lund & Bo Ek as twins, the baker's daughters", []string{"Ida Lund|twins|[]|the baker's daughters", "Bo Ek|twins|[]|the baker's daughters"}, nil},
		// Audit 18: "respectively" pairs in order.
		{"Annie Potts and Laurie Metcalf as Bo Peep and Mrs. Davis respectively",
			[]string{"Annie Potts|Bo Peep|[]|", "Laurie Metcalf|Mrs. Davis|[]|"}, nil},
		{"Ida Lund, Bo Ek and Kim Falk as Anna, the Mayor, and Oda, respectively",
			[]string{"Ida Lund|Anna|[]|", "Bo Ek|the Mayor|[]|", "Kim Falk|Oda|[]|"}, nil},
		{"Élodie Roy et Marc Janssens : Lise et Paul, respectivement", []string{"Élodie Roy|Lise|[]|", "Marc Janssens|Paul|[]|"}, nil},
		{"Ida Lund and Bo Ek (voice) as Pip & Pop respectively", []string{"Ida Lund|Pip|[voice]|", "Bo Ek|Pop|[voice]|"}, nil},
		{"Ida Lund and Bo Ek as Anna, Nina and Oda respectively", []string{"Ida Lund||[]|", "Bo Ek||[]|"},
			[]string{`"Anna, Nina, Oda": 3 characters for 2 actors, which "respectively" pairs in order; the characters are left out`}},
		// Audit 18: a dub's voice cast, one actor a language.
		{"Aoi Nakamura (Japanese); Cherami Leigh-Watts (English) as Hina Aoyama",
			[]string{"Aoi Nakamura|Hina Aoyama|[]|", "Cherami Leigh-Watts|Hina Aoyama|[]|"},
			[]string{`"Aoi Nakamura (Japanese); Cherami Leigh-Watts (English)": each actor is kept with the part; the languages in brackets (Japanese, English) are left out (schema.org has no term for a version's cast)`}},
		{"Kenji Ito (Japanese), Erica Mendez (English dub) – Grandmother Aoyama (voice)",
			[]string{"Kenji Ito|Grandmother Aoyama|[voice]|", "Erica Mendez|Grandmother Aoyama|[voice]|"},
			[]string{`"Kenji Ito (Japanese), Erica Mendez (English dub)": each actor is kept with the part; the languages in brackets (Japanese, English dub) are left out (schema.org has no term for a version's cast)`}},
		{"Kōichi Yamadera (Japanese) as the Star Keeper", []string{"Kōichi Yamadera|the Star Keeper|[]|"},
			[]string{`"Kōichi Yamadera (Japanese)": each actor is kept with the part; the language in brackets (Japanese) is left out (schema.org has no term for a version's cast)`}},
		{"Lotte Brenner (deutsch) / Ana Ruiz (español) als Inge", []string{"Lotte Brenner|Inge|[]|", "Ana Ruiz|Inge|[]|"},
			[]string{`"Lotte Brenner (deutsch) / Ana Ruiz (español)": each actor is kept with the part; the languages in brackets (deutsch, español) are left out (schema.org has no term for a version's cast)`}},
		// One actor, or a list that is no list of names: as it is.
		{"Anne Coesens as Tania", nil, nil},
		{"Sammy Davis, Jr. as Josh Howard", nil, nil},
		{"Ana Ruiz as Anna and Nina respectively", nil, nil},
		{"Ida Lund (older) as Anna", nil, nil},
		{"The Band and the Crew – themselves", nil, nil},
	} {
		m, ok := Parse(tt.entry)
		if !ok {
			t.Fatalf("Parse(%q) failed", tt.entry)
		}
		parts, notes := Shared(m)
		var got []string
		for _, p := range parts {
			got = append(got, fmt.Sprintf("%s|%s|%v|%s", p.Actor.Value, p.Character, p.RoleNames(), p.Description()))
		}
		if !slices.Equal(got, tt.want) || !slices.Equal(notes, tt.notes) {
			t.Errorf("Shared(%q) = %q, notes %q\nwant %q, notes %q", tt.entry, got, notes, tt.want, tt.notes)
		}
		// Each part's role names are its own.
		for i := range parts {
			if parts[i].Details != nil && len(parts) > 1 && parts[i].Details == parts[(i+1)%len(parts)].Details {
				t.Errorf("Shared(%q): parts share their details", tt.entry)
			}
		}
	}
}
