package ld

import (
	"fmt"
	"strings"
	"testing"
)

// listCases are N-Quads inputs of RDF lists, each with whether WriteJSONLD
// writes its unframed JSON-LD itself (true) or leaves it to the general
// path (false): flat lists of literals, IRIs and blank nodes, empty lists,
// an empty list as an item, lists in named graphs, several lists of a
// node, a reference written twice; and what the plan does not fold the
// way FromRDF does (typed, IRI or shared cells); lists in lists; a cell
// with another property is no cell, its rdf:rest an empty list.
var listCases = []struct {
	name   string
	nq     string
	direct bool
}{
	{"flat list of literals", `<urn:x:s> <http://schema.org/keywords> _:c1 .
_:c1 <` + rdfFirst + `> "noir" .
_:c1 <` + rdfRest + `> _:c2 .
_:c2 <` + rdfFirst + `> "heist"@EN .
_:c2 <` + rdfRest + `> _:c3 .
_:c3 <` + rdfFirst + `> "3"^^<http://www.w3.org/2001/XMLSchema#integer> .
_:c3 <` + rdfRest + `> <` + rdfNil + `> .
<urn:x:s> <http://schema.org/name> "Heat" .
`, true},
	{"list of IRIs and blank nodes, listed before the holder", `_:a <` + rdfFirst + `> <http://people.example/mann> .
_:a <` + rdfRest + `> _:b .
_:b <` + rdfFirst + `> _:p .
_:b <` + rdfRest + `> <` + rdfNil + `> .
_:p <http://schema.org/name> "Al Pacino" .
<urn:x:film> <http://schema.org/actor> _:a .
<urn:x:film> <http://schema.org/actor> <http://people.example/deniro> .
`, true},
	{"empty lists, one an item, one as rdf:rest of a node", `<urn:x:s> <http://schema.org/keywords> <` + rdfNil + `> .
<urn:x:s> <http://a.example/p> _:c .
_:c <` + rdfFirst + `> <` + rdfNil + `> .
_:c <` + rdfRest + `> <` + rdfNil + `> .
<urn:x:t> <` + rdfRest + `> <` + rdfNil + `> .
<urn:x:t> <` + rdfType + `> <` + rdfNil + `> .
`, true},
	{"lists in a named graph and two lists of one property", `<urn:x:s> <http://a.example/p> _:a <urn:x:g> .
_:a <` + rdfFirst + `> "1" <urn:x:g> .
_:a <` + rdfRest + `> <` + rdfNil + `> <urn:x:g> .
<urn:x:s> <http://a.example/p> _:b <urn:x:g> .
_:b <` + rdfFirst + `> "2" <urn:x:g> .
_:b <` + rdfRest + `> <` + rdfNil + `> <urn:x:g> .
<urn:x:s> <http://a.example/p> "3" <urn:x:g> .
<urn:x:g> <http://schema.org/name> "graph" .
`, true},
	{"a reference and a cell written twice", `<urn:x:s> <http://a.example/p> _:a .
<urn:x:s> <http://a.example/p> _:a .
_:a <` + rdfFirst + `> "x" .
_:a <` + rdfFirst + `> "x" .
_:a <` + rdfRest + `> <` + rdfNil + `> .
`, true},
	{"a cell typed rdf:List", `<urn:x:s> <http://a.example/p> _:a .
_:a <` + rdfType + `> <` + rdfNS + `List> .
_:a <` + rdfFirst + `> "x" .
_:a <` + rdfRest + `> <` + rdfNil + `> .
`, false},
	{"a cell that is an IRI", `<urn:x:s> <http://a.example/p> <urn:x:cell> .
<urn:x:cell> <` + rdfFirst + `> "x" .
<urn:x:cell> <` + rdfRest + `> <` + rdfNil + `> .
`, false},
	{"a list in a list", `<urn:x:s> <http://a.example/p> _:a .
_:a <` + rdfFirst + `> _:b .
_:a <` + rdfRest + `> <` + rdfNil + `> .
_:b <` + rdfFirst + `> "x" .
_:b <` + rdfRest + `> <` + rdfNil + `> .
`, true},
	{"lists in lists, three deep, between other items, in a named graph", `<urn:x:s> <http://a.example/p> _:a <urn:x:g> .
_:a <` + rdfFirst + `> "one" <urn:x:g> .
_:a <` + rdfRest + `> _:a2 <urn:x:g> .
_:a2 <` + rdfFirst + `> _:b <urn:x:g> .
_:a2 <` + rdfRest + `> _:a3 <urn:x:g> .
_:a3 <` + rdfFirst + `> _:n <urn:x:g> .
_:a3 <` + rdfRest + `> <` + rdfNil + `> <urn:x:g> .
_:b <` + rdfFirst + `> _:c <urn:x:g> .
_:b <` + rdfRest + `> _:b2 <urn:x:g> .
_:b2 <` + rdfFirst + `> <` + rdfNil + `> <urn:x:g> .
_:b2 <` + rdfRest + `> <` + rdfNil + `> <urn:x:g> .
_:c <` + rdfFirst + `> _:p <urn:x:g> .
_:c <` + rdfRest + `> <` + rdfNil + `> <urn:x:g> .
_:p <http://schema.org/name> "inner" <urn:x:g> .
_:n <http://schema.org/name> "last" <urn:x:g> .
`, true},
	{"a cell with another property", `<urn:x:s> <http://a.example/p> _:a .
_:a <` + rdfFirst + `> "x" .
_:a <` + rdfRest + `> <` + rdfNil + `> .
_:a <http://schema.org/name> "cell" .
`, true},
	{"long lists: one of one kind, one of two", longList("urn:x:s", "http://schema.org/keywords", "a", []string{`"noir"@EN`, `"heist"@en`, `"crime"@En`, `"l.a."@en`, `"1995"@en`}) +
		longList("urn:x:s", "http://schema.org/sameAs", "b", []string{`"http://a.example/1"`, `<http://a.example/2>`, `"x"`, `<http://a.example/3>`}) +
		longList("urn:x:t", "http://schema.org/actor", "c", []string{`<http://people.example/1>`, `_:p`, `<` + rdfNil + `>`, `<http://people.example/2>`}) +
		longList("urn:x:t", "http://schema.org/duration", "d", []string{`"PT1H"^^<http://schema.org/Duration>`, `"PT2H"^^<http://schema.org/Duration>`, `"PT3H"^^<http://schema.org/Duration>`}) +
		"_:p <http://schema.org/name> \"P\" .\n", true},
	{"a typed root's list, which the web formats frame", `<urn:x:film> <` + rdfType + `> <http://schema.org/Movie> .
<urn:x:film> <http://schema.org/keywords> _:k .
_:k <` + rdfFirst + `> "noir" .
_:k <` + rdfRest + `> <` + rdfNil + `> .
`, true},
}

// longList returns the N-Quads of a list of items held by subject under
// property, its cells labelled from prefix.
func longList(subject, property, prefix string, items []string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "<%s> <%s> _:%s0 .\n", subject, property, prefix)
	for i, item := range items {
		rest := fmt.Sprintf("_:%s%d", prefix, i+1)
		if i == len(items)-1 {
			rest = "<" + rdfNil + ">"
		}
		fmt.Fprintf(&b, "_:%s%d <%s> %s .\n_:%s%d <%s> %s .\n", prefix, i, rdfFirst, item, prefix, i, rdfRest, rest)
	}
	return b.String()
}

// TestDatasetJSONLDLists: WriteJSONLD writes the JSON-LD of RDF lists
// itself where the plan folds them as FromRDF does, with the general
// path's bytes in every JSON-LD format (a graph the web formats frame
// still takes the general path), each input alone,
// read twice (each input's blank nodes its own) and beside another; with
// two items of a list made with its node and the others as they are
// written where they are of one kind (KeptValues 2).
func TestDatasetJSONLDLists(t *testing.T) {
	p := NewProcessor(Config{})
	kept2 := NewProcessor(Config{KeptValues: 2})
	for i, c := range listCases {
		other := listCases[(i+1)%len(listCases)].nq
		for _, inputs := range [][]string{{c.nq}, {c.nq, c.nq}, {c.nq, other}} {
			for _, f := range []Format{FormatJSONLD, FormatHTML, FormatExpanded, FormatFlattened} {
				for _, dp := range []*Processor{p, kept2} {
					want, werr := jsonldPath(p, inputs, f, Options{})
					got, _, short, gerr := datasetJSONPath(dp, inputs, f, Options{})
					if fmt.Sprint(werr) != fmt.Sprint(gerr) || got != want {
						t.Errorf("%s (%d inputs), %v: short path %v\n got %v\n%s\nwant %v\n%s", c.name, len(inputs), f, short, gerr, got, werr, want)
					}
					framed := (f == FormatJSONLD || f == FormatHTML) && rooted(t, inputs)
					wantShort := c.direct && !framed
					if len(inputs) == 1 && short != wantShort {
						t.Errorf("%s, %v: written by WriteJSONLD %v, want %v", c.name, f, short, wantShort)
					}
				}
			}
		}
	}
	if kept2.streamed.Load() == 0 {
		t.Error("no list written an item at a time with KeptValues 2")
	}
}

// fuzzListNQuads makes N-Quads inputs of RDF lists from data, three bytes
// a statement: subjects and objects among a few blank nodes (the cells
// of lists to be), IRIs, rdf:nil and literals, properties among
// rdf:first, rdf:rest, rdf:type (rdf:List as its object) and two others,
// in the default graph or a named one; a byte with its high bit set in
// the third place starts a new input.
func fuzzListNQuads(data []byte) []string {
	nodes := []string{"_:l0", "_:l1", "_:l2", "_:l3", "_:n", "<urn:x:s>", "<http://schema.org/Movie>", "<" + rdfNil + ">", "<" + rdfNS + "List>"}
	props := []string{"<" + rdfFirst + ">", "<" + rdfRest + ">", "<" + rdfFirst + ">", "<" + rdfRest + ">", "<" + rdfType + ">",
		"<http://schema.org/keywords>", "<http://schema.org/actor>", "<http://a.example/p>"}
	lits := []string{`"a"`, `"b"@EN`, `"2"^^<http://www.w3.org/2001/XMLSchema#integer>`, `"c"`}
	graphs := []string{"", "", "", "", "", " <urn:x:g>", " _:l1"}
	var inputs []string
	var cur strings.Builder
	for ; len(data) >= 3; data = data[3:] {
		s := nodes[int(data[0]&0x7f)%6]
		p := props[int(data[1]&0x7f)%len(props)]
		var o string
		if data[0]&0x80 != 0 {
			o = lits[int(data[2]&0x7f)%len(lits)]
		} else {
			o = nodes[int(data[2]&0x7f)%len(nodes)]
		}
		g := graphs[int(data[1]>>4)%len(graphs)]
		fmt.Fprintf(&cur, "%s %s %s%s .\n", s, p, o, g)
		if data[2]&0x80 != 0 {
			inputs = append(inputs, cur.String())
			cur.Reset()
		}
	}
	return append(inputs, cur.String())
}

// FuzzDatasetJSONLDLists: for N-Quads of RDF lists the fuzzer makes
// (fuzzListNQuads), WriteJSONLD with its fallback gives the general
// path's bytes, errors and warnings in every JSON-LD format.
func FuzzDatasetJSONLDLists(f *testing.F) {
	// _:l0 holds a list _:l1 → _:l2 → nil of "a" and <urn:x:s>.
	f.Add([]byte{5, 5, 1, 1, 0, 0x80 | 0, 0x80 | 1, 0, 0, 1, 1, 2, 2, 0, 5, 2, 1, 7})
	f.Add([]byte{5, 6, 7, 0x80 | 0, 0, 1, 0, 1, 7})
	p := NewProcessor(Config{})
	kept2 := NewProcessor(Config{KeptValues: 2})
	f.Fuzz(func(t *testing.T, data []byte) {
		inputs := fuzzListNQuads(data)
		p := p
		if len(data)%6 >= 3 {
			p = kept2
		}
		matchJSONLDFormats(t, p, inputs)
	})
}

// TestCompactDefaultGraphLists: CompactDefaultGraph makes the default
// graph of the list cases WriteJSONLD writes itself (unframed), which
// TestCompactDefaultGraphMatches compares with the general path's.
func TestCompactDefaultGraphLists(t *testing.T) {
	p := NewProcessor(Config{})
	for _, c := range listCases {
		d := NewDataset()
		if _, err := d.ReadNQuads(strings.NewReader(c.nq), c.name, false); err != nil {
			t.Fatal(err)
		}
		if _, err := p.CompactDefaultGraph(d); (err == nil) != c.direct {
			t.Errorf("%s: CompactDefaultGraph error %v; want one %v", c.name, err, !c.direct)
		}
	}
}
