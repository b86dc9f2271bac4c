package schemas

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

// A finding quotes at most maxQuoted bytes of a value from the input and
// holds at most maxField bytes in each of its texts, wherever the long
// value stands (a name, a character, an IRI, a type, a key, a @vocab, a
// reference, a text value): a 200 MB name was quoted whole in every
// finding about its node, and validate wrote a gigabyte.
func TestFindingsQuoteLongValuesShort(t *testing.T) {
	long := strings.Repeat("é", 1<<16) + "END"
	docs := map[string]string{
		"name":      `{"@context": "https://schema.org", "@type": "Movie", "name": %q}`,
		"character": `{"@context": "https://schema.org", "@type": "Movie", "name": "M", "actor": {"@type": "PerformanceRole", "characterName": %q}}`,
		"iri":       `{"@context": "https://schema.org", "@type": "Movie", "@id": "https://films.example/%s"}`,
		"type":      `{"@context": "https://schema.org", "@type": %q, "name": "M"}`,
		"key":       `{"@context": "https://schema.org", "@type": "Movie", "name": "M", "x%s": 1, "x%[1]s": 2}`,
		"vocab":     `{"@context": {"@vocab": "https://other.example/%s"}, "@type": "Movie"}`,
		"reference": `{"@context": "https://schema.org", "@type": "Movie", "name": "M", "director": {"@id": "https://films.example/%s"}}`,
		"url":       `{"@context": "https://schema.org", "@type": "Movie", "name": "M", "url": "not a url %s"}`,
		"date":      `{"@context": "https://schema.org", "@type": "Movie", "name": "M", "dateCreated": %q}`,
	}
	for name, format := range docs {
		t.Run(name, func(t *testing.T) {
			g, err := Load([]byte(fmt.Sprintf(format, long)), "long.jsonld")
			if err != nil {
				t.Fatal(err)
			}
			fs := Validate(g, Google)
			if len(fs) == 0 {
				t.Fatal("no findings")
			}
			for _, f := range fs {
				for _, text := range []string{f.Node, f.Property, f.Message, f.Fix} {
					if len(text) > maxField {
						t.Errorf("%s: %d bytes: %.80q…", f.Rule, len(text), text)
					}
					if !utf8.ValidString(text) {
						t.Errorf("%s: cut inside a character: %.80q…", f.Rule, text)
					}
				}
				// A node is named by at most maxQuoted bytes of a value.
				if n := len("é") * strings.Count(f.Node, "é"); n > maxQuoted {
					t.Errorf("%s: the node's name quotes %d bytes of the value: %.120q…", f.Rule, n, f.Node)
				}
				if strings.Contains(f.Node, "é") && !strings.Contains(f.Node, "…") {
					t.Errorf("%s: node %.80q… not cut", f.Rule, f.Node)
				}
			}
		})
	}
}
