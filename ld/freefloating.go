package ld

import (
	"fmt"
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
// the top of doc, a decoded JSON-LD document (Read's): see FreeFloating. The
// keys are read as keywords where they are spelled as keywords, and
// "id" as "@id" under the schema.org context (which aliases it) when
// the context in effect is its URL (given alone, or in an array whose
// later items leave "id" as it is, as ["https://schema.org", {"@language":
// "en"}] does); a key that expands to nothing under --lenient is not
// seen, and neither is an alias of another context.
func FreeFloatingTop(doc any) FreeFloating {
	var d FreeFloating
	top := ""
	if m, ok := doc.(map[string]any); ok {
		if c, ok := m["@context"]; ok {
			top = contextAfter(top, c)
		}
	}
	var items func(list []any, at, ctx string)
	var object func(m map[string]any, at, ctx string)
	items = func(list []any, at, ctx string) {
		for i, it := range list {
			p := fmt.Sprintf("%s/%d", at, i)
			switch it := it.(type) {
			case []any:
				// JSON-LD flattens an array in an array.
				items(it, p, ctx)
			case map[string]any:
				object(it, p, ctx)
			}
		}
	}
	object = func(m map[string]any, at, ctx string) {
		if c, ok := m["@context"]; ok {
			ctx = contextAfter(ctx, c)
		}
		if g, ok := m["@graph"]; ok {
			// Its graph's items are at the top of a graph too, the
			// object a node of its own or a graph object.
			if list, ok := g.([]any); ok {
				items(list, at+"/@graph", ctx)
			} else if gm, ok := g.(map[string]any); ok {
				object(gm, at+"/@graph", ctx)
			}
			return
		}
		if set, ok := m["@set"]; ok {
			// A set object is its items, each at the top as it is.
			if list, ok := set.([]any); ok {
				items(list, at+"/@set", ctx)
			} else if sm, ok := set.(map[string]any); ok {
				object(sm, at+"/@set", ctx)
			}
			return
		}
		switch freeFloatingKind(m, ctx) {
		case "@id":
			if d.IDOnly == 0 {
				d.FirstIDOnly = at
			}
			d.IDOnly++
		case "@value":
			if d.Values == 0 {
				d.FirstValue = at
			}
			d.Values++
		case "@list":
			if d.Lists == 0 {
				d.FirstList = at
			}
			d.Lists++
		}
	}
	switch v := doc.(type) {
	case []any:
		items(v, "", top)
	case map[string]any:
		object(v, "", top)
	}
	return d
}

// freeFloatingKind is "@id", "@value" or "@list" for an object expansion drops
// at the top of a graph, else "": its keys read as keywords (ctx the URL
// of its context, "" for another or none), @context and keys whose value
// is null not counted, as expansion does not keep them.
func freeFloatingKind(m map[string]any, ctx string) string {
	keys, id := 0, false
	for k, v := range m {
		if k == "@context" || v == nil {
			continue
		}
		if k == "id" && IsSchemaOrgContext(ctx) {
			k = "@id"
		}
		switch k {
		case "@value", "@list":
			return k
		case "@id":
			id = true
		}
		keys++
	}
	if keys == 1 && id {
		return "@id"
	}
	return ""
}

// contextAfter is the URL of the context in effect once @context c is
// processed on the context of URL ctx ("" for another or none), as far as
// "id" is concerned: a URL replaces it, null clears it, an array is its
// items in order, and a map keeps it unless it defines "id", imports a
// context (which may) or says whether it propagates. An object's own context adds to the one it is in,
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
		return ctx
	default: // null, or what expansion refuses
		return ""
	}
}
