package ld

import (
	"strconv"
	"strings"
)

// uriParts splits an IRI reference into scheme, authority, path, query
// and fragment (RFC 3986, appendix B); the booleans say which are present.
var uriParts = lazyRegexp(`(?s)^(?:([a-zA-Z][a-zA-Z0-9+.-]*):)?(?://([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$`)

type iriRef struct {
	scheme, authority, path, query, fragment       string
	hasScheme, hasAuthority, hasQuery, hasFragment bool
}

func parseIRIRef(s string) iriRef {
	m := uriParts().FindStringSubmatchIndex(s)
	part := func(i int) (string, bool) {
		if m[2*i] < 0 {
			return "", false
		}
		return s[m[2*i]:m[2*i+1]], true
	}
	var r iriRef
	r.scheme, r.hasScheme = part(1)
	r.authority, r.hasAuthority = part(2)
	r.path, _ = part(3)
	r.query, r.hasQuery = part(4)
	r.fragment, r.hasFragment = part(5)
	return r
}

func (r iriRef) String() string {
	var b strings.Builder
	if r.hasScheme {
		b.WriteString(r.scheme + ":")
	}
	if r.hasAuthority {
		b.WriteString("//" + r.authority)
	}
	b.WriteString(r.path)
	if r.hasQuery {
		b.WriteString("?" + r.query)
	}
	if r.hasFragment {
		b.WriteString("#" + r.fragment)
	}
	return b.String()
}

// resolveIRI resolves ref against the absolute IRI base exactly as RFC 3986
// section 5.2 says, on the text as written: nothing is percent-encoded or
// decoded, the base path is kept for a reference that is only a query or a
// fragment, and bases without an authority (tag:example) work. Go's
// net/url re-encodes characters and cleans the base path even for "#s"
// (it gave http://a/bb/ccc/d;p?q#s for http://a/bb/ccc/./d;p?q).
func resolveIRI(base, ref string) string {
	r, b := parseIRIRef(ref), parseIRIRef(base)
	var t iriRef
	switch {
	case r.hasScheme:
		t = r
		t.path = removeDots(r.path)
	case r.hasAuthority:
		t = r
		t.scheme, t.hasScheme = b.scheme, b.hasScheme
		t.path = removeDots(r.path)
	default:
		t.scheme, t.hasScheme = b.scheme, b.hasScheme
		t.authority, t.hasAuthority = b.authority, b.hasAuthority
		switch {
		case r.path == "":
			t.path = b.path
			t.query, t.hasQuery = b.query, b.hasQuery
			if r.hasQuery {
				t.query, t.hasQuery = r.query, true
			}
		case strings.HasPrefix(r.path, "/"):
			t.path = removeDots(r.path)
			t.query, t.hasQuery = r.query, r.hasQuery
		default:
			t.path = removeDots(mergePaths(b, r.path))
			t.query, t.hasQuery = r.query, r.hasQuery
		}
	}
	t.fragment, t.hasFragment = r.fragment, r.hasFragment
	return t.String()
}

// mergePaths is RFC 3986 section 5.2.3.
func mergePaths(b iriRef, ref string) string {
	if b.hasAuthority && b.path == "" {
		return "/" + ref
	}
	if i := strings.LastIndexByte(b.path, '/'); i >= 0 {
		return b.path[:i+1] + ref
	}
	return ref
}

// removeDots is RFC 3986 section 5.2.4.
func removeDots(in string) string {
	var out []string // segments, each with its leading "/" where it had one
	for in != "" {
		switch {
		case strings.HasPrefix(in, "../"):
			in = in[3:]
		case strings.HasPrefix(in, "./"):
			in = in[2:]
		case strings.HasPrefix(in, "/./"):
			in = in[2:]
		case in == "/.":
			in = "/"
		case strings.HasPrefix(in, "/../"):
			in = in[3:]
			if len(out) > 0 {
				out = out[:len(out)-1]
			}
		case in == "/..":
			in = "/"
			if len(out) > 0 {
				out = out[:len(out)-1]
			}
		case in == "." || in == "..":
			in = ""
		default:
			start := 0
			if in[0] == '/' {
				start = 1
			}
			end := strings.IndexByte(in[start:], '/')
			if end < 0 {
				end = len(in)
			} else {
				end += start
			}
			out = append(out, in[:end])
			in = in[end:]
		}
	}
	return strings.Join(out, "")
}

// Document @base values are handed to json-gold as stand-ins, so that the
// IRIs resolved against them can be recognised after expansion and
// resolved again by resolveIRI: json-gold's own resolution is not RFC 3986
// (see resolveIRI) and fails on bases such as "tag:example". A stand-in is
// a hierarchical IRI deep enough that json-gold's resolution of any
// reference against it can be undone: x-film2ld-base://bN/ then baseDepth
// directory segments and a file segment.
const (
	baseScheme = "x-film2ld-base://b"
	baseDir    = "-f2l-"
	baseFile   = "-f2l-doc"
	baseDepth  = 32
)

// baseStandIns maps stand-ins back to the bases they stand for.
type baseStandIns struct {
	bases []string // index N: the base of stand-in N ("" for none)
	// of gives the stand-in of each base: one base written on many nodes
	// (a page's <base> reaches each node of its blocks) is one stand-in,
	// so their contexts are alike and parsed once (contexts.extended).
	of map[string]string
}

func (s *baseStandIns) add(base string) string {
	if standIn, ok := s.of[base]; ok {
		return standIn
	}
	s.bases = append(s.bases, base)
	standIn := baseScheme + strconv.Itoa(len(s.bases)-1) + "/" + strings.Repeat(baseDir+"/", baseDepth) + baseFile
	if s.of == nil {
		s.of = map[string]string{}
	}
	s.of[base] = standIn
	return standIn
}

// replaceBases swaps every string @base of the contexts in doc for a
// stand-in and reports whether there was one. Relative @base values stay:
// json-gold resolves them against the stand-in in force, which undo
// follows. A @base in a remote context is not seen (it is rare, and
// json-gold then handles it as before).
//
// A relative @vocab ("", "./rel#") is resolved here, against the base in
// force where it is written (known from the nesting of the document, which
// is how documents use it): json-gold would resolve it against a stand-in
// and then append terms, which undo cannot take apart.
func (s *baseStandIns) replaceBases(doc any, base string) bool {
	found := false
	terms := contextTerms(doc)
	// vocab tells whether a vocabulary mapping is in force: a relative
	// @vocab is then relative to it, not to the base.
	var walk func(v any, inContext bool, base string, vocab bool) (string, bool)
	walk = func(v any, inContext bool, base string, vocab bool) (string, bool) {
		switch v := v.(type) {
		case []any:
			// The contexts of an array apply in order.
			for _, e := range v {
				b, voc := walk(e, inContext, base, vocab)
				if inContext {
					base, vocab = b, voc
				}
			}
		case map[string]any:
			if _, isValue := v["@value"]; isValue && !inContext {
				return base, vocab
			}
			if inContext {
				if b, ok := v["@base"]; ok {
					found = true
					switch b := b.(type) {
					case string:
						switch {
						case schemeRE().MatchString(b):
							base = b
							v["@base"] = s.add(b)
						case base != "":
							base = resolveIRI(base, b)
						}
					case nil:
						base = ""
					}
				}
				if vb, ok := v["@vocab"]; ok {
					if vs, ok := vb.(string); ok && base != "" && !vocab && (pathRelative(vs) || (!strings.Contains(vs, ":") && !terms[vs])) {
						v["@vocab"] = resolveIRI(base, vs)
						if vs == "" {
							v["@vocab"] = base // "" is the base itself, fragment and all
						}
					}
					vocab = vb != nil
				}
			}
			for k, e := range v {
				walk(e, inContext || k == "@context", base, vocab)
			}
		}
		return base, vocab
	}
	walk(doc, false, base, false)
	return found
}

// contextTerms returns the terms any context of doc defines.
func contextTerms(doc any) map[string]bool {
	terms := map[string]bool{}
	var walk func(v any, inContext bool)
	walk = func(v any, inContext bool) {
		switch v := v.(type) {
		case []any:
			for _, e := range v {
				walk(e, inContext)
			}
		case map[string]any:
			for k, e := range v {
				if inContext && !strings.HasPrefix(k, "@") {
					terms[k] = true
				}
				walk(e, inContext || k == "@context")
			}
		}
	}
	walk(doc, false)
	return terms
}

// pathRelative reports whether a @vocab value is a path reference ("",
// "./x", "../x", "/x", "#x", "?x") rather than a term, a compact IRI or an
// IRI, which json-gold expands against the vocabulary first. (A value
// without a colon that the same context does not define as a term, such as
// "other/", is a relative reference too.)
func pathRelative(v string) bool {
	if v == "" {
		return true
	}
	for _, p := range []string{"./", "../", "/", "#", "?"} {
		if strings.HasPrefix(v, p) {
			return true
		}
	}
	return false
}

// undo rewrites, in place, the IRIs of an expanded document that json-gold
// resolved against a stand-in: each is turned back into the reference it
// was and resolved against the real base with resolveIRI. A reference
// whose base is none stays relative.
func (s *baseStandIns) undo(v any) any {
	switch v := v.(type) {
	case string:
		return s.undoIRI(v)
	case []any:
		for i, e := range v {
			v[i] = s.undo(e)
		}
		return v
	case map[string]any:
		for k, e := range v {
			if k == "@value" || k == "@language" || k == "@direction" || k == "@index" {
				continue
			}
			nk := s.undoIRI(k)
			if nk != k {
				delete(v, k)
			}
			v[nk] = s.undo(e)
		}
		return v
	}
	return v
}

func (s *baseStandIns) undoIRI(iri string) string {
	rest, ok := strings.CutPrefix(iri, baseScheme[:len(baseScheme)-1])
	if !ok {
		return iri
	}
	slash := strings.IndexByte(rest, '/')
	if slash < 0 {
		slash = len(rest)
	}
	n, err := strconv.Atoi(strings.TrimPrefix(rest[:slash], "b"))
	if err != nil || n >= len(s.bases) || !strings.HasPrefix(rest, "b") {
		// A network-path reference ("//host/path") replaced the
		// stand-in's authority: it keeps only the base's scheme.
		for _, b := range s.bases {
			if b != "" {
				return resolveIRI(b, unescapeInvalid("//"+rest))
			}
		}
		return unescapeInvalid("//" + rest)
	}
	base, path := s.bases[n], rest[slash:]
	// Count the stand-in's directory segments json-gold left.
	depth := 0
	path = strings.TrimPrefix(path, "/")
	for depth < baseDepth && strings.HasPrefix(path, baseDir+"/") {
		path = path[len(baseDir)+1:]
		depth++
	}
	var ref string
	switch {
	case depth == baseDepth && strings.HasPrefix(path, baseFile):
		// The base itself, plus a query or fragment, or plus a term when
		// the vocabulary mapping is the base ("@vocab": "").
		tail := path[len(baseFile):]
		if tail == "" || tail[0] == '?' || tail[0] == '#' {
			ref = tail
		} else if base != "" {
			return unescapeInvalid(base + tail)
		} else {
			return unescapeInvalid(tail)
		}
	case depth == 0:
		ref = "/" + path
	default:
		ref = strings.Repeat("../", baseDepth-depth) + path
		if ref == "" || ref[0] == '?' || ref[0] == '#' {
			// The base's directory, then a query or fragment (".?a=b").
			ref = "./" + ref
		}
	}
	ref = unescapeInvalid(ref)
	if base == "" {
		return ref
	}
	return resolveIRI(base, ref)
}

// unescapeInvalid undoes json-gold's percent-encoding of characters no IRI
// may hold (it writes "a b" as "a%20b"), so that film2ld's checks still see
// and name them.
func unescapeInvalid(s string) string {
	if !strings.Contains(s, "%") {
		return s
	}
	r := strings.NewReplacer("%20", " ", "%3C", "<", "%3E", ">", "%22", `"`, "%7B", "{", "%7D", "}",
		"%7C", "|", "%5C", `\`, "%5E", "^", "%60", "`")
	return r.Replace(s)
}
