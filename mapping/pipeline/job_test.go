package pipeline_test

import (
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/film2ld/film2ld/ld"
	"github.com/film2ld/film2ld/mapping"
	"github.com/film2ld/film2ld/mapping/pipeline"
	"github.com/film2ld/film2ld/schemas"
)

// A review page of a film no other document here names, in the sample's
// layout: a headline score, one review with an author and one without.
const reviewPage = "Universal acclaim - based on 2 Critics\n\n" +
	"Critic score distribution:\n  1. Positive: 2 out of 2\n  2. Mixed: 0 out of 2\n  3. Negative: 0 out of 2\nWatch On\n" +
	"  1. Reviewed by:\u00a0 Ines Marr\n    May 2, 2004\n    The river is the film's true lead.\n" +
	"  2. Reviewed by:\u00a0 Tove Sand\n    May 5, 2004\n    Patient and exact."

const article = "= Dark River (2004 film) =\n\nDark River is a 2004 Norwegian drama film directed by Eli Brekke.\n\n" +
	"== Infobox ==\n- Directed by: Eli Brekke\n- Running time: 88 minutes\n"

func read(t *testing.T, job *pipeline.Job, docs ...string) {
	t.Helper()
	for i, d := range docs {
		if note, err := job.Read(strings.NewReader(d), []string{"a.txt", "b.txt", "c.txt"}[i]); err != nil || note != nil {
			t.Fatalf("Read %d: %v, %v", i, note, err)
		}
	}
}

// TestJobReadsEachDocumentOnce: the same bytes twice are one document,
// with a note naming both names; a document that is no film document is
// an error that names it.
func TestJobReadsEachDocumentOnce(t *testing.T) {
	job := pipeline.New(pipeline.Options{})
	read(t, job, article)
	note, err := job.Read(strings.NewReader(article), "copy.txt")
	if err != nil || note == nil || note.String() != "copy.txt is the same document as a.txt (the same bytes); read once" {
		t.Errorf("second copy: %v, %v", note, err)
	}
	if len(job.Sources()) != 1 {
		t.Errorf("%d sources", len(job.Sources()))
	}
	if _, err := job.Read(strings.NewReader("Milk: 2 litres\nBread: 1 loaf\n"), "list.txt"); !errors.Is(err, mapping.ErrUnknownKind) || !strings.Contains(err.Error(), "list.txt") {
		t.Errorf("a shopping list: %v", err)
	}
	if _, err := pipeline.New(pipeline.Options{}).Merge(); !errors.Is(err, pipeline.ErrNoDocuments) {
		t.Errorf("no documents: %v", err)
	}
}

// TestRenderViews: each format gets its view, and a web snippet of a film
// no document names is refused while the RDF formats still write its facts.
func TestRenderViews(t *testing.T) {
	for _, tt := range []struct {
		format ld.Format
		docs   []string
		view   pipeline.View
		err    error
	}{
		{ld.FormatJSONLD, []string{article, reviewPage}, pipeline.Snippet, nil},
		{ld.FormatNQuads, []string{article, reviewPage}, pipeline.Dataset, nil},
		{ld.FormatTurtle, []string{article}, pipeline.Merged, nil},
		{ld.FormatHTML, []string{reviewPage}, 0, mapping.ErrNoName},
		{ld.FormatNQuads, []string{reviewPage}, pipeline.Dataset, nil},
	} {
		job := pipeline.New(pipeline.Options{Format: tt.format})
		read(t, job, tt.docs...)
		f, err := job.Merge()
		if err != nil {
			t.Fatal(err)
		}
		out, err := job.Render(f)
		if !errors.Is(err, tt.err) {
			t.Errorf("%s of %d documents: %v; want %v", tt.format, len(tt.docs), err, tt.err)
			continue
		}
		if err != nil {
			continue
		}
		b, err := out.Bytes()
		if out.View != tt.view || err != nil || len(b) == 0 {
			t.Errorf("%s: view %d, %d bytes, %v; want view %d", tt.format, out.View, len(b), err, tt.view)
		}
	}
}

// TestSnippetForAPage: with a page URL, the reviews and ratings of review
// pages on other sites are left out and counted; without one, a snippet
// that marks up a review aggregator's reviews says so.
func TestSnippetForAPage(t *testing.T) {
	job := pipeline.New(pipeline.Options{Format: ld.FormatJSONLD, Page: mapping.Page{URL: "https://cinema.example/dark-river"}})
	read(t, job, article, reviewPage)
	f, err := job.Merge()
	if err != nil {
		t.Fatal(err)
	}
	out, err := job.Render(f)
	if err != nil {
		t.Fatal(err)
	}
	// Two reviews, the headline verdict and three bands.
	want := "left out of the web snippet: 6 reviews and ratings taken from review pages that are not on cinema.example (b.txt) [google.review.third-party]"
	if len(out.Film.Reviews)+len(out.Film.Ratings) != 0 || out.OffSiteMessage() != want || out.Aggregated {
		t.Errorf("%d reviews, %d ratings kept; %q, aggregated %v", len(out.Film.Reviews), len(out.Film.Ratings), out.OffSiteMessage(), out.Aggregated)
	}
	// The reviewers went with their reviews.
	for _, a := range out.Film.Agents {
		if a.Name == "Ines Marr" || a.Name == "Tove Sand" {
			t.Errorf("%s stayed without a review", a.Name)
		}
	}

	job = pipeline.New(pipeline.Options{Format: ld.FormatJSONLD})
	read(t, job, article, reviewPage)
	f, _ = job.Merge()
	if out, err = job.Render(f); err != nil {
		t.Fatal(err)
	}
	if len(out.Film.Reviews) != 2 || !out.Aggregated || out.OffSite != 0 {
		t.Errorf("without a page: %d reviews, aggregated %v, offsite %d", len(out.Film.Reviews), out.Aggregated, out.OffSite)
	}
}

// TestGraphIsWhatExportWrites: validate's graph of a film is the snippet
// export writes, and what the snippet left out is a warning each.
func TestGraphIsWhatExportWrites(t *testing.T) {
	job := pipeline.New(pipeline.FilmOptions(""))
	read(t, job, article, reviewPage)
	f, err := job.Merge()
	if err != nil {
		t.Fatal(err)
	}
	g, err := job.Graph(f, "dark-river")
	if err != nil {
		t.Fatal(err)
	}
	// The headline verdict has no score, and neither has any band: each
	// is placed at its line of the review page (b.txt), not at the film.
	var leftOut []string
	for _, p := range g.Problems {
		if p.Rule == schemas.RuleLeftOut && p.Severity == schemas.Warning {
			leftOut = append(leftOut, fmt.Sprintf("%s %s", p.Pos, p.Node))
		}
	}
	want := []string{`b.txt:1 AggregateRating "Critic score"`, `b.txt:4 AggregateRating "Critic score: Positive"`,
		`b.txt:5 AggregateRating "Critic score: Mixed"`, `b.txt:6 AggregateRating "Critic score: Negative"`}
	if slices.Sort(leftOut); !slices.Equal(leftOut, want) {
		t.Errorf("left-out warnings %q; want %q", leftOut, want)
	}
	for _, fd := range schemas.Validate(g, schemas.Google) {
		if fd.Severity == schemas.Error {
			t.Errorf("what export writes fails validate: %s", fd)
		}
	}
}

// TestLoadTellsForms: validate's inputs are told apart by name and
// content, a film document also without a .txt name.
func TestLoadTellsForms(t *testing.T) {
	for _, tt := range []struct{ name, data, movie string }{
		{"-", article, "urn:film2ld:film/dark-river-2004"},
		{"film.txt", article, "urn:film2ld:film/dark-river-2004"},
		{"data.nq", "<urn:x:f> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://schema.org/Movie> .\n<urn:x:f> <https://schema.org/name> \"F\" .\n", "urn:x:f"},
		{"-", `{"@context": "https://schema.org", "@type": "Movie", "@id": "urn:x:g", "name": "G"}`, "urn:x:g"},
		{"page.html", `<html><script type="application/ld+json">{"@context": "https://schema.org", "@type": "Movie", "@id": "urn:x:h", "name": "H"}</script></html>`, "urn:x:h"},
	} {
		g, err := pipeline.Load([]byte(tt.data), tt.name, tt.name, "")
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		found := false
		for _, n := range g.Nodes {
			found = found || n.ID == tt.movie && n.Is("Movie")
		}
		if !found {
			t.Errorf("%s: no Movie <%s>", tt.name, tt.movie)
		}
	}
}

// TestCheckBase: a base is an absolute IRI, by ld's check, ending where a
// minted path can follow.
func TestCheckBase(t *testing.T) {
	for base, want := range map[string]string{
		"https://films.example/id/":  "",
		"urn:films:":                 "",
		"https://films.example/#":    "",
		"films.example/":             "is not an absolute IRI",
		"https://films.example/a b/": "holds a character an IRI cannot",
		"https://films.example/id":   "must end in /, # or :",
	} {
		err := pipeline.CheckBase(base)
		if want == "" && err != nil || want != "" && (err == nil || !strings.Contains(err.Error(), want)) {
			t.Errorf("CheckBase(%q) = %v; want %q", base, err, want)
		}
	}
}

// TestLoadPlacesNQuads: a node of N-Quads data is placed at the first line
// that states something of it, as ld's reader counts lines.
func TestLoadPlacesNQuads(t *testing.T) {
	data := "# one film\n\n<urn:x:f> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://schema.org/Movie> .\n" +
		"<urn:x:p> <https://schema.org/name> \"P\" .\n<urn:x:f> <https://schema.org/director> <urn:x:p> .\n"
	g, err := pipeline.Load([]byte(data), "film.nq", "film.nq", "")
	if err != nil {
		t.Fatal(err)
	}
	lines := map[string]int{}
	for _, n := range g.Nodes {
		lines[n.ID] = n.Pos.Line
	}
	if lines["urn:x:f"] != 3 || lines["urn:x:p"] != 4 {
		t.Errorf("lines %v; want urn:x:f at 3, urn:x:p at 4", lines)
	}
}

// TestCheckView: a SPARQL Update replaces the film's named graphs, so it
// cannot carry the merged view alone or in the default graph; every other
// format can, and Render refuses what CheckView refuses.
func TestCheckView(t *testing.T) {
	for _, f := range ld.Formats() {
		for _, merged := range []bool{false, true} {
			for _, inDefault := range []bool{false, true} {
				err := pipeline.CheckView(f, merged, inDefault)
				refused := f == ld.FormatSPARQLUpdate && (merged || inDefault)
				if refused != errors.Is(err, pipeline.ErrUpdateDefaultGraph) || !refused && err != nil {
					t.Errorf("CheckView(%s, merged %v, in default graph %v) = %v", f, merged, inDefault, err)
				}
			}
		}
	}
	for _, opts := range []pipeline.Options{
		{Format: ld.FormatSPARQLUpdate, Merged: true},
		{Format: ld.FormatSPARQLUpdate, Merge: mapping.Options{MergedInDefaultGraph: true}},
	} {
		job := pipeline.New(opts)
		read(t, job, article)
		f, err := job.Merge()
		if err != nil {
			t.Fatal(err)
		}
		if out, err := job.Render(f); !errors.Is(err, pipeline.ErrUpdateDefaultGraph) || out != nil {
			t.Errorf("Render with %+v: %v, %v", opts, out, err)
		}
	}
	job := pipeline.New(pipeline.Options{Format: ld.FormatSPARQLUpdate})
	read(t, job, article)
	f, err := job.Merge()
	if err != nil {
		t.Fatal(err)
	}
	if out, err := job.Render(f); err != nil || out.View != pipeline.Dataset {
		t.Errorf("a SPARQL Update of the dataset: %v, %v", out, err)
	}
}

// A review the web snippet leaves out is reported at its own document and
// line, among several documents: validate's reader is sent to the review,
// where every such finding named all the film's documents and no line.
func TestLeftOutReviewAtItsLine(t *testing.T) {
	page := "Universal acclaim - based on 1 Critic\n\n" +
		"  1. Reviewed by: Ines Marr\n    May 2, 2004\n    The river is the film's true lead.\n" +
		"User Score\n\nNo user score yet- Awaiting 2 more ratings\n\n" +
		"User score distribution:\n  1. Positive: 1 out of 1\n  2. Mixed: 0 out of 1\n  3. Negative: 0 out of 1\n" +
		"  1. Dec 14, 2011\n    Nobody signed this one, and it says so at length.\n"
	job := pipeline.New(pipeline.FilmOptions(""))
	for name, text := range map[string]string{"a.txt": article, "reviews/dark-river.txt": page} {
		if _, err := job.Read(strings.NewReader(text), name); err != nil {
			t.Fatal(err)
		}
	}
	f, err := job.Merge()
	if err != nil {
		t.Fatal(err)
	}
	g, err := job.Graph(f, "a.txt, reviews/dark-river.txt")
	if err != nil {
		t.Fatal(err)
	}
	var review []string
	for _, p := range g.Problems {
		if p.Rule == schemas.RuleLeftOut && strings.HasPrefix(p.Node, "Review") {
			review = append(review, p.Pos.String())
		}
	}
	// Its line is its text's, as the merge's warnings place a review.
	if want := []string{"reviews/dark-river.txt:15"}; !slices.Equal(review, want) {
		t.Errorf("the review by no one was left out at %q; want %q", review, want)
	}
}

// A finding about a node one document states is placed at that document
// and line, in the whole check and in parts: a kept review's, and a
// trailer's, where every finding of a film named all its documents. The
// Movie, which every document states, stays at the film.
func TestFilmFindingsAtTheirDocument(t *testing.T) {
	prize, err := os.ReadFile("../../testdata/films/les-etes-immobiles/prize.txt")
	if err != nil {
		t.Fatal(err)
	}
	page := "Universal acclaim - based on 2 Critics\n\n" +
		"  1. Reviewed by: Ines Marr\n    Publication: The River Review\n    Score: 90\n    May 2, 2015\n    A tide of a film.\n" +
		"  2. Reviewed by: Tom Brae\n    Publication: North Screen\n    Score: 70\n    The sea does the acting.\n"
	const film = "prize.txt, reviews.txt"
	for _, part := range []int{pipeline.CheckPart, 1} {
		old := pipeline.CheckPart
		pipeline.CheckPart = part
		job := pipeline.New(pipeline.FilmOptions(""))
		for _, d := range []struct{ name, text string }{{"prize.txt", string(prize)}, {"reviews.txt", page}} {
			if _, err := job.Read(strings.NewReader(d.text), d.name); err != nil {
				t.Fatal(err)
			}
		}
		f, err := job.Merge()
		if err != nil {
			t.Fatal(err)
		}
		_, fs, err := job.Check(f, film, schemas.Google, nil, false)
		pipeline.CheckPart = old
		if err != nil {
			t.Fatal(err)
		}
		at := map[string]string{}
		for _, x := range fs {
			at[x.Rule+" "+strings.Fields(x.Node)[0]] = x.Pos.String()
		}
		for key, want := range map[string]string{
			"google.review.date Review":         "reviews.txt:11", // its text's line
			"google.video.required VideoObject": "prize.txt:63",
			"google.movie.image Movie":          film,
		} {
			if at[key] != want {
				t.Errorf("parts of %d: %s at %q; want %q (all: %v)", part, key, at[key], want, at)
			}
		}
	}
}

// An address a document states that no linked-data writer takes (a "%"
// with no two hex digits, a space) is left out with a note at its line,
// and the film is written: it failed the whole export with an error that
// named no line.
func TestBadAddressesLeftOut(t *testing.T) {
	prize, err := os.ReadFile("../../testdata/films/les-etes-immobiles/prize.txt")
	if err != nil {
		t.Fatal(err)
	}
	page := strings.Replace(string(prize), "les-%C3%A9t%C3%A9s-immobiles", "les-%zz-immobiles", 1)
	page = strings.Replace(page, "embed/Fx7amberC0a?", "embed/Fx7%zzamberC0a?", 1)
	if page == string(prize) {
		t.Fatal("the test page's addresses are not where the test expects them")
	}
	job := pipeline.New(pipeline.FilmOptions(""))
	if _, err := job.Read(strings.NewReader(page), "prize.txt"); err != nil {
		t.Fatal(err)
	}
	var lines []int
	for _, n := range job.Sources()[0].Notes {
		if strings.HasPrefix(n.Message, "left out the") {
			lines = append(lines, n.Line)
		}
	}
	if want := []int{57, 63}; !slices.Equal(lines, want) {
		t.Errorf("notes at lines %v; want %v (%v)", lines, want, job.Sources()[0].Notes)
	}
	f, err := job.Merge()
	if err != nil {
		t.Fatal(err)
	}
	out, err := job.Render(f)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := out.Write(&b); err != nil {
		t.Fatalf("the film with its bad addresses left out: %v", err)
	}
	if strings.Contains(b.String(), "%zz") || strings.Contains(b.String(), "Fx7%zz") {
		t.Errorf("a bad address was written:\n%s", b.String())
	}
}
