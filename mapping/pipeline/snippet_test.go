package pipeline_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/film2ld/film2ld/ld"
	"github.com/film2ld/film2ld/mapping"
	"github.com/film2ld/film2ld/mapping/pipeline"
	"github.com/film2ld/film2ld/schemas"
)

// films returns the document sets of the samples and of every test film.
func films(t *testing.T) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	for _, dir := range []string{"../../testdata/samples", "../../testdata/films/*"} {
		dirs, err := filepath.Glob(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range dirs {
			files, _ := filepath.Glob(filepath.Join(d, "*.txt"))
			if len(files) > 0 {
				out[filepath.Base(d)] = files
			}
		}
	}
	if len(out) < 3 {
		t.Fatalf("only %d films", len(out))
	}
	return out
}

// TestSnippetAgreesWithValidate: the web snippet export makes by filtering
// the typed reviews and ratings (schemas.Choose) reads as the same graph
// as validate's snippet of the rendered merged view (schemas.SnippetFor,
// which validate applies to linked data): the same nodes, values and
// parents, and the same findings; and both leave out the same nodes for
// the same reasons, in the same order. The two share the search-engine
// rules, and this pins that they apply them alike.
func TestSnippetAgreesWithValidate(t *testing.T) {
	leftOut := 0
	for name, files := range films(t) {
		film, out := snippetOf(t, name, files)
		pruned, dropped := schemas.SnippetFor(film.Render(), "", schemas.SnippetOptions{})
		if got, want := dumpGraph(schemas.FromDoc(out.Doc(), "")), dumpGraph(pruned); got != want {
			t.Errorf("%s: the typed snippet differs from validate's:\n got %s\nwant %s", name, got, want)
		}
		describe := func(fs []schemas.Finding) []string {
			var s []string
			for _, f := range fs {
				s = append(s, f.Node+": "+f.Message+" ["+f.Rule+"]")
			}
			return s
		}
		if g, w := describe(slices.Collect(out.LeftOut.All())), describe(dropped); !slices.Equal(g, w) {
			t.Errorf("%s: left out\n %q\nwant\n %q", name, g, w)
		}
		leftOut += len(dropped)
	}
	if leftOut == 0 {
		t.Error("no film lost a review or rating: the test films no longer test the snippet")
	}
}

// snippetOf merges a film's documents and renders its web snippet.
func snippetOf(t *testing.T, name string, files []string) (*mapping.Film, *pipeline.Output) {
	t.Helper()
	job, film := mergeFilm(t, pipeline.Options{Format: ld.FormatJSONLD}, files)
	out, err := job.Render(film)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return film, out
}

// mergeFilm reads a film's documents into a job with opts and merges them.
func mergeFilm(t *testing.T, opts pipeline.Options, files []string) (*pipeline.Job, *mapping.Film) {
	t.Helper()
	job := pipeline.New(opts)
	for _, f := range files {
		r, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		_, err = job.Read(r, f)
		r.Close()
		if err != nil {
			t.Fatal(err)
		}
	}
	film, err := job.Merge()
	if err != nil {
		t.Fatal(err)
	}
	return job, film
}

// dumpGraph writes a graph as text: each node with its values (its
// Shape) and the nodes that hold it, then what Validate finds in it.
func dumpGraph(g *schemas.Graph) string {
	var b strings.Builder
	for _, n := range g.Nodes {
		shape, _ := json.Marshal(n.Shape())
		fmt.Fprintf(&b, "%s %s", n.Describe(), shape)
		for _, e := range n.Parents {
			fmt.Fprintf(&b, " <-%s- %s", e.Property, e.From.Describe())
		}
		b.WriteString("\n")
	}
	for _, f := range schemas.Validate(g, schemas.Google) {
		b.WriteString(f.String() + "\n")
	}
	return b.String()
}
