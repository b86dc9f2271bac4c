//go:build linux

package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// peakRSS runs film2ld with args in a child process and returns its peak
// resident set size in MB, its exit status and its standard error.
func peakRSS(t *testing.T, args ...string) (mb float64, status int, stderr string) {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "FILM2LD_TEST_RUN=1")
	var errBuf bytes.Buffer
	cmd.Stderr = &errBuf
	err := cmd.Run()
	if _, ok := err.(*exec.ExitError); err != nil && !ok {
		t.Fatal(err)
	}
	ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	return float64(ru.Maxrss) / 1024, cmd.ProcessState.ExitCode(), errBuf.String()
}

// writeJunk writes size bytes of text with no line break.
func writeJunk(t *testing.T, size int) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "junk.txt")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	chunk := []byte(strings.Repeat("Director: junk ", 1<<16))
	for n := 0; n < size; n += len(chunk) {
		if _, err := f.Write(chunk[:min(len(chunk), size-n)]); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// A 200 MB one-line document is refused in far less memory than its size,
// with --kind too (it took 0.84 GB, and 1.6–3.5 GB with --kind).
func TestPeakRSSReject200MBJunk(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a 200 MB file; skipped with -short")
	}
	path := writeJunk(t, 200<<20)
	for _, args := range [][]string{
		{"export", path},
		{"export", "--kind", "prize", path},
		{"export", "--kind", "reviews", path},
	} {
		mb, status, stderr := peakRSS(t, args...)
		t.Logf("%s: peak RSS %.0f MB", strings.Join(args[:len(args)-1], " "), mb)
		if status != exitError || !strings.Contains(stderr, "longer than 1 MiB") {
			t.Errorf("%v: exit %d, %s", args, status, stderr)
		}
		if mb > 200 {
			t.Errorf("%v: peak RSS %.0f MB; want at most 200", args, mb)
		}
	}
}
