// Adapted from github.com/piprate/json-gold v0.8.0, ld/api_frame.go
// (matchFrame, removeEmbed, removeDependents). Copyright 2015-2017 Piprate
// Limited.
//
// Licensed under the Apache License, Version 2.0 (the "License"); you may
// not use this file except in compliance with the License. You may obtain a
// copy of the License at http://www.apache.org/licenses/LICENSE-2.0 (and in
// the file LICENSE beside this one). Unless required by applicable law or
// agreed to in writing, software distributed under the License is
// distributed on an "AS IS" BASIS, WITHOUT WARRANTIES OR CONDITIONS OF ANY
// KIND, either express or implied. See the License for the specific
// language governing permissions and limitations under the License.
//
// Changes from upstream: json-gold's Frame builds its own node map (whose AddValue is quadratic in
// the values of one property) and merges it again into "@merged" (the same
// again), and its RemovePreserve scans the list of blank nodes to clear for
// every object: a film with 20,000 reviews took 50 s to frame. This is the
// part of its framing algorithm film2ld uses (a {"@type": T} frame, every
// other node embedded with @embed @last, @explicit off, no defaults),
// working on film2ld's linear node map, with the same output. It reads
// no JsonLdOptions: @last is built in, so json-gold v0.9's default of @once
// does not reach it.

package jsongold

import (
	"errors"
	"slices"
	"strings"

	jld "github.com/piprate/json-gold/ld"
)

// embedSite is where a node's output was embedded.
type embedSite struct {
	parent   map[string]any
	property string
}

// embedder frames one graph.
type embedder struct {
	graph map[string]any
	// embeds maps each embedded node to where it is (json-gold's
	// uniqueEmbeds for the current top-level match).
	embeds map[string]*embedSite
	// stack holds the nodes being embedded, against circular embeds.
	stack []string
	// bnodes counts the outputs of each blank node; one output means its
	// label can go.
	bnodes map[string]int
	// budget is how many more outputs may be made (FrameBudget).
	budget int
}

// ErrFrameWork reports a graph whose framing would output more nodes
// than FrameBudget allows: @last embedding frames a node again each time
// it is reached (and what it leads to), so a graph reaching nodes by many
// paths (a chain of diamonds, 22 deep: 4 million outputs, 12 s) costs
// exponential time for a small output.
var ErrFrameWork = errors.New("framing would embed nodes more times than the graph's size allows (nodes reached by many paths)")

// FrameBudget is how many outputs framing a graph of nodes nodes and refs
// references between them may make: sixteen for each node and reference,
// and a million more. A film frames each node once or twice (a reviewer
// of many reviews, re-embedded at the last); a chain of nodes of the
// root's type, each framed on its own, costs the square of its length
// (1,400 fit); a chain of diamonds costs 2 to the power of its length.
func FrameBudget(nodes, refs int) int {
	return 16*(nodes+refs) + FrameBudgetBase
}

// FrameBudgetBase is the outputs FrameBudget allows any graph; tests
// lower it.
var FrameBudgetBase = 1 << 20

// FrameGraph frames the nodes of type typeIRI of a node-map graph, in id
// order, each with the nodes it leads to embedded (@last), and returns the
// framed nodes of roots and the blank node labels used only once. It
// returns ErrFrameWork, having stopped, past FrameBudget's outputs.
func FrameGraph(graph map[string]any, typeIRI string, roots []string) (framed []any, clear map[string]bool, err error) {
	refs := 0
	for _, n := range graph {
		for k, v := range n.(map[string]any) {
			if !IsKeyword(k) {
				for _, item := range asList(v) {
					if jld.IsSubjectReference(item) {
						refs++
					}
				}
			}
		}
	}
	e := &embedder{graph: graph, bnodes: map[string]int{}, budget: FrameBudget(len(graph), refs)}
	for _, id := range sortedKeys(graph) {
		node := graph[id].(map[string]any)
		if !containsString(asList(node["@type"]), typeIRI) {
			continue
		}
		// each top-level match is framed on its own
		e.embeds = map[string]*embedSite{}
		out := e.frame(id, nil, "")
		if e.budget < 0 {
			return nil, nil, ErrFrameWork
		}
		if slices.Contains(roots, id) {
			framed = append(framed, out)
		}
	}
	clear = map[string]bool{}
	for id, n := range e.bnodes {
		if n == 1 {
			clear[id] = true
		}
	}
	return framed, clear, nil
}

// frame outputs node id into parent's property (parent nil: top level) and
// returns the output.
func (e *embedder) frame(id string, parent map[string]any, property string) map[string]any {
	output := map[string]any{"@id": id}
	if e.budget--; e.budget < 0 {
		return output // the caller gives up
	}
	if strings.HasPrefix(id, "_:") {
		e.bnodes[id]++
	}
	if slices.Contains(e.stack, id) {
		// a circular embed: a reference only
		addFrameOutput(parent, property, output)
		return output
	}
	if _, ok := e.embeds[id]; ok {
		e.removeEmbed(id)
	}
	e.embeds[id] = &embedSite{parent: parent, property: property}

	subject, _ := e.graph[id].(map[string]any)
	e.stack = append(e.stack, id)
	for _, prop := range sortedKeys(subject) {
		if IsKeyword(prop) {
			output[prop] = jld.CloneDocument(subject[prop])
			if prop == "@type" {
				for _, t := range asList(subject[prop]) {
					if s, ok := t.(string); ok && strings.HasPrefix(s, "_:") {
						e.bnodes[s]++
					}
				}
			}
			continue
		}
		for _, item := range asList(subject[prop]) {
			itemMap, _ := item.(map[string]any)
			if listValue, isList := itemMap["@list"]; isList {
				list := map[string]any{"@list": []any{}}
				addFrameOutput(output, prop, list)
				for _, listItem := range asList(listValue) {
					if jld.IsSubjectReference(listItem) {
						e.frame(listItem.(map[string]any)["@id"].(string), list, "@list")
					} else {
						addFrameOutput(list, "@list", listItem)
					}
				}
				continue
			}
			if jld.IsSubjectReference(item) {
				e.frame(itemMap["@id"].(string), output, prop)
				continue
			}
			addFrameOutput(output, prop, jld.CloneDocument(item))
		}
	}
	e.stack = e.stack[:len(e.stack)-1]
	addFrameOutput(parent, property, output)
	return output
}

// removeEmbed replaces an earlier embed of id by a reference, which
// json-gold appends at the end of the property's values, and forgets the
// embeds made inside it.
func (e *embedder) removeEmbed(id string) {
	site := e.embeds[id]
	if site.parent != nil {
		var kept []any
		for _, v := range asList(site.parent[site.property]) {
			if m, ok := v.(map[string]any); !ok || m["@id"] != id {
				kept = append(kept, v)
			}
		}
		site.parent[site.property] = append(kept, map[string]any{"@id": id})
	}
	e.removeDependents(id)
}

func (e *embedder) removeDependents(id string) {
	for dep, site := range e.embeds {
		if site.parent != nil && site.parent["@id"] == id {
			delete(e.embeds, dep)
			e.removeDependents(dep)
		}
	}
}

// addFrameOutput appends output to parent's property; a nil parent is the
// top level, whose outputs the caller collects.
func addFrameOutput(parent map[string]any, property string, output any) {
	if parent == nil {
		return
	}
	existing, _ := parent[property].([]any)
	parent[property] = append(existing, output)
}

// ClearBlankIDs removes, in place, the @id of blank nodes used only once:
// JSON-LD 1.1 framing leaves such labels out.
func ClearBlankIDs(v any, clear map[string]bool) {
	switch v := v.(type) {
	case []any:
		for _, item := range v {
			ClearBlankIDs(item, clear)
		}
	case map[string]any:
		if _, isValue := v["@value"]; isValue {
			return
		}
		if id, ok := v["@id"].(string); ok && clear[id] {
			delete(v, "@id")
		}
		for k, item := range v {
			if k != "@type" {
				ClearBlankIDs(item, clear)
			}
		}
	}
}

func containsString(list []any, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
