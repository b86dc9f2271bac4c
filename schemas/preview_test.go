package schemas

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPreviews: the card of each Movie shows what the markup states, with
// the stars on Google's reading of the score, or the reasons it cannot be
// shown.
func TestPreviews(t *testing.T) {
	tests := []struct {
		agg, extra string
		want       string
	}{
		{`"ratingValue": 4.2, "ratingCount": 120`, ``, `4.2/5 ★4.2 (120) reasons=0`},
		{`"ratingValue": "81", "bestRating": "100", "reviewCount": 9`, ``, `81/100 ★4.05 (9) reasons=0`},
		{`"ratingValue": "60%", "ratingCount": 3`, ``, `60% ★3 (3) reasons=0`},
		{`"ratingValue": "6 / 10", "ratingCount": 3`, ``, `6/10 ★3 (3) reasons=0`},
		{`"ratingValue": 9, "ratingCount": 3`, ``, `no stars (1 problem) reasons=0`},
		{`"ratingValue": 4, "ratingCount": 3`, `, "productionCompany": {"@type": "Person", "name": "X"}`, `4/5 ★4 (3) reasons=1`},
	}
	for _, tt := range tests {
		doc := movieWith(goodReview + `, "aggregateRating": {"@type": "AggregateRating", ` + tt.agg + `}` + tt.extra)
		g, err := Load([]byte(doc), "t.jsonld")
		if err != nil {
			t.Fatal(err)
		}
		ps := Previews(g, Validate(g, Google))
		if len(ps) != 1 {
			t.Fatalf("%d previews", len(ps))
		}
		p := ps[0]
		got := fmt.Sprintf("no stars (%d problem) reasons=%d", len(p.RatingProblems), len(p.Reasons))
		if p.HasRating {
			scale := ""
			if p.Scale != "" {
				scale = "/" + p.Scale
			}
			got = fmt.Sprintf("%s%s ★%.3g (%s) reasons=%d", p.Score, scale, p.Stars, p.Count, len(p.Reasons))
		}
		if got != tt.want || p.Title != "Heat" || p.Year != "1995" || p.Image != "https://films.example/heat.jpg" || fmt.Sprint(p.Directors) != "[Michael Mann]" {
			t.Errorf("%s: got %s %+v; want %s", tt.agg, got, p, tt.want)
		}
	}
}

// errorIndex.about finds, in order, the errors a look through every
// finding finds for each Movie and its rating: on published markup (the
// corpus), and on a graph whose findings name their nodes only by
// description (as the layers of a check in parts do), several Movies
// described alike.
func TestErrorIndexMatchesScan(t *testing.T) {
	var graphs []*Graph
	var findings [][]Finding
	files, _ := filepath.Glob(filepath.Join("testdata", "corpus", "*"))
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil || strings.HasSuffix(file, ".md") || strings.HasSuffix(file, ".tsv") {
			continue
		}
		g, err := Load(data, file)
		if err != nil {
			continue
		}
		graphs, findings = append(graphs, g), append(findings, Validate(g, Google))
	}
	alike := `{"@context": "https://schema.org", "@type": "Movie", "name": "Heat", "aggregateRating": {"@type": "AggregateRating", "ratingValue": 9}}`
	g, err := Load([]byte(`[`+alike+`, `+alike+`, `+movieWith(`, "productionCompany": {"@type": "Person", "name": "X"}`)+`]`), "alike.jsonld")
	if err != nil {
		t.Fatal(err)
	}
	fs := Validate(g, Google)
	for i := range fs {
		if i%2 == 0 {
			fs[i].node = nil // named by its description alone
		}
	}
	graphs, findings = append(graphs, g), append(findings, fs)
	checked := 0
	for gi, g := range graphs {
		fs := findings[gi]
		x := indexErrors(fs)
		for _, n := range g.Nodes {
			if !n.Is("Movie") {
				continue
			}
			var rating *Node
			if v, ok := n.First("aggregateRating"); ok && v.Node != nil {
				rating = v.Node
			}
			desc, ratingDesc := n.Describe(), ""
			if rating != nil {
				ratingDesc = rating.Describe()
			}
			var want []int
			for i, f := range fs {
				onMovie := f.node == n || f.node == nil && f.Node == desc
				onRating := rating != nil && (f.node == rating || f.node == nil && f.Node == ratingDesc)
				if f.Severity == Error && (onMovie || onRating) {
					want = append(want, i)
				}
			}
			if got := x.about(n, desc, rating, ratingDesc); fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("%s: %s: %v; the scan finds %v", g.Nodes[0].Pos.File, desc, got, want)
			}
			checked += len(want)
		}
	}
	if checked == 0 {
		t.Fatal("no error on a Movie or its rating was compared")
	}
}
