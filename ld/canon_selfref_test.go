package ld

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCanonicalSelfReference: a blank node named twice in one statement
// ("_:c <knows> _:c .", or as its own graph) lists that statement once
// among its statements (RDFC-1.0 4.4.3 step 2), so that its first-degree
// hash and the N-degree hashes built on it are rdf-canonize's: json-gold
// listed the statement once per position, and film2ld, which followed
// it, labelled such graphs otherwise than the reference. The expected
// outputs in testdata/canon-selfref are rdf-canonize's (jsonld.js 9's,
// maxWorkFactor 4), read by hand; every path gives them: the dataset in
// memory, labelled from lines sorted in runs, and the general path.
func TestCanonicalSelfReference(t *testing.T) {
	inputs, err := filepath.Glob(filepath.Join("testdata", "canon-selfref", "*.nq"))
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
		for _, cfg := range []Config{{MaxWorkFactor: 4, SortMemory: 1 << 30}, {MaxWorkFactor: 4, SortMemory: 64}} {
			p := NewProcessor(cfg)
			d := NewDataset()
			if _, err := d.ReadNQuads(bytes.NewReader(data), in, false); err != nil {
				t.Fatal(err)
			}
			var got bytes.Buffer
			if err := p.WriteCanonical(&got, d); err != nil || got.String() != string(want) {
				t.Errorf("%s, sort memory %d: %v\n%s\nwant (rdf-canonize)\n%s", in, cfg.SortMemory, err, got.String(), want)
			}
			general, err := jsonldPath(p, []string{string(data)}, FormatCanonical, Options{})
			if err != nil || general != string(want) {
				t.Errorf("%s: the general path gives %v\n%s\nwant (rdf-canonize)\n%s", in, err, general, want)
			}
			compared++
		}
	}
	if compared < 10 {
		t.Errorf("only %d inputs compared", compared)
	}
}
