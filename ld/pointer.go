package ld

import (
	"bytes"
	"encoding/json"
	"errors"
	"strconv"
	"strings"
)

// PointerOffset returns the byte offset in data, a JSON text, of the
// value at pointer, as an [InputPathError] gives it: each object key and
// array index after a "/", as written (a key's own "/" is not escaped,
// and keys such as "http://schema.org/name" are common, so pointer is
// matched whole rather than split). ok is false when data holds no value
// there, or is not JSON up to it.
func PointerOffset(data []byte, pointer string) (offset int, ok bool) {
	data, mark, dec := tokenDecoder(data)
	type frame struct {
		object  bool
		wantKey bool
		key     string
		index   int
		path    string // of the frame's value itself
	}
	var stack []frame
	path := func() string {
		if len(stack) == 0 {
			return ""
		}
		top := stack[len(stack)-1]
		if top.object {
			return top.path + "/" + top.key
		}
		return top.path + "/" + strconv.Itoa(top.index)
	}
	// done ends a value of the innermost frame.
	done := func() {
		if n := len(stack); n > 0 {
			if stack[n-1].object {
				stack[n-1].wantKey = true
			} else {
				stack[n-1].index++
			}
		}
	}
	for {
		start, tok, err := nextToken(dec, data)
		if err != nil {
			return 0, false
		}
		d, isDelim := tok.(json.Delim)
		if n := len(stack); n > 0 && stack[n-1].object && stack[n-1].wantKey {
			if isDelim && d == '}' {
				stack = stack[:n-1]
				done()
				continue
			}
			key, _ := tok.(string)
			stack[n-1].key, stack[n-1].wantKey = key, false
			continue
		}
		if isDelim && d == ']' {
			stack = stack[:len(stack)-1]
			done()
			continue
		}
		here := path()
		if here == pointer {
			return mark + start, true
		}
		if isDelim {
			stack = append(stack, frame{object: d == '{', wantKey: d == '{', path: here})
			continue
		}
		done()
	}
}

// ValueOffset returns the byte offset in data, a JSON text, of the first
// string equal to value given to a member named property, directly, in
// an array, or as the "@id" or "@value" of the object given to it: where a [NodeError]'s value (a relative or ill-formed
// IRI, a language tag, in the case written or not) stands, for a caller
// that names its line and column. ok is false when there is none, or the
// text is not JSON up to it.
func ValueOffset(data []byte, property, value string) (offset int, ok bool) {
	return valueOffset(data, property, value, false)
}

// valueOffset is ValueOffset, or with valueObjects only the "@value" of
// value objects.
func valueOffset(data []byte, property, value string, valueObjects bool) (offset int, ok bool) {
	data, mark, dec := tokenDecoder(data)
	var stack []valueFrame
	for {
		start, tok, err := nextToken(dec, data)
		if err != nil {
			return 0, false
		}
		n := len(stack)
		d, isDelim := tok.(json.Delim)
		if n > 0 && stack[n-1].object && stack[n-1].wantKey {
			if isDelim && d == '}' {
				stack = stack[:n-1]
				if n > 1 && stack[n-2].object {
					stack[n-2].wantKey = true
				}
				continue
			}
			stack[n-1].key, _ = tok.(string)
			stack[n-1].wantKey = false
			continue
		}
		// The member this value belongs to: an object's current key, or
		// for an array's item the member the array is the value of.
		member := ""
		if n > 0 {
			member = stack[n-1].member
			if stack[n-1].object {
				member = stack[n-1].key
			}
		}
		switch {
		case isDelim && (d == '{' || d == '['):
			stack = append(stack, valueFrame{object: d == '{', wantKey: d == '{', member: member})
			continue
		case isDelim:
			stack = stack[:n-1]
		case !valueObjects && member == property || inValueOf(stack, property, valueObjects):
			if s, isString := tok.(string); isString && (s == value || strings.EqualFold(s, value) && property == "@language") {
				return mark + start, true
			}
		}
		if m := len(stack); m > 0 && stack[m-1].object {
			stack[m-1].wantKey = true
		}
	}
}

// Offset returns the byte offset in data, the JSON text e was found in,
// of the value it names (see ValueOffset), for a caller that names its
// line and column; ok is false where the text does not show it by the
// compacted property (a document that writes "schema:name"). It is the
// first place of e's [NodeError.Finders] in data.
func (e *NodeError) Offset(data []byte) (offset int, ok bool) {
	for _, find := range e.Finders() {
		if off, ok := find(data); ok {
			return off, true
		}
	}
	return 0, false
}

// Finders returns the ways to find e's value in a JSON text, the most
// telling first, for a caller that looks through several texts with each
// in turn: for a bad language tag, the tag itself (a value object's
// "@language", or the context's default) and then the "@value" of a
// value object given to the property (a plain string beside it would be
// tagged only by the context's default); then the value, directly, in an
// array, or as an "@id" or "@value" (ValueOffset).
func (e *NodeError) Finders() []func(data []byte) (int, bool) {
	if e.Value == "" {
		return nil
	}
	value := func(data []byte) (int, bool) { return ValueOffset(data, e.Property, e.Value) }
	var lt *LanguageTagError
	if !errors.As(e.Err, &lt) {
		return []func([]byte) (int, bool){value}
	}
	return []func([]byte) (int, bool){
		func(data []byte) (int, bool) { return ValueOffset(data, "@language", lt.Tag) },
		func(data []byte) (int, bool) { return valueOffset(data, e.Property, e.Value, true) },
		value,
	}
}

// valueFrame is an object or array ValueOffset is inside.
type valueFrame struct {
	object, wantKey bool
	key             string // the member whose value is read (objects)
	member          string // the member the frame is the value of
}

// inValueOf reports whether the value being read is the "@id" of a node
// object or the "@value" of a value object given to a member named
// property, directly or in an array: where ValueOffset finds the IRI of
// "director": {"@id": …} and the literal of "name": {"@value": …,
// "@language": …}, which a NodeError names by the property.
// With valueObjects, only the "@value" of a value object.
func inValueOf(stack []valueFrame, property string, valueObjects bool) bool {
	if len(stack) == 0 {
		return false
	}
	f := stack[len(stack)-1]
	return f.object && f.member == property && (f.key == "@value" || !valueObjects && f.key == "@id")
}

// tokenDecoder returns data past a byte-order mark (skipped as the
// readers skip it), the mark's length, and a decoder of its tokens.
func tokenDecoder(data []byte) ([]byte, int, *json.Decoder) {
	mark := 0
	if bytes.HasPrefix(data, utf8BOM) {
		mark = len(utf8BOM)
		data = data[mark:]
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	return data, mark, dec
}

// nextToken returns dec's next token and the offset in data where it
// starts, past the white space, commas and colons before it.
func nextToken(dec *json.Decoder, data []byte) (int, json.Token, error) {
	start := int(dec.InputOffset())
	for start < len(data) && bytes.IndexByte([]byte(" \t\r\n,:"), data[start]) >= 0 {
		start++
	}
	tok, err := dec.Token()
	return start, tok, err
}
