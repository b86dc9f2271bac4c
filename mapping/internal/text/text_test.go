package text

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/film2ld/film2ld/mapping/film"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"Mar 25, 2011", "2011-03-25", true},
		{"Dec 14, 2011", "2011-12-14", true},
		{"March 5, 2011", "2011-03-05", true},
		{"Sept 9, 2014", "2014-09-09", true},
		{"12 May 2015", "2015-05-12", true},
		{"23-11-2017", "2017-11-23", true},
		{"09-03-2018", "2018-03-09", true}, // day first: 9 March
		{"2011-03-25", "2011-03-25", true},
		{"Feb 30, 2011", "", false},
		{"30-02-2011", "", false},
		{"yesterday", "", false},
		{"April 26th, 2008", "2008-04-26", true},
		{"1st May 2010", "2010-05-01", true},
		// Slashes: read where one order is possible, or both agree.
		{"25/03/2019", "2019-03-25", true},
		{"03/25/2019", "2019-03-25", true},
		{"05/05/2019", "2019-05-05", true},
		{"12/03/2019", "", false}, // 12 March or 3 December
		{"31/31/2019", "", false},
		{"3. October 2020", "2020-10-03", true},
		{"2022年10月1日", "2022-10-01", true},
		{"2019/03/12", "2019-03-12", true},
		// Audit 18: the day first with the abbreviation's dot, a comma,
		// or hyphens; "Sept." wherever it stands.
		{"14 Nov. 2004", "2004-11-14", true},
		{"14 Nov, 2004", "2004-11-14", true},
		{"14 November, 2004", "2004-11-14", true},
		{"14-Nov-2004", "2004-11-14", true},
		{"14. Nov. 2004", "2004-11-14", true},
		{"14 Sept. 2004", "2004-09-14", true},
		{"Sept. 14, 2004", "2004-09-14", true},
		{"31 Nov. 2004", "", false},
		{"14 Nov. 04", "", false},
		// Without the comma (audit 12: the review's date went into its text).
		{"Jun 2 2019", "2019-06-02", true},
		{"June 2 2019", "2019-06-02", true},
		{"Feb 30 2019", "", false},
	}
	for _, tt := range tests {
		got, err := ParseDate(tt.in)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("ParseDate(%q) = %q, %v; want %q, ok=%v", tt.in, got, err, tt.want, tt.ok)
		}
	}
	if _, err := ParseDate("12/03/2019"); !errors.Is(err, ErrAmbiguousDate) {
		t.Errorf("ParseDate(12/03/2019): %v; want ErrAmbiguousDate", err)
	}
}

// TestParseRunningTimeMinutes: the running times in whole minutes that
// the mappers read before seconds were (ParseMinutes'), in seconds.
func TestParseRunningTimeMinutes(t *testing.T) {
	tests := []struct {
		in   string
		want int
		ok   bool
	}{
		{"95 min", 95, true},
		{"90 minutes", 90, true},
		{"104 mins", 104, true},
		{"1 h 35 min", 95, true},
		{"2 hours", 120, true},
		{"1h 30min", 90, true},
		{"1 hour and 35 minutes", 95, true},
		{"1 hr. 35 min.", 95, true},
		{"106 Minutes", 106, true},
		{"95 min.", 95, true},
		{"86'", 86, true},
		{"1:38", 98, true},
		{"0 min", 0, false},
		{"95", 0, false},
		{"minutes", 0, false},
	}
	for _, tt := range tests {
		got, err := ParseRunningTime(tt.in)
		if (err == nil) != tt.ok || got != tt.want*60 {
			t.Errorf("ParseRunningTime(%q) = %d, %v; want %d min, ok %v", tt.in, got, err, tt.want, tt.ok)
		}
	}
}

func TestRunningTimesInAValue(t *testing.T) {
	durations := func(s string) []int {
		secs, _ := RunningTimes(s)
		return secs
	}
	got := durations("95 minutes (Cannes), 1 h 30 min (theatrical), 1:42 (director's cut)")
	if !slices.Equal(got, []int{95 * 60, 90 * 60, 102 * 60}) {
		t.Errorf("RunningTimes = %v", got)
	}
	if got := durations("long"); got != nil {
		t.Errorf("RunningTimes(long) = %v", got)
	}
	// No time is the end of a decimal, a signed number or a range: "1.5
	// hours" was 300 minutes, "-5 minutes" 5.
	for _, s := range []string{"1.5 hours", "2,5 hours", "-5 minutes", "+90 min", "−90 min", "2–3 hours", "95—100 min"} {
		if got := durations(s); got != nil {
			t.Errorf("RunningTimes(%q) = %v; want none", s, got)
		}
	}
	if got := durations("ca. 90 min, 1.5 hours (TV), 2 h"); !slices.Equal(got, []int{90 * 60, 120 * 60}) {
		t.Errorf("RunningTimes with a decimal among them = %v", got)
	}
}

func TestSplitNames(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Jacques-Henri & Olivier Bronckart", []string{"Jacques-Henri Bronckart", "Olivier Bronckart"}},
		{"Anna and Piotr Nowak", []string{"Anna Nowak", "Piotr Nowak"}},
		{"Lingo, André Dziezuk, Marc Mergen", []string{"Lingo", "André Dziezuk", "Marc Mergen"}},
		{"Søren Ødegaard and Camille Ferrand-Lévêque", []string{"Søren Ødegaard", "Camille Ferrand-Lévêque"}},
		{"A. Smith, B. Jones, and C. Brown", []string{"A. Smith", "B. Jones", "C. Brown"}},
		{"Benedict Anderson", []string{"Benedict Anderson"}},
		{"Jan & Ewa Lis and Tomasz Nowak", []string{"Jan Lis", "Ewa Lis", "Tomasz Nowak"}},
		{"Ana & Luis & Marta Ferrer", []string{"Ana Ferrer", "Luis Ferrer", "Marta Ferrer"}},
		{"Ines Vale & Tom Ruiz", []string{"Ines Vale", "Tom Ruiz"}},
		// The family name is all that follows the given name and initials.
		{"Gael & Luis García Bernal", []string{"Gael García Bernal", "Luis García Bernal"}},
		{"Anna & Maria de la Cruz", []string{"Anna de la Cruz", "Maria de la Cruz"}},
		{"Anna & J. R. Smith", []string{"Anna Smith", "J. R. Smith"}},
		// "And" in other languages, before a full name (audit 15).
		{"Élodie Vasseur et Marc Janssens", []string{"Élodie Vasseur", "Marc Janssens"}},
		{"Sandro Pellegrini und Dorothea Weißgerber", []string{"Sandro Pellegrini", "Dorothea Weißgerber"}},
		{"Marta Lozano Sáez y Kwabena Osei", []string{"Marta Lozano Sáez", "Kwabena Osei"}},
		{"Paolo e Vittorio Taviani", []string{"Paolo Taviani", "Vittorio Taviani"}},
		{"Anke de Wit en Joost Bakker, Lars Holm og Siv Dahl", []string{"Anke de Wit", "Joost Bakker", "Lars Holm", "Siv Dahl"}},
		{"Ana Ruiz, Pere Vidal i Joan Puig y Eva Soler", []string{"Ana Ruiz", "Pere Vidal i Joan Puig", "Eva Soler"}},
		// ... but not inside one name, or in brackets.
		{"José Ortega y Gasset", []string{"José Ortega y Gasset"}},
		{"José Ortega y Gasset y Ana Ruiz", []string{"José Ortega y Gasset", "Ana Ruiz"}},
		{"Vasco Sá e Silva", []string{"Vasco Sá e Silva"}},
		{"Pedro Gil (Juan y Jorge Gil)", []string{"Pedro Gil (Juan y Jorge Gil)"}},
		{"Rosa et al.", []string{"Rosa et al."}},
		// The conjunctions of the prize's pages in other languages
		// (audit 15); "y" and "e" only before a full name, since a
		// family name may hold them.
		{"Jeanne et Louis Morel", []string{"Jeanne Morel", "Louis Morel"}},
		{"Carmen Ruiz Soto y Kofi Boateng", []string{"Carmen Ruiz Soto", "Kofi Boateng"}},
		{"Ana y Luis García", []string{"Ana García", "Luis García"}},
		{"Giulia Neri e Paolo Conti, Ida Sala", []string{"Giulia Neri", "Paolo Conti", "Ida Sala"}},
		{"Santiago Ramón y Cajal", []string{"Santiago Ramón y Cajal"}},
		{"Maria Pinto e Costa and Rui Lopes", []string{"Maria Pinto e Costa", "Rui Lopes"}},
		{"Betty Ettinger, Kunde Undset", []string{"Betty Ettinger", "Kunde Undset"}},
		// Commas and "and" inside brackets do not split.
		{"Valentina Ruiz (Rosa), Camila Ruiz (Rosa, as a child), Pedro Gil (Juan and Jorge)",
			[]string{"Valentina Ruiz (Rosa)", "Camila Ruiz (Rosa, as a child)", "Pedro Gil (Juan and Jorge)"}},
	}
	for _, tt := range tests {
		if got := SplitNames(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("SplitNames(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
	if got := SplitList("Belgium / France; AC/DC Films"); !slices.Equal(got, []string{"Belgium", "France", "AC/DC Films"}) {
		t.Errorf("SplitList with slashes = %q", got)
	}
	// Companies are never split on "&".
	if got := SplitList("Rühle & Partner Filmproduktion, Kanal Mavi"); !slices.Equal(got, []string{"Rühle & Partner Filmproduktion", "Kanal Mavi"}) {
		t.Errorf("SplitList = %q", got)
	}
}

func TestRepairMojibake(t *testing.T) {
	tests := []struct {
		in, want string
		changed  bool
	}{
		{"Li├Ęge-set film", "Liège-set film", true}, // code page 852, as in the sample
		{"LiÃ¨ge", "Liège", true},                   // Windows-1252
		{"FrÃ©dÃ©ric", "Frédéric", true},
		{"ItÃªs", "Itês", true},
		{"Illégal", "Illégal", false},
		{"Íñigo Muñoz", "Íñigo Muñoz", false}, // re-encodes to valid UTF-8 in code page 850, but is real text
		{"Kępińska Żmuda Şahinoğlu", "Kępińska Żmuda Şahinoğlu", false},
		{"plain ASCII", "plain ASCII", false},
	}
	for _, tt := range tests {
		got, changed := RepairMojibake(tt.in)
		if got != tt.want || changed != tt.changed {
			t.Errorf("RepairMojibake(%q) = %q, %v; want %q, %v", tt.in, got, changed, tt.want, tt.changed)
		}
	}
}

func TestReadRejects(t *testing.T) {
	tests := []struct {
		name, in string
		want     error
		msg      string
	}{
		{"empty", "", ErrEmpty, "x.txt: empty document (nothing but white space)"},
		{"white space", " \n\t\r\n", ErrEmpty, "x.txt: empty document (nothing but white space)"},
		{"no-break spaces", "\u00a0\n\u00a0\u2003\n", ErrEmpty, "x.txt: empty document (nothing but white space)"},
		{"BOM only", "\xef\xbb\xbf\n", ErrEmpty, "x.txt: empty document (nothing but white space)"},
		{"binary", "PK\x03\x04\x00\x00", ErrBinary, "x.txt:1: not a text document: binary data at byte offset 2"},
		{"NUL on line 2", "title\n\x00", ErrBinary, "x.txt:2: not a text document: binary data at byte offset 6"},
		{"not Windows-1252", "caf\xe9 \x81", nil, "x.txt:1: not UTF-8 (byte 0xE9 at offset 3) and not Windows-1252 (byte 0x81 at offset 5)"},
		{"cut mid-character", "line one\nLi\xc3", ErrCutOff, "x.txt:2: cut off: the document ends in the middle of a UTF-8 character (byte offset 11)"},
		{"cut mid-character after BOM", "\xef\xbb\xbfLi\xe2\x80", ErrCutOff, "x.txt:1: cut off: the document ends in the middle of a UTF-8 character (byte offset 5)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read(strings.NewReader(tt.in), "x.txt")
			if err == nil {
				t.Fatal("no error")
			}
			if err.Error() != tt.msg {
				t.Errorf("error = %q; want %q", err, tt.msg)
			}
			if tt.want != nil && !errors.Is(err, tt.want) {
				t.Errorf("error %v is not %v", err, tt.want)
			}
		})
	}
}

func TestReadNormalises(t *testing.T) {
	clean, err := Read(strings.NewReader("= Café =\nline two\n"), "clean")
	if err != nil {
		t.Fatal(err)
	}
	variants := map[string]string{
		"BOM and CRLF":      "\xef\xbb\xbf= Café =\r\nline two\r\n",
		"decomposed accent": "= Cafe\u0301 =\nline two\n",
		"Windows-1252":      "= Caf\xe9 =\nline two\n",
	}
	for name, in := range variants {
		doc, err := Read(strings.NewReader(in), name)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !slices.Equal(doc.Lines, clean.Lines) {
			t.Errorf("%s: lines %q; want %q", name, doc.Lines, clean.Lines)
		}
	}
	doc, _ := Read(strings.NewReader("= Caf\xe9 =\n"), "latin1")
	if len(doc.Notes) != 1 || !strings.Contains(doc.Notes[0].Message, "Windows-1252") {
		t.Errorf("decoding Windows-1252 is not noted: %+v", doc.Notes)
	}
}

func TestPersonProblem(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Anne Coesens", ""},
		{"V.A. Musetto", ""},
		{"Jean-Claude van Damme", ""},
		{"María de los Ángeles García", ""},
		{"Gráinne O'Dwyer", ""},
		{"Søren Ødegaard", ""},
		{"Martin Luther King Jr.", ""},
		{`George "Spanky" McFarland`, ""},
		{"Helena Bonham Carter", ""},
		{"Jean-Baptiste d'Alembert", ""},
		{"Luca dell'Acqua", ""},
		{"Anne d’Orléans", ""},
		{"Ahmad al-Hakim", ""},
		{"the d'Artagnan", `it holds the word "the"`},
		{"various d'others", "it reads as words, not a name"},
		{"Anne Coesens — Tania", `it holds the role separator "—"`},
		{"Anne Coesens – Tania", `it holds the role separator "–"`},
		{"Anne Coesens as Tania", `it holds the role separator "as"`},
		{"Anne Coesens - Tania", `it holds the role separator "-"`},
		{"Luc Martin / The Narrator", `it holds the role separator "/"`},
		{"Mia Berg (voice)", "it holds an annotation in brackets"},
		{"Mia Berg[a]", "it holds an annotation in brackets"},
		{"Mia Berg: Tania", "it holds sentence punctuation"},
		{"the purser", `it holds the word "the"`},
		{"Narrated by Paul Petit", `it holds the word "by"`},
		{"Anna and Piotr Nowak", `it holds the word "and"`},
		{"old sailor", "it reads as words, not a name"},
		{"various", "it reads as words, not a name"},
		{"The film was shot in Liège over six weeks.", "it has 9 words, more than a name has"},
		{strings.Repeat("Ä", 201), "it is 201 characters long, more than a name is"},
		{"Wolfeschlegelsteinhausenbergerdorff Hubert Blaine", ""},
		{"Directed By Jan Kowalski.", "it reads as a sentence"},
		{"1999", "it has no letter"},
		{"Pula 2020", "it holds a digit"},
		{"Anne Coes…", "it is cut short"},
		{"  ", "it is empty"},
		{"- Runn", "it starts with a list mark"},
	}
	for _, tt := range tests {
		if got := PersonProblem(tt.in); got != tt.want {
			t.Errorf("PersonProblem(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestTally(t *testing.T) {
	var tl Tally
	if _, ok := tl.Flush("x"); ok {
		t.Fatal("an empty tally gave a note")
	}
	for _, n := range []int{12, 13, 14, 20, 22, 23} {
		tl.Add(n, "line "+strconv.Itoa(n))
	}
	n, ok := tl.Flush(`section "Reception" is not mapped`)
	want := `section "Reception" is not mapped: 6 lines left out (lines 12-14, 20, 22-23), the first: "line 12"`
	if !ok || n.Line != 12 || n.Message != want {
		t.Errorf("got %d %q\nwant 12 %q", n.Line, n.Message, want)
	}
	tl.Add(7, "only")
	if n, _ := tl.Flush("s"); n.Message != `s: 1 line left out (line 7), the first: "only"` {
		t.Errorf("one line: %q", n.Message)
	}
}

// TestCheckPeopleLetsGoOfWhatItLeavesOut: when most of a long cast or
// crew is left out, what is kept is a list of its own, so that the parts
// left out can be collected while the film is merged (an article whose
// 200,000 actors all failed the check held their parts to the end).
func TestCheckPeopleLetsGoOfWhatItLeavesOut(t *testing.T) {
	for _, n := range []int{10, 5000} {
		src := &film.Source{Name: "article.txt"}
		for i := range n {
			src.Film.Cast = append(src.Film.Cast, film.CastMember{Actor: film.Text{Value: fmt.Sprintf("Extra %d", i), Line: i + 1}})
			src.Film.Credits = append(src.Film.Credits, film.Credit{Role: film.Producer, Agent: film.Agent{Name: film.Text{Value: fmt.Sprintf("Producer %d", i), Line: i + 1}}})
		}
		src.Film.Cast = append(src.Film.Cast, film.CastMember{Actor: film.Text{Value: "Anne Coesens", Line: n + 1}})
		src.Film.Credits = append(src.Film.Credits, film.Credit{Role: film.Producer, Agent: film.Agent{Name: film.Text{Value: "Jacques Bronckart", Line: n + 1}}})
		CheckPeople(src)
		if len(src.Film.Cast) != 1 || src.Film.Cast[0].Actor.Value != "Anne Coesens" || len(src.Film.Credits) != 1 {
			t.Fatalf("%d: kept %v and %v, want the one actor and producer with names", n, src.Film.Cast, src.Film.Credits)
		}
		if len(src.Notes) != 2*n {
			t.Errorf("%d: %d notes, want one for each name left out", n, len(src.Notes))
		}
		if n > 1024 && (cap(src.Film.Cast) > 16 || cap(src.Film.Credits) > 16) {
			t.Errorf("%d: the kept cast and crew hold room for %d and %d parts: the lists of all %d are still held", n, cap(src.Film.Cast), cap(src.Film.Credits), n+1)
		}
	}
}

// TestVerticalTabIsText: a vertical tab, the line break word processors
// write inside a paragraph, is text, as a form feed is; ESC and DEL are
// not.
func TestVerticalTabIsText(t *testing.T) {
	if _, err := Read(strings.NewReader("Heat (1995)\nDirected by\vMichael Mann\f\n"), "x.txt"); err != nil {
		t.Errorf("vertical tab and form feed: %v", err)
	}
	if _, err := Read(strings.NewReader("Heat\n\x1b[31m"), "x.txt"); !errors.Is(err, ErrBinary) {
		t.Errorf("ESC: %v; want ErrBinary", err)
	}
	// DEL in a name made a second person of its actor, unseen.
	if _, err := Read(strings.NewReader("Heat\n- Starring: Al Pa\x7fcino\n"), "x.txt"); !errors.Is(err, ErrBinary) || !strings.Contains(err.Error(), "x.txt:2: not a text document: binary data at byte offset 22") {
		t.Errorf("DEL: %v; want ErrBinary at line 2, byte offset 22", err)
	}
}

// SplitNames takes allocations (and time) in proportion to a group's
// names: each single name looked for its surname in every name after it,
// so "A and A and …" of 256 KB took 16 s. Counted in allocations, which
// do not depend on the machine.
func TestSplitNamesLinear(t *testing.T) {
	allocs := func(n int) float64 {
		s := strings.Repeat("A and ", n) + "Ewa Lis"
		return testing.AllocsPerRun(3, func() { SplitNames(s) })
	}
	small, large := allocs(2000), allocs(8000)
	if large > 5*small {
		t.Errorf("SplitNames of 2,000 and 8,000 names: %.0f and %.0f allocations; want about 4 times, not 16", small, large)
	}
	if got := SplitNames("A and B and Ewa Lis"); strings.Join(got, "|") != "A Lis|B Lis|Ewa Lis" {
		t.Errorf("siblings: %q", got)
	}
}

// A name a credit's value repeats word for word is credited once, in the
// order first met, however long the list (merging made one credit of
// them anyway; each held a credit until then).
func TestCreditsRepeatedOnce(t *testing.T) {
	for _, tt := range []struct {
		value string
		org   bool
		want  string
	}{
		{"Ana Lis; Jan Nowak; Ana Lis", false, "Ana Lis|Jan Nowak"},
		{"Ana Lis, ana lis", false, "Ana Lis|ana lis"}, // spellings are the merge's to judge
		{strings.Repeat("A; ", 100000) + "B", false, "A|B"},
		{strings.Repeat("Fox Films, ", 40) + strings.Repeat("Arte, ", 40), true, "Fox Films|Arte"},
	} {
		var got []string
		for _, c := range Credits(film.Producer, "", tt.org, tt.value, 3) {
			got = append(got, c.Agent.Name.Value)
			if c.Agent.Name.Line != 3 || c.Role != film.Producer {
				t.Errorf("%.30q: credit %+v", tt.value, c)
			}
		}
		if strings.Join(got, "|") != tt.want {
			t.Errorf("Credits(%.30q…) = %q; want %q", tt.value, got, tt.want)
		}
	}
}

// TestCreditsKeepLegalForms: a company's legal form after a comma is
// part of its name, not a company of its own; a person's list is not
// read so ("Ana Lis, Co" is no company).
func TestCreditsKeepLegalForms(t *testing.T) {
	for _, tt := range []struct {
		value string
		org   bool
		want  string
	}{
		{"Lagoon Pictures, Inc., Faro Films, S.L.", true, "Lagoon Pictures, Inc.|Faro Films, S.L."},
		{"Polder Productions, Inc., Zeewind BVBA", true, "Polder Productions, Inc.|Zeewind BVBA"},
		{"Terra Chuvosa Filmes, Lda., YLE", true, "Terra Chuvosa Filmes, Lda.|YLE"},
		{"Nordlicht Film GmbH & Co. KG; Kinoherz, GmbH & Co. KG", true, "Nordlicht Film GmbH & Co. KG|Kinoherz, GmbH & Co. KG"},
		{"Harbour Films, Ltd; Fjord, AS, Vento, S.r.l.", true, "Harbour Films, Ltd|Fjord, AS|Vento, S.r.l."},
		{"Parallax Releasing, LLC", true, "Parallax Releasing, LLC"},
		{"Kite, Ltd; Blue Ox, GmbH, Studio A", true, "Kite, Ltd|Blue Ox, GmbH|Studio A"},
		{"Film Väst, AB", true, "Film Väst, AB"},
		{"Studio A, Abba Films, Cole & Co", true, "Studio A|Abba Films|Cole & Co"},
		{"Arte, Canal+, Sony", true, "Arte|Canal+|Sony"}, // no legal form: three
		{"Inc., Arte", true, "Inc.|Arte"},                // nothing before it to join
		{"Ana Lis, Co", false, "Ana Lis|Co"},
	} {
		var got []string
		for _, c := range Credits(film.ProductionCompany, "", tt.org, tt.value, 1) {
			got = append(got, c.Agent.Name.Value)
		}
		if strings.Join(got, "|") != tt.want {
			t.Errorf("Credits(%q) = %q; want %q", tt.value, got, tt.want)
		}
	}
}

// CreditList keeps the first of credits alike word for word (role, role
// name, person or organisation, name), and every credit with facts of its
// own (a contact, a URL).
func TestCreditList(t *testing.T) {
	var l CreditList
	var credits []film.Credit
	credit := func(role film.Role, roleName, name string, org bool, line int) film.Credit {
		return film.Credit{Role: role, RoleName: roleName, Agent: film.Agent{Name: film.Text{Value: name, Line: line}, Organization: org}}
	}
	for line := 1; line <= 50000; line++ {
		credits = l.Add(credits, credit(film.Producer, "", "Ana Lis", false, line), credit(film.Producer, "", "Fox", true, line))
	}
	credits = l.Add(credits, credit(film.Producer, "Co-production", "Ana Lis", false, 9), credit(film.Director, "", "Ana Lis", false, 9),
		credit(film.Producer, "", "ana lis", false, 9), credit(film.Producer, "", "Fox", false, 9))
	sales := credit(film.Contributor, "World sales", "Films Boutique", true, 10)
	sales.Agent.SetContact(&film.Contact{Email: "a@b.example"})
	credits = l.Add(credits, sales, sales)
	var got []string
	for _, c := range credits {
		got = append(got, fmt.Sprintf("%s/%s %s %v@%d", c.Role, c.RoleName, c.Agent.Name.Value, c.Agent.Organization, c.Agent.Name.Line))
	}
	want := []string{"producer/ Ana Lis false@1", "producer/ Fox true@1", "producer/Co-production Ana Lis false@9", "director/ Ana Lis false@9",
		"producer/ ana lis false@9", "producer/ Fox false@9", "contributor/World sales Films Boutique true@10", "contributor/World sales Films Boutique true@10"}
	if !slices.Equal(got, want) {
		t.Errorf("credits:\n got %q\nwant %q", got, want)
	}
}

// TestParseMonth: a month of a year alone is ISO 8601 of reduced
// precision; a full date or anything else is not read by it.
func TestParseMonth(t *testing.T) {
	for in, want := range map[string]string{"May 2019": "2019-05", "September 2014": "2014-09", "Sept 2014": "2014-09", "Sept. 2014": "2014-09", "Jan. 2001": "2001-01"} {
		if got, ok := ParseMonth(in); !ok || got != want {
			t.Errorf("ParseMonth(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	for _, in := range []string{"May 12, 2019", "2019", "Maybe 2019", "13 2019", ""} {
		if got, ok := ParseMonth(in); ok {
			t.Errorf("ParseMonth(%q) = %q; want no month", in, got)
		}
	}
}
