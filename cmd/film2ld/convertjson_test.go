package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/film2ld/film2ld/ld"
)

// TestConvertNQuadsJSONLDMatchesGeneralPath: convert of N-Quads to
// jsonld and html, which takes ld.Processor.WriteJSONLD, prints what the
// general path (FromNQuads, Union, Write) gives, to standard output and
// to a file, with and without --lenient, for one input and two, for a
// graph the general path frames (which WriteJSONLD declines) and for
// one with a list (which the dataset sends to the general path).
func TestConvertNQuadsJSONLDMatchesGeneralPath(t *testing.T) {
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
	p := processor()
	for _, files := range [][]string{{gen}, {named}, {gen, named}, {framed}, {list}, {one}, {one, one}} {
		for _, format := range []string{"jsonld", "html"} {
			for _, lenient := range []bool{false, true} {
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
				if strings.Contains(what, "framed") && strings.Contains(want.String(), "@graph") {
					t.Errorf("%s: not framed: %s", what, want.String())
				}
			}
		}
	}
}
