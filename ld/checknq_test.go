package ld_test

import (
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/film2ld/film2ld/ld"
)

// CheckNQuads refuses what Dataset.ReadNQuads refuses, with the same
// error, and passes what it reads.
func TestCheckNQuadsAgreesWithReadNQuads(t *testing.T) {
	const ok = `<https://films.example/f/1> <http://schema.org/name> "Ikiru"@ja .` + "\n"
	for _, text := range []string{
		ok,
		"",
		"# a comment\n\n" + ok,
		ok + "not a statement\n",
		ok + `<https://films.example/f 1> <http://schema.org/name> "x" .` + "\n",
		ok + `<f1> <http://schema.org/name> "x" .` + "\n",
		ok + "<https://films.example/f/1> <http://schema.org/name> \"Mus\xe9e\" .\n",
		ok + `<https://films.example/f/1> <http://schema.org/name> "x"@-bad .` + "\n",
		ok + `<https://films.example/f/1> <http://schema.org/name> "never closed`,
		ok + `_:b0 <http://schema.org/name> "x" <https://films.example/g> .` + "\n",
		ok + `<https://films.example/f/1> <http://schema.org/name> "x"^^<http://www.w3.org/2001/XMLSchema#string> .` + "\n",
	} {
		_, want := ld.NewDataset().ReadNQuads(strings.NewReader(text), "in.nq", false)
		got := ld.CheckNQuads(strings.NewReader(text), "in.nq")
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%q:\nCheckNQuads: %v\nReadNQuads:  %v", text, got, want)
		}
	}
}

// CheckNQuads keeps no statement: a million of one statement allocate
// what one does, where a dataset grows by 16 bytes each.
func TestCheckNQuadsKeepsNoStatement(t *testing.T) {
	const stmt = `<https://films.example/f/1> <http://schema.org/name> "Ikiru" .` + "\n"
	in := strings.Repeat(stmt, 1_000_000)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	if err := ld.CheckNQuads(strings.NewReader(in), "in.nq"); err != nil {
		t.Fatal(err)
	}
	runtime.ReadMemStats(&after)
	// The input itself is 63 MB (not counted: made before); the
	// statements held would be 16 MB and their slice's growth as much.
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 8<<20 {
		t.Errorf("allocated %d MB reading a million statements; want at most 8", alloc>>20)
	}
}

// A bare CR ends a line, as N-Quads' and Turtle's EOL ([#xD#xA]+) ends
// it: a file of CR line ends reads as the same file with LF ones, and a
// comment ends at its CR rather than taking the rest of the file with it,
// in silence (audit 10).
func TestBareCREndsALine(t *testing.T) {
	const lf = "# a comment\n<https://films.example/f/1> <http://schema.org/name> \"A\" .\n" +
		"<https://films.example/f/2> <http://schema.org/name> \"B\" . # another\n\n" +
		"_:b0 <http://schema.org/name> \"C\" <https://films.example/g> .\n"
	want, err := ld.ReadNQuads(strings.NewReader(lf), "lf.nq")
	if err != nil || len(want) != 3 {
		t.Fatalf("%d statements, %v", len(want), err)
	}
	for _, text := range []string{strings.ReplaceAll(lf, "\n", "\r"), strings.ReplaceAll(lf, "\n", "\r\n"), strings.ReplaceAll(lf, "\n", "\r\r\n")} {
		got, err := ld.ReadNQuads(strings.NewReader(text), "cr.nq")
		if err != nil || fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%q: %v, %v; want %v", text, got, err, want)
		}
	}
	const ttl = "@prefix s: <http://schema.org/> . # the vocabulary\n<https://films.example/f/1> s:name \"A\" . # a\n<https://films.example/f/2> s:name \"B\" .\n"
	wantTTL, err := ld.ReadTurtle(strings.NewReader(ttl), "lf.ttl", false)
	if err != nil || len(wantTTL) != 2 {
		t.Fatalf("%d statements, %v", len(wantTTL), err)
	}
	got, err := ld.ReadTurtle(strings.NewReader(strings.ReplaceAll(ttl, "\n", "\r")), "cr.ttl", false)
	if err != nil || fmt.Sprint(got) != fmt.Sprint(wantTTL) {
		t.Errorf("Turtle with CR line ends: %v, %v; want %v", got, err, wantTTL)
	}
	// A statement gone wrong after a bare CR is placed on its own line.
	_, err = ld.ReadNQuads(strings.NewReader("<https://films.example/f/1> <http://schema.org/name> \"A\" .\r<x> junk\r"), "cr.nq")
	if err == nil || !strings.Contains(err.Error(), "cr.nq:2") {
		t.Errorf("error %v; want it on line 2", err)
	}
}
