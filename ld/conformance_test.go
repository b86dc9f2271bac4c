package ld_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/film2ld/film2ld/ld"
)

// TestCanonicalMatchesReference compares film2ld's canonical N-Quads with the
// bytes jsonld.js wrote (see testdata/README.md).
func TestCanonicalMatchesReference(t *testing.T) {
	p := ld.NewProcessor(ld.Config{})
	for _, f := range loadFixtures(t) {
		t.Run(f.name, func(t *testing.T) {
			got, err := p.Canonical(f.doc, f.opts)
			if err != nil {
				t.Fatal(err)
			}
			if got != f.expected {
				t.Errorf("canonical N-Quads differ from jsonld.js\n got:\n%s\nwant:\n%s", got, f.expected)
			}
		})
	}
}

// TestRoundTrips checks that every JSON-LD form film2ld writes reads back as
// the same graph, and that N-Quads survive a trip through JSON-LD.
func TestRoundTrips(t *testing.T) {
	p := ld.NewProcessor(ld.Config{})
	for _, f := range loadFixtures(t) {
		t.Run(f.name, func(t *testing.T) {
			same := func(form string, doc any) {
				t.Helper()
				got, err := p.Canonical(roundTripJSON(t, doc), ld.Options{})
				if err != nil {
					t.Fatalf("%s: %v", form, err)
				}
				if got != f.expected {
					t.Errorf("%s changed the graph\n got:\n%s\nwant:\n%s", form, got, f.expected)
				}
			}
			expanded, err := p.Expand(f.doc, f.opts)
			if err != nil {
				t.Fatal(err)
			}
			same("expand", expanded)
			compacted, err := p.Compact(expanded, ld.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if compacted["@context"] != "https://schema.org" {
				t.Errorf("compact: @context = %v", compacted["@context"])
			}
			same("expand → compact", compacted)
			flat, err := p.Flatten(f.doc, f.opts)
			if err != nil {
				t.Fatal(err)
			}
			same("flatten", flat)

			var jsonld strings.Builder
			if err := p.Write(&jsonld, f.doc, ld.FormatJSONLD, f.opts); err != nil {
				t.Fatal(err)
			}
			var back any
			readJSONString(t, jsonld.String(), &back)
			same("jsonld format", back)

			// N-Quads → JSON-LD → N-Quads.
			fromNQ, err := p.FromNQuads(strings.NewReader(f.expected), f.name+".nq")
			if err != nil {
				t.Fatal(err)
			}
			same("from N-Quads", fromNQ)
			nq, err := p.ToNQuads(fromNQ, ld.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(f.expected, "_:") && nq != f.expected {
				t.Errorf("ground graph N-Quads changed on the trip\n got:\n%s\nwant:\n%s", nq, f.expected)
			}
		})
	}
}

func TestCompactUsesKeywords(t *testing.T) {
	p := ld.NewProcessor(ld.Config{})
	doc := map[string]any{
		"@context": "https://schema.org",
		"type":     "Movie",
		"id":       "https://films.example/m/1",
		"name":     "Aliased",
		// A property that happens to be called "type": it must not come out
		// as the "type" alias, which would read back as @type.
		"http://schema.org/type": "not a keyword",
	}
	c, err := p.Compact(doc, ld.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if c["@type"] != "Movie" || c["@id"] != "https://films.example/m/1" {
		t.Errorf("keywords not used: %v", c)
	}
	if _, ok := c["type"]; ok {
		t.Errorf("alias used: %v", c)
	}
	if c["schema:type"] != "not a keyword" {
		t.Errorf("schema:type property = %v in %v", c["schema:type"], c)
	}
	want, _ := p.Canonical(doc, ld.Options{})
	got, _ := p.Canonical(roundTripJSON(t, c), ld.Options{})
	if got != want {
		t.Errorf("graph changed:\n%s\nwant\n%s", got, want)
	}
}

func TestFrame(t *testing.T) {
	p := ld.NewProcessor(ld.Config{})
	doc := loadDoc(t, "sdo-eg-0459") // a Movie with Movies inside (workExample)
	framed, err := p.Frame(doc, "Movie", ld.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if framed["name"] != "The Hitchhiker's Guide to the Galaxy" {
		t.Errorf("root is not the outer Movie: %v", framed["name"])
	}
	if _, ok := framed["@graph"]; ok {
		t.Error("embedded Movies repeated at the top level")
	}

	// A graph whose Review points at the Movie cannot be framed on Movie
	// without leaving the Review out.
	_, err = p.Frame(loadDoc(t, "graph-reverse"), "Movie", ld.Options{})
	if !errors.Is(err, ld.ErrUnreachable) || !strings.Contains(err.Error(), `CriticReview`) {
		t.Errorf("err = %v, want ErrUnreachable naming the CriticReview", err)
	}
	// Framed on the review instead, everything is reachable.
	if _, err := p.Frame(loadDoc(t, "graph-reverse"), "CriticReview", ld.Options{}); err != nil {
		t.Error(err)
	}
	_, err = p.Frame(doc, "TVSeries", ld.Options{})
	if !errors.Is(err, ld.ErrNoRoot) {
		t.Errorf("err = %v, want ErrNoRoot", err)
	}
}

// TestJSONLDFormatFramesFlatInput checks that the jsonld format nests a
// flattened document under its root.
func TestJSONLDFormatFramesFlatInput(t *testing.T) {
	p := ld.NewProcessor(ld.Config{})
	flat, err := p.Flatten(loadDoc(t, "movie-roles"), ld.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	if err := p.Write(&out, roundTripJSON(t, flat), ld.FormatJSONLD, ld.Options{}); err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	readJSONString(t, out.String(), &doc)
	if doc["@type"] != "Movie" || doc["@id"] != "https://films.example/m/le-samourai" {
		t.Fatalf("root is not the Movie:\n%s", out.String())
	}
	review, _ := doc["review"].(map[string]any)
	if _, ok := review["reviewRating"].(map[string]any); !ok {
		t.Errorf("review not embedded:\n%s", out.String())
	}
}
