package schemaorg_test

import (
	"fmt"

	"github.com/film2ld/film2ld/ld/schemaorg"
)

func ExampleType() {
	movie, _ := schemaorg.Type("Movie")
	fmt.Println(movie.Name, movie.Supertypes)
	fmt.Println(schemaorg.IsSubtypeOf("Movie", "Thing"))
	// Output:
	// Movie [CreativeWork]
	// true
}

func ExampleProperty() {
	p, _ := schemaorg.Property("actor")
	fmt.Println(p.Range)
	fmt.Println(schemaorg.SupersededBy("actors"))
	// Output:
	// [PerformingGroup Person]
	// actor
}
