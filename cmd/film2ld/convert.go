package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/spf13/pflag"

	"github.com/film2ld/film2ld/cmd/film2ld/internal/output"
	"github.com/film2ld/film2ld/ld"
	"github.com/film2ld/film2ld/ld/diag"
	"github.com/film2ld/film2ld/mapping"
	"github.com/film2ld/film2ld/mapping/pipeline"
)

const convertUsage = `Usage: film2ld convert [flags] FILE...

Reads linked data and writes it in another form. Inputs are JSON-LD (.jsonld,
.json), HTML pages (every <script type="application/ld+json"> block),
N-Quads (.nq, .nt), Turtle (.ttl) and TriG (.trig); the form is told by the
extension, else by the content, and --input-format overrides both. Several
inputs are read as one graph: nodes with the same IRI join; blank nodes of
different inputs stay apart, while a page's blocks are one document, as
JSON-LD reads them (a label such as "_:r" in two of its blocks is one
node). FILE "-" reads standard input.

The schema.org context is built in; any other remote context is refused
unless --allow-remote is given (http and https only; --allow-local-contexts
adds local files). The --remote-* flags bound what it fetches: time and size
per context, how deeply contexts include others, how many in all. Relative
IRIs are an error unless --base gives the IRI to resolve them against.

By default anything JSON-LD would silently drop is an error naming it: a
term or property with no IRI, an ill-formed IRI or language tag, a key that
looks like a keyword, bytes that are not UTF-8, and in RDF output (nquads,
canonical) a literal's @direction. --lenient drops such things as the
JSON-LD algorithms do (and replaces bytes that are not UTF-8 with U+FFFD)
and prints one warning per kind, with where it first happened. A page's
script blocks that are not JSON are each an error with its place; with
--lenient each is skipped with a warning and the page's other blocks read.
--rdf-direction keeps a direction in RDF instead, in one of JSON-LD's two
forms: i18n-datatype ("text"^^<https://www.w3.org/ns/i18n#ar-eg_rtl>) or
compound-literal (a blank node with rdf:value, rdf:language, rdf:direction).

The canonical form (RDFC-1.0) stops with an error where a blank node that
looks like others would need more than 8^F deep comparisons (F =
--max-work-factor, default 2: 64), or 64 times as many copies of issued
labels, rather than running for hours, or out of memory, on a graph built
to make it. The limit is each node's, not the graph's: more copies of a
shape whose nodes already look alike (reviews sharing ratings, rings,
cliques) are refused or converted as one copy is.

Formats (--format): jsonld (default), expanded, flattened, nquads, canonical,
html, turtle, trig, sparql-update; see 'film2ld export --help'. Without
--format, -o's extension (.nq, .jsonld, .html, .ttl, .trig, .ru) names the
format, and a --format that contradicts it is refused, as in export. The
same file given twice (under any spelling, or through a link) is read once.

Examples:
  film2ld convert -f canonical movie.jsonld
  film2ld convert -f jsonld page.html
  film2ld convert --input-format nquads -f jsonld - < film.nq
`

func runConvert(e *env, args []string) int {
	fs := pflag.NewFlagSet("convert", pflag.ContinueOnError)
	var format, input, output, base string
	var allowRemote, allowLocal, lenient bool
	var rdfDirection string
	var maxWork int
	remote := ld.Remote{}
	fs.StringVarP(&format, "format", "f", "jsonld", "output `format`: jsonld, expanded, flattened, nquads, canonical, html, turtle, trig or sparql-update (default: from -o's extension, else jsonld)")
	fs.StringVar(&input, "input-format", "", "read every FILE as `FORMAT`: jsonld, html, nquads, turtle or trig (default: by extension, else content)")
	fs.StringVarP(&output, "output", "o", "-", "write to `FILE` instead of standard output (written whole or not at all)")
	fs.StringVar(&base, "base", "", "resolve relative IRIs against this `IRI` (default: relative IRIs are an error)")
	fs.BoolVar(&allowRemote, "allow-remote", false, "let documents load @context URLs other than schema.org's over the network")
	fs.BoolVar(&allowLocal, "allow-local-contexts", false, "with --allow-remote, also read file: contexts and contexts relative to a local input file")
	fs.BoolVar(&lenient, "lenient", false, "drop what JSON-LD drops (with one warning per kind) and skip a page's blocks that are not JSON, instead of refusing the document")
	fs.StringVar(&rdfDirection, "rdf-direction", "", "keep a literal's @direction in RDF output as `FORM`: i18n-datatype or compound-literal (default: refused)")
	fs.IntVar(&maxWork, "max-work-factor", 2, "canonical form: refuse a graph whose look-alike blank nodes need more than 8^`F` deep comparisons each; -1 means no limit")
	fs.DurationVar(&remote.Timeout, "remote-timeout", 10*time.Second, "with --allow-remote, give up on one context after `DURATION`")
	fs.Int64Var(&remote.MaxBytes, "remote-max-bytes", 8<<20, "with --allow-remote, refuse a context larger than `N` bytes")
	fs.IntVar(&remote.MaxDepth, "remote-max-depth", 16, "with --allow-remote, refuse contexts that include others more than `N` deep")
	fs.IntVar(&remote.MaxContexts, "remote-max-contexts", 256, "with --allow-remote, fetch at most `N` distinct contexts in all")
	if done, status := e.parseFlags(fs, convertUsage, args); done {
		return status
	}
	e.lenient = lenient
	files := fs.Args()
	if len(files) == 0 {
		return e.usageError(fs, "convert needs at least one FILE (or - for standard input)")
	}
	outFormat, err := outputFormat(fs, format, output, false)
	if err != nil {
		return e.usageError(fs, "%v", err)
	}
	var inFormat ld.InputFormat
	if input != "" {
		if inFormat, err = ld.ParseInputFormat(input); err != nil {
			return e.usageError(fs, "--input-format: %v", err)
		}
	}
	if base != "" {
		// Any absolute IRI, a page's own address too: convert resolves
		// against it and, unlike export, mints nothing from it.
		if err := ld.CheckBaseIRI(base); err != nil {
			return e.usageError(fs, "--base: %v", err)
		}
	}
	if err := e.checkInputs(files, output); err != nil {
		return e.usageError(fs, "%v", err)
	}
	if !e.outputWritable(output) {
		return exitError
	}

	if allowLocal && !allowRemote {
		return e.usageError(fs, "--allow-local-contexts needs --allow-remote")
	}
	for _, name := range []string{"remote-timeout", "remote-max-bytes", "remote-max-depth", "remote-max-contexts"} {
		if fs.Changed(name) && !allowRemote {
			return e.usageError(fs, "--%s needs --allow-remote", name)
		}
	}
	if remote.Timeout <= 0 || remote.MaxBytes <= 0 || remote.MaxDepth <= 0 || remote.MaxContexts <= 0 {
		return e.usageError(fs, "the --remote-* limits must be positive")
	}
	switch rdfDirection {
	case "", ld.DirectionI18nDatatype, ld.DirectionCompoundLiteral:
	default:
		return e.usageError(fs, "--rdf-direction: %q is neither %s nor %s", rdfDirection, ld.DirectionI18nDatatype, ld.DirectionCompoundLiteral)
	}
	if maxWork == 0 || maxWork < -1 {
		return e.usageError(fs, "--max-work-factor: want a positive number, or -1 for no limit")
	}
	release, err := e.spoolStdin(files)
	defer release()
	if err != nil {
		e.errorf("%v", err)
		return exitError
	}
	// The input is read and the walks run under export's heap bound;
	// json-gold's general path, whose live heap is far past it, is
	// not bounded (below): the governor would collect at every 30 % of
	// growth, and a 14.6 MB snippet framed took 14 s of CPU instead of 5.
	unbound := boundHeap(inputSize(files) + e.stdinSize())
	defer unbound()
	p := processor()
	if allowRemote || maxWork != 2 {
		remote.AllowFiles = allowLocal
		p = ld.NewProcessor(ld.Config{AllowRemote: allowRemote, Remote: remote, MaxWorkFactor: maxWork})
	}
	// N-Quads inputs go into one compact dataset (files named .nq, .nt or
	// .nquads, and --input-format nquads, a line at a time); the others
	// become JSON-LD documents. inputs keeps the command line's order,
	// which names blank nodes apart when the JSON-LD path joins them.
	type source struct {
		docs []any // the JSON-LD documents; nil for an N-Quads input
		nq   int   // an N-Quads input's index among the dataset's documents
	}
	ds := ld.NewDataset()
	var inputs []source
	nquads := 0
	failed := false
	var read []readFile
	for _, name := range files {
		if first, again := sameAsRead(&read, name); again {
			// Read twice, a file's blank nodes were two copies of each
			// (its reviews, its ratings) with no word (audit 16).
			e.notef("%s is the file %s, given twice; read once", name, first)
			continue
		}
		before := ds.Len()
		// Each input's own: reset after reading alone, they outlived an
		// input refused, and a page refused silenced the next file's
		// warning of what JSON-LD drops (and gave its bytes the page's
		// hint).
		e.straysTold, e.blocksSkipped, e.readAsPage = false, false, false
		got, isNQ, err := e.readLinkedData(p, ds, name, inFormat, lenient, len(files) == 1)
		if err == nil && !isNQ && !e.straysTold {
			err = e.checkStrayValues(got, e.inputDisplay(name), lenient)
		}
		if err == nil && !isNQ && !e.readAsPage {
			e.warnFreeFloating(got, e.inputDisplay(name))
		}
		if path := e.inputPath(name); err == nil && allowLocal && path != "-" {
			// Relative context references of a local file resolve against
			// the file, as JSON-LD resolves them against a document's URL.
			abs, aerr := filepath.Abs(path)
			for _, d := range got {
				if err == nil && aerr == nil {
					err = ld.ResolveContexts(d, (&url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}).String())
				}
			}
			if err != nil {
				err = fmt.Errorf("%s: %w", name, err)
			}
		}
		if err != nil {
			var bad *ld.BadBlocks
			if errors.As(err, &bad) {
				// Every broken block of the page, each with its place.
				for _, pe := range bad.Errs {
					e.errorf("%v", pe)
				}
			} else {
				e.errorf("%v", err)
			}
			if isURLArg(name, err) {
				e.hint("%s", urlFix)
			}
			e.pageEncodingHint(name, err)
			e.convertHint(err)
			e.filmDocumentHint(name, "convert", err)
			failed = true
			continue
		}
		if !isNQ && len(got) == 0 && !e.blocksSkipped {
			e.warnNoBlocks(name)
		}
		e.blocksSkipped, e.readAsPage = false, false
		if isNQ && ds.Len() == before {
			// An empty file or standard input (read as N-Quads) made an
			// empty graph with exit status 0 and no word.
			e.warnf("%s holds no statement: its graph is empty", e.inputDisplay(name))
		}
		if isNQ {
			inputs = append(inputs, source{nq: nquads})
			nquads++
		} else {
			inputs = append(inputs, source{docs: got})
		}
	}
	release() // read: a copy of standard input is not needed to write
	if failed {
		return exitError
	}
	if compactFormat(outFormat) && nquads == len(inputs) && ds.RDFNeedsJSONLD() == nil {
		return e.writeCompact(p, ds, outFormat, output, files)
	}
	if !compactFormat(outFormat) && nquads == len(inputs) && base == "" {
		if status, done := e.writeDatasetJSON(p, ds, outFormat, output, files, lenient, rdfDirection); done {
			return status
		}
	}
	// With --lenient too: the walk takes only a document from which
	// leniency drops nothing, so its bytes are the lenient path's, with
	// no warning to give (ld's TestWriteWalkedLenient); a 32 MB @graph of
	// small nodes took 1.95 GB through json-gold under --lenient.
	if len(inputs) == 1 && len(inputs[0].docs) == 1 && base == "" && rdfDirection == "" {
		if status, done := e.writeWalked(p, inputs[0].docs[0], outFormat, output, files); done {
			return status
		}
	}
	unbound()
	var nqDocs []any
	if nquads > 0 {
		var err error
		if nqDocs, err = ds.Documents(); err != nil {
			e.errorf("%v", err)
			e.convertHint(err)
			return exitError
		}
	}
	var docs []any
	for _, in := range inputs {
		if in.docs == nil {
			docs = append(docs, nqDocs[in.nq])
		} else {
			docs = append(docs, in.docs...)
		}
	}
	opts := ld.Options{Base: base, RDFDirection: rdfDirection}
	if lenient {
		opts.Lenient = &ld.Dropped{}
		defer func() {
			for _, d := range opts.Lenient.Drops() {
				e.warnf("%s: %s", strings.Join(files, ", "), d)
			}
		}()
	}
	// One document goes to Write as it is: Write expands it as Union
	// would (ld's TestWriteOfOneDocumentNeedsNoUnion), and Union's
	// expanded copy, nine times the decoded JSON, was held beside Write's
	// work: 105 MB of a 14.6 MB web snippet's 345 MB live peak. Not with
	// --lenient, whose drops can leave what a second expansion drops.
	var doc any
	if len(docs) == 1 && !lenient {
		doc = docs[0]
	} else {
		u, err := p.Union(docs, opts)
		if err != nil {
			e.conversionError(files, err)
			return exitError
		}
		doc = u
	}
	var out bytes.Buffer
	if err := p.Write(&out, doc, outFormat, opts); err != nil {
		e.conversionError(files, err)
		return exitError
	}
	if err := e.writeOutput(output, out.Bytes()); err != nil {
		e.errorf("%v", err)
		return exitError
	}
	return exitOK
}

// checkStrayValues says what JSON-LD drops without a word at the top of
// the decoded documents of one input: values that are not nodes
// (numbers, strings, booleans, nulls) and objects with nothing in them.
// Beside nodes they are an error naming the first (--lenient: left out,
// with a warning), as --help says of anything JSON-LD would silently
// drop; a document of nothing else is a warning, its graph empty as the
// array [] gives (validate says the same of both). convert wrote either
// in silence, exit 0 (audit 20). A document whose first node expansion
// refuses (terms, no @context) is left to that error, which reading it
// as it goes gives first.
func (e *env) checkStrayValues(docs []any, display string, lenient bool) error {
	for _, d := range docs {
		first, stray, nodes := strayTopValues(d)
		if stray == 0 || ld.FirstNodeRefusal(d) != nil {
			continue
		}
		if err := e.strayVerdict(ld.Strays{First: first, Count: stray, Nodes: nodes}, display, 0, lenient); err != nil {
			return err
		}
	}
	return nil
}

// strayVerdict says what checkStrayValues says of a document whose top
// level holds s (s.Count above 0, not s.Refused): a warning, or with
// nodes beside them and without lenient the error it returns. The
// whole document's check and the scan of its text (ld.ScanStrays) say
// it alike. For a page (block, the line of the block that holds the
// first, above 0; see pageStrays) s counts what the page's blocks hold,
// s.First points in that block, and the message is placed at its line.
func (e *env) strayVerdict(s ld.Strays, display string, block int, lenient bool) error {
	stray, first, nodes := s.Count, s.First, s.Nodes
	are := "are"
	if stray == 1 {
		are = "is"
	}
	holds := "the document's top level holds"
	if block > 0 {
		display = fmt.Sprintf("%s:%d", display, block)
		holds = "the page's JSON-LD blocks hold at their top level"
	}
	switch what := fmt.Sprintf("%d %s that %s no node (a value, or an object with nothing in it; the first at %s)", stray, plural(stray, "item"), are, strayPlace(first, block)); {
	case nodes == 0 && block > 0:
		e.warnf("%s: the page holds no node, only %s, which JSON-LD drops: its graph is empty", display, what)
	case nodes == 0:
		e.warnf("%s: %s", display, onlyValues(stray, first))
	case lenient:
		e.warnf("%s: beside its nodes, %s %s, which JSON-LD drops; left out", display, holds, what)
	default:
		return fmt.Errorf("%s: beside its nodes, %s %s, which JSON-LD would drop without a word (--lenient leaves them out)", display, holds, what)
	}
	return nil
}

// strayPlace says where the first stray item is: its JSON Pointer, in
// the JSON-LD block that starts on line block of a page (0: a document).
func strayPlace(first string, block int) string {
	if block == 0 {
		return pointerName(first)
	}
	if first == "" {
		// The block itself: "its top of the JSON-LD block" named
		// nothing a reader could find.
		return fmt.Sprintf("the top of the JSON-LD block starting on line %d", block)
	}
	return fmt.Sprintf("%s of the JSON-LD block starting on line %d", first, block)
}

// pageStrays is what JSON-LD drops at the top of a page's blocks, each
// read as the document it is (its array, or its "@graph"): the count and
// the nodes of them all, the first's pointer in its own block, and that
// block's line. Counted in the one document the blocks make (see
// ld.PageDocument), the first's pointer counted the items of the blocks
// before it (/2 for a block's second item), and an object with nothing
// in it in a later block's "@graph" was dropped without a word.
func pageStrays(blocks []ld.Block) (s ld.Strays, line int) {
	for _, b := range blocks {
		first, stray, nodes := strayTopValues(b.Doc)
		if stray > 0 && s.Count == 0 {
			s.First, line = first, b.Line
		}
		s.Count += stray
		s.Nodes += nodes
	}
	return s, line
}

// leaveStraysOut is whether convert tells and leaves out what a JSON-LD
// document's top level drops as it reads the text (readLeavingOut,
// largeStrays): tests turn it off to compare with the check of the whole
// decoded document (checkStrayValues).
var leaveStraysOut = true

// readLeavingOut reads a JSON-LD document that data holds, as Read does,
// and when its top level holds what JSON-LD drops (ld.ScanStrays, the
// text read as it goes) says so as checkStrayValues does and leaves it
// out (ld.ReadLeavingOut): a 2 MB "@graph" of {} took 137–164 MB, decoded
// and then expanded item by item to nothing, and 198 MB took 15 GB.
// It sets e.straysTold when the document was so told.
func (e *env) readLeavingOut(p *ld.Processor, data []byte, display string, lenient bool) ([]any, error) {
	if !leaveStraysOut {
		return p.Read(bytes.NewReader(data), display, ld.InputJSONLD)
	}
	s, ok := ld.ScanStrays(bytes.NewReader(data))
	if !ok || s.Count == 0 || s.Refused {
		return p.Read(bytes.NewReader(data), display, ld.InputJSONLD)
	}
	// Read first: an error of the text (a key written twice) comes
	// before what its top level holds, as when it is read whole.
	docs, err := p.ReadLeavingOut(bytes.NewReader(data), display)
	if err != nil {
		return nil, err
	}
	e.straysTold = true
	if err := e.strayVerdict(s, display, 0, lenient); err != nil {
		return nil, err
	}
	return docs, nil
}

// largeStrays reads a large JSON-LD input (over bigDocument) that
// refusedJSON passed and whose top level holds what JSON-LD drops beside
// no node, or beside nodes (then refused), as it goes (ld.ScanStrays,
// ld.DecodeLeavingOut): done is false for any other input, which is
// read whole. Neither the text nor what is left out is held: 198 MB of
// a "@graph" of {} took 15 GB, decoded whole, to be told so. Without
// --lenient only: with it, bytes are replaced, and the input is read
// whole (readLeavingOut).
func (e *env) largeStrays(name string, format ld.InputFormat) (docs []any, done bool, err error) {
	if !leaveStraysOut {
		return nil, false, nil
	}
	f, _ := e.largeInput(name, format, ld.InputJSONLD)
	if f == nil {
		return nil, false, nil
	}
	defer f.Close()
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return nil, false, nil
	}
	s, ok := ld.ScanStrays(f)
	if !ok || s.Count == 0 || s.Refused {
		return nil, false, nil
	}
	display := e.inputDisplay(name)
	if s.Nodes > 0 {
		e.straysTold = true
		return nil, true, e.strayVerdict(s, display, 0, false)
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return nil, false, nil
	}
	doc, err := ld.DecodeLeavingOut(f)
	if err != nil {
		return nil, false, nil // read whole, for its error
	}
	e.straysTold = true
	e.strayVerdict(s, display, 0, false) // a warning
	return []any{doc}, true, nil
}

// onlyValues is the warning for a document that holds nothing but what
// JSON-LD drops, the first at the JSON Pointer first: said alike when the
// document is read whole and when its array is scanned as it is read.
func onlyValues(n int, first string) string {
	are := "are"
	if n == 1 {
		are = "is"
	}
	return fmt.Sprintf("the document holds no node, only %d %s that %s no node (a value, or an object with nothing in it; the first at %s), which JSON-LD drops: its graph is empty", n, plural(n, "item"), are, pointerName(first))
}

// strayTopValues counts the items at the top of a decoded JSON-LD
// document (its array, or its "@graph") that JSON-LD drops: values that
// are not nodes, and objects with no key but @context. first is the JSON
// Pointer of the first; nodes counts the other items.
func strayTopValues(doc any) (first string, stray, nodes int) {
	var count func(items []any, at string)
	count = func(items []any, at string) {
		for i, it := range items {
			switch it := it.(type) {
			case []any:
				// JSON-LD flattens an array in an array: its items
				// are top-level items too.
				count(it, fmt.Sprintf("%s/%d", at, i))
				continue
			case map[string]any:
				if len(it) > 1 || len(it) == 1 && it["@context"] == nil {
					nodes++
					continue
				}
			}
			if stray == 0 {
				first = fmt.Sprintf("%s/%d", at, i)
			}
			stray++
		}
	}
	switch d := doc.(type) {
	case []any:
		count(d, "")
	case map[string]any:
		g, ok := d["@graph"].([]any)
		if !ok {
			count([]any{d}, "")
			first = strings.TrimPrefix(first, "/0")
			break
		}
		count(g, "/@graph")
		for k := range d {
			if k != "@context" && k != "@graph" {
				nodes++ // the object is a node of its own, its graph named
				break
			}
		}
	default:
		count([]any{d}, "")
		first = strings.TrimPrefix(first, "/0")
	}
	return first, stray, nodes
}

// pointerName says where a JSON Pointer points: "its top" for "".
func pointerName(p string) string {
	if p == "" {
		return "its top"
	}
	return p
}

// readLinkedData reads one input: N-Quads into ds (isNQ set), any other
// form into its JSON-LD documents. An input known to be N-Quads by
// --input-format or its name is read a line at a time, never whole. With
// lenient, bytes that are not UTF-8 are replaced with U+FFFD and counted in
// a warning; without it they are an error naming their offset, since a
// silent replacement would change the data.
func (e *env) readLinkedData(p *ld.Processor, ds *ld.Dataset, name string, f ld.InputFormat, lenient, alone bool) (docs []any, isNQ bool, err error) {
	if f == 0 {
		f = ld.InputByName(name)
	}
	if err := e.refusedUTF16(name, f); err != nil {
		// --lenient too: no U+FFFD would make it UTF-8.
		return nil, false, err
	}
	if !lenient {
		err := e.refusedNQuads(name, f, func(r io.Reader) error {
			_, err := ld.NewDataset().ReadNQuads(r, e.inputDisplay(name), false)
			return err
		})
		if err != nil {
			return nil, true, err
		}
		if err := e.refusedTurtle(name, f); err != nil {
			return nil, false, err
		}
		empty, values, err := e.refusedJSON(name, f, alone)
		if err != nil {
			return nil, false, err
		}
		if empty {
			// Expansion drops every value of the array: it is read as []
			// is, not decoded, and said, as the whole reading says it
			// (checkStrayValues).
			if values > 0 {
				e.warnf("%s: %s", e.inputDisplay(name), onlyValues(values, "/0"))
			}
			docs, err = p.Read(strings.NewReader("[]"), name, ld.InputJSONLD)
			return docs, false, err
		}
		if docs, done, err := e.largeStrays(name, f); done {
			return docs, false, err
		}
	}
	if f == ld.InputNQuads {
		r, display, err := e.openInput(name)
		if err != nil {
			return nil, true, err
		}
		defer r.Close()
		n, err := ds.ReadNQuads(r, display, lenient)
		first, _ := ds.FirstReplaced()
		e.warnReplaced(display, n, first)
		return nil, true, err
	}
	if !lenient && (f == ld.InputHTML || f == 0 && e.isLargePage(name)) {
		// A page is read as it goes (ld.ScriptTexts): only its JSON-LD
		// blocks are held, so a 200 MB page of junk no longer costs its
		// size twice (221 MB).
		r, display, err := e.openPage(name)
		if err != nil {
			return nil, false, err
		}
		defer r.Close()
		docs, err = e.readPage(r, display, false)
		return docs, false, err
	}
	if f == 0 && !lenient {
		f = e.formPastComments(name)
		if f == ld.InputNQuads {
			// Nothing but comments, read as the N-Quads they are.
			r, display, err := e.openInput(name)
			if err != nil {
				return nil, true, err
			}
			defer r.Close()
			_, err = ds.ReadNQuads(r, display, false)
			return nil, true, err
		}
	}
	if tf := e.turtleForm(name, f); !lenient && tf != 0 {
		docs, err = e.readTurtle(p, ds, name, tf)
		return docs, docs == nil && err == nil, err
	}
	data, display, err := e.readInput(name)
	if err != nil {
		return nil, false, err
	}
	if lenient {
		var first diag.Position
		var pe *diag.PosError
		if errors.As(ld.CheckUTF8(data, display), &pe) {
			first = pe.Pos
		}
		var n int
		data, n = ld.ReplaceInvalidUTF8(data)
		e.warnReplaced(display, n, first)
	}
	if f == 0 {
		f = ld.DetectInput(e.inputPath(name), data)
	}
	if lenient && (f == ld.InputJSONLD || f == ld.InputHTML) {
		var n int
		data, n = ld.ReplaceUnpairedSurrogates(data)
		if n > 0 {
			e.warnf("%s: %d unpaired UTF-16 surrogate %s, read as U+FFFD", display, n, plural(n, "escape"))
		}
	}
	if f == ld.InputNQuads {
		_, err := ds.ReadNQuads(bytes.NewReader(data), display, false)
		return nil, true, err
	}
	if f == ld.InputTurtle || f == ld.InputTriG {
		// Turtle's statements join the N-Quads in the compact dataset
		// as they are parsed, read as their N-Quads lines would be (the
		// same bytes out: TestReadQuadsMatchesJSONLDPath), where they
		// went through JSON-LD: 16 MB of Turtle to N-Quads took
		// 634-808 MB and 8-10 s. Statements the N-Quads reader would
		// refuse take that way still, with its errors.
		if ok, err := ds.ReadTurtle(string(data), display, f == ld.InputTriG); ok || err != nil {
			return nil, ok, err
		}
		quads, err := ld.ReadTurtle(bytes.NewReader(data), display, f == ld.InputTriG)
		if err != nil {
			return nil, false, err
		}
		doc, err := p.FromQuads(quads, display)
		if err != nil {
			return nil, false, err
		}
		return []any{doc}, false, nil
	}
	if f == ld.InputHTML {
		docs, err = e.readPage(bytes.NewReader(data), display, lenient)
		return docs, false, err
	}
	if f == ld.InputJSONLD {
		docs, err = e.readLeavingOut(p, data, display, lenient)
		return docs, false, err
	}
	docs, err = p.Read(bytes.NewReader(data), display, f)
	return docs, false, err
}

// turtleForm returns the form of an input that is Turtle or TriG, by
// --input-format or its name (f) or, for standard input and a file
// without an extension, by its content (formPastComments); else 0. Such
// an input is read as it goes (readTurtle), read twice at most, so it
// must be one that can be: a file, or standard input as spoolStdin
// readied it.
func (e *env) turtleForm(name string, f ld.InputFormat) ld.InputFormat {
	if !e.reopenable(name) {
		return 0
	}
	if f == 0 {
		f = e.formPastComments(name)
	}
	if f == ld.InputTurtle || f == ld.InputTriG {
		return f
	}
	return 0
}

// reopenable reports whether the input name can be opened again: a file,
// or standard input as spoolStdin readied it.
func (e *env) reopenable(name string) bool {
	return name != "-" || e.stdinHeld != nil || e.stdinHead != nil || e.stdinSpool != ""
}

// formPastComments tells the form of an input that --input-format and
// its name do not tell, as ld.DetectInput tells it from the whole input,
// but reading its comment lines as it goes: TriG (which reads Turtle) when
// a directive follows them, N-Quads when nothing but comments and white
// space is there; 0 for any other, which is then read whole and told as
// before, and for an input that cannot be read twice. 200 MB of comments
// on standard input were held whole (212 MB redirected, 430 MB piped)
// to be told.
func (e *env) formPastComments(name string) ld.InputFormat {
	if f := ld.InputByName(e.inputPath(name)); f != 0 {
		return f // standard input standing for a named pipe
	}
	if !e.reopenable(name) || ld.UTF16Text(e.inputHead(name, 1024)) != nil {
		return 0
	}
	r, _, err := e.openInput(name)
	if err != nil {
		return 0
	}
	defer r.Close()
	br := bufio.NewReaderSize(r, 64<<10)
	if head, _ := br.Peek(3); bytes.Equal(head, []byte("\xef\xbb\xbf")) {
		br.Discard(3)
	}
	for {
		c, err := br.ReadByte()
		switch {
		case err == io.EOF:
			return ld.InputNQuads
		case err != nil:
			return 0
		case c == ' ' || c == '\t' || c == '\r' || c == '\n':
		case c == '#':
			// To the line's end, LF or CR.
			for {
				c, err := br.ReadByte()
				if err == io.EOF {
					return ld.InputNQuads
				} else if err != nil {
					return 0
				}
				if c == '\n' || c == '\r' {
					break
				}
			}
		default:
			br.UnreadByte()
			// Enough for a directive and the character after it.
			head, _ := br.Peek(64)
			if f := ld.DetectInput("", head); f == ld.InputTriG {
				return f
			}
			return 0
		}
	}
}

// readTurtle reads a Turtle or TriG input into ds as it goes
// (ld.Dataset.ReadTurtleFrom), and returns nil; or, when ds refuses a
// statement the N-Quads reader would refuse, reads it again into a JSON-LD
// document (ld.ReadTurtle) and returns that, as it was read whole before:
// 200 MB of comments, or of one @prefix said again and again, took
// 0.4–0.8 GB to hold, 5–17 s, for a graph of nothing.
func (e *env) readTurtle(p *ld.Processor, ds *ld.Dataset, name string, f ld.InputFormat) ([]any, error) {
	r, display, err := e.openInput(name)
	if err != nil {
		return nil, err
	}
	ok, err := ds.ReadTurtleFrom(r, display, f == ld.InputTriG)
	r.Close()
	if ok || err != nil {
		return nil, err
	}
	if r, display, err = e.openInput(name); err != nil {
		return nil, err
	}
	defer r.Close()
	quads, err := ld.ReadTurtle(r, display, f == ld.InputTriG)
	if err != nil {
		return nil, err
	}
	doc, err := p.FromQuads(quads, display)
	if err != nil {
		return nil, err
	}
	return []any{doc}, nil
}

// readPage reads a page's JSON-LD blocks. A block that is not JSON is an
// error (all such blocks, as one *ld.BadBlocks), or with lenient skipped
// with a warning naming it (a CMS's stray comma); a block read inside a
// wrapper (an HTML comment, a CDATA section) is read with a warning.
func (e *env) readPage(r io.Reader, display string, lenient bool) ([]any, error) {
	e.readAsPage = true
	blocks, bad, err := ld.ExtractHTMLBlocks(r, display)
	switch {
	case err != nil:
		return nil, err
	case !lenient && len(bad) == 1:
		return nil, bad[0]
	case !lenient && len(bad) > 1:
		return nil, &ld.BadBlocks{Errs: bad}
	}
	for _, pe := range bad {
		e.warnf("%v (block skipped)", pe)
	}
	// The page had blocks, each skipped and so warned of: not a page
	// without one, as a warning said of it.
	e.blocksSkipped = len(bad) > 0
	for _, b := range blocks {
		if b.Wrapper != "" {
			e.warnf("%s:%d: the JSON-LD block is wrapped in %s, which JSON-LD does not allow; read inside it (remove the wrapper)", display, b.Line, b.Wrapper)
		}
		// Each block by its line: one of the page's array as it is
		// alone.
		e.warnFreeFloating([]any{b.Doc}, fmt.Sprintf("%s:%d", display, b.Line))
	}
	if len(blocks) == 0 {
		return []any{}, nil // not nil, which is an N-Quads input's
	}
	// One document of the page's blocks, as jsonld.js reads a page.
	doc := ld.PageDocument(blocks)
	// What its top level drops is told block by block (pageStrays),
	// unless expansion refuses its first node, which is then its error
	// (see checkStrayValues).
	if s, line := pageStrays(blocks); s.Count > 0 && ld.FirstNodeRefusal(doc) == nil {
		e.straysTold = true
		if err := e.strayVerdict(s, display, line, lenient); err != nil {
			return nil, err
		}
	}
	return []any{doc}, nil
}

// warnReplaced tells how many bytes --lenient replaced in an input, and
// where the first one was.
func (e *env) warnReplaced(display string, n int, first diag.Position) {
	if n == 0 {
		return
	}
	where := ""
	if first.Line > 0 {
		where = " (the first at " + first.String() + ")"
	}
	e.warnf("%s: %d %s not UTF-8, replaced with U+FFFD%s", display, n, plural(n, "byte"), where)
}

// writeCompact writes N-Quads inputs read into ds in an RDF format (sorted
// or canonical N-Quads, Turtle, TriG, SPARQL Update) without going through
// JSON-LD: the same bytes (see ld.Dataset), at a small multiple of the
// input's size in memory.
func (e *env) writeCompact(p *ld.Processor, ds *ld.Dataset, f ld.Format, path string, files []string) int {
	out, err := output.Create(path, e.stdout)
	if err != nil {
		e.errorf("%v", err)
		return exitError
	}
	if f == ld.FormatCanonical {
		err = p.WriteCanonical(out, ds)
	} else {
		err = ds.WriteRDF(out, f)
	}
	return e.finishOutput(out, err, files)
}

// finishOutput keeps what was written to out, or on err (the output's
// own, or the conversion's of files) throws it away and reports it.
func (e *env) finishOutput(out *output.File, err error, files []string) int {
	var oerr *output.Error
	switch {
	case errors.As(err, &oerr):
		out.Abort()
		e.errorf("%v", oerr)
		return exitError
	case err != nil:
		out.Abort()
		e.conversionError(files, err)
		return exitError
	}
	if err := out.Commit(); err != nil {
		e.errorf("%v", err)
		return exitError
	}
	return exitOK
}

// conversionError reports err, the conversion's of files, with the hint
// that lifts it. An error the input check places at a value (an
// ld.InputPathError) of a JSON-LD file given alone is placed at that
// value's line and column, shown under it: such errors named a JSON
// Pointer ("/@graph/3/duration") and no line, where syntax errors have
// one.
func (e *env) conversionError(files []string, err error) {
	if pe := placeInputError(files, err); pe != nil {
		e.errorf("%v", pe)
	} else {
		names := make([]string, len(files))
		for i, f := range files {
			names[i] = e.inputDisplay(f)
		}
		e.errorf("%s: %v", strings.Join(names, ", "), err)
	}
	e.convertHint(err)
}

// placeInputError returns err at its value's place in the JSON-LD files
// or pages of files, each read again (the error path only, and a file no
// larger than bigDocument), or nil where it cannot be placed: an error of
// the input check at the value it names, an error of json-gold's
// expansion about one value (a language-tagged number, an @id that is no
// string) at the first such value (ld.ExpansionErrorPointer), an error
// of the RDF check (a relative or ill-formed IRI, a language tag) at the
// first value of its property that it names (ld.NodeError.Offset); in a
// page, in the first of its blocks that holds it. Of several files, an
// RDF check's error is placed in the first that holds its value, the
// most telling way of finding it first (ld.NodeError.Finders); the
// others only where one file alone holds the place they name (a JSON
// Pointer such as /aggregateRating/ratingValue may stand in every file).
func placeInputError(files []string, err error) *diag.PosError {
	var ie *ld.InputPathError
	var ne *ld.NodeError
	isInput := errors.As(err, &ie)
	isNode := !isInput && errors.As(err, &ne) && ne.Value != ""
	if !isInput && !isNode && !errors.Is(err, ld.ErrInvalidInput) {
		return nil
	}
	if isNode {
		for _, find := range ne.Finders() {
			for _, file := range files {
				if pe := placeIn(file, find, err); pe != nil {
					return pe
				}
			}
		}
		return nil
	}
	find := func(text []byte) (int, bool) {
		if isInput {
			return ld.PointerOffset(text, ie.Pointer)
		}
		return ld.ExpansionErrorOffset(text, err)
	}
	var placed *diag.PosError
	for _, file := range files {
		switch pe := placeIn(file, find, err); {
		case pe == nil:
			continue
		case placed != nil:
			return nil // in two files: which one is not known
		default:
			placed = pe
		}
	}
	return placed
}

// placeIn returns err at the offset find gives in file, read again, or
// in the first of its blocks where find gives one when it is a page; nil
// where file is standard input, not a regular file, over bigDocument or
// does not hold the place.
func placeIn(file string, find func(text []byte) (int, bool), err error) *diag.PosError {
	if file == "-" {
		return nil
	}
	if st, serr := os.Stat(file); serr != nil || !st.Mode().IsRegular() || st.Size() > int64(bigDocument) {
		return nil
	}
	data, rerr := os.ReadFile(file)
	if rerr != nil {
		return nil
	}
	page := diag.NewIndex(data)
	if ld.DetectInput(file, data) == ld.InputHTML {
		blocks, berr := ld.ScriptTexts(bytes.NewReader(data), file)
		if berr != nil {
			return nil
		}
		for _, st := range blocks {
			off, ok := find(st.Text)
			if !ok {
				// A block in a comment or CDATA wrapper is read inside
				// it; the wrapper blanked out keeps every byte's place
				// (Letterboxd's blocks lost their errors' places).
				if inner, _ := ld.UnwrapBlock(st.Text); inner != nil {
					off, ok = find(inner)
				}
			}
			if !ok {
				continue
			}
			// Placed in the block, then where the block stands.
			pos := diag.NewIndex(st.Text).Position(file, off)
			if pos.Line == 1 {
				pos.Col += st.TextChars
			}
			pos.Line += st.TextLine - 1
			return &diag.PosError{Pos: pos, Source: page.Line(pos.Line), Err: err}
		}
		return nil
	}
	off, ok := find(data)
	if !ok {
		return nil
	}
	pos := page.Position(file, off)
	return &diag.PosError{Pos: pos, Source: page.Line(pos.Line), Err: err}
}

// writeWalked writes one JSON-LD document in an RDF format, or as
// expanded or flattened JSON-LD, by the direct walk
// (ld.Processor.WriteWalked), streamed to the output: the general
// path's bytes, at a few times the input's size rather than 38. done is
// false, with nothing written, where the walk declines the document: the
// general path then gives the output, or the error. Compact JSON-LD may
// decline part way (a document with no root, compacted a node at a
// time), so standard output, a device or a pipe, which would see what
// was written, get it whole at the end.
func (e *env) writeWalked(p *ld.Processor, doc any, f ld.Format, path string, files []string) (status int, done bool) {
	out, err := output.Create(path, e.stdout)
	if err != nil {
		e.errorf("%v", err)
		return exitError, true
	}
	var w io.Writer = out
	var held *heldOutput
	if !out.Replaces() && (f == ld.FormatJSONLD || f == ld.FormatHTML) {
		held = &heldOutput{}
		w = held
	}
	walked, err := p.WriteWalked(w, doc, f, ld.Options{})
	if !walked {
		out.Abort()
		return 0, false
	}
	if held != nil && err == nil {
		_, err = held.WriteTo(out)
	}
	return e.finishOutput(out, err, files), true
}

// writeDatasetJSON writes N-Quads inputs read into ds as JSON-LD (f is
// FormatJSONLD, FormatHTML, FormatExpanded or FormatFlattened) a node at
// a time (ld.Processor.WriteJSONLD): the general path's bytes, at a small
// multiple of the input's size in memory rather than 27–39 times it. done is false, with nothing written,
// where WriteJSONLD declines: the general path then gives the output, or
// the error. Standard output, a device or a pipe, which would see what
// was written before a refusal, get the whole output at the end.
func (e *env) writeDatasetJSON(p *ld.Processor, ds *ld.Dataset, f ld.Format, path string, files []string, lenient bool, rdfDirection string) (status int, done bool) {
	if ds.NeedsJSONLD() != nil {
		return 0, false
	}
	out, err := output.Create(path, e.stdout)
	if err != nil {
		e.errorf("%v", err)
		return exitError, true
	}
	opts := ld.Options{RDFDirection: rdfDirection}
	if lenient {
		opts.Lenient = &ld.Dropped{}
	}
	var w io.Writer = out
	var held *heldOutput
	if !out.Replaces() {
		held = &heldOutput{}
		w = held
	}
	err = p.WriteJSONLD(w, ds, f, opts)
	if held != nil && err == nil {
		_, err = held.WriteTo(out)
	}
	var oerr *output.Error
	switch {
	case errors.Is(err, ld.ErrNeedsJSONLD):
		out.Abort()
		return 0, false
	case errors.As(err, &oerr):
		out.Abort()
		e.errorf("%v", oerr)
		return exitError, true
	case err != nil:
		out.Abort()
		e.conversionError(files, err)
		return exitError, true
	}
	if err := out.Commit(); err != nil {
		e.errorf("%v", err)
		return exitError, true
	}
	if lenient {
		for _, d := range opts.Lenient.Drops() {
			e.warnf("%s: %s", strings.Join(files, ", "), d)
		}
	}
	return exitOK, true
}

// compactFormat reports whether N-Quads inputs are written in format f
// from their compact dataset (writeCompact) rather than through JSON-LD:
// the RDF formats are, JSON-LD ones are not.
func compactFormat(f ld.Format) bool { return rdfFormat(f) }

// rdfFormat reports whether f is one of the RDF formats (N-Quads,
// canonical N-Quads, Turtle, TriG, SPARQL Update), not JSON-LD.
func rdfFormat(f ld.Format) bool {
	switch f {
	case ld.FormatNQuads, ld.FormatCanonical, ld.FormatTurtle, ld.FormatTriG, ld.FormatSPARQLUpdate:
		return true
	}
	return false
}

// filmDocumentHint follows err, a syntax error reading name as linked
// data by command (convert, load), when name is a film document by its
// name: film2ld convert page.txt is export's job.
func (e *env) filmDocumentHint(name, command string, err error) {
	if path := e.inputPath(name); path != "-" && pipeline.IsDocumentName(path) && (errors.Is(err, ld.ErrSyntax) || errors.Is(err, mapping.ErrBinary)) {
		e.hint("%s is a film document by its name; 'film2ld export %s' maps it to the linked data %s reads", path, path, command)
	}
}

// warnNoBlocks warns that the page name gave no JSON-LD document: it has
// no block, and convert wrote nothing of it without a word. A page whose
// data is Microdata or RDFa, which film2ld does not read, is told so.
func (e *env) warnNoBlocks(name string) {
	display := name
	var other ld.Markup
	if name == "-" {
		display = e.stdinDisplay()
	} else if f, err := os.Open(name); err == nil {
		// Decoded as the page was read: read as UTF-8, a UTF-16 page's
		// attributes were not found, and 200 MB of it took 83 MB.
		br := bufio.NewReaderSize(f, 64<<10)
		head, _ := br.Peek(prescanHead)
		other = ld.OtherMarkup(ld.DecodeHTMLReader(br, ld.DeclaredEncoding(head), name))
		f.Close()
	}
	msg := fmt.Sprintf(`%s: no <script type="application/ld+json"> block; nothing read from it`, display)
	if other.Syntax != "" {
		msg += fmt.Sprintf(" (its data is %s, %s on line %d, which film2ld does not read: publish it as JSON-LD)", other.Syntax, other.Attr, other.Line)
	}
	e.warnf("%s", msg)
}

// undeclaredEncodingFix is what puts right an HTML page refused for a
// byte that is not UTF-8: such a page declares no other encoding
// (ld.DeclaredEncoding), and film2ld does not guess one.
const undeclaredEncodingFix = "the page declares no encoding, so film2ld reads it as UTF-8 (it does not guess one): save it as UTF-8, or declare the encoding it is saved in with a <meta charset=\"…\"> in its first 1024 bytes"

// pageEncodingFix is what puts right the HTML page input name, refused
// for a byte that is not UTF-8: undeclaredEncodingFix, unless the page
// declares UTF-8, which its bytes then contradict. Standard input is
// told by the head its reading held.
func (e *env) pageEncodingFix(name string) string {
	switch {
	case name != "-":
		return pageEncodingFix(e.inputPath(name))
	case e.stdinSpool != "":
		return pageEncodingFix(e.stdinSpool) // the file redirected, or the copy
	}
	// What standard input's reading held of it: its head.
	head := e.stdinHeld
	if head == nil {
		head = e.stdinHead
	}
	return pageEncodingFixOf(head[:min(len(head), 1024)])
}

// pageEncodingFix is the fix for the page in the file name refused for a
// byte that is not UTF-8, told by its first 1024 bytes
// (pageEncodingFixOf).
func pageEncodingFix(name string) string {
	f, err := os.Open(name)
	if err != nil {
		return undeclaredEncodingFix
	}
	defer f.Close()
	head := make([]byte, 1024)
	n, _ := io.ReadFull(f, head)
	return pageEncodingFixOf(head[:n])
}

// pageEncodingFixOf is the fix for a page beginning with head: one that
// declares UTF-8 holds a byte that is not, one that declares nothing is
// read as UTF-8.
func pageEncodingFixOf(head []byte) string {
	if by := ld.DeclaredUTF8(head); by != "" {
		return "the page declares UTF-8 (" + by + ") but holds a byte that is not UTF-8: save it as UTF-8, or declare the encoding it is saved in instead"
	}
	return undeclaredEncodingFix
}

// pageEncodingHint follows the error of an HTML page refused for a byte
// that is not UTF-8 with pageEncodingFix.
func (e *env) pageEncodingHint(name string, err error) {
	if errors.Is(err, ld.ErrInvalidUTF8) && (ld.InputByName(e.inputPath(name)) == ld.InputHTML || e.readAsPage) {
		// A page on standard input got no hint (audit 20, F8).
		e.hint("%s", e.pageEncodingFix(name))
	}
}

// convertHint suggests the flag that lifts a refusal.
func (e *env) convertHint(err error) {
	msg := err.Error()
	switch {
	case errors.Is(err, ld.ErrRemoteContext) && strings.Contains(msg, "relative context reference"):
		e.hint("pass --allow-local-contexts too, to read it beside the input file")
	case errors.Is(err, ld.ErrRemoteContext):
		e.hint("pass --allow-remote to let film2ld fetch it")
	case strings.Contains(msg, "loading remote context failed") && !errors.Is(err, ld.ErrContextLimit):
		// Fetched and not had (404, not JSON, a timeout): --lenient,
		// the hint of other invalid input, changes nothing here.
		e.hint("check the context's URL; a copy saved as a file is read with --allow-remote --allow-local-contexts")
	case errors.Is(err, ld.ErrRelativeIRI):
		e.hint("pass --base IRI to resolve relative IRIs against it")
	case errors.Is(err, ld.ErrInvalidLiteral) && strings.Contains(msg, "cannot be kept in RDF without an rdfDirection"):
		e.hint("pass --rdf-direction i18n-datatype (or compound-literal) to keep the direction, or --lenient to drop it")
	case errors.Is(err, ld.ErrWorkLimit):
		e.hint("pass a higher --max-work-factor if the graph is trusted (each step multiplies the work allowed a blank node by 8)")
	case errors.Is(err, ld.ErrContextLimit):
		e.hint("the --remote-* flags set the limits")
	case e.lenient, errors.Is(err, ld.ErrNoDouble):
		// Given already: what it could drop, it did. A number no double
		// holds is refused under --lenient too; its message says how to
		// keep it.
	case (errors.Is(err, ld.ErrInvalidIRI) || errors.Is(err, ld.ErrInvalidLanguage) || errors.Is(err, ld.ErrInvalidInput)) && !isPosError(err):
		// Not for a term an RDF reader refused at its place (N-Quads,
		// Turtle): --lenient drops only what JSON-LD would drop.
		e.hint("pass --lenient to drop what JSON-LD would drop, with a warning")
	case errors.Is(err, ld.ErrInvalidUTF8) && !errors.Is(err, ld.ErrUTF16):
		e.hint("pass --lenient to replace the bytes that are not UTF-8 with U+FFFD, with a warning")
	case errors.Is(err, ld.ErrSyntax) && strings.Contains(err.Error(), "(invalid script element)"):
		e.hint("pass --lenient to skip a page's blocks that are not JSON, with a warning each")
	}
}

// isPosError reports whether err is a reader's positioned error.
func isPosError(err error) bool {
	var pe *ld.PosError
	return errors.As(err, &pe)
}

// readFile is an input already read, by the name it was given under.
type readFile struct {
	name string
	st   os.FileInfo
}

// sameAsRead reports whether the file name names is one of read (under
// any spelling, through a link, or a hard link to it), and which; else it
// adds it to read. Standard input and a file that cannot be found are
// never the same as another: reading them says what they are.
func sameAsRead(read *[]readFile, name string) (first string, same bool) {
	if name == "-" {
		return "", false
	}
	st, err := os.Stat(name)
	if err != nil || !st.Mode().IsRegular() {
		return "", false
	}
	if i := slices.IndexFunc(*read, func(r readFile) bool { return os.SameFile(r.st, st) }); i >= 0 {
		return (*read)[i].name, true
	}
	*read = append(*read, readFile{name, st})
	return "", false
}
