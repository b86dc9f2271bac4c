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
