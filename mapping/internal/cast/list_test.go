package cast

import (
	"fmt"
	"slices"
	"testing"

	"github.com/film2ld/film2ld/mapping/film"
)

// TestListLeavesOutRepeats: a part that repeats an earlier one word for
// word is left out and counted, whether the cast is short (scanned) or
// long (indexed); a part that differs in anything but where it stands
// is kept, in the order met.
func TestListLeavesOutRepeats(t *testing.T) {
	part := func(actor, character, desc string, line int, roles ...string) film.CastMember {
		return film.CastMember{Actor: film.Text{Value: actor, Line: line}, Character: character,
			Details: &film.CastDetails{Description: desc, RoleNames: roles}}
	}
	for _, distinct := range []int{3, scanUpTo, scanUpTo + 1, 500} {
		t.Run(fmt.Sprint(distinct), func(t *testing.T) {
			var l List
			var cast, want []film.CastMember
			line := 0
			add := func(m film.CastMember) { cast = l.Add(cast, m) }
			for i := range distinct {
				line++
				m := part(fmt.Sprintf("Actor Number%04d", i), "Guard", "", line)
				want = append(want, m)
				add(m)
			}
			// Parts that differ from the first in one thing each: kept.
			variants := []film.CastMember{
				part("Actor Number0000", "Warden", "", 0),
				part("Actor Number0000", "Guard", "a tired man", 0),
				part("Actor Number0000", "Guard", "", 0, "voice"),
				part("Actor Number0000", "Guard", "", 0, "voice", "uncredited"),
				part("Actor Number0000", "", "", 0, "himself"),
				part("Actor Number00000", "Guard", "", 0),
			}
			for _, m := range variants {
				line++
				m.Actor.Line = line
				want = append(want, m)
				add(m)
			}
			// Every part again, on other lines: all left out.
			firstRepeat := line + 1
			for _, m := range slices.Clone(want) {
				line++
				m.Actor.Line = line
				add(m)
			}
			if !slices.EqualFunc(cast, want, func(a, b film.CastMember) bool { return same(&a, &b) && a.Actor.Line == b.Actor.Line }) {
				t.Fatalf("cast of %d parts, want the %d met first, in order", len(cast), len(want))
			}
			n, ok := l.Note()
			if !ok || n.Line != firstRepeat {
				t.Fatalf("note %+v, %v; want one on line %d", n, ok, firstRepeat)
			}
			if wantMsg := fmt.Sprintf("%d cast entries repeat an earlier one word for word (the first on this line); left out", len(want)); n.Message != wantMsg {
				t.Errorf("note %q, want %q", n.Message, wantMsg)
			}
		})
	}
	var l List
	cast := l.Add(nil, part("Anne Coesens", "Tania", "", 1))
	if _, ok := l.Note(); ok {
		t.Error("a note with no part left out")
	}
	cast = l.Add(cast, part("Anne Coesens", "Tania", "", 2))
	if n, _ := l.Note(); len(cast) != 1 || n.Message != "1 cast entry repeats an earlier one word for word (the first on this line); left out" {
		t.Errorf("%d parts, note %q", len(cast), n.Message)
	}
}

// FuzzListMatchesNaive holds List to the plain rule it implements: keep a
// part unless an earlier kept part is the same word for word, for casts
// of any length (a scan up to scanUpTo, an index past it). Each byte
// picks a part from a small set, so that repeats and near-misses are
// common.
func FuzzListMatchesNaive(f *testing.F) {
	f.Add([]byte{0, 1, 0, 2, 3, 3, 0})
	f.Add([]byte("a cast long enough to be indexed, with repeats: abcabcabc xyzzy"))
	actors := []string{"Ilinca Pop", "Radu Marin", "Ilinca  Pop", "ilinca pop"}
	characters := []string{"", "Vesna", "vesna", "Petre"}
	roles := [][]string{nil, {"voice"}, {"voice", "uncredited"}, {"uncredited", "voice"}}
	f.Fuzz(func(t *testing.T, picks []byte) {
		var l List
		var got, want []film.CastMember
		dropped := 0
		for i, b := range picks {
			m := film.CastMember{Actor: film.Text{Value: actors[b&3], Line: i + 1}, Character: characters[b>>2&3]}
			if roles := roles[b>>4&3]; roles != nil || b>>6 == 1 {
				m.Details = &film.CastDetails{RoleNames: roles}
			}
			if b>>6 == 1 {
				m.Details.Description = "a ferryman"
			}
			got = l.Add(got, m)
			if slices.ContainsFunc(want, func(k film.CastMember) bool { return same(&k, &m) }) {
				dropped++
			} else {
				want = append(want, m)
			}
		}
		if !slices.EqualFunc(got, want, func(a, b film.CastMember) bool { return same(&a, &b) && a.Actor.Line == b.Actor.Line }) {
			t.Fatalf("kept %d parts, the plain rule %d", len(got), len(want))
		}
		if _, noted := l.Note(); noted != (dropped > 0) || l.dropped != dropped {
			t.Fatalf("noted %v, %d left out; the plain rule left out %d", noted, l.dropped, dropped)
		}
	})
}
