package ld

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/film2ld/film2ld/ld/internal/jsongold"
)

// This file writes a dataset with a root (Dataset.hasRoot) as
// [Processor.Write]'s FormatJSONLD and FormatHTML do: framed on the
// root's type, every node it leads to embedded (frameExpanded), but
// without building the document, its node map, the framed tree and its
// compaction (28 times the input: 870 MB for 31 MB of N-Quads of one
// film with 50,000 reviews). framePlan runs json-gold's embedding
// (jsongold.FrameGraph, step for step) on the dataset's terms, keeping of
// each output only which node it is and, per property, which value,
// embedded output or reference stands where. The writer then compacts
// one output at a time, its embedded outputs stood in for by placeholder
// nodes, and writes each placeholder's output in its place as it comes
// to it. Compaction of a node object does not depend on the node objects
// inside it: the schema.org context has no scoped contexts and no
// containers, and term selection sees only a value's @id, which the
// placeholder keeps (TestDatasetJSONLDMatchesJSONLDPath and
// FuzzDatasetJSONLD hold the bytes to the general path's).

// frameMarker is the property of a placeholder node: its value is the
// placeholder's index among the outputs embedded in the node being
// compacted. No schema.org term compacts to it.
const frameMarker = "urn:x-film2ld:frame:embedded"

// errNoFrame means the general path would not frame a rooted dataset
// after all (a node the root does not lead to, or framing past
// jsongold.FrameBudget): it compacts it instead, as WriteJSONLD does a
// dataset without a root.
var errNoFrame = fmt.Errorf("%w: no frame", ErrNeedsJSONLD)

// frameNode is a subject's node in the node map the general path frames.
type frameNode struct {
	// stmts are its statements, reordered: its types, then its
	// properties' values sorted by property IRI (framing reads them in
	// that order), each value once as node map generation adds them, in
	// the order read. The values of a property are a run of them.
	stmts []int32
	types int32
}

// frameOut is an output of framing: a node and the items of its
// properties, each property's in order.
type frameOut struct {
	node  uint32
	items []frameItem
}

// frameItem is an item of a frameOut's property (its index among the
// node's properties, prop): an embedded output (child), a reference to
// node val (ref), or the literal val-th value of the property.
type frameItem struct {
	child *frameOut
	val   uint32
	prop  int32
	ref   bool
}

// refersTo reports whether the item is a map with @id id in the framed
// tree: an output of node id or a reference to it.
func (it frameItem) refersTo(id uint32) bool {
	if it.child != nil {
		return it.child.node == id
	}
	return it.ref && it.val == id
}

// frameSite is where an output is embedded: prop of parent (nil: the top).
type frameSite struct {
	parent *frameOut
	prop   int32
}

// framePlan is the framing of a dataset's one input, as jsongold.FrameGraph
// frames its node map. Its slices indexed by term keep it at about 150
// bytes a subject (a map of nodes with their properties took 400).
type framePlan struct {
	d   *Dataset
	typ uint32 // rdf:type's term, or 0
	// node is the index in nodes of a term's node plus one (0: a term
	// with no statements); nodes are in the order of their subjects.
	node     []int32
	nodes    []frameNode
	subjects []uint32
	// blank is the number of the label node map generation gives a blank
	// node (_:b0, …) plus one; ids are the nodes labelled, in order.
	blank []int32
	ids   []uint32
	root  *frameOut
	// outputs counts each blank node's outputs: of one output framing
	// leaves out the @id (cleared).
	outputs []int32

	// seen holds the values of the subject being read (subject).
	seen map[litKey]bool

	// budget is how many more outputs framing may make
	// (jsongold.FrameBudget, as the general path's).
	budget int

	embeds   map[uint32]frameSite
	children map[uint32][]uint32 // node → nodes embedded in one of its outputs
	onStack  []bool
}

// planFrame frames d (one input, no named graph, with a root) as the
// general path does. It returns errNoFrame where that path would compact
// instead, and an error wrapping ErrNeedsJSONLD where this one cannot
// follow it.
func planFrame(d *Dataset, src []uint32) (*framePlan, error) {
	n := len(d.terms)
	fp := &framePlan{d: d, node: make([]int32, n), blank: make([]int32, n), outputs: make([]int32, n), seen: map[litKey]bool{}}
	for i := 1; i < len(d.terms); i++ {
		if t := d.terms[i]; t.kind == IRI && t.key == "<"+rdfType+">" {
			fp.typ = uint32(i)
			break
		}
	}
	issued := make([]bool, n)
	blanks := int32(0)
	issue := func(t uint32) {
		if issued[t] {
			return
		}
		issued[t] = true
		fp.ids = append(fp.ids, t)
		if d.terms[t].kind == Blank {
			blanks++
			fp.blank[t] = blanks
		}
	}
	// The general path's document is each input's nodes in turn, in the
	// order of the conversion from RDF; a node several inputs describe
	// (an IRI) is one node of the node map, its values those of the first
	// input, then of the next. Node map generation labels blank nodes as
	// it meets them: an input's node, then its properties' values in
	// order.
	var runs [][]int32 // each subject's statements, in input order
	for doc := range d.docs {
		idx := d.docStatements(doc)
		d.sortByTop(idx, src)
		for len(idx) > 0 {
			j := subjectEnd(d, idx)
			s := d.quads[idx[0]].s
			if fp.node[s] == 0 {
				fp.subjects = append(fp.subjects, s)
				fp.node[s] = int32(len(fp.subjects))
				runs = append(runs, idx[:j:j])
			} else {
				k := fp.node[s] - 1
				runs[k] = append(slices.Clip(runs[k]), idx[:j]...)
			}
			// Sorted in place: subject sorts the joined run again, and a
			// stable sort keeps each property's statements in input order.
			occurrence := frameNode{stmts: idx[:j]}
			fp.sortStatements(occurrence.stmts)
			issue(s)
			for _, o := range fp.objects(&occurrence) {
				issue(o)
			}
			idx = idx[j:]
		}
	}
	for _, run := range runs {
		node, err := fp.subject(run)
		if err != nil {
			return nil, err
		}
		fp.nodes = append(fp.nodes, node)
	}
	// The root: the one subject nothing refers to (hasRoot); its first
	// type is the type framed on.
	referenced := make([]bool, n)
	for i := range fp.nodes {
		for _, o := range fp.objects(&fp.nodes[i]) {
			referenced[o] = true
		}
	}
	var root uint32
	for _, s := range fp.subjects {
		if !referenced[s] && fp.nodeOf(s).types > 0 {
			root = s
		}
	}
	if root == 0 {
		return nil, fmt.Errorf("%w: no root", ErrNeedsJSONLD)
	}
	rootType := d.quads[fp.nodeOf(root).stmts[0]].o
	if fp.unreachable(root) {
		return nil, errNoFrame
	}
	// Every node of the root's type is framed on its own, in the order
	// of their ids; only the root's output is kept, but the others count
	// the outputs of blank nodes too.
	labels := make(map[uint32]string, len(fp.ids))
	for _, t := range fp.ids {
		labels[t] = fp.label(t)
	}
	ids := slices.Clone(fp.ids)
	slices.SortFunc(ids, func(a, b uint32) int { return strings.Compare(labels[a], labels[b]) })
	labels = nil
	fp.onStack = make([]bool, n)
	refs := 0
	for i := range fp.nodes {
		refs += len(fp.objects(&fp.nodes[i]))
	}
	fp.budget = jsongold.FrameBudget(len(fp.ids), refs)
	for _, id := range ids {
		if !fp.hasType(id, rootType) {
			continue
		}
		fp.embeds = map[uint32]frameSite{}
		fp.children = map[uint32][]uint32{}
		out := fp.frame(id, nil, -1)
		if fp.budget < 0 {
			// The general path gives up framing too, and compacts.
			return nil, errNoFrame
		}
		if id == root {
			fp.root = out
		}
	}
	fp.embeds, fp.children, fp.onStack = nil, nil, nil
	return fp, nil
}

// nodeOf returns term t's node, or nil for a term with no statements.
func (fp *framePlan) nodeOf(t uint32) *frameNode {
	if i := fp.node[t]; i > 0 {
		return &fp.nodes[i-1]
	}
	return nil
}

// label returns node t's id in the node map.
func (fp *framePlan) label(t uint32) string {
	if b := fp.blank[t]; b > 0 {
		return "_:b" + strconv.Itoa(int(b-1))
	}
	return fp.d.terms[t].value()
}

// objects returns the nodes n's properties hold, in order.
func (fp *framePlan) objects(n *frameNode) []uint32 {
	var out []uint32
	for _, i := range n.stmts[n.types:] {
		if o := fp.d.quads[i].o; fp.d.terms[o].kind != Literal {
			out = append(out, o)
		}
	}
	return out
}

// isType reports whether statement q gives its subject a type.
func (fp *framePlan) isType(q dquad) bool {
	return fp.typ != 0 && q.p == fp.typ && fp.d.terms[q.o].kind != Literal
}

// subject returns the node of a subject's statements qs, which it
// reorders and shortens (see frameNode.stmts).
func (fp *framePlan) subject(qs []int32) (frameNode, error) {
	d := fp.d
	fp.sortStatements(qs)
	// The values already added, as in jsonNodeWriter.fromRDF.
	if len(fp.seen) > 64 {
		fp.seen = map[litKey]bool{}
	} else {
		clear(fp.seen)
	}
	seen := fp.seen
	kept := qs[:0]
	var types int32
	for _, i := range qs {
		q := d.quads[i]
		o := d.terms[q.o]
		k := litKey{prop: q.p, obj: q.o}
		switch {
		case fp.isType(q):
			if o.kind == Blank {
				return frameNode{}, fmt.Errorf("%w: a blank node as a type", ErrNeedsJSONLD)
			}
			k.prop = 0
		case o.kind == Literal:
			// JSON-LD expansion writes a language tag in lower case, and
			// the node map keeps one of values equal then.
			v, dt, lang := o.literal()
			k = litKey{prop: q.p, value: v, dt: dt, lang: strings.ToLower(lang)}
			if dt == xsdString {
				k.dt = ""
			}
		}
		if seen[k] {
			continue
		}
		seen[k] = true
		if k.prop == 0 {
			types++
		}
		kept = append(kept, i)
	}
	return frameNode{stmts: kept, types: types}, nil
}

// sortStatements sorts a subject's statements as framing and node map
// generation read them: its types, then its properties by IRI, each in
// the order read.
func (fp *framePlan) sortStatements(qs []int32) {
	d := fp.d
	slices.SortStableFunc(qs, func(a, b int32) int {
		qa, qb := d.quads[a], d.quads[b]
		if ta, tb := fp.isType(qa), fp.isType(qb); ta || tb {
			switch {
			case ta && tb:
				return 0
			case ta:
				return -1
			}
			return 1
		}
		if qa.p == qb.p {
			return 0
		}
		return strings.Compare(d.terms[qa.p].value(), d.terms[qb.p].value())
	})
}

// litKey is a value of a property, as node map generation compares it:
// a node (obj) or a literal; prop 0 is @type.
type litKey struct {
	prop, obj       uint32
	value, dt, lang string
}

// hasType reports whether node id has type t.
func (fp *framePlan) hasType(id, t uint32) bool {
	n := fp.nodeOf(id)
	if n == nil {
		return false
	}
	for _, i := range n.stmts[:n.types] {
		if fp.d.quads[i].o == t {
			return true
		}
	}
	return false
}

// unreachable reports whether a node with statements cannot be reached
// from root, which makes the general path's framing fail.
func (fp *framePlan) unreachable(root uint32) bool {
	seen := make([]bool, len(fp.node))
	seen[root] = true
	queue := []uint32{root}
	for len(queue) > 0 {
		n := fp.nodeOf(queue[0])
		queue = queue[1:]
		if n == nil {
			continue
		}
		for _, o := range fp.objects(n) {
			if !seen[o] {
				seen[o] = true
				queue = append(queue, o)
			}
		}
	}
	for _, s := range fp.subjects {
		if !seen[s] {
			return true
		}
	}
	return false
}

// frame is jsongold's embedder.frame: it outputs node id into parent's
// property prop and returns the output.
func (fp *framePlan) frame(id uint32, parent *frameOut, prop int32) *frameOut {
	d := fp.d
	if fp.budget--; fp.budget < 0 {
		return nil // planFrame gives up
	}
	if d.terms[id].kind == Blank {
		fp.outputs[id]++
	}
	if fp.onStack[id] {
		// a circular embed: a reference only
		fp.add(parent, frameItem{prop: prop, val: id, ref: true})
		return nil
	}
	if _, ok := fp.embeds[id]; ok {
		fp.removeEmbed(id)
	}
	fp.embeds[id] = frameSite{parent: parent, prop: prop}
	if parent != nil {
		fp.children[parent.node] = append(fp.children[parent.node], id)
	}
	out := &frameOut{node: id}
	fp.onStack[id] = true
	if n := fp.nodeOf(id); n != nil {
		out.items = make([]frameItem, 0, len(n.stmts)-int(n.types))
		k, start := int32(-1), n.types
		for pos := n.types; pos < int32(len(n.stmts)); pos++ {
			q := d.quads[n.stmts[pos]]
			if pos == n.types || q.p != d.quads[n.stmts[pos-1]].p {
				k, start = k+1, pos
			}
			if d.terms[q.o].kind == Literal {
				out.items = append(out.items, frameItem{prop: k, val: uint32(pos - start)})
			} else {
				fp.frame(q.o, out, k)
			}
		}
	}
	fp.onStack[id] = false
	fp.add(parent, frameItem{prop: prop, child: out})
	return out
}

// add appends item to parent's items (a nil parent is the top).
func (fp *framePlan) add(parent *frameOut, item frameItem) {
	if parent != nil {
		parent.items = append(parent.items, item)
	}
}

// removeEmbed is jsongold's: an earlier embed of id becomes a reference
// at the end of its property's items, and what was embedded in it is
// forgotten.
func (fp *framePlan) removeEmbed(id uint32) {
	site := fp.embeds[id]
	if site.parent != nil {
		kept := site.parent.items[:0]
		for _, it := range site.parent.items {
			if it.prop != site.prop || !it.refersTo(id) {
				kept = append(kept, it)
			}
		}
		site.parent.items = append(kept, frameItem{prop: site.prop, val: id, ref: true})
	}
	fp.removeDependents(id)
}

// removeDependents forgets the embeds whose parent is an output of id, and
// theirs. jsongold's scans every embed for each; children indexes them by
// the parent's node (an entry is checked against the embed as it now is).
func (fp *framePlan) removeDependents(id uint32) {
	deps := fp.children[id]
	delete(fp.children, id)
	for _, dep := range deps {
		if site, ok := fp.embeds[dep]; ok && site.parent != nil && site.parent.node == id {
			delete(fp.embeds, dep)
			fp.removeDependents(dep)
		}
	}
}
