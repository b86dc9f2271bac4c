package schemas

import (
	"fmt"
	"iter"
	"math"
	"slices"
	"strings"
	"sync"

	"github.com/film2ld/film2ld/ld"
	"github.com/film2ld/film2ld/ld/diag"
	"github.com/film2ld/film2ld/ld/schemaorg"
	"github.com/film2ld/film2ld/schemas/internal/jsonpos"
)

// Graph is the nodes of one input (a JSON-LD document, or all the blocks of
// one page), each once, however often the JSON writes it.
type Graph struct {
	// Nodes are in the order they are first written.
	Nodes []*Node
	byID  map[string]*Node
	// Problems are findings made while reading (a context that is not
	// schema.org's, a keyword film2ld cannot check).
	Problems []Finding
	// PageURL is the address of the page the markup is published on, when
	// known; reviews from another site are then reported.
	PageURL string
	// docs counts the documents read, to scope their blank node labels.
	docs int
	// made counts the blank nodes made, to number them (Node.seq).
	made int
	// pending are the documents whose last checks finish settles.
	pending []*pendingDoc
	// markup is set once a document was read as markup (Graph.add),
	// which tells what JSON-LD drops of it (see TellDropped).
	markup bool
}

// Node is one node of the graph.
type Node struct {
	// ID is the node's IRI, or "" for a blank node.
	ID string
	// Types are schema.org local names ("Movie"), or IRIs for types of
	// other vocabularies.
	Types []string
	// Props are the node's properties in the order their keys are first
	// written. A list, not maps: two maps per node (values and key
	// positions) were half of validate's memory on a page of 50,000
	// reviews, and a node has a handful of properties.
	Props []Prop
	// Pos is where the node is first written (its opening brace).
	Pos Pos
	// Parents are the nodes that have this node as a property value.
	Parents []Edge
	// Described is false for a node only ever referred to by "@id".
	Described bool
	// TopLevel is true when the node is written at the top of a document
	// or in a top-level "@graph", rather than as a property value.
	TopLevel bool
	// seq numbers a blank node in its graph, in the order made (0 for a
	// node with an IRI, which its IRI names): two blank nodes alike
	// ("Review (review of Movie X)") placed alike (in N-Quads, at their
	// subject's line) are told apart by it, where onePerPlace made their
	// findings one (audit 15: four reviews without an author were one
	// warning in N-Quads, four in flattened JSON-LD). A node with an IRI
	// checked in two parts of a film (Job.Check) is one place.
	seq int
	// rare holds what few nodes have, behind one pointer: a node was 176
	// bytes with them in place, 144 without (3 MB of a page of 50,000
	// reviews' graph).
	rare *nodeRare
}

// nodeRare is what a node of a snippet's graph, or a node of many
// properties, holds beside the rest.
type nodeRare struct {
	// origins are the JSON objects the node was read from (its
	// descriptions and the references to it), for a graph SnippetFor
	// reads: leaving the node out leaves these out.
	origins []*jsonpos.Value
	// propIndex finds the properties of a node that has many (see
	// indexLast): a JSON object of 20,000 keys made every lookup, and so
	// checking it, quadratic. Only the builder adds properties, and it
	// keeps the index.
	propIndex map[string]int
}

// origins returns the JSON objects the node was read from (see
// nodeRare.origins).
func (n *Node) origins() []*jsonpos.Value {
	if n.rare == nil {
		return nil
	}
	return n.rare.origins
}

// addOrigin notes that the node is read from the JSON object v.
func (n *Node) addOrigin(v *jsonpos.Value) {
	if n.rare == nil {
		n.rare = &nodeRare{}
	}
	n.rare.origins = append(n.rare.origins, v)
}

// manyProps is how many properties a node has before they are indexed;
// below it, a look along the list is quicker than a map.
const manyProps = 32

// indexLast keeps the index of a node's properties once it has many, for
// the property just appended.
func (n *Node) indexLast() {
	switch {
	case len(n.Props) < manyProps:
	case n.rare == nil || n.rare.propIndex == nil:
		if n.rare == nil {
			n.rare = &nodeRare{}
		}
		index := make(map[string]int, 2*len(n.Props))
		for i, p := range n.Props {
			index[p.Name] = i
		}
		n.rare.propIndex = index
	default:
		n.rare.propIndex[n.Props[len(n.Props)-1].Name] = len(n.Props) - 1
	}
}

// Prop is one property of a node: its name, schema.org's local name
// ("name") or an IRI for properties of other vocabularies, its values,
// and where its key first stands.
type Prop struct {
	Name   string
	Values []Value
	KeyPos LineCol
}

// LineCol is where a value or a key stands in its node's file: a Pos
// without the file's name, which the node's Pos holds (a graph is read
// from one file; see Node.At). The name in each of the 600,000 values
// and keys of a page of 50,000 reviews was 10 MB of validate's peak. Line
// 0 means unknown, as in a Pos.
type LineCol struct{ Line, Col int32 }

// lineColOf returns p's line and column (past 2³¹, the largest int32:
// no file film2ld reads has so many lines, but a column may).
func lineColOf(p Pos) LineCol {
	clamp := func(n int) int32 { return int32(min(n, math.MaxInt32)) }
	return LineCol{clamp(p.Line), clamp(p.Col)}
}

// At returns where lc stands in the node's file.
func (n *Node) At(lc LineCol) Pos {
	return Pos{File: n.Pos.File, Line: int(lc.Line), Col: int(lc.Col)}
}

// Prop returns the node's property name, or nil.
func (n *Node) Prop(name string) *Prop {
	if i := n.propAt(name); i >= 0 {
		return &n.Props[i]
	}
	return nil
}

// propAt returns where the node's property name stands in Props, or -1.
func (n *Node) propAt(name string) int {
	if n.rare != nil && n.rare.propIndex != nil {
		if i, ok := n.rare.propIndex[name]; ok {
			return i
		}
		return -1
	}
	for i := range n.Props {
		if n.Props[i].Name == name {
			return i
		}
	}
	return -1
}

// Values returns the values of the node's property name.
func (n *Node) Values(name string) []Value {
	if p := n.Prop(name); p != nil {
		return p.Values
	}
	return nil
}

// Edge is a property of a node whose value is another node.
type Edge struct {
	From     *Node
	Property string
}

// Value is one value of a property.
type Value struct {
	// Node is set when the value is a node (written in place or as an
	// {"@id": …} reference).
	Node *Node
	// IRI is set when the value is an IRI that names no node here: a
	// string under a property the context types "@id" (url, image, sameAs).
	IRI string
	// Literal is a string, float64 or bool when the value is a literal.
	Literal any
	// Datatype is the literal's datatype when the context or a value
	// object gives one ("Date", or an IRI); Language its language tag.
	Datatype string
	Language string
	Pos      LineCol
}

// IsNode reports whether the value is a node of one of the given types
// (or of a subtype); with no types, whether it is a node at all.
func (v Value) IsNode(types ...string) bool {
	if v.Node == nil {
		return false
	}
	return len(types) == 0 || v.Node.Is(types...)
}

// Text returns the value as a string when it is a string literal or an IRI.
func (v Value) Text() (string, bool) {
	if s, ok := v.Literal.(string); ok {
		return s, true
	}
	if v.IRI != "" {
		return v.IRI, true
	}
	return "", false
}

// Is reports whether the node has one of the types, or a subtype of one.
func (n *Node) Is(types ...string) bool {
	for _, t := range n.Types {
		if typeIs(t, types...) {
			return true
		}
	}
	return false
}

// typeIs reports whether type t is one of types or a subtype of one.
func typeIs(t string, types ...string) bool {
	for _, want := range types {
		if t == want || isSubtype(t, want) {
			return true
		}
	}
	return false
}

// subtypes memoises schemaorg.IsSubtypeOf, which walks the hierarchy and
// allocates: the rules ask it the same few questions for every node of a
// large page. Only schema.org type names are kept, so it stays small.
var subtypes sync.Map // [2]string → bool

func isSubtype(t, super string) bool {
	k := [2]string{t, super}
	if v, ok := subtypes.Load(k); ok {
		return v.(bool)
	}
	r := schemaorg.IsSubtypeOf(t, super)
	if _, known := schemaorg.Type(t); known {
		subtypes.Store(k, r)
	}
	return r
}

// First returns the first value of a property, and whether there is one.
func (n *Node) First(prop string) (Value, bool) {
	if vs := n.Values(prop); len(vs) > 0 {
		return vs[0], true
	}
	return Value{}, false
}

// Name returns the node's first text name, or "".
func (n *Node) Name() string {
	if v, ok := n.First("name"); ok {
		s, _ := v.Literal.(string)
		return s
	}
	return ""
}

// label returns the text that tells a nameless node apart: a role's
// character or role name.
func (n *Node) label() string {
	for _, prop := range []string{"characterName", "roleName"} {
		if v, ok := n.First(prop); ok {
			if s, ok := v.Literal.(string); ok {
				return s
			}
		}
	}
	return ""
}

// PropPos returns where a property of the node is written: its first
// value, else its key, else the node.
func (n *Node) PropPos(prop string) Pos {
	p := n.Prop(prop)
	if p != nil && len(p.Values) > 0 && p.Values[0].Pos.Line > 0 {
		return n.At(p.Values[0].Pos)
	}
	if p != nil && p.KeyPos.Line > 0 {
		return n.At(p.KeyPos)
	}
	return n.Pos
}

// Place gives the nodes of a graph read without positions (from N-Quads,
// say) a line: lineOf returns the line of an IRI, or 0. A blank node takes
// the line of the nearest node above it that has one; a node's values and
// keys take the node's line. Findings already
// made about a node (Problems, such as what SnippetFor left out) and placed
// nowhere yet take the line of their node the same way.
func (g *Graph) Place(lineOf func(id string) int) {
	placed := map[*Node]int{}
	for _, n := range g.Nodes {
		line := placeLine(n, lineOf, placed)
		if line <= 0 {
			continue
		}
		// The node's values and keys stand where the node does: the
		// vocabulary layer places its findings at a value.
		n.Pos.Line = line
		n.lineValues()
	}
	for i, f := range g.Problems {
		if f.node != nil && f.Pos.Line == 0 {
			g.Problems[i].Pos.Line = placeLine(f.node, lineOf, placed)
		}
	}
}

// PlaceNodes gives the nodes of a graph read from memory (a film's view,
// whose statements come from several documents) the places they are
// stated at: at returns a node's place, or false. A blank node at places
// nowhere takes the place of the nearest node above it that has one (a
// review's rating, the review's line); a node with an IRI
// keeps its own. A placed node's values and keys take its line, and
// findings already made about it (Problems) and placed nowhere yet take
// its place. Without it, every finding of a film named all its
// documents, where one document and line state the node (audit 20).
func (g *Graph) PlaceNodes(at func(n *Node) (Pos, bool)) {
	placed := map[*Node]Pos{}
	var placeOf func(n *Node, depth int) (Pos, bool)
	placeOf = func(n *Node, depth int) (Pos, bool) {
		if p, ok := placed[n]; ok {
			return p, p.File != ""
		}
		p, ok := at(n)
		if !ok && n.ID == "" && len(n.Parents) > 0 && depth < maxPlaceDepth {
			p, ok = placeOf(n.Parents[0].From, depth+1)
		}
		if !ok {
			p = Pos{}
		}
		placed[n] = p
		return p, ok
	}
	for _, n := range g.Nodes {
		p, ok := placeOf(n, 0)
		if !ok {
			continue
		}
		n.Pos = p
		n.lineValues()
	}
	for i, f := range g.Problems {
		if f.node == nil || f.Pos.Line != 0 {
			continue
		}
		if p, ok := placed[f.node]; ok && p.File != "" {
			g.Problems[i].Pos = p
		}
	}
}

// lineValues gives the node's values and keys placed nowhere the node's
// line: the vocabulary layer places its findings at a value.
func (n *Node) lineValues() {
	line := lineColOf(n.Pos).Line
	for i := range n.Props {
		p := &n.Props[i]
		for j := range p.Values {
			if p.Values[j].Pos.Line == 0 {
				p.Values[j].Pos.Line = line
			}
		}
		if p.KeyPos.Line == 0 {
			p.KeyPos.Line = line
		}
	}
}

// maxPlaceDepth bounds how far PlaceNodes climbs from a blank node: a
// view's nodes nest a few levels deep, and a cycle of blank nodes
// must not recurse without end.
const maxPlaceDepth = 64

// placeLine returns the line of n's IRI, or of the nearest node above it
// that has an IRI with a line, or 0. placed keeps the answer for every
// node climbed through, which is theirs too: a chain of 8,000 blank nodes
// was climbed from each of them, 2.5 s and 83 MB of the seen sets.
func placeLine(n *Node, lineOf func(id string) int, placed map[*Node]int) int {
	seen := map[*Node]bool{}
	var path []*Node
	line := 0
	for m := n; m != nil && !seen[m]; {
		if l, ok := placed[m]; ok {
			line = l
			break
		}
		seen[m] = true
		path = append(path, m)
		if m.ID != "" {
			if l := lineOf(m.ID); l > 0 {
				line = l
				break
			}
		}
		// Climb from m, not from n: a node two blank levels down would
		// otherwise revisit its own parent and stop there.
		next := m
		m = nil
		if len(next.Parents) > 0 {
			m = next.Parents[0].From
		}
	}
	for _, m := range path {
		placed[m] = line
	}
	return line
}

// Describe names the node for a message: its types and its IRI or name, or
// the way it is reached when it has neither ("Review (review of Movie
// <…>)"), up to describeDepth nodes up.
func (n *Node) Describe() string {
	return n.describe(0)
}

// describeDepth is how many nodes up Describe climbs, the last written
// "…": blank nodes without names that refer to each other in a cycle
// (two Reviews each the other's itemReviewed) made it climb until the
// stack overflowed, and a chain of 8,000 took 3.8 s and 180 MB, each
// node named by the whole chain above it. Real markup is three or four
// levels deep.
const describeDepth = 8

// describe is Describe for a node depth nodes below the one described.
func (n *Node) describe(depth int) string {
	if depth >= describeDepth {
		return "…"
	}
	t := clip(strings.Join(n.Types, ","))
	if t == "" {
		t = "node"
	}
	switch {
	case n.ID != "" && !strings.HasPrefix(n.ID, "_:"):
		return fmt.Sprintf("%s <%s>", t, clip(n.ID))
	case n.Name() != "":
		return fmt.Sprintf("%s %q", t, clip(n.Name()))
	case n.label() != "":
		// Roles have no name; their character or role name tells two
		// apart ("PerformanceRole "Tania" (actor of Movie …)").
		if len(n.Parents) > 0 {
			p := n.Parents[0]
			return fmt.Sprintf("%s %q (%s of %s)", t, clip(n.label()), p.Property, p.From.describe(depth+1))
		}
		return fmt.Sprintf("%s %q", t, clip(n.label()))
	case len(n.Parents) > 0:
		p := n.Parents[0]
		return fmt.Sprintf("%s (%s of %s)", t, p.Property, p.From.describe(depth+1))
	}
	return t
}

// Shape returns the node in the normalised form the JSON Schemas check:
// "@type" and every property hold arrays; a node value is an object with
// its own "@type" (its supertypes are not added) and "@id" when it has an
// IRI (blank node labels are left out); an IRI value is a string; a
// literal is its JSON value (a string for typed and language-tagged ones).
// Item i of each array is value i of the property, so an error at
// "actor.1" is about n.Values("actor")[1].
func (n *Node) Shape() map[string]any {
	out := map[string]any{"@type": stringsToAny(n.Types)}
	if n.ID != "" && !strings.HasPrefix(n.ID, "_:") {
		out["@id"] = n.ID
	}
	for _, p := range n.Props {
		prop, vs := p.Name, p.Values
		items := make([]any, len(vs))
		for i, v := range vs {
			switch {
			case v.Node != nil:
				ref := map[string]any{"@type": stringsToAny(v.Node.Types)}
				if v.Node.ID != "" && !strings.HasPrefix(v.Node.ID, "_:") {
					ref["@id"] = v.Node.ID
				}
				items[i] = ref
			case v.IRI != "":
				items[i] = v.IRI
			default:
				items[i] = v.Literal
			}
		}
		out[prop] = items
	}
	return out
}

func stringsToAny(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

// coercion tells how the schema.org context reads a plain string under a
// term: as an IRI ("@id"), as a typed literal ("Date"), or as written ("").
func coercion(term string) string {
	if d, ok := schemaorg.ContextTermOf(term); ok && !d.Simple {
		return d.Type
	}
	return ""
}

// namesNode reports whether an IRI string under prop names a node (such as
// isBasedOn's work), rather than being a URL value in its own right (url,
// sameAs, embedUrl: a page's "url" is its own address, not a node).
func namesNode(prop string) bool {
	info, ok := schemaorg.Property(prop)
	return !ok || !slices.Contains(info.Range, "URL")
}

// localName turns a schema.org term, CURIE or IRI into its local name;
// other IRIs are returned whole.
func localName(term string) string {
	if name, ok := schemaorg.LocalName(term); ok {
		return name
	}
	return term
}

// source is the input a JSON tree came from, to turn offsets into
// positions. The JSON text may be part of a larger file (a script block of
// a page): base is its byte offset there, and idx indexes the whole file,
// so that columns count the file's characters.
type source struct {
	file string
	data []byte
	// idx places byte offsets (a *diag.Index, or a page's block).
	idx  interface{ LineCol(off int) (line, col int) }
	base int
	// block is set for a script block of a page.
	block bool
	// line0 is where every node of an unpositioned source is placed.
	line0      int
	positioned bool
	// scope, when set, scopes the source's blank node labels instead of
	// its own number: a page's blocks share one, as jsonld.js reads them
	// (one document of every block, JSON-LD's extractAllScripts).
	scope string
}

func (s source) pos(off int) Pos {
	if !s.positioned || off < 0 {
		return Pos{File: s.file, Line: s.line0}
	}
	l, c := s.idx.LineCol(s.base + off)
	return Pos{File: s.file, Line: l, Col: c}
}

// builder adds JSON-LD trees to a graph.
type builder struct {
	g *Graph
	// drops reads what freeFloating reads, its buffer kept from item to
	// item.
	drops ld.DropWalk[*jsonpos.Value, *dropped]
	src   source
	// scope prefixes the blank node labels of the document being read.
	scope string
	// nodes counts the node objects read; schemaOrg is set when one of
	// them has a schema.org type.
	nodes     int
	schemaOrg bool
	// values counts the top-level values that are not nodes (numbers,
	// strings, booleans, nulls), which JSON-LD drops; firstValue places
	// the first. They are one finding, however many (see settle).
	values     int
	firstValue Pos
	// origins makes each node remember the objects it is read from.
	origins bool
	// lazy are the streaming arrays of the trees being read, by value
	// (see FromDoc): read an item at a time by items.
	lazy map[*jsonpos.Value]iter.Seq[any]
	// consume lets go of each array item and member value of the tree
	// once it is read, for a caller that needs nothing of the tree after
	// (never with origins): the graph then grows as the tree shrinks,
	// where both were held whole at the peak (a 14.6 MB page of 50,000
	// reviews: a 71 MB tree beside a 54 MB graph).
	consume bool
}

func newGraph() *Graph { return &Graph{byID: map[string]*Node{}} }

// newBuilder starts reading one document into g.
func (g *Graph) newBuilder(src source) *builder {
	g.docs++
	scope := src.scope
	if scope == "" {
		scope = fmt.Sprintf("%d", g.docs)
	}
	return &builder{g: g, src: src, scope: scope}
}

// node returns the node with an IRI, creating it on first sight with room
// for size properties (growing the list was a tenth of reading a large page).
func (b *builder) node(id string, pos Pos, size int) *Node {
	key := b.key(id)
	if id != "" {
		if n, ok := b.g.byID[key]; ok {
			return n
		}
	}
	n := &Node{ID: id, Props: make([]Prop, 0, size), Pos: pos}
	if id == "" || strings.HasPrefix(id, "_:") {
		b.g.made++
		n.seq = b.g.made
	}
	if id != "" {
		b.g.byID[key] = n
	}
	b.g.Nodes = append(b.g.Nodes, n)
	return n
}

// key is how the graph indexes a node: its IRI, or for a blank node its
// label within this document, since "_:b0" in two documents names two
// nodes (JSON-LD scopes blank node labels to their document; a page's
// blocks are one document, as JSON-LD's extractAllScripts reads them).
func (b *builder) key(id string) string {
	if strings.HasPrefix(id, "_:") {
		return b.scope + id
	}
	return id
}

// problem records an error of reading, about node n (nil for the
// document).
func (b *builder) problem(pos Pos, rule string, n *Node, prop, msg, fix string) {
	f := Finding{Severity: Error, Rule: rule, Node: "document", Property: prop, Message: msg, Fix: fix, Pos: pos}
	if n != nil {
		f.Node, f.nodeSeq = n.Describe(), n.seq
	}
	b.g.Problems = append(b.g.Problems, f)
}

// document adds one top-level JSON value: a node, an array of nodes, or an
// object with "@graph".
func (b *builder) document(v *jsonpos.Value) {
	switch v.Kind {
	case jsonpos.Array:
		for item := range b.items(v) {
			b.document(item)
		}
	case jsonpos.Object:
		if ctx := v.Get("@context"); ctx != nil && !isSchemaOrgContext(ctx, v) {
			b.problem(b.src.pos(ctx.Offset), RuleContext, nil, "@context",
				"the context is not schema.org's, so terms cannot be checked as written",
				`use "@context": "https://schema.org"`)
		}
		if g := v.Get("@graph"); g != nil && onlyKeys(v, "@context", "@graph") {
			b.graphItems(g, true)
			return
		}
		b.topObject(v, true)
	default:
		b.topValue(v)
	}
}

// graphItems adds the items of a top-level @graph: nodes, and the items
// of arrays within it, which expansion reads as its own. top is unset
// for the items of an @included, which expansion keeps whatever they
// hold.
func (b *builder) graphItems(g *jsonpos.Value, top bool) {
	for item := range b.items(g) {
		switch item.Kind {
		case jsonpos.Object:
			b.topObject(item, top)
		case jsonpos.Array:
			b.graphItems(item, top)
		default:
			b.topValue(item)
		}
	}
}

// topObject adds an object of the top level. Where it stands at the top
// of a graph (top), one that JSON-LD drops there (a node with only @id,
// a value or list object: freeFloating) is no node of the document: a
// page whose one block held a node with only @id was told "beside its
// nodes" of its values, rather than that it holds none. Its finding is
// findDropped's.
func (b *builder) topObject(v *jsonpos.Value, top bool) {
	dropped := top && freeFloating(v, &b.drops) // before object lets go of v's members
	b.object(v).TopLevel = true
	if dropped {
		b.nodes--
	}
}

// topValue counts a top-level value that is not a node.
func (b *builder) topValue(v *jsonpos.Value) {
	if b.values == 0 {
		b.firstValue = b.src.pos(v.Offset)
	}
	b.values++
}

// addLeftOut counts the values that reading the document's top level
// left out (see jsonpos.ParseLeavingOut) as topValue counts those it
// reads; the first of all is placed.
func (b *builder) addLeftOut(left jsonpos.LeftOut) {
	if left.Values == 0 {
		return
	}
	if pos := b.src.pos(left.FirstValue); b.values == 0 || diag.Compare(pos, b.firstValue) < 0 {
		b.firstValue = pos
	}
	b.values += left.Values
}

func onlyKeys(v *jsonpos.Value, keys ...string) bool {
	for _, m := range v.Members {
		if !slices.Contains(keys, m.Key) {
			return false
		}
	}
	return true
}

// isSchemaOrgContext reports whether a @context is schema.org's alone: a
// URL the JSON-LD processor serves the built-in context for (one rule,
// ld.IsSchemaOrgContext, so that what validate checks as schema.org terms
// is what convert reads as such), or an array of just that.
//
// doc is the document the context is of: a context object that adds
// prefixes ({"wd": "http://www.wikidata.org/entity/"}) that doc never
// uses, as a key or as a compact IRI's prefix, changes no term of it, and
// is schema.org's alone too (sites add such prefixes beside schema.org,
// and every finding of theirs was placed at the @context's line).
func isSchemaOrgContext(v, doc *jsonpos.Value) bool {
	switch v.Kind {
	case jsonpos.String:
		return ld.IsSchemaOrgContext(v.String)
	case jsonpos.Array:
		// ["https://schema.org", {"@language": "en"}]: schema.org's
		// terms, with a default language or direction for strings, which
		// no check reads. Read as plain markup, its findings keep their
		// places (through the JSON-LD processor, every one was placed at
		// the @context's line).
		schemaOrg := false
		for _, item := range v.Items {
			switch {
			case item.Kind == jsonpos.String && ld.IsSchemaOrgContext(item.String):
				schemaOrg = true
			case item.Kind == jsonpos.Object && onlyTextDefaults(item):
			case item.Kind == jsonpos.Object && schemaOrg && unusedPrefixes(item, doc):
			default:
				return false
			}
		}
		return schemaOrg
	}
	return false
}

// unusedPrefixes reports whether a context object defines only prefixes
// (a term for an absolute IRI, besides what onlyTextDefaults allows) and
// doc uses none of them: no key and no string of doc outside its
// contexts is a term or starts with one and a colon.
func unusedPrefixes(ctx, doc *jsonpos.Value) bool {
	var terms []string
	for _, m := range ctx.Members {
		switch {
		case m.Key == "@language", m.Key == "@direction", m.Key == "@version":
		case strings.HasPrefix(m.Key, "@") || m.Key == "" || m.Value.Kind != jsonpos.String || !strings.Contains(m.Value.String, ":"):
			return false
		default:
			terms = append(terms, m.Key)
		}
	}
	uses := func(s string) bool {
		for _, t := range terms {
			if strings.HasPrefix(s, t) && (len(s) == len(t) || s[len(t)] == ':') {
				return true
			}
		}
		return false
	}
	var used func(v *jsonpos.Value) bool
	used = func(v *jsonpos.Value) bool {
		switch v.Kind {
		case jsonpos.String:
			return uses(v.String)
		case jsonpos.Array:
			return slices.ContainsFunc(v.Items, used)
		case jsonpos.Object:
			for _, m := range v.Members {
				if m.Key != "@context" && (uses(m.Key) || used(m.Value)) {
					return true
				}
			}
		}
		return false
	}
	return !used(doc)
}

// onlyTextDefaults reports whether a context object sets only what
// strings default to (@language, @direction) or the processing mode
// (@version), and so defines no term.
func onlyTextDefaults(ctx *jsonpos.Value) bool {
	for _, m := range ctx.Members {
		switch m.Key {
		case "@language", "@direction", "@version":
		default:
			return false
		}
	}
	return true
}

// object adds a node object and returns its node.
func (b *builder) object(v *jsonpos.Value) *Node {
	id := ""
	if idv := first(v, "@id", "id"); idv != nil && idv.Kind == jsonpos.String {
		id = idv.String
	}
	props := 0
	for _, m := range v.Members {
		if !strings.HasPrefix(m.Key, "@") && m.Key != "id" && m.Key != "type" {
			props++
		}
	}
	n := b.node(id, b.src.pos(v.Offset), props)
	if len(v.Members) > 0 && !onlyKeys(v, "@context") {
		b.nodes++
	}
	if b.origins {
		n.addOrigin(v)
	}
	if !n.Described || n.Pos.Line == 0 {
		n.Pos = b.src.pos(v.Offset)
	}

	for _, m := range v.Members {
		switch m.Key {
		case "@context", "@id", "id":
			continue
		case "@type", "type":
			n.Described = true
			for t := range b.items(m.Value) {
				if t.Kind != jsonpos.String {
					continue
				}
				name := localName(t.String)
				if known, ok := schemaTypeName(name); ok {
					name = known
					b.schemaOrg = true
				}
				if !slices.Contains(n.Types, name) {
					n.Types = append(n.Types, name)
				}
			}
			continue
		case "@included":
			// Nodes of the same graph written inside this one: read as
			// the top level's are (its nodes were unchecked, and those
			// it defines reported as defined nowhere, audit 7).
			b.graphItems(m.Value, false)
			continue
		case "@graph", "@reverse", "@nest":
			b.problem(b.src.pos(m.KeyOffset), RuleUnsupported, n, m.Key,
				m.Key+" inside a node is not checked", "")
			continue
		}
		if strings.HasPrefix(m.Key, "@") {
			continue
		}
		n.Described = true
		prop := localName(m.Key)
		if n.Prop(prop) == nil {
			n.Props = append(n.Props, Prop{Name: prop, KeyPos: lineColOf(b.src.pos(m.KeyOffset))})
			n.indexLast()
		}
		for item := range b.items(m.Value) {
			if val, ok := b.value(n, prop, item); ok {
				// Looked up anew: a value's own nodes may not add to n's
				// properties, but the list may have moved.
				p := n.Prop(prop)
				p.Values = append(p.Values, val)
			}
		}
	}
	// Reported once the node has its types and name, at the writing that
	// counts: the last one. One finding a key, however often it is
	// written: a key written a million times made as many findings
	// (782 MB for an 11 MB file).
	if dups := v.Dups(); len(dups) > 0 {
		last := make(map[string]int, len(dups))
		for _, d := range dups {
			last[d.Key] = d.KeyOffset
		}
		// The writing kept is the object's member of that key.
		for _, m := range v.Members {
			if _, ok := last[m.Key]; ok {
				last[m.Key] = m.KeyOffset
			}
		}
		for i, d := range dups {
			key, first := d.Key, b.src.pos(d.KeyOffset)
			times := "twice"
			if written := v.DupTimes()[i]; written > 2 {
				times = fmt.Sprintf("%d times", written)
			}
			b.problem(b.src.pos(last[key]), RuleDuplicateKey, n, localName(key),
				fmt.Sprintf("the key %q is written %s in this object (first at line %d, column %d); JSON-LD processors read this last value, other readers the first, and film2ld convert refuses it", clip(key), times, first.Line, first.Col),
				"write each key once; give several values as an array")
		}
	}
	if b.consume {
		for i := range v.Members {
			v.Members[i].Value = nil
		}
	}
	return n
}

// value reads one property value.
func (b *builder) value(owner *Node, prop string, v *jsonpos.Value) (Value, bool) {
	pos := lineColOf(b.src.pos(v.Offset))
	switch v.Kind {
	case jsonpos.Null:
		return Value{}, false
	case jsonpos.Bool:
		return Value{Literal: v.Bool, Pos: pos}, true
	case jsonpos.Number:
		return Value{Literal: v.Number, Pos: pos}, true
	case jsonpos.String:
		switch coercion(prop) {
		case "@id":
			if n, ok := b.g.byID[b.key(v.String)]; ok && namesNode(prop) {
				n.Parents = append(n.Parents, Edge{From: owner, Property: prop})
				return Value{Node: n, Pos: pos}, true
			}
			return Value{IRI: v.String, Pos: pos}, true
		case "Date":
			return Value{Literal: v.String, Datatype: "Date", Pos: pos}, true
		}
		return Value{Literal: v.String, Pos: pos}, true
	case jsonpos.Object:
		if val := v.Get("@value"); val != nil {
			out := Value{Pos: pos}
			switch val.Kind {
			case jsonpos.String:
				out.Literal = val.String
			case jsonpos.Number:
				out.Literal = val.Number
			case jsonpos.Bool:
				out.Literal = val.Bool
			}
			if t := v.Get("@type"); t != nil && t.Kind == jsonpos.String {
				out.Datatype = localName(t.String)
			}
			if l := v.Get("@language"); l != nil && l.Kind == jsonpos.String {
				out.Language = l.String
			}
			return out, true
		}
		if l := v.Get("@list"); l != nil {
			// An ordered list (Turtle's ("Crime" "Drama"), JSON-LD's
			// @list) is valid markup whose values are all checked, as a
			// set: a note, not an error that failed the file.
			b.g.Problems = append(b.g.Problems, Finding{Severity: Note, Rule: RuleUnsupported, Node: owner.Describe(), Property: prop,
				Message: "@list values are checked as a plain set (their order is not)", Pos: b.src.pos(v.Offset)})
		}
		n := b.object(v)
		n.Parents = append(n.Parents, Edge{From: owner, Property: prop})
		return Value{Node: n, Pos: pos}, true
	}
	return Value{}, false
}

// first returns the first of keys that v has.
func first(v *jsonpos.Value, keys ...string) *jsonpos.Value {
	for _, k := range keys {
		if x := v.Get(k); x != nil {
			return x
		}
	}
	return nil
}

// list returns an array's items, or the value itself as a one-item list.
func list(v *jsonpos.Value) []*jsonpos.Value {
	if v.Kind == jsonpos.Array {
		return v.Items
	}
	return []*jsonpos.Value{v}
}

// items yields an array's items, or the value itself as a one-item list.
// The items of a streaming document's array (see FromDoc) are rendered one
// at a time, each into the memory of the one before: the graph holds
// nothing of a tree once it is read.
func (b *builder) items(v *jsonpos.Value) iter.Seq[*jsonpos.Value] {
	return func(yield func(*jsonpos.Value) bool) {
		seq, lazy := b.lazy[v]
		if !lazy {
			for i, item := range list(v) {
				more := yield(item)
				if b.consume && v.Kind == jsonpos.Array {
					v.Items[i] = nil
				}
				if !more {
					return
				}
			}
			return
		}
		delete(b.lazy, v) // v's memory may hold another value next
		var scratch jsonpos.Scratch
		for x := range seq {
			item, inner := scratch.FromStream(x)
			b.addLazy(inner)
			more := yield(item)
			for _, l := range inner {
				delete(b.lazy, l.Array)
			}
			if !more {
				return
			}
		}
	}
}

// addLazy records the streaming arrays of a tree about to be read.
func (b *builder) addLazy(lazy []jsonpos.Lazy) {
	if len(lazy) > 0 && b.lazy == nil {
		b.lazy = map[*jsonpos.Value]iter.Seq[any]{}
	}
	for _, l := range lazy {
		b.lazy[l.Array] = l.Items
	}
}

// richProps are the properties whose value a rich result reads: a
// reference under one of them to a node the input never defines loses the
// stars, the review or its author.
// (A review's author is one too; see dangling.)
var richProps = map[string]bool{"aggregateRating": true, "review": true, "reviews": true, "reviewRating": true, "itemReviewed": true}

// finish resolves what could only be known at the end: a reference written
// as an IRI string before the node it names was seen. Then it reports
// references ({"@id": …}) to nodes the input defines nowhere.
func (g *Graph) finish() {
	for _, d := range g.pending {
		g.settle(d)
	}
	g.pending = nil
	defer g.dangling()
	for _, n := range g.Nodes {
		for _, p := range n.Props {
			prop, vs := p.Name, p.Values
			for i, v := range vs {
				if v.IRI == "" {
					continue
				}
				if target, ok := g.byID[v.IRI]; ok && target.Described && namesNode(prop) {
					vs[i] = Value{Node: target, Pos: v.Pos}
					target.Parents = append(target.Parents, Edge{From: n, Property: prop})
				}
			}
		}
	}
}

// dangling reports each reference to a node that is never described: an
// error under a property a rich result reads, where the stars or the
// review silently vanish, else a warning (linking to a node described
// elsewhere is legitimate linked data, but nothing about it is checked).
func (g *Graph) dangling() {
	for _, n := range g.Nodes {
		for _, p := range n.Props {
			prop := p.Name
			for _, v := range p.Values {
				if v.Node == nil || v.Node.Described {
					continue
				}
				id := v.Node.ID
				if id == "" {
					continue // {} as a value: nothing to resolve
				}
				f := Finding{Severity: Warning, Rule: RuleDangling, Node: n.Describe(), Property: prop, Pos: n.At(v.Pos), node: n, nodeSeq: n.seq,
					Message: fmt.Sprintf("refers to %q, which this input defines nowhere, so nothing about it is checked", clip(id)),
					Fix:     fmt.Sprintf(`describe the node here ({"@id": %q, "@type": …}), or fix the @id`, clip(id))}
				if richProps[prop] || prop == "author" && n.Is("Review") {
					f.Severity = Error
					f.Message = fmt.Sprintf("refers to %q, which this input defines nowhere: search engines see no %s", clip(id), prop)
				}
				g.Problems = append(g.Problems, f)
			}
		}
	}
}

// NestReferencedMovies marks a blank-node Movie of a graph read from
// linked data as written in place (not TopLevel) where another node
// refers to it and it refers to none of them back: what markup nests
// (IMDb's review holds "itemReviewed": {"@type": "Movie", "url": …}),
// linked data lists beside the other nodes, and the Movie rules, which
// are for the Movies a page is about, faulted the nested one for its
// missing name in N-Quads and not in the page it came from. A Movie its
// own review names back (the page's Movie, with "itemReviewed" pointing
// at it) stays at the top. Only Movies are looked at: TopLevel decides
// nothing else, and the walk back from each costs its descendants.
func (g *Graph) NestReferencedMovies() {
	for _, n := range g.Nodes {
		if n.ID != "" && !strings.HasPrefix(n.ID, "_:") || !n.TopLevel || len(n.Parents) == 0 || !n.Is("Movie") {
			continue
		}
		parents := map[*Node]bool{}
		for _, e := range n.Parents {
			if e.From != n { // a Movie naming itself is no other's
				parents[e.From] = true
			}
		}
		if len(parents) > 0 && !reachesAny(n, parents) {
			n.TopLevel = false
		}
	}
}

// reachesAny reports whether any of targets is n or a node n refers to,
// directly or through others.
func reachesAny(n *Node, targets map[*Node]bool) bool {
	seen := map[*Node]bool{}
	stack := []*Node{n}
	for len(stack) > 0 {
		m := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if seen[m] {
			continue
		}
		seen[m] = true
		if targets[m] {
			return true
		}
		for _, p := range m.Props {
			for _, v := range p.Values {
				if v.Node != nil && !seen[v.Node] {
					stack = append(stack, v.Node)
				}
			}
		}
	}
	return false
}
