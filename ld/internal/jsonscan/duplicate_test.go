package jsonscan

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestDuplicateKey finds the first key written twice in one object, as
// decoded, in the order of its second writing; keys alike in different
// objects, or as values, are no duplicate.
func TestDuplicateKey(t *testing.T) {
	for _, tt := range []struct {
		in, key string
		at      int
	}{
		{`{"name": "Alpha", "name": "Beta"}`, "name", 18},
		{`{"a": {"b": 1, "c": {"b": 2}}, "d": ["b", "b"], "b": {"b": 3}}`, "", -1},
		{`{"a\u0062": 1, "ab": 2}`, "ab", 15},
		{`[{"x": 1}, {"x": 2}, {"y": [{"z": 1, "z": 2}]}]`, "z", 37},
		{`{"s": "{\"q\": 1, \"q\": 2}", "t": "\\", "u": "\\\""}`, "", -1},
		{`{"k": {"a": 1}, "k": 2}`, "k", 16},
		{"{" + manyKeys(40) + `, "kc1": 1}`, "kc1", 0}, // past the keys compared one by one
		{"{" + manyKeys(40) + "}", "", -1},
		{`"just a string"`, "", -1},
	} {
		if !json.Valid([]byte(tt.in)) {
			t.Fatalf("%s is not JSON", tt.in)
		}
		d, ok := DuplicateKey([]byte(tt.in))
		switch {
		case tt.key == "" && ok:
			t.Errorf("%s: found %+v; want none", tt.in, d)
		case tt.key != "" && (!ok || d.Key != tt.key):
			t.Errorf("%s: found %+v, %v; want the key %q", tt.in, d, ok, tt.key)
		case tt.key != "" && tt.at > 0 && d.At != tt.at:
			t.Errorf("%s: at %d; want %d", tt.in, d.At, tt.at)
		case ok && tt.in[d.First:d.First+1] != `"`:
			t.Errorf("%s: first at %d, not a quote", tt.in, d.First)
		}
	}
}

func manyKeys(n int) string {
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(`"k` + string(rune('a'+i%26)) + string(rune('0'+i/26)) + `": 1`)
	}
	return b.String()
}

// FuzzDuplicateKey holds DuplicateKey to a reading of the text's tokens.
func FuzzDuplicateKey(f *testing.F) {
	for _, s := range []string{`{"a":1,"a":2}`, `{"a":{"a":1},"b":[{"a":1,"b":2}]}`, `{"\u0061":1,"a":2}`, `[1,"a",{"x":"y"}]`, `{"":1,"":2}`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !json.Valid([]byte(s)) {
			return
		}
		want, wantOK := tokenDuplicate(s)
		got, ok := DuplicateKey([]byte(s))
		if ok != wantOK || ok && got.Key != want {
			t.Fatalf("%q: DuplicateKey %+v, %v; the tokens say %q, %v", s, got, ok, want, wantOK)
		}
	})
}

// tokenDuplicate finds the first key written twice in one object by
// reading the text's tokens.
func tokenDuplicate(s string) (string, bool) {
	dec := json.NewDecoder(strings.NewReader(s))
	type level struct {
		keys    map[string]bool // nil in an array
		wantKey bool
	}
	var stack []level
	for {
		tok, err := dec.Token()
		if err != nil {
			return "", false
		}
		top := len(stack) - 1
		switch tok {
		case json.Delim('{'):
			if top >= 0 && stack[top].keys != nil {
				stack[top].wantKey = true
			}
			stack = append(stack, level{keys: map[string]bool{}, wantKey: true})
			continue
		case json.Delim('['):
			if top >= 0 && stack[top].keys != nil {
				stack[top].wantKey = true
			}
			stack = append(stack, level{})
			continue
		case json.Delim('}'), json.Delim(']'):
			stack = stack[:top]
			continue
		}
		if top < 0 || stack[top].keys == nil {
			continue
		}
		if stack[top].wantKey {
			k := tok.(string)
			if stack[top].keys[k] {
				return k, true
			}
			stack[top].keys[k] = true
			stack[top].wantKey = false
		} else {
			stack[top].wantKey = true
		}
	}
}
