package mapping_test

import (
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/film2ld/film2ld/mapping"
	"github.com/film2ld/film2ld/mapping/film"
)

// article writes a short encyclopedia article.
func article(title string, year int, directors ...string) string {
	var b strings.Builder
	b.WriteString("= " + title + " (" + strconv.Itoa(year) + " film) =\n\n" + title + "\n")
	for _, d := range directors {
		b.WriteString("- Director: " + d + "\n")
	}
	b.WriteString("- Runtime: 95 minutes\n\n" + title + " is a " + strconv.Itoa(year) + " drama film.\n")
	return b.String()
}

// reviewPage writes a short review page that names the film and its year.
func reviewPage(title string, year int) string {
	return title + "\n" + strconv.Itoa(year) + "\n\nMixed or average reviews - based on 1 Critics\n\nCritic Reviews\n" +
		"  1. Reviewed by: Nora Vale\n    Mar 5, " + strconv.Itoa(year) + "\n    Fine work.\n"
}

// prizePage writes a short film prize page, in the sample's layout: its
// title block (title, director, country, running time), its year and
// synopsis.
func prizePage(title string, year int, director string) string {
	return "Published on *LUX Prize* (<https://luxprize.eu>)\n\n" + title + "\n\n" + director + "\n\nBelgium\n\n95 min\n\n" +
		"Year: " + strconv.Itoa(year) + "\n\nSynopsis\n\nA story of the sea.\n\nDirector: " + director + "\n"
}

// TestDifferentFilms: documents whose titles, years and directors say
// they are of different films are not merged into one Movie (audit 18:
// two articles of one year, a 1998 film's article and the review page of
// its 2015 namesake, each merged with a warning at most), and documents
// of one film are, whatever their titles' languages, their years' spread
// within a film's dates, or a fact one of them lacks. SameFilm merges
// them all the same.
func TestDifferentFilms(t *testing.T) {
	tests := []struct {
		name string
		docs []string
		why  string // "" when the documents are one film
	}{
		{
			name: "two articles of one year: other titles, other directors",
			docs: []string{article("Low Water", 2021, "Ciara Doyle"), article("The Last Night in Macau", 2021, "Wong Ka-fai")},
			why:  "their titles and directors differ",
		},
		{
			name: "a remake's review page and its model's article, one title",
			docs: []string{article("The Return", 1998, "Jan Peeters"), reviewPage("The Return", 2015)},
			why:  "their years are 17 apart, and no director is named by both",
		},
		{
			name: "one title, other directors, years far apart",
			docs: []string{article("Solaris", 1972, "Andrei Tarkovsky"), article("Solaris", 2002, "Steven Soderbergh")},
			why:  "their years and directors differ",
		},
		{
			name: "other titles and no director in common, years far apart",
			docs: []string{reviewPage("Northern Lights", 2004), reviewPage("Salt Road", 2011)},
			why:  "their titles and years differ",
		},
		{
			name: "one film: a director both name, years apart (a film years in the making)",
			docs: []string{article("The Long Wind", 2012, "Mira Halvorsen"), prizePage("The Long Wind", 2017, "Mira Halvorsen")},
		},
		{
			name: "one film: the director spelt otherwise, other titles",
			docs: []string{article("Illegal", 2010, "Olivier Masset-Depasse"), prizePage("Illégal", 2010, "Olivier MASSET-DEPASSE")},
		},
		{
			name: "one film: a translated title a year later, no director on the review page",
			docs: []string{article("Most", 2010, "Ivan Kral"), reviewPage("The Bridge", 2011)},
		},
		{
			name: "one film: one title, a re-release's page three years on",
			docs: []string{article("Harvest Moon", 2008, "Lea Brandt"), reviewPage("Harvest Moon", 2011)},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var sources []*film.Source
			for i, doc := range tt.docs {
				src, err := mapping.Map(strings.NewReader(doc), "doc"+strconv.Itoa(i+1)+".txt", "")
				if err != nil {
					t.Fatalf("document %d: %v\n%s", i+1, err, doc)
				}
				sources = append(sources, src)
			}
			_, err := mapping.Merge(sources, mapping.Options{})
			var de *mapping.DifferentFilmsError
			switch {
			case tt.why == "" && err != nil:
				t.Fatalf("one film refused: %v", err)
			case tt.why == "":
			case !errors.As(err, &de) || !errors.Is(err, mapping.ErrDifferentFilms):
				t.Fatalf("different films merged: error %v", err)
			case de.Why != tt.why || de.A != sources[0] || de.B != sources[1]:
				t.Errorf("%v; want the documents in the order given, because %s", err, tt.why)
			case !strings.Contains(err.Error(), "doc1.txt:1 and doc2.txt:"):
				t.Errorf("the error names neither document's place: %v", err)
			}
			if tt.why != "" {
				if _, err := mapping.Merge(sources, mapping.Options{SameFilm: true}); err != nil {
					t.Errorf("SameFilm: %v", err)
				}
			}
		})
	}
}
