package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"strings"
	"time"

	"github.com/spf13/pflag"

	"github.com/film2ld/film2ld/cmd/film2ld/internal/msg"
	"github.com/film2ld/film2ld/cmd/film2ld/internal/store"
	"github.com/film2ld/film2ld/ld"
	"github.com/film2ld/film2ld/mapping/pipeline"
)

const loadUsage = `Usage: film2ld load --store URL [flags] FILE

Sends a dataset (N-Quads, TriG, or any input convert reads) to a triple
store, replacing each of its named graphs whole: loading a film's new
export replaces the old one, and loading the same file twice changes
nothing. FILE "-" reads standard input.

Protocols (--protocol):
  graph-store  SPARQL 1.1 Graph Store HTTP Protocol: one PUT per graph to
               URL?graph=NAME. Before a film's graph it reads the stored
               one and deletes the graphs of the sources it named and the
               new export does not (a document that was dropped).
  update       SPARQL 1.1 Update (the statements of 'export -f
               sparql-update'), posted to URL, several films per request up
               to --batch statements. Also deletes a film's graphs stored
               under an older IRI (a corrected year) when they share a
               source with the new export.

For Virtuoso, URL is http://HOST:8890/sparql-graph-crud-auth (graph-store)
or http://HOST:8890/sparql-auth (update).

Credentials are read from FILM2LD_STORE_USER and FILM2LD_STORE_PASSWORD,
or else from the netrc file ($NETRC, else ~/.netrc) entry for the store's
host, and sent only when the store asks (Digest or Basic); never give them
on the command line.

Requests that fail with a connection error, 429 or a 5xx status are tried
again (--retries) after a wait that doubles each time. A film's graphs are
written sources first, the film's own graph last. If a request still fails,
the graphs written before it are listed and the exit status is 1; running
the same command again completes the job. Statements in the default graph
cannot be replaced and are refused (export without
--merged-in-default-graph or --merged). Progress is shown on a terminal;
a report of graphs and statements written ends the run.

Examples:
  film2ld export -f nquads -o illegal.nq review.txt article.txt prize.txt
  FILM2LD_STORE_USER=dba FILM2LD_STORE_PASSWORD=… \
    film2ld load --store http://localhost:8890/sparql-graph-crud-auth illegal.nq
  film2ld export --batch -f nquads films/ | \
    film2ld load --protocol update --store http://localhost:8890/sparql-auth -
`

func runLoad(e *env, args []string) int {
	fs := pflag.NewFlagSet("load", pflag.ContinueOnError)
	var endpoint, protocol, input string
	var timeout, backoff time.Duration
	var retries, batch int
	var quiet bool
	fs.StringVar(&endpoint, "store", "", "the store's Graph Store or SPARQL Update endpoint `URL`")
	fs.StringVar(&protocol, "protocol", "graph-store", "`PROTOCOL`: graph-store or update")
	fs.StringVar(&input, "input-format", "", "read FILE as `FORMAT`: nquads, trig, jsonld or html (default: by extension, else content)")
	fs.DurationVar(&timeout, "timeout", time.Minute, "give up a request after `DURATION`")
	fs.IntVar(&retries, "retries", 4, "try a request that failed with a connection error, 429 or 5xx `N` more times")
	fs.DurationVar(&backoff, "backoff", time.Second, "wait `DURATION` before the first retry; the wait doubles each time")
	fs.IntVar(&batch, "batch", 20000, "update: at most `N` statements per request (a film larger than that goes alone)")
	fs.BoolVarP(&quiet, "quiet", "q", false, "do not print the report")
	if done, status := e.parseFlags(fs, loadUsage, args); done {
		return status
	}
	files := fs.Args()
	switch {
	case endpoint == "":
		return e.usageError(fs, "load needs --store URL")
	case len(files) != 1:
		return e.usageError(fs, "load needs one FILE (or - for standard input)")
	case retries < 0 || batch < 0 || timeout < 0 || backoff < 0:
		return e.usageError(fs, "--retries, --batch, --timeout and --backoff cannot be negative")
	}
	if u, err := url.Parse(endpoint); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return e.usageError(fs, "--store: %q is not an http or https URL", endpoint)
	} else if u.User != nil {
		return e.usageError(fs, "--store: the URL holds credentials; give them in FILM2LD_STORE_USER and FILM2LD_STORE_PASSWORD or in a netrc file instead")
	}
	proto, err := store.ParseProtocol(protocol)
	if err != nil {
		return e.usageError(fs, "--protocol: %v", err)
	}
	var inFormat ld.InputFormat
	if input != "" {
		if inFormat, err = ld.ParseInputFormat(input); err != nil {
			return e.usageError(fs, "--input-format: %v", err)
		}
	}

	release, err := e.spoolStdin(files)
	defer release()
	if err != nil {
		e.errorf("%v", err)
		return exitError
	}
	units, err := e.readUnits(files[0], inFormat)
	if err != nil {
		if pe := placeInputError(files, err); pe != nil {
			// At the value's line and column, as convert says it; the
			// message named the file already.
			pe.Err = errors.New(strings.TrimPrefix(err.Error(), files[0]+": "))
			e.errorf("%v", pe)
		} else {
			e.errorf("%v", err)
		}
		e.filmDocumentHint(files[0], "load", err)
		return exitError
	}
	if units.Len() == 0 {
		// An empty shard is a normal part of a split archive, but an
		// empty input is more often an export that wrote nothing: said,
		// rather than "loaded 0 graphs" alone.
		e.warnf("%s holds no statement: nothing to load", e.inputDisplay(files[0]))
	}
	if units.Len() > 0 && units.Graph(0).Kind == 0 {
		e.errorf("%s: %d statements in the default graph: %v", e.inputDisplay(files[0]), len(units.Unit(0).Graphs[0].Quads), ld.ErrDefaultGraph)
		e.hint("export without --merged-in-default-graph or --merged, so that every statement is in a graph of its film")
		return exitError
	}
	for i := range units.Len() {
		if g := units.Graph(i); g.Kind == ld.Blank {
			e.errorf("%s: _:%s: %v", e.inputDisplay(files[0]), g.Value, ld.ErrBlankGraph)
			e.hint(`give the graph an @id (JSON-LD names a graph object with no @id, such as {"@context": …, "@graph": […]} inside an array, by a blank node)`)
			return exitError
		}
	}
	user, password, _, err := store.Credentials(endpoint, os.Getenv)
	if err != nil {
		e.errorf("credentials: %v", err)
		return exitError
	}
	c := &store.Client{Endpoint: endpoint, Protocol: proto, User: user, Password: password,
		Timeout: timeout, Retries: retries, Backoff: backoff, BatchQuads: batch}
	if f, ok := fileOf(e.stderr); ok && isTerminal(f) {
		c.Progress = func(graphs, quads, totalGraphs, totalQuads int) {
			fmt.Fprintf(f, "\rfilm2ld: load: %d/%d graphs, %d/%d statements", graphs, totalGraphs, quads, totalQuads)
		}
		defer fmt.Fprint(f, "\r\033[K")
	}
	res, err := c.Load(context.Background(), units)
	if c.Progress != nil {
		fmt.Fprint(e.stderr, "\r\033[K")
	}
	for _, g := range res.Dropped {
		if !quiet {
			fmt.Fprintf(e.stderr, "film2ld: dropped <%s>: its film's graph no longer names it\n", msg.Clean(g))
		}
	}
	if err != nil {
		e.errorf("%v", err)
		if len(res.Written) == 0 {
			fmt.Fprintf(e.stderr, "film2ld: no graph was written\n")
		} else {
			graphs, _ := units.Size()
			fmt.Fprintf(e.stderr, "film2ld: %d of %d graphs (%d statements) were written before the failure:\n", len(res.Written), graphs, res.Quads)
			for _, g := range res.Written {
				fmt.Fprintf(e.stderr, "  <%s>\n", msg.Clean(g))
			}
		}
		var se *store.StatusError
		var re *store.RedirectError
		switch {
		case errors.As(err, &re):
			// The message says what to give instead; the same command
			// would be redirected again.
		case errors.As(err, &se) && (se.Status == 401 || se.Status == 403):
			e.hint("set FILM2LD_STORE_USER and FILM2LD_STORE_PASSWORD, or add the store's host to your netrc file")
		case errors.Is(err, ld.ErrSPARQLIRI), errors.Is(err, ld.ErrSPARQLBlank):
			e.hint("load with --protocol graph-store, which sends N-Quads")
		default:
			e.hint("run the same command again: each graph is replaced whole, so nothing is written twice")
		}
		return exitError
	}
	if !quiet {
		fmt.Fprintf(e.stderr, "film2ld: loaded %d graphs, %d statements into %s\n", len(res.Written), res.Quads, msg.Clean(endpoint))
	}
	return exitOK
}

// readUnits reads a dataset from any input convert reads, grouped into
// the units load writes. N-Quads, Turtle and TriG are read into the
// compact dataset, N-Quads a line at a time, and each unit's statements
// made when it is written (ld.UnitList): 96 MB of a batch export's N-Quads
// took 844 MB as a list of statements grouped whole.
func (e *env) readUnits(name string, f ld.InputFormat) (store.Units, error) {
	if f == 0 {
		f = ld.InputByName(name)
	}
	if err := e.refusedUTF16(name, f); err != nil {
		return nil, err
	}
	err := e.refusedNQuads(name, f, func(r io.Reader) error {
		_, err := ld.ReadNQuads(r, e.inputDisplay(name))
		return err
	})
	empty := false
	if err == nil {
		err = e.refusedTurtle(name, f)
	}
	if err == nil {
		empty, _, err = e.refusedJSON(name, f, true)
	}
	if err != nil {
		return nil, err
	}
	if empty {
		// An array of values alone, read as [] is (see refusedJSON).
		quads, err := pipeline.ReadQuads([]byte("[]"), name, name, ld.InputJSONLD, nil)
		if err != nil {
			return nil, err
		}
		return store.Slice(ld.Units(quads)), nil
	}
	if f == 0 {
		// Told past its comment lines as convert tells it: nothing but
		// comments is N-Quads, read as it goes.
		f = e.formPastComments(name)
	}
	if f == ld.InputNQuads {
		r, display, err := e.openInput(name)
		if err != nil {
			return nil, err
		}
		defer r.Close()
		ds := ld.NewDataset()
		if _, err := ds.ReadNQuads(r, display, false); err != nil {
			return nil, err
		}
		return ds.Units(), nil
	}
	if tf := e.turtleForm(name, f); tf != 0 {
		// Read as it goes, as convert reads it (readTurtle); the
		// statements the dataset refuses are read whole below.
		r, display, err := e.openInput(name)
		if err != nil {
			return nil, err
		}
		ds := ld.NewDataset()
		ok, err := ds.ReadTurtleFrom(r, display, tf == ld.InputTriG)
		r.Close()
		if err != nil {
			return nil, err
		}
		if ok {
			return ds.Units(), nil
		}
		f = tf
	}
	if f == ld.InputHTML || f == 0 && e.isLargePage(name) {
		quads, err := e.readPageQuads(name)
		if err != nil {
			return nil, err
		}
		return store.Slice(ld.Units(quads)), nil
	}
	return e.readUnitsWhole(name, f)
}

// readUnitsWhole reads the units of an input read whole: N-Quads (told
// by its content), Turtle and TriG into the compact dataset where its
// reader takes them, any other form as statements.
func (e *env) readUnitsWhole(name string, f ld.InputFormat) (store.Units, error) {
	data, display, err := e.readInput(name)
	if err != nil {
		return nil, err
	}
	if f == 0 {
		f = ld.DetectInput(e.inputPath(name), data)
	}
	ds := ld.NewDataset()
	switch f {
	case ld.InputNQuads:
		if _, err := ds.ReadNQuads(bytes.NewReader(data), display, false); err != nil {
			return nil, err
		}
		return ds.Units(), nil
	case ld.InputTurtle, ld.InputTriG:
		if ok, err := ds.ReadTurtle(string(data), display, f == ld.InputTriG); err != nil {
			return nil, err
		} else if ok {
			return ds.Units(), nil
		}
	}
	quads, err := pipeline.ReadQuads(data, name, display, f, e.tellFreeFloating)
	if err != nil {
		return nil, err
	}
	return store.Slice(ld.Units(quads)), nil
}

// readPageQuads reads the statements of an HTML page's JSON-LD blocks as
// pipeline.ReadQuads does, but reading the page as it goes
// (ld.ScriptTexts), never whole: a 200 MB page of junk took 220 MB.
func (e *env) readPageQuads(name string) ([]ld.Quad, error) {
	r, display, err := e.openPage(name)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	return pipeline.ReadDocumentQuads(r, display, ld.InputHTML, e.tellFreeFloating)
}
