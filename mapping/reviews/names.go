package reviews

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/film2ld/film2ld/mapping/internal/lazyre"
)

// What a reviewer's name must not hold. A value with any of them is not a
// name the page states but a name run together with something else (a
// publication, a role, a note, a score, a date, a sentence); minting a
// Person from it would invent one, so it is reported and left out.
var (
	// roleSeparators join a name to a publication or a role:
	// "Ann Lee — Variety", "Ann Lee | Chief critic", "Ann Lee, Variety".
	roleSeparators = []string{" — ", " – ", " - ", " | ", " · ", "/", ":", ";", ","}
	// nameJoiners join two names: a review by two people is not one Person.
	// (Not Spanish "y": "José Ortega y Gasset" is one man.)
	// gradeRe is a letter grade, as critics give them ("B+", "A−").
	gradeRe = lazyre.New(`^(?i:grade:?\s*)?[A-F][+\-−–]?$`)
	// scoreLikeRe is a score written with its scale or in stars: "8/10",
	// "4.5 / 5", "3 out of 5", "3½ stars", "★★★½".
	scoreLikeRe   = lazyre.New(`^(?i:\d+(?:[.,]\d+)?½?\s*(?:/|out of)\s*\d+(?:[.,]\d+)?|\d+(?:[.,]\d+)?½?\s*stars?|[★☆✩✪⭐½*]+)$`)
	nameJoinersRe = lazyre.New(`(?i)\s(?:and|&)\s`)
	monthYearRe   = lazyre.New(`(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|\b\d{4}\b`)
)

// maxNameWords is the most words a reviewer's name has; more is a sentence.
const maxNameWords = 5

// notAName says why v is not a person's name, or returns "".
func notAName(v string) string {
	switch {
	case v == "":
		return "is empty"
	case notReviewers[strings.ToLower(v)]:
		return "names no one"
	case isFurniture(v):
		return "is the site's button or prompt, not a name"
	case strings.ContainsAny(v, "([{"):
		return "holds an annotation"
	case strings.IndexFunc(v, unicode.IsDigit) >= 0 && (isDate(v) || monthYearRe.MatchString(v)):
		return "holds a date"
	case strings.IndexFunc(v, unicode.IsDigit) >= 0:
		return "holds a number (a score?)"
	case nameJoinersRe.MatchString(" " + v + " "):
		return "holds more than one name"
	case sentence(v):
		return "is a sentence, not a name"
	}
	bare := v
	if i := strings.LastIndex(v, ", "); i > 0 && nameSuffixes[strings.ToLower(v[i+2:])] {
		bare = v[:i] // "Martin Luther King, Jr.": the suffix is the name's
	}
	for _, sep := range roleSeparators {
		if strings.Contains(bare, sep) {
			return "holds a role separator (" + strings.TrimSpace(sep) + ")"
		}
	}
	if !unicode.IsLetter([]rune(v)[0]) {
		return "does not start with a letter"
	}
	return ""
}

// bylineSeparators part a reviewer's name from what the page writes after
// it: a publication or a role.
var bylineSeparators = []string{", ", " — ", " – ", " - ", " | ", " · "}

// byline reads "Name, Publication" or "Name — role": a reviewer's name,
// one separator, and a short phrase after it. It returns the name, the
// phrase and the separator, when the name is one (notAName) and the
// phrase could be a publication or a role; a name's suffix ("Jr.") is no
// phrase, and two names ("Ann Lee, Bo Chan") are not told from a name and
// a publication, and are left to notAName to refuse.
func byline(v string) (name, after, sep string, ok bool) {
	for _, s := range bylineSeparators {
		i := strings.Index(v, s)
		if i < 0 {
			continue
		}
		name, after = strings.TrimSpace(v[:i]), strings.TrimSpace(v[i+len(s):])
		if name == "" || after == "" || notAName(name) != "" && coauthorNames(name) == nil || nameSuffixes[strings.ToLower(after)] {
			return "", "", "", false
		}
		for _, other := range bylineSeparators {
			if strings.Contains(after, other) {
				return "", "", "", false
			}
		}
		if len(strings.Fields(after)) > 6 || notAPublication(after) != "" || strings.ContainsAny(after, "([{") {
			return "", "", "", false
		}
		if !role(after) && !bylinePublication(after) {
			return "", "", "", false
		}
		return name, after, s, true
	}
	return "", "", "", false
}

// coauthorNames reads the names of a review by more than one reviewer:
// "Mark Kermode & Simon Mayo", "Ann Lee and Bo Chan", "Ann Lee, Bo Chan
// and Cy Dorr". Each must be a name (notAName) of two words or more: a
// word alone after "and" ("Ann Lee and friends", "Ann Lee & Variety") may
// be no person. It returns nil when v is not such a list.
func coauthorNames(v string) []string {
	// The cheap test first: every reviewer's name comes here.
	if !strings.Contains(v, " & ") && !strings.Contains(v, " and ") && !strings.Contains(v, " And ") && !strings.Contains(v, " AND ") {
		return nil
	}
	joined := v
	for _, j := range []string{" & ", " and ", " And ", " AND "} {
		joined = strings.ReplaceAll(joined, ","+j, "\x00") // "A, B, and C"
		joined = strings.ReplaceAll(joined, j, "\x00")
	}
	joined = strings.ReplaceAll(joined, ", ", "\x00")
	names := strings.Split(joined, "\x00")
	if len(names) < 2 || len(names) > 4 {
		return nil
	}
	for i, name := range names {
		name = strings.TrimSpace(name)
		if len(strings.Fields(name)) < 2 || notAName(name) != "" {
			return nil
		}
		names[i] = name
	}
	return names
}

// role reports a phrase that says what a reviewer is, not where the
// review appeared: "chief critic", "Film Editor", "contributing writer".
func role(s string) bool {
	if r, _ := utf8.DecodeRuneInString(s); unicode.IsLower(r) {
		return true
	}
	for w := range strings.FieldsSeq(strings.ToLower(s)) {
		if roleWords[strings.Trim(w, ".,")] {
			return true
		}
	}
	return false
}

// bylinePublication reports a phrase after a reviewer's name that reads
// as a publication's, not a second person's: one word ("Variety"), a
// name that begins with "The", a web address, or one with a word
// publications are named with ("Times", "Magazine", "Review"). Two
// capitalised words alone ("Guy Lodge") may be a person.
func bylinePublication(s string) bool {
	if role(s) {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(s); !unicode.IsUpper(r) && !unicode.IsDigit(r) {
		return false
	}
	words := strings.Fields(s)
	if len(words) == 1 || words[0] == "The" || strings.Contains(s, ".com") || strings.Contains(s, ".org") || strings.Contains(s, ".net") || strings.Contains(s, ".co.") {
		return true
	}
	for _, w := range words {
		if publicationWords[strings.ToLower(strings.Trim(w, ".,"))] {
			return true
		}
	}
	return false
}

// separatorName names a byline's separator for a note.
func separatorName(sep string) string {
	if sep == ", " {
		return "comma"
	}
	return strings.TrimSpace(sep)
}

// nameSuffixes end a person's name after a comma ("Martin Luther King,
// Jr."): part of the name, not a publication (lower case).
var nameSuffixes = map[string]bool{"jr.": true, "jr": true, "sr.": true, "sr": true, "ii": true, "iii": true, "iv": true}

// roleWords say what a reviewer is (lower case).
var roleWords = map[string]bool{
	"critic": true, "critics": true, "editor": true, "editors": true, "writer": true, "contributor": true, "correspondent": true,
	"reviewer": true, "columnist": true, "staff": true, "freelance": true, "freelancer": true, "chief": true, "senior": true,
	"contributing": true, "host": true, "presenter": true, "programmer": true, "journalist": true, "blogger": true,
}

// publicationWords are words publications are named with (lower case).
var publicationWords = map[string]bool{
	"times": true, "post": true, "journal": true, "news": true, "review": true, "weekly": true, "daily": true, "magazine": true,
	"tribune": true, "guardian": true, "observer": true, "reporter": true, "herald": true, "gazette": true, "chronicle": true,
	"telegraph": true, "independent": true, "standard": true, "express": true, "mail": true, "mirror": true, "globe": true,
	"press": true, "monthly": true, "quarterly": true, "film": true, "films": true, "cinema": true, "screen": true, "sound": true,
	"courier": true, "ledger": true, "inquirer": true, "examiner": true, "sentinel": true, "dispatch": true, "digest": true,
	"bulletin": true, "radio": true, "tv": true, "online": true, "sun-times": true, "&": true, "reader": true, "voice": true,
	"world": true, "week": true, "today": true, "zeitung": true, "monde": true, "libération": true, "cahiers": true, "revue": true,
}

// screenName reports whether v is a user's screen name with digits in it
// ("cinephile88", "JohnD2000", "film_fan_3"): one word of letters and
// digits (with "_", "." or "-" inside) that starts with a letter. A
// critic's name with a number is refused (a score run into it), but a
// user review's handle often holds one, and its review lost its author.
func screenName(v string) bool {
	if v == "" || strings.ContainsAny(v, " \t") || !unicode.IsLetter([]rune(v)[0]) || isDate(v) || monthYearRe.MatchString(v) {
		return false
	}
	for _, r := range v {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !strings.ContainsRune("_.-", r) {
			return false
		}
	}
	return true
}

// sentence reports words that read as a sentence: too many of them, a
// question or exclamation, or a full stop followed by more words in lower
// case ("Great. loved it"); initials ("V.A. Musetto") are not one.
func sentence(v string) bool {
	words := strings.Fields(v)
	if len(words) > maxNameWords || strings.ContainsAny(v, "!?") {
		return true
	}
	for i, w := range words[:len(words)-1] {
		next := []rune(words[i+1])[0]
		if strings.HasSuffix(w, ".") && len([]rune(w)) > 3 && unicode.IsLower(next) && !initials(w) {
			return true
		}
	}
	return false
}

// initials reports whether w is initials run together, each a letter and
// a full stop ("J.P.", "A.O.", "M.-L."): before a particle in lower case ("J.P.
// de la Fuente", "A.O. van Dijk", audit 15) they end no sentence.
func initials(w string) bool {
	rs := []rune(w)
	i := 0
	for i < len(rs) {
		if i+1 >= len(rs) || !unicode.IsUpper(rs[i]) || rs[i+1] != '.' {
			return false
		}
		i += 2
		if i < len(rs) && rs[i] == '-' { // "M.-L."
			i++
		}
	}
	return len(rs) > 0 && rs[len(rs)-1] == '.'
}

// notAPublication says why v is not a publication's name, or returns "".
func notAPublication(v string) string {
	switch {
	case v == "":
		return "is empty"
	case isDate(v):
		return "is a date"
	case isFurniture(v):
		return "is the site's button or prompt, not a publication"
	case isNumber(v):
		return "is a number (a score?)"
	case gradeRe.MatchString(v):
		// "B+" on the line where a publication stands: a letter grade,
		// which states no number to read as a score.
		return "is a letter grade, which has no numeric scale"
	case scoreLikeRe.MatchString(v):
		return "is a score"
	case len(strings.Fields(v)) > 8 || strings.ContainsAny(v, "!?"):
		return "is a sentence, not a name"
	}
	return ""
}
