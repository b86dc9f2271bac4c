package ld

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// sortedUnique is what a lineSorter must write: the lines in byte order,
// each once.
func sortedUnique(lines []string) string {
	s := slices.Clone(lines)
	slices.Sort(s)
	return strings.Join(slices.Compact(s), "")
}

// A lineSorter writes what sorting its lines in memory gives, whether it
// holds them all, spills them in runs, or merges its runs into one on the
// way (maxRuns); lines longer than a run reader's buffer and lines repeated
// within and across runs included. Its runs leave no file behind.
func TestLineSorterMatchesSort(t *testing.T) {
	defer func(n int) { maxRuns = n }(maxRuns)
	maxRuns = 3
	rng := rand.New(rand.NewPCG(1, 2))
	for _, tt := range []struct {
		name  string
		limit int
		lines int
	}{
		{"in memory", 1 << 20, 500},
		{"runs", 2 << 10, 500},
		{"runs merged", 300, 2000},
		{"one line per run", 1, 50},
	} {
		tmp := t.TempDir()
		t.Setenv("TMPDIR", tmp)
		var lines []string
		for i := range tt.lines {
			n := rng.IntN(40)
			if i%97 == 0 {
				n = 40 << 10 // past a run reader's 32 KiB buffer
			}
			line := fmt.Sprintf("<urn:x:%d> <urn:p> \"%s\" .\n", rng.IntN(tt.lines/3+1), strings.Repeat("é", n))
			lines = append(lines, line)
		}
		// With repeats, the same lines sorted, every repeat kept.
		for _, repeats := range []bool{false, true} {
			s := lineSorter{limit: tt.limit, repeats: repeats}
			for _, l := range lines {
				s.add([]byte(l))
			}
			var out bytes.Buffer
			err := s.writeTo(&out)
			runs := len(s.runs)
			s.Close()
			if err != nil {
				t.Fatalf("%s: %v", tt.name, err)
			}
			want := sortedUnique(lines)
			if repeats {
				sorted := slices.Sorted(slices.Values(lines))
				want = strings.Join(sorted, "")
			}
			if out.String() != want {
				t.Errorf("%s repeats=%v: %d bytes written, want %d sorted", tt.name, repeats, out.Len(), len(want))
			}
			if tt.limit < 1<<20 && runs == 0 {
				t.Errorf("%s: no runs made", tt.name)
			}
			if runs > maxRuns {
				t.Errorf("%s: %d runs open, want at most %d", tt.name, runs, maxRuns)
			}
		}
		if left, _ := filepath.Glob(filepath.Join(tmp, "*")); len(left) > 0 {
			t.Errorf("%s: files left behind: %v", tt.name, left)
		}
	}
}

// Where no run can be written (no temporary folder), the sorter holds the
// lines and writes the same bytes; where runs were written before, it
// merges them with the lines it holds.
func TestLineSorterHoldsWithoutRuns(t *testing.T) {
	var lines []string
	for i := range 300 {
		lines = append(lines, fmt.Sprintf("<urn:x:%d> <urn:p> \"%d\" .\n", i%101, i%7))
	}
	for _, fail := range []int{0, 100} {
		tmp := t.TempDir()
		t.Setenv("TMPDIR", tmp)
		s := lineSorter{limit: 64}
		for i, l := range lines {
			if i == fail {
				// The temporary folder is gone from here on.
				t.Setenv("TMPDIR", filepath.Join(tmp, "missing"))
			}
			s.add([]byte(l))
		}
		if !s.held || (fail > 0) != (len(s.runs) > 0) {
			t.Errorf("failing from line %d: held %v, %d runs", fail, s.held, len(s.runs))
		}
		var out bytes.Buffer
		err := s.writeTo(&out)
		s.Close()
		if err != nil {
			t.Fatal(err)
		}
		if want := sortedUnique(lines); out.String() != want {
			t.Errorf("failing from line %d: %d bytes written, want %d sorted without repeats", fail, out.Len(), len(want))
		}
	}
}

// spillHeld lets go of the room of the lines held, their sorted index
// included: that index points into the lines' buffer, and kept it (4
// MiB) alive while TriG's table was read back (62–66 MB for the
// 50,000-review page, 56–58 MB without it).
func TestLineSorterSpillHeldLetsGo(t *testing.T) {
	s := &lineSorter{limit: 1 << 20}
	defer s.Close()
	if !s.canSpill() {
		t.Skip("no temporary file can be made here")
	}
	for _, l := range []string{"b .\n", "a .\n", "c .\n"} {
		s.add([]byte(l))
	}
	s.spill() // a run on disk, as a large walk leaves
	for _, l := range []string{"e .\n", "d .\n"} {
		s.add([]byte(l))
	}
	s.sorted() // as a merge of the lines held would
	s.spillHeld()
	if s.buf != nil || s.lines != nil || s.order != nil {
		t.Errorf("after spillHeld: buf %d bytes, %d lines, an index of %d held", cap(s.buf), len(s.lines), cap(s.order))
	}
	var got bytes.Buffer
	if err := s.writeTo(&got); err != nil {
		t.Fatal(err)
	}
	if want := "a .\nb .\nc .\nd .\ne .\n"; got.String() != want {
		t.Errorf("lines after spillHeld:\n%s\nwant:\n%s", got.String(), want)
	}
}
