package lazyre_test

import (
	"bytes"
	"flag"
	"os"
	"testing"

	"github.com/film2ld/film2ld/mapping/internal/lazyre"
)

var update = flag.Bool("update", false, "rewrite filters_gen.go from the mappers' patterns")

// mapperPatterns are the patterns the mappers declare, taken before any
// test makes one of its own.
var mapperPatterns = lazyre.All()

// TestKnownFilters: filters_gen.go holds every mapper pattern's filter,
// equal to what newFilter derives (-update rewrites it after a pattern is
// added or changed), so that no process parses a pattern for its filter.
func TestKnownFilters(t *testing.T) {
	var exprs []string
	for _, r := range mapperPatterns {
		exprs = append(exprs, r.String())
	}
	src, err := lazyre.KnownFiltersSource(exprs)
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile("filters_gen.go", src, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("rewrote filters_gen.go with %d patterns; run the test again", len(exprs))
		return
	}
	for _, e := range exprs {
		if !lazyre.KnownFilterAgrees(e) {
			t.Errorf("filters_gen.go lacks, or differs on, %q; rerun with -update", e)
		}
	}
	if on, err := os.ReadFile("filters_gen.go"); err != nil || !bytes.Equal(on, src) {
		t.Errorf("filters_gen.go is not what -update writes (%v); rerun with -update", err)
	}
}
