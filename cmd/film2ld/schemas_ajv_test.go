package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/film2ld/film2ld/schemas"
)

// TestPrintedSchemasWithAjv checks the schemas of --print-schema with ajv,
// a second JSON Schema validator written independently of gojsonschema:
// they compile, accept every Movie, Person, Review, rating and role node
// of film2ld's own JSON-LD exports as written, and reject broken nodes.
// ajv is installed outside the module, as .ci/run installs it.
func TestPrintedSchemasWithAjv(t *testing.T) {
	t.Parallel() // mostly waits on another process: runs beside the CPU-bound tests
	node, err := exec.LookPath("node")
	modules := os.Getenv("NODE_PATH")
	if err != nil || modules == "" {
		t.Skip("node or NODE_PATH missing; .ci/run installs ajv into $HOME/.cache/film2ld-reference")
	}
	if _, err := os.Stat(filepath.Join(modules, "ajv")); err != nil {
		t.Skipf("ajv not installed in NODE_PATH (%s): npm install ajv@8.20.0 there; .ci/run does", modules)
	}
	input := map[string]any{}
	schemaDocs := map[string]any{}
	for _, typ := range schemas.SchemaTypes() {
		data, err := schemas.SchemaJSON(typ)
		if err != nil {
			t.Fatal(err)
		}
		var doc any
		if err := json.Unmarshal(data, &doc); err != nil {
			t.Fatal(err)
		}
		schemaDocs[typ] = doc
	}
	input["schemas"] = schemaDocs
	type item struct {
		Type string `json:"type"`
		Node any    `json:"node"`
	}
	var nodes []item
	for _, files := range exportCases(t) {
		var doc any
		if err := json.Unmarshal(exportBytes(t, "jsonld", files), &doc); err != nil {
			t.Fatal(err)
		}
		walkNodes(doc, func(typ string, n map[string]any) { nodes = append(nodes, item{typ, n}) })
	}
	good := len(nodes)
	if good < 20 {
		t.Fatalf("only %d nodes in the exports", good)
	}
	for _, bad := range []string{
		`{"@type": "Movie", "name": "Heat", "duration": "2 hours"}`,
		`{"@type": "Review", "author": 7}`,
		`{"@type": "AggregateRating", "ratingValue": 4, "ratingCount": "many"}`,
	} {
		var n map[string]any
		json.Unmarshal([]byte(bad), &n)
		nodes = append(nodes, item{n["@type"].(string), n})
	}
	input["nodes"] = nodes
	data, _ := json.Marshal(input)
	path := filepath.Join(t.TempDir(), "input.json")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(node, "testdata/ajv-check.mjs", path)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("ajv: %v\n%s", err, stderr.String())
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) != len(nodes) {
		t.Fatalf("%d results for %d nodes", len(lines), len(nodes))
	}
	for i, l := range lines {
		if ok := l == "ok"; ok != (i < good) {
			n, _ := json.Marshal(nodes[i].Node)
			t.Errorf("ajv on %s %.200s: %s", nodes[i].Type, n, l)
		}
	}
}

// walkNodes calls f for every object whose "@type" has a JSON Schema.
func walkNodes(v any, f func(string, map[string]any)) {
	switch v := v.(type) {
	case map[string]any:
		types := v["@type"]
		if s, ok := types.(string); ok {
			types = []any{s}
		}
		ts, _ := types.([]any)
		for _, t := range ts {
			for _, st := range schemas.SchemaTypes() {
				if t == st {
					f(st, v)
				}
			}
		}
		for _, x := range v {
			walkNodes(x, f)
		}
	case []any:
		for _, x := range v {
			walkNodes(x, f)
		}
	}
}
