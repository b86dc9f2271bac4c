package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	iofs "io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/spf13/pflag"

	"github.com/film2ld/film2ld/cmd/film2ld/internal/msg"
	"github.com/film2ld/film2ld/cmd/film2ld/internal/output"
	"github.com/film2ld/film2ld/ld"
	"github.com/film2ld/film2ld/ld/diag"
	"github.com/film2ld/film2ld/mapping/pipeline"
	"github.com/film2ld/film2ld/schemas"
)

const validateUsage = `Usage: film2ld validate [flags] FILE|DIR...

Checks schema.org markup in three layers: JSON Schemas for film nodes, the
schema.org vocabulary (release 30.0: unknown and superseded terms, properties
on the wrong type, values and node types outside a property's range,
impossible dates), and the rules of Google's structured-data pages, each on
its own feature (movie carousel, review snippet, fact check, employer rating).
Run 'film2ld validate --rules' for every rule and the page it follows.

Inputs: JSON-LD (.jsonld, .json), HTML pages (every ld+json block, as one
graph), N-Quads (.nq, .nt), Turtle (.ttl), TriG (.trig), and film documents
(.txt). FILE "-" reads standard input. A DIR is searched for pages (.html,
.htm), JSON-LD (.jsonld, and .json files with an
"@context"), N-Quads, Turtle and TriG, which are checked in parallel; pages
without markup are counted, not reported.

Validate checks what export writes the way export writes it:
  - film documents are one film, as export combines them (all the FILEs
    given; with --batch, one film per subfolder of each DIR), and its web
    snippet is checked;
  - N-Quads and expanded or flattened JSON-LD are data for triple stores,
    not a page's markup: their merged view (named graphs other than a
    film's merged view are the sources' own words and are not checked) is
    checked as the web snippet export would make of it;
  - in both, what the snippet leaves out (a rating with no score, a review
    with no author) is a warning [snippet.left-out], since the RDF keeps it.
Compact JSON-LD with the Movie at the root, and HTML, are a page's markup
and checked as they are.

Nothing unchecked passes: a file or block that is not JSON, nests deeper
than 256 levels, names a context film2ld cannot load offline, is rejected
by the JSON-LD processor or holds no node is an error that no --disable or
baseline can hide.

Profiles (--profile):
  google     all three layers (default)
  schemaorg  JSON Schemas and vocabulary only

Formats (--format):
  text    FILE:LINE:COL: error: NODE: PROPERTY: message (fix) [rule]   (default)
          (columns count characters)
  json    an array of findings
  sarif   SARIF 2.1.0, for code scanning (columnKind unicodeCodePoints)
  github  GitHub Actions workflow commands (::error file=…,line=…::…)
  html    one self-contained page: findings beside their source lines, and
          a preview of each Movie's rich result

Exit status: 0 when no file has an error (warnings allowed unless --strict),
1 when any has (after every file was checked), 2 for a usage error.

Examples:
  film2ld validate public/
  film2ld validate --profile schemaorg --format sarif -o report.sarif data/*.jsonld
  film2ld validate --write-baseline .film2ld-baseline.json public/
  film2ld validate --baseline .film2ld-baseline.json --strict public/
`

// validateJob is one run of validate: its settings and filters.
type validateJob struct {
	prof    schemas.Profile
	pageURL string
	filter  *ruleFilter
	// format is the report's (--format): what it shows beyond the
	// findings decides what trim keeps.
	format string
	// repeat is how many times the text report shows a finding said of
	// many nodes of a file (--repeat); quoteAll asks trim to quote every
	// finding, when a baseline will take some out after it.
	repeat   int
	quoteAll bool
	// sameFilm merges a film's documents even where they seem to be of
	// different films (--same-film).
	sameFilm bool
}

// letGo reports whether validateFile lets a file's bytes go once their
// graph is read, for the report to read again what it quotes: a large
// regular file (from boundFrom) of UTF-8 as it stands on disk, whose
// lines are those its findings are placed in, unless the HTML report
// shows it.
func (job *validateJob) letGo(name string, data []byte, decl ld.Declared) bool {
	// A named pipe or another file that is not regular cannot be read
	// again: opened for the quotes, a pipe waited for a writer forever.
	return name != "-" && job.format != "html" && len(data) >= boundFrom &&
		decl.Name == "" && isRegular(name) && utf8.Valid(data)
}

// trim lets go of what the report will not read of r. The HTML report
// shows every input, its markup and its snippet's preview (made from its
// graph); the text report quotes an input's line at each finding that
// has one, taken now; the others show findings alone. A folder of 60
// pages of 1.4 MB each held every page's graph (through its findings too)
// and bytes to the end: 706 MB, and 11 s where 20 of them took 1.9.
func (job *validateJob) trim(r fileResult) fileResult {
	if job.format == "html" {
		return r
	}
	if job.format == "text" {
		var rep *repeats
		if !job.quoteAll {
			rep = newRepeats(job.repeat) // what the report will show
		}
		r.quotes = quotes(r.display, r.data, r.path, r.findings, rep)
	}
	r.data, r.graph = nil, nil
	schemas.Detach(r.findings) // each holds its node, and through it the graph
	return r
}

func runValidate(e *env, args []string) int {
	fs := pflag.NewFlagSet("validate", pflag.ContinueOnError)
	var profile, format, outPath, pageURL, baseline, writeBaseline, printSchema string
	var strict, listRules, sameFilm bool
	var repeat int
	var disable, enable []string
	fs.StringVar(&profile, "profile", "google", "`PROFILE` of checks: google or schemaorg")
	fs.StringVarP(&format, "format", "f", "text", "report `FORMAT`: text, json, sarif, github or html")
	fs.StringVarP(&outPath, "output", "o", "-", "write the report to `FILE` (written whole or not at all)")
	fs.IntVar(&repeat, "repeat", 10, "in the text report, show a finding said of many nodes of a file `N` times and count the rest (0: show every one)")
	fs.StringVar(&pageURL, "page-url", "", "`URL` the markup is published at: reviews from other sites are reported")
	var batch bool
	fs.BoolVar(&batch, "batch", false, "each immediate subfolder of each DIR given holds one film's documents, checked as export --batch combines them")
	fs.BoolVar(&sameFilm, "same-film", false, "check film documents as one film even where their titles, years and directors say they are different films (as export --same-film)")
	fs.BoolVar(&strict, "strict", false, "warnings fail the run too (exit 1)")
	fs.StringSliceVar(&disable, "disable", nil, "skip these `RULE`s (ids, or prefixes such as google.movie); comma-separated or repeated")
	fs.StringSliceVar(&enable, "enable", nil, "check only these `RULE`s (ids or prefixes); --disable still applies")
	fs.StringVar(&baseline, "baseline", "", "ignore findings recorded in this baseline `FILE` (- for standard input), so only new ones count")
	fs.StringVar(&writeBaseline, "write-baseline", "", "record every finding in `FILE` (- for standard output) as the baseline, and exit 0")
	fs.BoolVar(&listRules, "rules", false, "list every rule with its severity and the page it follows, and exit")
	fs.StringVar(&printSchema, "print-schema", "", "print the JSON Schema for `TYPE` (Movie, Review, …; \"list\" names them) and exit")
	if done, status := e.parseFlags(fs, validateUsage, args); done {
		return status
	}
	if listRules || printSchema != "" {
		// Written to -o as a report is (it was ignored: the list went
		// to standard output, and no file was made).
		var out bytes.Buffer
		status := exitOK
		if listRules {
			printRules(&out)
		} else if status = e.printSchema(fs, printSchema, &out); status != exitOK {
			return status
		}
		if err := e.writeOutput(outPath, out.Bytes()); err != nil {
			e.errorf("%v", err)
			return exitError
		}
		return status
	}
	files := fs.Args()
	if len(files) == 0 {
		return e.usageError(fs, "validate needs at least one FILE or DIR (or - for standard input)")
	}
	prof, err := schemas.ParseProfile(profile)
	if err != nil {
		return e.usageError(fs, "--profile: %v", err)
	}
	report, ok := reporters[format]
	if !ok && format != "html" {
		return e.usageError(fs, "--format: unknown format %q (want text, json, sarif, github or html)", format)
	}
	if repeat < 0 {
		return e.usageError(fs, "--repeat: %d is below 0 (0 shows every finding)", repeat)
	}
	filter, err := newRuleFilter(enable, disable)
	if err != nil {
		return e.usageError(fs, "%v", err)
	}
	var base *baselineSet
	if baseline != "" {
		if baseline == "-" && slices.Contains(files, "-") {
			// Read first, the baseline would leave the document nothing.
			return e.usageError(fs, "--baseline -: the baseline and a document cannot both be read from standard input (save one of them to a file)")
		}
		if base, err = e.readBaseline(baseline); err != nil {
			return e.usageError(fs, "--baseline: %v", err)
		}
	}
	var films []batchFilm
	var inputs []string
	var walked map[string]bool
	if batch {
		if films, err = e.listFilms(files, false); err != nil {
			e.errorf("%v", err)
			return exitError
		}
	} else {
		if inputs, walked, err = e.expandInputs(files); err != nil {
			return e.usageError(fs, "%v", err)
		}
		// Film documents given together are one film, as export
		// combines them: a review page is not faulted for the title its
		// article gives.
		// A document without a .txt name (standard input, a file with
		// no extension) is one of them when its text reads as a film
		// document, as export reads it: checked alone, a review page
		// given as - lacked the title its article gives.
		var docs, others []string
		if slices.ContainsFunc(inputs, func(in string) bool { return in != "-" && pipeline.IsDocumentName(in) }) {
			for _, in := range inputs {
				if in != "-" && pipeline.IsDocumentName(in) || e.filmDocumentByText(in) {
					docs = append(docs, in)
				} else {
					others = append(others, in)
				}
			}
		}
		if len(docs) > 0 {
			shown := make([]string, len(docs))
			for i, d := range docs {
				shown[i] = e.inputDisplay(d)
			}
			films = append(films, batchFilm{dir: strings.Join(shown, ", "), files: docs})
			inputs = others
		}
	}
	// Whatever is read is an input neither the report nor the baseline
	// written may replace: the film documents too (taken out of inputs
	// above), the folders of a batch, and for the report the baseline
	// read (a baseline may be rewritten in place: it is read first).
	read := slices.Clone(inputs)
	if !batch {
		for _, f := range films {
			read = append(read, f.files...)
		}
	}
	reportRead := read
	if baseline != "" {
		reportRead = append(slices.Clone(read), baseline)
	}
	for _, out := range []struct {
		flag, path string
		read       []string
	}{{"", outPath, reportRead}, {"--write-baseline: ", writeBaseline, read}} {
		if out.path == "" {
			continue
		}
		if err := e.checkInputs(out.read, out.path); err != nil {
			return e.usageError(fs, "%s%v", out.flag, err)
		}
		// A folder given, with or without --batch, is read again by the
		// next run: a report written into it would be one of its inputs.
		// (An input file the output would replace is refused above.)
		for _, d := range files {
			if output.Inside(out.path, d) {
				return e.usageError(fs, "%soutput %s is inside input folder %s; refusing to mix them", out.flag, out.path, d)
			}
		}
		if f := linkedFilmHolding(out.path, films); f != nil {
			return e.usageError(fs, "%soutput %s is inside film folder %s, a link to another folder; refusing to mix them", out.flag, out.path, f.dir)
		}
	}
	if !e.outputWritable(outPath, writeBaseline) {
		return exitError
	}

	release, err := e.spoolStdin(inputs)
	defer release()
	if err != nil {
		e.errorf("%v", err)
		return exitError
	}
	defer validateHeap(max(largestInput(inputs, films), e.stdinSize()))()
	job := &validateJob{prof: prof, pageURL: pageURL, filter: filter, format: format, repeat: repeat, quoteAll: base != nil, sameFilm: sameFilm}
	results := e.validateAll(job, inputs, walked)
	release() // read: a copy of standard input is not needed for the report
	for _, f := range films {
		for _, w := range f.warnings {
			e.warnf("%s", w)
		}
		results = append(results, job.trim(e.validateFilm(job, f)))
	}
	var findings []schemas.Finding
	var sources []reportSource
	noMarkup, disabled, known := 0, 0, 0
	for _, r := range results {
		if r.noMarkup {
			noMarkup++
		}
		disabled += r.disabled
		kept := r.findings
		for i := range kept {
			// A finding made from a reader's error (a syntax error
			// quoting a number of 100,000 digits) is held to the
			// length schemas holds its own to.
			kept[i] = kept[i].Clipped()
		}
		if base != nil {
			var n int
			kept, n = base.filter(kept)
			known += n
		}
		findings = append(findings, kept...)
		sources = append(sources, reportSource{name: r.display, data: r.data, graph: r.graph, findings: kept, quotes: r.quotes})
	}
	if writeBaseline != "" {
		var all []schemas.Finding
		for _, r := range results {
			all = append(all, r.findings...)
		}
		data, n, err := encodeBaseline(all, baselineDir(writeBaseline))
		if err == nil {
			err = e.writeOutput(writeBaseline, data)
		}
		if err != nil {
			e.errorf("%v", err)
			return exitError
		}
		where := writeBaseline
		if where == "-" {
			where = "standard output"
		}
		fmt.Fprintf(e.stderr, "film2ld: %d %s recorded in %s\n", n, plural(n, "finding"), where)
		if n < len(all) {
			// Unreadable files are never accepted, so the run fails now
			// as every later run will.
			fmt.Fprintf(e.stderr, "film2ld: %d %s could not be recorded: part of a file was not checked\n", len(all)-n, plural(len(all)-n, "finding"))
			return exitError
		}
		return exitOK
	}
	// The report is written as it is made, not held: 200,000 findings
	// made 72 MB of text, held whole in a buffer grown by doubling.
	out, err := output.Create(outPath, e.stdout)
	if err != nil {
		e.errorf("%v", err)
		return exitError
	}
	w := bufio.NewWriterSize(out, 64<<10)
	switch format {
	case "html":
		err = reportHTML(w, sources, prof)
	case "text":
		err = reportText(w, findings, excerpter(sources), newRepeats(repeat))
	default:
		err = report(w, findings)
	}
	if err == nil {
		err = w.Flush()
	}
	if err == nil {
		err = out.Commit()
	}
	if err != nil {
		out.Abort()
		e.errorf("%v", err)
		return exitError
	}
	errs, warns := count(findings)
	checked, what := len(results), "file"
	ofOneFilm := 0 // film documents checked together as one film
	if batch {
		what = "film"
	} else {
		// Each film document is a file checked: three given together
		// were one result, and the summary said "1 file checked".
		for _, f := range films {
			checked += len(f.files) - 1
			ofOneFilm += len(f.files)
		}
	}
	if len(results) > 1 {
		for _, src := range sources {
			if fe, fw := count(src.findings); fe+fw > 0 {
				fmt.Fprintf(e.stderr, "film2ld: %s: %d %s, %d %s\n", msg.Clean(src.name), fe, plural(fe, "error"), fw, plural(fw, "warning"))
			}
		}
	}
	summary := fmt.Sprintf("film2ld: %d %s checked: %d %s, %d %s", checked, plural(checked, what),
		errs, plural(errs, "error"), warns, plural(warns, "warning"))
	var extra []string
	if ofOneFilm > 1 {
		extra = append(extra, fmt.Sprintf("%d film documents checked as one film", ofOneFilm))
	}
	if noMarkup > 0 {
		extra = append(extra, fmt.Sprintf("%d %s without markup", noMarkup, plural(noMarkup, "page")))
	}
	if known > 0 {
		extra = append(extra, fmt.Sprintf("%d in the baseline", known))
	}
	if disabled > 0 {
		extra = append(extra, fmt.Sprintf("%d disabled", disabled))
	}
	if len(extra) > 0 {
		summary += " (" + strings.Join(extra, ", ") + ")"
	}
	fmt.Fprintln(e.stderr, summary)
	if errs > 0 || strict && warns > 0 {
		return exitError
	}
	return exitOK
}

// validateHeap sets the collector for a run whose largest input (a file,
// or a film's documents together) has largest bytes, and returns the
// function that puts it back. GOGC and GOMEMLIMIT set by the user win.
//
// Small inputs: a page's graph is garbage the moment its file is done, so
// collecting less often (GOGC 400) saves a good part of a folder's run
// (GOGC 100 cost a folder of 60 pages 12-14% more CPU), under a soft
// limit of smallHeap kept by the governor of boundHeap (1.3 times what is
// live, where that is more). A fixed limit of 400 MB let one small but
// dense input's heap grow to five times what was live: 1.9 MB of Turtle
// took 363 MB and 1.9 MB of N-Quads 135 MB, where 2.2 MB, bounded, took
// 126 and 61 MB (audit 5).
//
// From boundFrom bytes, one input's graph is most of the heap, and GOGC
// 400 let it grow to five times what was live: 355-360 MB for a 5.7 MB
// page of 50,000 reviews, 400 MB for its 14.6 MB of JSON-LD. Such a run is
// held as export's is (boundHeap: 7 times the input, or 1.3 times what is
// live when that is more, so that the collector never runs without pause
// over a file read whole, as it did under a fixed limit: a valid 200 MB
// JSON file took 110 s of CPU under 400 MB).
// smallHeap is the soft memory limit of a validate run over small inputs
// (see validateHeap): a folder of pages stays well under it.
const smallHeap = 64 << 20

func validateHeap(largest int64) (restore func()) {
	if largest >= boundFrom {
		return boundHeap(largest)
	}
	var undo []func()
	if os.Getenv("GOGC") == "" {
		prev := debug.SetGCPercent(400)
		undo = append(undo, func() { debug.SetGCPercent(prev) })
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		undo = append(undo, governHeap(smallHeap))
	}
	return func() {
		for _, f := range undo {
			f()
		}
	}
}

// largestInput returns the size of the largest of the inputs and of the
// films (each film's documents together, as they are merged).
func largestInput(inputs []string, films []batchFilm) int64 {
	var largest int64
	for _, in := range inputs {
		largest = max(largest, inputSize([]string{in}))
	}
	for _, f := range films {
		largest = max(largest, inputSize(f.files))
	}
	return largest
}

// fileResult is what validating one input gave.
type fileResult struct {
	display string
	data    []byte
	// path is the file data was read from, when data is let go before
	// the report quotes it (see validateFile): its lines are read again.
	path     string
	graph    *schemas.Graph
	findings []schemas.Finding
	// quotes are the text report's excerpts of data (see trim).
	quotes map[schemas.Pos]string
	// noMarkup is set for a page found in a folder that has no JSON-LD.
	noMarkup bool
	disabled int
}

// validateAll checks the inputs in parallel, one worker per CPU, and
// returns their results in input order, so the report is the same bytes
// whatever finishes first.
func (e *env) validateAll(job *validateJob, inputs []string, walked map[string]bool) []fileResult {
	results := make([]fileResult, len(inputs))
	workers := min(runtime.GOMAXPROCS(0), len(inputs))
	if workers <= 1 {
		// One worker checks here, on the command's goroutine: a new
		// goroutine's stack starts small and is copied into fresh pages
		// each time the checks' recursion outgrows it (perf: stack
		// growth was 7% of validate of a small page). That page took
		// 22.95 -> 21.82 ms (median of 150 alternated runs).
		for i, name := range inputs {
			results[i] = job.trim(e.validateFile(job, name, walked[name]))
		}
		return results
	}
	next := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				results[i] = job.trim(e.validateFile(job, inputs[i], walked[inputs[i]]))
			}
		}()
	}
	for i := range inputs {
		next <- i
	}
	close(next)
	wg.Wait()
	return results
}

// validateFile checks one input. A file that cannot be read or parsed is
// a finding of its own, so that the other files are still checked.
func (e *env) validateFile(job *validateJob, name string, walked bool) fileResult {
	refused := func(err error) fileResult {
		display := e.inputDisplay(name)
		return fileResult{display: display, findings: clarifyJSONFindings([]schemas.Finding{loadFinding(display, err)}, nil, name)}
	}
	if err := e.refusedUTF16(name, 0); err != nil {
		return refused(err)
	}
	if err := e.refusedDocument(name, job.pageURL); err != nil {
		return refused(err)
	}
	if err := e.refusedMarkup(name); err != nil {
		return refused(err)
	}
	document := e.mayBeFilmDocument(name)
	if err := e.refusedBytes(name, document); err != nil {
		return refused(err)
	}
	if err := e.refusedLinkedData(name, document); err != nil {
		return refused(err)
	}
	if err := e.refusedDecoding(name); err != nil {
		return refused(err)
	}
	g, decl, streamed, err := e.largePage(name)
	if !streamed {
		g, streamed, err = e.largeValues(name)
	}
	if !streamed {
		g, streamed, err = e.largeRefused(name)
	}
	var quoted string
	if !streamed {
		g, quoted, streamed, err = e.largeEmptyObjects(job, name)
	}
	r := fileResult{display: e.inputDisplay(name), path: quoted}
	var fs, notes []schemas.Finding
	if !streamed {
		var data []byte
		data, r.display, decl, err = e.readDecoded(name)
		r.data = data
		if err != nil {
			r.findings = []schemas.Finding{inputFinding(r.display, err)}
			return r
		}
		if job.letGo(name, data, decl) {
			// Its graph, made below, holds what the checks need; the
			// bytes held beside it were a sixth of the peak.
			r.data, r.path = nil, name
		}
		if name == "-" {
			// Its size was not known when the collector was set
			// (validateHeap): a large one is held as a large file is.
			defer boundHeap(int64(len(data)))()
		}
		// A film document on standard input is checked as one given by
		// name: a part at a time when large, unless the HTML report
		// needs its graph.
		g, fs, err = pipeline.CheckInput(data, e.inputPath(name), r.display, job.pageURL, job.prof, job.filter.keep, job.format == "html")
	}
	if decl.Name != "" {
		// A note in the report, where a reader of the findings sees
		// it (export and convert say it on standard error).
		notes = []schemas.Finding{{Severity: schemas.Note, Rule: schemas.RuleEncoding, Node: "page",
			Message: decl.String(), Pos: schemas.Pos{File: r.display}}}
	}
	display := r.display
	if err != nil {
		r.findings = clarifyJSONFindings(append(notes, loadFinding(display, err)), r.data, name)
		return r
	}
	if streamed {
		if job.pageURL != "" {
			g.PageURL = job.pageURL
		}
		fs = schemas.ValidateReporting(g, job.prof, job.filter.keep)
	}
	r.graph = g
	if len(notes) > 0 {
		fs = append(notes, fs...)
	}
	r.keep(job, clarifyJSONFindings(fs, r.data, name), walked)
	return r
}

// clarifyJSONFindings rewrites the JSON syntax findings of fs where Go's
// JSON readers leave the author guessing (a character that is not ASCII
// named by its first byte, a trailing comma; see msg.ClarifyJSON), from
// the line each stands on: in data, or, for an input read as it goes
// (data nil), in the file name, read again up to that line.
func clarifyJSONFindings(fs []schemas.Finding, data []byte, name string) []schemas.Finding {
	var x *diag.Index
	for i, f := range fs {
		if f.Pos.Line < 1 || !strings.Contains(f.Message, "invalid character '") {
			continue
		}
		line, col := "", f.Pos.Col
		switch {
		case data != nil:
			if x == nil {
				x = diag.NewIndex(data)
			}
			line = x.Line(f.Pos.Line)
		case name != "-":
			line, col = lineOfFile(name, f.Pos.Line, f.Pos.Col)
		}
		fs[i].Message = msg.ClarifyJSON(f.Message, line, col)
	}
	return fs
}

// lineOfFile returns the part of line n of the file name that ends just
// past its col-th character (at most the last 4 to 8 KiB of it, whatever
// the line's length), reading the file as it goes, and where that
// character stands in the part; "" when the file cannot be read.
func lineOfFile(name string, n, col int) (part string, at int) {
	f, err := os.Open(name)
	if err != nil {
		return "", 0
	}
	defer f.Close()
	br := bufio.NewReaderSize(f, 64<<10)
	for ; n > 1; n-- {
		for {
			_, err := br.ReadSlice('\n')
			if err == nil {
				break
			}
			if err != bufio.ErrBufferFull {
				return "", 0
			}
		}
	}
	var kept []byte
	dropped := 0 // characters of the line before kept
	for dropped+utf8.RuneCount(kept) <= col {
		b, err := br.ReadSlice('\n')
		kept = append(kept, b...)
		if len(kept) > 8<<10 {
			cut := len(kept) - 4<<10
			for cut < len(kept) && !utf8.RuneStart(kept[cut]) {
				cut++
			}
			dropped += utf8.RuneCount(kept[:cut])
			kept = append([]byte(nil), kept[cut:]...)
		}
		if err != bufio.ErrBufferFull {
			break
		}
	}
	return strings.TrimRight(string(kept), "\r\n"), col - dropped
}

// loadFinding is the finding for an input Load refused.
func loadFinding(display string, err error) schemas.Finding {
	var se *schemas.SyntaxError
	if errors.As(err, &se) {
		return se.Finding("document")
	}
	return inputFinding(display, err)
}

// bigDocument is the size above which validate reads a film document as
// it goes before reading it whole for the report's excerpts. Tests lower
// it to hold the large inputs' readers to the whole reading on small ones.
var bigDocument = 16 << 20

// filmDocumentByText reports whether in, standard input ("-") or a file
// without an extension, reads as a film document by its text
// (pipeline.LooksLikeFilmDocument), as validate reads such an input
// alone. Only an input of up to bigDocument bytes is looked at: a larger
// one is read alone, as before. What is read of standard input is put
// back in front of the rest.
func (e *env) filmDocumentByText(in string) bool {
	if !pipeline.MayBeDocumentName(in) {
		return false
	}
	var data []byte
	if path := reopenable(e.stdin); in == "-" && path != "" {
		// A file redirected: read by its name, standard input left as
		// it is, so that spoolStdin still reads it as itself.
		st, err := os.Stat(path)
		if err != nil || st.Size() > int64(bigDocument) {
			return false
		}
		if data, err = os.ReadFile(path); err != nil {
			return false
		}
		return pipeline.LooksLikeFilmDocument(data, "-")
	}
	if in == "-" {
		if e.stdin == nil {
			return false
		}
		head, err := io.ReadAll(io.LimitReader(e.stdin, int64(bigDocument)+1))
		e.stdin = io.MultiReader(bytes.NewReader(head), e.stdin)
		if err != nil || len(head) > bigDocument {
			return false
		}
		data = head
	} else {
		st, err := os.Stat(in)
		if err != nil || !st.Mode().IsRegular() || st.Size() > int64(bigDocument) {
			return false
		}
		if data, err = os.ReadFile(in); err != nil {
			return false
		}
	}
	return pipeline.LooksLikeFilmDocument(data, in)
}

// refusedDocument returns the error the film document reader gives a
// large .txt file (bigDocument), read as it goes, or nil. validate holds
// each file whole, for the report; a document the reader refuses after
// its first MiB (one long line, binary data) is so refused without being
// held, as export refuses it: a 200 MB junk file cost 219 MB. A document
// it reads is read again whole, which only large ones pay for.
func (e *env) refusedDocument(name, pageURL string) error {
	if name == "-" || !pipeline.IsDocumentName(name) {
		return nil
	}
	f, _ := e.openLarge(name, 0)
	if f == nil {
		return nil // small, or not a file: read whole (readInput reports it)
	}
	defer f.Close()
	_, err := pipeline.New(pipeline.FilmOptions(pageURL)).Read(f, name)
	return err
}

// keep files a result's findings: a page without markup found in a folder
// is counted, a disabled rule's finding too, and the rest kept. It takes
// fs, which it filters in place: 200,000 findings are 32 MB a copy.
func (r *fileResult) keep(job *validateJob, fs []schemas.Finding, walked bool) {
	kept := fs[:0]
	for _, f := range fs {
		switch {
		case walked && f.Rule == schemas.RuleNoScript:
			// A site's pages without markup (a 404 page, a tag index) are
			// counted, not reported one by one.
			r.noMarkup = true
		case !job.filter.keep(f.Rule):
			r.disabled++
		default:
			kept = append(kept, f)
		}
	}
	clear(fs[len(kept):]) // what was dropped holds no graph
	if r.findings == nil {
		r.findings = kept
		return
	}
	r.findings = append(r.findings, kept...)
}

// validateFilm checks one film's documents as export combines them: one
// Movie from all of them, and its web snippet. f.dir names the film in
// findings (its folder, or its files).
func (e *env) validateFilm(vj *validateJob, f batchFilm) fileResult {
	r := fileResult{display: f.dir}
	if f.err != nil {
		r.findings = []schemas.Finding{inputFinding(f.dir, f.err)}
		return r
	}
	opts := pipeline.FilmOptions(vj.pageURL)
	opts.Merge.SameFilm = vj.sameFilm
	job := pipeline.New(opts)
	for _, name := range f.files {
		if !pipeline.MayBeDocumentName(name) {
			// A film folder may hold notes, posters, lists: as export
			// --batch, validate reads its documents only.
			e.warnf("%s", notADocument(name))
			continue
		}
		// Read as it goes, never whole: the film's findings need no
		// document's bytes.
		in, display, err := e.openInput(name)
		if err == nil {
			// The same bytes twice count once, as in export.
			_, err = job.Read(in, display)
			in.Close()
			if err == nil {
				continue
			}
		}
		r.findings = append(r.findings, inputFinding(display, err))
	}
	if len(r.findings) > 0 {
		// export refuses a film one of whose documents it cannot read:
		// the film of the others is not what it would write, and its
		// findings ("a Movie needs a name", the title the refused
		// article gives) would only follow from the refusal (audit 6).
		return r
	}
	if len(job.Sources()) == 0 {
		// Not passed in silence: export --batch fails such a film.
		r.findings = append(r.findings, inputFinding(f.dir, fmt.Errorf("%s: a film folder with no documents", f.dir)))
		return r
	}
	film, err := job.Merge()
	var fs []schemas.Finding
	if err == nil {
		// A film of many reviews is checked a part at a time, unless
		// the HTML report needs its graph for the previews.
		r.graph, fs, err = job.Check(film, f.dir, vj.prof, vj.filter.keep, vj.format == "html")
	}
	if err != nil {
		r.findings = append(r.findings, inputFinding(f.dir, err))
		return r
	}
	r.keep(vj, fs, false)
	return r
}

// expandInputs replaces each folder argument by the pages and linked-data
// files under it (pipeline.IsSiteFile), in lexical order. walked marks the
// files found in folders.
func (e *env) expandInputs(args []string) ([]string, map[string]bool, error) {
	var out []string
	walked := map[string]bool{}
	for _, a := range args {
		st, err := os.Stat(a)
		if a == "-" || err != nil || !st.IsDir() {
			out = append(out, a) // a missing file is reported as a finding
			continue
		}
		found := len(out)
		err = filepath.WalkDir(a, func(p string, d iofs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() {
				if p != a && strings.HasPrefix(d.Name(), ".") {
					return filepath.SkipDir // .git and other hidden folders
				}
				return nil
			}
			if !d.Type().IsRegular() {
				// A named pipe left in a site's folder (or a link to
				// one, or to a device) was opened and waited on
				// forever (audit 20), its content read to tell a
				// .json file too: left out with a warning, as export
				// --batch and validate --batch leave it out. A broken
				// link stays, for its reading to fail.
				if st, err := os.Stat(p); err == nil && !st.Mode().IsRegular() && !st.IsDir() {
					// Named as a site file (a .json one taken for
					// JSON-LD without reading it): said.
					if pipeline.IsSiteFile(p, func() []byte { return []byte(`"@context"`) }) {
						e.warnf("%s: not a regular file; left out", p)
					}
					return nil
				}
			}
			if !pipeline.IsSiteFile(p, func() []byte { return siteContent(p) }) {
				return nil
			}
			out = append(out, p)
			walked[p] = true
			return nil
		})
		if err != nil {
			return nil, nil, err
		}
		if len(out) == found {
			// A site's build that wrote nothing would pass with '0
			// files checked' and exit status 0: nothing unchecked
			// passes.
			why := "validate reads the .html, .htm, .jsonld, .nq, .nt, .ttl and .trig files under a folder, and .json files with a @context"
			if docs, _ := filepath.Glob(filepath.Join(a, "*.txt")); len(docs) > 0 {
				why = "it holds film documents: give them as files (film2ld validate " + filepath.Join(a, "*.txt") + "), or the folder of such folders with --batch"
			}
			return nil, nil, fmt.Errorf("no page or linked data file in folder %s (%s)", a, why)
		}
	}
	return out, walked, nil
}

// siteContent is what pipeline.IsSiteFile looks for a JSON-LD context
// in: a file's content, or nil when it cannot be read. A file over
// bigDocument is searched as it is read and stands for itself by the
// context key alone, if it holds one: the walk read a 200 MB .json whole
// only to learn whether it was JSON-LD.
func siteContent(path string) []byte {
	st, err := os.Stat(path)
	if err == nil && st.Mode().IsRegular() && st.Size() > int64(bigDocument) {
		if fileContains(path, contextKey) {
			return contextKey
		}
		return nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	return data
}

// fileCount returns how many times the file at path holds s, counting
// no further than limit, reading it as it goes (0 when it cannot be
// read).
func fileCount(path string, s []byte, limit int) int {
	f, err := os.Open(path)
	if err != nil {
		return 0
	}
	defer f.Close()
	buf := make([]byte, 64<<10)
	found, kept := 0, 0 // kept: bytes kept from the last read, in case s spans two
	for {
		n, err := f.Read(buf[kept:])
		b := buf[:kept+n]
		for {
			i := bytes.Index(b, s)
			if i < 0 {
				break
			}
			if found++; found >= limit {
				return found
			}
			b = b[i+len(s):]
		}
		if err != nil {
			return found
		}
		// What is kept cannot hold a whole s, only the start of one.
		kept = copy(buf, b[max(0, len(b)-len(s)+1):])
	}
}

// contextKey is what marks a .json file as JSON-LD.
var contextKey = []byte(`"@context"`)

// fileContains reports whether the file at path holds s, reading it as it
// goes (false when it cannot be read).
func fileContains(path string, s []byte) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	buf := make([]byte, 64<<10)
	kept := 0 // bytes kept from the last read, in case s spans two
	for {
		n, err := f.Read(buf[kept:])
		if bytes.Contains(buf[:kept+n], s) {
			return true
		}
		if err != nil {
			return false
		}
		kept = copy(buf, buf[max(0, kept+n-len(s)+1):kept+n])
	}
}

// inputFinding reports an input that could not be read. An error placed in
// the input (a syntax error of N-Quads or Turtle) gives the finding its
// position, so that every report (SARIF, JSON, the caret in text) shows
// the place rather than a message that names it.
func inputFinding(file string, err error) schemas.Finding {
	f := schemas.Finding{Severity: schemas.Error, Rule: schemas.RuleInput, Node: "document",
		Message: err.Error(), Pos: schemas.Pos{File: file}}
	// Only the error itself: a wrapper's words would be lost.
	if pe, ok := err.(*diag.PosError); ok && pe.Pos.File == file && pe.Pos.Line > 0 {
		f.Message, f.Pos = pe.Err.Error(), pe.Pos
	}
	switch {
	case isURLArg(file, err):
		f.Fix = urlFix
	case errors.Is(err, ld.ErrUTF16):
		// The whole file: its first line read as UTF-8 is every other
		// byte a NUL, no excerpt to show.
		f.Pos = schemas.Pos{File: file}
	case errors.Is(err, ld.ErrInvalidUTF8) && ld.InputByName(file) == ld.InputHTML:
		f.Fix = pageEncodingFix(file)
	}
	return f
}

// count counts errors and warnings; notes only inform.
func count(fs []schemas.Finding) (errs, warns int) {
	for _, f := range fs {
		switch f.Severity {
		case schemas.Error:
			errs++
		case schemas.Warning:
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
