package ld

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
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
	p := NewProcessor(Config{})
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
		if i%3 == 0 && i+1 < len(names) {
			cases = append(cases, [2]string{n, names[i+1]})
		}
	}
	compared, short := 0, 0
	for _, c := range cases {
		inputs := []string{corpus[c[0]]}
		name := c[0]
		if c[1] != "" {
			inputs = append(inputs, corpus[c[1]])
			name += "+" + c[1]
		}
		for _, f := range []Format{FormatJSONLD, FormatHTML, FormatExpanded, FormatFlattened} {
			for _, opts := range []Options{{}, {Lenient: &Dropped{}}, {RDFDirection: DirectionI18nDatatype}} {
				want, wdrops, werr := jsonldPathDrops(p, inputs, f, opts)
				got, gdrops, isShort, gerr := datasetJSONPath(p, inputs, f, opts)
				compared++
				if isShort {
					short++
				}
				if fmt.Sprint(werr) != fmt.Sprint(gerr) {
					t.Errorf("%s, %v, %+v: error\n got %v\nwant %v", name, f, opts, gerr, werr)
					continue
				}
				if got != want {
					t.Errorf("%s, %v, %+v (short path %v): output differs\n got:\n%s\nwant:\n%s", name, f, opts, isShort, got, want)
				}
				if !slices.Equal(gdrops, wdrops) {
					t.Errorf("%s, %v: warnings\n got %q\nwant %q", name, f, gdrops, wdrops)
				}
			}
		}
	}
	t.Logf("%d conversions compared, %d by WriteJSONLD", compared, short)
	if short < compared/3 {
		t.Errorf("only %d of %d conversions took WriteJSONLD", short, compared)
	}
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
// and without Lenient.
func FuzzDatasetJSONLD(f *testing.F) {
	f.Add([]byte{0, 0, 0x80, 0})
	f.Add([]byte{1, 1, 2, 0, 2, 4, 1, 0, 4, 0, 0x81, 0, 4, 4, 2, 0})
	f.Add([]byte{1, 5, 0, 0, 4, 6, 1, 3, 5, 0, 0x83, 4, 1, 2, 0x84, 0x80, 4, 4, 5, 0})
	f.Add([]byte{0, 3, 0x84, 0, 0, 3, 0x85, 0, 1, 8, 0x82, 0, 1, 9, 2, 0, 5, 10, 6, 1})
	p := NewProcessor(Config{})
	f.Fuzz(func(t *testing.T, data []byte) {
		inputs := fuzzNQuads(data)
		for _, f := range []Format{FormatJSONLD, FormatHTML, FormatExpanded, FormatFlattened} {
			for _, opts := range []Options{{}, {Lenient: &Dropped{}}} {
				want, wdrops, werr := jsonldPathDrops(p, inputs, f, opts)
				got, gdrops, short, gerr := datasetJSONPath(p, inputs, f, opts)
				if fmt.Sprint(werr) != fmt.Sprint(gerr) || got != want || !slices.Equal(gdrops, wdrops) {
					t.Fatalf("%q, %v, lenient %v (short path %v):\n got %v %q\n%s\nwant %v %q\n%s", inputs, f, opts.Lenient != nil, short, gerr, gdrops, got, werr, wdrops, want)
				}
			}
		}
	})
}
