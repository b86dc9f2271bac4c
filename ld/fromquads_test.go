package ld_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/film2ld/film2ld/ld"
)

// TestFromQuadsJSONLiteral: statements read from Turtle or TriG come back
// as JSON-LD the way N-Quads do, an rdf:JSON literal as an @json value
// (the two readers once had separate copies of this step, and only the
// N-Quads one turned rdf:JSON back).
func TestFromQuadsJSONLiteral(t *testing.T) {
	const doc = `<urn:x> <urn:p> "{\"a\":1}"^^<http://www.w3.org/1999/02/22-rdf-syntax-ns#JSON> .`
	quads, err := ld.ReadTurtle(strings.NewReader(doc), "j.ttl", false)
	if err != nil {
		t.Fatal(err)
	}
	fromTurtle, err := ld.NewProcessor(ld.Config{}).FromQuads(quads, "j.ttl")
	if err != nil {
		t.Fatal(err)
	}
	fromNQuads, err := ld.NewProcessor(ld.Config{}).FromNQuads(strings.NewReader(doc+"\n"), "j.nq")
	if err != nil {
		t.Fatal(err)
	}
	a, _ := json.Marshal(fromTurtle)
	b, _ := json.Marshal(fromNQuads)
	if string(a) != string(b) || !strings.Contains(string(a), `"@type":"@json"`) {
		t.Errorf("from Turtle %s\nfrom N-Quads %s\nwant both with an @json value", a, b)
	}
}
