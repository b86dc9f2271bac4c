package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// A tiny release in the shape of the real files; the real ones stay outside
// the module and are never read by tests.
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
