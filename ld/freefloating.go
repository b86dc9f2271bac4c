package ld

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/film2ld/film2ld/ld/schemaorg"
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
	var w freeFloatingWalk
	if m, ok := doc.(map[string]any); ok {
		if _, ok := m["@graph"].([]any); ok {
			// The command's check of the top level counts the
			// values and objects with nothing in them of this graph,
			// not the document.
			w.graphStrays = true
			w.atTop(doc, idContext{}, false, false)
		} else {
			w.atTop(doc, idContext{}, true, false)
		}
	} else {
		w.atTop(doc, idContext{}, true, false)
	}
	d := FreeFloating{IDOnly: w.n[0], Values: w.n[1], Lists: w.n[2], Empty: w.n[3], Scalars: w.n[4]}
	d.FirstIDOnly, d.FirstValue, d.FirstList = pointer(w.first[0]), pointer(w.first[1]), pointer(w.first[2])
	d.FirstEmpty, d.FirstScalar = pointer(w.first[3]), pointer(w.first[4])
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
// kind ("@id", "@value", "@list", empty objects, values), and keeps the
// path of the first of each. path is the walk's place: the pointer is
// made only of the first, as a walk of every node's properties made one
// for each value took 6 times the time (BenchmarkFreeFloatingTop).
type freeFloatingWalk struct {
	n     [5]int
	first [5][]pointerToken
	path  []pointerToken
	// graphStrays is set for the document's "@graph" array, whose
	// items the command's check of the top level counts (see
	// FreeFloatingTop), until the walk goes into it.
	graphStrays bool
}

// The kinds the walk counts, indexes of its n and first.
const (
	kindIDOnly = iota
	kindValue
	kindList
	kindEmpty
	kindScalar
)

// add counts an item of kind i at the walk's place.
func (w *freeFloatingWalk) add(i int) {
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

// strayNode reports whether the command's check of a top level (and
// ld.Strays) takes object m for a node: a key other than a @context, or
// two keys. One it does not take for a node it counts itself.
func strayNode(m map[string]any) bool {
	return len(m) > 1 || len(m) == 1 && m["@context"] == nil
}

// atTop counts what expansion drops of v, at the walk's place, standing
// at the top of a graph under the context ctx, and reports whether v is
// an object dropped whole. strays is set where the command's check of a
// top level counts values and objects with nothing in them (see
// FreeFloatingTop); inList where v is the one item of a list object that
// is no array, which expansion keeps as the list's (jsonld.js), though
// what it holds is read as at the top.
func (w *freeFloatingWalk) atTop(v any, ctx idContext, strays, inList bool) bool {
	var m map[string]any
	switch v := v.(type) {
	case []any:
		// JSON-LD flattens an array in an array.
		for i, it := range v {
			w.down("", i, func() { w.atTop(it, ctx, strays, false) })
		}
		return false
	case map[string]any:
		m = v
	case string, bool, float64, json.Number:
		if !strays && !inList {
			w.add(kindScalar)
		}
		return false
	default: // null, which expansion drops in silence, or what ld left out
		return false
	}
	if c, ok := m["@context"]; ok {
		ctx = ctx.after(c)
	}
	ctx = ctx.typed(m)
	if nullValueIn(m, ctx) {
		// A value object of null expands to nothing, in silence
		// (jsonld.js tells no event).
		return true
	}
	graphGone := false
	if g := m["@graph"]; g != nil {
		// A graph object, or a node with a graph: its graph's items are
		// at the top of a graph too. A "@graph" whose one object is
		// dropped is none (an array of them is an empty graph), and
		// expansion reads what holds it without it.
		_, isObject := g.(map[string]any)
		gone, itemStrays := false, w.graphStrays
		w.graphStrays = false
		w.down("@graph", 0, func() { gone = w.atTop(g, ctx, itemStrays, false) })
		if !isObject || !gone {
			w.below(m, ctx, true)
			return false
		}
		graphGone = true
	}
	if set := m["@set"]; set != nil {
		// A set object is its items, each where the set stands; one
		// item dropped (an object, a value) leaves an object with
		// nothing in it (dropped but in a list).
		_, isArray := set.([]any)
		gone := false
		w.down("@set", 0, func() { gone = w.atTop(set, ctx, false, false) })
		if _, isObject := set.(map[string]any); isArray || isObject && !gone || inList {
			return false
		}
		if !strays || strayNode(m) {
			w.add(kindEmpty)
		}
		return true
	}
	k, gone := freeFloatingKind(m, ctx, graphGone)
	gone = gone && !inList
	if gone {
		switch k {
		case "@id":
			w.add(kindIDOnly)
		case "@value":
			w.add(kindValue)
		case "@list":
			w.add(kindList)
		default:
			if !strays || strayNode(m) {
				w.add(kindEmpty)
			}
		}
	}
	if l := m["@list"]; l != nil {
		// jsonld.js expands the list's items where the list stands, so
		// drops those it would drop there too; an item that is no
		// array is the list's, kept.
		_, isArray := l.([]any)
		w.down("@list", 0, func() { w.atTop(l, ctx, false, !isArray) })
		return gone
	}
	if !gone {
		w.below(m, ctx, true)
	}
	return gone
}

// below counts what expansion drops in the "@graph" of the nodes inside
// the members of node m (its own "@graph" is atTop's); top is set for a
// node at the top of a graph, whose "@included" items expansion reads
// where the node stands, dropping them alike.
func (w *freeFloatingWalk) below(m map[string]any, ctx idContext, top bool) {
	for k, v := range m {
		switch {
		case k == "@context" || k == "@graph" || k == "@value":
		case k == "@included" && top:
			w.down(k, 0, func() { w.atTop(v, ctx, false, false) })
		case strings.HasPrefix(k, "@"):
			w.inside(v, k, ctx)
		default:
			w.inside(v, k, ctx.property(k))
		}
	}
}

// inside looks for nodes with a "@graph" in v, the value of key (a
// property, or @included, @reverse, @list) at the walk's place, where
// nothing is dropped but in such a graph. Only an object or array may
// hold one: the walk goes no step down for a value.
func (w *freeFloatingWalk) inside(v any, key string, ctx idContext) {
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
			ctx = ctx.after(c)
		}
		ctx = ctx.typed(v)
		if g := v["@graph"]; g != nil {
			w.down("@graph", 0, func() { w.atTop(g, ctx, false, false) })
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
// with dropped set, read from the keys expansion keeps (see
// memberKinds), "@graph" not among them where graphGone (one object
// dropped: see FreeFloatingTop).
func freeFloatingKind(m map[string]any, ctx idContext, graphGone bool) (kind string, dropped bool) {
	var mk memberKinds
	mk.count(m, ctx, graphGone)
	switch {
	case mk.value:
		return "@value", true
	case mk.list:
		return "@list", true
	case mk.keys == 0:
		return "", true
	case mk.keys == 1 && mk.id:
		return "@id", true
	}
	return "", false
}

// memberKinds counts the keys of an object that expansion keeps, and
// whether they hold @id, @value or @list (spelled so, or through a term
// the context aliases to it).
type memberKinds struct {
	keys            int
	id, value, list bool
}

// count counts the members of m under ctx. Expansion keeps none of:
// @context, a null value, a term the context defines as null, "@type":
// [] (it adds no type), "@reverse" of no property, a list of a null
// value alone, and "@nest", whose members are the node's own (none for
// {} or []); nor "@graph" where graphGone.
func (mk *memberKinds) count(m map[string]any, ctx idContext, graphGone bool) {
	for k, v := range m {
		if k == "@context" || v == nil {
			continue
		}
		kw, null := ctx.keyword(k)
		switch {
		case null:
			continue
		case kw == "@graph" && graphGone:
			continue
		case kw == "@list" && nullValue(v):
			continue
		case kw == "@type":
			if t, ok := v.([]any); ok && len(t) == 0 {
				continue
			}
		case kw == "@reverse":
			if r, ok := v.(map[string]any); ok && !slices.ContainsFunc(slices.Collect(maps.Keys(r)), func(p string) bool {
				_, null := ctx.keyword(p)
				return !null && r[p] != nil
			}) {
				continue
			}
		case kw == "@nest":
			nests := []any{v}
			if a, ok := v.([]any); ok {
				nests = a
			}
			for _, n := range nests {
				if n, ok := n.(map[string]any); ok {
					mk.count(n, ctx, false)
				} else {
					mk.keys++ // refused by expansion: not dropped
				}
			}
			continue
		}
		mk.keys++
		switch kw {
		case "@id":
			mk.id = true
		case "@value":
			mk.value = true
		case "@list":
			mk.list = true
		}
	}
}

// nullValueIn reports whether m is a value object of null (its "@value",
// or a term ctx aliases to it, is null), which expands to nothing.
func nullValueIn(m map[string]any, ctx idContext) bool {
	if val, ok := m["@value"]; ok {
		return val == nil
	}
	if ctx.scoped == nil {
		return false
	}
	for k, v := range m {
		if kw, _ := ctx.keyword(k); kw == "@value" {
			return v == nil
		}
	}
	return false
}

// nullValue reports whether v is a value object of null, which expands
// to nothing: a list object of it alone expands to an object with
// nothing in it.
func nullValue(v any) bool {
	m, ok := v.(map[string]any)
	if !ok {
		return false
	}
	val, ok := m["@value"]
	return ok && val == nil
}

// idContext is what the walk knows of the context in effect: whether
// the last URL was schema.org's ("id" is "@id" and "type" "@type" under
// it; the test of the URL, made for each key, was a fifth of the walk's
// instructions), and the terms embedded contexts define (see
// scopedTerm), with the contexts they scope to their values, which
// expansion applies to them. A decoded context is processed on it by
// after, a property's scoped context by property.
type idContext struct {
	schemaOrg bool
	scoped    *scopedTerm
	// opaque is set once a context the walk cannot read (one imported, a
	// URL other than schema.org's) may have scoped a context to any
	// term: the values of every property are then read as under another
	// context, "id" not as "@id" (a missed warning, never a false one).
	opaque bool
}

// scopedTerm is a term an embedded context defines, in a list, the
// latest definition first: as an alias of keyword, as null (null set),
// or as a property (keyword ""), with the context it scopes to its
// values (ctx), if any.
type scopedTerm struct {
	term, keyword string
	null          bool
	ctx           any
	next          *scopedTerm
}

// keyword is the keyword key expands to under c ("" for a property),
// and null whether c defines it as null (expansion drops it).
func (c idContext) keyword(key string) (kw string, null bool) {
	if len(key) > 0 && key[0] == '@' {
		return key, false
	}
	for s := c.scoped; s != nil; s = s.next {
		if s.term == key {
			return s.keyword, s.null
		}
	}
	if c.schemaOrg {
		switch key {
		case "id":
			return "@id", false
		case "type":
			return "@type", false
		}
	}
	return "", false
}

// aliasable are the keywords a term may stand for.
var aliasable = map[string]bool{"@id": true, "@type": true, "@value": true, "@list": true, "@set": true,
	"@graph": true, "@nest": true, "@reverse": true, "@included": true, "@index": true, "@language": true, "@direction": true}

// lookup is the context scoped to term under c, if any.
func (c idContext) lookup(term string) (any, bool) {
	for s := c.scoped; s != nil; s = s.next {
		if s.term == term {
			return s.ctx, s.ctx != nil
		}
	}
	return nil, false
}

// property is the context a value of property key is expanded under:
// c with the context key's definition scopes to it processed.
func (c idContext) property(key string) idContext {
	if c.opaque {
		return idContext{opaque: true}
	}
	if scoped, ok := c.lookup(key); ok {
		return c.after(scoped)
	}
	return c
}

// typed is the context of node m under c: a type whose term scopes a
// context applies it to the node (and not below); the walk does not, and
// reads the node under another context.
func (c idContext) typed(m map[string]any) idContext {
	if c.scoped == nil {
		return c
	}
	var types []any
	switch t := m["@type"].(type) {
	case string:
		types = []any{t}
	case []any:
		types = t
	}
	for _, t := range types {
		if t, ok := t.(string); ok {
			if _, ok := c.lookup(t); ok {
				return idContext{opaque: true}
			}
		}
	}
	return c
}

// after is the context in effect once @context v is processed on c: a
// URL decides "id" (schema.org's redefines its own terms, which drops
// their scoped contexts; another may define any term), null clears it,
// an array is its items in order, and a map keeps it unless it defines
// "id", imports a context or says whether it propagates (the nodes
// below may not be in it), recording the terms it scopes a context to.
// An object's own context adds to the one it is in, so a schema.org
// document whose nodes say {"@language": "fr"}, or whose @context is
// ["https://schema.org", {"@language": "en"}] as pages often write it,
// still reads "id" as "@id"; taking any @context but one string for
// another context left such nodes' drops untold.
func (c idContext) after(v any) idContext {
	switch v := v.(type) {
	case string:
		if !IsSchemaOrgContext(v) {
			return idContext{opaque: true}
		}
		// schema.org's context defines its terms anew: an earlier
		// definition of one is gone, a scoped context with it.
		out := idContext{schemaOrg: true, opaque: c.opaque}
		var kept []*scopedTerm
		for s := c.scoped; s != nil; s = s.next {
			if _, ok := schemaorg.ContextTermOf(s.term); !ok && s.term != "id" && s.term != "type" {
				kept = append(kept, s)
			}
		}
		for i := len(kept) - 1; i >= 0; i-- {
			t := *kept[i]
			t.next = out.scoped
			out.scoped = &t
		}
		return out
	case []any:
		for _, item := range v {
			c = c.after(item)
		}
		return c
	case map[string]any:
		// Another context, or one the nodes below may not be in
		// ("@propagate": true changes nothing).
		if _, ok := v["@import"]; ok {
			return idContext{opaque: true}
		}
		if p, ok := v["@propagate"]; ok && p != true {
			return idContext{opaque: true}
		}
		for term, def := range v {
			if len(term) > 0 && term[0] == '@' {
				continue
			}
			t := &scopedTerm{term: term, next: c.scoped}
			id := def
			if d, ok := def.(map[string]any); ok {
				t.ctx = d["@context"]
				var has bool
				if id, has = d["@id"]; !has || d["@reverse"] != nil {
					id = "" // a property
				}
			}
			switch id := id.(type) {
			case nil:
				t.null = true
			case string:
				if aliasable[id] {
					t.keyword = id
				}
			}
			c.scoped = t
		}
		return c
	default: // null, or what expansion refuses
		return idContext{}
	}
}
