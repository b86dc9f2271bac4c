package prize

import (
	"slices"
	"strings"
	"testing"

	"github.com/film2ld/film2ld/mapping/film"
)

// Layouts the samples do not show but prize pages have.
func TestLayouts(t *testing.T) {
	page := `Published on *Some Prize* (<https://prize.example>)

Only Title

Jan Kowalski, Maria Nowak

Poland

2021

Screenplay:

Jan Kowalski

Cast: Ola Nowak, Piotr Wiśniewski (The Neighbour (older)), Ewa Lis (Ewa)

Producer: Anna & Tomasz Lis

Co-production: Fox & Hound Films, Studio A

International sales: Sales Co 1 Marszałkowska, 00-001 Warszawa, Poland Tel: +48 22 000 00 00 sales@sales.example
`
	src, err := Parse(strings.NewReader(page), "p.txt")
	if err != nil {
		t.Fatal(err)
	}
	f := src.Film
	if f.Title.Value != "Only Title" || len(f.OtherTitles) != 0 {
		t.Errorf("title %q, others %v", f.Title.Value, f.OtherTitles)
	}
	if f.Runtime.Set || f.Year.Value != 2021 || f.Trailer.Value != "" || len(f.Descriptions) != 0 {
		t.Errorf("runtime %v, year %v, trailer %q, descriptions %v", f.Runtime, f.Year, f.Trailer.Value, f.Descriptions)
	}
	credits := map[string][]string{}
	for _, c := range f.Credits {
		k := string(c.Role) + "/" + c.RoleName
		credits[k] = append(credits[k], c.Agent.Name.Value)
	}
	want := map[string][]string{
		"director/":                       {"Jan Kowalski", "Maria Nowak"},
		"author/":                         {"Jan Kowalski"},
		"producer/":                       {"Anna Lis", "Tomasz Lis"},
		"productionCompany/Co-production": {"Fox & Hound Films", "Studio A"},
		"contributor/World sales":         {"Sales Co"},
	}
	for k, v := range want {
		if !slices.Equal(credits[k], v) {
			t.Errorf("%s = %q; want %q", k, credits[k], v)
		}
	}
	var cast []string
	for _, c := range f.Cast {
		cast = append(cast, c.Actor.Value+"|"+c.Character)
	}
	if !slices.Equal(cast, []string{"Ola Nowak|", "Piotr Wiśniewski|The Neighbour (older)", "Ewa Lis|Ewa"}) {
		t.Errorf("cast %q", cast)
	}
	var sales *film.Contact
	for _, c := range f.Credits {
		if c.RoleName == "World sales" {
			sales = c.Agent.Contact
		}
	}
	if sales == nil || sales.Address != "1 Marszałkowska, 00-001 Warszawa, Poland" || sales.Telephone != "+48 22 000 00 00" || sales.Email != "sales@sales.example" || sales.Fax != "" {
		t.Errorf("sales contact %+v", sales)
	}
}
