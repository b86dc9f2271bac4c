package mapping

import (
	"testing"

	"github.com/film2ld/film2ld/mapping/film"
)

// TestEveryRoleHasAProperty: a role the film model gains needs its line in
// the renderer, or its credits would be written under "".
func TestEveryRoleHasAProperty(t *testing.T) {
	roles := []film.Role{film.Director, film.Author, film.Producer, film.Composer, film.ProductionCompany, film.Contributor}
	seen := map[string]bool{}
	for _, r := range roles {
		p := properties[r]
		if p == "" || seen[p] {
			t.Errorf("role %q has property %q", r, p)
		}
		seen[p] = true
	}
	if len(properties) != len(roles) {
		t.Errorf("%d properties for %d roles", len(properties), len(roles))
	}
}
