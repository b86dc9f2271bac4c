package ld

import (
	"fmt"
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

// keptAside returns the streams that write the values of a node kept
// aside by fromRDFKeeping (statements by property) after those the
// node's output m holds, under the key that holds them, as the node's
// whole expansion (compact false) or compaction (with the node's own
// context) would: expansion and compaction take a property's values one
// at a time, in order, and a value's key depends on the value alone.
// ok is false where the values would not be appended to an array of
// kept values under one key (a language map, @nest, a key shared with
// another property): the node must then be made whole. A value whose key
// turns out other than the first one's, or that expansion drops, stops
// the stream with an error wrapping ErrNeedsJSONLD.
func (jw *jsonNodeWriter) keptAside(doc int, id string, m map[string]any, aside map[string][]int32, keep int, compact bool) (streams map[string]itemStream, ok bool, err error) {
	streams = map[string]itemStream{}
	for pred, stmts := range aside {
		first, err := jw.asideValue(doc, id, pred, stmts[0])
		if err != nil {
			return nil, false, err
		}
		key := pred
		if compact {
			if key, err = jw.ctx.CompactIri(pred, first, true, false); err != nil || !jw.appendable(m, key, keep) {
				return nil, false, nil
			}
		} else if held, isList := m[pred].([]any); !isList || len(held) != keep {
			return nil, false, nil
		}
		if _, taken := streams[key]; taken {
			return nil, false, nil
		}
		streams[key] = func() (any, bool, error) {
			if len(stmts) == 0 {
				return nil, false, nil
			}
			i := stmts[0]
			stmts = stmts[1:]
			v, err := jw.asideValue(doc, id, pred, i)
			if err != nil || !compact {
				return v, err == nil, err
			}
			if k, err := jw.ctx.CompactIri(pred, v, true, false); err != nil || k != key {
				return nil, false, fmt.Errorf("%w: a value of %s compacts under another key", ErrNeedsJSONLD, id)
			}
			c, err := jw.compactValue(key, v)
			return c, err == nil, err
		}
	}
	jw.p.streamed.Add(int64(len(streams)))
	return streams, true, nil
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
	if !isList || len(held) != kept || kept < 2 {
		return false
	}
	if td := jw.ctx.GetTermDefinition(key); td != nil {
		if td.Nest != "" || td.Reverse {
			return false
		}
		for _, c := range td.Container {
			if c != "@set" {
				return false
			}
		}
	}
	return true
}
