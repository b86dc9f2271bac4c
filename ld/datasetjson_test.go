package ld

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/film2ld/film2ld/ld/internal/jsongold"
	"github.com/film2ld/film2ld/ld/internal/largetest"
)

// datasetJSONPath converts N-Quads inputs to f (FormatJSONLD or
// FormatHTML) as convert does: through a Dataset and WriteJSONLD, or
// where it declines, the general path from the Dataset's Documents with
// fresh options. short tells which path gave the output.
func datasetJSONPath(p *Processor, inputs []string, f Format, opts Options) (out string, drops []string, short bool, err error) {
	d := NewDataset()
	for i, in := range inputs {
		if _, err := d.ReadNQuads(strings.NewReader(in), fmt.Sprintf("in%d.nq", i), false); err != nil {
			return "", nil, false, err
		}
	}
	fresh := func() Options {
		o := opts
		if opts.Lenient != nil {
			o.Lenient = &Dropped{}
		}
		return o
	}
	var b bytes.Buffer
	o := fresh()
	err = p.WriteJSONLD(&b, d, f, o)
	if err == nil {
		return b.String(), dropList(o), true, nil
	}
	if !errors.Is(err, ErrNeedsJSONLD) {
		return "", nil, true, err
	}
	b.Reset()
	docs, err := d.Documents()
	if err != nil {
		return "", nil, false, err
	}
	o = fresh()
	u, err := p.Union(docs, o)
	if err != nil {
		return "", nil, false, err
	}
	err = p.Write(&b, u, f, o)
	return b.String(), dropList(o), false, err
}

func dropList(o Options) []string {
	if o.Lenient == nil {
		return nil
	}
	var out []string
	for _, d := range o.Lenient.Drops() {
		out = append(out, fmt.Sprint(d))
	}
	return out
}

// jsonldPathDrops is jsonldPath with the drops Lenient recorded.
func jsonldPathDrops(p *Processor, inputs []string, f Format, opts Options) (string, []string, error) {
	if opts.Lenient != nil {
		opts.Lenient = &Dropped{}
	}
	out, err := jsonldPath(p, inputs, f, opts)
	return out, dropList(opts), err
}

// TestDatasetJSONLDMatchesJSONLDPath proves WriteJSONLD (with the general
// path where it declines) byte-identical to the general path, errors and
// --lenient's warnings included, on the corpus of
// TestDatasetMatchesJSONLDPath: every input alone and pairs read
// together, in JSON-LD and HTML, with and without Lenient and an
// RDFDirection.
func TestDatasetJSONLDMatchesJSONLDPath(t *testing.T) {
	t.Parallel() // CPU-bound and independent: runs beside the other differential tests
	p := readingsKept(t)
	// Two values of a property kept in a node, the others made and
	// written one at a time: every node of three values or more.
	kept2 := NewProcessor(Config{KeptValues: 2})
	corpus := nquadsCorpus(t)
	names := slices.Sorted(func(yield func(string) bool) {
		for k := range corpus {
			if !yield(k) {
				return
			}
		}
	})
	var cases [][2]string
	for i, n := range names {
		cases = append(cases, [2]string{n})
		if i%pairEvery() == 0 && i+1 < len(names) {
			cases = append(cases, [2]string{n, names[i+1]})
		}
	}
	compared, short, framed := 0, 0, 0
	lastShort := false
	for i, c := range cases {
		inputs := []string{corpus[c[0]]}
		name := c[0]
		if c[1] != "" {
			inputs = append(inputs, corpus[c[1]])
			name += "+" + c[1]
		}
		variants := []Options{{}, {Lenient: &Dropped{}}}
		if i%8 == 0 || strings.Contains(strings.Join(inputs, ""), "i18n#") {
			// An rdfDirection reads literals of i18n datatypes only: the
			// writer must take the option, but the same output for the
			// rest of the corpus was a third of the test's time.
			variants = append(variants, Options{RDFDirection: DirectionI18nDatatype})
		}
		for fi, f := range []Format{FormatJSONLD, FormatHTML, FormatExpanded, FormatFlattened} {
			if !largetest.On() && (i+fi)%2 != 0 {
				// A developer's run writes each input in half of the
				// formats, a different half input by input (CI writes
				// all).
				continue
			}
			strictFailed := false
			for _, opts := range variants {
				if opts.Lenient != nil && !strictFailed && i%8 != 0 {
					// Lenient drops what the strict path refuses: where
					// that refused nothing, the same again (every
					// eighth input checks it).
					continue
				}
				want, wdrops, werr := jsonldPathDrops(p, inputs, f, opts)
				if opts.Lenient == nil && opts.RDFDirection == "" {
					strictFailed = werr != nil
				}
				for i, dp := range []*Processor{p, kept2} {
					if i == 1 && (!lastShort || opts.Lenient != nil || opts.RDFDirection != "" || f == FormatHTML) {
						// Where the writer declines, both take the
						// general path; the options and HTML's escapes
						// act as at the default.
						break
					}
					got, gdrops, isShort, gerr := datasetJSONPath(dp, inputs, f, opts)
					lastShort = isShort
					compared++
					if isShort {
						short++
						if (f == FormatJSONLD || f == FormatHTML) && rooted(t, inputs) {
							framed++
						}
					}
					if fmt.Sprint(werr) != fmt.Sprint(gerr) {
						t.Errorf("%s, %v, %+v, KeptValues %d: error\n got %v\nwant %v", name, f, opts, dp.cfg.KeptValues, gerr, werr)
						continue
					}
					if got != want {
						t.Errorf("%s, %v, %+v, KeptValues %d (short path %v): output differs\n got:\n%s\nwant:\n%s", name, f, opts, dp.cfg.KeptValues, isShort, got, want)
					}
					if !slices.Equal(gdrops, wdrops) {
						t.Errorf("%s, %v, KeptValues %d: warnings\n got %q\nwant %q", name, f, dp.cfg.KeptValues, gdrops, wdrops)
					}
				}
			}
		}
	}
	// Published graphs, each alone, in the web formats.
	for name, in := range publishedNQuads(t) {
		for _, f := range []Format{FormatJSONLD, FormatHTML} {
			for _, opts := range []Options{{}, {Lenient: &Dropped{}}} {
				want, wdrops, werr := jsonldPathDrops(p, []string{in}, f, opts)
				got, gdrops, isShort, gerr := datasetJSONPath(p, []string{in}, f, opts)
				compared++
				if isShort {
					short++
					if rooted(t, []string{in}) {
						framed++
					}
				}
				if fmt.Sprint(werr) != fmt.Sprint(gerr) || got != want || !slices.Equal(gdrops, wdrops) {
					t.Errorf("%s, %v, %+v (short path %v): output differs\n got %v %q:\n%s\nwant %v %q:\n%s", name, f, opts, isShort, gerr, gdrops, got, werr, wdrops, want)
				}
			}
		}
	}
	t.Logf("%d conversions compared, %d by WriteJSONLD, %d of them framed; %d properties written a value at a time", compared, short, framed, kept2.streamed.Load())
	if kept2.streamed.Load() < 300 {
		t.Errorf("only %d properties written a value at a time with KeptValues 2", kept2.streamed.Load())
	}
	if short < compared/3 {
		t.Errorf("only %d of %d conversions took WriteJSONLD", short, compared)
	}
	if framed < 100 {
		t.Errorf("only %d conversions took WriteJSONLD's framing", framed)
	}
}

// rooted reports whether the dataset of N-Quads inputs has a root the
// general path frames the web formats on.
func rooted(t *testing.T, inputs []string) bool {
	d := NewDataset()
	for i, in := range inputs {
		if _, err := d.ReadNQuads(strings.NewReader(in), fmt.Sprintf("in%d.nq", i), false); err != nil {
			t.Fatal(err)
		}
	}
	return d.hasRoot()
}

// fuzzNQuads makes N-Quads inputs from data, four bytes a statement:
// subjects, objects and graph names among a few IRIs (schema.org's, which
// the context compacts, and others) and blank nodes; properties the
// context coerces to @id or to schema:Date, plain ones, rdf:type and
// IRIs it has no term for; literals plain, with language tags in either
// case, typed as schema:Date, xsd:integer or strings with escapes. A
// byte with its high bit set in the fourth place starts a new input.
func fuzzNQuads(data []byte) []string {
	nodes := []string{"<http://schema.org/Movie>", "<http://a.example/s1>", "<https://films.example/p/2>", "<urn:x:3>",
		"_:b0", "_:b1", "_:x", "_:d0-q", "<http://schema.org/>", "<http://a.example/s1#frag>"}
	props := []string{"<http://schema.org/name>", "<http://schema.org/url>", "<http://schema.org/sameAs>", "<http://schema.org/startDate>",
		"<http://schema.org/author>", "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>", "<http://a.example/p>", "<https://schema.org/name>",
		"<http://schema.org/type>", "<http://schema.org/id>", "<http://www.w3.org/1999/02/22-rdf-syntax-ns#first>"}
	lits := []string{`"x"`, `"x"@EN`, `"x"@en`, `"Y"@de-AT`, `"2020-01-02"^^<http://schema.org/Date>`, `"2020-01-02"`,
		`"1"^^<http://www.w3.org/2001/XMLSchema#integer>`, `"true"^^<http://www.w3.org/2001/XMLSchema#boolean>`,
		`"a\nb\u0007 </script> & \u2028"`, `"x"^^<http://www.w3.org/2001/XMLSchema#string>`, `""`, `"http://schema.org/Movie"`}
	graphs := []string{"", "", "", " <http://a.example/s1>", " _:x", " _:g", " <http://a.example/g>", " <http://schema.org/Movie>"}
	var inputs []string
	var cur strings.Builder
	for ; len(data) >= 4; data = data[4:] {
		s := nodes[int(data[0])%len(nodes)]
		p := props[int(data[1])%len(props)]
		var o string
		if data[2]&0x80 != 0 {
			o = lits[int(data[2]&0x7f)%len(lits)]
		} else {
			o = nodes[int(data[2])%len(nodes)]
		}
		g := graphs[int(data[3]&0x7f)%len(graphs)]
		fmt.Fprintf(&cur, "%s %s %s%s .\n", s, p, o, g)
		if data[3]&0x80 != 0 {
			inputs = append(inputs, cur.String())
			cur.Reset()
		}
	}
	return append(inputs, cur.String())
}

// FuzzDatasetJSONLD: for N-Quads the fuzzer makes (fuzzNQuads),
// WriteJSONLD with its fallback gives the general path's bytes, errors
// and warnings, in JSON-LD, HTML, expanded and flattened JSON-LD, with
// and without Lenient, a node's values written whole or past the first
// two one at a time.
func FuzzDatasetJSONLD(f *testing.F) {
	f.Add([]byte{0, 0, 0x80, 0})
	f.Add([]byte{1, 1, 2, 0, 2, 4, 1, 0, 4, 0, 0x81, 0, 4, 4, 2, 0})
	f.Add([]byte{1, 5, 0, 0, 4, 6, 1, 3, 5, 0, 0x83, 4, 1, 2, 0x84, 0x80, 4, 4, 5, 0})
	f.Add([]byte{0, 3, 0x84, 0, 0, 3, 0x85, 0, 1, 8, 0x82, 0, 1, 9, 2, 0, 5, 10, 6, 1})
	// A root (s1, a Movie) leading to blank nodes, one reached twice.
	f.Add([]byte{1, 5, 0, 0, 1, 4, 5, 0, 1, 6, 6, 0, 5, 0, 0x81, 0, 6, 4, 5, 0, 5, 2, 2, 0})
	p := NewProcessor(Config{})
	// Two values of a property kept in a node, the others written one at
	// a time (keptAside), for half the inputs.
	kept2 := NewProcessor(Config{KeptValues: 2})
	f.Fuzz(func(t *testing.T, data []byte) {
		inputs := fuzzNQuads(data)
		p := p
		if len(data)%8 >= 4 {
			p = kept2
		}
		matchJSONLDFormats(t, p, inputs)
	})
}

// matchJSONLDFormats fails t unless WriteJSONLD with its fallback gives
// the general path's bytes, errors and warnings for inputs in every
// JSON-LD format, with and without Lenient (the fuzzers' check).
func matchJSONLDFormats(t *testing.T, p *Processor, inputs []string) {
	t.Helper()
	for _, f := range []Format{FormatJSONLD, FormatHTML, FormatExpanded, FormatFlattened} {
		for _, opts := range []Options{{}, {Lenient: &Dropped{}}} {
			want, wdrops, werr := jsonldPathDrops(p, inputs, f, opts)
			got, gdrops, short, gerr := datasetJSONPath(p, inputs, f, opts)
			if fmt.Sprint(werr) != fmt.Sprint(gerr) || got != want || !slices.Equal(gdrops, wdrops) {
				t.Fatalf("%q, %v, lenient %v (short path %v):\n got %v %q\n%s\nwant %v %q\n%s", inputs, f, opts.Lenient != nil, short, gerr, gdrops, got, werr, wdrops, want)
			}
		}
	}
}

// TestDatasetFramedCases: graphs with a root, each of which WriteJSONLD
// frames itself (no decline) with the general path's bytes: the cases
// json-gold's embedding turns on.
func TestDatasetFramedCases(t *testing.T) {
	const (
		typ    = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
		movie  = "<http://schema.org/Movie>"
		person = "<http://schema.org/Person>"
	)
	cases := map[string]string{
		// Another Movie, framed on its own too, outputs its blank node
		// again: the node keeps its label in the root's tree.
		"other match": "<urn:m:1> " + typ + " " + movie + " .\n<urn:m:1> <http://schema.org/isBasedOn> <urn:m:2> .\n<urn:m:2> " + typ + " " + movie + " .\n<urn:m:2> <http://schema.org/director> _:d .\n_:d <http://schema.org/name> \"D\" .\n",
		// Values equal once expansion lowers the language tag.
		"language case": "<urn:m:1> " + typ + " " + movie + " .\n<urn:m:1> <http://schema.org/name> \"Heat\"@EN .\n<urn:m:1> <http://schema.org/name> \"Heat\"@en .\n<urn:m:1> <http://schema.org/name> \"Heat\"@en-GB .\n",
		// A director who also wrote a review: embedded at the last place
		// in property order, a reference (moved to the end) elsewhere.
		"shared person": "<urn:m:1> " + typ + " " + movie + " .\n<urn:m:1> <http://schema.org/director> <urn:p:1> .\n<urn:m:1> <http://schema.org/actor> <urn:p:1> .\n<urn:m:1> <http://schema.org/actor> <urn:p:2> .\n<urn:m:1> <http://schema.org/review> _:r .\n_:r <http://schema.org/author> <urn:p:1> .\n<urn:p:1> " + typ + " " + person + " .\n<urn:p:1> <http://schema.org/name> \"P\" .\n<urn:p:2> <http://schema.org/name> \"Q\" .\n",
		// One person in three properties: embedded in the last, a
		// reference in each of the others.
		"three properties": "<urn:m:1> " + typ + " " + movie + " .\n<urn:m:1> <http://schema.org/actor> _:p .\n<urn:m:1> <http://schema.org/director> _:p .\n<urn:m:1> <http://schema.org/producer> _:p .\n<urn:m:1> <http://schema.org/actor> _:q .\n_:p <http://schema.org/name> \"P\" .\n_:q <http://schema.org/knows> _:p .\n",
		// A cycle below the root, through blank nodes.
		"cycle": "_:root " + typ + " " + movie + " .\n_:root <http://schema.org/actor> _:a .\n_:a <http://schema.org/knows> _:b .\n_:b <http://schema.org/knows> _:a .\n_:b <http://schema.org/name> \"B\" .\n",
		// A property holding literals and nodes, and a node with no
		// statements reached twice.
		"mixed values": "<urn:m:1> " + typ + " " + movie + " .\n<urn:m:1> <http://schema.org/author> \"Anon\" .\n<urn:m:1> <http://schema.org/author> <urn:p:9> .\n<urn:m:1> <http://schema.org/author> _:e .\n<urn:m:1> <http://schema.org/creator> <urn:p:9> .\n_:e <http://schema.org/name> \"E\"@FR .\n<urn:m:1> <http://schema.org/sameAs> <https://films.example/m/1> .\n",
		// Only a type below the root, and a type the context has no term for.
		"types": "<urn:m:1> " + typ + " " + movie + " .\n<urn:m:1> " + typ + " <http://a.example/Film> .\n<urn:m:1> <http://schema.org/genre> _:g .\n_:g " + typ + " <http://schema.org/Thing> .\n",
	}
	inputs := map[string][]string{}
	for name, in := range cases {
		inputs[name] = []string{in}
	}
	// Two inputs about one Movie: the same type, literal and language
	// tag in either case in both, blank nodes of the same labels (two
	// nodes: each input's own), a node of one referring to the other's.
	inputs["two inputs"] = []string{
		"<urn:m:1> " + typ + " " + movie + " .\n<urn:m:1> <http://schema.org/name> \"Heat\"@EN .\n<urn:m:1> <http://schema.org/actor> _:a .\n_:a <http://schema.org/name> \"A\" .\n<urn:m:1> <http://schema.org/director> <urn:p:1> .\n",
		"<urn:m:1> " + typ + " " + movie + " .\n<urn:m:1> " + typ + " <http://schema.org/CreativeWork> .\n<urn:m:1> <http://schema.org/name> \"Heat\"@en .\n<urn:m:1> <http://schema.org/actor> _:a .\n_:a <http://schema.org/name> \"B\" .\n<urn:m:1> <http://schema.org/actor> <urn:p:1> .\n<urn:p:1> <http://schema.org/name> \"P\" .\n",
	}
	p := NewProcessor(Config{})
	for name, in := range inputs {
		if !rooted(t, in) {
			t.Fatalf("%s: no root", name)
		}
		for _, f := range []Format{FormatJSONLD, FormatHTML} {
			want, err := jsonldPath(p, in, f, Options{})
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if strings.Contains(want, `"@graph"`) {
				t.Fatalf("%s: the general path did not frame it:\n%s", name, want)
			}
			got, _, short, err := datasetJSONPath(p, in, f, Options{})
			if err != nil || !short {
				t.Errorf("%s, %v: WriteJSONLD declined (%v)", name, f, err)
			}
			if got != want {
				t.Errorf("%s, %v: output differs\n got:\n%s\nwant:\n%s", name, f, got, want)
			}
		}
	}
}

// diamonds returns N-Quads of a Movie leading to a chain of n diamonds
// (each node refers to the next by two properties), which @last framing
// outputs 2^n times.
func diamonds(n int) string {
	var b strings.Builder
	b.WriteString("<urn:n0> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://schema.org/Movie> .\n")
	for i := range n {
		fmt.Fprintf(&b, "<urn:n%d> <http://schema.org/actor> <urn:n%d> .\n<urn:n%d> <http://schema.org/director> <urn:n%d> .\n", i, i+1, i, i+1)
	}
	fmt.Fprintf(&b, "<urn:n%d> <http://schema.org/name> \"end\" .\n", n)
	return b.String()
}

// TestFrameBudget: a graph whose framing would output its nodes
// exponentially many times (a chain of 40 diamonds: 2^40 outputs, days)
// is compacted unframed by both paths, at once and with the same bytes,
// as JSON-LD and as N-Quads; Frame, asked for the root, says why; a
// chain of 4 is framed as ever.
func TestFrameBudget(t *testing.T) {
	// A budget of 2^16 outputs, not 2^20: the same test in a tenth of
	// the time.
	defer func(base int) { jsongold.FrameBudgetBase = base }(jsongold.FrameBudgetBase)
	jsongold.FrameBudgetBase = 1 << 16
	p := NewProcessor(Config{})
	for _, c := range []struct {
		depth  int
		framed bool
	}{{4, true}, {40, false}} {
		in := []string{diamonds(c.depth)}
		want, err := jsonldPath(p, in, FormatJSONLD, Options{})
		if err != nil {
			t.Fatal(err)
		}
		got, _, short, err := datasetJSONPath(p, in, FormatJSONLD, Options{})
		if err != nil || !short || got != want {
			t.Errorf("%d diamonds: short path %v, %v; got\n%.500s\nwant\n%.500s", c.depth, short, err, got, want)
		}
		if framed := !strings.Contains(want, `"@graph"`); framed != c.framed {
			t.Errorf("%d diamonds: framed %v, want %v:\n%.500s", c.depth, framed, c.framed, want)
		}
		doc, err := p.FromNQuads(strings.NewReader(in[0]), "diamonds.nq")
		if err != nil {
			t.Fatal(err)
		}
		_, err = p.Frame(doc, "Movie", Options{})
		if c.framed != (err == nil) || !c.framed && !errors.Is(err, ErrFrameWork) {
			t.Errorf("%d diamonds: Frame: %v", c.depth, err)
		}
	}
}

// FuzzDatasetFramed: for the rooted graphs randomRootedNQuads makes of a
// seed (shared nodes, cycles below the root, other nodes of the root's
// type, language tags in either case), alone or two read together,
// WriteJSONLD frames as the general path does, in JSON-LD and HTML.
func FuzzDatasetFramed(f *testing.F) {
	for seed := range uint64(8) {
		f.Add(seed, seed+8, seed%2 == 0)
	}
	p := NewProcessor(Config{})
	f.Fuzz(func(t *testing.T, seed, other uint64, two bool) {
		in := []string{randomRootedNQuads(seed)}
		if two {
			// A second input: its root joins the first where both are
			// the same IRI.
			in = append(in, randomRootedNQuads(other))
		}
		for _, f := range []Format{FormatJSONLD, FormatHTML} {
			want, werr := jsonldPath(p, in, f, Options{})
			got, _, short, gerr := datasetJSONPath(p, in, f, Options{})
			if fmt.Sprint(werr) != fmt.Sprint(gerr) || got != want {
				t.Fatalf("%q, %v (short path %v):\n got %v\n%s\nwant %v\n%s", in[0], f, short, gerr, got, werr, want)
			}
		}
	})
}
