package ld_test

import (
	"testing"

	"github.com/film2ld/film2ld/ld"
)

// The benchmarks run on testdata/conformance/film-heat.jsonld, a Movie with
// cast, crew, reviews and ratings that makes 186 statements. Compare runs
// with benchstat; BenchmarkPublicAPI* in bench_internal_test.go show what
// json-gold's JsonLdProcessor costs for the same work.

func benchOp(b *testing.B, op func(*ld.Processor, any) error) {
	p := ld.NewProcessor(ld.Config{})
	doc := loadDoc(b, "film-heat")
	if err := op(p, doc); err != nil { // warm the per-process context
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := op(p, doc); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkExpand(b *testing.B) {
	benchOp(b, func(p *ld.Processor, doc any) error {
		_, err := p.Expand(doc, ld.Options{})
		return err
	})
}

func BenchmarkCompact(b *testing.B) {
	benchOp(b, func(p *ld.Processor, doc any) error {
		_, err := p.Compact(doc, ld.Options{})
		return err
	})
}

func BenchmarkFlatten(b *testing.B) {
	benchOp(b, func(p *ld.Processor, doc any) error {
		_, err := p.Flatten(doc, ld.Options{})
		return err
	})
}

func BenchmarkFrame(b *testing.B) {
	benchOp(b, func(p *ld.Processor, doc any) error {
		_, err := p.Frame(doc, "Movie", ld.Options{})
		return err
	})
}

func BenchmarkToNQuads(b *testing.B) {
	benchOp(b, func(p *ld.Processor, doc any) error {
		_, err := p.ToNQuads(doc, ld.Options{})
		return err
	})
}

func BenchmarkCanonical(b *testing.B) {
	benchOp(b, func(p *ld.Processor, doc any) error {
		_, err := p.Canonical(doc, ld.Options{})
		return err
	})
}
