package ld

import (
	"bytes"
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
	p := newTurtleParser(r, name, trig)
	p.seen, p.seed = map[uint64]int32{}, maphash.MakeSeed()
	if lines {
		p.lines = map[string]int{}
	}
	if err := p.parse(); err != nil {
		return nil, nil, err
	}
	return p.out, p.lines, nil
}

// newTurtleParser returns a parser of what r holds.
func newTurtleParser(r io.Reader, name string, trig bool) *turtleParser {
	return &turtleParser{r: r, piece: turtlePiece, name: name, trig: trig, line: 1, col: 1,
		prefixes: map[string]string{}, labels: map[string]Term{}}
}

// parse parses the input and checks that it is UTF-8: a byte that is not,
// anywhere in it, is its error, whatever the parse finds first, as when
// the whole input was checked before it was parsed. It is said at its
// place, as the other readers place it, and named as UTF-16 when it is;
// without the line, as TurtlePrefixError gives it for a large input
// (whose line may be the whole input).
func (p *turtleParser) parse() error {
	// The head is read whole before it is judged, for a byte-order mark
	// and for UTF-16 (utf8Error looks at the input's first bytes).
	p.fillTo(turtleHead)
	if bytes.HasPrefix(p.buf, []byte("\ufeff")) {
		p.pos, p.lineStart = 3, 3
	}
	err := p.document()
	p.at = p.off + int64(p.pos)
	if err != nil || p.stop {
		// The rest is read for a byte that is not UTF-8, and let go.
		p.lineStart = -1
		for p.fault == nil && !p.eof {
			p.pos, p.between = len(p.buf), true
			p.fill()
		}
	}
	if p.fault != nil {
		return p.fault
	}
	return err
}

// The parser reads its input a piece at a time: a document of 200 MB
// of comments, or of the same prefix declared again and again, was held
// whole (twice, as bytes and as text), 0.4–1.4 GB. What it holds is the
// statement it is reading (in a TriG graph block, the block's triple),
// the line that statement starts on, for an error's excerpt, unless that
// line is longer than maxExcerptLine, and what it has read ahead.
const (
	// turtlePiece is how much is read at a time.
	turtlePiece = 64 << 10
	// turtleHead is how much of the input is read before any of it is
	// judged.
	turtleHead = 4 << 10
	// maxExcerptLine is the longest line kept for an error's excerpt
	// (PosError.Source) while the parser is between statements: a line
	// of 200 MB (a comment that never ends) is not held for it, and an
	// error on it has no excerpt, as TurtlePrefixError's has none.
	maxExcerptLine = 1 << 20
)

type turtleParser struct {
	r     io.Reader
	piece int // how much is read at a time: turtlePiece, less in tests
	// buf is what is held of the input: buf[pos:] is not parsed yet;
	// its first byte is at offset off in the input.
	buf []byte
	pos int
	off int64
	eof bool
	// fault is the input's error, found as it is read: a byte that is
	// not UTF-8 or a failed read. It is the parse's error, whatever the
	// parse found.
	fault error
	// checked is how much of buf is known to be UTF-8; vline and vchars
	// place its end (the line breaks before it, and the characters
	// before it on its line) for fault.
	checked       int
	vline, vchars int
	// lineStart is where in buf the current line starts, -1 once it was
	// let go (a line longer than maxExcerptLine).
	lineStart int
	// between is set where no place in buf before pos is held (between
	// statements): fill may let what comes before pos go.
	between bool
	// at is the offset in the input where the parse ended.
	at int64
	// atLine is set when buf starts a line (past the input's start).
	atLine bool

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
	// closing quote ('>' for an IRI), its kind and the offset in the
	// input where its content starts (see TurtlePrefixError).
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
	// lastRaw is the content of the last IRI read whole without an
	// escape, and lastIRI what it resolved to (sameIRI).
	lastRaw, lastIRI string
}

// fill reads more of the input into buf, first letting go of what comes
// before pos when between is set (but the current line, up to
// maxExcerptLine), and reports whether more may follow. It checks that
// what it reads is UTF-8, setting fault at the first byte that is not.
// Places in buf change only when between is set.
func (p *turtleParser) fill() bool {
	if p.eof || p.fault != nil {
		return false
	}
	if p.between {
		p.release()
	}
	if cap(p.buf)-len(p.buf) < p.piece {
		grown := make([]byte, len(p.buf), max(2*cap(p.buf), len(p.buf)+p.piece))
		copy(grown, p.buf)
		p.buf = grown
	}
	n, err := p.r.Read(p.buf[len(p.buf) : len(p.buf)+p.piece])
	p.buf = p.buf[:len(p.buf)+n]
	switch {
	case err == io.EOF:
		p.eof = true
	case err != nil:
		p.fault = fmt.Errorf("ld: read %s: %w", p.name, err)
		return false
	}
	p.check()
	return !p.eof && p.fault == nil
}

// release lets go of what buf holds before pos, but the current line up
// to maxExcerptLine, where as much is let go as is kept (so that each
// byte is moved a few times at most). Only where between is set: it
// changes places in buf.
func (p *turtleParser) release() {
	keep := p.pos
	if p.lineStart >= 0 && p.pos-p.lineStart <= maxExcerptLine {
		keep = p.lineStart
	} else {
		p.lineStart = -1
	}
	keep = min(keep, p.checked)
	if keep == 0 || keep < len(p.buf)-keep {
		return
	}
	p.atLine = keep == p.lineStart
	n := copy(p.buf, p.buf[keep:])
	p.buf = p.buf[:n]
	p.pos -= keep
	p.checked -= keep
	if p.lineStart >= 0 {
		p.lineStart -= keep
	}
	p.off += int64(keep)
}

// check checks the bytes fill read for one that is not UTF-8, as
// ScanUTF8 checks an input: a character cut at the end of buf waits for
// the next read, and so does the input's head until turtleHead bytes are
// read (utf8Error tells UTF-16 from it).
func (p *turtleParser) check() {
	if p.off == 0 && len(p.buf) < turtleHead && !p.eof {
		return
	}
	data := p.buf[p.checked:]
	if !p.eof {
		data = trimCutRune(data)
	}
	bad := -1
	if !utf8.Valid(data) {
		bad = invalidUTF8(data)
		data = data[:bad]
	}
	if i := bytes.LastIndexByte(data, '\n'); i >= 0 {
		p.vline += bytes.Count(data, []byte("\n"))
		p.vchars = utf8.RuneCount(data[i+1:])
	} else {
		p.vchars += utf8.RuneCount(data)
	}
	if bad >= 0 {
		p.fault = &PosError{Pos: diag.Position{File: p.name, Line: p.vline + 1, Col: p.vchars + 1}, Err: utf8Error(p.buf, p.checked+bad, int(p.off))}
		return
	}
	p.checked += len(data)
}

// fillTo reads until n bytes past pos are held, or the input ends.
func (p *turtleParser) fillTo(n int) {
	for len(p.buf)-p.pos < n && p.fill() {
	}
}

// more reports whether n bytes past pos are held, reading them if need
// be: fewer only at the input's end. The input's fault stops the parse.
func (p *turtleParser) more(n int) bool {
	if len(p.buf)-p.pos >= n {
		return true
	}
	return p.moreRead(n)
}

func (p *turtleParser) moreRead(n int) bool {
	p.fillTo(n)
	if p.fault != nil {
		panic(parseError{p.fault})
	}
	return len(p.buf)-p.pos >= n
}

// atEnd reports whether the input ends at pos.
func (p *turtleParser) atEnd() bool { return !p.more(1) }

// ahead returns what is held past pos, at least n bytes of it unless
// the input ends first.
func (p *turtleParser) ahead(n int) []byte {
	p.more(n)
	return p.buf[p.pos:]
}

// parseError stops the parse; document turns it into a PosError.
type parseError struct{ err error }

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
		Source: p.lineText(line), Err: err}
}

// lineText returns the text of a line of the input, without its line
// break, as diag.Index.Line gives it, when that line is held: the
// current line or one before it in the statement being read. It reads on
// to the line's end, up to maxExcerptLine; "" for a line let go or
// longer.
func (p *turtleParser) lineText(line int) string {
	start := p.lineStart
	if start < 0 || line > p.line {
		return ""
	}
	// The first line that starts in buf: buf's own start, or the
	// input's, past its byte-order mark; -1 when buf starts within a line.
	home := -1
	if p.off == 0 && bytes.HasPrefix(p.buf, []byte("\ufeff")) {
		home = 3
	} else if p.off == 0 || p.atLine {
		home = 0
	}
	for l := p.line; l > line; l-- {
		if start <= home || start == 0 {
			return "" // let go
		}
		if i := bytes.LastIndexByte(p.buf[:start-1], '\n'); i >= 0 {
			start = i + 1
		} else if home >= 0 {
			start = home
		} else {
			return ""
		}
	}
	end := start
	for {
		if i := bytes.IndexByte(p.buf[end:], '\n'); i >= 0 {
			end += i
			break
		}
		end = len(p.buf)
		if end-start > maxExcerptLine || !p.fill() {
			break
		}
	}
	if end-start > maxExcerptLine {
		return ""
	}
	text := p.buf[start:end]
	if len(text) > 0 && text[len(text)-1] == '\r' {
		text = text[:len(text)-1]
	}
	return string(text)
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
		p.between = true
		p.skip()
		p.release()
		p.between = false
		if p.atEnd() || p.stop {
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
	p.more(utf8.UTFMax)
	r, n := utf8.DecodeRune(p.buf[p.pos:])
	p.pos += n
	if r == '\n' {
		p.line++
		p.col = 1
		p.lineStart = p.pos
	} else {
		p.col++
	}
	return r
}

// peek returns the next rune, or -1 at the end.
func (p *turtleParser) peek() rune {
	if !p.more(utf8.UTFMax) && p.pos >= len(p.buf) {
		return -1
	}
	r, _ := utf8.DecodeRune(p.buf[p.pos:])
	return r
}

// skip passes white space and comments.
func (p *turtleParser) skip() {
	for p.more(1) {
		switch c := p.buf[p.pos]; c {
		case ' ', '\t', '\r', '\n':
			p.next()
		case '#':
			// To the line's end: a bare CR ends it too, as in N-Quads
			// (a comment took the rest of a file of CR line ends).
			for p.more(1) && p.buf[p.pos] != '\n' && p.buf[p.pos] != '\r' {
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
	if p.atEnd() {
		return "the end of the input"
	}
	// What the whole input would show: it is cut at 20 bytes.
	s := string(p.ahead(21)[:min(21, len(p.buf)-p.pos)])
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
	if !p.more(len(word)) {
		return false
	}
	s := p.buf[p.pos : p.pos+len(word)]
	if !(string(s) == word || fold && strings.EqualFold(string(s), word)) {
		return false
	}
	if rest := p.ahead(len(word) + utf8.UTFMax)[len(word):]; len(rest) > 0 {
		r, _ := utf8.DecodeRune(rest)
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
	end := p.pos
	prefix := p.buf[start:end]
	if p.peek() != ':' || bytes.HasSuffix(prefix, []byte(".")) || (len(prefix) > 0 && !isNameStart(rune(prefix[0]))) {
		p.fail("want a prefix name and \":\", found %s", p.found())
	}
	p.next()
	p.skip()
	iri := p.iriRef()
	// Places in buf do not move within a directive; its bytes may.
	prefix = p.buf[start:end]
	if ns, ok := p.prefixes[string(prefix)]; !ok || ns != iri {
		p.prefixes[string(prefix)] = iri
	}
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
	p.lastRaw = "" // resolved against the base before
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
		pos, line, col, lineStart := p.pos, p.line, p.col, p.lineStart
		subject := p.labelOrSubject()
		p.skip()
		if p.peek() == '{' {
			p.wrappedGraph(subject)
			return
		}
		p.pos, p.line, p.col, p.lineStart = pos, line, col, lineStart
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
		// Between its triples, a graph block's text is let go as the
		// document's is between statements: a TriG file is often one
		// or a few blocks.
		p.between = true
		p.skip()
		p.release()
		p.between = false
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
	case c == '_' && bytes.HasPrefix(p.ahead(2), []byte("_:")):
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
			w := string(p.buf[start:p.pos])
			p.failAt(line, col, "unknown word %s… (longer than any prefix declared; want a prefixed name such as schema:name)", strconv.Quote(w[:quotedWord(w)]))
		}
	}
	prefix := p.buf[start:p.pos]
	if p.peek() != ':' || bytes.HasSuffix(prefix, []byte(".")) {
		p.failAt(line, col, "unknown word %s (want a prefixed name such as schema:name)", strconv.Quote(string(prefix)))
	}
	p.next()
	ns, ok := p.prefixes[string(prefix)]
	if !ok {
		p.failAt(line, col, "undefined prefix %q", string(prefix)+":")
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
		panic(parseError{p.errorAt(line, col, fmt.Errorf("%w %q (%s)", err, iri, p.buf[start:p.pos]))})
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
			if r, _ := utf8.DecodeRune(p.ahead(1 + utf8.UTFMax)[1:]); isNameChar(r) || r == ':' || r == '%' || r == '\\' || r == '.' {
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
			if r, _ := utf8.DecodeRune(p.ahead(1 + utf8.UTFMax)[1:]); isNameChar(r) || r == '.' {
				p.next()
				continue
			}
		}
		return string(p.buf[start:p.pos])
	}
}

// iriRef reads "<…>" [18], unescapes \u and \U, and resolves it.
func (p *turtleParser) iriRef() string {
	p.skip()
	if p.peek() != '<' {
		p.fail("want an IRI in <…>, found %s", p.found())
	}
	p.next()
	if iri, ok := p.sameIRI(); ok {
		return iri
	}
	var b strings.Builder
	content := p.off + int64(p.pos)
	escaped := false
	for {
		c := p.next()
		switch {
		case c == '>':
			iri := p.resolve(b.String())
			if !escaped {
				p.lastRaw, p.lastIRI = b.String(), iri
			}
			return iri
		case c == '\\':
			escaped = true
			// An escape may stand for what the grammar excludes raw but
			// an IRI may hold ("{" of a URL template, which the writers
			// escape), not for what checkIRI refuses in any IRI.
			r := p.uchar()
			if r <= 0x20 || strings.ContainsRune("<>\"\\", r) {
				p.fail("an IRI cannot hold %U", r)
			}
			b.WriteRune(r)
		case c == -1 || c == utf8.RuneError && p.atEnd():
			p.open = openString{quote: '>', content: content}
			p.fail("an IRI not closed with \">\"")
		case c <= 0x20 || strings.ContainsRune("<\"{}|^`", c):
			p.fail("an IRI cannot hold %q", c)
		default:
			b.WriteRune(c)
		}
	}
}

// sameIRI passes the content of an IRI and its ">" when they are the
// last IRI's read without an escape (lastRaw), and returns what that
// resolved to, as iriRef would: a prefix declared again and again (200 MB
// of it) made the same IRI anew, parsed and checked it each time, and its
// garbage doubled what validate holds; so did a property written whole.
func (p *turtleParser) sameIRI() (string, bool) {
	n := len(p.lastRaw)
	if n == 0 {
		return "", false
	}
	ahead := p.ahead(n + 1)
	if len(ahead) <= n || ahead[n] != '>' || string(ahead[:n]) != p.lastRaw {
		return "", false
	}
	// No line break: an IRI holds none.
	p.pos += n + 1
	p.col += utf8.RuneCountInString(p.lastRaw) + 1
	return p.lastIRI, true
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
	if !p.more(n) {
		p.fail("a \\u escape cut short")
	}
	hex := string(p.buf[p.pos : p.pos+n])
	v, err := strconv.ParseUint(hex, 16, 32)
	if err != nil || !utf8.ValidRune(rune(v)) {
		p.fail("bad escape \\u%s", hex)
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
	long := bytes.HasPrefix(p.ahead(2), []byte{byte(q), byte(q)})
	if long {
		p.next()
		p.next()
	}
	var b strings.Builder
	content := p.off + int64(p.pos)
	for {
		c := p.next()
		switch {
		case c == utf8.RuneError && p.atEnd():
			closing := string(q)
			if long {
				closing = strings.Repeat(closing, 3)
			}
			p.open = openString{quote: byte(q), long: long, content: content}
			p.failAt(line, col, "a string not closed with %s", closing)
		case c == q && !long:
			goto done
		case c == q && long && bytes.HasPrefix(p.ahead(2), []byte{byte(q), byte(q)}):
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
		t.Lang = string(p.buf[start:p.pos])
		if !langTag().MatchString(t.Lang) {
			p.failErr(&LanguageTagError{Tag: t.Lang})
		}
		t.Datatype = rdfLangString
	case bytes.HasPrefix(p.ahead(2), []byte("^^")):
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
	if p.peek() == '.' && p.more(2) && p.buf[p.pos+1] >= '0' && p.buf[p.pos+1] <= '9' {
		p.next()
		digits()
		dt = "decimal"
	} else if p.peek() == '.' && whole > 0 && p.more(2) && (p.buf[p.pos+1] == 'e' || p.buf[p.pos+1] == 'E') {
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
	lex := string(p.buf[start:p.pos])
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
