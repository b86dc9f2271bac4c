package ld

import (
	"bytes"
	"fmt"
	"io"
	"strings"
)

// Format is an output form of [Processor.Write].
type Format int

// The output formats. Every one gives the same bytes on every run.
const (
	// FormatJSONLD is compact JSON-LD against the schema.org context with
	// the root node at the top and the others embedded (see
	// [Processor.Frame] and [Options.Root]); where no single root can be
	// found it is plain [Processor.Compact] output.
	FormatJSONLD Format = iota
	// FormatExpanded is expanded JSON-LD ([Processor.Expand]).
	FormatExpanded
	// FormatFlattened is flattened JSON-LD ([Processor.Flatten]).
	FormatFlattened
	// FormatNQuads is sorted N-Quads ([Processor.ToNQuads]).
	FormatNQuads
	// FormatCanonical is canonical N-Quads ([Processor.Canonical]).
	FormatCanonical
	// FormatHTML is a script element holding FormatJSONLD ([Processor.HTML]).
	FormatHTML
	// FormatTurtle is Turtle, for a graph without named graphs ([WriteTurtle]).
	FormatTurtle
	// FormatTriG is TriG, for a dataset ([WriteTriG]).
	FormatTriG
	// FormatSPARQLUpdate is a SPARQL 1.1 Update that replaces each named
	// graph of a dataset ([WriteSPARQLUpdate]).
	FormatSPARQLUpdate
)

var formatNames = [...]string{"jsonld", "expanded", "flattened", "nquads", "canonical", "html", "turtle", "trig", "sparql-update"}

// String returns the name ParseFormat accepts.
func (f Format) String() string {
	if f >= 0 && int(f) < len(formatNames) {
		return formatNames[f]
	}
	return fmt.Sprintf("Format(%d)", int(f))
}

// Formats returns every format in the order of their constants.
func Formats() []Format {
	out := make([]Format, len(formatNames))
	for i := range out {
		out[i] = Format(i)
	}
	return out
}

// ParseFormat returns the format named s: jsonld, expanded, flattened,
// nquads, canonical, html, turtle, trig or sparql-update.
func ParseFormat(s string) (Format, error) {
	for i, name := range formatNames {
		if s == name {
			return Format(i), nil
		}
	}
	return 0, fmt.Errorf("%w %q (want one of %s)", ErrUnknownFormat, s, strings.Join(formatNames[:], ", "))
}

// Write converts doc to format f and writes it to w. Nothing is written
// unless the whole conversion succeeds.
func (p *Processor) Write(w io.Writer, doc any, f Format, opts Options) error {
	var buf bytes.Buffer
	switch f {
	case FormatJSONLD, FormatExpanded, FormatFlattened:
		var v any
		var err error
		switch f {
		case FormatJSONLD:
			v, err = p.jsonld(doc, opts)
		case FormatExpanded:
			v, err = p.Expand(doc, opts)
		default:
			v, err = p.Flatten(doc, opts)
		}
		if err != nil {
			return err
		}
		if err := encodeJSON(&buf, v, false); err != nil {
			return err
		}
	case FormatNQuads, FormatCanonical:
		conv := p.ToNQuads
		if f == FormatCanonical {
			conv = p.Canonical
		}
		s, err := conv(doc, opts)
		if err != nil {
			return err
		}
		buf.WriteString(s)
	case FormatHTML:
		b, err := p.HTML(doc, opts)
		if err != nil {
			return err
		}
		buf.Write(b)
	case FormatTurtle, FormatTriG, FormatSPARQLUpdate:
		if err := p.writeRDF(&buf, doc, f, opts); err != nil {
			return err
		}
	default:
		return fmt.Errorf("ld: write: %w %v", ErrUnknownFormat, f)
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// frameConsuming frames an expanded document, which it takes apart, on
// its root (autoRoot), if it has one and framing succeeds; ok is false
// otherwise. The node map is let go of once framed, before compaction.
func (p *Processor) frameConsuming(expanded []any) (v map[string]any, ok bool) {
	nodeMap, _, err := nodeMapFrom(expanded, true)
	if err != nil || len(nodeMap) != 1 {
		return nil, false
	}
	root := rootOf(nodeMap)
	if root == "" {
		return nil, false
	}
	v, err = p.frameNodeMap(nodeMap, root)
	return v, err == nil
}

// jsonld returns the FormatJSONLD form of doc: framed on opts.Root, or on
// the type of the document's only unreferenced node, or else compacted as it
// is.
func (p *Processor) jsonld(doc any, opts Options) (map[string]any, error) {
	expanded, err := p.expand(doc, opts)
	if err != nil {
		return nil, err
	}
	if opts.Root != "" {
		return p.frameExpanded(expanded, opts.Root, true)
	}
	if len(expanded) != 1 {
		if root, nodeMap := autoRootMap(expanded); root != "" {
			if v, err := p.frameNodeMap(nodeMap, root); err == nil {
				return v, nil
			}
		}
		return p.compactExpanded(expanded, false)
	}
	// One node at the top (a web snippet, a page's markup), which most
	// often is the root: the node map is made of the expanded document
	// itself, taken apart as it goes, rather than of a copy beside it
	// (the copy and the document were a third of the peak for a 14 MB
	// snippet). Where it is not framed after all, compaction needs the
	// document: it is expanded again (its drops were recorded once).
	if v, ok := p.frameConsuming(expanded); ok {
		return v, nil
	}
	again := opts
	if opts.Lenient != nil {
		again.Lenient = &Dropped{}
	}
	if expanded, err = p.expand(doc, again); err != nil {
		return nil, err
	}
	return p.compactExpanded(expanded, false)
}
