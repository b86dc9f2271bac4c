package ld

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	jld "github.com/piprate/json-gold/ld"
)

// jsongoldDifferences lists the inputs on which the copy in
// internal/jsongold deliberately gives another dataset than json-gold's own
// API, with the reason. TestJSONGoldCopyMatches fails when a listed input
// stops differing, so the list stays true.
var jsongoldDifferences = map[string]string{
	"w3c:toRdf/nt01-in.jsonld":                  "control characters: film2ld escapes them (\\u0000, \\b, …) as canonical N-Triples requires; json-gold writes them raw",
	"w3c:toRdf/nt03-in.jsonld":                  "control characters, as nt01",
	"w3c:toRdf/nt11-in.jsonld":                  "control characters, as nt01",
	"w3c:toRdf/nt14-in.jsonld":                  "control characters, as nt01",
	"w3c:toRdf/nt16-in.jsonld":                  "control characters, as nt01",
	"w3c:toRdf/js13-in.jsonld":                  "control character U+007F inside a JSON literal, as nt01",
	"w3c:toRdf/js03-in.jsonld":                  "JSON literal: json-gold's canonicalizer handles objects only and writes its error text as the literal (or a double as 1.23E0); film2ld writes RFC 8785 (JCS)",
	"w3c:toRdf/js07-in.jsonld":                  "JSON literal: as js03",
	"w3c:toRdf/js08-in.jsonld":                  "JSON literal: as js03",
	"w3c:toRdf/js14-in.jsonld":                  "JSON literal: as js03",
	"w3c:toRdf/js17-in.jsonld":                  "JSON literal: as js03",
	"w3c:toRdf/js18-in.jsonld":                  "JSON literal: as js03",
	"w3c:toRdf/js22-in.jsonld":                  "JSON literal: as js03",
	"w3c:toRdf/js23-in.jsonld":                  "JSON literal: as js03",
	"w3c:toRdf/e036-in.jsonld":                  "json-gold's URDNA2015 output repeats a quad when equal literals come from values that differ only in @index; a dataset is a set and film2ld writes each quad once",
	"w3c:toRdf/tn01-in.jsonld":                  "json-gold repeats a quad when true and \"true\"^^xsd:boolean meet, as e036",
	"w3c:toRdf/tn02-in.jsonld":                  "json-gold repeats a quad, as tn01",
	"testdata/conformance/url-templates.jsonld": "IRIs with { } | ^ `: film2ld writes them as \\u escapes, as rdf-canonize does (and hashes that text); json-gold writes them raw, which no N-Quads parser need accept",
}

// diffInput is one document to run through both implementations.
type diffInput struct {
	name, path, base string
}

func diffInputs(t *testing.T) []diffInput {
	var in []diffInput
	add := func(prefix, pattern, base string) {
		files, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		sort.Strings(files)
		for _, f := range files {
			b := base
			if b != "" {
				b += filepath.Base(f)
			}
			in = append(in, diffInput{name: prefix + filepath.ToSlash(f), path: f, base: b})
		}
	}
	add("", filepath.Join("testdata", "conformance", "*.jsonld"), "https://films.example/fixtures/")
	add("", filepath.Join("..", "mapping", "testdata", "golden", "*.jsonld"), "")
	if dir := w3cDir(); dir != "" {
		suite := filepath.Join(dir, "json-ld-api-tests")
		files, _ := filepath.Glob(filepath.Join(suite, "toRdf", "*-in.jsonld"))
		sort.Strings(files)
		for _, f := range files {
			rel := "toRdf/" + filepath.Base(f)
			in = append(in, diffInput{name: "w3c:" + rel, path: f, base: w3cBase + rel})
		}
	}
	if sdo := schemaOrgExamples; dirExists(sdo) {
		add("schemaorg:", filepath.Join(sdo, "*.jsonld"), "https://films.example/sdo/")
	}
	return in
}

// diffProcessor returns a processor for diffInputs: remote contexts
// allowed, the W3C suite's served from its folder where it is there.
func diffProcessor() *Processor {
	remote := Remote{MaxContexts: 10000}
	if dir := w3cDir(); dir != "" {
		remote.Transport = testTransport{dir}
	}
	return NewProcessor(Config{AllowRemote: true, Remote: remote})
}

func dirExists(d string) bool {
	st, err := os.Stat(d)
	return err == nil && st.IsDir()
}

// TestJSONGoldCopyMatches runs every input film2ld accepts through the
// copy (node map, RDF conversion, canonicalization) and through json-gold's
// own ToRDF and URDNA2015, and requires the same canonical dataset.
func TestJSONGoldCopyMatches(t *testing.T) {
	p := diffProcessor()
	compared, differ := 0, map[string]bool{}
	for _, in := range diffInputs(t) {
		var doc any
		if err := decodeFile(in.path, &doc); err != nil {
			continue // not JSON (a few suite inputs are meant to fail)
		}
		expanded, err := p.expand(doc, Options{Base: in.base, DocumentURL: in.base})
		if err != nil {
			continue // refused by film2ld's checks: nothing to compare
		}
		ds, err := toDataset(expanded)
		if err != nil {
			continue
		}
		ours, err := canonicalize(ds, -1, true)
		if err != nil {
			t.Errorf("%s: copy: %v", in.name, err)
			continue
		}
		theirs, err := jsongoldCanonical(expanded)
		if err != nil {
			t.Errorf("%s: json-gold: %v", in.name, err)
			continue
		}
		compared++
		reason, listed := jsongoldDifferences[in.name]
		switch {
		case ours != theirs && !listed:
			t.Errorf("%s: the copy and json-gold give different datasets\n copy:\n%s\njson-gold:\n%s", in.name, ours, theirs)
		case ours == theirs && listed:
			t.Errorf("%s: listed as a deliberate difference (%s) but the datasets are the same: remove it", in.name, reason)
		case listed:
			differ[in.name] = true
		}
	}
	if compared < 5 { // the fixtures and goldens alone, without ../shared
		t.Errorf("only %d inputs compared", compared)
	}
	t.Logf("%d inputs compared, %d listed differences seen", compared, len(differ))
}

// jsongoldCanonical is json-gold's own path: ToRDF on the expanded document
// (which generates its own node map) and its URDNA2015, as N-Quads.
func jsongoldCanonical(expanded []any) (string, error) {
	var out string
	err := guard("json-gold", func() error {
		opts := jld.NewJsonLdOptions("")
		opts.ProcessingMode = jld.JsonLd_1_1
		api := jld.NewJsonLdApi()
		ds, err := api.ToRDF(jld.CloneDocument(expanded), opts)
		if err != nil {
			return err
		}
		opts.Algorithm = jld.AlgorithmURDNA2015
		opts.Format = "application/n-quads"
		n, err := api.Normalize(ds, opts)
		if err != nil {
			return err
		}
		out = n.(string)
		return nil
	})
	return out, err
}

// TestJSONGoldFrameMatches frames every input that has a root (as the
// jsonld format does) with the copy's @last embedding and with
// json-gold's own Frame ({"@type": root}, @embed @last), and requires that
// both hold the same graph and, expanded, the same trees.
func TestJSONGoldFrameMatches(t *testing.T) {
	p := NewProcessor(Config{})
	compared := 0
	for _, in := range diffInputs(t) {
		if strings.HasPrefix(in.name, "w3c:") {
			continue // their documents seldom have one root
		}
		var doc any
		if err := decodeFile(in.path, &doc); err != nil {
			continue
		}
		expanded, err := p.expand(doc, Options{Base: in.base})
		if err != nil {
			continue
		}
		root := autoRoot(expanded)
		if root == "" {
			continue
		}
		// Framed as export frames, taking its document apart (here a
		// copy: json-gold frames the original below).
		ours, err := p.frameExpanded(jld.CloneDocument(expanded).([]any), root, true)
		if err != nil {
			continue // unreachable nodes: film2ld refuses to frame
		}
		oursNQ, err := p.Canonical(roundTrip(ours), Options{})
		if err != nil {
			t.Errorf("%s: copy's framed output does not read back: %v", in.name, err)
			continue
		}
		var theirs any
		err = guard("json-gold frame", func() error {
			opts := jld.NewJsonLdOptions("")
			opts.ProcessingMode = jld.JsonLd_1_1
			opts.Embed = jld.EmbedLast // pinned: film2ld's copy implements @last
			var err error
			theirs, err = jld.NewJsonLdProcessor().Frame(jld.CloneDocument(expanded), map[string]any{"@type": rootIRI(root)}, opts)
			return err
		})
		if err != nil {
			t.Errorf("%s: json-gold: %v", in.name, err)
			continue
		}
		theirsNQ, err := p.Canonical(roundTrip(theirs), Options{})
		if err != nil {
			t.Errorf("%s: json-gold's framed output does not read back: %v", in.name, err)
			continue
		}
		compared++
		if oursNQ != theirsNQ {
			t.Errorf("%s: framed graphs differ\n copy:\n%s\njson-gold:\n%s", in.name, oursNQ, theirsNQ)
			continue
		}
		// The same trees. json-gold lists every node of the type at the top
		// level, also those embedded elsewhere; film2ld keeps only the
		// roots no other node refers to (a deliberate difference), so each
		// of film2ld's trees must be one of json-gold's.
		oursTrees, err1 := p.Expand(roundTrip(ours), Options{})
		theirsTrees, err2 := p.Expand(roundTrip(theirs), Options{})
		if err1 != nil || err2 != nil {
			t.Errorf("%s: framed output does not expand: %v, %v", in.name, err1, err2)
			continue
		}
	trees:
		for _, tree := range oursTrees {
			for _, other := range theirsTrees {
				if sameJSON(tree, other) {
					continue trees
				}
			}
			t.Errorf("%s: the copy's framed tree is not one of json-gold's\n copy: %s\njson-gold: %s", in.name, compactJSON(tree), compactJSON(theirsTrees))
		}
	}
	if compared < 5 {
		t.Errorf("only %d inputs framed", compared)
	}
	t.Logf("%d inputs framed both ways", compared)
}
