package ld

import (
	"fmt"
	"net/url"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/film2ld/film2ld/ld/internal/jsongold"

	"github.com/film2ld/film2ld/ld/schemaorg"
)

// langTag is the well-formedness rule for language tags that RDF and
// jsonld.js use (BCP 47's shape without its registry).
var langTag = lazyRegexp(`^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$`)

// schemeRE matches the scheme of an absolute IRI.
var schemeRE = lazyRegexp(`^[a-zA-Z][a-zA-Z0-9+.-]*:`)

// hasScheme is schemeRE's MatchString without the regular expression
// machine, for checkIRI, which runs once per distinct IRI of a dataset.
func hasScheme(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c|0x20 >= 'a' && c|0x20 <= 'z':
		case i > 0 && (c >= '0' && c <= '9' || c == '+' || c == '.' || c == '-'):
		case i > 0 && c == ':':
			return true
		default:
			return false
		}
	}
	return false
}

// checkIRI returns why iri cannot be an RDF IRI, or nil. Blank node
// identifiers pass when blank is true.
func checkIRI(iri string, blank bool) error {
	if strings.HasPrefix(iri, "_:") {
		if blank && len(iri) > 2 {
			return nil
		}
		return ErrInvalidIRI
	}
	if !utf8.ValidString(iri) {
		return ErrInvalidIRI
	}
	// RFC 3987 excludes these, and N-Quads can carry them only as
	// escapes. White space, controls, "<", ">", '"' and "\\" in an IRI
	// are markup, text or a file path leaking into a value, and are
	// refused. "{", "}", "|", "^" and "`" are kept, as jsonld.js keeps
	// them, since published markup needs them: URL templates (an
	// Action's target, "https://example.com/search?q={query}") and
	// URLs that browsers accept as they are ("css?family=A|B"). The
	// N-Quads writers escape them as rdf-canonize does (\u007B).
	//
	// Looked for byte by byte (iriRefused; U+0080-U+009F, valid UTF-8
	// here, are 0xC2 0x80-0x9F): a loop over runes asking ContainsRune
	// of each was most of this function, which every new IRI of a walk
	// passes.
	for i := 0; i < len(iri); i++ {
		if c := iri[i]; iriRefused[c] || c == 0xC2 && i+1 < len(iri) && iri[i+1] <= 0x9f {
			return ErrInvalidIRI
		}
	}
	if strings.Count(iri, "#") > 1 {
		// A fragment cannot hold "#" (RFC 3987); toRdf drops such IRIs.
		return ErrInvalidIRI
	}
	if !hasScheme(iri) {
		return ErrRelativeIRI
	}
	if strings.HasPrefix(iri, disguisePrefix) {
		// The scheme film2ld uses inside toDataset; see disguisePrefix.
		return ErrInvalidIRI
	}
	// json-gold takes an IRI that Go's URL parser refuses (a "%" with no
	// two hex digits after it, as in "https:/%X0", a port that is no
	// number, an unclosed IPv6 host) for a relative one and drops its
	// statement in silence; RFC 3987 has no such IRI either.
	// takenAbsolute parses only where a parse could fail: every film
	// node's IRI is checked, and the parse allocates.
	//
	// Nothing more is asked of an http(s) IRI. json-gold's conversion to
	// RDF holds them to a URL check of its own (IsURL: no IRI of 2,083
	// characters or more, no host such as "-" or "a..b") and drops the
	// statements of those it refuses, but toDataset hides every http(s)
	// IRI from it (disguisePrefix); jsonld.js, the reference, keeps any
	// IRI with a scheme and no white space, and RDF's syntaxes any
	// absolute IRI.
	if !takenAbsolute(iri) {
		return ErrInvalidIRI
	}
	return nil
}

// iriRefused holds the ASCII bytes checkIRI refuses in an IRI: controls,
// space, DEL, "<", ">", '"' and "\\".
var iriRefused = func() (t [256]bool) {
	for c := 0; c <= 0x20; c++ {
		t[c] = true
	}
	for _, c := range []byte("<>\"\\\x7f") {
		t[c] = true
	}
	return t
}()

// checkText returns why s cannot be the text of an RDF literal, or nil.
func checkText(s string) error {
	if !utf8.ValidString(s) {
		// encoding/json turns unpaired surrogates into U+FFFD, so this is a
		// string made in Go, such as CESU-8 bytes of a lone surrogate.
		return fmt.Errorf("%w: not valid UTF-8 (an unpaired surrogate?)", ErrInvalidLiteral)
	}
	// Control characters are valid RDF text: the N-Quads writer escapes
	// them (\b, \f, \u0007, …) as canonical N-Triples requires. A
	// surrogate (U+D800-U+DFFF) needs no look of its own: its UTF-8 form
	// is not valid UTF-8 to utf8.ValidString, and a loop over the runes
	// for it was 60% of this function, which every literal of a walk
	// passes.
	return nil
}

// checker checks the IRIs and literals of an expanded document.
type checker struct {
	// relative lets node references (@id, and @id-valued properties) be
	// relative: the caller resolves them against a base afterwards.
	relative bool
	// refuseDirection refuses a literal's @direction: the document goes to
	// RDF, and no [Options.RDFDirection] says how to keep it there.
	refuseDirection bool
}

// ref checks an IRI that names a node.
func (c checker) ref(iri string) error {
	err := checkIRI(iri, true)
	if c.relative && err == ErrRelativeIRI {
		// To be resolved against the base (resolveRelative), it must be
		// a relative reference: "1.2.3.4:80", whose first segment holds
		// a colon, is none (RFC 3986, 4.2), and --lenient drops it as
		// ill-formed rather than stop at it.
		if _, perr := url.Parse(iri); perr != nil {
			return fmt.Errorf("%w: not a relative reference", ErrInvalidIRI)
		}
		return nil
	}
	return err
}

// checkExpanded checks every IRI and literal in an expanded document;
// relative node references pass when relative is true, and a literal's
// @direction is refused when refuseDirection is.
func checkExpanded(nodes []any, relative, refuseDirection bool) error {
	c := checker{relative: relative, refuseDirection: refuseDirection}
	for _, n := range nodes {
		if m, ok := n.(map[string]any); ok {
			if _, isValue := m["@value"]; isValue {
				continue // a free-floating value yields no statement
			}
			if err := c.checkNode(m, nil); err != nil {
				return err
			}
		}
	}
	return nil
}

func (c checker) checkNode(node map[string]any, via *place) error {
	name := atNode(node, via)
	fail := func(prop, value string, err error) error {
		return &NodeError{Node: name.String(), Property: prop, Value: value, Err: err}
	}
	if id, ok := node["@id"].(string); ok {
		if err := c.ref(id); err != nil {
			return fail("@id", id, err)
		}
	}
	if types, ok := node["@type"].([]any); ok {
		for _, t := range types {
			if s, ok := t.(string); ok {
				// A node type is resolved against the base like @id.
				if err := c.ref(s); err != nil {
					return fail("@type", s, err)
				}
			}
		}
	}
	for _, key := range sortedKeys(node) {
		val := node[key]
		switch key {
		case "@graph", "@included":
			for _, n := range asList(val) {
				if m, ok := n.(map[string]any); ok {
					if err := c.checkNode(m, reached(key, name)); err != nil {
						return err
					}
				}
			}
			continue
		case "@reverse":
			rev, _ := val.(map[string]any)
			for _, prop := range sortedKeys(rev) {
				if err := checkIRI(prop, false); err != nil {
					return fail("@reverse "+short(prop), prop, err)
				}
				if err := c.checkValues(rev[prop], "@reverse "+short(prop), name, fail); err != nil {
					return err
				}
			}
			continue
		}
		if jsongold.IsKeyword(key) {
			continue
		}
		if err := checkIRI(key, false); err != nil {
			return fail(short(key), key, err)
		}
		if err := c.checkValues(val, short(key), name, fail); err != nil {
			return err
		}
	}
	return nil
}

func (c checker) checkValues(val any, prop string, owner *place, fail func(prop, value string, err error) error) error {
	for _, v := range asList(val) {
		m, ok := v.(map[string]any)
		if !ok {
			continue
		}
		if list, ok := m["@list"]; ok {
			if err := c.checkValues(list, prop, owner, fail); err != nil {
				return err
			}
			continue
		}
		if value, ok := m["@value"]; ok {
			if err := checkValue(m, value, c.refuseDirection); err != nil {
				return fail(prop, fmt.Sprint(value), err)
			}
			continue
		}
		// The @id of an object belongs to the property that points at it:
		// "image of Movie X", not a node named by the bad IRI itself.
		if id, ok := m["@id"].(string); ok {
			if err := c.ref(id); err != nil {
				return fail(prop, id, err)
			}
		}
		if err := c.checkNode(m, reached(prop, owner)); err != nil {
			return err
		}
	}
	return nil
}

func checkValue(m map[string]any, value any, refuseDirection bool) error {
	switch v := value.(type) {
	case string:
		if err := checkText(v); err != nil {
			return err
		}
	}
	if t, ok := m["@type"].(string); ok && t != "@json" {
		if err := checkIRI(t, false); err != nil {
			return fmt.Errorf("datatype %q: %w", t, err)
		}
		if _, tagged := m["@language"]; t == rdfLangString && !tagged {
			// RDF has no such literal: its N-Quads would be "x"@.
			return fmt.Errorf("%w: typed rdf:langString without a language tag", ErrInvalidLiteral)
		}
	}
	if l, ok := m["@language"].(string); ok && !langTag().MatchString(l) {
		return &LanguageTagError{Tag: l}
	}
	if dir, ok := m["@direction"]; ok {
		if dir != "ltr" && dir != "rtl" {
			return fmt.Errorf("%w: @direction %v is neither \"ltr\" nor \"rtl\"", ErrInvalidLiteral, dir)
		}
		if refuseDirection {
			// Without an rdfDirection the JSON-LD to RDF algorithm drops
			// the base direction.
			return fmt.Errorf("%w: @direction %q cannot be kept in RDF without an rdfDirection (i18n-datatype or compound-literal)", ErrInvalidLiteral, dir)
		}
	}
	return nil
}

// place names a node for messages, by its IRI, or its types and name, or
// how it was reached ("about of Movie \"Heat\""), or names how a node was
// reached alone. Only a message writes it out: a name written for every
// node held its owner's, which held its own owner's, so that the names
// of a document nested 10,000 deep summed to 1.5 GB.
type place struct {
	self  string // the node's name by itself; "" for how a node was reached
	named bool   // self needs no more: an IRI, or types and a name
	via   *place // how the node was reached, if it was
	prop  string // for how a node was reached: prop of owner
	owner *place
}

// atNode is the place of node, reached by via (nil for a top node).
func atNode(node map[string]any, via *place) *place {
	if id, ok := node["@id"].(string); ok && !strings.HasPrefix(id, "_:") && checkIRI(id, false) == nil {
		return &place{self: "<" + id + ">", named: true}
	}
	var parts []string
	for _, t := range asList(node["@type"]) {
		if s, ok := t.(string); ok {
			parts = append(parts, short(s))
		}
	}
	label := strings.Join(parts, ",")
	if label == "" {
		label = "node"
	}
	for _, v := range asList(node["http://schema.org/name"]) {
		if m, ok := v.(map[string]any); ok {
			if s, ok := m["@value"].(string); ok {
				return &place{self: fmt.Sprintf("%s %q", label, s), named: true}
			}
		}
	}
	return &place{self: label, via: via}
}

// reached is how a node was reached: by prop of owner.
func reached(prop string, owner *place) *place {
	return &place{prop: prop, owner: owner}
}

// String writes the place out: a node's name, then how it was reached in
// brackets, if it needs that, which names its owner the same way. It is
// written in one go down the chain (written by each level around the one
// below, a name 3,000 levels long cost 150 MB).
func (p *place) String() string {
	var b strings.Builder
	brackets := 0
	for p != nil {
		if p.self == "" {
			b.WriteString(p.prop)
			b.WriteString(" of ")
			p = p.owner
			continue
		}
		b.WriteString(p.self)
		if p.named || p.via == nil {
			break
		}
		b.WriteString(" (")
		brackets++
		p = p.via
	}
	b.WriteString(strings.Repeat(")", brackets))
	return b.String()
}

// short shows schema.org IRIs by local name.
func short(iri string) string {
	if name, ok := schemaorg.LocalName(iri); ok {
		return name
	}
	return iri
}

func asList(v any) []any {
	if l, ok := v.([]any); ok {
		return l
	}
	if v == nil {
		return nil
	}
	return []any{v}
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
