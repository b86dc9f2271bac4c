package schemas

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestCorpus checks published markup (testdata/corpus) against the verdict
// its MANIFEST.tsv row gives for each profile, decided from the
// documentation: "pass" means no error, "fail:RULE,…" exactly those error
// rules.
func TestCorpus(t *testing.T) {
	dir := filepath.Join("testdata", "corpus")
	data, err := os.ReadFile(filepath.Join(dir, "MANIFEST.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	listed := map[string]bool{}
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		if strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 6 || cols[3] == "" || cols[4] == "" || cols[5] == "" {
			t.Errorf("manifest row needs file, two verdicts, source, licence and why: %q", line)
			continue
		}
		file := cols[0]
		listed[file] = true
		text, err := os.ReadFile(filepath.Join(dir, file))
		if err != nil {
			t.Error(err)
			continue
		}
		for i, prof := range []Profile{Google, SchemaOrg} {
			var g *Graph
			if strings.HasSuffix(file, ".html") {
				g, err = LoadHTML(text, file)
			} else {
				g, err = Load(text, file)
			}
			if err != nil {
				t.Errorf("%s: %v", file, err)
				continue
			}
			var got []string
			for _, f := range Validate(g, prof) {
				if f.Severity == Error && !slices.Contains(got, f.Rule) {
					got = append(got, f.Rule)
				}
			}
			slices.Sort(got)
			want := []string{}
			if v, ok := strings.CutPrefix(cols[1+i], "fail:"); ok {
				want = strings.Split(v, ",")
				slices.Sort(want)
			} else if cols[1+i] != "pass" {
				t.Errorf("%s: verdict %q is neither pass nor fail:RULES", file, cols[1+i])
			}
			if strings.Join(got, ",") != strings.Join(want, ",") {
				t.Errorf("%s, %s profile: error rules %v; the documentation gives %v (%s)", file, prof, got, want, cols[5])
			}
		}
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if n := e.Name(); n != "MANIFEST.tsv" && n != "README.md" && !listed[n] {
			t.Errorf("%s has no verdict in MANIFEST.tsv", n)
		}
	}
}
