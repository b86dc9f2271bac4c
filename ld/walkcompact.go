package ld

import (
	"io"

	"github.com/film2ld/film2ld/ld/internal/jsongold"
	"github.com/film2ld/film2ld/ld/schemaorg"
)

// writeCompactedNodes writes view, a "@graph" of nodes under the
// schema.org context in which no root is found to frame on (see
// directJSONAuto), in format f (FormatJSONLD or FormatHTML) as Write writes
// it: the document's expansion compacted as it is. Expansion of a "@graph"
// expands each of its nodes alone and compaction of an array compacts each
// item alone, so each node is expanded and compacted by the general path's
// own code on its own, and encoded, before the next one is made. Write
// held the expansion and compaction of the whole beside the document: a
// 20 MB "@graph" of 170,000 Movies took 1.25 GB.
//
// Where a node's expansion or compaction fails, ok is false, and the
// general path gives the error, placed in the whole document; what was
// written before must then be thrown away (see WriteWalked).
func (p *Processor) writeCompactedNodes(w io.Writer, view map[string]any, f Format, opts Options) (ok bool, err error) {
	c, err := p.contexts()
	if err != nil {
		return false, nil
	}
	graph, isList := items(view["@graph"])
	if !isList {
		return false, nil
	}
	e := &treeEncoder{w: w, escapeHTML: f == FormatHTML}
	if f == FormatHTML {
		e.buf = append(e.buf, scriptStart...)
	}
	// Compaction gives one node object as it is, with "@context"; more
	// (or none) go in "@graph". The first is held until a second shows
	// which.
	var first map[string]any
	n, written := 0, 0
	for node := range graph {
		exp, err := p.expand(map[string]any{"@context": schemaorg.ContextURL, "@graph": []any{node}}, opts)
		if err != nil {
			return false, nil
		}
		for _, x := range exp {
			m, ok := compactTop(c, x)
			if !ok {
				return false, nil
			}
			switch n++; n {
			case 1:
				first = m
				continue
			case 2:
				openGraph(e)
				e.nextItem(&written, 2)
				e.value(first, 2)
				first = nil
			}
			e.nextItem(&written, 2)
			e.value(m, 2)
			if e.err != nil {
				return true, e.err
			}
		}
	}
	switch n {
	case 0:
		openGraph(e)
		closeGraph(e, 0)
	case 1:
		first["@context"] = schemaorg.ContextURL
		e.value(first, 0)
	default:
		closeGraph(e, written)
	}
	e.buf = append(e.buf, '\n')
	if f == FormatHTML {
		e.buf = append(e.buf, scriptEnd...)
	}
	e.flush()
	return true, e.err
}

// compactTop compacts x, one node of an expanded document's top level, as
// compactExpanded compacts each item of the document; ok is false where
// json-gold fails or gives something other than a node object.
func compactTop(c *contexts, x any) (m map[string]any, ok bool) {
	var compacted any
	err := guard("compact", func() error {
		var err error
		compacted, err = jsongold.NewJsonLdApi().Compact(c.compact(), "", x, true)
		return err
	})
	m, ok = compacted.(map[string]any)
	return m, err == nil && ok
}
