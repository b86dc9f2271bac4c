package jsonpos

import (
	"encoding/json"
	"iter"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"
)

// fromAnyReference is FromAny as it was before its slab: a Value per
// allocation, slices grown by append.
func fromAnyReference(x any) *Value {
	v := &Value{Offset: -1}
	switch t := x.(type) {
	case nil:
	case bool:
		v.Kind, v.Bool = Bool, t
	case float64:
		v.Kind, v.Number = Number, t
	case json.Number:
		f, _ := t.Float64()
		v.Kind, v.Number = Number, f
	case string:
		v.Kind, v.String = String, t
	case []any:
		v.Kind = Array
		for _, e := range t {
			v.Items = append(v.Items, fromAnyReference(e))
		}
	case map[string]any:
		v.Kind = Object
		keys := make([]string, 0, len(t))
		for k := range t {
			keys = append(keys, k)
		}
		sortStrings(keys)
		for _, k := range keys {
			v.Members = append(v.Members, Member{Key: k, KeyOffset: -1, Value: fromAnyReference(t[k])})
		}
	}
	return v
}

// TestFromAnyMatchesReference: FromAny builds the tree the simple
// recursion builds, for the mapping goldens, schema.org's examples and
// odd values (empty containers, json.Number, a type JSON has not).
func TestFromAnyMatchesReference(t *testing.T) {
	var docs []any
	for _, pattern := range []string{
		filepath.Join("..", "..", "..", "mapping", "testdata", "golden", "*.jsonld"),
		filepath.Join("..", "..", "..", "..", "shared", "schemaorg", "examples", "*.jsonld"),
	} {
		files, _ := filepath.Glob(pattern)
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			var v any
			if json.Unmarshal(data, &v) == nil {
				docs = append(docs, v)
			}
		}
	}
	// The goldens alone where schema.org's examples are not beside the
	// clone (../shared), as in a clone without it.
	least := 20
	if _, err := os.Stat(filepath.Join("..", "..", "..", "..", "shared", "schemaorg", "examples")); err != nil {
		t.Log("schema.org's examples are not beside the clone (../shared): the mapping goldens alone are read")
		least = 15
	}
	if len(docs) < least {
		t.Fatalf("only %d documents", len(docs))
	}
	docs = append(docs, nil, []any{}, map[string]any{}, json.Number("1.5"), []any{[]any{}, map[string]any{"a": []any{}}, 3, "x", true},
		map[string]any{"b": map[string]any{"d": nil, "c": []any{1.0, json.Number("2")}}, "a": []string{"not JSON"}})
	for i, d := range docs {
		if got, want := FromAny(d), fromAnyReference(d); !reflect.DeepEqual(got, want) {
			t.Errorf("document %d: FromAny differs from the reference", i)
		}
	}
	// One Scratch for every document, large after small and small after
	// large: each tree is built in the last one's memory.
	var s Scratch
	for _, order := range []string{"forward", "backward"} {
		for j := range docs {
			i := j
			if order == "backward" {
				i = len(docs) - 1 - j
			}
			if got, want := s.FromAny(docs[i]), fromAnyReference(docs[i]); !reflect.DeepEqual(got, want) {
				t.Errorf("document %d, %s: Scratch.FromAny differs from the reference", i, order)
			}
		}
	}
}

// ref is a node reference of a streaming document.
type ref string

func (r ref) NodeID() string { return string(r) }

// TestFromStream: a streaming document's sequences become empty arrays,
// each returned with its items (in document order, sorted keys first), and
// its node references {"@id": …} objects; the rest is FromAny's tree. The
// lazies are those of the last tree a Scratch built.
func TestFromStream(t *testing.T) {
	reviews := iter.Seq[any](slices.Values([]any{map[string]any{"name": "a"}, map[string]any{"name": "b"}}))
	actors := iter.Seq[any](slices.Values([]any{ref("urn:x:1")}))
	doc := map[string]any{"@context": "https://schema.org", "review": reviews, "author": ref("urn:x:p"),
		"actor": actors, "more": []any{ref("urn:x:q"), 1.0}}
	var s Scratch
	tree, lazy := s.FromStream(doc)
	want := fromAnyReference(map[string]any{"@context": "https://schema.org", "review": []any{},
		"author": map[string]any{"@id": "urn:x:p"}, "actor": []any{},
		"more": []any{map[string]any{"@id": "urn:x:q"}, 1.0}})
	if !reflect.DeepEqual(tree, want) {
		t.Errorf("FromStream's tree differs from the document's with empty arrays and {\"@id\"} objects")
	}
	if len(lazy) != 2 {
		t.Fatalf("%d lazies; want 2", len(lazy))
	}
	for i, key := range []string{"actor", "review"} {
		if lazy[i].Array != tree.Get(key) {
			t.Errorf("lazy %d is not the tree's %q array", i, key)
		}
	}
	if got := slices.Collect(lazy[1].Items); len(got) != 2 {
		t.Errorf("the reviews' sequence gives %d items; want 2", len(got))
	}
	if _, again := s.FromStream(map[string]any{"a": 1.0}); len(again) != 0 {
		t.Errorf("a tree without sequences has %d lazies", len(again))
	}
}

// ldMember and ldNode are ld.Member and ld.Node, spelled as a renderer
// that does not import ld spells them: the same types as jsonpos's node.
type (
	ldMember = struct {
		Key   string
		Value any
	}
	ldNode = []ldMember
)

// TestFromStreamNodes: a node given as a list of members (ld.Node) is the
// tree of the map it stands for, nested or not: its keys sorted, a key
// given twice with its last value, as in the map.
func TestFromStreamNodes(t *testing.T) {
	doc := ldNode{
		{"name", "Glass Harbour"},
		{"@type", "Movie"},
		{"actor", []any{ldNode{{"characterName", "Vesna"}, {"@type", "PerformanceRole"}, {"actor", ref("urn:x:1")}}, 2.0}},
		{"review", ldNode{{"reviewBody", "an earlier body"}, {"@type", "Review"}, {"reviewBody", "Quiet."}}},
		{"@id", "urn:x:m"},
		{"empty", ldNode{}},
	}
	want := fromAnyReference(map[string]any{"name": "Glass Harbour", "@type": "Movie", "@id": "urn:x:m",
		"actor":  []any{map[string]any{"characterName": "Vesna", "@type": "PerformanceRole", "actor": map[string]any{"@id": "urn:x:1"}}, 2.0},
		"review": map[string]any{"@type": "Review", "reviewBody": "Quiet."},
		"empty":  map[string]any{}})
	var s Scratch
	// Twice: the second tree is built in the first's memory.
	for range 2 {
		if tree, _ := s.FromStream(doc); !reflect.DeepEqual(tree, want) {
			t.Errorf("FromStream's tree of Nodes differs from the maps'")
		}
	}
}
