package ld

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// bigNodeNQuads returns N-Quads of nodes with many values of a property,
// in the shapes keptAside must stream or decline: literals plain,
// language-tagged (in either case, which expansion folds into repeats)
// and typed, node references that the context coerces to strings,
// schema.org properties and others, a property whose values compact
// under two keys, repeated statements, blank nodes, and such nodes at the
// top and inside named graphs (the first two of a graph are compacted
// with its name, the others alone), a root that framing embeds its
// members in, and a node of more properties than a node keeps.
func bigNodeNQuads(n int) []string {
	const s = "http://schema.org/"
	var plain, mixed, graphs strings.Builder
	for i := range n {
		fmt.Fprintf(&plain, "<urn:list:1> <%sitemListElement> <urn:item:%d> .\n", s, i)
		fmt.Fprintf(&plain, "<urn:list:1> <%sname> \"name %d\" .\n", s, i%(n/2+1))
		fmt.Fprintf(&plain, "<urn:list:1> <http://a.example/p> \"%d\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n", i)
		fmt.Fprintf(&plain, "_:b <%sknows> _:p%d .\n", s, i)
		fmt.Fprintf(&mixed, "<urn:m:1> <%sdescription> \"d%d\"@%s .\n", s, i/2, []string{"EN", "en", "de"}[i%3])
		if i%5 == 3 {
			// A node among literals: another key under compaction.
			fmt.Fprintf(&mixed, "<urn:m:1> <%sdescription> <urn:d:%d> .\n", s, i)
		}
		fmt.Fprintf(&mixed, "<urn:m:1> <%ssameAs> <https://films.example/%d> .\n", s, i)
		fmt.Fprintf(&mixed, "<urn:m:1> <%sdateCreated> \"2020-01-%02d\"^^<%sDate> .\n", s, i%28+1, s)
		for g := range 4 {
			fmt.Fprintf(&graphs, "<urn:s:%d> <%sactor> <urn:p:%d> <urn:g:1> .\n", g, s, i)
			fmt.Fprintf(&graphs, "_:g%d <%sname> \"n%d\" _:gr .\n", g, s, i)
		}
	}
	fmt.Fprintf(&graphs, "<urn:g:1> <%sname> \"g\" .\n", s)
	// A root that framing embeds the others in: members described
	// (embedded) or not (references), blank ones output once (their
	// labels cleared), one member twice (embedded once, a reference
	// after), names in several languages, dates, links.
	var rooted strings.Builder
	fmt.Fprintf(&rooted, "<urn:list:9> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <%sItemList> .\n", s)
	for i := range n {
		switch i % 4 {
		case 0:
			fmt.Fprintf(&rooted, "<urn:list:9> <%sitemListElement> <urn:item:%d> .\n<urn:item:%d> <%sname> \"item %d\"@%s .\n", s, i, i, s, i, []string{"EN", "fr"}[i%3%2])
		case 1:
			fmt.Fprintf(&rooted, "<urn:list:9> <%sitemListElement> <urn:item:%d> .\n", s, i)
		case 2:
			fmt.Fprintf(&rooted, "<urn:list:9> <%sitemListElement> _:m%d .\n_:m%d <%sposition> \"%d\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n", s, i, i, s, i)
		default:
			fmt.Fprintf(&rooted, "<urn:list:9> <%sitemListElement> <urn:item:0> .\n", s)
		}
		fmt.Fprintf(&rooted, "<urn:list:9> <%sname> \"list %d\"@%s .\n", s, i/2, []string{"en", "EN", "de"}[i%3])
		fmt.Fprintf(&rooted, "<urn:list:9> <%ssameAs> <https://films.example/l/%d> .\n", s, i)
		fmt.Fprintf(&rooted, "<urn:list:9> <%sdateModified> \"2021-02-%02d\"^^<%sDate> .\n", s, i%28+1, s)
	}
	// A node of more properties than it keeps: others' IRIs with one
	// value or three, schema.org's (url and sameAs take IRIs under
	// their own key, text under another), language-tagged text.
	var wide strings.Builder
	for i := range n {
		fmt.Fprintf(&wide, "<urn:wide:1> <http://a.example/p%d> \"v%d\" .\n", i, i)
		if i%5 == 0 {
			fmt.Fprintf(&wide, "<urn:wide:1> <http://a.example/p%d> \"w%d\"@EN .\n<urn:wide:1> <http://a.example/p%d> <urn:x:%d> .\n", i, i, i, i)
		}
	}
	for _, p := range []string{"url", "sameAs", "name", "keywords"} {
		fmt.Fprintf(&wide, "<urn:wide:1> <%s%s> <https://films.example/%s> .\n", s, p, p)
	}
	// (Under one key each: a property of several keys makes its node
	// whole, which urn:wide:2 and the mixed input try.)
	fmt.Fprintf(&wide, "<urn:wide:2> <%ssameAs> \"not an IRI\" .\n<urn:wide:2> <%ssameAs> <https://films.example/a> .\n<urn:wide:2> <%ssameAs> <https://films.example/b> .\n<urn:wide:2> <%surl> \"text\" .\n", s, s, s, s)
	return []string{plain.String(), mixed.String(), graphs.String(), rooted.String(), wide.String()}
}

// TestDatasetJSONLDKeptAsideMatchesWhole proves the values WriteJSONLD
// keeps aside and writes one at a time (keptAside, and framing's
// writeNode) give the general path's bytes on large nodes of every shape
// (bigNodeNQuads), alone and together, in JSON-LD, HTML, expanded and
// flattened JSON-LD, at the default KeptValues and at 2, and that they
// were written so. (TestDatasetJSONLDMatchesJSONLDPath does the same for
// its corpus at 2.)
func TestDatasetJSONLDKeptAsideMatchesWhole(t *testing.T) {
	t.Parallel()
	generalPath := NewProcessor(Config{})
	big := bigNodeNQuads(80)
	var cases [][]string
	for _, in := range big {
		cases = append(cases, []string{in})
	}
	cases = append(cases, big)
	// The general path's output depends on neither KeptValues nor the
	// processor writing the short path's: worked out once for both
	// (json-gold's framing of the large nodes is most of the test).
	type key struct {
		f       Format
		in      int
		lenient bool
	}
	type general struct {
		out   string
		drops []string
		err   error
	}
	wants := map[key]general{}
	for _, kept := range []int{0, 2} {
		p := NewProcessor(Config{KeptValues: kept})
		for _, f := range []Format{FormatJSONLD, FormatHTML, FormatExpanded, FormatFlattened} {
			streamed := p.streamed.Load()
			for ci, in := range cases {
				// (Nothing here is dropped: Lenient would change nothing.)
				for _, opts := range []Options{{}} {
					before := p.streamed.Load()
					k := key{f, ci, opts.Lenient != nil}
					w, ok := wants[k]
					if !ok {
						w.out, w.drops, w.err = jsonldPathDrops(generalPath, in, f, opts)
						wants[k] = w
					}
					want, wdrops, werr := w.out, w.drops, w.err
					got, gdrops, short, gerr := datasetJSONPath(p, in, f, opts)
					if fmt.Sprint(werr) != fmt.Sprint(gerr) || got != want || !slices.Equal(gdrops, wdrops) {
						t.Errorf("KeptValues %d, %v, lenient %v (short path %v), input of %d bytes:\n got %v %q\n%.3000s\nwant %v %q\n%.3000s",
							kept, f, opts.Lenient != nil, short, len(strings.Join(in, "")), gerr, gdrops, got, werr, wdrops, want)
					}
					if len(in) == 1 && in[0] == big[3] && (f == FormatJSONLD || f == FormatHTML) && (p.streamed.Load() == before || !short) {
						t.Errorf("KeptValues %d, %v: the rooted node's items were not framed one at a time", kept, f)
					}
				}
			}
			n := p.streamed.Load() - streamed
			t.Logf("KeptValues %d, %v: %d properties written a value at a time", kept, f, n)
			if n < 4 {
				t.Errorf("KeptValues %d, %v: only %d properties written a value at a time", kept, f, n)
			}
		}
	}
}

// TestTermsAreValues: a node's repeated values are found by their
// statements' terms only where each literal term makes a value of its
// own (termsAreValues); where two spellings of a datatype make one value,
// by the values' keys. The readers give a literal one spelling, so
// N-Quads of every spelling keep the terms; a dataset holding two
// spellings does not, and its node still holds the value once, as
// RdfToObject makes it.
func TestTermsAreValues(t *testing.T) {
	d := NewDataset()
	in := `<urn:s> <urn:p> "x" .
<urn:s> <urn:p> "x"^^<http://www.w3.org/2001/XMLSchema#string> .
<urn:s> <urn:p> "y"@en .
<urn:s> <urn:p> "y"@EN .
<urn:s> <urn:p> <urn:o> .
<urn:s> <urn:p> _:b .
`
	if _, err := d.ReadNQuads(strings.NewReader(in), "in.nq", false); err != nil {
		t.Fatal(err)
	}
	if !termsAreValues(d) {
		t.Error("N-Quads read: literal terms taken as sharing values")
	}
	jw := &jsonNodeWriter{d: d, values: map[valueKey]bool{}}
	qs := d.docStatements(0)
	if _, count, _ := jw.fromRDFKeeping("urn:s", qs, 0); count != 5 {
		// "x" twice (one term), "y"@en and "y"@EN (two values until
		// expansion lowers the tag), the IRI and the blank node.
		t.Errorf("N-Quads read: %d values, want 5", count)
	}

	// Terms as other code than the readers could add them, keyed as
	// intern keys them (whose checks refuse some of them).
	literal := func(value, datatype, lang string) dterm {
		return dterm{kind: Literal, key: "\"" + value + "\x00" + datatype + "\x00" + lang}
	}
	for _, spelling := range []struct {
		name   string
		term   dterm
		shared bool
	}{
		{"untyped", literal("x", "", ""), true},
		{"the walk's xsd:string", literal("x", keyXSDString, ""), true},
		{"language text without rdf:langString", literal("y", "", "en"), true},
		{"another datatype", literal("x", "urn:t", ""), false},
		{"an IRI named like a blank node", dterm{kind: IRI, key: "<_:b>"}, true},
	} {
		d := NewDataset()
		if _, err := d.ReadNQuads(strings.NewReader(in), "in.nq", false); err != nil {
			t.Fatal(err)
		}
		id := uint32(len(d.terms))
		d.terms = append(d.terms, spelling.term)
		first := d.quads[0]
		d.quads = append(d.quads, dquad{s: first.s, p: first.p, o: id})
		if got := termsAreValues(d); got == spelling.shared {
			t.Errorf("%s: termsAreValues %v", spelling.name, got)
		}
		jw := &jsonNodeWriter{d: d, values: map[valueKey]bool{}}
		_, count, _ := jw.fromRDFKeeping("urn:s", d.docStatements(0), 0)
		// The twin is the same value as "x", "y"@en or _:b (whose
		// "@id" the IRI's is), held once; another datatype's is a value
		// of its own.
		want := 5
		if !spelling.shared {
			want = 6
		}
		if count != want {
			t.Errorf("%s: %d values, want %d", spelling.name, count, want)
		}
	}
}
