package schemas

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func addSeeds(f *testing.F, patterns ...string) {
	for _, p := range patterns {
		files, _ := filepath.Glob(p)
		for _, file := range files {
			if data, err := os.ReadFile(file); err == nil {
				f.Add(data)
			}
		}
	}
}

// FuzzLoad feeds the JSON reader of validate arbitrary bytes: it must
// either build a graph that every layer can check, or return a
// *SyntaxError whose position lies inside the input.
func FuzzLoad(f *testing.F) {
	addSeeds(f, "testdata/*/*.jsonld", "../mapping/testdata/golden/*.jsonld")
	f.Add([]byte("\ufeff{\"@context\": {\"@vocab\": \"http://schema.org\"}, \"@type\": \"Movie\", \"name\": \"a\", \"name\": \"b\"}"))
	f.Add([]byte(`{"@context": "https://schema.org", "@type": "Review", "reviewRating": {"ratingValue": "6 / 10"}, "itemReviewed": {"@id": "#m"}}`))
	f.Add([]byte(`{"@context": "https://schema.org", "@type": "Movie", "actor": [{"@id": "_:a"}, "x", 1, null]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		g, err := Load(data, "f.jsonld")
		if err != nil {
			var se *SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("error is not a *SyntaxError: %v", err)
			}
			if se.Pos.Line < 1 || se.Pos.Col < 1 {
				t.Fatalf("syntax error without a position: %v", err)
			}
			return
		}
		lines := bytes.Count(data, []byte("\n")) + 1
		for _, finding := range Validate(g, Google) {
			if _, ok := LookupRule(finding.Rule); !ok || finding.Pos.File != "f.jsonld" {
				t.Fatalf("finding with an unlisted rule or no file: %+v", finding)
			}
			if finding.Pos.Line > lines || finding.Pos.Col < 0 {
				t.Fatalf("finding placed outside the input (%d lines): %+v", lines, finding)
			}
		}
	})
}

// FuzzLoadHTML does the same for pages: a bad block is a finding, never a
// failure of the whole page.
func FuzzLoadHTML(f *testing.F) {
	f.Add([]byte(`<html><script type="application/ld+json">{"@context": "https://schema.org", "@type": "Review"}</script></html>`))
	f.Add([]byte("<script type=\"application/ld+json\">\n{\"name\": }\n</script><script type=application/ld+json>[]</script>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		g, err := LoadHTML(data, "f.html")
		if err != nil {
			return // only a read error of the tokenizer, which a byte slice does not have
		}
		Validate(g, Google)
	})
}
