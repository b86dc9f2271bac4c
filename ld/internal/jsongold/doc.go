// Package jsongold holds the code film2ld adapted from JSON-goLD
// (github.com/piprate/json-gold v0.8.0, Apache-2.0; LICENSE beside this
// file), fenced off from film2ld's own: RDFC-1.0 canonicalization with a
// work limit ([Canonicalize]), linear-time node map generation
// ([GenerateNodeMap]) and the @last embedding of framing ([FrameGraph]).
// Each file names its upstream file and what changed; UPSTREAM.md records
// the fixes to offer upstream and what a newer json-gold would remove.
//
// Package ld is the only user; a differential test there runs the same
// inputs through this copy and through json-gold's own API.
package jsongold
