// Adapted from github.com/piprate/json-gold v0.9.1, ld/api_from_rdf.go
// (JsonLdApi.FromRDF, NodeMapNode, UsagesNode) and ld/utils.go
// (mergeValue, deepContains). Copyright 2015-2017 Piprate Limited.
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
// Changes from upstream: the algorithm is json-gold's (JSON-LD 1.1,
// Serialize RDF as JSON-LD), step for step. What changes is how a value
// is added to a property: json-gold's mergeValue compares it with every
// value the property holds (deepContains), so a node with n values of
// one property cost n² comparisons (validating the N-Quads of a film of
// 50,000 reviews took minutes); here, past a few values, each (node,
// property) keeps a set of the values it holds, keyed by their strings
// (see rdfValueKey), and compares only a value that has no such key with
// every one. The graphs are taken in the order of their names, where
// json-gold ranges over its map (the result does not depend on it but
// through the list conversion's bookkeeping of nodes referred to once,
// which is shared between graphs). Upstream's assumeNoDuplicates (set
// only for datasets its own N-Quads parser made) is not read: film2ld
// gives FromRDF datasets it builds, for which upstream always checks.
// Step 4, the conversion of RDF lists, leaves alone what upstream would
// lose or fail on (see foldable and isWellFormedListNode): a cell with
// no rdf:first, lists that would hold themselves, cells naming graphs.

package jsongold

import (
	"slices"
	"strconv"
	"strings"

	jld "github.com/piprate/json-gold/ld"
)

// usagesNode is upstream's UsagesNode: where a node is referred to.
type usagesNode struct {
	node     *nodeMapNode
	property string
	value    map[string]any
}

// nodeMapNode is upstream's NodeMapNode, with the sets of values its
// properties hold once they are long (see merge).
type nodeMapNode struct {
	values map[string]any
	usages []*usagesNode
	held   map[string]map[string]bool
}

func newNodeMapNode(id string) *nodeMapNode {
	return &nodeMapNode{values: map[string]any{"@id": id}}
}

// scanValues is how many values of a property merge compares one by one
// before it keeps a set of them.
const scanValues = 8

// merge is upstream's mergeValue(obj, key, value, false) for the values
// FromRDF adds: the value is appended unless the property holds one
// DeepCompare finds equal.
func (n *nodeMapNode) merge(key string, value any) {
	values, _ := n.values[key].([]any)
	if key != "@list" && !hasList(value) && n.holds(key, values, value) {
		n.values[key] = values
		return
	}
	values = append(values, value)
	if set := n.held[key]; set != nil {
		if k, ok := rdfValueKey(value); ok {
			set[k] = true
		}
	}
	n.values[key] = values
}

// hasList reports whether value is an object with "@list".
func hasList(value any) bool {
	m, isMap := value.(map[string]any)
	_, list := m["@list"]
	return isMap && list
}

// holds reports whether values, the values of key, hold one equal to
// value as upstream's deepContains decides.
func (n *nodeMapNode) holds(key string, values []any, value any) bool {
	k, keyed := rdfValueKey(value)
	if !keyed || len(values) <= scanValues {
		return deepContains(values, value)
	}
	set := n.held[key]
	if set == nil {
		// The set is made once the property is long, from the values it
		// holds; values without a key cannot equal one with a key.
		set = make(map[string]bool, 2*len(values))
		for _, v := range values {
			if vk, ok := rdfValueKey(v); ok {
				set[vk] = true
			}
		}
		if n.held == nil {
			n.held = map[string]map[string]bool{}
		}
		n.held[key] = set
	}
	return set[k]
}

// deepContains is upstream's: whether values hold one DeepCompare finds
// equal to value.
func deepContains(values []any, value any) bool {
	return slices.ContainsFunc(values, func(v any) bool { return jld.DeepCompare(v, value, false) })
}

// rdfValueKey returns a key that two values share exactly when DeepCompare
// finds them equal, for the values FromRDF makes of an IRI, a blank node
// or a literal whose "@value" is a string: an object of "@id", "@value",
// "@type" and "@language" (any of them) with string values, or a string
// (a type). ok is false for anything else (a native or rdf:JSON value),
// which is compared with every value instead.
func rdfValueKey(v any) (key string, ok bool) {
	if s, isString := v.(string); isString {
		return "s" + s, true
	}
	m, isMap := v.(map[string]any)
	if !isMap {
		return "", false
	}
	var b strings.Builder
	b.WriteByte('m')
	found := 0
	for _, k := range [...]string{"@id", "@value", "@type", "@language"} {
		x, has := m[k]
		if !has {
			b.WriteByte('-')
			continue
		}
		s, isString := x.(string)
		if !isString {
			return "", false
		}
		found++
		b.WriteByte('+')
		b.WriteString(strconv.Itoa(len(s)))
		b.WriteByte(':')
		b.WriteString(s)
	}
	if found != len(m) {
		return "", false // a key other than those four
	}
	return b.String(), true
}

// isReferencedOnce is upstream's IsReferencedOnce.
func isReferencedOnce(node *nodeMapNode, referencedOnce map[string]*usagesNode) bool {
	usage, present := referencedOnce[node.values["@id"].(string)]
	return present && usage != nil
}

// isWellFormedListNode is upstream's NodeMapNode.IsWellFormedListNode.
func (n *nodeMapNode) isWellFormedListNode() bool {
	keys := 0
	// A cell without rdf:first is not one (as in jsonld.js): upstream
	// took it for one and failed on the missing item.
	first, has := n.values[jld.RDFFirst]
	if l, isList := first.([]any); !has || !isList || len(l) != 1 {
		return false
	}
	keys++
	if v, has := n.values[jld.RDFRest]; has {
		keys++
		if l, isList := v.([]any); !isList || len(l) != 1 {
			return false
		}
	}
	if v, has := n.values["@type"]; has {
		keys++
		if l, isList := v.([]any); !isList || len(l) != 1 || l[0] != jld.RDFList {
			return false
		}
	}
	if _, has := n.values["@id"]; has {
		keys++
	}
	return keys >= len(n.values)
}

// listFold is an RDF list step 4 found: its cells, last first, their
// first items, the value that becomes the list and the node holding it.
type listFold struct {
	graph map[string]*nodeMapNode
	cells []*nodeMapNode
	list  []any
	head  map[string]any
	owner *nodeMapNode
}

// foldable reports, for each list, whether folding it keeps the
// dataset's statements, where upstream (and jsonld.js) lose some.
// Statements whose lists hold each other's heads without an owner
// outside them (a cell whose first item is the cell before it) would
// become a list holding itself: upstream deleted the cells and wrote
// nothing, with no error. And a cell that names a graph would take the
// graph with it. Such lists stay as their statements.
func foldable(folds []listFold, graphMap map[string]map[string]*nodeMapNode) []bool {
	ok := make([]bool, len(folds))
	foldOf := map[*nodeMapNode]int{}
	for i, f := range folds {
		ok[i] = true
		for _, cell := range f.cells {
			foldOf[cell] = i
			if _, names := graphMap[cell.values["@id"].(string)]; names {
				ok[i] = false
			}
		}
	}
	// Each list leads to the one whose cell owns its head, if any: a
	// list on a cycle of these has no owner left once they are folded.
	for i := range OnCycles(len(folds), func(i int) (int, bool) {
		next, inList := foldOf[folds[i].owner]
		return next, inList
	}) {
		ok[i] = false
	}
	return ok
}

// OnCycles returns the indexes among 0…n-1 that lie on a cycle of next,
// which leads each index to at most one other: the lists whose heads are
// held, through each other's cells, by no node outside them (see
// foldable; ld's dataset follows the same rule).
func OnCycles(n int, next func(i int) (int, bool)) map[int]bool {
	on := map[int]bool{}
	const unseen, walking, done = 0, 1, 2
	state := make([]int, n)
	for i := range n {
		var path []int
		j := i
		for state[j] == unseen {
			state[j] = walking
			path = append(path, j)
			k, leads := next(j)
			if !leads {
				j = -1
				break
			}
			j = k
		}
		if j >= 0 && state[j] == walking {
			// j is on a cycle: the path from j on is that cycle.
			for _, k := range path[slices.Index(path, j):] {
				on[k] = true
			}
		}
		for _, k := range path {
			state[k] = done
		}
	}
	return on
}

// serialize is upstream's NodeMapNode.Serialize.
func (n *nodeMapNode) serialize() map[string]any {
	out := make(map[string]any, len(n.values))
	for k, v := range n.values {
		out[k] = v
	}
	return out
}

// FromRDF is upstream's JsonLdApi.FromRDF: the dataset's statements as
// expanded JSON-LD (see the changes above).
func FromRDF(dataset *jld.RDFDataset, opts *jld.JsonLdOptions) ([]any, error) {
	// 1)
	defaultGraph := map[string]*nodeMapNode{}
	// 2)
	graphMap := map[string]map[string]*nodeMapNode{"@default": defaultGraph}
	referencedOnceMap := map[string]*usagesNode{}

	// 3/3.1)
	for _, name := range sortedKeys(dataset.Graphs) {
		graph := dataset.Graphs[name]
		// 3.2+3.4)
		nodeMap, present := graphMap[name]
		if !present {
			nodeMap = map[string]*nodeMapNode{}
			graphMap[name] = nodeMap
		}
		// 3.3)
		if _, present := defaultGraph[name]; name != "@default" && !present {
			defaultGraph[name] = newNodeMapNode(name)
		}
		// 3.5)
		for _, triple := range graph {
			subject := triple.Subject.GetValue()
			predicate := triple.Predicate.GetValue()
			object := triple.Object

			// 3.5.1+3.5.2)
			node, present := nodeMap[subject]
			if !present {
				node = newNodeMapNode(subject)
				nodeMap[subject] = node
			}
			// 3.5.3)
			_, containsObject := nodeMap[object.GetValue()]
			if (jld.IsIRI(object) || jld.IsBlankNode(object)) && !containsObject {
				nodeMap[object.GetValue()] = newNodeMapNode(object.GetValue())
			}
			// 3.5.4)
			if predicate == jld.RDFType && (jld.IsIRI(object) || jld.IsBlankNode(object)) && !opts.UseRdfType {
				node.merge("@type", object.GetValue())
				continue
			}
			// 3.5.5)
			value, err := jld.RdfToObject(object, opts.UseNativeTypes)
			if err != nil {
				return nil, err
			}
			// 3.5.6+7)
			node.merge(predicate, value)
			// 3.5.8)
			if jld.IsBlankNode(object) || jld.IsIRI(object) {
				// track rdf:nil uniquely per graph
				if object.GetValue() == jld.RDFNil {
					// 3.5.8.1-3)
					n := nodeMap[object.GetValue()]
					n.usages = append(n.usages, &usagesNode{node, predicate, value})
				} else if _, present := referencedOnceMap[object.GetValue()]; present {
					referencedOnceMap[object.GetValue()] = nil
				} else {
					// track single reference
					referencedOnceMap[object.GetValue()] = &usagesNode{node, predicate, value}
				}
			}
		}
	}

	// 4) Each list is found first and folded after, which upstream does
	// in one go: a fold changes nothing a later one reads (it deletes
	// cells and rewrites a value its owner holds), and the lists found
	// can then be checked as a whole (see foldable).
	var folds []listFold
	for _, name := range sortedKeys(graphMap) {
		graph := graphMap[name]
		// 4.1), 4.2)
		nilNode, present := graph[jld.RDFNil]
		if !present {
			continue
		}
		// 4.3)
		for _, usage := range nilNode.usages {
			// 4.3.1)
			node := usage.node
			property := usage.property
			head := usage.value
			// 4.3.2)
			f := listFold{graph: graph, list: make([]any, 0)}
			// 4.3.3)
			for property == jld.RDFRest && isReferencedOnce(node, referencedOnceMap) && node.isWellFormedListNode() {
				// 4.3.3.1)
				f.list = append(f.list, node.values[jld.RDFFirst].([]any)[0])
				// 4.3.3.2)
				f.cells = append(f.cells, node)
				// 4.3.3.3)
				nodeUsage := referencedOnceMap[node.values["@id"].(string)]
				// 4.3.3.4)
				node = nodeUsage.node
				property = nodeUsage.property
				head = nodeUsage.value
				// if node is not a blank node, then list head found
				if !jld.IsBlankNodeValue(node.values) {
					break
				}
			}
			f.head, f.owner = head, node
			folds = append(folds, f)
		}
	}
	for i, ok := range foldable(folds, graphMap) {
		if !ok {
			continue
		}
		f := folds[i]
		// 4.3.5)
		delete(f.head, "@id")
		// 4.3.6) reverse the list
		slices.Reverse(f.list)
		// 4.3.7)
		f.head["@list"] = f.list
		// 4.3.8)
		for _, cell := range f.cells {
			delete(f.graph, cell.values["@id"].(string))
		}
	}

	// 5)
	result := make([]any, 0)
	// 6)
	for _, subject := range sortedKeys(defaultGraph) {
		node := defaultGraph[subject]
		// 6.1)
		if subjectMap, containsSubj := graphMap[subject]; containsSubj {
			// 6.1.1)
			graph := make([]any, 0)
			// 6.1.2)
			for _, s := range sortedKeys(subjectMap) {
				n := subjectMap[s]
				if _, containsID := n.values["@id"]; len(n.values) == 1 && containsID {
					continue
				}
				graph = append(graph, n.serialize())
			}
			node.values["@graph"] = graph
		}
		// 6.2)
		if _, containsID := node.values["@id"]; len(node.values) == 1 && containsID {
			continue
		}
		result = append(result, node.serialize())
	}
	return result, nil
}
