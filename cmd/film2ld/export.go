package main

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"os"
	"runtime"
	"slices"
	"strings"

	"github.com/spf13/pflag"

	"github.com/film2ld/film2ld/ld"
	"github.com/film2ld/film2ld/mapping"
	"github.com/film2ld/film2ld/mapping/film"
	"github.com/film2ld/film2ld/schemas"
)

const exportUsage = `Usage: film2ld export [flags] FILE...
       film2ld export --batch [flags] DIR...

Reads the documents about ONE film (review aggregator pages, encyclopedia
articles, film prize pages, in any order) and writes the film's schema.org
graph: one Movie with its people, organisations, reviews and ratings.
Each document's kind is detected from its content; --kind overrides it.
FILE "-" reads standard input.

Formats (--format):
  jsonld     compact JSON-LD, "@context": "https://schema.org", Movie at the root
  expanded   expanded JSON-LD
  flattened  flattened JSON-LD
  nquads     N-Quads, sorted
  canonical  canonical N-Quads (RDFC-1.0)
  html       a <script type="application/ld+json"> element for a web page
  turtle     Turtle: the merged view, grouped by subject
  trig       TriG: the dataset of nquads, grouped by graph and subject
  sparql-update
             SPARQL 1.1 Update that replaces the film's graphs in a store:
             per graph DROP SILENT GRAPH and INSERT DATA (see film2ld load)

The documents are merged into one Movie: people spelled alike up to accents,
case and punctuation, or one letter apart in the same credit, are one person.
Where the documents disagree on a single-valued fact (a running time, a year,
a character), the merged view keeps the value of the preferred kind
(--prefer, default encyclopedia,prize,reviews) and a warning names both.

The jsonld and html formats are a web snippet: the merged view without the
reviews and ratings search engines would reject (an AggregateRating with no
stated score, a review with no author), each named on standard error;
--keep-rejected keeps them. expanded and flattened hold the whole merged view.
nquads and canonical also hold provenance for triple stores: each document
becomes a node (its URL, or ni:///sha-256;… of its content) and a named
graph of exactly what it states; --merged writes the merged view alone.
Every statement is in a named graph of the film, so that loading a new
export replaces the old one whole (see film2ld load): the merged view and
the documents' descriptions in the graph <FILM-IRI/merged>, which names
its documents' graphs with prov:wasDerivedFrom. --merged-in-default-graph
puts the merged view in the default graph, shared by every film, instead.

Warnings (a conflict between sources, a fact schema.org has no term for) and
notes (a repaired encoding, a derived count) go to standard error;
--verbose adds why names were taken for one person.

With --batch, each immediate subfolder of each DIR holds the documents of
one film. Films are exported in parallel (-j) and written in folder order:
nquads and canonical as one stream (standard output or -o FILE; each
film's blank nodes are kept apart), the other formats as one file per film
in the folder -o DIR, named after the film's folder. A film that fails is
named with its file and line and skipped; the others are written, and the
exit status is 1 at the end. Progress is shown on a terminal.

Examples:
  film2ld export testdata/samples/*.txt
  film2ld export -f nquads -o illegal.nq review.txt article.txt prize.txt
  cat article.txt | film2ld export --kind encyclopedia -
  film2ld export --batch -f canonical -o archive.nq films/
  film2ld export --batch -f html -o snippets/ films/
`

// exportFlags are export's options.
type exportFlags struct {
	format, output, kind, base, prefer          string
	quiet, verbose, merged, keepRejected, batch bool
	mergedInDefault                             bool
	jobs                                        int
}

func runExport(e *env, args []string) int {
	fs := pflag.NewFlagSet("export", pflag.ContinueOnError)
	var f exportFlags
	fs.StringVarP(&f.format, "format", "f", "jsonld", "output `format`: jsonld, expanded, flattened, nquads, canonical, html, turtle, trig or sparql-update")
	fs.StringVarP(&f.output, "output", "o", "-", "write to `FILE` instead of standard output (written whole or not at all)")
	fs.StringVar(&f.kind, "kind", "", "read every FILE as this `KIND`: reviews, encyclopedia or prize (default: detect)")
	fs.StringVar(&f.base, "base", mapping.DefaultBase, "`IRI` prefix of the IRIs minted for the film, people and organisations")
	fs.StringVar(&f.prefer, "prefer", "", "`KINDS` whose values win when documents disagree, first wins (default encyclopedia,prize,reviews)")
	fs.BoolVar(&f.merged, "merged", false, "nquads, canonical, trig: write the merged view only, without provenance graphs")
	fs.BoolVar(&f.mergedInDefault, "merged-in-default-graph", false, "nquads, canonical, trig: put the merged view in the default graph, not in the film's own graph")
	fs.BoolVar(&f.keepRejected, "keep-rejected", false, "jsonld, html: keep reviews and ratings search engines would reject")
	fs.BoolVar(&f.batch, "batch", false, "export every film of each DIR given: one film per subfolder")
	fs.IntVarP(&f.jobs, "jobs", "j", runtime.NumCPU(), "with --batch, export `N` films at once")
	fs.BoolVarP(&f.quiet, "quiet", "q", false, "do not print warnings and notes")
	fs.BoolVarP(&f.verbose, "verbose", "v", false, "also explain each merge of names")
	if done, status := e.parseFlags(fs, exportUsage, args); done {
		return status
	}
	files := fs.Args()
	if len(files) == 0 {
		if f.batch {
			return e.usageError(fs, "export --batch needs at least one DIR")
		}
		return e.usageError(fs, "export needs at least one FILE (or - for standard input)")
	}
	format, err := ld.ParseFormat(f.format)
	if err != nil {
		return e.usageError(fs, "--format: %v", err)
	}
	var kind film.Kind
	if f.kind != "" {
		if kind, err = mapping.ParseKind(f.kind); err != nil {
			return e.usageError(fs, "--kind: %v", err)
		}
	}
	prefer, err := parsePrefer(f.prefer)
	if err != nil {
		return e.usageError(fs, "--prefer: %v", err)
	}
	if f.quiet && f.verbose {
		return e.usageError(fs, "--quiet and --verbose contradict each other")
	}
	if format == ld.FormatSPARQLUpdate && (f.merged || f.mergedInDefault) {
		return e.usageError(fs, "-f sparql-update replaces the film's named graphs; --merged and --merged-in-default-graph put statements in the default graph, which it cannot replace")
	}
	if err := checkBase(f.base); err != nil {
		return e.usageError(fs, "--base: %v", err)
	}
	if !f.batch {
		if err := checkInputs(files, f.output); err != nil {
			return e.usageError(fs, "%v", err)
		}
	}

	x := &exportJob{format: format, kind: kind, opts: mapping.Options{Base: f.base, Prefer: prefer, MergedInDefaultGraph: f.mergedInDefault},
		merged: f.merged, keepRejected: f.keepRejected, quiet: f.quiet, verbose: f.verbose}
	if f.batch {
		return e.runBatch(fs, x, files, f.output, f.jobs)
	}
	out, ok := e.exportFilm(files, x)
	if !ok {
		return exitError
	}
	if err := e.writeOutput(f.output, out); err != nil {
		e.errorf("%v", err)
		return exitError
	}
	return exitOK
}

// exportJob is how to export each film.
type exportJob struct {
	format                               ld.Format
	kind                                 film.Kind
	opts                                 mapping.Options
	merged, keepRejected, quiet, verbose bool
}

// exportFilm maps one film's documents, combines them and returns the
// output; errors and diagnostics go to e.stderr. ok is false when a
// document or the conversion failed, and then there is no output.
func (e *env) exportFilm(files []string, x *exportJob) (out []byte, ok bool) {
	var sources []*film.Source
	failed := false
	for _, name := range files {
		src, err := e.mapFile(name, x.kind)
		if err != nil {
			e.errorf("%v", err)
			if errors.Is(err, mapping.ErrUnknownKind) {
				e.hint("name the kind with --kind reviews, --kind encyclopedia or --kind prize")
			}
			failed = true
			continue
		}
		sources = append(sources, src)
	}
	if failed {
		return nil, false
	}
	res, err := mapping.Combine(sources, x.opts)
	if err != nil {
		e.errorf("%v", err)
		return nil, false
	}
	for _, d := range res.Diagnostics {
		if !x.quiet && (d.Severity != mapping.Info || x.verbose) {
			e.say(string(d.Severity), "%s", d)
		}
	}
	doc := res.Doc
	switch x.format {
	case ld.FormatNQuads, ld.FormatCanonical, ld.FormatTriG, ld.FormatSPARQLUpdate:
		if !x.merged {
			doc = res.Dataset
		}
	case ld.FormatJSONLD, ld.FormatHTML:
		if !x.keepRejected {
			e.snippet(doc, sources, x.quiet)
		}
	}
	var buf bytes.Buffer
	if err := processor().Write(&buf, doc, x.format, ld.Options{Root: "Movie"}); err != nil {
		e.errorf("%s: %v", strings.Join(files, ", "), err)
		return nil, false
	}
	return buf.Bytes(), true
}

// snippet removes from a web snippet the reviews and ratings search engines
// would reject, saying why, and warns when the reviews that remain were
// collected by another site.
func (e *env) snippet(doc map[string]any, sources []*film.Source, quiet bool) {
	for _, d := range schemas.Snippet(doc, "") {
		if !quiet {
			e.warnf("left out of the web snippet: %s: %s [%s]", d.Node, d.Message, d.Rule)
		}
	}
	if quiet || !slices.ContainsFunc(sources, func(s *film.Source) bool { return s.Kind == film.Reviews }) {
		return
	}
	for _, n := range schemas.FromDoc(doc, "").Nodes {
		if n.Is("Review") {
			e.warnf("the web snippet marks up reviews from a review aggregator's page; search engines ask sites to mark up only reviews they collect themselves")
			return
		}
	}
}

// mapFile reads and maps one document. The file goes to the mapper as it
// is, not read into memory first, so that a large document is held once.
func (e *env) mapFile(name string, kind film.Kind) (*film.Source, error) {
	if name == "-" {
		return mapping.Map(e.stdin, "<stdin>", kind)
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, err // the *PathError names the file
	}
	defer f.Close()
	return mapping.Map(f, name, kind)
}

// parsePrefer reads --prefer: kinds separated by commas, each once.
func parsePrefer(s string) ([]film.Kind, error) {
	if s == "" {
		return nil, nil
	}
	var kinds []film.Kind
	for _, name := range strings.Split(s, ",") {
		k, err := mapping.ParseKind(strings.TrimSpace(name))
		if err != nil {
			return nil, err
		}
		if slices.Contains(kinds, k) {
			return nil, fmt.Errorf("%s is named twice", k)
		}
		kinds = append(kinds, k)
	}
	return kinds, nil
}

// checkBase accepts an absolute IRI: minted IRIs are the base plus a path,
// and a relative base would make them relative too.
func checkBase(base string) error {
	u, err := url.Parse(base)
	if err != nil {
		return err
	}
	if u.Scheme == "" {
		return fmt.Errorf("%q is not an absolute IRI (it needs a scheme such as https: or urn:)", base)
	}
	if strings.ContainsAny(base, " <>\"{}|\\^`") {
		return fmt.Errorf("%q holds a character an IRI cannot", base)
	}
	return nil
}
