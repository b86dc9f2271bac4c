package prize

import (
	"errors"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/film2ld/film2ld/mapping/film"
	"github.com/film2ld/film2ld/mapping/internal/mappertest"
)

// kazeNoOto is a prize page printed to PDF and read back with
// pdftotext -layout: a browser's header and footer on each printed page,
// a form feed between the pages, the header beside the synopsis, the
// credits as a table of labels and in two columns.
const kazeNoOto = "01/03/2022 Kaze no Oto (The Sound of Wind) | Aurora Prize\n" +
	"\n" +
	"Published on Aurora Prize (https://aurora-prize.example)\n" +
	"Home > Kaze no Oto (The Sound of Wind)\n" +
	"\n" +
	"Kaze no Oto (The Sound of Wind)              Synopsis:\n" +
	"Haruka Sato                                  An old bell-maker in Hokkaido\n" +
	"Japan                                        listens for the one sound he has\n" +
	"France                                       never managed to cast.\n" +
	"1h 44\n" +
	"2021\n" +
	"\n" +
	"https://aurora-prize.example/films/2021/kaze-no-oto                  1/2\n" +
	"\f01/03/2022 Kaze no Oto (The Sound of Wind) | Aurora Prize\n" +
	"\n" +
	"Director          Haruka Sato\n" +
	"Screenplay        Haruka Sato, Ken Mori\n" +
	"Editing           Lise Faure\n" +
	"Music             Yoko Ishida\n" +
	"\n" +
	"Cast: Ren Aoki (Tetsuo),                  Producer: Mai Kondo\n" +
	"Emi Hara (Sayo)                           Production: Kitakaze Films\n" +
	"                                          World sales: Aurora Sales, 5 rue Lepic,\n" +
	"                                          75018 Paris, France sales@aurora.example\n" +
	"\n" +
	"Source URL (retrieved on 01-03-2022): https://aurora-prize.example/films/2021/kaze-no-oto\n" +
	"\n" +
	"https://aurora-prize.example/films/2021/kaze-no-oto                  2/2\n"

// One row per layout of a page set in columns: the exact facts and notes.
func TestColumnLayouts(t *testing.T) {
	tests := []struct {
		name  string
		page  string
		want  []string
		notes []string
	}{
		{
			name: "two printed pages: header beside the synopsis, a table of labels, two columns of credits",
			page: kazeNoOto,
			want: []string{
				"title: The Sound of Wind@6", "other title: Kaze no Oto@6", "director: Haruka Sato@7",
				"country: Japan@8", "country: France@9", "runtime: 104@10", "year: 2021@11",
				"description@7: An old bell-maker in Hokkaido listens for the one sound he has never managed to cast.",
				"author: Haruka Sato@17", "author: Ken Mori@17", "contributor/Editing: Lise Faure@18", "composer: Yoko Ishida@19",
				"cast: Ren Aoki as Tetsuo@21", "cast: Emi Hara as Sayo@21", "producer: Mai Kondo@21",
				"production company: Kitakaze Films@22", "contributor/World sales: Aurora Sales@23",
			},
			notes: []string{
				`1: before the title: site furniture, not mapped: 1 line left out (line 1), the first: "01/03/2022 Kaze no Oto (The Sound of Wind) | Aurora Prize"`,
				`13: site furniture (menus, banners, buttons), not mapped: 3 lines left out (lines 13-14, 28), the first: "https://aurora-prize.example/films/2021/kaze-no-oto 1/2"`,
			},
		},
		{
			name: "three columns of credits, and a column with a blank cell",
			page: "Published on P (https://p.example)\n\nKite Hill\n\nOla Berg\n\nNorway\n\n2021\n\nSynopsis:\n\nA kite.\n\n" +
				"Music: Ida Lund        Editing: Per Dahl       Cast: Eva Moe (Kari)\n" +
				"Sound: Tor Bakke       Camera: Siv Holm        Nils Aas (Odd)\n" +
				"                       Producer: Siv Holm\n",
			want: []string{
				"title: Kite Hill@3", "director: Ola Berg@5", "country: Norway@7", "year: 2021@9", "description@13: A kite.",
				"composer: Ida Lund@15", "contributor/Sound: Tor Bakke@16", "contributor/Editing: Per Dahl@15",
				"contributor/Cinematography: Siv Holm@16", "producer: Siv Holm@17",
				"cast: Eva Moe as Kari@15", "cast: Nils Aas as Odd@15",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mappertest.Layout(t, tt.page, "p.txt", Parse, tt.want, tt.notes)
		})
	}
	// The sales contact of the wrapped column: one address.
	src, err := Parse(strings.NewReader(kazeNoOto), "p.txt")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range src.Film.Credits {
		if c.RoleName == "World sales" && (c.Agent.Contact() == nil || c.Agent.Contact().Address != "5 rue Lepic, 75018 Paris, France" || c.Agent.Contact().Email != "sales@aurora.example") {
			t.Errorf("sales contact %+v", c.Agent.Contact())
		}
	}
	if src.URL.Value != "https://aurora-prize.example/films/2021/kaze-no-oto" || src.Publisher == nil || src.Publisher.Name.Value != "Aurora Prize" {
		t.Errorf("url %q, publisher %+v", src.URL.Value, src.Publisher)
	}
}

// TestUnreadColumns: columns that cannot be read apart (each row's second
// column starts elsewhere) are refused at the title's line, quoting that
// one line and saying what was expected; the error quoted lines 1 and 2
// joined (audit 18). A title with a few spaces too many is still a title.
func TestUnreadColumns(t *testing.T) {
	page := "Published on P (https://p.example)\n\nKite Hill        Synopsis:\nOla Berg   A kite over the fjord.\nNorway\n"
	_, err := Parse(strings.NewReader(page), "p.txt")
	var fe *film.Error
	want := `p.txt:3: expected the film's title alone on its line, found columns that cannot be read apart (a wide run of spaces, then another line's text): "Kite Hill Synopsis:"`
	if !errors.As(err, &fe) || err.Error() != want {
		t.Errorf("error %v; want %s", err, want)
	}
	src, err := Parse(strings.NewReader("Published on P (https://p.example)\n\nKite    Hill\n\nOla Berg\n\nNorway\n"), "p.txt")
	if err != nil || src.Film.Title.Value != "Kite Hill" {
		t.Errorf("a title with spaces too many: %v, %q", err, src.Film.Title.Value)
	}
}

// TestReadingOrder pins how runs of lines are read: columns one after
// the other, a table of labels as "Label: value" rows, and prose with
// wide spaces in one column left as it is.
func TestReadingOrder(t *testing.T) {
	for _, tt := range []struct {
		name string
		in   []string
		want []string
	}{
		{"two columns", []string{"Title                Synopsis:", "Ann Lee              A film", "Norway"},
			[]string{"1:Title", "2:Ann Lee", "3:Norway", "1:", "1:Synopsis:", "2:A film"}},
		{"a table of labels", []string{"Director        Ann Lee", "Editing:        Bo Ek,", "                Cy Dahl"},
			[]string{"1:Director: Ann Lee", "2:Editing: Bo Ek,", "3:Cy Dahl"}},
		{"one row is no columns", []string{"Title                Synopsis:"}, []string{"1:Title                Synopsis:"}},
		{"rows whose second column starts elsewhere", []string{"Title      Synopsis:", "Ann Lee   A film"},
			[]string{"1:Title      Synopsis:", "2:Ann Lee   A film"}},
		{"two spaces after a sentence", []string{"A film.  It ends.", "A girl.  She goes."},
			[]string{"1:A film.  It ends.", "2:A girl.  She goes."}},
		{"indented lines", []string{"    Cast:", "    Ann Lee"}, []string{"1:    Cast:", "2:    Ann Lee"}},
	} {
		order, _ := readingOrder(tt.in)
		var got []string
		for _, l := range order {
			got = append(got, strconv.Itoa(l.n)+":"+l.raw)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s:\n got %q\nwant %q", tt.name, got, tt.want)
		}
	}
}

// TestPageNumber pins the printed page's numbers.
func TestPageNumber(t *testing.T) {
	for s, want := range map[string]bool{
		"Page 2": true, "Page 2 of 3": true, "2/3": true, "2 / 3": true, "- 2 -": true, "Seite 2 von 3": true,
		"Página 1 de 2": true, "page 3 sur 4": true,
		"2": false, "2019": false, "1/2 Brothers": false, "Page Turner": false, "24/7": false, "Page 4 of 3": false,
	} {
		if got := pageNumber(s); got != want {
			t.Errorf("pageNumber(%q) = %v; want %v", s, got, want)
		}
	}
}

// TestJoinValue: a label's value over several lines is a list, one item
// a line, unless a line ends where the value plainly goes on; joined with
// ", " after a comma, "Arte France, ZDF/Arte," / "Bamako Films" had an
// empty item.
func TestJoinValue(t *testing.T) {
	for _, tt := range []struct {
		lines []string
		want  string
	}{
		{[]string{"", "Ilinca Pop (Vesna)", "Radu Marin"}, "Ilinca Pop (Vesna), Radu Marin"},
		{[]string{" Arte France, ZDF/Arte,", "Bamako Films"}, "Arte France, ZDF/Arte, Bamako Films"},
		{[]string{"Anna and", "Piotr Nowak"}, "Anna and Piotr Nowak"},
		{[]string{"Cat&Docs, 18 rue Quincampoix,", "75004 Paris"}, "Cat&Docs, 18 rue Quincampoix, 75004 Paris"},
		{[]string{"Ada Lind;", "Kofi Mensah &", "Ola Berg"}, "Ada Lind; Kofi Mensah & Ola Berg"},
	} {
		if got := joinValue(tt.lines); got != tt.want {
			t.Errorf("joinValue(%q) = %q; want %q", tt.lines, got, tt.want)
		}
	}
}
