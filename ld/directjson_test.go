package ld_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/film2ld/film2ld/ld"
)

// directJSONCases are documents in the rendered view's shape (short: the
// short path must take them) and outside it (json-gold's path must), each
// for what it tests.
var directJSONCases = []struct {
	name  string
	short bool
	doc   string
}{
	{"person in two roles: embedded at the last", true, `{"@context": "https://schema.org", "@graph": [
		{"@id": "urn:x:m", "@type": "Movie", "name": "M", "author": {"@id": "urn:x:p"}, "director": {"@id": "urn:x:p"}, "actor": [{"@id": "urn:x:q"}, {"@id": "urn:x:p"}]},
		{"@id": "urn:x:p", "@type": "Person", "name": "P"},
		{"@id": "urn:x:q", "@type": "Person", "name": "Q", "knows": {"@id": "urn:x:p"}}]}`},
	{"reference moved to the end of its array", true, `{"@context": "https://schema.org", "@graph": [
		{"@id": "urn:x:m", "@type": "Movie", "actor": [{"@id": "urn:x:p"}, {"@id": "urn:x:q"}, {"@id": "urn:x:r"}], "director": {"@id": "urn:x:p"}},
		{"@id": "urn:x:p", "@type": "Person", "name": "P"},
		{"@id": "urn:x:q", "@type": "Person", "name": "Q"},
		{"@id": "urn:x:r", "@type": "Person", "name": "R"}]}`},
	{"nested reviews sharing authors", true, `{"@context": "https://schema.org", "@graph": [
		{"@id": "urn:x:m", "@type": "Movie", "review": [
			{"@type": "Review", "reviewBody": "a", "author": {"@id": "urn:x:c"}, "reviewRating": {"@type": "Rating", "ratingValue": 8, "bestRating": 10}},
			{"@type": "Review", "reviewBody": "b", "author": {"@id": "urn:x:c"}, "reviewRating": {"@type": "Rating", "ratingValue": 7}},
			{"@type": "Review", "reviewBody": "c", "author": {"@id": "urn:x:d", "@type": "Person", "name": "D"}}]},
		{"@id": "urn:x:c", "@type": "Person", "name": "C"}]}`},
	{"merged nodes, duplicate values, several types", true, `{"@context": "https://schema.org", "@graph": [
		{"@id": "urn:x:m", "@type": ["Movie", "CreativeWork"], "name": ["M", "M", "N"], "genre": "Drama"},
		{"@id": "urn:x:m", "@type": "Movie", "name": "O", "genre": ["Drama", "War"], "dateCreated": "2011-01-02"}]}`},
	{"duplicates in a long list", true, `{"@context": "https://schema.org", "@graph": [
		{"@id": "urn:x:m", "@type": "Movie", "genre": ["g0", "g1", "g2", "g3", "g4", "g5", "g6", "g7", "g8", "g9", "g10", "g11", "g12", "g13", "g14", "g15", "g16", "g17", "g18", "g19", "g3", "g17", "g19"]},
		{"@id": "urn:x:m", "genre": ["g18", "g20", "g0"]}]}`},
	{"numbers and text to escape", true, `{"@context": "https://schema.org", "@graph": [
		{"@id": "urn:x:m", "@type": "Movie", "name": "</script><!-- & \u2028\u2029 映画 🎬 \"q\" \\ \t",
		 "aggregateRating": {"@type": "AggregateRating", "ratingValue": 8.0, "ratingCount": 5, "worstRating": -0, "bestRating": 100, "reviewCount": 123456789}}]}`},
	// The RDF short path, whose checks this one relies on, leaves
	// fractions and integers past 2^53 (xsd:double literals) to json-gold.
	{"large number", false, `{"@context": "https://schema.org", "@graph": [
		{"@id": "urn:x:m", "@type": "Movie", "aggregateRating": {"@type": "AggregateRating", "ratingCount": 1e21}}]}`},
	{"fraction", false, `{"@context": "https://schema.org", "@graph": [
		{"@id": "urn:x:m", "@type": "Movie", "aggregateRating": {"@type": "AggregateRating", "ratingValue": 8.5}}]}`},
	{"url naming a node", true, `{"@context": "https://schema.org", "@graph": [
		{"@id": "urn:x:m", "@type": "Movie", "url": "https://example.org/page", "sameAs": ["https://example.org/a", "https://example.org/b"], "subjectOf": {"@id": "https://example.org/page"}},
		{"@id": "https://example.org/page", "@type": "WebPage", "name": "page"}]}`},
	{"two movies, one referenced", true, `{"@context": "https://schema.org", "@graph": [
		{"@id": "urn:x:m", "@type": "Movie", "name": "M", "isBasedOn": {"@id": "urn:x:n"}},
		{"@id": "urn:x:n", "@type": "Movie", "name": "N"}]}`},
	{"two roots", true, `{"@context": "https://schema.org", "@graph": [
		{"@id": "urn:x:m", "@type": "Movie", "name": "M"},
		{"@id": "urn:x:n", "@type": "Movie", "name": "N"}]}`},
	{"movie in a cycle", true, `{"@context": "https://schema.org", "@graph": [
		{"@id": "urn:x:m", "@type": "Movie", "name": "M", "review": {"@id": "urn:x:r"}},
		{"@id": "urn:x:r", "@type": "Review", "itemReviewed": {"@id": "urn:x:m"}}]}`},
	{"empty arrays: no property", true, `{"@context": "https://schema.org", "@graph": [
		{"@id": "urn:x:m", "@type": "Movie", "name": "M", "genre": [], "sameAs": [], "actor": {"@type": "Person", "knows": []}}]}`},
	{"merged node, references before and after", true, `{"@context": "https://schema.org", "@graph": [
		{"@id": "urn:x:m", "@type": "Movie", "actor": [{"@id": "urn:x:p"}, {"@id": "urn:x:q", "name": "Q", "knows": {"@id": "urn:x:p"}}], "director": "urn:x:p"},
		{"@id": "urn:x:p", "@type": "Person", "name": "P", "knows": {"@id": "urn:x:m"}},
		{"@id": "urn:x:p", "name": ["P", "P2"], "url": "https://example.org/p"}]}`},
	{"blank movie", true, `{"@context": "https://schema.org", "@graph": [
		{"@type": "Movie", "name": "M", "actor": {"@id": "urn:x:p", "@type": "Person"}}]}`},

	{"blank node in a node embedded twice", false, `{"@context": "https://schema.org", "@graph": [
		{"@id": "urn:x:m", "@type": "Movie", "author": {"@id": "urn:x:p"}, "director": {"@id": "urn:x:p"}},
		{"@id": "urn:x:p", "@type": "Person", "address": {"@type": "PostalAddress", "addressLocality": "L"}}]}`},
	{"explicit blank node label", false, `{"@context": "https://schema.org", "@graph": [
		{"@id": "urn:x:m", "@type": "Movie", "author": {"@id": "_:a"}}, {"@id": "_:a", "name": "A"}]}`},
	{"schema.org node IRI", false, `{"@context": "https://schema.org", "@graph": [
		{"@id": "http://schema.org/film/x", "@type": "Movie", "name": "M"}]}`},
	{"undefined term", false, `{"@context": "https://schema.org", "@graph": [
		{"@id": "urn:x:m", "@type": "Movie", "notASchemaOrgTerm": "x"}]}`},
	{"unknown type", false, `{"@context": "https://schema.org", "@graph": [
		{"@id": "urn:x:m", "@type": ["Movie", "NotAType"]}]}`},
	{"language", true, `{"@context": "https://schema.org", "@graph": [
		{"@id": "urn:x:m", "@type": "Movie", "name": {"@value": "M", "@language": "en"}}]}`},
	{"languages and a string", true, `{"@context": "https://schema.org", "@graph": [
		{"@id": "urn:x:m", "@type": "Movie", "name": [{"@value": "M", "@language": "EN-gb"}, "M", {"@value": "M", "@language": "en-GB"}, {"@value": "Mé\u0000", "@language": "fr"}],
		"review": {"@type": "Review", "reviewBody": {"@value": "Bien.", "@language": "fr"}}}]}`},
	{"typed value object", false, `{"@context": "https://schema.org", "@graph": [
		{"@id": "urn:x:m", "@type": "Movie", "dateCreated": {"@value": "2010", "@type": "Date"}}]}`},
	{"language and direction", false, `{"@context": "https://schema.org", "@graph": [
		{"@id": "urn:x:m", "@type": "Movie", "name": {"@value": "M", "@language": "ar", "@direction": "rtl"}}]}`},
	{"language under an @id key", false, `{"@context": "https://schema.org", "@graph": [
		{"@id": "urn:x:m", "@type": "Movie", "url": {"@value": "M", "@language": "en"}}]}`},
	{"relative IRI", false, `{"@context": "https://schema.org", "@graph": [
		{"@id": "m", "@type": "Movie"}]}`},
	{"number under an IRI term", false, `{"@context": "https://schema.org", "@graph": [
		{"@id": "urn:x:m", "@type": "Movie", "url": 1}]}`},
	{"unreachable node", false, `{"@context": "https://schema.org", "@graph": [
		{"@id": "urn:x:m", "@type": "Movie"}, {"@id": "urn:x:r", "@type": "Review", "itemReviewed": {"@id": "urn:x:m"}}]}`},
	{"no movie", false, `{"@context": "https://schema.org", "@graph": [{"@id": "urn:x:p", "@type": "Person", "name": "P"}]}`},
	{"null", false, `{"@context": "https://schema.org", "@graph": [{"@id": "urn:x:m", "@type": "Movie", "name": null}]}`},
	{"other context", false, `{"@context": {"@vocab": "http://schema.org/"}, "@graph": [{"@id": "urn:x:m", "@type": "Movie"}]}`},
}

// TestWriteDirectJSON: the web snippet's short path gives json-gold's bytes
// (and errors) on documents in the rendered view's shape and outside it,
// and is taken exactly where the cases say.
func TestWriteDirectJSON(t *testing.T) {
	p := ld.NewProcessor(ld.Config{})
	for _, tt := range directJSONCases {
		for _, f := range []ld.Format{ld.FormatJSONLD, ld.FormatHTML} {
			decode := func() any { return decodeJSON(t, tt.doc) }
			opts := ld.Options{Root: "Movie"}
			if got := p.CanWriteDirectJSON(decode(), f, opts); got != tt.short {
				t.Errorf("%s %s: short path taken %v, want %v", tt.name, f, got, tt.short)
			}
			checkNarrowerThanRDF(t, p, tt.name, decode())
			var direct, general bytes.Buffer
			errDirect := p.WriteDirectJSON(&direct, decode(), f, opts)
			errGeneral := p.Write(&general, decode(), f, opts)
			if fmt.Sprint(errDirect) != fmt.Sprint(errGeneral) || direct.String() != general.String() {
				t.Errorf("%s %s: WriteDirectJSON gave\n%s%v\nWrite gave\n%s%v", tt.name, f, direct.String(), errDirect, general.String(), errGeneral)
			}
		}
	}
	// Options outside the short path: no root, a root IRI, other formats.
	doc := map[string]any{"@context": "https://schema.org", "@graph": []any{map[string]any{"@id": "urn:x:m", "@type": "Movie"}}}
	for _, c := range []struct {
		f    ld.Format
		opts ld.Options
	}{{ld.FormatJSONLD, ld.Options{}}, {ld.FormatJSONLD, ld.Options{Root: "http://schema.org/Movie"}}, {ld.FormatNQuads, ld.Options{Root: "Movie"}}, {ld.FormatExpanded, ld.Options{Root: "Movie"}}} {
		if p.CanWriteDirectJSON(doc, c.f, c.opts) {
			t.Errorf("%s %+v: short path taken", c.f, c.opts)
		}
	}
}

// checkNarrowerThanRDF requires the web snippet's short path to take doc
// only where the RDF short path takes it: the snippet's walk makes the RDF
// walk's checks itself (so that errors stay Write's) rather than running
// it, and a check the RDF walk adds must reach it too.
func checkNarrowerThanRDF(t *testing.T, p *ld.Processor, name string, doc any) {
	t.Helper()
	opts := ld.Options{Root: "Movie"}
	if p.CanWriteDirectJSON(doc, ld.FormatJSONLD, opts) && !p.CanWriteDirect(doc, ld.FormatNQuads, opts) {
		b, _ := json.Marshal(doc)
		t.Errorf("%s: the snippet's short path takes a document the RDF short path refuses: %s", name, b)
	}
}

// FuzzWriteDirectJSON builds documents in and near the rendered view's
// shape from the fuzzer's bytes (nodes of a few types, IRI and blank,
// referring to each other through plain, @id-coerced and typed keys, with
// shared and repeated values, text in languages) and requires the short path to give
// json-gold's bytes and errors.
func FuzzWriteDirectJSON(f *testing.F) {
	f.Add([]byte("\x03\x00\x01\x02\x05\x11\x22\x33\x44\x55\x66\x77"))
	f.Add([]byte("movie-director-author-review"))
	f.Add([]byte{0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4, 5, 5, 5, 6, 6, 6, 7, 7, 7, 8, 8, 8, 9, 9, 9})
	keys := []string{"name", "author", "director", "actor", "url", "sameAs", "genre", "dateCreated", "review", "knows", "address", "ratingValue", "subjectOf", "isBasedOn"}
	types := []string{"Movie", "Person", "Review", "Organization", "PostalAddress", "Rating"}
	texts := []string{"a", "b", "</script>", "é\u2028", "https://example.org/p1", "2011-01-02", "", "http://x/%zz", "x:y#%zz"}
	p := ld.NewProcessor(ld.Config{})
	f.Fuzz(func(t *testing.T, data []byte) {
		pos := 0
		next := func() int {
			if pos >= len(data) {
				return 0
			}
			pos++
			return int(data[pos-1])
		}
		id := func(i int) string { return fmt.Sprintf("urn:x:n%d", i%5) }
		if i := next(); i%7 == 6 {
			id = func(i int) string { return fmt.Sprintf("https://example.org/p%d", i%5) }
		}
		var value func(depth int) any
		node := func(depth int, withID bool) map[string]any {
			n := map[string]any{"@type": types[next()%len(types)]}
			if withID {
				n["@id"] = id(next())
			}
			for range next() % 4 {
				k := keys[next()%len(keys)]
				if next()%3 == 0 {
					n[k] = []any{value(depth + 1), value(depth + 1)}
				} else {
					n[k] = value(depth + 1)
				}
			}
			return n
		}
		value = func(depth int) any {
			switch c := next() % 7; {
			case c == 0:
				return texts[next()%len(texts)]
			case c == 5:
				// text in a language, its tag in either case
				return map[string]any{"@value": texts[next()%len(texts)], "@language": []string{"en", "EN", "fr-BE", "x_bad"}[next()%4]}
			case c == 1:
				return next() % 11
			case c == 2:
				return map[string]any{"@id": id(next())}
			case c == 3 && depth < 3:
				return node(depth, next()%2 == 0)
			case c == 4:
				return id(next())
			}
			return next()%2 == 0
		}
		graph := []any{map[string]any{"@id": id(0), "@type": "Movie", "name": "M", "actor": value(1)}}
		var refs []any
		for range next() % 5 {
			n := node(0, true)
			graph = append(graph, n)
			refs = append(refs, map[string]any{"@id": n["@id"]})
		}
		if next()%4 != 0 {
			// mostly reachable, so that the short path is taken
			graph[0].(map[string]any)["subjectOf"] = refs
		}
		if next()%2 == 1 {
			// a list of blank nodes, which a processor holding none of
			// a sequence's items builds again as it writes them
			var reviews []any
			for range 2 + next()%3 {
				reviews = append(reviews, node(1, false))
			}
			graph[0].(map[string]any)["review"] = reviews
		}
		doc := func() any {
			b, _ := json.Marshal(map[string]any{"@context": "https://schema.org", "@graph": graph})
			var v any
			_ = json.Unmarshal(b, &v)
			return v
		}
		if testing.Verbose() && p.CanWriteDirectJSON(doc(), ld.FormatJSONLD, ld.Options{Root: "Movie"}) {
			t.Log("short path")
		}
		checkNarrowerThanRDF(t, p, "fuzz", doc())
		for _, format := range []ld.Format{ld.FormatJSONLD, ld.FormatHTML} {
			opts := ld.Options{Root: "Movie"}
			var direct, general bytes.Buffer
			errDirect := p.WriteDirectJSON(&direct, doc(), format, opts)
			errGeneral := p.Write(&general, doc(), format, opts)
			if fmt.Sprint(errDirect) != fmt.Sprint(errGeneral) || direct.String() != general.String() {
				b, _ := json.Marshal(doc())
				t.Fatalf("%s: %s\nWriteDirectJSON gave\n%s%v\nWrite gave\n%s%v", format, b, direct.String(), errDirect, general.String(), errGeneral)
			}
			// The top-level arrays as sequences, none of their items
			// held (ld.Config.HeldItems).
			var lazy bytes.Buffer
			errLazy := noneHeld.WriteDirectJSON(&lazy, sequenced(doc()), format, opts)
			if fmt.Sprint(errLazy) != fmt.Sprint(errGeneral) || lazy.String() != general.String() {
				b, _ := json.Marshal(doc())
				t.Fatalf("%s, none held: %s\nWriteDirectJSON gave\n%s%v\nWrite gave\n%s%v", format, b, lazy.String(), errLazy, general.String(), errGeneral)
			}
		}
	})
}

// directJSONRDFCases are documents the snippet's walk must refuse because
// the RDF short path does, whose checks it makes itself: each would
// differ from json-gold's path or its error if taken.
var directJSONRDFCases = []struct{ name, doc string }{
	{"null @id", `{"@context": "https://schema.org", "@graph": [{"@id": null, "@type": "Movie", "name": "M"}]}`},
	// (decoding turns it into U+FFFD: the test puts it in as Go bytes)
	{"unpaired surrogate", `{"@context": "https://schema.org", "@graph": [{"@id": "urn:x:m", "@type": "Movie", "name": "SURROGATE"}]}`},
	{"IRI with a space", `{"@context": "https://schema.org", "@graph": [{"@id": "urn:x:m", "@type": "Movie", "url": "https://example.org/a b"}]}`},
	{"IRI with two fragments", `{"@context": "https://schema.org", "@graph": [{"@id": "urn:x:m#a#b", "@type": "Movie"}]}`},
	{"compact IRI", `{"@context": "https://schema.org", "@graph": [{"@id": "schema:m", "@type": "Movie"}]}`},
	{"third key", `{"@context": "https://schema.org", "@id": "urn:x:g", "@graph": [{"@id": "urn:x:m", "@type": "Movie"}]}`},
	{"named graph", `{"@context": "https://schema.org", "@graph": [{"@id": "urn:x:m", "@type": "Movie", "@graph": [{"@id": "urn:x:p", "name": "P"}]}]}`},
	{"integer past 2^53", `{"@context": "https://schema.org", "@graph": [{"@id": "urn:x:m", "@type": "Movie", "aggregateRating": {"@type": "AggregateRating", "ratingCount": 9007199254740993}}]}`},
}

// TestWriteDirectJSONNarrowerThanRDF: documents the RDF short path refuses
// take json-gold's path for the snippet too, with its bytes and errors.
func TestWriteDirectJSONNarrowerThanRDF(t *testing.T) {
	p := ld.NewProcessor(ld.Config{})
	for _, tt := range directJSONRDFCases {
		decode := func() any {
			var doc any
			if err := json.Unmarshal([]byte(tt.doc), &doc); err != nil {
				t.Fatalf("%s: %v", tt.name, err)
			}
			m := doc.(map[string]any)["@graph"].([]any)[0].(map[string]any)
			if m["name"] == "SURROGATE" {
				m["name"] = "\xed\xa0\x80"
			}
			return doc
		}
		opts := ld.Options{Root: "Movie"}
		if p.CanWriteDirectJSON(decode(), ld.FormatJSONLD, opts) {
			t.Errorf("%s: the snippet's short path took it", tt.name)
		}
		var direct, general bytes.Buffer
		errDirect := p.WriteDirectJSON(&direct, decode(), ld.FormatJSONLD, opts)
		errGeneral := p.Write(&general, decode(), ld.FormatJSONLD, opts)
		if fmt.Sprint(errDirect) != fmt.Sprint(errGeneral) || direct.String() != general.String() {
			t.Errorf("%s: WriteDirectJSON gave\n%s%v\nWrite gave\n%s%v", tt.name, direct.String(), errDirect, general.String(), errGeneral)
		}
	}
}

// errWriter fails every write.
type errWriter struct{ err error }

func (w errWriter) Write([]byte) (int, error) { return 0, w.err }

// TestWriteDirectJSONWriteError: the short path returns the writer's
// error, in both formats.
func TestWriteDirectJSONWriteError(t *testing.T) {
	p := ld.NewProcessor(ld.Config{})
	full := fmt.Errorf("disk full")
	for _, f := range []ld.Format{ld.FormatJSONLD, ld.FormatHTML} {
		var doc any
		if err := json.Unmarshal([]byte(directJSONCases[0].doc), &doc); err != nil {
			t.Fatal(err)
		}
		if !p.CanWriteDirectJSON(doc, f, ld.Options{Root: "Movie"}) {
			t.Fatalf("%s: the short path refused %s", f, directJSONCases[0].name)
		}
		if err := p.WriteDirectJSON(errWriter{full}, doc, f, ld.Options{Root: "Movie"}); err != full {
			t.Errorf("%s: got %v, want %v", f, err, full)
		}
	}
}
