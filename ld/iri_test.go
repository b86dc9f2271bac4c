package ld

import (
	"errors"
	"strings"
	"testing"
)

// TestResolveIRI checks RFC 3986's own examples (section 5.4) and the bases
// net/url and json-gold got wrong.
func TestResolveIRI(t *testing.T) {
	const base = "http://a/b/c/d;p?q"
	for ref, want := range map[string]string{
		"g:h": "g:h", "g": "http://a/b/c/g", "./g": "http://a/b/c/g", "g/": "http://a/b/c/g/",
		"/g": "http://a/g", "//g": "http://g", "?y": "http://a/b/c/d;p?y", "g?y": "http://a/b/c/g?y",
		"#s": "http://a/b/c/d;p?q#s", "g#s": "http://a/b/c/g#s", "g?y#s": "http://a/b/c/g?y#s",
		";x": "http://a/b/c/;x", "g;x": "http://a/b/c/g;x", "": "http://a/b/c/d;p?q", ".": "http://a/b/c/",
		"./": "http://a/b/c/", "..": "http://a/b/", "../": "http://a/b/", "../g": "http://a/b/g",
		"../..": "http://a/", "../../g": "http://a/g", "../../../g": "http://a/g", "/./g": "http://a/g",
		"/../g": "http://a/g", "g.": "http://a/b/c/g.", ".g": "http://a/b/c/.g", "g..": "http://a/b/c/g..",
		"./../g": "http://a/b/g", "./g/.": "http://a/b/c/g/", "g/./h": "http://a/b/c/g/h",
		"g/../h": "http://a/b/c/h", "g;x=1/./y": "http://a/b/c/g;x=1/y", "g;x=1/../y": "http://a/b/c/y",
		"g?y/./x": "http://a/b/c/g?y/./x", "g#s/../x": "http://a/b/c/g#s/../x", "http:g": "http:g",
	} {
		if got := resolveIRI(base, ref); got != want {
			t.Errorf("%q: got %s, want %s", ref, got, want)
		}
	}
	for _, tt := range [][3]string{
		{"http://a/bb/ccc/./d;p?q", "#s", "http://a/bb/ccc/./d;p?q#s"},
		{"tag:example", "a", "tag:a"},
		{"tag:example/foo", "a", "tag:example/a"},
		{"http://ab//de//ghi", "xyz", "http://ab//de//xyz"},
		{"http://abc/def/ghi", ".?a=b", "http://abc/def/?a=b"},
		{"https://films.example/m/", "Le Samouraï", "https://films.example/m/Le Samouraï"},
	} {
		if got := resolveIRI(tt[0], tt[1]); got != tt[2] {
			t.Errorf("%q against %q: got %s, want %s", tt[1], tt[0], got, tt[2])
		}
	}
}

// TestDocumentBase checks that @base inside a document wins over the base
// the caller gives, as JSON-LD says, and that the caller's base still
// applies where the document sets none.
func TestDocumentBase(t *testing.T) {
	p := NewProcessor(Config{})
	opts := Options{Base: "https://films.example/catalogue/list.html"}
	doc := func(base any) map[string]any {
		ctx := map[string]any{"name": "https://schema.org/name", "@vocab": "https://schema.org/"}
		if base != "absent" {
			ctx["@base"] = base
		}
		return map[string]any{"@context": ctx, "@id": "film/1", "@type": "Movie", "name": "Heat",
			"sameAs": map[string]any{"@id": "#trailer"}}
	}
	for _, tt := range []struct {
		base any
		want []string
	}{
		{"absent", []string{"<https://films.example/catalogue/film/1>", "<https://films.example/catalogue/list.html#trailer>"}},
		{"", []string{"<https://films.example/catalogue/film/1>", "<https://films.example/catalogue/list.html#trailer>"}},
		{"..", []string{"<https://films.example/film/1>", "<https://films.example/#trailer>"}},
		{"https://other.example/a/b", []string{"<https://other.example/a/film/1>", "<https://other.example/a/b#trailer>"}},
		{"tag:films.example,2026:", []string{"<tag:film/1>", "<tag:films.example,2026:#trailer>"}},
	} {
		nq, err := p.ToNQuads(doc(tt.base), opts)
		if err != nil {
			t.Errorf("@base %v: %v", tt.base, err)
			continue
		}
		for _, w := range tt.want {
			if !strings.Contains(nq, w) {
				t.Errorf("@base %v: no %s in\n%s", tt.base, w, nq)
			}
		}
	}
	// "@base": null leaves references relative, whatever the caller's base.
	if _, err := p.ToNQuads(doc(nil), opts); !errors.Is(err, ErrRelativeIRI) {
		t.Errorf("@base null: err = %v, want ErrRelativeIRI", err)
	}
}

// TestRelativeType checks that a relative node type is resolved against the
// base like an @id, and refused without one.
func TestRelativeType(t *testing.T) {
	p := NewProcessor(Config{})
	doc := map[string]any{"@id": "https://films.example/m/1", "@type": "types#Cut", "https://schema.org/name": "Heat"}
	nq, err := p.ToNQuads(doc, Options{Base: "https://films.example/m/"})
	if err != nil || !strings.Contains(nq, "<https://films.example/m/types#Cut>") {
		t.Errorf("relative @type with a base: %v\n%s", err, nq)
	}
	if _, err := p.ToNQuads(doc, Options{}); !errors.Is(err, ErrRelativeIRI) {
		t.Errorf("relative @type without a base: err = %v, want ErrRelativeIRI", err)
	}
}

// TestRepeatedListsKept checks that two equal lists of one property are two
// lists, as in json-gold and jsonld.js (the node map used to merge them).
func TestRepeatedListsKept(t *testing.T) {
	p := NewProcessor(Config{})
	list := map[string]any{"@list": []any{"a", "b"}}
	doc := map[string]any{"@id": "https://films.example/m/1", "https://films.example/v/p": []any{list, list}}
	nq, err := p.ToNQuads(doc, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(nq, "\n"); n != 10 {
		t.Errorf("%d statements, want 10 (two links, two lists of two):\n%s", n, nq)
	}
}

// FuzzResolveIRI checks that resolution never panics, always gives an
// absolute IRI against an absolute base, and is stable: the result
// resolved again is itself.
func FuzzResolveIRI(f *testing.F) {
	for _, s := range []string{"g", "../g", "#s", "?y", "//g", "", ".", "./g/.", "g;x=1/../y", "tag:a", "/../..//x"} {
		f.Add("http://a/b/c/d;p?q", s)
		f.Add("tag:example/foo", s)
	}
	f.Fuzz(func(t *testing.T, base, ref string) {
		if !schemeRE().MatchString(base) {
			return
		}
		got := resolveIRI(base, ref)
		if !schemeRE().MatchString(got) {
			t.Fatalf("resolveIRI(%q, %q) = %q, not absolute", base, ref, got)
		}
		if again := resolveIRI(base, got); again != got {
			t.Fatalf("resolveIRI(%q, %q) = %q, but once more %q", base, ref, got, again)
		}
	})
}
