package ld

import (
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// checkJSONCases are inputs whose whole decoding fails (or not) in each
// way decodeJSON tells: CheckJSON must say the same from a stream.
var checkJSONCases = []string{
	`{"a": [1, 2.5e3, true, false, null, "x\u00e9\n"]}`,
	"  [ ]  \n",
	"[Director: junk",
	"[\"never closed",
	"[1,2,3,x]",
	"{\"a\":\"b\"}}",
	"{\"a\" \"b\"}",
	"{1:2}",
	"[1,]",
	"[01]",
	"[1.]",
	"[1e]",
	"[-]",
	"[tru]",
	"[trux]",
	"[nul",
	"\"\\x\"",
	"\"\\u12G4\"",
	"\"a\tb\"",
	"",
	"   \n\t ",
	"{}x",
	"{} {",
	"{} [1]",
	"[] ]",
	"1 2",
	"12x",
	"1{",
	"{}\n\n  \"tail\"",
	"[\"é\", \"漢\"] junk",
	"[\n\"é\",\n1x]",
	"[\"a\xffb\"]",
	"[\"ok\"] \xfe",
	"[Director \xc3\x28]",
	"\xef\xbb\xbf{}",
	"[" + strings.Repeat("[", 10001),
	"[" + strings.Repeat("{\"a\":[1,{\"b\":null}]},", 100) + "}",
	// Escapes of surrogates: a pair is a character; either half alone
	// is refused once the rest is JSON, where it stands.
	`["a\ud83d\ude00b", "\uD83D\uDE00"]`,
	`["\ud800"]`,
	`["\udc00"]`,
	`{"k\udfff": 1}`,
	`["\\ud800", "\\\\ud800"]`,
	`["\\\ud800"]`,
	`["\ud800\u0041"]`,
	`["\ud800\ud800\udc00"]`,
	`["\ud800\n"]`,
	`["\ud800x"]`,
	`["é漢\ud800"]`,
	`["\ud800é"]`,
	"[\n\"x\",\n  \"\\udc00\"]",
	`["ok", "\ud800"] junk`,
	`["\ud800", 1x]`,
	"[\"\\ud800\n\"]",
	// Mistakes the messages name: a trailing comma (on the line before
	// too), a line break or tab in a string, a comment, single quotes.
	"{\"a\": 1,\n}",
	"[1,\n  2,\n]",
	"{\"a\": \"x\ny\"}",
	"{\"a\": \"x\ty\"}",
	"{// note\n\"a\": 1}",
	"{\"a\": 1 /* note */}",
	"{'a': 1}",
	"[\"\xff\", \"\\ud800\"]",
}

func TestCheckJSONAgreesWithDecode(t *testing.T) {
	for _, in := range checkJSONCases {
		checkJSONAgrees(t, in)
	}
}

func checkJSONAgrees(t *testing.T, in string) {
	t.Helper()
	_, whole := decodeJSON([]byte(in), "in.json")
	got := CheckJSON(strings.NewReader(in), "in.json")
	switch {
	case whole == nil && got != nil:
		t.Errorf("%q: CheckJSON refused a document decoding reads: %v", in, got)
	case whole != nil && got == nil:
		t.Errorf("%q: CheckJSON passed a document decoding refuses: %v", in, whole)
	case whole != nil && got.Error() != whole.Error():
		t.Errorf("%q: CheckJSON gave\n\t%v\ndecoding gave\n\t%v", in, got, whole)
	}
}

func FuzzCheckJSON(f *testing.F) {
	for _, in := range checkJSONCases {
		f.Add(in)
	}
	f.Fuzz(func(t *testing.T, in string) {
		checkJSONAgrees(t, in)
	})
}

// TestUnpairedSurrogates: each escape of half a surrogate pair without
// its other half is found at its backslash; ReplaceUnpairedSurrogates
// makes the text read what encoding/json reads it as, with none left.
func TestUnpairedSurrogates(t *testing.T) {
	for _, tt := range []struct {
		in   string
		at   int // offset of the first, or -1
		n    int // how many
		unit string
	}{
		{`"plain"`, -1, 0, ""},
		{`"\ud83d\ude00"`, -1, 0, ""},
		{`"\\ud800"`, -1, 0, ""},
		{`"\ud800"`, 1, 1, `\uD800`},
		{`"ab\uDBFF"`, 3, 1, `\uDBFF`},
		{`"\udc00\ud800"`, 1, 2, `\uDC00`},
		{`{"a": "\\\udfff"}`, 9, 1, `\uDFFF`},
		{`["\ud800\ud800\udc00", "\udc00"]`, 2, 2, `\uD800`},
	} {
		at, err := UnpairedSurrogate([]byte(tt.in))
		if at != tt.at || (err == nil) != (tt.at < 0) {
			t.Errorf("%s: at %d, %v; want %d", tt.in, at, err, tt.at)
		}
		if err != nil && (!errors.Is(err, ErrUnpairedSurrogate) || !strings.Contains(err.Error(), tt.unit)) {
			t.Errorf("%s: %v; want ErrUnpairedSurrogate naming %s", tt.in, err, tt.unit)
		}
		out, n := ReplaceUnpairedSurrogates([]byte(tt.in))
		if n != tt.n {
			t.Errorf("%s: %d replaced; want %d", tt.in, n, tt.n)
		}
		assertReplacedReadsAlike(t, tt.in, out)
	}
}

// assertReplacedReadsAlike checks that out, in with its unpaired
// surrogates replaced, has none left and decodes as in does.
func assertReplacedReadsAlike(t *testing.T, in string, out []byte) {
	t.Helper()
	if at, err := UnpairedSurrogate(out); err != nil {
		t.Errorf("%q: replaced, still one at %d: %v", in, at, err)
	}
	var a, b any
	if json.Unmarshal([]byte(in), &a) != nil {
		return
	}
	if err := json.Unmarshal(out, &b); err != nil || !reflect.DeepEqual(a, b) {
		t.Errorf("%q: replaced reads %v (%v); the original %v", in, b, err, a)
	}
}

func FuzzReplaceUnpairedSurrogates(f *testing.F) {
	for _, in := range checkJSONCases {
		f.Add(in)
	}
	f.Fuzz(func(t *testing.T, in string) {
		if !json.Valid([]byte(in)) || !utf8.ValidString(in) {
			return
		}
		out, _ := ReplaceUnpairedSurrogates([]byte(in))
		assertReplacedReadsAlike(t, in, out)
	})
}

// TestJSONMistakesNamed: the syntax errors of the commonest mistakes say
// what they are, read whole or as a stream.
func TestJSONMistakesNamed(t *testing.T) {
	for in, want := range map[string]string{
		"{\"a\": 1,\n}":       "after a trailing comma, which JSON does not allow",
		"[1,\n  2,\n]":        "after a trailing comma, which JSON does not allow",
		"{\"a\": \"x\ny\"}":   `a line break inside a string: JSON writes it as \n`,
		"{\"a\": \"x\ty\"}":   `a tab inside a string: JSON writes it as \t`,
		"{// note\n\"a\": 1}": "a comment, which JSON does not allow",
		"{\"a\": 1 /* x */}":  "a comment, which JSON does not allow",
		"{'a': 1}":            `a single quote: JSON strings and keys take double quotes (")`,
	} {
		_, whole := decodeJSON([]byte(in), "in.json")
		streamed := CheckJSON(strings.NewReader(in), "in.json")
		for _, err := range []error{whole, streamed} {
			if err == nil || !strings.HasSuffix(err.Error(), "("+want+")") {
				t.Errorf("%q: %v; want it to end (%s)", in, err, want)
			}
		}
	}
	if _, err := decodeJSON([]byte("[1 2]"), "in.json"); err == nil || strings.Contains(err.Error(), "(") {
		t.Errorf("[1 2]: %v; want the decoder's message alone", err)
	}
}
