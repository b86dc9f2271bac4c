package ld

import "github.com/film2ld/film2ld/ld/schemaorg"

// The rules of what JSON-LD's expansion drops without a word (free-floating
// values, objects with nothing in them, value and list objects, nodes with
// only @id, at the top of a graph at any depth), written once: convert and
// load walk a decoded document with them (FreeFloatingTop), validate a tree
// of byte positions, an item at a time (package schemas). Each side gives a
// DropView of its values; the walk tells it each drop (DropView.Drop), which
// it places as it places things (a JSON Pointer, a byte offset).

// JSONKind is the JSON type of a value as the drop walk reads it.
type JSONKind uint8

// The JSON types the walk tells apart.
const (
	JSONNull   JSONKind = iota // null, or what is no JSON value (dropped in silence)
	JSONScalar                 // a number or a boolean
	JSONString
	JSONArray
	JSONObject
)

// DropKind is a kind of item expansion drops at the top of a graph
// (jsonld.js's events: "object with only @id", "object with only
// @value", "object with only @list", "empty object", "free-floating
// scalar").
type DropKind int

// The kinds of drop.
const (
	DropIDOnly DropKind = iota // a node with only @id
	DropValue                  // a value object
	DropList                   // a list object
	DropEmpty                  // {} (or keys expansion keeps none of)
	DropScalar                 // a value that is no object
	DropKinds                  // how many kinds there are
)

// DropMember is a member of an object as a DropView lists it: its key,
// its value and the value's Kind (read once: the walk reads it often).
type DropMember[V any] struct {
	Key   string
	Value V
	Kind  JSONKind
}

// DropView is how the drop walk reads values of type V, and tells what it
// finds. The walk calls the view's methods only: one side's values are
// never made into the other's (but contexts, which are small: Context).
type DropView[V any] interface {
	// Kind is v's JSON type.
	Kind(v V) JSONKind
	// Len and Item are an array's length and its item i.
	Len(v V) int
	Item(v V, i int) V
	// Members appends an object's members to buf: the walk reads each
	// object's from buf, and reuses it.
	Members(v V, buf []DropMember[V]) []DropMember[V]
	// Str is a string's value.
	Str(v V) string
	// Context is v, a @context, decoded (see DropContext.After).
	Context(v V) any
	// Drop is told of each item of kind k dropped, v; counted is set
	// where the side's check of a document's top level counts its
	// values (see DropWalk.AtTop).
	Drop(k DropKind, v V, counted bool)
	// GraphCounted is counted for the items of object v's "@graph"; doc
	// as AtTop's.
	GraphCounted(v V, doc bool) bool
	// IncludedCounted is counted for the "@included" items of a node
	// at the top of a graph; doc as AtTop's.
	IncludedCounted(doc bool) bool
	// Enter and Leave tell the walk's steps down (an object's key, or
	// an array's index where key is "") and back.
	Enter(key string, idx int)
	Leave()
}

// DropWalk walks values of type V through the view A, telling it what
// expansion drops. Its zero value but the view is ready.
type DropWalk[V any, A DropView[V]] struct {
	// View reads the values and is told the drops.
	View A
	// buf holds the members of the objects the walk is in, each
	// object's after its holder's.
	buf []DropMember[V]
}

// AtTop tells what expansion drops of v, which stands at the top of a
// graph under the context ctx, and reports whether v is an object dropped
// whole. doc and counted are the side's: doc is given to its
// GraphCounted and IncludedCounted, counted to its Drop (they are false
// below v but where those say otherwise).
func (w *DropWalk[V, A]) AtTop(v V, ctx DropContext, doc, counted bool) bool {
	return w.atTop(v, ctx, doc, counted, false)
}

// dropObject is where an object's members are in the walk's buffer
// (w.buf[lo:hi]), and its keywords the walk reads: the index of each in
// the buffer, or -1. One pass over the members finds them all (a lookup
// of each was a tenth of a walk's instructions).
type dropObject struct {
	lo, hi                           int
	context, graph, set, list, value int
}

// push appends the members of object v to the walk's buffer, and reports
// where they are in it.
func (w *DropWalk[V, A]) push(v V) dropObject {
	o := dropObject{lo: len(w.buf), context: -1, graph: -1, set: -1, list: -1, value: -1}
	w.buf = w.View.Members(v, w.buf)
	o.hi = len(w.buf)
	for i := o.lo; i < o.hi; i++ {
		if k := w.buf[i].Key; len(k) > 1 && k[0] == '@' {
			switch k {
			case "@context":
				o.context = i
			case "@graph":
				o.graph = i
			case "@set":
				o.set = i
			case "@list":
				o.list = i
			case "@value":
				o.value = i
			}
		}
	}
	return o
}

// pop takes the members of o off the walk's buffer.
func (w *DropWalk[V, A]) pop(o dropObject) { w.buf = w.buf[:o.lo] }

// get is the member at index i of the buffer (-1: none), and whether
// there is one that is not null.
func (w *DropWalk[V, A]) get(i int) (DropMember[V], bool) {
	if i < 0 {
		return DropMember[V]{}, false
	}
	return w.buf[i], w.buf[i].Kind != JSONNull
}

// atTop is AtTop; inList is set where v is the one item of a list object
// that is no array, which expansion keeps as the list's (jsonld.js),
// though what it holds is read as at the top.
func (w *DropWalk[V, A]) atTop(v V, ctx DropContext, doc, counted, inList bool) bool {
	switch w.View.Kind(v) {
	case JSONArray:
		// JSON-LD flattens an array in an array.
		for i := range w.View.Len(v) {
			w.View.Enter("", i)
			w.atTop(w.View.Item(v, i), ctx, doc, counted, false)
			w.View.Leave()
		}
		return false
	case JSONObject:
	case JSONNull:
		// null is nothing: jsonld.js drops it without a word.
		return false
	default:
		if !inList {
			w.View.Drop(DropScalar, v, counted)
		}
		return false
	}
	o := w.push(v)
	gone := w.object(v, o, ctx, doc, counted, inList)
	w.pop(o)
	return gone
}

// object is atTop of object v, whose members are o.
func (w *DropWalk[V, A]) object(v V, o dropObject, ctx DropContext, doc, counted, inList bool) bool {
	if o.context >= 0 {
		ctx = ctx.After(w.View.Context(w.buf[o.context].Value))
	}
	ctx = w.typed(o, ctx)
	if w.nullValue(o, ctx) {
		// A value object of null expands to nothing, in silence
		// (jsonld.js tells no event): gone, but no object with nothing
		// in it.
		return true
	}
	graphGone := false
	if g, ok := w.get(o.graph); ok {
		// A graph object, or a node with a graph: its graph's items are
		// at the top of a graph too. A "@graph" whose one object is
		// dropped is none (an array of them is an empty graph), and
		// what holds it is read without it.
		w.View.Enter("@graph", 0)
		gone := w.atTop(g.Value, ctx, false, w.View.GraphCounted(v, doc), false)
		w.View.Leave()
		if g.Kind != JSONObject || !gone {
			w.below(o, ctx, true, doc)
			return false
		}
		graphGone = true
	}
	if set, ok := w.get(o.set); ok {
		// A set object is its items, each where the set stands; one
		// item dropped (an object, a value) leaves an object with
		// nothing in it (dropped but in a list).
		w.View.Enter("@set", 0)
		gone := w.atTop(set.Value, ctx, false, false, false)
		w.View.Leave()
		if set.Kind == JSONArray || set.Kind == JSONObject && !gone || inList {
			return false
		}
		w.View.Drop(DropEmpty, v, counted)
		return true
	}
	k, gone := w.objectKind(o, ctx, graphGone)
	gone = gone && !inList
	if gone {
		w.View.Drop(k, v, counted)
	}
	if l, ok := w.get(o.list); ok {
		// jsonld.js expands the list's items where the list stands, so
		// drops those it would drop there too, values and all; an item
		// that is no array is the list's, kept.
		w.View.Enter("@list", 0)
		w.atTop(l.Value, ctx, false, false, l.Kind != JSONArray)
		w.View.Leave()
		return gone
	}
	if !gone {
		w.below(o, ctx, true, doc)
	}
	return gone
}

// below tells what expansion drops in the "@graph" of the nodes inside
// the members o of a node (its own "@graph" is atTop's); top is set for
// a node at the top of a graph, whose "@included" items expansion reads
// where the node stands (jsonld.js expands them under the node's own
// active property), dropping them alike.
func (w *DropWalk[V, A]) below(o dropObject, ctx DropContext, top, doc bool) {
	for i := o.lo; i < o.hi; i++ {
		m := w.buf[i] // w.buf may grow below: read afresh
		switch {
		case m.Key == "@context" || m.Key == "@graph" || m.Key == "@value":
		case m.Key == "@included" && top:
			w.View.Enter(m.Key, 0)
			w.atTop(m.Value, ctx, false, w.View.IncludedCounted(doc), false)
			w.View.Leave()
		case m.Kind == JSONArray || m.Kind == JSONObject:
			// Nothing is dropped but in a node's "@graph": only an
			// object or an array may hold one.
			c := ctx
			if len(m.Key) == 0 || m.Key[0] != '@' {
				c = ctx.Property(m.Key)
			}
			w.View.Enter(m.Key, 0)
			w.inside(m.Value, m.Kind, c)
			w.View.Leave()
		}
	}
}

// Inside tells what expansion drops in v, a value of a property (or of
// @included, @reverse, @list) under the context ctx, where nothing is
// dropped but in a node's "@graph".
func (w *DropWalk[V, A]) Inside(v V, ctx DropContext) {
	w.inside(v, w.View.Kind(v), ctx)
}

// inside is Inside of v, of kind k.
func (w *DropWalk[V, A]) inside(v V, k JSONKind, ctx DropContext) {
	switch k {
	case JSONArray:
		for i := range w.View.Len(v) {
			it := w.View.Item(v, i)
			if k := w.View.Kind(it); k == JSONArray || k == JSONObject {
				w.View.Enter("", i)
				w.inside(it, k, ctx)
				w.View.Leave()
			}
		}
	case JSONObject:
		o := w.push(v)
		defer w.pop(o)
		if o.value >= 0 {
			return
		}
		if o.context >= 0 {
			ctx = ctx.After(w.View.Context(w.buf[o.context].Value))
		}
		ctx = w.typed(o, ctx)
		if g, ok := w.get(o.graph); ok {
			w.View.Enter("@graph", 0)
			w.atTop(g.Value, ctx, false, false, false)
			w.View.Leave()
		}
		w.below(o, ctx, false, false)
	}
}

// nullValue reports whether the object of members o is a value object of
// null (its "@value", or a term ctx aliases to it, is null), which
// expands to nothing.
func (w *DropWalk[V, A]) nullValue(o dropObject, ctx DropContext) bool {
	if o.value >= 0 {
		return w.buf[o.value].Kind == JSONNull
	}
	if ctx.terms == nil {
		return false
	}
	for _, m := range w.buf[o.lo:o.hi] {
		if kw, _ := ctx.Keyword(m.Key); kw == "@value" {
			return m.Kind == JSONNull
		}
	}
	return false
}

// typed is the context of the node of members o under ctx: a type whose
// term scopes a context applies it to the node (and not below), which
// the walk does not: it reads the node as under a context it cannot
// read.
func (w *DropWalk[V, A]) typed(o dropObject, ctx DropContext) DropContext {
	if ctx.terms == nil {
		return ctx
	}
	for _, m := range w.buf[o.lo:o.hi] {
		if kw, _ := ctx.Keyword(m.Key); kw != "@type" {
			continue
		}
		scoped := func(t V) bool {
			if w.View.Kind(t) != JSONString {
				return false
			}
			d := ctx.term(w.View.Str(t))
			return d != nil && d.hasCtx
		}
		if m.Kind == JSONArray {
			for i := range w.View.Len(m.Value) {
				if scoped(w.View.Item(m.Value, i)) {
					return DropContext{opaque: true}
				}
			}
		} else if scoped(m.Value) {
			return DropContext{opaque: true}
		}
	}
	return ctx
}

// ObjectKind is the kind of drop object v is at the top of a graph under
// the context ctx, if dropped is set, read from the keys expansion keeps
// (see memberKinds): where it holds no "@graph" nor "@set" (whose items
// atTop reads).
func (w *DropWalk[V, A]) ObjectKind(v V, ctx DropContext) (k DropKind, dropped bool) {
	o := w.push(v)
	k, dropped = w.objectKind(o, ctx, false)
	w.pop(o)
	return k, dropped
}

// objectKind is ObjectKind of the object of members o, its "@graph" not
// among them where graphGone.
func (w *DropWalk[V, A]) objectKind(o dropObject, ctx DropContext, graphGone bool) (k DropKind, dropped bool) {
	var mk memberKinds
	w.count(&mk, o, ctx, graphGone)
	switch {
	case mk.value:
		return DropValue, true
	case mk.list:
		return DropList, true
	case mk.keys == 0:
		return DropEmpty, true
	case mk.keys == 1 && mk.id:
		return DropIDOnly, true
	}
	return 0, false
}

// memberKinds counts the keys of an object that expansion keeps, and
// whether they hold @id, @value or @list (spelled so, or through a term
// the context aliases to it).
type memberKinds struct {
	keys            int
	id, value, list bool
}

// count counts into mk the members o under ctx. Expansion keeps none of:
// @context, a null value, a term the context defines as null, "@type":
// [] (it adds no type), "@reverse" of no property, a list of a null
// value alone, and "@nest", whose members are the node's own (none for
// {} or []); nor "@graph" where graphGone.
func (w *DropWalk[V, A]) count(mk *memberKinds, o dropObject, ctx DropContext, graphGone bool) {
	for i := o.lo; i < o.hi; i++ {
		m := w.buf[i] // w.buf may grow below: read afresh
		if m.Key == "@context" || m.Kind == JSONNull && !ctx.jsonTerm(m.Key) {
			continue
		}
		kw, null := ctx.Keyword(m.Key)
		switch {
		case null:
			continue
		case kw == "@graph" && graphGone:
			continue
		case kw == "@type" && m.Kind == JSONArray && w.View.Len(m.Value) == 0:
			continue
		case kw == "@list" && m.Kind == JSONObject && w.nullValueOf(m.Value, ctx):
			continue
		case kw == "@reverse" && m.Kind == JSONObject && !w.anyProperty(m.Value, ctx):
			continue
		case kw == "@nest":
			if m.Kind == JSONArray {
				for j := range w.View.Len(m.Value) {
					w.nest(mk, w.View.Item(m.Value, j), ctx)
				}
			} else {
				w.nest(mk, m.Value, ctx)
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

// nullValueOf is nullValue of object v.
func (w *DropWalk[V, A]) nullValueOf(v V, ctx DropContext) bool {
	o := w.push(v)
	defer w.pop(o)
	return w.nullValue(o, ctx)
}

// nest counts into mk the members of n, a value of "@nest": an object's
// are the node's own; anything else expansion refuses (not dropped).
func (w *DropWalk[V, A]) nest(mk *memberKinds, n V, ctx DropContext) {
	if w.View.Kind(n) != JSONObject {
		mk.keys++
		return
	}
	o := w.push(n)
	w.count(mk, o, ctx, false)
	w.pop(o)
}

// anyProperty reports whether object r, a "@reverse", holds a property
// expansion keeps: a key that is no null term, of a value not null.
func (w *DropWalk[V, A]) anyProperty(r V, ctx DropContext) bool {
	o := w.push(r)
	defer w.pop(o)
	for _, m := range w.buf[o.lo:o.hi] {
		if _, null := ctx.Keyword(m.Key); !null && m.Kind != JSONNull {
			return true
		}
	}
	return false
}

// DropContext is what the drop walk knows of the context in effect:
// whether the last URL was schema.org's ("id" is "@id" and "type" "@type"
// under it; a flag set once, as the test of the URL made for each key
// was a fifth of a walk's instructions), and the terms embedded contexts
// define, the latest first, as keywords' aliases, as null, or as
// properties, with the context each scopes to its values, which
// expansion applies to them. Under a context it cannot read (one
// imported or not propagated, a URL other than schema.org's) it knows
// none: every key that is no keyword is read as a property, a missed
// drop rather than a false one, and so are the values of every property
// (opaque: any term may scope a context). The zero value is no context.
type DropContext struct {
	schemaOrg bool
	terms     *dropTerm
	opaque    bool
	// index holds the latest definition of each term of the list from
	// indexed on, made where a context defines many terms: a key was
	// looked for along the whole list, and validate of linked data's
	// form under a context of 2,000 terms took 7 times the instructions
	// (found by review, d1e32e0 on the walk's earlier copy).
	index   map[string]*dropTerm
	indexed *dropTerm
}

// indexAt is how many terms a context defines for the list to be
// indexed from there on.
const indexAt = 32

// dropTerm is a term an embedded context defines: as an alias of
// keyword, as null (null set), or as a property (keyword ""), typed
// @json where json is set (its null is a value expansion keeps); ctx is
// the context its definition scopes to its values, where hasCtx.
type dropTerm struct {
	term, keyword      string
	null, hasCtx, json bool
	ctx                any
	next               *dropTerm
}

// term is the latest definition of key under c, if any.
func (c DropContext) term(key string) *dropTerm {
	for t := c.terms; t != nil; t = t.next {
		if t == c.indexed {
			return c.index[key]
		}
		if t.term == key {
			return t
		}
	}
	return nil
}

// jsonTerm reports whether c defines key as a term typed @json, whose
// null expansion keeps as a value ({"data": null} was told an object
// with nothing in it, and {"@id": …, "data": null} a node with only
// @id: W3C expand test js18).
func (c DropContext) jsonTerm(key string) bool {
	t := c.term(key)
	return t != nil && t.json
}

// Keyword is the keyword key expands to under c ("" for a property),
// and null whether c defines it as null (expansion drops it).
func (c DropContext) Keyword(key string) (kw string, null bool) {
	if len(key) > 0 && key[0] == '@' {
		return key, false
	}
	if t := c.term(key); t != nil {
		return t.keyword, t.null
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

// Property is the context a value of property key is expanded under: c
// with the context key's definition scopes to it processed.
func (c DropContext) Property(key string) DropContext {
	if c.opaque {
		return DropContext{opaque: true}
	}
	if t := c.term(key); t != nil && t.hasCtx {
		return c.After(t.ctx)
	}
	return c
}

// aliasable are the keywords a term may stand for.
var aliasable = map[string]bool{"@id": true, "@type": true, "@value": true, "@list": true, "@set": true,
	"@graph": true, "@nest": true, "@reverse": true, "@included": true, "@index": true, "@language": true, "@direction": true}

// After is the context in effect once @context v (decoded: strings,
// float64s, bools, nil, []any, map[string]any) is processed on c:
// schema.org's URL defines its own terms anew (an earlier definition of
// one is gone, a scoped context with it), another URL leaves a context
// the walk cannot read, null clears it, an array is its items in order,
// and an object adds its terms (with the contexts they scope: see
// Property) unless it imports a context or does not propagate (the nodes
// below may not be in it); "@propagate": true changes nothing. An
// object's own context adds to the one it is in, so a schema.org
// document whose nodes say {"@language": "fr"}, or whose @context is
// ["https://schema.org", {"@language": "en"}] as pages often write it,
// still reads "id" as "@id".
func (c DropContext) After(v any) DropContext {
	switch v := v.(type) {
	case string:
		if !IsSchemaOrgContext(v) {
			return DropContext{opaque: true}
		}
		out := DropContext{schemaOrg: true, opaque: c.opaque}
		var kept []*dropTerm
		for t := c.terms; t != nil; t = t.next {
			if _, ok := schemaorg.ContextTermOf(t.term); !ok && t.term != "id" && t.term != "type" {
				kept = append(kept, t)
			}
		}
		for i := len(kept) - 1; i >= 0; i-- {
			t := *kept[i]
			t.next = out.terms
			out.terms = &t
		}
		return out
	case []any:
		for _, item := range v {
			c = c.After(item)
		}
		return c
	case map[string]any:
		if _, ok := v["@import"]; ok {
			return DropContext{opaque: true}
		}
		if p, ok := v["@propagate"]; ok && p != true {
			return DropContext{opaque: true}
		}
		for term, def := range v {
			if len(term) > 0 && term[0] == '@' {
				continue
			}
			t := &dropTerm{term: term, next: c.terms}
			id := def
			if d, ok := def.(map[string]any); ok {
				t.ctx, t.hasCtx = d["@context"]
				t.json = d["@type"] == "@json"
				var has bool
				if id, has = d["@id"]; !has {
					id = "" // a property
				} else if _, rev := d["@reverse"]; rev {
					id = ""
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
			c.terms = t
		}
		if len(v) >= indexAt {
			c.index, c.indexed = make(map[string]*dropTerm, len(v)), c.terms
			for t := c.terms; t != nil; t = t.next {
				if _, ok := c.index[t.term]; !ok {
					c.index[t.term] = t
				}
			}
		}
		return c
	}
	return DropContext{} // null, or what expansion refuses
}
