package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBatchReadOnlyOutputFolder: a batch's -o DIR that exists and
// refuses new files is refused before any film is read, naming the first
// film's output file, as an output that cannot be written is for one
// film; every film was exported, then each refused (15 errors).
func TestBatchReadOnlyOutputFolder(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("running as root, for whom a read-only folder takes new files all the same")
	}
	dir := t.TempDir()
	out := filepath.Join(dir, "snippets")
	if err := os.Mkdir(out, 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(out, 0o755) })
	var stdout, stderr bytes.Buffer
	status := run([]string{"export", "--batch", "-f", "jsonld", "-o", out, "../../testdata/films"}, nil, &stdout, &stderr)
	lines := strings.Split(strings.TrimSpace(stderr.String()), "\n")
	if status != exitError || len(lines) != 1 || !strings.HasPrefix(lines[0], "film2ld: error: cannot create "+filepath.Join(out, "der-stille-hof.jsonld")+": permission denied") {
		t.Errorf("status %d:\n%s", status, stderr.String())
	}
}
