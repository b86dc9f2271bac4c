package reviews

import (
	"testing"

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
	} {
		f.Add([]byte(page))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		mappertest.Check(t, data, Parse)
	})
}
