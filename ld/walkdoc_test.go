package ld

import (
	"bytes"
	"maps"
	"os"
	"slices"
	"strings"
	"testing"

	jld "github.com/piprate/json-gold/ld"

	"github.com/film2ld/film2ld/ld/internal/largetest"
)

// walkedDocs are documents for WriteWalked beyond the differential
// inputs: nodes at the top, numbers of every kind (as Read decodes them,
// json.Number), named graphs at the top, and what must decline.
var walkedDocs = map[string]string{
	// A page's blocks under its <base> (withPageBase gives every node
	// the context): references with no ":" resolved against it.
	"page base": `[{"@context": ["https://schema.org", {"@base": "https://films.example/a/b/page.html?x=1#top"}], "@type": "Movie", "@id": "m/1",
		"name": "A", "url": ["../u", "?q", "#f", "//host/x", "", ".", "./c;p?q#r", "/abs"], "sameAs": "https://other.example/m",
		"director": {"@type": "Person", "@id": "../people/dee", "name": "Dee", "image": "img/dee.jpg"}},
		{"@context": ["http://schema.org/", {"@base": "https://films.example/a/b/page.html?x=1#top"}], "@type": "Person", "@id": "../people/dee", "name": "Dee"}]`,
	"page base node": `{"@context": ["https://schema.org", {"@base": "http://films.example"}], "@type": "Movie", "name": "B", "url": "film", "review": {"@type": "Review", "@id": "#r1", "author": {"@id": "p"}}}`,
	// Left to the general path: two bases, a relative one, a base that
	// is not hierarchical.
	"page bases differ": `[{"@context": ["https://schema.org", {"@base": "https://a.example/"}], "@id": "x", "name": "A"},
		{"@context": ["https://schema.org", {"@base": "https://b.example/"}], "@id": "x", "name": "B"}]`,
	"page base relative":   `[{"@context": ["https://schema.org", {"@base": "rel/"}], "@id": "https://a.example/x", "name": "A"}]`,
	"page base keyword id": `{"@context": ["https://schema.org", {"@base": "https://a.example/"}], "@id": "@foo", "name": "A", "url": "@bar"}`,
	"page base urn":        `{"@context": ["https://schema.org", {"@base": "urn:x:y"}], "@id": "#f", "name": "A"}`,
	"node at the top": `{"@context": "https://schema.org", "@type": "Movie", "@id": "urn:x:film", "name": "A",
		"review": [{"@type": "Review", "author": {"@type": "Person", "name": "Ann"}, "reviewBody": "Good.",
			"reviewRating": {"@type": "Rating", "ratingValue": 8.2, "bestRating": 10, "worstRating": 0}},
			{"@type": "Review", "author": {"@id": "urn:x:p2", "@type": "Person", "name": "Bo"},
			"reviewRating": {"@type": "Rating", "ratingValue": 7, "bestRating": 1e1}}],
		"aggregateRating": {"@type": "AggregateRating", "ratingValue": 86.25, "ratingCount": 20000, "bestRating": 100}}`,
	// A web snippet as export writes one: a Movie at the top with no
	// @id, one person writing two reviews (embedded at the last, by
	// @last framing), ratings.
	"snippet": `{"@context": "https://schema.org", "@type": "Movie", "name": "A", "dateCreated": "2010",
		"director": {"@id": "urn:x:p1", "@type": "Person", "name": "Dee"},
		"review": [{"@type": "Review", "author": {"@id": "urn:x:p2", "@type": "Person", "name": "Ann"}, "reviewBody": "Good.",
			"reviewRating": {"@type": "Rating", "ratingValue": 8, "bestRating": 10}},
			{"@type": "Review", "author": {"@id": "urn:x:p2"}, "reviewBody": "Again."}],
		"aggregateRating": {"@type": "AggregateRating", "ratingValue": 86, "ratingCount": 20000, "bestRating": 100}}`,
	// The same with the Movie named, as a film's snippet is; and named,
	// but referred to by a review, which Write then compacts unframed.
	"named snippet": `{"@context": "https://schema.org", "@id": "urn:x:m", "@type": ["Movie", "CreativeWork"], "name": "A",
		"review": [{"@type": "Review", "author": {"@id": "urn:x:p2", "@type": "Person", "name": "Ann"}}, {"@type": "Review", "author": {"@id": "urn:x:p2"}}],
		"sameAs": "https://films.example/m"}`,
	"snippet referred to": `{"@context": "https://schema.org", "@id": "urn:x:m", "@type": "Movie", "name": "A",
		"review": {"@type": "Review", "itemReviewed": {"@id": "urn:x:m"}, "author": {"@type": "Person", "name": "Ann"}}}`,
	"snippet referred to by url": `{"@context": "https://schema.org", "@id": "urn:x:m", "@type": "Movie", "name": "A",
		"review": {"@type": "Review", "url": "urn:x:m"}}`,
	// Flattened JSON-LD of a film: every node at the top, its blank
	// nodes labelled and referred to once; framed on the only node no
	// other refers to. Then what Write does not frame, or frames with a
	// label it writes: a blank node referred to twice, one described
	// nowhere, two nodes nothing refers to.
	// No root to frame on: Write compacts them as they are, and the walk
	// compacts them a node at a time (writeCompactedNodes).
	"rootless catalogue": `{"@context": "https://schema.org", "@graph": [
		{"@id": "urn:x:m1", "@type": "Movie", "name": "A", "director": {"@type": "Person", "name": "Dee", "knows": {"@id": "urn:x:p"}}},
		{"@id": "urn:x:m2", "@type": ["Movie", "CreativeWork"], "name": [{"@value": "B", "@language": "en"}, "Bee"], "dateCreated": "2001"},
		{"@id": "urn:x:p", "@type": "Person", "name": "Pat"},
		{"@id": "urn:x:m1", "genre": "Drama"},
		{"@id": "urn:x:only"},
		{"@id": "_:r", "@type": "Review", "reviewBody": "Labelled <b>&</b>", "reviewRating": {"@type": "Rating", "ratingValue": 3, "bestRating": "5"}}]}`,
	"rootless, anonymous at the top": `{"@context": "https://schema.org", "@graph": [{"@type": "Organization", "name": "O"}, {"@type": "WebSite", "name": "W"}]}`,
	"rootless array": `[{"@context": "https://schema.org", "@type": "Movie", "@id": "urn:x:a", "name": "A"},
		{"@context": "http://schema.org/", "@type": "Movie", "@id": "urn:x:b", "name": "B", "sameAs": "https://films.example/b"}]`,
	"rootless, one untyped node":  `{"@context": "https://schema.org", "@graph": [{"@id": "urn:x:a", "name": "A", "url": "https://films.example/a"}]}`,
	"rootless, nothing but @ids":  `{"@context": "https://schema.org", "@graph": [{"@id": "urn:x:a"}, {"@id": "urn:x:b"}]}`,
	"rootless, one left of three": `{"@context": "https://schema.org", "@graph": [{"@id": "urn:x:a"}, {"@id": "urn:x:b", "name": "B"}, {"@id": "urn:x:c"}]}`,
	"rootless, each refers":       `{"@context": "https://schema.org", "@graph": [{"@id": "urn:x:a", "@type": "Person", "knows": {"@id": "urn:x:b"}}, {"@id": "urn:x:b", "@type": "Person", "knows": {"@id": "urn:x:a"}}]}`,
	// What a node map shed part way (buildAuto) must decide as the
	// whole one: a root that only the last node makes (the others then
	// referred to), nested nodes and labelled ones referring back, and
	// shapes the short path leaves to the general one (a list,
	// @reverse, a named graph, a value with a type).
	"rootless until the last": `{"@context": "https://schema.org", "@graph": [
		{"@id": "urn:x:m1", "@type": "Movie", "name": "A", "director": {"@type": "Person", "name": "Dee"}},
		{"@id": "urn:x:m2", "@type": "Movie", "name": "B", "director": {"@type": "Person", "name": "Dee"}},
		{"@id": "_:m3", "@type": "Movie", "name": "C"},
		{"@id": "urn:x:list", "@type": "ItemList", "itemListElement": [{"@id": "urn:x:m1"}, {"@id": "urn:x:m2"}, {"@id": "_:m3"}]}]}`,
	"rootless, referring back": `{"@context": "https://schema.org", "@graph": [
		{"@id": "urn:x:m1", "@type": "Movie", "name": "A"},
		{"@id": "urn:x:m2", "@type": "Movie", "name": "B", "director": {"@type": "Person", "name": "Dee", "knows": {"@id": "_:p"}}},
		{"@id": "_:p", "@type": "Person", "name": "Pat", "knows": {"@id": "urn:x:m1"}},
		{"@type": "Review", "itemReviewed": {"@id": "urn:x:m2"}, "reviewBody": {"@value": "Gut", "@language": "de"}}]}`,
	"rootless, a list":        `{"@context": "https://schema.org", "@graph": [{"@id": "urn:x:a", "@type": "Movie", "name": "A"}, {"@id": "urn:x:b", "@type": "Movie", "actor": {"@list": [{"@type": "Person", "name": "P"}]}}]}`,
	"rootless, @reverse":      `{"@context": "https://schema.org", "@graph": [{"@id": "urn:x:a", "@type": "Movie", "name": "A"}, {"@id": "urn:x:b", "@type": "Person", "@reverse": {"director": {"@id": "urn:x:c", "@type": "Movie"}}}]}`,
	"rootless, a named graph": `{"@context": "https://schema.org", "@graph": [{"@id": "urn:x:a", "@type": "Movie", "name": "A"}, {"@id": "urn:x:b", "@type": "Movie"}, {"@id": "urn:x:g", "@graph": [{"@id": "urn:x:a", "name": "In g"}]}]}`,
	"rootless, a typed value": `{"@context": "https://schema.org", "@graph": [{"@id": "urn:x:a", "@type": "Movie", "datePublished": {"@value": "2001", "@type": "Date"}}, {"@id": "urn:x:b", "@type": "Movie", "dateCreated": "2002", "duration": "PT2H"}]}`,
	"flattened film": `{"@context": "https://schema.org", "@graph": [
		{"@id": "_:b0", "@type": "Movie", "name": "A", "review": [{"@id": "_:b2"}, {"@id": "_:b1"}], "director": {"@id": "urn:x:d"}},
		{"@id": "_:b1", "@type": "Review", "author": {"@id": "urn:x:p"}, "reviewBody": "One."},
		{"@id": "_:b2", "@type": "Review", "author": {"@id": "urn:x:p"}, "reviewBody": {"@value": "Deux.", "@language": "fr"}},
		{"@id": "urn:x:p", "@type": "Person", "name": "Pat"},
		{"@id": "urn:x:d", "@type": "Person", "name": "Dee", "knows": {"@id": "urn:x:p"}}]}`,
	"flattened, a blank node twice": `{"@context": "https://schema.org", "@graph": [
		{"@id": "_:b0", "@type": "Movie", "name": "A", "review": {"@id": "_:b1"}, "subjectOf": {"@id": "_:b1"}},
		{"@id": "_:b1", "@type": "Review", "reviewBody": "One."}]}`,
	"flattened, a blank node described nowhere": `{"@context": "https://schema.org", "@graph": [
		{"@id": "_:b0", "@type": "Movie", "name": "A", "review": {"@id": "_:b9"}}]}`,
	"flattened, two roots": `{"@context": "https://schema.org", "@graph": [
		{"@id": "_:b0", "@type": "Movie", "name": "A"}, {"@id": "_:b1", "@type": "Movie", "name": "B"}]}`,
	"blank node at the top": `{"@context": "https://schema.org", "@type": "Review", "reviewBody": "x",
		"itemReviewed": {"@type": "Movie", "name": "A"}, "reviewRating": {"@type": "Rating", "ratingValue": -0.5}}`,
	"numbers": `{"@context": "https://schema.org", "@graph": [{"@id": "urn:x:a", "http://example.org/p":
		[0.1, 1.0, -0, -0.0, 1e-7, 123456.789, -2.5e-300, 4.9e-324, 9007199254740991, 1E+2, 2.50]}]}`,
	"whole double past 2^53": `{"@context": "https://schema.org", "@id": "urn:x:a", "ratingValue": -2.5e300}`,
	"integer 2^53":           `{"@context": "https://schema.org", "@id": "urn:x:a", "ratingValue": 9007199254740992}`,
	"named graph at the top": `{"@context": "https://schema.org", "@id": "urn:x:g", "@graph": [{"@id": "urn:x:a", "name": "A"}]}`,
	"integer past 2^53":      `{"@context": "https://schema.org", "@id": "urn:x:a", "ratingValue": 9007199254740993}`,
	"number too large":       `{"@context": "https://schema.org", "@id": "urn:x:a", "ratingValue": 1e400}`,
	"number too small":       `{"@context": "https://schema.org", "@id": "urn:x:a", "ratingValue": 1e-400}`,
	"context alone":          `{"@context": "https://schema.org"}`,
	"another context":        `{"@context": {"@vocab": "http://schema.org/"}, "@type": "Movie", "name": "A"}`,
	"an array":               `[{"@context": "https://schema.org", "@type": "Movie", "name": "A"}]`,
	"an array of contexts": `[{"@context": "https://schema.org", "@type": "Movie", "@id": "_:m", "name": "A", "actor": {"@id": "_:p"}},
		{"@context": "http://schema.org/", "@id": "_:p", "@type": "Person", "name": "P"},
		{"@context": "https://schema.org", "@type": "Review", "itemReviewed": {"@id": "_:m"}}]`,
	"an array, one item without a context": `[{"@context": "https://schema.org", "@type": "Movie", "name": "A"}, {"@id": "urn:x:a", "http://schema.org/name": "B"}]`,
	"an array, one item a graph":           `[{"@context": "https://schema.org", "@graph": [{"@type": "Movie", "name": "A"}]}]`,
	"keyword-like key":                     `{"@context": "https://schema.org", "@type": "Movie", "@foo": "A"}`,
	// Labelled blank nodes, as flattened JSON-LD and many published
	// snippets write them: a reference met before the node, a node
	// described in two places, an @id alone at the top (dropped by
	// expansion, so numbered nowhere), a label in a value coerced to
	// @id, anonymous nodes between, a label met only as a reference.
	"labelled blank nodes": `{"@context": "https://schema.org", "@graph": [
		{"@id": "_:b7", "@type": "Movie", "name": "A", "review": [{"@id": "_:r2"}, {"@id": "_:r1"}], "actor": {"@id": "_:p"}},
		{"@id": "_:only"},
		{"@id": "_:r1", "@type": "Review", "author": {"@id": "_:p"}, "reviewBody": "One.", "reviewRating": {"@type": "Rating", "ratingValue": 3}},
		{"@id": "_:r2", "@type": "Review", "author": {"@type": "Person", "name": "Anon"}, "url": "_:elsewhere"},
		{"@id": "_:p", "@type": "Person", "name": "Pat"},
		{"@id": "_:p", "alternateName": "P."},
		{"@id": "urn:x:m2", "sameAs": {"@id": "_:b7"}, "knows": {"@id": "_:never-described"}}]}`,
	"labelled blank node at the top":       `{"@context": "https://schema.org", "@id": "_:top", "@type": "Movie", "name": "A", "director": {"@id": "_:top"}}`,
	"labelled blank node in a named graph": `{"@context": "https://schema.org", "@graph": [{"@id": "urn:x:g", "@graph": [{"@id": "_:a"}, {"@id": "_:b", "knows": {"@id": "_:a"}}, {"@type": "Person"}]}, {"@id": "_:a", "name": "outside"}]}`,
	// schema.org's context under its other URLs, and again on nested
	// nodes, as scraped pages write it; another context nested.
	"http context":             `{"@context": "http://schema.org", "@type": "Movie", "name": "A", "director": {"@type": "Person", "name": "D"}}`,
	"www context with a slash": `{"@context": "https://www.schema.org/", "@graph": [{"@id": "_:m", "@type": "Movie", "name": "A"}, {"@type": "Review", "itemReviewed": {"@id": "_:m"}}]}`,
	"nested contexts": `{"@context": "https://schema.org/", "@type": "Movie", "name": "A",
		"director": {"@context": "http://schema.org", "@type": "Person", "name": "D"},
		"actor": [{"@context": "https://schema.org", "@id": "_:a"}, {"@context": "https://schema.org", "@id": "_:a", "name": "Ann"}]}`,
	"a label alone with a context": `{"@context": "https://schema.org", "@graph": [{"@context": "http://schema.org/", "@id": "_:x"}, {"@type": "Movie", "name": "A"}, {"@id": "_:y", "knows": {"@id": "_:x"}}]}`,
	"another context nested":       `{"@context": "https://schema.org", "@type": "Movie", "director": {"@context": {"name": "http://example.org/name"}, "name": "D"}}`,
	// Expanded JSON-LD, as jsonld.js's expand and export -f expanded
	// write it: no context, full IRIs, values as value objects; an array
	// of nodes, a "@graph" alone, a node alone.
	"expanded": `[{"@id": "_:m", "@type": ["http://schema.org/Movie"], "http://schema.org/name": [{"@value": "A"}],
		"http://schema.org/review": [{"@type": ["http://schema.org/Review"], "http://schema.org/reviewBody": [{"@value": "Good \"x\"."}],
			"http://schema.org/reviewRating": [{"@type": ["http://schema.org/Rating"], "http://schema.org/ratingValue": [{"@value": 8}], "http://schema.org/bestRating": [{"@value": 10.5}]}],
			"http://schema.org/author": [{"@id": "https://films.example/p/ann"}]}],
		"http://schema.org/isFamilyFriendly": [{"@value": true}],
		"http://schema.org/datePublished": [{"@type": "http://schema.org/Date", "@value": "2011-03-22"}],
		"http://schema.org/url": [{"@id": "https://films.example/m"}]},
		{"@id": "https://films.example/p/ann", "@type": ["http://schema.org/Person"], "http://schema.org/name": [{"@value": "Ann"}]},
		{"@id": "_:only"}]`,
	"expanded graph alone":    `{"@graph": [{"@id": "urn:x:a", "@type": ["http://schema.org/Person"], "http://schema.org/knows": [{"@id": "_:b"}]}, {"@id": "_:b", "http://schema.org/name": [{"@value": "B"}]}]}`,
	"expanded node alone":     `{"@id": "urn:x:a", "@type": "http://schema.org/Movie", "http://schema.org/name": {"@value": "A"}}`,
	"expanded named graph":    `[{"@id": "urn:x:g", "@graph": [{"@id": "urn:x:a", "http://schema.org/name": [{"@value": "A"}]}]}]`,
	"no context, a term":      `[{"@id": "urn:x:a", "name": [{"@value": "A"}]}]`,
	"no context, a type":      `[{"@id": "urn:x:a", "@type": ["Movie"], "http://schema.org/name": [{"@value": "A"}]}]`,
	"no context, nested":      `[{"@id": "urn:x:a", "http://schema.org/director": [{"@context": "https://schema.org", "name": "D"}]}]`,
	"expanded with languages": `[{"@id": "urn:x:a", "http://schema.org/name": [{"@value": "A", "@language": "en"}, {"@language": "FR-ca", "@value": "A"}, {"@value": "A"}]}]`,
	// Language-tagged text, as multilingual film data writes titles;
	// their tags in lower case, as expansion writes them; what the
	// general path refuses (a tag not well formed, a direction) or
	// reads otherwise (a language with a type) is its.
	"languages": `{"@context": "https://schema.org", "@type": "Movie", "@id": "urn:x:m",
		"name": [{"@value": "Illégal", "@language": "fr"}, {"@value": "Illegal", "@language": "EN-US"}, "Illegal", {"@value": "Illegal", "@language": "en-us"}],
		"alternateName": {"@value": "Nielegalna", "@language": "pl"}, "director": {"@type": "Person", "name": {"@value": "Olivier", "@language": "fr-BE"}}}`,
	"a language tag not well formed": `{"@context": "https://schema.org", "@id": "urn:x:m", "name": {"@value": "x", "@language": "en_us"}}`,
	"a language and a direction":     `{"@context": "https://schema.org", "@id": "urn:x:m", "name": {"@value": "x", "@language": "ar", "@direction": "rtl"}}`,
	"a language and a type":          `{"@context": "https://schema.org", "@id": "urn:x:m", "name": {"@value": "x", "@language": "en", "@type": "Text"}}`,
	"blank node as a graph name":     `{"@context": "https://schema.org", "@graph": [{"@id": "_:g", "@graph": [{"@id": "urn:x:a", "name": "A"}]}]}`,
}

// walkedFormats are the formats WriteWalked writes.
var walkedFormats = []Format{FormatNQuads, FormatCanonical, FormatTurtle, FormatTriG, FormatSPARQLUpdate, FormatExpanded, FormatFlattened, FormatJSONLD, FormatHTML}

// TestWriteWalkedMatchesGeneralPath: for every document the walk takes,
// WriteWalked writes what convert's general path (Union, then Write)
// writes, in each RDF format: the differential inputs (W3C toRdf,
// schema.org's examples, the mapping goldens) and walkedDocs, decoded as
// Read decodes a file. Where it declines, nothing is written.
func TestWriteWalkedMatchesGeneralPath(t *testing.T) {
	t.Parallel() // CPU-bound and independent: runs beside the other differential tests
	inputs := map[string][]byte{}
	for _, in := range diffInputs(t) {
		data, err := os.ReadFile(in.path)
		if err != nil {
			t.Fatal(err)
		}
		inputs[in.name] = data
	}
	for name, doc := range walkedDocs {
		inputs[name] = []byte(doc)
	}
	p := NewProcessor(Config{})
	shedding := NewProcessor(Config{HeldItems: -1})
	walked := map[Format]int{}
	walkedDoc := map[string]bool{}
	for i, name := range slices.Sorted(maps.Keys(inputs)) {
		data := inputs[name]
		_, handWritten := walkedDocs[name]
		read := func() any {
			docs, err := p.Read(bytes.NewReader(data), name, InputJSONLD)
			if err != nil || len(docs) != 1 {
				return nil
			}
			return docs[0]
		}
		if read() == nil {
			continue
		}
		// The general path's union, expanded once for the formats
		// (each writes a copy): expanding it again for each was a third
		// of the test's time.
		union, uerr := p.Union([]any{read()}, Options{})
		for fi, f := range walkedFormats {
			if !handWritten && !largetest.On() && (i+fi)%2 != 0 {
				// A developer's run writes each input of the large
				// corpus in half of the formats, a different half input
				// by input (CI writes all); walkedDocs, whose formats
				// are checked below, in all.
				continue
			}
			doc := read()
			general := func(doc any) ([]byte, error) {
				var out bytes.Buffer
				union, err := p.Union([]any{doc}, Options{})
				if err == nil {
					err = p.Write(&out, union, f, Options{})
				}
				return out.Bytes(), err
			}
			var out bytes.Buffer
			werr := uerr
			if werr == nil {
				werr = p.Write(&out, jld.CloneDocument(union), f, Options{})
			}
			want := out.Bytes()
			var got bytes.Buffer
			ok, err := p.WriteWalked(&got, doc, f, Options{})
			if isCompactJSON(f) {
				// The node map shed from the first item (buildAuto)
				// decides as the whole one does, and writes its bytes.
				var shed bytes.Buffer
				sok, serr := shedding.WriteWalked(&shed, read(), f, Options{})
				if sok != ok || (serr == nil) != (err == nil) || ok && !bytes.Equal(shed.Bytes(), got.Bytes()) {
					t.Errorf("%s, %s: with the node map shed, walked %v (error %v):\n%s\nwith it whole, walked %v (error %v):\n%s", name, f, sok, serr, shed.Bytes(), ok, err, got.Bytes())
				}
			}
			if !ok {
				// (A rootless compact document may decline part way,
				// what it wrote thrown away: see WriteWalked.)
				if got.Len() > 0 && !isCompactJSON(f) || err != nil {
					t.Errorf("%s, %s: declined, yet wrote %d bytes (error %v)", name, f, got.Len(), err)
				}
				// The document, its numbers now doubles, reads the
				// same down the general path. (Errors are compared as
				// errors only: some of json-gold's name the first of a
				// map's keys it meets, which varies from run to run.)
				if after, aerr := general(doc); (aerr == nil) != (werr == nil) || !bytes.Equal(after, want) {
					t.Errorf("%s, %s: declined, and the general path then gives %v\n%s\nwhere the document as read gives %v\n%s", name, f, aerr, after, werr, want)
				}
				continue
			}
			walked[f]++
			walkedDoc[name+" "+f.String()] = true
			switch {
			case (err == nil) != (werr == nil):
				t.Errorf("%s, %s: WriteWalked error %v, the general path's %v", name, f, err, werr)
			case err == nil && !bytes.Equal(got.Bytes(), want):
				t.Errorf("%s, %s: WriteWalked differs from the general path:\n got:\n%s\nwant:\n%s", name, f, got.Bytes(), want)
			}
		}
	}
	for _, f := range walkedFormats {
		if walked[f] < len(walkedDocs)/3 {
			t.Errorf("%s: only %d documents walked", f, walked[f])
		}
	}
	// Labelled blank nodes and schema.org's context under any of its
	// URLs, at the top or nested, are the walk's (flattened output
	// declines a label alone at the top, as it does an IRI alone).
	for name, flat := range map[string]bool{"labelled blank node at the top": true, "http context": true, "www context with a slash": true,
		"nested contexts": true, "labelled blank nodes": false, "labelled blank node in a named graph": false, "a label alone with a context": false,
		"expanded": false, "expanded graph alone": true, "expanded node alone": true, "expanded named graph": true,
		"languages": false, "expanded with languages": false, "an array": true, "an array of contexts": true,
		"page base": true, "page base node": true} {
		for _, f := range walkedFormats {
			// Expanded input to expanded output is the general path's;
			// the compact formats have their list below.
			if f == FormatExpanded && (strings.HasPrefix(name, "expanded") || strings.HasPrefix(name, "page base")) || f == FormatJSONLD || f == FormatHTML {
				continue
			}
			if !walkedDoc[name+" "+f.String()] && (f != FormatFlattened || flat) {
				t.Errorf("%s, %s: declined; want it walked", name, f)
			}
		}
	}
	// A node at the top with no @id is framed on its type by the short
	// path (WriteDirectJSON's); with an @id it might be referred to, and
	// Write's path decides.
	for _, name := range []string{"snippet", "http context", "named snippet", "flattened film", "an array of contexts", "rootless until the last"} {
		for _, f := range []Format{FormatJSONLD, FormatHTML} {
			if !walkedDoc[name+" "+f.String()] {
				t.Errorf("%s, %s: declined; want it walked", name, f)
			}
		}
	}
	for _, name := range []string{"snippet referred to", "snippet referred to by url", "flattened, a blank node twice",
		"flattened, a blank node described nowhere"} {
		if walkedDoc[name+" "+FormatJSONLD.String()] {
			t.Errorf("%s: walked to compact JSON-LD; the top node is referred to, which Write does not frame", name)
		}
	}
	// Where nothing is framed, Write compacts the document as it is, and
	// the walk compacts a node at a time.
	for _, name := range []string{"rootless catalogue", "rootless array", "rootless, referring back", "rootless, one untyped node", "rootless, nothing but @ids",
		"rootless, one left of three", "rootless, each refers", "flattened, two roots"} {
		for _, f := range []Format{FormatJSONLD, FormatHTML} {
			if !walkedDoc[name+" "+f.String()] {
				t.Errorf("%s, %s: declined; want it compacted a node at a time", name, f)
			}
		}
	}
	for name := range walkedDocs {
		if walkedDoc[name+" "+FormatJSONLD.String()] {
			t.Logf("walked to compact JSON-LD: %s", name)
		}
	}
	t.Logf("walked per format: %v, of %d documents", walked, len(inputs))
}

// TestWriteWalkedDeclines: what the walk must leave to the general path
// (which reports a number without a double, or an unknown keyword) is
// declined with nothing written; the formats it does not write too.
func TestWriteWalkedDeclines(t *testing.T) {
	p := NewProcessor(Config{})
	for _, name := range []string{"integer past 2^53", "number too large", "number too small", "context alone", "another context", "an array, one item without a context", "an array, one item a graph", "keyword-like key",
		"another context nested", "blank node as a graph name", "no context, a term", "no context, a type", "no context, nested",
		"a language tag not well formed", "a language and a direction", "a language and a type"} {
		docs, err := p.Read(strings.NewReader(walkedDocs[name]), name, InputJSONLD)
		if err != nil {
			continue // the reader refuses it: never given to the walk
		}
		var out bytes.Buffer
		if ok, err := p.WriteWalked(&out, docs[0], FormatNQuads, Options{}); ok || err != nil || out.Len() > 0 {
			t.Errorf("%s: walked (%v, %v, %d bytes); want it declined", name, ok, err, out.Len())
		}
	}
	docs, err := p.Read(strings.NewReader(walkedDocs["node at the top"]), "node", InputJSONLD)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []Format{FormatJSONLD, FormatHTML} {
		if ok, _ := p.WriteWalked(&bytes.Buffer{}, docs[0], f, Options{}); ok {
			t.Errorf("%s: walked; WriteWalked writes compact JSON-LD by the general path", f)
		}
	}
	for _, opts := range []Options{{Base: "https://example.org/"}, {RDFDirection: "i18n-datatype"}} {
		if ok, _ := p.WriteWalked(&bytes.Buffer{}, docs[0], FormatNQuads, opts); ok {
			t.Errorf("%+v: walked; options the walk does not take leave it to the general path", opts)
		}
	}
	if ok, _ := NewProcessor(Config{GeneralCanonical: true}).WriteWalked(&bytes.Buffer{}, docs[0], FormatCanonical, Options{}); ok {
		t.Error("GeneralCanonical: walked")
	}
}

// With Lenient the walk takes what it takes without it: a document the
// strict path reads whole, from which leniency drops nothing, so its
// bytes are the lenient general path's, which drops nothing from it
// either; a document with something to drop is declined, and the general
// path drops it with its warning. (Lenient ruled the walk out: a 32 MB
// @graph of small nodes took 1.95 GB through json-gold.)
func TestWriteWalkedLenient(t *testing.T) {
	p := NewProcessor(Config{})
	walkedAny, declinedAny := false, false
	for name, text := range walkedDocs {
		for _, format := range []Format{FormatNQuads, FormatCanonical, FormatExpanded} {
			docs, err := p.Read(strings.NewReader(text), name, InputJSONLD)
			if err != nil {
				break
			}
			var got bytes.Buffer
			walkDrops := &Dropped{}
			ok, werr := p.WriteWalked(&got, docs[0], format, Options{Lenient: walkDrops})
			docs, _ = p.Read(strings.NewReader(text), name, InputJSONLD)
			generalDrops := &Dropped{}
			var want bytes.Buffer
			gerr := func() error {
				u, err := p.Union(docs, Options{Lenient: generalDrops})
				if err != nil {
					return err
				}
				return p.Write(&want, u, format, Options{Lenient: generalDrops})
			}()
			if !ok {
				declinedAny = true
				if got.Len() > 0 || werr != nil {
					t.Errorf("%s, %s: declined, yet wrote %d bytes (%v)", name, format, got.Len(), werr)
				}
				continue
			}
			walkedAny = true
			if werr != nil || gerr != nil || !bytes.Equal(got.Bytes(), want.Bytes()) || len(generalDrops.Drops()) > 0 || len(walkDrops.Drops()) > 0 {
				t.Errorf("%s, %s, lenient: walked %v (%d drops)\n%s\ngeneral path %v (%d drops)\n%s", name, format, werr, len(walkDrops.Drops()), got.Bytes(), gerr, len(generalDrops.Drops()), want.Bytes())
			}
		}
	}
	if !walkedAny || !declinedAny {
		t.Errorf("walked some: %v, declined some: %v; want both", walkedAny, declinedAny)
	}
}

// FuzzWriteWalked: for any JSON text read as convert reads it (numbers as
// json.Number), WriteWalked either declines, writing nothing, or writes
// the general path's bytes (Union, then Write) in each format it takes,
// its statements in memory or in runs; and a declined document, its
// numbers then doubles, gives the general path's output still.
func FuzzWriteWalked(f *testing.F) {
	for _, s := range walkedDocs {
		f.Add(s)
	}
	for _, s := range []string{
		`{"@context": "https://schema.org", "@type": "Movie", "@id": "urn:x:m", "review": [{"@type": "Review", "reviewRating": {"@type": "Rating", "ratingValue": 4.5}}, {"@id": "urn:x:r"}], "aggregateRating": {"ratingValue": "8", "ratingCount": 1e3}}`,
		`{"@context": "https://schema.org", "@graph": [{"@id": "urn:x:a", "name": "A", "knows": {"@id": "urn:x:b"}}, {"@id": "urn:x:b", "@type": ["Person", "Thing"], "url": "http://example.org/b"}]}`,
	} {
		f.Add(s)
	}
	p := NewProcessor(Config{})
	small := NewProcessor(Config{SortMemory: 64})
	shedding := NewProcessor(Config{HeldItems: -1})
	f.Fuzz(func(t *testing.T, text string) {
		read := func() any {
			docs, err := p.Read(strings.NewReader(text), "fuzz.jsonld", InputJSONLD)
			if err != nil || len(docs) != 1 {
				return nil
			}
			return docs[0]
		}
		if read() == nil {
			return
		}
		for _, format := range []Format{FormatNQuads, FormatCanonical, FormatTurtle, FormatExpanded, FormatFlattened, FormatJSONLD} {
			var want bytes.Buffer
			wantErr := func() error {
				u, err := p.Union([]any{read()}, Options{})
				if err != nil {
					return err
				}
				return p.Write(&want, u, format, Options{})
			}()
			procs := map[string]*Processor{"in memory": p, "in runs": small}
			if isCompactJSON(format) {
				procs["node map shed"] = shedding
			}
			for name, proc := range procs {
				doc := read()
				var got bytes.Buffer
				ok, err := proc.WriteWalked(&got, doc, format, Options{})
				if !ok {
					if got.Len() > 0 && !isCompactJSON(format) || err != nil {
						t.Fatalf("%s, %s: declined, yet wrote %d bytes (%v)", format, name, got.Len(), err)
					}
					var after bytes.Buffer
					u, aerr := p.Union([]any{doc}, Options{})
					if aerr == nil {
						aerr = p.Write(&after, u, format, Options{})
					}
					if (aerr == nil) != (wantErr == nil) || !bytes.Equal(after.Bytes(), want.Bytes()) {
						t.Fatalf("%s, %s: declined, then the general path gives %v\n%s\nwhere the document as read gives %v\n%s", format, name, aerr, after.Bytes(), wantErr, want.Bytes())
					}
					continue
				}
				if (err == nil) != (wantErr == nil) {
					t.Fatalf("%s, %s: WriteWalked error %v, the general path's %v", format, name, err, wantErr)
				}
				if err == nil && !bytes.Equal(got.Bytes(), want.Bytes()) {
					t.Fatalf("%s, %s: WriteWalked differs:\n got:\n%s\nwant:\n%s", format, name, got.Bytes(), want.Bytes())
				}
			}
		}
	})
}

// isCompactJSON reports whether f is compact JSON-LD, which WriteWalked may
// decline after writing part of it.
func isCompactJSON(f Format) bool { return f == FormatJSONLD || f == FormatHTML }

// TestShedMapDecidesAsWhole: directJSONAuto's node map shed after its
// first item (buildAuto with held 0) takes and refuses what the whole map
// does, and finds a root where the whole one finds one.
func TestShedMapDecidesAsWhole(t *testing.T) {
	t.Parallel()
	p := NewProcessor(Config{})
	c, err := p.contexts()
	if err != nil {
		t.Fatal(err)
	}
	jt := jsonTermsFor(c)
	shedSome := false
	for name, text := range walkedDocs {
		docs, err := p.Read(strings.NewReader(text), name, InputJSONLD)
		if err != nil || len(docs) != 1 {
			continue
		}
		view, _, ok := schemaOrgView(docs[0])
		if !ok {
			continue
		}
		graph, isList := items(view["@graph"])
		if !isList {
			continue
		}
		whole, wholeOK := buildAuto(jt, c, graph, -1)
		shed, shedOK := buildAuto(jt, c, graph, 0)
		if wholeOK != shedOK {
			t.Errorf("%s: the whole map takes it: %v; the shed one: %v", name, wholeOK, shedOK)
			continue
		}
		if !wholeOK {
			continue
		}
		shedSome = shedSome || shed.light
		if (whole.autoRoot() == "") != (shed.autoRoot() == "") {
			t.Errorf("%s: the whole map's root %q; the shed one's %q", name, whole.autoRoot(), shed.autoRoot())
		}
	}
	if !shedSome {
		t.Error("no map was shed")
	}
}
