package pipeline

import (
	"bytes"
	"fmt"
	"io"
	"iter"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/film2ld/film2ld/ld"
	"github.com/film2ld/film2ld/mapping"
	"github.com/film2ld/film2ld/mapping/film"
)

// directFilms returns the films the differential test exports: the
// samples, every test film, each of their documents alone, and generated
// review pages, by name, each a list of documents.
func directFilms(t testing.TB) map[string][]string {
	t.Helper()
	films := map[string][]string{}
	add := func(name, dir string) {
		paths, err := filepath.Glob(filepath.Join(dir, "*.txt"))
		if err != nil || len(paths) == 0 {
			t.Fatalf("%s: no documents (%v)", dir, err)
		}
		var docs []string
		for _, p := range paths {
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			docs = append(docs, string(b))
			films[name+"/"+filepath.Base(p)] = []string{string(b)}
		}
		films[name] = docs
	}
	add("samples", "../../testdata/samples")
	dirs, err := filepath.Glob("../../testdata/films/*")
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range dirs {
		if fi, err := os.Stat(d); err == nil && fi.IsDir() {
			add(filepath.Base(d), d)
		}
	}
	if len(films) < 20 {
		t.Fatalf("only %d films found", len(films))
	}
	for _, n := range []int{1, 7, 300} {
		films[fmt.Sprintf("reviews%d", n)] = []string{generatedReviews(n)}
	}
	if !testing.Short() {
		films["reviews2000"] = []string{generatedReviews(2000)}
	}
	return films
}

// largePage is the number of reviews of the largest page
// TestWriteDirectMatchesJSONGold gives json-gold: the dataset view holds
// two blank nodes a review, so that its sorted and canonical output number
// more than 1,000 of them, and labels of four digits sort among those of
// three (the test checks that some output has them). The 2,000-review
// page, for the sort in runs, would cost minutes through json-gold under
// the race detector and prove nothing more here.
const largePage = 600

// generatedReviews is a review aggregator's page with n critic reviews, in
// the sample's layout, with text that needs escaping in N-Quads (quotes,
// backslashes, tabs, non-ASCII) and reviewers repeated so that people are
// shared between reviews.
func generatedReviews(n int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Generally favorable reviews - based on %d Critics\n\nCritic score distribution:\n", n)
	fmt.Fprintf(&b, "  1. Positive: %d out of %d\n  2. Mixed: 0 out of %d\n  3. Negative: 0 out of %d\n", n, n, n, n)
	for i := range n {
		fmt.Fprintf(&b, "  %d. Reviewed by:\u00a0 Critic Núm%d\n    Mar %d, 2011\n    Review %d: \"the film\" is good \\ & the\tacting <fine> — ü.\n",
			i+1, i%(n/3+1), i%28+1, i)
	}
	return b.String()
}

// TestWriteDirectMatchesJSONGold exports every film through the direct
// path (ld.Processor.WriteDirect) and through json-gold's expansion and RDF
// conversion (ld.Processor.Write), with every option that changes the
// graph, in every RDF format and as expanded and flattened JSON-LD, and
// requires the same bytes; and that the direct path was taken, not fallen
// back from.
func TestWriteDirectMatchesJSONGold(t *testing.T) {
	t.Parallel() // CPU-bound and independent: runs beside the other differential tests
	films := directFilms(t)
	delete(films, "reviews2000")
	if !exhaustive() {
		delete(films, "reviews300") // the larger page below has its shape, and more
	}
	films[fmt.Sprintf("reviews%d", largePage)] = []string{generatedReviews(largePage)}
	variants := []struct {
		name string
		opts Options
	}{
		{"plain", Options{}},
		{"merged", Options{Merged: true}},
		{"merged-in-default-graph", Options{Merge: mapping.Options{MergedInDefaultGraph: true}}},
		{"page-url", Options{Page: mapping.Page{URL: "https://films.example.org/w/Some_Film"}}},
		{"page-url-merged", Options{Merged: true, Page: mapping.Page{URL: "https://films.example.org/w/Some_Film", Image: "https://films.example.org/poster.jpg"}}},
		{"base", Options{Merge: mapping.Options{Base: "urn:x-films:"}}},
		{"base-hash", Options{Merge: mapping.Options{Base: "https://data.example.org/ld#"}}},
		{"name", Options{Page: mapping.Page{Name: "A Film \"Named\" Here"}}},
		{"prefer", Options{Merge: mapping.Options{Prefer: []film.Kind{film.Reviews, film.Prize}}}},
	}
	// layout are the variants that change which graphs hold the
	// statements; the others rename nodes or add the page's facts.
	layout := map[string]bool{"plain": true, "merged": true, "merged-in-default-graph": true}
	formats := []ld.Format{ld.FormatNQuads, ld.FormatCanonical, ld.FormatTriG, ld.FormatTurtle, ld.FormatSPARQLUpdate, ld.FormatExpanded, ld.FormatFlattened}
	compared, fourDigits := 0, 0
	for fi, name := range slices.Sorted(maps.Keys(films)) {
		docs := films[name]
		// Each document is mapped once; every variant and format merges
		// the same sources (mapping.Merge does not change them).
		sources := readDocs(t, name, docs)
		for vi, v := range variants {
			if (name == "reviews300" || name == fmt.Sprintf("reviews%d", largePage)) && !layout[v.name] {
				// The large pages are there for their size; renaming
				// nodes and page facts are covered by the small pages
				// (reviews7 has the same shape), and through json-gold
				// each variant of them costs seconds under the race
				// detector.
				continue
			}
			if strings.Contains(name, "/") && !layout[v.name] && !exhaustive() {
				// A film's documents one at a time are there for each
				// document's own graph; renaming nodes and the page's
				// facts act on the merge, which the whole films cover
				// (half of the test's time; CI runs them all).
				continue
			}
			for ri, format := range formats {
				if !exhaustive() && (!layout[v.name] && (fi+vi+ri)%3 != 0 || strings.Contains(name, "/") && (fi+vi+ri)%2 != 0) {
					// Renaming nodes and the page's facts change the
					// graph, not how a format writes it: a developer's
					// run checks each such variant in a third of the
					// formats, and each document alone in half, a
					// different share film by film, so that every
					// variant meets every format (half of the test's
					// time; CI runs them all).
					continue
				}
				opts := v.opts
				opts.Format = format
				if CheckView(format, opts.Merged, opts.Merge.MergedInDefaultGraph) != nil {
					continue
				}
				job := New(opts)
				job.sources = sources
				f, err := job.Merge()
				if err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				out, err := job.Render(f)
				if err != nil {
					t.Fatalf("%s %s %s: %v", name, v.name, format, err)
				}
				// The direct path walks the view as Output.Write gives
				// it, rendered node by node; json-gold is given it whole.
				if !processor().CanWriteDirect(out.stream(), format, ld.Options{Root: "Movie"}) {
					t.Errorf("%s %s %s: the direct path refused the rendered film", name, v.name, format)
					continue
				}
				var direct, general bytes.Buffer
				errDirect := processor().WriteDirect(&direct, out.stream(), format, ld.Options{Root: "Movie"})
				errGeneral := processor().Write(&general, out.Doc(), format, ld.Options{Root: "Movie"})
				if errDirect != nil || errGeneral != nil {
					t.Errorf("%s %s %s: direct %v, json-gold %v", name, v.name, format, errDirect, errGeneral)
					continue
				}
				if !bytes.Equal(direct.Bytes(), general.Bytes()) {
					t.Errorf("%s %s %s: the direct path differs from json-gold's:\n%s", name, v.name, format,
						firstDiff(direct.String(), general.String()))
					continue
				}
				if general.Len() == 0 {
					t.Errorf("%s %s %s: no output", name, v.name, format)
				}
				if fourDigitLabel.Match(general.Bytes()) {
					fourDigits++
				}
				compared++
			}
		}
	}
	if fourDigits == 0 {
		t.Errorf("no output has a blank node label of four digits: make largePage larger")
	}
	t.Logf("%d outputs compared, %d with four-digit blank node labels", compared, fourDigits)
}

// fourDigitLabel matches a blank node label numbered from 1000 on (_:b1000,
// _:c14n1234).
var fourDigitLabel = regexp.MustCompile(`_:[a-z0-9]*?[a-z][1-9][0-9]{3}\b`)

// readDocs maps docs, named doc0.txt, doc1.txt, …, as Job.Read does;
// name is the film's name in failures.
func readDocs(tb testing.TB, name string, docs []string) []*film.Source {
	tb.Helper()
	job := New(Options{})
	for i, d := range docs {
		if _, err := job.Read(strings.NewReader(d), fmt.Sprintf("doc%d.txt", i)); err != nil {
			tb.Fatalf("%s: %v", name, err)
		}
	}
	return job.sources
}

// TestWriteDirectNQuadsSortedInRuns: a film whose statements are sorted in
// runs on disk (ld.Config.SortMemory, here so small that every film's are)
// gives the bytes of one sorted in memory, for every film and view, as
// N-Quads, as Turtle, TriG and SPARQL Update (written from the sorted
// lines read back) and as flattened JSON-LD (its lines sorted by node);
// the large page makes over 64 runs, which are merged
// into one on the way. Without a temporary folder, the same bytes come
// from memory.
func TestWriteDirectNQuadsSortedInRuns(t *testing.T) {
	films := sorterFilms(t)
	compared, withoutTemp := 0, 0
	for fi, name := range slices.Sorted(maps.Keys(films)) {
		docs := films[name]
		for oi, opts := range viewsInFormats([]Options{{}, {Merged: true}, {Merge: mapping.Options{MergedInDefaultGraph: true}}},
			ld.FormatNQuads, ld.FormatTurtle, ld.FormatTriG, ld.FormatSPARQLUpdate, ld.FormatFlattened) {
			if name == "reviews2000" && (opts.Merged || opts.Merge.MergedInDefaultGraph) {
				continue // the views are the small films' to cover; this one is for the many runs
			}
			if !exhaustive() && (name == "reviews2000" && opts.Format != ld.FormatNQuads && (fi+oi)%2 != 0 ||
				name != "reviews2000" && (fi+oi)%3 != 0 && !(name == "reviews1" && oi == 0)) {
				// The other formats are written from the same sorted
				// lines read back, and a view changes the graphs, not
				// how lines sort: a developer's run writes the large
				// page in N-Quads and half of the other formats, and
				// each other film in one view in each format, a
				// different view film by film, so that every view
				// meets every format (CI writes all). Runs of 512
				// bytes make a file each, most of the test's time.
				// reviews1's N-Quads of the default view are also
				// written without a temporary folder, below.
				continue
			}
			if CheckView(opts.Format, opts.Merged, opts.Merge.MergedInDefaultGraph) != nil {
				continue
			}
			job, f := mergeDocs(t, opts, name, docs)
			out, err := job.Render(f)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			memory := 512 // runs of a few lines
			if name == "reviews2000" {
				memory = 24 << 10 // more than maxRuns of them
			}
			var inMemory, inRuns bytes.Buffer
			// Sorted in memory whatever the film's size: the default
			// sorts the large page's in runs too.
			errMemory := ld.NewProcessor(ld.Config{SortMemory: 1 << 30}).WriteDirect(&inMemory, out.stream(), opts.Format, ld.Options{Root: "Movie"})
			errRuns := ld.NewProcessor(ld.Config{SortMemory: memory}).WriteDirect(&inRuns, out.stream(), opts.Format, ld.Options{Root: "Movie"})
			if errMemory != nil || errRuns != nil {
				t.Fatalf("%s: in memory %v, in runs %v", name, errMemory, errRuns)
			}
			if opts.Format == ld.FormatNQuads && inMemory.Len() < 3*memory {
				t.Errorf("%s: %d bytes of %s, too few to make runs of %d", name, inMemory.Len(), opts.Format, memory)
			}
			if !bytes.Equal(inRuns.Bytes(), inMemory.Bytes()) {
				t.Errorf("%s %s merged=%v: sorted in runs differs from sorted in memory:\n%s", name, opts.Format, opts.Merged,
					firstDiff(inRuns.String(), inMemory.String()))
			}
			compared++
			if name != "reviews1" || opts.Merged || opts.Merge.MergedInDefaultGraph || opts.Format != ld.FormatNQuads {
				continue
			}
			withoutTemp++
			// Without a temporary folder, the statements are sorted in
			// memory, to the same bytes.
			tmp := os.Getenv("TMPDIR")
			t.Setenv("TMPDIR", filepath.Join(t.TempDir(), "missing"))
			inRuns.Reset()
			if err := ld.NewProcessor(ld.Config{SortMemory: memory}).WriteDirect(&inRuns, out.stream(), opts.Format, ld.Options{Root: "Movie"}); err != nil {
				t.Errorf("%s without a temporary folder: %v", name, err)
			} else if !bytes.Equal(inRuns.Bytes(), inMemory.Bytes()) {
				t.Errorf("%s without a temporary folder: differs from sorted in memory:\n%s", name, firstDiff(inRuns.String(), inMemory.String()))
			}
			t.Setenv("TMPDIR", tmp)
		}
	}
	if compared < len(films) || exhaustive() && compared < 2*len(films)-1 || withoutTemp != 1 {
		t.Errorf("%d outputs compared for %d films, %d without a temporary folder", compared, len(films), withoutTemp)
	}
}

// sorterFilms returns the films the sorting-in-runs tests write: the
// whole films and the large page, and each document alone and the
// 300-review page only where every case runs (exhaustive). Runs of 512
// bytes make a file each, so the documents alone were half of those
// tests' time, for what the whole films' outputs, made of the same
// documents' statements, already sort; the 300-review page's 512-byte
// runs, hundreds of files a view, were a quarter of what was left, for
// what the large page's runs (more than maxRuns, merged on the way)
// and the small pages' (reviews7 has its shape) already prove.
func sorterFilms(t testing.TB) map[string][]string {
	films := directFilms(t)
	if !exhaustive() {
		for name := range films {
			if strings.Contains(name, "/") || name == "reviews300" {
				delete(films, name)
			}
		}
	}
	return films
}

// viewsInFormats returns each of views in each of formats.
func viewsInFormats(views []Options, formats ...ld.Format) []Options {
	var out []Options
	for _, f := range formats {
		for _, v := range views {
			v.Format = f
			out = append(out, v)
		}
	}
	return out
}

// TestWriteDirectCanonicalInRuns: a film whose statements become lines
// sorted in runs on disk (ld.Config.SortMemory, here so small that every
// film's do) and are labelled from those lines (ld's writeCanonicalLines)
// gives the canonical N-Quads of one labelled in memory, for every film and
// view. The large page makes over 64 runs of each sort.
func TestWriteDirectCanonicalInRuns(t *testing.T) {
	t.Parallel() // CPU-bound and independent: runs beside the other differential tests
	films := sorterFilms(t)
	inMemory := ld.NewProcessor(ld.Config{SortMemory: 1 << 40})
	compared := 0
	for fi, name := range slices.Sorted(maps.Keys(films)) {
		docs := films[name]
		for vi, opts := range []Options{{}, {Merged: true}, {Merge: mapping.Options{MergedInDefaultGraph: true}}} {
			if name == "reviews2000" && (opts.Merged || opts.Merge.MergedInDefaultGraph) {
				continue // the views are the small films' to cover; this one is for the many runs
			}
			if !exhaustive() && name != "reviews2000" && (fi+vi)%3 != 0 {
				// A view changes the graphs, not how lines sort and are
				// labelled: a developer's run writes each film in one
				// view, a different one film by film (CI writes all).
				// Runs of 512 bytes make a file each, most of the
				// test's time.
				continue
			}
			opts.Format = ld.FormatCanonical
			job, f := mergeDocs(t, opts, name, docs)
			out, err := job.Render(f)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			memory := 512 // runs of a few lines
			if name == "reviews2000" {
				memory = 24 << 10 // more than maxRuns of them
			}
			var want, got bytes.Buffer
			errMemory := inMemory.WriteDirect(&want, out.stream(), opts.Format, ld.Options{Root: "Movie"})
			errRuns := ld.NewProcessor(ld.Config{SortMemory: memory}).WriteDirect(&got, out.stream(), opts.Format, ld.Options{Root: "Movie"})
			if errMemory != nil || errRuns != nil {
				t.Fatalf("%s: in memory %v, in runs %v", name, errMemory, errRuns)
			}
			if want.Len() < 3*memory {
				t.Errorf("%s: %d bytes of canonical N-Quads, too few to make runs of %d", name, want.Len(), memory)
			}
			if !bytes.Equal(got.Bytes(), want.Bytes()) {
				t.Errorf("%s merged=%v in-default-graph=%v: labelled in runs differs from labelled in memory:\n%s", name, opts.Merged,
					opts.Merge.MergedInDefaultGraph, firstDiff(got.String(), want.String()))
			}
			compared++
		}
	}
	if compared < len(films) || exhaustive() && compared < 2*len(films)-1 {
		t.Errorf("%d outputs compared for %d films", compared, len(films))
	}
	t.Logf("%d outputs compared", compared)
}

// firstDiff shows the first line where two outputs differ.
func firstDiff(a, b string) string {
	la, lb := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(la) && i < len(lb); i++ {
		if la[i] != lb[i] {
			return fmt.Sprintf("line %d:\ndirect:    %s\njson-gold: %s", i+1, la[i], lb[i])
		}
	}
	return fmt.Sprintf("%d lines, json-gold %d", len(la), len(lb))
}

// TestWriteDirectFallsBack: documents outside the narrow shape take
// json-gold's path, with its bytes and its errors.
func TestWriteDirectFallsBack(t *testing.T) {
	p := processor()
	for _, tt := range []struct {
		name string
		doc  map[string]any
	}{
		{"compact IRI", map[string]any{"@context": "https://schema.org", "@graph": []any{
			map[string]any{"@id": "schema:Thing1", "name": "x"}}}},
		{"relative IRI", map[string]any{"@context": "https://schema.org", "@graph": []any{
			map[string]any{"@id": "film/1", "name": "x"}}}},
		{"undefined term", map[string]any{"@context": "https://schema.org", "@graph": []any{
			map[string]any{"@id": "urn:x:1", "notASchemaOrgTerm": "x"}}}},
		{"list", map[string]any{"@context": "https://schema.org", "@graph": []any{
			map[string]any{"@id": "urn:x:1", "name": map[string]any{"@list": []any{"a", "b"}}}}}},
		{"whole number past 2^53", map[string]any{"@context": "https://schema.org", "@graph": []any{
			map[string]any{"@id": "urn:x:1", "ratingValue": 1e16}}}},
		{"language with a direction", map[string]any{"@context": "https://schema.org", "@graph": []any{
			map[string]any{"@id": "urn:x:1", "name": map[string]any{"@value": "x", "@language": "ar", "@direction": "rtl"}}}}},
		{"bad IRI", map[string]any{"@context": "https://schema.org", "@graph": []any{
			map[string]any{"@id": "urn:x:1", "url": "https://exa mple.org/"}}}},
		{"other context", map[string]any{"@context": map[string]any{"@vocab": "http://schema.org/"}, "@graph": []any{
			map[string]any{"@id": "urn:x:1", "name": "x"}}}},
	} {
		for _, format := range []ld.Format{ld.FormatNQuads, ld.FormatCanonical} {
			if p.CanWriteDirect(tt.doc, format, ld.Options{}) {
				t.Errorf("%s: the direct path took a document outside its shape", tt.name)
			}
			var direct, general bytes.Buffer
			errDirect := p.WriteDirect(&direct, tt.doc, format, ld.Options{})
			errGeneral := p.Write(&general, tt.doc, format, ld.Options{})
			if fmt.Sprint(errDirect) != fmt.Sprint(errGeneral) || direct.String() != general.String() {
				t.Errorf("%s %s: WriteDirect gave %q, %v; Write %q, %v", tt.name, format, direct.String(), errDirect, general.String(), errGeneral)
			}
		}
	}
	// A blank node the document labels, described inside itself and
	// referenced before it is described, is the direct path's: node map
	// generation numbers it where the walk meets it first. So is text
	// with a language, its tag in lower case.
	labelled := map[string]any{"@context": "https://schema.org", "@graph": []any{
		map[string]any{"@id": "urn:x:1", "knows": map[string]any{"@id": "_:b"}, "name": map[string]any{"@value": "x", "@language": "EN-gb"}},
		map[string]any{"@type": "Person", "name": "anonymous"},
		map[string]any{"@id": "_:a", "name": "x", "knows": map[string]any{"@id": "_:a"}},
		map[string]any{"@id": "_:b", "name": "y"}}}
	for _, format := range []ld.Format{ld.FormatNQuads, ld.FormatCanonical} {
		if !p.CanWriteDirect(labelled, format, ld.Options{}) {
			t.Errorf("labelled blank nodes and a language, %s: the direct path refused them", format)
		}
		var direct, general bytes.Buffer
		errDirect := p.WriteDirect(&direct, labelled, format, ld.Options{})
		errGeneral := p.Write(&general, labelled, format, ld.Options{})
		if errDirect != nil || errGeneral != nil || direct.String() != general.String() {
			t.Errorf("labelled blank nodes and a language, %s: WriteDirect gave %q, %v; Write %q, %v", format, direct.String(), errDirect, general.String(), errGeneral)
		}
	}
}

// TestWriteDirectCoercions: the context's type coercions decide what a
// string becomes, as json-gold's expansion decides: url and sameAs are
// @id-typed (IRIs), name is not (a literal), so the direct path writes the
// statements json-gold writes, checked here against hand-written N-Quads.
func TestWriteDirectCoercions(t *testing.T) {
	doc := map[string]any{"@context": "https://schema.org", "@graph": []any{
		map[string]any{"@id": "urn:x:1", "@type": "Movie", "url": "https://example.org/m", "sameAs": "https://example.org/s",
			"name": "https://example.org/n", "review": map[string]any{"@type": "Review", "reviewBody": "ok"}}}}
	want := "<urn:x:1> <http://schema.org/name> \"https://example.org/n\" .\n" +
		"<urn:x:1> <http://schema.org/review> _:b0 .\n" +
		"<urn:x:1> <http://schema.org/sameAs> <https://example.org/s> .\n" +
		"<urn:x:1> <http://schema.org/url> <https://example.org/m> .\n" +
		"<urn:x:1> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://schema.org/Movie> .\n" +
		"_:b0 <http://schema.org/reviewBody> \"ok\" .\n" +
		"_:b0 <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://schema.org/Review> .\n"
	if !processor().CanWriteDirect(doc, ld.FormatNQuads, ld.Options{}) {
		t.Fatal("the direct path refused the document")
	}
	var direct, general bytes.Buffer
	if err := processor().WriteDirect(&direct, doc, ld.FormatNQuads, ld.Options{}); err != nil {
		t.Fatal(err)
	}
	if err := processor().Write(&general, doc, ld.FormatNQuads, ld.Options{}); err != nil {
		t.Fatal(err)
	}
	if direct.String() != want || general.String() != want {
		t.Errorf("direct:\n%s\njson-gold:\n%s\nwant:\n%s", direct.String(), general.String(), want)
	}
}

// benchmarkWrite measures Output.Write of a generated review page of n
// reviews alone (read, merge and render are done before the timer), by the
// direct path or json-gold's; B/op against the page's bytes is the memory
// the RDF conversion takes per byte of input.
func benchmarkWrite(b *testing.B, n int, format ld.Format, direct bool) {
	page := generatedReviews(n)
	benchmarkOutput(b, []string{page}, format, direct)
	b.ReportMetric(float64(len(page)), "input-B")
}

func BenchmarkWriteNQuadsDirect50000(b *testing.B) {
	benchmarkWrite(b, 50000, ld.FormatNQuads, true)
}
func BenchmarkWriteNQuadsJSONGold50000(b *testing.B) {
	benchmarkWrite(b, 50000, ld.FormatNQuads, false)
}
func BenchmarkWriteCanonicalDirect5000(b *testing.B) {
	benchmarkWrite(b, 5000, ld.FormatCanonical, true)
}
func BenchmarkWriteCanonicalJSONGold5000(b *testing.B) {
	benchmarkWrite(b, 5000, ld.FormatCanonical, false)
}

// benchmarkSamples measures Output.Write of the samples' film, the unit of
// issue 15's per-film target, by the direct path or json-gold's.
func benchmarkSamples(b *testing.B, format ld.Format, direct bool) {
	benchmarkOutput(b, directFilms(b)["samples"], format, direct)
}

// mergeDocs reads docs, named doc0.txt, doc1.txt, …, into a new job with
// opts and merges them; name is the film's name in failures.
func mergeDocs(tb testing.TB, opts Options, name string, docs []string) (*Job, *mapping.Film) {
	tb.Helper()
	job := New(opts)
	for i, d := range docs {
		if _, err := job.Read(strings.NewReader(d), fmt.Sprintf("doc%d.txt", i)); err != nil {
			tb.Fatalf("%s: %v", name, err)
		}
	}
	f, err := job.Merge()
	if err != nil {
		tb.Fatalf("%s: %v", name, err)
	}
	return job, f
}

// benchmarkOutput reads, merges and renders one film's documents, then
// times Output.Write alone, by the direct path or json-gold's.
func benchmarkOutput(b *testing.B, docs []string, format ld.Format, direct bool) {
	job, f := mergeDocs(b, Options{Format: format}, "benchmark", docs)
	out, err := job.Render(f)
	if err != nil {
		b.Fatal(err)
	}
	defer func(old bool) { directRDF = old }(directRDF)
	directRDF = direct
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if err := out.Write(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkWriteSamplesNQuadsDirect(b *testing.B)   { benchmarkSamples(b, ld.FormatNQuads, true) }
func BenchmarkWriteSamplesNQuadsJSONGold(b *testing.B) { benchmarkSamples(b, ld.FormatNQuads, false) }
func BenchmarkWriteSamplesCanonicalDirect(b *testing.B) {
	benchmarkSamples(b, ld.FormatCanonical, true)
}
func BenchmarkWriteSamplesCanonicalJSONGold(b *testing.B) {
	benchmarkSamples(b, ld.FormatCanonical, false)
}

// TestWriteDirectSequences: arrays given as iter.Seq[any], as a streaming
// view renders them, are walked as the arrays would be, and a document
// outside the narrow shape reaches json-gold with them collected.
func TestWriteDirectSequences(t *testing.T) {
	seqOf := func(items ...any) iter.Seq[any] { return slices.Values(items) }
	review := func(body string) map[string]any { return map[string]any{"@type": "Review", "reviewBody": body} }
	for _, tt := range []struct {
		name     string
		lazy     map[string]any
		whole    map[string]any
		isDirect bool
	}{
		{"direct",
			map[string]any{"@context": "https://schema.org", "@graph": seqOf(
				map[string]any{"@id": "urn:x:1", "@type": "Movie", "review": seqOf(review("a"), review("b"), map[string]any{"ratingValue": 8.2})},
				map[string]any{"@id": "urn:x:2", "name": "n"})},
			map[string]any{"@context": "https://schema.org", "@graph": []any{
				map[string]any{"@id": "urn:x:1", "@type": "Movie", "review": []any{review("a"), review("b"), map[string]any{"ratingValue": 8.2}}},
				map[string]any{"@id": "urn:x:2", "name": "n"}}},
			true},
		{"falls back",
			map[string]any{"@context": "https://schema.org", "@graph": seqOf(
				map[string]any{"@id": "urn:x:1", "review": seqOf(review("a"), map[string]any{"name": map[string]any{"@list": []any{"x", "y"}}})})},
			map[string]any{"@context": "https://schema.org", "@graph": []any{
				map[string]any{"@id": "urn:x:1", "review": []any{review("a"), map[string]any{"name": map[string]any{"@list": []any{"x", "y"}}}}}}},
			false},
	} {
		for _, format := range []ld.Format{ld.FormatNQuads, ld.FormatCanonical, ld.FormatTurtle} {
			if got := processor().CanWriteDirect(tt.lazy, format, ld.Options{}); got != tt.isDirect {
				t.Errorf("%s %s: CanWriteDirect %v", tt.name, format, got)
			}
			var direct, general bytes.Buffer
			errDirect := processor().WriteDirect(&direct, tt.lazy, format, ld.Options{})
			errGeneral := processor().Write(&general, tt.whole, format, ld.Options{})
			if errDirect != nil || errGeneral != nil || direct.String() != general.String() || direct.Len() == 0 {
				t.Errorf("%s %s: WriteDirect gave %q, %v; Write %q, %v", tt.name, format, direct.String(), errDirect, general.String(), errGeneral)
			}
		}
	}
}

// exhaustive reports whether the differential tests run every case, as CI
// does (.ci/run sets FILM2LD_LARGE_TESTS=1, the variable of the large
// tests), rather than the subset a developer's `go test ./...` runs: the
// cases it leaves out repeat what others cover, and cost seconds.
func exhaustive() bool {
	return !testing.Short() && os.Getenv("FILM2LD_LARGE_TESTS") == "1"
}
