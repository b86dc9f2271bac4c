// Adapted from github.com/piprate/json-gold v0.8.0, ld/utils.go
// (isEmptyObject, RemovePreserve). Copyright 2015-2017 Piprate Limited,
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
// Changes from upstream: none but the package; they take this package's
// Context, which the copied compaction uses.

package jsongold

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
