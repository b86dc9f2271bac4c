package prize

import (
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/film2ld/film2ld/ld/diag"
	"github.com/film2ld/film2ld/mapping/film"
	"github.com/film2ld/film2ld/mapping/internal/locale"
	"github.com/film2ld/film2ld/mapping/internal/text"
)

// A prize page's segmentation: how its lines make paragraphs.
//
// The page's own dump puts a blank line between its facts, so a run of
// non-blank lines was a paragraph. A page copied otherwise has none: a
// browser's "Select all, copy", a dump with the blank lines taken out, a
// PDF's text. Read as one paragraph, such a page was one film named by
// all its text (audit 18). So a line also starts a paragraph of its own
// by what it is, blank line or not:
//
//   - in the header (everything before the synopsis's heading or the first
//     "Label: value" line that is not the director's), every line: the
//     header holds one fact a line (the title, the director, a country,
//     the running time, the year);
//   - a "Label: value" line (a list of names, one a line, may follow it);
//   - the synopsis's heading ("Synopsis:", or "Synopsis" alone above
//     prose), the site's line, a breadcrumb, the footer's "Source URL"
//     and "Links:", the link marks ("[1]"), an icon glyph;
//   - the site's furniture: a cookie banner and its buttons, "Skip to
//     main content", a menu, "Share this page", a copyright line.
//
// In a run of lines that holds none of these after its first line, the
// run is one paragraph, as it always was ("Cast:" and one actor a line).

// lineKind is what a line of the page is, for segmentation.
type lineKind uint8

const (
	kindBlank lineKind = iota
	// kindPlain is any other line: a title, a name, prose.
	kindPlain
	// kindLabel is a "Label: value" line.
	kindLabel
	// kindHeading is the synopsis's heading, with no text after it.
	kindHeading
	// kindAlone is a line that is a paragraph of its own (see above).
	kindAlone
	// kindFurniture is the site's furniture, which is left out.
	kindFurniture
)

// segLine is a line of the page as paragraphs reads it: 24 bytes, for
// every line of a page (its number and its text as written are the
// page's, at its place).
type segLine struct {
	text string // cleaned, with markdown and markup removed
	at   int32  // its place in the page's reading order (page.at)
	kind lineKind
	// crumb says the line is a trail of links separated by ">".
	crumb bool
}

// page is a page's lines in reading order: its document's lines, or,
// where a run of them is set in columns, readingOrder's. A page with no
// columns, nearly every one, is read from its lines as they are: a list
// of them in reading order (24 bytes a line) beside their segLines (48,
// with each line's number and text as written in it) was 16 MB of a
// page of 116,000 crew lines while it was split into paragraphs.
type page struct {
	lines []string
	order []srcLine // nil: the lines in their order
}

// len returns how many lines the page has in reading order.
func (pg page) len() int {
	if pg.order == nil {
		return len(pg.lines)
	}
	return len(pg.order)
}

// at returns the number in the document, from 1, and the text as written
// (a column's part of it) of the line at place i in reading order.
func (pg page) at(i int) (n int, raw string) {
	if pg.order == nil {
		return i + 1, pg.lines[i]
	}
	return pg.order[i].n, pg.order[i].raw
}

// hasColumns reports whether a run of non-blank lines may be set in
// columns, as readingOrder tells one: two of its lines or more hold a
// gutter.
func hasColumns(lines []string) bool {
	gutters := 0
	for _, l := range lines {
		switch {
		case text.IsBlank(l):
			gutters = 0
		case hasGutter(l):
			if gutters++; gutters >= 2 {
				return true
			}
		}
	}
	return false
}

// paragraphs splits a page into paragraphs with markdown removed (see the
// segmentation above).
func paragraphs(lines []string) ([]paragraph, *film.Error) {
	if err := runTooLong(lines); err != nil {
		return nil, err
	}
	pg := page{lines: lines}
	layout := false
	if hasColumns(lines) {
		pg.order, layout = readingOrder(lines)
	}
	ls := classify(pg, layout)
	// Every paragraph's lines are a part of one list of the page's
	// texts: a list for each was a prize page's commonest allocation.
	texts := make([]string, len(ls))
	for i := range ls {
		texts[i] = ls[i].text
	}
	var out []paragraph
	header := true
	for from := 0; from < len(ls); {
		if ls[from].kind == kindBlank {
			from++
			continue
		}
		to := from
		for to < len(ls) && ls[to].kind != kindBlank {
			to++
		}
		block, blockTexts := ls[from:to], texts[from:to]
		from = to
		for header && len(block) > 0 {
			if endsHeader(block[0]) {
				header = false
				break
			}
			out = append(out, newParagraph(pg, block[:1], blockTexts[:1]))
			block, blockTexts = block[1:], blockTexts[1:]
		}
		if len(block) == 0 {
			continue
		}
		out = appendBody(out, pg, block, blockTexts)
	}
	return out, nil
}

// endsHeader reports whether a line ends the page's header: the synopsis's
// heading, or a label line other than the director's ("Regie: Ana Lis",
// which the header reads).
func endsHeader(l segLine) bool {
	return l.kind == kindHeading || l.kind == kindLabel && !opensWithDirector(l.text)
}

// appendBody appends a run of non-blank lines after the header, as one
// paragraph where no line after its first starts one (a blank-separated
// page's paragraph), else split where lines start paragraphs.
func appendBody(out []paragraph, pg page, block []segLine, texts []string) []paragraph {
	// A heading, the site's line, a footer's line or furniture is a
	// paragraph of its own even at the top of a run ("Synopsis:" and the
	// text below it).
	split := block[0].kind != kindPlain && block[0].kind != kindLabel
	for _, l := range block[1:] {
		if l.kind != kindPlain {
			split = true
			break
		}
	}
	if !split {
		return append(out, newParagraph(pg, block, texts))
	}
	start := 0
	for j := 1; j <= len(block); j++ {
		if j < len(block) && !startsParagraph(block[start], block[j-1], block[j]) {
			continue
		}
		out = append(out, newParagraph(pg, block[start:j], texts[start:j]))
		start = j
	}
	return out
}

// startsParagraph reports whether line l, in a run of lines that has to be
// split, starts a paragraph after the paragraph that first started and
// whose last line is prev. A plain line goes on a label's paragraph when
// it reads as one more item of its list (a few words, no sentence's end,
// or the line above ends in a comma or "and"), and a paragraph of prose
// when the line above does not end a sentence (the text is wrapped).
func startsParagraph(first, prev, l segLine) bool {
	if l.kind != kindPlain {
		return true
	}
	switch first.kind {
	case kindLabel:
		return !goesOn(prev.text) && (endsSentence(l.text) || len(strings.Fields(l.text)) > 12)
	case kindPlain:
		return endsSentence(prev.text)
	}
	return true
}

// goesOn reports whether a line ends where its value plainly goes on: a
// comma, a semicolon, an "&" or an "and".
func goesOn(s string) bool {
	if strings.HasSuffix(s, ",") || strings.HasSuffix(s, ";") || strings.HasSuffix(s, "&") {
		return true
	}
	i := strings.LastIndexByte(s, ' ')
	switch strings.ToLower(s[i+1:]) {
	case "and", "et", "und", "y", "e":
		return true
	}
	return false
}

// endsSentence reports whether a line ends a sentence: with ".", "!",
// "?" or "…" (closing quotes and brackets aside), where a full stop does
// not end an abbreviation that a name or a company's name ends with
// ("Jr.", "Ltd.", "S.A.").
func endsSentence(s string) bool {
	s = strings.TrimRight(s, ")]\"'”’»")
	r, _ := utf8.DecodeLastRuneInString(s)
	switch r {
	case '!', '?', '…':
		return true
	case '.':
	default:
		return false
	}
	word := strings.TrimSuffix(s[strings.LastIndexByte(s, ' ')+1:], ".")
	if strings.Contains(word, ".") {
		return false // "S.A.", "J.R.R."
	}
	first, _ := utf8.DecodeRuneInString(word)
	return !(unicode.IsUpper(first) && utf8.RuneCountInString(word) <= 3)
}

// runTooLong returns an error at the first line of the first run of
// non-blank lines longer than text.MaxLine, as a line that long is: a
// whole prize page is a few kilobytes, with or without its blank lines,
// and the page of 60 lines of junk in one paragraph, joined, split at its
// commas and searched, took 4 times its 60 MB. It is found before any line
// is read further, in the bytes up to the limit.
func runTooLong(lines []string) *film.Error {
	start, size := 0, 0
	for i, l := range lines {
		if text.IsBlank(l) {
			size = 0
			continue
		}
		if size == 0 {
			start = i + 1
		}
		if size += len(l) + 1; size > text.MaxLine {
			return &film.Error{Pos: diag.Position{Line: start}, Err: fmt.Errorf("%w: the paragraph starting at line %d is longer than %d MiB (a prize page's paragraphs hold one fact each)", text.ErrLineTooLong, start, text.MaxLine>>20)}
		}
	}
	return nil
}

// newParagraph makes a paragraph of lines, whose texts are texts (a part
// of the page's list, held at its length: a paragraph's list never grows
// into the next one's).
func newParagraph(pg page, lines []segLine, texts []string) paragraph {
	texts = texts[:len(texts):len(texts)]
	crumb := true
	for _, l := range lines {
		crumb = crumb && l.crumb
	}
	n, raw := pg.at(int(lines[0].at))
	return paragraph{text: strings.Join(texts, " "), line: n, lines: texts, crumb: crumb, raw: raw,
		furniture: lines[0].kind == kindFurniture, label: lines[0].kind == kindLabel}
}

// classify reads each line of the page, in reading order, and tells what
// it is. In a page set in columns (layout), a printed page's furniture is
// furniture too: its number ("Page 2 of 3", "- 2 -") and a line printed
// again on each page (its header or its footer), after its first.
func classify(pg page, layout bool) []segLine {
	ls := make([]segLine, pg.len())
	published := false
	printed := map[string]bool{}
	for i := range ls {
		_, raw := pg.at(i)
		l := segLine{at: int32(i)}
		if !text.IsBlank(raw) {
			l.text = text.Clean(text.Unmarkup(unmarkdown(raw)))
			// The trail is read before unmarkdown makes its links text;
			// only a line that holds a link and a ">" can be one.
			l.crumb = strings.Contains(raw, "](") && strings.ContainsAny(raw, ">›»") && crumbTrailRe.MatchString(text.Clean(raw))
		}
		if l.text != "" {
			l.kind = kindOf(l, &published)
		}
		if layout && (l.kind == kindPlain || l.kind == kindAlone && isPublishedLine(l.text)) {
			key := printedKey(l.text)
			switch {
			case pageNumber(l.text), pageNumber(lastCell(raw)):
				// "Page 2 of 3", or a footer that ends with the number
				// ("https://prize.example/films/kite-hill      1/2").
				l.kind = kindFurniture
			case printed[key] && !isHeaderFact(l.text):
				l.kind = kindFurniture
			}
			printed[key] = true
		}
		ls[i] = l
	}
	menus(ls)
	bareHeadings(ls)
	return ls
}

// gutterRun is a wide run of spaces, as columns are set apart.
var gutterRun = strings.Repeat(" ", minGutter)

// unreadColumns reports whether a line holds columns that readingOrder
// could not read apart: after a wide run of spaces stands what starts a
// line of its own (a label, the synopsis's heading, a header fact, the
// director's phrase). A title with a few spaces too many is still one.
func unreadColumns(raw string) bool {
	cells := strings.Split(strings.TrimSpace(raw), gutterRun)
	for _, c := range cells[1:] {
		c = text.Clean(unmarkdown(c))
		if c == "" {
			continue
		}
		if labelLine(c) != nil || isHeaderFact(c) || opensWithDirector(c) {
			return true
		}
		if isSynopsisLabel(c) {
			return true
		}
	}
	return false
}

// lastCell returns what follows a line's last wide run of spaces, or "".
func lastCell(raw string) string {
	raw = strings.TrimSpace(raw)
	i := strings.LastIndex(raw, gutterRun)
	if i < 0 {
		return ""
	}
	return strings.TrimSpace(raw[i:])
}

// printedKey is a line as a printed page's header or footer repeats it:
// its numbers may change ("1/2", "2/2").
func printedKey(t string) string {
	return strings.Map(func(r rune) rune {
		if '0' <= r && r <= '9' {
			return '0'
		}
		return r
	}, t)
}

// pageNumberSpacing sets a page number's marks apart from its numbers.
var pageNumberSpacing = strings.NewReplacer("/", " / ", "–", "-", "—", "-")

// pageNumber reports whether a line is a printed page's number: "Page 2",
// "Page 2 of 3", "2 / 3", "- 2 -", "Seite 2 von 3", "Página 2 de 3". A
// number alone is none: it may be a year or a title.
func pageNumber(t string) bool {
	if len(t) > 24 || !strings.ContainsAny(t, "0123456789") {
		return false
	}
	f := strings.Fields(strings.ToLower(pageNumberSpacing.Replace(t)))
	num := func(s string) bool { return s != "" && len(s) <= 4 && strings.Trim(s, "0123456789") == "" }
	// "2 of 3": the page is one of the pages ("24/7" is no page number).
	of := func(page, pages string) bool {
		n, m := strings.TrimLeft(page, "0"), strings.TrimLeft(pages, "0")
		return num(page) && num(pages) && n != "" && (len(n) < len(m) || len(n) == len(m) && n <= m)
	}
	switch {
	case len(f) == 3 && f[0] == "-" && num(f[1]) && f[2] == "-":
		return true
	case len(f) == 3 && f[1] == "/":
		return of(f[0], f[2])
	}
	if len(f) >= 2 && (f[0] == "page" || f[0] == "seite" || f[0] == "página" || f[0] == "pagina" || f[0] == "p.") && num(f[1]) {
		switch rest := f[2:]; {
		case len(rest) == 0:
			return true
		case len(rest) == 2 && (rest[0] == "of" || rest[0] == "/" || rest[0] == "sur" || rest[0] == "von" || rest[0] == "de" || rest[0] == "di"):
			return of(f[1], rest[1])
		}
	}
	return false
}

// kindMenu is a word of a site's menu ("Home", "Films", "EN"), furniture
// only among other furniture (menus resolves it): alone, it may be a
// title ("Home", "Contact").
const kindMenu = kindFurniture + 1

// kindBare is a synopsis label written alone with no colon ("Synopsis",
// "Inhalt"), a heading where prose follows it (bareHeadings resolves it).
const kindBare = kindFurniture + 2

// kindOf tells what a non-blank line is. published says the site's line
// was seen: a second one is a printed page's header, furniture.
func kindOf(l segLine, published *bool) lineKind {
	t := l.text
	switch {
	case strings.Contains(t, "://") && isPublishedLine(t):
		if *published {
			return kindFurniture
		}
		*published = true
		return kindAlone
	case l.crumb, t == "Links:", isGlyph(t), isFootnotes(t), isSourceLine(t):
		return kindAlone
	}
	switch furnitureOf(t) {
	case strongFurniture:
		return kindFurniture
	case menuFurniture:
		return kindMenu
	}
	if m := labelLine(t); m != nil {
		if strings.TrimSpace(m[2]) == "" && isSynopsisLabel(m[1]) {
			return kindHeading
		}
		return kindLabel
	}
	if len(t) <= 40 && isSynopsisLabel(t) {
		return kindBare
	}
	return kindPlain
}

// isSynopsisLabel reports whether a label starts the synopsis
// ("Synopsis", "Inhalt", "Résumé").
func isSynopsisLabel(s string) bool {
	lb, ok := lookup(s)
	return ok && lb.fact == factSynopsis
}

// menus makes each menu word furniture where it stands next to other
// furniture (a menu is several words, a banner's button follows it), and
// a plain line where it stands alone.
func menus(ls []segLine) {
	furnitureAt := func(i int) bool {
		return i >= 0 && i < len(ls) && (ls[i].kind == kindFurniture || ls[i].kind == kindMenu)
	}
	for i := range ls {
		if ls[i].kind != kindMenu {
			continue
		}
		prev, next := i-1, i+1
		for prev >= 0 && ls[prev].kind == kindBlank {
			prev--
		}
		for next < len(ls) && ls[next].kind == kindBlank {
			next++
		}
		if !furnitureAt(prev) && !furnitureAt(next) {
			ls[i].kind = kindPlain
		}
	}
	for i := range ls {
		if ls[i].kind == kindMenu {
			ls[i].kind = kindFurniture
		}
	}
}

// bareHeadings makes a synopsis label written alone ("Synopsis") the
// synopsis's heading where prose follows it (a browser's copy of the
// page's heading), and a plain line elsewhere: a film may be called
// "Summary", and its director's line follows it.
func bareHeadings(ls []segLine) {
	for i := range ls {
		if ls[i].kind != kindBare {
			continue
		}
		ls[i].kind = kindPlain
		if prose(ls[i+1:]) {
			ls[i].kind = kindHeading
			ls[i].text += ":"
		}
	}
}

// prose reports whether the page goes on with prose: plain lines, up to
// the first that ends a sentence, which make four words or more. A
// director's name and the countries below it end no sentence.
func prose(ls []segLine) bool {
	for len(ls) > 0 && ls[0].kind == kindBlank {
		ls = ls[1:]
	}
	words := 0
	for k, l := range ls {
		if l.kind != kindPlain || k >= 8 {
			return false
		}
		if words += len(strings.Fields(l.text)); endsSentence(l.text) {
			return words >= 4
		}
	}
	return false
}

// furniture is how a line is the site's furniture.
type furniture uint8

const (
	noFurniture furniture = iota
	// strongFurniture is furniture wherever it stands: a cookie banner,
	// "Skip to main content", "Share this page", a copyright line.
	strongFurniture
	// menuFurniture is a menu's word, furniture only among other
	// furniture.
	menuFurniture
)

// furnitureOf tells whether a line is the site's furniture, in the
// languages of the prize's site.
func furnitureOf(t string) furniture {
	switch {
	case len(t) > 300:
		return noFurniture
	case strings.HasPrefix(t, "©") || strings.HasPrefix(t, "(c) ") || strings.HasPrefix(t, "(C) "):
		return strongFurniture
	case strings.Contains(t, "ookie") || strings.Contains(t, "OOKIE"):
		if cookieBanner(strings.ToLower(locale.StripAccents(t))) {
			return strongFurniture
		}
	}
	// Every line of the table, and every language switch, is short: a
	// page's other lines are not folded (each line of the page comes
	// here).
	if len(t) > maxFurnitureLine {
		return noFurniture
	}
	switch languageCodes(t) {
	case 0:
	case 1:
		return menuFurniture
	default:
		return strongFurniture
	}
	key := strings.TrimRight(t, ".!:›»>×✕ ")
	if isASCII(key) {
		// Folded in a buffer on the stack (the line is short, see
		// above), which the map is looked up with uncopied: a copy in
		// lower case was made for most lines of a page, which start
		// with a capital.
		var buf [maxFurnitureLine]byte
		b := buf[:copy(buf[:], key)]
		for i, c := range b {
			if 'A' <= c && c <= 'Z' {
				b[i] = c + 'a' - 'A'
			}
		}
		return furnitureLines()[string(b)]
	}
	return furnitureLines()[strings.ToLower(locale.StripAccents(key))]
}

// maxFurnitureLine is the longest line, in bytes, of furnitureLines and
// of a language switch.
const maxFurnitureLine = 48

// cookieBanner reports whether a line (lower case, without accents) is a
// cookie banner's: it names cookies and what a banner says of them.
func cookieBanner(key string) bool {
	if !strings.Contains(key, "cookie") {
		return false
	}
	for _, w := range []string{"we use", "uses cookies", "use of cookies", "accept", "consent", "privacy", "policy",
		"settings", "preferences", "website", "our site", "this site", "experience", "browsing",
		"utilise", "utilisons", "verwendet", "verwenden", "nutzt", "utilizza", "utilizziamo", "utiliza", "utilizamos", "usa "} {
		if strings.Contains(key, w) {
			return true
		}
	}
	return false
}

// languageCodes counts the language codes a line is made of ("EN",
// "EN | FR | DE"), or returns 0 if it holds anything else: each field
// between spaces, bars, slashes and middle dots is two capitals. It
// reads the bytes as they come, where splitting the line into fields
// made a list for each line that starts with a capital, most of a page.
func languageCodes(t string) int {
	if t[0] < 'A' || t[0] > 'Z' {
		return 0
	}
	// sep returns the length of the separator at i, or 0.
	sep := func(i int) int {
		switch {
		case t[i] == ' ' || t[i] == '|' || t[i] == '/':
			return 1
		case strings.HasPrefix(t[i:], "·"):
			return len("·")
		}
		return 0
	}
	upper := func(c byte) bool { return 'A' <= c && c <= 'Z' }
	n := 0
	for i := 0; i < len(t); {
		if k := sep(i); k > 0 {
			i += k
			continue
		}
		if i+2 > len(t) || !upper(t[i]) || !upper(t[i+1]) || i+2 < len(t) && sep(i+2) == 0 {
			return 0
		}
		i += 2
		n++
	}
	return n
}

// furnitureLines are the site's furniture lines, lower case, without
// accents and without a final full stop or arrow, in the languages of
// the prize's site.
var furnitureLines = sync.OnceValue(func() map[string]furniture {
	m := map[string]furniture{}
	for _, s := range strings.Split(`accept|accept all|accept all cookies|accept cookies|i accept|agree|i agree|got it|
		reject|reject all|decline|refuse|deny|allow all|allow cookies|learn more|more information|more info|
		privacy|privacy policy|privacy notice|legal notice|legal notices|terms of use|terms and conditions|cookie policy|
		imprint|impressum|datenschutz|datenschutzerklarung|mentions legales|politique de confidentialite|aviso legal|
		politica de privacidad|note legali|informativa sulla privacy|
		accepter|tout accepter|j'accepte|refuser|tout refuser|akzeptieren|alle akzeptieren|ablehnen|aceptar|aceptar todo|
		rechazar|accetta|accetta tutto|rifiuta|
		skip to main content|skip to content|skip navigation|jump to navigation|aller au contenu|aller au contenu principal|
		zum inhalt springen|zum hauptinhalt springen|ir al contenido|saltar al contenido|vai al contenuto|
		back to top|go to top|scroll to top|retour en haut|nach oben|
		share this page|share this|share on facebook|share on twitter|partager cette page|diese seite teilen|
		compartir esta pagina|condividi questa pagina|print this page|imprimer cette page|
		watch the trailer|watch trailer|play trailer|view trailer|see the trailer|voir la bande-annonce|
		trailer ansehen|ver el trailer|guarda il trailer|toggle navigation|open menu|close menu`, "|") {
		m[strings.TrimSpace(s)] = strongFurniture
	}
	for _, s := range strings.Split(`home|homepage|about|about us|films|movies|news|contact|contact us|press|partners|
		search|menu|login|log in|sign in|sign up|register|subscribe|newsletter|close|ok|top|share|print|
		facebook|twitter|x|instagram|youtube|vimeo|linkedin|tiktok|whatsapp|pinterest|e-mail|email|mail|rss|
		accueil|a propos|actualites|presse|recherche|partager|imprimer|fermer|
		startseite|uber uns|filme|aktuelles|kontakt|suche|teilen|drucken|schliessen|
		inicio|acerca de|peliculas|noticias|prensa|contacto|buscar|compartir|imprimir|cerrar|
		chi siamo|notizie|stampa|contatti|cerca|condividi|chiudi`, "|") {
		m[strings.TrimSpace(s)] = menuFurniture
	}
	return m
})
