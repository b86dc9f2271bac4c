package mapping

import (
	"testing"

	"github.com/film2ld/film2ld/mapping/film"
)

// A reviewSet tells repeated reviews from new ones by their words, not by
// their hash: with every hash the same, only the true repeats are found,
// each pointing at the review it repeats.
func TestReviewSetCollidingHashes(t *testing.T) {
	src := &film.Source{Name: "page.txt"}
	review := func(author, body string, score string) *film.Review {
		rv := &film.Review{Author: film.Text{Value: author}, Body: film.Text{Value: body}}
		if score != "" {
			rv.Rating = &film.ReviewRating{Score: film.Number{Set: true, Literal: score}}
		}
		return rv
	}
	reviews := []*film.Review{
		review("Ann Lee", "Warm.", ""),
		review("Bo Ek", "Warm.", ""),
		review("ANN LÉE", "Warm.", ""), // the first, up to case and accents
		review("Ann Lee", "Warm.", "80"),
		review("Bo Ek", "Warm.", ""), // the second
		review("Ann Lee", "Warm.", "80"),
	}
	want := []int{-1, -1, 0, -1, 1, 3} // the review each repeats, -1 for none
	at := func(ref uint64) (*film.Review, place) { return reviews[ref], place{src, int32(ref) + 1} }
	oneHash := newReviewSet(0, at)
	oneHash.hash = func(string) uint64 { return 7 }
	for name, set := range map[string]*reviewSet{"real hash": newReviewSet(len(reviews), at), "one hash for all": oneHash} {
		for i, rv := range reviews {
			first, repeated := set.add(rv, place{src, int32(i) + 1}, uint64(i))
			switch {
			case want[i] < 0 && repeated:
				t.Errorf("%s: review %d taken for a repeat of line %d", name, i, first.line)
			case want[i] >= 0 && (!repeated || int(first.line) != want[i]+1):
				t.Errorf("%s: review %d: repeated %v of line %d; want line %d", name, i, repeated, first.line, want[i]+1)
			}
		}
	}
}
