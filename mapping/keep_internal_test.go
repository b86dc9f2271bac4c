package mapping

import (
	"slices"
	"testing"
)

// keepItems takes the items keep takes, in order, whichever it leaves
// out, shares the slice only when it takes every item, and never changes
// the items it is given.
func TestKeepItems(t *testing.T) {
	items := []int{10, 11, 12, 13, 14}
	for mask := range 1 << len(items) {
		in := slices.Clone(items)
		var want []int
		for i, v := range in {
			if mask&(1<<i) != 0 {
				want = append(want, v)
			}
		}
		got := keepItems(in, func(i int, _ *int) bool { return mask&(1<<i) != 0 })
		if !slices.Equal(got, want) {
			t.Errorf("mask %05b: kept %v; want %v", mask, got, want)
		}
		if !slices.Equal(in, items) {
			t.Errorf("mask %05b: the items became %v", mask, in)
		}
		shared := len(got) > 0 && &got[0] == &in[0]
		if all := len(want) == len(items); shared != all {
			t.Errorf("mask %05b: shared %v; want %v (every item kept: %v)", mask, shared, all, all)
		}
		if len(got) > 0 && !shared {
			got[0] = -1 // a copy: the caller's items stay
			if in[0] == -1 {
				t.Errorf("mask %05b: the kept items share the given ones", mask)
			}
		}
	}
}
