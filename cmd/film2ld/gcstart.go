package main

import (
	"os"
	"runtime"
	"runtime/debug"
	"sync/atomic"
)

// firstGCHeap is the memory (as the runtime counts it for a soft limit)
// a process reaches before its first garbage collection.
const firstGCHeap = 16 << 20

// deferFirstGC lets a short run finish without collecting garbage, and
// leaves a long one as it was after its first collection. The runtime
// starts a collection once the heap reaches 4 MB, which one export of a
// film (three documents) just does: with its mark workers on both cores
// of the test VM, that one cycle was a tenth of the process's CPU (perf
// record over 30 runs; GOGC=off measured 9% less CPU per process and no
// more resident memory, the heap then ending near 6 MB). So collection
// starts switched off, under a soft memory limit of firstGCHeap that
// makes the runtime collect when it is reached, and the first
// collection restores the usual percentage and no limit, so that a large
// conversion or a long batch runs exactly as before (and export --batch
// and validate still set their own). GOGC or GOMEMLIMIT set by the user
// win: nothing changes.
func deferFirstGC() {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	percent := debug.SetGCPercent(-1)
	limit := debug.SetMemoryLimit(firstGCHeap)
	deferredPercent.Store(int64(percent))
	deferredLimit.Store(limit)
	// The first collection finds the sentinel unreachable and runs the
	// cleanup soon after. (A pointer-free object under 16 bytes may share
	// a tiny block with others and never be freed alone.)
	sentinel := new([32]byte)
	// A command that set its own percentage or limit in the meantime
	// (validate, export --batch) keeps it.
	runtime.AddCleanup(sentinel, func(struct{}) {
		if was := debug.SetGCPercent(percent); was != -1 {
			debug.SetGCPercent(was)
		}
		if was := debug.SetMemoryLimit(limit); was != firstGCHeap {
			debug.SetMemoryLimit(was)
		}
	}, struct{}{})
}

// deferredPercent and deferredLimit are the collection percentage and
// memory limit deferFirstGC replaced, for startCollecting; zero before
// deferFirstGC.
var deferredPercent, deferredLimit atomic.Int64

// startCollecting puts back the percentage and the limit deferFirstGC
// replaced, where they are its still, as the first collection would: a
// run over a large input, whose heap is bounded (boundHeap), collects as
// usual from the start, and the limit boundHeap puts back when it stops
// is the process's own, not the first collection's. Left as they were,
// the heap grew to the bound before the first collection (the bound is
// seven times the input: an 80 MB N-Quads file converted to N-Quads took
// 195 MB where collecting from the start took 96), and a bound stopped
// early put back a limit of firstGCHeap, under which the collector ran
// without pause.
func startCollecting() {
	percent, limit := int(deferredPercent.Load()), deferredLimit.Load()
	if percent == 0 {
		return
	}
	if was := debug.SetGCPercent(percent); was != -1 {
		debug.SetGCPercent(was) // on already, at the command's or the first collection's
	}
	if was := debug.SetMemoryLimit(limit); was != firstGCHeap {
		debug.SetMemoryLimit(was) // a command's own
	}
}
