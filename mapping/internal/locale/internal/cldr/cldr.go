// Package cldr builds the locale package's name tables from the CLDR data
// of golang.org/x/text. Only the generator and the tests import it: the
// display tables cost a large package to compile and milliseconds of
// initialisation in every process, for about 450 names that never change
// between two versions of golang.org/x/text.
package cldr

import (
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// aliases are English names in common use that CLDR spells otherwise.
var aliases = map[string]string{
	"usa": "US", "u.s.": "US", "united states of america": "US", "uk": "GB",
	"england": "GB", "scotland": "GB", "wales": "GB", "czech republic": "CZ",
	"russian federation": "RU", "south korea": "KR", "north korea": "KP",
	"ivory coast": "CI", "holland": "NL", "west germany": "DE",
}

// Tables returns the English country names (lower case, "&" as "and") with
// their ISO 3166-1 alpha-2 codes, and the English language names with
// their BCP 47 tags.
func Tables() (countries, languages map[string]string) {
	countries = map[string]string{}
	languages = map[string]string{}
	regionNames := display.English.Regions()
	langNames := display.English.Languages()
	for a := 'A'; a <= 'Z'; a++ {
		for b := 'A'; b <= 'Z'; b++ {
			code := string([]rune{a, b})
			if r, err := language.ParseRegion(code); err == nil && r.IsCountry() {
				// The first code wins: FR before FX ("Metropolitan France"
				// is also named France in some CLDR versions).
				if name := key(regionNames.Name(r)); name != "" && countries[name] == "" {
					countries[name] = r.String()
				}
			}
			if base, err := language.ParseBase(strings.ToLower(code)); err == nil {
				tag, _ := language.Compose(base)
				// The first code wins, so that a withdrawn code ("iw") never
				// replaces the current one ("he").
				if name := key(langNames.Name(tag)); name != "" && languages[name] == "" {
					languages[name] = tag.String()
				}
			}
		}
	}
	for name, code := range aliases {
		countries[name] = code
	}
	// Film credits name these languages, which have no two-letter code.
	for _, code := range []string{"yue", "cmn", "fil", "haw", "gsw", "nds", "sco", "ast", "ckb"} {
		tag := language.MustParse(code)
		languages[strings.ToLower(langNames.Name(tag))] = code
	}
	languages["mandarin"] = "cmn"
	languages["flemish"] = "nl-BE"
	languages["norwegian"] = "no"
	languages["cantonese"] = "yue"
	return countries, languages
}

// key folds a name for lookup: case and "&" for "and" ("Bosnia &
// Herzegovina" is CLDR's spelling; pages write "and").
// (locale.key is the same fold; locale's tests prove the two agree.)
func key(name string) string {
	return strings.ReplaceAll(strings.ToLower(strings.TrimSpace(name)), " & ", " and ")
}
