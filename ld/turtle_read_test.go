package ld

import (
	"bytes"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
)

// turtlePositive are documents in the spirit of the W3C Turtle and TriG
// suites' positive syntax and evaluation tests (named after the closest
// one), each with the N-Quads it means; blank node labels are compared up
// to renaming.
var turtlePositive = []struct{ name, doc, want string }{
	// ECHAR \b is valid Turtle and U+0008 valid RDF text; it is written
	// back with canonical N-Triples' escape.
	{"literal_with_BACKSPACE (ECHAR)", `<http://a.example/s> <http://a.example/p> "\b" .`,
		`<http://a.example/s> <http://a.example/p> "\b" .`},
	{"IRI_subject", `<http://a.example/s> <http://a.example/p> <http://a.example/o> .`,
		`<http://a.example/s> <http://a.example/p> <http://a.example/o> .`},
	{"prefixed_name, SPARQL PREFIX", "PREFIX p: <http://a.example/>\n@prefix : <http://b.example/> .\np:s p:p :o .",
		`<http://a.example/s> <http://a.example/p> <http://b.example/o> .`},
	{"local name escapes and dots", `@prefix p: <http://a.example/> . p:s\-x p:p.q p:o.1, p:a%20b .`,
		"<http://a.example/s-x> <http://a.example/p.q> <http://a.example/o.1> .\n<http://a.example/s-x> <http://a.example/p.q> <http://a.example/a%20b> ."},
	{"base and relative IRIs", "@base <http://a.example/dir/> . <s> <#p> <../o> . BASE <http://b.example/>\n<s> <p> <o> .",
		"<http://a.example/dir/s> <http://a.example/dir/#p> <http://a.example/o> .\n<http://b.example/s> <http://b.example/p> <http://b.example/o> ."},
	{"a and literals", `<http://a.example/s> a <http://a.example/C> ; <http://a.example/p> "x", 'y', """z
"quoted" z""", '''w''', "é"@fr-BE, "5"^^<http://www.w3.org/2001/XMLSchema#int> .`,
		"<http://a.example/s> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://a.example/C> .\n" +
			"<http://a.example/s> <http://a.example/p> \"x\" .\n<http://a.example/s> <http://a.example/p> \"y\" .\n" +
			"<http://a.example/s> <http://a.example/p> \"z\\n\\\"quoted\\\" z\" .\n<http://a.example/s> <http://a.example/p> \"w\" .\n" +
			"<http://a.example/s> <http://a.example/p> \"é\"@fr-BE .\n<http://a.example/s> <http://a.example/p> \"5\"^^<http://www.w3.org/2001/XMLSchema#int> ."},
	{"string escapes", `<http://a.example/s> <http://a.example/p> "\t\n\r\"\'\\ \u00E9 \U0001F3AC" .`,
		`<http://a.example/s> <http://a.example/p> "\t\n\r\"'\\ é 🎬" .`},
	{"long string holding quotes, and ending in an escaped one", `<http://a.example/s> <http://a.example/p> """a""b"c""", """d\"""", """""" .`,
		"<http://a.example/s> <http://a.example/p> \"a\\\"\\\"b\\\"c\" .\n<http://a.example/s> <http://a.example/p> \"d\\\"\" .\n<http://a.example/s> <http://a.example/p> \"\" ."},
	{"numbers and booleans", `<http://a.example/s> <http://a.example/p> 1, -2, +3.5, .5, 1e3, 1.E-2, true, false .`,
		"<http://a.example/s> <http://a.example/p> \"1\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n" +
			"<http://a.example/s> <http://a.example/p> \"-2\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n" +
			"<http://a.example/s> <http://a.example/p> \"+3.5\"^^<http://www.w3.org/2001/XMLSchema#decimal> .\n" +
			"<http://a.example/s> <http://a.example/p> \".5\"^^<http://www.w3.org/2001/XMLSchema#decimal> .\n" +
			"<http://a.example/s> <http://a.example/p> \"1e3\"^^<http://www.w3.org/2001/XMLSchema#double> .\n" +
			"<http://a.example/s> <http://a.example/p> \"1.E-2\"^^<http://www.w3.org/2001/XMLSchema#double> .\n" +
			"<http://a.example/s> <http://a.example/p> \"true\"^^<http://www.w3.org/2001/XMLSchema#boolean> .\n" +
			"<http://a.example/s> <http://a.example/p> \"false\"^^<http://www.w3.org/2001/XMLSchema#boolean> ."},
	{"integer before the final dot", `<http://a.example/s> <http://a.example/p> 1.`,
		`<http://a.example/s> <http://a.example/p> "1"^^<http://www.w3.org/2001/XMLSchema#integer> .`},
	{"blank nodes, nested and labelled", `_:a <http://a.example/p> [ <http://a.example/q> _:a ; ] . [] <http://a.example/p> [] . [ <http://a.example/q> 1 ] .`,
		"_:a <http://a.example/p> _:b .\n_:b <http://a.example/q> _:a .\n_:c <http://a.example/p> _:d .\n_:e <http://a.example/q> \"1\"^^<http://www.w3.org/2001/XMLSchema#integer> ."},
	{"collections", `<http://a.example/s> <http://a.example/p> ( 1 <http://a.example/o> ), () .`,
		"<http://a.example/s> <http://a.example/p> _:l1 .\n_:l1 <http://www.w3.org/1999/02/22-rdf-syntax-ns#first> \"1\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n" +
			"_:l1 <http://www.w3.org/1999/02/22-rdf-syntax-ns#rest> _:l2 .\n_:l2 <http://www.w3.org/1999/02/22-rdf-syntax-ns#first> <http://a.example/o> .\n" +
			"_:l2 <http://www.w3.org/1999/02/22-rdf-syntax-ns#rest> <http://www.w3.org/1999/02/22-rdf-syntax-ns#nil> .\n" +
			"<http://a.example/s> <http://a.example/p> <http://www.w3.org/1999/02/22-rdf-syntax-ns#nil> ."},
	{"comments and repeated semicolons", "# c\n<http://a.example/s> <http://a.example/p> <http://a.example/o> ;; # c\n ; .",
		`<http://a.example/s> <http://a.example/p> <http://a.example/o> .`},
	{"trig: graphs, GRAPH, default block, optional last dot", "@prefix : <http://a.example/> .\n:g { :s :p :o . :s :p :o2 }\nGRAPH :h { :s :p :o }\n{ :s :p :d . }\n:s :p :top .\n_:b { :s :p :o }",
		"<http://a.example/s> <http://a.example/p> <http://a.example/o> <http://a.example/g> .\n<http://a.example/s> <http://a.example/p> <http://a.example/o2> <http://a.example/g> .\n" +
			"<http://a.example/s> <http://a.example/p> <http://a.example/o> <http://a.example/h> .\n<http://a.example/s> <http://a.example/p> <http://a.example/d> .\n" +
			"<http://a.example/s> <http://a.example/p> <http://a.example/top> .\n<http://a.example/s> <http://a.example/p> <http://a.example/o> _:g ."},
}

// turtleNegative are documents each parser must refuse, with the place
// and words of the error.
var turtleNegative = []struct{ name, doc, want string }{
	{"undefined prefix", "<http://a.example/s> x:p 1 .", "t:1:22: syntax error: undefined prefix \"x:\""},
	{"missing dot", "<http://a.example/s> <http://a.example/p> 1\n<http://a.example/s> <http://a.example/p> 2 .", "t:2:1: syntax error: want '.', found \"<http://a.example/s>\""},
	{"literal subject", `"x" <http://a.example/p> 1 .`, "t:1:4: syntax error: a literal cannot be a subject"},
	{"relative IRI without base", `<s> <http://a.example/p> 1 .`, "t:1:4: relative IRI reference \"s\" (no @base to resolve it against)"},
	{"line break in a short string", "<http://a.example/s> <http://a.example/p> \"a\nb\" .", "t:2:1: syntax error: a line break in a short string"},
	{"unclosed string", `<http://a.example/s> <http://a.example/p> "abc`, "t:1:43: syntax error: a string not closed with \""},
	// The first three quotes close a long string (its content holds one
	// or two only before another character): the rest is not Turtle, as
	// rapper has it. It was read as the string a"".
	{"long string followed by quotes", `<http://a.example/s> <http://a.example/p> """a""""" .`, "t:1:50: syntax error: want '.', found \"\\\"\\\"\""},
	{"bad escape", `<http://a.example/s> <http://a.example/p> "\q" .`, "t:1:45: syntax error: unknown escape \\q"},
	{"space in IRI", `<http://a.example/s x> <http://a.example/p> 1 .`, "t:1:21: syntax error: an IRI cannot hold ' '"},
	{"bad language tag", `<http://a.example/s> <http://a.example/p> "a"@1x .`, "invalid language tag \"1x\""},
	{"graph block in Turtle", `<http://a.example/g> { <http://a.example/s> <http://a.example/p> 1 }`, "t:1:22: syntax error: want an IRI, a blank node or a literal, found \"{\""},
	{"unclosed graph", "<http://a.example/g> { <http://a.example/s> <http://a.example/p> 1", "syntax error: want \".\" or \"}\", found the end of the input"},
	{"unclosed list", `<http://a.example/s> <http://a.example/p> ( 1 2`, "syntax error: a list not closed with \")\""},
}

func TestReadTurtle(t *testing.T) {
	for _, c := range turtlePositive {
		trig := strings.HasPrefix(c.name, "trig:")
		got, err := ReadTurtle(strings.NewReader(c.doc), "t", trig)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		want := readCase(t, c.want)
		if canonicalOf(t, got) != canonicalOf(t, want) {
			var b strings.Builder
			for _, q := range got {
				b.WriteString(q.String() + "\n")
			}
			t.Errorf("%s: got\n%swant\n%s", c.name, b.String(), c.want)
		}
		if !trig {
			// TriG reads Turtle too.
			again, err := ReadTurtle(strings.NewReader(c.doc), "t", true)
			if err != nil || canonicalOf(t, again) != canonicalOf(t, want) {
				t.Errorf("%s: read as TriG: %v", c.name, err)
			}
		}
	}
	for _, c := range turtleNegative {
		trig := strings.Contains(c.name, "unclosed graph")
		_, err := ReadTurtle(strings.NewReader(c.doc), "t", trig)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v; want %q", c.name, err, c.want)
		}
		var pe *PosError
		if !errors.As(err, &pe) {
			t.Errorf("%s: %T is not a *PosError", c.name, err)
		}
	}
}

// TestTurtleRoundTrip reads back what WriteTurtle and WriteTriG write: the
// same graph.
func TestTurtleRoundTrip(t *testing.T) {
	for name, nq := range rdfCases {
		quads := readCase(t, nq)
		var trig bytes.Buffer
		if err := WriteTriG(&trig, quads); err != nil {
			t.Fatal(err)
		}
		back, err := ReadTurtle(&trig, name, true)
		if err != nil {
			t.Fatalf("%s: %v\n%s", name, err, trig.String())
		}
		if canonicalOf(t, back) != canonicalOf(t, quads) {
			t.Errorf("%s: TriG round trip changed the graph", name)
		}
	}
}

func FuzzReadTurtle(f *testing.F) {
	for _, c := range turtlePositive {
		f.Add(c.doc)
	}
	for _, nq := range rdfCases {
		var b bytes.Buffer
		WriteTriG(&b, readCase(&testing.T{}, nq))
		f.Add(b.String())
	}
	f.Fuzz(func(t *testing.T, doc string) {
		quads, err := ReadTurtle(strings.NewReader(doc), "fuzz", true)
		// The dataset's streaming reader gives the same error, or the
		// same statements as the list through ReadQuads.
		streamed := NewDataset()
		ok, serr := streamed.ReadTurtle(doc, "fuzz", true)
		if err != nil {
			if ok || fmt.Sprint(serr) != fmt.Sprint(err) || streamed.Len() != 0 {
				t.Fatalf("Dataset.ReadTurtle: %v, %v, %d statements; ReadTurtle's error %v", ok, serr, streamed.Len(), err)
			}
			return
		}
		listed := NewDataset()
		if qerr := listed.ReadQuads(quads, "fuzz"); (qerr == nil) != ok || serr != nil {
			t.Fatalf("Dataset.ReadTurtle: %v, %v; ReadQuads: %v", ok, serr, qerr)
		}
		if a, b := streamed.Quads(), listed.Quads(); ok && !slices.Equal(a, b) {
			t.Fatalf("streamed:\n%v\nlisted:\n%v", a, b)
		}
		// What was read writes as TriG that reads back the same.
		var b bytes.Buffer
		if err := WriteTriG(&b, quads); err != nil {
			t.Fatal(err)
		}
		back, err := ReadTurtle(&b, "again", true)
		if err != nil {
			t.Fatalf("written TriG does not read: %v\n%s", err, b.String())
		}
		if len(back) != len(quads) {
			t.Fatalf("%d statements, %d after a round trip\n%s", len(quads), len(back), b.String())
		}
	})
}

// TestReadTurtleLines: each IRI subject is placed at the line where it is
// first written as a subject, however it is spelled (an IRI, a prefixed
// name, a relative IRI against @base), inside a TriG graph too; an IRI
// first met as an object or predicate is placed where it is a subject;
// blank nodes and IRIs never a subject are not placed; ReadTurtle's
// statements are the same.
func TestReadTurtleLines(t *testing.T) {
	doc := `@prefix s: <http://schema.org/> .
@base <https://cinema.example/> .
# a comment
<films/tide#movie> a s:Movie ;
    s:director <people/ines>,
        <people/tove> .

s:Thing s:name "a prefixed subject" .
_:b0 s:name "a blank node" .
  <people/tove>
    s:name "Tove" .
<films/tide#movie> s:name "Tide" .
`
	want := map[string]int{
		"https://cinema.example/films/tide#movie": 4,
		"http://schema.org/Thing":                 8,
		"https://cinema.example/people/tove":      10,
	}
	for _, trig := range []bool{false, true} {
		src := doc
		if trig {
			src += "<https://cinema.example/graphs/g> {\n\n  <people/ines> s:name \"Ines\" }\n"
		}
		quads, lines, err := ReadTurtleLines(strings.NewReader(src), "t", trig)
		if err != nil {
			t.Fatal(err)
		}
		w := maps.Clone(want)
		if trig {
			w["https://cinema.example/people/ines"] = 15
		}
		if !maps.Equal(lines, w) {
			t.Errorf("trig %v: lines %v; want %v", trig, lines, w)
		}
		plain, err := ReadTurtle(strings.NewReader(src), "t", trig)
		if err != nil || !slices.Equal(plain, quads) {
			t.Errorf("trig %v: ReadTurtle gives other statements (%v)", trig, err)
		}
		// Dataset.ReadTurtleLines places them alike, and reads the
		// statements as ReadQuads reads the list.
		d, listed := NewDataset(), NewDataset()
		dlines, ok, err := d.ReadTurtleLines(src, "t", trig)
		if err != nil || !ok || !maps.Equal(dlines, w) {
			t.Errorf("trig %v: Dataset.ReadTurtleLines: %v, %v, lines %v; want %v", trig, ok, err, dlines, w)
		}
		if err := listed.ReadQuads(quads, "t"); err != nil || !slices.Equal(d.Quads(), listed.Quads()) {
			t.Errorf("trig %v: Dataset.ReadTurtleLines read other statements than ReadQuads of the list (%v)", trig, err)
		}
	}
	if _, lines, err := ReadTurtleLines(strings.NewReader("<s> <p> <o> ."), "t", false); err == nil || lines != nil {
		t.Errorf("a relative IRI with no base: %v, %v", lines, err)
	}
	if lines, ok, err := NewDataset().ReadTurtleLines("<s> <p> <o> .", "t", false); err == nil || ok || lines != nil {
		t.Errorf("Dataset.ReadTurtleLines, a relative IRI with no base: %v, %v, %v", lines, ok, err)
	}
}
