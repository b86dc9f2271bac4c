package schemas

import (
	"fmt"
	"strings"
	"testing"
)

// Blank node labels belong to their document, and a page's blocks are one
// document, as JSON-LD's extractAllScripts (and jsonld.js) read a page:
// two blocks that both say "_:r" describe one review (they were kept
// apart, and a reference to "_:r" from another block dangled).
func TestBlankNodesScopedPerPage(t *testing.T) {
	block1 := `{"@context": "https://schema.org", "@id": "https://films.example/heat", "@type": "Movie", "name": "Heat",
 "review": {"@id": "_:r", "@type": "Review", "reviewBody": "Tense."}}`
	block2 := `{"@context": "https://schema.org", "@id": "https://films.example/heat",
 "review": {"@id": "_:r", "@type": "Review", "author": {"@type": "Person", "name": "Ann Lee"}}}`
	count := func(g *Graph) (movies, reviews int) {
		for _, n := range g.Nodes {
			switch {
			case n.Is("Movie"):
				movies++
			case n.Is("Review"):
				reviews++
			}
		}
		return movies, reviews
	}
	page := `<script type="application/ld+json">` + block1 + "</script>\n<script type=\"application/ld+json\">" + block2 + "</script>"
	g, err := LoadHTML([]byte(page), "p.html")
	if err != nil {
		t.Fatal(err)
	}
	if m, r := count(g); m != 1 || r != 1 {
		t.Errorf("a page: %d movies and %d reviews; want 1 and 1", m, r)
	}
}

// Place gives a blank node the line of the nearest ancestor with an IRI,
// however deep it is nested: a review's author (a blank node under a blank
// review under the Movie) takes the Movie's line, as the review does.
// Nodes with an IRI of their own keep theirs; a blank node under no IRI at
// all keeps no line.
func TestPlaceClimbsAncestors(t *testing.T) {
	doc := map[string]any{"@context": "https://schema.org", "@graph": []any{
		map[string]any{"@id": "https://films.example/heat", "@type": "Movie", "name": "Heat",
			"review": map[string]any{"@type": "Review", "reviewBody": "Tense.",
				"author": map[string]any{"@type": "Person", "name": "Ann",
					"affiliation": map[string]any{"@type": "Organization", "name": "Daily"}}}},
		map[string]any{"@id": "https://films.example/ann-lee", "@type": "Person", "name": "Ann Lee"},
		map[string]any{"@type": "Review", "reviewBody": "Loose.",
			"author": map[string]any{"@type": "Person", "name": "Bo"}},
	}}
	g := FromDoc(doc, "films.nq")
	lines := map[string]int{"https://films.example/heat": 7, "https://films.example/ann-lee": 12}
	g.Place(func(id string) int { return lines[id] })
	want := map[string]int{"Heat": 7, "Tense.": 7, "Ann": 7, "Daily": 7, "Ann Lee": 12, "Loose.": 0, "Bo": 0}
	for _, n := range g.Nodes {
		key := n.Name()
		if key == "" {
			key, _ = n.Values("reviewBody")[0].Literal.(string)
		}
		w, ok := want[key]
		if !ok {
			t.Errorf("unexpected node %s", n.Describe())
			continue
		}
		delete(want, key)
		if n.Pos.Line != w {
			t.Errorf("%s: placed on line %d; want %d", n.Describe(), n.Pos.Line, w)
		}
		// Its values stand where it does: findings of the vocabulary
		// layer are placed at a value.
		for _, p := range n.Props {
			if int(p.Values[0].Pos.Line) != w || int(p.KeyPos.Line) != w || n.PropPos(p.Name).Line != w {
				t.Errorf("%s: %s placed on line %d, its key on %d; want %d", n.Describe(), p.Name, p.Values[0].Pos.Line, p.KeyPos.Line, w)
			}
		}
	}
	for k := range want {
		t.Errorf("no node %q in the graph", k)
	}
}

// Findings made before Place about a node (what Snippet leaves out, made
// on a graph of its own) take their node's line too.
func TestPlaceFindings(t *testing.T) {
	doc := map[string]any{"@context": "https://schema.org", "@id": "https://films.example/heat", "@type": "Movie",
		"name": "Heat", "image": "https://films.example/heat.jpg",
		"review": map[string]any{"@type": "Review", "reviewBody": "Tense.", "datePublished": "2020-01-02",
			"author": map[string]any{"@type": "Person"}}}
	g, dropped := SnippetFor(doc, "heat.nq", SnippetOptions{})
	if len(dropped) == 0 {
		t.Fatal("the nameless author's review was not left out")
	}
	g.Problems = append(g.Problems, dropped...)
	g.Place(func(id string) int { return map[string]int{"https://films.example/heat": 4}[id] })
	for _, f := range g.Problems {
		if f.Pos.Line != 4 {
			t.Errorf("%s: placed on line %d; want 4", f, f.Pos.Line)
		}
	}
}

// A node of many properties finds each through its index, as a node of
// few finds them along its list.
func TestPropOfWideNode(t *testing.T) {
	for _, n := range []int{3, manyProps - 1, manyProps, manyProps + 1, 500} {
		var keys []string
		for i := range n {
			keys = append(keys, fmt.Sprintf(`"p%d": %d`, i, i))
		}
		// A key written twice is one property.
		keys = append(keys, `"p0": -1`)
		g, err := Load([]byte(`{"@context": "https://schema.org", `+strings.Join(keys, ", ")+`}`), "t.jsonld")
		if err != nil {
			t.Fatal(err)
		}
		node := g.Nodes[0]
		if len(node.Props) != n {
			t.Fatalf("%d keys: %d properties", n, len(node.Props))
		}
		for i := range n {
			name := fmt.Sprintf("p%d", i)
			p := node.Prop(name)
			if p == nil || p.Name != name || len(p.Values) == 0 || propRank(node, name) != i {
				t.Errorf("%d keys: property %s: %+v at %d", n, name, p, propRank(node, name))
			}
		}
		if node.Prop("missing") != nil || propRank(node, "missing") != n {
			t.Errorf("%d keys: a property it does not have was found", n)
		}
	}
}

// blankChain is a document of n blank nodes, each the knows of the one
// above, under a node with an IRI; cycle makes the last know the first.
func blankChain(n int) map[string]any {
	var inner map[string]any
	for i := n - 1; i >= 0; i-- {
		node := map[string]any{"@type": "Review"}
		if inner != nil {
			node["itemReviewed"] = inner
		}
		inner = node
	}
	return map[string]any{"@context": "https://schema.org", "@id": "https://films.example/top", "@type": "Movie", "name": "Top", "review": inner}
}

// A chain of blank nodes is placed on the line of the IRI above it, each
// node climbing no further than the nearest one placed before it (a chain
// of 8,000 climbed from each node took 2.5 s), and nameless nodes that
// refer to each other in a cycle are described in a bounded name, not
// until the stack overflows.
func TestPlaceAndDescribeChains(t *testing.T) {
	g := FromDoc(blankChain(3000), "chain.nq")
	g.Place(func(id string) int { return map[string]int{"https://films.example/top": 9}[id] })
	reviews := 0
	for _, n := range g.Nodes {
		if n.Pos.Line != 9 {
			t.Fatalf("%s: placed on line %d; want 9", n.Describe(), n.Pos.Line)
		}
		if n.Is("Review") {
			reviews++
			if d := n.Describe(); len(d) > 400 {
				t.Fatalf("a Review of the chain described in %d bytes: %.200s…", len(d), d)
			}
		}
	}
	if reviews != 3000 {
		t.Errorf("%d reviews; want 3000", reviews)
	}
	// Two Reviews, each the other's itemReviewed, both blank and
	// nameless: Describe climbed from one to the other for ever.
	cycle := `{"@context": "https://schema.org", "@type": "Review", "@id": "_:a",
		"itemReviewed": {"@id": "_:b", "@type": "Review", "itemReviewed": {"@id": "_:a"}}}`
	g, err := Load([]byte(cycle), "cycle.jsonld")
	if err != nil {
		t.Fatal(err)
	}
	fs := Validate(g, Google)
	if len(fs) == 0 {
		t.Fatal("no finding about the cycle's Reviews")
	}
	for _, f := range fs {
		if strings.Count(f.Node, "itemReviewed of") != describeDepth || !strings.HasSuffix(f.Node, "…"+strings.Repeat(")", describeDepth)) {
			t.Errorf("the cycle's node described as %q", f.Node)
		}
	}
}

func BenchmarkPlaceChain(b *testing.B) {
	doc := blankChain(20000)
	for b.Loop() {
		g := FromDoc(doc, "chain.nq")
		g.Place(func(id string) int { return 1 })
	}
}
