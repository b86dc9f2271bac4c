package encyclopedia

import (
	"slices"
	"strings"
	"testing"
)

// Layouts the sample does not show but film articles have.
func TestLayouts(t *testing.T) {
	article := `= Heatwave =

Heatwave (French: Canicule) is a 1999 French comedy film.

- Release date: May 12, 1999 (Cannes), 3 June 1999
- Written by: Luc Martin and Zoé Bernard
- Narrated by: Paul Petit
- Website: heatwave.example

==Reception==
It was liked.

==Cast==
- Zoé Bernard
- Luc Martin as Himself / The Narrator
`
	src, err := Parse(strings.NewReader(article), "a.txt")
	if err != nil {
		t.Fatal(err)
	}
	f := src.Film
	if f.Title.Value != "Heatwave" || f.Year.Value != 1999 || f.Year.Line != 3 {
		t.Errorf("title %q year %v", f.Title.Value, f.Year)
	}
	if len(f.OtherTitles) != 1 || f.OtherTitles[0].Value != "Canicule" {
		t.Errorf("other titles %v", f.OtherTitles)
	}
	var rel []string
	for _, r := range f.Releases {
		rel = append(rel, r.Date.Value+"|"+r.Place)
	}
	if !slices.Equal(rel, []string{"1999-05-12|Cannes", "1999-06-03|"}) {
		t.Errorf("releases %q", rel)
	}
	var credits []string
	for _, c := range f.Credits {
		credits = append(credits, string(c.Role)+"/"+c.RoleName+"="+c.Agent.Name.Value)
	}
	if !slices.Equal(credits, []string{"author/=Luc Martin", "author/=Zoé Bernard", "contributor/Narration=Paul Petit"}) {
		t.Errorf("credits %q", credits)
	}
	if len(f.Cast) != 2 || f.Cast[0].Character != "" || f.Cast[1].Character != "Himself / The Narrator" {
		t.Errorf("cast %+v", f.Cast)
	}
	var notes []string
	for _, n := range src.Notes {
		notes = append(notes, n.Message)
	}
	if !slices.Equal(notes, []string{`infobox field "Website" is not known to film2ld; left out`, `section "reception" is not mapped; its text is left out`}) {
		t.Errorf("notes %q", notes)
	}
}
