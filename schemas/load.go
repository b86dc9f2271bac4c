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

// ErrTooDeep reports arrays and objects nested more than MaxDepth levels.
var ErrTooDeep = jsonpos.ErrTooDeep

// MaxDepth is how deeply a document's arrays and objects may nest; deeper
// nesting is one json.depth error, and nothing in the document is checked.
const MaxDepth = jsonpos.MaxDepth

// Finding reports the error as validate does: one error, since nothing
// else in the text could be checked. what names the text ("document",
// "script block").
func (e *SyntaxError) Finding(what string) Finding {
	if errors.Is(e.Err, ErrTooDeep) {
		return Finding{Severity: Error, Rule: RuleJSONDepth, Node: what, Pos: e.Pos,
			Message: e.Err.Error() + "; nothing in it was checked",
			Fix:     "flatten the markup: give nodes an @id and refer to them, or split it into blocks"}
	}
	return Finding{Severity: Error, Rule: RuleJSONSyntax, Node: what, Pos: e.Pos,
		Message: "not JSON: " + e.Err.Error(), Fix: "fix the JSON; nothing in it was checked"}
}

// bom is the UTF-8 byte-order mark, which some editors and CMSs write at
// the start of a file; JSON forbids it, but every browser and search engine
// skips it, so validate does too and notes it.
var bom = []byte("\xef\xbb\xbf")

// stripBOM removes a leading byte-order mark, noting it in g.
func (g *Graph) stripBOM(data []byte, file string) []byte {
	if !bytes.HasPrefix(data, bom) {
		return data
	}
	g.Problems = append(g.Problems, Finding{Severity: Note, Rule: RuleBOM, Node: "document",
		Message: "the file starts with a UTF-8 byte-order mark, which was skipped",
		Fix:     "save the file as UTF-8 without BOM; JSON parsers other than browsers may refuse it",
		Pos:     Pos{File: file, Line: 1, Col: 1}})
	return data[len(bom):]
}

// Load reads one JSON-LD document, remembering where every value stands.
func Load(data []byte, file string) (*Graph, error) {
	g := newGraph()
	data = g.stripBOM(data, file)
	src := source{file: file, data: data, idx: jsonpos.NewIndex(data), line0: 1, positioned: true}
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
	g := newGraph()
	data = g.stripBOM(data, file)
	texts, err := ld.ScriptTexts(bytes.NewReader(data), file)
	if err != nil {
		return nil, err
	}
	idx := jsonpos.NewIndex(data)
	for _, st := range texts {
		// The tokenizer counts columns in bytes; the block's byte offset
		// lets the file's index count them in characters.
		src := source{file: file, data: st.Text, idx: idx, base: idx.Offset(st.TextLine, st.TextCol), line0: st.TextLine, positioned: true}
		if err := g.add(src); err != nil {
			var se *SyntaxError
			if !errors.As(err, &se) {
				return nil, err
			}
			f := se.Finding("script block")
			f.Message = fmt.Sprintf("the JSON-LD block starting on line %d: %s", st.Line, f.Message)
			g.Problems = append(g.Problems, f)
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
