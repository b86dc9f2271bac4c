package reviews

import (
	"slices"
	"strings"
	"testing"
)

// keySamples are lines of every kind classify keys: headings with counts
// and colons, furniture, menus, prose, lines past ASCII.
var keySamples = []string{
	"", " ", ":", "Critic Reviews", "CRITIC REVIEWS (42):", "User Reviews (1,024)", "See all 12 critic reviews",
	"Share on Facebook", "Metacritic logo", "Load more", "Movies TV Shows Games Music", "Écrire une critique",
	"Critic Reviews\u00a0", "\tUser Score: ", "Summary (x)", "Reviews (12) ", "a\u2003b\u0085c", "bad \xff byte", "Follow us on X",
}

// appendHeadingKey gives headingKey's key, for any line.
func TestAppendHeadingKeyMatches(t *testing.T) {
	for _, l := range keySamples {
		checkHeadingKey(t, l)
	}
}

func FuzzAppendHeadingKey(f *testing.F) {
	for _, l := range keySamples {
		f.Add(l)
	}
	f.Fuzz(func(t *testing.T, l string) {
		checkHeadingKey(t, l)
		checkFields(t, l)
	})
}

func checkHeadingKey(t *testing.T, l string) {
	t.Helper()
	if got, want := string(appendHeadingKey([]byte("pre"), l)), "pre"+headingKey(l); got != want {
		t.Errorf("appendHeadingKey(%q) = %q; want %q", l, got, want)
	}
}

// nextField splits as strings.Fields does.
func TestNextFieldSplitsAsFields(t *testing.T) {
	for _, l := range keySamples {
		checkFields(t, l)
	}
}

func checkFields(t *testing.T, s string) {
	t.Helper()
	var got []string
	for w, rest := nextField(s); w != ""; w, rest = nextField(rest) {
		got = append(got, w)
	}
	if want := strings.Fields(s); !slices.Equal(got, want) || countFields(s) != len(want) {
		t.Errorf("nextField(%q) splits %q (%d); strings.Fields %q", s, got, countFields(s), want)
	}
}

// classify keys a short line without an allocation: its key is made on
// the stack.
func TestClassifyKeysWithoutAllocation(t *testing.T) {
	classify("Critic Reviews") // the tables, built once
	for _, l := range []string{"Critic Reviews", "Share on Facebook", "Menu"} {
		if n := testing.AllocsPerRun(50, func() { isFurniture(l) }); n != 0 {
			t.Errorf("isFurniture(%q): %.0f allocations; want none", l, n)
		}
	}
}
