// Package ld runs every JSON-LD operation film2ld needs — expansion,
// compaction, flattening, framing, N-Quads, RDF canonicalization and HTML
// embedding — offline and with byte-identical output on every run.
//
// Start with [NewProcessor] and [Processor.Write], which turns a decoded JSON-LD
// document into one of the output [Format]s. The single operations
// ([Processor.Expand], [Processor.Compact], [Processor.Flatten],
// [Processor.Frame], [Processor.ToNQuads], [Processor.Canonical],
// [Processor.FromNQuads], [Processor.HTML]) and [ExtractHTML] are there for
// callers that need one step. RDF as statements ([Quad]) is read with
// [ReadNQuads] and [ReadTurtle] (Turtle and TriG) and written with
// [WriteTurtle], [WriteTriG] and [WriteSPARQLUpdate]; [Units] groups a
// dataset's graphs the way a store replaces them.
//
// json-gold (github.com/piprate/json-gold) is the JSON-LD engine; this
// package and its internal/jsongold, which holds the parts of json-gold
// film2ld adapted (Apache-2.0, fenced there with their licence), are the
// only ones of film2ld that import it.
//
// # Offline operation
//
// The schema.org context of the release in package schemaorg is built in and
// served for every schema.org context URL (http or https, with or without
// www., trailing slash or /docs/jsonldcontext.jsonld). Any other context URL
// is refused with [ErrRemoteContext] unless the processor was made with
// [Config.AllowRemote]. Nothing in this package or its tests touches the
// network otherwise.
//
// # Speed
//
// json-gold's public API parses the 3,000-term schema.org context on every
// call, which costs tens of milliseconds. A [Processor] instead uses a context
// parsed once per process (with its inverse context precomputed, so that
// sharing it between goroutines is free of data races) whenever a document's
// @context is the schema.org URL, and falls back to ordinary processing
// otherwise.
//
// # Determinism
//
// JSON output has sorted keys, two-space indentation and a trailing newline;
// N-Quads are sorted and deduplicated; canonical N-Quads follow RDFC-1.0
// (URDNA2015) and match the jsonld.js reference byte for byte on the fixtures
// in testdata.
//
// # No silent loss
//
// json-gold drops statements whose http(s) IRIs fail its URL check (any
// of 2,083 characters or more, hosts such as "-"), writes some characters
// into N-Quads IRIs unescaped, and the JSON-LD algorithms drop relative
// IRI references. Its URL check never sees an IRI here: film2ld keeps
// the absolute IRIs jsonld.js keeps, but for those Go's URL parser
// refuses ("%zz", a port that is no number, "{" in a host), which
// json-gold would read as relative. Before converting, every IRI and
// literal of the expanded document is checked, and a problem (an IRI with
// white space, or one no IRI can be, such as "%zz" or a port that is no
// number) is reported as a [*NodeError] naming the node and property
// instead of being dropped. [Options.Lenient]
// asks for JSON-LD's behaviour instead: the same things are dropped, and
// each kind is recorded once in a [Dropped].
//
// # Conformance
//
// TestW3C runs the W3C JSON-LD 1.1 and RDFC-1.0 suites when they are found
// (../shared/w3c or $FILM2LD_W3C); testdata/w3c-exceptions.txt lists every
// case not run or not passing, with its reason.
package ld
