package ld

import (
	"fmt"
	"net/url"
	"strings"
)

// resolveRelative resolves, in place, every relative node reference of a
// checked expanded document against base (RFC 3986, section 5). A
// reference that is not a valid relative reference at all, such as
// "1.2.3.4:80" whose first segment holds a colon, is an error.
func resolveRelative(nodes []any, base string) error {
	if b, err := url.Parse(base); err != nil || !b.IsAbs() {
		return fmt.Errorf("%w: base %q is not an absolute IRI", ErrInvalidIRI, base)
	}
	// walk visits v, reached from the node named owner by prop, so that
	// an error names the place as the checks do.
	var walk func(v any, owner *place, prop string) error
	walk = func(v any, owner *place, prop string) error {
		switch v := v.(type) {
		case []any:
			for _, e := range v {
				if err := walk(e, owner, prop); err != nil {
					return err
				}
			}
		case map[string]any:
			if _, isValue := v["@value"]; isValue {
				return nil
			}
			if id, ok := v["@id"].(string); ok && !strings.HasPrefix(id, "_:") && !schemeRE().MatchString(id) {
				if _, err := url.Parse(id); err != nil {
					node := "node"
					if owner != nil {
						node = owner.String()
					} else {
						prop = "@id"
					}
					return &NodeError{Node: node, Property: prop, Value: id, Err: fmt.Errorf("%w: not a relative reference", ErrInvalidIRI)}
				}
				v["@id"] = resolveIRI(base, id)
			}
			// Node types are document-relative too (JSON-LD's IRI
			// expansion of @type with documentRelative true).
			if types, ok := v["@type"].([]any); ok {
				for i, ty := range types {
					if s, ok := ty.(string); ok && !strings.HasPrefix(s, "_:") && !schemeRE().MatchString(s) {
						types[i] = resolveIRI(base, s)
					}
				}
			}
			var via *place
			if owner != nil {
				via = reached(prop, owner)
			}
			name := atNode(v, via)
			for _, k := range sortedKeys(v) {
				if k != "@id" {
					if err := walk(v[k], name, short(k)); err != nil {
						return err
					}
				}
			}
		}
		return nil
	}
	return walk(nodes, nil, "")
}
