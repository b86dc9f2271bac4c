package schemas_test

import (
	"bytes"
	"fmt"
	"syscall"
	"testing"
	"time"

	"github.com/film2ld/film2ld/schemas"
)

// reviewJSON writes one Review of a Movie as a page would minify it: four
// nodes (the Review, its author, its rating, the publisher), on one line.
func reviewJSON(w *bytes.Buffer, i int) {
	fmt.Fprintf(w, `{"@type":"Review","name":"Review %d: «Stalker» — 三度目の正直","author":{"@type":"Person","name":"Critic %d"},`+
		`"datePublished":"2020-01-%02d","reviewRating":{"@type":"Rating","ratingValue":%d,"bestRating":10,"worstRating":1},`+
		`"publisher":{"@type":"Organization","name":"Paper %d"},"reviewBody":"Réalisé avec soin; ça tient debout."}`,
		i, i%97, i%28+1, i%10+1, i%13)
}

// movieJSON is a Movie with n reviews, all on one line: 4n+2 nodes.
func movieJSON(n int) []byte {
	var b bytes.Buffer
	b.WriteString(`{"@context":"https://schema.org","@type":"Movie","@id":"https://films.example/stalker","name":"Stalker","image":"https://films.example/s.jpg","dateCreated":"1979",` +
		`"director":{"@type":"Person","name":"Andrei Tarkovsky"},"aggregateRating":{"@type":"AggregateRating","ratingValue":8.1,"bestRating":10,"ratingCount":1234},"review":[`)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		reviewJSON(&b, i)
	}
	b.WriteString("]}")
	return b.Bytes()
}

// page wraps JSON-LD blocks in an HTML page.
func page(blocks ...[]byte) []byte {
	var b bytes.Buffer
	b.WriteString("<!doctype html>\n<html><head><title>Stalker (1979)</title>\n")
	for _, bl := range blocks {
		b.WriteString(`<script type="application/ld+json">`)
		b.Write(bl)
		b.WriteString("</script>\n")
	}
	b.WriteString("</head><body><p>Ça commence.</p></body></html>\n")
	return b.Bytes()
}

func benchValidate(b *testing.B, data []byte, load func([]byte, string) (*schemas.Graph, error)) {
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	cpu0 := cpuTime()
	for b.Loop() {
		g, err := load(data, "bench")
		if err != nil {
			b.Fatal(err)
		}
		schemas.Validate(g, schemas.Google)
	}
	// On a shared machine wall time varies with the load; the process's
	// CPU time per run (all threads, GC included) does not, and is what
	// a change in the code changes.
	b.ReportMetric(float64(cpuTime()-cpu0)/float64(b.N)/1e6, "cpu-ms/op")
}

// cpuTime is the CPU time, user and system, the process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkOneLinePage is a page whose JSON-LD is one minified line of a
// megabyte, as large film sites serve it.
func BenchmarkOneLinePage(b *testing.B) {
	n := (1 << 20) / len(movieJSON(1)) // about a megabyte
	for len(movieJSON(n)) < 1<<20 {
		n += 10
	}
	benchValidate(b, page(movieJSON(n)), schemas.LoadHTML)
}

// manyBlocks is a page of 200 Review blocks and the Movie they review.
func manyBlocks() []byte {
	blocks := make([][]byte, 200)
	for i := range blocks {
		var r bytes.Buffer
		r.WriteString(`{"@context":"https://schema.org","itemReviewed":{"@id":"https://films.example/stalker"},`)
		reviewJSON(&r, i)
		blocks[i] = bytes.Replace(r.Bytes(), []byte(`,{"@type"`), []byte(`,"@type"`), 1)
	}
	return page(append(blocks, movieJSON(0))...)
}

// BenchmarkManyBlocks is a page of 200 JSON-LD blocks.
func BenchmarkManyBlocks(b *testing.B) {
	benchValidate(b, manyBlocks(), schemas.LoadHTML)
}

// TestBenchInputs makes sure the benchmarks measure valid markup, not an
// early way out.
func TestBenchInputs(t *testing.T) {
	for name, data := range map[string][]byte{"blocks": manyBlocks(), "page": page(movieJSON(50))} {
		g, err := schemas.LoadHTML(data, name)
		if err != nil {
			t.Fatal(err)
		}
		if fs := schemas.Validate(g, schemas.Google); schemas.HasErrors(fs) || len(g.Nodes) < 200 {
			t.Errorf("%s: %d nodes, findings %v", name, len(g.Nodes), fs)
		}
	}
}

// BenchmarkNodes measures time against the number of nodes: ns/op divided
// by the node count should stay flat from 1,000 to 100,000 nodes.
func BenchmarkNodes(b *testing.B) {
	for _, nodes := range []int{1_000, 10_000, 100_000} {
		b.Run(fmt.Sprint(nodes), func(b *testing.B) {
			benchValidate(b, movieJSON(nodes/4), schemas.Load)
		})
	}
}

// BenchmarkWideObject validates JSON that is not markup but a data file
// a user may name by mistake (a package-lock.json): one object of 20,000
// keys, each an object with keys repeated across them and one of its own.
// Looking properties up along a node's list, and suggesting a spelling
// for each key afresh, made it quadratic (11 s; a 19 MB file 220 s).
func BenchmarkWideObject(b *testing.B) {
	var doc bytes.Buffer
	doc.WriteString(`{"name": "app", "lockfileVersion": 3, "packages": {`)
	for i := range 20000 {
		if i > 0 {
			doc.WriteString(", ")
		}
		fmt.Fprintf(&doc, `"node_modules/pkg%d": {"version": "1.%d.0", "resolved": "https://registry.example/pkg%d.tgz", "integrity": "sha512-AAAA", "dependencies": {"dep%d": "^1.0.0"}}`, i, i, i, i)
	}
	doc.WriteString("}}")
	data := doc.Bytes()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		g, err := schemas.Load(data, "package-lock.json")
		if err != nil {
			b.Fatal(err)
		}
		schemas.Validate(g, schemas.SchemaOrg)
	}
}

// BenchmarkPreviews reports the time per Movie of the HTML report's
// previews of a graph of n Movies with a name alone (five findings
// each): flat in n. Each Movie looked through every finding, and 40,000
// Movies took 35 s.
func BenchmarkPreviews(b *testing.B) {
	for _, n := range []int{1000, 4000} {
		b.Run(fmt.Sprintf("movies=%d", n), func(b *testing.B) {
			var doc bytes.Buffer
			doc.WriteString(`{"@context": "https://schema.org", "@graph": [`)
			for i := range n {
				if i > 0 {
					doc.WriteString(",")
				}
				fmt.Fprintf(&doc, `{"@id": "https://films.example/f/%d", "@type": "Movie", "name": "Film %d"}`, i, i)
			}
			doc.WriteString("]}")
			g, err := schemas.Load(doc.Bytes(), "movies.jsonld")
			if err != nil {
				b.Fatal(err)
			}
			fs := schemas.Validate(g, schemas.Google)
			b.ResetTimer()
			for b.Loop() {
				if ps := schemas.Previews(g, fs); len(ps) != n {
					b.Fatalf("%d previews", len(ps))
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/movie")
		})
	}
}
