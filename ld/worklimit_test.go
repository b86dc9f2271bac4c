package ld_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/film2ld/film2ld/ld"
)

// clique returns N-Quads of n blank nodes that all point at each other and
// themselves: every node looks like every other, the canonicalization
// algorithm's worst case ("poison" graph), whose unbounded cost grows as n!.
func clique(n int) string {
	var b strings.Builder
	for i := range n {
		for j := range n {
			fmt.Fprintf(&b, "_:n%d <https://films.example/p> _:n%d .\n", i, j)
		}
	}
	return b.String()
}

func canonicalOf(t *testing.T, p *ld.Processor, nq string) (string, error) {
	t.Helper()
	doc, err := p.FromNQuads(strings.NewReader(nq), "in.nq")
	if err != nil {
		t.Fatal(err)
	}
	return p.Canonical(doc, ld.Options{})
}

func TestCanonicalWorkLimit(t *testing.T) {
	def := ld.NewProcessor(ld.Config{})
	for _, n := range []int{8, 10, 12} {
		if _, err := canonicalOf(t, def, clique(n)); !errors.Is(err, ld.ErrWorkLimit) {
			t.Errorf("clique of %d: err = %v, want ErrWorkLimit", n, err)
		}
	}
	// Small symmetric graphs pass with the default: two blank nodes
	// pointing at each other, and a 3-cycle.
	cycle2 := "_:a <https://films.example/knows> _:b .\n_:b <https://films.example/knows> _:a .\n"
	cycle3 := cycle2[:len(cycle2)/2] + "_:b <https://films.example/knows> _:c .\n_:c <https://films.example/knows> _:a .\n"
	for _, nq := range []string{cycle2, cycle3} {
		got, err := canonicalOf(t, def, nq)
		if err != nil || !strings.Contains(got, "_:c14n0") {
			t.Errorf("%q: %v\n%s", nq, err, got)
		}
	}
	// A factor of 1 allows 8 runs a node: a clique of 4 (19) is refused,
	// the 2-cycle (2) is not.
	one := ld.NewProcessor(ld.Config{MaxWorkFactor: 1})
	if _, err := canonicalOf(t, one, clique(4)); !errors.Is(err, ld.ErrWorkLimit) {
		t.Errorf("factor 1, clique of 4: err = %v, want ErrWorkLimit", err)
	}
	if _, err := canonicalOf(t, one, cycle2); err != nil {
		t.Errorf("factor 1, 2-cycle: %v", err)
	}
	// Without a limit a small clique goes through.
	if _, err := canonicalOf(t, ld.NewProcessor(ld.Config{MaxWorkFactor: -1}), clique(4)); err != nil {
		t.Errorf("no limit, clique of 4: %v", err)
	}
}

// alikeList returns N-Quads of an RDF list of n items, all the same IRI:
// every list node but the ends looks like every other, and each links
// to the next, so the issuers the algorithm copies grow with the chain.
func alikeList(n int) string {
	var b strings.Builder
	b.WriteString("<https://films.example/x> <https://films.example/items> _:l0 .\n")
	for i := range n {
		fmt.Fprintf(&b, "_:l%d <http://www.w3.org/1999/02/22-rdf-syntax-ns#first> <https://films.example/y> .\n", i)
		rest := fmt.Sprintf("_:l%d", i+1)
		if i == n-1 {
			rest = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#nil>"
		}
		fmt.Fprintf(&b, "_:l%d <http://www.w3.org/1999/02/22-rdf-syntax-ns#rest> %s .\n", i, rest)
	}
	return b.String()
}

// A list of alike items stays within the n² runs the default allows
// while each run copies issuers as long as the list: 1,000 items took
// 76 s (rdf-canonize refuses them in half a second). The copies are
// held to the limit too; a short list still goes through.
func TestCanonicalWorkLimitAlikeList(t *testing.T) {
	def := ld.NewProcessor(ld.Config{})
	if _, err := canonicalOf(t, def, alikeList(300)); !errors.Is(err, ld.ErrWorkLimit) {
		t.Errorf("a list of 300 alike items: err = %v, want ErrWorkLimit", err)
	}
	got, err := canonicalOf(t, def, alikeList(12))
	if err != nil || strings.Count(got, "\n") != 25 {
		t.Errorf("a list of 12 alike items: %v\n%s", err, got)
	}
}

// ring returns N-Quads of n blank nodes each pointing at the next, the
// last at the first: all alike, each run's recursion goes round the ring.
func ring(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "_:r%d <https://films.example/next> _:r%d .\n", i, (i+1)%n)
	}
	return b.String()
}

// A ring's runs recurse round it, so a node of a ring of n alike blank
// nodes takes n runs: past 64 (the default factor's) it is refused at the
// first node, whatever its length. At 16 copies a run of the n² runs
// allowed, a ring of 2,000 (80 KB) was refused after 64 million copies,
// 7 s and 423 MB, one of 10,000 (390 KB) ran past two minutes and 4 GB;
// then at a million copies in all, whatever the number of nodes.
// A small ring still goes through.
func TestCanonicalWorkLimitRing(t *testing.T) {
	def := ld.NewProcessor(ld.Config{})
	for _, n := range []int{2000, 5000} {
		_, err := canonicalOf(t, def, ring(n))
		if !errors.Is(err, ld.ErrWorkLimit) || !strings.Contains(err.Error(), "more than 64 deep iterations") {
			t.Errorf("a ring of %d: err = %v, want ErrWorkLimit past 64 deep iterations", n, err)
		}
	}
	got, err := canonicalOf(t, def, ring(8))
	if err != nil || strings.Count(got, "\n") != 8 {
		t.Errorf("a ring of 8: %v\n%s", err, got)
	}
}

// TestCanonicalChainAtDefaultFactor: a chain of 50 nested alike blank
// nodes (a CreativeWork about a CreativeWork …), which rdf-canonize
// labels at the default work factor, is labelled within film2ld's (a chain
// of 16 was refused, its issuers' copies growing as the cube of its
// length; cmd/film2ld's TestReferenceCanonicalBlankGraphs compares the
// labels with rdf-canonize's), and the same every time.
func TestCanonicalChainAtDefaultFactor(t *testing.T) {
	var b strings.Builder
	for i := range 50 {
		fmt.Fprintf(&b, "_:c%d <http://schema.org/about> _:c%d .\n_:c%d <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://schema.org/CreativeWork> .\n", i, i+1, i)
	}
	b.WriteString("_:c50 <http://schema.org/name> \"end\" .\n")
	p := ld.NewProcessor(ld.Config{})
	var first string
	for range 2 {
		d := ld.NewDataset()
		if _, err := d.ReadNQuads(strings.NewReader(b.String()), "chain.nq", false); err != nil {
			t.Fatal(err)
		}
		var out strings.Builder
		if err := p.WriteCanonical(&out, d); err != nil {
			t.Fatalf("chain of 50: %v", err)
		}
		if first != "" && out.String() != first {
			t.Fatal("labelled otherwise the second time")
		}
		first = out.String()
	}
	if !strings.Contains(first, "_:c14n50 ") {
		t.Errorf("51 blank nodes not all labelled:\n%.500s", first)
	}
}

// chain returns N-Quads of a chain of n alike blank nodes, each about
// the next, the last named.
func chain(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "_:c%d <http://schema.org/about> _:c%d .\n_:c%d <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://schema.org/CreativeWork> .\n", i, i+1, i)
	}
	fmt.Fprintf(&b, "_:c%d <http://schema.org/name> \"end\" .\n", n)
	return b.String()
}

// repeated is m copies of the N-Quads nq, each with blank node labels of
// its own.
func repeated(nq string, m int) string {
	var b strings.Builder
	for i := range m {
		b.WriteString(strings.ReplaceAll(nq, "_:", fmt.Sprintf("_:k%d_", i)))
	}
	return b.String()
}

// TestCanonicalWorkLimitMonotonic: a larger input of a shape is never
// canonicalized where a smaller one is refused, with the shape repeated
// more often or made larger, at each work factor. rdf-canonize's n²
// deep iterations for n look-alike nodes allowed five cliques of 4 and
// refused one (each takes 19 runs a node: 76 > 16, 380 < 400); and a
// limit that stopped counting past n² = 2⁴⁰ let 900,000 statements
// "_:a <p> _:b _:g ." through where a million copies refused 200,000
// (cmd/film2ld's TestConvertCanonicalLookAlikesMonotonic).
func TestCanonicalWorkLimitMonotonic(t *testing.T) {
	pair := "_:r <http://schema.org/reviewRating> _:s .\n_:s <http://schema.org/ratingValue> \"4\" .\n"
	triple := "_:a <https://films.example/p> _:b _:g .\n"
	// A chain is not repeated: its first node, alone of its kind in one
	// chain, looks like the first of another, and the labels its run
	// issues spare the others theirs (two chains of 60 cost less than
	// one). The others' nodes look alike in one copy already.
	shapes := map[string][]string{
		"pairs":   {pair},
		"triples": {triple},
		"cliques": {clique(2), clique(3), clique(4), clique(5)},
		"rings":   {ring(2), ring(8), ring(30), ring(60), ring(70)},
		"chains":  {chain(2), chain(10), chain(50), chain(60), chain(70)},
	}
	for _, factor := range []int{1, 2, 3} {
		p := ld.NewProcessor(ld.Config{MaxWorkFactor: factor})
		for name, sizes := range shapes {
			refusedAt := ""
			copies := []int{1, 2, 3, 5, 8}
			if name == "chains" {
				copies = copies[:1]
			}
			for k, nq := range sizes {
				for _, m := range copies {
					_, err := canonicalOf(t, p, repeated(nq, m))
					if err != nil && !errors.Is(err, ld.ErrWorkLimit) {
						t.Fatalf("%s %d ×%d: %v", name, k, m, err)
					}
					at := fmt.Sprintf("size %d ×%d", k, m)
					switch {
					case err != nil && refusedAt == "":
						refusedAt = at
					case err == nil && refusedAt != "":
						t.Errorf("factor %d, %s: %s canonicalized, %s refused", factor, name, at, refusedAt)
					}
				}
			}
		}
	}
	// The shapes of real data pass at the default, however often.
	def := ld.NewProcessor(ld.Config{})
	for _, nq := range []string{pair, triple, clique(2), ring(8), chain(50)} {
		if _, err := canonicalOf(t, def, repeated(nq, 40)); err != nil {
			t.Errorf("%.40q ×40: %v", nq, err)
		}
	}
}
