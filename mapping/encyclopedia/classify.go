package encyclopedia

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/film2ld/film2ld/mapping/internal/text"

	"github.com/film2ld/film2ld/mapping/internal/lazyre"
)

// kind is what a line of an article is, judged from the line alone.
type kind int

const (
	kindBlank kind = iota
	// kindTitle is the article's title heading: "= Title =", "# Title".
	kindTitle
	// kindSection is a section heading: "== Plot ==", "## Plot",
	// "Plot[edit]".
	kindSection
	// kindLabel is an infobox field: a label and a value (which may be
	// empty, the value then standing on the lines below).
	kindLabel
	// kindItem is a list item: "- text", "* text", "• text", indented or
	// not.
	kindItem
	// kindContinuation is an indented line that is not a list item: the
	// rest of the value above it.
	kindContinuation
	// kindBoilerplate is page furniture: "[edit]", "Jump to navigation",
	// "From Wikipedia, the free encyclopedia", hatnotes.
	kindBoilerplate
	// kindProse is any other text.
	kindProse
)

// line is one classified line.
type line struct {
	n      int
	kind   kind
	indent int
	// text is the cleaned line, without its list mark; whole is the
	// cleaned line as it stands.
	text, whole string
	// level is a heading's level: 1 for the title, 2 for "== Plot ==".
	level int
	// label and value are an infobox field's parts; known tells whether
	// the label is in the labels table; dashed tells a "- Label: value"
	// list item, the layout of the sample, where any label is a field.
	label, value  string
	known, dashed bool
	// spaced is a field written "Directed by Jan Kowalski", with only a
	// space after the label, as some text renderings of an infobox are.
	spaced bool
	// aligned is a field whose value stands two spaces or more after its
	// label, the columns of a text browser's table ("Directed by
	// F. W. Brandt" with the value aligned): as sure as a tab.
	aligned bool
	// cells are the line's tab-separated parts, when it has several: a
	// table row copied from a browser ("Anne Coesens<TAB>Tania").
	cells []string
}

var (
	mdHeadingRe   = lazyre.New(`^(#{1,6})\s+(.+?)\s*#*$`)
	editHeadingRe = lazyre.New(`^(.{1,60}?)\s*\[edit\]$`)
	listMarkRe    = lazyre.New(`^(?:[-*•·▪–]{1,3}|\d{1,3}[.)])\s+`)
	tabLabelRe    = lazyre.New(`^([^\t]{1,40}?)\t+(.*)$`)
)

var (
	// wikiLinkRe is a wiki link, "[[Anne Coesens]]" or "[[Anne Coesens
	// (actress)|Anne Coesens]]": the text shown is the part after "|".
	wikiLinkRe = lazyre.New(`\[\[(?:[^\[\]|]*\|)?([^\[\]|]*)\]\]`)
	// mdLinkRe is a Markdown link, "[Anne Coesens](https://…)".
	mdLinkRe = lazyre.New(`\[([^\[\]]+)\]\([^()\s]*\)`)
	// emphasisRe is wiki bold and italics, "''Illegal''", "'''Illegal'''".
	emphasisRe = lazyre.New(`'{2,}`)
)

// unmarkup removes what a dump in wiki or Markdown markup puts around the
// text: links keep the words they show, emphasis marks go, and inline
// HTML is read as text.Unmarkup reads it ("<br />" between two names,
// "&amp;", "&nbsp;").
func unmarkup(s string) string {
	if strings.Contains(s, "[") {
		s = wikiLinkRe.ReplaceAllString(s, "$1")
		s = mdLinkRe.ReplaceAllString(s, "$1")
		if strings.Contains(s, "[^") {
			s = mdFootnoteRe.ReplaceAllString(s, "")
		}
	}
	if strings.Contains(s, "''") {
		s = emphasisRe.ReplaceAllString(s, "")
	}
	if strings.Contains(s, "**") {
		// Markdown's bold ("**Kodu ja meri** is a 2016 … film").
		s = strings.ReplaceAll(s, "**", "")
	}
	if strings.IndexByte(s, '*') >= 0 || strings.IndexByte(s, '_') >= 0 {
		// Markdown's italics, "*Hoshi no Kujira*" or "_Hoshi no
		// Kujira_": the marks went into a work's name and the abstract
		// (audit 17). A mark is one only against a word on its inner
		// side and not on its outer, so that "* Anna Lind" (a list mark)
		// and "Film_Title" stay.
		s = dropEmphasis(s)
	}
	return text.Unmarkup(s)
}

// mdEmphasisRe is Markdown's italics around a text: the mark, a text
// that neither starts nor ends with a space, a mark, each mark outside a
// word (dropEmphasis checks the two marks are the same).
var mdEmphasisRe = lazyre.New(`(^|[\s(\["'“‘«])([*_])([^\s*_](?:[^*_]*[^\s*_])?)([*_])($|[\s.,;:!?)\]"'”’»])`)

// dropEmphasis removes Markdown's italic marks around texts.
func dropEmphasis(s string) string {
	// A match takes the character after its closing mark, which the next
	// one may need before its opening mark ("*a* *b*"): a few rounds.
	for range 4 {
		ms := mdEmphasisRe.FindAllStringSubmatchIndex(s, -1)
		var b strings.Builder
		last, changed := 0, false
		for _, m := range ms {
			if s[m[4]:m[5]] != s[m[8]:m[9]] {
				continue
			}
			b.WriteString(s[last:m[4]])
			b.WriteString(s[m[6]:m[7]])
			last = m[9]
			changed = true
		}
		if !changed {
			break
		}
		b.WriteString(s[last:])
		s = b.String()
	}
	return s
}

// mdFootnoteRe is a Markdown footnote's reference, "[^1]".
var mdFootnoteRe = lazyre.New(`\[\^[^\]\s]{1,20}\]`)

// pipeRow turns a Markdown table's row ("| Directed by | Liis Kõrvits |")
// into the tab-separated row a browser's copy of the table gives, which
// the infobox and cast readers read; a row of dashes under the head
// ("|---|---|") is blank. Other lines are returned as they are. The
// tables were left out, or read as the lead (audit 14).
func pipeRow(raw string) string {
	t := strings.TrimSpace(raw)
	if len(t) < 3 || t[0] != '|' || t[len(t)-1] != '|' {
		return raw
	}
	cells := strings.Split(t[1:len(t)-1], "|")
	rule := true
	for i, c := range cells {
		c = strings.TrimSpace(c)
		cells[i] = c
		if strings.Trim(c, ":-") != "" || !strings.Contains(c, "-") {
			rule = false
		}
	}
	if rule {
		return ""
	}
	return strings.Join(cells, "\t")
}

// listMark is listMarkRe.FindString(s), read without the pattern, which
// classify ran on every line that starts with a mark or a digit (0.6% of
// converting a film): one to three marks, or one to three digits and "."
// or ")", then \s+ (ASCII white space: \t \n \f \r and space), all of it
// taken. FuzzListMark compares the two.
func listMark(s string) string {
	n, marks := 0, 0
	for n < len(s) && marks <= 3 {
		r, size := utf8.DecodeRuneInString(s[n:])
		if !isListMark(r) {
			break
		}
		n += size
		marks++
	}
	switch {
	case marks > 3:
		return ""
	case marks == 0:
		for n < len(s) && n < 4 && '0' <= s[n] && s[n] <= '9' {
			n++
		}
		if n == 0 || n > 3 || n == len(s) || s[n] != '.' && s[n] != ')' {
			return ""
		}
		n++
	}
	ws := len(s[n:]) - len(strings.TrimLeft(s[n:], "\t\n\f\r "))
	if ws == 0 {
		return ""
	}
	return s[:n+ws]
}

// isListMark reports whether r is one of listMarkRe's marks.
func isListMark(r rune) bool {
	switch r {
	case '-', '*', '•', '·', '▪', '–':
		return true
	}
	return false
}

// maxBoilerplate and maxLabel bound the lines worth testing for page
// furniture and for a label: a paragraph of prose is neither.
const (
	maxBoilerplate = 160
	maxLabel       = 48
)

// classify judges one line. Whether a label line is an infobox field, and
// whether a list item belongs to the value above it, depends on what came
// before; the parser decides that.
func classify(n int, raw string) line {
	l := line{n: n}
	if strings.HasPrefix(strings.TrimSpace(raw), "|") {
		raw = pipeRow(raw)
	}
	indent := len(raw) - len(strings.TrimLeftFunc(raw, unicode.IsSpace))
	clean := text.Clean(unmarkup(raw))
	l.indent, l.text, l.whole = indent, clean, clean
	if strings.Contains(raw, "\t") {
		for _, c := range strings.Split(raw, "\t") {
			if c = text.Clean(unmarkup(c)); c != "" {
				l.cells = append(l.cells, c)
			}
		}
		// "-<TAB>Valentina Ruiz as Rosa": a list mark and a tab, not a
		// table row whose first cell is "-" (every actor of such a cast
		// was "-", left out).
		if len(l.cells) > 0 && listMarkRe.MatchString(l.cells[0]+" ") && strings.TrimSpace(listMarkRe.FindString(l.cells[0]+" ")) == l.cells[0] {
			l.cells = l.cells[1:]
		} else if len(l.cells) > 0 {
			// "- Anne Coesens<TAB>Tania": a list mark before a table
			// row's first cell is the row's, not the actor's (who was
			// left out, "it starts with a list mark").
			if mark := listMarkRe.FindString(l.cells[0]); mark != "" {
				l.cells[0] = strings.TrimSpace(l.cells[0][len(mark):])
			}
		}
		if len(l.cells) < 2 {
			l.cells = nil
		}
	}
	switch {
	case clean == "":
		l.kind = kindBlank
		return l
	case len(clean) < maxBoilerplate && isBoilerplate(clean):
		l.kind = kindBoilerplate
		return l
	}
	// Most lines of an article are prose: the checks below that cost a
	// regular expression run only on lines of the shape they look for.
	first, last := clean[0], clean[len(clean)-1]
	if first == '=' && indent == 0 {
		if open, title, closing, ok := wikiHeading(clean); ok {
			l.kind, l.level, l.text = kindSection, min(open, closing), title
			if l.level == 1 {
				l.kind = kindTitle
			}
			return l
		}
	}
	if first == '#' && indent == 0 {
		if m := mdHeadingRe.FindStringSubmatch(clean); m != nil {
			l.kind, l.level, l.text = kindSection, len(m[1]), m[2]
			if l.level == 1 {
				l.kind = kindTitle
			}
			return l
		}
	}
	if last == ']' && indent == 0 {
		if m := editHeadingRe.FindStringSubmatch(clean); m != nil {
			l.kind, l.level, l.text = kindSection, 2, m[1]
			return l
		}
	}
	if mark := listMark(clean); mark != "" {
		l.kind, l.text = kindItem, strings.TrimSpace(clean[len(mark):])
		if m := colonLabel(l.text); m != nil {
			l.label, l.value, l.dashed = m[1], m[2], true
			_, l.known = lookup(m[1])
		}
		return l
	}
	// A label line without a list mark: "Directed by: X", "Directed by<TAB>X",
	// "Directed by" alone, or "Directed by X". Only labels in the table
	// count, so that "Note: …" in prose is not a field.
	if i := strings.IndexByte(clean, ':'); i > 0 && i <= maxLabel {
		if m := colonLabel(clean); m != nil {
			if _, ok := lookup(m[1]); ok {
				l.kind, l.label, l.value, l.known = kindLabel, m[1], m[2], true
				return l
			}
		}
	}
	if len(l.cells) > 0 {
		if m := tabLabelRe.FindStringSubmatch(strings.TrimSpace(raw)); m != nil {
			// The label cell without its markup: a Markdown table's
			// "**Directed by**" (it was read only as a spaced label).
			label := text.Clean(unmarkup(m[1]))
			if _, ok := lookup(label); ok {
				l.kind, l.label, l.value, l.known = kindLabel, label, text.Clean(unmarkup(m[2])), true
				return l
			}
		}
	}
	if label, value, ok := alignedLabel(raw[indent:]); ok && indent == 0 {
		// "Directed by        F. W. Brandt": a text browser's rendering
		// (lynx, w3m) of the infobox's table, its columns aligned with
		// spaces. The label ends where the spaces do, as at a tab.
		l.kind, l.label, l.value, l.known, l.aligned = kindLabel, label, value, true, true
		return l
	}
	if len(clean) > maxLabel {
		// Too long to be a label, alone or with a value after a space.
	} else if _, ok := lookup(clean); ok && indent == 0 {
		l.kind, l.label, l.known = kindLabel, clean, true
		return l
	}
	if label, value, ok := spacedLabel(clean, 2); indent == 0 && ok {
		l.kind, l.label, l.value, l.known, l.spaced = kindLabel, label, value, true, true
		return l
	}
	if indent > 0 {
		l.kind = kindContinuation
		return l
	}
	l.kind = kindProse
	return l
}

// alignedLabel reads "Directed by        F. W. Brandt": a known label,
// two spaces or more, then the value. A known label is whole before the
// spaces, so "Country Road Pictures" is never "Country".
func alignedLabel(s string) (label, value string, ok bool) {
	i := strings.Index(s, "  ")
	if i <= 0 || i > maxLabel {
		return "", "", false
	}
	label = text.Clean(unmarkup(s[:i]))
	value = text.Clean(unmarkup(s[i:]))
	if value == "" {
		return "", "", false
	}
	if _, known := lookup(label); !known {
		return "", "", false
	}
	return label, value, true
}

// sentenceStop reports whether s holds a full stop that may end a
// sentence: one after a word, not a name's initial ("F. W. Brandt").
func sentenceStop(s string) bool {
	for _, w := range strings.Fields(s) {
		if strings.HasSuffix(w, ".") && utf8.RuneCountInString(w) > 2 {
			return true
		} else if strings.HasSuffix(w, ".") {
			if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
				return true
			}
		}
	}
	return false
}

// maxSpacedWords is the longest line read as a spaced label: a label and
// a few names, not a sentence.
const maxSpacedWords = 12

// spacedLabel reads "Directed by Jan Kowalski": the longest known label
// of at least minWords words that starts the line, then the value.
// Outside the infobox one-word labels ("Music Jan") are too easily the
// start of a sentence; inside it the parser allows them.
func spacedLabel(s string, minWords int) (label, value string, ok bool) {
	i := strings.IndexByte(s, ' ')
	if i < 0 || !labelFirstWords()[strings.ToLower(s[:i])] {
		return "", "", false
	}
	words := strings.Fields(s)
	if len(words) > maxSpacedWords || strings.HasSuffix(s, ".") || strings.Contains(s, ". ") && sentenceStop(s) {
		// "Based on a true story, the film follows …" is a sentence.
		return "", "", false
	}
	for k := min(4, len(words)-1); k >= minWords; k-- {
		cand := strings.Join(words[:k], " ")
		if _, known := lookup(cand); known {
			return cand, strings.Join(words[k:], " "), true
		}
	}
	return "", "", false
}

// labelFirstWords are the first words of the labels, so that a line whose
// first word starts no label is not looked up word by word.
var labelFirstWords = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for label := range labels() {
		first, _, _ := strings.Cut(label, " ")
		m[first] = true
	}
	return m
})

// item reports whether a line is a list item or is indented: the shapes a
// list value takes under its label.
func (l line) item() bool {
	return l.kind == kindItem || l.kind == kindContinuation
}

// colonLabel splits a "Label: value" line as the pattern
// ^([^:]{1,40}?)\s*:\s*(.*)$ does (TestColonLabel holds it to that), by a
// byte scan: every article line with a colon goes through it, in
// detection as in parsing, and the pattern was the largest single cost of
// reading an article. It returns the line, the label and the value, or
// nil.
func colonLabel(s string) []string {
	if strings.HasPrefix(s, ":") {
		return nil // a label has one character at least
	}
	// The label: the shortest start of the line, one character at least,
	// that only white space separates from the colon.
	j, value, ok := text.CutLabel(s, 1)
	if !ok || utf8.RuneCountInString(s[:j]) > 40 {
		return nil
	}
	return []string{s, s[:j], value}
}

// boilerplateLines are the lines of the site's furniture written whole;
// boilerplatePrefixes those that start a line and some text follows.
var (
	boilerplateLines = map[string]bool{
		"[edit]": true, "Edit": true, "Watch": true, "Talk": true, "Article": true, "View history": true,
		"View source": true, "Read": true, "Tools": true, "Download PDF": true,
		"From Wikipedia, the free encyclopedia": true, "Jump to navigation": true, "Jump to search": true,
		"Jump to content": true,
	}
	boilerplatePrefixes = []string{
		"Retrieved from ", "This article is about ", "For other uses, see ", "Not to be confused with ",
		"Categories: ", "Main article: ", "Main articles: ", "See also: ", "Further information: ",
	}
)

// isBoilerplate reports whether a line is the site's furniture, as the
// pattern
//
//	^(?:\[edit\]|Edit|Watch|Talk|Article|View history|View source|Read|Tools|Download PDF|From Wikipedia, the free encyclopedia|Jump to (?:navigation|search|content)|\(Redirected from .+\)|Retrieved from .+|This article is about .+|For other uses, see .+|Not to be confused with .+|For the .+, see .+|Categories: .+|Main articles?: .+|See also: .+|Further information: .+)$
//
// matches it (TestBoilerplateAsPattern holds it to that): by a map and
// prefixes, where the pattern's filter let through every line that
// starts with one of its many first letters, and classify tries every
// line of every document in detection.
func isBoilerplate(s string) bool {
	if boilerplateLines[s] {
		return true
	}
	if strings.IndexByte(s, '\n') >= 0 {
		return false // "." matches no line break
	}
	for _, p := range boilerplatePrefixes {
		if len(s) > len(p) && strings.HasPrefix(s, p) {
			return true
		}
	}
	const redirected = "(Redirected from "
	if len(s) > len(redirected)+1 && strings.HasPrefix(s, redirected) && strings.HasSuffix(s, ")") {
		return true
	}
	// "For the .+, see .+": the first ", see " after one character or
	// more ends earliest, so that text follows it if any does.
	const forThe, see = "For the ", ", see "
	if strings.HasPrefix(s, forThe) && len(s) > len(forThe)+1 {
		if i := strings.Index(s[len(forThe)+1:], see); i >= 0 && len(forThe)+1+i+len(see) < len(s) {
			return true
		}
	}
	return false
}

// wikiHeading reads a wiki heading, "== Cast ==": the number of "=" that
// open and close it and its title between, as the pattern
// `^(=+)\s*([^=].*?)\s*(=+)$` gives them (its first, second and third
// submatches; TestWikiHeadingAsPattern, FuzzWikiHeading). It was the
// costliest pattern of an article's classification (8 lines of the
// sample article, 15 µs a film of the 98 the mappers' patterns cost).
//
// The pattern's leftmost-first choices, in bytes: the opening run is
// every leading "=" (a shorter one leaves an "=" where [^=] must match);
// the title starts at the first character after the blank that follows
// it, or at the blank's last character when that character is an "=" or
// the end (\s* gives one back to [^=], which takes a blank, "\n" too);
// the lazy .*? ends the title where the longest blank-and-"=" tail of the
// line begins, past the title's first character, and never crosses a
// "\n" (nor does any shorter title: the match fails).
func wikiHeading(s string) (open int, title string, closing int, ok bool) {
	a := 0
	for a < len(s) && s[a] == '=' {
		a++
	}
	e := len(s)
	for e > a && s[e-1] == '=' {
		e--
	}
	if a == 0 || e == len(s) {
		return 0, "", 0, false
	}
	ws := e
	for ws > 0 && text.IsRegexpSpace(s[ws-1]) {
		ws--
	}
	w := 0
	for a+w < len(s) && text.IsRegexpSpace(s[a+w]) {
		w++
	}
	for j := w; j >= 0; j-- {
		pos := a + j
		if pos >= len(s) || s[pos] == '=' {
			continue
		}
		_, size := utf8.DecodeRuneInString(s[pos:])
		from := pos + size
		q := max(ws, from)
		if strings.IndexByte(s[from:q], '\n') >= 0 {
			// A longer title holds the "\n" too; so does one that
			// starts at an earlier blank.
			return 0, "", 0, false
		}
		return a, s[pos:q], len(s) - max(q, e), true
	}
	return 0, "", 0, false
}
