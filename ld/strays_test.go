package ld_test

import (
	"bytes"
	"runtime"
	"strings"
	"testing"

	"github.com/film2ld/film2ld/ld"
)

// ScanStrays counts the items JSON-LD drops at a document's top level,
// names the first by its pointer, counts the nodes beside them, tells a
// first node that expansion refuses, and reads nothing it cannot tell
// from the text alone (a key written twice, a text that is not JSON),
// and keeps the text of the top-level object's @context.
func TestScanStrays(t *testing.T) {
	for _, tt := range []struct {
		doc  string
		want ld.Strays
		ok   bool
	}{
		{`{"@context": "https://schema.org", "@graph": [{}, {}, 5]}`, ld.Strays{First: "/@graph/0", Count: 3, NotObjects: 1, Context: `"https://schema.org"`}, true},
		{`{"@graph": [{"@type": "Movie"}, {}, [1, [{}]]], "@context": "https://schema.org"}`, ld.Strays{First: "/@graph/1", Count: 3, Nodes: 1, NotObjects: 1, Context: `"https://schema.org"`}, true},
		{`{"@context": "https://schema.org", "@id": "https://x.example/", "@graph": [null]}`, ld.Strays{First: "/@graph/0", Count: 1, Nodes: 1, NotObjects: 1, Context: `"https://schema.org"`}, true},
		{`[{"@context": "https://schema.org"}, {"@context": null}]`, ld.Strays{First: "/0", Count: 1, Nodes: 1}, true},
		{`[1, {"name": "x"}, {}]`, ld.Strays{First: "/0", Count: 2, Nodes: 1, NotObjects: 1, Refused: true}, true},
		{`[[{}], {"name": "x"}]`, ld.Strays{First: "/0/0", Count: 1, Nodes: 1, NotObjects: 1}, true},
		{`{"name": "x", "@graph": [{}]}`, ld.Strays{First: "/@graph/0", Count: 1, Nodes: 1, Refused: true}, true},
		{` "x" `, ld.Strays{Count: 1, NotObjects: 1}, true},
		{`{}`, ld.Strays{Count: 1}, true},
		{`{"@context": "https://schema.org", "@graph": {"name": "x"}}`, ld.Strays{Nodes: 1, Context: `"https://schema.org"`}, true},
		{`[]`, ld.Strays{}, true},
		{`[{}, [], {"@type": "Movie"}]`, ld.Strays{First: "/0", Count: 1, Nodes: 1, NotObjects: 1}, true},
		{`[{}, {"a": 1, "a": 2}]`, ld.Strays{}, false},
		{`{"@graph": [], "@graph": []}`, ld.Strays{}, false},
		{`{"@context": {"a": 1, "a": 2}, "@graph": [{}]}`, ld.Strays{}, false},
		{`[{}] x`, ld.Strays{}, false},
		{`[{}, `, ld.Strays{}, false},
		{``, ld.Strays{}, false},
	} {
		got, ok := ld.ScanStrays(strings.NewReader(tt.doc))
		if got != tt.want || ok != tt.ok {
			t.Errorf("ScanStrays(%s) = %+v, %v; want %+v, %v", tt.doc, got, ok, tt.want, tt.ok)
		}
	}
}

// What ReadLeavingOut reads converts as what Read reads does in every
// format, with the same errors (at the same pointers) and drops under
// Options.Lenient; DecodeLeavingOut, which reads the text as it goes,
// reads the same.
func TestReadLeavingOutConvertsAsRead(t *testing.T) {
	p := ld.NewProcessor(ld.Config{})
	docs := []string{
		`{"@context": "https://schema.org", "@graph": [{}, 2, "x", {"@type": "Movie", "name": "x"}, {}, null, [3, {}], {"@type": "Movie", "duration": 1e400}]}`,
		`{"@context": "https://schema.org", "@graph": [{}, {}, {"@type": "Movie", "name": "x", "@tpye": "y"}, [{}, {}, {"@type": "Movie", "name": "z", "@tpye": "y"}]]}`,
		`[{}, [], 7, {"@context": "https://schema.org", "@type": "Movie", "name": "x"}, {"@context": "https://schema.org"}, {}]`,
		`[{}, {}, {"a": 1}]`, `[{}, {"a": 1}, 1e400]`, `[1, {"a": 1}, 1e400]`,
		`{"@context": "https://schema.org", "@graph": [1, 2, 1e400, 3]}`,
	}
	formats := []ld.Format{ld.FormatNQuads, ld.FormatCanonical, ld.FormatJSONLD, ld.FormatExpanded, ld.FormatFlattened, ld.FormatTurtle}
	for _, doc := range docs {
		whole, err := p.Read(strings.NewReader(doc), "doc.jsonld", ld.InputJSONLD)
		if err != nil {
			t.Fatal(err)
		}
		left, err := p.ReadLeavingOut(strings.NewReader(doc), "doc.jsonld")
		if err != nil {
			t.Fatal(err)
		}
		decoded, err := ld.DecodeLeavingOut(strings.NewReader(doc))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range formats {
			for _, lenient := range []bool{false, true} {
				write := func(d any) string {
					opts := ld.Options{}
					if lenient {
						opts.Lenient = &ld.Dropped{}
					}
					var b bytes.Buffer
					err := p.Write(&b, d, f, opts)
					out := b.String()
					if err != nil {
						out = "error: " + err.Error()
					}
					if lenient {
						for _, d := range opts.Lenient.Drops() {
							out += "\ndropped: " + d.String()
						}
					}
					return out
				}
				want := write(whole[0])
				if got := write(left[0]); got != want {
					t.Errorf("%s, %v, lenient %v: ReadLeavingOut's:\n%s\nRead's:\n%s", doc, f, lenient, got, want)
				}
				if got := write(decoded); got != want {
					t.Errorf("%s, %v, lenient %v: DecodeLeavingOut's:\n%s\nRead's:\n%s", doc, f, lenient, got, want)
				}
			}
		}
	}
}

// Arrays nested deeper than the JSON reader takes end the scan (the
// reading then refuses them, naming the place), in memory that does not
// grow with the square of the depth: the pointers made at each of 50,000
// levels took 2.5 GB and 28 s where the reading refused the text at once.
func TestScanStraysDeepNesting(t *testing.T) {
	const n = 50000
	text := strings.Repeat("[", n) + strings.Repeat("]", n)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, ok := ld.ScanStrays(strings.NewReader(text))
	runtime.ReadMemStats(&after)
	if ok {
		t.Errorf("%d nested arrays scanned as ok", n)
	}
	if got := after.TotalAlloc - before.TotalAlloc; got > 8<<20 {
		t.Errorf("the scan of %d nested arrays allocated %d MB", n, got>>20)
	}
	deep := strings.Repeat("[", 300) + "1" + strings.Repeat("]", 300)
	s, ok := ld.ScanStrays(strings.NewReader(`[{"@id": "urn:x", "urn:p": 1}, ` + deep + `]`))
	if want := "/1" + strings.Repeat("/0", 300); !ok || s.First != want {
		t.Errorf("a value 300 arrays down: first stray at %q, ok %v; want %q", s.First, ok, want)
	}
}
