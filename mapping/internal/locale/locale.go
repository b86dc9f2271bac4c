// Package locale recognises country and language names as film pages write
// them in English, using the CLDR data of golang.org/x/text rather than a
// hand-made table.
package locale

import (
	"strings"
	"sync"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

var (
	once      sync.Once
	countries map[string]string // lower-case English name → ISO 3166-1 alpha-2
	languages map[string]string // lower-case English name → BCP 47 tag
)

// aliases are English names in common use that CLDR spells otherwise.
var aliases = map[string]string{
	"usa": "US", "u.s.": "US", "united states of america": "US", "uk": "GB",
	"england": "GB", "scotland": "GB", "wales": "GB", "czech republic": "CZ",
	"russian federation": "RU", "south korea": "KR", "north korea": "KP",
	"ivory coast": "CI", "holland": "NL", "west germany": "DE",
}

func load() {
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
}

// Country returns the ISO 3166-1 alpha-2 code of an English country name
// ("Belgium" → "BE") and whether the name is one.
func Country(name string) (string, bool) {
	once.Do(load)
	code, ok := countries[key(name)]
	return code, ok
}

// Language returns the BCP 47 tag of an English language name
// ("French" → "fr") and whether the name is one.
func Language(name string) (string, bool) {
	once.Do(load)
	tag, ok := languages[key(name)]
	return tag, ok
}

// key folds a name for lookup: case and "&" for "and" ("Bosnia &
// Herzegovina" is CLDR's spelling; pages write "and").
func key(name string) string {
	return strings.ReplaceAll(strings.ToLower(strings.TrimSpace(name)), " & ", " and ")
}
