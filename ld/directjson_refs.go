package ld

import "slices"

// Light references. An article's Starring list of 250,000 actors renders
// the Movie's actor property as a sequence of references ({"@id": iri},
// an ld.NodeRef), each to a person described at the top by literals
// alone (its type and name), and the node map held each as a node: the
// node (128 bytes), its entry among the IRIs, its value in the property
// and the property's set, its framing output and its item there, about
// 350-450 bytes a person, 100 MB of that snippet's 180 MB peak. But such
// a person, named by that one reference, is embedded there by framing
// and nowhere else, and holds nothing framing acts on. So past the first
// Config.HeldItems items of a sequence of the top-level node being
// walked, a reference to an IRI no node has yet is kept as a number in
// a run of such references (jrefRun), with its IRI (jiris) and the
// person's lazy description (jbuilder.lazyDescription), about 63 bytes,
// and the writer writes the person from those. An IRI named again in
// any other place than the same property (which drops it as node map
// generation does) becomes a node there and then (named: a promotion),
// and its reference that node's value in its place (resolveRefs), so
// the node map is the one held whole would be.

// jrefRun is a run of light references, ref, ref+1, … of
// jlazyState.refs, n of them, values of property p in that order. A
// property holds a run as one value of kind valRef, whose f is the run's
// index.
type jrefRun struct {
	p      *jprop
	ref, n int32
}

// refID returns the IRI a value of a property of kind kind refers to
// where the value is a node reference alone, as jbuilder.value takes it:
// an ld.NodeRef, {"@id": iri} (a map or a Node), or an IRI string under
// an @id-coerced key.
func refID(v any, kind jkind) (string, bool) {
	switch x := v.(type) {
	case NodeRef:
		return x.NodeID(), true
	case map[string]any:
		if len(x) == 1 {
			id, ok := x["@id"].(string)
			return id, ok
		}
	case Node:
		if len(x) == 1 && x[0].Key == "@id" {
			id, ok := x[0].Value.(string)
			return id, ok
		}
	case string:
		return x, kind == kindID
	}
	return "", false
}

// lightRef adds v, an item of a sequence of site's property, as a light
// reference where it may be one, and reports whether it was taken (added,
// or dropped as a duplicate).
func (b *jbuilder) lightRef(v any, site *propSite) bool {
	l := &b.lazy
	if b.main != nil || b.light || b.labels != nil || site.n != l.holder || site.key.kind == kindTyped {
		return false
	}
	id, ok := refID(v, site.key.kind)
	if !ok || b.ids[id] != nil {
		return false
	}
	if _, light := l.lightIDs.find(id); light {
		return false // named by a lazy item or described: a node (named)
	}
	p := b.prop(site)
	if r, ref := l.refIDs.find(id); ref {
		// Named again: in the same property a duplicate, which node
		// map generation drops; elsewhere a node, made by named.
		return l.runOf(r).p == p
	}
	if !b.iri(id) {
		return false // the walk declines in named
	}
	r := l.refIDs.add(id)
	l.refs = append(l.refs, 0)
	if last := len(p.vals) - 1; last >= 0 && p.vals[last].kind == valRef {
		if run := &l.runs[int(p.vals[last].f)]; run.ref+run.n == r {
			run.n++
			p.vals[last].run++
			return true
		}
	}
	l.runs = append(l.runs, jrefRun{p: p, ref: r, n: 1})
	p.add(jval{kind: valRef, run: 1, f: float64(len(l.runs) - 1)})
	return true
}

// runOf returns the run that holds light reference r: the runs are
// made in the order of their references, which none shares, until
// resolveRefs splits them.
func (l *jlazyState) runOf(r int32) *jrefRun {
	i, _ := slices.BinarySearchFunc(l.runs, r, func(run jrefRun, r int32) int {
		switch {
		case run.ref+run.n <= r:
			return -1
		case run.ref > r:
			return 1
		}
		return 0
	})
	return &l.runs[i]
}

// promote records that light reference r is now node n, made by named:
// n takes over its description and is referred to by its run's property.
func (l *jlazyState) promote(r int32, n *jnode) {
	n.desc, n.referenced = l.refs[r], true
	if l.promoted == nil {
		l.promoted = map[int32]*jnode{}
	}
	l.promoted[r] = n
}

// heldIn reports whether node n, made from a light reference (promote),
// is a value of property p already, in its reference's run.
func (l *jlazyState) heldIn(p *jprop, n *jnode) bool {
	if len(l.promoted) == 0 {
		return false
	}
	r, ok := l.refIDs.find(n.id)
	return ok && l.promoted[r] == n && l.runOf(r).p == p
}

// resolveRefs puts each promoted reference's node in its place among its
// property's values, splitting its run around it.
func (l *jlazyState) resolveRefs() {
	if len(l.promoted) == 0 {
		return
	}
	var props []*jprop
	for r := range l.promoted {
		if p := l.runOf(r).p; !slices.Contains(props, p) {
			props = append(props, p)
		}
	}
	for _, p := range props {
		vals := make([]jval, 0, len(p.vals)+2*len(l.promoted))
		for _, v := range p.vals {
			if v.kind != valRef {
				vals = append(vals, v)
				continue
			}
			run := l.runs[int(v.f)]
			if !l.promotedIn(run) {
				vals = append(vals, v)
				continue
			}
			start := int32(0)
			flush := func(end int32) {
				if end > start {
					l.runs = append(l.runs, jrefRun{p: p, ref: run.ref + start, n: end - start})
					vals = append(vals, jval{kind: valRef, run: end - start, f: float64(len(l.runs) - 1)})
				}
			}
			for k := range run.n {
				if n := l.promoted[run.ref+k]; n != nil {
					flush(k)
					vals = append(vals, jval{kind: valNode, node: n})
					start = k + 1
				}
			}
			flush(run.n)
		}
		p.vals = vals
	}
}

// promotedIn reports whether a reference of run was promoted.
func (l *jlazyState) promotedIn(run jrefRun) bool {
	for k := range run.n {
		if l.promoted[run.ref+k] != nil {
			return true
		}
	}
	return false
}

// writeRef writes the k-th light reference of run ri, a value of a
// property of kind kind, at depth: the node embedded, as framing embeds
// a node named once.
func (e *treeEncoder) writeRef(ri, k int, kind jkind, depth int) {
	lw := e.lazy
	l := &lw.b.lazy
	r := l.runs[ri].ref + int32(k)
	lw.light = jnode{id: l.refIDs.ids[r], desc: l.refs[r]}
	lw.lightOut = jout{n: &lw.light}
	e.item(jitem{out: &lw.lightOut}, kind, depth)
}
