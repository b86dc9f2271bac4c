package prize

import (
	"testing"

	"github.com/film2ld/film2ld/mapping/internal/mappertest"
)

// FuzzPrize feeds the mapper arbitrary bytes, seeded with the samples and
// our own films; see mappertest.Check for the properties it keeps.
func FuzzPrize(f *testing.F) {
	mappertest.AddSeeds(f, "../../testdata")
	f.Fuzz(func(t *testing.T, data []byte) {
		mappertest.Check(t, data, Parse)
		mappertest.CheckPeople(t, data, Parse)
	})
}
