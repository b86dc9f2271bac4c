package schemas

import (
	"fmt"
	"testing"
)

// TestPreviews: the card of each Movie shows what the markup states, with
// the stars on Google's reading of the score, or the reasons it cannot be
// shown.
func TestPreviews(t *testing.T) {
	tests := []struct {
		agg, extra string
		want       string
	}{
		{`"ratingValue": 4.2, "ratingCount": 120`, ``, `4.2/5 ★4.2 (120) reasons=0`},
		{`"ratingValue": "81", "bestRating": "100", "reviewCount": 9`, ``, `81/100 ★4.05 (9) reasons=0`},
		{`"ratingValue": "60%", "ratingCount": 3`, ``, `60% ★3 (3) reasons=0`},
		{`"ratingValue": "6 / 10", "ratingCount": 3`, ``, `6/10 ★3 (3) reasons=0`},
		{`"ratingValue": 9, "ratingCount": 3`, ``, `no stars (1 problem) reasons=0`},
		{`"ratingValue": 4, "ratingCount": 3`, `, "productionCompany": {"@type": "Person", "name": "X"}`, `4/5 ★4 (3) reasons=1`},
	}
	for _, tt := range tests {
		doc := movieWith(goodReview + `, "aggregateRating": {"@type": "AggregateRating", ` + tt.agg + `}` + tt.extra)
		g, err := Load([]byte(doc), "t.jsonld")
		if err != nil {
			t.Fatal(err)
		}
		ps := Previews(g, Validate(g, Google))
		if len(ps) != 1 {
			t.Fatalf("%d previews", len(ps))
		}
		p := ps[0]
		got := fmt.Sprintf("no stars (%d problem) reasons=%d", len(p.RatingProblems), len(p.Reasons))
		if p.HasRating {
			scale := ""
			if p.Scale != "" {
				scale = "/" + p.Scale
			}
			got = fmt.Sprintf("%s%s ★%.3g (%s) reasons=%d", p.Score, scale, p.Stars, p.Count, len(p.Reasons))
		}
		if got != tt.want || p.Title != "Heat" || p.Year != "1995" || p.Image != "https://films.example/heat.jpg" || fmt.Sprint(p.Directors) != "[Michael Mann]" {
			t.Errorf("%s: got %s %+v; want %s", tt.agg, got, p, tt.want)
		}
	}
}
