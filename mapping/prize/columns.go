package prize

import (
	"cmp"
	"slices"
	"strings"
	"unicode"

	"github.com/film2ld/film2ld/mapping/internal/text"
)

// A page printed to PDF and turned back into text with its layout
// (pdftotext -layout) sets the header beside the synopsis and the credits
// in two columns, the columns' lines side by side on one line, apart by a
// wide run of spaces. Read line by line, the title was "La Route du sel
// (The Salt Road) Synopsis:" and each crew member ran into the one beside
// him (audit 18). readingOrder reads such a run one column after the
// other.

// srcLine is a line of the page in reading order: its number in the
// document, from 1, and its text as written (a column's part of it).
type srcLine struct {
	n   int
	raw string
}

// maxLayoutWidth is the longest line, in characters, that is looked at
// for columns: a printed page's line is at most a few hundred; a longer
// one is prose or junk, and the search is linear in the run's width.
const maxLayoutWidth = 400

// maxLayoutRows is the most lines of a run that is looked at for columns:
// a printed page has at most a hundred or so, and its runs, between blank
// lines, fewer; a longer run is no page's.
const maxLayoutRows = 200

// minGutter is the fewest spaces between two columns: a wide run, which
// prose (two spaces after a sentence at most) does not have.
const minGutter = 3

// readingOrder returns a page's lines in reading order: each run of
// non-blank lines set in columns is read column by column, each column a
// run of its own (a blank line between them); other lines stay as they
// are. layout says the page had a run in columns.
func readingOrder(lines []string) (out []srcLine, layout bool) {
	out = make([]srcLine, 0, len(lines))
	for from := 0; from < len(lines); {
		if text.IsBlank(lines[from]) {
			out = append(out, srcLine{n: from + 1})
			from++
			continue
		}
		to := from
		gutters := 0 // lines of the run with a gutter inside them
		for to < len(lines) && !text.IsBlank(lines[to]) {
			if hasGutter(lines[to]) {
				gutters++
			}
			to++
		}
		if gutters < 2 {
			// No columns (spaced needs two lines with a gutter): the
			// lines as they are, without the run's copy and split that
			// were a tenth of a prize page's allocations.
			for k := from; k < to; k++ {
				out = append(out, srcLine{n: k + 1, raw: lines[k]})
			}
			from = to
			continue
		}
		block := make([]srcLine, to-from)
		for k := range block {
			block[k] = srcLine{n: from + k + 1, raw: lines[from+k]}
		}
		cols := columns(block, 0)
		for k, col := range cols {
			if k > 0 {
				layout = true
				out = append(out, srcLine{n: col[0].n})
			}
			out = append(out, col...)
		}
		from = to
	}
	return out, layout
}

// columns splits a run of non-blank lines into its columns, left to
// right, each split again (three columns), or returns the run whole. A
// table of labels and their values ("Director" and, far to its right,
// "Jan Kowalski") is no two columns: each row is read as "Label: value".
func columns(block []srcLine, depth int) [][]srcLine {
	if depth > 3 || len(block) < 2 || len(block) > maxLayoutRows || !spaced(block) {
		return [][]srcLine{block}
	}
	rs := make([][]rune, len(block))
	for k, l := range block {
		if len(l.raw) > 4*maxLayoutWidth {
			return [][]srcLine{block}
		}
		rs[k] = []rune(strings.TrimRightFunc(l.raw, unicode.IsSpace))
		if len(rs[k]) > maxLayoutWidth {
			return [][]srcLine{block}
		}
		for i, r := range rs[k] {
			if unicode.IsSpace(r) {
				rs[k][i] = ' '
			}
		}
	}
	at, ok := gutter(rs)
	if !ok {
		return [][]srcLine{block}
	}
	var left, right []srcLine
	for k, r := range rs {
		n := block[k].n
		if len(r) <= at {
			left = append(left, srcLine{n: n, raw: string(r)})
			right = append(right, srcLine{n: n})
			continue
		}
		left = append(left, srcLine{n: n, raw: strings.TrimRight(string(r[:at]), " ")})
		right = append(right, srcLine{n: n, raw: string(r[at:])})
	}
	if rows, ok := labelRows(left, right); ok {
		return [][]srcLine{rows}
	}
	var out [][]srcLine
	for _, col := range [][]srcLine{left, right} {
		// A column's blank cells are its blank lines: runs of their own.
		for _, run := range runs(col) {
			out = append(out, columns(run, depth+1)...)
		}
	}
	return out
}

// spaced reports whether two lines of a run or more hold a wide run of
// spaces after some text, as the rows of two columns do: most runs have
// none, and are not looked at further.
func spaced(block []srcLine) bool {
	n := 0
	for _, l := range block {
		if hasGutter(l.raw) {
			if n++; n == 2 {
				return true
			}
		}
	}
	return false
}

// hasGutter reports whether a line has a run of spaces between its text
// (gutterRun), where columns may part.
func hasGutter(raw string) bool {
	return strings.Contains(strings.TrimRight(strings.TrimLeft(raw, " "), " "), gutterRun)
}

// runs returns the runs of non-blank lines of a column.
func runs(col []srcLine) [][]srcLine {
	var out [][]srcLine
	start := -1
	for k := 0; k <= len(col); k++ {
		blank := k == len(col) || text.IsBlank(col[k].raw)
		switch {
		case !blank && start < 0:
			start = k
		case blank && start >= 0:
			out = append(out, col[start:k])
			start = -1
		}
	}
	return out
}

// gutter returns where a run's second column starts, in characters: the
// position where two rows or more start text after a wide run of spaces
// that follows text, and where no row's text crosses (the two characters
// before it are spaces in every row that long). It returns false when
// there is none.
func gutter(rs [][]rune) (int, bool) {
	starts := map[int]int{}
	for _, r := range rs {
		text, spaces := false, 0
		for i, c := range r {
			if c == ' ' {
				spaces++
				continue
			}
			if text && spaces >= minGutter {
				starts[i]++
			}
			text, spaces = true, 0
		}
	}
	var cands []int
	for at, n := range starts {
		if n >= 2 {
			cands = append(cands, at)
		}
	}
	slices.SortFunc(cands, func(a, b int) int {
		return cmp.Or(cmp.Compare(starts[b], starts[a]), cmp.Compare(a, b))
	})
	for _, at := range cands[:min(len(cands), 8)] {
		if !slices.ContainsFunc(rs, func(r []rune) bool { return len(r) > at && (r[at-1] != ' ' || r[at-2] != ' ') }) {
			return at, true
		}
	}
	return 0, false
}

// labelRows reads two columns as a table of labels and their values when
// every cell of the left one is a label alone ("Director", "Editing:") and
// two rows or more have one: each row is "Label: value", and a row with
// no label goes on the value above it.
func labelRows(left, right []srcLine) ([]srcLine, bool) {
	n := 0
	rows := make([]srcLine, len(left))
	for k, l := range left {
		cell := strings.TrimSpace(l.raw)
		value := strings.TrimSpace(right[k].raw)
		if cell == "" {
			rows[k] = srcLine{n: l.n, raw: value}
			continue
		}
		if _, ok := lookup(strings.TrimSpace(strings.TrimSuffix(cell, ":"))); !ok || strings.Count(cell, ":") > 1 ||
			strings.Contains(cell, ":") && !strings.HasSuffix(cell, ":") {
			return nil, false
		}
		n++
		rows[k] = srcLine{n: l.n, raw: strings.TrimSuffix(cell, ":") + ": " + value}
	}
	return rows, n >= 2
}
