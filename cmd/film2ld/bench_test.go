package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// reviewPage writes a review aggregator's page with n critic reviews, in
// the layout of the sample, for the scaling benchmarks and the memory
// bounds. Each review has a reviewer of its own, named in letters as a
// person is (film2ld refuses a "name" with digits as a reviewer, and a
// search engine a review with no author), so the export holds n reviews
// by n Person nodes.
func reviewPage(tb testing.TB, n int) string {
	tb.Helper()
	var b strings.Builder
	fmt.Fprintf(&b, "Generally favorable reviews - based on %d Critics\n\nCritic score distribution:\n", n)
	fmt.Fprintf(&b, "  1. Positive: %d out of %d\n  2. Mixed: 0 out of %d\n  3. Negative: 0 out of %d\n", n, n, n, n)
	for i := range n {
		fmt.Fprintf(&b, "  %d. Reviewed by:\u00a0 %s\n    Mar %d, 2011\n    Review %d: the film is good & the acting <fine>.\n", i+1, criticName(i), i%28+1, i)
	}
	path := filepath.Join(tb.TempDir(), "reviews.txt")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		tb.Fatal(err)
	}
	return path
}

// scoredReviewPage writes a page of n critic reviews, each scored (one
// of seven scores, so that many ratings are alike: RDFC-1.0 must tell
// their blank nodes apart by the reviews that point to them), by one of
// critics people, and returns its path.
func scoredReviewPage(tb testing.TB, n, critics int) string {
	tb.Helper()
	var b strings.Builder
	fmt.Fprintf(&b, "Metascore\nUniversal acclaim\nBased on %d Critic Reviews\n86\n\nCritic Reviews\n", n)
	scores := []int{60, 70, 75, 80, 85, 90, 100}
	for i := range n {
		c := i * 7919 % critics
		fmt.Fprintf(&b, "  %d. %d\n    Outlet %d Review\n    %s\n    Apr %d, 2019\n", i+1, scores[i*31%len(scores)], c%200, criticName(c), i%28+1)
		fmt.Fprintf(&b, "    Review %d: patient, precise and in the end overwhelming; the sound design alone is worth the ticket, and the wind is the film's real protagonist.\n    Read full review\n", i)
	}
	path := filepath.Join(tb.TempDir(), "scored.txt")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		tb.Fatal(err)
	}
	return path
}

// castArticle writes an encyclopedia article whose cast lists n actors,
// each in a part of their own, and returns its path: the densest input in
// people per byte (35 bytes a line).
func castArticle(tb testing.TB, n int) string {
	tb.Helper()
	var b strings.Builder
	b.WriteString("= Big Cast (2014 film) =\n\nBig Cast\n- Director: Maren Tollefsen\n- Runtime: 90 minutes\n- Country: Norway\n\n")
	b.WriteString("Big Cast is a 2014 Norwegian drama film directed by Maren Tollefsen.\n\n==Plot==\nA long plot.\n\n==Cast==\n")
	for i := range n {
		fmt.Fprintf(&b, "- %s as Role %d\n", criticName(i), i)
	}
	path := filepath.Join(tb.TempDir(), "encyclopedia.txt")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		tb.Fatal(err)
	}
	return path
}

// criticName returns the i-th of distinct people's names: a first name
// and a surname spelled from i's digits in syllables ("Clara Dibasen").
func criticName(i int) string {
	first := []string{"Anna", "Boris", "Clara", "David", "Elena", "Felix", "Greta", "Hugo", "Irene", "Jonas",
		"Karin", "Lukas", "Maria", "Nils", "Olga", "Pavel", "Rosa", "Simon", "Tanja", "Viktor"}
	syllables := []string{"ba", "ce", "di", "fo", "gu", "ha", "je", "ki", "lo", "mu"}
	name := []byte(first[i%len(first)] + " ")
	start := len(name)
	for n := i / len(first); ; n /= len(syllables) {
		name = append(name, syllables[n%len(syllables)]...)
		if n < len(syllables) {
			break
		}
	}
	name[start] -= 'a' - 'A'
	return string(name) + "sen"
}

func benchmarkExport(b *testing.B, reviews int, format string) {
	path := reviewPage(b, reviews)
	// A review page states no title, which a web snippet needs.
	args := []string{"export", "-q", "--name", "Bench Film", "-f", format, path}
	b.ResetTimer()
	for b.Loop() {
		if code := run(args, nil, io.Discard, io.Discard); code != exitOK {
			b.Fatalf("exit %d", code)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(reviews), "ns/review")
}

// The review-count benchmarks show whether export time grows linearly with
// the size of the input: ns/review should stay flat from 500 to 50,000.
func BenchmarkExportNQuads500(b *testing.B)     { benchmarkExport(b, 500, "nquads") }
func BenchmarkExportNQuads5000(b *testing.B)    { benchmarkExport(b, 5000, "nquads") }
func BenchmarkExportNQuads50000(b *testing.B)   { benchmarkExport(b, 50000, "nquads") }
func BenchmarkExportCanonical5000(b *testing.B) { benchmarkExport(b, 5000, "canonical") }
func BenchmarkExportJSONLD5000(b *testing.B)    { benchmarkExport(b, 5000, "jsonld") }

func BenchmarkExportCanonical1000(b *testing.B) { benchmarkExport(b, 1000, "canonical") }
func BenchmarkExportJSONLD1000(b *testing.B)    { benchmarkExport(b, 1000, "jsonld") }

// benchmarkValidateNQuads validates the N-Quads export writes of a page
// of reviews reviews (its merged view and its source's graph): the
// merged view is read back through the conversion from RDF, which
// compared each of the Movie's reviews with every one before it (50,000
// reviews: 346 s; 5,000: 2.5 s). ns/review should stay flat.
func benchmarkValidateNQuads(b *testing.B, reviews int) {
	nq := filepath.Join(b.TempDir(), "film.nq")
	if code := run([]string{"export", "-q", "--name", "Bench Film", "-f", "nquads", "-o", nq, reviewPage(b, reviews)}, nil, io.Discard, io.Discard); code != exitOK {
		b.Fatalf("export: exit %d", code)
	}
	b.ResetTimer()
	for b.Loop() {
		if code := run([]string{"validate", nq}, nil, io.Discard, io.Discard); code != exitOK {
			b.Fatalf("validate: exit %d", code)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(reviews), "ns/review")
}

func BenchmarkValidateNQuads500(b *testing.B)   { benchmarkValidateNQuads(b, 500) }
func BenchmarkValidateNQuads5000(b *testing.B)  { benchmarkValidateNQuads(b, 5000) }
func BenchmarkValidateNQuads20000(b *testing.B) { benchmarkValidateNQuads(b, 20000) }

// BenchmarkExportSamplesCanonical is one typical film, text to canonical
// N-Quads of the merged view alone (--merged): the unit of the batch
// comparison with jsonld.js in the README, which compares that view.
func BenchmarkExportSamplesCanonical(b *testing.B) {
	benchmarkExportSamples(b, "--merged", "-f", "canonical")
}

// BenchmarkExportSamplesCanonicalProvenance is the same film to canonical
// N-Quads with its provenance (the documents' own graphs beside the
// merged view, export's default): issue 15's one-film target (1 ms). It
// writes three times the statements --merged does.
func BenchmarkExportSamplesCanonicalProvenance(b *testing.B) {
	benchmarkExportSamples(b, "-f", "canonical")
}

// benchmarkExportSamples runs export with flags on the sample film's
// three documents, through the command as a user runs it (files, flags,
// output), minus the process.
func benchmarkExportSamples(b *testing.B, flags ...string) {
	samples, _ := filepath.Glob("../../testdata/samples/*.txt")
	if len(samples) == 0 {
		b.Fatal("no samples")
	}
	args := append(append([]string{"export", "-q"}, flags...), samples...)
	for b.Loop() {
		if code := run(args, nil, io.Discard, io.Discard); code != exitOK {
			b.Fatalf("exit %d", code)
		}
	}
}

// BenchmarkExportSamplesJSONLD is the same film, text to the compact
// JSON-LD web snippet (issue 15's target: 2 ms).
func BenchmarkExportSamplesJSONLD(b *testing.B) {
	benchmarkExportSamples(b, "-f", "jsonld")
}

func BenchmarkExportJSONLD50000(b *testing.B) { benchmarkExport(b, 50000, "jsonld") }

// The generated page's reviews are real work: the web snippet keeps every
// review, each by a Person of its own.
func TestReviewPageSnippetHoldsEveryReview(t *testing.T) {
	const n = 300
	var out, errs strings.Builder
	if code := run([]string{"export", "--name", "Bench Film", "-f", "jsonld", reviewPage(t, n)}, nil, &out, &errs); code != exitOK {
		t.Fatalf("exit %d: %s", code, errs.String())
	}
	// The snippet is the Movie, each review's author framed into it.
	var movie struct {
		Type   string `json:"@type"`
		Review []struct {
			Author struct {
				ID   string `json:"@id"`
				Type string `json:"@type"`
			} `json:"author"`
		} `json:"review"`
	}
	if err := json.Unmarshal([]byte(out.String()), &movie); err != nil {
		t.Fatal(err)
	}
	people := map[string]bool{}
	for _, r := range movie.Review {
		if r.Author.Type == "Person" {
			people[r.Author.ID] = true
		}
	}
	if reviews := len(movie.Review); movie.Type != "Movie" || reviews != n || len(people) != n {
		t.Errorf("snippet is a %s with %d reviews by %d people; want a Movie with %d by %d\n%s", movie.Type, reviews, len(people), n, n, errs.String())
	}
}

// BenchmarkBatchCanonicalMerged is the film2ld side of
// tools/compare-speed.sh in process: 300 film folders, the samples and the
// test films copied round-robin, exported by one worker to one canonical
// N-Quads stream of their merged views. FILM2LD_BENCH_FILMS sets the
// number of films.
func BenchmarkBatchCanonicalMerged(b *testing.B) {
	n := 300
	if s := os.Getenv("FILM2LD_BENCH_FILMS"); s != "" {
		fmt.Sscan(s, &n)
	}
	sets, _ := filepath.Glob("../../testdata/films/*/")
	sets = append([]string{"../../testdata/samples"}, sets...)
	dir := b.TempDir()
	films := filepath.Join(dir, "films")
	for i := range n {
		copyDocuments(b, sets[i%len(sets)], filepath.Join(films, fmt.Sprintf("film%d", i+1)))
	}
	args := []string{"export", "--batch", "-q", "-j", "1", "-f", "canonical", "--merged", "-o", filepath.Join(dir, "out.nq"), films}
	b.ResetTimer()
	for b.Loop() {
		if code := run(args, nil, io.Discard, io.Discard); code != exitOK {
			b.Fatalf("exit %d", code)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/film")
}

// copyDocuments copies the text documents (*.txt) of folder from into
// folder to, which it makes: a film folder of a batch.
func copyDocuments(tb testing.TB, from, to string) {
	tb.Helper()
	docs, _ := filepath.Glob(filepath.Join(from, "*.txt"))
	if err := os.MkdirAll(to, 0o755); err != nil {
		tb.Fatal(err)
	}
	for _, d := range docs {
		data, err := os.ReadFile(d)
		if err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(to, filepath.Base(d)), data, 0o644); err != nil {
			tb.Fatal(err)
		}
	}
}

// prizeCrewPage writes a prize page, in the layout of the sample, whose
// credits run to n crew lines ("Gaffer: Clara Dibasen"), each a paragraph
// of its own as the page's dump writes them, of roles the page's labels
// and the crew jobs' table both read, each naming one of n distinct
// people, and returns its path: a prize page's densest input in people
// per byte (about 26 bytes a line).
func prizeCrewPage(tb testing.TB, n int) string {
	tb.Helper()
	var b strings.Builder
	b.WriteString("Published on *Aurora Film Prize* (<https://aurora-prize.example>)\n\n[Home](#) > [Big Crew](#)\n\nBig Crew\n\n")
	b.WriteString("Maren Tollefsen\n\nNorway\n\n95 min\n\n2014\n\nSynopsis:\n\nA long crew list.\n\n")
	roles := []string{"Gaffer", "Sound", "Editing", "Music", "Screenplay", "Costumes", "Make-up", "Key grip",
		"Producer", "Cinematography", "Art direction", "Colorist", "Casting", "Stunts"}
	for i := range n {
		fmt.Fprintf(&b, "%s: %s\n\n", roles[i*3%len(roles)], criticName(i))
	}
	b.WriteString("Source URL (retrieved on 11-03-2021): <https://aurora-prize.example/movies/2014/big-crew>\n")
	path := filepath.Join(tb.TempDir(), "prize.txt")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		tb.Fatal(err)
	}
	return path
}

// prizeCrewPairsPage writes a prize page, in the layout of the sample,
// whose credits are n crew paragraphs ("Sound: Anna Ba & Boris Ba"),
// each naming two people no paragraph before it names, and returns its
// path: audit 6's prize page densest in people (about 15 bytes a
// person, with the paragraph's blank line).
func prizeCrewPairsPage(tb testing.TB, n int) string {
	tb.Helper()
	var b strings.Builder
	b.WriteString("Published on *Aurora Film Prize* (<https://aurora-prize.example>)\n\n[Home](#) > [Big Crew](#)\n\nBig Crew\n\n")
	b.WriteString("Maren Tollefsen\n\nNorway\n\n95 min\n\n2014\n\nSynopsis:\n\nA long crew list.\n\n")
	roles := []string{"Gaffer", "Sound", "Editing", "Music", "Costumes", "Casting", "Stunts"}
	for i := range n {
		fmt.Fprintf(&b, "%s: %s & %s\n\n", roles[i%len(roles)], shortName(2*i), shortName(2*i+1))
	}
	b.WriteString("Source URL (retrieved on 11-03-2021): <https://aurora-prize.example/movies/2014/big-crew>\n")
	return writeGenerated(tb, "prize.txt", b.String())
}

// infoboxRowsArticle writes an encyclopedia article whose infobox runs
// to n rows ("- Producer: Anna Ba"), each naming a person no row before
// it names, under the labels of a person's credit, and returns its path:
// audit 6's article of infobox rows.
func infoboxRowsArticle(tb testing.TB, n int) string {
	tb.Helper()
	var b strings.Builder
	b.WriteString("= Big Crew (2014 film) =\n\nBig Crew\n")
	labels := []string{"Director", "Producer", "Writer", "Music", "Cinematography", "Editing"}
	for i := range n {
		fmt.Fprintf(&b, "- %s: %s\n", labels[i%len(labels)], shortName(i))
	}
	b.WriteString("- Runtime: 90 minutes\n- Country: Norway\n\n")
	b.WriteString("Big Crew is a 2014 Norwegian drama film directed by Maren Tollefsen.\n\n==Plot==\nA long plot.\n")
	return writeGenerated(tb, "encyclopedia.txt", b.String())
}

// starringItemsArticle writes an encyclopedia article whose infobox's
// Starring list is n sub-items ("  - Anna Ba"), each a person of their
// own, and returns its path: audit 6's article of a Starring list of
// sub-items, its actors with no part.
func starringItemsArticle(tb testing.TB, n int) string {
	tb.Helper()
	var b strings.Builder
	b.WriteString("= Big Cast (2014 film) =\n\nBig Cast\n- Director: Maren Tollefsen\n- Starring:\n")
	for i := range n {
		fmt.Fprintf(&b, "  - %s\n", shortName(i))
	}
	b.WriteString("- Runtime: 90 minutes\n- Country: Norway\n\n")
	b.WriteString("Big Cast is a 2014 Norwegian drama film directed by Maren Tollefsen.\n\n==Plot==\nA long plot.\n")
	return writeGenerated(tb, "encyclopedia.txt", b.String())
}

// shortName returns the i-th of distinct short names of people, a first
// name and a surname spelled from i's digits in syllables ("Clara Di"),
// for the generated pages densest in people.
func shortName(i int) string {
	name := criticName(i)
	return name[:len(name)-len("sen")]
}

// writeGenerated writes a generated document under a name of its kind in
// a temporary folder and returns its path.
func writeGenerated(tb testing.TB, name, text string) string {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), name)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		tb.Fatal(err)
	}
	return path
}
