// Package locale recognises country and language names as film pages write
// them in English, using the CLDR data of golang.org/x/text rather than a
// hand-made table. The tables are generated (internal/gen, names_gen.go), so
// that the command neither compiles nor initialises x/text's display data.
package locale

//go:generate go run ./internal/gen

import (
	"strings"
	"sync"
)

// countries and languages are the generated tables, built on first use.
var (
	countries = sync.OnceValue(countriesTable)
	languages = sync.OnceValue(languagesTable)
)

// Country returns the ISO 3166-1 alpha-2 code of an English country name
// ("Belgium" → "BE") and whether the name is one.
func Country(name string) (string, bool) {
	code, ok := countries()[key(name)]
	return code, ok
}

// Language returns the BCP 47 tag of an English language name
// ("French" → "fr") and whether the name is one.
func Language(name string) (string, bool) {
	tag, ok := languages()[key(name)]
	return tag, ok
}

// key folds a name for lookup: case and "&" for "and" ("Bosnia &
// Herzegovina" is CLDR's spelling; pages write "and"). It is cldr.Key,
// which the test proves.
func key(name string) string {
	return strings.ReplaceAll(strings.ToLower(strings.TrimSpace(name)), " & ", " and ")
}
