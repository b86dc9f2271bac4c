package ld

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"strings"
	"sync"
	"time"

	jld "github.com/piprate/json-gold/ld"
)

// Remote limits what a processor made with [Config.AllowRemote] fetches.
// The zero value gives the defaults named on each field.
type Remote struct {
	// Timeout bounds one fetch, connection to last byte (default 10 s).
	Timeout time.Duration
	// MaxBytes bounds the size of one fetched context (default 8 MiB; the
	// schema.org context, the largest in common use, is under 1 MiB).
	MaxBytes int64
	// MaxDepth bounds how deeply contexts may include other contexts
	// (default 16).
	MaxDepth int
	// MaxContexts bounds how many distinct context URLs one processor
	// fetches in its lifetime (default 256), so that a server handing out
	// ever new URLs cannot keep it busy for ever.
	MaxContexts int
	// AllowFiles lets context references name local files (file: URLs, or
	// paths relative to a document read from a file:// base). Without it
	// only http and https are fetched, so a document can never make film2ld
	// read a file from disk.
	AllowFiles bool
	// Transport carries the HTTP requests (default http.DefaultTransport).
	// Tests use it to serve contexts without a network.
	Transport http.RoundTripper
}

func (r Remote) withDefaults() Remote {
	if r.Timeout <= 0 {
		r.Timeout = 10 * time.Second
	}
	if r.MaxBytes <= 0 {
		r.MaxBytes = 8 << 20
	}
	if r.MaxDepth <= 0 {
		r.MaxDepth = 16
	}
	if r.MaxContexts <= 0 {
		r.MaxContexts = 256
	}
	if r.Transport == nil {
		r.Transport = http.DefaultTransport
	}
	return r
}

// ErrContextLimit reports a context that includes itself, nests too
// deeply, or is too large, or one fetch too many.
var ErrContextLimit = errors.New("context limit exceeded")

// remoteLoader fetches contexts over HTTP(S) within the limits of its
// Remote, and remembers what it fetched: a processor fetches each context
// URL at most once.
type remoteLoader struct {
	cfg    Remote
	client *http.Client

	mu    sync.Mutex
	cache map[string]*fetched
	// followed are the contexts closure followed to their end.
	followed map[string]included
}

// fetched is one context document, or why it could not be had.
type fetched struct {
	url string // after redirects
	doc any
	err error
}

func newRemoteLoader(cfg Remote) *remoteLoader {
	cfg = cfg.withDefaults()
	client := &http.Client{
		Transport: cfg.Transport,
		Timeout:   cfg.Timeout,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) >= 10 {
				return fmt.Errorf("%w: more than 10 redirects", ErrContextLimit)
			}
			if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
				return fmt.Errorf("%w: redirect to %s", ErrRemoteContext, req.URL)
			}
			return nil
		},
	}
	return &remoteLoader{cfg: cfg, client: client, cache: map[string]*fetched{}, followed: map[string]included{}}
}

// LoadDocument implements json-gold's DocumentLoader. Before the context is
// handed to json-gold, every context it includes is fetched as well, so a
// cycle or too deep a chain is refused here (json-gold v0.8.0's own cycle
// check never fires: it copies its list of visited URLs into a slice of
// length 0), and relative references inside it are made absolute against
// its own URL (json-gold would resolve them against the document's base).
func (l *remoteLoader) LoadDocument(u string) (*jld.RemoteDocument, error) {
	f, _, err := l.closure(u, nil)
	if err != nil {
		return nil, err
	}
	return &jld.RemoteDocument{DocumentURL: f.url, Document: jld.CloneDocument(f.doc)}, nil
}

// MaxContextInclusions is the most contexts one context may include,
// counting each inclusion of one it names again (its own as 1): json-gold
// processes every inclusion anew, so seven small contexts each naming
// the next fifty times were 50^6 context merges, and ran on (past a
// minute) within every other limit.
const MaxContextInclusions = 4096

// included is what closure learns of a context once it has followed all
// it includes: how deep they nest below it, and how many inclusions
// processing it takes (MaxContextInclusions+1 at most).
type included struct {
	height, count int
}

// closure fetches u and, depth first, every context it includes; chain
// holds the URLs that include u. A context already followed is not
// followed again (what it includes holds no cycle, and its height and
// count are known): naming one context many times costs one walk.
func (l *remoteLoader) closure(u string, chain []string) (*fetched, included, error) {
	for _, c := range chain {
		if c == u {
			return nil, included{}, fmt.Errorf("%w: context %s includes itself (via %s)", ErrContextLimit, u, strings.Join(chain, " → "))
		}
	}
	if len(chain) >= l.cfg.MaxDepth {
		return nil, included{}, fmt.Errorf("%w: contexts nest deeper than %d (%s → %s)", ErrContextLimit, l.cfg.MaxDepth, strings.Join(chain, " → "), u)
	}
	f := l.fetch(u)
	if f.err != nil {
		return nil, included{}, f.err
	}
	l.mu.Lock()
	known, done := l.followed[u]
	l.mu.Unlock()
	if done {
		if len(chain)+known.height >= l.cfg.MaxDepth {
			return nil, included{}, fmt.Errorf("%w: contexts nest deeper than %d (%s → %s, which includes contexts %d deep)", ErrContextLimit, l.cfg.MaxDepth, strings.Join(chain, " → "), u, known.height)
		}
		return f, known, nil
	}
	m, _ := f.doc.(map[string]any)
	refs := contextRefs(m["@context"])
	if ctx, ok := m["@context"].(map[string]any); ok {
		if imp, ok := ctx["@import"].(string); ok {
			// An imported context may not import in turn (JSON-LD 1.1,
			// Context Processing step 5.6.7), so an import is followed
			// one step only, and no cycle can run through imports.
			if fi := l.fetch(imp); fi.err == nil {
				if ic, ok := fi.doc.(map[string]any)["@context"].(map[string]any); ok && ic["@import"] != nil {
					return nil, included{}, fmt.Errorf("%w: %w", ErrInvalidInput, jld.NewJsonLdError(jld.InvalidContextEntry,
						fmt.Sprintf("%s imports %s, which has an @import of its own", u, imp)))
				}
			}
			refs = append(refs, imp)
		}
	}
	this := included{count: 1}
	for _, ref := range refs {
		if IsSchemaOrgContext(ref) {
			continue
		}
		_, below, err := l.closure(ref, append(chain, u))
		if err != nil {
			return nil, included{}, err
		}
		this.height = max(this.height, below.height+1)
		if this.count = min(this.count+below.count, MaxContextInclusions+1); this.count > MaxContextInclusions {
			return nil, included{}, fmt.Errorf("%w: context %s includes contexts more than %d times over, counting each time one is named again", ErrContextLimit, u, MaxContextInclusions)
		}
	}
	l.mu.Lock()
	l.followed[u] = this
	l.mu.Unlock()
	return f, this, nil
}

// fetch returns the cached or freshly fetched document at u.
func (l *remoteLoader) fetch(u string) *fetched {
	l.mu.Lock()
	if f, ok := l.cache[u]; ok {
		l.mu.Unlock()
		return f
	}
	if len(l.cache) >= l.cfg.MaxContexts {
		l.mu.Unlock()
		return &fetched{err: fmt.Errorf("%w: more than %d context URLs", ErrContextLimit, l.cfg.MaxContexts)}
	}
	l.mu.Unlock()

	f := &fetched{url: u}
	f.doc, f.url, f.err = l.get(u)
	if f.err == nil {
		f.err = absolutizeContexts(f.doc, f.url)
	}
	if f.err != nil {
		f.err = fmt.Errorf("context %s: %w", u, f.err)
	}
	l.mu.Lock()
	l.cache[u] = f
	l.mu.Unlock()
	return f
}

// get reads the JSON document at u and returns it with its final URL.
func (l *remoteLoader) get(u string) (any, string, error) {
	parsed, err := url.Parse(u)
	if err != nil || !parsed.IsAbs() {
		return nil, u, fmt.Errorf("%w: %q is not an absolute URL", ErrRemoteContext, u)
	}
	var body io.ReadCloser
	final := u
	switch parsed.Scheme {
	case "http", "https":
		ctx, cancel := context.WithTimeout(context.Background(), l.cfg.Timeout)
		defer cancel()
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
		if err != nil {
			return nil, u, fmt.Errorf("%w: %v", ErrRemoteContext, err)
		}
		req.Header.Set("Accept", "application/ld+json, application/json;q=0.9")
		resp, err := l.client.Do(req)
		if err != nil {
			return nil, u, err
		}
		if resp.StatusCode != http.StatusOK {
			resp.Body.Close()
			return nil, u, fmt.Errorf("HTTP status %s", resp.Status)
		}
		body, final = resp.Body, resp.Request.URL.String()
	case "file":
		if !l.cfg.AllowFiles {
			return nil, u, fmt.Errorf("%w: %s: local files are not read as contexts", ErrRemoteContext, u)
		}
		fh, err := os.Open(parsed.Path)
		if err != nil {
			return nil, u, err
		}
		body = fh
	default:
		return nil, u, fmt.Errorf("%w: %s: only http and https contexts are fetched", ErrRemoteContext, u)
	}
	defer body.Close()
	data, err := io.ReadAll(io.LimitReader(body, l.cfg.MaxBytes+1))
	if err != nil {
		return nil, u, err
	}
	if int64(len(data)) > l.cfg.MaxBytes {
		return nil, u, fmt.Errorf("%w: larger than %d bytes", ErrContextLimit, l.cfg.MaxBytes)
	}
	var doc any
	if err := json.Unmarshal(data, &doc); err != nil {
		return nil, u, fmt.Errorf("%w: not JSON: %v", ErrInvalidInput, err)
	}
	if _, ok := doc.(map[string]any); !ok {
		return nil, u, fmt.Errorf("%w: %w", ErrInvalidInput, jld.NewJsonLdError(jld.InvalidRemoteContext, "not a JSON object"))
	}
	return doc, final, nil
}

// ResolveContexts makes every relative @context (and @import) reference of
// doc absolute against documentURL, the URL the document was read from
// (file:///… for a local file), as JSON-LD resolves them. Call it for each
// document of a batch whose documents come from different places; with
// [Options.DocumentURL] the processor does the same for one.
func ResolveContexts(doc any, documentURL string) error {
	return absolutizeContexts(doc, documentURL)
}

// contextRefs returns the URL references of a @context value.
func contextRefs(v any) []string {
	var refs []string
	for _, c := range asList(v) {
		if s, ok := c.(string); ok {
			refs = append(refs, s)
		}
	}
	return refs
}

// absolutizeContexts rewrites, in place, every relative context reference
// of a JSON-LD document (top-level, nested in nodes and in scoped term
// definitions, and @import) into an absolute URL resolved against base, the URL the
// document was read from. JSON-LD resolves context references against the
// document's URL; json-gold uses the base IRI, which @base or --base can
// point at another host. With no base a relative reference is an error:
// it would otherwise be opened as a local file.
func absolutizeContexts(doc any, base string) error {
	var b *url.URL
	if base != "" {
		var err error
		if b, err = url.Parse(base); err != nil || !b.IsAbs() {
			b = nil
		}
	}
	resolve := func(s string) (string, error) {
		if schemeRE().MatchString(s) {
			return s, nil
		}
		if b == nil {
			return "", fmt.Errorf("%w: relative context reference %q and no document URL to resolve it against", ErrRemoteContext, s)
		}
		ref, err := url.Parse(s)
		if err != nil {
			return "", fmt.Errorf("%w: context reference %q: %v", ErrRemoteContext, s, err)
		}
		return b.ResolveReference(ref).String(), nil
	}
	var walk func(v any) error
	walk = func(v any) error {
		switch v := v.(type) {
		case []any:
			for _, e := range v {
				if err := walk(e); err != nil {
					return err
				}
			}
		case map[string]any:
			for k, e := range v {
				if k == "@value" {
					continue // a JSON literal is data
				}
				if k == "@import" {
					// A context's @import names another context.
					if c, ok := e.(string); ok {
						r, err := resolve(c)
						if err != nil {
							return err
						}
						v[k] = r
					}
					continue
				}
				if k == "@context" {
					switch c := e.(type) {
					case string:
						r, err := resolve(c)
						if err != nil {
							return err
						}
						v[k] = r
						continue
					case []any:
						for i, item := range c {
							if s, ok := item.(string); ok {
								r, err := resolve(s)
								if err != nil {
									return err
								}
								c[i] = r
							}
						}
					}
				}
				if err := walk(e); err != nil {
					return err
				}
			}
		}
		return nil
	}
	return walk(doc)
}
