package pipeline_test

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/film2ld/film2ld/ld"
	"github.com/film2ld/film2ld/mapping/pipeline"
)

// TestDropStated: once a film is rendered, forgetting the documents'
// reviews, cast parts and credits changes no byte of any format's
// output, since the film holds every review, part and credit it shows; on every
// test film, in the dataset (each document's own graph too), the merged
// view and the web snippet.
func TestDropStated(t *testing.T) {
	dirs, err := filepath.Glob("../../testdata/films/*")
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no test films: %v", err)
	}
	dirs = append(dirs, "../../testdata/samples")
	reviews, parts, credits := 0, 0, 0
	for _, dir := range dirs {
		files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
		if len(files) == 0 {
			continue
		}
		for _, format := range []ld.Format{ld.FormatNQuads, ld.FormatCanonical, ld.FormatJSONLD, ld.FormatTurtle} {
			job, film := mergeFilm(t, pipeline.Options{Format: format, KeepRejected: true}, files)
			out, err := job.Render(film)
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range job.Sources() {
				reviews += len(s.Film.Reviews)
				parts += len(s.Film.Cast)
				credits += len(s.Film.Credits)
			}
			var before, after bytes.Buffer
			if err := out.Write(&before); err != nil {
				t.Fatal(err)
			}
			job.DropStated()
			for _, s := range job.Sources() {
				if len(s.Film.Reviews) > 0 || len(s.Film.Cast) > 0 || len(s.Film.Credits) > 0 {
					t.Errorf("%s still holds %d reviews, %d parts and %d credits", s.Name, len(s.Film.Reviews), len(s.Film.Cast), len(s.Film.Credits))
				}
			}
			if err := out.Write(&after); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(before.Bytes(), after.Bytes()) {
				t.Errorf("%s, %s: output changed after DropStated", dir, format)
			}
		}
	}
	if reviews == 0 || parts == 0 || credits == 0 {
		t.Fatalf("the films have %d reviews, %d parts and %d credits to drop", reviews, parts, credits)
	}
}
