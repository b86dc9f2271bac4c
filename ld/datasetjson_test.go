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
		for _, f := range []Format{FormatJSONLD, FormatHTML} {
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
