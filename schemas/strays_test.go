package schemas

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/film2ld/film2ld/schemas/internal/jsonpos"
)

// Load reads a document whose top level holds what JSON-LD drops ({} and
// values among the items of its top-level array or "@graph", and in
// arrays among them) with the same findings, in the same words and
// places, whether it leaves them out of its tree (jsonpos.ParseLeavingOut,
// and the JSON-LD processor's check of the text decoded without them) or
// reads them whole (leaveStraysOut off): over the differential set and
// documents of strays beside nodes of every kind, in files and in a
// page's blocks, under both profiles.
func TestLoadLeavingOutAsWhole(t *testing.T) {
	movie := `{"@id": "https://films.example/m/1", "@type": "Movie", "name": "X", "image": "https://films.example/x.jpg", "duration": "PT90M", "dateCreated": 2020.0}`
	nested := `{"@type": "Movie", "name": "Y", "director": {"@type": "Person", "name": "D"}, "review": {"@type": "Review", "author": "A", "reviewRating": {"@type": "Rating", "ratingValue": "four"}}}`
	graph := func(items ...string) string {
		return `{"@context": "https://schema.org", "@graph": [` + strings.Join(items, ", ") + `]}`
	}
	docs := []string{
		graph(`{}`, `1`, `"x"`, `null`, `true`, `[2, "y"]`, `{}`),
		graph(`{}`, `1`, movie, `"x"`, `{}`, `null`),
		graph(`1`, `{}`, nested, `{}`, `[{}, 3]`, nested),
		graph(`{}`, nested, `{}`),
		graph(nested, `{}`, `{ }`, "{\n}", `"x"`),
		graph(`[]`, `{}`, nested, `[[]]`, `[[{}], []]`),
		graph(`{}`, `[{}, `+nested+`, 4]`, `5`),
		graph(`{}`, `1e400`, nested),
		graph(`{}`, `10000000000000000000001`, nested),
		graph(`{}`, `[10000000000000000000001]`, nested),
		graph(`{}`, `1`, `{"@type": "Movie", "name": "X", "ratingValue": 1e400}`),
		graph(`{}`, `"x"`, `{"@type": "Movie", "name": "X", "name": "Y"}`),
		graph(`{}`, `"x"`, `{"@context": "https://schema.org"}`, nested),
		graph(`{}`, `"x"`, `{"@id": null}`, nested),
		graph(`{}`, `2`, `{"@type": 123, "name": "X"}`),
		graph(`{}`, `2`, `{"@type": "Movie", "@foo": "X"}`),
		graph(`{}`, `2`, `{"@type": "Movie", "@id": "a b", "name": "X"}`),
		graph(`{}`, `2`, `{"@type": "Movie", "name": {"@value": "X", "@language": "not a tag!"}}`),
		graph(`{}`, `2`, `{"@type": "Movie", "name": "X", "director": {"@id": "#d"}}`),
		graph(`"é"`, `{}`, nested),
		graph(`{}`, `"\u00e9"`, `{"@type": "Movie", "name": "X"}`),
		`{"@context": "https://schema.org", "@graph": [{}, 1], "@graph": [` + nested + `, 2]}`,
		`{"@context": "https://schema.org", "@graph": [{}, 1], "@graph": ` + nested + `}`,
		`{"@graph": [{}, 1, ` + nested + `], "@context": "https://schema.org"}`,
		`{"@context": "https://schema.org", "@id": "https://films.example/g", "@graph": [{}, 1, ` + nested + `]}`,
		`{"@context": "https://schema.org", "@type": "Movie", "name": "X", "@graph": [{}, 1]}`,
		`{"@context": "https://schema.org", "@type": "Movie", "name": "X", "@graph": [2, {}, {"@id": "a"}, [{}, "y"], {"@value": 1}]}`,
		graph(`1`, `{"@id": "a"}`, `{}`, `{"@list": [1]}`, nested, `{"id": "b"}`, `[{"@value": "v"}, {}]`),
		graph(`{"@id": "a"}`, `{}`, `1`),
		`[{"@context": "https://schema.org", "@id": "a"}, {}, 1, {"@value": "v"}]`,
		`{"@context": {"@vocab": "https://schema.org/"}, "@graph": [{}, 1, {"@id": "a"}, {"@type": "Movie", "name": "X", "subjectOf": {"@graph": [{}, 2]}}]}`,
		`{"@context": {"@vocab": "https://schema.org/"}, "@graph": [{}, 1, {"@type": "Movie", "name": "X"}, {}]}`,
		`{"@context": {"@vocab": "http://schema.org"}, "@graph": [{}, 1, {"@type": "Movie", "name": "X"}]}`,
		`{"@context": {"@vocab": "https://schema.org/"}, "@graph": [{}, 1, "x", ` + movie + `, [2, {}], ` + nested + `]}`,
		`{"@context": {"@vocab": "https://schema.org/"}, "@graph": [{}, 1, {"@type": 123, "name": "X"}]}`,
		`{"@context": {"@vocab": "https://schema.org/"}, "@graph": [{}, [1, {}], {"@type": "Movie", "@id": "a b", "name": "X"}]}`,
		`{"@context": {"@vocab": "https://schema.org/"}, "@graph": [{}, 1, {"@type": "Movie", "name": {"@value": "X", "@language": "not a tag!"}}]}`,
		`{"@context": {"@vocab": "https://schema.org/"}, "@graph": [{}, 1e400, {"@type": "Movie", "name": "X"}]}`,
		`{"@context": {"@vocab": "https://schema.org/"}, "@graph": [{}, 1, {"@type": "Movie", "name": "X", "n": 10000000000000000000001, "m": 1.5e3}]}`,
		`{"@context": {"@vocab": "https://schema.org/"}, "@graph": [{}, 1, {"@type": "Movie", "name": "X", "name": "Y"}]}`,
		`{"@context": "https://example.org/remote.jsonld", "@graph": [{}, 1, {"@type": "Movie", "name": "X"}]}`,
		`{"@context": {"s": "https://schema.org/"}, "@graph": [{}, 1, {"@type": "s:Movie", "s:name": "X", "s:director": {"@type": "s:Person"}}]}`,
		`{"@context": ["https://schema.org", {"wd": "http://www.wikidata.org/entity/"}], "@graph": [{}, "wd:Q1", ` + nested + `]}`,
		`{"@context": ["https://schema.org", {"wd": "http://www.wikidata.org/entity/"}], "@graph": [{}, 1, ` + nested + `]}`,
		`{"@context": ["https://schema.org", {"@language": "en"}], "@graph": [{}, 1, ` + nested + `]}`,
		`{"@context": "https://schemas.org", "@graph": [{}, 1, ` + nested + `]}`,
		`{"@context": "https://schema.org", "@graph": [{}, {}]}`,
		`{"@context": "https://schema.org", "@graph": [1, 2]}`,
		`{"@context": "https://schema.org", "@graph": [[], {}]}`,
		`{"@context": "https://schema.org", "@graph": []}`,
		`[{}, 1, {"@context": "https://schema.org", "@type": "Movie", "name": "X"}]`,
		`[{}, {"@context": {"@vocab": "http://schema.org"}, "@type": "Movie", "name": "X"}]`,
		`[1, {}, {"@context": "https://schema.org", "@type": "Movie", "name": "X"}, {}, "x"]`,
		`[[1, {}], {"@context": "https://schema.org", "@type": "Movie", "name": "X"}, [{}, []]]`,
		`[{"@context": "https://schema.org", "@type": "Movie", "name": "X"}, {}, 1, {"@context": "https://schema.org", "@graph": [{}, 2, ` + nested + `]}]`,
		`[{"@context": "https://schema.org", "@type": "Movie", "name": "X"}, {}, {}]`,
		`[{}, {"name": "X"}]`,
		`[{"name": "X"}, {}, 1]`,
		`[{}, {}, 1]`,
		`[{}, [{}]]`,
		"\n  [ {} ,\n 1, {\"@context\": \"https://schema.org\", \"@type\": \"Movie\"}\n]\n",
		"{\"@context\": \"https://schema.org\",\n \"@graph\": [\n  {},\n  \"x\",\n  " + nested + ",\n  {}\n ]\n}\n",
		"\ufeff" + graph(`{}`, `1`, nested),
		graph(`{}`, `1`, nested) + ` x`,
		graph(`{}`, `1`, nested+`,`),
	}
	report := strayReport
	page := func(data []byte, file string) (*Graph, error) {
		return LoadHTML([]byte("<html><head>\n<script type=\"application/ld+json\">\n"+string(data)+"\n</script>\n<script type=\"application/ld+json\">[{}, 1, {\"@context\": \"https://schema.org\", \"@type\": \"Movie\", \"name\": \"Z\"}]</script></head></html>\n"), file)
	}
	for _, doc := range docs {
		for _, load := range []func([]byte, string) (*Graph, error){Load, page} {
			if got, want := report(load, doc, true), report(load, doc, false); got != want {
				t.Errorf("%s:\nleft out:\n%s\nwhole:\n%s", doc, got, want)
			}
		}
	}
	names := slices.Sorted(func(yield func(string) bool) {
		for name := range differentialDocs(t) {
			if !yield(name) {
				return
			}
		}
	})
	all := differentialDocs(t)
	for _, name := range names {
		if got, want := report(Load, string(all[name]), true), report(Load, string(all[name]), false); got != want {
			t.Errorf("%s:\nleft out:\n%s\nwhole:\n%s", name, got, want)
		}
	}
}

// strayReport is what validate reports of doc, read by load, under both
// profiles, with leaveStraysOut set to leave.
func strayReport(load func([]byte, string) (*Graph, error), doc string, leave bool) string {
	defer func(was bool) { leaveStraysOut = was }(leaveStraysOut)
	leaveStraysOut = leave
	var out strings.Builder
	for _, p := range []Profile{Google, SchemaOrg} {
		g, err := load([]byte(doc), "doc.jsonld")
		if err != nil {
			return "error: " + err.Error()
		}
		for _, f := range Validate(g, p) {
			fmt.Fprintf(&out, "%s %s %s %s %s: %s (%s) at %+v\n", p, f.Severity, f.Rule, f.Node, f.Property, f.Message, f.Fix, f.Pos)
		}
	}
	return out.String()
}

// FuzzLoadLeavingOutAsWhole holds Load with what the top level drops
// left out (jsonpos.ParseLeavingOut) to Load of the whole, on documents
// made from stray items and nodes.
func FuzzLoadLeavingOutAsWhole(f *testing.F) {
	for _, doc := range []string{
		`{"@context": "https://schema.org", "@graph": [{}, 1, "x", {"@type": "Movie", "name": "X", "director": {"@type": "Person"}}, [2, {}], null]}`,
		`[{}, 1, {"@context": "https://schema.org", "@type": "Movie", "name": "X"}, [{}, "y"]]`,
		`{"@context": {"@vocab": "https://schema.org/"}, "@graph": [{}, 1e3, {"@type": "Movie", "name": "X"}]}`,
		`{"@context": ["https://schema.org", {"wd": "http://www.wikidata.org/entity/"}], "@graph": [{}, "wd:Q1", {"@type": "Movie", "name": "wd:Q2"}]}`,
	} {
		f.Add(doc)
	}
	f.Fuzz(func(t *testing.T, doc string) {
		if len(doc) > 4096 {
			return
		}
		if got, want := strayReport(Load, doc, true), strayReport(Load, doc, false); got != want {
			t.Errorf("%s:\nleft out:\n%s\nwhole:\n%s", doc, got, want)
		}
	})
}

// ParseLeavingOut leaves out of the tree the {} and values among a
// document's top-level items, keeping a top-level array's first item,
// and counts them; of a "@graph" written twice, nothing.
func TestParseLeavingOut(t *testing.T) {
	for _, tt := range []struct {
		doc   string
		items int
		left  jsonpos.LeftOut
	}{
		{`{"@context": "https://schema.org", "@graph": [{}, 1, "x", {"@type": "Movie"}, [2, {}], [], { }]}`, 1,
			jsonpos.LeftOut{Values: 3, FirstValue: 50, Empty: 3, FirstEmpty: 46, Arrays: 2, Strings: true}},
		{`[{}, 1, {"@type": "Movie"}, [null, {"@type": "Movie"}]]`, 3, jsonpos.LeftOut{Values: 2, FirstValue: 5, FirstEmpty: -1}},
		{`[1, {}]`, 1, jsonpos.LeftOut{Empty: 1, FirstValue: -1, FirstEmpty: 4}},
		{`{"@graph": [{}, 1], "@graph": [{}]}`, 1, jsonpos.LeftOut{FirstValue: -1, FirstEmpty: -1}},
	} {
		v, left, err := jsonpos.ParseLeavingOut([]byte(tt.doc))
		if err != nil {
			t.Fatalf("%s: %v", tt.doc, err)
		}
		items := v
		if v.Kind == jsonpos.Object {
			items = v.Get("@graph")
		}
		if len(items.Items) != tt.items || left != tt.left {
			t.Errorf("%s: %d items left, %+v; want %d, %+v", tt.doc, len(items.Items), left, tt.items, tt.left)
		}
	}
}
