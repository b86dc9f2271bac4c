// Package mappertest holds what the fuzz targets of every mapper share: the
// seed corpus (the samples and our own films) and the properties every
// mapper must keep on any input.
package mappertest

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/film2ld/film2ld/mapping/film"
)

// AddSeeds adds every sample and film document under root (the
// repository's testdata folder) to a fuzz corpus.
func AddSeeds(f *testing.F, root string) {
	f.Helper()
	seeds, _ := filepath.Glob(filepath.Join(root, "samples", "*.txt"))
	films, _ := filepath.Glob(filepath.Join(root, "films", "*", "*.txt"))
	if len(seeds) == 0 {
		f.Fatalf("no seed documents under %s", root)
	}
	for _, p := range append(seeds, films...) {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
}

// Check runs parse on data and fails t if it breaks a property every mapper
// keeps: a failure is a *film.Error naming the document, and every text in
// a success is valid UTF-8 with no U+FFFD that the input did not hold.
func Check(t *testing.T, data []byte, parse func(io.Reader, string) (*film.Source, error)) {
	src, err := parse(bytes.NewReader(data), "fuzz.txt")
	if err != nil {
		var fe *film.Error
		if !errors.As(err, &fe) || fe.Name != "fuzz.txt" {
			t.Fatalf("error is not a *film.Error naming the document: %#v", err)
		}
		return
	}
	inputHasFFFD := bytes.ContainsRune(data, utf8.RuneError)
	for _, s := range texts(src) {
		if !utf8.ValidString(s) || !inputHasFFFD && strings.ContainsRune(s, utf8.RuneError) {
			t.Fatalf("invalid text in output: %q", s)
		}
	}
	for _, r := range src.Film.Reviews {
		if r.Date.Value != "" && len(r.Date.Value) != len("2006-01-02") {
			t.Fatalf("review date %q is not ISO 8601", r.Date.Value)
		}
	}
}

func texts(src *film.Source) []string {
	f := &src.Film
	out := []string{f.Title.Value, f.Abstract.Value, f.Trailer.Value, src.URL.Value}
	for _, c := range f.Credits {
		out = append(out, c.Agent.Name.Value, c.RoleName)
	}
	for _, c := range f.Cast {
		out = append(out, c.Actor.Value, c.Character)
	}
	for _, r := range f.Reviews {
		out = append(out, r.Author.Value, r.Publisher.Value, r.Body.Value, r.Date.Value)
	}
	for _, d := range f.Descriptions {
		out = append(out, d.Value)
	}
	return out
}
