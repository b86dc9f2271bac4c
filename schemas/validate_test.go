package schemas

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// planted is a Movie page with one defect per line marked "defect", for
// every layer; everything else on it is valid.
const planted = `{"@context": "https://schema.org", "@type": "Movie", "@id": "https://films.example/heat",
 "name": "Heat", "image": "https://films.example/heat.jpg", "dateCreated": "1995",
 "director": {"@type": "Person", "name": "Michael Mann"},
 "duration": "170 minutes",
 "datePublished": "1995-02-30",
 "descripton": "A cop and a thief.",
 "actors": {"@type": "Person", "name": "Al Pacino"},
 "actor": {"@type": "PerformanceRole", "characterName": "Neil McCauley"},
 "aggregateRating": {"@type": "AggregateRating", "ratingValue": 4.1, "reviewCount": -3},
 "review": [
   {"@type": "Reveiw", "author": {"@type": "Person", "name": "Ann"}, "datePublished": "1995-12-15"},
   {"@type": "Review", "author": "Bo Critic", "datePublished": "1995-12-16"},
   {"@type": "Review", "author": {"@type": "Person", "name": "Cy"}, "datePublished": "1995-12-17",
    "reviewRating": {"@type": "Rating", "ratingValue": 9}}
 ]}`

// TestPlantedDefects checks that a document with several defects gets one
// precise finding for each, and nothing else that is an error.
func TestPlantedDefects(t *testing.T) {
	g, err := Load([]byte(planted), "heat.jsonld")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range Validate(g, Google) {
		if f.Severity == Error || f.Rule == "vocab.superseded" {
			got = append(got, fmt.Sprintf("%d:%d %s %s", f.Pos.Line, f.Pos.Col, f.Rule, f.Property))
		}
	}
	want := []string{
		"4:14 shape.movie duration",              // "170 minutes" is no ISO 8601 duration
		"5:19 vocab.date datePublished",          // there is no 30 February
		"6:16 vocab.unknown-property descripton", // a typo of description
		"7:12 vocab.superseded actors",           // superseded by actor
		"8:11 shape.performancerole actor",       // a PerformanceRole without its actor
		"9:85 shape.aggregaterating reviewCount", // a count below zero
		"11:4 vocab.unknown-type ",               // "Reveiw"
		"12:34 google.review.author author",      // an author given as text
		"14:56 google.rating.range ratingValue",  // 9 on the default 1..5 scale
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestOwnExportsPass: film2ld's merged graphs (the mapping goldens) have no
// error under the schemaorg profile, and their web snippets none under the
// google profile.
func TestOwnExportsPass(t *testing.T) {
	files, _ := filepath.Glob("../mapping/testdata/golden/*.jsonld")
	if len(files) < 3 {
		t.Fatalf("too few goldens: %v", files)
	}
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		g, err := Load(data, file)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range Validate(g, SchemaOrg) {
			if f.Severity == Error {
				t.Errorf("%v", f)
			}
		}
	}
}

// TestOwnContexts: a document with a context of its own (prefixes, "schema"
// bound to https) is read through the JSON-LD processor and checked like
// any other; one whose context film2ld will not fetch is an error, since
// nothing in it could be checked and CI must not pass it as checked.
func TestOwnContexts(t *testing.T) {
	tests := []struct {
		doc  string
		want string
	}{
		{`{"@context": {"schema": "https://schema.org/"}, "@type": "schema:Movie", "schema:name": "Heat", "schema:duration": "2 hours"}`,
			"error shape.movie duration"}, // "2 hours" is no ISO 8601 duration
		{`{"@context": ["https://schema.org", {"ex": "https://films.example/ns#"}], "@type": "Movie", "name": "Heat", "ex:cut": "director's"}`,
			""},
		{`{"@context": "https://www.w3.org/ns/credentials/v2", "type": "VerifiableCredential"}`,
			"error jsonld.context @context"},
		// Scheme and host in capitals are schema.org's context all the same.
		{`{"@context": "HTTPS://WWW.Schema.org/", "@type": "Movie", "name": "Heat"}`, ""},
	}
	for _, tt := range tests {
		g, err := Load([]byte(tt.doc), "t.jsonld")
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, f := range Validate(g, SchemaOrg) {
			got = append(got, fmt.Sprintf("%s %s %s", f.Severity, f.Rule, f.Property))
		}
		if strings.Join(got, ";") != tt.want {
			t.Errorf("%s:\n got %q\nwant %q", tt.doc, got, tt.want)
		}
	}
}

// TestNothingUnchecked: whatever keeps markup from being checked, or makes
// a rich result vanish, is a finding at its place, never a silent pass.
// Each case names the one finding it must give (severity, rule, line:col)
// under the google profile.
func TestNothingUnchecked(t *testing.T) {
	const ctx = `"@context": "https://schema.org", `
	tests := []struct {
		name, doc, want string
	}{
		{"typo in context URL", `{"@context": "https://schemas.org", "@type": "Movie", "name": "Heat"}`, "error jsonld.context 1:14"},
		{"remote context", `{"@context": "https://films.example/ctx.jsonld", "@type": "Movie", "name": "Heat"}`, "error jsonld.context 1:14"},
		// What the JSON-LD processor does not serve as schema.org's context
		// is not checked as schema.org terms either: one rule for both.
		{"context without a scheme", `{"@context": "schema.org", "@type": "Movie", "name": "Heat"}`, "error jsonld.context 1:14"},
		{"context file with a slash", `{"@context": "https://schema.org/docs/jsonldcontext.jsonld/", "@type": "Movie", "name": "Heat"}`, "error jsonld.context 1:14"},
		{"vocab without slash", `{"@context": {"@vocab": "http://schema.org"}, "@type": "Movie", "name": "Heat"}`, "error jsonld.vocab 1:25"},
		{"vocab on www", "{\"@context\": [{\"@vocab\": \"https://www.schema.org\"}],\n \"@type\": \"Movie\", \"name\": \"Heat\"}", "error jsonld.vocab 1:26"},
		{"other vocabulary only", `{"@context": {"@vocab": "https://example.org/ns#"}, "@type": "Film", "title": "Heat"}`, "warning jsonld.no-schemaorg 1:1"},
		{"empty object", `{}`, "error jsonld.empty 1:1"},
		{"empty array", ` []`, "error jsonld.empty 1:2"},
		{"context only", `{"@context": "https://schema.org"}`, "error jsonld.empty 1:1"},
		{"empty graph", `{"@context": "https://schema.org", "@graph": []}`, "error jsonld.empty 1:1"},
		// JSON-LD drops values that are not nodes without a word.
		{"values alone", `[1, "x", null]`, "error jsonld.empty 1:2"},
		{"a lone value", "\n  5", "error jsonld.empty 2:3"},
		{"null", `null`, "error jsonld.empty 1:1"},
		{"a node with nothing", `[{}]`, "error jsonld.empty 1:1"},
		{"values beside a node", `[{` + ctx + `"@type": "Movie", "name": "Heat"}, 3, "x"]`, "error jsonld.syntax 1:72"},
		{"values in a graph", `{` + ctx + `"@graph": [{"@type": "Thing", "name": "x"}, [true]]}`, "error jsonld.syntax 1:81"},
		{"type is a number", `{` + ctx + `"@type": 123, "name": "Heat"}`, "error jsonld.invalid 1:45"}, // at the number (ld.ExpansionErrorOffset),
		{"unknown keyword", `{` + ctx + `"@type": "Thing", "@foo": 1, "name": "Heat"}`, "error jsonld.invalid 1:62"},
		{"id with a space", `{` + ctx + `"@type": "Thing", "@id": "https://films.example/a b", "name": "Heat"}`, "error jsonld.invalid 1:61"},
		{"id with a control character", `{` + ctx + `"@type": "Thing", "@id": "https://films.example/a\tb", "name": "Heat"}`, "error jsonld.invalid 1:61"},
		{"bad language tag", `{` + ctx + `"@type": "Thing", "name": {"@value": "Heat", "@language": "en_US!"}}`, "error jsonld.invalid 1:94"},
		// A NUL in text ("He\u0000at") is no longer here: it is valid RDF
		// text, which the N-Quads writer now escapes as \u0000, so convert
		// accepts it and validate must too.
		{"dangling aggregateRating", `{` + ctx + `"@type": "Book", "name": "Dune", "aggregateRating": {"@id": "#stars"}}`, "error jsonld.dangling-ref 1:88"},
		{"dangling blank node", `{` + ctx + `"@type": "Book", "name": "Dune", "review": {"@id": "_:r1"}}`, "error jsonld.dangling-ref 1:79"},
		{"dangling link", `{` + ctx + `"@type": "Book", "name": "Dune", "author": {"@id": "https://example.org/herbert"}, "about": {"@id": "https://example.org/arrakis"}}`, "warning jsonld.dangling-ref 1:79"},
	}
	for _, tt := range tests {
		g, err := Load([]byte(tt.doc), "t.jsonld")
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		var got []string
		for _, f := range Validate(g, Google) {
			if strings.HasPrefix(f.Rule, "json") {
				got = append(got, fmt.Sprintf("%s %s %d:%d", f.Severity, f.Rule, f.Pos.Line, f.Pos.Col))
			}
		}
		if want := strings.Fields(tt.want); len(got) == 0 || got[len(got)-1] != tt.want && !slices.Contains(got, tt.want) || len(want) == 0 {
			t.Errorf("%s: got %q; want %q", tt.name, got, tt.want)
		}
	}
}

// TestEveryMissingPropertyReported: node-level findings of one rule at one
// place are kept apart by what they say, so a Movie lacking four
// recommended properties hears of all four.
func TestEveryMissingPropertyReported(t *testing.T) {
	g, err := Load([]byte(`{"@context": "https://schema.org", "@type": "Movie", "name": "Heat", "image": "https://films.example/h.jpg"}`), "t.jsonld")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range Validate(g, Google) {
		if f.Rule == RuleMovieRecommended {
			got = append(got, f.Message)
		}
	}
	if len(got) != 4 {
		t.Errorf("recommended-property findings %q; want aggregateRating, dateCreated, director and review", got)
	}
}

// TestTopValuesOneFinding: values at a document's top level are one
// finding however many there are, the same whether the byte scanner
// tells them (fast paths) or the tree is read, in a file and in a page.
func TestTopValuesOneFinding(t *testing.T) {
	values := func(n int) string {
		kinds := []string{`1`, `"a, ] b"`, `null`, `true`, `-2.5e3`, `"{"`}
		var out []string
		for i := range n {
			out = append(out, kinds[i%len(kinds)])
		}
		return strings.Join(out, ", ")
	}
	const movie = `{"@context": "https://schema.org", "@type": "Movie", "name": "Heat"}`
	for _, tt := range []struct {
		doc, rule, count string
	}{
		{"[" + values(1) + "]", RuleEmpty, "1 value that is not a node"},
		{"[" + values(5000) + "]", RuleEmpty, "5000 values that are not nodes"},
		{values(1), RuleEmpty, "1 value that is not a node"},
		{"[" + movie + ", " + values(7) + "]", RuleJSONLDSyntax, "7 values that are not nodes"},
		{"[" + values(3) + ", " + movie + ", " + values(2) + "]", RuleJSONLDSyntax, "5 values that are not nodes"},
	} {
		for _, html := range []bool{false, true} {
			report := func() []Finding {
				if !html {
					return checkDoc(t, tt.doc)
				}
				g, err := LoadHTML([]byte("<p>\n<script type=\"application/ld+json\">"+tt.doc+"</script>"), "t.html")
				if err != nil {
					t.Fatal(err)
				}
				return Validate(g, SchemaOrg)
			}
			fast, slow := fastAndSlow(report)
			if fmt.Sprint(fast) != fmt.Sprint(slow) {
				t.Errorf("%.40s (html %v): fast paths\n%v\nthe tree\n%v", tt.doc, html, fast, slow)
			}
			var found []Finding
			for _, f := range fast {
				if f.Rule == RuleEmpty || f.Rule == RuleJSONLDSyntax {
					found = append(found, f)
				}
			}
			if len(found) != 1 || found[0].Rule != tt.rule || !strings.Contains(found[0].Message, " "+tt.count+",") && !strings.Contains(found[0].Message, " "+tt.count+" ") {
				t.Errorf("%.40s (html %v): %v; want one %s saying %q", tt.doc, html, found, tt.rule, tt.count)
			}
		}
	}
}
