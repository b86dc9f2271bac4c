package ld

import (
	"fmt"
	"strings"

	jld "github.com/piprate/json-gold/ld"

	"github.com/film2ld/film2ld/ld/schemaorg"
)

// IsSchemaOrgContext reports whether url names the schema.org JSON-LD
// context: http or https, with or without "www.", with or without a trailing
// slash, or the context file itself (/docs/jsonldcontext.jsonld or .json).
func IsSchemaOrgContext(url string) bool {
	rest, ok := strings.CutPrefix(url, "https://")
	if !ok {
		if rest, ok = strings.CutPrefix(url, "http://"); !ok {
			return false
		}
	}
	rest = strings.TrimPrefix(rest, "www.")
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
