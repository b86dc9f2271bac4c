package main

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"strings"

	"github.com/spf13/pflag"

	"github.com/film2ld/film2ld/ld"
	"github.com/film2ld/film2ld/mapping"
	"github.com/film2ld/film2ld/mapping/film"
)

const exportUsage = `Usage: film2ld export [flags] FILE...

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

Warnings (a conflict between sources, a fact schema.org has no term for) and
notes (a repaired encoding, a derived count) go to standard error.

Examples:
  film2ld export testdata/samples/*.txt
  film2ld export -f nquads -o illegal.nq review.txt article.txt prize.txt
  cat article.txt | film2ld export --kind encyclopedia -
`

// exportFlags are export's options.
type exportFlags struct {
	format, output, kind, base string
	quiet                      bool
}

func runExport(e *env, args []string) int {
	fs := pflag.NewFlagSet("export", pflag.ContinueOnError)
	var f exportFlags
	fs.StringVarP(&f.format, "format", "f", "jsonld", "output `format`: jsonld, expanded, flattened, nquads, canonical or html")
	fs.StringVarP(&f.output, "output", "o", "-", "write to `FILE` instead of standard output (written whole or not at all)")
	fs.StringVar(&f.kind, "kind", "", "read every FILE as this `KIND`: reviews, encyclopedia or prize (default: detect)")
	fs.StringVar(&f.base, "base", mapping.DefaultBase, "`IRI` prefix of the IRIs minted for the film, people and organisations")
	fs.BoolVarP(&f.quiet, "quiet", "q", false, "do not print warnings and notes")
	if done, status := e.parseFlags(fs, exportUsage, args); done {
		return status
	}
	files := fs.Args()
	if len(files) == 0 {
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
	if err := checkBase(f.base); err != nil {
		return e.usageError(fs, "--base: %v", err)
	}
	if err := checkInputs(files, f.output); err != nil {
		return e.usageError(fs, "%v", err)
	}

	var sources []*film.Source
	failed := false
	for _, name := range files {
		src, err := e.mapFile(name, kind)
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
		return exitError
	}
	res, err := mapping.Combine(sources, mapping.Options{Base: f.base})
	if err != nil {
		e.errorf("%v", err)
		return exitError
	}
	if !f.quiet {
		for _, d := range res.Diagnostics {
			fmt.Fprintf(e.stderr, "film2ld: %s: %s\n", d.Severity, d)
		}
	}
	var out bytes.Buffer
	if err := processor().Write(&out, res.Doc, format, ld.Options{Root: "Movie"}); err != nil {
		e.errorf("%s: %v", strings.Join(files, ", "), err)
		return exitError
	}
	if err := e.writeOutput(f.output, out.Bytes()); err != nil {
		e.errorf("%v", err)
		return exitError
	}
	return exitOK
}

// mapFile reads and maps one document.
func (e *env) mapFile(name string, kind film.Kind) (*film.Source, error) {
	data, display, err := e.readInput(name)
	if err != nil {
		return nil, err
	}
	return mapping.Map(bytes.NewReader(data), display, kind)
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
