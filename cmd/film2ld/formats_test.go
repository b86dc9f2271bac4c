package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/film2ld/film2ld/ld"
)

// TestExportFormatsSameGraph exports the samples in every format, reads
// each output back with convert's reader, and checks that all of them give
// the same canonical N-Quads: eight forms of one graph.
func TestExportFormatsSameGraph(t *testing.T) {
	samples, _ := filepath.Glob("../../testdata/samples/*.txt")
	if len(samples) != 3 {
		t.Fatalf("want the three samples, found %d", len(samples))
	}
	inputExt := map[ld.Format]string{
		ld.FormatJSONLD: ".jsonld", ld.FormatExpanded: ".jsonld", ld.FormatFlattened: ".jsonld",
		ld.FormatNQuads: ".nq", ld.FormatCanonical: ".nq", ld.FormatHTML: ".html",
		ld.FormatTurtle: ".ttl", ld.FormatTriG: ".trig",
	}
	export := func(t *testing.T, f ld.Format) []byte {
		t.Helper()
		var stdout, stderr bytes.Buffer
		// --merged: nquads and canonical otherwise add provenance graphs;
		// --keep-rejected: jsonld and html otherwise leave out what search
		// engines reject.
		args := append([]string{"export", "-q", "--merged", "--keep-rejected", "-f", f.String()}, samples...)
		if code := run(args, nil, &stdout, &stderr); code != exitOK {
			t.Fatalf("export -f %s: exit %d: %s", f, code, stderr.String())
		}
		return stdout.Bytes()
	}
	want := export(t, ld.FormatCanonical)
	for _, f := range ld.Formats() {
		if f == ld.FormatSPARQLUpdate {
			continue // an update for a store, not a form convert reads
		}
		t.Run(f.String(), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "out"+inputExt[f])
			if err := os.WriteFile(path, export(t, f), 0o644); err != nil {
				t.Fatal(err)
			}
			var canon, stderr bytes.Buffer
			if code := run([]string{"convert", "-f", "canonical", path}, nil, &canon, &stderr); code != exitOK {
				t.Fatalf("convert: exit %d: %s", code, stderr.String())
			}
			if !bytes.Equal(canon.Bytes(), want) {
				t.Errorf("the %s export is not the same graph as the canonical export", f)
			}
		})
	}
}
