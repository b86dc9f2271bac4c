package mapping

import (
	"fmt"
	"slices"
	"testing"

	"github.com/film2ld/film2ld/mapping/film"
)

// TestSpellingSet: a spelling added is found again, with its first place,
// whether the set is one spelling, a short list or indexed, and whatever
// order the spellings come in; one never added is not found;
// leastSpelling is the first by name; the first is the agent's Name.
func TestSpellingSet(t *testing.T) {
	for _, order := range []string{"ascending", "descending", "interleaved"} {
		t.Run(order, func(t *testing.T) {
			a := agent{Agent: &Agent{}}
			want := map[string]int32{} // name → line of its first place
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
				if a.spellingOf(name) != nil {
					t.Fatalf("%q found before it was added", name)
				}
				a.addSpelling(name, place{line: int32(i) + 1})
				want[name] = int32(i) + 1
				if a.spellingCount() != len(want) {
					t.Fatalf("%d spellings after %d adds", a.spellingCount(), len(want))
				}
				for n, line := range want {
					if sp := a.spellingOf(n); sp == nil || sp.line != line {
						t.Fatalf("after %d adds, %q not found with its place (got %+v)", len(want), n, sp)
					}
				}
				least := ""
				for n := range want {
					if least == "" || n < least {
						least = n
					}
				}
				if got, _ := a.leastSpelling(); got != least {
					t.Fatalf("after %d adds, first by name %q, want %q", len(want), got, least)
				}
				if first, _ := a.spellingAt(0); a.Name != first {
					t.Fatalf("after %d adds, the agent's Name is %q, not its first spelling %q", len(want), a.Name, first)
				}
			}
			for i := range a.spellingCount() {
				if name, sp := a.spellingAt(i); a.spellingOf(name) != sp {
					t.Fatalf("spelling %d is %q, which spellingOf finds elsewhere", i, name)
				}
			}
			if a.several() == nil || a.several().index == nil {
				t.Errorf("no index past %d spellings", indexPast)
			}
		})
	}
}

// TestSpellingSources: a spelling's sources are a set in the order met.
func TestSpellingSources(t *testing.T) {
	a, b, c := &film.Source{Name: "a"}, &film.Source{Name: "b"}, &film.Source{Name: "c"}
	var sp spelling // made without a first place: the first source added is its first
	var l sourceLists
	if l.count(&sp) != 0 || l.has(&sp, a) || l.sources(&sp) != nil {
		t.Fatalf("empty spelling: count %d, has a %v, sources %v", l.count(&sp), l.has(&sp, a), l.sources(&sp))
	}
	for _, s := range []*film.Source{b, a, b, c, a, c} {
		l.add(&sp, s)
	}
	if got := l.sources(&sp); !slices.Equal(got, []*film.Source{b, a, c}) || l.count(&sp) != 3 {
		t.Errorf("sources %v (count %d), want b, a, c", got, l.count(&sp))
	}
	if !l.has(&sp, a) || !l.has(&sp, b) || !l.has(&sp, c) || l.has(&sp, &film.Source{Name: "a"}) {
		t.Errorf("has: a %v b %v c %v, another source named a %v", l.has(&sp, a), l.has(&sp, b), l.has(&sp, c), l.has(&sp, &film.Source{Name: "a"}))
	}
}
