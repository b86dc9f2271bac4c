package reviews

import (
	"cmp"
	"errors"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/film2ld/film2ld/mapping/internal/text"

	"github.com/film2ld/film2ld/mapping/internal/lazyre"
)

// class is what a line of a review page is, before the parser decides,
// from where the line stands, what it means.
type class int

const (
	blankLine        class = iota
	boilerplateLine        // site furniture: "Watch On", "Read full review"
	headingLine            // a section heading: "User Score", "Critic Reviews"
	noScoreLine            // "No user score yet- Awaiting 2 more ratings", "tbd"
	verdictLine            // verdict words and/or "based on N Critics"
	summaryScoreLine       // a labelled headline score: "Metascore: 81"
	numberLine             // a number on its own: "81", "8.2", "8/10"
	bandLine               // "1. Positive: 2 out of 5"
	bandStartLine          // starts like a band but is not one
	itemLine               // "N. …": a numbered review starts
	labelLine              // "Publication: Variety", a part of a review
	dateLine               // "Mar 25, 2011"
	textLine               // anything else: review text, or unrecognised
	urlLine                // a link's target alone: "4. https://…" (lynx's list)
	footerLine             // the site's footer: "© 2024 …", "Terms of Use | Privacy Policy"
	referencesLine         // a text browser's heading of its list of links: "References"
)

// classified is a line and what the classifier read in it.
type classified struct {
	class class
	text  string // the cleaned line
	// For headingLine: the section it opens and whether bands follow.
	section section
	buckets bool
	// list is set for a heading of a list of reviews ("Critic Reviews").
	list bool
	// For verdictLine: the verdict words, the count and its noun's
	// section (or -1 when the noun names none); score when the line starts
	// with one ("81 Universal acclaim - based on 5 Critics").
	verdict, count string
	countFor       section
	// For summaryScoreLine and numberLine: the number as written, the
	// stated best of its scale ("" when none), and for summaryScoreLine
	// the section its label names and whether the label names only a
	// headline ("Metascore"), never one review's score.
	score, best string
	headline    bool
	// For bandLine: label, count and total.
	band, bandCount, bandTotal string
	// For itemLine: the rest of the line after "N.".
	rest string
	// For labelLine: the field and its value; by is set for the unlabelled
	// "By Ann Lee" form, which the site also writes after the review text.
	field field
	value string
	by    bool
	// starts is set for a label that only ever opens a review ("Reviewed
	// by"), so that it ends the text of the review before it.
	starts bool
	// For dateLine: the ISO date, or why there is none.
	date    string
	dateErr error
	// For boilerplateLine: the line is a card's last ("Read More",
	// "Report"), so what follows it is no longer that review's.
	closes bool
}

const numberPattern = `(\d{1,3}(?:\.\d+)?)`

var (
	verdictRe = lazyre.New(`(?i)^(?:` + numberPattern + `\s+)?(.*?)\s*(-?)\s*\bbased on ([\d,]+) ((?:critic |user )?(?:critics?|reviews?|ratings?))$`)
	// A line that starts like a band ("2. Negative: 0 out of") but is not
	// one: inside a distribution it is an error, not a review.
	bandStartRe = lazyre.New(`^(\d+\.\s*)?([A-Z][A-Za-z ]{0,20}?):\s*\d`)
	// itemRe is what itemRest reads, which FuzzItemRest holds to it.
	itemRe = lazyre.New(`^(\d+)\.(?:\s+(.*))?$`)
	// summaryScoreRe and scoreLabelRe are built from summaryLabels.
	summaryScoreRe, scoreLabelFirstRe *lazyre.Regexp
)

func init() {
	labels := make([]string, 0, len(summaryLabels))
	for l := range summaryLabels {
		labels = append(labels, regexp.QuoteMeta(l))
	}
	// Longest first, so that "critics score" is not read as "critic";
	// labels of one length in text order, so that the pattern is the
	// same in every process (its filter is generated for that text:
	// lazyre's filters_gen.go).
	slices.SortFunc(labels, func(a, b string) int { return cmp.Or(len(b)-len(a), strings.Compare(a, b)) })
	alt := strings.Join(labels, "|")
	summaryScoreRe = lazyre.New(`(?i)^(` + alt + `)\s*:?\s*` + numberPattern + `(?:\s*(?:/|out of)\s*(\d{1,3}))?$`)
	scoreLabelFirstRe = lazyre.New(`(?i)^` + numberPattern + `\s+(` + alt + `)$`)
}

// classify tells what kind of line l (already cleaned) is, from the line
// alone.
func classify(l string) classified {
	c := classified{class: textLine, text: l}
	if l == "" {
		c.class = blankLine
		return c
	}
	// Every test is guarded by a cheap look at the line: most lines of a
	// page are review text, and a page may hold many thousands of them.
	short := len(l) <= 60
	digit := l[0] >= '0' && l[0] <= '9'
	colon := strings.IndexByte(l, ':') >= 0
	if (colon || strings.Contains(l, "www.")) && isURLLine(l) {
		c.class = urlLine
		return c
	}
	if len(l) <= 200 && isFooter(l) {
		c.class = footerLine
		return c
	}
	if short {
		var buf [64]byte
		key := string(appendHeadingKey(buf[:0], l)) // not escaping: on the stack
		if footerLinks[key] {
			c.class = footerLine
			return c
		}
		if referenceHeadings[key] {
			c.class = referencesLine
			return c
		}
		if boilerplate[key] || strings.Contains(key, "review") && boilerplateRe.MatchString(l) || navigation(key) || furniture(key) {
			c.class, c.closes = boilerplateLine, cardEnds[key]
			return c
		}
		if noScoreRe.MatchString(l) {
			c.class = noScoreLine
			return c
		}
		if h, ok := headings[key]; ok {
			c.class, c.section, c.buckets, c.list = headingLine, h.section, h.buckets, h.list
			return c
		}
	}
	if strings.Contains(l, "ased on") || strings.Contains(l, "ASED ON") {
		if m := verdictMatch(l); m != nil && (m[2] == "" || m[3] == "-" || isVerdict(m[2])) {
			c.class, c.score, c.verdict, c.count = verdictLine, m[1], m[2], m[4]
			c.countFor = -1
			if s, ok := countNouns[strings.ToLower(m[5])]; ok {
				c.countFor = s
			}
			return c
		}
	}
	if short && isVerdict(l) {
		c.class, c.verdict, c.countFor = verdictLine, l, -1
		return c
	}
	if short && (strings.Contains(l, "core") || strings.Contains(l, "CORE")) {
		if m := summaryScoreRe.FindStringSubmatch(l); m != nil {
			c.class, c.section, c.score, c.best = summaryScoreLine, summaryLabels[strings.ToLower(m[1])], m[2], m[3]
			c.headline = headlineOnly[strings.ToLower(m[1])]
			return c
		}
		if m := scoreLabelFirstRe.FindStringSubmatch(l); m != nil {
			c.class, c.section, c.score = summaryScoreLine, summaryLabels[strings.ToLower(m[2])], m[1]
			c.headline = headlineOnly[strings.ToLower(m[2])]
			return c
		}
	}
	if !digit && short && l[0] >= utf8.RuneSelf {
		if score, best, ok := starScore(l); ok {
			c.class, c.score, c.best = numberLine, score, best
			return c
		}
	}
	if digit && short {
		if score, best, ok := matchNumber(l); ok {
			c.class, c.score, c.best = numberLine, score, best
			return c
		}
	}
	if colon && short {
		if band, count, total, ok := matchBand(l); ok {
			c.class, c.band, c.bandCount, c.bandTotal = bandLine, band, count, total
			return c
		}
		if m := bandStartMatch(l); m != nil && (m[1] != "" || strings.Contains(l, " out of")) {
			if _, review := reviewLabels[strings.ToLower(m[2])]; !review {
				c.class = bandStartLine
				return c
			}
		}
	}
	if digit {
		if rest, ok := itemRest(l); ok {
			c.class, c.rest = itemLine, rest
			return c
		}
	}
	if colon {
		if i := strings.IndexByte(l, ':'); i <= 21 {
			key := strings.ToLower(strings.TrimSpace(l[:i]))
			if f, ok := reviewLabels[key]; ok {
				c.class, c.field, c.value, c.starts = labelLine, f, strings.TrimSpace(l[i+1:]), startLabels[key]
				return c
			}
		}
	}
	if short {
		if f, key, value, ok := spacedLabel(l); ok {
			c.class, c.field, c.value, c.starts = labelLine, f, value, startLabels[key]
			return c
		}
	}
	if short && strings.HasPrefix(l, "By ") {
		if m := byRe.FindStringSubmatch(l); m != nil {
			c.class, c.field, c.value, c.by = labelLine, reviewerField, m[1], true
			return c
		}
	}
	if dated, ok := cutDatePrefix(l); ok {
		// "Posted Jun 2, 2019": the date's own line, with its verb.
		l = dated
	}
	if len(l) <= 20 && strings.IndexFunc(l, unicode.IsDigit) >= 0 {
		if d, err := text.ParseDate(l); err == nil || errors.Is(err, text.ErrAmbiguousDate) || errors.Is(err, text.ErrImpossibleDate) {
			// An ambiguous or impossible one is a date line with no
			// date (c.date ""): the review's date, left out with a note.
			// Else the line ("Feb 30, 2020") was prose, and the review's
			// publisher, reviewer and date went into its text.
			c.class, c.date, c.dateErr = dateLine, d, err
		} else if d, ok := partialDate(l); ok {
			c.class, c.date = dateLine, d
		} else if dateShaped(l) {
			// "Avril 1959", "Spring 1963": a date in words film2ld does
			// not read. It went into the review's text, and the
			// publication on the line before it too (audit 13).
			c.class, c.dateErr = dateLine, errUnreadDate
		}
	}
	return c
}

// spacedLabel reads a review's label that a page writes without its
// colon: followed by a dash or a bar ("Reviewer — Ann Lee", "Score - 80",
// "Publication | Variety"), or, for the reviewer's labels that open
// nothing else, by a space and a name ("Reviewed by Boyd van Hoeij"). It
// returns the label's field, the label (lower case) and the value. The
// reviewer became an Organization named "reviewed-by-boyd-van-hoeij", the
// review's publisher (audit 18).
func spacedLabel(l string) (field, string, string, bool) {
	switch l[0] | 0x20 { // the labels' first letters, either case
	case 'r', 'c', 'p', 'o', 's', 'd':
	default:
		return 0, "", "", false
	}
	for _, key := range spacedLabels {
		if len(l) <= len(key)+1 || !strings.EqualFold(l[:len(key)], key) {
			continue
		}
		rest := l[len(key):]
		for _, sep := range []string{" - ", " – ", " — ", " | "} {
			if v, ok := strings.CutPrefix(rest, sep); ok && strings.TrimSpace(v) != "" {
				return reviewLabels[key], key, strings.TrimSpace(v), true
			}
		}
		if key != "reviewed by" && key != "review by" || rest[0] != ' ' {
			continue
		}
		// A name: a capital first, a few words, no sentence's end;
		// "Reviewed by many as a classic." is prose.
		v := strings.TrimSpace(rest)
		if r, _ := utf8.DecodeRuneInString(v); !unicode.IsUpper(r) || len(strings.Fields(v)) > maxNameWords+1 || endsSentence(v) {
			continue
		}
		return reviewLabels[key], key, v, true
	}
	return 0, "", "", false
}

// spacedLabels are reviewLabels but "by", longest first, so that "review
// by" is not read as "reviewer", nor "critic score" as "critic".
var spacedLabels = func() []string {
	var keys []string
	for k := range reviewLabels {
		if k != "by" {
			keys = append(keys, k)
		}
	}
	slices.SortFunc(keys, func(a, b string) int { return cmp.Or(len(b)-len(a), strings.Compare(a, b)) })
	return keys
}()

// starScore reads a score drawn in stars whose scale the stars show:
// filled stars, at most one half star, then empty ones ("★★★★☆" is 4 of
// 5, "★★★½☆" 3.5 of 5). Without an empty star the scale is not on the
// page ("★★★" may be 3 of 4 or of 5), and the line is not read so; the
// publication reader then leaves it out as a score, with a note.
func starScore(l string) (score, best string, ok bool) {
	filled, half, empty := 0, 0, 0
	for _, r := range l {
		switch r {
		case ' ', '\u00a0':
			continue
		case '★', '⭐':
			if half+empty > 0 {
				return "", "", false
			}
			filled++
		case '½', '⯪', '⯨':
			if half+empty > 0 {
				return "", "", false
			}
			half++
		case '☆', '✩':
			empty++
		default:
			return "", "", false
		}
	}
	// No filled star: an empty row is as often a widget to rate with as
	// a score of nothing.
	if empty == 0 || filled+half == 0 || filled+half+empty > 10 {
		return "", "", false
	}
	score = strconv.Itoa(filled)
	if half > 0 {
		score += ".5"
	}
	return score, strconv.Itoa(filled + half + empty), true
}

// errUnreadDate is the dateErr of a line shaped as a date that film2ld
// cannot read.
var errUnreadDate = errors.New("not a date film2ld reads")

// partialDate reads a date stated to the month or the year alone ("June
// 2015", "1963", as old reviews are dated) as ISO 8601 does: "2015-06",
// "1963".
func partialDate(l string) (string, bool) {
	if len(l) == 4 && yearRe.MatchString(l) {
		return l, true
	}
	if !hasLetter(l) {
		return "", false // a score, a count: no month
	}
	return text.ParseMonth(l)
}

// hasLetter reports whether s holds a letter.
func hasLetter(s string) bool { return strings.IndexFunc(s, unicode.IsLetter) >= 0 }

// dateShaped reports whether a line is shaped as a date: a year (four
// digits) with one word of letters ("Avril 1959"), or with a word and a
// day of the month ("3 Avril 1959", "Avril 3, 1959"), and nothing else.
func dateShaped(l string) bool {
	if !hasLetter(l) || !strings.Contains(l, " ") {
		return false
	}
	words := strings.Fields(strings.ReplaceAll(l, ",", " "))
	if len(words) < 2 || len(words) > 3 {
		return false
	}
	year, day, word := 0, 0, 0
	for _, w := range words {
		w = strings.TrimSuffix(w, ".")
		switch {
		case len(w) == 4 && allDigits(w):
			year++
		case len(w) <= 2 && allDigits(w):
			if d, _ := strconv.Atoi(w); d >= 1 && d <= 31 {
				day++
			}
		case len(w) >= 3 && len(w) <= 10 && allLetters(w):
			word++
		}
	}
	return year == 1 && word == 1 && year+word+day == len(words)
}

func allDigits(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return r < '0' || r > '9' }) < 0
}

func allLetters(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }) < 0
}

// itemRest is itemRe.FindStringSubmatch(l) read without the pattern,
// which ran on every line that starts with a digit, twice for a review's
// first line (detection, then the parser): ok says it matched, rest is
// its second group. The line is digits and "." and, when more follows,
// \s+ (ASCII white space: \t \n \f \r and space, all of it taken) and a
// rest with no line feed, which "." does not take. FuzzItemRest compares
// the two.
func itemRest(l string) (rest string, ok bool) {
	n := 0
	for n < len(l) && '0' <= l[n] && l[n] <= '9' {
		n++
	}
	if n == 0 || n == len(l) || l[n] != '.' {
		return "", false
	}
	after := l[n+1:]
	if after == "" {
		return "", true
	}
	rest = strings.TrimLeft(after, "\t\n\f\r ")
	if len(rest) == len(after) || strings.IndexByte(rest, '\n') >= 0 {
		return "", false
	}
	return rest, true
}

// byRe is "By Ann Lee": a capitalised name of at most five words.
var byRe = lazyre.New(`^By (\p{Lu}[\p{L}.'’-]*(?: [\p{L}.'’-]+){0,4})$`)

// verdictMatch is verdictRe.FindStringSubmatch(l), without running the
// pattern on a line it cannot match: the pattern ends in critic, critics,
// review(s) or rating(s), case folded, so the line's last letter is c, s
// (or the long s that folds to it), w or g. Detection classifies every
// line that mentions "based on" in every document, and the backtracking
// match of this pattern was the largest of the page's.
func verdictMatch(l string) []string {
	if l == "" {
		return nil // no verdict; the pattern matches none either
	}
	switch l[len(l)-1] {
	case 'c', 'C', 's', 'S', 'w', 'W', 'g', 'G':
	default:
		if !strings.HasSuffix(l, "ſ") {
			return nil
		}
	}
	if strings.IndexByte(l, '\n') >= 0 || strings.Contains(l, "ſ") {
		// "." stops at a line feed, and the long s folds to s: the
		// pattern's own reading, for what parseVerdict leaves out.
		return verdictRe.FindStringSubmatch(l)
	}
	return parseVerdict(l)
}

// verdictNouns are the words a verdict line's count ends in.
var verdictNouns = []string{"critics", "critic", "reviews", "review", "ratings", "rating"}

// parseVerdict is verdictRe.FindStringSubmatch(l) for a line with no line
// feed and no long s, read from its end: the count's noun, "based on" and
// the count stand in one place only, and what is before them is the
// optional score, the verdict (the lazy group: the least that leaves only
// white space, one "-" and white space) and the dash. The pattern's
// backtracking took 4 us on the sample's verdict line, which detection
// and the parser both read. FuzzParseVerdict compares the two.
func parseVerdict(l string) []string {
	var noun string
	for _, n := range verdictNouns {
		if len(l) >= len(n) && strings.EqualFold(l[len(l)-len(n):], n) {
			noun = n
			break
		}
	}
	if noun == "" {
		return nil
	}
	q := len(l) - len(noun)
	// With "critic " or "user " before the noun first, as the greedy
	// "?" tries it.
	for _, prefix := range []string{"critic ", "user ", ""} {
		n0 := q - len(prefix)
		if n0 < 0 || !strings.EqualFold(l[n0:q], prefix) {
			continue
		}
		// " " [\d,]+ before the noun, "based on " before that.
		if n0 == 0 || l[n0-1] != ' ' {
			continue
		}
		j := n0 - 1
		for j > 0 && (isASCIIDigit(l[j-1]) || l[j-1] == ',') {
			j--
		}
		const basedOn = "based on "
		p := j - len(basedOn)
		if j == n0-1 || p < 0 || !strings.EqualFold(l[p:j], basedOn) {
			continue
		}
		if p > 0 && isWordByte(l[p-1]) {
			continue // \b before "based"
		}
		score, verdict, dash := verdictHead(l[:p])
		return []string{l, score, verdict, dash, l[j : n0-1], l[n0:]}
	}
	return nil
}

// verdictHead reads what stands before "based on": the pattern's
// (?:(\d{1,3}(?:\.\d+)?)\s+)?(.*?)\s*(-?)\s* over the whole of h.
func verdictHead(h string) (score, verdict, dash string) {
	const space = "\t\n\f\r " // \s
	x := 0
	k := 0
	for k < len(h) && isASCIIDigit(h[k]) {
		k++
	}
	if k >= 1 && k <= 3 {
		e := k
		if e+1 < len(h) && h[e] == '.' && isASCIIDigit(h[e+1]) {
			e += 2
			for e < len(h) && isASCIIDigit(h[e]) {
				e++
			}
		}
		if ws := len(h[e:]) - len(strings.TrimLeft(h[e:], space)); ws > 0 {
			score, x = h[:e], e+ws
		}
	}
	r := h[x:]
	rest := strings.TrimRight(r, space)
	if strings.HasSuffix(rest, "-") {
		rest, dash = strings.TrimRight(rest[:len(rest)-1], space), "-"
	}
	return score, rest, dash
}

func isASCIIDigit(c byte) bool { return '0' <= c && c <= '9' }

// isWordByte is \w for the byte before a position, as \b reads it: a
// byte past ASCII belongs to a character that is no word character.
func isWordByte(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_'
}

// bandStartMatch is bandStartRe.FindStringSubmatch(l), without running
// the pattern on a line it cannot match: its label holds no colon, so
// the colon it needs is the line's first, and a digit follows it after
// white space.
func bandStartMatch(l string) []string {
	i := strings.IndexByte(l, ':')
	if i < 0 {
		return nil
	}
	rest := strings.TrimLeft(l[i+1:], "\t\n\f\r ")
	if rest == "" || rest[0] < '0' || rest[0] > '9' {
		return nil
	}
	return bandStartRe.FindStringSubmatch(l)
}

// cutDatePrefix returns a line's date after the word a review card puts
// before it ("Posted Jun 2, 2019", "Published on 3 March 2017"), when the
// rest is a date; the line was taken for the review's first words.
func cutDatePrefix(l string) (string, bool) {
	for _, p := range []string{"Posted on ", "Posted ", "Published on ", "Published ", "Reviewed on "} {
		if rest, ok := strings.CutPrefix(l, p); ok {
			// An ambiguous or impossible date is still the date's line
			// ("Posted 2/9/2020"), read as classify reads one alone.
			if _, err := text.ParseDate(rest); err == nil || errors.Is(err, text.ErrAmbiguousDate) || errors.Is(err, text.ErrImpossibleDate) {
				return rest, true
			}
		}
	}
	return "", false
}
