package store

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/film2ld/film2ld/ld"
)

// fakeStore is a Graph Store and SPARQL Update endpoint in memory that
// fails on request: fail503 times with 503 first, and always with 400 for
// a PUT of the graph named in reject.
type fakeStore struct {
	mu       sync.Mutex
	graphs   map[string]string // graph IRI → N-Triples body
	updates  []string
	requests []string
	fail503  int
	reject   string
	user     string // when set, Basic auth with user:secret is required
}

func (s *fakeStore) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	g := r.URL.Query().Get("graph")
	s.requests = append(s.requests, r.Method+" "+g)
	if s.user != "" {
		if u, p, ok := r.BasicAuth(); !ok || u != s.user || p != "secret" {
			w.Header().Set("WWW-Authenticate", `Basic realm="store"`)
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
	}
	if s.fail503 > 0 {
		s.fail503--
		http.Error(w, "busy", http.StatusServiceUnavailable)
		return
	}
	body, _ := io.ReadAll(r.Body)
	switch r.Method {
	case http.MethodPut:
		if g == s.reject {
			http.Error(w, "Virtuoso 37000 Error SP030: bad data\nmore", http.StatusBadRequest)
			return
		}
		if !strings.HasPrefix(r.Header.Get("Content-Type"), "application/n-triples") {
			http.Error(w, "bad type", http.StatusUnsupportedMediaType)
			return
		}
		s.graphs[g] = string(body)
		w.WriteHeader(http.StatusCreated)
	case http.MethodGet:
		data, ok := s.graphs[g]
		if !ok {
			http.NotFound(w, r)
			return
		}
		io.WriteString(w, data)
	case http.MethodDelete:
		if _, ok := s.graphs[g]; !ok {
			http.NotFound(w, r)
			return
		}
		delete(s.graphs, g)
	case http.MethodPost:
		s.updates = append(s.updates, string(body))
	}
}

func newFake(t *testing.T) (*fakeStore, *httptest.Server) {
	t.Helper()
	fs := &fakeStore{graphs: map[string]string{}}
	srv := httptest.NewServer(fs)
	t.Cleanup(srv.Close)
	return fs, srv
}

// film returns the units of a film graph <urn:f/merged> built from the
// given sources, each source graph with one statement.
func film(t *testing.T, runtime string, sources ...string) Slice {
	t.Helper()
	var nq strings.Builder
	nq.WriteString(`<urn:f> <http://schema.org/duration> "` + runtime + `" <urn:f/merged> .` + "\n")
	for _, s := range sources {
		nq.WriteString(`<urn:f/merged> <http://www.w3.org/ns/prov#wasDerivedFrom> <` + s + `> <urn:f/merged> .` + "\n")
		nq.WriteString(`<urn:f> <http://schema.org/name> "as ` + s + ` says" <` + s + `> .` + "\n")
	}
	quads, err := ld.ReadNQuads(strings.NewReader(nq.String()), "film")
	if err != nil {
		t.Fatal(err)
	}
	return Slice(ld.Units(quads))
}

func graphNames(m map[string]string) []string {
	var out []string
	for g := range m {
		out = append(out, g)
	}
	slices.Sort(out)
	return out
}

func TestGraphStoreReplacesFilm(t *testing.T) {
	fs, srv := newFake(t)
	c := &Client{Endpoint: srv.URL + "/crud", Protocol: GraphStore}
	res, err := c.Load(context.Background(), film(t, "PT90M", "urn:s1", "urn:s2"))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(res.Written, []string{"urn:s1", "urn:s2", "urn:f/merged"}) || res.Quads != 5 {
		t.Errorf("written %v, %d statements", res.Written, res.Quads)
	}
	// The new export dropped urn:s2 and gained urn:s3.
	res, err = c.Load(context.Background(), film(t, "PT95M", "urn:s1", "urn:s3"))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(res.Dropped, []string{"urn:s2"}) {
		t.Errorf("dropped %v; want urn:s2", res.Dropped)
	}
	if got := graphNames(fs.graphs); !slices.Equal(got, []string{"urn:f/merged", "urn:s1", "urn:s3"}) {
		t.Errorf("graphs in the store %v", got)
	}
	if m := fs.graphs["urn:f/merged"]; !strings.Contains(m, "PT95M") || strings.Contains(m, "PT90M") {
		t.Errorf("the film's graph holds %q", m)
	}
	// The same load again changes nothing.
	before := fs.graphs["urn:f/merged"]
	if _, err := c.Load(context.Background(), film(t, "PT95M", "urn:s1", "urn:s3")); err != nil {
		t.Fatal(err)
	}
	if got := graphNames(fs.graphs); !slices.Equal(got, []string{"urn:f/merged", "urn:s1", "urn:s3"}) || fs.graphs["urn:f/merged"] != before {
		t.Errorf("a second load changed the store: %v", got)
	}
}

func TestRetries(t *testing.T) {
	fs, srv := newFake(t)
	fs.fail503 = 2
	c := &Client{Endpoint: srv.URL, Retries: 2, Backoff: time.Millisecond}
	if _, err := c.Load(context.Background(), film(t, "PT90M", "urn:s1")); err != nil {
		t.Fatalf("two 503s with two retries: %v", err)
	}
	fs.fail503 = 3
	_, err := c.Load(context.Background(), film(t, "PT90M", "urn:s1"))
	var se *StatusError
	if !errors.As(err, &se) || se.Status != 503 {
		t.Errorf("three 503s with two retries: %v", err)
	}

	// Connection errors are retried too.
	failures := 2
	var tries int
	c = &Client{Endpoint: srv.URL, Retries: 3, Backoff: time.Millisecond,
		Transport: roundTripFunc(func(r *http.Request) (*http.Response, error) {
			tries++
			if failures > 0 {
				failures--
				return nil, &net.OpError{Op: "dial", Net: "tcp", Err: errors.New("connection refused")}
			}
			return http.DefaultTransport.RoundTrip(r)
		})}
	if _, err := c.Load(context.Background(), film(t, "PT90M", "urn:s1")); err != nil || tries < 3 {
		t.Errorf("after two connection errors: %v (%d tries)", err, tries)
	}

	// A refused connection with no retries left fails, naming the graph.
	l, _ := net.Listen("tcp", "127.0.0.1:0")
	addr := l.Addr().String()
	l.Close()
	c = &Client{Endpoint: "http://" + addr, Retries: 1, Backoff: time.Millisecond}
	_, err = c.Load(context.Background(), film(t, "PT90M", "urn:s1"))
	var ge *GraphError
	if !errors.As(err, &ge) || ge.Graph != "urn:f/merged" || !retryable(err) {
		t.Errorf("refused connection: %v", err)
	}
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

// TestPartialFailure: a graph the store refuses stops the load at once
// (a 400 is not retried), and the result lists what was written.
func TestPartialFailure(t *testing.T) {
	fs, srv := newFake(t)
	fs.reject = "urn:s2"
	c := &Client{Endpoint: srv.URL, Retries: 3, Backoff: time.Millisecond}
	res, err := c.Load(context.Background(), film(t, "PT90M", "urn:s1", "urn:s2", "urn:s3"))
	var ge *GraphError
	if !errors.As(err, &ge) || ge.Graph != "urn:s2" || !strings.Contains(err.Error(), "400 Bad Request: Virtuoso 37000 Error SP030: bad data") {
		t.Fatalf("err = %v", err)
	}
	if !slices.Equal(res.Written, []string{"urn:s1"}) || res.Quads != 1 {
		t.Errorf("written %v (%d statements)", res.Written, res.Quads)
	}
	puts := 0
	for _, r := range fs.requests {
		if r == "PUT urn:s2" {
			puts++
		}
	}
	if puts != 1 {
		t.Errorf("the refused graph was sent %d times", puts)
	}
	// Once the store takes it, the same load completes the job.
	fs.reject = ""
	res, err = c.Load(context.Background(), film(t, "PT90M", "urn:s1", "urn:s2", "urn:s3"))
	if err != nil || len(res.Written) != 4 || len(fs.graphs) != 4 {
		t.Errorf("second run: %v, written %v, store %v", err, res.Written, graphNames(fs.graphs))
	}
}

func TestBasicAuth(t *testing.T) {
	fs, srv := newFake(t)
	fs.user = "loader"
	c := &Client{Endpoint: srv.URL}
	_, err := c.Load(context.Background(), film(t, "PT90M", "urn:s1"))
	var se *StatusError
	if !errors.As(err, &se) || se.Status != 401 {
		t.Errorf("without credentials: %v", err)
	}
	c = &Client{Endpoint: srv.URL, User: "loader", Password: "secret"}
	if _, err := c.Load(context.Background(), film(t, "PT90M", "urn:s1")); err != nil {
		t.Errorf("with credentials: %v", err)
	}
	c = &Client{Endpoint: srv.URL, User: "loader", Password: "wrong"}
	if _, err := c.Load(context.Background(), film(t, "PT90M", "urn:s1")); !errors.As(err, &se) || se.Status != 401 {
		t.Errorf("with a wrong password: %v", err)
	}
}

func TestUpdateBatches(t *testing.T) {
	fs, srv := newFake(t)
	var units []ld.Unit
	for _, f := range []string{"a", "b", "c"} {
		for _, u := range film(t, "PT90M", "urn:src-"+f) {
			u.Graph.Value = strings.Replace(u.Graph.Value, "urn:f", "urn:f"+f, 1)
			units = append(units, u)
		}
	}
	c := &Client{Endpoint: srv.URL, Protocol: Update, BatchQuads: 6}
	res, err := c.Load(context.Background(), Slice(units))
	if err != nil {
		t.Fatal(err)
	}
	// Three films of three statements, at most six per request: two
	// requests, each a whole update request with its prefixes.
	if len(fs.updates) != 2 || res.Quads != 9 || len(res.Written) != 6 {
		t.Fatalf("%d requests, %d statements, written %v", len(fs.updates), res.Quads, res.Written)
	}
	for _, u := range fs.updates {
		if !strings.HasPrefix(u, "PREFIX schema: <http://schema.org/>") || !strings.Contains(u, "DROP SILENT GRAPH") {
			t.Errorf("request:\n%s", u)
		}
	}
	if strings.Count(fs.updates[0], "INSERT DATA") != 4 || strings.Count(fs.updates[1], "INSERT DATA") != 2 {
		t.Errorf("films per request: %d, %d", strings.Count(fs.updates[0], "INSERT DATA")/2, strings.Count(fs.updates[1], "INSERT DATA")/2)
	}
}

// TestUnnameableGraphsRefused: statements in the default graph, and a
// graph named by a blank node (which the Graph Store protocol PUT to
// ?graph=b0), are refused before anything is sent, from either kind of
// unit list.
func TestUnnameableGraphsRefused(t *testing.T) {
	for _, tt := range []struct {
		text string
		want error
	}{
		{"<urn:a> <urn:b> <urn:c> <urn:g> .\n<urn:a> <urn:b> <urn:c> .\n", ld.ErrDefaultGraph},
		{"<urn:a> <urn:b> <urn:c> <urn:g> .\n<urn:a> <urn:b> <urn:c> _:g .\n", ld.ErrBlankGraph},
	} {
		quads, _ := ld.ReadNQuads(strings.NewReader(tt.text), "x")
		ds := ld.NewDataset()
		if _, err := ds.ReadNQuads(strings.NewReader(tt.text), "x", false); err != nil {
			t.Fatal(err)
		}
		for _, units := range []Units{Slice(ld.Units(quads)), ds.Units()} {
			_, err := (&Client{Endpoint: "http://127.0.0.1:1"}).Load(context.Background(), units)
			if !errors.Is(err, tt.want) {
				t.Errorf("%T: err = %v; want %v", units, err, tt.want)
			}
		}
	}
}

// TestLoadUnitListAsSlice: the units of a dataset, made one at a time,
// send the requests the same units made at once send, in both
// protocols, batched or not.
func TestLoadUnitListAsSlice(t *testing.T) {
	var nq strings.Builder
	for f := range 5 {
		g := fmt.Sprintf("<urn:f%d/merged>", f)
		fmt.Fprintf(&nq, "<urn:f%d> <http://schema.org/duration> \"PT9%dM\" %s .\n", f, f, g)
		for _, s := range []string{"urn:s1", fmt.Sprintf("urn:s%d", f+2)} {
			fmt.Fprintf(&nq, "%s <http://www.w3.org/ns/prov#wasDerivedFrom> <%s> %s .\n", g, s, g)
			fmt.Fprintf(&nq, "<urn:f%d> <http://schema.org/name> \"as %s says\" <%s> .\n", f, s, s)
		}
	}
	quads, err := ld.ReadNQuads(strings.NewReader(nq.String()), "batch")
	if err != nil {
		t.Fatal(err)
	}
	for _, proto := range []Protocol{GraphStore, Update} {
		var requests [2][]string
		for i, units := range []func() Units{
			func() Units { return Slice(ld.Units(quads)) },
			func() Units {
				ds := ld.NewDataset()
				if _, err := ds.ReadNQuads(strings.NewReader(nq.String()), "batch", false); err != nil {
					t.Fatal(err)
				}
				return ds.Units()
			},
		} {
			fs, srv := newFake(t)
			c := &Client{Endpoint: srv.URL, Protocol: proto, BatchQuads: 7}
			res, err := c.Load(context.Background(), units())
			if err != nil {
				t.Fatal(err)
			}
			requests[i] = append(append(requests[i], fs.requests...), fs.updates...)
			for _, g := range slices.Sorted(maps.Keys(fs.graphs)) {
				requests[i] = append(requests[i], g+"\n"+fs.graphs[g])
			}
			requests[i] = append(requests[i], fmt.Sprint(res))
		}
		if len(requests[0]) < 3 || !slices.Equal(requests[0], requests[1]) {
			t.Errorf("%v: requests differ\n  slice: %q\ndataset: %q", proto, requests[0], requests[1])
		}
	}
}

func TestCredentials(t *testing.T) {
	dir := t.TempDir()
	netrc := filepath.Join(dir, "netrc")
	os.WriteFile(netrc, []byte("# stores\nmachine other.example login o password op\n"+
		"machine store.example\n  login loader\n  password s3cret\nmacdef init\ncd /\n\ndefault login anon password anonp\n"), 0o600)
	env := map[string]string{"NETRC": netrc}
	getenv := func(k string) string { return env[k] }
	cases := []struct{ endpoint, user, pass string }{
		{"http://store.example:8890/sparql-auth", "loader", "s3cret"},
		{"https://elsewhere.example/", "anon", "anonp"},
	}
	for _, c := range cases {
		u, p, src, err := Credentials(c.endpoint, getenv)
		if err != nil || u != c.user || p != c.pass || src != netrc {
			t.Errorf("%s: %q %q from %q, %v", c.endpoint, u, p, src, err)
		}
	}
	env[EnvUser], env[EnvPassword] = "envuser", "envpass"
	if u, p, src, _ := Credentials(cases[0].endpoint, getenv); u != "envuser" || p != "envpass" || src != "$"+EnvUser {
		t.Errorf("the environment does not come first: %q %q %q", u, p, src)
	}
	delete(env, EnvUser)
	env["NETRC"] = filepath.Join(dir, "missing")
	if u, _, _, err := Credentials(cases[0].endpoint, getenv); u != "" || err != nil {
		t.Errorf("no netrc: %q, %v", u, err)
	}
}

func TestNetrcTokens(t *testing.T) {
	sc := bufio.NewScanner(strings.NewReader("machine a.example login x password y machine b.example login z"))
	u, p, found, err := netrcLookup(sc, "b.example")
	if err != nil || !found || u != "z" || p != "" {
		t.Errorf("%q %q %v %v", u, p, found, err)
	}
}

// TestRedirectedWriteRefused: a 301, 302 or 303 answer to a write is an
// error naming the new address, by either protocol: Go's client follows
// it with a GET without the data, whose 200 read as written. A 307 or
// 308 keeps the method and the data, and is followed.
func TestRedirectedWriteRefused(t *testing.T) {
	fs, srv := newFake(t)
	var sinkWrites int
	mux := http.NewServeMux()
	mux.HandleFunc("/sink", func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet {
			sinkWrites++
		}
	})
	for _, code := range []int{301, 302, 303, 307, 308} {
		to := "/sink"
		if code >= 307 {
			to = srv.URL // the fake store, which keeps what is written
		}
		mux.HandleFunc(fmt.Sprintf("/r%d", code), func(w http.ResponseWriter, r *http.Request) {
			target := to
			if r.URL.RawQuery != "" {
				target += "?" + r.URL.RawQuery
			}
			http.Redirect(w, r, target, code)
		})
	}
	redirector := httptest.NewServer(mux)
	t.Cleanup(redirector.Close)
	for _, protocol := range []Protocol{GraphStore, Update} {
		for _, code := range []int{301, 302, 303, 307, 308} {
			fs.graphs, fs.updates = map[string]string{}, nil
			c := &Client{Endpoint: fmt.Sprintf("%s/r%d", redirector.URL, code), Protocol: protocol}
			res, err := c.Load(context.Background(), film(t, "PT90M", "urn:s1"))
			var re *RedirectError
			switch {
			case code >= 307 && (err != nil || len(fs.graphs)+len(fs.updates) == 0):
				t.Errorf("protocol %d, %d: %v, store has %d graphs, %d updates", protocol, code, err, len(fs.graphs), len(fs.updates))
			case code < 307 && (!errors.As(err, &re) || re.Status != code || !strings.Contains(err.Error(), "--store "+redirector.URL+"/sink)") || len(res.Written) != 0):
				t.Errorf("protocol %d, %d: %v, written %v", protocol, code, err, res.Written)
			}
		}
	}
	if sinkWrites != 0 {
		t.Errorf("%d writes reached the redirect's target", sinkWrites)
	}
}
