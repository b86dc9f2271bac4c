package text

import (
	"testing"

	"github.com/film2ld/film2ld/mapping/film"
)

// TestRoleNote: a company's part in brackets is taken from its name
// ("Televisión Española (co-production)" was a company of that name;
// audit 15), in the languages of the pages; a bracket that is part of
// the name, or a territory (dropped elsewhere, with its own note), stays.
func TestRoleNote(t *testing.T) {
	for _, tt := range []struct {
		role                 film.Role
		name, want, roleName string
		note                 string
	}{
		{film.ProductionCompany, "Radio Télévision Suisse (co-production)", "Radio Télévision Suisse", "Co-production", "co-production"},
		{film.ProductionCompany, "Kinoteka (Coproduction)", "Kinoteka", "Co-production", "Coproduction"},
		{film.ProductionCompany, "Halcón Films (coproducción)", "Halcón Films", "Co-production", "coproducción"},
		{film.ProductionCompany, "Studio Weser (Koproduktion)", "Studio Weser", "Co-production", "Koproduktion"},
		{film.ProductionCompany, "Lupa Film (in coproduzione con)", "Lupa Film", "Co-production", "in coproduzione con"},
		{film.ProductionCompany, "Nordvik Media (in association with)", "Nordvik Media", "", "in association with"},
		{film.ProductionCompany, "Blue Ox (minority co-producer)", "Blue Ox", "Co-production", "minority co-producer"},
		{film.ProductionCompany, "Harbour Pictures (executive production)", "Harbour Pictures", "", "executive production"},
		{film.ProductionCompany, "Fjord Film (uncredited)", "Fjord Film", "", "uncredited"},
		// A label's role name stays: the note only confirms it.
		{film.Contributor, "Kite Distribution (distributor)", "Kite Distribution", "Distribution", "distributor"},
		// Part of the name, or a territory: kept here.
		{film.ProductionCompany, "Studio (Nine)", "Studio (Nine)", "", ""},
		{film.ProductionCompany, "Working Title Films (UK)", "Working Title Films (UK)", "", ""},
		{film.ProductionCompany, "Les Films (de)", "Les Films (de)", "", ""},
		{film.ProductionCompany, "(co-production)", "(co-production)", "", ""},
		{film.ProductionCompany, "Ostra Film", "Ostra Film", "", ""},
	} {
		c := film.Credit{Role: tt.role, Agent: film.Agent{Name: film.Text{Value: tt.name}, Organization: true}}
		if tt.role == film.Contributor {
			c.RoleName = "Distribution"
		}
		note := roleNote(&c)
		if c.Agent.Name.Value != tt.want || c.RoleName != tt.roleName || note != tt.note {
			t.Errorf("roleNote(%q) = %q, role name %q, note %q; want %q, %q, %q", tt.name, c.Agent.Name.Value, c.RoleName, note, tt.want, tt.roleName, tt.note)
		}
	}
}
