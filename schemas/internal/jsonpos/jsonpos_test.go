package jsonpos

import (
	"errors"
	"testing"
)

func TestParsePositions(t *testing.T) {
	data := []byte("{\n  \"a\": [1, \"x\"],\n  \"b\" :{\"c\": true}\n}")
	v, err := Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	at := func(v *Value) [2]int {
		l, c := LineCol(data, v.Offset)
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
	if l, c := LineCol(data, v.Members[1].KeyOffset); l != 3 || c != 3 {
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
		if l, c := LineCol([]byte(in), se.Offset); [2]int{l, c} != want {
			t.Errorf("%q: error at %d:%d; want %v (%v)", in, l, c, want, err)
		}
	}
}
