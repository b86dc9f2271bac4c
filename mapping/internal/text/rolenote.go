package text

import (
	"fmt"
	"strings"
	"sync"
	"unicode"

	"github.com/film2ld/film2ld/mapping/film"
	"github.com/film2ld/film2ld/mapping/internal/locale"
)

// roleNote takes from a company credit's name the note in brackets that
// says what part the company had ("Televisión Española (co-production)",
// "Nordvik Film (in association with)", "Studio Weser (Koproduktion)"):
// such a note is no part of the company's name, where it made a company
// apart from the one other credits name (audit 15). It returns the note,
// or "" when the name ends in no such note; a bracket that holds a word
// of no role ("Films (UK)", "Studio (Nine)") stays. A production
// company's co-production note becomes its role name "Co-production", as
// a prize page's "Co-production:" label gives it.
func roleNote(c *film.Credit) string {
	name := c.Agent.Name.Value
	if !strings.HasSuffix(name, ")") {
		return ""
	}
	open := strings.LastIndex(name, "(")
	if open <= 0 {
		return ""
	}
	note := strings.TrimSpace(name[open+1 : len(name)-1])
	base := strings.TrimSpace(name[:open])
	coProduction, ok := isRoleNote(note)
	if !ok || base == "" {
		return ""
	}
	c.Agent.Name.Value = base
	if coProduction && c.Role == film.ProductionCompany && c.RoleName == "" {
		c.RoleName = "Co-production"
	}
	return note
}

// DropRoleNotes takes each company credit's role note from its name
// (roleNote), with a note for each, as a mapper reports it: the label
// and line the credits were read from.
func DropRoleNotes(label string, line int, credits []film.Credit) []film.Note {
	var notes []film.Note
	for i := range credits {
		if note := roleNote(&credits[i]); note != "" {
			notes = append(notes, film.Note{Line: line,
				Message: fmt.Sprintf("%s: %q: (%s) is the company's part in the film, not its name", label, credits[i].Agent.Name.Value, note)})
		}
	}
	return notes
}

// isRoleNote reports whether a bracket's words all tell a company's part
// in a film, in the languages of the pages film2ld reads, with at least
// one that is no mere joining word; coProduction is whether one of them
// says co-production.
func isRoleNote(note string) (coProduction, ok bool) {
	words := strings.FieldsFunc(strings.ToLower(locale.StripAccents(note)), func(r rune) bool {
		return !unicode.IsLetter(r)
	})
	role := false
	for i, w := range words {
		switch {
		case roleNoteWords()[w]:
			role = true
		case w == "co" && i+1 < len(words) && strings.HasPrefix(words[i+1], "produ"):
			// "co-production", "co-producer": one word, split at its dash.
			coProduction = true
		case joiningWords()[w]:
		default:
			return false, false
		}
		if strings.HasPrefix(w, "coprodu") || strings.HasPrefix(w, "koprodu") {
			coProduction = true
		}
	}
	return coProduction, role
}

// roleNoteWords are the words that say what part a company had.
var roleNoteWords = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`production productions producer producers produced coproduction coproductions
		coproducer coproducers minority majority association associate associated executive presents presented
		financing finance support participation collaboration partnership distribution distributor sales uncredited
		produccion productora productor coproduccion coproductora coproductor asociacion colaboracion participacion
		produzione produttore coproduzione coproduttore associazione collaborazione partecipazione
		produktion produzent koproduktion koproduzent beteiligung zusammenarbeit unterstutzung
		producteur coproducteur minoritaire majoritaire`) {
		m[w] = true
	}
	return m
})

// joiningWords may stand in a role note beside a role word ("in
// association with", "en coproducción con"), never alone.
var joiningWords = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`in with by and the of a as also en con y e et avec de du des la le mit und der di del della`) {
		m[w] = true
	}
	return m
})
