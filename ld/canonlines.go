package ld

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"io"
	"slices"
	"strconv"
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
//  2. the blank nodes whose hash is distinct get canonical labels
//     _:c14nN by the hashes' order, as in firstDegreeLabels;
//  3. where some share a hash (reviews whose ratings have one score),
//     RDFC-1.0's Hash N-Degree Quads algorithm labels those next. It
//     reads only their hashes, their statements that name another blank
//     node, and the labels of the blank nodes those name (labelled in 2.,
//     or among them), so only those lines are read into memory for it
//     (labelSharedLines; the whole dataset, walked again, took 28 times
//     a page of 40,000 scored reviews);
//  4. the lines are gone through again, relabelled, and sorted once
//     more (a new label sorts elsewhere) into the output.
//
// The differential tests (canonlines_internal_test.go, mapping/pipeline)
// prove the bytes are those of the general algorithm on the whole
// dataset.

// errDeclined stops the lines' passes where writeCanonicalLines declines.
var errDeclined = errors.New("ld: canonical lines declined")

// writeCanonicalWalked writes the canonical N-Quads (RDFC-1.0) of a walk
// in canonical mode (walkDirect), and lets go of it: a small document's
// statements are labelled in memory by WriteCanonical, a large one's
// from their lines by writeCanonicalLines. Where the lines are outside
// the plain form those passes read (they never were in the tests), they
// are read back as N-Quads into a dataset for WriteCanonical.
func (p *Processor) writeCanonicalWalked(w io.Writer, wk *walked) error {
	defer wk.lines.Close()
	d, lines := wk.d, wk.lines
	*wk = walked{}
	if !lines.started {
		defer d.recycle()
		return p.WriteCanonical(w, d)
	}
	if err, ok := writeCanonicalLines(w, lines, lines.limit, d.blanks, p.cfg.MaxWorkFactor); ok {
		return err
	}
	return p.canonicalFromLines(w, lines)
}

// canonicalFromLines writes the canonical N-Quads of the statements in
// lines by reading them back as N-Quads into a dataset.
func (p *Processor) canonicalFromLines(w io.Writer, lines *lineSorter) error {
	pr, pw := io.Pipe()
	done := make(chan struct{})
	go func() {
		defer close(done)
		pw.CloseWithError(lines.each(writeLine(pw)))
	}()
	d := NewDataset()
	_, err := d.ReadNQuads(pr, "JSON-LD", false)
	// A reader that stopped early lets the writer go; the lines' runs
	// are closed only once it is done with them.
	pr.Close()
	<-done
	if err != nil {
		return err
	}
	return p.WriteCanonical(w, d)
}

// writeCanonicalLines writes the canonical N-Quads of the statements in
// lines (see directDataset's canonical), whose blank nodes are _:b0 to
// _:b<blanks-1>, sorting in runs of about limit bytes; maxWorkFactor
// bounds the Hash N-Degree Quads algorithm (Config.MaxWorkFactor). ok is
// false, with nothing written, for lines outside the plain form it reads
// (a blank node as predicate, a label not the walk's).
func writeCanonicalLines(w io.Writer, lines *lineSorter, limit, blanks, maxWorkFactor int) (err error, ok bool) {
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
	terms:
		for k := range n {
			if l[terms[k][0]] != '_' {
				continue
			}
			label := l[terms[k][0]:terms[k][1]]
			// Once for each blank node, however many of its positions
			// it holds (RDFC-1.0 4.4.3 step 2).
			for j := range k {
				if bytes.Equal(l[terms[j][0]:terms[j][1]], label) {
					continue terms
				}
			}
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
	// 2. The canonical labels of the hashes no other blank node has, by
	// the hashes' order.
	var order []int32
	for n, ok := range has {
		if ok {
			order = append(order, int32(n))
		}
	}
	slices.SortFunc(order, func(a, b int32) int { return bytes.Compare(sums[a][:], sums[b][:]) })
	canon := make([]int32, len(has))
	var shared []int32
	unique := 0
	for i := 0; i < len(order); {
		j := i + 1
		for j < len(order) && sums[order[j]] == sums[order[i]] {
			j++
		}
		if j == i+1 {
			canon[order[i]] = int32(unique)
			unique++
		} else {
			shared = append(shared, order[i:j]...)
		}
		i = j
	}
	named := len(order)
	order = nil
	// 3. Those of the hashes some share.
	if len(shared) > 0 {
		if err := labelSharedLines(lines, canon, shared, sums, unique, named, maxWorkFactor); errors.Is(err, errDeclined) {
			return nil, false
		} else if err != nil {
			return canonicalError(err), true
		}
	}
	sums = nil
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

// labelSharedLines sets canon[n] for each blank node _:bn of shared,
// whose first-degree hash (sums[n]) other blank nodes share, to the
// number of its canonical label, by RDFC-1.0's Hash N-Degree Quads
// algorithm on numbered terms (sharedLabeller); shared lists the nodes
// of each hash together, by their hashes' order. canon holds the
// numbers of the blank nodes labelled by their unique hashes, unique how
// many they are, named how many blank nodes the statements name. The
// algorithm reads no more of a shared blank node than its hash and the
// statements that name another blank node with it (a review's
// reviewRating, for a rating), and of those statements their blank nodes
// and predicates, so only those lines are read, into numbers: blank node
// _:bn is term n+1, each predicate a term after them, and every other
// term one term, a placeholder. (They were json-gold quads, with maps of
// the nodes' labels and hashes, for jsongold.LabelShared: 2.5 times the
// input for 900,000 statements "_:aN <p> _:bN _:gN ." in lines.)
func labelSharedLines(lines *lineSorter, canon, shared []int32, sums [][sha256.Size]byte, unique, named, maxWorkFactor int) error {
	blanks := len(canon)
	// Terms 1..blanks are the blank nodes, other the placeholder, then
	// the predicates.
	other := uint32(blanks + 1)
	isShared := make([]bool, blanks)
	for _, n := range shared {
		isShared[n] = true
	}
	var (
		quads []dquad
		preds = map[string]uint32{}
		iris  []string
		terms [4][2]int
		q     rawQuad
		buf   []byte
	)
	term := func(t rawTerm) (uint32, bool) {
		switch t.kind {
		case 0:
			return 0, true
		case Blank:
			n, ok := walkLabel(t.value)
			return uint32(n + 1), ok && n < blanks
		}
		return other, true
	}
	err := lines.each(func(l []byte) error {
		n, ok := splitLine(l, &terms)
		if !ok {
			return errDeclined
		}
		names, first, others := false, -1, false
		for k := range n {
			if l[terms[k][0]] != '_' {
				continue
			}
			label, ok := walkLabel(l[terms[k][0]:terms[k][1]])
			if !ok || label >= blanks {
				return errDeclined
			}
			names = names || isShared[label]
			if first < 0 {
				first = label
			}
			others = others || label != first
		}
		if !names || !others {
			return nil
		}
		if !lexQuad(bytes.TrimSuffix(l, []byte("\n")), &q, &buf) || q[1].kind != IRI {
			return errDeclined
		}
		p, seen := preds[string(q[1].value)]
		if !seen {
			p = other + 1 + uint32(len(iris))
			preds[string(q[1].value)] = p
			iris = append(iris, string(q[1].value))
		}
		s, okS := term(q[0])
		o, okO := term(q[2])
		g, okG := term(q[3])
		if !okS || !okO || !okG {
			return errDeclined
		}
		quads = append(quads, dquad{s: s, p: p, o: o, g: g})
		return nil
	})
	if err != nil {
		return err
	}
	size := int(other) + 1 + len(iris)
	blank := make([]bool, size)
	labels := make([]int32, size)
	for i := range labels {
		labels[i] = -1
	}
	for n := range blanks {
		blank[n+1] = true
		if !isShared[n] {
			labels[n+1] = canon[n]
		}
	}
	hashes := make([]hashed, len(shared))
	for i, n := range shared {
		hashes[i] = hashed{id: n + 1, sum: sums[n]}
	}
	iri := func(t uint32) string { return iris[t-other-1] }
	err = guard("canonicalize", func() error {
		return newSharedLabeller(labels, hashes, unique, blank, quads, iri, named, maxWorkFactor).label()
	})
	if err != nil {
		return err
	}
	for _, n := range shared {
		canon[n] = labels[n+1]
	}
	return nil
}
