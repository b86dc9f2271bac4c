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

// aliases are English names in common use that CLDR spells otherwise:
// its long and its newer forms, names countries took since (a film
// credits the country of its year), and the countries that are no more,
// by their ISO 3166-3 codes (a Soviet or a Yugoslav film is credited so).
var aliases = map[string]string{
	"usa": "US", "u.s.": "US", "u.s.a.": "US", "united states of america": "US", "uk": "GB",
	"england": "GB", "scotland": "GB", "wales": "GB", "northern ireland": "GB", "great britain": "GB",
	"czech republic": "CZ", "russian federation": "RU",
	"south korea": "KR", "republic of korea": "KR", "korea": "KR", "north korea": "KP",
	"ivory coast": "CI", "holland": "NL", "the netherlands": "NL", "west germany": "DE",
	"türkiye": "TR", "north macedonia": "MK", "republic of north macedonia": "MK", "eswatini": "SZ",
	"palestine": "PS", "state of palestine": "PS", "burma": "MM", "macao": "MO",
	"democratic republic of the congo": "CD", "dr congo": "CD", "republic of the congo": "CG",
	"the gambia": "GM", "the bahamas": "BS", "east timor": "TL", "cabo verde": "CV", "vatican": "VA", "holy see": "VA",
	"united arab emirates": "AE", "uae": "AE", "zaire": "CD",
	"soviet union": "SU", "ussr": "SU", "yugoslavia": "YU", "czechoslovakia": "CS",
	"east germany": "DD", "serbia and montenegro": "CS",
}

// otherLanguages are the languages, besides English, whose country names
// the table holds: those the film prize's site is published in most.
var otherLanguages = []language.Tag{language.French, language.German, language.Spanish, language.Italian}

// Tables returns the English country names (lower case, "&" as "and"),
// and those of otherLanguages, with their ISO 3166-1 alpha-2 codes, and the English language names with
// their BCP 47 tags.
func Tables() (countries, languages map[string]string) {
	countries = map[string]string{}
	languages = map[string]string{}
	regionNames := display.English.Regions()
	langNames := display.English.Languages()
	for a := 'A'; a <= 'Z'; a++ {
		for b := 'A'; b <= 'Z'; b++ {
			code := string([]rune{a, b})
			// A withdrawn code (DD, BU, RH) is named as the country that
			// took its place: "Germany" was DD, the first by letter.
			if r, err := language.ParseRegion(code); err == nil && r.IsCountry() && r.Canonicalize() == r {
				// The first code wins: FR before FX ("Metropolitan France"
				// is also named France in some CLDR versions).
				for _, name := range nameForms(key(regionNames.Name(r))) {
					if countries[name] == "" {
						countries[name] = r.String()
					}
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
	// The prize's pages in its other languages write the countries in
	// theirs ("Belgique", audit 14): their names too, after the English
	// ones, which win a name both have.
	for _, lang := range otherLanguages {
		namer := display.Regions(lang)
		for a := 'A'; a <= 'Z'; a++ {
			for b := 'A'; b <= 'Z'; b++ {
				r, err := language.ParseRegion(string([]rune{a, b}))
				if err != nil || !r.IsCountry() || r.Canonicalize() != r {
					continue
				}
				for _, name := range nameForms(key(namer.Name(r))) {
					if countries[name] == "" {
						countries[name] = r.String()
					}
				}
			}
		}
	}
	// Film credits name these languages, which have no two-letter code.
	for _, code := range []string{"yue", "cmn", "fil", "haw", "gsw", "nds", "sco", "ast", "ckb"} {
		tag := language.MustParse(code)
		languages[strings.ToLower(langNames.Name(tag))] = code
	}
	languages["mandarin"] = "cmn"
	languages["mandarin chinese"] = "cmn"
	languages["standard chinese"] = "cmn"
	languages["hokkien"] = "nan"
	languages["taiwanese hokkien"] = "nan"
	languages["west frisian"] = "fy"
	languages["brazilian portuguese"] = "pt-BR"
	languages["portuguese (brazilian)"] = "pt-BR"
	languages["european portuguese"] = "pt-PT"
	languages["portuguese (european)"] = "pt-PT"
	languages["farsi"] = "fa"
	languages["flemish"] = "nl-BE"
	languages["norwegian"] = "no"
	languages["cantonese"] = "yue"
	return countries, languages
}

// nameForms returns a CLDR country name and the forms pages write it in:
// without its qualifier ("hong kong sar china", "myanmar (burma)": "hong
// kong"; "myanmar", "burma"), and with a plain apostrophe for CLDR's
// typographic one ("côte d’ivoire").
func nameForms(name string) []string {
	if name == "" {
		return nil
	}
	forms := []string{name}
	if short, ok := strings.CutSuffix(name, " sar china"); ok {
		forms = append(forms, short)
	}
	if head, rest, ok := strings.Cut(name, " ("); ok && strings.HasSuffix(rest, ")") {
		forms = append(forms, head, strings.TrimSuffix(rest, ")"))
	}
	for _, f := range forms {
		if strings.Contains(f, "’") {
			forms = append(forms, strings.ReplaceAll(f, "’", "'"))
		}
	}
	return forms
}

// key folds a name for lookup: case and "&" for "and" ("Bosnia &
// Herzegovina" is CLDR's spelling; pages write "and").
// (locale.key is the same fold; locale's tests prove the two agree.)
func key(name string) string {
	return strings.ReplaceAll(strings.ToLower(strings.TrimSpace(name)), " & ", " and ")
}
