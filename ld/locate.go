package ld

import (
	"bytes"
	"encoding/json"
	"errors"
	"slices"
	"strconv"
	"strings"

	jld "github.com/piprate/json-gold/ld"

	"github.com/film2ld/film2ld/ld/internal/jsongold"
)

// ExpansionErrorPointer returns where in doc, a JSON-LD document as
// decoded from its text, the value stands that err, an error of its
// expansion, is about: the pointer, in [InputPathError]'s form, of the
// first such value in the order expansion meets them (keys sorted,
// arrays in order). It knows the errors about one value object or one
// keyword's value, which json-gold reports without a place: a
// language-tagged number ("invalid language-tagged value"), a language
// that is not a string, a value object's unknown key or its @type beside
// a language, an object as a value, a type or an @id or @index that is
// not a string. ok is false for any other error, and where doc holds no
// value of the kind (a keyword written through an alias, say): the
// error is then left without a place rather than given a wrong one.
func ExpansionErrorPointer(doc any, err error) (pointer string, ok bool) {
	var je *jld.JsonLdError
	if !errors.As(err, &je) {
		return "", false
	}
	if dp, isKey := je.Details.(jsongold.DroppedProperty); isKey && je.Code == jld.InvalidProperty {
		// Safe mode's key that expands to no IRI: the first node
		// object (outside contexts) that writes it.
		return findValue(doc, "", func(m map[string]any) (string, bool) {
			_, has := m[dp.Key]
			return dp.Key, has
		})
	}
	is, known := culprits[je.Code]
	if !known {
		return "", false
	}
	return findValue(doc, "", is)
}

// ExpansionErrorOffset returns the byte offset in data, a JSON-LD
// document's text, of the value err, an error of its expansion, is about
// (see [ExpansionErrorPointer]); ok is false where that is not known, or
// data is not JSON.
func ExpansionErrorOffset(data []byte, err error) (offset int, ok bool) {
	var doc any
	dec := json.NewDecoder(bytes.NewReader(bytes.TrimPrefix(data, utf8BOM)))
	dec.UseNumber()
	if dec.Decode(&doc) != nil {
		return 0, false
	}
	pointer, ok := ExpansionErrorPointer(doc, err)
	if !ok {
		return 0, false
	}
	return PointerOffset(data, pointer)
}

// culprit tells whether a JSON object (with its keys as written) is a
// value an expansion error is about, and the key whose value is at fault
// ("" for the object as a whole).
type culprit func(m map[string]any) (key string, bad bool)

// culprits are the expansion errors ExpansionErrorPointer places: the
// conditions of the JSON-LD 1.1 expansion algorithm's steps that raise
// them, on keywords written as themselves.
var culprits = map[jld.ErrorCode]culprit{
	jld.InvalidLanguageTaggedValue: func(m map[string]any) (string, bool) {
		v, hasValue := m["@value"]
		_, hasLanguage := m["@language"]
		return "@value", hasValue && hasLanguage && v != nil && !isStringOrEmpty(v)
	},
	jld.InvalidLanguageTaggedString: func(m map[string]any) (string, bool) {
		l, hasLanguage := m["@language"]
		_, hasValue := m["@value"]
		_, isString := l.(string)
		return "@language", hasValue && hasLanguage && l != nil && !isString
	},
	jld.InvalidValueObject: func(m map[string]any) (string, bool) {
		if _, hasValue := m["@value"]; !hasValue {
			return "", false
		}
		_, hasType := m["@type"]
		_, hasLanguage := m["@language"]
		_, hasDirection := m["@direction"]
		if hasType && (hasLanguage || hasDirection) {
			return "", true
		}
		for _, k := range sortedKeys(m) {
			switch k {
			case "@value", "@type", "@language", "@direction", "@index", "@context":
			default:
				return k, true
			}
		}
		return "", false
	},
	jld.InvalidValueObjectValue: func(m map[string]any) (string, bool) {
		v, hasValue := m["@value"]
		if !hasValue || m["@type"] == "@json" {
			return "", false
		}
		switch v.(type) {
		case map[string]any, []any:
			return "@value", true
		}
		return "", false
	},
	jld.InvalidTypedValue: func(m map[string]any) (string, bool) {
		t, hasType := m["@type"]
		_, hasValue := m["@value"]
		s, isString := t.(string)
		// A string is refused where it is no absolute IRI, which a
		// context may make of a term: only a blank node is sure to be.
		return "@type", hasValue && hasType && t != nil && (!isString || strings.HasPrefix(s, "_:"))
	},
	jld.InvalidTypeValue: func(m map[string]any) (string, bool) {
		t, hasType := m["@type"]
		if _, hasValue := m["@value"]; !hasType || hasValue {
			return "", false
		}
		switch t := t.(type) {
		case string:
			return "", false
		case []any:
			return "@type", slices.ContainsFunc(t, func(e any) bool { _, ok := e.(string); return !ok })
		case map[string]any:
			return "@type", len(t) > 0 // {} is allowed in a frame, and expansion passes it
		}
		return "@type", true
	},
	jld.InvalidIDValue: func(m map[string]any) (string, bool) {
		id, has := m["@id"]
		_, isString := id.(string)
		return "@id", has && id != nil && !isString
	},
	jld.InvalidIndexValue: func(m map[string]any) (string, bool) {
		i, has := m["@index"]
		_, isString := i.(string)
		return "@index", has && !isString
	},
}

// isStringOrEmpty reports whether v is a string, an empty object (which
// expansion lets stand for any value), or a list of those.
func isStringOrEmpty(v any) bool {
	switch v := v.(type) {
	case string:
		return true
	case map[string]any:
		return len(v) == 0
	case []any:
		for _, e := range v {
			if !isStringOrEmpty(e) {
				return false
			}
		}
		return true
	}
	return false
}

// findValue returns the pointer of the first culprit under v, at path,
// never looking inside a context or a value.
func findValue(v any, path string, is culprit) (string, bool) {
	switch v := v.(type) {
	case []any:
		for i, e := range v {
			if p, ok := findValue(e, path+"/"+strconv.Itoa(i), is); ok {
				return p, true
			}
		}
	case map[string]any:
		if key, bad := is(v); bad {
			if key != "" {
				return path + "/" + key, true
			}
			return path, true
		}
		for _, k := range sortedKeys(v) {
			if k == "@context" || k == "@value" {
				continue
			}
			if p, ok := findValue(v[k], path+"/"+k, is); ok {
				return p, true
			}
		}
	}
	return "", false
}
