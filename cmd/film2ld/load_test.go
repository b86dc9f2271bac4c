package main

import (
	"bytes"
	"io"
	"maps"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
)

// TestLoadCommand drives 'film2ld load' against a Graph Store endpoint on
// loopback: the report, a failure part-way (the graphs written listed,
// exit 1) completed by running the same command again, the default graph
// refused, and the usage errors.
func TestLoadCommand(t *testing.T) {
	t.Setenv("FILM2LD_STORE_USER", "")
	t.Setenv("NETRC", filepath.Join(t.TempDir(), "none"))
	var mu sync.Mutex
	graphs := map[string]string{}
	reject := ""
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		g := r.URL.Query().Get("graph")
		switch r.Method {
		case http.MethodPut:
			if g == reject {
				http.Error(w, "refused", http.StatusBadRequest)
				return
			}
			body, _ := io.ReadAll(r.Body)
			graphs[g] = string(body)
		case http.MethodGet:
			if body, ok := graphs[g]; ok {
				io.WriteString(w, body)
				return
			}
			http.NotFound(w, r)
		case http.MethodDelete:
			delete(graphs, g)
		}
	}))
	defer srv.Close()

	samples, _ := filepath.Glob("../../testdata/samples/*.txt")
	nq := filepath.Join(t.TempDir(), "film.nq")
	if code := run(append([]string{"export", "-q", "-f", "nquads", "-o", nq}, samples...), nil, io.Discard, io.Discard); code != exitOK {
		t.Fatal("export failed")
	}
	load := func(args ...string) (int, string) {
		var stderr bytes.Buffer
		code := run(append([]string{"load", "--backoff", "1ms", "--store", srv.URL + "/crud"}, args...), nil, io.Discard, &stderr)
		return code, stderr.String()
	}

	reject = "urn:film2ld:film/illegal-2010/merged"
	code, stderr := load(nq)
	if code != exitError || !strings.Contains(stderr, "film2ld: error: urn:film2ld:film/illegal-2010/merged: PUT ") ||
		!strings.Contains(stderr, "film2ld: 3 of 4 graphs (329 statements) were written before the failure:\n  <https://luxprize.eu/movies/2010/ill%C3%A9gal-illegal>\n  <ni:///sha-256;") ||
		!strings.Contains(stderr, "film2ld: hint: run the same command again") {
		t.Errorf("failure part-way: exit %d\n%s", code, stderr)
	}
	reject = ""
	code, stderr = load(nq)
	if code != exitOK || stderr != "film2ld: loaded 4 graphs, 611 statements into "+srv.URL+"/crud\n" {
		t.Errorf("second run: exit %d\n%s", code, stderr)
	}
	if len(graphs) != 4 {
		t.Errorf("%d graphs in the store", len(graphs))
	}

	stored := maps.Clone(graphs)

	// TriG is read as well as N-Quads, into the same graphs; and N-Quads
	// on standard input, told by their content.
	trig := filepath.Join(t.TempDir(), "film.trig")
	run(append([]string{"export", "-q", "-f", "trig", "-o", trig}, samples...), nil, io.Discard, io.Discard)
	code, stderr = load(trig)
	if code != exitOK || !strings.Contains(stderr, "film2ld: loaded 4 graphs, 611 statements") {
		t.Errorf("TriG: exit %d\n%s", code, stderr)
	}
	// (TriG writes blank nodes as [ … ]: their labels are the parser's.)
	if !maps.EqualFunc(graphs, stored, sameButBlanks) {
		t.Errorf("TriG: the graphs stored differ from the N-Quads'")
	}
	clear(graphs)
	in, err := os.ReadFile(nq)
	if err != nil {
		t.Fatal(err)
	}
	var errs bytes.Buffer
	if code := run([]string{"load", "--store", srv.URL + "/crud", "-"}, bytes.NewReader(in), io.Discard, &errs); code != exitOK || !maps.Equal(graphs, stored) {
		t.Errorf("standard input: exit %d, %d graphs\n%s", code, len(graphs), errs.String())
	}

	// The film's new export has lost a document: its graph goes too.
	fewer := filepath.Join(t.TempDir(), "fewer.nq")
	run(append([]string{"export", "-q", "-f", "nquads", "-o", fewer}, samples[1:]...), nil, io.Discard, io.Discard)
	code, stderr = load(fewer)
	if code != exitOK || !strings.Contains(stderr, "film2ld: dropped <ni:///sha-256;") || len(graphs) != 3 {
		t.Errorf("a dropped document: exit %d, %d graphs\n%s", code, len(graphs), stderr)
	}

	old := filepath.Join(t.TempDir(), "old.nq")
	run(append([]string{"export", "-q", "--merged-in-default-graph", "-f", "nquads", "-o", old}, samples...), nil, io.Discard, io.Discard)
	code, stderr = load(old)
	if code != exitError || !strings.Contains(stderr, "statements in the default graph cannot be replaced") || !strings.Contains(stderr, "hint: export without --merged-in-default-graph") {
		t.Errorf("default graph: exit %d\n%s", code, stderr)
	}

	// A graph object with no @id (an array's item holding @graph alone)
	// is named by a blank node, which no store can name: it was PUT to
	// ?graph=b0, a relative IRI. Refused before anything is sent.
	blank := filepath.Join(t.TempDir(), "blank.jsonld")
	if err := os.WriteFile(blank, []byte(`[{"@context": "https://schema.org", "@graph": [{"@id": "https://films.example/m", "@type": "Movie", "name": "M"}]}]`), 0o644); err != nil {
		t.Fatal(err)
	}
	before := len(graphs)
	code, stderr = load(blank)
	if code != exitError || !strings.Contains(stderr, "_:b0: a graph named by a blank node cannot be replaced") || !strings.Contains(stderr, "hint: give the graph an @id") || len(graphs) != before {
		t.Errorf("blank graph name: exit %d, %d graphs\n%s", code, len(graphs), stderr)
	}

	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"load", nq}, "film2ld: error: load needs --store URL\n"},
		{[]string{"load", "--store", "http://dba:dba@localhost:8890/sparql-auth", nq}, "the URL holds credentials"},
		{[]string{"load", "--store", "localhost:8890", nq}, `--store: "localhost:8890" is not an http or https URL`},
		{[]string{"load", "--store", srv.URL, "--protocol", "ftp", nq}, `--protocol: unknown protocol "ftp" (want graph-store or update)`},
		{[]string{"load", "--store", srv.URL, nq, nq}, "load needs one FILE"},
	} {
		var stderr bytes.Buffer
		if code := run(c.args, nil, io.Discard, &stderr); code != exitUsage || !strings.Contains(stderr.String(), c.want) {
			t.Errorf("%q: exit %d\n%s", c.args, code, stderr.String())
		}
	}
	if _, err := os.Stat(nq); err != nil {
		t.Fatal(err)
	}
}

// blankLabel is a blank node label in N-Triples.
var blankLabel = regexp.MustCompile(`_:[A-Za-z0-9_.-]+`)

// sameButBlanks reports whether two N-Triples bodies hold the same lines
// but for their blank node labels.
func sameButBlanks(a, b string) bool {
	lines := func(s string) []string {
		out := strings.Split(blankLabel.ReplaceAllString(s, "_:x"), "\n")
		slices.Sort(out)
		return out
	}
	return slices.Equal(lines(a), lines(b))
}
