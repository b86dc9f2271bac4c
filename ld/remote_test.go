package ld_test

import (
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/film2ld/film2ld/ld"
)

// contextServer serves contexts on loopback and counts the requests.
func contextServer(t *testing.T, files map[string]string) (*httptest.Server, *atomic.Int64) {
	t.Helper()
	var hits atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		body, ok := files[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/ld+json")
		_, _ = w.Write([]byte(body))
	}))
	t.Cleanup(srv.Close)
	return srv, &hits
}

func remoteDoc(ctx any) map[string]any {
	return map[string]any{"@context": ctx, "@id": "https://films.example/m/1", "title": "Heat"}
}

func TestRemoteContextResolvesAgainstDocumentURL(t *testing.T) {
	srv, _ := contextServer(t, map[string]string{
		"/docs/ctx.jsonld":    `{"@context": ["more.jsonld", {"title": "http://purl.org/dc/terms/title"}]}`,
		"/docs/more.jsonld":   `{"@context": {"dc": "http://purl.org/dc/terms/"}}`,
		"/other/ctx.jsonld":   `{"@context": {"title": "https://wrong.example/title"}}`,
		"/docs/nested.jsonld": `{"@context": "ctx.jsonld"}`,
	})
	p := ld.NewProcessor(ld.Config{AllowRemote: true})
	// The base points elsewhere; the context must still come from beside
	// the document.
	opts := ld.Options{DocumentURL: srv.URL + "/docs/film.jsonld", Base: srv.URL + "/other/"}
	for _, ctx := range []any{"ctx.jsonld", "./nested.jsonld", []any{"ctx.jsonld"}} {
		nq, err := p.ToNQuads(remoteDoc(ctx), opts)
		if err != nil {
			t.Fatalf("%v: %v", ctx, err)
		}
		if !strings.Contains(nq, "<http://purl.org/dc/terms/title> \"Heat\"") {
			t.Errorf("%v: wrong context used:\n%s", ctx, nq)
		}
	}
	// Without a document URL a relative reference is refused, not opened
	// as a local file.
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "ctx.jsonld"), []byte(`{"@context": {"title": "http://purl.org/dc/terms/title"}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	for _, ctx := range []string{"ctx.jsonld", filepath.Join(dir, "ctx.jsonld"), "file://" + filepath.Join(dir, "ctx.jsonld")} {
		_, err := p.ToNQuads(remoteDoc(ctx), ld.Options{})
		if !errors.Is(err, ld.ErrRemoteContext) {
			t.Errorf("%s: err = %v, want ErrRemoteContext", ctx, err)
		}
	}
	// Unless files are allowed.
	files := ld.NewProcessor(ld.Config{AllowRemote: true, Remote: ld.Remote{AllowFiles: true}})
	if _, err := files.ToNQuads(remoteDoc("file://"+filepath.Join(dir, "ctx.jsonld")), ld.Options{}); err != nil {
		t.Errorf("AllowFiles: %v", err)
	}
}

func TestRemoteContextLimits(t *testing.T) {
	big := `{"@context": {"title": "http://purl.org/dc/terms/title", "pad": "` + strings.Repeat("x", 4096) + `"}}`
	srv, hits := contextServer(t, map[string]string{
		"/self.jsonld":  `{"@context": ["self.jsonld", {"title": "http://purl.org/dc/terms/title"}]}`,
		"/a.jsonld":     `{"@context": ["b.jsonld"]}`,
		"/b.jsonld":     `{"@context": ["a.jsonld"]}`,
		"/big.jsonld":   big,
		"/d0.jsonld":    `{"@context": "d1.jsonld"}`,
		"/d1.jsonld":    `{"@context": "d2.jsonld"}`,
		"/d2.jsonld":    `{"@context": "d3.jsonld"}`,
		"/d3.jsonld":    `{"@context": {"title": "http://purl.org/dc/terms/title"}}`,
		"/plain.jsonld": `{"@context": {"title": "http://purl.org/dc/terms/title"}}`,
	})
	slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	}))
	t.Cleanup(slow.Close)

	p := ld.NewProcessor(ld.Config{AllowRemote: true, Remote: ld.Remote{
		Timeout: 200 * time.Millisecond, MaxBytes: 1024, MaxDepth: 3}})
	for _, tt := range []struct {
		url  string
		want error
	}{
		{srv.URL + "/self.jsonld", ld.ErrContextLimit},
		{srv.URL + "/a.jsonld", ld.ErrContextLimit},
		{srv.URL + "/big.jsonld", ld.ErrContextLimit},
		{srv.URL + "/d0.jsonld", ld.ErrContextLimit},
		{srv.URL + "/missing.jsonld", nil},
		{slow.URL + "/never.jsonld", nil},
		{"ftp://films.example/ctx.jsonld", ld.ErrRemoteContext},
	} {
		_, err := p.ToNQuads(remoteDoc(tt.url), ld.Options{})
		if err == nil || (tt.want != nil && !errors.Is(err, tt.want)) {
			t.Errorf("%s: err = %v, want %v", tt.url, err, tt.want)
		}
	}
	// Within the limits it works, and each URL is fetched once however
	// often documents name it.
	before := hits.Load()
	for range 5 {
		if _, err := p.ToNQuads(remoteDoc(srv.URL+"/plain.jsonld"), ld.Options{}); err != nil {
			t.Fatal(err)
		}
	}
	if n := hits.Load() - before; n != 1 {
		t.Errorf("plain.jsonld fetched %d times, want 1", n)
	}
	deep := ld.NewProcessor(ld.Config{AllowRemote: true, Remote: ld.Remote{MaxDepth: 4}})
	if _, err := deep.ToNQuads(remoteDoc(srv.URL+"/d0.jsonld"), ld.Options{}); err != nil {
		t.Errorf("depth 4: %v", err)
	}
}

// An import is followed one step: a context that imports one that imports
// in turn is refused with JSON-LD's code, invalid context entry, also when
// the chain comes back to itself; a context that is not an object is an
// invalid remote context.
func TestRemoteContextImportAndShape(t *testing.T) {
	srv, _ := contextServer(t, map[string]string{
		"/a.jsonld":     `{"@context": {"@version": 1.1, "@import": "b.jsonld"}}`,
		"/b.jsonld":     `{"@context": {"@import": "c.jsonld"}}`,
		"/c.jsonld":     `{"@context": {"title": "http://purl.org/dc/terms/title"}}`,
		"/self.jsonld":  `{"@context": {"@version": 1.1, "@import": "self.jsonld"}}`,
		"/array.jsonld": `[{"@context": {}}]`,
		"/ok.jsonld":    `{"@context": {"@version": 1.1, "@import": "c.jsonld"}}`,
	})
	p := ld.NewProcessor(ld.Config{AllowRemote: true})
	opts := ld.Options{DocumentURL: srv.URL + "/film.jsonld"}
	for ctx, want := range map[string]string{"a.jsonld": "invalid context entry", "self.jsonld": "invalid context entry", "array.jsonld": "invalid remote context"} {
		_, err := p.ToNQuads(remoteDoc(ctx), opts)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: err = %v, want %q", ctx, err, want)
		}
	}
	nq, err := p.ToNQuads(remoteDoc("ok.jsonld"), opts)
	if err != nil || !strings.Contains(nq, "<http://purl.org/dc/terms/title> \"Heat\"") {
		t.Errorf("one import: %v\n%s", err, nq)
	}
}

// TestRemoteContextFanOut: contexts that name the next one many times
// over are refused once their inclusions, counting repeats, pass
// MaxContextInclusions, at once: seven contexts each naming the next
// fifty times were 50^6 merges, still running after a minute within
// every other limit. A context named again and again below that is
// followed once, and fetched once.
func TestRemoteContextFanOut(t *testing.T) {
	fan := func(width, levels int) map[string]string {
		files := map[string]string{}
		for i := range levels {
			refs := make([]string, width)
			for j := range refs {
				refs[j] = fmt.Sprintf("%q", fmt.Sprintf("f%d.jsonld", i+1))
			}
			files[fmt.Sprintf("/f%d.jsonld", i)] = `{"@context": [` + strings.Join(refs, ", ") + `]}`
		}
		files[fmt.Sprintf("/f%d.jsonld", levels)] = `{"@context": {"title": "http://purl.org/dc/terms/title"}}`
		return files
	}
	srv, hits := contextServer(t, fan(50, 6))
	p := ld.NewProcessor(ld.Config{AllowRemote: true})
	done := make(chan error, 1)
	go func() {
		_, err := p.ToNQuads(remoteDoc(srv.URL+"/f0.jsonld"), ld.Options{})
		done <- err
	}()
	select {
	case err := <-done:
		if !errors.Is(err, ld.ErrContextLimit) || !strings.Contains(err.Error(), "more than 4096 times") {
			t.Errorf("fan of 50, 6 deep: %v", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("fan of 50, 6 deep: still processing after 30 s")
	}
	if n := hits.Load(); n != 7 {
		t.Errorf("%d fetches for 7 contexts", n)
	}
	small, _ := contextServer(t, fan(4, 5)) // 4^5 = 1024 inclusions
	if _, err := ld.NewProcessor(ld.Config{AllowRemote: true}).ToNQuads(remoteDoc(small.URL+"/f0.jsonld"), ld.Options{}); err != nil {
		t.Errorf("fan of 4, 5 deep: %v", err)
	}
}
