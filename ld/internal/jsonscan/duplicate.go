package jsonscan

import (
	"bytes"
	"encoding/json"
	"errors"
)

// ErrDuplicateKey is a key written twice in one JSON object. JSON's
// grammar allows it, but readers disagree on which value counts
// (encoding/json keeps the last, others the first), so one of the two
// values is lost without a word.
var ErrDuplicateKey = errors.New("a key written twice in one object")

// Duplicate is a key written twice in one object of a JSON text.
type Duplicate struct {
	Key string
	// At and First are the byte offsets of the second writing's opening
	// quote and of the first's.
	At, First int
}

// frame is an object or an array being scanned: an object's keys are
// held as byte ranges of the text, looked up in a map once there are
// many of them.
type frame struct {
	object, wantKey bool
	keys            [][2]int
	index           map[string]int // key → offset, past scanKeysUpTo keys
}

// scanKeysUpTo is how many keys an object's new key is compared with one
// by one before the object keeps a map of them.
const scanKeysUpTo = 16

// DuplicateKey returns the first key written twice in one object of
// data, a JSON text that decodes, in document order of the second
// writing; ok is false when there is none. Keys are compared as decoded
// ("a" and "\u0061" are one key).
func DuplicateKey(data []byte) (d Duplicate, ok bool) {
	if bytes.IndexByte(data, '{') < 0 {
		return d, false
	}
	var stack []frame
	for i := 0; i < len(data); i++ {
		switch data[i] {
		case '{', '[':
			n := len(stack)
			if n < cap(stack) {
				stack = stack[:n+1]
				f := &stack[n]
				f.keys, f.index = f.keys[:0], nil
			} else {
				stack = append(stack, frame{})
			}
			f := &stack[n]
			f.object = data[i] == '{'
			f.wantKey = f.object
		case '}', ']':
			stack = stack[:len(stack)-1]
		case ',':
			if n := len(stack); n > 0 && stack[n-1].object {
				stack[n-1].wantKey = true
			}
		case '"':
			end := stringEnd(data, i)
			if n := len(stack); n > 0 && stack[n-1].wantKey {
				f := &stack[n-1]
				f.wantKey = false
				if first, seen := f.find(data, i, end); seen {
					return Duplicate{Key: keyText(data[i:end]), At: i, First: first}, true
				}
			}
			i = end - 1
		}
	}
	return d, false
}

// stringEnd returns the offset just past the string whose opening quote
// is at data[i].
func stringEnd(data []byte, i int) int {
	for j := i + 1; j < len(data); j++ {
		switch data[j] {
		case '\\':
			j++
		case '"':
			return j + 1
		}
	}
	return len(data)
}

// find reports whether the object holds the key data[start:end] (quotes
// included) already, and where; if not, it adds it.
func (f *frame) find(data []byte, start, end int) (int, bool) {
	raw := data[start:end]
	if f.index != nil {
		k := keyText(raw)
		if at, ok := f.index[k]; ok {
			return at, true
		}
		f.index[k] = start
		return 0, false
	}
	escaped := bytes.IndexByte(raw, '\\') >= 0
	for _, r := range f.keys {
		other := data[r[0]:r[1]]
		if bytes.Equal(other, raw) || (escaped || bytes.IndexByte(other, '\\') >= 0) && keyText(other) == keyText(raw) {
			return r[0], true
		}
	}
	f.keys = append(f.keys, [2]int{start, end})
	if len(f.keys) > scanKeysUpTo {
		f.index = make(map[string]int, 2*len(f.keys))
		for _, r := range f.keys {
			f.index[keyText(data[r[0]:r[1]])] = r[0]
		}
	}
	return 0, false
}

// keyText decodes a JSON string, quotes included.
func keyText(raw []byte) string {
	if bytes.IndexByte(raw, '\\') < 0 {
		return string(raw[1 : len(raw)-1])
	}
	var s string
	if json.Unmarshal(raw, &s) != nil {
		return string(raw)
	}
	return s
}
