package ld

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"slices"
	"strings"

	jld "github.com/piprate/json-gold/ld"
)

// ToNQuads returns doc as N-Quads, one statement per line, sorted and
// without duplicates. Blank nodes are labelled _:b0, _:b1, … in document
// order; use [Processor.Canonical] to compare graphs.
func (p *Processor) ToNQuads(doc any, opts Options) (string, error) {
	expanded, err := p.expand(doc, opts)
	if err != nil {
		return "", err
	}
	ds, err := toDataset(expanded)
	if err != nil {
		return "", err
	}
	return serialize(ds)
}

// Canonical returns doc as canonical N-Quads (RDFC-1.0, the algorithm also
// known as URDNA2015): blank nodes get labels that depend only on the graph,
// so two documents with the same graph give the same bytes.
func (p *Processor) Canonical(doc any, opts Options) (string, error) {
	expanded, err := p.expand(doc, opts)
	if err != nil {
		return "", err
	}
	ds, err := toDataset(expanded)
	if err != nil {
		return "", err
	}
	return canonicalize(ds)
}

func canonicalize(ds *jld.RDFDataset) (string, error) {
	var out any
	err := guard("canonicalize", func() error {
		opts := jld.NewJsonLdOptions("")
		opts.Algorithm = jld.AlgorithmURDNA2015
		opts.Format = "application/n-quads"
		var err error
		out, err = jld.NewJsonLdApi().Normalize(ds, opts)
		return err
	})
	if err != nil {
		return "", fmt.Errorf("ld: canonicalize: %w", wrapInput(err))
	}
	return out.(string), nil
}

// toDataset converts checked, expanded JSON-LD to RDF. json-gold's own
// ToRDF walks Go maps, so its blank node labels for list nodes and its
// statement order change from run to run; this walks subjects in sorted
// order instead, one at a time.
func toDataset(expanded []any) (*jld.RDFDataset, error) {
	nodeMap, issuer, err := nodeMapOf(expanded)
	if err != nil {
		return nil, err
	}
	ds := jld.NewRDFDataset()
	err = guard("to RDF", func() error {
		for _, name := range sortedKeys(nodeMap) {
			graph := nodeMap[name].(map[string]any)
			var quads []*jld.Quad
			for _, id := range sortedKeys(graph) {
				one := jld.NewRDFDataset()
				one.GraphToRDF(name, map[string]any{id: graph[id]}, issuer, false)
				quads = append(quads, one.Graphs[name]...)
			}
			ds.Graphs[name] = quads
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("ld: to RDF: %w", err)
	}
	return ds, nil
}

// serialize writes ds as sorted, deduplicated N-Quads.
func serialize(ds *jld.RDFDataset) (string, error) {
	var buf bytes.Buffer
	if err := (&jld.NQuadRDFSerializer{}).SerializeTo(&buf, ds); err != nil {
		return "", fmt.Errorf("ld: N-Quads: %w", err)
	}
	lines := strings.SplitAfter(buf.String(), "\n")
	if n := len(lines); n > 0 && lines[n-1] == "" {
		lines = lines[:n-1]
	}
	slices.Sort(lines)
	return strings.Join(slices.Compact(lines), ""), nil
}

// FromNQuads reads N-Quads from r and returns the graph as expanded JSON-LD
// (pass it to [Processor.Compact] or [Processor.Write] for other forms).
// Literals keep their datatypes (no conversion to JSON numbers), so the
// result converts back to the same N-Quads. name is used in errors, which
// carry the line number.
func (p *Processor) FromNQuads(r io.Reader, name string) ([]any, error) {
	ds := jld.NewRDFDataset()
	seen := map[string]bool{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 16*1024*1024)
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimSpace(sc.Text())
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		one, err := parseQuad(text)
		if err != nil {
			return nil, &PosError{Name: name, Line: line, Err: err}
		}
		for g, quads := range one.Graphs {
			for _, q := range quads {
				key := g + "\x00" + q.Subject.GetValue() + "\x00" + q.Predicate.GetValue() + "\x00" + fmt.Sprint(q.Object)
				if !seen[key] {
					seen[key] = true
					ds.Graphs[g] = append(ds.Graphs[g], q)
				}
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("ld: read %s: %w", name, err)
	}
	var out []any
	err := guard("from RDF", func() error {
		opts := jld.NewJsonLdOptions("")
		opts.UseNativeTypes = false
		opts.UseRdfType = false
		var err error
		out, err = jld.NewJsonLdApi().FromRDF(ds, opts)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("ld: from RDF %s: %w", name, wrapInput(err))
	}
	return out, nil
}

// parseQuad parses one N-Quads statement and checks its terms as
// checkExpanded would.
func parseQuad(text string) (*jld.RDFDataset, error) {
	var ds *jld.RDFDataset
	err := guard("N-Quads", func() error {
		var err error
		ds, err = jld.ParseNQuads(text)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrSyntax, err)
	}
	for g, quads := range ds.Graphs {
		if g != "@default" {
			if err := checkIRI(g, true); err != nil {
				return nil, fmt.Errorf("graph %q: %w", g, err)
			}
		}
		for _, q := range quads {
			for _, n := range []jld.Node{q.Subject, q.Predicate, q.Object} {
				if err := checkTerm(n); err != nil {
					return nil, err
				}
			}
		}
	}
	return ds, nil
}

func checkTerm(n jld.Node) error {
	switch v := n.(type) {
	case jld.IRI:
		if err := checkIRI(v.Value, false); err != nil {
			return fmt.Errorf("%w %q", err, v.Value)
		}
	case jld.Literal:
		if err := checkText(v.Value); err != nil {
			return err
		}
		if err := checkIRI(v.Datatype, false); err != nil {
			return fmt.Errorf("datatype: %w %q", err, v.Datatype)
		}
		if v.Language != "" && !langTag.MatchString(v.Language) {
			return fmt.Errorf("%w %q", ErrInvalidLanguage, v.Language)
		}
	}
	return nil
}
