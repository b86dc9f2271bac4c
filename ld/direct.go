package ld

import (
	"errors"
	"fmt"
	"github.com/film2ld/film2ld/ld/internal/ntriples"
	"io"
	"iter"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/film2ld/film2ld/ld/internal/jsongold"
	jld "github.com/piprate/json-gold/ld"
)

// WriteDirect is [Processor.Write] for a document of the narrow shape a
// film renderer writes, with the RDF formats (N-Quads, canonical N-Quads,
// Turtle, TriG, SPARQL Update) taking a short path: a walk that knows the
// shape turns the document into statements, with no JSON-LD expansion, node
// map or json-gold RDF conversion, into a compact [Dataset]. Expanded
// JSON-LD takes one too: that walk checks the shape, and a second writes
// the expansion as it goes (writeDirectExpanded); so does flattened
// JSON-LD, written from the walk's statements (writeDirectFlattened). The shape is
// {"@context": "https://schema.org", "@graph": [node, …]} (the context
// under any of its URLs, also repeated on nested nodes), every node's keys
// schema.org terms with plain definitions (an IRI, perhaps a type coercion
// to @id or to a datatype) or absolute IRIs, or @id, @type and @graph; every
// value a string, number, boolean, node, node reference, {"@value", "@type"}
// object, {"@value"} object of a native value, or an array of those; every
// IRI absolute, every @id an IRI or a blank node label. Blank nodes get the
// labels the general path gives them: _:b0, _:b1, … in the order JSON-LD
// node map generation meets them (a node before what it holds, a named
// graph's nodes before its name's other properties, properties in the
// order of their IRIs), a labelled one the first time its label is met.
// Anything else, and anything the general path's checks would refuse,
// takes Write's path, so that bytes and errors are Write's in every case;
// the differential tests in mapping/pipeline prove it on films.
//
// Any array of doc may also be an iter.Seq[any] of its items, which
// WriteDirect walks once (twice for expanded JSON-LD, so a sequence must
// give the same items each time): a renderer can so yield a long list node
// by node and never hold it whole (mapping's Film.DatasetStream); any
// node reference {"@id": id} a [NodeRef]; and any node object a [Node],
// its members in a slice. The general path is given doc with those
// sequences collected into arrays, and references and Nodes into maps.
func (p *Processor) WriteDirect(w io.Writer, doc any, f Format, opts Options) error {
	switch f {
	case FormatCanonical:
		if p.cfg.GeneralCanonical {
			break
		}
		if wk, _, ok := p.walkView(doc, opts, walkCanonical); ok {
			// As below: past the walk, the film can go while the blank
			// nodes are labelled and the output is written.
			return p.writeCanonicalWalked(w, wk)
		}
		return p.Write(w, collect(doc), f, opts)
	case FormatNQuads, FormatTurtle, FormatTriG, FormatSPARQLUpdate:
		if wk, _, ok := p.walkView(doc, opts, walkRDF); ok {
			// doc is not used past here: what it holds (a film of
			// 50,000 reviews, 20 MB) can go while the output is
			// written.
			return wk.write(w, f)
		}
		return p.Write(w, collect(doc), f, opts)
	case FormatExpanded:
		c, err := p.contexts()
		if err == nil && p.directAllowed(opts) {
			if err, ok := writeDirectExpanded(w, c.expand, doc, p.cfg.SortMemory); ok {
				return err
			}
		}
		return p.Write(w, collect(doc), f, opts)
	case FormatFlattened:
		if wk, c, ok := p.walkView(doc, opts, walkFlat); ok {
			// As above: past the walk, the film can go while the node
			// map's nodes are compacted and written (at the
			// 50,000-review page's peak, 18 MB of its 35 MB live were
			// the film held for nothing).
			return p.writeDirectFlattened(w, c.compact(), wk)
		}
		return p.Write(w, collect(doc), f, opts)
	}
	d, ok := p.direct(doc, f, opts)
	if !ok {
		return p.Write(w, collect(doc), f, opts)
	}
	defer d.recycle()
	// Past the walk nothing can fail but w, so the N-Quads formats stream
	// to w (a film's output is several times its input) and still write
	// nothing on a failed conversion, as Write promises.
	return p.WriteCanonical(w, d)
}

// write writes the table in f: FormatTurtle, FormatTriG, or else
// FormatSPARQLUpdate. The writers stream to w; Turtle's check for named
// graphs comes first, and its error is the one that is not w's.
func (t *termTable) write(w io.Writer, f Format) error {
	var err error
	switch f {
	case FormatTurtle:
		err = t.writeTurtle(w)
	case FormatTriG:
		err = t.writeTriG(w)
	default:
		err = t.writeSPARQLUpdate(w)
	}
	if errors.Is(err, ErrNamedGraphs) || errors.Is(err, ErrSPARQLIRI) || errors.Is(err, ErrSPARQLBlank) {
		return fmt.Errorf("ld: %s: %w", f, err)
	}
	return err
}

// lineTable returns the statements as [ReadNQuads] returns them from the
// N-Quads d writes with text (see writeNQuads), as a termTable: without
// duplicates, a literal's language tag in lower case. Each term's Term is
// made once. With spent set, d is not used after but to recycle it (which
// takes only its slices' room): the table's statements take the room of
// d's, and a dataset too large to recycle lets go of its statements, and
// of its terms (whose strings the Terms share) as soon as the table has
// them: a copy of the statements and the terms held 22 MB more of writing
// 50,000 reviews and their provenance as TriG.
func (d *Dataset) lineTable(text []string, spent bool) *termTable {
	d.release()
	sorted, byRank := d.sortedLines(text, spent)
	drop := spent && d.scratch == nil
	if drop {
		d.quads = nil
	}
	// Equal texts share a rank: the ranks number the distinct terms.
	l := newTermList()
	l.terms = make([]tableTerm, len(byRank))
	for r := 1; r < len(byRank); r++ {
		var t Term
		i := byRank[r]
		switch dt := d.terms[i]; dt.kind {
		case IRI:
			t = Term{Kind: IRI, Value: dt.value()}
		case Blank:
			t = Term{Kind: Blank, Value: strings.TrimPrefix(text[i], "_:")}
		case Literal:
			v, typ, lang := dt.literal()
			t = Term{Kind: Literal, Value: v, Datatype: typ}
			if lang != "" {
				t.Datatype, t.Lang = rdfLangString, strings.ToLower(lang)
			}
		}
		l.terms[r] = l.compact(t)
	}
	if drop {
		d.terms = nil
	}
	for i, q := range sorted {
		if q.g != 0 {
			// sortedLines numbers a named graph one past its rank.
			sorted[i].g = q.g - 1
		}
	}
	return newTermTable(l, sorted)
}

// CanWriteDirect reports whether [Processor.WriteDirect] takes its short
// path for doc in format f rather than Write's.
func (p *Processor) CanWriteDirect(doc any, f Format, opts Options) bool {
	d, ok := p.direct(doc, f, opts)
	if ok {
		d.recycle()
	}
	return ok
}

// direct returns doc's statements for WriteDirect, ok false where it must
// take Write's path.
func (p *Processor) direct(doc any, f Format, opts Options) (*Dataset, bool) {
	switch f {
	case FormatNQuads, FormatCanonical, FormatTurtle, FormatTriG, FormatSPARQLUpdate, FormatExpanded, FormatFlattened:
	default:
		return nil, false
	}
	if !p.directAllowed(opts) {
		return nil, false
	}
	c, err := p.contexts()
	if err != nil {
		return nil, false
	}
	return directDataset(c.expand, doc, nil, false, f == FormatFlattened, "")
}

// directAllowed reports whether opts and p's configuration leave the
// direct walk's narrow shape possible. Options.Lenient does not rule it
// out: the walk takes only a document the strict path reads whole, from
// which leniency drops nothing, so its bytes are the lenient path's too
// (a 32 MB @graph of small nodes took 1.95 GB with --lenient through
// json-gold, 357 MB walked); a document with something to drop is not
// walked, and the lenient path drops it with its warning.
func (p *Processor) directAllowed(opts Options) bool {
	return opts.Base == "" && opts.RDFDirection == "" && !p.cfg.AllowRemote && p.shared == nil
}

// walked is a direct walk's statements: in d, or in lines once they were
// many.
type walked struct {
	d     *Dataset
	lines *lineSorter
}

// walkView walks doc for WriteDirect in mode, with p's contexts (c);
// ok is false where p's configuration or opts rule the direct walk out,
// or doc is outside its shape: Write's path is then taken.
func (p *Processor) walkView(doc any, opts Options, mode walkMode) (wk *walked, c *contexts, ok bool) {
	c, err := p.contexts()
	if err != nil || !p.directAllowed(opts) {
		return nil, nil, false
	}
	wk, ok = walkDirect(c.expand, doc, p.cfg.SortMemory, mode, "")
	return wk, c, ok
}

// walkMode is what a direct walk's statements are for.
type walkMode int

const (
	// walkRDF: N-Quads, Turtle, TriG, SPARQL Update.
	walkRDF walkMode = iota
	// walkCanonical: canonical N-Quads, literals written as they are
	// there (see directDataset's canonical).
	walkCanonical
	// walkFlat: flattened JSON-LD (see directDataset's flat).
	walkFlat
)

// walkDirect walks doc for writeDirect, for what mode says; ok is false
// for a document outside the walk's shape. A large document's statements
// go to a lineSorter as lines once there are sortMemory/256 of them (see
// Config.SortMemory), so that they are never all held while the walk runs
// and what it walks is alive (walked into a dataset, the 50,000-review
// page and its provenance held 40 MB of statements and terms beside the
// merged film's 20 MB at the walk's end); a small one's are sorted as
// numbers, which is faster.
func walkDirect(ctx *jsongold.Context, doc any, sortMemory int, mode walkMode, base string) (wk *walked, ok bool) {
	switch {
	case sortMemory > 0:
	case mode == walkCanonical:
		// Half N-Quads': the film's 20 MB stay live while three sorts
		// run, and with the heap bounded to 7 times the page
		// (cmd/film2ld's boundHeap) 4 MiB runs left the collector
		// little room.
		sortMemory = defaultSortMemory / 2
	default:
		sortMemory = defaultSortMemory
	}
	wk = &walked{lines: &lineSorter{limit: sortMemory}}
	if wk.d, ok = directDataset(ctx, doc, wk.lines, mode == walkCanonical, mode == walkFlat, base); !ok {
		wk.lines.Close()
		return nil, false
	}
	return wk, true
}

// write writes the walked statements to w as N-Quads, Turtle, TriG or
// SPARQL Update (f), and lets go of them.
//
// Turtle, TriG and SPARQL Update are written from the statements that
// Write's N-Quads would hold (see lineTable): a small document's made
// from the walk's terms with no N-Quads text written and read back in
// between, a large one's read back from its sorted lines (readTable).
// Nothing can fail but w (and the sorter's runs, before anything is
// written), so the writers stream to w and still write nothing on a failed
// conversion, as Write promises; Turtle's check for named graphs comes
// first.
func (wk *walked) write(w io.Writer, f Format) error {
	defer wk.lines.Close()
	d, lines := wk.d, wk.lines
	*wk = walked{}
	switch {
	case f == FormatNQuads && lines.started:
		return lines.writeTo(w)
	case f == FormatNQuads:
		defer d.recycle()
		d.release()
		return d.writeNQuads(w, d.labelText())
	case !lines.started:
		defer d.recycle()
		return d.lineTable(d.labelText(), true).write(w, f)
	}
	t, err := readTable(lines)
	if err != nil {
		return err
	}
	return t.write(w, f)
}

// walkScratch is the memory a direct walk fills: the dataset's terms,
// statements and index, and the walker's IRI maps. A batch walks one film
// after another, each about the same size, and growing these from empty
// (the maps rehashing as they grew) was a sixth of the bytes a film's
// canonical N-Quads allocated, so each walk takes a used scratch from
// walkScratches and gives it back, emptied, once its dataset is written.
type walkScratch struct {
	terms        []dterm
	quads        []dquad
	index        map[string]uint32
	iris, vocabs map[string]uint32
	// slots and seqs are the walker's (walker.slots, walker.seqs), kept
	// for the next walk.
	slots []uint32
	seqs  []*seqWalk
	// props is the walker's stack of properties, grown anew for each
	// film (5 KB of its canonical N-Quads' 294 KB) until it was kept.
	props []directProp
	// canon is the room writing the dataset as canonical N-Quads works
	// in (canonicalText, sortedLines, firstDegreeLabels).
	canon canonScratch
}

// walkScratches holds the scratch of walks done.
var walkScratches scratchPool = new(sync.Pool)

// scratchPool is sync.Pool's Get and Put: a test gives walkScratches a
// pool that keeps what it is given, where a sync.Pool may drop it (at
// random under the race detector), so that a test of reuse tests it.
type scratchPool interface {
	Get() any
	Put(any)
}

// maxScratchTerms is the most terms a walk's scratch may have held to be
// kept for the next: a page of tens of thousands of reviews is written
// once, and its maps would cost the next small film their clearing.
const maxScratchTerms = 1 << 14

func newWalkScratch() *walkScratch {
	if sc, ok := walkScratches.Get().(*walkScratch); ok {
		return sc
	}
	return &walkScratch{index: map[string]uint32{}, iris: map[string]uint32{}, vocabs: map[string]uint32{}}
}

// recycle gives the scratch of the walk that made d back for the next
// walk; d must not be used after it. It does nothing for a dataset not
// made by a walk.
func (d *Dataset) recycle() {
	sc := d.scratch
	if sc == nil {
		return
	}
	d.scratch = nil
	if len(d.terms) > maxScratchTerms {
		return
	}
	// The slices are cleared so that they hold no strings of this film
	// while they wait.
	clear(d.terms)
	sc.terms, sc.quads = d.terms[:0], d.quads[:0]
	clear(sc.canon.text) // their strings are this film's
	clear(sc.canon.literals)
	clear(sc.index)
	clear(sc.iris)
	clear(sc.vocabs)
	*d = Dataset{}
	walkScratches.Put(sc)
}

// labelText returns each term's N-Quads form, blank nodes by the labels
// the walk gave them.
func (d *Dataset) labelText() []string {
	return d.termText(func(_ int, t dterm) string { return "_:" + t.value() })
}

// directTerms caches, per context, what each key and type expands to.
type directTerms struct {
	mu    sync.Mutex
	ctx   *jsongold.Context
	keys  map[string]directKey
	types map[string]directType
	// slots numbers the keys and types that expand (directKey.slot,
	// directType.slot), from 1.
	slots int32
}

// directType is what a @type value expands to: its IRI ("" for none), its
// key in a walk's term table and its slot (see directKey).
type directType struct {
	iri, term string
	slot      int32
}

// directKey is a property key's expansion: its IRI and its type coercion
// ("" none, "@id", or a datatype IRI); ok is false for a key outside the
// narrow shape. term is the IRI's key in a walk's term table (see vocab),
// made once here rather than in every walk (60 strings a film). slot
// numbers the key among its context's keys and types that expand (0 for
// none): a walk finds the term of its IRI by it (walker.slots) with no
// map to hash, as it did for each of a film's 600 statements.
type directKey struct {
	iri, coerce, term string
	ok                bool
	slot              int32
}

// directCache holds a *directTerms per context.
var directCache sync.Map

func termsFor(ctx *jsongold.Context) *directTerms {
	if v, ok := directCache.Load(ctx); ok {
		return v.(*directTerms)
	}
	v, _ := directCache.LoadOrStore(ctx, &directTerms{ctx: ctx, keys: map[string]directKey{}, types: map[string]directType{}})
	return v.(*directTerms)
}

// key returns what a property key expands to.
func (t *directTerms) key(k string) directKey {
	t.mu.Lock()
	defer t.mu.Unlock()
	if d, ok := t.keys[k]; ok {
		return d
	}
	d := t.lookupKey(k)
	if d.ok && checkIRI(d.iri, false) != nil {
		d = directKey{}
	}
	if d.ok {
		d.term = "<" + d.iri + ">"
		t.slots++
		d.slot = t.slots
	}
	t.keys[k] = d
	return d
}

func (t *directTerms) lookupKey(k string) directKey {
	if k == "" || k[0] == '@' {
		return directKey{}
	}
	td := t.ctx.GetTermDefinition(k)
	if td == nil {
		// Only an absolute IRI whose scheme is no term: a compact IRI
		// or a term left to @vocab takes the general path.
		i := strings.IndexByte(k, ':')
		if i <= 0 || t.ctx.GetTermDefinition(k[:i]) != nil || !strings.HasPrefix(k[i:], "://") {
			return directKey{}
		}
		return directKey{iri: k, ok: true}
	}
	if td.ID == "" || td.ID[0] == '@' || !strings.Contains(td.ID, "://") || td.Reverse || td.HasContext ||
		td.Nest != "" || td.Index != "" || td.HasLanguage || td.Language != nil || td.HasDirection || td.Direction != nil {
		return directKey{}
	}
	for _, c := range td.Container {
		if c != "@set" {
			return directKey{}
		}
	}
	switch {
	case td.Type == "" || td.Type == "@id":
	case td.Type[0] == '@' || !strings.Contains(td.Type, "://"):
		return directKey{}
	}
	return directKey{iri: td.ID, coerce: td.Type, ok: true}
}

// typ returns what a @type value expands to, or "".
func (t *directTerms) typ(v string) string { return t.typSlot(v).iri }

// typSlot returns what a @type value expands to, with its slot.
func (t *directTerms) typSlot(v string) directType {
	t.mu.Lock()
	defer t.mu.Unlock()
	if dt, ok := t.types[v]; ok {
		return dt
	}
	iri := ""
	if td := t.ctx.GetTermDefinition(v); td != nil && !td.HasContext && strings.Contains(td.ID, "://") && td.ID[0] != '@' {
		iri = td.ID
	} else if i := strings.IndexByte(v, ':'); td == nil && i > 0 && t.ctx.GetTermDefinition(v[:i]) == nil && strings.HasPrefix(v[i:], "://") && takenAbsolute(v) {
		// An absolute IRI whose scheme is no term (expanded JSON-LD's
		// types) expands to itself, as a key does (lookupKey); one
		// json-gold does not take for absolute ("p://%000") it drops.
		iri = v
	}
	if iri != "" && checkIRI(iri, true) != nil {
		iri = ""
	}
	dt := directType{iri: iri}
	if iri != "" {
		t.slots++
		dt.term, dt.slot = "<"+iri+">", t.slots
	}
	t.types[v] = dt
	return dt
}

// directDataset walks doc into a one-document Dataset; ok is false for a
// document outside WriteDirect's shape.
//
// With flat, it also declines what the node map of the document's
// expansion holds other than a statement does (see
// Processor.writeDirectFlattened).
//
// With lines set, the walk moves the statements to lines once there are
// lines.limit/256 of them (lines.started tells it), and d then holds only the terms
// made before and the IRIs. With canonical, the lines write literals as
// canonical N-Quads do (literalText), for writeCanonicalLines.
func directDataset(ctx *jsongold.Context, doc any, lines *lineSorter, canonical, flat bool, base string) (d *Dataset, ok bool) {
	top, isMap := doc.(map[string]any)
	// Under the schema.org context, or else (expanded JSON-LD) under
	// none: a "@graph" alone, walked with the empty context.
	bare := len(ctx.TermDefinitions) == 0 && ctx.Values.Vocab == nil
	switch {
	case !isMap:
		return nil, false
	case bare:
		if _, hasGraph := top["@graph"]; !hasGraph || len(top) != 1 {
			return nil, false
		}
	case len(top) != 2 || !schemaOrgContext(top["@context"]):
		return nil, false
	}
	if v := ctx.Values; v.HasLanguage || v.Direction != "" || v.Base != "" {
		return nil, false
	}
	graph, isList := items(top["@graph"])
	if !isList {
		return nil, false
	}
	sc := newWalkScratch()
	d = &Dataset{terms: append(sc.terms[:0], dterm{}), index: sc.index, quads: sc.quads[:0], scratch: sc}
	// Cleared here, not when the scratch is given back: the last walk may
	// have numbered another context's keys, and a walk declined gives
	// nothing back.
	clear(sc.slots)
	w := &walker{t: termsFor(ctx), d: d, iris: sc.iris, vocabs: sc.vocabs, slots: sc.slots, seqs: sc.seqs, props: sc.props[:0], sorter: lines, canonical: canonical, flat: flat, bare: bare, base: base}
	w.d.docs = append(w.d.docs, 0)
	w.d.names = append(w.d.names, "JSON-LD")
	w.typ = w.term(IRI, "<"+rdfType+">")
	for n := range graph {
		o, isNode := objectOf(n)
		if !isNode || w.flat && onlyID(o) {
			return nil, false
		}
		if freeLabel(o) {
			continue
		}
		if _, ok := w.node(o, 0); !ok {
			return nil, false
		}
		w.tmp = w.tmp[:0] // a top node is no statement's object
	}
	w.d.blanks = w.blank
	// Emptied, so that it holds no value of this film while it waits.
	clear(w.props[:cap(w.props)])
	sc.props, sc.slots, sc.seqs = w.props[:0], w.slots, w.seqs
	return w.d, true
}

// items returns an array's items, or a sequence's (see WriteDirect); ok
// is false for any other value.
func items(v any) (seq iter.Seq[any], ok bool) {
	switch x := v.(type) {
	case []any:
		return slices.Values(x), true
	case iter.Seq[any]:
		return x, true
	}
	return nil, false
}

// itemsOf returns a property value's items: an array's or a sequence's,
// or the value alone.
func itemsOf(v any) iter.Seq[any] {
	if seq, ok := items(v); ok {
		return seq
	}
	return func(yield func(any) bool) { yield(v) }
}

// NodeRef is what a document given to WriteDirect or WriteDirectJSON
// may hold in place of a node reference, {"@id": NodeID()}: the walk to
// RDF takes the IRI without a map to make and read (a film's references
// to its people, a map of one key each, were 8% of the bytes allocated
// to write a film as canonical N-Quads). Every other path is given the
// map.
type NodeRef interface {
	NodeID() string
}

// refMap returns the node reference r stands for.
func refMap(r NodeRef) map[string]any { return map[string]any{"@id": r.NodeID()} }

// collect returns doc with every sequence (see WriteDirect) collected into
// an array and every NodeRef and Node made a map, for the general path; a
// document without any is returned as it is.
func collect(doc any) any {
	if !needsCollect(doc) {
		return doc
	}
	return collectAll(doc)
}

// needsCollect reports whether v holds a sequence, a NodeRef or a Node,
// which collect turns into what the general path takes.
func needsCollect(v any) bool {
	switch x := v.(type) {
	case iter.Seq[any], NodeRef, Node:
		return true
	case []any:
		return slices.ContainsFunc(x, needsCollect)
	case map[string]any:
		for _, e := range x {
			if needsCollect(e) {
				return true
			}
		}
	}
	return false
}

func collectAll(v any) any {
	switch x := v.(type) {
	case NodeRef:
		return refMap(x)
	case iter.Seq[any]:
		var out []any
		for e := range x {
			out = append(out, collectAll(e))
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = collectAll(e)
		}
		return out
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = collectAll(e)
		}
		return out
	case Node:
		out := make(map[string]any, len(x))
		for _, mb := range x {
			out[mb.Key] = collectAll(mb.Value)
		}
		return out
	}
	return v
}

// walker turns nodes into statements.
type walker struct {
	// base is the page's base (see basedOnPage), against which @id values
	// and values coerced to @id with no ":" are resolved; "" for none.
	base  string
	t     *directTerms
	d     *Dataset
	typ   uint32 // rdf:type
	blank int    // the next blank node's number
	props []directProp
	// iris and vocabs find the terms of IRIs met before, checked (iris)
	// or known good (vocabs: properties and types), without building
	// their keys again.
	iris, vocabs map[string]uint32
	// slots holds the terms of the keys and types met, by their slots
	// (directKey.slot), 0 where not met yet.
	slots []uint32
	// seqs holds a seqWalk for each depth of sequences being walked
	// (property), depth of them in use.
	seqs  []*seqWalk
	depth int
	// key is scratch space for a literal's key: a literal met before is
	// found without building its key as a new string.
	key []byte
	// sorter, when set, takes the statements as N-Quads lines once there
	// are sorter.limit/256 of them (lines is then true): literals are no longer
	// stored as terms but written at once (the term litTerm is the one
	// just made, in lit), and blank nodes are numbered, not stored
	// (blankTerm).
	sorter *lineSorter
	lines  bool
	lit    string
	line   []byte
	// canonical makes the lines' literals canonical N-Quads' (see
	// directDataset).
	canonical bool
	// flat declines, besides, what the node map of the document's
	// expansion holds other than a statement does, for flattened output
	// (see Processor.writeDirectFlattened): an empty list, an @id alone
	// in a graph, a value object typed as a native JSON value's datatype
	// or as xsd:string, rdf:type as a property, a node described inside
	// itself (see node).
	flat bool
	// path, in flat, holds the IRIs of the nodes whose properties are
	// being walked (a blank node is never met twice).
	path []string
	// labels holds the terms of the blank node identifiers the document
	// gives ("_:x"), made when first met: node map generation names each
	// blank node, labelled or not, in the order the walk meets them, so a
	// label takes the next number then, and keeps it. Flattened JSON-LD
	// and compacted web snippets label every blank node they reference.
	labels map[string]uint32
	// bare is set for a document without a context (expanded JSON-LD):
	// a nested context would change what its keys mean.
	bare bool
	// blankPath, in flat, holds the blank nodes whose properties are
	// being walked, once the document has labelled one (see node).
	blankPath []uint32
	// seq numbers the statements of a flat walk in lines (flatLine),
	// and litValue and litType hold the literal it made last.
	seq               uint64
	litValue, litType string
	// tmp, in lines, holds the IRIs met since the statements became
	// lines that were not terms already (iriTerm | index): written out at
	// once, they need no term, and a node's are dropped when the node is
	// walked (see node). Interned, the IRIs of 50,000 reviewers stayed in
	// the term table to the end (7 MB of export's peak).
	tmp []string
}

const (
	// litTerm is the term of the literal a walk in lines made last.
	litTerm = math.MaxUint32
	// blankTerm marks the term of a blank node made in lines: the low bits
	// are its number.
	blankTerm = 1 << 31
	// iriTerm marks the term of an IRI met in lines that is not a term
	// of the table: the low bits are its index in walker.tmp.
	iriTerm = 1 << 30
)

// emit adds the statement s p o in graph g.
func (w *walker) emit(s, p, o, g uint32) {
	if !w.lines {
		w.d.quads = append(w.d.quads, dquad{s, p, o, g})
		if w.sorter != nil && len(w.d.quads) >= max(w.sorter.limit/256, 1) {
			if w.sorter.canSpill() {
				w.toLines()
			} else {
				// No temporary file: the statements stay numbers,
				// which take less memory than lines held as text.
				w.sorter = nil
			}
		}
		return
	}
	if w.flat {
		w.flatLine(s, p, o, g)
		return
	}
	w.line = w.appendTerm(w.line[:0], s)
	w.line = append(w.line, ' ')
	w.line = w.appendTerm(w.line, p)
	w.line = append(w.line, ' ')
	w.line = w.appendTerm(w.line, o)
	if g != 0 {
		w.line = append(w.line, ' ')
		w.line = w.appendTerm(w.line, g)
	}
	w.line = append(w.line, " .\n"...)
	w.sorter.add(w.line)
}

// toLines moves the statements held to the sorter, and makes the walk
// write the next ones there.
func (w *walker) toLines() {
	w.lines = true
	for _, q := range w.d.quads {
		w.emit(q.s, q.p, q.o, q.g)
	}
	w.d.quads = nil
}

// appendTerm appends term id's N-Quads form, as labelText writes it (with
// w.canonical, its literals as canonicalText does).
func (w *walker) appendTerm(b []byte, id uint32) []byte {
	switch {
	case id == litTerm:
		return append(b, w.lit...)
	case id&blankTerm != 0:
		return strconv.AppendUint(append(b, "_:b"...), uint64(id&^blankTerm), 10)
	case id&iriTerm != 0:
		return ntriples.AppendIRI(b, w.tmp[id&^iriTerm])
	}
	switch t := w.d.terms[id]; t.kind {
	case IRI:
		return append(b, ntriples.TermOfKey(t.key)...)
	case Blank:
		return append(append(b, "_:"...), t.value()...)
	}
	if w.canonical {
		v, dt, lang := w.d.terms[id].literal()
		return append(b, literalText(v, dt, strings.ToLower(lang))...)
	}
	return append(b, w.d.terms[id].text()...)
}

// name returns the name of node term id (not a literal) in flattened
// output: an IRI as it is, a blank node as _:bN.
func (w *walker) name(id uint32) string {
	return string(w.appendName(nil, id))
}

// appendName appends name's form of term id.
func (w *walker) appendName(b []byte, id uint32) []byte {
	switch {
	case id&blankTerm != 0 && id != litTerm:
		return strconv.AppendUint(append(b, "_:b"...), uint64(id&^blankTerm), 10)
	case id&iriTerm != 0 && id != litTerm:
		return append(b, w.tmp[id&^iriTerm]...)
	}
	if t := w.d.terms[id]; t.kind == Blank {
		return append(append(b, "_:"...), t.value()...)
	}
	return append(b, w.d.terms[id].value()...)
}

// flatLine adds the statement s p o in graph g to the sorter as a flat
// walk's line (see readFlatLine): the name of its node at the top of the
// flattened output (its graph's, or else its subject's) first, then, in
// a graph, its subject's, then its number in the walk, so that the lines
// sort as flattened output lists their nodes and each node's values.
// Names hold no NUL (IRIs are checked, blank nodes are _:bN); a literal's
// value is escaped.
func (w *walker) flatLine(s, p, o, g uint32) {
	b := w.line[:0]
	if g != 0 {
		b = append(w.appendName(b, g), 0, '1', 0)
		b = append(w.appendName(b, s), 0)
	} else {
		b = append(w.appendName(b, s), 0, '0', 0)
	}
	const digits = "0123456789abcdef"
	for shift := 60; shift >= 0; shift -= 4 {
		b = append(b, digits[w.seq>>uint(shift)&15])
	}
	w.seq++
	b = append(w.appendName(append(b, 0), p), 0)
	switch {
	case o == litTerm:
		b = appendFlatLiteral(b, w.litValue, w.litType)
	case o&(blankTerm|iriTerm) == 0 && w.d.terms[o].kind == Literal:
		v, dt, _ := w.d.terms[o].literal()
		b = appendFlatLiteral(b, v, dt)
	default:
		b = w.appendName(append(b, 'I'), o)
	}
	w.line = append(b, '\n')
	w.sorter.add(w.line)
}

// appendFlatLiteral appends a literal as flatLine writes it: L, its
// datatype, NUL and its value with backslashes, newlines and NULs
// escaped.
func appendFlatLiteral(b []byte, value, datatype string) []byte {
	b = append(append(append(b, 'L'), datatype...), 0)
	for i := 0; i < len(value); i++ {
		switch c := value[i]; c {
		case '\\':
			b = append(b, '\\', '\\')
		case '\n':
			b = append(b, '\\', 'n')
		case 0:
			b = append(b, '\\', '0')
		default:
			b = append(b, c)
		}
	}
	return b
}

// isIRI reports whether term id is an IRI.
func (w *walker) isIRI(id uint32) bool {
	return id != litTerm && id&blankTerm == 0 && (id&iriTerm != 0 || w.d.terms[id].kind == IRI)
}

// directProp is a node's property: its expansion and its value.
type directProp struct {
	key directKey
	val any
}

// term returns the index of the term with key k, adding it when new.
func (w *walker) term(kind TermKind, k string) uint32 {
	if id, ok := w.d.index[k]; ok {
		return id
	}
	return w.newTerm(kind, k)
}

// newTerm adds the term with key k, which the index does not hold, and
// returns its index. A literal, looked up already by its key in scratch
// space (literal), comes here straight: through term its whole text (a
// review's) was hashed once more.
func (w *walker) newTerm(kind TermKind, k string) uint32 {
	id := uint32(len(w.d.terms))
	w.d.terms = append(w.d.terms, dterm{kind: kind, key: k})
	w.d.index[k] = id
	return id
}

// iri returns an IRI's term, ok false for an IRI the general path would
// expand otherwise (a compact IRI, a relative reference, a blank node
// label) or refuse.
func (w *walker) iri(s string) (uint32, bool) {
	if id, ok := w.iris[s]; ok {
		return id, true
	}
	if strings.HasPrefix(s, "_:") {
		return w.label(s)
	}
	i := strings.IndexByte(s, ':')
	if i <= 0 || s[0] == '@' || w.t.isTerm(s[:i]) || checkIRI(s, true) != nil || !takenAbsolute(s) {
		return 0, false
	}
	if w.lines {
		w.tmp = append(w.tmp, s)
		return iriTerm | uint32(len(w.tmp)-1), true
	}
	id := w.term(IRI, "<"+s+">")
	w.iris[s] = id
	return id, true
}

// ref returns the term of a document-relative reference (an @id, a value
// coerced to @id): one with no ":" is resolved against the page's base,
// as expansion resolves it, where there is one (see iri); one in the
// form of a keyword is iri's to decline.
func (w *walker) ref(s string) (uint32, bool) {
	if w.base != "" && !strings.Contains(s, ":") && !strings.HasPrefix(s, "@") {
		return w.iri(resolveIRI(w.base, s))
	}
	return w.iri(s)
}

// label returns the term of the blank node the document labels s, made
// the next blank node the first time s is met; false for a label the
// general path refuses ("_:" alone).
func (w *walker) label(s string) (uint32, bool) {
	if id, ok := w.labels[s]; ok {
		return id, true
	}
	if checkIRI(s, true) != nil {
		return 0, false
	}
	if w.labels == nil {
		w.labels = map[string]uint32{}
	}
	id := w.newBlank()
	w.labels[s] = id
	return id, true
}

// newBlank returns the term of a new blank node, the next by number.
func (w *walker) newBlank() uint32 {
	var id uint32
	if w.lines {
		id = blankTerm | uint32(w.blank)
	} else {
		// Never looked up, it takes no place in the index (100,000 of
		// the 250,000 terms of a page of 50,000 reviews with its
		// provenance).
		id = uint32(len(w.d.terms))
		w.d.terms = append(w.d.terms, dterm{kind: Blank, key: blankKey(w.blank)})
	}
	w.blank++
	return id
}

// blankKey is the key of a walk's blank node n, "_0 _:bN" (see dterm).
func blankKey(n int) string {
	if n < len(blankKeys()) {
		return blankKeys()[n]
	}
	return "_0 _:b" + strconv.Itoa(n)
}

// blankKeys holds the first keys made once, as c14nLabels does labels.
var blankKeys = sync.OnceValue(func() []string { return labelTable("_0 _:b", 1024) })

// vocab returns the term of a property or type IRI, checked already;
// key is its key in the term table, "<iri>", where the caller has it
// made, and slot the number of the key or type it expands (0 for none).
func (w *walker) vocab(iri, key string, slot int32) uint32 {
	if slot > 0 && int(slot) < len(w.slots) {
		if id := w.slots[slot]; id != 0 {
			return id
		}
	}
	id, ok := w.vocabs[iri]
	if !ok {
		if key == "" {
			key = "<" + iri + ">"
		}
		id = w.term(IRI, key)
		w.vocabs[iri] = id
	}
	if slot > 0 {
		if int(slot) >= len(w.slots) {
			w.slots = append(w.slots, make([]uint32, int(slot)+1-len(w.slots))...)
		}
		w.slots[slot] = id
	}
	return id
}

// literal returns a literal's term. An xsd:string literal's key holds
// keyXSDString for its datatype: most of a film's literals are strings,
// and the datatype's 39 bytes in each key were a tenth of the statements'
// memory (50,000 reviews).
func (w *walker) literal(value, datatype string) uint32 {
	if w.lines && w.flat {
		w.litValue, w.litType = value, datatype
		return litTerm
	}
	if w.lines {
		if w.canonical {
			w.lit = literalText(value, datatype, "")
		} else {
			w.lit = Term{Kind: Literal, Value: value, Datatype: datatype}.String()
		}
		return litTerm
	}
	if datatype == xsdString {
		datatype = keyXSDString
	}
	w.key = append(append(append(append(append(w.key[:0], '"'), value...), 0), datatype...), 0)
	if id, ok := w.d.index[string(w.key)]; ok {
		return id
	}
	return w.newTerm(Literal, string(w.key))
}

// langLiteral returns the term of {"@value": s, "@language": lang} (x),
// its tag in lower case as expansion writes it; false for any other value
// object with a language, for a tag or text the general path refuses, and
// in a flat walk, whose lines carry no language.
func (w *walker) langLiteral(x map[string]any, lang any) (uint32, bool) {
	s, isString := x["@value"].(string)
	tag, isTag := lang.(string)
	if !isString || !isTag || len(x) != 2 || w.flat || !langTag().MatchString(tag) || checkText(s) != nil {
		return 0, false
	}
	tag = strings.ToLower(tag)
	if w.lines {
		if w.canonical {
			w.lit = literalText(s, rdfLangString, tag)
		} else {
			w.lit = Term{Kind: Literal, Value: s, Datatype: rdfLangString, Lang: tag}.String()
		}
		return litTerm, true
	}
	w.key = append(append(append(append(append(append(w.key[:0], '"'), s...), 0), rdfLangString...), 0), tag...)
	if id, ok := w.d.index[string(w.key)]; ok {
		return id, true
	}
	return w.newTerm(Literal, string(w.key)), true
}

// node walks a node object in graph g (0 the default graph) and returns
// its subject, in the order JSON-LD node map generation visits it.
func (w *walker) node(m object, g uint32) (uint32, bool) {
	if ownKeys(m) == 0 {
		// An empty node object: expansion drops it where it stands
		// free in a graph, so it takes no blank node label there, as
		// it would here (FuzzWriteDirectNQuads). film2ld never writes
		// one; the general path has it.
		return 0, false
	}
	var s uint32
	if v, hasID := m.get("@id"); hasID {
		id, isString := v.(string)
		if !isString {
			return 0, false
		}
		var ok bool
		if s, ok = w.ref(id); !ok {
			return 0, false
		}
	} else {
		s = w.newBlank() // a new blank node every time
	}
	if v, hasType := m.get("@type"); hasType {
		types, isList := v.([]any)
		if !isList {
			types = []any{v}
		}
		if w.flat && len(types) == 0 {
			return 0, false
		}
		for _, t := range types {
			name, isString := t.(string)
			if !isString {
				return 0, false
			}
			dt := w.t.typSlot(name)
			if dt.iri == "" {
				return 0, false
			}
			w.emit(s, w.typ, w.vocab(dt.iri, dt.term, dt.slot), g)
		}
	}
	// w.props is a stack: this node's properties are w.props[base:n],
	// and the nodes walked below push theirs past n and pop them. So is
	// w.tmp: the IRIs this node's statements met go when it is walked; its
	// own, which its parent's statement still needs, stays until the
	// parent is walked.
	base, tmpBase := len(w.props), len(w.tmp)
	defer func() { w.props, w.tmp = w.props[:base], w.tmp[:tmpBase] }()
	if m.isNode {
		// A Node's members are ranged over as they are, with no map to
		// hash; a keyword given twice would be read as its first (get),
		// where the map it stands for keeps the last. A property given
		// twice is two keys for one IRI, declined below.
		var seen uint8
		for _, mb := range m.n {
			if bit := keywordBit(mb.Key); bit != 0 {
				if seen&bit != 0 {
					return 0, false
				}
				seen |= bit
			}
			if !w.member(mb.Key, mb.Value) {
				return 0, false
			}
		}
	} else {
		for k, v := range m.m {
			if !w.member(k, v) {
				return 0, false
			}
		}
	}
	n := len(w.props)
	props := w.props[base:n]
	slices.SortFunc(props, func(a, b directProp) int { return strings.Compare(a.key.iri, b.key.iri) })
	for i := 1; i < len(props); i++ {
		if props[i].key.iri == props[i-1].key.iri {
			// Two keys for one IRI: expansion merges their values in
			// an order of its own.
			return 0, false
		}
	}
	if v, hasGraph := m.get("@graph"); hasGraph && !w.graph(s, v) {
		return 0, false
	}
	if w.flat && n > base && w.isIRI(s) {
		// The node map adds a node's reference to its parent's property
		// before it maps the node, the walk its statement after it
		// walked the node: a node described again inside itself would
		// give its own property's values in another order.
		iri := w.name(s)
		if slices.Contains(w.path, iri) {
			return 0, false
		}
		w.path = append(w.path, iri)
		defer func() { w.path = w.path[:len(w.path)-1] }()
	} else if w.flat && n > base && len(w.labels) > 0 {
		// So can a labelled blank node, known by its term (the same
		// each time the label is met); an anonymous one is met once
		// and never found here.
		if slices.Contains(w.blankPath, s) {
			return 0, false
		}
		w.blankPath = append(w.blankPath, s)
		defer func() { w.blankPath = w.blankPath[:len(w.blankPath)-1] }()
	}
	for i := base; i < n; i++ {
		// Indexed anew each time: pushing may move the stack.
		pr := w.props[i]
		if !w.property(s, w.vocab(pr.key.iri, pr.key.term, pr.key.slot), g, pr.key, pr.val) {
			return 0, false
		}
	}
	return s, true
}

// graph walks the nodes of named graph s, v its "@graph"; false where
// they are outside WriteDirect's shape. (A loop of its own: in node, the
// range over a sequence put node's results on the heap, for every node.)
func (w *walker) graph(s uint32, v any) bool {
	// A named graph's nodes come before its name's properties.
	if !w.isIRI(s) {
		return false
	}
	count := 0
	for it := range itemsOf(v) {
		n, isNode := objectOf(it)
		if !isNode || w.flat && onlyID(n) {
			return false
		}
		count++
		if freeLabel(n) {
			continue
		}
		mark := len(w.tmp)
		if _, ok := w.node(n, s); !ok {
			return false
		}
		w.tmp = w.tmp[:mark] // a graph's node is no statement's object
	}
	return !w.flat || count > 0
}

// member pushes a member of the node being walked onto w.props, or skips
// it (@id, @type and @graph, which node walks itself, and a repeated
// schema.org context); false where it is outside WriteDirect's shape.
func (w *walker) member(k string, v any) bool {
	switch k {
	case "@id", "@type", "@graph":
		return true
	case "@context":
		// Scraped pages repeat the schema.org context on nested
		// nodes: the same context again changes nothing (see
		// dropRepeatedContexts). Any other needs the general path.
		return !w.bare && schemaOrgContext(v)
	}
	key := w.t.key(k)
	if !key.ok || w.flat && (key.iri == rdfType || flatDatatype(key.coerce)) {
		return false
	}
	w.props = append(w.props, directProp{key, v})
	return true
}

// keywordBit returns the bit of a keyword node reads by its key alone
// (@id, @type, @graph, @context), 0 for any other key.
func keywordBit(k string) uint8 {
	if len(k) == 0 || k[0] != '@' {
		return 0
	}
	switch k {
	case "@id":
		return 1
	case "@type":
		return 2
	case "@graph":
		return 4
	case "@context":
		return 8
	}
	return 0
}

// property adds the statements of one property's value (an array's or a
// sequence's items, or the value alone), in order; false where the value
// is outside WriteDirect's shape. An array is ranged over directly: a
// range over itemsOf's iterator allocated its closures for every property
// of every node (7 % of a film's allocations).
func (w *walker) property(s, p, g uint32, key directKey, v any) bool {
	switch x := v.(type) {
	case []any:
		if w.flat && len(x) == 0 {
			return false
		}
		for _, it := range x {
			if !w.statement(s, p, g, key, it) {
				return false
			}
		}
		return true
	case iter.Seq[any]:
		// Called with a yield function made once for each depth of
		// nesting (seqWalk), not ranged over: the loop's closure and
		// the variables it set were made on the heap for every such
		// property, 50 allocations of the samples' film.
		if w.depth == len(w.seqs) {
			st := &seqWalk{}
			st.yield = st.step
			w.seqs = append(w.seqs, st)
		}
		st := w.seqs[w.depth]
		st.w, st.s, st.p, st.g, st.key, st.ok, st.count = w, s, p, g, key, true, 0
		w.depth++
		x(st.yield)
		w.depth--
		ok, count := st.ok, st.count
		st.w, st.key = nil, directKey{} // nothing of this walk kept
		return ok && (count > 0 || !w.flat)
	}
	return w.statement(s, p, g, key, v)
}

// seqWalk is a property whose values are a sequence, being walked: the
// statement of each value the sequence yields is added (step, as yield)
// until one is outside WriteDirect's shape (ok false).
type seqWalk struct {
	w       *walker
	s, p, g uint32
	key     directKey
	ok      bool
	count   int
	yield   func(any) bool
}

// step adds the statement of one value of the sequence.
func (st *seqWalk) step(v any) bool {
	if !st.ok {
		return false // a sequence that goes on after being told to stop
	}
	if st.ok = st.w.statement(st.s, st.p, st.g, st.key, v); st.ok {
		st.count++
	}
	return st.ok
}

// statement adds the statement s p v in graph g, walking a node v holds.
func (w *walker) statement(s, p, g uint32, key directKey, v any) bool {
	o, ok := w.value(v, key, g)
	if ok {
		w.emit(s, p, o, g)
	}
	return ok
}

// value returns a property value's term, walking a node it holds.
func (w *walker) value(v any, key directKey, g uint32) (uint32, bool) {
	switch x := v.(type) {
	case string:
		switch key.coerce {
		case "":
			if checkText(x) != nil {
				return 0, false
			}
			return w.literal(x, xsdString), true
		case "@id":
			return w.ref(x)
		default:
			if checkText(x) != nil || key.coerce == rdfJSON {
				return 0, false
			}
			return w.literal(x, key.coerce), true
		}
	case bool:
		if key.coerce != "" {
			return 0, false
		}
		return w.literal(strconv.FormatBool(x), xsdBoolean), true
	case float64:
		return w.number(x, key)
	case int:
		return w.number(float64(x), key)
	case int64:
		return w.number(float64(x), key)
	case map[string]any:
		if val, isValue := x["@value"]; isValue && len(x) == 1 {
			// A value object of a native value alone (expanded
			// JSON-LD's form) is the value under no coercion.
			switch val.(type) {
			case string, bool, float64, int, int64:
				return w.value(val, directKey{iri: key.iri, ok: true}, g)
			}
			return 0, false
		}
		if lang, hasLang := x["@language"]; hasLang {
			return w.langLiteral(x, lang)
		}
		if val, isValue := x["@value"]; isValue {
			s, isString := val.(string)
			dt, hasType := x["@type"].(string)
			if !isString || !hasType || len(x) != 2 || key.coerce != "" || dt == rdfJSON || checkText(s) != nil || w.flat && flatDatatype(dt) {
				return 0, false
			}
			// rdf:langString without a language the general path refuses.
			if _, ok := w.iri(dt); !ok || dt == rdfLangString || checkIRI(dt, false) != nil {
				return 0, false
			}
			return w.literal(s, dt), true
		}
		for k := range x {
			if k != "@id" && k != "@type" && k != "@graph" && k != "@context" && strings.HasPrefix(k, "@") {
				return 0, false
			}
		}
		if _, hasGraph := x["@graph"]; hasGraph {
			return 0, false
		}
		return w.node(object{m: x}, g)
	case Node:
		if keywordValue(x) {
			return w.value(nodeMap(x), key, g)
		}
		for _, mb := range x {
			switch k := mb.Key; k {
			case "@graph":
				return 0, false
			case "@id", "@type", "@context":
			default:
				if strings.HasPrefix(k, "@") {
					return 0, false
				}
			}
		}
		return w.node(object{n: x, isNode: true}, g)
	case NodeRef:
		// As w.node gives for {"@id": id}: the subject's term, no
		// statement.
		return w.ref(x.NodeID())
	}
	return 0, false
}

// number returns a number's literal as json-gold's conversion to RDF
// makes it: a whole number's xsd:integer, any other's xsd:double in
// canonical form (jld.GetCanonicalDouble, the function it calls), so that
// a page's ratings (8.2) no longer send a whole document down the general
// path. A coerced number, a whole number past 2^53 (which json-gold
// converts through an int64) and, for flattened output (whose node map
// keeps the native number, not its statement), a double take that path.
func (w *walker) number(x float64, key directKey) (uint32, bool) {
	if key.coerce != "" || math.IsNaN(x) || math.IsInf(x, 0) {
		return 0, false
	}
	if x == math.Trunc(x) {
		if math.Abs(x) >= 1<<53 {
			return 0, false
		}
		return w.literal(strconv.FormatInt(int64(x), 10), xsdInteger), true
	}
	if w.flat {
		return 0, false
	}
	return w.literal(jld.GetCanonicalDouble(x), xsdDouble), true
}

// onlyID reports whether node m is an @id alone, which expansion drops
// where it stands free in a graph.
func onlyID(m object) bool {
	_, hasID := m.get("@id")
	return hasID && ownKeys(m) == 1
}

// schemaOrgContext reports whether a @context value is one of the URLs
// of schema.org's context (IsSchemaOrgContext: http or https, with or
// without "www." or a trailing slash), which the processor serves
// built in, so that each expands a document alike.
func schemaOrgContext(v any) bool {
	s, isString := v.(string)
	return isString && IsSchemaOrgContext(s)
}

// freeLabel reports whether node m, standing free in a graph, is a blank
// node's label alone, which expansion drops: node map generation never
// numbers it. (An IRI alone is walked, which checks it and makes no
// statement.)
func freeLabel(m object) bool {
	v, _ := m.get("@id")
	id, isString := v.(string)
	return isString && ownKeys(m) == 1 && strings.HasPrefix(id, "_:") && checkIRI(id, true) == nil
}

// ownKeys returns the number of node m's keys, less a schema.org
// @context, which changes nothing where the walk goes (see node).
func ownKeys(m object) int {
	if c, has := m.get("@context"); has && schemaOrgContext(c) {
		return m.len() - 1
	}
	return m.len()
}

// flatDatatype reports whether a value typed dt is one flattened output
// would write other than its statement says: the datatypes of native JSON
// values (whose statements a native value makes too) and xsd:string
// (which a statement does not keep).
func flatDatatype(dt string) bool {
	return dt == xsdInteger || dt == xsdBoolean || dt == xsdString
}

// isTerm reports whether the context defines s (a compact IRI's prefix).
func (t *directTerms) isTerm(s string) bool {
	return t.ctx.GetTermDefinition(s) != nil
}

const (
	xsdBoolean = "http://www.w3.org/2001/XMLSchema#boolean"
	xsdInteger = "http://www.w3.org/2001/XMLSchema#integer"
	xsdDouble  = "http://www.w3.org/2001/XMLSchema#double"
)
