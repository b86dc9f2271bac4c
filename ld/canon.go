package ld

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	jld "github.com/piprate/json-gold/ld"

	"github.com/film2ld/film2ld/ld/internal/jsongold"
	"github.com/film2ld/film2ld/ld/internal/ntriples"
)

// The short path of RDFC-1.0 canonicalisation.
//
// RDFC-1.0 labels every blank node by the hash of its first-degree quads
// (its statements with itself written _:a and every other blank node _:z)
// and, where two blank nodes share that hash, by the far costlier Hash
// N-Degree Quads algorithm. When every first-degree hash is unique, which
// is the common case for a film (each review, rating and role differs in
// some value of its own), the canonical labels are simply _:c14n0, _:c14n1,
// … in the order of the hashes: the general algorithm issues them in that
// order and never reaches its n-degree step. firstDegreeLabels computes
// exactly that on numbered terms, with no json-gold nodes, no per-quad
// strings and no maps keyed by labels, and declines (ok false) whenever a
// hash is shared, so that the caller runs the general algorithm
// (internal/jsongold) instead. The differential tests in canon_test.go
// prove both give the same bytes.

// firstDegreeLabels returns, for each blank node term, its canonical
// number (the N of _:c14nN) where its first-degree hash is unique, and -1
// for those whose hash other blank nodes share, listed in shared with
// their hashes (labelSharedTerms labels them); unique counts the unique
// hashes. ok is false for a statement outside plain RDF (a blank node as
// predicate). text[i] is term i's canonical N-Quads form (a blank node's
// is not read), blank[i] whether it is a blank node; quads are the
// statements as the general algorithm sees them, repeated ones included
// (g 0 is the default graph, whose term is not read). It works in sc's
// room, where labels is too.
func firstDegreeLabels(text []string, blank []bool, quads []dquad, sc *canonScratch) (labels []int32, shared []hashed, unique int, ok bool) {
	// The statements of each blank node, each once however many of its
	// positions the node holds (RDFC-1.0 4.4.3 step 2, as the general
	// algorithm lists them): a compressed table, start[i]..start[i+1] in
	// refs.
	start := sized(sc.start, len(text)+1)
	sc.start = start
	for _, q := range quads {
		if blank[q.p] {
			return nil, nil, 0, false
		}
		if blank[q.s] {
			start[q.s+1]++
		}
		if blank[q.o] && q.o != q.s {
			start[q.o+1]++
		}
		if q.g != 0 && blank[q.g] && q.g != q.s && q.g != q.o {
			start[q.g+1]++
		}
	}
	for i := 1; i < len(start); i++ {
		start[i] += start[i-1]
	}
	refs := sized(sc.refs, int(start[len(text)]))
	fill := append(sc.fill[:0], start[:len(text)]...)
	sc.refs, sc.fill = refs, fill
	for i, q := range quads {
		if blank[q.s] {
			refs[fill[q.s]] = int32(i)
			fill[q.s]++
		}
		if blank[q.o] && q.o != q.s {
			refs[fill[q.o]] = int32(i)
			fill[q.o]++
		}
		if q.g != 0 && blank[q.g] && q.g != q.s && q.g != q.o {
			refs[fill[q.g]] = int32(i)
			fill[q.g]++
		}
	}

	hashes := 0
	for id := range text {
		if blank[id] && start[id] != start[id+1] {
			hashes++
		}
	}
	nodes := sized(sc.nodes, hashes)[:0]
	buf, ends, lines, joined := sc.buf, sc.ends, sc.lines, sc.joined
	defer func() {
		// Kept for the next film; lines' slices of buf are cleared
		// on reuse (lines[:0]) before they are read.
		sc.nodes, sc.buf, sc.ends, sc.lines, sc.joined = nodes, buf, ends, lines, joined
	}()
	for id := range text {
		if !blank[id] || start[id] == start[id+1] {
			continue
		}
		buf, ends, lines = buf[:0], ends[:0], lines[:0]
		for _, qi := range refs[start[id]:start[id+1]] {
			buf = appendFirstDegree(buf, text, blank, quads[qi], uint32(id))
			ends = append(ends, len(buf))
		}
		from := 0
		for _, end := range ends {
			lines = append(lines, buf[from:end])
			from = end
		}
		slices.SortFunc(lines, bytes.Compare)
		// Hashed in one call: a hash.Hash's Write a line and its Sum
		// were 0.38 of this function's 0.52 s in the samples' profile,
		// most of it the calls' own work.
		joined = joined[:0]
		for _, l := range lines {
			joined = append(joined, l...)
		}
		nodes = append(nodes, hashed{id: int32(id), sum: sha256.Sum256(joined)})
	}
	// The hexadecimal hashes the algorithm sorts order as the bytes do;
	// their first eight bytes as a number tell most apart at once.
	slices.SortFunc(nodes, func(a, b hashed) int {
		if x, y := binary.BigEndian.Uint64(a.sum[:8]), binary.BigEndian.Uint64(b.sum[:8]); x != y {
			return cmp.Compare(x, y)
		}
		return bytes.Compare(a.sum[8:], b.sum[8:])
	})
	labels = sized(sc.labels, len(text))
	sc.labels = labels
	for i := range labels {
		labels[i] = -1
	}
	// The shared ones are moved to the front of nodes, in order, rather
	// than copied: where most blank nodes share their hashes (900,000
	// statements "_:aN <p> _:bN _:gN .") a copy was 97 MB more, and as
	// much again while it grew.
	kept := 0
	for i := 0; i < len(nodes); {
		j := i + 1
		for j < len(nodes) && nodes[j].sum == nodes[i].sum {
			j++
		}
		if j == i+1 {
			labels[nodes[i].id] = int32(unique)
			unique++
		} else {
			kept += copy(nodes[kept:], nodes[i:j])
		}
		i = j
	}
	return labels, nodes[:kept:kept], unique, true
}

// hashed is a blank node term and its first-degree hash.
type hashed struct {
	id  int32
	sum [sha256.Size]byte
}

// labelSharedTerms sets labels[id] for the blank nodes of shared, whose
// first-degree hashes others share, by RDFC-1.0's Hash N-Degree Quads
// algorithm (labelShared), given the labels firstDegreeLabels gave the
// unique ones (unique of them). It hands the algorithm what it reads: the
// hashes, and the statements of quads that name a shared blank node and
// another one, made json-gold's by node.
//
// Blank nodes that share their hash but are each in no statement with
// another blank node (400,000 lines of "_:xN <p> \"v\" ." took 433 MB
// and 7-10 s in the general algorithm) are labelled without it: each
// one's Hash N-Degree Quads is the hash of nothing, and no other node's
// names it, so the algorithm issues them their labels in order, group
// by group, after the unique ones; which node of a group takes which
// label does not show, as their statements are alike but for the node.
// Where any shared blank node is in a statement with another one, the
// general algorithm labels them all.
func labelSharedTerms(labels []int32, shared []hashed, unique int, blank []bool, quads []dquad, iri func(uint32) string, maxWorkFactor int) error {
	isShared := make([]bool, len(blank))
	for _, h := range shared {
		isShared[h.id] = true
	}
	linked := false
	for _, q := range quads {
		if linksShared(q, blank, isShared) {
			linked = true
			break
		}
	}
	if !linked {
		for i, h := range shared {
			labels[h.id] = int32(unique + i)
		}
		return nil
	}
	named := len(shared)
	for _, l := range labels {
		if l >= 0 {
			named++
		}
	}
	return newSharedLabeller(labels, shared, unique, blank, quads, iri, named, maxWorkFactor).label()
}

// linksShared reports whether statement q names a shared blank node and
// another blank node: a statement the Hash N-Degree Quads algorithm reads.
func linksShared(q dquad, blank, isShared []bool) bool {
	var first uint32
	var two, anyShared bool
	for _, t := range [...]uint32{q.s, q.o, q.g} {
		if t == 0 || !blank[t] {
			continue
		}
		anyShared = anyShared || isShared[t]
		if first == 0 {
			first = t
		} else if t != first {
			two = true
		}
	}
	return two && anyShared
}

// appendFirstDegree appends q's N-Quads line as the first-degree hash of
// blank node id reads it: id as _:a, every other blank node as _:z.
func appendFirstDegree(buf []byte, text []string, blank []bool, q dquad, id uint32) []byte {
	term := func(t uint32) {
		switch {
		case !blank[t]:
			buf = append(buf, text[t]...)
		case t == id:
			buf = append(buf, "_:a"...)
		default:
			buf = append(buf, "_:z"...)
		}
	}
	term(q.s)
	buf = append(buf, ' ')
	term(q.p)
	buf = append(buf, ' ')
	term(q.o)
	if q.g != 0 {
		buf = append(buf, ' ')
		term(q.g)
	}
	return append(buf, " .\n"...)
}

// c14nLabel is canonical blank node n's label.
func c14nLabel(n int32) string {
	if int(n) < len(c14nLabels()) {
		return c14nLabels()[n]
	}
	return "_:c14n" + strconv.Itoa(int(n))
}

// c14nLabels holds the first labels made once, in one string: a string
// for each blank node of each film was a sixth of the allocations the
// walk and canonical N-Quads of the samples' film made.
var c14nLabels = sync.OnceValue(func() []string { return labelTable("_:c14n", 1024) })

// labelTable returns prefix+"0" … prefix+strconv.Itoa(n-1), sliced from
// one string.
func labelTable(prefix string, n int) []string {
	var all []byte
	ends := make([]int, n)
	for i := range n {
		all = strconv.AppendInt(append(all, prefix...), int64(i), 10)
		ends[i] = len(all)
	}
	s := string(all)
	labels := make([]string, n)
	from := 0
	for i, end := range ends {
		labels[i], from = s[from:end], end
	}
	return labels
}

// literalText is a literal's canonical N-Quads form, exactly as the
// general algorithm (jsongold.NQuad) writes json-gold's literal of value,
// datatype ("" for xsd:string) and language tag (in the case given).
func literalText(value, datatype, lang string) string {
	var b strings.Builder
	b.Grow(literalTextSize(value, datatype, lang))
	writeLiteralText(&b, value, datatype, lang)
	return b.String()
}

// literalTextSize is the size of a literal's canonical form when its
// value needs no escape.
func literalTextSize(value, datatype, lang string) int {
	return len(value) + len(datatype) + len(lang) + 6
}

// writeLiteralText writes literalText's text to b.
func writeLiteralText(b *strings.Builder, value, datatype, lang string) {
	ntriples.WriteString(b, value)
	if datatype == "" {
		datatype = xsdString
	}
	switch {
	case datatype == rdfLangString || lang != "":
		b.WriteByte('@')
		b.WriteString(lang)
	case datatype != xsdString:
		b.WriteString("^^")
		ntriples.WriteIRI(b, datatype)
	}
}

// oneStringLimit is the most bytes of literal text canonicalText slices
// from one string: rep holds the offsets in a uint32. Tests lower it.
var oneStringLimit = math.MaxUint32

// canonicalText returns d's terms in canonical N-Quads form, blank nodes
// by their RDFC-1.0 labels, for writeNQuads, which then writes
// [Processor.WriteCanonical]'s bytes; ok is false where the short path
// declines (see firstDegreeLabels), err the Hash N-Degree Quads
// algorithm's (over maxWorkFactor, Config.MaxWorkFactor) where blank
// nodes share first-degree hashes. Statements are taken as rdfDataset
// gives them to the general algorithm: terms that write alike are one
// term, and repeated statements count once.
func (d *Dataset) canonicalText(maxWorkFactor int) (text []string, ok bool, err error) {
	sc := d.canon()
	text = sized(sc.text, len(d.terms))
	blank := sized(sc.blank, len(d.terms))
	// rep[i] is the first term written as term i is (a literal may be
	// spelled in several ways: language tags in another case, an
	// explicit xsd:string).
	rep := sized(sc.rep, len(d.terms))
	sc.text, sc.blank, sc.rep = text, blank, rep
	// The literals' texts are written one after another into one string
	// and sliced from it: a string each was a fifth of the bytes
	// allocated here for the samples' film. rep holds each one's end
	// until it is sliced, so texts past 4 GiB are made one by one.
	n, size := 0, 0
	for i := 1; i < len(d.terms); i++ {
		if t := d.terms[i]; t.kind == Literal {
			v, dt, lang := t.literal()
			n, size = n+1, size+literalTextSize(v, dt, lang)
		}
	}
	oneString := size < oneStringLimit
	var all strings.Builder
	if oneString {
		all.Grow(size)
		for i := 1; i < len(d.terms) && oneString; i++ {
			if t := d.terms[i]; t.kind == Literal {
				v, dt, lang := t.literal()
				writeLiteralText(&all, v, dt, strings.ToLower(lang))
				rep[i] = uint32(all.Len())
				oneString = all.Len() < oneStringLimit // escapes lengthen
			}
		}
		if !oneString {
			all = strings.Builder{}
		}
	}
	texts, from := all.String(), uint32(0)
	// The map sized at once: grown one literal at a time, its growth was
	// 40% of the bytes allocated here in a batch export.
	literals := sc.literals
	if literals == nil {
		literals = make(map[string]uint32, n)
		sc.literals = literals
	}
	clear(literals) // of a dataset written before
	for i := 1; i < len(d.terms); i++ {
		switch t := d.terms[i]; t.kind {
		case IRI:
			text[i] = ntriples.TermOfKey(t.key)
		case Blank:
			blank[i] = true
		case Literal:
			if oneString {
				text[i], from = texts[from:rep[i]], rep[i]
			} else {
				v, dt, lang := t.literal()
				text[i] = literalText(v, dt, strings.ToLower(lang))
			}
			if first, seen := literals[text[i]]; seen {
				rep[i] = first
				continue
			}
			literals[text[i]] = uint32(i)
		}
		rep[i] = uint32(i)
	}
	quads := sized(sc.quads, len(d.quads))
	sc.quads = quads
	for i, q := range d.quads {
		quads[i] = dquad{rep[q.s], rep[q.p], rep[q.o], rep[q.g]}
	}
	quads = sortQuads(quads, uint32(len(d.terms)), &sc.keys)
	labels, shared, unique, ok := firstDegreeLabels(text, blank, quads, sc)
	if !ok {
		return nil, false, nil
	}
	if len(shared) > 0 {
		iri := func(t uint32) string { return d.terms[t].value() }
		if err := labelSharedTerms(labels, shared, unique, blank, quads, iri, maxWorkFactor); err != nil {
			return nil, true, err
		}
	}
	for i, b := range blank {
		if b {
			text[i] = c14nLabel(labels[i])
		}
	}
	return text, true, nil
}

// canonicalFirstDegree is the short path for json-gold's dataset: the
// sorted, distinct canonical lines, or ok false where it declines, or the
// Hash N-Degree Quads algorithm's error (over maxWorkFactor). It reads ds
// as jsongold.Canonicalize does (see datasetTerms) and leaves it
// unchanged.
func canonicalFirstDegree(ds *jld.RDFDataset, maxWorkFactor int) (lines []string, ok bool, err error) {
	text, blank, nodes, quads, ok := datasetTerms(ds)
	if !ok {
		return nil, false, nil
	}
	labels, shared, unique, ok := firstDegreeLabels(text, blank, quads, new(canonScratch))
	if !ok {
		return nil, false, nil
	}
	if len(shared) > 0 {
		iri := func(t uint32) string { return nodes[t].GetValue() }
		if err := labelSharedTerms(labels, shared, unique, blank, quads, iri, maxWorkFactor); err != nil {
			return nil, true, err
		}
	}
	for i, b := range blank {
		if b {
			text[i] = c14nLabel(labels[i])
		}
	}
	lines = make([]string, len(quads))
	var b strings.Builder
	for i, q := range quads {
		b.Reset()
		b.WriteString(text[q.s])
		b.WriteByte(' ')
		b.WriteString(text[q.p])
		b.WriteByte(' ')
		b.WriteString(text[q.o])
		if q.g != 0 {
			b.WriteByte(' ')
			b.WriteString(text[q.g])
		}
		b.WriteString(" .\n")
		lines[i] = b.String()
	}
	sort.Strings(lines)
	return slices.Compact(lines), true, nil
}

// datasetTerms numbers the terms of ds for firstDegreeLabels, reading it
// as jsongold.Canonicalize does: graphs by name, each graph's statements
// in order, repeated ones included. text[i] is term i's canonical N-Quads
// form, blank[i] whether it is a blank node, nodes[i] json-gold's node;
// ok is false for a statement with a term of no kind.
func datasetTerms(ds *jld.RDFDataset) (text []string, blank []bool, nodes []jld.Node, quads []dquad, ok bool) {
	ids := map[string]uint32{}
	text, blank, nodes = []string{""}, []bool{false}, []jld.Node{nil}
	id := func(n jld.Node) uint32 {
		var key string
		isBlank := false
		switch v := n.(type) {
		case jld.IRI:
			key = ntriples.IRITerm(v.Value)
		case jld.BlankNode:
			key, isBlank = v.Attribute, true
		case jld.Literal:
			key = literalText(v.Value, v.Datatype, v.Language)
		default:
			return 0
		}
		if i, seen := ids[key]; seen {
			return i
		}
		i := uint32(len(text))
		ids[key] = i
		text = append(text, key)
		blank = append(blank, isBlank)
		nodes = append(nodes, n)
		return i
	}
	names := make([]string, 0, len(ds.Graphs))
	for name := range ds.Graphs {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		var g uint32
		switch {
		case name == "@default":
		case strings.HasPrefix(name, "_:"):
			g = id(jld.NewBlankNode(name))
		default:
			g = id(jld.NewIRI(name))
		}
		for _, q := range ds.Graphs[name] {
			dq := dquad{s: id(q.Subject), p: id(q.Predicate), o: id(q.Object), g: g}
			if name == "@default" && q.Graph != nil {
				dq.g = id(q.Graph)
			}
			if dq.s == 0 || dq.p == 0 || dq.o == 0 {
				return nil, nil, nil, nil, false
			}
			quads = append(quads, dq)
		}
	}
	return text, blank, nodes, quads, true
}

// generalCanonical is the general algorithm alone, for the differential
// tests and for what the short path declines.
func generalCanonical(ds *jld.RDFDataset, maxWorkFactor int) ([]string, error) {
	return jsongold.Canonicalize(ds, jsongold.CanonOptions{MaxWorkFactor: maxWorkFactor})
}

// canonicalError is how Canonical and WriteCanonical report a failure of
// canonicalisation.
func canonicalError(err error) error {
	if errors.Is(err, ErrWorkLimit) {
		// The input is sound; the work it would take was refused. Said
		// as "invalid JSON-LD input" it sent users of N-Quads and of
		// valid JSON-LD looking for a fault that is not there.
		return fmt.Errorf("ld: canonicalize: %w", err)
	}
	return fmt.Errorf("ld: canonicalize: %w", wrapInput(err))
}
