// Package schemaorg holds the schema.org vocabulary and JSON-LD context of one
// release (see [Release]) as generated Go tables, so that film2ld works offline
// and gives the same answers on every machine.
//
// Start with [Type] and [Property] to look a term up by its local name
// ("Movie", "actor"), [IsSubtypeOf] to walk the class hierarchy, and
// [SupersededBy] to find the replacement of a retired term. [Context] returns
// the release's JSON-LD context; package ld uses it processed ahead of time
// (ld/internal/sdoctx, which go generate here writes too).
//
// # Local names, not IRIs
//
// The vocabulary file names its terms with https://schema.org/ IRIs while the
// context maps terms to http://schema.org/, so every table is keyed by local
// name. The lookups also accept the "schema:" CURIE and both IRI forms and
// strip them with [LocalName]. Terms of other vocabularies that schema.org
// mentions (rdfs:Class, owl:…, fibo-…) are left out.
//
// # Generated data
//
// The tables in context_gen.go and vocab_gen.go are written by internal/gen
// from the release files committed unchanged under release/ (see its README)
// and are committed too; this
// package imports only the standard library and reads no file at run time.
// The schema.org data is licensed under CC BY-SA 3.0.
package schemaorg

//go:generate go run ./internal/gen
//go:generate go run ../internal/sdoctx/gen -out ../internal/sdoctx
