package ld_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/film2ld/film2ld/ld"
)

// TestPointerOffset: the value at each pointer is found where the text
// writes it, keys with "/" included; a pointer to nothing is not found.
func TestPointerOffset(t *testing.T) {
	doc := "\ufeff{\"@context\": \"https://schema.org\",\n \"@graph\": [{\"name\": \"a\"}, {\"http://schema.org/name\": [1, {\"@value\": 2e999}]}],\n \"n\" : -1}"
	for pointer, want := range map[string]string{
		"":                                 `{"@context"`,
		"/@context":                        `"https://schema.org"`,
		"/@graph":                          `[{"name"`,
		"/@graph/0/name":                   `"a"}`,
		"/@graph/1/http://schema.org/name": `[1, {`,
		"/@graph/1/http://schema.org/name/1/@value": `2e999}`,
		"/n": `-1}`,
	} {
		off, ok := ld.PointerOffset([]byte(doc), pointer)
		if !ok || !strings.HasPrefix(doc[off:], want) {
			t.Errorf("%q: offset %d, %v: %.12q; want %.12q", pointer, off, ok, doc[min(off, len(doc)):], want)
		}
	}
	for _, pointer := range []string{"/m", "/@graph/2", "/@graph/0/name/x", "name"} {
		if off, ok := ld.PointerOffset([]byte(doc), pointer); ok {
			t.Errorf("%q: found at %d; want none", pointer, off)
		}
	}
}

// TestInputPathErrorPlaced: the errors of the input check name the
// value's pointer, which PointerOffset finds in the document.
func TestInputPathErrorPlaced(t *testing.T) {
	for _, text := range []string{
		`{"@context": "https://schema.org", "@type": "Movie", "n": 1e999}`,
		`{"@context": "https://schema.org", "@graph": [{"@type": "Movie"}, {"@foo": "x"}]}`,
		`{"@context": "https://schema.org", "@id": "@bar", "name": "x"}`,
	} {
		p := ld.NewProcessor(ld.Config{})
		docs, err := p.Read(strings.NewReader(text), "in.jsonld", ld.InputJSONLD)
		if err == nil {
			_, err = p.Expand(docs[0], ld.Options{})
		}
		var pe *ld.InputPathError
		if !errors.As(err, &pe) || !errors.Is(err, ld.ErrInvalidInput) {
			t.Errorf("%s: %v; want an *InputPathError", text, err)
			continue
		}
		off, ok := ld.PointerOffset([]byte(text), pe.Pointer)
		if !ok {
			t.Errorf("%s: %q not found", text, pe.Pointer)
			continue
		}
		if v := text[off:]; !strings.HasPrefix(v, "1e999") && !strings.HasPrefix(v, `"x"`) && !strings.HasPrefix(v, `"@bar"`) {
			t.Errorf("%s: %q is at %.10q", text, pe.Pointer, v)
		}
	}
}

// FuzzPointerOffset: any text and pointer; a value found starts where a
// JSON value can.
func FuzzPointerOffset(f *testing.F) {
	f.Add(`{"a": [1, {"b/c": "x"}]}`, "/a/1/b/c")
	f.Add("\ufeff[true, null]", "/1")
	f.Add(`{"a": {"b": [[], {}]}, "c"`, "/c")
	f.Fuzz(func(t *testing.T, text, pointer string) {
		off, ok := ld.PointerOffset([]byte(text), pointer)
		if !ok {
			return
		}
		if off < 0 || off >= len(text) || !strings.ContainsRune(`{["-0123456789tfn`, rune(text[off])) {
			t.Errorf("%q in %q: offset %d", pointer, text, off)
		}
	})
}

// TestValueOffset: a NodeError's value is found at the first member of
// its property that holds it, directly or in an array, however deep and
// however escaped ("\/"), and not under another property.
func TestValueOffset(t *testing.T) {
	doc := `{"@context": "https://schema.org", "url": "/other/",
 "sameAs": ["/title/", "/x/"], "actor": [{"name": "/x/", "url": "\/x\/"}], "name": {"@value": "A", "@language": "EN_us"},
 "alternateName": "/d/", "director": [{"name": "/d/", "@id": "/d/"}], "about": {"url": {"@id": "/y/"}}}`
	for _, tt := range []struct {
		property, value string
		want            string // the text at the offset
	}{
		{"url", "/other/", `"/other/"`},
		{"sameAs", "/x/", `"/x/"], "actor"`},
		{"url", "/x/", `"\/x\/"}`},
		{"name", "/x/", `"/x/", "url"`},
		{"@language", "en_us", `"EN_us"`},
		{"name", "A", `"A", "@language"`},
		{"director", "/d/", `"/d/"}]`},
		{"url", "/y/", `"/y/"}}`},
	} {
		off, ok := ld.ValueOffset([]byte(doc), tt.property, tt.value)
		if !ok || !strings.HasPrefix(doc[off:], tt.want) {
			t.Errorf("ValueOffset(%s, %q) = %d, %v: at %.20q; want at %q", tt.property, tt.value, off, ok, doc[min(off, len(doc)):], tt.want)
		}
	}
	for _, tt := range [][2]string{{"image", "/x/"}, {"url", "/nowhere/"}, {"name", "EN_us"}, {"about", "/y/"}} {
		if off, ok := ld.ValueOffset([]byte(doc), tt[0], tt[1]); ok {
			t.Errorf("ValueOffset(%s, %q) = %d; want none", tt[0], tt[1], off)
		}
	}
}

// TestNodeErrorOffset: the processor's refusal of a bad language tag is
// placed at the tag as written (the error holds it in lower case),
// whether a value object or the context's default gives it, and of an
// ill-formed IRI at the "@id" that gives it.
func TestNodeErrorOffset(t *testing.T) {
	p := ld.NewProcessor(ld.Config{})
	for _, tt := range []struct{ doc, want string }{
		{`{"@context": "https://schema.org", "@type": "Movie", "name": "Mirror",
 "alternateName": [{"@value": "Mirror", "@language": "en"}, {"@value": "Mirror", "@language": "RU_ru"}]}`, `"RU_ru"}]}`},
		{`{"@context": ["https://schema.org", {"@language": "x y"}], "@type": "Movie", "name": "Mirror"}`, `"x y"}]`},
		{`{"@context": "https://schema.org", "@type": "Movie", "name": "http://a b",
 "sameAs": {"@id": "http://a b"}}`, `"http://a b"}}`},
	} {
		var doc any
		if err := json.Unmarshal([]byte(tt.doc), &doc); err != nil {
			t.Fatal(err)
		}
		_, err := p.ToNQuads(doc, ld.Options{})
		var ne *ld.NodeError
		if !errors.As(err, &ne) {
			t.Fatalf("%s: error %v, not a *NodeError", tt.doc, err)
		}
		off, ok := ne.Offset([]byte(tt.doc))
		if !ok || !strings.HasPrefix(tt.doc[off:], tt.want) {
			t.Errorf("%v: at %d, %v: %.20q; want at %q", err, off, ok, tt.doc[min(off, len(tt.doc)):], tt.want)
		}
	}
}

// TestNodeErrorEmptyIRI: an empty value where an IRI belongs ("image": "",
// which sites write for a missing picture) is named as empty, not quoted
// as the relative reference "".
func TestNodeErrorEmptyIRI(t *testing.T) {
	doc := map[string]any{"@context": "https://schema.org", "@type": "Person", "name": "Ken Watanabe", "image": ""}
	_, err := ld.NewProcessor(ld.Config{}).ToNQuads(doc, ld.Options{})
	if err == nil || !errors.Is(err, ld.ErrRelativeIRI) {
		t.Fatalf("error %v; want ErrRelativeIRI", err)
	}
	if msg := err.Error(); !strings.Contains(msg, "image: the value is empty") || strings.Contains(msg, `""`) {
		t.Errorf("error %q; want it to say the image is empty", msg)
	}
}
