// Adapted from github.com/piprate/json-gold v0.8.0, ld/api_generate_node_map.go
// (JsonLdApi.GenerateNodeMap). Copyright 2015-2017 Piprate Limited.
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
// Changes from upstream: the algorithm is json-gold's (JSON-LD 1.1, Node Map
// Generation), step for step. What changes is how a value is added to a property: json-gold's
// AddValue scans the property's values for a duplicate before appending,
// which makes a node with n values of one property cost n² comparisons (a
// film with 50,000 reviews took minutes); here each (node, property) keeps a
// set of the values it holds. A free-floating value directly in a graph is
// dropped instead of panicking (see generate).

package jsongold

import (
	"encoding/json"
	"fmt"
	"strings"

	jld "github.com/piprate/json-gold/ld"
)

// nodeMapper generates a node map with a duplicate index.
type nodeMapper struct {
	issuer *jld.IdentifierIssuer
	// seen holds, per node (graph and @id) and property, the keys of the
	// values already added.
	//
	// Two flat maps, not a map per node and property: for a film of
	// 50,000 reviews those small maps were 117 MB, a third of export's
	// peak for a web snippet. started records the properties whose
	// values already in the node were indexed.
	seen    map[seenKey]struct{}
	started map[propKey]struct{}
	// consume lets the walk drop what it has mapped from the expanded
	// document (see GenerateNodeMapConsuming).
	consume bool
}

// propKey is a node (its index key) and a property.
type propKey struct{ subject, property string }

// seenKey is a node, a property and a value's key (valueKey).
type seenKey struct{ subject, property, value string }

// GenerateNodeMap fills graphMap from an expanded document, as json-gold's
// JsonLdApi.GenerateNodeMap(expanded, graphMap, "@default", issuer, "", "",
// nil) does.
func GenerateNodeMap(expanded any, graphMap map[string]any, issuer *jld.IdentifierIssuer) error {
	m := &nodeMapper{issuer: issuer, seen: map[seenKey]struct{}{}, started: map[propKey]struct{}{}}
	_, err := m.generate(expanded, graphMap, "@default", "", "", nil)
	return err
}

// GenerateNodeMapConsuming is GenerateNodeMap for an expanded document
// nobody reads again: as it goes, it drops each array item and node
// property it has mapped, so that the document's nodes are not all held
// beside their node map. The values the node map takes stay with it.
func GenerateNodeMapConsuming(expanded any, graphMap map[string]any, issuer *jld.IdentifierIssuer) error {
	m := &nodeMapper{issuer: issuer, seen: map[seenKey]struct{}{}, started: map[propKey]struct{}{}, consume: true}
	_, err := m.generate(expanded, graphMap, "@default", "", "", nil)
	return err
}

// valueKey identifies a value for the duplicate check: JSON-LD compares
// node references by @id and values by their whole object.
func valueKey(v any) string {
	if m, ok := v.(map[string]any); ok {
		if id, ok := m["@id"].(string); ok && len(m) == 1 {
			return "@id\x00" + id
		}
	}
	b, err := json.Marshal(v) // sorted keys: equal values, equal keys
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}

// add appends value to subject's property unless it is there already.
// subjectKey names the subject in the index; "" is a subject made on the
// fly (a reverse property's holder), which is never added to twice.
func (m *nodeMapper) add(subject map[string]any, subjectKey, property string, value any) {
	if arr, ok := value.([]any); ok {
		for _, v := range arr {
			m.add(subject, subjectKey, property, v)
		}
		return
	}
	// Two lists are never the same value (JSON-LD compares values and node
	// references only), so a repeated list is kept: json-gold's AddValue
	// keeps it too. Deduplicating it lost statements.
	vm, _ := value.(map[string]any)
	if _, isList := vm["@list"]; !isList && subjectKey != "" {
		if _, ok := m.started[propKey{subjectKey, property}]; !ok {
			m.started[propKey{subjectKey, property}] = struct{}{}
			for _, v := range asList(subject[property]) {
				m.seen[seenKey{subjectKey, property, valueKey(v)}] = struct{}{}
			}
		}
		k := seenKey{subjectKey, property, valueKey(value)}
		if _, ok := m.seen[k]; ok {
			return
		}
		m.seen[k] = struct{}{}
	}
	existing, _ := subject[property].([]any)
	subject[property] = append(existing, value)
}

func (m *nodeMapper) generate(element any, graphMap map[string]any, activeGraph string, activeSubject any,
	activeProperty string, list map[string]any) (map[string]any, error) {
	if elementList, isList := element.([]any); isList {
		for i, item := range elementList {
			var err error
			if list, err = m.generate(item, graphMap, activeGraph, activeSubject, activeProperty, list); err != nil {
				return nil, err
			}
			if m.consume {
				elementList[i] = nil
			}
		}
		return list, nil
	}
	if element == nil {
		// What expansion leaves of a graph with nothing in it
		// ({"@graph": "free"}): nothing to map.
		return list, nil
	}
	elem, isMap := element.(map[string]any)
	if !isMap {
		return nil, fmt.Errorf("expected map or list to generate a node map, got %T", element)
	}

	graph, found := graphMap[activeGraph].(map[string]any)
	if !found {
		graph = map[string]any{}
		graphMap[activeGraph] = graph
	}

	// The subject and the key that names it in the index.
	var subjectNode map[string]any
	subjectKey := ""
	switch s := activeSubject.(type) {
	case string:
		subjectNode, _ = graph[s].(map[string]any)
		subjectKey = activeGraph + "\x00" + s
	default:
		subjectNode = map[string]any{}
	}

	if typeVal, hasType := elem["@type"]; hasType {
		types := jld.Arrayify(typeVal)
		newTypes := make([]any, len(types))
		for i, t := range types {
			typeStr := t.(string)
			if strings.HasPrefix(typeStr, "_:") {
				typeStr = m.issuer.GetId(typeStr)
			}
			newTypes[i] = typeStr
		}
		if jld.IsValue(element) {
			elem["@type"] = newTypes[0]
		} else {
			elem["@type"] = newTypes
		}
	}

	if jld.IsValue(element) {
		if list == nil && subjectNode == nil {
			// A free-floating value directly in a graph, which expansion
			// leaves where an index map wraps its values as graphs
			// ([@graph, @index] containers; W3C compact 0083's expected
			// output): no subject holds it, so it makes no statement, as
			// in jsonld.js. json-gold wrote to a nil map and panicked.
			return list, nil
		}
		if list == nil {
			m.add(subjectNode, subjectKey, activeProperty, element)
		} else {
			list["@list"] = append(list["@list"].([]any), element)
		}
		return list, nil
	} else if jld.IsList(element) {
		result := map[string]any{"@list": []any{}}
		var err error
		if result, err = m.generate(elem["@list"], graphMap, activeGraph, activeSubject, activeProperty, result); err != nil {
			return nil, err
		}
		if list == nil && subjectNode == nil {
			return list, nil // free-floating, as a value above
		}
		if list == nil {
			m.add(subjectNode, subjectKey, activeProperty, result)
		} else {
			list["@list"] = append(list["@list"].([]any), result)
		}
		return list, nil
	}

	// element is a node object
	id, _ := elem["@id"].(string)
	if _, hasID := elem["@id"]; !hasID {
		id = m.issuer.GetId("")
	} else if strings.HasPrefix(id, "_:") {
		id = m.issuer.GetId(id)
	}
	node, found := graph[id].(map[string]any)
	if !found {
		node = map[string]any{"@id": id}
		graph[id] = node
	}
	nodeKey := activeGraph + "\x00" + id

	if reverseSubject, isMap := activeSubject.(map[string]any); isMap {
		// a reverse-property relationship: the subject points at this node
		m.add(node, nodeKey, activeProperty, reverseSubject)
	} else if activeProperty != "" {
		ref := map[string]any{"@id": id}
		if list == nil {
			m.add(subjectNode, subjectKey, activeProperty, ref)
		} else {
			list["@list"] = append(list["@list"].([]any), ref)
		}
	}

	if typeVal, hasType := elem["@type"]; hasType {
		m.add(node, nodeKey, "@type", typeVal)
	}

	if elemIdx, hasIndex := elem["@index"]; hasIndex {
		if nodeIdx, found := node["@index"]; found && nodeIdx != elemIdx {
			return nil, jld.NewJsonLdError(jld.ConflictingIndexes, "conflicting @index property detected")
		}
		node["@index"] = elemIdx
	}

	if reverseVal, hasReverse := elem["@reverse"]; hasReverse {
		referencedNode := map[string]any{"@id": id}
		reverseMap := reverseVal.(map[string]any)
		for _, reverseProperty := range jld.GetOrderedKeys(reverseMap) {
			for _, v := range reverseMap[reverseProperty].([]any) {
				if _, err := m.generate(v, graphMap, activeGraph, referencedNode, reverseProperty, nil); err != nil {
					return nil, err
				}
			}
		}
	}

	if graphVal, hasGraph := elem["@graph"]; hasGraph {
		if _, err := m.generate(graphVal, graphMap, id, "", "", nil); err != nil {
			return nil, err
		}
	}

	if includedVal, hasIncluded := elem["@included"]; hasIncluded {
		if _, err := m.generate(includedVal, graphMap, activeGraph, "", "", nil); err != nil {
			return nil, err
		}
	}

	for _, property := range jld.GetOrderedKeys(elem) {
		switch property {
		case "@id", "@type", "@index", "@reverse", "@graph", "@included":
			continue
		}
		value := elem[property]
		if strings.HasPrefix(property, "_:") {
			property = m.issuer.GetId(property)
		}
		if _, found := node[property]; !found {
			node[property] = []any{}
		}
		if _, err := m.generate(value, graphMap, activeGraph, id, property, nil); err != nil {
			return nil, err
		}
		if m.consume {
			delete(elem, property)
		}
	}
	return list, nil
}
