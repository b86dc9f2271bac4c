package schemas

import (
	"bytes"
	"encoding/json"
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
		// The fast paths (the tree let go of as the graph is read among
		// them) find what the slow ones do.
		fastPaths = false
		slow, slowErr := Load(data, "f.jsonld")
		fastPaths = true
		if slowErr != nil {
			t.Fatalf("the slow paths refuse what the fast ones read: %v", slowErr)
		}
		if fast, slow := snippetReport(g, nil), snippetReport(slow, nil); fast != slow {
			t.Fatalf("fast paths:\n%s\nslow paths:\n%s", fast, slow)
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

// FuzzSnippetFor gives validate's snippet of linked data arbitrary JSON
// objects: it must not change the document, and what it keeps must give
// no finding that would leave out a review or rating another node holds,
// nor two aggregate ratings on one item; and reading a document with
// nothing to leave out at once (letting go of its "@graph" where the
// caller consents, and with reviews where the caller can make it again)
// must give what searching it gives.
func FuzzSnippetFor(f *testing.F) {
	addSeeds(f, "testdata/*/*.jsonld", "../mapping/testdata/golden/*.jsonld", "../mapping/pipeline/testdata/snippet/*.jsonld")
	f.Add([]byte(`{"@context": "https://schema.org", "@graph": [{"@id": "urn:m", "@type": "Movie", "name": "M", "review": {"@id": "urn:r"}},
		{"@id": "urn:r", "@type": "Review", "review": {"@type": "Review"}, "author": {"@id": "urn:p"}}, {"@id": "urn:p", "@type": "Person"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var doc map[string]any
		if json.Unmarshal(data, &doc) != nil {
			return
		}
		before, _ := json.Marshal(doc)
		g, _ := SnippetFor(doc, "f.jsonld", SnippetOptions{})
		if after, _ := json.Marshal(doc); !bytes.Equal(before, after) {
			t.Fatalf("SnippetFor changed its document:\n%s\n%s", before, after)
		}
		for _, finding := range checkGoogle(g) {
			if n := rejected(finding); n != nil && len(n.Parents) > 0 {
				t.Fatalf("the snippet keeps what it should leave out: %v", finding)
			}
		}
		for _, n := range g.Nodes {
			var kept *Node
			if extra, _ := oneAggregate(n, &kept); len(extra) > 0 {
				t.Fatalf("the snippet keeps two aggregate ratings on %s", n.Describe())
			}
		}
		snippetShortcut = false
		searched := snippetReport(SnippetFor(doc, "f.jsonld", SnippetOptions{}))
		snippetShortcut = true
		if got := snippetReport(SnippetFor(doc, "f.jsonld", SnippetOptions{Consume: true})); got != searched {
			t.Fatalf("read at once:\n%s\nsearched:\n%s", got, searched)
		}
		again := func() map[string]any {
			var doc map[string]any
			if err := json.Unmarshal(data, &doc); err != nil {
				t.Fatal(err)
			}
			return doc
		}
		if got := snippetReport(SnippetFor(again(), "f.jsonld", SnippetOptions{Consume: true, Again: again})); got != searched {
			t.Fatalf("read at once, made again where it leaves something out:\n%s\nsearched:\n%s", got, searched)
		}
	})
}
