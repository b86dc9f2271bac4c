package pipeline

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/film2ld/film2ld/ld"
	"github.com/film2ld/film2ld/schemas"
)

// TestStreamedGraphMatchesWhole: the graph streamedGraph reads as the
// compaction makes each node is the one snippetGraph reads from the
// compacted document whole, with the same findings, for data with
// nothing to leave out and data whose snippet leaves reviews and
// ratings out (made again and searched); where it declines (one node, a
// string naming a node made after it), it says so with nil.
func TestStreamedGraphMatchesWhole(t *testing.T) {
	edge, err := os.ReadFile("testdata/snippet/edge.ttl")
	if err != nil {
		t.Fatal(err)
	}
	const head = "@prefix s: <http://schema.org/> .\n@prefix ex: <https://films.example/> .\n"
	// movies are 40 Movies, each with a director, a rating and a review;
	// with bad, every seventh review has no author (left out); with
	// later, each Movie's url names the Movie after it, a node made
	// later.
	movies := func(bad, later bool) string {
		var b strings.Builder
		b.WriteString(head)
		for i := range 40 {
			review := fmt.Sprintf(`[ a s:Review ; s:author [ a s:Person ; s:name "Critic %d" ] ; s:reviewRating [ a s:Rating ; s:ratingValue %d ] ]`, i, i%5+1)
			if bad && i%7 == 3 {
				review = `[ a s:Review ; s:reviewBody "No author" ]`
			}
			url := fmt.Sprintf("<https://films.example/m%d>", i)
			if later {
				url = fmt.Sprintf("<https://films.example/m%d>", i+1)
			}
			fmt.Fprintf(&b, "ex:m%d a s:Movie ; s:name \"Film %d\" ; s:url %s ;\n  s:director [ a s:Person ; s:name \"D %d\" ] ;\n  s:aggregateRating [ a s:AggregateRating ; s:ratingValue 4 ; s:ratingCount %d ] ;\n  s:review %s .\n", i, i, url, i, i+1, review)
		}
		return b.String()
	}
	for _, tt := range []struct {
		name, text string
		streamed   bool
	}{
		{"edge.ttl", string(edge), true},
		{"left-out.ttl", movies(true, false), true},
		{"plain.ttl", movies(false, false), true},
		{"left-out-later.ttl", movies(true, true), false},
		{"plain-later.ttl", movies(false, true), false},
		{"earlier.ttl", head + "ex:a a s:Movie ; s:name \"A\" .\nex:b a s:Movie ; s:name \"B\" ; s:sameAs ex:a .\n", true},
		{"one.ttl", head + "ex:a a s:Movie ; s:name \"A\" .\n", false},
		{"none.ttl", head, false},
	} {
		read := func() *ld.Dataset {
			d := ld.NewDataset()
			d.FoldSchemaOrgHTTPS()
			if _, ok, err := d.ReadTurtleLines(tt.text, tt.name, false); !ok || err != nil {
				t.Fatalf("%s: %v, %v", tt.name, ok, err)
			}
			return d
		}
		p := processor()
		again := func() (map[string]any, error) { return compactDefaultGraph(p, nil, read(), tt.name) }
		doc, err := again()
		if err != nil {
			t.Fatal(err)
		}
		want := graphReport(snippetGraph(doc, nil, tt.name, ""))
		agains := 0
		g := streamedGraph(p, read(), func() (map[string]any, error) { agains++; return again() }, tt.name, "")
		if (g != nil) != tt.streamed {
			t.Errorf("%s: streamed %v; want %v", tt.name, g != nil, tt.streamed)
		}
		if g == nil {
			continue
		}
		if got := graphReport(g); got != want {
			t.Errorf("%s: streamed:\n%s\nwhole:\n%s", tt.name, got, want)
		}
		if strings.Contains(want, schemas.RuleLeftOut) && agains == 0 {
			t.Errorf("%s: left something out, and not made again to search it", tt.name)
		}
	}
}

// graphReport writes a graph's nodes and both profiles' findings.
func graphReport(g *schemas.Graph) string {
	var b strings.Builder
	for _, n := range g.Nodes {
		fmt.Fprintln(&b, n.Describe(), n.Types, len(n.Props), len(n.Parents), n.TopLevel)
	}
	for _, f := range g.Problems {
		fmt.Fprintln(&b, "problem", f)
	}
	for _, p := range []schemas.Profile{schemas.Google, schemas.SchemaOrg} {
		for _, f := range schemas.Validate(g, p) {
			fmt.Fprintln(&b, p, f)
		}
	}
	return b.String()
}
