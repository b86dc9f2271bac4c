package mapping

import (
	"fmt"
	"testing"
	"unsafe"

	"github.com/film2ld/film2ld/mapping/film"
)

// TestCreditsShareWhatTheyState: a merged credit is its agent and a
// pointer to its role, role name and source, which the merged view's
// credits of one role, role name and source share, also where other
// credits stand between them; each credit reads its own, and the zero
// Credit reads as none. As fields of every credit they were 48 bytes a
// credit, a fifth of the merge's peak for a page of one person a crew
// line.
func TestCreditsShareWhatTheyState(t *testing.T) {
	if size := unsafe.Sizeof(Credit{}); size > 16 {
		t.Errorf("a Credit is %d bytes; want at most 16", size)
	}
	var zero Credit
	if zero.Role() != "" || zero.RoleName() != "" || zero.Source() != nil {
		t.Errorf("the zero Credit reads %q %q %v", zero.Role(), zero.RoleName(), zero.Source())
	}
	var sources []*film.Source
	// The second source's 20 role names are more than the merge scans
	// (scanCreditsAs) before it keeps an index.
	roleNames := [][]string{{"Sound", "Editing", "Sound", ""}, nil}
	for i := range 20 {
		roleNames[1] = append(roleNames[1], fmt.Sprint("Job ", i))
	}
	// Names far apart in the two sources, which the misspelling pass
	// would otherwise join.
	people := []string{"Crew Member", "Zed Yellow-Quartz"}
	for s, kind := range []film.Kind{film.Encyclopedia, film.Prize} {
		src := &film.Source{Name: fmt.Sprintf("%d.txt", s), Kind: kind, Digest: fmt.Sprint(s)}
		src.Film.Title = film.Text{Value: "Glass Harbour", Line: 1}
		for i := range 40 {
			src.Film.Credits = append(src.Film.Credits, film.Credit{Role: film.Contributor, RoleName: roleNames[s][i%len(roleNames[s])],
				Agent: film.Agent{Name: film.Text{Value: fmt.Sprintf("%s %d", people[s], i), Line: i + 2}}})
		}
		sources = append(sources, src)
	}
	f, err := Merge(sources, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Credits) != 80 {
		t.Fatalf("%d credits; want 80", len(f.Credits))
	}
	shared := map[creditAs]*creditAs{}
	for i, c := range f.Credits {
		var who string
		var n int
		fmt.Sscanf(c.Agent.Name, "%s %s %d", &who, &who, &n)
		s := 0
		if who == "Yellow-Quartz" {
			s = 1
		}
		if c.Role() != film.Contributor || c.RoleName() != roleNames[s][n%len(roleNames[s])] || c.Source() != sources[s] {
			t.Errorf("credit %d, %s: %q %q from %v", i, c.Agent.Name, c.Role(), c.RoleName(), c.Source().Name)
		}
		if as, ok := shared[*c.as]; ok && as != c.as {
			t.Errorf("credit %d, %s: its role, role name and source are not shared", i, c.Agent.Name)
		}
		shared[*c.as] = c.as
	}
	if len(shared) != 23 {
		t.Errorf("%d roles, role names and sources; want 23", len(shared))
	}
}
