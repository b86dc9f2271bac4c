package prize

import (
	"slices"
	"strings"
	"testing"

	"github.com/film2ld/film2ld/mapping/film"
)

// TestDirectorPhrases: the header's director line in every form of
// directorPhrases, labelled or not, with or without a colon, in the
// pages' languages, is the director (and the writer, where the phrase
// says so), and the countries, running time and year below it are still
// read. "Regie: X" ended the header and lost them; "Réalisé par X" was a
// Person of that name (audit 17).
func TestDirectorPhrases(t *testing.T) {
	for _, tt := range []struct {
		line   string
		writer bool
	}{
		{"Lena Morava", false},
		{"Directed by Lena Morava", false},
		{"A film by Lena Morava", false},
		{"By Lena Morava", false},
		{"Director: Lena Morava", false},
		{"Director Lena Morava", false},
		{"DIRECTOR: Lena Morava", false},
		{"Directors: Lena Morava", false},
		{"Regie: Lena Morava", false},
		{"Regie:Lena Morava", false},
		{"Directed by:Lena Morava", false},
		{"Réalisation :Lena Morava", false},
		{"Regie Lena Morava", false},
		{"Regie von Lena Morava", false},
		{"Ein Film von Lena Morava", false},
		{"Regisseurin: Lena Morava", false},
		{"Réalisation : Lena Morava", false},
		{"Realisation: Lena Morava", false},
		{"Réalisatrice : Lena Morava", false},
		{"Réalisé par Lena Morava", false},
		{"Réalisée par Lena Morava", false},
		{"Un film de Lena Morava", false},
		{"Un film réalisé par Lena Morava", false},
		{"Dirigé par Lena Morava", false},
		{"Regia: Lena Morava", false},
		{"Regia di Lena Morava", false},
		{"Un film di Lena Morava", false},
		{"Dirección: Lena Morava", false},
		{"Dirigida por Lena Morava", false},
		{"Una película de Lena Morava", false},
		{"Written and directed by Lena Morava", true},
		{"Written and directed by: Lena Morava", true},
		{"Scénario et réalisation : Lena Morava", true},
		{"Scénario et réalisation Lena Morava", true},
		{"Écrit et réalisé par Lena Morava", true},
		{"Buch und Regie: Lena Morava", true},
		{"Scritto e diretto da Lena Morava", true},
		{"Escrita y dirigida por Lena Morava", true},
	} {
		src := parseAfterTitle(t, tt.line+"\n\nÖsterreich\n\nItalia\n\n1h 41min\n\n2016\n\nSynopsis:\n\nEin Film.\n\nKamera: Wim Velde\n")
		f := src.Film
		var countries []string
		for _, c := range f.Countries {
			countries = append(countries, c.Value)
		}
		want := []string{"director/ Lena Morava"}
		if tt.writer {
			want = append(want, "author/ Lena Morava")
		}
		want = append(want, "contributor/Cinematography Wim Velde")
		got := creditsOf(f)
		if !slices.Equal(got, want) || len(countries) != 2 || f.Runtime.Value != 101 || f.Year.Value != 2016 {
			t.Errorf("%q: credits %q, countries %q, runtime %v, year %v; want %q, 2 countries, 101 min, 2016",
				tt.line, got, countries, f.Runtime.Value, f.Year.Value, want)
		}
		for _, n := range src.Notes {
			if strings.Contains(n.Message, "not recognised") {
				t.Errorf("%q: note %s", tt.line, n.Message)
			}
		}
	}
	// A label of another role in the header is not the director's.
	src := parseAfterTitle(t, "Director of photography: Wim Velde\n\nSynopsis:\n\nEin Film.\n")
	if got := creditsOf(src.Film); !slices.Equal(got, []string{"contributor/Cinematography Wim Velde"}) {
		t.Errorf("director of photography: credits %q", got)
	}
}

// TestDirectorLineAfterSynopsis: a credit paragraph right after the
// synopsis ("Written and directed by Yasmin al-Khatib") ends it and is
// read as the credit it is; it was the synopsis's last paragraph, with
// no author (audit 17). A sentence that opens with such words stays prose.
func TestDirectorLineAfterSynopsis(t *testing.T) {
	for _, tt := range []struct {
		para string
		want []string
	}{
		{"Written and directed by Omar Haddad", []string{"director/ Omar Haddad", "author/ Omar Haddad"}},
		{"Directed by Omar Haddad", []string{"director/ Omar Haddad"}},
		{"Réalisé par Omar Haddad et Lina Saad", []string{"director/ Omar Haddad", "director/ Lina Saad"}},
		{"Ein Film von Omar Haddad", []string{"director/ Omar Haddad"}},
		{"Regia di Omar Haddad", []string{"director/ Omar Haddad"}},
		{"Escrito y dirigido por Omar Haddad", []string{"director/ Omar Haddad", "author/ Omar Haddad"}},
	} {
		src := parseAfterTitle(t, "Omar Haddad\n\nJordan\n\nSynopsis:\n\nTwo sisters run a bakery.\n\nThe film was shot at night.\n\n"+
			tt.para+"\n\nCast: Rania Suleiman (Salt)\n")
		f := src.Film
		// The header names the director too: a credit is made once.
		want := append(slices.Clone(tt.want), "actor Rania Suleiman as Salt")
		got := creditsOf(f)
		if !slices.Equal(got, want) {
			t.Errorf("%q: credits %q; want %q", tt.para, got, want)
		}
		if len(f.Descriptions) != 1 || f.Descriptions[0].Value != "Two sisters run a bakery.\n\nThe film was shot at night." {
			t.Errorf("%q: descriptions %v", tt.para, f.Descriptions)
		}
	}
	for _, prose := range []string{
		"Directed by a stranger's hand, the boat drifts north.",
		"By the end of summer the salt is gone.",
		"Regie führte die junge Lena Morava, die in Wien lebt.",
	} {
		src := parseAfterTitle(t, "Omar Haddad\n\nJordan\n\nSynopsis:\n\nTwo sisters run a bakery.\n\n"+prose+"\n\nCast: Rania Suleiman (Salt)\n")
		f := src.Film
		if len(f.Descriptions) != 1 || !strings.HasSuffix(f.Descriptions[0].Value, prose) {
			t.Errorf("%q: descriptions %v", prose, f.Descriptions)
		}
		if got := creditsOf(f); !slices.Equal(got, []string{"director/ Omar Haddad", "actor Rania Suleiman as Salt"}) {
			t.Errorf("%q: credits %q", prose, got)
		}
	}
}

// TestNoPhraseNames: whatever layout brings it there, a name that opens
// with a phrase introducing a director is never a Person.
func TestNoPhraseNames(t *testing.T) {
	src := parseAfterTitle(t, "2020\n\nSynopsis:\n\nA film.\n\nCast: Réalisé par Ana Lind (Ana), Eva Berg (Eva)\n\nGaffer: Regia di Carlo Neri\n")
	if got := creditsOf(src.Film); !slices.Equal(got, []string{"actor Eva Berg as Eva"}) {
		t.Errorf("credits %q", got)
	}
	noted := slices.ContainsFunc(src.Notes, func(n film.Note) bool { return strings.Contains(n.Message, "introduces a name") })
	if !noted {
		t.Errorf("no note: %v", src.Notes)
	}
}
