package cast

import (
	"strings"

	"github.com/film2ld/film2ld/mapping/internal/text"
)

// A separator finds the leftmost match at or after pos of one of the
// patterns that join an actor and a character, as regexp's leftmost-first
// search of the pattern from pos does: its start and end, or -1, -1.
// TestSeparatorsAsPatterns and FuzzSeparators hold each to its pattern
// (separatorRes) over every match of a text.
//
// They are byte scans where the patterns were regular expressions: every
// cast entry of every document is tried against the four, and the
// patterns' filters passed nearly every entry ("a" is in most names), so
// that they were two fifths of ParseRemark's time.
type separator func(s string, pos int) (start, end int)

// separators are the patterns, in separatorRes' order; the earliest match
// in an entry splits it.
var separators = [...]separator{asSeparator, dashSeparator, ellipsisSeparator, colonSeparator}

// spaceEnd returns the end of the run of white space at i.
func spaceEnd(s string, i int) int {
	for i < len(s) && text.IsRegexpSpace(s[i]) {
		i++
	}
	return i
}

// nextSpace returns the first white space at or after i, or -1.
func nextSpace(s string, i int) int {
	for ; i < len(s); i++ {
		if text.IsRegexpSpace(s[i]) {
			return i
		}
	}
	return -1
}

// asSeparator is \s+(?:as|als|come|como)\s+: a word between runs of
// white space, the runs whole (no shorter run lets the word follow).
func asSeparator(s string, pos int) (int, int) {
	for i := nextSpace(s, pos); i >= 0; i = nextSpace(s, i) {
		j := spaceEnd(s, i)
		for _, w := range [...]string{"as", "als", "come", "como"} {
			if k := j + len(w); strings.HasPrefix(s[j:], w) && k < len(s) && text.IsRegexpSpace(s[k]) {
				return i, spaceEnd(s, k)
			}
		}
		i = j // no start inside the run can match either
	}
	return -1, -1
}

// dashSeparator is \s+[–—―]\s+|\s+-{1,2}\s+: a dash between runs of
// white space; two hyphens where a space follows the second.
func dashSeparator(s string, pos int) (int, int) {
	for i := nextSpace(s, pos); i >= 0; i = nextSpace(s, i) {
		j := spaceEnd(s, i)
		k := -1
		switch rest := s[j:]; {
		case strings.HasPrefix(rest, "–"), strings.HasPrefix(rest, "—"), strings.HasPrefix(rest, "―"):
			k = j + len("–")
		case strings.HasPrefix(rest, "--") && len(rest) > 2 && text.IsRegexpSpace(rest[2]):
			k = j + 2
		case strings.HasPrefix(rest, "-"):
			k = j + 1
		}
		if k >= 0 && k < len(s) && text.IsRegexpSpace(s[k]) {
			return i, spaceEnd(s, k)
		}
		i = j
	}
	return -1, -1
}

// ellipsisSeparator is \s*(?:\.{3,}|…+)\s*: three full stops or more,
// else ellipses, with the white space on either side. The match starts
// at the first run of stops or ellipses, or at the white space just
// before it: no earlier place can start one.
func ellipsisSeparator(s string, pos int) (int, int) {
	d := indexFrom(s, pos, "...")
	if e := indexFrom(s, pos, "…"); e >= 0 && (d < 0 || e < d) {
		d = e
	}
	if d < 0 {
		return -1, -1
	}
	k := d
	if s[d] == '.' {
		for k < len(s) && s[k] == '.' {
			k++
		}
	} else {
		for strings.HasPrefix(s[k:], "…") {
			k += len("…")
		}
	}
	return spaceStart(s, pos, d), spaceEnd(s, k)
}

// colonSeparator is \s*:\s+: a colon, white space after it, and any
// before it. The match starts at the first colon white space follows,
// or at the white space just before it.
func colonSeparator(s string, pos int) (int, int) {
	for d := indexFrom(s, pos, ":"); d >= 0; d = indexFrom(s, d+1, ":") {
		if d+1 < len(s) && text.IsRegexpSpace(s[d+1]) {
			return spaceStart(s, pos, d), spaceEnd(s, d+1)
		}
	}
	return -1, -1
}

// indexFrom returns the first index of sub in s at or after pos, or -1.
func indexFrom(s string, pos int, sub string) int {
	if i := strings.Index(s[pos:], sub); i >= 0 {
		return pos + i
	}
	return -1
}

// spaceStart returns the start of the run of white space that ends at
// end, not before pos.
func spaceStart(s string, pos, end int) int {
	for end > pos && text.IsRegexpSpace(s[end-1]) {
		end--
	}
	return end
}
