package cast

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/film2ld/film2ld/mapping/film"
	"github.com/film2ld/film2ld/mapping/internal/locale"
)

// Split returns a cast entry as one part for each character it names, when
// it names several unmistakably ("Ana Ruiz as Anna / Nina", "as Chiara;
// Nora", "as the Harbourmaster and the Moon"): one character called "Anna
// / Nina" was no character of the film, and did not merge with another
// document's "as Anna". Each part keeps the entry's actor, role names and
// description. An entry whose character may be one name is returned as it
// is: a wrong split invents two characters nobody plays, which is worse
// than none (see characters).
//
// titles are the titles the document states (the film's own, its other
// titles, its segments' and sections' titles): a character text that is
// one of them ("Salomé : le Sel et la Lune" in the article about Le Sel
// et la Lune) names the work, and stays whole however it is joined.
func Split(m film.CastMember, titles ...string) []film.CastMember {
	names := characters(m.Character)
	if len(names) < 2 || isTitle(m.Character, titles) {
		return []film.CastMember{m}
	}
	out := make([]film.CastMember, len(names))
	for i, n := range names {
		out[i] = m
		out[i].Character = n
		if m.Details != nil {
			// Each its own: a voice cast adds a role name to each.
			d := *m.Details
			d.RoleNames = slices.Clone(d.RoleNames)
			out[i].Details = &d
		}
	}
	return out
}

// Splits reports whether Split makes more than one part of m, without
// making any: nearly every entry names one character, and the readers ask
// of every entry (a slice of one for each was 16 allocations a film).
func Splits(m film.CastMember, titles ...string) bool {
	return len(characters(m.Character)) >= 2 && !isTitle(m.Character, titles)
}

// isTitle reports whether a character text is one of titles, compared
// without case, accents or surrounding quotes.
func isTitle(c string, titles []string) bool {
	key := titleKey(c)
	for _, t := range titles {
		if t != "" && titleKey(t) == key {
			return true
		}
	}
	return false
}

func titleKey(s string) string {
	s = strings.Trim(strings.TrimSpace(s), "\"'‘’“”«»„ ")
	return strings.ToLower(locale.StripAccents(strings.Join(strings.Fields(s), " ")))
}

// characters returns the characters a cast entry's character text names
// when it names several unmistakably, else nil. A semicolon or a slash
// always joins two ("Anna / Nina", "Chiara; Nora"). "and" (or "&", "und",
// "et", "e", "y") joins two only when each side is led by an article and
// has two words at least ("the Harbourmaster and the Moon", "die Wirtin
// und die Tochter"), with no word such as "of" or "in" that makes one a
// phrase ("the Narrator of Romeo and Juliet"), and the whole is no
// well-known pair that names one work ("the Old Man and the Sea"). Bare
// words joined by "and" are one name as often as two: a pair of twins
// known as "Salt and Pepper", "Sal y Pimienta", "Salz und Pfeffer", a
// double act, "Romeo and Juliet", "Mr. and Mrs. Smith", "Beauty and the
// Beast"; they stay whole (audit 17: "Salt and Pepper" became the
// characters "Salt" and "Pepper"). A bracket anywhere keeps the text
// whole, and so does a part that is a role name rather than a character
// ("himself", "narrator").
func characters(c string) []string {
	if c == "" || strings.ContainsAny(c, "()[]") || strings.Contains(c, "://") {
		return nil
	}
	for _, sep := range []string{";", "/"} {
		if !strings.Contains(c, sep) {
			continue
		}
		parts := strings.Split(c, sep)
		for i := range parts {
			parts[i] = strings.TrimSpace(parts[i])
			if !characterName(parts[i]) {
				return nil
			}
		}
		return parts
	}
	left, right, ok := cutConjunction(c)
	if !ok || knownPairs[strings.ToLower(locale.StripAccents(c))] {
		return nil
	}
	if !characterName(left) || !characterName(right) {
		return nil
	}
	lw, rw := strings.Fields(left), strings.Fields(right)
	if len(lw) > 4 || len(rw) > 4 || slices.ContainsFunc(lw, isLinkWord) || slices.ContainsFunc(rw, isLinkWord) {
		return nil
	}
	if len(lw) < 2 || len(rw) < 2 || !articles[strings.ToLower(lw[0])] || !articles[strings.ToLower(rw[0])] {
		return nil
	}
	return []string{left, right}
}

// cutConjunction splits a text at its one conjunction; ok is false when
// it has none or more than one.
func cutConjunction(c string) (left, right string, ok bool) {
	found := 0
	for _, conj := range []string{" and ", " & ", " und ", " et ", " e ", " y "} {
		if n := strings.Count(c, conj); n > 0 {
			found += n
			left, right, _ = strings.Cut(c, conj)
		}
	}
	if found != 1 {
		return "", "", false
	}
	return strings.TrimSpace(left), strings.TrimSpace(right), true
}

// characterName reports whether a part of a character text can be a
// character of its own: it starts with a letter, holds two at least, and
// is no word for a person appearing as themselves or for what they do
// ("Anna / narrator" stays one text).
func characterName(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsLetter(r) || strings.IndexFunc(s[utf8.RuneLen(r):], unicode.IsLetter) < 0 {
		return false
	}
	lower := strings.ToLower(s)
	if selves[lower] || functions[lower] {
		return false
	}
	_, annotation := Annotations[lower]
	return !annotation
}

// isLinkWord reports whether a word makes a character's name a phrase
// that another name may belong to ("the Narrator of Romeo and Juliet").
func isLinkWord(w string) bool { return linkWords[strings.ToLower(w)] }

// articles lead a character's name that is a description ("the
// Harbourmaster"), in the languages of the pages film2ld reads.
var articles = map[string]bool{
	"the": true, "a": true, "an": true, "der": true, "die": true, "das": true, "ein": true, "eine": true,
	"le": true, "la": true, "les": true, "un": true, "une": true, "il": true, "lo": true, "el": true,
	"los": true, "las": true, "una": true,
}

// linkWords join a name to another inside one character's name.
var linkWords = map[string]bool{
	"of": true, "in": true, "from": true, "with": true, "at": true, "on": true, "for": true, "to": true, "by": true,
	"de": true, "du": true, "des": true, "del": true, "della": true, "di": true, "da": true, "von": true, "vom": true,
	"aus": true, "mit": true, "im": true, "con": true, "avec": true, "dans": true,
}

// knownPairs are pairs that name one work, a story or a double act
// ("Romeo and Juliet"), lower-case without accents: a character text that
// is one of them stays whole, whatever it plays.
var knownPairs = map[string]bool{
	"romeo and juliet": true, "bonnie and clyde": true, "hansel and gretel": true, "tristan and isolde": true,
	"antony and cleopatra": true, "troilus and cressida": true, "samson and delilah": true, "adam and eve": true,
	"jekyll and hyde": true, "punch and judy": true, "laurel and hardy": true, "thelma and louise": true,
	"tom and jerry": true, "jack and jill": true, "dido and aeneas": true, "orpheus and eurydice": true,
	"pelleas and melisande": true, "pyramus and thisbe": true, "daphnis and chloe": true, "paul and virginia": true,
	"the old man and the sea": true, "the prince and the pauper": true, "the fox and the hound": true,
	"the owl and the pussycat": true, "the tortoise and the hare": true, "the lion and the mouse": true,
	"romeo et juliette": true, "romeo e giulietta": true, "romeo y julieta": true, "romeo und julia": true,
	"hansel und gretel": true, "tristan und isolde": true, "tristan et iseut": true, "max und moritz": true,
	"pelleas et melisande": true, "paul et virginie": true, "dick und doof": true,
}
