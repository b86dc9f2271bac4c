package mapping

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/film2ld/film2ld/mapping/film"
)

// castByActor is merger.cast as it was before it gathered only the actors
// of several parts: every part grouped by actor in a map, each actor and
// character built as a struct. It is the reference the rewrite must match.
func (m *merger) castByActor(f *Film) {
	type stated struct {
		spellings   []string
		roleNames   []string
		description string
		from        *film.Source
		line        int
	}
	type actor struct {
		agent              *agent
		characters         []*stated
		roleOnly           []roleOnly
		characterRoleNames map[*film.Source][]string
		from               *film.Source
	}
	var actors []*actor
	byAgent := map[*agent]*actor{}
	for _, s := range m.sources {
		for _, cm := range s.Film.Cast {
			a := m.res.lookup(false, cm.Actor.Value)
			ac := byAgent[a]
			if ac == nil {
				ac = &actor{agent: a, characterRoleNames: map[*film.Source][]string{}}
				byAgent[a] = ac
				actors = append(actors, ac)
			}
			if cm.Character == "" {
				ac.roleOnly = append(ac.roleOnly, roleOnly{s, cm.RoleNames()})
				continue
			}
			ac.characterRoleNames[s] = appendNew(ac.characterRoleNames[s], cm.RoleNames()...)
			if i := slices.IndexFunc(ac.characters, func(st *stated) bool { return fold(st.spellings[0]) == fold(cm.Character) }); i >= 0 {
				st := ac.characters[i]
				if !slices.Contains(st.spellings, cm.Character) {
					st.spellings = append(st.spellings, cm.Character)
				}
				st.roleNames = appendNew(st.roleNames, cm.RoleNames()...)
				if st.description == "" {
					st.description = cm.Description()
				}
				continue
			}
			if ac.from == nil || ac.from == s {
				ac.from = s
				ac.characters = append(ac.characters, &stated{spellings: []string{cm.Character},
					roleNames: slices.Clone(cm.RoleNames()), description: cm.Description(), from: s, line: cm.Actor.Line})
				continue
			}
			kept := ac.characters[0]
			m.diag(Warning, "", 0, "characterName of %s: %s (%s) vs %s (%s); kept %s",
				a.Name, kept.spellings[0], where(kept.from, kept.line), cm.Character, where(s, cm.Actor.Line), bestSpelling(kept.spellings))
		}
	}
	for _, ac := range actors {
		who := m.view(ac.agent)
		roleNames, own := splitRoleOnly(ac.roleOnly, ac.characterRoleNames)
		if len(ac.characters) == 0 {
			f.Cast = append(f.Cast, performance(who, "", roleNames, "", nil))
			continue
		}
		for _, st := range ac.characters {
			f.Cast = append(f.Cast, performance(who, bestSpelling(st.spellings),
				appendNew(slices.Clone(st.roleNames), roleNames...), st.description, ac.from))
		}
		for _, names := range own {
			f.Cast = append(f.Cast, performance(who, "", appendNew(nil, names...), "", nil))
		}
	}
}

// randomCasts returns one to three sources whose casts draw actors,
// characters (in other cases and accents too), role names and
// descriptions from small pools, so that actors recur within and across
// sources, characters agree and conflict, and some actors have a dozen
// parts (past characterAt's scan).
func randomCasts(r *rand.Rand) []*film.Source {
	actors := []string{"Anne Coesens", "Alexandre Gontcharov", "Esse Lawson", "Olga Zhdanova", "Christelle Cornil", "Tomasz Bson", "Zoé Durand", "Zoe Durand"}
	characters := []string{"Tania", "TANIA", "Ivan", "Zina", "Zína", "the Guard", "Nurse", "", ""}
	roles := []string{"voice", "uncredited", "archive footage", ""}
	descriptions := []string{"", "", "a guard at the centre", "her son"}
	var sources []*film.Source
	for s := range 1 + r.IntN(3) {
		src := &film.Source{Name: fmt.Sprintf("%c.txt", 'a'+s), Kind: []film.Kind{film.Encyclopedia, film.Prize}[s%2], Digest: strings.Repeat(fmt.Sprintf("%c", 'a'+s), 64)}
		src.Film.Title = film.Text{Value: "Illegal", Line: 1}
		for i := range r.IntN(40) {
			cm := film.CastMember{Actor: film.Text{Value: actors[r.IntN(len(actors))], Line: i + 2},
				Character: characters[r.IntN(len(characters))], Details: &film.CastDetails{Description: descriptions[r.IntN(len(descriptions))]}}
			if r.IntN(8) == 0 {
				cm.Actor.Value = actors[0] // one actor of many parts
				cm.Character = fmt.Sprintf("Part %d", r.IntN(14))
			}
			for range r.IntN(3) {
				cm.Details.RoleNames = append(cm.Details.RoleNames, roles[r.IntN(len(roles))])
			}
			src.Film.Cast = append(src.Film.Cast, cm)
		}
		sources = append(sources, src)
	}
	return sources
}

// TestCastMatchesByActor: merger.cast, which makes an actor of one part
// its Performance straight from it and gathers only actors of several,
// gives the Performances and warnings of the reference that grouped every
// part in a map, in the merged view and in each source's own view (where
// the merged view's cast is shared when the source alone names parts),
// on 3,000 random casts; and leaves no agent's part count behind.
func TestCastMatchesByActor(t *testing.T) {
	r := rand.New(rand.NewPCG(12, 2026))
	shared, conflicts := 0, 0
	for n := range 3000 {
		sources := randomCasts(r)
		whole := &merger{opts: Options{Base: DefaultBase}, sources: slices.Clone(sources)}
		whole.rank()
		whole.resolve()
		wf := whole.film()
		views := []*merger{whole}
		for _, s := range whole.sources {
			views = append(views, &merger{opts: whole.opts, sources: []*film.Source{s}, res: whole.res, filmID: wf.ID, only: s, whole: whole, wholeFilm: wf})
		}
		for v, m := range views {
			if v > 0 {
				m.film() // the view's copies of the agents (m.agents, m.copies)
			}
			var got, want Film
			m.diags = nil
			m.cast(&got)
			gotDiags := m.diags
			m.diags = nil
			m.castByActor(&want)
			if !reflect.DeepEqual(castText(got.Cast), castText(want.Cast)) {
				t.Fatalf("cast %d, view %d: got\n%s\nwant\n%s", n, v, castText(got.Cast), castText(want.Cast))
			}
			if !reflect.DeepEqual(gotDiags, m.diags) {
				t.Fatalf("cast %d, view %d: warnings\n%v\nwant\n%v", n, v, gotDiags, m.diags)
			}
			conflicts += len(m.diags)
			if v > 0 && len(got.Cast) > 0 && &got.Cast[0] == &wf.Cast[0] {
				shared++
			}
		}
		for _, a := range whole.res.all {
			if a.parts != 0 {
				t.Fatalf("cast %d: %s keeps a part count of %d", n, a.Name, a.parts)
			}
		}
	}
	if shared == 0 || conflicts == 0 {
		t.Errorf("%d views shared the merged cast, %d conflicts: the random casts miss a case", shared, conflicts)
	}
}

// castText writes a cast as text: actors by IRI and name (the views'
// copies are other pointers), role names nil and empty alike.
func castText(cast []Performance) string {
	var b strings.Builder
	for _, p := range cast {
		src := ""
		if p.Source != nil {
			src = p.Source.Name
		}
		fmt.Fprintf(&b, "%s %q %q %q %q %s\n", p.Actor.ID, p.Actor.Name, p.Character, p.RoleNames(), p.Description(), src)
	}
	return b.String()
}

// TestSplitRoleOnly: an actor's parts without a character qualify the
// actor's characters, unless the source that states one also gives the
// actor a character without those role names: then it is a part of its
// own ("Pedro Gil as Juan", "Pedro Gil as Narrator (voice)": Juan was
// read as a voice part, the narrator lost).
func TestSplitRoleOnly(t *testing.T) {
	a, b := &film.Source{Name: "a.txt"}, &film.Source{Name: "b.txt"}
	tests := []struct {
		name       string
		parts      []roleOnly
		characters map[*film.Source][]string
		qualifiers []string
		own        [][]string
	}{
		{"narrator beside a character, one source", []roleOnly{{a, []string{"narrator", "voice"}}},
			map[*film.Source][]string{a: nil}, nil, [][]string{{"narrator", "voice"}}},
		{"another source's annotation qualifies", []roleOnly{{b, []string{"uncredited"}}},
			map[*film.Source][]string{a: nil}, []string{"uncredited"}, nil},
		{"an echo of the character's own role names", []roleOnly{{a, []string{"voice"}}},
			map[*film.Source][]string{a: {"voice", "singing voice"}}, []string{"voice"}, nil},
		{"another source's word for the part of its own", []roleOnly{{a, []string{"narrator", "voice"}}, {b, []string{"narrator"}}, {b, []string{"uncredited"}}},
			map[*film.Source][]string{a: nil}, []string{"uncredited"}, [][]string{{"narrator", "voice"}}},
		{"the same part twice is one", []roleOnly{{a, []string{"host"}}, {a, []string{"host"}}},
			map[*film.Source][]string{a: {"voice"}}, nil, [][]string{{"host"}}},
		{"no character anywhere", []roleOnly{{a, []string{"narrator"}}, {b, []string{"voice"}}},
			map[*film.Source][]string{}, []string{"narrator", "voice"}, nil},
	}
	for _, tt := range tests {
		q, own := splitRoleOnly(tt.parts, tt.characters)
		if !reflect.DeepEqual(q, tt.qualifiers) || !reflect.DeepEqual(own, tt.own) {
			t.Errorf("%s: qualifiers %q, own parts %q; want %q, %q", tt.name, q, own, tt.qualifiers, tt.own)
		}
	}
}
