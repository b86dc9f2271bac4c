package pipeline

import (
	"fmt"
	"testing"

	"github.com/film2ld/film2ld/schemas"
)

// Load reads a document whose top level holds what JSON-LD drops (items
// of its "@graph" or top-level array that are no node) with the same
// findings, in the same words and places, whether dataForm decodes it
// leaving the items out (decodeData) or whole (leaveStraysOut off): a
// top-level @graph of {} beside flattened nodes, values among them
// (markup's, told by schemas.Load), expanded JSON-LD among {}, a context
// alone, nested arrays, numbers of every spelling.
func TestLoadStraysAsWhole(t *testing.T) {
	movie := `{"@id": "https://films.example/m/1", "@type": "Movie", "name": "X", "image": "https://films.example/x.jpg", "duration": "PT90M", "dateCreated": 2020.0}`
	docs := []string{
		`{"@context": "https://schema.org", "@graph": [{}]}`,
		`{"@context": "https://schema.org", "@graph": [{}, {}, {}]}`,
		`{"@context": "https://schema.org", "@graph": [{}, ` + movie + `, {}]}`,
		`{"@context": "https://schema.org", "@graph": [` + movie + `, {}]}`,
		`{"@graph": [{}, ` + movie + `], "@context": "https://schema.org"}`,
		`{"@context": "https://schema.org", "@graph": [{}, ` + movie + `, 3]}`,
		`{"@context": "https://schema.org", "@graph": [{}, ` + movie + `, null, "x"]}`,
		`{"@context": "https://schema.org", "@graph": [{}, ` + movie + `, [{}]]}`,
		`{"@context": "https://schema.org", "@graph": [[], {}, ` + movie + `]}`,
		`{"@context": "https://schema.org", "@graph": [{"@context": "https://schema.org"}, {}, ` + movie + `]}`,
		`{"@context": "https://schema.org", "@graph": [{}, {"@type": "Movie", "name": "X", "director": {"@type": "Person", "name": "D"}}]}`,
		`{"@context": "https://schema.org", "@graph": [{}, {"@type": "Movie", "name": "X", "ratingValue": 1e400}]}`,
		`{"@context": "https://schema.org", "@graph": [{}, {"@type": "Movie", "name": "X", "n": 10000000000000000000001}]}`,
		`{"@context": {"@vocab": "https://schema.org/"}, "@graph": [{}, {"@type": "Movie", "name": "X"}, {}]}`,
		`{"@context": "https://schema.org", "@graph": [{}, {"@id": "https://films.example/m/1", "@type": "Movie", "name": "X", "sameAs": "https://schema.org/Movie"}]}`,
		`[{}, {"@type": ["http://schema.org/Movie"], "http://schema.org/name": [{"@value": "X"}]}, {}]`,
		`[{}, {"@type": ["http://schema.org/Movie"], "http://schema.org/name": [{"@value": "X"}]}, 1]`,
		`[{}, [` + movie + `]]`,
		`{"@context": "https://schema.org", "@graph": [{"@context": "https://schema.org"}]}`,
		`{"@context": "https://schema.org", "@id": "https://films.example/g", "@graph": [{}, ` + movie + `]}`,
		`{"@context": "https://schema.org", "@graph": []}`,
		`{"@context": "https://schema.org", "@graph": [` + movie + `, null]}`,
		`{"@context": "https://schema.org", "@graph": [` + movie + `, {"@context": "https://schema.org"}]}`,
		`{"@context": "https://schema.org", "@graph": [` + movie + `, { }, {"@type": "Movie", "name": "{}"}]}`,
		`[{}, {}]`,
		` ` + "\n\t" + `[ { } ,{}]` + "\n",
		"\ufeff" + `[{}]`,
		"\ufeff\n" + `[{}, {}]`,
		`[{}, {"@context": "https://schema.org"}]`,
		`[{}, {"@context": "https://example.org/c.jsonld"}]`,
		`[{}, {"@id": null}]`,
		`[{}, {}] x`,
		`[{}, {}`,
		`[{}, {"name": "X"}]`,
		`[{"name": "X"}, {}]`,
		`{}`,
		`{"@context": "https://schema.org"}`,
		"\ufeff" + `{"@context": "https://schema.org", "@graph": [{}, ` + movie + `]}`,
		`{"@context": "https://schema.org", "@graph": [{}, {"@type": "Movie", "name": "X", "name": "Y"}]}`,
	}
	load := func(doc string, leave bool) string {
		defer func(was bool) { leaveStraysOut = was }(leaveStraysOut)
		leaveStraysOut = leave
		_, fs, err := CheckInput([]byte(doc), "doc.jsonld", "doc.jsonld", "", schemas.Google, nil, false)
		out := fmt.Sprint(err)
		for _, f := range fs {
			out += fmt.Sprintf("\n%s %s %s %s: %s (%s) at %+v", f.Severity, f.Rule, f.Node, f.Property, f.Message, f.Fix, f.Pos)
		}
		return out
	}
	for _, doc := range docs {
		if got, want := load(doc, true), load(doc, false); got != want {
			t.Errorf("%s:\nleft out: %s\nwhole:    %s", doc, got, want)
		}
	}
}
