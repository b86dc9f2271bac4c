package ld_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/film2ld/film2ld/ld"
)

func TestSchemaOrgURLsServed(t *testing.T) {
	p := ld.NewProcessor(ld.Config{})
	want, err := p.Canonical(loadDoc(t, "sdo-eg-0205"), ld.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var urls []string
	for _, scheme := range []string{"http://", "https://"} {
		for _, host := range []string{"schema.org", "www.schema.org"} {
			for _, path := range []string{"", "/", "/docs/jsonldcontext.jsonld", "/docs/jsonldcontext.json"} {
				urls = append(urls, scheme+host+path)
			}
		}
	}
	for _, url := range urls {
		if !ld.IsSchemaOrgContext(url) {
			t.Errorf("IsSchemaOrgContext(%q) = false", url)
		}
		doc := loadDoc(t, "sdo-eg-0205").(map[string]any)
		// As the whole @context (the fast path) and inside an array after
		// a local context (ordinary processing through the loader).
		for _, ctx := range []any{url, []any{map[string]any{"ex": "https://films.example/ns#"}, url}} {
			doc["@context"] = ctx
			got, err := p.Canonical(doc, ld.Options{})
			if err != nil {
				t.Errorf("%v: %v", ctx, err)
				continue
			}
			if got != want {
				t.Errorf("%v: a different graph", ctx)
			}
		}
	}
}

func TestOtherURLsRefused(t *testing.T) {
	p := ld.NewProcessor(ld.Config{})
	for _, url := range []string{
		"https://schema.org.evil.example/",
		"https://films.example/context.jsonld",
		"ftp://schema.org/",
		"https://schema.org/Movie",
		"https://schema.org/docs/other.jsonld",
	} {
		if ld.IsSchemaOrgContext(url) {
			t.Errorf("IsSchemaOrgContext(%q) = true", url)
		}
		for _, ctx := range []any{url, []any{"https://schema.org", url}} {
			doc := map[string]any{"@context": ctx, "@type": "Movie", "name": "x"}
			_, err := p.Expand(doc, ld.Options{})
			if !errors.Is(err, ld.ErrRemoteContext) {
				t.Errorf("%v: err = %v, want ErrRemoteContext", ctx, err)
				continue
			}
			if !strings.Contains(err.Error(), url) || !strings.Contains(err.Error(), "--allow-remote") {
				t.Errorf("%v: error lacks the URL or the hint: %v", ctx, err)
			}
		}
	}
}

// TestIsSchemaOrgContextCase pins the spellings that differ only where URLs
// ignore case (scheme, host) and those that are not the context at all.
func TestIsSchemaOrgContextCase(t *testing.T) {
	for url, want := range map[string]bool{
		"HTTPS://schema.org":                           true,
		"Http://WWW.Schema.Org/":                       true,
		"https://SCHEMA.ORG/docs/jsonldcontext.jsonld": true,
		"https://schema.org/DOCS/jsonldcontext.jsonld": false, // paths are case-sensitive
		"schema.org": false, // no scheme: a relative reference
		// Scheme-relative, as pages write it: schema.org's on any page.
		"//schema.org":                                  true,
		"//www.schema.org/":                             true,
		"//schema.org/docs/jsonldcontext.jsonld":        true,
		"//example.org/schema.org":                      false,
		"ftp://schema.org":                              false,
		"https:schema.org":                              false,
		"https://schema.org/docs/jsonldcontext.jsonld/": false,
		"https://schema.org//":                          false,
		"https://user@schema.org/":                      false,
		"https://schema.org:8443/":                      false,
	} {
		if got := ld.IsSchemaOrgContext(url); got != want {
			t.Errorf("IsSchemaOrgContext(%q) = %v; want %v", url, got, want)
		}
	}
}
