package prize

import (
	"strings"
	"unicode/utf8"

	"github.com/film2ld/film2ld/mapping/internal/text"
)

// minuteMarks returns s with the marks pages type for minutes and seconds
// after a number written as the ones text reads ("'" and `"`): a
// typographic apostrophe or prime ("88’", "88′", "88´", "88`", "12’40’’")
// and the French "mn" ("95 mn"). A page that wrote "88’" lost its
// running time, and the line became a director named "88’" (audit 18).
// Only a mark right after a digit (or a digit and a space) is changed:
// "O’Connor" stays as it is.
func minuteMarks(s string) string {
	if !mayHoldMinuteMark(s) && !strings.Contains(s, "mn") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	afterDigit := false // the last rune written is a digit, or a digit and one space
	digitSpace := false
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case afterDigit && strings.ContainsRune("’′´`‘ʹʼ", r):
			b.WriteByte('\'')
			// "12’’": a second mark right after the first is still one
			// of them (two make seconds).
			i += size
			afterDigit = false
			if r2, size2 := utf8.DecodeRuneInString(s[i:]); strings.ContainsRune("’′´`‘ʹʼ", r2) {
				b.WriteByte('\'')
				i += size2
			}
			continue
		case afterDigit && strings.ContainsRune("″”ʺ", r):
			b.WriteByte('"')
		case afterDigit && strings.HasPrefix(s[i:], "mn") && wordEnds(s, i+2):
			b.WriteString("min")
			size = 2
		default:
			b.WriteString(s[i : i+size])
		}
		isDigit := '0' <= r && r <= '9'
		afterDigit = isDigit || r == ' ' && digitSpace
		digitSpace = isDigit
		i += size
	}
	return b.String()
}

// wordEnds reports whether s[i:] starts where a word ends: at its end, a
// space, a full stop or a comma.
func wordEnds(s string, i int) bool {
	return i >= len(s) || strings.IndexByte(" .,;)", s[i]) >= 0
}

// isRunningTime reports whether a whole header paragraph is a running
// time, in any of the marks minuteMarks reads.
func isRunningTime(s string) bool { return text.IsRunningTime(minuteMarks(s)) }

// parseRunningTime reads one running time, as text.ParseRunningTime does,
// in any of the marks minuteMarks reads.
func parseRunningTime(s string) (int, error) { return text.ParseRunningTime(minuteMarks(s)) }

// minuteMarkRunes are the marks minuteMarks reads after a number.
const minuteMarkRunes = "’′´`‘ʹʼ″”ʺ"

// mayHoldMinuteMark reports whether s holds one of minuteMarkRunes, as
// strings.ContainsAny does, without looking each rune of s up in them
// where s is ASCII with no "`" (most lines of a page): every other mark
// is not ASCII (TestMayHoldMinuteMark).
func mayHoldMinuteMark(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || c == '`' {
			return strings.ContainsAny(s[i:], minuteMarkRunes)
		}
	}
	return false
}
