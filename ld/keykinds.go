package ld

import (
	"slices"
	"strings"
)

// keyKind is a property key of the built-in schema.org context and how the
// web snippet's short path writes its values (jsonTerms.lookupKey).
type keyKind struct {
	key, kind string
}

// builtinKeyKind returns jsonTerms.lookupKey's answer for key k against the
// built-in schema.org context, from builtinKeyKinds (keykinds_gen.go).
// lookupKey compacts up to six sample documents through json-gold per key
// to learn it: about 200 compactions in every export of a web snippet, 8%
// of the process, for an answer fixed by the release's context.
// TestBuiltinKeyKinds proves the table equal to lookupKey on every term.
func builtinKeyKind(k string) string {
	i, found := slices.BinarySearchFunc(builtinKeyKinds[:], k, func(e keyKind, k string) int { return strings.Compare(e.key, k) })
	if !found {
		return ""
	}
	return builtinKeyKinds[i].kind
}
