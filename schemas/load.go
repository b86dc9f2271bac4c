package schemas

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"sync"

	"github.com/film2ld/film2ld/ld"
	"github.com/film2ld/film2ld/schemas/internal/jsonpos"
)

// SyntaxError is input that is not JSON, at the position of the offending
// character.
type SyntaxError struct {
	Pos Pos
	Err error
}

func (e *SyntaxError) Error() string { return fmt.Sprintf("%s: %v", e.Pos, e.Err) }

// Unwrap returns the decoder's error.
func (e *SyntaxError) Unwrap() error { return e.Err }

// Load reads one JSON-LD document, remembering where every value stands.
func Load(data []byte, file string) (*Graph, error) {
	g := newGraph()
	src := source{file: file, data: data, line0: 1, col0: 1, positioned: true}
	if err := g.add(src); err != nil {
		return nil, err
	}
	g.finish()
	return g, nil
}

// LoadHTML reads every <script type="application/ld+json"> block of a page
// into one graph, so blocks that refer to each other by "@id" are joined.
// A block that is not JSON becomes a finding at its line and column, and
// the other blocks are still read.
func LoadHTML(data []byte, file string) (*Graph, error) {
	texts, err := ld.ScriptTexts(bytes.NewReader(data), file)
	if err != nil {
		return nil, err
	}
	g := newGraph()
	for _, st := range texts {
		src := source{file: file, data: st.Text, line0: st.TextLine, col0: st.TextCol, positioned: true}
		if err := g.add(src); err != nil {
			var se *SyntaxError
			if !errors.As(err, &se) {
				return nil, err
			}
			g.Problems = append(g.Problems, Finding{Severity: Error, Rule: "json.syntax", Node: "script block",
				Message: fmt.Sprintf("the JSON-LD block starting on line %d is not JSON: %v", st.Line, se.Err),
				Fix:     "fix the JSON; nothing in this block was checked", Pos: se.Pos})
		}
	}
	if len(texts) == 0 {
		g.Problems = append(g.Problems, Finding{Severity: Warning, Rule: "html.no-jsonld", Node: "page",
			Message: `no <script type="application/ld+json"> block`, Pos: Pos{File: file}})
	}
	g.finish()
	return g, nil
}

// FromDoc reads a decoded JSON-LD document, such as film2ld's own export.
// Findings are placed at the file as a whole (nodes have no lines).
func FromDoc(doc any, file string) *Graph {
	g := newGraph()
	g.newBuilder(source{file: file}).document(jsonpos.FromAny(doc))
	g.finish()
	return g
}

// add parses one JSON text and adds its nodes.
func (g *Graph) add(src source) error {
	v, err := jsonpos.Parse(src.data)
	if err != nil {
		var se *jsonpos.SyntaxError
		if errors.As(err, &se) {
			return &SyntaxError{Pos: src.pos(se.Offset), Err: se.Err}
		}
		return err
	}
	if ctx := topContext(v); ctx != nil && !isSchemaOrgContext(ctx) {
		// Prefixes of its own, another vocabulary, "schema" bound to
		// https: terms mean what this context says, so the JSON-LD
		// processor reads them and the checks see the document compacted
		// to schema.org's terms (placed at the document's first line).
		g.addCompacted(src, ctx)
		return nil
	}
	g.newBuilder(src).document(v)
	return nil
}

// topContext returns the @context of a document (or of its first node).
func topContext(v *jsonpos.Value) *jsonpos.Value {
	switch v.Kind {
	case jsonpos.Object:
		return v.Get("@context")
	case jsonpos.Array:
		if len(v.Items) > 0 && v.Items[0].Kind == jsonpos.Object {
			return v.Items[0].Get("@context")
		}
	}
	return nil
}

// processor compacts documents with contexts of their own; it is shared, as
// it holds the parsed schema.org context.
var processor = sync.OnceValue(func() *ld.Processor { return ld.NewProcessor(ld.Config{}) })

// contextBase resolves relative references while reading a document with a
// context of its own, since compaction needs absolute IRIs; it is a
// reserved domain, so no finding mistakes it for the page's.
const contextBase = "https://film2ld.invalid/"

func (g *Graph) addCompacted(src source, ctx *jsonpos.Value) {
	pos := src.pos(ctx.Offset)
	var doc any
	if err := json.Unmarshal(src.data, &doc); err != nil {
		g.Problems = append(g.Problems, Finding{Severity: Error, Rule: "json.syntax", Node: "document", Message: err.Error(), Pos: pos})
		return
	}
	compacted, err := processor().Compact(doc, ld.Options{Base: contextBase})
	switch {
	case errors.Is(err, ld.ErrRemoteContext):
		g.Problems = append(g.Problems, Finding{Severity: Warning, Rule: "jsonld.context", Node: "document", Property: "@context",
			Message: "the context names a URL film2ld does not fetch, so the document was not checked: " + err.Error(),
			Fix:     `use "@context": "https://schema.org", or check with a tool that may fetch the context`, Pos: pos})
		return
	case err != nil:
		g.Problems = append(g.Problems, Finding{Severity: Error, Rule: "jsonld.invalid", Node: "document",
			Message: "not valid JSON-LD: " + err.Error(), Pos: pos})
		return
	}
	g.newBuilder(source{file: src.file, line0: pos.Line}).document(jsonpos.FromAny(compacted))
}
