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
	lines []int
	first string
}

// Add records a left-out line; the first one recorded is quoted in the
// note.
func (t *Tally) Add(line int, s string) {
	if len(t.lines) == 0 {
		t.first = s
	}
	t.lines = append(t.lines, line)
}

// Len is how many lines were recorded.
func (t *Tally) Len() int { return len(t.lines) }

// Flush returns one note for the recorded lines, prefixed by what (which
// names the section and why its lines were left out), and empties the
// tally. ok is false when nothing was recorded. The note stands at the
// first line:
//
//	section "Reception" is not mapped: 3 lines left out (lines 12-13, 15), the first: "It was liked."
func (t *Tally) Flush(what string) (n film.Note, ok bool) {
	if len(t.lines) == 0 {
		return film.Note{}, false
	}
	count := "1 line"
	if len(t.lines) > 1 {
		count = strconv.Itoa(len(t.lines)) + " lines"
	}
	where := "line "
	if len(t.lines) > 1 {
		where = "lines "
	}
	n = film.Note{Line: t.lines[0], Message: fmt.Sprintf("%s: %s left out (%s%s), the first: %q",
		what, count, where, Ranges(t.lines), Short(t.first))}
	t.lines, t.first = nil, ""
	return n, true
}

// Ranges writes ascending line numbers compactly: "3-5, 9".
func Ranges(lines []int) string {
	var b strings.Builder
	for i := 0; i < len(lines); {
		j := i
		for j+1 < len(lines) && lines[j+1] == lines[j]+1 {
			j++
		}
		if b.Len() > 0 {
			b.WriteString(", ")
		}
		b.WriteString(strconv.Itoa(lines[i]))
		if j > i {
			b.WriteString("-" + strconv.Itoa(lines[j]))
		}
		i = j + 1
	}
	return b.String()
}
