// Package mappertest holds what the tests of every mapper share: the fuzz
// targets' seed corpus (the samples and our own films), the properties every
// mapper must keep on any input, and the check of a layout table's rows.
package mappertest

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/film2ld/film2ld/mapping/film"
	"github.com/film2ld/film2ld/mapping/internal/text"
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
		if !errors.As(err, &fe) || fe.Pos.File != "fuzz.txt" {
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
		// A day, a month or a year: the precision the page states.
		if d := r.Date.Value; d != "" && !isoDate(d) {
			t.Fatalf("review date %q is not ISO 8601", d)
		}
	}
}

// CheckPeople runs parse on data and fails t if a person it read has a
// name text.PersonProblem rejects: whatever the input, a mapper never
// mints a Person from a value that still holds a separator, an annotation
// or a sentence.
func CheckPeople(t *testing.T, data []byte, parse func(io.Reader, string) (*film.Source, error)) {
	src, err := parse(bytes.NewReader(data), "fuzz.txt")
	if err != nil {
		return
	}
	f := &src.Film
	for _, c := range f.Credits {
		if why := text.PersonProblem(c.Agent.Name.Value); !c.Agent.Organization && why != "" {
			t.Fatalf("credit %q at line %d: %s", c.Agent.Name.Value, c.Agent.Name.Line, why)
		}
	}
	for _, c := range f.Cast {
		if why := text.PersonProblem(c.Actor.Value); why != "" {
			t.Fatalf("actor %q at line %d: %s", c.Actor.Value, c.Actor.Line, why)
		}
	}
}

func texts(src *film.Source) []string {
	f := &src.Film
	out := []string{f.Title.Value, src.URL.Value}
	for _, t := range slices.Concat(f.Abstracts, f.Trailers) {
		out = append(out, t.Value)
	}
	for _, c := range f.Credits {
		out = append(out, c.Agent.Name.Value, c.RoleName)
	}
	for _, c := range f.Cast {
		out = append(out, c.Actor.Value, c.Character)
	}
	for _, r := range f.Reviews {
		out = append(out, r.Author.Value, r.Publisher.Value, r.Body.Value, r.Date.Value)
		if r.Coauthors != nil {
			for _, co := range *r.Coauthors {
				out = append(out, co.Value)
			}
		}
	}
	for _, d := range f.Descriptions {
		out = append(out, d.Value)
	}
	return out
}

// Facts flattens what a Source states into sorted "kind: value@line"
// strings, so that a table row can list exactly what a layout must give.
func Facts(src *film.Source) []string {
	f := src.Film
	var out []string
	add := func(format string, args ...any) { out = append(out, fmt.Sprintf(format, args...)) }
	add("title: %s@%d", f.Title.Value, f.Title.Line)
	for _, t := range f.OtherTitles {
		add("other title: %s@%d", t.Value, t.Line)
	}
	if f.Year.Set {
		add("year: %g@%d", f.Year.Value, f.Year.Line)
	}
	if f.Runtime.Set && f.Runtime.Seconds()%60 != 0 {
		add("runtime: %s@%d", f.Runtime, f.Runtime.Line) // "12 min 40 s"
	} else if f.Runtime.Set {
		add("runtime: %g@%d", f.Runtime.Value, f.Runtime.Line)
	}
	for _, c := range f.Countries {
		add("country: %s@%d", c.Value, c.Line)
	}
	for _, l := range f.Languages {
		add("language: %s@%d", l.Value, l.Line)
	}
	for _, g := range f.Genres {
		add("genre: %s@%d", g.Value, g.Line)
	}
	for _, r := range f.ContentRatings {
		add("content rating: %s@%d", r.Value, r.Line)
	}
	for _, c := range f.Credits {
		role := string(c.Role)
		if c.RoleName != "" {
			role += "/" + c.RoleName
		}
		add("%s: %s@%d", role, c.Agent.Name.Value, c.Agent.Name.Line)
	}
	for _, c := range f.Cast {
		s := "cast: " + c.Actor.Value
		if c.Character != "" {
			s += " as " + c.Character
		}
		if len(c.RoleNames()) > 0 {
			s += " " + fmt.Sprint(c.RoleNames())
		}
		if c.Description() != "" {
			s += " {" + c.Description() + "}"
		}
		add("%s@%d", s, c.Actor.Line)
	}
	for _, r := range f.Releases {
		add("release: %s|%s@%d", r.Date.Value, r.Place, r.Date.Line)
	}
	for _, w := range f.BasedOn {
		add("based on: %s|%s@%d", w.Name.Value, w.Author, w.Name.Line)
	}
	for _, u := range f.Unmapped {
		add("unmapped: %s=%s@%d", u.Label, u.Value, u.Line)
	}
	for _, a := range f.Abstracts {
		add("abstract@%d: %s", a.Line, a.Value)
	}
	for _, d := range f.Descriptions {
		add("description@%d: %s", d.Line, d.Value)
	}
	slices.Sort(out)
	return out
}

// Notes returns a Source's notes as "line: message".
func Notes(src *film.Source) []string {
	var out []string
	for _, n := range src.Notes {
		out = append(out, fmt.Sprintf("%d: %s", n.Line, n.Message))
	}
	return out
}

// Layout checks a layout table row: the document parse reads must give
// exactly the facts want (in any order, as Facts renders them) and exactly
// the notes, in order. Every mapper's layout test shares it, so that the
// rows of all three read and fail alike.
func Layout(t *testing.T, doc, name string, parse func(io.Reader, string) (*film.Source, error), want, notes []string) {
	t.Helper()
	src, err := parse(strings.NewReader(doc), name)
	if err != nil {
		t.Fatal(err)
	}
	want = slices.Clone(want)
	slices.Sort(want)
	if got := Facts(src); !slices.Equal(got, want) {
		t.Errorf("facts:\n got %q\nwant %q", got, want)
	}
	if got := Notes(src); !slices.Equal(got, notes) {
		t.Errorf("notes:\n got %q\nwant %q", got, notes)
	}
}

// DocumentLines returns every line of the sample documents and of our own
// films under root (the repository's testdata folder), samples first: the
// real text that tests of a fast path (a byte scan, a filter, a fold) run
// it and the code it replaces on.
func DocumentLines(tb testing.TB, root string) []string {
	tb.Helper()
	samples, _ := filepath.Glob(filepath.Join(root, "samples", "*.txt"))
	films, _ := filepath.Glob(filepath.Join(root, "films", "*", "*.txt"))
	if len(samples) == 0 || len(films) == 0 {
		tb.Fatalf("no sample or film documents under %s", root)
	}
	var lines []string
	for _, p := range append(samples, films...) {
		b, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		lines = append(lines, strings.Split(string(b), "\n")...)
	}
	return lines
}

// isoDate reports whether s is an ISO 8601 calendar date in its extended
// form, to the day, the month or the year: "2006-01-02", "2006-01",
// "2006".
func isoDate(s string) bool {
	for _, layout := range []string{"2006-01-02", "2006-01", "2006"} {
		if t, err := time.Parse(layout, s); err == nil && t.Format(layout) == s {
			return true
		}
	}
	return false
}
