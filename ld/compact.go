package ld

import (
	"fmt"
	"strings"

	jld "github.com/piprate/json-gold/ld"

	"github.com/film2ld/film2ld/ld/internal/jsongold"

	"github.com/film2ld/film2ld/ld/schemaorg"
)

// Compact returns doc compacted against the schema.org context. The result
// carries "@context": "https://schema.org" and uses the @id and @type
// keywords (not the context's id and type aliases); IRIs stay absolute. A
// document with more than one top-level node comes back as
// {"@context": …, "@graph": […]}.
func (p *Processor) Compact(doc any, opts Options) (map[string]any, error) {
	expanded, err := p.expand(doc, opts)
	if err != nil {
		return nil, err
	}
	return p.compactExpanded(expanded, false)
}

// CompactFromRDF compacts what FromQuads (or FromNQuads) returned, as
// Compact compacts it, without Compact's copy and expansion of the
// input: the conversion from RDF gives expanded JSON-LD already, whose
// expansion changes nothing but its language tags' case (expansion
// writes them in lower case; this does so in place, the input being
// the caller's own and used up). Validating 15 MB of N-Quads of 200,000
// small nodes held the copy and the expansion at once, 270 MB of its
// 330 MB peak. TestCompactFromRDFMatchesCompact proves it gives
// Compact's result on every N-Quads input of the differential tests.
func (p *Processor) CompactFromRDF(fromRDF []any) (map[string]any, error) {
	lowerLanguages(fromRDF)
	return p.compactExpanded(fromRDF, false)
}

// lowerLanguages writes the language tags of value objects in v in lower
// case, as expansion does.
func lowerLanguages(v any) {
	switch x := v.(type) {
	case []any:
		for _, item := range x {
			lowerLanguages(item)
		}
	case map[string]any:
		if lang, ok := x["@language"].(string); ok {
			x["@language"] = strings.ToLower(lang)
			return
		}
		for _, item := range x {
			lowerLanguages(item)
		}
	}
}

// compactExpanded compacts expanded JSON-LD; graph forces the @graph form.
func (p *Processor) compactExpanded(expanded any, graph bool) (map[string]any, error) {
	c, err := p.contexts()
	if err != nil {
		return nil, err
	}
	var compacted any
	err = guard("compact", func() error {
		var err error
		compacted, err = jsongold.NewJsonLdApi().Compact(c.compact(), "", expanded, true)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("ld: compact: %w", wrapInput(err))
	}
	return wrapCompacted(compacted, graph), nil
}

// wrapCompacted adds the context, and @graph where there is more than one
// top-level node (or graph is set).
func wrapCompacted(compacted any, graph bool) map[string]any {
	var out map[string]any
	switch v := compacted.(type) {
	case map[string]any:
		if graph && len(v) > 0 {
			out = map[string]any{"@graph": []any{v}}
		} else {
			out = v
		}
	case []any:
		out = map[string]any{"@graph": v}
	default:
		out = map[string]any{}
	}
	if graph {
		if _, ok := out["@graph"]; !ok {
			out["@graph"] = []any{}
		}
	}
	out["@context"] = schemaorg.ContextURL
	return out
}

// Flatten returns doc in flattened form compacted against the schema.org
// context: every node at the top level of "@graph", each referring to the
// others by @id, with blank nodes labelled _:b0, _:b1, … in document order.
func (p *Processor) Flatten(doc any, opts Options) (map[string]any, error) {
	expanded, err := p.expand(doc, opts)
	if err != nil {
		return nil, err
	}
	flat, err := flatten(expanded)
	if err != nil {
		return nil, err
	}
	return p.compactExpanded(flat, true)
}

// flatten is the flattening algorithm's node-map step, as json-gold's
// processor does it, on expanded input.
func flatten(expanded []any) ([]any, error) {
	nodeMap, _, err := nodeMapOf(expanded)
	if err != nil {
		return nil, err
	}
	defaultGraph := nodeMap["@default"].(map[string]any)
	for _, name := range sortedKeys(nodeMap) {
		if name == "@default" {
			continue
		}
		graph := nodeMap[name].(map[string]any)
		entry, ok := defaultGraph[name].(map[string]any)
		if !ok {
			entry = map[string]any{"@id": name}
			defaultGraph[name] = entry
		}
		var nodes []any
		for _, id := range sortedKeys(graph) {
			n := graph[id].(map[string]any)
			if _, ok := n["@id"]; !(ok && len(n) == 1) {
				nodes = append(nodes, n)
			}
		}
		entry["@graph"] = append(asList(entry["@graph"]), nodes...)
	}
	flat := []any{}
	for _, id := range sortedKeys(defaultGraph) {
		n := defaultGraph[id].(map[string]any)
		if _, ok := n["@id"]; !(ok && len(n) == 1) {
			flat = append(flat, n)
		}
	}
	return flat, nil
}

// nodeMapOf runs json-gold's node map generation with the blank node labels
// (_:b0, …) its framing and RDF conversion also use, and returns the issuer
// so that RDF conversion can go on labelling list nodes.
func nodeMapOf(expanded []any) (map[string]any, *jld.IdentifierIssuer, error) {
	return nodeMapFrom(expanded, false)
}

// nodeMapFrom is nodeMapOf; with consume, for an expanded document that
// nobody reads again, it hands json-gold's node map generation the
// document itself, which it takes apart, rather than a copy (the copy was
// 110 MB, a fifth of export's peak, for a web snippet of 50,000 reviews).
func nodeMapFrom(expanded []any, consume bool) (map[string]any, *jld.IdentifierIssuer, error) {
	nodeMap := map[string]any{"@default": map[string]any{}}
	issuer := jld.NewIdentifierIssuer("_:b")
	err := guard("node map", func() error {
		if consume {
			return jsongold.GenerateNodeMapConsuming(expanded, nodeMap, issuer)
		}
		return jsongold.GenerateNodeMap(jld.CloneDocument(expanded), nodeMap, issuer)
	})
	if err != nil {
		return nil, nil, fmt.Errorf("ld: node map: %w", wrapInput(err))
	}
	return nodeMap, issuer, nil
}
