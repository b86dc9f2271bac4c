package ld

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strconv"

	jld "github.com/piprate/json-gold/ld"

	"github.com/film2ld/film2ld/ld/internal/jsongold"
	"github.com/film2ld/film2ld/ld/schemaorg"
)

// WriteJSONLD writes d's statements in f, [FormatJSONLD] or [FormatHTML]:
// the bytes [Processor.Write] gives for the [Processor.Union] of d's
// [Dataset.Documents] with opts, written a node at a time. That path
// builds the JSON-LD of every input (json-gold's conversion from RDF),
// expands it twice, builds a node map to look for a root and compacts the
// whole document: 39 times the input in memory. Where no root is found
// (see [Processor.Write]) its result is the compaction of each document's
// node objects in turn, and the conversion from RDF gives one node object
// per subject (with a named graph's nodes inside its name's node, in
// "@graph"), in the order of their @id; each is made, expanded and
// compacted by the same code as there, only from its own statements, and
// encoded as encoding/json would encode the whole (treeEncoder).
//
// It returns an error wrapping [ErrNeedsJSONLD], having written nothing,
// where it cannot promise the general path's bytes: RDF lists and rdf:JSON
// literals (see [Dataset.NeedsJSONLD]), a graph with a root the general
// path frames the output on (one node nothing refers to, with a type),
// and options other than Lenient and RDFDirection. A node that turns out
// other than the dataset says (a statement dropped or merged on the way,
// a value encoding/json would have to reflect on) or an error of
// json-gold's stops it with an error wrapping ErrNeedsJSONLD too, after
// part of the output may have been written: the caller must throw that
// away and take the general path, which gives its error or its bytes.
// An error of w comes back as it is.
func (p *Processor) WriteJSONLD(w io.Writer, d *Dataset, f Format, opts Options) error {
	if f != FormatJSONLD && f != FormatHTML {
		return fmt.Errorf("ld: write a dataset as JSON-LD: %w %v", ErrUnknownFormat, f)
	}
	if err := d.NeedsJSONLD(); err != nil {
		return err
	}
	if opts.Base != "" || opts.Root != "" || opts.DocumentURL != "" || opts.toRDF || p.cfg.AllowRemote {
		return fmt.Errorf("%w: options the dataset's JSON-LD writer does not take", ErrNeedsJSONLD)
	}
	c, err := p.contexts()
	if err != nil {
		return err
	}
	d.release()
	src := d.srcRanks()
	if d.hasRoot() {
		return fmt.Errorf("%w: the general path frames the output on its root", ErrNeedsJSONLD)
	}
	jw := &jsonNodeWriter{p: p, d: d, ctx: c.compact(), opts: opts, enc: &treeEncoder{w: w, escapeHTML: f == FormatHTML}, seen: map[[2]uint32]bool{}}
	if f == FormatHTML {
		jw.enc.buf = append(jw.enc.buf, scriptStart...)
	}
	for doc := range d.docs {
		if err := jw.document(doc, src); err != nil {
			return err
		}
	}
	jw.finish()
	if f == FormatHTML {
		jw.enc.buf = append(jw.enc.buf, scriptEnd...)
	}
	jw.enc.flush()
	return jw.enc.err
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
	// first is the first node, held until a second shows that the output
	// is {"@context": …, "@graph": […]} rather than the node itself with
	// "@context"; n counts the nodes.
	first map[string]any
	n     int
	// seen finds a subject's repeated statements.
	seen map[[2]uint32]bool
}

// document writes input doc's nodes.
func (jw *jsonNodeWriter) document(doc int, src []uint32) error {
	d := jw.d
	end := len(d.quads)
	if doc+1 < len(d.docs) {
		end = d.docs[doc+1]
	}
	// By graph, subject and statement order.
	idx := make([]int32, 0, end-d.docs[doc])
	for i := d.docs[doc]; i < end; i++ {
		idx = append(idx, int32(i))
	}
	slices.SortFunc(idx, func(a, b int32) int {
		qa, qb := d.quads[a], d.quads[b]
		if c := cmp.Compare(src[qa.g], src[qb.g]); c != 0 {
			return c
		}
		if c := cmp.Compare(src[qa.s], src[qb.s]); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	// span returns the end of the run of statements from i on that share
	// the key's graph (and subject).
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
	// The default graph's subjects merged with the named graphs' names,
	// in the order of their names.
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
		case i < def && (g >= len(idx) || src[s] < src[name]):
			j := span(i, true)
			own, i = idx[i:j], j
		default:
			s = name
			j := span(g, false)
			graph, g = idx[g:j], j
		}
		if err := jw.node(doc, s, own, graph); err != nil {
			return err
		}
	}
	return nil
}

// node writes the node object of term s: own are its statements in the
// default graph, graph those of the graph it names.
func (jw *jsonNodeWriter) node(doc int, s uint32, own, graph []int32) error {
	d := jw.d
	ds := jld.NewRDFDataset()
	made := map[uint32]jld.Node{}
	count := 0
	add := func(qs []int32, name string) {
		last := ^uint32(0)
		for _, i := range qs {
			q := d.quads[i]
			if q.s != last {
				clear(jw.seen)
				last = q.s
			}
			if jw.seen[[2]uint32{q.p, q.o}] {
				continue
			}
			jw.seen[[2]uint32{q.p, q.o}] = true
			count++
			ds.Graphs[name] = append(ds.Graphs[name], jld.NewQuad(d.node(q.s, made), d.node(q.p, made), d.node(q.o, made), name))
		}
	}
	add(own, "@default")
	id := "_:" + d.terms[s].value()
	if d.terms[s].kind == IRI {
		id = d.terms[s].value()
	}
	if graph != nil {
		add(graph, id)
	}
	nodes, err := fromDataset(ds, d.names[doc])
	if err != nil {
		return fmt.Errorf("%w: %w", ErrNeedsJSONLD, err)
	}
	if len(nodes) != 1 {
		return fmt.Errorf("%w: %d node objects for %s", ErrNeedsJSONLD, len(nodes), id)
	}
	// Union's expansion, its labels, and Write's expansion.
	exp, err := jw.p.Expand(nodes, jw.opts)
	if err != nil {
		return fmt.Errorf("%w: %w", ErrNeedsJSONLD, err)
	}
	if len(d.docs) > 1 {
		relabel(exp, "_:d"+strconv.Itoa(doc)+"-")
	}
	if exp, err = jw.p.expand(exp, jw.opts); err != nil {
		return fmt.Errorf("%w: %w", ErrNeedsJSONLD, err)
	}
	if len(exp) != 1 || countValues(exp[0]) != count {
		return fmt.Errorf("%w: the node %s changed on its way through JSON-LD", ErrNeedsJSONLD, id)
	}
	var compacted any
	err = guard("compact", func() error {
		var err error
		compacted, err = jsongold.NewJsonLdApi().Compact(jw.ctx, "", exp[0], true)
		return err
	})
	m, isMap := compacted.(map[string]any)
	if err != nil || !isMap || !plainTree(m) {
		return fmt.Errorf("%w: the node %s does not compact as the dataset's (%v)", ErrNeedsJSONLD, id, err)
	}
	jw.write(m)
	return jw.enc.err
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

// write writes one compacted node: the first is held (see first).
func (jw *jsonNodeWriter) write(m map[string]any) {
	e := jw.enc
	jw.n++
	switch jw.n {
	case 1:
		jw.first = m
		return
	case 2:
		e.buf = append(e.buf, '{')
		e.newline(1)
		e.buf = appendJSONString(e.buf, "@context", e.escapeHTML)
		e.buf = append(e.buf, ':', ' ')
		e.buf = appendJSONString(e.buf, schemaorg.ContextURL, e.escapeHTML)
		e.buf = append(e.buf, ',')
		e.newline(1)
		e.buf = appendJSONString(e.buf, "@graph", e.escapeHTML)
		e.buf = append(e.buf, ':', ' ', '[')
		e.newline(2)
		e.value(jw.first, 2)
		jw.first = nil
	}
	e.buf = append(e.buf, ',')
	e.newline(2)
	e.value(m, 2)
}

// finish ends the output: the one node with its context, or the @graph
// (empty if there are no nodes).
func (jw *jsonNodeWriter) finish() {
	e := jw.enc
	switch jw.n {
	case 0:
		e.value(map[string]any{"@context": schemaorg.ContextURL, "@graph": []any{}}, 0)
	case 1:
		jw.first["@context"] = schemaorg.ContextURL
		e.value(jw.first, 0)
	default:
		e.newline(1)
		e.buf = append(e.buf, ']')
		e.newline(0)
		e.buf = append(e.buf, '}')
	}
	e.buf = append(e.buf, '\n')
}
