package text

import (
	"html"
	"strings"

	"github.com/film2ld/film2ld/mapping/internal/lazyre"
)

// Inline HTML that a copy of a page's source leaves in its text: a wiki's
// infobox value "Anne Coesens<br />Alexandre Gontcharov", a footnote
// "<ref>…</ref>", "<small>(uncredited)</small>". Only these tags are
// read as markup, so that "<18" or "a <b> c" written as text in prose
// that names no such tag is left alone.
var (
	// refRe is a footnote with its text, or an empty one ("<ref name=x />").
	refRe = lazyre.New(`(?is)<ref(?:\s[^<>]*)?/>|<ref(?:\s[^<>]*)?>.*?</ref\s*>`)
	// breakRe is a line break, which separates the items of a value.
	breakRe = lazyre.New(`(?i)\s*<br\s*/?>\s*`)
	// tagRe is a tag of inline formatting, whose text stays.
	tagRe = lazyre.New(`(?i)</?(?:small|big|i|b|em|strong|span|sup|sub|u|s|abbr|nowiki|center|div|p|font|poem)(?:\s[^<>]*)?/?>`)
)

// Unmarkup reads the inline HTML a document's line may hold as a person
// would: a line break ("<br>", "<br/>", "<br />") as the comma between two
// items of a list (or a space after a sentence's or item's end), footnotes ("<ref>…</ref>") left out, the tags of inline
// formatting ("<small>", "<span …>") left out with their text kept, and
// character references ("&amp;", "&#39;") decoded. Without a "<" or a
// "&", s is returned as it is. A name glued to the next by "<br>" was one
// person named "Anne Coesens<br>Alexandre Gontcharov" (audit 6).
func Unmarkup(s string) string {
	if strings.IndexByte(s, '<') >= 0 {
		s = refRe.ReplaceAllString(s, "")
		s = breaks(s)
		s = tagRe.ReplaceAllString(s, "")
	}
	if strings.IndexByte(s, '&') >= 0 && strings.IndexByte(s, ';') >= 0 {
		s = html.UnescapeString(s)
	}
	return s
}

// breaks replaces each line break in s by ", ", or by a space where the
// text before it ends a sentence or an item already ("Good.<br>Still"),
// and drops one at either end.
func breaks(s string) string {
	at := breakRe.FindAllStringIndex(s, -1)
	if at == nil {
		return s
	}
	var b strings.Builder
	last := 0
	for _, m := range at {
		before := s[last:m[0]]
		b.WriteString(before)
		last = m[1]
		if b.Len() == 0 || m[1] == len(s) {
			continue
		}
		if strings.ContainsRune(".!?,;:", rune(s[m[0]-1])) {
			b.WriteByte(' ')
		} else {
			b.WriteString(", ")
		}
	}
	b.WriteString(s[last:])
	return b.String()
}
