package ld

// Node is what a document given to WriteDirect or WriteDirectJSON may
// hold in place of a node object, map[string]any: its members as a list,
// each key once, in any order. A renderer that makes a node to be walked
// once (mapping's Film.DatasetStream) builds a slice cheaper than a map,
// and the walks range over it without hashing a key: the maps of a film's
// people, a small map each, were 9% of the bytes allocated to write a film
// as canonical N-Quads, and making and ranging over them 6% of its time.
// Every other path is given the map (see collect).
//
// Node and [Member] are aliases of unnamed types, so that a package that
// does not import ld (mapping) can build one with a type of the same
// shape, as it makes a [NodeRef] by having the method; a Node therefore
// has no methods. A key given twice makes a node the short paths decline
// (the general path keeps its last value, as a map would).
type Node = []Member

// Member is one key of a [Node] and its value, any value a map's member
// may hold.
type Member = struct {
	Key   string
	Value any
}

// object is a node object of a document walked by the short paths: a
// map, or a Node. The walks take either without making the one the other.
type object struct {
	m map[string]any
	n Node
	// isNode is set for a Node, which may be nil (empty).
	isNode bool
}

// objectOf returns v as an object; ok is false for a value that is
// neither a map nor a Node (a nil map is none either: the walks decline
// it as no node).
func objectOf(v any) (o object, ok bool) {
	switch x := v.(type) {
	case map[string]any:
		return object{m: x}, x != nil
	case Node:
		return object{n: x, isNode: true}, true
	}
	return object{}, false
}

// valid reports whether o is a node object, not the zero object (which
// objectOf returns for any other value).
func (o object) valid() bool { return o.isNode || o.m != nil }

// get returns the value of key k.
func (o object) get(k string) (any, bool) {
	if !o.isNode {
		v, ok := o.m[k]
		return v, ok
	}
	return nodeGet(o.n, k)
}

// len returns the number of members.
func (o object) len() int {
	if o.isNode {
		return len(o.n)
	}
	return len(o.m)
}

// all yields the members, a map's in its order (none), a Node's in its.
func (o object) all(yield func(string, any) bool) {
	if o.isNode {
		for _, mb := range o.n {
			if !yield(mb.Key, mb.Value) {
				return
			}
		}
		return
	}
	for k, v := range o.m {
		if !yield(k, v) {
			return
		}
	}
}

// nodeGet returns the value of key k of n: found by a scan, as a node
// has a few keys.
func nodeGet(n Node, k string) (any, bool) {
	for _, mb := range n {
		if mb.Key == k {
			return mb.Value, true
		}
	}
	return nil, false
}

// nodeMap returns n as the map it stands for: a key given twice keeps its
// last value.
func nodeMap(n Node) map[string]any {
	m := make(map[string]any, len(n))
	for _, mb := range n {
		m[mb.Key] = mb.Value
	}
	return m
}

// keywordValue reports whether n holds a member of a value object
// ("@value", "@language"), which the walks take as a map: a renderer's
// Nodes are node objects, and a value object is rare enough not to be
// worth a second reading of one.
func keywordValue(n Node) bool {
	for _, mb := range n {
		if mb.Key == "@value" || mb.Key == "@language" {
			return true
		}
	}
	return false
}
