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
	{"value object", false, `{"@context": "https://schema.org", "@graph": [
		{"@id": "urn:x:m", "@type": "Movie", "name": {"@value": "M", "@language": "en"}}]}`},
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
			decode := func() any {
				var doc any
				if err := json.Unmarshal([]byte(tt.doc), &doc); err != nil {
					t.Fatalf("%s: %v", tt.name, err)
				}
				return doc
			}
			opts := ld.Options{Root: "Movie"}
			if got := p.CanWriteDirectJSON(decode(), f, opts); got != tt.short {
				t.Errorf("%s %s: short path taken %v, want %v", tt.name, f, got, tt.short)
			}
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

// FuzzWriteDirectJSON builds documents in and near the rendered view's
// shape from the fuzzer's bytes (nodes of a few types, IRI and blank,
// referring to each other through plain, @id-coerced and typed keys, with
// shared and repeated values) and requires the short path to give
// json-gold's bytes and errors.
func FuzzWriteDirectJSON(f *testing.F) {
	f.Add([]byte("\x03\x00\x01\x02\x05\x11\x22\x33\x44\x55\x66\x77"))
	f.Add([]byte("movie-director-author-review"))
	f.Add([]byte{0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4, 5, 5, 5, 6, 6, 6, 7, 7, 7, 8, 8, 8, 9, 9, 9})
	keys := []string{"name", "author", "director", "actor", "url", "sameAs", "genre", "dateCreated", "review", "knows", "address", "ratingValue", "subjectOf", "isBasedOn"}
	types := []string{"Movie", "Person", "Review", "Organization", "PostalAddress", "Rating"}
	texts := []string{"a", "b", "</script>", "é\u2028", "https://example.org/p1", "2011-01-02", ""}
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
			switch c := next() % 6; {
			case c == 0:
				return texts[next()%len(texts)]
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
		doc := func() any {
			b, _ := json.Marshal(map[string]any{"@context": "https://schema.org", "@graph": graph})
			var v any
			_ = json.Unmarshal(b, &v)
			return v
		}
		if testing.Verbose() && p.CanWriteDirectJSON(doc(), ld.FormatJSONLD, ld.Options{Root: "Movie"}) {
			t.Log("short path")
		}
		for _, format := range []ld.Format{ld.FormatJSONLD, ld.FormatHTML} {
			opts := ld.Options{Root: "Movie"}
			var direct, general bytes.Buffer
			errDirect := p.WriteDirectJSON(&direct, doc(), format, opts)
			errGeneral := p.Write(&general, doc(), format, opts)
			if fmt.Sprint(errDirect) != fmt.Sprint(errGeneral) || direct.String() != general.String() {
				b, _ := json.Marshal(doc())
				t.Fatalf("%s: %s\nWriteDirectJSON gave\n%s%v\nWrite gave\n%s%v", format, b, direct.String(), errDirect, general.String(), errGeneral)
			}
		}
	})
}
