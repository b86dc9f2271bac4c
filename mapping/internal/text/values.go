package text

import (
	"errors"
	"fmt"
	"hash/maphash"
	"iter"
	"slices"
	"sort"

	"github.com/film2ld/film2ld/mapping/film"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/film2ld/film2ld/mapping/internal/lazyre"
)

// Clean turns no-break and other Unicode spaces into plain spaces, collapses
// runs of white space and trims the ends: pages use NBSP and doubled spaces
// for layout, never for meaning.
//
// It makes one pass and returns s itself when nothing needs changing (or
// a part of it when only its ends do), so that detection, which cleans
// every line, stays linear in time and memory on a document of any size.
func Clean(s string) string {
	if isClean(s) {
		return s
	}
	// Most values that need cleaning only need trimming (an indented
	// line, a label's no-break space): a part of s, with no copy. A copy
	// of every review's indented body and author line was 5 MB of a
	// 50,000-review page's 67 MB at export's peak.
	if t := strings.TrimFunc(s, unicode.IsSpace); isClean(t) {
		return t
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			space = b.Len() > 0
		} else {
			if space {
				b.WriteByte(' ')
				space = false
			}
			// The bytes as they are: an invalid byte stays itself.
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// isClean reports whether Clean would return s unchanged: no white space
// at the ends and none but single plain spaces inside.
//
// It takes eight bytes at a time where they are all printable ASCII (in
// which a plain space is the only white space): the byte-at-a-time loop
// was 2% of converting a film, every line of every document and most
// values going through it.
func isClean(s string) bool {
	prevSpace := true // a space at the start is not clean
	for i := 0; i < len(s); {
		if i+8 <= len(s) {
			w := load64(s[i : i+8])
			// No byte at or past 0x80 and none below 0x20 (the "has
			// less than" test, exact as to whether any byte is).
			if w&highs == 0 && (w-0x20*lows)&^w&highs == 0 {
				// The spaces' high bits, exactly: zero bytes of
				// w^0x2020…, without the carries of a subtraction.
				v := w ^ 0x20*lows
				sp := ^((v&^highs + 0x7F*lows) | v | 0x7F*lows)
				if sp&(sp<<8) != 0 || prevSpace && sp&0x80 != 0 {
					return false // two spaces in a row, or one at the start
				}
				prevSpace = sp>>63 != 0
				i += 8
				continue
			}
		}
		c := s[i]
		switch {
		case c == ' ':
			if prevSpace {
				return false
			}
			prevSpace = true
			i++
		case c < utf8.RuneSelf:
			if c <= '\r' && c >= '\t' {
				return false
			}
			prevSpace = false
			i++
		default:
			r, size := utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) {
				return false
			}
			i += size
			prevSpace = false
		}
	}
	return !prevSpace || s == ""
}

// IsBlank reports whether a line holds nothing but white space.
func IsBlank(s string) bool {
	return strings.TrimFunc(s, unicode.IsSpace) == ""
}

// dateLayouts are the ways film pages write a calendar date.
var dateLayouts = []string{
	"Jan 2, 2006", "January 2, 2006", "Jan. 2, 2006",
	// Without the comma, as some pages write it ("Jun 2 2019").
	"Jan 2 2006", "January 2 2006", "Jan. 2 2006",
	"2 Jan 2006", "2 January 2006",
	// The day first with the month's abbreviation's dot, a comma before
	// the year, or hyphens ("14 Nov. 2004", "14 Nov, 2004",
	// "14-Nov-2004": audit 18).
	"2 Jan. 2006", "2 Jan, 2006", "2 January, 2006", "2-Jan-2006", "2-January-2006",
	"2006-01-02", "02-01-2006", "2.1.2006", "2. January 2006", "2. Jan. 2006",
	"2006年1月2日", "2006/01/02",
}

// ErrAmbiguousDate means a date written with slashes whose day and month
// could be either number ("12/03/2019"): a date, but not one to read.
var ErrAmbiguousDate = errors.New("ambiguous date")

// ErrImpossibleDate means a value written as a date that no calendar has
// ("Feb 30, 2020", "31/04/2019"): a date's line, with no date to read.
var ErrImpossibleDate = errors.New("no such date")

// slashDateRe is a date written with slashes, "12/03/2019": day first in
// most of the world, month first in the United States.
var slashDateRe = lazyre.New(`^(\d{1,2})/(\d{1,2})/(\d{4})$`)

// ParseDate reads a calendar date in any of the layouts film pages use and
// returns it as ISO 8601 (YYYY-MM-DD). Impossible dates (30 February) are an
// error, not a guess.
func ParseDate(s string) (string, error) {
	s = Clean(ordinalRe.ReplaceAllString(s, "$1"))
	if m := slashDateRe.FindStringSubmatch(s); m != nil {
		// Read only where one order is possible ("25/03/2019",
		// "03/25/2019") or both give one date: "12/03/2019" read day
		// first was 3 December to a page from the United States.
		a, _ := strconv.Atoi(m[1])
		b, _ := strconv.Atoi(m[2])
		layout := "2/1/2006"
		switch {
		case b > 12 && a <= 12:
			layout = "1/2/2006"
		case a <= 12 && b <= 12 && a != b:
			return "", fmt.Errorf("%w: %q could be day/month or month/day", ErrAmbiguousDate, s)
		}
		t, err := time.Parse(layout, s)
		if err != nil {
			return "", dateError(s, err)
		}
		return t.Format("2006-01-02"), nil
	}
	impossible := error(nil)
	for _, layout := range dateLayouts {
		if !mayParse(layout, s) {
			continue
		}
		t, err := time.Parse(layout, s)
		if err == nil {
			return t.Format("2006-01-02"), nil
		}
		if outOfRange(err) {
			impossible = err
		}
	}
	if impossible != nil {
		return "", dateError(s, impossible)
	}
	// "Sept" is common and not Go's three-letter form ("Sept 14",
	// "Sept. 14", "14 Sept. 2004").
	if i := strings.Index(s, "Sept"); i >= 0 && i+4 < len(s) && (s[i+4] == ' ' || s[i+4] == '.' || s[i+4] == ',') {
		return ParseDate(s[:i] + "Sep" + s[i+4:])
	}
	return "", fmt.Errorf("%q is not a date", s)
}

// mayParse reports whether time.Parse(layout, s) can succeed or fail
// for a day or month out of range, the outcomes ParseDate reads, by
// their first bytes: a layout that opens with the month's name cannot
// read a value that opens with a digit, nor one that opens with a number
// a value that opens with a letter. Each failed layout's error is three
// allocations, and a date such as "23-11-2017" failed 14 layouts first.
func mayParse(layout, s string) bool {
	if s == "" {
		return true
	}
	digit := func(c byte) bool { return '0' <= c && c <= '9' }
	letter := func(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }
	return !(digit(s[0]) && letter(layout[0]) || letter(s[0]) && digit(layout[0]))
}

// ParseMonth reads a month of a year written alone ("May 2019", "Sept.
// 2014") and returns it as ISO 8601 of reduced precision ("2019-05").
func ParseMonth(s string) (string, bool) {
	s = Clean(s)
	if rest, ok := strings.CutPrefix(s, "Sept"); ok && (strings.HasPrefix(rest, " ") || strings.HasPrefix(rest, ".")) {
		s = "Sep" + rest // "Sept" is common and not Go's three-letter form
	}
	for _, layout := range []string{"Jan 2006", "January 2006", "Jan. 2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Format("2006-01"), true
		}
	}
	return "", false
}

// dateError is why s, read by a date's layout, is no date: one no
// calendar has (a day or month out of range) or not a date at all.
func dateError(s string, err error) error {
	if outOfRange(err) {
		return impossibleDate(s)
	}
	return fmt.Errorf("%q is not a date", s)
}

// impossibleDate is ErrImpossibleDate for a value, worded as any value
// that is not a date is.
type impossibleDate string

func (d impossibleDate) Error() string { return fmt.Sprintf("%q is not a date", string(d)) }

func (d impossibleDate) Is(target error) bool { return target == ErrImpossibleDate }

// outOfRange reports whether time.Parse failed for a day or month out of
// range, the text having the layout's form.
func outOfRange(err error) bool {
	var pe *time.ParseError
	return errors.As(err, &pe) && strings.HasSuffix(pe.Message, "out of range")
}

// ordinalRe finds "26th" in "April 26th, 2008".
var ordinalRe = lazyre.New(`\b(\d{1,2})(?:st|nd|rd|th)\b`)

// yearRe matches a plausible film year: cinema began in the 1880s.
var yearRe = lazyre.New(`^(18[89]\d|19\d\d|2\d\d\d)$`)

// ParseYear reads a line that is only a year.
func ParseYear(s string) (int, bool) {
	s = Clean(s)
	if !yearRe.MatchString(s) {
		return 0, false
	}
	y, _ := strconv.Atoi(s)
	return y, true
}

// splitList splits list items at commas, semicolons, and a slash between
// spaces ("Belgium / France"; "AC/DC" stays whole); splitAnd splits "A &
// B" and "A and B" (the spaces keep "Anderson" whole). Each splits as
// its pattern in the tests (listSep, andSep; FuzzSplit) would, by a scan:
// the patterns, which may start with white space, ran over every space
// of every name (2.4% of a film's export, and still 2% of a batch once
// only strings holding a separator's byte reached them).
// nameItems is splitList for SplitNames, a run of empty items kept as
// one: an empty item names no one and only stops JoinNameTails joining
// the item after it to the one before, which one does as well as many.
// A credit line of a million commas was a list of a million strings,
// and a slice or two each after it: 80 bytes a comma.
func nameItems(s string) []string {
	if !strings.ContainsAny(s, ",;/") {
		return []string{s}
	}
	var out []string
	eachAround(s, listSeparator, func(item string) bool {
		if item != "" || len(out) == 0 || out[len(out)-1] != "" {
			out = append(out, item)
		}
		return true
	})
	return out
}

func splitList(s string) []string {
	if !strings.ContainsAny(s, ",;/") {
		return []string{s}
	}
	return splitAround(s, listSeparator)
}

// listSeparator is splitList's separator: a comma or a semicolon, or a
// slash between spaces.
func listSeparator(t string) (n int, spaced bool) {
	switch t[0] {
	case ',', ';':
		return 1, false
	case '/':
		return 1, true
	}
	return 0, false
}

func splitAnd(s string) []string {
	if !strings.Contains(s, "&") && !strings.Contains(s, "and") && !strings.Contains(s, "et") && !strings.Contains(s, "und") {
		return []string{s}
	}
	return splitAround(s, func(t string) (n int, spaced bool) {
		switch {
		case t[0] == '&':
			return 1, true
		case strings.HasPrefix(t, "and"):
			return 3, true
		case strings.HasPrefix(t, "und"):
			// German, as the prize's pages in German join names
			// (audit 15).
			return 3, true
		case strings.HasPrefix(t, "et"):
			// French.
			return 2, true
		}
		return 0, false
	})
}

// conjunctions are "and" in the languages whose credits film2ld reads
// ("Élodie Vasseur et Marc Janssens", "Sandro Pellegrini und Dorothea
// Weißgerber", "Marta Lozano Sáez y Kwabena Osei", "Paolo e Vittorio
// Taviani"): read as one person each, audit 15.
var conjunctions = map[string]bool{"et": true, "und": true, "y": true, "e": true, "en": true, "og": true, "och": true, "és": true, "ve": true, "и": true}

// hasConjunction reports whether one of conjunctions stands in s between
// spaces.
func hasConjunction(s string) bool {
	for i := strings.IndexByte(s, ' '); i >= 0 && i < len(s)-1; {
		j := strings.IndexByte(s[i+1:], ' ')
		if j < 0 {
			return false
		}
		if conjunctions[s[i+1:i+1+j]] {
			return true
		}
		i += 1 + j
	}
	return false
}

// splitConjunctions appends to out the names a conjunction of another
// language than English joins in s. Some of these words stand inside
// one name ("José Ortega y Gasset", "Vasco Sá e Silva"), so s is split
// only before a full name: two words or more up to the next conjunction,
// the first capitalised, and none inside brackets.
func splitConjunctions(out []string, s string) []string {
	if !hasConjunction(s) {
		// Most names: no word to split at, and no words made.
		return append(out, s)
	}
	words := strings.Fields(s)
	if len(words) < 3 {
		return append(out, s)
	}
	spans := BracketSpans(s)
	start, from := 0, 0 // the name's first word, and the search's byte offset
	offsets := make([]int, len(words))
	for i, w := range words {
		offsets[i] = from + strings.Index(s[from:], w)
		from = offsets[i] + len(w)
	}
	for i := 1; i < len(words)-1; i++ {
		if !conjunctions[words[i]] || Within(spans, offsets[i]) {
			continue
		}
		end := i + 1
		for end < len(words) && !conjunctions[words[end]] {
			end++
		}
		if end-(i+1) < 2 || !unicode.IsUpper([]rune(words[i+1])[0]) || i == start {
			continue
		}
		out = append(out, strings.Join(words[start:i], " "))
		start = i + 1
	}
	if start == 0 {
		return append(out, s)
	}
	return append(out, strings.Join(words[start:], " "))
}

// splitAround splits s at its separators with the white space (as \s
// reads it) around them, as a pattern \s*SEP\s* (or \s+SEP\s+ for a
// separator that must stand between spaces) splits with
// regexp.Regexp.Split(s, -1). sep returns the length of the separator t
// starts with (0 for none) and whether it must stand between spaces. A
// separator inside balanced brackets does not split: "Camila Ruiz (Rosa,
// as a child)" is one cast entry, not an actor "Camila Ruiz (Rosa" left
// out and a stray "as a child)".
func splitAround(s string, sep func(t string) (n int, spaced bool)) []string {
	var out []string
	eachAround(s, sep, func(part string) bool {
		out = append(out, part)
		return true
	})
	return out
}

// eachAround gives yield the parts splitAround returns, one at a time,
// until yield returns false: a caller that judges a list by its items
// stops at the first that fails, where a page line of 300,000 commas
// made a list of them all, 50 MB, only to look at its first.
func eachAround(s string, sep func(t string) (n int, spaced bool), yield func(string) bool) {
	start := 0
	inside := BracketSpans(s)
	for i := 0; i < len(s); {
		j := skipSpace(s, i)
		if j < len(s) && !Within(inside, j) {
			if n, spaced := sep(s[j:]); n > 0 && (!spaced || j > i) {
				k := j + n
				if end := skipSpace(s, k); !spaced || end > k {
					if !yield(s[start:i]) {
						return
					}
					start, i = end, end
					continue
				}
			}
		}
		// No separator starts anywhere in the run of white space: the
		// same byte follows each of its places.
		i = max(j, i+1)
	}
	yield(s[start:])
}

// BracketSpans returns the byte offsets of the "(" and ")" of each
// outermost balanced pair of round brackets in s (an unclosed "(" makes
// none; a pair inside another is not given, as Within needs only the
// outer), in order, or nil when s has none.
//
// A "(" is balanced when a ")" after it closes it, as a stack of the open
// brackets would match them; the matched ones are found first, from the
// end (each ")" counted until a "(" takes it), and marked in a bitset, so
// that no stack is held: a paragraph of 4 million "(" made one of 32 MB.
func BracketSpans(s string) [][2]int {
	if strings.IndexByte(s, '(') < 0 {
		return nil
	}
	matched := make([]uint64, len(s)/64+1)
	closing := 0
	for i := len(s) - 1; i >= 0; i-- {
		switch s[i] {
		case ')':
			closing++
		case '(':
			if closing > 0 {
				closing--
				matched[i/64] |= 1 << (i % 64)
			}
		}
	}
	var spans [][2]int
	depth, start := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(':
			if matched[i/64]&(1<<(i%64)) != 0 {
				if depth == 0 {
					start = i
				}
				depth++
			}
		case ')':
			if depth > 0 {
				if depth--; depth == 0 {
					spans = append(spans, [2]int{start, i})
				}
			}
		}
	}
	return spans
}

// Within reports whether offset i stands between the brackets of one of
// spans, as BracketSpans gives them (in order, none inside another): a
// search, where a scan of every span for every offset took time in the
// square of a long line's brackets.
func Within(spans [][2]int, i int) bool {
	k := sort.Search(len(spans), func(k int) bool { return spans[k][1] > i })
	return k < len(spans) && spans[k][0] < i
}

// skipSpace returns the index of the first byte of s from i on that is
// not white space as \s reads it (tab, newline, form feed, carriage
// return, space), or len(s).
func skipSpace(s string, i int) int {
	for i < len(s) {
		switch s[i] {
		case '\t', '\n', '\f', '\r', ' ':
			i++
		default:
			return i
		}
	}
	return i
}

// SplitNames splits a list of people or companies ("A, B and C",
// "Jacques-Henri & Olivier Bronckart") into one name each. Within an "&" or
// "and" group, a lone given name borrows the surname of the next full name
// in the group, the way credits write siblings: "Jacques-Henri & Olivier
// Bronckart" is Jacques-Henri Bronckart and Olivier Bronckart. Commas never
// share a surname, so a mononym such as "Lingo, André Dziezuk" stays whole.
//
// An item that only ends the name before it, a generational suffix or a
// society's letters ("Sammy Davis, Jr.", "Roger Deakins, ASC"), stays
// with that name (see JoinNameTails).
func SplitNames(s string) []string {
	return splitNames(s, nameItems)
}

// splitNames is SplitNames with the list's items made by items: the
// tests hold nameItems to splitList.
func splitNames(s string, items func(string) []string) []string {
	var names []string
	for _, part := range JoinNameTails(items(Clean(s))) {
		if part == "" {
			continue // names no one (an empty item gives no name)
		}
		part = strings.TrimPrefix(part, "and ")
		var group []string
		for _, p := range splitAnd(part) {
			if (p == "al." || p == "al") && len(group) > 0 {
				// "et al.": the others, no name of its own.
				group[len(group)-1] += " et " + p
				continue
			}
			group = splitConjunctions(group, p)
		}
		// The surname of the next full name after each name, found from
		// the group's end in one pass: a search from each single name
		// on took time in the square of a group's names (a line of
		// "A and A and …", 256 KB, took 16 s).
		surnames := make([]string, len(group))
		next := ""
		for i := len(group) - 1; i >= 0; i-- {
			surnames[i] = next
			if surname := surnameOf(group[i]); surname != "" {
				next = surname
			}
		}
		for i, name := range group {
			if name == "" {
				continue
			}
			if surnames[i] != "" && len(strings.Fields(name)) == 1 {
				// The surname is that of the next full name in the group:
				// "Jan & Ewa Lis and Tomasz Nowak" is Jan Lis.
				name += " " + surnames[i]
			}
			names = append(names, name)
		}
	}
	return names
}

// surnameOf returns what follows a full name's given name and initials,
// the family name a sibling credited before it shares: "García Bernal" of
// "Luis García Bernal" (the last word alone made "Gael & Luis García
// Bernal" a "Gael Bernal" no source names), "de la Cruz" of "Maria de la
// Cruz", "Smith" of "J. R. Smith"; "" for a single word.
//
// A generational suffix or a society's letters after it are the full
// name's own, never a sibling's: "Ana & Luis Ortiz, Jr." is Ana Ortiz.
func surnameOf(name string) string {
	f := strings.Fields(name)
	for len(f) > 2 {
		last := strings.TrimRight(f[len(f)-1], ",")
		if !isGenerational(last) && !isPostNominal(last) {
			break
		}
		f = f[:len(f)-1]
	}
	if len(f) > 0 {
		f[len(f)-1] = strings.TrimRight(f[len(f)-1], ",")
	}
	i := 1
	for i < len(f)-1 && isInitial(f[i]) {
		i++
	}
	if len(f) < 2 {
		return ""
	}
	return strings.Join(f[i:], " ")
}

// isInitial reports whether a word is an initial: "R." or "J.-P.".
func isInitial(w string) bool {
	return strings.HasSuffix(w, ".") && utf8.RuneCountInString(strings.ReplaceAll(w, ".", "")) <= 3
}

// Credits turns a credit line's value into one credit per name: people
// split with SplitNames, organisations with SplitList (commas only, since
// "&" belongs to company names).
func Credits(role film.Role, roleName string, org bool, value string, line int) []film.Credit {
	// "Zhang Yimou (張藝謀)": the name again in its own script is no part
	// of the credit's name (which it made no person's name, left out).
	value = WithoutOtherScript(value)
	var names []string
	if org {
		names = joinLegalForms(SplitList(value))
	} else {
		names = SplitNames(value)
	}
	// A name the value repeats word for word is credited once: merging
	// makes one credit of them anyway, and each held a credit and a
	// mention until then (a line of "A; A; …" made a million).
	names = uniqueNames(names)
	out := make([]film.Credit, len(names))
	for i, name := range names {
		out[i] = film.Credit{Role: role, RoleName: roleName,
			Agent: film.Agent{Name: film.Text{Value: name, Line: line}, Organization: org}}
	}
	return out
}

// joinLegalForms joins each item that is a company's legal form to the
// item before it: "Lagoon Pictures, Inc., Faro Films, S.L." names two
// companies, where its commas made four, two of them called "Inc." and
// "S.L." (audit 15).
func joinLegalForms(items []string) []string {
	out := items[:0]
	for _, it := range items {
		if len(out) > 0 && LegalForm(it) {
			out[len(out)-1] += ", " + it
			continue
		}
		out = append(out, it)
	}
	return out
}

// legalForms are companies' legal forms as LegalForm compares them: in
// lower case, without dots or spaces ("S.L." is "sl", "Pty Ltd"
// "ptyltd").
var legalForms = map[string]bool{
	"inc": true, "incorporated": true, "ltd": true, "limited": true, "llc": true, "llp": true, "lp": true,
	"plc": true, "co": true, "corp": true, "corporation": true, "company": true, "ptyltd": true, "pteltd": true,
	"gmbh": true, "ag": true, "kg": true, "gmbhcokg": true, "ohg": true, "ug": true, "ev": true,
	"sa": true, "sas": true, "sasu": true, "sarl": true, "eurl": true, "sca": true, "scs": true,
	"sprl": true, "srl": true, "bvba": true, "asbl": true, "vzw": true, "nv": true, "bv": true, "cv": true,
	"sl": true, "slu": true, "sau": true, "sadecv": true, "lda": true, "ltda": true, "spa": true, "sapa": true,
	"sro": true, "as": true, "aps": true, "ab": true, "oy": true, "oyj": true, "ehf": true, "hf": true,
	"kft": true, "zrt": true, "nyrt": true, "doo": true, "ad": true, "dd": true, "spzoo": true, "ooo": true,
	"kk": true, "yk": true,
}

// LegalForm reports whether s is a company's legal form alone, as it
// stands after a comma inside a company's name ("Films, Inc.", "Faro
// Films, S.L.", "Terra Filmes, Lda.").
func LegalForm(s string) bool {
	if len(s) > 16 {
		return false
	}
	var b [16]byte
	n := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '.' || c == ' ' || c == '&' || c == '/':
		case 'A' <= c && c <= 'Z':
			b[n] = c + 'a' - 'A'
			n++
		case 'a' <= c && c <= 'z':
			b[n] = c
			n++
		default:
			return false
		}
	}
	return legalForms[string(b[:n])]
}

// CreditList adds a document's credits to its film as its mapper reads
// them, leaving out a credit that repeats an earlier one word for word
// (the same role, role name and name, with no contact or URL of its
// own), as the mapper's cast.List leaves out a repeated part: merging
// makes one credit of them anyway, and each held a credit, a mention in
// the resolver and a place in the merge until then (a page whose credit
// lines were pasted 50,000 times). The zero CreditList is ready to use;
// one serves one document, whose credits only Add may grow: it finds a
// credit added before by its place in them.
type CreditList struct {
	// few are the places in credits of the credits Add kept, scanned
	// while there are few; table holds them once there are more.
	few []int32
	// table is a set of those places, open-addressed by the hash of the
	// credit's key (creditKey), each place plus one (0 is a free slot);
	// a slot's key is read from the credit itself. A set of the keys
	// held 80 bytes a credit, as much as the credit (a prize page of
	// 116,000 crew lines); the table holds 8 to 16.
	table []int32
	n     int // the places in table
	seed  maphash.Seed
}

// creditKey is what makes two credits the same word for word.
type creditKey struct {
	role     film.Role
	roleName string
	org      bool
	name     string
}

// keyOf returns c's key.
func keyOf(c *film.Credit) creditKey {
	return creditKey{c.Role, c.RoleName, c.Agent.Organization, c.Agent.Name.Value}
}

// scanCredits is how many keys a CreditList scans before it makes a set:
// a document names a few dozen people, and the set and its growth were
// 4% of the bytes a film's conversion allocated.
const scanCredits = 32

// minCredits is the least room Add grows credits to: one at a time from
// none, the slice of large structs was copied at 1, 2, 4, 8 and 16.
const minCredits = 16

// hash returns k's hash for the table.
func (l *CreditList) hash(k creditKey) uint64 {
	h := maphash.String(l.seed, k.name)
	h = h*31 + maphash.String(l.seed, k.roleName)
	h = (h*31 + maphash.String(l.seed, string(k.role))) << 1
	if k.org {
		h++
	}
	return h
}

// has reports whether a credit of key k is among credits at a place
// recorded, and if not records at, the place k's credit is added at.
func (l *CreditList) has(credits []film.Credit, k creditKey, at int) bool {
	if l.table == nil {
		for _, i := range l.few {
			if keyOf(&credits[i]) == k {
				return true
			}
		}
		if len(l.few) < scanCredits {
			if l.few == nil {
				l.few = make([]int32, 0, scanCredits) // 128 bytes, once
			}
			l.few = append(l.few, int32(at))
			return false
		}
		l.seed = maphash.MakeSeed()
		l.table = make([]int32, 4*scanCredits)
		for _, i := range l.few {
			l.insert(l.hash(keyOf(&credits[i])), int(i))
		}
		l.few = nil
	}
	h := l.hash(k)
	mask := uint64(len(l.table) - 1)
	for s := h & mask; ; s = (s + 1) & mask {
		i := l.table[s]
		if i == 0 {
			break
		}
		if keyOf(&credits[i-1]) == k {
			return true
		}
	}
	if 2*(l.n+1) > len(l.table) {
		// At most half full, so that a search meets a free slot soon.
		old := l.table
		l.table, l.n = make([]int32, 2*len(old)), 0
		for _, i := range old {
			if i != 0 {
				l.insert(l.hash(keyOf(&credits[i-1])), int(i-1))
			}
		}
	}
	l.insert(h, at)
	return false
}

// insert records place at, whose credit's key hashes to h and is not in
// the table, in the table, which has a free slot.
func (l *CreditList) insert(h uint64, at int) {
	mask := uint64(len(l.table) - 1)
	s := h & mask
	for l.table[s] != 0 {
		s = (s + 1) & mask
	}
	l.table[s] = int32(at + 1)
	l.n++
}

// Add appends to credits each of more that it does not hold already, and
// returns credits.
func (l *CreditList) Add(credits []film.Credit, more ...film.Credit) []film.Credit {
	for _, c := range more {
		// A credit with a contact or URL has facts of its own: kept.
		plain := c.Agent.Contact() == nil && c.Agent.URL() == ""
		if plain && l.has(credits, keyOf(&c), len(credits)) {
			continue
		}
		if len(credits) == cap(credits) && cap(credits) < minCredits {
			credits = slices.Grow(credits, minCredits-len(credits))
		}
		credits = append(credits, c)
	}
	return credits
}

// uniqueNames returns names without the repeats of a name, in the order
// first met: by a scan while the list is short, by a set past that.
func uniqueNames(names []string) []string {
	const scanUpTo = 16
	out := names[:0]
	var seen map[string]bool
	for _, n := range names {
		switch {
		case seen != nil:
			if seen[n] {
				continue
			}
			seen[n] = true
		case slices.Contains(out, n):
			continue
		case len(out) == scanUpTo:
			seen = make(map[string]bool, len(names))
			for _, o := range out {
				seen[o] = true
			}
			seen[n] = true
		}
		out = append(out, n)
	}
	return out
}

// SplitList splits a list of things that are not people (countries,
// languages, companies) on commas and semicolons only: "and" and "&" belong
// to names such as "Bosnia and Herzegovina" or "Fox & Hound Films".
func SplitList(s string) []string {
	return slices.Collect(ListItems(s))
}

// ListItems gives SplitList's items one at a time, so that a caller that
// stops early (is every item a country?) splits no further.
func ListItems(s string) iter.Seq[string] {
	return func(yield func(string) bool) {
		eachAround(Clean(s), listSeparator, func(item string) bool {
			return item == "" || yield(item)
		})
	}
}

// Short cuts a line to a length that fits in a message.
func Short(s string) string {
	// Only the characters it keeps are counted: a 16 MB paragraph was
	// made runes whole, 64 MB, to keep 57 of them.
	n := 0
	cut := len(s)
	for i := range s {
		if n == 57 {
			cut = i
		}
		if n++; n > 60 {
			return s[:cut] + "..."
		}
	}
	return s
}

// CutLabel cuts a "Label: value" line at its first colon as the patterns
// `^(label)\s*:\s*(.*)$` of the mappers read it, by a byte scan: labelEnd
// is where the label ends, the white space before the colon trimmed but
// never below minLabel bytes, and value is the rest past the white space
// after the colon. ok is false when the line has no colon, or when the
// value holds a line break ("." does not match one). What a label may
// hold is the caller's rule.
func CutLabel(s string, minLabel int) (labelEnd int, value string, ok bool) {
	i := strings.IndexByte(s, ':')
	if i < 0 {
		return 0, "", false
	}
	k := i + 1
	for k < len(s) && IsRegexpSpace(s[k]) {
		k++
	}
	if strings.IndexByte(s[k:], '\n') >= 0 {
		return 0, "", false
	}
	j := i
	for j > minLabel && IsRegexpSpace(s[j-1]) {
		j--
	}
	return j, s[k:], true
}

// IsRegexpSpace is the regexp package's \s: ASCII white space but \v.
func IsRegexpSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}
