package ld

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/film2ld/film2ld/ld/internal/jsongold"
	"github.com/film2ld/film2ld/ld/schemaorg"
)

// The writer of a framePlan (see datasetframe.go): each output is made
// from its node's statements as the general path makes it (fromRDF,
// expansion), its embedded outputs stood in for by placeholders,
// compacted, and written with each placeholder's output in its place.

// frameWriter writes a framePlan's root.
type frameWriter struct {
	*jsonNodeWriter
	fp *framePlan
	// key is frameMarker compacted: the placeholders' key.
	key string
}

// writeFramed writes fp's root, with "@context", and the newline after
// it.
func (jw *jsonNodeWriter) writeFramed(fp *framePlan) error {
	fw := &frameWriter{jsonNodeWriter: jw, fp: fp}
	probe, err := jw.compactNode(map[string]any{frameMarker: []any{map[string]any{"@value": "0"}}}, "a placeholder", "")
	if err != nil {
		return err
	}
	for k := range probe {
		fw.key = k
	}
	if len(probe) != 1 || probe[fw.key] != "0" {
		return fmt.Errorf("%w: a placeholder does not compact to itself", ErrNeedsJSONLD)
	}
	if err := fw.writeOut(fp.root, "", 0); err != nil {
		return err
	}
	e := jw.enc
	e.buf = append(e.buf, '\n')
	return e.err
}

// writeOut writes output o, compacted with prop as its active property,
// at depth (0: the top, with "@context"). Of a single input, a node with
// more than jw.kept items of a property is written with the first
// jw.kept of them and the others made, compacted and written one at
// a time after them (see keptItems and keptStreams), where compaction
// would append them under the same key; otherwise the node is made
// whole.
func (fw *frameWriter) writeOut(o *frameOut, prop string, depth int) error {
	if n := fw.fp.nodeOf(o.node); n != nil && len(fw.d.docs) == 1 && fw.kept > 0 && len(o.items) > fw.kept {
		if err := fw.writeNode(o, prop, depth, true); !errors.Is(err, errMadeWhole) {
			return err
		}
	}
	return fw.writeNode(o, prop, depth, false)
}

// errMadeWhole tells writeOut to make a node whole after all: nothing of
// it has been written.
var errMadeWhole = errors.New("made whole")

// writeNode writes output o as writeOut does, keeping items aside where
// keep is set.
func (fw *frameWriter) writeNode(o *frameOut, prop string, depth int, keep bool) error {
	jw, fp, d := fw.jsonNodeWriter, fw.fp, fw.d
	n := fp.nodeOf(o.node)
	what := fp.label(o.node)
	m := map[string]any{}
	if !fp.cleared(o.node) {
		m["@id"] = what
	}
	var kids []*frameOut
	// aside are, by property, the items of o kept aside (indexes).
	var aside map[int32][]int32
	var iris []string
	var value func(prop int32, val uint32) (any, error)
	if n != nil {
		// The properties: runs of statements past the types.
		var starts []int
		var runs []int
		for pos := int(n.types); pos < len(n.stmts); pos++ {
			iri := d.terms[d.quads[n.stmts[pos]].p].value()
			if len(iris) == 0 || iri != iris[len(iris)-1] {
				iris = append(iris, iri)
				starts = append(starts, pos)
				runs = append(runs, 0)
			}
			runs[len(runs)-1]++
		}
		if keep {
			var err error
			if aside, value, err = fw.keptItems(o, n, what, iris, starts); err != nil || aside == nil {
				if err == nil {
					err = errMadeWhole
				}
				return err
			}
			if n.types > 0 {
				types, count := fw.fromRDF(d.srcName(o.node), n.stmts[:n.types])
				exp, err := fw.expandedNode(0, types, what, count)
				if err != nil {
					return err
				}
				m["@type"] = exp["@type"]
			}
		} else {
			exp, err := fw.expandedOf(o.node, n, what)
			if err != nil {
				return err
			}
			if t, ok := exp["@type"]; ok {
				m["@type"] = t
			}
			// Each run's values as expansion and the node map give
			// them: as many as the plan's, or the plan's items would
			// point at others.
			if countKeys(exp) != len(iris) {
				return fmt.Errorf("%w: a node of %s does not map as the dataset's", ErrNeedsJSONLD, what)
			}
			var vals [][]any
			for k, iri := range iris {
				v, ok := dedupValues(asList(exp[iri]))
				if !ok || len(v) != runs[k] {
					return fmt.Errorf("%w: a node of %s does not map as the dataset's", ErrNeedsJSONLD, what)
				}
				vals = append(vals, v)
			}
			value = func(prop int32, val uint32) (any, error) { return vals[prop][val], nil }
		}
		for _, iri := range iris {
			m[iri] = []any{}
		}
		held := map[int32]int{}
		for _, it := range o.items {
			if aside[it.prop] != nil {
				if held[it.prop] == fw.kept {
					continue
				}
				held[it.prop]++
			}
			item, err := fw.item(it, value, func(c *frameOut) map[string]any {
				ph := fp.reference(c.node)
				ph[frameMarker] = []any{map[string]any{"@value": strconv.Itoa(len(kids))}}
				kids = append(kids, c)
				return ph
			})
			if err != nil {
				return err
			}
			m[iris[it.prop]] = append(m[iris[it.prop]].([]any), item)
		}
	}
	compacted, err := jw.compactNode(m, what, prop)
	if err != nil {
		return err
	}
	cm, err := fw.removePreserve(compacted, what)
	if err != nil {
		return err
	}
	var streams map[string]itemStream
	if aside != nil {
		if streams, err = fw.keptStreams(o, cm, iris, aside, value, what); err != nil {
			return err
		}
		fw.p.streamed.Add(int64(len(streams)))
	}
	if depth == 0 {
		cm["@context"] = schemaorg.ContextURL
	}
	found := 0
	if err := fw.writeWithKids(cm, depth, kids, &found, streams); err != nil {
		return err
	}
	if found != len(kids) {
		return fmt.Errorf("%w: the nodes embedded in %s do not compact in place", ErrNeedsJSONLD, what)
	}
	return jw.enc.err
}

// item returns framing item it as the node's expanded output holds it
// before compaction: a literal (value gives it), a reference, or, for an
// embedded output, the placeholder placeholder makes of it.
func (fw *frameWriter) item(it frameItem, value func(prop int32, val uint32) (any, error), placeholder func(*frameOut) map[string]any) (any, error) {
	fp := fw.fp
	switch {
	case it.child == nil && !it.ref:
		return value(it.prop, it.val)
	case it.child == nil:
		return fp.reference(it.val), nil
	case fp.nodeOf(it.child.node) == nil:
		// Framing outputs a node with no statements as {"@id": …}: a
		// reference.
		return fp.reference(it.child.node), nil
	}
	return placeholder(it.child), nil
}

// removePreserve returns compacted, a node's compaction, as framing
// leaves it: json-gold's removal of @preserve.
func (fw *frameWriter) removePreserve(compacted any, what string) (map[string]any, error) {
	var clean any
	err := guard("frame", func() error {
		var err error
		clean, err = jsongold.RemovePreserve(fw.ctx, compacted, nil, true)
		return err
	})
	cm, isMap := clean.(map[string]any)
	if err != nil || !isMap {
		return nil, fmt.Errorf("%w: a node of %s does not compact as the dataset's (%v)", ErrNeedsJSONLD, what, err)
	}
	return cm, nil
}

// keptItems returns, for a node n of a single input whose output o has
// more than fw.kept items of a property, the indexes of those items
// by property, and the function that gives a literal item (the val-th
// value of a property), made and expanded from its statement when asked
// for. aside is nil where no property has so many items, or where the
// node map would hold a value other than its statement foresees
// (repeats in a run, which the node map would drop).
func (fw *frameWriter) keptItems(o *frameOut, n *frameNode, what string, iris []string, starts []int) (aside map[int32][]int32, value func(prop int32, val uint32) (any, error), err error) {
	d := fw.d
	count := map[int32]int{}
	for _, it := range o.items {
		count[it.prop]++
	}
	for i, it := range o.items {
		if count[it.prop] > fw.kept {
			if aside == nil {
				aside = map[int32][]int32{}
			}
			aside[it.prop] = append(aside[it.prop], int32(i))
		}
	}
	if aside == nil {
		return nil, nil, nil
	}
	id := d.srcName(o.node)
	// expected gives a run's value as expansion makes it (see
	// statementValues.expected): the plan holds each value once.
	expected := func(st int32) (map[string]any, valueKey) {
		v := fw.expectedValue(d.quads[st])
		k, _ := expandedKey(v)
		return v, k
	}
	for k := range iris {
		end := len(n.stmts)
		if k+1 < len(starts) {
			end = starts[k+1]
		}
		seen := map[valueKey]bool{}
		for _, st := range n.stmts[starts[k]:end] {
			if d.terms[d.quads[st].o].kind == Blank {
				continue // by its label in the node map, one each
			}
			_, key := expected(st)
			if seen[key] {
				return nil, nil, nil
			}
			seen[key] = true
		}
	}
	value = func(prop int32, val uint32) (any, error) {
		st := n.stmts[starts[prop]+int(val)]
		v, err := fw.asideValue(0, id, iris[prop], st)
		if err != nil {
			return nil, err
		}
		_, want := expected(st)
		if k, ok := expandedKey(v); !ok || k != want {
			return nil, fmt.Errorf("%w: a value of %s does not expand as foreseen", ErrNeedsJSONLD, what)
		}
		return v, nil
	}
	return aside, value, nil
}

// keptStreams returns the streams that write the items of o kept aside
// (keptItems) after those that cm, the node compacted with the first
// fw.kept of each property, holds: each made (an embedded output as
// itself, written in its place), compacted and written one at a time. It
// returns errMadeWhole where one would not be appended under the kept
// ones' key, and a stream stops with an error wrapping ErrNeedsJSONLD
// where a later item compacts under another key.
func (fw *frameWriter) keptStreams(o *frameOut, cm map[string]any, iris []string, aside map[int32][]int32, value func(prop int32, val uint32) (any, error), what string) (map[string]itemStream, error) {
	streams := map[string]itemStream{}
	// made returns item i of o as the node's compaction would meet it,
	// an embedded output as a placeholder (child).
	made := func(i int32) (item any, child *frameOut, err error) {
		item, err = fw.item(o.items[i], value, func(c *frameOut) map[string]any {
			child = c
			ph := fw.fp.reference(c.node)
			ph[frameMarker] = []any{map[string]any{"@value": "0"}}
			return ph
		})
		return item, child, err
	}
	for prop, idx := range aside {
		idx = idx[fw.kept:]
		iri := iris[prop]
		first, _, err := made(idx[0])
		if err != nil {
			return nil, err
		}
		key, err := fw.ctx.CompactIri(iri, first, true, false)
		if err != nil || !fw.appendable(cm, key, fw.kept) {
			return nil, errMadeWhole
		}
		if _, taken := streams[key]; taken {
			return nil, errMadeWhole
		}
		streams[key] = func() (any, bool, error) {
			if len(idx) == 0 {
				return nil, false, nil
			}
			item, child, err := made(idx[0])
			idx = idx[1:]
			if err != nil {
				return nil, false, err
			}
			if k, err := fw.ctx.CompactIri(iri, item, true, false); err != nil || k != key {
				return nil, false, fmt.Errorf("%w: an item of %s compacts under another key", ErrNeedsJSONLD, what)
			}
			if child != nil {
				return child, true, nil
			}
			c, err := fw.compactValue(key, item.(map[string]any))
			if err != nil {
				return nil, false, err
			}
			clean, err := fw.removePreserveValue(c, what)
			return clean, err == nil, err
		}
	}
	return streams, nil
}

// removePreserveValue is removePreserve of a compacted value.
func (fw *frameWriter) removePreserveValue(c any, what string) (any, error) {
	var clean any
	err := guard("frame", func() error {
		var err error
		clean, err = jsongold.RemovePreserve(fw.ctx, c, nil, true)
		return err
	})
	if err != nil || clean == nil {
		return nil, fmt.Errorf("%w: an item of %s does not compact as the dataset's (%v)", ErrNeedsJSONLD, what, err)
	}
	return clean, nil
}

// expandedOf returns node id's expanded node object as the general path
// makes it. Of several inputs, each one's statements of it are made and
// expanded as Union expands that input (its blank nodes relabelled), and
// their types and values joined in input order, as node map generation
// joins them (repeated types once; repeated values are dropped by the
// caller, dedupValues).
func (fw *frameWriter) expandedOf(id uint32, n *frameNode, what string) (map[string]any, error) {
	d := fw.d
	if len(d.docs) == 1 {
		node, count := fw.fromRDF(d.srcName(id), n.stmts)
		return fw.expandedNode(0, node, what, count)
	}
	merged := map[string]any{}
	var part []int32
	for doc, start := range d.docs {
		end := len(d.quads)
		if doc+1 < len(d.docs) {
			end = d.docs[doc+1]
		}
		part = part[:0]
		for _, i := range n.stmts {
			if int(i) >= start && int(i) < end {
				part = append(part, i)
			}
		}
		if len(part) == 0 {
			continue
		}
		node, count := fw.fromRDF(d.srcName(id), part)
		exp, err := fw.expandedNode(doc, node, what, count)
		if err != nil {
			return nil, err
		}
		for k, v := range exp {
			switch k {
			case "@id":
			case "@type":
				for _, t := range asList(v) {
					if !slices.Contains(asList(merged[k]), t) {
						merged[k] = append(asList(merged[k]), t)
					}
				}
			default:
				merged[k] = append(asList(merged[k]), asList(v)...)
			}
		}
	}
	return merged, nil
}

// cleared reports whether framing leaves out the @id of node id: a
// blank node output once.
func (fp *framePlan) cleared(id uint32) bool {
	return fp.outputs[id] == 1
}

// reference is framing's output of node id where it is not embedded:
// {"@id": …}, or {} for a blank node output once.
func (fp *framePlan) reference(id uint32) map[string]any {
	if fp.cleared(id) {
		return map[string]any{}
	}
	return map[string]any{"@id": fp.label(id)}
}

// countKeys returns the number of properties of an expanded node object.
func countKeys(m map[string]any) int {
	n := 0
	for k := range m {
		if !strings.HasPrefix(k, "@") {
			n++
		}
	}
	return n
}

// dedupValues returns vals, expanded values and node references, each
// once, as node map generation adds them; ok is false where one is
// neither (the conversion from RDF makes no other).
func dedupValues(vals []any) (out []any, ok bool) {
	seen := make(map[valueKey]bool, len(vals))
	out = make([]any, 0, len(vals))
	for _, v := range vals {
		m, _ := v.(map[string]any)
		var k valueKey
		if id, isRef := m["@id"].(string); isRef && len(m) == 1 {
			k = valueKey{id: id, has: 1}
		} else {
			var isValue bool
			k.value, isValue = m["@value"].(string)
			k.lang, _ = m["@language"].(string)
			k.typ, _ = m["@type"].(string)
			k.has = 2
			want := 1
			if k.lang != "" {
				want++
			}
			if k.typ != "" {
				want++
			}
			if !isValue || len(m) != want {
				return nil, false
			}
		}
		if !seen[k] {
			seen[k] = true
			out = append(out, v)
		}
	}
	return out, true
}

// writeWithKids writes compacted map m at depth, as treeEncoder.value
// would, each placeholder in it replaced by its output (kids), counted in
// found.
func (fw *frameWriter) writeWithKids(m map[string]any, depth int, kids []*frameOut, found *int, streams map[string]itemStream) error {
	e := fw.enc
	kid := func(v any) *frameOut {
		pm, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		s, ok := pm[fw.key].(string)
		if !ok {
			return nil
		}
		i, err := strconv.Atoi(s)
		if err != nil || i < 0 || i >= len(kids) {
			return nil
		}
		return kids[i]
	}
	if len(kids) == 0 && streams == nil {
		e.value(m, depth)
		return e.err
	}
	keys := slices.Sorted(maps.Keys(m))
	e.buf = append(e.buf, '{')
	after := false
	for _, k := range keys {
		e.member(k, depth+1, &after)
		switch v := m[k].(type) {
		case map[string]any:
			if c := kid(v); c != nil {
				*found++
				if err := fw.writeOut(c, k, depth+1); err != nil {
					return err
				}
				continue
			}
			e.value(v, depth+1)
		case []any:
			next := streams[k]
			if len(v) == 0 && next == nil {
				e.value(v, depth+1)
				continue
			}
			e.buf = append(e.buf, '[')
			count := 0
			for _, item := range v {
				e.nextItem(&count, depth+2)
				if c := kid(item); c != nil {
					*found++
					if err := fw.writeOut(c, k, depth+2); err != nil {
						return err
					}
					continue
				}
				e.value(item, depth+2)
			}
			for next != nil {
				item, ok, err := next()
				if err != nil {
					return err
				}
				if !ok {
					break
				}
				e.nextItem(&count, depth+2)
				if c, embedded := item.(*frameOut); embedded {
					if err := fw.writeOut(c, k, depth+2); err != nil {
						return err
					}
				} else {
					e.value(item, depth+2)
				}
				if e.err != nil {
					return e.err
				}
			}
			e.newline(depth + 1)
			e.buf = append(e.buf, ']')
		default:
			e.value(v, depth+1)
		}
		if e.err != nil {
			return e.err
		}
	}
	e.newline(depth)
	e.buf = append(e.buf, '}')
	return e.err
}
