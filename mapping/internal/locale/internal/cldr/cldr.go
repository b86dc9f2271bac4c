// Package cldr builds the locale package's name tables from the CLDR data
// of golang.org/x/text. Only the generator and the tests import it: the
// display tables cost a large package to compile and milliseconds of
// initialisation in every process, for about 450 names that never change
// between two versions of golang.org/x/text.
package cldr

import (
	"maps"
	"slices"
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

// otherAliases are names in otherLanguages in common use that CLDR spells
// otherwise, as aliases are in English: long forms ("Stati Uniti
// d'America", audit 17), old and informal names, and the countries that
// are no more. CLDR's own names of each language win over these. East and
// West Germany, England and Scotland are left out: their codes' English
// names ("Germany", "United Kingdom") are not what the page says.
var otherAliases = map[string]string{
	// French
	"états-unis d'amérique": "US", "etats-unis": "US", "grande-bretagne": "GB",
	"hollande": "NL", "union soviétique": "SU", "urss": "SU", "yougoslavie": "YU",
	"tchécoslovaquie": "CS", "république tchèque": "CZ",
	// German
	"vereinigte staaten von amerika": "US", "großbritannien": "GB", "grossbritannien": "GB",
	"holland": "NL", "sowjetunion": "SU", "udssr": "SU", "jugoslawien": "YU",
	"tschechoslowakei": "CS", "tschechische republik": "CZ",
	// Spanish
	"estados unidos de américa": "US", "ee. uu.": "US", "ee.uu.": "US", "eeuu": "US",
	"gran bretaña": "GB", "holanda": "NL", "unión soviética": "SU",
	"yugoslavia": "YU", "checoslovaquia": "CS", "república checa": "CZ",
	// Italian
	"stati uniti d'america": "US", "gran bretagna": "GB", "olanda": "NL", "unione sovietica": "SU",
	"jugoslavia": "YU", "cecoslovacchia": "CS", "repubblica ceca": "CZ",
}

// otherLanguages are the languages, besides English, whose country names
// the table holds: those the film prize's site is published in most.
var otherLanguages = []language.Tag{language.French, language.German, language.Spanish, language.Italian}

// Tables returns the English country names (lower case, "&" as "and"),
// and those of otherLanguages, with their ISO 3166-1 alpha-2 codes, and the English language names with
// their BCP 47 tags.
func Tables() (countries, languages map[string]string) {
	countries = englishCountries()
	languages = map[string]string{}
	langNames := display.English.Languages()
	for a := 'A'; a <= 'Z'; a++ {
		for b := 'A'; b <= 'Z'; b++ {
			code := string([]rune{a, b})
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
	// The prize's pages in its other languages write the countries in
	// theirs ("Belgique", audit 14): their names too, after the English
	// ones, which win a name both have.
	for name, code := range otherCountries(countries) {
		countries[name] = code
	}
	// Film credits name these languages, which have no two-letter code.
	for _, code := range threeLetter {
		tag := language.MustParse(code)
		if name := key(langNames.Name(tag)); name != "" {
			languages[name] = code
		}
	}
	for name, tag := range languageAliases {
		languages[name] = tag
	}
	// Articles in German, Italian, Spanish and French name the languages
	// in theirs ("Italienisch", "siciliano"; audit 15): their names for
	// every code above, after the English ones, which win a name both
	// have.
	codes := map[string]bool{}
	for _, tag := range languages {
		codes[tag] = true
	}
	for _, lang := range otherLanguages {
		namer := display.Languages(lang)
		for _, code := range slices.Sorted(maps.Keys(codes)) {
			tag, err := language.Parse(code)
			if err != nil {
				continue
			}
			if name := key(namer.Name(tag)); name != "" && languages[name] == "" {
				languages[name] = code
			}
		}
	}
	return countries, languages
}

// englishCountries returns the English country names, CLDR's and the
// aliases, with their codes.
func englishCountries() map[string]string {
	countries := map[string]string{}
	regionNames := display.English.Regions()
	for a := 'A'; a <= 'Z'; a++ {
		for b := 'A'; b <= 'Z'; b++ {
			// A withdrawn code (DD, BU, RH) is named as the country that
			// took its place: "Germany" was DD, the first by letter.
			if r, err := language.ParseRegion(string([]rune{a, b})); err == nil && r.IsCountry() && r.Canonicalize() == r {
				// The first code wins: FR before FX ("Metropolitan France"
				// is also named France in some CLDR versions).
				for _, name := range nameForms(key(regionNames.Name(r))) {
					if countries[name] == "" {
						countries[name] = r.String()
					}
				}
			}
		}
	}
	for name, code := range aliases {
		countries[name] = code
	}
	return countries
}

// otherCountries returns the country names of otherLanguages that are
// not English names (in english), with their codes.
func otherCountries(english map[string]string) map[string]string {
	others := map[string]string{}
	for _, lang := range otherLanguages {
		namer := display.Regions(lang)
		for a := 'A'; a <= 'Z'; a++ {
			for b := 'A'; b <= 'Z'; b++ {
				r, err := language.ParseRegion(string([]rune{a, b}))
				if err != nil || !r.IsCountry() || r.Canonicalize() != r {
					continue
				}
				for _, name := range nameForms(key(namer.Name(r))) {
					if english[name] == "" && others[name] == "" {
						others[name] = r.String()
					}
				}
			}
		}
	}
	for name, code := range otherAliases {
		// Pages write the apostrophe both ways ("d’America").
		for _, name := range []string{name, strings.ReplaceAll(name, "'", "’")} {
			if english[name] == "" && others[name] == "" {
				others[name] = code
			}
		}
	}
	return others
}

// Others returns the country names of the other languages (French,
// German, Spanish, Italian) that no English name spells alike, with their
// codes ("belgique": "BE"): a name a page writes in one of those
// languages, which the output writes in English (English).
func Others() map[string]string { return otherCountries(englishCountries()) }

// English returns the English name of every country whose name in another
// language Others holds, by its code ("BE": "Belgium"): CLDR's, without
// its qualifier ("Hong Kong", "Myanmar"), with "and" for "&" and a plain
// apostrophe, as English articles write them; where CLDR's is a short
// form for a menu ("Congo - Kinshasa") or an older name ("Macedonia",
// "Swaziland"), the name English articles use.
func English() map[string]string {
	names := display.English.Regions()
	out := map[string]string{}
	for _, code := range Others() {
		if out[code] != "" {
			continue
		}
		if n, ok := englishNames[code]; ok {
			out[code] = n
			continue
		}
		name := names.Name(language.MustParseRegion(code))
		name = strings.TrimSuffix(name, " SAR China")
		if head, rest, ok := strings.Cut(name, " ("); ok && strings.HasSuffix(rest, ")") {
			name = head
		}
		out[code] = strings.ReplaceAll(strings.ReplaceAll(name, " & ", " and "), "’", "'")
	}
	return out
}

// englishNames are the English names of the countries whose CLDR name
// English articles do not use.
var englishNames = map[string]string{
	"CD": "Democratic Republic of the Congo", "CG": "Republic of the Congo", "PS": "Palestine",
	"MK": "North Macedonia", "SZ": "Eswatini",
	// The countries that are no more, which CLDR does not name; CS is
	// Czechoslovakia's (otherAliases names no other country by it).
	"SU": "Soviet Union", "YU": "Yugoslavia", "CS": "Czechoslovakia",
}

// threeLetter are languages film credits name that have no two-letter
// code: CLDR's English name (and its other languages') gives each.
var threeLetter = []string{
	"yue", "cmn", "fil", "haw", "gsw", "nds", "sco", "ast", "ckb",
	"ase", "bfi", "fsl", "scn", "nap", "vec", "fur", "lad", "bar", "hak", "wuu", "nan", "ceb", "ilo",
	"bho", "mai", "kok", "prs", "arn", "yua", "pap", "kea", "grc", "ang", "arc", "tlh", "lkt", "chr",
	"moh", "kab", "ary", "arz", "rom", "ain", "tpi", "zgh", "pcm", "jam", "lij", "lmo", "pms", "tmh",
}

// languageAliases are the names Wikipedia's infoboxes give languages
// where CLDR's English name differs (or CLDR has none), with the BCP 47
// tag of each: a name pages write ("Slovene", "Bengali"), an older or
// wider one ("Serbo-Croatian", "Castilian"), one CLDR's data folds into
// another language ("Tagalog", which x/text makes Filipino). Audit 15.
var languageAliases = map[string]string{
	"mandarin": "cmn", "mandarin chinese": "cmn", "standard chinese": "cmn", "hokkien": "nan",
	"taiwanese hokkien": "nan", "taiwanese": "nan", "min nan": "nan", "shanghainese": "wuu",
	"west frisian": "fy", "frisian": "fy", "brazilian portuguese": "pt-BR", "portuguese (brazilian)": "pt-BR",
	"european portuguese": "pt-PT", "portuguese (european)": "pt-PT", "farsi": "fa", "flemish": "nl-BE",
	"norwegian": "no", "cantonese": "yue",
	// "sh" is the registry's subtag for Serbo-Croatian: BCP 47 registers
	// no three-letter code ("hbs") for a language with a two-letter one.
	// x/text reads both as Serbian in Latin script, which the table
	// held: a film in Serbo-Croatian is not in Serbian.
	"serbo-croatian": "sh", "serbo-croat": "sh", "croato-serbian": "sh",
	"slovene": "sl", "tagalog": "tl", "greenlandic": "kl", "castilian": "es", "castilian spanish": "es",
	"valencian": "ca", "nahuatl": "nah", "bengali": "bn", "sinhalese": "si", "oriya": "or",
	"ojibwe": "oj", "kirghiz": "ky", "azeri": "az", "ossetian": "os", "fula": "ff", "fulani": "ff",
	"kirundi": "rn", "chichewa": "ny", "sesotho": "st", "setswana": "tn", "pashtu": "ps", "panjabi": "pa",
	"uighur": "ug", "dhivehi": "dv", "maldivian": "dv", "irish gaelic": "ga", "modern greek": "el",
	"byelorussian": "be", "haitian": "ht", "moldovan": "ro-MD", "romani": "rom", "romany": "rom",
	"sorani": "ckb", "kurmanji": "kmr", "dari": "prs", "bhojpuri": "bho", "cape verdean creole": "kea",
	"jamaican patois": "jam", "nigerian pidgin": "pcm", "yucatec maya": "yua", "mapudungun": "arn",
	"berber": "ber", "tamazight": "zgh", "ladino": "lad", "judeo-spanish": "lad", "klingon": "tlh",
	"ancient greek": "grc", "old english": "ang", "aramaic": "arc", "lakota": "lkt", "cherokee": "chr",
	"british sign language": "bfi", "french sign language": "fsl", "inuit sign language": "iks",
	"mohawk": "moh", "neapolitan": "nap", "sicilian": "scn", "venetian": "vec", "friulian": "fur",
	"ligurian": "lij", "lombard": "lmo", "piedmontese": "pms", "bavarian": "bar", "alsatian": "gsw",
	"swiss german": "gsw", "low german": "nds", "scots": "sco", "hawaiian": "haw", "inupiat": "ik",
	"yakut": "sah", "sakha": "sah", "inuktitut": "iu", "sami": "se", "northern sami": "se",
	"tamasheq": "tmh", "tamashek": "tmh", "tuareg": "tmh",
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
