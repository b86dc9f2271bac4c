package ld

import (
	"bytes"
	"encoding/json"
	"io"
	"reflect"
	"strings"
	"testing"
)

// decodeWhole is what decodeJSON did before decodeShallow: the value as
// one Decode, then nothing but space after it.
func decodeWhole(data []byte) (any, bool) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if dec.Decode(&v) != nil {
		return nil, false
	}
	if _, extra := dec.Token(); extra != io.EOF {
		return nil, false
	}
	return v, true
}

// shallowCases are texts for decodeShallow beside the walked documents:
// empty containers at each level, keys given twice, numbers as written,
// escapes and brackets inside strings, and what Decode refuses (text
// after the value, a trailing comma, a key that is not a string, nesting
// past MaxJSONDepth by one or two levels, where the top levels read a
// token at a time would otherwise take it).
var shallowCases = []string{
	`{}`, `[]`, `{"a": []}`, `{"a": {}}`, `[[]]`, `[{}]`, `{"a": [[], {}, [[]]]}`, `[{"a": {}, "b": []}]`,
	`{"@context": "https://schema.org", "@graph": [{"@id": "urn:x:a", "name": "A"}, {"@id": "urn:x:b"}]}`,
	`{"a": 1, "a": 2}`, `[{"a": 1, "b": {"c": 2, "c": 3}, "a": [4]}]`,
	`{"n": [0, -0, 1.50, 1e400, 9007199254740993, -2.5E-3]}`, `12`, `"x"`, `true`, `null`, ` [ 1 , "2" , null ] `,
	`{"s": "a\"]}[{\\", "t": "\u00e9\ud83c\udfac", "[": "{"}`,
	`{"a": 1} x`, `[1,]`, `{"a": 1,}`, `{1: 2}`, `[1 2]`, `{"a" 1}`, `[`, `{"a": [1, {"b": }]}`, ``, `   `, `]`, `}`,
	strings.Repeat("[", MaxJSONDepth) + strings.Repeat("]", MaxJSONDepth),
	strings.Repeat("[", MaxJSONDepth+1) + strings.Repeat("]", MaxJSONDepth+1),
	strings.Repeat("[", MaxJSONDepth+2) + strings.Repeat("]", MaxJSONDepth+2),
	`{"a": [` + strings.Repeat(`{"b":`, MaxJSONDepth-1) + `1` + strings.Repeat("}", MaxJSONDepth-1) + `]}`,
}

// TestDecodeShallowMatchesDecode: decodeShallow gives what one Decode
// gives, value for value, and refuses what it refuses.
func TestDecodeShallowMatchesDecode(t *testing.T) {
	t.Parallel()
	texts := append([]string{}, shallowCases...)
	for _, doc := range walkedDocs {
		texts = append(texts, doc)
	}
	for _, text := range texts {
		checkShallow(t, text)
	}
}

func checkShallow(t *testing.T, text string) {
	t.Helper()
	want, wantOK := decodeWhole([]byte(text))
	got, ok := decodeShallow([]byte(text))
	name := text
	if len(name) > 80 {
		name = name[:80] + "…"
	}
	switch {
	case ok != wantOK:
		t.Errorf("%q: decodeShallow ok %v; Decode's %v", name, ok, wantOK)
	case ok && !reflect.DeepEqual(got, want):
		t.Errorf("%q: decodeShallow gives\n%#v\nDecode\n%#v", name, got, want)
	}
}

// FuzzDecodeShallow holds decodeShallow to one Decode on any text.
func FuzzDecodeShallow(f *testing.F) {
	for _, s := range shallowCases {
		if len(s) < 1000 {
			f.Add(s)
		}
	}
	for _, s := range walkedDocs {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkShallow(t, text)
	})
}
