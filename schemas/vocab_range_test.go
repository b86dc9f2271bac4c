package schemas

import (
	"reflect"
	"testing"

	"github.com/film2ld/film2ld/ld/schemaorg"
)

// TestRangeOfMemo holds the memoised sorting of ranges, which the
// vocabulary uses, to sorting each range on its own, for every property
// of the release.
func TestRangeOfMemo(t *testing.T) {
	memo := map[string]*rangeKinds{}
	n := 0
	for _, name := range schemaorg.Properties() {
		p, _ := schemaorg.Property(name)
		got, want := rangeOf(p.Range, memo), rangeOf(p.Range, nil)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: memoised %+v, alone %+v", name, got, want)
		}
		n++
	}
	if n < 1000 || len(memo) < 20 {
		t.Errorf("%d properties, %d range types: the comparison proves little", n, len(memo))
	}
}
