package ld

import (
	"strings"
	"testing"
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
