package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
)

// reportPages are the inputs of the HTML report tests: a Movie a rich
// result can be shown for, one that cannot (no name; a director that is
// an Organization) with stars that are lost (an out-of-range score), and
// a one-line page whose finding lies deep in a long line.
var reportPages = map[string]string{
	"good.jsonld": `{"@context": "https://schema.org", "@type": "Movie", "name": "Stalker", "image": "https://films.example/stalker.jpg",
 "dateCreated": "1979-05-25", "director": {"@type": "Person", "name": "Andrei Tarkovsky"},
 "review": {"@type": "Review", "author": {"@type": "Person", "name": "Ann"}, "datePublished": "1980-01-01"},
 "aggregateRating": {"@type": "AggregateRating", "ratingValue": "8.1 / 10", "ratingCount": 1234}}
`,
	"bad.jsonld": `{"@context": "https://schema.org", "@type": "Movie", "image": "https://films.example/x.jpg",
 "director": {"@type": "Organization", "name": "Mosfilm"},
 "aggregateRating": {"@type": "AggregateRating", "ratingValue": 9, "ratingCount": 5}}
`,
	"long.html": `<!doctype html><title>Long</title><script type="application/ld+json">{"@context":"https://schema.org","@type":"Movie","name":"Solaris","description":"` +
		strings.Repeat("Ça tourne. ", 40) + `","dateCreated":"1972-02-30","image":"https://films.example/solaris.jpg"}</script>`,
}

// writeReport runs validate -f html over reportPages and returns the
// report's path, and the number of distinct places (file, line, column)
// its findings name.
func writeReport(t *testing.T) (string, int) {
	t.Helper()
	dir := t.TempDir()
	var args []string
	for name, text := range reportPages {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		args = append(args, p)
	}
	out := filepath.Join(dir, "report.html")
	var stdout, stderr bytes.Buffer
	status := run(append([]string{"validate", "-f", "html", "-o", out}, args...), nil, &stdout, &stderr)
	if status != exitError {
		t.Fatalf("status %d; stderr:\n%s", status, stderr.String())
	}
	stdout.Reset()
	run(append([]string{"validate", "-f", "json"}, args...), nil, &stdout, &stderr)
	var fs []jsonFinding
	if err := json.Unmarshal(stdout.Bytes(), &fs); err != nil {
		t.Fatal(err)
	}
	places := map[string]bool{}
	for _, f := range fs {
		if f.Line > 0 && f.Column > 0 {
			places[fmt.Sprint(f.File, f.Line, f.Column)] = true
		}
	}
	return out, len(places)
}

// TestHTMLReportInChromium loads the report in headless Chromium and reads
// what it rendered from the DOM Chromium dumps: the page parses, the cards
// say what a search engine could show, and each finding's place is marked
// at the right character.
func TestHTMLReportInChromium(t *testing.T) {
	t.Parallel() // mostly waits on another process: runs beside the CPU-bound tests
	browser := ""
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			browser = p
			break
		}
	}
	if browser == "" {
		t.Skip("chromium not found (Debian: apt-get install chromium; .ci/run installs it)")
	}
	report, places := writeReport(t)
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
		"--user-data-dir="+t.TempDir(), "--dump-dom", "file://"+report)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	dom, err := cmd.Output()
	if err != nil {
		t.Fatalf("chromium: %v\n%s", err, stderr.String())
	}
	doc, err := html.Parse(bytes.NewReader(dom))
	if err != nil {
		t.Fatal(err)
	}

	cards := findAll(doc, func(n *html.Node) bool { return hasClass(n, "card") })
	byTitle := map[string]*html.Node{}
	for _, c := range cards {
		byTitle[text(first(c, "h3"))] = c
	}
	if len(cards) != 3 {
		t.Fatalf("%d cards; want 3 (titles %v)", len(cards), keys(byTitle))
	}
	good := byTitle["Stalker"]
	if good == nil || hasClass(good, "blocked") {
		t.Fatalf("Stalker: no card, or blocked")
	}
	for _, want := range []string{"1979", "Director: Andrei Tarkovsky", "★★★★☆", "8.1/10", "(1234)", "rich result can be shown", "poster: https://films.example/stalker.jpg"} {
		if !strings.Contains(text(good), want) {
			t.Errorf("Stalker card lacks %q: %q", want, text(good))
		}
	}
	bad := byTitle["(no name)"]
	if bad == nil || !hasClass(bad, "blocked") {
		t.Fatalf("nameless Movie: no card, or not blocked")
	}
	for _, want := range []string{"cannot be shown", "a Movie needs a name", "director: director is an Organization node", "no stars:", "ratingValue 9 is outside 1..5"} {
		if !strings.Contains(text(bad), want) {
			t.Errorf("blocked card lacks %q: %q", want, text(bad))
		}
	}
	if strings.Contains(text(bad), "★") {
		t.Errorf("blocked card shows stars for an out-of-range score: %q", text(bad))
	}

	// Each mark stands on the character the finding's column names: the
	// value's first character (a quote or a brace, or a digit).
	marks := findAll(doc, func(n *html.Node) bool { return n.Data == "mark" && hasClass(n, "at") })
	if len(marks) != places {
		t.Fatalf("%d marks; want one per place a finding names (%d)", len(marks), places)
	}
	for _, m := range marks {
		if c := text(m); c != `"` && c != "{" && !strings.ContainsAny(c, "0123456789") {
			t.Errorf("mark on %q, not on a value's first character", c)
		}
	}
	// The long line is cut to windows around its findings (the Movie's
	// brace, the impossible date far to the right), not printed whole.
	long := 0
	for _, l := range findAll(doc, func(n *html.Node) bool { return hasClass(n, "hit") }) {
		if strings.Contains(text(l), "1972-02-30") {
			long++
			full := len([]rune(reportPages["long.html"]))
			if n := len([]rune(text(l))); n > full/2 || !strings.Contains(text(l), "…") {
				t.Errorf("long line not cut: %d of %d characters", n, full)
			}
		}
	}
	if long != 1 {
		t.Errorf("the long line's date finding is shown %d times", long)
	}
	totals := text(findAll(doc, func(n *html.Node) bool { return attr(n, "id") == "totals" })[0])
	if !strings.Contains(totals, "4 errors") {
		t.Errorf("totals %q", totals)
	}
}

func findAll(n *html.Node, ok func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	if n.Type == html.ElementNode && ok(n) {
		out = append(out, n)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		out = append(out, findAll(c, ok)...)
	}
	return out
}

func first(n *html.Node, tag string) *html.Node {
	if all := findAll(n, func(m *html.Node) bool { return m.Data == tag }); len(all) > 0 {
		return all[0]
	}
	return nil
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasClass(n *html.Node, c string) bool {
	return n.Type == html.ElementNode && strings.Contains(" "+attr(n, "class")+" ", " "+c+" ")
}

func text(n *html.Node) string {
	if n == nil {
		return ""
	}
	if n.Type == html.TextNode {
		return n.Data
	}
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		b.WriteString(text(c))
	}
	return b.String()
}

func keys(m map[string]*html.Node) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// A file name's newline, escape sequence and bidi override are written
// visibly in the HTML report, as on standard error and in the other
// reports: the report's own line breaks are kept, the name's were not.
func TestHTMLReportEscapesFileNames(t *testing.T) {
	t.Chdir(t.TempDir())
	name := "a\x1b]0;x\x07\n::error::\u202eb.jsonld"
	if err := os.WriteFile(name, []byte(`{"@context": "https://schema.org", "@type": "Movie"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errs bytes.Buffer
	run([]string{"validate", "-f", "html", name}, nil, &out, &errs)
	page := out.String()
	if !strings.Contains(page, `a\x1B]0;x\x07\n::error::\u202Eb.jsonld`) {
		t.Errorf("the report does not write the name escaped:\n%s", page)
	}
	for _, raw := range []string{"\x1b", "\x07", "\u202e", "\n::error::"} {
		if strings.Contains(page, raw) {
			t.Errorf("the report holds %q of the name as it is", raw)
		}
	}
}

// A film's finding placed at a line of one of its documents (a review
// its snippet left out) is listed with that place: cut from the film's
// lines, which it has none of, it showed as an empty line 1 with no
// document named.
func TestHTMLReportPlacesFilmFindings(t *testing.T) {
	samples, _ := filepath.Glob("../../testdata/samples/*.txt")
	var out, errs bytes.Buffer
	run(append([]string{"validate", "-f", "html"}, samples...), nil, &out, &errs)
	page := out.String()
	if !strings.Contains(page, filepath.Base(samples[0])+":31: ") {
		t.Errorf("the left-out review is not listed at its document's line 31:\n%s", page)
	}
	if strings.Contains(page, `class="src"`) {
		t.Errorf("the film's report cuts source lines it does not have:\n%s", page)
	}
}
