package ld

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"

	jld "github.com/piprate/json-gold/ld"

	"github.com/film2ld/film2ld/ld/internal/jsongold"
	"github.com/film2ld/film2ld/ld/schemaorg"
)

// WriteJSONLD writes d's statements in f, [FormatJSONLD], [FormatHTML],
// [FormatExpanded] or [FormatFlattened]: the bytes [Processor.Write]
// gives for the [Processor.Union] of d's [Dataset.Documents] with opts,
// written a node at a time. That path builds the JSON-LD of every input
// (json-gold's conversion from RDF), expands it twice, and for the web
// formats builds a node map to look for a root and compacts the whole
// document: 39 times the input in memory (27 for expanded and flattened
// output). Where no root is found (see [Processor.Write]) its result is
// the compaction of each document's node objects in turn, and the
// conversion from RDF gives one node object per subject (with a named
// graph's nodes inside its name's node, in "@graph"), in the order of
// their @id. Each is made from its own statements as the conversion
// makes it (fromRDF), expanded and compacted by the same code as there,
// and encoded as encoding/json would encode the whole (treeEncoder); a
// graph's nodes are made and written one at a time too. Expanded output
// is the same nodes, not compacted; flattened output is the node map's
// nodes in the order of their new labels (see writeFlattened). Memory is
// the dataset and one node. Where the general path frames the web formats
// on a root (one node nothing refers to, with a type, no named graph),
// the framing is planned on the dataset and its outputs compacted and
// written one at a time (see datasetframe.go): memory is the dataset, the
// plan and one node.
//
// It returns an error wrapping [ErrNeedsJSONLD], having written nothing,
// where it cannot promise the general path's bytes: RDF lists and rdf:JSON
// literals (see [Dataset.NeedsJSONLD]), a graph to frame with a blank
// node as a type, and options other than Lenient and RDFDirection. A
// node that
// turns out other than the dataset says (a value dropped on the way, a
// value encoding/json would have to reflect on) or an error of
// json-gold's stops it with an error wrapping ErrNeedsJSONLD too, after
// part of the output may have been written: the caller must throw that
// away and take the general path, which gives its error or its bytes.
// An error of w comes back as it is.
func (p *Processor) WriteJSONLD(w io.Writer, d *Dataset, f Format, opts Options) error {
	switch f {
	case FormatJSONLD, FormatHTML, FormatExpanded, FormatFlattened:
	default:
		return fmt.Errorf("ld: write a dataset as JSON-LD: %w %v", ErrUnknownFormat, f)
	}
	if err := d.NeedsJSONLD(); err != nil {
		return err
	}
	lists, _ := d.jsonLists()
	if opts.Base != "" || opts.Root != "" || opts.DocumentURL != "" || opts.toRDF || p.cfg.AllowRemote {
		return fmt.Errorf("%w: options the dataset's JSON-LD writer does not take", ErrNeedsJSONLD)
	}
	c, err := p.contexts()
	if err != nil {
		return err
	}
	framed := (f == FormatJSONLD || f == FormatHTML) && d.hasRoot()
	if framed && lists != nil {
		// The frame plan (datasetframe.go) embeds nodes by their
		// statements, and knows no list values.
		return fmt.Errorf("%w: a framed graph of RDF lists", ErrNeedsJSONLD)
	}
	d.release()
	src := d.srcRanks()
	var plan *framePlan
	if framed {
		// The general path frames the output on its root (see
		// datasetframe.go), unless the root does not lead to every node.
		if plan, err = planFrame(d, src); err != nil && !errors.Is(err, errNoFrame) {
			return err
		}
	}
	jw := &jsonNodeWriter{p: p, d: d, ctx: c.compact(), opts: opts, enc: &treeEncoder{w: w, escapeHTML: f == FormatHTML}, values: map[valueKey]bool{}, kept: p.keptValues(), lists: lists, cutLists: f != FormatFlattened}
	e := jw.enc
	switch f {
	case FormatExpanded:
		return jw.writeExpanded(src)
	case FormatFlattened:
		return jw.writeFlattened()
	case FormatHTML:
		e.buf = append(e.buf, scriptStart...)
	}
	if plan != nil {
		drops := 0
		if opts.Lenient != nil {
			drops = len(opts.Lenient.Drops())
		}
		if err := jw.writeFramed(plan); err != nil {
			return err
		}
		if opts.Lenient != nil && len(opts.Lenient.Drops()) != drops {
			// The general path drops them in the document's order.
			return fmt.Errorf("%w: a value dropped while framing", ErrNeedsJSONLD)
		}
		if f == FormatHTML {
			e.buf = append(e.buf, scriptEnd...)
		}
		e.flush()
		return e.err
	}
	// Compaction gives the one node object as it is, with "@context";
	// more (or none) go in "@graph".
	jw.single = d.topNodes(lists) == 1
	if !jw.single {
		openGraph(jw.enc)
	}
	for doc := range d.docs {
		if err := jw.document(doc, src, jw.node); err != nil {
			return err
		}
	}
	if !jw.single {
		closeGraph(jw.enc, jw.n)
	}
	e.buf = append(e.buf, '\n')
	if f == FormatHTML {
		e.buf = append(e.buf, scriptEnd...)
	}
	e.flush()
	return e.err
}

// openGraph starts {"@context": …, "@graph": [, the form compaction
// gives more (or fewer) than one node in.
func openGraph(e *treeEncoder) {
	e.buf = append(e.buf, '{')
	e.newline(1)
	e.buf = appendJSONString(e.buf, "@context", e.escapeHTML)
	e.buf = append(e.buf, ':', ' ')
	e.buf = appendJSONString(e.buf, schemaorg.ContextURL, e.escapeHTML)
	e.buf = append(e.buf, ',')
	e.newline(1)
	e.buf = appendJSONString(e.buf, "@graph", e.escapeHTML)
	e.buf = append(e.buf, ':', ' ', '[')
}

// closeGraph ends what openGraph started, n nodes later.
func closeGraph(e *treeEncoder, n int) {
	if n > 0 {
		e.newline(1)
	}
	e.buf = append(e.buf, ']')
	e.newline(0)
	e.buf = append(e.buf, '}')
}

// topNodes returns the number of node objects json-gold's conversion
// from RDF gives d's documents: each document's subjects in the default
// graph and the names of its graphs, but the cells of the lists it
// folds (lists, which may be nil).
func (d *Dataset) topNodes(lists *jsonLists) int {
	stamp := make([]int32, len(d.terms))
	n := 0
	for doc := range d.docs {
		end := len(d.quads)
		if doc+1 < len(d.docs) {
			end = d.docs[doc+1]
		}
		var cells []bool
		if lists != nil {
			cells = lists.docCells(d, doc)
		}
		for _, q := range d.quads[d.docs[doc]:end] {
			if cells != nil && cells[q.s] {
				continue
			}
			top := q.s
			if q.g != 0 {
				top = q.g
			}
			if stamp[top] != int32(doc)+1 {
				stamp[top] = int32(doc) + 1
				n++
			}
		}
	}
	return n
}

// srcRanks ranks the terms by the names json-gold's conversion from RDF
// gives their nodes: an IRI as it is, a blank node "_:label" as written
// (0 for the default graph and literals, which have none).
func (d *Dataset) srcRanks() []uint32 {
	names := make([]string, len(d.terms))
	for i := 1; i < len(d.terms); i++ {
		switch t := d.terms[i]; t.kind {
		case IRI:
			names[i] = t.value()
		case Blank:
			names[i] = "_:" + t.value()
		}
	}
	src := denseRanks(names[1:])
	out := make([]uint32, len(d.terms))
	for i, r := range src {
		out[i+1] = r + 1
	}
	return out
}

// hasRoot reports whether [Processor.Write]'s FormatJSONLD would frame the
// union of d's documents on a root (autoRoot) rather than compact it: the
// documents have no named graph, and exactly one node with statements is
// the object of none (rdf:type's objects are types, not references), and
// it has a type. Nodes are terms: IRIs are shared by the documents, blank
// nodes are each document's own, as Union names them apart.
func (d *Dataset) hasRoot() bool {
	typ := uint32(0)
	for i := 1; i < len(d.terms); i++ {
		if t := d.terms[i]; t.kind == IRI && t.key == "<"+rdfType+">" {
			typ = uint32(i)
			break
		}
	}
	const (
		subject = 1 << iota
		referenced
		typed
	)
	state := make([]uint8, len(d.terms))
	for _, q := range d.quads {
		if q.g != 0 {
			return false
		}
		state[q.s] |= subject
		if k := d.terms[q.o].kind; k != Literal {
			if typ != 0 && q.p == typ {
				state[q.s] |= typed
			} else {
				state[q.o] |= referenced
			}
		}
	}
	roots, root := 0, 0
	for i, s := range state {
		if s&(subject|referenced) == subject {
			roots++
			root = i
		}
	}
	return roots == 1 && state[root]&typed != 0
}

// jsonNodeWriter writes the node objects of WriteJSONLD.
type jsonNodeWriter struct {
	p    *Processor
	d    *Dataset
	ctx  *jsongold.Context
	opts Options
	enc  *treeEncoder
	// single is set when the output is one node object with "@context",
	// not {"@context": …, "@graph": […]}; n counts the nodes written.
	single bool
	n      int
	// values finds a node's repeated values (fromRDF, addNative).
	values map[valueKey]bool
	// pairs finds them by their statements' terms instead, where
	// termsTell says that it may (see seen).
	pairs map[uint64]struct{}
	// termsTell is 1 where a statement's predicate and object terms
	// tell its value from the other values of a node, 2 where they do
	// not, 0 before seen has looked.
	termsTell uint8
	// keep, when set, is how many values of a property addNative puts in
	// the node it makes; it keeps the others aside (see compactFlat).
	keep int
	// kept, when set, is how many values of a property fromRDFKeeping
	// puts in the node it makes (Config.KeptValues).
	kept int
	// lists, when set, makes the values of the dataset's RDF lists.
	lists *jsonLists
	// cutLists lets fromRDFAside leave a long list's items past the
	// first few to be made as they are written (listTail), which the
	// flattened writer does not do.
	cutLists bool
}

// document gives emit input doc's nodes in the order of the conversion
// from RDF: each node's term, its statements in the default graph, and
// those of the graph it names, sorted by subject.
func (jw *jsonNodeWriter) document(doc int, src []uint32, emit func(doc int, s uint32, own, graph []int32) error) error {
	d := jw.d
	idx := d.docStatements(doc)
	if jw.lists != nil {
		// A folded list's cells are no nodes of the output.
		if cells := jw.lists.docCells(d, doc); cells != nil {
			idx = slices.DeleteFunc(idx, func(i int32) bool { return cells[d.quads[i].s] })
		}
	}
	d.sortByTop(idx, src)
	return d.eachTop(idx, src, func(s uint32, own, graph []int32) error {
		return emit(doc, s, own, graph)
	})
}

// sortByTop sorts statements idx by the ranks of their graph and subject,
// and then as read, for eachTop.
func (d *Dataset) sortByTop(idx []int32, rank []uint32) {
	slices.SortFunc(idx, func(a, b int32) int {
		qa, qb := d.quads[a], d.quads[b]
		if c := cmp.Compare(rank[qa.g], rank[qb.g]); c != 0 {
			return c
		}
		if c := cmp.Compare(rank[qa.s], rank[qb.s]); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
}

// eachTop calls emit with the nodes at the top of statements idx, which
// are sorted by the ranks of their graph (the default graph, 0, first)
// and subject, and as read: the default graph's subjects merged with the
// named graphs' names, in the order of their ranks, each with its
// statements in the default graph (own) and those of the graph it names,
// sorted by subject.
func (d *Dataset) eachTop(idx []int32, rank []uint32, emit func(s uint32, own, graph []int32) error) error {
	// span returns the end of the run of statements from i on that share
	// the graph (and the subject) of statement idx[i].
	span := func(i int, subject bool) int {
		j := i
		for j < len(idx) && d.quads[idx[j]].g == d.quads[idx[i]].g && (!subject || d.quads[idx[j]].s == d.quads[idx[i]].s) {
			j++
		}
		return j
	}
	def := 0
	if len(idx) > 0 && d.quads[idx[0]].g == 0 {
		def = span(0, false)
	}
	i, g := 0, def
	for i < def || g < len(idx) {
		var s, name uint32
		if i < def {
			s = d.quads[idx[i]].s
		}
		if g < len(idx) {
			name = d.quads[idx[g]].g
		}
		var own, graph []int32
		switch {
		case i < def && g < len(idx) && s == name:
			j := span(i, true)
			own, i = idx[i:j], j
			j = span(g, false)
			graph, g = idx[g:j], j
		case i < def && (g >= len(idx) || rank[s] < rank[name]):
			j := span(i, true)
			own, i = idx[i:j], j
		default:
			s = name
			j := span(g, false)
			graph, g = idx[g:j], j
		}
		if err := emit(s, own, graph); err != nil {
			return err
		}
	}
	return nil
}

// node writes the node object of term s: own are its statements in the
// default graph, graph those of the graph it names, sorted by subject. A
// graph's nodes are made one at a time too: the name's node is compacted
// with the first two (compaction puts a graph's nodes in an array, each
// compacted on its own), and the others are written after them as they
// are made.
func (jw *jsonNodeWriter) node(doc int, s uint32, own, graph []int32) error {
	d := jw.d
	id := "_:" + d.terms[s].value()
	if d.terms[s].kind == IRI {
		id = d.terms[s].value()
	}
	// The graph's nodes past the first two.
	var rest []int32
	if len(graph) > 0 {
		inner := 0
		for i := range graph {
			if i == 0 || d.quads[graph[i]].s != d.quads[graph[i-1]].s {
				inner++
				if inner == 3 {
					graph, rest = graph[:i], graph[i:]
					break
				}
			}
		}
	}
	build := func(keep int) (top map[string]any, count int, aside map[string][]int32) {
		top, count, aside = jw.fromRDFKeeping(id, own, keep)
		for g := graph; len(g) > 0; {
			j := subjectEnd(d, g)
			n, c := jw.fromRDF(d.srcName(d.quads[g[0]].s), g[:j])
			top["@graph"] = append(asList(top["@graph"]), n)
			count += c
			g = g[j:]
		}
		return top, count, aside
	}
	m, streams, err := jw.keeping(doc, id, "", true, build)
	if err != nil {
		return err
	}
	depth := 2
	e := jw.enc
	if jw.single {
		m["@context"] = schemaorg.ContextURL
		depth = 0
		jw.n++
	} else {
		e.nextItem(&jw.n, 2)
	}
	if rest == nil && streams == nil {
		e.value(m, depth)
		return e.err
	}
	if rest == nil {
		return jw.writeStreamed(m, depth, streams)
	}
	first, isList := m["@graph"].([]any)
	if !isList || len(first) != 2 {
		return fmt.Errorf("%w: the graph of %s does not compact to its nodes", ErrNeedsJSONLD, id)
	}
	if streams == nil {
		streams = map[string]itemStream{}
	}
	streams["@graph"] = func() (any, bool, error) {
		if len(rest) == 0 {
			return nil, false, nil
		}
		j := subjectEnd(d, rest)
		qs := rest[:j]
		rest = rest[j:]
		m, streams, err := jw.keeping(doc, id, "@graph", true, func(keep int) (map[string]any, int, map[string][]int32) {
			return jw.fromRDFKeeping(d.srcName(d.quads[qs[0]].s), qs, keep)
		})
		if streams != nil {
			return &streamedNode{m: m, streams: streams}, err == nil, err
		}
		return m, err == nil, err
	}
	return jw.writeStreamed(m, depth, streams)
}

// keeping returns the node object that build makes keeping jw.kept
// values of a property (see fromRDFKeeping), compacted with prop as its
// active property (or, unless compact, expanded), with the streams that
// write the values it kept aside (keptAside); or, where they cannot be
// written so, the node made whole. what names the node in errors.
func (jw *jsonNodeWriter) keeping(doc int, what, prop string, compact bool, build func(keep int) (map[string]any, int, map[string][]int32)) (map[string]any, map[string]itemStream, error) {
	made := func(top map[string]any, count int) (map[string]any, error) {
		if compact {
			return jw.compacted(doc, top, what, count, prop)
		}
		return jw.expandedNode(doc, top, what, count)
	}
	top, count, aside := build(jw.kept)
	tails := takeListTails(aside)
	if len(aside) == 0 {
		aside = nil
	}
	m, err := made(top, count)
	if err != nil {
		return m, nil, err
	}
	if tails != nil {
		// Such a node keeps its other values (fromRDFAside): the
		// streams are empty, and m holds the lists' tails.
		ok, err := jw.listTails(doc, top, m, tails, compact)
		if err != nil || ok {
			return m, map[string]itemStream{}, err
		}
		top, count, _ = build(0)
		m, err = made(top, count)
		return m, nil, err
	}
	if aside == nil {
		return m, nil, err
	}
	streams, ok, err := jw.keptAside(doc, top, m, aside, jw.kept, compact)
	if err != nil || ok {
		return m, streams, err
	}
	top, count, _ = build(0)
	m, err = made(top, count)
	return m, nil, err
}

// writeGraphNode writes node object m at depth, as value would write it
// with the nodes next gives, made one at a time until it says there are
// no more, after the ones already in m's "@graph" (an array).
func (jw *jsonNodeWriter) writeGraphNode(m map[string]any, depth int, next func() (n any, ok bool, err error)) error {
	return jw.writeStreamed(m, depth, map[string]func() (any, bool, error){"@graph": next})
}

// itemStream gives the items of an array one at a time, made as they are
// asked for, until it says there are no more.
type itemStream = func() (item any, ok bool, err error)

// streamedNode is a node object written with writeStreamed: some of its
// arrays' items are made as they are written.
type streamedNode struct {
	m       map[string]any
	streams map[string]itemStream
}

// writeStreamed writes node object m at depth, as value would write it
// with the items each of streams gives appended to the array m holds
// under its key. An item may be a *streamedNode.
func (jw *jsonNodeWriter) writeStreamed(m map[string]any, depth int, streams map[string]itemStream) error {
	e := jw.enc
	keys := slices.Sorted(maps.Keys(m))
	e.buf = append(e.buf, '{')
	after := false
	for _, k := range keys {
		e.member(k, depth+1, &after)
		if wp, isWhole := m[k].(wholeProperty); isWhole {
			if err := jw.writeWhole(wp, k, depth+1); err != nil {
				return err
			}
			continue
		}
		next, streamed := streams[k]
		if !streamed {
			if err := jw.writeValue(m[k], depth+1); err != nil {
				return err
			}
			continue
		}
		if err := jw.writeItems(m[k].([]any), next, depth+1); err != nil {
			return err
		}
	}
	e.newline(depth)
	e.buf = append(e.buf, '}')
	return e.err
}

// writeItems writes an array at depth: the items made, then those next
// gives until it says there are no more. An item may be a *streamedNode.
func (jw *jsonNodeWriter) writeItems(made []any, next itemStream, depth int) error {
	e := jw.enc
	e.buf = append(e.buf, '[')
	count := 0
	for _, n := range made {
		e.nextItem(&count, depth+1)
		e.value(n, depth+1)
	}
	for {
		n, ok, err := next()
		if err != nil {
			return err
		}
		if !ok {
			break
		}
		e.nextItem(&count, depth+1)
		if sn, isStreamed := n.(*streamedNode); isStreamed {
			if err := jw.writeStreamed(sn.m, depth+1, sn.streams); err != nil {
				return err
			}
		} else {
			e.value(n, depth+1)
		}
		if e.err != nil {
			return e.err
		}
	}
	if count > 0 {
		e.newline(depth)
	}
	e.buf = append(e.buf, ']')
	return e.err
}

// writeWhole writes the values of a property kept aside whole, under
// key, at depth: one alone where wp says so, else an array of them.
func (jw *jsonNodeWriter) writeWhole(wp wholeProperty, key string, depth int) error {
	e := jw.enc
	if wp.alone(jw, key) {
		v, err := wp.item(jw, key, 0)
		if err != nil {
			return err
		}
		e.value(v, depth)
		return e.err
	}
	e.buf = append(e.buf, '[')
	count := 0
	for i := range wp.count() {
		v, err := wp.item(jw, key, i)
		if err != nil {
			return err
		}
		e.nextItem(&count, depth+1)
		e.value(v, depth+1)
		if e.err != nil {
			return e.err
		}
	}
	e.newline(depth)
	e.buf = append(e.buf, ']')
	return e.err
}

// subjectEnd returns the end of the run of statements at the start of
// qs that share a subject.
func subjectEnd(d *Dataset, qs []int32) int {
	j := 1
	for j < len(qs) && d.quads[qs[j]].s == d.quads[qs[0]].s {
		j++
	}
	return j
}

// srcName returns the name json-gold's conversion from RDF gives term
// id: an IRI as it is, a blank node as "_:label".
func (d *Dataset) srcName(id uint32) string {
	if t := d.terms[id]; t.kind == Blank {
		return "_:" + t.value()
	}
	return d.terms[id].value()
}

// valueKey is a value of a node object json-gold's conversion from RDF
// makes (RdfToObject without native types): a map of some of these keys
// to strings. prop is the property it is a value of ("@type" for a type).
type valueKey struct {
	prop, id, value, lang, typ string
	has                        uint8
}

// fromRDF returns the node object json-gold's conversion from RDF
// (FromRDF, as fromDataset calls it) makes of a subject's statements qs,
// its lists folded (jsonLists), and the number of values it holds: its
// types and each property's values in statement order, a value that
// equals one before it left out. FromRDF compares each value with every
// one before it (mergeValue), which made a film's node of 50,000 reviews
// take minutes; a map finds the repeated ones here.
func (jw *jsonNodeWriter) fromRDF(id string, qs []int32) (node map[string]any, count int) {
	node, count, _ = jw.fromRDFKeeping(id, qs, 0)
	return node, count
}

// fromRDFKeeping is fromRDF keeping at most keep values of a property,
// and keep properties, in the node (all of them where keep is 0): the
// statements of the others, each a value the node does not hold yet, are
// returned in aside by their property, in order, and not counted. A node
// of 200,000 values took 20 times its N-Quads in memory as value
// objects, expanded and compacted whole; aside, a value is a statement's
// index until it is written (see keptAside).
func (jw *jsonNodeWriter) fromRDFKeeping(id string, qs []int32, keep int) (node map[string]any, count int, aside map[string][]int32) {
	node, count = jw.fromRDFAside(id, qs, keep, func(pred string, i int32) {
		if aside == nil {
			aside = map[string][]int32{}
		}
		aside[pred] = append(aside[pred], i)
	})
	return node, count, aside
}

// fromRDFAside is fromRDFKeeping giving each statement kept aside to
// setAside, in order, as it meets it, so that a caller holds them in the
// form it writes them from: a map of them by property beside that form
// was 9 MB of the 39 MB heap of a flattened node of 100,000 properties.
func (jw *jsonNodeWriter) fromRDFAside(id string, qs []int32, keep int, setAside func(pred string, i int32)) (node map[string]any, count int) {
	d := jw.d
	node = map[string]any{"@id": id}
	// A node of many statements left a new map (below): clear costs the
	// map's size.
	clear(jw.values)
	clear(jw.pairs)
	listKeep := 0
	if keep > 0 && jw.lists != nil && jw.lists.holdsList(d, qs) {
		// A node holding a list keeps its other values in it (a
		// property kept aside whole is made again from its statements,
		// a list from its cells); a list's items past the first keep
		// are made one at a time as they are written (listTail).
		keep = 0
		if jw.cutLists {
			listKeep = jw.kept
		}
	}
	props := 0
	for _, i := range qs {
		pred, k, v := jw.rdfValue(d.quads[i])
		if jw.seen(d.quads[i], k) {
			continue
		}
		if jw.lists != nil && jw.lists.isList(d, i) {
			// Its reference, merged as a value before the list is
			// folded, repeats no other.
			v, cut := jw.lists.value(jw, i, listKeep)
			node[pred] = append(asList(node[pred]), v)
			count++
			if cut {
				setAside(listAside+pred, i)
			}
			continue
		}
		if pred == "@type" {
			node["@type"] = append(asList(node["@type"]), k.id)
			count++
			continue
		}
		held := asList(node[pred])
		if held == nil && (keep == 0 || props < keep) {
			props++
		} else if keep > 0 && (held == nil || len(held) >= keep) {
			setAside(pred, i)
			continue
		}
		node[pred] = append(asList(node[pred]), v)
		count++
	}
	if len(jw.values) > 64 {
		// Let a large node's keys go before its values are written.
		jw.values = map[valueKey]bool{}
	}
	if len(jw.pairs) > 64 {
		jw.pairs = nil
	}
	return node, count
}

// seen reports whether statement q of a node (fromRDFKeeping's), whose
// value's key is k, gives a value an earlier statement gave, and notes
// its value as given. Within one input, two statements give the same
// value exactly when they have the same predicate and object terms,
// unless two literal terms make one value (termsTell): then the values'
// keys find the repeats. A key (five strings) held for each value was
// 13 MB of the 47 MB heap of a node of 100,000 properties, where a pair
// of numbers takes a sixth of that.
func (jw *jsonNodeWriter) seen(q dquad, k valueKey) bool {
	if jw.termsTell == 0 {
		jw.termsTell = 1
		if !termsAreValues(jw.d) {
			jw.termsTell = 2
		}
	}
	if jw.termsTell == 2 {
		if jw.values[k] {
			return true
		}
		jw.values[k] = true
		return false
	}
	pair := uint64(q.p)<<32 | uint64(q.o)
	if _, ok := jw.pairs[pair]; ok {
		return true
	}
	if jw.pairs == nil {
		jw.pairs = map[uint64]struct{}{}
	}
	jw.pairs[pair] = struct{}{}
	return false
}

// termsAreValues reports whether the terms of d give values of a node
// object, as RdfToObject makes them (see rdfValue), one to one. A
// literal's value object keeps its text, its language and, without one,
// its datatype unless xsd:string; so two literal terms make one value
// where their datatypes are two spellings of xsd:string (none written,
// the IRI, or the direct walk's keyXSDString), or two datatypes of text
// in a language (rdf:langString as N-Quads gives it, or none). N-Quads
// and Turtle give each literal one spelling: the spellings meet only
// in data made otherwise. An IRI that reads as a blank node's name
// ("_:b0"), which no reader lets in, would meet that node.
func termsAreValues(d *Dataset) bool {
	var plain, tagged [3]bool // the spellings seen: none, xsd:string or rdf:langString, keyXSDString
	spelling := func(dt, usual string) int {
		switch dt {
		case "":
			return 0
		case usual:
			return 1
		}
		return 2
	}
	for _, t := range d.terms[1:] {
		switch t.kind {
		case IRI:
			if strings.HasPrefix(t.value(), "_:") {
				return false
			}
		case Literal:
			_, dt, lang := t.keyLiteral()
			if lang != "" {
				tagged[spelling(dt, rdfLangString)] = true
			} else if dt == "" || dt == xsdString || dt == keyXSDString {
				plain[spelling(dt, xsdString)] = true
			}
		}
	}
	count := func(seen [3]bool) (n int) {
		for _, b := range seen {
			if b {
				n++
			}
		}
		return n
	}
	return count(plain) < 2 && count(tagged) < 2
}

// expectedValue returns the value object of statement q's object as
// expansion makes what fromRDF makes of it: its language tag in lower
// case. The writers that make values one at a time foresee from it what
// the node map keeps and the key compaction puts a value under; the
// value's expansion is checked against it when it is written.
func (jw *jsonNodeWriter) expectedValue(q dquad) map[string]any {
	_, _, v := jw.rdfValue(q)
	if lang, tagged := v["@language"].(string); tagged {
		v["@language"] = strings.ToLower(lang)
	}
	return v
}

// rdfValue returns the key (see valueKey) of statement q's object in the
// node object of its subject, under pred, its predicate or "@type", and
// the value object RdfToObject makes of it (nil for a type).
func (jw *jsonNodeWriter) rdfValue(q dquad) (pred string, k valueKey, v map[string]any) {
	d := jw.d
	pred = d.terms[q.p].value()
	o := d.terms[q.o]
	if pred == rdfType && o.kind != Literal {
		return "@type", valueKey{prop: "@type", id: d.srcName(q.o)}, nil
	}
	v = map[string]any{}
	if o.kind != Literal {
		k = valueKey{prop: pred, id: d.srcName(q.o), has: 1}
		v["@id"] = k.id
		return pred, k, v
	}
	// As RdfToObject writes a literal: its language, else its datatype
	// unless xsd:string.
	val, dt, lang := o.literal()
	lit := jld.NewLiteral(val, dt, lang)
	k = valueKey{prop: pred, value: lit.Value, has: 2}
	v["@value"] = lit.Value
	if lit.Language != "" {
		k.lang, k.has = lit.Language, k.has|4
		v["@language"] = lit.Language
	} else if lit.Datatype != jld.XSDString {
		k.typ, k.has = lit.Datatype, k.has|8
		v["@type"] = lit.Datatype
	}
	return pred, k, v
}

// compacted returns node, a node object from fromRDF holding count
// values, as the general path compacts it (see expandedNode), with prop
// as its active property ("" at the top, "@graph" in a graph). what names
// the node in errors.
func (jw *jsonNodeWriter) compacted(doc int, node map[string]any, what string, count int, prop string) (map[string]any, error) {
	exp, err := jw.expandedNode(doc, node, what, count)
	if err != nil {
		return nil, err
	}
	return jw.compactNode(exp, what, prop)
}

// expandedNode returns node, a node object from fromRDF holding count
// values, as the general path expands it: by Union (with its blank node
// labels) and by Write. Expansion of what expansion made gives it back
// (its IRIs are absolute, its language tags lower case, and anything
// dropped is gone), so Write's is done again only after Union's relabelling
// of several inputs: the second expansion of one input's nodes was a
// quarter of the time of converting it (TestDatasetJSONLDMatchesJSONLDPath
// and FuzzDatasetJSONLD hold the bytes and drops to the general path's).
func (jw *jsonNodeWriter) expandedNode(doc int, node map[string]any, what string, count int) (map[string]any, error) {
	d := jw.d
	exp, err := jw.p.Expand([]any{node}, jw.opts)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrNeedsJSONLD, err)
	}
	if len(d.docs) > 1 {
		relabel(exp, "_:d"+strconv.Itoa(doc)+"-")
		if exp, err = jw.p.expand(exp, jw.opts); err != nil {
			return nil, fmt.Errorf("%w: %w", ErrNeedsJSONLD, err)
		}
	}
	if len(exp) != 1 || countValues(exp[0]) != count {
		return nil, fmt.Errorf("%w: a node of %s changed on its way through JSON-LD", ErrNeedsJSONLD, what)
	}
	m, isMap := exp[0].(map[string]any)
	if !isMap || !plainTree(m) {
		return nil, fmt.Errorf("%w: a node of %s does not expand as the dataset's", ErrNeedsJSONLD, what)
	}
	return m, nil
}

// compactNode compacts exp, an expanded node object, as the general path
// compacts it, with prop as its active property.
func (jw *jsonNodeWriter) compactNode(exp map[string]any, what, prop string) (map[string]any, error) {
	var compacted any
	err := guard("compact", func() error {
		var err error
		compacted, err = jsongold.NewJsonLdApi().Compact(jw.ctx, prop, exp, true)
		return err
	})
	m, isMap := compacted.(map[string]any)
	if err != nil || !isMap || !plainTree(m) {
		return nil, fmt.Errorf("%w: a node of %s does not compact as the dataset's (%v)", ErrNeedsJSONLD, what, err)
	}
	return m, nil
}

// countValues returns the number of values of an expanded node object,
// its types and the values of the nodes of its graph included: the
// statements it stands for.
func countValues(v any) int {
	n := 0
	m, _ := v.(map[string]any)
	for k, vs := range m {
		switch k {
		case "@id":
		case "@graph":
			for _, g := range asList(vs) {
				n += countValues(g)
			}
		default:
			n += len(asList(vs))
		}
	}
	return n
}
