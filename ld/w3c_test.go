package ld

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	jld "github.com/piprate/json-gold/ld"

	"github.com/film2ld/film2ld/ld/internal/jsongold"
)

// The W3C conformance runner. It reads the manifests of the JSON-LD 1.1 API
// and RDFC-1.0 test suites and runs every case through the operations
// film2ld convert uses. ld/testdata/w3c-exceptions.txt lists every case that
// is not run or is expected to fail, each with its reason; a case that fails
// without being listed, or passes while listed as failing, fails the test,
// so the list stays the project's true conformance statement.
//
//	go test ./ld -run W3C                      # with ../shared/w3c
//	FILM2LD_W3C=/path/to/w3c go test ./ld -run W3C
//	go test ./ld -run W3C -update-w3c          # rewrite the list and the README table

var updateW3C = flag.Bool("update-w3c", false, "rewrite testdata/w3c-exceptions.txt and the README's conformance table from this run")

const (
	w3cBase        = "https://w3c.github.io/json-ld-api/tests/"
	exceptionsFile = "testdata/w3c-exceptions.txt"
	caseTimeout    = 20 * time.Second
)

// w3cDir returns the folder holding the suites, or "" when there is none.
func w3cDir() string {
	if d := os.Getenv("FILM2LD_W3C"); d != "" {
		return d
	}
	d := filepath.Join("..", "..", "shared", "w3c")
	if _, err := os.Stat(filepath.Join(d, "json-ld-api-tests")); err != nil {
		return ""
	}
	return d
}

// w3cCase is one test of a manifest.
type w3cCase struct {
	manifest string // expand, compact, …, rdfc10
	id       string // "t0001", "test001c"
	types    []string
	name     string
	input    string // path relative to the suite folder
	expect   string
	context  string
	option   map[string]any
	negative bool   // expects an error
	code     string // the JSON-LD error code it expects, if named
}

func (c w3cCase) key() string { return c.manifest + "#" + c.id }

// exception is one entry of the exceptions file.
type exception struct {
	status string // "skip" (not run) or "fail" (run, expected to fail)
	reason string
}

func readExceptions(t *testing.T) map[string]exception {
	f, err := os.Open(exceptionsFile)
	if errors.Is(err, os.ErrNotExist) {
		return map[string]exception{}
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string]exception{}
	sc := bufio.NewScanner(f)
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimSpace(sc.Text())
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		fields := strings.SplitN(text, " ", 3)
		if len(fields) != 3 || (fields[1] != "skip" && fields[1] != "fail" && fields[1] != "lenient") {
			t.Fatalf("%s:%d: want \"manifest#id skip|fail|lenient reason\"", exceptionsFile, line)
		}
		out[fields[0]] = exception{status: fields[1], reason: strings.TrimSpace(fields[2])}
	}
	return out
}

// loadManifests reads every manifest of the suites.
func loadManifests(t *testing.T, dir string) []w3cCase {
	var cases []w3cCase
	for _, m := range []string{"expand", "compact", "flatten", "toRdf", "fromRdf", "remote-doc", "html"} {
		var man struct {
			Sequence []map[string]any `json:"sequence"`
		}
		readJSONFile(t, filepath.Join(dir, "json-ld-api-tests", m+"-manifest.jsonld"), &man)
		for _, e := range man.Sequence {
			c := w3cCase{manifest: m, id: strings.TrimPrefix(str(e["@id"]), "#"), name: str(e["name"]),
				input: str(e["input"]), expect: str(e["expect"]), context: str(e["context"])}
			for _, ty := range asList(e["@type"]) {
				c.types = append(c.types, str(ty))
			}
			c.option, _ = e["option"].(map[string]any)
			if c.option == nil {
				c.option = map[string]any{}
			}
			c.code, c.negative = e["expectErrorCode"].(string)
			for _, ty := range c.types {
				if ty == "jld:NegativeEvaluationTest" {
					c.negative = true
				}
			}
			cases = append(cases, c)
		}
	}
	var canon struct {
		Entries []map[string]any `json:"entries"`
	}
	readJSONFile(t, filepath.Join(dir, "rdf-canon-tests", "manifest.jsonld"), &canon)
	for _, e := range canon.Entries {
		c := w3cCase{manifest: "rdfc10", id: strings.TrimPrefix(str(e["id"]), "#"), name: str(e["name"]),
			types: []string{str(e["type"])}, input: str(e["action"]), expect: str(e["result"]), option: map[string]any{}}
		c.option["computationalComplexity"] = str(e["computationalComplexity"])
		if h := str(e["hashAlgorithm"]); h != "" {
			c.option["hashAlgorithm"] = h
		}
		c.negative = c.types[0] == "rdfc:RDFC10NegativeEvalTest"
		cases = append(cases, c)
	}
	return cases
}

// ruleSkip returns why a case is not applicable to film2ld, or "".
func ruleSkip(c w3cCase) string {
	o := c.option
	switch {
	case c.manifest == "remote-doc":
		return "remote-doc: tests loading a document from a URL (content types, Link headers, redirects); film2ld reads documents from files and standard input only, and fetches only contexts"
	case c.manifest == "html" && strings.Contains(c.input, "#"):
		return "html: selects one script block by fragment; film2ld reads every block of a page"
	case c.manifest == "html" && str(o["contentType"]) != "":
		return "html: XHTML content type; film2ld reads HTML"
	case c.manifest == "rdfc10" && c.types[0] == "rdfc:RDFC10MapTest":
		return "rdfc10 map test: film2ld does not output the issued-identifier map"
	case c.manifest == "rdfc10" && str(o["hashAlgorithm"]) != "" && str(o["hashAlgorithm"]) != "SHA256":
		return "rdfc10: only the SHA-256 hash is offered"
	case str(o["specVersion"]) == "json-ld-1.0":
		return "JSON-LD 1.0 only: film2ld processes JSON-LD 1.1"
	case str(o["processingMode"]) == "json-ld-1.0":
		return "processingMode json-ld-1.0: film2ld processes JSON-LD 1.1"
	case o["expandContext"] != nil:
		return "expandContext option: convert has no such option"
	case o["produceGeneralizedRdf"] == true:
		return "produceGeneralizedRdf: N-Quads output is never generalized RDF"
	case o["rdfDirection"] != nil && c.manifest != "toRdf":
		return "rdfDirection option: film2ld reads RDF literals as they are (no i18n datatypes or compound literals back to @direction)"
	case o["useNativeTypes"] == true || o["useRdfType"] == true:
		return "fromRdf option (useNativeTypes/useRdfType): convert keeps literals as typed and rdf:type as @type"
	}
	return ""
}

// testTransport serves the JSON-LD suite's files for their W3C URLs, so the
// runner goes through film2ld's real HTTP context loader without a network.
type testTransport struct{ dir string }

func (tt testTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	u := req.URL.String()
	rel, ok := strings.CutPrefix(u, w3cBase)
	status, body := http.StatusNotFound, []byte("not found")
	if ok {
		if data, err := os.ReadFile(filepath.Join(tt.dir, "json-ld-api-tests", filepath.FromSlash(rel))); err == nil {
			status, body = http.StatusOK, data
		}
	}
	return &http.Response{StatusCode: status, Status: http.StatusText(status), Request: req,
		Header: http.Header{"Content-Type": {"application/ld+json"}}, Body: io.NopCloser(bytes.NewReader(body))}, nil
}

// TestW3C runs the suites.
func TestW3C(t *testing.T) {
	dir := w3cDir()
	if dir == "" {
		t.Skip("W3C suites not found at ../../shared/w3c; set FILM2LD_W3C to their folder to run them")
	}
	cases := loadManifests(t, dir)
	exceptions := readExceptions(t)
	p := NewProcessor(Config{AllowRemote: true, Remote: Remote{Transport: testTransport{dir}, MaxContexts: 10000}})

	var results []outcome
	visited := 0
	for _, c := range cases {
		res := outcome{c: c}
		ex, listed := exceptions[c.key()]
		rule := ruleSkip(c)
		t.Run(c.key(), func(t *testing.T) {
			visited++
			if rule != "" {
				res.why = rule
				if !listed && !*updateW3C {
					t.Errorf("not applicable (%s) but not listed in %s", rule, exceptionsFile)
				}
				t.Skip(rule)
			}
			if listed && ex.status == "skip" {
				res.why = ex.reason
				t.Skip(ex.reason)
			}
			res.ran = true
			err := runCase(p, dir, c, false)
			res.passed = err == nil
			if err != nil {
				res.why = err.Error()
				// A case film2ld refuses by default may pass with
				// --lenient, which drops what JSON-LD drops.
				if !c.negative && runCase(p, dir, c, true) == nil {
					res.lenient = true
				}
			}
			switch {
			case *updateW3C:
			case listed && ex.status == "lenient":
				if err == nil {
					t.Errorf("passes without --lenient, but %s lists it as lenient only (%s): remove the line", exceptionsFile, ex.reason)
				} else if !res.lenient {
					t.Errorf("%s: fails even with --lenient (listed as passing with it: %s): %v", c.name, ex.reason, err)
				}
			case err != nil && !(listed && ex.status == "fail"):
				t.Errorf("%s: %v", c.name, err)
			case err == nil && listed:
				t.Errorf("passes, but %s lists it as failing (%s): remove the line", exceptionsFile, ex.reason)
			case listed && res.lenient:
				t.Errorf("passes with --lenient, but %s lists it as failing (%s): mark it lenient", exceptionsFile, ex.reason)
			}
		})
		results = append(results, res)
	}
	if visited < len(cases) {
		return // -run chose some cases: the list and counts are the suite's
	}
	if *updateW3C {
		writeExceptions(t, results, exceptions)
	}
	// The README table, kept by -update-w3c and checked on every full run.
	counts := map[string][4]int{}
	for _, r := range results {
		n := counts[r.c.manifest]
		n[0]++
		if r.ran {
			n[1]++
			if r.passed {
				n[2]++
			} else if r.lenient {
				n[3]++
			}
		}
		counts[r.c.manifest] = n
	}
	checkReadmeTable(t, counts)
}

// outcome is what happened to one case.
type outcome struct {
	c       w3cCase
	ran     bool
	passed  bool
	lenient bool   // failed, but passes with Options.Lenient
	why     string // the skip reason or the failure
}

// runCase runs one case and returns why it failed, or nil.
func runCase(p *Processor, dir string, c w3cCase, lenient bool) (err error) {
	done := make(chan error, 1)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				done <- fmt.Errorf("panic: %v", r)
			}
		}()
		done <- runCaseNow(p, dir, c, lenient)
	}()
	select {
	case err := <-done:
		return err
	case <-time.After(caseTimeout):
		return fmt.Errorf("timeout: still running after %v", caseTimeout)
	}
}

func runCaseNow(p *Processor, dir string, c w3cCase, lenient bool) error {
	if c.manifest == "rdfc10" {
		return runRDFC(p, dir, c)
	}
	suite := filepath.Join(dir, "json-ld-api-tests")
	docURL := w3cBase + c.input
	base := docURL
	if b := str(c.option["base"]); b != "" {
		base = b
	}
	opts := Options{Base: base, DocumentURL: docURL, RDFDirection: str(c.option["rdfDirection"])}
	if lenient {
		opts.Lenient = &Dropped{}
	}
	var got any
	var err error
	op := c.manifest
	switch c.manifest {
	case "html":
		// film2ld reads every script block of a page as one graph (as
		// extractAllScripts does), through the same Read convert uses.
		for _, ty := range c.types {
			switch ty {
			case "jld:ExpandTest":
				op = "expand"
			case "jld:CompactTest":
				op = "compact"
			case "jld:FlattenTest":
				op = "flatten"
			case "jld:ToRDFTest":
				op = "toRdf"
			}
		}
		f, ferr := os.Open(filepath.Join(suite, c.input))
		if ferr != nil {
			return ferr
		}
		defer f.Close()
		docs, rerr := p.Read(f, c.input, InputHTML)
		if rerr != nil {
			err = rerr
			break
		}
		var doc []any
		if doc, err = p.Union(docs, opts); err != nil {
			break
		}
		switch op {
		case "expand":
			got, err = p.Expand(doc, opts)
		case "compact":
			got, err = p.Compact(doc, opts)
		case "flatten":
			got, err = p.Flatten(doc, opts)
		case "toRdf":
			got, err = p.Canonical(doc, opts)
		}
	case "fromRdf":
		f, ferr := os.Open(filepath.Join(suite, c.input))
		if ferr != nil {
			return ferr
		}
		defer f.Close()
		got, err = p.FromNQuads(f, c.input)
	default:
		var doc any
		if err := decodeFile(filepath.Join(suite, c.input), &doc); err != nil {
			return err
		}
		switch c.manifest {
		case "expand":
			got, err = p.Expand(doc, opts)
		case "compact":
			if c.negative && c.context != "" {
				// The error belongs to compaction with the case's own
				// context, which film2ld's Compact never uses: the
				// algorithm it carries is run with it.
				_, err = compactWithOwnContext(p, suite, c, base)
			} else {
				got, err = p.Compact(doc, opts)
			}
		case "flatten":
			got, err = p.Flatten(doc, opts)
		case "toRdf":
			got, err = p.Canonical(doc, opts)
		}
	}
	if c.negative {
		if err == nil {
			return errors.New("accepted a document the suite expects an error for")
		}
		// The right error, not just any: json-gold's carries the JSON-LD
		// code, and film2ld's own checks name it in their message.
		var le *jld.JsonLdError
		if c.code != "" && !(errors.As(err, &le) && string(le.Code) == c.code) && !strings.Contains(err.Error(), c.code) {
			return fmt.Errorf("refused, but not with %q: %v", c.code, err)
		}
		return nil
	}
	if err != nil {
		return err
	}
	if c.expect == "" {
		return nil // a syntax test: accepting the document is the pass
	}
	switch op {
	case "expand", "fromRdf":
		var want any
		if err := decodeFile(filepath.Join(suite, c.expect), &want); err != nil {
			return err
		}
		if !sameJSON(asList(got), asList(want)) {
			return fmt.Errorf("output differs:\n got: %s\nwant: %s", compactJSON(got), compactJSON(want))
		}
	case "compact", "flatten":
		// film2ld compacts against the schema.org context only, so the
		// case's own context cannot be applied: the check is that the
		// output holds the expected graph. For a compact case that is the
		// input's graph: the expected output is compacted with the case's
		// context, which need not read back to the same graph (a graph
		// object with an @id under an @graph container, compact 0080).
		// An input with no RDF form (conflicting indexes, compact a038)
		// leaves only the algorithm check below.
		yardstick := filepath.Join(suite, c.expect)
		if c.manifest == "compact" {
			yardstick = filepath.Join(suite, c.input)
		}
		wantNQ, refErr := referenceCanonical(p, yardstick, base)
		if refErr == nil || c.manifest != "compact" {
			// Read back keeping base directions, as the reference does.
			rt := opts
			rt.RDFDirection = DirectionI18nDatatype
			gotNQ, err := p.Canonical(roundTrip(got), rt)
			if err != nil {
				return fmt.Errorf("output does not read back: %v", err)
			}
			if refErr != nil {
				return fmt.Errorf("reference: %v", refErr)
			}
			if gotNQ != wantNQ {
				return fmt.Errorf("graph differs:\n got:\n%s\nwant:\n%s", gotNQ, wantNQ)
			}
		}
		if c.manifest == "compact" && c.context != "" {
			return compactAlgorithmCheck(p, suite, c, base)
		}
		if c.manifest == "flatten" {
			return flattenAlgorithmCheck(p, suite, c, base)
		}
	case "toRdf":
		data, err := os.ReadFile(filepath.Join(suite, c.expect))
		if err != nil {
			return err
		}
		want, err := canonicalText(string(data))
		if err != nil {
			return fmt.Errorf("reference: %v", err)
		}
		if got.(string) != want {
			return fmt.Errorf("dataset differs:\n got:\n%s\nwant:\n%s", got, want)
		}
	}
	return nil
}

// compactAlgorithmCheck runs the compaction algorithm film2ld carries
// (internal/jsongold, the code Compact uses) with the case's own context on
// the case's input, expanded by the same copy with spec behaviour (no safe
// mode, none of film2ld's checks), and requires the expected output: this is
// where a compact case tests term selection, containers and the other
// choices schema.org's context never exercises.
func compactAlgorithmCheck(p *Processor, suite string, c w3cCase, base string) error {
	var want any
	if err := decodeFile(filepath.Join(suite, c.expect), &want); err != nil {
		return err
	}
	got, err := compactWithOwnContext(p, suite, c, base)
	if err != nil {
		return fmt.Errorf("compaction with the case's context: %w", err)
	}
	wm, _ := want.(map[string]any)
	delete(wm, "@context")
	g := roundTrip(got).(map[string]any)
	if !sameJSON(g, wm) {
		return fmt.Errorf("compaction with the case's context differs:\n got: %s\nwant: %s", compactJSON(g), compactJSON(wm))
	}
	return nil
}

// flattenAlgorithmCheck runs film2ld's flattening (the node map step
// Flatten uses) on the input expanded by the copy with spec behaviour, then
// compacts it with the case's context if it has one, and requires the
// expected document, blank node labels included.
func flattenAlgorithmCheck(p *Processor, suite string, c w3cCase, base string) error {
	var doc, ctxDoc, want any
	paths := map[string]*any{c.input: &doc, c.expect: &want}
	if c.context != "" {
		paths[c.context] = &ctxDoc
	}
	for path, v := range paths {
		if err := decodeFile(filepath.Join(suite, path), v); err != nil {
			return err
		}
	}
	opts, err := p.options(base)
	if err != nil {
		return err
	}
	opts.SafeMode = false
	var got any
	err = guard("flatten algorithm", func() error {
		exp, err := expandTopGraph(doc, opts)
		if err != nil {
			return err
		}
		flat, err := flatten(jld.Arrayify(exp))
		if err != nil {
			return err
		}
		if c.context == "" {
			got = flat
			return nil
		}
		active, err := jsongold.NewContext(nil, opts).Parse(ctxDoc.(map[string]any)["@context"])
		if err != nil {
			return err
		}
		out, err := jsongold.NewJsonLdApi().Compact(active, "", flat, true)
		if err != nil {
			return err
		}
		// Flattened output is always a graph.
		g, err := active.CompactIri("@graph", nil, false, false)
		if err != nil {
			return err
		}
		switch o := out.(type) {
		case []any:
			got = map[string]any{g: o}
		case map[string]any:
			got = map[string]any{g: []any{}}
			if len(o) > 0 {
				got = map[string]any{g: []any{o}}
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("flattening as the suite does: %w", err)
	}
	if m, ok := want.(map[string]any); ok {
		delete(m, "@context")
	}
	if !sameJSON(roundTrip(got), want) {
		return fmt.Errorf("flattened document differs:\n got: %s\nwant: %s", compactJSON(got), compactJSON(want))
	}
	return nil
}

// compactWithOwnContext compacts the case's input with its context, as
// json-gold's JsonLdProcessor.Compact does, with the copy's algorithms.
func compactWithOwnContext(p *Processor, suite string, c w3cCase, base string) (map[string]any, error) {
	var doc, ctxDoc any
	for path, v := range map[string]*any{c.input: &doc, c.context: &ctxDoc} {
		if err := decodeFile(filepath.Join(suite, path), v); err != nil {
			return nil, err
		}
	}
	opts, err := p.options(base)
	if err != nil {
		return nil, err
	}
	opts.SafeMode = false
	compactArrays := c.option["compactArrays"] != false
	var got map[string]any
	err = guard("compact algorithm", func() error {
		exp, err := expandTopGraph(doc, opts)
		if err != nil {
			return err
		}
		local := ctxDoc
		if m, ok := ctxDoc.(map[string]any); ok && m["@context"] != nil {
			local = m["@context"]
		}
		active, err := jsongold.NewContext(nil, opts).Parse(jld.CloneDocument(local))
		if err != nil {
			return err
		}
		out, err := jsongold.NewJsonLdApi().Compact(active, "", jld.Arrayify(exp), compactArrays)
		if err != nil {
			return err
		}
		// The API's final steps, as json-gold's JsonLdProcessor.Compact.
		switch o := out.(type) {
		case map[string]any:
			got = o
		case []any:
			got = map[string]any{}
			if len(o) > 0 {
				g, err := active.CompactIri("@graph", nil, false, false)
				if err != nil {
					return err
				}
				got[g] = o
			}
		}
		return nil
	})
	return got, err
}

// runRDFC runs an RDFC-1.0 case as convert -f canonical reads N-Quads.
func runRDFC(p *Processor, dir string, c w3cCase) error {
	suite := filepath.Join(dir, "rdf-canon-tests")
	f, err := os.Open(filepath.Join(suite, c.input))
	if err != nil {
		return err
	}
	defer f.Close()
	// As rdf-canonize's own test runner does, the cases the suite marks as
	// of high complexity get a higher work factor; the poison graph must
	// be refused even so.
	if c.option["computationalComplexity"] == "high" {
		p = NewProcessor(Config{MaxWorkFactor: 3})
	}
	docs, err := p.Read(f, c.input, InputNQuads)
	var got string
	if err == nil {
		got, err = p.Canonical(docs[0], Options{})
	}
	if c.negative {
		if err == nil {
			return errors.New("canonicalized a graph the suite expects to be refused")
		}
		return nil
	}
	if err != nil {
		return err
	}
	want, err := os.ReadFile(filepath.Join(suite, c.expect))
	if err != nil {
		return err
	}
	if got != string(want) {
		return fmt.Errorf("canonical N-Quads differ:\n got:\n%s\nwant:\n%s", got, want)
	}
	return nil
}

// referenceCanonical returns the canonical N-Quads of the expected output
// of a compact or flatten case: the yardstick for film2ld's compacted
// output. film2ld reads it (toRdf and expand cases check that reading);
// where film2ld refuses the document, json-gold's own API reads it.
func referenceCanonical(p *Processor, path, base string) (string, error) {
	var doc any
	if err := decodeFile(path, &doc); err != nil {
		return "", err
	}
	if nq, err := p.Canonical(doc, Options{Base: base, DocumentURL: base, RDFDirection: DirectionI18nDatatype}); err == nil {
		return nq, nil
	}
	if err := decodeFile(path, &doc); err != nil { // Canonical may have used it
		return "", err
	}
	c, err := p.contexts()
	if err != nil {
		return "", err
	}
	opts := jld.NewJsonLdOptions(base)
	opts.DocumentLoader = c.opts.DocumentLoader
	opts.ProcessingMode = jld.JsonLd_1_1
	ds, err := jld.NewJsonLdProcessor().ToRDF(doc, opts)
	if err != nil {
		return "", err
	}
	return canonicalize(ds.(*jld.RDFDataset), 0, true)
}

// canonicalText canonicalizes N-Quads text with json-gold's parser.
func canonicalText(nq string) (string, error) {
	ds, err := jld.ParseNQuads(nq)
	if err != nil {
		return "", err
	}
	return canonicalize(ds, 0, true)
}

// sameJSON compares JSON-LD values as the suites do: arrays are unordered
// except the values of @list.
func sameJSON(a, b any) bool {
	switch a := a.(type) {
	case map[string]any:
		bm, ok := b.(map[string]any)
		if !ok || len(a) != len(bm) {
			return false
		}
		for k, av := range a {
			bv, ok := bm[k]
			if !ok {
				return false
			}
			if k == "@list" {
				al, bl := asList(av), asList(bv)
				if len(al) != len(bl) {
					return false
				}
				for i := range al {
					if !sameJSON(al[i], bl[i]) {
						return false
					}
				}
				continue
			}
			if k == "@value" && a["@type"] == "@json" {
				if !reflect.DeepEqual(av, bv) {
					return false
				}
				continue
			}
			if !sameJSON(av, bv) {
				return false
			}
		}
		return true
	case []any:
		bl, ok := b.([]any)
		if !ok || len(a) != len(bl) {
			return false
		}
		used := make([]bool, len(bl))
	next:
		for _, av := range a {
			for j, bv := range bl {
				if !used[j] && sameJSON(av, bv) {
					used[j] = true
					continue next
				}
			}
			return false
		}
		return true
	default:
		if _, isList := b.([]any); isList {
			return sameJSON([]any{a}, b)
		}
		return reflect.DeepEqual(a, b)
	}
}

func roundTrip(v any) any {
	data, _ := json.Marshal(v)
	var out any
	_ = json.Unmarshal(data, &out)
	return out
}

func compactJSON(v any) string {
	data, _ := json.Marshal(v)
	return string(data)
}

func decodeFile(path string, v any) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	return json.Unmarshal(data, v)
}

func readJSONFile(t *testing.T, path string, v any) {
	t.Helper()
	if err := decodeFile(path, v); err != nil {
		t.Fatal(err)
	}
}

func str(v any) string {
	s, _ := v.(string)
	return s
}

// writeExceptions rewrites the exceptions file from a run: reasons already
// listed are kept; a new failure gets "bug?" and its error's first line, for
// a person to replace with the real reason.
func writeExceptions(t *testing.T, results []outcome, old map[string]exception) {
	var b strings.Builder
	b.WriteString(`# W3C cases film2ld does not run or expects to fail, one per line:
#   manifest#id  skip|fail|lenient  reason
# skip: not run (not applicable to film2ld); fail: run, expected to fail;
# lenient: refused by default (the reason says which strictness), passes
# with convert --lenient (Options.Lenient), which drops what JSON-LD drops.
# TestW3C (w3c_test.go) fails when a case fails unlisted or passes while
# listed as failing; go test ./ld -run W3C -update-w3c rewrites this file,
# keeping the reasons written here.
`)
	manifest := ""
	for _, r := range results {
		if r.passed {
			continue
		}
		if r.c.manifest != manifest {
			manifest = r.c.manifest
			fmt.Fprintf(&b, "\n# %s\n", manifest)
		}
		status, reason := "fail", ""
		if r.lenient {
			status = "lenient"
		}
		if !r.ran {
			status = "skip"
			reason = r.why
		} else if ex, ok := old[r.c.key()]; ok && ex.status == status {
			reason = ex.reason
		} else if r.lenient {
			reason = "strict: " + strings.SplitN(r.why, "\n", 2)[0]
		} else {
			reason = "bug? " + strings.SplitN(r.why, "\n", 2)[0]
		}
		if len(reason) > 200 {
			reason = reason[:200] + "…"
		}
		fmt.Fprintf(&b, "%s %s %s\n", r.c.key(), status, reason)
	}
	if err := os.WriteFile(exceptionsFile, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

// Markers around the README's conformance table.
const (
	tableStart = "<!-- w3c-table: generated by go test ./ld -run W3C -update-w3c -->"
	tableEnd   = "<!-- /w3c-table -->"
)

// checkReadmeTable checks (or, with -update-w3c, writes) the README's
// table of pass counts per manifest.
func checkReadmeTable(t *testing.T, counts map[string][4]int) {
	var b strings.Builder
	b.WriteString("| manifest | cases | run | pass | pass with `--lenient` only | not run or expected to fail |\n| --- | ---: | ---: | ---: | ---: | ---: |\n")
	names := make([]string, 0, len(counts))
	for m := range counts {
		names = append(names, m)
	}
	order := map[string]int{"expand": 0, "compact": 1, "flatten": 2, "toRdf": 3, "fromRdf": 4, "remote-doc": 5, "html": 6, "rdfc10": 7}
	sort.Slice(names, func(i, j int) bool { return order[names[i]] < order[names[j]] })
	for _, m := range names {
		n := counts[m]
		label := m
		if m == "rdfc10" {
			label = "RDFC-1.0"
		}
		fmt.Fprintf(&b, "| %s | %d | %d | %d | %d | %d |\n", label, n[0], n[1], n[2], n[3], n[0]-n[2]-n[3])
	}
	table := b.String()
	const readme = "../README.md"
	data, err := os.ReadFile(readme)
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	i, j := strings.Index(text, tableStart), strings.Index(text, tableEnd)
	if i < 0 || j < i {
		if *updateW3C {
			t.Errorf("README.md has no %s … %s markers; add them where the table goes", tableStart, tableEnd)
		} else {
			t.Errorf("README.md has no conformance table markers; run go test ./ld -run W3C -update-w3c after adding them")
		}
		return
	}
	current := text[i+len(tableStart)+1 : j]
	if current == table {
		return
	}
	if *updateW3C {
		text = text[:i+len(tableStart)+1] + table + text[j:]
		if err := os.WriteFile(readme, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Errorf("README.md conformance table is out of date; run go test ./ld -run W3C -update-w3c\nwant:\n%s", table)
}

// expandTopGraph expands doc with the carried expansion algorithm, a lone
// top-level @graph unwrapped as the spec's flatten and compact do.
func expandTopGraph(doc any, opts *jld.JsonLdOptions) (any, error) {
	exp, err := jsongold.NewJsonLdApi().Expand(jsongold.NewContext(nil, opts), "", doc, opts, false, nil)
	if err != nil {
		return nil, err
	}
	if m, ok := exp.(map[string]any); ok {
		if g, ok := m["@graph"]; ok && len(m) == 1 {
			exp = g
		}
	}
	return exp, nil
}
