package mapping

// keyIndex finds an agent's number (see resolver.newAgent) by the 32-bit
// hash of its key (resolver.keyHash): an open-addressed table of 8-byte
// slots, each a hash and its number plus one (0 is a free slot), made at
// a third more than the agents it may hold. The map of hashes to numbers
// it replaces took 19.6 bytes an entry (4.7 MB for a prize page's
// 248,000 crew, at the merge's peak), this 10.7. Like that map, it holds
// one number for a hash; the resolver keeps the agents of a hash met
// again apart (resolver.clash).
type keyIndex struct {
	slots []uint64
	n     int // the slots in use
}

// newKeyIndex returns an index with room for size agents.
func newKeyIndex(size int) keyIndex {
	return keyIndex{slots: make([]uint64, max(size+size/3+1, 8))}
}

// home is the slot a search for hash h starts at: h scaled to the table
// (h is a hash's fold, its bits mixed), so that the table's length need
// not be a power of two.
func (x *keyIndex) home(h uint32) int {
	return int(uint64(h) * uint64(len(x.slots)) >> 32)
}

// get returns the number held for hash h.
func (x *keyIndex) get(h uint32) (n uint32, ok bool) {
	if len(x.slots) == 0 {
		return 0, false
	}
	for i := x.home(h); ; {
		s := x.slots[i]
		if s == 0 {
			return 0, false
		}
		if uint32(s>>32) == h {
			return uint32(s) - 1, true
		}
		if i++; i == len(x.slots) {
			i = 0
		}
	}
}

// put holds number n for hash h, which the index does not hold.
func (x *keyIndex) put(h, n uint32) {
	if 4*(x.n+1) > 3*len(x.slots) {
		// At most three quarters full, so that a search meets a free slot
		// soon: never where the resolver's bound on its agents holds.
		old := x.slots
		*x = keyIndex{slots: make([]uint64, 2*len(old))}
		for _, s := range old {
			if s != 0 {
				x.place(s)
			}
		}
	}
	x.place(uint64(h)<<32 | uint64(n+1))
}

// place puts slot s, a hash and a number, in the first free slot from
// its hash's home.
func (x *keyIndex) place(s uint64) {
	i := x.home(uint32(s >> 32))
	for x.slots[i] != 0 {
		if i++; i == len(x.slots) {
			i = 0
		}
	}
	x.slots[i] = s
	x.n++
}
