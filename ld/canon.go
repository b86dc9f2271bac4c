package ld

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

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
// number (the N of _:c14nN), or ok false when two blank nodes share a
// first-degree hash or a statement is outside plain RDF (a blank node as
// predicate). text[i] is term i's canonical N-Quads form (a blank node's
// is not read), blank[i] whether it is a blank node; quads are the
// statements as the general algorithm sees them, repeated ones included
// (g 0 is the default graph, whose term is not read).
func firstDegreeLabels(text []string, blank []bool, quads []dquad) (labels []int32, ok bool) {
	// The statements of each blank node, once per position it holds in
	// a statement, as the general algorithm lists them: a compressed
	// table, start[i]..start[i+1] in refs.
	start := make([]int32, len(text)+1)
	for _, q := range quads {
		if blank[q.p] {
			return nil, false
		}
		if blank[q.s] {
			start[q.s+1]++
		}
		if blank[q.o] {
			start[q.o+1]++
		}
		if q.g != 0 && blank[q.g] {
			start[q.g+1]++
		}
	}
	for i := 1; i < len(start); i++ {
		start[i] += start[i-1]
	}
	refs := make([]int32, start[len(text)])
	fill := slices.Clone(start[:len(text)])
	for i, q := range quads {
		if blank[q.s] {
			refs[fill[q.s]] = int32(i)
			fill[q.s]++
		}
		if blank[q.o] {
			refs[fill[q.o]] = int32(i)
			fill[q.o]++
		}
		if q.g != 0 && blank[q.g] {
			refs[fill[q.g]] = int32(i)
			fill[q.g]++
		}
	}

	type hashed struct {
		id  int32
		sum [sha256.Size]byte
	}
	var (
		nodes []hashed
		buf   []byte
		ends  []int
		lines [][]byte
	)
	h := sha256.New()
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
		h.Reset()
		for _, l := range lines {
			h.Write(l)
		}
		n := hashed{id: int32(id)}
		h.Sum(n.sum[:0])
		nodes = append(nodes, n)
	}
	// The hexadecimal hashes the algorithm sorts order as the bytes do.
	slices.SortFunc(nodes, func(a, b hashed) int { return bytes.Compare(a.sum[:], b.sum[:]) })
	for i := 1; i < len(nodes); i++ {
		if nodes[i].sum == nodes[i-1].sum {
			return nil, false
		}
	}
	labels = make([]int32, len(text))
	for i := range labels {
		labels[i] = -1
	}
	for n, node := range nodes {
		labels[node.id] = int32(n)
	}
	return labels, true
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
func c14nLabel(n int32) string { return "_:c14n" + strconv.Itoa(int(n)) }

// literalText is a literal's canonical N-Quads form, exactly as the
// general algorithm (jsongold.NQuad) writes json-gold's literal of value,
// datatype ("" for xsd:string) and language tag (in the case given).
func literalText(value, datatype, lang string) string {
	var b strings.Builder
	b.Grow(len(value) + len(datatype) + len(lang) + 6)
	ntriples.WriteString(&b, value)
	if datatype == "" {
		datatype = xsdString
	}
	switch {
	case datatype == rdfLangString || lang != "":
		b.WriteByte('@')
		b.WriteString(lang)
	case datatype != xsdString:
		b.WriteString("^^<")
		b.WriteString(datatype)
		b.WriteByte('>')
	}
	return b.String()
}

// canonicalText returns d's terms in canonical N-Quads form, blank nodes
// by their RDFC-1.0 labels, for writeNQuads, which then writes
// [Processor.WriteCanonical]'s bytes; ok is false where the short path
// declines (see firstDegreeLabels). Statements are taken as rdfDataset
// gives them to the general algorithm: terms that write alike are one
// term, and repeated statements count once.
func (d *Dataset) canonicalText() (text []string, ok bool) {
	text = make([]string, len(d.terms))
	blank := make([]bool, len(d.terms))
	// rep[i] is the first term written as term i is (a literal may be
	// spelled in several ways: language tags in another case, an
	// explicit xsd:string).
	rep := make([]uint32, len(d.terms))
	// The map sized at once: grown one literal at a time, its growth was
	// 40% of the bytes allocated here in a batch export.
	n := 0
	for i := 1; i < len(d.terms); i++ {
		if d.terms[i].kind == Literal {
			n++
		}
	}
	literals := make(map[string]uint32, n)
	for i := 1; i < len(d.terms); i++ {
		rep[i] = uint32(i)
		switch t := d.terms[i]; t.kind {
		case IRI:
			text[i] = t.key
		case Blank:
			blank[i] = true
		case Literal:
			v, dt, lang := t.literal()
			text[i] = literalText(v, dt, strings.ToLower(lang))
			if first, seen := literals[text[i]]; seen {
				rep[i] = first
			} else {
				literals[text[i]] = uint32(i)
			}
		}
	}
	quads := make([]dquad, len(d.quads))
	for i, q := range d.quads {
		quads[i] = dquad{rep[q.s], rep[q.p], rep[q.o], rep[q.g]}
	}
	quads = sortQuads(quads, uint32(len(d.terms)))
	labels, ok := firstDegreeLabels(text, blank, quads)
	if !ok {
		return nil, false
	}
	for i, b := range blank {
		if b {
			text[i] = c14nLabel(labels[i])
		}
	}
	return text, true
}

// canonicalFirstDegree is the short path for json-gold's dataset: the
// sorted, distinct canonical lines, or ok false where it declines. It
// reads ds as jsongold.Canonicalize does (graphs by name, each graph's
// statements in order, repeated ones included) and leaves it unchanged.
func canonicalFirstDegree(ds *jld.RDFDataset) (lines []string, ok bool) {
	ids := map[string]uint32{}
	text := []string{""}
	blank := []bool{false}
	id := func(n jld.Node) uint32 {
		var key string
		isBlank := false
		switch v := n.(type) {
		case jld.IRI:
			key = "<" + v.Value + ">"
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
		return i
	}
	names := make([]string, 0, len(ds.Graphs))
	for name := range ds.Graphs {
		names = append(names, name)
	}
	sort.Strings(names)
	var quads []dquad
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
				return nil, false
			}
			quads = append(quads, dq)
		}
	}
	labels, ok := firstDegreeLabels(text, blank, quads)
	if !ok {
		return nil, false
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
	return slices.Compact(lines), true
}

// generalCanonical is the general algorithm alone, for the differential
// tests and for what the short path declines.
func generalCanonical(ds *jld.RDFDataset, maxWorkFactor int) ([]string, error) {
	return jsongold.Canonicalize(ds, jsongold.CanonOptions{MaxWorkFactor: maxWorkFactor})
}

// labelShared runs jsongold.LabelShared with maxWorkFactor
// (Config.MaxWorkFactor), its failures reported as Canonical reports them.
func labelShared(quads []*jld.Quad, shared, issued map[string]string, unique, blanks, maxWorkFactor int) error {
	err := guard("canonicalize", func() error {
		return jsongold.LabelShared(quads, shared, issued, unique, blanks, jsongold.CanonOptions{MaxWorkFactor: workFactor(maxWorkFactor)})
	})
	if err != nil {
		return fmt.Errorf("ld: canonicalize: %w", wrapInput(err))
	}
	return nil
}
