package schemaorg

import "encoding/json"

// ContextURL is the URL documents use to refer to the schema.org context.
const ContextURL = "https://schema.org"

// Context returns the release's JSON-LD context document, the object
// {"@context": {...}} that https://schema.org/docs/jsonldcontext.jsonld
// served for this release. Each call returns a fresh copy, so callers may
// change it.
func Context() map[string]any {
	var doc map[string]any
	if err := json.Unmarshal([]byte(contextJSON), &doc); err != nil {
		// The generator checked the text, so this can only be a broken build.
		panic("schemaorg: built-in context is not JSON: " + err.Error())
	}
	return doc
}

// ContextJSON returns the context document of [Context] as JSON bytes.
// Its semantics are those of the release file; only whitespace differs.
func ContextJSON() []byte {
	return []byte(contextJSON)
}
