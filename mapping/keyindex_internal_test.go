package mapping

import (
	"runtime"
	"testing"
)

// A keyIndex holds what a map of hashes to numbers would, through its
// growth past the room it was made with, for hashes that share a home
// slot, the hash 0 and the number 0.
func TestKeyIndexAsAMap(t *testing.T) {
	x := newKeyIndex(3)
	want := map[uint32]uint32{}
	hashes := []uint32{0, 1, 2, 0xffffffff, 0x80000000, 0x80000001}
	for i := range uint32(5000) {
		hashes = append(hashes, i*2654435761)
	}
	for i, h := range hashes {
		if _, ok := want[h]; ok {
			continue
		}
		x.put(h, uint32(i))
		want[h] = uint32(i)
		if n, ok := x.get(h); !ok || n != uint32(i) {
			t.Fatalf("hash %#x put as %d reads %d, %v", h, i, n, ok)
		}
	}
	for h, n := range want {
		if got, ok := x.get(h); !ok || got != n {
			t.Errorf("hash %#x: %d, %v; want %d", h, got, ok, n)
		}
	}
	for _, h := range []uint32{3, 0x7fffffff, 12345} {
		if _, in := want[h]; in {
			continue
		}
		if n, ok := x.get(h); ok {
			t.Errorf("hash %#x never put reads %d", h, n)
		}
	}
	if x.n != len(want) || 4*x.n > 3*len(x.slots) {
		t.Errorf("%d slots used of %d for %d hashes", x.n, len(x.slots), len(want))
	}
	var empty keyIndex
	if _, ok := empty.get(7); ok {
		t.Error("a released index finds a hash")
	}
}

// newResolver's index of agents by key is made once, for the mentions it
// may be given, at about 19 bytes a mention with its list of agents (8):
// a map of hashes took 19.6 bytes an entry beside that list, 27 a
// mention, 6.7 MB of the merge's peak for a prize page of 248,000 crew.
func TestResolverIndexBytes(t *testing.T) {
	const mentions = 248000
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	r := newResolver("", mentions, 0)
	runtime.ReadMemStats(&after)
	perMention := float64(after.TotalAlloc-before.TotalAlloc) / mentions
	t.Logf("%.1f bytes a mention", perMention)
	if perMention > 20 {
		t.Errorf("newResolver took %.1f bytes a mention; want at most 20", perMention)
	}
	runtime.KeepAlive(r)
}
