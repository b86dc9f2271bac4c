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

// FuzzPlainURL holds plainURL to its promise: every IRI it accepts passes
// json-gold's URL check, so that skipping the check for it changes
// nothing.
func FuzzPlainURL(f *testing.F) {
	for _, s := range plainURLCases {
		f.Add(s.iri)
	}
	f.Fuzz(func(t *testing.T, iri string) {
		if plainURL(iri) && !jld.IsURL(iri) {
			t.Fatalf("plainURL(%q) but json-gold's check refuses it", iri)
		}
	})
}

// plainURLCases are IRIs plainURL must take the fast way (the vocabulary,
// the hosts film pages link to) or leave to json-gold's check.
var plainURLCases = []struct {
	iri   string
	plain bool
}{
	{"http://schema.org/Movie", true},
	{"https://schema.org/", true},
	{"http://schema.org", true},
	{"https://www.rottentomatoes.com/m/illegal_2010", true},
	{"https://en.wikipedia.org/wiki/Illegal_(2010_film)#Cast", true},
	{"https://films.example/lighthouse-keeper.jpg?size=2&x=y", true},
	{"https://a-b.films-2.example/é/ü", true},
	{"https://ab.cd.example/x", true},
	{"https://ab.c.example/x", false},
	{"https://a.bc.example/x", false},
	{"https://ab.c-d.example/x", false},
	{"https://localhost/x", false},
	{"https://films.example:8080/x", false},
	{"https://user@films.example/x", false},
	{"https://luxprize.eu/movies/2010/ill%C3%A9gal-illegal", true},
	{"https://films.example/%4", false},
	{"https://films.example/%zz", false},
	{"https://films.example/a@b", false},
	{"https://films.ex4mple/x", false},
	{"https://films--x.example/x", false},
	{"https://-films.example/x", false},
	{"https://films.example./x", false},
	{"https://192.168.0.1/x", false},
	{"https://[::1]/x", false},
	{"https://日本.example/x", false},
	{"https://films.example/a b", false},
	{"ftp://films.example/x", false},
	{"urn:film2ld:film/x", false},
}

// TestPlainURL pins which IRIs take the fast way, and that each of them
// passes json-gold's check.
func TestPlainURL(t *testing.T) {
	for _, c := range plainURLCases {
		if got := plainURL(c.iri); got != c.plain {
			t.Errorf("plainURL(%q) = %v, want %v", c.iri, got, c.plain)
		}
		if c.plain && !jld.IsURL(c.iri) {
			t.Errorf("%q: plain, but json-gold's check refuses it", c.iri)
		}
	}
	// Every host of two to four labels from these pieces, which plainURL's
	// rules on the first and next-to-last labels tell apart.
	labels := []string{"a", "b2", "ab", "a-b", "a-bc", "1x", "x1y", "w-w-w", "www", "a--b", "-a"}
	tlds := []string{"x", "org", "museum", "c0m"}
	plain := 0
	var hosts func(prefix string, depth int)
	hosts = func(prefix string, depth int) {
		for _, tld := range tlds {
			for _, rest := range []string{"", "/", "/a/b?c=d#e", "?q", "#f", "/%C3%A9?%41#%7e"} {
				for _, scheme := range []string{"http://", "https://"} {
					iri := scheme + prefix + tld + rest
					if plainURL(iri) {
						plain++
						if !jld.IsURL(iri) {
							t.Errorf("plainURL(%q) but json-gold's check refuses it", iri)
						}
					}
				}
			}
		}
		if depth < 3 {
			for _, l := range labels {
				hosts(prefix+l+".", depth+1)
			}
		}
	}
	for _, l := range labels {
		hosts(l+".", 1)
	}
	if plain < 1000 {
		t.Errorf("only %d generated IRIs take the fast way", plain)
	}
}
