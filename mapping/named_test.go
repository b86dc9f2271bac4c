package mapping_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/film2ld/film2ld/mapping"
	"github.com/film2ld/film2ld/mapping/film"
)

// Film.NamedAt gives each agent of the merged view the first place the
// preferred document names it, in any spelling; a source's own view,
// which shares the agents, says it does not know.
func TestNamedAt(t *testing.T) {
	article := "= Kite Hill (2021 film) =\n\nKite Hill\n- Director: Ola Berg\n- Music: Siri Moe\n\n" +
		"Kite Hill is a 2021 Norwegian drama film directed by Ola Berg.\n\n==Cast==\n- Kari Lund as Ingrid\n- Siri Moe as Astrid\n"
	page := "Universal acclaim - based on 1 Critics\n\n  1. Reviewed by: KARI LUND\n    Score: 90\n    May 2, 2015\n    A tide of a film.\n"
	var sources []*film.Source
	for _, d := range []struct{ name, text string }{{"reviews.txt", page}, {"article.txt", article}} {
		s, err := mapping.Map(strings.NewReader(d.text), d.name, "")
		if err != nil {
			t.Fatal(err)
		}
		sources = append(sources, s)
	}
	for _, merged := range []bool{true, false} {
		f, err := mapping.Merge(sources, mapping.Options{MergedOnly: merged})
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]string{}
		for _, a := range f.Agents {
			if s, line := f.NamedAt(a); s != nil {
				got[a.Name] = fmt.Sprintf("%s:%d", s.Name, line)
			}
		}
		want := map[string]string{"Ola Berg": "article.txt:4", "Siri Moe": "article.txt:5", "Kari Lund": "article.txt:10"}
		for name, at := range want {
			if got[name] != at {
				t.Errorf("%s named at %q; want %q (all %v)", name, got[name], at, got)
			}
		}
		for _, v := range f.Views {
			for _, a := range v.Agents {
				if s, line := v.NamedAt(a); s != nil || line != 0 {
					t.Errorf("%s's view names %s at %s:%d; want no place", v.Source.Name, a.Name, s.Name, line)
				}
			}
		}
	}
}
