package ld

import (
	"fmt"

	jld "github.com/piprate/json-gold/ld"
)

// Config is fixed when a [Processor] is made.
type Config struct {
	// AllowRemote lets documents use context URLs other than schema.org's,
	// fetched over HTTP by json-gold's default loader. Without it such a
	// document fails with [ErrRemoteContext]; the built-in schema.org context
	// is used either way.
	AllowRemote bool
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
}

// Processor runs JSON-LD operations. It is safe for concurrent use; make one
// and share it.
type Processor struct {
	cfg Config
	// shared replaces the per-process contexts in tests that need fresh
	// ones.
	shared *contexts
}

// NewProcessor returns a processor with the given configuration.
func NewProcessor(cfg Config) *Processor {
	return &Processor{cfg: cfg}
}

// contexts returns the pre-parsed schema.org contexts of p's mode.
func (p *Processor) contexts() (*contexts, error) {
	if p.shared != nil {
		return p.shared, nil
	}
	return contextsFor(p.cfg.AllowRemote)
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
