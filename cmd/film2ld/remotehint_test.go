package main

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRemoteContextFailureHint: a context fetched and not had (a 404, a
// body that is not JSON) is named with the fix that fits, not --lenient,
// which changes nothing there.
func TestRemoteContextFailureHint(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/page.jsonld" {
			w.Write([]byte("<html>not JSON</html>"))
			return
		}
		http.NotFound(w, r)
	}))
	t.Cleanup(srv.Close)
	for _, path := range []string{"/missing.jsonld", "/page.jsonld"} {
		doc := filepath.Join(t.TempDir(), "d.jsonld")
		if err := os.WriteFile(doc, []byte(`{"@context": "`+srv.URL+path+`", "name": "x"}`), 0o644); err != nil {
			t.Fatal(err)
		}
		var stderr bytes.Buffer
		status := run([]string{"convert", "--allow-remote", doc}, nil, &bytes.Buffer{}, &stderr)
		if status != exitError || !strings.Contains(stderr.String(), "hint: check the context's URL") || strings.Contains(stderr.String(), "--lenient") {
			t.Errorf("%s: status %d:\n%s", path, status, stderr.String())
		}
	}
}
