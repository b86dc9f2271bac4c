package ld

import (
	"cmp"
	"io"
	"slices"
	"strings"
)

// termTable is statements by number for the Turtle, TriG and SPARQL
// writers: terms holds each distinct term once, sorted as compareTerms
// orders them (so a term's number is its rank, and equal numbers are equal
// terms), term 0 the default graph; quads holds the statements as numbers.
// A statement is 16 bytes instead of a Quad's 224, and the writers sort
// and group numbers: their maps and copies of Quads were most of the
// memory of writing 50,000 reviews (700 MB for TriG).
type termTable struct {
	termList
	quads []dquad
}

// termList is terms held as tableTerms, term 0 the zero Term.
type termList struct {
	terms []tableTerm
	// forms are the literals' datatypes and language tags, by
	// tableTerm.form: few, and each held once.
	forms   []termForm
	formIDs map[termForm]uint32
}

// tableTerm is a Term in 24 bytes rather than 56: a literal's datatype and
// language tag are a number in termList.forms. Held as Terms, the 250,000
// terms of 50,000 reviews and their provenance took 14 MB.
type tableTerm struct {
	value string
	form  uint32
	kind  TermKind
}

type termForm struct{ datatype, lang string }

func newTermList() termList {
	return termList{terms: []tableTerm{{}}, forms: []termForm{{}}, formIDs: map[termForm]uint32{{}: 0}}
}

// compact returns t as a tableTerm of l.
func (l *termList) compact(t Term) tableTerm {
	f := termForm{t.Datatype, t.Lang}
	id, ok := l.formIDs[f]
	if !ok {
		id = uint32(len(l.forms))
		l.forms = append(l.forms, f)
		l.formIDs[f] = id
	}
	return tableTerm{value: t.Value, form: id, kind: t.Kind}
}

// term returns term i as a Term.
func (l *termList) term(i uint32) Term {
	t := l.terms[i]
	f := l.forms[t.form]
	return Term{Kind: t.kind, Value: t.value, Datatype: f.datatype, Lang: f.lang}
}

// tableOf returns quads as a termTable, in their order.
func tableOf(quads []Quad) *termTable {
	ids := map[Term]uint32{{}: 0}
	l := newTermList()
	id := func(t Term) uint32 {
		if i, ok := ids[t]; ok {
			return i
		}
		i := uint32(len(l.terms))
		ids[t] = i
		l.terms = append(l.terms, l.compact(t))
		return i
	}
	qs := make([]dquad, len(quads))
	for i, q := range quads {
		qs[i] = dquad{id(q.Subject), id(q.Predicate), id(q.Object), id(q.Graph)}
	}
	return newTermTable(l, qs)
}

// newTermTable numbers l's terms (term 0 the zero Term, the others
// distinct) by rank and rewrites quads, indexes in l.terms, in those
// numbers. Both are rewritten in place: a sorted copy of the terms was a
// fifth of the memory of writing 50,000 reviews as Turtle, at its peak.
func newTermTable(l termList, quads []dquad) *termTable {
	terms := l.terms
	order := make([]uint32, len(terms))
	for i := range order {
		order[i] = uint32(i)
	}
	slices.SortFunc(order, func(a, b uint32) int { return compareTerms(l.term(a), l.term(b)) })
	rank := make([]uint32, len(terms))
	for r, i := range order {
		rank[i] = uint32(r)
	}
	for i, q := range quads {
		quads[i] = dquad{rank[q.s], rank[q.p], rank[q.o], rank[q.g]}
	}
	// Each term to its rank, by cycles: the term at i goes to rank[i],
	// and the one there comes to i, until i holds the term of rank i.
	for i := range terms {
		for r := rank[i]; r != uint32(i); r = rank[i] {
			terms[i], terms[r] = terms[r], terms[i]
			rank[i], rank[r] = rank[r], r
		}
	}
	return &termTable{termList: l, quads: quads}
}

// isType reports whether p is rdf:type, written first and as "a".
func (t *termTable) isType(p uint32) bool {
	return t.terms[p].value == rdfType
}

// sortBlocks sorts qs into the writers' order: by graph, subject, rdf:type
// first, predicate, object.
func (t *termTable) sortBlocks(qs []dquad) {
	slices.SortFunc(qs, func(a, b dquad) int {
		if c := cmp.Compare(a.g, b.g); c != 0 {
			return c
		}
		if c := cmp.Compare(a.s, b.s); c != 0 {
			return c
		}
		at, bt := t.isType(a.p), t.isType(b.p)
		switch {
		case at && !bt:
			return -1
		case bt && !at:
			return 1
		}
		if c := cmp.Compare(a.p, b.p); c != 0 {
			return c
		}
		return cmp.Compare(a.o, b.o)
	})
}

// graphWriter writes graphs of a termTable as Turtle blocks.
type graphWriter struct {
	t *termTable
	b *strings.Builder
	// Per graph, by term number: how often a blank node is an object
	// (refs), whether it is written (done), and where its statements
	// start and end in the graph (from, to).
	refs     []int32
	done     []bool
	from, to []int32
	// w, when set, is given b's text once it holds flushSize bytes or
	// more (see flush), after a subject block or a statement inside one,
	// so that the output is never held whole: it is larger than the
	// statements (34 MB of TriG for 50,000 reviews, in a builder that
	// doubles as it grows), and one block can be most of it (a film's
	// Movie, a blank node, nests its 50,000 reviews: 13 MB of Turtle, and
	// as much again copied for w). err is w's first error.
	w         io.Writer
	err       error
	flushSize int
	// deferred holds the blank nodes that object reached at
	// maxNestDepth, written by label there and as blocks of their own
	// once the graph's other blocks are written.
	deferred []uint32
	// shared marks the blank nodes that stand in more than one graph
	// (sharedBlanks), nil where none does: they are written by label in
	// each, never nested, or the graphs would no longer share them.
	shared []bool
}

// maxNestDepth is how deep blank nodes nest in square brackets. Deeper
// ones are written by label and given blocks of their own: each level
// indents its lines four more spaces, so an RDF list of 20,000 items,
// nested whole, made 2.4 GB of Turtle from 2.8 MB of N-Quads (9.5 GB of
// memory, 71 s), and parsers refuse deep nesting (film2ld's own past
// MaxTurtleDepth, bison-made ones past 10,000 levels).
const maxNestDepth = 32

// blockFlushSize is graphWriter's flushSize; tests make it small.
var blockFlushSize = 64 * 1024

// flush gives b's text to w, when there is a w and, unless all is set, b
// holds flushSize bytes or more.
func (gw *graphWriter) flush(all bool) {
	if gw.w == nil || (!all && gw.b.Len() < gw.flushSize) {
		return
	}
	if gw.err == nil {
		_, gw.err = io.WriteString(gw.w, gw.b.String())
	}
	gw.b.Reset()
	if !all {
		// Room for the next piece at once: grown from nothing by
		// doubling, the builders were half the garbage of writing
		// 50,000 reviews as TriG.
		gw.b.Grow(gw.flushSize + gw.flushSize/4)
	}
}

func newGraphWriter(t *termTable, b *strings.Builder) *graphWriter {
	n := len(t.terms)
	return &graphWriter{t: t, b: b, refs: make([]int32, n), done: make([]bool, n), from: make([]int32, n), to: make([]int32, n), flushSize: blockFlushSize, shared: t.sharedBlanks()}
}

// sharedBlanks marks, by term, the blank nodes that stand in more than
// one graph of t's statements, as subject or object, or that name a
// graph and stand in any statement too; nil where there are none.
// A label is the node in every graph of a dataset (TriG and N-Quads
// say so), so such a node nested as [ … ] in one graph would be a node
// of its own there.
func (t *termTable) sharedBlanks() []bool {
	const name = ^uint32(0) // a graph's name: no statement shares it
	var in []uint32         // by term: the graph it stands in, plus one
	var shared []bool
	mark := func(term, g uint32) {
		if t.terms[term].kind != Blank {
			return
		}
		if in == nil {
			in = make([]uint32, len(t.terms))
		}
		switch in[term] {
		case 0:
			in[term] = g
		case g:
		default:
			if shared == nil {
				shared = make([]bool, len(t.terms))
			}
			shared[term] = true
		}
	}
	for _, q := range t.quads {
		mark(q.s, q.g+1)
		mark(q.o, q.g+1)
		if q.g != 0 {
			mark(q.g, name)
		}
	}
	return shared
}

// graph writes the statements of one graph, sorted by sortBlocks, each
// subject block preceded by a blank line and indented by indent.
func (gw *graphWriter) graph(qs []dquad, indent string) {
	for i, q := range qs {
		if i == 0 || q.s != qs[i-1].s {
			gw.from[q.s] = int32(i)
		}
		gw.to[q.s] = int32(i + 1)
		if gw.t.terms[q.o].kind == Blank {
			gw.refs[q.o]++
		}
	}
	// Blank nodes used once are written where they are used, unless they
	// are only reachable from each other (a cycle): the second pass writes
	// those that were not reached.
	for pass := range 2 {
		for i, q := range qs {
			s := q.s
			if (i > 0 && s == qs[i-1].s) || gw.done[s] || (pass == 0 && gw.nestable(s)) {
				continue
			}
			gw.block(qs, s, indent)
			if pass == 1 {
				gw.writeDeferred(qs, indent)
			}
		}
		if pass == 0 {
			gw.writeDeferred(qs, indent)
		}
	}
	for _, q := range qs {
		gw.refs[q.o], gw.done[q.o], gw.done[q.s] = 0, false, false
		gw.from[q.s], gw.to[q.s] = 0, 0
	}
}

// block writes the subject block of s.
func (gw *graphWriter) block(qs []dquad, s uint32, indent string) {
	gw.b.WriteString("\n")
	gw.b.WriteString(indent)
	gw.done[s] = true
	writeTerm(gw.b, gw.t.term(s))
	gw.b.WriteByte(' ')
	gw.properties(qs, s, indent+"    ", 0)
	gw.b.WriteString(" .\n")
	gw.flush(false)
}

// writeDeferred writes the blocks of the deferred blank nodes, in the
// order they were deferred, and of those deferred meanwhile.
func (gw *graphWriter) writeDeferred(qs []dquad, indent string) {
	for len(gw.deferred) > 0 {
		s := gw.deferred[0]
		gw.deferred = gw.deferred[1:]
		if !gw.done[s] {
			gw.block(qs, s, indent)
		}
	}
}

func (gw *graphWriter) nestable(s uint32) bool {
	return gw.t.terms[s].kind == Blank && gw.refs[s] == 1 && (gw.shared == nil || !gw.shared[s])
}

// properties writes the predicate-object list of s, rdf:type first, each
// predicate on a line of its own at indent, depth levels of brackets
// inside its block.
func (gw *graphWriter) properties(qs []dquad, s uint32, indent string, depth int) {
	block := qs[gw.from[s]:gw.to[s]]
	for i, q := range block {
		same := i > 0 && q.p == block[i-1].p
		switch {
		case same:
			gw.b.WriteString(", ")
		case i > 0:
			gw.b.WriteString(" ;\n")
			gw.b.WriteString(indent)
		}
		if !same {
			if gw.t.isType(q.p) {
				gw.b.WriteString("a")
			} else {
				writeTerm(gw.b, gw.t.term(q.p))
			}
			gw.b.WriteByte(' ')
		}
		gw.object(qs, q.o, indent, depth)
		// Inside a block too: a block can be most of the output.
		gw.flush(false)
	}
}

// object writes an object, nesting a blank node used only here, unless
// the object is depth levels deep already.
func (gw *graphWriter) object(qs []dquad, o uint32, indent string, depth int) {
	if !gw.nestable(o) || gw.done[o] {
		writeTerm(gw.b, gw.t.term(o))
		return
	}
	if depth == maxNestDepth && gw.from[o] != gw.to[o] {
		writeTerm(gw.b, gw.t.term(o))
		gw.deferred = append(gw.deferred, o)
		return
	}
	gw.done[o] = true
	if gw.from[o] == gw.to[o] {
		gw.b.WriteString("[]")
		return
	}
	gw.b.WriteString("[\n")
	gw.b.WriteString(indent + "    ")
	gw.properties(qs, o, indent+"    ", depth+1)
	gw.b.WriteString("\n" + indent + "]")
}

// graphSpans returns the spans of qs, sorted by sortBlocks, that hold each
// graph's statements, in graph order.
func graphSpans(qs []dquad) [][2]int {
	var spans [][2]int
	for i := 0; i < len(qs); {
		j := i
		for j < len(qs) && qs[j].g == qs[i].g {
			j++
		}
		spans = append(spans, [2]int{i, j})
		i = j
	}
	return spans
}
