package schemas

import (
	"cmp"
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"math"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/film2ld/film2ld/ld/schemaorg"
	"github.com/xeipuuv/gojsonschema"
)

// The shape schemas are compiled into the binary so that validation never
// reads a file or the network.
//
//go:generate go run ./internal/shapegen

//go:embed json/*.json
var shapeFiles embed.FS

// shapeBase is the base of every schema's $id. References between the
// files ("common.json#/definitions/text") resolve against it, and
// loadShapes makes sure each one names an embedded file, so gojsonschema
// never falls back to fetching it.
const shapeBase = "https://github.com/film2ld/film2ld/raw/main/schemas/json/"

// shapeTypes are the types that have a schema, json/<lower-case name>.json.
// A node of a subtype is checked with its nearest ancestor here, so a
// CriticReview gets review.json and an EmployerAggregateRating
// aggregaterating.json.
var shapeTypes = []string{
	"AggregateRating", "Country", "Movie", "Organization", "PerformanceRole",
	"Person", "Rating", "Review", "Role", "VideoObject",
}

// shapeSet is the compiled schemas, and the decoded files they came from,
// which supply the titles and descriptions that messages quote.
type shapeSet struct {
	// compiled is each type's whole schema, by type, compiled on first
	// use: every type is checked property by property (split), so a
	// validation process only needs the whole ones for a type that cannot
	// be split, and the tests that compare the two ways.
	compiled func() (map[string]*gojsonschema.Schema, error)
	docs     map[string]map[string]any // by file name
	// split holds the types checked property by property (shapesplit.go),
	// each compiled on first use.
	split map[string]func() (*splitShape, error)
}

// shapes loads the schemas once per process; a compiled schema is only
// read while validating, so one set serves every goroutine.
var shapes = sync.OnceValues(loadShapes)

func loadShapes() (*shapeSet, error) {
	s := &shapeSet{docs: map[string]map[string]any{}}
	entries, err := fs.ReadDir(shapeFiles, "json")
	if err != nil {
		return nil, fmt.Errorf("schemas: list shape schemas: %w", err)
	}
	var names []string
	for _, e := range entries {
		// Built from Go literals (shapes_gen.go), as the file decodes
		// with numbers as json.Number as gojsonschema's own loaders
		// decode them: decoding the JSON was 1.1-1.3 ms of each start.
		// gojsonschema's loaders get copies (see deepCopy), where it
		// decoded each file again.
		doc := shapeDoc(e.Name())
		if doc == nil {
			return nil, fmt.Errorf("schemas: %s is not in shapes_gen.go (run go generate ./schemas)", e.Name())
		}
		if id, _ := doc["$id"].(string); id != shapeBase+e.Name() {
			return nil, fmt.Errorf("schemas: %s: $id is %q, want %q", e.Name(), id, shapeBase+e.Name())
		}
		s.docs[e.Name()] = doc
		names = append(names, e.Name())
	}
	for name, doc := range s.docs {
		if err := s.checkRefs(name, doc); err != nil {
			return nil, err
		}
	}
	for _, t := range shapeTypes {
		if file := strings.ToLower(t) + ".json"; s.docs[file] == nil {
			return nil, fmt.Errorf("schemas: no shape schema %s for %s", file, t)
		}
	}
	s.compiled = sync.OnceValues(func() (map[string]*gojsonschema.Schema, error) {
		loaders := make([]gojsonschema.JSONLoader, len(names))
		for i, name := range names {
			loaders[i] = gojsonschema.NewRawLoader(deepCopy(s.docs[name]))
		}
		return compileWhole(loaders)
	})
	if err := s.splitAll(); err != nil {
		return nil, err
	}
	return s, nil
}

// newShapeLoader returns a draft-07 schema loader. Checking the files
// against the draft-07 meta-schema (metaCheck) costs more than compiling
// them, and they are committed files, not input: TestShapeSchemasMeta
// checks them, so a misspelt keyword fails the tests, and a process
// compiles them unchecked.
func newShapeLoader(metaCheck bool) *gojsonschema.SchemaLoader {
	sl := gojsonschema.NewSchemaLoader()
	sl.Draft = gojsonschema.Draft7
	sl.AutoDetect = false
	sl.Validate = metaCheck
	return sl
}

// compileWhole compiles each shape type's schema whole.
func compileWhole(loaders []gojsonschema.JSONLoader) (map[string]*gojsonschema.Schema, error) {
	sl := newShapeLoader(false)
	if err := sl.AddSchemas(loaders...); err != nil {
		return nil, fmt.Errorf("schemas: add shape schemas: %w", err)
	}
	out := map[string]*gojsonschema.Schema{}
	for _, t := range shapeTypes {
		file := strings.ToLower(t) + ".json"
		c, err := sl.Compile(gojsonschema.NewReferenceLoader(shapeBase + file))
		if err != nil {
			return nil, fmt.Errorf("schemas: compile %s: %w", file, err)
		}
		out[t] = c
	}
	return out, nil
}

// checkRefs makes sure every $ref in v names an embedded file and a
// definition that exists: gojsonschema would try to download anything
// else.
func (s *shapeSet) checkRefs(file string, v any) error {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			if ref, ok := x.(string); ok && k == "$ref" {
				if _, _, ok := s.resolve(file, ref); !ok {
					return fmt.Errorf("schemas: %s: $ref %q names nothing embedded", file, ref)
				}
				continue
			}
			if err := s.checkRefs(file, x); err != nil {
				return err
			}
		}
	case []any:
		for _, x := range v {
			if err := s.checkRefs(file, x); err != nil {
				return err
			}
		}
	}
	return nil
}

// resolve follows a $ref written in file: "other.json", "other.json#/a/b"
// or "#/a/b".
func (s *shapeSet) resolve(file, ref string) (string, map[string]any, bool) {
	target, pointer, _ := strings.Cut(ref, "#")
	if target != "" {
		file = target
	}
	var v any = s.docs[file]
	for _, seg := range strings.Split(strings.TrimPrefix(pointer, "/"), "/") {
		if seg == "" {
			continue
		}
		m, ok := v.(map[string]any)
		if !ok {
			return "", nil, false
		}
		v = m[seg]
	}
	m, ok := v.(map[string]any)
	return file, m, ok && m != nil
}

// propSchema finds the schema of a property in file, or in the files its
// allOf refers to (performancerole.json takes role.json's properties).
func (s *shapeSet) propSchema(file, prop string) (string, map[string]any, bool) {
	doc := s.docs[file]
	if props, ok := doc["properties"].(map[string]any); ok {
		if p, ok := props[prop].(map[string]any); ok {
			return file, p, true
		}
	}
	all, _ := doc["allOf"].([]any)
	for _, sub := range all {
		ref, _ := sub.(map[string]any)["$ref"].(string)
		if f, _, ok := s.resolve(file, ref); ok && ref != "" && !strings.Contains(ref, "#") {
			if f, p, ok := s.propSchema(f, prop); ok {
				return f, p, true
			}
		}
	}
	return "", nil, false
}

// annotation returns the title or description of a schema, looking
// through $ref and a lone allOf, which is how a property borrows a common
// definition.
func (s *shapeSet) annotation(file string, sch map[string]any, key string) string {
	if v, ok := sch[key].(string); ok {
		return v
	}
	if ref, ok := sch["$ref"].(string); ok {
		if f, target, ok := s.resolve(file, ref); ok {
			return s.annotation(f, target, key)
		}
	}
	if all, ok := sch["allOf"].([]any); ok && len(all) == 1 {
		if sub, ok := all[0].(map[string]any); ok {
			return s.annotation(file, sub, key)
		}
	}
	return ""
}

// expect says what a value of prop should be under typ's schema (the
// title: "an ISO 8601 duration") and how to write one (the description),
// so that messages come from the schemas rather than from gojsonschema's
// wording.
func (s *shapeSet) expect(typ, prop string) (title, desc string) {
	file, p, ok := s.propSchema(strings.ToLower(typ)+".json", prop)
	if !ok {
		return "", ""
	}
	title, desc = s.annotation(file, p, "title"), s.annotation(file, p, "description")
	if items, ok := p["items"].(map[string]any); ok {
		if title == "" {
			title = s.annotation(file, items, "title")
		}
		if desc == "" {
			desc = s.annotation(file, items, "description")
		}
	}
	return title, desc
}

// checkShapes applies the JSON Schemas to every node that has one of the
// shapeTypes: one finding per value that does not fit and per property
// that a type cannot do without.
func checkShapes(g *Graph) []Finding {
	set, err := shapes()
	if err != nil {
		// The schemas are compiled in and TestShapeSchemasLoad loads them,
		// so this is a broken build, as a bad regexp.MustCompile would be.
		panic(err)
	}
	// gojsonschema is the costliest layer on a large page, and a compiled
	// schema is only read while validating, so large graphs are checked
	// in parallel chunks whose findings are joined in node order.
	workers := runtime.GOMAXPROCS(0)
	if len(g.Nodes) < 512 || workers < 2 {
		return set.checkNodes(g.Nodes, newShapeCache())
	}
	chunk := (len(g.Nodes) + workers - 1) / workers
	parts := make([][]Finding, workers)
	var wg sync.WaitGroup
	for i := range workers {
		lo, hi := i*chunk, min((i+1)*chunk, len(g.Nodes))
		if lo >= hi {
			break
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			parts[i] = set.checkNodes(g.Nodes[lo:hi], newShapeCache())
		}()
	}
	wg.Wait()
	var out []Finding
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

// checkNodes applies the schemas to some nodes; cache remembers the
// verdicts on property values (see shapesplit.go).
func (set *shapeSet) checkNodes(nodes []*Node, cache shapeCache) []Finding {
	var out []Finding
	for _, n := range nodes {
		types := shapeTypesOf(n)
		if len(types) == 0 {
			continue
		}
		// A node of two types (Movie and VideoObject, say) is checked by
		// both schemas; a bad value is still reported once.
		seen := map[shapeProblem]bool{}
		for _, t := range types {
			out = append(out, set.check(n, t, cache, seen)...)
		}
	}
	return out
}

// shapeTypesOf returns the schema types that apply to n, most specific
// first: a PerformanceRole is checked with performancerole.json (which
// includes role.json), not with both.
func shapeTypesOf(n *Node) []string {
	var match []string
	for _, t := range shapeTypes {
		if n.Is(t) {
			match = append(match, t)
		}
	}
	var out []string
	for _, t := range match {
		if !slices.ContainsFunc(match, func(u string) bool { return u != t && schemaorg.IsSubtypeOf(u, t) }) {
			out = append(out, t)
		}
	}
	return out
}

// validationShape is n.Shape() with the "@type" of every node value
// widened to its schema.org supertypes, since a JSON Schema cannot know
// that a Patient is a Person. Types the vocabulary does not know are left
// out: the vocabulary layer reports them, and a shape cannot judge them.
func validationShape(n *Node) map[string]any {
	shape := n.Shape()
	for _, p := range n.Props {
		items, _ := shape[p.Name].([]any)
		for i, v := range p.Values {
			if i < len(items) {
				items[i] = shapeItem(v)
			}
		}
	}
	return shape
}

// shapeItem is one value as validationShape gives it to the schemas.
func shapeItem(v Value) any {
	switch {
	case v.Node != nil:
		ref := map[string]any{"@type": supertypes(v.Node.Types)}
		if v.Node.ID != "" && !strings.HasPrefix(v.Node.ID, "_:") {
			ref["@id"] = v.Node.ID
		}
		return ref
	case v.IRI != "":
		return v.IRI
	case isNonFinite(v.Literal):
		// JSON cannot carry NaN or an infinity (a decoded document given
		// to FromDoc might); as a string it still fails any schema that
		// wants a number, with a readable message.
		return fmt.Sprint(v.Literal)
	}
	if f, ok := v.Literal.(float64); ok {
		// gojsonschema reads numbers as json.Number only.
		return json.Number(strconv.FormatFloat(f, 'g', -1, 64))
	}
	return v.Literal
}

func isNonFinite(v any) bool {
	f, ok := v.(float64)
	return ok && (math.IsNaN(f) || math.IsInf(f, 0))
}

// supertypes returns the known schema.org types among types with all
// their ancestors, sorted.
func supertypes(types []string) []any {
	seen := map[string]bool{}
	queue := slices.Clone(types)
	for len(queue) > 0 {
		info, ok := schemaorg.Type(queue[0])
		queue = queue[1:]
		if !ok || seen[info.Name] {
			continue
		}
		seen[info.Name] = true
		queue = append(queue, info.Supertypes...)
	}
	names := make([]string, 0, len(seen))
	for t := range seen {
		names = append(names, t)
	}
	slices.Sort(names)
	return stringsToAny(names)
}

// shapeProblem is what one finding is about: a value of a property (its
// index), or the property as a whole (index -1: it is missing).
type shapeProblem struct {
	prop  string
	index int
}

// check validates one node against the schema of type typ and turns the
// errors into findings. gojsonschema reports one bad value several times
// (the failed anyOf, then every error of the branch it liked best, in an
// order that varies), so errors are grouped by the value they are about,
// and the message is written from the schema's title for that property
// and from the value itself.
func (s *shapeSet) check(n *Node, typ string, cache shapeCache, seen map[shapeProblem]bool) []Finding {
	rule := RuleShapePrefix + strings.ToLower(typ)
	errs, err := s.errorsOf(n, typ, cache)
	if err != nil {
		return []Finding{{Severity: Error, Rule: rule, Node: n.Describe(), Pos: n.Pos, nodeSeq: n.seq,
			Message: fmt.Sprintf("the node could not be checked: %v", err)}}
	}
	var problems []shapeProblem
	other := map[shapeProblem]string{} // property-level errors with no better wording
	for _, e := range errs {
		p := e.p
		if seen[p] {
			continue
		}
		seen[p] = true
		problems = append(problems, p)
		if p.index < 0 && e.typ != "required" && e.typ != "array_min_items" {
			other[p] = e.desc
		}
	}
	// Sort by where the property is first written, then by value, so the
	// findings never follow gojsonschema's order.
	slices.SortFunc(problems, func(a, b shapeProblem) int {
		return cmp.Or(
			cmp.Compare(propRank(n, a.prop), propRank(n, b.prop)),
			cmp.Compare(a.prop, b.prop),
			cmp.Compare(a.index, b.index),
		)
	})
	out := make([]Finding, 0, len(problems))
	for _, p := range problems {
		title, desc := s.expect(typ, p.prop)
		f := Finding{Severity: Error, Rule: rule, Node: n.Describe(), Property: p.prop, Fix: desc, Pos: n.PropPos(p.prop), nodeSeq: n.seq}
		vs := n.Values(p.prop)
		switch {
		case other[p] != "":
			f.Message = other[p]
		case p.index < 0 || p.index >= len(vs):
			// PropPos gives the key of a property written with no value
			// (null), and the node itself when there is no key.
			f.Message = fmt.Sprintf("%s is missing, which %s requires", p.prop, typ)
		default:
			v := vs[p.index]
			if v.Pos.Line > 0 {
				f.Pos = n.At(v.Pos)
			}
			if title == "" {
				title = "what " + typ + "." + p.prop + " allows"
			}
			f.Message = describeValue(v) + " is not " + title
			if s, ok := v.Literal.(string); ok && strings.TrimSpace(s) == "" {
				f.Message = "the value is empty"
			}
		}
		out = append(out, f)
	}
	return out
}

// errorsOf checks n against typ's schema: split by property where it can
// be (shapesplit.go), else whole.
func (s *shapeSet) errorsOf(n *Node, typ string, cache shapeCache) ([]shapeErr, error) {
	if compile, ok := s.split[typ]; ok && cache != nil {
		sp, err := compile()
		if err != nil {
			return nil, err
		}
		return s.splitErrors(n, typ, sp, cache)
	}
	// The raw loader hands the shape over as it is; the Go loader would
	// encode it to JSON and decode it again, which was most of the cost of
	// checking a large page.
	whole, err := s.compiled()
	if err != nil {
		return nil, err
	}
	res, err := whole[typ].Validate(gojsonschema.NewRawLoader(validationShape(n)))
	if err != nil {
		return nil, err
	}
	var out []shapeErr
	for _, e := range res.Errors() {
		if p, ok := problemOf(e); ok {
			out = append(out, shapeErr{p: p, typ: e.Type(), desc: e.Description()})
		}
	}
	return out, nil
}

// problemOf reads what an error is about from its path in the shape:
// (root) for the node, (root).prop for a property, (root).prop.i for a
// value (or anything inside it). Errors that only summarise others (a
// failed anyOf, allOf or if/else at the node) say nothing of their own.
func problemOf(e gojsonschema.ResultError) (shapeProblem, bool) {
	// Property keys may hold dots (an IRI key), so the path is split on a
	// byte no key can hold.
	segs := strings.Split(e.Context().String("\x00"), "\x00")
	switch {
	case len(segs) == 1 && e.Type() == "required":
		prop, ok := e.Details()["property"].(string)
		return shapeProblem{prop: prop, index: -1}, ok
	case len(segs) == 1:
		return shapeProblem{}, false
	case len(segs) == 2:
		return shapeProblem{prop: segs[1], index: -1}, true
	}
	i, err := strconv.Atoi(segs[2])
	if err != nil {
		return shapeProblem{}, false
	}
	return shapeProblem{prop: segs[1], index: i}, true
}

// propRank is where prop stands among the node's properties as written.
func propRank(n *Node, prop string) int {
	if i := n.propAt(prop); i >= 0 {
		return i
	}
	return len(n.Props)
}

// describeValue names a value for a message: `"90 minutes"`, `the number
// 5`, `a Place node`.
func describeValue(v Value) string {
	switch {
	case v.Node != nil:
		if len(v.Node.Types) == 0 {
			return "a node without a type"
		}
		t := clip(strings.Join(v.Node.Types, ","))
		if strings.ContainsRune("AEIOU", rune(t[0])) {
			return "an " + t + " node"
		}
		return "a " + t + " node"
	case v.IRI != "":
		return quote(v.IRI)
	}
	switch x := v.Literal.(type) {
	case string:
		return quote(x)
	case float64:
		return "the number " + strconv.FormatFloat(x, 'g', -1, 64)
	case bool:
		return "the boolean " + strconv.FormatBool(x)
	}
	return "an empty value"
}

// quote quotes s for a message, cut short when long.
func quote(s string) string {
	const max = 40
	n := 0
	for i := range s {
		if n == max {
			// Cut here, without counting or copying the rest: a value
			// may be hundreds of MB.
			return strconv.Quote(s[:i] + "…")
		}
		n++
	}
	return strconv.Quote(s)
}
