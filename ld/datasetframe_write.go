package ld

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/film2ld/film2ld/ld/internal/jsongold"
	"github.com/film2ld/film2ld/ld/schemaorg"
)

// The writer of a framePlan (see datasetframe.go): each output is made
// from its node's statements as the general path makes it (fromRDF,
// expansion), its embedded outputs stood in for by placeholders,
// compacted, and written with each placeholder's output in its place.

// frameWriter writes a framePlan's root.
type frameWriter struct {
	*jsonNodeWriter
	fp *framePlan
	// key is frameMarker compacted: the placeholders' key.
	key string
}

// writeFramed writes fp's root, with "@context", and the newline after
// it.
func (jw *jsonNodeWriter) writeFramed(fp *framePlan) error {
	fw := &frameWriter{jsonNodeWriter: jw, fp: fp}
	probe, err := jw.compactNode(map[string]any{frameMarker: []any{map[string]any{"@value": "0"}}}, "a placeholder", "")
	if err != nil {
		return err
	}
	for k := range probe {
		fw.key = k
	}
	if len(probe) != 1 || probe[fw.key] != "0" {
		return fmt.Errorf("%w: a placeholder does not compact to itself", ErrNeedsJSONLD)
	}
	if err := fw.writeOut(fp.root, "", 0); err != nil {
		return err
	}
	e := jw.enc
	e.buf = append(e.buf, '\n')
	return e.err
}

// writeOut writes output o, compacted with prop as its active property,
// at depth (0: the top, with "@context").
func (fw *frameWriter) writeOut(o *frameOut, prop string, depth int) error {
	jw, fp, d := fw.jsonNodeWriter, fw.fp, fw.d
	n := fp.nodeOf(o.node)
	what := fp.label(o.node)
	m := map[string]any{}
	if !fp.cleared(o.node) {
		m["@id"] = what
	}
	var kids []*frameOut
	if n != nil {
		exp, err := fw.expandedOf(o.node, n, what)
		if err != nil {
			return err
		}
		if t, ok := exp["@type"]; ok {
			m["@type"] = t
		}
		// The properties: runs of statements past the types.
		// Each run's values as expansion and the node map give them:
		// as many as the plan's, or the plan's items would point at
		// others.
		var iris []string
		var vals [][]any
		var runs []int
		for pos := int(n.types); pos < len(n.stmts); pos++ {
			iri := d.terms[d.quads[n.stmts[pos]].p].value()
			if len(iris) == 0 || iri != iris[len(iris)-1] {
				iris = append(iris, iri)
				runs = append(runs, 0)
			}
			runs[len(runs)-1]++
		}
		if countKeys(exp) != len(iris) {
			return fmt.Errorf("%w: a node of %s does not map as the dataset's", ErrNeedsJSONLD, what)
		}
		for k, iri := range iris {
			v, ok := dedupValues(asList(exp[iri]))
			if !ok || len(v) != runs[k] {
				return fmt.Errorf("%w: a node of %s does not map as the dataset's", ErrNeedsJSONLD, what)
			}
			vals = append(vals, v)
			m[iri] = make([]any, 0, len(v))
		}
		for _, it := range o.items {
			var item any
			switch {
			case it.child == nil && !it.ref:
				item = vals[it.prop][it.val]
			case it.child == nil:
				item = fp.reference(it.val)
			case fp.nodeOf(it.child.node) == nil:
				// Framing outputs a node with no statements as
				// {"@id": …}: a reference.
				item = fp.reference(it.child.node)
			default:
				ph := fp.reference(it.child.node)
				ph[frameMarker] = []any{map[string]any{"@value": strconv.Itoa(len(kids))}}
				kids = append(kids, it.child)
				item = ph
			}
			m[iris[it.prop]] = append(m[iris[it.prop]].([]any), item)
		}
	}
	compacted, err := jw.compactNode(m, what, prop)
	if err != nil {
		return err
	}
	var clean any
	err = guard("frame", func() error {
		var err error
		clean, err = jsongold.RemovePreserve(jw.ctx, compacted, nil, true)
		return err
	})
	cm, isMap := clean.(map[string]any)
	if err != nil || !isMap {
		return fmt.Errorf("%w: a node of %s does not compact as the dataset's (%v)", ErrNeedsJSONLD, what, err)
	}
	if depth == 0 {
		cm["@context"] = schemaorg.ContextURL
	}
	found := 0
	if err := fw.writeWithKids(cm, depth, kids, &found); err != nil {
		return err
	}
	if found != len(kids) {
		return fmt.Errorf("%w: the nodes embedded in %s do not compact in place", ErrNeedsJSONLD, what)
	}
	return jw.enc.err
}

// expandedOf returns node id's expanded node object as the general path
// makes it. Of several inputs, each one's statements of it are made and
// expanded as Union expands that input (its blank nodes relabelled), and
// their types and values joined in input order, as node map generation
// joins them (repeated types once; repeated values are dropped by the
// caller, dedupValues).
func (fw *frameWriter) expandedOf(id uint32, n *frameNode, what string) (map[string]any, error) {
	d := fw.d
	if len(d.docs) == 1 {
		node, count := fw.fromRDF(d.srcName(id), n.stmts)
		return fw.expandedNode(0, node, what, count)
	}
	merged := map[string]any{}
	var part []int32
	for doc, start := range d.docs {
		end := len(d.quads)
		if doc+1 < len(d.docs) {
			end = d.docs[doc+1]
		}
		part = part[:0]
		for _, i := range n.stmts {
			if int(i) >= start && int(i) < end {
				part = append(part, i)
			}
		}
		if len(part) == 0 {
			continue
		}
		node, count := fw.fromRDF(d.srcName(id), part)
		exp, err := fw.expandedNode(doc, node, what, count)
		if err != nil {
			return nil, err
		}
		for k, v := range exp {
			switch k {
			case "@id":
			case "@type":
				for _, t := range asList(v) {
					if !slices.Contains(asList(merged[k]), t) {
						merged[k] = append(asList(merged[k]), t)
					}
				}
			default:
				merged[k] = append(asList(merged[k]), asList(v)...)
			}
		}
	}
	return merged, nil
}

// cleared reports whether framing leaves out the @id of node id: a
// blank node output once.
func (fp *framePlan) cleared(id uint32) bool {
	return fp.outputs[id] == 1
}

// reference is framing's output of node id where it is not embedded:
// {"@id": …}, or {} for a blank node output once.
func (fp *framePlan) reference(id uint32) map[string]any {
	if fp.cleared(id) {
		return map[string]any{}
	}
	return map[string]any{"@id": fp.label(id)}
}

// countKeys returns the number of properties of an expanded node object.
func countKeys(m map[string]any) int {
	n := 0
	for k := range m {
		if !strings.HasPrefix(k, "@") {
			n++
		}
	}
	return n
}

// dedupValues returns vals, expanded values and node references, each
// once, as node map generation adds them; ok is false where one is
// neither (the conversion from RDF makes no other).
func dedupValues(vals []any) (out []any, ok bool) {
	seen := make(map[valueKey]bool, len(vals))
	out = make([]any, 0, len(vals))
	for _, v := range vals {
		m, _ := v.(map[string]any)
		var k valueKey
		if id, isRef := m["@id"].(string); isRef && len(m) == 1 {
			k = valueKey{id: id, has: 1}
		} else {
			var isValue bool
			k.value, isValue = m["@value"].(string)
			k.lang, _ = m["@language"].(string)
			k.typ, _ = m["@type"].(string)
			k.has = 2
			want := 1
			if k.lang != "" {
				want++
			}
			if k.typ != "" {
				want++
			}
			if !isValue || len(m) != want {
				return nil, false
			}
		}
		if !seen[k] {
			seen[k] = true
			out = append(out, v)
		}
	}
	return out, true
}

// writeWithKids writes compacted map m at depth, as treeEncoder.value
// would, each placeholder in it replaced by its output (kids), counted in
// found.
func (fw *frameWriter) writeWithKids(m map[string]any, depth int, kids []*frameOut, found *int) error {
	e := fw.enc
	kid := func(v any) *frameOut {
		pm, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		s, ok := pm[fw.key].(string)
		if !ok {
			return nil
		}
		i, err := strconv.Atoi(s)
		if err != nil || i < 0 || i >= len(kids) {
			return nil
		}
		return kids[i]
	}
	if len(kids) == 0 {
		e.value(m, depth)
		return e.err
	}
	keys := slices.Sorted(maps.Keys(m))
	e.buf = append(e.buf, '{')
	after := false
	for _, k := range keys {
		e.member(k, depth+1, &after)
		switch v := m[k].(type) {
		case map[string]any:
			if c := kid(v); c != nil {
				*found++
				if err := fw.writeOut(c, k, depth+1); err != nil {
					return err
				}
				continue
			}
			e.value(v, depth+1)
		case []any:
			if len(v) == 0 {
				e.value(v, depth+1)
				continue
			}
			e.buf = append(e.buf, '[')
			count := 0
			for _, item := range v {
				e.nextItem(&count, depth+2)
				if c := kid(item); c != nil {
					*found++
					if err := fw.writeOut(c, k, depth+2); err != nil {
						return err
					}
					continue
				}
				e.value(item, depth+2)
			}
			e.newline(depth + 1)
			e.buf = append(e.buf, ']')
		default:
			e.value(v, depth+1)
		}
		if e.err != nil {
			return e.err
		}
	}
	e.newline(depth)
	e.buf = append(e.buf, '}')
	return e.err
}
