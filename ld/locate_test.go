package ld

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	jld "github.com/piprate/json-gold/ld"
)

// expansionErrorOf expands data as convert reads a JSON-LD file, and
// returns expansion's error.
func expansionErrorOf(p *Processor, data []byte, name, base string) error {
	docs, err := p.Read(bytes.NewReader(data), name, InputJSONLD)
	if err != nil {
		return err
	}
	for _, d := range docs {
		if _, err := p.Expand(d, Options{Base: base}); err != nil {
			return err
		}
	}
	return nil
}

// TestExpansionErrorPointer: each of json-gold's refusals of one value is
// placed at that value, and where a keyword is written through an alias
// (which the search does not follow) it is not placed at all.
func TestExpansionErrorPointer(t *testing.T) {
	p := NewProcessor(Config{})
	for _, tt := range []struct {
		name, doc string
		code      jld.ErrorCode
		pointer   string // "" where it must not be placed
	}{
		{"language-tagged number", `{"@context": "https://schema.org", "@type": "Movie", "name": "A", "director": {"@value": 5, "@language": "en"}}`,
			jld.InvalidLanguageTaggedValue, "/director/@value"},
		{"language not a string, in a graph", `{"@context": "https://schema.org", "@graph": [{"@id": "urn:x:1", "name": "ok"}, {"@type": "Movie", "name": {"@value": "x", "@language": 7}}]}`,
			jld.InvalidLanguageTaggedString, "/@graph/1/name/@language"},
		{"@id a number", `{"@context": "https://schema.org", "@type": "Movie", "sameAs": {"@id": 5}}`, jld.InvalidIDValue, "/sameAs/@id"},
		{"@type and @language", `{"@context": "https://schema.org", "name": {"@value": "x", "@type": "Text", "@language": "en"}}`,
			jld.InvalidValueObject, "/name"},
		{"a value object's unknown key", `{"@context": "https://schema.org", "name": {"@value": "x", "extra": 1}}`, jld.InvalidValueObject, "/name/extra"},
		{"an object as @value", `{"@context": "https://schema.org", "name": {"@value": {"a": 1}}}`, jld.InvalidValueObjectValue, "/name/@value"},
		{"@type an object", `{"@context": "https://schema.org", "@type": {"a": 1}, "name": "x"}`, jld.InvalidTypeValue, "/@type"},
		{"@type a number in a list", `[{"@context": "https://schema.org", "name": "ok"}, {"@context": "https://schema.org", "@type": ["Movie", 3]}]`,
			jld.InvalidTypeValue, "/1/@type"},
		{"@index a number", `{"@context": "https://schema.org", "name": {"@value": "x", "@index": 5}}`, jld.InvalidIndexValue, "/name/@index"},
		{"@language through an alias", `{"@context": ["https://schema.org", {"lang": "@language"}], "name": {"@value": 5, "lang": "en"}}`,
			jld.InvalidLanguageTaggedValue, ""},
	} {
		err := expansionErrorOf(p, []byte(tt.doc), "d.jsonld", "")
		var je *jld.JsonLdError
		if !errors.As(err, &je) || je.Code != tt.code {
			t.Errorf("%s: expansion gave %v, want an error %q", tt.name, err, tt.code)
			continue
		}
		var doc any
		if err := decodeBytes([]byte(tt.doc), &doc); err != nil {
			t.Fatal(err)
		}
		got, ok := ExpansionErrorPointer(doc, err)
		if got != tt.pointer || ok != (tt.pointer != "") {
			t.Errorf("%s: placed at %q (%v), want %q", tt.name, got, ok, tt.pointer)
		}
		if off, ok := ExpansionErrorOffset([]byte(tt.doc), err); ok != (tt.pointer != "") || ok && off == 0 {
			t.Errorf("%s: offset %d (%v)", tt.name, off, ok)
		}
	}
	if _, ok := ExpansionErrorPointer(map[string]any{"@id": 5.0}, errors.New("invalid @id value")); ok {
		t.Error("an error that is not json-gold's was placed")
	}
}

// TestExpansionErrorPointerOnW3C: on every refusal of the W3C expansion
// suite of a kind ExpansionErrorPointer knows, a place it gives is a
// value at fault: with it removed, the document no longer gives that
// error there.
func TestExpansionErrorPointerOnW3C(t *testing.T) {
	dir := w3cDir()
	if dir == "" {
		t.Skip("W3C suites not found at ../../shared/w3c; set FILM2LD_W3C to their folder")
	}
	p := diffProcessor()
	placed, refused := 0, 0
	for _, c := range loadManifests(t, dir) {
		if c.manifest != "expand" || !c.negative {
			continue
		}
		if _, known := culprits[jld.ErrorCode(c.code)]; !known {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, "json-ld-api-tests", c.input))
		if err != nil {
			t.Fatal(err)
		}
		base := w3cBase + c.input
		err = expansionErrorOf(p, data, c.input, base)
		var je *jld.JsonLdError
		if !errors.As(err, &je) || string(je.Code) != c.code {
			continue // refused earlier, by the input check, or as processing mode 1.0 does
		}
		refused++
		var doc any
		if err := decodeBytes(data, &doc); err != nil {
			t.Fatal(err)
		}
		pointer, ok := ExpansionErrorPointer(doc, err)
		if !ok {
			t.Logf("%s: %v: not placed", c.key(), err)
			continue
		}
		placed++
		if _, ok := PointerOffset(data, pointer); !ok {
			t.Errorf("%s: placed at %q, which the text does not hold", c.key(), pointer)
			continue
		}
		if !removeAt(doc, "", pointer) {
			t.Fatalf("%s: %q not found to remove", c.key(), pointer)
		}
		again, err := encodeBytes(doc)
		if err != nil {
			t.Fatal(err)
		}
		err = expansionErrorOf(p, again, c.input, base)
		if errors.As(err, &je) && string(je.Code) == c.code {
			if second, _ := ExpansionErrorPointer(doc, err); second == pointer {
				t.Errorf("%s: with %q removed, the same error is placed there again", c.key(), pointer)
			}
		}
	}
	t.Logf("%d of %d refusals placed", placed, refused)
	if placed < 10 {
		t.Errorf("only %d of %d refusals placed", placed, refused)
	}
}

// removeAt removes the value at pointer (in InputPathError's form, keys
// unescaped) from v, at path; it reports whether it found it.
func removeAt(v any, path, pointer string) bool {
	switch v := v.(type) {
	case map[string]any:
		for k, e := range v {
			p := path + "/" + k
			switch {
			case p == pointer:
				delete(v, k)
				return true
			case strings.HasPrefix(pointer, p+"/") && removeAt(e, p, pointer):
				return true
			}
		}
	case []any:
		for i, e := range v {
			p := path + "/" + strconv.Itoa(i)
			if p == pointer {
				v[i] = nil // an array keeps its length: later pointers stay good
				return true
			}
			if strings.HasPrefix(pointer, p+"/") && removeAt(e, p, pointer) {
				return true
			}
		}
	}
	return false
}

// decodeBytes decodes JSON text as ExpansionErrorOffset does, numbers as
// written.
func decodeBytes(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	return dec.Decode(v)
}

// encodeBytes writes v as JSON text.
func encodeBytes(v any) ([]byte, error) { return json.Marshal(v) }
