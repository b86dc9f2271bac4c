package locale

import (
	"strings"
	"testing"
)

// AppendLowerASCII gives strings.ToLower's bytes for ASCII, and declines
// anything else, leaving dst as given.
func TestAppendLowerASCII(t *testing.T) {
	for _, s := range []string{"", "Directed by", "CAST (in order of appearance):", "a-Z@[`{", "Étalonnage", "Cast\u00a0", "x\x7f"} {
		b, ok := AppendLowerASCII([]byte("pre:"), s)
		ascii := true
		for i := range len(s) {
			ascii = ascii && s[i] < 0x80
		}
		switch {
		case ok != ascii:
			t.Errorf("%q: ok %v", s, ok)
		case ok && string(b) != "pre:"+strings.ToLower(s):
			t.Errorf("%q: %q, want %q", s, b, "pre:"+strings.ToLower(s))
		case !ok && string(b) != "pre:":
			t.Errorf("%q: declined, but dst became %q", s, b)
		}
	}
}

// A lookup through AppendLowerASCII costs no allocation.
func TestLowerASCIILookupAllocatesNothing(t *testing.T) {
	table := map[string]int{"directed by": 1}
	var found int
	allocs := testing.AllocsPerRun(100, func() {
		var buf [64]byte
		if b, ok := AppendLowerASCII(buf[:0], "Directed By"); ok {
			found = table[string(b)]
		}
	})
	if found != 1 || allocs != 0 {
		t.Errorf("found %d with %.0f allocations; want 1 with none", found, allocs)
	}
}

// lookup's ASCII path finds what the key finds, for every name of every
// table as pages vary it, and for names in no table.
func TestLookupMatchesKey(t *testing.T) {
	tables := [][2]map[string]string{
		{countries(), plainCountries()}, {englishOnly(), plainEnglishOnly()},
		{otherCountries(), plainOthers()}, {languages(), plainLanguages()},
	}
	var names []string
	for _, tp := range tables {
		for k := range tp[0] {
			names = append(names, k, strings.ToUpper(k), " "+k+" ", strings.ReplaceAll(k, " and ", " & "), StripAccents(k))
		}
	}
	names = append(names, "", "Atlantis", "Bosnia & Herzegovina", "BOSNIA AND HERZEGOVINA", "Côte d’Ivoire", "Cote d'Ivoire", "Perú", "Peru", "\tFrance\n")
	for _, tp := range tables {
		for _, name := range names {
			gotV, gotOK := lookup(tp[0], tp[1], name)
			wantV, wantOK := lookupByKey(tp[0], tp[1], name)
			if gotV != wantV || gotOK != wantOK {
				t.Errorf("lookup(%q) = %q, %v; by the key %q, %v", name, gotV, gotOK, wantV, wantOK)
			}
		}
	}
}

func FuzzLookup(f *testing.F) {
	for _, s := range []string{"France", "bosnia & herzegovina", "Perú", "  Trinidad and Tobago "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		for _, tp := range [][2]map[string]string{{countries(), plainCountries()}, {languages(), plainLanguages()}} {
			gotV, gotOK := lookup(tp[0], tp[1], name)
			wantV, wantOK := lookupByKey(tp[0], tp[1], name)
			if gotV != wantV || gotOK != wantOK {
				t.Errorf("lookup(%q) = %q, %v; by the key %q, %v", name, gotV, gotOK, wantV, wantOK)
			}
		}
	})
}
