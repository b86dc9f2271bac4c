package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
)

// built is the film2ld command built once per test binary run, for the
// tests and benchmarks that need a real executable (the README session,
// compare-speed.sh, BenchmarkProcess); each used to build its own, a
// compile of package main and a link each (about 3 s of CPU).
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
		if out, err := exec.Command("go", "build", "-o", built.path, ".").CombinedOutput(); err != nil {
			built.err = fmt.Errorf("go build: %w\n%s", err, out)
		}
	})
	if built.err != nil {
		tb.Fatal(built.err)
	}
	return built.path
}

// cleanupM runs the tests, then removes the shared build.
type cleanupM struct{ m *testing.M }

func (c cleanupM) Run() int {
	code := c.m.Run()
	if built.dir != "" {
		os.RemoveAll(built.dir)
	}
	return code
}
