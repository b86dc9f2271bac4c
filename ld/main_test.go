package ld

import (
	"os"
	"runtime/debug"
	"testing"
)

// TestMain runs the package's tests collecting garbage at GOGC 200
// unless the user set GOGC: the differential tests build and drop
// json-gold's trees of every corpus input many times over, and at the
// default 100 the collector took a sixth of the package's CPU, and the
// package is the last of `go test ./...` to finish on two cores. No test
// here asserts on the heap's peak (the allocation counts and live-heap
// measures do not depend on the percentage).
func TestMain(m *testing.M) {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(200)
	}
	os.Exit(m.Run())
}
