package ld

import (
	"encoding/json"
	"fmt"
	"slices"
	"sync"

	jld "github.com/piprate/json-gold/ld"

	"github.com/film2ld/film2ld/ld/internal/jsongold"
	"github.com/film2ld/film2ld/ld/internal/sdoctx"
)

// contexts are the pre-parsed schema.org contexts one processor mode uses.
type contexts struct {
	// expand is the full schema.org context.
	expand *jsongold.Context
	// compact is the same context with the "id" and "type" terms defined as
	// null. The release aliases them to @id and @type, so compaction against
	// the full context would write "id" and "type"; consumers such as
	// search engines' structured-data tools and film2ld's own schemas look
	// for the keywords. A null definition (rather than no definition) also
	// keeps a property IRI http://schema.org/type from compacting to "type",
	// which the full context would read back as @type.
	//
	// It is derived on first use: its inverse context (an entry for each
	// of the 3,000 IRIs) costs milliseconds, and expansion, RDF and
	// N-Quads never read it.
	compact func() *jsongold.Context
	// bare is the empty context, which a document without @context is
	// expanded under: the walk reads expanded JSON-LD with it (see
	// WriteWalked).
	bare func() *jsongold.Context
	opts *jld.JsonLdOptions
	// extended is the last context parsed on top of expand (a schema.org
	// URL followed by more), kept for the next node that gives the same:
	// a page's <base> reaches every node of its blocks as such a context
	// (withPageBase), and parsing it copies the 3,000 terms, so a block
	// of 6,000 nodes took 2 s, of 60,000 23 s.
	extended struct {
		sync.Mutex
		key string
		ctx *jsongold.Context
	}
}

// rememberExtended is false in tests that hold the remembered contexts
// to contexts parsed afresh.
var rememberExtended = true

// extendedContext returns the context of expand extended by more (the
// entries after a schema.org URL) under jopts, parsing it with parse
// unless it is the one last parsed. A parsed context is only read by
// expansion, which copies it before adding to it, so it can be shared
// as expand is.
func (c *contexts) extendedContext(more []any, jopts *jld.JsonLdOptions, parse func() (*jsongold.Context, error)) (*jsongold.Context, error) {
	// The entries are JSON from a document; encoding/json writes a map's
	// keys sorted, so one context has one key.
	text, err := json.Marshal(more)
	if err != nil {
		return parse()
	}
	key := jopts.Base + "\x00" + string(text)
	if !rememberExtended {
		return parse()
	}
	c.extended.Lock()
	if c.extended.ctx != nil && c.extended.key == key {
		ctx := c.extended.ctx
		c.extended.Unlock()
		return ctx, nil
	}
	c.extended.Unlock()
	ctx, err := parse()
	if err != nil {
		return nil, err
	}
	c.extended.Lock()
	c.extended.key, c.extended.ctx = key, ctx
	c.extended.Unlock()
	return ctx, nil
}

// offlineOptions are the options of processors without AllowRemote.
var offlineOptions = baseOptions(&loader{})

// parsedContext is the schema.org context processed, built once per
// process from the table ld/internal/sdoctx generates with the same
// context processing: processing the 3,000 terms here cost every process
// about 12 ms of CPU, and decoding the context's JSON for it 4 ms more.
// TestGeneratedContextIsParsed proves the table equal to Parse's result.
// It carries offlineOptions, so that it is the offline expand context
// itself (a copy of its 3,000 terms cost a process another 3%).
var parsedContext = sync.OnceValues(func() (*jsongold.Context, error) {
	ctx, err := sdoctx.Context(offlineOptions)
	if err != nil {
		return nil, fmt.Errorf("ld: built-in schema.org context: %w", err)
	}
	return ctx, nil
})

// offlineContexts are the contexts of processors without AllowRemote,
// shared by all of them.
var offlineContexts = sync.OnceValues(func() (*contexts, error) {
	parsed, err := parsedContext()
	if err != nil {
		return nil, err
	}
	return contextsOf(parsed, offlineOptions), nil
})

// newContexts derives the contexts of one mode, whose loader is l, from
// the parsed context and makes them safe to share.
func newContexts(parsed *jsongold.Context, l *loader) *contexts {
	opts := baseOptions(l)
	return contextsOf(derive(parsed, opts, nil), opts)
}

// contextsOf returns the contexts of a mode whose expand context (carrying
// opts) is expand.
func contextsOf(expand *jsongold.Context, opts *jld.JsonLdOptions) *contexts {
	return &contexts{
		expand: expand,
		// json-gold builds the inverse context lazily and stores it in the
		// context, which would be a data race once the context is shared.
		// Building it inside the Once, before the context is handed out,
		// makes every later use a read.
		compact: sync.OnceValue(func() *jsongold.Context {
			c := derive(expand, opts, compactNulled)
			// Every mode's expand context is the table's (parsedContext,
			// or derive's copy of it), whose compaction context's
			// inverse sdoctx generated: building it here was a tenth of
			// one export process. UseInverse refuses a context with
			// other terms, which then builds its own.
			if !slices.Equal(sdoctx.InverseNulled, compactNulled) || !c.UseInverse(sdoctx.Inverse()) {
				c.GetInverse()
			}
			return c
		}),
		bare: sync.OnceValue(func() *jsongold.Context { return jsongold.NewContext(nil, opts) }),
		opts: opts,
	}
	// The expand context gets no inverse: only compaction reads one
	// (CompactIri, SelectTerm), and nothing compacts with it.
}

// compactNulled are the terms the compaction context defines as null
// (see contexts.compact).
var compactNulled = []string{"id", "type"}

// derive copies the parsed context into a new one that carries opts, with
// the terms in nulled defined as null.
// The copy's map is made at its full size (growing it term by term was
// most of the copy's cost), and it keeps the table's order of the terms,
// which spares the inverse context its sort.
func derive(parsed *jsongold.Context, opts *jld.JsonLdOptions, nulled []string) *jsongold.Context {
	return parsed.CopyTerms(opts, nulled)
}

// withBase returns ctx with base as its base IRI. The copy shares the term
// definitions and the precomputed inverse context, which are only read.
func withBase(ctx *jsongold.Context, base string) *jsongold.Context {
	if base == "" || ctx.Values.Base == base {
		return ctx
	}
	c := *ctx
	values := *ctx.Values
	values.Base = base
	c.Values = &values
	return &c
}

// baseOptions are the json-gold options every operation starts from.
func baseOptions(l jld.DocumentLoader) *jld.JsonLdOptions {
	opts := jld.NewJsonLdOptions("")
	opts.DocumentLoader = l
	opts.ProcessingMode = jld.JsonLd_1_1
	// Safe mode makes expansion fail instead of dropping a property that
	// does not expand to an IRI.
	opts.SafeMode = true
	opts.CompactArrays = true
	return opts
}
