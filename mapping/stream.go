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
// is the *Agent, an ld.NodeRef, not a map of one key. Render and Dataset
// collect the same sequences into arrays, with maps for the references,
// so both give one document.

// setItems sets prop to the n items item renders, as setList does: nothing
// for none, the item for one, and for more an array, or in a streaming
// view a sequence that renders them one by one.
func setItems(m map[string]any, prop string, lazy bool, n int, item func(i int) any) {
	switch {
	case n == 0:
	case n == 1:
		m[prop] = item(0)
	case lazy:
		m[prop] = iter.Seq[any](func(yield func(any) bool) {
			for i := range n {
				if !yield(item(i)) {
					return
				}
			}
		})
	default:
		vals := make([]any, n)
		for i := range vals {
			vals[i] = item(i)
		}
		m[prop] = vals
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
