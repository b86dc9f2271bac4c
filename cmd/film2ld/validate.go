package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
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
graph), N-Quads (.nq, .nt), and film documents (.txt: checked as export would
write their web snippet). FILE "-" reads standard input.

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
	for _, name := range files {
		findings = append(findings, e.validateFile(name, prof, pageURL)...)
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
	fmt.Fprintf(e.stderr, "film2ld: %d %s checked: %d %s, %d %s\n",
		len(files), plural(len(files), "file"), errs, plural(errs, "error"), warns, plural(warns, "warning"))
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
	g, err := loadGraph(data, name, display)
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

func inputFinding(file string, err error) schemas.Finding {
	return schemas.Finding{Severity: schemas.Error, Rule: "input", Node: "document",
		Message: err.Error(), Pos: schemas.Pos{File: file}}
}

// loadGraph reads an input of any form validate accepts.
func loadGraph(data []byte, name, display string) (*schemas.Graph, error) {
	if strings.EqualFold(filepath.Ext(name), ".txt") || looksLikeFilmDocument(data, name) {
		return filmGraph(data, display)
	}
	// Linked data is UTF-8; the JSON decoder would turn other bytes into
	// U+FFFD without a word.
	if err := ld.CheckUTF8(data, display); err != nil {
		return nil, err
	}
	switch ld.DetectInput(name, data) {
	case ld.InputHTML:
		return schemas.LoadHTML(data, display)
	case ld.InputNQuads:
		return nquadsGraph(data, display)
	}
	return schemas.Load(data, display)
}

// looksLikeFilmDocument tells a film document without a .txt name (on
// standard input, say) from linked data.
func looksLikeFilmDocument(data []byte, name string) bool {
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

// filmGraph maps a film document and checks its web snippet as export
// writes it: what export leaves out of the snippet is reported as a
// warning, since the document states it and the RDF keeps it.
func filmGraph(data []byte, display string) (*schemas.Graph, error) {
	src, err := mapping.Map(bytes.NewReader(data), display, "")
	if err != nil {
		return nil, err
	}
	res, err := mapping.Combine([]*film.Source{src}, mapping.Options{})
	if err != nil {
		return nil, err
	}
	dropped := schemas.Snippet(res.Doc, display)
	g := schemas.FromDoc(res.Doc, display)
	for _, d := range dropped {
		d.Severity = schemas.Warning
		d.Rule = "snippet.left-out"
		d.Message = "left out of the web snippet: " + d.Message
		g.Problems = append(g.Problems, d)
	}
	return g, nil
}

// nquadsGraph reads N-Quads through the JSON-LD processor; nodes are placed
// at the line where their IRI first stands as a subject.
func nquadsGraph(data []byte, display string) (*schemas.Graph, error) {
	p := processor()
	exp, err := p.FromNQuads(bytes.NewReader(data), display)
	if err != nil {
		return nil, err
	}
	doc, err := p.Compact(exp, ld.Options{})
	if err != nil {
		return nil, err
	}
	g := schemas.FromDoc(doc, display)
	lines := subjectLines(data)
	g.Place(func(id string) int { return lines[id] })
	return g, nil
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
