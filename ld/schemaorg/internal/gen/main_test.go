package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// A tiny release in the shape of the real files, so that the generator's
// rules are tested on cases small enough to read.
const (
	testContext = `{"@context": {"type": "@type", "id": "@id", "@vocab": "http://schema.org/",
  "schema": "http://schema.org/", "Movie": {"@id": "schema:Movie"},
  "datePublished": {"@id": "schema:datePublished", "@type": "Date"}}}`
	testVocab = `{"@context": {}, "@graph": [
  {"@id": "schema:Thing", "@type": "rdfs:Class", "rdfs:label": "Thing"},
  {"@id": "schema:Text", "@type": ["schema:DataType", "rdfs:Class"]},
  {"@id": "schema:URL", "@type": "rdfs:Class", "rdfs:subClassOf": {"@id": "schema:Text"}},
  {"@id": "schema:Enumeration", "@type": "rdfs:Class", "rdfs:subClassOf": {"@id": "schema:Thing"}},
  {"@id": "schema:DayOfWeek", "@type": "rdfs:Class", "rdfs:subClassOf": {"@id": "schema:Enumeration"}},
  {"@id": "schema:Monday", "@type": "schema:DayOfWeek"},
  {"@id": "schema:Movie", "@type": "rdfs:Class", "rdfs:subClassOf": {"@id": "schema:Thing"}},
  {"@id": "schema:actors", "@type": "rdf:Property", "schema:supersededBy": {"@id": "schema:actor"},
   "schema:domainIncludes": {"@id": "schema:Movie"}, "schema:rangeIncludes": {"@id": "schema:Thing"}},
  {"@id": "unece:Invoice", "@type": "rdfs:Class"}
]}`
)

func TestRunDeterministic(t *testing.T) {
	data := t.TempDir()
	must(t, os.WriteFile(filepath.Join(data, contextFile), []byte(testContext), 0o644))
	must(t, os.WriteFile(filepath.Join(data, vocabFile), []byte(testVocab), 0o644))
	var first map[string][]byte
	for range 3 {
		out := t.TempDir()
		must(t, run(data, out, "0.0"))
		got := map[string][]byte{}
		for _, name := range []string{"context_gen.go", "vocab_gen.go"} {
			b, err := os.ReadFile(filepath.Join(out, name))
			must(t, err)
			got[name] = b
		}
		if first == nil {
			first = got
			continue
		}
		for name := range got {
			if !bytes.Equal(got[name], first[name]) {
				t.Errorf("%s differs between runs", name)
			}
		}
	}
	for _, want := range []string{
		`{"DayOfWeek", "", "", isEnumeration, []string{"Enumeration"}}`,
		`{"URL", "", "", isDataType, []string{"Text"}}`,
		`{"actors", "actor", "", "", []string{"Movie"}, []string{"Thing"}}`,
		`{"Monday", "", "", []string{"DayOfWeek"}}`,
		"DO NOT EDIT",
	} {
		if !bytes.Contains(first["vocab_gen.go"], []byte(want)) {
			t.Errorf("vocab_gen.go lacks %s", want)
		}
	}
	if bytes.Contains(first["vocab_gen.go"], []byte("Invoice")) {
		t.Error("a term of another vocabulary was kept")
	}
	if !bytes.Contains(first["context_gen.go"], []byte(`"datePublished":{"@id":"schema:datePublished","@type":"Date"}`)) {
		t.Errorf("context not minified term by term:\n%s", first["context_gen.go"])
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func TestFindRelease(t *testing.T) {
	root := t.TempDir()
	must(t, os.Mkdir(filepath.Join(root, "29.4"), 0o755))
	must(t, os.Mkdir(filepath.Join(root, "notes"), 0o755))
	dir, release, err := findRelease(root)
	must(t, err)
	if release != "29.4" || dir != filepath.Join(root, "29.4") {
		t.Errorf("findRelease = %q, %q; want the 29.4 folder", dir, release)
	}
	must(t, os.Mkdir(filepath.Join(root, "30.0"), 0o755))
	if _, _, err := findRelease(root); err == nil {
		t.Error("two release folders: want an error, got none")
	}
	if _, _, err := findRelease(t.TempDir()); err == nil {
		t.Error("no release folder: want an error, got none")
	}
}

// TestCommittedTablesAreGenerated regenerates the tables from the release
// files committed in the repository and requires the committed sources to be
// exactly what the generator writes, so that a hand edit of a generated file,
// or a release folder changed without running go generate, fails the tests.
func TestCommittedTablesAreGenerated(t *testing.T) {
	dir, release, err := findRelease("../../release")
	must(t, err)
	out := t.TempDir()
	must(t, run(dir, out, release))
	for _, name := range []string{"context_gen.go", "vocab_gen.go"} {
		want, err := os.ReadFile(filepath.Join("../..", name))
		must(t, err)
		got, err := os.ReadFile(filepath.Join(out, name))
		must(t, err)
		if !bytes.Equal(got, want) {
			t.Errorf("%s is not what go generate writes from %s; run go generate ./ld/schemaorg", name, dir)
		}
	}
}
