package ld

import (
	"path/filepath"
	"testing"
)

// schemaOrgExamples is the folder of schema.org's examples in the shared
// data beside the clone (../shared), which the differential tests read
// where it is there.
var schemaOrgExamples = filepath.Join("..", "..", "shared", "schemaorg", "examples")

// atLeast returns the fewest inputs a differential test must compare:
// full where the corpora beside the clone are there (the W3C suites and
// schema.org's examples, as in CI), own where only film2ld's own inputs
// are (fixtures, goldens, generated documents), as in a clone with no
// ../shared beside it; the test then says what it did without them, so
// that a clone's `go test ./...` passes, and still fails a test that
// compared less than its own inputs.
func atLeast(t *testing.T, full, own int) int {
	t.Helper()
	if w3cDir() != "" && dirExists(schemaOrgExamples) {
		return full
	}
	t.Logf("the W3C suites or schema.org's examples are not beside the clone (../shared; FILM2LD_W3C names the suites' folder): film2ld's own inputs are compared, at least %d of them", own)
	return own
}
