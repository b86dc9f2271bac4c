package ld

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
)

// nested returns n arrays, one inside the other, around a string.
func nested(n int) any {
	var v any = "x"
	for range n {
		v = []any{v}
	}
	return v
}

// TestJSONOutputDepthBounded: JSON output nests at most MaxJSONDepth
// arrays and objects, what encoding/json (film2ld's reader) takes back;
// deeper, the writers fail with ErrTooDeep rather than write what no
// reader reads. A framed chain of 20,000 blank nodes was written 20,000
// objects deep, and convert refused it at line 10,004.
func TestJSONOutputDepthBounded(t *testing.T) {
	t.Parallel()
	for _, n := range []int{MaxJSONDepth - 1, MaxJSONDepth, MaxJSONDepth + 1} {
		var viaJSON, viaTree bytes.Buffer
		errJSON := encodeJSON(&viaJSON, nested(n), false)
		e := &treeEncoder{w: &viaTree}
		e.value(nested(n), 0)
		e.buf = append(e.buf, '\n')
		e.flush()
		for name, got := range map[string]struct {
			err error
			out []byte
		}{"encodeJSON": {errJSON, viaJSON.Bytes()}, "treeEncoder": {e.err, viaTree.Bytes()}} {
			if n > MaxJSONDepth {
				if !errors.Is(got.err, ErrTooDeep) {
					t.Errorf("%s, %d levels: %v; want ErrTooDeep", name, n, got.err)
				}
				continue
			}
			var back any
			if got.err != nil || json.Unmarshal(got.out, &back) != nil {
				t.Errorf("%s, %d levels: %v; want JSON encoding/json reads back", name, n, got.err)
			}
		}
	}
	// A chain of blank nodes framed on its root (a typed node nothing
	// refers to) nests a level a node: the dataset's writer refuses the
	// deep one (the general path writes through encodeJSON, above:
	// framing 10,000 nodes through json-gold took seconds).
	chain := func(n int) string {
		var b strings.Builder
		b.WriteString("<urn:x:root> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://schema.org/Person> .\n<urn:x:root> <http://schema.org/knows> _:b0 .\n")
		for i := range n - 1 {
			fmt.Fprintf(&b, "_:b%d <http://schema.org/knows> _:b%d .\n", i, i+1)
		}
		fmt.Fprintf(&b, "_:b%d <http://schema.org/name> \"end\" .\n", n-1)
		return b.String()
	}
	p := NewProcessor(Config{})
	for _, n := range []int{2000, MaxJSONDepth + 5} {
		in := []string{chain(n)}
		for _, f := range []Format{FormatJSONLD, FormatHTML} {
			got, _, short, err := datasetJSONPath(p, in, f, Options{})
			if !short {
				t.Errorf("%d nodes, %v: the dataset's writer declined", n, f)
			}
			if n > MaxJSONDepth {
				if !errors.Is(err, ErrTooDeep) {
					t.Errorf("%d nodes, %v: %v; want ErrTooDeep", n, f, err)
				}
				continue
			}
			if err != nil {
				t.Fatalf("%d nodes, %v: %v", n, f, err)
			}
			if f == FormatJSONLD {
				var back any
				if err := json.Unmarshal([]byte(got), &back); err != nil {
					t.Errorf("%d nodes: the output does not read back: %v", n, err)
				}
			}
		}
	}
}
