package ld_test

import (
	"bytes"
	"fmt"
	"iter"
	"maps"
	"slices"
	"testing"

	"github.com/film2ld/film2ld/ld"
)

// asNodes returns v with every map made an ld.Node (its keys sorted
// backwards, so that no walk may lean on their order) and, with seqs,
// every array a sequence, as a streaming renderer gives them. dup, when
// not "", is given twice in each Node that has it: first with a value of
// its own, then with the map's, which the map keeps.
func asNodes(v any, seqs bool, dup string) any {
	switch x := v.(type) {
	case map[string]any:
		n := ld.Node{}
		for _, k := range slices.Backward(slices.Sorted(maps.Keys(x))) {
			if k == dup {
				n = append(n, ld.Member{Key: k, Value: "an earlier value"})
			}
			n = append(n, ld.Member{Key: k, Value: asNodes(x[k], seqs, dup)})
		}
		return n
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = asNodes(e, seqs, dup)
		}
		if seqs {
			return iter.Seq[any](slices.Values(out))
		}
		return out
	}
	return v
}

// TestNodeIsANodeObject: a document given to WriteDirect or
// WriteDirectJSON with ld.Nodes in place of its maps (node objects, and
// value objects too) gives the bytes and errors Write gives for the
// maps, in every format, and takes the short paths wherever the maps do:
// each walk reads a Node's members, none is sent down the general path
// for being a Node. A key given twice declines the short path, and the
// general path keeps the last value, as the map does.
func TestNodeIsANodeObject(t *testing.T) {
	// movie is a film's Movie; rich adds what the JSON short path
	// declines (value objects, text its keys compact otherwise).
	movie := func(rich bool) map[string]any {
		m := map[string]any{"@id": "https://films.example/m/1", "@type": "Movie", "name": "Glass Harbour",
			"director": map[string]any{"@id": "https://films.example/p/1"},
			"actor": []any{
				map[string]any{"@type": "PerformanceRole", "characterName": "Vesna", "actor": map[string]any{"@id": "https://films.example/p/1"}},
				map[string]any{"@id": "https://films.example/p/2"},
			},
			"review": []any{
				map[string]any{"@type": "Review", "reviewBody": "Quiet.", "author": map[string]any{"@id": "https://films.example/p/2"},
					"reviewRating": map[string]any{"@type": "Rating", "ratingValue": 4.0, "bestRating": 5.0}},
				map[string]any{"@type": "Review", "reviewBody": "Slow."},
			},
		}
		if rich {
			m["aggregateRating"] = map[string]any{"@type": "AggregateRating", "name": "User score", "ratingValue": "8.2", "ratingCount": 120.0}
			m["abstract"] = map[string]any{"@value": "A harbour, a winter.", "@language": "en"}
			m["inLanguage"] = "en"
		}
		return m
	}
	people := func() []any {
		return []any{
			map[string]any{"@id": "https://films.example/p/1", "@type": "Person", "name": "Ilinca Pop", "alternateName": []any{"I. Pop", "Ilinca"}},
			map[string]any{"@id": "https://films.example/p/2", "@type": "Person", "name": "Radu Marin", "url": "https://radu.example/"},
		}
	}
	// snippet is a film as the JSON short path takes it, graph one with
	// more, dataset the latter in named graphs, with provenance, as
	// mapping's Dataset lays it out.
	snippet := func() map[string]any {
		return map[string]any{"@context": "https://schema.org", "@graph": append([]any{movie(false)}, people()...)}
	}
	graph := func() map[string]any {
		return map[string]any{"@context": "https://schema.org", "@graph": append([]any{movie(true)}, people()...)}
	}
	dataset := func() map[string]any {
		return map[string]any{"@context": "https://schema.org", "@graph": []any{
			map[string]any{"@id": "https://films.example/g/1", "@graph": append([]any{movie(true),
				map[string]any{"@id": "https://src.example/a", "@type": "WebPage", "about": map[string]any{"@id": "https://films.example/m/1"},
					"http://www.w3.org/ns/prov#generatedAtTime": map[string]any{"@value": "2024-05-01", "@type": "http://www.w3.org/2001/XMLSchema#date"}},
			}, people()...)},
			map[string]any{"@id": "https://src.example/a", "@graph": []any{map[string]any{"@id": "https://films.example/m/1", "@type": "Movie", "name": "Glass Harbour"}}},
		}}
	}
	relative := func() map[string]any {
		d := snippet()
		d["@graph"].([]any)[1].(map[string]any)["@id"] = "p/1"
		return d
	}
	cases := []struct {
		name string
		doc  func() map[string]any
		seqs bool
		dup  string
	}{
		{"snippet", snippet, false, ""},
		{"snippet in sequences", snippet, true, ""},
		{"graph", graph, false, ""},
		{"graph in sequences", graph, true, ""},
		{"dataset", dataset, false, ""},
		{"dataset in sequences", dataset, true, ""},
		{"relative IRI", relative, true, ""},
		{"name twice", snippet, false, "name"},
		{"@type twice", snippet, true, "@type"},
		{"@id twice", dataset, false, "@id"},
	}
	p := ld.NewProcessor(ld.Config{})
	opts := ld.Options{Root: "Movie"}
	compared, short := 0, 0
	for _, tc := range cases {
		for _, f := range ld.Formats() {
			var want, got bytes.Buffer
			errWant := p.Write(&want, tc.doc(), f, opts)
			write, can := p.WriteDirect, p.CanWriteDirect
			if f == ld.FormatJSONLD || f == ld.FormatHTML {
				write, can = p.WriteDirectJSON, p.CanWriteDirectJSON
			}
			doc := map[string]any{"@context": "https://schema.org", "@graph": asNodes(tc.doc()["@graph"], tc.seqs, tc.dup)}
			errGot := write(&got, doc, f, opts)
			if fmt.Sprint(errGot) != fmt.Sprint(errWant) || !bytes.Equal(got.Bytes(), want.Bytes()) {
				t.Errorf("%s, %s: with Nodes %v\n%s\nwith maps %v\n%s", tc.name, f, errGot, got.String(), errWant, want.String())
			}
			if errWant == nil && want.Len() == 0 {
				t.Errorf("%s, %s: no output", tc.name, f)
			}
			// The Nodes take the short path where the maps do, unless
			// they give a key twice.
			taken := can(tc.doc(), f, opts) && tc.dup == ""
			if can(doc, f, opts) != taken {
				t.Errorf("%s, %s: the short path taken %v, want %v", tc.name, f, !taken, taken)
			}
			if taken {
				short++
			}
			if tc.name == "snippet" && !taken {
				t.Errorf("%s, %s: the maps take no short path", tc.name, f)
			}
			compared++
		}
	}
	t.Logf("%d outputs compared, %d by the short paths", compared, short)
}
