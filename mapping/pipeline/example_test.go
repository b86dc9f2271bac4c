package pipeline_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/film2ld/film2ld/ld"
	"github.com/film2ld/film2ld/mapping/pipeline"
)

// Example exports one film's web snippet as `film2ld export -f jsonld`
// does: read each document, merge, render the view the format shows, and
// write it. The review page states its critics' verdict and its bands in
// words and counts, with no score: search engines reject an
// AggregateRating without one, so the snippet leaves them out and says
// why (the RDF formats keep them).
func Example() {
	article := `= Harbour Lights (1998 film) =

Harbour Lights is a 1998 Portuguese drama film directed by Ana Ferreira.

- Director: Ana Ferreira
- Running time: 101 minutes
`
	reviews := "Generally favorable reviews - based on 2 Critics\n\n" +
		"Critic score distribution:\n  1. Positive: 2 out of 2\n  2. Mixed: 0 out of 2\n  3. Negative: 0 out of 2\nWatch On\n" +
		"  1. Reviewed by:\u00a0 Rui Costa\n    Mar 3, 1999\n    A quiet film about a harbour.\n" +
		"  2. Reviewed by:\u00a0 Lia Mota\n    Mar 9, 1999\n    Slow, and worth it."
	job := pipeline.New(pipeline.Options{Format: ld.FormatJSONLD})
	for _, doc := range []struct{ name, text string }{{"article.txt", article}, {"reviews.txt", reviews}} {
		if _, err := job.Read(strings.NewReader(doc.text), doc.name); err != nil {
			fmt.Println(err)
			return
		}
	}
	film, err := job.Merge()
	if err != nil {
		fmt.Println(err)
		return
	}
	out, err := job.Render(film)
	if err != nil {
		fmt.Println(err)
		return
	}
	for f := range out.LeftOut.All() {
		fmt.Printf("left out: %s [%s]\n", f.Node, f.Rule)
	}
	if err := out.Write(os.Stdout); err != nil {
		fmt.Println(err)
	}
	// Output:
	// left out: AggregateRating "Critic score" [google.aggregate.value]
	// left out: AggregateRating "Critic score: Mixed" [google.aggregate.value]
	// left out: AggregateRating "Critic score: Negative" [google.aggregate.value]
	// left out: AggregateRating "Critic score: Positive" [google.aggregate.value]
	// {
	//   "@context": "https://schema.org",
	//   "@id": "urn:film2ld:film/harbour-lights-1998",
	//   "@type": "Movie",
	//   "abstract": "Harbour Lights is a 1998 Portuguese drama film directed by Ana Ferreira.",
	//   "dateCreated": "1998",
	//   "director": {
	//     "@id": "urn:film2ld:person/ana-ferreira",
	//     "@type": "Person",
	//     "name": "Ana Ferreira"
	//   },
	//   "duration": "PT101M",
	//   "name": "Harbour Lights",
	//   "review": [
	//     {
	//       "@type": "Review",
	//       "author": {
	//         "@id": "urn:film2ld:person/rui-costa",
	//         "@type": "Person",
	//         "name": "Rui Costa"
	//       },
	//       "datePublished": "1999-03-03",
	//       "reviewBody": "A quiet film about a harbour."
	//     },
	//     {
	//       "@type": "Review",
	//       "author": {
	//         "@id": "urn:film2ld:person/lia-mota",
	//         "@type": "Person",
	//         "name": "Lia Mota"
	//       },
	//       "datePublished": "1999-03-09",
	//       "reviewBody": "Slow, and worth it."
	//     }
	//   ]
	// }
}
