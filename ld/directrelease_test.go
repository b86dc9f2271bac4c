package ld_test

import (
	"fmt"
	"io"
	"iter"
	"runtime"
	"testing"
	"time"

	"github.com/film2ld/film2ld/ld"
)

// WriteDirect lets go of the view it was given once its walk is done, so
// that the film behind it (20 MB for a page of 50,000 reviews, beside
// the page's text) can be collected while the output is written: the
// formats written from the walk's statements must not hold it.
func TestWriteDirectLetsGoOfTheView(t *testing.T) {
	for _, f := range []ld.Format{ld.FormatNQuads, ld.FormatTurtle, ld.FormatTriG, ld.FormatSPARQLUpdate, ld.FormatCanonical, ld.FormatFlattened} {
		// SortMemory 1024: past four statements, they are lines sorted
		// on disk; the default holds these few in memory.
		for _, sortMemory := range []int{0, 1024} {
			name := fmt.Sprintf("%s/sort%d", f, sortMemory)
			t.Run(name, func(t *testing.T) {
				p := ld.NewProcessor(ld.Config{SortMemory: sortMemory})
				gone := make(chan struct{})
				w := &collectingWriter{gone: gone}
				if err := p.WriteDirect(w, viewWithSentinel(gone), f, ld.Options{Root: "Movie"}); err != nil {
					t.Fatal(err)
				}
				if w.n == 0 {
					t.Fatal("nothing written")
				}
				if !w.wasGone {
					t.Errorf("the view was still reachable when the first byte was written")
				}
			})
		}
	}
}

// viewWithSentinel returns a view of WriteDirect's shape whose reviews
// are a sequence holding the only pointer to an object that closes gone
// when it is collected.
func viewWithSentinel(gone chan struct{}) any {
	sentinel := new([64]byte)
	runtime.AddCleanup(sentinel, func(ch chan struct{}) { close(ch) }, gone)
	reviews := iter.Seq[any](func(yield func(any) bool) {
		for i := range 8 {
			r := map[string]any{"@type": "Review", "reviewBody": fmt.Sprintf("review %d%.0d", i, sentinel[0]),
				"author": map[string]any{"@id": fmt.Sprintf("urn:x:p%d", i), "@type": "Person", "name": fmt.Sprintf("P%d", i)}}
			if !yield(r) {
				return
			}
		}
	})
	return map[string]any{"@context": "https://schema.org", "@graph": []any{
		map[string]any{"@id": "urn:x:m", "@type": "Movie", "name": "M", "review": reviews},
	}}
}

// collectingWriter, at its first Write, collects garbage until gone is
// closed or a second has passed, and records which.
type collectingWriter struct {
	gone    chan struct{}
	n       int
	wasGone bool
}

func (w *collectingWriter) Write(b []byte) (int, error) {
	if w.n == 0 {
		deadline := time.Now().Add(time.Second)
		for !w.wasGone && time.Now().Before(deadline) {
			runtime.GC()
			select {
			case <-w.gone:
				w.wasGone = true
			case <-time.After(10 * time.Millisecond):
			}
		}
	}
	w.n += len(b)
	return len(b), nil
}

var _ io.Writer = (*collectingWriter)(nil)
