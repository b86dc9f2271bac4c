package main

import "github.com/film2ld/film2ld/ld"

// warnFreeFloating says, for each decoded JSON-LD document of the input
// display, what JSON-LD's expansion drops at the top of a graph (its own,
// a node's @graph) without a word (a node with only @id, a value or list
// object: ld.FreeFloatingTop, jsonld.js's count), one
// warning counting each kind and naming where its first is (display is
// FILE, or FILE:LINE for a page's block). The output
// is what JSON-LD (jsonld.js) gives, without them; convert wrote it
// with no word (issue 12), and load (readDocumentQuads) still did.
// Objects with nothing in them and values are told here at any depth
// but the document's top level, which is checkStrayValues'.
func (e *env) warnFreeFloating(docs []any, display string) {
	for _, d := range docs {
		e.tellFreeFloating(ld.FreeFloatingTop(d), display)
	}
}

// tellFreeFloating is warnFreeFloating's warning of what f counts in the
// document display, if anything.
func (e *env) tellFreeFloating(f ld.FreeFloating, display string) {
	if n := f.Count(); n > 0 {
		what := "object"
		if !f.Objects() {
			what = "item"
		}
		e.warnf("%s: %d %s at the top of a graph (the document's, or a node's @graph) that JSON-LD drops, giving no statement: %s", display, n, plural(n, what), f)
	}
}
