package ld

import (
	"net/url"
	"testing"
)

// FuzzTakenAbsolute: takenAbsolute is url.Parse succeeding with a scheme,
// for every IRI checkIRI lets through: its shortcut never skips a parse
// that would fail.
func FuzzTakenAbsolute(f *testing.F) {
	for _, s := range []string{"urn:film2ld:person/ann", "http://example.org/a", "http:/%0X00", "http://[::1", "http://a:bc/",
		"http://a:80/", "http://u@a/", "x:y#%zz", "x:y?%zz", "mailto:a%zz", "ni:///sha-256;abc", "A0000:0", "1a:b", "a+b.c-d:e", "http://a/b:c", "http://a{b/", "x://a|b/c", "https://a^b`c}/"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, iri string) {
		if checkIRI(iri, false) != nil {
			return
		}
		u, err := url.Parse(iri)
		want := err == nil && u.IsAbs()
		if got := takenAbsolute(iri); got != want {
			t.Fatalf("takenAbsolute(%q) = %v; url.Parse: %v, absolute %v", iri, got, err, want)
		}
	})
}
