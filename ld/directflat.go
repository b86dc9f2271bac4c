package ld

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"iter"
	"strconv"
	"strings"

	"github.com/film2ld/film2ld/ld/internal/jsongold"
)

// writeDirectFlattened writes the statements of a walk in flat mode
// (walkDirect) as flattened JSON-LD compacted with ctx: the bytes Write
// gives for FormatFlattened, without json-gold's expansion of the whole
// document and its node map (450–534 MB for the 50,000-review page). In
// the shape the walk accepts, the node map of the document's expansion is
// its statements: each node's types and values in the order the walk
// meets them, blank nodes labelled in that order as the walk labels them,
// a node described in several places merged, values that are the same
// kept once; the walk declines the few things (directDataset's flat)
// where a node map holds other than a statement says. So the statements
// are written as writeFlattened writes a dataset's (flatten): sorted by
// their nodes' names, each node made from its statements (nativeNode)
// and compacted on its own; past the sorter's memory, from their lines
// sorted on disk (flattenLines).
//
// An error is a node the flattening did not foresee, with part of the
// output written; the tests hold that it does not happen.
func (p *Processor) writeDirectFlattened(w io.Writer, ctx *jsongold.Context, wk *walked) error {
	defer wk.lines.Close()
	jw := &jsonNodeWriter{p: p, ctx: ctx, enc: &treeEncoder{w: w}, values: map[valueKey]bool{}, keep: flatKeep}
	if wk.lines.started {
		wk.lines.spillHeld()
		return jw.flattenLines(wk.lines)
	}
	d := wk.d
	defer d.recycle()
	// The index finds terms while walking; a large walk's scratch goes
	// with it.
	d.release()
	jw.d = d
	// The walk names its blank nodes b0, b1, … as the node map labels
	// them (walker.node): no labels to give.
	fn := &flatNamer{d: d, node: jw.nativeNode}
	return flatError(jw.flatten(fn, false))
}

// flatError returns err, a failure of the flattening past the walk, as
// one that sends no caller to the general path: part of the output may
// be written.
func flatError(err error) error {
	if errors.Is(err, ErrNeedsJSONLD) {
		return fmt.Errorf("ld: flattened JSON-LD: %s", strings.TrimPrefix(err.Error(), ErrNeedsJSONLD.Error()+": "))
	}
	return err
}

// nativeNode returns the node map's node of a subject's statements qs,
// made by a direct walk in flat mode (see addNative).
func (jw *jsonNodeWriter) nativeNode(fn *flatNamer, qs []int32) (map[string]any, error) {
	d := jw.d
	node := jw.startNative(fn.name(d.quads[qs[0]].s))
	for _, i := range qs {
		q := d.quads[i]
		v := flatValue{pred: d.terms[q.p].value()}
		if o := d.terms[q.o]; o.kind == Literal {
			v.value, v.dt, _ = o.literal()
		} else {
			v.node, v.id = true, fn.name(q.o)
		}
		if err := jw.addNative(node, v); err != nil {
			return nil, err
		}
	}
	return node, nil
}

// flatValue is a statement's predicate and object as flattened output
// names them: a node's name, or a literal's value and datatype.
type flatValue struct {
	pred      string
	node      bool
	id        string
	value, dt string
}

// startNative starts the node map's node of id (see addNative).
func (jw *jsonNodeWriter) startNative(id string) map[string]any {
	if len(jw.values) > 64 {
		jw.values = map[valueKey]bool{}
	} else {
		clear(jw.values)
	}
	return map[string]any{"@id": id}
}

// addNative adds a statement's object to node, the node map's node of
// its subject, unless it holds it already: an rdf:type's as a type, an
// xsd:integer or xsd:boolean literal as the native number or boolean it
// was made from (flat mode declines a value object typed so), an
// xsd:string literal as a plain string.
func (jw *jsonNodeWriter) addNative(node map[string]any, fv flatValue) error {
	if fv.pred == rdfType && fv.node {
		k := valueKey{prop: "@type", id: fv.id}
		if !jw.values[k] {
			jw.values[k] = true
			node["@type"] = append(asList(node["@type"]), k.id)
		}
		return nil
	}
	k := valueKey{prop: fv.pred, id: fv.id, has: 1}
	if !fv.node {
		k = valueKey{prop: fv.pred, value: fv.value, typ: fv.dt, has: 2}
	}
	if jw.values[k] {
		return nil
	}
	jw.values[k] = true
	if jw.keep > 0 && len(asList(node[fv.pred])) >= jw.keep {
		// Kept aside as it is, a few strings rather than a value
		// object: a film's node holds its 50,000 reviews.
		aside, _ := node[asideKey].(map[string]asideValues)
		if aside == nil {
			aside = map[string]asideValues{}
			node[asideKey] = aside
		}
		held, _ := aside[fv.pred].(flatValues)
		aside[fv.pred] = append(held, fv)
		return nil
	}
	v, err := fv.object()
	if err != nil {
		return err
	}
	node[fv.pred] = append(asList(node[fv.pred]), v)
	return nil
}

// object returns the value object of a node map's value.
func (fv flatValue) object() (map[string]any, error) {
	if fv.node {
		return map[string]any{"@id": fv.id}, nil
	}
	switch fv.dt {
	case xsdString:
		return map[string]any{"@value": fv.value}, nil
	case xsdInteger:
		n, err := strconv.ParseInt(fv.value, 10, 64)
		if err != nil {
			return nil, fmt.Errorf("%w: the integer %q", ErrNeedsJSONLD, fv.value)
		}
		return map[string]any{"@value": float64(n)}, nil
	case xsdBoolean:
		return map[string]any{"@value": fv.value == "true"}, nil
	}
	return map[string]any{"@value": fv.value, "@type": fv.dt}, nil
}

// asideKey holds, in a node map's node that addNative (or flatNode)
// made, the values of each property past the first jsonNodeWriter.keep
// (a map[string]asideValues): no key of a node object is this (a JSON-LD
// key has no NUL).
const asideKey = "\x00aside"

// asideValues are a property's values kept out of a node map's node
// until they are written, each made when asked for.
type asideValues interface {
	len() int
	// at returns the i-th value object, as the node map holds it.
	at(i int) (map[string]any, error)
	// compactKey returns the key compaction with jw's context puts
	// every one of the values of pred under, or false where they go
	// under several.
	compactKey(jw *jsonNodeWriter, pred string) (key string, ok bool)
}

// flatValues are values kept aside by addNative, a few strings each.
type flatValues []flatValue

func (fvs flatValues) len() int                         { return len(fvs) }
func (fvs flatValues) at(i int) (map[string]any, error) { return fvs[i].object() }

func (fvs flatValues) compactKey(jw *jsonNodeWriter, pred string) (key string, ok bool) {
	return jw.oneKey(pred, len(fvs), func(i int) (map[string]any, error) { return fvs[i].object() })
}

// flatKeep is how many values of a property addNative keeps in the node
// it makes; tests lower it.
var flatKeep = 64

// holdAside moves the values kept aside in node n into it.
func (jw *jsonNodeWriter) holdAside(n map[string]any) error {
	aside, _ := n[asideKey].(map[string]asideValues)
	delete(n, asideKey)
	for pred, vs := range aside {
		for i := range vs.len() {
			v, err := vs.at(i)
			if err != nil {
				return err
			}
			n[pred] = append(asList(n[pred]), v)
		}
	}
	return nil
}

// compactFlat compacts n, a node addNative made, with prop as its active
// property. A property's values kept aside are compacted one at a time
// as they are written (the node's streams), where compaction would put
// each of them under the plain key (no container but @set, no @nest) that
// holds the ones kept in the node, after them; otherwise they are moved
// into the node first and it is compacted whole.
func (jw *jsonNodeWriter) compactFlat(n map[string]any, id, prop string) (*streamedNode, error) {
	aside, _ := n[asideKey].(map[string]asideValues)
	delete(n, asideKey)
	if aside == nil {
		m, err := jw.compactNode(n, id, prop)
		return &streamedNode{m: m}, err
	}
	m, err := jw.compactNode(n, id, prop)
	if err != nil {
		return nil, err
	}
	streams := map[string]itemStream{}
	whole := 0
	for pred, vs := range aside {
		if _, kept := n[pred]; !kept {
			// A property kept aside whole (see keptAside), under a
			// key of its own.
			key, ok := vs.compactKey(jw, pred)
			if _, taken := m[key]; !ok || taken || !jw.plainKey(key) {
				streams = nil
				break
			}
			m[key] = valuesProperty{vs}
			whole++
			continue
		}
		key, ok := jw.asideKey(m, pred, len(asList(n[pred])), vs)
		if _, taken := streams[key]; !ok || taken {
			streams = nil
			break
		}
		next := 0
		streams[key] = func() (any, bool, error) {
			if next == vs.len() {
				return nil, false, nil
			}
			v, err := vs.at(next)
			next++
			if err != nil {
				return nil, false, err
			}
			c, err := jw.compactValue(key, v)
			return c, true, err
		}
	}
	if streams != nil {
		jw.p.streamed.Add(int64(len(streams) + whole))
		return &streamedNode{m: m, streams: streams}, nil
	}
	// m, with its placeholders, is let go.
	n[asideKey] = aside
	if err := jw.holdAside(n); err != nil {
		return nil, err
	}
	m, err = jw.compactNode(n, id, prop)
	return &streamedNode{m: m}, err
}

// asideKey returns the key under which compaction puts each of the
// values vs of pred, after the kept ones, which m, the node compacted
// with kept of them, holds; ok is false where they would not all go
// there, appended.
func (jw *jsonNodeWriter) asideKey(m map[string]any, pred string, kept int, vs asideValues) (key string, ok bool) {
	if key, ok = vs.compactKey(jw, pred); !ok {
		return "", false
	}
	return key, jw.appendable(m, key, kept)
}

// compactValue compacts value object v as the value of key, as the
// compaction of its node does.
func (jw *jsonNodeWriter) compactValue(key string, v map[string]any) (any, error) {
	var out any
	err := guard("compact", func() error {
		var err error
		out, err = jsongold.NewJsonLdApi().Compact(jw.ctx, key, v, true)
		return err
	})
	if err != nil || !plainTree(out) {
		return nil, fmt.Errorf("%w: a value does not compact as the dataset's (%v)", ErrNeedsJSONLD, err)
	}
	return out, nil
}

// flatStatement is a line of a flat walk (see walker.flatLine), read.
type flatStatement struct {
	top     string
	graph   bool // in the graph top names, about subject
	subject string
	flatValue
}

// readFlatLine reads a line walker.flatLine wrote.
func readFlatLine(line []byte) (st flatStatement, err error) {
	field := func() string {
		i := bytes.IndexByte(line, 0)
		if i < 0 {
			err = fmt.Errorf("ld: flattened JSON-LD: a sorted line lost its fields")
			return ""
		}
		f := string(line[:i])
		line = line[i+1:]
		return f
	}
	line = bytes.TrimSuffix(line, []byte{'\n'})
	st.top = field()
	st.graph = field() == "1"
	st.subject = st.top
	if st.graph {
		st.subject = field()
	}
	field() // the statement's number
	st.pred = field()
	if err != nil || len(line) == 0 {
		return st, fmt.Errorf("ld: flattened JSON-LD: a sorted line lost its fields")
	}
	if line[0] == 'I' {
		st.node, st.id = true, string(line[1:])
		return st, nil
	}
	line = line[1:]
	st.dt = field()
	var v []byte
	for i := 0; i < len(line); i++ {
		c := line[i]
		if c == '\\' && i+1 < len(line) {
			i++
			switch line[i] {
			case 'n':
				c = '\n'
			case '0':
				c = 0
			default:
				c = line[i]
			}
		}
		v = append(v, c)
	}
	st.value = string(v)
	return st, err
}

// flattenLines writes the flattened output of a flat walk whose
// statements went to lines: sorted, they come as the output lists its
// nodes, each top node's own statements, then its graph's by subject,
// each in the order of the walk. One top node's statements are held at a
// time (a graph's nodes are made as they are written).
func (jw *jsonNodeWriter) flattenLines(lines *lineSorter) error {
	var eachErr error
	next, stop := iter.Pull(func(yield func([]byte) bool) {
		eachErr = lines.each(func(l []byte) error {
			if !yield(l) {
				return errStopLines
			}
			return nil
		})
	})
	defer stop()
	var cur *flatStatement
	var err error
	read := func() {
		l, ok := next()
		if !ok {
			cur = nil
			return
		}
		st, rerr := readFlatLine(l)
		if rerr != nil {
			err, cur = rerr, nil
			return
		}
		cur = &st
	}
	read()
	openGraph(jw.enc)
	for cur != nil && err == nil {
		top := cur.top
		entry := map[string]any{"@id": top}
		if !cur.graph {
			entry = jw.startNative(top)
			for cur != nil && cur.top == top && !cur.graph {
				if aerr := jw.addNative(entry, cur.flatValue); aerr != nil {
					return aerr
				}
				read()
			}
		}
		werr := jw.writeFlatTop(top, entry, func() (map[string]any, bool, error) {
			if cur == nil || cur.top != top || !cur.graph {
				return nil, false, err
			}
			subject := cur.subject
			n := jw.startNative(subject)
			for cur != nil && cur.top == top && cur.graph && cur.subject == subject {
				if aerr := jw.addNative(n, cur.flatValue); aerr != nil {
					return nil, false, aerr
				}
				read()
			}
			return n, true, err
		})
		if werr != nil {
			return flatError(werr)
		}
	}
	if err == nil && eachErr != nil && eachErr != errStopLines {
		err = eachErr
	}
	if err != nil {
		return err
	}
	closeGraph(jw.enc, jw.n)
	jw.enc.buf = append(jw.enc.buf, '\n')
	jw.enc.flush()
	return jw.enc.err
}

// errStopLines stops a walk over sorted lines.
var errStopLines = errors.New("ld: stop")
