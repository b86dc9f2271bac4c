package ld

import (
	"errors"
	"fmt"
	"hash/maphash"
	"io"
	"net/url"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/film2ld/film2ld/ld/diag"
)

// This file reads Turtle and TriG. No Go library was fit for the job: the
// maintained RDF packages either do not parse TriG at all (knakk/rdf,
// unchanged since 2019, reads Turtle and N-Quads only; deiu/rdf2go and its
// gon3 parser read Turtle into one graph) or do not parse Turtle
// (wallix/triplestore). TriG is Turtle plus graph blocks, so one parser
// reads both; it follows the W3C grammars (Turtle 1.1 and TriG 1.1,
// productions named below) and is tested with cases from their suites.

const (
	rdfNS    = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
	rdfFirst = rdfNS + "first"
	rdfRest  = rdfNS + "rest"
	rdfNil   = rdfNS + "nil"
)

// ReadTurtle reads a Turtle document (or, with trig set, a TriG document)
// from r and returns its statements in document order. name is used in
// errors, which carry the line and column. Relative IRIs are resolved
// against @base or BASE; one with no base to resolve against is an error
// (ErrRelativeIRI), as in the JSON-LD reader.
func ReadTurtle(r io.Reader, name string, trig bool) ([]Quad, error) {
	quads, _, err := readTurtle(r, name, trig, false)
	return quads, err
}

// ReadTurtleLines reads Turtle or TriG as ReadTurtle does, and also
// returns, for each IRI subject (resolved, whether written as an IRI or a
// prefixed name), the line where it is first written as a subject, so
// that a check of the data can point at it, as Dataset.SubjectLines does
// for N-Quads.
func ReadTurtleLines(r io.Reader, name string, trig bool) ([]Quad, map[string]int, error) {
	return readTurtle(r, name, trig, true)
}

func readTurtle(r io.Reader, name string, trig, lines bool) ([]Quad, map[string]int, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, nil, fmt.Errorf("ld: read %s: %w", name, err)
	}
	p := newTurtleParser(string(data), name, trig)
	p.seen, p.seed = map[uint64]int32{}, maphash.MakeSeed()
	if lines {
		p.lines = map[string]int{}
	}
	if err := p.parse(); err != nil {
		return nil, nil, err
	}
	return p.out, p.lines, nil
}

// newTurtleParser returns a parser of src.
func newTurtleParser(src, name string, trig bool) *turtleParser {
	return &turtleParser{src: src, name: name, trig: trig, line: 1, col: 1,
		prefixes: map[string]string{}, labels: map[string]Term{}}
}

// parse checks that the text is UTF-8 and parses it.
func (p *turtleParser) parse() error {
	if !utf8.ValidString(p.src) {
		// At its place, as the other readers place it (it was line 1,
		// whatever the line), and named as UTF-16 when it is; without
		// the line, as TurtlePrefixError gives it for a large input
		// (whose line may be the whole input).
		err := CheckUTF8([]byte(p.src), p.name)
		var pe *PosError
		if errors.As(err, &pe) {
			pe.Source = ""
		}
		return err
	}
	p.src = strings.TrimPrefix(p.src, "\ufeff")
	return p.document()
}

type turtleParser struct {
	src       string
	pos       int
	line, col int
	name      string
	trig      bool
	base      *url.URL
	prefixes  map[string]string
	labels    map[string]Term
	fresh     int
	depth     int // of the objects being read: see MaxTurtleDepth
	graph     Term
	out       []Quad
	// seen finds a statement already in out by its hash: a set of the
	// statements themselves (four terms of four strings each) was the
	// largest part of reading 16 MB of Turtle, 180 of 634 MB. A
	// statement whose hash another already has is kept in clash.
	seen  map[uint64]int32
	seed  maphash.Seed
	clash map[Quad]bool
	// open is the string or IRI the input ended in, when it did: its
	// closing quote ('>' for an IRI), its kind and where its content
	// starts (see TurtlePrefixError).
	open openString
	// lines, when not nil, maps each IRI subject to the line where it
	// is first written as one (ReadTurtleLines).
	lines map[string]int
	// sink, when set, takes each statement as it is parsed, repeats
	// included, in place of out (Dataset.ReadTurtle); stop ends the
	// parse at the next statement's start.
	sink func(Quad)
	stop bool
	// passed are IRIs of prefixed names already checked (prefixedName).
	passed map[string]struct{}
	// longestPrefix is the length of the longest prefix declared so far
	// (prefixedName).
	longestPrefix int
}

// parseError stops the parse; document turns it into a PosError.
type parseError struct{ err *PosError }

func (p *turtleParser) fail(format string, args ...any) {
	p.failAt(p.line, p.col, format, args...)
}

// failAt reports an error at an earlier place: where a token started.
func (p *turtleParser) failAt(line, col int, format string, args ...any) {
	panic(parseError{p.errorAt(line, col, fmt.Errorf("%w: "+format, append([]any{ErrSyntax}, args...)...))})
}

func (p *turtleParser) failErr(err error) {
	panic(parseError{p.errorAt(p.line, p.col, err)})
}

// errorAt places err at a line and column of the input, keeping the line's
// text for the caret display.
func (p *turtleParser) errorAt(line, col int, err error) *PosError {
	return &PosError{Pos: diag.Position{File: p.name, Line: line, Col: col},
		Source: diag.NewIndex([]byte(p.src)).Line(line), Err: err}
}

func (p *turtleParser) document() (err error) {
	defer func() {
		if r := recover(); r != nil {
			pe, ok := r.(parseError)
			if !ok {
				panic(r)
			}
			err = pe.err
		}
	}()
	for {
		p.skip()
		if p.pos >= len(p.src) || p.stop {
			return nil
		}
		if p.directive() {
			continue
		}
		if p.trig {
			p.block()
		} else {
			p.triples()
			p.expect('.')
		}
	}
}

// next returns the next rune and advances.
func (p *turtleParser) next() rune {
	r, n := utf8.DecodeRuneInString(p.src[p.pos:])
	p.pos += n
	if r == '\n' {
		p.line++
		p.col = 1
	} else {
		p.col++
	}
	return r
}

// peek returns the next rune, or -1 at the end.
func (p *turtleParser) peek() rune {
	if p.pos >= len(p.src) {
		return -1
	}
	r, _ := utf8.DecodeRuneInString(p.src[p.pos:])
	return r
}

// skip passes white space and comments.
func (p *turtleParser) skip() {
	for p.pos < len(p.src) {
		switch c := p.src[p.pos]; c {
		case ' ', '\t', '\r', '\n':
			p.next()
		case '#':
			// To the line's end: a bare CR ends it too, as in N-Quads
			// (a comment took the rest of a file of CR line ends).
			for p.pos < len(p.src) && p.src[p.pos] != '\n' && p.src[p.pos] != '\r' {
				p.next()
			}
		default:
			return
		}
	}
}

func (p *turtleParser) expect(c rune) {
	p.skip()
	if p.peek() != c {
		p.fail("want %q, found %s", c, p.found())
	}
	p.next()
}

// found describes what stands at the current position, for errors.
func (p *turtleParser) found() string {
	if p.pos >= len(p.src) {
		return "the end of the input"
	}
	s := p.src[p.pos:]
	if i := strings.IndexAny(s, " \t\r\n"); i > 0 {
		s = s[:i]
	}
	if len(s) > 20 {
		s = s[:20] + "…"
	}
	return strconv.Quote(s)
}

// keyword reports whether the input continues with word (case-insensitive
// when fold is set) followed by a character that cannot continue a name,
// and passes it if so.
func (p *turtleParser) keyword(word string, fold bool) bool {
	if len(p.src)-p.pos < len(word) {
		return false
	}
	s := p.src[p.pos : p.pos+len(word)]
	if !(s == word || fold && strings.EqualFold(s, word)) {
		return false
	}
	if rest := p.src[p.pos+len(word):]; rest != "" {
		r, _ := utf8.DecodeRuneInString(rest)
		if isNameChar(r) || r == ':' {
			return false
		}
	}
	for range word {
		p.next()
	}
	return true
}

// directive reads @prefix, @base, PREFIX or BASE [4-6s, 28s-29s].
func (p *turtleParser) directive() bool {
	switch {
	case p.keyword("@prefix", false):
		p.prefixRest()
		p.expect('.')
	case p.keyword("@base", false):
		p.baseRest()
		p.expect('.')
	case p.keyword("PREFIX", true):
		p.prefixRest()
	case p.keyword("BASE", true):
		p.baseRest()
	default:
		return false
	}
	return true
}

func (p *turtleParser) prefixRest() {
	p.skip()
	start := p.pos
	for isNameChar(p.peek()) || p.peek() == '.' {
		p.next()
	}
	prefix := p.src[start:p.pos]
	if p.peek() != ':' || strings.HasSuffix(prefix, ".") || (prefix != "" && !isNameStart(rune(prefix[0]))) {
		p.fail("want a prefix name and \":\", found %s", p.found())
	}
	p.next()
	p.skip()
	p.prefixes[prefix] = p.iriRef()
	p.longestPrefix = max(p.longestPrefix, len(prefix))
}

func (p *turtleParser) baseRest() {
	p.skip()
	iri := p.iriRef()
	u, err := url.Parse(iri)
	if err != nil {
		p.fail("base IRI %q: %v", iri, err)
	}
	p.base = u
}

// block reads one TriG block [2g]: a graph, or triples in the default
// graph.
func (p *turtleParser) block() {
	if p.keyword("GRAPH", true) {
		p.skip()
		label := p.labelOrSubject()
		p.wrappedGraph(label)
		return
	}
	if p.peek() == '{' {
		p.wrappedGraph(Term{})
		return
	}
	if c := p.peek(); c == '<' || c == '_' || isNameStart(c) || c == ':' {
		// An IRI or blank node label: a graph's name if a "{" follows.
		pos, line, col := p.pos, p.line, p.col
		subject := p.labelOrSubject()
		p.skip()
		if p.peek() == '{' {
			p.wrappedGraph(subject)
			return
		}
		p.pos, p.line, p.col = pos, line, col
	}
	p.triples()
	p.expect('.')
}

func (p *turtleParser) labelOrSubject() Term {
	if p.peek() == '[' {
		p.next()
		p.skip()
		if p.peek() == ']' {
			p.next()
			return p.newBlank()
		}
		p.fail("a graph's name must be an IRI or a blank node label, found %s", p.found())
	}
	t := p.term()
	if t.Kind == Literal {
		p.fail("a graph's name must be an IRI or a blank node")
	}
	return t
}

// wrappedGraph reads "{ triples ( . triples )* . ? }" [5g].
func (p *turtleParser) wrappedGraph(g Term) {
	p.expect('{')
	outer := p.graph
	p.graph = g
	for {
		p.skip()
		if p.peek() == '}' {
			break
		}
		p.triples()
		p.skip()
		if p.peek() == '.' {
			p.next()
			continue
		}
		if p.peek() != '}' {
			p.fail("want \".\" or \"}\", found %s", p.found())
		}
	}
	p.next()
	p.graph = outer
}

// triples reads subject predicateObjectList, or a blank node property
// list with an optional predicateObjectList [6].
func (p *turtleParser) triples() {
	p.skip()
	if p.peek() == '[' {
		subject := p.blankNodePropertyList()
		p.skip()
		if c := p.peek(); c != '.' && c != '}' && c != -1 {
			p.predicateObjectList(subject)
		}
		return
	}
	var subject Term
	if p.peek() == '(' {
		subject = p.collection()
	} else {
		line := p.line
		subject = p.term()
		if subject.Kind == Literal {
			p.fail("a literal cannot be a subject")
		}
		if _, seen := p.lines[subject.Value]; p.lines != nil && subject.Kind == IRI && !seen {
			p.lines[subject.Value] = line
		}
	}
	p.predicateObjectList(subject)
}

// predicateObjectList reads verb objectList ( ; ( verb objectList )? )* [7].
func (p *turtleParser) predicateObjectList(subject Term) {
	for {
		p.skip()
		var verb Term
		if p.keyword("a", false) {
			verb = NewIRI(rdfType)
		} else {
			verb = p.term()
			if verb.Kind != IRI {
				p.fail("a predicate must be an IRI")
			}
		}
		for {
			p.skip()
			p.emit(subject, verb, p.object())
			p.skip()
			if p.peek() != ',' {
				break
			}
			p.next()
		}
		if p.peek() != ';' {
			return
		}
		for p.peek() == ';' {
			p.next()
			p.skip()
		}
		if c := p.peek(); c == '.' || c == ']' || c == '}' || c == -1 {
			return
		}
	}
}

func (p *turtleParser) object() Term {
	switch p.peek() {
	case '[', '(':
		// Each level is a frame of this parser's and a node that the
		// graph's checks climb through: 200,000 levels of "[" (2.4 MB)
		// took 290 MB to convert and validate 431 MB and 18 s.
		if p.depth++; p.depth > MaxTurtleDepth {
			p.fail("blank node property lists and collections nest more than %d levels deep", MaxTurtleDepth)
		}
		defer func() { p.depth-- }()
		if p.peek() == '[' {
			return p.blankNodePropertyList()
		}
		return p.collection()
	}
	return p.term()
}

// MaxTurtleDepth is how deeply blank node property lists ("[ … ]") and
// collections ("( … )") may nest in Turtle and TriG, as encoding/json
// refuses JSON nested past 10,000 levels; real data nests a few.
const MaxTurtleDepth = 10000

// blankNodePropertyList reads "[ predicateObjectList ]" or "[]" [14].
func (p *turtleParser) blankNodePropertyList() Term {
	p.expect('[')
	b := p.newBlank()
	p.skip()
	if p.peek() != ']' {
		p.predicateObjectList(b)
	}
	p.expect(']')
	return b
}

// collection reads "( object* )" as an RDF list [15].
func (p *turtleParser) collection() Term {
	p.expect('(')
	var items []Term
	for {
		p.skip()
		if p.peek() == ')' {
			p.next()
			break
		}
		if p.peek() == -1 {
			p.fail("a list not closed with \")\"")
		}
		items = append(items, p.object())
	}
	head := NewIRI(rdfNil)
	for i := len(items) - 1; i >= 0; i-- {
		node := p.newBlank()
		p.emit(node, NewIRI(rdfFirst), items[i])
		p.emit(node, NewIRI(rdfRest), head)
		head = node
	}
	return head
}

func (p *turtleParser) emit(s, pr, o Term) {
	q := Quad{Subject: s, Predicate: pr, Object: o, Graph: p.graph}
	if p.sink != nil {
		p.sink(q)
		return
	}
	h := maphash.Comparable(p.seed, q)
	if i, ok := p.seen[h]; !ok {
		p.seen[h] = int32(len(p.out))
	} else if p.out[i] == q || p.clash[q] {
		return // said before
	} else {
		if p.clash == nil {
			p.clash = map[Quad]bool{}
		}
		p.clash[q] = true
	}
	p.out = append(p.out, q)
}

func (p *turtleParser) newBlank() Term {
	p.fresh++
	return Term{Kind: Blank, Value: "b" + strconv.Itoa(p.fresh-1)}
}

// term reads an IRI, a prefixed name, a blank node label or a literal.
func (p *turtleParser) term() Term {
	p.skip()
	switch c := p.peek(); {
	case c == '<':
		return NewIRI(p.iriRef())
	case c == '"' || c == '\'':
		return p.literal()
	case c == '_' && strings.HasPrefix(p.src[p.pos:], "_:"):
		p.next()
		p.next()
		label := p.label()
		if label == "" {
			p.fail("a blank node label after \"_:\"")
		}
		t, ok := p.labels[label]
		if !ok {
			t = p.newBlank()
			p.labels[label] = t
		}
		return t
	case c == '+' || c == '-' || c == '.' || (c >= '0' && c <= '9'):
		return p.number()
	case c == '[':
		// ANON as a subject or object: "[ ]".
		return p.blankNodePropertyList()
	case isNameStart(c) || c == ':':
		for _, word := range []string{"true", "false"} {
			if p.keyword(word, false) {
				return Term{Kind: Literal, Value: word, Datatype: xsdNS + "boolean"}
			}
		}
		return NewIRI(p.prefixedName())
	}
	p.fail("want an IRI, a blank node or a literal, found %s", p.found())
	return Term{}
}

// prefixedName reads PNAME_LN or PNAME_NS [136s-137s] and expands it.
func (p *turtleParser) prefixedName() string {
	start, line, col := p.pos, p.line, p.col
	for isNameChar(p.peek()) || p.peek() == '.' {
		p.next()
		if n := p.pos - start; n > max(p.longestPrefix, minWordLimit) {
			// Longer than every prefix declared, before its colon: no
			// prefixed name, whatever follows. Said here, not at the
			// word's end, so that a word of 200 MB is refused from its
			// start (TurtlePrefixError), and not quoted whole.
			p.failAt(line, col, "unknown word %s… (longer than any prefix declared; want a prefixed name such as schema:name)", strconv.Quote(p.src[start:start+quotedWord(p.src[start:])]))
		}
	}
	prefix := p.src[start:p.pos]
	if p.peek() != ':' || strings.HasSuffix(prefix, ".") {
		p.failAt(line, col, "unknown word %s (want a prefixed name such as schema:name)", strconv.Quote(prefix))
	}
	p.next()
	ns, ok := p.prefixes[prefix]
	if !ok {
		p.failAt(line, col, "undefined prefix %q", prefix+":")
	}
	iri := ns + p.localName()
	// Checked as an IRI written whole is (resolve): the namespace passed
	// alone, but with the local name the IRI may not ("http://0" and
	// "0_0" make an http IRI json-gold's URL check rejects, which the
	// N-Quads reader then refused, and whose TriG did not read back).
	// Prefixed names are mostly a vocabulary's few terms, written again
	// and again: checking each writing was a tenth of reading 16 MB of
	// Turtle, so the IRIs that passed are remembered, up to a bound.
	if _, ok := p.passed[iri]; ok {
		return iri
	}
	if err := checkIRI(iri, false); err != nil {
		panic(parseError{p.errorAt(line, col, fmt.Errorf("%w %q (%s)", err, iri, p.src[start:p.pos]))})
	}
	if len(p.passed) < maxPassedNames {
		if p.passed == nil {
			p.passed = map[string]struct{}{}
		}
		p.passed[iri] = struct{}{}
	}
	return iri
}

// minWordLimit is the shortest a word must be before prefixedName
// refuses it as longer than any prefix declared: room for every keyword
// and for the prefixes a document declares later for its later words.
const minWordLimit = 256

// quotedWord is how many bytes of a long word a message quotes: 60
// characters' worth.
func quotedWord(s string) int {
	n := 0
	for i := range s {
		if n == 60 {
			return i
		}
		n++
	}
	return len(s)
}

// maxPassedNames bounds the prefixed names' IRIs a parser remembers as
// checked: a vocabulary's terms, not every subject of a large file.
const maxPassedNames = 4096

// localName reads PN_LOCAL [168s], unescaping \-escapes and keeping %HH.
func (p *turtleParser) localName() string {
	var b strings.Builder
	for {
		c := p.peek()
		switch {
		case c == '\\':
			p.next()
			e := p.next()
			if !strings.ContainsRune("_~.-!$&'()*+,;=/?#@%", e) {
				p.fail("\\%c is not an escape a local name may hold", e)
			}
			b.WriteRune(e)
		case c == '%':
			p.next()
			h1, h2 := p.next(), p.next()
			if !isHex(h1) || !isHex(h2) {
				p.fail("%% must be followed by two hexadecimal digits")
			}
			b.WriteRune('%')
			b.WriteRune(h1)
			b.WriteRune(h2)
		case isNameChar(c) || c == ':':
			b.WriteRune(p.next())
		case c == '.':
			// A dot inside a local name, not at its end.
			if r, _ := utf8.DecodeRuneInString(p.src[p.pos+1:]); isNameChar(r) || r == ':' || r == '%' || r == '\\' || r == '.' {
				p.next()
				b.WriteByte('.')
				continue
			}
			return b.String()
		default:
			return b.String()
		}
	}
}

// label reads a blank node label [141s]: name characters and inner dots.
func (p *turtleParser) label() string {
	start := p.pos
	for {
		c := p.peek()
		if isNameChar(c) {
			p.next()
			continue
		}
		if c == '.' {
			if r, _ := utf8.DecodeRuneInString(p.src[p.pos+1:]); isNameChar(r) || r == '.' {
				p.next()
				continue
			}
		}
		return p.src[start:p.pos]
	}
}

// iriRef reads "<…>" [18], unescapes \u and \U, and resolves it.
func (p *turtleParser) iriRef() string {
	p.skip()
	if p.peek() != '<' {
		p.fail("want an IRI in <…>, found %s", p.found())
	}
	p.next()
	var b strings.Builder
	content := p.pos
	for {
		c := p.next()
		switch {
		case c == '>':
			return p.resolve(b.String())
		case c == '\\':
			// An escape may stand for what the grammar excludes raw but
			// an IRI may hold ("{" of a URL template, which the writers
			// escape), not for what checkIRI refuses in any IRI.
			r := p.uchar()
			if r <= 0x20 || strings.ContainsRune("<>\"\\", r) {
				p.fail("an IRI cannot hold %U", r)
			}
			b.WriteRune(r)
		case c == -1 || c == utf8.RuneError && p.pos >= len(p.src):
			p.open = openString{quote: '>', content: content}
			p.fail("an IRI not closed with \">\"")
		case c <= 0x20 || strings.ContainsRune("<\"{}|^`", c):
			p.fail("an IRI cannot hold %q", c)
		default:
			b.WriteRune(c)
		}
	}
}

// uchar reads the rest of \uXXXX or \UXXXXXXXX.
func (p *turtleParser) uchar() rune {
	n := 0
	switch p.next() {
	case 'u':
		n = 4
	case 'U':
		n = 8
	default:
		p.fail("want \\u or \\U in an IRI")
	}
	if p.pos+n > len(p.src) {
		p.fail("a \\u escape cut short")
	}
	v, err := strconv.ParseUint(p.src[p.pos:p.pos+n], 16, 32)
	if err != nil || !utf8.ValidRune(rune(v)) {
		p.fail("bad escape \\u%s", p.src[p.pos:p.pos+n])
	}
	for range n {
		p.next()
	}
	return rune(v)
}

func (p *turtleParser) resolve(iri string) string {
	u, err := url.Parse(iri)
	if err == nil && u.Scheme != "" {
		if err := checkIRI(iri, false); err != nil {
			p.failErr(fmt.Errorf("%w %q", err, iri))
		}
		return iri
	}
	if p.base == nil {
		p.failErr(fmt.Errorf("%w %q (no @base to resolve it against)", ErrRelativeIRI, iri))
	}
	if err != nil {
		p.fail("IRI %q: %v", iri, err)
	}
	abs := p.base.ResolveReference(u).String()
	if err := checkIRI(abs, false); err != nil {
		// A base such as <http:> resolves <x> to an IRI no store takes.
		p.failErr(fmt.Errorf("%w %q (%q resolved against the base)", err, abs, iri))
	}
	return abs
}

// literal reads a quoted string and its language tag or datatype [128s].
func (p *turtleParser) literal() Term {
	line, col := p.line, p.col
	q := p.next()
	long := strings.HasPrefix(p.src[p.pos:], string([]rune{q, q}))
	if long {
		p.next()
		p.next()
	}
	var b strings.Builder
	content := p.pos
	for {
		c := p.next()
		switch {
		case c == utf8.RuneError && p.pos >= len(p.src) || p.pos > len(p.src):
			closing := string(q)
			if long {
				closing = strings.Repeat(closing, 3)
			}
			p.open = openString{quote: byte(q), long: long, content: content}
			p.failAt(line, col, "a string not closed with %s", closing)
		case c == q && !long:
			goto done
		case c == q && long && strings.HasPrefix(p.src[p.pos:], string([]rune{q, q})):
			// The first three quotes in a row close the string: its
			// content may hold one or two quotes only before another
			// character [STRING_LITERAL_LONG_QUOTE], so a quote after
			// the three is the next token's (an error), as rapper and
			// the grammar have it. A content that ends in a quote writes
			// it \".
			p.next()
			p.next()
			goto done
		case c == '\\':
			b.WriteRune(p.echar())
		case !long && (c == '\n' || c == '\r'):
			p.fail("a line break in a short string (use \\n or a \"\"\"long string\"\"\")")
		default:
			b.WriteRune(c)
		}
	}
done:
	t := Term{Kind: Literal, Value: b.String(), Datatype: xsdString}
	if err := checkText(t.Value); err != nil {
		p.failErr(err)
	}
	switch {
	case p.peek() == '@':
		p.next()
		start := p.pos
		for c := p.peek(); c < utf8.RuneSelf && (c == '-' || unicode.IsLetter(c) || unicode.IsDigit(c)); c = p.peek() {
			p.next()
		}
		t.Lang = p.src[start:p.pos]
		if !langTag().MatchString(t.Lang) {
			p.failErr(&LanguageTagError{Tag: t.Lang})
		}
		t.Datatype = rdfLangString
	case strings.HasPrefix(p.src[p.pos:], "^^"):
		p.next()
		p.next()
		dt := p.term()
		if dt.Kind != IRI {
			p.fail("a datatype must be an IRI")
		}
		if dt.Value == rdfLangString {
			// RDF has no such literal: its N-Quads would be "x"@.
			p.failErr(fmt.Errorf("%w: typed rdf:langString without a language tag %q", ErrInvalidLiteral, t.Value))
		}
		t.Datatype = dt.Value
		if t.Datatype == rdfJSON {
			if err := checkJSONLiteral(t.Value); err != nil {
				p.failErr(err)
			}
		}
	}
	return t
}

// echar reads the rest of a string escape [159s, 26].
func (p *turtleParser) echar() rune {
	switch c := p.peek(); c {
	case 't':
		p.next()
		return '\t'
	case 'b':
		p.next()
		return '\b'
	case 'n':
		p.next()
		return '\n'
	case 'r':
		p.next()
		return '\r'
	case 'f':
		p.next()
		return '\f'
	case '"', '\'', '\\':
		p.next()
		return c
	case 'u', 'U':
		return p.uchar()
	}
	p.fail("unknown escape \\%c", p.peek())
	return 0
}

// number reads INTEGER, DECIMAL or DOUBLE [19-21].
func (p *turtleParser) number() Term {
	start := p.pos
	if c := p.peek(); c == '+' || c == '-' {
		p.next()
	}
	digits := func() int {
		n := 0
		for c := p.peek(); c >= '0' && c <= '9'; c = p.peek() {
			p.next()
			n++
		}
		return n
	}
	whole := digits()
	dt := "integer"
	if p.peek() == '.' && p.pos+1 < len(p.src) && p.src[p.pos+1] >= '0' && p.src[p.pos+1] <= '9' {
		p.next()
		digits()
		dt = "decimal"
	} else if p.peek() == '.' && whole > 0 && p.pos+1 < len(p.src) && (p.src[p.pos+1] == 'e' || p.src[p.pos+1] == 'E') {
		p.next()
	}
	if c := p.peek(); c == 'e' || c == 'E' {
		p.next()
		if c := p.peek(); c == '+' || c == '-' {
			p.next()
		}
		if digits() == 0 {
			p.fail("an exponent without digits")
		}
		dt = "double"
	}
	lex := p.src[start:p.pos]
	if strings.Trim(lex, "+-.eE") == "" || (dt == "integer" && whole == 0) {
		p.fail("want a number, found %s", strconv.Quote(lex))
	}
	return Term{Kind: Literal, Value: lex, Datatype: xsdNS + dt}
}

func isNameStart(r rune) bool {
	return r == '_' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= 0xC0 && r != 0xD7 && r != 0xF7 && unicode.IsPrint(r)
}

func isNameChar(r rune) bool {
	return isNameStart(r) || r == '-' || r >= '0' && r <= '9' || r == 0xB7
}

func isHex(r rune) bool {
	return r >= '0' && r <= '9' || r >= 'a' && r <= 'f' || r >= 'A' && r <= 'F'
}
