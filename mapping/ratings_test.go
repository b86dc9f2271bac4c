package mapping_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/film2ld/film2ld/mapping"
	"github.com/film2ld/film2ld/mapping/film"
)

// TestRatings pins how a review page's scores reach the graph: each with
// its site's scale, numbers as the page writes them, a publication as
// publisher (and author when no reviewer is named), and no ratingValue
// where the page states no number.
func TestRatings(t *testing.T) {
	page := "Metascore: 74\nGenerally favorable reviews - based on 2 Critics\n" +
		"  1. Reviewed by:\u00a0 Ann Lee\n    Publication: The Daily Lamp\n    Score: 80\n    Jul 6, 2018\n    Warm.\n" +
		"  2. 70 | Harbour Weekly\n    Jul 12, 2018\n    Fine.\n" +
		"User Score\nUser score: 8.2\nGenerally favorable reviews- based on 12 Ratings\n" +
		"  1. 7.85/10\n    Aug 1, 2018\n    Great. Full Review »\n"
	graph := reviewPageGraph(t, page)
	movie := graph[0].(map[string]any)
	got, err := json.Marshal(map[string]any{"aggregateRating": movie["aggregateRating"], "review": movie["review"]})
	if err != nil {
		t.Fatal(err)
	}
	want := `{"aggregateRating":[` +
		`{"@type":"AggregateRating","bestRating":100,"name":"Critic score","ratingExplanation":"Generally favorable reviews","ratingValue":74,"reviewCount":2,"worstRating":0},` +
		`{"@type":"AggregateRating","bestRating":10,"name":"User score","ratingCount":12,"ratingExplanation":"Generally favorable reviews","ratingValue":"8.2","worstRating":0}],` +
		`"review":[` +
		`{"@type":"Review","author":{"@id":"urn:film2ld:person/ann-lee"},"datePublished":"2018-07-06","publisher":{"@id":"urn:film2ld:organization/the-daily-lamp"},"reviewBody":"Warm.","reviewRating":{"@type":"Rating","bestRating":100,"ratingValue":80,"worstRating":0}},` +
		`{"@type":"Review","author":{"@id":"urn:film2ld:organization/harbour-weekly"},"datePublished":"2018-07-12","publisher":{"@id":"urn:film2ld:organization/harbour-weekly"},"reviewBody":"Fine.","reviewRating":{"@type":"Rating","bestRating":100,"ratingValue":70,"worstRating":0}},` +
		`{"@type":"Review","datePublished":"2018-08-01","reviewBody":"Great.","reviewRating":{"@type":"Rating","bestRating":10,"ratingValue":"7.85","worstRating":0}}]}`
	if string(got) != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	var orgs []string
	for _, n := range graph[1:] {
		if node := n.(map[string]any); node["@type"] == "Organization" {
			orgs = append(orgs, node["name"].(string))
		}
	}
	if strings.Join(orgs, ", ") != "Harbour Weekly, The Daily Lamp" {
		t.Errorf("organizations: %q", orgs)
	}
}

// TestReviewByTwo: a review the page credits to two reviewers ("Mark
// Kermode & Simon Mayo", audit 18, refused as two names in one) has both
// as its authors, each a Person of the graph, in the page's order.
func TestReviewByTwo(t *testing.T) {
	page := "Good - based on 2 Critics\n" +
		"  1. Reviewed by: Nadia Haddad & Omar Saleh\n    Publication: Beirut Screen\n    May 3, 2019\n    Tender.\n" +
		"  2. Reviewed by: Omar Saleh\n    May 4, 2019\n    Slow.\n"
	graph := reviewPageGraph(t, page)
	got, err := json.Marshal(graph[0].(map[string]any)["review"])
	if err != nil {
		t.Fatal(err)
	}
	want := `[{"@type":"Review","author":[{"@id":"urn:film2ld:person/nadia-haddad"},{"@id":"urn:film2ld:person/omar-saleh"}],"datePublished":"2019-05-03","publisher":{"@id":"urn:film2ld:organization/beirut-screen"},"reviewBody":"Tender."},` +
		`{"@type":"Review","author":{"@id":"urn:film2ld:person/omar-saleh"},"datePublished":"2019-05-04","reviewBody":"Slow."}]`
	if string(got) != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	var people []string
	for _, n := range graph[1:] {
		if node := n.(map[string]any); node["@type"] == "Person" {
			people = append(people, node["name"].(string))
		}
	}
	if strings.Join(people, ", ") != "Nadia Haddad, Omar Saleh" {
		t.Errorf("people: %q", people)
	}
}

// reviewPageGraph maps a review page alone and returns its combined
// graph, the Movie first.
func reviewPageGraph(t *testing.T, page string) []any {
	t.Helper()
	src, err := mapping.Map(strings.NewReader(page), "r.txt", film.Reviews)
	if err != nil {
		t.Fatal(err)
	}
	res, err := mapping.Combine([]*film.Source{src}, mapping.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return res.Doc["@graph"].([]any)
}
