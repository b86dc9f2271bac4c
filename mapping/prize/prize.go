// Package prize reads a film prize's page about one film: the original and
// translated title ("Illégal (Illegal)"), the director, countries, running
// time and year, the synopsis, every crew line, the cast ("Name (Role)"), the
// producers and production companies, the world-sales contact, the trailer
// link, and the page's own URL and retrieval date.
//
// Call [Parse]. The page is a text dump of HTML: markdown link syntax,
// breadcrumbs and icon glyphs are noise and are removed before anything is
// read.
package prize

import (
	"fmt"
	"io"
	"regexp"
	"strings"

	"github.com/film2ld/film2ld/mapping/film"
	"github.com/film2ld/film2ld/mapping/internal/locale"
	"github.com/film2ld/film2ld/mapping/internal/text"
)

var (
	publishedRe  = regexp.MustCompile(`^Published on (.+?)\s*\((https?://[^)\s]+)\)$`)
	breadcrumbRe = regexp.MustCompile(`^Home\s*>`)
	titleRe      = regexp.MustCompile(`^(.+?)\s*\(([^()]+)\)$`)
	footnotesRe  = regexp.MustCompile(`^(?:\[\d+\]\s*)+$`)
	labelRe      = regexp.MustCompile(`^([A-Z][A-Za-z/ -]{1,30}?)\s*:\s*(.*)$`)
	sourceRe     = regexp.MustCompile(`^Source URL \(retrieved on ([^)]+)\):\s*(\S+)$`)
	// "Name (Role)"; the role may hold parentheses of its own.
	castItemRe = regexp.MustCompile(`^([^(]+?)\s*(?:\((.*)\))?$`)
	emailRe    = regexp.MustCompile(`[\w.+-]+@[\w-]+(?:\.[\w-]+)+`)
	webRe      = regexp.MustCompile(`(?:https?://|www\.)[^\s,]+`)
	phoneRe    = regexp.MustCompile(`(?i)\b(t[ée]l(?:[ée]phone)?|phone|fax)\.?\s*:?\s*(\+?\d[\d ()./-]{5,}\d)`)
	videoRe    = regexp.MustCompile(`(?i)/embed/|youtube\.com|youtu\.be|vimeo\.com|dailymotion\.com`)

	// Markdown a text dump of the page leaves behind.
	mdLinkRe   = regexp.MustCompile(`\[([^\]]*)\]\([^)]*\)`)
	mdEscapeRe = regexp.MustCompile(`\\([\\()\[\]*_#.!-])`)
	mdStrongRe = regexp.MustCompile(`\*+([^*]+)\*+`)
	mdURLRe    = regexp.MustCompile(`<((?:https?|mailto):[^>\s]+)>`)
)

// label is how a crew label maps to a credit.
type label struct {
	role     film.Role
	roleName string
	org      bool
	cast     bool
	sales    bool
}

// labels maps lowercased labels as prize pages write them.
var labels = map[string]label{
	"director": {role: film.Director}, "directors": {role: film.Director},
	"screenplay": {role: film.Author}, "script": {role: film.Author}, "writer": {role: film.Author},
	"writers": {role: film.Author}, "scriptwriter": {role: film.Author}, "scriptwriters": {role: film.Author},
	"producer": {role: film.Producer}, "producers": {role: film.Producer},
	"music": {role: film.Composer}, "original music": {role: film.Composer}, "composer": {role: film.Composer},
	"cinematography":          {role: film.Contributor, roleName: "Cinematography"},
	"director of photography": {role: film.Contributor, roleName: "Cinematography"},
	"editing":                 {role: film.Contributor, roleName: "Editing"}, "editor": {role: film.Contributor, roleName: "Editing"},
	"sound":               {role: film.Contributor, roleName: "Sound"},
	"art direction":       {role: film.Contributor, roleName: "Art direction"},
	"production design":   {role: film.Contributor, roleName: "Production design"},
	"set design":          {role: film.Contributor, roleName: "Set design"},
	"costumes":            {role: film.Contributor, roleName: "Costumes"},
	"costume design":      {role: film.Contributor, roleName: "Costumes"},
	"make-up":             {role: film.Contributor, roleName: "Make-up"},
	"production":          {role: film.ProductionCompany, org: true},
	"co-production":       {role: film.ProductionCompany, roleName: "Co-production", org: true},
	"coproduction":        {role: film.ProductionCompany, roleName: "Co-production", org: true},
	"cast":                {cast: true},
	"world sales":         {sales: true, org: true},
	"international sales": {sales: true, org: true},
}

// Signals reports how strongly a document looks like a prize page.
func Signals(lines []string) int {
	n := 0
	for _, l := range lines {
		if !strings.Contains(l, ":") && !strings.Contains(l, "Published on") {
			continue // every signal has a colon or is the "Published on" line
		}
		l = text.Clean(l)
		switch {
		case strings.HasPrefix(l, "Published on "), l == "Synopsis:", sourceRe.MatchString(l):
			n += 2
		case l == "Links:":
			n++
		default:
			if m := labelRe.FindStringSubmatch(l); m != nil {
				if lb, ok := labels[strings.ToLower(m[1])]; ok && (lb.cast || lb.sales) {
					n++
				}
			}
		}
	}
	return n
}

// paragraph is a run of non-blank lines; prize pages put one fact in each.
type paragraph struct {
	text string
	line int
}

type parser struct {
	src *film.Source
}

// Parse reads a prize page.
func Parse(r io.Reader, name string) (*film.Source, error) {
	return text.ReadWith(r, name, FromDoc)
}

// FromDoc reads a prize page already read into lines (package mapping
// reads each document once, to detect its kind and to map it).
func FromDoc(doc *text.Doc) (*film.Source, error) {
	name := doc.Name
	p := &parser{src: &film.Source{Name: name, Kind: film.Prize, Digest: doc.Digest, Notes: doc.Notes}}
	paras := paragraphs(doc.Lines)
	i, lerr := p.header(paras)
	if lerr == nil {
		lerr = p.body(paras[i:])
	}
	if lerr != nil {
		return nil, &film.Error{Name: name, Line: lerr.line, Err: lerr.err}
	}
	return p.src, nil
}

// lineError is an error at a line, before it is given the document's name.
type lineError struct {
	line int
	err  error
}

// paragraphs splits a page into paragraphs with markdown removed.
func paragraphs(lines []string) []paragraph {
	var out []paragraph
	var cur []string
	start := 0
	flush := func() {
		if len(cur) > 0 {
			out = append(out, paragraph{text: strings.Join(cur, " "), line: start})
			cur = nil
		}
	}
	for i, raw := range lines {
		l := text.Clean(unmarkdown(raw))
		if l == "" {
			flush()
			continue
		}
		if len(cur) == 0 {
			start = i + 1
		}
		cur = append(cur, l)
	}
	flush()
	return out
}

func unmarkdown(s string) string {
	s = mdLinkRe.ReplaceAllString(s, "$1")
	s = mdStrongRe.ReplaceAllString(s, "$1")
	s = mdURLRe.ReplaceAllString(s, "$1")
	return mdEscapeRe.ReplaceAllString(s, "$1")
}

// header reads everything up to the synopsis: site, breadcrumb, title,
// director, countries, running time and year. It returns the index of the
// first paragraph it did not read.
func (p *parser) header(paras []paragraph) (int, *lineError) {
	f := &p.src.Film
	i := 0
	// Icon glyphs and other noise stand above the "Published on" line.
	for j, para := range paras {
		if m := publishedRe.FindStringSubmatch(para.text); m != nil {
			p.src.Publisher = &film.Agent{Name: film.Text{Value: m[1], Line: para.line}, Organization: true, URL: m[2]}
			i = j + 1
			break
		}
	}
	for ; i < len(paras) && breadcrumbRe.MatchString(paras[i].text); i++ {
	}
	if i >= len(paras) {
		return 0, &lineError{err: fmt.Errorf("no film title found")}
	}
	title := paras[i]
	if isHeaderFact(title.text) || title.text == "Synopsis:" {
		return 0, &lineError{line: title.line, err: fmt.Errorf("expected the film's title, found %q", text.Short(title.text))}
	}
	if m := titleRe.FindStringSubmatch(title.text); m != nil {
		// "Illégal (Illegal)": the original title, then the translation.
		f.Title = film.Text{Value: m[2], Line: title.line}
		f.OtherTitles = append(f.OtherTitles, film.Text{Value: m[1], Line: title.line})
	} else {
		f.Title = film.Text{Value: title.text, Line: title.line}
	}
	for i++; i < len(paras); i++ {
		para := paras[i]
		t := para.text
		switch {
		case t == "Synopsis:":
			return i + 1, nil
		case footnotesRe.MatchString(t):
			// References to the links at the bottom (the trailer).
		case text.IsMinutes(t):
			min, _ := text.ParseMinutes(t)
			f.Runtime = film.Number{Value: float64(min), Set: true, Line: para.line}
		case isYear(t):
			y, _ := text.ParseYear(t)
			f.Year = film.Number{Value: float64(y), Set: true, Line: para.line}
		case isCountry(t):
			for _, c := range text.SplitList(t) {
				f.Countries = append(f.Countries, film.Text{Value: c, Line: para.line})
			}
		case labelRe.MatchString(t):
			// A page without a synopsis goes straight to its crew.
			return i, nil
		default:
			for _, name := range text.SplitNames(t) {
				f.Credits = append(f.Credits, film.Credit{Role: film.Director,
					Agent: film.Agent{Name: film.Text{Value: name, Line: para.line}}})
			}
		}
	}
	return i, nil
}

func isYear(s string) bool {
	_, ok := text.ParseYear(s)
	return ok
}

func isCountry(s string) bool {
	for _, c := range text.SplitList(s) {
		if _, ok := locale.Country(c); !ok {
			return false
		}
	}
	return true
}

func isHeaderFact(s string) bool {
	return text.IsMinutes(s) || isYear(s) || isCountry(s) || footnotesRe.MatchString(s)
}

// body reads the synopsis, the labelled crew lines and the footer.
func (p *parser) body(paras []paragraph) *lineError {
	f := &p.src.Film
	var synopsis []paragraph
	crew := false
	for i := 0; i < len(paras); i++ {
		para := paras[i]
		t := para.text
		if strings.Contains(t, "<http") && !strings.Contains(t[strings.LastIndex(t, "<http"):], ">") {
			// unmarkdown turns every complete <URL> into the URL; one left
			// open is a page that stops in the middle of a link.
			return &lineError{line: para.line, err: fmt.Errorf("%w: a link is not closed (%q)", text.ErrCutOff, text.Short(t))}
		}
		if m := sourceRe.FindStringSubmatch(t); m != nil {
			date, err := text.ParseDate(m[1])
			if err != nil {
				return &lineError{line: para.line, err: fmt.Errorf("retrieval date: %w", err)}
			}
			p.src.Retrieved = film.Text{Value: date, Line: para.line}
			p.src.URL = film.Text{Value: m[2], Line: para.line}
			continue
		}
		if t == "Links:" {
			p.links(paras[i+1:])
			break
		}
		m := labelRe.FindStringSubmatch(t)
		var lb label
		known := false
		if m != nil {
			lb, known = labels[strings.ToLower(m[1])]
		}
		if !crew && !known {
			synopsis = append(synopsis, para)
			continue
		}
		crew = true
		if m == nil {
			p.note(para.line, "line not recognised among the credits; left out: %q", text.Short(t))
			continue
		}
		value, line := m[2], para.line
		if value == "" && i+1 < len(paras) && !labelRe.MatchString(paras[i+1].text) {
			// "Editing:" with the name on the line after.
			i++
			value, line = paras[i].text, paras[i].line
		}
		if value == "" {
			p.note(para.line, "%q has no value", m[1])
			continue
		}
		if !known {
			lb = label{role: film.Contributor, roleName: m[1]}
			p.note(para.line, "credit %q is not a known crew role; kept as a contributor with that role name", m[1])
		}
		p.credit(lb, value, line)
	}
	if len(synopsis) > 0 {
		vals := make([]string, len(synopsis))
		for j, s := range synopsis {
			vals[j] = s.text
		}
		f.Descriptions = append(f.Descriptions, film.Text{Value: strings.Join(vals, "\n\n"), Line: synopsis[0].line})
	}
	return nil
}

func (p *parser) credit(lb label, value string, line int) {
	f := &p.src.Film
	switch {
	case lb.cast:
		for _, item := range splitOutsideParens(value) {
			m := castItemRe.FindStringSubmatch(item)
			if m == nil || strings.TrimSpace(m[1]) == "" {
				// "(Tania)" with no actor, or a stray parenthesis.
				p.note(line, "cast entry without an actor's name; left out: %q", text.Short(item))
				continue
			}
			f.Cast = append(f.Cast, film.CastMember{Actor: film.Text{Value: m[1], Line: line}, Character: strings.TrimSpace(m[2])})
		}
	case lb.sales:
		agent := salesContact(value)
		agent.Name.Line = line
		f.Credits = append(f.Credits, film.Credit{Role: film.Contributor, RoleName: "World sales", Agent: agent})
	default:
		f.Credits = append(f.Credits, text.Credits(lb.role, lb.roleName, lb.org, value, line)...)
	}
}

// splitOutsideParens splits a cast list on the commas that are not inside a
// character's parentheses ("Olga (Zina, the friend)").
func splitOutsideParens(s string) []string {
	var out []string
	depth, start := 0, 0
	for i, r := range s {
		switch r {
		case '(':
			depth++
		case ')':
			if depth > 0 {
				depth--
			}
		case ',':
			if depth == 0 {
				out = append(out, strings.TrimSpace(s[start:i]))
				start = i + 1
			}
		}
	}
	out = append(out, strings.TrimSpace(s[start:]))
	return out
}

// salesContact reads "Films distribution 34 rue du Louvre, 75001 Paris,
// France Tél : +33 … Fax : +33 … info@… www.…". The name is what stands
// before the first word that starts with a digit (the street number);
// pages that write the street before its number keep it in the name.
func salesContact(s string) film.Agent {
	c := &film.Contact{}
	for _, m := range phoneRe.FindAllStringSubmatch(s, -1) {
		if strings.EqualFold(m[1], "fax") {
			c.Fax = m[2]
		} else {
			c.Telephone = m[2]
		}
	}
	s = phoneRe.ReplaceAllString(s, " ")
	c.Email = emailRe.FindString(s)
	s = emailRe.ReplaceAllString(s, " ")
	if web := webRe.FindString(s); web != "" {
		c.URL = web
		if !strings.Contains(web, "://") {
			// A bare host name is a web site; the scheme is only what an IRI
			// needs to be one.
			c.URL = "http://" + web
		}
	}
	s = text.Clean(webRe.ReplaceAllString(s, " "))
	name := s
	words := strings.Fields(s)
	for i, w := range words {
		if i > 0 && w[0] >= '0' && w[0] <= '9' {
			name = strings.Join(words[:i], " ")
			c.Address = strings.TrimSuffix(strings.Join(words[i:], " "), ",")
			break
		}
	}
	return film.Agent{Name: film.Text{Value: strings.TrimSuffix(name, ",")}, Organization: true, Contact: c}
}

// links reads the page's link list; the video embed among them is the
// trailer.
func (p *parser) links(paras []paragraph) {
	for _, para := range paras {
		t := para.text
		if footnotesRe.MatchString(t) {
			continue
		}
		if strings.HasPrefix(t, "http://") || strings.HasPrefix(t, "https://") {
			if videoRe.MatchString(t) && p.src.Film.Trailer.Value == "" {
				p.src.Film.Trailer = film.Text{Value: t, Line: para.line}
				continue
			}
		}
		p.note(para.line, "link not mapped; left out: %q", text.Short(t))
	}
}

func (p *parser) note(line int, format string, args ...any) {
	p.src.Notes = append(p.src.Notes, film.Note{Line: line, Message: fmt.Sprintf(format, args...)})
}
