package reviews_test

import (
	"fmt"
	"strings"

	"github.com/film2ld/film2ld/mapping/reviews"
)

// A page in the site's newer design: the headline under its heading, then
// score-first review cards.
func ExampleParse() {
	page := `Metascore
Universal acclaim
Based on 2 Critic Reviews
86
Critic Reviews
  1. 90
    Northern Film Review
    Haruto Ishikawa
    Apr 2, 2019
    The sound design alone is worth the ticket.
  2. 85
    The Lantern Gazette
    Apr 3, 2019
    Patient, precise and in the end overwhelming.`
	src, err := reviews.Parse(strings.NewReader(page), "review.txt")
	if err != nil {
		fmt.Println(err)
		return
	}
	c := src.Film.Critics
	fmt.Printf("Metascore %s of %g, %s, %g critics\n", c.Score.Literal, c.Scale.Best.Value, c.Verdict.Value, c.Count.Value)
	for _, r := range src.Film.Reviews {
		fmt.Printf("%s/%g by %q in %q on %s\n", r.Rating.Score.Literal, r.Rating.Scale.Best.Value, r.Author.Value, r.Publisher.Value, r.Date.Value)
	}
	// Output:
	// Metascore 86 of 100, Universal acclaim, 2 critics
	// 90/100 by "Haruto Ishikawa" in "Northern Film Review" on 2019-04-02
	// 85/100 by "" in "The Lantern Gazette" on 2019-04-03
}
