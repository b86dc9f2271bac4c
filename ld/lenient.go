package ld

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
)

// Dropped collects what a lenient call ([Options.Lenient]) left out: one
// [Drop] per kind, with the first place it happened and how often. It is
// safe for concurrent use, so one can serve a whole batch.
type Dropped struct {
	mu    sync.Mutex
	kinds map[string]*Drop
}

// Drop is one kind of thing left out.
type Drop struct {
	// Kind says what was dropped and why ("ill-formed IRI, with the
	// statements that hold it").
	Kind string
	// First is the first place: node, property and value.
	First string
	// Count is how many were dropped.
	Count int
}

// String reports the kind, the count and the first place.
func (d Drop) String() string {
	if d.Count == 1 {
		return fmt.Sprintf("dropped %s: %s", d.Kind, d.First)
	}
	return fmt.Sprintf("dropped %d × %s, the first: %s", d.Count, d.Kind, d.First)
}

func (d *Dropped) add(kind, where string) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.kinds == nil {
		d.kinds = map[string]*Drop{}
	}
	if k, ok := d.kinds[kind]; ok {
		k.Count++
		return
	}
	d.kinds[kind] = &Drop{Kind: kind, First: where, Count: 1}
}

// Drops returns the kinds dropped so far, sorted by kind.
func (d *Dropped) Drops() []Drop {
	d.mu.Lock()
	defer d.mu.Unlock()
	out := make([]Drop, 0, len(d.kinds))
	for _, k := range d.kinds {
		out = append(out, *k)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Kind < out[j].Kind })
	return out
}

// dropKind names the kind of a refusal the checks would have reported.
func dropKind(err error) string {
	switch {
	// What is counted is the IRIs; each takes the statements that hold
	// it, and a node's own IRI all of the node (a count of "statements"
	// read 3 where a Movie of 9 went, audit 7).
	case errors.Is(err, ErrRelativeIRI):
		return "relative IRI with no base, with the statements that hold it (all of a node it names)"
	case errors.Is(err, ErrInvalidLanguage):
		return "literal with an ill-formed language tag"
	case errors.Is(err, ErrInvalidIRI):
		return "ill-formed IRI, with the statements that hold it (all of a node it names)"
	case strings.Contains(err.Error(), "@direction"):
		return "base direction (@direction) of a literal (RDF has no place for it without rdfDirection)"
	}
	return "value: " + err.Error()
}

// pruneExpanded removes from an expanded document what checkExpanded
// would refuse, as the JSON-LD to RDF algorithm drops it, and records each
// kind in d: a node whose @id is bad with its statements, a property with
// a bad IRI, a bad type, a value with a bad IRI or language tag; of a
// literal with @direction only the direction goes, where the document goes
// to RDF without an rdfDirection.
//
// A node dropped, or a property dropped, takes only its own statements:
// the nodes embedded in it are nodes of their own in JSON-LD's node map,
// whose statements stay (jsonld.js keeps a relative-@id Movie's director
// and reviews), so they are hoisted to the top of the graph they stand in.
func pruneExpanded(nodes []any, relative, refuseDirection bool, d *Dropped) []any {
	c := checker{relative: relative, refuseDirection: refuseDirection}
	out := nodes[:0]
	var hoisted []any
	for _, n := range nodes {
		m, ok := n.(map[string]any)
		if !ok {
			continue
		}
		if _, isValue := m["@value"]; isValue {
			out = append(out, m)
			continue
		}
		if c.pruneNode(m, nil, d, &hoisted) {
			out = append(out, m)
		}
	}
	return append(out, hoisted...)
}

// pruneNode prunes node in place and reports whether it stays; the nodes
// embedded in what it drops go to hoist.
func (c checker) pruneNode(node map[string]any, via *place, d *Dropped, hoist *[]any) bool {
	name := atNode(node, via)
	drop := func(prop, value string, err error) {
		d.add(dropKind(err), fmt.Sprintf("%s: %s: %q", name, prop, value))
	}
	if id, ok := node["@id"].(string); ok {
		if err := c.ref(id); err != nil {
			drop("@id", id, err)
			c.hoistContents(node, name, d, hoist)
			return false
		}
	}
	if types, ok := node["@type"].([]any); ok {
		kept := types[:0]
		for _, t := range types {
			if s, ok := t.(string); ok {
				if err := c.ref(s); err != nil {
					drop("@type", s, err)
					continue
				}
			}
			kept = append(kept, t)
		}
		if len(kept) == 0 {
			delete(node, "@type")
		} else {
			node["@type"] = kept
		}
	}
	for _, key := range sortedKeys(node) {
		val := node[key]
		switch key {
		case "@graph", "@included":
			var kept, inner []any
			for _, n := range asList(val) {
				if m, ok := n.(map[string]any); ok && !c.pruneNode(m, reached(key, name), d, &inner) {
					continue
				}
				kept = append(kept, n)
			}
			kept = append(kept, inner...)
			node[key] = kept
			if kept == nil {
				node[key] = []any{}
			}
			continue
		case "@reverse":
			rev, _ := val.(map[string]any)
			for _, prop := range sortedKeys(rev) {
				if err := checkIRI(prop, false); err != nil {
					drop("@reverse "+short(prop), prop, err)
					c.hoistValues(rev[prop], reached("@reverse "+short(prop), name), d, hoist)
					delete(rev, prop)
					continue
				}
				if kept := c.pruneValues(rev[prop], "@reverse "+short(prop), name, d, hoist); len(kept) > 0 {
					rev[prop] = kept
				} else {
					delete(rev, prop)
				}
			}
			continue
		}
		if strings.HasPrefix(key, "@") {
			continue
		}
		if err := checkIRI(key, false); err != nil {
			drop(short(key), key, err)
			c.hoistValues(val, reached(short(key), name), d, hoist)
			delete(node, key)
			continue
		}
		switch kept := c.pruneValues(val, short(key), name, d, hoist); {
		case len(kept) > 0:
			node[key] = kept
		case len(asList(val)) == 0:
			node[key] = []any{} // empty to begin with: it stays, as in JSON-LD
		default:
			delete(node, key)
		}
	}
	return true
}

// hoistContents puts the nodes embedded in node, which is dropped, into
// hoist, pruned: its properties' and reverse properties' values and its
// included nodes (a named graph of a dropped name goes whole, as JSON-LD
// drops the graph).
func (c checker) hoistContents(node map[string]any, name *place, d *Dropped, hoist *[]any) {
	for _, key := range sortedKeys(node) {
		switch {
		case key == "@reverse":
			rev, _ := node[key].(map[string]any)
			for _, prop := range sortedKeys(rev) {
				c.hoistValues(rev[prop], reached("@reverse "+short(prop), name), d, hoist)
			}
		case key == "@included" || !strings.HasPrefix(key, "@"):
			c.hoistValues(node[key], reached(short(key), name), d, hoist)
		}
	}
}

// hoistValues puts the nodes among val, values of a dropped property or
// node, into hoist, pruned.
func (c checker) hoistValues(val any, via *place, d *Dropped, hoist *[]any) {
	for _, v := range asList(val) {
		m, ok := v.(map[string]any)
		if !ok {
			continue
		}
		if list, ok := m["@list"]; ok {
			c.hoistValues(list, via, d, hoist)
			continue
		}
		if _, isValue := m["@value"]; isValue {
			continue
		}
		if c.pruneNode(m, via, d, hoist) {
			*hoist = append(*hoist, m)
		}
	}
}

// pruneValues returns the values of val that stay, each pruned; the nodes
// embedded in a node value that goes are put into hoist.
func (c checker) pruneValues(val any, prop string, owner *place, d *Dropped, hoist *[]any) []any {
	var kept []any
	drop := func(value string, err error) {
		d.add(dropKind(err), fmt.Sprintf("%s: %s: %q", owner, prop, value))
	}
	for _, v := range asList(val) {
		m, ok := v.(map[string]any)
		if !ok {
			kept = append(kept, v)
			continue
		}
		if list, ok := m["@list"]; ok {
			items := c.pruneValues(list, prop, owner, d, hoist)
			if items == nil {
				items = []any{}
			}
			m["@list"] = items
			kept = append(kept, m)
			continue
		}
		if value, ok := m["@value"]; ok {
			if dir, ok := m["@direction"]; ok && c.refuseDirection {
				drop(fmt.Sprint(dir), errors.New("@direction"))
				delete(m, "@direction")
			}
			if err := checkValue(m, value, c.refuseDirection); err != nil {
				// The error names the part at fault (the tag, the datatype).
				d.add(dropKind(err), fmt.Sprintf("%s: %s: %q (%v)", owner, prop, fmt.Sprint(value), err))
				continue
			}
			kept = append(kept, m)
			continue
		}
		if id, ok := m["@id"].(string); ok {
			if err := c.ref(id); err != nil {
				drop(id, err)
				c.hoistContents(m, reached(prop, owner), d, hoist)
				continue
			}
		}
		if !c.pruneNode(m, reached(prop, owner), d, hoist) {
			continue
		}
		kept = append(kept, m)
	}
	return kept
}
