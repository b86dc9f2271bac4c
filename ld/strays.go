package ld

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strconv"

	"github.com/film2ld/film2ld/ld/internal/jsonscan"
)

// Strays is what JSON-LD drops without a word at the top of a document:
// the items of its top-level array, or of its "@graph", that are no
// node (numbers, strings, booleans, nulls, and objects with no key but a
// @context; an array's items count one by one, as JSON-LD flattens an
// array in an array), or the document itself when it is such a value.
type Strays struct {
	// First is the JSON Pointer of the first ("" for the document).
	First string
	// Count is how many there are; Nodes counts the other items (and
	// one for an object that holds "@graph" beside other keys: it is a
	// node of its own, its graph named).
	Count, Nodes int
	// NotObjects counts the items of the top-level array or "@graph"
	// themselves that are no object (values, and arrays whatever they
	// hold), and one for a document that is a value: where it is 0, each
	// item is a node or an object with nothing in it but a @context.
	NotObjects int
	// Refused is set when expansion refuses the document before
	// anything else (FirstNodeRefusal): its first node has terms and no
	// @context.
	Refused bool
	// Context is the text of the top-level object's "@context" value,
	// when it has one of up to 4 KiB: a caller that tells the document
	// by what it holds beside its strays need not read it again.
	Context string
}

// ScanStrays reads the JSON text r holds as it goes, holding no more
// than one item of its top-level array (or "@graph") at a time, and
// tells what a decoded document's top level drops: the answer of
// counting the decoded items (see Strays), without the decoded tree (a
// 198 MB "@graph" of {} took 15 GB to be decoded for it). ok is false for
// a text that is not one JSON value, that writes a key twice in one
// object, or that cannot be read: its reading says what is wrong.
func ScanStrays(r io.Reader) (s Strays, ok bool) {
	br := bufio.NewReaderSize(r, bufferFor(r, 64<<10))
	if head, _ := br.Peek(len(utf8BOM)); bytes.Equal(head, utf8BOM) {
		br.Discard(len(utf8BOM))
	}
	sc := &strayScan{br: br}
	c, ok := nextNonSpace(br)
	if !ok {
		return s, false
	}
	switch c {
	case '[':
		ok = sc.items(true)
	case '{':
		ok = sc.topObject()
	default:
		ok = sc.scalar(c)
		sc.stray(-1)
		sc.s.NotObjects++
	}
	if !ok {
		return Strays{}, false
	}
	if _, more := nextNonSpace(br); more {
		return Strays{}, false
	}
	return sc.s, true
}

// strayScan is ScanStrays' state.
type strayScan struct {
	br        *bufio.Reader
	s         Strays
	firstSeen bool // the top array's first object or array was read
	nested    int  // how deep in arrays within the top items the scan is
	// at is the pointer of the array the top items stand in ("" or
	// "/@graph"), path the indexes of the arrays the scan is in below
	// it: the pointer of a stray is made from them only for the first
	// one. Made at each level, the pointers of 50,000 nested arrays took
	// 2.5 GB (their lengths' sum grows with the square of the depth).
	at   string
	path []int
	buf  []byte // the text of the value read last (captured)
	keys map[string]any
}

// stray counts one item that is no node, at index i of the array at
// pointer at (i < 0: the document itself).
func (sc *strayScan) stray(i int) {
	if sc.s.Count == 0 {
		b := []byte(sc.at)
		if i >= 0 {
			for _, j := range sc.path {
				b = strconv.AppendInt(append(b, '/'), int64(j), 10)
			}
			b = strconv.AppendInt(append(b, '/'), int64(i), 10)
		}
		sc.s.First = string(b)
	}
	sc.s.Count++
}

// items reads the items of an array whose "[" was read, at sc.at and
// sc.path; top is set for the document's own array, whose first object
// or array decides Refused. Arrays nested deeper than the JSON reader
// takes (MaxJSONDepth) end the scan, not ok: the reading refuses them.
func (sc *strayScan) items(top bool) bool {
	if len(sc.path) >= MaxJSONDepth {
		return false
	}
	c, ok := nextNonSpace(sc.br)
	if !ok {
		return false
	}
	if c == ']' {
		return true
	}
	for i := 0; ; i++ {
		switch c {
		case '[':
			if top && !sc.firstSeen {
				sc.firstSeen = true // an array first: nothing refused
			}
			if sc.nested == 0 {
				sc.s.NotObjects++
			}
			sc.nested++
			sc.path = append(sc.path, i)
			if !sc.items(false) {
				return false
			}
			sc.path = sc.path[:len(sc.path)-1]
			sc.nested--
		case '{':
			keys, ok := sc.object()
			if !ok {
				return false
			}
			if top && !sc.firstSeen {
				sc.firstSeen = true
				sc.s.Refused = noContextError(keys) != nil
			}
			if isNode(keys) {
				sc.s.Nodes++
			} else {
				sc.stray(i)
			}
		default:
			if !sc.scalar(c) {
				return false
			}
			sc.stray(i)
			if sc.nested == 0 {
				sc.s.NotObjects++
			}
		}
		if c, ok = nextNonSpace(sc.br); !ok {
			return false
		}
		switch c {
		case ']':
			return true
		case ',':
			if c, ok = nextNonSpace(sc.br); !ok {
				return false
			}
		default:
			return false
		}
	}
}

// isNode reports whether an object with keys (the value of each nil
// for null, else non-nil) is a node at the top level: it has a key other
// than a @context that is not null.
func isNode(keys map[string]any) bool {
	return len(keys) > 1 || len(keys) == 1 && keys["@context"] == nil
}

// topObject reads the document's object, whose "{" was read: its
// "@graph" array's items one at a time, its other values whole.
func (sc *strayScan) topObject() bool {
	keys := map[string]any{}
	graphItems := false
	for {
		c, ok := nextNonSpace(sc.br)
		switch {
		case !ok:
			return false
		case c == '}':
			if !graphItems {
				if isNode(keys) {
					sc.s.Nodes++
				} else {
					sc.stray(-1)
				}
			} else {
				for k := range keys {
					if k != "@context" && k != "@graph" {
						sc.s.Nodes++ // a node of its own, its graph named
						break
					}
				}
			}
			sc.s.Refused = noContextError(keys) != nil
			return true
		case c == ',':
			continue
		case c != '"':
			return false
		}
		key, ok := scanKey(sc.br)
		if !ok {
			return false
		}
		if _, twice := keys[key]; twice {
			return false
		}
		if c, ok := nextNonSpace(sc.br); !ok || c != ':' {
			return false
		}
		if c, ok = nextNonSpace(sc.br); !ok {
			return false
		}
		keys[key] = true
		if key == "@graph" && c == '[' {
			graphItems = true
			sc.at = "/@graph"
			if !sc.items(false) {
				return false
			}
			continue
		}
		if !sc.capture(c) {
			return false
		}
		if _, twice := jsonscan.DuplicateKey(sc.buf); twice {
			return false
		}
		if string(sc.buf) == "null" {
			keys[key] = nil
		}
		if key == "@context" && len(sc.buf) <= 4<<10 {
			sc.s.Context = string(sc.buf)
		}
	}
}

// object reads an object whose "{" was read, whole, and returns its
// keys, each value nil where it is null; ok is false when it writes a key
// twice.
func (sc *strayScan) object() (keys map[string]any, ok bool) {
	if !sc.capture('{') {
		return nil, false
	}
	if isEmptyObject(sc.buf) {
		return nil, true
	}
	if _, twice := jsonscan.DuplicateKey(sc.buf); twice {
		return nil, false
	}
	if sc.keys == nil {
		sc.keys = map[string]any{}
	}
	clear(sc.keys)
	return sc.keys, objectKeys(sc.buf, sc.keys)
}

// objectKeys puts in keys the keys of text, a JSON object, each nil where
// its value is null: read a byte at a time, as json.Unmarshal took a
// third of the time convert spent on a "@graph" of small nodes.
func objectKeys(text []byte, keys map[string]any) bool {
	depth, wantKey := 0, false
	for i := 0; i < len(text); i++ {
		switch c := text[i]; c {
		case '{', '[':
			if depth++; depth == 1 && c == '{' {
				wantKey = true
			}
		case '}', ']':
			depth--
		case ',':
			wantKey = depth == 1
		case '"':
			end := i + 1
			for escaped := false; end < len(text); end++ {
				if escaped {
					escaped = false
				} else if text[end] == '\\' {
					escaped = true
				} else if text[end] == '"' {
					break
				}
			}
			if end == len(text) {
				return false
			}
			if depth == 1 && wantKey {
				wantKey = false
				raw := text[i : end+1]
				key := string(raw[1 : len(raw)-1])
				if bytes.IndexByte(raw, '\\') >= 0 && json.Unmarshal(raw, &key) != nil {
					return false
				}
				rest := bytes.TrimLeft(text[end+1:], " \t\r\n:")
				if bytes.HasPrefix(rest, []byte("null")) {
					keys[key] = nil
				} else {
					keys[key] = true
				}
			}
			i = end
		}
	}
	return depth == 0
}

// isEmptyObject reports whether text is an object with no key.
func isEmptyObject(text []byte) bool {
	return len(bytes.TrimLeft(text[1:len(text)-1], " \t\r\n")) == 0
}

// scalar reads past a string, number or literal whose first byte c was
// read.
func (sc *strayScan) scalar(c byte) bool {
	if c == '"' {
		return skipString(sc.br)
	}
	if c == '{' || c == '[' || c == ']' || c == '}' || c == ',' || c == ':' {
		return false
	}
	return sc.scalarRest(false)
}

// scalarRest reads the rest of a number or literal, up to the byte after
// it (left unread) or the text's end; keep appends what it reads to
// sc.buf.
func (sc *strayScan) scalarRest(keep bool) bool {
	for {
		b, err := sc.br.ReadByte()
		if err == io.EOF {
			return true
		}
		if err != nil {
			return false
		}
		if b == ',' || b == '}' || b == ']' || b == ' ' || b == '\t' || b == '\n' || b == '\r' {
			return sc.br.UnreadByte() == nil
		}
		if keep {
			sc.buf = append(sc.buf, b)
		}
	}
}

// capture reads the value whose first byte c was read into sc.buf,
// whole.
func (sc *strayScan) capture(c byte) bool {
	sc.buf = append(sc.buf[:0], c)
	switch c {
	case '"':
		return sc.captureString()
	case '{', '[':
	default:
		return sc.scalarRest(true)
	}
	for depth := 1; depth > 0; {
		b, err := sc.br.ReadByte()
		if err != nil {
			return false
		}
		sc.buf = append(sc.buf, b)
		switch b {
		case '"':
			if !sc.captureString() {
				return false
			}
		case '{', '[':
			depth++
		case '}', ']':
			depth--
		}
	}
	return true
}

// captureString appends to sc.buf the rest of a string whose opening
// quote was read and appended.
func (sc *strayScan) captureString() bool {
	escaped := false
	for {
		chunk, err := sc.br.ReadSlice('"')
		if err != nil && err != bufio.ErrBufferFull {
			return false
		}
		for _, b := range chunk {
			sc.buf = append(sc.buf, b)
			var in bool
			if in, escaped = inJSONString(b, escaped); !in {
				return true
			}
		}
	}
}

// leftOut stands, in an array of a document ReadLeavingOut reads, for a
// run of n of its items that are no node, left out: expansion (through
// normalize) skips it and counts its items, so that a pointer names an
// item where the text has it, and the walk (WriteWalked) does not see
// it. stops is set when the run holds an object or an array, at which
// FirstNodeRefusal stops as at the items it stands for.
type leftOut struct {
	n     int
	stops bool
}

// ReadLeavingOut reads a JSON-LD document as Read reads InputJSONLD, with
// the same errors, but leaves out the items of its top-level array and
// of its "@graph" that JSON-LD drops without a word (see Strays): a
// value (a number no double holds is kept, for its error), an object
// with nothing in it, an array of nothing else. An object holding only a
// @context is kept, its context read as before. What it reads converts
// as the whole document does, with the same errors, warnings and
// pointers; only the items left out are not held (a "@graph" of 100
// million {} took 15 GB). The arrays may hold values of a type of ld's
// own for the items left out: give the document to Processor's methods,
// which read them, and to nothing else. It is for a document whose
// Strays are not Refused: a node after the items left out is not
// refused for them.
func (p *Processor) ReadLeavingOut(r io.Reader, name string) ([]any, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	doc, err := decodeJSONWith(data, name, true)
	if err != nil {
		return nil, err
	}
	return []any{doc}, nil
}

// DecodeLeavingOut is ReadLeavingOut of a text known to be valid (see
// CheckJSON) and to write no key twice (ScanStrays is ok), read as it
// goes: the text is not held, and what is left out is never decoded.
func DecodeLeavingOut(r io.Reader) (any, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	if head, _ := br.Peek(len(utf8BOM)); bytes.Equal(head, utf8BOM) {
		br.Discard(len(utf8BOM))
	}
	dec := json.NewDecoder(br)
	dec.UseNumber()
	v, err := leavingOut(dec)
	if err != nil {
		return nil, err
	}
	if _, extra := dec.Token(); extra != io.EOF {
		return nil, errNotKey
	}
	return v, nil
}

// FloatNumbers writes each json.Number of v, a document DecodeLeavingOut
// read, as the float64 json.Unmarshal gives, ok false where it gives an
// error: for a reader that wants the numbers json.Unmarshal would give.
func FloatNumbers(v any) (any, bool) {
	switch x := v.(type) {
	case json.Number:
		f, err := x.Float64()
		return f, err == nil
	case []any:
		for i := range x {
			var ok bool
			if x[i], ok = FloatNumbers(x[i]); !ok {
				return nil, false
			}
		}
	case map[string]any:
		for k, e := range x {
			f, ok := FloatNumbers(e)
			if !ok {
				return nil, false
			}
			x[k] = f
		}
	}
	return v, true
}

// leavingOut is shallowValue of the document's top, leaving out what
// ReadLeavingOut leaves out.
func leavingOut(dec *json.Decoder) (any, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	switch tok {
	case json.Delim('['):
		return itemsLeavingOut(dec)
	case json.Delim('{'):
		return members(dec, func(key string) (any, error) {
			tok, err := dec.Token()
			if err != nil {
				return nil, err
			}
			if key == "@graph" && tok == json.Delim('[') {
				return itemsLeavingOut(dec)
			}
			return shallowAfter(dec, tok, shallowLevels-1)
		})
	}
	return shallowAfter(dec, tok, shallowLevels)
}

// itemsLeavingOut reads the items of an array whose "[" was read,
// leaving out the items that are no node, each run of them one leftOut.
func itemsLeavingOut(dec *json.Decoder) ([]any, error) {
	a := []any{}
	out := func(stops bool) {
		if n := len(a); n > 0 {
			if run, ok := a[n-1].(*leftOut); ok {
				run.n++
				run.stops = run.stops || stops
				return
			}
		}
		a = append(a, &leftOut{n: 1, stops: stops})
	}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, err
		}
		switch tok {
		case json.Delim('['):
			items, err := itemsLeavingOut(dec)
			if err != nil {
				return nil, err
			}
			if allLeftOut(items) {
				out(true)
			} else {
				a = append(a, items)
			}
		case json.Delim('{'):
			if !dec.More() {
				if _, err := dec.Token(); err != nil { // }
					return nil, err
				}
				out(true)
				continue
			}
			v, err := shallowAfter(dec, tok, 1)
			if err != nil {
				return nil, err
			}
			// An object holding a @context alone is kept: its context
			// is read as before (a remote one refused, say).
			a = append(a, v)
		default:
			if n, isNumber := tok.(json.Number); isNumber {
				if _, err := numberValue(n, &jsonPath{index: -1}, false, nil); err != nil {
					a = append(a, tok) // kept, for its error
					continue
				}
			}
			out(false)
		}
	}
	_, err := dec.Token() // ]
	return a, err
}

// allLeftOut reports whether items holds nothing but what it leaves out.
func allLeftOut(items []any) bool {
	for _, it := range items {
		if _, ok := it.(*leftOut); !ok {
			return false
		}
	}
	return true
}

// withoutLeftOut returns doc without the leftOut runs of its top-level
// arrays (the document's own, its "@graph", the arrays in them), each
// array copied only where it holds one; doc itself where none does.
func withoutLeftOut(doc any) any {
	switch d := doc.(type) {
	case []any:
		if items, changed := itemsWithoutLeftOut(d); changed {
			return items
		}
	case map[string]any:
		if g, ok := d["@graph"].([]any); ok {
			if items, changed := itemsWithoutLeftOut(g); changed {
				m := make(map[string]any, len(d))
				for k, v := range d {
					m[k] = v
				}
				m["@graph"] = items
				return m
			}
		}
	}
	return doc
}

func itemsWithoutLeftOut(items []any) ([]any, bool) {
	var out []any
	for i, it := range items {
		switch x := it.(type) {
		case *leftOut:
			if out == nil {
				out = append(make([]any, 0, len(items)-1), items[:i]...)
			}
			continue
		case []any:
			if inner, changed := itemsWithoutLeftOut(x); changed {
				if out == nil {
					out = append(make([]any, 0, len(items)), items[:i]...)
				}
				out = append(out, inner)
				continue
			}
		}
		if out != nil {
			out = append(out, it)
		}
	}
	return out, out != nil
}

// decodeLeavingOut is decodeShallow, leaving out what ReadLeavingOut
// leaves out.
func decodeLeavingOut(data []byte) (v any, ok bool) {
	if nestsDeeper(data, MaxJSONDepth) {
		return nil, false
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	v, err := leavingOut(dec)
	if err != nil {
		return nil, false
	}
	if _, extra := dec.Token(); extra != io.EOF {
		return nil, false
	}
	return v, true
}

// EmptyForLeftOut returns doc, which DecodeLeavingOut read, for a reader
// other than Processor's methods: each run of the items it left out is
// one empty object, which JSON-LD drops as it dropped them. Where every
// item of the top level was an object (Strays.NotObjects is 0), the
// document reads as the whole text does, but for how many of them it
// holds. doc's arrays are changed in place.
func EmptyForLeftOut(doc any) any {
	switch d := doc.(type) {
	case []any:
		emptyForLeftOut(d)
	case map[string]any:
		if g, ok := d["@graph"].([]any); ok {
			emptyForLeftOut(g)
		}
	}
	return doc
}

func emptyForLeftOut(items []any) {
	for i, it := range items {
		switch x := it.(type) {
		case *leftOut:
			items[i] = map[string]any{}
		case []any:
			emptyForLeftOut(x)
		}
	}
}
