package ld

import (
	"net/url"
	"strings"
)

// takenAbsolute reports whether json-gold takes iri, which has a scheme,
// for an absolute IRI: its IsAbsoluteIri is url.Parse succeeding with a
// scheme, and toRdf drops, without a word, a statement whose subject,
// object or graph is not (an invalid "%" escape in a path or fragment, a
// port that is not a number, an unclosed IPv6 host). The direct walk
// declines such an IRI, so that Write's path gives its bytes
// (FuzzWriteDirectNQuads found "http:/%0X0" kept by the walk).
//
// url.Parse is called only where it could fail: an IRI without "%" whose
// authority, if any, has no user, port or IPv6 host, nor a character a
// host cannot hold, cannot make it fail once checkIRI has refused spaces,
// controls and the characters N-Quads excludes. FuzzTakenAbsolute holds
// the shortcut to url.Parse.
func takenAbsolute(iri string) bool {
	if !mayFailURLParse(iri) {
		return true
	}
	u, err := url.Parse(iri)
	return err == nil && u.IsAbs()
}

// mayFailURLParse reports whether url.Parse might refuse iri, or read it
// as relative: false only for an IRI with a scheme, no "%", and no
// authority or one of a plain host.
func mayFailURLParse(iri string) bool {
	i := strings.IndexByte(iri, ':')
	if i <= 0 || strings.IndexByte(iri, '%') >= 0 || !validScheme(iri[:i]) {
		return true
	}
	rest, ok := strings.CutPrefix(iri[i+1:], "//")
	if !ok {
		return false // no authority: an opaque IRI, or a path
	}
	end := strings.IndexAny(rest, "/?#")
	if end < 0 {
		end = len(rest)
	}
	// A user, a port, an IPv6 host, or a character Go's parser refuses
	// in a host that checkIRI lets through ("{", "}", "|", "^", "`").
	return strings.ContainsAny(rest[:end], "@:[]{}|^`")
}

// validScheme reports whether s is a URL scheme as url.Parse reads one: a
// letter, then letters, digits, "+", "-" or ".".
func validScheme(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
		case i > 0 && ('0' <= c && c <= '9' || c == '+' || c == '-' || c == '.'):
		default:
			return false
		}
	}
	return s != ""
}
