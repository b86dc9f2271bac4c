package mapping

import (
	"slices"

	"github.com/film2ld/film2ld/mapping/film"
)

// spellingSet is an agent's spellings, each with its sources: a short
// list of values in the order met, as nearly every agent has one or two
// spellings, indexed by a map only once it grows long (a name written in
// many cases or spacings). A map per agent, and then a spelling allocated
// apart with its list of sources, were the largest part of merging's
// memory on a page of 50,000 reviews by as many people. The list is not
// kept in name order: moving the spellings after each new one (and their
// places in the index) made 32,000 spellings of one name take 23 s.
// Callers that show spellings sort them; least is the first by name.
type spellingSet struct {
	list  []spelling
	index map[string]int // a spelling's place in list, once it is long
	least int            // the place of the first spelling by name
}

// indexPast is the length past which a spellingSet keeps an index.
const indexPast = 8

// get returns the spelling name, or nil. The pointer is good until the
// next add.
func (s *spellingSet) get(name string) *spelling {
	if s.index != nil {
		if i, ok := s.index[name]; ok {
			return &s.list[i]
		}
		return nil
	}
	for i := range s.list {
		if s.list[i].name == name {
			return &s.list[i]
		}
	}
	return nil
}

// add adds a spelling that get does not find, first standing at first,
// and returns it; the pointer is good until the next add.
func (s *spellingSet) add(name string, first place) *spelling {
	i := len(s.list)
	s.list = append(s.list, spelling{name: name, first: first})
	if i > 0 && name < s.list[s.least].name {
		s.least = i
	}
	switch {
	case s.index != nil:
		s.index[name] = i
	case len(s.list) > indexPast:
		s.index = make(map[string]int, len(s.list))
		for j := range s.list {
			s.index[s.list[j].name] = j
		}
	}
	return &s.list[i]
}

func (s *spellingSet) len() int { return len(s.list) }

// first returns the first spelling by name.
func (s *spellingSet) first() *spelling { return &s.list[s.least] }

// spelling is one way an agent's name is written: where it first stands,
// for the messages that explain a merge, and the sources that write it so
// (a set, in the order met: the first held apart, and the others behind a
// pointer, as nearly every spelling has one source).
type spelling struct {
	name  string
	first place
	src   *film.Source
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
	case sp.src == nil:
		sp.src = s
	case sp.src == s || slices.Contains(sp.others(), s):
	case sp.more == nil:
		sp.more = &[]*film.Source{s}
	default:
		*sp.more = append(*sp.more, s)
	}
}

// has reports whether s writes the spelling.
func (sp *spelling) has(s *film.Source) bool {
	return sp.src == s || slices.Contains(sp.others(), s)
}

// count returns how many sources write the spelling.
func (sp *spelling) count() int {
	if sp.src == nil {
		return 0
	}
	return 1 + len(sp.others())
}

// sources returns the sources that write the spelling, in the order met.
func (sp *spelling) sources() []*film.Source {
	if sp.src == nil {
		return nil
	}
	return append([]*film.Source{sp.src}, sp.others()...)
}
