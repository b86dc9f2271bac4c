package main

import (
	"os"
	"testing"
)

// largeTestsVar names the environment variable that turns on the large
// tests: those that run film2ld in child processes on generated inputs of
// 2 to 200 MB and hold its peak memory and heap to issue 12's bounds, and
// the load of 300 films into Virtuoso. Together they take about 110 s of
// CPU, more than the rest of the suite, so a developer's `go test ./...`
// leaves them out, saying so, and CI (.ci/run sets the variable;
// TestCIRunsLargeTests checks that it does) runs every one of them.
const largeTestsVar = "FILM2LD_LARGE_TESTS"

// largeTest skips t unless the large tests are turned on (largeTestsVar=1),
// saying what it would have done and how to run it; -short skips it always.
func largeTest(t *testing.T, what string) {
	t.Helper()
	if testing.Short() {
		t.Skip(what + "; skipped with -short")
	}
	if os.Getenv(largeTestsVar) != "1" {
		t.Skipf("%s: a large test, run with %s=1 (CI sets it)", what, largeTestsVar)
	}
}

// everyCase reports whether the differential tests run every case, as CI
// does (largeTestsVar=1), rather than the share of formats a developer's
// `go test ./...` writes each input in.
func everyCase() bool { return !testing.Short() && os.Getenv(largeTestsVar) == "1" }
