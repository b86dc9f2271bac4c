package main

import (
	"os"
	"runtime"
	"runtime/debug"
	"sync"
)

// heapPerInputByte is how much Go memory a one-film export to N-Quads
// (sorted or canonical), Turtle, TriG, SPARQL Update or the web snippet
// is held to per byte of its input, while what is live allows. The
// program's own pages (its code and tables, 10–13 MB resident) come on
// top, so that an export of a large input stays under ten times the
// input's size (issue 12's goal).
const heapPerInputByte = 7

// boundFrom is the input size from which the heap is bounded: below it,
// the process's fixed memory is most of what it uses, and the
// collector's defaults cost less time.
const boundFrom = 2 << 20

// boundHeap holds the Go memory of a run over inputs of size bytes to
// heapPerInputByte times that, as a soft memory limit (the collector runs
// more often as the heap nears it). With the collector's default, the heap
// grows to twice what is live before it collects: 71 MB for an export of a
// 5.4 MB page of 50,000 reviews whose live data peaks at 30 MB.
//
// A run whose live data nears the bound must not be slowed by a collector
// running without pause: after each collection a governor sets the limit
// to 1.3 times what is live when that is more than the bound, and back to
// the bound when what is live shrinks. Merging, whose live data is the
// largest, makes little garbage, so collecting at 1.3 times costs it
// little; writing makes much, and needs the bound's room (held to 6 times
// the page, with 25 MB live, that export collected without pause and took
// five times the CPU). The price is CPU all the same: that export took
// 1.05 s of CPU at 71 MB unbounded, 1.9–2.1 s at 49–51 MB; its web
// snippet, whose live data stays at 26–32 MB from merging to the end,
// 1.6 s at 82 MB unbounded, 3.0–4.3 s at 52–53 MB (the limit counts the
// runtime's own memory too, so the collector runs all but without pause:
// counting it in the governor's limit halved that CPU but took 61 MB;
// a bound of 6 times took more CPU and no less memory). boundHeap
// returns the function that stops the governor and puts the limit back.
// GOGC or GOMEMLIMIT set by the user win: nothing changes (GOGC=100 is
// the fast way for a large snippet).
func boundHeap(size int64) (restore func()) {
	if size < boundFrom || os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	g := &heapGovernor{bound: heapPerInputByte * size}
	g.prev = debug.SetMemoryLimit(g.bound)
	g.limit = g.bound
	g.watch()
	return g.stop
}

// heapGovernor keeps a soft memory limit at its bound, or at 1.3 times
// the live heap when that is more.
type heapGovernor struct {
	bound int64
	mu    sync.Mutex
	limit int64 // the limit set, under mu
	prev  int64 // the limit before, put back by stop
	done  bool  // under mu
}

// watch makes the governor run after the next collection: it then finds
// a sentinel unreachable (a pointer-free object of 16 bytes or more,
// which is never part of a shared tiny block).
func (g *heapGovernor) watch() {
	runtime.AddCleanup(new([32]byte), (*heapGovernor).cycle, g)
}

// cycle sets the limit after a collection, and watches for the next.
func (g *heapGovernor) cycle() {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.done {
		return
	}
	live := liveHeap()
	if want := max(g.bound, live+live*3/10); want != g.limit {
		debug.SetMemoryLimit(want)
		g.limit = want
	}
	g.watch()
}

// stop ends the governor and puts the limit back.
func (g *heapGovernor) stop() {
	g.mu.Lock()
	defer g.mu.Unlock()
	if !g.done {
		g.done = true
		debug.SetMemoryLimit(g.prev)
	}
}

// liveHeap returns about the heap the last collection found live, in
// bytes: the heap in use as the governor runs, just after it, which also
// counts what was allocated since. Not runtime/metrics' exact figure:
// that package's init costs every process half a millisecond (inittrace),
// when starting film2ld takes 20; the figure here came to 1 MB more at the
// peak of the 50,000-review export (51.5-54 MB against 50.6-52.5 MB, four
// runs each).
func liveHeap() int64 {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return int64(ms.HeapAlloc)
}

// inputSize returns the total size of the regular files among paths;
// standard input and other files count nothing, as their size is not
// known before they are read.
func inputSize(paths []string) int64 {
	var n int64
	for _, p := range paths {
		if st, err := os.Stat(p); err == nil && st.Mode().IsRegular() {
			n += st.Size()
		}
	}
	return n
}
