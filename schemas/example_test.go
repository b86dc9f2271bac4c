package schemas_test

import (
	"fmt"

	"github.com/film2ld/film2ld/schemas"
)

// Validate a page's markup with the google profile: a ratingValue written
// as a fraction is read as Google reads it, and a director that is an
// Organization breaks schema.org's range for director.
func ExampleValidate() {
	page := []byte(`<!doctype html>
<script type="application/ld+json">
{"@context": "https://schema.org", "@type": "Movie", "name": "Stalker",
 "image": "https://films.example/stalker.jpg", "dateCreated": "1979",
 "director": {"@type": "Organization", "name": "Mosfilm"},
 "review": {"@type": "Review", "author": {"@type": "Person", "name": "Ann"}, "datePublished": "1980-01-01"},
 "aggregateRating": {"@type": "AggregateRating", "ratingValue": "8.1 / 10", "ratingCount": 1234}}
</script>`)
	g, err := schemas.LoadHTML(page, "stalker.html")
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range schemas.Validate(g, schemas.Google) {
		fmt.Println(f)
	}
	// Output:
	// stalker.html:5:14: error: Movie "Stalker": director: director is an Organization node, where schema.org expects Person (give director a Person node) [vocab.range]
}

// Previews tell what a search engine could show for each Movie.
func ExamplePreviews() {
	g, _ := schemas.Load([]byte(`{"@context": "https://schema.org", "@type": "Movie", "name": "Solaris",
 "dateCreated": "1972-03-20", "aggregateRating": {"@type": "AggregateRating", "ratingValue": "81%", "ratingCount": 90}}`), "solaris.jsonld")
	for _, p := range schemas.Previews(g, schemas.Validate(g, schemas.Google)) {
		fmt.Printf("%s (%s): %.2g stars, %s from %s ratings\n", p.Title, p.Year, p.Stars, p.Score, p.Count)
	}
	// Output:
	// Solaris (1972): 4.1 stars, 81% from 90 ratings
}

// Each rule names the documentation it follows.
func ExampleLookupRule() {
	r, _ := schemas.LookupRule("google.rating.value")
	fmt.Println(r.Severity, r.Source)
	// Output:
	// error https://developers.google.com/search/docs/appearance/structured-data/review-snippet
}
