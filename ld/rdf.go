package ld

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"fmt"
	"io"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"

	jld "github.com/piprate/json-gold/ld"

	"github.com/film2ld/film2ld/ld/internal/jsongold"
)

// ToNQuads returns doc as N-Quads, one statement per line, sorted and
// without duplicates. Blank nodes are labelled _:b0, _:b1, … in document
// order; use [Processor.Canonical] to compare graphs.
func (p *Processor) ToNQuads(doc any, opts Options) (string, error) {
	ds, err := p.dataset(doc, opts)
	if err != nil {
		return "", err
	}
	return serialize(ds)
}

// dataset expands and checks doc and converts it to RDF.
func (p *Processor) dataset(doc any, opts Options) (*jld.RDFDataset, error) {
	if err := checkRDFDirection(opts.RDFDirection); err != nil {
		return nil, err
	}
	opts.toRDF = true
	expanded, err := p.expand(doc, opts)
	if err != nil {
		return nil, err
	}
	return toDataset(directionsToRDF(expanded, opts.RDFDirection))
}

// Canonical returns doc as canonical N-Quads (RDFC-1.0, the algorithm also
// known as URDNA2015): blank nodes get labels that depend only on the graph,
// so two documents with the same graph give the same bytes.
func (p *Processor) Canonical(doc any, opts Options) (string, error) {
	ds, err := p.dataset(doc, opts)
	if err != nil {
		return "", err
	}
	return canonicalize(ds, p.cfg.MaxWorkFactor, !p.cfg.GeneralCanonical)
}

// canonicalize runs RDFC-1.0 (URDNA2015) on ds: with short, by the short
// path where every blank node has a first-degree hash of its own
// (canon.go), otherwise in the copy of json-gold's algorithm in
// internal/jsongold that stops past a work limit (maxWorkFactor; 0 means
// the default) instead of running for ever on a poison graph.
func canonicalize(ds *jld.RDFDataset, maxWorkFactor int, short bool) (string, error) {
	lines, err := canonicalLines(ds, maxWorkFactor, short)
	if err != nil {
		return "", err
	}
	return strings.Join(lines, ""), nil
}

// canonicalLines is canonicalize's lines, sorted and without duplicates.
func canonicalLines(ds *jld.RDFDataset, maxWorkFactor int, short bool) ([]string, error) {
	maxWorkFactor = workFactor(maxWorkFactor)
	var lines []string
	err := guard("canonicalize", func() error {
		if short {
			var (
				ok  bool
				err error
			)
			if lines, ok, err = canonicalFirstDegree(ds, maxWorkFactor); ok {
				return err
			}
		}
		var err error
		lines, err = generalCanonical(ds, maxWorkFactor)
		return err
	})
	if err != nil {
		return nil, canonicalError(err)
	}
	return slices.Compact(lines), nil
}

// workFactor is Config.MaxWorkFactor with its default, 2.
func workFactor(n int) int {
	if n == 0 {
		return 2
	}
	return n
}

// toDataset converts checked, expanded JSON-LD to RDF. json-gold's own
// ToRDF walks Go maps, so its blank node labels for list nodes and its
// statement order change from run to run; this walks subjects in sorted
// order instead, one at a time.
func toDataset(expanded []any) (*jld.RDFDataset, error) {
	nodeMap, issuer, err := nodeMapOf(expanded)
	if err != nil {
		return nil, err
	}
	ds := jld.NewRDFDataset()
	err = guard("to RDF", func() error {
		for _, name := range sortedKeys(nodeMap) {
			graph := nodeMap[name].(map[string]any)
			var quads []*jld.Quad
			for _, id := range sortedKeys(graph) {
				one := jld.NewRDFDataset()
				node, err := disguiseVocabulary(graph[id].(map[string]any))
				if err != nil {
					return err
				}
				one.GraphToRDF(disguise(name).(string), map[string]any{disguise(id).(string): node}, issuer, false)
				for _, q := range one.Graphs[disguise(name).(string)] {
					quads = append(quads, undisguise(q))
				}
			}
			ds.Graphs[name] = quads
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("ld: to RDF: %w", err)
	}
	return ds, nil
}

// disguisePrefix hides every http and https IRI of a statement (subject,
// property, type, object, datatype, graph name, list item) from
// json-gold's GraphToRDF, which holds each to a URL check (its IsURL) and
// drops, without a word, the statements of those it refuses: every IRI
// of 2,083 characters or more, and hosts such as "-" or "a..b", which
// are absolute IRIs that jsonld.js and RDF keep. The check's large
// regular expression also took half the time of converting a film with
// thousands of reviews. The IRIs were checked already (checkExpanded),
// and a non-http scheme passes json-gold's check untouched, so they go
// through as "x-film2ld-http://…" and undisguise restores them. checkIRI
// refuses IRIs with this scheme, so none is mistaken for a disguised one.
const disguisePrefix = "x-film2ld-"

// disguiseVocabulary returns a copy of a node-map node whose http(s) IRIs
// (its @id, property IRIs, types, node references and datatypes, also in
// lists) carry disguisePrefix.
func disguiseVocabulary(node map[string]any) (map[string]any, error) {
	out := make(map[string]any, len(node))
	for k, v := range node {
		switch k {
		case "@id":
			out[k] = disguise(v)
			continue
		case "@type":
			// As an ordinary property: GraphToRDF would give the rdf:type
			// predicate an http IRI of its own making, checked each time.
			types := asList(v)
			refs := make([]any, len(types))
			for i, t := range types {
				refs[i] = map[string]any{"@id": disguise(t)}
			}
			// Appended: an rdf:type statement with a literal object is a
			// property of that name, disguised to the same key below, and
			// neither may replace the other.
			out[disguisePrefix+rdfType] = append(asList(out[disguisePrefix+rdfType]), refs...)
			continue
		}
		values, err := jsonLiterals(asList(v))
		if err != nil {
			return nil, err
		}
		dv := make([]any, len(values))
		for i, val := range values {
			dv[i] = disguiseValue(val)
		}
		if s, ok := disguise(k).(string); ok {
			k = s
		}
		out[k] = append(asList(out[k]), dv...)
	}
	return out, nil
}

// jsonLiterals returns values with every JSON literal, also inside a list,
// in its RDF form (see jsonLiteral).
func jsonLiterals(values []any) ([]any, error) {
	var out []any
	for i, v := range values {
		m, ok := v.(map[string]any)
		if !ok {
			continue
		}
		var repl map[string]any
		var err error
		switch {
		case m["@type"] == "@json":
			repl, err = jsonLiteral(m)
		case m["@list"] != nil:
			var items []any
			items, err = jsonLiterals(asList(m["@list"]))
			if err == nil && items != nil {
				repl = map[string]any{"@list": items}
				if idx, ok := m["@index"]; ok {
					repl["@index"] = idx
				}
			}
		}
		if err != nil {
			return nil, err
		}
		if repl != nil {
			if out == nil {
				out = slices.Clone(values)
			}
			out[i] = repl
		}
	}
	if out == nil {
		return values, nil
	}
	return out, nil
}

// disguiseValue disguises a node reference's @id or a value's datatype,
// also as items of a list (whose cells GraphToRDF makes).
func disguiseValue(v any) any {
	d, _ := disguised(v)
	return d
}

// disguised is disguiseValue, and whether it changed v: v itself is
// returned, not a copy, where nothing is disguised.
func disguised(v any) (any, bool) {
	m, ok := v.(map[string]any)
	if !ok {
		return v, false
	}
	if items, isList := m["@list"].([]any); isList {
		// Copied only where an item changes.
		var out []any
		for i, item := range items {
			if d, changed := disguised(item); changed {
				if out == nil {
					out = slices.Clone(items)
				}
				out[i] = d
			}
		}
		if out == nil {
			return v, false
		}
		c := maps.Clone(m)
		c["@list"] = out
		return c, true
	}
	changed := false
	if e, ok := exactInteger(m); ok {
		m, v, changed = e, e, true
	}
	key := ""
	switch {
	case m["@value"] != nil && m["@type"] == nil && m["@language"] == nil && m["@direction"] == nil:
		// A plain string: json-gold gives it xsd:string and checks that
		// IRI with its regular expression for every statement; giving the
		// type explicitly, disguised, makes the same literal.
		if _, isString := m["@value"].(string); !isString {
			return v, changed
		}
		c := maps.Clone(m)
		c["@type"] = disguisePrefix + xsdString
		return c, true
	case m["@value"] != nil:
		// json-gold writes a native number or boolean by its datatype:
		// as xsd:double (1.0 is "1.0E0") it must read that one.
		if _, isString := m["@value"].(string); !isString && m["@type"] == xsdDouble {
			return v, changed
		}
		key = "@type"
	case len(m) == 1 && m["@id"] != nil:
		key = "@id"
	default:
		return v, changed
	}
	s, ok := m[key].(string)
	if !ok || !isHTTP(s) {
		return v, changed
	}
	c := maps.Clone(m)
	c[key] = disguisePrefix + s
	return c, true
}

// exactInteger returns m, a value object, with a native number that is
// whole and from 2^63 up to 10^21 written out: JSON-LD makes such a
// number an xsd:integer in full ("100000000000000000000", as jsonld.js
// writes 1e20), and json-gold, converting it through an int64 that it
// overflows, wrote "1.0E20"^^xsd:double. changed is false, and m
// returned as it is, for every other value.
func exactInteger(m map[string]any) (exact map[string]any, changed bool) {
	x, ok := m["@value"].(float64)
	t, _ := m["@type"].(string)
	if !ok || x != math.Trunc(x) || math.Abs(x) < 1<<63 || math.Abs(x) >= 1e21 || t == xsdDouble {
		return m, false
	}
	c := maps.Clone(m)
	c["@value"] = strconv.FormatFloat(x, 'f', 0, 64)
	if t == "" {
		c["@type"] = xsdInteger
	}
	return c, true
}

const (
	xsdString = "http://www.w3.org/2001/XMLSchema#string"
	rdfType   = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
)

func disguise(v any) any {
	if s, ok := v.(string); ok && isHTTP(s) {
		return disguisePrefix + s
	}
	return v
}

func isHTTP(iri string) bool {
	return strings.HasPrefix(iri, "http://") || strings.HasPrefix(iri, "https://")
}

// undisguise restores the IRIs disguiseVocabulary changed.
func undisguise(q *jld.Quad) *jld.Quad {
	q.Subject = undisguiseNode(q.Subject)
	q.Predicate = undisguiseNode(q.Predicate)
	q.Object = undisguiseNode(q.Object)
	q.Graph = undisguiseNode(q.Graph)
	return q
}

func undisguiseNode(n jld.Node) jld.Node {
	switch v := n.(type) {
	case jld.IRI:
		if strings.HasPrefix(v.Value, disguisePrefix) {
			return jld.NewIRI(strings.TrimPrefix(v.Value, disguisePrefix))
		}
	case jld.Literal:
		if strings.HasPrefix(v.Datatype, disguisePrefix) {
			v.Datatype = strings.TrimPrefix(v.Datatype, disguisePrefix)
			return v
		}
	}
	return n
}

// serialize writes ds as sorted, deduplicated N-Quads in canonical
// N-Triples form (json-gold's serializer writes control characters in
// literals unescaped).
func serialize(ds *jld.RDFDataset) (string, error) {
	var lines []string
	for name, quads := range ds.Graphs {
		var graph jld.Node
		switch {
		case name == "@default":
		case strings.HasPrefix(name, "_:"):
			graph = jld.NewBlankNode(name)
		default:
			graph = jld.NewIRI(name)
		}
		for _, q := range quads {
			c := *q
			c.Graph = graph
			lines = append(lines, jsongold.NQuad(&c))
		}
	}
	slices.Sort(lines)
	return strings.Join(slices.Compact(lines), ""), nil
}

// FromNQuads reads N-Quads from r and returns the graph as expanded JSON-LD
// (pass it to [Processor.Compact] or [Processor.Write] for other forms).
// Literals keep their datatypes (no conversion to JSON numbers), so the
// result converts back to the same N-Quads. name is used in errors, which
// carry the line number.
func (p *Processor) FromNQuads(r io.Reader, name string) ([]any, error) {
	ds := jld.NewRDFDataset()
	// A statement's digest, not its text, marks it seen: the set would
	// otherwise hold a second copy of the input.
	seen := map[[16]byte]bool{}
	lr := newLineReader(r)
	for {
		raw, err := lr.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("ld: read %s: %w", name, err)
		}
		// Checked before parsing: the parser would turn bytes that are not
		// UTF-8 into U+FFFD, changing an IRI or a literal in silence.
		if off := invalidUTF8(raw); off >= 0 {
			return nil, lineUTF8Error(name, lr.line, lr.start, raw, off)
		}
		if lr.line == 1 {
			raw = bytes.TrimPrefix(raw, utf8BOM) // as ReadNQuads does
		}
		text := string(trimLineSpace(raw))
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		one, err := parseQuad(text)
		if err != nil {
			return nil, statementError(name, lr.line, raw, err)
		}
		for g, quads := range one.Graphs {
			for _, q := range quads {
				sum := sha256.Sum256([]byte(g + "\x00" + q.Subject.GetValue() + "\x00" + q.Predicate.GetValue() + "\x00" + fmt.Sprint(q.Object)))
				key := [16]byte(sum[:16])
				if !seen[key] {
					seen[key] = true
					ds.Graphs[g] = append(ds.Graphs[g], q)
				}
			}
		}
	}
	return fromDataset(ds, name)
}

// fromDataset turns a dataset read from any RDF syntax into expanded
// JSON-LD: literals keep their datatypes (no conversion to JSON numbers), so
// the result converts back to the same statements, and rdf:JSON literals
// become @json values again.
func fromDataset(ds *jld.RDFDataset, name string) ([]any, error) {
	var out []any
	err := guard("from RDF", func() error {
		opts := jld.NewJsonLdOptions("")
		opts.UseNativeTypes = false
		opts.UseRdfType = false
		var err error
		out, err = jsongold.FromRDF(ds, opts)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("ld: from RDF %s: %w", name, wrapInput(err))
	}
	if err := readJSONLiterals(out); err != nil {
		return nil, fmt.Errorf("ld: from RDF %s: %w", name, err)
	}
	return out, nil
}

// parseQuad parses one N-Quads statement and checks its terms as
// checkExpanded would.
func parseQuad(text string) (*jld.RDFDataset, error) {
	ds, err := parseLine(text)
	if err != nil {
		return nil, err
	}
	for g, quads := range ds.Graphs {
		if g != "@default" {
			if err := checkIRI(g, true); err != nil {
				return nil, &termCheckError{n: 3, err: fmt.Errorf("graph %q: %w", g, err)}
			}
		}
		for _, q := range quads {
			for i, n := range []jld.Node{q.Subject, q.Predicate, q.Object} {
				if err := checkTerm(n); err != nil {
					return nil, &termCheckError{n: i, err: err}
				}
			}
		}
	}
	return ds, nil
}

// termCheckError is the check's refusal of term n of a statement (0
// subject, 1 predicate, 2 object, 3 graph), for statementError to place
// at the term's column (termError).
type termCheckError struct {
	n   int
	err error
}

func (e *termCheckError) Error() string { return e.err.Error() }
func (e *termCheckError) Unwrap() error { return e.err }

func checkTerm(n jld.Node) error {
	switch v := n.(type) {
	case jld.IRI:
		if err := checkIRI(v.Value, false); err != nil {
			return fmt.Errorf("%w %q", err, v.Value)
		}
	case jld.Literal:
		if err := checkText(v.Value); err != nil {
			return err
		}
		if err := checkIRI(v.Datatype, false); err != nil {
			return fmt.Errorf("datatype: %w %q", err, v.Datatype)
		}
		if v.Language != "" && !langTag().MatchString(v.Language) {
			return &LanguageTagError{Tag: v.Language}
		}
		if v.Datatype == rdfJSON {
			if err := checkJSONLiteral(v.Value); err != nil {
				return err
			}
		}
		if v.Language == "" && v.Datatype == rdfLangString {
			// RDF has no such literal: its N-Quads would be "x"@.
			return fmt.Errorf("%w: typed rdf:langString without a language tag %q", ErrInvalidLiteral, v.Value)
		}
	}
	return nil
}

// newLineReader reads lines from r through a 64 KiB buffer, or one of
// r's length where r tells it and that is shorter (bufferFor): a
// statement or two in a strings.Reader need not have 64 KiB allocated and
// cleared for them (6 % of the CPU of the N-Quads differential tests,
// which read thousands of small inputs, as a server or a batch of small
// files would).
func newLineReader(r io.Reader) lineReader {
	return lineReader{r: bufio.NewReaderSize(r, bufferFor(r, 64<<10))}
}

// bufferFor is the size of a buffer to read r through: size, or r's
// length where r tells it and it is shorter (one more, for the read that
// meets the end; bufio's minimum is 16). validate scanned each of a
// page's 60,000 small blocks through 64 KiB cleared for it, 3.7 GB.
func bufferFor(r io.Reader, size int) int {
	if l, ok := r.(interface{ Len() int }); ok && l.Len() < size {
		return l.Len() + 1
	}
	return size
}

// lineReader reads N-Quads a line at a time with no limit on a line's
// length (bufio.Scanner stops at a fixed size, and film2ld writes literals
// of any length), reusing one buffer for the lines.
type lineReader struct {
	r     *bufio.Reader
	buf   []byte
	line  int // the 1-based number of the line last returned
	start int // the byte offset in the input of that line's first byte
	next0 int // the byte offset of the next line
	// rest is what follows a bare CR in the line read last, and restAt
	// its offset: lines still to return.
	rest   []byte
	restAt int
}

// next returns the next line without its end and io.EOF after the last
// one. A line ends at "\n", "\r\n" or a bare "\r", as N-Quads' EOL
// ([#xD#xA]+) ends it: a file of CR line ends, as old Mac editors wrote,
// was one line, and a comment on its first line took every statement
// with it, in silence (audit 10). (A bare CR inside a literal or IRI is
// no N-Quads, so no statement is cut.) The line is valid until the next
// call.
func (lr *lineReader) next() ([]byte, error) {
	if lr.rest != nil {
		line := lr.rest
		lr.line++
		lr.start = lr.restAt
		return lr.cutAtCR(line), nil
	}
	line, err := lr.nextLF()
	if err != nil {
		return line, err
	}
	return lr.cutAtCR(line), nil
}

// cutAtCR returns line up to its first bare CR, keeping what follows for
// the next call; line is the one last counted, starting at lr.start.
func (lr *lineReader) cutAtCR(line []byte) []byte {
	lr.rest = nil
	i := bytes.IndexByte(line, '\r')
	if i < 0 {
		return line
	}
	lr.rest, lr.restAt = line[i+1:], lr.start+i+1
	return line[:i]
}

// nextLF is next for lines that end at "\n" or "\r\n" alone.
func (lr *lineReader) nextLF() ([]byte, error) {
	lr.buf = lr.buf[:0]
	long := false // the line passed spoolLinesOver
	for {
		chunk, err := lr.r.ReadSlice('\n')
		lr.buf = append(lr.buf, chunk...)
		if err == bufio.ErrBufferFull {
			if !long && len(lr.buf) > spoolLinesOver {
				long = true
				line, ok, err := lr.longLine()
				if ok || err != nil {
					return line, err
				}
			}
			continue
		}
		if err != nil && err != io.EOF {
			return nil, err
		}
		if err == io.EOF && len(lr.buf) == 0 {
			return nil, io.EOF
		}
		break
	}
	lr.line++
	lr.start = lr.next0
	lr.next0 += len(lr.buf)
	return bytes.TrimRight(lr.buf, "\r\n"), nil
}
