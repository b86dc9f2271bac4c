package main

import (
	"bytes"
	"math/rand/v2"
	"testing"
)

// TestHeldOutput: what heldOutput holds, written in pieces of every
// size across its own pieces' bounds, is written back as it came.
func TestHeldOutput(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 1))
	var h heldOutput
	var want bytes.Buffer
	for _, n := range []int{0, 1, heldPiece - 1, 1, heldPiece, 3, 2*heldPiece + 5, 0, 17} {
		p := make([]byte, n)
		for i := range p {
			p[i] = byte(rng.UintN(256))
		}
		if m, err := h.Write(p); m != n || err != nil {
			t.Fatalf("Write of %d bytes: %d, %v", n, m, err)
		}
		want.Write(p)
	}
	var got bytes.Buffer
	if n, err := h.WriteTo(&got); n != int64(want.Len()) || err != nil || !bytes.Equal(got.Bytes(), want.Bytes()) {
		t.Fatalf("WriteTo: %d bytes, %v; the bytes written back differ: %v", n, err, !bytes.Equal(got.Bytes(), want.Bytes()))
	}
	for _, p := range h.pieces {
		if cap(p) != heldPiece {
			t.Fatalf("a piece of %d bytes: heldOutput holds pieces of %d", cap(p), heldPiece)
		}
	}
}
