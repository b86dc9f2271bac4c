package jsongold

import (
	"sort"
)

// StaticInverse is an inverse context computed ahead of time and compiled
// in as static data: ld/internal/sdoctx holds the one of the schema.org
// compaction context. Building that inverse (3,000 IRIs, 0.9 MB) on a
// process's first compaction cost a tenth of one export process, most of
// it in faulting in fresh memory; static data costs nothing until a
// lookup reads the page it is on.
//
// This file is film2ld's own, not adapted from json-gold.
type StaticInverse struct {
	// Slots is an open-addressing hash table over Entries, a power of two
	// long: an IRI's probe starts at InverseSlot and goes on slot by slot;
	// 0 is an empty slot, k the entry k-1.
	Slots []uint16
	// Entries are the inverse context's entries, by IRI in byte order.
	Entries []StaticEntry
	// CurieLens is GetInverse's curieLens: CurieLens[n] when some IRI of
	// length n has a CURIE term.
	CurieLens []bool
	// Terms is how many term definitions (null ones included) the context
	// had: UseInverse refuses a context with another number.
	Terms int
}

// StaticEntry is one IRI's entry of a StaticInverse.
type StaticEntry struct {
	IRI   string
	Entry InverseEntry
}

// InverseSlot returns the slot where the probe for iri starts in a table
// of n slots, n a power of two: FNV-1a, which the generator and the
// lookup must share.
func InverseSlot(iri string, n int) int {
	h := uint32(2166136261)
	for i := 0; i < len(iri); i++ {
		h ^= uint32(iri[i])
		h *= 16777619
	}
	return int(h & uint32(n-1))
}

// lookup returns iri's entry, or nil.
func (s *StaticInverse) lookup(iri string) *InverseEntry {
	mask := len(s.Slots) - 1
	for i := InverseSlot(iri, len(s.Slots)); ; i = (i + 1) & mask {
		k := s.Slots[i]
		if k == 0 {
			return nil
		}
		if e := &s.Entries[k-1]; e.IRI == iri {
			return &e.Entry
		}
	}
}

// MakeStaticInverse returns c's inverse context as a StaticInverse, for a
// generator to write out and for tests to compare.
func (c *Context) MakeStaticInverse() *StaticInverse {
	inv := c.GetInverse()
	s := &StaticInverse{CurieLens: c.curieLens, Terms: len(c.TermDefinitions)}
	iris := make([]string, 0, len(inv))
	for iri := range inv {
		iris = append(iris, iri)
	}
	sort.Strings(iris)
	n := 1
	for n < 2*len(iris) {
		n *= 2
	}
	s.Slots = make([]uint16, n)
	for i, iri := range iris {
		s.Entries = append(s.Entries, StaticEntry{IRI: iri, Entry: *inv[iri]})
		j := InverseSlot(iri, n)
		for s.Slots[j] != 0 {
			j = (j + 1) & (n - 1)
		}
		s.Slots[j] = uint16(i + 1)
	}
	return s
}

// UseInverse makes s the context's inverse context, which compaction then
// reads instead of building one, and reports whether it did: s must have
// been made from a context with the same term definitions (the tests of
// its generator prove that), and a context with another number of terms
// is refused. The context must not change afterwards.
func (c *Context) UseInverse(s *StaticInverse) bool {
	if s == nil || len(c.TermDefinitions) != s.Terms || len(s.Entries) >= 1<<16 {
		return false
	}
	c.static = s
	c.inverse = nil
	c.curieLens = s.CurieLens
	return true
}

// inverseEntry returns iri's entry of the inverse context, or nil.
func (c *Context) inverseEntry(iri string) *InverseEntry {
	if c.static != nil {
		return c.static.lookup(iri)
	}
	return c.GetInverse()[iri]
}
