package ld_test

import (
	"encoding/json"
	"strings"
	"testing"

	jld "github.com/piprate/json-gold/ld"

	"github.com/film2ld/film2ld/ld"
)

// json-gold v0.9 changed two things film2ld relied on (UPSTREAM.md,
// "json-gold v0.9.x"); these tests pin film2ld's behaviour so that neither
// change, nor a later one, reaches film2ld's output.

func decodeJSON(t *testing.T, s string) any {
	t.Helper()
	var v any
	if err := json.Unmarshal([]byte(s), &v); err != nil {
		t.Fatal(err)
	}
	return v
}

// TestKeywordLikeFramingValues: json-gold v0.9.1's IsKeyword counts the
// @embed values and @null as keywords. To JSON-LD 1.1 (and jsonld.js) they
// are only of the form of a keyword, so a key, an @id or a @type of that form
// is ignored and a term of that form in a context is not defined; film2ld
// refuses each by name, or drops it with Lenient, as for any other such word.
// The lenient statements are jsonld.js 9's toRDF output, except for @type,
// where jsonld.js's toRDF fails on the null type its expansion leaves.
func TestKeywordLikeFramingValues(t *testing.T) {
	p := ld.NewProcessor(ld.Config{})
	for _, kw := range []string{"@always", "@last", "@never", "@null", "@once", "@ignoreMe"} {
		cases := []struct {
			name, doc, strictErr, lenientNQ string
		}{
			{"key", `{"@context": {"@vocab": "https://schema.org/"}, "@id": "https://films.example/p", "KW": "y", "name": "Ada"}`,
				"unknown keyword", `<https://films.example/p> <https://schema.org/name> "Ada" .` + "\n"},
			{"@id", `{"@context": {"@vocab": "https://schema.org/"}, "@id": "KW", "name": "Ada"}`,
				"looks like a keyword", `_:b0 <https://schema.org/name> "Ada" .` + "\n"},
			{"@type", `{"@context": {"@vocab": "https://schema.org/"}, "@id": "https://films.example/p", "@type": "KW", "name": "Ada"}`,
				"looks like a keyword", `<https://films.example/p> <https://schema.org/name> "Ada" .` + "\n"},
			{"term", `{"@context": {"@vocab": "https://schema.org/", "KW": "https://films.example/v#p"}, "@id": "https://films.example/p", "name": "Ada"}`,
				"unknown keyword", `<https://films.example/p> <https://schema.org/name> "Ada" .` + "\n"},
		}
		for _, c := range cases {
			doc := strings.ReplaceAll(c.doc, "KW", kw)
			_, err := p.Expand(decodeJSON(t, doc), ld.Options{})
			if err == nil || !strings.Contains(err.Error(), c.strictErr) || !strings.Contains(err.Error(), kw) {
				t.Errorf("%s as %s: error %v, want one naming %s with %q", kw, c.name, err, kw, c.strictErr)
			}
			nq, err := p.ToNQuads(decodeJSON(t, doc), ld.Options{Lenient: &ld.Dropped{}})
			if err != nil || nq != c.lenientNQ {
				t.Errorf("%s as %s, lenient:\n got %q, %v\nwant %q", kw, c.name, nq, err, c.lenientNQ)
			}
		}
	}
}

// TestFrameEmbedLast: film2ld frames with @embed @last, json-gold v0.8's
// default; json-gold v0.9 defaults to @once (JSON-LD 1.1 Framing). A node
// referred to twice is embedded at its last place in property order and
// referenced at the others. The json-gold runs show that the two policies
// give different trees for this document, so the check can fail.
func TestFrameEmbedLast(t *testing.T) {
	const doc = `{"@context": "https://schema.org/", "@id": "https://films.example/m", "@type": "Movie", "name": "Tide",
		"actor": {"@id": "https://films.example/p", "@type": "Person", "name": "Ada Vale"},
		"director": {"@id": "https://films.example/p"}}`
	p := ld.NewProcessor(ld.Config{})
	framed, err := p.Frame(decodeJSON(t, doc), "Movie", ld.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ref := map[string]any{"@id": "https://films.example/p"}
	if got, ok := framed["actor"].(map[string]any); !ok || !jld.DeepCompare(got, ref, false) {
		t.Errorf("actor: got %v, want the reference %v", framed["actor"], ref)
	}
	if got, ok := framed["director"].(map[string]any); !ok || got["name"] != "Ada Vale" {
		t.Errorf("director: got %v, want the embedded person", framed["director"])
	}

	expanded, err := p.Expand(decodeJSON(t, doc), ld.Options{})
	if err != nil {
		t.Fatal(err)
	}
	embeddedUnder := func(embed jld.Embed) string {
		opts := jld.NewJsonLdOptions("")
		opts.Embed = embed
		out, err := jld.NewJsonLdProcessor().Frame(jld.CloneDocument(expanded), map[string]any{"@type": "http://schema.org/Movie"}, opts)
		if err != nil {
			t.Fatal(err)
		}
		// v0.9 also defaults OmitGraph to true and leaves one-item
		// arrays compacted: accept either shape.
		node := out
		if g, ok := out["@graph"].([]any); ok && len(g) == 1 {
			node, _ = g[0].(map[string]any)
		}
		for prop, v := range node {
			if vals, ok := v.([]any); ok && len(vals) == 1 {
				v = vals[0]
			}
			if m, ok := v.(map[string]any); ok && m["http://schema.org/name"] != nil && strings.HasPrefix(prop, "http://schema.org/") {
				return strings.TrimPrefix(prop, "http://schema.org/")
			}
		}
		return ""
	}
	if last, once := embeddedUnder(jld.EmbedLast), embeddedUnder("@once"); last != "director" || once != "actor" {
		t.Errorf("json-gold embeds the person under %q with @last and %q with @once, want director and actor", last, once)
	}
}
