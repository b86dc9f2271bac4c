package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/film2ld/film2ld/ld"
)

// virtuoso is the Virtuoso server of this test binary run, with its HTTP
// endpoints on loopback.
type virtuoso struct {
	base string // http://127.0.0.1:PORT
	// dir is the server's folder (loads may read files from it); port its
	// SQL port, for isql-vt, whose path isql is.
	dir  string
	port int
	isql string
	srv  *exec.Cmd
	// own lists the graphs the fresh server holds itself (Virtuoso's
	// system graphs), which reset leaves alone.
	own []string
}

// shared is the one Virtuoso server the tests share, started by the first
// test that needs it and stopped when the test binary's tests are done
// (cleanupM): starting a fresh server costs seconds, as much as most of
// the tests that use it.
var shared struct {
	once sync.Once
	v    *virtuoso
	err  error
}

// startVirtuoso returns the shared Virtuoso server, started on first use
// in a temporary folder with the SPARQL and Graph Store endpoints on an
// HTTP port, and emptied of every graph earlier tests loaded, so that each
// test starts from a fresh store whatever ran before it; so tests that use
// it must not call t.Parallel. It skips the test where Virtuoso is not
// installed.
func startVirtuoso(t *testing.T) *virtuoso {
	t.Helper()
	server, err := exec.LookPath("virtuoso-t")
	if err != nil {
		t.Skip("virtuoso-t not installed (apt-get install virtuoso-opensource-7-bin); .ci/run installs it")
	}
	isql, err := exec.LookPath("isql-vt")
	if err != nil {
		t.Skip("isql-vt not installed (apt-get install virtuoso-opensource-7-bin); .ci/run installs it")
	}
	shared.once.Do(func() { shared.v, shared.err = launchVirtuoso(server, isql) })
	if shared.err != nil {
		t.Fatal(shared.err)
	}
	shared.v.reset(t)
	return shared.v
}

// launchVirtuoso starts virtuoso-t in a new temporary folder and waits
// until its HTTP server answers.
func launchVirtuoso(server, isql string) (*virtuoso, error) {
	dir, err := os.MkdirTemp("", "film2ld-test-virtuoso-")
	if err != nil {
		return nil, err
	}
	port, httpPort, err := freePorts()
	if err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	ini := fmt.Sprintf(`[Database]
DatabaseFile = %[1]s/v.db
ErrorLogFile = %[1]s/v.log
TransactionFile = %[1]s/v.trx
xa_persistent_file = %[1]s/v.pxa
[TempDatabase]
DatabaseFile = %[1]s/v-temp.db
TransactionFile = %[1]s/v-temp.trx
[Parameters]
ServerPort = %[2]d
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
DirsAllowed = %[1]s
[HTTPServer]
ServerPort = %[3]d
ServerRoot = %[1]s
ServerThreads = 4
MaxClientConnections = 4
[SPARQL]
ResultSetMaxRows = 1000000
`, dir, port, httpPort)
	if err := os.WriteFile(filepath.Join(dir, "virtuoso.ini"), []byte(ini), 0o644); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	srv := exec.Command(server, "+foreground", "+configfile", filepath.Join(dir, "virtuoso.ini"))
	srv.Dir = dir
	if err := srv.Start(); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	v := &virtuoso{base: fmt.Sprintf("http://127.0.0.1:%d", httpPort), dir: dir, port: port, isql: isql, srv: srv}
	for range 120 {
		if resp, err := http.Get(v.base + "/sparql?query=" + url.QueryEscape("ASK {}")); err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				v.own, err = v.graphNames()
				if err != nil {
					v.stop()
					return nil, err
				}
				return v, nil
			}
		}
		time.Sleep(500 * time.Millisecond)
	}
	log, _ := os.ReadFile(filepath.Join(dir, "v.log"))
	v.stop()
	return nil, fmt.Errorf("virtuoso's HTTP server did not start:\n%s", log)
}

// stopVirtuoso stops the shared server, if a test started it, and removes
// its folder.
func stopVirtuoso() {
	if shared.v != nil {
		shared.v.stop()
	}
}

func (v *virtuoso) stop() {
	v.srv.Process.Kill()
	v.srv.Wait()
	os.RemoveAll(v.dir)
}

// sql runs SQL statements (separated by ';') through isql-vt and returns
// what it printed; an error Virtuoso reports fails the test.
func (v *virtuoso) sql(t *testing.T, stmts string) string {
	t.Helper()
	out, err := exec.Command(v.isql, strconv.Itoa(v.port), "dba", "dba", "exec="+stmts).CombinedOutput()
	if err != nil || strings.Contains(string(out), "*** Error") {
		t.Fatalf("isql %q: %v\n%s", stmts, err, out)
	}
	return string(out)
}

// tempDir returns a new folder inside the server's, which the server may
// read files from (DirsAllowed), removed when the test ends.
func (v *virtuoso) tempDir(t *testing.T) string {
	t.Helper()
	dir, err := os.MkdirTemp(v.dir, "test-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	return dir
}

// graphNames lists the graphs that hold statements. (GROUP BY: Virtuoso
// answers SELECT DISTINCT ?g over a few thousand graphs in minutes.)
func (v *virtuoso) graphNames() ([]string, error) {
	req, _ := http.NewRequest(http.MethodGet, v.base+"/sparql?query="+url.QueryEscape("SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"), nil)
	req.Header.Set("Accept", "application/sparql-results+json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var res struct {
		Results struct {
			Bindings []struct{ G struct{ Value string } } `json:"bindings"`
		} `json:"results"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&res); err != nil || resp.StatusCode != 200 {
		return nil, fmt.Errorf("virtuoso's graphs: %d %v", resp.StatusCode, err)
	}
	var names []string
	for _, b := range res.Results.Bindings {
		names = append(names, b.G.Value)
	}
	return names, nil
}

// reset removes every statement outside the server's own graphs and
// forgets the bulk loader's list of files: the store as a fresh server
// has it.
func (v *virtuoso) reset(t *testing.T) {
	t.Helper()
	names, err := v.graphNames()
	if err != nil {
		t.Fatal(err)
	}
	own := map[string]bool{}
	var keep []string
	for _, g := range v.own {
		own[g] = true
		keep = append(keep, "iri_to_id('"+strings.ReplaceAll(g, "'", "''")+"')")
	}
	if !slices.ContainsFunc(names, func(g string) bool { return !own[g] }) {
		return // only the server's own graphs hold statements
	}
	// Deleting the rows of RDF_QUAD is Virtuoso's documented fast way to
	// clear graphs; log_enable(3, 1) commits row by row without logging.
	v.sql(t, "log_enable(3, 1); DELETE FROM DB.DBA.RDF_QUAD WHERE G NOT IN ("+strings.Join(keep, ", ")+"); DELETE FROM DB.DBA.LOAD_LIST;")
	names, err = v.graphNames()
	if err != nil {
		t.Fatal(err)
	}
	if slices.ContainsFunc(names, func(g string) bool { return !own[g] }) {
		t.Fatalf("Virtuoso holds the graphs %q after the reset; it had %q when it started", names, v.own)
	}
}

// selectRows runs a SPARQL SELECT and returns each row's values by
// variable.
func (v *virtuoso) selectRows(t *testing.T, query string) []map[string]string {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, v.base+"/sparql?query="+url.QueryEscape(query), nil)
	req.Header.Set("Accept", "application/sparql-results+json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	var res struct {
		Results struct {
			Bindings []map[string]struct{ Value string } `json:"bindings"`
		} `json:"results"`
	}
	if err := json.Unmarshal(body, &res); err != nil || resp.StatusCode != 200 {
		t.Fatalf("SPARQL %s: %d %v\n%s", query, resp.StatusCode, err, body)
	}
	var rows []map[string]string
	for _, b := range res.Results.Bindings {
		row := map[string]string{}
		for k, x := range b {
			row[k] = x.Value
		}
		rows = append(rows, row)
	}
	return rows
}

// counts returns the number of statements in each graph whose name
// matches ours (film2ld's graphs, not Virtuoso's own).
func (v *virtuoso) counts(t *testing.T, ours *regexp.Regexp) map[string]int {
	t.Helper()
	out := map[string]int{}
	for _, row := range v.selectRows(t, "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g") {
		if ours.MatchString(row["g"]) {
			out[row["g"]], _ = strconv.Atoi(row["n"])
		}
	}
	return out
}

// graph returns the stored statements of graph g (Graph Store GET).
func (v *virtuoso) graph(t *testing.T, g string) []ld.Quad {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, v.base+"/sparql-graph-crud?graph="+url.QueryEscape(g), nil)
	req.Header.Set("Accept", "application/n-triples")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusNotFound {
		return nil
	}
	quads, err := ld.ReadNQuads(resp.Body, g)
	if err != nil {
		t.Fatalf("the stored graph %s: %v", g, err)
	}
	return quads
}

// canonicalGraph is the RDFC-1.0 form of a graph's statements, with
// xsd:double literals written in one form: Virtuoso stores doubles by
// value and gives "7.9E0" back as "7.9", the same literal value.
func canonicalGraph(t *testing.T, quads []ld.Quad) string {
	t.Helper()
	for i := range quads {
		quads[i].Graph = ld.Term{}
		if o := &quads[i].Object; o.Datatype == "http://www.w3.org/2001/XMLSchema#double" {
			if f, err := strconv.ParseFloat(o.Value, 64); err == nil {
				o.Value = strconv.FormatFloat(f, 'E', -1, 64)
			}
		}
	}
	return canonicalQuads(t, quads, "graph")
}

// byGraph splits N-Quads by graph name.
func byGraph(t *testing.T, nq []byte) map[string][]ld.Quad {
	t.Helper()
	quads, err := ld.ReadNQuads(bytes.NewReader(nq), "export")
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]ld.Quad{}
	for _, q := range quads {
		out[q.Graph.Value] = append(out[q.Graph.Value], q)
	}
	return out
}

// ourGraphs matches the graphs film2ld writes for the test films.
var ourGraphs = regexp.MustCompile(`^(urn:film2ld:|ni:///|https://aurora-prize\.example/)`)

// TestVirtuosoReplacesFilms loads a film into Virtuoso with 'film2ld load',
// then a changed version of it (a review removed, a runtime changed, a
// document dropped), over each protocol, and checks that every graph holds
// exactly the statements of the latest export and that the graphs of the
// old version are gone; then that loading the same export twice changes
// nothing.
func TestVirtuosoReplacesFilms(t *testing.T) {
	v := startVirtuoso(t)
	t.Setenv("FILM2LD_STORE_USER", "dba")
	t.Setenv("FILM2LD_STORE_PASSWORD", "dba")
	dir := t.TempDir()

	src := "../../testdata/films/les-etes-immobiles"
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	read := func(name string) string {
		data, err := os.ReadFile(filepath.Join(src, name))
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	review, article, prize := read("review.txt"), read("encyclopedia.txt"), read("prize.txt")
	removed := "Handsome, humane and about fifteen minutes too long."
	i := strings.Index(review, "  5. Reviewed by:")
	j := strings.Index(review, removed)
	if i < 0 || j < 0 || !strings.Contains(article, "- Runtime: 100 minutes") {
		t.Fatal("the test film's documents changed: update this test")
	}
	review2 := review[:i] + review[j+len(removed)+1:]
	article2 := strings.Replace(article, "- Runtime: 100 minutes", "- Runtime: 97 minutes", 1)

	export := func(name string, files ...string) []byte {
		out := filepath.Join(dir, name)
		var stderr bytes.Buffer
		if code := run(append([]string{"export", "-q", "-f", "nquads", "-o", out}, files...), nil, io.Discard, &stderr); code != exitOK {
			t.Fatalf("export: %s", stderr.String())
		}
		data, _ := os.ReadFile(out)
		return data
	}
	v1 := export("v1.nq", write("review.txt", []byte(review)), write("encyclopedia.txt", []byte(article)), write("prize.txt", []byte(prize)))
	v2 := export("v2.nq", write("review2.txt", []byte(review2)), write("encyclopedia2.txt", []byte(article2)))
	if !bytes.Contains(v1, []byte(removed)) || bytes.Contains(v2, []byte(removed)) {
		t.Fatal("the changed review page still has the review")
	}

	load := func(protocol, endpoint, file string) {
		t.Helper()
		var stderr bytes.Buffer
		if code := run([]string{"load", "-q", "--protocol", protocol, "--store", v.base + endpoint, filepath.Join(dir, file)}, nil, io.Discard, &stderr); code != exitOK {
			t.Fatalf("load %s %s: exit %d\n%s", protocol, file, code, stderr.String())
		}
	}
	// matches checks that the store holds exactly the export's graphs,
	// each with exactly its statements.
	matches := func(what string, nq []byte) {
		t.Helper()
		want := byGraph(t, nq)
		got := v.counts(t, ourGraphs)
		var names []string
		for g := range got {
			names = append(names, g)
		}
		slices.Sort(names)
		var wantNames []string
		for g := range want {
			wantNames = append(wantNames, g)
		}
		slices.Sort(wantNames)
		if !slices.Equal(names, wantNames) {
			t.Errorf("%s: graphs in the store %q; want %q", what, names, wantNames)
		}
		for g, quads := range want {
			if canonicalGraph(t, v.graph(t, g)) != canonicalGraph(t, quads) {
				t.Errorf("%s: graph %s in the store differs from the export (%d statements stored, %d exported)", what, g, got[g], len(quads))
			}
		}
	}
	drop := func() {
		for g := range v.counts(t, ourGraphs) {
			v.selectRows(t, "SELECT 1 WHERE {}") // keep the connection warm
			req, _ := http.NewRequest(http.MethodDelete, v.base+"/sparql-graph-crud-auth?graph="+url.QueryEscape(g), nil)
			req.SetBasicAuth("dba", "dba")
			c := &http.Client{}
			if resp, err := c.Do(req); err == nil {
				resp.Body.Close()
			}
		}
	}

	for _, p := range []struct{ protocol, endpoint string }{
		{"graph-store", "/sparql-graph-crud-auth"},
		{"update", "/sparql-auth"},
	} {
		load(p.protocol, p.endpoint, "v1.nq")
		matches(p.protocol+", first version", v1)
		load(p.protocol, p.endpoint, "v2.nq")
		matches(p.protocol+", changed version", v2)
		runtimes := v.selectRows(t, `SELECT ?d WHERE { GRAPH ?g { ?g <http://schema.org/about> ?film . ?film <http://schema.org/duration> ?d } }`)
		if len(runtimes) != 1 || runtimes[0]["d"] != "PT97M" {
			t.Errorf("%s: the film's runtimes in its graph: %v; want PT97M alone", p.protocol, runtimes)
		}
		if rows := v.selectRows(t, `SELECT ?g WHERE { GRAPH ?g { ?r <http://schema.org/reviewBody> "`+removed+`" } }`); len(rows) != 0 {
			t.Errorf("%s: the removed review is still in %v", p.protocol, rows)
		}
		// The same export again: nothing changes.
		before := v.counts(t, ourGraphs)
		load(p.protocol, p.endpoint, "v2.nq")
		if after := v.counts(t, ourGraphs); fmt.Sprint(after) != fmt.Sprint(before) {
			t.Errorf("%s: loading the same export again changed the store: %v, then %v", p.protocol, before, after)
		}
		matches(p.protocol+", loaded twice", v2)
		// And back to the first version.
		load(p.protocol, p.endpoint, "v1.nq")
		matches(p.protocol+", first version again", v1)
		drop()
	}
}

// titleLine is an encyclopedia article's first line: "= Title (2014 film) =".
var titleLine = regexp.MustCompile(`^= (.+?) \(\d{4} film\) =`)

// generateFilms writes n films to dir, one folder each, made from the test
// films by changing their titles (and so their IRIs and the hashes of
// their documents), the prize pages' URLs and the review pages' bytes, so
// that no two films share a document.
func generateFilms(t *testing.T, dir string, n int) {
	t.Helper()
	films, _ := filepath.Glob("../../testdata/films/*")
	var sources []map[string]string
	for _, f := range films {
		files, _ := filepath.Glob(filepath.Join(f, "*.txt"))
		docs := map[string]string{}
		for _, p := range files {
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			docs[filepath.Base(p)] = string(data)
		}
		if titleLine.MatchString(docs["encyclopedia.txt"]) {
			sources = append(sources, docs)
		}
	}
	if len(sources) < 3 {
		t.Fatalf("only %d test films with an encyclopedia article", len(sources))
	}
	for i := range n {
		docs := sources[i%len(sources)]
		title := titleLine.FindStringSubmatch(docs["encyclopedia.txt"])[1]
		copyTitle := fmt.Sprintf("%s %d", title, i)
		folder := filepath.Join(dir, fmt.Sprintf("film-%03d", i))
		os.MkdirAll(folder, 0o755)
		for name, text := range docs {
			text = strings.ReplaceAll(text, title, copyTitle)
			text = strings.ReplaceAll(text, "<https://aurora-prize.example/movies/", fmt.Sprintf("<https://aurora-prize.example/movies/copy-%d/", i))
			if name == "review.txt" {
				text += strings.Repeat("\n", i+1)
			}
			if err := os.WriteFile(filepath.Join(folder, name), []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// TestVirtuosoLoadsManyFilms exports 300 generated films as one N-Quads
// stream, loads it over the Graph Store protocol, and checks the number of
// statements in every graph against the export; then loads 30 of them
// again with SPARQL Update, several films per request, and checks that
// nothing changed. (Update requests cost Virtuoso about ten times what a
// PUT does here, so the bulk load uses the Graph Store protocol.)
func TestVirtuosoLoadsManyFilms(t *testing.T) {
	largeTest(t, "loads 300 films into Virtuoso")
	v := startVirtuoso(t)
	t.Setenv("FILM2LD_STORE_USER", "dba")
	t.Setenv("FILM2LD_STORE_PASSWORD", "dba")
	dir := t.TempDir()
	films := filepath.Join(dir, "films")
	const n = 300
	generateFilms(t, films, n)
	export := func(name string, dirs ...string) (string, map[string]int) {
		t.Helper()
		out := filepath.Join(dir, name)
		var stderr bytes.Buffer
		if code := run(append([]string{"export", "--batch", "-q", "-f", "nquads", "-o", out}, dirs...), nil, io.Discard, &stderr); code != exitOK {
			t.Fatalf("export: %s", stderr.String())
		}
		data, _ := os.ReadFile(out)
		counts := map[string]int{}
		for g, quads := range byGraph(t, data) {
			counts[g] = len(quads)
		}
		return out, counts
	}
	all, want := export("all.nq", films)
	filmGraphs := 0
	for g := range want {
		if strings.HasSuffix(g, "/merged") {
			filmGraphs++
		}
	}
	if filmGraphs != n {
		t.Fatalf("%d film graphs in the export of %d films", filmGraphs, n)
	}
	// Thirty of the films, in folders of their own, for the second load.
	some := filepath.Join(dir, "some")
	os.MkdirAll(some, 0o755)
	for i := range 30 {
		name := fmt.Sprintf("film-%03d", i*7)
		if err := os.Rename(filepath.Join(films, name), filepath.Join(some, name)); err != nil {
			t.Fatal(err)
		}
	}
	part, partCounts := export("some.nq", some)

	for _, p := range []struct{ protocol, endpoint, file string }{
		{"graph-store", "/sparql-graph-crud-auth", all},
		{"update", "/sparql-auth", part},
	} {
		var stderr bytes.Buffer
		start := time.Now()
		args := []string{"load", "--protocol", p.protocol, "--batch", "2000", "--store", v.base + p.endpoint, p.file}
		if code := run(args, nil, io.Discard, &stderr); code != exitOK {
			t.Fatalf("load %s: %s", p.protocol, stderr.String())
		}
		t.Logf("%s: %s in %v", p.protocol, strings.TrimSpace(stderr.String()), time.Since(start).Round(time.Millisecond))
		loaded := len(want)
		if p.file == part {
			loaded = len(partCounts)
		}
		if !strings.Contains(stderr.String(), fmt.Sprintf("film2ld: loaded %d graphs", loaded)) {
			t.Errorf("%s: report %q; want %d graphs", p.protocol, stderr.String(), loaded)
		}
		got := v.counts(t, ourGraphs)
		if len(got) != len(want) {
			t.Errorf("%s: %d graphs in the store; %d exported", p.protocol, len(got), len(want))
		}
		for g, c := range want {
			if got[g] != c {
				t.Errorf("%s: graph %s holds %d statements; the export has %d", p.protocol, g, got[g], c)
			}
		}
	}
}

// TestVirtuosoLoadsURLTemplateIRIs: IRIs with "{", "|", "^" and "`" (a
// SearchAction's URL template, a font URL) that convert writes in N-Quads
// as \u escapes reach Virtuoso over the Graph Store protocol as the page
// wrote them. SPARQL cannot hold them (its IRIs exclude them, and
// Virtuoso reads no escape there: "Bad character '\'"), so a load over
// the update protocol refuses before sending anything, with a hint.
func TestVirtuosoLoadsURLTemplateIRIs(t *testing.T) {
	v := startVirtuoso(t)
	t.Setenv("FILM2LD_STORE_USER", "dba")
	t.Setenv("FILM2LD_STORE_PASSWORD", "dba")
	dir := t.TempDir()
	page := filepath.Join(dir, "page.jsonld")
	const target = "https://films.example/search?q={search_term_string}"
	const font = "https://fonts.example/css?family=Lora|Open+Sans^v`2`"
	doc := `{"@context": "https://schema.org", "@graph": [{"@id": "https://films.example/#site", "@type": "WebSite", "image": "` + font + `",
 "potentialAction": {"@id": "https://films.example/#search", "@type": "SearchAction", "target": "` + target + `"}}]}`
	if err := os.WriteFile(page, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	// The statements in a graph of their own, as load writes named graphs.
	code, nq, stderr := runCmd("convert", "-f", "nquads", page)
	if code != exitOK {
		t.Fatalf("convert: exit %d: %s", code, stderr)
	}
	nq = strings.ReplaceAll(nq, " .\n", " <https://films.example/graphs/site> .\n")
	file := filepath.Join(dir, "site.nq")
	if err := os.WriteFile(file, []byte(nq), 0o644); err != nil {
		t.Fatal(err)
	}
	var errb bytes.Buffer
	if code := run([]string{"load", "-q", "--protocol", "update", "--store", v.base + "/sparql-auth", file}, nil, io.Discard, &errb); code == exitOK ||
		!strings.Contains(errb.String(), "SPARQL Update cannot hold this IRI") || !strings.Contains(errb.String(), "no graph was written") ||
		!strings.Contains(errb.String(), "hint: load with --protocol graph-store") {
		t.Errorf("load --protocol update: exit %d\n%s", code, errb.String())
	}
	const query = "SELECT ?p ?o WHERE { GRAPH <https://films.example/graphs/site> { ?s ?p ?o FILTER(isIRI(?o)) } }"
	if rows := v.selectRows(t, query); len(rows) != 0 {
		t.Errorf("the refused update wrote %v", rows)
	}
	errb.Reset()
	if code := run([]string{"load", "-q", "--protocol", "graph-store", "--store", v.base + "/sparql-graph-crud-auth", file}, nil, io.Discard, &errb); code != exitOK {
		t.Fatalf("load --protocol graph-store: exit %d\n%s", code, errb.String())
	}
	got := map[string]bool{}
	for _, row := range v.selectRows(t, query) {
		got[row["o"]] = true
	}
	if !got[target] || !got[font] {
		t.Errorf("Virtuoso holds %v; want %s and %s as written", got, target, font)
	}
}
