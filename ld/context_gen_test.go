package ld

import (
	"fmt"
	"reflect"
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
