//go:build linux

package main

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// N-Quads spread over many named graphs, converted to JSON-LD on
// standard output, which gets the document whole at the end: held in a
// bytes.Buffer, whose capacity doubled as it grew, 32.5 MB of them (400,000
// graphs) took 413 MB for -f expanded, 12.7 times the input; held in
// pieces (heldOutput), 224-228 MB, as writing to a file takes 183 MB.
func TestPeakRSSNamedGraphsToStdout(t *testing.T) {
	largeTest(t, "converts 32 MB of N-Quads four times")
	t.Parallel()
	path := filepath.Join(t.TempDir(), "graphs.nq")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	for i := range 400000 {
		fmt.Fprintf(w, "<http://ex.org/s%d> <http://schema.org/name> \"v%d\" <http://ex.org/g%d> .\n", i%1000, i, i)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	st, err := f.Stat()
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
	in := float64(st.Size()) / (1 << 20)
	for _, format := range []string{"expanded", "jsonld", "flattened", "html"} {
		t.Run(format, func(t *testing.T) {
			t.Parallel()
			mb, status, printed := peakRSS(t, "convert", "-f", format, path)
			t.Logf("-f %s: peak RSS %.0f MB, %.1f times the input", format, mb, mb/in)
			if status != exitOK || !strings.Contains(printed, "http://ex.org/g399999") {
				t.Errorf("-f %s: exit %d, %.300s", format, status, printed)
			}
			if mb > 10*in {
				t.Errorf("-f %s: peak RSS %.0f MB, %.1f times the input; want at most 10", format, mb, mb/in)
			}
		})
	}
}
