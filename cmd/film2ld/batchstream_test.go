package main

import (
	"os"
	"strings"
	"testing"
)

// A batch's stream is written in large pieces (what they hold is
// TestBatchMatchesSingleExports's): one that cannot be written, to a full
// device, still fails the batch, naming the output, with no film counted
// as written.
func TestBatchStreamToFullDevice(t *testing.T) {
	if _, err := os.Stat("/dev/full"); err != nil {
		t.Skip("no /dev/full here")
	}
	code, _, stderr := runCmd("export", "--batch", "-q", "-f", "canonical", "--merged", "-o", "/dev/full", "../../testdata/films")
	if code != exitError || !strings.Contains(stderr, "cannot write /dev/full") || !strings.Contains(stderr, "0 of ") {
		t.Errorf("a batch to /dev/full: exit %d, %q; want an error naming /dev/full and no film written", code, stderr)
	}
}
