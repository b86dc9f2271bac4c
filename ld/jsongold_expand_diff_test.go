package ld

import (
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	jld "github.com/piprate/json-gold/ld"

	"github.com/film2ld/film2ld/ld/internal/jsongold"
	"github.com/film2ld/film2ld/ld/schemaorg"
)

// expandDifferences lists the inputs on which the copy's expansion (context
// processing included) deliberately differs from json-gold's: each is a
// json-gold bug the copy fixes (UPSTREAM.md, "Fixes carried"), and the W3C
// suite says which side is right. TestJSONGoldExpandMatches fails when a
// listed input stops differing.
var expandDifferences = map[string]string{
	"w3c:expand/er05-in.jsonld": "a loader error with a JSON-LD code keeps it (F14): a context that is not an object is invalid remote context (W3C expand er05); json-gold makes every loader error loading remote context failed",
	"w3c:expand/so01-in.jsonld": "F14: an @import of a context that imports in turn is invalid context entry, the code W3C expand so01 expects",
	"w3c:expand/so03-in.jsonld": "F14, as so01 (W3C expand so03)",
	"w3c:expand/so12-in.jsonld": "F14, as so01 (W3C expand so12)",
	"w3c:toRdf/er05-in.jsonld":  "a loader error with a JSON-LD code keeps it (F14): a context that is not an object is invalid remote context (W3C expand er05); json-gold makes every loader error loading remote context failed",
	"w3c:toRdf/so01-in.jsonld":  "F14: an @import of a context that imports in turn is invalid context entry, the code W3C expand so01 expects",
	"w3c:toRdf/so03-in.jsonld":  "F14, as so01 (W3C expand so03)",
	"w3c:toRdf/so12-in.jsonld":  "F14, as so01 (W3C expand so12)",
	"w3c:expand/c032-in.jsonld": "scoped contexts validated at definition: the copy gives invalid scoped context, the code W3C expand c032 expects; json-gold reports the inner invalid IRI mapping",
	"w3c:expand/c033-in.jsonld": "scoped contexts validated at definition: an unused scoped context with an error is invalid scoped context (W3C expand c033); json-gold accepts it",
	"w3c:expand/c037-in.jsonld": "@nest: the nesting term's property-scoped context applies to the nested properties (W3C expand c037)",
	"w3c:expand/c038-in.jsonld": "@nest: as c037, nested one level further (W3C expand c038)",
	"w3c:expand/pr28-in.jsonld": "a protected null term cannot be redefined (W3C expand pr28); json-gold forgets its protection",
	"w3c:expand/pr38-in.jsonld": "@reverse with a value of the form of a keyword leaves the term undefined (W3C expand pr38); json-gold raises invalid IRI mapping",
	"w3c:expand/pr39-in.jsonld": "as pr38, with @vocab (W3C expand pr39)",
	"w3c:expand/pr43-in.jsonld": "container mapping read from the active context, not the term's null scoped context, so the @graph container and the named graph stay (W3C expand pr43)",
	"w3c:toRdf/c032-in.jsonld":  "scoped contexts validated at definition: the copy gives invalid scoped context, the code W3C expand c032 expects; json-gold reports the inner invalid IRI mapping",
	"w3c:toRdf/c033-in.jsonld":  "scoped contexts validated at definition: an unused scoped context with an error is invalid scoped context (W3C expand c033); json-gold accepts it",
	"w3c:toRdf/c037-in.jsonld":  "@nest: the nesting term's property-scoped context applies to the nested properties (W3C expand c037)",
	"w3c:toRdf/c038-in.jsonld":  "@nest: as c037, nested one level further (W3C expand c038)",
	"w3c:toRdf/pr28-in.jsonld":  "a protected null term cannot be redefined (W3C expand pr28); json-gold forgets its protection",
	"w3c:toRdf/pr38-in.jsonld":  "@reverse with a value of the form of a keyword leaves the term undefined (W3C expand pr38); json-gold raises invalid IRI mapping",
	"w3c:toRdf/pr39-in.jsonld":  "as pr38, with @vocab (W3C expand pr39)",
	"w3c:toRdf/pr43-in.jsonld":  "container mapping read from the active context, not the term's null scoped context, so the @graph container and the named graph stay (W3C expand pr43)",
}

// compactDifferences is the same for compaction, keyed by the suite's file
// name (or film2ld's input name) and the context compacted against.
var compactDifferences = map[string]string{
	"in01-in.jsonld (schema.org)":  "@included values are compacted like any property's (W3C compact in01-in05); json-gold copied them expanded",
	"in02-in.jsonld (schema.org)":  "@included, as in01",
	"in03-in.jsonld (schema.org)":  "@included, as in01",
	"in04-in.jsonld (schema.org)":  "@included, as in01",
	"in05-in.jsonld (schema.org)":  "@included, as in01",
	"in06-in.jsonld (schema.org)":  "@included, as in01",
	"in01-in.jsonld (its context)": "@included, as in01 (W3C compact in01)",
	"in02-in.jsonld (its context)": "@included (W3C compact in02)",
	"in03-in.jsonld (its context)": "@included (W3C compact in03)",
	"in04-in.jsonld (its context)": "@included (W3C compact in04)",
	"in05-in.jsonld (its context)": "@included (W3C compact in05)",
	"js07-in.jsonld (schema.org)":  "a JSON literal's one-item array keeps its brackets under @value (W3C compact js07, against a context without a @json term); json-gold unwrapped it into another literal",
	"js14-in.jsonld (schema.org)":  "JSON literal array under @value, as js07",
	"js23-in.jsonld (schema.org)":  "JSON literal array under @value, as js07",
	"0111-in.jsonld (its context)": "a relative IRI of the form of a keyword is written \"./@special\" (W3C compact 0111)",
	"0112-in.jsonld (its context)": "a property-valued index given as a compact IRI is expanded before it is compacted (W3C compact 0112); json-gold raised IRI confused with prefix",
	"0113-in.jsonld (its context)": "a property-valued index given as an absolute IRI is found in the compacted item (W3C compact 0113); json-gold put the values under @none",
	"m023-in.jsonld (its context)": "a node reference under an @type container goes under @none (W3C compact m023); json-gold panicked",
}

// rawCase is one document for the algorithm-level comparison: the copy and
// json-gold get the same document, base, loader and options, with none of
// film2ld's checks around them.
type rawCase struct {
	name, path, base string
	context          string // compact cases: the file of the context to compact with
}

func rawCases(t *testing.T) []rawCase {
	var out []rawCase
	for _, in := range diffInputs(t) {
		if strings.HasPrefix(in.name, "w3c:") {
			continue // the suite's inputs come below, every manifest's
		}
		out = append(out, rawCase{name: in.name, path: in.path, base: in.base})
	}
	dir := w3cDir()
	if dir == "" {
		return out
	}
	suite := filepath.Join(dir, "json-ld-api-tests")
	for _, m := range []string{"expand", "compact", "flatten", "toRdf"} {
		files, _ := filepath.Glob(filepath.Join(suite, m, "*-in.jsonld"))
		sort.Strings(files)
		for _, f := range files {
			rel := m + "/" + filepath.Base(f)
			c := rawCase{name: "w3c:" + rel, path: f, base: w3cBase + rel}
			if m == "compact" {
				ctx := strings.TrimSuffix(f, "-in.jsonld") + "-context.jsonld"
				if _, err := decodeJSONFile(ctx); err == nil {
					c.context = ctx
				}
			}
			out = append(out, c)
		}
	}
	return out
}

func decodeJSONFile(path string) (any, error) {
	var v any
	err := decodeFile(path, &v)
	return v, err
}

// rawOptions are the options of both sides: JSON-LD 1.1, the suite's files
// served for their URLs, spec behaviour (no safe mode).
func rawOptions(t *testing.T) *jld.JsonLdOptions {
	p := diffProcessor()
	c, err := p.contexts()
	if err != nil {
		t.Fatal(err)
	}
	opts := c.opts.Copy()
	opts.SafeMode = false
	return opts
}

// outcomeOf renders a result or an error for comparison: JSON for a value,
// the JSON-LD error code for an error (the message may differ in wording).
func outcomeOf(v any, err error) string {
	if err != nil {
		var le *jld.JsonLdError
		if ok := asJSONLDError(err, &le); ok {
			return "error: " + string(le.Code)
		}
		return "error: " + err.Error()
	}
	data, mErr := json.Marshal(v)
	if mErr != nil {
		return "unmarshalable: " + mErr.Error()
	}
	return string(data)
}

func asJSONLDError(err error, target **jld.JsonLdError) bool {
	return errors.As(err, target)
}

// run calls f, turning a panic into an error, as guard does.
func run(f func() (any, error)) (v any, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	return f()
}

// TestJSONGoldExpandMatches expands every input (film2ld's fixtures and
// goldens, the schema.org examples, every input of the W3C expand, compact,
// flatten and toRdf manifests) with the copy and with json-gold's own
// algorithm, and requires the same result or the same error, except for
// the json-gold bugs listed in expandDifferences. Where both expand, it
// compacts the result against the schema.org context (and, for compact
// cases, against the case's own context) both ways and requires the same
// compacted document, except as listed in compactDifferences.
func TestJSONGoldExpandMatches(t *testing.T) {
	if testing.Short() {
		t.Skip("parses the schema.org context with json-gold too; -short skips")
	}
	sdo := schemaOrgBoth(t)
	baseOpts := rawOptions(t)
	compared, compacted := 0, 0
	seen := map[string]bool{}
	for _, c := range rawCases(t) {
		docOurs, err := decodeJSONFile(c.path)
		if err != nil {
			continue
		}
		docTheirs, _ := decodeJSONFile(c.path)
		opts := baseOpts.Copy()
		opts.Base = c.base
		// A document whose context is schema.org's alone starts from the
		// parsed context, as film2ld does (parsing it twice per document
		// would take most of the test's time).
		activeOurs, activeTheirs := jsongold.NewContext(nil, opts), jld.NewContext(nil, opts)
		if m, ok := docOurs.(map[string]any); ok {
			if u, ok := m["@context"].(string); ok && IsSchemaOrgContext(u) {
				delete(m, "@context")
				delete(docTheirs.(map[string]any), "@context")
				activeOurs, activeTheirs = withBase(sdo.expandOurs, c.base), jld.CopyContext(sdo.expandTheirs)
				activeTheirs.Values.Base = c.base
			}
		}
		ours, errOurs := run(func() (any, error) {
			return jsongold.NewJsonLdApi().Expand(activeOurs, "", docOurs, opts, false, nil)
		})
		theirs, errTheirs := run(func() (any, error) {
			return jld.NewJsonLdApi().Expand(activeTheirs, "", docTheirs, opts, false, nil)
		})
		compared++
		o, th := outcomeOf(ours, errOurs), outcomeOf(theirs, errTheirs)
		reason, listed := expandDifferences[c.name]
		switch {
		case o != th && !listed:
			t.Errorf("%s: expansion differs\n copy:      %s\n json-gold: %s", c.name, o, th)
			continue
		case o == th && listed:
			t.Errorf("%s: listed as an expansion difference (%s) but both give %s: remove it", c.name, reason, o)
		case listed:
			seen[c.name] = true
			continue // json-gold's expansion is wrong: nothing to compact
		}
		if errOurs != nil {
			continue
		}
		// Compaction against schema.org, and against the case's context.
		type target struct {
			name          string
			ours          *jsongold.Context
			theirs        *jld.Context
			compactArrays bool
		}
		targets := []target{{name: "schema.org", ours: sdo.compactOurs, theirs: sdo.compactTheirs, compactArrays: true}}
		if c.context != "" {
			ctxDoc, _ := decodeJSONFile(c.context)
			local := ctxDoc.(map[string]any)["@context"]
			localTheirs := jld.CloneDocument(local)
			co, err1 := run(func() (any, error) { return jsongold.NewContext(nil, opts).Parse(local) })
			ct, err2 := run(func() (any, error) { return jld.NewContext(nil, opts).Parse(localTheirs) })
			if (err1 == nil) != (err2 == nil) {
				t.Errorf("%s: context: copy %v, json-gold %v", c.name, err1, err2)
				continue
			}
			if err1 == nil {
				inverseMatches(t, c.name, co.(*jsongold.Context), ct.(*jld.Context))
				targets = append(targets, target{name: "its context", ours: co.(*jsongold.Context), theirs: ct.(*jld.Context), compactArrays: true})
			}
		}
		for _, tg := range targets {
			in1, in2 := jld.CloneDocument(ours), jld.CloneDocument(ours)
			co, err1 := run(func() (any, error) { return jsongold.NewJsonLdApi().Compact(tg.ours, "", in1, tg.compactArrays) })
			ct, err2 := run(func() (any, error) { return jld.NewJsonLdApi().Compact(tg.theirs, "", in2, tg.compactArrays) })
			// The suite repeats inputs across manifests (in01 is in
			// expand, compact, flatten and toRdf): a difference is listed
			// once, by file name and target.
			key := c.name + " (" + tg.name + ")"
			if strings.HasPrefix(c.name, "w3c:") {
				key = filepath.Base(c.path) + " (" + tg.name + ")"
			}
			a, b := outcomeOf(co, err1), outcomeOf(ct, err2)
			reason, listed := compactDifferences[key]
			switch {
			case a != b && !listed:
				t.Errorf("%s: compaction differs\n copy:      %s\n json-gold: %s", key, a, b)
			case a == b && listed:
				t.Errorf("%s: listed as a compaction difference (%s) but both give %s: remove it", key, reason, a)
			case listed:
				seen[key] = true
			}
			compacted++
		}
	}
	if compared < atLeast(t, 100, 25) {
		t.Errorf("only %d inputs compared", compared)
	}
	for name := range expandDifferences {
		if !seen[name] && w3cDir() != "" {
			t.Errorf("%s: listed as an expansion difference but not run", name)
		}
	}
	for name := range compactDifferences {
		if !seen[name] && w3cDir() != "" {
			t.Errorf("%s: listed as a compaction difference but not run", name)
		}
	}
	t.Logf("%d inputs expanded and %d compactions compared both ways", compared, compacted)
}

// sdoContexts are the schema.org contexts of both implementations: the
// full one for expansion, and compaction's with id and type nulled.
type sdoContexts struct {
	expandOurs, compactOurs     *jsongold.Context
	expandTheirs, compactTheirs *jld.Context
}

// schemaOrgBoth returns film2ld's contexts (the copy's) and the same
// contexts built with json-gold's own context processing, after checking
// that both parse the schema.org context to the same terms.
func schemaOrgBoth(t *testing.T) sdoContexts {
	c, err := NewProcessor(Config{}).contexts()
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(schemaorg.ContextJSON(), &doc); err != nil {
		t.Fatal(err)
	}
	theirs, err := jld.NewContext(nil, c.opts).Parse(doc["@context"])
	if err != nil {
		t.Fatal(err)
	}
	if len(theirs.TermDefinitions) != len(c.expand.TermDefinitions) {
		t.Fatalf("schema.org context: copy %d terms, json-gold %d", len(c.expand.TermDefinitions), len(theirs.TermDefinitions))
	}
	for k, td := range theirs.TermDefinitions {
		ours := c.expand.TermDefinitions[k]
		if (td == nil) != (ours == nil) || (td != nil && !reflect.DeepEqual(termFields(ours), termFields(td))) {
			t.Fatalf("schema.org context: term %q differs: copy %+v, json-gold %+v", k, ours, td)
		}
	}
	// As derive does for the copy: id and type defined as null.
	compact := jld.CopyContext(theirs)
	compact.TermDefinitions["id"] = nil
	compact.TermDefinitions["type"] = nil
	out := sdoContexts{expandOurs: c.expand, compactOurs: c.compact(), expandTheirs: theirs, compactTheirs: compact}
	if !inverseMatches(t, "schema.org", out.compactOurs, out.compactTheirs) {
		t.Fatal("schema.org: the compaction context's inverse differs")
	}
	return out
}

// inverseMatches requires the copy's inverse context (typed, built in
// slabs: P2 in UPSTREAM.md) to be json-gold's, entry for entry, where both
// processed the context to the same term definitions (where a fix carried
// in the copy defines a term otherwise, the compactions compared in
// TestJSONGoldExpandMatches say what that changes). It reports whether
// the inverses were compared and equal.
func inverseMatches(t *testing.T, name string, ours *jsongold.Context, theirs *jld.Context) bool {
	t.Helper()
	if len(ours.TermDefinitions) != len(theirs.TermDefinitions) {
		return false
	}
	for k, td := range theirs.TermDefinitions {
		o, ok := ours.TermDefinitions[k]
		if !ok || (td == nil) != (o == nil) || (td != nil && !reflect.DeepEqual(termFields(o), termFields(td))) {
			return false
		}
	}
	got, want := ours.InverseMap(), theirs.GetInverse()
	if !reflect.DeepEqual(got, want) {
		for iri, w := range want {
			if g := got[iri]; !reflect.DeepEqual(g, w) {
				t.Errorf("%s: inverse context of %q: copy %v, json-gold %v", name, iri, g, w)
				return false
			}
		}
		t.Errorf("%s: inverse contexts differ: copy %d IRIs, json-gold %d", name, len(got), len(want))
		return false
	}
	return true
}

// termFields returns the exported fields of a term definition of either
// implementation, for comparison.
func termFields(td any) map[string]any {
	out := map[string]any{}
	v := reflect.ValueOf(td).Elem()
	for i := 0; i < v.NumField(); i++ {
		if f := v.Type().Field(i); f.IsExported() {
			out[f.Name] = v.Field(i).Interface()
		}
	}
	return out
}
