package ld

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	jld "github.com/piprate/json-gold/ld"
)

// TestLabelKeyOrdersAsLabels: labelKey's numbers sort as the terms'
// labels do (compareTermLabels), and keyTerm gives the term back.
func TestLabelKeyOrdersAsLabels(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	vals := []uint32{0, 1, 9, 10, 11, 99, 100, 999_999_999, 1_000_000_000, 429_496_729, 4_294_967_295}
	for range 20000 {
		vals = append(vals, r.Uint32()>>r.IntN(32))
	}
	for _, a := range vals {
		if got := keyTerm(labelKey(a)); got != a {
			t.Fatalf("keyTerm(labelKey(%d)) = %d", a, got)
		}
		for range 3 {
			b := vals[r.IntN(len(vals))]
			ka, kb := labelKey(a), labelKey(b)
			cmp := 0
			switch {
			case ka < kb:
				cmp = -1
			case ka > kb:
				cmp = 1
			}
			if want := compareTermLabels(a, b); cmp != want {
				t.Fatalf("%d, %d: keys compare %d, labels %d", a, b, cmp, want)
			}
		}
	}
}

// lookAlikes is n copies of a small component of blank nodes in shape.
func lookAlikes(shape string, n int) string {
	var b strings.Builder
	for i := range n {
		switch shape {
		case "pair":
			fmt.Fprintf(&b, "_:a%d <http://x/p> _:b%d .\n", i, i)
		case "pair in graph":
			fmt.Fprintf(&b, "_:a%d <http://x/p> _:b%d _:g%d .\n", i, i, i)
		case "rating":
			fmt.Fprintf(&b, "_:r%d <http://schema.org/reviewRating> _:s%d .\n_:s%d <http://schema.org/ratingValue> \"%d\" .\n", i, i, i, i%3)
		case "triangle":
			fmt.Fprintf(&b, "_:a%d <http://x/p> _:b%d .\n_:b%d <http://x/p> _:c%d .\n_:c%d <http://x/p> _:a%d .\n", i, i, i, i, i, i)
		case "star":
			for k := range 3 {
				fmt.Fprintf(&b, "_:h%d <http://x/p> _:l%d_%d .\n", i, i, k)
			}
		case "self and graph":
			fmt.Fprintf(&b, "_:a%d <http://x/p> _:a%d _:a%d .\n_:a%d <http://x/q> _:b%d _:b%d .\n", i, i, i, i, i, i)
		}
	}
	return b.String()
}

// TestSharedLabellerMatchesGeneral: blank nodes alike in linked
// components, labelled on numbered terms (sharedLabeller), take the
// labels the general algorithm gives them, errors of the work limit too.
func TestSharedLabellerMatchesGeneral(t *testing.T) {
	for _, shape := range []string{"pair", "pair in graph", "rating", "triangle", "star", "self and graph"} {
		for _, n := range []int{1, 2, 7, 40} {
			for _, factor := range []int{1, 2, -1} {
				in := lookAlikes(shape, n)
				short := NewProcessor(Config{MaxWorkFactor: factor})
				general := NewProcessor(Config{GeneralCanonical: true, MaxWorkFactor: factor})
				got, gerr := writeCanonical(short, []string{in})
				want, werr := writeCanonical(general, []string{in})
				if fmt.Sprint(gerr) != fmt.Sprint(werr) || got != want {
					t.Errorf("%s ×%d, factor %d: short path\n%s%v\ngeneral\n%s%v", shape, n, factor, got, gerr, want, werr)
				}
			}
		}
	}
}

// BenchmarkLabelShared labels n pairs of look-alike blank nodes
// ("_:aN <p> _:bN ."), every one of them by the Hash N-Degree Quads
// algorithm, from their statements as numbered terms: first-degree
// hashes (firstDegreeLabels), then labelSharedTerms. ns/node should not
// grow with n.
func BenchmarkLabelShared(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		b.Run(fmt.Sprintf("nodes=%d", 2*n), func(b *testing.B) {
			ds, err := jld.ParseNQuads(lookAlikes("pair", n))
			if err != nil {
				b.Fatal(err)
			}
			text, blank, nodes, quads, ok := datasetTerms(ds)
			if !ok {
				b.Fatal("no terms")
			}
			iri := func(t uint32) string { return nodes[t].GetValue() }
			sc := new(canonScratch)
			b.ReportAllocs()
			for b.Loop() {
				labels, shared, unique, ok := firstDegreeLabels(text, blank, quads, sc)
				if !ok || len(shared) != 2*n {
					b.Fatal(ok, len(shared))
				}
				if err := labelSharedTerms(labels, shared, unique, blank, quads, iri, -1); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(2*n), "ns/node")
		})
	}
}
