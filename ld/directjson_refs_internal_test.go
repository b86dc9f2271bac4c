package ld

import (
	"bytes"
	"fmt"
	"io"
	"iter"
	"runtime"
	"testing"
)

// castRef is a renderer's reference to a person, an ld.NodeRef.
type castRef string

func (r castRef) NodeID() string { return string(r) }

// starringView returns a view of a film renderer's shape for an article
// whose Starring list names its actors, each of their own: the Movie's
// actor property a sequence of references (ld.NodeRefs, and some of them
// Nodes and maps), then each actor described at the top, by type and
// name.
func starringView(ids, names []string) map[string]any {
	actors := iter.Seq[any](func(yield func(any) bool) {
		for i, id := range ids {
			var ref any = castRef(id)
			switch i % 7 {
			case 3:
				ref = Node{{"@id", id}}
			case 5:
				ref = map[string]any{"@id": id}
			}
			if !yield(ref) {
				return
			}
		}
	})
	graph := iter.Seq[any](func(yield func(any) bool) {
		movie := Node{{"@type", "Movie"}, {"@id", "urn:x:film"}, {"name", "Big Cast"}, {"actor", actors}}
		if !yield(movie) {
			return
		}
		for i, id := range ids {
			if !yield(Node{{"@id", id}, {"@type", "Person"}, {"name", names[i]}}) {
				return
			}
		}
	})
	return map[string]any{"@context": "https://schema.org", "@graph": graph}
}

// The web snippet's writer holds a Starring list's actors, each named by
// one reference and described by literals alone, as light references
// (lightRef): 63 bytes an actor once framed (its IRI's number, its slot
// and entry in a jiris, its description in bytes; 68 with a map of the
// IRIs), where a node of its node map, its name's property, its framing
// output and its entry among the IRIs took 361 (an article's 250,000
// actors: 180 MB of peak RSS, 38 times the article).
// The bytes are TestWriteDirectJSONLightRefs' and
// TestWriteDirectJSONStarringRefs'.
func TestWriteDirectJSONStarringHeldBytes(t *testing.T) {
	if raceDetector {
		t.Skip("the heap is not measured under the race detector")
	}
	const n = 50000
	ids, names := make([]string, n), make([]string, n)
	for i := range n {
		ids[i] = fmt.Sprintf("urn:film2ld:person/actor-%d", i)
		names[i] = fmt.Sprintf("Actor %d", i)
	}
	p := NewProcessor(Config{})
	// the contexts and terms, learnt once
	if err := p.WriteDirectJSON(io.Discard, starringView(ids[:2], names[:2]), FormatJSONLD, Options{Root: "Movie"}); err != nil {
		t.Fatal(err)
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.GC() // and the pools' victims
	runtime.ReadMemStats(&before)
	b, framed, ok := p.directJSON(starringView(ids, names), FormatJSONLD, Options{Root: "Movie"})
	if !ok {
		t.Fatal("the short path declined")
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(b)
	runtime.KeepAlive(framed)
	runtime.KeepAlive(ids) // the view's, before and after
	runtime.KeepAlive(names)
	per := (float64(after.HeapAlloc) - float64(before.HeapAlloc)) / n
	t.Logf("%.0f bytes held an actor", per)
	if per > 80 {
		t.Errorf("%.0f bytes held an actor once framed; want at most 80", per)
	}
}

// The light references of the starring view, a NodeRef, a Node or a map
// each, give json-gold's bytes, and are written with no second walk of
// their sequence.
func TestWriteDirectJSONStarringRefs(t *testing.T) {
	const n = 20
	ids, names := make([]string, n), make([]string, n)
	for i := range n {
		ids[i] = fmt.Sprintf("urn:film2ld:person/actor-%d", i)
		names[i] = fmt.Sprintf("Actor %d", i)
	}
	noneHeld := NewProcessor(Config{HeldItems: -1})
	for _, f := range []Format{FormatJSONLD, FormatHTML} {
		var light, general bytes.Buffer
		b, _, ok := noneHeld.directJSON(starringView(ids, names), f, Options{Root: "Movie"})
		if !ok || len(b.lazy.refs) != n {
			t.Fatalf("%s: short path %v, %d light references; want %d", f, ok, len(b.lazy.refs), n)
		}
		errLight := noneHeld.WriteDirectJSON(&light, starringView(ids, names), f, Options{Root: "Movie"})
		errGeneral := noneHeld.Write(&general, collect(starringView(ids, names)), f, Options{Root: "Movie"})
		if errLight != nil || errGeneral != nil || light.String() != general.String() {
			t.Errorf("%s: light references gave\n%s%v\nWrite gave\n%s%v", f, light.String(), errLight, general.String(), errGeneral)
		}
	}
	// held whole, the references need no second walk
	walks := 0
	actors := iter.Seq[any](func(yield func(any) bool) {
		if walks++; walks > 1 {
			t.Errorf("the actors walked %d times", walks)
		}
		for _, id := range ids {
			if !yield(castRef(id)) {
				return
			}
		}
	})
	doc := map[string]any{"@context": "https://schema.org", "@graph": []any{
		map[string]any{"@id": "urn:x:m", "@type": "Movie", "actor": actors},
	}}
	if err := noneHeld.WriteDirectJSON(io.Discard, doc, FormatJSONLD, Options{Root: "Movie"}); err != nil {
		t.Error(err)
	}
}

// jiris finds every IRI it numbered, by its number, and no other, across
// its growth.
func TestJIRIs(t *testing.T) {
	var ids jiris
	for i := range 5000 {
		if _, ok := ids.find(fmt.Sprintf("urn:x:%d", i)); ok {
			t.Fatalf("urn:x:%d found before it was added", i)
		}
		if n := ids.add(fmt.Sprintf("urn:x:%d", i)); int(n) != i {
			t.Fatalf("urn:x:%d numbered %d", i, n)
		}
	}
	for i := range 10000 {
		n, ok := ids.find(fmt.Sprintf("urn:x:%d", i))
		if want := i < 5000; ok != want || ok && int(n) != i {
			t.Fatalf("urn:x:%d: %d, %v", i, n, ok)
		}
	}
	if len(ids.ids) != 5000 || 4*len(ids.ids) > 3*len(ids.slots) {
		t.Errorf("%d IRIs in %d slots", len(ids.ids), len(ids.slots))
	}
}
