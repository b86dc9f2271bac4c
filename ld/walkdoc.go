package ld

import (
	"encoding/json"
	"io"
	"maps"
	"strings"

	"github.com/film2ld/film2ld/ld/internal/jsongold"
)

// WriteWalked writes a JSON-LD document read from a file (as Read decodes
// it) as N-Quads, canonical N-Quads, Turtle, TriG, SPARQL Update, or
// expanded or flattened JSON-LD by the direct walk alone (see
// WriteDirect), or as compact JSON-LD or HTML by WriteDirectJSON's short
// path: Write's bytes, without the copies
// of the document the general path makes (a normalised copy, json-gold's
// clone, its expansion and node map: 550 MB and 6 s for the 14.6 MB of
// JSON-LD of a page of 50,000 reviews). ok is false, and nothing is
// written, for another format, where opts or p's configuration rule the
// walk out, and for a document outside the walk's shape; Union and Write
// then give the output, or the error. One exception: a compact document
// with no root to frame on is written a node at a time
// (writeCompactedNodes), and where a node fails part of the output may
// have been written with ok false; the caller throws it away.
//
// These shapes are walked: under the schema.org context (any of its
// URLs, also repeated on nested nodes), a "@graph" of nodes, a node at the
// top (a page's markup, film2ld's web snippet), which expansion reads as
// the same graph of that one node, and an array of nodes each under the
// context; under no context, expanded JSON-LD (an array of nodes, a
// "@graph" alone, a node). The compact formats take the shapes under the
// context (see writeWalkedJSON).
//
// Numbers decoded as json.Number are replaced in doc by the double the
// general path's reading gives them (normalize); where one has none (too
// large, too small, an integer past 2^53 that would change), ok is false
// and the general path reports it. Numbers replaced before it read the
// same either way.
func (p *Processor) WriteWalked(w io.Writer, doc any, f Format, opts Options) (ok bool, err error) {
	// What ReadLeavingOut left out, expansion drops; the walk reports no
	// place by its index.
	doc = withoutLeftOut(doc)
	mode := walkRDF
	switch f {
	case FormatNQuads, FormatTurtle, FormatTriG, FormatSPARQLUpdate, FormatExpanded:
	case FormatCanonical:
		if p.cfg.GeneralCanonical {
			return false, nil
		}
		mode = walkCanonical
	case FormatFlattened:
		mode = walkFlat
	case FormatJSONLD, FormatHTML:
		return p.writeWalkedJSON(w, doc, f, opts)
	default:
		return false, nil
	}
	c, err := p.contexts()
	if err != nil {
		return false, nil
	}
	base := ""
	if f != FormatExpanded {
		// A page's blocks under its <base> (withPageBase): walked as
		// under the plain context, their references resolved against
		// the base. (Expanded output is written from the view as it
		// is, references and all, so it takes the general path.)
		if plain, b, ok := basedOnPage(doc); ok {
			doc, base = plain, b
		}
	}
	if arr, isArray := doc.([]any); !isArray || !everySchemaOrg(arr) {
		if bare, ok := bareView(doc); ok {
			// Expanded JSON-LD (what jsonld.js's expand and film2ld's -f
			// expanded write): no context, full IRIs.
			if f == FormatExpanded || !toDoubles(bare) {
				return false, nil
			}
			return p.writeWalkedView(w, c, c.bare(), bare, f, mode, opts, "")
		}
	}
	view, _, isView := schemaOrgView(doc)
	if !isView {
		return false, nil
	}
	ctx := c.expand
	if f == FormatExpanded {
		// Written as the view is walked, once a first walk has taken
		// it (as WriteDirect writes it).
		if !p.directAllowed(opts) {
			return false, nil
		}
		err, walked := writeDirectExpanded(w, ctx, view, p.cfg.SortMemory)
		return walked, err
	}
	return p.writeWalkedView(w, c, ctx, view, f, mode, opts, base)
}

// writeWalkedView writes view, a "@graph" of nodes, expanded under ctx,
// in format f by the walk in mode (see WriteWalked), its references
// resolved against base where it is not "".
func (p *Processor) writeWalkedView(w io.Writer, c *contexts, ctx *jsongold.Context, view map[string]any, f Format, mode walkMode, opts Options, base string) (ok bool, err error) {
	if !p.directAllowed(opts) {
		return false, nil
	}
	wk, walked := walkDirect(ctx, view, p.cfg.SortMemory, mode, base)
	switch {
	case !walked:
		return false, nil
	case mode == walkCanonical:
		return true, p.writeCanonicalWalked(w, wk)
	case mode == walkFlat:
		return true, p.writeDirectFlattened(w, c.compact(), wk)
	}
	return true, wk.write(w, f)
}

// writeWalkedJSON writes a document under the schema.org context as
// compact JSON-LD or HTML by WriteDirectJSON's short path: its node map
// built from the compact keys and framed with json-gold's algorithm, with
// no expansion, json-gold node map or compaction (a 14.6 MB snippet took
// 535 MB through them).
//
// Write frames a document with no Root given on the first type of its
// only node that no other refers to. A node at the top (a web snippet, a
// page's markup) with no blank node label is built as export's view is,
// its long lists described lazily, on that node's first type, where the
// built map says nothing refers to it; any other document (a "@graph",
// an array of nodes under the context, labelled blank nodes: flattened
// JSON-LD) by directJSONAuto, which finds the root in the built map.
// Where either declines, nothing is written and Write's path gives the
// output (among others where framing fails, which Write then answers by
// compacting).
func (p *Processor) writeWalkedJSON(w io.Writer, doc any, f Format, opts Options) (ok bool, err error) {
	view, node, ok := schemaOrgView(doc)
	if !ok {
		return false, nil
	}
	if node == nil || hasLabel(node) {
		b, framed, ok := p.directJSONAuto(view, f, opts)
		if !ok && b != nil {
			// No root: each node is compacted on its own.
			return p.writeCompactedNodes(w, view, f, opts)
		}
		if !ok {
			return false, nil
		}
		return true, writeFramedAs(w, b, framed, f)
	}
	id, hasID := node["@id"]
	iri, isString := id.(string)
	_, hasGraph := node["@graph"]
	var root string
	switch t := node["@type"].(type) {
	case string:
		root = t
	case []any:
		if len(t) > 0 {
			root, _ = t[0].(string)
		}
	}
	if hasID && !isString || hasGraph || root == "" {
		return false, nil
	}
	opts.Root = root
	b, framed, ok := p.directJSON(view, f, opts)
	if !ok {
		return false, nil
	}
	if n := b.ids[iri]; hasID && (n == nil || n.referenced) {
		return false, nil
	}
	return true, writeFramedAs(w, b, framed, f)
}

// schemaOrgView returns a document under the schema.org context (any of
// its URLs) as the walks take it, {"@context": "https://schema.org",
// "@graph": [...]}: its "@graph" of nodes; an array of nodes each under
// the context (markup scraped from a page, one object per item), whose
// repeats the walks skip; or a node at the top, which expansion reads as
// a graph of that node alone, given as node too (with "@graph" and other
// keys, it is a named graph's node). Its numbers become doubles
// (toDoubles); ok is false for any other document, or a number that has
// none.
func schemaOrgView(doc any) (view, node map[string]any, ok bool) {
	if arr, isArray := doc.([]any); isArray && everySchemaOrg(arr) {
		doc = map[string]any{"@context": "https://schema.org", "@graph": arr}
	}
	top, isMap := doc.(map[string]any)
	if !isMap || !schemaOrgContext(top["@context"]) || !toDoubles(top) {
		return nil, nil, false
	}
	if graph, hasGraph := top["@graph"]; hasGraph && len(top) == 2 {
		return map[string]any{"@context": "https://schema.org", "@graph": graph}, nil, true
	}
	node = make(map[string]any, len(top)-1)
	for k, v := range top {
		if k != "@context" {
			node[k] = v
		}
	}
	return map[string]any{"@context": "https://schema.org", "@graph": []any{node}}, node, true
}

// basedOnPage returns, for a node or an array of nodes each under
// ["https://schema.org" (any of its URLs), {"@base": B}] with one
// absolute, hierarchical B (a page's <base>, which withPageBase gives
// every node of its blocks), a copy whose nodes are under the plain
// context, and B; ok is false for any other document. doc is left as it
// is: the general path reads it where the walk declines. (Under such
// contexts every node was expanded by json-gold, its context parsed for
// each: 23 s for a 9.6 MB page of 60,000 nodes.)
func basedOnPage(doc any) (plain any, base string, ok bool) {
	one := func(v any) (map[string]any, bool) {
		m, isMap := v.(map[string]any)
		if !isMap {
			return nil, false
		}
		ctx, isList := m["@context"].([]any)
		if !isList || len(ctx) != 2 {
			return nil, false
		}
		url, isString := ctx[0].(string)
		def, isMap := ctx[1].(map[string]any)
		if !isString || !IsSchemaOrgContext(url) || !isMap || len(def) != 1 {
			return nil, false
		}
		b, isString := def["@base"].(string)
		if !isString || base != "" && b != base || !hierarchicalBase(b) {
			return nil, false
		}
		base = b
		out := maps.Clone(m)
		out["@context"] = url
		return out, true
	}
	switch x := doc.(type) {
	case map[string]any:
		m, ok := one(x)
		return m, base, ok
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			m, ok := one(e)
			if !ok {
				return nil, "", false
			}
			out[i] = m
		}
		return out, base, len(out) > 0
	}
	return nil, "", false
}

// hierarchicalBase reports whether b is an absolute IRI with an
// authority ("scheme://…"), which the walk resolves references against
// as expansion does; another base leaves the document to the general
// path.
func hierarchicalBase(b string) bool {
	i := strings.Index(b, "://")
	return i > 0 && schemeRE().MatchString(b) && takenAbsolute(b) && checkIRI(b, true) == nil
}

// hasLabel reports whether a document labels a blank node ("@id": "_:x").
func hasLabel(v any) bool {
	switch x := v.(type) {
	case map[string]any:
		if id, ok := x["@id"].(string); ok && strings.HasPrefix(id, "_:") {
			return true
		}
		for k, e := range x {
			if k != "@value" && hasLabel(e) {
				return true
			}
		}
	case []any:
		for _, e := range x {
			if hasLabel(e) {
				return true
			}
		}
	}
	return false
}

// everySchemaOrg reports whether every item of a top-level array is a node
// under a schema.org context of its own.
func everySchemaOrg(items []any) bool {
	for _, it := range items {
		m, isMap := it.(map[string]any)
		if !isMap || !schemaOrgContext(m["@context"]) {
			return false
		}
	}
	return len(items) > 0
}

// bareView returns a document without a context at its top as a view
// of one "@graph": an array of nodes, a "@graph" alone, or a node, which
// expansion reads as a graph of that node. ok is false for a document
// with a context at its top (or not a map or an array).
func bareView(doc any) (view map[string]any, ok bool) {
	switch x := doc.(type) {
	case []any:
		return map[string]any{"@graph": x}, true
	case map[string]any:
		if _, hasContext := x["@context"]; hasContext {
			return nil, false
		}
		if _, hasGraph := x["@graph"]; hasGraph && len(x) == 1 {
			return x, true
		}
		return map[string]any{"@graph": []any{x}}, true
	}
	return nil, false
}

// toDoubles replaces the json.Number values in v by their doubles, as
// normalize reads them, and reports whether every one has one.
func toDoubles(v any) bool {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			if d, changed, ok := toDouble(e); !ok {
				return false
			} else if changed {
				x[k] = d
			}
		}
	case []any:
		for i, e := range x {
			if d, changed, ok := toDouble(e); !ok {
				return false
			} else if changed {
				x[i] = d
			}
		}
	}
	return true
}

// toDouble returns a number's double (changed), or replaces the numbers
// inside any other value; ok is false for a number without a double.
func toDouble(e any) (d any, changed, ok bool) {
	if n, isNumber := e.(json.Number); isNumber {
		f, err := numberValue(n, &jsonPath{index: -1}, false, nil)
		return f, true, err == nil
	}
	return e, false, toDoubles(e)
}
