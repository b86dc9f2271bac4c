package schemas

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/film2ld/film2ld/ld"
	"github.com/film2ld/film2ld/ld/ldtest"
	"github.com/film2ld/film2ld/schemas/internal/jsonpos"
)

// counts is what d counts, kind by kind, in dropKind's order.
func (d dropped) counts() [dropKinds]int { return d.ordered() }

// ordered is d's counts as the tests write them: {}, nodes with only @id,
// @value and @list objects, values.
func (d dropped) ordered() [dropKinds]int {
	return [dropKinds]int{d.n[dropEmpty], d.n[dropIDOnly], d.n[dropValue], d.n[dropList], d.n[dropScalar]}
}

// allDropped counts what JSON-LD drops of the document v, its top-level
// values among them (the builder's, which findDropped leaves to it): the
// counts jsonld.js's expansion events give.
func allDropped(v *jsonpos.Value) [dropKinds]int {
	d := dropped{everyValue: true}
	d.atTop(v, ld.DropContext{}, true, true)
	return d.ordered()
}

// findDropped counts, kind by kind, what JSON-LD's expansion drops at
// the top of a graph (the document's and any node's @graph), and nothing
// it keeps: a node with @id and anything else, a reference, a node in
// @included below the top, a reverse property, a value below the top.
func TestFindDropped(t *testing.T) {
	for _, tt := range []struct {
		doc  string
		want [dropKinds]int // empty, only @id, @value, @list, values (in a node's @graph)
	}{
		{`{"@context": "https://schema.org", "@graph": [{"@id": "a"}, {"id": "b"}, {"@id": "c", "@type": "Movie"}, {"@id": "d", "name": null}]}`, [5]int{0, 3, 0, 0, 0}},
		{`{"@graph": [{"id": "b"}], "@context": "https://schema.org"}`, [5]int{0, 1, 0, 0, 0}},
		{`{"@context": {"@vocab": "https://schema.org/"}, "@graph": [{"id": "b"}]}`, [5]int{}},
		{`{"@context": ["https://schema.org", {"@language": "en"}], "@graph": [{"id": "b"}]}`, [5]int{0, 1, 0, 0, 0}},
		{`{"@context": ["https://schema.org", {"id": "https://example.org/id"}], "@graph": [{"id": "b"}]}`, [5]int{}},
		{`[{"@context": "https://schema.org", "@type": "Movie", "name": "X"}, {"id": "b"}, {"@context": "https://schema.org", "id": "c"}]`, [5]int{0, 1, 0, 0, 0}},
		{`{"@context": "https://schema.org", "@graph": [{"@value": "x"}, {"@list": [1]}, {"@set": [{"@id": "a"}, {}]}, {}, 3]}`, [5]int{2, 1, 1, 1, 1}},
		{`{"@context": "https://schema.org", "@type": "Movie", "name": "X", "@graph": [{}, {"@id": "a"}, 3, [4]]}`, [5]int{1, 1, 0, 0, 2}},
		{`{"@context": "https://schema.org", "@graph": {"@id": "a"}}`, [5]int{1, 1, 0, 0, 0}},
		{`{"@context": "https://schema.org", "@graph": [{"@id": "g", "@graph": {}}, {"@set": {"@value": 1}}, {"@list": [{"@id": "a"}, "b"]}]}`, [5]int{2, 2, 1, 1, 1}},
		{`{"@context": "https://schema.org", "@graph": [{"@type": "Movie", "subjectOf": {"@graph": [{}, {"@id": "x"}, "v", {"@type": "Movie"}]}}]}`, [5]int{1, 1, 0, 0, 1}},
		{`{"@context": "https://schema.org", "@type": "Movie", "director": {"@id": "p"}, "actor": [{"@id": "q"}, {}], "name": {"@value": "X"}, "genre": {"@list": ["a"]}}`, [5]int{}},
		{`{"@context": "https://schema.org", "@id": "m", "@type": "Movie", "@included": [{"@id": "p"}, {"@type": "Person", "name": "P"}]}`, [5]int{0, 1, 0, 0, 0}},
		{`{"@context": "https://schema.org", "@type": "Movie", "director": {"@id": "p", "@included": [{"@id": "q", "name": "Q"}]}}`, [5]int{}},
		{`{"@context": "https://schema.org", "@id": "p", "@reverse": {"author": {"@id": "r"}}}`, [5]int{}},
		{`{"@context": "https://schema.org", "@id": "g", "@graph": [{"@id": "a", "@graph": [{"@id": "b"}]}]}`, [5]int{0, 1, 0, 0, 0}},
		{`{"@context": "https://schema.org", "id": "a"}`, [5]int{0, 1, 0, 0, 0}},
		{`{"@context": "https://schema.org", "@graph": null, "@id": "a"}`, [5]int{0, 1, 0, 0, 0}},
		{`{"@context": "https://schema.org", "@id": "a", "@index": "i"}`, [5]int{}},
		// A scoped context may define "id" below a property (jsonld.js
		// keeps {"id": "x"} here, a node with a property): "id" is not
		// read as @id under one.
		{`{"@context": ["https://schema.org", {"subjectOf": {"@id": "https://schema.org/subjectOf", "@context": {"id": "https://schema.org/identifier"}}}], "@type": "Movie", "subjectOf": {"@graph": [{"id": "x"}]}}`, [5]int{}},
		// null in a node's @graph is nothing: jsonld.js drops it
		// without a word, as it does no value.
		{`{"@context": "https://schema.org", "@id": "g", "@graph": [{"@type": "Movie"}, 1, null, [null], "s"]}`, [5]int{0, 0, 0, 0, 2}},
		// A value object whose @value is null expands to nothing, in
		// silence: no object with nothing in it; what held it alone is
		// emptied as jsonld.js empties it.
		{`{"@context": "https://schema.org", "@graph": [{"@value": null}, {"@value": null, "@language": "en"}, {"@list": [{"@value": null}]}]}`, [5]int{0, 0, 0, 1, 0}},
		{`{"@context": "https://schema.org", "@graph": [{"@set": {"@value": null}}, {"@id": "g", "@graph": {"@value": null}}]}`, [5]int{1, 1, 0, 0, 0}},
		// Expansion keeps no key that a term aliases to @id or @value
		// reads as the keyword, a term defined as null, an "@nest"
		// holding nothing, an "@reverse" of no property, or "@type":
		// []: each leaves a node with only @id, or a value object
		// (jsonld.js's counts; validate missed them all).
		{`{"@context": ["https://schema.org", {"ident": "@id"}], "@graph": [{"ident": "a"}, {"ident": "b", "name": "B"}]}`, [5]int{0, 1, 0, 0, 0}},
		{`{"@context": ["https://schema.org", {"val": {"@id": "@value"}}], "@graph": [{"val": "x"}, {"val": null}]}`, [5]int{0, 0, 1, 0, 0}},
		{`{"@context": ["https://schema.org", {"gone": null}], "@graph": [{"@id": "a", "gone": "x"}, {"gone": 1}]}`, [5]int{1, 1, 0, 0, 0}},
		{`{"@context": "https://schema.org", "@graph": [{"@id": "a", "@nest": {}}, {"@id": "b", "@nest": {"name": null}}, {"@id": "c", "@nest": {"name": "C"}}]}`, [5]int{0, 2, 0, 0, 0}},
		{`{"@context": "https://schema.org", "@graph": [{"@id": "a", "@reverse": {}}, {"@id": "b", "@reverse": {"author": null}}, {"@id": "c", "@reverse": {"author": {"@id": "r"}}}]}`, [5]int{0, 2, 0, 0, 0}},
		{`{"@context": "https://schema.org", "@graph": [{"@id": "a", "@type": []}, {"id": "b", "type": []}, {"@id": "c", "@type": ["Movie"]}]}`, [5]int{0, 2, 0, 0, 0}},
		// "@propagate": true changes nothing (it was read as another
		// context); schema.org's context defines its own terms anew,
		// "id" as @id and "url" as a property, whatever came before.
		{`{"@context": ["https://schema.org", {"@propagate": true}], "@graph": [{"id": "a"}]}`, [5]int{0, 1, 0, 0, 0}},
		{`{"@context": ["https://schema.org", {"ident": "@id"}, "https://schema.org"], "@graph": [{"ident": "a"}]}`, [5]int{0, 1, 0, 0, 0}},
		{`{"@context": ["https://schema.org", {"id": "@id"}, "https://schema.org"], "@graph": [{"id": "a"}]}`, [5]int{0, 1, 0, 0, 0}},
		{`{"@context": ["https://schema.org", {"url": "@id"}, "https://schema.org"], "@graph": [{"url": "a"}]}`, [5]int{}},

		// A term typed @json keeps null as its value (JSON's null):
		// no object with nothing in it, nor a node with only @id.
		{`{"@context": ["https://schema.org", {"data": {"@id": "https://schema.org/data", "@type": "@json"}}], "@graph": [{"@type": "Movie", "name": "X"}, {"data": null}, {"@id": "a", "data": null}, {"@id": "b", "name": null}]}`, [5]int{0, 1, 0, 0, 0}},
		// A context of many terms is indexed: its aliases and null
		// terms read as through the list, a node's own context above it
		// first.
		{`{"@context": ["https://schema.org", {"ident": "@id", "gone": null, "t0": "https://ex.org/t0", "t1": "https://ex.org/t1", "t2": "https://ex.org/t2", "t3": "https://ex.org/t3", "t4": "https://ex.org/t4", "t5": "https://ex.org/t5", "t6": "https://ex.org/t6", "t7": "https://ex.org/t7", "t8": "https://ex.org/t8", "t9": "https://ex.org/t9", "t10": "https://ex.org/t10", "t11": "https://ex.org/t11", "t12": "https://ex.org/t12", "t13": "https://ex.org/t13", "t14": "https://ex.org/t14", "t15": "https://ex.org/t15", "t16": "https://ex.org/t16", "t17": "https://ex.org/t17", "t18": "https://ex.org/t18", "t19": "https://ex.org/t19", "t20": "https://ex.org/t20", "t21": "https://ex.org/t21", "t22": "https://ex.org/t22", "t23": "https://ex.org/t23", "t24": "https://ex.org/t24", "t25": "https://ex.org/t25", "t26": "https://ex.org/t26", "t27": "https://ex.org/t27", "t28": "https://ex.org/t28", "t29": "https://ex.org/t29", "t30": "https://ex.org/t30", "t31": "https://ex.org/t31", "t32": "https://ex.org/t32", "t33": "https://ex.org/t33", "t34": "https://ex.org/t34", "t35": "https://ex.org/t35", "t36": "https://ex.org/t36", "t37": "https://ex.org/t37", "t38": "https://ex.org/t38", "t39": "https://ex.org/t39", "ident": "https://schema.org/identifier"}], "@graph": [{"ident": "a"}, {"@id": "b", "gone": 1, "t3": null}, {"@context": {"ident": "@id"}, "ident": "c"}]}`, [5]int{0, 2, 0, 0, 0}},
		// A property-scoped context applies to its value only.
		{`{"@context": ["https://schema.org", {"subjectOf": {"@id": "https://schema.org/subjectOf", "@context": {"ident": "@id"}}}], "@type": "Movie", "subjectOf": {"@graph": [{"ident": "a"}]}, "@graph": [{"ident": "b"}]}`, [5]int{0, 1, 0, 0, 0}},
	} {
		v, err := jsonpos.Parse([]byte(tt.doc))
		if err != nil {
			t.Fatal(err)
		}
		if got := findDropped(v, jsonpos.LeftOut{FirstValue: -1, FirstEmpty: -1}).counts(); got != tt.want {
			t.Errorf("%s: %v, want %v", tt.doc, got, tt.want)
		}
	}
}

// A page's block whose one node has only @id holds no node: it was told
// "beside its nodes" of its value, an error of the wrong words. Each
// kind JSON-LD drops is one finding at its first, counting them, in
// the words and severities validate gives them.
func TestDroppedFindings(t *testing.T) {
	page := "<html><head>\n<script type=\"application/ld+json\">[{\"@context\": \"https://schema.org\", \"@id\": \"https://films.example/a\"}, 3]</script>\n</head></html>\n"
	g, err := LoadHTML([]byte(page), "p.html")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range Validate(g, Google) {
		got = append(got, fmt.Sprintf("%d:%d %s %s: %s", f.Pos.Line, f.Pos.Col, f.Severity, f.Rule, f.Message))
	}
	want := []string{
		"2:37 warning jsonld.syntax: the script block holds 1 node with only @id at the top of a graph (its own, or a node's @graph), which JSON-LD drops: it states nothing",
		"2:107 error jsonld.empty: the script block holds no node, only 1 value that is not a node, which JSON-LD drops, so nothing was checked",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	doc := "{\"@context\": \"https://schema.org\",\n \"@graph\": [\n  {\"@id\": \"a\"},\n  {\"@type\": \"Movie\", \"name\": \"X\", \"image\": \"https://films.example/x.jpg\"},\n  {},\n  {\"@value\": 1}, {\"@value\": 2},\n  {\"@list\": []},\n  {\"@id\": \"b\"},\n  {\"@type\": \"Movie\", \"name\": \"Y\", \"@graph\": [\"v\"]}\n ]\n}\n"
	g, err = Load([]byte(doc), "d.jsonld")
	if err != nil {
		t.Fatal(err)
	}
	got = nil
	for _, f := range Validate(g, SchemaOrg) {
		if f.Rule == RuleJSONLDSyntax {
			got = append(got, fmt.Sprintf("%d:%d %s: %s (%s)", f.Pos.Line, f.Pos.Col, f.Severity, f.Message, f.Fix))
		}
	}
	want = []string{
		`3:3 warning: the document holds 2 nodes with only @id at the top of a graph (its own, or a node's @graph; the first here), which JSON-LD drops: they state nothing (describe the node ("@type" and its properties), refer to it from a node's property, or remove it)`,
		`5:3 warning: the document holds 1 object with nothing in it ({}) at the top of a graph (its own, or a node's @graph), which JSON-LD drops: it states nothing (remove the empty objects)`,
		`6:3 error: the document holds 2 @value objects at the top of a graph (its own, or a node's @graph; the first here), which JSON-LD drops: search engines never see their values (put each value in a node's property, or remove it)`,
		`7:3 error: the document holds 1 @list object at the top of a graph (its own, or a node's @graph), which JSON-LD drops: search engines never see its values (put each list in a node's property, or remove it)`,
		`9:46 error: the document holds 1 value that is not a node at the top of a graph (its own, or a node's @graph), which JSON-LD drops: search engines never see it (put each fact in a node's property, or remove the stray values)`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestReferenceDropped: what validate tells JSON-LD drops (findDropped,
// with the builder's top-level values) is what jsonld.js, expanding the
// document, drops with an "empty object", "object with only @id", "…
// @value", "… @list" or "free-floating scalar" event, kind by kind, over
// generated documents; and reading linked data's form an item at a time
// (scanDropped) counts what findDropped counts, at the same places. It
// needs node and jsonld.js (NODE_PATH).
func TestReferenceDropped(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node not installed; .ci/run installs it")
	}
	if os.Getenv("NODE_PATH") == "" {
		t.Skip("NODE_PATH does not point at an install of jsonld (npm install jsonld@9); .ci/run sets it")
	}
	n := ldtest.ReferenceCount()
	docs := ldtest.Generate(12, n, ldtest.Options{Keywords: true})
	script, err := filepath.Abs(filepath.Join("testdata", "dropped.mjs"))
	if err != nil {
		t.Fatal(err)
	}
	refs, err := ldtest.ReferenceDrops(node, script, docs)
	if err != nil {
		t.Fatal(err)
	}
	compared, dropping := 0, 0
	for i, doc := range docs {
		if refs[i] == nil {
			continue // jsonld.js refuses it
		}
		compared++
		v, err := jsonpos.Parse([]byte(doc))
		if err != nil {
			t.Fatalf("%s: %v", doc, err)
		}
		if got := allDropped(v); got != *refs[i] {
			t.Errorf("%s:\nfilm2ld %v, jsonld.js %v (empty, only @id, @value, @list, values)", doc, got, *refs[i])
		}
		if *refs[i] != [dropKinds]int{} {
			dropping++
		}
		graphOnly := v.Kind == jsonpos.Object && v.Get("@graph") != nil && onlyKeys(v, "@context", "@graph")
		// A top object that writes a key twice is left alone by the
		// scan (read as its last writing).
		if v.Kind == jsonpos.Array || graphOnly && v.Get("@graph").Kind == jsonpos.Array && len(v.Dups()) == 0 {
			want := findDropped(v, jsonpos.LeftOut{FirstValue: -1, FirstEmpty: -1})
			got, ok := scanDropped([]byte(doc))
			got.base, want.base = 0, 0
			if every := (dropped{everyValue: true}); v.Kind == jsonpos.Array {
				// The values in the @graph of a top-level item that is
				// a @graph beside a @context alone are the builder's
				// in the whole document (findDropped leaves them to
				// it), the scan's in linked data's form, which no
				// builder reads: either way each is told once.
				every.atTop(v, ld.DropContext{}, true, true)
				want.n[dropScalar], want.first[dropScalar] = every.n[dropScalar], every.first[dropScalar]
			}
			if !ok || got != want {
				t.Errorf("%s:\nread an item at a time %+v (%v), whole %+v", doc, got, ok, want)
			}
		}
	}
	if compared < n*3/4 || dropping < compared/3 {
		t.Errorf("%d documents of %d compared, %d of them dropping: the generator has drifted", compared, n, dropping)
	}
}

// scanDropped, reading linked data's form an item at a time and parsing
// only items that may hold a drop, counts what findDropped counts of the
// whole, at the same places: strings that hold brackets, quotes and
// escapes, keys spelled with escapes, white space of every kind, and a
// @context written after the "@graph".
func TestScanDropped(t *testing.T) {
	for _, doc := range []string{
		`{"@context": "https://schema.org", "@graph": [ {"@id": "a\"]}", "name": "x{["} , {"\u0040id": "b"}, {"@id": "c"} ,{"i\u0064": "d"}]}`,
		"{\"@graph\":[\n\t{\"id\":\"a\"},\r\n{\"@id\" : \"b\" , \"name\" : null},{\"@id\":\"c\",\"@type\":\"Movie\"}],\"@context\":\"https://schema.org\"}",
		`{"@graph": [{"id": "a"}, {"@id": "b", "@type": "Movie", "subjectOf": {"@graph": [{}, {"@id": "x"}]}}], "@context": {"@vocab": "https://schema.org/"}}`,
		`{"@context": "https://schema.org", "@id": "g", "@graph": [{"@value": "v"}, {"@list": [1, {"@id": "l"}]}, {"@set": [{"@id": "s"}]}], "@included": [{"@id": "i"}], "about": {"@graph": [{}]}}`,
		`[{"@context": "https://schema.org", "id": "a"}, {"@id": "b", "@type": "Movie"}, [{"@id": "c"}], {"@context": "https://schema.org", "@graph": [{"id": "d"}]}]`,
		`{"@context": "https://schema.org", "@graph": []}`,
		`[]`,
		`{"@context": "https://schema.org", "\u0040graph": [{"@id": "a", "@id": "b"}, {"@id": "c", "name": "x", "name": null}, {"@id": "d", "@type": "Movie", "@type": "Movie"}]}`,
	} {
		v, err := jsonpos.Parse([]byte(doc))
		if err != nil {
			t.Fatalf("%s: %v", doc, err)
		}
		want := findDropped(v, jsonpos.LeftOut{FirstValue: -1, FirstEmpty: -1})
		got, ok := scanDropped([]byte(doc))
		got.base, want.base = 0, 0
		if !ok || got != want {
			t.Errorf("%s:\nread an item at a time %+v (%v), whole %+v", doc, got, ok, want)
		}
	}
	for _, doc := range []string{`{"@context": "https://schema.org", "@type": "Movie"}`, `"x"`, `{"@graph": [}`} {
		if _, ok := scanDropped([]byte(doc)); ok {
			t.Errorf("%s: read, where it is no array or @graph of linked data's form", doc)
		}
	}
}

// BenchmarkScanDropped reads 2 MB of a flattened @graph of Movies and
// their directors, a node with only @id every 100 items, as validate
// reads linked data's form for what JSON-LD dropped.
func BenchmarkScanDropped(b *testing.B) {
	var doc strings.Builder
	doc.WriteString(`{"@context": "https://schema.org", "@graph": [` + "\n")
	for i := 0; doc.Len() < 2<<20; i++ {
		if i > 0 {
			doc.WriteString(",\n")
		}
		fmt.Fprintf(&doc, `{"@id": "https://films.example/m/%d", "@type": "Movie", "name": "Film %d", "director": {"@id": "https://films.example/p/%d"}},`+"\n", i, i, i)
		fmt.Fprintf(&doc, `{"@id": "https://films.example/p/%d", "@type": "Person", "name": "Person %d"}`, i, i)
		if i%50 == 0 {
			fmt.Fprintf(&doc, `, {"@id": "https://films.example/x/%d"}`, i)
		}
	}
	doc.WriteString("\n]}\n")
	data := []byte(doc.String())
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if d, ok := scanDropped(data); !ok || d.n[dropIDOnly] == 0 {
			b.Fatal(d, ok)
		}
	}
}

// FuzzScanDropped holds scanDropped, the byte scanner of linked data's
// form, to findDropped of the parsed whole, and to no panic on any JSON.
func FuzzScanDropped(f *testing.F) {
	for _, doc := range []string{
		`{"@context": "https://schema.org", "@graph": [{"@id": "a"}, {"@id": "b", "@type": "Movie"}, {}, {"@value": "x"}]}`,
		`[{"@context": "https://schema.org", "id": "a"}, {"@id": "b", "@graph": [{"@list": [1]}]}]`,
		`{"@graph": [{"i\u0064": "a\"}"}, {"@set": [{"@id": "c"}]}], "@context": ["https://schema.org", {"@language": "en"}]}`,
	} {
		f.Add(doc)
	}
	f.Fuzz(func(t *testing.T, doc string) {
		if len(doc) > 4096 || !json.Valid([]byte(doc)) {
			return
		}
		got, ok := scanDropped([]byte(doc))
		v, err := jsonpos.Parse([]byte(doc))
		if err != nil || !ok {
			return
		}
		graphOnly := v.Kind == jsonpos.Object && v.Get("@graph") != nil && v.Get("@graph").Kind == jsonpos.Array && onlyKeys(v, "@context", "@graph")
		if v.Kind != jsonpos.Array && !graphOnly {
			return
		}
		want := findDropped(v, jsonpos.LeftOut{FirstValue: -1, FirstEmpty: -1})
		got.base, want.base, got.everyValue = 0, 0, false
		if got != want {
			t.Errorf("%s:\nread an item at a time %+v, whole %+v", doc, got, want)
		}
	})
}
