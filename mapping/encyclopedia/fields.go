package encyclopedia

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/film2ld/film2ld/mapping/film"
	"github.com/film2ld/film2ld/mapping/internal/cast"
	"github.com/film2ld/film2ld/mapping/internal/locale"
	"github.com/film2ld/film2ld/mapping/internal/text"

	"github.com/film2ld/film2ld/mapping/internal/lazyre"
)

// closeField turns the open infobox field's values into facts. Each value
// line is one item of the field's list, or a list of its own ("Anne
// Coesens, Alexandre Gontcharov").
func (p *parser) closeField() {
	of := p.field
	if of == nil {
		return
	}
	p.field = nil
	if len(of.values) == 0 {
		p.note(of.line, "infobox field %q has no value", of.label)
		return
	}
	for i := range of.values {
		of.values[i].Value = text.Clean(footnoteRe.ReplaceAllString(of.values[i].Value, ""))
	}
	f := &p.src.Film
	if !of.known {
		if seriesLabel(of.label) {
			// A series' article read as a film gave a Movie with no word
			// (audit 17's miniseries): film2ld maps films.
			p.note(of.line, "infobox field %q: the article describes a television series, which film2ld reads as one Movie (schema.org's TVSeries is not written); left out: %q", of.label, text.Short(joinValues(of.values).Value))
			return
		}
		// Not film.Unmapped: that says schema.org has no term for the fact,
		// which nobody has checked for a label film2ld does not know.
		p.note(of.line, "infobox field %q is not known to film2ld; left out: %q", of.label, text.Short(joinValues(of.values).Value))
		return
	}
	fd := of.f
	switch fd.fact {
	case factCredit:
		for _, v := range of.values {
			value := p.dropSegments(of.label, film.Text{Value: p.dropDisambiguations(of.label, v, false), Line: v.Line})
			credits := text.Credits(fd.role, fd.roleName, fd.org, value, v.Line)
			if fd.org {
				p.src.Notes = append(p.src.Notes, text.DropRoleNotes(of.label, v.Line, credits)...)
				p.dropTerritories(of.label, credits)
			} else {
				p.dropCreditNotes(of.label, credits)
				// "Writer: Edith M. Ward (story), Ralph O'Shea (titles)":
				// the part is the credit's role name (audit 18: both
				// writers were left out).
				p.src.Notes = append(p.src.Notes, text.TakeCreditParts(of.label, credits, cast.IsAnnotation)...)
			}
			f.Credits = p.credits.Add(f.Credits, credits...)
		}
	case factCast:
		for _, v := range of.values {
			for _, name := range text.SplitNames(p.dropDisambiguations(of.label, v, false)) {
				m, ok := cast.Parse(name)
				if !ok {
					p.note(v.Line, "%s: %q is not an actor's name; left out", of.label, text.Short(name))
					continue
				}
				m.Actor.Line = v.Line
				cast.AddRoleName(&m, fd.castRole)
				p.addEntry(m)
			}
		}
	case factRuntime:
		p.runtime(of)
	case factCountries:
		for _, v := range of.values {
			for _, c := range text.SplitList(v.Value) {
				f.Countries = append(f.Countries, film.Text{Value: c, Line: v.Line})
			}
		}
	case factLanguages:
		for _, v := range of.values {
			for _, l := range text.SplitList(v.Value) {
				f.Languages = append(f.Languages, film.Text{Value: l, Line: v.Line})
			}
		}
	case factGenres:
		for _, v := range of.values {
			for _, g := range text.SplitList(v.Value) {
				f.Genres = append(f.Genres, film.Text{Value: g, Line: v.Line})
			}
		}
	case factReleases:
		for _, v := range of.values {
			p.releases(of.label, v)
		}
	case factBasedOn:
		p.basedOn(of.values)
	case factYear:
		v := joinValues(of.values)
		y, ok := text.ParseYear(v.Value)
		if !ok {
			p.note(v.Line, "%s: %q is not a film's year (1880 to 2999); left out", of.label, text.Short(v.Value))
			return
		}
		if !f.Year.Set {
			f.Year = film.Single{Value: float64(y), Set: true, Line: v.Line}
		} else if int(f.Year.Value) != y {
			p.note(v.Line, "%s: %d, but the title says %s; kept %s", of.label, y, f.Year, f.Year)
		}
	case factOtherTitle:
		for _, v := range of.values {
			if v.Value != f.Title.Value && !hasTitle(f.OtherTitles, v.Value) {
				f.OtherTitles = append(f.OtherTitles, v)
			}
		}
	case factContentRating:
		for _, v := range of.values {
			for _, r := range text.SplitList(v.Value) {
				f.ContentRatings = append(f.ContentRatings, film.Text{Value: r, Line: v.Line})
			}
		}
	case factUnmapped:
		f.Unmapped = append(f.Unmapped, film.Field{Label: of.label, Text: joinValues(of.values)})
	}
}

// joinValues joins a field's value lines for a message.
func joinValues(vs []film.Text) film.Text {
	parts := make([]string, len(vs))
	for i, v := range vs {
		parts[i] = v.Value
	}
	return film.Text{Value: strings.Join(parts, ", "), Line: vs[0].Line}
}

// rangeRe is a range of minutes: "95–100 minutes", "95-100 min".
var rangeRe = lazyre.New(`\d\s*[–—-]\s*\d+\s*(?:minutes?|mins?|minuten|minuti|minutos)\b`)

// runtime reads a running time in whatever unit the article writes it
// ("90 minutes", "1h 30min", "95 min", "12 minutes 40 seconds", "0:12:40",
// "118 Minuten"), to the second. An article that states several (a
// festival cut and a theatrical one) gives the first, with a note; a
// clock time that may be hours or minutes ("5:30") is left out, with a
// note, rather than guessed.
func (p *parser) runtime(of *openField) {
	v := joinValues(of.values)
	if rangeRe.MatchString(v.Value) {
		// "95–100 minutes" states no one running time; taking either end
		// would invent one.
		p.note(v.Line, "%s: %q is a range, not one running time; left out", of.label, text.Short(v.Value))
		return
	}
	found, unclear := text.RunningTimes(v.Value)
	for _, u := range unclear {
		p.note(v.Line, "%s: %q may be hours and minutes or minutes and seconds; left out", of.label, u)
	}
	if len(found) == 0 {
		if len(unclear) == 0 {
			p.note(v.Line, "%s: %q is not a running time; left out", of.label, text.Short(v.Value))
		}
		return
	}
	p.src.Film.Runtime = film.SecondsOf(found[0], v.Line)
	for _, other := range found[1:] {
		if other != found[0] {
			p.note(v.Line, "%s: %q states more than one running time; kept the first, %s", of.label, text.Short(v.Value), p.src.Film.Runtime)
			return
		}
	}
}

// releases reads "12 May 2015 (Cannes), 3 June 2015 (France)". Dates are
// found rather than split on commas because "May 12, 2015" holds one.
func (p *parser) releases(label string, v film.Text) {
	value := englishMonths(v.Value)
	spans := releaseRe.FindAllStringSubmatchIndex(value, -1)
	if spans == nil {
		p.note(v.Line, "%s: no date in %q; left out", label, text.Short(v.Value))
		return
	}
	// The matches' groups, from their places: one search finds both.
	group := func(span []int, g int) string {
		if span[2*g] < 0 {
			return ""
		}
		return value[span[2*g]:span[2*g+1]]
	}
	for i, span := range spans {
		m := []string{group(span, 0), group(span, 1), group(span, 2)}
		if i > 0 && isRunEnd(value, spans[i-1], span) {
			// "3 March 2021 – 7 April 2021": a series' run, whose end
			// is no release of the film (audit 17 found two).
			p.note(v.Line, "%s: %q ends the run that starts %q, no release; left out", label, m[1], group(spans[i-1], 1))
			continue
		}
		date, err := text.ParseDate(m[1])
		if err != nil {
			// A month alone is a date of ISO 8601's reduced precision,
			// as schema.org's Date takes it: "May 2019" is 2019-05.
			if month, ok := text.ParseMonth(m[1]); ok {
				date, err = month, nil
			}
		}
		if err != nil {
			p.note(v.Line, "%s: %v; left out", label, err)
			continue
		}
		place := p.releasePlace(label, v.Line, strings.TrimSpace(m[2]))
		p.src.Film.Releases = append(p.src.Film.Releases, film.Release{Date: film.Text{Value: date, Line: v.Line}, Place: place})
	}
}

// foreignDateRe is a date with its month in words, as French, German,
// Italian and Spanish articles write it: "14 mai 2019", "1er octobre
// 2019", "17. Mai 2019", "14 maggio 2019", "14 de mayo de 2019".
var foreignDateRe = lazyre.New(`\b(\d{1,2})(?:er|º|°)?\.?\s+(?:de\s+)?(\pL+)\.?\s+(?:de\s+|del\s+)?(\d{4})\b`)

// englishMonths writes the dates of a release value with their months in
// English ("14 May 2019"), for releaseRe and text.ParseDate, which read
// English months; a word that is no month stays.
func englishMonths(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return r >= '0' && r <= '9' }) {
		return s
	}
	return foreignDateRe.ReplaceAllStringFunc(s, func(d string) string {
		m := foreignDateRe.FindStringSubmatch(d)
		month, ok := foreignMonths[strings.ToLower(m[2])]
		if !ok {
			return d
		}
		return m[1] + " " + month + " " + m[3]
	})
}

// foreignMonths are the months in French, German, Italian and Spanish,
// lower case, with their English names.
var foreignMonths = map[string]string{
	"janvier": "January", "février": "February", "fevrier": "February", "mars": "March", "avril": "April", "mai": "May",
	"juin": "June", "juillet": "July", "août": "August", "aout": "August", "septembre": "September", "octobre": "October",
	"novembre": "November", "décembre": "December", "decembre": "December",
	"januar": "January", "jänner": "January", "februar": "February", "märz": "March", "juni": "June", "juli": "July",
	"oktober": "October", "dezember": "December", "april": "April", "august": "August", "september": "September",
	"november": "November",
	"gennaio":  "January", "febbraio": "February", "marzo": "March", "aprile": "April", "maggio": "May", "giugno": "June",
	"luglio": "July", "agosto": "August", "settembre": "September", "ottobre": "October", "dicembre": "December",
	"enero": "January", "febrero": "February", "abril": "April", "mayo": "May", "junio": "June", "julio": "July",
	"septiembre": "September", "setiembre": "September", "octubre": "October", "noviembre": "November", "diciembre": "December",
}

// releasePlace is the place of a release's bracket without the kind of
// release written after it ("United States, limited", "Venice,
// premiere"), which is no part of the place (audit 15: the place was
// "United States, limited"); schema.org has no property for the kind, so
// a note says it is left out. A bracket of the kind alone ("limited")
// gives no place.
func (p *parser) releasePlace(label string, line int, place string) string {
	head, kind := "", place
	if i := strings.LastIndexAny(place, ",;"); i >= 0 {
		head, kind = strings.TrimSpace(place[:i]), strings.TrimSpace(place[i+1:])
	}
	if !releaseKinds[strings.ToLower(kind)] {
		return place
	}
	p.note(line, "%s: %q: the kind of release, %q, is left out of the place", label, text.Short(place), kind)
	return head
}

// releaseKinds are the words an infobox writes after a release's place
// for the kind of release, lower case.
var releaseKinds = map[string]bool{
	"limited": true, "limited release": true, "wide": true, "wide release": true, "premiere": true,
	"world premiere": true, "festival": true, "re-release": true, "rerelease": true, "re-issue": true,
	"reissue": true, "theatrical": true, "theatrical release": true, "streaming": true, "television": true,
	"tv": true, "broadcast": true, "dvd": true, "home video": true, "video": true, "digital": true,
	"restored": true, "restoration": true, "restored version": true, "director's cut": true, "preview": true,
	"special screening": true, "screening": true, "original release": true, "general release": true,
}

// basedOn reads "Vinterhavn by Ingrid Åsmundsen", and the same over two
// lines ("Vinterhavn" / "by Ingrid Åsmundsen"), as infoboxes render their
// "based on" template; several works are separated by ";" or stand on
// lines of their own.
func (p *parser) basedOn(values []film.Text) {
	f := &p.src.Film
	for _, v := range values {
		if rest, ok := strings.CutPrefix(v.Value, "by "); ok && len(f.BasedOn) > 0 && f.BasedOn[len(f.BasedOn)-1].Author == "" {
			f.BasedOn[len(f.BasedOn)-1].Author = strings.TrimSpace(rest)
			continue
		}
		for _, w := range strings.Split(v.Value, ";") {
			w = strings.TrimSpace(w)
			if w == "" {
				continue
			}
			work := film.Work{Name: film.Text{Value: w, Line: v.Line}}
			if m := basedOnRe.FindStringSubmatch(w); m != nil {
				work = film.Work{Name: film.Text{Value: m[1], Line: v.Line}, Author: m[2]}
			}
			f.BasedOn = append(f.BasedOn, work)
		}
	}
}

// dropTerritories takes from companies' names the territory in brackets
// an infobox gives after each ("Distributed by: Titanus (Italy), 20th
// Century Fox (United States)"), with a note: schema.org has no place for
// it, and in the name it made "Titanus (Italy)" a company apart from
// "Titanus" (audit 13).
func (p *parser) dropTerritories(label string, credits []film.Credit) {
	p.dropLastBracket(label, credits, "territory", func(territory string) bool {
		_, ok := locale.Country(territory)
		return ok || territoryWords[strings.ToLower(territory)]
	})
}

// dropLastBracket takes from each credited name the bracket it ends
// with, where drop says its text is a what (a territory, a remark), with
// a note.
func (p *parser) dropLastBracket(label string, credits []film.Credit, what string, drop func(inner string) bool) {
	for i := range credits {
		name := &credits[i].Agent.Name
		open := strings.LastIndex(name.Value, " (")
		if open < 0 || !strings.HasSuffix(name.Value, ")") || !drop(name.Value[open+2:len(name.Value)-1]) {
			continue
		}
		p.note(name.Line, "%s: %q: the %s in brackets is left out", label, text.Short(name.Value), what)
		name.Value = strings.TrimSpace(name.Value[:open])
	}
}

// segmentRe is the title of an anthology's segment in brackets after the
// names that directed or wrote it: ("Bora"), (segment "Molo Audace"),
// (“The Porter”).
var segmentRe = lazyre.New(`\s*\((?:segments?:?\s+)?["“„«‘][^()"“”„«»‘’]{1,120}["”“»’]\)`)

// dropSegments returns a credit line's value without the segment titles
// in brackets after its names ("Ulrike Hassenkamp and Luka Novak (\"Molo
// Audace\")"), each with a note: they are a note on the credit, not part
// of a name, and in the name they made it no person's (audit 15: an
// anthology's directors were left out). schema.org's Movie has no
// property for a segment.
func (p *parser) dropSegments(label string, v film.Text) string {
	if !strings.Contains(v.Value, "(") {
		return v.Value
	}
	for _, seg := range segmentRe.FindAllString(v.Value, -1) {
		seg = strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(seg), "("), ")")
		p.note(v.Line, "%s: %q: the segment in brackets, %s, is left out", label, text.Short(v.Value), seg)
	}
	return strings.TrimSpace(segmentRe.ReplaceAllString(v.Value, ""))
}

// bracketRe is a group in brackets after a word, with no bracket inside.
var bracketRe = lazyre.New(`\s\(([^()]{1,60})\)`)

// dropDisambiguations returns a value without the disambiguation in
// brackets that an encyclopedia writes after a person's name to tell
// the person's article from a namesake's ("Kim Min-jun (producer)",
// "Kovács István (actor, born 1990)", "Petra Holm (1950–2011)"), each
// with a note: it is no part of the name, and with it the person was
// left out (audit 17). Other brackets stay for the readers after this
// one (a character, a territory, a segment, an annotation).
//
// In a cast line (castLine) only a bracket after the actor counts, before
// any separator: "Ana Ruiz as Chiara (singer)" describes the part.
func (p *parser) dropDisambiguations(label string, v film.Text, castLine bool) string {
	if !strings.Contains(v.Value, "(") {
		return v.Value
	}
	out := v.Value
	for _, m := range bracketRe.FindAllStringSubmatchIndex(v.Value, -1) {
		if !disambiguation(v.Value[m[2]:m[3]]) || castLine && castSeparatorRe.MatchString(v.Value[:m[0]]) {
			continue
		}
		m := []string{v.Value[m[0]:m[1]], v.Value[m[2]:m[3]]}
		out = strings.Replace(out, m[0], "", 1)
		p.note(v.Line, "%s: %q: the disambiguation in brackets, %s, is left out", label, text.Short(v.Value), m[1])
	}
	return out
}

// castSeparatorRe finds what separates an actor from the character in a
// cast line.
var castSeparatorRe = lazyre.New(`\s(?:as|als|come|como|comme|[–—-])\s|:|\.\.|\t`)

// disambiguation reports whether a bracket's text tells a person from a
// namesake: a profession, perhaps with a nationality or a qualifier
// ("actor", "Swedish actor", "film producer"), a birth or life's years
// ("born 1990", "1950–2011"), or both after a comma.
func disambiguation(inner string) bool {
	parts := strings.Split(inner, ",")
	for _, part := range parts {
		if !profession(strings.TrimSpace(part)) && !lifeYearsRe.MatchString(strings.TrimSpace(part)) {
			return false
		}
	}
	return true
}

// lifeYearsRe is a person's birth year or years: "born 1990", "b. 1975",
// "né en 1950", "nato nel 1962", "geb. 1971", "1950–2011".
var lifeYearsRe = lazyre.New(`^(?i:(?:born|b\.|n\.|né|née|nato|nata|nacido|nacida|geb\.|geboren|szül\.)(?:\s+(?:in|en|nel|en el|im))?\s+(?:\d{1,2}\.?\s+\p{L}+\.?\s+)?\d{4}|\d{4}\s*[–-]\s*\d{4}|\d{4}\s*[–-])$`)

// profession reports whether a text is a person's profession, as a
// disambiguation writes it: one of professions, after at most two words
// that are a nationality (capitalised) or a qualifier ("film", "voice").
func profession(s string) bool {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 3 || !professions[words[len(words)-1]] {
		return false
	}
	for _, w := range words[:len(words)-1] {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) && !professionQualifiers[w] {
			return false
		}
	}
	return true
}

// professions are the words a disambiguation names a film person's (or
// another public person's) profession with, in the languages of the
// articles film2ld reads, as written: German nouns capitalised, the
// others in lower case (a capitalised "(The Actor)" is a character).
var professions = map[string]bool{
	"actor": true, "actress": true, "director": true, "filmmaker": true, "producer": true, "screenwriter": true,
	"writer": true, "author": true, "novelist": true, "composer": true, "musician": true, "singer": true,
	"cinematographer": true, "editor": true, "animator": true, "artist": true, "comedian": true, "dancer": true,
	"journalist": true, "photographer": true, "poet": true, "playwright": true, "presenter": true, "rapper": true,
	"Schauspieler": true, "Schauspielerin": true, "Regisseur": true, "Regisseurin": true, "Produzent": true,
	"Produzentin": true, "Drehbuchautor": true, "Drehbuchautorin": true, "Komponist": true, "Komponistin": true,
	"Kameramann": true, "Musiker": true, "Autor": true, "Autorin": true, "Schriftsteller": true,
	"acteur": true, "actrice": true, "réalisateur": true, "réalisatrice": true, "producteur": true,
	"productrice": true, "scénariste": true, "compositeur": true, "compositrice": true, "musicien": true,
	"chanteur": true, "chanteuse": true, "écrivain": true,
	"attore": true, "attrice": true, "regista": true, "produttore": true, "produttrice": true,
	"sceneggiatore": true, "sceneggiatrice": true, "compositore": true, "musicista": true, "cantante": true,
	"scrittore": true, "scrittrice": true,
	"actriz": true, "directora": true, "productor": true, "productora": true, "guionista": true,
	"compositor": true, "compositora": true, "autor": true, "músico": true, "escritor": true, "escritora": true,
	"színész": true, "színésznő": true, "rendező": true,
}

// professionQualifiers narrow a profession in a disambiguation ("film
// producer", "voice actress", "child actor").
var professionQualifiers = map[string]bool{
	"film": true, "stage": true, "voice": true, "television": true, "child": true, "music": true, "record": true,
	"theatre": true, "theater": true, "documentary": true, "animation": true, "sound": true, "video": true,
}

// dropCreditNotes takes from people's names the annotation in brackets
// an infobox writes after one ("Frédéric Chopin (uncredited)"), with a
// note: a crew credit has no place for it, and in the name it made the
// person no person's, left out.
func (p *parser) dropCreditNotes(label string, credits []film.Credit) {
	p.dropLastBracket(label, credits, "remark", func(remark string) bool {
		_, ok := cast.Annotations[strings.ToLower(remark)]
		return ok
	})
}

// territoryWords are territories an infobox writes that are no country's
// name.
var territoryWords = map[string]bool{
	"us": true, "u.s.": true, "usa": true, "uk": true, "u.k.": true, "worldwide": true,
	"international": true, "north america": true, "latin america": true, "europe": true,
}

// isRunEnd reports whether the date match at cur follows the one at prev
// as the end of a range: nothing but a dash or "to" between them, and no
// place after the first ("3 March 2021 – 7 April 2021").
func isRunEnd(value string, prev, cur []int) bool {
	if len(prev) >= 6 && prev[4] >= 0 {
		return false // the first date has its place: two releases
	}
	switch strings.TrimSpace(value[prev[1]:cur[0]]) {
	case "–", "—", "-", "to", "until", "bis", "au", "al":
		return true
	}
	return false
}

// seriesLabel reports whether an infobox label counts a series' seasons or
// episodes ("No. of episodes", "Staffeln", "Nombre d'épisodes", "N.º de
// temporadas"), which no film's infobox has.
func seriesLabel(label string) bool {
	l := strings.ToLower(locale.StripAccents(label))
	for _, w := range []string{"episode", "episod", "season", "saison", "staffel", "stagion", "temporad", "folgen"} {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}
