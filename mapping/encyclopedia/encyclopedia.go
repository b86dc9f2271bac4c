// Package encyclopedia reads an encyclopedia article about a film: the title
// and year from the heading ("= Illegal (2010 film) ="), every infobox field
// in its long or short form ("- Directed by: …", "Director: …"), the lead
// paragraph, the plot and the cast in any cast section and line style.
//
// Call [Parse]. The reader is driven by data: labels.go holds the infobox
// labels and section headings it knows, classify.go decides what each line
// is (title, section heading, infobox field, list item, continuation,
// boilerplate, prose), and the parser below only keeps track of where it
// is. mapping/README.md lists every layout it accepts, with examples.
//
// Infobox fields that schema.org has no term for (budget, box office) are
// kept in film.Film.Unmapped so that the caller can report them; fields
// this package does not know are reported in a note. Lines it cannot place
// are counted, one note per section.
package encyclopedia

import (
	"fmt"
	"github.com/film2ld/film2ld/ld/diag"
	"io"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/film2ld/film2ld/mapping/film"
	"github.com/film2ld/film2ld/mapping/internal/cast"
	"github.com/film2ld/film2ld/mapping/internal/text"

	"github.com/film2ld/film2ld/mapping/internal/lazyre"
)

var (
	// "Illegal (2010 film)", "Les Nuits blanches (2015 French film)",
	// "Ice Roads (documentary)", "The Paper Fox (2018 animated film)";
	// and as the other wikis film2ld reads write it, the year after the
	// word: "Sal y pimienta (película de 2016)", "Il faro (film 2019)",
	// "Le Phare (film, 2019)", "Der Glasdeich (Film)", "(téléfilm)",
	// "(miniserie)" (audit 17: the Spanish one stayed in the title and
	// the IRI). The year is group 2 or 3.
	disambigRe = lazyre.New(`^(.+?)\s*\((?:(\d{4})\s+)?(?:[^()]*\s)?(?i:film|movie|documentary|short film|television film|tv film|miniseries|mini-series|película|pelicula|documental|telefilme|cortometraje|miniserie|spielfilm|fernsehfilm|dokumentarfilm|kurzfilm|pellicola|documentario|cortometraggio|téléfilm|telefilm|documentaire|court métrage|court-métrage|mini-série)(?:,?\s+(?:de\s+|del\s+|di\s+|du\s+|von\s+|aus\s+)?(\d{4}))?\)$`)
	// The lead's first sentence: "Illegal (Illégal) is a 2010 Belgian …".
	// Also in German, Italian, Spanish and French ("X (Y) ist ein …",
	// "è un", "es una", "est un").
	leadTitleRe = lazyre.New(`^(.+?)\s*\(([^)]+)\)\s+(?:is|was|ist|war|è|era|es|fue|est|était)\s+(?:an?|eine?|una?|une)\s`)
	// leadPartRe starts a part of a lead's bracket after a comma: a label
	// ("pinyin:", "Hepburn:", "lit.") rather than more of a title.
	leadPartRe = lazyre.New(`^(?:[\pL][\pL .–-]{0,30}:\s|(?:lit|litt|lett|transl?|wörtl)\.|(?:literally|translated|translation|littéralement|letteralmente|wörtlich|literalmente)\b|also known as\b|also called\b)`)
	// leadYearRes find the year in a lead's first sentence, in the
	// languages of the articles film2ld reads: "is a 2010 Belgian drama
	// film"; "ist ein deutscher Spielfilm aus dem Jahr 2019"; "è un film
	// del 2019"; "es una película española de 2018"; "est un film belge
	// réalisé par …, sorti en 2019", "est un film français de 2019". The
	// year must follow the word for a film within the sentence, so that
	// a date in another clause is not taken for it.
	leadYearRes = []*lazyre.Regexp{
		lazyre.New(`\bis an?\s+(\d{4})\b`),
		lazyre.New(`\s(?:ist|war)\s+eine?\s[^.]{0,160}?\baus dem Jahre?\s+(\d{4})\b`),
		lazyre.New(`\s(?:è|era)\s+una?\s+(?:film|documentario|cortometraggio|lungometraggio|mediometraggio|pellicola|film d'animazione)\b[^.]{0,120}?\sdel\s+(\d{4})\b`),
		lazyre.New(`\s(?:es|fue)\s+una?\s+(?:película|filme|film|documental|cortometraje|largometraje|mediometraje)\s[^.]{0,120}?\s(?:de|del año)\s+(\d{4})\b`),
		lazyre.New(`\s(?:est|était)\s+une?\s+(?:film|documentaire|court[- ]métrage|long[- ]métrage|moyen[- ]métrage|téléfilm)\b[^.]{0,160}?\s(?:sorti|sortie|de)\s+(?:en\s+)?(\d{4})\b`),
	}
	// One release: "12 May 2015 (Cannes)", "May 12, 2015", "April 26th,
	// 2008", "2015-05-12", with the place or festival in brackets after it
	// (an ISO copy of the date in brackets, as some renderings add, is
	// skipped).
	// Also "17.05.2019" and "17/05/2019" (read where the order is not in
	// doubt), and a month alone, "May 2019" (audit 12: a line of them
	// was left out whole).
	releaseRe = lazyre.New(`(\d{1,2}(?:st|nd|rd|th)? [A-Z][a-z]+\.? \d{4}|[A-Z][a-z]+\.? \d{1,2}(?:st|nd|rd|th)?, \d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{4}|[A-Z][a-z]+\.? \d{4})(?:\s*\(\d{4}-\d{2}-\d{2}\))?(?:\s*\(([^)]+)\))?`)
	basedOnRe = lazyre.New(`^(.+?)\s+by\s+(.+)$`)
)

// Signals reports how strongly a document looks like an encyclopedia
// film article: its title heading (worth more when it is disambiguated as a
// film, "Heat (1995 film)"), the site's tagline, the headings of sections
// film articles have, and infobox labels of film infoboxes. Heading markup
// alone is not a signal: any Markdown note has a "# Title", and it must not
// become a Movie.
func Signals(lines []string) int {
	// maxBareLabel is the longest line looked up as a label alone.
	const maxBareLabel = 24
	// maxAligned is the longest line looked up as a label with its value
	// aligned after spaces ("Directed by        F. W. Brandt").
	const maxAligned = 120
	// maxLabelSignals is how many infobox label lines count.
	const maxLabelSignals = 3
	n, labelLines := 0, 0
	indent := pageIndent(lines)
	for _, raw := range lines {
		if indent > 0 {
			// A text browser's dump indents the page (lynx).
			raw = dedent(raw, indent)
		}
		// Byte searches (text.ContainsAnyOf2), where ContainsAny looked
		// at a byte at a time: these tests, on every line of every
		// document, were a third of Signals' time.
		heading := text.ContainsAnyOf2(raw, '=', '#') || strings.HasSuffix(raw, "[edit]") || strings.HasPrefix(raw, "From W")
		if !heading && !text.ContainsAnyOf2(raw, ':', '\t') {
			if (len(raw) <= maxBareLabel || len(raw) <= maxAligned && strings.Contains(raw, "  ")) && labelLines < maxLabelSignals && raw != "" && 'A' <= raw[0] && raw[0] <= 'Z' && !strings.ContainsAny(raw, "0123456789") {
				// "Directed by" alone on its line, its value below: a
				// mobile page's infobox has no other layout. Or
				// "Directed by Ana Reis", a label and its value after a
				// space, as classify reads it (FuzzSignals found that
				// this skip missed it).
				if l := classify(0, raw); l.known && l.kind == kindLabel {
					labelLines++
					n++
				}
			}
			continue // most lines are prose
		}
		if labelLines == maxLabelSignals && !heading && !text.ContainsAnyOf2(raw, ']', '&') && !strings.Contains(raw, "From W") {
			// Past the label lines that count, a line can only signal as
			// a title or section (its text starts with "=" or "#" or
			// ends in "]") or as the tagline; without those characters
			// (nor "&", which unescapes to any), classify would find
			// neither. Other kinds' pages are mostly "Label: value"
			// lines, each a full classification.
			continue
		}
		switch l := classify(0, raw); {
		case l.whole == wikipediaTagline:
			n += 2
		case l.kind == kindTitle:
			n++
			if disambigRe.MatchString(l.text) {
				n++
			}
		case l.kind == kindSection:
			if _, ok := sections()[labelKey(l.text)]; ok {
				n++
			}
		case l.known && (l.kind == kindLabel || l.kind == kindItem) && labelLines < maxLabelSignals:
			labelLines++
			n++
		}
	}
	return n
}

// state is where the parser is in the article.
type state int

const (
	// stateTop is between the title and the infobox: a caption, a hatnote.
	stateTop state = iota
	stateInfobox
	// stateLead is the lead after the infobox, up to the first section.
	stateLead
	stateSection
)

type parser struct {
	src   *film.Source
	state state
	// credits adds the infobox's credits, once each.
	credits text.CreditList
	// section is the current section's heading as written, family its
	// family and level the level of the heading that set the family.
	section string
	family  family
	level   int
	// field is the infobox field being read, with its values so far.
	field *openField
	// blankInInfobox is true after a blank line inside the infobox: a
	// prose line then starts the lead.
	blankInInfobox bool
	// paragraph collects the lines of the paragraph being read, joined
	// by spaces: paraLines of them, from line paraLine, the first two
	// also kept alone (see startsInfobox's caption). A list of the lines
	// took 16 bytes a line beside their text: 145 MB for a 16 MB
	// paragraph of one-letter lines.
	paragraph  strings.Builder
	paraLines  int
	paraFirst  string
	paraSecond string
	paraLine   int
	lead       []film.Text
	plot       []film.Text
	caption    film.Text
	// left counts the lines of the current section (or the infobox) that
	// are left out; it is reported once when the section ends.
	left    text.Tally
	leftWhy string
	// cast adds the parts, once each.
	cast cast.List
	// entries are the cast entries read, in order, split into a part per
	// character only at the end (addCast), when every title the article
	// states is known: the lead's, and the segments' and sections' that
	// may follow the cast.
	entries []film.CastMember
	// titles are the section headings and the segments' titles the
	// article states.
	titles []string
	// castHead is the heading row of a cast table whose first column is
	// the character ("Character<TAB>Japanese<TAB>English"), in the
	// current section.
	castHead []string
	// cutLine is the document's last line when the document does not end
	// with a newline: a download that stopped may have cut it.
	cutLine int
}

// openField is an infobox field whose values may go on over the lines
// below its label.
type openField struct {
	label  string
	line   int
	indent int
	known  bool
	f      field
	values []film.Text
	// tabbed is a field whose label and first value are a table row's
	// cells ("Starring<TAB>Ilinca Pop"): a browser copies the cell's
	// further list items to the lines below, bare.
	tabbed bool
}

// Parse reads an encyclopedia article.
func Parse(r io.Reader, name string) (*film.Source, error) {
	return text.ReadWith(r, name, FromDoc)
}

// FromDoc reads an encyclopedia article already read into lines (package mapping
// reads each document once, to detect its kind and to map it).
func FromDoc(doc *text.Doc) (*film.Source, error) {
	name := doc.Name
	p := &parser{src: &film.Source{Name: name, Kind: film.Encyclopedia, Digest: doc.Digest, Notes: doc.Notes}}
	if last := len(doc.Lines); last > 0 && !text.IsBlank(doc.Lines[last-1]) {
		p.cutLine = last
	}
	first := true
	indent := pageIndent(doc.Lines)
	// A browser's copy of the whole page: the site's menus and the table
	// of contents above the title, the tabs below it, are skipped.
	title, resume, furnished := siteFurniture(doc.Lines, indent)
	for i, raw := range doc.Lines {
		if furnished && (i < title || i > title && i < resume) {
			continue
		}
		if indent > 0 {
			raw = dedent(raw, indent)
		}
		l := classify(i+1, raw)
		if first {
			if l.kind == kindBlank || l.kind == kindBoilerplate {
				continue
			}
			first = false
			if furnished && l.kind == kindProse {
				l.kind = kindTitle
			}
			if l.kind == kindProse && (fromWikipedia(doc.Lines[i+1:]) || plainTitle(l.whole, doc.Lines[i+1:])) {
				// A copy of the page as a browser shows it: the title as
				// plain text, then "From Wikipedia, the free encyclopedia",
				// or a disambiguated title ("Heat (1995 film)"), or the
				// title the infobox repeats on the next line.
				l.kind = kindTitle
			}
			if err := p.heading(l); err != nil {
				return nil, &film.Error{Pos: diag.Position{File: name, Line: l.n}, Err: err}
			}
			p.src.Film.Title.Line = l.n
			continue
		}
		p.line(l)
	}
	p.endSection()
	p.finish()
	p.addCast()
	if n, ok := p.cast.Note(); ok {
		p.src.Notes = append(p.src.Notes, n)
	}
	text.CheckPeople(p.src)
	return p.src, nil
}

// pageIndent returns the spaces a text browser's dump (lynx) puts before
// every line of the page: the first line's indent, when most lines that
// have text share it. Headings may stand outside it ("Plot" at the margin
// under an indented lead), and lists further in. Without this, every
// line read as a continuation, and the article as no film document
// (audit 17).
func pageIndent(lines []string) int {
	// Only the first line's indent is asked about: a count of it, not a
	// map of every indent.
	first, same, total := -1, 0, 0
	for _, raw := range lines {
		t := strings.TrimLeft(raw, " ")
		if strings.TrimSpace(t) == "" {
			continue
		}
		n := len(raw) - len(t)
		if first < 0 {
			first = n
		}
		if n == first {
			same++
		}
		total++
	}
	if first <= 0 || same*2 <= total {
		return 0
	}
	return first
}

// dedent removes up to n leading spaces from a line.
func dedent(raw string, n int) string {
	i := 0
	for i < n && i < len(raw) && raw[i] == ' ' {
		i++
	}
	return raw[i:]
}

// fromWikipedia reports whether the next non-blank line is the site's
// tagline.
func fromWikipedia(lines []string) bool {
	for _, raw := range lines {
		if l := text.Clean(raw); l != "" {
			return l == wikipediaTagline
		}
	}
	return false
}

const wikipediaTagline = "From Wikipedia, the free encyclopedia"

// plainTitle reports whether a first line without heading markup is the
// article's title: a disambiguated film title, or a line the next
// non-blank line repeats (the infobox's caption is the film's name).
//
// A mobile page's copy has its tabs and buttons ("Article", "Talk",
// "Edit") under the title, and no tagline: those are passed over, and a
// lead that opens with the line as its subject ("La Mer is a 1994 French
// drama film") makes it the title too (audit 14: the copy was no film
// document).
func plainTitle(first string, rest []string) bool {
	if disambigRe.MatchString(first) {
		return true
	}
	if len(first) > 200 {
		return false
	}
	for _, raw := range rest {
		l := text.Clean(raw)
		if l == "" || isBoilerplate(l) {
			continue
		}
		if l == first {
			return true
		}
		after, ok := strings.CutPrefix(l, first)
		return ok && (strings.HasPrefix(after, " (") || leadVerb(after))
	}
	return false
}

// leadVerb reports whether a text after a lead's subject opens its
// predicate, "is a …" in the languages of the articles film2ld reads:
// "ist ein", "è un", "es una", "est un" and their past tenses.
func leadVerb(after string) bool {
	for _, v := range []string{" is a", " was a", " ist ein", " war ein", " è un", " era un", " es un", " fue un", " est un", " était un"} {
		if strings.HasPrefix(after, v) {
			return true
		}
	}
	return false
}

func (p *parser) heading(l line) error {
	if l.kind != kindTitle {
		return fmt.Errorf("expected the article's title heading (\"= Title =\"), found %q", text.Short(l.whole))
	}
	f := &p.src.Film
	title := l.text
	if d := disambigRe.FindStringSubmatch(title); d != nil {
		title = d[1]
		if d[2] == "" {
			d[2] = d[3]
		}
		if y, ok := text.ParseYear(d[2]); ok {
			f.Year = film.Single{Value: float64(y), Set: true}
		} else if d[2] != "" {
			// "(9999 film)" was year 0, and the film's IRI …-0.
			p.src.Notes = append(p.src.Notes, film.Note{Line: l.n,
				Message: fmt.Sprintf("the title's year %q is not a film's year (1880 to 2999); left out", d[2])})
		}
	}
	f.Title = film.Text{Value: title}
	return nil
}

func (p *parser) line(l line) {
	if l.kind == kindBoilerplate {
		return
	}
	leadBegun := p.state == stateLead || p.state == stateTop && (len(p.lead) > 0 || p.paraLines > 0)
	if (l.kind == kindProse || l.kind == kindLabel && l.value == "") && (leadBegun || p.state == stateSection) && plainHeading(l) {
		// "Cast" alone on its line after the lead: a heading a browser
		// copy kept without its markup. (In an article without an
		// infobox, the lead is read before any: "Plot" after it was
		// joined to the plot's first line, and both to the abstract;
		// audit 14.)
		l.kind, l.level = kindSection, 2
	}
	if l.kind == kindSection || l.kind == kindTitle {
		p.startSection(l)
		return
	}
	if l.n == p.cutLine && p.cutOff(l) {
		return
	}
	switch p.state {
	case stateTop, stateLead:
		if p.startsInfobox(l) {
			p.state = stateInfobox
			p.leftWhy = "infobox: lines not recognised"
			if p.paraLines > 0 {
				// The block just above the infobox is its caption: the
				// title, then what a copy keeps of the image ("Theatrical
				// release poster"), which is counted, not read as a lead
				// (the tally quotes only the first line it counts).
				p.caption = film.Text{Value: p.paraFirst, Line: p.paraLine}
				for i := 1; i < p.paraLines; i++ {
					p.left.Add(p.paraLine+i, p.paraSecond)
				}
				p.resetParagraph()
			}
			p.openField(l)
			return
		}
		p.text(l)
	case stateInfobox:
		p.infobox(l)
	case stateSection:
		p.sectionLine(l)
	}
}

// cutOff reports, and leaves out, the last line of a document that ends
// without a newline inside the infobox or a list: it may stop in the middle
// of a label or a name ("- Runn", "- Anne Coes"), and a fragment must never
// become a fact, a lead or an abstract.
func (p *parser) cutOff(l line) bool {
	inList := p.state == stateInfobox || p.state == stateSection && (p.family == familyCast || p.family == familyVoiceCast)
	// A list item, a label or a heading that lost its closing "=" is cut
	// wherever it stands; prose is kept, since a cut sentence names no one.
	shape := l.kind == kindItem || l.kind == kindLabel || strings.HasPrefix(l.whole, "=")
	if l.kind == kindBlank || !inList && !shape {
		return false
	}
	p.note(l.n, "cut off: the document ends in the middle of this line; left out: %q", text.Short(l.whole))
	return true
}

// startsInfobox reports whether a line outside the infobox begins it: a
// field whose label film infoboxes use. A list in the lead ("- Website:
// …") is not taken for one, and neither is prose that happens to start
// with a label's words once the lead has begun.
func (p *parser) startsInfobox(l line) bool {
	if l.dashed && !l.known && p.state == stateTop && p.paraLines <= 1 && l.value != "" && shortLabel(l.label) {
		// "- Regie: …" under the caption: an infobox, in the sample's
		// layout, whose first label film2ld does not know. It is read as
		// one, its unknown fields reported; read as text, the whole
		// infobox became the abstract (audit 15).
		return true
	}
	if !l.known || l.kind != kindLabel && l.kind != kindItem {
		return false
	}
	return !l.spaced || p.state == stateTop && p.paraLines <= 1
}

// infobox reads a line inside the infobox.
func (p *parser) infobox(l line) {
	f := p.field
	listGoesOn := f != nil && (len(f.values) == 0 || f.open() || f.tabbed)
	if l.kind == kindProse && listGoesOn && !p.blankInInfobox && l.indent == 0 {
		// A browser copy runs the infobox's last list into what follows
		// it without a blank line: a section's heading ("Plot") or the
		// lead's first sentence ends the infobox, rather than becoming
		// the field's values (audit 13: the lead, the headings and the
		// references became languages and production companies).
		switch {
		case plainHeading(l):
			l.kind, l.level = kindSection, 2
			p.startSection(l)
			return
		case proseSentence(l.whole):
			p.closeField()
			p.flushLeft()
			p.state = stateLead
			p.text(l)
			return
		}
	}
	if l.kind == kindProse && l.indent == 0 && !listGoesOn && !p.blankInInfobox {
		// "Country Canada" in an infobox rendered with spaces only.
		if label, value, ok := spacedLabel(l.whole, 1); ok {
			l.kind, l.label, l.value, l.known, l.spaced = kindLabel, label, value, true, true
		}
	}
	if l.kind == kindLabel && l.spaced && len(l.cells) == 0 && l.indent == 0 && f != nil && (f.tabbed || f.open()) && listGoesOn && !p.blankInInfobox {
		// "Country Road Pictures", "Channel Russia" under "Production
		// companies<TAB>…": in an infobox whose fields are tabbed or stand
		// alone above their values, a label word followed by a space only
		// begins a name in the list, not another field (audit 17: the
		// company became a country, "Road Pictures").
		l.kind, l.label, l.value, l.known, l.spaced = kindProse, "", "", false, false
	}
	switch {
	case l.kind == kindBlank:
		p.blankInInfobox = true
	case l.kind == kindLabel && l.value == "" && p.blankInInfobox && l.indent == 0 && plainHeading(l):
		// "Cast" alone after a blank line: a mobile page's section
		// heading, not an infobox label with no value (audit 14).
		l.kind, l.level = kindSection, 2
		p.startSection(l)
	case l.kind == kindLabel:
		p.closeField()
		p.openField(l)
	case f != nil && l.item() && l.indent > f.indent:
		// A sub-item or a continuation indented under its label: the
		// field's list goes on, even when the item holds a colon ("  -
		// Cannes: 12 May 2015").
		p.addValue(l)
	case l.dashed:
		// "- Any label: value" is a field in the sample's layout; without a
		// list mark only known labels are.
		p.closeField()
		p.openField(l)
	case l.kind == kindItem && listGoesOn && !p.blankInInfobox:
		// Items under a label that stood alone.
		p.addValue(l)
	case l.kind == kindProse && f != nil && len(f.values) == 0 && f.line == l.n-1 && joinsLabel(f, l.whole):
		// "Production" / "company": a label a narrow column wrapped.
	case l.kind == kindProse && f != nil && len(f.values) == 0 && f.line == l.n-1 && len(l.cells) == 2 && joinsLabel(f, l.cells[0]):
		// "Production" / "company<TAB>Barunson E&A": the wrapped label's
		// second half carries the value, as a browser copy of the table
		// row gives it.
		f.values = append(f.values, film.Text{Value: strings.TrimSpace(l.cells[1]), Line: l.n})
		f.tabbed = true
	case l.kind == kindProse && listGoesOn && !p.blankInInfobox:
		// "Directed by" alone on its line, the names on the lines below.
		p.addValue(l)
	case l.kind == kindProse && l.indent == 0 && plainHeading(l):
		// "Plot" alone after a blank line (a mobile page's copy): the
		// section, not the lead's first line (it was joined to the
		// plot's, and both went to the abstract).
		l.kind, l.level = kindSection, 2
		p.startSection(l)
	case l.kind == kindProse && l.indent == 0 && !listGoesOn && !p.blankInInfobox && !proseSentence(l.whole) && unknownField(&l):
		// "Altersfreigabe: FSK 12" among the fields: a field whose label
		// film2ld does not know, reported as such; it was the lead's
		// first line, and the abstract's.
		p.closeField()
		p.openField(l)
	case l.kind == kindProse:
		p.closeField()
		p.flushLeft()
		p.state = stateLead
		p.text(l)
	default:
		p.left.Add(l.n, l.whole)
	}
}

// unknownField reports whether a line is "Label: value" with a short
// label, and makes it that field's line if so.
func unknownField(l *line) bool {
	m := colonLabel(l.whole)
	if m == nil || strings.TrimSpace(m[2]) == "" || !shortLabel(m[1]) {
		return false
	}
	l.kind, l.label, l.value = kindLabel, m[1], m[2]
	return true
}

// shortLabel reports whether text reads as an infobox label: one to four
// words, the first capitalised, no digit or sentence punctuation.
func shortLabel(label string) bool {
	r, _ := utf8.DecodeRuneInString(label)
	return unicode.IsUpper(r) && len(strings.Fields(label)) <= 4 && !strings.ContainsAny(label, "0123456789.,;!?\"()")
}

// proseSentence reports whether a line reads as a sentence of prose, not
// an infobox value: six words or more ending in a full stop, a question
// or an exclamation mark, three of them in lower case ("Salt Road is a
// 2012 Romanian drama film directed by Mirela Dobre."); or more words
// than any value has. A company ("Walt Disney Studios Motion Pictures
// Ltd.") or a date with its place has too few in lower case.
func proseSentence(s string) bool {
	words := strings.Fields(s)
	if len(words) > 16 {
		return true
	}
	if len(words) < 6 {
		return false
	}
	end := strings.TrimRight(s, `"')]»”’`)
	if end == "" || !strings.ContainsAny(end[len(end)-1:], ".!?") {
		return false
	}
	lower := 0
	for _, w := range words {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsLower(r) {
			lower++
		}
	}
	return lower >= 3
}

// plainHeading reports whether a prose line is a known section heading
// standing alone: "Plot", "Voice cast", "See also".
func plainHeading(l line) bool {
	if len(l.whole) > maxLabel {
		return false
	}
	_, ok := sections()[labelKey(l.whole)]
	return ok && len(strings.Fields(l.whole)) <= 4
}

// joinsLabel reports whether a line completes the label above it
// ("Production" + "company") and, if so, makes the field that label's.
func joinsLabel(f *openField, rest string) bool {
	joined := f.label + " " + strings.TrimSpace(rest)
	fd, ok := lookup(joined)
	if ok {
		f.label, f.f, f.known = joined, fd, true
		f.line++
	}
	return ok
}

// open reports whether a field's value goes on over bare lines: a field
// whose label stood alone and whose values are one per line.
func (f *openField) open() bool {
	return len(f.values) > 0 && f.values[0].Line != f.line
}

func (p *parser) openField(l line) {
	f, known := lookup(l.label)
	p.field = &openField{label: l.label, line: l.n, indent: l.indent, known: known, f: f, tabbed: len(l.cells) > 0 || l.aligned}
	p.blankInInfobox = false
	if v := strings.TrimSpace(l.value); v != "" {
		p.field.values = append(p.field.values, film.Text{Value: v, Line: l.n})
	}
}

func (p *parser) addValue(l line) {
	p.field.values = append(p.field.values, film.Text{Value: l.text, Line: l.n})
	p.blankInInfobox = false
}

// startSection ends what was open and enters a section, choosing its
// family: the heading's own, or, for a sub-section the table does not
// know, its parent's.
func (p *parser) startSection(l line) {
	p.closeField()
	p.endSection()
	p.state = stateSection
	heading := footnoteRe.ReplaceAllString(l.text, "")
	fam, ok := sections()[labelKey(heading)]
	if fam == familyFrenchCast {
		fam = familyUnmapped
		if p.french() {
			fam = familyCast
		}
	}
	switch {
	case ok:
		p.family, p.level = fam, l.level
	case p.section != "" && l.level > p.level:
		// A sub-section keeps its parent's family.
	default:
		p.family, p.level = familyUnmapped, l.level
	}
	p.section = heading
	p.castHead = nil
	p.titles = append(p.titles, heading)
	switch p.family {
	case familyUnmapped:
		p.leftWhy = fmt.Sprintf("section %q is not mapped", heading)
	case familyCast, familyVoiceCast:
		p.leftWhy = fmt.Sprintf("section %q: lines not recognised as cast entries", heading)
	case familySegments:
		p.leftWhy = fmt.Sprintf("section %q lists the film's segments, which film2ld does not map (schema.org's hasPart could hold each as a work of its own)", heading)
	default:
		p.leftWhy = fmt.Sprintf("section %q: lines not recognised", heading)
	}
}

// french reports whether the article is in French, as its lead's first
// sentence says ("Le Phare est un film belge"): what tells French
// Wikipedia's cast section, "Distribution", from an English article's
// section about the film's distribution.
func (p *parser) french() bool {
	if len(p.lead) == 0 {
		return false
	}
	lead := p.lead[0].Value
	for _, v := range []string{" est un ", " est une ", " était un ", " était une "} {
		if strings.Contains(lead, v) {
			return true
		}
	}
	return false
}

// endSection ends a paragraph and reports the lines a section left out.
func (p *parser) endSection() {
	p.closeField()
	p.endParagraph()
	p.flushLeft()
}

func (p *parser) flushLeft() {
	if n, ok := p.left.Flush(p.leftWhy); ok {
		p.src.Notes = append(p.src.Notes, n)
	}
}

// sectionLine reads a line of a section by the section's family.
func (p *parser) sectionLine(l line) {
	switch p.family {
	case familyPlot:
		p.text(l)
	case familyCast, familyVoiceCast:
		p.castLine(l)
	case familyNavigation:
		// Links to other pages, not facts about the film.
	case familySegments:
		if l.kind != kindBlank {
			p.left.Add(l.n, l.whole)
			p.titles = append(p.titles, segmentTitle(l.text))
		}
	default:
		if l.kind != kindBlank {
			p.left.Add(l.n, l.whole)
		}
	}
}

// tableHeads are the first cells of a cast table's heading row.
var tableHeads = map[string]bool{"actor": true, "actors": true, "cast": true, "performer": true, "name": true, "voice actor": true}

// characterHeads are the first cells of the heading row of a cast table
// that puts the character first, then an actor in each column (a voice
// cast's original and dubbed versions).
var characterHeads = map[string]bool{
	"character": true, "characters": true, "role": true, "part": true, "personnage": true, "rôle": true,
	"rolle": true, "figur": true, "personaggio": true, "ruolo": true, "personaje": true, "papel": true,
}

// characterRow reads a row of a cast table whose heading row put the
// character first: an actor in each other column, each playing the
// character. The columns' heads (a dub's languages) have no schema.org
// term; a note says so, once per table (audit 17: every actor of such a
// table was left out).
func (p *parser) characterRow(l line) {
	for i, actor := range l.cells[1:] {
		if slices.Contains(l.cells[1:i+1], actor) {
			continue // the same actor in both versions: one part
		}
		entry := p.dropDisambiguations(p.section, film.Text{Value: actor, Line: l.n}, true) + " – " + l.cells[0]
		m, ok := cast.Parse(entry)
		if !ok {
			p.left.Add(l.n, l.whole)
			continue
		}
		if p.family == familyVoiceCast {
			cast.AddRoleName(&m, "voice")
		}
		m.Actor.Line = l.n
		p.addEntry(m)
	}
}

// castLine reads a line of a cast section: a list item, or (in renderings
// that drop list marks) a bare line with an actor–character separator.
// Prose that introduces the list ("The cast includes:") is counted, not
// read as a name.
func (p *parser) castLine(l line) {
	if l.kind == kindBlank {
		return
	}
	if len(l.cells) >= 2 && characterHeads[strings.ToLower(l.cells[0])] {
		p.castHead = l.cells
		if len(l.cells) > 2 {
			p.note(l.n, "section %q: a table of the character and its actors by %s; each actor is kept with the character, the columns' heads are left out (schema.org has no term for a version's cast)", p.section, strings.Join(quoteAll(l.cells[1:]), ", "))
		}
		return
	}
	if p.castHead != nil && len(l.cells) == len(p.castHead) {
		p.characterRow(l)
		return
	}
	if l.kind == kindItem && l.indent > 0 && len(l.cells) < 2 && len(p.entries) > 0 {
		if last := p.entries[len(p.entries)-1]; cast.IsRemark(l.text, last.Actor.Value) {
			// "  - Rickles also voiced the announcer." under Don
			// Rickles's part: a remark, not an actor (audit 18).
			p.note(l.n, "%s: the remark under %s's part is left out: %q", p.section, last.Actor.Value, text.Short(l.text))
			return
		}
	}
	var entry string
	if len(l.cells) == 2 {
		// A row of a cast table: actor, then character. Only the actor's
		// cell loses a disambiguation: the character's bracket is its
		// own (read as a description), and the whole row read again
		// noted the actor's twice.
		if tableHeads[strings.ToLower(l.cells[0])] {
			return
		}
		entry = p.dropDisambiguations(p.section, film.Text{Value: l.cells[0], Line: l.n}, true) + " – " + l.cells[1]
	} else {
		entry = p.dropDisambiguations(p.section, film.Text{Value: l.text, Line: l.n}, true)
	}
	m, remark, ok := cast.ParseRemark(entry)
	if !ok || l.kind != kindItem && m.Character == "" && len(m.RoleNames()) == 0 {
		p.left.Add(l.n, l.whole)
		return
	}
	if remark != "" {
		// "; Romero replaced George Raft": no character (audit 18).
		p.note(l.n, "%s: %q: the remark after the part, %q, is left out", p.section, text.Short(entry), text.Short(remark))
	}
	if p.family == familyVoiceCast {
		cast.AddRoleName(&m, "voice")
	}
	m.Actor.Line = l.n
	// "Dante Posani, Carlo Valenzano – Ball guests", "Annie Potts and
	// Laurie Metcalf as Bo Peep and Mrs. Davis respectively": a part for
	// each actor (audit 13, 18).
	parts, notes := cast.Shared(m)
	for _, n := range notes {
		p.note(l.n, "%s: %s", p.section, n)
	}
	if parts == nil {
		p.addEntry(m)
		return
	}
	for _, m := range parts {
		p.addEntry(m)
	}
}

// addCast adds the cast entries read, each as a part for each character
// it names ("Ana Ruiz as Anna / Nina"), unless its character is a title
// the article states ("Salomé : le Sel et la Lune" in the article about
// that film, "Totò Esposito: Sale e Pepe" where Sale e Pepe is a segment).
func (p *parser) addCast() {
	f := &p.src.Film
	titles := append([]string{f.Title.Value}, p.titles...)
	for _, t := range f.OtherTitles {
		titles = append(titles, t.Value)
	}
	if !slices.ContainsFunc(p.entries, func(m film.CastMember) bool { return cast.Splits(m, titles...) }) {
		// Nothing to split (nearly every cast): the entries, once each,
		// are the cast, not copied.
		f.Cast, p.entries = p.entries, nil
		return
	}
	var parts cast.List
	for _, m := range p.entries {
		for _, part := range cast.Split(m, titles...) {
			f.Cast = parts.Add(f.Cast, part)
		}
	}
	p.entries = nil
	if n, ok := parts.Note(); ok {
		// A character split out that another entry plays already.
		p.src.Notes = append(p.src.Notes, n)
	}
}

// addEntry keeps a cast entry for addCast, unless it repeats one word for
// word: entries held whole until the end took a page of 210,000 lines
// repeating seven parts 62 MB instead of 39 (they are counted in the
// cast's note, as before).
func (p *parser) addEntry(m film.CastMember) {
	p.entries = p.cast.Add(p.entries, m)
}

// segmentTitle returns the title a line of a segments section gives: the
// line up to the credits after it ("Sale e Pepe, regia di Salvatore
// Esposito", "The Porter – directed by Ana Reis", "\"Bora\" (Ana Reis)").
func segmentTitle(s string) string {
	for _, sep := range []string{", ", " – ", " — ", " - ", ": ", " ("} {
		if i := strings.Index(s, sep); i > 0 {
			s = s[:i]
		}
	}
	return strings.Trim(strings.TrimSpace(s), "\"'‘’“”«»„")
}

func quoteAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = fmt.Sprintf("%q", s)
	}
	return out
}

// text adds a line to the current paragraph; a blank line ends it.
func (p *parser) text(l line) {
	if l.kind == kindBlank {
		p.endParagraph()
		return
	}
	t := footnoteRe.ReplaceAllString(l.whole, "")
	switch p.paraLines {
	case 0:
		// A paragraph of one line (most are) is that line: nothing
		// is copied.
		p.paraLine, p.paraFirst = l.n, t
	case 1:
		p.paraSecond = t
		p.paragraph.WriteString(p.paraFirst)
		p.paragraph.WriteByte(' ')
		p.paragraph.WriteString(t)
	default:
		p.paragraph.WriteByte(' ')
		p.paragraph.WriteString(t)
	}
	p.paraLines++
}

// resetParagraph starts a new paragraph.
func (p *parser) resetParagraph() {
	p.paragraph.Reset()
	p.paraLines, p.paraFirst, p.paraSecond = 0, "", ""
}

func (p *parser) endParagraph() {
	if p.paraLines == 0 {
		return
	}
	var t film.Text
	if p.paraLines == 1 {
		// The line itself, not a copy: values share the document.
		t = film.Text{Value: p.paraFirst, Line: p.paraLine}
	} else {
		t = film.Text{Value: p.paragraph.String(), Line: p.paraLine}
	}
	p.resetParagraph()
	switch {
	case p.state == stateTop || p.state == stateLead:
		p.lead = append(p.lead, t)
	case p.family == familyPlot:
		p.plot = append(p.plot, t)
	}
}

// finish turns the lead and plot paragraphs into facts.
func (p *parser) finish() {
	f := &p.src.Film
	if p.caption.Value != "" && p.caption.Value != f.Title.Value {
		f.OtherTitles = append(f.OtherTitles, p.caption)
	}
	if len(p.lead) > 0 && p.lead[0].Value == f.Title.Value && p.caption.Value == "" {
		// The title alone above a cut-off infobox is its caption, not a
		// lead.
		p.lead = p.lead[1:]
	}
	if len(p.lead) > 0 {
		f.Abstracts = append(f.Abstracts, joinParagraphs(p.lead))
		first := p.lead[0]
		if m := leadTitleRe.FindStringSubmatch(first.Value); m != nil && m[1] == f.Title.Value {
			for _, alt := range leadTitles(m[2]) {
				if alt != f.Title.Value && !hasTitle(f.OtherTitles, alt) {
					f.OtherTitles = append(f.OtherTitles, film.Text{Value: alt, Line: first.Line})
				}
			}
		}
		if !f.Year.Set {
			for _, re := range leadYearRes {
				if m := re.FindStringSubmatch(first.Value); m != nil {
					if y, ok := text.ParseYear(m[1]); ok {
						f.Year = film.Single{Value: float64(y), Set: true, Line: first.Line}
					}
					break
				}
			}
		}
	}
	if len(p.plot) > 0 {
		f.Descriptions = append(f.Descriptions, joinParagraphs(p.plot))
	}
	if f.Year.Set && f.Year.Line == 0 {
		f.Year.Line = f.Title.Line
	}
}

func hasTitle(ts []film.Text, s string) bool {
	for _, t := range ts {
		if t.Value == s {
			return true
		}
	}
	return false
}

func joinParagraphs(ps []film.Text) film.Text {
	vals := make([]string, len(ps))
	for i, p := range ps {
		vals[i] = p.Value
	}
	return film.Text{Value: strings.Join(vals, "\n\n"), Line: ps[0].Line}
}

func (p *parser) note(line int, format string, args ...any) {
	p.src.Notes = append(p.src.Notes, film.Note{Line: line, Message: fmt.Sprintf(format, args...)})
}

// leadTitles returns the titles a lead's bracket after the title gives:
// "French: Illégal"; "Chinese: 大河; pinyin: Dà Hé" (each labelled part,
// the romanisation too, which the whole was read as); "Japanese: 風の音,
// Hepburn: Kaze no Oto"; "also known as X". A translation of the title
// ("lit. 'The River'", "transl. Rain of the Heart", in the other wikis'
// words too) is no title the film goes by and is left out (audit 18:
// "transl. Rain of the Heart" was an alternate title, marker and all). A
// part without a label is one only where it is the whole bracket
// ("(Illégal)").
func leadTitles(bracket string) []string {
	var parts []string
	for _, p := range strings.Split(bracket, ";") {
		// A comma starts a new part only before a label: titles hold
		// commas ("Ni vu, ni connu").
		start := 0
		for i := 0; i < len(p); i++ {
			if p[i] == ',' && leadPartRe.MatchString(strings.TrimLeft(p[i+1:], " ")) {
				parts = append(parts, p[start:i])
				start = i + 1
			}
		}
		parts = append(parts, p[start:])
	}
	var out []string
	for _, part := range parts {
		part = strings.TrimSpace(part)
		lower := strings.ToLower(part)
		if _, ok := cutTranslationMarker(part); ok {
			// A translation of the title says what it means, not a name
			// the film goes by: no alternate title. The marker ends the
			// part, so that "transl. X" is not kept whole (audit 18).
			continue
		}
		switch {
		case strings.HasPrefix(lower, "also known as "):
			part = part[len("also known as "):]
		case strings.HasPrefix(lower, "also called "):
			part = part[len("also called "):]
		case strings.Contains(part, ":"):
			part = part[strings.Index(part, ":")+1:]
		case len(parts) > 1:
			continue
		}
		part = withoutPronunciation(part)
		if part = strings.Trim(strings.TrimSpace(part), "'\"‘’“”«» "); part != "" {
			out = append(out, part)
		}
	}
	return out
}

// translationMarkers open a translation of the title in a lead's
// bracket, in the languages of the articles film2ld reads, lower case.
var translationMarkers = []string{
	"lit.", "literally", "transl.", "trans.", "translated", "translation", "litt.", "littéralement",
	"lett.", "letteralmente", "wörtlich", "wörtl.", "literalmente",
}

// cutTranslationMarker returns a lead's bracket part without the marker
// that opens a translation ("lit. 'The River'", "transl. Rain of the
// Heart", "translation: …"), and whether it had one.
func cutTranslationMarker(part string) (string, bool) {
	lower := strings.ToLower(part)
	for _, m := range translationMarkers {
		if !strings.HasPrefix(lower, m) {
			continue
		}
		rest := part[len(m):]
		if !strings.HasSuffix(m, ".") && rest != "" && rest[0] != ' ' && rest[0] != ':' {
			continue // "translatedly", a word of its own
		}
		return strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(rest), ":")), true
	}
	return part, false
}

// withoutPronunciation returns a lead's title without the pronunciation
// after it ("Il Gattopardo [il ɡattoˈpardo]", "/ˈpɑːrɪs/"): the IPA
// group became part of the film's alternate name (audit 13). A bracket
// group is a pronunciation when it holds a letter or a mark only IPA
// uses; a title in brackets of its own ("[REC]") has none.
func withoutPronunciation(s string) string {
	for _, pair := range [][2]string{{"[", "]"}, {"/", "/"}} {
		i := strings.Index(s, pair[0])
		if i < 0 {
			continue
		}
		j := strings.Index(s[i+1:], pair[1])
		if j < 0 {
			continue
		}
		group := s[i+1 : i+1+j]
		if strings.ContainsFunc(group, ipaOnly) {
			s = strings.TrimSpace(s[:i]) + " " + strings.TrimSpace(s[i+1+j+1:])
			s = strings.TrimSpace(s)
		}
	}
	return s
}

// ipaOnly reports whether r is a letter or mark the International
// Phonetic Alphabet uses and ordinary spelling does not: stress and
// length marks, the IPA Extensions block (ə, ɡ, ʃ, ʁ…) and spacing
// modifiers (ʰ, ʲ).
func ipaOnly(r rune) bool {
	return r == 'ˈ' || r == 'ˌ' || r == 'ː' || r == 'ˑ' || r >= 0x0250 && r <= 0x02AF || r >= 0x02B0 && r <= 0x02FF && r != 'ʼ'
}
