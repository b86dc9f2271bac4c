package ld

import (
	"strings"
	"testing"
	"unicode/utf8"

	jld "github.com/piprate/json-gold/ld"
)

// FuzzURLKey holds urlKey to its promise: two IRIs that reach json-gold's
// URL check (checkIRI refuses the others first) and share a key pass or
// fail that check together.
func FuzzURLKey(f *testing.F) {
	for _, s := range [][3]string{
		{"films.example", "/m/1", "/p/2?x=1#y"},
		{"films.example:8080", "/a", ""},
		{"bad_host!", "/a", "/b"},
		{"a..b", "/x", "/y"},
		{"user@host", "/a", "/b@c"},
		{"host", "/a%zz", "/b"},
		{"[::1]", "/a", "#b"},
		{"日本.example", "/a", "?q"},
		{"-x.example", "/a", "/b"},
	} {
		f.Add("http://", s[0], s[1], s[2])
		f.Add("https://", s[0], s[1], s[2])
	}
	f.Fuzz(func(t *testing.T, scheme, authority, rest1, rest2 string) {
		if scheme != "http://" && scheme != "https://" {
			scheme = "http://"
		}
		a, b := scheme+authority+rest1, scheme+authority+rest2
		if !reachesURLCheck(a) || !reachesURLCheck(b) || urlKey(a) != urlKey(b) {
			return
		}
		if ga, gb := jld.IsURL(a), jld.IsURL(b); ga != gb {
			t.Fatalf("urlKey %q for both, but IsURL(%q) = %v, IsURL(%q) = %v", urlKey(a), a, ga, b, gb)
		}
	})
}

// reachesURLCheck is checkIRI's part before json-gold's URL check.
func reachesURLCheck(iri string) bool {
	if !utf8.ValidString(iri) || strings.Count(iri, "#") > 1 {
		return false
	}
	for _, r := range iri {
		if r <= 0x20 || strings.ContainsRune("<>\"{}|^`\\", r) || (r >= 0x7f && r <= 0x9f) {
			return false
		}
	}
	return true
}

// TestURLKey pins which IRIs share a key.
func TestURLKey(t *testing.T) {
	same := [][2]string{
		{"http://films.example/m/1", "http://films.example/p/2?x#y"},
		{"https://a.example:8080/x", "https://a.example:8080?q"},
	}
	for _, p := range same {
		if urlKey(p[0]) != urlKey(p[1]) {
			t.Errorf("%q and %q have different keys", p[0], p[1])
		}
	}
	own := []string{"http://films.example", "http:///x", "http://a.example/%41", "http://u@a.example/x", "http://a.example/x@y", "urn:x"}
	for _, iri := range own {
		if urlKey(iri) != iri {
			t.Errorf("urlKey(%q) = %q, want the IRI itself", iri, urlKey(iri))
		}
	}
}

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
