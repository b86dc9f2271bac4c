package schemas

import (
	"errors"
	"math"
	"net/url"
	"strings"

	"github.com/film2ld/film2ld/ld"
	"github.com/film2ld/film2ld/ld/schemaorg"
	"github.com/film2ld/film2ld/schemas/internal/jsonpos"
)

// plainJSONLD reports whether the JSON-LD processor is sure to accept a
// document, so that checkJSONLD need not run it. Expanding a document only
// to learn that nothing is wrong was the costliest step of validating a
// large page (a third of the time of a one-line megabyte), and nearly all
// published markup is plain: nodes under "@context": "https://schema.org"
// whose keys are terms, whose "@type"s are terms and whose "@id"s and URL
// values are IRIs or relative references, with strings, numbers and
// booleans as values.
//
// It answers true only for that plain subset, where every check Expand
// makes (normalize's keyword and number checks, json-gold's expansion, the
// IRI and literal checks of the expanded form, relative resolution) is
// known to pass; anything else (another keyword, a compact IRI, a value
// object, a number a double cannot hold exactly) answers false and the
// processor decides. TestPlainJSONLDAgrees and FuzzPlainJSONLD hold it to
// that: whatever it accepts, Expand accepts.
func plainJSONLD(data []byte, v *jsonpos.Value) bool {
	p := plainChecker{data: data}
	switch v.Kind {
	case jsonpos.Object:
		return p.top(v)
	case jsonpos.Array:
		// Each item is expanded with its own @context.
		for _, item := range v.Items {
			if item.Kind != jsonpos.Object || !p.top(item) {
				return false
			}
		}
		return true
	}
	return false
}

type plainChecker struct {
	data []byte
	// nested allows a repeated schema.org @context inside nodes.
	nested bool
}

// termKind is what the schema.org context makes of a term as a key.
type termKind uint8

const (
	plainTerm   termKind = iota + 1 // a property or type IRI, values as written
	iriTerm                         // "@type": "@id": a string value is an IRI
	keywordTerm                     // an alias of a keyword ("id", "type")
)

// contextTerm classifies a term of the built-in schema.org context, from
// schemaorg's generated table: decoding the context's JSON for a map of
// its 3,000 terms cost a validate process about a fifth of its CPU. The
// context's keyword entries (@vocab) are not terms.
func contextTerm(term string) (termKind, bool) {
	d, ok := schemaorg.ContextTermOf(term)
	if !ok {
		return 0, false
	}
	switch {
	case strings.HasPrefix(d.ID, "@"), d.Other:
		// A keyword alias; or a container, a language, a reverse
		// property: not plain (the release has none; this keeps it
		// honest).
		return keywordTerm, true
	case !d.Simple && d.Type == "@id":
		return iriTerm, true
	}
	return plainTerm, true
}

// top checks a document's top-level object: its @context must be
// schema.org's alone, as a string (an array of one is also that).
func (p plainChecker) top(v *jsonpos.Value) bool {
	ctx := v.Get("@context")
	if ctx == nil || !p.schemaOrgContext(ctx) {
		return false
	}
	// The processor drops a repeated "@context": "https://schema.org"
	// inside nodes only under a top-level one written as a string.
	p.nested = ctx.Kind == jsonpos.String
	if g := v.Get("@graph"); g != nil {
		if !onlyKeys(v, "@context", "@graph") {
			return false
		}
		return p.nodes(g)
	}
	return p.node(v, true)
}

func (p plainChecker) schemaOrgContext(ctx *jsonpos.Value) bool {
	if ctx.Kind == jsonpos.Array && len(ctx.Items) == 1 {
		ctx = ctx.Items[0]
	}
	return ctx.Kind == jsonpos.String && ld.IsSchemaOrgContext(ctx.String)
}

// nodes checks a node object or an array of them.
func (p plainChecker) nodes(v *jsonpos.Value) bool {
	for _, item := range list(v) {
		if item.Kind != jsonpos.Object || !p.node(item, false) {
			return false
		}
	}
	return true
}

// node checks a node object: "@id", "@type" and terms only.
func (p plainChecker) node(v *jsonpos.Value, top bool) bool {
	for _, m := range v.Members {
		switch {
		case m.Key == "@context" && top:
			// Checked by top.
		case m.Key == "@context":
			// Under a top-level "https://schema.org", the processor
			// drops a repeated one; anything else changes the terms.
			if !p.nested || m.Value.Kind != jsonpos.String || !ld.IsSchemaOrgContext(m.Value.String) {
				return false
			}
		case m.Key == "@id":
			if m.Value.Kind != jsonpos.String || !plainRef(m.Value.String) {
				return false
			}
		case m.Key == "@type":
			for _, t := range list(m.Value) {
				if t.Kind != jsonpos.String || !p.term(t.String) {
					return false
				}
			}
			if m.Value.Kind == jsonpos.Array && len(m.Value.Items) == 0 {
				return false
			}
		default:
			if !p.term(m.Key) {
				return false
			}
			kind, _ := contextTerm(m.Key)
			iri := kind == iriTerm
			if m.Value.Kind == jsonpos.Array {
				for _, item := range m.Value.Items {
					if item.Kind == jsonpos.Array || !p.value(item, iri) {
						return false
					}
				}
			} else if !p.value(m.Value, iri) {
				return false
			}
		}
	}
	return true
}

// term reports whether s is a term that expands to a schema.org IRI: one
// the context defines as other than a keyword, or a plain word that
// @vocab makes one.
func (p plainChecker) term(s string) bool {
	if k, ok := contextTerm(s); ok {
		return k != keywordTerm
	}
	if s == "" || !isLetter(s[0]) {
		return false
	}
	for i := 1; i < len(s); i++ {
		if c := s[i]; !isLetter(c) && !(c >= '0' && c <= '9') && c != '_' {
			return false
		}
	}
	return true
}

// schemeName reports whether s has the form of a URI scheme (RFC 3986).
func schemeName(s string) bool {
	if s == "" || !isLetter(s[0]) {
		return false
	}
	for i := 1; i < len(s); i++ {
		if c := s[i]; !isLetter(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.' {
			return false
		}
	}
	return true
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// value checks one property value; iri is set under a term whose strings
// are IRIs.
func (p plainChecker) value(v *jsonpos.Value, iri bool) bool {
	switch v.Kind {
	case jsonpos.Null, jsonpos.Bool:
		return true
	case jsonpos.Number:
		return p.plainNumber(v)
	case jsonpos.String:
		return !iri || plainRef(v.String)
	case jsonpos.Object:
		return p.node(v, false)
	}
	return false
}

// plainNumber reports whether a number keeps its value as a double, as
// the processor demands: below 2^53 in magnitude, and not a nonzero
// number written so small that it becomes 0.
func (p plainChecker) plainNumber(v *jsonpos.Value) bool {
	if math.Abs(v.Number) >= 1<<53 {
		return false
	}
	if v.Number != 0 && v.Number == math.Trunc(v.Number) {
		// An integer written with a fraction or an exponent may have
		// lost the fraction (1.00000000000000000001), which the
		// processor refuses: it decides.
		for i := v.Offset; i < len(p.data) && strings.IndexByte("+-0123456789.eE", p.data[i]) >= 0; i++ {
			if c := p.data[i]; c == '.' || c == 'e' || c == 'E' {
				return false
			}
		}
		return true
	}
	if v.Number != 0 {
		return true
	}
	for i := v.Offset; i < len(p.data); i++ {
		switch c := p.data[i]; {
		case c >= '1' && c <= '9':
			return false
		case c == 'e' || c == 'E':
			return true
		case c != '0' && c != '-' && c != '.':
			return true
		}
	}
	return true
}

// plainRef reports whether s, as an @id or an IRI value, is kept as
// written and passes the processor's checks: an absolute http(s) IRI, an
// absolute IRI of another scheme that the context does not define as a
// prefix, a blank node label, or a relative reference without a colon
// that resolves against a base.
func plainRef(s string) bool {
	switch {
	case strings.HasPrefix(s, "_:"):
		if len(s) == 2 {
			return false
		}
		for i := 2; i < len(s); i++ {
			if c := s[i]; !isLetter(c) && !(c >= '0' && c <= '9') && c != '_' && c != '-' && c != '.' {
				return false
			}
		}
		return true
	case strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "http://"):
		return ld.CheckIRI(s) == nil
	case s == "" || s[0] == '@':
		return false
	}
	if scheme, _, ok := strings.Cut(s, ":"); ok {
		// Another scheme (urn:, mailto:): kept as written when the
		// context defines no prefix of that name and it parses as an
		// absolute URL, as json-gold's IRI expansion decides.
		if _, prefix := schemaorg.ContextTermOf(scheme); prefix || !schemeName(scheme) {
			return false
		}
		u, err := url.Parse(s)
		return err == nil && u.IsAbs() && ld.CheckIRI(s) == nil
	}
	if err := ld.CheckIRI(s); !errors.Is(err, ld.ErrRelativeIRI) {
		return false
	}
	_, err := url.Parse(s)
	return err == nil
}
