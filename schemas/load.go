package schemas

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"
	"sync"

	"github.com/film2ld/film2ld/ld"
	"github.com/film2ld/film2ld/ld/diag"
	"github.com/film2ld/film2ld/schemas/internal/jsonpos"
)

// SyntaxError is input that is not JSON, at the position of the offending
// character.
type SyntaxError struct {
	Pos Pos
	Err error
}

func (e *SyntaxError) Error() string { return fmt.Sprintf("%s: %v", e.Pos, e.Err) }

// Unwrap returns the decoder's error.
func (e *SyntaxError) Unwrap() error { return e.Err }

// ErrTooDeep reports arrays and objects nested more than MaxDepth levels.
var ErrTooDeep = jsonpos.ErrTooDeep

// MaxDepth is how deeply a document's arrays and objects may nest; deeper
// nesting is one json.depth error, and nothing in the document is checked.
const MaxDepth = jsonpos.MaxDepth

// Finding reports the error as validate does: one error, since nothing
// else in the text could be checked. what names the text ("document",
// "script block").
func (e *SyntaxError) Finding(what string) Finding {
	if errors.Is(e.Err, ErrTooDeep) {
		return Finding{Severity: Error, Rule: RuleJSONDepth, Node: what, Pos: e.Pos,
			Message: e.Err.Error() + "; nothing in it was checked",
			Fix:     "flatten the markup: give nodes an @id and refer to them, or split it into blocks"}
	}
	return Finding{Severity: Error, Rule: RuleJSONSyntax, Node: what, Pos: e.Pos,
		Message: "not JSON: " + e.Err.Error(), Fix: "fix the JSON; nothing in it was checked"}
}

// bom is the UTF-8 byte-order mark, which some editors and CMSs write at
// the start of a file; JSON forbids it, but every browser and search engine
// skips it, so validate does too and notes it.
var bom = []byte("\xef\xbb\xbf")

// stripBOM removes a leading byte-order mark, noting it in g.
func (g *Graph) stripBOM(data []byte, file string) []byte {
	if !bytes.HasPrefix(data, bom) {
		return data
	}
	g.noteBOM(file)
	return data[len(bom):]
}

func (g *Graph) noteBOM(file string) {
	g.Problems = append(g.Problems, Finding{Severity: Note, Rule: RuleBOM, Node: "document",
		Message: "the file starts with a UTF-8 byte-order mark, which was skipped",
		Fix:     "save the file as UTF-8 without BOM; JSON parsers other than browsers may refuse it",
		Pos:     Pos{File: file, Line: 1, Col: 1}})
}

// Load reads one JSON-LD document, remembering where every value stands.
func Load(data []byte, file string) (*Graph, error) {
	g := newGraph()
	data = g.stripBOM(data, file)
	src := source{file: file, data: data, idx: diag.NewIndex(data), line0: 1, positioned: true}
	if err := g.add(src); err != nil {
		return nil, err
	}
	g.finish()
	return g, nil
}

// CheckJSON reads a JSON-LD document from r to its end in bounded memory
// (a buffer and a nesting stack) and returns the error reading it whole
// gives, or nil when the document is JSON: a large file that is not can so
// be refused without being held. The error is a byte that is not UTF-8,
// anywhere, as [ld.CheckUTF8] reports it (callers check that first), else
// Load's *SyntaxError, at the same place; neither holds the offending
// line. A document that is JSON but nests past MaxDepth gives nil, since
// a caller may read such JSON otherwise than by Load (which refuses it).
func CheckJSON(r io.Reader, file string) error {
	// ld.ScanJSON skips a byte-order mark and places a byte that is not
	// UTF-8 in the file as ld.CheckUTF8 does, mark and all; Load's
	// positions count from after the mark.
	p, err := ld.ScanJSON(r, loadRules)
	if err != nil || p == nil {
		return err
	}
	if p.Err == nil {
		return p.PosError(file)
	}
	if err := loadError(p); err != nil {
		return &SyntaxError{Pos: Pos{File: file, Line: p.Line, Col: p.Col}, Err: err}
	}
	return nil
}

// loadRules are the rules under which ld.ScanJSON finds what jsonpos's
// careful parser finds, at the same place.
var loadRules = ld.JSONRules{MaxDepth: MaxDepth, NextToken: true, CutLiteral: true}

// loadError is the error Load gives for the syntax or depth problem p,
// or nil for one it does not give (a byte that is not UTF-8, which
// encoding/json reads; nesting too deep in what is otherwise JSON, which
// callers may read otherwise).
func loadError(p *ld.JSONProblem) error {
	switch {
	case p.Err == nil:
		return nil
	case errors.Is(p.Err, ld.ErrJSONTooDeep):
		if p.SyntaxOK {
			return nil
		}
		return ErrTooDeep
	case errors.Is(p.Err, ld.ErrNoJSONValue):
		return errNoValue
	case errors.Is(p.Err, io.ErrUnexpectedEOF):
		// Load's message, as json.Unmarshal gives it.
		return errEndOfJSON
	}
	return p.Explained()
}

// errEndOfJSON says what json.Unmarshal says of JSON cut short.
var errEndOfJSON = errors.New("unexpected end of JSON input")

// errNoValue is errEndOfJSON's words for an input of white space alone,
// which a script block's finding tells apart as an empty block.
var errNoValue = errors.New("unexpected end of JSON input")

// LoadHTML reads every <script type="application/ld+json"> block of a page
// into one graph, so blocks that refer to each other by "@id" are joined;
// the blocks are one document for blank node labels, as JSON-LD's
// extractAllScripts reads a page.
// A block that is not JSON becomes a finding at its line and column, and
// the other blocks are still read.
func LoadHTML(data []byte, file string) (*Graph, error) {
	g := newGraph()
	data = g.stripBOM(data, file)
	texts, err := ld.ScriptTexts(bytes.NewReader(data), file)
	if err != nil {
		return nil, err
	}
	idx := diag.NewIndex(data)
	var other ld.Markup
	if len(texts) == 0 {
		other = ld.OtherMarkup(bytes.NewReader(data))
	}
	return g.addBlocks(texts, file, other, func(st ld.ScriptText) source {
		// The tokenizer counts columns in bytes; the block's byte offset
		// lets the file's index count them in characters.
		return source{file: file, data: st.Text, idx: idx, base: idx.Offset(st.TextLine, st.TextCol), block: true, line0: st.TextLine, positioned: true}
	})
}

// ReadHTML is LoadHTML for a page read from r as it goes: it holds the
// script blocks' text, not the page, so a large page costs its markup
// and one token at a time (see [ld.EachScript]), with the same findings.
// A block longer than [ld.SpoolBlocksOver] is checked as it is read and
// held only if it is JSON: its syntax finding, at the same place, has
// no excerpt (a page's 200 MB block of junk took 560–690 MB).
func ReadHTML(r io.Reader, file string) (*Graph, error) {
	g := newGraph()
	br := bufio.NewReader(r)
	if head, _ := br.Peek(len(bom)); bytes.Equal(head, bom) {
		br.Discard(len(bom))
		g.noteBOM(file)
	}
	blocks := 0
	_, err := ld.EachScript(br, file, func(st ld.ScriptText, content io.Reader) error {
		blocks++
		text, err := ld.ReadBlock(content, spoolBlocksOver, func(r io.Reader) error { return checkBlock(r, file) })
		idx := blockIndex{line0: st.TextLine, chars0: st.TextChars}
		var se *SyntaxError
		if errors.As(err, &se) {
			// Placed in the block, then where the block stands.
			se.Pos.Line, se.Pos.Col = idx.inPage(se.Pos.Line, se.Pos.Col)
			g.blockProblem(st, se)
			return nil
		}
		if err != nil {
			return err
		}
		st.Text = text
		idx.x = diag.NewIndex(st.Text)
		return g.addBlock(st, source{file: file, data: st.Text, idx: idx, block: true, line0: st.TextLine, positioned: true})
	})
	if err != nil {
		return nil, err
	}
	var other ld.Markup
	if rs, ok := r.(io.ReadSeeker); ok && blocks == 0 {
		// The page is not held: a file is read again for markup in
		// another syntax, as LoadHTML looks for it.
		if _, err := rs.Seek(0, io.SeekStart); err == nil {
			other = ld.OtherMarkup(rs)
		}
	}
	g.endBlocks(blocks, file, other)
	return g, nil
}

// spoolBlocksOver is ld.SpoolBlocksOver, lowered by tests to check short
// blocks both ways.
var spoolBlocksOver = ld.SpoolBlocksOver

// checkBlock is CheckJSON for a long script block, stopping its reading
// at a syntax error only: a block that starts with a byte-order mark, or
// holds a byte that is not UTF-8, is read whole, as a short one is, for
// the finding reading it gives.
func checkBlock(r io.Reader, file string) error {
	br := bufio.NewReader(r)
	if head, _ := br.Peek(len(bom)); bytes.Equal(head, bom) {
		_, err := io.Copy(io.Discard, br)
		return err
	}
	err := CheckJSON(br, file)
	var se *SyntaxError
	var pe *ld.PosError
	if errors.As(err, &pe) && !errors.As(err, &se) {
		return nil
	}
	return err
}

// blockIndex places offsets of a script block in its page, as an index
// of the whole page would: its first line starts chars0 characters into
// the page's line line0.
type blockIndex struct {
	x             *diag.Index
	line0, chars0 int
}

func (b blockIndex) LineCol(off int) (line, col int) {
	return b.inPage(b.x.LineCol(off))
}

// inPage moves a place in the block to where it stands in the page.
func (b blockIndex) inPage(line, col int) (int, int) {
	if line == 1 {
		col += b.chars0
	}
	return line + b.line0 - 1, col
}

// addBlocks adds a page's script blocks to g, each read as src makes it
// a source; a block that is not JSON becomes a finding at its line and
// column, and the other blocks are still read. other is the page's
// markup in another syntax, told when it has no block.
func (g *Graph) addBlocks(texts []ld.ScriptText, file string, other ld.Markup, src func(ld.ScriptText) source) (*Graph, error) {
	// The blocks are one document for their blank node labels: "_:heat"
	// in two blocks is one node, as jsonld.js reads a page.
	scope := fmt.Sprintf("page%d", g.docs+1)
	for _, st := range texts {
		s := src(st)
		s.scope = scope
		if err := g.addBlock(st, s); err != nil {
			return nil, err
		}
	}
	g.endBlocks(len(texts), file, other)
	return g, nil
}

// addBlock adds one script block, read from src; a block that is not
// JSON becomes a finding.
func (g *Graph) addBlock(st ld.ScriptText, src source) error {
	if inner, w := ld.UnwrapBlock(src.data); inner != nil {
		// Read inside the wrapper, as convert, extractors and search
		// engines do: the wrapper is blanked, so places stay.
		src.data = inner
		g.Problems = append(g.Problems, Finding{Severity: Warning, Rule: RuleBlockWrapper, Node: "script block",
			Message: fmt.Sprintf("the JSON-LD block starting on line %d is wrapped in %s, which JSON-LD does not allow; it was read inside it", st.Line, w),
			Fix:     "remove the wrapper", Pos: Pos{File: src.file, Line: st.Line}})
	}
	if err := g.add(src); err != nil {
		var se *SyntaxError
		if !errors.As(err, &se) {
			return err
		}
		g.blockProblem(st, se)
	}
	return nil
}

// blockProblem records the syntax error of the block st as a finding.
func (g *Graph) blockProblem(st ld.ScriptText, se *SyntaxError) {
	f := se.Finding("script block")
	f.Message = fmt.Sprintf("the JSON-LD block starting on line %d: %s", st.Line, f.Message)
	if errors.Is(se.Err, errNoValue) || len(st.Text) > 0 && len(bytes.TrimSpace(st.Text)) == 0 {
		// In convert's words: "unexpected end of JSON input" said
		// nothing of a template that left the block empty.
		f.Message = fmt.Sprintf("the JSON-LD block starting on line %d is empty: it holds no JSON value", st.Line)
		f.Fix = "remove the empty block, or write the page's markup in it"
	}
	if w := ld.BlockWrapper(st.Text); w != "" {
		f.Fix = "remove the wrapper: the JSON is wrapped in " + w + ", which JSON-LD does not allow; nothing in the block was checked"
	}
	g.Problems = append(g.Problems, f)
}

// endBlocks ends the reading of a page of n script blocks, whose markup
// in another syntax is other.
func (g *Graph) endBlocks(n int, file string, other ld.Markup) {
	if n == 0 {
		f := Finding{Severity: Warning, Rule: RuleNoScript, Node: "page",
			Message: `no <script type="application/ld+json"> block`, Pos: Pos{File: file}}
		if m := other; m.Syntax != "" {
			// Told apart from a page with no data: film2ld reads
			// JSON-LD alone, and its "no block" must not read as "no
			// markup" to someone whose page has Microdata.
			f.Message += fmt.Sprintf("; the page marks up data as %s (%s on line %d), which film2ld does not read", m.Syntax, m.Attr, m.Line)
			f.Fix = "publish the data as JSON-LD, the format Google recommends, for film2ld to check it"
		}
		g.Problems = append(g.Problems, f)
	}
	g.finish()
}

// FromDoc reads a decoded JSON-LD document, such as film2ld's own export.
// Findings are placed at the file as a whole (nodes have no lines).
//
// The document may be a streaming view (mapping's Film.RenderStream): an
// array may be an iter.Seq[any], whose items are rendered and read one at
// a time, a reference to a node a value with a NodeID() string method
// (ld.NodeRef), read as {"@id": its IRI}, and a node a list of its
// members (ld.Node), read as the map it stands for. The graph is the same
// as of the view collected into maps; a page of 50,000 reviews is never
// held whole as maps and as a tree beside its graph (138 MB at validate's
// peak, of which the graph is 55).
func FromDoc(doc any, file string) *Graph {
	var scratch jsonpos.Scratch
	tree, lazy := scratch.FromStream(doc)
	g := newGraph()
	b := g.newBuilder(source{file: file})
	b.addLazy(lazy)
	b.document(tree)
	g.finish()
	return g
}

// fromTree reads a tree that exists only in memory into a new graph,
// which holds nothing of the tree.
func fromTree(tree *jsonpos.Value, file string) *Graph {
	g := newGraph()
	g.newBuilder(source{file: file}).document(tree)
	g.finish()
	return g
}

// add parses one JSON text and adds its nodes. Whatever keeps part of the
// text from being checked is reported: a context that cannot be loaded, a
// @vocab that is not schema.org's, a document the JSON-LD processor
// rejects, a document with no node or no schema.org node.
func (g *Graph) add(src source) error {
	g.markup = true
	parse := jsonpos.Parse
	valid := fastPaths && json.Valid(src.data)
	if !fastPaths {
		parse = jsonpos.ParseCarefully
	} else if !valid {
		// Both parsers would build a tree of every value before the
		// error (ten times the text: 2.1 GB for a 200 MB block with a
		// stray character at its end); the scanner finds the same error
		// in a stack's memory.
		p, err := ld.ScanJSON(bytes.NewReader(src.data), loadRules)
		if err == nil && p != nil {
			if err := loadError(p); err != nil {
				return &SyntaxError{Pos: src.pos(int(p.Offset)), Err: err}
			}
		}
	}
	what := "document"
	if src.block {
		what = "script block"
	}
	if valid {
		if tv := ld.ScanTopValues(bytes.NewReader(src.data)); tv.Only && tv.Count > 0 {
			// Values alone are one finding (see settle), told without a
			// tree of every value: a 20 MB array of numbers took 815 MB.
			g.addValues(src, what, tv.Count, src.pos(int(tv.Offset)))
			return nil
		}
	}
	var v *jsonpos.Value
	var left jsonpos.LeftOut
	var err error
	if valid && leaveStraysOut {
		// What JSON-LD drops at the top ({} and values among the nodes)
		// is counted, not made a tree of: 2 MB of a "@graph" of them
		// took 113-200 MB, 20 MB 1-1.7 GB.
		v, left, err = jsonpos.ParseLeavingOut(src.data)
	} else {
		v, err = parse(src.data)
	}
	if err != nil {
		var se *jsonpos.SyntaxError
		if errors.As(err, &se) {
			return &SyntaxError{Pos: src.pos(se.Offset), Err: ld.ExplainJSONError(src.data, se.Offset, se.Err)}
		}
		return err
	}
	if off, err := ld.UnpairedSurrogate(src.data); err != nil {
		// The parser read the escape as U+FFFD, as every JSON reader
		// does: the names checked would not be the page's.
		return &SyntaxError{Pos: src.pos(off), Err: err}
	}
	before := len(g.Problems)
	ctx := topContext(v)
	if left.Strings && ctx != nil && ctx.Kind == jsonpos.Array {
		// Whether the document uses a prefix its context defines is
		// told from its strings (isSchemaOrgContext), those left out
		// too: read whole.
		if v, err = parse(src.data); err != nil {
			return err
		}
		left = jsonpos.LeftOut{}
		ctx = topContext(v)
	}
	if ctx != nil {
		g.checkVocab(src, ctx)
	}
	d := &pendingDoc{what: what, pos: src.pos(v.Offset)}
	// Counted before the builder reads (and may let go of) the tree.
	dropped := findDropped(v, left)
	if ctx != nil && !isSchemaOrgContext(ctx, v) {
		// Prefixes of its own, another vocabulary, "schema" bound to
		// https: terms mean what this context says, so the JSON-LD
		// processor reads them and the checks see the document compacted
		// to schema.org's terms (placed at the document's first line).
		d.b = g.addCompacted(src, ctx, left.Any())
	} else {
		d.b = g.newBuilder(src)
		// The JSON-LD processor's check is the slowest step; it runs
		// beside the rest and is joined in finish. Plain markup, which it
		// is sure to accept, skips it, and then nothing needs the tree
		// once the graph is read from it.
		plain := fastPaths && plainJSONLD(src.data, v) && !left.Unplain(v.Kind == jsonpos.Array)
		d.b.consume = plain
		counted := v.Kind == jsonpos.Array || v.Kind == jsonpos.Object && v.Get("@graph") != nil && onlyKeys(v, "@context", "@graph")
		d.b.document(v)
		if counted {
			d.b.addLeftOut(left)
		}
		if !plain {
			d.ld = make(chan *Finding, 1)
			go func() {
				ldSlots <- struct{}{}
				defer func() { <-ldSlots }()
				d.ld <- checkJSONLD(src, v, left.Any())
			}()
		}
	}
	d.hadErrors = HasErrors(g.Problems[before:])
	if d.b != nil {
		d.dropped = dropped.findings(src, what, d.b.nodes > 0)
	}
	g.pending = append(g.pending, d)
	return nil
}

// addValues adds a document that holds count values alone, the first at
// pos.
func (g *Graph) addValues(src source, what string, count int, pos Pos) {
	b := g.newBuilder(src)
	b.values, b.firstValue = count, pos
	g.pending = append(g.pending, &pendingDoc{what: what, b: b})
}

// ReadTopValues reads a JSON-LD document from r as it goes and, when it
// holds values alone (a lone value, or an array of values only: see
// [ld.ScanTopValues]), returns the graph Load gives it, with its one
// finding, without holding the document: validate held a 200 MB array of
// numbers whole (222 MB) to say so. It returns nil for any other
// document, and for one that starts with a byte-order mark (whose
// positions Load counts after the mark). r must hold valid UTF-8 JSON
// (see CheckJSON), and is read twice.
func ReadTopValues(r io.ReadSeeker, file string) (*Graph, error) {
	tv := ld.ScanTopValues(r)
	if !tv.Only || tv.Count == 0 {
		return nil, nil
	}
	if _, err := r.Seek(0, io.SeekStart); err != nil {
		return nil, err
	}
	pos, err := placeOffset(r, tv.Offset)
	if err != nil {
		return nil, err
	}
	pos.File = file
	g := newGraph()
	g.addValues(source{file: file}, "document", tv.Count, pos)
	g.finish()
	return g, nil
}

// ReadRefused reads a large JSON-LD document from r as it goes and, when
// the JSON-LD processor refuses it for its first node (terms and no
// @context, found by [ld.ScanArrayItems] or [ld.ScanTopNode]: a JSON dump,
// a package-lock.json), returns a graph of that one error, placed and
// worded as Load's, and a note that its nodes were not checked one by
// one. It returns nil for any other document, and for one that starts
// with a byte-order mark. r must hold valid UTF-8 JSON (see CheckJSON)
// and is read up to three times.
//
// Validate reads only large files so (over 16 MiB): Load checks every
// node of a document, whose terms mean nothing without the @context but
// which are likely schema.org's when the @context was forgotten; a dump
// of 2 million records made 2 million findings, in 2.4 GB and 37 s for
// 20 MB.
func ReadRefused(r io.ReadSeeker, file string) (*Graph, error) {
	br := bufio.NewReader(r)
	head, _ := br.Peek(len(bom))
	if bytes.Equal(head, bom) {
		return nil, nil
	}
	_, refused := ld.ScanArrayItems(br)
	if refused == nil {
		if _, err := r.Seek(0, io.SeekStart); err != nil {
			return nil, err
		}
		refused = ld.ScanTopNode(r)
	}
	if refused == nil {
		return nil, nil
	}
	if _, err := r.Seek(0, io.SeekStart); err != nil {
		return nil, err
	}
	// Load places the error at the document's top value: its first byte
	// that is not white space (which is ASCII, a column a byte).
	br.Reset(r)
	pos := Pos{Line: 1, Col: 1}
	for {
		c, err := br.ReadByte()
		if err != nil {
			return nil, err
		}
		if c == '\n' {
			pos.Line, pos.Col = pos.Line+1, 1
			continue
		}
		if c != ' ' && c != '\t' && c != '\r' {
			break
		}
		pos.Col++
	}
	pos.File = file
	g := newGraph()
	g.Problems = append(g.Problems, jsonldFinding(pos, refused),
		Finding{Severity: Note, Rule: RuleJSONLD, Node: "document", Pos: Pos{File: file},
			Message: "JSON-LD processing refuses the document's first node, so in a document this large the nodes were not checked one by one",
			Fix:     "give the document its @context, or check that it is the file meant, and validate it again"})
	g.finish()
	return g, nil
}

// placeOffset reads r as far as byte offset off and places it as a
// diag.Index of the whole would: its line, and its column in characters
// (the bytes that start one).
func placeOffset(r io.Reader, off int64) (Pos, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	pos := Pos{Line: 1, Col: 1}
	for ; off > 0; off-- {
		c, err := br.ReadByte()
		if err != nil {
			return Pos{}, err
		}
		switch {
		case c == '\n':
			pos.Line, pos.Col = pos.Line+1, 1
		case c&0xC0 != 0x80:
			pos.Col++
		}
	}
	return pos, nil
}

// fastPaths switches on the ways of reading and checking that skip work
// when its result is known: the byte scanner (jsonpos), plainJSONLD, and
// the property-by-property schema check with its cache. Each gives the
// findings the slow way gives; TestFastPathsAgree switches them off to
// compare whole reports.
var fastPaths = true

// ldSlots bounds how many JSON-LD processor checks run at once.
var ldSlots = make(chan struct{}, runtime.GOMAXPROCS(0))

// pendingDoc is a document whose last checks wait for the end of reading.
type pendingDoc struct {
	what string
	pos  Pos
	// b read the document; nil when its context could not be read (that
	// is its finding).
	b *builder
	// ld delivers the JSON-LD processor's finding, or nil.
	ld        chan *Finding
	hadErrors bool
	// dropped are the findings of what JSON-LD drops of it beside its
	// top-level values (see findDropped), made as it is read (its text
	// is not held), told with the rest.
	dropped []Finding
}

// settle adds a document's last findings: the processor's, and whether it
// held any node, or any schema.org node.
func (g *Graph) settle(d *pendingDoc) {
	if d.ld != nil {
		if f := <-d.ld; f != nil {
			g.Problems = append(g.Problems, *f)
			d.hadErrors = true
		}
	}
	if d.b != nil && d.b.nodes > 0 && d.b.values > 0 {
		g.Problems = append(g.Problems, Finding{Severity: Error, Rule: RuleJSONLDSyntax, Node: d.what, Pos: d.b.firstValue,
			Message: fmt.Sprintf("beside its nodes, the %s holds %s at its top level, which JSON-LD drops: search engines never see them", d.what, countValues(d.b.values)),
			Fix:     "put each fact in a node's property, or remove the stray values"})
	}
	g.Problems = append(g.Problems, d.dropped...)
	switch {
	case d.b == nil:
		// The context could not be read; that is the finding.
	case d.b.nodes == 0 && d.b.values > 0:
		// One finding for them all: a 20 MB array of numbers is not
		// ten million problems.
		g.Problems = append(g.Problems, Finding{Severity: Error, Rule: RuleEmpty, Node: d.what, Pos: d.b.firstValue,
			Message: fmt.Sprintf("the %s holds no node, only %s, which JSON-LD drops, so nothing was checked", d.what, countValues(d.b.values)),
			Fix:     `write the page's markup as nodes, such as {"@context": "https://schema.org", "@type": "Movie", …}`})
	case d.b.nodes == 0 && d.what == "script block":
		// "{}" or "[]" beside a page's other blocks: nothing to check,
		// and nothing lost (convert reads it as no statement).
		g.Problems = append(g.Problems, Finding{Severity: Warning, Rule: RuleEmpty, Node: d.what, Pos: d.pos,
			Message: "the script block holds no node, so there is nothing in it to check",
			Fix:     `remove the empty script block, or write the page's markup in it, such as {"@context": "https://schema.org", "@type": "Movie", …}`})
	case d.b.nodes == 0:
		g.Problems = append(g.Problems, Finding{Severity: Error, Rule: RuleEmpty, Node: d.what, Pos: d.pos,
			Message: "the " + d.what + " holds no node, so nothing was checked",
			Fix:     `write the page's markup, such as {"@context": "https://schema.org", "@type": "Movie", …}, or remove the empty ` + d.what})
	case !d.b.schemaOrg && !d.hadErrors:
		// (An error already said why nothing is schema.org's.)
		g.Problems = append(g.Problems, Finding{Severity: Warning, Rule: RuleNoSchemaOrg, Node: d.what, Pos: d.pos,
			Message: "no node of this " + d.what + " has a schema.org type, so no schema.org rule applies to it",
			Fix:     `give the nodes schema.org types ("@type": "Movie") under "@context": "https://schema.org"`})
	}
}

// countValues says how many values: "1 value that is not a node", "3
// values that are not nodes".
func countValues(n int) string {
	if n == 1 {
		return "1 value that is not a node"
	}
	return fmt.Sprintf("%d values that are not nodes", n)
}

// checkVocab reports a @vocab meant as schema.org's that is not its
// namespace: "http://schema.org" without the final slash makes "name"
// the IRI http://schema.orgname, so no term is a schema.org term and
// nothing is checked or understood by search engines.
func (g *Graph) checkVocab(src source, ctx *jsonpos.Value) {
	for _, c := range list(ctx) {
		if c.Kind != jsonpos.Object {
			continue
		}
		vocab := c.Get("@vocab")
		if vocab == nil || vocab.Kind != jsonpos.String || isSchemaOrgNamespace(vocab.String) {
			continue
		}
		if strings.Contains(strings.ToLower(vocab.String), "schema.org") {
			g.Problems = append(g.Problems, Finding{Severity: Error, Rule: RuleVocab, Node: "document", Property: "@vocab", Pos: src.pos(vocab.Offset),
				Message: fmt.Sprintf("@vocab %q is not schema.org's namespace, so no term of the document is a schema.org term", clip(vocab.String)),
				Fix:     `write "@vocab": "https://schema.org/" (with the final slash), or "@context": "https://schema.org"`})
		}
	}
}

// isSchemaOrgNamespace reports whether s is schema.org's namespace IRI, the
// only @vocab under which terms are schema.org's.
func isSchemaOrgNamespace(s string) bool {
	return s == "https://schema.org/" || s == "http://schema.org/"
}

// checkJSONLD runs the JSON-LD processor over a document read directly,
// as convert would: what it rejects (a "@type" that is a number, an
// unknown keyword, an "@id" with a space, a bad language tag) is an error
// here too, placed at the offending value where the text shows it.
func checkJSONLD(src source, v *jsonpos.Value, leftOut bool) *Finding {
	err := expansionError(src.data, leftOut)
	if err == nil {
		return nil
	}
	f := jsonldFinding(errorPos(src, err, src.pos(v.Offset)), err)
	return &f
}

// errorPos is where in src the JSON-LD processor's refusal err is about:
// the value it names by a JSON Pointer or as a node's property, or the one
// an expansion error is raised at (a key that expands to no IRI); else
// pos.
func errorPos(src source, err error, pos Pos) Pos {
	var ne *ld.NodeError
	var ie *ld.InputPathError
	if errors.As(err, &ie) {
		// The check of the input names the value by its JSON Pointer.
		if off, ok := ld.PointerOffset(src.data, ie.Pointer); ok {
			pos = src.pos(off)
		}
	} else if errors.As(err, &ne) && ne.Value != "" {
		// At the value of the property it names, or else at the first
		// string that is the value (a property written another way).
		if off, ok := ne.Offset(src.data); ok {
			pos = src.pos(off)
		} else if quoted, qerr := json.Marshal(ne.Value); qerr == nil {
			if i := bytes.Index(src.data, quoted); i >= 0 {
				pos = src.pos(i)
			}
		}
	} else if off, ok := ld.ExpansionErrorOffset(src.data, err); ok {
		pos = src.pos(off)
	}
	return pos
}

// jsonldFinding is the finding for err, the JSON-LD processor's refusal
// of a document, at pos.
func jsonldFinding(pos Pos, err error) Finding {
	return Finding{Severity: Error, Rule: RuleJSONLD, Node: "document", Pos: pos,
		Message: "not valid JSON-LD (convert rejects it): " + strings.TrimPrefix(strings.TrimPrefix(err.Error(), "ld: "), "expand: "),
		Fix:     "fix the value; search engines drop or misread what JSON-LD cannot express"}
}

// expansionError returns the error the JSON-LD processor gives the
// document data, or nil. leftOut is set when its top level holds what
// JSON-LD drops ({}, values): it is decoded without them
// (ld.DecodeLeavingOut), which the processor reads with the same
// errors, at the same pointers.
func expansionError(data []byte, leftOut bool) error {
	if fastPaths {
		// An array whose first node expansion refuses (terms without a
		// @context) is refused for that node, and a node object at the
		// top for its keys, which scans find: a JSON dump of 2 million
		// records, a 19 MB package-lock.json, were decoded and expanded
		// whole to say so, beside the graph being read.
		if _, refused := ld.ScanArrayItems(bytes.NewReader(data)); refused != nil {
			return refused
		}
		if refused := ld.ScanTopNode(bytes.NewReader(data)); refused != nil {
			return refused
		}
	}
	if doc, ok := decodeLeavingOut(data, leftOut, false); ok {
		_, err := processor().Expand(doc, ld.Options{Base: contextBase})
		return err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var doc any
	if err := dec.Decode(&doc); err != nil {
		return nil // jsonpos.Parse accepted it; nothing more to say
	}
	_, err := processor().Expand(doc, ld.Options{Base: contextBase})
	return err
}

// decodeLeavingOut decodes data, a document whose top level holds what
// JSON-LD drops (leftOut), without it (ld.DecodeLeavingOut), for the
// JSON-LD processor's methods, which read it with the same errors, at
// the same pointers, as the whole; floats makes its numbers float64, as
// json.Unmarshal gives them, where they are json.Decoder's with
// UseNumber. ok is false where nothing is left out, or data is to be
// decoded whole: a key written twice (ScanStrays refuses it; the decoding
// keeps the last, as a whole one does), a first node the processor
// refuses, a number json.Unmarshal refuses.
func decodeLeavingOut(data []byte, leftOut, floats bool) (doc any, ok bool) {
	if !leftOut || !leaveStraysOut {
		return nil, false
	}
	if s, ok := ld.ScanStrays(bytes.NewReader(data)); !ok || s.Refused {
		return nil, false
	}
	doc, err := ld.DecodeLeavingOut(bytes.NewReader(data))
	if err != nil {
		return nil, false
	}
	if floats {
		return ld.FloatNumbers(doc)
	}
	return doc, true
}

// leaveStraysOut is unset by tests that compare reading a document with
// what its top level drops left out (jsonpos.ParseLeavingOut) with
// reading it whole.
var leaveStraysOut = true

// topContext returns the @context of a document (or of its first node).
func topContext(v *jsonpos.Value) *jsonpos.Value {
	switch v.Kind {
	case jsonpos.Object:
		return v.Get("@context")
	case jsonpos.Array:
		if len(v.Items) > 0 && v.Items[0].Kind == jsonpos.Object {
			return v.Items[0].Get("@context")
		}
	}
	return nil
}

// processor compacts documents with contexts of their own; it is shared, as
// it holds the parsed schema.org context.
var processor = sync.OnceValue(func() *ld.Processor { return ld.NewProcessor(ld.Config{}) })

// contextBase resolves relative references while reading a document with a
// context of its own, since compaction needs absolute IRIs; it is a
// reserved domain, so no finding mistakes it for the page's.
const contextBase = "https://film2ld.invalid/"

// addCompacted reads a document with a context of its own, ctx, as the
// JSON-LD processor compacts it to schema.org's terms. leftOut is as for
// expansionError: what the top level drops is not decoded.
func (g *Graph) addCompacted(src source, ctx *jsonpos.Value, leftOut bool) *builder {
	pos := src.pos(ctx.Offset)
	doc, ok := decodeLeavingOut(src.data, leftOut, true)
	if ok {
		// Decoded: its numbers are json.Unmarshal's.
	} else if err := json.Unmarshal(src.data, &doc); err != nil {
		g.Problems = append(g.Problems, Finding{Severity: Error, Rule: RuleJSONSyntax, Node: "document", Message: err.Error(), Pos: pos})
		return nil
	}
	compacted, err := processor().Compact(doc, ld.Options{Base: contextBase})
	switch {
	case errors.Is(err, ld.ErrRemoteContext):
		fix := `use "@context": "https://schema.org", or check with a tool that may fetch the context`
		if s := ctx.String; ctx.Kind == jsonpos.String && strings.Contains(strings.ToLower(s), "schema") {
			fix = fmt.Sprintf(`write "@context": "https://schema.org" (%q is not schema.org)`, clip(s))
		}
		g.Problems = append(g.Problems, Finding{Severity: Error, Rule: RuleContext, Node: "document", Property: "@context",
			Message: "the context names a URL film2ld does not fetch, so nothing in the document was checked: " + strings.TrimPrefix(err.Error(), "ld: "),
			Fix:     fix, Pos: pos})
		return nil
	case err != nil:
		// At the value at fault where it is known (a key no context
		// defines was placed at the @context, where convert places it
		// at the key).
		g.Problems = append(g.Problems, Finding{Severity: Error, Rule: RuleJSONLD, Node: "document",
			Message: "not valid JSON-LD (convert rejects it), so nothing in the document was checked: " + strings.TrimPrefix(err.Error(), "ld: "), Pos: errorPos(src, err, pos)})
		return nil
	}
	b := g.newBuilder(source{file: src.file, line0: pos.Line, scope: src.scope})
	b.document(jsonpos.FromAny(compacted))
	return b
}
