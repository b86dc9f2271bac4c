package ld

// canonScratch is the room canonical N-Quads are worked out in: the
// terms' texts, the statements sorted, the blank nodes' statements and
// hashes. A batch writes one film after another, each about the size of
// the last, and these made afresh for each were a sixth of the bytes one
// film's canonical N-Quads with provenance allocated
// (BenchmarkSamplesCanonical), so a dataset made by a walk keeps them in
// its walk's scratch (walkScratch.canon), which the next walk takes up.
// A dataset made otherwise works in a canonScratch of its own.
type canonScratch struct {
	text     []string
	blank    []bool
	rep      []uint32
	quads    []dquad
	keys     []uint64
	literals map[string]uint32
	// For sortedLines.
	sorted       []dquad
	order, ranks []uint32
	byRank       []uint32
	// For writeNQuads: the lines on their way to the writer.
	out []byte
	// For firstDegreeLabels.
	start, fill, refs, labels []int32
	nodes                     []hashed
	buf, joined               []byte
	ends                      []int
	lines                     [][]byte
}

// canon returns the room d's canonical N-Quads are worked out in.
func (d *Dataset) canon() *canonScratch {
	if d.scratch != nil {
		return &d.scratch.canon
	}
	return new(canonScratch)
}

// sized returns s with length n, every element zero, in s's room where
// it has enough.
func sized[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	s = s[:n]
	clear(s)
	return s
}
