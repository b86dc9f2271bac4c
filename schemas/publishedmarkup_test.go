package schemas

import (
	"fmt"
	"strings"
	"testing"
)

// TestContextWithDefaultsKeepsPlaces: a context array of schema.org's
// context and an object that sets only a default language or direction
// defines no term, so the document is read as plain markup and findings
// keep their line and column (every one was placed at the @context's
// line), as does one that adds prefixes the document does not use; a
// context that defines a term the document uses is still read through
// the JSON-LD processor.
func TestContextWithDefaultsKeepsPlaces(t *testing.T) {
	const body = `,
  "@type": "Movie",
  "name": "Heat",
  "aggregateRating": {"@type": "AggregateRating", "ratingValue": "4,3", "ratingCount": 10}
}`
	for _, tt := range []struct {
		ctx  string
		want string // the rating finding's place
	}{
		{`"https://schema.org"`, "t.jsonld:5:66"},
		{`["https://schema.org", {"@language": "en"}]`, "t.jsonld:5:66"},
		{`[{"@language": "fr", "@direction": "ltr"}, "http://schema.org/"]`, "t.jsonld:5:66"},
		{`["https://schema.org", {"@version": 1.1, "@language": null}]`, "t.jsonld:5:66"},
		// Prefixes the document never uses (a key, a compact IRI's
		// prefix, a string): its terms are schema.org's, read as plain
		// markup (audit 7: every finding was at the context's line).
		{`["https://schema.org", {"@language": "en", "heat": "https://films.example/heat"}]`, "t.jsonld:5:66"},
		{`["https://schema.org", {"wd": "http://www.wikidata.org/entity/", "imdb": "https://www.imdb.com/title/"}]`, "t.jsonld:5:66"},
		// A term the document uses, as a key or as a value ("Movie" as
		// its type): read through the processor, placed at the
		// context's line.
		{`["https://schema.org", {"name": "https://films.example/title"}]`, "t.jsonld:2"},
		{`["https://schema.org", {"Movie": "https://films.example/Film"}]`, "t.jsonld:2"},
		// Anything but a prefix: the processor reads it.
		{`["https://schema.org", {"wd": {"@id": "http://www.wikidata.org/entity/"}}]`, "t.jsonld:2"},
		{`["https://schema.org", {"@vocab": "https://films.example/v/"}]`, "t.jsonld:2"},
	} {
		doc := "{\n  \"@context\": " + tt.ctx + body
		g, err := Load([]byte(doc), "t.jsonld")
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, f := range Validate(g, Google) {
			if f.Rule == RuleRatingValue {
				found = true
				if got := fmt.Sprint(f.Pos); got != tt.want {
					t.Errorf("context %s: the rating's finding at %s; want %s", tt.ctx, got, tt.want)
				}
			}
		}
		if !found {
			t.Errorf("context %s: no %s finding", tt.ctx, RuleRatingValue)
		}
	}
}

// TestEmptyBlocks: an empty script block is an error that says it is
// empty, in convert's words ("unexpected end of JSON input" said
// nothing); a block of "{}" beside the page's markup holds nothing to
// check, a warning (it failed the page, with an error nothing could hide).
func TestEmptyBlocks(t *testing.T) {
	const movie = `<script type="application/ld+json">{"@context": "https://schema.org", "@type": "Movie", "name": "Heat", "image": "https://films.example/heat.jpg"}</script>`
	for _, tt := range []struct {
		block, rule string
		severity    Severity
		message     string
	}{
		{"", RuleJSONSyntax, Error, "the JSON-LD block starting on line 2 is empty: it holds no JSON value"},
		{"\n  \n", RuleJSONSyntax, Error, "the JSON-LD block starting on line 2 is empty: it holds no JSON value"},
		{"{}", RuleEmpty, Warning, "the script block holds no node, so there is nothing in it to check"},
		{"[]", RuleEmpty, Warning, "the script block holds no node, so there is nothing in it to check"},
	} {
		page := "<html><head>" + movie + "\n<script type=\"application/ld+json\">" + tt.block + "</script></head></html>"
		g, err := LoadHTML([]byte(page), "p.html")
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, f := range Validate(g, Google) {
			if f.Rule == tt.rule {
				found = f.Severity == tt.severity && f.Message == tt.message
				if !found {
					t.Errorf("block %q: %v %q; want %v %q", tt.block, f.Severity, f.Message, tt.severity, tt.message)
				}
			}
		}
		if !found {
			t.Errorf("block %q: no %s finding", tt.block, tt.rule)
		}
	}
}

// TestListIsANote: an ordered list of values (JSON-LD's @list, Turtle's
// ("Crime" "Drama")) is valid markup whose values are checked, as a set:
// a note, where it failed the file with an error.
func TestListIsANote(t *testing.T) {
	doc := `{"@context": "https://schema.org", "@type": "Movie", "name": "Heat", "image": "https://films.example/heat.jpg",
 "genre": {"@list": ["Crime", "Drama"]}}`
	g, err := Load([]byte(doc), "t.jsonld")
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, f := range Validate(g, SchemaOrg) {
		if f.Severity == Error {
			t.Errorf("error %s: %s", f.Rule, f.Message)
		}
		if f.Rule == RuleUnsupported && f.Property == "genre" {
			found = f.Severity == Note
		}
	}
	if !found {
		t.Error("no note that the list is checked as a set")
	}
}

// TestFilmMeanings: what film sites write on a Movie meaning another
// property gets that property as its fix: runtime (a program's runtime
// platform to schema.org) is the film's duration, releaseDate (a
// Product's) its datePublished; elsewhere the fix stays schema.org's.
func TestFilmMeanings(t *testing.T) {
	fixes := func(doc string) map[string]string {
		g, err := Load([]byte(doc), "t.jsonld")
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]string{}
		for _, f := range Validate(g, SchemaOrg) {
			if f.Rule == RuleSuperseded || f.Rule == RuleDomain {
				out[f.Property] = f.Fix
			}
		}
		return out
	}
	got := fixes(`{"@context": "https://schema.org", "@type": "Movie", "name": "Heat", "runtime": "170 min", "releaseDate": "1995-12-15"}`)
	if !strings.Contains(got["runtime"], `"duration"`) || !strings.Contains(got["releaseDate"], `"datePublished"`) {
		t.Errorf("Movie: fixes %q; want duration for runtime, datePublished for releaseDate", got)
	}
	got = fixes(`{"@context": "https://schema.org", "@type": "SoftwareApplication", "name": "Player", "runtime": "Java 8"}`)
	if got["runtime"] != `use "runtimePlatform"` {
		t.Errorf("SoftwareApplication: runtime's fix %q; want schema.org's", got["runtime"])
	}
}

// TestUndefinedTermPlaced: a document with a context of its own that
// leaves a key undefined (JSON-LD would drop it) is refused at that key's
// value, where convert places it, not at the @context.
func TestUndefinedTermPlaced(t *testing.T) {
	doc := `{
  "@context": {"name": "http://schema.org/name", "Movie": "http://schema.org/Movie"},
  "@type": "Movie",
  "name": "Heat",
  "director": "Michael Mann"
}`
	g, err := Load([]byte(doc), "t.jsonld")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range Validate(g, Google) {
		if f.Rule == RuleJSONLD {
			got = append(got, fmt.Sprint(f.Pos), f.Message)
		}
	}
	if len(got) != 2 || got[0] != "t.jsonld:5:15" || !strings.Contains(got[1], `"director"`) {
		t.Errorf("findings %q; want one at t.jsonld:5:15 naming \"director\"", got)
	}
}

// TestIncludedNodesChecked: the nodes of an @included are nodes of the
// same graph, checked as the top level's are, and a reference to one is
// no reference to a node defined nowhere (both were missed: @included
// was a finding that it was not checked, audit 7).
func TestIncludedNodesChecked(t *testing.T) {
	doc := `{"@context": "https://schema.org", "@type": "Movie", "@id": "https://films.example/m", "name": "Heat",
 "image": "https://films.example/heat.jpg", "dateCreated": "1995", "director": {"@id": "https://films.example/p/mann"},
 "@included": [
  {"@id": "https://films.example/p/mann", "@type": "Person", "name": ""},
  {"@type": "Review", "itemReviewed": {"@id": "https://films.example/m"}, "datePublished": "1995-12-15"}]}`
	g, err := Load([]byte(doc), "t.jsonld")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range Validate(g, Google) {
		if f.Severity == Error || strings.Contains(f.Message, "defines nowhere") {
			got = append(got, f.Rule+" "+fmt.Sprint(f.Pos))
		}
	}
	want := []string{"shape.person t.jsonld:4:70", "google.review.author t.jsonld:5:3"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("findings %q; want %q", got, want)
	}
}
