package ld

import (
	"io"
	"iter"
	"slices"
	"strconv"
	"strings"

	"github.com/film2ld/film2ld/ld/internal/jsongold"
)

// writeDirectExpanded writes doc, a document of WriteDirect's shape, as
// expanded JSON-LD: the bytes Write gives for FormatExpanded, written as
// doc is walked, so that a film's long lists (sequences, see WriteDirect)
// are never held whole, nor their expansion (json-gold's expansion of the
// 50,000-review page took 326 MB). In that shape every key is a
// schema.org term with a plain definition or an absolute IRI, so
// expansion only spells keys, types and coerced values out in full:
// a string becomes {"@value": …}, {"@id": …} or {"@type": …, "@value":
// …} as its key's coercion says, a number or boolean {"@value": …}, a
// node the same node expanded, and every value goes in an array. A node
// that is nothing but an @id, at the top or in a named graph, is dropped
// there, as expansion drops it; an empty @type list becomes null, as
// json-gold expands it.
//
// The walk that decides the shape (walkDirect, which makes the RDF
// formats' statements and so also refuses what the general path's checks
// refuse) runs first, and its statements are thrown away: whatever it
// declines, ok false, takes Write's path, with nothing written. So doc is
// walked twice, and a sequence in it must give the same items each time
// (a renderer's sequences render the same film again).
func writeDirectExpanded(w io.Writer, ctx *jsongold.Context, doc any, sortMemory int) (err error, ok bool) {
	wk, ok := walkDirect(ctx, doc, sortMemory, walkRDF, "")
	if !ok {
		return nil, false
	}
	if !wk.lines.started {
		wk.d.recycle()
	}
	wk.lines.Close()
	graph, _ := items(doc.(map[string]any)["@graph"])
	x := &expandedWriter{t: termsFor(ctx), e: &treeEncoder{w: w}}
	x.e.buf = append(x.e.buf, '[')
	x.nodes(graph, 0)
	x.e.buf = append(x.e.buf, ']', '\n')
	x.e.flush()
	return x.e.err, true
}

// expandedWriter writes the expanded form of a document of WriteDirect's
// shape, walked already (see writeDirectExpanded).
type expandedWriter struct {
	t *directTerms
	e *treeEncoder
	// members is a stack of the members of the nodes being written.
	members []expandedMember
}

// expandedMember is a node's key as expansion spells it, and its value.
type expandedMember struct {
	key    string
	coerce string
	val    any
}

// nodes writes the items of an array of nodes (the top level's, or a
// named graph's) standing at depth, without its brackets: each on a line
// of its own at depth+1, save nodes that are only an @id.
func (x *expandedWriter) nodes(seq iter.Seq[any], depth int) {
	e := x.e
	n := 0
	for it := range seq {
		m, _ := objectOf(it) // a node: the walk checked it
		if onlyID(m) {
			continue
		}
		e.nextItem(&n, depth+1)
		x.node(m, depth+1)
		if e.err != nil {
			return
		}
	}
	if n > 0 {
		e.newline(depth)
	}
}

// node writes node m, expanded, at depth: its members sorted by key, as
// encoding/json writes a map.
func (x *expandedWriter) node(m object, depth int) {
	e := x.e
	base := len(x.members)
	for k, v := range m.all {
		switch k {
		case "@id", "@type", "@graph":
			x.members = append(x.members, expandedMember{key: k, val: v})
		case "@context":
			// schema.org's again, which the walk checked: expansion
			// drops it.
		default:
			dk := x.t.key(k)
			x.members = append(x.members, expandedMember{key: dk.iri, coerce: dk.coerce, val: v})
		}
	}
	slices.SortFunc(x.members[base:], func(a, b expandedMember) int { return strings.Compare(a.key, b.key) })
	e.buf = append(e.buf, '{')
	for i := base; i < len(x.members); i++ {
		if i > base {
			e.buf = append(e.buf, ',')
		}
		e.newline(depth + 1)
		// Indexed anew: the nodes below push onto x.members.
		mb := x.members[i]
		e.buf = appendJSONString(e.buf, mb.key, false)
		e.buf = append(e.buf, ':', ' ')
		switch mb.key {
		case "@id":
			e.buf = appendJSONString(e.buf, mb.val.(string), false)
		case "@type":
			e.buf = append(e.buf, '[')
			n := 0
			for t := range itemsOf(mb.val) {
				e.nextItem(&n, depth+2)
				e.buf = appendJSONString(e.buf, x.t.typ(t.(string)), false)
			}
			if n > 0 {
				e.newline(depth + 1)
				e.buf = append(e.buf, ']')
			} else {
				// json-gold expands "@type": [] to null.
				e.buf = append(e.buf[:len(e.buf)-1], "null"...)
			}
		case "@graph":
			e.buf = append(e.buf, '[')
			x.nodes(itemsOf(mb.val), depth+1)
			e.buf = append(e.buf, ']')
		default:
			e.buf = append(e.buf, '[')
			n := 0
			for v := range itemsOf(mb.val) {
				e.nextItem(&n, depth+2)
				x.value(v, mb.coerce, depth+2)
			}
			if n > 0 {
				e.newline(depth + 1)
			}
			e.buf = append(e.buf, ']')
		}
		if e.err != nil {
			break
		}
	}
	x.members = x.members[:base]
	e.newline(depth)
	e.buf = append(e.buf, '}')
}

// value writes a property's value, expanded as its key's coercion says.
func (x *expandedWriter) value(v any, coerce string, depth int) {
	e := x.e
	switch v := v.(type) {
	case string:
		switch coerce {
		case "":
			x.object(depth, "@value", v, "")
		case "@id":
			x.object(depth, "@id", v, "")
		default:
			x.object(depth, "@type", coerce, v)
		}
	case bool:
		e.buf = append(e.buf, '{')
		e.newline(depth + 1)
		e.buf = append(e.buf, `"@value": `...)
		e.buf = strconv.AppendBool(e.buf, v)
		e.newline(depth)
		e.buf = append(e.buf, '}')
	case float64, int, int64:
		var f float64
		switch n := v.(type) {
		case float64:
			f = n
		case int:
			f = float64(n)
		case int64:
			f = float64(n)
		}
		e.buf = append(e.buf, '{')
		e.newline(depth + 1)
		e.buf = append(e.buf, `"@value": `...)
		e.buf = appendJSONFloat(e.buf, f)
		e.newline(depth)
		e.buf = append(e.buf, '}')
	case map[string]any:
		if val, isValue := v["@value"]; isValue {
			if len(v) == 1 {
				x.value(val, "", depth) // a native value alone, uncoerced
				return
			}
			if lang, hasLang := v["@language"].(string); hasLang {
				// "@language" sorts before "@value"; the tag in lower
				// case, as the walk checked it.
				x.object(depth, "@language", strings.ToLower(lang), val.(string))
				return
			}
			x.object(depth, "@type", v["@type"].(string), val.(string))
			return
		}
		x.node(object{m: v}, depth)
	case Node:
		if keywordValue(v) {
			x.value(nodeMap(v), coerce, depth)
			return
		}
		x.node(object{n: v, isNode: true}, depth)
	case NodeRef:
		x.node(object{m: refMap(v)}, depth)
	}
}

// object writes {k: v} at depth, or with val set {k: v, "@value": val}
// (k is "@type" or "@language", which sort first).
func (x *expandedWriter) object(depth int, k, v, val string) {
	e := x.e
	e.buf = append(e.buf, '{')
	e.newline(depth + 1)
	e.buf = appendJSONString(e.buf, k, false)
	e.buf = append(e.buf, ':', ' ')
	e.buf = appendJSONString(e.buf, v, false)
	if k == "@type" || k == "@language" {
		e.buf = append(e.buf, ',')
		e.newline(depth + 1)
		e.buf = append(e.buf, `"@value": `...)
		e.buf = appendJSONString(e.buf, val, false)
	}
	e.newline(depth)
	e.buf = append(e.buf, '}')
}
