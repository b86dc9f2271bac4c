package ld

import (
	"encoding/json"
	"io"
)

// WriteWalked writes a JSON-LD document read from a file (as Read decodes
// it) as N-Quads, canonical N-Quads, Turtle, TriG, SPARQL Update, or
// expanded or flattened JSON-LD by the direct walk alone (see
// WriteDirect): Write's bytes, without the copies
// of the document the general path makes (a normalised copy, json-gold's
// clone, its expansion and node map: 550 MB and 6 s for the 14.6 MB of
// JSON-LD of a page of 50,000 reviews). ok is false, and nothing is
// written, for another format, where opts or p's configuration rule the
// walk out, and for a document outside the walk's shape; Union and Write
// then give the output, or the error.
//
// Two shapes are walked, each under the schema.org context alone: a
// "@graph" of nodes, and a node at the top (a page's markup, film2ld's web
// snippet), which expansion reads as the same graph of that one node.
//
// Numbers decoded as json.Number are replaced in doc by the double the
// general path's reading gives them (normalize); where one has none (too
// large, too small, an integer past 2^53 that would change), ok is false
// and the general path reports it. Numbers replaced before it read the
// same either way.
func (p *Processor) WriteWalked(w io.Writer, doc any, f Format, opts Options) (ok bool, err error) {
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
	default:
		return false, nil
	}
	top, isMap := doc.(map[string]any)
	if !isMap || !schemaOrgContext(top["@context"]) || !toDoubles(top) {
		return false, nil
	}
	view := top
	if _, hasGraph := top["@graph"]; !hasGraph || len(top) != 2 {
		// A node at the top: the node alone, in a graph of its own.
		// (With "@graph" and other keys, it is a named graph's node.)
		node := make(map[string]any, len(top)-1)
		for k, v := range top {
			if k != "@context" {
				node[k] = v
			}
		}
		view = map[string]any{"@context": top["@context"], "@graph": []any{node}}
	}
	if f == FormatExpanded {
		// Written as the view is walked, once a first walk has taken
		// it (as WriteDirect writes it).
		c, err := p.contexts()
		if err != nil || !p.directAllowed(opts) {
			return false, nil
		}
		err, walked := writeDirectExpanded(w, c.expand, view, p.cfg.SortMemory)
		return walked, err
	}
	wk, c, walked := p.walkView(view, opts, mode)
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
		f, err := numberValue(n, "", false, nil)
		return f, true, err == nil
	}
	return e, false, toDoubles(e)
}
