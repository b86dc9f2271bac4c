package ld

import (
	"runtime"
	"testing"
)

// deepDoc returns a JSON-LD document whose node values nest depth deep,
// each level as inner makes it of the one below, with leaf at the bottom.
func deepDoc(depth int, inner func(below any) any, leaf any) map[string]any {
	v := leaf
	for range depth {
		v = inner(v)
	}
	return map[string]any{"@context": map[string]any{"@vocab": "http://schema.org/"}, "about": v}
}

// TestDeepNestingAllocatesLinearly: converting a document twice as deep
// allocates about twice as much, on every path that walks it with a place
// for its messages (input checks, IRI checks, --base, --lenient). Each
// built the place of every value as a string, which held its owner's:
// a document 10,000 deep took 1.0-1.8 GB to convert (40 KB of Turtle,
// 100 KB of JSON-LD).
func TestDeepNestingAllocatesLinearly(t *testing.T) {
	if raceDetector {
		t.Skip("allocations not counted under the race detector")
	}
	p := NewProcessor(Config{})
	object := func(below any) any { return map[string]any{"about": below} }
	list := func(below any) any { return map[string]any{"@list": []any{below}} }
	name := map[string]any{"name": "x"}
	badIRI := map[string]any{"@id": "http://ex.org/a b", "name": "x"}
	for _, tt := range []struct {
		name  string
		inner func(any) any
		leaf  any
		opts  func() Options
	}{
		{"objects", object, name, func() Options { return Options{} }},
		{"objects, --base", object, name, func() Options { return Options{Base: "http://ex.org/"} }},
		{"objects, --lenient", object, badIRI, func() Options { return Options{Lenient: &Dropped{}} }},
		{"lists", list, name, func() Options { return Options{} }},
		{"lists, --lenient", list, badIRI, func() Options { return Options{Lenient: &Dropped{}} }},
	} {
		allocated := func(depth int) uint64 {
			doc := deepDoc(depth, tt.inner, tt.leaf)
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			if _, err := p.ToNQuads(doc, tt.opts()); err != nil {
				t.Fatalf("%s: %v", tt.name, err)
			}
			runtime.ReadMemStats(&after)
			return after.TotalAlloc - before.TotalAlloc
		}
		allocated(10)
		small, large := allocated(1500), allocated(3000)
		if ratio := float64(large) / float64(small); ratio > 2.8 {
			t.Errorf("%s: 1,500 deep allocates %d bytes, 3,000 deep %d (%.1f times)", tt.name, small, large, ratio)
		}
	}
}
