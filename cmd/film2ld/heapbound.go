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
// collector's defaults cost less time. (1 MiB was tried: a 1.6 MB review
// page then took 33 MB instead of 47, but twice the CPU, 1.03 s instead
// of 0.47.)
const boundFrom = 2 << 20

// boundHeap holds the Go memory of a run over inputs of size bytes to
// heapPerInputByte times that, as a soft memory limit (the collector runs
// more often as the heap nears it). With the collector's default, the heap
// grows to twice what is live before it collects: 71 MB for an export of a
// 5.4 MB page of 50,000 reviews whose live data peaks at 30 MB.
//
// A run whose live data nears the bound must not be slowed by a collector
// running without pause: after each collection a governor sets the limit
// to 1.3 times what is live, plus the runtime's own memory (stacks, the
// collector's metadata: the limit counts them, the heap's goal does not),
// when that is more than the bound, and back to the bound when what is
// live shrinks. Without that own memory in it the heap's goal sat a few
// MB above what was live whenever the live heap neared the bound, and the
// collector ran all but without pause: a 3 MB page of 20,000 reviews by
// 97 critics took 3.4-5.2 s of CPU instead of 0.7-1.2 s (451 collections
// for its web snippet); with it, 1.1-1.6 s. The price is CPU all the
// same, and on the 5.4 MB page of 50,000 reviews, whose live data peaks
// at 30 MB, memory: 55-56 MB and 1.4-2.0 s for N-Quads, canonical N-Quads,
// Turtle and the web snippet, 56-58 MB and 2.2-2.5 s for TriG and SPARQL
// Update (71-82 MB and 1.05-1.6 s unbounded; 52-54 MB and 2-5 s when the
// governor left the runtime's memory out). boundHeap returns the
// function that stops the governor and puts the limit back. GOGC or
// GOMEMLIMIT set by the user win: nothing changes.
func boundHeap(size int64) (restore func()) {
	if size < boundFrom || os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	startCollecting()
	return governHeap(heapPerInputByte * size)
}

// governHeap sets a soft memory limit of bound, kept by a governor at 1.3
// times what is live (and the runtime's own memory) where that is more,
// and returns the function that stops it and puts the limit back.
func governHeap(bound int64) (restore func()) {
	g := &heapGovernor{bound: bound}
	g.prev = debug.SetMemoryLimit(g.bound)
	g.limit = g.bound
	g.watch()
	return g.stop
}

// heapGovernor keeps a soft memory limit at its bound, or at 1.3 times
// the live heap and the runtime's own memory when that is more.
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
	live, other := liveHeap()
	if want := max(g.bound, live+live*3/10+other); want != g.limit {
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
// bytes, and the runtime's memory outside the heap: the heap in use as the
// governor runs, just after it, which also
// counts what was allocated since. Not runtime/metrics' exact figure:
// that package's init costs every process half a millisecond (inittrace),
// when starting film2ld takes 20; the figure here came to 1 MB more at the
// peak of the 50,000-review export (51.5-54 MB against 50.6-52.5 MB, four
// runs each).
func liveHeap() (live, other int64) {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return int64(ms.HeapAlloc), int64(ms.Sys - ms.HeapSys)
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
