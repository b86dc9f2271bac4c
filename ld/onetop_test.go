package ld

import (
	"bytes"
	"encoding/json"
	"fmt"
	"testing"
)

// TestJSONLDOneTopNode: a document of one node at the top is framed on a
// node map made of its expanded form itself (frameConsuming); where it
// has no root after all (its nested nodes refer back to it), or framing
// fails, it is expanded again and compacted: the same output as framing
// or compacting it from a copy, with each drop of Lenient counted once.
func TestJSONLDOneTopNode(t *testing.T) {
	p := NewProcessor(Config{})
	cases := map[string]struct {
		doc    string
		framed bool
	}{
		"root": {`{"@context": "https://schema.org", "@id": "urn:m", "@type": "Movie", "name": "M",
			"actor": [{"@type": "Person", "name": "A", "@foo": 1}, {"@id": "urn:p", "name": "P"}], "director": {"@id": "urn:p"}}`, true},
		"cycle to the top": {`{"@context": "https://schema.org", "@id": "urn:m", "@type": "Movie", "@foo": 1,
			"actor": {"@id": "urn:p", "name": "P", "knows": {"@id": "urn:m"}}}`, false},
		"no type": {`{"@context": "https://schema.org", "@id": "urn:m", "name": "M", "@foo": 1,
			"actor": {"@id": "urn:p", "name": "P"}}`, false},
		"unreachable": {`{"@context": "https://schema.org", "@id": "urn:m", "@type": "Movie", "@foo": 1,
			"review": {"@reverse": {"itemReviewed": {"@id": "urn:x", "name": "X"}}}}`, false},
	}
	for name, c := range cases {
		var doc any
		if err := json.Unmarshal([]byte(c.doc), &doc); err != nil {
			t.Fatal(err)
		}
		opts := Options{Lenient: &Dropped{}}
		var got bytes.Buffer
		if err := p.Write(&got, doc, FormatJSONLD, opts); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		// Its forms, framed and compacted, from a copy of its expanded
		// form.
		expanded, err := p.expand(doc, Options{Lenient: &Dropped{}})
		if err != nil {
			t.Fatal(err)
		}
		encode := func(v map[string]any) string {
			var b bytes.Buffer
			if err := encodeJSON(&b, v, false); err != nil {
				t.Fatal(err)
			}
			return b.String()
		}
		compacted, err := p.compactExpanded(expanded, false)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		want := encode(compacted)
		root := autoRoot(expanded)
		var framed map[string]any
		if root != "" {
			framed, err = p.frameExpanded(expanded, root, false)
		}
		switch {
		case c.framed && (root == "" || err != nil):
			t.Fatalf("%s: not framed: root %q, %v", name, root, err)
		case c.framed:
			if want == encode(framed) {
				t.Fatalf("%s: framed as compacted: the case tells nothing", name)
			}
			want = encode(framed)
		case root != "" && err == nil:
			t.Fatalf("%s: framed", name)
		}
		if got.String() != want {
			t.Errorf("%s: got\n%s\nwant\n%s", name, got.String(), want)
		}
		drops := opts.Lenient.Drops()
		if len(drops) != 1 || drops[0].Count != 1 {
			t.Errorf("%s: drops %s, want one, counted once", name, fmt.Sprint(drops))
		}
	}
}
