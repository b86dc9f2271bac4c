package ld

import (
	"bufio"
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"github.com/film2ld/film2ld/ld/internal/ntriples"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	jld "github.com/piprate/json-gold/ld"

	"github.com/film2ld/film2ld/ld/diag"
)

// Dataset holds the statements of one or more N-Quads inputs compactly,
// for converting large linked data without building JSON-LD: every
// distinct term is stored once, and a statement is four numbers. Read
// inputs with [Dataset.ReadNQuads], then write them with
// [Dataset.WriteNQuads] or [Processor.WriteCanonical], which give the
// bytes that [Processor.Union] of the inputs' [Processor.FromNQuads]
// followed by [Processor.Write] gives, at a fraction of the memory and
// time (json-gold's RDF dataset, its JSON-LD and its node map take about
// 35 times the input). Where the JSON-LD round trip changes more than blank
// node labels (rdf:JSON literals, RDF lists it changes: see
// [Dataset.RDFNeedsJSONLD]), the write methods return [ErrNeedsJSONLD] and
// [Dataset.Documents] gives the documents for the general path. RDF lists
// come back from JSON-LD with cells of new labels, which the RDF writers
// give them; the JSON-LD writers leave lists to the general path.
type Dataset struct {
	// firstReplaced is where ReadNQuads, lenient, first replaced a byte
	// that is not UTF-8 (see FirstReplaced).
	firstReplaced diag.Position
	terms         []dterm
	// index finds a term by its key (see dterm.key) while reading; the
	// writers drop it, as it is the largest part of a dataset, and a
	// later read builds it again (see release).
	index map[string]uint32
	quads []dquad
	// docs[i] is the index in quads of input i's first statement, and
	// names[i] the input's name.
	docs  []int
	names []string
	// needsJSONLD is set by a statement whose JSON-LD form is more than a
	// relabelling (see ErrNeedsJSONLD).
	needsJSONLD string
	// hasLists is set by a statement whose object is rdf:nil: the data
	// may hold RDF lists, which JSON-LD folds (see lists; plan caches
	// them once the data is read).
	hasLists bool
	plan     *listPlan
	// lines, when set (RecordLines), maps a subject term to the line of
	// the statement it first stands in.
	lines map[uint32]int
	// scratch, for a dataset made by a direct walk, is the memory its
	// terms, statements and index came from (see recycle).
	scratch *walkScratch
	// blanks, for a dataset made by a direct walk, is how many blank
	// nodes it numbered (_:b0 to _:b<blanks-1>).
	blanks int
	// checkOnly, for CheckNQuads, keeps no statement: only the terms
	// the reader's checks need.
	checkOnly bool
	// foldHTTPS, when set (FoldSchemaOrgHTTPS), reads schema.org's https
	// namespace as its http one.
	foldHTTPS bool
}

// docStatements returns the indexes in d.quads of input doc's
// statements, in the order read.
func (d *Dataset) docStatements(doc int) []int32 {
	end := len(d.quads)
	if doc+1 < len(d.docs) {
		end = d.docs[doc+1]
	}
	idx := make([]int32, 0, end-d.docs[doc])
	for i := d.docs[doc]; i < end; i++ {
		idx = append(idx, int32(i))
	}
	return idx
}

// ErrNeedsJSONLD means a Dataset holds statements whose conversion through
// JSON-LD changes them beyond blank node labels, so the compact writers
// would not give the general path's bytes: rdf:JSON literals, whose JSON
// is put in canonical form, and RDF lists whose cells are IRIs, typed or
// nodes besides (which become @list values and come back as other
// statements); or, for the JSON-LD writers, any RDF list.
var ErrNeedsJSONLD = errors.New("needs the JSON-LD path")

// dterm is a term of a Dataset; term 0 is the default graph.
type dterm struct {
	kind TermKind
	// doc is the input a blank node belongs to: blank node labels are
	// scoped to their document.
	doc int32
	// key is the term's key in Dataset.index, which also holds its value:
	// "<iri>", "_<doc> _:label", or for a literal `"` value NUL datatype
	// NUL language (the language as written; see literal).
	key string
}

// value returns an IRI, or a blank node's label without "_:".
func (t dterm) value() string {
	switch t.kind {
	case IRI:
		return t.key[1 : len(t.key)-1]
	case Blank:
		return t.key[strings.IndexByte(t.key, ' ')+3:]
	}
	return ""
}

// literal returns a literal's value, datatype and language tag.
func (t dterm) literal() (value, datatype, lang string) {
	value, datatype, lang = t.keyLiteral()
	if datatype == keyXSDString {
		datatype = xsdString
	}
	return value, datatype, lang
}

// keyLiteral returns a literal's value, datatype and language tag as its
// key holds them: the datatype as written (none, or the direct walk's
// keyXSDString, for xsd:string).
func (t dterm) keyLiteral() (value, datatype, lang string) {
	s := t.key[1:]
	i := strings.LastIndexByte(s, 0)
	lang = s[i+1:]
	s = s[:i]
	i = strings.LastIndexByte(s, 0)
	return s[:i], s[i+1:], lang
}

// keyXSDString stands for xsd:string in the literal keys the direct walk
// makes (see walker.literal). No datatype IRI is this: a term read from
// N-Quads is checked as it is added, and an IRI with a control character
// is refused.
const keyXSDString = "\x01"

// text returns a literal's N-Quads form, its language tag in lower case
// as JSON-LD expansion writes it.
func (t dterm) text() string {
	v, dt, lang := t.literal()
	return Term{Kind: Literal, Value: v, Datatype: dt, Lang: strings.ToLower(lang)}.String()
}

// dquad is a statement: subject, predicate, object and graph (0 for the
// default graph) as indexes in Dataset.terms.
type dquad struct{ s, p, o, g uint32 }

// NewDataset returns an empty dataset.
func NewDataset() *Dataset {
	return &Dataset{terms: []dterm{{}}, index: map[string]uint32{}}
}

// Len returns the number of statements read, repeated ones included.
func (d *Dataset) Len() int { return len(d.quads) }

// ReadNQuads reads one N-Quads (or N-Triples) input into d, as a document
// of its own: its blank nodes are distinct from other inputs'. Errors are
// [Processor.FromNQuads]'s, naming name and the line. With lenient, bytes
// that are not UTF-8 are replaced with U+FFFD (as [ReplaceInvalidUTF8]
// does) and counted in replaced instead of refused.
func (d *Dataset) ReadNQuads(r io.Reader, name string, lenient bool) (replaced int, err error) {
	doc := int32(len(d.docs))
	d.plan = nil
	d.docs = append(d.docs, len(d.quads))
	d.names = append(d.names, name)
	lr := newLineReader(r)
	var key, buf []byte
	one := make([]rawQuad, 1, 4)
	for {
		raw, err := lr.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return replaced, fmt.Errorf("ld: read %s: %w", name, err)
		}
		if off := invalidUTF8(raw); off >= 0 {
			if !lenient {
				return replaced, lineUTF8Error(name, lr.line, lr.start, raw, off)
			}
			if d.firstReplaced.File == "" {
				d.firstReplaced = lineUTF8Error(name, lr.line, lr.start, raw, off).Pos
			}
			var n int
			raw, n = ReplaceInvalidUTF8(raw)
			replaced += n
		}
		if lr.line == 1 {
			// A byte-order mark, which Windows editors write, is
			// skipped, as the JSON-LD, Turtle and HTML readers skip it.
			raw = bytes.TrimPrefix(raw, utf8BOM)
		}
		text := trimLineSpace(raw)
		if len(text) == 0 || text[0] == '#' {
			continue
		}
		quads := one[:0]
		if lexQuad(text, &one[0], &buf) {
			quads = one[:1]
		} else {
			// Anything out of the ordinary, errors included, as
			// FromNQuads reads it.
			ds, err := parseLine(string(text))
			if err != nil {
				return replaced, statementError(name, lr.line, raw, err)
			}
			for g, qs := range ds.Graphs {
				for _, q := range qs {
					quads = append(quads, rawQuadOf(q, g))
				}
			}
		}
		for _, q := range quads {
			if d.foldHTTPS {
				foldRawHTTPS(&q)
			}
			var dq dquad
			// The order of parseQuad's checks: graph, subject,
			// predicate, object.
			if q[3].kind != 0 {
				if dq.g, key, err = d.intern(q[3], doc, key, true); err != nil {
					return replaced, termError(name, lr.line, raw, 3, fmt.Errorf("graph %q: %w", q[3].value, err))
				}
			}
			if dq.s, key, err = d.intern(q[0], doc, key, false); err != nil {
				return replaced, termError(name, lr.line, raw, 0, err)
			}
			if _, seen := d.lines[dq.s]; d.lines != nil && !seen {
				d.lines[dq.s] = lr.line
			}
			if dq.p, key, err = d.intern(q[1], doc, key, false); err != nil {
				return replaced, termError(name, lr.line, raw, 1, err)
			}
			if dq.o, key, err = d.intern(q[2], doc, key, false); err != nil {
				return replaced, termError(name, lr.line, raw, 2, err)
			}
			switch o := q[2]; {
			case o.kind == IRI && string(o.value) == rdfNil:
				d.hasLists = true
			case d.needsJSONLD == "" && o.kind == Literal && string(o.datatype) == rdfJSON:
				d.needsJSONLD = "an rdf:JSON literal"
			}
			if !d.checkOnly {
				d.quads = append(d.quads, dq)
			}
		}
	}
	return replaced, nil
}

// CheckNQuads reads N-Quads (or N-Triples) as [Dataset.ReadNQuads] does,
// with its errors, but keeps none of the statements, only their distinct
// terms: a check of a large input that a caller reads again whole only
// once it passes. 200 MB of one statement repeated, then one gone wrong,
// took 269 MB to be refused read into a dataset; its terms are a few
// bytes.
func CheckNQuads(r io.Reader, name string) error {
	d := NewDataset()
	d.checkOnly = true
	_, err := d.ReadNQuads(r, name, false)
	return err
}

// ReadQuads adds statements read from another syntax (Turtle, TriG) to d
// as one input named name, exactly as ReadNQuads reads their N-Quads
// lines, so that they take the compact writers as N-Quads do. Where
// ReadNQuads would refuse a line, d is left as it was and the error is
// returned, so that the caller can take the JSON-LD path instead.
func (d *Dataset) ReadQuads(quads []Quad, name string) error {
	m := d.mark()
	_, err := d.ReadNQuads(&quadLines{quads: quads}, name, false)
	if err != nil {
		d.rollback(m)
	}
	return err
}

// ReadTurtle adds the statements of a Turtle text (TriG with trig) to d
// as one input named name, as ReadQuads adds what ReadTurtle returns, but
// a statement at a time as the parser makes it: neither the list of
// statements nor a set of them to drop repeats is ever held (they were
// 90 MB of 16 MB of Turtle's 153 MB peak; d keeps repeats as it keeps an
// N-Quads input's, and its writers drop them). A syntax error is
// ReadTurtle's; where ReadNQuads would refuse a statement, ok is false
// with no error, for the caller to take the JSON-LD path. In both, d is
// left as it was.
func (d *Dataset) ReadTurtle(text, name string, trig bool) (ok bool, err error) {
	return d.ReadTurtleFrom(strings.NewReader(text), name, trig)
}

// ReadTurtleFrom is ReadTurtle of what r holds, read as it is parsed: the
// text is not held, beyond the statement being read (see turtleParser),
// so a document of 200 MB of comments or of directives costs a few MB
// where holding its text took 0.4–1.4 GB. An error reading r is its error.
func (d *Dataset) ReadTurtleFrom(r io.Reader, name string, trig bool) (ok bool, err error) {
	return d.readTurtle(newTurtleParser(r, name, trig))
}

// ReadTurtleLines is ReadTurtle that also returns, as the function
// ReadTurtleLines does, the line where each IRI subject is first written
// as one, so that validate reads Turtle into d as convert does: the list
// of statements ReadTurtleLines returns, and the dataset made of it, were
// both held beside the compacted document (160 MB of a 355 MB live heap
// for 10 MB of Turtle).
func (d *Dataset) ReadTurtleLines(text, name string, trig bool) (lines map[string]int, ok bool, err error) {
	return d.ReadTurtleLinesFrom(strings.NewReader(text), name, trig)
}

// ReadTurtleLinesFrom is ReadTurtleLines of what r holds, read as it is
// parsed (see ReadTurtleFrom).
func (d *Dataset) ReadTurtleLinesFrom(r io.Reader, name string, trig bool) (lines map[string]int, ok bool, err error) {
	p := newTurtleParser(r, name, trig)
	p.lines = map[string]int{}
	if ok, err = d.readTurtle(p); !ok {
		return nil, ok, err
	}
	// An IRI written whole may be a slice of text, which the dataset
	// holds nothing of: the lines must not keep it.
	lines = make(map[string]int, len(p.lines))
	for iri, line := range p.lines {
		lines[strings.Clone(iri)] = line
	}
	return lines, true, nil
}

// readTurtle is ReadTurtle with the parser made.
func (d *Dataset) readTurtle(p *turtleParser) (ok bool, err error) {
	m := d.mark()
	pr, pw := io.Pipe()
	bw := bufio.NewWriterSize(pw, 64<<10)
	var werr error
	p.sink = func(q Quad) {
		if werr == nil {
			if _, werr = bw.WriteString(q.String()); werr == nil {
				werr = bw.WriteByte('\n')
			}
		}
		p.stop = werr != nil // ReadNQuads stopped reading
	}
	parsed := make(chan error, 1)
	go func() {
		err := p.parse()
		if err == nil {
			err = bw.Flush()
		}
		pw.CloseWithError(err) // io.EOF for the reader when nil
		parsed <- err
	}()
	_, rerr := d.ReadNQuads(pr, p.name, false)
	pr.Close() // the parser's next write fails, and it stops
	perr := <-parsed
	var syntax *PosError
	switch {
	case errors.As(perr, &syntax):
		d.rollback(m)
		return false, perr
	case p.fault != nil:
		// The input could not be read.
		d.rollback(m)
		return false, p.fault
	case rerr != nil:
		d.rollback(m)
		return false, nil
	}
	return true, nil
}

// datasetMark is what rollback puts back: d's lengths and state before
// an input.
type datasetMark struct {
	terms, stmts, docs int
	needs              string
	lists              bool
	lines              map[uint32]int
}

// mark records d's state before an input is read.
func (d *Dataset) mark() datasetMark {
	return datasetMark{len(d.terms), len(d.quads), len(d.docs), d.needsJSONLD, d.hasLists, maps.Clone(d.lines)}
}

// rollback leaves d as it was at m, its index without the terms added.
func (d *Dataset) rollback(m datasetMark) {
	if d.index != nil {
		for _, t := range d.terms[m.terms:] {
			delete(d.index, t.key)
		}
	}
	d.terms, d.quads, d.docs, d.names, d.needsJSONLD, d.hasLists, d.lines = d.terms[:m.terms], d.quads[:m.stmts], d.docs[:m.docs], d.names[:m.docs], m.needs, m.lists, m.lines
	d.plan = nil
}

// quadLines reads statements as N-Quads lines, one at a time.
type quadLines struct {
	quads []Quad
	// line is the statement being read, from line[off:]; its array is
	// reused for the next.
	line []byte
	off  int
}

func (r *quadLines) Read(p []byte) (int, error) {
	for r.off == len(r.line) {
		if len(r.quads) == 0 {
			return 0, io.EOF
		}
		r.line = append(append(r.line[:0], r.quads[0].String()...), '\n')
		r.off, r.quads = 0, r.quads[1:]
	}
	n := copy(p, r.line[r.off:])
	r.off += n
	return n, nil
}

// parseLine parses one N-Quads statement without checking its terms.
func parseLine(text string) (*jld.RDFDataset, error) {
	if at, err := badEscape(text); err != nil {
		return nil, &lineError{col: utf8.RuneCountInString(text[:at]) + 1, err: err}
	}
	var ds *jld.RDFDataset
	err := guard("N-Quads", func() error {
		var err error
		ds, err = jld.ParseNQuads(text)
		return err
	})
	if err != nil {
		reason := nquadsReason(err)
		err := fmt.Errorf("%w: %s", ErrSyntax, reason)
		// The parser counts characters from the statement's start.
		if i := strings.LastIndex(reason, " at "); i >= 0 {
			if n, cerr := strconv.Atoi(reason[i+4:]); cerr == nil && n >= 0 {
				return nil, &lineError{col: n + 1, err: err}
			}
		}
		return nil, err
	}
	return ds, nil
}

// lineError is an error of parseLine at column col (in characters, from
// 1) of the statement it was given.
type lineError struct {
	col int
	err error
}

func (e *lineError) Error() string { return e.err.Error() }
func (e *lineError) Unwrap() error { return e.err }

// statementError places err, parseLine's or a later check's, in the file:
// at line line, and where parseLine knows the column, at that column of
// raw, the line whose trimmed text it was given.
func statementError(name string, line int, raw []byte, err error) *PosError {
	var te *termCheckError
	if errors.As(err, &te) {
		return termError(name, line, raw, te.n, te.err)
	}
	pos := diag.Position{File: name, Line: line}
	var le *lineError
	if errors.As(err, &le) {
		lead := len(raw) - len(bytes.TrimLeft(raw, lineSpace))
		pos.Col = utf8.RuneCount(raw[:lead]) + le.col
	}
	return &PosError{Pos: pos, Err: err}
}

// termError returns err, the check's refusal of term n (0 subject, 1
// predicate, 2 object, 3 graph) of an N-Quads statement read from raw,
// at its line and at the column where the term starts, with the line for
// an excerpt: a refused IRI (a space written \u0020, a second "#") or
// literal was placed at its line alone.
func termError(name string, line int, raw []byte, n int, err error) *PosError {
	pe := &PosError{Pos: diag.Position{File: name, Line: line}, Err: err, Source: string(raw)}
	if off, ok := termStart(raw, n); ok {
		pe.Pos.Col = utf8.RuneCount(raw[:off]) + 1
	}
	return pe
}

// termStart returns the byte offset in an N-Quads statement of its n-th
// term's first byte, skipping the terms before it as N-Quads writes
// them (escapes inside IRIs and literals included); ok is false where
// the text does not hold n+1 terms.
func termStart(text []byte, n int) (int, bool) {
	i := 0
	for k := 0; ; k++ {
		for i < len(text) && (text[i] == ' ' || text[i] == '\t') {
			i++
		}
		if i >= len(text) || text[i] == '.' {
			return 0, false
		}
		if k == n {
			return i, true
		}
		switch text[i] {
		case '<':
			j := bytes.IndexByte(text[i:], '>')
			if j < 0 {
				return 0, false
			}
			i += j + 1
		case '"':
			i++
			for i < len(text) && text[i] != '"' {
				if text[i] == '\\' {
					i++
				}
				i++
			}
			i++
			if i < len(text) && text[i] == '^' {
				j := bytes.IndexByte(text[i:], '>')
				if j < 0 {
					return 0, false
				}
				i += j + 1
			}
			for i < len(text) && text[i] != ' ' && text[i] != '\t' {
				i++ // a language tag
			}
		default:
			for i < len(text) && text[i] != ' ' && text[i] != '\t' {
				i++ // a blank node
			}
		}
	}
}

// badEscape returns the byte offset in an N-Quads statement of its first
// \u or \U escape that is no character (a UTF-16 surrogate, or past
// U+10FFFF), and the error naming it; or -1 and nil. json-gold's parser
// reads such an escape as U+FFFD, changing an IRI or a literal without a
// word.
func badEscape(text string) (int, error) {
	for i := 0; i < len(text); i++ {
		if text[i] != '\\' || i+1 >= len(text) {
			continue
		}
		n := 0
		switch text[i+1] {
		case 'u':
			n = 4
		case 'U':
			n = 8
		}
		if n == 0 || i+2+n > len(text) {
			i++ // an escape of one character (\\ included)
			continue
		}
		r, err := strconv.ParseUint(text[i+2:i+2+n], 16, 32)
		if err != nil {
			i++
			continue
		}
		why := ""
		switch {
		case r >= 0xD800 && r < 0xE000:
			why = "a UTF-16 surrogate"
		case r > utf8.MaxRune:
			why = "past U+10FFFF"
		default:
			i += 1 + n
			continue
		}
		return i, fmt.Errorf("%w: the escape %s is no character (%s); N-Quads readers turn it into U+FFFD", ErrSyntax, text[i:i+2+n], why)
	}
	return -1, nil
}

// nquadsReason is what json-gold's N-Quads error says of the statement:
// its message repeats "syntax error" and counts lines in the one
// statement it was given ("line: 1" on a file's 300th line), while the
// caller places the statement in its file.
func nquadsReason(err error) string {
	msg := err.Error()
	if _, reason, ok := strings.Cut(msg, "reason: "); ok {
		return reason
	}
	return strings.TrimPrefix(msg, "syntax error: ")
}

// intern returns the index of t's term in d, adding and checking it (as
// parseQuad does; graph for a graph name) when it is new. key is a buffer
// to reuse.
func (d *Dataset) intern(t rawTerm, doc int32, key []byte, graph bool) (uint32, []byte, error) {
	key = key[:0]
	switch t.kind {
	case IRI:
		key = append(append(append(key, '<'), t.value...), '>')
	case Blank:
		key = strconv.AppendInt(append(key, '_'), int64(doc), 10)
		key = append(append(key, ' '), t.value...)
	case Literal:
		// The key keeps the language tag's case, so that the check below
		// sees every spelling; the output form lowers it.
		key = append(key, '"')
		key = append(key, t.value...)
		key = append(key, 0)
		key = append(key, t.datatype...)
		key = append(key, 0)
		key = append(key, t.lang...)
	default:
		return 0, key, fmt.Errorf("%w: unexpected term", ErrSyntax)
	}
	if d.index == nil {
		d.index = make(map[string]uint32, len(d.terms))
		for i := 1; i < len(d.terms); i++ {
			d.index[d.terms[i].key] = uint32(i)
		}
	}
	if id, ok := d.index[string(key)]; ok {
		return id, key, nil
	}
	var err error
	if graph {
		err = checkIRI(string(t.value), true)
	} else {
		err = checkTerm(t.node())
	}
	if err != nil {
		return 0, key, err
	}
	id := uint32(len(d.terms))
	k := string(key)
	d.terms = append(d.terms, dterm{kind: t.kind, doc: doc, key: k})
	d.index[k] = id
	return id, key, nil
}

// node returns term id as json-gold's node, made once per term.
func (d *Dataset) node(id uint32, made map[uint32]jld.Node) jld.Node {
	if n, ok := made[id]; ok {
		return n
	}
	var n jld.Node
	t := d.terms[id]
	switch t.kind {
	case IRI:
		n = jld.NewIRI(t.value())
	case Blank:
		n = jld.NewBlankNode("_:" + t.value())
	case Literal:
		n = jld.NewLiteral(t.literal())
	}
	made[id] = n
	return n
}

// srcLabel returns a term as json-gold's FromRDF names a node: an IRI as
// it is, a blank node as "_:label", prefixed as [Processor.Union] renames
// them apart when there are several documents.
func (d *Dataset) srcLabel(id uint32) string {
	t := d.terms[id]
	if t.kind != Blank {
		return t.value()
	}
	if len(d.docs) > 1 {
		return "_:d" + strconv.Itoa(int(t.doc)) + "-" + t.value()
	}
	return "_:" + t.value()
}

// NamedGraphs reports whether any statement is in a named graph: where
// none is, a caller that treats the graphs apart can take the dataset
// as it is, without its statements as [Quad] values.
func (d *Dataset) NamedGraphs() bool {
	for _, q := range d.quads {
		if q.g != 0 {
			return true
		}
	}
	return false
}

// Quads returns the statements in the order read, each once, with the
// terms as read (a language tag keeps its case).
func (d *Dataset) Quads() []Quad {
	terms := make([]Term, len(d.terms))
	for i := 1; i < len(d.terms); i++ {
		switch t := d.terms[i]; t.kind {
		case IRI, Blank:
			terms[i] = Term{Kind: t.kind, Value: t.value()}
		case Literal:
			v, dt, lang := t.literal()
			terms[i] = Term{Kind: Literal, Value: v, Datatype: dt, Lang: lang}
		}
	}
	if len(d.quads) == 0 {
		return nil
	}
	seen := make(map[dquad]bool, len(d.quads))
	out := make([]Quad, 0, len(d.quads))
	for _, q := range d.quads {
		if !seen[q] {
			seen[q] = true
			out = append(out, Quad{Subject: terms[q.s], Predicate: terms[q.p], Object: terms[q.o], Graph: terms[q.g]})
		}
	}
	return out
}

// NeedsJSONLD returns nil when the compact JSON-LD writers
// ([Processor.WriteJSONLD], [Processor.CompactDefaultGraph]) can convert
// d, or why not, wrapping [ErrNeedsJSONLD]. They take RDF lists that the
// conversion from RDF folds as the dataset's plan does (see jsonLists),
// but for flattened output and a graph the web formats frame, which
// WriteJSONLD declines before it writes anything. For the RDF formats
// see [Dataset.RDFNeedsJSONLD].
func (d *Dataset) NeedsJSONLD() error {
	if d.needsJSONLD != "" {
		return fmt.Errorf("%w: the data holds %s", ErrNeedsJSONLD, d.needsJSONLD)
	}
	_, err := d.jsonLists()
	return err
}

// WriteNQuads writes the statements as sorted N-Quads without duplicates,
// the bytes [Processor.ToNQuads] writes for the [Processor.Union] of the
// inputs read as [Processor.FromNQuads] reads them: the same blank node
// labels (_:b0, _:b1, … in the order the JSON-LD node map meets them) and
// language tags in lower case. It returns ErrNeedsJSONLD, writing nothing,
// when that path would change more.
func (d *Dataset) WriteNQuads(w io.Writer) error {
	if err := d.RDFNeedsJSONLD(); err != nil {
		return err
	}
	d.release()
	labels := d.blankLabels()
	return d.writeNQuads(w, d.termText(func(i int, _ dterm) string { return "_:b" + strconv.Itoa(int(labels[i])) }))
}

// WriteRDF writes the statements in f, one of FormatNQuads, FormatTurtle,
// FormatTriG and FormatSPARQLUpdate: the bytes [Processor.Write] gives for
// the [Processor.Union] of the inputs read as [Processor.FromNQuads] reads
// them (see WriteNQuads), from the dataset's terms, with no JSON-LD built
// and no N-Quads text written and read back (convert of 5 MB of N-Quads
// to Turtle took 150 MB that way). It returns ErrNeedsJSONLD, writing
// nothing, when that path would change more than the labels, and for
// Turtle of named graphs its error, also before writing anything.
func (d *Dataset) WriteRDF(w io.Writer, f Format) error {
	if f == FormatNQuads {
		return d.WriteNQuads(w)
	}
	switch f {
	case FormatTurtle, FormatTriG, FormatSPARQLUpdate:
	default:
		return fmt.Errorf("ld: write a dataset: %w %v", ErrUnknownFormat, f)
	}
	if err := d.RDFNeedsJSONLD(); err != nil {
		return err
	}
	labels := d.blankLabels()
	return d.lineTable(d.termText(func(i int, _ dterm) string { return "_:b" + strconv.Itoa(int(labels[i])) }), false).write(w, f)
}

// termText returns each term's N-Quads form, blank node i written as
// blank gives it.
func (d *Dataset) termText(blank func(i int, t dterm) string) []string {
	text := make([]string, len(d.terms))
	for i, t := range d.terms {
		switch t.kind {
		case IRI:
			text[i] = ntriples.TermOfKey(t.key)
		case Blank:
			text[i] = blank(i, t)
		case Literal:
			text[i] = t.text()
		}
	}
	return text
}

// writeNQuads writes the statements sorted and without duplicates, each
// term i as text[i].
func (d *Dataset) writeNQuads(w io.Writer, text []string) error {
	sorted, byRank := d.sortedLines(text, false)
	size := 0
	for _, q := range sorted {
		size += len(text[byRank[q.s]]) + len(text[byRank[q.p]]) + len(text[byRank[q.o]]) + 5
		if q.g != 0 {
			size += 1 + len(text[byRank[q.g-1]])
		}
	}
	// Into memory (a bytes.Buffer, as a batch writes a film): room for the
	// whole output at once and no buffer in between. Elsewhere a pooled
	// buffer (see pooledWriter).
	var out io.Writer
	var bw *bufio.Writer
	if b, ok := w.(*bytes.Buffer); ok {
		b.Grow(size)
		out = b
	} else {
		if g, ok := w.(interface{ Grow(int) }); ok {
			g.Grow(size)
		}
		var release func()
		bw, release = pooledWriter(w)
		defer release()
		out = bw
	}
	// Each line is appended to one buffer, handed on 32 KiB at a time:
	// a writer's call for each term and space was a third of this
	// function's time (the samples' film).
	const chunk = 32 << 10
	sc := d.canon()
	buf := sc.out[:0]
	defer func() {
		if cap(buf) > 4*chunk {
			buf = nil // grown by a long line: not kept for the next film
		}
		sc.out = buf[:0]
	}()
	for _, q := range sorted {
		buf = append(buf, text[byRank[q.s]]...)
		buf = append(buf, ' ')
		buf = append(buf, text[byRank[q.p]]...)
		buf = append(buf, ' ')
		buf = append(buf, text[byRank[q.o]]...)
		if q.g != 0 {
			buf = append(buf, ' ')
			buf = append(buf, text[byRank[q.g-1]]...)
		}
		buf = append(buf, " .\n"...)
		if len(buf) >= chunk {
			out.Write(buf)
			buf = buf[:0]
		}
	}
	out.Write(buf)
	if bw == nil {
		return nil
	}
	return bw.Flush()
}

// sortedLines returns the statements in the order of their N-Quads lines
// without duplicates, each term i written as text[i], as term ranks: term
// byRank[r] has rank r (equal texts share one), and a statement's graph is byRank[g-1] (g 0 for
// the default graph). With inPlace set, sorted takes d.quads' room, which
// is then no longer d's statements.
func (d *Dataset) sortedLines(text []string, inPlace bool) (sorted []dquad, byRank []uint32) {
	sc := d.canon()
	rank := denseRanksIn(text, sc)
	sorted = d.quads
	if !inPlace {
		sorted = sized(sc.sorted, len(d.quads))
		sc.sorted = sorted
	}
	for i, q := range d.quads {
		g := uint32(0)
		if q.g != 0 {
			// The default graph's line ends " .", which sorts before
			// " <" and " _:".
			g = rank[q.g] + 1
		}
		sorted[i] = dquad{rank[q.s], rank[q.p], rank[q.o], g}
	}
	sorted = sortQuads(sorted, uint32(len(d.terms))+1, &sc.keys)
	// Back from ranks to terms.
	byRank = sized(sc.byRank, len(d.terms))
	sc.byRank = byRank
	n := 0
	for i := range d.terms {
		byRank[rank[i]] = uint32(i)
		n = max(n, int(rank[i])+1)
	}
	return sorted, byRank[:n]
}

// WriteCanonical writes d's statements as canonical N-Quads (RDFC-1.0),
// the bytes [Processor.Canonical] gives for the [Processor.Union] of the
// inputs read by [Processor.FromNQuads]. It returns [ErrNeedsJSONLD],
// writing nothing, where that path changes more than blank node labels.
func (p *Processor) WriteCanonical(w io.Writer, d *Dataset) error {
	if err := d.RDFNeedsJSONLD(); err != nil {
		return err
	}
	d.release()
	if !p.cfg.GeneralCanonical {
		text, ok, err := d.canonicalText(p.cfg.MaxWorkFactor)
		if err != nil {
			return canonicalError(err)
		}
		if ok {
			// Blank nodes told apart by their first-degree hashes, the
			// Hash N-Degree Quads algorithm run only for those alike:
			// the general algorithm's labels without its costs
			// (canon.go).
			return d.writeNQuads(w, text)
		}
	}
	lines, err := canonicalLines(d.rdfDataset(), p.cfg.MaxWorkFactor, false)
	if err != nil {
		return err
	}
	bw, release := pooledWriter(w)
	defer release()
	for _, l := range lines {
		bw.WriteString(l)
	}
	return bw.Flush()
}

// writerPool holds the 64 KiB buffered writers of pooledWriter.
var writerPool = sync.Pool{New: func() any { return bufio.NewWriterSize(nil, 64<<10) }}

// pooledWriter returns a 64 KiB buffered writer to w, taken from a pool,
// and the function that gives it back once it is flushed (or abandoned).
// A film's N-Quads are written through one: a buffer made for each film,
// however small, was a tenth of the bytes an export of one film allocated,
// and of the garbage a batch made.
func pooledWriter(w io.Writer) (bw *bufio.Writer, release func()) {
	bw = writerPool.Get().(*bufio.Writer)
	bw.Reset(w)
	return bw, func() {
		bw.Reset(nil) // let go of w
		writerPool.Put(bw)
	}
}

// rdfDataset returns d's statements without duplicates as json-gold's
// dataset, literals' language tags in lower case as JSON-LD has them, and
// each document's blank nodes apart.
func (d *Dataset) rdfDataset() *jld.RDFDataset {
	text := make([]string, len(d.terms))
	for i := 1; i < len(d.terms); i++ {
		switch t := d.terms[i]; t.kind {
		case IRI:
			text[i] = t.key
		case Blank:
			text[i] = d.srcLabel(uint32(i))
		case Literal:
			text[i] = t.text()
		}
	}
	rank := denseRanks(text)
	// One json-gold node per distinct term, shared by its statements.
	nodes := make([]jld.Node, len(d.terms))
	names := make([]string, len(d.terms))
	for i := 1; i < len(d.terms); i++ {
		r := rank[i]
		if nodes[r] != nil {
			continue
		}
		switch t := d.terms[i]; t.kind {
		case IRI:
			nodes[r] = jld.NewIRI(t.value())
			names[r] = t.value()
		case Blank:
			nodes[r] = jld.NewBlankNode(text[i])
			names[r] = text[i]
		case Literal:
			v, dt, lang := t.literal()
			nodes[r] = jld.NewLiteral(v, dt, strings.ToLower(lang))
		}
	}
	quads := make([]dquad, len(d.quads))
	for i, q := range d.quads {
		g := ^uint32(0)
		if q.g != 0 {
			g = rank[q.g]
		}
		quads[i] = dquad{rank[q.s], rank[q.p], rank[q.o], g}
	}
	slices.SortFunc(quads, compareQuads)
	quads = slices.Compact(quads)
	ds := jld.NewRDFDataset()
	for _, q := range quads {
		g := "@default"
		if q.g != ^uint32(0) {
			g = names[q.g]
		}
		ds.Graphs[g] = append(ds.Graphs[g], &jld.Quad{Subject: nodes[q.s], Predicate: nodes[q.p], Object: nodes[q.o]})
	}
	return ds
}

// release drops the index of terms, which only reading needs, so that a
// writer's own tables can take its memory. A walk's scratch holds the
// index too, and the walker's IRI maps: a dataset too large to give its
// scratch back (see recycle) lets go of it here, or a page of 50,000
// reviews kept them while it was written (30-50 MB more at the peak).
func (d *Dataset) release() {
	d.index = nil
	if d.scratch != nil && len(d.terms) > maxScratchTerms {
		d.scratch = nil
	}
}

// sortQuads sorts statements as compareQuads orders them and drops the
// repeated ones; every term number is below limit. Where the numbers fit
// in 16 bits (every film's do) a statement is one uint64, sorted without
// a comparison function: sorting was a fifth of writing a film's
// canonical N-Quads.
// The keys are made in *room, which keeps them for the next call.
func sortQuads(qs []dquad, limit uint32, room *[]uint64) []dquad {
	if limit > 1<<16 {
		slices.SortFunc(qs, compareQuads)
		return slices.Compact(qs)
	}
	keys := sized(*room, len(qs))
	*room = keys
	for i, q := range qs {
		keys[i] = uint64(q.s)<<48 | uint64(q.p)<<32 | uint64(q.o)<<16 | uint64(q.g)
	}
	slices.Sort(keys)
	keys = slices.Compact(keys)
	qs = qs[:len(keys)]
	for i, k := range keys {
		qs[i] = dquad{uint32(k >> 48), uint32(k >> 32 & 0xffff), uint32(k >> 16 & 0xffff), uint32(k & 0xffff)}
	}
	return qs
}

// compareQuads orders statements by subject, predicate, object and graph.
// Since no term's N-Quads form is a prefix of another's followed by a
// character at or below the space, this is the order of their lines.
func compareQuads(a, b dquad) int {
	if c := cmp.Compare(a.s, b.s); c != 0 {
		return c
	}
	if c := cmp.Compare(a.p, b.p); c != 0 {
		return c
	}
	if c := cmp.Compare(a.o, b.o); c != 0 {
		return c
	}
	return cmp.Compare(a.g, b.g)
}

// denseRanks returns, for each string, its rank in sorted order, equal
// strings sharing one.
func denseRanks(text []string) []uint32 { return denseRanksIn(text, new(canonScratch)) }

// denseRanksIn is denseRanks working in sc's room, where the ranks
// returned are too.
func denseRanksIn(text []string, sc *canonScratch) []uint32 {
	order := sized(sc.order, len(text))
	sc.order = order
	for i := range order {
		order[i] = uint32(i)
	}
	slices.SortFunc(order, func(a, b uint32) int { return strings.Compare(text[a], text[b]) })
	rank := sized(sc.ranks, len(text))
	sc.ranks = rank
	r := uint32(0)
	for i, id := range order {
		if i > 0 && text[id] != text[order[i-1]] {
			r++
		}
		rank[id] = r
	}
	return rank
}

// compareJoined compares a1+a2 with b1+b2, as strings.Compare would,
// without joining them.
func compareJoined(a1, a2, b1, b2 string) int {
	for {
		if a1 == "" {
			a1, a2 = a2, ""
		}
		if b1 == "" {
			b1, b2 = b2, ""
		}
		if a1 == "" || b1 == "" {
			return cmp.Compare(len(a1), len(b1))
		}
		n := min(len(a1), len(b1))
		if c := strings.Compare(a1[:n], b1[:n]); c != 0 {
			return c
		}
		a1, b1 = a1[n:], b1[n:]
	}
}

// blankLabels returns the number each blank node term gets as _:bN: the
// order in which the general path's node map generation (see
// nodeMapOf) meets the blank nodes of the JSON-LD that json-gold's FromRDF
// makes of the statements. FromRDF lists each document's nodes sorted by
// name, a named graph's name among the default graph's nodes with the
// graph's nodes inside it, again sorted. The node map visits a node's
// types (rdf:type objects that are not literals, in statement order), then
// the node itself, then its named graph, then its properties in sorted
// order, each property's values in statement order. A list FromRDF
// folds (see listPlan) stands for its items where its head is referred
// to, its cells are no nodes, and they are labelled last (labelCells).
func (d *Dataset) blankLabels() []uint32 {
	const none = ^uint32(0)
	labels := make([]uint32, len(d.terms))
	blanks := 0
	for i := range labels {
		labels[i] = none
		if d.terms[i].kind == Blank {
			blanks++
		}
	}
	if blanks == 0 {
		return labels
	}
	plan := d.lists()
	folded := len(plan.folds) > 0
	next := uint32(0)
	issue := func(id uint32) {
		if d.terms[id].kind == Blank && labels[id] == none {
			labels[id] = next
			next++
		}
	}
	// src ranks the terms by their FromRDF names (0 for the default graph).
	// The names are compared in two parts (a blank node's prefix, see
	// srcLabel, then its label), not made as strings: 2.7 million of
	// them (900,000 statements "_:aN <p> _:bN _:gN .") were 81 MB, most
	// of the live heap's peak in writing them as TriG or N-Quads.
	src := make([]uint32, len(d.terms))
	if len(d.terms) > 1 {
		prefixes := make([]string, len(d.docs))
		for doc := range prefixes {
			prefixes[doc] = "_:"
			if len(d.docs) > 1 {
				prefixes[doc] = "_:d" + strconv.Itoa(doc) + "-"
			}
		}
		name := func(i uint32) (prefix, rest string) {
			switch t := d.terms[i]; t.kind {
			case Literal:
				return "", ""
			case Blank:
				if int(t.doc) < len(prefixes) {
					return prefixes[t.doc], t.value()
				}
				return d.srcLabel(i), ""
			default:
				return "", t.value()
			}
		}
		compare := func(a, b uint32) int {
			a1, a2 := name(a)
			b1, b2 := name(b)
			return compareJoined(a1, a2, b1, b2)
		}
		order := make([]uint32, len(d.terms)-1)
		for k := range order {
			order[k] = uint32(k + 1)
		}
		slices.SortFunc(order, compare)
		r := uint32(1)
		for k, id := range order {
			if k > 0 && compare(order[k-1], id) != 0 {
				r++
			}
			src[id] = r
		}
	}
	typ, hasType := uint32(0), false
	for i := 1; i < len(d.terms) && !hasType; i++ {
		if t := d.terms[i]; t.kind == IRI && t.key == "<"+rdfType+">" {
			typ, hasType = uint32(i), true
		}
	}
	isType := func(q dquad) bool {
		return hasType && q.p == typ && d.terms[q.o].kind != Literal
	}
	for doc := range d.docs {
		idx := d.docStatements(doc)
		// By graph, subject, types first, predicate, statement order.
		slices.SortFunc(idx, func(a, b int32) int {
			qa, qb := d.quads[a], d.quads[b]
			if c := cmp.Compare(src[qa.g], src[qb.g]); c != 0 {
				return c
			}
			if c := cmp.Compare(src[qa.s], src[qb.s]); c != 0 {
				return c
			}
			ta, tb := isType(qa), isType(qb)
			if ta != tb {
				if ta {
					return -1
				}
				return 1
			}
			if !ta {
				if c := cmp.Compare(src[qa.p], src[qb.p]); c != 0 {
					return c
				}
			}
			return cmp.Compare(a, b)
		})
		// The statements of each graph, and of each subject in it.
		graphStart := map[uint32][2]int{}
		for i := 0; i < len(idx); {
			j := i
			for j < len(idx) && d.quads[idx[j]].g == d.quads[idx[i]].g {
				j++
			}
			graphStart[d.quads[idx[i]].g] = [2]int{i, j}
			i = j
		}
		// node visits one subject's statements, idx[i:j].
		node := func(i, j int) {
			if folded && plan.cell[d.quads[idx[i]].s] {
				return
			}
			for k := i; k < j && isType(d.quads[idx[k]]); k++ {
				issue(d.quads[idx[k]].o)
			}
			issue(d.quads[idx[i]].s)
		}
		// issueItems issues the items of fold h (its index plus one), a
		// list's items that are lists in turn walked as the node map
		// walks them.
		var issueItems func(h int32)
		issueItems = func(h int32) {
			for _, item := range plan.folds[h-1].items {
				if inner := plan.head[item]; inner != 0 {
					issueItems(inner)
				} else {
					issue(item)
				}
			}
		}
		props := func(i, j int) {
			if folded && plan.cell[d.quads[idx[i]].s] {
				return
			}
			for k := i; k < j; k++ {
				q := d.quads[idx[k]]
				switch {
				case isType(q):
				case folded && plan.head[q.o] != 0:
					issueItems(plan.head[q.o])
				default:
					issue(q.o)
				}
			}
		}
		walkGraph := func(g uint32) {
			span := graphStart[g]
			for i := span[0]; i < span[1]; {
				j := i
				for j < span[1] && d.quads[idx[j]].s == d.quads[idx[i]].s {
					j++
				}
				node(i, j)
				props(i, j)
				i = j
			}
		}
		// The default graph's nodes merged with the named graphs' names.
		var names []uint32
		for g := range graphStart {
			if g != 0 {
				names = append(names, g)
			}
		}
		slices.SortFunc(names, func(a, b uint32) int { return cmp.Compare(src[a], src[b]) })
		def := graphStart[0]
		i := def[0]
		for i < def[1] || len(names) > 0 {
			var s uint32
			if i < def[1] {
				s = d.quads[idx[i]].s
			}
			if len(names) > 0 && (i >= def[1] || src[names[0]] < src[s]) {
				// A graph with no statements about its name.
				issue(names[0])
				walkGraph(names[0])
				names = names[1:]
				continue
			}
			j := i
			for j < def[1] && d.quads[idx[j]].s == s {
				j++
			}
			node(i, j)
			if len(names) > 0 && names[0] == s {
				walkGraph(s)
				names = names[1:]
			}
			props(i, j)
			i = j
		}
	}
	if folded {
		d.labelCells(plan, labels, next)
	}
	return labels
}

// Documents returns each input as the expanded JSON-LD document
// [Processor.FromNQuads] returns for it, for the formats and cases the
// compact writers do not cover.
func (d *Dataset) Documents() ([]any, error) {
	var out []any
	for doc := range d.docs {
		end := len(d.quads)
		if doc+1 < len(d.docs) {
			end = d.docs[doc+1]
		}
		ds := jld.NewRDFDataset()
		seen := map[dquad]bool{}
		nodes := map[uint32]jld.Node{}
		for _, q := range d.quads[d.docs[doc]:end] {
			if seen[q] {
				continue
			}
			seen[q] = true
			g := "@default"
			switch t := d.terms[q.g]; t.kind {
			case IRI:
				g = t.value()
			case Blank:
				// As written: Union renames each document's blank nodes.
				g = "_:" + t.value()
			}
			ds.Graphs[g] = append(ds.Graphs[g], jld.NewQuad(d.node(q.s, nodes), d.node(q.p, nodes), d.node(q.o, nodes), g))
		}
		docs, err := fromDataset(ds, d.names[doc])
		if err != nil {
			return nil, err
		}
		out = append(out, docs)
	}
	return out, nil
}

// FirstReplaced returns where a lenient ReadNQuads first replaced a byte
// that is not UTF-8 with U+FFFD, so that a warning that counts them can
// say where to look; ok is false when none was.
func (d *Dataset) FirstReplaced() (pos diag.Position, ok bool) {
	return d.firstReplaced, d.firstReplaced.File != ""
}
