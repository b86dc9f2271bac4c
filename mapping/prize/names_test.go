package prize

import (
	"testing"

	"github.com/film2ld/film2ld/mapping/internal/mappertest"
)

// TestCastAndCrewNames: how a prize page's credit and cast lines name
// people, each row a page's credits under the same header (lines 1-9).
func TestCastAndCrewNames(t *testing.T) {
	const header = "Published on *Some Prize* (<https://prize.example>)\n\nThe Long Pier\n\nDirected by Ida Lund\n\nNorway\n\n2021\n\n"
	for _, tt := range []struct {
		name    string
		credits string
		want    []string
		notes   []string
	}{
		{
			// Audit 18: "Jr." became an actor playing Willy, and Sammy
			// Davis lost his role.
			name:    "a generational suffix after a comma",
			credits: "Cast: Mia Holm (Sandra), Sammy Davis, Jr. (Willy), Lon Chaney, Sr, Ole Berg, III (the Mayor)\n",
			want: []string{
				"cast: Mia Holm as Sandra@11", "cast: Sammy Davis, Jr. as Willy@11", "cast: Lon Chaney, Sr@11",
				"cast: Ole Berg, III as the Mayor@11",
			},
		},
		{
			// Audit 18: "PSC" became a cinematographer.
			name:    "a society's letters after a crew member's name",
			credits: "Cinematography: Jakub Nowak, PSC\n\nEditing: Eva Roe, ACE & Kim Falk BFE\n\nProducer: Ana Lis (p.g.a.)\n",
			want: []string{
				"contributor/Cinematography: Jakub Nowak@11", "contributor/Editing: Eva Roe@13",
				"contributor/Editing: Kim Falk@13", "producer: Ana Lis@15",
			},
			notes: []string{
				`11: cinematography credit "Jakub Nowak, PSC": PSC after the name is a professional society's or an honour's letters, not a person; left out`,
				`13: editing credit "Eva Roe, ACE": ACE after the name is a professional society's or an honour's letters, not a person; left out`,
				`13: editing credit "Kim Falk BFE": BFE after the name is a professional society's or an honour's letters, not a person; left out`,
				`15: producer "Ana Lis (p.g.a.)": p.g.a. after the name is a professional society's or an honour's letters, not a person; left out`,
			},
		},
		{
			// Audit 18: two actors sharing a part were left out ("it
			// holds the word and"); "Kurt's mother" was the character
			// and "Ilse" its description.
			name: "actors sharing a part, a description before the name",
			credits: "Cast: Jonas Roth (Kurt), August Falk and Lars Weber (the SS officers), Ida Holm & Bo Ek (twins), " +
				"Sandra Lind (Kurt's mother, Ilse), Ole Berg (the mayor, a widower)\n",
			want: []string{
				"cast: Jonas Roth as Kurt@11", "cast: August Falk as the SS officers@11", "cast: Lars Weber as the SS officers@11",
				"cast: Ida Holm as twins@11", "cast: Bo Ek as twins@11", "cast: Sandra Lind as Ilse {Kurt's mother}@11",
				"cast: Ole Berg as the mayor {a widower}@11",
			},
		},
		{
			// Audit 18: a writer with a part in brackets was left out.
			name:    "a credit's part in brackets",
			credits: "Screenplay: Ana Lis (story), Bo Ek (dialogues)\n\nMusic: Kim Falk (songs) & Ida Holm (uncredited)\n",
			want: []string{
				"author/Story: Ana Lis@11", "author/Dialogue: Bo Ek@11", "composer/Songs: Kim Falk@13", "composer: Ida Holm@13",
			},
			notes: []string{
				`11: Screenplay: "Ana Lis (story)": the part in brackets, story, is the credit's role name "Story"`,
				`11: Screenplay: "Bo Ek (dialogues)": the part in brackets, dialogues, is the credit's role name "Dialogue"`,
				`13: Music: "Kim Falk (songs)": the part in brackets, songs, is the credit's role name "Songs"`,
				`13: Music: "Ida Holm (uncredited)": the remark in brackets is left out`,
			},
		},
		{
			name:    "respectively, and a remark after the part",
			credits: "Cast: Ida Holm and Bo Ek (Anna and the Baker, respectively); Mia Sato (Hana). Sato replaced Ana Ruiz\n",
			want:    []string{"cast: Ida Holm as Anna@11", "cast: Bo Ek as the Baker@11", "cast: Mia Sato as Hana@11"},
			notes:   []string{`11: Cast: "Mia Sato (Hana). Sato replaced Ana Ruiz": the remark after the part, "Sato replaced Ana Ruiz", is left out`},
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			want := append([]string{"title: The Long Pier@3", "director: Ida Lund@5", "country: Norway@7", "year: 2021@9"}, tt.want...)
			mappertest.Layout(t, header+tt.credits, "p.txt", Parse, want, tt.notes)
		})
	}
}
