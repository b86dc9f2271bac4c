// Package locale recognises country and language names as film pages write
// them in English (and in French, German, Spanish and Italian, whose
// country names it gives in English: [EnglishCountry]), using the
// CLDR data of golang.org/x/text rather than a hand-made table. The tables are generated (internal/gen, names_gen.go), so
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
	// otherCountries and englishCountries give a country name in
	// another language its English name (EnglishCountry).
	otherCountries   = sync.OnceValue(otherCountriesTable)
	englishCountries = sync.OnceValue(englishCountriesTable)
)

// Country returns the ISO 3166-1 alpha-2 code of an English country name
// ("Belgium" → "BE") and whether the name is one.
func Country(name string) (string, bool) {
	return lookup(countries(), plainCountries(), name)
}

// EnglishCountry returns the English name of a country named in French,
// German, Spanish or Italian ("Belgique", "Deutschland", "Bélgica" →
// "Belgium", "Germany") and whether the name is one. An English name
// ("Belgium", "Argentina", which Spanish shares) is not, nor is a name
// film2ld does not know: neither has another name to give.
func EnglishCountry(name string) (string, bool) {
	// As written first, then without accents on either side: "Perú" is
	// Spanish, though "Peru" is English.
	k := key(name)
	code, ok := otherCountries()[k]
	if !ok {
		if _, english := englishOnly()[k]; english {
			return "", false
		}
		if _, english := lookup(englishOnly(), plainEnglishOnly(), name); english {
			return "", false
		}
		if code, ok = lookup(otherCountries(), plainOthers(), name); !ok {
			return "", false
		}
	}
	en := englishCountries()[code]
	return en, en != ""
}

// Language returns the BCP 47 tag of a language name ("French" → "fr"),
// in English (CLDR's, and the names Wikipedia uses: "Slovene", "Serbo-
// Croatian") or in French, German, Spanish or Italian ("Italienisch",
// "siciliano"), and whether the name is one.
func Language(name string) (string, bool) {
	if tag, ok := lookup(languages(), plainLanguages(), name); ok {
		return tag, true
	}
	// "German intertitles": a silent film's language is its titles'.
	if head, ok := cutFold(name, " intertitles"); ok {
		return lookup(languages(), plainLanguages(), head)
	}
	// "Spanish (some dialogue)": a remark in brackets after a language
	// film2ld knows; "Silent (German intertitles)": after none.
	if head, rest, ok := strings.Cut(name, " ("); ok && strings.HasSuffix(rest, ")") {
		if NoLanguage(head) {
			return Language(strings.TrimSuffix(rest, ")"))
		}
		return lookup(languages(), plainLanguages(), head)
	}
	return "", false
}

// NoLanguage reports whether an infobox's language value says the film
// has no spoken language ("Silent film", "None", "No dialogue"): no
// language at all, not a language of that name.
func NoLanguage(name string) bool {
	switch strings.ToLower(strings.TrimSpace(name)) {
	case "silent", "silent film", "silent movie", "none", "no dialogue", "no dialog", "wordless", "without dialogue":
		return true
	}
	return false
}

// cutFold returns s without suffix, matched in any case.
func cutFold(s, suffix string) (string, bool) {
	if len(s) > len(suffix) && strings.EqualFold(s[len(s)-len(suffix):], suffix) {
		return s[:len(s)-len(suffix)], true
	}
	return s, false
}

// plainCountries and plainLanguages are the tables' names that hold
// accents, without them ("norwegian bokmal"), built on first use.
var (
	plainCountries = sync.OnceValue(func() map[string]string { return plainNames(countries()) })
	plainLanguages = sync.OnceValue(func() map[string]string { return plainNames(languages()) })
	plainOthers    = sync.OnceValue(func() map[string]string { return plainNames(otherCountries()) })
	// englishOnly are the countries' English names: those the other
	// languages' table does not hold.
	englishOnly = sync.OnceValue(func() map[string]string {
		m := map[string]string{}
		for k, v := range countries() {
			if _, other := otherCountries()[k]; !other {
				m[k] = v
			}
		}
		return m
	})
	plainEnglishOnly = sync.OnceValue(func() map[string]string { return plainNames(englishOnly()) })
)

func plainNames(table map[string]string) map[string]string {
	out := map[string]string{}
	for k, v := range table {
		if plain := StripAccents(k); plain != k {
			out[plain] = v
		}
	}
	return out
}

// lookup finds a name in a table as written, else without accents on
// either side: pages write "Guaraní" where CLDR's English name is
// "Guarani", and "Bokmal" where it is "Bokmål".
func lookup(table, plain map[string]string, name string) (string, bool) {
	var buf [48]byte
	if b, ok := asciiKey(buf[:0], name); ok {
		// No accents to strip: key's copy was an allocation a name.
		if v, ok := table[string(b)]; ok {
			return v, true
		}
		v, ok := plain[string(b)]
		return v, ok
	}
	return lookupByKey(table, plain, name)
}

// lookupByKey is lookup without its ASCII path: the name's key as
// written, then without accents, in the table, then in the table of
// names without accents.
func lookupByKey(table, plain map[string]string, name string) (string, bool) {
	k := key(name)
	if v, ok := table[k]; ok {
		return v, true
	}
	p := StripAccents(k)
	if v, ok := table[p]; ok {
		return v, true
	}
	v, ok := plain[p]
	return v, ok
}

// StripAccents returns s without the diacritics of its letters:
// decomposed, their combining marks dropped, composed again. The three
// steps run one after another rather than as a transform.Chain, which
// holds state (so each call made its own) and allocated three 4 KB
// buffers a call: 3.5% of the bytes a batch export allocated
// (TestStripAccentsMatchesChain).
func StripAccents(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			if out, ok := latinStripped.Apply(s); ok {
				return out
			}
			return stripAccents(s)
		}
	}
	return s
}

// latinStripped is StripAccents of Latin letters, a rune at a time.
var latinStripped = NewLatinMemo(stripAccents)

// stripAccents is StripAccents by the transforms, whatever s holds.
func stripAccents(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			out, _, err := transform.String(removeNonspacing, norm.NFD.String(s))
			if err != nil {
				return s
			}
			return norm.NFC.String(out)
		}
	}
	return s
}

// removeNonspacing drops nonspacing marks. It holds no state, so one
// serves every call, from any goroutine.
var removeNonspacing = runes.Remove(runes.In(unicode.Mn))

// asciiKey appends key(name) to dst when name is ASCII and has no "&"
// (key's " & " becomes " and "), else returns ok false. An ASCII key is
// StripAccents' too.
func asciiKey(dst []byte, name string) (b []byte, ok bool) {
	if strings.IndexByte(name, '&') >= 0 {
		return dst, false
	}
	return AppendLowerASCII(dst, strings.TrimSpace(name))
}

// key folds a name for lookup: case and "&" for "and" ("Bosnia &
// Herzegovina" is CLDR's spelling; pages write "and"). It is cldr.Key,
// which the test proves.
func key(name string) string {
	return strings.ReplaceAll(strings.ToLower(strings.TrimSpace(name)), " & ", " and ")
}
