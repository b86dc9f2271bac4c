package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runCmd runs film2ld in-process and returns its exit status and streams.
func runCmd(args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = run(args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

// writeFile writes a test document and returns its path.
func writeFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// A critic page in the sample's layout, about a film nobody wrote about:
// three reviews, the second of which each case below damages.
const prunePage = "Generally favorable reviews - based on 3 Critics\n\n" +
	"Critic score distribution:\n  1. Positive: 2 out of 3\n  2. Mixed: 1 out of 3\n  3. Negative: 0 out of 3\nWatch On\n" +
	"  1. Reviewed by:\u00a0 Maren Holt\n    Feb 3, 2020\n    A cold, clear film about a lighthouse keeper.\n" +
	"  2. Reviewed by:\u00a0 Oskar Lind\n    Feb 4, 2020\n    Lind's text: the storm is the film's best scene.\n" +
	"  3. Reviewed by:\u00a0 Petra Voss\n    Feb 9, 2020\n    Slow, and worth it."

const pruneArticle = "= The Keeper's Light (2019 film) =\n\n" +
	"The Keeper's Light is a 2019 Danish drama film directed by Anker Dahl.\n\n" +
	"== Infobox ==\n- Directed by: Anker Dahl\n- Running time: 97 minutes\n"

// TestSnippetPrunesLostReviews damages one review in every way a page can
// lose its date, author or text. The snippet must leave that review out
// with the reviewer that hangs only from it, the export must go on (it
// used to stop with "nodes not reachable from the root"), and validate must
// accept what export wrote. The RDF keeps the review.
func TestSnippetPrunesLostReviews(t *testing.T) {
	second := "  2. Reviewed by:\u00a0 Oskar Lind\n    Feb 4, 2020\n    Lind's text: the storm is the film's best scene.\n"
	cases := []struct {
		name, page string
		// gone is a name the snippet must no longer hold ("" when the
		// review stays); kept one it must.
		gone, kept string
	}{
		{"no date line", strings.Replace(prunePage, "    Feb 4, 2020\n", "", 1), "Oskar Lind", "Petra Voss"},
		{"date that does not parse", strings.Replace(prunePage, "Feb 4, 2020", "Feb 31, 2020", 1), "Oskar Lind", "Petra Voss"},
		{"date in words", strings.Replace(prunePage, "Feb 4, 2020", "Sometime in February", 1), "Oskar Lind", "Petra Voss"},
		{"cut off after the reviewer", prunePage[:strings.Index(prunePage, "  3. Reviewed")] + "  3. Reviewed by:\u00a0 Petra Voss", "Petra Voss", "Oskar Lind"},
		{"cut off after the reviewer, last line with a break", prunePage[:strings.Index(prunePage, "  3. Reviewed")] + "  3. Reviewed by:\u00a0 Petra Voss\n", "Petra Voss", "Oskar Lind"},
		{"reviewer not a name", strings.Replace(prunePage, "Oskar Lind\n", "Staff\n", 1), "Lind's text", "Petra Voss"},
		// A reviewer with a role after the name is the name (audit 18),
		// and the review stays.
		{"reviewer with a role", strings.Replace(prunePage, "Oskar Lind\n", "Oskar Lind, chief critic\n", 1), "", "Lind's text"},
		{"no reviewer and no date", strings.Replace(strings.Replace(prunePage, "Reviewed by:\u00a0 Oskar Lind", "Reviewed by:\u00a0 Anonymous", 1), "    Feb 4, 2020\n", "", 1), "Lind's text", "Petra Voss"},
		{"no text", strings.Replace(prunePage, second, "  2. Reviewed by:\u00a0 Oskar Lind\n    Feb 4, 2020\n", 1), "", "Oskar Lind"},
		{"no text and no date", strings.Replace(prunePage, second, "  2. Reviewed by:\u00a0 Oskar Lind\n", 1), "Oskar Lind", "Petra Voss"},
		// The reviewer of the lost review wrote another one: they stay.
		{"same critic twice", strings.Replace(strings.Replace(prunePage, "    Feb 4, 2020\n", "", 1), "Petra Voss", "Oskar Lind", 1), "", "Oskar Lind"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			review := writeFile(t, dir, "review.txt", c.page)
			article := writeFile(t, dir, "encyclopedia.txt", pruneArticle)
			for _, format := range []string{"jsonld", "html"} {
				out := filepath.Join(dir, "keeper."+format)
				code, _, stderr := runCmd("export", "-f", format, "-o", out, review, article)
				if code != exitOK {
					t.Fatalf("export -f %s: exit %d\n%s", format, code, stderr)
				}
				data, _ := os.ReadFile(out)
				if c.gone != "" && strings.Contains(string(data), c.gone) {
					t.Errorf("-f %s: the snippet still holds %q:\n%s", format, c.gone, data)
				}
				if !strings.Contains(string(data), c.kept) {
					t.Errorf("-f %s: the snippet lost %q", format, c.kept)
				}
				if code, report, stderr := runCmd("validate", out); code != exitOK {
					t.Errorf("validate %s: exit %d\n%s%s", format, code, report, stderr)
				}
			}
			// The RDF keeps what the page states.
			code, nq, stderr := runCmd("export", "-q", "-f", "nquads", review, article)
			if code != exitOK {
				t.Fatalf("export -f nquads: exit %d\n%s", code, stderr)
			}
			if strings.Contains(c.page, "Lind's text") && !strings.Contains(nq, "Lind's text") {
				t.Errorf("the N-Quads lost the damaged review")
			}
		})
	}
}

// TestSnippetCarriesStatedScores: every test film whose documents state a
// score has it in its snippet as one aggregateRating with its scale, and
// every review rating the snippet keeps states its scale too.
func TestSnippetCarriesStatedScores(t *testing.T) {
	for name, files := range exportCases(t) {
		t.Run(name, func(t *testing.T) {
			var flat struct {
				Graph []map[string]any `json:"@graph"`
			}
			if err := json.Unmarshal(exportBytes(t, "flattened", files), &flat); err != nil {
				t.Fatal(err)
			}
			stated := 0
			for _, n := range flat.Graph {
				if n["@type"] == "AggregateRating" && n["ratingValue"] != nil {
					stated++
				}
			}
			var snippet map[string]any
			if err := json.Unmarshal(exportBytes(t, "jsonld", files), &snippet); err != nil {
				t.Fatal(err)
			}
			ar, isOne := snippet["aggregateRating"].(map[string]any)
			switch {
			case stated == 0 && snippet["aggregateRating"] != nil:
				t.Errorf("no score is stated, yet the snippet has %v", snippet["aggregateRating"])
			case stated > 0 && !isOne:
				t.Errorf("%d stated scores; the snippet's aggregateRating is %v, want one", stated, snippet["aggregateRating"])
			case stated > 0:
				for _, p := range []string{"ratingValue", "bestRating", "worstRating"} {
					if ar[p] == nil {
						t.Errorf("the snippet's aggregateRating has no %s: %v", p, ar)
					}
				}
			}
			reviews, _ := snippet["review"].([]any)
			if r, ok := snippet["review"].(map[string]any); ok {
				reviews = []any{r}
			}
			for _, r := range reviews {
				rr, ok := r.(map[string]any)["reviewRating"].(map[string]any)
				if ok && (rr["bestRating"] == nil || rr["worstRating"] == nil) {
					t.Errorf("a review rating without its scale: %v", rr)
				}
			}
		})
	}
}

// TestPageOwnerFacts: --page-url gives the Movie its url and @id, and
// leaves the review aggregator's reviews and ratings out of the snippet
// with one line that counts them; --image gives the poster. Without
// --page-url, the warning about aggregated reviews is printed once.
func TestPageOwnerFacts(t *testing.T) {
	files, _ := filepath.Glob("../../testdata/films/kaze-no-oto/*.txt")
	const page, poster = "https://cinema.example/films/kaze", "https://cinema.example/posters/kaze.jpg"
	code, out, stderr := runCmd(append([]string{"export", "--page-url", page, "--image", poster}, files...)...)
	if code != exitOK {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	var m map[string]any
	if err := json.Unmarshal([]byte(out), &m); err != nil {
		t.Fatal(err)
	}
	if m["@id"] != page+"#movie" || m["url"] != page || m["image"] != poster {
		t.Errorf("@id %v, url %v, image %v", m["@id"], m["url"], m["image"])
	}
	if m["review"] != nil || m["aggregateRating"] != nil {
		t.Errorf("the aggregator's reviews and ratings are in the snippet of another site")
	}
	if strings.Count(stderr, "[google.review.third-party]") != 1 || !strings.Contains(stderr, "left out of the web snippet: 8 reviews and ratings taken from review pages that are not on cinema.example") {
		t.Errorf("stderr:\n%s", stderr)
	}
	if strings.Contains(stderr, "aggregator's page; search engines ask") {
		t.Errorf("the generic warning is printed with --page-url:\n%s", stderr)
	}
	path := writeFile(t, t.TempDir(), "kaze.jsonld", out)
	if code, report, stderr := runCmd("validate", "--page-url", page, path); code != exitOK || strings.Contains(report, "google.movie.image") {
		t.Errorf("validate: exit %d\n%s%s", code, report, stderr)
	}

	// --base says otherwise: the Movie keeps its minted IRI.
	_, out, _ = runCmd(append([]string{"export", "-q", "--base", "https://ids.example/", "--page-url", page}, files...)...)
	if !strings.Contains(out, `"@id": "https://ids.example/film/the-sound-of-wind-2019"`) || !strings.Contains(out, `"url": "`+page+`"`) {
		t.Errorf("with --base:\n%.400s", out)
	}
	// The RDF names the film the same way, in every graph.
	_, nq, _ := runCmd(append([]string{"export", "-q", "-f", "nquads", "--page-url", page}, files...)...)
	if strings.Contains(nq, "<urn:film2ld:film/the-sound-of-wind-2019> ") || !strings.Contains(nq, "<"+page+"#movie> <http://schema.org/url> <"+page+">") {
		t.Errorf("nquads:\n%.600s", nq)
	}

	_, _, stderr = runCmd(append([]string{"export"}, files...)...)
	if n := strings.Count(stderr, "search engines ask sites to mark up only reviews they collect themselves"); n != 1 {
		t.Errorf("the aggregated-reviews warning %d times:\n%s", n, stderr)
	}

	for _, c := range [][]string{{"--page-url", "cinema.example/kaze"}, {"--image", "poster.jpg"}, {"--batch", "-o", t.TempDir(), "--page-url", page}} {
		if code, _, stderr := runCmd(append(append([]string{"export"}, c...), files...)...); code != exitUsage {
			t.Errorf("%v: exit %d, want %d\n%s", c, code, exitUsage, stderr)
		}
	}
	_, help, _ := runCmd("export", "--help")
	if !strings.Contains(help, "--page-url URL") || !strings.Contains(help, "page owner's fact") {
		t.Errorf("--help says nothing of the page owner's facts")
	}
}

// TestBatchStderr: in a batch every line about a film starts with its
// folder, what the snippets leave out is one line per cause and film, the
// warning about aggregated reviews comes once, and the last line counts
// films and warnings by cause.
func TestBatchStderr(t *testing.T) {
	code, _, stderr := runCmd("export", "--batch", "-f", "html", "-o", t.TempDir(), "../../testdata/films")
	if code != exitOK {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	// Without --verbose, what the snippets leave out and the notes are
	// counted in the last line only.
	if strings.Contains(stderr, "left out of the web snippet: ") || strings.Contains(stderr, "film2ld: note: ../../testdata/films/") {
		t.Errorf("routine per-film lines without --verbose:\n%s", stderr)
	}
	if !strings.Contains(stderr, " notes (--verbose shows them)") {
		t.Errorf("the notes are not counted:\n%s", stderr)
	}
	code, _, stderr = runCmd("export", "--batch", "-v", "-f", "html", "-o", t.TempDir(), "../../testdata/films")
	if code != exitOK || !strings.Contains(stderr, "film2ld: warning: ../../testdata/films/nattfergen: left out of the web snippet: ") {
		t.Fatalf("-v: exit %d\n%s", code, stderr)
	}
	lines := strings.Split(strings.TrimSuffix(stderr, "\n"), "\n")
	last := lines[len(lines)-1]
	if !strings.HasPrefix(last, "film2ld: note: ") || !strings.Contains(last, " films written, 0 failed; warnings by cause: ") ||
		!strings.Contains(last, "left out of the web snippet [google.aggregate.value]") {
		t.Errorf("last line %q", last)
	}
	if n := strings.Count(stderr, "search engines ask sites to mark up only reviews"); n != 1 {
		t.Errorf("the aggregated-reviews warning %d times", n)
	}
	seen := map[string]bool{}
	for _, l := range lines[:len(lines)-1] {
		if strings.Contains(l, "search engines ask sites") || strings.HasPrefix(l, "film2ld: info: ") && strings.Contains(l, ": one person") {
			continue
		}
		_, rest, _ := strings.Cut(strings.TrimPrefix(l, "film2ld: "), ": ")
		if !strings.HasPrefix(rest, "../../testdata/films/") {
			t.Errorf("a line that does not start with its film's folder: %q", l)
		}
		if strings.Contains(l, "left out of the web snippet") {
			if seen[l] {
				t.Errorf("a cause said twice for one film: %q", l)
			}
			seen[l] = true
		}
	}
	if len(lines) > 10*len(exportCases(t)) {
		t.Errorf("%d lines of stderr for %d films", len(lines), len(exportCases(t)))
	}
}

// TestNoSilentSurprises: each way export used to do something the user did
// not ask for, in silence.
func TestNoSilentSurprises(t *testing.T) {
	dir := t.TempDir()
	film := func(name string) []string {
		files, _ := filepath.Glob("../../testdata/films/" + name + "/*.txt")
		return files
	}
	hello := writeFile(t, dir, "hello.txt", "hello world")

	// --kind on a document with none of that kind's facts.
	for _, kind := range []string{"prize", "encyclopedia", "reviews"} {
		code, out, stderr := runCmd("export", "--kind", kind, "-f", "nquads", hello)
		// (The encyclopedia and review mappers already named what they
		// missed; the prize page's took the first line for a title.)
		if code != exitError || out != "" || kind == "prize" && !strings.Contains(stderr, "hello.txt: not a document of the kind named") {
			t.Errorf("--kind %s of hello world: exit %d\n%s%s", kind, code, out, stderr)
		}
	}

	// The same document twice counts once, with a note.
	review := film("les-etes-immobiles")[2]
	copyOf := writeFile(t, dir, "copy.txt", mustRead(t, review))
	_, once, _ := runCmd("export", "-q", "-f", "nquads", "--merged", review)
	code, twice, stderr := runCmd("export", "-f", "nquads", "--merged", review, copyOf, review)
	if code != exitOK || twice != once || strings.Count(stderr, "(the same bytes); read once") != 2 {
		t.Errorf("the same review page given three times: exit %d, same output %v\n%s", code, twice == once, stderr)
	}

	// -o's extension gives the format; a contradiction is a usage error.
	nattfergen := film("nattfergen")
	for ext, want := range map[string]string{".nq": "<urn:film2ld:film/the-night-ferry-2015> <", ".jsonld": `"@context": "https://schema.org"`, ".html": `<script type="application/ld+json">`} {
		out := filepath.Join(dir, "out"+ext)
		if code, _, stderr := runCmd(append([]string{"export", "-q", "-o", out}, nattfergen...)...); code != exitOK {
			t.Fatalf("-o %s: exit %d\n%s", out, code, stderr)
		}
		if got := mustRead(t, out); !strings.Contains(got, want) {
			t.Errorf("-o out%s holds %.80q", ext, got)
		}
	}
	for _, c := range [][]string{{"-f", "jsonld", "-o", "x.nq"}, {"-f", "nquads", "-o", "x.html"}, {"-f", "html", "-o", "x.jsonld"}} {
		code, _, stderr := runCmd(append(append([]string{"export"}, c...), nattfergen...)...)
		if code != exitUsage || !strings.Contains(stderr, "contradicts -o") {
			t.Errorf("%v: exit %d\n%s", c, code, stderr)
		}
	}
	if code, _, stderr := runCmd(append([]string{"export", "-q", "-f", "canonical", "-o", filepath.Join(dir, "c.nq")}, nattfergen...)...); code != exitOK {
		t.Errorf("-f canonical -o c.nq: exit %d\n%s", code, stderr)
	}

	// --base must end where an IRI can be continued.
	for base, ok := range map[string]bool{"https://x.example/id": false, "urn:films": false, "https://x.example/id/": true, "https://x.example/id#": true, "urn:films:": true} {
		code, _, stderr := runCmd(append([]string{"export", "-q", "-f", "nquads", "--base", base}, nattfergen...)...)
		if (code == exitOK) != ok || !ok && (code != exitUsage || !strings.Contains(stderr, "must end in /, # or :")) {
			t.Errorf("--base %s: exit %d\n%s", base, code, stderr)
		}
	}

	// Two batch films that would write one file fail, naming both; a
	// file film2ld does not read is a warning.
	root := t.TempDir()
	for _, d := range []string{"a/ferry", "b/ferry", "a/tide"} {
		src := "nattfergen"
		if d == "a/tide" {
			src = "the-slow-tide"
		}
		for _, f := range film(src) {
			writeFile(t, filepath.Join(root, d), filepath.Base(f), mustRead(t, f))
		}
	}
	writeFile(t, filepath.Join(root, "a/tide"), "notes.md", "# To do\n\nAsk for the poster.\n")
	outDir := filepath.Join(root, "out")
	code, _, stderr = runCmd("export", "--batch", "-f", "html", "-o", outDir, filepath.Join(root, "a"), filepath.Join(root, "b"))
	both := filepath.Join(root, "a/ferry") + " and " + filepath.Join(root, "b/ferry")
	if code != exitError || strings.Count(stderr, both) != 2 || !strings.Contains(stderr, "1 of 3 films written, 2 failed") {
		t.Errorf("two folders named ferry: exit %d\n%s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(outDir, "ferry.html")); err == nil {
		t.Errorf("ferry.html written for one of two films")
	}
	if !strings.Contains(stderr, "warning: "+filepath.Join(root, "a/tide/notes.md")+": not read") {
		t.Errorf("notes.md:\n%s", stderr)
	}
	if _, err := os.Stat(filepath.Join(outDir, "tide.html")); err != nil {
		t.Errorf("the film with notes.md was not written: %v", err)
	}
}

func mustRead(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
