package ld

import (
	"fmt"
	"reflect"
	"slices"
	"testing"

	"github.com/film2ld/film2ld/ld/internal/jsongold"
	"github.com/film2ld/film2ld/ld/internal/sdoctx"
	"github.com/film2ld/film2ld/ld/schemaorg"
)

// TestGeneratedContextIsParsed proves the processed context every process
// builds from ld/internal/sdoctx's generated table equal to what the copy's
// context processing gives the built-in context under ld's own options:
// the same values, the same terms and each definition field by field
// (unexported ones too), no protected terms. TestJSONGoldExpandMatches
// compares the same context with json-gold's own processing, and every
// expansion and compaction of the W3C suites, fixtures and goldens with
// json-gold's through it.
func TestGeneratedContextIsParsed(t *testing.T) {
	if sdoctx.Release != schemaorg.Release {
		t.Fatalf("sdoctx's table is of release %s, schemaorg's context of %s: run go generate ./ld/schemaorg", sdoctx.Release, schemaorg.Release)
	}
	want, err := jsongold.NewContext(nil, baseOptions(&loader{})).Parse(schemaorg.Context()["@context"])
	if err != nil {
		t.Fatal(err)
	}
	got, err := parsedContext()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got.Values, want.Values) {
		t.Errorf("values: generated %+v, parsed %+v", *got.Values, *want.Values)
	}
	if !reflect.DeepEqual(got.Protected, want.Protected) {
		t.Errorf("protected: generated %v, parsed %v", got.Protected, want.Protected)
	}
	if len(got.TermDefinitions) != len(want.TermDefinitions) || len(want.TermDefinitions) < 1000 {
		t.Errorf("generated %d terms, parsed %d", len(got.TermDefinitions), len(want.TermDefinitions))
	}
	for term, w := range want.TermDefinitions {
		g, ok := got.TermDefinitions[term]
		switch {
		case !ok:
			t.Errorf("term %q: not generated", term)
		case (g == nil) != (w == nil) || (w != nil && !reflect.DeepEqual(*g, *w)):
			t.Errorf("term %q: generated %s, parsed %s", term, describeTerm(g), describeTerm(w))
		}
	}
	// The whole context, options aside (each carries its own loader).
	g, w := *got, *want
	g.TermDefinitions, w.TermDefinitions = nil, nil
	if !reflect.DeepEqual(jsongold.CopyContext(&g).AsMap(), jsongold.CopyContext(&w).AsMap()) {
		t.Errorf("context: generated %+v, parsed %+v", g, w)
	}
}

// describeTerm prints a term definition with its pointers followed.
func describeTerm(td *jsongold.TermDefinition) string {
	if td == nil {
		return "null"
	}
	deref := func(p any) string {
		v := reflect.ValueOf(p)
		if v.IsNil() {
			return "nil"
		}
		return fmt.Sprint(v.Elem().Interface())
	}
	return fmt.Sprintf("%+v (prefix %s, language %s, direction %s)", *td, deref(td.Prefix), deref(td.Language), deref(td.Direction))
}

// TestGeneratedInverseIsBuilt holds the compaction context's inverse that
// sdoctx generates to the one GetInverse builds from the table's context
// with compactNulled null: the same IRIs, entries (containers in order,
// their terms, the CURIE term), CURIE lengths and term count; and the
// offline compaction context uses it.
func TestGeneratedInverseIsBuilt(t *testing.T) {
	if !slices.Equal(sdoctx.InverseNulled, compactNulled) {
		t.Fatalf("sdoctx's inverse nulls %v, ld's compaction context %v: run go generate ./ld/schemaorg", sdoctx.InverseNulled, compactNulled)
	}
	parsed, err := parsedContext()
	if err != nil {
		t.Fatal(err)
	}
	want := derive(parsed, baseOptions(&loader{}), compactNulled).MakeStaticInverse()
	got := sdoctx.Inverse()
	if !reflect.DeepEqual(normalInverse(got), normalInverse(want)) {
		t.Errorf("the generated inverse context is not the one GetInverse builds: run go generate ./ld/schemaorg")
	}
	if len(got.Entries) < 3000 {
		t.Errorf("only %d IRIs in the generated inverse", len(got.Entries))
	}
	c, err := offlineContexts()
	if err != nil {
		t.Fatal(err)
	}
	if m := c.compact().GetInverse(); len(m) != len(got.Entries) || m["http://schema.org/name"] != &got.Entries[slices.IndexFunc(got.Entries, func(e jsongold.StaticEntry) bool { return e.IRI == "http://schema.org/name" })].Entry {
		t.Error("the offline compaction context does not use the generated inverse")
	}
}

// normalInverse returns a copy of s with empty term maps nil, which
// GetInverse leaves empty and generated code leaves out.
func normalInverse(s *jsongold.StaticInverse) jsongold.StaticInverse {
	out := *s
	out.Entries = make([]jsongold.StaticEntry, len(s.Entries))
	norm := func(m jsongold.TermMap) jsongold.TermMap {
		if len(m) == 0 {
			return nil
		}
		return m
	}
	for i, e := range s.Entries {
		cs := make([]jsongold.InverseContainer, len(e.Entry.Containers))
		for j, c := range e.Entry.Containers {
			cs[j] = jsongold.InverseContainer{Container: c.Container, Language: norm(c.Language), Type: norm(c.Type), Any: norm(c.Any)}
		}
		out.Entries[i] = jsongold.StaticEntry{IRI: e.IRI, Entry: jsongold.InverseEntry{Containers: cs, CurieTerm: e.Entry.CurieTerm}}
	}
	return out
}
