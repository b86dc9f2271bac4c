package text

import (
	"slices"
	"strings"
	"testing"

	"github.com/film2ld/film2ld/mapping/film"
)

// TestSplitNamesNameTails: a generational suffix or a society's letters
// after a comma end the name before them (audit 18: "Sammy Davis, Jr."
// made a Person "Jr.", "Roger Deakins, ASC" one called "ASC").
func TestSplitNamesNameTails(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want []string
	}{
		{"Sammy Davis, Jr., Dean Martin, Peter Lawford and Angie Dickinson",
			[]string{"Sammy Davis, Jr.", "Dean Martin", "Peter Lawford", "Angie Dickinson"}},
		{"Harry Connick, Jr. and Ana Ruiz", []string{"Harry Connick, Jr.", "Ana Ruiz"}},
		{"Lon Chaney, Sr; Bo Ek, Snr.", []string{"Lon Chaney, Sr", "Bo Ek, Snr."}},
		{"Ana Ruiz, Tomás Vidal, III, Kofi Mensah", []string{"Ana Ruiz", "Tomás Vidal, III", "Kofi Mensah"}},
		{"Louis Gossett, Jr", []string{"Louis Gossett, Jr"}},
		{"Frank Sinatra Jr., Martin Luther King III", []string{"Frank Sinatra Jr.", "Martin Luther King III"}},
		{"Roger Deakins-Smith, ASC", []string{"Roger Deakins-Smith, ASC"}},
		{"Jakub Kijowski, PSC, Ida Lund, A.S.C., BSC", []string{"Jakub Kijowski, PSC", "Ida Lund, A.S.C., BSC"}},
		{"Mihai Mălaimare Jr., ASC & Ewa Lis", []string{"Mihai Mălaimare Jr., ASC", "Ewa Lis"}},
		// Siblings share a surname, never a suffix or letters.
		{"Ana & Luis Ortiz, Jr.", []string{"Ana Ortiz", "Luis Ortiz, Jr."}},
		{"Ana & Luis Ortiz, ASC", []string{"Ana Ortiz", "Luis Ortiz, ASC"}},
		// A mononym stands alone; "V" is one, and a first item is no tail.
		{"Park Seo-joon, V, Choi Woo-shik", []string{"Park Seo-joon", "V", "Choi Woo-shik"}},
		{"Jr., Ana Ruiz", []string{"Jr.", "Ana Ruiz"}},
		{"Ana Ruiz, Junior Wells", []string{"Ana Ruiz", "Junior Wells"}},
		{"Ana Ruiz, Ace Lund", []string{"Ana Ruiz", "Ace Lund"}},
	} {
		if got := SplitNames(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("SplitNames(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

// TestJoinNameTails: a cast list split at its commas (a prize page's)
// keeps a suffix with its name and the character after it.
func TestJoinNameTails(t *testing.T) {
	for _, tt := range []struct{ in, want []string }{
		{[]string{"Marion Cotillard (Sandra)", "Sammy Davis", "Jr. (Willy)", "Olivier Gourmet (Jean-Marc)"},
			[]string{"Marion Cotillard (Sandra)", "Sammy Davis, Jr. (Willy)", "Olivier Gourmet (Jean-Marc)"}},
		{[]string{"Ana Ruiz", "III"}, []string{"Ana Ruiz, III"}},
		{[]string{"Ana Ruiz (Jr)", "Bo Ek"}, []string{"Ana Ruiz (Jr)", "Bo Ek"}},
		{[]string{"Ana Ruiz", "Jrakovic (Tom)"}, []string{"Ana Ruiz", "Jrakovic (Tom)"}},
	} {
		if got := JoinNameTails(slices.Clone(tt.in)); !slices.Equal(got, tt.want) {
			t.Errorf("JoinNameTails(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

// TestTakePostNominals: the letters after a name, after a comma, a space
// or in brackets, dotted or not, come off; a name's own capitals stay.
func TestTakePostNominals(t *testing.T) {
	for _, tt := range []struct{ in, name, marks string }{
		{"Roger Deakins-Smith, ASC", "Roger Deakins-Smith", "ASC"},
		{"Jakub Kijowski PSC", "Jakub Kijowski", "PSC"},
		{"Ida Lund, A.S.C., BSC", "Ida Lund", "A.S.C.|BSC"},
		{"Ron Johanson OAM ACS", "Ron Johanson", "OAM|ACS"},
		{"Kwame Boateng (p.g.a.)", "Kwame Boateng", "p.g.a."},
		{"Thelma Roe, ACE", "Thelma Roe", "ACE"},
		{"Walter Murch, CAS, MPSE", "Walter Murch", "CAS|MPSE"},
		{"Sammy Davis, Jr., AFC", "Sammy Davis, Jr.", "AFC"},
		{"Lise Ek, SMPTE", "Lise Ek", "SMPTE"},
		// No letters, or letters that are the name.
		{"Sammy Davis, Jr.", "Sammy Davis, Jr.", ""},
		{"ABC", "ABC", ""},
		{"Ana Abc", "Ana Abc", ""},
		{"Ana Ruiz (Ana)", "Ana Ruiz (Ana)", ""},
		{"Ice-T", "Ice-T", ""},
		{"DJ ASCX", "DJ ASCX", ""},
	} {
		name, marks := TakePostNominals(tt.in)
		if name != tt.name || strings.Join(marks, "|") != tt.marks {
			t.Errorf("TakePostNominals(%q) = %q, %q; want %q, %q", tt.in, name, marks, tt.name, tt.marks)
		}
	}
}

// TestCheckPeopleTakesPostNominals: CheckPeople takes the letters off
// every person's name, with a note, and keeps the person; a company's
// name keeps them.
func TestCheckPeopleTakesPostNominals(t *testing.T) {
	src := &film.Source{Name: "a.txt"}
	src.Film.Credits = []film.Credit{
		{Role: film.Contributor, RoleName: "Cinematography", Agent: film.Agent{Name: film.Text{Value: "Roger Deakins-Smith, ASC", Line: 4}}},
		{Role: film.Producer, Agent: film.Agent{Name: film.Text{Value: "Kwame Boateng (p.g.a.)", Line: 5}}},
		{Role: film.ProductionCompany, Agent: film.Agent{Name: film.Text{Value: "Studio ABC", Line: 6}, Organization: true}},
	}
	src.Film.Cast = []film.CastMember{{Actor: film.Text{Value: "Ana Ruiz BSC", Line: 9}}}
	CheckPeople(src)
	var got []string
	for _, c := range src.Film.Credits {
		got = append(got, c.Agent.Name.Value)
	}
	for _, c := range src.Film.Cast {
		got = append(got, c.Actor.Value)
	}
	if want := []string{"Roger Deakins-Smith", "Kwame Boateng", "Studio ABC", "Ana Ruiz"}; !slices.Equal(got, want) {
		t.Errorf("kept %q; want %q", got, want)
	}
	var notes []string
	for _, n := range src.Notes {
		notes = append(notes, n.Message)
	}
	want := []string{
		`cinematography credit "Roger Deakins-Smith, ASC": ASC after the name is a professional society's or an honour's letters, not a person; left out`,
		`producer "Kwame Boateng (p.g.a.)": p.g.a. after the name is a professional society's or an honour's letters, not a person; left out`,
		`actor "Ana Ruiz BSC": BSC after the name is a professional society's or an honour's letters, not a person; left out`,
	}
	if !slices.Equal(notes, want) {
		t.Errorf("notes:\n%s\nwant:\n%s", strings.Join(notes, "\n"), strings.Join(want, "\n"))
	}
	// Idempotent: a second check changes nothing more.
	CheckPeople(src)
	if len(src.Notes) != len(want) {
		t.Errorf("a second check added notes: %q", src.Notes[len(want):])
	}
}
