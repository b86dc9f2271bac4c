package jsongold

import (
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	jld "github.com/piprate/json-gold/ld"

	"github.com/film2ld/film2ld/ld/schemaorg"
)

// TestTermOrderInverse holds the inverse context built from the term order
// WithTerms records (no sort) to the one built by sorting the terms, entry
// for entry, CURIE terms and lengths included, for the schema.org context
// as processed, for a copy with terms nulled (ld's compaction context) and
// for contexts where the recorded order no longer lists the terms.
func TestTermOrderInverse(t *testing.T) {
	opts := jld.NewJsonLdOptions("")
	opts.ProcessingMode = jld.JsonLd_1_1
	local := schemaorg.ContextTerms()
	parsed, err := NewContext(nil, opts).Parse(local)
	if err != nil {
		t.Fatal(err)
	}
	header := map[string]any{}
	for k, v := range local {
		if strings.HasPrefix(k, "@") {
			header[k] = v
		}
	}
	hdr, err := NewContext(nil, opts).Parse(header)
	if err != nil {
		t.Fatal(err)
	}
	names := jld.GetKeys(parsed.TermDefinitions)
	sort.Sort(jld.ShortestLeast(names))
	table := make([]Term, len(names))
	for i, n := range names {
		table[i] = Term{Name: n, Def: *parsed.TermDefinitions[n]}
	}
	ordered := hdr.WithTerms(table)
	if len(ordered.termOrder) != len(names) {
		t.Fatalf("WithTerms recorded %d terms of %d in order", len(ordered.termOrder), len(names))
	}
	// Out of order, WithTerms records nothing.
	swapped := append([]Term{table[1], table[0]}, table[2:]...)
	if hdr.WithTerms(swapped).termOrder != nil {
		t.Error("WithTerms recorded an order the terms are not in")
	}

	same := func(name string, got, want *Context) {
		t.Helper()
		if !reflect.DeepEqual(got.GetInverse(), want.GetInverse()) {
			t.Errorf("%s: inverse contexts differ", name)
		}
		if !reflect.DeepEqual(got.curieLens, want.curieLens) {
			t.Errorf("%s: CURIE lengths differ", name)
		}
	}
	unordered := func(c *Context) *Context {
		c.termOrder = nil
		return c
	}
	same("processed", ordered.CopyTerms(opts, nil), unordered(ordered.CopyTerms(opts, nil)))
	nulled := []string{"id", "type"}
	same("id and type null", ordered.CopyTerms(opts, nulled), unordered(ordered.CopyTerms(opts, nulled)))

	// A term replaced (as many terms, one not in the order) or added
	// after the order was recorded: the order is not used, and the
	// inverse is the sorted one's.
	for _, change := range []struct {
		name   string
		change func(c *Context)
	}{
		{"replaced", func(c *Context) {
			delete(c.TermDefinitions, "name")
			c.TermDefinitions["zz"] = &TermDefinition{ID: "http://example.org/zz"}
		}},
		{"added", func(c *Context) {
			c.TermDefinitions["a"] = &TermDefinition{ID: "http://schema.org/name"}
		}},
	} {
		got, want := ordered.CopyTerms(opts, nil), ordered.CopyTerms(opts, nil)
		change.change(got)
		change.change(want)
		if len(got.sortedTerms()) != len(got.TermDefinitions) {
			t.Errorf("%s: sortedTerms lists %d terms of %d", change.name, len(got.sortedTerms()), len(got.TermDefinitions))
		}
		same(change.name, got, unordered(want))
	}
}

// TestStaticInverse: a StaticInverse finds each of its entries and
// nothing else, and a context that uses one compacts every IRI (each the
// inverse holds, prefixes of them and IRIs no term names, for a property
// and for a node) exactly as the same context with the inverse it builds.
func TestStaticInverse(t *testing.T) {
	opts := jld.NewJsonLdOptions("")
	opts.ProcessingMode = jld.JsonLd_1_1
	parsed, err := NewContext(nil, opts).Parse(schemaorg.ContextTerms())
	if err != nil {
		t.Fatal(err)
	}
	nulled := []string{"id", "type"}
	s := parsed.CopyTerms(opts, nulled).MakeStaticInverse()
	iris := map[string]bool{}
	for i := range s.Entries {
		e := &s.Entries[i]
		iris[e.IRI] = true
		if got := s.lookup(e.IRI); got != &e.Entry {
			t.Fatalf("lookup(%q) does not find its entry", e.IRI)
		}
	}
	probes := []string{"", "http://schema.org/", "http://schema.org/Nothing", "urn:film2ld:film/x",
		"http://purl.org/dc/terms/title", "dct:title", "https://films.example/a", "@id", "@type"}
	for iri := range iris {
		probes = append(probes, iri, iri[:len(iri)-1], iri+"x")
	}
	for _, p := range probes {
		if got := s.lookup(p); (got != nil) != iris[p] {
			t.Errorf("lookup(%q) = %v, want an entry: %v", p, got, iris[p])
		}
	}

	static, built := parsed.CopyTerms(opts, nulled), parsed.CopyTerms(opts, nulled)
	if !static.UseInverse(s) {
		t.Fatal("UseInverse refused the inverse made from the same context")
	}
	if parsed.CopyTerms(opts, nil).UseInverse(&StaticInverse{Terms: s.Terms + 1}) {
		t.Error("UseInverse took an inverse of another number of terms")
	}
	slices.Sort(probes)
	for _, p := range probes {
		for _, vocab := range []bool{true, false} {
			got, gerr := static.CompactIri(p, nil, vocab, false)
			want, werr := built.CompactIri(p, nil, vocab, false)
			if got != want || (gerr == nil) != (werr == nil) {
				t.Errorf("CompactIri(%q, vocab %v): static inverse %q (%v), built %q (%v)", p, vocab, got, gerr, want, werr)
			}
		}
	}
}
