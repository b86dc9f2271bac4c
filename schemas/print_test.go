package schemas

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xeipuuv/gojsonschema"
)

// ownNodes returns every node object of film2ld's own compact JSON-LD
// (the mapping goldens) whose "@type" is one of the schema types, by type.
func ownNodes(t testing.TB, dir string) map[string][]any {
	files, _ := filepath.Glob(filepath.Join(dir, "*.jsonld"))
	if len(files) < 3 {
		t.Fatalf("too few goldens in %s", dir)
	}
	out := map[string][]any{}
	var walk func(any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			for _, typ := range asSlice(v["@type"]) {
				for _, st := range shapeTypes {
					if typ == st {
						out[st] = append(out[st], v)
					}
				}
			}
			for _, x := range v {
				walk(x)
			}
		case []any:
			for _, x := range v {
				walk(x)
			}
		}
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var doc any
		if err := json.Unmarshal(data, &doc); err != nil {
			t.Fatal(err)
		}
		walk(doc)
	}
	return out
}

// TestPrintedSchemas: the schemas --print-schema gives are complete
// documents a draft-07 validator reads offline, they accept film2ld's own
// compact JSON-LD as written, and they still reject what is wrong.
func TestPrintedSchemas(t *testing.T) {
	compiled := map[string]*gojsonschema.Schema{}
	for _, typ := range SchemaTypes() {
		data, err := SchemaJSON(strings.ToLower(typ))
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(data), `"$ref": "https://`) {
			t.Errorf("%s: refers outside the document", typ)
		}
		s, err := gojsonschema.NewSchema(gojsonschema.NewBytesLoader(data))
		if err != nil {
			t.Fatalf("%s: %v", typ, err)
		}
		compiled[typ] = s
	}
	nodes := ownNodes(t, "../mapping/testdata/golden")
	for _, typ := range []string{"Movie", "Person", "Review", "AggregateRating", "PerformanceRole"} {
		if len(nodes[typ]) == 0 {
			t.Errorf("no %s in the goldens", typ)
		}
	}
	for typ, ns := range nodes {
		for _, n := range ns {
			res, err := compiled[typ].Validate(gojsonschema.NewGoLoader(n))
			if err != nil || !res.Valid() {
				t.Errorf("%s rejected: %v %v", typ, err, res.Errors())
			}
		}
	}
	for _, bad := range []struct{ typ, doc string }{
		{"Movie", `{"@type": "Movie", "name": "Heat", "duration": "2 hours"}`},
		{"Movie", `{"@type": "Movie", "name": ["Heat", 3]}`},
		{"AggregateRating", `{"@type": "AggregateRating", "ratingValue": 4, "ratingCount": -3}`},
	} {
		res, err := compiled[bad.typ].Validate(gojsonschema.NewStringLoader(bad.doc))
		if err != nil || res.Valid() {
			t.Errorf("%s accepted: %v", bad.doc, err)
		}
	}
	if _, err := SchemaJSON("Dog"); err == nil {
		t.Error("a schema for Dog")
	}
}

func asSlice(v any) []any {
	if s, ok := v.([]any); ok {
		return s
	}
	return []any{v}
}
