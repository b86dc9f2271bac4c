// Package largetest lets the ld package's tests that build inputs of tens
// of megabytes run in CI and not in a developer's `go test ./...` (the
// command package has its own, as it may not import this one).
package largetest

import (
	"os"
	"testing"
)

// Var is the environment variable that turns the large tests on; CI's
// .ci/run sets it.
const Var = "FILM2LD_LARGE_TESTS"

// Skip skips t unless the large tests are turned on (Var=1), saying what
// it would have done and how to run it; -short skips it always.
func Skip(t testing.TB, what string) {
	t.Helper()
	if testing.Short() {
		t.Skip(what + "; skipped with -short")
	}
	if !On() {
		t.Skipf("%s: a large test, run with %s=1 (CI sets it)", what, Var)
	}
}

// On reports whether the large tests are turned on, for a test whose
// large cases alone wait for them.
func On() bool { return !testing.Short() && os.Getenv(Var) == "1" }
