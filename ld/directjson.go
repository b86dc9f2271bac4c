package ld

import (
	"io"
	"reflect"
	"strings"
	"sync"

	"github.com/film2ld/film2ld/ld/internal/jsongold"
	"github.com/film2ld/film2ld/ld/schemaorg"
)

// WriteDirectJSON is [Processor.Write] for the compact formats
// ([FormatJSONLD], [FormatHTML]) with a short path for a document of the
// narrow shape a film renderer writes: the document is already compact
// against the schema.org context, so its node map is built from the
// compact keys as they are, framed with json-gold's own @last embedding
// (jsongold.FrameGraph) and "compacted" by collapsing single-item arrays,
// with no JSON-LD expansion or compaction.
//
// The short path is taken only where its result is json-gold's: the
// document must take [Processor.WriteDirect]'s short path (so the general
// path would accept it), opts.Root must be a schema.org local name, every
// property key a term that compacts back to itself for the values it holds
// (proved once per key by compacting a sample with json-gold), every type a
// term that compacts back to itself, every node IRI one that IRI
// compaction leaves as it is, no explicit blank node label, and the framing
// must embed every blank node once (so that no label json-gold would
// invent is written). Anything else takes Write's path, so bytes and errors
// are Write's in every case; the differential tests in mapping/pipeline
// prove it on films.
//
// A sequence in doc (see [Processor.WriteDirect]) is collected once, as
// both walks and the framing need the whole graph: rendering it twice
// cost more than holding it. The collected document is let go once the
// node map is built, and the node map once it is framed.
func (p *Processor) WriteDirectJSON(w io.Writer, doc any, f Format, opts Options) error {
	// The collected document lives only inside directJSON, which drops
	// it once its node map is built; a fallback collects doc again.
	out, ok := p.directJSON(collect(doc), f, opts)
	if !ok {
		return p.Write(w, collect(doc), f, opts)
	}
	// Encoding a tree of maps, slices, strings, finite numbers and
	// booleans cannot fail, so it goes to w with no copy in between
	// (treeEncoder: encodeJSON's bytes without its reflection and
	// second copy).
	if f == FormatHTML {
		if _, err := io.WriteString(w, scriptStart); err != nil {
			return err
		}
		if err := encodeJSONFast(w, out, true); err != nil {
			return err
		}
		_, err := io.WriteString(w, scriptEnd)
		return err
	}
	return encodeJSONFast(w, out, false)
}

// scriptStart and scriptEnd enclose the JSON of FormatHTML, as
// scriptElement writes them (the differential tests hold them equal).
const (
	scriptStart = `<script type="application/ld+json">` + "\n"
	scriptEnd   = "</script>\n"
)

// CanWriteDirectJSON reports whether [Processor.WriteDirectJSON] takes its
// short path for doc in format f rather than Write's.
func (p *Processor) CanWriteDirectJSON(doc any, f Format, opts Options) bool {
	_, ok := p.directJSON(doc, f, opts)
	return ok
}

const schemaVocab = "http://schema.org/"

// directJSON returns the compact, framed form of doc, ok false where
// WriteDirectJSON must take Write's path.
func (p *Processor) directJSON(doc any, f Format, opts Options) (map[string]any, bool) {
	if f != FormatJSONLD && f != FormatHTML {
		return nil, false
	}
	if opts.Root == "" || strings.Contains(opts.Root, ":") {
		return nil, false
	}
	// The RDF short path's walk refuses whatever the general path's checks
	// would refuse (IRIs, text, numbers, shapes), so that errors stay
	// Write's.
	if _, ok := p.direct(doc, FormatNQuads, opts); !ok {
		return nil, false
	}
	c, err := p.contexts()
	if err != nil {
		return nil, false
	}
	jt := jsonTermsFor(c)
	if jt.typ(opts.Root) == "" {
		return nil, false
	}
	b := &jsonBuilder{t: jt, graph: map[string]any{}, seen: map[string]map[string]map[any]bool{}, kinds: map[string]string{}}
	top, _ := doc.(map[string]any)
	graph, _ := items(top["@graph"])
	for n := range graph {
		m, _ := n.(map[string]any)
		if _, ok := b.node(m, nil); !ok {
			return nil, false
		}
	}
	top, graph = nil, nil
	return b.frame(opts.Root)
}

// jsonTerms caches, per context, what the short path knows of keys, types
// and IRIs.
type jsonTerms struct {
	mu    sync.Mutex
	c     *contexts
	keys  map[string]string // key → "" (unsupported), "plain" or "@id"
	types map[string]string // type → its IRI, "" if unsupported
}

var jsonTermsCache sync.Map

func jsonTermsFor(c *contexts) *jsonTerms {
	if v, ok := jsonTermsCache.Load(c); ok {
		return v.(*jsonTerms)
	}
	v, _ := jsonTermsCache.LoadOrStore(c, &jsonTerms{c: c, keys: map[string]string{}, types: map[string]string{}})
	return v.(*jsonTerms)
}

// key returns how a property key's values are written: "plain" (as they
// are), "@id" (a node reference as its IRI string), "typed" (strings
// only, which the key's datatype coercion types and compaction untypes)
// or "" (unsupported).
func (t *jsonTerms) key(k string) string {
	t.mu.Lock()
	defer t.mu.Unlock()
	if kind, ok := t.keys[k]; ok {
		return kind
	}
	kind := t.lookupKey(k)
	t.keys[k] = kind
	return kind
}

func (t *jsonTerms) lookupKey(k string) string {
	dk := termsFor(t.c.expand).key(k)
	if !dk.ok || dk.iri != schemaVocab+k {
		return ""
	}
	const s, o, o2 = "urn:film2ld:s", "urn:film2ld:o", "urn:film2ld:p"
	ref := func(id string) map[string]any { return map[string]any{"@id": id} }
	val := func(v any) map[string]any { return map[string]any{"@value": v} }
	type sample struct {
		in   []any
		want any
	}
	var samples []sample
	switch dk.coerce {
	case "":
		samples = []sample{
			{[]any{val("x")}, "x"},
			{[]any{val(1.5)}, 1.5},
			{[]any{val(true)}, true},
			{[]any{ref(o)}, ref(o)},
			{[]any{val("x"), val("y")}, []any{"x", "y"}},
			{[]any{ref(o), ref(o2)}, []any{ref(o), ref(o2)}},
		}
	case "@id":
		samples = []sample{
			{[]any{ref(o)}, o},
			{[]any{ref(o), ref(o2)}, []any{o, o2}},
			{[]any{map[string]any{"@id": o, schemaVocab + "name": []any{val("x")}}}, map[string]any{"@id": o, "name": "x"}},
		}
	default:
		typed := func(v string) map[string]any { return map[string]any{"@value": v, "@type": dk.coerce} }
		samples = []sample{
			{[]any{typed("x")}, "x"},
			{[]any{typed("x"), typed("y")}, []any{"x", "y"}},
		}
	}
	for _, sm := range samples {
		var got any
		err := guard("compact", func() error {
			var err error
			got, err = jsongold.NewJsonLdApi().Compact(t.c.compact(), "", map[string]any{"@id": s, dk.iri: sm.in}, true)
			return err
		})
		if err != nil || !reflect.DeepEqual(got, map[string]any{"@id": s, k: sm.want}) {
			return ""
		}
	}
	switch dk.coerce {
	case "":
		return "plain"
	case "@id":
		return "@id"
	}
	return "typed"
}

// typ returns a type's IRI, "" where the type is not a schema.org term
// that compacts back to itself.
func (t *jsonTerms) typ(v string) string {
	t.mu.Lock()
	defer t.mu.Unlock()
	if iri, ok := t.types[v]; ok {
		return iri
	}
	iri := termsFor(t.c.expand).typ(v)
	if iri != schemaVocab+v {
		iri = ""
	} else if back, err := t.c.compact().CompactIri(iri, nil, true, false); err != nil || back != v {
		iri = ""
	}
	t.types[v] = iri
	return iri
}

// id reports whether IRI compaction leaves a node IRI as it is (no term
// is a prefix of it).
func (t *jsonTerms) id(iri string) bool {
	back, err := t.c.compact().CompactIri(iri, nil, false, false)
	return err == nil && back == iri
}

// jsonBuilder builds a node map from a compact document, with the compact
// keys and types as they are, in the order JSON-LD node map generation
// would: a node's properties in key order (the keys' IRIs share the
// schema.org prefix, so this is the order of the IRIs), values in
// document order, duplicates dropped, nodes with one @id merged.
type jsonBuilder struct {
	t     *jsonTerms
	graph map[string]any
	// seen holds the values of each node's long lists, to drop
	// duplicates.
	seen   map[string]map[string]map[any]bool
	blanks int
	// kinds records each key's kind.
	kinds map[string]string
}

type refKey struct{ id string }

// node adds a node object and returns its id. A node held in a property
// is referred to from there (ref) before its own properties are walked,
// as node map generation does, which orders the values of a node that
// holds itself.
func (b *jsonBuilder) node(m map[string]any, ref func(id string)) (string, bool) {
	if m == nil {
		return "", false
	}
	var id string
	switch v := m["@id"].(type) {
	case nil:
		id = "_:b" + itoa(b.blanks)
		b.blanks++
	case string:
		if _, known := b.graph[v]; !known && (strings.HasPrefix(v, "_:") || !b.t.id(v)) {
			return "", false
		}
		id = v
	default:
		return "", false
	}
	n, _ := b.graph[id].(map[string]any)
	if n == nil {
		n = map[string]any{"@id": id}
		b.graph[id] = n
	}
	if ref != nil {
		ref(id)
	}
	keys := sortedKeys(m)
	props := 0
	for _, k := range keys {
		switch k {
		case "@id":
			continue
		case "@type":
			for t := range itemsOf(m[k]) {
				s, ok := t.(string)
				if !ok || b.t.typ(s) == "" {
					return "", false
				}
				b.add(id, n, "@type", s, s)
			}
			continue
		}
		kind := b.t.key(k)
		if kind == "" {
			return "", false
		}
		b.kinds[k] = kind
		props++
		for v := range itemsOf(m[k]) {
			switch x := v.(type) {
			case map[string]any:
				if kind == "typed" {
					// a node under a key typed as a literal compacts
					// under a compact IRI
					return "", false
				}
				if _, ok := b.node(x, func(ref string) { b.add(id, n, k, refKey{ref}, map[string]any{"@id": ref}) }); !ok {
					return "", false
				}
			case string:
				if kind == "@id" {
					if _, known := b.graph[x]; !known && (strings.HasPrefix(x, "_:") || !b.t.id(x)) {
						return "", false
					}
					if _, ok := b.graph[x]; !ok {
						b.graph[x] = map[string]any{"@id": x}
					}
					b.add(id, n, k, refKey{x}, map[string]any{"@id": x})
				} else {
					// a "typed" key's strings all have its datatype
					b.add(id, n, k, x, x)
				}
			case float64, bool:
				if kind != "plain" {
					return "", false
				}
				b.add(id, n, k, x, x)
			case int, int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64:
				f, exact := intToFloat(v)
				if !exact || kind != "plain" {
					return "", false
				}
				b.add(id, n, k, f, f)
			default:
				return "", false
			}
		}
	}
	if props == 0 && strings.HasPrefix(id, "_:") {
		return "", false
	}
	return id, true
}

// add appends v to node n's property k unless it holds it already (dup
// is what identifies v: the value itself, or a refKey).
func (b *jsonBuilder) add(id string, n map[string]any, k string, dup, v any) {
	list, _ := n[k].([]any)
	// Most lists are short: a scan is cheaper than a set, which only a
	// long list (a film's reviews) gets.
	if len(list) < 16 {
		for _, e := range list {
			if valueKey(e) == dup {
				return
			}
		}
		if len(list) == 15 {
			set := make(map[any]bool, 32)
			for _, e := range list {
				set[valueKey(e)] = true
			}
			b.seenOf(id)[k] = set
		}
	} else {
		set := b.seenOf(id)[k]
		if set[dup] {
			return
		}
		set[dup] = true
	}
	n[k] = append(list, v)
}

// seenOf returns the sets of node id's long lists.
func (b *jsonBuilder) seenOf(id string) map[string]map[any]bool {
	s := b.seen[id]
	if s == nil {
		s = map[string]map[any]bool{}
		b.seen[id] = s
	}
	return s
}

// valueKey is what identifies a node map value for add.
func valueKey(v any) any {
	if m, ok := v.(map[string]any); ok {
		id, _ := m["@id"].(string)
		return refKey{id}
	}
	return v
}

// frame frames the node map as frameExpanded does, on the nodes of type
// root, and compacts the result.
func (b *jsonBuilder) frame(root string) (map[string]any, bool) {
	referenced := referencedIDs(b.graph)
	var matches, roots []string
	for _, id := range sortedKeys(b.graph) {
		for _, t := range asList(b.graph[id].(map[string]any)["@type"]) {
			if t == root {
				matches = append(matches, id)
				if !referenced[id] {
					roots = append(roots, id)
				}
				break
			}
		}
	}
	if len(matches) == 0 {
		return nil, false
	}
	if len(roots) == 0 {
		roots = matches
	}
	// json-gold frames the matches in the order of their ids, blank
	// node labels among them, which are its own: one match's order is
	// the same either way.
	if len(matches) > 1 {
		for _, id := range matches {
			if strings.HasPrefix(id, "_:") {
				return nil, false
			}
		}
	}
	if len(unreachable(b.graph, roots)) > 0 {
		return nil, false
	}
	framed, clear := jsongold.FrameGraph(b.graph, root, roots)
	for id := range b.graph {
		if strings.HasPrefix(id, "_:") && !clear[id] {
			// framed more than once, or never: json-gold would write
			// its own label for it
			return nil, false
		}
	}
	b.graph, b.seen = nil, nil
	jsongold.ClearBlankIDs(framed, clear)
	var out map[string]any
	if len(framed) == 1 {
		out = b.compactNode(framed[0].(map[string]any))
	} else {
		list := make([]any, len(framed))
		for i, n := range framed {
			list[i] = b.compactNode(n.(map[string]any))
		}
		out = map[string]any{"@graph": list}
	}
	out["@context"] = schemaorg.ContextURL
	return out, true
}

// compactNode compacts a framed node in place: single items out of their
// arrays, node references under @id-coerced keys as IRI strings.
func (b *jsonBuilder) compactNode(n map[string]any) map[string]any {
	for k, v := range n {
		if k == "@id" {
			continue
		}
		list, _ := v.([]any)
		for i, item := range list {
			m, isMap := item.(map[string]any)
			if !isMap {
				continue
			}
			if id, ok := m["@id"].(string); ok && len(m) == 1 && b.kinds[k] == "@id" {
				list[i] = id
				continue
			}
			list[i] = b.compactNode(m)
		}
		if len(list) == 1 {
			n[k] = list[0]
		}
	}
	return n
}

func itoa(i int) string {
	var buf [20]byte
	n := len(buf)
	for {
		n--
		buf[n] = byte('0' + i%10)
		i /= 10
		if i == 0 {
			break
		}
	}
	return string(buf[n:])
}
