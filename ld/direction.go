package ld

import (
	"fmt"
	"strings"
)

// The rdfDirection options of JSON-LD 1.1 (JSON-LD 1.1 API, Serialize
// RDF as JSON-LD, and the JSON-LD to RDF algorithm), for
// [Options.RDFDirection].
const (
	// DirectionI18nDatatype writes a literal with a base direction as a
	// literal whose datatype is https://www.w3.org/ns/i18n#{language}_{direction}
	// ("en-us_rtl", or "_rtl" without a language).
	DirectionI18nDatatype = "i18n-datatype"
	// DirectionCompoundLiteral writes it as a blank node with rdf:value,
	// rdf:language (when it has one) and rdf:direction.
	DirectionCompoundLiteral = "compound-literal"
)

const (
	i18nBase    = "https://www.w3.org/ns/i18n#"
	rdfValue    = "http://www.w3.org/1999/02/22-rdf-syntax-ns#value"
	rdfLanguage = "http://www.w3.org/1999/02/22-rdf-syntax-ns#language"
	rdfDir      = "http://www.w3.org/1999/02/22-rdf-syntax-ns#direction"
)

// checkRDFDirection refuses an rdfDirection JSON-LD does not define.
func checkRDFDirection(mode string) error {
	switch mode {
	case "", DirectionI18nDatatype, DirectionCompoundLiteral:
		return nil
	}
	return fmt.Errorf("ld: %w: rdfDirection %q: want %q or %q", ErrInvalidInput, mode, DirectionI18nDatatype, DirectionCompoundLiteral)
}

// directionsToRDF returns the checked, expanded document with each literal
// that has a base direction in the form mode gives it in RDF (the JSON-LD
// to RDF algorithm, Object to RDF steps 13 and 14), so that the node map
// and json-gold's RDF conversion, which know nothing of directions, make
// the right statements. With mode "" the checks have refused or dropped
// every direction already.
func directionsToRDF(expanded []any, mode string) []any {
	if mode == "" {
		return expanded
	}
	for i, v := range expanded {
		expanded[i] = directionValue(v, mode)
	}
	return expanded
}

// directionValue rewrites v and what it holds.
func directionValue(v any, mode string) any {
	switch v := v.(type) {
	case []any:
		for i, e := range v {
			v[i] = directionValue(e, mode)
		}
		return v
	case map[string]any:
		if value, isValue := v["@value"]; isValue {
			dir, ok := v["@direction"].(string)
			if !ok {
				return v // a JSON literal's content is data, not JSON-LD
			}
			lang, _ := v["@language"].(string)
			lang = strings.ToLower(lang)
			if mode == DirectionI18nDatatype {
				return map[string]any{"@value": value, "@type": i18nBase + lang + "_" + dir}
			}
			node := map[string]any{
				rdfValue: []any{map[string]any{"@value": value}},
				rdfDir:   []any{map[string]any{"@value": dir}},
			}
			if lang != "" {
				node[rdfLanguage] = []any{map[string]any{"@value": lang}}
			}
			return node
		}
		for k, e := range v {
			v[k] = directionValue(e, mode)
		}
		return v
	}
	return v
}
