package schemas

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestFastPathsAgree compares whole reports, both profiles, with the fast
// paths (the byte scanner, plainJSONLD, the split schema check and its
// cache) on and off: over every document of the differential set (corpus,
// schema.org's examples, the test films' exports, edge cases) and every
// corpus page read as a page.
func TestFastPathsAgree(t *testing.T) {
	type input struct {
		name string
		data []byte
		html bool
	}
	var inputs []input
	for name, d := range differentialDocs(t) {
		inputs = append(inputs, input{name, d, false})
	}
	pages, _ := filepath.Glob("testdata/corpus/*.html")
	for _, p := range pages {
		d, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, input{p, d, true})
	}
	slices.SortFunc(inputs, func(a, b input) int { return strings.Compare(a.name, b.name) })
	report := func(in input) string {
		var out strings.Builder
		for _, p := range []Profile{Google, SchemaOrg} {
			load := Load
			if in.html {
				load = LoadHTML
			}
			g, err := load(in.data, in.name)
			if err != nil {
				return "error: " + err.Error()
			}
			for _, f := range Validate(g, p) {
				fmt.Fprintln(&out, p, f)
			}
		}
		return out.String()
	}
	findings := 0
	for _, in := range inputs {
		fast := report(in)
		fastPaths = false
		slow := report(in)
		fastPaths = true
		findings += strings.Count(slow, "\n")
		if fast != slow {
			t.Errorf("%s: fast paths:\n%s\nslow paths:\n%s", in.name, fast, slow)
		}
	}
	t.Logf("%d inputs, %d findings alike", len(inputs), findings)
}

// The JSON-LD processor's verdict on an array whose first node has terms
// and no context, or on such a node object at the top, is found by a scan
// (a fast path): the same finding, at the same place, as decoding and
// expanding the whole.
func TestExpansionErrorOfFirstNode(t *testing.T) {
	for _, doc := range []string{
		`[{"userId": 1, "title": "x"}, {"userId": 2, "title": "y"}]`,
		`[1, "x", {"b": 1, "a": 2}]`,
		"[\n  {\"@id\": \"https://films.example/a\", \"name\": \"A\"},\n  {\"@context\": \"https://schema.org\", \"name\": \"B\"}\n]",
		`[{"@context": "https://schema.org", "@type": "Movie", "name": "Heat"}, {"title": "no context"}]`,
		`[[{"title": "nested"}]]`,
		`[{"http://schema.org/name": "an IRI, no term"}, {"name": "a term"}]`,
		`[{"@type": 5}]`,
		`{"userId": 1, "title": "x", "body": {"tags": ["a"]}}`,
		"{\n  \"@context\": null,\n  \"name\": \"Heat\",\n  \"author\": {\"name\": \"y\"}\n}",
		`{"name": "Heat", "@context": "https://schema.org", "@type": 5}`,
		// A first node refused for its terms, beside a key or value the
		// checks of the whole refuse too: the first node's refusal, both
		// ways (FuzzLoad found the first).
		`{"@A":"","0":{}}`,
		`{"title": "x", "nested": {"@bogus": 1}}`,
		`[2, {"b": 1, "@id": "@ignoreMe"}, {"@what": 1}]`,
		`[{"title": "x"}, {"@context": "https://schema.org", "@foo": 1}]`,
	} {
		invalid := func(fs []Finding) string {
			var out []string
			for _, f := range fs {
				if f.Rule == RuleJSONLD {
					out = append(out, f.String())
				}
			}
			return strings.Join(out, "\n")
		}
		scanned, expanded := fastAndSlow(func() []Finding { return checkDoc(t, doc) })
		fast, slow := invalid(scanned), invalid(expanded)
		if fast != slow {
			t.Errorf("%s:\nscanned: %s\nexpanded: %s", doc, fast, slow)
		}
		if slow == "" {
			t.Errorf("%s: no %s finding to compare", doc, RuleJSONLD)
		}
	}
}

// fastAndSlow returns what report gives with the fast paths on, then off.
func fastAndSlow(report func() []Finding) (fast, slow []Finding) {
	fast = report()
	fastPaths = false
	defer func() { fastPaths = true }()
	return fast, report()
}

// checkDoc loads a JSON-LD document and validates it under the schemaorg
// profile.
func checkDoc(t *testing.T, doc string) []Finding {
	t.Helper()
	g, err := Load([]byte(doc), "t.jsonld")
	if err != nil {
		t.Fatal(err)
	}
	return Validate(g, SchemaOrg)
}
