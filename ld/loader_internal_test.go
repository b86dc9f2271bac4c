package ld

import (
	"errors"
	"strings"
	"testing"

	jld "github.com/piprate/json-gold/ld"
)

// stubRemote stands in for the HTTP loader, so AllowRemote is tested offline.
type stubRemote struct{ asked []string }

func (s *stubRemote) LoadDocument(url string) (*jld.RemoteDocument, error) {
	s.asked = append(s.asked, url)
	return &jld.RemoteDocument{DocumentURL: url, Document: map[string]any{
		"@context": map[string]any{"title": "http://purl.org/dc/terms/title"},
	}}, nil
}

func TestLoaderRemote(t *testing.T) {
	stub := &stubRemote{}
	l := &loader{remote: stub}
	if _, err := l.LoadDocument("https://films.example/ctx.jsonld"); err != nil {
		t.Fatal(err)
	}
	doc, err := l.LoadDocument("http://www.schema.org/")
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := doc.Document.(map[string]any)["@context"]; !ok {
		t.Error("schema.org URL not served from the built-in context")
	}
	if len(stub.asked) != 1 || stub.asked[0] != "https://films.example/ctx.jsonld" {
		t.Errorf("remote loader asked for %v", stub.asked)
	}
	_, err = (&loader{}).LoadDocument("https://films.example/ctx.jsonld")
	if !errors.Is(err, ErrRemoteContext) {
		t.Errorf("offline loader: %v", err)
	}
}

// TestNestedContexts checks that a repeated schema.org context inside a node
// is dropped without changing the graph, and that other nested contexts are
// still processed (and refused when remote).
func TestNestedContexts(t *testing.T) {
	p := NewProcessor(Config{})
	plain := map[string]any{"@context": "https://schema.org", "@type": "Movie", "name": "Heat",
		"director": map[string]any{"@type": "Person", "name": "Mann"}}
	repeated := map[string]any{"@context": "https://schema.org", "@type": "Movie", "name": "Heat",
		"director": map[string]any{"@context": "http://schema.org/", "@type": "Person", "name": "Mann"}}
	a, err := p.Canonical(plain, Options{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := p.Canonical(repeated, Options{})
	if err != nil || a != b {
		t.Errorf("repeated context changed the graph: %v\n%s\n%s", err, a, b)
	}
	local := map[string]any{"@context": "https://schema.org", "@type": "Movie",
		"director": map[string]any{"@context": map[string]any{"name": "http://xmlns.com/foaf/0.1/name"}, "name": "Mann"}}
	nq, err := p.ToNQuads(local, Options{})
	if err != nil || !strings.Contains(nq, "<http://xmlns.com/foaf/0.1/name>") {
		t.Errorf("nested local context ignored: %v\n%s", err, nq)
	}
	remote := map[string]any{"@context": "https://schema.org", "@type": "Movie",
		"director": map[string]any{"@context": "https://films.example/ctx", "name": "Mann"}}
	if _, err := p.ToNQuads(remote, Options{}); !errors.Is(err, ErrRemoteContext) {
		t.Errorf("nested remote context: %v", err)
	}
	// A JSON literal's content is data: its keys are not checked and its
	// @context is not touched.
	literal := map[string]any{"@context": "https://schema.org", "@type": "Movie",
		"description": map[string]any{"@type": "@json", "@value": map[string]any{"@context": "https://schema.org", "@odd": 1.0}}}
	nq, err = p.ToNQuads(literal, Options{})
	if err != nil || !strings.Contains(nq, `{\"@context\":\"https://schema.org\",\"@odd\":1}`) {
		t.Errorf("JSON literal changed: %v\n%s", err, nq)
	}
}
