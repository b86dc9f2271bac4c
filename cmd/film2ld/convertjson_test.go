package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	jld "github.com/piprate/json-gold/ld"

	"github.com/film2ld/film2ld/ld"
)

// TestConvertNQuadsJSONLDMatchesGeneralPath: convert of N-Quads to
// jsonld and html, which takes ld.Processor.WriteJSONLD, prints what the
// general path (FromNQuads, Union, Write) gives, to standard output and
// to a file, with and without --lenient, for one input and two, for
// graphs the general path frames (a small one, and every sample and test
// film's merged view, which WriteJSONLD frames itself) and for one with
// a list (which the dataset sends to the general path).
func TestConvertNQuadsJSONLDMatchesGeneralPath(t *testing.T) {
	t.Parallel() // CPU-bound, in process, on files of its own: runs beside the tests that wait on other processes
	dir := t.TempDir()
	write := func(name, text string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	gen := nquadsFile(t, 64<<10)
	named := write("named.nq", "<urn:x:a> <http://schema.org/name> \"A\"@EN <urn:g:1> .\n_:b <http://schema.org/url> <http://a.example/> <urn:g:1> .\n<urn:g:1> <http://schema.org/name> \"g\" .\n")
	framed := write("framed.nq", "<urn:x:m> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://schema.org/Movie> .\n<urn:x:m> <http://schema.org/actor> _:p .\n_:p <http://schema.org/name> \"P\" .\n")
	list := write("list.nq", "<urn:x:a> <http://schema.org/knows> _:l .\n_:l <http://www.w3.org/1999/02/22-rdf-syntax-ns#first> \"1\" .\n_:l <http://www.w3.org/1999/02/22-rdf-syntax-ns#rest> <http://www.w3.org/1999/02/22-rdf-syntax-ns#nil> .\n")
	one := write("one.nq", "_:b <http://schema.org/name> \"</script>\" .\n")
	// Two files of the same statements: their blank nodes stay apart (one
	// file given twice is read once).
	again := write("again.nq", "_:b <http://schema.org/name> \"</script>\" .\n")
	p := processor()
	sets := [][]string{{gen}, {named}, {gen, named}, {framed}, {list}, {one}, {one, again}}
	rooted := map[string]bool{framed: true}
	for name, files := range exportCases(t) {
		ttl := filepath.Join(dir, name+".ttl")
		nq := filepath.Join(dir, name+".nq")
		if code, _, stderr := runCmd(append([]string{"export", "-q", "-f", "turtle", "-o", ttl}, files...)...); code != exitOK {
			t.Fatalf("%s: export: exit %d: %s", name, code, stderr)
		}
		if code, _, stderr := runCmd("convert", "-f", "nquads", "-o", nq, ttl); code != exitOK {
			t.Fatalf("%s: convert: exit %d: %s", name, code, stderr)
		}
		// The merged view has its Movie as root: WriteJSONLD frames it.
		ds := ld.NewDataset()
		in, err := os.Open(nq)
		if err != nil {
			t.Fatal(err)
		}
		_, err = ds.ReadNQuads(in, nq, false)
		in.Close()
		if err != nil {
			t.Fatal(err)
		}
		if err := p.WriteJSONLD(io.Discard, ds, ld.FormatJSONLD, ld.Options{}); err != nil {
			t.Errorf("%s: WriteJSONLD did not frame the merged view: %v", name, err)
		}
		sets = append(sets, []string{nq})
		rooted[nq] = true
	}
	for si, files := range sets {
		for fi, format := range []string{"jsonld", "html"} {
			for li, lenient := range []bool{false, true} {
				f, _ := ld.ParseFormat(format)
				opts := ld.Options{}
				if lenient {
					opts.Lenient = &ld.Dropped{}
				}
				var docs []any
				for _, name := range files {
					in, err := os.Open(name)
					if err != nil {
						t.Fatal(err)
					}
					doc, err := p.FromNQuads(in, name)
					in.Close()
					if err != nil {
						t.Fatal(err)
					}
					docs = append(docs, doc)
				}
				u, err := p.Union(docs, opts)
				if err != nil {
					t.Fatal(err)
				}
				var want bytes.Buffer
				if err := p.Write(&want, u, f, opts); err != nil {
					t.Fatal(err)
				}
				args := []string{"convert", "-f", format}
				if lenient {
					args = append(args, "--lenient")
				}
				what := fmt.Sprintf("%v, %s, lenient %v", files, format, lenient)
				var stdout, stderr bytes.Buffer
				if code := run(append(args, files...), nil, &stdout, &stderr); code != exitOK || stderr.Len() > 0 {
					t.Fatalf("%s: exit %d: %s", what, code, stderr.String())
				}
				if stdout.String() != want.String() {
					t.Errorf("%s: standard output differs from the general path's\n got %.300s\nwant %.300s", what, stdout.String(), want.String())
				}
				if !everyCase() && (si+fi+li)%2 != 0 {
					// The output file holds what standard output was
					// given: a developer's run converts to a file too
					// in half of the cases, a different half input by
					// input (CI in all).
					continue
				}
				out := filepath.Join(dir, "out")
				stdout.Reset()
				if code := run(append(append(args, "-o", out), files...), nil, &stdout, &stderr); code != exitOK || stderr.Len() > 0 || stdout.Len() > 0 {
					t.Fatalf("%s -o: exit %d: %s%s", what, code, stdout.String(), stderr.String())
				}
				got, err := os.ReadFile(out)
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(got, want.Bytes()) {
					t.Errorf("%s: -o file differs from the general path's", what)
				}
				if len(files) == 1 && rooted[files[0]] && strings.Contains(want.String(), "@graph") {
					t.Errorf("%s: not framed: %s", what, want.String())
				}
			}
		}
	}
}

// TestConvertJSONLDWalkedMatchesGeneralPath: convert of one JSON-LD
// document to the RDF formats and expanded or flattened JSON-LD, which
// takes ld.Processor.WriteWalked where
// the document is under the schema.org context alone, prints what the
// general path (Read, Union, Write) gives, to standard output and to a
// file: for every sample and test film's web snippet (a Movie at the top,
// as export writes it and pages publish it), with its ratings also
// written as decimals, and its merged view (a "@graph").
func TestConvertJSONLDWalkedMatchesGeneralPath(t *testing.T) {
	t.Parallel() // CPU-bound, in process, on files of its own: runs beside the tests that wait on other processes
	dir := t.TempDir()
	var inputs []string
	withDecimals := 0
	for name, files := range exportCases(t) {
		for _, format := range []string{"jsonld", "expanded", "flattened"} {
			out := filepath.Join(dir, name+"."+format+".jsonld")
			args := append([]string{"export", "-q", "--name", "A Film", "-f", format, "-o", out}, files...)
			if code, _, stderr := runCmd(args...); code != exitOK {
				t.Fatalf("%s: export: exit %d: %s", name, code, stderr)
			}
			inputs = append(inputs, out)
		}
		// The snippet's whole-number scores as decimals: doubles.
		data, err := os.ReadFile(filepath.Join(dir, name+".jsonld.jsonld"))
		if err != nil {
			t.Fatal(err)
		}
		decimals := regexp.MustCompile(`("ratingValue": \d+)(,?\n)`).ReplaceAll(data, []byte("${1}.25${2}"))
		if bytes.Contains(data, []byte(`"ratingValue": `)) {
			withDecimals++
		}
		path := filepath.Join(dir, name+".decimals.jsonld")
		if err := os.WriteFile(path, decimals, 0o644); err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, path)
	}
	if withDecimals == 0 {
		t.Fatal("no film's snippet has a rating: the decimals go untested")
	}
	p := processor()
	for ii, in := range inputs {
		data, err := os.ReadFile(in)
		if err != nil {
			t.Fatal(err)
		}
		docs, err := p.Read(bytes.NewReader(data), in, ld.InputJSONLD)
		if err != nil {
			t.Fatal(err)
		}
		// The general path's union, expanded once; each format writes
		// a copy of it (expanding it for each was a third of the
		// test's time).
		union, err := p.Union(docs, ld.Options{})
		if err != nil {
			t.Fatal(err)
		}
		for fi, format := range []string{"nquads", "canonical", "turtle", "trig", "sparql-update", "expanded", "flattened", "jsonld", "html"} {
			if !everyCase() && (ii+fi)%2 != 0 {
				// A developer's run converts each input to half of the
				// formats, a different half input by input (CI to all).
				continue
			}
			f, _ := ld.ParseFormat(format)
			var want bytes.Buffer
			if err := p.Write(&want, jld.CloneDocument(union), f, ld.Options{}); err != nil {
				t.Fatal(err)
			}
			what := fmt.Sprintf("%s to %s", filepath.Base(in), format)
			// Every form of JSON-LD export writes is walked (flattened's
			// blank nodes labelled, expanded's with no context), save
			// expanded input to expanded output, and a double to
			// flattened output (its node map keeps the native number).
			compact := format == "jsonld" || format == "html"
			if compact && (strings.Contains(in, ".jsonld.") || strings.Contains(in, ".flattened.")) || !compact && !(strings.Contains(in, ".expanded.") && format == "expanded") && (format != "flattened" || !strings.Contains(in, ".decimals.")) {
				again, err := p.Read(bytes.NewReader(data), in, ld.InputJSONLD)
				if err != nil {
					t.Fatal(err)
				}
				if walked, _ := p.WriteWalked(io.Discard, again[0], f, ld.Options{}); !walked {
					t.Errorf("%s: the walk declined a web snippet", what)
				}
			}
			code, stdout, stderr := runCmd("convert", "-f", format, in)
			if code != exitOK || stderr != "" {
				t.Fatalf("%s: exit %d: %s", what, code, stderr)
			}
			if stdout != want.String() {
				t.Errorf("%s: standard output differs from the general path's\n got %.300s\nwant %.300s", what, stdout, want.String())
			}
			if !everyCase() && (ii+fi/2)%2 != 0 {
				// The output file holds what standard output was given
				// (each a conversion of its own, a fsync'd file): a
				// developer's run converts to a file too in half of the
				// formats it writes, a different half input by input
				// (CI in all).
				continue
			}
			out := filepath.Join(dir, "out")
			if code, _, stderr := runCmd("convert", "-f", format, "-o", out, in); code != exitOK {
				t.Fatalf("%s -o: exit %d: %s", what, code, stderr)
			}
			if got, err := os.ReadFile(out); err != nil || !bytes.Equal(got, want.Bytes()) {
				t.Errorf("%s: -o file differs from the general path's (%v)", what, err)
			}
		}
	}
}
