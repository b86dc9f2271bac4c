// Package piecetest makes the random inputs of the mappers' differential
// tests: strings joined from pieces a pattern tells apart, on which a
// hand-written scan is compared with the regular expression it replaced
// (Go's fuzzer stalls after a few seconds on the project's machine, so
// each such test also runs a fixed, seeded sweep).
package piecetest

import (
	"iter"
	"math/rand/v2"
	"strings"
)

// Strings yields n strings, each of fewer than maxPieces pieces drawn at
// random from pieces (the same piece may come again), from a generator
// seeded by seed: the same seed gives the same strings on every run.
func Strings(seed uint64, n, maxPieces int, pieces []string) iter.Seq[string] {
	return func(yield func(string) bool) {
		rng := rand.New(rand.NewPCG(15, seed))
		var b strings.Builder
		for range n {
			b.Reset()
			for range rng.IntN(maxPieces) {
				b.WriteString(pieces[rng.IntN(len(pieces))])
			}
			if !yield(b.String()) {
				return
			}
		}
	}
}
