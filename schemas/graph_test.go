package schemas

import "testing"

// Blank node labels belong to their document: two blocks of one page that
// both say "_:r" describe two reviews, while an IRI joins them.
func TestBlankNodesScopedPerBlock(t *testing.T) {
	page := `<script type="application/ld+json">
{"@context": "https://schema.org", "@id": "https://films.example/heat", "@type": "Movie", "name": "Heat",
 "review": {"@id": "_:r", "@type": "Review", "reviewBody": "Tense."}}
</script>
<script type="application/ld+json">
{"@context": "https://schema.org", "@id": "https://films.example/heat",
 "review": {"@id": "_:r", "@type": "Review", "reviewBody": "Long."}}
</script>`
	g, err := LoadHTML([]byte(page), "p.html")
	if err != nil {
		t.Fatal(err)
	}
	var movies, reviews int
	for _, n := range g.Nodes {
		switch {
		case n.Is("Movie"):
			movies++
			if got := len(n.Props["review"]); got != 2 {
				t.Errorf("the Movie has %d reviews; want 2", got)
			}
		case n.Is("Review"):
			reviews++
		}
	}
	if movies != 1 || reviews != 2 {
		t.Errorf("%d movies and %d reviews; want 1 and 2", movies, reviews)
	}
}
