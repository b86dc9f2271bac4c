package ld_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/film2ld/film2ld/ld"
)

// seedFixtures adds every conformance document, as text, to f's corpus.
func seedFixtures(f *testing.F, ext string, wrap func(string) string) {
	files, _ := filepath.Glob(filepath.Join("testdata", "conformance", "*"+ext))
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(wrap(string(b)))
	}
}

// FuzzWrite checks that any document film2ld accepts converts to N-Quads
// that read back as the same graph, and that the JSON-LD forms do too.
func FuzzWrite(f *testing.F) {
	seedFixtures(f, ".jsonld", func(s string) string { return s })
	// Local contexts that take the paths the copy's fixes changed
	// (internal/jsongold/UPSTREAM.md): scoped contexts, @nest, containers,
	// @included, JSON literals.
	for _, s := range []string{
		`{"@context": {"@vocab": "http://ex.org/", "n": {"@id": "@nest", "@context": {"@vocab": "http://ex.org/n/"}}}, "@id": "http://ex.org/s", "n": {"a": "b"}}`,
		`{"@context": {"p": {"@id": "http://ex.org/p", "@container": "@graph", "@context": null}}, "@id": "http://ex.org/s", "p": {"@id": "http://ex.org/o", "http://ex.org/q": "v"}}`,
		`{"@context": {"@vocab": "http://ex.org/", "i": {"@container": ["@graph", "@index"]}}, "@id": "http://ex.org/s", "i": {"g": {"v": "x"}}}`,
		`{"@context": {"@vocab": "http://ex.org/"}, "@id": "http://ex.org/s", "@included": [{"@id": "http://ex.org/t", "v": 1}]}`,
		`{"@context": {"@version": 1.1, "j": {"@id": "http://ex.org/j", "@type": "@json"}}, "@id": "http://ex.org/s", "j": [{"a": [1]}]}`,
		`{"@context": {"@vocab": "http://ex.org/", "t": {"@id": "http://ex.org/t", "@context": {"u": {"@id": "http://ex.org/u", "@type": "@id"}}}}, "@id": "http://ex.org/s", "t": {"u": "http://ex.org/o"}}`,
	} {
		f.Add(s)
	}
	p := ld.NewProcessor(ld.Config{})
	f.Fuzz(func(t *testing.T, text string) {
		var doc any
		if json.Unmarshal([]byte(text), &doc) != nil {
			return
		}
		want, err := p.Canonical(doc, ld.Options{})
		if err != nil {
			return // rejected with an error: fine
		}
		for _, form := range []ld.Format{ld.FormatNQuads, ld.FormatJSONLD, ld.FormatFlattened} {
			var buf bytes.Buffer
			if err := p.Write(&buf, doc, form, ld.Options{}); err != nil {
				t.Fatalf("%s failed after canonical succeeded: %v", form, err)
			}
			var back any
			if form == ld.FormatNQuads {
				back, err = p.FromNQuads(&buf, "fuzz.nq")
			} else {
				err = json.Unmarshal(buf.Bytes(), &back)
			}
			if err != nil {
				t.Fatalf("%s output does not read back: %v\n%s", form, err, buf.Bytes())
			}
			got, err := p.Canonical(back, ld.Options{})
			if err != nil || got != want {
				t.Fatalf("%s changed the graph (%v)\n got:\n%s\nwant:\n%s", form, err, got, want)
			}
		}
	})
}

// FuzzExtractHTML checks that no page makes the extractor panic, and that a
// page holding film2ld's own HTML output gives the document back.
func FuzzExtractHTML(f *testing.F) {
	seedFixtures(f, ".jsonld", func(s string) string {
		return "<html><head><script type=\"application/ld+json\">" + s + "</script></head></html>"
	})
	f.Add("<script type=application/ld+json>{\"a\": \"</script>\"}</script>")
	f.Add("<script type=\"application/ld+json\"><!-- {} --></script>")
	f.Fuzz(func(t *testing.T, page string) {
		blocks, err := ld.ExtractHTML(strings.NewReader(page), "fuzz.html")
		if err != nil {
			return
		}
		for _, b := range blocks {
			if b.Line < 1 || b.Line > strings.Count(page, "\n")+1 {
				t.Fatalf("line %d outside the page", b.Line)
			}
		}
	})
}

// FuzzFromNQuads checks that N-Quads film2ld accepts survive a trip through
// JSON-LD with the same canonical form.
func FuzzFromNQuads(f *testing.F) {
	seedFixtures(f, ".nq", func(s string) string { return s })
	p := ld.NewProcessor(ld.Config{})
	f.Fuzz(func(t *testing.T, nq string) {
		expanded, err := p.FromNQuads(strings.NewReader(nq), "fuzz.nq")
		if err != nil {
			return
		}
		first, err := p.Canonical(expanded, ld.Options{})
		if err != nil {
			t.Fatalf("accepted N-Quads do not convert back: %v", err)
		}
		again, err := p.FromNQuads(strings.NewReader(first), "canonical.nq")
		if err != nil {
			t.Fatal(err)
		}
		second, err := p.Canonical(again, ld.Options{})
		if err != nil || second != first {
			t.Fatalf("canonical form not stable (%v)\n%s\n%s", err, first, second)
		}
	})
}
