package ld

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestCompareJoined: compareJoined compares as strings.Compare of the
// joined strings.
func TestCompareJoined(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	part := func() string {
		b := make([]byte, r.IntN(4))
		for i := range b {
			b[i] = "_:ab"[r.IntN(4)]
		}
		return string(b)
	}
	for range 100000 {
		a1, a2, b1, b2 := part(), part(), part(), part()
		if got, want := compareJoined(a1, a2, b1, b2), strings.Compare(a1+a2, b1+b2); got != want {
			t.Fatalf("compareJoined(%q, %q, %q, %q) = %d, want %d", a1, a2, b1, b2, got, want)
		}
	}
}
