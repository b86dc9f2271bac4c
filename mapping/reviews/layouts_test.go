package reviews

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/film2ld/film2ld/mapping/film"
	"github.com/film2ld/film2ld/mapping/internal/mappertest"
)

// facts renders what a page states in a compact form that a table can pin:
// the two summaries, then one line per review.
func facts(src *film.Source) []string {
	f := &src.Film
	out := []string{summaryFacts("critic", f.Critics), summaryFacts("user", f.Users)}
	for _, r := range f.Reviews {
		who := "user"
		if r.Critic {
			who = "critic"
		}
		score := "-"
		if r.Rating != nil {
			score = r.Rating.Score.Literal + scaleFacts(r.Rating.Scale)
		}
		body := r.Body.Value
		if len([]rune(body)) > 20 {
			body = string([]rune(body)[:20]) + "…"
		}
		by := r.Author.Value
		if r.Coauthors != nil {
			for _, co := range *r.Coauthors {
				by += " & " + co.Value
			}
		}
		out = append(out, fmt.Sprintf("%s by=%q pub=%q score=%s date=%s body=%q", who, by, r.Publisher.Value, score, r.Date.Value, body))
	}
	return out
}

func summaryFacts(who string, s film.Summary) string {
	score := "-"
	if s.Score.Set {
		score = s.Score.Literal + scaleFacts(s.Scale)
	}
	count := "-"
	if s.Count.Set {
		count = fmt.Sprint(s.Count.Value)
	}
	var bands []string
	for _, b := range s.Buckets {
		d := ""
		if b.Derived {
			d = "*"
		}
		bands = append(bands, fmt.Sprintf("%s=%g%s", b.Label, b.Count.Value, d))
	}
	return fmt.Sprintf("%s score=%s verdict=%q count=%s bands=[%s]", who, score, s.Verdict.Value, count, strings.Join(bands, " "))
}

func scaleFacts(s film.Scale) string {
	lo := "?"
	if s.Worst.Set {
		lo = fmt.Sprint(s.Worst.Value)
	}
	return fmt.Sprintf("(%s..%g)", lo, s.Best.Value)
}

// checkPage reads a page and pins its facts and notes.
func checkPage(t *testing.T, page string, wantFacts, wantNotes []string) {
	t.Helper()
	src, err := Parse(strings.NewReader(page), "r.txt")
	if err != nil {
		t.Fatal(err)
	}
	if got := facts(src); !equal(got, wantFacts) {
		t.Errorf("facts:\n got %s\nwant %s", strings.Join(got, "\n     "), strings.Join(wantFacts, "\n     "))
	}
	if got := notes(src); !equal(got, wantNotes) {
		t.Errorf("notes:\n got %q\nwant %q", got, wantNotes)
	}
}

func notes(src *film.Source) []string {
	var out []string
	for _, n := range src.Notes {
		out = append(out, fmt.Sprintf("%d: %s", n.Line, n.Message))
	}
	return out
}

// TestLayouts pins, for each layout of the site the mapper reads, every
// fact it states and every note. The layouts are listed with examples in
// mapping/README.md ("Review pages").
func TestLayouts(t *testing.T) {
	const nb = "\u00a0"
	tests := []struct {
		name  string
		page  string
		facts []string
		notes []string
	}{
		{
			name: "sample: verdict with count, no number; Reviewed by items",
			page: "Mixed or average reviews - based on 2 Critics\n\nCritic score distribution:\n  1. Positive: 1 out of 2\n  2. Negative: 0 out of 2\nWatch On\n" +
				"  1. Reviewed by:" + nb + " Ann Lee\n    Mar 25, 2011\n    Strong.\n",
			facts: []string{
				`critic score=- verdict="Mixed or average reviews" count=2 bands=[Positive=1 Mixed=1* Negative=0]`,
				`user score=- verdict="" count=- bands=[]`,
				`critic by="Ann Lee" pub="" score=- date=2011-03-25 body="Strong."`,
			},
			notes: []string{"4: critic score distribution leaves out Mixed; derived 1 from the total of 2"},
		},
		{
			// Audit 14: the current design's cards are not numbered and
			// start with their score; the first card's score became the
			// Metascore of a page with none, and every card was lost.
			name: "current design: unnumbered cards that start with their score, no Metascore yet",
			page: "Metascore\ntbd\nNo score yet\nCritic Reviews\n75\nFolha de S.Paulo\nNov 15, 1987\nA river told in a child's voice.\nBy Inácio Araújo\nRead More\n" +
				"90\nThe New York Times\nJan 5, 1995\nLuminous.\nRead More\n" +
				"User Score\nGenerally Favorable\nBased on 31 User Ratings\n7.4\nUser Reviews\n8\ncinephile_nantes\nJan 12, 2024\nBeautiful and sad.\nRead More\nReport\n",
			facts: []string{
				`critic score=- verdict="" count=- bands=[]`,
				`user score=7.4(0..10) verdict="Generally Favorable" count=31 bands=[]`,
				`critic by="Inácio Araújo" pub="Folha de S.Paulo" score=75(0..100) date=1987-11-15 body="A river told in a ch…"`,
				`critic by="" pub="The New York Times" score=90(0..100) date=1995-01-05 body="Luminous."`,
				`user by="cinephile_nantes" pub="" score=8(0..10) date=2024-01-12 body="Beautiful and sad."`,
			},
		},
		{
			// Audit 18: on a narrow screen a label stands alone and its
			// value on the next line. The bands became reviews by
			// Organizations named "Positive:" and "Mixed:", and a
			// reviewer under "Reviewed by:" became the publisher.
			name: "narrow screen: band labels and review labels alone, their values on the next line",
			page: "Generally unfavorable reviews - based on 7 Critics\n\nCritic score distribution:\n" +
				"  1. Positive:\n     1 out of 7\n  2. Mixed:\n     2 out of 7\n  3. Negative:\n\n     4 out of 7\nWatch On\n" +
				"  1. Reviewed by:\n     Ngozi Adichie-Bello\n    Publication:\n     Lagos Review of Books\n    Score:\n     35\n    Date:\n     Sep 9, 2012\n    Thin.\n" +
				"  2. Reviewed by\n     Ruth Okafor\n    Sep 10, 2012\n    Dull.\n" +
				"Reviewed by:\nHal Winter\nSep 11, 2012\nFine.\n" +
				"User Score\nUser score:\n4.1\nUser score distribution:\nPositive\n3 out of 9\nMixed\n2 out of 9\nNegative\n4 out of 9\n" +
				"  1. Score:\n     3\n    Oct 1, 2012\n    Meh. Full Review »\n",
			facts: []string{
				`critic score=- verdict="Generally unfavorable reviews" count=7 bands=[Positive=1 Mixed=2 Negative=4]`,
				`user score=4.1(0..10) verdict="" count=9 bands=[Positive=3 Mixed=2 Negative=4]`,
				`critic by="Ngozi Adichie-Bello" pub="Lagos Review of Books" score=35(0..100) date=2012-09-09 body="Thin."`,
				`critic by="Ruth Okafor" pub="" score=- date=2012-09-10 body="Dull."`,
				`critic by="Hal Winter" pub="" score=- date=2012-09-11 body="Fine."`,
				`user by="" pub="" score=3(0..10) date=2012-10-01 body="Meh."`,
			},
		},
		{
			// A label alone with no value of its kind under it states
			// none: the line under it is what it is.
			name: "narrow screen: a label alone with no value under it",
			page: "Good - based on 2 Critics\n" +
				"  1. Reviewed by:\n    Sep 12, 2012\n    A long first line of the review, which is not a name.\n" +
				"  2. Reviewed by: Ada Vance\n    Score:\n    Mostly a mess.\n",
			facts: []string{
				`critic score=- verdict="Good" count=2 bands=[]`,
				`user score=- verdict="" count=- bands=[]`,
				`critic by="" pub="" score=- date=2012-09-12 body="A long first line of…"`,
				`critic by="Ada Vance" pub="" score=- date= body="Mostly a mess."`,
			},
			notes: []string{
				`2: reviewer "" is empty; left out; the review has no author`,
				`6: critic review score "" is not a number; left out`,
			},
		},
		{
			// Audit 18: "2. Reviewed by Boyd van Hoeij", without its
			// colon, made an Organization "reviewed-by-boyd-van-hoeij".
			name: "labels without their colon: a dash, a bar, or a space before a name",
			page: "Good - based on 5 Critics\n" +
				"  1. Reviewed by Ilse Brand\n    May 1, 2014\n    One.\n" +
				"  2. REVIEWED BY Tom Ng\n    May 2, 2014\n    Two.\n" +
				"  3. Reviewer — Ana Silva\n    Publication - The Quay Ledger\n    Score | 70\n    Date – May 3, 2014\n    Three.\n" +
				"  4. Review by Kofi Mensah-Appiah\n    May 4, 2014\n    Four.\n" +
				"  5. Reviewed by many as a classic.\n    May 5, 2014\n",
			facts: []string{
				`critic score=- verdict="Good" count=5 bands=[]`,
				`user score=- verdict="" count=- bands=[]`,
				`critic by="Ilse Brand" pub="" score=- date=2014-05-01 body="One."`,
				`critic by="Tom Ng" pub="" score=- date=2014-05-02 body="Two."`,
				`critic by="Ana Silva" pub="The Quay Ledger" score=70(0..100) date=2014-05-03 body="Three."`,
				`critic by="Kofi Mensah-Appiah" pub="" score=- date=2014-05-04 body="Four."`,
				`critic by="" pub="" score=- date= body="Reviewed by many as …"`,
			},
		},
		{
			// Audit 18: "1. moviebuff_42" / "Dec 14, 2019" / text: the
			// name, the date and the score under it became the text.
			name: "user reviews: the user's name under the review's number",
			page: "User Score\nUser score: 7.2\nUser Reviews\n" +
				"  1. cinefille.paris\n    Jan 3, 2023\n    Gorgeous. Full Review »\n" +
				"  2. Tomasz_K\n    Jan 4, 2023\n    7\n    Long but worth it. Full Review »\n" +
				"  3. 9 rubyreads\n    Jan 5, 2023\n    Yes. Full Review »\n" +
				"  4. Jan 6, 2023\n    Sign up to see more reviews\n",
			facts: []string{
				`critic score=- verdict="" count=- bands=[]`,
				`user score=7.2(0..10) verdict="" count=- bands=[]`,
				`user by="cinefille.paris" pub="" score=- date=2023-01-03 body="Gorgeous."`,
				`user by="Tomasz_K" pub="" score=7(0..10) date=2023-01-04 body="Long but worth it."`,
				`user by="rubyreads" pub="" score=9(0..10) date=2023-01-05 body="Yes."`,
			},
			notes: []string{"14: numbered item with no author and no text; left out"},
		},
		{
			// Audit 18: the current design's card opened by its
			// publication, then the date and the score, was lost whole,
			// and its score was read as a second Metascore.
			name: "current design: cards opened by the publication or the user's name",
			page: "Metascore\nGenerally Favorable\nBased on 4 Critic Reviews\n68\n" +
				"Critic Reviews\nAll Reviews\nPositive Reviews\nMixed Reviews\nNegative Reviews\n" +
				"Sight Lines\nMar 2, 2022\n75\nPatient and cold.\nBy Tove Lind\nFULL REVIEW\nShare\n" +
				"Harbour Weekly\nMar 4, 2022\n60\nHandsome, inert.\nFULL REVIEW\n" +
				"Nordic Frame\nOla Berg\nMar 5, 2022\n55\nSlow.\nRead More\n" +
				"The Quay\n80\nMar 6, 2022\nWarm.\n" +
				"User Reviews\nferrygirl\nMar 9, 2022\n6\nFine.\nRead More\nReport\n" +
				"A very long sentence that opens no card at all\nMar 10, 2022\n" +
				"Privacy Policy\nTerms of Use\n",
			facts: []string{
				`critic score=68(0..100) verdict="Generally Favorable" count=4 bands=[]`,
				`user score=- verdict="" count=- bands=[]`,
				`critic by="Tove Lind" pub="Sight Lines" score=75(0..100) date=2022-03-02 body="Patient and cold."`,
				`critic by="" pub="Harbour Weekly" score=60(0..100) date=2022-03-04 body="Handsome, inert."`,
				`critic by="Ola Berg" pub="Nordic Frame" score=55(0..100) date=2022-03-05 body="Slow."`,
				`critic by="" pub="The Quay" score=80(0..100) date=2022-03-06 body="Warm."`,
				`user by="ferrygirl" pub="" score=6(0..10) date=2022-03-09 body="Fine."`,
			},
			notes: []string{`39: 2 lines not recognised in the user section (lines 39-40); left out, the first: "A very long sentence that opens no card at all"`},
		},
		{
			// Audit 18: "Reviewed by: Peter Debruge, Variety" was
			// refused whole. A name and a publication after it are the
			// review's author and publisher; a name and a role, the
			// author, the role left out; a name and what may be a second
			// name stay refused.
			name: "a reviewer's name with the publication or a role after it",
			page: "Good - based on 7 Critics\n" +
				"  1. Reviewed by: Peter Brandt, The Harbour Times\n    Jun 1, 2016\n    One.\n" +
				"  2. Reviewed by: Ines Faro — Cinemascope.com\n    Jun 2, 2016\n    Two.\n" +
				"  3. Reviewed by: Otto Wick | Filmdienst\n    Publication: Filmdienst\n    Jun 3, 2016\n    Three.\n" +
				"  4. Reviewed by: Mira Sol, Sight & Sound\n    Publication: Little White Lies\n    Jun 4, 2016\n    Four.\n" +
				"  5. Reviewed by: Lena Voss, Senior Film Critic\n    Jun 5, 2016\n    Five.\n" +
				"  6. Reviewed by: Hugo Mann, Jr.\n    Jun 6, 2016\n    Six.\n" +
				"  7. Reviewed by: Ann Lee, Bo Chan\n    Jun 7, 2016\n    Seven.\n",
			facts: []string{
				`critic score=- verdict="Good" count=7 bands=[]`,
				`user score=- verdict="" count=- bands=[]`,
				`critic by="Peter Brandt" pub="The Harbour Times" score=- date=2016-06-01 body="One."`,
				`critic by="Ines Faro" pub="Cinemascope.com" score=- date=2016-06-02 body="Two."`,
				`critic by="Otto Wick" pub="Filmdienst" score=- date=2016-06-03 body="Three."`,
				`critic by="Mira Sol" pub="Little White Lies" score=- date=2016-06-04 body="Four."`,
				`critic by="Lena Voss" pub="" score=- date=2016-06-05 body="Five."`,
				`critic by="Hugo Mann, Jr." pub="" score=- date=2016-06-06 body="Six."`,
				`critic by="" pub="" score=- date=2016-06-07 body="Seven."`,
			},
			notes: []string{
				`12: publication "Sight & Sound" after the reviewer's name is not the review's, "Little White Lies"; left out`,
				`16: reviewer "Lena Voss, Senior Film Critic": the role after the comma, "Senior Film Critic", is left out`,
				`22: reviewer "Ann Lee, Bo Chan" holds a role separator (,); left out; the review has no author`,
			},
		},
		{
			// Audit 18: "Mark Kermode & Simon Mayo" was refused as two
			// names in one: a review by two is by each of them.
			name: "reviews by two or more reviewers",
			page: "Good - based on 5 Critics\n" +
				"  1. Reviewed by: Gene Siskel and Roger Ebert\n    Jan 1, 1990\n    One.\n" +
				"  2. Reviewed by: Kofi Boateng & Ama Owusu, Accra Film Review\n    Jan 2, 1990\n    Two.\n" +
				"  3. Reviewed by: Ann Hale, Bo Ring, and Cy Voss\n    Jan 3, 1990\n    Three.\n" +
				"  4. Reviewed by: Dee Moss & Variety\n    Jan 4, 1990\n    Four.\n" +
				"  5. Reviewed by\n     Eli Roth-Kahn AND Fern Oyelaran\n    Jan 5, 1990\n    Five.\n",
			facts: []string{
				`critic score=- verdict="Good" count=5 bands=[]`,
				`user score=- verdict="" count=- bands=[]`,
				`critic by="Gene Siskel & Roger Ebert" pub="" score=- date=1990-01-01 body="One."`,
				`critic by="Kofi Boateng & Ama Owusu" pub="Accra Film Review" score=- date=1990-01-02 body="Two."`,
				`critic by="Ann Hale & Bo Ring & Cy Voss" pub="" score=- date=1990-01-03 body="Three."`,
				`critic by="" pub="" score=- date=1990-01-04 body="Four."`,
				`critic by="Eli Roth-Kahn & Fern Oyelaran" pub="" score=- date=1990-01-05 body="Five."`,
			},
			notes: []string{`11: reviewer "Dee Moss & Variety" holds more than one name; left out; the review has no author`},
		},
		{
			// Audit 17: a score drawn in stars was left out as a
			// publication that is a score. Filled, half and empty stars
			// state the score and its scale; stars alone do not state
			// the scale, nor does a row of empty stars a score.
			name: "review scores in stars",
			page: "Critic Reviews\n" +
				"  1. Reviewed by: Ivo Babic\n     ★★★★☆\n     Mar 9, 2006\n     Very good.\n" +
				"  2. Reviewed by: Eva Dvorak\n     ★★★½☆\n     Mar 10, 2006\n     Good.\n" +
				"  3. Reviewed by: Jan Kral\n     ★ ★ ☆ ☆ ☆ ☆ ☆ ☆ ☆ ☆\n     Mar 11, 2006\n     Poor.\n" +
				"  4. Reviewed by: Ota Hora\n     ★★★\n     Mar 12, 2006\n     Fine.\n" +
				"  5. Reviewed by: Ema Mala\n     ☆☆☆☆☆\n     Mar 13, 2006\n     Unrated.\n",
			facts: []string{
				`critic score=- verdict="" count=- bands=[]`,
				`user score=- verdict="" count=- bands=[]`,
				`critic by="Ivo Babic" pub="" score=4(?..5) date=2006-03-09 body="Very good."`,
				`critic by="Eva Dvorak" pub="" score=3.5(?..5) date=2006-03-10 body="Good."`,
				`critic by="Jan Kral" pub="" score=2(?..10) date=2006-03-11 body="Poor."`,
				`critic by="Ota Hora" pub="" score=- date=2006-03-12 body="Fine."`,
				`critic by="Ema Mala" pub="" score=- date=2006-03-13 body="Unrated."`,
			},
			notes: []string{`15: publication "★★★" is a score; left out`, `19: publication "☆☆☆☆☆" is a score; left out`},
		},
		{
			// Audit 13: a date the reader did not read went into the
			// review's text, and the publication before it too. A year
			// or a month alone is a date, stated to that precision.
			name: "review dates to the year, to the month, and in words not read",
			page: "Universal acclaim - based on 3 Critics\n\nCritic Reviews\n" +
				"  1. The New Yorker\n    Reviewed by: Pauline Kael\n    1963\n    A great set piece.\n" +
				"  2. Reviewed by: Jean-Luc Godard\n    Cahiers du cinéma\n    Avril 1959\n    Le plus beau film.\n" +
				"  3. Sight & Sound\n    June 1963\n    Lavish.\n",
			facts: []string{
				`critic score=- verdict="Universal acclaim" count=3 bands=[]`,
				`user score=- verdict="" count=- bands=[]`,
				`critic by="Pauline Kael" pub="The New Yorker" score=- date=1963 body="A great set piece."`,
				`critic by="Jean-Luc Godard" pub="Cahiers du cinéma" score=- date= body="Le plus beau film."`,
				`critic by="" pub="Sight & Sound" score=- date=1963-06 body="Lavish."`,
			},
			notes: []string{`10: review date "Avril 1959" is not a date film2ld reads; left out`},
		},
		{
			// Audit 12: a card with no score starts with its publication,
			// and its reviewer and date went into its text.
			name: "critic card without a score: publication first",
			page: "Mixed or average reviews - based on 2 Critics\n\nCritic Reviews\n" +
				"  1. Variety\n    Peter Debruge\n    Mar 3, 2017\n    A review with no score on the card.\n" +
				"  2. The Guardian\n    Mar 4, 2017\n    Meh.\n",
			facts: []string{
				`critic score=- verdict="Mixed or average reviews" count=2 bands=[]`,
				`user score=- verdict="" count=- bands=[]`,
				`critic by="Peter Debruge" pub="Variety" score=- date=2017-03-03 body="A review with no sco…"`,
				`critic by="" pub="The Guardian" score=- date=2017-03-04 body="Meh."`,
			},
		},
		{
			// A copy of the page's source: character references and
			// inline HTML read as the other readers read them.
			name: "inline HTML and character references",
			page: "Mixed or average reviews - based on 1 Critics\n\n" +
				"  1. Reviewed by:" + nb + " Se&aacute;n O&#39;Hara\n    Mar 25, 2011\n    It can&#39;t decide &amp; it shows.<br>Still <i>worth</i> it.\n",
			facts: []string{
				`critic score=- verdict="Mixed or average reviews" count=1 bands=[]`,
				`user score=- verdict="" count=- bands=[]`,
				`critic by="Seán O'Hara" pub="" score=- date=2011-03-25 body="It can't decide & it…"`,
			},
		},
		{
			name: "number on the line before the verdict; user score on two lines",
			page: "81\nUniversal acclaim - based on 5 Critics\nUser Score\n\n7.9\nGenerally favorable reviews- based on 25 Ratings\n",
			facts: []string{
				`critic score=81(0..100) verdict="Universal acclaim" count=5 bands=[]`,
				`user score=7.9(0..10) verdict="Generally favorable reviews" count=25 bands=[]`,
			},
		},
		{
			name: "labelled headline and labelled review parts",
			page: "Metascore: 74\nGenerally favorable reviews - based on 3 Critics\n" +
				"  1. Reviewed by:" + nb + " Ann Lee\n    Publication: The Daily Lamp\n    Score: 80\n    Jul 6, 2018\n    Warm.\n" +
				"  2. Publication: Harbour Weekly\n    Score: 70\n    Jul 12, 2018\n    Fine.\n" +
				"User Score\nUser score: 8.2\n  1. Score: 9\n    Aug 1, 2018\n    Great. Full Review »\n",
			facts: []string{
				`critic score=74(0..100) verdict="Generally favorable reviews" count=3 bands=[]`,
				`user score=8.2(0..10) verdict="" count=- bands=[]`,
				`critic by="Ann Lee" pub="The Daily Lamp" score=80(0..100) date=2018-07-06 body="Warm."`,
				`critic by="" pub="Harbour Weekly" score=70(0..100) date=2018-07-12 body="Fine."`,
				`user by="" pub="" score=9(0..10) date=2018-08-01 body="Great."`,
			},
		},
		{
			name: "newer design: headings, number after the count, score-first cards",
			page: "Metascore\nUniversal acclaim\nBased on 4 Critic Reviews\n86\n\nUser Score\nGenerally Favorable\nBased on 31 User Ratings\n7.4\n\nCritic Reviews\n" +
				"  1. 90\n    Northern Film Review\n    Haruto Ishikawa\n    Apr 2, 2019\n    Listens.\n    Read full review\n" +
				"  2. 85\n    The Lantern Gazette\n    Apr 3, 2019\n    Patient.\n" +
				"  3. 88\n    Sightlines Weekly\n    Apr 9, 2019\n    Quiet.\n    By Odile Marchand\n    Read full review\n" +
				"User Reviews\n  1. 8\n    Apr 20, 2019\n    Cried twice. Full Review »\n",
			facts: []string{
				`critic score=86(0..100) verdict="Universal acclaim" count=4 bands=[]`,
				`user score=7.4(0..10) verdict="Generally Favorable" count=31 bands=[]`,
				`critic by="Haruto Ishikawa" pub="Northern Film Review" score=90(0..100) date=2019-04-02 body="Listens."`,
				`critic by="" pub="The Lantern Gazette" score=85(0..100) date=2019-04-03 body="Patient."`,
				`critic by="Odile Marchand" pub="Sightlines Weekly" score=88(0..100) date=2019-04-09 body="Quiet."`,
				`user by="" pub="" score=8(0..10) date=2019-04-20 body="Cried twice."`,
			},
		},
		{
			name: "score, publication, reviewer and date on the first line",
			page: "Metascore 58 out of 100\nMixed or average reviews based on 3 Critics\n" +
				"  1. 75 out of 100 · Riverside Film Journal · Piotr Wrona\n    Dec 3, 2021\n    Chilly.\n" +
				"  2. 60 - The Tallinn Ledger - Kaja Tamm - Dec 4, 2021\n    Half a ghost story.\n" +
				"  3. 40 | Nordic Frame\n    Dec 12, 2021\n    Solemn.\nUser Score\n\ntbd\n",
			facts: []string{
				`critic score=58(0..100) verdict="Mixed or average reviews" count=3 bands=[]`,
				`user score=- verdict="" count=- bands=[]`,
				`critic by="Piotr Wrona" pub="Riverside Film Journal" score=75(0..100) date=2021-12-03 body="Chilly."`,
				`critic by="Kaja Tamm" pub="The Tallinn Ledger" score=60(0..100) date=2021-12-04 body="Half a ghost story."`,
				`critic by="" pub="Nordic Frame" score=40(0..100) date=2021-12-12 body="Solemn."`,
			},
		},
		{
			name: "publication on the item line, then Reviewed by; a score on its own line",
			page: "Good - based on 2 Critics\n" +
				"  1. Variety\n    Reviewed by:" + nb + " Boyd Lee\n    Mar 22, 2011\n    Fascinating.\n" +
				"  2. Reviewed by:" + nb + " Cy Dorr\n    80\n    Mar 23, 2011\n    Fine.\n",
			facts: []string{
				`critic score=- verdict="Good" count=2 bands=[]`,
				`user score=- verdict="" count=- bands=[]`,
				`critic by="Boyd Lee" pub="Variety" score=- date=2011-03-22 body="Fascinating."`,
				`critic by="Cy Dorr" pub="" score=80(0..100) date=2011-03-23 body="Fine."`,
			},
		},
		{
			name: "score and publication on lines of their own, in either order",
			page: "Good - based on 3 Critics\n" +
				"  1. Reviewed by:" + nb + " Ann Lee\n    Variety\n    80\n    May 13, 2015\n    One.\n" +
				"  2. The Daily Lamp\n    70\n    Reviewed by:" + nb + " Bo Chan\n    May 14, 2015\n    Two.\n" +
				"  3. Reviewed by:" + nb + " Cy Dorr\n    60\n    Harbour Weekly\n    Date: May 15, 2015\n    Three.\n",
			facts: []string{
				`critic score=- verdict="Good" count=3 bands=[]`,
				`user score=- verdict="" count=- bands=[]`,
				`critic by="Ann Lee" pub="Variety" score=80(0..100) date=2015-05-13 body="One."`,
				`critic by="Bo Chan" pub="The Daily Lamp" score=70(0..100) date=2015-05-14 body="Two."`,
				`critic by="Cy Dorr" pub="Harbour Weekly" score=60(0..100) date=2015-05-15 body="Three."`,
			},
		},
		{
			name: "undated reviews: a short line is the publication when a part follows",
			page: "Good - based on 3 Critics\n" +
				"  1. Reviewed by:" + nb + " Ann Lee\n    Variety\n    80\n    One.\n" +
				"  2. The Daily Lamp\n    Reviewed by:" + nb + " Bo Chan\n    Two.\n" +
				"  3. 88\n    Quiet and wise\n    By Odile Marchand\n",
			facts: []string{
				`critic score=- verdict="Good" count=3 bands=[]`,
				`user score=- verdict="" count=- bands=[]`,
				`critic by="Ann Lee" pub="Variety" score=80(0..100) date= body="One."`,
				`critic by="Bo Chan" pub="The Daily Lamp" score=- date= body="Two."`,
				`critic by="Odile Marchand" pub="" score=88(0..100) date= body="Quiet and wise"`,
			},
		},
		{
			name: "short lines become publication or reviewer only before a date",
			page: "Good - based on 4 Critics\n" +
				"  1. 90\n    Superb filmmaking\n    Truly.\n" +
				"  2. 70\n    Quiet Ann Lee.\n    Mar 1, 2020\n" +
				"  3. Reviewed by:" + nb + " Bo Chan\n    Handsome and a little inert\n  4. Reviewed by:" + nb + " Cy Dorr\n    Mar 2, 2020\n    Fine.\n" +
				"User Reviews\n  1. 8 moviebuff\n    Apr 2, 2019\n    Loved it.\n  2. 10 Things I Hated About It\n    Apr 3, 2019\n",
			facts: []string{
				`critic score=- verdict="Good" count=4 bands=[]`,
				`user score=- verdict="" count=- bands=[]`,
				`critic by="" pub="" score=90(0..100) date= body="Superb filmmaking\nTr…"`,
				`critic by="" pub="" score=70(0..100) date= body="Quiet Ann Lee.\nMar 1…"`,
				`critic by="Bo Chan" pub="" score=- date= body="Handsome and a littl…"`,
				`critic by="Cy Dorr" pub="" score=- date=2020-03-02 body="Fine."`,
				`user by="moviebuff" pub="" score=8(0..10) date=2019-04-02 body="Loved it."`,
				`user by="" pub="" score=- date= body="10 Things I Hated Ab…"`,
			},
		},
		{
			name: "a Metascore under a review is the film's, a critic score the review's",
			page: "Good - based on 2 Critics\n  1. Reviewed by:" + nb + " Ann Lee\n    Critic score: 60\n    Text.\n" +
				"  2. Reviewed by:" + nb + " Bo Chan\n    Metascore: 70\n",
			facts: []string{
				`critic score=70(0..100) verdict="Good" count=2 bands=[]`,
				`user score=- verdict="" count=- bands=[]`,
				`critic by="Ann Lee" pub="" score=60(0..100) date= body="Text."`,
				`critic by="Bo Chan" pub="" score=- date= body=""`,
			},
		},
		{
			name: "reviews without numbers: a reviewer or publication label opens the next",
			page: "Good - based on 3 Critics\nReviewed by:" + nb + " Ann Lee\nMar 1, 2020\nOne.\nCritic: two lines\n" +
				"Publication: Harbour Weekly\nScore: 70\nTwo.\nReviewed by:" + nb + " Bo Chan\nThree.\n",
			facts: []string{
				`critic score=- verdict="Good" count=3 bands=[]`,
				`user score=- verdict="" count=- bands=[]`,
				`critic by="Ann Lee" pub="" score=- date=2020-03-01 body="One.\nCritic: two lin…"`,
				`critic by="" pub="Harbour Weekly" score=70(0..100) date= body="Two."`,
				`critic by="Bo Chan" pub="" score=- date= body="Three."`,
			},
		},
		{
			name: "label after the score: 81 Metascore; score and verdict on one line",
			page: "81 Metascore\n81 Universal acclaim - based on 5 Critics\nUser score: tbd\n",
			facts: []string{
				`critic score=81(0..100) verdict="Universal acclaim" count=5 bands=[]`,
				`user score=- verdict="" count=- bands=[]`,
			},
		},
		{
			name: "a scale the page states itself; no bottom is assumed",
			page: "Good - based on 1 Critics\n  1. Reviewed by:" + nb + " Ann Lee\n    Score: 4/5\n    May 1, 2020\n    Fine.\n",
			facts: []string{
				`critic score=- verdict="Good" count=1 bands=[]`,
				`user score=- verdict="" count=- bands=[]`,
				`critic by="Ann Lee" pub="" score=4(?..5) date=2020-05-01 body="Fine."`,
			},
		},
		{
			name: "reviewer names that are not names",
			page: "Good - based on 6 Critics\n" +
				"  1. Reviewed by:" + nb + " Ann Lee — Bo Chan\n    Publication: Variety\n    Text.\n" +
				"  2. Reviewed by:" + nb + " Bo Chan (uncredited)\n    Text.\n" +
				"  3. Reviewed by:" + nb + " This is a very long sentence about the film\n    Text.\n" +
				"  4. Reviewed by:" + nb + " Cy Dorr 80\n    Text.\n" +
				"  5. Reviewed by:" + nb + " Dee Eyre Mar 3, 2020\n    Text.\n" +
				"  6. Reviewed by:" + nb + " Ed Fox and friends\n    Text.\n",
			facts: []string{
				`critic score=- verdict="Good" count=6 bands=[]`,
				`user score=- verdict="" count=- bands=[]`,
				`critic by="" pub="Variety" score=- date= body="Text."`,
				`critic by="" pub="" score=- date= body="Text."`,
				`critic by="" pub="" score=- date= body="Text."`,
				`critic by="" pub="" score=- date= body="Text."`,
				`critic by="" pub="" score=- date= body="Text."`,
				`critic by="" pub="" score=- date= body="Text."`,
			},
			notes: []string{
				`2: reviewer "Ann Lee — Bo Chan" holds a role separator (—); left out; the review's author is its publication, "Variety"`,
				`5: reviewer "Bo Chan (uncredited)" holds an annotation; left out; the review has no author`,
				`7: reviewer "This is a very long sentence about the film" is a sentence, not a name; left out; the review has no author`,
				`9: reviewer "Cy Dorr 80" holds a number (a score?); left out; the review has no author`,
				`11: reviewer "Dee Eyre Mar 3, 2020" holds a date; left out; the review has no author`,
				`13: reviewer "Ed Fox and friends" holds more than one name; left out; the review has no author`,
			},
		},
		{
			// A date whose day and month could be either way round is left
			// out, and still ends the card's header: the short first line
			// of the text is not read as a publication.
			name: "ambiguous numeric dates",
			page: "Good - based on 3 Critics\n" +
				"  1. Reviewed by:" + nb + " Ana Ruiz\n    12/03/2019\n    Good.\n" +
				"  2. Reviewed by:" + nb + " Bo Chan\n    Variety\n    25/03/2019\n    Fine.\n" +
				"  3. Reviewed by:" + nb + " Cy Dorr\n    03/25/2019\n    Nice.\n",
			facts: []string{
				`critic score=- verdict="Good" count=3 bands=[]`,
				`user score=- verdict="" count=- bands=[]`,
				`critic by="Ana Ruiz" pub="" score=- date= body="Good."`,
				`critic by="Bo Chan" pub="Variety" score=- date=2019-03-25 body="Fine."`,
				`critic by="Cy Dorr" pub="" score=- date=2019-03-25 body="Nice."`,
			},
			notes: []string{
				`7: the page writes its dates both day/month (line 7: "25/03/2019") and month/day (line 10: "03/25/2019"); each is read as the only order it allows`,
				`3: review date "12/03/2019" could be day/month or month/day, and the page writes both; left out`,
			},
		},
		{
			name: "unrecognised lines: one note per section",
			page: "Good - based on 1 Critics\nAdd to list\nTrivia\nTrailer\n\nPhotos\n" +
				"User Score\nSomething else\n",
			facts: []string{
				`critic score=- verdict="Good" count=1 bands=[]`,
				`user score=- verdict="" count=- bands=[]`,
			},
			notes: []string{
				`2: 4 lines not recognised in the critic section (lines 2-4, 6); left out, the first: "Add to list"`,
				`8: line not recognised in the user section; left out: "Something else"`,
			},
		},
		{
			name: "scores outside the site's scale and a second, different headline",
			page: "Metascore: 120\nMetascore: 70\n81\nGood - based on 1 Critics\n  1. 150 Variety\n    Text.\nUser Score\nUser score: 11\n",
			facts: []string{
				`critic score=70(0..100) verdict="Good" count=1 bands=[]`,
				`user score=- verdict="" count=- bands=[]`,
				`critic by="" pub="" score=- date= body="150 Variety\nText."`,
			},
			notes: []string{
				"1: critic score 120 is outside the scale 0-100; left out",
				"3: critic score 81 differs from the 70 stated at line 2; left out",
				"8: user score 11 is outside the scale 0-10; left out",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkPage(t, tt.page, tt.facts, tt.notes) })
	}
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestDateOrder pins how a page's own dates settle the order of day and
// month in its dates that allow both (audit 18): "01/08/2021" was left out
// although the page wrote 23/07/2021 and 24/07/2021, and a page writing
// both 11/15/2004 and 15/11/2004 was read without a word.
func TestDateOrder(t *testing.T) {
	const head = "Good - based on 3 Critics\n"
	tests := []struct {
		name, page string
		dates      []string
		notes      []string
	}{
		{
			name:  "day first elsewhere on the page",
			page:  head + "  1. Reviewed by: Aoife Byrne\n    14/02/2020\n    One.\n  2. Reviewed by: Cian Walsh\n    03/04/2020\n    Two.\n",
			dates: []string{"2020-02-14", "2020-04-03"},
			notes: []string{`6: review date "03/04/2020" read as day/month, the order the page's other dates show (line 3: "14/02/2020")`},
		},
		{
			name: "month first elsewhere, the ambiguous date first, in a label and a one-line header",
			page: head + "  1. Reviewed by: Dana Price\n    Date: 03/04/2020\n    One.\n  2. 70 | Plains Courier | Eli Stone | 02/14/2020\n    Two.\n" +
				"  3. Reviewed by: Fay Moss\n    Posted 2/9/2020\n    Three.\n",
			dates: []string{"2020-03-04", "2020-02-14", "2020-02-09"},
			notes: []string{
				`3: review date "03/04/2020" read as month/day, the order the page's other dates show (line 5: "02/14/2020")`,
				`8: review date "Posted 2/9/2020" read as month/day, the order the page's other dates show (line 5: "02/14/2020")`,
			},
		},
		{
			name:  "both orders on one page settle none",
			page:  head + "  1. Reviewed by: Gil Hart\n    11/15/2004\n    One.\n  2. Reviewed by: Ivy Lund\n    16/11/2004\n    Two.\n  3. Reviewed by: Jo Kerr\n    07/08/2004\n    Three.\n",
			dates: []string{"2004-11-15", "2004-11-16", ""},
			notes: []string{
				`3: the page writes its dates both day/month (line 6: "16/11/2004") and month/day (line 3: "11/15/2004"); each is read as the only order it allows`,
				`9: review date "07/08/2004" could be day/month or month/day, and the page writes both; left out`,
			},
		},
		{
			name:  "no date settles the order",
			page:  head + "  1. Reviewed by: Kit Noor\n    07/08/2004\n    One.\n  2. Reviewed by: Lu Ping\n    Aug 9, 2004\n    Two.\n",
			dates: []string{"", "2004-08-09"},
			notes: []string{`3: review date "07/08/2004" could be day/month or month/day; left out`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, err := Parse(strings.NewReader(tt.page), "r.txt")
			if err != nil {
				t.Fatal(err)
			}
			var dates []string
			for _, r := range src.Film.Reviews {
				dates = append(dates, r.Date.Value)
			}
			if !equal(dates, tt.dates) {
				t.Errorf("dates %q; want %q", dates, tt.dates)
			}
			if got := notes(src); !equal(got, tt.notes) {
				t.Errorf("notes:\n got %q\nwant %q", got, tt.notes)
			}
		})
	}
}

// TestCutOff: a page whose last line stops in the middle is read up to
// that line, which is reported and left out with the review it belongs to;
// nothing half-read is mapped, and the rest of the page still is.
func TestCutOff(t *testing.T) {
	const head = "Good - based on 2 Critics\n  1. Reviewed by:\u00a0 Ann Lee\n    Mar 1, 2011\n    Text.\n"
	const ann = `critic by="Ann Lee" pub="" score=- date=2011-03-01 body="Text."`
	tests := []struct {
		name, page, note string
		reviews          []string
	}{
		{"count", "Metascore: 81\nUniversal acclaim - based on 5", `2: cut off: the page ends in the middle of this line; left out: "Universal acclaim - based on 5"`, nil},
		{"count noun", "Metascore: 81\nBased on 5 Crit", `2: cut off: the page ends in the middle of this line; left out: "Based on 5 Crit"`, nil},
		{"item number", head + "  2.", `5: cut off: the page ends in the middle of this line; left out: "2."`, []string{ann}},
		{"label", head + "  2. Reviewed by:", `5: cut off: the page ends in the middle of this line; left out: "2. Reviewed by:"`, []string{ann}},
		{"band label alone", "Metascore: 81\nCritic score distribution:\n  1. Positive:\n     4 out of 4\n  2. Mixed:", `5: cut off: the page ends in the middle of this line; left out: "2. Mixed:"`, nil},
		{"header separator", head + "  2. 80 |", `5: cut off: the page ends in the middle of this line; left out: "2. 80 |"`, []string{ann}},
		{"labelled part", head + "  2. Reviewed by:\u00a0 Bo Chan\n    Publication:", `6: cut off: the page ends in the middle of this line; left out, with the review it belongs to: "Publication:"`, []string{ann}},
		{"user review before its link", head + "User Score\n  1. Dec 14, 2011\n    " + spoilerPrefix + " I winced at every mo",
			`7: cut off: the page ends inside a review, before its "Full Review »" link; the review is left out`, []string{ann}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, err := Parse(strings.NewReader(tt.page), "r.txt")
			if err != nil {
				t.Fatal(err)
			}
			got := notes(src)
			if len(got) == 0 || got[len(got)-1] != tt.note {
				t.Errorf("notes:\n%s\nwant last:\n%s", strings.Join(got, "\n"), tt.note)
			}
			if reviews := facts(src)[2:]; strings.Join(reviews, "\n") != strings.Join(tt.reviews, "\n") {
				t.Errorf("reviews:\n%s\nwant:\n%s", strings.Join(reviews, "\n"), strings.Join(tt.reviews, "\n"))
			}
			if tt.name == "count" && src.Film.Critics.Count.Set {
				t.Errorf("the cut-off count was kept: %v", src.Film.Critics.Count.Value)
			}
		})
	}
}

// TestFilms pins the facts of our own review pages in the layout variants
// (testdata/films/README.md lists them).
func TestFilms(t *testing.T) {
	tests := map[string][]string{
		"el-ultimo-verano": {
			`critic score=74(0..100) verdict="Generally favorable reviews" count=4 bands=[Positive=3 Mixed=1 Negative=0]`,
			`user score=8.2(0..10) verdict="Generally favorable reviews" count=12 bands=[Positive=10 Mixed=1 Negative=1]`,
			`critic by="Inés Calderón-Ruiz" pub="The Coastline Courier" score=80(0..100) date=2018-07-06 body="Amparo Villena gives…"`,
			`critic by="Teodor Malmqvist" pub="Nordic Frame" score=75(0..100) date=2018-07-09 body="A modest, warm film …"`,
			`critic by="" pub="Harbour Weekly" score=70(0..100) date=2018-07-12 body="The last twenty minu…"`,
			`critic by="Tamsin Okafor" pub="Screen North" score=65(0..100) date=2018-07-20 body="Handsome and a littl…"`,
			`user by="" pub="" score=9(0..10) date=2018-08-01 body="The scene on the pie…"`,
			`user by="" pub="" score=6(0..10) date=2018-08-15 body="Pretty, slow, and th…"`,
		},
		"kaze-no-oto": {
			`critic score=86(0..100) verdict="Universal acclaim" count=4 bands=[]`,
			`user score=7.4(0..10) verdict="Generally Favorable" count=31 bands=[]`,
			`critic by="Haruto Ishikawa" pub="Northern Film Review" score=90(0..100) date=2019-04-02 body="Mizuki Sakamoto list…"`,
			`critic by="" pub="The Lantern Gazette" score=85(0..100) date=2019-04-03 body="Patient, precise and…"`,
			`critic by="Ilse van der Berg" pub="Cinema Lens Monthly" score=80(0..100) date=2019-04-05 body="The wind of the titl…"`,
			`critic by="Odile Marchand" pub="Sightlines Weekly" score=88(0..100) date=2019-04-09 body="A film about grief t…"`,
			`user by="" pub="" score=8(0..10) date=2019-04-20 body="I did not expect a f…"`,
			`user by="" pub="" score=7(0..10) date=2019-05-02 body="Beautiful, but the m…"`,
		},
		"la-derniere-escale": {
			`critic score=34(0..100) verdict="Generally unfavorable reviews" count=3 bands=[Positive=0 Mixed=1 Negative=2]`,
			`user score=5.5(0..10) verdict="Mixed or average reviews" count=8 bands=[]`,
			`critic by="Élodie Vasseur-Kan" pub="Le Courrier du Port" score=- date=2017-10-02 body="Thérèse Aubin-Moreau…"`,
			`critic by="" pub="Cinéma Clair" score=- date=2017-10-04 body="There is one fine sc…"`,
			`critic by="" pub="Screen East" score=- date=2017-10-09 body="Handsome, inert and …"`,
			`user by="marin_du_nord" pub="" score=6(0..10) date=2017-10-20 body="The photography of S…"`,
			`user by="solenne" pub="" score=4(0..10) date=2017-11-01 body="Two hours of waiting…"`,
		},
		"dzwony-zimy": {
			`critic score=58(0..100) verdict="Mixed or average reviews" count=4 bands=[Positive=1 Mixed=2 Negative=1]`,
			`user score=- verdict="" count=- bands=[]`,
			`critic by="Piotr Wrona" pub="Riverside Film Journal" score=75(0..100) date=2021-12-03 body="Agnieszka Dziedzic f…"`,
			`critic by="Kaja Tamm" pub="The Tallinn Ledger" score=60(0..100) date=2021-12-04 body="Half a ghost story a…"`,
			`critic by="Lars Holm" pub="Screen East" score=55(0..100) date=2021-12-10 body="The bells are beauti…"`,
			`critic by="" pub="Nordic Frame" score=40(0..100) date=2021-12-12 body="Solemn to the point …"`,
		},
	}
	for name, want := range tests {
		t.Run(name, func(t *testing.T) {
			f, err := os.Open("../../testdata/films/" + name + "/review.txt")
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			src, err := Parse(f, "review.txt")
			if err != nil {
				t.Fatal(err)
			}
			if got := facts(src); !equal(got, want) {
				t.Errorf("facts:\n got %s\nwant %s", strings.Join(got, "\n     "), strings.Join(want, "\n     "))
			}
		})
	}
}

// TestSignals: each layout is detected as a review page by lines only
// such a page has, and prose that merely mentions scores is not.
func TestSignals(t *testing.T) {
	for _, tt := range []struct {
		page string
		min  int
	}{
		{"Metascore\nUniversal acclaim\nBased on 4 Critic Reviews\n86\nUser Score\n", 3},
		{"Metascore 58 out of 100\nMixed or average reviews based on 4 Critics\n", 2},
		{"Reviewed by:\u00a0 Ann Lee\nMar 1, 2020\nOne.\nReviewed by:\u00a0 Bo Chan\nTwo.\n", 2},
		{"  1. Reviewed by:\u00a0 Ann Lee\n  2. Reviewed by:\u00a0 Bo Chan\n", 2},
	} {
		if got := Signals(strings.Split(tt.page, "\n")); got < tt.min {
			t.Errorf("Signals(%q) = %d; want at least %d", tt.page, got, tt.min)
		}
	}
	prose := "The film was based on a novel. Its score, by Liv Østby, was reviewed by critics.\nUser score and critic score differ.\n"
	if got := Signals(strings.Split(prose, "\n")); got != 0 {
		t.Errorf("Signals(prose) = %d; want 0", got)
	}
}

// TestTitleBlock pins the header of the site's newer design: the title on
// the first line with the year alone under it is the page's statement of
// both; without the year line nothing is taken for a title.
func TestTitleBlock(t *testing.T) {
	const scores = "Metascore\nGenerally favorable reviews\nBased on 3 Critic Reviews\n71\n"
	tests := []struct {
		name, page, title string
		year              float64
		note              string
	}{
		// Audit 13: a content rating under the year ended the details.
		{"title, year and content rating", "The Paper Garden\n2024\nPG-13\nSummary: A garden.\n\n" + scores, "The Paper Garden", 2024, ""},
		{"blank lines around", "\n\nHelp!\n\n1965\n" + scores, "Help!", 1965, ""},
		{"a content rating alone under the first line", "The Paper Garden\nPG-13\n" + scores, "The Paper Garden", 0, ""},
		{"year, content rating and running time alone", "The Paper Garden\n2024\nPG-13\n1 h 32 m\nSummary: A garden.\n\n" + scores, "The Paper Garden", 2024, ""},
		{"no year or detail under the first line", "The Paper Garden\nIn theaters\n" + scores, "", 0, `1: 2 lines not recognised in the critic section (lines 1-2); left out, the first: "The Paper Garden"`},
		{"a film named by its year", "1917\n2019\n" + scores, "1917", 2019, ""},
		// Audit 14: a label a copy left without its colon ended the
		// details; the director after it was lost.
		{"a detail without its colon", "The Paper Garden\n2024\nSummary A garden.\nDirected By: Ann Lee\n\n" + scores, "The Paper Garden", 2024, ""},
		// Audit 17: the site's menu, a skip link and a cookie banner
		// above the title; the title and year were lost.
		{"menu, skip link and banner above the title", "Skip to content\nMovies  TV  Shows  Music\nThis website uses cookies. Accept\nLa Ciénaga\n2001\nNot Rated\n" + scores, "La Ciénaga", 2001, ""},
		{"a stray line above the title, scores under the year", "Add to list\nThe Garden\n\n2024\n\n" + scores, "The Garden", 2024, `1: line not recognised in the critic section; left out: "Add to list"`},
		{"a year under a later line but prose after it", "Add to list\nThe Garden\n2024\nA lovely film.\n" + scores, "", 0,
			`1: 4 lines not recognised in the critic section (lines 1-4); left out, the first: "Add to list"`},
		// Audit 18: a sign-in link above the title and the share
		// buttons under the year, or a whole page's copy with its cookie
		// banner and menu one entry a line, lost the title and year.
		{"a sign-in link above, share buttons under the year", "Log In\nRiver of Glass\n1987\nShare on Facebook\nPinterest\n" + scores, "River of Glass", 1987, ""},
		{"a whole page's copy: banner, legal links, menu a word a line", "We use cookies to personalise content. Accept All Cookies\nReject All\nCookie Settings\nRegister\n" +
			"Movies\nTV Shows\nGames\nMusic\nPeople\nSearch\nAdvertisement\nOrchard Road\n2011\nShare\n" + scores, "Orchard Road", 2011, ""},
		{"a title that is a menu word", "Movies\nNews\nMusic\n2023\nNot Rated\n" + scores, "Music", 2023, ""},
		{"a verdict first, as in the older design", "Mixed or average reviews - based on 3 Critics\n2024\n", "", 0, `2: line not recognised in the critic section; left out: "2024"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, err := Parse(strings.NewReader(tt.page), "page.txt")
			if err != nil {
				t.Fatal(err)
			}
			f := src.Film
			if f.Title.Value != tt.title || f.Year.Value != tt.year || f.Year.Set != (tt.year != 0) {
				t.Errorf("title, year = %q, %v (set %v); want %q, %v", f.Title.Value, f.Year.Value, f.Year.Set, tt.title, tt.year)
			}
			got := strings.Join(notes(src), "\n")
			if got != tt.note {
				t.Errorf("notes:\n%s\nwant:\n%s", got, tt.note)
			}
		})
	}
}

// TestDetailsUnderScores pins the current design's details, which it
// prints under the scores (audit 18): read as the header's are, the
// site's genres one a line under them, and the header's own statement
// kept where both state one. A genre's word elsewhere is no genre.
func TestDetailsUnderScores(t *testing.T) {
	page := "Cold Orchard\n2014\nSummary: A family's last harvest.\n\nMetascore\nMixed or Average\nBased on 3 Critic Reviews\n55\n" +
		"User Score\nGenerally Favorable\nBased on 12 User Ratings\n7.1\n" +
		"Summary Another summary, which the header's stands before.\nDirected by: Ilse Varga\nWriters: Ilse Varga, Tomas Reyes\nRelease Date: Oct 3, 2014\nCrime\nWar\nWhere to Watch\nDrama\nLiked it\nWestern\n" +
		"Critic Reviews\nHorror\n"
	src, err := Parse(strings.NewReader(page), "page.txt")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"abstract@3: A family's last harvest.",
		"author: Ilse Varga@15", "author: Tomas Reyes@15",
		"director: Ilse Varga@14",
		"genre: Crime@17", "genre: Drama@20", "genre: War@18",
		"release: 2014-10-03|@16",
		"title: Cold Orchard@1", "year: 2014@2",
	}
	var kept []string
	for _, g := range mappertest.Facts(src) {
		if !strings.HasPrefix(g, "critic") && !strings.HasPrefix(g, "user") {
			kept = append(kept, g)
		}
	}
	if strings.Join(kept, "\n") != strings.Join(want, "\n") {
		t.Errorf("facts:\n%s\nwant:\n%s", strings.Join(kept, "\n"), strings.Join(want, "\n"))
	}
	if got, want := strings.Join(notes(src), "\n"), `21: 2 lines not recognised in the user section (lines 21-22); left out, the first: "Liked it"`+"\n"+
		`24: line not recognised in the critic section; left out: "Horror"`; got != want {
		t.Errorf("notes:\n%s\nwant:\n%s", got, want)
	}
}

// TestDetails pins the older designs' details block under the title: each
// detail film2ld has a field for becomes that fact (genres one each); the
// others are counted in one note; and a "Rating:" there is the content
// rating, never a score.
func TestDetails(t *testing.T) {
	page := "Cold Orchard\nSummary: A family's last harvest.\nDirector: Ilse Varga\nStarring: Tomas Reyes, Ana Liu\n" +
		"Genre(s): Drama, Thriller\nRating: PG-13\nRuntime: 1 h 41 min\nRelease Date: Oct 3, 2014\n\n" +
		"Metascore\n71\nGenerally favorable reviews based on 3 Critics\n"
	src, err := Parse(strings.NewReader(page), "page.txt")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"abstract@2: A family's last harvest.",
		"cast: Ana Liu@4", "cast: Tomas Reyes@4", "content rating: PG-13@6",
		"director: Ilse Varga@3",
		"genre: Drama@5", "genre: Thriller@5",
		"release: 2014-10-03|@8",
		"runtime: 101@7",
		"title: Cold Orchard@1",
	}
	got := mappertest.Facts(src)
	var kept []string
	for _, g := range got {
		if !strings.HasPrefix(g, "critic") && !strings.HasPrefix(g, "user") {
			kept = append(kept, g)
		}
	}
	if strings.Join(kept, "\n") != strings.Join(want, "\n") {
		t.Errorf("facts:\n%s\nwant:\n%s", strings.Join(kept, "\n"), strings.Join(want, "\n"))
	}
	if !src.Film.Critics.Score.Set || src.Film.Critics.Score.Literal != "71" {
		t.Errorf("the Metascore after the details was lost: %+v", src.Film.Critics.Score)
	}
	notes := strings.Join(notes(src), "\n")
	if want := ``; notes != want {
		t.Errorf("notes:\n%s\nwant:\n%s", notes, want)
	}
}

// TestRefusedReviewersCounted: the first reviewers a page names that are
// no names get a note each, and the others one note that counts them
// with their lines, as merging counts repeated reviews: a page of 200,000
// critics whose names hold a number printed 200,000 notes.
func TestRefusedReviewersCounted(t *testing.T) {
	const n = maxRefusedNotes + 3
	var page strings.Builder
	fmt.Fprintf(&page, "Good - based on %d Critics\n", n)
	var want []string
	for i := range n {
		fmt.Fprintf(&page, "  %d. Reviewed by:\u00a0 Critic Number %d\n    Text.\n", i+1, i)
		if i < maxRefusedNotes {
			want = append(want, fmt.Sprintf(`%d: reviewer "Critic Number %d" holds a number (a score?); left out; the review has no author`, 2*i+2, i))
		}
	}
	want = append(want, fmt.Sprintf("%d: 3 more reviewers are no names (lines %d, %d, %d); left out; the reviews have no author", 2*maxRefusedNotes+2, 2*maxRefusedNotes+2, 2*maxRefusedNotes+4, 2*maxRefusedNotes+6))
	src, err := Parse(strings.NewReader(page.String()), "r.txt")
	if err != nil {
		t.Fatal(err)
	}
	if got := notes(src); !equal(got, want) {
		t.Errorf("notes:\n got %q\nwant %q", got, want)
	}
	if len(src.Film.Reviews) != n {
		t.Errorf("%d reviews; want %d, each without its author", len(src.Film.Reviews), n)
	}
}

// Past the tenth, the count of refused reviewers says, as each one's own
// note does, whether their reviews' author is the publication: the count
// said only "left out".
func TestRefusedReviewersCountedWithPublications(t *testing.T) {
	for _, tt := range []struct {
		withPublication []bool // of the reviewers past maxRefusedNotes
		want            string
	}{
		{[]bool{true}, "1 more reviewer is no name (line %d); left out; the review's author is its publication"},
		{[]bool{false}, "1 more reviewer is no name (line %d); left out; the review has no author"},
		{[]bool{true, true}, "2 more reviewers are no names (lines %d, %d); left out; each review's author is its publication"},
		{[]bool{true, false, true}, "3 more reviewers are no names (lines %d, %d, %d); left out; 2 of the reviews have their publication as author, the others no author"},
	} {
		var page strings.Builder
		n := maxRefusedNotes + len(tt.withPublication)
		fmt.Fprintf(&page, "Good - based on %d Critics\n", n)
		line := 2
		var lines []any
		for i := range n {
			fmt.Fprintf(&page, "  %d. Reviewed by:\u00a0 Critic Number %d\n", i+1, i)
			if i >= maxRefusedNotes {
				lines = append(lines, line)
			}
			line++
			if i >= maxRefusedNotes && tt.withPublication[i-maxRefusedNotes] {
				fmt.Fprintf(&page, "    Publication: Weekly %d\n", i)
				line++
			}
			page.WriteString("    Text.\n")
			line++
		}
		src, err := Parse(strings.NewReader(page.String()), "r.txt")
		if err != nil {
			t.Fatal(err)
		}
		got := notes(src)
		want := fmt.Sprintf("%d: "+tt.want, append([]any{lines[0]}, lines...)...)
		if len(got) == 0 || got[len(got)-1] != want {
			t.Errorf("%v: last note %q; want %q", tt.withPublication, got[len(got)-1:], want)
		}
	}
}
