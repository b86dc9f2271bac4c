// Adapted from github.com/piprate/json-gold v0.8.0, ld/utils.go
// (IsKeyword, isEmptyObject, RemovePreserve). Copyright 2015-2017 Piprate Limited,
// Copyright 2025 Siemens AG.
//
// Licensed under the Apache License, Version 2.0 (the "License"); you may
// not use this file except in compliance with the License. You may obtain a
// copy of the License at http://www.apache.org/licenses/LICENSE-2.0 (and in
// the file LICENSE beside this one). Unless required by applicable law or
// agreed to in writing, software distributed under the License is
// distributed on an "AS IS" BASIS, WITHOUT WARRANTIES OR CONDITIONS OF ANY
// KIND, either express or implied. See the License for the specific
// language governing permissions and limitations under the License.
//
// Changes from upstream: none but the package; RemovePreserve and
// isEmptyObject take this package's Context, which the copied compaction
// uses. IsKeyword is v0.8.0's list, kept here because v0.9.1 added the
// framing values @always, @last, @never, @null and @once to it (see
// UPSTREAM.md, "json-gold v0.9.x").

package jsongold

import jld "github.com/piprate/json-gold/ld"

// IsKeyword reports whether key is a JSON-LD keyword film2ld processes: the
// JSON-LD 1.1 keywords plus the framing keywords, the list of json-gold
// v0.8.0. film2ld uses it, not json-gold's, so that what counts as a keyword
// does not move with json-gold's version: json-gold v0.9.1 counts the @embed
// values @always, @last, @never, @once and the frame value @null as keywords,
// so a key or an @id of that form would no longer be "of the form of a
// keyword" and ignored (JSON-LD 1.1 Expansion step 13.2, IRI Expansion step
// 2; jsonld.js ignores them), but kept, or refused as a keyword
// redefinition in a context.
func IsKeyword(key interface{}) bool {
	s, ok := key.(string)
	if !ok || len(s) < 2 || s[0] != '@' {
		return false
	}
	switch s {
	case "@base", "@container", "@context", "@default", "@direction",
		"@embed", "@explicit", "@json", "@id", "@included",
		"@index", "@first", "@graph", "@import", "@language",
		"@list", "@nest", "@none", "@omitDefault", "@prefix",
		"@preserve", "@propagate", "@protected", "@requireAll",
		"@reverse", "@set", "@type", "@value", "@version",
		"@vocab":
		return true
	}
	return false
}

// isRelativeIri is json-gold's IsRelativeIri with this package's IsKeyword.
func isRelativeIri(value string) bool {
	return !(IsKeyword(value) || jld.IsAbsoluteIri(value))
}

func isEmptyObject(v interface{}) bool {
	vMap, isMap := v.(map[string]interface{})
	return isMap && len(vMap) == 0
}

// RemovePreserve removes the @preserve keywords as the last step of the framing algorithm.
//
// ctx: the active context used to compact the input
// input: the framed, compacted output
// bnodesToClear: list of bnodes to be pruned
// compactArrays: compactArrays flag
//
// Returns the resulting output.
func RemovePreserve(ctx *Context, input interface{}, bnodesToClear []string, compactArrays bool) (interface{}, error) {

	// recurse through arrays
	switch v := input.(type) {
	case []interface{}:
		output := make([]interface{}, 0)
		for _, i := range v {
			result, err := RemovePreserve(ctx, i, bnodesToClear, compactArrays)
			if err != nil {
				return nil, err
			}
			// drop nulls from arrays
			if result != nil {
				output = append(output, result)
			}
		}
		input = output
	case map[string]interface{}:

		// remove @preserve
		if preserveVal, present := v["@preserve"]; present {
			if preserveVal == "@null" {
				return nil, nil
			}
			return preserveVal, nil
		}

		// skip @values
		if _, hasValue := v["@value"]; hasValue {
			return input, nil
		}

		// recurse through @lists
		if listVal, hasList := v["@list"]; hasList {
			var err error
			v["@list"], err = RemovePreserve(ctx, listVal, bnodesToClear, compactArrays)
			if err != nil {
				return nil, err
			}
			return input, nil
		}

		// potentially remove the id, if it is an unreference bnode
		idAlias, err := ctx.CompactIri("@id", nil, false, false)
		if err != nil {
			return nil, err
		}
		if id, hasID := v[idAlias]; hasID {
			for _, bnode := range bnodesToClear {
				if id == bnode {
					delete(v, idAlias)
				}
			}
		}
		// recurse through properties
		graphAlias, err := ctx.CompactIri("@graph", nil, false, false)
		if err != nil {
			return nil, err
		}
		for prop, propVal := range v {
			result, err := RemovePreserve(ctx, propVal, bnodesToClear, compactArrays)
			if err != nil {
				return nil, err
			}
			isListContainer := ctx.HasContainerMapping(prop, "@list")
			isSetContainer := ctx.HasContainerMapping(prop, "@set")
			resultList, isList := result.([]interface{})
			if compactArrays && isList && len(resultList) == 1 && !isSetContainer && !isListContainer && prop != graphAlias {
				result = resultList[0]
			}
			v[prop] = result
		}
	}

	return input, nil
}
