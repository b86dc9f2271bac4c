package prize

import (
	"slices"
	"strings"
	"testing"

	"github.com/film2ld/film2ld/mapping/film"
)

// TestCrewJobs: the common crew jobs no schema.org property has (a
// gaffer, a colourist, a key grip, a stunt coordinator), in the page's
// language or in English, are contributors with an English role name and
// no note; unknown, they ran into the synopsis above them, which ends only
// at a label film2ld knows.
func TestCrewJobs(t *testing.T) {
	for _, tc := range []struct {
		name, credits string
		want          []string
	}{
		{"english", "Gaffer: Ivo Lund\n\nColourist: Pia Holm\n\nKey grip: Tom Berg\n\nStunt coordinator: Ola Dahl",
			[]string{"Gaffer: Ivo Lund", "Colorist: Pia Holm", "Key grip: Tom Berg", "Stunts: Ola Dahl"}},
		{"french", "Chef électricien : Ivo Lund\n\nÉtalonnage : Pia Holm\n\nScripte : Tom Berg\n\nEffets visuels : Ola Dahl",
			[]string{"Gaffer: Ivo Lund", "Colorist: Pia Holm", "Script supervisor: Tom Berg", "Visual effects: Ola Dahl"}},
		{"german", "Oberbeleuchter: Ivo Lund\n\nFarbkorrektur: Pia Holm\n\nCasting: Tom Berg",
			[]string{"Gaffer: Ivo Lund", "Colorist: Pia Holm", "Casting: Tom Berg"}},
		{"spanish and italian", "Jefe de eléctricos: Ivo Lund\n\nCapo macchinista: Pia Holm\n\nDiseño de sonido: Tom Berg",
			[]string{"Gaffer: Ivo Lund", "Key grip: Pia Holm", "Sound: Tom Berg"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			page := "Published on *Some Prize* (<https://prize.example>)\n\nOnly Title\n\nJan Kowalski\n\nPoland\n\n2021\n\n" +
				"Synopsis:\n\nA harbour in winter.\n\n" + tc.credits + "\n\nSource URL (retrieved on 23-11-2017): <https://prize.example/f>\n"
			src, err := Parse(strings.NewReader(page), "p.txt")
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, c := range src.Film.Credits {
				if c.Role == "contributor" {
					got = append(got, c.RoleName+": "+c.Agent.Name.Value)
				}
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("contributors %q, want %q", got, tc.want)
			}
			if d := src.Film.Descriptions; len(d) != 1 || d[0].Value != "A harbour in winter." {
				t.Errorf("synopsis %v", d)
			}
			for _, n := range src.Notes {
				if strings.Contains(n.Message, "not a known crew role") {
					t.Errorf("note %q", n.Message)
				}
			}
		})
	}
}

// TestSegmentsAreNoCrew: an anthology's segments under their label, in
// any of the page's languages, are a note; as an unknown label, each
// segment's title was a crew member.
func TestSegmentsAreNoCrew(t *testing.T) {
	for _, l := range []string{"Segments", "Episodes", "Épisodes", "Episoden", "Episodi", "Segmentos"} {
		page := "Published on *Some Prize* (<https://prize.example>)\n\nOnly Title\n\nJan Kowalski\n\nPoland\n\n2021\n\n" +
			"Synopsis:\n\nA harbour in winter.\n\nDirector: Jan Kowalski\n\n" + l + ": The Ferry, Salt\n\n" +
			"Source URL (retrieved on 23-11-2017): <https://prize.example/f>\n"
		src, err := Parse(strings.NewReader(page), "p.txt")
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range src.Film.Credits {
			if c.Role != "director" {
				t.Errorf("%s: credit %+v", l, c)
			}
		}
		if !slices.ContainsFunc(src.Notes, func(n film.Note) bool { return strings.Contains(n.Message, "is not mapped; left out") }) {
			t.Errorf("%s: no note in %v", l, src.Notes)
		}
	}
}
