package prize

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/film2ld/film2ld/mapping/film"
	"github.com/film2ld/film2ld/mapping/internal/mappertest"
	"github.com/film2ld/film2ld/mapping/internal/text"
)

// Layouts the samples do not show but prize pages have.
func TestLayouts(t *testing.T) {
	page := `Published on *Some Prize* (<https://prize.example>)

Only Title

Jan Kowalski, Maria Nowak

Poland

2021

Screenplay:

Jan Kowalski

Cast: Ola Nowak, Piotr Wiśniewski (The Neighbour (older)), Ewa Lis (Ewa)

Producer: Anna & Tomasz Lis

Co-production: Fox & Hound Films, Studio A

International sales: Sales Co 1 Marszałkowska, 00-001 Warszawa, Poland Tel: +48 22 000 00 00 sales@sales.example
`
	src, err := Parse(strings.NewReader(page), "p.txt")
	if err != nil {
		t.Fatal(err)
	}
	f := src.Film
	if f.Title.Value != "Only Title" || len(f.OtherTitles) != 0 {
		t.Errorf("title %q, others %v", f.Title.Value, f.OtherTitles)
	}
	if f.Runtime.Set || f.Year.Value != 2021 || len(f.Trailers) != 0 || len(f.Descriptions) != 0 {
		t.Errorf("runtime %v, year %v, trailers %v, descriptions %v", f.Runtime, f.Year, f.Trailers, f.Descriptions)
	}
	credits := map[string][]string{}
	for _, c := range f.Credits {
		k := string(c.Role) + "/" + c.RoleName
		credits[k] = append(credits[k], c.Agent.Name.Value)
	}
	want := map[string][]string{
		"director/":                        {"Jan Kowalski", "Maria Nowak"},
		"author/":                          {"Jan Kowalski"},
		"producer/":                        {"Anna Lis", "Tomasz Lis"},
		"production company/Co-production": {"Fox & Hound Films", "Studio A"},
		"contributor/World sales":          {"Sales Co"},
	}
	for k, v := range want {
		if !slices.Equal(credits[k], v) {
			t.Errorf("%s = %q; want %q", k, credits[k], v)
		}
	}
	var cast []string
	for _, c := range f.Cast {
		cast = append(cast, c.Actor.Value+"|"+c.Character)
	}
	if !slices.Equal(cast, []string{"Ola Nowak|", "Piotr Wiśniewski|The Neighbour (older)", "Ewa Lis|Ewa"}) {
		t.Errorf("cast %q", cast)
	}
	var sales *film.Contact
	for _, c := range f.Credits {
		if c.RoleName == "World sales" {
			sales = c.Agent.Contact()
		}
	}
	if sales == nil || sales.Address != "1 Marszałkowska, 00-001 Warszawa, Poland" || sales.Telephone != "+48 22 000 00 00" || sales.Email != "sales@sales.example" || sales.Fax != "" {
		t.Errorf("sales contact %+v", sales)
	}
}

// TestInlineHTML: a page copied from its source keeps inline HTML. A line
// break between two names made one person of both, and "&amp;" split a
// credit at its ";" ("Jacques-Henri &amp" and a name lost); each name is
// now its own, and "A &amp; B Lowe" reads as "A & B Lowe" does.
func TestInlineHTML(t *testing.T) {
	page := `Published on *Some Prize* (<https://prize.example>)

Marsh Lights

Iris Vane

Sound: Tom Reid<br>Lena Park, Omar Haddad

Producer: Ben &amp; Cole Lowe

Cast: Ada Quist (Mara)<br />Hugo Brandt <small>(Old Man)</small>
`
	src, err := Parse(strings.NewReader(page), "p.txt")
	if err != nil {
		t.Fatal(err)
	}
	credits := map[string][]string{}
	for _, c := range src.Film.Credits {
		k := string(c.Role) + "/" + c.RoleName
		credits[k] = append(credits[k], c.Agent.Name.Value)
	}
	for k, v := range map[string][]string{
		"director/":         {"Iris Vane"},
		"contributor/Sound": {"Tom Reid", "Lena Park", "Omar Haddad"},
		"producer/":         {"Ben Lowe", "Cole Lowe"},
	} {
		if !slices.Equal(credits[k], v) {
			t.Errorf("%s = %q; want %q", k, credits[k], v)
		}
	}
	var cast []string
	for _, c := range src.Film.Cast {
		cast = append(cast, c.Actor.Value+"|"+c.Character)
	}
	if !slices.Equal(cast, []string{"Ada Quist|Mara", "Hugo Brandt|Old Man"}) {
		t.Errorf("cast %q", cast)
	}
}

// One row per layout variant of prize pages: the exact facts and notes.
func TestLabelVariants(t *testing.T) {
	tests := []struct {
		name  string
		page  string
		want  []string
		notes []string
	}{
		{
			name: "English title first, long and French labels, & and and",
			page: `Published on *Some Prize* (<https://prize.example>)

The Glass Orchard (Sad od stakla)

Directed by Mirela Dobre

Croatia

1h 52min

2020

Synopsis:

An orchard made of glass.

Réalisateur: Mirela Dobre

Script: Mirela Dobre and Tomás Quiroga

DoP: Luka Perić

Photography: Ana Horvat

Producer(s): Ivo & Petra Babić and Tomás Quiroga

Cast:
Ilinca Pop (Vesna)
Radu Marin (the uncle) (uncredited)

Voices: Kofi Mensah (The Orchard); Ana Lis (Mole)

Festival selection: Pula 2020

Source URL (retrieved on 02-03-2021): <https://prize.example/movies/2020/sad-od-stakla>`,
			want: []string{
				"author: Mirela Dobre@19", "author: Tomás Quiroga@19",
				"cast: Ilinca Pop as Vesna@27", "cast: Kofi Mensah as The Orchard [voice]@31", "cast: Ana Lis as Mole [voice]@31",
				"cast: Radu Marin as the uncle [uncredited]@27",
				"contributor/Cinematography: Ana Horvat@23", "contributor/Cinematography: Luka Perić@21",
				"country: Croatia@7", "description@15: An orchard made of glass.",
				// The header's director, credited again on line 17: once.
				"director: Mirela Dobre@5",
				"other title: Sad od stakla@3",
				"producer: Ivo Babić@25", "producer: Petra Babić@25", "producer: Tomás Quiroga@25",
				"runtime: 112@9", "title: The Glass Orchard@3", "year: 2020@11",
			},
			notes: []string{
				`33: credit "Festival selection" is not a known crew role; kept as a contributor with that role name`,
				`33: festival selection credit "Pula 2020" does not look like a person's name (it holds a digit); left out`,
			},
		},
		{
			name: "facts written as labels, synopsis after them, labels not mapped",
			page: `Published on *Some Prize* (<https://prize.example>)

Harbour Lights

Director: Tom Ruiz

Country: Ireland, Spain

Running time: 1 h 28 min

Year: 2020

Genres: Drama; Road movie

Synopsis:

A lighthouse keeper's last winter.

Casting: Ada Lind

Executive producer: Kofi Mensah

Format: DCP
`,
			want: []string{
				"contributor/Casting: Ada Lind@19", "contributor/Executive producer: Kofi Mensah@21",
				"country: Ireland@7", "country: Spain@7", "description@17: A lighthouse keeper's last winter.",
				"director: Tom Ruiz@5", "genre: Drama@13", "genre: Road movie@13",
				"runtime: 88@9", "title: Harbour Lights@3", "year: 2020@11",
			},
			notes: []string{`23: "Format" is not mapped; left out`},
		},
		{
			name: "a page cut off in the middle of its last credit",
			page: "Published on *P* (<https://p.example>)\n\nHarbour Lights\n\nTom Ruiz\n\nSynopsis:\n\nA lighthouse.\n\nMusic: Lena Vogel\n\nProducer: Jacques-Henri & Oliv",
			want: []string{
				"description@9: A lighthouse.", "director: Tom Ruiz@5", "composer: Lena Vogel@11", "title: Harbour Lights@3",
			},
			notes: []string{`13: cut off: the page ends without its footer, in the middle of this line; left out: "Producer: Jacques-Henri & Oliv"`},
		},
		{
			name: "several header facts on one line, countries with a slash",
			page: "Published on *P* (<https://p.example>)\n\nHarbour Lights\n\nTom Ruiz, Ada Lind\n\nIreland / Spain\n\nIreland, 2020, 88'\n\nSynopsis:\n\nA lighthouse.\n",
			want: []string{
				"country: Ireland@7", "country: Ireland@9", "country: Spain@7", "description@13: A lighthouse.",
				"director: Ada Lind@5", "director: Tom Ruiz@5", "runtime: 88@9", "title: Harbour Lights@3", "year: 2020@9",
			},
		},
		{
			name: "titles alike, names over several paragraphs, lines not recognised",
			page: `Published on *Some Prize* (<https://prize.example>)

Mustang (Mustang)

Ines Vale

Screenplay:

Ines Vale

Tom Ruiz

Music: Lena Vogel

The director thanks her family.

Sound: —

Links:

[1]

http://vimeo.com/123

http://prize.example/press

http://prize.example/photos`,
			want: []string{
				"author: Ines Vale@9", "author: Tom Ruiz@9", "director: Ines Vale@5",
				"composer: Lena Vogel@13", "other title: Mustang@3", "title: Mustang@3",
			},
			notes: []string{
				`3: title "Mustang (Mustang)": which of the two is the English title cannot be told; read as "Mustang" (English) and "Mustang" (original)`,
				`15: credits: lines not recognised: 1 line left out (line 15), the first: "The director thanks her family."`,
				`25: links: not mapped: 2 lines left out (lines 25, 27), the first: "http://prize.example/press"`,
				`17: sound credit "—" does not look like a person's name (it has no letter); left out`,
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mappertest.Layout(t, tt.page, "p.txt", Parse, tt.want, tt.notes)
		})
	}
}

// TestLabels checks that every label in the table is read, in the case
// pages write it, and that its normal form is the table's key.
func TestLabels(t *testing.T) {
	for key := range labels() {
		if labelKey(key) != key {
			t.Errorf("label %q is not in its normal form %q", key, labelKey(key))
		}
		line := strings.ToUpper(key[:1]) + key[1:] + ": Ines Vale"
		m := labelRe.FindStringSubmatch(line)
		if m == nil {
			t.Errorf("%q is not read as a label line", line)
			continue
		}
		if _, ok := lookup(m[1]); !ok {
			t.Errorf("label %q of %q is not in the table", m[1], line)
		}
	}
	// Two labels of the table that read alike without their accents
	// must mean one thing, or which wins would depend on map order.
	seen := map[string]string{}
	for key, lb := range labelTable() {
		k := labelKey(key)
		if other, ok := seen[k]; ok && labels()[k] != lb {
			t.Errorf("labels %q and %q read alike (%q) but mean different credits", key, other, k)
		}
		seen[k] = key
	}
	for _, variant := range []string{"Producer(s)", "PRODUCERS", "Director of Photography", "D.O.P.", "Réalisatrice", "Cast (in order of appearance)",
		"Realisateur", "MÚSICA", "Musica", "Fotografía", "Kostüme", "Décors", "Decors", "Sinossi", "Weltvertrieb", "Ventas Internacionales"} {
		if _, ok := lookup(variant); !ok {
			t.Errorf("variant %q is not known", variant)
		}
	}
}

// TestJuryIsNotCrew: a prize page's judges ("Jury: A, B") are left out
// with a note, never credited as the film's contributors (an unknown
// label is kept as a crew credit with that role name).
func TestJuryIsNotCrew(t *testing.T) {
	for _, l := range []string{"Jury", "Jury president", "Members of the Jury", "Jurors", "Juror", "Jurado", "Jury (features)", "Giuria", "Selection committee"} {
		if lb, ok := lookup(l); !ok || lb.fact != factSkip {
			t.Errorf("lookup(%q) = %+v, %v; want a label left out", l, lb, ok)
		}
	}
	for _, l := range []string{"Juggling", "Injury stunts"} {
		if _, ok := lookup(l); ok {
			t.Errorf("lookup(%q) is known; want an unknown label", l)
		}
	}
}

// TestEnglishFirst pins which title of a pair is taken for the English one.
func TestEnglishFirst(t *testing.T) {
	tests := []struct{ a, b, english string }{
		{"Illégal", "Illegal", "Illegal"},
		{"Illegal", "Illégal", "Illegal"},
		{"Nattfergen", "The Night Ferry", "The Night Ferry"},
		{"The Night Ferry", "Nattfergen", "The Night Ferry"},
		{"Tuz ve Kül", "Salt and Ash", "Salt and Ash"},
		{"Les Étés immobiles", "The Amber Coast", "The Amber Coast"},
	}
	for _, tt := range tests {
		if got, _, sure := englishFirst(tt.a, tt.b); got != tt.english || !sure {
			t.Errorf("englishFirst(%q, %q) = %q, %v; want %q", tt.a, tt.b, got, sure, tt.english)
		}
	}
}

// A paragraph longer than a line may be is refused at its first line,
// whichever its lines: a page of junk joined into one paragraph was
// split at its commas and searched whole (4 times its size in memory).
// Lines up to the limit together are read as ever.
func TestParagraphTooLong(t *testing.T) {
	line := strings.Repeat("word ", 60000) // 300 KB
	head := "Published on *Some Prize* (<https://prize.example>)\n\n# Film\n\n"
	for _, tt := range []struct {
		name  string
		lines int
		fail  bool
	}{{"three lines", 3, false}, {"four lines", 4, true}} {
		page := head + strings.Repeat(line+"\n", tt.lines)
		_, err := Parse(strings.NewReader(page), "page.txt")
		var fe *film.Error
		switch {
		case !tt.fail && err != nil && errors.Is(err, text.ErrLineTooLong):
			t.Errorf("%s: %v; want the paragraph read", tt.name, err)
		case tt.fail && (!errors.As(err, &fe) || !errors.Is(err, text.ErrLineTooLong) || fe.Pos.Line != 5 || fe.Pos.File != "page.txt"):
			t.Errorf("%s: error %v; want page.txt:5 refused as longer than 1 MiB", tt.name, err)
		}
	}
}

// TestHeaderCountries: the header's country paragraphs, which have no
// label, are told from the director's by name. A country CLDR writes
// otherwise ("Hong Kong SAR China") was read as a second director
// (audit 12); one film2ld does not know is read as a country, with a
// note, where it stands among the countries after the director. A second
// name beside the director is still a director.
func TestHeaderCountries(t *testing.T) {
	for _, tt := range []struct {
		header     string
		directors  []string
		countries  []string
		noteNaming string
	}{
		{"Ann Hui\n\nHong Kong\n\nChina\n\n90 min", []string{"Ann Hui"}, []string{"Hong Kong", "China"}, ""},
		{"Elia Suleiman\n\nPalestine\n\nFrance", []string{"Elia Suleiman"}, []string{"Palestine", "France"}, ""},
		{"Milcho Manchevski\n\nNorth Macedonia\n\n2019", []string{"Milcho Manchevski"}, []string{"North Macedonia"}, ""},
		{"Andrei Tarkovsky\n\nSoviet Union\n\n1975", []string{"Andrei Tarkovsky"}, []string{"Soviet Union"}, ""},
		{"Pema Tseden\n\nTibet\n\nChina\n\n87 min", []string{"Pema Tseden"}, []string{"Tibet", "China"}, "Tibet"},
		{"Denis Côté\n\nCanada\n\nQuebec\n\n2015", []string{"Denis Côté"}, []string{"Canada", "Quebec"}, "Quebec"},
		{"Jan Kowalski, Maria Nowak\n\nPoland", []string{"Jan Kowalski", "Maria Nowak"}, []string{"Poland"}, ""},
		{"Directed by Jan Kowalski\n\nPoland\n\n2021", []string{"Jan Kowalski"}, []string{"Poland"}, ""},
	} {
		page := "Published on *Some Prize* (<https://prize.example>)\n\nOnly Title\n\n" + tt.header + "\n\nSynopsis:\n\nA film.\n"
		src, err := Parse(strings.NewReader(page), "p.txt")
		if err != nil {
			t.Fatalf("%q: %v", tt.header, err)
		}
		var directors, countries []string
		for _, c := range src.Film.Credits {
			if c.Role == film.Director {
				directors = append(directors, c.Agent.Name.Value)
			}
		}
		for _, c := range src.Film.Countries {
			countries = append(countries, c.Value)
		}
		if !slices.Equal(directors, tt.directors) || !slices.Equal(countries, tt.countries) {
			t.Errorf("%q: directors %q, countries %q; want %q, %q", tt.header, directors, countries, tt.directors, tt.countries)
		}
		noted := slices.ContainsFunc(src.Notes, func(n film.Note) bool { return strings.Contains(n.Message, "is not a country film2ld knows") })
		if noted != (tt.noteNaming != "") {
			t.Errorf("%q: notes %v; want one naming %q", tt.header, src.Notes, tt.noteNaming)
		}
	}
}

// parseAfterTitle parses a prize page whose site line and title come
// before rest.
func parseAfterTitle(t *testing.T, rest string) *film.Source {
	t.Helper()
	src, err := Parse(strings.NewReader("Published on *Some Prize* (<https://prize.example>)\n\nOnly Title\n\n"+rest), "p.txt")
	if err != nil {
		t.Fatal(err)
	}
	return src
}

// TestSiteLineInOtherLanguages: the page of the prize's site in French
// (or another of its languages) has "Publié sur" where the English one
// has "Published on"; the icon glyph above it became the film's title,
// and the title its director (audit 14). A glyph alone is never a title.
func TestSiteLineInOtherLanguages(t *testing.T) {
	for _, site := range []string{"Publié sur *Prix LUX* (<https://luxprize.eu>)", "Pubblicato su *Premio LUX* (<https://luxprize.eu>)", "Veröffentlicht auf *LUX-Preis* (<https://luxprize.eu>)", ""} {
		page := "\n\n禪\n\n" + site + "\n\nLa Mer (The Sea)\n\nAnne-Sophie de Vries\n\nFrance\n\n98 min\n\n1994\n\nSynopsis:\n\nUne femme revient.\n"
		src, err := Parse(strings.NewReader(page), "p.txt")
		if err != nil {
			t.Fatalf("%q: %v", site, err)
		}
		f := src.Film
		var directors []string
		for _, c := range f.Credits {
			directors = append(directors, c.Agent.Name.Value)
		}
		if f.Title.Value != "The Sea" || f.Year.Value != 1994 || !f.Runtime.Set || !slices.Equal(directors, []string{"Anne-Sophie de Vries"}) {
			t.Errorf("%q: title %q, year %v, runtime %v, directors %q", site, f.Title.Value, f.Year.Value, f.Runtime.Value, directors)
		}
		if site != "" && (src.Publisher == nil || src.Publisher.URL() != "https://luxprize.eu") {
			t.Errorf("%q: publisher %+v", site, src.Publisher)
		}
	}
}

// TestJoinedAndFrenchLabels: a label that joins two crew roles credits
// both ("Screenplay and editing"), and "Interprétation" is the cast, as
// other French labels are known; the first was one unknown role, the
// second lost the whole cast (audit 14).
func TestJoinedAndFrenchLabels(t *testing.T) {
	src := parseAfterTitle(t, "Anne Dubois\n\nFrance\n\nSynopsis:\n\nUne femme.\n\n"+
		"Screenplay and editing: Liis Kõrvits-Ööbik\n\nMontage & musique: Ennio Rossi\n\n"+
		"Interprétation: Zoë Lévêque (Zoë), Jean-Pierre Léaud (le grand-père)\n")
	var got []string
	for _, c := range src.Film.Credits {
		got = append(got, fmt.Sprintf("%s/%s %s", c.Role, c.RoleName, c.Agent.Name.Value))
	}
	for _, c := range src.Film.Cast {
		got = append(got, "actor "+c.Actor.Value+" as "+c.Character)
	}
	want := []string{"director/ Anne Dubois", "author/ Liis Kõrvits-Ööbik", "contributor/Editing Liis Kõrvits-Ööbik",
		"contributor/Editing Ennio Rossi", "composer/ Ennio Rossi", "actor Zoë Lévêque as Zoë", "actor Jean-Pierre Léaud as le grand-père"}
	if !slices.Equal(got, want) {
		t.Errorf("credits\n%q\nwant\n%q", got, want)
	}
	for _, n := range src.Notes {
		if strings.Contains(n.Message, "not a known crew role") {
			t.Errorf("note: %s", n.Message)
		}
	}
}

// TestWrittenAndDirectedBy: a header line that credits the writing with
// the direction credits both; split at its "and", it lost the director
// (audit 13).
func TestWrittenAndDirectedBy(t *testing.T) {
	for _, line := range []string{"Written and directed by Aki Kaurismäki", "Written & Directed by Aki Kaurismäki", "Directed and written by Aki Kaurismäki", "Écrit et réalisé par Aki Kaurismäki"} {
		src := parseAfterTitle(t, line+"\n\nFinland\n\nSynopsis:\n\nA film.\n")
		var got []string
		for _, c := range src.Film.Credits {
			got = append(got, string(c.Role)+" "+c.Agent.Name.Value)
		}
		if want := []string{"director Aki Kaurismäki", "author Aki Kaurismäki"}; !slices.Equal(got, want) {
			t.Errorf("%q: credits %q; want %q", line, got, want)
		}
	}
}

// TestCompanyUnderAnyLabel: a company credited under a label film2ld
// does not know, or as a producer, is an Organization, with a note; it
// was a Person (audit 13). A person stays one.
func TestCompanyUnderAnyLabel(t *testing.T) {
	src := parseAfterTitle(t, "Jan Kowalski\n\nPoland\n\nSynopsis:\n\nA film.\n\n"+
		"Restoration: Deutsche Kinemathek\n\nProducer: Nordvik Film, Ada Lind\n\nFestival selection: Berlinale Classics\n\nScreenplay: Ida Film-Lund\n")
	var orgs, people []string
	for _, c := range src.Film.Credits {
		if c.Agent.Organization {
			orgs = append(orgs, c.Agent.Name.Value)
		} else {
			people = append(people, c.Agent.Name.Value)
		}
	}
	if want := []string{"Deutsche Kinemathek", "Nordvik Film"}; !slices.Equal(orgs, want) {
		t.Errorf("organisations %q; want %q", orgs, want)
	}
	if want := []string{"Jan Kowalski", "Ada Lind", "Berlinale Classics", "Ida Film-Lund"}; !slices.Equal(people, want) {
		t.Errorf("people %q; want %q", people, want)
	}
	noted := 0
	for _, n := range src.Notes {
		if strings.Contains(n.Message, "names an organisation") {
			noted++
		}
	}
	if noted != 2 {
		t.Errorf("%d notes of organisations; want 2: %v", noted, src.Notes)
	}
	// The unknown label right after the synopsis starts the crew: it
	// went into the synopsis without a word.
	if d := src.Film.Descriptions; len(d) != 1 || d[0].Value != "A film." {
		t.Errorf("synopsis %+v", d)
	}
}

// TestDistributionIsACompany: "Distribution: Golden Scene" credits a
// company, as the encyclopedia's "Distributed by" does; as an unknown
// label it was a crew member, a Person (audit 12).
func TestDistributionIsACompany(t *testing.T) {
	for _, label := range []string{"Distribution", "Distributor", "Distributors", "Distributed by"} {
		src := parseAfterTitle(t, "Jan Kowalski\n\nPoland\n\nSynopsis:\n\nA film.\n\n"+label+": Golden Scene, Kino Lorber\n")
		var got []string
		for _, c := range src.Film.Credits {
			if c.RoleName == "Distribution" && c.Agent.Organization {
				got = append(got, c.Agent.Name.Value)
			}
		}
		if !slices.Equal(got, []string{"Golden Scene", "Kino Lorber"}) {
			t.Errorf("%s: distributors %q; credits %+v", label, got, src.Film.Credits)
		}
	}
}

// TestBreadcrumbInAnyLanguage: the breadcrumb is told by its shape,
// links separated by ">", whatever its words; one in the site's other
// languages ("Accueil", "Startseite") became the film's title, the
// title its director and the director a country (audit 15). A title
// that holds a ">" is still the title.
func TestBreadcrumbInAnyLanguage(t *testing.T) {
	for _, tt := range []struct {
		crumb, title, english, director string
	}{
		{`[Start](#) > [Films](#) > [De Zee \(The Sea\)](#)`, "De Zee (The Sea)", "The Sea", "Anouk Visser"},
		{`[Strona główna](/) › [Morze \(The Sea\)](/filmy/morze)`, "Morze (The Sea)", "The Sea", "Anouk Visser"},
		{`[Etusivu](#) » [Meri](#)`, "Meri", "Meri", "Anouk Visser"},
		{`[Αρχική](#) \> [Θάλασσα \(The Sea\)](#)`, "Θάλασσα (The Sea)", "The Sea", "Anouk Visser"},
		// A copy that made the links text: the trail ends with the title.
		{"Página principal > Películas > El Faro (The Lighthouse)", "El Faro (The Lighthouse)", "The Lighthouse", "Anouk Visser"},
		{"Forside > Fyret…", "Fyret i nord", "Fyret i nord", "Anouk Visser"},
		// No breadcrumb: a title with ">" is the title.
		{"", "Love > Hate", "Love > Hate", "Anouk Visser"},
	} {
		page := "\n\n禪\n\nPublished on *Some Prize* (<https://prize.example>)\n\n"
		if tt.crumb != "" {
			page += tt.crumb + "\n\n"
		}
		page += tt.title + "\n\n" + tt.director + "\n\nNetherlands\n\n92 min\n\n2020\n\nSynopsis:\n\nA film.\n"
		src, err := Parse(strings.NewReader(page), "p.txt")
		if err != nil {
			t.Fatalf("%q: %v", tt.crumb, err)
		}
		var directors, countries []string
		for _, c := range src.Film.Credits {
			directors = append(directors, c.Agent.Name.Value)
		}
		for _, c := range src.Film.Countries {
			countries = append(countries, c.Value)
		}
		if src.Film.Title.Value != tt.english || !slices.Equal(directors, []string{tt.director}) || !slices.Equal(countries, []string{"Netherlands"}) {
			t.Errorf("%q: title %q, directors %q, countries %q; want %q, %q, Netherlands", tt.crumb, src.Film.Title.Value, directors, countries, tt.english, tt.director)
		}
	}
}

// TestNumberTitle: a title that is a number is the title where the
// layout puts the title, and the year line below stays the year; "1917"
// was refused as no title, and "9" skipped as an icon glyph, which made
// the directors the title (audit 15). A header whose first paragraph is
// its only year has no title.
func TestNumberTitle(t *testing.T) {
	for _, tt := range []struct {
		name, head, title string
		year              float64
		err               string
	}{
		{"year-shaped, with a breadcrumb", "Published on *P* (<https://p.example>)\n\n[Start](#) > [1917](#)\n\n1917\n\nTomasz Wrona\n\nPoland\n\n2019", "1917", 2019, ""},
		{"year-shaped, the year below", "Published on *P* (<https://p.example>)\n\n2046\n\nLi Wen, Ada Lind\n\nChina\n\n129 min\n\n2004", "2046", 2004, ""},
		{"year on a line of facts", "Published on *P* (<https://p.example>)\n\n1984\n\nOla Berg\n\nNorway, 2021, 90 min", "1984", 2021, ""},
		{"one digit, glyph above the site line", "\n\n禪\n\nPublished on *P* (<https://p.example>)\n\n7\n\nOla Berg\n\nNorway\n\n2021", "7", 2021, ""},
		{"one digit, no site line", "\n\n禪\n\n3\n\nOla Berg\n\nNorway\n\n2020", "3", 2020, ""},
		{"no title, the year first", "Published on *P* (<https://p.example>)\n\n2015\n\nNorway", "", 0, `p.txt:3: expected the film's title, found "2015"`},
	} {
		src, err := Parse(strings.NewReader(tt.head+"\n\nSynopsis:\n\nA film.\n"), "p.txt")
		if tt.err != "" {
			if err == nil || err.Error() != tt.err {
				t.Errorf("%s: error %v; want %s", tt.name, err, tt.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		var directors []string
		for _, c := range src.Film.Credits {
			directors = append(directors, c.Agent.Name.Value)
		}
		if src.Film.Title.Value != tt.title || src.Film.Year.Value != tt.year || len(directors) == 0 || strings.ContainsAny(strings.Join(directors, ""), "0123456789") {
			t.Errorf("%s: title %q, year %v, directors %q; want %q, %v", tt.name, src.Film.Title.Value, src.Film.Year.Value, directors, tt.title, tt.year)
		}
	}
}

// creditsOf lists a film's credits as "role/roleName name" (with "org"
// for a company) and its cast as "actor name as character".
func creditsOf(f film.Film) []string {
	var got []string
	for _, c := range f.Credits {
		kind := ""
		if c.Agent.Organization {
			kind = " org"
		}
		got = append(got, fmt.Sprintf("%s/%s%s %s", c.Role, c.RoleName, kind, c.Agent.Name.Value))
	}
	for _, c := range f.Cast {
		got = append(got, "actor "+c.Actor.Value+" as "+c.Character)
	}
	return got
}

// TestLabelsInOtherLanguages: the site's pages in German, Spanish,
// Italian and French label their credits in their language; each label
// is read as its English counterpart, with or without its accents, in
// any case. Unknown, each was a role of its own name: the cast was lost,
// companies became Persons and the synopsis kept its label (audit 15).
func TestLabelsInOtherLanguages(t *testing.T) {
	for _, tt := range []struct {
		lang, body string
		want       []string
	}{
		{"German", "Inhalt:\n\nEine Fähre im Nebel.\n\nBuch: Greta Vollmer\n\nBildgestaltung: Timo Lahr\n\nMontage: Ilse Brandt\n\n" +
			"Musik: Karl Seidel\n\nTon: Nils Ortmann\n\nSzenenbild: Heike Sander\n\nKostüme: Uta Lenz\n\n" +
			"Darsteller: Max Rauch (Kapitän), Lea Dorn (Möwe)\n\nProduzentin: Greta Vollmer\n\nProduktion: Nebelhorn Film\n\n" +
			"Koproduktion: Studio Weser, Elbfilm\n\nWeltvertrieb: Nordsee Sales, Hafenstraße 3, 20459 Hamburg Tel.: +49 40 0000 0000 info@nordsee.example",
			[]string{"author/ Greta Vollmer", "contributor/Cinematography Timo Lahr", "contributor/Editing Ilse Brandt",
				"composer/ Karl Seidel", "contributor/Sound Nils Ortmann", "contributor/Production design Heike Sander",
				"contributor/Costumes Uta Lenz", "producer/ Greta Vollmer", "production company/ org Nebelhorn Film",
				"production company/Co-production org Studio Weser", "production company/Co-production org Elbfilm",
				"contributor/World sales org Nordsee Sales", "actor Max Rauch as Kapitän", "actor Lea Dorn as Möwe"}},
		{"Spanish, some accents left out", "SINOPSIS:\n\nUn faro en la niebla.\n\nGuión: Pilar Ochoa\n\nFotografia: Raúl Vidal\n\nMontaje: Eva Soler\n\n" +
			"Musica: Andrés Gil\n\nSonido: Lucía Paz\n\nReparto: Tomás Rey (Faro), Nieves Cruz\n\nProductora: Pilar Ochoa\n\n" +
			"Produccion: Niebla Cine\n\nCoproducción: Mar Adentro Films\n\nVentas: Cine Sur, Calle Mayor 5, 28013 Madrid ventas@cinesur.example",
			[]string{"author/ Pilar Ochoa", "contributor/Cinematography Raúl Vidal", "contributor/Editing Eva Soler",
				"composer/ Andrés Gil", "contributor/Sound Lucía Paz", "producer/ Pilar Ochoa", "production company/ org Niebla Cine",
				"production company/Co-production org Mar Adentro Films", "contributor/World sales org Cine Sur",
				"actor Tomás Rey as Faro", "actor Nieves Cruz as "}},
		{"Italian", "Trama:\n\nUn faro nella nebbia.\n\nSceneggiatura: Bruno Sala\n\nFotografia: Ida Neri\n\nMontaggio: Ugo Riva\n\n" +
			"Musiche: Carla Fo\n\nSuono: Dario Lupo\n\nCostumi: Nina Gatti\n\nInterpreti: Aldo Serra (il guardiano)\n\n" +
			"Produttori: Bruno Sala, Marta Gallo\n\nProduzione: Nebbia Film\n\nCoproduzione: Faro Productions\n\n" +
			"Vendite internazionali: Italia Sales, Via Po 3, 10123 Torino sales@italiasales.example",
			[]string{"author/ Bruno Sala", "contributor/Cinematography Ida Neri", "contributor/Editing Ugo Riva",
				"composer/ Carla Fo", "contributor/Sound Dario Lupo", "contributor/Costumes Nina Gatti",
				"producer/ Bruno Sala", "producer/ Marta Gallo", "production company/ org Nebbia Film",
				"production company/Co-production org Faro Productions", "contributor/World sales org Italia Sales",
				"actor Aldo Serra as il guardiano"}},
		{"French", "Résumé :\n\nUn phare dans la brume.\n\nScénariste : Luc Morin\n\nImage : Anne Roy\n\nMontage : Paul Blanc\n\n" +
			"Musique originale : Zoé Petit\n\nSon : Marc Noël\n\nDécors : Lise Faure\n\nCostumes : Inès Colin\n\n" +
			"Avec : Jean Roux (le gardien)\n\nProductrices : Ève Marchand, Léa Simon\n\nProduction : Brume Films\n\n" +
			"Coproduction : Phare Productions\n\nVentes internationales : Brume Sales, 3 rue Lepic, 75018 Paris ventes@brume.example",
			[]string{"author/ Luc Morin", "contributor/Cinematography Anne Roy", "contributor/Editing Paul Blanc",
				"composer/ Zoé Petit", "contributor/Sound Marc Noël", "contributor/Set design Lise Faure", "contributor/Costumes Inès Colin",
				"producer/ Ève Marchand", "producer/ Léa Simon", "production company/ org Brume Films",
				"production company/Co-production org Phare Productions", "contributor/World sales org Brume Sales",
				"actor Jean Roux as le gardien"}},
	} {
		src, err := Parse(strings.NewReader("Published on *P* (<https://p.example>)\n\nThe Lighthouse\n\n2020\n\n"+tt.body+"\n"), "p.txt")
		if err != nil {
			t.Fatalf("%s: %v", tt.lang, err)
		}
		if got := creditsOf(src.Film); !slices.Equal(got, tt.want) {
			t.Errorf("%s: credits\n%q\nwant\n%q", tt.lang, got, tt.want)
		}
		if d := src.Film.Descriptions; len(d) != 1 || strings.Contains(d[0].Value, ":") || !strings.HasPrefix(d[0].Value, "U") && !strings.HasPrefix(d[0].Value, "E") {
			t.Errorf("%s: synopsis %+v; want the text without its label", tt.lang, d)
		}
		for _, n := range src.Notes {
			if strings.Contains(n.Message, "not a known crew role") {
				t.Errorf("%s: note: %s", tt.lang, n.Message)
			}
		}
	}
}

// TestJoinedLabelsInOtherLanguages: "Guion y montaje", "Sceneggiatura e
// montaggio", "Buch und Regie" credit both roles, as "Screenplay and
// editing" does.
func TestJoinedLabelsInOtherLanguages(t *testing.T) {
	for _, tt := range []struct{ line, want string }{
		{"Guion y montaje: Pilar Ochoa", "author/ Pilar Ochoa|contributor/Editing Pilar Ochoa"},
		{"Sceneggiatura e montaggio: Bruno Sala", "author/ Bruno Sala|contributor/Editing Bruno Sala"},
		{"Buch und Regie: Greta Vollmer", "author/ Greta Vollmer|director/ Greta Vollmer"},
	} {
		src := parseAfterTitle(t, "2020\n\nSynopsis:\n\nA film.\n\n"+tt.line+"\n")
		if got := strings.Join(creditsOf(src.Film), "|"); got != tt.want {
			t.Errorf("%q: credits %q; want %q", tt.line, got, tt.want)
		}
	}
}

// TestCompanyRoleNotes: a company's part written in brackets after its
// name is no part of the name (audit 15), under any company label.
func TestCompanyRoleNotes(t *testing.T) {
	src := parseAfterTitle(t, "2020\n\nSynopsis:\n\nA film.\n\n"+
		"Production: Marea Films, Radio Télévision Suisse (co-production)\n\n"+
		"Coproducción: Halcón Films (coproducción), Studio (Nine)\n\nDistribution: Kite Releasing (distributor)\n")
	want := []string{"production company/ org Marea Films", "production company/Co-production org Radio Télévision Suisse",
		"production company/Co-production org Halcón Films", "production company/Co-production org Studio (Nine)",
		"contributor/Distribution org Kite Releasing"}
	if got := creditsOf(src.Film); !slices.Equal(got, want) {
		t.Errorf("credits\n%q\nwant\n%q", got, want)
	}
}

// TestRunningTimeToTheSecond: a short's running time on a prize page, in
// its header or under a label, keeps its seconds (it read whole minutes
// only: "12 min 40 s" was no running time, and before that "12:40" was
// 760 minutes); a clock that may be hours or minutes is a note.
func TestRunningTimeToTheSecond(t *testing.T) {
	for _, tt := range []struct {
		name, head string
		seconds    int
		note       string
	}{
		{"header paragraph", "Published on *P* (<https://p.example>)\n\nKite Hill\n\nOla Berg\n\nNorway\n\n12 min 40 s\n\n2021", 760, ""},
		{"header facts on one line", "Published on *P* (<https://p.example>)\n\nKite Hill\n\nOla Berg\n\nNorway, 2021, 14:05", 845, ""},
		{"label", "Published on *P* (<https://p.example>)\n\nKite Hill\n\nOla Berg\n\nNorway\n\n2021\n\nRunning time: 8 minutes 30 seconds", 510, ""},
		{"unclear clock under a label", "Published on *P* (<https://p.example>)\n\nKite Hill\n\nOla Berg\n\nNorway\n\n2021\n\nRunning time: 5:30", 0, "may be hours and minutes or minutes and seconds"},
	} {
		src, err := Parse(strings.NewReader(tt.head+"\n\nSynopsis:\n\nA film.\n"), "p.txt")
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if got := src.Film.Runtime; got.Set != (tt.seconds > 0) || got.Seconds() != tt.seconds {
			t.Errorf("%s: running time %v (%d s); want %d s", tt.name, got, got.Seconds(), tt.seconds)
		}
		if tt.note != "" && !slices.ContainsFunc(src.Notes, func(n film.Note) bool { return strings.Contains(n.Message, tt.note) }) {
			t.Errorf("%s: no note %q in %v", tt.name, tt.note, src.Notes)
		}
	}
}

// A cast entry whose character is one of the film's titles, read from the
// header above it, plays the title role: it is never split into two
// characters, though two article-led descriptions elsewhere are.
func TestCastTitleRoleIsOneCharacter(t *testing.T) {
	page := "Published on *Some Prize* (<https://prize.example>)\n\n" +
		"# Le Sel et la Lune (The Salt and the Moon)\n\n" +
		"Directed by Anne-Sophie Moreau\n\nFrance\n\n98'\n\n2019\n\n" +
		"Synopsis:\n\nA salt-maker and the tide.\n\n" +
		"Cast: Salomé Duval (le Sel et la Lune), Marc Roy (The Salt and the Moon), Ida Berg (the Ferryman and the Ghost)\n"
	src, err := Parse(strings.NewReader(page), "page.txt")
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][]string{}
	for _, m := range src.Film.Cast {
		got[m.Actor.Value] = append(got[m.Actor.Value], m.Character)
	}
	want := map[string][]string{
		"Salomé Duval": {"le Sel et la Lune"},
		"Marc Roy":     {"The Salt and the Moon"},
		"Ida Berg":     {"the Ferryman", "the Ghost"},
	}
	for actor, chars := range want {
		if !slices.Equal(got[actor], chars) {
			t.Errorf("%s plays %q; want %q", actor, got[actor], chars)
		}
	}
}
