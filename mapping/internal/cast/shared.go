package cast

import (
	"fmt"
	"slices"
	"strings"

	"github.com/film2ld/film2ld/mapping/film"
	"github.com/film2ld/film2ld/mapping/internal/lazyre"
	"github.com/film2ld/film2ld/mapping/internal/locale"
	"github.com/film2ld/film2ld/mapping/internal/text"
)

// Shared returns a cast entry as one part for each actor, when its actor
// is a list of names ("Dante Posani, Carlo Valenzano – Ball guests",
// "August Diehl and Lars Eidinger (the SS officers)"): read as one name,
// the entry was left out (audit 13, 18). The actors share the part, or,
// when the characters end in "respectively" ("Annie Potts and Laurie
// Metcalf as Bo Peep and Mrs. Davis respectively"), each plays the
// character in its place in the list; with as many characters as actors
// only, else the characters are left out with a note.
//
// An actor's bracket that names a language ("Aoi Nakamura (Japanese);
// Cherami Leigh (English) as Hina", a dub's voice cast) is left out with
// a note: schema.org has no term for a version's cast.
//
// Each name must read as a person's (text.PersonProblem); else, and for
// an entry that names one actor and no language, it returns nil, and m
// stands as it is, for text.CheckPeople to judge. Notes say what was
// left out, for the mapper to report with the entry's line.
func Shared(m film.CastMember) (parts []film.CastMember, notes []string) {
	a := m.Actor.Value
	if !strings.ContainsAny(a, ",;&/(") && !strings.Contains(a, " and ") && !strings.Contains(a, " et ") && !strings.Contains(a, " und ") {
		return nil, nil
	}
	names := text.SplitNames(a)
	var languages []string
	for i, n := range names {
		if name, lang, ok := cutLanguage(n); ok {
			names[i] = name
			languages = append(languages, lang)
		}
	}
	if len(names) < 2 && len(languages) == 0 {
		return nil, nil
	}
	for _, n := range names {
		if text.PersonProblem(n) != "" {
			return nil, nil
		}
	}
	characters := []string{m.Character}
	description := m.Description()
	if list, ok := respectively(m.Character, description); ok && len(names) > 1 {
		description = ""
		if len(list) == len(names) {
			characters = list
		} else {
			characters = []string{""}
			notes = append(notes, fmt.Sprintf("%q: %d characters for %d actors, which \"respectively\" pairs in order; the characters are left out",
				text.Short(strings.Join(list, ", ")), len(list), len(names)))
		}
	}
	if len(languages) > 0 {
		notes = append(notes, fmt.Sprintf("%q: each actor is kept with the part; the %s in brackets (%s) %s left out (schema.org has no term for a version's cast)",
			text.Short(a), plural(len(languages), "language", "languages"), strings.Join(languages, ", "), plural(len(languages), "is", "are")))
	}
	parts = make([]film.CastMember, len(names))
	for i, n := range names {
		parts[i] = m
		parts[i].Actor.Value = n
		parts[i].Character = characters[min(i, len(characters)-1)]
		if m.Details != nil {
			// Each its own: a voice cast adds a role name to each.
			d := *m.Details
			d.RoleNames = slices.Clone(d.RoleNames)
			d.Description = description
			parts[i].Details = &d
		}
	}
	return parts, notes
}

// cutLanguage takes from an actor's name the bracket that names the
// language of the version they play in ("Aoi Nakamura (Japanese)",
// "Erica Mendez (English dub)") and returns the name, the bracket's text
// and whether it did. A bracket that holds anything else stays.
func cutLanguage(name string) (string, string, bool) {
	if !strings.HasSuffix(name, ")") {
		return name, "", false
	}
	open := strings.LastIndex(name, " (")
	if open <= 0 {
		return name, "", false
	}
	inner := strings.TrimSpace(name[open+2 : len(name)-1])
	lang := inner
	for _, w := range []string{" dub", " dubbing", " version", " voice"} {
		lang = strings.TrimSuffix(lang, w)
	}
	if _, ok := locale.Language(lang); !ok || strings.Contains(lang, "(") {
		return name, "", false
	}
	return strings.TrimSpace(name[:open]), inner, true
}

// respectivelyWords end a list of characters that pairs with a list of
// actors in order, in the languages of the articles film2ld reads.
var respectivelyWords = []string{"respectively", "respectivement", "rispettivamente", "respectivamente", "respektive", "beziehungsweise"}

// characterListSep splits a list of characters: commas, "and" and its
// forms in the other languages, "&".
var characterListSep = lazyre.New(`\s*,\s*(?:and\s+|et\s+|und\s+|e\s+|y\s+)?|\s+(?:and|&|et|und|e|y)\s+`)

// respectively returns the characters of a character text (with the
// description Parse split from it after a comma) that ends in
// "respectively", and whether it does.
func respectively(character, description string) ([]string, bool) {
	full := character
	if description != "" {
		full += ", " + description
	}
	lower := strings.ToLower(full)
	for _, w := range respectivelyWords {
		if !strings.HasSuffix(lower, " "+w) {
			continue
		}
		list := strings.TrimRight(strings.TrimSpace(full[:len(full)-len(w)]), ",")
		var out []string
		for _, c := range characterListSep.Split(list, -1) {
			if c = strings.TrimSpace(c); c != "" {
				out = append(out, c)
			}
		}
		return out, len(out) > 0
	}
	return nil, false
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
