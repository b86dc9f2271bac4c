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
	p := NewProcessor(Config{})
	formats := []Format{FormatNQuads, FormatCanonical, FormatTurtle, FormatTriG}
	write := func(doc map[string]any, f Format) string {
		var b bytes.Buffer
		if err := p.WriteDirect(&b, doc, f, Options{}); err != nil {
			t.Error(err)
		}
		return b.String()
	}
	docs := []map[string]any{scratchDoc(1, 3), scratchDoc(2, 40), scratchDoc(3, maxScratchTerms/2), scratchDoc(4, 1)}
	first := map[string]string{}
	for i, doc := range docs {
		for _, f := range formats {
			// Fresh scratch: nothing in the pool.
			walkScratches = sync.Pool{}
			first[fmt.Sprint(i, f)] = write(doc, f)
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
