package ld

import (
	"encoding/json"
	"os"
	"testing"

	jld "github.com/piprate/json-gold/ld"

	"github.com/film2ld/film2ld/ld/internal/jsongold"
	"github.com/film2ld/film2ld/ld/schemaorg"
)

// These benchmarks go through json-gold's public JsonLdProcessor, which
// parses the schema.org context again on every call, for comparison with
// BenchmarkExpand and BenchmarkCompact. The loader is film2ld's, so they
// stay offline.

func publicAPISetup(b *testing.B) (any, *jld.JsonLdOptions) {
	raw, err := os.ReadFile("testdata/conformance/film-heat.jsonld")
	if err != nil {
		b.Fatal(err)
	}
	var doc any
	if err := json.Unmarshal(raw, &doc); err != nil {
		b.Fatal(err)
	}
	return doc, baseOptions(&loader{})
}

func BenchmarkPublicAPIExpand(b *testing.B) {
	doc, opts := publicAPISetup(b)
	proc := jld.NewJsonLdProcessor()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := proc.Expand(jld.CloneDocument(doc), opts); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkPublicAPICompact(b *testing.B) {
	doc, opts := publicAPISetup(b)
	proc := jld.NewJsonLdProcessor()
	ctx := map[string]any{"@context": schemaorg.ContextURL}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := proc.Compact(jld.CloneDocument(doc), ctx, opts); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseContext is the cost the Processor pays once per process.
func BenchmarkParseContext(b *testing.B) {
	var doc map[string]any
	if err := json.Unmarshal(schemaorg.ContextJSON(), &doc); err != nil {
		b.Fatal(err)
	}
	opts := baseOptions(&loader{})
	b.ReportAllocs()
	for b.Loop() {
		if _, err := jsongold.NewContext(nil, opts).Parse(doc["@context"]); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkContextInverse is what compaction's first call pays once per
// process: json-gold's inverse context of the 3,000 terms.
func BenchmarkContextInverse(b *testing.B) {
	parsed, err := parsedContext()
	if err != nil {
		b.Fatal(err)
	}
	opts := baseOptions(&loader{})
	b.ReportAllocs()
	for b.Loop() {
		derive(parsed, opts, []string{"id", "type"}).GetInverse()
	}
}

// BenchmarkContextDecode is the JSON decoding of the built-in context
// document.
func BenchmarkContextDecode(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		schemaorg.Context()
	}
}
