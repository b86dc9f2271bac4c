package ld

import (
	"bufio"
	"bytes"
	"container/heap"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
)

// defaultSortMemory is Config.SortMemory's default.
const defaultSortMemory = 4 << 20

// lineSorter sorts N-Quads lines and drops repeated ones, holding at most
// about limit bytes of them in memory: the lines past that are sorted in
// runs written to temporary files, which are merged as the output is
// written. A film's N-Quads are over ten times its documents (50,000
// reviews: a 5.4 MB page, 80 MB of N-Quads), so a writer that held every
// statement to sort them held the largest part of export's memory.
//
// A run's file is removed as soon as it is made (where the system allows
// an open file to be removed), so that nothing is left behind by a
// process that is killed; Close removes what is left.
type lineSorter struct {
	limit int
	buf   []byte
	lines [][2]uint32 // start and end of each line in buf
	runs  []*os.File
	// left names the runs' files still in their folder, for Close.
	left []string
	// started is set by the first line added.
	started bool
	// err is the first error writing a run; the lines added after it are
	// dropped.
	err error
}

// add adds one line, its newline included.
func (s *lineSorter) add(line []byte) {
	s.started = true
	if s.err != nil {
		return
	}
	start := len(s.buf)
	s.buf = append(s.buf, line...)
	s.lines = append(s.lines, [2]uint32{uint32(start), uint32(len(s.buf))})
	if len(s.buf) >= s.limit {
		s.err = s.spill()
	}
}

// sorted returns the held lines in byte order, without repeats.
func (s *lineSorter) sorted() [][]byte {
	out := make([][]byte, len(s.lines))
	for i, l := range s.lines {
		out[i] = s.buf[l[0]:l[1]]
	}
	slices.SortFunc(out, bytes.Compare)
	return slices.CompactFunc(out, bytes.Equal)
}

// maxRuns is how many runs a lineSorter keeps open: past it they are
// merged into one, so that a huge output never needs more open files than
// a process may have (often 1,024). A variable so that tests can make
// runs merge.
var maxRuns = 64

// spill writes the held lines, sorted, to a new run.
func (s *lineSorter) spill() error {
	if len(s.lines) == 0 {
		return nil
	}
	f, err := s.newRun()
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(f, 64<<10)
	for _, l := range s.sorted() {
		bw.Write(l)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("ld: sorting statements: %w", err)
	}
	s.buf, s.lines = s.buf[:0], s.lines[:0]
	if len(s.runs) < maxRuns {
		return nil
	}
	// Into one run: the merged runs' files are closed, and so gone.
	old := s.runs
	s.runs = nil
	defer func() {
		for _, f := range old {
			f.Close()
		}
	}()
	if f, err = s.newRun(); err != nil {
		return err
	}
	bw = bufio.NewWriterSize(f, 64<<10)
	if err := merge(old, bw); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("ld: sorting statements: %w", err)
	}
	return nil
}

// newRun makes a temporary file for a run. It is removed while open: the
// run lives as long as the file is open. Where that is refused (Windows),
// Close removes it.
func (s *lineSorter) newRun() (*os.File, error) {
	f, err := os.CreateTemp("", "film2ld-sort-*.nq")
	if err != nil {
		return nil, fmt.Errorf("ld: sorting statements: %w", err)
	}
	s.runs = append(s.runs, f)
	if os.Remove(f.Name()) != nil {
		s.left = append(s.left, f.Name())
	}
	return f, nil
}

// writeTo writes every line added, sorted and without repeats, to w.
func (s *lineSorter) writeTo(w io.Writer) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	if len(s.runs) == 0 {
		for _, l := range s.sorted() {
			bw.Write(l)
		}
		return bw.Flush()
	}
	if err := s.spill(); err != nil {
		return err
	}
	s.buf, s.lines = nil, nil
	if err := merge(s.runs, bw); err != nil {
		return err
	}
	return bw.Flush()
}

// merge writes the lines of the sorted runs to w in order, each once.
func merge(runs []*os.File, w io.Writer) error {
	h := make(runHeap, 0, len(runs))
	for _, f := range runs {
		if _, err := f.Seek(0, io.SeekStart); err != nil {
			return fmt.Errorf("ld: sorting statements: %w", err)
		}
		r := &sortRun{r: bufio.NewReaderSize(f, 32<<10)}
		if err := r.next(); err != nil {
			return err
		}
		if r.line != nil {
			h = append(h, r)
		}
	}
	heap.Init(&h)
	var last []byte
	for len(h) > 0 {
		r := h[0]
		if !bytes.Equal(r.line, last) {
			if _, err := w.Write(r.line); err != nil {
				return err
			}
			last = append(last[:0], r.line...)
		}
		if err := r.next(); err != nil {
			return err
		}
		if r.line == nil {
			heap.Pop(&h)
		} else {
			heap.Fix(&h, 0)
		}
	}
	return nil
}

// Close removes the runs' files.
func (s *lineSorter) Close() {
	for _, f := range s.runs {
		f.Close()
	}
	for _, name := range s.left {
		os.Remove(name)
	}
	s.runs, s.left = nil, nil
}

// sortRun is a sorted run being merged: its reader and its current line (nil
// at its end).
type sortRun struct {
	r    *bufio.Reader
	line []byte
	long []byte // a line longer than the reader's buffer, gathered
}

// next reads the run's next line.
func (r *sortRun) next() error {
	line, err := r.r.ReadSlice('\n')
	if errors.Is(err, bufio.ErrBufferFull) {
		r.long = append(r.long[:0], line...)
		for errors.Is(err, bufio.ErrBufferFull) {
			line, err = r.r.ReadSlice('\n')
			r.long = append(r.long, line...)
		}
		line = r.long
	}
	switch {
	case err == io.EOF && len(line) == 0:
		r.line = nil
		return nil
	case err != nil:
		return fmt.Errorf("ld: sorting statements: %w", err)
	}
	r.line = line
	return nil
}

// runHeap orders runs by their current line.
type runHeap []*sortRun

func (h runHeap) Len() int           { return len(h) }
func (h runHeap) Less(i, j int) bool { return bytes.Compare(h[i].line, h[j].line) < 0 }
func (h runHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *runHeap) Push(x any)        { *h = append(*h, x.(*sortRun)) }
func (h *runHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}
