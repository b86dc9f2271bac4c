package schemaorg

import "sync"

// sharedContext is the context document decoded once per process.
var sharedContext = sync.OnceValue(Context)

// ContextTerms returns the term definitions of the release's context (the
// object under "@context" in [Context]), decoded once per process and
// shared by every caller, which must not change it. Decoding the 3,000
// terms costs a process milliseconds; ld's context processing and the
// schemas package's term tables each used to pay it.
func ContextTerms() map[string]any {
	return sharedContext()["@context"].(map[string]any)
}
