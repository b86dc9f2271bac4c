package schemas

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/xeipuuv/gojsonschema"
)

// shapeCase is a document and the shape findings it must give, each as
// "rule node property line:col".
type shapeCase struct {
	name string
	doc  string
	want []string
}

// shapeCases hold, for every schema file, a valid document that must give
// nothing and an invalid one that must give exactly the findings listed.
// Each bad value starts its own line, so its column is easy to check.
var shapeCases = []shapeCase{
	{name: "movie/valid", doc: `{"@context": "https://schema.org", "@type": "Movie", "@id": "https://example.com/heat",
 "url": "https://example.com/heat", "sameAs": ["https://www.wikidata.org/wiki/Q1134", "/films/heat"],
 "name": "Heat", "alternateName": {"@value": "Heat", "@language": "en"},
 "duration": "PT2H50M", "dateCreated": "1995", "datePublished": "1995-12-15",
 "actor": ["Al Pacino", {"@type": "Person", "name": "Robert De Niro"},
   {"@type": "PerformanceRole", "actor": {"@type": "Person", "name": "Val Kilmer"}, "characterName": "Chris Shiherlis"}],
 "director": "Michael Mann", "author": {"@type": "Person", "name": "Michael Mann"},
 "musicBy": {"@type": "MusicGroup", "name": "Kronos Quartet"},
 "producer": {"@type": "Role", "producer": {"@type": "Person", "name": "Art Linson"}, "roleName": "producer"},
 "productionCompany": "Forward Pass", "countryOfOrigin": "US", "image": "heat.jpg",
 "trailer": {"@type": "VideoObject", "name": "Trailer", "embedUrl": "https://www.youtube.com/embed/x"},
 "review": {"@type": "CriticReview", "author": "Roger Ebert", "reviewBody": "A film of style.",
   "reviewRating": {"@type": "Rating", "ratingValue": "3.5", "bestRating": 4}},
 "aggregateRating": {"@type": "AggregateRating", "ratingValue": 8.3, "ratingCount": "700000"}}`},
	{name: "movie/invalid", doc: `{"@context": "https://schema.org", "@type": "Movie", "name": "Heat",
 "duration": "170 minutes",
 "dateCreated": 1995,
 "actor": ["Al Pacino", 7, {"@type": "Place", "name": "Los Angeles"}],
 "director": true,
 "review": {"@type": "Movie", "name": "Heat 2"},
 "aggregateRating": 8.3,
 "trailer": {"@type": "ImageObject", "contentUrl": "https://example.com/heat.jpg"},
 "countryOfOrigin": {"@type": "Person", "name": "Ava"}}`,
		want: []string{
			`shape.movie Movie "Heat" duration 2:14`,
			`shape.movie Movie "Heat" dateCreated 3:17`,
			`shape.movie Movie "Heat" actor 4:25`,
			`shape.movie Movie "Heat" actor 4:28`,
			`shape.movie Movie "Heat" director 5:14`,
			`shape.movie Movie "Heat" review 6:12`,
			`shape.movie Movie "Heat" aggregateRating 7:21`,
			`shape.movie Movie "Heat" trailer 8:13`,
			`shape.movie Movie "Heat" countryOfOrigin 9:21`,
		}},
	// A node known only by @id, a subtype of Person, a type the vocabulary
	// does not know and an untyped node are all acceptable actors: only
	// a node of a known, unrelated type is wrong.
	{name: "movie/references-and-subtypes", doc: `{"@context": "https://schema.org", "@type": "Movie", "name": "Heat",
 "actor": [{"@id": "https://example.com/people/pacino"}, {"@type": "Patient", "name": "P"},
   {"@type": "Film", "name": "F"}, {"@type": "http://example.org/Star", "name": "S"}, {"name": "U"}],
 "http://example.org/score": 9.5}`},
	// A node of two types is checked by both schemas, but a value both
	// reject is reported once.
	{name: "movie/two-types", doc: `{"@context": "https://schema.org", "@type": ["Movie", "VideoObject"], "name": "Heat",
 "duration": "long"}`,
		want: []string{`shape.movie Movie,VideoObject "Heat" duration 2:14`}},

	{name: "person/valid", doc: `{"@context": "https://schema.org", "@type": "Person", "name": "Michael Mann",
 "givenName": "Michael", "familyName": "Mann", "email": "mailto:mann@example.com",
 "url": "https://example.com/mann", "sameAs": "https://www.wikidata.org/wiki/Q270355",
 "image": {"@type": "ImageObject", "contentUrl": "mann.jpg"}, "birthDate": "1943-02-05"}`},
	{name: "person/invalid", doc: `{"@context": "https://schema.org", "@type": "Person", "name": "Michael Mann",
 "email": "mann at example.com",
 "birthDate": "5 February 1943",
 "sameAs": 270355}`,
		want: []string{
			`shape.person Person "Michael Mann" email 2:11`,
			`shape.person Person "Michael Mann" birthDate 3:15`,
			`shape.person Person "Michael Mann" sameAs 4:12`,
		}},

	{name: "organization/valid", doc: `{"@context": "https://schema.org", "@type": "Corporation", "name": "Forward Pass",
 "legalName": "Forward Pass, Inc.", "url": "https://forwardpass.example",
 "logo": "https://forwardpass.example/logo.png", "foundingDate": "1989"}`},
	{name: "organization/invalid", doc: `{"@context": "https://schema.org", "@type": "Organization", "name": "Forward Pass",
 "logo": {"@type": "Person", "name": "Logo Man"},
 "foundingDate": "the eighties"}`,
		want: []string{
			`shape.organization Organization "Forward Pass" logo 2:10`,
			`shape.organization Organization "Forward Pass" foundingDate 3:18`,
		}},

	{name: "review/valid", doc: `{"@context": "https://schema.org", "@type": "Review", "author": "Alice",
 "datePublished": "2011-04-01T10:00:00+02:00", "reviewBody": "Tense.",
 "reviewRating": {"@type": "Rating", "ratingValue": "4"}, "itemReviewed": {"@type": "Movie", "name": "Heat"}}`},
	{name: "review/invalid-subtype", doc: `{"@context": "https://schema.org", "@type": "CriticReview", "name": "Tense",
 "author": 42,
 "datePublished": "yesterday",
 "reviewBody": " ",
 "reviewRating": 4}`,
		want: []string{
			`shape.review CriticReview "Tense" author 2:12`,
			`shape.review CriticReview "Tense" datePublished 3:19`,
			`shape.review CriticReview "Tense" reviewBody 4:16`,
			`shape.review CriticReview "Tense" reviewRating 5:18`,
		}},

	// Grades in words are schema.org's own example (energy labels A to G).
	{name: "rating/valid", doc: `{"@context": "https://schema.org", "@type": "Rating", "name": "Energy label",
 "ratingValue": "B", "bestRating": "A", "worstRating": "G", "author": {"@type": "Organization", "name": "EU"}}`},
	{name: "rating/invalid", doc: `{"@context": "https://schema.org", "@type": "Rating", "name": "Stars",
 "ratingValue": true,
 "bestRating": {"@type": "Person", "name": "Best"},
 "author": 5}`,
		want: []string{
			`shape.rating Rating "Stars" ratingValue 2:17`,
			`shape.rating Rating "Stars" bestRating 3:16`,
			`shape.rating Rating "Stars" author 4:12`,
		}},

	{name: "aggregaterating/valid", doc: `{"@context": "https://schema.org", "@type": "EmployerAggregateRating", "name": "Staff",
 "ratingValue": "8", "bestRating": "10", "ratingCount": "200", "reviewCount": 50}`},
	{name: "aggregaterating/invalid", doc: `{"@context": "https://schema.org", "@type": "AggregateRating", "name": "Critics",
 "ratingValue": false,
 "ratingCount": -3,
 "reviewCount": ["1,234", 2.5]}`,
		want: []string{
			`shape.aggregaterating AggregateRating "Critics" ratingValue 2:17`,
			`shape.aggregaterating AggregateRating "Critics" ratingCount 3:17`,
			`shape.aggregaterating AggregateRating "Critics" reviewCount 4:18`,
			`shape.aggregaterating AggregateRating "Critics" reviewCount 4:27`,
		}},

	// A Role qualified by dates alone needs no roleName.
	{name: "role/valid", doc: `{"@context": "https://schema.org", "@type": "Movie", "name": "Heat",
 "director": {"@type": "Role", "director": {"@type": "Person", "name": "Michael Mann"}, "roleName": "director"},
 "contributor": {"@type": "Role", "contributor": "Dante Spinotti", "startDate": "1994-09", "endDate": "1995-03"}}`},
	{name: "role/invalid", doc: `{"@context": "https://schema.org", "@type": "Movie", "name": "Heat",
 "director": {"@type": "Role",
  "director": {"@type": "Place", "name": "Chicago"},
  "roleName": 2,
  "startDate": "soon"}}`,
		want: []string{
			`shape.role Role (director of Movie "Heat") director 3:15`,
			`shape.role Role (director of Movie "Heat") roleName 4:15`,
			`shape.role Role (director of Movie "Heat") startDate 5:16`,
		}},

	// performer stands for actor when a PerformanceRole wraps an Event's
	// performer.
	{name: "performancerole/valid", doc: `[{"@context": "https://schema.org", "@type": "Movie", "name": "Ghostbusters",
 "actor": [{"@type": "PerformanceRole", "actor": "Bill Murray", "characterName": "Dr. Peter Venkman"},
   {"@type": "PerformanceRole", "actor": {"@type": "Person", "name": "Sigourney Weaver"}, "roleName": "lead"}]},
 {"@context": "https://schema.org", "@type": "TheaterEvent", "name": "Hamlet",
 "performer": {"@type": "PerformanceRole", "performer": {"@type": "Person", "name": "Ruth Negga"}, "characterName": "Hamlet"}}]`},
	{name: "performancerole/invalid", doc: `{"@context": "https://schema.org", "@type": "Movie", "name": "Heat",
 "actor": [
  {"@type": "PerformanceRole", "characterName": "Chris Shiherlis"},
  {"@type": "PerformanceRole",
   "actor": {"@type": "Organization", "name": "The Troupe"},
   "characterName": 3}]}`,
		want: []string{
			`shape.performancerole PerformanceRole "Chris Shiherlis" (actor of Movie "Heat") actor 3:3`,
			`shape.performancerole PerformanceRole (actor of Movie "Heat") actor 5:13`,
			`shape.performancerole PerformanceRole (actor of Movie "Heat") characterName 6:21`,
		}},

	{name: "videoobject/valid", doc: `{"@context": "https://schema.org", "@type": "VideoObject", "name": "Trailer",
 "embedUrl": "https://www.youtube.com/embed/abc", "contentUrl": "https://example.com/t.mp4",
 "thumbnailUrl": ["https://example.com/t.jpg"], "uploadDate": "2015-06-01", "duration": "PT2M30S"}`},
	{name: "videoobject/invalid", doc: `{"@context": "https://schema.org", "@type": "VideoObject", "name": "Trailer",
 "embedUrl": "not a url",
 "thumbnailUrl": {"@type": "ImageObject", "name": "Still"},
 "uploadDate": "yesterday",
 "duration": "PT"}`,
		want: []string{
			`shape.videoobject VideoObject "Trailer" embedUrl 2:14`,
			`shape.videoobject VideoObject "Trailer" thumbnailUrl 3:18`,
			`shape.videoobject VideoObject "Trailer" uploadDate 4:16`,
			`shape.videoobject VideoObject "Trailer" duration 5:14`,
		}},

	{name: "country/valid", doc: `{"@context": "https://schema.org", "@type": "Country", "name": "Ireland",
 "alternateName": "Éire", "sameAs": "https://www.wikidata.org/wiki/Q27"}`},
	{name: "country/invalid", doc: `{"@context": "https://schema.org", "@type": "Country", "@id": "https://example.com/ie",
 "name": ["",
  "Ireland"],
 "alternateName": 353}`,
		want: []string{
			`shape.country Country <https://example.com/ie> name 2:11`,
			`shape.country Country <https://example.com/ie> alternateName 4:19`,
		}},
}

// shapeSummary renders findings as "rule node property line:col".
func shapeSummary(fs []Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, fmt.Sprintf("%s %s %s %d:%d", f.Rule, f.Node, f.Property, f.Pos.Line, f.Pos.Col))
	}
	return out
}

func loadDoc(t *testing.T, doc string) *Graph {
	t.Helper()
	g, err := Load([]byte(doc), "t.jsonld")
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return g
}

func TestShapes(t *testing.T) {
	for _, tc := range shapeCases {
		t.Run(tc.name, func(t *testing.T) {
			fs := checkShapes(loadDoc(t, tc.doc))
			if got := shapeSummary(sortFindings(fs)); !slices.Equal(got, tc.want) {
				t.Errorf("findings:\n got %q\nwant %q", got, tc.want)
			}
			for _, f := range fs {
				if f.Severity != Error || f.Message == "" || f.Fix == "" || f.Pos.File != "t.jsonld" {
					t.Errorf("incomplete finding %+v", f)
				}
			}
		})
	}
}

// TestShapeCasesCoverSchemas makes sure every schema file has a valid and
// an invalid case above, so a new schema cannot go untested.
func TestShapeCasesCoverSchemas(t *testing.T) {
	files, err := shapeFiles.ReadDir("json")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		name := strings.TrimSuffix(f.Name(), ".json")
		if name == "common" {
			continue // its definitions are what every other case exercises
		}
		for _, kind := range []string{"valid", "invalid"} {
			found := false
			for _, tc := range shapeCases {
				if strings.HasPrefix(tc.name, name+"/"+kind) && (kind == "valid") == (len(tc.want) == 0) {
					found = true
				}
			}
			if !found {
				t.Errorf("no %s case for %s", kind, f.Name())
			}
		}
	}
}

// TestShapeMessages pins the wording, which comes from the schemas' titles
// and descriptions rather than from gojsonschema.
func TestShapeMessages(t *testing.T) {
	for _, tc := range []struct {
		doc, message, fix string
	}{
		{`{"@context": "https://schema.org", "@type": "Movie", "name": 1984}`,
			"the number 1984 is not text",
			"write it as a JSON string with something in it"},
		{`{"@context": "https://schema.org", "@type": "Movie", "duration": "90 minutes"}`,
			`"90 minutes" is not an ISO 8601 duration`,
			`write the length as an ISO 8601 duration: "PT1H32M" or "PT92M" for 92 minutes, "P1DT2H" for a day and two hours`},
		{`{"@context": "https://schema.org", "@type": "Movie", "review": {"@type": "Event"}}`,
			"an Event node is not a Review or text",
			`give a Review node, such as {"@type": "Review", "reviewBody": "…", "author": {…}}`},
		{`{"@context": "https://schema.org", "@type": "Movie", "actor": false}`,
			"the boolean false is not a Person, a PerformanceRole wrapping one, or a name",
			"give a Person node, or a PerformanceRole with the Person as its actor and the part as characterName, or the actor's name as text"},
		{`{"@context": "https://schema.org", "@type": "Country", "name": "  "}`,
			"the value is empty",
			"write it as a JSON string with something in it"},
		{`{"@context": "https://schema.org", "@type": "Review", "datePublished": "Published on the third of October, 2013"}`,
			`"Published on the third of October, 2013" is not an ISO 8601 date in its extended form`,
			`write the date as a string: "2013", "2013-10" or "2013-10-03", optionally with a time such as "2013-10-03T20:30:00+01:00"`},
		{`{"@context": "https://schema.org", "@type": "Review", "datePublished": "Published on the third of October in 2013"}`,
			`"Published on the third of October in 201…" is not an ISO 8601 date in its extended form`,
			`write the date as a string: "2013", "2013-10" or "2013-10-03", optionally with a time such as "2013-10-03T20:30:00+01:00"`},
		{`{"@context": "https://schema.org", "@type": "PerformanceRole", "characterName": "Nora"}`,
			"actor is missing, which PerformanceRole requires",
			`give the Person who plays the part, such as {"@type": "Person", "name": "Bill Murray"}, or the actor's name as text`},
		{`{"@context": "https://schema.org", "@type": "AggregateRating", "ratingCount": -3}`,
			"the number -3 is not a whole number of zero or more",
			`give a count, such as 120 or "120", without separators`},
	} {
		fs := checkShapes(loadDoc(t, tc.doc))
		if len(fs) != 1 {
			t.Errorf("%s: got %d findings, want 1: %v", tc.doc, len(fs), fs)
			continue
		}
		if fs[0].Message != tc.message || fs[0].Fix != tc.fix {
			t.Errorf("%s:\n got %q (%q)\nwant %q (%q)", tc.doc, fs[0].Message, fs[0].Fix, tc.message, tc.fix)
		}
	}
}

// TestShapeSchemasMeta checks the committed schema files against the
// draft-07 meta-schema, which a process no longer does when it loads them
// (newShapeLoader), and that the check can fail.
func TestShapeSchemasMeta(t *testing.T) {
	entries, err := fs.ReadDir(shapeFiles, "json")
	if err != nil {
		t.Fatal(err)
	}
	var loaders []gojsonschema.JSONLoader
	for _, e := range entries {
		data, err := shapeFiles.ReadFile("json/" + e.Name())
		if err != nil {
			t.Fatal(err)
		}
		if err := newShapeLoader(true).AddSchemas(gojsonschema.NewBytesLoader(data)); err != nil && !strings.Contains(err.Error(), "$ref") {
			// A file on its own may fail only on a reference to another.
			t.Errorf("%s: %v", e.Name(), err)
		}
		loaders = append(loaders, gojsonschema.NewBytesLoader(data))
	}
	if err := newShapeLoader(true).AddSchemas(loaders...); err != nil {
		t.Errorf("the shape schemas together: %v", err)
	}
	bad := gojsonschema.NewStringLoader(`{"$id": "https://example.org/bad.json", "type": "objekt", "minLength": "two"}`)
	if err := newShapeLoader(true).AddSchemas(bad); err == nil {
		t.Error("a schema with \"type\": \"objekt\" passed the meta-schema check")
	}
}

// TestShapeSchemas loads the schemas (which checks every $ref against the
// embedded files) and makes sure every property they check has the title
// and description that its messages quote.
func TestShapeSchemas(t *testing.T) {
	set, err := shapes()
	if err != nil {
		t.Fatal(err)
	}
	whole, err := set.compiled()
	if err != nil {
		t.Fatal(err)
	}
	for _, typ := range shapeTypes {
		if whole[typ] == nil {
			t.Errorf("%s: not compiled", typ)
		}
		var props []string
		file := strings.ToLower(typ) + ".json"
		for f := file; f != ""; {
			doc := set.docs[f]
			for p := range doc["properties"].(map[string]any) {
				props = append(props, p)
			}
			f = "" // follow allOf to the schema it extends
			if all, ok := doc["allOf"].([]any); ok {
				f, _ = all[0].(map[string]any)["$ref"].(string)
			}
		}
		for _, p := range props {
			if title, desc := set.expect(typ, p); title == "" || desc == "" {
				t.Errorf("%s.%s: title %q, description %q", typ, p, title, desc)
			}
		}
	}
}

// TestShapesGoldens checks film2ld's own merged exports: whatever film2ld
// writes must have the right shape, read from JSON text and as a decoded
// document alike.
func TestShapesGoldens(t *testing.T) {
	files, err := filepath.Glob("../mapping/testdata/golden/*.jsonld")
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(files, "../mapping/testdata/golden/illegal-samples.jsonld") {
		t.Fatalf("golden illegal-samples.jsonld missing from %v", files)
	}
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		g := loadDoc(t, string(data))
		if n := shapeChecked(g); n == 0 {
			t.Errorf("%s: no node has a shape schema", file)
		}
		for _, f := range checkShapes(g) {
			t.Errorf("%s: %s", file, f)
		}
		var doc any
		if err := json.Unmarshal(data, &doc); err != nil {
			t.Fatal(err)
		}
		for _, f := range checkShapes(FromDoc(doc, file)) {
			t.Errorf("FromDoc %s: %s", file, f)
		}
	}
}

// TestShapesSchemaOrgExamples checks schema.org's own examples (see
// testdata/shapes/README.md), which are valid by definition.
func TestShapesSchemaOrgExamples(t *testing.T) {
	files, err := filepath.Glob("testdata/shapes/eg-*.jsonld")
	if err != nil || len(files) == 0 {
		t.Fatalf("no examples: %v", err)
	}
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		g := loadDoc(t, string(data))
		if n := shapeChecked(g); n == 0 {
			t.Errorf("%s: no node has a shape schema", file)
		}
		for _, f := range checkShapes(g) {
			t.Errorf("%s: %s", file, f)
		}
	}
}

func shapeChecked(g *Graph) int {
	n := 0
	for _, node := range g.Nodes {
		if len(shapeTypesOf(node)) > 0 {
			n++
		}
	}
	return n
}

// TestShapeTypesOf pins which schema a node gets: the nearest one.
func TestShapeTypesOf(t *testing.T) {
	for _, tc := range []struct {
		types []string
		want  []string
	}{
		{[]string{"Movie"}, []string{"Movie"}},
		{[]string{"CriticReview"}, []string{"Review"}},
		{[]string{"EmployerAggregateRating"}, []string{"AggregateRating"}},
		{[]string{"PerformanceRole"}, []string{"PerformanceRole"}},
		{[]string{"Role", "PerformanceRole"}, []string{"PerformanceRole"}},
		{[]string{"OrganizationRole"}, []string{"Role"}},
		{[]string{"MusicGroup"}, []string{"Organization"}},
		{[]string{"Patient"}, []string{"Person"}},
		{[]string{"VideoObjectSnapshot"}, []string{"VideoObject"}},
		{[]string{"Movie", "VideoObject"}, []string{"Movie", "VideoObject"}},
		{[]string{"Place"}, nil},
		{[]string{"Film"}, nil},
	} {
		if got := shapeTypesOf(&Node{Types: tc.types}); !slices.Equal(got, tc.want) {
			t.Errorf("%v: got %v, want %v", tc.types, got, tc.want)
		}
	}
}

// TestShapesNonFinite: a decoded document can hold numbers JSON cannot.
func TestShapesNonFinite(t *testing.T) {
	g := FromDoc(map[string]any{"@context": "https://schema.org", "@type": "AggregateRating", "ratingCount": math.Inf(1)}, "go")
	fs := checkShapes(g)
	want := []string{"shape.aggregaterating AggregateRating ratingCount 0:0"}
	if got := shapeSummary(fs); !slices.Equal(got, want) {
		t.Fatalf("got %q, want %q", got, want)
	}
	if want := "the number +Inf is not a whole number of zero or more"; fs[0].Message != want {
		t.Errorf("message %q, want %q", fs[0].Message, want)
	}
}

// TestShapesDeterministic: gojsonschema's errors come in map order; the
// findings must not.
func TestShapesDeterministic(t *testing.T) {
	var docs []string
	for _, tc := range shapeCases {
		docs = append(docs, tc.doc)
	}
	first := make([][]Finding, len(docs))
	for i, doc := range docs {
		first[i] = checkShapes(loadDoc(t, doc))
	}
	for range 20 {
		for i, doc := range docs {
			if got := checkShapes(loadDoc(t, doc)); !reflect.DeepEqual(got, first[i]) {
				t.Fatalf("%s: findings changed between runs:\n%v\n%v", shapeCases[i].name, got, first[i])
			}
		}
	}
}

// TestShapesConcurrent runs the compiled schemas from many goroutines at
// once; run it with -race.
func TestShapesConcurrent(t *testing.T) {
	want := make([][]Finding, len(shapeCases))
	for i, tc := range shapeCases {
		want[i] = checkShapes(loadDoc(t, tc.doc))
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i, tc := range shapeCases {
				g, err := Load([]byte(tc.doc), "t.jsonld")
				if err != nil {
					t.Error(err)
					return
				}
				if got := checkShapes(g); !reflect.DeepEqual(got, want[i]) {
					t.Errorf("%s: concurrent run differs", tc.name)
				}
			}
		}()
	}
	wg.Wait()
}

// TestShapesParallelSameAsSerial: a large graph is checked in parallel
// chunks, and gives exactly the findings, in the same order, of checking
// it node by node.
func TestShapesParallelSameAsSerial(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"@context": "https://schema.org", "@type": "Movie", "name": "Heat", "review": [`)
	for i := range 400 {
		if i > 0 {
			b.WriteString(",")
		}
		author := fmt.Sprintf(`{"@type": "Person", "name": "Critic %d"}`, i)
		if i%7 == 0 {
			author = "5" // a number: not an author
		}
		fmt.Fprintf(&b, `{"@type": "Review", "author": %s, "reviewRating": {"@type": "Rating", "ratingValue": %d}}`, author, i%5+1)
	}
	b.WriteString("]}")
	g, err := Load([]byte(b.String()), "t.jsonld")
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Nodes) < 512 {
		t.Fatalf("only %d nodes: the parallel path is not taken", len(g.Nodes))
	}
	set, err := shapes()
	if err != nil {
		t.Fatal(err)
	}
	par, ser := checkShapes(g), set.checkNodes(g.Nodes, nil) // nil: each node whole
	if len(par) != 58 || fmt.Sprint(par) != fmt.Sprint(ser) {
		t.Errorf("parallel: %d findings, serial: %d (want 58 each, alike)", len(par), len(ser))
	}
}

// TestShapeCacheBounded: a graph of more distinct values than a shape
// cache holds (each Movie's duration its own) is checked as without the
// cache, findings for values met before and after the cache started
// afresh alike, and the cache never holds more than shapeCacheLimit
// verdicts.
func TestShapeCacheBounded(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"@context": "https://schema.org", "@graph": [`)
	n := 2*shapeCacheLimit + 7
	bad := 0
	for i := range n {
		if i > 0 {
			b.WriteString(",\n")
		}
		duration := fmt.Sprintf("PT%dM", i) // valid, distinct
		switch {
		case i%7 == 0:
			duration = "long" // invalid, met again and again
			bad++
		case i%5 == 0:
			duration = fmt.Sprintf("%d minutes", i) // invalid, distinct
			bad++
		}
		fmt.Fprintf(&b, `{"@type": "Movie", "name": "Film %d", "duration": %q}`, i, duration)
	}
	b.WriteString("]}")
	g, err := Load([]byte(b.String()), "many.jsonld")
	if err != nil {
		t.Fatal(err)
	}
	set, err := shapes()
	if err != nil {
		t.Fatal(err)
	}
	cache := newShapeCache()
	fast := shapeSummary(set.checkNodes(g.Nodes, cache))
	if len(cache) > shapeCacheLimit {
		t.Errorf("the cache holds %d verdicts; want at most %d", len(cache), shapeCacheLimit)
	}
	if len(fast) != bad {
		t.Errorf("%d shape findings; want one per bad duration, %d", len(fast), bad)
	}
	fastPaths = false
	slow := shapeSummary(set.checkNodes(g.Nodes, newShapeCache()))
	fastPaths = true
	if !slices.Equal(fast, slow) {
		t.Errorf("with the cache: %d findings, without: %d, or they differ", len(fast), len(slow))
	}
}

// TestShapeDocsGenerated: shapes_gen.go builds every shape schema file as
// it decodes (numbers as json.Number), and no other; after an edit to a
// file under json/, run go generate ./schemas.
func TestShapeDocsGenerated(t *testing.T) {
	entries, err := fs.ReadDir(shapeFiles, "json")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, err := shapeFiles.ReadFile("json/" + e.Name())
		if err != nil {
			t.Fatal(err)
		}
		dec := json.NewDecoder(bytes.NewReader(data))
		dec.UseNumber()
		var want map[string]any
		if err := dec.Decode(&want); err != nil {
			t.Fatal(err)
		}
		if got := shapeDoc(e.Name()); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: shapes_gen.go does not build the file as it decodes; run go generate ./schemas", e.Name())
		}
		// Afresh on each call: gojsonschema writes into what it is given.
		if a, b := shapeDoc(e.Name()), shapeDoc(e.Name()); reflect.ValueOf(a).UnsafePointer() == reflect.ValueOf(b).UnsafePointer() {
			t.Errorf("%s: shapeDoc gave the same map twice", e.Name())
		}
	}
	if shapeDoc("missing.json") != nil {
		t.Error("shapeDoc built a file that is not there")
	}
}
