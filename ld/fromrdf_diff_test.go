package ld

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	jld "github.com/piprate/json-gold/ld"

	"github.com/film2ld/film2ld/ld/internal/jsongold"
)

// TestFromRDFMatchesJSONGold runs every dataset below through the copy's
// FromRDF and json-gold's, with each combination of the options that
// change it, and requires the same JSON-LD: the W3C fromRdf, toRdf and
// RDFC-1.0 suites' N-Quads (where ../shared/w3c is there), the RDF of the
// mapping goldens, and generated nodes whose properties are long enough
// for the copy's sets, with values repeated in every form a set must
// tell apart (IRIs, blank nodes, literals typed, tagged and plain, a tag
// in another case, strings holding the key's separators, rdf:JSON
// written two ways, lists).
func TestFromRDFMatchesJSONGold(t *testing.T) {
	inputs := map[string]string{}
	if dir := w3cDir(); dir != "" {
		for _, pattern := range []string{"json-ld-api-tests/fromRdf/*.nq", "json-ld-api-tests/toRdf/*-out.nq", "rdf-canon-tests/rdfc10/*.nq"} {
			files, _ := filepath.Glob(filepath.Join(dir, pattern))
			for _, f := range files {
				data, err := os.ReadFile(f)
				if err != nil {
					t.Fatal(err)
				}
				inputs[f] = string(data)
			}
		}
	} else {
		t.Log("no ../shared/w3c: the W3C suites' datasets are not compared")
	}
	goldens, _ := filepath.Glob("../mapping/testdata/golden/*.jsonld")
	p := NewProcessor(Config{})
	for _, g := range goldens {
		data, err := os.ReadFile(g)
		if err != nil {
			t.Fatal(err)
		}
		docs, err := p.Read(strings.NewReader(string(data)), g, InputJSONLD)
		if err != nil || len(docs) != 1 {
			t.Fatal(g, err)
		}
		var b strings.Builder
		if err := p.Write(&b, docs[0], FormatNQuads, Options{}); err != nil {
			t.Fatal(err)
		}
		inputs[g] = b.String()
	}
	inputs["generated"] = repeatedValues()
	compared, recovered := 0, 0
	for name, nq := range inputs {
		parsed, err := jld.ParseNQuads(nq)
		if err != nil {
			continue // a negative syntax case
		}
		// As film2ld builds its datasets (json-gold's parser marks its
		// own as free of duplicates, which turns the check off), once as
		// parsed and once with copies of its statements after them, in
		// another order, so that the checks find what they look for.
		ds, twice := jld.NewRDFDataset(), jld.NewRDFDataset()
		for g, quads := range parsed.Graphs {
			ds.Graphs[g] = append(ds.Graphs[g], quads...)
			twice.Graphs[g] = append(twice.Graphs[g], quads...)
			for i := range quads {
				twice.Graphs[g] = append(twice.Graphs[g], quads[(i*7)%len(quads)])
			}
		}
		for _, ds := range []*jld.RDFDataset{ds, twice} {
			for _, native := range []bool{false, true} {
				for _, rdfType := range []bool{false, true} {
					opts := jld.NewJsonLdOptions("")
					opts.UseNativeTypes, opts.UseRdfType = native, rdfType
					// json-gold panics on a list cell without rdf:first (guard
					// makes that an error), which the copy leaves as its
					// statements: then the copy's must be the dataset's.
					var want, got []any
					errWant := guard("from RDF", func() (err error) { want, err = jld.NewJsonLdApi().FromRDF(ds, opts); return err })
					errGot := guard("from RDF", func() (err error) { got, err = jsongold.FromRDF(ds, opts); return err })
					if errWant != nil && errGot == nil && strings.Contains(errWant.Error(), "interface {} is nil") {
						if !native && !rdfType {
							sameStatements(t, name, ds, got)
						}
						recovered++
						continue
					}
					if fmt.Sprint(errGot) != fmt.Sprint(errWant) || !reflect.DeepEqual(got, want) {
						t.Errorf("%s (native types %v, rdf:type %v): the copy gives\n%v, %v\njson-gold\n%v, %v", name, native, rdfType, got, errGot, want, errWant)
					}
					compared++
				}
			}
		}
	}
	if compared < 8*len(goldens) {
		t.Errorf("only %d conversions compared", compared)
	}
	t.Logf("%d conversions compared, %d of them where json-gold fails", compared+recovered, recovered)
}

// sameStatements fails unless expanded JSON-LD, converted to RDF, gives
// ds's statements (canonical N-Quads compared).
func sameStatements(t *testing.T, name string, ds *jld.RDFDataset, expanded []any) {
	t.Helper()
	want, err := canonicalize(ds, 0, true)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	back, err := toDataset(expanded)
	if err != nil {
		t.Fatalf("%s: to RDF: %v", name, err)
	}
	got, err := canonicalize(back, 0, true)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if got != want {
		t.Errorf("%s: from RDF and back gives\n%s\nwant\n%s", name, got, want)
	}
}

// TestFromRDFKeepsOddLists: lists json-gold's FromRDF loses or fails on
// are left as their statements, and come back from JSON-LD unchanged.
// json-gold (as jsonld.js) deleted the cells of lists that hold each
// other's heads with no owner outside them, writing nothing and no error,
// and of a cell naming a graph, with the graph; it failed on a cell
// without rdf:first.
func TestFromRDFKeepsOddLists(t *testing.T) {
	const (
		first = " <http://www.w3.org/1999/02/22-rdf-syntax-ns#first> "
		rest  = " <http://www.w3.org/1999/02/22-rdf-syntax-ns#rest> "
		nil_  = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#nil>"
	)
	for _, tt := range []struct{ name, nq string }{
		{"a cell's item the cell before it", "_:a" + first + "_:b .\n_:a" + rest + nil_ + " .\n_:b" + first + "\"x\" .\n_:b" + rest + "_:a .\n"},
		{"two lists holding each other's heads", "_:a" + first + "_:b .\n_:a" + rest + nil_ + " .\n_:b" + first + "\"x\" .\n_:b" + rest + "_:c .\n_:c" + first + "_:a .\n_:c" + rest + nil_ + " .\n"},
		{"a cell its own item", "_:a" + first + "_:a .\n_:a" + rest + nil_ + " .\n"},
		{"a cell naming a graph", "<urn:x:s> <urn:x:p> _:c .\n_:c" + first + "\"x\" .\n_:c" + rest + nil_ + " .\n<urn:x:s> <urn:x:p> \"in the graph\" _:c .\n"},
		{"a cell without rdf:first", "<urn:x:s> <urn:x:p> _:c .\n_:c" + rest + nil_ + " .\n"},
		{"a list inside a list, kept folded", "<urn:x:s> <urn:x:p> _:a .\n_:a" + first + "_:b .\n_:a" + rest + nil_ + " .\n_:b" + first + "\"x\" .\n_:b" + rest + nil_ + " .\n"},
	} {
		ds, err := jld.ParseNQuads(tt.nq)
		if err != nil {
			t.Fatal(err)
		}
		got, err := jsongold.FromRDF(ds, jld.NewJsonLdOptions(""))
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		sameStatements(t, tt.name, ds, got)
	}
}

// repeatedValues is N-Quads whose subjects have properties of many
// values, each value again in the same and in nearly the same form.
func repeatedValues() string {
	var b strings.Builder
	values := []string{
		`<https://films.example/p/1>`, `_:b1`, `"x"`, `"x"^^<http://www.w3.org/2001/XMLSchema#string>`,
		`"x"@en`, `"x"@EN`, `"x"@en-gb`, `"1"^^<http://www.w3.org/2001/XMLSchema#integer>`, `"1"`,
		`"true"^^<http://www.w3.org/2001/XMLSchema#boolean>`, `"1.5E0"^^<http://www.w3.org/2001/XMLSchema#double>`,
		`"+3:x"`, `"3:x+"`, `"m-+"`, `"{\"a\":1}"^^<http://www.w3.org/1999/02/22-rdf-syntax-ns#JSON>`,
		`"{\"a\": 1}"^^<http://www.w3.org/1999/02/22-rdf-syntax-ns#JSON>`, `"\"x\""^^<http://www.w3.org/1999/02/22-rdf-syntax-ns#JSON>`,
		`<http://www.w3.org/1999/02/22-rdf-syntax-ns#nil>`,
	}
	for s := range 3 {
		subject := fmt.Sprintf("<https://films.example/m/%d>", s)
		graph := []string{"", " <https://films.example/g/1>", " _:g"}[s]
		for round := range 3 {
			for i := range 30 {
				fmt.Fprintf(&b, "%s <https://schema.org/review> <https://films.example/r/%d>%s .\n", subject, (i*7+round)%40, graph)
				fmt.Fprintf(&b, "%s <https://schema.org/name> %s%s .\n", subject, values[(i+round)%len(values)], graph)
				fmt.Fprintf(&b, "%s <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://schema.org/T%d>%s .\n", subject, i%12, graph)
			}
		}
		// A list of two items, referred to by a long property too.
		fmt.Fprintf(&b, "%s <https://schema.org/review> _:l%d%s .\n", subject, s, graph)
		fmt.Fprintf(&b, "_:l%d <http://www.w3.org/1999/02/22-rdf-syntax-ns#first> \"a\"%s .\n", s, graph)
		fmt.Fprintf(&b, "_:l%d <http://www.w3.org/1999/02/22-rdf-syntax-ns#rest> _:m%d%s .\n", s, s, graph)
		fmt.Fprintf(&b, "_:m%d <http://www.w3.org/1999/02/22-rdf-syntax-ns#first> \"b\"%s .\n", s, graph)
		fmt.Fprintf(&b, "_:m%d <http://www.w3.org/1999/02/22-rdf-syntax-ns#rest> <http://www.w3.org/1999/02/22-rdf-syntax-ns#nil>%s .\n", s, graph)
	}
	return b.String()
}
