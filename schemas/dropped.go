package schemas

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"

	"github.com/film2ld/film2ld/ld/diag"

	"github.com/film2ld/film2ld/ld"
	"github.com/film2ld/film2ld/schemas/internal/jsonpos"
)

// dropKind is a kind of item JSON-LD's expansion drops where it stands at
// the top of a graph (the document's, or a node's "@graph"): JSON-LD 1.1
// API, Expansion Algorithm steps 13.4.6, 19 and 20, jsonld.js's "empty
// object", "object with only @id", "object with only @value", "object
// with only @list" and "free-floating scalar" events.
type dropKind int

const (
	dropEmpty  dropKind = iota // {} (or keys whose values are null)
	dropIDOnly                 // a node with only @id
	dropValue                  // a value object
	dropList                   // a list object
	dropScalar                 // a value that is no object, in a node's @graph
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
	d.atTop(v, "", true, true)
	return d
}

// atTop counts what JSON-LD drops of v, which stands at the top of a
// graph under the context ctx (see contextAfter), and reports whether v
// is an object dropped whole. doc is set for the document and the items
// of its top-level array, counted for the values the builder counts
// (see builder.document): those and the items of a "@graph" beside a
// @context alone among them.
func (d *dropped) atTop(v *jsonpos.Value, ctx string, doc, counted bool) bool {
	switch v.Kind {
	case jsonpos.Array:
		// JSON-LD flattens an array in an array.
		for _, item := range v.Items {
			d.atTop(item, ctx, doc, counted)
		}
		return false
	case jsonpos.Object:
	default:
		if !counted || d.everyValue {
			d.add(dropScalar, v.Offset)
		}
		return false
	}
	if c := v.Get("@context"); c != nil {
		ctx = contextAfter(ctx, c)
	}
	graphGone := false
	if g := v.Get("@graph"); g != nil && g.Kind != jsonpos.Null {
		// A graph object, or a node with a graph: its graph's items
		// are at the top of a graph too. A "@graph" whose one object
		// is dropped is none (an array of them is an empty one), and
		// what holds it is read without it.
		gone := d.atTop(g, ctx, false, doc && onlyKeys(v, "@context", "@graph"))
		if g.Kind != jsonpos.Object || !gone {
			d.below(v, ctx, true)
			return false
		}
		graphGone = true
	}
	if set := v.Get("@set"); set != nil && set.Kind != jsonpos.Null {
		// A set object is its items, each where the set stands (the
		// builder reads it as a node, and counts none of its values);
		// one of an object dropped is an object with nothing in it.
		if d.atTop(set, ctx, false, false) && set.Kind == jsonpos.Object {
			d.add(dropEmpty, v.Offset)
			return true
		}
		return false
	}
	keys, id, value, list := 0, false, false, false
	for _, m := range v.Members {
		if m.Key == "@context" || m.Value.Kind == jsonpos.Null || m.Key == "@graph" && graphGone {
			continue
		}
		keys++
		switch {
		case m.Key == "@id" || m.Key == "id" && ld.IsSchemaOrgContext(ctx):
			id = true
		case m.Key == "@value":
			value = true
		case m.Key == "@list":
			list = true
		}
	}
	switch {
	case value:
		d.add(dropValue, v.Offset)
	case list:
		d.add(dropList, v.Offset)
		// jsonld.js expands the list's items where the list stands,
		// so drops those it would drop there too, values and all.
		d.atTop(v.Get("@list"), ctx, false, false)
	case keys == 0:
		d.add(dropEmpty, v.Offset)
	case keys == 1 && id:
		d.add(dropIDOnly, v.Offset)
	default:
		d.below(v, ctx, true)
		return false
	}
	return true
}

// below counts what JSON-LD drops in the "@graph" of the nodes inside
// v's members (its own "@graph" is atTop's), under the context ctx; a
// value object holds no node. top is set for a node at the top of a
// graph, whose "@included" items JSON-LD reads as standing where it
// stands (jsonld.js expands them under the node's own active property):
// dropped alike. (The builder counts their values.)
func (d *dropped) below(v *jsonpos.Value, ctx string, top bool) {
	for _, m := range v.Members {
		switch {
		case m.Key == "@context" || m.Key == "@graph" || m.Key == "@value":
		case m.Key == "@included" && top:
			d.atTop(m.Value, ctx, false, true)
		default:
			d.inside(m.Value, ctx)
		}
	}
}

// inside looks for nodes with a "@graph" in v, a value of a property
// (or of @included, @reverse, @list), where nothing is dropped.
func (d *dropped) inside(v *jsonpos.Value, ctx string) {
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
		if g := v.Get("@graph"); g != nil && g.Kind != jsonpos.Null {
			d.atTop(g, ctx, false, false)
		}
		d.below(v, ctx, false)
	}
}

// contextAfter is ld's rule for the context in effect once @context c is
// processed on the context of URL ctx ("" for another or none), as far as
// "id" is concerned (see ld.FreeFloatingTop): a URL replaces it, null
// clears it, an array is its items in order, and an object keeps it
// unless it defines "id", imports a context or says whether it
// propagates.
func contextAfter(ctx string, c *jsonpos.Value) string {
	switch c.Kind {
	case jsonpos.String:
		return c.String
	case jsonpos.Array:
		for _, item := range c.Items {
			ctx = contextAfter(ctx, item)
		}
		return ctx
	case jsonpos.Object:
		for _, k := range []string{"id", "@import", "@propagate"} {
			if c.Get(k) != nil {
				return ""
			}
		}
		return ctx
	}
	return ""
}

// freeFloating reports whether v, an item at a document's top level, is
// an object JSON-LD drops there that holds keys (a node with only @id, a
// value or list object): the builder reads it, but it is no node.
func freeFloating(v *jsonpos.Value) bool {
	if v.Kind != jsonpos.Object || len(v.Members) == 0 {
		return false
	}
	var d dropped
	d.atTop(v, schemaOrgURL, false, true)
	return d.n[dropIDOnly]+d.n[dropValue]+d.n[dropList] > 0 && !hasGraphOrSet(v)
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
// array, or an object with a "@graph", read an item at a time. Each item
// of the "@graph" is counted under both readings of "id" (the context in
// effect, which decides, may be written after the items), and the top
// object's @context picks one at the end. ok is false for any other
// document, or text that is not JSON.
func scanDropped(data []byte) (d dropped, ok bool) {
	dec := json.NewDecoder(bytes.NewReader(data))
	tok, err := dec.Token()
	if err != nil {
		return d, false
	}
	// next reads the next value, at its place in data.
	next := func() (*jsonpos.Value, int, bool) {
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return nil, 0, false
		}
		v, err := jsonpos.Parse(raw)
		if err != nil {
			return nil, 0, false
		}
		return v, int(dec.InputOffset()) - len(raw), true
	}
	switch tok {
	case json.Delim('['):
		for dec.More() {
			v, base, ok := next()
			if !ok {
				return d, false
			}
			d.base = base
			d.atTop(v, "", true, true)
		}
		return d, true
	case json.Delim('{'):
	default:
		return d, false
	}
	var schemaOrg, other dropped // "id" read as @id, or not
	var ctx *jsonpos.Value
	graph := false
	for dec.More() {
		tok, err := dec.Token()
		key, isKey := tok.(string)
		if err != nil || !isKey {
			return d, false
		}
		if key == "@graph" && afterColon(data, int(dec.InputOffset())) == '[' {
			graph = true
			dec.Token() // [
			for dec.More() {
				v, base, ok := next()
				if !ok {
					return d, false
				}
				schemaOrg.base, other.base = base, base
				schemaOrg.atTop(v, schemaOrgURL, false, true)
				other.atTop(v, "", false, true)
			}
			if _, err := dec.Token(); err != nil { // ]
				return d, false
			}
			continue
		}
		v, base, ok := next()
		if !ok {
			return d, false
		}
		schemaOrg.base, other.base = base, base
		switch key {
		case "@context":
			ctx = v
		case "@graph":
			graph = true
			schemaOrg.atTop(v, schemaOrgURL, false, true)
			other.atTop(v, "", false, true)
		case "@included":
			// The top object's: at the top of the graph, as it is.
			schemaOrg.atTop(v, schemaOrgURL, false, true)
			other.atTop(v, "", false, true)
		default:
			schemaOrg.inside(v, schemaOrgURL)
			other.inside(v, "")
		}
	}
	if !graph {
		return d, false
	}
	if ctx != nil && ld.IsSchemaOrgContext(contextAfter("", ctx)) {
		return schemaOrg, true
	}
	return other, true
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
