package mapping

import (
	"fmt"
	"slices"
	"testing"

	"github.com/film2ld/film2ld/mapping/film"
)

// TestSpellingSet: a spelling added is found again, with its first place,
// whether the set is a short list or indexed, and whatever order the
// spellings come in; one never added is not found; first is the first by
// name.
func TestSpellingSet(t *testing.T) {
	for _, order := range []string{"ascending", "descending", "interleaved"} {
		t.Run(order, func(t *testing.T) {
			var s spellingSet
			want := map[string]int{} // name → line of its first place
			n := 3 * indexPast
			for k := range n {
				i := k
				switch order {
				case "descending":
					i = n - 1 - k
				case "interleaved":
					i = (k * 7) % n // 7 and 24 are coprime: every i once
				}
				name := fmt.Sprintf("Anna Lindqvist %c", 'a'+i)
				if s.get(name) != nil {
					t.Fatalf("%q found before it was added", name)
				}
				s.add(name, place{line: i + 1})
				want[name] = i + 1
				if s.len() != len(want) {
					t.Fatalf("len %d after %d adds", s.len(), len(want))
				}
				for n, line := range want {
					if sp := s.get(n); sp == nil || sp.name != n || sp.first.line != line {
						t.Fatalf("after %d adds, %q not found with its place (got %+v)", len(want), n, sp)
					}
				}
				least := ""
				for n := range want {
					if least == "" || n < least {
						least = n
					}
				}
				if got := s.first().name; got != least {
					t.Fatalf("after %d adds, first by name %q, want %q", len(want), got, least)
				}
			}
			for i := range s.len() {
				if sp := s.at(i); s.get(sp.name) != sp {
					t.Fatalf("at(%d) is %q, which get finds elsewhere", i, sp.name)
				}
			}
			if s.rest == nil || s.rest.index == nil {
				t.Errorf("no index past %d spellings", indexPast)
			}
		})
	}
}

// TestSpellingSources: a spelling's sources are a set in the order met.
func TestSpellingSources(t *testing.T) {
	a, b, c := &film.Source{Name: "a"}, &film.Source{Name: "b"}, &film.Source{Name: "c"}
	var sp spelling // made without a first place: the first source added is its first
	if sp.count() != 0 || sp.has(a) || sp.sources() != nil {
		t.Fatalf("empty spelling: count %d, has a %v, sources %v", sp.count(), sp.has(a), sp.sources())
	}
	for _, s := range []*film.Source{b, a, b, c, a, c} {
		sp.add(s)
	}
	if got := sp.sources(); !slices.Equal(got, []*film.Source{b, a, c}) || sp.count() != 3 {
		t.Errorf("sources %v (count %d), want b, a, c", got, sp.count())
	}
	if !sp.has(a) || !sp.has(b) || !sp.has(c) || sp.has(&film.Source{Name: "a"}) {
		t.Errorf("has: a %v b %v c %v, another source named a %v", sp.has(a), sp.has(b), sp.has(c), sp.has(&film.Source{Name: "a"}))
	}
}
