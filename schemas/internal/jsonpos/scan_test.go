package jsonpos

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// scanCases are inputs at the edges of JSON's grammar and of what the
// scanner takes on itself.
var scanCases = []string{
	`{}`, `[]`, ` [ ] `, `{"a":1}`, "\t{\r\n\"a\" :\n[1 , 2.5e-3,-0,true,false,null]}\n",
	`"plain"`, `"é – 三度目"`, `"esc \" \\ \/ \b \f \n \r \t \u00e9 \ud83c\udfac"`, `"\ud800"`, `"\ud800x"`,
	"\"\xff\xfe bad utf-8\"", "\"\x01\"", `"\x"`, `"\u12"`, `"unterminated`,
	`0`, `-0`, `01`, `1.`, `.5`, `1e`, `1e+`, `-`, `1E400`, `1e-400`, `9007199254740993`, `123456789012345678901234567890`,
	`tru`, `nul`, `true false`, `{"a":1,}`, `[1,]`, `{"a" 1}`, `{a:1}`, `{"a":1 "b":2}`, `[1 2]`, `{"a":}`,
	`{"a":1,"a":2,"b":3,"a":4}`, ``, ` `, `]`, `}`, `{"a":[{"b":{"c":[]}}]}`,
	strings.Repeat("[", MaxDepth) + strings.Repeat("]", MaxDepth),
	strings.Repeat("[", MaxDepth+1) + strings.Repeat("]", MaxDepth+1),
	manyKeys(100, false), manyKeys(100, true),
	// Keys the scanner keeps one copy of: escaped and plain spellings of
	// one key, a key read again, keys that are not UTF-8 or not paired
	// surrogates, and more distinct keys than it keeps (maxKeys).
	`{"a\u0062":1,"ab":2,"a\u0062":3}`, `[{"ab":1},{"a\u0062":2},{"ab":3}]`, `{"\ud800":1,"\ud800":2}`,
	`{"\"":1,"\\":2}`, "{\"\xff\":1,\"\xff\":2}", `[{"é":1},{"\u00e9":2},{"é":3}]`,
	manyKeys(maxKeys+10, false),
}

// manyKeys is an object with n keys, every tenth written twice when dup.
func manyKeys(n int, dup bool) string {
	var b strings.Builder
	b.WriteString("{")
	for i := range n {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, `"k%d":%d`, i, i)
		if dup && i%10 == 0 {
			fmt.Fprintf(&b, `,"k%d":"again"`, i/2)
		}
	}
	b.WriteString("}")
	return b.String()
}

// scanAgrees fails t unless the scanner reads data exactly as the careful
// parser does, or leaves it to the careful parser when that one fails.
func scanAgrees(t *testing.T, data []byte) {
	fast := scan(data)
	careful, err := ParseCarefully(data)
	switch {
	case err != nil && fast != nil:
		t.Errorf("%.80q: the scanner accepts what encoding/json refuses (%v)", data, err)
	case err == nil && fast == nil:
		t.Errorf("%.80q: the scanner gives up on valid JSON", data)
	case err == nil && !reflect.DeepEqual(fast, careful):
		t.Errorf("%.80q: the scanner reads\n%#v\nencoding/json\n%#v", data, fast, careful)
	}
}

func TestScanAgrees(t *testing.T) {
	for _, c := range scanCases {
		scanAgrees(t, []byte(c))
	}
	// The published markup of the corpus, as files.
	files, _ := filepath.Glob("../../testdata/corpus/*.json*")
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		scanAgrees(t, data)
	}
}

// FuzzScanAgrees: the scanner and encoding/json read every input alike.
func FuzzScanAgrees(f *testing.F) {
	for _, c := range scanCases {
		f.Add([]byte(c))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		scanAgrees(t, data)
	})
}

// TestManyKeysLinear: an object of 200,000 keys is read, each duplicate
// found, without a search of every earlier key per key.
func TestManyKeysLinear(t *testing.T) {
	v, err := Parse([]byte(manyKeys(200_000, true)))
	if err != nil {
		t.Fatal(err)
	}
	if len(v.Members) != 200_000 || len(v.Dups()) != 20_000 {
		t.Errorf("%d members, %d duplicates; want 200000 and 20000", len(v.Members), len(v.Dups()))
	}
}
