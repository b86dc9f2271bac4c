package ld

import (
	"bufio"
	"encoding/json"
	"fmt"
	"runtime"
	"strings"
	"testing"
)

// scanHead finds the first object or array of a JSON array, past values
// whose strings hold brackets, braces, quotes and backslashes, and tells
// an array of values alone; ScanArrayItems answers from it.
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
		h := scanHead(strings.NewReader(tt.in))
		first, isArray := h.first, h.kind == '['
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

// FuzzFirstComposite holds ScanArrayItems and ScanTopValues, which read a
// byte at a time, to decoding the whole text, on any valid JSON.
func FuzzFirstComposite(f *testing.F) {
	for _, s := range []string{`{"b": 1, "a": {"@context": 1}}`, `{"@context": null, "x": [1]}`, `{"x": 1, "@context": "https://schema.org"}`, `{"\u0061": 1, "a": 2}`, `[]`, `[1, "a\"]{", null]`, `["}", {"z": "}]", "b": 1}]`, `[[{"a": 1}]]`, `{"a": [1]}`, `[{"@context": {}, "a": 1}]`, "[\"\\u005b\", {\"\\u0061\": 1}]"} {
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
		if got, want := ScanTopValues(strings.NewReader(s)), decodedTopValues(s); got != want {
			t.Errorf("%q: top values %+v; decoding says %+v", s, got, want)
		}
		var wantTop error
		if m, ok := doc.(map[string]any); ok && !strings.HasPrefix(s, "\ufeff") {
			wantTop = noContextError(m)
		}
		if got := ScanTopNode(strings.NewReader(s)); fmt.Sprint(got) != fmt.Sprint(wantTop) {
			t.Errorf("%q: top node refused: %v; decoding says %v", s, got, wantTop)
		}
	})
}

// decodedTopValues is ScanTopValues's answer found by decoding the text a
// token at a time: the values before the top-level array's first object
// or array, each placed where the decoder starts reading it.
func decodedTopValues(s string) TopValues {
	if strings.HasPrefix(s, "\ufeff") {
		return TopValues{}
	}
	dec := json.NewDecoder(strings.NewReader(s))
	// next returns the next token and its offset, past white space and
	// a comma; ok is false at an error.
	next := func() (tok json.Token, off int64, ok bool) {
		off = dec.InputOffset()
		for off < int64(len(s)) && strings.IndexByte(" \t\n\r,", s[off]) >= 0 {
			off++
		}
		tok, err := dec.Token()
		return tok, off, err == nil
	}
	tok, off, ok := next()
	switch {
	case !ok, tok == json.Delim('{'):
		return TopValues{}
	case tok != json.Delim('['):
		return TopValues{Only: true, Count: 1, Offset: off}
	}
	var out TopValues
	for {
		tok, off, ok := next()
		switch {
		case !ok:
			return TopValues{}
		case tok == json.Delim(']'):
			out.Only = true
			return out
		case tok == json.Delim('{'), tok == json.Delim('['):
			return out
		}
		if out.Count == 0 {
			out.Offset = off
		}
		out.Count++
	}
}

// ScanTopValues counts the values before the first object or array and
// places the first, in a lone value too.
func TestScanTopValues(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want TopValues
	}{
		{`[]`, TopValues{Only: true}},
		{` [ ]`, TopValues{Only: true}},
		{`[1, "a,]", null]`, TopValues{Only: true, Count: 3, Offset: 1}},
		{"\n[ \"x\", {\"a\": [1, 2]}, 3]", TopValues{Count: 1, Offset: 3}},
		{`[{"a": 1}, 2]`, TopValues{}},
		{`[[1]]`, TopValues{}},
		{`  5`, TopValues{Only: true, Count: 1, Offset: 2}},
		{`"[1]"`, TopValues{Only: true, Count: 1}},
		{`null`, TopValues{Only: true, Count: 1}},
		{`{"a": [1]}`, TopValues{}},
		{"\ufeff[1]", TopValues{}},
	} {
		if got := ScanTopValues(strings.NewReader(tt.in)); got != tt.want {
			t.Errorf("%q: %+v; want %+v", tt.in, got, tt.want)
		}
		if got := decodedTopValues(tt.in); got != tt.want {
			t.Errorf("%q: decoded: %+v; want %+v (the fuzz test's reference is wrong)", tt.in, got, tt.want)
		}
	}
}

// ScanTopNode refuses a node object with terms and no @context by its
// keys, naming the term expansion names, and leaves any other text to
// the whole reading.
func TestScanTopNode(t *testing.T) {
	for _, tt := range []struct{ in, term string }{
		{`{"userId": 1, "title": "x", "body": {"a": [1, {"b": 2}]}}`, "body"},
		{`{"@context": null, "name": "x"}`, "name"},
		{`{"@id": "https://x/a", "zeta": 1, "@type": "Movie", "alpha": [[]]}`, "alpha"},
		{`{"name": "x", "@context": "https://schema.org"}`, ""},
		{`{"@context": {"@vocab": "https://schema.org/"}, "name": "x"}`, ""},
		{`{"@id": "https://x/a", "http://schema.org/name": "x"}`, ""},
		{`{"@graph": [{"name": "x"}]}`, ""},
		{`[{"name": "x"}]`, ""},
		{"\ufeff{\"name\": 1}", ""},
		{`{ "b" : "x\"}, \\" , "a\u0041" : [ "]", {"}": "{"} ] , "c":null}`, "aA"},
		{`{"@context" : null , "k": -1.5e3}`, "k"},
		{`{"x": "` + strings.Repeat("y", 1<<20) + `"}`, "x"},
	} {
		err := ScanTopNode(strings.NewReader(tt.in))
		if (err != nil) != (tt.term != "") || err != nil && !strings.Contains(err.Error(), `the term "`+tt.term+`" has no meaning`) {
			t.Errorf("%s: %v; want the term %q", tt.in, err, tt.term)
		}
	}
}

// skipString stops just past a string's closing quote, wherever the
// buffer's reads cut its escapes.
func TestSkipString(t *testing.T) {
	alphabet := []string{"a", `\`, `"`, "é", "\n"}
	var strs []string
	var gen func(prefix string, n int)
	gen = func(prefix string, n int) {
		strs = append(strs, prefix)
		if n == 0 {
			return
		}
		for _, a := range alphabet {
			gen(prefix+a, n-1)
		}
	}
	gen("", 5)
	for _, s := range strs {
		enc, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		for pad := range 20 {
			text := strings.Repeat(`\\`, pad) + string(enc[1:]) + "X"
			// The padding is part of the string: escaped backslashes.
			br := bufio.NewReaderSize(strings.NewReader(text), 16)
			if !skipString(br) {
				t.Fatalf("%q: not skipped", text)
			}
			if c, err := br.ReadByte(); err != nil || c != 'X' {
				t.Fatalf("%q: stopped before %q, %v; want X", text, c, err)
			}
		}
	}
}

// A small document is scanned through a buffer of its own size: each of
// a page's 60,000 small blocks had 64 KiB allocated and cleared for it
// (3.7 GB; validate took 8.9 s and 310 MB for a 6.8 MB page).
func TestScanTopValuesSmallBuffer(t *testing.T) {
	if raceDetector {
		t.Skip("allocations not counted under the race detector")
	}
	doc := `{"@context": "https://schema.org", "@type": "Movie", "name": "Film"}`
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for range 1000 {
		ScanTopValues(strings.NewReader(doc))
	}
	runtime.ReadMemStats(&after)
	if per := (after.TotalAlloc - before.TotalAlloc) / 1000; per > 1024 {
		t.Errorf("%d bytes allocated to scan %d", per, len(doc))
	}
}
