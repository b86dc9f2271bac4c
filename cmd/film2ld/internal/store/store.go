// Package store sends RDF datasets to a triple store over HTTP, replacing
// each named graph whole, so that loading the same dataset again, or
// again after a failure part-way, leaves the store as one load would.
//
// Make a [Client] and call [Client.Load] with the units of a dataset
// ([ld.Units]). Two protocols are spoken:
//
//   - [GraphStore], the SPARQL 1.1 Graph Store HTTP Protocol: one PUT of
//     N-Triples per graph (?graph=IRI), and before a film's graph, a GET of
//     its stored version and a DELETE of each source graph it named and the
//     new one does not;
//   - [Update], SPARQL 1.1 Update: the operations of [ld.Unit.SPARQL]
//     (stale graphs deleted, then DROP SILENT GRAPH and INSERT per graph),
//     several units to a request up to Client.BatchQuads statements.
//
// # Failures
//
// Requests that fail with a connection error, 429 or a 5xx status are
// retried with exponential back-off; other statuses fail at once. A unit's
// graphs are written in order, its film graph last, and Load reports which
// graphs were written before a failure in [Result].
//
// # Authentication
//
// Client.User and Client.Password answer a Digest challenge (Virtuoso's
// /sparql-auth and /sparql-graph-crud-auth) or a Basic one; they are never
// sent before the server asks. See [Credentials] for where they come from.
package store

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/icholy/digest"

	"github.com/film2ld/film2ld/ld"
)

// Protocol is how a Client talks to a store.
type Protocol int

// The protocols.
const (
	// GraphStore is the SPARQL 1.1 Graph Store HTTP Protocol.
	GraphStore Protocol = iota
	// Update is SPARQL 1.1 Update over the SPARQL 1.1 Protocol.
	Update
)

// ParseProtocol returns the protocol named s: graph-store or update.
func ParseProtocol(s string) (Protocol, error) {
	switch s {
	case "graph-store":
		return GraphStore, nil
	case "update":
		return Update, nil
	}
	return 0, fmt.Errorf("unknown protocol %q (want graph-store or update)", s)
}

// Client sends datasets to one store endpoint.
type Client struct {
	// Endpoint is the Graph Store endpoint (GraphStore) or the SPARQL
	// Update endpoint (Update).
	Endpoint string
	Protocol Protocol
	// User and Password, when User is set, answer the server's
	// authentication challenge.
	User, Password string
	// Timeout bounds each request, retries apart; 0 means none.
	Timeout time.Duration
	// Retries is how many times a request that failed with a connection
	// error, 429 or 5xx is tried again.
	Retries int
	// Backoff is the wait before the first retry; it doubles each time.
	Backoff time.Duration
	// BatchQuads is the most statements one Update request carries (a unit
	// larger than that goes alone); 0 means one unit per request.
	BatchQuads int
	// Progress, when set, is called after each request with the graphs and
	// statements written so far and the totals.
	Progress func(graphs, quads, totalGraphs, totalQuads int)
	// Transport, when set, replaces http.DefaultTransport (for tests).
	Transport http.RoundTripper

	http      *http.Client
	basicAuth bool
}

// Result says what a Load wrote.
type Result struct {
	// Written are the graphs written in full, in the order written.
	Written []string
	// Quads is the number of statements in the written graphs.
	Quads int
	// Dropped are the graphs deleted because the film graph that named
	// them no longer does (GraphStore only; Update deletes them in the
	// store without saying which).
	Dropped []string
}

// GraphError reports the request that failed, and the graph it was for.
type GraphError struct {
	Graph string // the graph being written, or the first of a batch
	Err   error
}

func (e *GraphError) Error() string { return e.Graph + ": " + e.Err.Error() }

func (e *GraphError) Unwrap() error { return e.Err }

// StatusError is an HTTP answer other than success.
type StatusError struct {
	Method, URL string
	Status      int
	Body        string // the start of the answer's body
}

func (e *StatusError) Error() string {
	msg := fmt.Sprintf("%s %s: %d %s", e.Method, e.URL, e.Status, http.StatusText(e.Status))
	if e.Body != "" {
		msg += ": " + e.Body
	}
	return msg
}

// Units are the units Load writes, each made when it is asked for (an
// ld.UnitList holds a dataset's statements compact, not as Quads), or
// already made (Slice).
type Units interface {
	Len() int
	Unit(i int) ld.Unit
	// Graph returns unit i's Graph without making the unit.
	Graph(i int) ld.Term
	// Size returns the number of graphs and statements in all.
	Size() (graphs, quads int)
}

// Slice is Units already made.
type Slice []ld.Unit

// Len returns the number of units.
func (s Slice) Len() int { return len(s) }

// Unit returns unit i.
func (s Slice) Unit(i int) ld.Unit { return s[i] }

// Graph returns unit i's Graph.
func (s Slice) Graph(i int) ld.Term { return s[i].Graph }

// Size returns the number of graphs and statements in all.
func (s Slice) Size() (graphs, quads int) {
	for _, u := range s {
		for _, g := range u.Graphs {
			graphs++
			quads += len(g.Quads)
		}
	}
	return graphs, quads
}

// Load writes the units to the store, in order, making one at a time.
// On failure the Result still holds what was written.
func (c *Client) Load(ctx context.Context, units Units) (Result, error) {
	var res Result
	// Only the first unit can be the default graph's (see ld.Units).
	if units.Len() > 0 && units.Graph(0).Kind == 0 {
		return res, ld.ErrDefaultGraph
	}
	for i := range units.Len() {
		if units.Graph(i).Kind == ld.Blank {
			return res, ld.ErrBlankGraph
		}
	}
	totalGraphs, totalQuads := units.Size()
	c.init()
	progress := func() {
		if c.Progress != nil {
			c.Progress(len(res.Written), res.Quads, totalGraphs, totalQuads)
		}
	}
	if c.Protocol == Update {
		return res, c.loadUpdate(ctx, units, &res, progress)
	}
	for i := range units.Len() {
		u := units.Unit(i)
		if len(u.Sources) > 0 {
			dropped, err := c.dropStale(ctx, u)
			res.Dropped = append(res.Dropped, dropped...)
			if err != nil {
				return res, &GraphError{Graph: u.Graph.Value, Err: err}
			}
		}
		for _, g := range u.Graphs {
			var body strings.Builder
			for _, q := range g.Quads {
				q.Graph = ld.Term{}
				body.WriteString(q.String())
				body.WriteByte('\n')
			}
			_, err := c.do(ctx, http.MethodPut, c.graphURL(g.Name.Value), "application/n-triples", []byte(body.String()), "")
			if err != nil {
				return res, &GraphError{Graph: g.Name.Value, Err: err}
			}
			res.Written = append(res.Written, g.Name.Value)
			res.Quads += len(g.Quads)
			progress()
		}
	}
	return res, nil
}

// dropStale deletes the graphs that the stored version of u's graph names
// as its sources and u no longer does.
func (c *Client) dropStale(ctx context.Context, u ld.Unit) ([]string, error) {
	body, err := c.do(ctx, http.MethodGet, c.graphURL(u.Graph.Value), "", nil, "application/n-triples")
	var se *StatusError
	if errors.As(err, &se) && se.Status == http.StatusNotFound {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	old, err := ld.ReadNQuads(bytes.NewReader(body), u.Graph.Value)
	if err != nil {
		return nil, fmt.Errorf("the stored graph: %w", err)
	}
	keep := map[string]bool{}
	for _, s := range u.Sources {
		keep[s.Value] = true
	}
	var dropped []string
	for _, q := range old {
		if q.Subject == u.Graph && q.Predicate.Value == ld.DerivedFrom && q.Object.Kind == ld.IRI && !keep[q.Object.Value] {
			keep[q.Object.Value] = true
			_, err := c.do(ctx, http.MethodDelete, c.graphURL(q.Object.Value), "", nil, "")
			if errors.As(err, &se) && se.Status == http.StatusNotFound {
				err = nil
			}
			if err != nil {
				return dropped, err
			}
			dropped = append(dropped, q.Object.Value)
		}
	}
	return dropped, nil
}

// loadUpdate sends the units as SPARQL Update requests of up to
// BatchQuads statements.
func (c *Client) loadUpdate(ctx context.Context, units Units, res *Result, progress func()) error {
	// A unit SPARQL cannot write stops the load before any request, so
	// that no part of the data is written.
	var blanks ld.BlankGraphs
	for j := range units.Len() {
		u := units.Unit(j)
		if err := cmp.Or(u.CheckSPARQL(), blanks.Add(u)); err != nil {
			return &GraphError{Graph: u.Graph.Value, Err: err}
		}
	}
	var prologue strings.Builder
	ld.WritePrefixes(&prologue)
	// next is the unit that did not fit in the request before, made once.
	var next *ld.Unit
	for i := 0; i < units.Len(); {
		var req strings.Builder
		req.WriteString(prologue.String())
		var graphs []string
		quads, j := 0, i
		for ; j < units.Len(); j++ {
			var u ld.Unit
			if next != nil {
				u, next = *next, nil
			} else {
				u = units.Unit(j)
			}
			n := 0
			for _, g := range u.Graphs {
				n += len(g.Quads)
			}
			if j > i && (c.BatchQuads <= 0 || quads+n > c.BatchQuads) {
				next = &u
				break
			}
			quads += n
			u.SPARQL(&req)
			for _, g := range u.Graphs {
				graphs = append(graphs, g.Name.Value)
			}
		}
		if _, err := c.do(ctx, http.MethodPost, c.Endpoint, "application/sparql-update", []byte(req.String()), ""); err != nil {
			return &GraphError{Graph: graphs[0], Err: err}
		}
		res.Written = append(res.Written, graphs...)
		res.Quads += quads
		progress()
		i = j
	}
	return nil
}

func (c *Client) init() {
	if c.http != nil {
		return
	}
	base := c.Transport
	if base == nil {
		base = http.DefaultTransport
	}
	rt := base
	if c.User != "" {
		// No Probe: a bodyless PUT probe would, on a server that asks for
		// no credentials, replace the graph with an empty one. The first
		// request's body is sent twice instead, once.
		rt = &digest.Transport{Username: c.User, Password: c.Password, Transport: base}
	}
	c.http = &http.Client{Transport: rt, Timeout: c.Timeout, CheckRedirect: keepMethod}
}

// keepMethod lets a request follow a redirect that keeps its method and
// body (307, 308, or any for a GET) and stops one that does not: Go's
// client follows a 301, 302 or 303 answer to a PUT or POST with a GET
// without a body, whose 200 read as the data written (an http to https
// redirect, a missing slash: "loaded 4 graphs" and nothing written).
func keepMethod(req *http.Request, via []*http.Request) error {
	first := via[0]
	if req.Method == first.Method {
		if len(via) >= 10 {
			return errors.New("stopped after 10 redirects")
		}
		return nil
	}
	status := 0
	if req.Response != nil {
		status = req.Response.StatusCode
	}
	return &RedirectError{Method: first.Method, Status: status, Location: req.URL.String()}
}

// RedirectError is a store's redirect of a write that would have been
// followed without its data.
type RedirectError struct {
	Method   string
	Status   int
	Location string
}

func (e *RedirectError) Error() string {
	endpoint, _, _ := strings.Cut(e.Location, "?") // less the request's own query
	return fmt.Sprintf("the store answered the %s with %d, a redirect to %s, which HTTP clients follow with a GET without the data, so nothing was written: give the endpoint's own address (--store %s)", e.Method, e.Status, e.Location, endpoint)
}

// graphURL is the Graph Store URL of graph g: the endpoint with ?graph=g.
func (c *Client) graphURL(g string) string {
	sep := "?"
	if strings.Contains(c.Endpoint, "?") {
		sep = "&"
	}
	return c.Endpoint + sep + "graph=" + url.QueryEscape(g)
}

// do sends a request, retrying connection errors, 429 and 5xx, and
// returns the body of a 2xx answer.
func (c *Client) do(ctx context.Context, method, target, contentType string, body []byte, accept string) ([]byte, error) {
	wait := c.Backoff
	for attempt := 0; ; attempt++ {
		out, err := c.once(ctx, method, target, contentType, body, accept)
		if err == nil || attempt >= c.Retries || !retryable(err) {
			return out, err
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(wait):
		}
		wait *= 2
	}
}

func (c *Client) once(ctx context.Context, method, target, contentType string, body []byte, accept string) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, method, target, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	if body == nil {
		req.Body, req.GetBody, req.ContentLength = nil, nil, 0
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType+"; charset=utf-8")
	}
	if accept != "" {
		req.Header.Set("Accept", accept)
	}
	if c.basicAuth {
		req.SetBasicAuth(c.User, c.Password)
	}
	resp, err := c.http.Do(req)
	if re := (*RedirectError)(nil); errors.As(err, &re) {
		return nil, re // not "Post /relative: …", the client's wrapping
	}
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode == http.StatusUnauthorized && c.User != "" && !c.basicAuth && asksBasic(resp.Header) {
		c.basicAuth = true
		return c.once(ctx, method, target, contentType, body, accept)
	}
	if resp.StatusCode/100 != 2 {
		return nil, &StatusError{Method: method, URL: target, Status: resp.StatusCode, Body: summary(data)}
	}
	return data, nil
}

func asksBasic(h http.Header) bool {
	for _, v := range h.Values("WWW-Authenticate") {
		if len(v) >= 5 && strings.EqualFold(v[:5], "basic") {
			return true
		}
	}
	return false
}

// retryable reports whether a failure may pass on its own: a connection
// error, a timeout, 429 Too Many Requests or a 5xx answer.
func retryable(err error) bool {
	var se *StatusError
	if errors.As(err, &se) {
		return se.Status == http.StatusTooManyRequests || se.Status >= 500
	}
	if errors.Is(err, context.Canceled) {
		return false
	}
	var oe *net.OpError
	var ne net.Error
	return errors.As(err, &oe) || errors.As(err, &ne) && ne.Timeout() ||
		errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF)
}

// summary is the first line of an error answer, cut short.
func summary(data []byte) string {
	s := strings.TrimSpace(string(data))
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	if len(s) > 200 {
		s = s[:200] + "…"
	}
	return s
}
