package schemas

import (
	"fmt"
	"iter"
	"maps"
	"slices"
	"strings"

	"github.com/film2ld/film2ld/schemas/internal/jsonpos"
)

// SnippetOptions say which page a snippet is for.
type SnippetOptions struct {
	// PageURL is the address of the page the snippet goes on. Reviews and
	// ratings that state they come from another site (their url, their
	// publisher's or author's) are left out, with google.review.third-party.
	PageURL string
	// NoReviews leaves out every Review and AggregateRating, without a
	// finding each: the caller knows they come from another site and
	// says so once.
	NoReviews bool
	// Consume says that the caller has no further use for the document:
	// SnippetFor may empty its top-level "@graph" as it reads it, so that
	// a large document and its graph are not both held whole.
	Consume bool
	// Again, with Consume, makes the document again. SnippetFor then
	// reads the document into its graph as it lets go of it, as it reads
	// one with nothing to leave out, and asks for it again only where the
	// graph shows that the snippet leaves something out: the document, its
	// tree and two graphs of it were held at once (for 10 MB of Turtle,
	// 150 MB of compacted document, then a 150 MB tree and a graph of
	// 90 MB) to find, most often, nothing to leave out. The document's
	// "@graph" may then be an iter.Seq[any] whose nodes are made as they
	// are read (FromDoc's streaming document), never held whole.
	Again func() map[string]any
	// Place, for Choose, returns where item i is stated: the document and
	// line a film's review or rating was read from. The findings that
	// leave an item out are placed there, where they were all placed at
	// the file Choose is given (for a film read from several documents,
	// all of them), so a report sent its reader to no line. nil: the file.
	Place func(i int) Pos
}

// SnippetFor returns the graph of the web snippet export would make of a
// decoded JSON-LD document (validate's reading of linked data), and the
// findings that left each Review and AggregateRating out: doc without the
// reviews and ratings search engines would reject (an AggregateRating
// without a stated ratingValue, a review without an author; see
// snippetRules), and with one aggregateRating per item. doc is not
// changed, unless opts.Consume says the caller is done with it.
//
// It shares its rules with Choose, which makes export's snippet of a
// typed film: the same rule table decides what is left out, by the same
// first finding, and the same one-per-item choice follows. Only the input
// differs: validate reads linked data of any shape, so the reviews and
// ratings are nodes of a Graph rather than typed reviews.
//
// The choice is made on the typed graph; leaving the chosen nodes out is
// a copy of the document's tree without their objects and references (see
// without), read again as a graph, so that the snippet's graph is exactly
// what its JSON-LD reads as: node order, parents, and references that
// only led to what was left out.
//
// What a removed node alone led to goes with it: a reviewer written as a
// node of its own in the document's "@graph" and referred to only by the
// review left out would otherwise stand in the snippet unattached to the
// Movie, which no search engine reads and framing refuses.
func SnippetFor(doc map[string]any, file string, opts SnippetOptions) (*Graph, []Finding) {
	if _, streamed := doc["@graph"].(iter.Seq[any]); streamed {
		// Made as it is read (see SnippetOptions.Again).
		g := FromDoc(doc, file)
		g.PageURL = opts.PageURL
		if !leavesOut(g) {
			return g, nil
		}
		doc = opts.Again()
	} else if snippetShortcut && !anyOfType(doc, "Review", "AggregateRating") {
		// Nothing the snippet could leave out: the graph is the
		// document's, read once (linked data of 200,000 nodes and no
		// review was read as a whole tree, a graph that remembers its
		// objects beside it, then a graph again).
		return readWhole(doc, file, opts), nil
	} else if snippetShortcut && opts.Consume && opts.Again != nil {
		if g := readWhole(doc, file, opts); !leavesOut(g) {
			return g, nil
		}
		doc = opts.Again()
	}
	tree := jsonpos.FromAny(doc)
	roots := rootsOf(tree)
	before := reachable(tree, roots)
	g := readTree(tree, file)
	if opts.NoReviews {
		var all []*Node
		for _, n := range g.Nodes {
			if n.Is("Review", "AggregateRating") {
				all = append(all, n)
			}
		}
		tree = without(tree, g, all)
		g = readTree(tree, file)
	}
	var dropped []Finding
	for {
		// Only the search-engine rules leave nodes out, so only they run:
		// the shape and vocabulary layers cost more than the rest of an
		// export of a large review page, and their findings are not used.
		g.PageURL = opts.PageURL
		nodes, why := rejections(checkSnippet(g))
		nodes, why = removable(nodes, why)
		if len(nodes) == 0 {
			break
		}
		dropped = append(dropped, why...)
		// Leaving a node out can change what the rules say of another (a
		// review of a review is no longer nested in its item), so the
		// rules run again on what is left.
		tree = without(tree, g, nodes)
		g = readTree(tree, file)
	}
	// One aggregateRating per item, chosen after the rejected ones are
	// gone, so that a first AggregateRating with no score does not push
	// out a valid one behind it.
	var extra []*Node
	var why []Finding
	for _, n := range g.Nodes {
		var kept *Node
		more, reasons := oneAggregate(n, &kept)
		extra, why = append(extra, more...), append(why, reasons...)
	}
	extra, why = removable(extra, why)
	if len(extra) > 0 {
		dropped = append(dropped, why...)
		tree = without(tree, g, extra)
	}
	tree = pruneOrphans(tree, roots, before)
	out := fromTree(tree, file)
	out.PageURL = opts.PageURL
	return out, dropped
}

// snippetShortcut lets SnippetFor read a document that has no review and
// no aggregate rating without looking for what to leave out; its test
// turns it off to compare.
var snippetShortcut = true

// readWhole reads a document the snippet leaves nothing out of into the
// snippet's graph. With opts.Consume, the items of its top-level "@graph"
// are read one at a time (as FromDoc reads a streaming document's lists)
// and let go of as they are read: 15 MB of N-Quads of 200,000 nodes
// compacted held the document (73 MB) and a tree of it (59 MB) at once
// before the graph (54 MB) was read.
func readWhole(doc map[string]any, file string, opts SnippetOptions) *Graph {
	var g *Graph
	if nodes, ok := doc["@graph"].([]any); ok && opts.Consume {
		view := maps.Clone(doc)
		view["@graph"] = iter.Seq[any](func(yield func(any) bool) {
			for i, n := range nodes {
				nodes[i] = nil
				if !yield(n) {
					return
				}
			}
		})
		g = FromDoc(view, file)
	} else {
		g = fromTree(jsonpos.FromAny(doc), file)
	}
	g.PageURL = opts.PageURL
	return g
}

// leavesOut reports whether the snippet of g's document may leave
// something out: a review or rating a rule rejects, or an item's second
// aggregateRating, before removable asks whether it can (it looks at the
// JSON objects a node was read from, which readWhole does not keep). When
// it reports false, SnippetFor's search would find nothing to leave out,
// and its graph would be g's.
func leavesOut(g *Graph) bool {
	for _, f := range checkSnippet(g) {
		if rejected(f) != nil {
			return true
		}
	}
	for _, n := range g.Nodes {
		var kept *Node
		if extra, _ := oneAggregate(n, &kept); len(extra) > 0 {
			return true
		}
	}
	return false
}

// anyOfType reports whether an object of a decoded document has one of
// types, or a subtype of one, under "@type" or "type": whether a graph
// read from it has a node n with n.Is(types...).
func anyOfType(x any, types ...string) bool {
	switch x := x.(type) {
	case []any:
		return slices.ContainsFunc(x, func(item any) bool { return anyOfType(item, types...) })
	case map[string]any:
		for k, v := range x {
			if k == "@type" || k == "type" {
				ts, ok := v.([]any)
				if !ok {
					ts = []any{v}
				}
				for _, t := range ts {
					if t, ok := t.(string); ok && typeIs(localName(t), types...) {
						return true
					}
				}
			}
			if anyOfType(v, types...) {
				return true
			}
		}
	}
	return false
}

// readTree reads a decoded document into a graph whose nodes remember the
// JSON objects they were read from, so that without can find them.
func readTree(tree *jsonpos.Value, file string) *Graph {
	g := newGraph()
	b := g.newBuilder(source{file: file})
	b.origins = true
	b.document(tree)
	g.finish()
	return g
}

// rejected returns the Review or AggregateRating a search-engine finding
// makes a web snippet leave out: the node the finding is about, or the
// review a bad Rating sinks; nil when the finding's rule is not one of
// snippetRules (see rules.go).
func rejected(f Finding) *Node {
	if !snippetRules[f.Rule] || f.node == nil {
		return nil
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
	if !target.Is("Review", "AggregateRating") {
		return nil
	}
	return target
}

// rejections returns the reviews and ratings findings leave out of a
// snippet, each once, with the finding that leaves it out: the first in
// the order of a report (compareFindings), so that the reason given does
// not depend on the order the rules ran in.
func rejections(fs []Finding) (nodes []*Node, why []Finding) {
	fs = slices.Clone(fs)
	slices.SortStableFunc(fs, compareFindings)
	seen := map[*Node]bool{}
	for _, f := range fs {
		n := rejected(f)
		if n == nil || seen[n] {
			continue
		}
		seen[n] = true
		nodes, why = append(nodes, n), append(why, f)
	}
	return nodes, why
}

// oneAggregate keeps one aggregateRating per item. Google reads a single
// aggregateRating for a rich result and does not say which of several it
// takes, so the snippet makes the choice itself and keeps the first that
// the rules accept, in the document's order; film2ld's mappers write the
// site's headline first (a review aggregator's critic score, then its
// user score), so the headline is what a search engine shows. *kept is
// the one kept so far (nil for none); oneAggregate returns item's others,
// each with its finding.
func oneAggregate(item *Node, kept **Node) (extra []*Node, why []Finding) {
	for _, v := range item.Values("aggregateRating") {
		if !v.IsNode("AggregateRating") {
			continue
		}
		if *kept == nil {
			*kept = v.Node
			continue
		}
		extra, why = append(extra, v.Node), append(why, extraAggregate(item, v.Node, *kept))
	}
	return extra, why
}

// Dropped holds the findings that left a snippet's items out, one an
// item, in a report's order (see Choose). Items left out alike (a page's
// reviews by no one) share one finding, and each costs 16 bytes: a page of
// 200,000 such reviews kept a finding of 144 bytes and its description
// for each. A nil *Dropped holds none.
type Dropped struct {
	// findings are the distinct findings, each with nodeSeq 0.
	findings []Finding
	items    []droppedItem
	// index finds a finding among the first maxSharedFindings; the
	// others are each an item's own.
	index map[Finding]int32
	// placed says that each item's finding is placed at its own line of
	// its own file (SnippetOptions.Place), one of files; kept as numbers
	// rather than as the Place function, which would hold the items'
	// film until the findings are reported.
	placed bool
	files  []string
}

// droppedItem is one item left out: its finding, the number of its
// node (Finding.nodeSeq), and where Dropped places it (its file among
// Dropped.files, and its line).
type droppedItem struct {
	finding, seq, file, line int32
}

// maxSharedFindings is how many distinct findings Dropped looks for among
// those before: reviews by no one are all left out alike, reviews by many
// people may each be described by their own.
const maxSharedFindings = 64

// add appends f, detached from its node, placed at place when Dropped
// places its items.
func (d *Dropped) add(f Finding, place Pos) {
	seq := int32(f.nodeSeq)
	f.node, f.nodeSeq = nil, 0
	i, ok := d.index[f]
	if !ok {
		i = int32(len(d.findings))
		d.findings = append(d.findings, f)
		if len(d.index) < maxSharedFindings {
			if d.index == nil {
				d.index = map[Finding]int32{}
			}
			d.index[f] = i
		}
	}
	it := droppedItem{finding: i, seq: seq}
	if d.placed {
		it.file = int32(slices.Index(d.files, place.File))
		if it.file < 0 {
			it.file = int32(len(d.files))
			d.files = append(d.files, place.File)
		}
		it.line = int32(place.Line)
	}
	d.items = append(d.items, it)
}

// Len is the number of items left out.
func (d *Dropped) Len() int {
	if d == nil {
		return 0
	}
	return len(d.items)
}

// All yields the finding that left each item out, in order.
func (d *Dropped) All() iter.Seq[Finding] {
	return func(yield func(Finding) bool) {
		if d == nil {
			return
		}
		for _, it := range d.items {
			f := d.findings[it.finding]
			f.nodeSeq = int(it.seq)
			if d.placed {
				f.Pos = Pos{File: d.files[it.file], Line: int(it.line)}
			}
			if !yield(f) {
				return
			}
		}
	}
}

// Choose decides which of an item's reviews and aggregate ratings a web
// snippet keeps, by the rules validate applies (the google profile's
// review-snippet rules, and one aggregateRating per item). Each of the n
// items, item(i), is one review or one aggregate rating rendered alone
// (rendered when asked for, so that a film's thousands of reviews are
// judged one by one and never all held): a document whose
// first node is the item (a Movie with its IRI and name) holding it under
// "review" or "aggregateRating", and the nodes it refers to. keep[i] tells
// whether items[i] stays; dropped holds the finding that left each other
// one out, in the order SnippetFor gives them: the rules' findings by rule and
// node, then the aggregate ratings the item already had one of.
//
// Deciding on each review alone is what makes this a filter on typed
// reviews and ratings (see package mapping's Film.Keep), not an edit of a
// rendered document: no review rule looks beyond the review, its rating
// and the nodes they name.
func Choose(n int, item func(i int) map[string]any, file string, opts SnippetOptions) (keep []bool, dropped *Dropped) {
	graphs := make([]*Graph, n)
	keep = make([]bool, n)
	dropped = &Dropped{placed: opts.Place != nil}
	place := func(i int) Pos {
		if opts.Place == nil {
			return Pos{}
		}
		return opts.Place(i)
	}
	// Each item is a graph of its own, whose nodes are numbered from 1:
	// a finding left out is numbered by its item instead (negative, so
	// that no number of the snippet's own graph is one), or two reviews
	// alike, placed alike, were one finding (see Node.seq).
	itemSeq := func(f Finding, i int) Finding {
		if f.nodeSeq != 0 {
			f.nodeSeq = -(i + 1)
		}
		return f
	}
	// The finding that leaves an item out is decided by that item alone
	// (the first of its findings in a report's order), so it is kept as
	// the item is judged, detached from the item's graph: every rejected
	// item's findings, and through them its whole graph, were held until
	// the last item was judged, 66 of the 82 MB live when a page's 50,000
	// reviews had no author.
	var fs []Finding
	// Each item's tree is of no use once its graph is read (the graph
	// holds nothing of it): the next is built in its memory, 2.5 KB an
	// item, a third of what judging a page of 50,000 reviews allocated.
	var scratch jsonpos.Scratch
	for i := range n {
		keep[i] = !opts.NoReviews
		if opts.NoReviews {
			continue
		}
		g := fromTree(scratch.FromAny(item(i)), file)
		g.PageURL = opts.PageURL
		fs = fs[:0]
		for _, f := range checkSnippet(g) {
			if rejected(f) != nil {
				fs = append(fs, f)
			}
		}
		if len(fs) > 0 {
			dropped.add(itemSeq(slices.MinFunc(fs, compareFindings), i), place(i))
			keep[i] = false
			clear(fs)
			continue
		}
		if len(g.Nodes) > 0 && len(g.Nodes[0].Values("aggregateRating")) > 0 {
			graphs[i] = g // for the one-per-item pass below
		}
	}
	// In a report's order across the items, and among findings alike in
	// the items' order (as they were added), as one sort of every item's
	// findings gave them.
	slices.SortStableFunc(dropped.items, func(a, b droppedItem) int {
		return compareFindings(dropped.findings[a.finding], dropped.findings[b.finding])
	})
	// The items are of one film: one aggregateRating for them all.
	var kept *Node
	for i, g := range graphs {
		if !keep[i] || g == nil || len(g.Nodes) == 0 {
			continue
		}
		if _, reasons := oneAggregate(g.Nodes[0], &kept); len(reasons) > 0 {
			keep[i] = false
			for _, r := range reasons {
				dropped.add(itemSeq(r, i), place(i))
			}
		}
	}
	dropped.index = nil
	return keep, dropped
}

// extraAggregate is the finding for an aggregate rating the snippet leaves
// out because its item already has the one kept.
func extraAggregate(item, n, kept *Node) Finding {
	return Finding{Severity: Warning, Rule: RuleOneAggregate, Node: n.Describe(),
		Message: fmt.Sprintf("%s already has one; Google reads one aggregateRating per item, and the snippet keeps the first, %s", item.Describe(), kept.Describe()),
		Pos:     n.Pos, node: n, nodeSeq: n.seq}
}

// removable returns the nodes (and their findings) that stand as the
// value of another node, each once: a review or rating written at the top
// of the document, nested in nothing, is no value that leaving out could
// remove, and it stays in the snippet with its errors.
func removable(nodes []*Node, why []Finding) ([]*Node, []Finding) {
	var outNodes []*Node
	var outWhy []Finding
	seen := map[*Node]bool{}
	for i, n := range nodes {
		if seen[n] || !isValue(n) {
			continue
		}
		seen[n] = true
		outNodes, outWhy = append(outNodes, n), append(outWhy, why[i])
	}
	return outNodes, outWhy
}

// isValue reports whether some node holds n as a value in the JSON: the
// object n is read from, or a reference to its IRI.
func isValue(n *Node) bool {
	for _, e := range n.Parents {
		for _, parent := range e.From.origins() {
			for _, m := range parent.Members {
				if localName(m.Key) != e.Property {
					continue
				}
				for _, v := range list(m.Value) {
					if slices.Contains(n.origins(), v) || refersTo(v, n.ID) {
						return true
					}
				}
			}
		}
	}
	return false
}

// without returns a copy of a decoded document without the JSON values
// that stand for nodes of g (read from tree by readTree): the objects
// they were read from, and references to their IRIs, under the properties
// by which other nodes hold them. A property left with no value is left
// out; the tree is not changed.
func without(tree *jsonpos.Value, g *Graph, nodes []*Node) *jsonpos.Value {
	// gone maps a holding node's JSON object and a property to the nodes
	// it must no longer hold there.
	type holder struct {
		obj  *jsonpos.Value
		prop string
	}
	gone := map[holder][]*Node{}
	for _, n := range nodes {
		for _, e := range n.Parents {
			for _, parent := range e.From.origins() {
				h := holder{parent, e.Property}
				if !slices.Contains(gone[h], n) {
					gone[h] = append(gone[h], n)
				}
			}
		}
	}
	var copyOf func(v *jsonpos.Value) *jsonpos.Value
	copyOf = func(v *jsonpos.Value) *jsonpos.Value {
		switch v.Kind {
		case jsonpos.Array:
			out := *v
			out.Items = make([]*jsonpos.Value, len(v.Items))
			for i, item := range v.Items {
				out.Items[i] = copyOf(item)
			}
			return &out
		case jsonpos.Object:
			out := *v
			out.Members = make([]jsonpos.Member, 0, len(v.Members))
			for _, m := range v.Members {
				drop := gone[holder{v, localName(m.Key)}]
				if len(drop) == 0 || strings.HasPrefix(m.Key, "@") {
					m.Value = copyOf(m.Value)
					out.Members = append(out.Members, m)
					continue
				}
				var kept []*jsonpos.Value
				for _, item := range list(m.Value) {
					if !slices.ContainsFunc(drop, func(n *Node) bool { return slices.Contains(n.origins(), item) || refersTo(item, n.ID) }) {
						kept = append(kept, copyOf(item))
					}
				}
				switch len(kept) {
				case 0:
					continue
				case 1:
					m.Value = kept[0]
				default:
					m.Value = &jsonpos.Value{Kind: jsonpos.Array, Offset: m.Value.Offset, Items: kept}
				}
				out.Members = append(out.Members, m)
			}
			return &out
		}
		return v
	}
	return copyOf(tree)
}

// topNodes returns the node objects a document writes at its top: the
// items of its "@graph", or the document itself.
func topNodes(doc *jsonpos.Value) []*jsonpos.Value {
	g := doc.Get("@graph")
	if g == nil {
		return []*jsonpos.Value{doc}
	}
	var out []*jsonpos.Value
	for _, v := range list(g) {
		if v.Kind == jsonpos.Object {
			out = append(out, v)
		}
	}
	return out
}

// topRefs returns the ids a top-level node refers to, at any depth: in an
// {"@id": …} object, or as a bare string naming one of ids (a property the
// context types "@id" refers that way; counting it keeps the node).
func topRefs(n *jsonpos.Value, ids map[string]bool) []string {
	var refs []string
	var walk func(v *jsonpos.Value, top bool)
	walk = func(v *jsonpos.Value, top bool) {
		switch v.Kind {
		case jsonpos.Object:
			if id := v.Get("@id"); id != nil && id.Kind == jsonpos.String && !top {
				refs = append(refs, id.String)
			}
			for _, m := range v.Members {
				if m.Key != "@context" && m.Key != "@id" {
					walk(m.Value, false)
				}
			}
		case jsonpos.Array:
			for _, item := range v.Items {
				walk(item, false)
			}
		case jsonpos.String:
			if ids[v.String] && !top {
				refs = append(refs, v.String)
			}
		}
	}
	walk(n, true)
	return refs
}

// idOf returns a node object's "@id", or "".
func idOf(n *jsonpos.Value) string {
	if id := n.Get("@id"); id != nil && id.Kind == jsonpos.String {
		return id.String
	}
	return ""
}

// topIDs returns the ids of the top-level nodes.
func topIDs(nodes []*jsonpos.Value) map[string]bool {
	ids := map[string]bool{}
	for _, n := range nodes {
		if id := n.Get("@id"); id != nil && id.Kind == jsonpos.String {
			ids[id.String] = true
		}
	}
	return ids
}

// rootsOf returns the positions, among the top-level nodes, of those no
// other node refers to (the Movie of film2ld's documents) and of the nodes
// without an id. Leaving values out keeps every top-level node where it
// is, so the positions name the same nodes in the pruned document.
func rootsOf(doc *jsonpos.Value) []int {
	nodes := topNodes(doc)
	ids := topIDs(nodes)
	referenced := map[string]bool{}
	for _, n := range nodes {
		for _, r := range topRefs(n, ids) {
			if r != idOf(n) {
				referenced[r] = true
			}
		}
	}
	var roots []int
	for i, n := range nodes {
		if id := idOf(n); id == "" || !referenced[id] {
			roots = append(roots, i)
		}
	}
	return roots
}

// reachable returns the ids that can be reached from the roots by
// following references through the document's top-level nodes.
func reachable(doc *jsonpos.Value, roots []int) map[string]bool {
	nodes := topNodes(doc)
	ids := topIDs(nodes)
	byID := map[string]*jsonpos.Value{}
	for _, n := range nodes {
		if id := n.Get("@id"); id != nil && id.Kind == jsonpos.String {
			byID[id.String] = n
		}
	}
	seen := map[string]bool{}
	var queue []*jsonpos.Value
	for _, i := range roots {
		queue = append(queue, nodes[i])
		if id := nodes[i].Get("@id"); id != nil && id.Kind == jsonpos.String {
			seen[id.String] = true
		}
	}
	for len(queue) > 0 {
		n := queue[0]
		queue = queue[1:]
		for _, r := range topRefs(n, ids) {
			if seen[r] {
				continue
			}
			seen[r] = true
			if m, ok := byID[r]; ok {
				queue = append(queue, m)
			}
		}
	}
	return seen
}

// pruneOrphans returns the document without the nodes of its "@graph"
// that were reachable from roots before pruning (the set before) and no
// longer are. A node nothing reached to begin with is left alone: pruning
// is not the place to judge it.
func pruneOrphans(doc *jsonpos.Value, roots []int, before map[string]bool) *jsonpos.Value {
	if doc.Kind != jsonpos.Object || doc.Get("@graph") == nil {
		return doc
	}
	after := reachable(doc, roots)
	out := *doc
	out.Members = slices.Clone(doc.Members)
	for i, m := range out.Members {
		if m.Key != "@graph" {
			continue
		}
		graph := &jsonpos.Value{Kind: jsonpos.Array, Offset: m.Value.Offset}
		for _, v := range list(m.Value) {
			if v.Kind == jsonpos.Object {
				if id := idOf(v); id != "" && before[id] && !after[id] {
					continue
				}
			}
			graph.Items = append(graph.Items, v)
		}
		out.Members[i].Value = graph
	}
	return &out
}

// refersTo reports whether v is a reference to the node id: {"@id": id}
// with nothing else, or id itself under a property typed "@id".
func refersTo(v *jsonpos.Value, id string) bool {
	if id == "" {
		return false
	}
	switch v.Kind {
	case jsonpos.String:
		return v.String == id
	case jsonpos.Object:
		return len(v.Members) == 1 && idOf(v) == id && v.Members[0].Key == "@id"
	}
	return false
}
