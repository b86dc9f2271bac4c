package schemas

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/film2ld/film2ld/ld/diag"
	"github.com/film2ld/film2ld/schemas/internal/jsonpos"
)

// TestConsumedTreeGivesSameGraph: a builder that lets go of the tree as
// it reads it (what Load does for plain markup, so that a large page's
// tree and graph are not both held whole) reads every document of the
// differential set into the same findings as one that keeps the tree, and
// leaves nothing of the tree below its top-level values behind.
func TestConsumedTreeGivesSameGraph(t *testing.T) {
	docs := differentialDocs(t)
	consumed := 0
	for _, name := range slices.Sorted(maps.Keys(docs)) {
		data := docs[name]
		report := func(consume bool) (string, *jsonpos.Value) {
			tree, err := jsonpos.Parse(data)
			if err != nil {
				return "", nil
			}
			g := newGraph()
			b := g.newBuilder(source{file: name, data: data, idx: diag.NewIndex(data), line0: 1, positioned: true})
			b.consume = consume
			b.document(tree)
			g.pending = append(g.pending, &pendingDoc{what: "document", b: b})
			g.finish()
			var out strings.Builder
			for _, p := range []Profile{Google, SchemaOrg} {
				for _, f := range Validate(g, p) {
					fmt.Fprintln(&out, p, f)
				}
			}
			return out.String(), tree
		}
		kept, _ := report(false)
		got, tree := report(true)
		if tree == nil {
			continue
		}
		consumed++
		if got != kept {
			t.Errorf("%s: consuming the tree:\n%s\nkeeping it:\n%s", name, got, kept)
		}
		if held := heldBelowTop(tree); held != "" {
			t.Errorf("%s: the consumed tree still holds %s", name, held)
		}
	}
	if consumed == 0 {
		t.Fatal("no document parsed")
	}
	t.Logf("%d documents alike", consumed)
}

// heldBelowTop describes a value the tree still holds below its top-level
// values (the document, the items of a top-level array, the items of a
// top-level @graph), or returns "".
func heldBelowTop(top *jsonpos.Value) string {
	var nodeLevel func(v *jsonpos.Value) string
	nodeLevel = func(v *jsonpos.Value) string {
		switch v.Kind {
		case jsonpos.Array:
			for i, item := range v.Items {
				if item != nil {
					return fmt.Sprintf("item %d of an array", i)
				}
			}
		case jsonpos.Object:
			for _, m := range v.Members {
				if m.Value == nil || m.Key == "@context" || m.Key == "@id" || m.Key == "id" {
					continue
				}
				if m.Key == "@graph" && onlyKeys(v, "@context", "@graph") {
					if held := nodeLevel(m.Value); held != "" {
						return "in @graph, " + held
					}
					continue
				}
				return fmt.Sprintf("the value of %q", m.Key)
			}
		}
		return ""
	}
	return nodeLevel(top)
}
