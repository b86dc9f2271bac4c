package ld_test

import (
	"bytes"
	"encoding/json"
	"slices"
	"testing"

	"github.com/film2ld/film2ld/ld"
)

// FuzzWriteDirectNQuads: WriteDirect's N-Quads are Write's bytes (and its
// error) for any document, whether the direct walk sorts the statements
// in memory as numbers or, past a few of them, as lines in runs on disk,
// where IRIs met for the first time are written without becoming terms
// (a stack each node pops) and blank nodes are numbered as they come.
func FuzzWriteDirectNQuads(f *testing.F) {
	fuzzWriteDirect(f, ld.FormatNQuads, directSeeds)
}

// directSeeds are documents of WriteDirect's shape, and near it.
var directSeeds = []string{
	`{"@context": "https://schema.org", "@graph": [{"@id": "urn:x:film", "@type": "Movie", "name": "A", "review": [{"@type": "Review", "author": {"@id": "urn:x:p1", "@type": "Person", "name": "Ann"}, "reviewBody": "Good."}, {"@type": "Review", "author": {"@id": "urn:x:p2"}}]}, {"@id": "urn:x:p1", "@type": "Person", "name": "Ann"}]}`,
	`{"@context": "https://schema.org", "@graph": [{"@id": "urn:x:g", "@graph": [{"@id": "urn:x:film", "@type": "Movie", "director": {"@id": "urn:x:d", "@type": "Person", "name": "D", "sameAs": "http://example.org/d"}}, {"@type": "Person", "name": "blank", "knows": {"@id": "urn:x:film"}}]}, {"@id": "urn:x:g2", "@graph": [{"@id": "urn:x:d", "name": "D2"}]}]}`,
	`{"@context": "https://schema.org", "@graph": [{"@id": "urn:x:a", "url": "http://example.org/a", "sameAs": ["http://example.org/b", "http://example.org/a"], "actor": [{"@id": "urn:x:b"}, {"@id": "urn:x:b"}, {"@type": "Person", "actor": {"@id": "urn:x:c", "actor": {"@id": "urn:x:a"}}}]}]}`,
	`{"@context": "https://schema.org", "@graph": [{"@id": "urn:x:a", "name": {"@value": "x", "@type": "http://example.org/dt"}, "duration": "PT90M", "dateCreated": {"@value": "2010", "@type": "Date"}}]}`,
	// Doubles, which json-gold writes in its canonical form.
	`{"@context": "https://schema.org", "@graph": [{"@type": "Review", "reviewRating": {"@type": "Rating", "ratingValue": 8.2, "bestRating": 10, "worstRating": -0.5}, "http://example.org/p": [1e-7, 123456.789, -2.5e300, 0.1, 1.0, 4.9e-324]}]}`,
}

// fuzzWriteDirect fuzzes WriteDirect against Write in format, from the
// seeds: the same bytes, or both an error, whether the direct walk holds
// its statements in memory or in runs.
func fuzzWriteDirect(f *testing.F, format ld.Format, seeds []string) {
	for _, s := range seeds {
		f.Add(s)
	}
	general := ld.NewProcessor(ld.Config{})
	small := ld.NewProcessor(ld.Config{SortMemory: 64})
	f.Fuzz(func(t *testing.T, text string) {
		var doc any
		if json.Unmarshal([]byte(text), &doc) != nil {
			return
		}
		var want bytes.Buffer
		wantErr := general.Write(&want, doc, format, ld.Options{})
		for name, p := range map[string]*ld.Processor{"in memory": general, "in runs": small} {
			var got bytes.Buffer
			err := p.WriteDirect(&got, doc, format, ld.Options{})
			if (err == nil) != (wantErr == nil) {
				t.Fatalf("%s: WriteDirect error %v, Write's %v", name, err, wantErr)
			}
			if err == nil && !bytes.Equal(got.Bytes(), want.Bytes()) {
				t.Fatalf("%s: WriteDirect differs from Write:\n got:\n%s\nwant:\n%s", name, got.Bytes(), want.Bytes())
			}
		}
	})
}

// FuzzWriteDirectExpanded: WriteDirect's expanded JSON-LD, written as the
// document is walked, is Write's bytes (and its error) for any document,
// the direct walk's statements in memory or in runs. The seeds hold what
// films never do: nodes that are only an @id (dropped at the top and in a
// named graph, kept as a value), empty arrays and @type lists, numbers,
// booleans, values typed as xsd:string and named graphs.
func FuzzWriteDirectExpanded(f *testing.F) {
	fuzzWriteDirect(f, ld.FormatExpanded, append(slices.Clone(directSeeds), expandedSeeds...))
}

// expandedSeeds hold what films never do: nodes that are only an @id,
// empty lists, numbers, booleans, typed values, named graphs.
var expandedSeeds = []string{
	`{"@context": "https://schema.org", "@graph": [{"@id": "urn:x:film", "@type": "Movie", "name": "A", "review": [{"@type": "Review", "author": {"@id": "urn:x:p1", "@type": "Person", "name": "Ann"}, "reviewBody": "Good."}, {"@type": "Review", "author": {"@id": "urn:x:p2"}}]}, {"@id": "urn:x:p1", "@type": "Person", "name": "Ann"}]}`,
	`{"@context": "https://schema.org", "@graph": [{"@id": "urn:x:only"}, {"@id": "urn:x:g", "@graph": [{"@id": "urn:x:in"}, {"@id": "urn:x:film", "@type": ["Movie", "CreativeWork"], "director": {"@id": "urn:x:d", "@type": "Person", "name": "D", "sameAs": "http://example.org/d"}}, {"@type": "Person", "name": "blank", "knows": {"@id": "urn:x:film"}}]}, {"@id": "urn:x:g2", "@graph": []}, {"@id": "urn:x:g3", "@graph": [{"@id": "urn:x:d"}]}]}`,
	`{"@context": "https://schema.org", "@graph": [{"@id": "urn:x:a", "url": "http://example.org/a", "sameAs": [], "@type": [], "actor": [{"@id": "urn:x:b"}, {"@id": "urn:x:b"}, {"@type": "Person", "actor": {"@id": "urn:x:c", "actor": {"@id": "urn:x:a"}}}]}]}`,
	`{"@context": "https://schema.org", "@graph": [{"@id": "urn:x:a", "name": {"@value": "x", "@type": "http://www.w3.org/2001/XMLSchema#string"}, "alternateName": {"@value": "y", "@type": "http://example.org/dt"}, "duration": "PT90M", "dateCreated": {"@value": "2010", "@type": "Date"}, "ratingValue": [8, 0, -3, 123456789012], "isFamilyFriendly": [true, false], "http://example.org/p": "x <&> \u2028"}]}`,
	`{"@context": "https://schema.org", "@graph": []}`,
	`{"@context": "https://schema.org", "@graph": [{}]}`,
}

// FuzzWriteDirectFlattened: WriteDirect's flattened JSON-LD, written from
// the direct walk's statements, is Write's bytes (and its error) for any
// document, on the seeds of FuzzWriteDirectExpanded and values the walk
// declines in flat mode (a value object typed as a native value's
// datatype or xsd:string, rdf:type as a key, an empty named graph).
func FuzzWriteDirectFlattened(f *testing.F) {
	seeds := append(slices.Clone(directSeeds), expandedSeeds...)
	fuzzWriteDirect(f, ld.FormatFlattened, append(seeds,
		`{"@context": "https://schema.org", "@graph": [{"@id": "urn:x:a", "ratingValue": [{"@value": "8", "@type": "http://www.w3.org/2001/XMLSchema#integer"}, 8, 8.0, "8"], "isFamilyFriendly": [{"@value": "true", "@type": "http://www.w3.org/2001/XMLSchema#boolean"}, true]}]}`,
		`{"@context": "https://schema.org", "@graph": [{"@id": "urn:x:a", "ratingValue": [8, 3, 8], "isFamilyFriendly": [false, true, false]}]}`,
		`{"@context": "https://schema.org", "@graph": [{"@id": "urn:x:a", "http://www.w3.org/1999/02/22-rdf-syntax-ns#type": {"@id": "http://schema.org/Movie"}, "@type": "Movie"}]}`,
		`{"@context": "https://schema.org", "@graph": [{"@id": "urn:x:a", "@type": "Movie", "knows": [{"@id": "urn:x:b", "name": "B", "knows": {"@id": "urn:x:a", "name": ["A", "A2"]}}, {"@id": "urn:x:b", "name": ["B", "B2"]}]}, {"@id": "urn:x:g", "name": "named", "@graph": [{"@id": "urn:x:a", "name": "A3"}, {"@type": "Person"}, {"@type": "Person", "name": "p"}]}]}`,
	))
}

// FuzzWriteDirectFlattenedAside is FuzzWriteDirectFlattened with a node
// keeping two values of a property, the others kept aside and compacted
// one at a time as they are written (a film's node holds 50,000
// reviews): the same bytes, whether they all compact under the key of
// the two kept (node references, literals of one kind, values of a key
// coerced to @id) or not (a mix, which the node is compacted whole for).
func FuzzWriteDirectFlattenedAside(f *testing.F) {
	defer ld.SetFlatKeep(2)()
	seeds := append(slices.Clone(directSeeds), expandedSeeds...)
	fuzzWriteDirect(f, ld.FormatFlattened, append(seeds,
		`{"@context": "https://schema.org", "@graph": [{"@id": "urn:x:film", "@type": "Movie", "review": [{"@type": "Review", "author": {"@id": "urn:x:p1"}}, {"@type": "Review", "author": {"@id": "urn:x:p2"}}, {"@type": "Review", "author": {"@id": "urn:x:p1"}}, {"@type": "Review", "reviewBody": "x"}], "name": ["a", "b", "c", "b", "d"], "sameAs": ["http://example.org/1", "http://example.org/2", "http://example.org/3"], "ratingValue": [1, 2, 3, 2, 4]}]}`,
		`{"@context": "https://schema.org", "@graph": [{"@id": "urn:x:a", "knows": [{"@id": "urn:x:b"}, {"@id": "urn:x:c"}, "a string", {"@id": "urn:x:d"}, {"@value": "2020", "@type": "Date"}], "dateCreated": ["2020", "2021", {"@value": "2022", "@type": "http://example.org/dt"}, "2023"]}]}`,
		`{"@context": "https://schema.org", "@graph": [{"@id": "urn:x:a", "sameAs": ["http://e.org/1", "http://e.org/2", "http://e.org/3"]}, {"@id": "urn:x:a", "http://schema.org/sameAs": ["lit1", "lit2"]}, {"@id": "urn:x:c", "startDate": ["2020", "2021", "2022"]}, {"@id": "urn:x:c", "http://schema.org/startDate": ["plain1", "plain2"]}, {"@id": "urn:x:e", "http://schema.org/startDate": ["p1", "p2", "p3"]}, {"@id": "urn:x:e", "startDate": ["2020", "2021"]}, {"@id": "urn:x:f", "sameAs": ["http://e.org/1", "http://e.org/2"]}, {"@id": "urn:x:f", "http://schema.org/sameAs": ["l1", "l2", "l3"]}, {"@id": "urn:x:h", "sameAs": ["http://e.org/1", "http://e.org/2"]}, {"@id": "urn:x:h", "http://schema.org/sameAs": "l1"}, {"@id": "urn:x:h", "sameAs": "http://e.org/9"}]}`,
		`{"@context": "https://schema.org", "@graph": [{"@id": "urn:x:g", "knows": [{"@id": "urn:x:1"}, {"@id": "urn:x:2"}, {"@id": "urn:x:3"}], "@graph": [{"@id": "urn:x:a", "name": ["1", "2", "3"]}, {"@id": "urn:x:b", "name": ["1", "2", "3"]}, {"@id": "urn:x:c", "name": ["1", "2", "3", "4"], "knows": [{"@id": "urn:x:a"}, {"@id": "urn:x:b"}, {"@id": "urn:x:d"}]}, {"@id": "urn:x:d", "name": "x"}]}]}`,
	))
}
