package reviews

import (
	"slices"
	"strings"
	"testing"
)

// TestTables checks that every entry of the layout tables is read as what
// its table says, in the cases pages write it: adding a heading, label or
// verdict to a table is covered by this test with no further code.
func TestTables(t *testing.T) {
	for h, want := range headings {
		for _, l := range []string{h, strings.ToUpper(h[:1]) + h[1:], title(h) + ":", title(h) + " (12)"} {
			c := classify(l)
			if c.class != headingLine || c.section != want.section || c.buckets != want.buckets {
				t.Errorf("classify(%q) = %+v; want heading of the %s section", l, c, want.section)
			}
		}
	}
	for label, want := range summaryLabels {
		for _, l := range []string{title(label) + ": 72", title(label) + " 72", "72 " + title(label), title(label) + " 72 out of 100"} {
			c := classify(l)
			if c.class != summaryScoreLine || c.section != want || c.score != "72" {
				t.Errorf("classify(%q) = %+v; want the %s headline score 72", l, c, want)
			}
		}
	}
	for label, want := range reviewLabels {
		l := title(label) + ": X"
		c := classify(l)
		// A summary label is a headline score before it is a review part;
		// the parser gives it to the open review.
		if _, summary := summaryLabels[label]; summary {
			continue
		}
		if c.class != labelLine || c.field != want || c.value != "X" {
			t.Errorf("classify(%q) = %+v; want label %d", l, c, want)
		}
	}
	for label, want := range reviewLabels {
		// Without the colon: a dash or a bar before the value.
		if label == "by" {
			continue
		}
		for _, l := range []string{title(label) + " - X", title(label) + " — X", strings.ToUpper(label) + " | X"} {
			if _, summary := summaryLabels[label]; summary {
				continue
			}
			if c := classify(l); c.class != labelLine || c.field != want || c.value != "X" {
				t.Errorf("classify(%q) = %+v; want label %d", l, c, want)
			}
		}
	}
	for _, v := range verdicts {
		for _, l := range []string{v, strings.ToUpper(v), v + " - based on 3 Critics", v + " based on 3 Critic Reviews"} {
			c := classify(l)
			if c.class != verdictLine || !strings.EqualFold(c.verdict, v) {
				t.Errorf("classify(%q) = %+v; want verdict %q", l, c, v)
			}
		}
	}
	for noun, want := range countNouns {
		l := "Based on 1,204 " + title(noun)
		c := classify(l)
		if c.class != verdictLine || c.count != "1,204" || c.countFor != want {
			t.Errorf("classify(%q) = %+v; want a count of 1,204 for the %s section", l, c, want)
		}
	}
	for b := range cardEnds {
		if c := classify(title(b)); c.class != boilerplateLine || !c.closes {
			t.Errorf("classify(%q) = %+v; want boilerplate that ends a card", title(b), c)
		}
	}
	for h := range referenceHeadings {
		for _, l := range []string{title(h), title(h) + ":"} {
			if c := classify(l); c.class != referencesLine {
				t.Errorf("classify(%q) = %+v; want the heading of a list of links", l, c)
			}
		}
	}
	for _, l := range []string{"© 2024 Fandom, Inc. All rights reserved. Terms of Use | Privacy Policy", "Copyright 2019 Ann Lee Media",
		"Terms of Use | Privacy Policy | Cookie Settings", "We use cookies to improve your experience. Accept all cookies | Manage preferences"} {
		if c := classify(l); c.class != footerLine {
			t.Errorf("classify(%q) = %+v; want the site's footer", l, c)
		}
	}
	for _, l := range []string{"Terms of endearment abound.", "The privacy policy of the spy agency is the plot.", "I eat cookies through it.", "Movies about music"} {
		if c := classify(l); c.class != textLine {
			t.Errorf("classify(%q) = %+v; want text", l, c)
		}
	}
	for _, l := range []string{"Movies TV Games Music Browse", "Home News Search"} {
		if c := classify(l); c.class != boilerplateLine {
			t.Errorf("classify(%q) = %+v; want the site's menu", l, c)
		}
	}
	for b := range boilerplate {
		if c := classify(title(b)); c.class != boilerplateLine {
			t.Errorf("classify(%q) = %+v; want boilerplate", title(b), c)
		}
	}
}

// TestNotNames pins why a reviewer's name is refused, and that real names
// in many scripts and shapes pass.
func TestNotNames(t *testing.T) {
	for _, name := range []string{"V.A. Musetto", "Boyd van Hoeij", "Nuala O'Rourke", "Jean-Baptiste Loiseau", "Ingvild Sørum-Hansen", "Rafael Ibáñez", "Ayşe Demirtaş", "J. Hoberman", "Manohla Dargis", "José Ortega y Gasset", "A.O. Scott", "Mick LaSalle",
		"J.P. de la Fuente", "A.O. van Dijk", "M.-L. de Vries", "É.J. du Pré", "Martin Luther King, Jr.", "Hugo Mann, III"} {
		if why := notAName(name); why != "" {
			t.Errorf("notAName(%q) = %q; want a name", name, why)
		}
	}
	for in, want := range map[string]string{
		"":                            "is empty",
		"Ann Lee — Variety":           "holds a role separator (—)",
		"Ann Lee, Variety":            "holds a role separator (,)",
		"Ann Lee, Jr., Variety":       "holds a role separator (,)",
		"Ann Lee: chief critic":       "holds a role separator (:)",
		"Ann Lee (voice)":             "holds an annotation",
		"Ann Lee 4/5":                 "holds a number (a score?)",
		"Ann Lee Mar 3, 2020":         "holds a date",
		"Ann Lee 2019":                "holds a date",
		"Ann Lee & Bo Chan":           "holds more than one name",
		"Loved it! Best film ever":    "is a sentence, not a name",
		"one two three four five six": "is a sentence, not a name",
		"Great film. loved it":        "is a sentence, not a name",
		"Staff":                       "names no one",
		"Staff (Not Credited)":        "names no one",
	} {
		if got := notAName(in); got != want {
			t.Errorf("notAName(%q) = %q; want %q", in, got, want)
		}
	}
}

// TestNotPublications: what stands where a critic's publication does but
// is a score (a letter grade "B+" became a publisher Organization "B+").
func TestNotPublications(t *testing.T) {
	for _, name := range []string{"Variety", "The A.V. Club", "Le Monde", "B+ Magazine", "A24 Reviews", "CineVue"} {
		if why := notAPublication(name); why != "" {
			t.Errorf("notAPublication(%q) = %q; want a publication", name, why)
		}
	}
	for in, want := range map[string]string{
		"B+":         "is a letter grade, which has no numeric scale",
		"A−":         "is a letter grade, which has no numeric scale",
		"Grade: C-":  "is a letter grade, which has no numeric scale",
		"F":          "is a letter grade, which has no numeric scale",
		"8/10":       "is a number (a score?)",
		"4.5 / 5":    "is a number (a score?)",
		"3 out of 5": "is a number (a score?)",
		"3½ stars":   "is a score",
		"★★★½":       "is a score",
		"80":         "is a number (a score?)",
		"12/03/2019": "is a date",
	} {
		if got := notAPublication(in); got != want {
			t.Errorf("notAPublication(%q) = %q; want %q", in, got, want)
		}
	}
}

// title capitalises each word, as headings and labels are written.
func title(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		r := []rune(w)
		words[i] = strings.ToUpper(string(r[:1])) + string(r[1:])
	}
	return strings.Join(words, " ")
}

// TestScreenNamesWithDigits: a user review's screen name may hold digits
// ("cinephile88"), and its review keeps its author; a critic's name with
// a number is still refused, and so is a user's that is a number, a date
// or more than one word (audit 12).
func TestScreenNamesWithDigits(t *testing.T) {
	for _, name := range []string{"cinephile88", "JohnD2000", "film_fan_3", "R2D2", "kenji.t99", "movie-buff7"} {
		if !screenName(name) {
			t.Errorf("screenName(%q) = false", name)
		}
	}
	for _, name := range []string{"88", "8 cinephile", "Ann Lee 8", "4/5", "Jun 2019", "2019", "cinephile 88", "_x1", ""} {
		if screenName(name) {
			t.Errorf("screenName(%q) = true", name)
		}
	}
	page := "User Score\n7.1\nGenerally favorable reviews- based on 9 Ratings\n\nUser Reviews\n" +
		"  1. 8 cinephile88\n    Jun 20, 2019\n    Good. Full Review »\n" +
		"  2. 6 JohnD2000\n    Jun 21, 2019\n    Fine. Full Review »\n"
	src, err := Parse(strings.NewReader(page), "r.txt")
	if err != nil {
		t.Fatal(err)
	}
	var authors []string
	for _, r := range src.Film.Reviews {
		authors = append(authors, r.Author.Value)
	}
	if !slices.Equal(authors, []string{"cinephile88", "JohnD2000"}) {
		t.Errorf("authors %q; notes %v", authors, src.Notes)
	}
}

// TestDateLines: a review card's date written without its comma, or after
// "Posted", is the review's date; it went into the review's text.
func TestDateLines(t *testing.T) {
	for in, want := range map[string]string{
		"Jun 2 2019": "2019-06-02", "Posted Jun 2, 2019": "2019-06-02", "Posted on 3 March 2017": "2017-03-03",
		"Published Mar 3, 2017": "2017-03-03", "Reviewed on Jun 2 2019": "2019-06-02",
	} {
		if c := classify(in); c.class != dateLine || c.date != want {
			t.Errorf("classify(%q) = class %v, date %q; want a date line of %s", in, c.class, c.date, want)
		}
	}
	for _, in := range []string{"Posted by Ann Lee", "Published in Variety", "Posted Jun 2, 2019, then edited"} {
		if c := classify(in); c.class == dateLine {
			t.Errorf("classify(%q) is a date line", in)
		}
	}
}

// TestNavigation pins which lines are the site's menu: three words or
// more, every one a menu word, however they are spaced.
func TestNavigation(t *testing.T) {
	for key, want := range map[string]bool{
		"movies tv games":              true,
		"  movies  tv\tgames music  ":  true,
		"home movies tv shows browse":  true,
		"movies tv":                    false,
		"movies tv paradise":           false,
		"the quiet signal":             false,
		"":                             false,
		"movies tv games ":             true,
		"sign in log in search movies": true,
	} {
		if got := navigation(key); got != want {
			t.Errorf("navigation(%q) = %v, want %v", key, got, want)
		}
	}
}
