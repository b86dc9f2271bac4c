package ld_test

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/film2ld/film2ld/ld"
)

// TestDeterminism writes every format 20 times, each from a freshly decoded
// document, and wants the same bytes each time. json-gold's own ToRDF
// changes statement order (and list node labels) between runs.
func TestDeterminism(t *testing.T) {
	p := ld.NewProcessor(ld.Config{})
	for _, name := range []string{"film-heat", "twins", "graph-reverse"} {
		for _, f := range ld.Formats() {
			t.Run(name+"/"+f.String(), func(t *testing.T) {
				var first []byte
				for i := range 20 {
					var buf bytes.Buffer
					if err := p.Write(&buf, loadDoc(t, name), f, ld.Options{}); err != nil {
						t.Fatal(err)
					}
					if i == 0 {
						first = buf.Bytes()
						if !bytes.HasSuffix(first, []byte("\n")) {
							t.Error("no trailing newline")
						}
						continue
					}
					if !bytes.Equal(buf.Bytes(), first) {
						t.Fatalf("run %d differs:\n%s\nfirst:\n%s", i, buf.Bytes(), first)
					}
				}
			})
		}
	}
}

func TestNQuadsSortedAndUnique(t *testing.T) {
	p := ld.NewProcessor(ld.Config{})
	nq, err := p.ToNQuads(loadDoc(t, "film-heat"), ld.Options{})
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(nq, "\n")
	lines = lines[:len(lines)-1]
	for i := 1; i < len(lines); i++ {
		if lines[i-1] >= lines[i] {
			t.Fatalf("line %d not in strict order: %q, %q", i, lines[i-1], lines[i])
		}
	}
	if len(lines) != 186 {
		t.Errorf("%d statements, want 186", len(lines))
	}
}

// TestConcurrentUse runs every operation from many goroutines on one
// processor. Run with -race: the shared pre-parsed context must only ever
// be read (json-gold would otherwise build its inverse context lazily inside
// it).
func TestConcurrentUse(t *testing.T) {
	p := ld.NewProcessor(ld.Config{})
	docs := map[string]any{}
	want := map[string]string{}
	for _, name := range []string{"film-heat", "twins", "movie-roles"} {
		docs[name] = loadDoc(t, name)
		for _, f := range ld.Formats() {
			var buf bytes.Buffer
			if err := p.Write(&buf, loadDoc(t, name), f, ld.Options{}); err != nil {
				t.Fatal(err)
			}
			want[name+f.String()] = buf.String()
		}
	}
	var wg sync.WaitGroup
	errs := make(chan error, 64)
	for g := range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// A processor of its own for some goroutines: the context is
			// shared per process, not per processor.
			q := p
			if g%4 == 0 {
				q = ld.NewProcessor(ld.Config{})
			}
			for i := range 6 {
				for name := range docs {
					f := ld.Formats()[(g+i)%len(ld.Formats())]
					var buf bytes.Buffer
					if err := q.Write(&buf, loadDoc(t, name), f, ld.Options{Base: "https://films.example/"}); err != nil {
						errs <- err
						return
					}
					if buf.String() != want[name+f.String()] {
						errs <- fmt.Errorf("%s/%s: output differs under concurrency", name, f)
						return
					}
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func TestParseFormat(t *testing.T) {
	for _, f := range ld.Formats() {
		got, err := ld.ParseFormat(f.String())
		if err != nil || got != f {
			t.Errorf("ParseFormat(%q) = %v, %v", f, got, err)
		}
	}
	_, err := ld.ParseFormat("rdfxml")
	if !errors.Is(err, ld.ErrUnknownFormat) ||
		err.Error() != `unknown format "rdfxml" (want one of jsonld, expanded, flattened, nquads, canonical, html, turtle, trig, sparql-update)` {
		t.Errorf("err = %v", err)
	}
	var buf bytes.Buffer
	if err := ld.NewProcessor(ld.Config{}).Write(&buf, map[string]any{}, ld.Format(99), ld.Options{}); !errors.Is(err, ld.ErrUnknownFormat) {
		t.Errorf("Write with Format(99): %v", err)
	}
}

// TestWriteNothingOnError checks that a failed conversion writes no bytes.
func TestWriteNothingOnError(t *testing.T) {
	p := ld.NewProcessor(ld.Config{})
	doc := map[string]any{"@context": "https://schema.org", "@type": "Movie", "image": "rel.jpg"}
	for _, f := range ld.Formats() {
		var buf bytes.Buffer
		if err := p.Write(&buf, doc, f, ld.Options{}); !errors.Is(err, ld.ErrRelativeIRI) || buf.Len() != 0 {
			t.Errorf("%s: err = %v, wrote %d bytes", f, err, buf.Len())
		}
	}
}
