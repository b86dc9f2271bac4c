package ld

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// TestReadTableIsLineTable: the table readTable makes of sorted N-Quads
// lines writes the bytes of the one lineTable makes of the dataset
// ReadNQuads reads from them, in Turtle, TriG and SPARQL Update, for the
// writers' cases, a language tag in capitals and a line lexQuad leaves to
// json-gold's parser.
func TestReadTableIsLineTable(t *testing.T) {
	cases := map[string]string{
		"nested film in graph": nestedFilm(50, "urn:x:g"),
		"language tags": `<urn:x:a> <http://schema.org/name> "Film"@EN-gb .
<urn:x:a> <http://schema.org/name> "Film"@en-GB .
<urn:x:a> <http://schema.org/name> "Film" .
<urn:x:a> <http://schema.org/alternateName> "Film"^^<http://www.w3.org/2001/XMLSchema#string> .
<urn:x:a> <http://schema.org/n> "5"^^<http://www.w3.org/2001/XMLSchema#integer> .
<urn:x:a> <http://schema.org/n> "5" .
`,
		"escaped IRI": `<urn:x:\u0061> <http://schema.org/name> "x" .
`,
	}
	for name, nq := range rdfCases {
		cases[name] = nq
	}
	for name, nq := range cases {
		lines := strings.SplitAfter(strings.TrimSuffix(nq, "\n"), "\n")
		for i := range lines {
			lines[i] = strings.TrimSuffix(lines[i], "\n") + "\n"
		}
		slices.Sort(lines)
		sorted := strings.Join(slices.Compact(lines), "")
		for _, f := range []Format{FormatTurtle, FormatTriG, FormatSPARQLUpdate} {
			d := NewDataset()
			if _, err := d.ReadNQuads(strings.NewReader(sorted), name, false); err != nil {
				t.Fatal(err)
			}
			var want, got bytes.Buffer
			errWant := d.lineTable(d.labelText(), true).write(&want, f)
			table, err := readTableFrom(strings.NewReader(sorted), 0)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			errGot := table.write(&got, f)
			if fmt.Sprint(errGot) != fmt.Sprint(errWant) || !bytes.Equal(got.Bytes(), want.Bytes()) {
				t.Errorf("%s, %s: readTable gives (error %v)\n%s\nlineTable (error %v)\n%s", name, f, errGot, got.Bytes(), errWant, want.Bytes())
			}
		}
	}
}
