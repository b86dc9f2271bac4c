package pipeline_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/film2ld/film2ld/ld"
	"github.com/film2ld/film2ld/mapping/pipeline"
	"github.com/film2ld/film2ld/schemas"
)

var update = flag.Bool("update", false, "rewrite testdata/snippet/*.golden")

// input is a named input of validate.
type input struct {
	name string
	data []byte
}

// dataExports returns each test film's export in each linked data form
// validate reads as data (N-Quads, Turtle, TriG, expanded and flattened
// JSON-LD), named by the film and the form's extension.
func dataExports(t *testing.T) []input {
	t.Helper()
	var inputs []input
	all := films(t)
	for _, name := range slices.Sorted(maps.Keys(all)) {
		for _, format := range []ld.Format{ld.FormatNQuads, ld.FormatTurtle, ld.FormatTriG, ld.FormatExpanded, ld.FormatFlattened} {
			job := pipeline.New(pipeline.Options{Format: format})
			for _, f := range all[name] {
				data, err := os.ReadFile(f)
				if err != nil {
					t.Fatal(err)
				}
				if _, err := job.Read(bytes.NewReader(data), filepath.Base(f)); err != nil {
					t.Fatal(err)
				}
			}
			film, err := job.Merge()
			if err != nil {
				t.Fatal(err)
			}
			out, err := job.Render(film)
			if err != nil {
				t.Fatal(err)
			}
			data, err := out.Bytes()
			if err != nil {
				t.Fatal(err)
			}
			inputs = append(inputs, input{name + pipeline.Extension(format), data})
		}
	}
	return inputs
}

// TestLoadRDFSnippet pins what validate reports for linked data: Load
// makes of N-Quads, Turtle, TriG and expanded or flattened JSON-LD the web
// snippet export would make (schemas.SnippetFor) and Validate checks it.
// The golden files hold every finding and every node left in the snippet,
// for each test film's export in each RDF format, and for hand-written
// data that breaks the search-engine rules in every way the snippet acts
// on, with and without a page URL. Run with -update after a deliberate
// change and read the diff.
func TestLoadRDFSnippet(t *testing.T) {
	inputs := dataExports(t)
	edges, _ := filepath.Glob("testdata/snippet/edge*")
	for _, p := range edges {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, input{filepath.Base(p), data})
	}
	for _, page := range []string{"", "https://www.films.example/night-ferry"} {
		var report strings.Builder
		for _, in := range inputs {
			if page != "" && !strings.HasPrefix(in.name, "edge") {
				continue
			}
			g, err := pipeline.Load(in.data, in.name, in.name, page)
			if err != nil {
				t.Fatalf("%s: %v", in.name, err)
			}
			fmt.Fprintf(&report, "== %s\n", in.name)
			for _, n := range g.Nodes {
				fmt.Fprintf(&report, "node %s\n", n.Describe())
			}
			for _, f := range schemas.Validate(g, schemas.Google) {
				fmt.Fprintf(&report, "%s\n", f)
			}
		}
		golden := "testdata/snippet/films.golden"
		if page != "" {
			golden = "testdata/snippet/page.golden"
		}
		if *update {
			if err := os.WriteFile(golden, []byte(report.String()), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run go test ./mapping/pipeline -run TestLoadRDFSnippet -update)", err)
		}
		if report.String() != string(want) {
			t.Errorf("validate's findings for linked data changed (%s); got:\n%s", golden, report.String())
		}
	}
}

// TestLoadTellsMarkupArraysFromData: an array is linked data (checked as
// the snippet export would make of it, nodes placed at their @id's line)
// only when it is expanded JSON-LD; an array of compact nodes is a page's
// markup, checked where each value stands, and values or {} alone are
// one jsonld.empty error.
func TestLoadTellsMarkupArraysFromData(t *testing.T) {
	for _, tt := range []struct {
		doc    string
		markup bool   // placed at a column, as markup is
		rule   string // a rule among the findings, if any
	}{
		{`[{"@context": "https://schema.org", "@type": "Movie", "name": "Heat"}]`, true, schemas.RuleMovieRecommended},
		{`[{"@type": "Movie", "name": "Heat"}]`, true, schemas.RuleMovieRecommended},
		{"[\n{\"@id\": \"https://films.example/heat\", \"@type\": [\"http://schema.org/Movie\"]}]", false, "google.movie.name"},
		{`[{}]`, true, schemas.RuleEmpty},
		{`[1, {"@id": "https://films.example/heat"}]`, true, schemas.RuleJSONLDSyntax},
	} {
		g, err := pipeline.Load([]byte(tt.doc), "t.jsonld", "t.jsonld", "")
		if err != nil {
			t.Fatalf("%s: %v", tt.doc, err)
		}
		fs := schemas.Validate(g, schemas.Google)
		found := false
		for _, f := range fs {
			if f.Rule != tt.rule {
				continue
			}
			found = true
			if (f.Pos.Col > 0) != tt.markup {
				t.Errorf("%s: %s at %v; want it checked as markup: %v", tt.doc, f.Rule, f.Pos, tt.markup)
			}
		}
		if !found {
			t.Errorf("%s: no %s finding among %v", tt.doc, tt.rule, fs)
		}
	}
}

// TestLoadLinkedDataUnchecked: linked data that states nothing is an
// error, and data none of whose nodes has a schema.org type a warning,
// as for markup; neither passes in silence.
func TestLoadLinkedDataUnchecked(t *testing.T) {
	const title = `<https://films.example/heat> <http://example.org/title> "Heat" .` + "\n"
	const typed = `<https://films.example/heat> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://schema.org/Movie> .` + "\n"
	for _, tt := range []struct {
		name, data string
		want       string // the rule reported, or ""
	}{
		{"untyped.nq", title, schemas.RuleNoSchemaOrg},
		{"other-type.nq", title + `<https://films.example/heat> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://example.org/Film> .` + "\n", schemas.RuleNoSchemaOrg},
		{"typed.nq", title + typed, ""},
		{"untyped.jsonld", `[{"@id": "https://films.example/heat", "http://schema.org/name": [{"@value": "Heat"}]}]`, schemas.RuleNoSchemaOrg},
		{"named-only.jsonld", `[{"@id": "https://films.example/heat"}]`, schemas.RuleEmpty},
		{"typed.jsonld", `[{"@id": "https://films.example/heat", "@type": ["https://schema.org/Movie"]}]`, ""},
	} {
		g, err := pipeline.Load([]byte(tt.data), tt.name, tt.name, "")
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		var got []string
		for _, f := range schemas.Validate(g, schemas.Google) {
			if f.Rule == schemas.RuleNoSchemaOrg || f.Rule == schemas.RuleEmpty {
				got = append(got, f.Rule)
			}
		}
		if want := strings.Fields(tt.want); !slices.Equal(got, want) {
			t.Errorf("%s: %q; want %q", tt.name, got, want)
		}
	}
}

// TestLoadNamedGraphs: statements in named graphs that are not a film's
// merged view (data from a triple store, a graph per page) are checked
// as one graph, with a note, when the default graph holds nothing (they
// were reported as no statement at all), and counted in a warning when
// they are left beside a default graph. (A film's export, its view and
// its sources in graphs of their own, gets neither: TestLoadRDFSnippet's
// golden files hold every finding of the test films' exports.)
func TestLoadNamedGraphs(t *testing.T) {
	const movie = `<https://films.example/m/%d> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://schema.org/Movie> %s.` + "\n"
	const review = `_:r%d <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://schema.org/Review> %s.` + "\n" +
		`_:r%d <http://schema.org/itemReviewed> <https://films.example/m/%d> %s.` + "\n"
	nq := func(graphs ...string) string {
		var b strings.Builder
		for i, g := range graphs {
			fmt.Fprintf(&b, movie, i, g)
			fmt.Fprintf(&b, review, i, g, i, i, g)
		}
		return b.String()
	}
	for _, tt := range []struct {
		name, data string
		want       []string // the rules below found, as "severity rule"
	}{
		{"one named graph", nq("<urn:g:1> "),
			[]string{"note jsonld.named-graphs", "error google.movie.name", "error google.review.author"}},
		{"two graphs, one blank", nq("<urn:g:1> ", "_:g "),
			[]string{"note jsonld.named-graphs", "error google.movie.name", "error google.review.author"}},
		{"default and named", nq("", "<urn:g:2> "),
			[]string{"warning jsonld.named-graphs", "error google.movie.name", "error google.review.author"}},
		{"default only", nq(""), []string{"error google.movie.name", "error google.review.author"}},
		// An RDF list: the dataset declines it, and the statements it
		// holds go through json-gold's conversion of the whole.
		{"default only, with a list", nq("") + `<https://films.example/m/0> <http://schema.org/genre> _:l .
_:l <http://www.w3.org/1999/02/22-rdf-syntax-ns#first> "Drama" .
_:l <http://www.w3.org/1999/02/22-rdf-syntax-ns#rest> <http://www.w3.org/1999/02/22-rdf-syntax-ns#nil> .
`, []string{"error google.movie.name", "error google.review.author"}},
	} {
		g, err := pipeline.Load([]byte(tt.data), "data.nq", "data.nq", "")
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		var got []string
		var message string
		for _, f := range schemas.Validate(g, schemas.Google) {
			switch f.Rule {
			case schemas.RuleNamedGraphs:
				message = f.Message
				fallthrough
			case schemas.RuleEmpty, schemas.RuleMovieName, schemas.RuleReviewAuthor:
				got = append(got, string(f.Severity)+" "+f.Rule)
			}
		}
		slices.Sort(got)
		got = slices.Compact(got)
		want := slices.Sorted(slices.Values(tt.want))
		if !slices.Equal(got, want) {
			t.Errorf("%s: %q; want %q", tt.name, got, want)
		}
		if named := strings.Count(tt.data, " <urn:g:") + strings.Count(tt.data, " _:g ."); message != "" && !strings.Contains(message, fmt.Sprintf("%d statements ", named)) {
			t.Errorf("%s: %q does not count the statements", tt.name, message)
		}
	}
}

// TestLoadFoldsSchemaOrgHTTPS: linked data in schema.org's https
// namespace (https://schema.org/name, which schema.org and search engines
// take for the same term) is checked as the same data in the http one,
// whose IRIs the schema.org context's terms stand for: every test film's
// export in each RDF and JSON-LD data form, and hand-written statements
// with a typed date, an enumeration member and IRIs the context coerces
// to strings (image, sameAs), which were each a reference to an
// undescribed node (jsonld.dangling-ref) in the https namespace.
func TestLoadFoldsSchemaOrgHTTPS(t *testing.T) {
	report := func(name string, data []byte) string {
		t.Helper()
		g, err := pipeline.Load(data, name, name, "")
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		// The nodes as a set: the https form of expanded JSON-LD is
		// folded through its statements, which give them in another
		// order.
		var lines []string
		for _, n := range g.Nodes {
			lines = append(lines, "node "+n.Describe())
		}
		slices.Sort(lines)
		for _, f := range schemas.Validate(g, schemas.Google) {
			lines = append(lines, f.String())
		}
		return strings.Join(lines, "\n")
	}
	const hand = `<https://films.example/heat> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://schema.org/Movie> .
<https://films.example/heat> <http://schema.org/name> "Heat" .
<https://films.example/heat> <http://schema.org/image> <https://films.example/heat.jpg> .
<https://films.example/heat> <http://schema.org/sameAs> <https://www.wikidata.org/wiki/Q271627> .
<https://films.example/heat> <http://schema.org/dateCreated> "1995-12-15"^^<http://schema.org/Date> .
<https://films.example/heat> <http://schema.org/duration> "170 min" .
<https://films.example/heat> <http://schema.org/offers> _:o .
_:o <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://schema.org/Offer> .
_:o <http://schema.org/availability> <http://schema.org/InStock> .
`
	inputs := append([]input{{"hand.nq", []byte(hand)}}, dataExports(t)...)
	folded := 0
	for _, in := range inputs {
		https := bytes.ReplaceAll(in.data, []byte("http://schema.org/"), []byte("https://schema.org/"))
		if bytes.Equal(https, in.data) {
			continue
		}
		folded++
		want := report(in.name, in.data)
		if got := report(in.name, https); got != want {
			t.Errorf("%s in the https namespace: got\n%s\nwant (as in the http one)\n%s", in.name, got, want)
		}
	}
	if folded < 4 {
		t.Fatalf("only %d inputs name schema.org's http namespace: the test checks too little", folded)
	}
}

// TestLoadPlacesCompactIRIs: flattened JSON-LD whose nodes are named by
// compact IRIs of prefixes its own context adds (a Wikidata export's
// "wd:Q172241") has each node's findings at the line of its @id, as with
// full IRIs; they had no line.
func TestLoadPlacesCompactIRIs(t *testing.T) {
	for _, ctx := range []string{
		`["https://schema.org", {"wd": "http://www.wikidata.org/entity/"}]`,
		`["https://schema.org", {"wd": {"@id": "http://www.wikidata.org/entity/", "@prefix": true}}]`,
		`[{"wd": "http://example.org/other/"}, "https://schema.org", {"wd": "http://www.wikidata.org/entity/"}]`,
	} {
		data := `{
  "@context": ` + ctx + `,
  "@graph": [
    {"@id": "wd:Q1", "@type": "Person", "name": "A"},
    {
      "@id": "wd:Q172241",
      "@type": "Movie",
      "name": "The Shawshank Redemption",
      "duration": "142 min"
    }
  ]
}`
		g, err := pipeline.Load([]byte(data), "wd.jsonld", "wd.jsonld", "")
		if err != nil {
			t.Fatalf("%s: %v", ctx, err)
		}
		found := false
		for _, f := range schemas.Validate(g, schemas.Google) {
			if f.Node == "" || !strings.Contains(f.Node, "Q172241") {
				continue
			}
			found = true
			if f.Pos.Line != 6 {
				t.Errorf("%s: %s at line %d; want 6, the line of its @id", ctx, f, f.Pos.Line)
			}
		}
		if !found {
			t.Errorf("%s: no finding about the Movie", ctx)
		}
	}
}

// TestLoadNestedMovieAsInMarkup: a page's Movie nested as the item of
// its review (IMDb's shape) is not a Movie the page is about, in the
// page and in the linked data converted from it alike: as N-Quads,
// Turtle or expanded JSON-LD it was faulted for its missing name (an
// error) where the page passed. A Movie its review names back, in data
// as in markup, is still the page's Movie and checked as one.
func TestLoadNestedMovieAsInMarkup(t *testing.T) {
	p := ld.NewProcessor(ld.Config{})
	verdict := func(name string, data []byte) []string {
		t.Helper()
		g, err := pipeline.Load(data, name, name, "")
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var out []string
		for _, f := range schemas.Validate(g, schemas.Google) {
			out = append(out, f.Rule+" "+f.Node)
		}
		slices.Sort(out)
		return out
	}
	for _, tt := range []struct {
		name, markup string
		want         []string // rules that must be reported ("" for none)
	}{
		{"nested item", `{"@context": "https://schema.org", "@type": "Movie", "name": "Inception", "image": "https://i.example/p.jpg",
  "dateCreated": "2010-07-08", "director": {"@type": "Person", "name": "Christopher Nolan"},
  "aggregateRating": {"@type": "AggregateRating", "ratingValue": 8.8, "bestRating": 10, "ratingCount": 26},
  "review": {"@type": "Review", "itemReviewed": {"@type": "Movie", "url": "https://www.imdb.com/title/tt1375666/"},
    "author": {"@type": "Person", "name": "rmax304823"}, "reviewRating": {"@type": "Rating", "bestRating": 10, "ratingValue": 10}}}`, nil},
		{"named back", `{"@context": "https://schema.org", "@type": "Movie", "@id": "_:m", "name": "Heat",
  "review": {"@type": "Review", "itemReviewed": {"@id": "_:m"}, "author": {"@type": "Person", "name": "A. Critic"},
    "reviewRating": {"@type": "Rating", "ratingValue": 4}}}`, []string{"google.movie.image"}},
	} {
		page := []byte(`<html><head><script type="application/ld+json">` + tt.markup + `</script></head></html>`)
		want := verdict(tt.name+".html", page)
		for _, rule := range tt.want {
			if !slices.ContainsFunc(want, func(s string) bool { return strings.HasPrefix(s, rule+" ") }) {
				t.Errorf("%s: the page has no %s finding: %q", tt.name, rule, want)
			}
		}
		var doc any
		if err := json.Unmarshal([]byte(tt.markup), &doc); err != nil {
			t.Fatal(err)
		}
		nq, err := p.ToNQuads(doc, ld.Options{})
		if err != nil {
			t.Fatal(err)
		}
		expanded, err := p.Expand(doc, ld.Options{})
		if err != nil {
			t.Fatal(err)
		}
		exp, err := json.Marshal(expanded)
		if err != nil {
			t.Fatal(err)
		}
		for _, in := range []struct {
			name string
			data []byte
		}{{tt.name + ".nq", []byte(nq)}, {tt.name + ".jsonld", exp}} {
			if got := verdict(in.name, in.data); !slices.Equal(got, want) {
				t.Errorf("%s: %q; the page gives %q", in.name, got, want)
			}
		}
	}
}

// TestLoadCountsBlankNodesAlike: two reviews alike (both without an
// author, both blank nodes) are two findings in every data form. In
// N-Quads, Turtle and expanded JSON-LD they are placed alike, and were
// one finding; flattened JSON-LD, which gives each a line, had two
// (audit 15: counts differed between forms of the same data).
func TestLoadCountsBlankNodesAlike(t *testing.T) {
	nq := `<urn:x:film> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://schema.org/Movie> .
<urn:x:film> <http://schema.org/name> "Kite Hill" .
<urn:x:film> <http://schema.org/image> <https://i.example/kite.jpg> .
<urn:x:film> <http://schema.org/review> _:r1 .
<urn:x:film> <http://schema.org/review> _:r2 .
<urn:x:film> <http://schema.org/review> _:r3 .
_:r1 <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://schema.org/Review> .
_:r1 <http://schema.org/reviewBody> "Lovely." .
_:r2 <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://schema.org/Review> .
_:r2 <http://schema.org/reviewBody> "Slight." .
_:r3 <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://schema.org/Review> .
_:r3 <http://schema.org/reviewBody> "Warm." .
`
	p := ld.NewProcessor(ld.Config{})
	doc, err := p.FromNQuads(strings.NewReader(nq), "film.nq")
	if err != nil {
		t.Fatal(err)
	}
	forms := map[string][]byte{"film.nq": []byte(nq)}
	for name, f := range map[string]ld.Format{"film.expanded.jsonld": ld.FormatExpanded, "film.flattened.jsonld": ld.FormatFlattened, "film.ttl": ld.FormatTurtle} {
		var b bytes.Buffer
		if err := p.Write(&b, doc, f, ld.Options{}); err != nil {
			t.Fatal(err)
		}
		forms[name] = b.Bytes()
	}
	for name, data := range forms {
		g, err := pipeline.Load(data, name, name, "")
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		n := 0
		for _, f := range schemas.Validate(g, schemas.Google) {
			if strings.Contains(f.Message, "a Review needs an author") {
				n++
			}
		}
		if n != 3 {
			t.Errorf("%s: %d findings of a review without an author; want 3, one a review", name, n)
		}
	}
}
