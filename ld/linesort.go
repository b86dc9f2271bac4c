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
// runs written to temporary files (os.TempDir), which are merged as the
// output is written. A film's N-Quads are over ten times its documents
// (50,000 reviews: a 5.4 MB page, 80 MB of N-Quads), so a writer that held
// every statement to sort them held the largest part of export's memory.
//
// A run's file is removed as soon as it is made (where the system allows
// an open file to be removed), so that nothing is left behind by a
// process that is killed; Close removes what is left. Where no run can be
// written (no temporary folder, a full disk), the sorter holds the lines
// from then on: the output is the same, only the memory is not bounded.
type lineSorter struct {
	limit int
	buf   []byte
	lines [][2]int // start and end of each line in buf
	runs  []*os.File
	// left names the runs' files still in their folder, for Close.
	left []string
	// started is set by the first line added; added counts them.
	started bool
	added   int
	// held is set once a run could not be written: lines are held from
	// then on.
	held bool
	// next is the file for the next run, made by canSpill.
	next *os.File
	// order is sorted's slice.
	order [][]byte
	// repeats keeps repeated lines: canonical N-Quads' first-degree
	// records (canonlines.go) count each statement a blank node is in,
	// and two may read alike.
	repeats bool
}

// add adds one line, its newline included.
func (s *lineSorter) add(line []byte) {
	s.started = true
	s.added++
	if s.buf == nil && s.limit <= maxPrealloc {
		// The run's room at once: grown by append, a buffer was
		// copied a dozen times on its way to the limit, and the copies
		// left behind were as large as the limit together.
		s.buf = make([]byte, 0, s.limit+s.limit/16)
	}
	start := len(s.buf)
	s.buf = append(s.buf, line...)
	s.lines = append(s.lines, [2]int{start, len(s.buf)})
	if len(s.buf) >= s.limit && !s.held {
		s.spill()
	}
}

// maxPrealloc is the largest limit a lineSorter takes room for at once.
const maxPrealloc = 64 << 20

// sorted returns the held lines in byte order, without repeats (unless
// s.repeats), valid until the next line is added. The slice is the
// sorter's own, used again by each run: made anew, it was a tenth of the
// bytes a canonical export of 50,000 reviews allocated.
func (s *lineSorter) sorted() [][]byte {
	out := slices.Grow(s.order[:0], len(s.lines))
	for _, l := range s.lines {
		out = append(out, s.buf[l[0]:l[1]])
	}
	s.order = out
	slices.SortFunc(out, bytes.Compare)
	if s.repeats {
		return out
	}
	return slices.CompactFunc(out, bytes.Equal)
}

// flush writes the lines held to a run and gives their room to the next
// sorter (put them in its buf and lines): for a sorter whose lines are
// gone through again (see each) while another fills. Where no run can be
// written they stay held, and there is no room to give.
func (s *lineSorter) flush() (buf []byte, lines [][2]int) {
	if len(s.lines) > 0 && !s.held {
		s.spill()
	}
	if len(s.lines) > 0 {
		return nil, nil
	}
	buf, lines = s.buf[:0], s.lines[:0]
	s.buf, s.lines, s.order = nil, nil, nil
	return buf, lines
}

// spillHeld writes the lines held to a run of their own, where a run can
// be written, and lets go of their room: for a reader that goes through
// the lines once, all added, and needs the memory meanwhile.
func (s *lineSorter) spillHeld() {
	if len(s.lines) > 0 && !s.held {
		s.spill()
	}
	if len(s.lines) == 0 {
		s.buf, s.lines, s.order = nil, nil, nil
	}
}

// maxRuns is how many runs a lineSorter keeps open: past it they are
// merged into one, so that a huge output never needs more open files than
// a process may have (often 1,024). A variable so that tests can make
// runs merge.
var maxRuns = 64

// spill writes the held lines, sorted, to a new run; where that fails,
// the lines stay held and so do the next ones.
func (s *lineSorter) spill() {
	f, ok := s.newRun()
	if !ok {
		return
	}
	bw := bufio.NewWriterSize(f, 64<<10)
	for _, l := range s.sorted() {
		bw.Write(l)
	}
	if bw.Flush() != nil {
		s.dropRun()
		return
	}
	s.buf, s.lines = s.buf[:0], s.lines[:0]
	if len(s.runs) < maxRuns {
		return
	}
	// Into one run; the merged runs' files are closed, and so gone.
	old := slices.Clone(s.runs)
	if f, ok = s.newRun(); !ok {
		return
	}
	bw = bufio.NewWriterSize(f, 64<<10)
	if merge(sources(old), s.repeats, writeLine(bw)) != nil || bw.Flush() != nil {
		s.dropRun()
		return
	}
	for _, f := range old {
		f.Close()
	}
	s.runs = s.runs[len(old):]
}

// canSpill reports whether a run can be made, making the first one: a
// walk moves its statements to the sorter only then, since lines held
// as text take more memory than statements held as numbers.
func (s *lineSorter) canSpill() bool {
	if s.next == nil {
		f, err := os.CreateTemp("", "film2ld-sort-*.nq")
		if err != nil {
			return false
		}
		s.next = f
		if os.Remove(f.Name()) != nil {
			s.left = append(s.left, f.Name())
		}
	}
	return true
}

// newRun makes a temporary file for a run; ok is false, and the sorter
// holds its lines from then on, where that fails. The file is removed
// while open: the run lives as long as the file is open. Where that is
// refused (Windows), Close removes it.
func (s *lineSorter) newRun() (f *os.File, ok bool) {
	if !s.canSpill() {
		s.held = true
		return nil, false
	}
	f, s.next = s.next, nil
	s.runs = append(s.runs, f)
	return f, true
}

// dropRun drops the last run, which could not be written whole; the sorter
// holds its lines from then on.
func (s *lineSorter) dropRun() {
	f := s.runs[len(s.runs)-1]
	s.runs = s.runs[:len(s.runs)-1]
	f.Close()
	if n := len(s.left); n > 0 && s.left[n-1] == f.Name() {
		os.Remove(f.Name())
		s.left = s.left[:n-1]
	}
	s.held = true
}

// writeTo writes every line added, sorted and without repeats, to w.
func (s *lineSorter) writeTo(w io.Writer) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	if err := s.each(writeLine(bw)); err != nil {
		return err
	}
	return bw.Flush()
}

// each calls line with every line added, sorted and without repeats
// (unless s.repeats), and stops at its first error; the line is valid
// until line returns. The lines may be gone through again.
func (s *lineSorter) each(line func([]byte) error) error {
	runs := sources(s.runs)
	if len(s.lines) > 0 {
		runs = append(runs, &sortRun{held: s.sorted()})
	}
	return merge(runs, s.repeats, line)
}

// writeLine returns a line function for merge that writes to w.
func writeLine(w io.Writer) func([]byte) error {
	return func(l []byte) error {
		_, err := w.Write(l)
		return err
	}
}

// sources returns readers of the runs, from their start.
func sources(runs []*os.File) []*sortRun {
	out := make([]*sortRun, len(runs))
	for i, f := range runs {
		out[i] = &sortRun{f: f}
	}
	return out
}

// merge calls line with the lines of the sorted runs in order, each
// once unless repeats.
func merge(runs []*sortRun, repeats bool, line func([]byte) error) error {
	h := make(runHeap, 0, len(runs))
	for _, r := range runs {
		if r.f != nil {
			if _, err := r.f.Seek(0, io.SeekStart); err != nil {
				return fmt.Errorf("ld: sorting statements: %w", err)
			}
			r.r = bufio.NewReaderSize(r.f, 32<<10)
		}
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
		if repeats || !bytes.Equal(r.line, last) {
			if err := line(r.line); err != nil {
				return err
			}
			if !repeats {
				last = append(last[:0], r.line...)
			}
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
	if s.next != nil {
		s.next.Close()
	}
	for _, name := range s.left {
		os.Remove(name)
	}
	s.runs, s.left, s.next = nil, nil, nil
}

// sortRun is a sorted run being merged: its file and reader, or the lines
// held in memory, and its current line (nil at its end).
type sortRun struct {
	f    *os.File
	r    *bufio.Reader
	held [][]byte
	line []byte
	long []byte // a line longer than the reader's buffer, gathered
}

// next reads the run's next line.
func (r *sortRun) next() error {
	if r.f == nil {
		r.line = nil
		if len(r.held) > 0 {
			r.line, r.held = r.held[0], r.held[1:]
		}
		return nil
	}
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
