package jsongold

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	jld "github.com/piprate/json-gold/ld"
)

// TestCanonicalizeSelfReference: Canonicalize lists a statement once
// among a blank node's statements however many of its positions the node
// holds, and so labels the self-referring graphs of ld's
// testdata/canon-selfref as rdf-canonize does (json-gold, listing it once
// per position, labels some of them otherwise).
func TestCanonicalizeSelfReference(t *testing.T) {
	inputs, err := filepath.Glob(filepath.Join("..", "..", "testdata", "canon-selfref", "*.nq"))
	if err != nil {
		t.Fatal(err)
	}
	compared := 0
	for _, in := range inputs {
		if strings.HasSuffix(in, ".want.nq") {
			continue
		}
		data, err := os.ReadFile(in)
		if err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile(strings.TrimSuffix(in, ".nq") + ".want.nq")
		if err != nil {
			t.Fatal(err)
		}
		ds, err := jld.ParseNQuads(string(data))
		if err != nil {
			t.Fatal(err)
		}
		lines, err := Canonicalize(ds, CanonOptions{MaxWorkFactor: 4})
		if got := strings.Join(lines, ""); err != nil || got != string(want) {
			t.Errorf("%s: %v\n%s\nwant (rdf-canonize)\n%s", in, err, got, want)
		}
		compared++
	}
	if compared < 5 {
		t.Errorf("only %d inputs compared", compared)
	}
}
