package reviews

import (
	"fmt"
	"strings"
	"testing"
)

// TestRenderings pins the pages as text browsers and converters render
// them (audit 17): lynx's link numbers and its list of link targets, Markdown
// links, bullets, ASCII grids, the site's menu, banners and footer, and
// unnumbered cards that close with "By …" / "Read More" and open with a
// score or a letter grade. Every case failed before: link targets became
// reviews, marks were read into names, cards ran into each other.
func TestRenderings(t *testing.T) {
	tests := []struct {
		name  string
		page  string
		title string
		facts []string
		notes []string
	}{
		{
			name: "lynx: link numbers, menu above the title, References footer",
			page: "   [1]Zum Inhalt springen\n   [2]Skip to content\n   We use cookies. [3]Accept all cookies\n\n" +
				"Der Kalte Hafen\n1998\n\n   Metascore 66 out of 100\n   Generally favorable reviews - based on 2 Critics\n\nCritic Reviews\n\n" +
				"    1. Reviewed by: [4]Søren Ågård-Lund\n       Filmbladet\n       70\n       May 2, 1998\n       Cold and clear. [5]Read More\n" +
				"    2. Reviewed by: Ana Paula Ximenes\n       May 9, 1998\n       [6]Read full review\n       Glacial.\n\n" +
				"References\n\n   1. file://localhost/tmp/page.html#main\n   2. https://reviews.example/skip\n   3. https://reviews.example/cookies\n" +
				"   4. https://reviews.example/critic/soren\n   5. https://filmbladet.example/hafen\n   6. https://reviews.example/r/2\n",
			title: "Der Kalte Hafen 1998",
			facts: []string{
				`critic score=66(0..100) verdict="Generally favorable reviews" count=2 bands=[]`,
				`user score=- verdict="" count=- bands=[]`,
				`critic by="Søren Ågård-Lund" pub="Filmbladet" score=70(0..100) date=1998-05-02 body="Cold and clear."`,
				`critic by="Ana Paula Ximenes" pub="" score=- date=1998-05-09 body="Glacial."`,
			},
			notes: []string{`1: line not recognised in the critic section; left out: "Zum Inhalt springen"`},
		},
		{
			name: "lynx: Visible links and Hidden links, URLs with no number",
			page: "Metascore: 40\nCritic Reviews\n1. Reviewed by: Lin Qiao\nJan 3, 2001\nDull.\n\nVisible links\nhttps://a.example/1\nwww.b.example/2\nHidden links:\n  7. https://c.example/3\n",
			facts: []string{
				`critic score=40(0..100) verdict="" count=- bands=[]`,
				`user score=- verdict="" count=- bands=[]`,
				`critic by="Lin Qiao" pub="" score=- date=2001-01-03 body="Dull."`,
			},
		},
		{
			name: "a link's target alone is no review and no review's text",
			page: "Metascore: 40\nCritic Reviews\n1. https://reviews.example/one\n2. Reviewed by: Lin Qiao\nJan 3, 2001\nDull.\nhttp://reviews.example/lin\n",
			facts: []string{
				`critic score=40(0..100) verdict="" count=- bands=[]`,
				`user score=- verdict="" count=- bands=[]`,
				`critic by="Lin Qiao" pub="" score=- date=2001-01-03 body="Dull."`,
			},
			notes: []string{`3: 2 lines not recognised in the critic section (lines 3, 7); left out, the first: "1. https://reviews.example/one"`},
		},
		{
			name: "Markdown links in a publication, a reviewer and the text",
			page: "Metascore: 55\nCritic Reviews\n1. [Le Fil](https://lefil.example/critique)\nReviewed by: [Jeanne d'Arcy-Lô](https://lefil.example/jeanne)\n50\nFeb 2, 2012\n" +
				"A film by [Ousmane Diallo](https://x.example/od), too long.\n",
			facts: []string{
				`critic score=55(0..100) verdict="" count=- bands=[]`,
				`user score=- verdict="" count=- bands=[]`,
				`critic by="Jeanne d'Arcy-Lô" pub="Le Fil" score=50(0..100) date=2012-02-02 body="A film by Ousmane Di…"`,
			},
		},
		{
			name: "current cards: a letter grade opens a card after By Anonymous / Read More; the footer is no review's",
			page: "Critic Reviews\n" +
				"80\nRiver Post\nApr 1, 2020\nTender.\nBy Staff\nRead More\n" +
				"A-\nThe Quad\nApr 2, 2020\nA sharp little film.\nBy Mei Tanaka\nRead More\n" +
				"C\nApr 3, 2020\nNo.\nRead More\n" +
				"User Reviews\n7\nkatya.v\nApr 9, 2020\nFine.\nReport\n3\nApr 10, 2020\nWeak.\nReport\n\n" +
				"Copyright 2021 Big Media LLC. All rights reserved.\nPrivacy Notice | Terms of Service | Cookie Preferences\n",
			facts: []string{
				`critic score=- verdict="" count=- bands=[]`,
				`user score=- verdict="" count=- bands=[]`,
				`critic by="" pub="River Post" score=80(0..100) date=2020-04-01 body="Tender."`,
				`critic by="Mei Tanaka" pub="The Quad" score=- date=2020-04-02 body="A sharp little film."`,
				`critic by="" pub="" score=- date=2020-04-03 body="No."`,
				`user by="katya.v" pub="" score=7(0..10) date=2020-04-09 body="Fine."`,
				`user by="" pub="" score=3(0..10) date=2020-04-10 body="Weak."`,
			},
			notes: []string{
				`6: reviewer "Staff" names no one; left out; the review's author is its publication, "River Post"`,
				`8: critic review score "A-" is a letter grade, which has no numeric scale; left out`,
				`14: critic review score "C" is a letter grade, which has no numeric scale; left out`,
			},
		},
		{
			name: "a line after a closed card is none of the review's",
			page: "Critic Reviews\n70\nRiver Post\nApr 1, 2020\nTender.\nBy Ilse Berg\nRead More\nSponsored: watch now\n",
			facts: []string{
				`critic score=- verdict="" count=- bands=[]`,
				`user score=- verdict="" count=- bands=[]`,
				`critic by="Ilse Berg" pub="River Post" score=70(0..100) date=2020-04-01 body="Tender."`,
			},
			notes: []string{`8: line not recognised in the critic section; left out: "Sponsored: watch now"`},
		},
		{
			name: "bulleted cards",
			page: "Critic Reviews\n  • 72\n    Kino Wien\n    Hanna Brückner\n    Mar 3, 2015\n    Still.\n    Read More\n  * 64\n    Praha Film\n    Mar 5, 2015\n    Loud.\n    By Jiří Dvořák\n",
			facts: []string{
				`critic score=- verdict="" count=- bands=[]`,
				`user score=- verdict="" count=- bands=[]`,
				`critic by="Hanna Brückner" pub="Kino Wien" score=72(0..100) date=2015-03-03 body="Still."`,
				`critic by="Jiří Dvořák" pub="Praha Film" score=64(0..100) date=2015-03-05 body="Loud."`,
			},
		},
		{
			name: "cards in an ASCII grid and a Markdown table",
			page: "Critic Reviews\n+----+-------------+-----------+-------------+\n| 65 | Lagos Screen | Ade Bello | Jul 1, 2016 |\n+----+-------------+-----------+-------------+\nWarm.\n" +
				"|----|----|----|----|\n| 55 | Accra Film Review | Efua Mensah | Jul 3, 2016 |\nPatchy.\n",
			facts: []string{
				`critic score=- verdict="" count=- bands=[]`,
				`user score=- verdict="" count=- bands=[]`,
				`critic by="Ade Bello" pub="Lagos Screen" score=65(0..100) date=2016-07-01 body="Warm."`,
				`critic by="Efua Mensah" pub="Accra Film Review" score=55(0..100) date=2016-07-03 body="Patchy."`,
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, err := Parse(strings.NewReader(tt.page), "r.txt")
			if err != nil {
				t.Fatal(err)
			}
			title := src.Film.Title.Value
			if src.Film.Year.Set {
				title += fmt.Sprintf(" %g", src.Film.Year.Value)
			}
			if title != tt.title {
				t.Errorf("title = %q; want %q", title, tt.title)
			}
			if got := facts(src); !equal(got, tt.facts) {
				t.Errorf("facts:\n got %s\nwant %s", strings.Join(got, "\n     "), strings.Join(tt.facts, "\n     "))
			}
			if got := notes(src); !equal(got, tt.notes) {
				t.Errorf("notes:\n got %q\nwant %q", got, tt.notes)
			}
		})
	}
}
