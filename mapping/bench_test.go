package mapping_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/film2ld/film2ld/mapping"
)

// BenchmarkMapSamples is the read stage of one film: the three sample
// documents detected and parsed (mapping.Map), the largest part of issue
// 15's per-film time before its work.
func BenchmarkMapSamples(b *testing.B) {
	paths, _ := filepath.Glob("../testdata/samples/*.txt")
	var docs [][]byte
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, data)
	}
	if len(docs) == 0 {
		b.Fatal("no samples")
	}
	b.ReportAllocs()
	for b.Loop() {
		for i, d := range docs {
			if _, err := mapping.Map(bytes.NewReader(d), paths[i], ""); err != nil {
				b.Fatal(err)
			}
		}
	}
}
