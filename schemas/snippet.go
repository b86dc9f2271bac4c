package schemas

import (
	"reflect"
	"strings"
)

// Snippet prepares a decoded JSON-LD document for a web page: it removes,
// in place, every Review and AggregateRating that search engines would
// reject (an AggregateRating without a stated ratingValue, a review without
// an author), and returns the findings that made it remove each one. What
// remains passes the google profile's review rules; the RDF outputs keep
// every fact, since they are built from the document before this runs.
func Snippet(doc map[string]any, file string) []Finding {
	var dropped []Finding
	for {
		g := FromDoc(doc, file)
		removed := false
		// Only the search-engine rules remove nodes, so only they run:
		// the shape and vocabulary layers cost more than the rest of an
		// export of a large review page, and their findings are not used.
		for _, f := range sortFindings(checkGoogle(g)) {
			if f.Severity != Error || f.node == nil || !strings.HasPrefix(f.Rule, "google.") || strings.HasPrefix(f.Rule, "google.movie.") {
				continue
			}
			target := f.node
			if !target.Is("Review", "AggregateRating") {
				// A bad Rating sinks the review it rates.
				for _, e := range target.Parents {
					if e.From.Is("Review") {
						target = e.From
					}
				}
			}
			if !target.Is("Review", "AggregateRating") || !removeNode(target) {
				continue
			}
			dropped = append(dropped, f)
			removed = true
		}
		if !removed {
			return dropped
		}
	}
}

// removeNode deletes a nested node's JSON objects from its parents' values.
func removeNode(n *Node) bool {
	removed := false
	for _, e := range n.Parents {
		for _, parent := range e.From.origins {
			key := findKey(parent, e.Property)
			if key == "" {
				continue
			}
			var kept []any
			for _, v := range asSlice(parent[key]) {
				if !isOneOf(v, n.origins) {
					kept = append(kept, v)
				} else {
					removed = true
				}
			}
			switch len(kept) {
			case 0:
				delete(parent, key)
			case 1:
				parent[key] = kept[0]
			default:
				parent[key] = kept
			}
		}
	}
	return removed
}

// findKey returns the key under which a parent object holds a property,
// however the document spells it ("review", "schema:review", an IRI).
func findKey(m map[string]any, prop string) string {
	for k := range m {
		if localName(k) == prop {
			return k
		}
	}
	return ""
}

func asSlice(v any) []any {
	if s, ok := v.([]any); ok {
		return s
	}
	return []any{v}
}

func isOneOf(v any, objs []map[string]any) bool {
	m, ok := v.(map[string]any)
	if !ok {
		return false
	}
	p := reflect.ValueOf(m).UnsafePointer()
	for _, o := range objs {
		if reflect.ValueOf(o).UnsafePointer() == p {
			return true
		}
	}
	return false
}
