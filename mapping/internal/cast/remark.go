package cast

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/film2ld/film2ld/mapping/internal/text"
)

// cutRemark splits a cast entry into the part and the remark an article
// writes after it, past a semicolon or a sentence's full stop: "Cesar
// Romero as Duke Santos; Romero replaced George Raft", "Tom Vale as Woody,
// a cowboy doll. Vale also voiced the games". The remark is about the
// actor or the making of the film, not a character: read as one, "Romero
// replaced George Raft" became a second part (audit 18). It returns s and
// "" when s has no remark; see isRemark for what is one.
func cutRemark(s string) (part, remark string) {
	if !strings.Contains(s, "; ") && !strings.Contains(s, ". ") {
		return s, ""
	}
	spans := text.BracketSpans(s)
	for i := 0; i+1 < len(s); i++ {
		if s[i+1] != ' ' || s[i] != ';' && s[i] != '.' || text.Within(spans, i) {
			continue
		}
		head, rest := strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+2:])
		if head == "" || rest == "" {
			continue
		}
		if s[i] == '.' && !sentenceEnd(head) {
			continue // "Mr. Potato Head", "J. R. Kapoor"
		}
		if isRemark(rest, actorOf(head)) {
			return head, rest
		}
	}
	return s, ""
}

// actorOf returns the actor's part of a cast entry's head: up to its
// earliest separator, or its first bracket.
func actorOf(head string) string {
	end := len(head)
	for _, sep := range separators {
		if start, _ := sep(head, 0); start > 0 && start < end {
			end = start
		}
	}
	if i := strings.IndexByte(head, '('); i > 0 && i < end {
		end = i
	}
	return head[:end]
}

// sentenceEnd reports whether a full stop after head ends a sentence
// rather than an abbreviation or an initial: the word before it has
// three letters at least, or is a lower-case word of two ("a doll. He
// …"), and is no title such as "Mrs." or "Capt.".
func sentenceEnd(head string) bool {
	w := head[strings.LastIndexAny(head, " (")+1:]
	n := utf8.RuneCountInString(w)
	if n == 0 || strings.Contains(w, ".") || abbreviations[w] {
		return false
	}
	r, _ := utf8.DecodeRuneInString(w)
	return n >= 3 || n == 2 && unicode.IsLower(r)
}

// abbreviations are the titles a name or a character's name holds with
// a full stop, of three letters or more.
var abbreviations = map[string]bool{
	"Mrs": true, "Mme": true, "Mlle": true, "Capt": true, "Col": true, "Gen": true, "Sgt": true, "Lt": true,
	"Prof": true, "Rev": true, "Gov": true, "Sen": true, "Rep": true, "Cpl": true, "Pvt": true, "Maj": true,
	"Cmdr": true, "Adm": true, "Insp": true, "Det": true, "Supt": true, "Fr": true, "Bros": true, "Hon": true,
	"Snr": true, "Jnr": true,
}

// IsRemark reports whether a line under a cast entry (a sub-item) is a
// remark on the entry's actor, by isRemark's rules: "Rickles also voiced
// the commercial's announcer" under "Don Rickles as Mr. Potato Head".
func IsRemark(line, actor string) bool { return isRemark(line, actor) }

// isRemark reports whether the text after a cast entry's part is a
// remark on it rather than another character or a description: it opens
// with a word of the actor's name ("Romero replaced …", "Hanks also
// voiced …") or a pronoun ("She reprised …"), or it is a sentence that
// opens with a capital and holds a verb that tells of the actor or the
// making ("Originally cast as …"). A character ("Chiara; Nora", "the
// Harbourmaster; the Moon") does neither.
func isRemark(rest, actor string) bool {
	words := strings.Fields(rest)
	if len(words) < 2 {
		return false
	}
	first := strings.TrimRight(words[0], ",:")
	first = strings.TrimSuffix(strings.TrimSuffix(first, "'s"), "’s")
	r, size := utf8.DecodeRuneInString(first)
	if !unicode.IsUpper(r) {
		// "; she reprised the part in 2004": a pronoun and a verb of
		// the making, in lower case too ("; her mother Greta" is a
		// character).
		return pronouns[string(unicode.ToUpper(r))+first[size:]] && len(words) >= 3 && hasRemarkVerb(words[1:])
	}
	if utf8.RuneCountInString(first) >= 2 {
		for _, w := range strings.Fields(actor) {
			if w == first {
				return true
			}
		}
	}
	if pronouns[first] && len(words) >= 3 {
		return true
	}
	if len(words) < 4 {
		return false
	}
	if remarkOpeners[first] {
		return true
	}
	return hasRemarkVerb(words[1:])
}

// hasRemarkVerb reports whether one of words is one of remarkVerbs.
func hasRemarkVerb(words []string) bool {
	for _, w := range words {
		if remarkVerbs[strings.TrimRight(w, ".,;")] {
			return true
		}
	}
	return false
}

// pronouns open a remark about the actor.
var pronouns = map[string]bool{
	"He": true, "She": true, "They": true, "His": true, "Her": true, "Their": true, "It": true,
	"This": true, "Both": true,
}

// remarkOpeners open a remark that is a sentence ("Originally cast as
// …").
var remarkOpeners = map[string]bool{"Originally": true, "Later": true, "Also": true, "Initially": true}

// remarkVerbs tell of an actor or of the making of the film in a remark,
// never in a character's name.
var remarkVerbs = map[string]bool{
	"was": true, "were": true, "is": true, "are": true, "has": true, "had": true, "have": true,
	"also": true, "later": true, "originally": true, "replaced": true, "replacing": true, "reprised": true,
	"reprises": true, "reprising": true, "voiced": true, "appeared": true, "appears": true, "returned": true,
	"returns": true, "won": true, "received": true, "would": true, "did": true, "does": true, "died": true,
}
