package schemas

import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
)

// ErrNoSchema reports a type film2ld has no JSON Schema for.
var ErrNoSchema = errors.New("no JSON Schema for this type")

// SchemaTypes returns the types that have a JSON Schema.
func SchemaTypes() []string { return slices.Clone(shapeTypes) }

// SchemaJSON returns the JSON Schema (draft-07) of a type, for use outside
// film2ld (validate --print-schema). It differs from the schema validate
// applies in two ways, both so that it reads JSON-LD as film2ld and most
// sites write it, compacted with the schema.org context:
//
//   - every file it refers to (common.json, role.json, …) is bundled
//     under "definitions" with its own "$id", so the one document is
//     complete and any draft-07 validator resolves its references offline;
//   - a property may hold one value or an array of values, where the
//     internal schemas see the normalised form, in which every property
//     is an array (see Node.Shape).
//
// Node values are checked loosely in this form: a "@type" written as a
// string satisfies the type tests, since a JSON Schema cannot know that a
// Patient is a Person.
func SchemaJSON(typ string) ([]byte, error) {
	set, err := shapes()
	if err != nil {
		return nil, err
	}
	var file string
	for _, t := range shapeTypes {
		if strings.EqualFold(t, typ) {
			file = strings.ToLower(t) + ".json"
		}
	}
	if file == "" {
		return nil, fmt.Errorf("%w %q", ErrNoSchema, typ)
	}
	root := compactForm(deepCopy(set.docs[file])).(map[string]any)
	defs, _ := root["definitions"].(map[string]any)
	if defs == nil {
		defs = map[string]any{}
	}
	// Bundle the files reachable from this one, each under its file name.
	todo := []string{file}
	seen := map[string]bool{file: true}
	for len(todo) > 0 {
		f := todo[0]
		todo = todo[1:]
		for _, ref := range refsOf(set.docs[f]) {
			target, _, _ := strings.Cut(ref, "#")
			if target != "" && !seen[target] {
				seen[target] = true
				todo = append(todo, target)
				sub := compactForm(deepCopy(set.docs[target])).(map[string]any)
				delete(sub, "$schema")
				defs["file:"+target] = sub
			}
		}
	}
	if len(defs) > 0 {
		root["definitions"] = defs
	}
	root["$comment"] = "film2ld's JSON Schema for " + typ + " in compact JSON-LD form: a property holds one value or an array. " +
		"Files it refers to are bundled under definitions with their own $id." + commentOf(root)
	return json.MarshalIndent(root, "", "  ")
}

func commentOf(m map[string]any) string {
	if c, ok := m["$comment"].(string); ok {
		return " " + c
	}
	return ""
}

// compactForm rewrites every property schema of the form {"type":
// "array", "items": X} as "X, or an array of X".
func compactForm(v any) any {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			v[k] = compactForm(x)
		}
		if props, ok := v["properties"].(map[string]any); ok {
			for name, p := range props {
				pm, ok := p.(map[string]any)
				if !ok || pm["type"] != "array" || pm["items"] == nil {
					continue
				}
				one := pm["items"]
				alt := map[string]any{"anyOf": []any{one, pm}}
				for _, k := range []string{"title", "description"} {
					if s, ok := pm[k]; ok {
						alt[k] = s
					}
				}
				props[name] = alt
			}
		}
		return v
	case []any:
		for i, x := range v {
			v[i] = compactForm(x)
		}
	}
	return v
}

// refsOf lists the $ref values in a schema document, sorted.
func refsOf(v any) []string {
	set := map[string]bool{}
	var walk func(any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			if r, ok := v["$ref"].(string); ok {
				set[r] = true
			}
			for _, x := range v {
				walk(x)
			}
		case []any:
			for _, x := range v {
				walk(x)
			}
		}
	}
	walk(v)
	return slices.Sorted(maps.Keys(set))
}

// deepCopy returns a copy of a decoded JSON value that shares no map or
// slice with it. gojsonschema writes into the documents it is given, so
// each of its loaders gets its own copy of a shape file loadShapes decoded
// (copying takes a fourth of the time of decoding the file again, which
// registering it did: 38 against 140 us for common.json).
func deepCopy(v any) any {
	switch v := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, x := range v {
			out[k] = deepCopy(x)
		}
		return out
	case []any:
		out := make([]any, len(v))
		for i, x := range v {
			out[i] = deepCopy(x)
		}
		return out
	}
	return v
}
