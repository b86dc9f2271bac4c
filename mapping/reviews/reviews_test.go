package reviews

import (
	"strings"
	"testing"
)

// A page with stated scores and a repeated band label layout.
func TestStatedScores(t *testing.T) {
	page := "72\nGenerally favorable reviews - based on 1,204 Critics\n" +
		"Critic score distribution:\n  1. Positive: 1,000 out of 1,204\n  2. Mixed: 200 out of 1,204\n  3. Negative: 4 out of 1,204\n" +
		"User Score\n\n6.1\n\nMixed or average reviews- based on 30 Ratings\n" +
		"  1. Reviewed by:\u00a0 someone\n    Jan 2, 2020\n    Two lines\n    of text. Full Review »"
	src, err := Parse(strings.NewReader(page), "r.txt")
	if err != nil {
		t.Fatal(err)
	}
	c, u := src.Film.Critics, src.Film.Users
	if c.Score.Value != 72 || c.Count.Value != 1204 || len(c.Buckets) != 3 || c.Buckets[0].Count.Value != 1000 {
		t.Errorf("critics %+v", c)
	}
	if u.Score.Value != 6.1 || u.Count.Value != 30 || u.Verdict.Value != "Mixed or average reviews" {
		t.Errorf("users %+v", u)
	}
	if len(src.Notes) != 0 {
		t.Errorf("notes %v", src.Notes)
	}
	rv := src.Film.Reviews
	if len(rv) != 1 || rv[0].Critic || rv[0].Author.Value != "someone" || rv[0].Body.Value != "Two lines\nof text." {
		t.Errorf("reviews %+v", rv)
	}
}

// Two bands missing: nothing can be derived, and the page says so.
func TestUnderivableBands(t *testing.T) {
	page := "Mixed - based on 5 Critics\nCritic score distribution:\n  1. Positive: 2 out of 5\n"
	src, err := Parse(strings.NewReader(page), "r.txt")
	if err != nil {
		t.Fatal(err)
	}
	if len(src.Film.Critics.Buckets) != 1 {
		t.Errorf("buckets %+v", src.Film.Critics.Buckets)
	}
	if len(src.Notes) != 1 || !strings.Contains(src.Notes[0].Message, "adds up to 2 of 5") {
		t.Errorf("notes %+v", src.Notes)
	}
}
