package ld

import (
	"errors"
	"fmt"
	"maps"
)

// CompactDefaultGraph returns the default graph of d, a dataset of one
// input, as compact JSON-LD under the schema.org context: what
// CompactFromRDF gives of DefaultGraph of FromQuads' conversion of d's
// statements, which is what
// validate checks of N-Quads, Turtle and TriG. It is made a node at a
// time from the compact dataset, as WriteJSONLD makes its nodes (the
// same code converts, expands and compacts each), never holding the
// conversion from RDF of the whole: validating 15 MB of N-Quads of
// 200,000 small nodes held 250 MB of it and its compaction at once.
// Where a node cannot be made so (RDF lists the conversion folds other
// than the dataset's plan, rdf:JSON literals, a value dropped on the way) it returns an error wrapping ErrNeedsJSONLD, and
// the caller takes the general path. TestCompactDefaultGraphMatches
// proves the two equal on the differential tests' inputs.
func (p *Processor) CompactDefaultGraph(d *Dataset) (map[string]any, error) {
	nodes := []any{}
	err := p.CompactDefaultGraphNodes(d, func(m map[string]any) error {
		nodes = append(nodes, m)
		return nil
	})
	if err != nil {
		return nil, err
	}
	// Compaction gives one node object as it is, more (or none) in
	// "@graph".
	if len(nodes) == 1 {
		return wrapCompacted(nodes[0], false), nil
	}
	return wrapCompacted(nodes, false), nil
}

// CompactDefaultGraphNodes gives yield, one at a time, the node objects
// of CompactDefaultGraph's document, in its order and without its
// "@context", for a caller that reads each as it is made (validate's
// graph) rather than the document whole. An error of yield ends the
// walk and is returned as it is; an error wrapping ErrNeedsJSONLD, which
// may come after some nodes were given, says that CompactDefaultGraph
// would have declined.
func (p *Processor) CompactDefaultGraphNodes(d *Dataset, yield func(map[string]any) error) error {
	if len(d.docs) != 1 {
		return fmt.Errorf("%w: %d inputs, not one", ErrNeedsJSONLD, len(d.docs))
	}
	if err := d.NeedsJSONLD(); err != nil {
		return err
	}
	c, err := p.contexts()
	if err != nil {
		return err
	}
	lists, _ := d.jsonLists()
	d.release()
	jw := &jsonNodeWriter{p: p, d: d, ctx: c.compact(), values: map[valueKey]bool{}, lists: lists}
	var yerr error
	err = jw.document(0, d.srcRanks(), func(doc int, s uint32, own, _ []int32) error {
		if len(own) == 0 {
			return nil // a graph's name, said nothing of in the default graph
		}
		id := d.srcName(s)
		node, count := jw.fromRDF(id, own)
		m, err := jw.compacted(doc, node, id, count, "")
		if err != nil {
			return err
		}
		yerr = yield(m)
		return yerr
	})
	switch {
	case err == nil:
		return nil
	case yerr != nil:
		return yerr
	case !errors.Is(err, ErrNeedsJSONLD):
		err = fmt.Errorf("%w: %w", ErrNeedsJSONLD, err)
	}
	return err
}

// DefaultGraph returns the node objects of expanded JSON-LD exp (as
// FromQuads gives it) that describe the default graph: each named
// graph's "@graph" taken off its name's node, and a name said nothing of
// in the default graph dropped. What CompactDefaultGraph compacts.
func DefaultGraph(exp []any) []any {
	var out []any
	for _, n := range exp {
		m, ok := n.(map[string]any)
		if !ok {
			continue
		}
		if _, named := m["@graph"]; named {
			m = maps.Clone(m)
			delete(m, "@graph")
			if len(m) == 1 {
				continue // a graph's name and nothing said of it
			}
		}
		out = append(out, m)
	}
	return out
}
