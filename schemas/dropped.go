package schemas

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"

	"github.com/film2ld/film2ld/ld"
	"github.com/film2ld/film2ld/ld/diag"
	"github.com/film2ld/film2ld/schemas/internal/jsonpos"
)

// dropKind is a kind of item JSON-LD's expansion drops where it stands at
// the top of a graph (the document's, or a node's "@graph"), without a
// word: jsonld.js tells them only to an event handler, as "empty
// object", "object with only @id", "object with only @value", "object
// with only @list" and "free-floating scalar". The rules are ld's
// (ld.DropWalk), which convert and load apply too.
type dropKind = ld.DropKind

const (
	dropEmpty  = ld.DropEmpty  // {} (or keys whose values are null)
	dropIDOnly = ld.DropIDOnly // a node with only @id
	dropValue  = ld.DropValue  // a value object
	dropList   = ld.DropList   // a list object
	dropScalar = ld.DropScalar // a value that is no object (the builder counts the top level's)
	dropKinds  = ld.DropKinds
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
	d.atTop(v, ld.DropContext{}, true, true)
	return d
}

// atTop counts what JSON-LD drops of v, which stands at the top of a
// graph under the context ctx, and reports whether v is an object dropped
// whole (ld.DropWalk.AtTop, d the view). doc is set for the document and
// the items of its top-level array, counted for the values the builder
// counts (see builder.document): those and the items of a "@graph" beside
// a @context alone among them.
func (d *dropped) atTop(v *jsonpos.Value, ctx ld.DropContext, doc, counted bool) bool {
	w := ld.DropWalk[*jsonpos.Value, *dropped]{View: d}
	return w.AtTop(v, ctx, doc, counted)
}

// inside counts what JSON-LD drops in v, a value of a property (or of
// @included, @reverse, @list), where nothing is dropped but in a node's
// "@graph".
func (d *dropped) inside(v *jsonpos.Value, ctx ld.DropContext) {
	w := ld.DropWalk[*jsonpos.Value, *dropped]{View: d}
	w.Inside(v, ctx)
}

// Kind is v's JSON type (ld.DropView).
func (*dropped) Kind(v *jsonpos.Value) ld.JSONKind {
	switch v.Kind {
	case jsonpos.Object:
		return ld.JSONObject
	case jsonpos.Array:
		return ld.JSONArray
	case jsonpos.String:
		return ld.JSONString
	case jsonpos.Null:
		return ld.JSONNull
	}
	return ld.JSONScalar
}

// Len is the length of array v.
func (*dropped) Len(v *jsonpos.Value) int { return len(v.Items) }

// Item is item i of array v.
func (*dropped) Item(v *jsonpos.Value, i int) *jsonpos.Value { return v.Items[i] }

// Members appends the members of object v to buf, in document order.
func (*dropped) Members(v *jsonpos.Value, buf []ld.DropMember[*jsonpos.Value]) []ld.DropMember[*jsonpos.Value] {
	for _, m := range v.Members {
		buf = append(buf, ld.DropMember[*jsonpos.Value]{Key: m.Key, Value: m.Value, Kind: (*dropped)(nil).Kind(m.Value)})
	}
	return buf
}

// Str is string v.
func (*dropped) Str(v *jsonpos.Value) string { return v.String }

// Context is @context v decoded, as ld.DropContext reads it: contexts are
// small, the document is never decoded whole.
func (*dropped) Context(v *jsonpos.Value) any { return decoded(v) }

// decoded is v as encoding/json decodes it into an any.
func decoded(v *jsonpos.Value) any {
	switch v.Kind {
	case jsonpos.Bool:
		return v.Bool
	case jsonpos.Number:
		return v.Number
	case jsonpos.String:
		return v.String
	case jsonpos.Array:
		a := make([]any, len(v.Items))
		for i, it := range v.Items {
			a[i] = decoded(it)
		}
		return a
	case jsonpos.Object:
		m := make(map[string]any, len(v.Members))
		for _, mb := range v.Members {
			m[mb.Key] = decoded(mb.Value)
		}
		return m
	}
	return nil
}

// Drop counts an item of kind k, v, at its offset: a value the builder
// counts (counted) only where everyValue.
func (d *dropped) Drop(k dropKind, v *jsonpos.Value, counted bool) {
	if k == dropScalar && counted && !d.everyValue {
		return
	}
	d.add(k, v.Offset)
}

// GraphCounted is set for the items of a "@graph" beside a @context
// alone in the document (doc), whose values the builder counts.
func (*dropped) GraphCounted(v *jsonpos.Value, doc bool) bool {
	return doc && onlyKeys(v, "@context", "@graph")
}

// IncludedCounted is set for the included values of a node of the
// document's top level (or its top-level array's), the builder's; others'
// are counted here (linked data's form, which scanDropped reads item by
// item and no builder reads, and a node in a nested "@graph").
func (*dropped) IncludedCounted(doc bool) bool { return doc }

// Enter does nothing: a drop is placed by its value's offset.
func (*dropped) Enter(string, int) {}

// Leave does nothing.
func (*dropped) Leave() {}

// schemaOrgCtx is schema.org's context.
var schemaOrgCtx = ld.DropContext{}.After(schemaOrgURL)

// freeFloating reports whether v, an item at a document's top level, is
// an object JSON-LD drops there that holds keys (a node with only @id, a
// value or list object): the builder reads it, but it is no node. w
// reads it (the builder's: its buffer kept from item to item).
func freeFloating(v *jsonpos.Value, w *ld.DropWalk[*jsonpos.Value, *dropped]) bool {
	if v.Kind != jsonpos.Object || len(v.Members) == 0 || hasGraphOrSet(v) {
		return false
	}
	ctx := schemaOrgCtx
	if c := v.Get("@context"); c != nil {
		ctx = ctx.After(decoded(c))
	}
	if w.View == nil {
		w.View = &dropped{}
	}
	k, dropped := w.ObjectKind(v, ctx)
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
	var ctx ld.DropContext
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
			ctx = ld.DropContext{}.After(decoded(v))
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
func keptNode(item []byte, ctx ld.DropContext) bool {
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
		kw, null := ctx.Keyword(string(key))
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
