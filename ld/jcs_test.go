package ld

import (
	"math"
	"strconv"
	"strings"
	"testing"
)

func TestCanonicalJSON(t *testing.T) {
	for _, tt := range []struct {
		in   any
		want string
	}{
		{nil, "null"},
		{true, "true"},
		{"a\"b\\c\n\u2028<>&\x01\x7f", `"a\"b\\c\n` + "\u2028<>&" + `\u0001` + "\x7f" + `"`},
		{[]any{map[string]any{"foo": "bar"}}, `[{"foo":"bar"}]`},
		// Keys by UTF-16 code units: U+10000 (D800 DC00) sorts before U+FB33.
		{map[string]any{"\uFB33": 1.0, "\U00010000": 2.0, "a": 3.0, "": 4.0}, `{"":4,"a":3,"` + "\U00010000" + `":2,"` + "\uFB33" + `":1}`},
		{1.0, "1"},
		{1.23, "1.23"},
		{-0.0, "0"},
		{1e21, "1e+21"},
		{1e20, "100000000000000000000"},
		{123e-9, "1.23e-7"},
		{0.000001, "0.000001"},
		{1e-7, "1e-7"},
		{math.MaxFloat64, "1.7976931348623157e+308"},
		{5e-324, "5e-324"},
		{-1.5, "-1.5"},
		{333333333.33333329, "333333333.3333333"},
	} {
		got, err := canonicalJSON(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("%#v: got %s (%v), want %s", tt.in, got, err, tt.want)
		}
	}
	if _, err := canonicalJSON(math.Inf(1)); err == nil {
		t.Error("infinity accepted")
	}
}

// FuzzES6Number checks that every finite double is written in a form that
// reads back as the same double, without an exponent from 1e-6 up to 1e21
// as ECMAScript writes it.
func FuzzES6Number(f *testing.F) {
	for _, v := range []float64{0, 1, -1.5, 1e21, 1e20, 1e-7, 1.23e-7, 5e-324, math.MaxFloat64, 333333333.33333329} {
		f.Add(v)
	}
	f.Fuzz(func(t *testing.T, v float64) {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return
		}
		s, err := es6Number(v)
		if err != nil {
			t.Fatal(err)
		}
		back, err := strconv.ParseFloat(s, 64)
		if err != nil || back != v {
			t.Fatalf("es6Number(%v) = %q, reads back as %v (%v)", v, s, back, err)
		}
		abs := math.Abs(v)
		if hasExp := strings.Contains(s, "e"); abs != 0 && (abs >= 1e-6 && abs < 1e21) == hasExp {
			t.Fatalf("es6Number(%v) = %q: exponent form wrong for its magnitude", v, s)
		}
	})
}
