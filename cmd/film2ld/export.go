package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"syscall"

	"github.com/spf13/pflag"

	"github.com/film2ld/film2ld/cmd/film2ld/internal/output"

	"github.com/film2ld/film2ld/ld"
	"github.com/film2ld/film2ld/mapping"
	"github.com/film2ld/film2ld/mapping/film"
	"github.com/film2ld/film2ld/mapping/pipeline"
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
case and punctuation, or one letter apart or in another word order in the
same credit, are one person.
Where the documents disagree on a single-valued fact (a running time, a year,
a character), the merged view keeps the value of the preferred kind
(--prefer, default encyclopedia,prize,reviews) and a warning names both.

The jsonld and html formats are a web snippet: the merged view without the
reviews and ratings search engines would reject (an AggregateRating with no
stated score, a review with no author) and what hangs only from them, one
line per cause on standard error (--verbose names each); --keep-rejected
keeps them. Search engines read one aggregateRating per film, so the
snippet keeps the first the rules accept: the site's headline (a review
aggregator's critic score), else its user score. A film no document names
makes no snippet (give --name, or use an RDF format). expanded and
flattened hold the whole merged view. Without -f, -o's extension (.nq,
.jsonld, .html) names the format.

The page owner's facts are what the owner of the page the snippet goes on
knows and the documents do not state: --page-url, --image, --name. They go
into the merged view only, never into a source's graph. --page-url gives
the Movie its url and (unless --base is given) the @id URL#movie. Search
engines forbid marking up reviews and ratings taken from other sites: with
--page-url the snippet keeps only those of review pages on that site and
counts the others on standard error; without it, a warning says so once.

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
--verbose adds why names were taken for one person. The same document
given twice (the same bytes) is read once, with a note.

With --batch, each immediate subfolder of each DIR holds the documents of
one film. Films are exported in parallel (-j) and written in folder order:
nquads and canonical as one stream (standard output or -o FILE; each
film's blank nodes are kept apart), the other formats as one file per film
in the folder -o DIR, named after the film's folder. A film that fails is
named with its file and line and skipped; the others are written, and the
exit status is 1 at the end. Every line about a film starts with its
folder; what the snippets leave out and the notes are counted in the last
line (films written, failed, warnings by cause) unless --verbose. Two films
that would write one file both fail; two of one film IRI (one title and
year) are both written, with a warning; a film folder's documents are its .txt
files, and another file (notes.md) is a warning. Progress is shown on a
terminal.

--shard K/N exports the K-th of N shards of the films (K from 1 to N): a
film's shard follows from its folder's name alone, so N machines given the
same archive split it without talking to each other, and the films of the
N shards are those of one run, each film's output the same bytes (a stream's
films keep their blank node labels, so the shards' N-Quads together are the
one run's statements). A shard with no film writes an empty stream.

Examples:
  film2ld export testdata/samples/*.txt
  film2ld export --page-url https://cinema.example/illegal --image https://cinema.example/illegal.jpg -f html testdata/samples/*.txt
  film2ld export -o illegal.nq testdata/samples/*.txt
  cat testdata/samples/001_7e8eb98cb7cb1a1b.txt | film2ld export --kind encyclopedia -
  film2ld export --batch -f canonical -o archive.nq testdata/films/
  film2ld export --batch -f html -o snippets/ testdata/films/
  film2ld export --batch --shard 2/4 -f nquads -o part-2.nq testdata/films/
`

// exportFlags are export's options.
type exportFlags struct {
	format, output, kind, base, prefer          string
	pageURL, image, name                        string
	shard                                       string
	quiet, verbose, merged, keepRejected, batch bool
	mergedInDefault, sameFilm                   bool
	jobs                                        int
}

func runExport(e *env, args []string) int {
	fs := pflag.NewFlagSet("export", pflag.ContinueOnError)
	var f exportFlags
	fs.StringVarP(&f.format, "format", "f", "jsonld", "output `format`: jsonld, expanded, flattened, nquads, canonical, html, turtle, trig or sparql-update (default: from -o's extension, else jsonld)")
	fs.StringVarP(&f.output, "output", "o", "-", "write to `FILE` instead of standard output (written whole or not at all)")
	fs.StringVar(&f.kind, "kind", "", "read every FILE as this `KIND`: reviews, encyclopedia or prize (default: detect)")
	fs.StringVar(&f.base, "base", mapping.DefaultBase, "`IRI` prefix of the IRIs minted for the film, people and organisations")
	fs.StringVar(&f.prefer, "prefer", "", "`KINDS` whose values win when documents disagree, first wins (default encyclopedia,prize,reviews)")
	fs.BoolVar(&f.merged, "merged", false, "nquads, canonical, trig: write the merged view only, without provenance graphs")
	fs.BoolVar(&f.mergedInDefault, "merged-in-default-graph", false, "nquads, canonical, trig: put the merged view in the default graph, not in the film's own graph")
	fs.BoolVar(&f.keepRejected, "keep-rejected", false, "jsonld, html: keep reviews and ratings search engines would reject")
	fs.BoolVar(&f.batch, "batch", false, "export every film of each DIR given: one film per subfolder")
	fs.BoolVar(&f.sameFilm, "same-film", false, "merge the documents even where their titles, years and directors say they are different films")
	fs.IntVarP(&f.jobs, "jobs", "j", runtime.NumCPU(), "with --batch, export `N` films at once")
	fs.StringVar(&f.shard, "shard", "", "with --batch, export only the K-th of N shards of the films (`K/N`, split by folder name), so that N machines share an archive")
	fs.BoolVarP(&f.quiet, "quiet", "q", false, "do not print warnings and notes")
	fs.BoolVarP(&f.verbose, "verbose", "v", false, "also name each review and rating left out of the web snippet, and explain each merge of names")
	fs.StringVar(&f.pageURL, "page-url", "", "page owner's fact: the `URL` of the page the snippet is for; the Movie's url (and @id, unless --base is given); the snippet keeps only that site's reviews and ratings")
	fs.StringVar(&f.name, "name", "", "page owner's fact: the film's `TITLE`, when no document states it (a review page alone)")
	fs.StringVar(&f.image, "image", "", "page owner's fact: the `URL` of the film's poster or another image of it, which the documents do not give")
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
	format, err := outputFormat(fs, f.format, f.output, f.batch)
	if err != nil {
		return e.usageError(fs, "%v", err)
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
	switch err := pipeline.CheckView(format, f.merged, f.mergedInDefault); {
	case errors.Is(err, pipeline.ErrUpdateDefaultGraph):
		return e.usageError(fs, "-f sparql-update replaces the film's named graphs; --merged and --merged-in-default-graph put statements in the default graph, which it cannot replace")
	case err != nil:
		return e.usageError(fs, "%v", err)
	}
	if err := pipeline.CheckBase(f.base); err != nil {
		return e.usageError(fs, "--base: %v", err)
	}
	page, err := pageFacts(f)
	if err != nil {
		return e.usageError(fs, "%v", err)
	}
	if !f.batch && fs.Changed("jobs") {
		// One film is one job: -j was taken and ignored, '-j 0'
		// included, which --batch refuses.
		return e.usageError(fs, "-j sets how many films --batch exports at once; one film is exported without it")
	}
	if !f.batch {
		if err := e.checkInputs(files, f.output); err != nil {
			return e.usageError(fs, "%v", err)
		}
		if !e.outputWritable(f.output) {
			return exitError
		}
	}

	base := "" // the default, which a --page-url replaces (see pipeline.Options)
	if fs.Changed("base") {
		base = f.base
	}
	x := &exportJob{format: format, kind: kind, batch: f.batch, page: page,
		opts:   mapping.Options{Base: base, Prefer: prefer, MergedInDefaultGraph: f.mergedInDefault, SameFilm: f.sameFilm},
		merged: f.merged, keepRejected: f.keepRejected, quiet: f.quiet, verbose: f.verbose}
	if f.batch {
		sh, err := parseShard(f.shard)
		if err != nil {
			return e.usageError(fs, "--shard: %v", err)
		}
		return e.runBatch(fs, x, files, f.output, f.jobs, sh)
	}
	if f.shard != "" {
		return e.usageError(fs, "--shard splits the films of a batch; give it with --batch")
	}
	// N-Quads, sorted or canonical, is written as it is made (sorted in
	// runs on disk); the Turtle writers hold numbered statements and
	// stream their text; the web snippet builds its long lists again as
	// it writes them (ld.Config.HeldItems); expanded JSON-LD is written
	// as the view is walked, flattened JSON-LD from its statements: their
	// memory can be held to a multiple of the input's.
	defer boundHeap(inputSize(files))()
	res, ok := e.renderFilm(files, x)
	if !ok {
		return exitError
	}
	if !e.writeFilm(f.output, files, res) {
		return exitError
	}
	return exitOK
}

// writeFilm writes a rendered film to path (standard output for "" and
// "-") as it is converted, never holding the whole output, which is many
// times the documents' size: Output.Write fails, if it does, before its
// first byte, and a file is replaced only on success (package output).
func (e *env) writeFilm(path string, files []string, res *pipeline.Output) bool {
	out, err := output.Create(path, e.stdout)
	if err != nil {
		e.errorf("%v", err)
		return false
	}
	if err := res.Write(out); err != nil {
		out.Abort()
		e.filmError(files, err)
		return false
	}
	if err := out.Commit(); err != nil {
		e.errorf("%v", err)
		return false
	}
	return true
}

// filmError reports a failure to write a film's output: the output's own
// error names its path, a conversion error the film's documents.
func (e *env) filmError(files []string, err error) {
	if oerr := (*output.Error)(nil); errors.As(err, &oerr) {
		e.errorf("%v", err)
		return
	}
	e.errorf("%s: %v", strings.Join(files, ", "), err)
}

// exportJob is how to export each film.
type exportJob struct {
	format                               ld.Format
	kind                                 film.Kind
	opts                                 mapping.Options
	page                                 mapping.Page
	merged, keepRejected, quiet, verbose bool
	// batch is set for a film of a batch: a file of its folder that is
	// not a film document is left out with a warning.
	batch bool
	// tally counts a batch's warnings by cause.
	tally *tally
}

// pageFacts reads the page owner's facts from the command line.
func pageFacts(f exportFlags) (mapping.Page, error) {
	p := mapping.Page{URL: f.pageURL, Image: f.image, Name: strings.TrimSpace(f.name)}
	if (p.URL != "" || p.Image != "" || p.Name != "") && f.batch {
		return p, errors.New("--page-url, --image and --name are one film's facts; they cannot be given with --batch")
	}
	if f.name != "" && p.Name == "" {
		return p, errors.New("--name: an empty title")
	}
	if p.URL != "" {
		if err := mapping.CheckURL(p.URL); err != nil {
			return p, fmt.Errorf("--page-url: %w", err)
		}
	}
	if p.Image != "" {
		if err := mapping.CheckURL(p.Image); err != nil {
			return p, fmt.Errorf("--image: %w", err)
		}
	}
	return p, nil
}

// exportFilm maps one film's documents, merges them and returns the
// output, written into buf (emptied first); errors and diagnostics go to
// e.stderr. ok is false when a
// document or the conversion failed, and then there is no output.
func (e *env) exportFilm(files []string, x *exportJob, buf *bytes.Buffer) (out []byte, iri string, ok bool) {
	res, ok := e.renderFilm(files, x)
	if !ok {
		return nil, "", false
	}
	buf.Reset()
	if err := res.Write(buf); err != nil {
		e.errorf("%s: %v", strings.Join(files, ", "), err)
		return nil, "", false
	}
	if res.Film != nil {
		iri = res.Film.ID
	}
	return buf.Bytes(), iri, true
}

// renderFilm maps one film's documents, merges them and renders the view
// its format shows; errors and diagnostics go to e.stderr. ok is false
// when a document failed, and then there is no output.
func (e *env) renderFilm(files []string, x *exportJob) (res *pipeline.Output, ok bool) {
	job := pipeline.New(pipeline.Options{Kind: x.kind, Merge: x.opts, Page: x.page, Format: x.format,
		Merged: x.merged, KeepRejected: x.keepRejected})
	failed := false
	for _, name := range files {
		if x.batch && !pipeline.MayBeDocumentName(name) {
			// A film folder may hold notes, posters, lists.
			e.warnf("%s", notADocument(name))
			continue
		}
		note, err := e.readDocument(job, name)
		if err != nil {
			e.errorf("%v", err)
			var wrongKind *mapping.WrongKindError
			var form ld.InputFormat
			if pe := (*fs.PathError)(nil); !errors.As(err, &pe) {
				form = markupForm(name) // read, and not a film page
			}
			switch {
			case isURLArg(name, err):
				e.hint("%s", urlTextFix)
			case form == ld.InputHTML:
				e.hint("%s is an HTML page: export maps the text of film pages (save the page as text); 'film2ld validate %s' checks the page's own JSON-LD, 'film2ld convert %s' converts it", name, name, name)
			case form != 0:
				e.hint("%s is linked data (%s): 'film2ld convert %s' converts it and 'film2ld validate %s' checks it; export maps film pages' text to linked data", name, form, name, name)
			case errors.Is(err, mapping.ErrUnknownKind) && x.batch:
				// --kind applies to every document of a batch: it cannot
				// name one document's kind (audit 15).
				e.hint("--kind would apply to every document of the batch: export this film on its own with --kind reviews, --kind encyclopedia or --kind prize (film2ld export --kind KIND %s), or move the document out of its folder", name)
			case errors.Is(err, mapping.ErrUnknownKind):
				e.hint("name the kind with --kind reviews, --kind encyclopedia or --kind prize")
			case errors.As(err, &wrongKind) && !x.batch:
				e.hint("leave --kind out to have each document's kind detected, or give --kind %s", wrongKind.Detected)
			case errors.Is(err, syscall.EISDIR) && name == "-":
				e.hint("standard input is a folder: pass a film's documents as files (FOLDER/*.txt), or the folder with --batch to export each of its subfolders as a film")
			case errors.Is(err, syscall.EISDIR) && !x.batch:
				e.hint("%s is a folder: name one film's documents (%s), or pass --batch to export each of its subfolders as a film", name, filepath.Join(name, "*.txt"))
			}
			failed = true
			continue
		}
		if note != nil {
			e.notef("%s", note)
		}
	}
	if failed {
		return nil, false
	}
	f, err := job.Merge()
	if errors.Is(err, pipeline.ErrNoDocuments) {
		e.errorf("%s: no film document", strings.Join(files, ", "))
		return nil, false
	}
	if err != nil {
		e.errorf("%v", err)
		if errors.Is(err, mapping.ErrDifferentFilms) {
			if x.batch {
				e.hint("a film's folder holds the documents of one film: move the other film's documents to a folder of their own, or give --same-film if they are one film")
			} else {
				e.hint("export each film's documents on their own (or each film's folder with --batch), or give --same-film if they are one film")
			}
		}
		return nil, false
	}
	for _, d := range f.Diagnostics {
		if !x.quiet && (d.Severity != mapping.Info || x.verbose) {
			e.say(string(d.Severity), "%s", d)
		}
	}
	res, err = job.Render(f)
	if errors.Is(err, mapping.ErrNoName) {
		e.errorf("%s: %v: a web snippet (-f %s) needs the film's title", strings.Join(files, ", "), mapping.ErrNoName, x.format)
		e.hint("add the film's encyclopedia article or prize page, give the title with --name, or export the facts with -f nquads")
		return nil, false
	}
	if err != nil {
		e.errorf("%v", err)
		return nil, false
	}
	// Nothing reads the documents' reviews, parts and credits past
	// rendering; the film holds them.
	job.DropStated()
	if res.View == pipeline.Snippet && !x.quiet {
		e.snippetMessages(res, x)
	}
	return res, true
}

// snippetMessages says what the web snippet left out: one line per cause,
// and the nodes themselves with --verbose.
func (e *env) snippetMessages(res *pipeline.Output, x *exportJob) {
	if msg := res.OffSiteMessage(); msg != "" {
		e.warnf("%s", msg)
	}
	for _, line := range leftOutSummary(res.LeftOut.All()) {
		e.warnf("%s", line)
	}
	if x.verbose {
		for d := range res.LeftOut.All() {
			e.notef("left out: %s: %s [%s]", d.Node, d.Message, d.Rule)
		}
	}
	if res.Aggregated {
		if e.tally != nil {
			e.tally.setAggregated() // said once, at the batch's end
		} else {
			e.warnf("%s", aggregatedWarning)
		}
	}
}

// markupForm tells a document export could not read that is linked data
// or an HTML page, by its name or first bytes, which users give export
// for the film page they saved; 0 for anything else (standard input is
// not read again).
func markupForm(name string) ld.InputFormat {
	if name == "-" {
		return 0
	}
	if f := ld.InputByName(name); f != 0 || pipeline.IsDocumentName(name) {
		return f
	}
	f, err := os.Open(name)
	if err != nil {
		return 0
	}
	defer f.Close()
	head := make([]byte, 512)
	n, _ := io.ReadFull(f, head)
	// N-Quads is what DetectInput says of any other text: not told.
	if form := ld.DetectInput("", head[:n]); form == ld.InputHTML || form == ld.InputJSONLD {
		return form
	}
	return 0
}

// aggregatedWarning is said once when a snippet marks up reviews without a
// page URL to tell the site's own from others'.
const aggregatedWarning = "the web snippet marks up reviews from a review aggregator's page; search engines ask sites to mark up only reviews they collect themselves (give --page-url to keep only your site's)"

// readDocument reads one document into the job. The file goes to the
// mapper as it is, not read into memory first, so that a large document
// is held once.
func (e *env) readDocument(job *pipeline.Job, name string) (*mapping.Diagnostic, error) {
	if name == "-" {
		return job.Read(e.stdin, "<stdin>")
	}
	f, err := openDocument(name)
	if err != nil {
		return nil, err // the *PathError names the file
	}
	r := guardShrinking(f)
	defer r.Close()
	return job.Read(r, name)
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

// outputFormat is -f, or else the format -o's extension names; an -f that
// contradicts the extension is refused, since a reader goes by the name.
// export and convert both choose their output's format so: convert once
// wrote JSON-LD into "-o film.nq" and could not read it back (audit 16).
// folder says that -o is a batch's folder of files, whose own names say
// their format.
func outputFormat(fs *pflag.FlagSet, flag, output string, folder bool) (ld.Format, error) {
	ext := strings.ToLower(filepath.Ext(output))
	implied := pipeline.OutputFormats(output)
	known := len(implied) > 0
	if folder && !slices.ContainsFunc(implied, pipeline.Concatenates) {
		known = false
	}
	if !fs.Changed("format") {
		if known {
			return implied[0], nil
		}
		return ld.ParseFormat(flag)
	}
	format, err := ld.ParseFormat(flag)
	if err != nil {
		return format, fmt.Errorf("--format: %w", err)
	}
	if known && !slices.Contains(implied, format) {
		return format, fmt.Errorf("-f %s contradicts -o %s: a %s file holds %s", format, output, ext, formatNames(implied))
	}
	return format, nil
}

func formatNames(fs []ld.Format) string {
	names := make([]string, len(fs))
	for i, f := range fs {
		names[i] = f.String()
	}
	return strings.Join(names, " or ")
}

// notADocument is the warning for a file of a film folder that is not one
// of its documents (pipeline.MayBeDocumentName), which export --batch and
// validate --batch both leave out.
func notADocument(name string) string {
	return name + ": not read: film2ld reads the .txt files of a film folder (and files without an extension); left out"
}
