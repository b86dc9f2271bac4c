package ld

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

// TestJSONGoldFixes pins each fix the copy in internal/jsongold carries
// (UPSTREAM.md, "Fixes carried") with a document of its own, so that they
// are tested without the W3C suites beside the clone.
func TestJSONGoldFixes(t *testing.T) {
	tests := []struct {
		fix, doc string
		want     string // N-Quads, or "error: " and a part of the message
	}{{
		fix: "F1 @graph container of a term with a null scoped context",
		doc: `{"@context": {"p": {"@id": "http://ex.org/p", "@container": "@graph", "@context": null}},
			"@id": "http://ex.org/s", "p": {"@id": "http://ex.org/o", "http://ex.org/q": "v"}}`,
		want: "<http://ex.org/o> <http://ex.org/q> \"v\" _:c14n0 .\n<http://ex.org/s> <http://ex.org/p> _:c14n0 .\n",
	}, {
		fix: "F2 a nesting term's scoped context",
		doc: `{"@context": {"@vocab": "http://ex.org/", "details": {"@id": "@nest", "@context": {"@vocab": "http://ex.org/nested/"}}},
			"@id": "http://ex.org/s", "details": {"title": "Heat"}}`,
		want: "<http://ex.org/s> <http://ex.org/nested/title> \"Heat\" .\n",
	}, {
		fix: "F3 @reverse of the form of a keyword",
		doc: `{"@context": {"@vocab": "http://ex.org/", "ignoreMe": {"@reverse": "@ignoreMe"}},
			"@id": "http://ex.org/s", "ignoreMe": {"@id": "http://ex.org/o"}}`,
		want: "<http://ex.org/s> <http://ex.org/ignoreMe> <http://ex.org/o> .\n",
	}, {
		fix: "F4 a protected null term",
		doc: `{"@context": [{"@protected": true, "term": null}, {"term": "http://ex.org/term"}],
			"@id": "http://ex.org/s", "term": "v"}`,
		want: "error: protected term redefinition",
	}, {
		fix: "F5 an unused scoped context with an error",
		doc: `{"@context": {"t1": {"@id": "http://ex.org/t1", "@context": {"t2": {"@context": {"type": null}}}}},
			"@id": "http://ex.org/s", "http://ex.org/p": "v"}`,
		want: "error: invalid scoped context",
	}, {
		fix: "F7 a one-item JSON literal array keeps its brackets through compaction",
		doc: `{"@context": {"@version": 1.1}, "@id": "http://ex.org/s",
			"http://ex.org/p": {"@value": [{"a": 1}], "@type": "@json"}}`,
		want: "<http://ex.org/s> <http://ex.org/p> \"[{\\\"a\\\":1}]\"^^<http://www.w3.org/1999/02/22-rdf-syntax-ns#JSON> .\n",
	}, {
		fix: "F8 @included nodes compact",
		doc: `{"@context": {"@vocab": "http://ex.org/"}, "@id": "http://ex.org/s", "name": "a",
			"@included": [{"@id": "http://ex.org/t", "name": "b"}]}`,
		want: "<http://ex.org/s> <http://ex.org/name> \"a\" .\n<http://ex.org/t> <http://ex.org/name> \"b\" .\n",
	}, {
		fix: "node map: a free-floating value an index map wraps as a graph",
		doc: `{"@context": {"@vocab": "http://ex.org/", "input": {"@container": ["@graph", "@index"]}},
			"@id": "http://ex.org/s", "input": {"g1": {"value": "x"}, "g2": "free"}}`,
		// jsonld.js 9's dataset, canonicalized.
		want: "<http://ex.org/s> <http://ex.org/input> _:c14n1 .\n<http://ex.org/s> <http://ex.org/input> _:c14n2 .\n_:c14n0 <http://ex.org/value> \"x\" _:c14n2 .\n",
	}}
	p := NewProcessor(Config{})
	for _, tt := range tests {
		t.Run(tt.fix, func(t *testing.T) {
			var doc any
			if err := json.Unmarshal([]byte(tt.doc), &doc); err != nil {
				t.Fatal(err)
			}
			// Through compaction and back, so that the compaction fixes
			// are checked by the graph they keep.
			compacted, err := p.Compact(doc, Options{})
			var got string
			if err == nil {
				got, err = p.Canonical(roundTrip(compacted), Options{})
			}
			if want, isErr := strings.CutPrefix(tt.want, "error: "); isErr {
				if err == nil || !errors.Is(err, ErrInvalidInput) || !strings.Contains(err.Error(), want) {
					t.Fatalf("got %v, %q; want an invalid-input error with %q", err, got, want)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}
