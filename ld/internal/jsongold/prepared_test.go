package jsongold

import (
	"reflect"
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
