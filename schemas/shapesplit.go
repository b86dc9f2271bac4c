package schemas

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/xeipuuv/gojsonschema"
)

// # Checking a node property by property
//
// gojsonschema was the costliest layer on a large page: it builds an error,
// with a message from a text template, for every branch of an anyOf that a
// valid value does not take, and a node value tries two or three. Yet the
// "properties" keyword of a JSON Schema checks each property on its own, so
// a type's schema can be split into one schema per property, applied to
// that property's values alone, and the rest of the schema (type, required,
// if/else), applied to the node. A property's verdict then depends only on
// its values, and the many nodes of a page that share them (every review's
// author is a Person node, every rating's bestRating is 10) are checked once.
//
// The split is exact only for schemas whose top level holds keywords that
// do not look at "properties" (additionalProperties would), so a type is
// split only when every file its schema draws on keeps to splitKeywords;
// any other type is checked whole, as before. TestShapeSplitAgrees compares
// both ways over every node of the corpus and the shape tests.

// splitKeywords are the top-level keywords a splittable schema file may
// hold.
var splitKeywords = map[string]bool{
	"$schema": true, "$id": true, "$comment": true, "title": true, "description": true,
	"definitions": true, "type": true, "allOf": true, "if": true, "then": true, "else": true,
	"required": true, "properties": true,
}

// nodeBase is where the node-level copies of the schema files (each
// without its top-level "properties") are registered, so that their
// relative references ("role.json") reach each other.
const nodeBase = shapeBase + "node/"

// splitShape is a type's schema split in two.
type splitShape struct {
	// node checks what is left once the properties are taken out; nil when
	// every object passes it.
	node *gojsonschema.Schema
	// props check each property's array of values.
	props map[string]*propShape
}

// propShape is how one property of a type is checked.
type propShape struct {
	// schemas returns the compiled schemas that all apply to the
	// property's array of values, compiled on first use: a Movie's
	// schema names thirty-odd properties and a page uses a few, and
	// compiling each was a tenth of validating a small page.
	schemas func() ([]*gojsonschema.Schema, error)
	// itemwise is set when every one of them only says "an array whose
	// items are each …": a value's verdict then does not depend on the
	// others, so each distinct value is checked once, wherever it stands
	// (the Movie's hundred review nodes are one check, not a hundred).
	itemwise bool
}

// itemwise reports whether a property schema only constrains its items
// one by one: "type": "array" and "items" with one schema, nothing that
// counts or compares them.
func itemwise(sch map[string]any) bool {
	for k, v := range sch {
		switch k {
		case "title", "description", "$comment":
		case "type":
			if v != "array" {
				return false
			}
		case "items":
			if _, ok := v.(map[string]any); !ok {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// splitAll decides which types split and prepares, for each, the
// compilation of its split schema on first use: a process validating a
// page of Movies and Persons compiles those two, not the ten types'
// hundred-odd property schemas (TestShapeSplitAll compiles them all).
// The types that cannot be split stay out of s.split and are checked
// whole.
func (s *shapeSet) splitAll() error {
	s.split = map[string]func() (*splitShape, error){}
	l := &splitLoader{nl: newShapeLoader(false), pl: newShapeLoader(false), inNL: map[string]bool{}, inPL: map[string]bool{}}
	for _, t := range shapeTypes {
		file := strings.ToLower(t) + ".json"
		if files, ok := s.closure(file); ok {
			s.split[t] = sync.OnceValues(func() (*splitShape, error) {
				return s.compileSplit(t, files, l)
			})
		}
	}
	return nil
}

// splitLoader holds schema files in two loaders: node-level copies (nl)
// and the files as they are, whose properties are compiled one by one
// (pl). A file is registered in a loader when the first type that needs
// it there is compiled: decoding all ten files twice, for a page that
// uses two types, was a tenth of validating it, and only a type whose
// node-level schema checks something (PerformanceRole) needs the copies.
// Registering and compiling write to a loader's pool (gojsonschema caches
// each "file#/pointer" it resolves), so both hold mu: the parallel chunks
// of checkShapes may meet two types' or two properties' first use at
// once.
type splitLoader struct {
	mu     sync.Mutex
	nl, pl *gojsonschema.SchemaLoader
	// inNL and inPL hold the files registered in each so far.
	inNL, inPL map[string]bool
}

// register adds to l.pl, and to l.nl when node is set, the files that
// files' schemas refer to, transitively, and that are not there yet; l.mu
// is held. Every $ref names an embedded file (loadShapes checks), so a
// compile never finds a reference missing, which gojsonschema would try
// to download.
func (s *shapeSet) register(l *splitLoader, files []string, node bool) error {
	var nodeLoaders, propLoaders []gojsonschema.JSONLoader
	var toNL, toPL []string
	for _, name := range s.refClosure(files) {
		if node && !l.inNL[name] {
			cp := make(map[string]any, len(s.docs[name]))
			for k, v := range s.docs[name] {
				if k != "properties" {
					cp[k] = v
				}
			}
			cp["$id"] = nodeBase + name
			nodeLoaders = append(nodeLoaders, gojsonschema.NewRawLoader(deepCopy(cp)))
			toNL = append(toNL, name)
		}
		if !l.inPL[name] {
			propLoaders = append(propLoaders, gojsonschema.NewRawLoader(deepCopy(s.docs[name])))
			toPL = append(toPL, name)
		}
	}
	if len(nodeLoaders) > 0 {
		if err := l.nl.AddSchemas(nodeLoaders...); err != nil {
			return fmt.Errorf("schemas: add node-level schemas: %w", err)
		}
	}
	if len(propLoaders) > 0 {
		if err := l.pl.AddSchemas(propLoaders...); err != nil {
			return fmt.Errorf("schemas: add property schemas: %w", err)
		}
	}
	for _, name := range toNL {
		l.inNL[name] = true
	}
	for _, name := range toPL {
		l.inPL[name] = true
	}
	return nil
}

// refClosure returns files and every file their $refs reach, directly or
// through other files, sorted.
func (s *shapeSet) refClosure(files []string) []string {
	seen := map[string]bool{}
	var walk func(file string, v any)
	visit := func(file string) {
		if !seen[file] {
			seen[file] = true
			walk(file, s.docs[file])
		}
	}
	walk = func(file string, v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				if ref, ok := x.(string); ok && k == "$ref" {
					if target, _, _ := strings.Cut(ref, "#"); target != "" {
						visit(target)
					}
					continue
				}
				walk(file, x)
			}
		case []any:
			for _, x := range v {
				walk(file, x)
			}
		}
	}
	for _, f := range files {
		visit(f)
	}
	out := make([]string, 0, len(seen))
	for f := range seen {
		out = append(out, f)
	}
	slices.Sort(out)
	return out
}

// compileSplit compiles type t's split schema from files, its closure:
// the node-level schema now, each property's schemas on their first use.
func (s *shapeSet) compileSplit(t string, files []string, l *splitLoader) (*splitShape, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	trivial := s.trivialNode(files)
	if err := s.register(l, files, !trivial); err != nil {
		return nil, err
	}
	sp := &splitShape{props: map[string]*propShape{}}
	if !trivial {
		c, err := l.nl.Compile(gojsonschema.NewReferenceLoader(nodeBase + files[0]))
		if err != nil {
			return nil, fmt.Errorf("schemas: compile node-level %s: %w", files[0], err)
		}
		sp.node = c
	}
	// Each property is checked by its schema in every file the type draws
	// on (role.json's actor and performancerole.json's), one after the
	// other, as the allOf that joins the files would.
	inFiles := map[string][]string{}
	for _, f := range files {
		props, _ := s.docs[f]["properties"].(map[string]any)
		for p := range props {
			if strings.ContainsAny(p, "~/%#") {
				return nil, fmt.Errorf("schemas: %s: property %q needs escaping in a JSON pointer", f, p)
			}
			ps := sp.props[p]
			if ps == nil {
				ps = &propShape{itemwise: true}
				sp.props[p] = ps
			}
			inFiles[p] = append(inFiles[p], f)
			sch, _ := props[p].(map[string]any)
			ps.itemwise = ps.itemwise && itemwise(sch)
		}
	}
	for p, ps := range sp.props {
		fs := inFiles[p]
		ps.schemas = sync.OnceValues(func() ([]*gojsonschema.Schema, error) {
			l.mu.Lock()
			defer l.mu.Unlock()
			out := make([]*gojsonschema.Schema, 0, len(fs))
			for _, f := range fs {
				c, err := l.pl.Compile(gojsonschema.NewReferenceLoader(shapeBase + f + "#/properties/" + p))
				if err != nil {
					return nil, fmt.Errorf("schemas: compile %s.%s: %w", t, p, err)
				}
				out = append(out, c)
			}
			return out, nil
		})
	}
	return sp, nil
}

// closure returns file and the files its top-level allOf draws on, in
// that order, and whether all of them can be split.
func (s *shapeSet) closure(file string) ([]string, bool) {
	var out []string
	var walk func(f string) bool
	walk = func(f string) bool {
		if slices.Contains(out, f) {
			return true
		}
		doc, ok := s.docs[f]
		if !ok {
			return false
		}
		out = append(out, f)
		for k, v := range doc {
			if !splitKeywords[k] {
				return false
			}
			if k == "type" && v != "object" {
				return false
			}
		}
		all, _ := doc["allOf"].([]any)
		for _, a := range all {
			m, _ := a.(map[string]any)
			ref, _ := m["$ref"].(string)
			if len(m) != 1 || ref == "" || strings.Contains(ref, "#") || !walk(ref) {
				return false
			}
		}
		return true
	}
	return out, walk(file)
}

// trivialNode reports whether every object passes the node-level copies
// of files: nothing but "type": "object", annotations, definitions and
// allOf references to such files.
func (s *shapeSet) trivialNode(files []string) bool {
	for _, f := range files {
		for k := range s.docs[f] {
			switch k {
			case "$schema", "$id", "$comment", "title", "description", "definitions", "type", "allOf", "properties":
			default:
				return false
			}
		}
	}
	return true
}

// shapeErr is one error of a schema, reduced to what findings use.
type shapeErr struct {
	p    shapeProblem
	typ  string
	desc string
}

// shapeCache remembers the errors of each property's values under each
// type, keyed by type, property and the values.
type shapeCache map[string][]shapeErr

// newShapeCache starts the cache of one check; nil (check each node whole)
// when the fast paths are off.
func newShapeCache() shapeCache {
	if !fastPaths {
		return nil
	}
	return shapeCache{}
}

// splitErrors checks n against typ's split schema.
func (s *shapeSet) splitErrors(n *Node, typ string, sp *splitShape, cache shapeCache) ([]shapeErr, error) {
	var out []shapeErr
	if sp.node != nil {
		res, err := sp.node.Validate(gojsonschema.NewRawLoader(validationShape(n)))
		if err != nil {
			return nil, err
		}
		for _, e := range res.Errors() {
			if p, ok := problemOf(e); ok {
				out = append(out, shapeErr{p: p, typ: e.Type(), desc: e.Description()})
			}
		}
	}
	var key []byte
	for _, p := range n.Props {
		prop, vs := p.Name, p.Values
		ps, ok := sp.props[prop]
		if !ok || len(vs) == 0 && ps.itemwise {
			continue
		}
		key = append(append(append(key[:0], typ...), 0), prop...)
		key = append(key, 0)
		if !ps.itemwise {
			for _, v := range vs {
				key = appendValueKey(key, v)
			}
			errs, err := ps.check(cache, key, vs)
			if err != nil {
				return nil, err
			}
			out = appendPropErrs(out, prop, errs, 0)
			continue
		}
		// Each value alone, at index 0 of a one-value array; its errors
		// are then moved to where it stands.
		n := len(key)
		for i := range vs {
			key = appendValueKey(key[:n], vs[i])
			errs, err := ps.check(cache, key, vs[i:i+1])
			if err != nil {
				return nil, err
			}
			out = appendPropErrs(out, prop, errs, i)
		}
	}
	return out, nil
}

// check returns the errors of the property schemas for the values vs,
// from the cache when key was seen; a problem's index counts in vs.
func (ps *propShape) check(cache shapeCache, key []byte, vs []Value) ([]shapeErr, error) {
	if errs, hit := cache[string(key)]; hit {
		return errs, nil
	}
	items := make([]any, len(vs))
	for i, v := range vs {
		items[i] = shapeItem(v)
	}
	schemas, err := ps.schemas()
	if err != nil {
		return nil, err
	}
	errs := []shapeErr{}
	for _, c := range schemas {
		res, err := c.Validate(gojsonschema.NewRawLoader(items))
		if err != nil {
			return nil, err
		}
		for _, e := range res.Errors() {
			if p, ok := propProblemOf(e); ok {
				errs = append(errs, shapeErr{p: p, typ: e.Type(), desc: e.Description()})
			}
		}
	}
	if len(cache) >= shapeCacheLimit {
		clear(cache)
	}
	cache[string(key)] = errs
	return errs, nil
}

// shapeCacheLimit is how many verdicts a cache holds before it starts
// afresh. The values a page repeats (a type, a date, a publisher) are met
// again soon after, while most of a large page's values are its own (each
// review's text, each reviewer): a cache of every one held 17 MB of
// validate's peak on a page of 50,000 reviews.
const shapeCacheLimit = 4096

// appendPropErrs appends the errors of prop's values, their indexes moved
// by shift.
func appendPropErrs(out []shapeErr, prop string, errs []shapeErr, shift int) []shapeErr {
	for _, e := range errs {
		e.p.prop = prop
		if e.p.index >= 0 {
			e.p.index += shift
		}
		out = append(out, e)
	}
	return out
}

// propProblemOf reads what an error of a property schema is about: the
// property as a whole at (root), else the value its first path segment
// indexes.
func propProblemOf(e gojsonschema.ResultError) (shapeProblem, bool) {
	segs := strings.Split(e.Context().String("\x00"), "\x00")
	if len(segs) == 1 {
		return shapeProblem{index: -1}, true
	}
	i, err := strconv.Atoi(segs[1])
	if err != nil {
		return shapeProblem{}, false
	}
	return shapeProblem{index: i}, true
}

// appendValueKey appends what the schemas can see of a value (see
// shapeItem), unambiguously: a kind byte, then a length and the text.
func appendValueKey(key []byte, v Value) []byte {
	str := func(kind byte, s string) {
		key = append(key, kind)
		key = strconv.AppendInt(key, int64(len(s)), 10)
		key = append(key, ':')
		key = append(key, s...)
	}
	switch {
	case v.Node != nil:
		key = append(key, 'N')
		key = strconv.AppendInt(key, int64(len(v.Node.Types)), 10)
		for _, t := range v.Node.Types {
			str('t', t)
		}
		if id := v.Node.ID; id != "" && !strings.HasPrefix(id, "_:") {
			str('i', id)
		}
		key = append(key, ';')
	case v.IRI != "":
		str('U', v.IRI)
	default:
		switch x := v.Literal.(type) {
		case string:
			str('S', x)
		case float64:
			str('F', strconv.FormatFloat(x, 'g', -1, 64))
		case bool:
			str('B', strconv.FormatBool(x))
		case nil:
			key = append(key, 'Z')
		default:
			str('O', fmt.Sprintf("%T:%v", x, x))
		}
	}
	return key
}
