// Package locale recognises country and language names as film pages write
// them in English, using the CLDR data of golang.org/x/text rather than a
// hand-made table. The tables are generated (internal/gen, names_gen.go), so
// that the command neither compiles nor initialises x/text's display data.
package locale

//go:generate go run ./internal/gen

import (
	"strings"
	"sync"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// countries and languages are the generated tables, built on first use.
var (
	countries = sync.OnceValue(countriesTable)
	languages = sync.OnceValue(languagesTable)
)

// Country returns the ISO 3166-1 alpha-2 code of an English country name
// ("Belgium" → "BE") and whether the name is one.
func Country(name string) (string, bool) {
	return lookup(countries(), plainCountries(), name)
}

// Language returns the BCP 47 tag of an English language name
// ("French" → "fr") and whether the name is one.
func Language(name string) (string, bool) {
	return lookup(languages(), plainLanguages(), name)
}

// plainCountries and plainLanguages are the tables' names that hold
// accents, without them ("norwegian bokmal"), built on first use.
var (
	plainCountries = sync.OnceValue(func() map[string]string { return plainNames(countries()) })
	plainLanguages = sync.OnceValue(func() map[string]string { return plainNames(languages()) })
)

func plainNames(table map[string]string) map[string]string {
	out := map[string]string{}
	for k, v := range table {
		if plain := stripAccents(k); plain != k {
			out[plain] = v
		}
	}
	return out
}

// lookup finds a name in a table as written, else without accents on
// either side: pages write "Guaraní" where CLDR's English name is
// "Guarani", and "Bokmal" where it is "Bokmål".
func lookup(table, plain map[string]string, name string) (string, bool) {
	k := key(name)
	if v, ok := table[k]; ok {
		return v, true
	}
	p := stripAccents(k)
	if v, ok := table[p]; ok {
		return v, true
	}
	v, ok := plain[p]
	return v, ok
}

// stripAccents returns s without the diacritics of its letters.
func stripAccents(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			if out, _, err := transform.String(unaccent(), s); err == nil {
				return out
			}
			return s
		}
	}
	return s
}

// unaccent returns a transformer that strips diacritics from Latin
// letters: decomposed, their combining marks dropped, composed again. A
// chain holds state, so each lookup makes its own (batches look up from
// several goroutines).
func unaccent() transform.Transformer {
	return transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
}

// key folds a name for lookup: case and "&" for "and" ("Bosnia &
// Herzegovina" is CLDR's spelling; pages write "and"). It is cldr.Key,
// which the test proves.
func key(name string) string {
	return strings.ReplaceAll(strings.ToLower(strings.TrimSpace(name)), " & ", " and ")
}
