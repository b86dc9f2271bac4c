package schemas

import (
	"encoding/json"
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
	dropped := Snippet(doc, "")
	if len(dropped) != 2 {
		t.Errorf("dropped %v; want the two undated reviews without a rating", dropped)
	}
	var ids []string
	for _, n := range doc["@graph"].([]any) {
		ids = append(ids, n.(map[string]any)["@id"].(string))
	}
	// Ann, her club and her paper hung only from her review; the director
	// also directed the film; the stray node was never reachable and is
	// not pruning's business.
	want := `["urn:x:film","urn:x:bo","urn:x:dir","urn:x:stray"]`
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
			for _, f := range Snippet(doc, "") {
				rules = append(rules, f.Rule)
			}
			if fmtList(rules) != fmtList(c.dropped) {
				t.Errorf("dropped %v; want %v", rules, c.dropped)
			}
			r, ok := doc["aggregateRating"].(map[string]any)
			if !ok || r["name"] != c.want {
				t.Errorf("aggregateRating = %v; want only %q", doc["aggregateRating"], c.want)
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
	Snippet(doc, "")
	for _, f := range Validate(FromDoc(doc, ""), Google) {
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
