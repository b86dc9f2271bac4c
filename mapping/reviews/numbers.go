package reviews

import "github.com/film2ld/film2ld/mapping/internal/text"

// matchNumber reads a score alone ("7", "7.5", "7/10", "7 out of 10") as
// the pattern ^(\d{1,3}(?:\.\d+)?)(?:\s*(?:/|out of)\s*(\d{1,3}))?$ does
// (numberRe in the tests, which TestNumberAndBandAsPatterns and
// FuzzNumberAndBand hold it to): the score, the best score or "", and
// whether the line is one. A byte scan: the pattern ran on most short
// lines with a digit of every review page.
func matchNumber(s string) (score, best string, ok bool) {
	i := digitsEnd(s, 0)
	if i == 0 || i > 3 {
		return "", "", false
	}
	if i+1 < len(s) && s[i] == '.' && isASCIIDigit(s[i+1]) {
		i = digitsEnd(s, i+1)
	}
	score = s[:i]
	if i == len(s) {
		return score, "", true
	}
	best, ok = outOf(s[i:])
	return score, best, ok
}

// isNumber reports whether s is a score alone (see matchNumber).
func isNumber(s string) bool {
	_, _, ok := matchNumber(s)
	return ok
}

// outOf reads the rest of a score, \s*(?:/|out of)\s*(\d{1,3})$: the
// best score, and whether s is that.
func outOf(s string) (best string, ok bool) {
	i := regexpSpaceEnd(s, 0)
	switch {
	case i < len(s) && s[i] == '/':
		i++
	case len(s)-i >= len("out of") && s[i:i+len("out of")] == "out of":
		i += len("out of")
	default:
		return "", false
	}
	i = regexpSpaceEnd(s, i)
	if j := digitsEnd(s, i); j == len(s) && j > i && j-i <= 3 {
		return s[i:], true
	}
	return "", false
}

// matchBand reads a line of a score distribution ("1. Positive: 2 out of
// 5") as the pattern
// ^(?:\d+\.\s*)?([A-Z][A-Za-z ]{0,20}?):\s*([\d,]+) out of ([\d,]+)$ does
// (bandRe in the tests): the band, its count and the total.
func matchBand(s string) (band, count, total string, ok bool) {
	i := 0
	if j := digitsEnd(s, 0); j > 0 {
		if j == len(s) || s[j] != '.' {
			return "", "", "", false
		}
		i = regexpSpaceEnd(s, j+1)
	}
	start := i
	if i == len(s) || s[i] < 'A' || s[i] > 'Z' {
		return "", "", "", false
	}
	for i++; i < len(s) && s[i] != ':'; i++ {
		if c := s[i]; !('A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || c == ' ') || i-start > 20 {
			return "", "", "", false
		}
	}
	if i == len(s) {
		return "", "", "", false
	}
	band = s[start:i]
	i = regexpSpaceEnd(s, i+1)
	j := countEnd(s, i)
	const sep = " out of "
	if j == i || len(s)-j < len(sep) || s[j:j+len(sep)] != sep {
		return "", "", "", false
	}
	k := j + len(sep)
	if end := countEnd(s, k); end == k || end != len(s) {
		return "", "", "", false
	}
	return band, s[i:j], s[k:], true
}

// digitsEnd returns the end of the run of ASCII digits at i.
func digitsEnd(s string, i int) int {
	for i < len(s) && isASCIIDigit(s[i]) {
		i++
	}
	return i
}

// countEnd returns the end of the run of digits and commas at i.
func countEnd(s string, i int) int {
	for i < len(s) && (isASCIIDigit(s[i]) || s[i] == ',') {
		i++
	}
	return i
}

// regexpSpaceEnd returns the end of the run of \s at i.
func regexpSpaceEnd(s string, i int) int {
	for i < len(s) && text.IsRegexpSpace(s[i]) {
		i++
	}
	return i
}
