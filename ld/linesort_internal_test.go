package ld

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
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
		s := lineSorter{limit: tt.limit}
		for _, l := range lines {
			s.add([]byte(l))
		}
		var out bytes.Buffer
		err := s.writeTo(&out)
		if err == nil {
			err = s.err
		}
		runs := len(s.runs)
		s.Close()
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if want := sortedUnique(lines); out.String() != want {
			t.Errorf("%s: %d bytes written, want %d sorted without repeats", tt.name, out.Len(), len(want))
		}
		if tt.limit < 1<<20 && runs == 0 {
			t.Errorf("%s: no runs made", tt.name)
		}
		if runs > maxRuns {
			t.Errorf("%s: %d runs open, want at most %d", tt.name, runs, maxRuns)
		}
		if left, _ := filepath.Glob(filepath.Join(tmp, "*")); len(left) > 0 {
			t.Errorf("%s: files left behind: %v", tt.name, left)
		}
	}
}

// A run that cannot be written is an error that says what failed, and
// the lines after it are dropped rather than held.
func TestLineSorterRunError(t *testing.T) {
	t.Setenv("TMPDIR", filepath.Join(t.TempDir(), "missing"))
	s := lineSorter{limit: 10}
	for range 100 {
		s.add([]byte("<urn:x:1> <urn:p> <urn:o> .\n"))
	}
	defer s.Close()
	if s.err == nil || !strings.Contains(s.err.Error(), "sorting statements") || !errors.Is(s.err, fs.ErrNotExist) {
		t.Errorf("err = %v; want a sorting error for the missing folder", s.err)
	}
	if len(s.lines) > 1 {
		t.Errorf("%d lines held after the error", len(s.lines))
	}
}
