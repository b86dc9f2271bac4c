package prize

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/film2ld/film2ld/mapping/internal/text"
)

// Hand-written scanners for the patterns every prize page meets: each
// returns exactly what its regular expression did (the expression is in
// its comment; scan_test.go holds each to it, by a table and a fuzz
// target), in one pass over the bytes, where the regexp package's
// backtracker tried the pattern at each position. The sales contact's
// phone pattern was 18 µs of a film's 1.06 ms (BenchmarkSamplesCanonical),
// the Markdown patterns 12 µs.
//
// The patterns' separators, digits, colons and spaces are ASCII, and no
// byte of a character written in several bytes is, so a scan of bytes
// finds them where the regexp's scan of characters did, in any text,
// valid UTF-8 or not; the few characters of several bytes a pattern
// names (é, ó, ’, and the "ſ" and Kelvin sign (?i) reads as s and k) and
// its classes of letters are compared or decoded as whole characters.

// phoneMatches returns the sales contact's telephone and fax numbers,
// with the label before each, as
//
//	(?i)\b(t[ée]l(?:[ée]phone|[ée]fono|efon)?|phone|fax|mobile?|cell|handy|m[oó]vil|cellulare|portable)\.?\s*:?\s*(\+?\d[\d ()./-]{5,}\d)
//
// does with FindAllStringSubmatchIndex(s, -1): for each match, its start
// and end, the label's and the number's. A number needs a digit, so a
// text with none is not scanned.
func phoneMatches(s string) [][]int {
	if strings.IndexAny(s, "0123456789") < 0 {
		return nil
	}
	var out [][]int
	for i := 0; i < len(s); i++ {
		if !phoneInitial(s[i]) || i > 0 && wordByte(s[i-1]) {
			continue // no label starts here, or no word boundary is before it
		}
		if m := phoneAt(s, i); m != nil {
			out = append(out, m)
			i = m[1] - 1
		}
	}
	return out
}

// phoneInitial reports whether a label of the phone pattern may start
// with b.
func phoneInitial(b byte) bool {
	switch b | 0x20 {
	case 't', 'p', 'f', 'm', 'c', 'h':
		return true
	}
	return false
}

// wordByte reports whether b is a character of \w, as \b reads it: only
// ASCII letters, digits and '_' are.
func wordByte(b byte) bool {
	return 'a' <= b|0x20 && b|0x20 <= 'z' || '0' <= b && b <= '9' || b == '_'
}

// phoneLabels are the phone pattern's labels, in the order its
// alternation tries them, lower case; 'E' stands for [ée] and 'O' for
// [oó] (in either case, as (?i) reads them). "tEl" is tried with each
// of its endings first, since (?:…)? prefers to match.
var phoneLabels = []string{"tElEphone", "tElEfono", "tElefon", "tEl", "phone", "fax", "mobile", "mobil", "cell", "handy",
	"mOvil", "cellulare", "portable"}

// phoneAt returns the phone pattern's match at i, its submatches'
// indexes, or nil: the first label, in the alternation's order, that the
// text spells and that a number follows.
func phoneAt(s string, i int) []int {
	for _, label := range phoneLabels {
		end, ok := foldPrefix(s, i, label)
		if !ok {
			continue
		}
		if from, to, ok := phoneNumber(s, end); ok {
			return []int{i, to, i, end, from, to}
		}
	}
	return nil
}

// foldPrefix reports whether s spells label at i, case aside, and where
// it ends.
func foldPrefix(s string, i int, label string) (int, bool) {
	for k := 0; k < len(label); k++ {
		if i >= len(s) {
			return 0, false
		}
		switch c := label[k]; c {
		case 'E', 'O':
			lower, upper := byte(0xa9), byte(0x89) // é, É after 0xc3
			if c == 'O' {
				lower, upper = 0xb3, 0x93 // ó, Ó
			}
			switch {
			case s[i]|0x20 == c|0x20:
				i++
			case s[i] == 0xc3 && i+1 < len(s) && (s[i+1] == lower || s[i+1] == upper):
				i += 2
			default:
				return 0, false
			}
		case 's', 'k':
			// (?i) reads "s" as "ſ" too, and "k" as the Kelvin sign.
			other := "ſ"
			if c == 'k' {
				other = "\u212a"
			}
			switch {
			case s[i]|0x20 == c:
				i++
			case strings.HasPrefix(s[i:], other):
				i += len(other)
			default:
				return 0, false
			}
		default:
			if 'a' <= c && c <= 'z' && s[i]|0x20 != c || (c < 'a' || c > 'z') && s[i] != c {
				return 0, false
			}
			i++
		}
	}
	return i, true
}

// afterLabel returns where a value starts after a label that ends at p,
// as \.?\s*:?\s* reads what stands between them. None of those
// characters starts a value, so the value starts where they end, or
// nowhere.
func afterLabel(s string, p int) int {
	if p < len(s) && s[p] == '.' {
		p++
	}
	p = skipSpace(s, p)
	if p < len(s) && s[p] == ':' {
		p++
	}
	return skipSpace(s, p)
}

// phoneNumber reads what follows a label at p, as \.?\s*:?\s*(\+?\d[\d
// ()./-]{5,}\d) does: it returns the number's start and end. Each part
// before the number is optional and none is a digit or a "+", so the
// number starts where they end; it ends after the last digit its
// characters run to, seven characters or more from its first digit.
func phoneNumber(s string, p int) (from, to int, ok bool) {
	p = afterLabel(s, p)
	from = p
	if p < len(s) && s[p] == '+' {
		p++
	}
	if p >= len(s) || !digit(s[p]) {
		return 0, 0, false
	}
	first := p
	end := p + 1
	for end < len(s) && (digit(s[end]) || strings.IndexByte(" ()./-", s[end]) >= 0) {
		end++
	}
	for j := end - 1; j >= first+6; j-- {
		if digit(s[j]) {
			return from, j + 1, true
		}
	}
	return 0, 0, false
}

// skipSpace skips \s, ASCII white space as the regexp package reads it:
// tab, newline, form feed, carriage return and space.
func skipSpace(s string, p int) int {
	for p < len(s) && text.IsRegexpSpace(s[p]) {
		p++
	}
	return p
}

func digit(b byte) bool { return '0' <= b && b <= '9' }

// boundary reports whether \b holds at i: one of the bytes on either side
// is a character of \w and the other is not.
func boundary(s string, i int) bool {
	return (i > 0 && wordByte(s[i-1])) != (i < len(s) && wordByte(s[i]))
}

// labelled scans for the matches of (?:\b(?i:label|…)\.?\s*:?\s*)?(value)
// with FindAllStringSubmatchIndex(s, -1): at each place, the labels in
// order (each with the value after it), then the value alone; the first
// place any of them matches. A match is its start and end, then the
// value's.
type labelled struct {
	// labels are the alternation's labels, in its order, as foldPrefix
	// spells them.
	labels []string
	// initials are the bytes a label starts with (either case, and the
	// first byte of a letter (?i) reads as one of them).
	initials [256]bool
	// value returns where a value that starts at p ends, if one does, and
	// the end of the text it had to read to tell (see email's cache).
	value func(s string, p int) (end, read int, ok bool)
}

// newLabelled returns the scanner of labels and value.
func newLabelled(labels []string, value func(s string, p int) (end, read int, ok bool)) *labelled {
	return &labelled{labels: labels, value: value, initials: initialsOf(labels)}
}

// initialsOf returns the bytes that may start one of labels, as
// foldPrefix spells them.
func initialsOf(labels []string) (initials [256]bool) {
	for _, lb := range labels {
		c := lb[0]
		initials[c], initials[c&^0x20] = true, true
		switch c {
		case 's':
			initials["ſ"[0]] = true
		case 'k':
			initials["\u212a"[0]] = true
		}
	}
	return initials
}

// find returns the matches in s.
func (l *labelled) find(s string) [][]int {
	var out [][]int
	// A value's result depends only on where the text it reads ends
	// (an e-mail's local part, up to its "@"), not on where in that run
	// it starts: a value that did not match at p does not match up to
	// failedTo, and is not read again there (a scan of each place of a
	// long run would take time in the square of its length; the regexp
	// package's takes time in its length).
	failedFrom, failedTo := 0, 0
	value := func(p int) (int, bool) {
		if failedFrom <= p && p < failedTo {
			return 0, false
		}
		end, read, ok := l.value(s, p)
		if !ok {
			failedFrom, failedTo = p, read
		}
		return end, ok
	}
	for i := 0; i < len(s); {
		start, from, end := -1, 0, 0
		if l.initials[s[i]] && boundary(s, i) {
			for _, lb := range l.labels {
				if e, ok := foldPrefix(s, i, lb); ok {
					p := afterLabel(s, e)
					if to, ok := value(p); ok {
						start, from, end = i, p, to
						break
					}
				}
			}
		}
		if start < 0 {
			if to, ok := value(i); ok {
				start, from, end = i, i, to
			}
		}
		if start < 0 {
			i++
			continue
		}
		out = append(out, []int{start, end, from, end})
		i = end
	}
	return out
}

// emailScan reads the sales contact's e-mail addresses, each with its
// label, as emailRe's
//
//	(?:\b(?i:e-?mail|courriel|mail|correo(?: electr[oó]nico)?|posta elettronica|e-?post)\.?\s*:?\s*)?([\w.+-]+@[\w-]+(?:\.[\w-]+)+)
//
// FindAllStringSubmatchIndex(s, -1) does.
var emailScan = newLabelled([]string{"e-mail", "email", "courriel", "mail", "correo electrOnico", "correo",
	"posta elettronica", "e-post", "epost"}, emailAt)

// emailAt reads an e-mail address at p: the longest run of [\w.+-],
// an "@", a run of [\w-], and each "." and run of [\w-] after it.
func emailAt(s string, p int) (end, read int, ok bool) {
	q := p
	for q < len(s) && (wordByte(s[q]) || s[q] == '.' || s[q] == '+' || s[q] == '-') {
		q++
	}
	if q == p || q == len(s) || s[q] != '@' {
		return 0, max(q, p+1), false
	}
	domain := func(r int) int {
		for r < len(s) && (wordByte(s[r]) || s[r] == '-') {
			r++
		}
		return r
	}
	r := domain(q + 1)
	if r == q+1 {
		return 0, q, false
	}
	end = -1
	for r < len(s) && s[r] == '.' {
		t := domain(r + 1)
		if t == r+1 {
			break
		}
		end, r = t, t
	}
	if end < 0 {
		return 0, q, false
	}
	return end, q, true
}

// webScan reads the sales contact's web addresses, each with its
// label, as webRe's
//
//	(?:\b(?i:web(?:site|seite)?|site(?: web| internet)?|sitio web|sito(?: web)?|internet|homepage|url)\.?\s*:?\s*)?((?:https?://|www\.)[^\s,;]+)
//
// FindAllStringSubmatchIndex(s, -1) does.
var webScan = newLabelled([]string{"website", "webseite", "web", "site web", "site internet", "site", "sitio web",
	"sito web", "sito", "internet", "homepage", "url"}, webAt)

// webAt reads a web address at p: "http://", "https://" or "www." (in
// lower case), and the run of characters up to white space, a comma or a
// semicolon after it, of one character or more.
func webAt(s string, p int) (end, read int, ok bool) {
	rest := s[p:]
	var q int
	switch {
	case strings.HasPrefix(rest, "https://"):
		q = p + len("https://")
	case strings.HasPrefix(rest, "http://"):
		q = p + len("http://")
	case strings.HasPrefix(rest, "www."):
		q = p + len("www.")
	default:
		return 0, p + 1, false
	}
	r := q
	for r < len(s) && strings.IndexByte(" \t\n\f\r,;", s[r]) < 0 {
		r++
	}
	if r == q {
		return 0, p + 1, false
	}
	return r, r, true
}

// replacer gathers a replacement's output: the text before each match and
// what replaces it, the text itself when nothing matched.
type replacer struct {
	s    string
	b    strings.Builder
	from int // the end of the last match
}

// replace replaces s[start:end] by with.
func (r *replacer) replace(start, end int, with string) {
	if r.b.Cap() == 0 {
		r.b.Grow(len(r.s))
	}
	r.b.WriteString(r.s[r.from:start])
	r.b.WriteString(with)
	r.from = end
}

// result returns the text with its replacements: s itself, uncopied,
// when there were none (as lazyre's ReplaceAllString does).
func (r *replacer) result() string {
	if r.b.Cap() == 0 {
		return r.s
	}
	r.b.WriteString(r.s[r.from:])
	return r.b.String()
}

// unlink makes each Markdown link its words, as
// ReplaceAllString(s, "$1") of \[([^\]]*)\]\([^)]*\) does: "[" and the
// first "]" after it, right after it "(" and the first ")" after that.
func unlink(s string) string {
	r := replacer{s: s}
	for i := 0; ; {
		k := strings.IndexByte(s[i:], '[')
		if k < 0 {
			break
		}
		i += k
		c := strings.IndexByte(s[i+1:], ']')
		if c < 0 {
			break // no link closes after here
		}
		closing := i + 1 + c
		if closing+1 < len(s) && s[closing+1] == '(' {
			e := strings.IndexByte(s[closing+2:], ')')
			if e < 0 {
				break // no target closes after here
			}
			end := closing + 2 + e + 1
			r.replace(i, end, s[i+1:closing])
			i = end
			continue
		}
		i++
	}
	return r.result()
}

// unstrong takes away Markdown's emphasis, as ReplaceAllString(s, "$1")
// of \*+([^*]+)\*+ does: a run of "*", the text up to the next "*", and
// the run of "*" there.
func unstrong(s string) string {
	r := replacer{s: s}
	for i := 0; ; {
		k := strings.IndexByte(s[i:], '*')
		if k < 0 {
			break
		}
		i += k
		j := i
		for j < len(s) && s[j] == '*' {
			j++
		}
		c := strings.IndexByte(s[j:], '*')
		if j == len(s) || c < 0 {
			break // no text, or no "*" after it: nothing after here matches
		}
		closing := j + c
		end := closing
		for end < len(s) && s[end] == '*' {
			end++
		}
		r.replace(i, end, s[j:closing])
		i = end
	}
	return r.result()
}

// unangle makes each autolink its URL, as ReplaceAllString(s, "$1") of
// <((?:https?|mailto):[^>\s]+)> does.
func unangle(s string) string {
	r := replacer{s: s}
	for i := 0; ; i++ {
		k := strings.IndexByte(s[i:], '<')
		if k < 0 {
			break
		}
		i += k
		rest := s[i+1:]
		var p int
		switch {
		case strings.HasPrefix(rest, "https:"):
			p = i + 1 + len("https:")
		case strings.HasPrefix(rest, "http:"):
			p = i + 1 + len("http:")
		case strings.HasPrefix(rest, "mailto:"):
			p = i + 1 + len("mailto:")
		default:
			continue
		}
		q := p
		for q < len(s) && s[q] != '>' && s[q] != ' ' && s[q] != '\t' && s[q] != '\n' && s[q] != '\f' && s[q] != '\r' {
			q++
		}
		if q == p || q == len(s) || s[q] != '>' {
			continue
		}
		r.replace(i, q+1, s[i+1:q])
		i = q
	}
	return r.result()
}

// unescape takes away Markdown's escapes, as ReplaceAllString(s, "$1")
// of \\([\\()\[\]*_#.!-]) does.
func unescape(s string) string {
	r := replacer{s: s}
	for i := 0; ; {
		k := strings.IndexByte(s[i:], '\\')
		if k < 0 || i+k+1 >= len(s) {
			break
		}
		i += k
		if strings.IndexByte(`\()[]*_#.!-`, s[i+1]) >= 0 {
			r.replace(i, i+2, s[i+1:i+2])
			i += 2
			continue
		}
		i++
	}
	return r.result()
}

// contactLabelWords are contactLabelMatches' labels, in its pattern's
// order, as foldPrefix spells them.
var contactLabelWords = []string{"e-mail", "email", "courriel", "correo electrOnico", "correo", "posta elettronica",
	"website", "webseite", "web", "sitio web", "sito web", "homepage", "tElEphone", "tElEfono", "tElefon", "tEl",
	"phone", "fax", "mobile", "mobil", "handy", "mOvil", "cellulare"}

// contactInitials are the bytes a contact's label may start with.
var contactInitials = initialsOf(contactLabelWords)

// contactLabelMatches returns the contact's labels in s, each with the
// full stop, the spaces and the colon after it, as
// FindAllStringIndex(s, -1) of
//
//	\b(?i:e-?mail|courriel|correo(?: electr[oó]nico)?|posta elettronica|web(?:site|seite)?|sitio web|sito web|homepage|t[ée]l(?:[ée]phone|[ée]fono|efon)?|phone|fax|mobile?|handy|m[oó]vil|cellulare)\.?\s*:
//
// does.
func contactLabelMatches(s string) [][]int {
	var out [][]int
	for i := 0; i < len(s); i++ {
		if !contactInitials[s[i]] || !boundary(s, i) {
			continue
		}
		for _, lb := range contactLabelWords {
			e, ok := foldPrefix(s, i, lb)
			if !ok {
				continue
			}
			if e < len(s) && s[e] == '.' {
				e++
			}
			if e = skipSpace(s, e); e < len(s) && s[e] == ':' {
				out = append(out, []int{i, e + 1})
				i = e
				break
			}
		}
	}
	return out
}

// officeLabelMatches returns the labels of up to four words after a
// separator in a sales line, as FindAllStringSubmatchIndex(s, -1) of
//
//	[;,.]\s*(\p{Lu}[\p{L}'’-]*(?:\s+[\p{L}'’-]+){0,3}\s*:)
//
// does: for each, its start (the separator) and end, and the label's.
// Each word runs as far as its characters do, and only white space then
// a colon, or white space then another word, may follow one, so the
// label ends at the first colon its words reach, or there is none.
func officeLabelMatches(s string) [][]int {
	var out [][]int
	for i := 0; i < len(s); i++ {
		if c := s[i]; c != ';' && c != ',' && c != '.' {
			continue
		}
		p := skipSpace(s, i+1)
		r, size := utf8.DecodeRuneInString(s[p:])
		if p == len(s) || !unicode.Is(unicode.Lu, r) {
			continue
		}
		q := officeWordEnd(s, p+size)
		for words := 0; ; words++ {
			t := skipSpace(s, q)
			if t < len(s) && s[t] == ':' {
				out = append(out, []int{i, t + 1, p, t + 1})
				i = t
				break
			}
			if words == 3 || t == q {
				break
			}
			if q = officeWordEnd(s, t); q == t {
				break
			}
		}
	}
	return out
}

// officeWordEnd returns where the run of letters, apostrophes and
// hyphens ([\p{L}'’-]*) at p ends.
func officeWordEnd(s string, p int) int {
	for p < len(s) {
		r, size := utf8.DecodeRuneInString(s[p:])
		if r != '\'' && r != '’' && r != '-' && !unicode.Is(unicode.L, r) {
			break
		}
		p += size
	}
	return p
}
