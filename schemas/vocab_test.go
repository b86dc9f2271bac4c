package schemas

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// vocabWant is the one finding a document must give: its severity, rule,
// node, property and place, and a part of its Fix (the did-you-mean).
type vocabWant struct {
	sev       Severity
	rule      string
	node      string
	prop      string
	line, col int
	fix       string
}

func (w vocabWant) String() string {
	return fmt.Sprintf("%d:%d: %s: %s: %s [%s] fix~%q", w.line, w.col, w.sev, w.node, w.prop, w.rule, w.fix)
}

// vocabCases has, for every rule, documents that break it and documents
// that come close without breaking it. want is nil when the document must
// give no vocabulary finding at all.
var vocabCases = []struct {
	name string
	doc  string
	want *vocabWant
}{
	// vocab.unknown-type
	{"type transposed", `{"@context": "https://schema.org", "@type": "Moive", "name": "Heat"}`,
		&vocabWant{Error, "vocab.unknown-type", `Moive "Heat"`, "", 1, 1, `did you mean "Movie"?`}},
	{"type in lower case", `{"@context": "https://schema.org", "@type": "movie", "name": "Heat"}`,
		&vocabWant{Error, "vocab.unknown-type", `movie "Heat"`, "", 1, 1, `did you mean "Movie"?`}},
	{"nested type misspelt", `{"@context": "https://schema.org", "@type": "Movie", "name": "Heat",
  "review": {"@type": "Reveiw", "reviewBody": "Long."}}`,
		&vocabWant{Error, "vocab.unknown-type", `Reveiw (review of Movie "Heat")`, "", 2, 13, `did you mean "Review"?`}},
	{"enumeration member as a type", `{"@context": "https://schema.org", "@type": "Hardcover", "name": "Heat"}`,
		&vocabWant{Error, "vocab.unknown-type", `Hardcover "Heat"`, "", 1, 1, `https://schema.org/Hardcover`}},
	{"property as a type", `{"@context": "https://schema.org", "@type": "actor", "name": "Al Pacino"}`,
		&vocabWant{Error, "vocab.unknown-type", `actor "Al Pacino"`, "", 1, 1, "give the node the type Person"}},
	{"known types, CURIE and other vocabulary", `{"@context": "https://schema.org",
  "@type": ["schema:Movie", "http://productontology.org/id/DVD"], "name": "Heat"}`, nil},

	// vocab.unknown-property
	{"property in lower case", `{"@context": "https://schema.org", "@type": "Movie", "name": "Heat",
  "datepublished": "1995-12-15"}`,
		&vocabWant{Error, "vocab.unknown-property", `Movie "Heat"`, "datepublished", 2, 20, `did you mean "datePublished"?`}},
	{"rating property in lower case", `{"@context": "https://schema.org", "@type": "AggregateRating",
  "ratingvalue": 4.5, "reviewCount": 12}`,
		&vocabWant{Error, "vocab.unknown-property", `AggregateRating`, "ratingvalue", 2, 18, `did you mean "ratingValue"?`}},
	{"role property in lower case", `{"@context": "https://schema.org", "@type": "Movie", "name": "Heat",
  "actor": {"@type": "PerformanceRole", "actor": {"@type": "Person", "name": "Al Pacino"},
    "charactername": "Vincent Hanna"}}`,
		&vocabWant{Error, "vocab.unknown-property", `PerformanceRole (actor of Movie "Heat")`, "charactername", 3, 22, `did you mean "characterName"?`}},
	{"property misspelt", `{"@context": "https://schema.org", "@type": "Movie", "name": "Heat",
  "descripton": "A heist film."}`,
		&vocabWant{Error, "vocab.unknown-property", `Movie "Heat"`, "descripton", 2, 17, `did you mean "description"?`}},
	{"type as a property", `{"@context": "https://schema.org", "@type": "Movie", "name": "Heat",
  "Person": "Al Pacino"}`,
		&vocabWant{Error, "vocab.unknown-property", `Movie "Heat"`, "Person", 2, 13, `"@type": "Person"`}},
	{"other vocabulary's property", `{"@context": "https://schema.org", "@type": "Movie", "name": "Heat",
  "http://example.org/ns#boxOffice": 187000000}`, nil},
	{"terms of another context", `{"@context": ["https://schema.org", "https://www.w3.org/ns/credentials/v2"],
  "@type": "VerifiableCredential", "issuer": "https://example.org/issuer"}`, nil},

	// vocab.domain
	{"characterName on a Person", `{"@context": "https://schema.org", "@type": "Person", "name": "Al Pacino",
  "characterName": "Vincent Hanna"}`,
		&vocabWant{Warning, "vocab.domain", `Person "Al Pacino"`, "characterName", 2, 20, "PerformanceRole"}},
	{"reviewBody on a Movie", `{"@context": "https://schema.org", "@type": "Movie", "name": "Heat",
  "reviewBody": "A long, cool film."}`,
		&vocabWant{Warning, "vocab.domain", `Movie "Heat"`, "reviewBody", 2, 17, "Review"}},
	{"characterName on a plain Role", `{"@context": "https://schema.org", "@type": "Movie", "name": "Heat",
  "actor": {"@type": "Role", "actor": {"@type": "Person", "name": "Al Pacino"},
    "characterName": "Vincent Hanna"}}`,
		&vocabWant{Warning, "vocab.domain", `Role "Vincent Hanna" (actor of Movie "Heat")`, "characterName", 3, 22, "PerformanceRole"}},
	{"roles repeat the property they stand for", `{"@context": "https://schema.org", "@type": "Movie", "name": "Heat",
  "actor": {"@type": "PerformanceRole", "actor": {"@type": "Person", "name": "Al Pacino"}, "characterName": "Vincent Hanna"},
  "contributor": {"@type": "Role", "contributor": {"@type": "Person", "name": "Dante Spinotti"}, "roleName": "Cinematography"},
  "productionCompany": {"@type": "OrganizationRole", "productionCompany": {"@type": "Organization", "name": "Forward Pass"}},
  "review": {"@type": "Review", "reviewBody": "Cool.",
    "author": {"@type": "Role", "author": {"@type": "Person", "name": "A Critic"}, "roleName": "guest critic"}}}`, nil},
	{"a node without types is not checked", `{"@context": "https://schema.org", "@type": "Movie", "name": "Heat",
  "actor": {"name": "Al Pacino", "characterName": "Vincent Hanna"}}`, nil},

	// vocab.superseded
	{"actors", `{"@context": "https://schema.org", "@type": "Movie", "name": "Heat",
  "actors": {"@type": "Person", "name": "Al Pacino"}}`,
		&vocabWant{Warning, "vocab.superseded", `Movie "Heat"`, "actors", 2, 13, `use "actor"`}},
	{"directors", `{"@context": "https://schema.org", "@type": "Movie", "name": "Heat",
  "directors": {"@type": "Person", "name": "Michael Mann"}}`,
		&vocabWant{Warning, "vocab.superseded", `Movie "Heat"`, "directors", 2, 16, `use "director"`}},
	{"awards", `{"@context": "https://schema.org", "@type": "Movie", "name": "Heat",
  "awards": "Best Score"}`,
		&vocabWant{Warning, "vocab.superseded", `Movie "Heat"`, "awards", 2, 13, `use "award"`}},
	{"superseded type", `{"@context": "https://schema.org", "@type": "Season", "name": "Season 1"}`,
		&vocabWant{Warning, "vocab.superseded", `Season "Season 1"`, "", 1, 1, `use "CreativeWorkSeason"`}},
	{"superseded member", `{"@context": "https://schema.org", "@type": "Physician", "name": "Dr Skin",
  "medicalSpecialty": {"@id": "https://schema.org/Dermatologic"}}`,
		&vocabWant{Warning, "vocab.superseded", `Physician "Dr Skin"`, "medicalSpecialty", 2, 23, `"https://schema.org/Dermatology"`}},
	{"current terms", `{"@context": "https://schema.org", "@type": "Movie", "name": "Heat",
  "actor": {"@type": "Person", "name": "Al Pacino"}, "director": {"@type": "Person", "name": "Michael Mann"},
  "award": "Best Score"}`, nil},

	// vocab.value-kind
	{"ratingCount as words", `{"@context": "https://schema.org", "@type": "AggregateRating", "ratingValue": 4,
  "ratingCount": "many"}`,
		&vocabWant{Error, "vocab.value-kind", "AggregateRating", "ratingCount", 2, 18, "whole number"}},
	{"reviewCount with a fraction", `{"@context": "https://schema.org", "@type": "AggregateRating", "ratingValue": 4,
  "reviewCount": 2.5}`,
		&vocabWant{Error, "vocab.value-kind", "AggregateRating", "reviewCount", 2, 18, "whole number"}},
	{"duration as prose", `{"@context": "https://schema.org", "@type": "Movie", "name": "Heat",
  "duration": "90 minutes"}`,
		&vocabWant{Error, "vocab.duration", `Movie "Heat"`, "duration", 2, 15, `"PT90M"`}},
	{"duration as a number", `{"@context": "https://schema.org", "@type": "Movie", "name": "Heat",
  "duration": 170}`,
		&vocabWant{Error, "vocab.value-kind", `Movie "Heat"`, "duration", 2, 15, `"PT90M"`}},
	{"datePublished in ISO 8601's basic form", `{"@context": "https://schema.org", "@type": "Article", "headline": "A",
  "datePublished": "20100716"}`,
		&vocabWant{Error, "vocab.date", "Article", "datePublished", 2, 20, "YYYY-MM-DD"}},
	{"dateModified as an ISO 8601 week date", `{"@context": "https://schema.org", "@type": "Article", "headline": "A",
  "dateModified": "2010-W28-5"}`,
		&vocabWant{Error, "vocab.date", "Article", "dateModified", 2, 19, "YYYY-MM-DD"}},
	{"datePublished as prose", `{"@context": "https://schema.org", "@type": "Movie", "name": "Heat",
  "datePublished": "yesterday"}`,
		&vocabWant{Error, "vocab.date", `Movie "Heat"`, "datePublished", 2, 20, "YYYY-MM-DD"}},
	{"url with spaces", `{"@context": "https://schema.org", "@type": "Movie", "name": "Heat",
  "url": "not a url"}`,
		&vocabWant{Error, "vocab.value-kind", `Movie "Heat"`, "url", 2, 10, "absolute URL"}},
	{"image file name with a space", `{"@context": "https://schema.org", "@type": "Movie", "name": "Heat",
  "image": "heat poster.jpg"}`,
		&vocabWant{Error, "vocab.value-kind", `Movie "Heat"`, "image", 2, 12, "%20"}},
	{"url as a blank node", `{"@context": "https://schema.org", "@type": "Movie", "name": "Heat",
  "url": {"@type": "WebPage", "name": "Heat at the studio"}}`,
		&vocabWant{Error, "vocab.value-kind", `Movie "Heat"`, "url", 2, 10, "give a URL, not an object"}},
	{"a Person as a name", `{"@context": "https://schema.org", "@type": "Movie",
  "name": {"@type": "Person", "name": "Al Pacino"}}`,
		&vocabWant{Error, "vocab.value-kind", `Movie`, "name", 2, 11, "give text, not an object"}},
	{"a boolean as text", `{"@context": "https://schema.org", "@type": "Movie", "name": "Heat",
  "isFamilyFriendly": "maybe"}`,
		&vocabWant{Error, "vocab.value-kind", `Movie "Heat"`, "isFamilyFriendly", 2, 23, "give true or false"}},
	{"literals that read as their range", `{"@context": "https://schema.org", "@type": "Movie", "name": "Heat",
  "url": "https://example.com/films/heat", "sameAs": "https://www.wikidata.org/wiki/Q211", "isFamilyFriendly": "false",
  "image": {"@id": "https://example.com/heat.jpg"}, "copyrightYear": "1995",
  "aggregateRating": {"@type": "AggregateRating", "ratingValue": "five", "ratingCount": "12", "reviewCount": 12.0}}`, nil},
	{"a url that names a node", `{"@context": "https://schema.org", "@graph": [
  {"@id": "https://example.com/heat", "@type": "WebPage", "name": "Heat"},
  {"@type": "Movie", "name": "Heat", "url": "https://example.com/heat"}]}`, nil},

	// vocab.text-for-node
	{"text for a Thing", `{"@context": "https://schema.org", "@type": "Review", "reviewBody": "Cool.",
  "itemReviewed": "Heat"}`,
		&vocabWant{Warning, "vocab.text-for-node", `Review`, "itemReviewed", 2, 19, `{"@type": "Thing", "name": "Heat"}`}},
	{"text for a Person", `{"@context": "https://schema.org", "@type": "Movie", "name": "Heat",
  "director": "Michael Mann"}`,
		&vocabWant{Warning, "vocab.text-for-node", `Movie "Heat"`, "director", 2, 15, `{"@type": "Person", "name": "Michael Mann"}`}},
	{"a path for a node", `{"@context": "https://schema.org", "@type": "Movie", "name": "Heat",
  "director": "/people/michael-mann"}`,
		&vocabWant{Warning, "vocab.text-for-node", `Movie "Heat"`, "director", 2, 15, `{"@id": "/people/michael-mann"}`}},
	{"not a member", `{"@context": "https://schema.org", "@type": "Offer", "price": 9.99,
  "availability": "https://schema.org/InStok"}`,
		&vocabWant{Warning, "vocab.text-for-node", `Offer`, "availability", 2, 19, `"https://schema.org/InStock"`}},
	{"a name under a property the context makes an IRI", `{"@context": "https://schema.org", "@type": "VideoGame", "name": "Fallout 3",
  "gameLocation": "Rivet City"}`,
		&vocabWant{Warning, "vocab.text-for-node", `VideoGame "Fallout 3"`, "gameLocation", 2, 19, `{"@type": "Place", "name": "Rivet City"}`}},
	{"members and URLs for nodes", `{"@context": "https://schema.org", "@type": "Review", "reviewBody": "Cool.",
  "itemReviewed": "https://www.wikidata.org/wiki/Q211",
  "offers": [{"@type": "Offer", "availability": "https://schema.org/InStock"},
    {"@type": "Offer", "availability": "OnlineOnly"}]}`, nil},

	// vocab.date
	{"February 30th", `{"@context": "https://schema.org", "@type": "Movie", "name": "Heat",
  "datePublished": "2011-02-30"}`,
		&vocabWant{Error, "vocab.date", `Movie "Heat"`, "datePublished", 2, 20, "YYYY-MM-DD"}},
	{"month 13", `{"@context": "https://schema.org", "@type": "Movie", "name": "Heat",
  "dateCreated": "2011-13"}`,
		&vocabWant{Error, "vocab.date", `Movie "Heat"`, "dateCreated", 2, 18, "YYYY-MM-DD"}},
	{"hour 25", `{"@context": "https://schema.org", "@type": "ScreeningEvent", "name": "Heat at the Rex",
  "startDate": "2011-02-28T25:00"}`,
		&vocabWant{Error, "vocab.date", `ScreeningEvent "Heat at the Rex"`, "startDate", 2, 16, "2011-02-28T20:00:00Z"}},
	{"day first", `{"@context": "https://schema.org", "@type": "Person", "name": "Al Pacino",
  "birthDate": "25/04/1940"}`,
		&vocabWant{Error, "vocab.date", `Person "Al Pacino"`, "birthDate", 2, 16, "YYYY-MM-DD"}},
	{"a typed Date under a Text property", `{"@context": "https://schema.org", "@type": "Movie", "name": "Heat",
  "description": {"@value": "2011-02-29", "@type": "Date"}}`,
		&vocabWant{Error, "vocab.date", `Movie "Heat"`, "description", 2, 18, "YYYY-MM-DD"}},
	{"dates schema.org accepts", `{"@context": "https://schema.org", "@type": "Movie", "name": "Heat",
  "datePublished": "1995", "dateCreated": "1995-06", "dateModified": "2012-02-29",
  "sdDatePublished": "2011-02-28", "expires": "2011-02-28T20:00+01:00",
  "review": {"@type": "Review", "reviewBody": "Cool.", "dateCreated": "2011-02-28T20:00:00Z"},
  "temporalCoverage": "the 1990s"}`, nil},

	// vocab.duration
	{"minutes without a unit", `{"@context": "https://schema.org", "@type": "Movie", "name": "Heat",
  "duration": "90"}`,
		&vocabWant{Error, "vocab.duration", `Movie "Heat"`, "duration", 2, 15, `"PT90M"`}},
	{"P and T alone", `{"@context": "https://schema.org", "@type": "Movie", "name": "Heat",
  "duration": "PT"}`,
		&vocabWant{Error, "vocab.duration", `Movie "Heat"`, "duration", 2, 15, `"PT90M"`}},
	{"hours before T", `{"@context": "https://schema.org", "@type": "Movie", "name": "Heat",
  "duration": "P1H"}`,
		&vocabWant{Error, "vocab.duration", `Movie "Heat"`, "duration", 2, 15, `after a T`}},
	{"durations", `{"@context": "https://schema.org", "@type": "Movie", "name": "Heat",
  "duration": ["PT90M", "P1DT2H30M", "PT1H30M", "PT1.5H"],
  "timeRequired": "P2W"}`, nil},

	// vocab.range
	{"director is an Organization", `{"@context": "https://schema.org", "@type": "Movie", "name": "Heat",
  "director": {"@type": "Organization", "name": "Forward Pass"}}`,
		&vocabWant{Error, "vocab.range", `Movie "Heat"`, "director", 2, 15, `a Person node`}},
	{"aggregateRating is a plain Rating", `{"@context": "https://schema.org", "@type": "Book", "name": "Dune",
  "aggregateRating": {"@type": "Rating", "ratingValue": 4}}`,
		&vocabWant{Error, "vocab.range", `Book "Dune"`, "aggregateRating", 2, 22, `an AggregateRating node`}},
	{"author is a Movie: one of several types", `{"@context": "https://schema.org", "@type": "Book", "name": "Dune",
  "author": {"@type": "Movie", "name": "Dune"}}`,
		&vocabWant{Warning, "vocab.range", `Book "Dune"`, "author", 2, 13, `an Organization node`}},
	{"subtypes, roles and unknown types fit", `{"@context": "https://schema.org", "@type": "Movie", "name": "Heat",
  "director": {"@type": "Patient", "name": "Michael Mann"},
  "actor": {"@type": "PerformanceRole", "actor": {"@type": "Person", "name": "Al Pacino"}, "characterName": "Vincent"},
  "aggregateRating": {"@type": "EmployerAggregateRating", "ratingValue": 4, "ratingCount": 2},
  "producer": {"@type": "ex:Studio", "name": "Forward Pass"},
  "about": {"@type": "Movie", "name": "Heat"}}`, nil},

	// vocab.relative-url
	{"a host without a scheme", `{"@context": "https://schema.org", "@type": "Movie", "name": "Heat",
  "sameAs": "www.imdb.com/title/tt0113277/"}`,
		&vocabWant{Warning, "vocab.relative-url", `Movie "Heat"`, "sameAs", 2, 13, `"https://www.imdb.com/title/tt0113277/"`}},
	// vocab.html-entity (audit 18: a French site's titles escaped for
	// HTML inside its JSON-LD).
	{"a named character reference", `{"@context": "https://schema.org", "@type": "Movie", "name": "Heat",
  "alternateName": "L'exp&eacute;rience"}`,
		&vocabWant{Warning, "vocab.html-entity", `Movie "Heat"`, "alternateName", 2, 20, "(é)"}},
	{"a numeric character reference", `{"@context": "https://schema.org", "@type": "Movie", "name": "Heat",
  "description": "Ebert&#39;s pick &amp; more"}`,
		&vocabWant{Warning, "vocab.html-entity", `Movie "Heat"`, "description", 2, 18, "(')"}},
	{"ampersands that are text", `{"@context": "https://schema.org", "@type": "Movie", "name": "AT&T; R&D & more &amp",
  "description": "Q&A; Tom & Jerry; &nosuchentity; Cast&notes; below; &sect=2; &reg_id;"}`, nil},
	// vocab.relative-reference (audit 18: convert refused what validate
	// passed in silence), each form of relative reference.
	{"a path relative to the page", `{"@context": "https://schema.org", "@type": "Movie", "name": "Heat",
  "image": "posters/heat.jpg"}`,
		&vocabWant{Note, "vocab.relative-reference", `Movie "Heat"`, "image", 2, 12, "--page-url"}},
	{"a path from the site's root", `{"@context": "https://schema.org", "@type": "Movie", "name": "Heat",
  "url": "/films/heat"}`,
		&vocabWant{Note, "vocab.relative-reference", `Movie "Heat"`, "url", 2, 10, "write the absolute URL"}},
	{"a reference without its scheme", `{"@context": "https://schema.org", "@type": "Movie", "name": "Heat",
  "sameAs": "//www.wikidata.org/wiki/Q211"}`,
		&vocabWant{Note, "vocab.relative-reference", `Movie "Heat"`, "sameAs", 2, 13, "convert --base"}},
	{"a fragment", `{"@context": "https://schema.org", "@type": "Movie", "name": "Heat",
  "sameAs": "#heat"}`,
		&vocabWant{Note, "vocab.relative-reference", `Movie "Heat"`, "sameAs", 2, 13, ""}},

	// vocab.language
	{"a language's name", `{"@context": "https://schema.org", "@type": "Movie", "name": "Heat",
  "inLanguage": "English"}`,
		&vocabWant{Warning, "vocab.language", `Movie "Heat"`, "inLanguage", 2, 17, `"en" for English`}},
	{"a section heading where a language belongs", `{"@context": "https://schema.org", "@type": "Movie", "name": "Heat",
  "subtitleLanguage": "Plot"}`,
		&vocabWant{Warning, "vocab.language", `Movie "Heat"`, "subtitleLanguage", 2, 23, `"en" for English`}},
	{"a locale's underscore", `{"@context": "https://schema.org", "@type": "Person", "name": "Al Pacino",
  "knowsLanguage": "en_US"}`,
		&vocabWant{Warning, "vocab.language", `Person "Al Pacino"`, "knowsLanguage", 2, 20, `"pt-BR"`}},
	{"codes and Language nodes", `{"@context": "https://schema.org", "@type": "Movie", "name": "Heat",
  "inLanguage": ["en", "EN-us", "pt-BR", "zh-Hant-TW", "yue", "zxx", "sgn-BE-FR", "x-klingon"],
  "subtitleLanguage": {"@type": "Language", "name": "English"},
  "description": "English"}`, nil},
}

func TestVocabulary(t *testing.T) {
	for _, tc := range vocabCases {
		t.Run(tc.name, func(t *testing.T) {
			g, err := Load([]byte(tc.doc), "t.jsonld")
			if err != nil {
				t.Fatal(err)
			}
			fs := checkVocabulary(g)
			if tc.want == nil {
				for _, f := range fs {
					t.Errorf("unexpected finding: %s", f)
				}
				return
			}
			if len(fs) != 1 {
				t.Fatalf("got %d findings, want 1 (%s):\n%s", len(fs), tc.want, findingLines(fs))
			}
			f, w := fs[0], tc.want
			got := vocabWant{f.Severity, f.Rule, f.Node, f.Property, f.Pos.Line, f.Pos.Col, w.fix}
			if got != *w || f.Pos.File != "t.jsonld" {
				t.Errorf("got  %s\nwant %s", f, w)
			}
			if !strings.Contains(f.Fix, w.fix) {
				t.Errorf("fix %q does not contain %q", f.Fix, w.fix)
			}
		})
	}
}

func findingLines(fs []Finding) string {
	var b strings.Builder
	for _, f := range fs {
		fmt.Fprintf(&b, "\t%s\n", f)
	}
	return b.String()
}

// TestVocabularyGoldens runs the layer over film2ld's own merged graphs:
// what film2ld writes must pass what film2ld checks.
func TestVocabularyGoldens(t *testing.T) {
	files, err := filepath.Glob("../mapping/testdata/golden/*.jsonld")
	if err != nil || len(files) == 0 {
		t.Fatalf("no goldens: %v", err)
	}
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		g, err := Load(data, filepath.Base(file))
		if err != nil {
			t.Fatal(err)
		}
		// No warning either: none is justified for film2ld's own output.
		for _, f := range checkVocabulary(g) {
			t.Errorf("%s", f)
		}
	}
}

// TestVocabularySchemaOrgExamples runs the layer over schema.org's own
// film examples (testdata/vocab, CC BY-SA 3.0). Examples are valid markup,
// so no error is allowed; each expected warning says why it is right.
func TestVocabularySchemaOrgExamples(t *testing.T) {
	warnings := map[string][]struct{ at, rule, why string }{
		"eg-0402.jsonld": {
			{"7:17", "vocab.text-for-node", "author is Person|Organization; the name as text loses the type"},
			{"39:19", "vocab.text-for-node", "director is Person; text loses the type"},
			{"49:19", "vocab.text-for-node", "director is Person; text loses the type"},
		},
	}
	files, err := filepath.Glob("testdata/vocab/*.jsonld")
	if err != nil || len(files) < 4 {
		t.Fatalf("examples missing: %v", err)
	}
	for _, file := range files {
		name := filepath.Base(file)
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			g, err := Load(data, name)
			if err != nil {
				t.Fatal(err)
			}
			want := map[string]bool{}
			for _, w := range warnings[name] {
				want[w.at+" "+w.rule] = true
			}
			for _, f := range checkVocabulary(g) {
				key := fmt.Sprintf("%d:%d %s", f.Pos.Line, f.Pos.Col, f.Rule)
				if f.Severity == Error || !want[key] {
					t.Errorf("unexpected: %s", f)
				}
				delete(want, key)
			}
			for key := range want {
				t.Errorf("missing warning %s", key)
			}
		})
	}
}

// TestTimeFormats pins the date, date-time, time and duration readers,
// whose corners (leap days, 24:00, a T with nothing after it) decide
// between silence and an error.
func TestTimeFormats(t *testing.T) {
	tests := []struct {
		read func(string) bool
		name string
		in   string
		want bool
	}{
		{isDate, "date", "2011", true},
		{isDate, "date", "2011-02", true},
		{isDate, "date", "2011-02-28", true},
		{isDate, "date", "2012-02-29", true},
		{isDate, "date", "2000-02-29", true},
		{isDate, "date", "1900-02-29", false},
		{isDate, "date", "2011-02-29", false},
		{isDate, "date", "2011-04-31", false},
		{isDate, "date", "2011-13", false},
		{isDate, "date", "2011-00-10", false},
		{isDate, "date", "2011-1-5", false},
		{isDate, "date", "2011-02-28Z", true},
		{isDate, "date", "2011-02-28+01:00", true},
		{isDate, "date", "20110228", false},
		{isDate, "date", "28/02/2011", false},
		{isDateTime, "date-time", "2011-02-28T20:00:00Z", true},
		{isDateTime, "date-time", "2011-02-28T20:00", true},
		{isDateTime, "date-time", "2011-02-28T20:00:00.250-05:00", true},
		{isDateTime, "date-time", "2011-02-28T24:00:00", true},
		{isDateTime, "date-time", "2011-02-28T24:30", false},
		{isDateTime, "date-time", "2011-02-28T20:60", false},
		{isDateTime, "date-time", "2011-02-28T20", false},
		{isDateTime, "date-time", "2011-02-28 20:00", false},
		{isDateTime, "date-time", "2011-02T20:00", false},
		{isDateTime, "date-time", "2011-02-28T20:00+25:00", false},
		{isTime, "time", "19:30", true},
		{isTime, "time", "19:30:00+01:00", true},
		{isTime, "time", "7:30", false},
		{isDuration, "duration", "PT90M", true},
		{isDuration, "duration", "P1DT2H30M", true},
		{isDuration, "duration", "PT1H30M", true},
		{isDuration, "duration", "P1Y2M3W4DT5H6M7.5S", true},
		{isDuration, "duration", "PT1,5H", true},
		{isDuration, "duration", "P10M", true}, // ten months: odd for a film, but ISO 8601
		{isDuration, "duration", "P", false},
		{isDuration, "duration", "PT", false},
		{isDuration, "duration", "P1DT", false},
		{isDuration, "duration", "P1H", false},
		{isDuration, "duration", "90", false},
		{isDuration, "duration", "pt90m", false},
		{isDuration, "duration", "PT90M ", false},
		{isDuration, "duration", "PT30M1H", false},
	}
	for _, tc := range tests {
		if got := tc.read(tc.in); got != tc.want {
			t.Errorf("%s %q: %v, want %v", tc.name, tc.in, got, tc.want)
		}
	}
}

// TestSuggest pins the did-you-mean: case first, then edit distance within
// a budget, so that short or far-off terms get no misleading guess.
func TestSuggest(t *testing.T) {
	v := vocab()
	none := func(string) bool { return false }
	tests := []struct{ term, types, props string }{
		{"Moive", "Movie", ""},
		{"movie", "Movie", ""},
		{"Reveiw", "Review", "review"},
		{"MOVIE", "Movie", ""},
		{"Persn", "Person", ""},
		{"Fillm", "", ""},
		{"xyz", "", ""},
		{"datepublished", "", "datePublished"},
		{"ratingvalue", "", "ratingValue"},
		{"charactername", "", "characterName"},
		{"actr", "", "actor"},
		{"Moviee", "Movie", ""},
		{"directr", "", "director"},
		{"genres", "Gene", "genre"},
	}
	for _, tc := range tests {
		if got := suggest(tc.term, v.names().typeNames, v.names().typeFold, v.coreType); got != tc.types {
			t.Errorf("type %q: %q, want %q", tc.term, got, tc.types)
		}
		if got := suggest(tc.term, v.names().propNames, v.names().propFold, none); got != tc.props {
			t.Errorf("property %q: %q, want %q", tc.term, got, tc.props)
		}
	}
}

func BenchmarkCheckVocabulary(b *testing.B) {
	data, err := os.ReadFile("../mapping/testdata/golden/the-slow-tide.jsonld")
	if err != nil {
		b.Fatal(err)
	}
	g, err := Load(data, "the-slow-tide.jsonld")
	if err != nil {
		b.Fatal(err)
	}
	vocab()
	for b.Loop() {
		checkVocabulary(g)
	}
}

// TestSuggestionsRemembered: a graph remembers its spelling suggestions
// (a fast path), by name and, for properties, by the node's types, whose
// properties are preferred: every fix is the one suggest makes afresh.
func TestSuggestionsRemembered(t *testing.T) {
	misspelt := []string{"autor", "alumniO", "branh", "nmae", "directr", "revew", "authr", "ratng", "urll", "descripton", "actr", "datePublishd", "reviewRatng", "brithDate", "foundr", "itemReviewd"}
	var nodes []string
	for _, typ := range []string{"Movie", "Person", "Organization", "Review", "Book", "Rating", "Thing", "Moive", "Persn"} {
		props := []string{`"@type": "` + typ + `"`}
		for _, p := range misspelt {
			props = append(props, `"`+p+`": "x"`)
		}
		nodes = append(nodes, "{"+strings.Join(props, ", ")+"}")
	}
	doc := `{"@context": "https://schema.org", "@graph": [` + strings.Join(nodes, ", ") + `, ` + strings.Join(nodes, ", ") + `]}`
	remembered, afresh := fastAndSlow(func() []Finding { return checkDoc(t, doc) })
	if fmt.Sprint(remembered) != fmt.Sprint(afresh) {
		t.Errorf("remembered suggestions differ from fresh ones:\n%v\n%v", remembered, afresh)
	}
	fixes := map[string]bool{}
	for _, f := range remembered {
		if strings.HasPrefix(f.Fix, "did you mean") {
			fixes[f.Property+" "+f.Fix] = true
		}
	}
	if len(fixes) < len(misspelt) {
		t.Errorf("only %d distinct suggestions: %v", len(fixes), fixes)
	}
}

// TestSuggestBoundAgrees: the character-kind bound that skips names
// before their edit distance is computed (a fast path) never skips the
// name suggest would choose, for terms one to three edits from
// schema.org's names, with other characters and digits among the edits.
func TestSuggestBoundAgrees(t *testing.T) {
	v := vocab()
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := "abcdeilnorstuyzABCDMNRS019_-/é"
	edit := func(s string) string {
		r := []rune(s)
		i := rng.IntN(len(r) + 1)
		c := []rune(alphabet)[rng.IntN(len([]rune(alphabet)))]
		switch op := rng.IntN(4); {
		case op == 0 || len(r) == 0:
			r = slices.Insert(r, i, c)
		case op == 1 && i < len(r):
			r = slices.Delete(r, i, i+1)
		case op == 2 && i < len(r):
			r[i] = c
		case i+1 < len(r):
			r[i], r[i+1] = r[i+1], r[i]
		}
		return string(r)
	}
	names := v.names().propNames
	// Any preference will do; this one splits the ties.
	prefer := func(name string) bool { return len(name)%2 == 0 }
	for range 600 {
		term := names[rng.IntN(len(names))]
		for range 1 + rng.IntN(3) {
			term = edit(term)
		}
		bounded := suggest(term, names, v.names().propFold, prefer)
		fastPaths = false
		full := suggest(term, names, v.names().propFold, prefer)
		fastPaths = true
		if bounded != full {
			t.Errorf("%q: %q with the bound, %q without", term, bounded, full)
		}
	}
}

// TestISOOtherDateForm: ISO 8601's basic, week and ordinal dates are
// named as such (not "not an ISO 8601 date"); the calendar form and
// what is no ISO 8601 date are not.
func TestISOOtherDateForm(t *testing.T) {
	for s, want := range map[string]string{
		"20100716": "basic", "20100716T2030Z": "basic", "2010-W28-5": "week", "2010W285": "week", "2010-W28": "week",
		"2010-197": "ordinal", "2010197": "ordinal",
		"2010-07-16": "", "2010": "", "2010-07": "", "July 16, 2010": "", "16/07/2010": "", "2010-W2x-5": "", "12345678x": "",
	} {
		if got := isoOtherDateForm(s); got != want {
			t.Errorf("isoOtherDateForm(%q) = %q; want %q", s, got, want)
		}
	}
}

// TestRelativeReferenceWithPageURL: with the page's address known
// (validate --page-url), a relative URL is what it resolves to there, and
// no note is made of it.
func TestRelativeReferenceWithPageURL(t *testing.T) {
	doc := `{"@context": "https://schema.org", "@type": "Movie", "name": "Heat", "url": "/films/heat", "image": "posters/heat.jpg"}`
	for _, page := range []string{"", "https://cinema.example/films/heat"} {
		g, err := Load([]byte(doc), "t.jsonld")
		if err != nil {
			t.Fatal(err)
		}
		g.PageURL = page
		notes := 0
		for _, f := range checkVocabulary(g) {
			if f.Rule == RuleRelativeReference {
				notes++
			}
		}
		if want := map[bool]int{true: 2, false: 0}[page == ""]; notes != want {
			t.Errorf("page %q: %d notes of relative URLs; want %d", page, notes, want)
		}
	}
}
