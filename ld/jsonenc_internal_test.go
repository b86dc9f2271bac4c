package ld

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"strings"
	"testing"
)

// treeEncoderInputs are the JSON documents the encoder is compared on:
// film2ld's fixtures, the mapping goldens (every film's snippet and
// views), the W3C suites' inputs and outputs and schema.org's examples.
func treeEncoderInputs(t *testing.T) []string {
	var files []string
	for _, pattern := range []string{
		filepath.Join("testdata", "conformance", "*.jsonld"),
		filepath.Join("..", "mapping", "testdata", "golden", "*.jsonld"),
		filepath.Join(schemaOrgExamples, "*.jsonld"),
		filepath.Join("..", "..", "shared", "w3c", "*", "*", "*.jsonld"),
	} {
		m, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	return files
}

// compareTreeEncoder requires treeEncoder's bytes to be encodeJSON's for v
// with and without HTML escaping.
func compareTreeEncoder(t *testing.T, name string, v any) bool {
	t.Helper()
	for _, html := range []bool{false, true} {
		var want, got bytes.Buffer
		errWant := encodeJSON(&want, v, html)
		errGot, ok := encodeTree(&got, v, html)
		if !ok {
			if errWant == nil {
				t.Errorf("%s: treeEncoder refused a tree encodeJSON writes", name)
			}
			continue
		}
		if errGot != nil || errWant != nil || !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Errorf("%s (escapeHTML %v): treeEncoder gave %v\n%s\nencodeJSON gave %v\n%s", name, html, errGot, got.String(), errWant, want.String())
			return false
		}
	}
	return true
}

// TestTreeEncoderMatchesJSON: treeEncoder writes encodeJSON's bytes for
// every JSON document in the fixtures, goldens, W3C suites and schema.org
// examples, and for trees made to hit its edges.
func TestTreeEncoderMatchesJSON(t *testing.T) {
	n := 0
	for _, f := range treeEncoderInputs(t) {
		var v any
		if err := decodeFile(f, &v); err != nil {
			continue // a few suite inputs are not JSON on purpose
		}
		if compareTreeEncoder(t, f, v) {
			n++
		}
	}
	if n < atLeast(t, 100, 25) {
		t.Errorf("only %d documents compared", n)
	}
	t.Logf("%d documents compared", n)
	var ctl strings.Builder
	for r := rune(0); r < 0x80; r++ {
		ctl.WriteRune(r)
	}
	edges := []any{
		nil, true, false, "", []any{}, map[string]any{}, []any{[]any{}, map[string]any{}},
		ctl.String(), "\u2028\u2029 </script> <!-- & \xff\xfe bad \xed\xa0\x80 é 🎬",
		map[string]any{"<&>": "k", "\u2028": 1.0, "": nil, "b": []any{1.0, -0.0, 1e21, 1e20, 1e-6, 1e-7, 123456789.125, -1.5e-300, math.MaxFloat64, 5e-324}},
		map[string]any{"z": map[string]any{"y": map[string]any{"x": []any{map[string]any{"b": 1.0, "a": 2.0}}}}, "a": "z"},
		strings.Repeat("long text ", 10000),
		[]any{strings.Repeat("x", flushAt-3), strings.Repeat("y", flushAt), "z"},
	}
	for i, v := range edges {
		compareTreeEncoder(t, "edge "+string(rune('a'+i)), v)
	}
	// What encoding/json must reflect on is left to it.
	for _, v := range []any{math.Inf(1), math.NaN(), 1, json.Number("1"), map[string]any{"a": []string{"x"}}} {
		if _, ok := encodeTree(&bytes.Buffer{}, v, false); ok {
			t.Errorf("%#v: treeEncoder took it", v)
		}
	}
}

// TestTreeEncoderWriteError: a failing writer's error comes back.
func TestTreeEncoderWriteError(t *testing.T) {
	errFull := errors.New("full")
	w := &failAfter{n: flushAt / 2, err: errFull}
	err, ok := encodeTree(w, []any{strings.Repeat("x", flushAt), strings.Repeat("y", flushAt)}, false)
	if !ok || !errors.Is(err, errFull) {
		t.Errorf("got %v, %v; want %v", err, ok, errFull)
	}
}

type failAfter struct {
	n   int
	err error
}

func (f *failAfter) Write(p []byte) (int, error) {
	if len(p) > f.n {
		return f.n, f.err
	}
	f.n -= len(p)
	return len(p), nil
}

// FuzzTreeEncoder: for any JSON text the fuzzer makes, treeEncoder writes
// what encodeJSON writes of its decoded tree.
func FuzzTreeEncoder(f *testing.F) {
	f.Add([]byte(`{"@context": "https://schema.org", "name": "</script>\u2028", "n": [1, -0, 1e21, 0.000001, 1e-7], "o": {}, "a": []}`))
	f.Add([]byte(`["\u0000\u001f\u007f", "\ud800", true, null, {"b": {"a": 1}}]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var v any
		if json.Unmarshal(data, &v) != nil {
			return
		}
		if !compareTreeEncoder(t, "fuzz", v) {
			t.Fatalf("input %q", data)
		}
	})
}

// encodeTree writes any decoded tree with treeEncoder's escapes, number
// form and layout, as encodeJSON(w, v, escapeHTML) would; ok is false,
// with nothing written, for a value encodeJSON would have to reflect on
// (another type, a number that is not finite).
func encodeTree(w io.Writer, v any, escapeHTML bool) (err error, ok bool) {
	if !plainTree(v) {
		return nil, false
	}
	e := encoders.Get().(*treeEncoder)
	e.w, e.escapeHTML, e.err = w, escapeHTML, nil
	e.value(v, 0)
	e.buf = append(e.buf, '\n')
	e.flush()
	err = e.err
	e.w, e.err = nil, nil
	if cap(e.buf) <= 4*flushAt {
		// (a buffer one long string grew is let go)
		encoders.Put(e)
	}
	return err, true
}

// indentedByEncoding is encoding/json's two-space indentation of v, each
// line's indentation then cut to maxIndentDepth levels: what encodeJSON
// must write.
func indentedByEncoding(t testing.TB, v any, escapeHTML bool) string {
	t.Helper()
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(escapeHTML)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	for line := range strings.Lines(b.String()) {
		body := strings.TrimLeft(line, " ")
		out.WriteString(strings.Repeat("  ", min((len(line)-len(body))/2, maxIndentDepth)))
		out.WriteString(body)
	}
	return out.String()
}

// deepJSON returns a tree n levels deep, objects and arrays in turn, with
// strings holding what a scan for structure must skip.
func deepJSON(n int) any {
	var v any = map[string]any{"leaf": `a "quoted" {[,:]} \ string`, "empty": []any{}, "none": map[string]any{}}
	for i := range n {
		if i%2 == 0 {
			v = []any{"x,y", v, 1.5}
		} else {
			v = map[string]any{"k:" + string(rune('a'+i%26)): v, "z": nil}
		}
	}
	return v
}

// TestEncodeJSONIndentsAsEncoding: encodeJSON writes encoding/json's
// indented bytes for every document of the corpus, and past
// maxIndentDepth levels keeps lines at that indentation (a chain of
// 20,000 nested nodes made 1.2 GB of JSON-LD from 1.9 MB of N-Quads),
// which treeEncoder does too.
func TestEncodeJSONIndentsAsEncoding(t *testing.T) {
	docs := map[string]any{}
	for _, f := range treeEncoderInputs(t) {
		var v any
		if decodeFile(f, &v) == nil {
			docs[f] = v
		}
	}
	for _, n := range []int{0, 1, maxIndentDepth - 1, maxIndentDepth, maxIndentDepth + 1, 3 * maxIndentDepth, 2000} {
		docs[fmt.Sprintf("deep %d", n)] = deepJSON(n)
	}
	for name, v := range docs {
		for _, html := range []bool{false, true} {
			var got bytes.Buffer
			if err := encodeJSON(&got, v, html); err != nil {
				t.Fatal(err)
			}
			if want := indentedByEncoding(t, v, html); got.String() != want {
				t.Fatalf("%s (escapeHTML %v): encodeJSON wrote\n%.2000s\nwant\n%.2000s", name, html, got.String(), want)
			}
		}
		if strings.HasPrefix(name, "deep") && !compareTreeEncoder(t, name, v) {
			t.Fatalf("%s: treeEncoder differs", name)
		}
	}
	var deep bytes.Buffer
	if err := encodeJSON(&deep, deepJSON(2000), false); err != nil {
		t.Fatal(err)
	}
	if deep.Len() > 1_000_000 { // 12 MB indented in full
		t.Errorf("2,000 levels: %d bytes", deep.Len())
	}
}

// FuzzEncodeJSON: for any JSON text the fuzzer makes, encodeJSON writes
// encoding/json's indentation of its decoded tree, cut at
// maxIndentDepth.
func FuzzEncodeJSON(f *testing.F) {
	f.Add([]byte(`{"a": [1, {"b": "\"}]"}, [], {}], "c\\": "\\\"", "d": "</script>"}`))
	f.Add([]byte(strings.Repeat(`[{"a":`, 40) + "1" + strings.Repeat(`}]`, 40)))
	f.Fuzz(func(t *testing.T, data []byte) {
		var v any
		if json.Unmarshal(data, &v) != nil {
			return
		}
		for _, html := range []bool{false, true} {
			var got bytes.Buffer
			if err := encodeJSON(&got, v, html); err != nil {
				t.Fatal(err)
			}
			if want := indentedByEncoding(t, v, html); got.String() != want {
				t.Fatalf("input %q: encodeJSON wrote\n%s\nwant\n%s", data, got.String(), want)
			}
		}
	})
}
