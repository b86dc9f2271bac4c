package text

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/film2ld/film2ld/mapping/film"
)

// TestTakeCreditParts: a bracket of lower-case words after a person's
// name in a credit says what part of the job was theirs; it becomes the
// role name (audit 18: "Writer: Edith M. Ward (story)" left the writer
// out). Rows: role, role name, the credit's value; want each credit as
// role/role name: name.
func TestTakeCreditParts(t *testing.T) {
	for _, tt := range []struct {
		role     film.Role
		roleName string
		value    string
		want     []string
		notes    int
	}{
		{film.Author, "", "Edith M. Ward (story), Ralph O'Shea (titles)", []string{"author/Story: Edith M. Ward", "author/Titles: Ralph O'Shea"}, 2},
		{film.Author, "", "Aditya Chopra-Singh (story); Javed Siddiqui (dialogues)", []string{"author/Story: Aditya Chopra-Singh", "author/Dialogue: Javed Siddiqui"}, 2},
		{film.Author, "", "Lena Roth (screenplay) and Ole Berg (original story)", []string{"author/: Lena Roth", "author/Story: Ole Berg"}, 2},
		{film.Author, "", "Marco Neri (soggetto), Ida Sala (sceneggiatura), Pia Conti (dialoghi)",
			[]string{"author/Story: Marco Neri", "author/: Ida Sala", "author/Dialogue: Pia Conti"}, 3},
		{film.Author, "", "Élise Roy (adaptation), Paul Morel (dialogues)", []string{"author/Adaptation: Élise Roy", "author/Dialogue: Paul Morel"}, 2},
		{film.Composer, "", "Ana Lis (score), Bo Ek (songs)", []string{"composer/Score: Ana Lis", "composer/Songs: Bo Ek"}, 2},
		{film.Director, "", "Kim Falk (second unit)", []string{"director/Second unit: Kim Falk"}, 1},
		// A credit with a role name keeps it; the part is left out.
		{film.Contributor, "Cinematography", "Ida Lund (second unit)", []string{"contributor/Cinematography: Ida Lund"}, 1},
		// Not a part: a name, a place, a year, an annotation, dots.
		{film.Author, "", "Ana Lis (Annie)", []string{"author/: Ana Lis (Annie)"}, 0},
		{film.Author, "", "Ana Lis (1950–2011)", []string{"author/: Ana Lis (1950–2011)"}, 0},
		{film.Author, "", "Ana Lis (uncredited)", []string{"author/: Ana Lis"}, 1},
		{film.Producer, "", "Ana Lis (p.g.a.)", []string{"producer/: Ana Lis (p.g.a.)"}, 0},
		{film.Author, "", "Ana Lis (a story of the sea)", []string{"author/: Ana Lis (a story of the sea)"}, 0},
	} {
		credits := Credits(tt.role, tt.roleName, false, tt.value, 3)
		notes := TakeCreditParts("Writer", credits, func(s string) bool { return s == "uncredited" })
		var got []string
		for _, c := range credits {
			got = append(got, fmt.Sprintf("%s/%s: %s", c.Role, c.RoleName, c.Agent.Name.Value))
		}
		if !slices.Equal(got, tt.want) || len(notes) != tt.notes {
			t.Errorf("%q: %q, %d notes; want %q, %d", tt.value, got, len(notes), tt.want, tt.notes)
		}
	}
	credits := Credits(film.Author, "", false, "Edith M. Ward (story), Lena Roth (screenplay)", 6)
	credits = append(credits, Credits(film.Contributor, "Cinematography", false, "Ida Lund (second unit)", 7)...)
	var got []string
	for _, n := range TakeCreditParts("Writer", credits, nil) {
		got = append(got, fmt.Sprintf("%d: %s", n.Line, n.Message))
	}
	want := []string{
		`6: Writer: "Edith M. Ward (story)": the part in brackets, story, is the credit's role name "Story"`,
		`6: Writer: "Lena Roth (screenplay)": the part in brackets, screenplay, is what the label credits`,
		`7: Writer: "Ida Lund (second unit)": the part in brackets, second unit, is left out (the credit's role is Cinematography)`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("notes:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
