package mapping

import (
	"slices"

	"github.com/film2ld/film2ld/mapping/film"
)

// spellingSet is an agent's spellings, each with its sources: the first
// held in the set itself, as nearly every agent has one spelling, and the
// others in a list behind a pointer, in the order met, indexed by a map
// only once it grows long (a name written in many cases or spacings). A
// map per agent, then a spelling allocated apart with its list of
// sources, then a list of one spelling allocated apart (64 bytes for each
// of an article's 200,000 actors), were the largest part of merging's
// memory. The list is not kept in name order: moving the spellings after
// each new one (and their places in the index) made 32,000 spellings of
// one name take 23 s. Callers that show spellings sort them; first is the
// first by name.
type spellingSet struct {
	one  spelling // the first met; unset (no name, no source) in an empty set
	rest *moreSpellings
}

// moreSpellings are a set's spellings after its first.
type moreSpellings struct {
	list  []spelling     // the set's spellings 1, 2, …
	index map[string]int // a spelling's number in the set, once it is long
	least int            // the number of the first spelling by name
}

// indexPast is the length past which a spellingSet keeps an index.
const indexPast = 8

// len returns the number of spellings.
func (s *spellingSet) len() int {
	switch {
	case s.rest != nil:
		return 1 + len(s.rest.list)
	case s.one.first.source != nil || s.one.name != "":
		return 1
	}
	return 0
}

// at returns the i-th spelling in the order met, 0 ≤ i < len(); the
// pointer is good until the next add.
func (s *spellingSet) at(i int) *spelling {
	if i == 0 {
		return &s.one
	}
	return &s.rest.list[i-1]
}

// get returns the spelling name, or nil. The pointer is good until the
// next add.
func (s *spellingSet) get(name string) *spelling {
	if s.rest != nil && s.rest.index != nil {
		if i, ok := s.rest.index[name]; ok {
			return s.at(i)
		}
		return nil
	}
	for i := range s.len() {
		if sp := s.at(i); sp.name == name {
			return sp
		}
	}
	return nil
}

// add adds a spelling that get does not find, first standing at first,
// and returns it; the pointer is good until the next add.
func (s *spellingSet) add(name string, first place) *spelling {
	i := s.len()
	if i == 0 {
		s.one = spelling{name: name, first: first}
		return &s.one
	}
	if s.rest == nil {
		s.rest = &moreSpellings{}
	}
	r := s.rest
	r.list = append(r.list, spelling{name: name, first: first})
	if name < s.at(r.least).name {
		r.least = i
	}
	switch {
	case r.index != nil:
		r.index[name] = i
	case i+1 > indexPast:
		r.index = make(map[string]int, i+1)
		for j := range i + 1 {
			r.index[s.at(j).name] = j
		}
	}
	return s.at(i)
}

// first returns the first spelling by name; the set is not empty.
func (s *spellingSet) first() *spelling {
	if s.rest == nil {
		return &s.one
	}
	return s.at(s.rest.least)
}

// spelling is one way an agent's name is written: where it first stands,
// for the messages that explain a merge, and the sources that write it so
// (a set, in the order met: the first is first.source's, as the first
// place is where the first source writes it, and the others behind a
// pointer, as nearly every spelling has one source).
type spelling struct {
	name  string
	first place
	more  *[]*film.Source
}

// others returns the sources after the first.
func (sp *spelling) others() []*film.Source {
	if sp.more == nil {
		return nil
	}
	return *sp.more
}

// add records that s writes the spelling.
func (sp *spelling) add(s *film.Source) {
	switch {
	case sp.first.source == nil:
		sp.first.source = s
	case sp.first.source == s || slices.Contains(sp.others(), s):
	case sp.more == nil:
		sp.more = &[]*film.Source{s}
	default:
		*sp.more = append(*sp.more, s)
	}
}

// has reports whether s writes the spelling.
func (sp *spelling) has(s *film.Source) bool {
	return sp.first.source == s || slices.Contains(sp.others(), s)
}

// count returns how many sources write the spelling.
func (sp *spelling) count() int {
	if sp.first.source == nil {
		return 0
	}
	return 1 + len(sp.others())
}

// sources returns the sources that write the spelling, in the order met.
func (sp *spelling) sources() []*film.Source {
	if sp.first.source == nil {
		return nil
	}
	return append([]*film.Source{sp.first.source}, sp.others()...)
}
