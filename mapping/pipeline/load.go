package pipeline

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"path/filepath"
	"slices"
	"strings"

	"github.com/film2ld/film2ld/ld"
	"github.com/film2ld/film2ld/ld/schemaorg"
	"github.com/film2ld/film2ld/mapping"
	"github.com/film2ld/film2ld/schemas"
)

// IsDocumentName tells a film document by its name alone: a .txt file.
// Film documents given together are one film, as export merges them.
func IsDocumentName(name string) bool {
	return strings.EqualFold(filepath.Ext(name), ".txt")
}

// MayBeDocumentName tells the names a film document may have: a .txt
// file (IsDocumentName), or a file without an extension (standard input,
// a site's export), whose content tells. A file with another extension
// (notes.md, a poster, linked data) is never read as a film document:
// reading notes.md would make its first heading a film of its own. So a
// film folder's documents are its files of these names.
func MayBeDocumentName(name string) bool {
	return IsDocumentName(name) || filepath.Ext(name) == ""
}

// Graph returns what validate checks of a film: the graph of the web
// snippet export writes of it (see Render), with what the snippet left out
// as warnings [snippet.left-out], since the documents state it and the RDF
// keeps it. file names the film in the findings. Unlike Render, a film no
// document names is checked, and the check says so.
func (j *Job) Graph(f *mapping.Film, file string) (*schemas.Graph, error) {
	out := &Output{View: Snippet, Film: f}
	if err := j.snippet(out, file, j.opts.Page.URL); err != nil {
		return nil, err
	}
	return j.graphOf(out, out.Film, file), nil
}

// graphOf reads part (the snippet out made, or a part of it) into a graph
// with the snippet's own findings: what it left out, and why.
func (j *Job) graphOf(out *Output, part *mapping.Film, file string) *schemas.Graph {
	g := j.filmGraph(part, file)
	if msg := out.OffSiteMessage(); msg != "" {
		g.Problems = append(g.Problems, schemas.Finding{Severity: schemas.Warning, Rule: schemas.RuleLeftOut, Node: "document",
			Message: msg, Pos: schemas.Pos{File: file}})
	}
	for d := range out.LeftOut.All() {
		g.Problems = append(g.Problems, leftOut(d))
	}
	return g
}

// filmGraph is the graph validate checks of f's snippet (or a part of
// it), its nodes placed where their documents state them (placeNodes).
func (j *Job) filmGraph(f *mapping.Film, file string) *schemas.Graph {
	g := schemas.FromDoc(f.RenderStream(), file)
	g.PageURL = j.opts.Page.URL
	placeNodes(g, f, file)
	return g
}

// placeNodes places the nodes of f's graph g that one document states:
// each review, aggregate rating and trailer at its document and line, a
// part of the cast at the document that gives its character, and a
// person or organisation, whom several may name, at the document and
// line that first names them (mapping's Film.NamedAt). The Movie, which
// every document states, stays at file, the film's documents together.
func placeNodes(g *schemas.Graph, f *mapping.Film, file string) {
	if len(g.Nodes) == 0 {
		return
	}
	movie := g.Nodes[0]
	places := map[*schemas.Node]schemas.Pos{}
	// place gives the i-th node value of the Movie's property the
	// place at(i), when the values are the view's n items, in order.
	place := func(property string, n int, at func(i int) (schemas.Pos, bool)) {
		p := movie.Prop(property)
		if p == nil || len(p.Values) != n {
			return
		}
		for i, v := range p.Values {
			if pos, ok := at(i); ok && v.Node != nil {
				places[v.Node] = pos
			}
		}
	}
	place("review", len(f.Reviews), func(i int) (schemas.Pos, bool) {
		p := reviewPlace(&f.Reviews[i], file)
		return p, p.File != file
	})
	place("aggregateRating", len(f.Ratings), func(i int) (schemas.Pos, bool) {
		p := ratingPlace(&f.Ratings[i], file)
		return p, p.File != file
	})
	place("trailer", len(f.Trailers), func(i int) (schemas.Pos, bool) {
		t := f.Trailers[i]
		if t.Source == nil || t.Source.Name == "" {
			return schemas.Pos{}, false
		}
		return schemas.Pos{File: t.Source.Name, Line: t.Line}, true
	})
	place("actor", len(f.Cast), func(i int) (schemas.Pos, bool) {
		s := f.Cast[i].Source
		if s == nil || s.Name == "" {
			return schemas.Pos{}, false
		}
		return schemas.Pos{File: s.Name}, true
	})
	if len(places) == 0 && len(f.Agents) == 0 {
		return
	}
	g.PlaceNodes(func(n *schemas.Node) (schemas.Pos, bool) {
		if p, ok := places[n]; ok {
			return p, true
		}
		return agentPlace(f, n)
	})
}

// agentPlace is where f first names the agent that is node n, found by
// its IRI among f's agents (in IRI order); false for a node that is no
// agent of f's, or one whose place is not known.
func agentPlace(f *mapping.Film, n *schemas.Node) (schemas.Pos, bool) {
	if n.ID == "" {
		return schemas.Pos{}, false
	}
	i, ok := slices.BinarySearchFunc(f.Agents, n.ID, func(a *mapping.Agent, id string) int { return strings.Compare(a.ID, id) })
	if !ok {
		return schemas.Pos{}, false
	}
	src, line := f.NamedAt(f.Agents[i])
	if src == nil || src.Name == "" {
		return schemas.Pos{}, false
	}
	return schemas.Pos{File: src.Name, Line: line}, true
}

// CheckPart is how many reviews, and how many parts of the cast, Check
// reads into one graph. A variable for the tests, which check in parts of
// one, two and three.
var CheckPart = 1024

// Check returns the findings validate reports for f with profile p: those
// of Job.Graph's graph, a defect two layers see named by a rule report
// accepts where one does (schemas.ValidateReporting; nil: any). A snippet
// of more than CheckPart reviews or parts of the cast is read and checked
// a part at a time (mapping's Film.Parts),
// with the same findings: the graph of a page of 50,000 reviews, 70 MB,
// was most of validate's memory, and that of an article of 200,000 actors
// 250 MB. The graph is returned when the snippet is checked whole, which
// whole asks for (the HTML report previews it).
func (j *Job) Check(f *mapping.Film, file string, p schemas.Profile, report func(rule string) bool, whole bool) (*schemas.Graph, []schemas.Finding, error) {
	out := &Output{View: Snippet, Film: f}
	if err := j.snippet(out, file, j.opts.Page.URL); err != nil {
		return nil, nil, err
	}
	if whole || len(out.Film.Reviews) <= CheckPart && len(out.Film.Cast) <= CheckPart {
		g := j.graphOf(out, out.Film, file)
		return g, schemas.ValidateReporting(g, p, report), nil
	}
	v := schemas.NewValidation(p, true)
	v.Report(report)
	first := true
	for part := range out.Film.Parts(CheckPart) {
		if first {
			v.Add(j.graphOf(out, part, file), nil)
			first = false
			continue
		}
		g := j.filmGraph(part, file)
		// The part's Movie stands in for the one the first part checks
		// whole: of its findings, only those about its reviews and its
		// cast count.
		movie := g.Nodes[0].Describe()
		v.Add(g, func(f schemas.Finding) bool {
			return f.Node != movie || f.Property == "review" || f.Property == "actor"
		})
	}
	return nil, v.Findings(), nil
}

// leftOut is validate's warning for a review or rating a web snippet left
// out, with the rule that rejected it.
func leftOut(d schemas.Finding) schemas.Finding {
	d.Severity = schemas.Warning
	d.Message = "left out of the web snippet: " + d.Message + " [" + d.Rule + "]"
	d.Rule = schemas.RuleLeftOut
	return d
}

// Load reads an input of any form validate accepts, telling the form from
// its name and content (ld.DetectInput, and mapping.Detect for film
// documents without a .txt name), and returns the graph validate checks:
//   - film documents are one film, as export merges them, and its web
//     snippet is checked (see Job.Graph);
//   - N-Quads, Turtle, TriG and expanded or flattened JSON-LD are data for
//     triple stores: their merged view is checked as the web snippet
//     export would make of it;
//   - compact JSON-LD and HTML are a page's markup and checked as they are.
//
// name is the file's name as given, display its name in findings, pageURL
// the address the markup is published at ("" when not known).
func Load(data []byte, name, display, pageURL string) (*schemas.Graph, error) {
	if looksLikeFilmDocument(data, name) {
		job, f, err := readFilm(data, display, pageURL)
		if err != nil {
			return nil, err
		}
		return job.Graph(f, display)
	}
	// Linked data is UTF-8; the JSON decoder would turn other bytes into
	// U+FFFD without a word.
	if err := ld.CheckUTF8(data, display); err != nil {
		return nil, err
	}
	switch form := ld.DetectInput(name, data); form {
	case ld.InputHTML:
		return schemas.LoadHTML(data, display)
	case ld.InputNQuads:
		// ld's reader places each subject at its first line.
		d := ld.NewDataset()
		d.RecordLines()
		// Checked against schema.org's terms, which stand for http IRIs:
		// data in its https namespace is checked alike.
		d.FoldSchemaOrgHTTPS()
		if _, err := d.ReadNQuads(bytes.NewReader(data), display, false); err != nil {
			return nil, err
		}
		var quads []ld.Quad
		if d.NamedGraphs() {
			// Which graphs are checked is told from the statements.
			quads = d.Quads()
		}
		return quadsGraph(quads, d, d.SubjectLines(), display, pageURL)
	case ld.InputTurtle, ld.InputTriG:
		// ld's reader places each subject where it is first written. The
		// statements go into a compact dataset as they are parsed, as
		// N-Quads do; where it refuses one, into a list, for the JSON-LD
		// processor.
		d := ld.NewDataset()
		d.FoldSchemaOrgHTTPS()
		// Read from data, not a copy of it as text: validate holds the
		// input for its report, and a copy doubled that (200 MB of
		// comments took 410 MB).
		lines, ok, err := d.ReadTurtleLinesFrom(bytes.NewReader(data), display, form == ld.InputTriG)
		if err != nil {
			return nil, err
		}
		if ok {
			var quads []ld.Quad
			if d.NamedGraphs() {
				// Which graphs are checked is told from the statements.
				quads = d.Quads()
			}
			return quadsGraph(quads, d, lines, display, pageURL)
		}
		quads, lines, err := ld.ReadTurtleLines(bytes.NewReader(data), display, form == ld.InputTriG)
		if err != nil {
			return nil, err
		}
		ld.FoldSchemaOrgHTTPS(quads)
		return quadsGraph(quads, nil, lines, display, pageURL)
	}
	if !ld.ScanTopValues(bytes.NewReader(data)).Only {
		// (Values alone are markup's problem, told without decoding
		// them.)
		if doc, ctx, ok := dataForm(data); ok {
			return jsonDataGraph(doc, ctx, data, display, pageURL)
		}
	}
	return schemas.Load(onlyEmptyObjects(data), display)
}

// onlyEmptyObjects returns the text of a top-level array that holds {}
// alone (ld.ScanStrays: no node, no value, no array; no @context in the
// text, so no object holds one) as that of [], which schemas.Load reads
// alike: no node, at the same place. Its tree, a node and the JSON-LD
// processor's expansion of each {} took 368 MB for 2 MB. Any other text
// is returned as it is.
func onlyEmptyObjects(data []byte) []byte {
	head := bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\ufeff")), " \t\r\n")
	if !leaveStraysOut || len(head) == 0 || head[0] != '[' || bytes.Contains(data, []byte("@context")) || !hasEmptyObject(data) {
		return data
	}
	s, ok := ld.ScanStrays(bytes.NewReader(data))
	if !ok || s.Count == 0 || s.Nodes > 0 || s.NotObjects > 0 || s.Refused {
		return data
	}
	at := len(data) - len(head)
	return append(data[:at:at], "[]"...)
}

// ReadQuads reads the statements of linked data in any form ld reads, the
// form told by form or, when 0, by ld.DetectInput from name and content;
// display names the input in errors. JSON-LD and HTML go through the
// JSON-LD processor, their documents as one graph, and dropped (when not
// nil) is told what JSON-LD drops in them (see ReadDocumentQuads).
func ReadQuads(data []byte, name, display string, form ld.InputFormat, dropped func(f ld.FreeFloating, place string)) ([]ld.Quad, error) {
	if form == 0 {
		form = ld.DetectInput(name, data)
	}
	switch form {
	case ld.InputNQuads:
		return ld.ReadNQuads(bytes.NewReader(data), display)
	case ld.InputTurtle, ld.InputTriG:
		return ld.ReadTurtle(bytes.NewReader(data), display, form == ld.InputTriG)
	}
	return ReadDocumentQuads(bytes.NewReader(data), display, form, dropped)
}

// ReadDocumentQuads reads the statements of JSON-LD or HTML from r as one
// graph, through the JSON-LD processor: ReadQuads's path for those forms,
// for a caller that reads a large page as it goes rather than whole.
//
// dropped, when not nil, is told once the statements are made what
// JSON-LD's expansion drops at the top of a graph of each document
// (ld.FreeFloatingTop; an HTML page's blocks each, placed "display:LINE"
// at the block's line, else placed display): the statements are made
// without them, and a command says so. They are counted as the documents
// are read, so that the documents are not held while their statements
// are made.
func ReadDocumentQuads(r io.Reader, display string, form ld.InputFormat, dropped func(f ld.FreeFloating, place string)) ([]ld.Quad, error) {
	p := processor()
	var docs []any
	var found []ld.FreeFloating
	var places []string
	if form == ld.InputHTML && dropped != nil {
		// Read as p.Read reads a page, its blocks counted each before
		// they are made one document.
		blocks, err := ld.ExtractHTML(r, display)
		if err != nil {
			return nil, err
		}
		for _, b := range blocks {
			found = append(found, ld.FreeFloatingTop(b.Doc))
			places = append(places, fmt.Sprintf("%s:%d", display, b.Line))
		}
		docs = []any{}
		if len(blocks) > 0 {
			docs = []any{ld.PageDocument(blocks)}
		}
	} else {
		var err error
		if docs, err = p.Read(r, display, form); err != nil {
			return nil, err
		}
		if dropped != nil {
			for _, d := range docs {
				found = append(found, ld.FreeFloatingTop(d))
				places = append(places, display)
			}
		}
	}
	doc, err := p.Union(docs, ld.Options{})
	if err != nil {
		return nil, fmt.Errorf("%s: %w", display, err)
	}
	quads, err := p.Quads(doc, ld.Options{})
	if err == nil {
		for i, f := range found {
			dropped(f, places[i])
		}
	}
	return quads, err
}

// CheckInput returns what validate reports for an input of any form Load
// reads, with profile p and report as for Job.Check: the findings of
// Load's graph, except that a film
// document is checked as Job.Check checks it, a part at a time when it is
// large, the graph then nil unless whole asks for it.
func CheckInput(data []byte, name, display, pageURL string, p schemas.Profile, report func(rule string) bool, whole bool) (*schemas.Graph, []schemas.Finding, error) {
	if looksLikeFilmDocument(data, name) {
		job, f, err := readFilm(data, display, pageURL)
		if err != nil {
			return nil, nil, err
		}
		return job.Check(f, display, p, report, whole)
	}
	g, err := Load(data, name, display, pageURL)
	if err != nil {
		return nil, nil, err
	}
	if ld.DetectInput(name, data) == ld.InputJSONLD {
		// JSON-LD in linked data's form (a flattened "@graph", an
		// expanded array) is read from its statements, after the
		// JSON-LD processor dropped items in silence: told from its
		// text (markup's reading tells them itself).
		g.TellDropped(data, display)
	}
	if pageURL != "" {
		g.PageURL = pageURL
	}
	return g, schemas.ValidateReporting(g, p, report), nil
}

// readFilm reads one film document and merges it, as validate does.
func readFilm(data []byte, display, pageURL string) (*Job, *mapping.Film, error) {
	job := New(FilmOptions(pageURL))
	if _, err := job.Read(bytes.NewReader(data), display); err != nil {
		return nil, nil, err
	}
	f, err := job.Merge()
	if err != nil {
		return nil, nil, err
	}
	return job, f, nil
}

// FilmOptions are the options validate checks a film's documents with:
// export's defaults, and the page the markup is for.
func FilmOptions(pageURL string) Options {
	return Options{Page: mapping.Page{URL: pageURL}}
}

// LooksLikeFilmDocument reports whether Load reads data, named name, as a
// film document: by a .txt name, or for a name without an extension
// (standard input's "-" too) by its text, when it reads as a film
// document of a kind (mapping.Detect) and not as linked data or a page.
func LooksLikeFilmDocument(data []byte, name string) bool {
	return looksLikeFilmDocument(data, name)
}

// looksLikeFilmDocument tells a film document without a .txt name (on
// standard input, say) from linked data.
func looksLikeFilmDocument(data []byte, name string) bool {
	if IsDocumentName(name) {
		return true
	}
	if !MayBeDocumentName(name) {
		return false
	}
	s := bytes.TrimSpace(data)
	if len(s) > 0 && (s[0] == '{' || s[0] == '[' || s[0] == '<' || s[0] == '_') {
		return false
	}
	_, err := mapping.Detect(data, name)
	return err == nil
}

// CheckUTF16 returns the error of an input whose first bytes, head (a
// few KiB), read as UTF-16 without a byte-order mark, with the fix its
// form takes, told as Load tells it (from form, then its name, then the
// text head decodes to): a film document is refused as the film reader
// refuses it, whose fix is UTF-8 or UTF-16 with the mark (which it
// reads); linked data as ld.CheckUTF16 refuses it (JSON-LD and RDF are
// UTF-8); a page is left to its reader, which says so of a page. Else
// nil. The commands run it on every input before reading it, so that
// each says what such a file is, where linked data's readers stopped at
// its first NUL ("unexpected rune '\x00'").
func CheckUTF16(head []byte, name, display string, form ld.InputFormat) error {
	text := ld.UTF16Text(head)
	if text == nil || bytes.HasPrefix(head, []byte{0xFF, 0xFE}) || bytes.HasPrefix(head, []byte{0xFE, 0xFF}) {
		return nil // not UTF-16, or with the mark: the readers know it
	}
	if form == 0 && looksLikeFilmDocument(text, name) {
		// The film reader's error: UTF-16 without a byte-order mark is
		// binary data to it, and the error says it reads as UTF-16.
		_, err := mapping.DetectReader(bytes.NewReader(head), display)
		return err
	}
	return ld.CheckUTF16(head, name, display, form)
}

// snippetGraph makes the web snippet of a JSON-LD document, as export
// does of a film, and returns its graph; what the snippet leaves out is
// reported as a warning, since the data states it and the RDF keeps it.
// doc is used up: the snippet may let go of its nodes as it reads them.
//
// again, when not nil, makes doc again (see schemas.SnippetOptions.Again).
func snippetGraph(doc map[string]any, again func() (map[string]any, error), display, pageURL string) *schemas.Graph {
	refObjects(doc)
	opts := schemas.SnippetOptions{PageURL: pageURL, Consume: true}
	if again != nil {
		opts.Again = func() map[string]any {
			doc, err := again()
			if err != nil {
				// It was made once from the same input.
				panic(fmt.Sprintf("pipeline: %s made again: %v", display, err))
			}
			refObjects(doc)
			return doc
		}
	}
	g, dropped := schemas.SnippetFor(doc, display, opts)
	for _, d := range dropped {
		g.Problems = append(g.Problems, leftOut(d))
	}
	return g
}

// dataForm reports whether a JSON input is linked data rather than a page's
// markup (see Load): expanded JSON-LD (an array of nodes), or a flattened
// document (a @graph whose nodes refer to each other only by @id). It
// returns the document compacted to schema.org's terms, and the input's
// own top-level @context (nil for expanded JSON-LD).
func dataForm(data []byte) (doc map[string]any, ctx any, ok bool) {
	v, ok := decodeData(data)
	if !ok {
		return nil, nil, false
	}
	m, isObject := v.(map[string]any)
	if a, isArray := v.([]any); isArray && !nodeArray(a) || !isArray && !isObject || isObject && m["@context"] == nil {
		// Nothing, values, or no context: the markup's own problem,
		// reported as such.
		return nil, nil, false
	}
	if isObject && !isFlattened(m) {
		return nil, nil, false
	}
	if isObject {
		ctx = m["@context"]
	}
	if bytes.Contains(data, []byte(schemaOrgHTTPS)) {
		// Checked against schema.org's terms, which stand for http IRIs:
		// data in its https namespace is checked alike (see
		// ld.FoldSchemaOrgHTTPS), its statements folded before they are
		// compacted. What the processor refuses is Compact's to report.
		if quads, err := processor().Quads(v, ld.Options{}); err == nil {
			ld.FoldSchemaOrgHTTPS(quads)
			if folded, err := processor().FromQuads(quads, ""); err == nil {
				v, isObject = folded, false
			}
		}
	}
	if isObject {
		if ctx, ok := m["@context"].(string); ok && ld.IsSchemaOrgContext(ctx) && !dropsKeywords(m, false) {
			return m, ctx, true
		}
	}
	doc, err := processor().Compact(v, ld.Options{})
	if err != nil {
		return nil, nil, false
	}
	return doc, ctx, true
}

// decodeData decodes data for dataForm, as json.Unmarshal does, ok false
// where it is not linked data's form for certain. Of a top level that
// holds what JSON-LD drops (ld.ScanStrays, the text read an item at a
// time), a value or an array is markup's (nodeArray, isFlattened), told
// without decoding; objects with nothing in them are decoded a run of
// them as one {} (ld.DecodeLeavingOut): dataForm and the snippet then
// read what they read of them all. A 2 MB "@graph" of {} took 160 MB,
// decoded and then a node of the snippet each.
func decodeData(data []byte) (v any, ok bool) {
	// The scan takes as long as json.Unmarshal (0.35-0.5 s for 15 MB
	// of Movies, a {} nowhere): a text without {} holds no stray that
	// dataForm would take (a value or an array among the items is
	// markup's), and is decoded whole at once. json.Unmarshal refuses
	// a byte-order mark, which ScanStrays and DecodeLeavingOut skip.
	if !leaveStraysOut || !hasEmptyObject(data) || bytes.HasPrefix(data, []byte("\ufeff")) {
		err := json.Unmarshal(data, &v)
		return v, err == nil
	}
	s, scanned := ld.ScanStrays(bytes.NewReader(data))
	if scanned && s.Count > 0 && !s.Refused {
		if s.NotObjects > 0 {
			return nil, false
		}
		if v, err := ld.DecodeLeavingOut(bytes.NewReader(data)); err == nil {
			// Numbers as json.Unmarshal gives them.
			return ld.FloatNumbers(ld.EmptyForLeftOut(v))
		}
	}
	err := json.Unmarshal(data, &v)
	return v, err == nil
}

// hasEmptyObject reports whether data holds an object with nothing in
// it ({}, white space allowed), anywhere, in a string too: a pass of
// IndexByte, which a text without one takes in a few milliseconds.
func hasEmptyObject(data []byte) bool {
	for {
		i := bytes.IndexByte(data, '{')
		if i < 0 {
			return false
		}
		data = bytes.TrimLeft(data[i+1:], " \t\r\n")
		if len(data) > 0 && data[0] == '}' {
			return true
		}
	}
}

// leaveStraysOut is unset by tests that compare decodeData with the
// document decoded whole.
var leaveStraysOut = true

// schemaOrgHTTPS is schema.org's namespace over https.
const schemaOrgHTTPS = "https://schema.org/"

// dropsKeywords reports whether the decoded JSON-LD v holds a key, or an
// @id or @type value, that looks like a keyword and is none ("@tpye"):
// the document then goes to the JSON-LD processor's check, which refuses
// it as convert does (jsonld.invalid), where the snippet's reading
// dropped it and passed the document. inContext is set under @context,
// whose @id values may be such words. A literal's (@value's) content is
// not looked into.
func dropsKeywords(v any, inContext bool) bool {
	switch v := v.(type) {
	case []any:
		for _, e := range v {
			if dropsKeywords(e, inContext) {
				return true
			}
		}
	case map[string]any:
		for k, e := range v {
			if ld.LooksLikeUnknownKeyword(k) {
				return true
			}
			if s, ok := e.(string); ok && (k == "@id" || k == "@type") && !inContext && ld.LooksLikeUnknownKeyword(s) {
				return true
			}
			if k != "@value" && dropsKeywords(e, inContext || k == "@context") {
				return true
			}
		}
	}
	return false
}

// nodeArray reports whether a top-level array is one of node objects, as
// expanded JSON-LD is: not empty, no item a value (a number, a string),
// which expansion would drop without a word, not every item {}, and no
// key a term, which only compact JSON-LD has: such an array is markup,
// and went through the JSON-LD processor first for nothing (a quarter of
// checking 200,000 small nodes without a context).
func nodeArray(a []any) bool {
	described := false
	for _, item := range a {
		m, ok := item.(map[string]any)
		if !ok {
			return false
		}
		for k := range m {
			if !strings.HasPrefix(k, "@") && !strings.Contains(k, ":") {
				return false
			}
		}
		described = described || len(m) > 0
	}
	return described
}

// isFlattened reports whether a document is a @graph of nodes whose values
// are references, literals and value objects only: JSON-LD's flattened
// form, as export -f flattened writes it.
func isFlattened(m map[string]any) bool {
	g, ok := m["@graph"].([]any)
	if !ok || len(g) == 0 {
		return false
	}
	var nested func(v any) bool
	nested = func(v any) bool {
		switch x := v.(type) {
		case []any:
			for _, v := range x {
				if nested(v) {
					return true
				}
			}
		case map[string]any:
			if l, ok := x["@list"]; ok {
				return nested(l)
			}
			if _, ok := x["@value"]; ok {
				return false
			}
			return len(x) > 1 || x["@id"] == nil
		}
		return false
	}
	for _, n := range g {
		node, ok := n.(map[string]any)
		if !ok {
			return false
		}
		for k, v := range node {
			if !strings.HasPrefix(k, "@") && nested(v) {
				return false
			}
		}
	}
	return true
}

// jsonDataGraph checks JSON-LD data as the snippet export would make of
// it; nodes are placed at the line where their id first stands.
func jsonDataGraph(doc map[string]any, ctx any, data []byte, display, pageURL string) (*schemas.Graph, error) {
	again := func() (map[string]any, error) {
		doc, _, ok := dataForm(data)
		if !ok {
			return nil, errors.New("not data")
		}
		return doc, nil
	}
	g := snippetGraph(doc, again, display, pageURL)
	g.NestReferencedMovies()
	reportUnchecked(g, display)
	lines := idLines(data)
	addExpandedIDs(lines, ctx)
	g.Place(func(id string) int { return lines[id] })
	return g, nil
}

// addExpandedIDs adds to lines, which maps each "@id" of a document as
// written to its line, the IRI each compact IRI among them stands for
// under ctx, the document's top-level @context (a Wikidata export's
// "wd:Q172241" under {"wd": "http://www.wikidata.org/entity/"}), so that
// a node, known by its IRI once compacted, is placed at its @id's line:
// such a document's findings had no line. A term is a prefix where it
// maps to an IRI (a string, or an object's @id), as JSON-LD expands a
// compact IRI by it; a later context of an array overrides an earlier one.
func addExpandedIDs(lines map[string]int, ctx any) {
	prefixes := map[string]string{}
	var collect func(c any)
	collect = func(c any) {
		switch c := c.(type) {
		case []any:
			for _, item := range c {
				collect(item)
			}
		case map[string]any:
			for term, def := range c {
				if m, ok := def.(map[string]any); ok {
					def = m["@id"]
				}
				if iri, ok := def.(string); ok && strings.Contains(iri, ":") && !strings.HasPrefix(term, "@") {
					prefixes[term] = iri
				}
			}
		}
	}
	collect(ctx)
	if len(prefixes) == 0 {
		return
	}
	expanded := map[string]int{}
	for id, line := range lines {
		prefix, rest, ok := strings.Cut(id, ":")
		iri, known := prefixes[prefix]
		if !ok || !known || strings.HasPrefix(rest, "//") {
			continue
		}
		if at, seen := expanded[iri+rest]; !seen || line < at {
			expanded[iri+rest] = line
		}
	}
	for iri, line := range expanded {
		if at, seen := lines[iri]; !seen || line < at {
			lines[iri] = line
		}
	}
}

// reportUnchecked adds what keeps the graph of linked data from being
// checked, as schemas.Load does for markup: an error when it states
// nothing (no node, or nodes only named: [{"@id": …}] is valid expanded
// JSON-LD, and not one statement), a warning when no node has a
// schema.org type, so that no rule applies (such data passed in silence).
func reportUnchecked(g *schemas.Graph, display string) {
	described, typed := false, false
	for _, n := range g.Nodes {
		described = described || n.Described
		for _, t := range n.Types {
			_, known := schemaorg.Type(t)
			typed = typed || known
		}
	}
	switch {
	case !described:
		g.Problems = append(g.Problems, schemas.Finding{Severity: schemas.Error, Rule: schemas.RuleEmpty, Node: "document",
			Message: "the input holds no statement, so nothing was checked", Pos: schemas.Pos{File: display},
			Fix: "check that the export that wrote it succeeded"})
	case !typed:
		g.Problems = append(g.Problems, schemas.Finding{Severity: schemas.Warning, Rule: schemas.RuleNoSchemaOrg, Node: "document",
			Message: "no node of this input has a schema.org type, so no schema.org rule applies to it", Pos: schemas.Pos{File: display},
			Fix: "give the nodes schema.org types, such as rdf:type <https://schema.org/Movie>"})
	}
}

// idLines maps each "@id" value of a JSON text to its first line. The
// text is read a line at a time where it lies, not copied as a string
// and split (36 MB more for 21 MB of flattened JSON-LD). A line may end
// in CR LF: the CR before a comma hid every "@id" of a Windows file, and
// its nodes were placed nowhere or at a later reference.
func idLines(data []byte) map[string]int {
	out := map[string]int{}
	for n := 1; len(data) > 0; n++ {
		line := data
		if end := bytes.IndexByte(data, '\n'); end >= 0 {
			line, data = data[:end], data[end+1:]
		} else {
			data = nil
		}
		i := bytes.Index(line, []byte(`"@id"`))
		if i < 0 {
			continue
		}
		rest := bytes.TrimLeft(line[i+5:], " \t:")
		var id string
		if json.Unmarshal(bytes.TrimRight(rest, " \t\r,}"), &id) == nil {
			if _, seen := out[id]; !seen {
				out[id] = n
			}
		}
	}
	return out
}

// quadsGraph reads N-Quads, Turtle or TriG through the JSON-LD processor
// and checks a film's merged view, wherever export put it (its own graph
// is read as the default graph), as the web snippet export would make of
// it; the other named graphs are the sources' own words, kept for the
// record. Nodes are placed at the line where their IRI first stands as a
// subject. d, where not nil, is the dataset the quads were read from.
func quadsGraph(quads []ld.Quad, d *ld.Dataset, lines map[string]int, display, pageURL string) (*schemas.Graph, error) {
	p := processor()
	var checked []ld.Quad
	var note *schemas.Finding
	if d == nil || quads != nil {
		checked, note = checkedGraphs(quads, display)
	}
	switch {
	case d == nil:
	case quads == nil:
		// d's statements are all in the default graph, all checked:
		// their list as Quad values was 69 MB of 200,000 statements.
	case len(checked) > 0 && len(checked) == len(quads) && &checked[0] == &quads[0]:
		// checkedGraphs moved no statement: d holds them, and the list
		// is let go before the compaction.
		checked = nil
	default:
		d = nil // d holds other statements than those checked
	}
	quads = nil
	again := func() (map[string]any, error) { return compactDefaultGraph(p, checked, d, display) }
	var g *schemas.Graph
	if d != nil && checked == nil {
		g = streamedGraph(p, d, again, display, pageURL)
	}
	if g == nil {
		doc, err := again()
		if err != nil {
			return nil, err
		}
		g = snippetGraph(doc, again, display, pageURL)
	}
	g.NestReferencedMovies()
	if note != nil {
		g.Problems = append(g.Problems, *note)
	}
	reportUnchecked(g, display)
	g.Place(func(id string) int { return lines[id] })
	return g, nil
}

// streamedGraph is snippetGraph of the default graph of d compacted
// (compactDefaultGraph), read into the graph a node at a time as ld
// compacts it, so that the compacted document is never whole (150 MB of
// a 200 MB peak for 10 MB of Turtle of Movies): where the snippet leaves
// something out, it is made whole again (again) to be searched. It
// returns nil where the graph might not be snippetGraph's, for the caller
// to take that path: a document of one node or none (compaction writes
// it without "@graph"), a node ld declines to make so, or a string value
// refObjects would have made a reference to a node made after it.
func streamedGraph(p *ld.Processor, d *ld.Dataset, again func() (map[string]any, error), display, pageURL string) *schemas.Graph {
	failed := false
	ids := map[string]bool{}
	// text are the strings a node gave as text that may name a node made
	// later (an @id holds a colon: a compact IRI, an IRI, a blank node's
	// label).
	text := map[string]bool{}
	errStop := errors.New("stop")
	nodes := func(yield func(any) bool) {
		err := p.CompactDefaultGraphNodes(d, func(m map[string]any) error {
			id, _ := m["@id"].(string)
			if id != "" && !strings.Contains(id, ":") || text[id] {
				failed = true
				return errStop
			}
			if id != "" && !strings.HasPrefix(id, "_:") {
				// (A blank node's label is always a reference.)
				ids[id] = true
			}
			refObject(m, ids, text)
			if !yield(m) {
				return errStop
			}
			return nil
		})
		if err != nil && err != errStop {
			failed = true
		}
	}
	next, stop := iter.Pull(nodes)
	defer stop()
	first, ok := next()
	second, ok2 := next()
	if !ok || !ok2 || failed {
		return nil
	}
	doc := map[string]any{"@context": schemaorg.ContextURL, "@graph": iter.Seq[any](func(yield func(any) bool) {
		if !yield(first) || !yield(second) {
			return
		}
		first, second = nil, nil // let go of as read
		for m, ok := next(); ok; m, ok = next() {
			if !yield(m) {
				return
			}
		}
	})}
	g := snippetGraph(doc, again, display, pageURL)
	if failed {
		return nil
	}
	return g
}

// compactDefaultGraph returns the default graph of quads as compact
// JSON-LD: made a node at a time from a compact dataset
// (ld.Processor.CompactDefaultGraph), or, where that declines (RDF lists,
// rdf:JSON literals), from json-gold's conversion of the whole. The two
// are the same document (ld's TestCompactDefaultGraphMatches); the first
// holds a node's conversion at a time rather than the whole's, which was
// 250 MB of validate's 330 MB for 15 MB of N-Quads of 200,000 nodes.
//
// The statements are d's where d is not nil, quads otherwise.
func compactDefaultGraph(p *ld.Processor, quads []ld.Quad, d *ld.Dataset, display string) (map[string]any, error) {
	if d == nil {
		d = ld.NewDataset()
		if err := d.ReadQuads(quads, display); err != nil {
			d = nil
		}
	}
	if d != nil {
		doc, err := p.CompactDefaultGraph(d)
		if err == nil || !errors.Is(err, ld.ErrNeedsJSONLD) {
			return doc, err
		}
		if quads == nil {
			quads = d.Quads()
		}
	}
	exp, err := p.FromQuads(quads, display)
	if err != nil {
		return nil, err
	}
	return p.CompactFromRDF(ld.DefaultGraph(exp))
}

// refObjects writes as {"@id": …} every string value that names a node of
// the document's @graph. Compaction with schema.org's context writes a
// reference under a property the context types "@id" (isBasedOn, say) as
// a bare string, which the checks would read as text; blank node labels
// cannot be anything but a reference.
func refObjects(doc map[string]any) {
	nodes, ok := doc["@graph"].([]any)
	if !ok {
		return
	}
	ids := map[string]bool{}
	for _, n := range nodes {
		if m, ok := n.(map[string]any); ok {
			if id, ok := m["@id"].(string); ok {
				ids[id] = true
			}
		}
	}
	for _, n := range nodes {
		refObject(n, ids, nil)
	}
}

// refObject is refObjects for one value v of a document whose nodes' ids
// are ids. A string it leaves as text goes in text, where not nil, when
// it holds a colon (see streamedGraph).
func refObject(v any, ids, text map[string]bool) any {
	switch x := v.(type) {
	case string:
		if ids[x] || strings.HasPrefix(x, "_:") {
			return map[string]any{"@id": x}
		}
		if text != nil && strings.Contains(x, ":") {
			text[x] = true
		}
	case []any:
		for i := range x {
			x[i] = refObject(x[i], ids, text)
		}
	case map[string]any:
		if _, isValue := x["@value"]; isValue {
			return x
		}
		for k, v := range x {
			if !strings.HasPrefix(k, "@") {
				x[k] = refObject(v, ids, text)
			}
		}
	}
	return v
}

// filmGraphs returns the graphs of a dataset that hold a film's merged
// view, each with the source graphs it names: a graph G that states, inside
// itself, G prov:wasDerivedFrom S (see mapping.PropDerivedFrom).
func filmGraphs(quads []ld.Quad) map[ld.Term][]ld.Term {
	out := map[ld.Term][]ld.Term{}
	for _, q := range quads {
		if q.Graph.Kind == ld.IRI && q.Subject == q.Graph && q.Predicate.Value == mapping.PropDerivedFrom && q.Object.Kind == ld.IRI {
			out[q.Graph] = append(out[q.Graph], q.Object)
		}
	}
	return out
}

// checkedGraphs returns the quads with the statements validate checks in
// the default graph: every film's merged view (mergedInDefault), or,
// where the default graph then holds nothing, the statements of every
// named graph (data from a triple store, where each page or film has a
// graph of its own), with a note that says so. Named graphs that are
// neither a film's view nor its sources are otherwise left unchecked,
// and the finding says how many statements that leaves out: data a
// triple store gave back was reported as holding no statement at all.
func checkedGraphs(quads []ld.Quad, display string) ([]ld.Quad, *schemas.Finding) {
	films := filmGraphs(quads)
	kept := map[ld.Term]bool{}
	for film, sources := range films {
		kept[film] = true
		for _, s := range sources {
			kept[s] = true
		}
	}
	inDefault, other := 0, 0
	graphs := map[ld.Term]bool{}
	var first ld.Term
	for _, q := range quads {
		switch {
		case q.Graph == (ld.Term{}) || films[q.Graph] != nil:
			inDefault++
		case !kept[q.Graph]:
			other++
			if len(graphs) == 0 {
				first = q.Graph
			}
			graphs[q.Graph] = true
		}
	}
	quads = mergedInDefault(quads)
	if other == 0 {
		return quads, nil
	}
	name := first.String() // as N-Quads wrote it
	if inDefault == 0 {
		out := make([]ld.Quad, len(quads))
		for i, q := range quads {
			if graphs[q.Graph] {
				q.Graph = ld.Term{}
			}
			out[i] = q
		}
		return out, &schemas.Finding{Severity: schemas.Note, Rule: schemas.RuleNamedGraphs, Node: "document", Pos: schemas.Pos{File: display},
			Message: fmt.Sprintf("the default graph is empty and %s are in %s (the first %s), none a film's merged view: they are checked together as one graph", count(other, "statement"), count(len(graphs), "named graph"), name)}
	}
	return quads, &schemas.Finding{Severity: schemas.Warning, Rule: schemas.RuleNamedGraphs, Node: "document", Pos: schemas.Pos{File: display},
		Message: fmt.Sprintf("%s in %s (the first %s) that are neither a film's merged view nor its sources were not checked", count(other, "statement"), count(len(graphs), "named graph"), name),
		Fix:     "put the statements to check in the default graph, or check the named graphs in an input of their own"}
}

// count returns n and noun, in the plural unless n is 1.
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// mergedInDefault returns the quads with the statements of every film's
// graph moved to the default graph: the layout of
// Options.MergedInDefaultGraph, where checks expect the merged view.
func mergedInDefault(quads []ld.Quad) []ld.Quad {
	films := filmGraphs(quads)
	if len(films) == 0 {
		return quads // nothing to move: a copy was 43 MB of 200,000 statements
	}
	out := make([]ld.Quad, len(quads))
	for i, q := range quads {
		if _, ok := films[q.Graph]; ok {
			q.Graph = ld.Term{}
		}
		out[i] = q
	}
	return out
}
