package jsonpos

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/film2ld/film2ld/ld/diag"
)

func TestParsePositions(t *testing.T) {
	data := []byte("{\n  \"a\": [1, \"x\"],\n  \"b\" :{\"c\": true}\n}")
	v, err := Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	idx := diag.NewIndex(data)
	at := func(v *Value) [2]int {
		l, c := idx.LineCol(v.Offset)
		return [2]int{l, c}
	}
	checks := []struct {
		v    *Value
		want [2]int
	}{
		{v, [2]int{1, 1}},
		{v.Get("a"), [2]int{2, 8}},
		{v.Get("a").Items[1], [2]int{2, 12}},
		{v.Get("b"), [2]int{3, 8}},
		{v.Get("b").Get("c"), [2]int{3, 14}},
	}
	for i, c := range checks {
		if got := at(c.v); got != c.want {
			t.Errorf("value %d at %v; want %v", i, got, c.want)
		}
	}
	if l, c := idx.LineCol(v.Members[1].KeyOffset); l != 3 || c != 3 {
		t.Errorf("key b at %d:%d", l, c)
	}
}

func TestParseErrors(t *testing.T) {
	for in, want := range map[string][2]int{
		"{\"a\": 1,,}":  {1, 9},
		"{\"a\": 1} 2":  {1, 10},
		"{\n\"a\": ":    {2, 6},
		"[1, 2\n, tru]": {2, 6},
	} {
		_, err := Parse([]byte(in))
		var se *SyntaxError
		if !errors.As(err, &se) {
			t.Errorf("%q: error %v", in, err)
			continue
		}
		if l, c := diag.NewIndex([]byte(in)).LineCol(se.Offset); [2]int{l, c} != want {
			t.Errorf("%q: error at %d:%d; want %v (%v)", in, l, c, want, err)
		}
	}
}

// TestIndexColumns pins columns in characters: on a line of accented,
// CJK and astral-plane text a byte count would point past the value, and
// lines longer than an index checkpoint must count the same way.
func TestIndexColumns(t *testing.T) {
	long := strings.Repeat("é", 300) // 600 bytes: crosses checkpoints
	data := []byte("{\"a\": \"Amélie\", \"b\": 1,\r\n \"c\": \"東京物語\", \"d\": 2, \"e\": \"🎬\", \"f\": 3,\n\"g\": \"" + long + "\", \"h\": 4}")
	v, err := Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	idx := diag.NewIndex(data)
	for key, want := range map[string][2]int{
		"a": {1, 7}, "b": {1, 22}, // "Amélie" is 6 characters, 7 bytes
		"c": {2, 7}, "d": {2, 20}, "f": {2, 38}, // bytes: 28 and 49
		"h": {3, 315}, // bytes: 615
	} {
		if l, c := idx.LineCol(v.Get(key).Offset); [2]int{l, c} != want {
			t.Errorf("%s at %d:%d; want %v", key, l, c, want)
		}
	}
	if s, e := idx.LineBounds(1); string(data[s:e]) != `{"a": "Amélie", "b": 1,` {
		t.Errorf("line 1 is %q", data[s:e])
	}
	if off := idx.Offset(2, 7); string(data[off:off+4]) != `"東` {
		t.Errorf("Offset(2, 7) is at %q", data[off:off+4])
	}
}

// TestDepthLimit: one level past MaxDepth is one error at the opening
// bracket that went too deep, found without walking the rest.
func TestDepthLimit(t *testing.T) {
	ok := strings.Repeat("[", MaxDepth) + strings.Repeat("]", MaxDepth)
	if _, err := Parse([]byte(ok)); err != nil {
		t.Fatalf("%d levels: %v", MaxDepth, err)
	}
	deep := strings.Repeat(`{"a":`, MaxDepth) + "[1]" + strings.Repeat("}", MaxDepth)
	_, err := Parse([]byte(deep))
	var se *SyntaxError
	if !errors.As(err, &se) || !errors.Is(err, ErrTooDeep) {
		t.Fatalf("error %v; want ErrTooDeep", err)
	}
	if se.Offset != MaxDepth*5 {
		t.Errorf("error at offset %d; want %d", se.Offset, MaxDepth*5)
	}
}

// TestDuplicateKeys: the last value wins, at its own place, and the
// earlier writing is kept for a report.
func TestDuplicateKeys(t *testing.T) {
	data := []byte(`{"a": 1, "b": 2, "a": 3}`)
	v, err := Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	if len(v.Members) != 2 || v.Get("a").Number != 3 || v.Get("a").Offset != 22 {
		t.Errorf("members %+v", v.Members)
	}
	if len(v.Dups()) != 1 || v.Dups()[0].KeyOffset != 1 || v.Dups()[0].Value.Number != 1 {
		t.Errorf("dups %+v", v.Dups())
	}
}

// A key written many times is one duplicate: its first writing, and how
// often it is written; keys past a few are found by an index. The
// writings between the first and the last are not held.
func TestDupTimes(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"a": 0`)
	for i := range 30 {
		fmt.Fprintf(&b, `, "k%d": %d, "k%d": %d`, i, i, i, i+100)
	}
	for i := 1; i <= 5; i++ {
		fmt.Fprintf(&b, `, "a": %d`, i)
	}
	b.WriteString("}")
	v, err := Parse([]byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	dups, times := v.Dups(), v.DupTimes()
	if len(dups) != 31 || len(times) != 31 {
		t.Fatalf("%d duplicates, %d counts; want 31", len(dups), len(times))
	}
	if dups[0].Key != "k0" || times[0] != 2 || dups[30].Key != "a" || times[30] != 6 || dups[30].Value.Number != 0 || dups[30].KeyOffset != 1 {
		t.Errorf("first %+v ×%d, last %+v ×%d; want k0 twice, then a 6 times from its first writing", dups[0], times[0], dups[30], times[30])
	}
	if got := v.Get("a"); got == nil || got.Number != 5 {
		t.Errorf("a = %+v; want the last value, 5", got)
	}
}
