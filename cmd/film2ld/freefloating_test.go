package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/film2ld/film2ld/ld"
	"github.com/film2ld/film2ld/ld/ldtest"
)

// TestReferenceFreeFloating: what convert warns JSON-LD drops at a
// document's top level (ld.FreeFloatingTop) is what jsonld.js, expanding
// it, drops with an "object with only @id", "… @value" or "… @list"
// event, kind by kind, for the documents of testdata/freefloating (a
// schema.org "id", a null value, @set, named graphs, arrays in arrays,
// and values and lists below the top, which stay), and convert's
// canonical N-Quads of each are jsonld.js's (not in safe mode, which
// refuses them), with one warning. It needs node and jsonld.js
// (NODE_PATH).
func TestReferenceFreeFloating(t *testing.T) {
	node := needNode(t)
	files, err := filepath.Glob("testdata/freefloating/*.jsonld")
	if err != nil || len(files) < 5 {
		t.Fatalf("%d files: %v", len(files), err)
	}
	script, err := filepath.Abs(filepath.Join("testdata", "freefloating.mjs"))
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(node, append([]string{script}, files...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("freefloating.mjs: %v\n%s", err, stderr.String())
	}
	var refs [][3]int
	if err := json.Unmarshal(out, &refs); err != nil || len(refs) != len(files) {
		t.Fatalf("freefloating.mjs gave %d results for %d files (%v)", len(refs), len(files), err)
	}
	for i, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		docs, err := ld.NewProcessor(ld.Config{}).Read(bytes.NewReader(data), f, ld.InputJSONLD)
		if err != nil || len(docs) != 1 {
			t.Fatalf("%s: %d documents, %v", f, len(docs), err)
		}
		got := ld.FreeFloatingTop(docs[0])
		if counts := [3]int{got.IDOnly, got.Values, got.Lists}; counts != refs[i] {
			t.Errorf("%s: only @id, @value, @list: film2ld %v, jsonld.js %v (%s)", f, counts, refs[i], got)
		}
	}
	canon := referenceOutputs(t, node, "canonize.mjs", files, "--lenient")
	for i, f := range files {
		code, ours, stderr := runCmd("convert", "-f", "canonical", f)
		warned := strings.Count(stderr, "that JSON-LD drops, giving no statement")
		if code != exitOK || ours != canon[i] || warned != min(refs[i][0]+refs[i][1]+refs[i][2], 1) {
			t.Errorf("%s: exit %d, %d warnings, canonical N-Quads\n%s\njsonld.js's\n%s\n%s", f, code, warned, ours, canon[i], stderr)
		}
	}
}

// TestReferenceFreeFloatingGenerated: what convert warns JSON-LD drops
// (ld.FreeFloatingTop) is what jsonld.js, expanding the document, drops
// with an "object with only @id", "… @value" or "… @list" event, kind by
// kind, over generated documents: items JSON-LD drops or keeps at the top
// of a graph and below it, in arrays, @set, @list, @included, object- and
// array-valued @graph, nodes' graphs below the top, under schema.org's
// context written as pages write it or a @vocab. FreeFloatingTop counted
// fewer where an object-valued @graph's one object was dropped (its
// holder is too), for a top-level @list's items, a top node's @included
// items and nodes' graphs below the top. jsonld.js is run by validate's
// script (schemas/testdata/dropped.mjs), whose counts are of every kind.
// It needs node and jsonld.js (NODE_PATH).
func TestReferenceFreeFloatingGenerated(t *testing.T) {
	node := needNode(t)
	n := ldtest.ReferenceCount()
	docs := ldtest.Generate(13, n, ldtest.Options{Keywords: true})
	script, err := filepath.Abs(filepath.Join("..", "..", "schemas", "testdata", "dropped.mjs"))
	if err != nil {
		t.Fatal(err)
	}
	refs, err := ldtest.ReferenceDrops(node, script, docs) // empty, only @id, @value, @list, values
	if err != nil {
		t.Fatal(err)
	}
	compared, dropping := 0, 0
	for i, doc := range docs {
		if refs[i] == nil {
			continue // jsonld.js refuses it
		}
		got, err := ld.NewProcessor(ld.Config{}).Read(strings.NewReader(doc), "doc.jsonld", ld.InputJSONLD)
		if err != nil {
			continue // convert refuses it (a key written twice)
		}
		compared++
		f := ld.FreeFloatingTop(got[0])
		// The top level's values and objects with nothing in them are
		// the check of the top level's (strayTopValues), the others'
		// FreeFloatingTop's.
		_, strays, _ := strayTopValues(got[0])
		want := [4]int{refs[i][0] + refs[i][4], refs[i][1], refs[i][2], refs[i][3]}
		if counts := [4]int{f.Empty + f.Scalars + strays, f.IDOnly, f.Values, f.Lists}; counts != want {
			t.Errorf("%s:\nempty or values, only @id, @value, @list: film2ld %v (%d of them the top level's), jsonld.js %v (%s)", doc, counts, strays, want, f)
		}
		if want != [4]int{} {
			dropping++
		}
	}
	if compared < n*3/4 || dropping < compared/3 {
		t.Errorf("%d documents of %d compared, %d of them dropping: the generator has drifted", compared, n, dropping)
	}
}
