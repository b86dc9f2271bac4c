package mapping

import (
	"errors"
	"fmt"
	"math"
	"strings"

	"github.com/film2ld/film2ld/mapping/film"
)

// ErrDifferentFilms is what the error Merge returns wraps when two of its
// sources describe different films (see DifferentFilmsError).
var ErrDifferentFilms = errors.New("the documents describe different films")

// DifferentFilmsError is Merge's error for two sources that describe
// different films: merged, one Movie held both films' titles, directors
// and reviews (audit 18: two articles of one year, a 1998 film's article
// and its 2015 namesake's review page), with a warning about the year at
// most.
type DifferentFilmsError struct {
	// A and B are the two sources, in the order given to Merge.
	A, B *film.Source
	// Why says what tells the films apart ("their titles and directors
	// differ").
	Why string
}

// Error names both documents' places, what tells their films apart, and
// each film as its document states it.
func (e *DifferentFilmsError) Error() string {
	return fmt.Sprintf("%s and %s describe different films, as %s: %s and %s",
		filmPlace(e.A), filmPlace(e.B), e.Why, describeFilm(e.A), describeFilm(e.B))
}

// Unwrap returns ErrDifferentFilms.
func (e *DifferentFilmsError) Unwrap() error { return ErrDifferentFilms }

// filmPlace is where a source names its film: the title's line, else
// the year's, else the document alone.
func filmPlace(s *film.Source) string {
	switch f := &s.Film; {
	case f.Title.Line > 0:
		return fmt.Sprintf("%s:%d", s.Name, f.Title.Line)
	case f.Year.Line > 0:
		return fmt.Sprintf("%s:%d", s.Name, f.Year.Line)
	}
	return s.Name
}

// describeFilm names a source's film as its document states it: its
// title, year and first directors.
func describeFilm(s *film.Source) string {
	f := &s.Film
	title := "an untitled film"
	if f.Title.Value != "" {
		title = fmt.Sprintf("%q", f.Title.Value)
	}
	var details []string
	if f.Year.Set {
		details = append(details, f.Year.String())
	}
	var directors []string
	for _, c := range f.Credits {
		if c.Role == film.Director && !c.Agent.Organization && len(directors) < 3 {
			directors = append(directors, c.Agent.Name.Value)
		}
	}
	if len(directors) > 0 {
		details = append(details, "directed by "+strings.Join(directors, ", "))
	}
	if len(details) == 0 {
		return title
	}
	return title + " (" + strings.Join(details, ", ") + ")"
}

// maxYearSpread is how many years two sources of one film may give it
// apart: a festival's year, a first release, a release abroad, a
// production year (the samples' article and prize page say 2010, a
// review page of its release abroad may say 2011 or later).
const maxYearSpread = 2

// maxSameTitleSpread is how far apart the years of two sources that give
// one title and no common director may be: a remake takes its model's
// title years later ("The Return", 1998 and 2015), where a re-release's
// page states the film's own year.
const maxSameTitleSpread = 3

// differentFilms returns the error for the first two sources that
// describe different films, or nil. Sources are one film unless their
// facts say otherwise: titles that none of the other's titles match,
// directors none of whom the other names, years further apart than one
// film's dates spread. A director both name makes them one film whatever
// else differs (a film years in the making); a fact one source lacks
// tells nothing. It runs after resolve, whose agents tell two spellings
// of one director apart from two people.
func (m *merger) differentFilms() error {
	if m.opts.SameFilm {
		return nil
	}
	if len(m.sources) < 2 {
		return nil
	}
	facts := make([]filmFacts, len(m.sources))
	for i, s := range m.sources {
		facts[i] = m.factsOf(s)
	}
	for i := range m.sources {
		for j := i + 1; j < len(m.sources); j++ {
			if why := differentFacts(&facts[i], &facts[j]); why != "" {
				// In the order the user gave them (rank reordered them).
				a, b := m.sources[i], m.sources[j]
				if m.givenBefore(b, a) {
					a, b = b, a
				}
				return &DifferentFilmsError{A: a, B: b, Why: why}
			}
		}
	}
	return nil
}

// givenBefore reports whether a was given to Merge before b.
func (m *merger) givenBefore(a, b *film.Source) bool {
	for _, s := range m.given {
		switch s {
		case a:
			return true
		case b:
			return false
		}
	}
	return false
}

// filmFacts are what tells one source's film from another's.
type filmFacts struct {
	src       *film.Source
	titles    map[string]bool // folded, once asked for (see titleKeys)
	titled    bool            // titles is made
	directors map[*agent]bool
	year      float64
	hasYear   bool
}

// titleKeys returns the folded forms of the source's titles, made on
// first use: most pairs of sources are told one film by a director or
// their years alone, and folding every title was a tenth of the check.
func (ff *filmFacts) titleKeys() map[string]bool {
	if ff.titled {
		return ff.titles
	}
	ff.titled = true
	f := &ff.src.Film
	addTitle := func(t string) {
		for _, t := range titleForms(t) {
			if k := fold(t); k != "" {
				if ff.titles == nil {
					ff.titles = map[string]bool{}
				}
				ff.titles[k] = true
			}
		}
	}
	addTitle(f.Title.Value)
	for _, t := range f.OtherTitles {
		addTitle(t.Value)
	}
	return ff.titles
}

// factsOf gathers a source's directors and year.
func (m *merger) factsOf(s *film.Source) filmFacts {
	f := &s.Film
	ff := filmFacts{src: s, year: f.Year.Value, hasYear: f.Year.Set}
	for _, c := range f.Credits {
		if c.Role != film.Director || c.Agent.Organization {
			continue
		}
		if a := m.res.lookup(false, c.Agent.Name.Value); a != nil {
			if ff.directors == nil {
				ff.directors = map[*agent]bool{}
			}
			ff.directors[a] = true
		}
	}
	return ff
}

// titleForms returns a title and, for one written with another in
// brackets ("Illégal (Illegal)"), each of the two.
func titleForms(t string) []string {
	if head, rest, ok := strings.Cut(t, " ("); ok && strings.HasSuffix(rest, ")") {
		return []string{t, head, strings.TrimSuffix(rest, ")")}
	}
	return []string{t}
}

// differentFacts says why two sources' facts are of different films, or
// "".
func differentFacts(a, b *filmFacts) string {
	sharedDirector, bothDirected := false, len(a.directors) > 0 && len(b.directors) > 0
	for d := range a.directors {
		if b.directors[d] {
			sharedDirector = true
		}
	}
	if sharedDirector {
		return ""
	}
	spread := 0.0
	if a.hasYear && b.hasYear {
		spread = math.Abs(a.year - b.year)
	}
	if !bothDirected && spread <= maxYearSpread {
		return "" // only the titles could differ, which alone tell nothing
	}
	at, bt := a.titleKeys(), b.titleKeys()
	sameTitle := len(at) == 0 || len(bt) == 0
	for t := range at {
		if bt[t] {
			sameTitle = true
		}
	}
	switch {
	case bothDirected && !sameTitle:
		return "their titles and directors differ"
	case bothDirected && spread > maxYearSpread:
		return "their years and directors differ"
	case !sameTitle && spread > maxYearSpread:
		return "their titles and years differ"
	case spread > maxSameTitleSpread:
		return fmt.Sprintf("their years are %g apart, and no director is named by both", spread)
	}
	return ""
}
