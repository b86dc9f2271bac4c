package ld

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// FreeFloating counts the objects at the top of a document that JSON-LD's
// expansion drops as free-floating (JSON-LD 1.1 API, Expansion Algorithm
// step 19; jsonld.js's "object with only @id", "object with only @value"
// and "object with only @list" events): items of the document's top-level
// array, of a top-level object's "@graph" (or of an item's), or the
// document itself, that are a node with only "@id", a value object
// ("@value") or a list object ("@list"). They give no statement, and
// convert wrote the rest without a word. Objects with nothing in them,
// and values, are Strays.
type FreeFloating struct {
	// IDOnly, Values and Lists count each kind; First* is the JSON
	// Pointer of the first of each ("" for the document itself).
	IDOnly, Values, Lists              int
	FirstIDOnly, FirstValue, FirstList string
}

// Count is how many objects d counts.
func (d FreeFloating) Count() int { return d.IDOnly + d.Values + d.Lists }

// String says what d counts, each kind with where its first is: "2 nodes
// with only @id, the first at /@graph/0; 1 @value object at /3".
func (d FreeFloating) String() string {
	var parts []string
	add := func(n int, one, many, first string) {
		switch n {
		case 0:
		case 1:
			parts = append(parts, fmt.Sprintf("1 %s %s", one, pointerPlace(first)))
		default:
			parts = append(parts, fmt.Sprintf("%d %s, the first %s", n, many, pointerPlace(first)))
		}
	}
	add(d.IDOnly, "node with only @id", "nodes with only @id", d.FirstIDOnly)
	add(d.Values, "@value object", "@value objects", d.FirstValue)
	add(d.Lists, "@list object", "@list objects", d.FirstList)
	return strings.Join(parts, "; ")
}

// pointerPlace says where JSON Pointer p points: "at /0", "at its top".
func pointerPlace(p string) string {
	if p == "" {
		return "at its top"
	}
	return "at " + p
}

// FreeFloatingTop counts what JSON-LD's expansion drops as free-floating at
// the top of a graph of doc, a decoded JSON-LD document (Read's): see
// FreeFloating. The top of a graph is where jsonld.js drops them (its
// events, TestReferenceFreeFloatingGenerated): the document itself, its
// top-level array, a top-level object's "@graph" (or an item's, or that of
// any node below), the items of a "@set" there, the items of a list
// object dropped there (jsonld.js expands them where the list stands), and
// a top node's "@included" items (expanded where the node stands). An
// object whose "@graph" is one object dropped there is read without it,
// as expansion reads it: {"@id": …, "@graph": {"@id": …}} is two nodes
// with only @id. The keys are read as keywords where they are spelled as
// keywords, and "id" as "@id" under the schema.org context (which
// aliases it) when the context in effect is its URL (given alone, or in
// an array whose later items leave "id" as it is, as
// ["https://schema.org", {"@language": "en"}] does); a key that expands
// to nothing under --lenient is not seen, and neither is an alias of
// another context. The first of each kind is the first met with keys
// taken in sorted order (a decoded object keeps no order).
func FreeFloatingTop(doc any) FreeFloating {
	var w freeFloatingWalk
	w.atTop(doc, "")
	d := FreeFloating{IDOnly: w.n[0], Values: w.n[1], Lists: w.n[2]}
	d.FirstIDOnly, d.FirstValue, d.FirstList = pointer(w.first[0]), pointer(w.first[1]), pointer(w.first[2])
	return d
}

// pointerToken is a JSON Pointer's reference token: an object's key, or
// an array's index where key is "".
type pointerToken struct {
	key string
	idx int
}

// pointer is the JSON Pointer of path.
func pointer(path []pointerToken) string {
	var b strings.Builder
	for _, t := range path {
		b.WriteByte('/')
		if t.key == "" {
			b.WriteString(strconv.Itoa(t.idx))
		} else {
			b.WriteString(pointerEscape(t.key))
		}
	}
	return b.String()
}

// before reports whether path a comes before path b: indices by number,
// keys by their bytes, a path before those it leads to. A decoded
// object keeps no order of its keys, so the first of a kind is the
// first in this order, whatever order the walk meets them in.
func before(a, b []pointerToken) bool {
	for i := range min(len(a), len(b)) {
		x, y := a[i], b[i]
		switch {
		case x.key == "" && y.key == "" && x.idx != y.idx:
			return x.idx < y.idx
		case x.key != y.key:
			return x.key < y.key
		}
	}
	return len(a) < len(b)
}

// freeFloatingWalk counts what expansion drops in a document, kind by
// kind ("@id", "@value", "@list"), and keeps the path of the first of
// each. path is the walk's place: the pointer is made only of the
// first, as a walk of every node's properties made one for each value
// took 6 times the time (BenchmarkFreeFloatingTop).
type freeFloatingWalk struct {
	n     [3]int
	first [3][]pointerToken
	path  []pointerToken
}

// add counts an object of kind k at the walk's place.
func (w *freeFloatingWalk) add(k string) {
	i := -1
	if k != "" { // an object with nothing in it: a Stray
		i = strings.Index("@id@value@list", k)
	}
	switch i {
	case 0:
	case 3:
		i = 1
	case 9:
		i = 2
	default:
		return
	}
	if w.n[i] == 0 || before(w.path, w.first[i]) {
		w.first[i] = slices.Clone(w.path)
	}
	w.n[i]++
}

// down walks f one step below the walk's place, at key (or index idx
// where key is "").
func (w *freeFloatingWalk) down(key string, idx int, f func()) {
	w.path = append(w.path, pointerToken{key, idx})
	f()
	w.path = w.path[:len(w.path)-1]
}

// atTop counts what expansion drops of v, at the walk's place, standing
// at the top of a graph under the context of URL ctx (see contextAfter),
// and reports whether v is an object dropped whole (an empty one too,
// which is not counted: a Stray).
func (w *freeFloatingWalk) atTop(v any, ctx string) bool {
	var m map[string]any
	switch v := v.(type) {
	case []any:
		// JSON-LD flattens an array in an array.
		for i, it := range v {
			w.down("", i, func() { w.atTop(it, ctx) })
		}
		return false
	case map[string]any:
		m = v
	default:
		return false // a value: a Stray
	}
	if c, ok := m["@context"]; ok {
		ctx = contextAfter(ctx, c)
	}
	graphGone := false
	if g := m["@graph"]; g != nil {
		// A graph object, or a node with a graph: its graph's items are
		// at the top of a graph too. A "@graph" whose one object is
		// dropped is none (an array of them is an empty graph), and
		// expansion reads what holds it without it.
		_, isObject := g.(map[string]any)
		gone := false
		w.down("@graph", 0, func() { gone = w.atTop(g, ctx) })
		if !isObject || !gone {
			w.below(m, ctx, true)
			return false
		}
		graphGone = true
	}
	if set := m["@set"]; set != nil {
		// A set object is its items, each where the set stands; one of
		// an object dropped leaves an object with nothing in it.
		_, isObject := set.(map[string]any)
		gone := false
		w.down("@set", 0, func() { gone = w.atTop(set, ctx) })
		return gone && isObject
	}
	k, gone := freeFloatingKind(m, ctx, graphGone)
	if !gone {
		w.below(m, ctx, true)
		return false
	}
	w.add(k)
	if k == "@list" {
		// jsonld.js expands the list's items where the list stands, so
		// drops those it would drop there too.
		w.down("@list", 0, func() { w.atTop(m["@list"], ctx) })
	}
	return true
}

// below counts what expansion drops in the "@graph" of the nodes inside
// the members of node m (its own "@graph" is atTop's); top is set for a
// node at the top of a graph, whose "@included" items expansion reads
// where the node stands, dropping them alike.
func (w *freeFloatingWalk) below(m map[string]any, ctx string, top bool) {
	for k, v := range m {
		switch {
		case k == "@context" || k == "@graph" || k == "@value":
		case k == "@included" && top:
			w.down(k, 0, func() { w.atTop(v, ctx) })
		default:
			w.inside(v, k, ctx)
		}
	}
}

// inside looks for nodes with a "@graph" in v, the value of key (a
// property, or @included, @reverse, @list) at the walk's place, where
// nothing is dropped but in such a graph. Only an object or array may
// hold one: the walk goes no step down for a value.
func (w *freeFloatingWalk) inside(v any, key string, ctx string) {
	switch v := v.(type) {
	case []any:
		if key != "" {
			w.down(key, 0, func() { w.inside(v, "", ctx) })
			return
		}
		for i, it := range v {
			switch it.(type) {
			case []any, map[string]any:
				w.down("", i, func() { w.inside(it, "", ctx) })
			}
		}
	case map[string]any:
		if key != "" {
			w.down(key, 0, func() { w.inside(v, "", ctx) })
			return
		}
		if _, ok := v["@value"]; ok {
			return
		}
		if c, ok := v["@context"]; ok {
			ctx = contextAfter(ctx, c)
		}
		if g := v["@graph"]; g != nil {
			w.down("@graph", 0, func() { w.atTop(g, ctx) })
		}
		w.below(v, ctx, false)
	}
}

// pointerEscape is key as a JSON Pointer's reference token (RFC 6901):
// "~" as "~0", "/" as "~1", as a property's IRI needs.
func pointerEscape(key string) string {
	if !strings.ContainsAny(key, "~/") {
		return key
	}
	return strings.ReplaceAll(strings.ReplaceAll(key, "~", "~0"), "/", "~1")
}

// freeFloatingKind is "@id", "@value", "@list" or "" (an object with
// nothing in it) for an object m expansion drops at the top of a graph,
// with dropped set, read from its keys (ctx the URL of its context, ""
// for another or none): @context and keys whose value is null not
// counted, as expansion does not keep them, nor "@graph" where graphGone
// (one object dropped: see FreeFloatingTop).
func freeFloatingKind(m map[string]any, ctx string, graphGone bool) (kind string, dropped bool) {
	keys, id, value, list := 0, false, false, false
	for k, v := range m {
		if k == "@context" || v == nil || k == "@graph" && graphGone {
			continue
		}
		keys++
		switch {
		case k == "@id" || k == "id" && IsSchemaOrgContext(ctx):
			id = true
		case k == "@value":
			value = true
		case k == "@list":
			list = true
		}
	}
	switch {
	case value:
		return "@value", true
	case list:
		return "@list", true
	case keys == 0:
		return "", true
	case keys == 1 && id:
		return "@id", true
	}
	return "", false
}

// contextAfter is the URL of the context in effect once @context c is
// processed on the context of URL ctx ("" for another or none), as far as
// "id" is concerned: a URL replaces it, null clears it, an array is its
// items in order, and a map keeps it unless it defines "id", imports a
// context (which may), says whether it propagates or scopes a context to
// a term. An object's own context adds to the one it is in,
// so a schema.org document whose nodes say {"@language": "fr"}, or whose
// @context is ["https://schema.org", {"@language": "en"}] as pages often
// write it, still reads "id" as "@id"; taking any @context but one
// string for another context left such nodes' drops untold.
func contextAfter(ctx string, c any) string {
	switch c := c.(type) {
	case string:
		return c
	case []any:
		for _, item := range c {
			ctx = contextAfter(ctx, item)
		}
		return ctx
	case map[string]any:
		if _, ok := c["id"]; ok {
			return ""
		}
		for _, k := range []string{"@import", "@propagate"} {
			// Another context, or one the nodes below may not be in.
			if _, ok := c[k]; ok {
				return ""
			}
		}
		for _, def := range c {
			// A context scoped to a term (or a type) may define "id"
			// under it, and the walk applies none: "id" is left unread
			// as @id under it, a missed warning rather than a false one
			// (as schemas' validate rule reads it).
			if def, ok := def.(map[string]any); ok {
				if _, ok := def["@context"]; ok {
					return ""
				}
			}
		}
		return ctx
	default: // null, or what expansion refuses
		return ""
	}
}
