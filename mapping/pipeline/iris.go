package pipeline

import (
	"fmt"

	"github.com/film2ld/film2ld/ld"
	"github.com/film2ld/film2ld/mapping/film"
)

// leaveOutBadIRIs leaves out the addresses a document states that are no
// IRI a linked-data writer takes (a "%" with no two hex digits after it,
// a space, a port that is no number), each with a note at its line: the
// document's own URL, its publisher's, its trailers' and its companies'
// web sites. Kept, one such address failed the whole film's export with
// an error that named no line ("subjectOf: invalid IRI …", audit 20).
func leaveOutBadIRIs(src *film.Source) {
	bad := func(what, iri string, line int) bool {
		if iri == "" {
			return false
		}
		err := ld.CheckIRI(iri)
		if err == nil {
			return false
		}
		src.Notes = append(src.Notes, film.Note{Line: line,
			Message: fmt.Sprintf("left out %s %q: %v", what, iri, err)})
		return true
	}
	if bad("the page's address", src.URL.Value, src.URL.Line) {
		src.URL = film.Text{}
	}
	if p := src.Publisher; p != nil && bad("the publisher's address", p.URL(), p.Name.Line) {
		p.SetURL("")
	}
	trailers := src.Film.Trailers[:0]
	for _, t := range src.Film.Trailers {
		if !bad("the trailer's address", t.Value, t.Line) {
			trailers = append(trailers, t)
		}
	}
	src.Film.Trailers = trailers
	for i := range src.Film.Credits {
		a := &src.Film.Credits[i].Agent
		if bad("the address of "+a.Name.Value, a.URL(), a.Name.Line) {
			a.SetURL("")
		}
		if c := a.Contact(); c != nil && bad("the web site of "+a.Name.Value, c.URL, a.Name.Line) {
			c.URL = ""
		}
	}
}
