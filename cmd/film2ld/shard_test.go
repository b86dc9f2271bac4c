package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// batchRun runs export --batch and returns its stderr; it fails the test
// unless the run succeeds.
func batchRun(t *testing.T, args ...string) string {
	t.Helper()
	var stderr bytes.Buffer
	if code := run(append([]string{"export", "--batch"}, args...), nil, io.Discard, &stderr); code != exitOK {
		t.Fatalf("export --batch %s: exit %d\n%s", strings.Join(args, " "), code, stderr.String())
	}
	return stderr.String()
}

// sortedLines returns a stream's lines, sorted: the statements of an
// N-Quads file, whatever the order of its films.
func sortedLines(t *testing.T, path string) []string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(string(data), "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	slices.Sort(lines)
	return lines
}

// TestShardsMakeOneRun splits the test films into N shards for several N
// (more shards than films too) and checks that the shards together are
// the one run: the canonical streams hold the same statements, blank node
// labels and all, and the per-film files are the same files, each written
// by exactly one shard. Two DIRs holding a folder of the same name make
// sure such films share a shard (their blank node prefixes are numbered).
func TestShardsMakeOneRun(t *testing.T) {
	t.Parallel() // mostly waits on another process: runs beside the CPU-bound tests
	dir := t.TempDir()
	other := filepath.Join(dir, "more")
	generateFilms(t, other, 3)
	// A second film-000, in the other DIR, with the documents of a test film.
	twin := filepath.Join(dir, "twin", "film-000")
	copyDir(t, "../../testdata/films/nattfergen", twin)
	dirs := []string{"../../testdata/films", other, filepath.Dir(twin)}

	one := filepath.Join(dir, "one.nq")
	batchRun(t, append([]string{"-q", "-f", "canonical", "-o", one}, dirs...)...)
	want := sortedLines(t, one)
	// One file per film: two folders of one name would write one file,
	// which fails them both, so the twin is left out here.
	fileDirs := dirs[:2]
	oneFiles := filepath.Join(dir, "one-files")
	batchRun(t, append([]string{"-q", "--keep-rejected", "-f", "jsonld", "-o", oneFiles}, fileDirs...)...)
	wantFiles := readFiles(t, oneFiles)

	for _, n := range []int{1, 2, 3, 7, 40} {
		var got []string
		gotFiles := map[string][]byte{}
		filmsSeen := 0
		for k := 1; k <= n; k++ {
			sh := fmt.Sprintf("%d/%d", k, n)
			part := filepath.Join(dir, fmt.Sprintf("part-%d-%d.nq", n, k))
			stderr := batchRun(t, append([]string{"--shard", sh, "-f", "canonical", "-o", part}, dirs...)...)
			if _, err := os.Stat(part); err != nil {
				t.Fatalf("--shard %s wrote no file: %v", sh, err)
			}
			got = append(got, sortedLines(t, part)...)
			if n > 1 && !strings.Contains(stderr, "shard "+sh+" of ") {
				t.Errorf("--shard %s: the last line does not name the shard:\n%s", sh, stderr)
			}
			filesDir := filepath.Join(dir, fmt.Sprintf("files-%d-%d", n, k))
			batchRun(t, append([]string{"-q", "--keep-rejected", "--shard", sh, "-f", "jsonld", "-o", filesDir}, fileDirs...)...)
			files := readFiles(t, filesDir)
			filmsSeen += len(files)
			for name, data := range files {
				if _, dup := gotFiles[name]; dup {
					t.Errorf("%d shards: %s written by two shards", n, name)
				}
				gotFiles[name] = data
			}
		}
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Errorf("%d shards: %d statements together; one run has %d (or they differ)", n, len(got), len(want))
		}
		if filmsSeen != len(wantFiles) {
			t.Errorf("%d shards wrote %d film files; one run writes %d", n, filmsSeen, len(wantFiles))
		}
		for name, data := range wantFiles {
			if !bytes.Equal(gotFiles[name], data) {
				t.Errorf("%d shards: %s differs from one run's", n, name)
			}
		}
	}
}

// TestShardFlag checks --shard's refusals.
func TestShardFlag(t *testing.T) {
	for _, c := range []struct{ args, want string }{
		{"--batch --shard 0/3 ../../testdata/films", "K must be from 1 to N"},
		{"--batch --shard 4/3 ../../testdata/films", "K must be from 1 to N"},
		{"--batch --shard 1/0 ../../testdata/films", "K must be from 1 to N"},
		{"--batch --shard 2 ../../testdata/films", "is not K/N"},
		{"--batch --shard a/b ../../testdata/films", "is not K/N"},
		{"--shard 1/2 ../../testdata/samples/001_7e8eb98cb7cb1a1b.txt", "give it with --batch"},
	} {
		var stderr bytes.Buffer
		code := run(append([]string{"export"}, strings.Fields(c.args)...), nil, io.Discard, &stderr)
		if code != exitUsage || !strings.Contains(stderr.String(), c.want) {
			t.Errorf("export %s: exit %d\n%s\nwant exit %d and %q", c.args, code, stderr.String(), exitUsage, c.want)
		}
	}
}

// TestVirtuosoBulkLoadsShards is the README's recipe for an archive split
// across machines: each shard exported to its own .nq file, then loaded
// with Virtuoso's bulk loader (ld_dir and rdf_loader_run). Every graph in
// the store must hold the statements of one unsharded run.
func TestVirtuosoBulkLoadsShards(t *testing.T) {
	v := startVirtuoso(t)
	sql := func(stmt string) string {
		t.Helper()
		return v.sql(t, stmt)
	}
	films := filepath.Join(t.TempDir(), "films")
	generateFilms(t, films, 24)
	one := filepath.Join(t.TempDir(), "one.nq")
	batchRun(t, "-q", "-f", "nquads", "-o", one, films)
	oneData, _ := os.ReadFile(one)
	want := graphCounts(oneData, "urn:film2ld-test:default")

	// The shards go where the server may read (DirsAllowed).
	shards := v.tempDir(t)
	const n = 4
	for k := 1; k <= n; k++ {
		batchRun(t, "-q", "--shard", fmt.Sprintf("%d/%d", k, n), "-f", "nquads",
			"-o", filepath.Join(shards, fmt.Sprintf("part-%d.nq", k)), films)
	}
	sql(fmt.Sprintf("ld_dir('%s', '*.nq', 'urn:film2ld-test:default');", shards))
	sql("rdf_loader_run();")
	sql("checkpoint;")
	if out := sql("SELECT COUNT(*) FROM DB.DBA.LOAD_LIST WHERE ll_error IS NOT NULL;"); !strings.Contains(out, "\n0\n") {
		t.Fatalf("the bulk loader reports errors:\n%s\n%s", out, sql("SELECT ll_file, ll_error FROM DB.DBA.LOAD_LIST;"))
	}
	got := v.counts(t, ourGraphs)
	if len(got) != len(want) {
		t.Errorf("%d graphs in the store after the bulk load of %d shards; one run has %d", len(got), n, len(want))
	}
	for g, c := range want {
		if got[g] != c {
			t.Errorf("graph %s holds %d statements; one run has %d", g, got[g], c)
		}
	}
}

// copyDir copies the files of a folder (not its subfolders) to a new one.
func copyDir(t *testing.T, from, to string) {
	t.Helper()
	if err := os.MkdirAll(to, 0o755); err != nil {
		t.Fatal(err)
	}
	ents, err := os.ReadDir(from)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		if e.Type().IsRegular() {
			data, err := os.ReadFile(filepath.Join(from, e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(to, e.Name()), data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// readFiles reads every file of a folder by name; a missing folder is
// none.
func readFiles(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	ents, err := os.ReadDir(dir)
	if os.IsNotExist(err) {
		return out
	}
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()] = data
	}
	return out
}
