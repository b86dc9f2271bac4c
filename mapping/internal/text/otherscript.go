package text

import (
	"strings"
	"unicode"
)

// WithoutOtherScript returns s without the groups in brackets that write
// a name again in another script: "Zhang Yimou (張藝謀)" is "Zhang Yimou",
// as encyclopedias write a name in Latin letters and then in its own
// script. Read as it stood, the group made the director no person's name
// (left out) and an actor's native name a character. A group is such when
// it holds letters, none of them Latin, and follows Latin letters; a
// group of Latin letters ("(Lin Mei)") and a name wholly in its own script
// are kept.
func WithoutOtherScript(s string) string {
	if !strings.Contains(s, "(") {
		return s
	}
	var b strings.Builder
	rest := s
	for {
		open := strings.IndexByte(rest, '(')
		if open < 0 {
			break
		}
		end := strings.IndexByte(rest[open:], ')')
		if end < 0 {
			break
		}
		end += open
		before := rest[:open]
		if otherScript(rest[open+1:end]) && hasLatin(b.String()+before) {
			b.WriteString(strings.TrimRight(before, " \t"))
			rest = rest[end+1:]
			continue
		}
		b.WriteString(rest[:end+1])
		rest = rest[end+1:]
	}
	if b.Len() == 0 {
		return s
	}
	b.WriteString(rest)
	return b.String()
}

// OtherScriptGroups returns the groups of s that WithoutOtherScript
// leaves out, in order: each group's text without its brackets, and
// Before, s before the group as WithoutOtherScript reads it (without the
// earlier groups and the spaces before this one), so that a name the
// group writes again ends Before.
func OtherScriptGroups(s string) []ScriptGroup {
	var out []ScriptGroup
	for rest, at := s, 0; ; {
		open := strings.IndexByte(rest, '(')
		if open < 0 {
			return out
		}
		end := strings.IndexByte(rest[open:], ')')
		if end < 0 {
			return out
		}
		end += open
		if otherScript(rest[open+1:end]) && hasLatin(s[:at+open]) {
			before := strings.TrimRight(WithoutOtherScript(s[:at+open]), " \t")
			out = append(out, ScriptGroup{Text: strings.TrimSpace(rest[open+1 : end]), Before: before})
		}
		rest, at = rest[end+1:], at+end+1
	}
}

// ScriptGroup is one group OtherScriptGroups finds.
type ScriptGroup struct {
	Text, Before string
}

// otherScript reports whether s holds letters and none of them Latin.
func otherScript(s string) bool {
	letters := false
	for _, r := range s {
		if unicode.IsLetter(r) {
			if unicode.Is(unicode.Latin, r) {
				return false
			}
			letters = true
		}
	}
	return letters
}

// hasLatin reports whether s holds a Latin letter.
func hasLatin(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Latin, r) {
			return true
		}
	}
	return false
}
