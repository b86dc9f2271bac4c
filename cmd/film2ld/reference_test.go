package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// exportCases are every document set film2ld is tested on: the samples and
// each of our own films.
func exportCases(t *testing.T) map[string][]string {
	t.Helper()
	cases := map[string][]string{}
	samples, _ := filepath.Glob("../../testdata/samples/*.txt")
	cases["samples"] = samples
	dirs, _ := filepath.Glob("../../testdata/films/*")
	for _, d := range dirs {
		if files, _ := filepath.Glob(filepath.Join(d, "*.txt")); len(files) > 0 {
			cases[filepath.Base(d)] = files
		}
	}
	if len(cases) < 3 {
		t.Fatalf("too few test films: %v", cases)
	}
	return cases
}

func exportBytes(t *testing.T, format string, files []string) []byte {
	t.Helper()
	var stdout, stderr bytes.Buffer
	if code := run(append([]string{"export", "-q", "-f", format}, files...), nil, &stdout, &stderr); code != exitOK {
		t.Fatalf("export -f %s: exit %d: %s", format, code, stderr.String())
	}
	return stdout.Bytes()
}

var rapperCount = regexp.MustCompile(`Parsing returned (\d+) triples`)

// TestRapperReadsNQuads hands every export to rapper (Debian's
// raptor2-utils), a strict N-Quads parser that a triple store's loader is
// no more lenient than, and checks it reads every line.
func TestRapperReadsNQuads(t *testing.T) {
	t.Parallel() // mostly waits on another process: runs beside the CPU-bound tests
	rapper, err := exec.LookPath("rapper")
	if err != nil {
		t.Skip("rapper not installed (apt-get install raptor2-utils); .ci/run installs it")
	}
	for name, files := range exportCases(t) {
		for _, format := range []string{"nquads", "canonical"} {
			t.Run(name+"/"+format, func(t *testing.T) {
				rapperReadsAll(t, rapper, exportBytes(t, format, files))
			})
		}
	}
}

// rapperReadsAll checks that rapper reads every line of out, N-Quads.
func rapperReadsAll(t *testing.T, rapper string, out []byte) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "film.nq")
	if err := os.WriteFile(path, out, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(rapper, "-i", "nquads", "-c", path)
	msg, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("rapper rejects the output: %v\n%s", err, msg)
	}
	m := rapperCount.FindSubmatch(msg)
	lines := bytes.Count(out, []byte("\n"))
	if m == nil || string(m[1]) != strconv.Itoa(lines) {
		t.Errorf("rapper read %s statements of %d lines:\n%s", m, lines, msg)
	}
}

// needNode skips t unless node and an install of jsonld (NODE_PATH) are
// there, and returns node's path.
func needNode(t *testing.T) string {
	t.Helper()
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node not installed; .ci/run installs it")
	}
	if os.Getenv("NODE_PATH") == "" {
		t.Skip("NODE_PATH does not point at an install of jsonld (npm install jsonld@9); .ci/run sets it")
	}
	return node
}

// referenceOutputs runs the Node script testdata/script (flags first) on
// inputs in one process, and returns what it prints for each: a JSON
// array of strings, one per input, in order.
func referenceOutputs(t *testing.T, node, script string, inputs []string, flags ...string) []string {
	t.Helper()
	path, err := filepath.Abs(filepath.Join("testdata", script))
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(node, append(append([]string{path}, flags...), inputs...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s: %v\n%s", script, err, stderr.String())
	}
	var refs []string
	if err := json.Unmarshal(out, &refs); err != nil || len(refs) != len(inputs) {
		t.Fatalf("%s gave %d results for %d inputs (%v)", script, len(refs), len(inputs), err)
	}
	return refs
}

// TestReferenceCanonical canonicalises film2ld's own JSON-LD export with
// jsonld.js, the reference JSON-LD processor, and checks that it gives
// byte for byte what `export -f canonical` writes. It needs node and the
// jsonld package on NODE_PATH; .ci/run installs both.
func TestReferenceCanonical(t *testing.T) {
	t.Parallel() // mostly waits on another process: runs beside the CPU-bound tests
	node := needNode(t)
	// Every film's two inputs first, then one Node process for them all.
	type check struct {
		film, what, short string
		ours              []byte
		input             string
	}
	var checks []check
	for name, files := range exportCases(t) {
		dir := t.TempDir()
		// The merged view as JSON-LD (all of it: --keep-rejected).
		in := filepath.Join(dir, "film.jsonld")
		if err := os.WriteFile(in, exportBytes(t, "jsonld", append([]string{"--keep-rejected"}, files...)), 0o644); err != nil {
			t.Fatal(err)
		}
		checks = append(checks, check{name, "the merged view", "merged", exportBytes(t, "canonical", append([]string{"--merged"}, files...)), in})
		// The dataset with a named graph per source, as a store loads it.
		nq := filepath.Join(dir, "film.nq")
		if err := os.WriteFile(nq, exportBytes(t, "nquads", files), 0o644); err != nil {
			t.Fatal(err)
		}
		checks = append(checks, check{name, "the dataset", "dataset", exportBytes(t, "canonical", files), nq})
	}
	var inputs []string
	for _, c := range checks {
		inputs = append(inputs, c.input)
	}
	refs := referenceOutputs(t, node, "canonize.mjs", inputs)
	for i, c := range checks {
		t.Run(c.film+"/"+c.short, func(t *testing.T) {
			if !bytes.Equal(c.ours, []byte(refs[i])) {
				t.Errorf("canonical N-Quads of %s differ from jsonld.js", c.what)
			}
		})
	}
}

// TestReferenceLenientKeepsEmbeddedNodes: convert --lenient drops a node
// whose @id is relative (no base) with its own statements only, as
// JSON-LD's RDF conversion does: the nodes embedded in it (a director, a
// review, a node of a named graph, a reverse property's node) keep
// theirs, where they went with it. Each of testdata/lenient gives
// jsonld.js's canonical N-Quads, jsonld.js dropping what it cannot
// convert (not safe mode).
func TestReferenceLenientKeepsEmbeddedNodes(t *testing.T) {
	t.Parallel() // mostly waits on another process: runs beside the CPU-bound tests
	node := needNode(t)
	files, err := filepath.Glob("testdata/lenient/*.jsonld")
	if err != nil || len(files) < 5 {
		t.Fatalf("%d inputs in testdata/lenient (%v)", len(files), err)
	}
	refs := referenceOutputs(t, node, "canonize.mjs", files, "--lenient")
	for i, f := range files {
		code, ours, stderr := runCmd("convert", "--lenient", "-f", "canonical", f)
		if code != exitOK || !strings.Contains(stderr, "relative IRI with no base, with the statements that hold it") {
			t.Errorf("%s: exit %d, no drop reported: %s", f, code, stderr)
		}
		if ours != refs[i] || ours == "" {
			t.Errorf("%s: canonical N-Quads differ from jsonld.js's\nours:\n%s\njsonld.js:\n%s", f, ours, refs[i])
		}
	}
}

// TestReferenceCanonicalBlankGraphs: convert's canonical N-Quads of
// random graphs of blank nodes, many referring to themselves (as subject
// and object, or as their own graph), are rdf-canonize's, byte for byte:
// such graphs were labelled otherwise while a statement naming a blank
// node twice was hashed twice for it (88 of 150 differed).
func TestReferenceCanonicalBlankGraphs(t *testing.T) {
	t.Parallel() // mostly waits on another process: runs beside the CPU-bound tests
	node := needNode(t)
	dir := t.TempDir()
	var files []string
	selfRefs := 0
	for seed := range 120 {
		r := rand.New(rand.NewPCG(uint64(seed), 7))
		n := 2 + r.IntN(6)
		lines := map[string]bool{}
		self := false
		for range 2 + r.IntN(11) {
			a, b, g := r.IntN(n), r.IntN(n), r.IntN(n)
			switch k := r.IntN(10); {
			case k < 6:
				lines[fmt.Sprintf("_:b%d <http://schema.org/knows> _:b%d .\n", a, b)] = true
				self = self || a == b
			case k < 8:
				lines[fmt.Sprintf("_:b%d <http://schema.org/name> \"n%d\" .\n", a, r.IntN(3))] = true
			default:
				lines[fmt.Sprintf("_:b%d <http://schema.org/about> _:b%d _:b%d .\n", a, b, g)] = true
				self = self || a == b || a == g || b == g
			}
		}
		if self {
			selfRefs++
		}
		path := filepath.Join(dir, fmt.Sprintf("g%03d.nq", seed))
		if err := os.WriteFile(path, []byte(strings.Join(slices.Sorted(maps.Keys(lines)), "")), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, path)
	}
	// Chains of nested alike nodes (a CreativeWork about a CreativeWork
	// …), labelled at the default work factor: a chain of 16 was refused
	// while rdf-canonize labels chains of hundreds at that factor.
	chains := map[string]bool{}
	for _, n := range []int{16, 30, 50} {
		var b strings.Builder
		for i := range n {
			fmt.Fprintf(&b, "_:c%d <http://schema.org/about> _:c%d .\n_:c%d <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://schema.org/CreativeWork> .\n", i, i+1, i)
		}
		fmt.Fprintf(&b, "_:c%d <http://schema.org/name> \"end\" .\n", n)
		path := filepath.Join(dir, fmt.Sprintf("chain%d.nq", n))
		if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, path)
		chains[path] = true
	}
	refs := referenceOutputs(t, node, "rdfc10.mjs", files)
	compared := 0
	for i, f := range files {
		if strings.HasPrefix(refs[i], "ERR ") {
			continue
		}
		args := []string{"convert", "--max-work-factor", "6", "-f", "canonical", f}
		if chains[f] {
			args = []string{"convert", "-f", "canonical", f} // the default factor
		}
		code, ours, stderr := runCmd(args...)
		if code != exitOK {
			t.Errorf("%s: exit %d: %s", filepath.Base(f), code, stderr)
			continue
		}
		if ours != refs[i] {
			data, _ := os.ReadFile(f)
			t.Errorf("%s: canonical N-Quads differ from rdf-canonize's\ninput:\n%s\nours:\n%s\nrdf-canonize:\n%s", filepath.Base(f), data, ours, refs[i])
		}
		compared++
	}
	if compared < 103 || selfRefs < 50 {
		t.Errorf("%d graphs compared, %d of them referring to themselves: too few", compared, selfRefs)
	}
}

// TestCompareSpeedScript runs tools/compare-speed.sh, which regenerates the
// README's speed table, on a few films, so that the script keeps working
// and keeps refusing a ratio unless both sides wrote the same statements.
// It needs bash, node and jsonld on NODE_PATH; .ci/run installs them.
func TestCompareSpeedScript(t *testing.T) {
	t.Parallel() // mostly waits on another process: runs beside the CPU-bound tests
	if testing.Short() {
		t.Skip("builds film2ld and runs node: skipped with -short")
	}
	if _, err := exec.LookPath("node"); err != nil {
		t.Skip("node not installed; .ci/run installs it")
	}
	if os.Getenv("NODE_PATH") == "" {
		t.Skip("NODE_PATH does not point at an install of jsonld (npm install jsonld@9); .ci/run sets it")
	}
	cmd := exec.Command("bash", "../../tools/compare-speed.sh", "4")
	cmd.Env = append(os.Environ(), "RUNS=1", "FILM2LD_BIN="+testCommand(t))
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("compare-speed.sh: %v\n%s", err, out)
	}
	for _, want := range []string{"the same on both sides", "on 1 core (-j 1)", "× the reference time per core"} {
		if !bytes.Contains(out, []byte(want)) {
			t.Errorf("compare-speed.sh does not say %q:\n%s", want, out)
		}
	}
}

// TestReferenceURLTemplates: IRIs holding characters RFC 3987 excludes
// but published markup uses ("{search_term_string}" in the SearchAction
// target SEO plugins write on most sites' pages, an unrendered
// "{title_id}" in an @id, "|" in a resizer's or a font's URL, "^", "`")
// are converted, not refused: canonical N-Quads are jsonld.js's, byte for
// byte (the characters written as \u escapes and hashed so); a page
// gives what its block gives; rapper reads every statement; and read
// back, the JSON-LD holds the template as the page wrote it.
func TestReferenceURLTemplates(t *testing.T) {
	t.Parallel() // mostly waits on another process: runs beside the CPU-bound tests
	files, err := filepath.Glob("testdata/urltemplates/*.jsonld")
	if err != nil || len(files) < 2 {
		t.Fatalf("%d inputs in testdata/urltemplates (%v)", len(files), err)
	}
	canonical := make([]string, len(files))
	for i, f := range files {
		code, out, stderr := runCmd("convert", "-f", "canonical", f)
		if code != exitOK || !strings.Contains(out, `\u007B`) {
			t.Fatalf("%s: exit %d, no escaped brace in:\n%s%s", f, code, out, stderr)
		}
		canonical[i] = out
		page := strings.TrimSuffix(f, ".jsonld") + ".html"
		if _, err := os.Stat(page); err == nil {
			if code, fromPage, stderr := runCmd("convert", "-f", "canonical", page); code != exitOK || fromPage != out {
				t.Errorf("%s: exit %d, canonical N-Quads other than its block's:\n%s%s", page, code, fromPage, stderr)
			}
		}
		code, nq, stderr := runCmd("convert", "-f", "nquads", f)
		if code != exitOK {
			t.Fatalf("%s: -f nquads: exit %d: %s", f, code, stderr)
		}
		back := filepath.Join(t.TempDir(), "back.nq")
		if err := os.WriteFile(back, []byte(nq), 0o644); err != nil {
			t.Fatal(err)
		}
		code, again, stderr := runCmd("convert", "-f", "jsonld", back)
		if code != exitOK || !strings.Contains(again, "{") || strings.Contains(again, `\u007B`) || strings.Contains(again, "%7B") {
			t.Errorf("%s: its N-Quads read back: exit %d, the template not as written:\n%s%s", f, code, again, stderr)
		}
		if rapper, err := exec.LookPath("rapper"); err == nil {
			rapperReadsAll(t, rapper, []byte(nq))
		} else {
			t.Log("rapper not installed (apt-get install raptor2-utils); its part skipped")
		}
	}
	node := needNode(t)
	for i, ref := range referenceOutputs(t, node, "canonize.mjs", files) {
		if canonical[i] != ref {
			t.Errorf("%s: canonical N-Quads differ from jsonld.js's\nours:\n%s\njsonld.js:\n%s", files[i], canonical[i], ref)
		}
	}
}

// TestReferencePageIsOneDocument: a page's blocks are one JSON-LD
// document, as JSON-LD's extractAllScripts reads them: convert's
// canonical N-Quads of a page whose blocks share blank node labels are
// jsonld.js's of the blocks' array (a block's own array spliced in).
func TestReferencePageIsOneDocument(t *testing.T) {
	t.Parallel() // mostly waits on another process: runs beside the CPU-bound tests
	node := needNode(t)
	blocks := []string{
		`{"@context": "https://schema.org", "@id": "_:heat", "@type": "Movie", "name": "Heat", "director": {"@id": "_:mann"}}`,
		`[{"@context": "https://schema.org", "@id": "_:mann", "@type": "Person", "name": "Michael Mann"},
  {"@context": "https://schema.org", "@type": "Review", "itemReviewed": {"@id": "_:heat"}, "reviewBody": "Tense."}]`,
		`{"@context": "https://schema.org", "@id": "_:heat", "aggregateRating": {"@type": "AggregateRating", "ratingValue": 4.5, "ratingCount": 10}}`,
	}
	dir := t.TempDir()
	var page strings.Builder
	page.WriteString("<html><head>\n")
	var items []string
	for _, b := range blocks {
		page.WriteString("<script type=\"application/ld+json\">" + b + "</script>\n")
		items = append(items, strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(b), "["), "]"))
	}
	page.WriteString("</head></html>\n")
	html := filepath.Join(dir, "page.html")
	array := filepath.Join(dir, "page.jsonld")
	if err := os.WriteFile(html, []byte(page.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(array, []byte("["+strings.Join(items, ",\n")+"]"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, ours, stderr := runCmd("convert", "-f", "canonical", html)
	if code != exitOK {
		t.Fatalf("convert: exit %d: %s", code, stderr)
	}
	if strings.Count(ours, "<http://schema.org/Movie>") != 1 {
		t.Errorf("the page's blocks made other than one Movie:\n%s", ours)
	}
	if ref := referenceOutputs(t, node, "canonize.mjs", []string{array})[0]; ours != ref {
		t.Errorf("canonical N-Quads differ from jsonld.js's of the blocks' array\nours:\n%s\njsonld.js:\n%s", ours, ref)
	}
}
