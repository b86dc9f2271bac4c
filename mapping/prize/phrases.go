package prize

import (
	"slices"
	"strings"
	"sync"

	"github.com/film2ld/film2ld/mapping/film"
	"github.com/film2ld/film2ld/mapping/internal/locale"
)

// directorPhrase is a phrase that introduces the film's director on a
// prize page, in the languages of the pages.
type directorPhrase struct {
	// words are the phrase as pages write it, lower case, accents and all.
	words string
	// writer says the phrase credits the writing too ("Written and
	// directed by").
	writer bool
	// label says the phrase is a label word ("Regie", "Director"), which
	// introduces a name only with a colon after it, or, alone on a
	// header line, before a capitalised name: "Director of photography"
	// is another role.
	label bool
}

// directorPhrases is the one table of the ways a prize page introduces its
// director: the header's line ("Réalisé par X", "Regie: X"), a credit line
// after the synopsis ("Written and directed by X") and the crew labels
// (labels adds each). A name must never start with one of them: read as a
// name, "Réalisé par Anne-Sophie De Vries" was a Person beside the director
// (audit 17), and "Regie: X" in the header lost the countries, running
// time and year below it. A new rendering is one row here and in
// TestDirectorPhrases.
var directorPhrases = []directorPhrase{
	// English.
	{words: "directed by"}, {words: "a film by"}, {words: "a film directed by"}, {words: "by"},
	{words: "written and directed by", writer: true}, {words: "written & directed by", writer: true},
	{words: "scripted and directed by", writer: true}, {words: "scripted & directed by", writer: true},
	{words: "directed and written by", writer: true}, {words: "directed & written by", writer: true},
	{words: "writer and director", writer: true, label: true}, {words: "writer-director", writer: true},
	{words: "writer/director", writer: true},
	{words: "director", label: true}, {words: "directors", label: true},
	// French.
	{words: "un film de"}, {words: "un film réalisé par"}, {words: "réalisé par"}, {words: "réalisée par"},
	{words: "une réalisation de"}, {words: "dirigé par"}, {words: "dirigée par"},
	{words: "écrit et réalisé par", writer: true}, {words: "écrit et réalisée par", writer: true},
	{words: "écrite et réalisée par", writer: true}, {words: "un film écrit et réalisé par", writer: true},
	{words: "scénario et réalisation", writer: true, label: true}, {words: "réalisation et scénario", writer: true, label: true},
	{words: "réalisation", label: true}, {words: "réalisateur", label: true}, {words: "réalisatrice", label: true},
	{words: "réalisateurs", label: true}, {words: "réalisatrices", label: true},
	// German.
	{words: "regie von"}, {words: "ein film von"}, {words: "inszeniert von"},
	{words: "geschrieben und inszeniert von", writer: true},
	{words: "buch und regie", writer: true, label: true}, {words: "drehbuch und regie", writer: true, label: true},
	{words: "regie und buch", writer: true, label: true}, {words: "regie und drehbuch", writer: true, label: true},
	{words: "regie", label: true}, {words: "regisseur", label: true}, {words: "regisseurin", label: true},
	// Italian.
	{words: "regia di"}, {words: "un film di"}, {words: "diretto da"},
	{words: "scritto e diretto da", writer: true},
	{words: "soggetto, sceneggiatura e regia", writer: true, label: true},
	{words: "sceneggiatura e regia", writer: true, label: true}, {words: "regia e sceneggiatura", writer: true, label: true},
	{words: "regia", label: true}, {words: "regista", label: true},
	// Spanish.
	{words: "dirigida por"}, {words: "dirigido por"}, {words: "una película de"}, {words: "un filme de"},
	{words: "escrita y dirigida por", writer: true}, {words: "escrito y dirigido por", writer: true},
	{words: "guion y dirección", writer: true, label: true}, {words: "guión y dirección", writer: true, label: true},
	{words: "dirección y guion", writer: true, label: true}, {words: "dirección y guión", writer: true, label: true},
	{words: "dirección", label: true}, {words: "directora", label: true}, {words: "directores", label: true},
}

// phraseEntry is a directorPhrase as directorLead matches it: without
// accents, its words counted.
type phraseEntry struct {
	directorPhrase
	folded string
	nWords int
}

// foldedPhrases are directorPhrases without accents, longest first, so
// that "written and directed by" is found before "directed by" and "a
// film directed by" before "a film by".
var foldedPhrases = sync.OnceValue(func() []phraseEntry {
	out := make([]phraseEntry, 0, len(directorPhrases))
	for _, ph := range directorPhrases {
		folded := locale.StripAccents(ph.words)
		out = append(out, phraseEntry{directorPhrase: ph, folded: folded, nWords: len(strings.Fields(folded))})
	}
	slices.SortStableFunc(out, func(a, b phraseEntry) int { return len(b.folded) - len(a.folded) })
	return out
})

// phraseFirstWords are the first words of foldedPhrases, lower-case without
// accents ("directed", "regie", "realise"). A line whose first word is none
// of them opens with no phrase, which most names and lines are told by
// without folding the whole line: folding every credited name and line was
// a tenth of a prize page's mapping.
var phraseFirstWords = sync.OnceValue(func() map[string]bool {
	out := map[string]bool{}
	for _, e := range foldedPhrases() {
		out[firstWord(e.folded)] = true
	}
	return out
})

// firstWord returns s up to its first space or colon.
func firstWord(s string) string {
	if i := strings.IndexAny(s, " :"); i >= 0 {
		return s[:i]
	}
	return s
}

// mayOpenWithPhrase reports whether s's first word, folded, is the first
// word of a phrase: false means directorLead finds none in s.
func mayOpenWithPhrase(s string) bool {
	w := firstWord(strings.TrimLeft(s, " "))
	if isASCII(w) {
		var buf [32]byte
		if len(w) > len(buf) {
			return false // longer than every phrase's first word
		}
		b := buf[:len(w)]
		for i := range len(w) {
			c := w[i]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b[i] = c
		}
		return phraseFirstWords()[string(b)]
	}
	return phraseFirstWords()[strings.ToLower(locale.StripAccents(w))]
}

// isASCII reports whether s is ASCII.
func isASCII(s string) bool {
	for i := range len(s) {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// directorLead returns the name part of a line that opens with a phrase of
// directorPhrases ("Réalisé par Anne Dubois", "Regie: Anne Dubois",
// "Scénario et réalisation : Anne Dubois"), and whether the phrase credits
// the writing too. A label word counts only before a colon, or, when bare
// is set (a header line, where no other label stands), before a name that
// starts with a capital. withBy admits the bare "by", which only the
// header's director line opens with: in prose, "By the end of summer …".
func directorLead(s string, bare, withBy bool) (rest string, ph directorPhrase, ok bool) {
	if !mayOpenWithPhrase(s) {
		return "", directorPhrase{}, false
	}
	folded := strings.ToLower(locale.StripAccents(s))
	for _, e := range foldedPhrases() {
		if !strings.HasPrefix(folded, e.folded) || e.words == "by" && !withBy {
			continue
		}
		after := folded[len(e.folded):]
		colon := strings.HasPrefix(strings.TrimLeft(after, " "), ":")
		if !colon && !strings.HasPrefix(after, " ") {
			continue // "Directorate", "Regiekollektiv"
		}
		// The folded line and the line have the same words: skip as many.
		// A colon touching the name ("Regie:Anne Dubois") is a word of
		// its own, so that the phrase's words are counted off the line
		// and the name's first word is not taken with them.
		words := strings.Fields(strings.Replace(s, ":", " : ", 1))
		if len(words) < e.nWords {
			continue
		}
		rest = strings.Join(words[e.nWords:], " ")
		rest = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(rest), ":"))
		if strings.HasPrefix(words[e.nWords-1], ":") || strings.HasSuffix(words[e.nWords-1], ":") {
			colon = true
		}
		if rest == "" {
			continue
		}
		if e.label && !colon {
			if !bare || !startsUpper(rest) {
				continue
			}
		}
		return rest, e.directorPhrase, true
	}
	return "", directorPhrase{}, false
}

// startsUpper reports whether s starts with an upper-case letter.
func startsUpper(s string) bool {
	for _, r := range s {
		return strings.ToUpper(string(r)) == string(r) && strings.ToLower(string(r)) != string(r)
	}
	return false
}

// dropPhraseNames leaves out, with a note, every person credited or cast
// whose name still opens with a phrase of directorPhrases: whatever layout
// brought it there, "Réalisé par X" is no one's name (audit 17).
func (p *parser) dropPhraseNames() {
	f := &p.src.Film
	named := func(what string, t film.Text) bool {
		if _, ph, ok := directorLead(t.Value, false, false); ok {
			p.note(t.Line, "%s %q opens with %q, which introduces a name and is none; left out", what, t.Value, ph.words)
			return true
		}
		return false
	}
	f.Credits = slices.DeleteFunc(f.Credits, func(c film.Credit) bool {
		return !c.Agent.Organization && named("credit", c.Agent.Name)
	})
	f.Cast = slices.DeleteFunc(f.Cast, func(m film.CastMember) bool { return named("actor", m.Actor) })
}
