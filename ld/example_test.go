package ld_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/film2ld/film2ld/ld"
)

const exampleMovie = `{
  "@context": "https://schema.org",
  "@type": "Movie",
  "@id": "https://films.example/m/heat",
  "name": "Heat",
  "datePublished": "1995-12-15",
  "director": {"@type": "Person", "name": "Michael Mann"}
}`

func decode(s string) any {
	var doc any
	if err := json.Unmarshal([]byte(s), &doc); err != nil {
		panic(err)
	}
	return doc
}

func ExampleProcessor_Write() {
	p := ld.NewProcessor(ld.Config{})
	f, err := ld.ParseFormat("nquads")
	if err != nil {
		fmt.Println(err)
		return
	}
	if err := p.Write(os.Stdout, decode(exampleMovie), f, ld.Options{}); err != nil {
		fmt.Println(err)
	}
	// Output:
	// <https://films.example/m/heat> <http://schema.org/datePublished> "1995-12-15"^^<http://schema.org/Date> .
	// <https://films.example/m/heat> <http://schema.org/director> _:b0 .
	// <https://films.example/m/heat> <http://schema.org/name> "Heat" .
	// <https://films.example/m/heat> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://schema.org/Movie> .
	// _:b0 <http://schema.org/name> "Michael Mann" .
	// _:b0 <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://schema.org/Person> .
}

func ExampleProcessor_Compact() {
	p := ld.NewProcessor(ld.Config{})
	// Expanded JSON-LD, as FromNQuads returns it.
	expanded := decode(`[{
	  "@id": "https://films.example/m/heat",
	  "@type": ["http://schema.org/Movie"],
	  "http://schema.org/name": [{"@value": "Heat"}]
	}]`)
	c, err := p.Compact(expanded, ld.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	out, _ := json.Marshal(c)
	fmt.Println(string(out))
	// Output:
	// {"@context":"https://schema.org","@id":"https://films.example/m/heat","@type":"Movie","name":"Heat"}
}

func ExampleProcessor_Expand() {
	p := ld.NewProcessor(ld.Config{})
	doc := decode(`{"@context": "https://schema.org", "@type": "Movie", "image": "poster.jpg"}`)
	if _, err := p.Expand(doc, ld.Options{}); errors.Is(err, ld.ErrRelativeIRI) {
		fmt.Println(err)
	}
	expanded, err := p.Expand(doc, ld.Options{Base: "https://films.example/m/heat"})
	if err != nil {
		fmt.Println(err)
		return
	}
	image := expanded[0].(map[string]any)["http://schema.org/image"]
	fmt.Println(image)
	// Output:
	// Movie: image: relative IRI reference "poster.jpg" (give a base IRI to resolve it)
	// [map[@id:https://films.example/m/poster.jpg]]
}

func ExampleProcessor_Frame() {
	p := ld.NewProcessor(ld.Config{})
	flat := decode(`{"@context": "https://schema.org", "@graph": [
	  {"@id": "https://films.example/p/mann", "@type": "Person", "name": "Michael Mann"},
	  {"@id": "https://films.example/m/heat", "@type": "Movie", "name": "Heat",
	   "director": {"@id": "https://films.example/p/mann"}}
	]}`)
	framed, err := p.Frame(flat, "Movie", ld.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	out, _ := json.MarshalIndent(framed, "", "  ")
	fmt.Println(string(out))
	// Output:
	// {
	//   "@context": "https://schema.org",
	//   "@id": "https://films.example/m/heat",
	//   "@type": "Movie",
	//   "director": {
	//     "@id": "https://films.example/p/mann",
	//     "@type": "Person",
	//     "name": "Michael Mann"
	//   },
	//   "name": "Heat"
	// }
}

func ExampleProcessor_Canonical() {
	p := ld.NewProcessor(ld.Config{})
	// Two documents with the same graph, written differently.
	a := decode(`{"@context": "https://schema.org", "@type": "Movie", "name": "Heat",
	  "director": {"@type": "Person", "name": "Michael Mann"}}`)
	b := decode(`{"@context": "http://schema.org/", "@graph": [
	  {"@id": "_:d", "@type": "Person", "name": "Michael Mann"},
	  {"@id": "_:m", "@type": "Movie", "name": "Heat", "director": {"@id": "_:d"}}]}`)
	ca, _ := p.Canonical(a, ld.Options{})
	cb, _ := p.Canonical(b, ld.Options{})
	fmt.Println(ca == cb)
	fmt.Print(ca)
	// Output:
	// true
	// _:c14n0 <http://schema.org/director> _:c14n1 .
	// _:c14n0 <http://schema.org/name> "Heat" .
	// _:c14n0 <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://schema.org/Movie> .
	// _:c14n1 <http://schema.org/name> "Michael Mann" .
	// _:c14n1 <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://schema.org/Person> .
}

func ExampleProcessor_FromNQuads() {
	p := ld.NewProcessor(ld.Config{})
	nq := `<https://films.example/m/heat> <http://schema.org/name> "Heat" .
<https://films.example/m/heat> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://schema.org/Movie> .
`
	expanded, err := p.FromNQuads(strings.NewReader(nq), "heat.nq")
	if err != nil {
		fmt.Println(err)
		return
	}
	if err := p.Write(os.Stdout, expanded, ld.FormatJSONLD, ld.Options{}); err != nil {
		fmt.Println(err)
	}
	_, err = p.FromNQuads(strings.NewReader("<https://films.example/m/heat> <name> \"Heat\" .\n"), "bad.nq")
	fmt.Println(err)
	// Output:
	// {
	//   "@context": "https://schema.org",
	//   "@id": "https://films.example/m/heat",
	//   "@type": "Movie",
	//   "name": "Heat"
	// }
	// bad.nq:1:32: relative IRI reference "name"
}

func ExampleProcessor_HTML() {
	p := ld.NewProcessor(ld.Config{})
	doc := decode(`{"@context": "https://schema.org", "@type": "Review",
	  "reviewBody": "</script><script>alert(1)</script> & more"}`)
	out, err := p.HTML(doc, ld.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Print(string(out))
	// Output:
	// <script type="application/ld+json">
	// {
	//   "@context": "https://schema.org",
	//   "@type": "Review",
	//   "reviewBody": "\u003c/script\u003e\u003cscript\u003ealert(1)\u003c/script\u003e \u0026 more"
	// }
	// </script>
}

func ExampleExtractHTML() {
	page := `<html><head>
<title>Heat</title>
<script type="application/ld+json">
{"@context": "https://schema.org", "@type": "Movie", "name": "Heat"}
</script>
</head></html>`
	blocks, err := ld.ExtractHTML(strings.NewReader(page), "heat.html")
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, b := range blocks {
		fmt.Println(b.Line, b.Doc.(map[string]any)["name"])
	}
	// Output:
	// 3 Heat
}

func ExampleParseFormat() {
	var names []string
	for _, f := range ld.Formats() {
		names = append(names, f.String())
	}
	fmt.Println(strings.Join(names, " "))
	_, err := ld.ParseFormat("rdfxml")
	fmt.Println(err)
	// Output:
	// jsonld expanded flattened nquads canonical html turtle trig sparql-update
	// unknown format "rdfxml" (want one of jsonld, expanded, flattened, nquads, canonical, html, turtle, trig, sparql-update)
}

// An input that does not parse is a *PosError: its position names the
// file, line and column (in characters: "é" counts one, where a byte
// count would say 38), and ErrorWithPosition shows the
// line with a caret, for messages meant for people.
func ExampleProcessor_Read_syntaxError() {
	p := ld.NewProcessor(ld.Config{})
	page := "{\"@context\": \"https://schema.org\",\n \"@type\": \"Movie\", \"name\": \"Amélie\",,\n}"
	_, err := p.Read(strings.NewReader(page), "amelie.jsonld", ld.InputJSONLD)
	var pe *ld.PosError
	if errors.As(err, &pe) {
		fmt.Println(pe.Pos.Line, pe.Pos.Col)
		fmt.Print(pe.ErrorWithPosition())
	}
	// Output:
	// 2 37
	// amelie.jsonld:2:37: invalid character ',' looking for beginning of object key string
	//   2 |  "@type": "Movie", "name": "Amélie",,
	//     |                                     ^
}
