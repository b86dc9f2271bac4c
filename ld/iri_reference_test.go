package ld_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/film2ld/film2ld/ld"
)

// oddHTTPIRIs are absolute http(s) IRIs of every shape json-gold's URL
// check (its IsURL, which its conversion to RDF holds http(s) IRIs to,
// dropping the statements of those it refuses) refuses or that look as
// if it might: film2ld refused the first kind with "invalid IRI", even
// from N-Quads to N-Quads, where jsonld.js and rapper keep them all.
var oddHTTPIRIs = []string{
	// 2,083 characters or more: IsURL's length limit.
	"http://films.example/" + strings.Repeat("x", 2083),
	"https://films.example/search?q=" + strings.Repeat("ab%20", 1000),
	"https://" + strings.Repeat("a", 2100) + ".example/",
	// Hosts IsURL's expression reads no host in.
	"https://-/x",
	"http://a-/",
	"http://_a/",
	"http://a..b/",
	"http://.films.example/",
	"http://1.2.3.4.5/",
	"http://films.example.1/",
	"http://a!$&'()*+,;=b.example/",
	"http://a~b.example/",
	"http://𝔘𝔫𝔦𝔠𝔬𝔡𝔢.example/",
	"http://films.example:/x",
	"http://films.example:123456/x",
	"http://u@-/x",
	"http:///x",
	"http://",
	"https:",
	"HTTP://LOCALHOST/X",
	// Shapes it passes: single labels, underscores, IP literals, ports,
	// user info, IDN hosts, trailing dots, odd paths.
	"http://localhost/x",
	"http://example/",
	"http://a_b.films.example/",
	"http://127.0.0.1/x",
	"http://[::1]/x",
	"http://[fe80::1%25eth0]/x",
	"http://films.example:8080/x",
	"http://user:pass@films.example/x",
	"http://bücher.example/",
	"http://例え.テスト/パス",
	"http://films.example./x",
	"https://films.example/a//b/../c/./d?",
	"https://films.example/a@b?c=d&e#f",
	"https://films.example/{id}|x^y`z",
}

// refusedIRIs are IRIs film2ld refuses with an error that names them, and
// why: those jsonld.js drops too, and those no RFC 3987 IRI can be, which
// json-gold reads as relative (Go's URL parser refuses them) and drops.
var refusedIRIs = []struct {
	iri, why string
	dropped  bool // jsonld.js drops the statement
}{
	{"http://films.example/a b", "white space", true},
	{"http://films.example/a<b", `"<"`, false},
	{"http://films.example/\u0085", "a C1 control character", false},
	{"http://films.example/%zz", `"%" without two hex digits`, false},
	{"http://films.example:port/", "a port that is no number", false},
	{"http://[::1/", "an unclosed IPv6 host", false},
	{"http://a{b.example/", `"{" in a host`, false},
	{"http://films.example/a#b#c", `"#" in a fragment`, false},
}

// iriPlaces are documents (expanded JSON-LD, no context) with an IRI as a
// subject, predicate, object, type, graph name, datatype (of a string and
// of a number) and in a list.
var iriPlaces = []struct{ name, doc string }{
	{"subject", `{"@id": IRI, "http://p.example/p": "x"}`},
	{"predicate", `{"@id": "http://s.example/s", IRI: "x"}`},
	{"object", `{"@id": "http://s.example/s", "http://p.example/p": {"@id": IRI}}`},
	{"type", `{"@id": "http://s.example/s", "@type": IRI}`},
	{"graph name", `{"@id": IRI, "@graph": [{"@id": "http://s.example/s", "http://p.example/p": "x"}]}`},
	{"datatype", `{"@id": "http://s.example/s", "http://p.example/p": {"@value": "x", "@type": IRI}}`},
	{"number datatype", `{"@id": "http://s.example/s", "http://p.example/p": {"@value": 5, "@type": IRI}}`},
	{"list", `{"@id": "http://s.example/s", "http://p.example/p": {"@list": [{"@id": IRI}, {"@value": "x", "@type": IRI}, {"@value": 1.5, "@type": IRI}]}}`},
}

func iriDoc(place, iri string) string {
	q, _ := json.Marshal(iri)
	return strings.ReplaceAll(place, "IRI", string(q))
}

// referenceNQuads runs jsonld.js on docs in one process and returns, for
// each, its N-Quads and canonical N-Quads, or skips t when node or
// jsonld.js is missing.
func referenceNQuads(t *testing.T, docs []string) (nquads, canonical []string) {
	t.Helper()
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node not installed; .ci/run installs it")
	}
	modules := os.Getenv("NODE_PATH")
	if modules == "" {
		// Where .ci/run installs jsonld.js.
		home, _ := os.UserHomeDir()
		modules = filepath.Join(home, ".cache", "film2ld-reference", "node_modules")
	}
	if _, err := os.Stat(filepath.Join(modules, "jsonld")); err != nil {
		t.Skipf("jsonld.js not in NODE_PATH (%s): npm install jsonld@9 there; .ci/run does", modules)
	}
	const script = `
const jsonld = require('jsonld');
const docs = JSON.parse(require('fs').readFileSync(0, 'utf8'));
(async () => {
  const out = [];
  for (const d of docs) {
    const doc = JSON.parse(d);
    out.push([await jsonld.toRDF(doc, {format: 'application/n-quads', safe: false}),
      await jsonld.canonize(doc, {algorithm: 'RDFC-1.0', format: 'application/n-quads', safe: false})]);
  }
  process.stdout.write(JSON.stringify(out));
})().catch(e => { console.error(e); process.exit(1); });
`
	in, _ := json.Marshal(docs)
	cmd := exec.Command(node, "-e", script)
	cmd.Env = append(os.Environ(), "NODE_PATH="+modules)
	cmd.Stdin = bytes.NewReader(in)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("jsonld.js: %v\n%s", err, stderr.String())
	}
	var res [][2]string
	if err := json.Unmarshal(out, &res); err != nil || len(res) != len(docs) {
		t.Fatalf("jsonld.js gave %d results for %d documents (%v)", len(res), len(docs), err)
	}
	for _, r := range res {
		nquads = append(nquads, sortLines(r[0]))
		canonical = append(canonical, r[1])
	}
	return nquads, canonical
}

// nquadsEscaper writes an IRI's characters as N-Quads writers escape
// them (rdf-canonize's, and film2ld's).
var nquadsEscaper = strings.NewReplacer("{", `\u007B`, "}", `\u007D`, "|", `\u007C`, "^", `\u005E`, "`", `\u0060`)

// clip shortens the long IRIs of the table in messages.
func clip(s string) string {
	return longRun.ReplaceAllStringFunc(s, func(r string) string { return r[:8] + "…" })
}

var longRun = regexp.MustCompile(`(a{40,}|x{40,}|(ab%20){10,})`)

func sortLines(s string) string {
	lines := strings.SplitAfter(s, "\n")
	slices.Sort(lines)
	return strings.Join(lines, "")
}

// TestOddHTTPIRIsAsJSONLDjs: film2ld keeps a statement with an absolute
// http(s) IRI wherever it stands, as jsonld.js does, whatever json-gold's
// URL check says of it: its N-Quads and canonical N-Quads are
// jsonld.js's, byte for byte, by every path (Write, the direct writers,
// a Dataset read from the N-Quads), and its JSON-LD forms read back to
// the same graph. An IRI film2ld refuses, it refuses by name; where
// jsonld.js keeps one of those, the table says why.
func TestOddHTTPIRIsAsJSONLDjs(t *testing.T) {
	var docs []string
	for _, iri := range oddHTTPIRIs {
		for _, pl := range iriPlaces {
			docs = append(docs, iriDoc(pl.doc, iri))
		}
	}
	for _, r := range refusedIRIs {
		docs = append(docs, iriDoc(iriPlaces[2].doc, r.iri))
	}
	refNQ, refCanon := referenceNQuads(t, docs)
	p := ld.NewProcessor(ld.Config{})
	i := 0
	for _, iri := range oddHTTPIRIs {
		for _, pl := range iriPlaces {
			doc, ref, canon := docs[i], refNQ[i], refCanon[i]
			i++
			if !strings.Contains(ref, nquadsEscaper.Replace(iri)) {
				t.Errorf("%s %.60q: jsonld.js drops it:\n%s", pl.name, iri, clip(ref))
				continue
			}
			t.Run(fmt.Sprintf("%s/%.40s", pl.name, iri), func(t *testing.T) {
				checkKept(t, p, doc, ref, canon, pl.name != "list")
			})
		}
	}
	for _, r := range refusedIRIs {
		ref := refNQ[i]
		i++
		if dropped := !strings.Contains(ref, "<http://s.example/s>"); dropped != r.dropped {
			t.Errorf("%q (%s): jsonld.js drops it: %v, the table says %v", r.iri, r.why, dropped, r.dropped)
		}
		docs, err := p.Read(strings.NewReader(iriDoc(iriPlaces[2].doc, r.iri)), "in.jsonld", ld.InputJSONLD)
		if err != nil {
			t.Fatal(err)
		}
		_, err = p.ToNQuads(docs[0], ld.Options{})
		want := fmt.Sprintf("<http://s.example/s>: http://p.example/p: invalid IRI %q", r.iri)
		if !errors.Is(err, ld.ErrInvalidIRI) || err.Error() != want {
			t.Errorf("%q (%s): %v, want %s", r.iri, r.why, err, want)
		}
	}
}

// checkKept checks film2ld's outputs of doc against jsonld.js's N-Quads
// (ref, sorted; compared when sameLabels, where no blank node is
// labelled) and canonical N-Quads.
func checkKept(t *testing.T, p *ld.Processor, doc, ref, canon string, sameLabels bool) {
	t.Helper()
	docs, err := p.Read(strings.NewReader(doc), "in.jsonld", ld.InputJSONLD)
	if err != nil {
		t.Fatal(err)
	}
	write := func(f ld.Format) string {
		t.Helper()
		var b bytes.Buffer
		if err := p.Write(&b, docs[0], f, ld.Options{}); err != nil {
			t.Fatalf("Write %v: %v", f, clip(err.Error()))
		}
		if p.CanWriteDirect(docs[0], f, ld.Options{}) {
			var d bytes.Buffer
			if err := p.WriteDirect(&d, docs[0], f, ld.Options{}); err != nil || d.String() != b.String() {
				t.Errorf("WriteDirect %v: %v\n%s\nWrite:\n%s", f, err, clip(d.String()), clip(b.String()))
			}
		}
		return b.String()
	}
	nq, got := write(ld.FormatNQuads), write(ld.FormatCanonical)
	if got != canon {
		t.Fatalf("canonical N-Quads\n got: %s\nwant (jsonld.js): %s", clip(got), clip(canon))
	}
	if sameLabels && nq != ref {
		t.Errorf("N-Quads\n got: %s\nwant (jsonld.js): %s", clip(nq), clip(ref))
	}
	// The JSON-LD forms keep it: read back, the same graph.
	for _, f := range []ld.Format{ld.FormatJSONLD, ld.FormatExpanded, ld.FormatFlattened} {
		back, err := p.Read(strings.NewReader(write(f)), "back.jsonld", ld.InputJSONLD)
		if err != nil {
			t.Fatalf("%v: %v", f, err)
		}
		c, err := p.Canonical(back[0], ld.Options{})
		if err != nil || c != canon {
			t.Errorf("%v read back: %v\n%s", f, err, clip(c))
		}
	}
	// N-Quads in, N-Quads out: the same bytes, and the JSON-LD forms.
	d := ld.NewDataset()
	if _, err := d.ReadNQuads(strings.NewReader(nq), "in.nq", false); err != nil {
		t.Fatalf("Dataset.ReadNQuads: %v", clip(err.Error()))
	}
	var out, c bytes.Buffer
	if err := d.WriteNQuads(&out); err != nil || out.String() != nq {
		t.Errorf("Dataset.WriteNQuads: %v\n%s", err, clip(out.String()))
	}
	if err := p.WriteCanonical(&c, d); err != nil || c.String() != canon {
		t.Errorf("WriteCanonical: %v\n%s", err, clip(c.String()))
	}
	if _, err := p.FromNQuads(strings.NewReader(nq), "in.nq"); err != nil {
		t.Errorf("FromNQuads: %v", clip(err.Error()))
	}
}

var rapperTriples = regexp.MustCompile(`returned (\d+) (triples|statements)`)

// TestOddHTTPIRIsWithRapper: rapper (raptor2) reads film2ld's N-Quads
// of every odd IRI in every place, each statement, and its N-Quads read
// back are the same dataset; so are film2ld's TriG of them, read by
// rapper and by film2ld.
func TestOddHTTPIRIsWithRapper(t *testing.T) {
	rapper, err := exec.LookPath("rapper")
	if err != nil {
		t.Skip("rapper not installed (apt-get install raptor2-utils); .ci/run installs it")
	}
	p := ld.NewProcessor(ld.Config{})
	for _, iri := range oddHTTPIRIs {
		var all strings.Builder
		for _, pl := range iriPlaces {
			docs, err := p.Read(strings.NewReader(iriDoc(pl.doc, iri)), "in.jsonld", ld.InputJSONLD)
			if err != nil {
				t.Fatal(err)
			}
			nq, err := p.ToNQuads(docs[0], ld.Options{})
			if err != nil {
				t.Errorf("%s %.60q: %v", pl.name, iri, clip(err.Error()))
				continue
			}
			// Each document's blank nodes apart from the others'.
			all.WriteString(ld.PrefixBlankNodes(nq, strings.ReplaceAll(pl.name, " ", "")))
		}
		nq := all.String()
		path := filepath.Join(t.TempDir(), "odd.nq")
		if err := os.WriteFile(path, []byte(nq), 0o644); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(rapper, "-i", "nquads", "-o", "nquads", path)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			t.Errorf("%.60q: rapper: %v\n%s", iri, err, clip(stderr.String()))
			continue
		}
		m := rapperTriples.FindStringSubmatch(stderr.String())
		if n := strings.Count(nq, "\n"); m == nil || m[1] != strconv.Itoa(n) {
			t.Errorf("%.60q: rapper read %v of %d statements:\n%s", iri, m, n, clip(stderr.String()))
		}
		want, err := p.FromNQuads(strings.NewReader(nq), "ours.nq")
		if err != nil {
			t.Fatal(err)
		}
		got, err := p.FromNQuads(bytes.NewReader(out), "rapper.nq")
		if err != nil {
			t.Errorf("%.60q: rapper's N-Quads: %v", iri, clip(err.Error()))
			continue
		}
		wc, err1 := p.Canonical(want, ld.Options{})
		gc, err2 := p.Canonical(got, ld.Options{})
		if err1 != nil || err2 != nil || wc != gc {
			t.Errorf("%.60q: rapper reads another dataset (%v, %v):\n%s\nours:\n%s", iri, err1, err2, clip(gc), clip(wc))
		}
		// As TriG, read back by rapper and by film2ld: the same dataset.
		quads, err := ld.ReadNQuads(strings.NewReader(nq), "ours.nq")
		if err != nil {
			t.Fatal(err)
		}
		var trig bytes.Buffer
		if err := ld.WriteTriG(&trig, quads); err != nil {
			t.Errorf("%.60q: WriteTriG: %v", iri, err)
			continue
		}
		cmd = exec.Command(rapper, "-q", "-i", "trig", "-o", "nquads", "-", "urn:x:base")
		cmd.Stdin = bytes.NewReader(trig.Bytes())
		fromRapper, err := cmd.Output()
		if err != nil {
			t.Errorf("%.60q: rapper -i trig: %v\n%s", iri, err, clip(trig.String()))
			continue
		}
		back, err := ld.ReadTurtle(bytes.NewReader(trig.Bytes()), "ours.trig", true)
		if err != nil {
			t.Errorf("%.60q: ReadTurtle: %v", iri, clip(err.Error()))
			continue
		}
		readers := map[string]string{"rapper": string(fromRapper), "film2ld": quadsText(t, back)}
		if strings.Contains(iri, "/./") || strings.Contains(iri, "/../") {
			// rapper removes the dot segments of an absolute IRI in
			// TriG (RFC 3986's resolution, which Turtle asks only of
			// relative ones), not in N-Quads.
			delete(readers, "rapper")
		}
		for who, text := range readers {
			doc, err := p.FromNQuads(strings.NewReader(text), who+".nq")
			if err != nil {
				t.Errorf("%.60q: TriG read by %s: %v", iri, who, clip(err.Error()))
				continue
			}
			if c, err := p.Canonical(doc, ld.Options{}); err != nil || c != wc {
				t.Errorf("%.60q: TriG read by %s is another dataset (%v):\n%s\nTriG:\n%s", iri, who, err, clip(c), clip(trig.String()))
			}
		}
	}
}

// quadsText is quads as N-Quads.
func quadsText(t *testing.T, quads []ld.Quad) string {
	t.Helper()
	d := ld.NewDataset()
	if err := d.ReadQuads(quads, "quads"); err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := d.WriteNQuads(&b); err != nil {
		t.Fatal(err)
	}
	return b.String()
}
