package ld

import (
	"bytes"
	"fmt"
	"os/exec"
	"strings"
	"testing"
)

// rdfCases are datasets that exercise what the Turtle, TriG and SPARQL
// writers must get right: escapes, language tags, the number and boolean
// shorthands and forms that are not shorthands, IRIs that are not
// prefixed names, blank nodes used once (nested), twice (labelled) and in a
// cycle (labelled, each once), and several graphs.
var rdfCases = map[string]string{
	"escapes": `<http://schema.org/x> <http://schema.org/name> "quote \" backslash \\ tab \t newline \n return \r é 🎬" .
<http://schema.org/x> <http://schema.org/name> "L'été"@fr-BE .
<http://schema.org/x> <http://schema.org/alternateName> "'''triple'''" .
<http://schema.org/x> <http://schema.org/description> "\"\"\"" .
`,
	"numbers": `<urn:x:a> <http://schema.org/n> "42"^^<http://www.w3.org/2001/XMLSchema#integer> .
<urn:x:a> <http://schema.org/n> "-0042"^^<http://www.w3.org/2001/XMLSchema#integer> .
<urn:x:a> <http://schema.org/n> "4.5"^^<http://www.w3.org/2001/XMLSchema#decimal> .
<urn:x:a> <http://schema.org/n> "4."^^<http://www.w3.org/2001/XMLSchema#decimal> .
<urn:x:a> <http://schema.org/n> "1.5E3"^^<http://www.w3.org/2001/XMLSchema#double> .
<urn:x:a> <http://schema.org/n> "INF"^^<http://www.w3.org/2001/XMLSchema#double> .
<urn:x:a> <http://schema.org/n> "true"^^<http://www.w3.org/2001/XMLSchema#boolean> .
<urn:x:a> <http://schema.org/n> "1"^^<http://www.w3.org/2001/XMLSchema#boolean> .
<urn:x:a> <http://schema.org/n> "PT90M"^^<http://schema.org/Duration> .
<urn:x:a> <http://schema.org/n> "x"^^<urn:x:type> .
`,
	"iris": `<http://schema.org/a.b> <http://schema.org/1st> <http://schema.org/> .
<http://schema.org/-x> <http://schema.org/url> <https://example.org/caf%C3%A9?q=1&r=2#frag> .
<http://www.w3.org/ns/prov#x_y> <http://schema.org/sameAs> <ni:///sha-256;5JC9zcqP-9Z0Msiycdu3dx4-UhFyJnpdFNgLilyadik> .
`,
	"blank nodes": `<urn:x:film> <http://schema.org/review> _:r1 .
<urn:x:film> <http://schema.org/review> _:r2 .
_:r1 <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://schema.org/Review> .
_:r1 <http://schema.org/reviewRating> _:rating .
_:rating <http://schema.org/ratingValue> "4"^^<http://www.w3.org/2001/XMLSchema#integer> .
_:r2 <http://schema.org/author> _:shared .
<urn:x:film> <http://schema.org/author> _:shared .
_:shared <http://schema.org/name> "Shared" .
_:c1 <http://schema.org/knows> _:c2 .
_:c2 <http://schema.org/knows> _:c1 .
<urn:x:film> <http://schema.org/funder> _:empty .
`,
	"graphs": `<urn:x:film> <http://schema.org/name> "default" .
<urn:x:film> <http://schema.org/name> "in g" <urn:x:g> .
_:b <http://schema.org/name> "blank in g" <urn:x:g> .
<urn:x:film> <http://schema.org/review> _:b <urn:x:g> .
<urn:x:g> <http://www.w3.org/ns/prov#wasDerivedFrom> <urn:x:src> <urn:x:g> .
<urn:x:film> <http://schema.org/name> "in src" <urn:x:src> .
`,
}

// canonicalOf returns the RDFC-1.0 form of quads, to compare graphs whose
// blank node labels differ.
func canonicalOf(t *testing.T, quads []Quad) string {
	t.Helper()
	p := NewProcessor(Config{})
	doc, err := p.FromQuads(quads, "quads")
	if err != nil {
		t.Fatal(err)
	}
	s, err := p.Canonical(doc, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func readCase(t *testing.T, nq string) []Quad {
	t.Helper()
	quads, err := ReadNQuads(strings.NewReader(nq), "case")
	if err != nil {
		t.Fatal(err)
	}
	return quads
}

// TestTurtleTriGWithRapper writes each case as TriG (and, without named
// graphs, as Turtle) and has rapper read it back: the same graph, whatever
// the blank node labels.
func TestTurtleTriGWithRapper(t *testing.T) {
	rapper, err := exec.LookPath("rapper")
	if err != nil {
		t.Skip("rapper not installed (apt-get install raptor2-utils); .ci/run installs it")
	}
	for name, nq := range rdfCases {
		quads := readCase(t, nq)
		want := canonicalOf(t, quads)
		check := func(syntax, out string, text []byte) {
			cmd := exec.Command(rapper, "-q", "-i", syntax, "-o", out, "-", "urn:x:base")
			cmd.Stdin = bytes.NewReader(text)
			got, err := cmd.Output()
			if err != nil {
				t.Fatalf("%s: rapper -i %s: %v\n%s", name, syntax, err, text)
			}
			back, err := ReadNQuads(bytes.NewReader(got), "rapper")
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if g := canonicalOf(t, back); g != want {
				t.Errorf("%s: rapper reads another graph from %s:\n%s\ngot:\n%s\nwant:\n%s", name, syntax, text, g, want)
			}
		}
		var trig bytes.Buffer
		if err := WriteTriG(&trig, quads); err != nil {
			t.Fatal(err)
		}
		check("trig", "nquads", trig.Bytes())
		var ttl bytes.Buffer
		err := WriteTurtle(&ttl, quads)
		if name == "graphs" {
			if err != ErrNamedGraphs {
				t.Errorf("WriteTurtle of named graphs: %v", err)
			}
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		check("turtle", "ntriples", ttl.Bytes())
	}
}

// TestTurtleLayout pins the layout: prefixes, rdf:type as "a" first,
// shorthands, a blank node used once nested, one used twice labelled.
func TestTurtleLayout(t *testing.T) {
	var b bytes.Buffer
	if err := WriteTurtle(&b, readCase(t, rdfCases["blank nodes"])); err != nil {
		t.Fatal(err)
	}
	want := `@prefix schema: <http://schema.org/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

<urn:x:film> schema:author _:shared ;
    schema:funder [] ;
    schema:review [
        a schema:Review ;
        schema:reviewRating [
            schema:ratingValue 4
        ]
    ], [
        schema:author _:shared
    ] .

_:shared schema:name "Shared" .

_:c1 schema:knows [
        schema:knows _:c1
    ] .
`
	if b.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", b.String(), want)
	}
}

// TestSPARQLUpdate: each named graph is dropped and inserted, a graph that
// names its sources is written after them with the deletes of stale ones
// first, and blank nodes go through INSERT … WHERE {} (Virtuoso refuses
// them in INSERT DATA).
func TestSPARQLUpdate(t *testing.T) {
	var b bytes.Buffer
	if err := WriteSPARQLUpdate(&b, readCase(t, rdfCases["graphs"])); err != nil {
		t.Fatal(err)
	}
	got := b.String()
	for _, want := range []string{
		"INSERT {\n  <urn:x:film> schema:name \"default\" .\n} WHERE {};\n",
		"DROP SILENT GRAPH <urn:x:src>;\nINSERT DATA { GRAPH <urn:x:src> {\n  <urn:x:film> schema:name \"in src\" .\n} };\n",
		"FILTER (?stale NOT IN (<urn:x:src>))",
		"DROP SILENT GRAPH <urn:x:g>;\nINSERT { GRAPH <urn:x:g> {",
		"} } WHERE {};\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("no %q in\n%s", want, got)
		}
	}
	if strings.Index(got, "GRAPH <urn:x:src>;") > strings.Index(got, "GRAPH <urn:x:g>;") {
		t.Errorf("the film's graph is written before its source:\n%s", got)
	}
	units := Units(readCase(t, rdfCases["graphs"]))
	if len(units) != 2 || units[0].Graph.Kind != 0 || units[1].Graph.Value != "urn:x:g" || len(units[1].Graphs) != 2 {
		t.Errorf("units %+v", units)
	}
}

// TestUnitsSharedSource: a source graph two graphs name is written once,
// with the first of them in name order, whatever the input order.
func TestUnitsSharedSource(t *testing.T) {
	nq := `<urn:b/merged> <http://www.w3.org/ns/prov#wasDerivedFrom> <urn:s> <urn:b/merged> .
<urn:a/merged> <http://www.w3.org/ns/prov#wasDerivedFrom> <urn:s> <urn:a/merged> .
<urn:x> <http://schema.org/name> "s" <urn:s> .
`
	for range 20 {
		units := Units(readCase(t, nq))
		if len(units) != 2 || len(units[0].Graphs) != 2 || units[0].Graphs[0].Name.Value != "urn:s" || len(units[1].Graphs) != 1 {
			t.Fatalf("units %+v", units)
		}
	}
}

// TestTurtleBlankNodesByNumber: blank nodes numbered in a document's
// order (_:b0 … _:b11) are written in that order, not as their labels
// sort as text (_:b10 before _:b2): a film's countries came out of the
// order its article gives them (audit 15).
func TestTurtleBlankNodesByNumber(t *testing.T) {
	var nq strings.Builder
	for i := range 12 {
		fmt.Fprintf(&nq, "<urn:x:film> <http://schema.org/countryOfOrigin> _:b%d .\n_:b%d <http://schema.org/name> \"country %02d\" .\n", i, i, i)
	}
	quads, err := ReadNQuads(strings.NewReader(nq.String()), "c.nq")
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := WriteTurtle(&b, quads); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, l := range strings.Split(b.String(), "\n") {
		if _, name, ok := strings.Cut(l, "schema:name "); ok {
			got = append(got, strings.Trim(name, `"`))
		}
	}
	for i, name := range got {
		if want := fmt.Sprintf("country %02d", i); name != want {
			t.Fatalf("Turtle lists %q; want country 00 to country 11 in order", got)
		}
	}
	if len(got) != 12 {
		t.Fatalf("%d names in:\n%s", len(got), b.String())
	}
}
