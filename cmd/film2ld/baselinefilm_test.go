package main

import (
	"os"
	"testing"

	"github.com/film2ld/film2ld/schemas"
)

// A baseline that named a film's documents together for a finding (as
// every finding of a film was placed before findings took their node's
// document and line) still matches that finding placed at one of those
// documents, once; at a document of no film it named, it is new.
func TestBaselineOfFilmMatchesPlacedFinding(t *testing.T) {
	t.Chdir(t.TempDir())
	const base = `{"tool": "film2ld validate", "version": 1, "findings": [
  {"file": "films/x/a.txt, films/x/b.txt", "rule": "google.video.required", "node": "VideoObject (trailer of Movie <urn:x>)", "message": "lacks name"}
]}`
	if err := os.WriteFile("base.json", []byte(base), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := new(env).readBaseline("base.json")
	if err != nil {
		t.Fatal(err)
	}
	at := func(file string) schemas.Finding {
		return schemas.Finding{Severity: schemas.Warning, Rule: "google.video.required",
			Node: "VideoObject (trailer of Movie <urn:x>)", Message: "lacks name", Pos: schemas.Pos{File: file, Line: 63}}
	}
	out, known := s.filter([]schemas.Finding{at("films/x/c.txt"), at("./films/x/b.txt"), at("films/x/a.txt")})
	if known != 1 || len(out) != 2 || out[0].Pos.File != "films/x/c.txt" || out[1].Pos.File != "films/x/a.txt" {
		t.Errorf("known %d, new %v; want the finding at b.txt known, those at c.txt and (a second time) a.txt new", known, out)
	}
}

// A baseline written by validate --batch named a film's findings by its
// folder: they match the finding placed at a document in that folder. A
// page whose name holds ", " is no film: its entries match only it.
func TestBaselineOfFilmFolderAndPages(t *testing.T) {
	t.Chdir(t.TempDir())
	const base = `{"tool": "film2ld validate", "version": 1, "findings": [
  {"file": "films/x", "rule": "google.video.required", "node": "VideoObject (trailer of Movie <urn:x>)", "message": "lacks name"},
  {"file": "x, y.jsonld", "rule": "google.movie.image", "node": "Movie \"A\"", "message": "no image"}
]}`
	if err := os.WriteFile("base.json", []byte(base), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := new(env).readBaseline("base.json")
	if err != nil {
		t.Fatal(err)
	}
	trailer := schemas.Finding{Severity: schemas.Warning, Rule: "google.video.required",
		Node: "VideoObject (trailer of Movie <urn:x>)", Message: "lacks name", Pos: schemas.Pos{File: "films/x/prize.txt", Line: 57}}
	other := trailer
	other.Pos.File = "films/z/prize.txt"
	image := schemas.Finding{Severity: schemas.Warning, Rule: "google.movie.image", Node: "Movie \"A\"", Message: "no image", Pos: schemas.Pos{File: "y.jsonld", Line: 1}}
	out, known := s.filter([]schemas.Finding{other, trailer, image})
	if known != 1 || len(out) != 2 || out[0].Pos.File != "films/z/prize.txt" || out[1].Pos.File != "y.jsonld" {
		t.Errorf("known %d, new %v; want the trailer in films/x known, the one in films/z and y.jsonld's new", known, out)
	}
}
