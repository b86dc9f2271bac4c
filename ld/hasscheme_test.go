package ld

import "testing"

// FuzzHasScheme holds hasScheme to schemeRE.
func FuzzHasScheme(f *testing.F) {
	for _, s := range []string{"http://a", "urn:x", "x-film2ld-http:", "1a:b", "a", ":", "a+b.c-d:", "é:", "A:"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if hasScheme(s) != schemeRE().MatchString(s) {
			t.Fatalf("hasScheme(%q) = %v, schemeRE says %v", s, hasScheme(s), schemeRE().MatchString(s))
		}
	})
}
