package schemas

import (
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestSnippetPrunesOrphans: a review left out takes with it the nodes of
// the "@graph" that only it led to, and nothing else.
func TestSnippetPrunesOrphans(t *testing.T) {
	var doc map[string]any
	err := json.Unmarshal([]byte(`{"@context": "https://schema.org", "@graph": [
	  {"@id": "urn:x:film", "@type": "Movie", "name": "Heat", "director": {"@id": "urn:x:dir"},
	   "review": [
	     {"@type": "Review", "author": {"@id": "urn:x:ann"}, "publisher": {"@id": "urn:x:paper"}},
	     {"@type": "Review", "author": {"@id": "urn:x:bo"}, "datePublished": "1995-12-15"},
	     {"@type": "Review", "author": {"@id": "urn:x:dir"}}
	   ]},
	  {"@id": "urn:x:ann", "@type": "Person", "name": "Ann", "affiliation": {"@id": "urn:x:club"}},
	  {"@id": "urn:x:club", "@type": "Organization", "name": "Critics' Club"},
	  {"@id": "urn:x:paper", "@type": "Organization", "name": "The Paper"},
	  {"@id": "urn:x:bo", "@type": "Person", "name": "Bo"},
	  {"@id": "urn:x:dir", "@type": "Person", "name": "Dee"},
	  {"@id": "urn:x:stray", "@type": "Person", "name": "Nobody refers to me"}
	]}`), &doc)
	if err != nil {
		t.Fatal(err)
	}
	g, dropped := SnippetFor(doc, "", SnippetOptions{})
	if len(dropped) != 2 {
		t.Errorf("dropped %v; want the two undated reviews without a rating", dropped)
	}
	var ids []string
	for _, n := range g.Nodes {
		if n.TopLevel {
			ids = append(ids, n.ID)
		}
	}
	slices.Sort(ids)
	// Ann, her club and her paper hung only from her review; the director
	// also directed the film; the stray node was never reachable and is
	// not pruning's business.
	want := `["urn:x:bo","urn:x:dir","urn:x:film","urn:x:stray"]`
	if got := fmtList(ids); got != want {
		t.Errorf("graph ids %s; want %s", got, want)
	}
}

func fmtList(s []string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// TestSnippetOneAggregateRating: Google reads one aggregateRating per item;
// the snippet keeps the first the rules accept, even when a rejected one
// stands before it.
func TestSnippetOneAggregateRating(t *testing.T) {
	rating := func(name string, value any) map[string]any {
		r := map[string]any{"@type": "AggregateRating", "name": name, "ratingCount": 10.0, "bestRating": 10.0, "worstRating": 0.0}
		if value != nil {
			r["ratingValue"] = value
		}
		return r
	}
	cases := []struct {
		name    string
		ratings []any
		want    string
		dropped []string
	}{
		{"critic then user", []any{rating("Critic", 8.0), rating("User", "7.4")}, "Critic", []string{RuleOneAggregate}},
		{"unscored critic then user", []any{rating("Critic", nil), rating("User", "7.4"), rating("Band", nil)}, "User",
			[]string{"google.aggregate.value", "google.aggregate.value"}},
		{"one", nil, "User", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc := map[string]any{"@context": "https://schema.org", "@type": "Movie", "name": "Heat", "aggregateRating": c.ratings}
			if c.ratings == nil {
				doc["aggregateRating"] = rating("User", 3.0)
			}
			var rules []string
			g, dropped := SnippetFor(doc, "", SnippetOptions{})
			for _, f := range dropped {
				rules = append(rules, f.Rule)
			}
			if fmtList(rules) != fmtList(c.dropped) {
				t.Errorf("dropped %v; want %v", rules, c.dropped)
			}
			rs := g.Nodes[0].Values("aggregateRating")
			if len(rs) != 1 || rs[0].Node.Name() != c.want {
				t.Errorf("aggregateRating = %v; want only %q", rs, c.want)
			}
		})
	}
}

// TestValidateOneAggregateRating: validate warns on markup with two
// aggregateRatings, and the snippet of it has no such warning left.
func TestValidateOneAggregateRating(t *testing.T) {
	doc := map[string]any{"@context": "https://schema.org", "@type": "Movie", "name": "Heat", "image": "https://x.example/p.jpg",
		"aggregateRating": []any{
			map[string]any{"@type": "AggregateRating", "name": "Critics", "ratingValue": 80.0, "bestRating": 100.0, "worstRating": 0.0, "reviewCount": 5.0},
			map[string]any{"@type": "AggregateRating", "name": "Users", "ratingValue": 7.0, "bestRating": 10.0, "worstRating": 0.0, "ratingCount": 9.0},
		}}
	var rules []string
	for _, f := range Validate(FromDoc(doc, ""), Google) {
		rules = append(rules, f.Rule)
	}
	if !slicesContains(rules, RuleOneAggregate) {
		t.Errorf("no %s in %v", RuleOneAggregate, rules)
	}
	g, _ := SnippetFor(doc, "", SnippetOptions{})
	for _, f := range Validate(g, Google) {
		if f.Rule == RuleOneAggregate {
			t.Errorf("the snippet still has two: %v", f)
		}
	}
}

func slicesContains(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// snippetDoc is a Movie with n reviews, each by a Person of its own in the
// "@graph"; every tenth has no author, which the snippet leaves out with
// its reviewer gone, and two aggregate ratings, one too many.
func snippetDoc(n int) map[string]any {
	var reviews []any
	graph := []any{}
	for i := range n {
		r := map[string]any{"@type": "Review", "datePublished": "2011-03-25", "reviewBody": fmt.Sprintf("Review %d.", i)}
		id := fmt.Sprintf("urn:x:critic%d", i)
		if i%10 == 0 {
			r["publisher"] = map[string]any{"@id": id}
		} else {
			r["author"] = map[string]any{"@id": id}
		}
		reviews = append(reviews, r)
		graph = append(graph, map[string]any{"@id": id, "@type": "Person", "name": fmt.Sprintf("Critic %d", i)})
	}
	movie := map[string]any{"@id": "urn:x:film", "@type": "Movie", "name": "Bench Film", "review": reviews,
		"aggregateRating": []any{
			map[string]any{"@type": "AggregateRating", "ratingValue": 80.0, "bestRating": 100.0, "worstRating": 0.0, "reviewCount": 5.0},
			map[string]any{"@type": "AggregateRating", "ratingValue": 7.0, "bestRating": 10.0, "worstRating": 0.0, "ratingCount": 9.0},
		}}
	return map[string]any{"@context": "https://schema.org", "@graph": append([]any{movie}, graph...)}
}

// BenchmarkSnippetFor5000 measures validate's snippet of linked data with
// 5,000 reviews, 500 of them left out.
func BenchmarkSnippetFor5000(b *testing.B) {
	doc := snippetDoc(5000)
	for b.Loop() {
		if _, dropped := SnippetFor(doc, "", SnippetOptions{}); len(dropped) != 501 {
			b.Fatalf("%d left out", len(dropped))
		}
	}
}

// TestSnippetRulesSkipMovie: checkSnippet gives exactly checkGoogle's
// findings of snippetRules, in order, on every document of the corpus,
// the goldens and schema.org's examples (and on pages that set off every
// movie rule), so leaving the movie carousel's rules out of it loses no
// finding a snippet reads.
func TestSnippetRulesSkipMovie(t *testing.T) {
	var files []string
	for _, pattern := range []string{
		filepath.Join("testdata", "corpus", "*"),
		filepath.Join("..", "mapping", "testdata", "golden", "*.jsonld"),
		filepath.Join("..", "..", "shared", "schemaorg", "examples", "*.jsonld"),
	} {
		m, _ := filepath.Glob(pattern)
		files = append(files, m...)
	}
	type doc struct {
		name string
		text []byte
	}
	docs := []doc{
		{"movies", []byte(`{"@context": "https://schema.org", "@type": "ItemList", "itemListElement": [
			{"@type": "ListItem", "position": 1, "item": {"@type": "Movie", "aggregateRating": [{"@type": "AggregateRating", "ratingValue": 5, "ratingCount": 2}, {"@type": "AggregateRating"}]}},
			{"@type": "ListItem", "position": 2, "item": {"@type": "Movie", "name": "N", "review": {"@type": "Review", "author": "x"}}}]}`)},
		{"movie", []byte(`{"@context": "https://schema.org", "@type": "Movie", "aggregateRating": [{"@type": "AggregateRating", "ratingValue": 5, "ratingCount": 2}, {"@type": "AggregateRating", "ratingValue": 4}]}`)},
	}
	for _, f := range files {
		text, err := os.ReadFile(f)
		if err != nil || strings.HasSuffix(f, ".tsv") || strings.HasSuffix(f, ".md") {
			continue
		}
		docs = append(docs, doc{f, text})
	}
	compared, movieRules := 0, 0
	for _, d := range docs {
		var g *Graph
		var err error
		if strings.HasSuffix(d.name, ".html") {
			g, err = LoadHTML(d.text, d.name)
		} else {
			g, err = Load(d.text, d.name)
		}
		if err != nil {
			continue
		}
		for _, pageURL := range []string{"", "https://films.example.org/a"} {
			g.PageURL = pageURL
			var want []Finding
			for _, f := range checkGoogle(g) {
				if snippetRules[f.Rule] {
					want = append(want, f)
				} else if strings.HasPrefix(f.Rule, "google.movie.") {
					movieRules++
				}
			}
			got := checkSnippet(g)
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("%s (page %q): checkSnippet gave\n%v\nwant\n%v", d.name, pageURL, got, want)
			}
			compared++
		}
	}
	if compared < 100 || movieRules == 0 {
		t.Errorf("%d documents compared, %d movie findings: the test reads too little", compared, movieRules)
	}
	// The movie rules themselves are none of the snippet's.
	for _, r := range []string{RuleMovieName, RuleMovieImage, RuleMovieRecommended, RuleOneAggregate} {
		if snippetRules[r] {
			t.Errorf("%s is a snippet rule: checkSnippet must run the movie rules", r)
		}
	}
}

// TestSnippetShortcutAgrees: a document with no review and no aggregate
// rating (nothing a snippet could leave out) is read once, its "@graph"
// let go of as it is read where the caller consents, rather than searched
// for what to leave out; its snippet's graph, both profiles' findings,
// and what was left out are those of the search, for every document of
// the differential set that decodes, with and without Consume. So are a
// document's with reviews or ratings read once where Again can make it
// again, whether the snippet leaves something out (it is made again and
// searched) or not (the graph read once is the snippet's).
func TestSnippetShortcutAgrees(t *testing.T) {
	docs := differentialDocs(t)
	decode := func(data []byte) map[string]any {
		var doc any
		if err := json.Unmarshal(data, &doc); err != nil {
			t.Fatal(err)
		}
		m, ok := doc.(map[string]any)
		if !ok {
			m = map[string]any{"@context": "https://schema.org", "@graph": doc}
		}
		return m
	}
	agains := 0
	report := func(data []byte, consume, again bool) string {
		opts := SnippetOptions{PageURL: "https://films.example/page", Consume: consume}
		if again {
			opts.Again = func() map[string]any {
				agains++
				return decode(data)
			}
		}
		return snippetReport(SnippetFor(decode(data), "doc.jsonld", opts))
	}
	short, streamed, searched := 0, 0, 0
	for _, name := range slices.Sorted(maps.Keys(docs)) {
		var doc any
		if err := json.Unmarshal(docs[name], &doc); err != nil {
			continue
		}
		if anyOfType(doc, "Review", "AggregateRating") {
			searched++
		} else {
			short++
			if m, ok := doc.(map[string]any); !ok || m["@graph"] != nil {
				streamed++
			}
		}
		snippetShortcut = false
		slow := report(docs[name], false, false)
		snippetShortcut = true
		for _, consume := range []bool{false, true} {
			if fast := report(docs[name], consume, false); fast != slow {
				t.Errorf("%s: read at once (consume %v):\n%s\nsearched:\n%s", name, consume, fast, slow)
			}
		}
		if fast := report(docs[name], true, true); fast != slow {
			t.Errorf("%s: read at once, made again where it leaves something out:\n%s\nsearched:\n%s", name, fast, slow)
		}
	}
	if short == 0 || streamed == 0 || searched == 0 || agains == 0 || agains == searched {
		t.Fatalf("%d documents read at once (%d of them a @graph), %d searched, %d made again: want some of each", short, streamed, searched, agains)
	}
	t.Logf("%d documents read at once (%d of them a @graph), %d searched (%d of them made again), alike", short, streamed, searched, agains)
}

// snippetReport writes what a snippet's graph holds and what both
// profiles find in it, and what was left out, for comparing two ways of
// making it.
func snippetReport(g *Graph, dropped []Finding) string {
	var out strings.Builder
	for _, f := range dropped {
		fmt.Fprintln(&out, "dropped", f)
	}
	for _, n := range g.Nodes {
		fmt.Fprintln(&out, n.Describe(), n.Types, len(n.Props), len(n.Parents), n.TopLevel)
	}
	for _, p := range []Profile{Google, SchemaOrg} {
		for _, f := range Validate(g, p) {
			fmt.Fprintln(&out, p, f)
		}
	}
	return out.String()
}

// TestChooseKeepsFindingsCompactly: Choose keeps what left each item out
// detached from the item's graph, and items left out alike share one
// finding, so that a page of 200,000 reviews by no one is not held as
// 200,000 graphs (497 MB for 20 MB of page) nor as as many findings; the
// findings still come out one an item, each numbered by its item.
func TestChooseKeepsFindingsCompactly(t *testing.T) {
	const n = 3000
	item := func(i int) map[string]any {
		review := map[string]any{"@type": "Review", "datePublished": "2011-03-25", "reviewBody": fmt.Sprintf("Review %d of a fine film.", i)}
		if i%3 == 0 {
			review["author"] = map[string]any{"@type": "Person", "name": fmt.Sprintf("Critic %c", 'A'+i%26)}
		}
		return map[string]any{"@context": "https://schema.org", "@id": "urn:x:film", "@type": "Movie", "name": "Heat", "review": review}
	}
	keep, dropped := Choose(n, item, "page.txt", SnippetOptions{})
	var want []int
	for i := range n {
		if keep[i] != (i%3 == 0) {
			t.Fatalf("item %d: keep %v", i, keep[i])
		}
		if !keep[i] {
			want = append(want, -(i + 1))
		}
	}
	if dropped.Len() != len(want) {
		t.Fatalf("%d findings; want one for each of the %d items left out", dropped.Len(), len(want))
	}
	if len(dropped.findings) != 1 {
		t.Errorf("%d distinct findings kept; want the one all the items share", len(dropped.findings))
	}
	var seqs []int
	for f := range dropped.All() {
		if f.node != nil {
			t.Fatalf("a finding holds its node, and through it its item's graph: %v", f)
		}
		if f.Rule != RuleReviewAuthor {
			t.Errorf("finding %v; want %s", f, RuleReviewAuthor)
		}
		seqs = append(seqs, f.nodeSeq)
	}
	if !slices.Equal(seqs, want) {
		t.Errorf("the findings are numbered %v…; want each by its item, in order, %v…", seqs[:5], want[:5])
	}
}
