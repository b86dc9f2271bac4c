package ld_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/film2ld/film2ld/ld"
)

// fixture is one conformance case from testdata/conformance.
type fixture struct {
	name     string
	doc      any
	expected string // canonical N-Quads made by jsonld.js
	opts     ld.Options
}

func loadFixtures(t testing.TB) []fixture {
	t.Helper()
	dir := filepath.Join("testdata", "conformance")
	var manifest map[string]struct{ Base string }
	readJSON(t, filepath.Join(dir, "manifest.json"), &manifest)
	files, err := filepath.Glob(filepath.Join(dir, "*.jsonld"))
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(files)
	var out []fixture
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".jsonld")
		var doc any
		readJSON(t, f, &doc)
		nq, err := os.ReadFile(filepath.Join(dir, name+".nq"))
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, fixture{name: name, doc: doc, expected: string(nq), opts: ld.Options{Base: manifest[name].Base}})
	}
	if len(out) == 0 {
		t.Fatal("no fixtures")
	}
	return out
}

func loadDoc(t testing.TB, name string) any {
	t.Helper()
	var doc any
	readJSON(t, filepath.Join("testdata", "conformance", name+".jsonld"), &doc)
	return doc
}

func readJSON(t testing.TB, path string, v any) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

// roundTripJSON returns v as encoding/json would decode its text, the way a
// written document is read back.
func roundTripJSON(t testing.TB, v any) any {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var out any
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

func readJSONString(t testing.TB, s string, v any) {
	t.Helper()
	if err := json.Unmarshal([]byte(s), v); err != nil {
		t.Fatalf("%v in\n%s", err, s)
	}
}

func stringsReader(s string) *strings.Reader { return strings.NewReader(s) }
