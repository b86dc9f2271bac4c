package reviews

import (
	"bytes"
	"slices"
	"strconv"
	"testing"

	"github.com/film2ld/film2ld/mapping/film"

	"github.com/film2ld/film2ld/mapping/internal/mappertest"
)

// FuzzReviews feeds the mapper arbitrary bytes, seeded with the samples and
// our own films (among them the layout variants el-ultimo-verano,
// kaze-no-oto and dzwony-zimy) and with the edge cases of each layout; see
// mappertest.Check for the properties it keeps.
func FuzzReviews(f *testing.F) {
	mappertest.AddSeeds(f, "../../testdata")
	for _, page := range []string{
		"Metascore\nUniversal acclaim\nBased on 4 Critic Reviews\n86\nCritic Reviews\n  1. 90\n    Northern Film Review\n    Ann Lee\n    Apr 2, 2019\n    Text.\n    By Bo Chan",
		"Metascore 58 out of 100\n  1. 75 out of 100 · A · B · Dec 3, 2021\n  2. 60 - C - D\n  3. 40 |",
		"Good - based on 2 Critics\n  1. Reviewed by:\u00a0 Ann Lee — Variety\n    Publication: Variety\n    Score: 4/5\n  2. Publication:",
		"User Score\nUser score: 8.2\n  1. Score: 9\n    Aug 1, 2018\n    This review contains spoilers, click full review link to view. Great",
		"Critic score distribution:\nPositive: 1 out of 2\n  2. Negative: 0 out of",
		"Critic score distribution:\n  1. Positive:\n     2 out of 2\n  2. Mixed:\n  1. Reviewed by:\n     Ann Lee\n    Score:\n\n    Date:\n     Nov 12, 2004\n  2. Reviewed by",
	} {
		f.Add([]byte(page))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		mappertest.Check(t, data, Parse)
		src, err := Parse(bytes.NewReader(data), "fuzz.txt")
		if err != nil {
			return
		}
		// Never invent: every reviewer kept looks like a name, and every
		// score kept lies on its scale.
		for _, r := range src.Film.Reviews {
			// (A user's screen name may hold digits: "cinephile88".)
			if r.Author.Value != "" && notAName(r.Author.Value) != "" && (r.Critic || !screenName(r.Author.Value)) {
				t.Fatalf("reviewer %q kept: %s", r.Author.Value, notAName(r.Author.Value))
			}
			if r.Coauthors != nil {
				for _, co := range *r.Coauthors {
					if notAName(co.Value) != "" || r.Author.Value == "" {
						t.Fatalf("coauthor %q kept beside %q: %s", co.Value, r.Author.Value, notAName(co.Value))
					}
				}
			}
			if r.Publisher.Value != "" && notAPublication(r.Publisher.Value) != "" {
				t.Fatalf("publication %q kept: %s", r.Publisher.Value, notAPublication(r.Publisher.Value))
			}
			if r.Rating != nil && (!r.Rating.Score.Set || !onScale(r.Rating.Score, r.Rating.Scale)) {
				t.Fatalf("review score %v off its scale %+v", r.Rating.Score, r.Rating.Scale)
			}
		}
		for _, s := range []film.Summary{src.Film.Critics, src.Film.Users} {
			if s.Score.Set && !onScale(s.Score, s.Scale) {
				t.Fatalf("headline score %v off its scale %+v", s.Score, s.Scale)
			}
		}
	})
}

// onScale reports whether v lies on s and is the number its literal
// writes, not a computation.
func onScale(v film.Number, s film.Scale) bool {
	if !s.Best.Set || v.Value > s.Best.Value || s.Worst.Set && v.Value < s.Worst.Value {
		return false
	}
	lit, err := strconv.ParseFloat(v.Literal, 64)
	return err == nil && lit == v.Value
}

// FuzzGuardedPatterns: verdictMatch and bandStartMatch skip lines their
// pattern cannot match; on every line they must give what the pattern
// gives.
func FuzzGuardedPatterns(f *testing.F) {
	for _, s := range []string{
		"Generally favorable reviews - based on 41 Critics", "81 Universal acclaim based on 12 Critic Reviews",
		"Mixed or average reviews based on 7 ratings", "based on 3 reviewſ", "based on 3 REVIEWS",
		"1. Positive: 40 out of 41", "Negative:\t0", "Mixed: none", "Note: 3 things", "2. Negative:", "x: y: 3",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, l string) {
		if l == "" {
			return
		}
		if got, want := verdictMatch(l), verdictRe.FindStringSubmatch(l); !slices.Equal(got, want) {
			t.Errorf("verdictMatch(%q) = %q; the pattern gives %q", l, got, want)
		}
		if got, want := bandStartMatch(l), bandStartRe.FindStringSubmatch(l); !slices.Equal(got, want) {
			t.Errorf("bandStartMatch(%q) = %q; the pattern gives %q", l, got, want)
		}
	})
}
