package ld

import (
	"bytes"
	"fmt"
	"sync"
	"testing"
)

// scratchDoc is a film-shaped document whose terms differ with seed, with
// n reviews (each a blank node with a literal and an IRI).
func scratchDoc(seed, n int) map[string]any {
	var reviews []any
	for i := range n {
		reviews = append(reviews, map[string]any{
			"@type":      "Review",
			"reviewBody": fmt.Sprintf("review %d of film %d", i, seed),
			"author":     map[string]any{"@id": fmt.Sprintf("urn:x:person/%d-%d", seed, i), "@type": "Person", "name": fmt.Sprintf("P%d", i)},
		})
	}
	return map[string]any{
		"@context": "https://schema.org",
		"@graph": []any{map[string]any{
			"@id": fmt.Sprintf("urn:x:film/%d", seed), "@type": "Movie",
			"name": fmt.Sprintf("Film %d", seed), "review": reviews,
		}},
	}
}

// TestWalkScratchReuse: a walk reuses the scratch of walks before it (see
// recycle), which must leave no trace of them: each document's output is
// the same written first, after others (small and past
// maxScratchTerms), and while other goroutines write theirs.
func TestWalkScratchReuse(t *testing.T) {
	// Statements held in memory whatever their number: past
	// SortMemory/256 of them a walk's lines are sorted in runs, and its
	// scratch is let go without being recycled at all.
	p := NewProcessor(Config{SortMemory: 1 << 30})
	formats := []Format{FormatNQuads, FormatCanonical, FormatTurtle, FormatTriG}
	write := func(doc map[string]any, f Format) string {
		var b bytes.Buffer
		if err := p.WriteDirect(&b, doc, f, Options{}); err != nil {
			t.Error(err)
		}
		return b.String()
	}
	// A review is four terms of its own (its node, body, author and
	// the author's name): the third document is just past
	// maxScratchTerms, whose scratch is not kept. (It had 8,192
	// reviews, a second of the package's test time, and with the
	// default SortMemory its lines went to runs: its scratch was never
	// recycled, and maxScratchTerms was not what the test met.)
	defer func(p scratchPool) { walkScratches = p }(walkScratches)
	const large = 2
	docs := []map[string]any{scratchDoc(1, 3), scratchDoc(2, 40), scratchDoc(3, maxScratchTerms/4+64), scratchDoc(4, 1)}
	first := map[string]string{}
	for i, doc := range docs {
		for _, f := range formats {
			// Fresh scratch: nothing in the pool.
			walkScratches = &keptScratch{}
			first[fmt.Sprint(i, f)] = write(doc, f)
			if kept := walkScratches.Get(); i == large && kept != nil {
				t.Fatalf("document %d, %s: its scratch was kept; want it past maxScratchTerms", i, f)
			}
		}
	}
	for round := range 2 {
		for i, doc := range docs {
			for _, f := range formats {
				if got := write(doc, f); got != first[fmt.Sprint(i, f)] {
					t.Fatalf("round %d, document %d, %s: output differs after other walks", round, i, f)
				}
			}
		}
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range 20 {
				i := (g + k) % len(docs)
				f := formats[k%len(formats)]
				if got := write(docs[i], f); got != first[fmt.Sprint(i, f)] {
					t.Errorf("goroutine %d: document %d, %s: output differs", g, i, f)
					return
				}
			}
		}()
	}
	wg.Wait()
}

// TestCanonicalScratchForgetsFilm: canonical N-Quads are worked out in
// the walk's scratch (canonScratch), whose table of literals must start
// empty for each dataset: a literal of the last film (here "Shared",
// written late in one document and first in the next) stood for a term
// of its own number in the next.
func TestCanonicalScratchForgetsFilm(t *testing.T) {
	p := NewProcessor(Config{SortMemory: 1 << 30})
	doc := func(names ...string) map[string]any {
		var people []any
		for i, n := range names {
			people = append(people, map[string]any{"@id": fmt.Sprintf("urn:x:person/%d", i), "@type": "Person", "name": n})
		}
		return map[string]any{"@context": "https://schema.org", "@graph": []any{
			map[string]any{"@id": "urn:x:film", "@type": "Movie", "actor": people},
		}}
	}
	late, early := doc("Ann", "Bo", "Cy", "Di", "Shared"), doc("Shared", "Ed")
	write := func(d map[string]any) string {
		var b bytes.Buffer
		if err := p.WriteDirect(&b, d, FormatCanonical, Options{}); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	defer func(p scratchPool) { walkScratches = p }(walkScratches)
	walkScratches = &keptScratch{}
	want := write(early)
	walkScratches = &keptScratch{}
	write(late)
	kept := walkScratches.(*keptScratch)
	if len(kept.held) != 1 {
		t.Fatalf("%d scratches kept after a walk; want 1", len(kept.held))
	}
	reused := kept.held[0]
	if got := write(early); got != want {
		t.Errorf("after another film, canonical N-Quads differ:\n%s\nwant\n%s", got, want)
	}
	if kept.gotten != reused {
		t.Error("the second film's walk did not reuse the first's scratch: nothing was tested")
	}
}

// keptScratch is a scratchPool that keeps every scratch it is given and
// gives back the last, where a sync.Pool may drop one (at random under
// the race detector): a test of reuse then tests it every time.
type keptScratch struct {
	mu     sync.Mutex
	held   []any
	gotten any // what Get gave last
}

func (k *keptScratch) Get() any {
	k.mu.Lock()
	defer k.mu.Unlock()
	if len(k.held) == 0 {
		k.gotten = nil
		return nil
	}
	k.gotten = k.held[len(k.held)-1]
	k.held = k.held[:len(k.held)-1]
	return k.gotten
}

func (k *keptScratch) Put(sc any) {
	k.mu.Lock()
	defer k.mu.Unlock()
	k.held = append(k.held, sc)
}
