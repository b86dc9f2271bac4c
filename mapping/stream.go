package mapping

import (
	"iter"
	"slices"
)

// A film's view can be far larger in memory as JSON-LD maps than its
// documents are as text: 50,000 reviews, each a map holding maps, take
// over 100 MB. The streaming views (Film.RenderStream, Film.DatasetStream)
// therefore hold, in place of the long lists (the top-level nodes, a
// Movie's reviews), an iter.Seq[any] that renders each item when a writer
// asks for it, so that a writer walking the view once (ld's
// Processor.WriteDirect) never has it whole; and a reference to an agent
// is the *Agent, an ld.NodeRef, not a map of one key; and a node is an
// ld.Node, its members in a slice, not a map: a writer walks each node's
// members once, and a map of a few keys costs more to make (hashing each
// key, 320 bytes for a Person) and to range over than a slice of them.
// Render and Dataset collect the same sequences into arrays, with maps
// for the references and the nodes, so both give one document.

// member is a key of a node and its value; node is a node of a streaming
// view. They are ld.Member and ld.Node by their shape (aliases of the
// same unnamed types), which mapping, importing no JSON-LD processing,
// cannot name.
type (
	member = struct {
		Key   string
		Value any
	}
	node = []member
)

// fields is a node being rendered: a map, or in a streaming view a node.
// Each key is set once (a node must not give a key twice).
type fields struct {
	m map[string]any
	n node
}

// newFields starts a node of about size keys: a node for a streaming
// view (lazy), else a map.
func newFields(lazy bool, size int) fields {
	if lazy {
		return fields{n: make(node, 0, size)}
	}
	return fields{m: make(map[string]any, size)}
}

// set sets key k to v.
func (f *fields) set(k string, v any) {
	if f.m != nil {
		f.m[k] = v
		return
	}
	f.n = append(f.n, member{k, v})
}

// value returns the node rendered: a map, or a node.
func (f *fields) value() any {
	if f.m != nil {
		return f.m
	}
	return f.n
}

// setItems sets prop to the n items item renders, as setList does: nothing
// for none, the item for one, and for more an array, or in a streaming
// view a sequence that renders them one by one.
func setItems(m *fields, prop string, lazy bool, n int, item func(i int) any) {
	switch {
	case n == 0:
	case n == 1:
		m.set(prop, item(0))
	case lazy:
		m.set(prop, iter.Seq[any](func(yield func(any) bool) {
			for i := range n {
				if !yield(item(i)) {
					return
				}
			}
		}))
	default:
		vals := make([]any, n)
		for i := range vals {
			vals[i] = item(i)
		}
		m.set(prop, vals)
	}
}

// nodeList is a "@graph" array made of parts: nodes, and sequences that
// render nodes as they are asked for.
type nodeList struct{ parts []iter.Seq[any] }

// add appends nodes.
func (l *nodeList) add(nodes ...any) { l.parts = append(l.parts, slices.Values(nodes)) }

// addSeq appends the nodes s renders.
func (l *nodeList) addSeq(s iter.Seq[any]) { l.parts = append(l.parts, s) }

// value returns the array: a sequence in a streaming view, else a slice.
func (l *nodeList) value(lazy bool) any {
	parts := l.parts
	all := iter.Seq[any](func(yield func(any) bool) {
		for _, p := range parts {
			for n := range p {
				if !yield(n) {
					return
				}
			}
		}
	})
	if lazy {
		return all
	}
	return slices.Collect(all)
}
