package ld

import (
	"fmt"
	"strings"

	jld "github.com/piprate/json-gold/ld"

	"github.com/film2ld/film2ld/ld/schemaorg"
)

// IsSchemaOrgContext reports whether url names the schema.org JSON-LD
// context: http or https (or scheme-relative, "//schema.org", which any web
// page resolves to one of them), with or without "www.", with or without a trailing
// slash, or the context file itself (/docs/jsonldcontext.jsonld or .json).
// Scheme and host are compared without regard to case, as URLs define
// them; the path is not. It is the one test of film2ld for "this is
// schema.org's context": the processor serves the built-in context for
// exactly these URLs, so the validator checks terms as schema.org's for
// exactly these too.
func IsSchemaOrgContext(url string) bool {
	scheme, rest, ok := strings.Cut(url, "//")
	switch {
	case !ok:
		return false
	case scheme == "":
		// "//schema.org", which a page (http or https) resolves to
		// schema.org's context: pages publish it so.
	case !strings.EqualFold(scheme, "https:") && !strings.EqualFold(scheme, "http:"):
		return false
	}
	host, path, _ := strings.Cut(rest, "/")
	host = strings.ToLower(host)
	rest = strings.TrimPrefix(host, "www.")
	if path != "" || strings.HasSuffix(url, "/") {
		rest += "/" + path
	}
	switch rest {
	case "schema.org", "schema.org/",
		"schema.org/docs/jsonldcontext.jsonld", "schema.org/docs/jsonldcontext.json":
		return true
	}
	return false
}

// loader serves the built-in schema.org context and refuses or fetches
// everything else.
type loader struct {
	// remote fetches other URLs; nil refuses them.
	remote jld.DocumentLoader
}

// LoadDocument implements json-gold's DocumentLoader.
func (l *loader) LoadDocument(url string) (*jld.RemoteDocument, error) {
	if IsSchemaOrgContext(url) {
		// A fresh copy each time: json-gold may merge into what it loads
		// (@import), and the document may be in use by another goroutine.
		return &jld.RemoteDocument{DocumentURL: url, Document: schemaorg.Context()}, nil
	}
	if l.remote == nil {
		return nil, fmt.Errorf("%w: %s (only the built-in schema.org context is available offline; --allow-remote permits fetching it)",
			ErrRemoteContext, url)
	}
	return l.remote.LoadDocument(url)
}
