package jsonpos

import (
	"encoding/json"
	"strconv"
	"unicode/utf8"
)

// scanner is Parse's fast way: a recursive descent over the bytes that
// reads the well-formed JSON nearly every input is, several times faster
// than encoding/json's token stream (whose Token allocates a syntax error
// to find the end of each value). It gives up, and Parse reads the input
// again the careful way, at anything it is not sure of: any syntax error
// (so errors and their offsets are encoding/json's), nesting past
// MaxDepth, a number ParseFloat refuses. Strings with escapes or
// non-ASCII bytes are unquoted by encoding/json itself, so a value never
// differs from what the careful way reads; FuzzScanAgrees holds the two
// to the same trees.
type scanner struct {
	data  []byte
	off   int
	depth int
	ok    bool
	// keys holds one copy of each object key read (up to maxKeys): a
	// document repeats a few keys in every object, and a copy of each
	// writing was 5 MB of a 14.6 MB page of 50,000 reviews' graph, whose
	// property names are the keys.
	keys map[string]string
	// leave is set by ParseLeavingOut: the top-level object's "@graph"
	// array is read by arrayLeaving, what it leaves out counted in left.
	leave      bool
	left       LeftOut
	graphTwice bool // the top-level object writes "@graph" twice
	graphSeen  bool
}

// maxKeys is how many distinct keys a scanner keeps one copy of: a
// document's vocabulary is tens of keys; one that uses its keys as data
// (an object of 20,000 IDs) gains nothing from the table past this.
const maxKeys = 4096

// key reads an object key at s.off, as string does, returning the copy
// read before when there is one.
func (s *scanner) key() (string, bool) {
	end, plain, ok := s.stringEnd()
	if !ok {
		return "", false
	}
	raw := s.data[s.off+1 : end]
	if k, ok := s.keys[string(raw)]; ok {
		s.off = end + 1
		return k, true
	}
	str, ok := s.unquote(end, plain)
	if ok && len(s.keys) < maxKeys {
		if s.keys == nil {
			s.keys = make(map[string]string)
		}
		s.keys[string(raw)] = str
	}
	return str, ok
}

// scan parses data, or returns nil when the careful way must decide.
func scan(data []byte) *Value {
	s := &scanner{data: data, ok: true}
	s.space()
	v := s.value()
	s.space()
	if !s.ok || s.off != len(data) {
		return nil
	}
	return v
}

func (s *scanner) fail() *Value {
	s.ok = false
	return nil
}

func (s *scanner) space() {
	for s.off < len(s.data) {
		switch s.data[s.off] {
		case ' ', '\t', '\n', '\r':
			s.off++
		default:
			return
		}
	}
}

func (s *scanner) value() *Value {
	if !s.ok || s.off >= len(s.data) {
		return s.fail()
	}
	start := s.off
	switch c := s.data[s.off]; {
	case c == '{':
		return s.object()
	case c == '[':
		return s.array()
	case c == '"':
		str, ok := s.string()
		if !ok {
			return s.fail()
		}
		return &Value{Kind: String, Offset: start, String: str}
	case c == 't':
		return s.literal("true", &Value{Kind: Bool, Offset: start, Bool: true})
	case c == 'f':
		return s.literal("false", &Value{Kind: Bool, Offset: start})
	case c == 'n':
		return s.literal("null", &Value{Kind: Null, Offset: start})
	case c == '-' || c >= '0' && c <= '9':
		return s.number()
	}
	return s.fail()
}

func (s *scanner) literal(word string, v *Value) *Value {
	if len(s.data)-s.off < len(word) || string(s.data[s.off:s.off+len(word)]) != word {
		return s.fail()
	}
	s.off += len(word)
	return v
}

// number reads RFC 8259's number grammar.
func (s *scanner) number() *Value {
	start := s.off
	f, ok := s.numberValue()
	if !ok {
		return s.fail()
	}
	return &Value{Kind: Number, Offset: start, Number: f}
}

// numberValue reads the number at s.off, ok false where number fails.
func (s *scanner) numberValue() (float64, bool) {
	start := s.off
	d := s.data
	i := s.off
	if i < len(d) && d[i] == '-' {
		i++
	}
	switch {
	case i < len(d) && d[i] == '0':
		i++
	case i < len(d) && d[i] >= '1' && d[i] <= '9':
		for i < len(d) && d[i] >= '0' && d[i] <= '9' {
			i++
		}
	default:
		return 0, false
	}
	if i < len(d) && d[i] == '.' {
		i++
		if i >= len(d) || d[i] < '0' || d[i] > '9' {
			return 0, false
		}
		for i < len(d) && d[i] >= '0' && d[i] <= '9' {
			i++
		}
	}
	if i < len(d) && (d[i] == 'e' || d[i] == 'E') {
		i++
		if i < len(d) && (d[i] == '+' || d[i] == '-') {
			i++
		}
		if i >= len(d) || d[i] < '0' || d[i] > '9' {
			return 0, false
		}
		for i < len(d) && d[i] >= '0' && d[i] <= '9' {
			i++
		}
	}
	f, err := strconv.ParseFloat(string(d[start:i]), 64)
	if err != nil {
		return 0, false
	}
	s.off = i
	return f, true
}

// string reads a string at s.off. Plain ASCII without escapes is taken as
// it is; anything else goes through encoding/json, which decides how
// escapes, surrogates and bytes that are not UTF-8 read.
func (s *scanner) string() (string, bool) {
	end, plain, ok := s.stringEnd()
	if !ok {
		return "", false
	}
	return s.unquote(end, plain)
}

// stringEnd finds the closing quote of the string at s.off, and whether
// the string is plain ASCII without escapes.
func (s *scanner) stringEnd() (end int, plain, ok bool) {
	d := s.data
	i := s.off + 1
	plain = true
	for {
		if i >= len(d) {
			return 0, false, false
		}
		c := d[i]
		switch {
		case c == '"':
			return i, plain, true
		case c == '\\':
			plain = false
			i += 2
		case c < 0x20:
			return 0, false, false
		case c >= utf8.RuneSelf:
			plain = false
			i++
		default:
			i++
		}
	}
}

// unquote returns the string at s.off, whose closing quote is at end, and
// moves past it.
func (s *scanner) unquote(end int, plain bool) (string, bool) {
	raw := s.data[s.off : end+1]
	s.off = end + 1
	if plain {
		return string(raw[1 : len(raw)-1]), true
	}
	var out string
	if err := json.Unmarshal(raw, &out); err != nil {
		return "", false
	}
	return out, true
}

func (s *scanner) array() *Value {
	v := &Value{Kind: Array, Offset: s.off}
	if s.depth++; s.depth > MaxDepth {
		return s.fail()
	}
	s.off++ // [
	s.space()
	if s.off < len(s.data) && s.data[s.off] == ']' {
		s.off++
		s.depth--
		return v
	}
	for s.ok {
		item := s.value()
		if !s.ok {
			return nil
		}
		v.Items = append(v.Items, item)
		if s.after(']') {
			return s.done(v)
		}
	}
	return nil
}

func (s *scanner) object() *Value {
	v := &Value{Kind: Object, Offset: s.off}
	if s.depth++; s.depth > MaxDepth {
		return s.fail()
	}
	s.off++ // {
	s.space()
	if s.off < len(s.data) && s.data[s.off] == '}' {
		s.off++
		s.depth--
		return v
	}
	var keys map[string]int
	for s.ok {
		if s.off >= len(s.data) || s.data[s.off] != '"' {
			return s.fail()
		}
		keyOff := s.off
		key, ok := s.key()
		if !ok {
			return s.fail()
		}
		s.space()
		if s.off >= len(s.data) || s.data[s.off] != ':' {
			return s.fail()
		}
		s.off++
		s.space()
		var val *Value
		if s.leave && s.depth == 1 && key == "@graph" {
			s.graphTwice = s.graphTwice || s.graphSeen
			s.graphSeen = true
		}
		if s.leave && s.depth == 1 && key == "@graph" && s.off < len(s.data) && s.data[s.off] == '[' {
			val = s.arrayLeaving(false)
		} else {
			val = s.value()
		}
		if !s.ok {
			return nil
		}
		keys = v.add(keys, Member{Key: key, KeyOffset: keyOff, Value: val})
		if s.after('}') {
			return s.done(v)
		}
	}
	return nil
}

// after reads what follows an item of an array or object: a comma (and
// the space after it), or the closing bracket, which ends the container.
// It reports whether the container ended, or the input failed to be JSON.
func (s *scanner) after(closing byte) (end bool) {
	s.space()
	if s.off < len(s.data) {
		switch s.data[s.off] {
		case ',':
			s.off++
			s.space()
			return false
		case closing:
			s.off++
			s.depth--
			return true
		}
	}
	s.fail()
	return true
}

// done returns the container v after after ended it, or nil if it failed.
func (s *scanner) done(v *Value) *Value {
	if !s.ok {
		return nil
	}
	return v
}
