package main

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/film2ld/film2ld/ld"
)

// TestEveryExportValidates is "one truth": every test film and every
// sample, all its documents together and each alone, exported in every
// format, is accepted by validate (default profile) with exit 0. A film no
// document names cannot make a snippet: jsonld and html fail with a clear
// error, and the RDF formats are still written. The documents themselves,
// given to validate together, are checked as export combines them.
func TestEveryExportValidates(t *testing.T) {
	t.Parallel() // CPU-bound, in process, on files of its own: runs beside the tests that wait on other processes
	if testing.Short() {
		t.Skip("exports every film in every format")
	}
	sets := map[string][]string{}
	for name, files := range exportCases(t) {
		sets[name] = files
		if len(files) > 1 {
			for _, f := range files {
				sets[name+"/"+filepath.Base(f)] = []string{f}
			}
		}
	}
	names := make([]string, 0, len(sets))
	for n := range sets {
		names = append(names, n)
	}
	sort.Strings(names)
	ext := map[ld.Format]string{ld.FormatJSONLD: ".jsonld", ld.FormatExpanded: ".jsonld", ld.FormatFlattened: ".jsonld",
		ld.FormatNQuads: ".nq", ld.FormatCanonical: ".nq", ld.FormatHTML: ".html", ld.FormatTurtle: ".ttl", ld.FormatTriG: ".trig",
		ld.FormatSPARQLUpdate: ".ru"}
	for ni, name := range names {
		files := sets[name]
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			_, nq, _ := runCmd(append([]string{"export", "-q", "-f", "nquads", "--merged"}, files...)...)
			named := strings.Contains(nq, "<http://schema.org/name>") && strings.Contains(nq, "<http://schema.org/Movie>") && hasMovieName(nq)
			for fi, f := range ld.Formats() {
				if strings.Contains(name, "/") && !everyCase() && (ni+fi)%2 != 0 {
					// A film's documents alone: a developer's run
					// exports each in half of the formats, a different
					// half document by document (CI in all); the whole
					// films go to every one.
					continue
				}
				for _, merged := range []bool{false, true} {
					if merged && f != ld.FormatNQuads && f != ld.FormatCanonical {
						continue
					}
					out := filepath.Join(dir, fmt.Sprintf("%s-%v%s", f, merged, ext[f]))
					args := []string{"export", "-q", "-f", f.String(), "-o", out}
					if merged {
						args = append(args, "--merged")
					}
					code, _, stderr := runCmd(append(args, files...)...)
					snippet := f == ld.FormatJSONLD || f == ld.FormatHTML
					switch {
					case !named && snippet:
						if code != exitError || !strings.Contains(stderr, "no document names the film") {
							t.Errorf("-f %s of a nameless film: exit %d\n%s", f, code, stderr)
						}
						continue
					case code != exitOK:
						t.Fatalf("export -f %s: exit %d\n%s", f, code, stderr)
					case !named:
						continue // the RDF holds the facts; no snippet can be made of them
					}
					if f == ld.FormatSPARQLUpdate {
						// An update request, not data: validate does not
						// read SPARQL. The trig export is the same dataset.
						continue
					}
					if code, report, stderr := runCmd("validate", out); code != exitOK {
						t.Errorf("validate of -f %s (merged %v): exit %d\n%s%s", f, merged, code, report, stderr)
					}
				}
			}
			if named {
				if code, report, stderr := runCmd(append([]string{"validate"}, files...)...); code != exitOK {
					t.Errorf("validate of the documents: exit %d\n%s%s", code, report, stderr)
				}
			}
		})
	}
}

// hasMovieName reports whether merged N-Quads give a Movie a name.
func hasMovieName(nq string) bool {
	movies := map[string]bool{}
	for _, l := range strings.Split(nq, "\n") {
		if f := strings.Fields(l); len(f) > 2 && f[1] == "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>" && f[2] == "<http://schema.org/Movie>" {
			movies[f[0]] = true
		}
	}
	for _, l := range strings.Split(nq, "\n") {
		if f := strings.Fields(l); len(f) > 2 && movies[f[0]] && f[1] == "<http://schema.org/name>" {
			return true
		}
	}
	return false
}
