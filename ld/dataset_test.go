package ld

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	jld "github.com/piprate/json-gold/ld"

	"github.com/film2ld/film2ld/ld/internal/largetest"
)

// jsonldPath converts N-Quads inputs the general way, as convert did
// before Dataset: each input through FromNQuads, their Union, then Write.
func jsonldPath(p *Processor, inputs []string, f Format, opts Options) (string, error) {
	var docs []any
	for i, in := range inputs {
		doc, err := fromNQuadsOnce(p, in, fmt.Sprintf("in%d.nq", i))
		if err != nil {
			return "", err
		}
		docs = append(docs, doc)
	}
	u, err := p.Union(docs, opts)
	if err != nil {
		return "", err
	}
	var b bytes.Buffer
	err = p.Write(&b, u, f, opts)
	return b.String(), err
}

// fromNQuadsMemo holds FromNQuads' reading of each input of the
// differential tests, which convert one input to a dozen formats and
// options that the reading does not depend on (it was a seventh of their
// time). Expand copies what it is given (normalizeValue), so a reading
// is never changed by its use. Only the processors of readingsKept
// have their readings kept, until their test ends.
var fromNQuadsMemo sync.Map // fromNQuadsKey → fromNQuadsRead, or *Processor → true

type fromNQuadsKey struct {
	p        *Processor
	in, name string
}

type fromNQuadsRead struct {
	doc []any
	err error
}

// readingsKept is a processor for a differential test, whose readings
// of N-Quads jsonldPath keeps while the test runs.
func readingsKept(t *testing.T) *Processor {
	p := NewProcessor(Config{})
	fromNQuadsMemo.Store(p, true)
	t.Cleanup(func() {
		fromNQuadsMemo.Range(func(k, _ any) bool {
			if fk, ok := k.(fromNQuadsKey); k == p || ok && fk.p == p {
				fromNQuadsMemo.Delete(k)
			}
			return true
		})
	})
	return p
}

// fromNQuadsOnce is p.FromNQuads of in, read once for a readingsKept.
func fromNQuadsOnce(p *Processor, in, name string) ([]any, error) {
	if _, kept := fromNQuadsMemo.Load(p); !kept {
		return p.FromNQuads(strings.NewReader(in), name)
	}
	k := fromNQuadsKey{p, in, name}
	if r, ok := fromNQuadsMemo.Load(k); ok {
		return r.(fromNQuadsRead).doc, r.(fromNQuadsRead).err
	}
	doc, err := p.FromNQuads(strings.NewReader(in), name)
	fromNQuadsMemo.Store(k, fromNQuadsRead{doc, err})
	return doc, err
}

// datasetPath converts them through a Dataset, falling back to its
// Documents where the compact writers decline.
func datasetPath(p *Processor, inputs []string, f Format, opts Options) (string, error) {
	d := NewDataset()
	for i, in := range inputs {
		if _, err := d.ReadNQuads(strings.NewReader(in), fmt.Sprintf("in%d.nq", i), false); err != nil {
			return "", err
		}
	}
	var b bytes.Buffer
	var err error
	if f == FormatCanonical {
		err = p.WriteCanonical(&b, d)
	} else {
		err = d.WriteRDF(&b, f)
	}
	if errors.Is(err, ErrNeedsJSONLD) {
		b.Reset()
		docs, err := d.Documents()
		if err != nil {
			return "", err
		}
		u, err := p.Union(docs, opts)
		if err != nil {
			return "", err
		}
		err = p.Write(&b, u, f, opts)
		return b.String(), err
	}
	return b.String(), err
}

// nquadsCorpus returns N-Quads inputs by name: the W3C suites' (when
// present), film2ld's conformance fixtures, and generated ones.
func nquadsCorpus(t *testing.T) map[string]string {
	t.Helper()
	out := map[string]string{}
	globs := []string{"testdata/conformance/*.nq"}
	if dir := w3cDir(); dir != "" {
		globs = append(globs,
			filepath.Join(dir, "json-ld-api-tests", "toRdf", "*.nq"),
			filepath.Join(dir, "json-ld-api-tests", "fromRdf", "*.nq"),
			filepath.Join(dir, "rdf-canon-tests", "rdfc10", "*.nq"))
	} else {
		t.Log("W3C suites not found at ../../shared/w3c: their N-Quads are not compared")
	}
	for _, g := range globs {
		files, err := filepath.Glob(g)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			out[f] = string(b)
		}
	}
	var big bytes.Buffer
	if err := writeBigNQuads(&big, 12); err != nil {
		t.Fatal(err)
	}
	out["generated/films-12"] = big.String()
	// Inputs both paths must refuse with the same error.
	for i, bad := range []string{
		"<urn:a> <urn:p> \"caf\xe9\" .\n",
		"<urn:a> <urn:p> <urn:b> .\n<urn:a> <urn:p> <rel> .\n",
		"<urn:a> <urn:p> \"x\"@en_GB .\n",
		"<urn:a> <urn:p> \"x\"^^<bad type> .\n",
		"<urn:a> <urn:p> <urn:b> <urn:g>\n",
		"<urn:a> <urn:p> <urn:b> <urn:g> .\n<urn:a> <urn:p> \"\\uD800\" .\n",
		"<urn:a> <urn:p> <urn:b> <http://a.example/#x#y> .\n",
		"<urn:a> <x-film2ld-http://a.example/> <urn:b> .\n",
		"_:a <urn:p> <urn:b> _: .\n",
		"<urn:a> _:p <urn:b> .\n",
	} {
		out[fmt.Sprintf("bad/%d", i)] = bad
	}
	for seed := range 40 {
		out[fmt.Sprintf("generated/random-%d", seed)] = randomNQuads(uint64(seed))
		out[fmt.Sprintf("generated/rooted-%d", seed)] = randomRootedNQuads(uint64(seed))
	}
	for seed := range 30 {
		out[fmt.Sprintf("generated/nested-lists-%d", seed)] = randomNestedListNQuads(uint64(seed))
	}
	for _, c := range listCases {
		out["lists/"+c.name] = c.nq
	}
	return out
}

// randomNestedListNQuads makes a dataset of RDF lists whose items are
// lists in turn, to a depth of four: items literal, IRI, blank nodes
// with a statement of their own, rdf:nil (an empty list) or a list;
// each top list held by an IRI or a blank node, in the default graph or
// a named one, the lines shuffled.
func randomNestedListNQuads(seed uint64) string {
	r := rand.New(rand.NewPCG(seed, 29))
	const rdf = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#"
	var lines []string
	cell := 0
	var list func(g string, depth int) string
	list = func(g string, depth int) string {
		n := 1 + r.IntN(4)
		names := make([]string, n)
		for i := range names {
			names[i] = fmt.Sprintf("_:n%d", cell)
			cell++
		}
		for i, c := range names {
			var item string
			switch k := r.IntN(6); {
			case k == 0 && depth < 4, k == 1 && depth < 2:
				item = list(g, depth+1)
			case k == 2:
				item = fmt.Sprintf("_:p%d", cell)
				lines = append(lines, item+" <http://schema.org/name> \"P\""+g+" .")
			case k == 3:
				item = rdf + "nil>"
			case k == 4:
				item = "<http://a.example/i>"
			default:
				item = fmt.Sprintf("\"item %d\"", r.IntN(3))
			}
			next := rdf + "nil>"
			if i+1 < n {
				next = names[i+1]
			}
			lines = append(lines, c+" "+rdf+"first> "+item+g+" .", c+" "+rdf+"rest> "+next+g+" .")
		}
		return names[0]
	}
	for range 1 + r.IntN(4) {
		g := []string{"", "", " <http://a.example/g>"}[r.IntN(3)]
		owner := []string{"<http://a.example/s1>", "_:o1", "<urn:x:2>"}[r.IntN(3)]
		lines = append(lines, owner+" <https://schema.org/keywords> "+list(g, 0)+g+" .")
	}
	r.Shuffle(len(lines), func(i, j int) { lines[i], lines[j] = lines[j], lines[i] })
	return strings.Join(lines, "\n") + "\n"
}

// randomListNQuads makes a dataset of RDF lists in the shapes the
// conversion from RDF folds and those it leaves or changes: lists of
// blank cells (items literal, IRI or blank nodes with statements of
// their own, described or not), held by IRIs, blank nodes or other
// lists' cells, several under one property, in named graphs, empty
// (rdf:nil), and now and then a cell that is an IRI, typed rdf:List,
// used twice, a type, given another property or no rdf:first, a graph's
// name, in another graph than its list, or two lists holding each
// other's heads; statements repeated, lines in any order.
func randomListNQuads(seed uint64) string {
	r := rand.New(rand.NewPCG(seed, 23))
	pick := func(xs ...string) string { return xs[r.IntN(len(xs))] }
	const (
		rdf   = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#"
		first = " " + rdf + "first> "
		rest  = " " + rdf + "rest> "
		nil_  = rdf + "nil>"
	)
	var lines []string
	cell := 0
	owners := []string{"<http://a.example/s1>", "<urn:x:2>", "_:o1", "_:b0", "_:b3"}
	props := []string{"<https://schema.org/actor>", "<http://a.example/p>", "<urn:p>", "<https://schema.org/about>"}
	var cells []string
	for range 1 + r.IntN(5) {
		g := pick("", "", "", " <http://a.example/g>", " _:g")
		owner := pick(owners...)
		if len(cells) > 0 && r.IntN(6) == 0 {
			owner = cells[r.IntN(len(cells))] // a list inside a list, or a cycle
		}
		n := r.IntN(5)
		if n == 0 {
			lines = append(lines, owner+" "+pick(props...)+" "+nil_+g+" .")
			continue
		}
		names := make([]string, n)
		for i := range names {
			names[i] = fmt.Sprintf("_:c%d", cell)
			if r.IntN(25) == 0 {
				names[i] = fmt.Sprintf("<urn:cell:%d>", cell)
			}
			cell++
		}
		cells = append(cells, names...)
		lines = append(lines, owner+" "+pick(props...)+" "+names[0]+g+" .")
		for i, c := range names {
			item := pick(`"x"`, `"y"@EN`, "<http://a.example/i>", "_:i1", "_:i2", "_:b1", `"1"^^<http://www.w3.org/2001/XMLSchema#integer>`)
			if r.IntN(30) != 0 {
				lines = append(lines, c+first+item+g+" .")
			}
			next := nil_
			if i+1 < n {
				next = names[i+1]
			}
			cg := g
			if r.IntN(40) == 0 {
				cg = " <http://a.example/other>"
			}
			lines = append(lines, c+rest+next+cg+" .")
			switch r.IntN(40) {
			case 0:
				lines = append(lines, c+" <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "+rdf+"List>"+g+" .")
			case 1:
				lines = append(lines, pick(owners...)+" <https://schema.org/sameAs> "+c+g+" .")
			case 2:
				lines = append(lines, pick(owners...)+" <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "+c+g+" .")
			case 3:
				lines = append(lines, c+" <https://schema.org/name> \"extra\""+g+" .")
			case 4:
				lines = append(lines, "<urn:x:in> <urn:p> \"named by a cell\" "+c+" .")
			}
		}
	}
	for _, b := range []string{"_:i1", "_:o1", "_:b0"} {
		if r.IntN(2) == 0 {
			lines = append(lines, b+" <https://schema.org/name> "+pick(`"a"`, `"b"`)+" .")
		}
	}
	for range r.IntN(3) {
		lines = append(lines, lines[r.IntN(len(lines))])
	}
	r.Shuffle(len(lines), func(i, j int) { lines[i], lines[j] = lines[j], lines[i] })
	return strings.Join(lines, "\n") + "\n"
}

// randomRootedNQuads makes a small graph with a root, which the general
// path frames: a Movie nothing refers to, leading to IRIs and blank nodes
// (some labelled as node map generation labels, _:b0, …) in a tree with
// nodes reached twice and more, cycles below the root, other Movies
// (framed on their own too), nodes with only a type or no statements,
// properties holding literals and nodes, language tags in either case,
// repeated statements; now and then a node the root does not lead to
// (which the general path compacts instead) or a reference to the root.
func randomRootedNQuads(seed uint64) string {
	r := rand.New(rand.NewPCG(seed, 11))
	pick := func(xs ...string) string { return xs[r.IntN(len(xs))] }
	nodes := []string{"<http://a.example/s1>", "<http://a.example/s2>", "<urn:x:3>", "_:b1", "_:x", "_:a0", "_:b10", "_:b0", "_:c14n0", "<https://films.example/p/2>"}
	r.Shuffle(len(nodes), func(i, j int) { nodes[i], nodes[j] = nodes[j], nodes[i] })
	nodes = nodes[:3+r.IntN(len(nodes)-3)]
	root := pick("<urn:x:film>", "_:root", "<http://a.example/film>")
	props := []string{"<https://schema.org/actor>", "<https://schema.org/director>", "<https://schema.org/author>", "<https://schema.org/review>", "<http://a.example/p>", "<https://schema.org/sameAs>", "<https://schema.org/itemReviewed>"}
	const typ = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
	lines := []string{root + " " + typ + " " + pick("<https://schema.org/Movie>", "<http://schema.org/Movie>") + " ."}
	if r.IntN(3) == 0 {
		lines = append(lines, root+" "+typ+" <https://schema.org/CreativeWork> .")
	}
	// A tree from the root: each node hangs under the root or one before it.
	for i, n := range nodes {
		parent := root
		if i > 0 && r.IntN(3) > 0 {
			parent = nodes[r.IntN(i)]
		}
		lines = append(lines, parent+" "+pick(props...)+" "+n+" .")
	}
	for _, n := range nodes {
		switch r.IntN(5) {
		case 0: // no statements of its own
		case 1:
			lines = append(lines, n+" "+typ+" "+pick("<https://schema.org/Person>", "<https://schema.org/Movie>", "<http://schema.org/Movie>")+" .")
		default:
			lines = append(lines, n+" "+typ+" "+pick("<https://schema.org/Person>", "<https://schema.org/Movie>", "<https://schema.org/Review>")+" .")
			for range 1 + r.IntN(3) {
				lines = append(lines, n+" "+pick("<https://schema.org/name>", "<http://a.example/p>", "<https://schema.org/sameAs>")+" "+
					pick(`"x"`, `"x"@EN`, `"x"@en`, `"Y"@de-AT`, `"1"^^<http://www.w3.org/2001/XMLSchema#integer>`, `"a\nb"`, `"x"^^<http://www.w3.org/2001/XMLSchema#string>`)+" .")
			}
		}
	}
	// Nodes reached again: across the tree, back up it (cycles below the
	// root), from the root.
	for range r.IntN(8) {
		lines = append(lines, pick(append(nodes, root)...)+" "+pick(props...)+" "+pick(nodes...)+" .")
	}
	switch r.IntN(8) {
	case 0:
		lines = append(lines, "<urn:x:lost> <https://schema.org/name> \"lost\" .")
	case 1:
		lines = append(lines, pick(nodes...)+" <https://schema.org/about> "+root+" .")
	}
	for range r.IntN(3) {
		lines = append(lines, lines[r.IntN(len(lines))])
	}
	r.Shuffle(len(lines), func(i, j int) { lines[i], lines[j] = lines[j], lines[i] })
	return strings.Join(lines, "\n") + "\n"
}

// publishedNQuads returns the statements of the film goldens and the
// schema.org examples: graphs as published, most of them one node at the
// top with others nested in it (rooted), for the JSON-LD writers' tests
// (the RDF writers' do not need them: their statements are plain).
func publishedNQuads(t *testing.T) map[string]string {
	t.Helper()
	out := map[string]string{}
	p := NewProcessor(Config{})
	sources, _ := filepath.Glob(filepath.Join("..", "mapping", "testdata", "golden", "*.jsonld"))
	if sdo := schemaOrgExamples; dirExists(sdo) {
		more, _ := filepath.Glob(filepath.Join(sdo, "*.jsonld"))
		sources = append(sources, more...)
	}
	for _, f := range sources {
		var doc any
		if decodeFile(f, &doc) != nil {
			continue
		}
		if nq, err := p.ToNQuads(doc, Options{Base: "https://films.example/sdo/" + filepath.Base(f)}); err == nil && nq != "" {
			out["published/"+filepath.Base(filepath.Dir(f))+"/"+filepath.Base(f)] = nq
		}
	}
	if len(out) < 10 {
		t.Fatalf("only %d published graphs", len(out))
	}
	return out
}

// randomNQuads makes a small dataset whose blank nodes meet in every way
// the node map's order depends on: blank subjects, objects, types and
// graph names, graphs named like subjects, several statements per
// property, language tags in either case, repeated statements, lines in
// any order.
func randomNQuads(seed uint64) string {
	r := rand.New(rand.NewPCG(seed, 7))
	pick := func(xs ...string) string { return xs[r.IntN(len(xs))] }
	node := func() string {
		return pick("<http://a.example/s1>", "<http://a.example/s2>", "<urn:x:3>", "_:b1", "_:x", "_:a0", "_:b10", "_:b2", "_:c14n0", "_:d0-q")
	}
	var lines []string
	for range 5 + r.IntN(40) {
		s := node()
		var p, o string
		switch r.IntN(4) {
		case 0:
			p, o = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>", pick(node(), "<https://schema.org/Movie>", `"literal type"`)
		case 1:
			p, o = pick("<https://schema.org/name>", "<http://a.example/p>"), pick(`"x"`, `"x"@EN`, `"x"@en`, `"Y"@de-AT`, `"1"^^<http://www.w3.org/2001/XMLSchema#integer>`, `"a\nb\u0007"`)
		default:
			p, o = pick("<https://schema.org/about>", "<http://a.example/p>", "<http://a.example/q>", "<urn:p>"), node()
		}
		g := pick("", "", " <http://a.example/s1>", " _:x", " _:g", " <http://a.example/g>")
		lines = append(lines, s+" "+p+" "+o+g+" .")
	}
	for range r.IntN(3) {
		lines = append(lines, lines[r.IntN(len(lines))])
	}
	r.Shuffle(len(lines), func(i, j int) { lines[i], lines[j] = lines[j], lines[i] })
	return strings.Join(lines, "\n") + "\n"
}

// pairEvery is how often the differential tests read an input together
// with the next one: every third where every case runs (CI, large tests
// on), every ninth in a developer's `go test ./...`, where the pairs were
// a third of those tests' time and each pair reads two inputs the single
// cases read already.
func pairEvery() int {
	if largetest.On() {
		return 3
	}
	return 9
}

// TestDatasetMatchesJSONLDPath proves the compact path byte-identical to
// the general one (or the same error) on every corpus input alone, on
// pairs of inputs read together, and with Options.Lenient.
func TestDatasetMatchesJSONLDPath(t *testing.T) {
	t.Parallel() // CPU-bound and independent: runs beside the other differential tests
	p := readingsKept(t)
	corpus := nquadsCorpus(t)
	// The RDF writers' own: lists, which the JSON-LD writers leave to
	// the general path.
	for seed := range 120 {
		corpus[fmt.Sprintf("generated/lists-%d", seed)] = randomListNQuads(uint64(seed))
	}
	names := slices.Sorted(func(yield func(string) bool) {
		for k := range corpus {
			if !yield(k) {
				return
			}
		}
	})
	type tcase struct {
		name   string
		inputs []string
	}
	var cases []tcase
	for i, n := range names {
		cases = append(cases, tcase{n, []string{corpus[n]}})
		if i%pairEvery() == 0 && i+1 < len(names) {
			cases = append(cases, tcase{n + "+" + names[i+1], []string{corpus[n], corpus[names[i+1]]}})
		}
	}
	compared, fallbacks, folded := 0, 0, 0
	for i, c := range cases {
		for fi, f := range []Format{FormatNQuads, FormatCanonical, FormatTurtle, FormatTriG, FormatSPARQLUpdate} {
			if !largetest.On() && fi > 0 && (i+fi)%2 != 0 {
				// A developer's run writes every input in N-Quads and
				// half of the other formats, a different half input by
				// input (CI writes all).
				continue
			}
			strictFailed := false
			for _, lenient := range []bool{false, true} {
				if lenient && !strictFailed && i%8 != 0 {
					// Lenient drops what the strict path refuses: where
					// that refused nothing, the same again (every
					// eighth input checks it).
					continue
				}
				opts := Options{}
				if lenient {
					opts.Lenient = &Dropped{}
				}
				want, werr := jsonldPath(p, c.inputs, f, opts)
				strictFailed = werr != nil
				got, gerr := datasetPath(p, c.inputs, f, opts)
				if fmt.Sprint(werr) != fmt.Sprint(gerr) {
					t.Errorf("%s, %v: error\n got %v\nwant %v", c.name, f, gerr, werr)
					continue
				}
				if got != want {
					t.Errorf("%s, %v: output differs\n got:\n%s\nwant:\n%s", c.name, f, got, want)
				}
				compared++
			}
		}
		d := NewDataset()
		for _, in := range c.inputs {
			d.ReadNQuads(strings.NewReader(in), "in", false)
		}
		switch {
		case d.RDFNeedsJSONLD() != nil:
			fallbacks++
		case len(d.lists().folds) > 0:
			folded++
		}
	}
	t.Logf("%d conversions compared; %d of %d inputs take the JSON-LD path, %d with lists folded do not", compared, fallbacks, len(cases), folded)
	if folded < 50 {
		t.Errorf("only %d inputs with lists folded take the compact writers", folded)
	}
}

// TestDatasetDocuments proves that Documents gives FromNQuads' JSON-LD.
func TestDatasetDocuments(t *testing.T) {
	p := NewProcessor(Config{})
	for name, in := range nquadsCorpus(t) {
		want, werr := p.FromNQuads(strings.NewReader(in), "in.nq")
		d := NewDataset()
		_, gerr := d.ReadNQuads(strings.NewReader(in), "in.nq", false)
		var got []any
		if gerr == nil {
			got, gerr = d.Documents()
		}
		if fmt.Sprint(werr) != fmt.Sprint(gerr) {
			t.Errorf("%s: error\n got %v\nwant %v", name, gerr, werr)
			continue
		}
		if werr != nil {
			continue
		}
		if len(got) != 1 || !reflect.DeepEqual(got[0], want) {
			t.Errorf("%s: documents differ\n got %v\nwant %v", name, got, want)
		}
	}
}

// TestLiteralTypeKept: an rdf:type statement with a literal object and one
// with an IRI object on the same node both survive the JSON-LD path (one
// of them used to replace the other, whichever Go's map order put last).
func TestLiteralTypeKept(t *testing.T) {
	p := NewProcessor(Config{})
	in := "<urn:x:3> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> \"literal type\" .\n" +
		"<urn:x:3> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <urn:t> .\n" +
		"<urn:x:3> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> _:b .\n"
	want := "<urn:x:3> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> \"literal type\" .\n" +
		"<urn:x:3> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <urn:t> .\n" +
		"<urn:x:3> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> _:b0 .\n"
	for range 20 {
		got, err := jsonldPath(p, []string{in}, FormatNQuads, Options{})
		if err != nil || got != want {
			t.Fatalf("got %q, %v\nwant %q", got, err, want)
		}
	}
}

// readNQuadsJSONGold is ReadNQuads as it was before the Dataset: a
// bufio.Scanner (lines up to 16 MiB) and json-gold's parser per line.
func readNQuadsJSONGold(r io.Reader, name string) ([]Quad, error) {
	var out []Quad
	seen := map[Quad]bool{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 16*1024*1024)
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimSpace(sc.Text())
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		ds, err := parseQuad(text)
		if err != nil {
			// Placed at the column json-gold's message names, as the
			// readers place it.
			return nil, statementError(name, line, []byte(sc.Text()), err)
		}
		for _, quads := range ds.Graphs {
			for _, q := range quads {
				quad := fromJLD(q)
				if !seen[quad] {
					seen[quad] = true
					out = append(out, quad)
				}
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("ld: read %s: %w", name, err)
	}
	return out, nil
}

// TestReadNQuadsMatchesJSONGold: ReadNQuads, now on a Dataset, reads
// every corpus input as json-gold's parser did, statement for statement
// and error for error, except that bytes that are not UTF-8 are an error
// instead of U+FFFD.
func TestReadNQuadsMatchesJSONGold(t *testing.T) {
	for name, in := range nquadsCorpus(t) {
		got, gerr := ReadNQuads(strings.NewReader(in), "in.nq")
		if !utf8.ValidString(in) {
			if !errors.Is(gerr, ErrInvalidUTF8) {
				t.Errorf("%s: got %v, want an invalid UTF-8 error", name, gerr)
			}
			continue
		}
		want, werr := readNQuadsJSONGold(strings.NewReader(in), "in.nq")
		if fmt.Sprint(gerr) != fmt.Sprint(werr) {
			t.Errorf("%s: error\n got %v\nwant %v", name, gerr, werr)
			continue
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: statements differ\n got %v\nwant %v", name, got, want)
		}
	}
}

// TestReadNQuadsLongLine reads a 20 MB literal, which the 16 MiB line
// limit of the old reader refused.
func TestReadNQuadsLongLine(t *testing.T) {
	long := strings.Repeat("x", 20<<20)
	quads, err := ReadNQuads(strings.NewReader("<urn:a> <urn:p> \""+long+"\" .\n"), "long.nq")
	if err != nil {
		t.Fatal(err)
	}
	if len(quads) != 1 || quads[0].Object.Value != long {
		t.Fatalf("got %d statements", len(quads))
	}
}

// TestDatasetSubjectLines: with RecordLines, each IRI subject is placed at
// the first line that states something of it, comments and blank lines
// counted; blank node subjects are not.
func TestDatasetSubjectLines(t *testing.T) {
	in := "# a film\n\n<urn:x:a> <urn:x:p> \"1\" .\n_:b <urn:x:p> <urn:x:a> .\n  <urn:x:c> <urn:x:p> \"2\" <urn:x:g> .\n<urn:x:a> <urn:x:q> \"3\" .\n"
	d := NewDataset()
	d.RecordLines()
	if _, err := d.ReadNQuads(strings.NewReader(in), "in.nq", false); err != nil {
		t.Fatal(err)
	}
	got := d.SubjectLines()
	if len(got) != 2 || got["urn:x:a"] != 3 || got["urn:x:c"] != 5 {
		t.Errorf("SubjectLines = %v; want urn:x:a at 3, urn:x:c at 5", got)
	}
	if d := NewDataset(); len(d.SubjectLines()) != 0 {
		t.Error("lines recorded without RecordLines")
	}
}

// TestDatasetReadAfterWrite: the writers drop the term index, and a later
// read builds it again, so the dataset reads on as if nothing happened.
func TestDatasetReadAfterWrite(t *testing.T) {
	a := "_:x <urn:p> <urn:o> .\n<urn:s> <urn:p> \"v\"@EN .\n"
	b := "<urn:s> <urn:p> \"v\"@EN .\n_:x <urn:q> _:y <urn:g> .\n"
	fresh := NewDataset()
	fresh.ReadNQuads(strings.NewReader(a), "a", false)
	fresh.ReadNQuads(strings.NewReader(b), "b", false)
	var want bytes.Buffer
	if err := fresh.WriteNQuads(&want); err != nil {
		t.Fatal(err)
	}
	d := NewDataset()
	d.ReadNQuads(strings.NewReader(a), "a", false)
	if err := d.WriteNQuads(io.Discard); err != nil {
		t.Fatal(err)
	}
	d.ReadNQuads(strings.NewReader(b), "b", false)
	var got bytes.Buffer
	if err := d.WriteNQuads(&got); err != nil {
		t.Fatal(err)
	}
	if got.String() != want.String() || len(d.terms) != len(fresh.terms) {
		t.Fatalf("got %d terms:\n%s\nwant %d terms:\n%s", len(d.terms), got.String(), len(fresh.terms), want.String())
	}
}

// TestReadQuadsMatchesJSONLDPath proves that statements read from Turtle
// or TriG and added to a Dataset (ReadQuads, as convert adds them) give,
// in every format, what the JSON-LD path gives for them (FromQuads,
// Union, Write), errors included: for every input of the N-Quads corpus
// written as Turtle (its default graph) and as TriG and read back, and
// for Turtle written by hand in the shorthands N-Quads has none of.
// Where ReadQuads refuses, the Dataset must be as before it.
func TestReadQuadsMatchesJSONLDPath(t *testing.T) {
	t.Parallel() // CPU-bound and independent: runs beside the other differential tests
	p := NewProcessor(Config{})
	inputs := map[string]string{
		"shorthands.ttl": `@prefix s: <https://schema.org/> . @base <https://films.example/> .
<m/1> a s:Movie ; s:name "Glass Harbour"@en, "Port de verre"@fr-CA, "Glass Harbour" ;
  s:duration "PT90M"^^<http://www.w3.org/2001/XMLSchema#duration> ; s:copyrightYear 2012 ; s:isFamilyFriendly true ;
  s:aggregateRating [ a s:AggregateRating ; s:ratingValue 7.5 ; s:ratingCount 1.2E3 ] ;
  s:actor [ s:name "Ilinca Pop" ], _:p2 ; s:keywords ( "sea" "glass" ( "nested" ) ) ; s:about () .
_:p2 s:name """two
lines""" , 'single' .`,
		"graphs.trig": `@prefix s: <https://schema.org/> .
<https://films.example/g/1> { <https://films.example/m/1> s:name "A" . _:x s:name "B" . }
_:g { _:x s:name "C" . }
{ <https://films.example/m/1> s:review [ s:reviewBody "good" ] . }`,
		// Statements said again: the streaming reader keeps the repeats,
		// as an N-Quads input's are kept, and the writers drop them.
		"repeats.trig": `@prefix s: <https://schema.org/> .
<https://films.example/m/1> s:name "A" ; s:name "A" ; s:actor _:a , _:a .
_:a s:name "P" . _:a s:name "P" . <https://films.example/m/1> s:name "A" .
<https://films.example/g/1> { <https://films.example/m/1> s:name "A" . <https://films.example/m/1> s:name "A" . }`,
	}
	for name, nq := range nquadsCorpus(t) {
		d := NewDataset()
		if _, err := d.ReadNQuads(strings.NewReader(nq), name, false); err != nil {
			continue // an input both paths refuse
		}
		for _, f := range []Format{FormatTurtle, FormatTriG} {
			var b bytes.Buffer
			if err := d.WriteRDF(&b, f); err == nil {
				inputs[name+"."+f.String()] = b.String()
			}
		}
	}
	compared, refused := 0, 0
	names := slices.Sorted(maps.Keys(inputs))
	for i, name := range names {
		text := inputs[name]
		trig := !strings.HasSuffix(name, ".turtle") && !strings.HasSuffix(name, ".ttl")
		quads, err := ReadTurtle(strings.NewReader(text), name, trig)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		d := NewDataset()
		before := len(d.terms)
		ok, err := d.ReadTurtle(text, name, trig)
		if err != nil {
			t.Errorf("%s: Dataset.ReadTurtle: %v, where ReadTurtle parsed it", name, err)
			continue
		}
		if qerr := NewDataset().ReadQuads(quads, name); (qerr == nil) != ok {
			t.Errorf("%s: Dataset.ReadTurtle took it %v, ReadQuads refused it with %v", name, ok, qerr)
		}
		if !ok {
			refused++
			if len(d.terms) != before || len(d.quads) != 0 || len(d.docs) != 0 || len(d.names) != 0 || d.needsJSONLD != "" {
				t.Errorf("%s: Dataset.ReadTurtle refused it and left the dataset changed", name)
			}
			continue
		}
		formats := Formats()
		if i%4 != 0 {
			// N-Quads and JSON-LD tell a dataset read otherwise (its
			// blank node labels follow the statements' order, framing
			// too); every format for a quarter of the inputs, which the
			// N-Quads corpus's own differential tests cover whole.
			formats = []Format{FormatNQuads, FormatJSONLD}
		}
		// The general path's reading and union, made once for the
		// formats (each writes a copy): made again for each, they were
		// a third of the test's time.
		opts := Options{}
		var union []any
		doc, uerr := p.FromQuads(quads, name)
		if uerr == nil {
			union, uerr = p.Union([]any{doc}, opts)
		}
		for _, f := range formats {
			var want bytes.Buffer
			werr := uerr
			if werr == nil {
				werr = p.Write(&want, jld.CloneDocument(union), f, opts)
			}
			var got bytes.Buffer
			var gerr error
			switch f {
			case FormatCanonical:
				gerr = p.WriteCanonical(&got, d)
			case FormatNQuads, FormatTurtle, FormatTriG, FormatSPARQLUpdate:
				gerr = d.WriteRDF(&got, f)
			default:
				gerr = p.WriteJSONLD(&got, d, f, opts)
			}
			if errors.Is(gerr, ErrNeedsJSONLD) {
				got.Reset()
				var docs []any
				if docs, gerr = d.Documents(); gerr == nil {
					var u any
					if u, gerr = p.Union(docs, opts); gerr == nil {
						gerr = p.Write(&got, u, f, opts)
					}
				}
			}
			if fmt.Sprint(gerr) != fmt.Sprint(werr) || got.String() != want.String() {
				t.Errorf("%s, %v: through the dataset %v\n%s\nthrough JSON-LD %v\n%s", name, f, gerr, got.String(), werr, want.String())
			}
			compared++
		}
	}
	if compared < 500 {
		t.Errorf("only %d conversions compared", compared)
	}
	t.Logf("%d conversions compared; %d inputs refused by the dataset", compared, refused)
}

// TestReadQuadsRefusedLeavesDataset: statements the N-Quads reader would
// refuse (here a relative IRI, after two good ones) are refused whole,
// and the dataset is as before: its output, and what it reads next.
func TestReadQuadsRefusedLeavesDataset(t *testing.T) {
	first := "<urn:x:m> <https://schema.org/name> \"M\" .\n_:b0 <https://schema.org/name> \"B\" .\n"
	good := []Quad{
		{Subject: NewIRI("urn:x:n"), Predicate: NewIRI("https://schema.org/name"), Object: Term{Kind: Literal, Value: "N", Lang: "en"}},
		{Subject: Term{Kind: Blank, Value: "b0"}, Predicate: NewIRI("https://schema.org/knows"), Object: NewIRI("urn:x:n"), Graph: NewIRI("urn:x:g")},
	}
	bad := append(slices.Clone(good), Quad{Subject: NewIRI("urn:x:n"), Predicate: NewIRI("https://schema.org/url"), Object: NewIRI("relative/page")})
	write := func(d *Dataset) string {
		var b bytes.Buffer
		if err := d.WriteRDF(&b, FormatTriG); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	for _, lines := range []bool{false, true} {
		d, want := NewDataset(), NewDataset()
		if lines {
			d.RecordLines()
			want.RecordLines()
		}
		for _, ds := range []*Dataset{d, want} {
			if _, err := ds.ReadNQuads(strings.NewReader(first), "first.nq", false); err != nil {
				t.Fatal(err)
			}
		}
		if err := d.ReadQuads(bad, "bad.ttl"); err == nil {
			t.Fatal("a relative IRI was taken")
		}
		if err := d.ReadQuads(good, "good.ttl"); err != nil {
			t.Fatal(err)
		}
		if err := want.ReadQuads(good, "good.ttl"); err != nil {
			t.Fatal(err)
		}
		if got, w := write(d), write(want); got != w || !maps.Equal(d.SubjectLines(), want.SubjectLines()) {
			t.Errorf("lines %v: after a refusal\n%s\nwant\n%s", lines, got, w)
		}
	}
}

// TestReadTurtleLeavesDataset: a Turtle text with a syntax error, early
// or past the pipe's buffer, gives ReadTurtle's error, and the dataset is
// as before, and reads the next input as it would have. (The Turtle reader
// applies the N-Quads reader's checks of IRIs, language tags and text
// itself, so a statement it parses is not refused: TestReadQuadsMatchesJSONLDPath
// counts none; ReadTurtle's refusal shares ReadQuads' rollback, which
// TestReadQuadsRefusedLeavesDataset covers.)
func TestReadTurtleLeavesDataset(t *testing.T) {
	first := "<urn:x:m> <https://schema.org/name> \"M\" .\n_:b0 <https://schema.org/name> \"B\" .\n"
	good := "<urn:x:n> <https://schema.org/name> \"N\"@en .\n<urn:x:g> { _:b0 <https://schema.org/knows> <urn:x:n> . }\n"
	var many strings.Builder
	for i := range 20000 {
		fmt.Fprintf(&many, "<urn:x:n%d> <https://schema.org/name> \"N %d\" .\n", i, i)
	}
	for _, tt := range []struct{ name, text string }{
		{"syntax.trig", good + "<urn:x:n> <https://schema.org/name> \"unterminated .\n"},
		{"late-syntax.trig", many.String() + "<urn:x:n> <https://schema.org/name> .\n"},
		{"language.trig", good + "<urn:x:n> <https://schema.org/name> \"N\"@en-verylongsubtag .\n"},
		{"not-utf8.trig", good + "<urn:x:n> <https://schema.org/name> \"\xff\" .\n"},
	} {
		d, want := NewDataset(), NewDataset()
		for _, ds := range []*Dataset{d, want} {
			if _, err := ds.ReadNQuads(strings.NewReader(first), "first.nq", false); err != nil {
				t.Fatal(err)
			}
		}
		ok, err := d.ReadTurtle(tt.text, tt.name, true)
		_, parseErr := ReadTurtle(strings.NewReader(tt.text), tt.name, true)
		if ok || parseErr == nil || fmt.Sprint(err) != fmt.Sprint(parseErr) {
			t.Errorf("%s: taken %v, error %v; want ReadTurtle's, %v", tt.name, ok, err, parseErr)
		}
		if _, err := d.ReadTurtle(good, "good.trig", true); err != nil {
			t.Fatal(err)
		}
		if _, err := want.ReadTurtle(good, "good.trig", true); err != nil {
			t.Fatal(err)
		}
		var got, w bytes.Buffer
		if err := d.WriteRDF(&got, FormatTriG); err != nil {
			t.Fatal(err)
		}
		if err := want.WriteRDF(&w, FormatTriG); err != nil {
			t.Fatal(err)
		}
		if got.String() != w.String() || d.Len() != want.Len() {
			t.Errorf("%s: after it\n%s\nwant\n%s", tt.name, got.String(), w.String())
		}
	}
}

// TestCanonicalTextPastOneString: where the literals' texts are too long
// to slice from one string (oneStringLimit, lowered here), each is made
// on its own, and the canonical bytes are the same, on every input of the
// N-Quads corpus that the compact writers take.
func TestCanonicalTextPastOneString(t *testing.T) {
	p := NewProcessor(Config{})
	compared := 0
	for name, nq := range nquadsCorpus(t) {
		var want, got bytes.Buffer
		d := NewDataset()
		if _, err := d.ReadNQuads(strings.NewReader(nq), name, false); err != nil {
			continue
		}
		werr := p.WriteCanonical(&want, d)
		saved := oneStringLimit
		oneStringLimit = 16
		d = NewDataset()
		d.ReadNQuads(strings.NewReader(nq), name, false)
		gerr := p.WriteCanonical(&got, d)
		oneStringLimit = saved
		if fmt.Sprint(gerr) != fmt.Sprint(werr) || got.String() != want.String() {
			t.Errorf("%s: a string each gave %v\n%s\none string %v\n%s", name, gerr, got.String(), werr, want.String())
		}
		compared++
	}
	if compared < atLeast(t, 100, 80) {
		t.Errorf("only %d inputs compared", compared)
	}
}

// TestUnitListMatchesUnits: a dataset's units made one at a time
// (Dataset.Units) are Units of its statements, in the same order, with
// the same graphs and statements: on every corpus input, and on batches
// of films whose graphs name sources (shared ones too, some absent, a
// film graph named as another's source) with statements repeated and in
// any order.
func TestUnitListMatchesUnits(t *testing.T) {
	inputs := nquadsCorpus(t)
	for seed := range 30 {
		inputs[fmt.Sprintf("generated/units-%d", seed)] = randomUnitsNQuads(uint64(seed))
	}
	compared := 0
	for name, in := range inputs {
		want, err := ReadNQuads(strings.NewReader(in), "in.nq")
		if err != nil {
			continue
		}
		d := NewDataset()
		if _, err := d.ReadNQuads(strings.NewReader(in), "in.nq", false); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		units := Units(want)
		l := d.Units()
		graphs, size := 0, 0
		for _, u := range units {
			for _, g := range u.Graphs {
				graphs++
				size += len(g.Quads)
			}
		}
		if l.Len() != len(units) {
			t.Fatalf("%s: %d units, want %d", name, l.Len(), len(units))
		}
		if g, s := l.Size(); g != graphs || s != size {
			t.Errorf("%s: size %d graphs, %d statements; want %d, %d", name, g, s, graphs, size)
		}
		for i, u := range units {
			if l.Graph(i) != u.Graph {
				t.Errorf("%s: unit %d's graph %v, want %v", name, i, l.Graph(i), u.Graph)
			}
			if got := l.Unit(i); fmt.Sprint(got) != fmt.Sprint(u) {
				t.Errorf("%s: unit %d\n got %v\nwant %v", name, i, got, u)
			}
		}
		compared++
	}
	if compared < 100 {
		t.Errorf("only %d inputs compared", compared)
	}
}

// randomUnitsNQuads makes a batch of films' graphs as export writes them
// (a film's graph deriving from source graphs), with shared and absent
// sources, a film graph also named as a source, blank nodes, repeated
// statements and lines in any order.
func randomUnitsNQuads(seed uint64) string {
	r := rand.New(rand.NewPCG(seed, 13))
	const derived = "<http://www.w3.org/ns/prov#wasDerivedFrom>"
	var lines []string
	films := 1 + r.IntN(5)
	for f := range films {
		g := fmt.Sprintf("<urn:film:%d>", r.IntN(8))
		lines = append(lines, fmt.Sprintf("<urn:m:%d> <http://schema.org/name> \"Film %d\"@EN %s .", f, f, g))
		for range r.IntN(4) {
			src := fmt.Sprintf("<urn:src:%d>", r.IntN(6))
			if r.IntN(6) == 0 {
				src = fmt.Sprintf("<urn:film:%d>", r.IntN(8))
			}
			lines = append(lines, g+" "+derived+" "+src+" "+g+" .")
			if r.IntN(4) > 0 {
				lines = append(lines, fmt.Sprintf("_:r%d <http://schema.org/reviewBody> \"x\" %s .", r.IntN(3), src))
				lines = append(lines, fmt.Sprintf("<urn:m:%d> <http://schema.org/review> _:r%d %s .", f, r.IntN(3), src))
			}
		}
	}
	if r.IntN(4) == 0 {
		lines = append(lines, `<urn:x> <http://schema.org/name> "default" .`)
	}
	for range r.IntN(4) {
		lines = append(lines, lines[r.IntN(len(lines))])
	}
	r.Shuffle(len(lines), func(i, j int) { lines[i], lines[j] = lines[j], lines[i] })
	return strings.Join(lines, "\n") + "\n"
}

// FuzzDatasetMatchesJSONLDPath: on any N-Quads the reader accepts, the
// compact writers of the RDF formats give the general path's bytes or
// decline (RDF lists and the blank node labels of their cells above
// all, lists in lists among them: the seeds are randomListNQuads' and
// randomNestedListNQuads').
func FuzzDatasetMatchesJSONLDPath(f *testing.F) {
	for seed := range 16 {
		f.Add(randomListNQuads(uint64(seed)))
		f.Add(randomNestedListNQuads(uint64(seed)))
	}
	f.Add(randomNQuads(1))
	p := NewProcessor(Config{})
	f.Fuzz(func(t *testing.T, in string) {
		for _, format := range []Format{FormatNQuads, FormatCanonical, FormatTurtle} {
			want, werr := jsonldPath(p, []string{in}, format, Options{})
			got, gerr := datasetPath(p, []string{in}, format, Options{})
			if fmt.Sprint(werr) != fmt.Sprint(gerr) || got != want {
				t.Fatalf("%v: the dataset gives\n%s%v\nthe JSON-LD path\n%s%v", format, got, gerr, want, werr)
			}
		}
	})
}

// compactCorpus returns the inputs of the compaction differential tests:
// the N-Quads of the other differential tests and 200 random datasets
// (blank nodes everywhere, language tags in either case).
func compactCorpus(t *testing.T) map[string]string {
	corpus := nquadsCorpus(t)
	for seed := range 200 {
		corpus[fmt.Sprintf("generated/random-%d", seed)] = randomNQuads(uint64(seed))
	}
	return corpus
}

// TestCompactFromRDFMatchesCompact proves CompactFromRDF (no copy, no
// second expansion) gives what Compact gives of the conversion from RDF,
// or the same error, on every N-Quads input of the differential tests
// and on random datasets with language tags in either case.
func TestCompactFromRDFMatchesCompact(t *testing.T) {
	t.Parallel() // CPU-bound and independent: runs beside the other differential tests
	p := NewProcessor(Config{})
	corpus := compactCorpus(t)
	compared, tagged := 0, 0
	for name, in := range corpus {
		read := func() []any {
			quads, err := ReadNQuads(strings.NewReader(in), name)
			if err != nil {
				return nil
			}
			exp, err := p.FromQuads(quads, name)
			if err != nil {
				return nil
			}
			return exp
		}
		first, second := read(), read()
		if first == nil {
			continue
		}
		want, werr := p.Compact(first, Options{})
		got, gerr := p.CompactFromRDF(second)
		if fmt.Sprint(werr) != fmt.Sprint(gerr) {
			t.Errorf("%s: error\n got %v\nwant %v", name, gerr, werr)
			continue
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: CompactFromRDF differs from Compact\n got %v\nwant %v", name, got, want)
		}
		compared++
		if strings.Contains(in, `"@`) {
			tagged++
		}
	}
	if compared < atLeast(t, 500, 200) || tagged < 50 {
		t.Errorf("only %d inputs compared, %d with language tags", compared, tagged)
	}
	t.Logf("%d inputs compared, %d with language tags", compared, tagged)
}

// TestCompactDefaultGraphMatches proves CompactDefaultGraph, made a node
// at a time from the dataset, equal to CompactFromRDF of the whole
// conversion from RDF with named graphs taken off, on every N-Quads
// input of the differential tests and on random datasets; and that it
// declines (ErrNeedsJSONLD) every input the dataset's writers leave to
// JSON-LD (RDF lists, rdf:JSON), which the general path then reads.
func TestCompactDefaultGraphMatches(t *testing.T) {
	t.Parallel() // CPU-bound and independent: runs beside the other differential tests
	p := NewProcessor(Config{})
	corpus := compactCorpus(t)
	compared, declined, empty := 0, 0, 0
	for name, in := range corpus {
		d := NewDataset()
		if _, err := d.ReadNQuads(strings.NewReader(in), name, false); err != nil {
			continue
		}
		needs := d.NeedsJSONLD()
		got, gerr := p.CompactDefaultGraph(d)
		if needs != nil && gerr == nil {
			t.Errorf("%s: made what needs JSON-LD (%v)", name, needs)
		}
		if gerr != nil {
			if !errors.Is(gerr, ErrNeedsJSONLD) {
				t.Errorf("%s: %v, not ErrNeedsJSONLD", name, gerr)
			}
			declined++
			continue
		}
		quads, err := ReadNQuads(strings.NewReader(in), name)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		exp, err := p.FromQuads(quads, name)
		if err != nil {
			t.Errorf("%s: the dataset made what the conversion from RDF refuses: %v", name, err)
			continue
		}
		want, err := p.CompactFromRDF(DefaultGraph(exp))
		if err != nil {
			t.Errorf("%s: the dataset made what compaction refuses: %v", name, err)
			continue
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: CompactDefaultGraph differs\n got %v\nwant %v", name, got, want)
		}
		compared++
		if g, ok := want["@graph"].([]any); ok && len(g) == 0 {
			empty++
		}
	}
	t.Logf("%d inputs compared (%d with an empty default graph), %d declined", compared, empty, declined)
	if compared < atLeast(t, 500, 200) {
		t.Errorf("only %d inputs compared", compared)
	}
}
