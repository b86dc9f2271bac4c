package reviews

import (
	"strings"

	"github.com/film2ld/film2ld/mapping/internal/text"

	"github.com/film2ld/film2ld/mapping/internal/lazyre"
)

// What text browsers and converters put around a page's words (audit 17):
// lynx numbers every link ("[3]Katarzyna Wiśniewska-Dąb", "[4]Read more")
// and lists the targets under "References" at the end; a Markdown
// converter writes a link as "[Sight Lines](https://…)"; lynx marks the
// items of an unnumbered list with "*"; w3m draws a table's cells in an
// ASCII grid ("+-----+----+", "| 80 | Film Comment East |"). The marks were
// read as part of a reviewer's name or a publication's, the link targets as
// reviews, and the bulleted and gridded cards were lost.
var (
	// lynxRefRe is lynx's number of a link, before the link's words.
	lynxRefRe = lazyre.New(`\[\d{1,4}\]`)
	// mdLinkRe is a Markdown link; its words stay.
	mdLinkRe = lazyre.New(`\[([^\[\]]*)\]\([^()\s]*\)`)
	// urlLineRe is a line that is a link's target alone, numbered or not
	// ("1. https://…", as lynx lists them under "References").
	urlLineRe = lazyre.New(`^(?:\d{1,4}\.\s*)?(?:[a-zA-Z][a-zA-Z0-9+.-]*://|www\.)\S+$`)
)

// unlink reduces link markup to the words the link shows.
func unlink(s string) string {
	if strings.IndexByte(s, '[') < 0 {
		return s
	}
	if strings.Contains(s, "](") {
		s = mdLinkRe.ReplaceAllString(s, "$1")
	}
	return lynxRefRe.ReplaceAllString(s, "")
}

// bullets are the marks a text rendering puts before an unnumbered list's
// items; lynx uses "*" (and "+", "o" for nested lists, which are words too
// often to be read so).
var bullets = []string{"* ", "• ", "◦ ", "▪ "}

// unrender reads a cleaned line as the page shows it: without a list item's
// bullet, and a row of an ASCII grid as its cells joined by " | ", the
// separator a one-line card header already uses; a grid's rule is blank.
func unrender(l string) string {
	if l == "" {
		return l
	}
	switch l[0] {
	case '*', 0xe2: // "*", and the first byte of "•", "◦", "▪"
		for _, b := range bullets {
			if rest, ok := strings.CutPrefix(l, b); ok {
				return strings.TrimSpace(rest)
			}
		}
	case '+', '|':
		if gridRule(l) {
			return ""
		}
		if len(l) >= 3 && l[0] == '|' && l[len(l)-1] == '|' {
			cells := strings.Split(l[1:len(l)-1], "|")
			kept := cells[:0]
			for _, c := range cells {
				if c = strings.TrimSpace(c); c != "" {
					kept = append(kept, c)
				}
			}
			return strings.Join(kept, " | ")
		}
	}
	return l
}

// gridRule reports a table's rule: "+-----+----+", "|---|:--|", "+=====+".
func gridRule(l string) bool {
	dash := false
	for _, r := range l {
		switch r {
		case '-', '=':
			dash = true
		case '+', '|', ':', ' ':
		default:
			return false
		}
	}
	return dash
}

// isURLLine reports a line that is a link's target and nothing else.
func isURLLine(l string) bool {
	return (strings.Contains(l, "://") || strings.Contains(l, "www.")) && urlLineRe.MatchString(l)
}

// cleanLine is a line of the page as the reader reads it: its inline HTML
// read (text.Unmarkup: "can&#39;t" was kept as written, where the other
// readers decode it), its links reduced to their words, its white space
// cleaned, and a text rendering's bullet or grid read (unrender).
func cleanLine(s string) string { return unrender(text.Clean(unlink(text.Unmarkup(s)))) }
