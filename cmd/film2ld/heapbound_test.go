package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
	"time"
)

// TestBoundHeap: a large input's run gets a soft memory limit of
// heapPerInputByte times its size; a governor raises it to 1.3 times the
// live heap (and the runtime's own memory) when that is more, and lowers
// it back when the live heap
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

// criticsPage writes a review page of n reviews by 97 critics who each
// write many, with publications and scores, as an aggregator's page of a
// much-reviewed film reads.
func criticsPage(t *testing.T, n int) string {
	t.Helper()
	var b strings.Builder
	fmt.Fprintf(&b, "Generally favorable reviews - based on %d Critics\n\nCritic score distribution:\n", n)
	fmt.Fprintf(&b, "  1. Positive: %d out of %d\n  2. Mixed: 0 out of %d\n  3. Negative: 0 out of %d\n", n, n, n, n)
	pubs := []string{"The Coastline Courier", "Nordic Frame", "Screen North", "Cinema Clair", "Daily Reel", "Film Quarterly"}
	for i := range n {
		fmt.Fprintf(&b, "  %d. Reviewed by:  Critic%c Person%d\n    Publication: %s\n    Score: %d\n    Jul %d, 2018\n    Review %d of the film, which is good & <fine>.\n",
			i+1, 'A'+(i*7)%97%26, (i*7)%97, pubs[i%len(pubs)], 40+i%61, i%28+1, i)
	}
	path := filepath.Join(t.TempDir(), "page.txt")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// collections runs export in a child with GODEBUG=gctrace=1 and env, and
// returns how many collections it made.
func collections(t *testing.T, env []string, args ...string) int {
	t.Helper()
	bin := os.Args[0]
	if raceDetector {
		bin = film2ldBinary(t)
	}
	cmd := exec.Command(bin, args...)
	cmd.Env = append(append(os.Environ(), "FILM2LD_TEST_RUN=1", "GODEBUG=gctrace=1"), env...)
	var errBuf bytes.Buffer
	cmd.Stderr = &errBuf
	if err := cmd.Run(); err != nil {
		t.Fatalf("%v: %v\n%s", args, err, errBuf.String())
	}
	n := 0
	for line := range strings.Lines(errBuf.String()) {
		if strings.HasPrefix(line, "gc ") {
			n++
		}
	}
	return n
}

// The heap bound keeps the collector's pace: a 3 MB page of 20,000 reviews
// by 97 critics, whose live data comes near 7 times its size once the
// runtime's own memory is counted, made 17 to 34 times the collections of
// an unbounded run (339-677, 3.4-5.2 s of CPU instead of 0.7-1.2 s) while
// the governor left that memory out of its limit; with it in, 3.6 to 4.4
// times. (Collections are counted, not time: they are what the bound
// costs.)
func TestBoundHeapCollections3MBCriticsPage(t *testing.T) {
	largeTest(t, "exports a 3 MB page six times")
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		t.Skip("GOGC or GOMEMLIMIT is set: boundHeap leaves the children alone")
	}
	t.Parallel()
	page := criticsPage(t, 20000)
	if st, err := os.Stat(page); err != nil || st.Size() < boundFrom {
		t.Fatalf("the page: %v, %d bytes; want %d or more", err, st.Size(), boundFrom)
	}
	for _, format := range []string{"jsonld", "nquads", "trig"} {
		t.Run(format, func(t *testing.T) {
			t.Parallel()
			args := []string{"export", "-q", "--name", "Critics Film", "-f", format, "-o", filepath.Join(t.TempDir(), "out"), page}
			bounded := collections(t, nil, args...)
			free := collections(t, []string{"GOGC=100"}, args...)
			t.Logf("%s: %d collections bounded, %d unbounded", format, bounded, free)
			if bounded > 6*free {
				t.Errorf("%s: %d collections under the heap bound, %d without it; want at most 6 times", format, bounded, free)
			}
		})
	}
}
