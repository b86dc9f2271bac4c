package ld

import (
	"io"
	"iter"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/film2ld/film2ld/ld/internal/jsongold"
	"github.com/film2ld/film2ld/ld/schemaorg"
)

// WriteDirectJSON is [Processor.Write] for the compact formats
// ([FormatJSONLD], [FormatHTML]) with a short path for a document of the
// narrow shape a film renderer writes: the document is already compact
// against the schema.org context, so its node map is built from the
// compact keys as they are (typed: jbuilder), framed with json-gold's own
// @last embedding (jframer, jsongold.FrameGraph's algorithm) and written
// as json-gold's compaction of it would be encoded (writeFramed), with no
// JSON-LD expansion or compaction and no tree of maps in between.
//
// The short path is taken only where its result is json-gold's: the
// document must take [Processor.WriteDirect]'s short path (so the general
// path would accept it; the walk makes its checks), opts.Root must be a
// schema.org local name, every property key a term that compacts back to
// itself for the values it holds (proved once per key by compacting a
// sample with json-gold), every type a term that compacts back to itself,
// every node IRI one that IRI compaction leaves as it is, no explicit
// blank node label (convert's directJSONAuto takes them), and the framing
// must embed every blank node once (so that no label json-gold would
// invent is written). Anything else takes
// Write's path, so bytes and errors are Write's in every case; the
// differential tests in mapping/pipeline prove it on films.
//
// A sequence in doc (see [Processor.WriteDirect]) is walked once, as it
// is rendered, into the node map, which holds each value once: the
// framing needs the whole graph, but not the document.
func (p *Processor) WriteDirectJSON(w io.Writer, doc any, f Format, opts Options) error {
	if ok, err := p.writeDirectJSON(w, doc, f, opts); ok {
		return err
	}
	return p.Write(w, collect(doc), f, opts)
}

// writeDirectJSON writes doc by WriteDirectJSON's short path; ok is false,
// with nothing written, where it must take Write's.
func (p *Processor) writeDirectJSON(w io.Writer, doc any, f Format, opts Options) (ok bool, err error) {
	b, framed, ok := p.directJSON(doc, f, opts)
	if !ok {
		return false, nil
	}
	return true, writeFramedAs(w, b, framed, f)
}

// writeFramedAs writes the framed roots as f, FormatJSONLD or FormatHTML.
// Past the framing nothing can fail but w (and a sequence that gives other
// items when walked again, see jlazy).
func writeFramedAs(w io.Writer, b *jbuilder, framed []*jout, f Format) error {
	if f == FormatHTML {
		if _, err := io.WriteString(w, scriptStart); err != nil {
			return err
		}
		if err := writeFramed(w, b, framed, true); err != nil {
			return err
		}
		_, err := io.WriteString(w, scriptEnd)
		return err
	}
	return writeFramed(w, b, framed, false)
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
	_, _, ok := p.directJSON(doc, f, opts)
	return ok
}

const schemaVocab = "http://schema.org/"

// directJSON returns the framed roots of doc and the node map they were
// framed from, ok false where WriteDirectJSON must take Write's path.
func (p *Processor) directJSON(doc any, f Format, opts Options) (*jbuilder, []*jout, bool) {
	if f != FormatJSONLD && f != FormatHTML {
		return nil, nil, false
	}
	if opts.Root == "" || strings.Contains(opts.Root, ":") || !p.directAllowed(opts) {
		return nil, nil, false
	}
	c, err := p.contexts()
	if err != nil {
		return nil, nil, false
	}
	// The RDF short path's shape (directDataset): the document, its
	// context's values, and its "@graph" of node objects.
	top, isMap := doc.(map[string]any)
	if !isMap || len(top) != 2 || top["@context"] != "https://schema.org" {
		return nil, nil, false
	}
	if v := c.expand.Values; v.HasLanguage || v.Direction != "" || v.Base != "" {
		return nil, nil, false
	}
	graph, isList := items(top["@graph"])
	if !isList {
		return nil, nil, false
	}
	jt := jsonTermsFor(c)
	if jt.typ(opts.Root) == "" {
		return nil, nil, false
	}
	b := &jbuilder{t: jt, dt: termsFor(c.expand), ids: map[string]*jnode{}, keys: map[string]jkey{}, root: opts.Root}
	b.lazy.after = heldItems(p.cfg)
	ok := true
	j := 0
	for n := range graph {
		m, _ := objectOf(n)
		var lazy bool
		if ok, lazy = b.lazyDescription(m, j); !ok {
			break
		}
		if !lazy {
			b.top = true
			if _, ok = b.node(m, nil); !ok {
				break
			}
		}
		j++
	}
	if !ok {
		return nil, nil, false
	}
	framed, ok := b.frame(opts.Root)
	return b, framed, ok
}

// directJSONAuto is directJSON for a document Write frames with no root
// given: on the first type of the only node that no other refers to, or
// not at all where there is none (Write then compacts, and this declines
// giving back b, with b.root "", where it built the whole document).
// It takes labelled blank nodes (flattened JSON-LD, markup that labels
// its nodes), each of which must be output once, as anonymous ones are;
// it holds every node, not describing long lists lazily, whose items it
// knows only by IRI, until so many nodes may be roots that it keeps only
// what finding the root needs (buildAuto).
func (p *Processor) directJSONAuto(view map[string]any, f Format, opts Options) (*jbuilder, []*jout, bool) {
	if f != FormatJSONLD && f != FormatHTML || opts.Root != "" || !p.directAllowed(opts) {
		return nil, nil, false
	}
	c, err := p.contexts()
	if err != nil {
		return nil, nil, false
	}
	graph, isList := items(view["@graph"])
	if len(view) != 2 || view["@context"] != "https://schema.org" || !isList {
		return nil, nil, false
	}
	jt := jsonTermsFor(c)
	b, ok := buildAuto(jt, c, graph, heldItems(p.cfg))
	if !ok {
		return nil, nil, false
	}
	root := b.autoRoot()
	if root == "" {
		// Write compacts the document as it is: b, given back with ok
		// false, says so (writeWalkedJSON).
		return b, nil, false
	}
	if b.light {
		// A root after all, which framing needs the whole map for.
		if b, ok = buildAuto(jt, c, graph, -1); !ok {
			return nil, nil, false
		}
		root = b.autoRoot()
	}
	if jt.typ(root) == "" {
		return nil, nil, false
	}
	b.root = root
	framed, ok := b.frame(root)
	if !ok {
		return nil, nil, false // framed by Write's path, or compacted
	}
	return b, framed, true
}

// buildAuto builds directJSONAuto's node map of graph, ok false where the
// short path must not be taken. Past the first held top-level items
// (from then on each time their count doubles), if two nodes or more
// that nothing refers to yet are described, the map is shed (b.light):
// a "@graph" of many nodes of which none is the root (a catalogue of
// 100,000 Movies) is written a node at a time without framing, so what
// it needs of the map is only which nodes are referred to and described.
// Held whole beside the decoded document, the map was 63 of the 151 MB
// live at that catalogue's peak (16.8 MB of JSON-LD). A root found in a
// shed map after all (the film of flattened JSON-LD, whose blank nodes
// come first) costs a second build, whole: held < 0 never sheds.
func buildAuto(jt *jsonTerms, c *contexts, graph iter.Seq[any], held int) (b *jbuilder, ok bool) {
	b = &jbuilder{t: jt, dt: termsFor(c.expand), ids: map[string]*jnode{}, keys: map[string]jkey{}, labels: map[string]*jnode{}}
	b.lazy.after = math.MaxInt
	check, j := max(held, 1), 0
	for n := range graph {
		m, _ := objectOf(n)
		if freeLabel(m) {
			continue // dropped by expansion (see walker.node)
		}
		b.top = true
		if _, ok := b.node(m, nil); !ok {
			return nil, false
		}
		if j++; held >= 0 && !b.light && j >= check {
			if b.unreferenced(2) >= 2 {
				b.shed()
			}
			check *= 2
		}
	}
	for _, n := range b.labels {
		if !n.isDescribed() {
			return nil, false // described nowhere, as an empty blank node is
		}
	}
	for id, f := range b.flags {
		if f&flagDescribed == 0 && strings.HasPrefix(id, "_:") {
			return nil, false // as above
		}
	}
	return b, true
}

// shed lets the map go, keeping of each node only whether it is
// referred to and has types and properties (see buildAuto): by IRI or
// label in b.flags, a byte each (a node was 128 bytes, its properties
// more), and for an anonymous node at the top in its node, in b.all. A
// blank node held in a property is never a root, nor referred to again:
// it is not kept. The builder then builds no more (light).
func (b *jbuilder) shed() {
	b.flags = make(map[string]uint8, len(b.ids)+len(b.labels))
	for id, n := range b.ids {
		b.flags[id] = flagsOf(n)
	}
	for label, n := range b.labels {
		b.flags[label] = flagsOf(n)
	}
	var kept []*jnode
	for _, n := range b.all {
		if n.blank && !n.labelled && !n.referenced {
			n.typed, n.described = n.isTyped(), n.isDescribed()
			n.types, n.props = nil, nil
			kept = append(kept, n)
		}
	}
	b.all = kept
	b.ids, b.labels = map[string]*jnode{}, map[string]*jnode{}
	b.nodeSlab, b.propSlab, b.valSlab, b.typeSlab, b.propPtrSlab = nil, nil, nil, nil, nil
	b.bases = jslabs{}
	b.light, b.discard.discard = true, true
}

// isTyped and isDescribed report whether a node has types and
// properties, in a shed map too.
func (n *jnode) isTyped() bool     { return len(n.types) > 0 || n.typed }
func (n *jnode) isDescribed() bool { return len(n.props) > 0 || n.described }

// unreferenced returns how many described nodes nothing refers to, up to
// limit: Write's rootOf takes the only one.
func (b *jbuilder) unreferenced(limit int) int {
	count, _ := b.candidates(limit)
	return count
}

// candidates returns how many nodes may be the root, up to limit, and the
// flags of the last one counted.
func (b *jbuilder) candidates(limit int) (count int, last uint8) {
	for _, n := range b.all {
		if f := flagsOf(n); candidate(f) {
			if count, last = count+1, f; count >= limit {
				return count, last
			}
		}
	}
	for _, f := range b.flags {
		if candidate(f) {
			if count, last = count+1, f; count >= limit {
				return count, last
			}
		}
	}
	return count, last
}

// autoRoot returns the first type of the only node no other refers to,
// as Write's rootOf finds it in json-gold's node map, or "". A shed map
// (light) knows no types: where the root has one it gives "@type", for
// a whole build to find the root again.
func (b *jbuilder) autoRoot() string {
	if b.light {
		if count, f := b.candidates(2); count == 1 && f&flagTyped != 0 {
			return "@type"
		}
		return ""
	}
	var root *jnode
	for _, n := range b.all {
		if n.referenced || !n.isTyped() && !n.isDescribed() {
			continue
		}
		if root != nil {
			return ""
		}
		root = n
	}
	if root == nil || len(root.types) == 0 {
		return ""
	}
	return root.types[0]
}

// jsonTerms caches, per context, what the short path knows of keys, types
// and IRIs.
type jsonTerms struct {
	mu    sync.Mutex
	c     *contexts
	keys  map[string]string // key → "" (unsupported), "plain" or "@id"
	types map[string]string // type → its IRI, "" if unsupported
	// builtin is set for the built-in context, whose keys are looked up
	// in a table (builtinKeyKind) rather than learnt by compaction.
	builtin bool
	// langs holds, per plain key, whether its language-tagged values
	// compact to {"@language", "@value"} under it (langKey).
	langs map[string]bool
}

var jsonTermsCache sync.Map

func jsonTermsFor(c *contexts) *jsonTerms {
	if v, ok := jsonTermsCache.Load(c); ok {
		return v.(*jsonTerms)
	}
	offline, _ := offlineContexts()
	v, _ := jsonTermsCache.LoadOrStore(c, &jsonTerms{c: c, keys: map[string]string{}, types: map[string]string{}, builtin: c == offline, langs: map[string]bool{}})
	return v.(*jsonTerms)
}

// key returns how a property key's values are written: "plain" (as they
// are), "@id" (a node reference as its IRI string), "typed" (strings
// only, which the key's datatype coercion types and compaction untypes)
// or "" (unsupported).
func (t *jsonTerms) key(k string) string {
	if t.builtin {
		return builtinKeyKind(k)
	}
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
	const o, o2 = "urn:film2ld:o", "urn:film2ld:p"
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
		if !t.compactsTo(k, dk.iri, sm.in, sm.want) {
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

// langKey reports whether the language-tagged values of plain key k
// compact to {"@language": tag, "@value": text} under k, alone and beside
// a plain string, proved once per key by compacting samples with
// json-gold (no schema.org term maps a language, so each does).
func (t *jsonTerms) langKey(k string) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	if ok, seen := t.langs[k]; seen {
		return ok
	}
	dk := termsFor(t.c.expand).key(k)
	ok := dk.ok && dk.coerce == "" && dk.iri == schemaVocab+k
	lang := func(v string) map[string]any { return map[string]any{"@value": v, "@language": "en"} }
	ok = ok && t.compactsTo(k, dk.iri, []any{lang("x")}, lang("x")) &&
		t.compactsTo(k, dk.iri, []any{lang("x"), map[string]any{"@value": "y"}}, []any{lang("x"), "y"})
	t.langs[k] = ok
	return ok
}

// compactsTo reports whether json-gold compacts a node whose property iri
// holds the expanded values in to the node with key k holding want.
func (t *jsonTerms) compactsTo(k, iri string, in []any, want any) bool {
	const s = "urn:film2ld:s"
	var got any
	err := guard("compact", func() error {
		var err error
		got, err = jsongold.NewJsonLdApi().Compact(t.c.compact(), "", map[string]any{"@id": s, iri: in}, true)
		return err
	})
	return err == nil && reflect.DeepEqual(got, map[string]any{"@id": s, k: want})
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

// jkind is how a property key's values are written (jsonTerms.key).
type jkind uint8

const (
	kindPlain jkind = iota + 1 // as they are
	kindID                     // a node reference as its IRI string
	kindTyped                  // strings of the key's datatype
)

// jkey is what the builder knows of a property key.
type jkey struct {
	kind   jkind
	coerce string // the key's type coercion (directKey.coerce)
}

// jnode is a node of the short path's node map: what json-gold's node map
// holds of it, typed. Its properties are sorted by key before framing
// (the keys' IRIs share the schema.org prefix, so this is the order of
// the IRIs), the values of each in the order node map generation adds
// them, without duplicates.
type jnode struct {
	id    string
	types []string
	props []*jprop

	// Framing state (jframer): the place of the node's embed in the
	// current match's frame (valid while siteGen is the framer's gen:
	// json-gold's uniqueEmbeds), the nodes embedded into its outputs in
	// this match (depsGen), how often a blank node was output.
	site             jsite
	deps             []*jnode
	siteGen, depsGen int32
	count            int32

	// desc, for a node a top-level item describes lazily, is where its
	// encoded types and properties start in jlazyState.descs, plus one:
	// they are not held as nodes, but built again as it is written (see
	// jbuilder.lazyDescription).
	desc int32

	blank bool
	// labelled: a blank node the document labels ("_:x"), which may be
	// referred to more than once (see jbuilder.labels).
	labelled bool
	// referenced: a property of some node holds it.
	referenced bool
	// onStack: being embedded (on json-gold's stack); reached: the
	// roots reach it. (The fields are ordered to keep a node small: a
	// 50,000-review snippet has 150,000.)
	onStack, reached bool
	// typed and described: in a shed map (jbuilder.light), which keeps
	// neither types nor properties, whether the node has any.
	typed, described bool
}

// jprop is one property of a node.
type jprop struct {
	key  string
	kind jkind
	// nodes: some value is a node (framing outputs the property's items
	// itself; see jout).
	nodes bool
	vals  []jval
	// set holds vals once there are many (a film's reviews), so that
	// dropping duplicates stays linear.
	set *jvalSet
	// discard: a shed map's property (jbuilder.light), which keeps no
	// value.
	discard bool
}

// jval is a property value: a string, a number, a boolean or a node.
type jval struct {
	kind uint8
	// run, for valLazy, is how many lazy items the value stands for.
	run  int32
	s    string
	f    float64
	node *jnode
}

const (
	valString uint8 = iota + 1
	valNumber
	valBool
	valNode
	// valLazy is a run of items of a long sequence that are not held
	// (jlazy): f is the index of the first in jbuilder.lazy.items, run
	// how many follow it there (one value for a page's 50,000 reviews
	// rather than 50,000, and one framing item).
	valLazy
	// valLang is a language-tagged string: s holds the text, a NUL and
	// the tag in lower case, so that values alike are one.
	valLang
	// valRef is a run of light references (jrefRun): f is the run's
	// index in jbuilder.lazy.runs, run how many references it holds.
	valRef
)

// add appends v unless the property holds it already, and reports
// whether it did. A blank node or a lazy item is new wherever it is met
// (the short path takes no blank node label), so it is never looked up:
// a page's 50,000 reviews filled a set for nothing.
func (p *jprop) add(v jval) bool {
	switch {
	case p.discard:
		return true
	case v.kind == valLazy || v.kind == valRef || v.kind == valNode && v.node.blank && !v.node.labelled:
	case p.set != nil:
		if p.set.has(v) {
			return false
		}
		p.set.add(v)
	default:
		// Most lists are short: a scan is cheaper than a set.
		for _, e := range p.vals {
			if e == v {
				return false
			}
		}
		if len(p.vals) >= 16 {
			p.set = &jvalSet{}
			for _, e := range p.vals {
				if !(e.kind == valLazy || e.kind == valRef || e.kind == valNode && e.node.blank) {
					p.set.add(e)
				}
			}
			p.set.add(v)
		}
	}
	p.vals = append(p.vals, v)
	if v.kind == valNode || v.kind == valLazy || v.kind == valRef {
		p.nodes = true
	}
	return true
}

// jvalSet is the set of a property's values once they are many: its
// nodes by their pointers, apart from its other values. In one set of
// values, each a key of 40 bytes, the Movie's actors took 70 bytes each
// in the web snippet's writer (7 MB of its 58 MB live peak for an
// article's 100,000 actors); a node's value is its pointer alone.
type jvalSet struct {
	vals  map[jval]struct{}
	nodes map[*jnode]struct{}
}

// has reports whether the set holds v.
func (s *jvalSet) has(v jval) bool {
	if v.kind == valNode {
		_, ok := s.nodes[v.node]
		return ok
	}
	_, ok := s.vals[v]
	return ok
}

// add puts v in the set.
func (s *jvalSet) add(v jval) {
	if v.kind == valNode {
		if s.nodes == nil {
			s.nodes = make(map[*jnode]struct{}, 32)
		}
		s.nodes[v.node] = struct{}{}
		return
	}
	if s.vals == nil {
		s.vals = make(map[jval]struct{}, 32)
	}
	s.vals[v] = struct{}{}
}

// jbuilder builds the node map of a compact document, with the compact
// keys and types as they are, in the order JSON-LD node map generation
// would: values in document order, duplicates dropped, nodes with one @id
// merged, blank nodes labelled in the order it meets them. The same walk
// makes the checks of the RDF short path ([Processor.WriteDirect]), whose
// acceptance the general path's own checks would give (IRIs, text,
// numbers, shapes), so that errors stay Write's: walking the document
// twice, once for the RDF path's statements only to throw them away, was
// a fifth of the snippet's write (pprof: 0.21 of 1.1 ms per film).
// TestWriteDirectJSONNarrowerThanRDF holds the two acceptances in line.
type jbuilder struct {
	t    *jsonTerms
	dt   *directTerms
	ids  map[string]*jnode // the nodes with an IRI
	all  []*jnode
	keys map[string]jkey
	// sorted is a stack of the members of the objects being walked, each
	// object's sorted by key.
	sorted      []Member
	nodeSlab    []jnode
	propSlab    []jprop
	valSlab     []jval
	typeSlab    []string
	propPtrSlab []*jprop

	// The lazy items of long sequences (see jlazy): root is the type
	// framed on, top is set while a top-level node's own members are
	// walked.
	root    string
	top     bool
	lazy    jlazyState
	scratch *jbuilder
	// For a scratch builder: main is the builder whose named nodes its
	// items refer to, and sites the named nodes an item refers to, in the
	// order framing meets them, with the property each is a value of.
	main  *jbuilder
	sites []scratchSite
	// labels, when not nil, holds the blank nodes the document labels,
	// by label (see directJSONAuto); nil refuses a label.
	labels map[string]*jnode
	bases  jslabs
	// descScratch builds the lazy descriptions as they are written (a
	// scratch of its own: one is written inside a lazy item).
	descScratch *jbuilder
	// light is set once the map is shed (see buildAuto): the nodes'
	// types and properties are no longer kept, only whether each has
	// any and is referred to (flags, by IRI or label; jnode.typed and
	// jnode.described for an anonymous node), and discard takes every
	// value.
	light   bool
	flags   map[string]uint8
	discard jprop
}

// iri reports whether an IRI naming a node takes both short paths: the
// RDF walk's check (an absolute IRI, no compact IRI or blank node label,
// nothing the general path refuses) and IRI compaction leaving it as it is.
// It is asked once per IRI (see named): one that fails ends the walk.
func (b *jbuilder) iri(s string) bool {
	i := strings.IndexByte(s, ':')
	return i > 0 && s[0] != '@' && !strings.HasPrefix(s, "_:") && !b.dt.isTerm(s[:i]) &&
		checkIRI(s, true) == nil && takenAbsolute(s) && b.t.id(s)
}

// key returns what the builder knows of a property key; kind 0 for a key
// outside the short path.
func (b *jbuilder) key(k string) jkey {
	if jk, ok := b.keys[k]; ok {
		return jk
	}
	var jk jkey
	switch b.t.key(k) {
	case "plain":
		jk.kind = kindPlain
	case "@id":
		jk.kind = kindID
	case "typed":
		jk.kind = kindTyped
	}
	if dk := b.dt.key(k); !dk.ok {
		jk.kind = 0
	} else {
		jk.coerce = dk.coerce
	}
	b.keys[k] = jk
	return jk
}

// named returns the node with IRI id, made when new; ok false for an IRI
// outside the short path (iri).
func (b *jbuilder) named(id string) (n *jnode, ok bool) {
	if b.main != nil {
		return b.scratchNamed(id)
	}
	if n = b.ids[id]; n != nil {
		return n, true
	}
	r, ref := b.lazy.refIDs.find(id)
	if !ref && !b.iri(id) {
		return nil, false
	}
	n = b.newNode()
	n.id = id
	b.ids[id] = n
	b.all = append(b.all, n)
	if ref {
		// A light reference until now (checked then): the node takes
		// it over.
		b.lazy.promote(r, n)
		return n, true
	}
	if li, light := b.lazy.lightIDs.find(id); light {
		// Named before by lazy items or a lazy description alone: the
		// node takes them over (jlazyState.resolve).
		n.desc = b.lazy.lights[li].desc
		if b.lazy.lightNodes == nil {
			b.lazy.lightNodes = map[int32]*jnode{}
		}
		b.lazy.lightNodes[li] = n
	}
	return n, true
}

// byID returns the node an @id names: a labelled blank node where the
// builder takes labels, else a named one.
func (b *jbuilder) byID(id string) (*jnode, bool) {
	if b.light {
		return b.lightByID(id)
	}
	if b.labels == nil || !strings.HasPrefix(id, "_:") {
		return b.named(id)
	}
	if n := b.labels[id]; n != nil {
		return n, true
	}
	if checkIRI(id, true) != nil {
		return nil, false // "_:" alone, which the general path refuses
	}
	n := b.newNode()
	n.blank, n.labelled = true, true
	b.labels[id] = n
	b.all = append(b.all, n)
	return n, true
}

// lightByID is byID in a shed map: the node, named or labelled, is made
// for the walk of its object alone, its flags kept in b.flags by its IRI
// or label (see jbuilder.mark); each is checked as byID checks it, once.
func (b *jbuilder) lightByID(id string) (*jnode, bool) {
	label := strings.HasPrefix(id, "_:")
	if _, seen := b.flags[id]; !seen {
		if label && checkIRI(id, true) != nil || !label && !b.iri(id) {
			return nil, false
		}
		b.flags[id] = 0
	}
	return &jnode{id: id, blank: label, labelled: label}, true
}

// The flags a shed map keeps of a node with an IRI or label.
const (
	flagReferenced uint8 = 1 << iota
	flagTyped
	flagDescribed
)

// mark sets flag on n, and in a shed map on the flags kept by its IRI or
// label (an anonymous node, id "", keeps its own).
func (b *jbuilder) mark(n *jnode, flag uint8) {
	switch flag {
	case flagReferenced:
		n.referenced = true
	case flagTyped:
		n.typed = true
	case flagDescribed:
		n.described = true
	}
	if b.light && n.id != "" {
		b.flags[n.id] |= flag
	}
}

// flagsOf gives n's flags as a shed map keeps them.
func flagsOf(n *jnode) uint8 {
	var f uint8
	if n.referenced {
		f |= flagReferenced
	}
	if n.isTyped() {
		f |= flagTyped
	}
	if n.isDescribed() {
		f |= flagDescribed
	}
	return f
}

// candidate reports whether flags f are those of a node that may be the
// root: described or typed, and nothing referring to it.
func candidate(f uint8) bool {
	return f&flagReferenced == 0 && f&(flagTyped|flagDescribed) != 0
}

// newNode and newProp take nodes and properties from slabs: one
// allocation each was most of the walk's (pprof: 1.5 of its 2.6 M
// allocations on 2,000 films); so do a node's first types and
// properties and a property's first value (then 0.4 of 2.0 M).
func (b *jbuilder) newNode() *jnode {
	if len(b.nodeSlab) == 0 {
		b.nodeSlab = make([]jnode, 32)
		b.bases.nodes = b.nodeSlab
	}
	n := &b.nodeSlab[0]
	b.nodeSlab = b.nodeSlab[1:]
	return n
}

func (b *jbuilder) newProp(k string, kind jkind) *jprop {
	if len(b.propSlab) == 0 {
		b.propSlab = make([]jprop, 64)
		b.bases.props = b.propSlab
	}
	p := &b.propSlab[0]
	b.propSlab = b.propSlab[1:]
	p.key, p.kind = k, kind
	// Most properties hold one value: it comes from a slab too (a
	// second one moves the list out).
	if len(b.valSlab) == 0 {
		b.valSlab = make([]jval, 64)
		b.bases.vals = b.valSlab
	}
	p.vals, b.valSlab = b.valSlab[:0:1], b.valSlab[1:]
	return p
}

// propList returns room for a new node's first properties (a review's,
// a person's), from a slab.
func (b *jbuilder) propList() []*jprop {
	const n = 4
	if len(b.propPtrSlab) < n {
		b.propPtrSlab = make([]*jprop, 64*n)
		b.bases.propPtrs = b.propPtrSlab
	}
	l := b.propPtrSlab[:0:n]
	b.propPtrSlab = b.propPtrSlab[n:]
	return l
}

// propSite is the property of node n that a key's values go to, made
// with its first value, as node map generation makes a property.
type propSite struct {
	n    *jnode
	key  jkey
	name string
	p    *jprop
}

func (b *jbuilder) prop(s *propSite) *jprop {
	if b.light {
		b.mark(s.n, flagDescribed)
		return &b.discard
	}
	if s.p == nil {
		for _, p := range s.n.props {
			if p.key == s.name {
				s.p = p
				return p
			}
		}
		s.p = b.newProp(s.name, s.key.kind)
		if s.n.props == nil {
			s.n.props = b.propList()
		}
		s.n.props = append(s.n.props, s.p)
	}
	return s.p
}

// addNode adds node n to p's values unless p holds it (as a light
// reference's node too: heldIn), and reports whether it did.
func (b *jbuilder) addNode(p *jprop, n *jnode) bool {
	if b.lazy.heldIn(p, n) {
		return false
	}
	return p.add(jval{kind: valNode, node: n})
}

// node adds a node object and returns it. A node held in a property (in)
// is referred to from there before its own properties are walked, as node
// map generation does, which orders the values of a node that holds
// itself.
func (b *jbuilder) node(m object, in *jprop) (*jnode, bool) {
	if !m.valid() {
		return nil, false
	}
	var n *jnode
	top := b.top
	b.top = false
	if v, has := m.get("@id"); has {
		id, isString := v.(string)
		if !isString {
			return nil, false
		}
		var ok bool
		if n, ok = b.byID(id); !ok {
			return nil, false
		}
		if n.desc != 0 && m.len() > 1 {
			// A node described twice, once lazily: json-gold's
			// path merges the two.
			return nil, false
		}
	} else if b.light && in != nil {
		// Referred to from in alone, it is never a root: a shed map
		// needs nothing of it, and does not keep it.
		n = &jnode{blank: true}
	} else {
		// Blank nodes need no label: none is written (each is output
		// once, or the short path is not taken), and a blank match is
		// framed only alone.
		n = b.newNode()
		n.blank = true
		b.all = append(b.all, n)
	}
	if in != nil {
		if b.addNode(in, n) {
			b.site(n, in)
		}
		b.mark(n, flagReferenced)
	}
	if top {
		b.lazy.holder = n
	}
	// The keys in order: blank nodes below are labelled in it.
	base := len(b.sorted)
	if m.isNode {
		b.sorted = append(b.sorted, m.n...)
	} else {
		for k, v := range m.m {
			b.sorted = append(b.sorted, Member{Key: k, Value: v})
		}
	}
	slices.SortFunc(b.sorted[base:], func(x, y Member) int { return strings.Compare(x.Key, y.Key) })
	ok := b.members(n, base)
	b.sorted = b.sorted[:base]
	return n, ok
}

// members adds the members of a node object, sorted by key in
// b.sorted[base:], to n.
func (b *jbuilder) members(n *jnode, base int) bool {
	props, end := 0, len(b.sorted)
	for i := base; i < end; i++ {
		// Indexed anew: the walk below pushes.
		k, v := b.sorted[i].Key, b.sorted[i].Value
		if i > base && k == b.sorted[i-1].Key {
			// A Node's key given twice: the map it stands for keeps
			// the last value, which Write's path reads.
			return false
		}
		switch k {
		case "@id":
			continue
		case "@context":
			// schema.org's again (scraped markup repeats it): nothing
			// changes; any other context needs Write's path.
			if !schemaOrgContext(v) {
				return false
			}
			continue
		case "@type":
			// The RDF walk takes an array or one string here.
			switch types := v.(type) {
			case []any:
				for _, t := range types {
					if !b.addType(n, t) {
						return false
					}
				}
			default:
				if !b.addType(n, types) {
					return false
				}
			}
			continue
		}
		site := propSite{n: n, key: b.key(k), name: k}
		if site.key.kind == 0 {
			return false
		}
		props++
		switch x := v.(type) {
		case []any:
			for _, v := range x {
				if !b.value(v, &site) {
					return false
				}
			}
		case iter.Seq[any]:
			if !b.seqValues(x, site) {
				return false
			}
		default:
			if !b.value(x, &site) {
				return false
			}
		}
	}
	// An empty blank node declines; a labelled one may be described in
	// another place (directJSONAuto checks each was).
	return props > 0 || !n.blank || n.labelled
}

// seqValues adds a sequence's values; site is a copy, so that only a
// sequence's walk (a closure) puts it on the heap.
func (b *jbuilder) seqValues(x iter.Seq[any], site propSite) bool {
	seq := -1
	i := 0
	for v := range x {
		if m, isObject := objectOf(v); isObject && i >= b.lazy.after && b.lazyCandidate(site, m) {
			if seq < 0 {
				seq = b.lazy.addSeq(x, site.n)
			}
			ok, lazy := b.lazyItem(m, &site, seq, i)
			if !ok {
				return false
			}
			if lazy {
				i++
				continue
			}
		}
		if i >= b.lazy.after && b.lightRef(v, &site) {
			i++
			continue
		}
		if !b.value(v, &site) {
			return false
		}
		i++
	}
	return true
}

// addType adds a type, which both short paths must know.
func (b *jbuilder) addType(n *jnode, t any) bool {
	s, ok := t.(string)
	if !ok || b.t.typ(s) == "" || b.dt.typ(s) == "" {
		return false
	}
	if b.light {
		b.mark(n, flagTyped)
		return true
	}
	if n.types == nil {
		if len(b.typeSlab) == 0 {
			b.typeSlab = make([]string, 64)
			b.bases.types = b.typeSlab
		}
		n.types, b.typeSlab = b.typeSlab[:0:1], b.typeSlab[1:]
	}
	if !slices.Contains(n.types, s) {
		n.types = append(n.types, s)
	}
	return true
}

// value adds one value of a property.
func (b *jbuilder) value(v any, site *propSite) bool {
	jk := site.key
	switch x := v.(type) {
	case NodeRef:
		v = refMap(x)
	case Node:
		if keywordValue(x) {
			v = nodeMap(x)
		}
	}
	switch x := v.(type) {
	case map[string]any:
		if _, isValue := x["@value"]; isValue {
			return b.langValue(x, site)
		}
		if jk.kind == kindTyped {
			// a node under a key typed as a literal compacts under a
			// compact IRI
			return false
		}
		_, ok := b.node(object{m: x}, b.prop(site))
		return ok
	case Node:
		if jk.kind == kindTyped {
			return false // as for a map
		}
		_, ok := b.node(object{n: x, isNode: true}, b.prop(site))
		return ok
	case string:
		switch jk.kind {
		case kindID:
			n, ok := b.byID(x)
			if !ok {
				return false
			}
			if p := b.prop(site); b.addNode(p, n) {
				b.site(n, p)
			}
			b.mark(n, flagReferenced)
			return true
		case kindTyped:
			if jk.coerce == rdfJSON {
				return false
			}
		}
		if checkText(x) != nil {
			return false
		}
		b.prop(site).add(jval{kind: valString, s: x})
		return true
	case bool:
		if jk.kind != kindPlain || jk.coerce != "" {
			return false
		}
		b.prop(site).add(jval{kind: valBool, f: boolFloat(x)})
		return true
	case float64:
		return b.number(x, site)
	case int:
		return b.number(float64(x), site)
	case int64:
		return b.number(float64(x), site)
	}
	return false
}

// langValue adds {"@value": text, "@language": tag}, its tag in lower
// case as expansion writes it; false for any other value object, a tag or
// text the general path refuses, and a key that is not plain or whose
// language values compact otherwise (langKey).
func (b *jbuilder) langValue(x map[string]any, site *propSite) bool {
	s, isString := x["@value"].(string)
	tag, isTag := x["@language"].(string)
	if !isString || !isTag || len(x) != 2 || site.key.kind != kindPlain || site.key.coerce != "" ||
		!langTag().MatchString(tag) || checkText(s) != nil || !b.t.langKey(site.name) {
		return false
	}
	b.prop(site).add(jval{kind: valLang, s: s + "\x00" + strings.ToLower(tag)})
	return true
}

// number adds a whole number: the RDF walk leaves fractions and numbers
// past 2^53 (xsd:double literals) to json-gold.
func (b *jbuilder) number(x float64, site *propSite) bool {
	if site.key.kind != kindPlain || site.key.coerce != "" || x != math.Trunc(x) || math.Abs(x) >= 1<<53 {
		return false
	}
	b.prop(site).add(jval{kind: valNumber, f: x})
	return true
}

func boolFloat(x bool) float64 {
	if x {
		return 1
	}
	return 0
}

// hasType reports whether the node has type t.
func (n *jnode) hasType(t string) bool { return slices.Contains(n.types, t) }

// jout is a node as framing outputs it: a reference only (ref), or the
// node with its properties' items.
type jout struct {
	n   *jnode
	ref bool
	// props holds, per property of n that holds nodes, its items; a
	// property of literals alone is output as its values are (props nil,
	// or its entry nil), with no copy: the outputs were a third of the
	// heap at the peak of a 50,000-review snippet.
	props [][]jitem
}

// jitem is one item of an output property: a node output, or a literal
// (one of the node's values).
type jitem struct {
	out *jout
	v   *jval
}

// jsite is where a node's output was embedded (parent nil: at the top).
type jsite struct {
	parent *jout
	prop   int32
}

// jframer is jsongold.FrameGraph (json-gold's framing with @embed @last,
// a {"@type": root} frame, @explicit off) on the typed node map: the
// algorithm of json-gold's ld/api_frame.go (matchFrame, removeEmbed,
// removeDependents; Apache-2.0, Copyright 2015-2017 Piprate Limited; see
// ld/internal/jsongold/UPSTREAM.md).
type jframer struct {
	gen int32
	// lazy holds the builder's lazy items and their sites.
	lazy *jlazyState
	// outs and items are slabs for the outputs and their items.
	outs  []jout
	items []jitem
}

// newOut returns an output of n, with room for the items of its
// properties (ref: none).
func (fr *jframer) newOut(n *jnode, ref bool) *jout {
	if len(fr.outs) == 0 {
		fr.outs = make([]jout, 32)
	}
	out := &fr.outs[0]
	fr.outs = fr.outs[1:]
	out.n, out.ref = n, ref
	if ref {
		return out
	}
	total := 0
	for _, p := range n.props {
		if p.nodes {
			total += len(p.vals)
		}
	}
	if total == 0 {
		return out
	}
	// One array holds the items of every property, each capped at its
	// own length: removeEmbed never grows a property (it replaces an
	// embed by a reference), and a longer one would move out.
	if len(fr.items) < total {
		fr.items = make([]jitem, max(total, 256))
	}
	items := fr.items[:total:total]
	fr.items = fr.items[total:]
	out.props = make([][]jitem, len(n.props))
	at := 0
	for i, p := range n.props {
		if p.nodes {
			out.props[i] = items[at : at : at+len(p.vals)]
			at += len(p.vals)
		}
	}
	return out
}

// frame builds the node map of the document's "@graph" and frames it on
// the nodes of type root, as directJSON's contract says; ok false where
// WriteDirectJSON must take Write's path.
func (b *jbuilder) frame(root string) (framed []*jout, ok bool) {
	if !b.lazy.resolve() {
		return nil, false
	}
	b.lazy.resolveRefs()
	for _, n := range b.all {
		slices.SortFunc(n.props, func(a, c *jprop) int { return strings.Compare(a.key, c.key) })
	}
	var matches, roots []*jnode
	for _, n := range b.all {
		if n.hasType(root) {
			matches = append(matches, n)
		}
	}
	if len(matches) == 0 {
		return nil, false
	}
	// json-gold frames the matches in the order of their ids, blank
	// node labels among them, which are its own: one match's order is
	// the same either way.
	if len(matches) > 1 && slices.ContainsFunc(matches, func(n *jnode) bool { return n.blank }) {
		return nil, false
	}
	slices.SortFunc(matches, func(a, c *jnode) int { return strings.Compare(a.id, c.id) })
	for _, n := range matches {
		if !n.referenced {
			roots = append(roots, n)
		}
	}
	if len(roots) == 0 {
		roots = matches // every match is referenced, as in a cycle
	}
	// Framing never drops a statement (see Frame): a node the roots do
	// not reach takes Write's path, which names it.
	queue := slices.Clone(roots)
	for len(queue) > 0 {
		n := queue[len(queue)-1]
		queue = queue[:len(queue)-1]
		if n.reached {
			continue
		}
		n.reached = true
		for _, p := range n.props {
			for _, v := range p.vals {
				switch v.kind {
				case valNode:
					if !v.node.reached {
						queue = append(queue, v.node)
					}
				case valLazy:
					for _, it := range b.lazy.items[int(v.f) : int(v.f)+int(v.run)] {
						for _, s := range b.lazy.sites[it.sites : it.sites+it.n] {
							if s.n != nil && !s.n.reached {
								queue = append(queue, s.n)
							}
						}
					}
				}
			}
		}
	}
	for _, n := range b.all {
		if !n.reached && (len(n.types) > 0 || len(n.props) > 0 || n.desc != 0) {
			return nil, false
		}
	}
	if !b.lazyFramable(matches) {
		return nil, false
	}
	fr := jframer{lazy: &b.lazy}
	for _, n := range matches {
		// each top-level match is framed on its own
		fr.gen++
		out := fr.frame(n, nil, 0)
		if slices.Contains(roots, n) {
			framed = append(framed, out)
		}
	}
	for _, n := range b.all {
		if n.blank && n.count != 1 {
			// framed more than once, or never: json-gold would write
			// its own label for it
			return nil, false
		}
	}
	return framed, true
}

// frame outputs node n into parent's property (parent nil: the top) and
// returns the output, as jsongold's embedder does.
func (fr *jframer) frame(n *jnode, parent *jout, prop int) *jout {
	if n.blank {
		n.count++
	}
	if n.onStack {
		// a circular embed: a reference only
		out := fr.newOut(n, true)
		addOutput(parent, prop, out)
		return out
	}
	out := fr.newOut(n, false)
	if n.siteGen == fr.gen {
		fr.removeEmbed(n)
	}
	n.site, n.siteGen = jsite{parent, int32(prop)}, fr.gen
	if parent != nil {
		if p := parent.n; p.depsGen != fr.gen {
			p.deps, p.depsGen = p.deps[:0], fr.gen
		}
		parent.n.deps = append(parent.n.deps, n)
	}
	n.onStack = true
	for i, p := range n.props {
		if !p.nodes {
			continue
		}
		for j := range p.vals {
			switch v := &p.vals[j]; v.kind {
			case valNode:
				fr.frame(v.node, out, i)
			case valLazy:
				fr.frameLazy(v, out, i)
			case valRef:
				// embedded here, as framing embeds a node named once,
				// and holding no node: nothing to frame
				out.props[i] = append(out.props[i], jitem{v: v})
			default:
				out.props[i] = append(out.props[i], jitem{v: v})
			}
		}
	}
	n.onStack = false
	addOutput(parent, prop, out)
	return out
}

// removeEmbed replaces an earlier embed of n by a reference, which
// json-gold appends at the end of the property's items, and forgets the
// embeds made inside it. At a lazy item's site (prop -k-1: site k), the
// property holds the node alone (lazyItem), so the end is its place.
func (fr *jframer) removeEmbed(n *jnode) {
	if site := n.site; site.parent == nil && site.prop < 0 {
		fr.lazy.sites[-site.prop-1].out = fr.newOut(n, true)
	} else if site.parent != nil {
		items := site.parent.props[site.prop]
		kept := items[:0]
		for _, it := range items {
			if it.out == nil || it.out.n != n {
				kept = append(kept, it)
			}
		}
		site.parent.props[site.prop] = append(kept, jitem{out: fr.newOut(n, true)})
	}
	fr.removeDependents(n)
}

// removeDependents forgets the embeds whose parent is an output of n, and
// theirs in turn.
func (fr *jframer) removeDependents(n *jnode) {
	if n.depsGen != fr.gen {
		return
	}
	for _, d := range n.deps {
		if d.siteGen == fr.gen && d.site.parent != nil && d.site.parent.n == n {
			d.siteGen = 0
			fr.removeDependents(d)
		}
	}
}

func addOutput(parent *jout, prop int, out *jout) {
	if parent != nil {
		parent.props[prop] = append(parent.props[prop], jitem{out: out})
	}
}

// writeFramed writes the framed roots as json-gold's compaction of them
// (single items out of their arrays, node references under @id-coerced
// keys as IRI strings, blank node labels left out: each blank node is
// output once) would be encoded by encodeJSON: keys sorted, two-space
// indentation, its escapes. TestWriteDirectJSON*, which compare with
// json-gold's path, prove the bytes.
func writeFramed(w io.Writer, b *jbuilder, framed []*jout, escapeHTML bool) error {
	e := encoders.Get().(*treeEncoder)
	e.w, e.escapeHTML, e.err = w, escapeHTML, nil
	if len(b.lazy.items) > 0 || b.lazy.described > 0 || len(b.lazy.runs) > 0 {
		e.lazy = &lazyWriter{b: b}
		defer e.lazy.close()
	}
	e.buf = append(e.buf, '{')
	e.newline(1)
	e.buf = append(e.buf, `"@context": `...)
	e.buf = appendJSONString(e.buf, schemaorg.ContextURL, escapeHTML)
	if len(framed) == 1 {
		e.outMembers(framed[0], 1, true)
	} else {
		e.buf = append(e.buf, ',')
		e.newline(1)
		e.buf = append(e.buf, `"@graph": [`...)
		for i, o := range framed {
			if i > 0 {
				e.buf = append(e.buf, ',')
			}
			e.newline(2)
			e.out(o, 2)
		}
		e.newline(1)
		e.buf = append(e.buf, ']')
	}
	e.newline(0)
	e.buf = append(e.buf, '}', '\n')
	e.flush()
	err := e.err
	e.w, e.err, e.lazy = nil, nil, nil
	if cap(e.buf) <= 4*flushAt {
		encoders.Put(e)
	}
	return err
}

// out writes a node output as a JSON object that starts on a line at
// depth.
func (e *treeEncoder) out(o *jout, depth int) {
	e.buf = append(e.buf, '{')
	e.outMembers(o, depth+1, false)
	e.newline(depth)
	e.buf = append(e.buf, '}')
}

// outMembers writes an output's members, each on a line at depth; after
// says whether a member was written before them.
func (e *treeEncoder) outMembers(o *jout, depth int, after bool) {
	member := func(key string) { e.member(key, depth, &after) }
	n := o.n
	if !n.blank {
		member("@id")
		e.buf = appendJSONString(e.buf, n.id, e.escapeHTML)
	}
	if o.ref {
		return
	}
	if n.desc != 0 {
		// A lazy description, built again to be written and let go
		// after.
		e.describe(n)
		defer func() { n.types, n.props = nil, nil }()
	}
	if len(n.types) > 0 {
		member("@type")
		e.types(n.types, depth)
	}
	for i, p := range n.props {
		member(p.key)
		if !p.nodes {
			e.literals(p.vals, depth)
			continue
		}
		items := o.props[i]
		if len(items) == 1 && (items[0].v == nil || items[0].v.kind != valLazy && items[0].v.kind != valRef || items[0].v.run == 1) {
			e.item(items[0], p.kind, depth)
			continue
		}
		e.buf = append(e.buf, '[')
		first := true
		for _, it := range items {
			if it.v != nil && (it.v.kind == valLazy || it.v.kind == valRef) {
				// a run of lazy items or light references, one
				// framing item
				for k := range int(it.v.run) {
					if !first {
						e.buf = append(e.buf, ',')
					}
					first = false
					e.newline(depth + 1)
					if it.v.kind == valRef {
						e.writeRef(int(it.v.f), k, p.kind, depth+1)
					} else {
						e.writeLazy(int(it.v.f)+k, depth+1)
					}
				}
				continue
			}
			if !first {
				e.buf = append(e.buf, ',')
			}
			first = false
			e.newline(depth + 1)
			e.item(it, p.kind, depth+1)
		}
		e.newline(depth)
		e.buf = append(e.buf, ']')
	}
}

// member starts an object's member at depth, after a comma where one was
// written before it (*after, which it sets).
func (e *treeEncoder) member(key string, depth int, after *bool) {
	if *after {
		e.buf = append(e.buf, ',')
	}
	*after = true
	e.newline(depth)
	e.buf = appendJSONString(e.buf, key, e.escapeHTML)
	e.buf = append(e.buf, ':', ' ')
}

// types writes a node's types, a member's value at depth.
func (e *treeEncoder) types(types []string, depth int) {
	if len(types) == 1 {
		e.buf = appendJSONString(e.buf, types[0], e.escapeHTML)
		return
	}
	e.buf = append(e.buf, '[')
	for i, t := range types {
		if i > 0 {
			e.buf = append(e.buf, ',')
		}
		e.newline(depth + 1)
		e.buf = appendJSONString(e.buf, t, e.escapeHTML)
	}
	e.newline(depth)
	e.buf = append(e.buf, ']')
}

// literals writes the values of a property that holds no node.
func (e *treeEncoder) literals(vals []jval, depth int) {
	if len(vals) == 1 {
		e.literal(&vals[0], depth)
		return
	}
	e.buf = append(e.buf, '[')
	for j := range vals {
		if j > 0 {
			e.buf = append(e.buf, ',')
		}
		e.newline(depth + 1)
		e.literal(&vals[j], depth+1)
	}
	e.newline(depth)
	e.buf = append(e.buf, ']')
}

// item writes one item of a property of the given kind at depth.
func (e *treeEncoder) item(it jitem, kind jkind, depth int) {
	if o := it.out; o != nil {
		if kind == kindID && !o.n.blank && (o.ref || len(o.n.types) == 0 && len(o.n.props) == 0 && o.n.desc == 0) {
			// {"@id": iri} alone compacts to the IRI
			e.buf = appendJSONString(e.buf, o.n.id, e.escapeHTML)
			return
		}
		e.out(o, depth)
		return
	}
	switch it.v.kind {
	case valLazy:
		// a run of one (outMembers writes longer runs)
		e.writeLazy(int(it.v.f), depth)
		return
	case valRef:
		e.writeRef(int(it.v.f), 0, kind, depth)
		return
	}
	e.literal(it.v, depth)
}

// literal writes a string, number or boolean value, or a language-tagged
// string's object, standing at depth.
func (e *treeEncoder) literal(v *jval, depth int) {
	switch v.kind {
	case valString:
		e.buf = appendJSONString(e.buf, v.s, e.escapeHTML)
	case valLang:
		cut := strings.LastIndexByte(v.s, 0) // the text may hold a NUL; the tag cannot
		text, tag := v.s[:cut], v.s[cut+1:]
		e.buf = append(e.buf, '{')
		e.newline(depth + 1)
		e.buf = append(e.buf, `"@language": `...)
		e.buf = appendJSONString(e.buf, tag, e.escapeHTML)
		e.buf = append(e.buf, ',')
		e.newline(depth + 1)
		e.buf = append(e.buf, `"@value": `...)
		e.buf = appendJSONString(e.buf, text, e.escapeHTML)
		e.newline(depth)
		e.buf = append(e.buf, '}')
	case valNumber:
		e.buf = appendJSONFloat(e.buf, v.f)
	case valBool:
		e.buf = strconv.AppendBool(e.buf, v.f != 0)
	}
}
