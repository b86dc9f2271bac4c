package schemaorg

import (
	"sort"
	"sync"
)

// sharedContext is the context document decoded once per process.
var sharedContext = sync.OnceValue(Context)

// ContextTerms returns the term definitions of the release's context (the
// object under "@context" in [Context]), decoded once per process and
// shared by every caller, which must not change it. Decoding the 3,000
// terms costs a process milliseconds: callers that only look terms up use
// [ContextTermOf], which decodes nothing.
func ContextTerms() map[string]any {
	return sharedContext()["@context"].(map[string]any)
}

// ContextTerm is one term definition of the release's context, as written
// there: a string (a simple definition) or an object with "@id" and
// perhaps "@type". The context's keyword entries (@vocab) are not terms.
type ContextTerm struct {
	// Name is the term ("actor", "schema", "type").
	Name string
	// ID is the IRI, compact IRI or keyword the term maps to, as written
	// ("schema:actor", "http://schema.org/", "@type").
	ID string
	// Type is the definition's "@type" as written ("@id", "Date"), or "".
	Type string
	// Simple reports a definition written as a string.
	Simple bool
	// Other reports an object definition with entries besides a string
	// "@id" and "@type" (a container, a language, a reverse property):
	// release 30.0 has none.
	Other bool
}

// ContextTermOf returns the context's definition of term, from a generated
// table (nothing is decoded).
func ContextTermOf(term string) (ContextTerm, bool) {
	i := sort.Search(len(contextTermTable), func(i int) bool { return contextTermTable[i].Name >= term })
	if i < len(contextTermTable) && contextTermTable[i].Name == term {
		return contextTermTable[i], true
	}
	return ContextTerm{}, false
}
