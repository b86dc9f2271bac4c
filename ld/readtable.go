package ld

import (
	"bytes"
	"errors"
	"fmt"
	"hash/maphash"
	"io"
	"slices"
)

// readTable reads the sorter's lines back, sorted and without repeats, as
// the termTable that lineTable makes of the dataset [Dataset.ReadNQuads]
// reads from them: the terms are found by a hash of their parts in a table
// of numbers, not by a map of keys, and made Terms at once. Read as a
// dataset, the 700,000 statements of 50,000 reviews and their provenance
// held a 13 MB index and 11 MB of keys on top of the table. The lines are
// the walk's, whose terms were checked as it made them: they are not
// checked again.
func readTable(lines *lineSorter) (*termTable, error) {
	// The room of the lines held (4 MiB and more) is free while the
	// table is made.
	lines.spillHeld()
	r, pw := io.Pipe()
	merged := make(chan error, 1)
	go func() {
		err := lines.writeTo(pw)
		pw.CloseWithError(err)
		merged <- err
	}()
	t, err := readTableFrom(r, lines.added)
	r.Close() // ends the merge, if reading stopped short
	if mergeErr := <-merged; mergeErr != nil && !errors.Is(mergeErr, io.ErrClosedPipe) {
		return nil, mergeErr
	}
	lines.Close()
	lines.buf, lines.lines = nil, nil
	if err != nil {
		return nil, err
	}
	return t, nil
}

// readTableFrom reads N-Quads lines into a termTable; about says about how
// many statements there are (room is made for them at once: grown by
// appending, the statements were held twice as they were copied).
func readTableFrom(r io.Reader, about int) (*termTable, error) {
	f := termFinder{seed: maphash.MakeSeed(), termList: newTermList()}
	quads := make([]dquad, 0, about)
	lr := newLineReader(r)
	one := make([]rawQuad, 1, 4)
	var buf []byte
	for {
		raw, err := lr.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("ld: reading the sorted statements: %w", err)
		}
		text := trimLineSpace(raw)
		if len(text) == 0 {
			continue
		}
		qs := one[:0]
		if lexQuad(text, &one[0], &buf) {
			qs = one[:1]
		} else {
			// As ReadNQuads reads what lexQuad does not.
			ds, err := parseLine(string(text))
			if err != nil {
				return nil, statementError("the sorted statements", lr.line, raw, err)
			}
			for g, gqs := range ds.Graphs {
				for _, q := range gqs {
					qs = append(qs, rawQuadOf(q, g))
				}
			}
		}
		for _, q := range qs {
			dq := dquad{f.find(q[0]), f.find(q[1]), f.find(q[2]), 0}
			if q[3].kind != 0 {
				dq.g = f.find(q[3])
			}
			quads = append(quads, dq)
		}
	}
	if f.lowered {
		// Lines apart by a language tag's case only are one statement.
		slices.SortFunc(quads, compareQuads)
		quads = slices.Compact(quads)
	}
	return newTermTable(f.termList, quads), nil
}

// termFinder numbers the distinct terms of N-Quads lines as Terms, as
// lineTable makes them: a blank node's Value without "_:", a literal's
// language tag in lower case (with rdf:langString its datatype).
type termFinder struct {
	seed maphash.Seed
	termList
	// slots holds term numbers (0 an empty slot: term 0 is the default
	// graph, never looked for) by their hash, open addressing, at most
	// half full.
	slots []uint32
	lang  []byte
	// lowered is set once a language tag was not in lower case.
	lowered bool
}

// find returns the number of t's term, adding it when it is new.
func (f *termFinder) find(t rawTerm) uint32 {
	value := t.value
	if t.kind == Blank {
		value = bytes.TrimPrefix(value, []byte("_:"))
	}
	var datatype, lang []byte
	if t.kind == Literal {
		datatype = t.datatype
		if len(t.lang) > 0 {
			datatype = rdfLangStringBytes
			f.lang = bytes.ToLower(append(f.lang[:0], t.lang...))
			lang = f.lang
			f.lowered = f.lowered || !bytes.Equal(lang, t.lang)
		}
	}
	if 2*(len(f.terms)+1) > len(f.slots) {
		f.grow()
	}
	mask := uint64(len(f.slots) - 1)
	for i := f.hash(t.kind, value, datatype, lang) & mask; ; i = (i + 1) & mask {
		id := f.slots[i]
		if id == 0 {
			id = uint32(len(f.terms))
			f.slots[i] = id
			term := Term{Kind: t.kind, Value: string(value)}
			if t.kind == Literal {
				term.Datatype, term.Lang = string(datatype), string(lang)
			}
			f.terms = append(f.terms, f.compact(term))
			return id
		}
		if have := f.terms[id]; have.kind == t.kind && have.value == string(value) {
			if form := f.forms[have.form]; form.datatype == string(datatype) && form.lang == string(lang) {
				return id
			}
		}
	}
}

func (f *termFinder) hash(kind TermKind, value, datatype, lang []byte) uint64 {
	var h maphash.Hash
	h.SetSeed(f.seed)
	h.WriteByte(byte(kind))
	h.Write(value)
	h.WriteByte(0)
	h.Write(datatype)
	h.WriteByte(0)
	h.Write(lang)
	return h.Sum64()
}

// hashTerm is hash of a Term made by find.
func (f *termFinder) hashTerm(t Term) uint64 {
	var h maphash.Hash
	h.SetSeed(f.seed)
	h.WriteByte(byte(t.Kind))
	h.WriteString(t.Value)
	h.WriteByte(0)
	h.WriteString(t.Datatype)
	h.WriteByte(0)
	h.WriteString(t.Lang)
	return h.Sum64()
}

// grow doubles the slots and places the terms anew.
func (f *termFinder) grow() {
	f.slots = make([]uint32, max(2*len(f.slots), 1024))
	mask := uint64(len(f.slots) - 1)
	for id := 1; id < len(f.terms); id++ {
		i := f.hashTerm(f.term(uint32(id))) & mask
		for f.slots[i] != 0 {
			i = (i + 1) & mask
		}
		f.slots[i] = uint32(id)
	}
}
