package ld

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// rdfTableInputs returns N-Quads inputs for the writers' differential
// tests: the conformance files, a generated archive (named IRI and blank
// graphs, language tags in upper case, repeated lines) and cases written
// for the Turtle layout's corners.
func rdfTableInputs(t *testing.T) map[string]string {
	t.Helper()
	in := map[string]string{}
	paths, err := filepath.Glob("testdata/conformance/*.nq")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no conformance N-Quads (%v)", err)
	}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		in[filepath.Base(p)] = string(b)
	}
	var big strings.Builder
	if err := writeBigNQuads(&big, 40); err != nil {
		t.Fatal(err)
	}
	in["generated-40-films"] = big.String()
	const (
		s    = "<http://schema.org/"
		typ  = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
		prov = "<http://www.w3.org/ns/prov#wasDerivedFrom>"
	)
	in["blank cycle"] = "_:a " + s + "knows> _:b .\n_:b " + s + "knows> _:a .\n_:c " + s + "knows> _:c .\n"
	in["blank used twice and never described"] = "<urn:x:1> " + s + "author> _:p .\n<urn:x:2> " + s + "author> _:p .\n<urn:x:3> " + s + "review> _:empty .\n"
	in["nested three deep, types first"] = "<urn:x:m> " + s + "review> _:r .\n_:r " + s + "author> _:a .\n_:r " + typ + " " + s + "Review> .\n" +
		"_:a " + s + "name> \"A\" .\n_:a " + typ + " " + s + "Person> .\n_:a " + typ + " " + s + "Agent> .\n<urn:x:m> " + typ + " " + s + "Movie> .\n" +
		"<urn:x:m> " + s + "name> \"b\" .\n<urn:x:m> " + s + "name> \"a\"@EN .\n<urn:x:m> " + s + "name> \"1\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n"
	in["repeated statements"] = "<urn:x:1> " + s + "name> \"x\" .\n<urn:x:1> " + s + "name> \"x\" .\n_:b " + s + "name> \"y\" .\n<urn:x:1> " + s + "knows> _:b .\n<urn:x:1> " + s + "knows> _:b .\n"
	in["derived graphs"] = "<urn:g:film> " + prov + " <urn:g:src1> <urn:g:film> .\n<urn:g:film> " + prov + " <urn:g:src2> <urn:g:film> .\n<urn:g:film> " + prov + " <urn:g:src1> <urn:g:film> .\n" +
		"<urn:g:other> " + prov + " <urn:g:src1> <urn:g:other> .\n<urn:x:m> " + s + "name> \"M\" <urn:g:film> .\n" +
		"<urn:x:m> " + s + "review> _:r <urn:g:src1> .\n_:r " + s + "reviewBody> \"good\" <urn:g:src1> .\n<urn:x:m> " + s + "name> \"S2\" <urn:g:src2> .\n" +
		"<urn:x:m> " + s + "name> \"default\" .\n_:g " + s + "name> \"in a blank graph\" _:g .\n"
	in["empty"] = ""
	in["blank nodes nested past maxNestDepth"] = deepBlankNQuads(2*maxNestDepth + 7)
	return in
}

// TestTermTableWritersMatchQuadWriters holds the writers over numbered
// terms to the bytes of the writers over Quads they replaced
// (rdfref_test.go), for every input, through the []Quad API and through
// WriteDirect's route (a Dataset's lineTable, which must also equal the
// N-Quads text round trip WriteDirect took before).
func TestTermTableWritersMatchQuadWriters(t *testing.T) {
	type writer struct {
		name     string
		old, new func(io.Writer, []Quad) error
		table    func(*termTable, io.Writer) error
	}
	writers := []writer{
		{"turtle", refWriteTurtle, WriteTurtle, (*termTable).writeTurtle},
		{"trig", refWriteTriG, WriteTriG, (*termTable).writeTriG},
		{"sparql-update", refWriteSPARQLUpdate, WriteSPARQLUpdate, (*termTable).writeSPARQLUpdate},
	}
	compared, longest := 0, 0
	for name, text := range rdfTableInputs(t) {
		d := NewDataset()
		if _, err := d.ReadNQuads(strings.NewReader(text), name, false); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		// The old route: sorted N-Quads text, read back.
		var nq bytes.Buffer
		if err := d.writeNQuads(&nq, d.labelText()); err != nil {
			t.Fatal(err)
		}
		roundTrip, err := ReadNQuads(&nq, name)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		asRead := d.Quads()
		for _, w := range writers {
			for _, in := range []struct {
				how   string
				quads []Quad
			}{{"as read", asRead}, {"round trip", roundTrip}} {
				var old, new bytes.Buffer
				errOld, errNew := w.old(&old, in.quads), w.new(&new, in.quads)
				check(t, fmt.Sprintf("%s %s %s", name, w.name, in.how), old.String(), new.String(), errOld, errNew)
				compared++
			}
			// WriteDirect's route, from a fresh read (lineTable
			// releases the index and sorts).
			d2 := NewDataset()
			if _, err := d2.ReadNQuads(strings.NewReader(text), name, false); err != nil {
				t.Fatal(err)
			}
			var old, direct bytes.Buffer
			errOld := w.old(&old, roundTrip)
			errDirect := w.table(d2.lineTable(d2.labelText(), true), &direct)
			check(t, fmt.Sprintf("%s %s dataset", name, w.name), old.String(), direct.String(), errOld, errDirect)
			compared++
			longest = max(longest, direct.Len())
		}
	}
	t.Logf("%d outputs compared, the longest %d bytes", compared, longest)
	if longest < 4*64*1024 {
		// The writers hand w their text in pieces of 64 KB or more.
		t.Errorf("the longest output is %d bytes: none is written in several pieces", longest)
	}
}

func check(t *testing.T, what, old, new string, errOld, errNew error) {
	t.Helper()
	if !errors.Is(errNew, errOld) && !(errOld != nil && errNew != nil && errOld.Error() == errNew.Error()) {
		t.Errorf("%s: error %v, was %v", what, errNew, errOld)
		return
	}
	if old != new {
		ol, nl := strings.Split(old, "\n"), strings.Split(new, "\n")
		for i := 0; i < len(ol) && i < len(nl); i++ {
			if ol[i] != nl[i] {
				t.Errorf("%s: line %d is %q, was %q", what, i+1, nl[i], ol[i])
				return
			}
		}
		t.Errorf("%s: %d lines, were %d", what, len(nl), len(ol))
	}
}
