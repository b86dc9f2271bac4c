package ld

import "hash/maphash"

// jiris numbers IRIs in the order they are added: ids holds them by
// number, slots each number plus one (0: empty) at its IRI's hash, open
// addressing with linear probing, at most three quarters full. It stands
// for a map[string]int32 where one entry an IRI is held for each person
// of a long list (the snippet's light references and jlights): such a
// map took 40-53 bytes an entry at 250,000 (its slots of 24 bytes, its
// groups, their growth), this 16 for the IRI (shared with the view) and
// 5-11 for its slot.
type jiris struct {
	ids   []string
	slots []int32
	seed  maphash.Seed
}

// find returns the number of IRI id, ok false where it was never added.
func (t *jiris) find(id string) (i int32, ok bool) {
	if len(t.slots) == 0 {
		return 0, false
	}
	mask := uint64(len(t.slots) - 1)
	for h := maphash.String(t.seed, id) & mask; ; h = (h + 1) & mask {
		s := t.slots[h]
		if s == 0 {
			return 0, false
		}
		if t.ids[s-1] == id {
			return s - 1, true
		}
	}
}

// add numbers IRI id, which must not be numbered yet, and returns its
// number.
func (t *jiris) add(id string) int32 {
	if 4*(len(t.ids)+1) > 3*len(t.slots) {
		t.grow()
	}
	i := int32(len(t.ids))
	t.ids = append(t.ids, id)
	t.put(id, i)
	return i
}

func (t *jiris) put(id string, i int32) {
	mask := uint64(len(t.slots) - 1)
	h := maphash.String(t.seed, id) & mask
	for t.slots[h] != 0 {
		h = (h + 1) & mask
	}
	t.slots[h] = i + 1
}

// grow doubles the slots (16 at first) and puts every IRI back.
func (t *jiris) grow() {
	if len(t.slots) == 0 {
		t.seed = maphash.MakeSeed()
		t.slots = make([]int32, 16)
		return
	}
	t.slots = make([]int32, 2*len(t.slots))
	for i, id := range t.ids {
		t.put(id, int32(i))
	}
}
