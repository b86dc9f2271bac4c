package text

import "strings"

// ContainsVia is strings.Contains(s, sub), found by searching s for
// sub[k], a byte the caller knows to be rare in text, and comparing sub
// around each one. strings.Contains searches for sub's first byte: for a
// word starting with a common letter ("eview", "score") that is a search
// per few bytes of prose, and detection's five such tests on every line
// of every document were most of reviews.Signals' time.
func ContainsVia(s, sub string, k int) bool {
	if k < 0 || k >= len(sub) {
		return strings.Contains(s, sub)
	}
	c := sub[k]
	// i is where sub[k] would stand; a match starts at i-k, and the
	// last possible start is len(s)-len(sub).
	end := len(s) - len(sub) + k + 1
	for i := k; i < end; i++ {
		j := strings.IndexByte(s[i:end], c)
		if j < 0 {
			return false
		}
		i += j
		if s[i-k:i-k+len(sub)] == sub {
			return true
		}
	}
	return false
}

// ContainsAnyOf2 is strings.ContainsAny(s, string([]byte{a, b})) for two
// ASCII bytes: two vectorised byte searches, where ContainsAny looks at
// one byte at a time. (An ASCII byte in a string is always that character,
// never a part of another, so a byte search finds what ContainsAny does.)
func ContainsAnyOf2(s string, a, b byte) bool {
	return strings.IndexByte(s, a) >= 0 || strings.IndexByte(s, b) >= 0
}
