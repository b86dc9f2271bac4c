package encyclopedia

import (
	"fmt"
	"strings"
	"testing"

	"github.com/film2ld/film2ld/mapping/internal/mappertest"
)

// TestSelectAllCopy: a browser's "Select all, copy" of the whole page
// opens with the site's menus, the table of contents, the title, the
// language button and the tabs (audit 18: it was refused, "expected the
// article's title heading, found \"Main menu\""). They are skipped, the
// title read, and the article below the tagline read as a browser copy.
func TestSelectAllCopy(t *testing.T) {
	const article = "From Wikipedia, the free encyclopedia\nHarbour Nine\nDirected by\tIda Lund\nRunning time\t88 minutes\n" +
		"Harbour Nine is a 1961 Norwegian drama film.\nPlot\nA ferry stops running.\nCast\nOle Berg as Tom\n"
	facts := func(tagline int, more ...string) []string {
		// The article's facts, the tagline on line tagline (where there
		// is none, the line above the article's).
		at := func(format string, n int) string { return fmt.Sprintf(format, tagline+n) }
		return append([]string{
			at("abstract@%d: Harbour Nine is a 1961 Norwegian drama film.", 4), at("description@%d: A ferry stops running.", 6),
			at("director: Ida Lund@%d", 2), at("runtime: 88@%d", 3), at("cast: Ole Berg as Tom@%d", 8),
		}, more...)
	}
	for _, tt := range []struct {
		name, doc string
		want      []string
	}{
		{
			name: "the older skin: menus, contents, title, tabs",
			doc: "Jump to content\nMain menu\nSearch\nCreate account\nLog in\nPersonal tools\nContents hide\n(Top)\nPlot\nCast\n" +
				"Reception\nHarbour Nine\nAdd languages\nArticle\nTalk\nRead\nEdit\nView history\nTools\n" + article,
			want: facts(20, "title: Harbour Nine@12", "year: 1961@24"),
		},
		{
			name: "the current skin: numbered contents, the tools menu under the tabs, a disambiguated title",
			doc: "Jump to content\n\nMain menu\n\nMain menu\nmove to sidebar\nhide\nNavigation\nMain page\nContents\nRandom article\n" +
				"Search\n\nSearch\nAppearance\nDonate\nCreate account\nLog in\nContents\nmove to sidebar\nhide\n(Top)\n1 Plot\n2 Cast\n" +
				"3 Production\nToggle Production subsection\n3.1 Filming\nToggle the table of contents\nHarbour Nine (1961 film)\n" +
				"12 languages\nArticle\nTalk\nEnglish\nRead\nEdit\nView history\nTools\nActions\nGeneral\nWhat links here\n" +
				"Related changes\nPermanent link\nCite this page\nPrint/export\nDownload as PDF\nIn other projects\n" + article,
			want: facts(47, "title: Harbour Nine@29", "year: 1961@29"),
		},
		{
			name: "no tagline: the article starts under the tabs",
			doc:  "Main menu\nNavigation\nHarbour Nine\nArticle\nTalk\n" + strings.TrimPrefix(article, "From Wikipedia, the free encyclopedia\n"),
			want: facts(5, "title: Harbour Nine@3", "year: 1961@9"),
		},
		{
			name: "a German article's copy",
			doc: "Zum Inhalt springen\nHauptmenü\nSuche\nInhaltsverzeichnis\nHandlung\nBesetzung\nDer Glasdeich\n12 Sprachen\n" +
				"Artikel\nDiskussion\nLesen\nBearbeiten\nVersionsgeschichte\nWerkzeuge\nAus Wikipedia, der freien Enzyklopädie\n" +
				"Der Glasdeich\nRegie\tIda Lund\nDer Glasdeich ist ein dänischer Spielfilm aus dem Jahr 2019.\n",
			want: []string{"title: Der Glasdeich@7", "director: Ida Lund@17", "abstract@18: Der Glasdeich ist ein dänischer Spielfilm aus dem Jahr 2019.", "year: 2019@18"},
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			mappertest.Layout(t, tt.doc, "a.txt", Parse, tt.want, nil)
		})
	}
	// Furniture and no tabs: nothing says which line is the title.
	if _, err := Parse(strings.NewReader("Main menu\nSearch\nHarbour Nine\nDirected by\tIda Lund\n"), "a.txt"); err == nil ||
		!strings.Contains(err.Error(), `a.txt:1: expected the article's title heading ("= Title ="), found "Main menu"`) {
		t.Errorf("no tabs: %v", err)
	}
}
