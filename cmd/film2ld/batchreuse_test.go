package main

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/film2ld/film2ld/ld"
)

// TestBatchMatchesSingleExports: a batch's stream is each film's own
// export, its blank nodes prefixed, in folder order, whatever the film
// before it left in the buffer that is reused for the next (films of
// every size in both orders, with one worker and with several).
func TestBatchMatchesSingleExports(t *testing.T) {
	sets, _ := filepath.Glob("../../testdata/films/*")
	sets = append(sets, "../../testdata/samples")
	var dirs []string
	for _, s := range sets {
		if st, err := os.Stat(s); err == nil && st.IsDir() {
			dirs = append(dirs, s)
		}
	}
	films := filepath.Join(t.TempDir(), "films")
	var names []string
	// Each set twice, under names that sort it early and late, so that
	// every film follows both larger and smaller ones.
	for i, d := range dirs {
		for _, name := range []string{fmt.Sprintf("a%02d", i), fmt.Sprintf("b%02d", len(dirs)-i)} {
			copyDocuments(t, d, filepath.Join(films, name))
			names = append(names, name)
		}
	}
	for _, format := range [][]string{{"-f", "canonical", "--merged"}, {"-f", "nquads"}} {
		var want strings.Builder
		for _, name := range slices.Sorted(slices.Values(names)) {
			docs, _ := filepath.Glob(filepath.Join(films, name, "*.txt"))
			var out, errs strings.Builder
			if code := run(append(append([]string{"export", "-q"}, format...), docs...), nil, &out, &errs); code != exitOK {
				t.Fatalf("export %s: exit %d: %s", name, code, errs.String())
			}
			want.WriteString(ld.PrefixBlankNodes(out.String(), filmPrefix(name, 1)))
		}
		for _, jobs := range []string{"1", "3"} {
			var out, errs strings.Builder
			args := append(append([]string{"export", "--batch", "-q", "-j", jobs}, format...), films)
			if code := run(args, nil, &out, &errs); code != exitOK {
				t.Fatalf("%v: exit %d: %s", args, code, errs.String())
			}
			if out.String() != want.String() {
				t.Errorf("%v: the stream differs from the films' own exports", args)
			}
		}
	}
}
