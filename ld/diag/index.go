package diag

import (
	"bytes"
	"sort"
	"unicode/utf8"
)

// Index turns byte offsets of one input into 1-based lines and columns,
// with columns counted in characters (Unicode code points), as editors and
// SARIF's "unicodeCodePoints" count them: on a line of accented or CJK
// text, a byte count would point past the place.
//
// It is built once per input in one pass; each lookup is a binary search
// over line starts plus a scan of at most [checkpoint] bytes, so a
// document's positions cost time linear in its size, however long its
// lines are.
type Index struct {
	data []byte
	// lines are the offsets at which each line starts.
	lines []int
	// chars[i] is the number of characters in data[:i*checkpoint].
	chars []int
	// valid is set when data is UTF-8 throughout, where the counts of
	// chars are those of ranging over a string, which excerpts count by.
	valid bool
}

// checkpoint is the spacing, in bytes, of the character counts an Index
// keeps.
const checkpoint = 256

// NewIndex indexes data. A byte-order mark counts as a character like any
// other; callers that accept one strip it first.
func NewIndex(data []byte) *Index {
	x := &Index{data: data, lines: []int{0}, chars: make([]int, 0, len(data)/checkpoint+1)}
	for off := 0; ; {
		i := bytes.IndexByte(data[off:], '\n')
		if i < 0 {
			break
		}
		off += i + 1
		x.lines = append(x.lines, off)
	}
	x.valid = utf8.Valid(data)
	n := 0
	for start := 0; start <= len(data); start += checkpoint {
		x.chars = append(x.chars, n)
		n += CharCount(data[start:min(start+checkpoint, len(data))])
	}
	return x
}

// CharCount counts the characters of a piece of UTF-8 as an Index counts
// them: the bytes that start one. It is additive, so pieces may split a
// character; a stray continuation byte counts as none.
func CharCount(b []byte) int {
	n := 0
	for _, c := range b {
		if c&0xC0 != 0x80 {
			n++
		}
	}
	return n
}

// charsBefore counts the characters of data[:off].
func (x *Index) charsBefore(off int) int {
	k := off / checkpoint
	return x.chars[k] + CharCount(x.data[k*checkpoint:off])
}

// charOffset returns the byte offset at which the character numbered c
// (from 0) starts, or len(data) past the last.
func (x *Index) charOffset(c int) int {
	j := sort.Search(len(x.chars), func(j int) bool { return x.chars[j] > c }) - 1
	off, n := j*checkpoint, x.chars[j]
	for ; off < len(x.data); off++ {
		if x.data[off]&0xC0 != 0x80 {
			if n == c {
				return off
			}
			n++
		}
	}
	return len(x.data)
}

// LineCol returns the 1-based line and character column of a byte offset.
// Offsets out of range are clamped to the input.
func (x *Index) LineCol(off int) (line, col int) {
	off = min(max(off, 0), len(x.data))
	line = sort.SearchInts(x.lines, off+1) // lines[line-1] <= off
	start := x.lines[line-1]
	return line, x.charsBefore(off) - x.charsBefore(start) + 1
}

// Offset returns the byte offset of a 1-based line and byte column, the
// inverse of a byte-based position (such as an HTML tokenizer's), clamped
// to the input.
func (x *Index) Offset(line, byteCol int) int {
	line = min(max(line, 1), len(x.lines))
	return min(x.lines[line-1]+max(byteCol-1, 0), len(x.data))
}

// LineBounds returns the byte range of a 1-based line, without its line
// break.
func (x *Index) LineBounds(line int) (start, end int) {
	if line < 1 || line > len(x.lines) {
		return 0, 0
	}
	start = x.lines[line-1]
	end = len(x.data)
	if line < len(x.lines) {
		end = x.lines[line] - 1
	}
	if end > start && x.data[end-1] == '\r' {
		end--
	}
	return start, end
}

// Lines returns the number of lines.
func (x *Index) Lines() int { return len(x.lines) }

// Position places byte offset off of the input named file.
func (x *Index) Position(file string, off int) Position {
	l, c := x.LineCol(off)
	return Position{File: file, Line: l, Col: c}
}

// Line returns the text of a 1-based line, without its line break, or ""
// for a line out of range.
func (x *Index) Line(line int) string {
	s, e := x.LineBounds(line)
	return string(x.data[s:e])
}

// Excerpt shows a line of the input with a caret under a column (see the
// function [Excerpt]).
func (x *Index) Excerpt(line, col int) string {
	return x.ExcerptAs(line, col, line)
}

// ExcerptAs is Excerpt of the index's line line, numbered number in the
// excerpt: the line's place in a larger input, of which x indexes that
// line alone (a line read again from a file whose bytes were let go).
func (x *Index) ExcerptAs(line, col, number int) string {
	if line <= 0 || col <= 0 {
		return ""
	}
	s, e := x.LineBounds(line)
	text := bytes.TrimRight(x.data[s:e], "\r\n")
	// Only the window shown is copied: a 200 MB line was copied whole
	// for each finding on it. Nor is the line counted for each: 20,000
	// findings on a 200 KB line took 3.5 s, quadratic in the input. In
	// UTF-8 the checkpoints place the window.
	if x.valid {
		base := x.charsBefore(s)
		n := x.charsBefore(s+len(text)) - base
		start, end := excerptWindow(n, col)
		return excerpt(string(x.data[x.charOffset(base+start):x.charOffset(base+end)]), n, number, col)
	}
	n := byteRuneCount(text)
	start, end := excerptWindow(n, col)
	text = text[byteRuneOffset(text, start):]
	return excerpt(string(text[:byteRuneOffset(text, end-start)]), n, number, col)
}
