package schemas

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"

	"github.com/film2ld/film2ld/ld"
	"github.com/film2ld/film2ld/ld/diag"
	"github.com/film2ld/film2ld/ld/schemaorg"
	"github.com/film2ld/film2ld/schemas/internal/jsonpos"
)

// dropKind is a kind of item JSON-LD's expansion drops where it stands at
// the top of a graph (the document's, or a node's "@graph"), without a
// word: jsonld.js tells them only to an event handler, as "empty
// object", "object with only @id", "object with only @value", "object
// with only @list" and "free-floating scalar".
type dropKind int

const (
	dropEmpty  dropKind = iota // {} (or keys whose values are null)
	dropIDOnly                 // a node with only @id
	dropValue                  // a value object
	dropList                   // a list object
	dropScalar                 // a value that is no object (the builder counts the top level's)
	dropKinds
)

// dropped counts the items of one document that JSON-LD drops, kind by
// kind, and places the first of each (a byte offset of the document's
// text). The values at the document's own top level are not among them:
// the builder counts those (its values), as before.
type dropped struct {
	n     [dropKinds]int
	first [dropKinds]int
	// base is added to the offsets of the tree being walked: a part of
	// the text parsed on its own (scanDropped).
	base int
	// everyValue counts the values the builder counts too (the
	// differential test's, which compares them all with jsonld.js's).
	everyValue bool
}

// add counts an item of kind k at offset off.
func (d *dropped) add(k dropKind, off int) {
	off += d.base
	if d.n[k] == 0 || off < d.first[k] {
		d.first[k] = off
	}
	d.n[k]++
}

// addN counts n items of kind k, the first at offset off (as
// jsonpos.LeftOut counts those it left out of the tree).
func (d *dropped) addN(k dropKind, n, off int) {
	if n == 0 {
		return
	}
	d.add(k, off-d.base)
	d.n[k] += n - 1
}

// findDropped counts what JSON-LD's expansion drops in the document v
// (parsed by jsonpos.ParseLeavingOut, which left out of it what left
// counts): at its top level, the objects with nothing in them, the nodes
// with only @id, and the value and list objects (its values are the
// builder's); in the "@graph" of any node below, those and its values.
// Where the document's top object is a node with a "@graph" (not a
// "@graph" beside a @context alone), what ParseLeavingOut left out of
// that "@graph" is a node's: its values are counted here.
//
// Keys are read as ld.FreeFloatingTop reads them, which jsonld.js's
// events hold to (TestReferenceDropped): keywords as they are spelled,
// "id" as "@id" under the schema.org context (also in an array, or added
// to by a node's own context), a key whose value is null as no key, any
// other key as a property (a term no context defines is the JSON-LD
// processor's error, reported as such).
func findDropped(v *jsonpos.Value, left jsonpos.LeftOut) dropped {
	var d dropped
	graphOnly := v.Kind == jsonpos.Object && v.Get("@graph") != nil && onlyKeys(v, "@context", "@graph")
	if left.Empty > 0 {
		d.addN(dropEmpty, left.Empty, left.FirstEmpty)
	}
	if v.Kind == jsonpos.Object && !graphOnly && left.Values > 0 {
		d.addN(dropScalar, left.Values, left.FirstValue)
	}
	d.atTop(v, dropCtx{}, true, true)
	return d
}

// atTop counts what JSON-LD drops of v, which stands at the top of a
// graph under the context ctx (see contextAfter), and reports whether v
// is an object dropped whole. doc is set for the document and the items
// of its top-level array, counted for the values the builder counts
// (see builder.document): those and the items of a "@graph" beside a
// @context alone among them.
func (d *dropped) atTop(v *jsonpos.Value, ctx dropCtx, doc, counted bool) bool {
	return d.atTopIn(v, ctx, doc, counted, false)
}

// atTopIn is atTop; inList is set where v is the one item of a list
// object that is no array, which expansion keeps as the list's
// (jsonld.js), though what it holds is read as at the top.
func (d *dropped) atTopIn(v *jsonpos.Value, ctx dropCtx, doc, counted, inList bool) bool {
	switch v.Kind {
	case jsonpos.Array:
		// JSON-LD flattens an array in an array.
		for _, item := range v.Items {
			d.atTop(item, ctx, doc, counted)
		}
		return false
	case jsonpos.Object:
	case jsonpos.Null:
		// null is nothing: jsonld.js drops it without a word.
		return false
	default:
		if !inList && (!counted || d.everyValue) {
			d.add(dropScalar, v.Offset)
		}
		return false
	}
	if c := v.Get("@context"); c != nil {
		ctx = contextAfter(ctx, c)
	}
	ctx = ctx.typed(v)
	if nullValue(v, ctx) {
		// A value object of null expands to nothing, in silence
		// (jsonld.js tells no event): gone, but no object with
		// nothing in it.
		return true
	}
	graphGone := false
	if g := v.Get("@graph"); g != nil && g.Kind != jsonpos.Null {
		// A graph object, or a node with a graph: its graph's items
		// are at the top of a graph too. A "@graph" whose one object
		// is dropped is none (an array of them is an empty one), and
		// what holds it is read without it.
		gone := d.atTop(g, ctx, false, doc && onlyKeys(v, "@context", "@graph"))
		if g.Kind != jsonpos.Object || !gone {
			d.below(v, ctx, true, doc)
			return false
		}
		graphGone = true
	}
	if set := v.Get("@set"); set != nil && set.Kind != jsonpos.Null {
		// A set object is its items, each where the set stands (the
		// builder reads it as a node, and counts none of its values);
		// one item dropped (an object, a value) leaves an object with
		// nothing in it, dropped but in a list.
		gone := d.atTop(set, ctx, false, false)
		if set.Kind == jsonpos.Array || set.Kind == jsonpos.Object && !gone || inList {
			return false
		}
		d.add(dropEmpty, v.Offset)
		return true
	}
	k, gone := objectKind(v, ctx, graphGone)
	gone = gone && !inList
	if gone {
		d.add(k, v.Offset)
	}
	if l := v.Get("@list"); l != nil && l.Kind != jsonpos.Null {
		// jsonld.js expands the list's items where the list stands,
		// so drops those it would drop there too, values and all; an
		// item that is no array is the list's, kept.
		d.atTopIn(l, ctx, false, false, l.Kind != jsonpos.Array)
		return gone
	}
	if !gone {
		d.below(v, ctx, true, doc)
	}
	return gone
}

// nullValue reports whether v is a value object of null (its "@value",
// or a term ctx aliases to it, is null), which expands to nothing.
func nullValue(v *jsonpos.Value, ctx dropCtx) bool {
	for _, m := range v.Members {
		if kw, _ := ctx.keyword(m.Key); kw == "@value" {
			return m.Value.Kind == jsonpos.Null
		}
	}
	return false
}

// objectKind is the kind of drop the object v is at the top of a graph
// under the context ctx, if dropped is set, read from the keys expansion
// keeps (see memberKinds), its "@graph" not among them where graphGone.
func objectKind(v *jsonpos.Value, ctx dropCtx, graphGone bool) (k dropKind, dropped bool) {
	var m memberKinds
	m.count(v, ctx, graphGone)
	switch {
	case m.value:
		return dropValue, true
	case m.list:
		return dropList, true
	case m.keys == 0:
		return dropEmpty, true
	case m.keys == 1 && m.id:
		return dropIDOnly, true
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

// count counts the members of v under ctx. Expansion keeps none of:
// @context, a null value, a term the context defines as null, "@type":
// [] (it adds no type), "@reverse" of no property, and "@nest", whose
// members are the node's own (none for {} or []); nor "@graph" where
// graphGone.
func (mk *memberKinds) count(v *jsonpos.Value, ctx dropCtx, graphGone bool) {
	for _, m := range v.Members {
		if m.Key == "@context" || m.Value.Kind == jsonpos.Null {
			continue
		}
		kw, null := ctx.keyword(m.Key)
		switch {
		case null:
			continue
		case kw == "@graph" && graphGone:
			continue
		case kw == "@type" && m.Value.Kind == jsonpos.Array && len(m.Value.Items) == 0:
			continue
		case kw == "@list" && m.Value.Kind == jsonpos.Object && nullValue(m.Value, ctx):
			// A list of a null value alone expands to nothing.
			continue
		case kw == "@reverse" && m.Value.Kind == jsonpos.Object && !slices.ContainsFunc(m.Value.Members, func(r jsonpos.Member) bool {
			_, null := ctx.keyword(r.Key)
			return !null && r.Value.Kind != jsonpos.Null
		}):
			continue
		case kw == "@nest":
			nests := []*jsonpos.Value{m.Value}
			if m.Value.Kind == jsonpos.Array {
				nests = m.Value.Items
			}
			for _, n := range nests {
				if n.Kind == jsonpos.Object {
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

// below counts what JSON-LD drops in the "@graph" of the nodes inside
// v's members (its own "@graph" is atTop's), under the context ctx; a
// value object holds no node. top is set for a node at the top of a
// graph, whose "@included" items JSON-LD reads as standing where it
// stands (jsonld.js expands them under the node's own active property):
// dropped alike. doc is set for a node of the document's top level (or
// its top-level array's), whose included values the builder counts;
// others' are counted here (linked data's form, which scanDropped reads
// item by item and no builder reads, and a node in a nested "@graph").
func (d *dropped) below(v *jsonpos.Value, ctx dropCtx, top, doc bool) {
	for _, m := range v.Members {
		switch {
		case m.Key == "@context" || m.Key == "@graph" || m.Key == "@value":
		case m.Key == "@included" && top:
			d.atTop(m.Value, ctx, false, doc)
		case len(m.Key) > 0 && m.Key[0] == '@':
			d.inside(m.Value, ctx)
		default:
			d.inside(m.Value, ctx.property(m.Key))
		}
	}
}

// inside looks for nodes with a "@graph" in v, a value of a property
// (or of @included, @reverse, @list), where nothing is dropped.
func (d *dropped) inside(v *jsonpos.Value, ctx dropCtx) {
	switch v.Kind {
	case jsonpos.Array:
		for _, item := range v.Items {
			d.inside(item, ctx)
		}
	case jsonpos.Object:
		if v.Get("@value") != nil {
			return
		}
		if c := v.Get("@context"); c != nil {
			ctx = contextAfter(ctx, c)
		}
		ctx = ctx.typed(v)
		if g := v.Get("@graph"); g != nil && g.Kind != jsonpos.Null {
			d.atTop(g, ctx, false, false)
		}
		d.below(v, ctx, false, false)
	}
}

// dropCtx is what the walk knows of the context in effect: the URL of
// the context that decides "id" ("" for another or none; under
// schema.org's "id" is "@id" and "type" "@type"), and the terms embedded
// contexts define, the latest first, as keywords' aliases, as null, or as
// properties, with the context each scopes to its values. Under a context
// it cannot read (one imported or not propagated, a URL other than
// schema.org's) it knows none: every key that is no keyword is read as a
// property, a missed drop rather than a false one, and so are the
// values of every property (opaque: any term may scope a context).
type dropCtx struct {
	url    string
	terms  *dropTerm
	opaque bool
}

// dropTerm is a term an embedded context defines: as an alias of
// keyword, as null (null set), or as a property (keyword ""); scoped is
// the context its definition scopes to its values, if any.
type dropTerm struct {
	term, keyword string
	null          bool
	scoped        *jsonpos.Value
	next          *dropTerm
}

// term is the latest definition of key under c, if any.
func (c dropCtx) term(key string) *dropTerm {
	for t := c.terms; t != nil; t = t.next {
		if t.term == key {
			return t
		}
	}
	return nil
}

// property is the context a value of property key is expanded under: c
// with the context key's definition scopes to it processed.
func (c dropCtx) property(key string) dropCtx {
	if c.opaque {
		return dropCtx{opaque: true}
	}
	if t := c.term(key); t != nil && t.scoped != nil {
		return contextAfter(c, t.scoped)
	}
	return c
}

// typed is the context of node v under c: a type whose term scopes a
// context applies it to the node (and not below), which the walk does
// not: it reads the node as under a context it cannot read.
func (c dropCtx) typed(v *jsonpos.Value) dropCtx {
	if c.terms == nil {
		return c
	}
	for _, m := range v.Members {
		if kw, _ := c.keyword(m.Key); kw != "@type" {
			continue
		}
		types := []*jsonpos.Value{m.Value}
		if m.Value.Kind == jsonpos.Array {
			types = m.Value.Items
		}
		for _, t := range types {
			if t.Kind == jsonpos.String {
				if d := c.term(t.String); d != nil && d.scoped != nil {
					return dropCtx{opaque: true}
				}
			}
		}
	}
	return c
}

// schemaOrgCtx is schema.org's context.
var schemaOrgCtx = dropCtx{url: schemaOrgURL}

// keyword is the keyword key expands to under c ("" for a property),
// and null whether c defines it as null (expansion drops it).
func (c dropCtx) keyword(key string) (kw string, null bool) {
	if len(key) > 0 && key[0] == '@' {
		return key, false
	}
	if t := c.term(key); t != nil {
		return t.keyword, t.null
	}
	if ld.IsSchemaOrgContext(c.url) {
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

// contextAfter is the context in effect once @context v is processed on
// ctx: schema.org's URL replaces the URL and defines its own terms anew
// (an earlier definition of one is gone, a scoped context with it),
// another URL leaves a context the walk cannot read, null clears it, an
// array is its items in order, and an object adds its terms (with the
// contexts they scope: see property) unless it imports a context or does
// not propagate (the nodes below may not be in it). "@propagate": true
// changes nothing.
func contextAfter(ctx dropCtx, v *jsonpos.Value) dropCtx {
	switch v.Kind {
	case jsonpos.String:
		if !ld.IsSchemaOrgContext(v.String) {
			return dropCtx{url: v.String, opaque: true}
		}
		out := dropCtx{url: v.String, opaque: ctx.opaque}
		var kept []*dropTerm
		for t := ctx.terms; t != nil; t = t.next {
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
	case jsonpos.Array:
		for _, item := range v.Items {
			ctx = contextAfter(ctx, item)
		}
		return ctx
	case jsonpos.Object:
		if v.Get("@import") != nil {
			return dropCtx{opaque: true}
		}
		if p := v.Get("@propagate"); p != nil && !(p.Kind == jsonpos.Bool && p.Bool) {
			return dropCtx{opaque: true}
		}
		for _, m := range v.Members {
			if len(m.Key) > 0 && m.Key[0] == '@' {
				continue
			}
			t := &dropTerm{term: m.Key, next: ctx.terms}
			def := m.Value
			if def.Kind == jsonpos.Object {
				if sc := def.Get("@context"); sc != nil {
					t.scoped = sc
				}
				def = def.Get("@id")
				if def == nil || m.Value.Get("@reverse") != nil {
					def = &jsonpos.Value{Kind: jsonpos.String} // a property
				}
			}
			switch def.Kind {
			case jsonpos.Null:
				t.null = true
			case jsonpos.String:
				if aliasable[def.String] {
					t.keyword = def.String
				}
			}
			ctx.terms = t
		}
		return ctx
	}
	return dropCtx{}
}

// freeFloating reports whether v, an item at a document's top level, is
// an object JSON-LD drops there that holds keys (a node with only @id, a
// value or list object): the builder reads it, but it is no node.
func freeFloating(v *jsonpos.Value) bool {
	if v.Kind != jsonpos.Object || len(v.Members) == 0 || hasGraphOrSet(v) {
		return false
	}
	ctx := schemaOrgCtx
	if c := v.Get("@context"); c != nil {
		ctx = contextAfter(ctx, c)
	}
	k, dropped := objectKind(v, ctx, false)
	return dropped && k != dropEmpty
}

// hasGraphOrSet reports whether v holds "@graph" or "@set", whose items,
// not v, are what atTop counts.
func hasGraphOrSet(v *jsonpos.Value) bool {
	for _, k := range []string{"@graph", "@set"} {
		if g := v.Get(k); g != nil && g.Kind != jsonpos.Null {
			return true
		}
	}
	return false
}

// findings are the findings of what d counts in the document src holds
// (what: "document", "script block"), one of each kind, placed at its
// first, as the builder tells its values; nodes is whether it holds a
// node, else its objects with nothing in them are told by its "holds no
// node". What states something (a value, a list) is an error, as values
// beside nodes are; what states nothing (an empty object, a node with
// only @id) is a warning, as a script block of {} is.
func (d *dropped) findings(src source, what string, nodes bool) []Finding {
	var fs []Finding
	// one and many name the kind, said of one item or of several.
	add := func(k dropKind, sev Severity, one, many [2]string, fix string) {
		n := d.n[k]
		if n == 0 {
			return
		}
		msg := fmt.Sprintf("the %s holds 1 %s at the top of a graph (its own, or a node's @graph), which JSON-LD drops: %s", what, one[0], one[1])
		if n > 1 {
			msg = fmt.Sprintf("the %s holds %d %s at the top of a graph (its own, or a node's @graph; the first here), which JSON-LD drops: %s", what, n, many[0], many[1])
		}
		fs = append(fs, Finding{Severity: sev, Rule: RuleJSONLDSyntax, Node: what, Pos: src.pos(d.first[k]), Message: msg, Fix: fix})
	}
	if nodes {
		add(dropEmpty, Warning,
			[2]string{"object with nothing in it ({})", "it states nothing"},
			[2]string{"objects with nothing in them ({})", "they state nothing"},
			"remove the empty objects")
	}
	add(dropIDOnly, Warning,
		[2]string{"node with only @id", "it states nothing"},
		[2]string{"nodes with only @id", "they state nothing"},
		`describe the node ("@type" and its properties), refer to it from a node's property, or remove it`)
	add(dropValue, Error,
		[2]string{"@value object", "search engines never see its value"},
		[2]string{"@value objects", "search engines never see their values"},
		"put each value in a node's property, or remove it")
	add(dropList, Error,
		[2]string{"@list object", "search engines never see its values"},
		[2]string{"@list objects", "search engines never see their values"},
		"put each list in a node's property, or remove it")
	add(dropScalar, Error,
		[2]string{"value that is not a node", "search engines never see it"},
		[2]string{"values that are not nodes", "search engines never see them"},
		"put each fact in a node's property, or remove the stray values")
	return fs
}

// TellDropped adds to g the findings of what JSON-LD drops in data, the
// JSON-LD document g was read from, named file, where g was not read
// from its markup: pipeline reads a document in linked data's form (a
// flattened "@graph", an expanded array) from its statements, after the
// JSON-LD processor dropped those items in silence (a node with only @id
// among a flattened graph's nodes, an expanded @value object). Load
// tells them of what it reads, and then this does nothing. The text is
// read an item of its top-level array or "@graph" at a time, never made
// a tree whole; a document that is neither is left alone (linked data's
// form is one of them).
func (g *Graph) TellDropped(data []byte, file string) {
	if g.markup {
		return
	}
	data = bytes.TrimPrefix(data, bom)
	d, ok := scanDropped(data)
	if !ok || d.none() {
		return
	}
	nodes := slices.ContainsFunc(g.Nodes, func(n *Node) bool { return n.Described })
	src := source{file: file, data: data, idx: diag.NewIndex(data), line0: 1, positioned: true}
	g.Problems = append(g.Problems, d.findings(src, "document", nodes)...)
}

// none reports whether d counts nothing.
func (d *dropped) none() bool { return d.n == [dropKinds]int{} }

// scanDropped is findDropped for a document data whose top level is an
// array, or an object with a "@graph" array, read an item at a time: an
// object that holds two keys or more of a node (see keptNode), none of
// them "@graph" or "@included" anywhere in it (nor an escape), is a node
// JSON-LD keeps with nothing below it dropped, told without being
// parsed; any other item is parsed alone (jsonpos) and walked. The top
// object's @context, which is in effect for every item wherever it is
// written (after the items too), is read first, skipping the rest.
// Values among the "@graph"'s items are not counted, as a "@graph" beside
// a @context alone counts them (linked data's form holds none). ok is
// false for any other document, or text that is not JSON.
func scanDropped(data []byte) (d dropped, ok bool) {
	if !json.Valid(data) {
		return d, false
	}
	var ctx dropCtx
	// walk counts what the value at data[at:end] holds; top is set for
	// an item at the top of the graph.
	walk := func(at, end int, top bool) bool {
		item := data[at:end]
		if top && keptNode(item, ctx) || !top && !mayHoldGraph(item) {
			return true
		}
		v, err := jsonpos.Parse(item)
		if err != nil {
			return false
		}
		d.base = at
		if top {
			d.atTop(v, ctx, false, true)
		} else {
			d.inside(v, ctx)
		}
		return true
	}
	i := skipSpace(data, 0)
	switch {
	case i < len(data) && data[i] == '[':
		// A top-level array's items hold their own contexts.
		ok := eachItem(data, i, func(at, end int) bool { return walk(at, end, true) })
		return d, ok
	case i < len(data) && data[i] == '{':
	default:
		return d, false
	}
	seen := map[string]bool{}
	ok = eachMember(data, i, func(raw []byte, at, end int) bool {
		key, ok := memberKey(raw)
		if !ok || seen[key] {
			return false // read as its last writing: left alone
		}
		seen[key] = true
		if key == "@context" {
			v, err := jsonpos.Parse(data[at:end])
			if err != nil {
				return false
			}
			ctx = contextAfter(dropCtx{}, v)
		}
		return true
	})
	if !ok {
		return d, false
	}
	graph := false
	ok = eachMember(data, i, func(raw []byte, at, end int) bool {
		key, _ := memberKey(raw)
		switch {
		case key == "@graph" && data[at] == '[':
			graph = true
			return eachItem(data, at, func(at, end int) bool { return walk(at, end, true) })
		case key == "@context":
			return true
		case key == "@graph", key == "@included":
			// An object as @graph (linked data's form holds none), or
			// the top object's own included nodes.
			return walk(at, end, true)
		}
		return walk(at, end, false)
	})
	if !ok || !graph {
		return d, false
	}
	return d, true
}

// memberKey is the key raw (as written between its quotes) spells.
func memberKey(raw []byte) (string, bool) {
	key := string(raw)
	if bytes.IndexByte(raw, '\\') >= 0 && json.Unmarshal(append(append([]byte{'"'}, raw...), '"'), &key) != nil {
		return "", false
	}
	return key, true
}

// keptNode reports whether item, a JSON value, is a node object JSON-LD
// keeps at the top of a graph under ctx, with nothing below it that it
// drops: two keys or more whose values are not null, none of them
// @value, @list, @set, @nest, @reverse or an "@type" of [] (nor a term
// ctx aliases to a keyword but @id and @type, or defines as null), nor
// written twice, no @context of its own, and no "@graph" or "@included"
// in it, nor an escape that could spell one. Any other is parsed.
func keptNode(item []byte, ctx dropCtx) bool {
	if item[0] != '{' || mayHoldGraph(item) {
		return false
	}
	keys := 0
	var seen [][]byte
	ok := eachMember(item, 0, func(key []byte, at, end int) bool {
		// A key written twice is read as its last writing, which may
		// leave fewer keys (or a null): parsed, as a whole document is.
		for _, k := range seen {
			if bytes.Equal(k, key) {
				return false
			}
		}
		if seen = append(seen, key); len(seen) > 64 {
			return false
		}
		kw, null := ctx.keyword(string(key))
		switch {
		case null:
			return false
		case kw == "@type":
			if item[at] == '[' && item[skipSpace(item, at+1)] == ']' {
				return false
			}
		case kw != "" && kw != "@id":
			return false // @context, @value, @list, @set, @nest, @reverse
		}
		if string(item[at:end]) != "null" {
			keys++
		}
		return true
	})
	return ok && keys >= 2
}

// mayHoldGraph reports whether value may hold a "@graph" or an
// "@included" (or an escape that could spell one).
func mayHoldGraph(value []byte) bool {
	return bytes.Contains(value, []byte(`"@graph"`)) || bytes.Contains(value, []byte(`"@included"`)) || bytes.IndexByte(value, '\\') >= 0
}

// eachItem calls f with the start and end of each item of the array
// that opens at data[i], valid JSON, and reports whether every call
// returned true.
func eachItem(data []byte, i int, f func(at, end int) bool) bool {
	i = skipSpace(data, i+1)
	if data[i] == ']' {
		return true
	}
	for {
		end := valueEnd(data, i)
		if !f(i, end) {
			return false
		}
		i = skipSpace(data, end)
		if data[i] == ']' {
			return true
		}
		i = skipSpace(data, i+1) // ,
	}
}

// eachMember calls f with the key (as written, between its quotes),
// and the start and end of the value, of each member of the object that
// opens at data[i], valid JSON, and reports whether every call returned
// true.
func eachMember(data []byte, i int, f func(key []byte, at, end int) bool) bool {
	i = skipSpace(data, i+1)
	if data[i] == '}' {
		return true
	}
	for {
		kend := stringEnd(data, i)
		key := data[i+1 : kend]
		i = skipSpace(data, kend+1)
		i = skipSpace(data, i+1) // :
		end := valueEnd(data, i)
		if !f(key, i, end) {
			return false
		}
		i = skipSpace(data, end)
		if data[i] == '}' {
			return true
		}
		i = skipSpace(data, i+1) // ,
	}
}

// skipSpace is the offset of the first byte of data from i on that is
// not JSON's white space.
func skipSpace(data []byte, i int) int {
	for i < len(data) && (data[i] == ' ' || data[i] == '\t' || data[i] == '\n' || data[i] == '\r') {
		i++
	}
	return i
}

// valueEnd is the offset just past the JSON value that starts at
// data[i], valid JSON.
func valueEnd(data []byte, i int) int {
	switch data[i] {
	case '"':
		return stringEnd(data, i) + 1
	case '{', '[':
		depth := 0
		for j := i; j < len(data); j++ {
			switch data[j] {
			case '"':
				j = stringEnd(data, j)
			case '{', '[':
				depth++
			case '}', ']':
				if depth--; depth == 0 {
					return j + 1
				}
			}
		}
		return len(data)
	}
	j := i
	for j < len(data) {
		switch data[j] {
		case ' ', '\t', '\r', '\n', ',', ']', '}':
			return j
		}
		j++
	}
	return j
}

// stringEnd is the offset of the quote that closes the string whose
// opening quote is at data[i].
func stringEnd(data []byte, i int) int {
	for j := i + 1; j < len(data); j++ {
		switch data[j] {
		case '"':
			return j
		case '\\':
			j++ // the escaped byte
		}
	}
	return len(data)
}

// schemaOrgURL stands for the schema.org context, under which "id" is
// "@id".
const schemaOrgURL = "https://schema.org"

// afterColon is the byte that starts the value after the key whose end
// is at offset off of data: after white space and the colon.
func afterColon(data []byte, off int) byte {
	for ; off < len(data); off++ {
		switch c := data[off]; c {
		case ' ', '\t', '\n', '\r', ':':
		default:
			return c
		}
	}
	return 0
}
