// Package jsonpos decodes JSON into a tree that remembers where every value
// starts, so that a finding can point at the line and column of the value
// it is about. encoding/json does the decoding; this package only records
// offsets, and [Index] turns them into lines and columns.
//
// # Cost
//
// Parse is linear in the input and refuses nesting deeper than [MaxDepth],
// so a hostile document costs no more than a long one. An [Index] is built
// once per input and answers each position in O(log lines) plus a bounded
// scan, so a one-line page of a megabyte with a hundred thousand values is
// placed in linear time.
package jsonpos

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"slices"
)

// Kind is the JSON type of a Value.
type Kind uint8

// The JSON types.
const (
	Null Kind = iota
	Bool
	Number
	String
	Array
	Object
)

// MaxDepth is how deeply arrays and objects may nest. Real JSON-LD rarely
// goes past 20 levels; a document past this limit is refused with one
// error rather than walked (encoding/json alone allows 10,000 levels, and
// every later step would pay for each of them).
const MaxDepth = 256

// ErrTooDeep reports nesting past MaxDepth.
var ErrTooDeep = fmt.Errorf("arrays and objects nest more than %d levels deep", MaxDepth)

// Value is a JSON value and where it starts. It is 96 bytes: a tree
// holds one for every value of a document (a 15 MB page, 500,000 of
// them), so its type and a boolean share a word, and the rare earlier
// writings of a key are behind a pointer (it was 128 bytes).
type Value struct {
	Kind Kind
	Bool bool
	// Offset is the byte offset of the value's first byte in the input.
	Offset int
	Number float64
	String string
	Items  []*Value
	// Members keep the object's keys in document order. A key written
	// twice is one member with the last value, as encoding/json and the
	// JSON-LD processors read it, at the place of its last writing.
	Members []Member
	// dups are the keys written more than once.
	dups *dups
}

// dups are an object's keys written more than once: each one's first
// writing, in the order met, and how often it is written. Only the first
// is held: a key written a million times held a million earlier values
// (validate of 11 MB: 192 MB).
type dups struct {
	first []Member
	times []int
	index map[string]int // a key's place in first, past a few
}

// note records an earlier writing of a key.
func (d *dups) note(m Member) {
	j := -1
	if d.index != nil {
		if k, ok := d.index[m.Key]; ok {
			j = k
		}
	} else {
		j = slices.IndexFunc(d.first, func(f Member) bool { return f.Key == m.Key })
	}
	if j >= 0 {
		d.times[j]++
		return
	}
	d.first = append(d.first, m)
	d.times = append(d.times, 2)
	if d.index != nil {
		d.index[m.Key] = len(d.first) - 1
	} else if len(d.first) > smallObject {
		d.index = make(map[string]int, 2*len(d.first))
		for k, f := range d.first {
			d.index[f.Key] = k
		}
	}
}

// Dups returns the first writings of the object's keys written more
// than once, in the order met.
func (v *Value) Dups() []Member {
	if v.dups == nil {
		return nil
	}
	return v.dups.first
}

// DupTimes returns how often each key of Dups is written, in Dups'
// order.
func (v *Value) DupTimes() []int {
	if v.dups == nil {
		return nil
	}
	return v.dups.times
}

// Member is one key of an object.
type Member struct {
	Key       string
	KeyOffset int
	Value     *Value
}

// Get returns the value of key, or nil.
func (v *Value) Get(key string) *Value {
	for _, m := range v.Members {
		if m.Key == key {
			return m.Value
		}
	}
	return nil
}

// SyntaxError is JSON that does not parse, at a byte offset.
type SyntaxError struct {
	Offset int
	Err    error
}

func (e *SyntaxError) Error() string { return e.Err.Error() }

// Unwrap returns the decoder's error.
func (e *SyntaxError) Unwrap() error { return e.Err }

// Parse decodes exactly one JSON value from data.
func Parse(data []byte) (*Value, error) {
	if v := scan(data); v != nil {
		return v, nil
	}
	return ParseCarefully(data)
}

// ParseCarefully is Parse by encoding/json's token stream alone: the
// reference the fast scanner is held to, and the way every syntax error is
// found and placed. Callers use Parse; tests compare the two.
func ParseCarefully(data []byte) (*Value, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	p := &parser{dec: dec, data: data}
	v, err := p.value()
	if err != nil {
		return nil, err
	}
	off := p.next()
	if _, err := dec.Token(); err != io.EOF {
		return nil, &SyntaxError{Offset: off, Err: errors.New("text after the JSON value")}
	}
	return v, nil
}

type parser struct {
	dec   *json.Decoder
	data  []byte
	depth int
}

// next returns the offset of the next token: the decoder's offset is the
// end of the last token, before any white space, colon or comma.
func (p *parser) next() int {
	off := int(p.dec.InputOffset())
	for off < len(p.data) {
		switch p.data[off] {
		case ' ', '\t', '\r', '\n', ',', ':':
			off++
		default:
			return off
		}
	}
	return off
}

func (p *parser) token() (json.Token, int, error) {
	off := p.next()
	tok, err := p.dec.Token()
	if err != nil {
		return nil, off, p.syntaxError(err)
	}
	return tok, off, nil
}

// syntaxError places a decoding error. The streaming decoder's offsets are
// not reliable for this, so the whole input is checked again with
// json.Unmarshal, whose SyntaxError.Offset counts the bytes read up to and
// including the offending one.
func (p *parser) syntaxError(err error) error {
	var v any
	uerr := json.Unmarshal(p.data, &v)
	var syn *json.SyntaxError
	switch {
	case errors.As(uerr, &syn) && syn.Error() == "unexpected end of JSON input":
		return &SyntaxError{Offset: len(p.data), Err: syn}
	case errors.As(uerr, &syn):
		return &SyntaxError{Offset: max(int(syn.Offset)-1, 0), Err: syn}
	case uerr != nil:
		return &SyntaxError{Offset: p.next(), Err: uerr}
	}
	return &SyntaxError{Offset: p.next(), Err: err}
}

func (p *parser) value() (*Value, error) {
	tok, off, err := p.token()
	if err != nil {
		return nil, err
	}
	return p.fromToken(tok, off)
}

func (p *parser) fromToken(tok json.Token, off int) (*Value, error) {
	v := &Value{Offset: off}
	switch t := tok.(type) {
	case nil:
		v.Kind = Null
	case bool:
		v.Kind, v.Bool = Bool, t
	case json.Number:
		f, err := t.Float64()
		if err != nil {
			return nil, &SyntaxError{Offset: off, Err: fmt.Errorf("number %s: %w", t, err)}
		}
		v.Kind, v.Number = Number, f
	case string:
		v.Kind, v.String = String, t
	case json.Delim:
		switch t {
		case '[', '{':
			p.depth++
			if p.depth > MaxDepth {
				return nil, &SyntaxError{Offset: off, Err: ErrTooDeep}
			}
			defer func() { p.depth-- }()
		}
		switch t {
		case '[':
			v.Kind = Array
			for p.dec.More() {
				item, err := p.value()
				if err != nil {
					return nil, err
				}
				v.Items = append(v.Items, item)
			}
		case '{':
			v.Kind = Object
			var keys map[string]int
			for p.dec.More() {
				keyTok, keyOff, err := p.token()
				if err != nil {
					return nil, err
				}
				key, _ := keyTok.(string)
				val, err := p.value()
				if err != nil {
					return nil, err
				}
				keys = v.add(keys, Member{Key: key, KeyOffset: keyOff, Value: val})
			}
		}
		if _, _, err := p.token(); err != nil { // the closing ] or }
			return nil, err
		}
	}
	return v, nil
}

// FromAny turns a value decoded by encoding/json into a tree without
// positions (every offset is -1), for documents that exist only in memory.
// Its values, members and items come from three slabs, counted first: a
// Value and a growing Members slice each was most of what judging a film's
// reviews one by one allocated (schemas.Choose).
func FromAny(x any) *Value {
	var s Scratch
	return s.FromAny(x)
}

// Scratch is the memory of a tree FromAny builds, kept for the next: a
// caller that reads many documents one after the other, each of no use
// once read (schemas.Choose judging a page's 50,000 reviews one by one,
// 2.5 KB of tree each), builds each in the last one's memory.
type Scratch struct {
	values  []Value
	members []Member
	items   []*Value
	keys    []string
	// lazy are the streaming arrays of the last tree (see FromStream).
	lazy []Lazy
}

// FromAny is FromAny with the tree's memory taken from s: the tree is
// valid until s builds the next.
func (s *Scratch) FromAny(x any) *Value {
	var c treeCount
	c.count(x)
	s.values = reuse(s.values, c.values)
	s.members = reuse(s.members, c.members)
	s.items = reuse(s.items, c.items)
	a := arenas{values: s.values, members: s.members, items: s.items, keys: s.keys[:0], lazy: s.lazy[:0]}
	v := a.fromAny(x)
	s.keys, s.lazy = a.keys, a.lazy
	return v
}

// reuse returns n zeroed elements of buf, grown if need be.
func reuse[T any](buf []T, n int) []T {
	if cap(buf) < n {
		return make([]T, n)
	}
	buf = buf[:n]
	clear(buf)
	return buf
}

// Lazy is an array of a streaming document that FromStream left empty:
// its items are rendered as they are read.
type Lazy struct {
	Array *Value
	Items iter.Seq[any]
}

// nodeRef is a reference to a node in a streaming document: a value with
// its node's IRI (ld.NodeRef, named here by its method alone).
type nodeRef interface{ NodeID() string }

// node is a node object of a streaming document as a list of its members
// (ld.Node, named here by its shape alone: both are aliases of this
// unnamed type, so jsonpos need not import ld to know it). A key given
// twice keeps its last value, as in the map the node stands for.
type node = []struct {
	Key   string
	Value any
}

// FromStream is FromAny for a streaming document (a writer's view that
// renders its long lists as they are asked for): an iter.Seq[any] becomes
// an empty Array, returned with its items among the lazies for the caller
// to read one by one (each into memory of its own), and a node reference
// (a value with a NodeID method) the object {"@id": its IRI}. A view of
// 50,000 reviews then never stands whole as maps and as a tree.
func (s *Scratch) FromStream(x any) (*Value, []Lazy) {
	v := s.FromAny(x)
	lazy := s.lazy
	s.lazy = nil
	return v, lazy
}

// treeCount counts the values, object members and array items of a tree.
type treeCount struct{ values, members, items int }

func (c *treeCount) count(x any) {
	c.values++
	switch t := x.(type) {
	case nodeRef:
		c.values++ // its IRI
		c.members++
	case []any:
		c.items += len(t)
		for _, e := range t {
			c.count(e)
		}
	case map[string]any:
		c.members += len(t)
		for _, e := range t {
			c.count(e)
		}
	case node:
		c.members += len(t)
		for _, mb := range t {
			c.count(mb.Value)
		}
	}
}

// arenas are what is left of a Scratch's memory as a tree is built.
type arenas struct {
	values  []Value
	members []Member
	items   []*Value
	keys    []string
	lazy    []Lazy
}

// fromAny is fromAny on arenas.
func (a *arenas) fromAny(x any) *Value {
	v := &a.values[0]
	a.values = a.values[1:]
	v.Offset = -1
	switch t := x.(type) {
	case iter.Seq[any]:
		v.Kind = Array
		a.lazy = append(a.lazy, Lazy{Array: v, Items: t})
	case nodeRef:
		v.Kind = Object
		v.Members, a.members = a.members[:1:1], a.members[1:]
		id := &a.values[0]
		a.values = a.values[1:]
		*id = Value{Kind: String, String: t.NodeID(), Offset: -1}
		v.Members[0] = Member{Key: "@id", KeyOffset: -1, Value: id}
	case nil:
	case bool:
		v.Kind, v.Bool = Bool, t
	case float64:
		v.Kind, v.Number = Number, t
	case json.Number:
		f, _ := t.Float64()
		v.Kind, v.Number = Number, f
	case string:
		v.Kind, v.String = String, t
	case []any:
		v.Kind = Array
		if len(t) > 0 {
			v.Items, a.items = a.items[:len(t):len(t)], a.items[len(t):]
			for i, e := range t {
				v.Items[i] = a.fromAny(e)
			}
		}
	case map[string]any:
		v.Kind = Object
		if len(t) > 0 {
			base := len(a.keys)
			for k := range t {
				a.keys = append(a.keys, k)
			}
			keys := a.keys[base:]
			sortStrings(keys)
			v.Members, a.members = a.members[:len(t):len(t)], a.members[len(t):]
			for i := range keys {
				k := a.keys[base+i] // indexed anew: the walk below appends
				v.Members[i] = Member{Key: k, KeyOffset: -1}
				v.Members[i].Value = a.fromAny(t[k])
			}
			a.keys = a.keys[:base]
		}
	case node:
		v.Kind = Object
		if len(t) > 0 {
			// As a map's: the keys sorted, each once.
			base := len(a.keys)
			for _, mb := range t {
				a.keys = append(a.keys, mb.Key)
			}
			sortStrings(a.keys[base:])
			n := len(slices.Compact(a.keys[base:]))
			v.Members, a.members = a.members[:n:n], a.members[n:]
			for i := range n {
				k := a.keys[base+i] // indexed anew: the walk below appends
				v.Members[i] = Member{Key: k, KeyOffset: -1}
				v.Members[i].Value = a.fromAny(lastValue(t, k))
			}
			a.keys = a.keys[:base]
		}
	}
	return v
}

// lastValue returns the value n gives key k last.
func lastValue(n node, k string) any {
	for i := len(n) - 1; i >= 0; i-- {
		if n[i].Key == k {
			return n[i].Value
		}
	}
	return nil
}

// add appends a member to an object, or, for a key written before,
// replaces that member and keeps the earlier writing in Dups. A small
// object is searched key by key; past smallObject keys, keys (which add
// makes and returns) indexes them, so an object of a hundred thousand
// keys costs linear time, not quadratic.
func (v *Value) add(keys map[string]int, m Member) map[string]int {
	i := -1
	if keys != nil {
		if j, ok := keys[m.Key]; ok {
			i = j
		}
	} else {
		for j, old := range v.Members {
			if old.Key == m.Key {
				i = j
				break
			}
		}
	}
	if i >= 0 {
		if v.dups == nil {
			v.dups = &dups{}
		}
		v.dups.note(v.Members[i])
		v.Members[i] = m
		return keys
	}
	v.Members = append(v.Members, m)
	if keys != nil {
		keys[m.Key] = len(v.Members) - 1
	} else if len(v.Members) > smallObject {
		keys = make(map[string]int, 2*len(v.Members))
		for j, old := range v.Members {
			keys[old.Key] = j
		}
	}
	return keys
}

// smallObject is how many keys an object may have before add indexes
// them: real JSON-LD objects have a few dozen at most.
const smallObject = 32
