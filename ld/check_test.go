package ld_test

import (
	"encoding/json"
	"errors"
	"maps"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/film2ld/film2ld/ld"
)

// TestChecks pins the exact error text for values that json-gold would drop
// or write as invalid N-Quads.
func TestChecks(t *testing.T) {
	movie := func(kv ...any) map[string]any {
		m := map[string]any{"@context": "https://schema.org", "@type": "Movie", "name": "Heat"}
		for i := 0; i < len(kv); i += 2 {
			m[kv[i].(string)] = kv[i+1]
		}
		return m
	}
	tests := []struct {
		name string
		doc  any
		opts ld.Options
		err  error
		msg  string
	}{
		{"relative image", movie("image", "poster.jpg"), ld.Options{}, ld.ErrRelativeIRI,
			`Movie "Heat": image: relative IRI reference "poster.jpg" (give a base IRI to resolve it)`},
		{"relative @id", movie("@id", "heat"), ld.Options{}, ld.ErrRelativeIRI,
			`Movie "Heat": @id: relative IRI reference "heat" (give a base IRI to resolve it)`},
		{"space in IRI", movie("url", "https://films.example/a b"), ld.Options{}, ld.ErrInvalidIRI,
			`Movie "Heat": url: invalid IRI "https://films.example/a b"`},
		{"angle bracket in IRI", movie("sameAs", "https://films.example/a>b"), ld.Options{}, ld.ErrInvalidIRI,
			`Movie "Heat": sameAs: invalid IRI "https://films.example/a>b"`},
		{"quote in @id", movie("@id", `https://films.example/"x"`), ld.Options{}, ld.ErrInvalidIRI,
			`Movie "Heat": @id: invalid IRI "https://films.example/\"x\""`},
		{"backslash in nested IRI", movie("director", map[string]any{"@type": "Person", "name": "Mann", "url": `https://films.example\mann`}), ld.Options{}, ld.ErrInvalidIRI,
			`Person "Mann": url: invalid IRI "https://films.example\\mann"`},
		// json-gold reads it as relative (Go's URL parser refuses it)
		// and would drop the statement; jsonld.js keeps it as it is.
		{"bad escape in URL", movie("url", "https://films.example/%zz"), ld.Options{}, ld.ErrInvalidIRI,
			`Movie "Heat": url: invalid IRI "https://films.example/%zz"`},
		{"bad host in URL", movie("url", "https://films{x}.example/"), ld.Options{}, ld.ErrInvalidIRI,
			`Movie "Heat": url: invalid IRI "https://films{x}.example/"`},
		// json-gold's URL check refuses these; jsonld.js keeps them.
		{"URL with a host of a hyphen", movie("url", "https://-/x"), ld.Options{}, nil, ""},
		{"URL of a single label", movie("url", "http://localhost:8080/x"), ld.Options{}, nil, ""},
		{"unpaired surrogate", movie("description", "half \xed\xa0\x80"), ld.Options{}, ld.ErrInvalidLiteral,
			`Movie "Heat": description: invalid literal: not valid UTF-8 (an unpaired surrogate?) "half \xed\xa0\x80"`},
		{"language tag", movie("description", map[string]any{"@value": "x", "@language": "en_US"}), ld.Options{}, ld.ErrInvalidLanguage,
			`Movie "Heat": description: invalid language tag "en_us" "x"`},
		// A whole number past 2^53 that a double holds is JSON-LD's:
		// xsd:double from 10^21, an xsd:integer below (TestLargeIntegers).
		{"huge integer", movie("size", 1e300), ld.Options{}, nil, ""},
		{"blank node reached through property", movie("actor", map[string]any{"@type": "PerformanceRole", "url": "rel"}), ld.Options{}, ld.ErrRelativeIRI,
			`PerformanceRole (actor of Movie "Heat"): url: relative IRI reference "rel" (give a base IRI to resolve it)`},
		{"unknown keyword", movie("@foo", "x"), ld.Options{}, ld.ErrInvalidInput,
			`ld: expand: invalid JSON-LD input: /@foo: unknown keyword "@foo" would be dropped`},
		// The empty key names no property: json-gold dropped it in
		// silence (jsonld.js reads it as <http://schema.org/>). In a
		// nested node too; inside a JSON literal it is the literal's.
		{"empty key", movie("", "x"), ld.Options{}, ld.ErrInvalidInput,
			`ld: expand: invalid JSON-LD input: /: the empty key "" names no property: JSON-LD would drop it (or, in some processors, read it as the vocabulary's own IRI)`},
		{"empty key nested", movie("director", map[string]any{"@type": "Person", "name": "Mann", "": "x"}), ld.Options{}, ld.ErrInvalidInput, ""},
		{"empty key in a JSON literal", map[string]any{"@context": map[string]any{"@vocab": "https://schema.org/"},
			"@id": "https://films.example/m", "data": map[string]any{"@value": map[string]any{"": 1}, "@type": "@json"}}, ld.Options{}, nil, ""},
		{"empty key under a term typed @json", map[string]any{"@context": map[string]any{"@vocab": "https://schema.org/", "data": map[string]any{"@type": "@json"}},
			"@id": "https://films.example/m", "data": map[string]any{"": 1}}, ld.Options{}, nil, ""},
		// "@" and "@foo.bar" have no keyword form: terms like any other.
		{"term starting with @", map[string]any{"@context": map[string]any{"@foo.bar": "https://films.example/v/foo", "@": "https://films.example/v/at"},
			"@id": "https://films.example/m", "@foo.bar": "x", "@": "y"}, ld.Options{}, nil, ""},
		{"Go struct", map[string]any{"@context": "https://schema.org", "name": struct{}{}}, ld.Options{}, ld.ErrInvalidInput,
			`ld: expand: invalid JSON-LD input: /name: unsupported Go type struct {}`},
		{"NaN", movie("size", math.NaN()), ld.Options{}, ld.ErrInvalidInput,
			`ld: expand: invalid JSON-LD input: /size: number NaN has no JSON form`},
		{"remote context", map[string]any{"@context": "https://films.example/ctx.jsonld", "name": "x"}, ld.Options{}, ld.ErrRemoteContext, ""},
		{"relative with base", movie("image", "poster.jpg"), ld.Options{Base: "https://films.example/m/"}, nil, ""},
		// With a base, a reference is still checked as written: json-gold
		// would have turned the space into %20 (schema.org example 449).
		{"space in relative with base", movie("image", "my poster.jpg"), ld.Options{Base: "https://films.example/m/"}, ld.ErrInvalidIRI,
			`Movie "Heat": image: invalid IRI "my poster.jpg"`},
		// Without a context every term would be dropped (schema.org example 348).
		{"no context", map[string]any{"@type": "Movie", "name": "Heat"}, ld.Options{}, ld.ErrInvalidInput,
			`ld: expand: invalid JSON-LD input: no @context, so the term "name" has no meaning (add "@context": "https://schema.org")`},
		// json-gold panics resolving this one (schema.org example 451).
		{"colon in first segment with base", movie("url", "1.2.3.4:80"), ld.Options{Base: "https://films.example/"}, ld.ErrInvalidIRI,
			`Movie "Heat": url: invalid IRI: not a relative reference "1.2.3.4:80"`},
		{"Go ints", movie("copyrightYear", 1995, "size", int64(3)), ld.Options{}, nil, ""},
		{"tab and newline", movie("description", "a\tb\nc\r"), ld.Options{}, nil, ""},
	}
	p := ld.NewProcessor(ld.Config{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := p.ToNQuads(tt.doc, tt.opts)
			if !errors.Is(err, tt.err) || (tt.err == nil) != (err == nil) {
				t.Fatalf("err = %v, want %v", err, tt.err)
			}
			if tt.msg != "" && err.Error() != tt.msg {
				t.Errorf("message\n got: %s\nwant: %s", err, tt.msg)
			}
			var ne *ld.NodeError
			if errors.Is(err, ld.ErrInvalidIRI) && !errors.As(err, &ne) {
				t.Error("not a *NodeError")
			}
		})
	}
}

// TestNoSilentLoss checks that a base IRI resolves what would otherwise be
// an error, and that the statement is there.
func TestNoSilentLoss(t *testing.T) {
	p := ld.NewProcessor(ld.Config{})
	doc := map[string]any{"@context": "https://schema.org", "@type": "Movie", "image": "poster.jpg"}
	nq, err := p.ToNQuads(doc, ld.Options{Base: "https://films.example/m/1"})
	if err != nil {
		t.Fatal(err)
	}
	want := "_:b0 <http://schema.org/image> <https://films.example/m/poster.jpg> .\n" +
		"_:b0 <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://schema.org/Movie> .\n"
	if nq != want {
		t.Errorf("got\n%s\nwant\n%s", nq, want)
	}
}

func TestFromNQuadsErrors(t *testing.T) {
	tests := []struct {
		in, msg string
		err     error
	}{
		{"<https://a.example/s> <https://a.example/p> \"x\" .\n<https://a.example/s> <p> \"y\" .\n",
			`in.nq:2:23: relative IRI reference "p"`, ld.ErrRelativeIRI},
		{"# comment\n\n<https://a.example/s> <https://a.example/p> .\n", "", ld.ErrSyntax},
		// N-Quads to N-Quads, json-gold's URL check is no reason to refuse
		// an IRI: a malformed one is refused for what it is.
		{"<https://a.example/s> <https://a.example/p> <https://a.example:port/> .\n",
			`in.nq:1:45: invalid IRI "https://a.example:port/"`, ld.ErrInvalidIRI},
	}
	p := ld.NewProcessor(ld.Config{})
	for _, tt := range tests {
		_, err := p.FromNQuads(stringsReader(tt.in), "in.nq")
		var pe *ld.PosError
		if !errors.Is(err, tt.err) || !errors.As(err, &pe) {
			t.Errorf("%q: err = %v, want %v at a position", tt.in, err, tt.err)
			continue
		}
		if tt.msg != "" && err.Error() != tt.msg {
			t.Errorf("message\n got: %s\nwant: %s", err, tt.msg)
		}
	}
}

// TestContextErrorsDeterministic: a context with two bad terms, a term
// definition with two bad keys, a bad container, two keyword
// redefinitions and a document with several bad values give the same
// error on every run, and a lenient run the same drops (json-gold named whichever its map iteration met first,
// and listed the valid containers in map order: the W3C toRdf e071 and
// em01 cases gave a new message on each convert).
func TestContextErrorsDeterministic(t *testing.T) {
	p := ld.NewProcessor(ld.Config{})
	for _, doc := range []string{
		`{"@context": {"v": "http://example.com/vocab#", "v:term": "v:somethingElse", "v:termId": {"@id": "v:somethingElseId"}, "v:termX": "v:other"}, "v:term": "x"}`,
		`{"@context": {"t": {"@id": "http://example.com/t", "@bad": 1, "@worse": 2, "@worst": 3}}, "t": "x"}`,
		`{"@context": {"t": {"@id": "http://example.com/t", "@container": "@bad"}, "u": {"@id": "http://example.com/u", "@container": "@worse"}}, "t": "x"}`,
		`{"@context": {"@type": {"@container": "@list"}, "@id": "x", "@base": null}, "t": "x"}`,
		`{"@context": "https://schema.org", "name": 1e400, "description": 9007199254740993, "url": "@ignoreMe", "@foo": 1, "@bar": 2}`,
	} {
		seen := map[string]bool{}
		for range 40 {
			docs, err := p.Read(strings.NewReader(doc), "doc.jsonld", ld.InputJSONLD)
			if err != nil {
				t.Fatal(err)
			}
			_, err = p.Expand(docs[0], ld.Options{})
			if err == nil {
				t.Fatalf("%s: expanded", doc)
			}
			seen[err.Error()] = true
		}
		if len(seen) != 1 {
			t.Errorf("%s: %d different errors: %v", doc, len(seen), slices.Sorted(maps.Keys(seen)))
		}
	}
	// A lenient run names the same first place of each kind it drops.
	doc := `{"@context": "https://schema.org", "@type": "Movie", "@foo": 1, "@bar": 2, "@baz": 3, "review": {"@qux": 1, "@quux": 2}}`
	seen := map[string]bool{}
	for range 40 {
		docs, err := p.Read(strings.NewReader(doc), "doc.jsonld", ld.InputJSONLD)
		if err != nil {
			t.Fatal(err)
		}
		d := &ld.Dropped{}
		if _, err := p.Expand(docs[0], ld.Options{Lenient: d}); err != nil {
			t.Fatal(err)
		}
		b, _ := json.Marshal(d.Drops())
		seen[string(b)] = true
	}
	if len(seen) != 1 {
		t.Errorf("lenient drops: %d different reports: %v", len(seen), slices.Sorted(maps.Keys(seen)))
	}
}

// An http(s) IRI of 2,083 characters or more, which json-gold's URL
// check refuses for its length alone (and its conversion to RDF would
// drop), is kept as jsonld.js keeps it: it was refused, even from N-Quads
// to N-Quads, and as a film page's link.
func TestLongHTTPIRIKept(t *testing.T) {
	p := ld.NewProcessor(ld.Config{})
	for _, n := range []int{2082, 2083, 10000} {
		iri := "http://e.org/" + strings.Repeat("x", n-len("http://e.org/"))
		docs, err := p.Read(strings.NewReader(`{"@context": "https://schema.org", "@id": "`+iri+`", "@type": "Movie", "url": "`+iri+`"}`), "long.jsonld", ld.InputJSONLD)
		if err != nil {
			t.Fatal(err)
		}
		nq, err := p.ToNQuads(docs[0], ld.Options{})
		want := "<" + iri + "> <http://schema.org/url> <" + iri + "> .\n" +
			"<" + iri + "> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://schema.org/Movie> .\n"
		if err != nil || nq != want {
			t.Errorf("an IRI of %d characters: %v\n%.200s", n, err, nq)
			continue
		}
		quads, err := ld.ReadNQuads(strings.NewReader(nq), "long.nq")
		if err != nil || len(quads) != 2 {
			t.Errorf("an IRI of %d characters, from N-Quads: %d statements, %v", n, len(quads), err)
		}
	}
}
