package ld

import (
	"encoding/json"
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
	// Empty counts the objects with nothing in them (or only keys whose
	// values are null) and Scalars the values (strings, numbers,
	// booleans) that expansion drops where Strays does not look: below
	// the top of the document, as in a node's "@graph" (issue 12: convert
	// dropped them there in silence).
	Empty, Scalars          int
	FirstEmpty, FirstScalar string
}

// Count is how many items d counts.
func (d FreeFloating) Count() int { return d.IDOnly + d.Values + d.Lists + d.Empty + d.Scalars }

// Objects reports whether every item d counts is an object.
func (d FreeFloating) Objects() bool { return d.Scalars == 0 }

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
	add(d.Empty, "object with nothing in it", "objects with nothing in them", d.FirstEmpty)
	add(d.Scalars, "value that is not a node", "values that are not nodes", d.FirstScalar)
	return strings.Join(parts, "; ")
}

// pointerPlace says where JSON Pointer p points: "at /0", "at its top".
func pointerPlace(p string) string {
	if p == "" {
		return "at its top"
	}
	return "at " + p
}

// FreeFloatingTop counts what JSON-LD's expansion drops as free-floating in
// doc, a decoded JSON-LD document (Read's), at any depth: see
// FreeFloating. jsonld.js drops them (its events,
// TestReferenceFreeFloatingGenerated) where they stand at the top of a
// graph: the document itself, its top-level array, the "@graph" of any
// object at any depth (a node's below a node's property too), the items
// of a "@set" there, the items of a list object there (jsonld.js expands
// them where the list stands; one item that is no array stands in the
// list, and is kept), and the "@included" items of a node there
// (expanded where the node stands). An object whose "@graph" is one
// object dropped there is read without it, as expansion reads it:
// {"@id": …, "@graph": {"@id": …}} is two nodes with only @id. Objects
// with nothing in them and values are counted but where ld.Strays and
// the command's check of a top level count them (the items of the
// document's array or top "@graph", or the document): an object there
// whose keys are all null is counted here, as Strays takes it for a node.
// The keys are read as keywords where they are spelled as keywords, and
// "id" as "@id" under the schema.org context (which aliases it) when the
// context in effect is its URL (given alone, or in an array whose later
// items leave "id" as it is, as ["https://schema.org", {"@language":
// "en"}] does), property-scoped contexts applied to their property's
// value; a key that expands to nothing under --lenient is not seen, and
// neither is an alias of another context. The first of each kind is the
// first met with keys taken in sorted order (a decoded object keeps no
// order).
func FreeFloatingTop(doc any) FreeFloating {
	w := DropWalk[any, *freeFloatingWalk]{View: &freeFloatingWalk{}, buf: make([]DropMember[any], 0, 64)}
	counted := true
	if m, ok := doc.(map[string]any); ok {
		if _, ok := m["@graph"].([]any); ok {
			// The command's check of the top level counts the
			// values and objects with nothing in them of this graph,
			// not the document.
			w.View.graphStrays, counted = true, false
		}
	}
	w.AtTop(doc, DropContext{}, true, counted)
	n, first := w.View.n, w.View.first
	d := FreeFloating{IDOnly: n[DropIDOnly], Values: n[DropValue], Lists: n[DropList], Empty: n[DropEmpty], Scalars: n[DropScalar]}
	d.FirstIDOnly, d.FirstValue, d.FirstList = pointer(first[DropIDOnly]), pointer(first[DropValue]), pointer(first[DropList])
	d.FirstEmpty, d.FirstScalar = pointer(first[DropEmpty]), pointer(first[DropScalar])
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

// freeFloatingWalk is the view of a decoded document the drop walk
// (DropWalk) reads, counting what expansion drops, kind by kind, and
// keeping the path of the first of each. path is the walk's place: the
// pointer is made only of the first, as a walk of every node's properties
// made one for each value took 6 times the time
// (BenchmarkFreeFloatingTop).
type freeFloatingWalk struct {
	n     [DropKinds]int
	first [DropKinds][]pointerToken
	path  []pointerToken
	// graphStrays is set for the document's "@graph" array, whose
	// items the command's check of the top level counts (see
	// FreeFloatingTop), until the walk goes into it.
	graphStrays bool
}

// Kind is v's JSON type; what ld leaves out of a document is read as
// null.
func (*freeFloatingWalk) Kind(v any) JSONKind {
	switch v.(type) {
	case map[string]any:
		return JSONObject
	case []any:
		return JSONArray
	case string:
		return JSONString
	case bool, float64, json.Number:
		return JSONScalar
	}
	return JSONNull
}

// Len is the length of array v.
func (*freeFloatingWalk) Len(v any) int { return len(v.([]any)) }

// Item is item i of array v.
func (*freeFloatingWalk) Item(v any, i int) any { return v.([]any)[i] }

// Members appends the members of object v to buf, in no order (the
// first of a kind is placed by before).
func (*freeFloatingWalk) Members(v any, buf []DropMember[any]) []DropMember[any] {
	for k, x := range v.(map[string]any) {
		buf = append(buf, DropMember[any]{k, x, (*freeFloatingWalk)(nil).Kind(x)})
	}
	return buf
}

// Str is string v.
func (*freeFloatingWalk) Str(v any) string { return v.(string) }

// Context is v, decoded already.
func (*freeFloatingWalk) Context(v any) any { return v }

// Drop counts an item of kind k at the walk's place. Where the command's
// check of a top level counts values and objects with nothing in them
// (counted), they are not counted again, but an object there whose keys
// are all null (see strayNode).
func (w *freeFloatingWalk) Drop(k DropKind, v any, counted bool) {
	switch {
	case !counted:
	case k == DropScalar:
		return
	case k == DropEmpty && !strayNode(v.(map[string]any)):
		return
	}
	if w.n[k] == 0 || before(w.path, w.first[k]) {
		w.first[k] = slices.Clone(w.path)
	}
	w.n[k]++
}

// GraphCounted is set for the document's "@graph" array (graphStrays),
// the first "@graph" the walk goes into.
func (w *freeFloatingWalk) GraphCounted(any, bool) bool {
	c := w.graphStrays
	w.graphStrays = false
	return c
}

// IncludedCounted is false: the command counts no "@included" item.
func (*freeFloatingWalk) IncludedCounted(bool) bool { return false }

// Enter steps the walk's place down, at key (or index idx where key is
// "").
func (w *freeFloatingWalk) Enter(key string, idx int) {
	w.path = append(w.path, pointerToken{key, idx})
}

// Leave steps the walk's place back up.
func (w *freeFloatingWalk) Leave() { w.path = w.path[:len(w.path)-1] }

// strayNode reports whether the command's check of a top level (and
// ld.Strays) takes object m for a node: a key other than a @context, or
// two keys. One it does not take for a node it counts itself.
func strayNode(m map[string]any) bool {
	return len(m) > 1 || len(m) == 1 && m["@context"] == nil
}

// pointerEscape is key as a JSON Pointer's reference token (RFC 6901):
// "~" as "~0", "/" as "~1", as a property's IRI needs.
func pointerEscape(key string) string {
	if !strings.ContainsAny(key, "~/") {
		return key
	}
	return strings.ReplaceAll(strings.ReplaceAll(key, "~", "~0"), "/", "~1")
}
