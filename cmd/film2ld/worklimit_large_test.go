package main

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// lookAlikeTriples writes n statements "_:aN <p> _:bN _:gN ." to a file:
// 3n blank nodes in three groups of look-alikes, each node's Hash
// N-Degree Quads run taking 1 to 3 deep iterations.
func lookAlikeTriples(t *testing.T, n int) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), fmt.Sprintf("alike%d.nq", n))
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	for i := range n {
		fmt.Fprintf(w, "_:a%d <https://films.example/p> _:b%d _:g%d .\n", i, i, i)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestConvertCanonicalLookAlikesMonotonic: the canonical form's work limit
// is a blank node's, so 200,000 statements of look-alike blank nodes are
// canonicalized as 900,000 are. rdf-canonize's n² deep iterations for n
// such nodes, with a cap of a million copies of issued labels, refused
// 200,000 (11 MB) and, the limit switched off past n² = 2⁴⁰, let 900,000
// (52 MB) through.
func TestConvertCanonicalLookAlikesMonotonic(t *testing.T) {
	largeTest(t, "canonicalizes 200,000 and 900,000 statements of look-alike blank nodes")
	t.Parallel()
	for _, n := range []int{200000, 900000} {
		in := lookAlikeTriples(t, n)
		out := filepath.Join(t.TempDir(), "out.nq")
		mb, status, printed := peakRSS(t, "convert", "-f", "canonical", "-o", out, in)
		t.Logf("%d statements: peak RSS %.0f MB, %.1f times the %.1f MB input", n, mb, mb/sizeMB(t, in), sizeMB(t, in))
		if status != exitOK {
			t.Fatalf("%d statements: exit %d: %s", n, status, printed)
		}
	}
}
