package ld_test

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/film2ld/film2ld/ld"
)

// person is a NodeRef, as a renderer's own node type would be.
type person struct{ id string }

func (p *person) NodeID() string { return p.id }

// TestNodeRefIsANodeReference: a document given to WriteDirect or
// WriteDirectJSON with NodeRefs in place of some node references gives
// the bytes and errors Write gives for the document with the maps, in
// every format: where the short path takes the document and where it
// declines it (the general path must then be given the maps).
func TestNodeRefIsANodeReference(t *testing.T) {
	// doc returns the document with each reference to id made by ref.
	doc := func(id, blank string, ref func(string) any) map[string]any {
		movie := map[string]any{"@id": "https://films.example/m/1", "@type": "Movie", "name": "Glass Harbour",
			"director": ref(id),
			"actor": []any{
				map[string]any{"@type": "PerformanceRole", "characterName": "Vesna", "actor": ref(id)},
				ref("https://films.example/p/2"),
			},
			"review": map[string]any{"@type": "Review", "reviewBody": "Quiet.", "author": ref(id)},
		}
		if blank != "" {
			movie["producer"] = ref(blank)
		}
		return map[string]any{"@context": "https://schema.org", "@graph": []any{
			movie,
			map[string]any{"@id": id, "@type": "Person", "name": "Ilinca Pop"},
			map[string]any{"@id": "https://films.example/p/2", "@type": "Person", "name": "Radu Marin"},
		}}
	}
	asMap := func(id string) any { return map[string]any{"@id": id} }
	asRef := func(id string) any { return &person{id} }
	cases := []struct {
		name, id, blank string
		direct          bool // whether the short path takes it
	}{
		{"IRIs", "https://films.example/p/1", "", true},
		{"blank node", "https://films.example/p/1", "_:someone", true},
		{"relative IRI", "p/1", "", false},
	}
	p := ld.NewProcessor(ld.Config{})
	opts := ld.Options{Root: "Movie"}
	taken := 0
	for _, tc := range cases {
		for _, f := range ld.Formats() {
			var want, got bytes.Buffer
			errWant := p.Write(&want, doc(tc.id, tc.blank, asMap), f, opts)
			write := p.WriteDirect
			if f == ld.FormatJSONLD || f == ld.FormatHTML {
				write = p.WriteDirectJSON
			}
			refs := doc(tc.id, tc.blank, asRef)
			errGot := write(&got, refs, f, opts)
			if fmt.Sprint(errGot) != fmt.Sprint(errWant) || !bytes.Equal(got.Bytes(), want.Bytes()) {
				t.Errorf("%s, %s: with NodeRefs %v\n%s\nwith maps %v\n%s", tc.name, f, errGot, got.String(), errWant, want.String())
			}
			if errWant == nil && want.Len() == 0 {
				t.Errorf("%s, %s: no output", tc.name, f)
			}
			if f == ld.FormatNQuads && p.CanWriteDirect(refs, f, opts) != tc.direct {
				t.Errorf("%s: CanWriteDirect %v, want %v", tc.name, !tc.direct, tc.direct)
			}
			taken++
		}
	}
	t.Logf("%d outputs compared", taken)
}
