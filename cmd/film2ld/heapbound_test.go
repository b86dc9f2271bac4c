package main

import (
	"os"
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

// TestBoundHeap: a large input's run gets a soft memory limit of
// heapPerInputByte times its size; a governor raises it to 1.3 times the
// live heap when that is more, and lowers it back when the live heap
// shrinks; the returned function puts the limit back. Small inputs and a
// user's GOGC or GOMEMLIMIT are left alone.
func TestBoundHeap(t *testing.T) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		t.Skip("GOGC or GOMEMLIMIT is set: boundHeap leaves them alone")
	}
	const before = 1 << 40
	prev := debug.SetMemoryLimit(before)
	defer debug.SetMemoryLimit(prev)
	limit := func() int64 { return debug.SetMemoryLimit(-1) }

	boundHeap(boundFrom - 1)()
	if got := limit(); got != before {
		t.Fatalf("an input under %d bytes: limit %d, want it left at %d", boundFrom, got, before)
	}
	t.Run("user settings", func(t *testing.T) {
		t.Setenv("GOMEMLIMIT", "1GiB")
		restore := boundHeap(64 << 20)
		if got := limit(); got != before {
			t.Errorf("with GOMEMLIMIT set: limit %d, want it left at %d", got, before)
		}
		restore()
	})

	const size = 4 << 20
	bound := int64(heapPerInputByte * size)
	restore := boundHeap(size)
	if got := limit(); got != bound {
		restore()
		t.Fatalf("a %d-byte input: limit %d, want %d", size, got, bound)
	}
	// waitFor collects garbage until the governor has set a limit that
	// ok accepts.
	waitFor := func(what string, ok func(int64) bool) {
		t.Helper()
		for range 200 {
			runtime.GC()
			time.Sleep(5 * time.Millisecond)
			if ok(limit()) {
				return
			}
		}
		t.Errorf("%s: limit %d after 200 collections", what, limit())
	}
	// Live data past the bound: the limit follows it, 1.3 times over.
	live := make([]byte, 3*bound)
	for i := range live {
		live[i] = byte(i)
	}
	waitFor("live heap past the bound", func(l int64) bool { return l >= int64(len(live))*13/10 })
	runtime.KeepAlive(live)
	live = nil
	waitFor("live heap dropped", func(l int64) bool { return l == bound })
	restore()
	if got := limit(); got != before {
		t.Errorf("after restore: limit %d, want %d", got, before)
	}
	// Stopped, the governor no longer moves the limit.
	live = make([]byte, 3*bound)
	for range 5 {
		runtime.GC()
		time.Sleep(5 * time.Millisecond)
	}
	runtime.KeepAlive(live)
	if got := limit(); got != before {
		t.Errorf("after restore, a collection moved the limit to %d", got)
	}
}
