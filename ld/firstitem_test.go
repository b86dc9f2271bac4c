package ld

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// firstComposite finds the first object or array of a JSON array, past
// values whose strings hold brackets, braces, quotes and backslashes,
// and tells an array of values alone; ScanArrayItems answers from it.
func TestFirstComposite(t *testing.T) {
	for _, tt := range []struct {
		in, first  string
		isArray    bool
		onlyValues bool
		refused    string // the term ScanArrayItems's error names, if any
	}{
		{`[]`, "", true, true, ""},
		{" \n\t[1, 2.5e3, -0, true, false, null]", "", true, true, ""},
		{`["[", "{", "\"]", "\\", "\\\"{"]`, "", true, true, ""},
		{`["}", {"z": "}]", "b": "{[\""}, 1]`, `{"z": "}]", "b": "{[\""}`, true, false, "b"},
		{`[1, {"a": {"b": [1, {"c": 2}]}, "@id": "x"}, {"d": 1}]`, `{"a": {"b": [1, {"c": 2}]}, "@id": "x"}`, true, false, "a"},
		{`[{"@context": "https://schema.org", "name": "x"}, {"a": 1}]`, `{"@context": "https://schema.org", "name": "x"}`, true, false, ""},
		{`[{"http://schema.org/name": "x", "s:p": 1}]`, `{"http://schema.org/name": "x", "s:p": 1}`, true, false, ""},
		{`[{}]`, `{}`, true, false, ""},
		{`["x", [1]]`, `[`, true, false, ""},
		{`{"a": 1}`, "", false, false, ""},
		{"\ufeff[1]", "", false, false, ""},
		{`"[{"`, "", false, false, ""},
	} {
		first, isArray := firstComposite(strings.NewReader(tt.in))
		if string(first) != tt.first || isArray != tt.isArray {
			t.Errorf("%s: first %q, array %v; want %q, %v", tt.in, first, isArray, tt.first, tt.isArray)
		}
		onlyValues, err := ScanArrayItems(strings.NewReader(tt.in))
		if onlyValues != tt.onlyValues {
			t.Errorf("%s: values alone: %v", tt.in, onlyValues)
		}
		if (err != nil) != (tt.refused != "") || err != nil && !strings.Contains(err.Error(), `the term "`+tt.refused+`" has no meaning`) {
			t.Errorf("%s: refused: %v; want the term %q", tt.in, err, tt.refused)
		}
	}
}

// FuzzFirstComposite holds ScanArrayItems, which reads a byte at a time,
// to decoding the whole text, on any valid JSON.
func FuzzFirstComposite(f *testing.F) {
	for _, s := range []string{`[]`, `[1, "a\"]{", null]`, `["}", {"z": "}]", "b": 1}]`, `[[{"a": 1}]]`, `{"a": [1]}`, `[{"@context": {}, "a": 1}]`, "[\"\\u005b\", {\"\\u0061\": 1}]"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !json.Valid([]byte(s)) {
			return
		}
		var doc any
		if err := json.Unmarshal([]byte(s), &doc); err != nil {
			return
		}
		items, isArray := doc.([]any)
		if strings.HasPrefix(s, "\ufeff") {
			isArray = false
		}
		onlyValues := isArray
		var wantErr error
		for _, item := range items {
			if m, ok := item.(map[string]any); ok {
				onlyValues = false
				if isArray {
					wantErr = noContextError(m)
				}
				break
			}
			if _, ok := item.([]any); ok {
				onlyValues = false
				break
			}
		}
		gotValues, gotErr := ScanArrayItems(strings.NewReader(s))
		if gotValues != onlyValues {
			t.Errorf("%q: values alone: %v; decoding says %v", s, gotValues, onlyValues)
		}
		if fmt.Sprint(gotErr) != fmt.Sprint(wantErr) {
			t.Errorf("%q: refused: %v; decoding says %v", s, gotErr, wantErr)
		}
	})
}
