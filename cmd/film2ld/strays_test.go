package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/film2ld/film2ld/ld"
)

// strayDocs are JSON-LD documents whose top level holds what JSON-LD
// drops, or nearly: with nothing else, beside nodes (before, after and
// between them, in nested arrays), beside a first node expansion
// refuses, an object holding a @context alone (a remote one, refused),
// numbers no double holds, a node whose key --lenient drops or whose
// number is refused after the items left out (its pointer), a key
// written twice, and documents with none.
var strayDocs = []string{
	`{}`, `5`, `"x"`, `null`, `[]`, `[[]]`, `[1, "x", null, true]`, `[{}, [], [{}, [1]]]`,
	`{"@context": "https://schema.org"}`, `{"@context": null}`, `[{"@context": null}, {}]`,
	`{"@context": "https://schema.org", "@graph": []}`,
	`{"@context": "https://schema.org", "@graph": [{}, {}, {}]}`,
	`{"@graph": [{}, 1], "@context": "https://schema.org"}`,
	`{"@context": {"@vocab": "http://x.example/"}, "@graph": [{}, "x"]}`,
	`{"@context": "https://schema.org", "@graph": [{}, {"@type": "Movie", "name": "Heat"}, 5, [1, {}, {"@type": "Person", "name": "Al"}]]}`,
	`{"@context": "https://schema.org", "@graph": [{"@type": "Movie", "name": "Heat"}, {}, {}, null]}`,
	`{"@context": "https://schema.org", "@graph": [{}, {"@type": "Movie", "name": "x", "@tpye": "y"}, 5]}`,
	`{"@context": "https://schema.org", "@graph": [{}, {"@type": "Movie", "name": "x"}, 5, {"@type": "Movie", "duration": 1e400}]}`,
	`{"@context": "https://schema.org", "@graph": [{}, 1e400, {"@type": "Movie", "name": "x"}]}`,
	`{"@context": "https://schema.org", "@graph": [{}, 2, "x", {"@type": "Movie", "name": "x"}, {}, null, [3], {"@type": "Movie", "duration": 1e400}]}`,
	`{"@context": "https://schema.org", "@graph": [{}, {}, {}, {"@type": "Movie", "name": "x", "@tpye": "y"}, [{}, {}, {"@type": "Movie", "name": "z", "@tpye": "y"}]]}`,
	`[{}, {}, [], {"@context": "https://schema.org", "@type": "Movie", "name": "x", "@tpye": "y"}, {}, {"@context": "https://schema.org", "@id": "_:b", "@type": "Movie", "duration": 9007199254740993}]`,
	`{"@context": "https://schema.org", "@graph": [1, 2, 1e400, 3, 1e400]}`,
	`{"@context": "https://schema.org", "@graph": [{}, {"@type": "Movie", "name": "x", "sameAs": "rel"}]}`,
	`{"@context": "https://schema.org", "@graph": [{}, {"@id": "_:b", "@type": "Movie", "name": "x"}, 2, {"@id": "_:b", "sameAs": "https://x.example/"}]}`,
	`{"@context": "https://schema.org", "@id": "https://x.example/g", "@graph": [{}, 1]}`,
	`{"@context": "https://schema.org", "@graph": {"@type": "Movie", "name": "x"}}`,
	`{"@context": "https://schema.org", "@graph": [{}, {"@type": "Movie", "name": "A", "a": 1, "a": 2}]}`,
	`{"@context": "https://schema.org", "@graph": [{}], "@graph": [{}]}`,
	`[{}, {"a": 1}]`, `[[1], {"a": 1}]`, `[1, {"a": 1}]`, `[1e400]`, `[{}, 1e400]`,
	`[{"@context": {"@type": "@id"}}]`,
	`[{"@context": "http://remote.example/c"}, {"@context": "https://schema.org", "@type": "Movie"}]`,
	`[{"@context": "http://remote.example/c"}]`, `{"@context": "http://remote.example/c", "@graph": [{}]}`,
	`[{}, {"@context": "https://schema.org", "@type": "Movie", "name": "m"}, 3, "x", null, [[]]]`,
	`[{"@context": "https://schema.org", "@type": "Movie", "name": "m"}, {}, {"@context": "https://schema.org", "@type": "Movie", "name": "n", "@foo": 1}]`,
	`{"a": 1, "@graph": [{}]}`, `{"@graph": [{}, {"a": 1}]}`,
	`[{"\u0040context": "https://schema.org"}, {"\u0040context": null}, {"@context": "https://schema.org", "a\"b": {"c": [1, "]}"]}, "@type": "Movie"}, {}]`,
	`{"@context": "https://schema.org", "@graph": [ { } , {"@context" : null } , { "@context": "https://schema.org" , "name": "x"} ]}`,
	"\ufeff" + `{"@context": "https://schema.org", "@graph": [ {} , 7 ]}`,
	`{"@context": "https://schema.org", "@graph": [{"@type": "Movie", "name": "x"}]}`,
	`{"@context": "https://schema.org", "@type": "Movie", "name": "x"}`,
}

// The scan of a document's text (ld.ScanStrays) says of its top level
// what the check of the decoded document (strayTopValues,
// ld.FirstNodeRefusal) says: how many items are no node, the first's
// pointer, how many are nodes, and whether its first node is refused.
func TestStrayScanMatchesDecodedCheck(t *testing.T) {
	p := processor()
	for _, doc := range strayDocs {
		docs, err := p.Read(strings.NewReader(doc), "doc.jsonld", ld.InputJSONLD)
		s, ok := ld.ScanStrays(strings.NewReader(doc))
		if err != nil {
			if ok {
				t.Errorf("%s: Read refuses it (%v), ScanStrays does not", doc, err)
			}
			continue
		}
		if !ok {
			t.Errorf("%s: ScanStrays refuses what Read reads", doc)
			continue
		}
		first, stray, nodes := strayTopValues(docs[0])
		want := ld.Strays{First: first, Count: stray, Nodes: nodes, Refused: ld.FirstNodeRefusal(docs[0]) != nil}
		s.NotObjects = 0 // validate's (pipeline.Load), which convert's check does not tell
		s.Context = ""   // validate's too (largeEmptyObjects)
		if s != want {
			t.Errorf("%s: ScanStrays = %+v; the decoded document's check: %+v", doc, s, want)
		}
	}
}

// convert of each strayDocs document, its stray items told and left out
// as its text is read (leaveStraysOut), prints, writes and exits as the
// check of the whole decoded document did: the same error at the same
// pointer, the same warnings, the same nodes kept with --lenient, in
// every format. So does a large input (over bigDocument), read from its
// file as it goes.
func TestConvertStraysLeftOutAsWhole(t *testing.T) {
	if testing.Short() {
		t.Skip("converts each document 40 times; skipped with -short")
	}
	lowerBigDocument(t)
	if !everyCase() {
		// A developer's run pads the large inputs to a quarter of CI's
		// megabyte: still four times the 64 KiB prefix refusedJSON reads
		// and over bigDocument, so read as they go the same way; the
		// padding's reading was nearly all of the test's CPU (7.2 s).
		bigDocument = 256 << 10
	}
	dir := t.TempDir()
	convert := func(args []string, leave bool) string {
		defer func(old bool) { leaveStraysOut = old }(leaveStraysOut)
		leaveStraysOut = leave
		var stdout, stderr bytes.Buffer
		status := run(args, nil, &stdout, &stderr)
		return fmt.Sprintf("exit %d\n%s\n%s", status, stderr.String(), stdout.String())
	}
	formats := []string{"nquads", "canonical", "jsonld", "expanded", "flattened", "html", "turtle", "trig"}
	for i, doc := range strayDocs {
		small := filepath.Join(dir, fmt.Sprintf("doc%d.jsonld", i))
		large := filepath.Join(dir, fmt.Sprintf("large%d.jsonld", i))
		if err := os.WriteFile(small, []byte(doc), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(large, []byte(doc+strings.Repeat(" ", bigDocument)), 0o644); err != nil {
			t.Fatal(err)
		}
		for fi, format := range formats {
			for li, lenient := range []bool{false, true} {
				paths := []string{small}
				if (format == "nquads" || format == "jsonld") && (everyCase() || (i+fi/2+li)%2 == 0) {
					// Read otherwise alike: nearly all of the test's
					// CPU is reading the megabyte of the large inputs,
					// so a developer's run reads each document's large
					// input once strict and once with --lenient, in one
					// of the two formats each, a different one document
					// by document (CI reads all four).
					paths = append(paths, large)
				}
				for _, path := range paths {
					args := []string{"convert", "-f", format, path}
					if lenient {
						args = append(args, "--lenient")
					}
					if got, want := convert(args, true), convert(args, false); got != want {
						t.Errorf("%s %v: left out as read:\n%s\nchecked whole:\n%s", doc, args[1:], got, want)
					}
				}
			}
		}
	}
}

// validate reads a large file whose top level holds {} alone (a
// "@graph" of them beside schema.org's context, a top-level array of
// them) as it goes, with the report the file read whole gives, in every
// format; any other such file is read whole.
func TestValidateEmptyObjectsAsReadWhole(t *testing.T) {
	defer func(n int) { bigDocument = n }(bigDocument)
	bigDocument = 0
	dir := t.TempDir()
	movie := `{"@id": "https://films.example/m/1", "@type": "Movie", "name": "X"}`
	for i, tt := range []struct {
		doc    string
		stream bool // read as it goes
	}{
		{`{"@context": "https://schema.org", "@graph": [{}]}`, true},
		{`{"@context": "https://schema.org", "@graph": [{}, {}, { }, {` + "\n" + `}]}` + "\n", true},
		{"\n\n  " + `{"@graph": [{}, {}], "@context": "http://schema.org/"}`, true},
		{`{"@context": "https://schema.org/", "@graph": [{}, [], {}]}`, false},
		{`{"@context": "https://schema.org", "@graph": [{}, [{}], {}]}`, false},
		{`{"@context": ["https://schema.org"], "@graph": [{}, {}]}`, false},
		{`{"@context": "https://example.org/c.jsonld", "@graph": [{}, {}]}`, false},
		{`{"@context": {"@vocab": "https://schema.org/"}, "@graph": [{}, {}]}`, false},
		{`{"@context": "https://schema.org", "@graph": [{}, {"@context": "https://schema.org"}]}`, false},
		{`{"@context": "https://schema.org", "@graph": [{}, {"\u0040context": "https://example.org/c.jsonld"}]}`, false},
		{`{"@context": "https://schema.org", "@graph": [{}, 1, {}]}`, false},
		{`{"@context": "https://schema.org", "@graph": [{}, ` + movie + `, {}]}`, false},
		{`{"@context": "https://schema.org", "@id": "https://films.example/g", "@graph": [{}, {}]}`, false},
		{`{"@context": "https://schema.org", "@graph": {}}`, false},
		{"\ufeff" + `{"@context": "https://schema.org", "@graph": [{}, {}]}`, false},
		{`[{}]`, true},
		{"\n \t\n   [{}, {}, {},\n{}]\n", true},
		{"\ufeff\n" + `[{}, {}]`, true},
		{`[{}, [{}, []], {}]`, false},
		{`[{}, {"@context": "https://schema.org"}]`, false},
		{`[{}, {"\u0040context": "https://example.org/c.jsonld"}]`, true},
		{`[{}, 1]`, false},
		{`[{}, ` + movie + `]`, false},
		{`[{}, {"name": "X"}]`, false},
		{`{}`, false},
	} {
		path := filepath.Join(dir, fmt.Sprintf("doc%d.jsonld", i))
		if err := os.WriteFile(path, []byte(tt.doc), 0o644); err != nil {
			t.Fatal(err)
		}
		e := &env{}
		_, _, streamed, err := e.largeEmptyObjects(&validateJob{format: "text"}, path)
		if streamed != tt.stream || err != nil {
			t.Errorf("%s: read as it goes: %v, %v; want %v", tt.doc, streamed, err, tt.stream)
		}
		for _, format := range []string{"text", "json", "sarif", "github"} {
			validate := func(leave bool) string {
				defer func(old bool) { leaveStraysOut = old }(leaveStraysOut)
				leaveStraysOut = leave
				var stdout, stderr bytes.Buffer
				status := run([]string{"validate", "-f", format, path}, nil, &stdout, &stderr)
				return fmt.Sprintf("exit %d\n%s\n%s", status, stderr.String(), stdout.String())
			}
			if got, want := validate(true), validate(false); got != want {
				t.Errorf("%s -f %s: read as it goes:\n%s\nread whole:\n%s", tt.doc, format, got, want)
			}
		}
	}
}
