package ld

import (
	"fmt"
	"slices"
	"strings"

	"github.com/film2ld/film2ld/ld/internal/jsongold"
)

// Frame returns doc compacted with the nodes of type root (a schema.org
// local name such as "Movie", or an IRI) at the top and every node they
// lead to embedded in them. Where a node is reached more than once, json-gold's
// @last rule embeds it at the last place in sorted property order and refers
// to it by @id elsewhere, so the choice is the same on every run.
//
// Nodes of type root that another node refers to stay embedded rather than
// repeated at the top. Framing never drops a statement: if a node cannot be
// reached from the roots (a Review pointing at the Movie, say) Frame fails
// with [ErrUnreachable], and with [ErrNoRoot] if no node has type root.
// A graph that reaches its nodes by so many paths that embedding them
// would take exponential time fails with [ErrFrameWork].
func (p *Processor) Frame(doc any, root string, opts Options) (map[string]any, error) {
	expanded, err := p.expand(doc, opts)
	if err != nil {
		return nil, err
	}
	return p.frameExpanded(expanded, root, true)
}

func rootIRI(root string) string {
	if strings.Contains(root, ":") {
		return root
	}
	return "http://schema.org/" + root
}

// frameExpanded is Frame of an expanded document. With consume, expanded
// is taken apart (see nodeMapFrom): the caller must not read it again.
func (p *Processor) frameExpanded(expanded []any, root string, consume bool) (map[string]any, error) {
	nodeMap, _, err := nodeMapFrom(expanded, consume)
	if err != nil {
		return nil, err
	}
	return p.frameNodeMap(nodeMap, root)
}

// frameNodeMap is frameExpanded of the document whose node map is
// nodeMap, which it only reads.
func (p *Processor) frameNodeMap(nodeMap map[string]any, root string) (map[string]any, error) {
	typeIRI := rootIRI(root)
	if len(nodeMap) > 1 {
		return nil, fmt.Errorf("ld: frame: %w: the document has named graphs", ErrUnreachable)
	}
	graph := nodeMap["@default"].(map[string]any)
	referenced := referencedIDs(graph)
	var matches, roots []string
	for _, id := range sortedKeys(graph) {
		if slices.Contains(asList(graph[id].(map[string]any)["@type"]), any(typeIRI)) {
			matches = append(matches, id)
			if !referenced[id] {
				roots = append(roots, id)
			}
		}
	}
	if len(matches) == 0 {
		return nil, fmt.Errorf("ld: frame: %w: no node of type %s", ErrNoRoot, short(typeIRI))
	}
	if len(roots) == 0 {
		roots = matches // every match is referenced, as in a cycle
	}
	if lost := unreachable(graph, roots); len(lost) > 0 {
		return nil, fmt.Errorf("ld: frame: %w of type %s: %s", ErrUnreachable, short(typeIRI), strings.Join(lost, "; "))
	}

	c, err := p.contexts()
	if err != nil {
		return nil, err
	}
	// The framing of json-gold with @embed @last (see embed.go), on the
	// node map built above.
	framed, clear, err := jsongold.FrameGraph(graph, typeIRI, roots)
	if err != nil {
		return nil, fmt.Errorf("ld: frame: %w", err)
	}
	jsongold.ClearBlankIDs(framed, clear)
	var compacted any
	err = guard("frame", func() error {
		api := jsongold.NewJsonLdApi()
		var err error
		if compacted, err = api.Compact(c.compact(), "", framed, true); err != nil {
			return err
		}
		compacted, err = jsongold.RemovePreserve(c.compact(), compacted, nil, true)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("ld: frame: %w", wrapInput(err))
	}
	return wrapCompacted(compacted, false), nil
}

// referencedIDs returns the ids node objects in graph refer to.
func referencedIDs(graph map[string]any) map[string]bool {
	refs := map[string]bool{}
	for _, n := range graph {
		forEachRef(n.(map[string]any), func(id string) { refs[id] = true })
	}
	return refs
}

// forEachRef calls f with each node id a node-map node refers to.
func forEachRef(node map[string]any, f func(string)) {
	var walk func(v any)
	walk = func(v any) {
		for _, item := range asList(v) {
			m, ok := item.(map[string]any)
			if !ok {
				continue
			}
			if list, ok := m["@list"]; ok {
				walk(list)
			} else if id, ok := m["@id"].(string); ok {
				f(id)
			}
		}
	}
	for k, v := range node {
		if !jsongold.IsKeyword(k) {
			walk(v)
		}
	}
}

// unreachable describes the nodes with statements that cannot be reached
// from roots by following references.
func unreachable(graph map[string]any, roots []string) []string {
	seen := map[string]bool{}
	queue := slices.Clone(roots)
	for len(queue) > 0 {
		id := queue[0]
		queue = queue[1:]
		if seen[id] {
			continue
		}
		seen[id] = true
		if n, ok := graph[id].(map[string]any); ok {
			forEachRef(n, func(ref string) { queue = append(queue, ref) })
		}
	}
	var lost []string
	for _, id := range sortedKeys(graph) {
		n := graph[id].(map[string]any)
		if !seen[id] && len(n) > 1 {
			lost = append(lost, atNode(n, nil).String())
		}
	}
	return lost
}

// autoRoot returns the type to frame on when the caller named none: the
// first type of the only node that no other node refers to.
func autoRoot(expanded []any) string {
	root, _ := autoRootMap(expanded)
	return root
}

// autoRootMap is autoRoot, and the node map it found the root in, which
// framing reads again (building it twice took a fifth of the memory of a
// 14 MB web snippet's conversion).
func autoRootMap(expanded []any) (root string, nodeMap map[string]any) {
	nodeMap, _, err := nodeMapOf(expanded)
	if err != nil || len(nodeMap) > 1 {
		return "", nil
	}
	return rootOf(nodeMap), nodeMap
}

// rootOf returns the first type of the only node of nodeMap's default
// graph that no other node refers to, or "".
func rootOf(nodeMap map[string]any) string {
	graph := nodeMap["@default"].(map[string]any)
	referenced := referencedIDs(graph)
	var root map[string]any
	for _, id := range sortedKeys(graph) {
		n := graph[id].(map[string]any)
		if referenced[id] || len(n) == 1 {
			continue
		}
		if root != nil {
			return ""
		}
		root = n
	}
	types := asList(root["@type"])
	if len(types) == 0 {
		return ""
	}
	s, _ := types[0].(string)
	return s
}
