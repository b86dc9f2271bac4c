package ld

import (
	"bytes"
	"encoding/json"
	"io"
)

// shallowLevels is how many levels of a document decodeShallow reads a
// token at a time: the top object, its "@graph" or other array, and a
// top-level array's items; each value below is decoded whole.
const shallowLevels = 2

// decodeShallow decodes data, one JSON value known to be UTF-8, to what
// json.Decoder with UseNumber gives, ok false on any error (decodeJSON
// then decodes it whole, for the error's place and words). A Decoder
// reads the whole value into its buffer before decoding it, a copy of
// the text beside the text and its decoded tree: 32 MB of buffer for a
// 16.8 MB "@graph" of 100,000 Movies, a quarter of convert's live heap at
// its peak. Read a token at a time, the top levels let the buffer go
// as they are consumed, and each value below them is one Decode of a
// small buffer. The values are those of Decode: Token gives a string or
// a number as Decode gives it, and an object or array is made as Decode
// makes one (an empty array is [] not nil; of a key given twice, the
// last value is kept, and DuplicateKey refuses it anyway).
//
// Decode refuses a value nested more than MaxJSONDepth levels, counting
// from the top; below the top levels it counts from where it starts, so a
// document nested deeper than that is decoded whole, to be refused as
// Decode refuses it.
func decodeShallow(data []byte) (v any, ok bool) {
	if nestsDeeper(data, MaxJSONDepth) {
		return nil, false
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	v, err := shallowValue(dec, shallowLevels)
	if err != nil {
		return nil, false
	}
	if _, extra := dec.Token(); extra != io.EOF {
		return nil, false
	}
	return v, true
}

// shallowValue decodes the next value of dec, an object or array of the
// top levels a token at a time.
func shallowValue(dec *json.Decoder, levels int) (any, error) {
	if levels == 0 {
		var v any
		err := dec.Decode(&v)
		return v, err
	}
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	return shallowAfter(dec, tok, levels)
}

// shallowAfter is shallowValue of a value whose first token tok was read
// (levels above 0).
func shallowAfter(dec *json.Decoder, tok json.Token, levels int) (any, error) {
	switch tok {
	case json.Delim('{'):
		return members(dec, func(string) (any, error) { return shallowValue(dec, levels-1) })
	case json.Delim('['):
		a := []any{}
		for dec.More() {
			v, err := shallowValue(dec, levels-1)
			if err != nil {
				return nil, err
			}
			a = append(a, v)
		}
		_, err := dec.Token() // ]
		return a, err
	case json.Delim('}'), json.Delim(']'):
		return nil, errNotKey // Token refuses them here; never reached
	}
	return tok, nil // a string, json.Number, bool or nil, as Decode gives it
}

// members decodes the members of an object whose "{" was read, each
// value by value(its key), and reads its "}".
func members(dec *json.Decoder, value func(key string) (any, error)) (map[string]any, error) {
	m := map[string]any{}
	for dec.More() {
		k, err := dec.Token()
		if err != nil {
			return nil, err
		}
		key, isKey := k.(string)
		if !isKey {
			return nil, errNotKey
		}
		if m[key], err = value(key); err != nil {
			return nil, err
		}
	}
	_, err := dec.Token() // }
	return m, err
}

// errNotKey is shallowValue's error for what Token gives where it should
// not: decodeJSON decodes the text whole for its own error.
var errNotKey = jsonShapeError("unexpected token")

type jsonShapeError string

func (e jsonShapeError) Error() string { return string(e) }

// nestsDeeper reports whether data, JSON text, nests arrays and objects
// more than limit levels deep (brackets inside strings do not count).
func nestsDeeper(data []byte, limit int) bool {
	depth := 0
	for i := 0; i < len(data); i++ {
		switch data[i] {
		case '"':
			// To the closing quote, past escaped ones.
			for i++; i < len(data) && data[i] != '"'; i++ {
				if data[i] == '\\' {
					i++
				}
			}
		case '[', '{':
			if depth++; depth > limit {
				return true
			}
		case ']', '}':
			depth--
		}
	}
	return false
}
