package pipeline_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/film2ld/film2ld/ld"
	"github.com/film2ld/film2ld/mapping/pipeline"
)

// TestDropReviews: once a film is rendered, forgetting the documents'
// reviews changes no byte of any format's output, since the film holds
// every review it shows.
func TestDropReviews(t *testing.T) {
	files, err := filepath.Glob("../../testdata/films/*/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no test films: %v", err)
	}
	for _, format := range []ld.Format{ld.FormatNQuads, ld.FormatCanonical, ld.FormatJSONLD} {
		job := pipeline.New(pipeline.Options{Format: format})
		reviews := 0
		for _, name := range files {
			if filepath.Base(filepath.Dir(name)) != filepath.Base(filepath.Dir(files[0])) {
				continue
			}
			f, err := os.Open(name)
			if err != nil {
				t.Fatal(err)
			}
			_, err = job.Read(f, name)
			f.Close()
			if err != nil {
				t.Fatal(err)
			}
		}
		film, err := job.Merge()
		if err != nil {
			t.Fatal(err)
		}
		out, err := job.Render(film)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range job.Sources() {
			reviews += len(s.Film.Reviews)
		}
		if reviews == 0 {
			t.Fatalf("%s: the film has no review to drop", files[0])
		}
		var before, after bytes.Buffer
		if err := out.Write(&before); err != nil {
			t.Fatal(err)
		}
		job.DropReviews()
		for _, s := range job.Sources() {
			if len(s.Film.Reviews) > 0 {
				t.Errorf("%s still holds %d reviews", s.Name, len(s.Film.Reviews))
			}
		}
		if err := out.Write(&after); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(before.Bytes(), after.Bytes()) {
			t.Errorf("%s: output changed after DropReviews", format)
		}
	}
}
