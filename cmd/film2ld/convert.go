package main

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/spf13/pflag"

	"github.com/film2ld/film2ld/ld"
	"github.com/film2ld/film2ld/mapping/pipeline"
)

const convertUsage = `Usage: film2ld convert [flags] FILE...

Reads linked data and writes it in another form. Inputs are JSON-LD (.jsonld,
.json), HTML pages (every <script type="application/ld+json"> block) and
N-Quads (.nq, .nt); the form is told by the extension, else by the content,
and --input-format overrides both. Several inputs (or blocks) are read as one
graph: nodes with the same IRI join, blank nodes stay apart. FILE "-" reads
standard input.

The schema.org context is built in; any other remote context is refused
unless --allow-remote is given (http and https only, 10 s and 8 MiB per
context; --allow-local-contexts adds local files). Relative IRIs are an error unless --base
gives the IRI to resolve them against.

By default anything JSON-LD would silently drop is an error naming it: a
term or property with no IRI, an ill-formed IRI or language tag, @direction,
a key that looks like a keyword, bytes that are not UTF-8. --lenient drops
such things as the JSON-LD algorithms do (and replaces bytes that are not
UTF-8 with U+FFFD) and prints one warning per kind, with where it first
happened.

Formats (--format): jsonld (default), expanded, flattened, nquads, canonical,
html; see 'film2ld export --help'.

Examples:
  film2ld convert -f canonical movie.jsonld
  film2ld convert -f jsonld page.html
  film2ld convert --input-format nquads -f jsonld - < film.nq
`

func runConvert(e *env, args []string) int {
	fs := pflag.NewFlagSet("convert", pflag.ContinueOnError)
	var format, input, output, base string
	var allowRemote, allowLocal, lenient bool
	fs.StringVarP(&format, "format", "f", "jsonld", "output `format`: jsonld, expanded, flattened, nquads, canonical or html")
	fs.StringVar(&input, "input-format", "", "read every FILE as `FORMAT`: jsonld, html or nquads (default: by extension, else content)")
	fs.StringVarP(&output, "output", "o", "-", "write to `FILE` instead of standard output (written whole or not at all)")
	fs.StringVar(&base, "base", "", "resolve relative IRIs against this `IRI` (default: relative IRIs are an error)")
	fs.BoolVar(&allowRemote, "allow-remote", false, "let documents load @context URLs other than schema.org's over the network")
	fs.BoolVar(&allowLocal, "allow-local-contexts", false, "with --allow-remote, also read file: contexts and contexts relative to a local input file")
	fs.BoolVar(&lenient, "lenient", false, "drop what JSON-LD drops (with one warning per kind) instead of refusing the document")
	if done, status := e.parseFlags(fs, convertUsage, args); done {
		return status
	}
	files := fs.Args()
	if len(files) == 0 {
		return e.usageError(fs, "convert needs at least one FILE (or - for standard input)")
	}
	outFormat, err := ld.ParseFormat(format)
	if err != nil {
		return e.usageError(fs, "--format: %v", err)
	}
	var inFormat ld.InputFormat
	if input != "" {
		if inFormat, err = ld.ParseInputFormat(input); err != nil {
			return e.usageError(fs, "--input-format: %v", err)
		}
	}
	if base != "" {
		if err := pipeline.CheckBase(base); err != nil {
			return e.usageError(fs, "--base: %v", err)
		}
	}
	if err := checkInputs(files, output); err != nil {
		return e.usageError(fs, "%v", err)
	}

	if allowLocal && !allowRemote {
		return e.usageError(fs, "--allow-local-contexts needs --allow-remote")
	}
	p := processor()
	if allowRemote {
		p = ld.NewProcessor(ld.Config{AllowRemote: true, Remote: ld.Remote{AllowFiles: allowLocal}})
	}
	var docs []any
	failed := false
	for _, name := range files {
		got, err := e.readLinkedData(p, name, inFormat, lenient)
		if err == nil && allowLocal && name != "-" {
			// Relative context references of a local file resolve against
			// the file, as JSON-LD resolves them against a document's URL.
			abs, aerr := filepath.Abs(name)
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
			e.errorf("%v", err)
			e.convertHint(err)
			failed = true
			continue
		}
		docs = append(docs, got...)
	}
	if failed {
		return exitError
	}
	opts := ld.Options{Base: base}
	if lenient {
		opts.Lenient = &ld.Dropped{}
		defer func() {
			for _, d := range opts.Lenient.Drops() {
				e.warnf("%s: %s", strings.Join(files, ", "), d)
			}
		}()
	}
	doc, err := p.Union(docs, opts)
	if err != nil {
		e.errorf("%s: %v", strings.Join(files, ", "), err)
		e.convertHint(err)
		return exitError
	}
	var out bytes.Buffer
	if err := p.Write(&out, doc, outFormat, opts); err != nil {
		e.errorf("%s: %v", strings.Join(files, ", "), err)
		e.convertHint(err)
		return exitError
	}
	if err := e.writeOutput(output, out.Bytes()); err != nil {
		e.errorf("%v", err)
		return exitError
	}
	return exitOK
}

// readLinkedData reads one input into its JSON-LD documents. With lenient,
// bytes that are not UTF-8 are replaced with U+FFFD and counted in a
// warning; without it they are an error naming their offset, since a
// silent replacement would change the data.
func (e *env) readLinkedData(p *ld.Processor, name string, f ld.InputFormat, lenient bool) ([]any, error) {
	data, display, err := e.readInput(name)
	if err != nil {
		return nil, err
	}
	if lenient {
		var n int
		if data, n = ld.ReplaceInvalidUTF8(data); n > 0 {
			e.warnf("%s: %d %s not UTF-8, replaced with U+FFFD", display, n, plural(n, "byte"))
		}
	}
	if f == 0 {
		f = ld.DetectInput(name, data)
	}
	return p.Read(bytes.NewReader(data), display, f)
}

// convertHint suggests the flag that lifts a refusal.
func (e *env) convertHint(err error) {
	switch {
	case errors.Is(err, ld.ErrRemoteContext):
		e.hint("pass --allow-remote to let film2ld fetch it")
	case errors.Is(err, ld.ErrRelativeIRI):
		e.hint("pass --base IRI to resolve relative IRIs against it")
	case errors.Is(err, ld.ErrInvalidIRI), errors.Is(err, ld.ErrInvalidLanguage), errors.Is(err, ld.ErrInvalidInput):
		e.hint("pass --lenient to drop what JSON-LD would drop, with a warning")
	case errors.Is(err, ld.ErrInvalidUTF8):
		e.hint("pass --lenient to replace the bytes that are not UTF-8 with U+FFFD, with a warning")
	}
}
