// Package ldtest generates JSON-LD documents for film2ld's tests that
// compare its readers with a reference processor (jsonld.js). It is a
// package of its own, not a test file, so that the tests of ld's users
// (schemas' validate rule, the command's convert and load warnings) check
// themselves against the same documents.
package ldtest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// ReferenceCount is how many documents a test compares with jsonld.js:
// 3,000 in CI (FILM2LD_LARGE_TESTS=1), 100 under -short, 300 otherwise
// (jsonld.js takes about 30 ms a document, processing the schema.org
// context for each). Call it from a test, once flags are parsed.
func ReferenceCount() int {
	switch {
	case testing.Short():
		return 100
	case os.Getenv("FILM2LD_LARGE_TESTS") == "1":
		return 3000
	}
	return 300
}

// DroppedDocs generates n JSON-LD documents of items JSON-LD's expansion
// drops or keeps at the top of a graph and below it (nodes with only @id,
// "id" through schema.org's context, value and list objects, {}, values,
// @set, @included, nested and object-valued @graph), under schema.org's
// context written in the ways pages write it, or a @vocab (where "id" is
// a property), in every place a context goes. With objectItems, list
// objects of items and graph objects holding one object are items too
// (their items are dropped, or make their holder dropped). The same
// arguments give the same documents.
func DroppedDocs(seed uint64, n int, objectItems bool) []string {
	return Generate(seed, n, Options{ObjectItems: objectItems})
}

// Options says which items Generate writes.
type Options struct {
	// ObjectItems is DroppedDocs' objectItems.
	ObjectItems bool
	// Deep nests graphs deeper (six levels, not four) and adds the items
	// that hide a drop below the top: a node's @graph within a node's
	// @graph, an object-valued @graph holding a node with a graph, a
	// graph object with a context of its own, @included in a node of a
	// graph below the top, a property whose term scopes a context (one
	// that leaves "id" as it is, or defines it), a @list or @set of one
	// item that is no array, objects whose keys are all null, and
	// {"@value": null}. It implies ObjectItems.
	Deep bool
	// Keywords adds contexts that alias @id and @value ("ident",
	// "val"), define a term as null ("gone") or say @propagate: true,
	// and items written through them, with "@nest": {}, "@reverse": {}
	// or "@type": [] beside an @id (each leaves a node with only @id).
	// It implies Deep.
	Keywords bool
}

// Generate is DroppedDocs with the items opts says: the same seed, n
// and options give the same documents.
func Generate(seed uint64, n int, opts Options) []string {
	opts.Deep = opts.Deep || opts.Keywords
	objectItems := opts.ObjectItems || opts.Deep
	nodeKinds, itemKinds, maxDepth := 6, 19, 3
	if objectItems {
		nodeKinds, itemKinds = 7, 22
	}
	if opts.Deep {
		nodeKinds, itemKinds, maxDepth = 12, 30, 5
	}
	r := rand.New(rand.NewPCG(seed, uint64(n)))
	contexts := []string{`"https://schema.org"`, `"http://schema.org/"`, `["https://schema.org", {"@language": "en"}]`,
		`{"@vocab": "https://schema.org/"}`, `["https://schema.org", {"wd": "http://www.wikidata.org/entity/"}]`}
	if opts.Keywords {
		itemKinds += 9
		contexts = append(contexts, `["https://schema.org", {"ident": "@id", "val": "@value", "gone": null}]`,
			`{"@vocab": "https://schema.org/", "ident": {"@id": "@id"}, "val": {"@id": "@value"}, "gone": {"@id": null}, "@propagate": true}`,
			`["https://schema.org", {"ident": "@id"}, "https://schema.org"]`)
	}
	ctx := func() string { return contexts[r.IntN(len(contexts))] }
	iri := func() string { return fmt.Sprintf(`"https://films.example/%d"`, r.IntN(5)) }
	var item func(depth int) string
	items := func(depth int) string {
		var parts []string
		for range r.IntN(4) {
			parts = append(parts, item(depth+1))
		}
		return "[" + strings.Join(parts, ", ") + "]"
	}
	node := func(depth int) string {
		// A node kept wherever it stands, holding what may hold drops.
		k := r.IntN(nodeKinds)
		if !objectItems && k == 5 {
			k = nodeKinds // the graph below, as without case 5
		}
		switch k {
		case 0:
			return `{"@type": "Movie", "name": "X", "subjectOf": {"@graph": ` + items(depth) + `}}`
		case 1:
			return `{"@id": ` + iri() + `, "@graph": ` + items(depth) + `}`
		case 2:
			return `{"@id": ` + iri() + `, "@type": "Movie", "@included": ` + items(depth) + `}`
		case 3:
			return `{"@type": "Movie", "director": {"@id": ` + iri() + `}, "actor": [{"@type": "Person", "name": "A"}, {"@id": ` + iri() + `}]}`
		case 4:
			return `{"@id": ` + iri() + `, "@reverse": {"author": {"@id": ` + iri() + `}}}`
		case 5: // with objectItems only
			return `{"@type": "Movie", "subjectOf": {"@graph": ` + item(depth+1) + `}}`
		case 6: // 6 to 10 with Deep only
			// A graph below a graph below a graph.
			return `{"@id": ` + iri() + `, "@graph": [{"@id": ` + iri() + `, "@graph": ` + items(depth+1) + `}, ` + item(depth+1) + `]}`
		case 7:
			// A property's term scopes a context that leaves "id" as it
			// is, or defines it as a property.
			scoped := []string{`{"@language": "en"}`, `{"id": "https://schema.org/identifier"}`, `{"wd": "http://www.wikidata.org/entity/"}`}[r.IntN(3)]
			// With a context of its own before it: an item of a
			// top-level array has no other (a term no context
			// defines is the JSON-LD processor's error).
			return `{"@context": [` + ctx() + `, {"subjectOf": {"@id": "https://schema.org/subjectOf", "@context": ` + scoped + `}}], "@type": "Movie", "subjectOf": {"@graph": ` + items(depth) + `}}`
		case 8:
			// An object-valued @graph whose node holds a graph.
			return `{"@id": ` + iri() + `, "@graph": {"@id": ` + iri() + `, "@graph": ` + items(depth) + `}}`
		case 9:
			// A graph object with a context of its own.
			return `{"@context": ` + ctx() + `, "@graph": ` + items(depth) + `}`
		case 10:
			// @included below a node's property: kept, but its nodes'
			// graphs are graphs.
			return `{"@type": "Movie", "director": {"@id": ` + iri() + `, "@included": ` + items(depth) + `}}`
		}
		return `{"@graph": ` + items(depth) + `}`
	}
	item = func(depth int) string {
		if depth > maxDepth {
			return `{"@id": ` + iri() + `}`
		}
		k := r.IntN(itemKinds)
		if !objectItems && k >= 17 {
			k = itemKinds // a node, as without cases 17 and 18
		}
		switch k {
		case 0:
			return `{}`
		case 1:
			return `{"@id": ` + iri() + `}`
		case 2:
			return `{"id": ` + iri() + `}`
		case 3:
			return `{"@id": ` + iri() + `, "@type": "Movie"}`
		case 4:
			return `{"@type": "Movie", "name": "X"}`
		case 5:
			return `{"@id": ` + iri() + `, "name": null}`
		case 6:
			return `{"@id": ` + iri() + `, "@context": {"@language": "fr"}}`
		case 7:
			return `{"id": ` + iri() + `, "@context": ` + ctx() + `}`
		case 8:
			return `{"@value": "x"}`
		case 9:
			return `{"@value": "x", "@language": "en"}`
		case 10:
			return `{"@list": ["a", 2]}`
		case 11:
			return `{"@set": ` + items(depth) + `}`
		case 12:
			return []string{`"x"`, `3`, `true`}[r.IntN(3)]
		case 13:
			return items(depth)
		case 14:
			return `{"@graph": ` + item(depth+1) + `}`
		case 15:
			return `{"@id": ` + iri() + `, "@index": "i"}`
		case 16:
			return `{"@context": ` + ctx() + `}`
		case 17: // 17 and 18 with objectItems only
			return `{"@list": ` + items(depth) + `}`
		case 18:
			return `{"@id": ` + iri() + `, "@graph": ` + item(depth+1) + `}`
		case 22: // 22 to 29 with Deep only
			return `{"@list": ` + item(depth+1) + `}`
		case 23:
			return `{"@set": ` + item(depth+1) + `}`
		case 24:
			return `{"name": null}`
		case 25:
			return `{"@value": null}`
		case 26:
			return `{"@id": ` + iri() + `, "@graph": {"@id": ` + iri() + `, "@graph": ` + items(depth) + `}}`
		case 27:
			return `{"@id": ` + iri() + `, "@type": "Movie", "@included": [` + node(depth+1) + `, ` + item(depth+1) + `]}`
		case 28:
			return `{"@graph": ` + items(depth) + `, "@context": ` + ctx() + `}`
		case 30: // 30 to 38 with Keywords only
			return `{"ident": ` + iri() + `}`
		case 31:
			return []string{`{"val": "x"}`, `{"val": null}`, `{"val": "x", "@language": "en"}`}[r.IntN(3)]
		case 32:
			return `{"@id": ` + iri() + `, "gone": "x"}`
		case 33:
			return `{"@id": ` + iri() + `, "@nest": ` + []string{`{}`, `{"name": null}`, `[]`, `{"name": "N"}`}[r.IntN(4)] + `}`
		case 34:
			return `{"@id": ` + iri() + `, "@reverse": ` + []string{`{}`, `{"author": null}`, `{"author": {"@id": "https://films.example/r"}}`}[r.IntN(3)] + `}`
		case 35:
			return `{"@id": ` + iri() + `, "@type": ` + []string{`[]`, `["Movie"]`}[r.IntN(2)] + `}`
		case 36:
			return `{"ident": ` + iri() + `, "gone": "x", "@context": ` + ctx() + `}`
		case 37:
			return `{"@context": [` + ctx() + `, {"@propagate": true}], "@id": ` + iri() + `, "@graph": ` + items(depth) + `}`
		case 38:
			return `{"ident": ` + iri() + `, "name": null}`
		}
		return node(depth)
	}
	withContext := func(obj string) string {
		if !strings.HasPrefix(obj, "{") {
			return obj
		}
		if obj == "{}" {
			return `{"@context": ` + ctx() + `}`
		}
		return `{"@context": ` + ctx() + `, ` + obj[1:]
	}
	var docs []string
	for len(docs) < n {
		switch r.IntN(6) {
		case 0:
			var parts []string
			for range 1 + r.IntN(4) {
				it := item(1)
				if strings.HasPrefix(it, "[") || !strings.HasPrefix(it, "{") {
					continue // an item with no context of its own reads terms as none
				}
				parts = append(parts, withContext(it))
			}
			docs = append(docs, "["+strings.Join(parts, ", ")+"]")
		case 1:
			docs = append(docs, `{"@context": `+ctx()+`, "@graph": `+items(0)+`}`)
		case 2:
			docs = append(docs, `{"@graph": `+items(0)+`, "@context": `+ctx()+`}`)
		case 3:
			docs = append(docs, `{"@context": `+ctx()+`, "@graph": `+item(1)+`}`)
		case 4:
			docs = append(docs, `{"@context": `+ctx()+`, "@type": "Movie", "name": "X", "@graph": `+items(0)+`}`)
		default:
			if it := item(1); strings.HasPrefix(it, "{") {
				docs = append(docs, withContext(it))
			}
		}
	}
	return docs
}

// ReferenceDrops runs jsonld.js on docs through the script at script
// (schemas/testdata/dropped.mjs) with the node binary node, and returns
// what its expansion events count in each document, kind by kind:
// objects with nothing in them, nodes with only @id, @value objects,
// @list objects, values; nil for a document jsonld.js refuses.
func ReferenceDrops(node, script string, docs []string) ([]*[5]int, error) {
	raw := make([]json.RawMessage, len(docs))
	for i, d := range docs {
		raw[i] = json.RawMessage(d)
	}
	in, err := json.Marshal(raw)
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(node, script)
	cmd.Stdin = bytes.NewReader(in)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("%s: %v\n%s", filepath.Base(script), err, stderr.String())
	}
	var refs []*[5]int
	if err := json.Unmarshal(out, &refs); err != nil || len(refs) != len(docs) {
		return nil, fmt.Errorf("%s gave %d results for %d documents (%v)", filepath.Base(script), len(refs), len(docs), err)
	}
	return refs, nil
}
