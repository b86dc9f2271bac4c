package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"path/filepath"
	"strings"

	"github.com/spf13/pflag"

	"github.com/film2ld/film2ld/ld"
	"github.com/film2ld/film2ld/mapping"
	"github.com/film2ld/film2ld/mapping/film"
	"github.com/film2ld/film2ld/schemas"
)

const validateUsage = `Usage: film2ld validate [flags] FILE...

Checks schema.org markup in three layers: JSON Schemas for film nodes, the
schema.org vocabulary (release 30.0: unknown and superseded terms, properties
on the wrong type, values of the wrong kind, impossible dates), and search
engines' rules for Movie, Review and AggregateRating rich results.

Inputs: JSON-LD (.jsonld, .json), HTML pages (every ld+json block, as one
graph), N-Quads (.nq, .nt), and film documents (.txt). FILE "-" reads
standard input.

Validate checks what export writes the way export writes it:
  - film documents are one film, as export combines them (all the FILEs
    given; with --batch, one film per subfolder of each DIR), and its web
    snippet is checked;
  - N-Quads and expanded or flattened JSON-LD are data for triple stores,
    not a page's markup: their merged view (the default graph; named graphs
    are the sources' own words and are not checked) is checked as the web
    snippet export would make of it;
  - in both, what the snippet leaves out (a rating with no score, a review
    with no author) is a warning [snippet.left-out], since the RDF keeps it.
Compact JSON-LD with the Movie at the root, and HTML, are a page's markup
and checked as they are.

Profiles (--profile):
  google     all three layers (default)
  schemaorg  JSON Schemas and vocabulary only

Formats (--format):
  text    FILE:LINE:COL: error: NODE: PROPERTY: message (fix) [rule]   (default)
  json    an array of findings
  sarif   SARIF 2.1.0, for code scanning
  github  GitHub Actions workflow commands (::error file=…,line=…::…)

Exit status: 0 when no file has an error (warnings allowed), 1 when any
has (after every file was checked), 2 for a usage error.

Examples:
  film2ld validate public/films/*.html
  film2ld validate --profile schemaorg --format sarif -o report.sarif data/*.jsonld
`

func runValidate(e *env, args []string) int {
	fs := pflag.NewFlagSet("validate", pflag.ContinueOnError)
	var profile, format, output, pageURL string
	fs.StringVar(&profile, "profile", "google", "`PROFILE` of checks: google or schemaorg")
	fs.StringVarP(&format, "format", "f", "text", "report `FORMAT`: text, json, sarif or github")
	fs.StringVarP(&output, "output", "o", "-", "write the report to `FILE` (written whole or not at all)")
	fs.StringVar(&pageURL, "page-url", "", "`URL` the markup is published at: reviews from other sites are reported")
	var batch bool
	fs.BoolVar(&batch, "batch", false, "each immediate subfolder of each DIR given holds one film's documents, checked as export --batch combines them")
	if done, status := e.parseFlags(fs, validateUsage, args); done {
		return status
	}
	files := fs.Args()
	if len(files) == 0 {
		return e.usageError(fs, "validate needs at least one FILE (or - for standard input)")
	}
	prof, err := schemas.ParseProfile(profile)
	if err != nil {
		return e.usageError(fs, "--profile: %v", err)
	}
	report, ok := reporters[format]
	if !ok {
		return e.usageError(fs, "--format: unknown format %q (want text, json, sarif or github)", format)
	}
	if err := checkInputs(files, output); err != nil {
		return e.usageError(fs, "%v", err)
	}

	var findings []schemas.Finding
	checked := len(files)
	if batch {
		films, err := e.listFilms(files)
		if err != nil {
			e.errorf("%v", err)
			return exitError
		}
		for _, f := range films {
			e.stderr.Write(f.msgs)
			findings = append(findings, e.validateFilm(f.dir, f.files, f.err, prof, pageURL)...)
		}
		checked = len(films)
	} else {
		var docs []string
		for _, name := range files {
			if name != "-" && isFilmDocumentName(name) {
				docs = append(docs, name)
				continue
			}
			findings = append(findings, e.validateFile(name, prof, pageURL)...)
		}
		if len(docs) > 0 {
			findings = append(findings, e.validateFilm(strings.Join(docs, ", "), docs, nil, prof, pageURL)...)
		}
	}
	var out bytes.Buffer
	if err := report(&out, findings); err != nil {
		e.errorf("%v", err)
		return exitError
	}
	if err := e.writeOutput(output, out.Bytes()); err != nil {
		e.errorf("%v", err)
		return exitError
	}
	errs, warns := count(findings)
	what := plural(checked, "file")
	if batch {
		what = plural(checked, "film")
	}
	fmt.Fprintf(e.stderr, "film2ld: %d %s checked: %d %s, %d %s\n",
		checked, what, errs, plural(errs, "error"), warns, plural(warns, "warning"))
	if errs > 0 {
		return exitError
	}
	return exitOK
}

// validateFile checks one input. A file that cannot be read or parsed is
// a finding of its own, so that the other files are still checked.
func (e *env) validateFile(name string, prof schemas.Profile, pageURL string) []schemas.Finding {
	data, display, err := e.readInput(name)
	if err != nil {
		return []schemas.Finding{inputFinding(display, err)}
	}
	g, err := loadGraph(data, name, display, pageURL)
	if err != nil {
		var se *schemas.SyntaxError
		if errors.As(err, &se) {
			return []schemas.Finding{{Severity: schemas.Error, Rule: "json.syntax", Node: "document",
				Message: "not JSON: " + se.Err.Error(), Fix: "fix the JSON; nothing else in the file was checked", Pos: se.Pos}}
		}
		return []schemas.Finding{inputFinding(display, err)}
	}
	if pageURL != "" {
		g.PageURL = pageURL
	}
	return schemas.Validate(g, prof)
}

// isFilmDocumentName tells a film document by its name: validate combines
// those given together into one film, as export does.
func isFilmDocumentName(name string) bool {
	return strings.EqualFold(filepath.Ext(name), ".txt")
}

// validateFilm checks one film's documents as export combines them: one
// Movie from all of them, and its web snippet. what names the film in
// findings (its folder, or its files).
func (e *env) validateFilm(what string, files []string, listErr error, prof schemas.Profile, pageURL string) []schemas.Finding {
	if listErr != nil {
		return []schemas.Finding{inputFinding(what, listErr)}
	}
	var sources []*film.Source
	var out []schemas.Finding
	seen := map[string]bool{}
	for _, name := range files {
		data, display, err := e.readInput(name)
		if err == nil {
			var src *film.Source
			if src, err = mapping.Map(bytes.NewReader(data), display, ""); err == nil {
				if !seen[src.Digest] { // the same bytes twice count once, as in export
					sources = append(sources, src)
				}
				seen[src.Digest] = true
				continue
			}
		}
		out = append(out, inputFinding(display, err))
	}
	if len(sources) == 0 {
		return out
	}
	res, err := mapping.Combine(sources, mapping.Options{})
	if err != nil {
		return append(out, inputFinding(what, err))
	}
	if pageURL != "" {
		res.SetPage(mapping.Page{URL: pageURL, ID: mapping.MovieIRI(pageURL)})
	}
	return append(out, schemas.Validate(snippetGraph(res.Doc, what, pageURL), prof)...)
}

// inputFinding reports an input that could not be read.
func inputFinding(file string, err error) schemas.Finding {
	return schemas.Finding{Severity: schemas.Error, Rule: "input", Node: "document",
		Message: err.Error(), Pos: schemas.Pos{File: file}}
}

// loadGraph reads an input of any form validate accepts.
func loadGraph(data []byte, name, display, pageURL string) (*schemas.Graph, error) {
	if looksLikeFilmDocument(data, name) {
		return filmGraph(data, display, pageURL)
	}
	switch ld.DetectInput(name, data) {
	case ld.InputHTML:
		return schemas.LoadHTML(data, display)
	case ld.InputNQuads:
		return nquadsGraph(data, display, pageURL)
	}
	if doc, ok := dataForm(data); ok {
		return jsonDataGraph(doc, data, display, pageURL)
	}
	return schemas.Load(data, display)
}

// looksLikeFilmDocument tells a film document without a .txt name (on
// standard input, say) from linked data.
func looksLikeFilmDocument(data []byte, name string) bool {
	if isFilmDocumentName(name) {
		return true
	}
	if filepath.Ext(name) != "" {
		return false
	}
	s := bytes.TrimSpace(data)
	if len(s) > 0 && (s[0] == '{' || s[0] == '[' || s[0] == '<' || s[0] == '_') {
		return false
	}
	_, err := mapping.Detect(data, name)
	return err == nil
}

// filmGraph maps a film document given alone (on standard input) and
// checks its web snippet as export writes it.
func filmGraph(data []byte, display, pageURL string) (*schemas.Graph, error) {
	src, err := mapping.Map(bytes.NewReader(data), display, "")
	if err != nil {
		return nil, err
	}
	res, err := mapping.Combine([]*film.Source{src}, mapping.Options{})
	if err != nil {
		return nil, err
	}
	return snippetGraph(res.Doc, display, pageURL), nil
}

// snippetGraph makes the web snippet of a merged view, as export does, and
// returns its graph; what the snippet leaves out is reported as a warning,
// since the documents state it and the RDF keeps it.
func snippetGraph(doc map[string]any, display, pageURL string) *schemas.Graph {
	refObjects(doc)
	dropped := schemas.SnippetFor(doc, display, schemas.SnippetOptions{PageURL: pageURL})
	g := schemas.FromDoc(doc, display)
	g.PageURL = pageURL
	for _, d := range dropped {
		d.Severity = schemas.Warning
		d.Message = "left out of the web snippet: " + d.Message + " [" + d.Rule + "]"
		d.Rule = "snippet.left-out"
		g.Problems = append(g.Problems, d)
	}
	return g
}

// dataForm reports whether a JSON input is linked data rather than a page's
// markup (see validateUsage): expanded JSON-LD (an array, or no @context),
// or a flattened document (a @graph whose nodes refer to each other only
// by @id). It returns the document compacted to schema.org's terms.
func dataForm(data []byte) (map[string]any, bool) {
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		return nil, false
	}
	m, isObject := v.(map[string]any)
	if isObject && m["@context"] != nil {
		if !isFlattened(m) {
			return nil, false
		}
		if ctx, ok := m["@context"].(string); ok && strings.TrimSuffix(strings.TrimPrefix(strings.TrimPrefix(ctx, "https:"), "http:"), "/") == "//schema.org" {
			return m, true
		}
	}
	doc, err := processor().Compact(v, ld.Options{})
	if err != nil {
		return nil, false
	}
	return doc, true
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
func jsonDataGraph(doc map[string]any, data []byte, display, pageURL string) (*schemas.Graph, error) {
	g := snippetGraph(doc, display, pageURL)
	lines := idLines(data)
	g.Place(func(id string) int { return lines[id] })
	return g, nil
}

// idLines maps each "@id" value of a JSON text to its first line.
func idLines(data []byte) map[string]int {
	out := map[string]int{}
	for n, line := range strings.Split(string(data), "\n") {
		i := strings.Index(line, `"@id"`)
		if i < 0 {
			continue
		}
		rest := strings.TrimLeft(line[i+5:], " \t:")
		var id string
		if json.Unmarshal([]byte(strings.TrimRight(rest, " \t,}")), &id) == nil {
			if _, seen := out[id]; !seen {
				out[id] = n + 1
			}
		}
	}
	return out
}

// nquadsGraph reads N-Quads through the JSON-LD processor and checks the
// merged view (the default graph) as the web snippet export would make of
// it: a named graph is a source's own words, kept for the record. Nodes are
// placed at the line where their IRI first stands as a subject.
func nquadsGraph(data []byte, display, pageURL string) (*schemas.Graph, error) {
	p := processor()
	exp, err := p.FromNQuads(bytes.NewReader(data), display)
	if err != nil {
		return nil, err
	}
	exp = defaultGraph(exp)
	doc, err := p.Compact(exp, ld.Options{})
	if err != nil {
		return nil, err
	}
	g := snippetGraph(doc, display, pageURL)
	lines := subjectLines(data)
	g.Place(func(id string) int { return lines[id] })
	return g, nil
}

// defaultGraph drops the named graphs of expanded JSON-LD, keeping what
// the default graph says of their names.
func defaultGraph(exp []any) []any {
	var out []any
	for _, n := range exp {
		m, ok := n.(map[string]any)
		if !ok {
			continue
		}
		if _, named := m["@graph"]; named {
			m = maps.Clone(m)
			delete(m, "@graph")
			if len(m) == 1 {
				continue // a graph's name and nothing said of it
			}
		}
		out = append(out, m)
	}
	return out
}

// subjectLines maps each subject IRI of N-Quads to its first line.
func subjectLines(data []byte) map[string]int {
	out := map[string]int{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 64*1024), 64*1024*1024)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if strings.HasPrefix(line, "<") {
			if end := strings.IndexByte(line, '>'); end > 0 {
				if _, seen := out[line[1:end]]; !seen {
					out[line[1:end]] = n
				}
			}
		}
	}
	return out
}

func count(fs []schemas.Finding) (errs, warns int) {
	for _, f := range fs {
		if f.Severity == schemas.Error {
			errs++
		} else {
			warns++
		}
	}
	return errs, warns
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
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
	var walk func(v any) any
	walk = func(v any) any {
		switch x := v.(type) {
		case string:
			if ids[x] || strings.HasPrefix(x, "_:") {
				return map[string]any{"@id": x}
			}
		case []any:
			for i := range x {
				x[i] = walk(x[i])
			}
		case map[string]any:
			if _, isValue := x["@value"]; isValue {
				return x
			}
			for k, v := range x {
				if !strings.HasPrefix(k, "@") {
					x[k] = walk(v)
				}
			}
		}
		return v
	}
	for _, n := range nodes {
		walk(n)
	}
}
