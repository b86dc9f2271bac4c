package prize

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/film2ld/film2ld/mapping/film"
	"github.com/film2ld/film2ld/mapping/internal/mappertest"
)

// prizePages returns the prize pages of the samples and of our own films.
func prizePages(t *testing.T) map[string]string {
	t.Helper()
	paths, _ := filepath.Glob("../../testdata/films/*/prize.txt")
	paths = append(paths, "../../testdata/samples/002_53aa2786e56c2e8a.txt", "../testdata/genres/prize.txt")
	pages := map[string]string{}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		pages[p] = string(b)
	}
	if len(pages) < 5 {
		t.Fatalf("only %d prize pages", len(pages))
	}
	return pages
}

// atLine is the line a fact is read at, in mappertest.Facts.
var atLine = regexp.MustCompile(`@\d+`)

// everything is what a prize page states, lines aside: the facts, the
// sales contacts, the trailer, the page's address, date and publisher.
func everything(src *film.Source) []string {
	out := mappertest.Facts(src)
	for i, f := range out {
		out[i] = atLine.ReplaceAllString(f, "")
	}
	for _, c := range src.Film.Credits {
		if c.Agent.Contact() != nil {
			out = append(out, fmt.Sprintf("contact of %s: %+v", c.Agent.Name.Value, *c.Agent.Contact()))
		}
	}
	for _, tr := range src.Film.Trailers {
		out = append(out, "trailer: "+tr.Value)
	}
	out = append(out, "url: "+src.URL.Value, "retrieved: "+src.Retrieved.Value)
	if src.Publisher != nil {
		out = append(out, "publisher: "+src.Publisher.Name.Value+" "+src.Publisher.URL())
	}
	slices.Sort(out)
	return out
}

// TestWithoutBlankLines: every prize page of the samples and our films,
// its blank lines taken out (as `grep -v '^$'` does, or a copy that
// single-spaces it), states what the page states. Read as one paragraph,
// such a page was a film named by all its text, its @id 1,500
// characters long, with no director, cast, crew or countries (audit 18).
func TestWithoutBlankLines(t *testing.T) {
	for path, page := range prizePages(t) {
		want, err := Parse(strings.NewReader(page), "p.txt")
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		var kept []string
		for _, l := range strings.Split(page, "\n") {
			if strings.TrimSpace(l) != "" {
				kept = append(kept, l)
			}
		}
		got, err := Parse(strings.NewReader(strings.Join(kept, "\n")+"\n"), "p.txt")
		if err != nil {
			t.Errorf("%s without blank lines: %v", path, err)
			continue
		}
		if g, w := everything(got), everything(want); !slices.Equal(g, w) {
			t.Errorf("%s without blank lines:\n got %q\nwant %q", path, g, w)
		}
		if len(got.Notes) != len(want.Notes) {
			t.Errorf("%s without blank lines: notes\n%q\nwant (as to their number)\n%q", path, mappertest.Notes(got), mappertest.Notes(want))
		}
	}
}

// One row per way a page is copied without its blank lines: the exact
// facts and notes.
func TestSingleSpacedLayouts(t *testing.T) {
	tests := []struct {
		name  string
		page  string
		want  []string
		notes []string
	}{
		{
			name: "a browser's copy: cookie banner, menus, breadcrumb as text, share buttons",
			page: `Diese Website verwendet Cookies, um Ihnen ein besseres Erlebnis zu bieten.
Alle akzeptieren
Zum Inhalt springen
Startseite
Filme
Presse
Kontakt
DE | EN | FR
Startseite › Filme › Der Leuchtturm (The Lighthouse)
Der Leuchtturm (The Lighthouse)
Regie: Greta Vollmer
Deutschland
Österreich
97 Min.
2018
Trailer ansehen
Inhalt
Ein Leuchtturmwärter und sein letzter Winter an der Küste.
Buch: Greta Vollmer, Timo Lahr
Montage:
Ilse Brandt
Darsteller:
Max Rauch (Kapitän)
Lea Dorn (Möwe)
Produktion: Nebelhorn Film
Teilen
Facebook
Drucken
© 2018 Nordlicht-Preis
Impressum
`,
			want: []string{
				"title: The Lighthouse@10", "other title: Der Leuchtturm@10", "director: Greta Vollmer@11",
				"country: Deutschland@12", "country: Österreich@13", "runtime: 97@14", "year: 2018@15",
				"description@18: Ein Leuchtturmwärter und sein letzter Winter an der Küste.",
				"author: Greta Vollmer@19", "author: Timo Lahr@19", "contributor/Editing: Ilse Brandt@20",
				"cast: Max Rauch as Kapitän@22", "cast: Lea Dorn as Möwe@22", "production company: Nebelhorn Film@25",
			},
			notes: []string{
				`1: before the title: site furniture, not mapped: 8 lines left out (lines 1-8), the first: "Diese Website verwendet Cookies, um Ihnen ein besseres Er..."`,
				`16: site furniture (menus, banners, buttons), not mapped: 6 lines left out (lines 16, 26-30), the first: "Trailer ansehen"`,
			},
		},
		{
			name: "a copy with a banner and a menu and no breadcrumb",
			page: "We use cookies to improve your experience on our site.\nAccept all\nHome\nFilms\nContact\n" +
				"Sea of Reeds\nNadia Benali\nMorocco, 2023, 84 min\nSynopsis:\nA boatman on the lagoon.\nMusic: Karim Ziani\n",
			want: []string{
				"title: Sea of Reeds@6", "director: Nadia Benali@7", "country: Morocco@8", "year: 2023@8", "runtime: 84@8",
				"description@10: A boatman on the lagoon.", "composer: Karim Ziani@11",
			},
			notes: []string{`1: before the title: site furniture, not mapped: 5 lines left out (lines 1-5), the first: "We use cookies to improve your experience on our site."`},
		},
		{
			name: "a title that is a menu's word, with no menu around it",
			page: "Published on *P* (<https://p.example>)\nHome\nYann Arthus-Bertrand\nFrance\n2009\nSynopsis:\nThe Earth seen from the sky.\n",
			want: []string{
				"title: Home@2", "director: Yann Arthus-Bertrand@3", "country: France@4", "year: 2009@5",
				"description@7: The Earth seen from the sky.",
			},
		},
		{
			name: "header facts single-spaced in a page with blank lines",
			page: "Published on *P* (<https://p.example>)\n\nThe River Pilot\n\nAnn Hui\nHong Kong\nChina\n90 min\n\nSynopsis:\n\nA pilot.\n",
			want: []string{
				"title: The River Pilot@3", "director: Ann Hui@5", "country: Hong Kong@6", "country: China@7", "runtime: 90@8",
				"description@12: A pilot.",
			},
		},
		{
			name: "a title's translation wrapped onto the next line",
			page: "Published on *P* (<https://p.example>)\n\nLe Dernier Hiver\n(The Last Winter)\n\nClaire Morel\n\nFrance\n\nSynopsis:\n\nUn hiver.\n",
			want: []string{
				"title: The Last Winter@3", "other title: Le Dernier Hiver@3", "director: Claire Morel@6", "country: France@8",
				"description@12: Un hiver.",
			},
		},
		{
			name: "wrapped prose joined, paragraphs kept, prose after a credit left out",
			page: "Published on *P* (<https://p.example>)\nSalt Flats\nIda Berg\nSynopsis\nA salt worker leaves\nthe flats for the city.\n" +
				"She comes back in spring.\nProducer: Ada Lind,\nKofi Mensah\nThe director thanks her family.\nLinks:\n[1]\nhttps://vimeo.com/555\n",
			want: []string{
				"title: Salt Flats@2", "director: Ida Berg@3",
				"description@5: A salt worker leaves the flats for the city.\n\nShe comes back in spring.",
				"producer: Ada Lind@8", "producer: Kofi Mensah@8",
			},
			notes: []string{`10: credits: lines not recognised: 1 line left out (line 10), the first: "The director thanks her family."`},
		},
		{
			name: "a film called Summary, the heading's word with no prose after it",
			page: "Published on *P* (<https://p.example>)\nSummary\nOla Berg\nNorway\n2020\nSynopsis:\nA film.\n",
			want: []string{"title: Summary@2", "director: Ola Berg@3", "country: Norway@4", "year: 2020@5", "description@7: A film."},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mappertest.Layout(t, tt.page, "p.txt", Parse, tt.want, tt.notes)
		})
	}
}

// TestPageIsNoTitle: a page whose title's place holds a line longer than
// any title is refused at that line, with the file's name: read as the
// title, a whole page was the film's name (audit 18).
func TestPageIsNoTitle(t *testing.T) {
	long := strings.Repeat("Lorem ipsum dolor sit amet, ", 10) // 280 characters
	for _, tt := range []struct{ name, page, err string }{
		{"a long line after the site's line", "Published on *P* (<https://p.example>)\n" + long + "\nOla Berg\n",
			`page.txt:2: expected the film's title, found a line of 279 characters, longer than a title (at most 200): "Lorem ipsum dolor sit amet, Lorem ipsum dolor sit amet, L..."`},
		{"a long first line", long + "\n\nSynopsis:\n\nA film.\n",
			`page.txt:1: expected the film's title, found a line of 279 characters, longer than a title (at most 200): "Lorem ipsum dolor sit amet, Lorem ipsum dolor sit amet, L..."`},
	} {
		_, err := Parse(strings.NewReader(tt.page), "page.txt")
		var fe *film.Error
		if !errors.As(err, &fe) || err.Error() != tt.err {
			t.Errorf("%s: error %v; want %s", tt.name, err, tt.err)
		}
	}
	// 200 characters is still a title.
	title := strings.Repeat("Sea ", 49) + "Sea" // 199
	src, err := Parse(strings.NewReader("Published on *P* (<https://p.example>)\n"+title+"\nOla Berg\n"), "page.txt")
	if err != nil || src.Film.Title.Value != title {
		t.Errorf("a title of 199 characters: %v, %q", err, src.Film.Title.Value)
	}
}

// TestLanguageCodes: the scan counts what a split into fields counted.
func TestLanguageCodes(t *testing.T) {
	byFields := func(t string) int {
		if t[0] < 'A' || t[0] > 'Z' {
			return 0
		}
		n := 0
		for _, f := range strings.FieldsFunc(t, func(r rune) bool { return r == ' ' || r == '|' || r == '/' || r == '·' }) {
			if len(f) != 2 || f[0] < 'A' || f[0] > 'Z' || f[1] < 'A' || f[1] > 'Z' {
				return 0
			}
			n++
		}
		return n
	}
	cases := map[string]int{"EN": 1, "EN | FR | DE": 3, "EN/FR": 2, "EN · FR": 2, "EN·FR": 2, "EN  FR ": 2, "E": 0, "ENG": 0,
		"EN F": 0, "EN Fr": 0, "EN |": 1, "Home": 0, "EN\xc2": 0, "EN \xb7 FR": 0, "ÉN": 0, "EN | FR | DEU": 0}
	for in, want := range cases {
		if got := languageCodes(in); got != want || got != byFields(in) {
			t.Errorf("languageCodes(%q) = %d, want %d (by fields %d)", in, got, want, byFields(in))
		}
	}
	for _, in := range labelInputs(t) {
		if in != "" && languageCodes(in) != byFields(in) {
			t.Errorf("languageCodes(%q) = %d, by fields %d", in, languageCodes(in), byFields(in))
		}
	}
}
