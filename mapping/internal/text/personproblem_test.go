package text

import (
	"fmt"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// personProblemFields is PersonProblem as it was, splitting with
// strings.Fields.
func personProblemFields(name string) string {
	s := Clean(name)
	switch {
	case s == "":
		return "it is empty"
	case !strings.ContainsFunc(s, unicode.IsLetter):
		return "it has no letter"
	case strings.ContainsFunc(s, unicode.IsDigit):
		// "Policier 1", "Pula 2020": a character or a place and year.
		return "it holds a digit"
	case strings.ContainsAny(s, annotationMarks):
		return "it holds an annotation in brackets"
	case strings.ContainsAny(s, "!?;:"):
		return "it holds sentence punctuation"
	case strings.Contains(s, "…") || strings.Contains(s, "..."):
		return "it is cut short"
	case strings.HasPrefix(s, "-") || strings.HasPrefix(s, "•") || strings.HasPrefix(s, "*"):
		return "it starts with a list mark"
	}
	if mayHoldRoleSeparator(s) {
		padded := " " + strings.ToLower(s) + " "
		for _, sep := range roleSeparators {
			if strings.Contains(padded, sep) {
				return fmt.Sprintf("it holds the role separator %q", strings.TrimSpace(sep))
			}
		}
	}
	if n := utf8.RuneCountInString(s); n > maxNameChars {
		return fmt.Sprintf("it is %d characters long, more than a name is", n)
	}
	words := strings.Fields(s)
	if len(words) > maxNameWords {
		return fmt.Sprintf("it has %d words, more than a name has", len(words))
	}
	lower := 0
	for _, w := range words {
		if functionWords[w] {
			// "Narrated by Paul Petit", "Anne and Piotr": words that join
			// a name to something else.
			return fmt.Sprintf("it holds the word %q", w)
		}
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsLower(r) && !particleWord(w) {
			lower++
		}
	}
	if lower > 0 && lower*2 >= len(words) {
		// "the purser", "various", "and others": lower-case words that are
		// not particles of a surname.
		return "it reads as words, not a name"
	}
	if last := words[len(words)-1]; strings.HasSuffix(last, ".") && utf8.RuneCountInString(last) > 4 && len(words) > 3 {
		// "… was shot in Liège." ends a sentence; "Jr." and "St." end names.
		return "it reads as a sentence"
	}
	return ""
}

var personCases = []string{
	"Anne Coesens", " Anne  Coesens ", "V.A. Musetto", "Jean-Baptiste d'Alembert", "the purser", "various",
	"Narrated by Paul Petit", "a b c d e f g h i j", "Anne\u00a0Coesens", "Ann\tLee", "x", "Mr. Kapoor Sr.",
	"… was shot in Liège.", "He was shot in Liège.", "and others", "van der Berg", "Ann \xff Lee", "\u2003Ann\u2003",
	"One Two Three Four Five Six Seven", "a. b. c. d.", "Anne and Piotr", "de la Cruz", "José",
}

func checkPersonProblem(t *testing.T, name string) {
	if got, want := PersonProblem(name), personProblemFields(name); got != want {
		t.Errorf("PersonProblem(%q) = %q, want %q", name, got, want)
	}
}

func TestPersonProblemInPlace(t *testing.T) {
	for _, n := range personCases {
		checkPersonProblem(t, n)
	}
}

func FuzzPersonProblem(f *testing.F) {
	for _, n := range personCases {
		f.Add(n)
	}
	f.Fuzz(checkPersonProblem)
}
