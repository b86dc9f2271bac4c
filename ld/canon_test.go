package ld

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	jld "github.com/piprate/json-gold/ld"
)

// canonCorpus is nquadsCorpus plus generated datasets made for the short
// path: blank nodes told apart by their own values only, or by their
// neighbours (which the short path must leave to the general algorithm),
// in named graphs, as graph names, pointing at themselves.
func canonCorpus(t *testing.T) map[string]string {
	corpus := nquadsCorpus(t)
	for seed := range 60 {
		corpus[fmt.Sprintf("generated/blank-%d", seed)] = randomBlankNQuads(uint64(seed))
	}
	return corpus
}

// randomBlankNQuads makes a film-like dataset of reviews, ratings and
// people as blank nodes; with some seeds two of them share every value, so
// that only the n-degree step tells them apart.
func randomBlankNQuads(seed uint64) string {
	r := rand.New(rand.NewPCG(seed, 15))
	var b strings.Builder
	graph := func() string {
		switch r.IntN(6) {
		case 0:
			return " <urn:g:1>"
		case 1:
			return " _:g"
		}
		return ""
	}
	n := 1 + r.IntN(12)
	for i := range n {
		review := fmt.Sprintf("_:r%d", i)
		rating := fmt.Sprintf("_:v%d", i)
		g := graph()
		fmt.Fprintf(&b, "<urn:film:1> <https://schema.org/review> %s%s .\n", review, g)
		fmt.Fprintf(&b, "%s <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://schema.org/Review>%s .\n", review, g)
		fmt.Fprintf(&b, "%s <https://schema.org/reviewRating> %s%s .\n", review, rating, g)
		// Few distinct values: ratings often collide on their own.
		fmt.Fprintf(&b, "%s <https://schema.org/ratingValue> \"%d\"^^<http://www.w3.org/2001/XMLSchema#integer>%s .\n", rating, r.IntN(3), g)
		if r.IntN(3) > 0 {
			fmt.Fprintf(&b, "%s <https://schema.org/reviewBody> \"Review \\\"%d\\\"\\n\"@EN%s .\n", review, r.IntN(n+1), g)
		}
		if r.IntN(4) == 0 {
			fmt.Fprintf(&b, "%s <https://schema.org/author> _:p%d%s .\n", review, r.IntN(3), g)
		}
		if r.IntN(10) == 0 {
			fmt.Fprintf(&b, "%s <https://schema.org/sameAs> %s%s .\n", review, review, g)
		}
	}
	for p := range 3 {
		fmt.Fprintf(&b, "_:p%d <https://schema.org/name> \"Critic %d\"^^<http://www.w3.org/2001/XMLSchema#string> .\n", p, r.IntN(2))
	}
	if r.IntN(2) == 0 {
		b.WriteString("_:g <https://schema.org/name> \"graph\" .\n")
	}
	return b.String()
}

// TestShortCanonicalMatchesGeneral proves the short path of RDFC-1.0
// byte-identical to the general algorithm, on a Dataset (WriteCanonical,
// as convert and export write) and on json-gold's dataset (Canonical), on
// every corpus input alone and on pairs read together; and that the
// corpus takes both paths.
func TestShortCanonicalMatchesGeneral(t *testing.T) {
	short := NewProcessor(Config{})
	general := NewProcessor(Config{GeneralCanonical: true})
	corpus := canonCorpus(t)
	names := slices.Sorted(func(yield func(string) bool) {
		for k := range corpus {
			if !yield(k) {
				return
			}
		}
	})
	compared, taken, declined, alike := 0, 0, 0, 0
	for i, name := range names {
		inputs := [][]string{{corpus[name]}}
		if i%4 == 0 && i+1 < len(names) {
			inputs = append(inputs, []string{corpus[name], corpus[names[i+1]]})
		}
		for _, in := range inputs {
			got, gerr := writeCanonical(short, in)
			want, werr := writeCanonical(general, in)
			if fmt.Sprint(gerr) != fmt.Sprint(werr) || got != want {
				t.Errorf("%s (%d inputs): short path\n%s%v\ngeneral\n%s%v", name, len(in), got, gerr, want, werr)
			}
			compared++
		}
		// json-gold's dataset, as Canonical gives it to canonicalize.
		ds, err := jld.ParseNQuads(corpus[name])
		if err != nil {
			continue
		}
		if text, blank, _, quads, ok := datasetTerms(ds); ok {
			if _, shared, _, ok := firstDegreeLabels(text, blank, quads, new(canonScratch)); ok && len(shared) > 0 {
				alike++
			}
		}
		// The work limit's default: the corpus holds graphs that would
		// keep the general algorithm busy for ever.
		lines, ok, err := canonicalFirstDegree(ds, 2)
		if !ok {
			declined++
			continue
		}
		taken++
		want, werr := generalCanonical(ds, 2)
		if fmt.Sprint(err) != fmt.Sprint(werr) {
			t.Errorf("%s: short path: %v, general: %v", name, err, werr)
			continue
		}
		if want = slices.Compact(want); !slices.Equal(lines, want) {
			t.Errorf("%s: short path on json-gold's dataset\n%s\ngeneral\n%s", name, strings.Join(lines, ""), strings.Join(want, ""))
		}
	}
	if taken < 50 || alike < 10 {
		t.Errorf("the corpus took the short path %d times, %d of them with blank nodes alike by their first-degree hashes: too few to prove both", taken, alike)
	}
	t.Logf("%d outputs compared; short path %d (%d with blank nodes alike), general %d of %d json-gold datasets", compared, taken, alike, declined, taken+declined)
}

// writeCanonical reads N-Quads inputs into a Dataset and writes them as
// p's canonical N-Quads.
func writeCanonical(p *Processor, inputs []string) (string, error) {
	d := NewDataset()
	for i, in := range inputs {
		if _, err := d.ReadNQuads(strings.NewReader(in), fmt.Sprintf("in%d.nq", i), false); err != nil {
			return "", err
		}
	}
	var b bytes.Buffer
	err := p.WriteCanonical(&b, d)
	return b.String(), err
}

// FuzzShortCanonical: on any N-Quads the reader accepts, the short path
// and the general algorithm write the same bytes (or the same error).
func FuzzShortCanonical(f *testing.F) {
	for seed := range 8 {
		f.Add(randomBlankNQuads(uint64(seed)))
		f.Add(randomNQuads(uint64(seed)))
	}
	// Blank nodes alike but each alone in its statements, and a pair.
	f.Add("_:a <urn:p> \"v\" .\n_:b <urn:p> \"v\" .\n_:c <urn:p> \"w\" _:c .\n_:d <urn:p> \"w\" _:d .\n_:e <urn:q> _:f .\n")
	short := NewProcessor(Config{})
	general := NewProcessor(Config{GeneralCanonical: true, MaxWorkFactor: 1})
	f.Fuzz(func(t *testing.T, in string) {
		want, werr := writeCanonical(general, []string{in})
		if werr != nil {
			// The general algorithm's work limit is no concern of the
			// short path, which never reaches the n-degree step.
			return
		}
		got, gerr := writeCanonical(short, []string{in})
		if gerr != nil || got != want {
			t.Errorf("short path\n%s%v\ngeneral\n%s", got, gerr, want)
		}
	})
}

// TestSortQuadsPacked: the packed sort gives compareQuads' order and
// drops the same repeats, up to the largest numbers it takes.
func TestSortQuadsPacked(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, limit := range []uint32{2, 7, 300, 1 << 16} {
		for range 50 {
			qs := make([]dquad, r.IntN(400))
			for i := range qs {
				n := func() uint32 { return uint32(r.IntN(int(limit))) }
				qs[i] = dquad{n(), n(), n(), n()}
				if i > 0 && r.IntN(5) == 0 {
					qs[i] = qs[r.IntN(i)]
				}
			}
			want := slices.Clone(qs)
			slices.SortFunc(want, compareQuads)
			want = slices.Compact(want)
			if got := sortQuads(slices.Clone(qs), limit, new([]uint64)); !slices.Equal(got, want) {
				t.Fatalf("limit %d: packed sort differs", limit)
			}
		}
	}
}

// TestCanonicalIsolatedLookAlikes: blank nodes alike by their first-degree
// hashes but each in no statement with another blank node are labelled
// without the Hash N-Degree Quads algorithm (labelSharedTerms), with its
// bytes: groups of such nodes beside unique ones, as subjects, objects
// and graph names, a node in its own statement twice, and a dataset
// where a linked group makes the general algorithm label them all.
func TestCanonicalIsolatedLookAlikes(t *testing.T) {
	short := NewProcessor(Config{})
	general := NewProcessor(Config{GeneralCanonical: true})
	lines := func(n int, format string) string {
		var b strings.Builder
		for i := range n {
			fmt.Fprintf(&b, format, i, i)
		}
		return b.String()
	}
	for name, in := range map[string]string{
		"one group":          lines(60, "_:x%d <http://schema.org/keywords> \"noir\" . # %d\n"),
		"groups and uniques": lines(40, "_:a%d <http://schema.org/keywords> \"noir\" . # %d\n") + lines(30, "<http://films.example/f> <http://schema.org/review> _:r%d . # %d\n") + lines(5, "_:u%d <http://schema.org/name> \"n%d\" .\n"),
		"graph names":        lines(25, "<http://films.example/f> <http://schema.org/name> \"Heat\" _:g%d . # %d\n") + lines(25, "_:s%d <http://schema.org/name> \"Heat\" <http://films.example/g> . # %d\n"),
		"own statement":      lines(20, "_:o%d <http://schema.org/sameAs> _:o%d .\n") + lines(20, "_:p%d <http://schema.org/name> \"P\" . # %d\n"),
		"a linked group too": lines(30, "_:x%d <http://schema.org/keywords> \"noir\" . # %d\n") + lines(10, "_:r%d <http://schema.org/author> _:q%d .\n"),
	} {
		got, gerr := writeCanonical(short, []string{in})
		want, werr := writeCanonical(general, []string{in})
		if gerr != nil || werr != nil || got != want {
			t.Errorf("%s: short path %v\n%s\ngeneral %v\n%s", name, gerr, got, werr, want)
		}
	}
}
