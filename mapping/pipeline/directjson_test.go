package pipeline

import (
	"bytes"
	"fmt"
	"maps"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/film2ld/film2ld/ld"
	"github.com/film2ld/film2ld/mapping"
)

// jsonFilms are directFilms plus the mapping tests' documents and pages
// with text that the web snippet must escape or keep exactly.
func jsonFilms(t testing.TB) map[string][]string {
	films := directFilms(t)
	delete(films, "reviews2000")
	films["genres"] = nil
	for _, name := range []string{"encyclopedia", "prize", "review"} {
		raw, err := os.ReadFile("../../testdata/../mapping/testdata/genres/" + name + ".txt")
		if err != nil {
			t.Fatal(err)
		}
		b := string(raw)
		films["genres/"+name] = []string{b}
		films["genres"] = append(films["genres"], b)
	}
	var odd strings.Builder
	odd.WriteString("Mixed or average reviews - based on 4 Critics\n\nCritic score distribution:\n")
	odd.WriteString("  1. Positive: 2 out of 4\n  2. Mixed: 1 out of 4\n  3. Negative: 1 out of 4\n")
	for i, text := range []string{
		"</script><script>alert(1)</script> & <!-- \u2028\u2029",
		"unicode: 映画 🎬 e\u0301 \"quoted\" \\ back\tslash",
		"numbers: 8.0 1e21 -0 0.1",
		"</SCRIPT > <!--",
	} {
		fmt.Fprintf(&odd, "  %d. Reviewed by:\u00a0 Ödön <b>Critic</b> %d\n    Jan %d, 2012\n    %s\n", i+1, i%2, i+1, text)
	}
	films["odd"] = []string{odd.String()}
	return films
}

// mayFallBack are the variants whose films may take json-gold's path:
// node IRIs under http://schema.org/ compact to "schema:…" (which the
// short path leaves to json-gold), and a page URL that is no IRI is an
// error json-gold's path reports.
var mayFallBack = map[string]bool{"base-schema": true, "page-url-not-iri": true}

// noneHeld is the pipeline's processor holding no item of a sequence in
// the snippet's node map (ld.Config.HeldItems): each is built again as it
// is written.
var noneHeld = ld.NewProcessor(ld.Config{HeldItems: -1})

// TestWriteDirectJSONMatchesJSONGold exports every film through the web
// snippet's short path (ld.Processor.WriteDirectJSON) and through
// json-gold's expansion, framing and compaction, in both snippet formats
// and with every option export offers that changes the snippet, and
// requires the same bytes and the short path taken.
func TestWriteDirectJSONMatchesJSONGold(t *testing.T) {
	t.Parallel() // CPU-bound and independent: runs beside the other differential tests
	variants := []struct {
		name string
		opts Options
	}{
		{"plain", Options{}},
		{"keep-rejected", Options{KeepRejected: true}},
		{"page-url", Options{Page: mapping.Page{URL: "https://films.example.org/w/Some_Film?a=1&b=2"}}},
		{"page-url-not-iri", Options{Page: mapping.Page{URL: "https://films.example.org/w/Some_Film?b=<2>"}}},
		{"page-url-image", Options{Page: mapping.Page{URL: "https://films.example.org/w/Some_Film", Image: "https://films.example.org/poster.jpg"}}},
		{"base", Options{Merge: mapping.Options{Base: "urn:x-films:"}}},
		{"base-hash", Options{Merge: mapping.Options{Base: "https://data.example.org/ld#"}}},
		{"base-schema", Options{Merge: mapping.Options{Base: "http://schema.org/"}}},
		{"name", Options{Page: mapping.Page{Name: "A Film \"Named\" </script> Here"}}},
	}
	// layout are the variants that change which nodes the snippet holds
	// of a document alone; the others rename nodes or add the page's
	// facts, which act on the merge the whole films cover.
	layout := map[string]bool{"plain": true, "keep-rejected": true}
	films := jsonFilms(t)
	compared, short := 0, 0
	for fi, name := range slices.Sorted(maps.Keys(films)) {
		docs := films[name]
		for vi, v := range variants {
			if strings.Contains(name, "/") && !layout[v.name] && !exhaustive() {
				// A film's documents one at a time are there for each
				// document's own snippet; renaming nodes and the page's
				// facts act on the merge, which the whole films cover
				// (CI runs them all).
				continue
			}
			for ri, format := range []ld.Format{ld.FormatJSONLD, ld.FormatHTML} {
				if !exhaustive() && name != "odd" && (fi+vi+ri)%2 != 0 {
					// The HTML snippet is the JSON-LD one in a script
					// element, escaped: a developer's run writes each
					// film and variant in one of the two, a different
					// one film by film and variant by variant, and the
					// film of text HTML must escape in both (CI writes
					// all).
					continue
				}
				opts := v.opts
				opts.Format = format
				job, f := mergeDocs(t, opts, name, docs)
				out, err := job.Render(f)
				if err != nil {
					// a document alone that does not name its film
					continue
				}
				took := processor().CanWriteDirectJSON(out.stream(), format, ld.Options{Root: "Movie"})
				if took {
					short++
					// The snippet's walk makes the RDF walk's checks
					// (ld.Processor.WriteDirectJSON): it may take no
					// film the RDF short path refuses.
					if !processor().CanWriteDirect(out.stream(), ld.FormatNQuads, ld.Options{Root: "Movie"}) {
						t.Errorf("%s %s %s: the snippet's short path took a film the RDF short path refuses", name, v.name, format)
					}
				} else if !mayFallBack[v.name] {
					t.Errorf("%s %s %s: the short path refused the rendered film", name, v.name, format)
				}
				var direct, lazy, general bytes.Buffer
				errDirect := processor().WriteDirectJSON(&direct, out.stream(), format, ld.Options{Root: "Movie"})
				errGeneral := processor().Write(&general, out.Doc(), format, ld.Options{Root: "Movie"})
				// Every item of the film's sequences built again as it
				// is written (ld.Config.HeldItems), rather than held.
				errLazy := noneHeld.WriteDirectJSON(&lazy, out.stream(), format, ld.Options{Root: "Movie"})
				if fmt.Sprint(errDirect) != fmt.Sprint(errGeneral) || fmt.Sprint(errLazy) != fmt.Sprint(errGeneral) {
					t.Errorf("%s %s %s: direct %v, none held %v, json-gold %v", name, v.name, format, errDirect, errLazy, errGeneral)
					continue
				}
				if !bytes.Equal(direct.Bytes(), general.Bytes()) {
					t.Errorf("%s %s %s: the short path differs from json-gold's:\n%s", name, v.name, format,
						firstDiff(direct.String(), general.String()))
					continue
				}
				if !bytes.Equal(lazy.Bytes(), general.Bytes()) {
					t.Errorf("%s %s %s: the short path holding no item differs from json-gold's:\n%s", name, v.name, format,
						firstDiff(lazy.String(), general.String()))
					continue
				}
				if errGeneral == nil && general.Len() == 0 {
					t.Errorf("%s %s %s: no output", name, v.name, format)
				}
				compared++
			}
		}
	}
	t.Logf("%d outputs compared, %d by the short path", compared, short)
}

// benchmarkSnippet measures Output.Write of the samples' web snippet alone,
// by the short path or json-gold's.
func benchmarkSnippet(b *testing.B, short bool) {
	defer func(old bool) { directJSON = old }(directJSON)
	directJSON = short
	benchmarkSamples(b, ld.FormatJSONLD, true)
}

func BenchmarkWriteSamplesJSONLDDirect(b *testing.B)   { benchmarkSnippet(b, true) }
func BenchmarkWriteSamplesJSONLDJSONGold(b *testing.B) { benchmarkSnippet(b, false) }
