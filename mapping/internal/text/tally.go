package text

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/film2ld/film2ld/mapping/film"
)

// Tally gathers the lines of one section that a mapper left out, so that
// they are reported once for the section (how many, and where) instead of
// once per line: a page with a long unmapped section gives one note, not
// one per line. The zero value is ready to use.
type Tally struct {
	lines LineSet
	first string
}

// Add records a left-out line; the first one recorded is quoted in the
// note.
func (t *Tally) Add(line int, s string) {
	if t.lines.Len() == 0 {
		t.first = s
	}
	t.lines.Add(line)
}

// Len is how many lines were recorded.
func (t *Tally) Len() int { return t.lines.Len() }

// Flush returns one note for the recorded lines, prefixed by what (which
// names the section and why its lines were left out), and empties the
// tally. ok is false when nothing was recorded. The note stands at the
// first line:
//
//	section "Reception" is not mapped: 3 lines left out (lines 12-13, 15), the first: "It was liked."
func (t *Tally) Flush(what string) (n film.Note, ok bool) {
	if t.lines.Len() == 0 {
		return film.Note{}, false
	}
	count := "1 line"
	where := "line "
	if t.lines.Len() > 1 {
		count = strconv.Itoa(t.lines.Len()) + " lines"
		where = "lines "
	}
	n = film.Note{Line: t.lines.First(), Message: fmt.Sprintf("%s: %s left out (%s%s), the first: %q",
		what, count, where, t.lines.String(), Short(t.first))}
	*t = Tally{}
	return n, true
}

// MaxListedRuns is how many runs of consecutive lines a LineSet lists;
// the lines after them are counted.
const MaxListedRuns = 32

// LineSet records line numbers, added in increasing order, as runs of
// consecutive lines, and writes them compactly: "3-5, 9". It lists the
// first MaxListedRuns runs and counts the lines after them, so its memory
// and its text stay small however many lines it records (a list of every
// line took 60 MB for a 16 MB page of junk lines, and a note could list
// millions of them). The zero value is ready to use.
type LineSet struct {
	runs  []lineRun
	n     int // lines recorded
	extra int // lines recorded after the listed runs
}

// lineRun is the lines from through to.
type lineRun struct{ from, to int }

// Add records line, which comes after every line recorded before it.
func (s *LineSet) Add(line int) {
	s.n++
	switch last := len(s.runs) - 1; {
	case s.extra == 0 && last >= 0 && s.runs[last].to == line-1:
		s.runs[last].to = line
	case s.extra == 0 && len(s.runs) < MaxListedRuns:
		s.runs = append(s.runs, lineRun{line, line})
	default:
		s.extra++
	}
}

// Len is how many lines were recorded.
func (s *LineSet) Len() int { return s.n }

// First is the first line recorded, or 0.
func (s *LineSet) First() int {
	if len(s.runs) == 0 {
		return 0
	}
	return s.runs[0].from
}

// String writes the listed runs ("3-5, 9") and, where lines were recorded
// after them, how many (", and 120 more").
func (s *LineSet) String() string {
	var b strings.Builder
	for i, r := range s.runs {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(strconv.Itoa(r.from))
		if r.to > r.from {
			b.WriteString("-" + strconv.Itoa(r.to))
		}
	}
	if s.extra > 0 {
		fmt.Fprintf(&b, ", and %d more", s.extra)
	}
	return b.String()
}
