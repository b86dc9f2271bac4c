package ld

import (
	"encoding/binary"
	"errors"
	"iter"
	"math"
	"slices"
)

// The lazy items of long sequences. A page of 50,000 reviews renders its
// Movie's reviews as a sequence (see WriteDirect), and the node map held
// each review, its properties and its framing output whole until the
// snippet was written: about 600 bytes a review, 30 MB of that page's 75
// MB heap at the peak. But a review is a blank node that only its Movie
// holds: framing embeds it there once, in its place, and what framing
// decides about it is only where the named nodes it refers to (its
// author, its publisher) are embedded, by json-gold's @last rule. So past
// the first Config.HeldItems items of a sequence, an item that is a blank node
// tree referring to named nodes only by reference (lazyCandidate) is
// built once to be checked and to learn those references (jlazy), then
// let go; framing frames the named nodes at its sites as it would have;
// and the writer builds the item again from the sequence, walked a second
// time, and writes it with the framed sites in place (writeLazy). The
// differential tests hold the bytes to the node map's with none held.

// defaultHeldItems is Config.HeldItems' default: how many items of a
// sequence are held before its items become lazy. A film's own lists are
// short, and holding them is faster.
const defaultHeldItems = 512

// heldItems returns Config.HeldItems as a count.
func heldItems(cfg Config) int {
	switch {
	case cfg.HeldItems == 0:
		return defaultHeldItems
	case cfg.HeldItems < 0:
		return 0
	}
	return cfg.HeldItems
}

// jlazy is a lazy item: the index of its sequence in jlazyState.seqs, its
// index in the sequence, and its sites, jlazyState.sites[sites:sites+n].
type jlazy struct {
	seq, item, sites, n int32
}

// jlazySite is a reference a lazy item holds to a named node, in the
// order framing meets it: out is the node's output there (an embed, or a
// reference once framing embeds it at a later site). A node no other
// place names has no node at all (n nil): light is its index in
// jlazyState.lights, else -1.
type jlazySite struct {
	n     *jnode
	out   *jout
	light int32
}

// jlight is a node only lazy items and a lazy description name (a
// reviewer on a page of 50,000 reviews): it needs no node, as framing
// embeds it where a lazy item names it last, and nothing inside it (its
// description holds literals only), and its references elsewhere in
// place (each a property's only value). Its IRI is numbered by
// jlazyState.lightIDs as it is in lights; desc is its lazy description
// (as jnode.desc; 0 for none), count how many sites name it and last the
// index of the last in jlazyState.sites. The node made for it once
// another place names it (in lightNodes) takes its sites over (resolve).
type jlight struct {
	desc        int32
	count, last int32
}

// jlazyState is what a builder holds of its lazy items.
type jlazyState struct {
	// after is how many items of a sequence are held (Config.HeldItems).
	after   int
	seqs    []iter.Seq[any]
	holders []*jnode // the node whose property each sequence is
	items   []jlazy
	sites   []jlazySite
	// holder is the top-level node whose members are being walked.
	holder *jnode
	// lights are the nodes that need no node (jlight), lightIDs their
	// IRIs, and lightNodes the nodes made for some after all.
	lights     []jlight
	lightIDs   jiris
	lightNodes map[int32]*jnode
	// descs holds the lazy descriptions (jbuilder.lazyDescription),
	// encoded; names are the types and keys they name, by number (each
	// once: nameNums).
	descs     []byte
	names     []string
	nameNums  map[string]uint16
	described int
	// refs are the light references (see lightRef), each its lazy
	// description (as jnode.desc; 0 for none), refIDs their IRIs, runs
	// their runs in the properties, and promoted the node made for each
	// that became one (promote).
	refs     []int32
	refIDs   jiris
	runs     []jrefRun
	promoted map[int32]*jnode
}

func (l *jlazyState) addSeq(x iter.Seq[any], holder *jnode) int {
	l.seqs = append(l.seqs, x)
	l.holders = append(l.holders, holder)
	return len(l.seqs) - 1
}

// scratchSite is a reference to a named node met while a scratch builder
// builds an item, and the property that holds it.
type scratchSite struct {
	n *jnode
	p *jprop
}

// jslabs are the chunks a builder's slabs were last cut from, so that a
// scratch builder can reuse them for its next item (rewind).
type jslabs struct {
	nodes    []jnode
	props    []jprop
	vals     []jval
	types    []string
	propPtrs []*jprop
}

// site records, in a scratch builder, a named node's reference by p.
func (b *jbuilder) site(n *jnode, p *jprop) {
	if b.main != nil && !n.blank {
		b.sites = append(b.sites, scratchSite{n, p})
	}
}

// lazyCandidate reports whether item m of a sequence in property site may
// be lazy: a sequence of the top-level node being walked, under a key
// that holds nodes, and m a blank node tree (no node of it named, none of
// the framed type) whose named nodes are references alone ({"@id": iri},
// or an IRI under an @id-coerced key), so that building it adds nothing
// to the nodes it refers to.
func (b *jbuilder) lazyCandidate(site propSite, m object) bool {
	if b.main != nil || site.n != b.lazy.holder || site.key.kind == kindTyped {
		return false
	}
	return b.blankTree(m, 0)
}

func (b *jbuilder) blankTree(m object, depth int) bool {
	if depth > 8 {
		return false
	}
	if _, named := m.get("@id"); named {
		return false
	}
	for k, v := range m.all {
		switch k {
		case "@type":
			switch t := v.(type) {
			case string:
				if t == b.root {
					return false
				}
			case []any:
				if slices.Contains(t, any(b.root)) {
					return false
				}
			}
			continue
		}
		vals, isList := v.([]any)
		if !isList {
			vals = []any{v}
		}
		for _, x := range vals {
			if _, isSeq := x.(iter.Seq[any]); isSeq {
				return false
			}
			o, isObject := objectOf(x)
			if !isObject {
				continue
			}
			if id, named := o.get("@id"); named {
				if o.len() != 1 {
					return false
				}
				if _, isString := id.(string); !isString {
					return false
				}
			} else if !b.blankTree(o, depth+1) {
				return false
			}
		}
	}
	return true
}

// scratchNamed is named for a scratch builder: the main builder's node,
// or one of the scratch's own for an IRI that only lazy items and lazy
// descriptions name (a jlight once the item is taken), checked as named
// checks it.
func (b *jbuilder) scratchNamed(id string) (*jnode, bool) {
	if n := b.main.ids[id]; n != nil {
		return n, true
	}
	if n := b.ids[id]; n != nil {
		return n, true
	}
	_, light := b.main.lazy.lightIDs.find(id)
	if _, ref := b.main.lazy.refIDs.find(id); !light && !ref && !b.main.iri(id) {
		return nil, false
	}
	n := b.newNode()
	n.id = id
	if b.ids == nil {
		b.ids = map[string]*jnode{}
	}
	b.ids[id] = n
	return n, true
}

// light returns the index of the jlight of IRI id, made when new.
func (l *jlazyState) light(id string) int32 {
	if i, ok := l.lightIDs.find(id); ok {
		return i
	}
	l.lights = append(l.lights, jlight{})
	return l.lightIDs.add(id)
}

// resolve gives the sites of each jlight a node was made for to that
// node, and reports whether every other jlight is named by some site:
// one described but named nowhere is a node framing does not reach,
// which json-gold's path reports.
func (l *jlazyState) resolve() bool {
	for i := range l.sites {
		s := &l.sites[i]
		if s.light >= 0 {
			if n := l.lightNodes[s.light]; n != nil {
				s.n, s.light = n, -1
			}
		}
	}
	for i, e := range l.lights {
		if e.count == 0 && l.lightNodes[int32(i)] == nil {
			return false
		}
	}
	return true
}

// scratchFor returns b's scratch builder, emptied.
func (b *jbuilder) scratchFor() *jbuilder { return b.emptied(&b.scratch) }

// descScratchFor returns b's scratch builder for lazy descriptions,
// emptied.
func (b *jbuilder) descScratchFor() *jbuilder { return b.emptied(&b.descScratch) }

// emptied returns the scratch builder *sc of b, made on first use, emptied.
func (b *jbuilder) emptied(sc **jbuilder) *jbuilder {
	if *sc == nil {
		*sc = &jbuilder{t: b.t, dt: b.dt, keys: b.keys, root: b.root, main: b}
	}
	(*sc).rewind()
	return *sc
}

// lazyDescription describes a node lazily where top-level item j of the
// document may: past the first Config.HeldItems items, a node's first
// description, of literals only (no node, no IRI under an @id-coerced
// key, not of the framed type). Framing needs no more of such a node than
// that it is described (it embeds nothing), so its types and properties
// are built once, to make the checks, then kept encoded in a few bytes
// (encodeDesc), and built again from those as the node is written: a
// page of 50,000 reviews held its 50,000 people's properties so, 7 MB.
// ok is false where the short path must not be taken; lazy is true where
// the item was so taken.
func (b *jbuilder) lazyDescription(m object, j int) (ok, lazy bool) {
	if !m.valid() || j < b.lazy.after || m.len() < 2 {
		return true, false
	}
	v, _ := m.get("@id")
	id, isString := v.(string)
	if !isString {
		return true, false
	}
	for k, v := range m.all {
		switch k {
		case "@id":
			continue
		case "@type":
			switch t := v.(type) {
			case string:
				if t == b.root {
					return true, false
				}
			case []any:
				if slices.Contains(t, any(b.root)) {
					return true, false
				}
			}
			continue
		}
		if jk := b.key(k); jk.kind != kindPlain && jk.kind != kindTyped {
			return true, false
		}
		vals, isList := v.([]any)
		if !isList {
			vals = []any{v}
		}
		for _, x := range vals {
			switch x.(type) {
			case string, bool, float64, int, int64:
			default:
				return true, false
			}
		}
	}
	main := b.ids[id]
	if main != nil && (len(main.types) > 0 || len(main.props) > 0 || main.desc != 0) {
		return true, false
	}
	if li, light := b.lazy.lightIDs.find(id); light && b.lazy.lights[li].desc != 0 {
		// described twice: json-gold's path merges the two
		return false, false
	}
	r, isRef := b.lazy.refIDs.find(id)
	if isRef && main == nil && b.lazy.refs[r] != 0 {
		return false, false // as above
	}
	sc := b.descScratchFor()
	n, ok := sc.node(m, nil)
	if !ok {
		return false, false
	}
	if len(n.types) == 0 && len(n.props) == 0 {
		// (empty lists: nothing to keep)
		return true, true
	}
	if len(n.types) > 255 || len(n.props) > 255 || len(b.lazy.descs) >= math.MaxInt32 {
		return true, false
	}
	for _, p := range n.props {
		if len(p.vals) > 255 {
			return true, false
		}
	}
	n.desc = int32(len(b.lazy.descs) + 1)
	b.lazy.encodeDesc(n)
	n.types, n.props = nil, nil
	switch {
	case main != nil:
	case isRef:
		// Named by a light reference alone (so far).
		b.lazy.refs[r] = n.desc
	default:
		// No node names it yet: a jlight, until one does.
		b.lazy.lights[b.lazy.light(id)].desc = n.desc
	}
	b.lazy.described++
	return true, true
}

// name returns the number of a type or key in the descriptions.
func (l *jlazyState) name(s string) (uint16, bool) {
	if i, ok := l.nameNums[s]; ok {
		return i, true
	}
	if len(l.names) > math.MaxUint16 {
		return 0, false
	}
	if l.nameNums == nil {
		l.nameNums = map[string]uint16{}
	}
	i := uint16(len(l.names))
	l.names = append(l.names, s)
	l.nameNums[s] = i
	return i, true
}

// encodeDesc appends n's types and literal properties to l.descs: the
// count of types, each type's name; the count of properties, then each
// property's key name, kind and count of values, and each value's kind
// and content (a string's length and bytes, a number's bits).
func (l *jlazyState) encodeDesc(n *jnode) {
	d := l.descs
	d = append(d, byte(len(n.types)))
	for _, t := range n.types {
		i, _ := l.name(t)
		d = binary.LittleEndian.AppendUint16(d, i)
	}
	d = append(d, byte(len(n.props)))
	for _, p := range n.props {
		i, _ := l.name(p.key)
		d = binary.LittleEndian.AppendUint16(d, i)
		d = append(d, byte(p.kind), byte(len(p.vals)))
		for _, v := range p.vals {
			d = append(d, v.kind)
			switch v.kind {
			case valString, valLang:
				d = binary.AppendUvarint(d, uint64(len(v.s)))
				d = append(d, v.s...)
			default:
				d = binary.LittleEndian.AppendUint64(d, math.Float64bits(v.f))
			}
		}
	}
	l.descs = d
}

// decodeDesc gives lazily described node n its types and properties
// again, from l.descs, in scratch builder sc's slabs.
func (l *jlazyState) decodeDesc(n *jnode, sc *jbuilder) {
	d := l.descs[n.desc-1:]
	u16 := func() string {
		s := l.names[binary.LittleEndian.Uint16(d)]
		d = d[2:]
		return s
	}
	types := int(d[0])
	d = d[1:]
	for range types {
		sc.addType(n, u16())
	}
	props := int(d[0])
	d = d[1:]
	for range props {
		key := u16()
		kind, vals := jkind(d[0]), int(d[1])
		d = d[2:]
		p := sc.newProp(key, kind)
		if n.props == nil {
			n.props = sc.propList()
		}
		n.props = append(n.props, p)
		for range vals {
			v := jval{kind: d[0]}
			d = d[1:]
			switch v.kind {
			case valString, valLang:
				size, w := binary.Uvarint(d)
				v.s = string(d[w : w+int(size)])
				d = d[w+int(size):]
			default:
				v.f = math.Float64frombits(binary.LittleEndian.Uint64(d))
				d = d[8:]
			}
			p.vals = append(p.vals, v)
		}
	}
}

// rewind empties a scratch builder for its next item: the nodes of the
// last are let go, and its slabs cut again from their start.
func (b *jbuilder) rewind() {
	clear(b.all)
	b.all = b.all[:0]
	clear(b.ids)
	clear(b.sites)
	b.sites = b.sites[:0]
	clear(b.bases.nodes)
	clear(b.bases.props)
	clear(b.bases.vals)
	clear(b.bases.types)
	clear(b.bases.propPtrs)
	b.nodeSlab, b.propSlab, b.valSlab = b.bases.nodes, b.bases.props, b.bases.vals
	b.typeSlab, b.propPtrSlab = b.bases.types, b.bases.propPtrs
}

// lazyItem builds item i of sequence seq, a lazyCandidate, in the scratch
// builder: ok false where the short path must not be taken (the item
// fails its checks); lazy true where it has been added to site's property
// as a lazy item. It is not lazy where a named node it refers to is one
// of several values of a property: framing's @last rule, embedding that
// node later, would move the reference to the property's end (then the
// item is added as it is).
func (b *jbuilder) lazyItem(m object, site *propSite, seq, i int) (ok, lazy bool) {
	sc := b.scratchFor()
	if _, ok := sc.node(m, nil); !ok {
		return false, false
	}
	for _, s := range sc.sites {
		if len(s.p.vals) != 1 {
			return true, false
		}
	}
	l := &b.lazy
	it := jlazy{seq: int32(seq), item: int32(i), sites: int32(len(l.sites)), n: int32(len(sc.sites))}
	for _, s := range sc.sites {
		if b.ids[s.n.id] == s.n {
			l.sites = append(l.sites, jlazySite{n: s.n, light: -1})
			continue
		}
		if _, ref := l.refIDs.find(s.n.id); ref {
			// A light reference's IRI, named again: a node (named).
			n, _ := b.named(s.n.id)
			l.sites = append(l.sites, jlazySite{n: n, light: -1})
			continue
		}
		li := l.light(s.n.id)
		e := &l.lights[li]
		e.count++
		e.last = int32(len(l.sites))
		l.sites = append(l.sites, jlazySite{light: li})
	}
	l.items = append(l.items, it)
	p := b.prop(site)
	if last := len(p.vals) - 1; last >= 0 && p.vals[last].kind == valLazy && int(p.vals[last].f)+int(p.vals[last].run) == len(l.items)-1 {
		p.vals[last].run++
	} else {
		p.add(jval{kind: valLazy, run: 1, f: float64(len(l.items) - 1)})
	}
	return true, true
}

// lazyFramable reports whether framing may take the lazy items: each
// sequence's holder is the one match framed, which is so framed once (a
// node it reaches that refers to it finds it on the stack), as the writer
// walks each sequence once.
func (b *jbuilder) lazyFramable(matches []*jnode) bool {
	if len(b.lazy.items) == 0 && len(b.lazy.runs) == 0 {
		return true
	}
	if len(matches) != 1 {
		return false
	}
	for _, h := range b.lazy.holders {
		if h != matches[0] {
			return false
		}
	}
	return true
}

// frameLazy frames the named nodes a lazy item refers to, at their sites,
// and adds the item to parent's property.
func (fr *jframer) frameLazy(v *jval, parent *jout, prop int) {
	for _, it := range fr.lazy.items[int(v.f) : int(v.f)+int(v.run)] {
		for k := it.sites; k < it.sites+it.n; k++ {
			if s := &fr.lazy.sites[k]; s.n != nil {
				s.out = fr.frame(s.n, nil, -int(k)-1)
			}
		}
	}
	parent.props[prop] = append(parent.props[prop], jitem{v: v})
}

// lazyWriter writes the lazy items: each sequence is walked again, in
// step with the writing (pulled), and each item built again in a scratch
// builder.
type lazyWriter struct {
	b     *jbuilder
	pulls []lazyPull
	// light and lightOut write a jlight's node at a site.
	light    jnode
	lightOut jout
}

type lazyPull struct {
	next func() (any, bool)
	stop func()
	at   int // the index of the item next gives
}

// errSeqChanged means a sequence gave other items when walked again.
var errSeqChanged = errors.New("ld: a sequence of the document gave other items when walked again")

func (lw *lazyWriter) close() {
	for _, p := range lw.pulls {
		if p.stop != nil {
			p.stop()
		}
	}
}

// describe gives lazily described node n its types and properties again,
// for the writer, which lets go of them after.
func (e *treeEncoder) describe(n *jnode) {
	b := e.lazy.b
	b.lazy.decodeDesc(n, b.descScratchFor())
}

// item returns item i of sequence seq, which must come after the last
// asked for.
func (lw *lazyWriter) item(seq, i int) (any, bool) {
	if lw.pulls == nil {
		lw.pulls = make([]lazyPull, len(lw.b.lazy.seqs))
	}
	p := &lw.pulls[seq]
	if p.next == nil {
		p.next, p.stop = iter.Pull(lw.b.lazy.seqs[seq])
	}
	for {
		v, ok := p.next()
		if !ok {
			return nil, false
		}
		p.at++
		if p.at-1 == i {
			return v, true
		}
		if p.at-1 > i {
			return nil, false
		}
	}
}

// writeLazy writes lazy item i (of jlazyState.items) at depth.
func (e *treeEncoder) writeLazy(i int, depth int) {
	lw := e.lazy
	it := lw.b.lazy.items[i]
	x, ok := lw.item(int(it.seq), int(it.item))
	m, isObject := objectOf(x)
	if !ok || !isObject {
		e.fail(errSeqChanged)
		return
	}
	sc := lw.b.scratchFor()
	n, ok := sc.node(m, nil)
	if !ok || len(sc.sites) != int(it.n) {
		e.fail(errSeqChanged)
		return
	}
	next := int(it.sites)
	e.lazyNode(n, depth, &next)
}

// fail ends the writing with err.
func (e *treeEncoder) fail(err error) {
	if e.err == nil {
		e.err = err
	}
}

// lazyNode writes a blank node of a lazy item as framing outputs it (see
// outMembers): embedded in its place, with each named node it refers to
// as framing output it at that site, next being the index of the next
// site.
func (e *treeEncoder) lazyNode(n *jnode, depth int, next *int) {
	e.buf = append(e.buf, '{')
	inner := depth + 1
	after := false
	member := func(key string) { e.member(key, inner, &after) }
	if len(n.types) > 0 {
		member("@type")
		e.types(n.types, inner)
	}
	for _, p := range n.props {
		member(p.key)
		if !p.nodes {
			e.literals(p.vals, inner)
			continue
		}
		if len(p.vals) == 1 {
			e.lazyValue(&p.vals[0], p.kind, inner, next)
			continue
		}
		e.buf = append(e.buf, '[')
		for j := range p.vals {
			if j > 0 {
				e.buf = append(e.buf, ',')
			}
			e.newline(inner + 1)
			e.lazyValue(&p.vals[j], p.kind, inner+1, next)
		}
		e.newline(inner)
		e.buf = append(e.buf, ']')
	}
	e.newline(depth)
	e.buf = append(e.buf, '}')
}

func (e *treeEncoder) lazyValue(v *jval, kind jkind, depth int, next *int) {
	switch {
	case v.kind == valNode && v.node.blank:
		e.lazyNode(v.node, depth, next)
	case v.kind == valNode:
		lw := e.lazy
		k := int32(*next)
		s := lw.b.lazy.sites[k]
		*next++
		if s.n == nil {
			// A jlight: embedded where it is named last, a reference
			// elsewhere.
			l := lw.b.lazy.lights[s.light]
			lw.light = jnode{id: lw.b.lazy.lightIDs.ids[s.light], desc: l.desc}
			lw.lightOut = jout{n: &lw.light, ref: k != l.last}
			e.item(jitem{out: &lw.lightOut}, kind, depth)
			return
		}
		e.item(jitem{out: s.out}, kind, depth)
	default:
		e.literal(v, depth)
	}
}
