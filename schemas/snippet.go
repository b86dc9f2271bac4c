package schemas

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
)

// Snippet prepares a decoded JSON-LD document for a web page: it removes,
// in place, every Review and AggregateRating that search engines would
// reject (an AggregateRating without a stated ratingValue, a review without
// an author), and returns the findings that made it remove each one. What
// remains passes the google profile's review rules; the RDF outputs keep
// every fact, since they are built from the document before this runs.
//
// What a removed node alone led to goes with it: a reviewer written as a
// node of its own in the document's "@graph" and referred to only by the
// review left out would otherwise stand in the snippet unattached to the
// Movie, which no search engine reads and framing refuses.
func Snippet(doc map[string]any, file string) []Finding {
	return SnippetFor(doc, file, SnippetOptions{})
}

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
}

// SnippetFor is Snippet for a given page.
func SnippetFor(doc map[string]any, file string, opts SnippetOptions) []Finding {
	roots := rootsOf(doc)
	before := reachable(doc, roots)
	defer pruneOrphans(doc, roots, before)
	if opts.NoReviews {
		for _, n := range FromDoc(doc, file).Nodes {
			if n.Is("Review", "AggregateRating") {
				removeNode(n)
			}
		}
	}
	var dropped []Finding
	for {
		g := FromDoc(doc, file)
		g.PageURL = opts.PageURL
		removed := false
		// Only the search-engine rules remove nodes, so only they run:
		// the shape and vocabulary layers cost more than the rest of an
		// export of a large review page, and their findings are not used.
		for _, f := range sortFindings(checkGoogle(g)) {
			target := rejected(f)
			if target == nil || !removeNode(target) {
				continue
			}
			dropped = append(dropped, f)
			removed = true
		}
		if !removed {
			return append(dropped, onePerItem(doc, file)...)
		}
	}
}

// rejected returns the Review or AggregateRating a search-engine finding
// makes a web snippet leave out: the node the finding is about, or the
// review a bad Rating sinks; nil when the finding removes nothing. Errors
// do, and a review from another site (a warning, since validate cannot
// know the page is not the review's own); the movie carousel's rules
// judge the Movie, which a snippet cannot do without.
func rejected(f Finding) *Node {
	thirdParty := f.Rule == RuleThirdParty
	if f.Severity != Error && !thirdParty || f.node == nil || !strings.HasPrefix(f.Rule, "google.") || strings.HasPrefix(f.Rule, "google.movie.") {
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

// Choose decides which of an item's reviews and aggregate ratings a web
// snippet keeps, by the rules validate applies (the google profile's
// review-snippet rules, and one aggregateRating per item). Each of the n
// items, item(i), is one review or one aggregate rating rendered alone
// (rendered when asked for, so that a film's thousands of reviews are
// judged one by one and never all held): a document whose
// first node is the item (a Movie with its IRI and name) holding it under
// "review" or "aggregateRating", and the nodes it refers to. keep[i] tells
// whether items[i] stays; dropped holds the finding that left each other
// one out, in the order Snippet gives them: the rules' findings by rule and
// node, then the aggregate ratings the item already had one of.
//
// Deciding on each review alone is what makes this a filter on typed
// reviews and ratings (see package mapping's Film.Keep), not an edit of a
// rendered document: no review rule looks beyond the review, its rating
// and the nodes they name.
func Choose(n int, item func(i int) map[string]any, file string, opts SnippetOptions) (keep []bool, dropped []Finding) {
	type reject struct {
		f    Finding
		item int
	}
	var rejects []reject
	graphs := make([]*Graph, n)
	keep = make([]bool, n)
	for i := range n {
		keep[i] = !opts.NoReviews
		if opts.NoReviews {
			continue
		}
		g := FromDoc(item(i), file)
		g.PageURL = opts.PageURL
		if len(g.Nodes) > 0 && len(g.Nodes[0].Props["aggregateRating"]) > 0 {
			graphs[i] = g // for the one-per-item pass below
		}
		for _, f := range checkGoogle(g) {
			if rejected(f) != nil {
				rejects = append(rejects, reject{f, i})
			}
		}
	}
	slices.SortStableFunc(rejects, func(a, b reject) int { return compareFindings(a.f, b.f) })
	for _, r := range rejects {
		// The first finding in order is the one that leaves it out.
		if keep[r.item] {
			keep[r.item] = false
			dropped = append(dropped, r.f)
		}
	}
	var kept *Node
	for i, g := range graphs {
		if !keep[i] || g == nil || len(g.Nodes) == 0 {
			continue
		}
		item := g.Nodes[0]
		for _, v := range item.Props["aggregateRating"] {
			if !v.IsNode("AggregateRating") {
				continue
			}
			if kept == nil {
				kept = v.Node
				continue
			}
			keep[i] = false
			dropped = append(dropped, extraAggregate(item, v.Node, kept))
		}
	}
	return keep, dropped
}

// extraAggregate is the finding for an aggregate rating the snippet leaves
// out because its item already has the one kept.
func extraAggregate(item, n, kept *Node) Finding {
	return Finding{Severity: Warning, Rule: RuleOneAggregate, Node: n.Describe(),
		Message: fmt.Sprintf("%s already has one; Google reads one aggregateRating per item, and the snippet keeps the first, %s", item.Describe(), kept.Describe()),
		Pos:     n.Pos, node: n}
}

// onePerItem keeps one aggregateRating per item. Google reads a single
// aggregateRating for a rich result and does not say which of several it
// takes, so the snippet makes the choice itself and keeps the first that
// the rules accept, in the document's order; film2ld's mappers write the
// site's headline first (a review aggregator's critic score, then its
// user score), so the headline is what a search engine shows. It runs
// after the rejected ratings are gone, so that a first AggregateRating
// with no score does not push out a valid one behind it.
func onePerItem(doc map[string]any, file string) []Finding {
	var dropped []Finding
	g := FromDoc(doc, file)
	for _, n := range g.Nodes {
		var kept *Node
		for _, v := range n.Props["aggregateRating"] {
			if !v.IsNode("AggregateRating") {
				continue
			}
			if kept == nil {
				kept = v.Node
				continue
			}
			if removeNode(v.Node) {
				dropped = append(dropped, extraAggregate(n, v.Node, kept))
			}
		}
	}
	return dropped
}

// removeNode deletes a node from its parents' values: its JSON objects
// written in place, and the {"@id": …} references to it of a flattened
// document, whose own top-level object then goes with the orphans.
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
				if !isOneOf(v, n.origins) && !refersTo(v, n.ID) {
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

// topNodes returns the node objects a document writes at its top: the
// items of its "@graph", or the document itself.
func topNodes(doc map[string]any) []map[string]any {
	g, ok := doc["@graph"]
	if !ok {
		return []map[string]any{doc}
	}
	var out []map[string]any
	for _, v := range asSlice(g) {
		if m, ok := v.(map[string]any); ok {
			out = append(out, m)
		}
	}
	return out
}

// topRefs returns the ids a top-level node refers to, at any depth: in an
// {"@id": …} object, or as a bare string naming one of ids (a property the
// context types "@id" refers that way; counting it keeps the node).
func topRefs(n map[string]any, ids map[string]bool) []string {
	var refs []string
	var walk func(v any, top bool)
	walk = func(v any, top bool) {
		switch x := v.(type) {
		case map[string]any:
			if id, ok := x["@id"].(string); ok && !top {
				refs = append(refs, id)
			}
			for k, v := range x {
				if k != "@context" && k != "@id" {
					walk(v, false)
				}
			}
		case []any:
			for _, v := range x {
				walk(v, false)
			}
		case string:
			if ids[x] && !top {
				refs = append(refs, x)
			}
		}
	}
	walk(n, true)
	return refs
}

// topIDs returns the ids of the top-level nodes.
func topIDs(nodes []map[string]any) map[string]bool {
	ids := map[string]bool{}
	for _, n := range nodes {
		if id, ok := n["@id"].(string); ok {
			ids[id] = true
		}
	}
	return ids
}

// rootsOf returns the top-level nodes no other node refers to (the Movie
// of film2ld's documents), and the nodes without an id.
func rootsOf(doc map[string]any) []map[string]any {
	nodes := topNodes(doc)
	ids := topIDs(nodes)
	referenced := map[string]bool{}
	for _, n := range nodes {
		for _, r := range topRefs(n, ids) {
			if r != n["@id"] {
				referenced[r] = true
			}
		}
	}
	var roots []map[string]any
	for _, n := range nodes {
		if id, _ := n["@id"].(string); id == "" || !referenced[id] {
			roots = append(roots, n)
		}
	}
	return roots
}

// reachable returns the ids that can be reached from roots by following
// references through the document's top-level nodes.
func reachable(doc map[string]any, roots []map[string]any) map[string]bool {
	nodes := topNodes(doc)
	ids := topIDs(nodes)
	byID := map[string]map[string]any{}
	for _, n := range nodes {
		if id, ok := n["@id"].(string); ok {
			byID[id] = n
		}
	}
	seen := map[string]bool{}
	queue := slices.Clone(roots)
	for _, n := range roots {
		if id, ok := n["@id"].(string); ok {
			seen[id] = true
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

// pruneOrphans removes from the document's "@graph" the nodes that were
// reachable from roots before pruning (the set before) and no longer are. A
// node nothing reached to begin with is left alone: pruning is not the
// place to judge it.
func pruneOrphans(doc map[string]any, roots []map[string]any, before map[string]bool) {
	if _, ok := doc["@graph"]; !ok {
		return
	}
	after := reachable(doc, roots)
	var kept []any
	for _, v := range asSlice(doc["@graph"]) {
		if m, ok := v.(map[string]any); ok {
			if id, ok := m["@id"].(string); ok && before[id] && !after[id] {
				continue
			}
		}
		kept = append(kept, v)
	}
	if kept == nil {
		kept = []any{}
	}
	doc["@graph"] = kept
}

// refersTo reports whether v is a reference to the node id: {"@id": id}
// with nothing else, or id itself under a property typed "@id".
func refersTo(v any, id string) bool {
	if id == "" {
		return false
	}
	if s, ok := v.(string); ok {
		return s == id
	}
	m, ok := v.(map[string]any)
	return ok && len(m) == 1 && m["@id"] == id
}
