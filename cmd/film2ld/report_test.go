package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/film2ld/film2ld/schemas"
)

// TestSARIFURI pins how files become SARIF artifact URIs: relative and
// percent-encoded under the working folder, file:// outside it.
func TestSARIFURI(t *testing.T) {
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	outside := filepath.Join(filepath.Dir(filepath.Dir(wd)), "öff site", "a#b.html")
	for in, want := range map[string]string{
		"page.html":                       "page.html",
		"./public/films/la strada.html":   "public/films/la%20strada.html",
		filepath.Join(wd, "x", "東京.html"): "x/%E6%9D%B1%E4%BA%AC.html",
		outside:                           "file://" + filepath.ToSlash(filepath.Dir(filepath.Dir(wd))) + "/%C3%B6ff%20site/a%23b.html",
		"<stdin>":                         "stdin",
	} {
		if got := sarifURI(in); got != want {
			t.Errorf("sarifURI(%q) = %q; want %q", in, got, want)
		}
	}
}

// TestSARIFFilmLocations: a finding of a film given as its documents
// ("a.txt, b.txt", validate's name for the film) is located in each
// document, not in a file of that joined name, which does not exist
// (audit 18); a name that is one file, even with ", " in it, stays one.
func TestSARIFFilmLocations(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	for _, name := range []string{"article.txt", "reviews.txt", "Heat, 1995.txt"} {
		if err := os.WriteFile(name, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for name, want := range map[string][]string{
		"article.txt, reviews.txt": {"article.txt", "reviews.txt"},
		"Heat, 1995.txt":           {"Heat,%201995.txt"},
		"article.txt, missing.txt": {"article.txt,%20missing.txt"},
		"reviews.txt":              {"reviews.txt"},
	} {
		var out bytes.Buffer
		f := schemas.Finding{Severity: schemas.Warning, Rule: schemas.RuleRelativeURL, Message: "m", Pos: schemas.Pos{File: name, Line: 3, Col: 2}}
		if err := reportSARIF(&out, []schemas.Finding{f}); err != nil {
			t.Fatal(err)
		}
		var log struct {
			Runs []struct {
				Results []struct {
					Locations []struct {
						PhysicalLocation struct {
							ArtifactLocation struct{ URI string }
							Region           *struct{ StartLine int }
						}
					}
				}
			}
		}
		if err := json.Unmarshal(out.Bytes(), &log); err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, l := range log.Runs[0].Results[0].Locations {
			got = append(got, l.PhysicalLocation.ArtifactLocation.URI)
			// A line of one document is no line of the others.
			if hasRegion := l.PhysicalLocation.Region != nil; hasRegion != (len(want) == 1) {
				t.Errorf("%q: region %v in %s", name, hasRegion, l.PhysicalLocation.ArtifactLocation.URI)
			}
		}
		if !slices.Equal(got, want) {
			t.Errorf("%q: located in %q; want %q", name, got, want)
		}
	}
}

// reportJSON writes, a finding at a time, the bytes writeJSON writes of
// the whole array: with no finding, one, many, and text that JSON
// escapes (quotes, HTML's characters, control characters) or that
// msg.EscapeJSON escapes (bidi overrides, line separators).
func TestReportJSONMatchesWholeArray(t *testing.T) {
	texts := []string{"Movie <https://films.example/f/1>", `a "quoted" name & <b>`, "tab\there\nline", "Cl\u00e9o \u202eevil\u202c \u2028", "", "日本語のタイトル"}
	var fs []schemas.Finding
	for i := range 40 {
		fs = append(fs, schemas.Finding{Severity: schemas.Warning, Rule: "google.movie.image", Node: texts[i%len(texts)],
			Property: texts[(i+1)%len(texts)], Message: texts[(i+2)%len(texts)], Fix: texts[(i+3)%len(texts)],
			Pos: schemas.Pos{File: texts[(i+4)%len(texts)], Line: i, Col: i % 3}})
	}
	for _, n := range []int{0, 1, 2, len(fs)} {
		var got, want bytes.Buffer
		if err := reportJSON(&got, fs[:n]); err != nil {
			t.Fatal(err)
		}
		whole := make([]jsonFinding, n)
		for i, f := range fs[:n] {
			whole[i] = jsonFinding{File: f.Pos.File, Line: f.Pos.Line, Column: f.Pos.Col, Severity: string(f.Severity),
				Rule: f.Rule, Node: f.Node, Property: f.Property, Message: f.Message, Fix: f.Fix}
		}
		if err := writeJSON(&want, whole); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Errorf("%d findings:\n%s\nwant\n%s", n, got.String(), want.String())
		}
	}
}

// writeJSONArray writes the bytes writeJSON writes of the value with the
// array in the marker's place, wherever the marker stands: at the top,
// in an object (SARIF's results, four levels down), in an array, beside
// keys that sort before and after it, with no item, one, or several.
func TestWriteJSONArrayMatchesWholeValue(t *testing.T) {
	items := []any{map[string]any{"a": "x <y> & \u202e", "n": 1, "nested": []any{1, map[string]any{"z": "\u2028"}}}, "plain", 3.5, []any{}, map[string]any{}}
	place := func(at any) []any {
		return []any{
			at,
			map[string]any{"a": 1, "results": at, "z": "end"},
			map[string]any{"runs": []any{map[string]any{"columnKind": "k", "results": at, "tool": map[string]any{"driver": "d"}}}},
			[]any{"first", at, "last"},
		}
	}
	for _, n := range []int{0, 1, 2, len(items)} {
		withMarker, withArray := place(arrayMarker), place(items[:n])
		for i := range withMarker {
			var got, want bytes.Buffer
			if err := writeJSONArray(&got, withMarker[i], n, func(j int) any { return items[j] }); err != nil {
				t.Fatal(err)
			}
			if err := writeJSON(&want, withArray[i]); err != nil {
				t.Fatal(err)
			}
			if got.String() != want.String() {
				t.Errorf("%d items, shape %d:\n%s\nwant\n%s", n, i, got.String(), want.String())
			}
		}
	}
}
