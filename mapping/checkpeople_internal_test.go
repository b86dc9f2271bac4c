package mapping

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/film2ld/film2ld/mapping/film"
	"github.com/film2ld/film2ld/mapping/internal/text"
)

// TestMappersCheckPeople: a mapper that Map trusts to have run
// text.CheckPeople (kindInfo.checksPeople) leaves no person that the
// check would leave out, so Map's skipping it changes nothing. Every test
// document is parsed by each such mapper, whatever its kind.
func TestMappersCheckPeople(t *testing.T) {
	var docs []string
	for _, root := range []string{"../testdata", "."} {
		filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.HasSuffix(path, ".txt") {
				docs = append(docs, path)
			}
			return nil
		})
	}
	if len(docs) < 30 {
		t.Fatalf("found %d test documents", len(docs))
	}
	checked := 0
	for _, path := range docs {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, k := range kinds {
			if !k.checksPeople {
				continue
			}
			doc, err := text.Read(bytes.NewReader(data), path)
			if err != nil {
				break
			}
			src, err := k.parse(doc)
			if err != nil {
				continue
			}
			checked++
			f := &src.Film
			var people []film.Text
			for _, c := range f.Credits {
				if !c.Agent.Organization {
					people = append(people, c.Agent.Name)
				}
			}
			for _, c := range f.Cast {
				people = append(people, c.Actor)
			}
			for _, w := range f.BasedOn {
				if w.Author != "" {
					people = append(people, film.Text{Value: w.Author})
				}
			}
			for _, p := range people {
				if why := text.PersonProblem(p.Value); why != "" {
					t.Errorf("%s read as %s: %q is kept, but CheckPeople leaves it out (%s)", path, k.kind, p.Value, why)
				}
			}
		}
	}
	t.Logf("%d documents, %d parses checked", len(docs), checked)
}
