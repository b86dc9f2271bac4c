// Adapted from github.com/piprate/json-gold v0.8.0, ld/context.go
// (Context: context processing, term definitions, IRI expansion and
// compaction, the inverse context). Copyright 2015-2017 Piprate Limited,
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
// Changes from upstream: the package, and identifiers json-gold exports
// qualified with jld, except IsKeyword (utils.go: v0.8.0's list, pinned).
// Fixes carried here are marked "film2ld:" in the code
// and listed in UPSTREAM.md.

package jsongold

import (
	"errors"
	"fmt"
	jld "github.com/piprate/json-gold/ld"
	"maps"
	"reflect"
	"slices"
	"sort"
	"strings"
)

var (
	ignoredKeywordPattern = lazyRegexp("^@[a-zA-Z]+$")
	invalidPrefixPattern  = lazyRegexp("[:/]")
	iriLikeTermPattern    = lazyRegexp(`(?::[^:])|/`)

	// invalidScopedContext is a JSON-LD 1.1 error code json-gold's
	// errors.go lacks.
	invalidScopedContext = jld.ErrorCode("invalid scoped context")

	nonTermDefKeys = map[string]bool{
		"@base":      true,
		"@direction": true,
		"@import":    true,
		"@language":  true,
		"@protected": true,
		"@version":   true,
		"@vocab":     true,
	}
)

// Context represents a JSON-LD context and provides easy access to specific
// keys and operations.
type Context struct {
	Values          *Values
	TermDefinitions map[string]*TermDefinition
	Protected       map[string]bool // @protected terms

	options *jld.JsonLdOptions
	// inverse caches the inverse context. film2ld: typed entries in place
	// of json-gold's map of maps of maps, and each entry also holds what
	// json-gold's fast CURIE map held for its IRI (see P1 and P2 in
	// UPSTREAM.md).
	inverse map[string]*InverseEntry
	// curieLens[n] is true when some IRI of length n has a CURIE term
	// (InverseEntry.CurieTerm), so that IRI compaction looks up only the
	// prefixes of an IRI that can be one.
	curieLens       []bool
	previousContext *Context
	// termTable is the table WithTerms made the context from, whose
	// order sortedTerms may use.
	termTable []Term
	// static, when not nil, is the inverse context, computed ahead of
	// time (see UseInverse); inverse is then unused.
	static *StaticInverse

	// film2ld: remoteChain is set on the context parse is building while
	// it defines terms: the remote contexts being processed, which the
	// validation of a scoped context needs (see createTermDefinition).
	remoteChain []string
}

type Values struct {
	Vocab       *string  // @vocab
	Base        string   // @base IRI against which to resolve those relative IRI references which are otherwise interpreted relative to the document
	Direction   string   // @direction
	Version     *float64 // @version
	Language    string   // @language
	HasLanguage bool     // whether @language is set

	processingMode string // JSON-LD processingMode based on @version and/or JsonLdOptions
}

// TermDefinition is an expanded term definition, see § 9.15.1 (https://www.w3.org/TR/json-ld11/#expanded-term-definition).
type TermDefinition struct {
	ID           string   // The @id mapping for the term
	Reverse      bool     // Indicates if the term is defined with @reverse
	Container    []string // The @container mapping for the term
	Type         string   // The @type mapping for the term
	Nest         string   // If the expanded term definition contains the @nest keyword, its value MUST be either @nest, or a term which expands to @nest.
	Context      any      // The @context mapping for the term
	HasContext   bool     // Indicates if the @context key is set (might be set to "null" which has a different semantic than being just absent, i.e. nil)
	Prefix       *bool    // Indicates if the term is a prefix (@prefix)
	Index        string   // If the expanded term definition contains the @index keyword, its value MUST be an IRI, a compact IRI, or a term.
	Protected    bool     // Indicates if the term is protected (@protected)
	Direction    *string  // The @direction mapping for the term
	HasDirection bool     // Indicates if the @direction key is set (might be set to "null" which has a different semantic than being just absent, i.e. nil)
	Language     *string  // The @language mapping for the term (optional)
	HasLanguage  bool     // Indicates if the term explicitly specifies a language

	termHasColon bool // whether the term contains a colon (:)
}

func (td *TermDefinition) Copy() *TermDefinition {
	var result TermDefinition
	result.ID = td.ID
	result.Reverse = td.Reverse
	result.Container = td.Container
	result.Type = td.Type
	result.Context = td.Context
	result.HasContext = td.HasContext
	result.Prefix = td.Prefix
	result.Nest = td.Nest
	result.Index = td.Index
	result.Protected = td.Protected
	result.Direction = td.Direction
	result.HasDirection = td.HasDirection
	result.Language = td.Language
	result.HasLanguage = td.HasLanguage
	return &result
}

func DeepCompareTermDef(lhs *TermDefinition, rhs *TermDefinition, listOrderMatters bool) bool {
	return lhs.ID == rhs.ID &&
		lhs.Reverse == rhs.Reverse &&
		lhs.Type == rhs.Type &&
		lhs.HasContext == rhs.HasContext &&
		lhs.Nest == rhs.Nest &&
		lhs.Index == rhs.Index &&
		lhs.Protected == rhs.Protected &&
		reflect.DeepEqual(lhs.Container, rhs.Container) &&
		reflect.DeepEqual(lhs.Direction, rhs.Direction) && lhs.HasDirection == rhs.HasDirection &&
		reflect.DeepEqual(lhs.Language, rhs.Language) && lhs.HasLanguage == rhs.HasLanguage &&
		jld.DeepCompare(lhs.Context, rhs.Context, listOrderMatters)
}

// InverseEntry is the inverse context's entry for one IRI. film2ld: json-gold
// kept a map per container, per type/language and per value; for
// schema.org's 3,000 terms that was 40,000 allocations and 7 MB, a quarter
// of a film2ld process's CPU (P2 in UPSTREAM.md).
type InverseEntry struct {
	// Containers holds the IRI's container mappings (json-gold's
	// containerMap), each with its type/language map, in the order
	// GetInverse met them.
	Containers []InverseContainer
	// CurieTerm is the IRI's first term (in shortest-least order) when
	// that term is neither a keyword nor a term with a colon: json-gold's
	// fast CURIE map entry, the CURIE prefix IRI compaction may use.
	CurieTerm string
}

// InverseContainer is the type/language map of one container mapping:
// for each of @language, @type and @any, the term chosen for each value.
// (Its fields are exported for the inverse context ld/internal/sdoctx
// generates.)
type InverseContainer struct {
	Container           string
	Language, Type, Any TermMap
}

// TermMap maps a language, type or other value to a term. It holds one to
// a few entries, so a slice scanned in order serves better than a map.
type TermMap []TermChoice

// TermChoice is one entry of a TermMap: the term for a value.
type TermChoice struct{ Key, Term string }

// get returns the term for key.
func (m TermMap) get(key string) (string, bool) {
	for _, c := range m {
		if c.Key == key {
			return c.Term, true
		}
	}
	return "", false
}

// has reports whether m has a term for key.
func (m TermMap) has(key string) bool {
	_, ok := m.get(key)
	return ok
}

// set makes term the term for key.
func (m *TermMap) set(key, term string) {
	for i := range *m {
		if (*m)[i].Key == key {
			(*m)[i].Term = term
			return
		}
	}
	*m = append(*m, TermChoice{key, term})
}

// setDefault makes term the term for key unless key has one.
func (m *TermMap) setDefault(key, term string) {
	if !m.has(key) {
		*m = append(*m, TermChoice{key, term})
	}
}

// byName returns the type/language map for typeLanguage (@language,
// @type or @any).
func (tc *InverseContainer) byName(typeLanguage string) TermMap {
	switch typeLanguage {
	case "@language":
		return tc.Language
	case "@type":
		return tc.Type
	case "@any":
		return tc.Any
	}
	return nil
}

// container returns the type/language map of container, or nil.
func (e *InverseEntry) container(container string) *InverseContainer {
	for i := range e.Containers {
		if e.Containers[i].Container == container {
			return &e.Containers[i]
		}
	}
	return nil
}

// NewContext creates and returns a new Context object.
func NewContext(values map[string]interface{}, options *jld.JsonLdOptions) *Context {
	if options == nil {
		options = jld.NewJsonLdOptions("")
	}

	context := &Context{
		Values:          &Values{},
		options:         options,
		TermDefinitions: make(map[string]*TermDefinition),
		Protected:       make(map[string]bool),
	}

	context.Values.Base = options.Base

	if values != nil {
		if val, ok := values["@vocab"]; ok {
			s := val.(string)
			context.Values.Vocab = &s
		}
		if val, ok := values["@language"]; ok {
			context.Values.Language = val.(string)
			context.Values.HasLanguage = true
		}
	}

	context.Values.processingMode = options.ProcessingMode

	return context
}

func (c *Context) AsMap() map[string]interface{} {
	res := map[string]interface{}{
		"values":          c.Values,
		"termDefinitions": c.TermDefinitions,
		"inverse":         c.inverse,
		"protected":       c.Protected,
	}
	if c.previousContext != nil {
		res["previousContext"] = c.previousContext.AsMap()
	}
	return res
}

// WithOptions returns a copy of c, sharing its terms, whose options are o:
// the contexts expansion makes from it (a "@context": null inside a node,
// a scoped context) take them too. film2ld: a lenient expansion runs
// again out of safe mode, where a context's own options kept it in.
func (c *Context) WithOptions(o *jld.JsonLdOptions) *Context {
	cp := *c
	cp.options = o
	cp.inverse = nil // computed afresh, not written into c's
	return &cp
}

// CopyContext creates a full copy of the given context.
func CopyContext(ctx *Context) *Context {
	context := NewContext(nil, ctx.options)
	if ctx.Values != nil {
		values := *ctx.Values
		context.Values = &values
	}

	for k, v := range ctx.TermDefinitions {
		context.TermDefinitions[k] = v
	}

	for k, v := range ctx.Protected {
		context.Protected[k] = v
	}

	// do not copy c.inverse, because it will be regenerated

	if ctx.previousContext != nil {
		context.previousContext = CopyContext(ctx.previousContext)
	}

	return context
}

// Parse processes a local context, retrieving any URLs as necessary, and
// returns a new active context.
// Refer to http://www.w3.org/TR/json-ld-api/#context-processing-algorithms for details
// TODO pyLD is doing a fair bit more in process_context(self, active_ctx, local_ctx, options)
// than just parsing the context. In particular, we need to check if additional logic is required
// to load remote scoped contexts.
func (c *Context) Parse(localContext interface{}) (*Context, error) {
	return c.parse(localContext, make([]string, 0), false, true, false, false)
}

// parse processes a local context, retrieving any URLs as necessary, and
// returns a new active context.
//
// If parsingARemoteContext is true, localContext represents a remote context
// that has been parsed and sent into this method. This must be set to know
// whether to propagate the @base key from the context to the result.
func (c *Context) parse(localContext interface{}, remoteContexts []string, parsingARemoteContext, propagate,
	protected, overrideProtected bool) (*Context, error) { //nolint:unparam
	return c.parseWith(localContext, remoteContexts, parsingARemoteContext, propagate, protected, overrideProtected, true)
}

// parseWith is parse with the Context Processing algorithm's validate
// scoped context flag (film2ld): false while a scoped context is
// validated at definition time, where a remote context already being
// processed is not processed again (step 5.2.2) rather than an error.
func (c *Context) parseWith(localContext interface{}, remoteContexts []string, parsingARemoteContext, propagate,
	protected, overrideProtected, validateScoped bool) (*Context, error) {

	// normalize local context to an array of @context objects
	contexts := jld.Arrayify(localContext)

	// no contexts in array, return current active context w/o changes
	if len(contexts) == 0 {
		return c, nil
	}

	// override propagate if first resolved context has `@propagate`
	firstCtxMap, isMap := contexts[0].(map[string]interface{})
	propagateVal, propagateFound := firstCtxMap["@propagate"]
	if isMap && propagateFound {
		// retrieve early, error checking done later
		if propagateBool, isBool := propagateVal.(bool); isBool {
			propagate = propagateBool
		}
	}

	// 1. Initialize result to the result of cloning active context.
	result := CopyContext(c)

	// track the previous context
	// if not propagating, make sure result has a previous context
	if !propagate && result.previousContext == nil {
		result.previousContext = c
	}

	// 3)
contextLoop:
	for _, context := range contexts {
		// 3.1)
		if context == nil {
			// We can't nullify if there are protected terms and we're
			// not allowing overrides (e.g. processing a property term scoped context)
			if !overrideProtected && len(result.Protected) != 0 {
				return nil, jld.NewJsonLdError(jld.InvalidContextNullification,
					"tried to nullify a context with protected terms outside of a term definition.")
			}
			nullCtx := NewContext(nil, c.options)
			if !propagate {
				nullCtx.previousContext = result
			}
			result = nullCtx
			continue
		}

		var contextMap map[string]interface{}

		switch ctx := context.(type) {
		case *Context:
			result = ctx
		// 3.2)
		case string:
			uri := jld.Resolve(result.Values.Base, ctx)
			// 3.2.2
			for _, remoteCtx := range remoteContexts {
				if remoteCtx == uri {
					if !validateScoped {
						continue contextLoop
					}
					return nil, jld.NewJsonLdError(jld.RecursiveContextInclusion, uri)
				}
			}
			// film2ld: the contexts that include this one, not those
			// before it in the same array: a context named twice in one
			// array ([a, a], or two that both include a) is no
			// recursion, and was refused as one.
			including := append(remoteContexts[:len(remoteContexts):len(remoteContexts)], uri)

			// 3.2.3: Dereference context
			rd, err := c.options.DocumentLoader.LoadDocument(uri)
			if err != nil {
				return nil, loadError(uri, err)
			}
			remoteContextMap, isMap := rd.Document.(map[string]interface{})
			context, hasContextKey := remoteContextMap["@context"]
			if !isMap || !hasContextKey {
				// If the dereferenced document has no top-level JSON object
				// with an @context member
				return nil, jld.NewJsonLdError(jld.InvalidRemoteContext, context)
			}

			// 3.2.4
			// film2ld: the including contexts, with their contents
			// (json-gold made an empty slice and copied nothing, so a
			// context including itself was never detected; UPSTREAM.md,
			// pull request 1).
			resultRef, err := result.parseWith(context, including, true, true, false, overrideProtected, validateScoped)
			if err != nil {
				return nil, err
			}
			result = resultRef
			// 3.2.5
			continue
		case map[string]interface{}:
			contextMap = ctx
		default:
			// 3.3
			return nil, jld.NewJsonLdError(jld.InvalidLocalContext, context)
		}

		// dereference @context key if present
		if nestedContext := contextMap["@context"]; nestedContext != nil {
			contextMap, isMap = nestedContext.(map[string]interface{})
			if !isMap {
				return nil, jld.NewJsonLdError(jld.InvalidLocalContext, nestedContext)
			}
		}

		pm := c.Values.processingMode

		if versionValue, versionPresent := contextMap["@version"]; versionPresent {
			if versionValue != 1.1 {
				return nil, jld.NewJsonLdError(jld.InvalidVersionValue, fmt.Sprintf("unsupported JSON-LD version: %s", versionValue))
			}
			if pm == jld.JsonLd_1_0 {
				return nil, jld.NewJsonLdError(jld.ProcessingModeConflict, fmt.Sprintf("@version: %v not compatible with %s", versionValue, pm))
			}
			result.Values.processingMode = jld.JsonLd_1_1
			ver := versionValue.(float64)
			result.Values.Version = &ver
		} else if pm == "" {
			// if not set explicitly, set processingMode to "json-ld-1.0"
			result.Values.processingMode = jld.JsonLd_1_0
		} else {
			result.Values.processingMode = pm
		}

		// handle @import
		if importValue, importFound := contextMap["@import"]; importFound {
			if result.processingMode(1.0) {
				return nil, jld.NewJsonLdError(jld.InvalidContextEntry, "@import may only be used in 1.1 mode")
			}
			importStr, isString := importValue.(string)
			if !isString {
				return nil, jld.NewJsonLdError(jld.InvalidImportValue, "@import must be a string")
			}
			uri := jld.Resolve(result.Values.Base, importStr)

			rd, err := c.options.DocumentLoader.LoadDocument(uri)
			if err != nil {
				return nil, loadError(uri, err)
			}
			importCtxDocMap, isMap := rd.Document.(map[string]interface{})
			context, hasContextKey := importCtxDocMap["@context"]
			if !isMap || !hasContextKey {
				// If the de-referenced document has no top-level JSON object
				// with an @context member
				return nil, jld.NewJsonLdError(jld.InvalidRemoteContext, context)
			}

			if importCtxMap, isMap := context.(map[string]interface{}); isMap {
				if _, found := importCtxMap["@import"]; found {
					return nil, jld.NewJsonLdError(jld.InvalidContextEntry,
						fmt.Sprintf("%s must not include @import entry", importStr))
				}

				// merge import context into the outer context
				for k, v := range contextMap {
					importCtxMap[k] = v
				}
				contextMap = importCtxMap
			} else {
				return nil, jld.NewJsonLdError(jld.InvalidRemoteContext, fmt.Sprintf("%s must be an object", importStr))
			}
		}

		// 3.4
		baseValue, basePresent := contextMap["@base"]
		if !parsingARemoteContext && basePresent {
			if baseValue == nil {
				result.Values.Base = ""
			} else if baseString, isString := baseValue.(string); isString {
				if jld.IsAbsoluteIri(baseString) {
					result.Values.Base = baseString
				} else {
					baseURI := result.Values.Base
					if !jld.IsAbsoluteIri(baseURI) {
						return nil, jld.NewJsonLdError(jld.InvalidBaseIRI, baseURI)
					}
					result.Values.Base = jld.Resolve(baseURI, baseString)
				}
			} else {
				return nil, jld.NewJsonLdError(jld.InvalidBaseIRI, "the value of @base in a @context must be a string or null")
			}
		}

		// handle @language
		if languageValue, languagePresent := contextMap["@language"]; languagePresent {
			if languageValue == nil {
				result.Values.HasLanguage = false
				result.Values.Language = ""
			} else if languageString, isString := languageValue.(string); isString {
				result.Values.HasLanguage = true
				result.Values.Language = strings.ToLower(languageString)
			} else {
				return nil, jld.NewJsonLdError(jld.InvalidDefaultLanguage, languageValue)
			}
		}

		// handle @direction
		if directionValue, directionPresent := contextMap["@direction"]; directionPresent {
			if directionValue == nil {
				result.Values.Direction = ""
			} else if directionString, isString := directionValue.(string); isString {
				if directionString == "rtl" || directionString == "ltr" {
					result.Values.Direction = strings.ToLower(directionString)
				} else {
					return nil, jld.NewJsonLdError(jld.InvalidBaseDirection, directionValue)
				}
			} else {
				return nil, jld.NewJsonLdError(jld.InvalidBaseDirection, directionValue)
			}
		}

		// 3.7
		// TODO: check JS implementation. This structure is populated with a lot more values
		defined := make(map[string]bool)

		// handle @propagate
		// note: we've already extracted it, here we just do error checking
		if propagateValue, propagatePresent := contextMap["@propagate"]; propagatePresent {
			if c.processingMode(1.0) {
				return nil, jld.NewJsonLdError(jld.InvalidContextEntry,
					fmt.Sprintf("@propagate not compatible with %s", c.Values.processingMode))
			}
			if _, isBool := propagateValue.(bool); isBool {
				defined["@propagate"] = true
			} else {
				return nil, jld.NewJsonLdError(jld.InvalidPropagateValue, "@propagate value must be a boolean")
			}
		}

		if vocabValue, vocabPresent := contextMap["@vocab"]; vocabPresent {
			if vocabValue == nil {
				result.Values.Vocab = nil
			} else if vocabString, isString := vocabValue.(string); isString {
				if !jld.IsAbsoluteIri(vocabString) && c.processingMode(1.0) {
					return nil, jld.NewJsonLdError(jld.InvalidVocabMapping, "@vocab must be an absolute IRI in 1.0 mode")
				}
				expandedVocab, err := result.ExpandIri(vocabString, true, true, nil, nil)
				if err != nil {
					return nil, err
				}
				result.Values.Vocab = &expandedVocab
			} else {
				return nil, jld.NewJsonLdError(jld.InvalidVocabMapping, "@vocab must be a string or null")
			}
		}

		// handle @protected; determine whether this sub-context is declaring
		// all its terms to be "protected" (exceptions can be made on a
		// per-definition basis)
		if protectedVal, protectedPresent := contextMap["@protected"]; protectedPresent {
			defined["@protected"] = protectedVal.(bool)
		} else if protected {
			defined["@protected"] = true
		}

		result.remoteChain = remoteContexts
		// In key order, not the map's: of two bad terms, the same one is
		// reported on every run (film2ld: output is deterministic).
		for _, key := range slices.Sorted(maps.Keys(contextMap)) {
			if _, skip := nonTermDefKeys[key]; !skip {
				if err := result.createTermDefinition(contextMap, key, defined, overrideProtected); err != nil {
					return nil, err
				}
			}
		}
		result.remoteChain = nil
	}

	return result, nil
}

// CompactValue performs value compaction on an object with @value or @id as the only property.
// See https://www.w3.org/TR/2019/CR-json-ld11-api-20191212/#value-compaction
func (c *Context) CompactValue(activeProperty string, value map[string]interface{}) (interface{}, error) {

	// 1
	var result interface{} = value

	// 2
	language := c.GetLanguageMapping(activeProperty)

	// 3
	direction := c.GetDirectionMapping(activeProperty)

	isIndexContainer := c.HasContainerMapping(activeProperty, "@index")
	// whether or not the value has an @index that must be preserved
	_, hasIndex := value["@index"]
	idVal, hasID := value["@id"]
	typeVal, hasType := value["@type"]
	//preserveIndex := hasIndex && !isIndexContainer

	idOrIndex := true
	for k := range value {
		if k != "@id" && k != "@index" {
			idOrIndex = false
			break
		}
	}

	propType := ""
	if td := c.GetTermDefinition(activeProperty); td != nil {
		propType = td.Type
	}

	languageVal := ""
	if s := value["@language"]; s != nil {
		languageVal = s.(string)
	}

	directionVal := ""
	if s := value["@direction"]; s != nil {
		directionVal = s.(string)
	}

	var err error

	if hasID && idOrIndex { // 4
		if propType == "@id" { // 4.1
			result, err = c.CompactIri(idVal.(string), nil, false, false)
			if err != nil {
				return nil, err
			}
		} else if propType == "@vocab" { // 4.2
			result, err = c.CompactIri(idVal.(string), nil, true, false)
			if err != nil {
				return nil, err
			}
		} else {
			compactedID, err := c.CompactIri("@id", nil, true, false)
			if err != nil {
				return nil, err
			}
			compactedValue, err := c.CompactIri(idVal.(string), nil, false, false)
			if err != nil {
				return nil, err
			}
			result = map[string]interface{}{
				compactedID: compactedValue,
			}
		}
	} else if hasType && typeVal == propType { // 5
		// compact common datatype
		result = value["@value"]
	} else if propType == "@none" || (hasType && typeVal != propType) { // 6
		// use original expanded value
		result = value
	} else if _, isString := value["@value"].(string); !isString && ((hasIndex && isIndexContainer) || !hasIndex) { // 7   // && hasIndex && isIndexContainer
		result = value["@value"]
		//if hasIndex && isIndexContainer {
		//	result = value["@value"]
		//}
	} else if (languageVal == language) && directionVal == direction { // 8
		// compact language and direction
		if (hasIndex && isIndexContainer) || !hasIndex {
			result = value["@value"]

			return result, nil
		}
	}

	resultMap, isMap := result.(map[string]interface{})
	if isMap && resultMap["@type"] != nil && value["@type"] != "@json" { // 6.1

		// create a copy of result (because it can be the same map as 'value'
		newMap := make(map[string]interface{}, len(resultMap))
		for k, v := range resultMap {
			newMap[k] = v
		}

		// compact values of @type
		if tt, isArray := newMap["@type"].([]interface{}); isArray {
			newTT := make([]interface{}, len(tt))
			for i, t := range tt {
				newTT[i], err = c.CompactIri(t.(string), nil, true, false)
				if err != nil {
					return nil, err
				}
			}
			newMap["@type"] = newTT
		} else {
			newMap["@type"], err = c.CompactIri(newMap["@type"].(string), nil, true, false)
			if err != nil {
				return nil, err
			}
		}

		result = newMap
	}

	// 9
	resultMap, isMap = result.(map[string]interface{})
	if isMap {
		newMap := make(map[string]interface{}, len(resultMap))
		for k, v := range resultMap {
			if k == "@index" && !(hasIndex && !isIndexContainer) {
				//// don't preserve @index
				continue
			}
			keyAlias, err := c.CompactIri(k, nil, true, false)
			if err != nil {
				return nil, err
			}
			newMap[keyAlias] = v
		}

		result = newMap
	}

	return result, nil
}

// processingMode returns true if the given version is compatible with the current processing mode
func (c *Context) processingMode(version float64) bool {
	mode := c.Values.processingMode
	if version >= 1.1 {
		if mode != "" {
			return mode >= fmt.Sprintf("json-ld-%v", version)
		} else {
			return false
		}
	} else {
		if mode != "" {
			return mode == jld.JsonLd_1_0
		} else {
			return true
		}
	}
}

// loadError is the error of a context that could not be loaded. film2ld:
// where the loader found what JSON-LD names (its loader checks a context
// before parsing: not an object is invalid remote context, an @import in an
// imported context invalid context entry), that code is kept; json-gold
// made every loader error loading remote context failed.
func loadError(uri string, err error) error {
	var coded *jld.JsonLdError
	if errors.As(err, &coded) {
		return jld.NewJsonLdError(coded.Code, fmt.Errorf("%s: %w", uri, err))
	}
	return jld.NewJsonLdError(jld.LoadingRemoteContextFailed,
		fmt.Errorf("dereferencing a URL did not result in a valid JSON-LD context (%s): %w", uri, err))
}

// createTermDefinition creates a term definition in the active context
// for a term being processed in a local context as described in
// http://www.w3.org/TR/json-ld-api/#create-term-definition
func (c *Context) createTermDefinition(context map[string]interface{}, term string,
	defined map[string]bool, overrideProtected bool) error {

	if definedValue, inDefined := defined[term]; inDefined {
		if definedValue {
			return nil
		}
		return jld.NewJsonLdError(jld.CyclicIRIMapping, term)
	}

	defined[term] = false

	value := context[term]
	mapValue, isMap := value.(map[string]interface{})
	idValue, hasID := mapValue["@id"]
	if value == nil || (isMap && hasID && idValue == nil) {
		// film2ld: a null term definition can be protected, and then
		// cannot be redefined; nor can a protected term be nulled (Create
		// Term Definition steps 11 and 27). json-gold stored nil and
		// forgot the protection (W3C expand pr28).
		prev, hadTerm := c.TermDefinitions[term]
		if hadTerm && prev != nil && prev.Protected && !overrideProtected {
			return jld.NewJsonLdError(jld.ProtectedTermRedefinition, "invalid JSON-LD syntax; tried to redefine a protected term")
		}
		protectedVal, protectedFound := mapValue["@protected"].(bool)
		if (protectedFound && protectedVal) || (defined["@protected"] && !(protectedFound && !protectedVal)) {
			c.Protected[term] = true
		}
		c.TermDefinitions[term] = nil
		defined[term] = true
		return nil
	}

	simpleTerm := false
	if _, isString := value.(string); isString {
		mapValue = map[string]interface{}{"@id": value}
		simpleTerm = true
		isMap = true
	}

	if !isMap {
		return jld.NewJsonLdError(jld.InvalidTermDefinition, value)
	}

	if IsKeyword(term) {
		vmap, isMap := value.(map[string]interface{})
		var hasAllowedKeysOnly = true
		for k := range vmap {
			if k != "@container" && k != "@protected" {
				hasAllowedKeysOnly = false
				break
			}
		}
		isSet := isMap && (vmap["@container"] == "@set" || vmap["@container"] == nil)
		if c.processingMode(1.1) && term == "@type" && hasAllowedKeysOnly && isSet {
			// this is the only case were redefining a keyword is allowed
		} else {
			return jld.NewJsonLdError(jld.KeywordRedefinition, term)
		}
	} else if ignoredKeywordPattern().MatchString(term) {
		//log.Printf("Terms beginning with '@' are reserved for future use and ignored: %s.", term)
		return nil
	}

	// keep reference to previous mapping for potential `@protected` check
	prevDefinition, hadTerm := c.TermDefinitions[term]
	// film2ld: a protected null term (see above).
	if hadTerm && prevDefinition == nil && c.Protected[term] && !overrideProtected {
		return jld.NewJsonLdError(jld.ProtectedTermRedefinition, "invalid JSON-LD syntax; tried to redefine a protected term")
	}

	delete(c.TermDefinitions, term)

	// casting the value so it doesn't have to be done below everytime
	val := mapValue

	// 9) create a new term definition
	var definition = &TermDefinition{}

	// make sure term definition only has expected keywords
	validKeys := map[string]bool{
		"@container": true,
		"@id":        true,
		"@language":  true,
		"@reverse":   true,
		"@type":      true,
	}
	if c.processingMode(1.1) {
		validKeys["@context"] = true
		validKeys["@direction"] = true
		validKeys["@index"] = true
		validKeys["@nest"] = true
		validKeys["@prefix"] = true
		validKeys["@protected"] = true
	}
	for _, k := range slices.Sorted(maps.Keys(val)) { // film2ld: the same key reported on every run
		if _, isValid := validKeys[k]; !isValid {
			return jld.NewJsonLdError(jld.InvalidTermDefinition, fmt.Sprintf("a term definition must not contain %s", k))
		}
	}

	// always compute whether term has a colon as an optimization for _compact_iri
	colIndex := strings.Index(term, ":")
	termHasColon := colIndex > 0

	definition.Reverse = false
	definition.termHasColon = termHasColon

	// 11)
	if reverseValue, present := val["@reverse"]; present {
		if _, idPresent := val["@id"]; idPresent {
			return jld.NewJsonLdError(jld.InvalidReverseProperty, "an @reverse term definition must not contain @id.")
		}
		if _, nestPresent := val["@nest"]; nestPresent {
			return jld.NewJsonLdError(jld.InvalidReverseProperty, "an @reverse term definition must not contain @nest.")
		}
		reverseStr, isString := reverseValue.(string)
		if !isString {
			return jld.NewJsonLdError(jld.InvalidIRIMapping,
				fmt.Sprintf("expected string for @reverse value. got %v", reverseValue))
		}
		// film2ld: a value of the form of a keyword leaves the term
		// undefined (Create Term Definition step 14.3), checked before the
		// value is expanded: json-gold checked after, and "@ignoreMe" is
		// no absolute IRI, so it raised invalid IRI mapping (W3C expand
		// pr38, pr39). The term counts as processed, or a later
		// reference to it would be a cyclic IRI mapping.
		if ignoredKeywordPattern().MatchString(reverseStr) {
			defined[term] = true
			return nil
		}
		id, err := c.ExpandIri(reverseStr, false, true, context, defined)
		if err != nil {
			return err
		}
		if !jld.IsAbsoluteIri(id) {
			return jld.NewJsonLdError(jld.InvalidIRIMapping, fmt.Sprintf(
				"@context @reverse value must be an absolute IRI or a blank node identifier, got %s", id))
		}

		definition.ID = id
		definition.Reverse = true
	} else if idValue, hasID := val["@id"]; hasID { // 13)
		idStr, isString := idValue.(string)
		if !isString {
			return jld.NewJsonLdError(jld.InvalidIRIMapping, "expected value of @id to be a string")
		}

		if term != idStr {

			if !IsKeyword(idStr) && ignoredKeywordPattern().MatchString(idStr) {
				//log.Printf("Values beginning with '@' are reserved for future use and ignored: %s.", idStr)
				return nil
			}

			res, err := c.ExpandIri(idStr, false, true, context, defined)
			if err != nil {
				return err
			}
			if IsKeyword(res) || jld.IsAbsoluteIri(res) {
				if res == "@context" {
					return jld.NewJsonLdError(jld.InvalidKeywordAlias, "cannot alias @context")
				}
				definition.ID = res

				if iriLikeTermPattern().MatchString(term) {
					defined[term] = true
					termIRI, err := c.ExpandIri(term, false, true, context, defined)
					if err != nil {
						return err
					}
					if termIRI != res {
						return jld.NewJsonLdError(jld.InvalidIRIMapping,
							fmt.Sprintf("term %s expands to %s, not %s", term, res, termIRI),
						)
					}
					delete(defined, term)
				}

				// NOTE: definition["_prefix"] is implemented in Python and JS libraries as follows:
				//
				// definition["_prefix"] = !termHasColon && regexExp.MatchString(res) && (simpleTerm || c.processingMode(1.0))
				//
				// but the test https://json-ld.org/test-suite/tests/compact-manifest.jsonld#t0038 fails. TODO investigate

				termHasSuffix := false
				if len(res) > 0 {
					switch res[len(res)-1] {
					case ':', '/', '?', '#', '[', ']', '@':
						termHasSuffix = true
					default:
						termHasSuffix = false
					}
				}

				prefix := !termHasColon && termHasSuffix && (simpleTerm || c.processingMode(1.0))
				definition.Prefix = &prefix
			} else {
				return jld.NewJsonLdError(jld.InvalidIRIMapping,
					"resulting IRI mapping should be a keyword, absolute IRI or blank node")
			}
		}
		// 14)
	}

	if definition.ID == "" {
		if termHasColon {
			prefix := term[0:colIndex]
			if _, containsPrefix := context[prefix]; containsPrefix {
				if err := c.createTermDefinition(context, prefix, defined, overrideProtected); err != nil {
					return err
				}
			}
			if termDef, hasTermDef := c.TermDefinitions[prefix]; hasTermDef {
				suffix := term[colIndex+1:]
				definition.ID = termDef.ID + suffix
			} else {
				definition.ID = term
			}
			// 15)
		} else if vocabValue := c.Values.Vocab; vocabValue != nil {
			definition.ID = *vocabValue + term
		} else if term != "@type" {
			return jld.NewJsonLdError(jld.InvalidIRIMapping, "relative term definition without vocab mapping")
		}
	}

	// handle term protection
	valProtected, protectedFound := mapValue["@protected"]
	if (protectedFound && valProtected.(bool)) || (defined["@protected"] && !(protectedFound && !valProtected.(bool))) {
		c.Protected[term] = true
		definition.Protected = true
	}

	defined[term] = true

	// 10)
	if typeValue, present := val["@type"]; present {
		typeStr, isString := typeValue.(string)
		if !isString {
			return jld.NewJsonLdError(jld.InvalidTypeMapping, typeValue)
		}
		if (typeStr == "@json" || typeStr == "@none") && c.processingMode(1.0) {
			return jld.NewJsonLdError(jld.InvalidTypeMapping,
				fmt.Sprintf("unknown mapping for @type: %s on term %s", typeStr, term))
		}
		if typeStr != "@id" && typeStr != "@vocab" && typeStr != "@json" && typeStr != "@none" {
			// expand @type to full IRI
			var err error
			typeStr, err = c.ExpandIri(typeStr, false, true, context, defined)
			if err != nil {
				var ldErr *jld.JsonLdError
				if ok := errors.As(err, &ldErr); !ok || ldErr.Code != jld.InvalidIRIMapping {
					return err
				}
				return jld.NewJsonLdError(jld.InvalidTypeMapping, typeStr)
			}
			if !jld.IsAbsoluteIri(typeStr) {
				return jld.NewJsonLdError(jld.InvalidTypeMapping, "an @context @type value must be an absolute IRI")
			}
			if strings.HasPrefix(typeStr, "_:") {
				return jld.NewJsonLdError(jld.InvalidTypeMapping, "an @context @type values must be an IRI, not a blank node identifier")
			}
		}

		// add @type to mapping
		definition.Type = typeStr
	}

	// 16)
	if containerVal, hasContainer := val["@container"]; hasContainer {
		containerArray, isArray := containerVal.([]interface{})
		var container []string
		containerValueMap := make(map[string]bool)
		if isArray {
			container = make([]string, 0)
			for _, c := range containerArray {
				container = append(container, c.(string))
				containerValueMap[c.(string)] = true
			}
		} else {
			container = []string{containerVal.(string)}
			containerValueMap[containerVal.(string)] = true
		}

		validContainers := map[string]bool{
			"@list":     true,
			"@set":      true,
			"@index":    true,
			"@language": true,
		}
		if c.processingMode(1.1) {
			validContainers["@graph"] = true
			validContainers["@id"] = true
			validContainers["@type"] = true

			// check container length

			if _, hasList := containerValueMap["@list"]; hasList && len(container) != 1 {
				return jld.NewJsonLdError(jld.InvalidContainerMapping,
					"@context @container with @graph must have no other values other than @id, @index, and @set")
			}

			if _, hasGraph := containerValueMap["@graph"]; hasGraph {
				validKeys := map[string]bool{
					"@graph": true,
					"@id":    true,
					"@index": true,
					"@set":   true,
				}
				for key := range containerValueMap {
					if _, found := validKeys[key]; !found {
						return jld.NewJsonLdError(jld.InvalidContainerMapping,
							"@context @container with @list must have no other values.")
					}
				}
			} else {
				maxLen := 1
				if _, hasSet := containerValueMap["@set"]; hasSet {
					maxLen = 2
				}
				if len(container) > maxLen {
					return jld.NewJsonLdError(jld.InvalidContainerMapping, "@set can only be combined with one more type")
				}
			}

			if _, hasType := containerValueMap["@type"]; hasType {
				// if mapping does not have an @type, set it to @id
				if definition.Type == "" {
					definition.Type = "@id"
				}

				if definition.Type != "@id" && definition.Type != "@vocab" {
					return jld.NewJsonLdError(jld.InvalidTypeMapping,
						"container: @type requires @type to be @id or @vocab")
				}
			}
		} else {
			// json-ld-1.0
			if _, isString := containerVal.(string); !isString {
				return jld.NewJsonLdError(jld.InvalidContainerMapping, "@container must be a string")
			}
		}

		// check against valid containers
		for _, v := range container {
			if _, isValidContainer := validContainers[v]; !isValidContainer {
				allowedValues := slices.Sorted(maps.Keys(validContainers)) // film2ld: in one order
				return jld.NewJsonLdError(jld.InvalidContainerMapping, fmt.Sprintf(
					"@context @container value must be one of the following: %q", allowedValues))
			}
		}

		// @set not allowed with @list
		_, hasSet := containerValueMap["@set"]
		_, hasList := containerValueMap["@list"]
		if hasSet && hasList {
			return jld.NewJsonLdError(jld.InvalidContainerMapping, "@set not allowed with @list")
		}

		if definition.Reverse {

			for key := range containerValueMap {
				if key != "@index" && key != "@set" {
					return jld.NewJsonLdError(jld.InvalidReverseProperty,
						"@context @container value for an @reverse type definition must be @index or @set")
				}
			}
		}

		definition.Container = container

		if term == "@type" {
			definition.ID = "@type"
		}
	}

	// property indexing
	if indexVal, hasIndex := val["@index"]; hasIndex {
		_, hasContainer := val["@container"]
		tdHasContainer := definition.Container != nil
		if !hasContainer || !tdHasContainer {
			return jld.NewJsonLdError(jld.InvalidTermDefinition,
				fmt.Sprintf("@index without @index in @container: %s on term %s", indexVal, term))
		}
		indexStr, isString := indexVal.(string)
		if !isString || strings.HasPrefix(indexStr, "@") {
			return jld.NewJsonLdError(jld.InvalidTermDefinition,
				fmt.Sprintf("@index must expand to an IRI: %s on term %s", indexVal, term))
		}
		definition.Index = indexStr
	}

	// scoped contexts
	if ctxVal, hasCtx := val["@context"]; hasCtx {
		// film2ld: a scoped context is processed when the term is
		// defined, so that an error in it is found even if the term is
		// never used (Create Term Definition step 21.3: invalid scoped
		// context; W3C expand c033). json-gold only stored it.
		chain := make([]string, len(c.remoteChain))
		copy(chain, c.remoteChain)
		if _, err := c.parseWith(ctxVal, chain, false, true, false, true, false); err != nil {
			return jld.NewJsonLdError(invalidScopedContext, err)
		}
		definition.Context = ctxVal
		definition.HasContext = true
	}

	// 17)
	_, hasType := val["@type"]
	if languageVal, hasLanguage := val["@language"]; hasLanguage && !hasType {
		if language, isString := languageVal.(string); isString {
			s := strings.ToLower(language)
			definition.Language = &s
			definition.HasLanguage = true
		} else if languageVal == nil {
			definition.Language = nil
			definition.HasLanguage = true
		} else {
			return jld.NewJsonLdError(jld.InvalidLanguageMapping, "@language must be a string or null")
		}
	}

	// term may be used as prefix
	if prefixVal, hasPrefix := val["@prefix"]; hasPrefix {
		if invalidPrefixPattern().MatchString(term) {
			return jld.NewJsonLdError(jld.InvalidTermDefinition, "@prefix used on compact or relative IRI term")
		}
		prefix, isBool := prefixVal.(bool)
		if !isBool {
			return jld.NewJsonLdError(jld.InvalidPrefixValue, "@context value for @prefix must be boolean")
		}
		if IsKeyword(definition.ID) {
			return jld.NewJsonLdError(jld.InvalidTermDefinition, "keywords may not be used as prefixes")
		}
		definition.Prefix = &prefix
	}

	// handle direction
	if directionVal, hasDirection := val["@direction"]; hasDirection {
		if dir, isString := directionVal.(string); isString {
			s := strings.ToLower(dir)
			definition.Direction = &s
			definition.HasDirection = true
		} else if directionVal == nil {
			definition.Direction = nil
			definition.HasDirection = true
		} else {
			return jld.NewJsonLdError(jld.InvalidBaseDirection,
				fmt.Sprintf("direction must be null, 'ltr', or 'rtl', was %s on term %s", directionVal, term))
		}
	}

	// nesting
	if nestVal, hasNest := val["@nest"]; hasNest {
		nest, isString := nestVal.(string)
		if !isString || (nest != "@nest" && nest[0] == '@') {
			return jld.NewJsonLdError(jld.InvalidNestValue,
				"@context @nest value must be a string which is not a keyword other than @nest")
		}
		definition.Nest = nest
	}

	// disallow aliasing @context and @preserve
	if id := definition.ID; id == "@context" || id == "@preserve" {
		return jld.NewJsonLdError(jld.InvalidKeywordAlias, "@context and @preserve cannot be aliased")
	}

	// Check for overriding protected terms
	if prevDefinition != nil {
		if protectedVal := prevDefinition.Protected; protectedVal && !overrideProtected {
			// force new term to continue to be protected and see if the mappings would be equal
			c.Protected[term] = true
			definition.Protected = true
			if !DeepCompareTermDef(prevDefinition, definition, false) {
				return jld.NewJsonLdError(jld.ProtectedTermRedefinition, "invalid JSON-LD syntax; tried to redefine a protected term")
			}
		}
	}

	// 18)
	c.TermDefinitions[term] = definition

	return nil
}

// RevertToPreviousContext reverts any type-scoped context in this active context to the previous context.
func (c *Context) RevertToPreviousContext() *Context {
	if c.previousContext == nil {
		return c
	} else {
		return CopyContext(c.previousContext)
	}
}

// ExpandIri expands a string value to a full IRI.
//
// The string may be a term, a prefix, a relative IRI, or an absolute IRI.
// The associated absolute IRI will be returned.
//
// value: the string value to expand.
// relative: true to resolve IRIs against the base IRI, false not to.
// vocab: true to concatenate after @vocab, false not to.
// context: the local context being processed (only given if called during context processing).
// defined: a map for tracking cycles in context definitions (only given if called during context processing).
func (c *Context) ExpandIri(value string, relative bool, vocab bool, context map[string]interface{},
	defined map[string]bool) (string, error) {
	// 1)
	if IsKeyword(value) {
		return value, nil
	}

	if !IsKeyword(value) && ignoredKeywordPattern().MatchString(value) {
		return "", nil
	}

	// 2)
	if context != nil {
		if _, containsKey := context[value]; containsKey && !defined[value] {
			if err := c.createTermDefinition(context, value, defined, false); err != nil {
				return "", err
			}
		}
	}
	// 3)
	if termDef, hasTermDef := c.TermDefinitions[value]; vocab && hasTermDef {
		if termDef != nil {
			return termDef.ID, nil
		}

		return "", nil
	}

	// 4)
	// check if value contains a colon (`:`) anywhere but as the first character
	colIndex := strings.Index(value, ":")
	if colIndex > 0 {
		// 4.1)
		prefix := value[0:colIndex]
		suffix := value[colIndex+1:]
		// 4.2)
		if prefix == "_" || strings.HasPrefix(suffix, "//") {
			return value, nil
		}
		// 4.3)
		if context != nil {
			if _, containsPrefix := context[prefix]; containsPrefix && !defined[prefix] {
				if err := c.createTermDefinition(context, prefix, defined, false); err != nil {
					return "", err
				}
			}
		}
		// 4.4)
		// If active context contains a term definition for prefix, return the result of concatenating
		// the IRI mapping associated with prefix and suffix.
		termDef, hasPrefix := c.TermDefinitions[prefix]
		if hasPrefix && termDef.ID != "" && termDef.Prefix != nil && *termDef.Prefix {
			return termDef.ID + suffix, nil
		} else if jld.IsAbsoluteIri(value) {
			// Otherwise, if the value has the form of an absolute IRI, return it
			return value, nil
		}
		// Otherwise, it is a relative IRI
	}

	// 5)
	if vocabValue := c.Values.Vocab; vocab && vocabValue != nil {
		return *vocabValue + value, nil
	} else if relative {
		// 6)
		baseValue := c.Values.Base
		hasBase := baseValue != ""
		var base string
		if hasBase {
			base = baseValue
		} else {
			base = ""
		}
		return jld.Resolve(base, value), nil
	} else if context != nil && isRelativeIri(value) {
		return "", jld.NewJsonLdError(jld.InvalidIRIMapping, "not an absolute IRI: "+value)
	}
	// 7)
	return value, nil
}

// CompactIri compacts an IRI or keyword into a term or CURIE if it can be.
// If the IRI has an associated value it may be passed.
//
// iri: the IRI to compact.
// value: the value to check or None.
// relativeToVocab: true to compact using @vocab if available, false not to.
// reverse: true if a reverse property is being compacted, false if not.
//
// Returns the compacted term, prefix, keyword alias, or original IRI.
func (c *Context) CompactIri(iri string, value interface{}, relativeToVocab bool, reverse bool) (string, error) {
	// 1)
	if iri == "" {
		return "", nil
	}

	if c.static == nil {
		// Builds the inverse context and curieLens on first use.
		c.GetInverse()
	}

	// term is a keyword, force relativeToVocab to True
	if IsKeyword(iri) {
		// look for an alias
		if entry := c.inverseEntry(iri); entry != nil {
			if tc := entry.container("@none"); tc != nil {
				if term, found := tc.Type.get("@none"); found {
					return term, nil
				}
			}
		}
		relativeToVocab = true
	}

	// 2)
	if relativeToVocab {
		if c.inverseEntry(iri) != nil {
			var defaultLanguage string
			langVal, hasLang := c.Values.Language, c.Values.HasLanguage
			if dir := c.Values.Direction; hasLang && dir != "" {
				defaultLanguage = fmt.Sprintf("%s_%s", langVal, dir)
			} else {
				if hasLang {
					defaultLanguage = langVal
				} else {
					defaultLanguage = "@none"
				}
			}

			// 2.2)

			// prefer @index if available in value
			containers := make([]string, 0)

			valueMap, isObject := value.(map[string]interface{})
			if isObject {

				_, hasIndex := valueMap["@index"]
				_, hasGraph := valueMap["@graph"]
				if hasIndex && !hasGraph {
					containers = append(containers, "@index", "@index@set")
				}

				// if value is a preserve object, use its value
				if pv, hasPreserve := valueMap["@preserve"]; hasPreserve {
					value = pv.([]interface{})[0]
					valueMap, isObject = value.(map[string]interface{})
				}
			}

			// prefer most specific container including @graph
			if jld.IsGraph(value) {

				_, hasIndex := valueMap["@index"]
				_, hasID := valueMap["@id"]

				if hasIndex {
					containers = append(containers, "@graph@index", "@graph@index@set", "@index", "@index@set")
				}
				if hasID {
					containers = append(containers, "@graph@id", "@graph@id@set")
				}
				containers = append(containers, "@graph", "@graph@set", "@set")
				if !hasIndex {
					containers = append(containers, "@graph@index", "@graph@index@set", "@index", "@index@set")
				}
				if !hasID {
					containers = append(containers, "@graph@id", "@graph@id@set")
				}
			} else if isObject && !jld.IsValue(value) {
				containers = append(containers, "@id", "@id@set", "@type", "@set@type")
			}

			// 2.3)

			// defaults for term selection based on type/language
			typeLanguage := "@language"
			typeLanguageValue := "@null"

			// 2.5)
			if reverse {
				typeLanguage = "@type"
				typeLanguageValue = "@reverse"
				containers = append(containers, "@set")
			} else if valueList, containsList := valueMap["@list"]; containsList {

				if _, containsIndex := valueMap["@index"]; !containsIndex {
					containers = append(containers, "@list")
				}

				list := valueList.([]interface{})

				var commonType string
				var commonLanguage string
				if len(list) == 0 {
					commonLanguage = defaultLanguage
					commonType = "@id"
				}

				for _, item := range list {
					// 2.6.4.1)
					itemLanguage := "@none"
					itemType := "@none"
					// 2.6.4.2)
					if jld.IsValue(item) {
						// 2.6.4.2.1)
						itemMap := item.(map[string]interface{})
						dirVal, hasDir := itemMap["@direction"]
						langVal, hasLang := itemMap["@language"]
						if hasDir {
							if hasLang {
								itemLanguage = fmt.Sprintf("%s_%s", itemMap["@language"], dirVal)
							} else {
								itemLanguage = fmt.Sprintf("_%s", dirVal)
							}
						} else if hasLang {
							itemLanguage = langVal.(string)
						} else if typeVal, hasType := itemMap["@type"]; hasType {
							itemType = typeVal.(string)
						} else {
							itemLanguage = "@null"
						}
					} else {
						itemType = "@id"
					}

					if commonLanguage == "" {
						commonLanguage = itemLanguage
					} else if commonLanguage != itemLanguage && jld.IsValue(item) {
						commonLanguage = "@none"
					}

					if commonType == "" {
						commonType = itemType
					} else if commonType != itemType {
						commonType = "@none"
					}

					if commonLanguage == "@none" && commonType == "@none" {
						break
					}
				}

				if commonLanguage == "" {
					commonLanguage = "@none"
				}

				if commonType == "" {
					commonType = "@none"
				}

				if commonType != "@none" {
					typeLanguage = "@type"
					typeLanguageValue = commonType
				} else {
					typeLanguageValue = commonLanguage
				}
			} else {
				// 2.7)
				// 2.7.1)
				if jld.IsValue(value) {

					// 2.7.1.1)
					langVal, hasLang := valueMap["@language"]
					_, hasIndex := valueMap["@index"]
					if hasLang && !hasIndex {
						containers = append(containers, "@language", "@language@set")
						if dir, hasDir := valueMap["@direction"]; hasDir {
							typeLanguageValue = fmt.Sprintf("%s_%s", langVal, dir)
						} else {
							typeLanguageValue = langVal.(string)
						}
					} else if dir, hasDir := valueMap["@direction"]; hasDir && !hasIndex {
						typeLanguageValue = fmt.Sprintf("_%s", dir)
					} else if typeVal, hasType := valueMap["@type"]; hasType {
						// 2.7.1.2)
						typeLanguage = "@type"
						typeLanguageValue = typeVal.(string)
					}
				} else {
					// 2.7.2)
					typeLanguage = "@type"
					typeLanguageValue = "@id"
				}
				// 2.7.3)
				containers = append(containers, "@set")
			}
			// 2.8)
			containers = append(containers, "@none")

			// an index map can be used to index values using @none, so add as
			// a low priority
			if isObject {
				if _, hasIndex := valueMap["@index"]; !hasIndex {
					containers = append(containers, "@index", "@index@set")
				}
			}

			// values without type or language can use @language map
			if jld.IsValue(value) && len(value.(map[string]interface{})) == 1 {
				containers = append(containers, "@language", "@language@set")
			}

			// 2.9)
			if typeLanguageValue == "" {
				typeLanguageValue = "@null"
			}
			// 2.10)
			preferredValues := make([]string, 0)
			// 2.11)

			// 2.12)
			idVal, hasID := valueMap["@id"]
			if (typeLanguageValue == "@reverse" || typeLanguageValue == "@id") && isObject && hasID {

				if typeLanguageValue == "@reverse" {
					preferredValues = append(preferredValues, "@reverse")
				}

				// 2.12.1)
				result, err := c.CompactIri(idVal.(string), nil, true, false)
				if err != nil {
					return "", err
				}
				resultVal, hasResult := c.TermDefinitions[result]
				check := false
				if hasResult {
					resultIDVal, hasResultID := resultVal.ID, resultVal.ID != ""
					check = hasResultID && idVal == resultIDVal
				}
				if check {
					preferredValues = append(preferredValues, "@vocab", "@id", "@none")
				} else {
					preferredValues = append(preferredValues, "@id", "@vocab", "@none")
				}
			} else {
				if valueList, containsList := valueMap["@list"]; containsList && valueList == nil {
					typeLanguage = "@any"
				}
				preferredValues = append(preferredValues, typeLanguageValue, "@none")
			}

			preferredValues = append(preferredValues, "@any")

			// if containers included `@language` and preferred_values includes something
			// of the form language-tag_direction, add just the _direction part, to select
			//terms that have that direction.
			for _, pv := range preferredValues {
				if idx := strings.LastIndex(pv, "_"); idx != -1 {
					preferredValues = append(preferredValues, pv[idx:])
				}
			}

			// 2.14)
			term := c.SelectTerm(iri, containers, typeLanguage, preferredValues)

			// 2.15)
			if term != "" {
				return term, nil
			}
		}

		// 3)
		if vocabVal := c.Values.Vocab; vocabVal != nil {
			// determine if vocab is a prefix of the iri
			vocab := *vocabVal
			// 3.1)
			if strings.HasPrefix(iri, vocab) && iri != vocab {
				// use suffix as relative iri if it is not a term in the
				// active context
				suffix := iri[len(vocab):]
				if _, hasSuffix := c.TermDefinitions[suffix]; !hasSuffix {
					return suffix, nil
				}
			}
		}
	}

	// 4)
	compactIRI := ""

	// 5)
	// check for partial matches of against `iri`, which means look until
	// iri.length - 1, not full length. film2ld: every proper prefix of iri
	// looked up in the exact-IRI map finds what json-gold's trie walk
	// finds, shortest first, without the trie's map per character of
	// every IRI (half of a process's CPU for schema.org's 3,000 terms).
	// (json-gold's trie entry held a slice of terms, which its slice
	// aliasing left at the IRI's first term: CurieTerm.)
	type curieMatch struct{ iri, term string }
	var partialMatches []curieMatch
	for n := 1; n < len(iri) && n < len(c.curieLens); n++ {
		if !c.curieLens[n] {
			continue
		}
		if entry := c.inverseEntry(iri[:n]); entry != nil && entry.CurieTerm != "" {
			partialMatches = append(partialMatches, curieMatch{iri[:n], entry.CurieTerm})
		}
	}
	// check partial matches in reverse order to prefer longest ones first
	for i := len(partialMatches) - 1; i >= 0; i-- {
		entry := partialMatches[i]
		term := entry.term
		termDefinitionAny, ok := c.TermDefinitions[term]
		if !ok {
			continue
		}

		// a CURIE is usable if:
		// 1. it has no mapping, OR
		// 2. value is null, which means we're not compacting an @value, AND
		//   the mapping matches the IRI
		curie := term + ":" + iri[len(entry.iri):]
		prefix := termDefinitionAny.Prefix
		curieMapping, hasCurie := c.TermDefinitions[curie]

		isUsableCurie := prefix != nil && *prefix && (!hasCurie || value == nil && curieMapping.ID == iri)

		// select curie if it is shorter or the same length but lexicographically
		// less than the current choice
		if isUsableCurie && (compactIRI == "" || jld.CompareShortestLeast(curie, compactIRI)) {
			compactIRI = curie
		}
	}

	if compactIRI != "" {
		return compactIRI, nil
	}

	// If iri could be confused with a compact IRI using a term in this context,
	// signal an error. film2ld: the terms that can be are the parts of iri
	// before each of its colons, looked up; json-gold scanned every term
	// definition, for every IRI that reaches this step (most of IRI
	// compaction's time against schema.org's 3,000 terms), and named
	// whichever matching term its map iteration met first.
	for i := 0; i < len(iri); i++ {
		if iri[i] != ':' {
			continue
		}
		term := iri[:i]
		if td := c.TermDefinitions[term]; td != nil {
			prefix := td.Prefix
			if prefix != nil && *prefix {
				return "", jld.NewJsonLdError(jld.IRIConfusedWithPrefix, fmt.Sprintf("Absolute IRI %s confused with prefix %s", iri, term))
			}
		}
	}

	// compact IRI relative to base
	if !relativeToVocab {
		rel := removeBase(c.Values.Base, iri)
		// film2ld: a relative IRI of the form of a keyword would read
		// back as one (IRI Compaction step 12; W3C compact 0111).
		if ignoredKeywordPattern().MatchString(rel) {
			rel = "./" + rel
		}
		return rel, nil
	}

	// return IRI as is
	return iri, nil
}

// removeBase is jld.RemoveBase for a base IRI string. film2ld: without a
// base (film2ld's default) RemoveBase parses the empty base with its URL
// expression on every call and then returns any IRI that does not start
// with "//" as it is; that parse was 2% of one export process, which
// compacts its node IRIs this way. TestRemoveBase holds the two equal.
func removeBase(base, iri string) string {
	if base == "" && !strings.HasPrefix(iri, "//") {
		return iri
	}
	return jld.RemoveBase(base, iri)
}

// GetPrefixes returns a map of potential RDF prefixes based on the JSON-LD Term Definitions
// in this context. No guarantees of the prefixes are given, beyond that it will not contain ":".
//
// onlyCommonPrefixes: If true, the result will not include "not so useful" prefixes, such as
// "term1": "http://example.com/term1", e.g. all IRIs will end with "/" or "#".
// If false, all potential prefixes are returned.
//
// Returns a map from prefix string to IRI string
func (c *Context) GetPrefixes(onlyCommonPrefixes bool) map[string]string {
	prefixes := make(map[string]string)

	for term, termDefinition := range c.TermDefinitions {
		if strings.Contains(term, ":") || termDefinition == nil || termDefinition.ID == "" {
			continue
		}
		id := termDefinition.ID
		if strings.HasPrefix(term, "@") || strings.HasPrefix(id, "@") {
			continue
		}
		if !onlyCommonPrefixes || strings.HasSuffix(id, "/") || strings.HasSuffix(id, "#") {
			prefixes[term] = id
		}
	}

	return prefixes
}

// GetInverse generates an inverse context for use in the compaction algorithm,
// if not already generated for the given active context.
// See http://www.w3.org/TR/json-ld-api/#inverse-context-creation for further details.
//
// film2ld: the entries are typed (InverseEntry) and allocated in slabs;
// each value written, and each value left alone because one is there, is
// json-gold's (P2 in UPSTREAM.md).
func (c *Context) GetInverse() map[string]*InverseEntry {

	// lazily create inverse
	if c.inverse != nil {
		return c.inverse
	}
	if c.static != nil {
		// film2ld: a map of the static entries, for the callers that
		// want one (tests); compaction looks entries up one by one.
		inverse := make(map[string]*InverseEntry, len(c.static.Entries))
		for i := range c.static.Entries {
			inverse[c.static.Entries[i].IRI] = &c.static.Entries[i].Entry
		}
		return inverse
	}

	// 1)
	inverse := make(map[string]*InverseEntry, len(c.TermDefinitions))
	c.inverse = inverse

	// 2)
	defaultLanguage := "@none"
	if c.Values.HasLanguage {
		defaultLanguage = c.Values.Language
	}

	// create term selections for each mapping in the context, ordered by
	// shortest and then lexicographically least
	terms := c.sortedTerms()

	// One entry and one container per IRI is the common case: slabs of
	// both, and of three term choices per container, save an allocation
	// each (capacities are capped, so that growing one never reaches into
	// the next).
	entries := make([]InverseEntry, 0, len(terms))
	containerSlab := make([]InverseContainer, 0, len(terms))
	choiceSlab := make([]TermChoice, 0, 3*len(terms))
	newTermMap := func() TermMap {
		if len(choiceSlab)+1 > cap(choiceSlab) {
			return nil
		}
		n := len(choiceSlab)
		choiceSlab = choiceSlab[:n+1]
		return choiceSlab[n : n : n+1]
	}

	curieLen := 0
	for _, term := range terms {
		definition := c.TermDefinitions[term]
		// 3.1)
		if definition == nil {
			continue
		}

		// 3.2)
		var containerJoin string // this implementation was adapted from pyLD
		if definition.Container == nil {
			containerJoin = "@none" // see Ruby, as_set?
		} else {
			container := definition.Container
			strList := make([]string, len(container))
			copy(strList, container)
			sort.Strings(strList)
			containerJoin = strings.Join(strList, "")
		}

		// 3.3)
		iri := definition.ID

		// 3.4 + 3.5)
		entry := inverse[iri]
		if entry == nil {
			if len(entries) < cap(entries) {
				entries = entries[:len(entries)+1]
				entry = &entries[len(entries)-1]
			} else {
				entry = &InverseEntry{}
			}
			inverse[iri] = entry

			// the fast CURIE map's entry: the IRI's first term, when
			// that term may be a prefix
			if !IsKeyword(iri) && !definition.termHasColon {
				entry.CurieTerm = term
				curieLen = max(curieLen, len(iri))
			}
		}

		// 3.6 + 3.7)
		typeLanguageMap := entry.container(containerJoin)
		if typeLanguageMap == nil {
			if entry.Containers == nil && len(containerSlab) < cap(containerSlab) {
				n := len(containerSlab)
				containerSlab = containerSlab[:n+1]
				entry.Containers = containerSlab[n : n : n+1]
			}
			entry.Containers = append(entry.Containers, InverseContainer{
				Container: containerJoin,
				Language:  newTermMap(),
				Type:      newTermMap(),
				Any:       append(newTermMap(), TermChoice{"@none", term}),
			})
			typeLanguageMap = &entry.Containers[len(entry.Containers)-1]
		}

		langVal, hasLang := definition.Language, definition.HasLanguage
		dirVal, hasDir := definition.Direction, definition.HasDirection
		typeVal := definition.Type

		typeMap := &typeLanguageMap.Type
		languageMap := &typeLanguageMap.Language
		anyMap := &typeLanguageMap.Any

		// 3.8)
		if definition.Reverse {
			typeMap.setDefault("@reverse", term)
		} else if typeVal == "@none" {
			typeMap.setDefault("@any", term)
			languageMap.setDefault("@any", term)
			anyMap.setDefault("@any", term)
		} else if typeVal != "" {
			// As json-gold: it asks whether the type map has an "@type"
			// entry, not an entry for the term's type, so a later term
			// of the same IRI, container and type replaces the first.
			if !typeMap.has("@type") {
				typeMap.set(typeVal, term)
			}
		} else if hasLang && hasDir {
			langDir := "@null"

			if langVal != nil && dirVal != nil {
				langDir = fmt.Sprintf("%s_%s", *langVal, *dirVal)
			} else if langVal != nil {
				langDir = *langVal
			} else if dirVal != nil {
				langDir = "_" + *dirVal
			}
			languageMap.setDefault(langDir, term)
		} else if hasLang {
			language := "@null"
			if langVal != nil {
				language = *langVal
			}
			languageMap.setDefault(language, term)
		} else if hasDir {
			dir := "@none"
			if dirVal != nil {
				dir = "_" + *dirVal
			}
			languageMap.setDefault(dir, term)
		} else if defDir := c.Values.Direction; defDir != "" {
			var langDir string
			if hasLang {
				// does this ever happen? There is a check above for hasLang
				langDir = fmt.Sprintf("%s_%s", *langVal, defDir)
			} else {
				langDir = "_" + defDir
			}
			languageMap.setDefault(langDir, term)
			languageMap.setDefault("@none", term)
			typeMap.setDefault("@none", term)
		} else {
			// 3.11.1-3.11.2)
			languageMap.setDefault(defaultLanguage, term)
			// 3.11.3)
			languageMap.setDefault("@none", term)
			// 3.11.4-3.11.5)
			typeMap.setDefault("@none", term)
		}
	}

	c.curieLens = make([]bool, curieLen+1)
	for iri, entry := range inverse {
		if entry.CurieTerm != "" {
			c.curieLens[len(iri)] = true
		}
	}

	// 4)
	return inverse
}

// InverseMap returns the inverse context in json-gold's form, a map per
// IRI, container mapping and type/language, for comparing with json-gold's
// GetInverse.
func (c *Context) InverseMap() map[string]interface{} {
	out := map[string]interface{}{}
	for iri, entry := range c.GetInverse() {
		containerMap := map[string]interface{}{}
		for _, tc := range entry.Containers {
			typeLanguageMap := map[string]interface{}{}
			for _, name := range []string{"@language", "@type", "@any"} {
				values := map[string]interface{}{}
				for _, choice := range tc.byName(name) {
					values[choice.Key] = choice.Term
				}
				typeLanguageMap[name] = values
			}
			containerMap[tc.Container] = typeLanguageMap
		}
		out[iri] = containerMap
	}
	return out
}

// SelectTerm picks the preferred compaction term from the inverse context entry.
// See http://www.w3.org/TR/json-ld-api/#term-selection
//
// This algorithm, invoked via the IRI Compaction algorithm, makes use of an
// active context's inverse context to find the term that is best used to
// compact an IRI. Other information about a value associated with the IRI
// is given, including which container mappings and which type mapping or
// language mapping would be best used to express the value.
func (c *Context) SelectTerm(iri string, containers []string, typeLanguage string, preferredValues []string) string {
	// 1)
	containerMap := c.inverseEntry(iri)
	// 2)
	for _, container := range containers {
		// 2.1)
		typeLanguageMap := containerMap.container(container)
		if typeLanguageMap == nil {
			continue
		}
		// 2.2 + 2.3)
		valueMap := typeLanguageMap.byName(typeLanguage)

		// 2.4 )
		for _, item := range preferredValues {
			// 2.4.1 + 2.4.2
			if term, containsItem := valueMap.get(item); containsItem {
				return term
			}
		}
	}
	// 3)
	return ""
}

// GetContainer retrieves container mapping for the given property.
func (c *Context) GetContainer(property string) []string {
	td, ok := c.TermDefinitions[property]
	if ok && td != nil && td.Container != nil {
		return td.Container
	}

	return []string{}
}

// GetContainer retrieves container mapping for the given property.
func (c *Context) HasContainerMapping(property string, val string) bool {
	td, ok := c.TermDefinitions[property]
	if ok && td != nil && td.Container != nil {
		for _, container := range td.Container {
			if container == val {
				return true
			}
		}
	}

	return false
}

// IsReverseProperty returns true if the given property is a reverse property
func (c *Context) IsReverseProperty(property string) bool {
	td := c.GetTermDefinition(property)
	if td == nil {
		return false
	}
	return td.Reverse
}

// GetTypeMapping returns type mapping for the given property
func (c *Context) GetTypeMapping(property string) string {
	// default type
	td := c.GetTermDefinition(property)
	if td != nil && td.Type != "" {
		return td.Type
	}
	return ""
}

// GetLanguageMapping returns language mapping for the given property
func (c *Context) GetLanguageMapping(property string) string {
	td := c.GetTermDefinition(property)
	if td != nil && td.HasLanguage {
		if td.Language != nil {
			return *td.Language
		}
		return ""
	}

	if c.Values.HasLanguage {
		return c.Values.Language
	}

	return ""
}

// GetDirectionMapping returns direction mapping for the given property
func (c *Context) GetDirectionMapping(property string) string {
	td := c.GetTermDefinition(property)
	if td != nil && td.HasDirection {
		if td.Direction != nil {
			return *td.Direction
		}
		return ""
	}

	if defaultDir := c.Values.Direction; defaultDir != "" {
		return defaultDir
	}

	return ""
}

// GetTermDefinition returns a term definition for the given key
func (c *Context) GetTermDefinition(key string) *TermDefinition {
	if value, ok := c.TermDefinitions[key]; ok {
		return value
	}
	return nil
}

// ExpandValue expands the given value by using the coercion and keyword rules in the context.
func (c *Context) ExpandValue(activeProperty string, value interface{}) (interface{}, error) {
	var rval = make(map[string]interface{})
	td := c.GetTermDefinition(activeProperty)

	// If the active property has a type mapping in active context that is @id, return a new JSON object
	// containing a single key-value pair where the key is @id and the value is the result of using
	// the IRI Expansion algorithm, passing active context, value, and true for document relative.
	if td != nil && td.Type == "@id" {
		if strVal, isString := value.(string); isString {
			var err error
			rval["@id"], err = c.ExpandIri(strVal, true, false, nil, nil)
			if err != nil {
				return nil, err
			}
		} else {
			rval["@value"] = value
		}
		return rval, nil
	}
	// If active property has a type mapping in active context that is @vocab, return a new JSON object
	// containing a single key-value pair where the key is @id and the value is the result of using
	// the IRI Expansion algorithm, passing active context, value, true for vocab, and true for document relative.
	if td != nil && td.Type == "@vocab" {
		if strVal, isString := value.(string); isString {
			var err error
			rval["@id"], err = c.ExpandIri(strVal, true, true, nil, nil)
			if err != nil {
				return nil, err
			}
		} else {
			rval["@value"] = value
		}
		return rval, nil
	}

	// 3)
	rval["@value"] = value
	// 4)
	if td != nil && td.Type != "" && td.Type != "@id" && td.Type != "@vocab" &&
		td.Type != "@none" {
		rval["@type"] = td.Type
	} else if _, isString := value.(string); isString {
		// 5.1)
		if containsLang := td != nil && td.HasLanguage; containsLang {
			langVal := td.Language
			if langVal != nil {
				rval["@language"] = *langVal
			}
		} else if defaultLangVal := c.Values.Language; c.Values.HasLanguage {
			rval["@language"] = defaultLangVal
		}

		if containsDir := td != nil && td.HasDirection; containsDir {
			dirVal := td.Direction
			if dirVal != nil {
				rval["@direction"] = *dirVal
			}
		} else if dirVal := c.Values.Direction; dirVal != "" {
			rval["@direction"] = dirVal
		}
	}
	return rval, nil
}

// Serialize transforms the context back into JSON form.
func (c *Context) Serialize() (map[string]interface{}, error) {
	ctx := make(map[string]interface{})

	baseVal := c.Values.Base
	hasBase := baseVal != ""
	if hasBase && baseVal != c.options.Base {
		ctx["@base"] = baseVal
	}
	if versionVal := c.Values.Version; versionVal != nil {
		ctx["@version"] = *versionVal
	}
	if langVal := c.Values.Language; c.Values.HasLanguage {
		ctx["@language"] = langVal
	}
	if dirVal := c.Values.Direction; dirVal != "" {
		ctx["@direction"] = dirVal
	}
	if vocabVal := c.Values.Vocab; vocabVal != nil {
		ctx["@vocab"] = *vocabVal
	}
	for term, definition := range c.TermDefinitions {
		// Note: definitionVal may be nil for terms which are set to be ignored
		// (see the definition for null value in JSON-LD spec)
		langVal, hasLang := definition.Language, definition.HasLanguage
		containerVal, hasContainer := definition.Container, definition.Container != nil
		typeMapping := definition.Type
		if !hasLang && !hasContainer && typeMapping == "" && !definition.Reverse {
			var cid interface{}
			id := definition.ID
			if id == "" {
				cid = nil
				ctx[term] = cid
			} else if IsKeyword(id) {
				ctx[term] = id
			} else {
				var err error
				cid, err = c.CompactIri(id, nil, false, false)
				if err != nil {
					return nil, err
				}
				if term == cid {
					ctx[term] = id
				} else {
					ctx[term] = cid
				}
				ctx[term] = cid
			}
		} else {
			defn := make(map[string]interface{})
			id := definition.ID
			cid, err := c.CompactIri(id, nil, false, false)
			if err != nil {
				return nil, err
			}
			reverseProperty := definition.Reverse
			if !(term == cid && !reverseProperty) {
				if reverseProperty {
					defn["@reverse"] = cid
				} else {
					defn["@id"] = cid
				}
			}
			if typeMapping != "" {
				if IsKeyword(typeMapping) {
					defn["@type"] = typeMapping
				} else {
					defn["@type"], err = c.CompactIri(typeMapping, nil, true, false)
					if err != nil {
						return nil, err
					}
				}
			}
			if hasContainer {
				if len(containerVal) == 1 {
					defn["@container"] = containerVal[0]
				} else {
					defn["@container"] = containerVal
				}
			}
			if hasLang {
				if langVal == nil {
					defn["@language"] = nil
				} else {
					defn["@language"] = *langVal
				}
			}
			ctx[term] = defn
		}
	}

	rval := make(map[string]interface{})
	if len(ctx) != 0 {
		rval["@context"] = ctx
	}
	return rval, nil
}
