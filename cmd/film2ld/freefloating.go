package main

import "github.com/film2ld/film2ld/ld"

// warnFreeFloating says, for each decoded JSON-LD document of the input
// display, what JSON-LD's expansion drops at its top without a word (a
// node with only @id, a value or list object: ld.FreeFloatingTop), one
// warning counting each kind and naming where its first is (display is
// FILE, or FILE:LINE for a page's block). The output
// is what JSON-LD (jsonld.js) gives, without them; convert wrote it
// with no word (issue 12). Objects with nothing in them and values are
// checkStrayValues'.
func (e *env) warnFreeFloating(docs []any, display string) {
	for _, d := range docs {
		f := ld.FreeFloatingTop(d)
		n := f.Count()
		if n == 0 {
			continue
		}
		e.warnf("%s: the top level holds %d %s that JSON-LD drops, giving no statement: %s", display, n, plural(n, "object"), f)
	}
}
