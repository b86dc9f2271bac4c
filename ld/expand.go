package ld

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	jld "github.com/piprate/json-gold/ld"

	"github.com/film2ld/film2ld/ld/internal/jsongold"
)

// Expand returns the expanded form of doc, a decoded JSON-LD document (the
// values encoding/json produces; Go integers are accepted too). Every IRI and
// literal of the result has been checked, so it converts to RDF without loss.
func (p *Processor) Expand(doc any, opts Options) ([]any, error) {
	expanded, err := p.expand(doc, opts)
	if err != nil {
		return nil, err
	}
	return expanded, nil
}

// expand is the first step of every operation.
func (p *Processor) expand(doc any, opts Options) ([]any, error) {
	var norm any
	var err error
	if opts.Lenient != nil {
		norm, err = normalizeLenient(doc, "", opts.Lenient)
	} else {
		if refused := firstNodeRefusal(doc); refused != nil {
			return nil, refused
		}
		norm, err = normalize(doc, "")
	}
	if err != nil {
		return nil, fmt.Errorf("ld: expand: %w", err)
	}
	if p.cfg.AllowRemote {
		if err := absolutizeContexts(norm, opts.DocumentURL); err != nil {
			return nil, fmt.Errorf("ld: expand: %w", err)
		}
	}
	var out []any
	// A top-level array expands to the concatenation of its items, so each
	// item can take the fast path of its own @context.
	items, isList := norm.([]any)
	if !isList {
		items = []any{norm}
	}
	// json-gold resolves relative references itself, but re-encodes what it
	// should refuse ("Rivet City" became ".../Rivet%20City") and panics on
	// some references ("1.2.3.4:80"). So expansion runs without the base,
	// the references are checked as written, and resolveRelative applies
	// the base to the ones that passed.
	noBase := opts
	noBase.Base = ""
	// A document that sets @base gets stand-ins for its bases (and for
	// opts.Base) that undo turns back, so that every reference is resolved
	// by RFC 3986 (resolveIRI) and "@base": null, "" or ".." mean what
	// JSON-LD says rather than being overridden by opts.Base afterwards.
	standIns := &baseStandIns{}
	hasBase := standIns.replaceBases(items, opts.Base)
	if hasBase {
		noBase.Base = standIns.add(opts.Base)
	}
	for _, item := range items {
		e, err := p.expandItem(item, noBase, !isList)
		if err != nil {
			return nil, err
		}
		out = append(out, e...)
	}
	if out == nil {
		out = []any{}
	}
	// A literal's base direction has a place in JSON-LD, and in RDF only
	// with an rdfDirection.
	refuseDir := opts.toRDF && opts.RDFDirection == ""
	if hasBase {
		standIns.undo(out)
		if opts.Lenient != nil {
			return pruneExpanded(out, false, refuseDir, opts.Lenient), nil
		}
		if err := checkExpanded(out, false, refuseDir); err != nil {
			return nil, err
		}
		return out, nil
	}
	if opts.Lenient != nil {
		out = pruneExpanded(out, opts.Base != "", refuseDir, opts.Lenient)
	} else if err := checkExpanded(out, opts.Base != "", refuseDir); err != nil {
		return nil, err
	}
	if opts.Base != "" {
		if err := resolveRelative(out, opts.Base); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// expandItem expands one item of the document (the document itself when
// topLevel, else an item of its top-level array).
func (p *Processor) expandItem(item any, opts Options, topLevel bool) ([]any, error) {
	c, err := p.contexts()
	if err != nil {
		return nil, err
	}
	jopts, err := p.options(opts.Base)
	if err != nil {
		return nil, err
	}
	if m, ok := item.(map[string]any); ok && m["@context"] == nil {
		if term := firstTerm(m); term != "" && opts.Lenient != nil {
			opts.Lenient.add("term with no @context to give it a meaning", fmt.Sprintf("%q", term))
		} else if err := noContextError(m); err != nil {
			return nil, err
		}
	}
	var active *jsongold.Context
	if m, ok := item.(map[string]any); ok {
		active, err = p.activeContext(m, c, jopts)
		if err != nil {
			return nil, err
		}
	}
	switch {
	case active == nil:
		// No @context, or one that is not schema.org's: ordinary processing,
		// with the loader serving schema.org's context when it is named.
		active = withBase(jsongold.NewContext(nil, jopts), opts.Base)
	case active == c.expand:
		active = withBase(active, opts.Base)
	default:
		// Parsed from the schema.org context with the base already set:
		// setting it again would undo a @base of the document's own.
	}

	var expanded any
	err = guard("expand", func() error {
		var err error
		expanded, err = jsongold.NewJsonLdApi().Expand(active, "", item, jopts, false, nil)
		return err
	})
	var je *jld.JsonLdError
	if err != nil && opts.Lenient != nil && errors.As(err, &je) && je.Code == jld.InvalidProperty {
		// Safe mode found a property that does not expand to an IRI; the
		// lenient call drops it as JSON-LD does. The error names the
		// first such key (jsongold.DroppedProperty); others like it go
		// with it.
		where := "a key of the document"
		if dp, ok := je.Details.(jsongold.DroppedProperty); ok {
			where = fmt.Sprintf("%q (and any other key like it)", dp.Key)
		}
		opts.Lenient.add("property that does not expand to an IRI (no term or prefix in the @context for it)", where)
		jopts.SafeMode = false
		// The active context's options rule, and the contexts made from
		// it ("@context": null in a node): a schema.org context's kept
		// safe mode on, and the lenient run failed after its warning.
		active = active.WithOptions(jopts)
		err = guard("expand", func() error {
			var err error
			expanded, err = jsongold.NewJsonLdApi().Expand(active, "", item, jopts, false, nil)
			return err
		})
	}
	if err != nil {
		return nil, fmt.Errorf("ld: expand: %w", wrapInput(err))
	}
	// The final steps of the expansion algorithm (json-gold keeps them in its
	// processor, not its API). Only the document's own object, not an item
	// of its top-level array, is unwrapped when it holds @graph alone: in
	// an array, {"@context": …, "@graph": […]} is a graph object, whose
	// nodes go in a named graph labelled by a blank node (JSON-LD 1.1 API,
	// expansion's last step; jsonld.js does so). Items unwrapped here put
	// a plugin's @graph of nodes in the default graph.
	if m, ok := expanded.(map[string]any); ok {
		if g, ok := m["@graph"]; ok && len(m) == 1 && topLevel {
			expanded = g
		} else if len(m) == 0 {
			expanded = nil
		}
	}
	switch e := expanded.(type) {
	case nil:
		return nil, nil
	case []any:
		return e, nil
	default:
		return []any{e}, nil
	}
}

// activeContext returns the pre-parsed context to expand m with when its
// @context starts with a schema.org context URL, and removes what it used
// from m. It returns nil when m needs ordinary processing.
func (p *Processor) activeContext(m map[string]any, c *contexts, jopts *jld.JsonLdOptions) (*jsongold.Context, error) {
	ctxVal, ok := m["@context"]
	if !ok {
		return nil, nil
	}
	switch v := ctxVal.(type) {
	case string:
		if IsSchemaOrgContext(v) {
			delete(m, "@context")
			dropRepeatedContexts(m)
			return c.expand, nil
		}
	case []any:
		if len(v) > 0 {
			if s, ok := v[0].(string); ok && IsSchemaOrgContext(s) {
				delete(m, "@context")
				if len(v) == 1 {
					return c.expand, nil
				}
				// Parse copies the context before adding to it, so the
				// shared one is only read.
				active, err := c.extendedContext(v[1:], jopts, func() (*jsongold.Context, error) {
					var active *jsongold.Context
					err := guard("expand", func() error {
						var err error
						active, err = withBase(c.expand, jopts.Base).Parse(v[1:])
						return err
					})
					return active, err
				})
				if err != nil {
					return nil, fmt.Errorf("ld: expand: @context: %w", wrapInput(err))
				}
				return active, nil
			}
		}
	}
	return nil, nil
}

// dropRepeatedContexts removes nested "@context": "https://schema.org"
// entries under a node whose active context is exactly schema.org's:
// applying the same context again changes nothing, but json-gold would parse
// it again, at the full cost, for every node that repeats it (scraped pages
// often do). It does not descend below any other context.
func dropRepeatedContexts(v any) {
	switch v := v.(type) {
	case []any:
		for _, e := range v {
			dropRepeatedContexts(e)
		}
	case map[string]any:
		if _, ok := v["@value"]; ok {
			return // a JSON literal's content is data, not JSON-LD
		}
		if ctx, ok := v["@context"]; ok {
			s, isString := ctx.(string)
			if !isString || !IsSchemaOrgContext(s) {
				return
			}
			delete(v, "@context")
		}
		for _, e := range v {
			dropRepeatedContexts(e)
		}
	}
}

// wrapInput marks a json-gold error as invalid input unless it already
// carries one of our sentinels (a refused context, say).
func wrapInput(err error) error {
	if errors.Is(err, ErrRemoteContext) || errors.Is(err, ErrInvalidInput) {
		return err
	}
	return fmt.Errorf("%w: %w", ErrInvalidInput, err)
}

// firstTerm returns, in sorted order, the first key of a node that is
// neither a keyword nor an IRI, or "".
// noContextError is the error expansion gives a top-level node m that
// has no @context and a term: without a context a term means nothing and
// JSON-LD drops it (jsonld.js without a word); film2ld names it instead.
// It is nil when m has a @context or no term.
func noContextError(m map[string]any) error {
	if m["@context"] != nil {
		return nil
	}
	if term := firstTerm(m); term != "" {
		return fmt.Errorf("ld: expand: %w: no @context, so the term %q has no meaning (add \"@context\": \"https://schema.org\")", ErrInvalidInput, term)
	}
	return nil
}

// FirstNodeRefusal is the error expansion gives a decoded document
// before anything else, when its first node has terms and no @context
// (see ScanArrayItems), or nil: a caller that checks more of the
// document first says what reading it gives first.
func FirstNodeRefusal(doc any) error { return firstNodeRefusal(doc) }

// firstNodeRefusal returns the error of a document whose first node
// (the document itself when it is an object, else its top-level array's
// first item that is an object or an array) is an object with terms and
// no @context, or nil. Expansion gives it before anything else, before
// the checks of the whole document's keys and values: so the scans
// (ScanArrayItems, ScanTopNode), which read the first node alone, give
// the error reading the whole document gives. (The checks came first:
// {"@A": "", "0": {}} was refused for "@A" when read whole and for "0"
// when scanned; FuzzLoad found it.)
func firstNodeRefusal(doc any) error {
	switch doc := doc.(type) {
	case map[string]any:
		return noContextError(doc)
	case []any:
		for _, item := range doc {
			switch item := item.(type) {
			case map[string]any:
				return noContextError(item)
			case []any:
				return nil
			case *leftOut:
				if item.stops {
					return nil // objects or arrays left out (ReadLeavingOut)
				}
			}
		}
	}
	return nil
}

// ScanArrayItems reads the JSON-LD document r holds, which must be valid
// JSON (see [CheckJSON]), as it goes, and tells what the items of its
// top-level array decide before the whole is decoded. onlyValues is set
// when it is an array of values alone (numbers, strings, booleans and
// nulls): expansion drops every one, so the document reads as the empty
// array [] does (a 200 MB array of numbers took over 11 GB to be decoded
// to nothing). refused is the error reading it gives (without
// Options.Lenient) when the array's first node is one expansion refuses
// before anything else, a node with terms and no @context (an array of
// 20 million such small objects took 18 GB to be decoded before the first
// was refused); nil whenever the whole document is needed to tell.
// Values before that node are skipped a byte at a time, not decoded.
func ScanArrayItems(r io.Reader) (onlyValues bool, refused error) {
	h := scanHead(r)
	switch {
	case h.kind != '[':
		return false, nil
	case h.first == nil:
		return true, nil
	case h.first[0] != '{':
		return false, nil
	}
	var m map[string]any
	if err := json.Unmarshal(h.first, &m); err != nil {
		return false, nil
	}
	return false, noContextError(m)
}

// ArrayValues returns how many values the top-level array of the valid
// JSON text r holds before its first object or array: all of its items
// for an array of values alone (0 for []), which ScanArrayItems reads as
// [] is, for a message that counts what expansion drops.
func ArrayValues(r io.Reader) int {
	if h := scanHead(r); h.kind == '[' {
		return h.values
	}
	return 0
}

// ScanTopNode reads the valid JSON text r holds as it goes and, when it
// is a node object with terms and no @context, returns the error reading
// it gives (without Options.Lenient), as [ScanArrayItems] does for an
// array's first node: the object's keys are read and its values skipped,
// not decoded (validate decoded and expanded a 19 MB package-lock.json
// whole to learn it). It returns nil as soon as a @context is read, and
// whenever the whole document is needed to tell.
func ScanTopNode(r io.Reader) error {
	br := bufio.NewReaderSize(r, 64<<10)
	if c, ok := nextNonSpace(br); !ok || c != '{' {
		return nil
	}
	keys := map[string]any{}
	for {
		c, ok := nextNonSpace(br)
		switch {
		case !ok:
			return nil
		case c == '}':
			return noContextError(keys)
		case c == ',':
			continue
		case c != '"':
			return nil
		}
		key, ok := scanKey(br)
		if !ok {
			return nil
		}
		if c, ok := nextNonSpace(br); !ok || c != ':' {
			return nil
		}
		// The value, skipped a byte at a time, not decoded (a string of
		// 200 MB was decoded, 670 MB, to learn the key before it); only
		// whether it is null counts (a null @context is none).
		null, ok := skipValue(br)
		if !ok {
			return nil
		}
		if key == "@context" && !null {
			return nil
		}
		var value any
		if !null {
			value = true
		}
		keys[key] = value
	}
}

// skipString reads past the rest of a JSON string whose opening quote
// was read, a buffer at a time: a quote ends it unless an odd number of
// backslashes stands before it.
func skipString(br *bufio.Reader) bool {
	run := 0 // the backslashes just before what is read next
	for {
		chunk, err := br.ReadSlice('"')
		if err != nil && err != bufio.ErrBufferFull {
			return false
		}
		quote := err == nil
		body := chunk
		if quote {
			body = chunk[:len(chunk)-1]
		}
		n := 0
		for n < len(body) && body[len(body)-1-n] == '\\' {
			n++
		}
		if n == len(body) {
			run += n
		} else {
			run = n
		}
		if quote {
			if run%2 == 0 {
				return true
			}
			run = 0 // an escaped quote, part of the string
		}
	}
}

// maxScannedKey is the longest key ScanTopNode reads; a longer one is
// left to the whole document's reading.
const maxScannedKey = 64 << 10

// nextNonSpace returns the next byte past JSON's white space.
func nextNonSpace(br *bufio.Reader) (byte, bool) {
	for {
		c, err := br.ReadByte()
		if err != nil {
			return 0, false
		}
		if c != ' ' && c != '\t' && c != '\n' && c != '\r' {
			return c, true
		}
	}
}

// scanKey reads a JSON string whose opening quote was read, decoded;
// false past maxScannedKey bytes.
func scanKey(br *bufio.Reader) (string, bool) {
	raw := []byte{'"'}
	escaped := false
	for {
		c, err := br.ReadByte()
		if err != nil || len(raw) > maxScannedKey {
			return "", false
		}
		raw = append(raw, c)
		var inString bool
		if inString, escaped = inJSONString(c, escaped); !inString {
			var key string
			if json.Unmarshal(raw, &key) != nil {
				return "", false
			}
			return key, true
		}
	}
}

// skipValue reads past one JSON value, not decoding it, and reports
// whether it was null.
func skipValue(br *bufio.Reader) (null, ok bool) {
	c, ok := nextNonSpace(br)
	if !ok {
		return false, false
	}
	switch c {
	case '"':
		return false, skipString(br)
	case '{', '[':
		for depth := 1; depth > 0; {
			c, err := br.ReadByte()
			if err != nil {
				return false, false
			}
			switch c {
			case '"':
				if !skipString(br) {
					return false, false
				}
			case '{', '[':
				depth++
			case '}', ']':
				depth--
			}
		}
		return false, true
	}
	// A literal: null, true, false or a number, up to the byte that ends it.
	lit := []byte{c}
	for {
		c, err := br.ReadByte()
		if err != nil {
			return false, false
		}
		if c == ',' || c == '}' || c == ']' || c == ' ' || c == '\t' || c == '\n' || c == '\r' {
			br.UnreadByte()
			return string(lit) == "null", true
		}
		if len(lit) < 8 {
			lit = append(lit, c)
		}
	}
}

// TopValues describes the values (numbers, strings, booleans, nulls) at
// the top level of a JSON-LD document: a value that is the whole text,
// or the items of its top-level array. JSON-LD gives them no meaning and
// expansion drops them without a word.
type TopValues struct {
	// Only is set when the document holds values alone: a lone value, or
	// an array of values only (the empty array too).
	Only bool
	// Count is how many values there are, or when Only is unset how many
	// come before the array's first object or array.
	Count int
	// Offset is the byte offset of the first value in the text (0 when
	// there is none).
	Offset int64
}

// ScanTopValues reads the valid JSON text r holds as far as the first
// object or array of its top-level array, a byte at a time, and reports
// its top-level values: a document of values alone is so told without
// being decoded (a 20 MB array of numbers took 815 MB to be decoded and
// checked). A text that starts with a byte-order mark or cannot be read
// reports nothing.
func ScanTopValues(r io.Reader) TopValues {
	h := scanHead(r)
	switch h.kind {
	case '[':
		if h.values == 0 {
			return TopValues{Only: h.first == nil}
		}
		return TopValues{Only: h.first == nil, Count: h.values, Offset: h.firstValue}
	case '{', 0:
		return TopValues{}
	case '"', '-', 't', 'f', 'n', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		return TopValues{Only: true, Count: 1, Offset: h.firstValue}
	}
	return TopValues{}
}

// head is what scanHead reads of a JSON text.
type head struct {
	// kind is the text's first byte past white space, 0 when unread.
	kind byte
	// first is, in an array, the text of the first of its items that is
	// an object, or "[" for an array; nil when it holds values alone.
	first []byte
	// values counts an array's values before first; firstValue is the
	// offset of the first of them, or of a lone value.
	values     int
	firstValue int64
}

// scanHead reads the valid JSON text r holds and, when it is an array,
// as far as the first of its items that is an object or an array,
// counting the values before it a byte at a time.
func scanHead(r io.Reader) head {
	br := bufio.NewReaderSize(r, bufferFor(r, 64<<10))
	var h head
	var off int64 // of the byte just read
	for ; ; off++ {
		c, err := br.ReadByte()
		if err != nil {
			return head{}
		}
		if c != ' ' && c != '\t' && c != '\n' && c != '\r' {
			h.kind, h.firstValue = c, off
			break
		}
	}
	if h.kind != '[' {
		return h
	}
	var obj []byte // the object's text, from its opening brace
	depth := 0     // of obj's brackets
	inString, escaped := false, false
	item := true // the next byte past white space starts an item
	for {
		c, err := br.ReadByte()
		off++
		if err != nil {
			return head{} // valid JSON closes the array before its end
		}
		if obj != nil {
			obj = append(obj, c)
		}
		if item && c != ' ' && c != '\t' && c != '\n' && c != '\r' {
			item = false
			if c != '{' && c != '[' && c != ']' {
				if h.values == 0 {
					h.firstValue = off
				}
				h.values++
			}
		}
		switch {
		case inString:
			inString, escaped = inJSONString(c, escaped)
		case c == '"':
			inString = true
		case c == ',' && obj == nil:
			item = true
		case c == '{' || c == '[':
			if obj == nil {
				if c == '[' {
					h.first = []byte("[")
					return h
				}
				obj = []byte{c}
			}
			depth++
		case c == '}' || c == ']':
			if obj == nil {
				return h // the end of the array
			}
			if depth--; depth == 0 {
				h.first = obj
				return h
			}
		}
	}
}

func firstTerm(m map[string]any) string {
	for _, k := range sortedKeys(m) {
		if !strings.HasPrefix(k, "@") && !strings.Contains(k, ":") {
			return k
		}
	}
	return ""
}
