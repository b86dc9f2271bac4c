package mapping

import (
	"slices"

	"github.com/film2ld/film2ld/mapping/film"
)

// spellingSet is an agent's spellings, each with its sources: the first
// held in the set itself, as nearly every agent has one spelling, and
// then named by the agent's Name, which is that spelling until finish
// chooses among several; and once there are several, all of them in a
// list in the agent's extra (which the reasons they are one agent are
// in already), in the order met, indexed by a map only once it grows
// long (a name written in many cases or spacings). A map per agent, then
// a spelling allocated apart with its list of sources, then a list of
// one spelling allocated apart (64 bytes for each of an article's
// 200,000 actors), then the one spelling's name beside the Name that is
// the same string (16 bytes each), then a pointer to the list of
// several in every agent (8 bytes), were the largest part of merging's
// memory. The list is not kept in name order: moving the spellings after
// each new one (and their places in the index) made 32,000 spellings of
// one name take 23 s. Callers that show spellings sort them;
// leastSpelling is the first by name. The agent's methods below read and
// grow the set.
type spellingSet struct {
	one spelling // the only spelling while there is one; unset in an empty set
}

// several returns the agent's spellings once it has several, or nil.
func (a *agent) several() *moreSpellings {
	if a.extra == nil {
		return nil
	}
	return a.extra.spellings
}

// moreSpellings are a set's spellings once it has several.
type moreSpellings struct {
	list  []namedSpelling // the set's spellings 0, 1, …
	index map[string]int  // a spelling's number in the set, once it is long
	least int             // the number of the first spelling by name
}

// namedSpelling is a spelling of a set of several, with its name.
type namedSpelling struct {
	name string
	spelling
}

// indexPast is the length past which a spellingSet keeps an index.
const indexPast = 8

// spellingCount returns the number of the agent's spellings.
func (a *agent) spellingCount() int {
	switch {
	case a.several() != nil:
		return len(a.several().list)
	case a.spellings.one.source != nil || a.Name != "":
		return 1
	}
	return 0
}

// spellingAt returns the i-th spelling in the order met, 0 ≤ i <
// spellingCount(), and its name; the pointer is good until the next
// addSpelling.
func (a *agent) spellingAt(i int) (string, *spelling) {
	if r := a.several(); r != nil {
		return r.list[i].name, &r.list[i].spelling
	}
	return a.Name, &a.spellings.one
}

// spellingOf returns the spelling name, or nil. The pointer is good until
// the next addSpelling.
func (a *agent) spellingOf(name string) *spelling {
	r := a.several()
	switch {
	case r == nil:
		if a.spellingCount() == 1 && a.Name == name {
			return &a.spellings.one
		}
	case r.index != nil:
		if i, ok := r.index[name]; ok {
			return &r.list[i].spelling
		}
	default:
		for i := range r.list {
			if r.list[i].name == name {
				return &r.list[i].spelling
			}
		}
	}
	return nil
}

// addSpelling adds a spelling that spellingOf does not find, first
// standing at first, and returns it; the pointer is good until the next
// addSpelling. The first spelling is the agent's Name.
func (a *agent) addSpelling(name string, first place) *spelling {
	n := a.spellingCount()
	if n == 0 {
		a.Name = name
		a.spellings.one = spelling{source: first.source, line: first.line}
		return &a.spellings.one
	}
	r := a.several()
	if r == nil {
		r = &moreSpellings{list: make([]namedSpelling, 1, 2)}
		r.list[0] = namedSpelling{a.Name, a.spellings.one}
		a.spellings.one, a.more().spellings = spelling{}, r
	}
	r.list = append(r.list, namedSpelling{name, spelling{source: first.source, line: first.line}})
	if name < r.list[r.least].name {
		r.least = n
	}
	switch {
	case r.index != nil:
		r.index[name] = n
	case n+1 > indexPast:
		r.index = make(map[string]int, n+1)
		for j := range r.list {
			r.index[r.list[j].name] = j
		}
	}
	return &r.list[n].spelling
}

// leastSpelling returns the first spelling by name and its name; the
// agent has one.
func (a *agent) leastSpelling() (string, *spelling) {
	if r := a.several(); r != nil {
		return a.spellingAt(r.least)
	}
	return a.spellingAt(0)
}

// spelling is one way an agent's name is written: where it first stands,
// for the messages that explain a merge, and the sources that write it so
// (a set, in the order met: the first is the first place's, as the first
// place is where the first source writes it, and the others in a list of
// the resolver's, as nearly every spelling has one source). Its fields
// are the place's, laid flat: a place within it, and a pointer to the
// other sources' list, made it 24 bytes, and the resolver's agent 40,
// for each of an article's 200,000 actors; it is 16.
type spelling struct {
	source *film.Source // the first source; nil in a spelling without one
	line   int32        // where source first writes it
	// more is the number of the list of the other sources in the
	// resolver's sourceLists, plus one; 0 for none.
	more int32
}

// first returns where the spelling first stands.
func (sp *spelling) first() place { return place{sp.source, sp.line} }

// sourceLists are the lists of the sources that write a spelling after
// its first, numbered from 1 by the spellings that have one (see
// spelling.more).
type sourceLists [][]*film.Source

// others returns the sources that write sp after the first.
func (l *sourceLists) others(sp *spelling) []*film.Source {
	if sp.more == 0 {
		return nil
	}
	return (*l)[sp.more-1]
}

// add records that s writes sp.
func (l *sourceLists) add(sp *spelling, s *film.Source) {
	switch {
	case sp.source == nil:
		sp.source = s
	case sp.source == s || slices.Contains(l.others(sp), s):
	case sp.more == 0:
		*l = append(*l, []*film.Source{s})
		sp.more = int32(len(*l))
	default:
		(*l)[sp.more-1] = append((*l)[sp.more-1], s)
	}
}

// has reports whether s writes sp.
func (l *sourceLists) has(sp *spelling, s *film.Source) bool {
	return sp.source == s || slices.Contains(l.others(sp), s)
}

// count returns how many sources write sp.
func (l *sourceLists) count(sp *spelling) int {
	if sp.source == nil {
		return 0
	}
	return 1 + len(l.others(sp))
}

// sources returns the sources that write sp, in the order met.
func (l *sourceLists) sources(sp *spelling) []*film.Source {
	if sp.source == nil {
		return nil
	}
	return append([]*film.Source{sp.source}, l.others(sp)...)
}
