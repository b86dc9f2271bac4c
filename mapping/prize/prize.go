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
	"github.com/film2ld/film2ld/ld/diag"
	"io"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/film2ld/film2ld/mapping/film"
	"github.com/film2ld/film2ld/mapping/internal/cast"
	"github.com/film2ld/film2ld/mapping/internal/jobs"
	"github.com/film2ld/film2ld/mapping/internal/locale"
	"github.com/film2ld/film2ld/mapping/internal/text"

	"github.com/film2ld/film2ld/mapping/internal/lazyre"
)

// The patterns a prize page meets most are scans of bytes (scan.go): a
// labelled telephone or fax number (phoneMatches); an e-mail or web
// address with the label before it ("Courriel : …", "Web: …", which,
// left behind, ended the postal address; audit 17: emailScan, webScan);
// a contact's label whose value is not there, or is not one those read
// ("Fax :" and nothing after it: contactLabelMatches); a label of up to
// four words after a separator in a sales line (officeLabelMatches); the
// Markdown a text dump of the page leaves behind (unmarkdown).

var (
	// crumbTrailRe is a breadcrumb as the page's dump writes it: links
	// separated by ">" (or "›", "»"), whatever words the links hold
	// ("[Accueil](#) > [La Digue](#)"): a trail of the site's own
	// language was the film's title (audit 15).
	crumbTrailRe = lazyre.New(`^\[[^\]]*\]\([^)]*\)(?:\s*\\?[>›»]\s*\[[^\]]*\]\([^)]*\))+$`)
	// crumbSepRe separates a breadcrumb's steps once its links are text.
	crumbSepRe = lazyre.New(`\s+\\?[>›»]\s+`)
	titleRe    = lazyre.New(`^(.+?)\s*\(([^()]+)\)$`)
	// A crew label: "Screenplay:", "Producer(s):", "D.O.P.:", "Réalisateur :".
	// barePhoneRe is an international number with no label ("…, Germany,
	// +49 30 555 0100"): no postal code starts with "+".
	barePhoneRe = lazyre.New(`(?:^|[\s,;:(])(\+\d[\d ()./-]{5,}\d)`)
	// videoRe is a link to a video host or an embedded player.
	videoRe = lazyre.New(`(?i)/embed/|youtube\.com|youtu\.be|vimeo\.com|dailymotion\.com`)
)

// label is how a crew label maps to a credit.
type label struct {
	role     film.Role
	roleName string
	org      bool
	cast     bool
	sales    bool
	// castRole is a role name every actor the label lists gets ("voice").
	castRole string
	// writer says a director's label credits the writing too ("Scénario
	// et réalisation").
	writer bool
	// fact, when set, says the label is not a credit but a fact about the
	// film that some pages write as a label line (see facts).
	fact fact
}

// fact is a film fact a prize page may write as "Label: value".
type fact int

const (
	noFact fact = iota
	factCountries
	factRuntime
	factYear
	factLanguages
	factGenres
	// factSynopsis starts the synopsis: the paragraphs up to the next label.
	factSynopsis
	// factSkip is a label film2ld does not map ("Format", "Premiere"): it is
	// reported, and its value is never taken for a person.
	factSkip
)

func crew(role film.Role, roleName string) label { return label{role: role, roleName: roleName} }

// labels maps crew labels, as labelKey normalises them, to credits. Prize
// pages name one role in several ways ("Director", "Directed by",
// "Réalisateur"; "DoP", "Cinematography", "Photography"), in English and
// in the festival's language; a new variant is one line here and a row in
// TestLabels. Built on first use, as commonEnglish is: a package-level
// map is built at every start, also by a command that reads no film
// document (validate of a page's markup).
var labels = sync.OnceValue(func() map[string]label {
	m := map[string]label{}
	for key, lb := range labelTable() {
		m[labelKey(key)] = lb
	}
	// The phrases that introduce a director, as labels ("Regie von:",
	// "Written and directed by:"): one table for both (directorPhrases).
	// Its label words are the table's already, or labels it joins
	// ("Buch und Regie", see joinedLabels).
	for _, ph := range directorPhrases {
		key := labelKey(ph.words)
		if _, known := m[key]; !known && !ph.label && ph.words != "by" {
			m[key] = label{role: film.Director, writer: ph.writer}
		}
	}
	return m
})

// labelTable is labels as written, accents and all ("réalisateur");
// labels keys each as labelKey reads a page's label, without its
// accents, so that "Musica" finds "música" and "Realisateur"
// "réalisateur".
func labelTable() map[string]label {
	org := func(roleName string) label { return label{role: film.ProductionCompany, roleName: roleName, org: true} }
	actors := label{cast: true}
	world := label{sales: true, org: true}
	return map[string]label{
		"director": crew(film.Director, ""), "directors": crew(film.Director, ""), "directed by": crew(film.Director, ""),
		"réalisateur": crew(film.Director, ""), "réalisatrice": crew(film.Director, ""), "réalisation": crew(film.Director, ""),
		"regie": crew(film.Director, ""), "regia": crew(film.Director, ""), "dirección": crew(film.Director, ""),
		"screenplay": crew(film.Author, ""), "script": crew(film.Author, ""), "writer": crew(film.Author, ""),
		"writers": crew(film.Author, ""), "scriptwriter": crew(film.Author, ""), "scriptwriters": crew(film.Author, ""),
		"screenwriter": crew(film.Author, ""), "screenwriters": crew(film.Author, ""), "written by": crew(film.Author, ""),
		"screenplay by": crew(film.Author, ""), "scénario": crew(film.Author, ""), "drehbuch": crew(film.Author, ""),
		"sceneggiatura": crew(film.Author, ""), "guion": crew(film.Author, ""),
		"producer": crew(film.Producer, ""), "producers": crew(film.Producer, ""), "produced by": crew(film.Producer, ""),
		"producteur": crew(film.Producer, ""), "productrice": crew(film.Producer, ""), "producteurs": crew(film.Producer, ""),
		"music": crew(film.Composer, ""), "original music": crew(film.Composer, ""), "composer": crew(film.Composer, ""),
		"music by": crew(film.Composer, ""), "original score": crew(film.Composer, ""), "musique": crew(film.Composer, ""),
		"cinematography": crew(film.Contributor, "Cinematography"), "director of photography": crew(film.Contributor, "Cinematography"),
		"dop": crew(film.Contributor, "Cinematography"), "d.o.p.": crew(film.Contributor, "Cinematography"),
		"photography": crew(film.Contributor, "Cinematography"), "camera": crew(film.Contributor, "Cinematography"),
		"image": crew(film.Contributor, "Cinematography"), "kamera": crew(film.Contributor, "Cinematography"),
		"editing": crew(film.Contributor, "Editing"), "editor": crew(film.Contributor, "Editing"),
		"edited by": crew(film.Contributor, "Editing"), "film editing": crew(film.Contributor, "Editing"),
		"montage": crew(film.Contributor, "Editing"), "schnitt": crew(film.Contributor, "Editing"),
		"narrator": crew(film.Contributor, "Narration"), "narration": crew(film.Contributor, "Narration"),
		"production":           {role: film.ProductionCompany, org: true},
		"production company":   {role: film.ProductionCompany, org: true},
		"production companies": {role: film.ProductionCompany, org: true},
		"co-production":        {role: film.ProductionCompany, roleName: "Co-production", org: true},
		"coproduction":         {role: film.ProductionCompany, roleName: "Co-production", org: true},
		"co-producers":         {role: film.ProductionCompany, roleName: "Co-production", org: true},
		"cast":                 {cast: true}, "with": {cast: true}, "starring": {cast: true}, "actors": {cast: true},
		"avec": {cast: true}, "interprètes": {cast: true}, "interprétation": {cast: true}, "mit": {cast: true},
		"voices": {cast: true, castRole: "voice"}, "voice cast": {cast: true, castRole: "voice"},
		"country": {fact: factCountries}, "countries": {fact: factCountries}, "country of production": {fact: factCountries},
		"running time": {fact: factRuntime}, "runtime": {fact: factRuntime}, "duration": {fact: factRuntime},
		"length": {fact: factRuntime}, "durée": {fact: factRuntime},
		"year": {fact: factYear}, "production year": {fact: factYear}, "year of production": {fact: factYear},
		"language": {fact: factLanguages}, "languages": {fact: factLanguages}, "original language": {fact: factLanguages},
		"synopsis": {fact: factSynopsis}, "summary": {fact: factSynopsis},
		"genre": {fact: factGenres}, "genres": {fact: factGenres}, "format": {fact: factSkip}, "premiere": {fact: factSkip}, "festival": {fact: factSkip},
		"festivals": {fact: factSkip}, "awards": {fact: factSkip}, "website": {fact: factSkip}, "budget": {fact: factSkip},
		"contact": {fact: factSkip}, "press": {fact: factSkip}, "rating": {fact: factSkip},
		// An anthology's parts (an unknown label's values were crew
		// members named after the segments' titles).
		"segments": {fact: factSkip}, "segment": {fact: factSkip}, "episodes": {fact: factSkip}, "episode": {fact: factSkip},
		"sketches": {fact: factSkip}, "segmente": {fact: factSkip}, "episoden": {fact: factSkip}, "episodi": {fact: factSkip},
		"segmenti": {fact: factSkip}, "episodios": {fact: factSkip}, "segmentos": {fact: factSkip},
		// Companies, as the encyclopedia's "Distributed by" is (an
		// unknown label's value was a crew member: a Person).
		"distribution": {role: film.Contributor, roleName: "Distribution", org: true}, "distributor": {role: film.Contributor, roleName: "Distribution", org: true},
		"distributors": {role: film.Contributor, roleName: "Distribution", org: true}, "distributed by": {role: film.Contributor, roleName: "Distribution", org: true},
		"world sales":         {sales: true, org: true},
		"international sales": {sales: true, org: true},
		"sales":               {sales: true, org: true},

		// The site's pages in German, Spanish, Italian and French, each
		// label read as its English counterpart is (audit 15: each was
		// an unknown role, the cast lost and the companies Persons).
		// German.
		"regisseur": crew(film.Director, ""), "regisseurin": crew(film.Director, ""),
		"buch": crew(film.Author, ""), "drehbuchautor": crew(film.Author, ""), "drehbuchautorin": crew(film.Author, ""),
		"bildgestaltung": crew(film.Contributor, "Cinematography"), "kameramann": crew(film.Contributor, "Cinematography"),
		"kamerafrau": crew(film.Contributor, "Cinematography"),
		"musik":      crew(film.Composer, ""), "filmmusik": crew(film.Composer, ""), "originalmusik": crew(film.Composer, ""),
		"komponist": crew(film.Composer, ""), "komponistin": crew(film.Composer, ""),
		"darsteller": actors, "darstellerin": actors, "darstellerinnen": actors, "besetzung": actors,
		"schauspieler": actors, "mitwirkende": actors,
		"produzent": crew(film.Producer, ""), "produzentin": crew(film.Producer, ""), "produzenten": crew(film.Producer, ""),
		"produzentinnen": crew(film.Producer, ""),
		"produktion":     org(""), "produktionsfirma": org(""), "produktionsfirmen": org(""),
		"koproduktion": org("Co-production"), "ko-produktion": org("Co-production"),
		"weltvertrieb": world, "internationaler vertrieb": world, "vertrieb": world,
		"verleih": {role: film.Contributor, roleName: "Distribution", org: true},
		"inhalt":  {fact: factSynopsis}, "handlung": {fact: factSynopsis}, "kurzinhalt": {fact: factSynopsis},
		"zusammenfassung": {fact: factSynopsis},
		"land":            {fact: factCountries}, "länder": {fact: factCountries}, "produktionsland": {fact: factCountries},
		"produktionsländer": {fact: factCountries},
		"laufzeit":          {fact: factRuntime}, "länge": {fact: factRuntime}, "dauer": {fact: factRuntime}, "spieldauer": {fact: factRuntime},
		"jahr": {fact: factYear}, "produktionsjahr": {fact: factYear},
		"sprache": {fact: factLanguages}, "sprachen": {fact: factLanguages}, "originalsprache": {fact: factLanguages},
		// Spanish.
		"directora": crew(film.Director, ""), "directores": crew(film.Director, ""),
		"dirigida por": crew(film.Director, ""),
		"guión":        crew(film.Author, ""), "guionista": crew(film.Author, ""), "guionistas": crew(film.Author, ""),
		"fotografía": crew(film.Contributor, "Cinematography"), "director de fotografía": crew(film.Contributor, "Cinematography"),
		"dirección de fotografía": crew(film.Contributor, "Cinematography"),
		"montaje":                 crew(film.Contributor, "Editing"), "edición": crew(film.Contributor, "Editing"),
		"música": crew(film.Composer, ""), "música original": crew(film.Composer, ""), "banda sonora": crew(film.Composer, ""),
		"con": actors, "reparto": actors, "intérpretes": actors, "elenco": actors, "protagonistas": actors,
		"productor": crew(film.Producer, ""), "productora": crew(film.Producer, ""), "productores": crew(film.Producer, ""),
		"producción": org(""), "coproducción": org("Co-production"), "co-producción": org("Co-production"),
		"ventas internacionales": world, "ventas": world,
		"distribución": {role: film.Contributor, roleName: "Distribution", org: true},
		"sinopsis":     {fact: factSynopsis}, "resumen": {fact: factSynopsis},
		"país": {fact: factCountries}, "países": {fact: factCountries}, "duración": {fact: factRuntime},
		"año": {fact: factYear}, "idioma": {fact: factLanguages}, "idiomas": {fact: factLanguages}, "género": {fact: factGenres},
		// Italian.
		"regista": crew(film.Director, ""), "soggetto": crew(film.Author, ""), "sceneggiatori": crew(film.Author, ""),
		"sceneggiatore": crew(film.Author, ""), "sceneggiatrice": crew(film.Author, ""),
		"direttore della fotografia": crew(film.Contributor, "Cinematography"),
		"montaggio":                  crew(film.Contributor, "Editing"),
		"musica":                     crew(film.Composer, ""), "musiche": crew(film.Composer, ""), "musiche originali": crew(film.Composer, ""),
		"interpreti": actors, "attori": actors, "con la partecipazione di": actors,
		"produttore": crew(film.Producer, ""), "produttori": crew(film.Producer, ""), "produttrice": crew(film.Producer, ""),
		"produzione": org(""), "coproduzione": org("Co-production"), "co-produzione": org("Co-production"),
		"vendite internazionali": world, "vendite estere": world, "vendite": world,
		"distribuzione": {role: film.Contributor, roleName: "Distribution", org: true},
		"sinossi":       {fact: factSynopsis}, "trama": {fact: factSynopsis},
		"paese": {fact: factCountries}, "paesi": {fact: factCountries}, "durata": {fact: factRuntime},
		"anno": {fact: factYear}, "lingua": {fact: factLanguages}, "lingue": {fact: factLanguages}, "genere": {fact: factGenres},
		// French, beside the labels above.
		"réalisateurs": crew(film.Director, ""), "réalisatrices": crew(film.Director, ""), "réalisé par": crew(film.Director, ""),
		"scénariste": crew(film.Author, ""), "scénaristes": crew(film.Author, ""),
		"photographie": crew(film.Contributor, "Cinematography"), "directeur de la photographie": crew(film.Contributor, "Cinematography"),
		"directrice de la photographie": crew(film.Contributor, "Cinematography"), "chef opérateur": crew(film.Contributor, "Cinematography"),
		"musique originale": crew(film.Composer, ""), "compositeur": crew(film.Composer, ""), "compositrice": crew(film.Composer, ""),
		"productrices":           crew(film.Producer, ""),
		"sociétés de production": org(""), "société de production": org(""),
		"ventes internationales": world, "ventes": world, "vendeur international": world,
		"distributeur": {role: film.Contributor, roleName: "Distribution", org: true},
		"résumé":       {fact: factSynopsis},
		"pays":         {fact: factCountries}, "année": {fact: factYear}, "langue": {fact: factLanguages}, "langues": {fact: factLanguages},
	}
}

// labelKey normalises a crew label: lower case, single spaces, no "(s)"
// plural mark ("Producer(s)") and no bracketed remark.
func labelKey(s string) string {
	s = strings.ToLower(text.Clean(s))
	// Pages write labels with and without accents ("Música",
	// "Musica"), and a label is a word of a few languages, not a name two
	// people could share.
	s = locale.StripAccents(s)
	s = strings.ReplaceAll(s, "(s)", "")
	// "Cast (in order of appearance)", "Music (original)".
	return text.Clean(dropLabelNotes(s))
}

// dropLabelNotes returns s without its bracketed remarks: each "(" whose
// next bracket closes it, through that ")", as the pattern `\([^()]*\)`
// replaced by "" removes them (TestDropLabelNotesAsPattern,
// FuzzDropLabelNotes). labelKey runs on every label a prize page is asked
// about (339 times for the sample page).
func dropLabelNotes(s string) string {
	var b []byte
	last := 0
	for i := 0; ; {
		open := strings.IndexByte(s[i:], '(')
		if open < 0 {
			break
		}
		open += i
		next := strings.IndexAny(s[open+1:], "()")
		if next < 0 {
			break // no bracket after it: no "(" to try either
		}
		next += open + 1
		if s[next] == '(' {
			i = next
			continue
		}
		b = append(b, s[last:open]...)
		last, i = next+1, next+1
	}
	if b == nil && last == 0 {
		return s
	}
	return string(append(b, s[last:]...))
}

// lookup returns how a label is read.
func lookup(s string) (label, bool) {
	// A short label of ASCII letters with no bracket ("Screenplay",
	// "Art direction"), most of a page's, has for its key its lower
	// case: folded on the stack, it is looked up without labelKey's
	// copies. The key of any other, and of one not in the table, is
	// labelKey's.
	if c := text.Clean(s); len(c) <= maxPlainLabel && isASCII(c) && strings.IndexByte(c, '(') < 0 {
		var buf [maxPlainLabel]byte
		b := buf[:copy(buf[:], c)]
		for i, ch := range b {
			if 'A' <= ch && ch <= 'Z' {
				b[i] = ch + 'a' - 'A'
			}
		}
		if lb, ok := labels()[string(b)]; ok {
			return lb, true
		}
	}
	key := labelKey(s)
	lb, ok := labels()[key]
	if !ok {
		// A crew job with no property of its own ("Gaffer", "Étalonnage"):
		// the table both mappers share.
		if roleName, job := jobs.Lookup(key); job {
			return label{role: film.Contributor, roleName: roleName}, true
		}
	}
	if !ok && juryRe.MatchString(key) {
		// "Jury", "Jury president", "Members of the jury": the people
		// who judged the film, not its crew; an unknown label is kept as
		// a crew credit, which would say they made it.
		return label{fact: factSkip}, true
	}
	return lb, ok
}

// maxPlainLabel is the longest label lookup folds on the stack; the
// table's longest is 29 bytes.
const maxPlainLabel = 48

// juryRe is a label that names a prize's judges, in the languages of
// the other labels.
var juryRe = lazyre.New(`\b(?:jur(?:y|ies|ors?|ies|ados?|ée?s?|ado)|giuria|jury-?mitglieder|selection committee)\b`)

// Signals reports how strongly a document looks like a prize page.
func Signals(lines []string) int {
	n := 0
	for _, l := range lines {
		if !strings.Contains(l, ":") && !strings.Contains(l, "Published on") && !strings.Contains(l, "(<http") {
			continue // every signal has a colon or is the "Published on" line
		}
		l = text.Clean(l)
		switch {
		case strings.HasPrefix(l, "Published on "), l == "Synopsis:", isSourceLine(l),
			strings.Contains(l, "(<http") && isPublishedLine(unmarkdown(l)):
			n += 2
		case l == "Links:":
			n++
		default:
			if m := labelLine(l); m != nil {
				if lb, ok := lookup(m[1]); ok && (lb.cast || lb.sales) {
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
	// lines are the paragraph's lines, cleaned; text joins them.
	lines []string
	// crumb is set when every line of the paragraph is a trail of links
	// separated by ">": the page's breadcrumb.
	crumb bool
	// furniture is set when the paragraph is the site's furniture (a
	// cookie banner, a menu, "Share this page"): it is left out.
	furniture bool
	// label is set when the paragraph's first line is a "Label: value"
	// line, which body may read as one credit or more.
	label bool
	// raw is the paragraph's first line as written.
	raw string
}

type parser struct {
	src *film.Source
	// left counts the lines of the current part of the page that are left
	// out, reported once per part.
	left text.Tally
	// furniture counts the site's furniture left out after the title
	// (a menu, "Share this page").
	furniture text.Tally
	// cast adds the parts, once each; credits the credits.
	cast    cast.List
	credits text.CreditList
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
	paras, lerr := paragraphs(doc.Lines)
	if lerr != nil {
		lerr.Pos.File = name
		return nil, lerr
	}
	paras = p.dropCut(paras, doc.Lines)
	i, lerr := p.header(paras)
	if lerr == nil {
		lerr = p.body(paras[i:])
	}
	if lerr != nil {
		lerr.Pos.File = name
		return nil, lerr
	}
	if n, ok := p.furniture.Flush("site furniture (menus, banners, buttons), not mapped"); ok {
		p.src.Notes = append(p.src.Notes, n)
	}
	if n, ok := p.cast.Note(); ok {
		p.src.Notes = append(p.src.Notes, n)
	}
	p.dropPhraseNames()
	text.CheckPeople(p.src)
	return p.src, nil
}

// dropCut leaves out, with a note, the last paragraph of a page that
// stops in the middle of a label line: the page has no footer (no "Source
// URL" line, no "Links:"), does not end with a newline, and ends in
// "Label: value". Such a line may stop in the middle of a name
// ("Producer: Jacques-Henri & Oliv"), and a fragment must never become a
// Person. A page that ends in prose keeps it: a cut sentence names no one.
func (p *parser) dropCut(paras []paragraph, lines []string) []paragraph {
	if len(paras) == 0 || text.IsBlank(lines[len(lines)-1]) {
		return paras
	}
	for _, para := range paras {
		if isSourceLine(para.text) || para.text == "Links:" {
			return paras
		}
	}
	last := paras[len(paras)-1]
	if !isLabelLine(last.text) {
		return paras
	}
	p.note(last.line, "cut off: the page ends without its footer, in the middle of this line; left out: %q", text.Short(last.text))
	return paras[:len(paras)-1]
}

// unmarkdown returns a line without its Markdown: links, emphasis,
// autolinks and escapes. A line without any of the characters those start
// with is returned as it is: each line of a page is read so, and the four
// patterns' scans were a third of a prize page's classification.
func unmarkdown(s string) string {
	if !strings.ContainsAny(s, "[*<\\") {
		return s
	}
	return unescape(unangle(unstrong(unlink(s))))
}

// header reads everything up to the synopsis: site, breadcrumb, title,
// director, countries, running time and year. It returns the index of the
// first paragraph it did not read. Its error (as body's) is placed at a
// line; FromDoc names the document.
func (p *parser) header(paras []paragraph) (int, *film.Error) {
	f := &p.src.Film
	i := titleAt(paras, p.src)
	// What stands above the title is the site's: icon glyphs, its line, a
	// breadcrumb, and in a browser's copy its cookie banner, menus and
	// name. Read as the title, a banner was the film's name (audit 18).
	for j, para := range paras[:min(i, len(paras))] {
		if !isGlyph(para.text) && !isPublishedLine(para.text) && !(j+1 < len(paras) && isCrumb(para, paras[j+1])) {
			for k, l := range para.lines {
				p.left.Add(para.line+k, l)
			}
		}
	}
	p.flushLeft("before the title: site furniture, not mapped")
	if i >= len(paras) {
		return 0, &film.Error{Err: fmt.Errorf("no film title found")}
	}
	title := paras[i]
	// A Markdown copy marks the title as a heading ("# Illégal
	// (Illegal)"): the marks are no part of either title.
	if t := strings.TrimLeft(title.text, "#"); t != title.text && strings.HasPrefix(t, " ") {
		title.text = strings.TrimSpace(t)
	}
	// A page is never a title: a paragraph of several lines or a line
	// longer than any title, read as one, made a film of a whole page,
	// its name and its @id 1,500 characters long (audit 18).
	if unreadColumns(title.raw) {
		// A printed page's columns that readingOrder could not tell
		// apart: the title ran into the synopsis's heading beside it.
		return 0, &film.Error{Pos: diag.Position{Line: title.line}, Err: fmt.Errorf("expected the film's title alone on its line, found columns that cannot be read apart (a wide run of spaces, then another line's text): %q", text.Short(title.lines[0]))}
	}
	if len(title.lines) > 1 {
		return 0, &film.Error{Pos: diag.Position{Line: title.line}, Err: fmt.Errorf("expected the film's title on a line of its own, found a paragraph of %d lines, the first: %q", len(title.lines), text.Short(title.lines[0]))}
	}
	if n := utf8.RuneCountInString(title.text); n > maxTitle {
		return 0, &film.Error{Pos: diag.Position{Line: title.line}, Err: fmt.Errorf("expected the film's title, found a line of %d characters, longer than a title (at most %d): %q", n, maxTitle, text.Short(title.text))}
	}
	if i+1 < len(paras) && !strings.Contains(title.text, "(") && wholeBrackets(paras[i+1].text) {
		// "Le Dernier Été" / "(The Last Summer)": the title's
		// translation wrapped onto the next line is no director.
		i++
		title.text += " " + paras[i].text
	}
	if isHeaderFact(title.text) && !numberTitle(paras, i) || title.text == "Synopsis:" || isLabelLine(title.text) {
		return 0, &film.Error{Pos: diag.Position{Line: title.line}, Err: fmt.Errorf("expected the film's title, found %q", text.Short(title.text))}
	}
	if m := titleRe.FindStringSubmatch(title.text); m != nil {
		// "Illégal (Illegal)": the original title, then the English one;
		// some pages write "Illegal (Illégal)".
		english, original, sure := englishFirst(m[1], m[2])
		if !sure {
			p.note(title.line, "title %q: which of the two is the English title cannot be told; read as %q (English) and %q (original)",
				text.Short(title.text), english, original)
		}
		f.Title = film.Text{Value: english, Line: title.line}
		f.OtherTitles = append(f.OtherTitles, film.Text{Value: original, Line: title.line})
	} else {
		f.Title = film.Text{Value: title.text, Line: title.line}
	}
	for i++; i < len(paras); i++ {
		para := paras[i]
		t := para.text
		switch {
		case para.furniture:
			// "Watch the trailer" below the year.
			p.furniture.Add(para.line, t)
		case t == "Synopsis:":
			return i + 1, nil
		case p.amongCountries(paras, i):
			p.note(para.line, "%q is not a country film2ld knows; read as one, as it stands among the film's countries", text.Short(t))
			f.Countries = append(f.Countries, film.Text{Value: t, Line: para.line})
		case isFootnotes(t):
			// References to the links at the bottom (the trailer).
		case isRunningTime(t):
			secs, _ := parseRunningTime(t)
			f.Runtime = film.SecondsOf(secs, para.line)
		case isYear(t):
			y, _ := text.ParseYear(t)
			f.Year = film.Single{Value: float64(y), Set: true, Line: para.line}
		case isCountry(t):
			for _, c := range text.SplitList(t) {
				f.Countries = append(f.Countries, film.Text{Value: c, Line: para.line})
			}
		case p.directorLine(para, true):
			// "Regie: Georgia Chad", "Réalisé par …": the countries,
			// running time and year still follow (audit 17: a label
			// here ended the header, and they were lost).
		case isLabelLine(t):
			// A page without a synopsis goes straight to its crew.
			return i, nil
		default:
			p.headerLine(para, para.text, false)
		}
	}
	return i, nil
}

// maxTitle is the most characters a title may have. The longest titles
// of feature films run to about 200 characters.
const maxTitle = 200

// titleAt returns the index of the title's paragraph: after the site's
// line ("Published on …", its publisher is src's), after the breadcrumb,
// which ends with the title's words (in a browser's copy, below the
// site's menus), and after icon glyphs and the site's furniture.
func titleAt(paras []paragraph, src *film.Source) int {
	i := 0
	for j, para := range paras {
		if m := publishedLine(para.text); m != nil {
			src.Publisher = &film.Agent{Name: film.Text{Value: m[1], Line: para.line}, Organization: true}
			src.Publisher.SetURL(m[2])
			i = j + 1
			break
		}
	}
	// The last breadcrumb before the header's facts and labels: what
	// stands above it is the site's (its name, its menus).
	crumb := -1
	for j := i; j+1 < len(paras); j++ {
		t := paras[j].text
		if t == "Synopsis:" || isLabelLine(t) && !opensWithDirector(t) || isHeaderFact(t) && !numberTitle(paras, j) {
			break
		}
		if isCrumb(paras[j], paras[j+1]) {
			crumb = j
		}
	}
	if crumb >= 0 {
		i = crumb + 1
		// Trails one after the other ("Home > Films", "Films > …").
		for ; i+1 < len(paras) && isCrumb(paras[i], paras[i+1]); i++ {
		}
	}
	for i < len(paras) && (crumb < 0 && paras[i].furniture || i+1 < len(paras) && isGlyph(paras[i].text)) {
		// An icon glyph ("禪") with no "Published on" line below it: a
		// page in another language has another one. The glyph was the
		// film's title, and the title was read as the director (audit
		// 14).
		i++
	}
	return i
}

// wholeBrackets reports whether a paragraph is one bracketed group and
// nothing else ("(The Last Summer)").
func wholeBrackets(t string) bool {
	return strings.HasPrefix(t, "(") && strings.HasSuffix(t, ")") && strings.Count(t, "(") == 1 && strings.Count(t, ")") == 1
}

// isGlyph reports whether a header paragraph is one icon glyph ("禪"):
// one character that is no digit, since a title may be one ("9", which
// was skipped as a glyph, and the directors became the title; audit 15).
func isGlyph(s string) bool {
	r, size := utf8.DecodeRuneInString(s)
	return size == len(s) && size > 0 && !unicode.IsNumber(r)
}

// numberTitle reports whether paras[i], in the title's place and a
// header fact by its form ("1999", "1917"), is the film's title: the
// breadcrumb above it ends with it, or the header below it states the
// year. Refused as no title, a film named "1999" could not be read
// (audit 15); the year line below it stays the year.
func numberTitle(paras []paragraph, i int) bool {
	t := paras[i].text
	if !isYear(t) {
		return false
	}
	if i > 0 && isCrumb(paras[i-1], paras[i]) {
		return true
	}
	for _, para := range paras[i+1:] {
		if para.text == "Synopsis:" || isLabelLine(para.text) {
			return false
		}
		if slices.ContainsFunc(text.SplitList(para.text), isYear) {
			return true
		}
	}
	return false
}

// isCrumb reports whether a header paragraph before the title is the
// page's breadcrumb, by its shape, in any language ("Home", "Accueil",
// "Startseite", "Inicio"; audit 15): links separated by ">", or, in a
// dump that made them text, steps separated by ">" whose last is the
// title that follows it (next), as a trail ends with the page it is on.
func isCrumb(para, next paragraph) bool {
	if para.crumb {
		return true
	}
	if len(para.lines) != 1 || !strings.ContainsAny(para.text, ">›»") {
		return false
	}
	steps := crumbSepRe.Split(para.text, -1)
	last := strings.TrimSpace(strings.TrimRight(steps[len(steps)-1], ".…"))
	if len(steps) < 2 || last == "" || slices.Contains(steps, "") {
		return false
	}
	return len(next.text) >= len(last) && strings.EqualFold(next.text[:len(last)], last)
}

// amongCountries reports whether header paragraph i, one name that is no
// country film2ld knows ("Tibet", "Quebec"), stands among the film's
// countries: after the director's paragraph, and next to a paragraph of
// known countries. Read as a name, it was a second director (the header
// has no labels; audit 12).
func (p *parser) amongCountries(paras []paragraph, i int) bool {
	t := paras[i].text
	if isHeaderFact(t) || isLabelLine(t) || strings.ContainsAny(t, ",;&") || opensWithDirector(t) {
		return false
	}
	directed := slices.ContainsFunc(p.src.Film.Credits, func(c film.Credit) bool { return c.Role == film.Director })
	if !directed {
		return false
	}
	return i > 0 && isCountry(paras[i-1].text) || i+1 < len(paras) && isCountry(paras[i+1].text)
}

// opensWithDirector reports whether a header line opens with a phrase
// that introduces the director.
func opensWithDirector(t string) bool {
	_, _, ok := directorLead(t, true, true)
	return ok
}

// directorLine reads a paragraph that opens with a phrase of
// directorPhrases as the director's line, and reports whether it did. In
// the header (header set) a label word may stand without its colon and
// "By" opens the line too. Elsewhere the line must name people and no
// more ("Written and directed by Yasmin al-Khatib" after the synopsis,
// which was its last paragraph; audit 17): "Directed by a stranger's
// hand, …" is prose.
func (p *parser) directorLine(para paragraph, header bool) bool {
	rest, ph, ok := directorLead(para.text, header, header)
	if !ok {
		return false
	}
	if !header {
		names := text.SplitNames(text.WithoutOtherScript(rest))
		if !shortValue(rest) || len(names) == 0 || slices.ContainsFunc(names, func(n string) bool { return text.PersonProblem(n) != "" }) {
			return false
		}
	}
	p.headerLine(para, rest, ph.writer)
	return true
}

// headerLine reads a header paragraph that is not one fact alone: the
// director's line ("Jan Kowalski"; t is what follows "Directed by", "A
// film by" and the other phrases of directorPhrases, and writer says the
// phrase credits the writing too), or several facts on one line
// ("Belgium, 2010, 95 min"). Each comma-separated part that is a country,
// a year or a running time is that fact, so that a country is never taken
// for a director.
func (p *parser) headerLine(para paragraph, t string, writer bool) {
	f := &p.src.Film
	t = text.WithoutOtherScript(t)
	var names []string
	for _, part := range text.SplitList(t) {
		switch {
		case isRunningTime(part):
			secs, _ := parseRunningTime(part)
			f.Runtime = film.SecondsOf(secs, para.line)
		case isYear(part):
			y, _ := text.ParseYear(part)
			f.Year = film.Single{Value: float64(y), Set: true, Line: para.line}
		case isCountry(part):
			f.Countries = append(f.Countries, film.Text{Value: part, Line: para.line})
		default:
			names = append(names, part)
		}
	}
	roles := []film.Role{film.Director}
	if writer {
		// "Written and directed by Aki Kaurismäki": split at its "and",
		// the line lost its director (audit 13).
		roles = append(roles, film.Author)
	}
	for _, role := range roles {
		for _, name := range text.SplitNames(strings.Join(names, ", ")) {
			f.Credits = p.credits.Add(f.Credits, film.Credit{Role: role,
				Agent: film.Agent{Name: film.Text{Value: name, Line: para.line}}})
		}
	}
}

func isYear(s string) bool {
	_, ok := text.ParseYear(s)
	return ok
}

// isCountry reports whether every item of a list is a country. It stops
// at the first that is not: a header line of junk is not split whole to
// be refused.
func isCountry(s string) bool {
	for c := range text.ListItems(s) {
		if _, ok := locale.Country(c); !ok {
			return false
		}
	}
	return true
}

func isHeaderFact(s string) bool {
	return isRunningTime(s) || isYear(s) || isCountry(s) || isFootnotes(s)
}

// creditsGuess returns how many credits a label paragraph is likely to
// make, for the room body makes before it reads them: one, and one more
// for each separator of names in the value ("&", ",", ";", " and "),
// unless the label is not a crew label (a cast list, world sales, a
// fact), whose names are not credits or are one. It is a guess, never
// a limit: a list grows past it, and body sheds the room it leaves
// unfilled; the label is looked up only for a value that names several.
func creditsGuess(t string) int {
	_, value, ok := strings.Cut(t, ":")
	if !ok {
		return 1
	}
	more := strings.Count(value, " and ")
	for i := 0; i < len(value); i++ {
		switch value[i] {
		case '&', ',', ';':
			more++
		}
	}
	if more == 0 {
		return 1
	}
	m := labelLine(t)
	if m == nil {
		return 1
	}
	lb, ok := lookup(m[1])
	if !ok || lb.cast || lb.sales || lb.fact != noFact {
		return 1
	}
	return 1 + more
}

// isValue reports whether a paragraph can be the value of a label above
// it: anything but another label, the footer and the link list.
func isValue(t string) bool {
	return !isLabelLine(t) && !isSourceLine(t) && t != "Links:" && !isFootnotes(t)
}

// body reads the synopsis, the labelled crew lines and the footer.
func (p *parser) body(paras []paragraph) *film.Error {
	f := &p.src.Film
	// Room for the credits the label lines make: grown by doubling, the
	// credits of a page of 116,000 crew lines were copied at each step,
	// and kept a fifth more room than they held until the merge was
	// done. A line of several people ("Sound: Ana Lis & Bo Ek") has room
	// for each: with one a line, a page of 124,000 such lines grew its
	// credits past that room and then copied them to shed the room they
	// did not fill, two lists of 248,000 live at once (52 MB of the
	// mapper's live peak of 77).
	labelLines := 0
	for _, para := range paras {
		if para.label {
			labelLines += creditsGuess(para.text)
		}
	}
	f.Credits = slices.Grow(f.Credits, labelLines)
	defer func() {
		// The room the label lines did not fill (facts, skipped labels)
		// is not kept past the body, nor a list where nothing was
		// credited, as before the room was made: a page of many such
		// lines kept 88 bytes for each through the merge.
		switch c := f.Credits; {
		case len(c) == 0:
			f.Credits = nil
		case cap(c)-len(c) > len(c)/8+64:
			f.Credits = slices.Clone(c)
		}
	}()
	var synopsis []paragraph
	crew := false
	for i := 0; i < len(paras); i++ {
		para := paras[i]
		t := para.text
		if para.furniture {
			p.furniture.Add(para.line, t)
			continue
		}
		if strings.Contains(t, "<http") && !strings.Contains(t[strings.LastIndex(t, "<http"):], ">") {
			// unmarkdown turns every complete <URL> into the URL; one left
			// open is a page that stops in the middle of a link.
			return &film.Error{Pos: diag.Position{Line: para.line}, Err: fmt.Errorf("%w: a link is not closed (%q)", text.ErrCutOff, text.Short(t))}
		}
		if retrieved, url, ok := sourceLine(t); ok {
			date, err := text.ParseDate(retrieved)
			if err != nil {
				return &film.Error{Pos: diag.Position{Line: para.line}, Err: fmt.Errorf("retrieval date: %w", err)}
			}
			p.src.Retrieved = film.Text{Value: date, Line: para.line}
			p.src.URL = film.Text{Value: url, Line: para.line}
			continue
		}
		if t == "Links:" {
			p.flushLeft("credits: lines not recognised")
			p.links(paras[i+1:])
			break
		}
		m := labelLine(t)
		if m == nil && p.directorLine(para, false) {
			// A credit line ends the synopsis, as a known label does.
			crew = true
			continue
		}
		var lb label
		known := false
		var also []label // the other roles of a label that joins several
		if m != nil {
			lb, known = lookup(m[1])
			if !known {
				if labels := joinedLabels(m[1]); labels != nil {
					lb, also, known = labels[0], labels[1:], true
				}
			}
		}
		if !crew && !known && !(m != nil && len(synopsis) > 0 && shortValue(m[2]) && crewNext(paras, i)) {
			synopsis = append(synopsis, para)
			continue
		}
		crew = true
		if m == nil {
			p.left.Add(para.line, t)
			continue
		}
		if lb.fact == factSynopsis {
			// "Synopsis:" after labelled facts: the paragraphs up to the
			// next known label are the synopsis.
			crew = false
			if v := strings.TrimSpace(m[2]); v != "" {
				synopsis = append(synopsis, paragraph{text: v, line: para.line, lines: []string{v}})
			}
			continue
		}
		value, line := m[2], para.line
		if len(para.lines) > 1 {
			// "Cast:" or "Producer: A" with more names on the lines below,
			// one a line: a list, not one long name.
			if _, rest, ok := strings.Cut(para.lines[0], ":"); ok {
				value = joinValue(append([]string{rest}, para.lines[1:]...))
			}
		}
		if value == "" {
			// "Editing:" with the names in the paragraphs after, up to the
			// next label.
			var vals []string
			for i+1 < len(paras) && !paras[i+1].furniture && isValue(paras[i+1].text) {
				i++
				if len(vals) == 0 {
					line = paras[i].line
				}
				vals = append(vals, paras[i].lines...)
			}
			value = joinValue(vals)
		}
		if value == "" {
			p.note(para.line, "%q has no value", m[1])
			continue
		}
		if !known {
			lb = label{role: film.Contributor, roleName: m[1]}
			p.note(para.line, "credit %q is not a known crew role; kept as a contributor with that role name", m[1])
		}
		p.credit(lb, m[1], value, line)
		for _, other := range also {
			p.credit(other, m[1], value, line)
		}
	}
	p.flushLeft("credits: lines not recognised")
	if len(synopsis) > 0 {
		vals := make([]string, len(synopsis))
		for j, s := range synopsis {
			vals[j] = s.text
		}
		f.Descriptions = append(f.Descriptions, film.Text{Value: strings.Join(vals, "\n\n"), Line: synopsis[0].line})
	}
	return nil
}

// joinValue joins a label's value written over several lines. Names one
// a line are a list (", "); a line that ends where its value plainly goes
// on (a comma, "&", "and") is wrapped, and the next line goes on it
// ("Co-production: Arte France, ZDF/Arte," / "Bamako Films"): joined with
// another comma, the list had an empty item.
func joinValue(lines []string) string {
	var b strings.Builder
	prev := ""
	for _, l := range lines {
		if l = strings.TrimSpace(l); l == "" {
			continue
		}
		switch {
		case prev == "":
		case goesOn(prev):
			b.WriteByte(' ')
		default:
			b.WriteString(", ")
		}
		b.WriteString(l)
		prev = l
	}
	return b.String()
}

func (p *parser) credit(lb label, name, value string, line int) {
	f := &p.src.Film
	switch lb.fact {
	case factCountries:
		for _, c := range text.SplitList(value) {
			f.Countries = append(f.Countries, film.Text{Value: c, Line: line})
		}
		return
	case factLanguages:
		for _, l := range text.SplitList(value) {
			f.Languages = append(f.Languages, film.Text{Value: l, Line: line})
		}
		return
	case factGenres:
		for _, g := range text.SplitList(value) {
			f.Genres = append(f.Genres, film.Text{Value: g, Line: line})
		}
		return
	case factRuntime:
		found, unclear := text.RunningTimes(minuteMarks(value))
		for _, u := range unclear {
			p.note(line, "%s: %q may be hours and minutes or minutes and seconds; left out", name, u)
		}
		switch {
		case len(found) > 0:
			f.Runtime = film.SecondsOf(found[0], line)
		case len(unclear) == 0:
			p.note(line, "%s: %q is not a running time; left out", name, text.Short(value))
		}
		return
	case factYear:
		if y, ok := text.ParseYear(value); ok {
			f.Year = film.Single{Value: float64(y), Set: true, Line: line}
		} else {
			p.note(line, "%s: %q is not a year; left out", name, text.Short(value))
		}
		return
	case factSkip:
		p.note(line, "%q is not mapped; left out", name)
		return
	}
	switch {
	case lb.cast:
		// "Sammy Davis, Jr. (Willy)": a suffix after a comma is the
		// name's, not an actor's (audit 18).
		for _, item := range text.JoinNameTails(splitOutsideParens(value)) {
			m, remark, ok := cast.ParseRemark(item)
			if !ok {
				// "(Tania)" with no actor, or a stray parenthesis.
				p.note(line, "cast entry without an actor's name; left out: %q", text.Short(item))
				continue
			}
			if remark != "" {
				p.note(line, "%s: %q: the remark after the part, %q, is left out", name, text.Short(item), text.Short(remark))
			}
			m.Actor.Line = line
			if lb.castRole != "" {
				cast.AddRoleName(&m, lb.castRole)
			}
			// "August Diehl and Lars Eidinger (the SS officers)": a part
			// for each actor; read as one name, both were left out
			// (audit 18).
			parts, notes := cast.Shared(m)
			for _, n := range notes {
				p.note(line, "%s: %s", name, n)
			}
			if parts == nil {
				parts = []film.CastMember{m}
			}
			for _, m := range parts {
				p.addCast(m)
			}
		}
	case lb.sales:
		office, others := splitOffices(value)
		agent := salesContact(office)
		agent.Name.Line = line
		for _, other := range others {
			// The Organization has one contact: a second office's
			// facts beside the first's made one that reaches neither
			// (audit 15).
			p.note(line, "%s: another office is left out (an organisation's contact holds one): %q", name, text.Short(other))
		}
		f.Credits = p.credits.Add(f.Credits, film.Credit{Role: film.Contributor, RoleName: "World sales", Agent: agent})
	default:
		credits := text.Credits(lb.role, lb.roleName, lb.org, value, line)
		if lb.org {
			p.src.Notes = append(p.src.Notes, text.DropRoleNotes(name, line, credits)...)
		} else {
			// "Screenplay: Ana Lis (story), Bo Ek (dialogues)": the part
			// is the credit's role name; in the name, it left the
			// person out (audit 18).
			p.src.Notes = append(p.src.Notes, text.TakeCreditParts(name, credits, cast.IsAnnotation)...)
		}
		f.Credits = p.credits.Add(f.Credits, credits...)
		if lb.writer {
			// "Scénario et réalisation : X": the director is the writer.
			authors := text.Credits(film.Author, "", false, value, line)
			text.TakeCreditParts(name, authors, cast.IsAnnotation) // noted above
			f.Credits = p.credits.Add(f.Credits, authors...)
		}
	}
}

// addCast adds a cast part, as a part for each character it names
// ("Ida Berg (the Ferryman and the Ghost)"). The film's titles, read from
// the header above, are never two characters: an actor "(le Sel et la
// Lune)" plays the title role.
func (p *parser) addCast(m film.CastMember) {
	f := &p.src.Film
	if !cast.Splits(m) {
		f.Cast = p.cast.Add(f.Cast, m)
		return
	}
	titles := []string{f.Title.Value}
	for _, t := range f.OtherTitles {
		titles = append(titles, t.Value)
	}
	for _, part := range cast.Split(m, titles...) {
		f.Cast = p.cast.Add(f.Cast, part)
	}
}

// splitOutsideParens splits a cast list on the commas and semicolons that
// are not inside a character's parentheses ("Olga (Zina, the friend)").
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
		case ',', ';':
			if depth == 0 {
				out = append(out, strings.TrimSpace(s[start:i]))
				start = i + 1
			}
		}
	}
	out = append(out, strings.TrimSpace(s[start:]))
	return out
}

// officeSepRe separates two offices of one sales company on its line:
// a slash or a bar between spaces ("… fi@x.example / Helsinki office:
// …").
var officeSepRe = lazyre.New(`\s+[/|]\s+`)

// splitOffices splits a world-sales value into its first office and the
// others the line goes on to, each a block of its own after a spaced
// slash or bar, or after a label that names an office ("; European
// office: …", ". Bureau de Paris : …", "; Los Angeles: …"). Read as one,
// the address was both offices' joined, the e-mail the first's and the
// telephone the second's (audit 15, 17). A block after a slash or a bar
// that states no contact fact of its own (no digit, no "@", no web
// address) is not an office and stays where it is.
func splitOffices(s string) (first string, others []string) {
	var labelled []string
	for {
		before, office := cutOffice(s)
		if office == "" {
			break
		}
		labelled = slices.Insert(labelled, 0, office)
		s = before
	}
	if !strings.Contains(s, " / ") && !strings.Contains(s, " | ") {
		return s, labelled
	}
	blocks := officeSepRe.Split(s, -1)
	first = blocks[0]
	var slashed []string
	for _, b := range blocks[1:] {
		if len(slashed) == 0 && !strings.ContainsAny(b, "0123456789@") && webScan.find(b) == nil {
			first += " / " + b
			continue
		}
		slashed = append(slashed, b)
	}
	return first, append(slashed, labelled...)
}

// cutOffice cuts a sales value at the last label that opens another
// office: a label with a word for an office in it ("European office:",
// "Bureau de Paris :", "Büro Berlin:", "Oficina de Madrid:") after a
// comma, a semicolon or a full stop; or, after a semicolon, any label but
// a contact fact's ("; Los Angeles: 9 Sunset Blvd", not "; Fax: …"). It
// returns the value before it and the office, or the value and "".
func cutOffice(s string) (before, office string) {
	ms := officeLabelMatches(s)
	for k := len(ms) - 1; k >= 0; k-- {
		m := ms[k]
		label := s[m[2]:m[3]]
		officeWord := officeWordRe.MatchString(label)
		if !officeWord && (s[m[0]] != ';' || contactLabelMatches(label) != nil) {
			continue
		}
		if b := strings.TrimSpace(s[:m[0]]); b != "" {
			return b, strings.TrimSpace(s[m[2]:])
		}
	}
	return s, ""
}

// officeWordRe is a word for an office or a branch, in the pages'
// languages.
var officeWordRe = lazyre.New(`(?i)(?:^|\s)(?:offices?|headquarters|hq|branch|bureaux?|si[eè]ge|b[üu]ro|niederlassung|filiale|ufficio|sede|oficina)(?:\s|:|$)`)

// salesContact reads "Films distribution 34 rue du Louvre, 75001 Paris,
// France Tél : +33 … Fax : +33 … info@… www.…". The name is what stands
// before the first word that starts with a digit (the street number), or
// before the street when it is written before its number (streetStart),
// or before the first comma.
func salesContact(s string) film.Agent {
	c := &film.Contact{}
	// Each pattern runs once over the paragraph: its matches are both
	// read and blanked out (blankOut), where finding and then replacing
	// them ran it twice.
	phones := phoneMatches(s)
	for _, m := range phones {
		// The first of each: a second number is a second line's, not
		// the office's (it was the last, as the e-mail was the first).
		switch {
		case !strings.EqualFold(s[m[2]:m[3]], "fax"):
			if c.Telephone == "" {
				c.Telephone = s[m[4]:m[5]]
			}
		case c.Fax == "":
			c.Fax = s[m[4]:m[5]]
		}
	}
	s = blankOut(s, phones)
	if c.Telephone == "" {
		if ms := barePhoneRe.FindAllStringSubmatchIndex(s, 1); ms != nil {
			m := ms[0]
			c.Telephone = s[m[2]:m[3]]
			s = blankOut(s, [][]int{{m[2], m[3]}})
		}
	}
	// Each pattern opens with an optional label, so the engine tries it
	// at every position: a line without the '@' or the "://" or "www."
	// its value must hold is not searched (a tenth of a prize page).
	var emails [][]int
	if strings.IndexByte(s, '@') >= 0 {
		emails = emailScan.find(s)
	}
	if len(emails) > 0 {
		c.Email = s[emails[0][2]:emails[0][3]]
	}
	s = blankOut(s, emails)
	var webs [][]int
	if strings.Contains(s, "://") || strings.Contains(s, "www.") {
		webs = webScan.find(s)
	}
	if len(webs) > 0 {
		web := s[webs[0][2]:webs[0][3]]
		c.URL = web
		if !strings.Contains(web, "://") {
			// A bare host name is a web site; the scheme is only what an IRI
			// needs to be one.
			c.URL = "http://" + web
		}
	}
	s = blankOut(s, webs)
	s = text.Clean(blankOut(s, contactLabelMatches(s)))
	name := s
	words := strings.Fields(s)
	for i, w := range words {
		if i > 0 && w[0] >= '0' && w[0] <= '9' && !inName(words, i) {
			// "Lagoon Sales GmbH Balthasarstraße 79", "Films Boréal Rue
			// Royale 12": the street may stand before its number, and
			// then it starts the address, not the number (the street ran
			// into the company's name).
			at := streetStart(words, i)
			name = strings.Join(words[:at], " ")
			c.Address = strings.TrimSuffix(strings.Join(words[at:], " "), ",")
			break
		}
	}
	// "The Match Factory, Balthasarstrasse 79-81, 50670 Cologne": where the
	// street comes before its number, the comma after the company's name is
	// what ends it, and the street belongs to the address.
	if head, street, ok := strings.Cut(name, ","); ok && !corporateSuffix.MatchString(street) {
		name = head
		c.Address = strings.TrimSuffix(strings.TrimSpace(strings.TrimSpace(street)+" "+c.Address), ",")
	}
	c.Address = tidyAddress(c.Address)
	a := film.Agent{Name: film.Text{Value: strings.TrimSuffix(strings.TrimSpace(name), ",")}, Organization: true}
	a.SetContact(c)
	return a
}

// inName reports whether words[i], a word that starts with a digit, is
// part of the company's name, not its street number: a word that names a
// company follows it ("Studio 9 Films, 12 rue …"), and a later word
// starts with a digit, the address's. Cut at the first digit, the name
// was "Studio" (audit 17).
func inName(words []string, i int) bool {
	if i+1 >= len(words) || strings.HasSuffix(words[i], ",") || text.OrganizationWord(words[i+1]) == "" {
		return false
	}
	return slices.ContainsFunc(words[i+1:], func(w string) bool { return w[0] >= '0' && w[0] <= '9' })
}

// tidyAddress removes what the contact's facts, read and blanked out,
// leave in an address: empty parts between separators ("München,
// Deutschland, , "), a full stop doubled ("France. ."), separators at its
// end.
func tidyAddress(s string) string {
	var parts []string
	sep := ""
	for s != "" {
		i := strings.IndexAny(s, ",;")
		part, next := s, ""
		if i >= 0 {
			part, next = s[:i], s[i:i+1]
			s = s[i+1:]
		} else {
			s = ""
		}
		part = strings.TrimSpace(dotsRe.ReplaceAllString(part, "."))
		if strings.Trim(part, ".: ") != "" {
			if len(parts) > 0 {
				parts = append(parts, sep+" ")
			}
			parts = append(parts, part)
			sep = next
		} else if sep == "" || next == ";" {
			sep = next
		}
	}
	out := strings.TrimRight(strings.Join(parts, ""), " :")
	if last := out[strings.LastIndexByte(out, ' ')+1:]; strings.HasSuffix(last, ".") && !abbreviation(last) {
		// "…, France." ends a sentence of the page; "Hauptstr." is a word.
		out = strings.TrimSuffix(out, ".")
	}
	return out
}

// dotsRe is a full stop repeated with only spaces between.
var dotsRe = lazyre.New(`\.(?:\s*\.)+`)

// abbreviation reports whether a word that ends in a full stop is an
// abbreviation an address ends with ("Hauptstr.", "St.", "Ave.", "Bd."):
// short, or a street's word.
func abbreviation(w string) bool {
	plain := strings.ToLower(locale.StripAccents(w))
	if streetWords()[plain] || streetOpeners()[plain] || strings.HasSuffix(plain, "str.") {
		return true
	}
	return utf8.RuneCountInString(w) <= 3
}

// streetStart returns where the address starts in a sales line's words,
// given the first word that starts with a digit (number): that word, or,
// where the street is written before its number, the street's first word.
// It goes by what European addresses write, with no list of streets: a
// legal form ends the company's name ("GmbH", "S.L.", "Srl": the words
// after it, up to the number, are the street); else a word that opens a
// street ("Rue", "Via", "Calle", "Avenida", "Piazza") not joined to the
// words before it ("Films de la Rue" is a name); else a street's compound
// right before the number ("Gartenstraße", "Hauptstr.", "Keizersgracht");
// else a street's word alone before it ("Alte Straße 5", "Baker Street 4")
// with the word before that. A shape none of these finds keeps the number.
func streetStart(words []string, number int) int {
	plain := func(w string) string { return strings.TrimRight(strings.ToLower(locale.StripAccents(w)), ",") }
	for k := number - 1; k >= 1; k-- {
		if legalForm(strings.TrimRight(words[k], ",")) {
			if k+1 < number {
				return k + 1
			}
			return number
		}
	}
	for k := 1; k < number; k++ {
		if streetOpeners()[plain(words[k])] && !nameJoiners()[plain(words[k-1])] {
			return k
		}
	}
	if k := number - 1; k >= 1 {
		w := plain(words[k])
		for _, suffix := range streetSuffixes {
			if strings.HasSuffix(w, suffix) && len(w) > len(suffix)+1 {
				return k
			}
		}
		if streetWords()[w] && k >= 2 {
			return k - 1
		}
	}
	return number
}

// legalForm reports whether a word is a company's legal form, as a sales
// line writes it after the name. Two letters are one only in capitals
// ("SA", "AG"), so that a word of the name ("Sa") stays in it.
func legalForm(w string) bool {
	lower := strings.ToLower(w)
	switch strings.TrimSuffix(lower, ".") {
	case "gmbh", "ltd", "inc", "llc", "llp", "plc", "sarl", "s.a.r.l", "sprl", "s.p.r.l", "srl", "s.r.l", "s.l", "slu", "s.l.u",
		"s.a", "s.a.s", "sas", "spa", "s.p.a", "b.v", "n.v", "bvba", "ltda", "s.r.o", "aps", "a/s", "limited", "corp", "gmbh & co. kg":
		return true
	}
	switch w {
	case "SA", "AG", "KG", "BV", "NV", "SL", "AB", "AS", "Oy", "OY", "UG", "SE", "eG":
		return true
	}
	return false
}

// streetOpeners are the words a street's name starts with in the
// languages of the prize's pages (and Dutch, Portuguese, Catalan, whose
// sales agents the pages list), without accents.
var streetOpeners = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`rue avenue av. boulevard bd bd. blvd blvd. place chemin quai impasse allee route passage cours
		via viale piazza piazzale corso largo vicolo lungotevere contrada calle c/ avenida avda avda. paseo plaza carrer ronda
		camino travesia glorieta rua praca travessa`) {
		m[w] = true
	}
	return m
})

// nameJoiners are the words that join a street's word to the words
// before it in a company's name ("Films de la Rue", "Casa del Corso").
var nameJoiners = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`de du des la le les l' d' del della dello dei degli di da dal the of et y e and & en au aux`) {
		m[w] = true
	}
	return m
})

// streetSuffixes end a street's one-word name in German, Dutch and the
// Nordic languages ("Balthasarstraße", "Keizersgracht", "Storgatan").
var streetSuffixes = []string{"strasse", "straße", "str.", "gasse", "weg", "platz", "allee", "damm", "ufer", "chaussee",
	"straat", "gracht", "laan", "plein", "kade", "vej", "gade", "gatan", "vagen", "gata", "veien", "gate"}

// streetWords are a street's word written on its own, after the street's
// name ("Alte Straße", "Baker Street").
var streetWords = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`strasse straße str. street st. road rd. lane avenue ave. way allee platz weg gasse ring`) {
		m[w] = true
	}
	return m
})

// blankOut replaces each match (as the regexp package's index methods
// give them, in order, not overlapping) with a space, as
// ReplaceAllString(s, " ") does.
func blankOut(s string, matches [][]int) string {
	if len(matches) == 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	from := 0
	for _, m := range matches {
		b.WriteString(s[from:m[0]])
		b.WriteByte(' ')
		from = m[1]
	}
	b.WriteString(s[from:])
	return b.String()
}

// corporateSuffix is a legal form written after a comma inside a company's
// name ("Films, Inc."), which does not end the name.
var corporateSuffix = lazyre.New(`(?i)^\s*(inc|ltd|llc|llp|plc|gmbh|ag|s\.?a|s\.?a\.?s|s\.?r\.?l|b\.?v|n\.?v|co|corp|limited)\.?\s*(,|$)`)

// links reads the page's link list; the video embed among them is the
// trailer.
func (p *parser) links(paras []paragraph) {
	for _, para := range paras {
		t := para.text
		if isFootnotes(t) {
			continue
		}
		if para.furniture {
			p.furniture.Add(para.line, t)
			continue
		}
		if strings.HasPrefix(t, "http://") || strings.HasPrefix(t, "https://") {
			if videoRe.MatchString(t) && len(p.src.Film.Trailers) == 0 {
				p.src.Film.Trailers = append(p.src.Film.Trailers, film.Text{Value: t, Line: para.line})
				continue
			}
		}
		p.left.Add(para.line, t)
	}
	p.flushLeft("links: not mapped")
}

// flushLeft reports the lines of a part of the page that were left out,
// in one note.
func (p *parser) flushLeft(why string) {
	if n, ok := p.left.Flush(why); ok {
		p.src.Notes = append(p.src.Notes, n)
	}
}

func (p *parser) note(line int, format string, args ...any) {
	p.src.Notes = append(p.src.Notes, film.Note{Line: line, Message: fmt.Sprintf(format, args...)})
}

// labelLine splits a "Label: value" line as the pattern
// ^(\p{Lu}[\p{L}/ .'&()-]{0,34}?)\s*:\s*(.*)$ does (TestLabelLine holds it
// to that), by a byte scan: detection and parsing try every line of a
// prize page with it, and the pattern was the page's largest single cost.
// It returns the line, the label and the value, or nil.
func labelLine(s string) []string {
	first, size := utf8.DecodeRuneInString(s)
	if !unicode.IsUpper(first) {
		return nil
	}
	// The label: the shortest start that only white space separates from
	// the colon, its first letter upper case, then at most 34 letters,
	// spaces and . / ' & ( ) -.
	j, value, ok := text.CutLabel(s, size)
	if !ok {
		return nil
	}
	n := 0
	for _, r := range s[size:j] {
		if n++; n > 34 || !unicode.IsLetter(r) && !strings.ContainsRune("/ .'&()-", r) {
			return nil
		}
	}
	return []string{s, s[:j], value}
}

// joinedLabels returns the crew labels a label joins with "and", "&" or
// a comma ("Screenplay and editing", "Editing & sound"), when every part
// is one film2ld knows and credits someone; else nil. Read as one
// unknown role, the writer was no author (audit 14).
func joinedLabels(s string) []label {
	parts := strings.FieldsFunc(strings.NewReplacer(" and ", ",", " & ", ",", " et ", ",", " und ", ",", " y ", ",", " e ", ",").Replace(s), func(r rune) bool { return r == ',' })
	if len(parts) < 2 {
		return nil
	}
	var out []label
	for _, part := range parts {
		lb, ok := lookup(strings.TrimSpace(part))
		if !ok || lb.cast || lb.sales || lb.fact != 0 {
			return nil
		}
		out = append(out, lb)
	}
	return out
}

// shortValue reports whether a label's value reads as a credit's, not as
// the rest of a sentence: a few words, no full stop at its end.
func shortValue(v string) bool {
	v = strings.TrimSpace(v)
	return v != "" && len(strings.Fields(v)) <= 8 && !strings.HasSuffix(v, ".")
}

// crewNext reports whether the paragraph after paras[i] is a known crew
// label's line or the page's footer: then a short "Label: value" line
// between the synopsis and them ("Festival selection: Berlinale
// Classics") is the crew's first line, an unknown role, not the
// synopsis's last paragraph, where it went without a word (audit 13).
func crewNext(paras []paragraph, i int) bool {
	if i+1 >= len(paras) {
		return false
	}
	t := paras[i+1].text
	if isSourceLine(t) {
		return true
	}
	if m := labelLine(t); m != nil {
		_, known := lookup(m[1])
		return known
	}
	return false
}

// isLabelLine reports whether s is a label line (labelLine).
func isLabelLine(s string) bool { return labelLine(s) != nil }

// sourceLine reads the page's footer, "Source URL (retrieved on DATE):
// URL": the date and the address, as the pattern
// `^Source URL \(retrieved on ([^)]+)\):\s*(\S+)$` gives them (its
// submatches; TestSourceLineAsPattern, FuzzSourceLine). The pattern was
// the one run most often by the mappers (108 times on the sample page,
// each paragraph asked whether it is the footer; 15 µs of the 98 a film's
// patterns cost).
//
// In bytes: the date runs to the first ")" (a shorter one would leave a
// character that is not ")" where ")" must be), which a colon follows;
// the address is what follows the blanks after it (\s: tab, newline,
// form feed, carriage return, space) to the end, with no blank in it.
func sourceLine(s string) (retrieved, url string, ok bool) {
	const prefix = "Source URL (retrieved on "
	if !strings.HasPrefix(s, prefix) {
		return "", "", false
	}
	rest := s[len(prefix):]
	end := strings.IndexByte(rest, ')')
	if end <= 0 || end+1 >= len(rest) || rest[end+1] != ':' {
		return "", "", false
	}
	retrieved, url = rest[:end], strings.TrimLeft(rest[end+2:], "\t\n\f\r ")
	if url == "" || strings.ContainsAny(url, "\t\n\f\r ") {
		return "", "", false
	}
	return retrieved, url, true
}

// isSourceLine reports whether s is the page's footer (see sourceLine).
func isSourceLine(s string) bool {
	_, _, ok := sourceLine(s)
	return ok
}

// publishedPrefixes open the site's line above the page ("Published on
// LUX Prize (https://luxprize.eu)"), in the languages the prize's site is
// published in; none is the start of another.
var publishedPrefixes = [...]string{"Published on ", "Publié sur ", "Publicado en ", "Publicado em ", "Pubblicato su ",
	"Veröffentlicht auf ", "Gepubliceerd op ", "Opublikowano w "}

// publishedLine reads the site's line above the page: the line, the
// site's name and its address, as FindStringSubmatch of the pattern
// `^(?:Published on|Publié sur|…) (.+?)\s*\((https?://[^)\s]+)\)$` (the
// languages of publishedPrefixes) gives them, nil for any other line
// (TestPublishedLineAsPattern, FuzzPublishedLine). It was, with the
// footer's, the pattern most run on a prize page's paragraphs.
//
// The name is the pattern's lazy .+?: at least one character, never a
// "\n", ending where the rest first reads as blanks (\s), "(", "http"
// or "https", "://", and to the closing ")" at the end characters that
// are neither ")" nor blanks.
func publishedLine(s string) []string {
	start := -1
	for _, p := range publishedPrefixes {
		if strings.HasPrefix(s, p) {
			start = len(p)
			break
		}
	}
	if start < 0 || start >= len(s) || s[start] == '\n' || s[len(s)-1] != ')' {
		return nil
	}
	// The address's characters after its scheme: s[tail:len(s)-1] is
	// the longest run before the last ")" of neither ")" nor blanks.
	tail := len(s) - 1
	for tail > start && s[tail-1] != ')' && !text.IsRegexpSpace(s[tail-1]) {
		tail--
	}
	_, size := utf8.DecodeRuneInString(s[start:])
	i, blanksEnd := start+size, -1
	for {
		if blanksEnd < i {
			blanksEnd = i
			for blanksEnd < len(s) && text.IsRegexpSpace(s[blanksEnd]) {
				blanksEnd++
			}
		}
		if p := blanksEnd; p < len(s) && s[p] == '(' {
			scheme := "http://"
			if strings.HasPrefix(s[p+1:], "https://") {
				scheme = "https://"
			}
			if x := p + 1 + len(scheme); strings.HasPrefix(s[p+1:], scheme) && x < len(s)-1 && x >= tail {
				return []string{s, s[start:i], s[p+1 : len(s)-1]}
			}
		}
		if i >= len(s) || s[i] == '\n' {
			return nil
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
}

// isPublishedLine reports whether s is the site's line above the page
// (see publishedLine).
func isPublishedLine(s string) bool { return publishedLine(s) != nil }

// isFootnotes reports whether s is nothing but footnote marks, "[1] [2]",
// as the pattern `^(?:\[\d+\]\s*)+$` matches (TestFootnotesAsPattern,
// FuzzFootnotes).
func isFootnotes(s string) bool {
	i := 0
	for {
		if i >= len(s) || s[i] != '[' {
			return false
		}
		i++
		digits := i
		for i < len(s) && '0' <= s[i] && s[i] <= '9' {
			i++
		}
		if i == digits || i >= len(s) || s[i] != ']' {
			return false
		}
		i++
		for i < len(s) && text.IsRegexpSpace(s[i]) {
			i++
		}
		if i == len(s) {
			return true
		}
	}
}
