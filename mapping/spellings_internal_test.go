package mapping

import (
	"fmt"
	"testing"
)

// TestSpellingSet: a spelling put is found again, short list or indexed,
// and one never put is not.
func TestSpellingSet(t *testing.T) {
	var s spellingSet
	want := map[string]*spelling{}
	for i := range 3 * indexPast {
		name := fmt.Sprintf("Anna Lindqvist %c", 'a'+i)
		if s.get(name) != nil {
			t.Fatalf("%q found before it was put", name)
		}
		sp := &spelling{}
		s.put(name, sp)
		want[name] = sp
		if s.len() != len(want) {
			t.Fatalf("len %d after %d puts", s.len(), len(want))
		}
		for n, sp := range want {
			if s.get(n) != sp {
				t.Fatalf("after %d puts, %q not found", len(want), n)
			}
		}
	}
	if s.index == nil {
		t.Errorf("no index past %d spellings", indexPast)
	}
}
