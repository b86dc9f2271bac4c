package ld

import (
	"encoding/json"
	"fmt"
	"runtime"
	"strings"
	"testing"
)

// basedNodes is a document of n nodes, each under the schema.org context
// and a @base: the bases are taken in turn from bases, as a page's <base>
// reaches every node of its blocks (withPageBase) or a site writes one.
func basedNodes(n int, bases ...string) []any {
	var doc []any
	for i := range n {
		doc = append(doc, map[string]any{
			"@context": []any{"https://schema.org", map[string]any{"@base": bases[i%len(bases)]}},
			"@type":    "Person", "@id": fmt.Sprintf("p/%d", i), "name": fmt.Sprintf("P%d", i),
			"url":   []any{"../u", "?q", "//host/x", "#f"},
			"knows": map[string]any{"@id": fmt.Sprintf("q/%d", i), "name": "Q"},
		})
	}
	return doc
}

// TestExtendedContextRemembered: nodes that repeat a context extending
// schema.org's get the same statements whether it is parsed for each or
// remembered, with bases absolute, relative and alternating, and the
// remembered context is parsed once (parsing copies the 3,000 terms:
// 60,000 nodes of a page with a <base> took 23 s).
func TestExtendedContextRemembered(t *testing.T) {
	defer func() { rememberExtended = true }()
	cases := [][]string{
		{"https://films.example/a/b"},
		{"https://films.example/a/b", "http://other.example/", "https://films.example/a/b"},
		{"tag:example,2020:x", "rel/", "../up"},
	}
	for _, bases := range cases {
		doc := basedNodes(7, bases...)
		for _, opts := range []Options{{}, {Base: "https://page.example/dir/p.html"}} {
			if opts.Base == "" && !strings.Contains(bases[len(bases)-1], ":") {
				continue // a relative base needs one to resolve against
			}
			var outs [2]string
			for i, remember := range []bool{false, true} {
				rememberExtended = remember
				var copyOf []any
				text, _ := json.Marshal(doc)
				json.Unmarshal(text, &copyOf)
				out, err := NewProcessor(Config{}).ToNQuads(copyOf, opts)
				if err != nil {
					t.Fatal(err)
				}
				outs[i] = out
			}
			if outs[0] != outs[1] {
				t.Errorf("bases %q, %+v: remembered\n%s\nparsed for each\n%s", bases, opts, outs[1], outs[0])
			}
			if strings.Contains(outs[1], baseScheme) || strings.Count(outs[1], "\n") < 7*8 {
				t.Errorf("bases %q: statements\n%s", bases, outs[1])
			}
		}
	}
	// Memory a node: a fresh parse of the context per node costs
	// hundreds of kilobytes.
	if raceDetector {
		t.Log("allocations not counted under the race detector")
		return
	}
	p := NewProcessor(Config{})
	perNode := func(n int) uint64 {
		doc := basedNodes(n, "https://films.example/a/b")
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		if _, err := p.ToNQuads(doc, Options{}); err != nil {
			t.Fatal(err)
		}
		runtime.ReadMemStats(&after)
		return after.TotalAlloc - before.TotalAlloc
	}
	perNode(1)
	few, many := perNode(10), perNode(110)
	if extra := (many - few) / 100; extra > 64<<10 {
		t.Errorf("each node under a repeated context allocates %d bytes", extra)
	}
}
