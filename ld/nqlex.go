package ld

import (
	"bytes"
	"unicode/utf8"

	jld "github.com/piprate/json-gold/ld"
)

// rawTerm is a term of one N-Quads line, its bytes valid until the next
// line. kind 0 is the default graph.
type rawTerm struct {
	kind TermKind
	// value is an IRI, a blank node label with "_:", or a literal's value
	// with its escapes decoded.
	value []byte
	// datatype and lang are a literal's; a plain literal has xsd:string,
	// one with a language rdf:langString, as json-gold's parser gives them.
	datatype, lang []byte
}

// rawQuad is one N-Quads statement: subject, predicate, object, graph.
type rawQuad [4]rawTerm

var (
	xsdStringBytes     = []byte(xsdString)
	rdfLangStringBytes = []byte(rdfLangString)
)

// lexQuad parses the common form of an N-Quads statement (text has no
// space around it and is valid UTF-8) into q, decoding literal escapes
// into *buf. It reports false for anything else: a comment after the
// statement, escapes in IRIs, labels or terms outside the common form,
// errors; the caller then asks json-gold's parser, which decides and names
// the error, so that lexQuad only makes reading faster, never different
// (FuzzLexQuad compares the two).
func lexQuad(text []byte, q *rawQuad, buf *[]byte) bool {
	*q = rawQuad{}
	*buf = (*buf)[:0]
	i := 0
	for n := 0; ; n++ {
		if i < len(text) && text[i] == '.' {
			if n < 3 || i != len(text)-1 {
				return false
			}
			return true
		}
		if n == 4 || i >= len(text) {
			return false
		}
		var ok bool
		switch {
		case text[i] == '<':
			i, ok = lexIRI(text, i, &q[n])
		case text[i] == '_' && n != 1:
			i, ok = lexBlank(text, i, &q[n])
		case text[i] == '"' && n == 2:
			i, ok = lexLiteral(text, i, &q[n], buf)
		}
		if !ok {
			return false
		}
		// At least one space or tab after each term.
		start := i
		for i < len(text) && (text[i] == ' ' || text[i] == '\t') {
			i++
		}
		if i == start {
			return false
		}
	}
}

// lexIRI reads <iri> at text[i] without escapes or characters N-Quads
// excludes.
func lexIRI(text []byte, i int, t *rawTerm) (int, bool) {
	for j := i + 1; j < len(text); j++ {
		switch c := text[j]; {
		case c == '>':
			if j == i+1 || j > i+2 && text[i+1] == '_' && text[i+2] == ':' {
				// <_:x> as a graph name is a blank node to json-gold,
				// whose datasets name graphs by strings.
				return 0, false
			}
			*t = rawTerm{kind: IRI, value: text[i+1 : j]}
			return j + 1, true
		case c <= 0x20, c == 0x7f, c == '<', c == '"', c == '{', c == '}', c == '|', c == '^', c == '`', c == '\\':
			return 0, false
		}
	}
	return 0, false
}

// lexBlank reads _:label at text[i], with an ASCII label.
func lexBlank(text []byte, i int, t *rawTerm) (int, bool) {
	if i+2 >= len(text) || text[i+1] != ':' {
		return 0, false
	}
	j := i + 2
	for j < len(text) {
		c := text[j]
		if c == '.' && j > i+2 || c == '-' && j > i+2 || c == '_' || c >= '0' && c <= '9' || c|0x20 >= 'a' && c|0x20 <= 'z' {
			j++
			continue
		}
		break
	}
	if j == i+2 || text[j-1] == '.' {
		return 0, false
	}
	*t = rawTerm{kind: Blank, value: text[i:j]}
	return j, true
}

// lexLiteral reads "value", "value"@lang or "value"^^<iri> at text[i].
func lexLiteral(text []byte, i int, t *rawTerm, buf *[]byte) (int, bool) {
	j := i + 1
	plain := true
	for ; j < len(text) && text[j] != '"'; j++ {
		switch text[j] {
		case '\\':
			plain = false
			j++
		case '\n', '\r':
			return 0, false
		}
	}
	if j >= len(text) {
		return 0, false
	}
	body := text[i+1 : j]
	if bytes.Contains(body, []byte("^^")) {
		// json-gold's parser (cayley's nquads) reads "^^<"^^<t> as the
		// string "\"^^<\"^^<t>"; it decides such lines.
		return 0, false
	}
	if !plain {
		start := len(*buf)
		var ok bool
		if *buf, ok = unescape(*buf, body); !ok {
			return 0, false
		}
		body = (*buf)[start:]
	}
	*t = rawTerm{kind: Literal, value: body, datatype: xsdStringBytes}
	j++
	if j >= len(text) {
		return j, true
	}
	switch text[j] {
	case '@':
		k := j + 1
		part := 0
		for k < len(text) {
			c := text[k]
			switch {
			case c|0x20 >= 'a' && c|0x20 <= 'z', c >= '0' && c <= '9' && part > 0:
				k++
				continue
			case c == '-' && k > j+1 && text[k-1] != '-':
				part++
				k++
				continue
			}
			break
		}
		if k == j+1 || text[k-1] == '-' {
			return 0, false
		}
		t.lang = text[j+1 : k]
		t.datatype = rdfLangStringBytes
		return k, true
	case '^':
		if j+1 >= len(text) || text[j+1] != '^' || j+2 >= len(text) || text[j+2] != '<' {
			return 0, false
		}
		var dt rawTerm
		k, ok := lexIRI(text, j+2, &dt)
		if !ok {
			return 0, false
		}
		t.datatype = dt.value
		return k, true
	}
	return j, true
}

// unescape appends s with its N-Triples escapes decoded to buf; it
// declines a \u or \U escape that is not a scalar value.
func unescape(buf, s []byte) ([]byte, bool) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' {
			buf = append(buf, c)
			continue
		}
		i++
		if i >= len(s) {
			return buf, false
		}
		switch s[i] {
		case 't':
			buf = append(buf, '\t')
		case 'b':
			buf = append(buf, '\b')
		case 'n':
			buf = append(buf, '\n')
		case 'r':
			buf = append(buf, '\r')
		case 'f':
			buf = append(buf, '\f')
		case '"', '\'', '\\':
			buf = append(buf, s[i])
		case 'u', 'U':
			n := 4
			if s[i] == 'U' {
				n = 8
			}
			if i+1+n > len(s) {
				return buf, false
			}
			var r rune
			for _, h := range s[i+1 : i+1+n] {
				var d byte
				switch {
				case h >= '0' && h <= '9':
					d = h - '0'
				case h|0x20 >= 'a' && h|0x20 <= 'f':
					d = h | 0x20 - 'a' + 10
				default:
					return buf, false
				}
				r = r<<4 | rune(d)
			}
			if !utf8.ValidRune(r) {
				return buf, false
			}
			buf = utf8.AppendRune(buf, r)
			i += n
		default:
			return buf, false
		}
	}
	return buf, true
}

// rawQuadOf converts a statement of json-gold's parser.
func rawQuadOf(q *jld.Quad, graph string) rawQuad {
	out := rawQuad{rawTermOf(q.Subject), rawTermOf(q.Predicate), rawTermOf(q.Object)}
	switch {
	case graph == "@default":
	case len(graph) > 2 && graph[:2] == "_:":
		out[3] = rawTerm{kind: Blank, value: []byte(graph)}
	default:
		out[3] = rawTerm{kind: IRI, value: []byte(graph)}
	}
	return out
}

func rawTermOf(n jld.Node) rawTerm {
	switch v := n.(type) {
	case jld.IRI:
		return rawTerm{kind: IRI, value: []byte(v.Value)}
	case jld.BlankNode:
		return rawTerm{kind: Blank, value: []byte(v.Attribute)}
	case jld.Literal:
		return rawTerm{kind: Literal, value: []byte(v.Value), datatype: []byte(v.Datatype), lang: []byte(v.Language)}
	}
	return rawTerm{}
}

// node returns t as json-gold's node, for the checks a new term gets.
func (t rawTerm) node() jld.Node {
	switch t.kind {
	case IRI:
		return jld.NewIRI(string(t.value))
	case Blank:
		return jld.NewBlankNode(string(t.value))
	case Literal:
		return jld.NewLiteral(string(t.value), string(t.datatype), string(t.lang))
	}
	return nil
}
