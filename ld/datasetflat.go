package ld

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	jld "github.com/piprate/json-gold/ld"

	"github.com/film2ld/film2ld/ld/internal/jsongold"
)

// writeExpanded writes WriteJSONLD's FormatExpanded: the array of the
// node objects the conversion from RDF gives each document, as the
// general path expands them, one node (and one node of a named graph) at
// a time. src ranks the terms by their names in the conversion.
func (jw *jsonNodeWriter) writeExpanded(src []uint32) error {
	e := jw.enc
	e.buf = append(e.buf, '[')
	for doc := range jw.d.docs {
		if err := jw.document(doc, src, jw.expandedTop); err != nil {
			return err
		}
	}
	if jw.n > 0 {
		e.newline(0)
	}
	e.buf = append(e.buf, ']', '\n')
	e.flush()
	return e.err
}

// expandedTop writes the expanded node of term s (see document). A named
// graph's name is expanded with its graph's first node, which keeps a
// name with no statements of its own from being dropped as a
// free-floating node, and the graph's other nodes are expanded and
// written one at a time: expansion takes an array's items each on its
// own.
func (jw *jsonNodeWriter) expandedTop(doc int, s uint32, own, graph []int32) error {
	d := jw.d
	id := d.srcName(s)
	build := func(keep int) (top map[string]any, count int, aside map[string][]int32) {
		top, count, aside = jw.fromRDFKeeping(id, own, keep)
		if len(graph) > 0 {
			j := subjectEnd(d, graph)
			n, c := jw.fromRDF(d.srcName(d.quads[graph[0]].s), graph[:j])
			top["@graph"] = []any{n}
			count += c
		}
		return top, count, aside
	}
	m, streams, err := jw.keeping(doc, id, "", false, build)
	if err != nil {
		return err
	}
	e := jw.enc
	e.nextItem(&jw.n, 1)
	if len(graph) == 0 && streams == nil {
		e.value(m, 1)
		return e.err
	}
	if len(graph) == 0 {
		return jw.writeStreamed(m, 1, streams)
	}
	if first, isList := m["@graph"].([]any); !isList || len(first) != 1 {
		return fmt.Errorf("%w: the graph of %s does not expand to its nodes", ErrNeedsJSONLD, id)
	}
	if streams == nil {
		streams = map[string]itemStream{}
	}
	rest := graph[subjectEnd(d, graph):]
	streams["@graph"] = func() (any, bool, error) {
		if len(rest) == 0 {
			return nil, false, nil
		}
		j := subjectEnd(d, rest)
		qs := rest[:j]
		rest = rest[j:]
		x, streams, err := jw.keeping(doc, id, "", false, func(keep int) (map[string]any, int, map[string][]int32) {
			return jw.fromRDFKeeping(d.srcName(d.quads[qs[0]].s), qs, keep)
		})
		if streams != nil {
			return &streamedNode{m: x, streams: streams}, err == nil, err
		}
		return x, err == nil, err
	}
	return jw.writeStreamed(m, 1, streams)
}

// writeFlattened writes WriteJSONLD's FormatFlattened: what
// [Processor.Flatten] gives for the union of the documents. That is the
// node map of their expanded nodes: every blank node relabelled _:b0,
// _:b1, … in the order the node map generation meets them
// (Dataset.blankLabels, which the N-Quads writers use too), a node that
// several documents describe (an IRI) merged into one, the default
// graph's nodes and the names of the named graphs sorted by their new
// names, each graph's nodes sorted inside its name's node, and each node
// compacted on its own, in "@graph". Here the statements are sorted by
// those names, and each node is made from its statements as the general
// path makes it (fromRDF and expandedNode, one document at a time),
// merged by json-gold's node map generation with the labels issued in
// advance, compacted and written before the next is made.
func (jw *jsonNodeWriter) writeFlattened() error {
	d := jw.d
	labels := d.blankLabels()
	fn := &flatNamer{d: d, labels: labels, issuer: jld.NewIdentifierIssuer("_:b")}
	// The issuer gives each blank node the label the node map would, so
	// that the generation below, node by node, relabels as it does over
	// the whole.
	var blanks []uint32
	for i := 1; i < len(d.terms); i++ {
		if d.terms[i].kind == Blank {
			if labels[i] == ^uint32(0) {
				return fmt.Errorf("%w: a blank node the node map does not meet", ErrNeedsJSONLD)
			}
			blanks = append(blanks, uint32(i))
		}
	}
	slices.SortFunc(blanks, func(a, b uint32) int { return cmp.Compare(labels[a], labels[b]) })
	for _, b := range blanks {
		if got := fn.issuer.GetId(d.srcLabel(b)); got != fn.name(b) {
			return fmt.Errorf("%w: blank node %s labelled %s, not %s", ErrNeedsJSONLD, d.srcLabel(b), got, fn.name(b))
		}
	}
	fn.node = jw.flatNode
	return jw.flatten(fn, true)
}

// flatten writes the flattened output of jw.d, its terms named by fn,
// and each node made by fn.node from its statements; drops, when set,
// sends it back to the general path where expansion dropped something.
func (jw *jsonNodeWriter) flatten(fn *flatNamer, drops bool) error {
	d := jw.d
	// rank orders the terms by their new names; the default graph (0)
	// comes first.
	rank := make([]uint32, len(d.terms))
	{
		names := make([]string, len(d.terms))
		for i := 1; i < len(d.terms); i++ {
			if d.terms[i].kind != Literal {
				names[i] = fn.name(uint32(i))
			}
		}
		for i, r := range denseRanks(names[1:]) {
			rank[i+1] = r + 1
		}
	}
	idx := make([]int32, 0, len(d.quads))
	for doc := range d.docs {
		// A folded list's cells are no nodes (each input's its own).
		var cells []bool
		if jw.lists != nil {
			cells = jw.lists.docCells(d, doc)
		}
		for _, i := range d.docStatements(doc) {
			if cells == nil || !cells[d.quads[i].s] {
				idx = append(idx, i)
			}
		}
	}
	d.sortByTop(idx, rank)
	dropped := jw.dropCount()
	e := jw.enc
	openGraph(jw.enc)
	err := d.eachTop(idx, rank, func(s uint32, own, graph []int32) error {
		if err := jw.flatTop(fn, s, own, graph); err != nil {
			return err
		}
		if drops && jw.dropCount() != dropped {
			// Expansion left something out, which the node map would have
			// met in another order: the general path tells what.
			return fmt.Errorf("%w: expansion dropped a value", ErrNeedsJSONLD)
		}
		return nil
	})
	if err != nil {
		return err
	}
	closeGraph(jw.enc, jw.n)
	e.buf = append(e.buf, '\n')
	e.flush()
	return e.err
}

// flatNamer gives the terms their names in flattened output, and makes
// its nodes.
type flatNamer struct {
	d *Dataset
	// labels numbers the blank nodes; nil keeps their own labels.
	labels []uint32
	issuer *jld.IdentifierIssuer
	// node makes the node of a subject's statements qs in one graph.
	node func(fn *flatNamer, qs []int32) (map[string]any, error)
}

// name returns term t's name: an IRI as it is, a blank node as the node
// map labels it.
func (fn *flatNamer) name(t uint32) string {
	if fn.d.terms[t].kind == Blank {
		if fn.labels == nil {
			return "_:" + fn.d.terms[t].value()
		}
		return "_:b" + strconv.Itoa(int(fn.labels[t]))
	}
	return fn.d.terms[t].value()
}

// flatTop writes the flattened node of term s: own are its statements in
// the default graph, from every document, and graph those of the graph
// it names, sorted by subject.
func (jw *jsonNodeWriter) flatTop(fn *flatNamer, s uint32, own, graph []int32) error {
	d := jw.d
	id := fn.name(s)
	entry := map[string]any{"@id": id}
	if len(own) > 0 {
		var err error
		if entry, err = fn.node(fn, own); err != nil {
			return err
		}
	}
	return jw.writeFlatTop(id, entry, func() (map[string]any, bool, error) {
		if len(graph) == 0 {
			return nil, false, nil
		}
		j := subjectEnd(d, graph)
		n, err := fn.node(fn, graph[:j])
		graph = graph[j:]
		return n, true, err
	})
}

// writeFlatTop writes entry, the flattened node of id, with the nodes of
// the graph it names that inner gives one at a time, in order. As node
// does, it compacts a graph's name with the graph's first two nodes and
// the rest one at a time. A node's values kept aside (see addNative) are
// compacted and written one at a time where they can be (compactFlat).
func (jw *jsonNodeWriter) writeFlatTop(id string, entry map[string]any, inner func() (map[string]any, bool, error)) error {
	var first []any
	for len(first) < 3 {
		n, ok, err := inner()
		if err != nil {
			return err
		}
		if !ok {
			break
		}
		first = append(first, n)
	}
	var held map[string]any
	if len(first) == 3 {
		// Compacted on its own below, after the first two.
		held, first = first[2].(map[string]any), first[:2]
	}
	for _, n := range first {
		// Compacted inside the name's node: whole.
		if err := jw.holdAside(n.(map[string]any)); err != nil {
			return err
		}
	}
	if first != nil {
		entry["@graph"] = first
	}
	top, err := jw.compactFlat(entry, id, "")
	if err != nil {
		return err
	}
	e := jw.enc
	e.nextItem(&jw.n, 2)
	if held == nil {
		if top.streams == nil {
			e.value(top.m, 2)
			return e.err
		}
		return jw.writeStreamed(top.m, 2, top.streams)
	}
	if c, isList := top.m["@graph"].([]any); !isList || len(c) != 2 {
		return fmt.Errorf("%w: the graph of %s does not compact to its nodes", ErrNeedsJSONLD, id)
	}
	if top.streams == nil {
		top.streams = map[string]itemStream{}
	}
	top.streams["@graph"] = func() (any, bool, error) {
		n := held
		if n != nil {
			held = nil
		} else {
			var ok bool
			var err error
			if n, ok, err = inner(); err != nil || !ok {
				return nil, false, err
			}
		}
		c, err := jw.compactFlat(n, id, "@graph")
		if err != nil || c.streams == nil {
			return c.m, true, err
		}
		return c, true, nil
	}
	return jw.writeStreamed(top.m, 2, top.streams)
}

// flatNode returns the node map's node for a subject's statements qs in
// one graph, from one document or several (sorted as read): each
// document's node object as the general path expands it, merged by the
// node map generation, blank nodes relabelled.
func (jw *jsonNodeWriter) flatNode(fn *flatNamer, qs []int32) (map[string]any, error) {
	d := jw.d
	s := d.quads[qs[0]].s
	if len(d.docs) == 1 {
		if node, err := jw.flatNodeKeeping(fn, s, qs); node != nil || err != nil {
			return node, err
		}
	}
	var exps []any
	for len(qs) > 0 {
		doc := d.docOf(int(qs[0]))
		j := 1
		for j < len(qs) && d.docOf(int(qs[j])) == doc {
			j++
		}
		n, count := jw.fromRDF(d.srcName(s), qs[:j])
		exp, err := jw.expandedNode(doc, n, fn.name(s), count)
		if err != nil {
			return nil, err
		}
		exps = append(exps, exp)
		qs = qs[j:]
	}
	graphs := map[string]any{"@default": map[string]any{}}
	if err := guard("node map", func() error { return jsongold.GenerateNodeMap(exps, graphs, fn.issuer) }); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrNeedsJSONLD, err)
	}
	node, isMap := graphs["@default"].(map[string]any)[fn.name(s)].(map[string]any)
	if !isMap || len(node) < 2 || !plainTree(node) {
		return nil, fmt.Errorf("%w: the node map's node of %s is not the dataset's", ErrNeedsJSONLD, fn.name(s))
	}
	return node, nil
}

// flatNodeKeeping is flatNode for the statements qs of subject s in a
// dataset of one input, keeping jw.kept values of a property in the
// node: the others (each value that expansion does not make a repeat
// of one before it, which the node map would drop) are kept aside under
// asideKey, made and relabelled as they are written (see compactFlat).
// It returns no node, and no error, where a value is of a kind it does
// not know how the node map compares: flatNode makes the node whole.
func (jw *jsonNodeWriter) flatNodeKeeping(fn *flatNamer, s uint32, qs []int32) (map[string]any, error) {
	d := jw.d
	id := d.srcName(s)
	// The statements kept aside go straight into the values they are
	// written from; the ones that repeat a value kept in the node are
	// left out below, once the node map has made it.
	kept := map[string]asideValues{}
	of := &statementsOf{jw: jw, fn: fn, id: id}
	n, count := jw.fromRDFAside(id, qs, jw.kept, func(pred string, i int32) {
		vs, _ := kept[pred].(*statementValues)
		if vs == nil {
			vs = &statementValues{of: of, oneKey: true}
			kept[pred] = vs
		}
		vs.stmts = append(vs.stmts, i)
	})
	exp, err := jw.expandedNode(0, n, fn.name(s), count)
	if err != nil {
		return nil, err
	}
	graphs := map[string]any{"@default": map[string]any{}}
	if err := guard("node map", func() error { return jsongold.GenerateNodeMap([]any{exp}, graphs, fn.issuer) }); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrNeedsJSONLD, err)
	}
	node, isMap := graphs["@default"].(map[string]any)[fn.name(s)].(map[string]any)
	if !isMap || len(node) < 2 || !plainTree(node) {
		return nil, fmt.Errorf("%w: the node map's node of %s is not the dataset's", ErrNeedsJSONLD, fn.name(s))
	}
	if len(kept) == 0 {
		return node, nil
	}
	for pred, values := range kept {
		vs := values.(*statementValues)
		var seen valueSet
		for _, v := range asList(node[pred]) {
			k, ok := expandedKey(v)
			if !ok {
				return nil, nil
			}
			seen.add(k)
		}
		// Filtered in place: a statement's value is kept at most once.
		stmts := vs.stmts
		vs.stmts = stmts[:0]
		for _, st := range stmts {
			v, k := vs.expected(st)
			if !seen.add(k) {
				continue
			}
			vs.stmts = append(vs.stmts, st)
			key, err := jw.ctx.CompactIri(pred, v, true, false)
			if err != nil || len(vs.stmts) > 1 && key != vs.key {
				vs.oneKey = false
			}
			vs.key = key
		}
	}
	node[asideKey] = kept
	return node, nil
}

// valueSet is a set of value keys: a few of them held in it, more in a
// map. A property kept aside mostly has one value, and a map for each of
// a node's 100,000 properties was an allocation of some 700 bytes each,
// which the collector then had to keep up with.
type valueSet struct {
	few  [4]valueKey
	n    int
	many map[valueKey]bool
}

// add adds k to the set and reports whether it was not there yet.
func (s *valueSet) add(k valueKey) bool {
	if s.many == nil {
		if slices.Contains(s.few[:s.n], k) {
			return false
		}
		if s.n < len(s.few) {
			s.few[s.n] = k
			s.n++
			return true
		}
		s.many = make(map[valueKey]bool, 2*len(s.few))
		for _, f := range s.few {
			s.many[f] = true
		}
	}
	if s.many[k] {
		return false
	}
	s.many[k] = true
	return true
}

// statementValues are values of a node under one property kept aside by
// flatNodeKeeping: statements of a dataset of one input, made, expanded
// and their blank nodes relabelled as the node map does when asked for.
// key is what compaction makes of the property for each of them, where
// oneKey tells that it is the same for all. What the properties of a node
// share is held once (of), and the property is the statements': a node
// may have 100,000 properties (64 bytes each, where 96 held 9 MB more).
type statementValues struct {
	of     *statementsOf
	stmts  []int32
	key    string
	oneKey bool
}

// statementsOf is what the statementValues of one node share: the
// writer, the node map's namer and the node's name.
type statementsOf struct {
	jw *jsonNodeWriter
	fn *flatNamer
	id string
}

func (vs *statementValues) len() int { return len(vs.stmts) }

// at expands the value of the i-th statement, which must give what
// expected foresaw: its repeats were left out by that.
func (vs *statementValues) at(i int) (map[string]any, error) {
	st := vs.stmts[i]
	jw, d := vs.of.jw, vs.of.jw.d
	v, err := jw.asideValue(0, vs.of.id, d.terms[d.quads[st].p].value(), st)
	if err != nil {
		return nil, err
	}
	if ref, isNode := v["@id"].(string); isNode && strings.HasPrefix(ref, "_:") {
		v["@id"] = vs.of.fn.issuer.GetId(ref)
	}
	if k, ok := expandedKey(v); !ok || k != vs.keyOf(st) {
		return nil, fmt.Errorf("%w: a value of %s does not expand as foreseen", ErrNeedsJSONLD, vs.of.id)
	}
	return v, nil
}

func (vs *statementValues) compactKey(*jsonNodeWriter, string) (string, bool) {
	return vs.key, vs.oneKey && vs.key != ""
}

// expected returns the value of statement st as expansion and the node
// map make it, without expanding it (at checks that they do), and its
// key: the value fromRDF makes, its language tag in lower case, a blank
// node by its label in the output.
func (vs *statementValues) expected(st int32) (map[string]any, valueKey) {
	d := vs.of.jw.d
	q := d.quads[st]
	v := vs.of.jw.expectedValue(q)
	if d.terms[q.o].kind == Blank {
		v["@id"] = vs.of.fn.name(q.o)
	}
	k, _ := expandedKey(v)
	return v, k
}

// keyOf returns the key of the value expected gives for statement st.
func (vs *statementValues) keyOf(st int32) valueKey {
	_, k := vs.expected(st)
	return k
}

// expandedKey returns the valueKey of v, an expanded value object (a
// node reference or a string literal, with a language or a type), that
// tells it from the node map's other values, which keeps one of equal
// values; ok is false for a value of another kind.
func expandedKey(v any) (k valueKey, ok bool) {
	m, _ := v.(map[string]any)
	for key, x := range m {
		s, isString := x.(string)
		if !isString {
			return k, false
		}
		switch key {
		case "@id":
			k.id, k.has = s, k.has|1
		case "@value":
			k.value, k.has = s, k.has|2
		case "@language":
			k.lang, k.has = s, k.has|4
		case "@type":
			k.typ, k.has = s, k.has|8
		default:
			return k, false
		}
	}
	return k, len(m) > 0
}

// docOf returns the input that statement i was read from.
func (d *Dataset) docOf(i int) int {
	// The last input that starts at or before i (an empty input starts
	// where the next does).
	k, _ := slices.BinarySearch(d.docs, i+1)
	return k - 1
}

// dropCount returns how many things Lenient has recorded as dropped.
func (jw *jsonNodeWriter) dropCount() int {
	if jw.opts.Lenient == nil {
		return 0
	}
	n := 0
	for _, d := range jw.opts.Lenient.Drops() {
		n += d.Count
	}
	return n
}
