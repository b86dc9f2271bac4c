package ld

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"io"
	"slices"
	"strconv"

	"github.com/film2ld/film2ld/ld/internal/jsongold"
)

// Canonical N-Quads of a large document, in lines.
//
// canonicalText labels blank nodes from the whole dataset held as numbered
// terms: for a page of 50,000 reviews that dataset and the walk's tables
// were most of export's 160-176 MB. Past sortMemory/256 statements the
// direct walk writes its statements as N-Quads lines to a lineSorter
// instead (as for N-Quads, writeDirectNQuads), blank nodes by their walk
// labels (_:b0, _:b1, …) and literals as canonical N-Quads write them, and
// writeCanonicalLines computes the same labels from the lines with the
// memory of one hash per blank node:
//
//  1. the sorted, distinct lines are gone through once, and each blank
//     node's first-degree line (itself _:a, every other blank node _:z)
//     is recorded for each position it holds in a statement, as
//     firstDegreeLabels lists them, into a second sorter, keyed by the
//     walk label: a blank node's lines then come together, sorted, and
//     are hashed as they come;
//  2. where every hash is distinct, canonical label _:c14nN goes by the
//     hashes' order, as in firstDegreeLabels; the lines are gone through
//     again, relabelled, and sorted once more (a new label sorts
//     elsewhere) into the output.
//
// Where two hashes are the same the general algorithm must run, on the
// whole dataset: the document is walked again into memory, and
// WriteCanonical writes it as before. The differential tests
// (canonlines_test.go, mapping/pipeline) prove the bytes are the same.

// errDeclined stops the lines' passes where writeCanonicalLines declines.
var errDeclined = errors.New("ld: canonical lines declined")

// writeDirectCanonical writes doc's canonical N-Quads (RDFC-1.0) by the
// direct walk; ok is false, with nothing written, for a document outside
// its shape. A large document's statements become lines, as for
// N-Quads (see Config.SortMemory), and are labelled by
// writeCanonicalLines; a small one's are labelled in memory by
// WriteCanonical.
func (p *Processor) writeDirectCanonical(w io.Writer, ctx *jsongold.Context, doc any) (err error, ok bool) {
	sortMemory := p.cfg.SortMemory
	if sortMemory <= 0 {
		// Half N-Quads': the film's 20 MB stay live while three sorts
		// run, and with the heap bounded to 7 times the page
		// (cmd/film2ld's boundHeap) 4 MiB runs left the collector
		// little room.
		sortMemory = defaultSortMemory / 2
	}
	lines := lineSorter{limit: sortMemory}
	defer lines.Close()
	d, ok := directDataset(ctx, doc, &lines, true, false)
	if !ok {
		return nil, false
	}
	if lines.started {
		if err, ok := writeCanonicalLines(w, &lines, sortMemory, d.blanks); ok {
			return err, true
		}
		// Two blank nodes share a first-degree hash: the document
		// again, into memory, for the general algorithm (a sequence in
		// it is walked twice, as collect does for Write's path).
		lines.Close()
		if d, ok = directDataset(ctx, doc, nil, false, false); !ok {
			return nil, false
		}
	}
	defer d.recycle()
	return p.WriteCanonical(w, d), true
}

// writeCanonicalLines writes the canonical N-Quads of the statements in
// lines (see directDataset's canonical), whose blank nodes are _:b0 to
// _:b<blanks-1>, sorting in runs of about limit bytes; ok is false, with nothing written, where firstDegreeLabels
// would decline: two blank nodes with one first-degree hash, a blank
// node as predicate.
func writeCanonicalLines(w io.Writer, lines *lineSorter, limit, blanks int) (err error, ok bool) {
	// Only one sorter holds lines at a time, each in the room the one
	// before gave up: 4 MiB each, with the slices that index them, three
	// came to 18 MB of the live heap (50,000 reviews).
	buf, idx := lines.flush()
	// 1. Each blank node's first-degree lines, keyed by its label.
	records := lineSorter{limit: limit, repeats: true, buf: buf, lines: idx}
	defer records.Close()
	var (
		terms [4][2]int
		rec   []byte
	)
	err = lines.each(func(l []byte) error {
		n, ok := splitLine(l, &terms)
		if !ok || l[terms[1][0]] == '_' {
			return errDeclined
		}
		for k := range n {
			if l[terms[k][0]] != '_' {
				continue
			}
			label := l[terms[k][0]:terms[k][1]]
			rec = append(append(rec[:0], label...), ' ')
			rec = appendFirstDegreeLine(rec, l, &terms, n, label)
			records.add(rec)
		}
		return nil
	})
	if err != nil {
		return declined(err)
	}
	buf, idx = records.flush()
	// Their hashes, by walk label number.
	var (
		sums = make([][sha256.Size]byte, blanks)
		has  = make([]bool, blanks)
		cur  []byte
		at   int
	)
	h := sha256.New()
	done := func() {
		if cur != nil {
			h.Sum(sums[at][:0])
		}
	}
	err = records.each(func(r []byte) error {
		sp := bytes.IndexByte(r, ' ')
		if sp < 0 {
			return errDeclined
		}
		if label := r[:sp]; !bytes.Equal(label, cur) {
			done()
			n, ok := walkLabel(label)
			if !ok || n >= blanks || has[n] {
				return errDeclined
			}
			has[n], at = true, n
			cur = append(cur[:0], label...)
			h.Reset()
		}
		h.Write(r[sp+1:])
		return nil
	})
	if err != nil {
		return declined(err)
	}
	done()
	records.Close()
	records = lineSorter{}
	// 2. The canonical labels, by the hashes' order.
	var order []int32
	for n, ok := range has {
		if ok {
			order = append(order, int32(n))
		}
	}
	slices.SortFunc(order, func(a, b int32) int { return bytes.Compare(sums[a][:], sums[b][:]) })
	for i := 1; i < len(order); i++ {
		if sums[order[i]] == sums[order[i-1]] {
			return nil, false
		}
	}
	canon := make([]int32, len(has))
	for i, n := range order {
		canon[n] = int32(i)
	}
	sums, order = nil, nil
	out := lineSorter{limit: limit, buf: buf, lines: idx}
	defer out.Close()
	var line []byte
	err = lines.each(func(l []byte) error {
		n, _ := splitLine(l, &terms)
		line = line[:0]
		for k := range n {
			if k > 0 {
				line = append(line, ' ')
			}
			t := l[terms[k][0]:terms[k][1]]
			if t[0] != '_' {
				line = append(line, t...)
				continue
			}
			label, ok := walkLabel(t)
			if !ok || label >= len(has) || !has[label] {
				return errDeclined
			}
			line = strconv.AppendInt(append(line, "_:c14n"...), int64(canon[label]), 10)
		}
		out.add(append(line, " .\n"...))
		return nil
	})
	if err != nil {
		return declined(err)
	}
	return out.writeTo(w), true
}

// declined returns writeCanonicalLines' results for an error of its
// passes: ok false where it declined, else the error (a temporary
// file's).
func declined(err error) (error, bool) {
	if errors.Is(err, errDeclined) {
		return nil, false
	}
	return err, true
}

// splitLine finds the terms of an N-Quads line as the direct walk writes
// it (one space between terms, " .\n" at the end): term k is
// l[t[k][0]:t[k][1]], n is 3 or 4; ok is false for anything else.
func splitLine(l []byte, t *[4][2]int) (n int, ok bool) {
	i := 0
	for n = 0; n < 4; n++ {
		start := i
		if i >= len(l) {
			return 0, false
		}
		switch l[i] {
		case '<':
			j := bytes.IndexByte(l[i:], '>')
			if j < 0 {
				return 0, false
			}
			i += j + 1
		case '_':
			j := bytes.IndexByte(l[i:], ' ')
			if j < 0 {
				return 0, false
			}
			i += j
		case '"':
			// The value, its quotes and backslashes escaped, then a
			// language tag or a datatype.
			for i++; i < len(l) && l[i] != '"'; i++ {
				if l[i] == '\\' {
					i++
				}
			}
			if i++; i < len(l) && l[i] == '^' {
				j := bytes.IndexByte(l[i:], '>')
				if j < 0 {
					return 0, false
				}
				i += j + 1
			} else if i < len(l) && l[i] == '@' {
				j := bytes.IndexByte(l[i:], ' ')
				if j < 0 {
					return 0, false
				}
				i += j
			}
		default:
			return 0, false
		}
		t[n] = [2]int{start, i}
		if n >= 2 && len(l)-i == 3 && string(l[i:]) == " .\n" {
			return n + 1, true
		}
		if i >= len(l) || l[i] != ' ' {
			return 0, false
		}
		i++
	}
	return 0, false
}

// appendFirstDegreeLine appends line l's first-degree form for the blank
// node label, as appendFirstDegree writes it: label as _:a, every other
// blank node as _:z.
func appendFirstDegreeLine(buf, l []byte, t *[4][2]int, n int, label []byte) []byte {
	for k := range n {
		if k > 0 {
			buf = append(buf, ' ')
		}
		term := l[t[k][0]:t[k][1]]
		switch {
		case term[0] != '_':
			buf = append(buf, term...)
		case bytes.Equal(term, label):
			buf = append(buf, "_:a"...)
		default:
			buf = append(buf, "_:z"...)
		}
	}
	return append(buf, " .\n"...)
}

// walkLabel returns N of a walk's blank node label _:bN.
func walkLabel(label []byte) (int, bool) {
	digits, ok := bytes.CutPrefix(label, []byte("_:b"))
	if !ok || len(digits) == 0 || len(digits) > 9 || len(digits) > 1 && digits[0] == '0' {
		return 0, false
	}
	n := 0
	for _, c := range digits {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}
