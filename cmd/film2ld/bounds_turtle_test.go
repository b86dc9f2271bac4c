package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// 200 MB of Turtle that says nothing, comments alone or one prefix
// declared again and again, is converted to an empty graph in memory that
// does not grow with it: the reader held the whole input, and convert a
// copy of it as text (408 MB for the comments, 817 MB for the prefixes,
// 408 MB for one comment line that never ends), and so did load. From standard input, a
// file redirected is read as itself and a pipe past 16 MiB from its copy.
// Declared prefixes are held, but as the map of them alone (50 MB of
// distinct ones took 6.5 times their size, now about 4.4). validate holds
// its input for the report's excerpts, and parsed a copy of it (410 MB
// for the comments). Each command is a parallel subtest (see
// TestPeakRSSReject200MBJunk).
func TestPeakRSSConvert200MBTurtleCommentsAndPrefixes(t *testing.T) {
	largeTest(t, "writes 200 MB files")
	t.Parallel()
	dir := t.TempDir()
	at := func(name string) string { return filepath.Join(dir, name) }
	const size = 200 << 20
	// whole is size cut to whole repeats of body after head.
	whole := func(head, body string) int { return len(head) + (size-len(head))/len(body)*len(body) }
	const comment, prefix, sparql = "# a comment line about nothing in particular\n", "@prefix ex: <http://example.org/> .\n", "PREFIX ex: <http://example.org/>\n"
	comments := jsonJunk(at("comments.ttl"), whole("", comment), "", comment, "")
	endless := jsonJunk(at("endless.ttl"), size, "#", "x", "")
	prefixes := jsonJunk(at("prefixes.ttl"), whole("", prefix), "", prefix, "")
	// SPARQL's form in TriG, with a statement at the end.
	const last = "ex:s ex:p ex:o .\n"
	sparqlPrefixes := jsonJunk(at("prefixes.trig"), whole("", sparql)+len(last), "", sparql, last)
	// Without an extension: told by its first 64 KiB.
	unnamed := jsonJunk(at("prefixes"), whole("", prefix), "", prefix, "")
	commentsUnnamed := jsonJunk(at("comments"), whole("", comment), "", comment, "")
	distinct := &junkFile{path: at("distinct.ttl"), write: func(p string) error { return distinctPrefixes(p, 50<<20) }}
	const empty = "holds no statement: its graph is empty"
	cases := []struct {
		cmd   []string
		file  *junkFile
		stdin string // "pipe" or "redirect": the file on standard input
		want  string // printed; with the argument's path for {}
		mb    float64
	}{
		{[]string{"convert", "-f", "nquads", "-o", os.DevNull}, distinct, "", "{} " + empty, 5.5 * 50},
		{[]string{"convert", "-f", "nquads", "-o", os.DevNull}, comments, "", "{} " + empty, 50},
		{[]string{"convert", "-f", "nquads", "-o", os.DevNull}, endless, "", "{} " + empty, 50},
		{[]string{"convert", "-f", "nquads", "-o", os.DevNull}, prefixes, "", "{} " + empty, 50},
		{[]string{"convert", "-f", "trig"}, sparqlPrefixes, "", "<http://example.org/s> <http://example.org/p> <http://example.org/o> .", 50},
		{[]string{"convert", "-f", "nquads", "-o", os.DevNull}, unnamed, "", "{} " + empty, 50},
		{[]string{"convert", "-f", "nquads", "-o", os.DevNull}, prefixes, "redirect", "<stdin> " + empty, 50},
		// Comments alone, told as N-Quads (as the whole input is) past
		// them as they are read: they were held whole to be told.
		{[]string{"convert", "-f", "nquads", "-o", os.DevNull}, comments, "redirect", "<stdin> " + empty, 50},
		{[]string{"convert", "-f", "nquads", "-o", os.DevNull}, commentsUnnamed, "", "{} " + empty, 50},
		{[]string{"load", "--store", "http://127.0.0.1:9/sparql"}, comments, "pipe", "loaded 0 graphs, 0 statements", 120},
		// 16 MiB of it held, the rest copied to a temporary file.
		{[]string{"convert", "-f", "nquads", "-o", os.DevNull}, prefixes, "pipe", "<stdin> " + empty, 120},
		{[]string{"convert", "--input-format", "turtle", "-f", "nquads", "-o", os.DevNull}, comments, "pipe", "<stdin> " + empty, 120},
		{[]string{"load", "--store", "http://127.0.0.1:9/sparql"}, comments, "", "loaded 0 graphs, 0 statements", 50},
		{[]string{"load", "--store", "http://127.0.0.1:9/sparql"}, prefixes, "", "loaded 0 graphs, 0 statements", 50},
		// The input, held, and a little more.
		{[]string{"validate"}, comments, "", "{}: error: document: the input holds no statement", 1.2 * 200},
		{[]string{"validate"}, prefixes, "", "{}: error: document: the input holds no statement", 1.2 * 200},
	}
	for _, tt := range cases {
		tt.file.users++
	}
	for _, tt := range cases {
		arg := tt.file.path
		base := filepath.Base(arg)
		if tt.stdin != "" {
			arg, base = "-", "-<"+tt.stdin+"<"+base
		}
		name := strings.Join(append(slices.Clone(tt.cmd[:1]), base), " ")
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			defer tt.file.done()
			if err := tt.file.ensure(); err != nil {
				t.Fatal(err)
			}
			var stdin io.Reader
			if tt.stdin != "" {
				f, err := os.Open(tt.file.path)
				if err != nil {
					t.Fatal(err)
				}
				defer f.Close()
				stdin = f
				if tt.stdin == "redirect" {
					stdin = redirectedFile{f}
				}
			}
			args := append(slices.Clone(tt.cmd), arg)
			mb, status, printed := peakRSSIn(t, stdin, args...)
			t.Logf("peak RSS %.0f MB", mb)
			want := strings.ReplaceAll(tt.want, "{}", tt.file.path)
			wantStatus := exitOK
			if tt.cmd[0] == "validate" {
				wantStatus = exitError
			}
			if status != wantStatus || !strings.Contains(printed, want) {
				t.Errorf("%v: exit %d, %s", args, status, printed)
			}
			if mb > tt.mb {
				t.Errorf("%v: peak RSS %.0f MB; want at most %.0f", args, mb, tt.mb)
			}
		})
	}
}

// distinctPrefixes writes about size bytes of Turtle declaring a distinct
// prefix on each line.
func distinctPrefixes(path string, size int) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	w := bufio.NewWriterSize(f, 1<<20)
	for i, n := 0, 0; n < size; i++ {
		m, err := fmt.Fprintf(w, "@prefix p%d: <http://example.org/%d/> .\n", i, i)
		if err != nil {
			return err
		}
		n += m
	}
	if err := w.Flush(); err != nil {
		return err
	}
	return f.Close()
}
