package ld

import (
	"errors"
	"iter"
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
// reference once framing embeds it at a later site).
type jlazySite struct {
	n   *jnode
	out *jout
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
func (b *jbuilder) lazyCandidate(site propSite, m map[string]any) bool {
	if b.main != nil || site.n != b.lazy.holder || site.key.kind == kindTyped {
		return false
	}
	return b.blankTree(m, 0)
}

func (b *jbuilder) blankTree(m map[string]any, depth int) bool {
	if depth > 8 {
		return false
	}
	if _, named := m["@id"]; named {
		return false
	}
	for k, v := range m {
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
			switch x := x.(type) {
			case map[string]any:
				if id, named := x["@id"]; named {
					if len(x) != 1 {
						return false
					}
					if _, isString := id.(string); !isString {
						return false
					}
				} else if !b.blankTree(x, depth+1) {
					return false
				}
			case iter.Seq[any]:
				return false
			}
		}
	}
	return true
}

// scratchFor returns b's scratch builder, emptied.
func (b *jbuilder) scratchFor() *jbuilder {
	sc := b.scratch
	if sc == nil {
		sc = &jbuilder{t: b.t, dt: b.dt, keys: b.keys, root: b.root, main: b}
		b.scratch = sc
	}
	sc.rewind()
	return sc
}

// rewind empties a scratch builder for its next item: the nodes of the
// last are let go, and its slabs cut again from their start.
func (b *jbuilder) rewind() {
	clear(b.all)
	b.all = b.all[:0]
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
func (b *jbuilder) lazyItem(m map[string]any, site *propSite, seq, i int) (ok, lazy bool) {
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
		l.sites = append(l.sites, jlazySite{n: s.n})
	}
	l.items = append(l.items, it)
	b.prop(site).add(jval{kind: valLazy, f: float64(len(l.items) - 1)})
	return true, true
}

// lazyFramable reports whether framing may take the lazy items: each
// sequence's holder is the one match framed, which is so framed once (a
// node it reaches that refers to it finds it on the stack), as the writer
// walks each sequence once.
func (b *jbuilder) lazyFramable(matches []*jnode) bool {
	if len(b.lazy.items) == 0 {
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
	it := fr.lazy.items[int(v.f)]
	for k := it.sites; k < it.sites+it.n; k++ {
		s := &fr.lazy.sites[k]
		s.out = fr.frame(s.n, nil, -int(k)-1)
	}
	parent.props[prop] = append(parent.props[prop], jitem{v: v})
}

// lazyWriter writes the lazy items: each sequence is walked again, in
// step with the writing (pulled), and each item built again in a scratch
// builder.
type lazyWriter struct {
	b     *jbuilder
	pulls []lazyPull
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

// writeLazy writes lazy item v at depth.
func (e *treeEncoder) writeLazy(v *jval, depth int) {
	lw := e.lazy
	it := lw.b.lazy.items[int(v.f)]
	x, ok := lw.item(int(it.seq), int(it.item))
	m, isMap := x.(map[string]any)
	if !ok || !isMap {
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
	member := func(key string) {
		if after {
			e.buf = append(e.buf, ',')
		}
		after = true
		e.newline(inner)
		e.buf = appendJSONString(e.buf, key, e.escapeHTML)
		e.buf = append(e.buf, ':', ' ')
	}
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
		s := e.lazy.b.lazy.sites[*next]
		*next++
		e.item(jitem{out: s.out}, kind, depth)
	default:
		e.literal(v)
	}
}
