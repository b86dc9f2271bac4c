// Package reviews reads a review aggregator's page (Metacritic-style): the
// critic and user headline scores with their verdicts and counts, the score
// distributions, and every critic and user review with its score,
// publication, reviewer, date and text, with the site's boilerplate removed.
//
// Call [Parse] (or [FromDoc] on a document already read). A page names its
// film in a header (title and year, or title and the film's details:
// director, cast, runtime, release date); package mapping combines it with
// the other documents about the same film.
//
// # Scales
//
// The site documents its scales, and they are facts about this kind of
// source like its layout: critic scores, each review's and the headline
// ("Metascore"), run from 0 to 100; user scores, each user's and the
// average, from 0 to 10. A score is kept with that scale ([CriticScale],
// [UserScale]) unless the page states another ("4/5", or "7 out of 10"
// for a critic), in which case the stated top is kept and no bottom is
// assumed. A score outside its scale is reported and left out. Numbers
// keep the text the page writes them in (film.Number.Literal).
//
// # Layouts
//
// Every line is first classified on its own (classify: heading, boilerplate,
// verdict or count, headline score, score band, numbered review, labelled
// review part, date, text), from the tables in tables.go; the parser then
// decides from where the line stands what it means. mapping/README.md
// ("Review pages") lists every layout, with an example of each.
//
// # Never inventing
//
// A reviewer's name that holds a role separator, an annotation, a sentence,
// a number or a date is reported at its line and left out; the review's
// publication then stands in as its author. A page whose last line stops in
// the middle (after a label, a separator or "based on", or a user review
// without its "Full Review »" link) is read up to that line, which is
// reported and left out with the review it belongs to. Lines nothing
// recognises are reported once per section, with their line numbers.
package reviews

import (
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/film2ld/film2ld/ld/diag"
	"github.com/film2ld/film2ld/mapping/film"
	"github.com/film2ld/film2ld/mapping/internal/text"

	"github.com/film2ld/film2ld/mapping/internal/lazyre"
)

// Boilerplate the site wraps around review texts.
const (
	spoilerPrefix = "This review contains spoilers, click full review link to view."
	fullReview    = "Full Review »"
)

// standardBuckets are the site's score bands in its own order; a page that
// leaves one out lets it be derived from the total.
var standardBuckets = []string{"Positive", "Mixed", "Negative"}

// mentionsSignal reports whether l holds "based on", "Based on", "score",
// "Score" or "eview", which every line Signals counts does.
func mentionsSignal(l string) bool {
	return text.ContainsVia(l, "eview", 2) || text.ContainsVia(l, "score", 1) || text.ContainsVia(l, "based on", 0) ||
		text.ContainsVia(l, "Score", 0) || text.ContainsVia(l, "Based on", 0)
}

// Signals reports how strongly a document looks like a review aggregator's
// page: the number of lines only such a page has.
func Signals(lines []string) int {
	n := 0
	for _, l := range lines {
		// Cheap substring tests first: detection runs on every line of
		// every document, and most lines are prose. Each searches for
		// its word's rarest letter (text.ContainsVia), where
		// strings.Contains stopped at every "s" and "e" of the prose.
		if !mentionsSignal(l) {
			continue
		}
		l = cleanLine(l)
		if len(l) > 80 {
			continue
		}
		switch c := classify(l); c.class {
		case verdictLine:
			if c.count != "" {
				n++
			}
		case noScoreLine, headingLine, summaryScoreLine:
			n++
		case itemLine:
			if rc := classify(c.rest); rc.class == labelLine && rc.field == reviewerField && rc.starts {
				n++
			}
		case labelLine:
			if c.field == reviewerField && c.starts {
				n++
			}
		}
	}
	return n
}

// section is the part of the page a line belongs to.
type section int

const (
	critics section = iota
	users
)

func (s section) String() string {
	if s == users {
		return "user"
	}
	return "critic"
}

func (s section) scale() film.Scale {
	if s == users {
		return UserScale
	}
	return CriticScale
}

type parser struct {
	doc *text.Doc
	src *film.Source
	// credits adds the page's credits, once each.
	credits text.CreditList
	section section
	// review is the review being read, or nil.
	review *review
	// pending is a headline score on a line of its own, waiting for the
	// verdict or heading that tells whose it is.
	pending *classified
	// pendingLine is the line pending stands on; pendingSection the
	// section it was read in.
	pendingLine    int
	pendingSection section
	// inBuckets is true inside a "… score distribution:" list.
	inBuckets bool
	// inList is true under a heading of a list of reviews ("Critic
	// Reviews"), where a number that a card's header follows starts a
	// review (the site's current design does not number its cards).
	inList bool
	// inReferences is true under a text browser's list of the page's
	// links ("References"), whose targets are skipped.
	inReferences bool
	// inDetails is true after a line of the film's details read under
	// the scores, where the site's genres follow one a line.
	inDetails bool
	// unknown are the lines of the current section that nothing
	// recognised, reported together when the section ends.
	unknown text.LineSet
	// unknownFirst is the first of them, as written.
	unknownFirst string
	// refusedNotes counts the reviewers noted as refused (notAName);
	// refusedMore holds the lines of those past maxRefusedNotes, noted
	// together once the page is read.
	refusedNotes int
	refusedMore  text.LineSet
	// refusedByPublication counts those of refusedMore whose review has
	// its publication as author, which their note says as each
	// reviewer's own note does.
	refusedByPublication int
	// full holds the reviews read before the current list
	// (src.Film.Reviews) filled up, in order; reviewList joins them.
	full [][]film.Review
	// dayFirst and monthFirst are the first review dates written with
	// slashes that allow one order of day and month only; ambiguous are
	// the reviews whose dates allow both (see settleDates).
	dayFirst, monthFirst film.Text
	ambiguous            []ambiguousDate
	// dates holds each review date met, so that the reviews of one day
	// share one string: a page's reviews fall on a few hundred days, and
	// a string per review was 0.8 MB of a 50,000-review page.
	dates map[string]string
}

// reviewDate is a review's date (ISO 8601) stated on line n.
// setDate records the open review's date from a date line; one whose day
// and month could be either way round (c.date "") is left out with a
// note, and still ends the card's header.
func (p *parser) setDate(n int, c classified) {
	if c.date == "" {
		p.review.dateLeftOut = true
		if errors.Is(c.dateErr, text.ErrImpossibleDate) {
			p.note(n, "review date %q is no calendar date; left out", text.Short(c.text))
			return
		}
		if errors.Is(c.dateErr, errUnreadDate) {
			p.note(n, "review date %q is not a date film2ld reads; left out", text.Short(c.text))
			return
		}
		// Day and month either way round: the page's other dates may
		// settle it, once the page is read (settleDates).
		p.review.ambiguousDate = film.Text{Value: c.text, Line: n}
		return
	}
	p.dateOrder(n, c.text)
	p.review.Date = p.reviewDate(n, c.date)
}

// dateOrder records the order of day and month that a date written with
// slashes shows, when only one is possible ("23/07/2021" is day first,
// "11/15/2004" month first): the evidence settleDates reads.
func (p *parser) dateOrder(n int, raw string) {
	a, b, _, ok := slashDate(raw)
	switch {
	case !ok:
	case a > 12 && b <= 12 && p.dayFirst.Line == 0:
		p.dayFirst = film.Text{Value: raw, Line: n}
	case b > 12 && a <= 12 && p.monthFirst.Line == 0:
		p.monthFirst = film.Text{Value: raw, Line: n}
	}
}

// slashDate reads the date written with slashes at the end of raw
// ("01/08/2021", "Posted 01/08/2021"): its two first numbers and the
// year.
func slashDate(raw string) (a, b int, year string, ok bool) {
	// Without a list of the words: every review's date comes here.
	if strings.IndexByte(raw, '/') < 0 {
		return 0, 0, "", false
	}
	last := raw[strings.LastIndexAny(raw, " \t")+1:]
	i := strings.IndexByte(last, '/')
	j := strings.LastIndexByte(last, '/')
	if i < 1 || i > 2 || j-i-1 < 1 || j-i-1 > 2 || len(last)-j-1 != 4 {
		return 0, 0, "", false
	}
	first, second, year := last[:i], last[i+1:j], last[j+1:]
	if !allDigits(first) || !allDigits(second) || !allDigits(year) {
		return 0, 0, "", false
	}
	a, _ = strconv.Atoi(first)
	b, _ = strconv.Atoi(second)
	return a, b, year, true
}

// settleDates reads the review dates whose day and month could be either
// way round ("01/08/2021") in the order the page's other dates show
// ("23/07/2021": day first), with a note that says so; a page that shows
// both orders ("11/15/2004" and "15/11/2004") settles none, and says that
// it writes both. A page with neither leaves them out, as before. The
// page's own dates are the evidence; nothing outside it is assumed.
func (p *parser) settleDates() {
	day, month := p.dayFirst, p.monthFirst
	if day.Line != 0 && month.Line != 0 {
		p.note(min(day.Line, month.Line), "the page writes its dates both day/month (line %d: %q) and month/day (line %d: %q); each is read as the only order it allows",
			day.Line, text.Short(day.Value), month.Line, text.Short(month.Value))
	}
	reviews := p.src.Film.Reviews
	for _, a := range p.ambiguous {
		raw := a.date.Value
		switch {
		case day.Line != 0 && month.Line != 0:
			p.note(a.date.Line, "review date %q could be day/month or month/day, and the page writes both; left out", text.Short(raw))
		case day.Line != 0 || month.Line != 0:
			x, y, year, _ := slashDate(raw)
			order, by := "day/month", day
			d, m := x, y
			if month.Line != 0 {
				order, by = "month/day", month
				d, m = y, x
			}
			iso, err := text.ParseDate(fmt.Sprintf("%s-%02d-%02d", year, m, d))
			if err != nil {
				p.note(a.date.Line, "review date %q is no calendar date read %s; left out", text.Short(raw), order)
				continue
			}
			reviews[a.index].Date = p.reviewDate(a.date.Line, iso)
			p.note(a.date.Line, "review date %q read as %s, the order the page's other dates show (line %d: %q)", text.Short(raw), order, by.Line, text.Short(by.Value))
		default:
			p.note(a.date.Line, "review date %q could be day/month or month/day; left out", text.Short(raw))
		}
	}
}

func (p *parser) reviewDate(n int, d string) film.Text {
	if shared, ok := p.dates[d]; ok {
		d = shared
	} else {
		if p.dates == nil {
			p.dates = map[string]string{}
		}
		p.dates[d] = d
	}
	return film.Text{Value: d, Line: n}
}

// inLine returns v as a part of line n as the document has it, when the
// line holds it as it is: a value read from a line Clean had to copy
// (a label's no-break space) otherwise keeps that whole copy alive for
// as long as the value lives, a line's worth for each reviewer's name on
// a page of reviews (2.3 MB of 50,000).
func (p *parser) inLine(n int, v string) string {
	if n < 1 || n > len(p.doc.Lines) {
		return v
	}
	line := p.doc.Lines[n-1]
	if i := strings.Index(line, v); i >= 0 {
		return line[i : i+len(v)]
	}
	return v
}

// reviewChunk is how many reviews the parser gathers in one list before
// it starts another. A page with tens of thousands of reviews grew one
// list by a quarter at a time, copying every review into fresh memory
// about twenty times (72 MB allocated for a 5.6 MB page, and most of its
// CPU time in page faults); in fixed lists each review is copied once,
// when reviewList joins them.
const reviewChunk = 1024

// addReview appends rv to the film's reviews.
func (p *parser) addReview(rv film.Review) {
	list := &p.src.Film.Reviews
	if len(*list) == reviewChunk {
		p.full = append(p.full, *list)
		*list = make([]film.Review, 0, reviewChunk)
	}
	*list = append(*list, rv)
}

// reviewList joins the full lists before the current one into one list of
// exactly the reviews' length, in order.
func (p *parser) reviewList() {
	if len(p.full) == 0 {
		return
	}
	last := p.src.Film.Reviews
	all := make([]film.Review, 0, len(p.full)*reviewChunk+len(last))
	for i, chunk := range p.full {
		all = append(all, chunk...)
		p.full[i] = nil // each list can go as soon as it is copied
	}
	p.full = nil
	p.src.Film.Reviews = append(all, last...)
}

// ambiguousDate is a kept review's date whose day and month could be
// either way round: the review's place in the page's list, and the date
// as written.
type ambiguousDate struct {
	index int
	date  film.Text
}

// review is a review being read.
type review struct {
	film.Review
	// scoreFirst is set when the review starts with its score ("1. 90"):
	// the site then gives publication and reviewer on lines of their own
	// before the date.
	scoreFirst bool
	// publisherFirst is set when the review's first line is its
	// publication ("2. Variety", a card with no score): its reviewer and
	// date follow as on a scored card.
	publisherFirst bool
	// bodyStarted is set once a line of the review's text has been read;
	// labelled parts after it are text.
	bodyStarted bool
	// bodyMore holds the text's lines after its first (Body), joined
	// once the review ends (bodyText): appending each to the text made a
	// review of many lines quadratic (4 MB of one review's lines, 206 s).
	bodyMore []string
	// refused says why the reviewer the page names was left out.
	refused string
	// byline is the publication the page writes after the reviewer's
	// name ("Peter Debruge, Variety"): the review's publication unless
	// it states another.
	byline film.Text
	// closed is set once the card's last line ("By Ann Lee" under the
	// text, "Read More", "Report") has been read: a line after it is
	// not the review's text but the next card's first, or none of the
	// review's.
	closed bool
	// dateLeftOut is set when the review's date line could not be read
	// (day and month either way round): the line still ends the card's
	// header, as a date does.
	dateLeftOut bool
	// ambiguousDate is the date line whose day and month could be either
	// way round, which the page's other dates may settle.
	ambiguousDate film.Text
}

// bodyText returns the review's text as read so far, its lines joined.
func (rv *review) bodyText() string {
	if len(rv.bodyMore) == 0 {
		return rv.Body.Value
	}
	return rv.Body.Value + "\n" + strings.Join(rv.bodyMore, "\n")
}

// dated reports whether the review's date line has been met.
func (rv *review) dated() bool { return rv.Date.Value != "" || rv.dateLeftOut }

// Parse reads a review aggregator's page.
func Parse(r io.Reader, name string) (*film.Source, error) {
	return text.ReadWith(r, name, FromDoc)
}

// FromDoc reads a review aggregator's page already read into lines (package mapping
// reads each document once, to detect its kind and to map it).
func FromDoc(doc *text.Doc) (*film.Source, error) {
	name := doc.Name
	p := &parser{doc: doc, src: &film.Source{Name: name, Kind: film.Reviews, Digest: doc.Digest, Notes: doc.Notes}}
	last := len(doc.Lines) - 1
	for i := p.titleBlock(); i <= last; i++ {
		c := classify(cleanLine(doc.Lines[i]))
		if j, joined, ok := p.wrapped(i, c); ok {
			// A label alone, its value on the next line: one line.
			i, c = j, joined
		}
		if i == last && p.cutShape(c) {
			// A download that stopped in the middle of the last line: the
			// line is reported and left out, and so is the review it was
			// part of, since nothing half-read is mapped.
			why := ""
			if p.review != nil && c.class != itemLine {
				p.review, why = nil, ", with the review it belongs to"
			}
			p.note(i+1, "cut off: the page ends in the middle of this line; left out%s: %q", why, text.Short(c.text))
			break
		}
		if err := p.line(i+1, c); err != nil {
			return nil, &film.Error{Pos: diag.Position{File: name, Line: i + 1}, Err: err}
		}
	}
	if rv := p.review; rv != nil && rv.bodyStarted && strings.HasPrefix(rv.bodyText(), spoilerPrefix) && !strings.HasSuffix(rv.bodyText(), fullReview) {
		// The site cuts long user reviews with "Full Review »"; a review
		// that was cut that way but lacks the link was cut by the
		// download instead.
		p.review = nil
		p.note(len(doc.Lines), "cut off: the page ends inside a review, before its \"Full Review »\" link; the review is left out")
	}
	p.endSection()
	switch n, byPub := p.refusedMore.Len(), p.refusedByPublication; {
	case n == 1 && byPub == 1:
		p.note(p.refusedMore.First(), "1 more reviewer is no name (line %s); left out; the review's author is its publication", p.refusedMore.String())
	case n == 1:
		p.note(p.refusedMore.First(), "1 more reviewer is no name (line %s); left out; the review has no author", p.refusedMore.String())
	case n > 1 && byPub == n:
		p.note(p.refusedMore.First(), "%d more reviewers are no names (lines %s); left out; each review's author is its publication", n, p.refusedMore.String())
	case n > 1 && byPub == 0:
		p.note(p.refusedMore.First(), "%d more reviewers are no names (lines %s); left out; the reviews have no author", n, p.refusedMore.String())
	case n > 1:
		p.note(p.refusedMore.First(), "%d more reviewers are no names (lines %s); left out; %d of the reviews have their publication as author, the others no author", n, p.refusedMore.String(), byPub)
	}
	p.reviewList()
	p.settleDates()
	f := &p.src.Film
	if !f.Critics.Stated() && !f.Users.Stated() && len(f.Reviews) == 0 {
		return nil, &film.Error{Pos: diag.Position{File: name}, Err: fmt.Errorf("no verdict, score distribution or review found")}
	}
	p.derive(&f.Critics, "critic")
	p.derive(&f.Users, "user")
	return p.src, nil
}

// wrapped reads the layout of a narrow screen, where a label stands alone
// on its line and its value on the next: "1. Positive:" / "4 out of 6" in
// a score distribution, "1. Reviewed by:" / "Rachel Saltz", "Score:" /
// "80", "Date:" / "Jun 2, 2019", numbered or not. When line i (classified
// as c) is such a label and the next line (past at most two blank ones)
// holds a value of its kind, it returns that line's index and the two
// read as one line. The bands were lost and became reviews by
// Organizations named "Positive:" and "Mixed:", and the reviewer
// "Reviewed by:" named was refused as empty while the name became the
// review's publisher (audit 18).
func (p *parser) wrapped(i int, c classified) (int, classified, bool) {
	l := c.text
	if l == "" || len(l) > 40 {
		return 0, c, false
	}
	if l[len(l)-1] != ':' && !standardBucketLabel(itemLabel(l)) && !reviewerAlone(itemLabel(l)) {
		return 0, c, false
	}
	j, next := p.nextLine(i)
	if next == "" {
		return 0, c, false
	}
	label := strings.TrimSuffix(l, ":")
	rest := itemLabel(label)
	nc := classify(next)
	if p.inBuckets && bandLabel(rest) && isASCIIDigit(next[0]) {
		return j, classify(label + ": " + next), true
	}
	lc := classify(rest + ":")
	if lc.class != labelLine || lc.value != "" {
		return 0, c, false
	}
	ok := false
	switch lc.field {
	case reviewerField, publicationField:
		ok = nc.class == textLine && len(strings.Fields(next)) <= 8 && !endsSentence(next)
	case scoreField:
		ok = nc.class == numberLine || nc.class == textLine && len(strings.Fields(next)) <= 2
	case dateField:
		ok = nc.class == dateLine
	}
	if !ok {
		return 0, c, false
	}
	return j, classify(label + ": " + next), true
}

// nextLine returns the index and the cleaned text of the first line after
// line i that is not blank, past at most two blank lines, or "".
func (p *parser) nextLine(i int) (int, string) {
	for j := i + 1; j < len(p.doc.Lines) && j <= i+3; j++ {
		if l := cleanLine(p.doc.Lines[j]); l != "" {
			return j, l
		}
	}
	return 0, ""
}

// itemLabel returns l without the number of a list's item ("1. ").
func itemLabel(l string) string {
	if rest, ok := itemRest(l); ok {
		return rest
	}
	return l
}

// bandLabel reports a score band's label as matchBand reads it: a capital,
// then up to twenty letters and spaces.
func bandLabel(s string) bool {
	if s == "" || len(s) > 21 || s[0] < 'A' || s[0] > 'Z' {
		return false
	}
	for i := 1; i < len(s); i++ {
		if c := s[i]; !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == ' ') {
			return false
		}
	}
	return true
}

// standardBucketLabel reports one of the site's band labels without its
// colon ("Positive"), which a narrow screen may leave out.
func standardBucketLabel(s string) bool { return slices.Contains(standardBuckets, s) }

// reviewerAlone reports the reviewer's label without its colon
// ("Reviewed by"), which opens nothing else.
func reviewerAlone(s string) bool {
	return strings.EqualFold(s, "reviewed by") || strings.EqualFold(s, "review by")
}

// spacedDetail reads a detail whose label a copy left without its colon
// ("Summary An eleven-year-old …"): a detail's label, a space, and a
// value that starts with a capital or a digit. It returns the line, the
// label and the value, as detailRe's match, or nil. The line ended the
// details, and the ones after it were lost (audit 14).
func spacedDetail(l string) []string {
	lower := strings.ToLower(l)
	for _, label := range slices.Sorted(maps.Keys(detailLabels)) {
		rest, ok := strings.CutPrefix(lower, label+" ")
		if !ok || rest == "" {
			continue
		}
		value := l[len(l)-len(rest):]
		if r, _ := utf8.DecodeRuneInString(value); unicode.IsUpper(r) || unicode.IsDigit(r) {
			return []string{l, l[:len(label)], value}
		}
	}
	return nil
}

// contentRatingRe is a rating board's rating standing alone on its line:
// the MPA's and the TV Parental Guidelines' (the site's own), and the
// words for none.
var contentRatingRe = lazyre.New(`^(?:G|PG|PG-13|R|NC-17|NR|Not Rated|Unrated|Approved|Passed|TV-(?:Y7?|G|PG|14|MA))$`)

// yearRe is a release year standing alone on its line.
var yearRe = lazyre.New(`^(18[89]\d|19\d\d|20\d\d)$`)

// detailRe is a labelled line of the film's details ("Runtime: 100 min").
var detailRe = lazyre.New(`^([^:]{2,24}):\s*(.*)$`)

// titleBlock reads the header the site puts above the scores: the film's
// title, then its release year alone on a line and/or the film's details
// ("Director: …", "Runtime: …", see detailLabels). The title is taken only
// when such a line follows it: nothing else tells a title from a stray
// line, and inventing a title is worse than none. It returns the index of
// the first line after the header, 0 when the page has none.
//
// The title is the page's first line, or a later one when only lines no
// header holds stand above it (the site's menu, "Skip to main content", a
// cookie banner, a stray line) and the year under it is followed by the
// details or the scores: those lines are skipped or reported. The title
// and year were lost under a page's menu (audit 17).
func (p *parser) titleBlock() int {
	lines := p.doc.Lines
	seen := 0
	var lead []int
	for i := 0; i < len(lines) && seen < maxLead; i++ {
		l := cleanLine(lines[i])
		if l == "" {
			continue
		}
		c := classify(l)
		switch {
		case c.class == textLine || c.class == dateLine && yearRe.MatchString(l):
			seen++
			// A film named by its year ("1917") has a title as a date has.
			if seen == 1 || p.yearBlockFollows(i) {
				if next := p.header(i); next > 0 {
					for _, j := range lead {
						p.unknownLine(j+1, cleanLine(lines[j]))
					}
					return next
				}
			}
			if !menuWords(l) {
				lead = append(lead, i)
			}
		case c.class == boilerplateLine || c.class == footerLine:
			// The site's menu, banners and buttons, however many: a
			// copy of the whole page may hold a dozen above the title
			// (audit 18), and they count for nothing.
		default:
			return 0 // the page's content has begun: no header
		}
	}
	return 0
}

// menuWords reports a line of the site's menu that is too short for
// navigation to tell from other words ("Movies", "TV Shows", one entry a
// line as a copy of the whole page has it). Above the title it is
// skipped without a note; a title that is such a word ("Music") is still
// read as the title when its year follows.
func menuWords(l string) bool {
	for w := range strings.FieldsSeq(strings.ToLower(l)) {
		if !navigationWords[w] {
			return false
		}
	}
	return true
}

// maxLead is how many lines above the title the site's menu and banners
// may take.
const maxLead = 12

// yearBlockFollows reports whether the line after line i is a year alone
// and the one after that begins the details or the scores: then line i is
// the title even below other lines.
func (p *parser) yearBlockFollows(i int) bool {
	lines := p.doc.Lines
	next := func(j int) (int, string) {
		for j++; j < len(lines); j++ {
			if l := cleanLine(lines[j]); l != "" {
				return j, l
			}
		}
		return j, ""
	}
	j, year := next(i)
	if !yearRe.MatchString(year) {
		return false
	}
	j, l := next(j)
	for l != "" {
		// "Share" / "Facebook" under the year: the site's buttons
		// (audit 18).
		if c := classify(l).class; c != boilerplateLine && c != footerLine {
			break
		}
		j, l = next(j)
	}
	if l == "" {
		return false
	}
	if contentRatingRe.MatchString(l) || text.IsRunningTime(l) || spacedDetail(l) != nil {
		return true
	}
	if m := detailRe.FindStringSubmatch(l); m != nil {
		if _, ok := detailLabels[strings.ToLower(strings.TrimSpace(m[1]))]; ok {
			return true
		}
	}
	switch classify(l).class {
	case headingLine, summaryScoreLine, verdictLine, noScoreLine:
		return true
	}
	return false
}

// header reads a title at line first and the year and details under it;
// it returns the index of the first line after them, or 0, having read
// nothing, when no year or detail follows the title.
func (p *parser) header(first int) int {
	lines := p.doc.Lines
	title := cleanLine(lines[first])
	if len(title) > 200 {
		return 0
	}
	f := &p.src.Film
	var unmapped text.LineSet
	var unmappedFirst string
	next, taken := first+1, false
	for ; next < len(lines); next++ {
		l := cleanLine(lines[next])
		n := next + 1
		if l == "" {
			continue
		}
		if yearRe.MatchString(l) && !f.Year.Set {
			y, _ := strconv.Atoi(l)
			f.Year = film.Single{Value: float64(y), Set: true, Line: n}
			taken = true
			continue
		}
		if text.IsRunningTime(l) && !f.Runtime.Set {
			// "1 h 32 m" alone under the title, as the site's current
			// design prints the running time (audit 13).
			if p.detail(detailRuntime, n, l) {
				taken = true
				continue
			}
		}
		if contentRatingRe.MatchString(l) {
			// "PG-13" alone under the title and year, as the site's
			// current design prints it: it ended the details, whose
			// summary and runtime were lost (audit 13).
			p.detail(detailRating, n, l)
			taken = true
			continue
		}
		m := detailRe.FindStringSubmatch(l)
		if m == nil {
			m = spacedDetail(l)
		}
		if m == nil {
			break
		}
		d, ok := detailLabels[strings.ToLower(strings.TrimSpace(m[1]))]
		if !ok {
			break
		}
		taken = true
		if !p.detail(d, n, strings.TrimSpace(m[2])) {
			if unmapped.Len() == 0 {
				unmappedFirst = l
			}
			unmapped.Add(n)
		}
	}
	if !taken {
		return 0
	}
	f.Title = film.Text{Value: title, Line: first + 1}
	if n := unmapped.Len(); n > 0 {
		p.note(unmapped.First(), "%d %s of the film's details not mapped (%s %s); left out, the first: %q",
			n, plural(n, "line", "lines"), plural(n, "line", "lines"), unmapped.String(), text.Short(unmappedFirst))
	}
	return next
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// detail records one line of the film's details; it reports false for a
// detail film2ld does not map (a studio) or a value it cannot
// read, which the caller counts in one note.
func (p *parser) detail(d detail, n int, v string) bool {
	f := &p.src.Film
	switch d {
	case detailSummary:
		if v == "" {
			return false
		}
		f.Abstracts = film.Texts{{Value: v, Line: n}}
	case detailDirector, detailWriter:
		role := film.Director
		if d == detailWriter {
			role = film.Author
		}
		cs := text.Credits(role, "", false, v, n)
		f.Credits = p.credits.Add(f.Credits, cs...)
		return len(cs) > 0
	case detailStarring:
		for _, name := range text.SplitNames(v) {
			f.Cast = append(f.Cast, film.CastMember{Actor: film.Text{Value: name, Line: n}})
		}
	case detailRuntime:
		secs, err := text.ParseRunningTime(v)
		if err != nil {
			return false
		}
		f.Runtime = film.SecondsOf(secs, n)
	case detailRelease:
		date, err := text.ParseDate(v)
		if err != nil {
			return false
		}
		f.Releases = append(f.Releases, film.Release{Date: film.Text{Value: date, Line: n}})
	case detailRating:
		if v == "" {
			return false
		}
		f.ContentRatings = append(f.ContentRatings, film.Text{Value: v, Line: n})
	case detailGenres:
		genres := text.SplitList(v)
		for _, g := range genres {
			f.Genres = append(f.Genres, film.Text{Value: g, Line: n})
		}
		return len(genres) > 0
	default:
		return false
	}
	return true
}

// cutRe is how the last line of a page ends when a download stopped in the
// middle of it: after a label, a separator or "based on".
var cutRe = lazyre.New(`(?i)(?:\bbased on(?: [\d,]+)?(?: \S+)?|[:|·—–]|\s-)$`)

// cutTail is the end of s that a match of cutRe lies in: it ends the
// text and holds at most three spaces ("based on 12 critics"), so it
// begins after the fourth space from the end, which the tail keeps so
// that \b sees what precedes the match. The pattern, unanchored at the
// start, otherwise tries every position of a review's whole text, the
// page's last line (TestCutTail holds the two to the same answer).
func cutTail(s string) string {
	n := 0
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == ' ' {
			if n++; n == 4 {
				return s[i:]
			}
		}
	}
	return s
}

// cutShape reports whether the page's last line, classified as c, stops in
// the middle: a review's number with nothing after it, or a label, a
// separator or "based on" with nothing after them. The text of a review
// whose body has begun is never judged by its shape, since prose may end
// in anything.
func (p *parser) cutShape(c classified) bool {
	if c.class == blankLine {
		return false
	}
	if c.class == itemLine && (c.rest == "" || cutRe.MatchString(cutTail(c.rest))) {
		return true
	}
	if rv := p.review; rv != nil && rv.bodyStarted {
		return false
	}
	return c.class == labelLine && c.value == "" || c.class == textLine && cutRe.MatchString(cutTail(c.text))
}

func (p *parser) summary(s section) *film.Summary {
	if s == users {
		return &p.src.Film.Users
	}
	return &p.src.Film.Critics
}

func (p *parser) note(line int, format string, args ...any) {
	p.src.Notes = append(p.src.Notes, film.Note{Line: line, Message: fmt.Sprintf(format, args...)})
}

// enter starts a section: what the one before left pending is settled, and
// its unrecognised lines are reported.
func (p *parser) enter(s section, buckets bool) {
	p.flush()
	p.settle()
	if s != p.section {
		p.reportUnknown()
	}
	p.section, p.inBuckets, p.inList = s, buckets, false
}

// endSection ends the page's last section.
func (p *parser) endSection() {
	p.flush()
	p.settle()
	p.reportUnknown()
}

func (p *parser) line(n int, c classified) error {
	if c.class != blankLine && c.class != textLine && c.class != boilerplateLine {
		p.inDetails = false
	}
	if p.inBuckets {
		switch c.class {
		case blankLine:
			return nil
		case bandLine:
			return p.bucket(n, c)
		case bandStartLine:
			return fmt.Errorf("not a score band (\"Label: N out of T\"): %q", text.Short(c.text))
		}
		p.inBuckets = false
	}
	if c.class == bandLine || c.class == bandStartLine {
		// Outside a distribution a band is what it looks like otherwise:
		// a numbered review, or text.
		c.class = textLine
		if rest, ok := itemRest(c.text); ok {
			c.class, c.rest = itemLine, rest
		}
	}
	if p.inReferences {
		switch c.class {
		case blankLine, urlLine:
			return nil
		}
		p.inReferences = false
	}
	if rv := p.review; rv != nil && rv.closed {
		switch c.class {
		case textLine, numberLine, dateLine:
			// The card has ended: a score or a letter grade with
			// the next card's header under it opens that card; any
			// other line is none of the review's.
			if p.opensCard(n, c) {
				return nil
			}
			p.flush()
		}
	}
	switch c.class {
	case blankLine:
		return nil
	case boilerplateLine:
		if rv := p.review; c.closes && rv != nil && rv.bodyStarted {
			rv.closed = true
		}
		return nil
	case referencesLine:
		p.flush()
		p.settle()
		p.inReferences = true
		return nil
	case footerLine:
		// The site's footer or a banner: it ends the review before it.
		p.flush()
		p.settle()
		return nil
	case urlLine:
		// A link's target: no part of a review's text, and no review.
		p.unknownLine(n, c.text)
		return nil
	case headingLine:
		p.enter(c.section, c.buckets)
		p.inList = c.list
		return nil
	case noScoreLine:
		// "No user score yet- Awaiting 2 more ratings": the page states no
		// score and no count, so nothing is recorded.
		p.flush()
		p.settle()
		return nil
	case verdictLine:
		return p.verdict(n, c)
	case summaryScoreLine:
		if rv := p.review; rv != nil && !rv.bodyStarted && rv.Rating == nil && !c.headline {
			// "Critic score: 80" under a review is that review's score;
			// "Metascore" names only the film's.
			p.reviewScore(n, c.score, c.best)
			return nil
		}
		p.flush()
		p.settle()
		if c.section != p.section {
			p.enter(c.section, false)
		}
		p.setScore(c.section, n, c.score, c.best)
		return nil
	case numberLine:
		rv := p.review
		if rv != nil && !rv.bodyStarted && rv.Rating == nil {
			p.reviewScore(n, c.score, c.best)
			return nil
		}
		if p.inList && p.opensCard(n, c) {
			// "90" / "The New York Times" / "Jan 5, 1995": the current
			// design's card, unnumbered, starts with its score. Read
			// as the film's score, the first card's score became the
			// Metascore of a page with none ("tbd"), and every card was
			// lost (audit 14).
			return nil
		}
		if rv != nil {
			return p.text(n, c.text)
		}
		if p.inList {
			// A number in a list of reviews that opens no card is
			// none of the film's scores: a review's own score read
			// so was "a second headline that differs" (audit 18).
			p.unknownLine(n, c.text)
			return nil
		}
		p.settle()
		// A copy: &c would move every line's classified (260 bytes) to
		// the heap, 7.5 KB a film, for the few numbers left pending.
		pending := c
		p.pending, p.pendingLine, p.pendingSection = &pending, n, p.section
		return nil
	case itemLine:
		p.flush()
		p.settle()
		return p.item(n, c.rest)
	case labelLine:
		return p.label(n, c)
	case dateLine:
		if rv := p.review; rv != nil && !rv.bodyStarted && !rv.dated() {
			p.setDate(n, c)
			return nil
		}
	}
	if c.class == textLine && p.inList && (p.review == nil || p.review.bodyStarted) && p.opensCard(n, c) {
		return nil
	}
	if p.review != nil {
		return p.text(n, c.text)
	}
	if c.class == textLine && !p.inList && p.detailLine(n, c.text) {
		return nil
	}
	p.inDetails = false
	p.unknownLine(n, c.text)
	return nil
}

// detailLine reads a line of the film's details that the site's current
// design prints under the scores rather than under the title ("Summary
// A London detective …", "Director: …", "Writers: …", then its genres
// one a line): the details header reads, once each. Out of a details
// block, a line is a genre only when it is one of the site's genres,
// standing under a detail. The details were reported as unrecognised
// (audit 18).
func (p *parser) detailLine(n int, l string) bool {
	m := detailRe.FindStringSubmatch(l)
	if m == nil {
		m = spacedDetail(l)
	}
	if m != nil {
		d, ok := detailLabels[strings.ToLower(strings.TrimSpace(m[1]))]
		if !ok || d == detailUnmapped || d == detailRating {
			return false
		}
		f := &p.src.Film
		v := strings.TrimSpace(m[2])
		switch {
		case d == detailSummary && len(f.Abstracts) > 0, d == detailRuntime && f.Runtime.Set:
			// The header stated it already: the first statement stands.
		case !p.detail(d, n, v):
			return false
		}
		p.inDetails = true
		return true
	}
	if !p.inDetails || !siteGenres[strings.ToLower(l)] {
		return false
	}
	f := &p.src.Film
	for _, g := range f.Genres {
		if strings.EqualFold(g.Value, l) {
			return true
		}
	}
	f.Genres = append(f.Genres, film.Text{Value: p.inLine(n, l), Line: n})
	return true
}

// opensCard opens an unnumbered card of the site's current design at line
// n when the line is one's first and reports whether it did: a score or
// a letter grade with the card's header (its publication or reviewer, its
// date) on the lines under it, or a whole header on one line ("80 | Film
// Comment East | Jonathan Rosen | Jun 2, 2009", a w3m grid's row).
func (p *parser) opensCard(n int, c classified) bool {
	switch {
	case c.class == numberLine && p.partFollows(n):
		p.flush()
		p.settle()
		p.review = &review{Review: film.Review{Critic: p.section == critics}, scoreFirst: true}
		p.reviewScore(n, c.score, c.best)
		return true
	case c.class == textLine && gradeRe.MatchString(c.text) && p.partFollows(n):
		// "B+": film2ld has no scale for a letter grade, so the card
		// is read without its score, which is reported.
		p.flush()
		p.settle()
		p.review = &review{Review: film.Review{Critic: p.section == critics}, scoreFirst: true}
		p.note(n, "%s review score %q is a letter grade, which has no numeric scale; left out", p.section, text.Short(c.text))
		return true
	case c.class == textLine && len(c.text) <= 80 && !endsSentence(c.text) && len(strings.Fields(c.text)) <= 8 && p.cardHeaderFollows(n):
		// "The Guardian" / "Apr 1, 2016" / "80" / text / "By Mark
		// Kermode": the current design's card opened by its
		// publication (a user's card by the user's name), the date
		// and the score under it; every such card was lost (audit 18).
		critic := p.section == critics
		if !critic && !screenName(c.text) {
			return false
		}
		p.flush()
		p.settle()
		p.review = &review{Review: film.Review{Critic: critic}, publisherFirst: critic}
		if critic {
			p.setPublisher(n, c.text)
		} else {
			p.setReviewer(n, c.text)
		}
		return true
	case c.class == textLine && strings.ContainsAny(c.text, "|·—–"):
		m := scoreFirstRe.FindStringSubmatch(c.text)
		if m == nil || m[3] == "" || !headerSepRe.MatchString(c.text) || !header(m[3], p.section == users) {
			return false
		}
		if _, _, why := score(p.section, m[1], m[2]); why != "" {
			return false
		}
		p.flush()
		p.settle()
		return p.item(n, c.text) == nil
	}
	return false
}

// cardHeaderFollows reports whether the lines after line n are the rest of
// a card's header opened by its publication: its date, with at most a
// reviewer's short line and a score before it.
func (p *parser) cardHeaderFollows(n int) bool {
	texts, numbers := 0, 0
	for i := n; i < len(p.doc.Lines) && i <= n+3; i++ {
		l := cleanLine(p.doc.Lines[i])
		if l == "" {
			continue
		}
		switch c := classify(l); {
		case c.class == dateLine:
			return true
		case c.class == numberLine && numbers == 0:
			numbers++
		case c.class == textLine && texts == 0 && len(strings.Fields(l)) <= 5 && !endsSentence(l):
			texts++
		default:
			return false
		}
	}
	return false
}

// maxRefusedNotes is how many reviewers the page names that are no
// names (notAName) get a note each; the others are counted in one, as
// merging counts repeated reviews: a page of 200,000 reviewers whose
// names hold a number printed 200,000 notes.
const maxRefusedNotes = 10

// reportUnknown reports, once, the lines of the section just ended that
// nothing recognised.
func (p *parser) reportUnknown() {
	if p.unknown.Len() == 0 {
		return
	}
	first := p.unknown.First()
	if p.unknown.Len() == 1 {
		p.note(first, "line not recognised in the %s section; left out: %q", p.section, text.Short(p.unknownFirst))
	} else {
		p.note(first, "%d lines not recognised in the %s section (lines %s); left out, the first: %q",
			p.unknown.Len(), p.section, p.unknown.String(), text.Short(p.unknownFirst))
	}
	p.unknown, p.unknownFirst = text.LineSet{}, ""
}

// settle gives a pending headline score to the section it was read in.
func (p *parser) settle() {
	if p.pending == nil {
		return
	}
	c := p.pending
	p.pending = nil
	p.setScore(p.pendingSection, p.pendingLine, c.score, c.best)
}

// verdict reads a verdict line: words, a count, a score, or all three.
func (p *parser) verdict(n int, c classified) error {
	p.flush()
	target := p.section
	if c.countFor >= 0 {
		target = c.countFor
		if target != p.section {
			p.reportUnknown()
			p.section = target
		}
	}
	s := p.summary(target)
	if c.verdict != "" {
		s.Verdict = film.Text{Value: c.verdict, Line: n}
	}
	if c.count != "" {
		count, err := atoi(c.count)
		if err != nil {
			return err
		}
		if s.Count.Set && s.Count.Value != float64(count) {
			p.note(n, "%s count %d differs from the %g stated at line %d; kept %g", target, count, s.Count.Value, s.Count.Line, s.Count.Value)
		} else if !s.Count.Set {
			s.Count = film.Number{Value: float64(count), Set: true, Line: n, Literal: c.count}
		}
	}
	if c.score != "" {
		p.settle()
		p.setScore(target, n, c.score, "")
	} else if p.pending != nil {
		pending := p.pending
		p.pending = nil
		p.setScore(target, p.pendingLine, pending.score, pending.best)
	}
	return nil
}

// setScore records a headline score on the section's scale.
func (p *parser) setScore(sec section, n int, literal, best string) {
	s := p.summary(sec)
	v, scale, ok := p.scored(n, sec, "score", literal, best)
	if !ok {
		return
	}
	if s.Score.Set {
		if s.Score.Value != v.Value {
			p.note(n, "%s score %s differs from the %s stated at line %d; left out", sec, literal, s.Score.Literal, s.Score.Line)
		}
		return
	}
	s.Score, s.Scale = v, scale
}

// scored reads a score on sec's scale, or on the scale the page states
// with it ("8/10"); a score outside its scale is reported and left out.
func (p *parser) scored(n int, sec section, what, literal, best string) (film.Number, film.Scale, bool) {
	v, scale, why := score(sec, literal, best)
	if why != "" {
		p.note(n, "%s %s %s %s; left out", sec, what, literal, why)
		return film.Number{}, film.Scale{}, false
	}
	v.Line = n
	if scale.Best.Line == -1 {
		scale.Best.Line = n
	}
	return v, scale, true
}

// score reads a score and its scale, or says why it cannot be one.
func score(sec section, literal, best string) (film.Number, film.Scale, string) {
	v, err := strconv.ParseFloat(literal, 64)
	if err != nil {
		return film.Number{}, film.Scale{}, "is not a number"
	}
	scale := sec.scale()
	if best != "" {
		b, _ := strconv.ParseFloat(best, 64)
		if b != scale.Best.Value {
			// The page states its own scale: its top is a fact, its
			// bottom is not stated. (Line -1: the caller's line.)
			scale = film.Scale{Best: film.Number{Value: b, Set: true, Line: -1, Literal: best}}
		}
	}
	if v > scale.Best.Value || scale.Worst.Set && v < scale.Worst.Value {
		lo := "?"
		if scale.Worst.Set {
			lo = strconv.FormatFloat(scale.Worst.Value, 'f', -1, 64)
		}
		return film.Number{}, film.Scale{}, fmt.Sprintf("is outside the scale %s-%g", lo, scale.Best.Value)
	}
	return film.Number{Value: v, Set: true, Literal: literal}, scale, ""
}

func (p *parser) bucket(n int, c classified) error {
	count, err := atoi(c.bandCount)
	if err != nil {
		return err
	}
	total, err := atoi(c.bandTotal)
	if err != nil {
		return err
	}
	s := p.summary(p.section)
	if !s.Count.Set {
		// The distribution's "out of" is the count when no verdict line
		// stated one (the user block often has none).
		s.Count = film.Number{Value: float64(total), Set: true, Line: n, Literal: c.bandTotal}
	} else if s.Count.Value != float64(total) {
		return fmt.Errorf("%s: %d out of %d, but the page counts %g in all", c.band, count, total, s.Count.Value)
	}
	if count > total {
		return fmt.Errorf("%s: %d out of %d is more than the total", c.band, count, total)
	}
	s.Buckets = append(s.Buckets, film.Bucket{Label: c.band, Count: film.Number{Value: float64(count), Set: true, Line: n, Literal: c.bandCount}})
	return nil
}

// scoreFirstRe is a review header that starts with its score: "90", "8/10",
// "90 Variety", "90 | Variety | Ann Lee | Mar 3, 2015".
var scoreFirstRe = lazyre.New(`^` + numberPattern + `(?:\s*(?:/|out of)\s*(\d{1,3}))?(?:(?:\s*[|·—–]\s*|\s+-\s+|\s+)(.+))?$`)

// headerSepRe splits the rest of a score-first header into its parts.
var headerSepRe = lazyre.New(`\s*[|·—–]\s*|\s+-\s+`)

// item starts a numbered review.
func (p *parser) item(n int, rest string) error {
	c := classify(rest)
	if c.class == boilerplateLine || c.class == footerLine {
		// "3. Sign in to see more reviews": the site's prompt in a
		// list's place, no review.
		p.review = nil
		return nil
	}
	rv := &review{Review: film.Review{Critic: p.section == critics}}
	p.review = rv
	if rest == "" {
		return nil
	}
	switch c.class {
	case labelLine:
		return p.label(n, c)
	case dateLine:
		p.setDate(n, c)
		return nil
	}
	if m := scoreFirstRe.FindStringSubmatch(rest); m != nil && (m[3] == "" || header(m[3], p.section == users)) {
		if _, _, why := score(p.section, m[1], m[2]); why == "" {
			rv.scoreFirst = true
			p.reviewScore(n, m[1], m[2])
			p.headerParts(n, m[3])
			return nil
		}
	}
	if !rv.Critic && screenName(rest) && p.partFollows(n) {
		// "1. moviebuff_42" / "Dec 14, 2019": the user's name under the
		// review's number; it became the first words of the text, and
		// the date and score under it too (audit 18).
		p.setReviewer(n, rest)
		return nil
	}
	err := p.text(n, rest)
	if rv.Critic && rv.Publisher.Value != "" && rv.Publisher.Line == n {
		rv.publisherFirst = true
	}
	return err
}

// header reports whether the rest of a score-first line reads as
// publication, reviewer and date rather than as the review's first words.
// Each part is a short phrase, not a sentence; a critic's first part is a
// publication's name and starts with a capital or a digit; a user's is a
// screen name, one word that may be in lower case.
func header(s string, users bool) bool {
	parts := headerSepRe.Split(s, -1)
	for _, part := range parts {
		if part == "" || len(strings.Fields(part)) > 8 || endsSentence(part) && !isDate(part) {
			return false
		}
	}
	if users {
		return len(parts) > 1 || !strings.Contains(s, " ")
	}
	first := []rune(s)[0]
	return unicode.IsUpper(first) || unicode.IsDigit(first)
}

// endsSentence reports a phrase that ends as a sentence or a clause does;
// a final full stop after an initial or an abbreviation of a name ("Jr.",
// "Inc.") does not count.
func endsSentence(s string) bool {
	r := []rune(s)
	switch last := r[len(r)-1]; {
	case strings.ContainsRune("!?,;…\"”", last):
		return true
	case last == '.':
		words := strings.Fields(s)
		w := words[len(words)-1]
		return len([]rune(w)) > 2 && !nameAbbreviations[strings.ToLower(w)]
	}
	return false
}

// nameAbbreviations end names of people and companies with a full stop.
var nameAbbreviations = map[string]bool{"jr.": true, "sr.": true, "inc.": true, "ltd.": true, "co.": true, "corp.": true, "bros.": true}

// headerParts reads what follows the score on a score-first header line:
// the publication (for a critic) or the reviewer (for a user), then the
// reviewer, then the date.
func (p *parser) headerParts(n int, rest string) {
	if rest == "" {
		return
	}
	rv := p.review
	for _, part := range headerSepRe.Split(rest, -1) {
		switch {
		case !rv.dated() && isDate(part):
			d, err := text.ParseDate(part)
			p.setDate(n, classified{class: dateLine, date: d, text: part, dateErr: err})
		case rv.Critic && rv.Publisher.Value == "":
			p.setPublisher(n, part)
		case rv.Author.Value == "" && !rv.authorTried():
			p.setReviewer(n, part)
		default:
			p.note(n, "review header part %q not recognised; left out", text.Short(part))
		}
	}
}

// isDate reports whether s is a whole date. Every date has a digit and
// none is long; the cheap tests spare most lines the layouts' parse.
func isDate(s string) bool {
	if len(s) > 25 || strings.IndexAny(s, "0123456789") < 0 {
		return false
	}
	_, err := text.ParseDate(s)
	return err == nil || errors.Is(err, text.ErrAmbiguousDate) || errors.Is(err, text.ErrImpossibleDate)
}

// authorTried is set once a reviewer was read (and maybe refused).
func (rv *review) authorTried() bool { return rv.Author.Line != 0 }

// label reads a labelled part of a review. Outside a review, a reviewer,
// publication or score label starts one (pages that do not number their
// reviews); a part the open review already has starts the next review.
func (p *parser) label(n int, c classified) error {
	rv := p.review
	if rv != nil && rv.bodyStarted && !c.starts && !(c.by && !rv.authorTried()) {
		return p.text(n, c.text)
	}
	if c.by && rv != nil && rv.bodyStarted {
		// "By Ann Lee" under the text is the card's last part.
		rv.closed = true
	}
	if c.by && rv == nil {
		// "By Ann Lee" names a reviewer only inside a review.
		p.unknownLine(n, c.text)
		return nil
	}
	if rv == nil || c.starts && rv.bodyStarted || c.field == reviewerField && rv.authorTried() || c.field == publicationField && rv.Publisher.Value != "" ||
		c.field == scoreField && rv.Rating != nil || c.field == dateField && rv.dated() {
		if c.field == dateField {
			if rv != nil {
				return p.text(n, c.text)
			}
			p.unknownLine(n, c.text)
			return nil
		}
		p.flush()
		p.settle()
		rv = &review{Review: film.Review{Critic: p.section == critics}}
		p.review = rv
	}
	switch c.field {
	case reviewerField:
		p.setReviewer(n, c.value)
	case publicationField:
		p.setPublisher(n, c.value)
	case scoreField:
		score, best, ok := matchNumber(c.value)
		if !ok {
			p.note(n, "%s review score %q is not a number; left out", p.section, text.Short(c.value))
			return nil
		}
		p.reviewScore(n, score, best)
	case dateField:
		d, err := text.ParseDate(c.value)
		switch {
		case errors.Is(err, text.ErrAmbiguousDate) || errors.Is(err, text.ErrImpossibleDate):
			p.setDate(n, classified{class: dateLine, text: c.value, dateErr: err})
			return nil
		case err != nil:
			p.note(n, "review date %q is not a date; left out", text.Short(c.value))
			return nil
		}
		p.setDate(n, classified{class: dateLine, date: d, text: c.value})
	}
	return nil
}

func (p *parser) unknownLine(n int, l string) {
	if p.unknown.Len() == 0 {
		p.unknownFirst = l
	}
	p.unknown.Add(n)
}

// reviewScore records the open review's score.
func (p *parser) reviewScore(n int, literal, best string) {
	if v, scale, ok := p.scored(n, p.section, "review score", literal, best); ok {
		p.review.Rating = &film.ReviewRating{Score: v, Scale: scale}
	}
}

// setReviewer records the open review's reviewer, when the value looks
// like a person's name; otherwise it reports why and leaves it out.
func (p *parser) setReviewer(n int, v string) {
	rv := p.review
	v = strings.TrimSpace(v)
	if name, after, sep, ok := byline(v); ok {
		// "Peter Debruge, Variety": the name and the publication;
		// "Lars Holm, chief critic": the name and a role, which
		// film2ld has no place for (audit 18; both were refused).
		if bylinePublication(after) {
			rv.byline = film.Text{Value: p.inLine(n, after), Line: n}
		} else {
			p.note(n, "reviewer %q: the role after the %s, %q, is left out", text.Short(v), separatorName(sep), text.Short(after))
		}
		v = name
	}
	// A later reviewer line names the review's reviewers anew.
	rv.Coauthors = nil
	if names := coauthorNames(v); names != nil {
		// "Mark Kermode & Simon Mayo": a review by two, each an author
		// (audit 18; refused as two names in one).
		rv.Author = film.Text{Value: p.inLine(n, names[0]), Line: n}
		co := make([]film.Text, len(names)-1)
		for i, name := range names[1:] {
			co[i] = film.Text{Value: p.inLine(n, name), Line: n}
		}
		rv.Coauthors = &co
		return
	}
	if why := notAName(v); why != "" && !(p.section == users && screenName(v)) {
		// Reported when the review ends, when it is known whether its
		// publication stands in as its author.
		rv.refused = fmt.Sprintf("reviewer %q %s; left out", text.Short(v), why)
		rv.Author = film.Text{Line: n}
		return
	}
	rv.Author = film.Text{Value: p.inLine(n, v), Line: n}
}

// setPublisher records the open review's publication.
func (p *parser) setPublisher(n int, v string) {
	v = strings.TrimSpace(v)
	if why := notAPublication(v); why != "" {
		p.note(n, "publication %q %s; left out", text.Short(v), why)
		return
	}
	p.review.Publisher = film.Text{Value: p.inLine(n, v), Line: n}
}

// text adds a line to the review being read. Before the date, the site
// may give the publication (and, in a score-first card, the reviewer) on
// lines of their own; a short line is read so only when another part of
// the review follows it (see partFollows).
func (p *parser) text(n int, l string) error {
	rv := p.review
	if !rv.bodyStarted && !rv.dated() && len(strings.Fields(l)) <= 8 && !endsSentence(l) && p.partFollows(n) {
		switch {
		case rv.Critic && rv.Publisher.Value == "":
			p.setPublisher(n, l)
			return nil
		case (rv.scoreFirst || rv.publisherFirst) && !rv.authorTried():
			p.setReviewer(n, l)
			return nil
		}
	}
	rv.bodyStarted = true
	if rv.Body.Value == "" {
		rv.Body = film.Text{Value: l, Line: n}
	} else {
		rv.bodyMore = append(rv.bodyMore, l)
	}
	return nil
}

// partFollows reports whether another part of the review (its date, its
// score, a labelled part) comes within the three lines after line n, with
// only short lines between: then line n is a part too, not the review's
// first words. The next review's first line, a heading or a long line ends
// the search; a reviewer under the text ("By Ann Lee") is no anchor.
func (p *parser) partFollows(n int) bool {
	for i := n; i < len(p.doc.Lines) && i <= n+2; i++ {
		c := classify(cleanLine(p.doc.Lines[i]))
		switch {
		case c.class == dateLine, c.class == numberLine, c.class == labelLine && !c.by,
			c.class == summaryScoreLine && !c.headline:
			return true
		case c.class == textLine && len(strings.Fields(c.text)) <= 8:
		default:
			return false
		}
	}
	return false
}

// flush ends the review being read.
func (p *parser) flush() {
	rv := p.review
	if rv == nil {
		return
	}
	p.review = nil
	body := strings.TrimSpace(strings.TrimPrefix(rv.bodyText(), spoilerPrefix))
	body = strings.TrimSpace(strings.TrimSuffix(body, fullReview))
	body = trimCardEnd(body)
	rv.Body.Value = body
	if body == "" && rv.Author.Value == "" && rv.Publisher.Value == "" && rv.Rating == nil {
		line := rv.Date.Line
		if line == 0 {
			line = rv.Author.Line
		}
		p.note(line, "numbered item with no author and no text; left out")
		return
	}
	if b := rv.byline; b.Value != "" {
		switch {
		case rv.Publisher.Value == "":
			rv.Publisher = b
		case !strings.EqualFold(rv.Publisher.Value, b.Value):
			p.note(b.Line, "publication %q after the reviewer's name is not the review's, %q; left out", text.Short(b.Value), text.Short(rv.Publisher.Value))
		}
	}
	if rv.refused != "" && p.refusedNotes >= maxRefusedNotes {
		p.refusedMore.Add(rv.Author.Line)
		if rv.Publisher.Value != "" {
			p.refusedByPublication++
		}
	} else if rv.refused != "" {
		p.refusedNotes++
		if rv.Publisher.Value != "" {
			p.note(rv.Author.Line, "%s; the review's author is its publication, %q", rv.refused, rv.Publisher.Value)
		} else {
			p.note(rv.Author.Line, "%s; the review has no author", rv.refused)
		}
	}
	if rv.Author.Value == "" {
		rv.Author.Line = 0
	}
	if rv.ambiguousDate.Value != "" {
		p.ambiguous = append(p.ambiguous, ambiguousDate{index: len(p.full)*reviewChunk + len(p.src.Film.Reviews), date: rv.ambiguousDate})
	}
	p.addReview(rv.Review)
}

// trimCardEnd removes a card's link that a text rendering ran on to the
// end of the text ("… lets her down. Read more", lynx's "[4]Read more"
// once its mark is gone), after a sentence's end: it is the site's
// button, not the critic's words.
func trimCardEnd(body string) string {
	for end := range cardEnds {
		if len(body) <= len(end)+1 || !strings.EqualFold(body[len(body)-len(end):], end) {
			continue
		}
		rest := strings.TrimRight(body[:len(body)-len(end)], " ")
		if last, _ := utf8.DecodeLastRuneInString(rest); len(rest) < len(body)-len(end) && rest != "" && strings.ContainsRune(".!?…\"”)", last) {
			return rest
		}
	}
	return body
}

// derive fills in the one standard bucket a page leaves out, from the total
// and the stated buckets, and says so.
func (p *parser) derive(s *film.Summary, who string) {
	if len(s.Buckets) == 0 || !s.Count.Set {
		return
	}
	stated := map[string]bool{}
	sum := 0.0
	for _, b := range s.Buckets {
		stated[b.Label] = true
		sum += b.Count.Value
	}
	var missing []string
	for _, label := range standardBuckets {
		if !stated[label] {
			missing = append(missing, label)
		}
	}
	line := s.Buckets[0].Count.Line
	if len(missing) != 1 || len(s.Buckets) != len(standardBuckets)-1 || sum > s.Count.Value {
		if sum != s.Count.Value {
			p.note(line, "%s score distribution adds up to %g of %g; the rest cannot be placed in one band", who, sum, s.Count.Value)
		}
		return
	}
	derived := film.Bucket{Label: missing[0], Count: film.Number{Value: s.Count.Value - sum, Set: true, Line: line}, Derived: true}
	var out []film.Bucket
	for _, label := range standardBuckets {
		if label == derived.Label {
			out = append(out, derived)
			continue
		}
		for _, b := range s.Buckets {
			if b.Label == label {
				out = append(out, b)
			}
		}
	}
	s.Buckets = out
	p.note(line, "%s score distribution leaves out %s; derived %g from the total of %g", who, derived.Label, derived.Count.Value, s.Count.Value)
}

// atoi reads a count, its thousands grouped by commas or not: "1,234"
// and "1234", but not "1,2", "1,,2" or ",5", which it read as 12, 12
// and 5 (a decimal comma, a typing slip).
func atoi(s string) (int, error) {
	if strings.Contains(s, ",") && !groupedRe.MatchString(s) {
		return 0, fmt.Errorf("%q is not a count (its digits are not grouped by threes)", s)
	}
	n, err := strconv.Atoi(strings.ReplaceAll(s, ",", ""))
	if err != nil {
		return 0, fmt.Errorf("%q is not a count", s)
	}
	return n, nil
}

// groupedRe is a count whose thousands are grouped by commas.
var groupedRe = lazyre.New(`^\d{1,3}(?:,\d{3})+$`)
