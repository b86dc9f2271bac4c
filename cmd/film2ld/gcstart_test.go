package main

import (
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

// TestDeferFirstGC: collection starts off under the soft limit, the first
// collection puts back the process's own settings, and a percentage or
// limit a command set in the meantime is kept.
func TestDeferFirstGC(t *testing.T) {
	defaultGC(t)
	// waitFor collects garbage until the cleanup has run: the percentage
	// is no longer what it was before the first collection.
	waitFor := func(before int) int {
		t.Helper()
		for range 100 {
			runtime.GC()
			time.Sleep(5 * time.Millisecond)
			if now := debug.SetGCPercent(before); now != before {
				debug.SetGCPercent(now)
				return now
			}
		}
		t.Fatal("the first collection did not restore the settings")
		return 0
	}

	deferFirstGC()
	if got := debug.SetGCPercent(-1); got != -1 {
		t.Fatalf("after deferFirstGC, GC percentage %d, want -1 (off)", got)
	}
	if got := debug.SetMemoryLimit(-1); got != firstGCHeap {
		t.Fatalf("after deferFirstGC, memory limit %d, want %d", got, firstGCHeap)
	}
	if got := waitFor(-1); got != 100 {
		t.Errorf("after the first collection, GC percentage %d, want 100", got)
	}
	if got := debug.SetMemoryLimit(-1); got != math.MaxInt64 {
		t.Errorf("after the first collection, memory limit %d, want none", got)
	}

	// A command's own settings, made before the first collection, stay.
	deferFirstGC()
	debug.SetGCPercent(400)
	debug.SetMemoryLimit(200 << 20)
	for range 100 {
		runtime.GC()
		time.Sleep(5 * time.Millisecond)
	}
	if got := debug.SetGCPercent(400); got != 400 {
		t.Errorf("a command's GC percentage became %d, want its 400", got)
	}
	if got := debug.SetMemoryLimit(-1); got != 200<<20 {
		t.Errorf("a command's memory limit became %d, want its %d", got, 200<<20)
	}
}

// TestStartCollecting: a bounded run (boundHeap) collects from the start
// at the usual percentage, not with collection off until the bound, and
// the limit its governor puts back when it stops is the process's own,
// not deferFirstGC's, under which the collector would run without pause;
// a command's own settings stay.
func TestStartCollecting(t *testing.T) {
	defaultGC(t)
	deferFirstGC()
	stop := boundHeap(boundFrom)
	if got := debug.SetGCPercent(100); got != 100 {
		t.Errorf("bounded, GC percentage %d, want 100", got)
	}
	if got := debug.SetMemoryLimit(-1); got != heapPerInputByte*boundFrom {
		t.Errorf("bounded, memory limit %d, want the bound %d", got, heapPerInputByte*boundFrom)
	}
	stop()
	if got := debug.SetMemoryLimit(-1); got != math.MaxInt64 {
		t.Errorf("after the bound, memory limit %d, want none", got)
	}

	deferFirstGC()
	debug.SetGCPercent(400)
	debug.SetMemoryLimit(200 << 20)
	startCollecting()
	if got := debug.SetGCPercent(400); got != 400 {
		t.Errorf("a command's GC percentage became %d, want its 400", got)
	}
	if got := debug.SetMemoryLimit(-1); got != 200<<20 {
		t.Errorf("a command's memory limit became %d, want its %d", got, 200<<20)
	}
}

// defaultGC starts a test from the runtime's default percentage and no
// limit, and puts back what was set when it ends; it skips the test
// where GOGC or GOMEMLIMIT is set, which deferFirstGC and boundHeap leave
// alone.
func defaultGC(t *testing.T) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		t.Skip("GOGC or GOMEMLIMIT is set: deferFirstGC and boundHeap leave them alone")
	}
	percent, limit := debug.SetGCPercent(100), debug.SetMemoryLimit(math.MaxInt64)
	t.Cleanup(func() {
		debug.SetGCPercent(percent)
		debug.SetMemoryLimit(limit)
	})
}
