package ld

import (
	"fmt"
	"slices"
)

// keptValues returns Config.KeptValues as a count: how many values of a
// property the dataset's JSON-LD writers put in the node object they make
// of a subject, the others made, expanded, compacted and written one at a
// time (keptAside); 0 keeps them all.
func (p *Processor) keptValues() int {
	switch n := p.cfg.KeptValues; {
	case n == 0:
		return 64
	case n < 0:
		return 0
	default:
		return max(n, 2)
	}
}

// keptAside returns the streams that write the values of node top kept
// aside by fromRDFKeeping (statements by property) after those the
// node's output m holds, under the key that holds them, as the node's
// whole expansion (compact false) or compaction (with the node's own
// context) would: expansion and compaction take a property's values one
// at a time, in order, and a value's key depends on the value alone. A
// property kept aside whole (top holds none of its values: a node of
// more properties than keep) is written under its own key, put in m as
// a *stmtProperty (a wholeProperty). ok is false where the values would
// not go under one key of their own or after the kept ones (a language
// map, @nest, a key shared with another property): the node must then be
// made whole. A
// value whose key turns out other than the first one's, or that
// expansion drops, stops the stream with an error wrapping
// ErrNeedsJSONLD.
func (jw *jsonNodeWriter) keptAside(doc int, top, m map[string]any, aside map[string][]int32, keep int, compact bool) (streams map[string]itemStream, ok bool, err error) {
	node := &asideNode{doc: doc, id: top["@id"].(string), compact: compact}
	streams = map[string]itemStream{}
	whole := 0
	for pred, stmts := range aside {
		_, kept := top[pred]
		key := pred
		if compact {
			// The key of each value as expansion will make it (the
			// stream checks that it does), without expanding it: a
			// property whose values go under several keys (text and
			// IRIs under url) makes the node whole here, rather than
			// the whole output through json-gold when the stream
			// meets it.
			var one bool
			if key, one = jw.oneKey(pred, len(stmts), func(i int) (map[string]any, error) {
				return jw.expectedValue(jw.d.quads[stmts[i]]), nil
			}); !one {
				return nil, false, nil
			}
		}
		if _, taken := streams[key]; taken {
			return nil, false, nil
		}
		switch {
		case !kept:
			if _, taken := m[key]; taken || compact && !jw.plainKey(key) {
				return nil, false, nil
			}
			// No closure: a node may have 100,000 such properties.
			m[key] = &stmtProperty{node: node, stmts: stmts}
			whole++
			continue
		case compact && !jw.appendable(m, key, keep):
			return nil, false, nil
		case !compact:
			if held, isList := m[pred].([]any); !isList || len(held) != keep {
				return nil, false, nil
			}
		}
		streams[key] = func() (any, bool, error) {
			if len(stmts) == 0 {
				return nil, false, nil
			}
			st := stmts[0]
			stmts = stmts[1:]
			v, err := jw.asideItem(node, pred, key, st)
			return v, err == nil, err
		}
	}
	jw.p.streamed.Add(int64(len(streams) + whole))
	return streams, true, nil
}

// oneKey returns the key compaction puts each of n values of pred under
// (value gives the i-th, expanded), or false where they go under several
// or one cannot be made.
func (jw *jsonNodeWriter) oneKey(pred string, n int, value func(i int) (map[string]any, error)) (key string, ok bool) {
	for i := range n {
		v, err := value(i)
		if err != nil {
			return "", false
		}
		k, err := jw.ctx.CompactIri(pred, v, true, false)
		if err != nil || i > 0 && k != key {
			return "", false
		}
		key = k
	}
	return key, key != ""
}

// asideNode is the node whose values keptAside writes: its input, its
// name as the conversion from RDF gives it, and whether it is compacted.
type asideNode struct {
	doc     int
	id      string
	compact bool
}

// asideItem returns the value of statement st, a value of node n under
// pred, expanded and, where n is compacted, compacted under key; a value
// compaction would put under another key is an error wrapping
// ErrNeedsJSONLD.
func (jw *jsonNodeWriter) asideItem(n *asideNode, pred, key string, st int32) (any, error) {
	v, err := jw.asideValue(n.doc, n.id, pred, st)
	if err != nil || !n.compact {
		return v, err
	}
	if k, err := jw.ctx.CompactIri(pred, v, true, false); err != nil || k != key {
		return nil, fmt.Errorf("%w: a value of %s compacts under another key", ErrNeedsJSONLD, n.id)
	}
	return jw.compactValue(key, v)
}

// wholeProperty is a property of a node object whose values are made
// and written one at a time (see keptAside, compactFlat), under the key
// that holds it in the node's output: one value alone, else an array of
// them. A node may have 100,000 of them, so each holds as little as it
// can: its key is the map's, its property the statements'.
type wholeProperty interface {
	// count returns the number of values.
	count() int
	// item returns the i-th value, compacted under key where its node is
	// compacted.
	item(jw *jsonNodeWriter, key string, i int) (any, error)
	// alone reports whether the values are written as one value alone
	// rather than an array: compaction writes a property's one value so,
	// unless its term is a @set.
	alone(jw *jsonNodeWriter, key string) bool
}

// stmtProperty is a property of a dataset's node kept aside whole: the
// statements that give its values (of node, all under one predicate).
// 32 bytes, where a struct with the property's name, key and flags took
// 96: a node of 100,000 properties held 14 MB of them.
type stmtProperty struct {
	node  *asideNode
	stmts []int32
}

func (sp *stmtProperty) count() int { return len(sp.stmts) }

func (sp *stmtProperty) item(jw *jsonNodeWriter, key string, i int) (any, error) {
	d := jw.d
	st := sp.stmts[i]
	return jw.asideItem(sp.node, d.terms[d.quads[st].p].value(), key, st)
}

func (sp *stmtProperty) alone(jw *jsonNodeWriter, key string) bool {
	return sp.node.compact && len(sp.stmts) == 1 && !jw.setContainer(key)
}

// valuesProperty is a property of a node map's node kept aside whole:
// its values, compacted as they are written (compactFlat).
type valuesProperty struct{ values asideValues }

func (vp valuesProperty) count() int { return vp.values.len() }

func (vp valuesProperty) item(jw *jsonNodeWriter, key string, i int) (any, error) {
	v, err := vp.values.at(i)
	if err != nil {
		return nil, err
	}
	return jw.compactValue(key, v)
}

func (vp valuesProperty) alone(jw *jsonNodeWriter, key string) bool {
	return vp.values.len() == 1 && !jw.setContainer(key)
}

// plainKey reports whether compaction writes the values under key as an
// array (or one value alone) of their own: no container but @set, no
// @nest, not reverse.
func (jw *jsonNodeWriter) plainKey(key string) bool {
	td := jw.ctx.GetTermDefinition(key)
	if td == nil {
		return true
	}
	if td.Nest != "" || td.Reverse {
		return false
	}
	for _, c := range td.Container {
		if c != "@set" {
			return false
		}
	}
	return true
}

// setContainer reports whether key's term is a @set: compaction keeps
// even one value of it in an array.
func (jw *jsonNodeWriter) setContainer(key string) bool {
	td := jw.ctx.GetTermDefinition(key)
	return td != nil && slices.Contains(td.Container, "@set")
}

// asideValue returns the value of statement i, a value of node id under
// pred, as the node's expansion gives it.
func (jw *jsonNodeWriter) asideValue(doc int, id, pred string, i int32) (map[string]any, error) {
	_, _, v := jw.rdfValue(jw.d.quads[i])
	exp, err := jw.expandedNode(doc, map[string]any{"@id": id, pred: []any{v}}, id, 1)
	if err != nil {
		return nil, err
	}
	vs, _ := exp[pred].([]any)
	if len(vs) != 1 {
		return nil, fmt.Errorf("%w: a value of %s does not expand as the dataset's", ErrNeedsJSONLD, id)
	}
	val, isMap := vs[0].(map[string]any)
	if !isMap {
		return nil, fmt.Errorf("%w: a value of %s does not expand as the dataset's", ErrNeedsJSONLD, id)
	}
	return val, nil
}

// appendable reports whether values compacted under key go after the
// kept ones that m, a compacted node, holds under it: an array of them
// (two or more), under a plain key (no container but @set, no @nest, not
// reverse).
func (jw *jsonNodeWriter) appendable(m map[string]any, key string, kept int) bool {
	held, isList := m[key].([]any)
	return isList && len(held) == kept && kept >= 2 && jw.plainKey(key)
}
