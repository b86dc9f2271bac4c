package pipeline

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/film2ld/film2ld/ld"
)

// benchmarkFilm is one film, in process, from its documents' text (held in
// memory) to the bytes of one format: read, merge, render and write, what
// export does for each film of a batch without the files and flags. Issue
// 15's targets: canonical N-Quads with provenance in 1 ms, the web snippet
// in 2 ms.
func benchmarkFilm(b *testing.B, opts Options) {
	paths, _ := filepath.Glob("../../testdata/samples/*.txt")
	if len(paths) == 0 {
		b.Fatal("no samples")
	}
	var docs [][]byte
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, data)
	}
	var out bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		job := New(opts)
		for i, d := range docs {
			if _, err := job.Read(bytes.NewReader(d), paths[i]); err != nil {
				b.Fatal(err)
			}
		}
		f, err := job.Merge()
		if err != nil {
			b.Fatal(err)
		}
		res, err := job.Render(f)
		if err != nil {
			b.Fatal(err)
		}
		out.Reset()
		if err := res.Write(&out); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(out.Len()), "bytes-out")
}

func BenchmarkSamplesCanonical(b *testing.B) {
	benchmarkFilm(b, Options{Format: ld.FormatCanonical})
}

func BenchmarkSamplesCanonicalMerged(b *testing.B) {
	benchmarkFilm(b, Options{Format: ld.FormatCanonical, Merged: true})
}

func BenchmarkSamplesJSONLD(b *testing.B) {
	benchmarkFilm(b, Options{Format: ld.FormatJSONLD})
}
