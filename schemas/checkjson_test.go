package schemas

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/film2ld/film2ld/ld"
)

// checkJSONCases are documents that reading them whole refuses (or not) in
// each way validate tells: CheckJSON must say the same from a stream.
var checkJSONCases = []string{
	`{"@context": "https://schema.org", "@type": "Movie", "name": "Heat"}`,
	`[{"a": [1, 2.5e3, true, false, null, "x\u00e9\n"]}]`,
	"  [ ]  \n",
	"[Director: junk",
	"[\"Director: junk \",\"Director: junk \",x]",
	"[\"never closed",
	"{\"name\": \"cut",
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
	"[nul",
	"[\n\"é\", fals",
	"-",
	"[1e",
	"[2.",
	"\"\\",
	"\"\\u12",
	"{\"a\": \"b\"",
	"[\"漢\",\n\t{\"x\": tr",
	"\"\\x\"",
	"\"\\u12G4\"",
	"\"a\tb\"",
	"",
	"   \n\t ",
	"{}x",
	"{} {",
	"{} [1]",
	"[] ]",
	"{} ,",
	"{}\n,\n:\t x",
	"{} , [",
	"1 2",
	"12x",
	"1{",
	"{}\n\n  \"tail\"",
	"[\"é\", \"漢\"] junk",
	"[\n\"é\",\n1x]",
	"[\"a\xffb\"]",
	"[\"ok\"] \xfe",
	"[Director \xc3\x28]",
	"\xed\xa0\x80",
	"\xef\xbb\xbf{}",
	"\xef\xbb\xbf{} x",
	"\xef\xbb\xbf[\"a\xff\"]",
	"\xef\xbb\xbf\n[\"a\xff\"]",
	"\xef\xbb\xbf",
	"\xef\xbb\xbf[x",
	strings.Repeat("[", 300),
	strings.Repeat("[", 257) + "\xff",
	strings.Repeat("[", 100) + "x" + strings.Repeat("[", 200),
	strings.Repeat("[", 256) + strings.Repeat("]", 256),
	strings.Repeat("[", 257) + strings.Repeat("]", 257),
	strings.Repeat("[", 257) + strings.Repeat("]", 256),
	strings.Repeat("[", 257) + strings.Repeat("]", 257) + " x",
	"{\"a\":" + strings.Repeat("{\"b\":", 300) + "1" + strings.Repeat("}", 300),
	"[" + strings.Repeat("[", 10001),
	"[" + strings.Repeat("{\"a\":[1,{\"b\":null}]},", 100) + "}",
}

func TestCheckJSONAgreesWithLoad(t *testing.T) {
	for _, in := range checkJSONCases {
		checkJSONAgrees(t, in)
	}
}

// checkJSONAgrees holds CheckJSON to what reading in whole gives, as
// validate reads it: the UTF-8 check first, then Load (by its careful
// parser). CheckJSON may pass only what Load reads, or refuses for its
// depth alone.
func checkJSONAgrees(t *testing.T, in string) {
	t.Helper()
	got := CheckJSON(strings.NewReader(in), "in.json")
	whole := ld.CheckUTF8([]byte(in), "in.json")
	if whole == nil {
		// The careful parser is the reference; Load's shortcut for
		// text that is not JSON (the same scanner) must agree with it.
		_, fast := Load([]byte(in), "in.json")
		fastPaths = false
		_, whole = Load([]byte(in), "in.json")
		fastPaths = true
		if (fast == nil) != (whole == nil) || fast != nil && fast.Error() != whole.Error() {
			t.Errorf("%q: Load gave %v; carefully %v", in, fast, whole)
		}
	}
	var se *SyntaxError
	switch {
	case got == nil && whole != nil && errors.As(whole, &se) && !(errors.Is(whole, ErrTooDeep) && json.Valid([]byte(strings.TrimPrefix(in, "\ufeff")))):
		t.Errorf("%q: CheckJSON passed a document Load refuses: %v", in, whole)
	case got != nil && whole == nil:
		t.Errorf("%q: CheckJSON refused a document Load reads: %v", in, got)
	case got != nil && got.Error() != whole.Error():
		t.Errorf("%q: CheckJSON gave\n\t%v\nLoad gave\n\t%v", in, got, whole)
	case got != nil && errors.As(got, &se) && !errors.As(whole, new(*SyntaxError)):
		t.Errorf("%q: CheckJSON gave a syntax error, Load %T", in, whole)
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
