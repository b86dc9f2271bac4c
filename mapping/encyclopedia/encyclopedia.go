// Package encyclopedia reads an encyclopedia article about a film: the title
// and year from the heading ("= Illegal (2010 film) ="), every infobox field
// ("- Director: …"), the lead paragraph, the plot and the cast list
// ("- Anne Coesens as Tania").
//
// Call [Parse]. Infobox fields that schema.org has no term for (budget, box
// office) and fields this package does not know are kept in
// film.Film.Unmapped so that the caller can report them.
package encyclopedia

import (
	"fmt"
	"io"
	"regexp"
	"strings"

	"github.com/film2ld/film2ld/mapping/film"
	"github.com/film2ld/film2ld/mapping/internal/text"
)

var (
	headingRe = regexp.MustCompile(`^=\s*([^=].*?)\s*=$`)
	sectionRe = regexp.MustCompile(`^==+\s*(.+?)\s*==+$`)
	// "Illegal (2010 film)", "Les Nuits blanches (2015 French film)".
	disambigRe = regexp.MustCompile(`^(.+?)\s*\((?:(\d{4})\s+)?(?:[^()]*\s)?film\)$`)
	fieldRe    = regexp.MustCompile(`^-\s*([^:]{1,40}?)\s*:\s*(.*)$`)
	castRe     = regexp.MustCompile(`^-\s*(.+?)(?:\s+as\s+(.+))?$`)
	// The lead's first sentence: "Illegal (Illégal) is a 2010 Belgian …".
	leadTitleRe = regexp.MustCompile(`^(.+?)\s*\(([^)]+)\)\s+is an?\s`)
	leadYearRe  = regexp.MustCompile(`\bis an?\s+(\d{4})\b`)
	// One release: "12 May 2015 (Cannes)", "May 12, 2015", "2015-05-12".
	releaseRe = regexp.MustCompile(`(\d{1,2} [A-Z][a-z]+\.? \d{4}|[A-Z][a-z]+\.? \d{1,2}, \d{4}|\d{4}-\d{2}-\d{2})(?:\s*\(([^)]+)\))?`)
	basedOnRe = regexp.MustCompile(`^(.+?)\s+by\s+(.+)$`)
)

// Signals reports how strongly a document looks like an encyclopedia
// article: a title heading, section headings and infobox fields.
func Signals(lines []string) int {
	n := 0
	for _, l := range lines {
		if !strings.Contains(l, "=") {
			continue // headings only; most lines are prose
		}
		l = text.Clean(l)
		switch {
		case headingRe.MatchString(l) && !strings.HasPrefix(l, "=="):
			n += 2
		case sectionRe.MatchString(l):
			n++
		}
	}
	return n
}

type parser struct {
	src     *film.Source
	section string
	// paragraph collects the lines of the paragraph being read.
	paragraph []string
	paraLine  int
	lead      []film.Text
	plot      []film.Text
	// inInfobox is true from the first "- Key: value" line before any section.
	inInfobox bool
	caption   film.Text
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
	first := true
	for i, raw := range doc.Lines {
		n, l := i+1, text.Clean(raw)
		if first {
			if l == "" {
				continue
			}
			first = false
			if err := p.heading(l); err != nil {
				return nil, &film.Error{Name: name, Line: n, Err: err}
			}
			p.src.Film.Title.Line = n
			continue
		}
		if err := p.line(n, l); err != nil {
			return nil, &film.Error{Name: name, Line: n, Err: err}
		}
	}
	p.endParagraph()
	p.finish()
	return p.src, nil
}

func (p *parser) heading(l string) error {
	m := headingRe.FindStringSubmatch(l)
	if m == nil || strings.HasPrefix(l, "==") {
		return fmt.Errorf("expected the article's title heading (\"= Title =\"), found %q", text.Short(l))
	}
	f := &p.src.Film
	title := m[1]
	if d := disambigRe.FindStringSubmatch(title); d != nil {
		title = d[1]
		if d[2] != "" {
			y, _ := text.ParseYear(d[2])
			f.Year = film.Number{Value: float64(y), Set: true}
		}
	}
	f.Title = film.Text{Value: title}
	return nil
}

func (p *parser) line(n int, l string) error {
	if m := sectionRe.FindStringSubmatch(l); m != nil {
		p.endParagraph()
		p.section = strings.ToLower(m[1])
		p.inInfobox = false
		return nil
	}
	switch p.section {
	case "":
		// An infobox field is a "- Key: value" line whose key film infoboxes
		// use; once in the infobox, any key is a field (and reported if
		// unknown), but a list in the lead is not taken for one.
		if m := fieldRe.FindStringSubmatch(l); m != nil && (p.inInfobox || isInfoboxKey(m[1])) {
			if !p.inInfobox && len(p.paragraph) == 1 {
				// The line just above the infobox is its caption.
				p.caption = film.Text{Value: p.paragraph[0], Line: p.paraLine}
				p.paragraph = nil
			}
			p.inInfobox = true
			return p.field(n, m[1], m[2])
		}
		p.inInfobox = false
		p.text(n, l)
	case "plot", "synopsis", "plot summary", "premise":
		p.text(n, l)
	case "cast":
		if l == "" {
			return nil
		}
		m := castRe.FindStringSubmatch(l)
		if m == nil {
			p.note(n, "cast line not recognised; left out: %q", text.Short(l))
			return nil
		}
		p.src.Film.Cast = append(p.src.Film.Cast, film.CastMember{
			Actor: film.Text{Value: m[1], Line: n}, Character: m[2]})
	case "see also", "references", "external links", "further reading":
		// Navigation, not facts about the film.
	default:
		if l != "" {
			p.note(n, "section %q is not mapped; its text is left out", p.section)
			p.section = "(ignored) " + p.section
		}
	}
	return nil
}

// text adds a line to the current paragraph; a blank line ends it.
func (p *parser) text(n int, l string) {
	if l == "" {
		p.endParagraph()
		return
	}
	if len(p.paragraph) == 0 {
		p.paraLine = n
	}
	p.paragraph = append(p.paragraph, l)
}

func (p *parser) endParagraph() {
	if len(p.paragraph) == 0 {
		return
	}
	t := film.Text{Value: strings.Join(p.paragraph, " "), Line: p.paraLine}
	p.paragraph = nil
	if p.section == "" {
		p.lead = append(p.lead, t)
	} else {
		p.plot = append(p.plot, t)
	}
}

// finish turns the lead and plot paragraphs into facts.
func (p *parser) finish() {
	f := &p.src.Film
	if p.caption.Value != "" && p.caption.Value != f.Title.Value {
		f.OtherTitles = append(f.OtherTitles, p.caption)
	}
	if len(p.lead) > 0 {
		f.Abstract = joinParagraphs(p.lead)
		first := p.lead[0]
		if m := leadTitleRe.FindStringSubmatch(first.Value); m != nil && m[1] == f.Title.Value {
			alt := m[2]
			// "(French: Illégal)" names the language first.
			if i := strings.Index(alt, ":"); i >= 0 {
				alt = strings.TrimSpace(alt[i+1:])
			}
			if alt != f.Title.Value && !hasTitle(f.OtherTitles, alt) {
				f.OtherTitles = append(f.OtherTitles, film.Text{Value: alt, Line: first.Line})
			}
		}
		if !f.Year.Set {
			if m := leadYearRe.FindStringSubmatch(first.Value); m != nil {
				if y, ok := text.ParseYear(m[1]); ok {
					f.Year = film.Number{Value: float64(y), Set: true, Line: first.Line}
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

// credit is how an infobox label maps to a credit.
type credit struct {
	role     film.Role
	roleName string
	org      bool
}

// credits maps lowercased infobox labels, as film infoboxes write them, to
// credits. Labels are matched with and without a trailing " by".
var credits = map[string]credit{
	"director": {role: film.Director}, "directors": {role: film.Director}, "directed": {role: film.Director},
	"producer": {role: film.Producer}, "producers": {role: film.Producer}, "produced": {role: film.Producer},
	"writer": {role: film.Author}, "writers": {role: film.Author}, "written": {role: film.Author},
	"screenplay": {role: film.Author}, "teleplay": {role: film.Author},
	"story": {role: film.Author, roleName: "Story"},
	"music": {role: film.Composer}, "composer": {role: film.Composer}, "composers": {role: film.Composer},
	"cinematography": {role: film.Contributor, roleName: "Cinematography"},
	"editing":        {role: film.Contributor, roleName: "Editing"}, "edited": {role: film.Contributor, roleName: "Editing"},
	"editor": {role: film.Contributor, roleName: "Editing"}, "editors": {role: film.Contributor, roleName: "Editing"},
	"narrated": {role: film.Contributor, roleName: "Narration"}, "narrator": {role: film.Contributor, roleName: "Narration"},
	"production company":   {role: film.ProductionCompany, org: true},
	"production companies": {role: film.ProductionCompany, org: true},
	"studio":               {role: film.ProductionCompany, org: true}, "studios": {role: film.ProductionCompany, org: true},
	"distributed": {role: film.Contributor, roleName: "Distribution", org: true},
	"distributor": {role: film.Contributor, roleName: "Distribution", org: true},
}

// isInfoboxKey reports whether a label is one film infoboxes use.
func isInfoboxKey(label string) bool {
	key := strings.TrimSuffix(strings.ToLower(label), " by")
	if _, ok := credits[key]; ok {
		return true
	}
	switch key {
	case "starring", "cast", "running time", "runtime", "country", "countries", "language",
		"languages", "release date", "release dates", "released", "based on":
		return true
	}
	return unmapped[key]
}

// unmapped are infobox fields schema.org 30.0 has no Movie property for.
var unmapped = map[string]bool{"budget": true, "box office": true}

func (p *parser) field(n int, label, value string) error {
	f := &p.src.Film
	key := strings.TrimSuffix(strings.ToLower(label), " by")
	if value == "" {
		p.note(n, "infobox field %q has no value", label)
		return nil
	}
	if c, ok := credits[key]; ok {
		f.Credits = append(f.Credits, text.Credits(c.role, c.roleName, c.org, value, n)...)
		return nil
	}
	switch key {
	case "starring", "cast":
		for _, name := range text.SplitNames(value) {
			f.Cast = append(f.Cast, film.CastMember{Actor: film.Text{Value: name, Line: n}})
		}
	case "running time", "runtime":
		min, ok := text.ParseMinutes(value)
		if !ok {
			return fmt.Errorf("%s: %q is not a running time", label, value)
		}
		f.Runtime = film.Number{Value: float64(min), Set: true, Line: n}
	case "country", "countries":
		for _, c := range text.SplitList(value) {
			f.Countries = append(f.Countries, film.Text{Value: c, Line: n})
		}
	case "language", "languages":
		for _, l := range text.SplitList(value) {
			f.Languages = append(f.Languages, film.Text{Value: l, Line: n})
		}
	case "release date", "release dates", "released":
		return p.releases(n, label, value)
	case "based on":
		for _, w := range strings.Split(value, ";") {
			w = strings.TrimSpace(w)
			work := film.Work{Name: film.Text{Value: w, Line: n}}
			if m := basedOnRe.FindStringSubmatch(w); m != nil {
				work = film.Work{Name: film.Text{Value: m[1], Line: n}, Author: m[2]}
			}
			f.BasedOn = append(f.BasedOn, work)
		}
	default:
		f.Unmapped = append(f.Unmapped, film.Field{Label: label, Text: film.Text{Value: value, Line: n}})
		if !unmapped[key] {
			p.note(n, "infobox field %q is not known to film2ld; left out", label)
		}
	}
	return nil
}

// releases reads "12 May 2015 (Cannes), 3 June 2015 (France)". Dates are
// found rather than split on commas because "May 12, 2015" holds one.
func (p *parser) releases(n int, label, value string) error {
	found := releaseRe.FindAllStringSubmatch(value, -1)
	if found == nil {
		return fmt.Errorf("%s: no date in %q", label, value)
	}
	for _, m := range found {
		date, err := text.ParseDate(m[1])
		if err != nil {
			return fmt.Errorf("%s: %w", label, err)
		}
		p.src.Film.Releases = append(p.src.Film.Releases, film.Release{Date: film.Text{Value: date, Line: n}, Place: m[2]})
	}
	return nil
}
