package pipeline_test

import (
	"testing"

	"github.com/film2ld/film2ld/mapping/pipeline"
	"github.com/film2ld/film2ld/schemas"
)

// TestLoadPlacesTurtleSubjects: a finding on linked data read from Turtle
// or TriG points at the line where its node is first written as a
// subject, whether as a prefixed name, an IRI relative to @base, or
// after the node was named as an object.
func TestLoadPlacesTurtleSubjects(t *testing.T) {
	const doc = `@prefix s: <http://schema.org/> .
@prefix ex: <https://cinema.example/films/> .
@base <https://cinema.example/> .

ex:tide
    a s:Movie ;
    s:director <people/ines> .

<people/ines> a s:Person .
`
	for _, name := range []string{"film.ttl", "film.trig"} {
		g, err := pipeline.Load([]byte(doc), name, name, "")
		if err != nil {
			t.Fatal(err)
		}
		findings := schemas.Validate(g, schemas.Google)
		lines := map[string]int{}
		for _, f := range findings {
			lines[f.Rule] = f.Pos.Line
		}
		// The Movie has no name.
		if l, ok := lines[schemas.RuleMovieName]; !ok || l != 5 {
			t.Errorf("%s: %s at line %d (found %v); want 5: %v", name, schemas.RuleMovieName, l, ok, findings)
		}
	}
}
