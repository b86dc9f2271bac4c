package ld

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// writeDirectFlattened writes doc, a document of WriteDirect's shape, as
// flattened JSON-LD: the bytes Write gives for FormatFlattened, without
// json-gold's expansion of the whole document and its node map (450–534
// MB for the 50,000-review page). In that shape the node map of the
// document's expansion is its statements: each node's types and values
// in the order the walk meets them, blank nodes labelled in that order
// as the walk labels them, a node described in several places merged,
// values that are the same kept once; the walk declines the few things
// (directDataset's flat) where a node map holds other than a statement
// says. So the walk's statements, in memory, are written as writeFlattened
// writes a dataset's (flatten): sorted by their nodes' names, each node
// made from its statements (nativeNode) and compacted on its own.
//
// ok is false, with nothing written, where the walk declines. An error
// past that is a node the flattening did not foresee, with part of the
// output written; the tests hold that it does not happen.
func (p *Processor) writeDirectFlattened(w io.Writer, doc any) (err error, ok bool) {
	c, err := p.contexts()
	if err != nil {
		return nil, false
	}
	d, ok := directDataset(c.expand, doc, nil, false, true)
	if !ok {
		return nil, false
	}
	defer d.recycle()
	// The index finds terms while walking; a large walk's scratch goes
	// with it.
	d.release()
	labels := make([]uint32, len(d.terms))
	for i, t := range d.terms {
		if t.kind != Blank {
			continue
		}
		// The walk names its blank nodes b0, b1, … (walker.node).
		n, err := strconv.ParseUint(strings.TrimPrefix(t.value(), "b"), 10, 32)
		if err != nil {
			return nil, false
		}
		labels[i] = uint32(n)
	}
	jw := &jsonNodeWriter{p: p, d: d, ctx: c.compact(), enc: &treeEncoder{w: w}, values: map[valueKey]bool{}}
	fn := &flatNamer{d: d, labels: labels, node: jw.nativeNode}
	if err := jw.flatten(fn, false); err != nil {
		if errors.Is(err, ErrNeedsJSONLD) {
			return fmt.Errorf("ld: flattened JSON-LD: %s", strings.TrimPrefix(err.Error(), ErrNeedsJSONLD.Error()+": ")), true
		}
		return err, true
	}
	return nil, true
}

// nativeNode returns the node map's node of a subject's statements qs,
// made by a direct walk in flat mode: its types, and each property's
// values in the order met, one of each; an xsd:integer or xsd:boolean
// literal is the native number or boolean it was made from (flat mode
// declines a value object typed so), an xsd:string literal a plain
// string.
func (jw *jsonNodeWriter) nativeNode(fn *flatNamer, qs []int32) (map[string]any, error) {
	d := jw.d
	node := map[string]any{"@id": fn.name(d.quads[qs[0]].s)}
	if len(jw.values) > 64 {
		jw.values = map[valueKey]bool{}
	} else {
		clear(jw.values)
	}
	for _, i := range qs {
		q := d.quads[i]
		pred := d.terms[q.p].value()
		o := d.terms[q.o]
		if pred == rdfType && o.kind != Literal {
			k := valueKey{prop: "@type", id: fn.name(q.o)}
			if !jw.values[k] {
				jw.values[k] = true
				node["@type"] = append(asList(node["@type"]), k.id)
			}
			continue
		}
		var k valueKey
		v := map[string]any{}
		if o.kind != Literal {
			k = valueKey{prop: pred, id: fn.name(q.o), has: 1}
			v["@id"] = k.id
		} else {
			val, dt, _ := o.literal()
			k = valueKey{prop: pred, value: val, typ: dt, has: 2}
			switch dt {
			case xsdString:
				v["@value"] = val
			case xsdInteger:
				n, err := strconv.ParseInt(val, 10, 64)
				if err != nil {
					return nil, fmt.Errorf("%w: the integer %q", ErrNeedsJSONLD, val)
				}
				v["@value"] = float64(n)
			case xsdBoolean:
				v["@value"] = val == "true"
			default:
				v["@value"] = val
				v["@type"] = dt
			}
		}
		if !jw.values[k] {
			jw.values[k] = true
			node[pred] = append(asList(node[pred]), v)
		}
	}
	return node, nil
}
