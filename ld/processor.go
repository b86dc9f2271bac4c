package ld

import (
	"fmt"
	"sync"
	"sync/atomic"

	jld "github.com/piprate/json-gold/ld"
)

// Config is fixed when a [Processor] is made.
type Config struct {
	// AllowRemote lets documents use context URLs other than schema.org's,
	// fetched over HTTP(S) within the limits of Remote. Without it such a
	// document fails with [ErrRemoteContext]; the built-in schema.org context
	// is used either way.
	AllowRemote bool
	// Remote limits fetching when AllowRemote is set.
	Remote Remote
	// MaxWorkFactor bounds the work of canonicalization (RDFC-1.0): the
	// Hash N-Degree Quads algorithm's run for each blank node that looks
	// like another (shares its first-degree hash) may take at most
	// 8^MaxWorkFactor deep iterations, with those it recurses into, and
	// copy 64 times as many issued labels; a graph that needs more is
	// refused with [ErrWorkLimit] instead of running for hours. The
	// limit is a node's, not the graph's (rdf-canonize allows n^factor
	// in all for n such nodes), so a larger input of a shape is never
	// canonicalized where a smaller one is refused, and the work is
	// linear in the input. 0 means 2: 64 iterations, which the suite's
	// "evil" graphs (43), a ring or chain of up to about 55 alike nodes
	// and any number of look-alike reviews and ratings (1 or 2) take,
	// and the 5-node and larger poison cliques do not. A negative value
	// means no limit.
	MaxWorkFactor int
	// GeneralCanonical makes canonicalization always run RDFC-1.0's
	// general algorithm, never the short path taken when every blank node
	// has a first-degree hash of its own (ld/canon.go). The bytes are the
	// same either way; it is there for the differential tests that prove
	// it, and for measuring what the short path saves.
	GeneralCanonical bool
	// SortMemory is about how many bytes of N-Quads lines
	// [Processor.WriteDirect] holds to sort a large document's
	// statements; past it they are sorted in runs written to temporary
	// files (os.TempDir) and merged as the output is written. 0 means 4
	// MiB, and 2 MiB for canonical N-Quads, whose three sorts run while
	// the film is held. A document of fewer than SortMemory/256
	// statements is sorted in memory whatever its size, as numbers, which
	// is faster.
	SortMemory int
	// HeldItems is how many items of each sequence in a document (see
	// [Processor.WriteDirect]) [Processor.WriteDirectJSON]'s short path
	// holds in its node map; it builds the others once to check them and
	// learn which named nodes they refer to, and again as it writes them,
	// so that a page of many reviews is never held whole (the sequence is
	// walked twice). It is also how many top-level items of a document
	// with no root given the short path builds whole before it keeps
	// only what finding the root needs, where two or more nodes may be
	// roots (see directJSONAuto). 0 means 512; a negative value holds
	// none. The bytes are the same either way; the differential tests
	// prove it.
	HeldItems int
	// KeptValues is how many values of a property [Processor.WriteJSONLD]
	// holds in the node object it makes of a subject (or of a framed
	// node's items); the others are made, compacted and written one at a
	// time after them, where compaction appends them under the same key,
	// so that a node of many values (a collection of 200,000 members) is
	// not held three times over as value objects. 0 means 64, fewer than
	// 2 means 2, and a negative value holds them all. The bytes are the
	// same either way; the differential tests prove it.
	KeptValues int
}

// Options vary per call.
type Options struct {
	// Base is the base IRI relative IRI references are resolved against.
	// Without one, a relative reference is an error ([ErrRelativeIRI])
	// rather than a statement JSON-LD would silently drop.
	Base string
	// Root is the type of the node [FormatJSONLD] puts at the top, as a
	// schema.org local name ("Movie") or an IRI. Empty means the node no
	// other node refers to, when there is exactly one.
	Root string
	// DocumentURL is the URL the document was read from, if any. With
	// [Config.AllowRemote], relative @context references resolve against it
	// (not against the base IRI, as JSON-LD requires); without one they are
	// an error rather than a local file to open.
	DocumentURL string
	// Lenient, when set, makes the call drop what the JSON-LD algorithms
	// drop — properties and terms that do not expand to IRIs, ill-formed
	// IRIs and language tags, @direction, keys and values that look like
	// keywords, relative IRIs with no base — instead of refusing the
	// document, and records each kind once, with where it first happened,
	// in Lenient.
	Lenient *Dropped
	// RDFDirection is how a literal's base direction (@direction) is kept
	// in RDF (N-Quads, the canonical form, Turtle, TriG, SPARQL):
	// [DirectionI18nDatatype] or [DirectionCompoundLiteral], the JSON-LD
	// rdfDirection options. Empty means a literal with a direction is
	// refused there (with Lenient, its direction is dropped, as JSON-LD
	// does without the option). JSON-LD output keeps @direction either way.
	RDFDirection string

	// toRDF is set by the operations whose output is RDF.
	toRDF bool
}

// Processor runs JSON-LD operations. It is safe for concurrent use; make one
// and share it.
type Processor struct {
	cfg Config
	// shared replaces the per-process contexts in tests that need fresh
	// ones.
	shared *contexts
	// remote holds the contexts of a processor with AllowRemote: their
	// loader, and what it has fetched, belong to this processor alone.
	remote func() (*contexts, error)
	// streamed counts the properties whose values were written one at a
	// time (see Config.KeptValues), for the tests that prove the bytes.
	streamed atomic.Int64
}

// NewProcessor returns a processor with the given configuration.
func NewProcessor(cfg Config) *Processor {
	p := &Processor{cfg: cfg}
	if cfg.AllowRemote {
		p.remote = sync.OnceValues(func() (*contexts, error) {
			parsed, err := parsedContext()
			if err != nil {
				return nil, err
			}
			return newContexts(parsed, &loader{remote: newRemoteLoader(cfg.Remote)}), nil
		})
	}
	return p
}

// contexts returns the pre-parsed schema.org contexts of p's mode.
func (p *Processor) contexts() (*contexts, error) {
	if p.shared != nil {
		return p.shared, nil
	}
	if p.remote != nil {
		return p.remote()
	}
	return offlineContexts()
}

// options returns fresh json-gold options for one call.
func (p *Processor) options(base string) (*jld.JsonLdOptions, error) {
	c, err := p.contexts()
	if err != nil {
		return nil, err
	}
	opts := c.opts.Copy()
	opts.Base = base
	return opts, nil
}

// guard runs f and turns a panic inside json-gold (it asserts types of the
// values it meets) into an error, so a malformed document cannot take the
// caller's process down.
func guard(op string, f func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%w: json-gold failed in %s: %v", ErrInvalidInput, op, r)
		}
	}()
	return f()
}
