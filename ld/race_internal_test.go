package ld

import (
	"encoding/json"
	"os"
	"sync"
	"testing"
)

// TestFreshContextsShared starts many goroutines on contexts that no one has
// used yet, so that under -race any lazy write json-gold makes into a shared
// context (its inverse context, built on first compaction) is reported.
// TestConcurrentUse cannot show this: earlier tests have warmed the
// per-process contexts by the time it runs.
func TestFreshContextsShared(t *testing.T) {
	parsed, err := parsedContext()
	if err != nil {
		t.Fatal(err)
	}
	p := &Processor{shared: newContexts(parsed, &loader{})}
	raw, err := os.ReadFile("testdata/conformance/film-heat.jsonld")
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	results := make([]string, 8)
	for i := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var doc any
			if err := json.Unmarshal(raw, &doc); err != nil {
				t.Error(err)
				return
			}
			var out []byte
			if i%2 == 0 {
				c, err := p.Compact(doc, Options{})
				if err != nil {
					t.Error(err)
					return
				}
				out, _ = json.Marshal(c)
			} else {
				f, err := p.Frame(doc, "Movie", Options{Base: "https://films.example/"})
				if err != nil {
					t.Error(err)
					return
				}
				out, _ = json.Marshal(f)
			}
			results[i] = string(out)
		}()
	}
	wg.Wait()
	for i := 2; i < len(results); i++ {
		if results[i] != results[i%2] {
			t.Errorf("goroutine %d: different output", i)
		}
	}
}
