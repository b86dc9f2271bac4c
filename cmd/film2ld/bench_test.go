package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// reviewPage writes a review aggregator's page with n critic reviews, in
// the layout of the sample, for the scaling benchmarks.
func reviewPage(tb testing.TB, n int) string {
	tb.Helper()
	var b strings.Builder
	fmt.Fprintf(&b, "Generally favorable reviews - based on %d Critics\n\nCritic score distribution:\n", n)
	fmt.Fprintf(&b, "  1. Positive: %d out of %d\n  2. Mixed: 0 out of %d\n  3. Negative: 0 out of %d\n", n, n, n, n)
	for i := range n {
		fmt.Fprintf(&b, "  %d. Reviewed by:\u00a0 Critic Number%d\n    Mar %d, 2011\n    Review %d: the film is good & the acting <fine>.\n", i+1, i, i%28+1, i)
	}
	path := filepath.Join(tb.TempDir(), "reviews.txt")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		tb.Fatal(err)
	}
	return path
}

func benchmarkExport(b *testing.B, reviews int, format string) {
	path := reviewPage(b, reviews)
	// A review page states no title, which a web snippet needs.
	args := []string{"export", "-q", "--name", "Bench Film", "-f", format, path}
	b.ResetTimer()
	for b.Loop() {
		if code := run(args, nil, io.Discard, io.Discard); code != exitOK {
			b.Fatalf("exit %d", code)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(reviews), "ns/review")
}

// The review-count benchmarks show whether export time grows linearly with
// the size of the input: ns/review should stay flat from 500 to 50,000.
func BenchmarkExportNQuads500(b *testing.B)     { benchmarkExport(b, 500, "nquads") }
func BenchmarkExportNQuads5000(b *testing.B)    { benchmarkExport(b, 5000, "nquads") }
func BenchmarkExportNQuads50000(b *testing.B)   { benchmarkExport(b, 50000, "nquads") }
func BenchmarkExportCanonical5000(b *testing.B) { benchmarkExport(b, 5000, "canonical") }
func BenchmarkExportJSONLD5000(b *testing.B)    { benchmarkExport(b, 5000, "jsonld") }

func BenchmarkExportCanonical1000(b *testing.B) { benchmarkExport(b, 1000, "canonical") }
func BenchmarkExportJSONLD1000(b *testing.B)    { benchmarkExport(b, 1000, "jsonld") }

// BenchmarkExportSamplesCanonical is one typical film, text to canonical
// N-Quads: the unit of the batch comparison with jsonld.js in the README.
func BenchmarkExportSamplesCanonical(b *testing.B) {
	samples, _ := filepath.Glob("../../testdata/samples/*.txt")
	args := append([]string{"export", "-q", "--merged", "-f", "canonical"}, samples...)
	for b.Loop() {
		if code := run(args, nil, io.Discard, io.Discard); code != exitOK {
			b.Fatalf("exit %d", code)
		}
	}
}

// BenchmarkExportSamplesJSONLD is the same film, text to the compact
// JSON-LD web snippet (issue 15's target: 2 ms).
func BenchmarkExportSamplesJSONLD(b *testing.B) {
	samples, _ := filepath.Glob("../../testdata/samples/*.txt")
	args := append([]string{"export", "-q", "-f", "jsonld"}, samples...)
	for b.Loop() {
		if code := run(args, nil, io.Discard, io.Discard); code != exitOK {
			b.Fatalf("exit %d", code)
		}
	}
}

func BenchmarkExportJSONLD50000(b *testing.B) { benchmarkExport(b, 50000, "jsonld") }
