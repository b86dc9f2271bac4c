package ld

import (
	"bytes"
	"encoding/json"
	"strconv"
)

// PointerOffset returns the byte offset in data, a JSON text, of the
// value at pointer, as an [InputPathError] gives it: each object key and
// array index after a "/", as written (a key's own "/" is not escaped,
// and keys such as "http://schema.org/name" are common, so pointer is
// matched whole rather than split). ok is false when data holds no value
// there, or is not JSON up to it.
func PointerOffset(data []byte, pointer string) (offset int, ok bool) {
	mark := 0 // a byte-order mark, skipped as the readers skip it
	if bytes.HasPrefix(data, utf8BOM) {
		mark = len(utf8BOM)
		data = data[mark:]
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
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
		start := int(dec.InputOffset())
		for start < len(data) && bytes.IndexByte([]byte(" \t\r\n,:"), data[start]) >= 0 {
			start++
		}
		tok, err := dec.Token()
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
