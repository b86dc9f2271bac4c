package mapping_test

import (
	"fmt"
	"strings"

	"github.com/film2ld/film2ld/mapping"
	"github.com/film2ld/film2ld/mapping/film"
)

// Map reads one document; Combine turns the documents about one film into
// its schema.org graph.
func Example() {
	article := `= Harbour Lights (1998 film) =

- Director: Ana Ferreira
- Running time: 101 minutes
- Language: Portuguese

==Cast==
- Rui Costa as Tomás
`
	src, err := mapping.Map(strings.NewReader(article), "harbour.txt", "")
	if err != nil {
		fmt.Println(err)
		return
	}
	res, err := mapping.Combine([]*film.Source{src}, mapping.Options{Base: "https://films.example/"})
	if err != nil {
		fmt.Println(err)
		return
	}
	movie := res.Doc["@graph"].([]any)[0].(map[string]any)
	fmt.Println(src.Kind, res.MovieID)
	fmt.Println(movie["name"], movie["dateCreated"], movie["duration"], movie["inLanguage"])
	// Output:
	// encyclopedia https://films.example/film/harbour-lights-1998
	// Harbour Lights 1998 PT101M pt
}
