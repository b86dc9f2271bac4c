package reviews

import (
	"fmt"
	"strings"
	"testing"
)

// bigPage is a page of n critic reviews in the sample's layout and n in the
// score-first card layout, the size of a popular film's full listing.
func bigPage(n int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Metascore: 71\nGenerally favorable reviews - based on %d Critics\n", 2*n)
	for i := range n {
		fmt.Fprintf(&b, "  %d. Reviewed by:\u00a0 Ann Lee\n    Mar 1, 2011\n    Review number %d, which says what it thinks of the film in a sentence or two.\n", 2*i+1, i)
		fmt.Fprintf(&b, "  %d. 80\n    The Daily Lamp\n    Bo Chan\n    Mar 2, 2011\n    Another review, number %d.\n    Read full review\n", 2*i+2, i)
	}
	return b.String()
}

// BenchmarkParse: compare runs with benchstat.
func BenchmarkParse(b *testing.B) {
	page := bigPage(5000)
	b.SetBytes(int64(len(page)))
	for b.Loop() {
		if _, err := Parse(strings.NewReader(page), "big.txt"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseLongReview: one review whose text runs over 100,000
// lines; time per byte stays that of BenchmarkParse's page.
func BenchmarkParseLongReview(b *testing.B) {
	page := longReviewPage(100000)
	b.SetBytes(int64(len(page)))
	for b.Loop() {
		if _, err := Parse(strings.NewReader(page), "long.txt"); err != nil {
			b.Fatal(err)
		}
	}
}
