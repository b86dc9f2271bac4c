package mapping_test

import (
	"fmt"
	"iter"
	"reflect"
	"testing"

	"github.com/film2ld/film2ld/mapping"
)

// streamNode is a node of a streaming view: ld.Node, by its shape.
type streamNode = []struct {
	Key   string
	Value any
}

// collectStream returns a streaming view as the plain view gives it: its
// sequences arrays, its references {"@id": …} maps, its nodes maps. It
// fails where a node gives a key twice, which would send the view down
// ld's general path.
func collectStream(t *testing.T, where string, v any) any {
	switch x := v.(type) {
	case iter.Seq[any]:
		var out []any
		for e := range x {
			out = append(out, collectStream(t, where, e))
		}
		return out
	case interface{ NodeID() string }:
		return map[string]any{"@id": x.NodeID()}
	case streamNode:
		out := make(map[string]any, len(x))
		for _, mb := range x {
			if _, twice := out[mb.Key]; twice {
				t.Errorf("%s: a node gives %q twice", where, mb.Key)
			}
			out[mb.Key] = collectStream(t, where, mb.Value)
		}
		return out
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = collectStream(t, where, e)
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = collectStream(t, where, e)
		}
		return out
	}
	return v
}

// TestStreamIsTheView: every film's streaming views (RenderStream,
// DatasetStream), collected, are its plain views (Render, Dataset), node
// for node, and no node of them gives a key twice; the streaming views
// render their nodes as lists of members (ld.Node), which is what they are
// for.
func TestStreamIsTheView(t *testing.T) {
	sets := [][]string{samples}
	for _, d := range filmDirs(t) {
		sets = append(sets, filmFiles(t, d))
	}
	nodes := 0
	for _, paths := range sets {
		res := combine(t, paths...)
		for i, f := range append([]*mapping.Film{res.Film}, res.Film.Views...) {
			where := fmt.Sprintf("%s, view %d", paths[0], i)
			for _, c := range []struct {
				name         string
				stream, want map[string]any
			}{
				{"render", f.RenderStream(), f.Render()},
				{"dataset", res.Film.DatasetStream(), res.Film.Dataset()},
			} {
				if i > 0 && c.name == "dataset" {
					continue // a source's view has no dataset
				}
				for n := range c.stream["@graph"].(iter.Seq[any]) {
					if _, isNode := n.(streamNode); isNode {
						nodes++
					}
				}
				if got := collectStream(t, where, c.stream); !reflect.DeepEqual(got, c.want) {
					t.Errorf("%s, %s: the streaming view differs from the plain one", where, c.name)
				}
			}
		}
	}
	if nodes == 0 {
		t.Errorf("no top-level node of a streaming view is a list of members")
	}
}
