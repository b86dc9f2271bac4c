package mapping

// spellingSet is an agent's spellings, each with its sources: a short
// list, as nearly every agent has one or two, indexed by a map only once
// it grows long (a name written in many cases or spacings). A map per
// agent was the largest part of merging's memory on a page of 50,000
// reviews by as many people (16 MB of the resolver's 25 MB).
type spellingSet struct {
	list  []namedSpelling
	index map[string]*spelling
}

type namedSpelling struct {
	name string
	sp   *spelling
}

// indexPast is the length past which a spellingSet keeps an index.
const indexPast = 8

func (s *spellingSet) get(name string) *spelling {
	if s.index != nil {
		return s.index[name]
	}
	for _, e := range s.list {
		if e.name == name {
			return e.sp
		}
	}
	return nil
}

// put adds a spelling that get does not find.
func (s *spellingSet) put(name string, sp *spelling) {
	s.list = append(s.list, namedSpelling{name, sp})
	switch {
	case s.index != nil:
		s.index[name] = sp
	case len(s.list) > indexPast:
		s.index = make(map[string]*spelling, len(s.list))
		for _, e := range s.list {
			s.index[e.name] = e.sp
		}
	}
}

func (s *spellingSet) len() int { return len(s.list) }
