package lazyre

import (
	"regexp/syntax"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A filter rejects, in a few byte comparisons, text that its pattern
// cannot match, so that a line the mappers try against dozens of patterns
// rarely reaches the regexp engine (whose backtracker clears a table the
// size of the program times the line before it looks at a byte). It is
// derived from the pattern's syntax tree and only ever says "cannot
// match"; when it cannot tell, the pattern runs. FuzzFilter proves every
// method's results unchanged, for every mapper's pattern.
type filter struct {
	// any: every match contains at least one of these literals (none:
	// no such requirement known).
	any []literal
	// first: the pattern is anchored at the start of the text (^ without
	// (?m)) and every match begins with a rune in these ranges (pairs,
	// as syntax.Regexp.Rune holds them); checkFirst says whether it
	// applies.
	first      []rune
	checkFirst bool
	// prefixes: the pattern is anchored at the start and every match
	// begins with one of these (none: not known).
	prefixes []string
}

// literal is text a match must contain; with fold, in any ASCII case
// (text is in lower case and every letter of it folds only to ASCII).
type literal struct {
	text string
	fold bool
}

// maxLiterals bounds a requirement's alternatives: past a few, scanning
// for each costs more than it saves.
const maxLiterals = 6

// newFilter analyses expr; a pattern it cannot read gets no filter (the
// regexp package reports the error itself).
func newFilter(expr string) filter {
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return filter{}
	}
	re = re.Simplify()
	var f filter
	f.any = required(re)
	if re.Op == syntax.OpConcat && len(re.Sub) > 1 && re.Sub[0].Op == syntax.OpBeginText {
		if first, nullable, ok := firstOfSeq(re.Sub[1:]); ok && !nullable {
			f.first, f.checkFirst = first, true
		}
		if p, _ := prefixesOfSeq(re.Sub[1:]); !slices.Contains(p, "") {
			f.prefixes = p
		}
	}
	return f
}

// rejects reports whether the pattern cannot match anywhere in s.
func (f *filter) rejects(s string) bool {
	if f.checkFirst {
		if s == "" {
			return true
		}
		// As the regexp engine reads it: a byte that is not UTF-8 is
		// U+FFFD.
		r, _ := utf8.DecodeRuneInString(s)
		if !inRanges(r, f.first) {
			return true
		}
	}
	if f.prefixes != nil && !slices.ContainsFunc(f.prefixes, func(p string) bool { return strings.HasPrefix(s, p) }) {
		return true
	}
	if f.any == nil {
		return false
	}
	for _, l := range f.any {
		if l.fold {
			if containsFoldASCII(s, l.text) {
				return false
			}
		} else if strings.Contains(s, l.text) {
			return false
		}
	}
	return true
}

// required returns literals at least one of which every match of re
// contains, or nil when it knows none.
func required(re *syntax.Regexp) []literal {
	switch re.Op {
	case syntax.OpLiteral:
		// The longest run of runes a substring search can find: U+FFFD
		// in a pattern also matches a byte that is not UTF-8, and under
		// (?i) k and s also match the Kelvin sign and the long s, which
		// an ASCII comparison would miss.
		fold := re.Flags&syntax.FoldCase != 0
		best, run := "", []rune(nil)
		for i := 0; i <= len(re.Rune); i++ {
			if i < len(re.Rune) {
				r := re.Rune[i]
				if r != utf8.RuneError && (!fold || asciiOrbit(r)) {
					if fold {
						r = unicode.ToLower(r)
					}
					run = append(run, r)
					continue
				}
			}
			if len(string(run)) > len(best) {
				best = string(run)
			}
			run = run[:0]
		}
		if best == "" {
			return nil
		}
		return []literal{{best, fold}}
	case syntax.OpCharClass:
		var out []literal
		for i := 0; i+1 < len(re.Rune); i += 2 {
			lo, hi := re.Rune[i], re.Rune[i+1]
			if hi-lo >= maxLiterals || lo <= utf8.RuneError && utf8.RuneError <= hi {
				return nil
			}
			for r := lo; r <= hi; r++ {
				out = append(out, literal{text: string(r)})
			}
			if len(out) > maxLiterals {
				return nil
			}
		}
		return out
	case syntax.OpCapture, syntax.OpPlus:
		return required(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return required(re.Sub[0])
		}
	case syntax.OpConcat:
		var best []literal
		for _, sub := range re.Sub {
			if l := required(sub); l != nil && (best == nil || score(l) > score(best)) {
				best = l
			}
		}
		return best
	case syntax.OpAlternate:
		var out []literal
		for _, sub := range re.Sub {
			l := required(sub)
			if l == nil {
				return nil
			}
			out = append(out, l...)
		}
		if len(out) > maxLiterals {
			return nil
		}
		return out
	}
	return nil
}

// score ranks requirements: longer literals are rarer, fewer are quicker
// to look for.
func score(ls []literal) int {
	shortest := len(ls[0].text)
	for _, l := range ls[1:] {
		shortest = min(shortest, len(l.text))
	}
	return shortest*16 - len(ls)
}

// asciiOrbit reports whether r and every rune it folds to are ASCII: k
// folds to the Kelvin sign and s to the long s, which an ASCII
// comparison would miss.
func asciiOrbit(r rune) bool {
	if r >= utf8.RuneSelf {
		return false
	}
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		if f >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// containsFoldASCII reports whether s contains lower (ASCII, in lower
// case) in any ASCII case.
func containsFoldASCII(s, lower string) bool {
	n := len(lower)
	for i := 0; i+n <= len(s); i++ {
		j := 0
		for ; j < n; j++ {
			c := s[i+j]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c != lower[j] {
				break
			}
		}
		if j == n {
			return true
		}
	}
	return false
}

// firstOfSeq returns the ranges of runes a match of the sequence subs can
// begin with, whether it can match the empty string, and ok false when it
// cannot tell.
func firstOfSeq(subs []*syntax.Regexp) (ranges []rune, nullable, ok bool) {
	for _, sub := range subs {
		r, n, ok := firstOf(sub)
		if !ok {
			return nil, false, false
		}
		ranges = append(ranges, r...)
		if !n {
			return ranges, false, true
		}
	}
	return ranges, true, true
}

// firstOf is firstOfSeq for one node.
func firstOf(re *syntax.Regexp) (ranges []rune, nullable, ok bool) {
	switch re.Op {
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText,
		syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		// Zero-width: they constrain where a match is, never what it
		// begins with, so ignoring the constraint only lets more through.
		return nil, true, true
	case syntax.OpLiteral:
		if len(re.Rune) == 0 {
			return nil, true, true
		}
		r := re.Rune[0]
		ranges = []rune{r, r}
		if re.Flags&syntax.FoldCase != 0 {
			for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
				ranges = append(ranges, f, f)
			}
		}
		return ranges, false, true
	case syntax.OpCharClass:
		return re.Rune, false, true
	case syntax.OpCapture, syntax.OpPlus:
		return firstOf(re.Sub[0])
	case syntax.OpStar, syntax.OpQuest:
		r, _, ok := firstOf(re.Sub[0])
		return r, true, ok
	case syntax.OpRepeat:
		r, n, ok := firstOf(re.Sub[0])
		return r, n || re.Min == 0, ok
	case syntax.OpConcat:
		return firstOfSeq(re.Sub)
	case syntax.OpAlternate:
		for _, sub := range re.Sub {
			r, n, ok := firstOf(sub)
			if !ok {
				return nil, false, false
			}
			ranges = append(ranges, r...)
			nullable = nullable || n
		}
		return ranges, nullable, true
	}
	return nil, false, false
}

// inRanges reports whether r is in one of the pairs of ranges.
func inRanges(r rune, ranges []rune) bool {
	for i := 0; i+1 < len(ranges); i += 2 {
		if ranges[i] <= r && r <= ranges[i+1] {
			return true
		}
	}
	return false
}

// maxPrefixes bounds the prefixes a filter tries.
const maxPrefixes = 16

// prefixesOfSeq returns texts one of which every match of the sequence
// subs begins with ("" among them when it knows none), and whether each
// is the whole of a match (so that what follows the sequence may extend
// them).
func prefixesOfSeq(subs []*syntax.Regexp) (prefixes []string, whole bool) {
	set := []string{""}
	for _, sub := range subs {
		p, w := prefixesOf(sub)
		if len(set)*len(p) > maxPrefixes {
			return set, false
		}
		next := make([]string, 0, len(set)*len(p))
		for _, a := range set {
			for _, b := range p {
				next = append(next, a+b)
			}
		}
		set = next
		if !w {
			return set, false
		}
	}
	return set, true
}

// prefixesOf is prefixesOfSeq for one node.
func prefixesOf(re *syntax.Regexp) ([]string, bool) {
	switch re.Op {
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText,
		syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return []string{""}, true
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 {
			return []string{""}, false
		}
		// U+FFFD also matches a byte that is not UTF-8: the prefix stops
		// before it.
		if i := slices.Index(re.Rune, utf8.RuneError); i >= 0 {
			return []string{string(re.Rune[:i])}, false
		}
		return []string{string(re.Rune)}, true
	case syntax.OpCharClass:
		var out []string
		for i := 0; i+1 < len(re.Rune); i += 2 {
			lo, hi := re.Rune[i], re.Rune[i+1]
			if hi-lo >= maxPrefixes || lo <= utf8.RuneError && utf8.RuneError <= hi {
				return []string{""}, false
			}
			for r := lo; r <= hi; r++ {
				out = append(out, string(r))
			}
			if len(out) > maxPrefixes {
				return []string{""}, false
			}
		}
		return out, true
	case syntax.OpCapture:
		return prefixesOf(re.Sub[0])
	case syntax.OpConcat:
		return prefixesOfSeq(re.Sub)
	case syntax.OpAlternate:
		var out []string
		whole := true
		for _, sub := range re.Sub {
			p, w := prefixesOf(sub)
			out = append(out, p...)
			whole = whole && w
		}
		if len(out) > maxPrefixes {
			return []string{""}, false
		}
		return out, whole
	case syntax.OpPlus:
		p, _ := prefixesOf(re.Sub[0])
		return p, false
	case syntax.OpRepeat:
		if re.Min >= 1 {
			p, _ := prefixesOf(re.Sub[0])
			return p, false
		}
	}
	return []string{""}, false
}
