package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// built is the film2ld command built once per test binary run, for what
// needs the real executable (BenchmarkProcess measures its start-up).
var built struct {
	once sync.Once
	dir  string
	path string
	err  error
}

// film2ldBinary returns the path of the film2ld command built from this
// tree, building it on first use. FILM2LD_BENCH_BIN names another build to
// use instead (an older commit's, to compare). The folder is removed when
// the test binary exits (see TestMain).
func film2ldBinary(tb testing.TB) string {
	tb.Helper()
	if bin := os.Getenv("FILM2LD_BENCH_BIN"); bin != "" {
		return bin
	}
	built.once.Do(func() {
		if built.dir, built.err = os.MkdirTemp("", "film2ld-test-bin-"); built.err != nil {
			return
		}
		built.path = filepath.Join(built.dir, "film2ld")
		// Static, as the README installs it and as a machine with only
		// Go builds it (no C compiler, no cgo): with cgo the net package
		// json-gold imports links the C library, and every process pays
		// the dynamic loader (2 ms of a 20 ms start here).
		build := exec.Command("go", "build", "-o", built.path, ".")
		build.Env = append(os.Environ(), "CGO_ENABLED=0")
		if out, err := build.CombinedOutput(); err != nil {
			built.err = fmt.Errorf("go build: %w\n%s", err, out)
		}
	})
	if built.err != nil {
		tb.Fatal(built.err)
	}
	return built.path
}

// peak is the helper (peakSource) that BenchmarkProcess and the peak-RSS
// tests start film2ld with, built once per test binary run; its folder is
// removed when the test binary exits.
var peak struct {
	once sync.Once
	dir  string
	path string
	err  error
}

// testCommand returns the film2ld command that testscript.Main puts first
// on PATH for the tests: a copy of this test binary, which runs the
// command's run when called film2ld (TestMain). Tests that need an
// executable named film2ld (the README session, compare-speed.sh) use it
// instead of building the command, a compile of package main and a link
// (about 3 s of CPU, and most of those tests' time on a busy machine).
func testCommand(t *testing.T) string {
	t.Helper()
	path, err := exec.LookPath("film2ld")
	if err != nil || !strings.HasPrefix(filepath.Base(filepath.Dir(filepath.Dir(path))), "testscript-main") {
		t.Fatalf("film2ld on PATH is %q (%v), not testscript.Main's copy of the test binary", path, err)
	}
	return path
}

// cleanupM runs the tests, then stops the shared Virtuoso server and
// removes the shared build.
type cleanupM struct{ m *testing.M }

func (c cleanupM) Run() int {
	moreParallel()
	code := c.m.Run()
	stopVirtuoso()
	if built.dir != "" {
		os.RemoveAll(built.dir)
	}
	if peak.dir != "" {
		os.RemoveAll(peak.dir)
	}
	if floor.dir != "" {
		os.RemoveAll(floor.dir)
	}
	return code
}

// moreParallel lets twice as many parallel tests run at once as there are
// cores (testing's -parallel is GOMAXPROCS by default), unless the user
// gave -parallel: most of this package's parallel tests wait on a child
// process (the scripts' commands, node, rapper, chromium), so that two at
// a time left a core of the test machine idle for a third of the run.
func moreParallel() {
	if !flag.Parsed() {
		flag.Parse()
	}
	given := false
	flag.Visit(func(f *flag.Flag) { given = given || f.Name == "test.parallel" })
	if !given {
		flag.Set("test.parallel", strconv.Itoa(2*runtime.GOMAXPROCS(0)))
	}
}
