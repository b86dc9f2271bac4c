// Package sdoctx holds the built-in schema.org context already processed:
// the term definitions that json-gold's context processing (the copy in
// ld/internal/jsongold) makes of package schemaorg's context, generated
// into a table of static data. Call [Context] for the active context.
//
// Processing the context's 3,000 terms cost every film2ld process about
// 12 ms of CPU and 28,000 allocations; building the active context from
// the table is one map of pointers into it.
//
// The table also holds, as static data, the inverse context of ld's
// compaction context (the table's context with the terms in
// [InverseNulled] null): see [Inverse]. Building it on a process's first
// compaction was a tenth of one export process.
//
// # Generated data
//
// terms_gen.go is written by ./gen, which go generate in ld/schemaorg runs
// after writing that package's tables, so a new schema.org release is one
// go generate. ld's TestGeneratedContextIsParsed proves the table equal,
// term by term and field by field, to what Parse gives the context,
// TestGeneratedInverseIsBuilt the inverse context to what GetInverse
// builds, and gen's TestCommittedTableIsGenerated that the committed file is what the
// generator writes now.
package sdoctx

import (
	jld "github.com/piprate/json-gold/ld"

	"github.com/film2ld/film2ld/ld/internal/jsongold"
)

// Release is the schema.org release whose context the table holds; it is
// package schemaorg's Release when the table is current.
const Release = release

// Context returns the active context that processing the schema.org
// context gives in a fresh context made with opts, which must ask for
// JSON-LD 1.1 processing. Its term definitions are shared with every other
// call's and must not change (nothing in jsongold changes a definition
// once it is in a context).
func Context(opts *jld.JsonLdOptions) (*jsongold.Context, error) {
	hdr, err := jsongold.NewContext(nil, opts).Parse(header())
	if err != nil {
		return nil, err
	}
	return hdr.WithTerms(terms[:]), nil
}
