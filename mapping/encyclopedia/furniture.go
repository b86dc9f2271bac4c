package encyclopedia

import (
	"strings"

	"github.com/film2ld/film2ld/mapping/internal/text"
)

// A browser's "Select all, copy" of a Wikipedia article starts with the
// site's furniture: the skip link, the main menu, the search box, the
// account links, the table of contents (whose entries are the article's
// section headings), then the title, the language button and the tabs
// ("Article", "Talk", "Read", "Edit", "View history", "Tools", and in
// the current skin the tools menu's links), and only then the tagline
// and the article (audit 18: the copy was refused, "found \"Main menu\"").
// A text browser's dump is read with its link list; this copy has no
// markup at all, so the title is told by what stands around it.

// furnitureOpeners are the lines such a copy opens with, after the skip
// link (boilerplate), in the languages of the wikis film2ld reads.
var furnitureOpeners = map[string]bool{
	"main menu": true, "navigation": true, "search": true, "create account": true, "log in": true,
	"personal tools": true, "contents": true, "contents hide": true, "move to sidebar": true, "hide": true,
	"skip to content": true, "toggle the table of contents": true, "donate": true, "appearance": true,
	"zum inhalt springen": true, "hauptmenü": true, "aller au contenu": true, "menu principal": true,
	"vai al contenuto": true, "menu principale": true, "ir al contenido": true, "menú principal": true,
}

// taglines are the sites' line under the title, in the wikis' languages:
// the article starts below it.
var taglines = map[string]bool{
	wikipediaTagline: true, "Aus Wikipedia, der freien Enzyklopädie": true,
	"Un article de Wikipédia, l'encyclopédie libre.": true, "Un article de Wikipédia, l’encyclopédie libre.": true,
	"Da Wikipedia, l'enciclopedia libera.": true, "Da Wikipedia, l’enciclopedia libera.": true,
	"De Wikipedia, la enciclopedia libre": true,
}

// maxFurniture is how far into a copy its furniture may go: the current
// skin's menus and a long table of contents are some 150 lines.
const maxFurniture = 600

// siteFurniture returns, for a copy that opens with the site's furniture,
// the index of the title's line and of the first line of the article
// after the tabs and the tagline; ok is false for any other document.
// The title is the line just above the language button ("Add languages",
// "12 languages") or the tabs ("Article" over "Talk"), where the skin
// puts it; the article starts after the tagline below them, or after the
// tabs where there is none.
func siteFurniture(lines []string, indent int) (title, resume int, ok bool) {
	clean := func(i int) string {
		raw := lines[i]
		if indent > 0 {
			raw = dedent(raw, indent)
		}
		return text.Clean(raw)
	}
	first := -1
	for i := range min(len(lines), maxFurniture) {
		l := clean(i)
		if l == "" || isBoilerplate(l) {
			continue
		}
		first = i
		break
	}
	if first < 0 || !furnitureOpeners[strings.ToLower(clean(first))] {
		return 0, 0, false
	}
	end := min(len(lines), maxFurniture)
	tabs := -1
	for i := first + 1; i < end && tabs < 0; i++ {
		switch l := clean(i); {
		case languageButton(l):
			tabs = i
		case articleTab[l]:
			for j := i + 1; j < end; j++ {
				if n := clean(j); n != "" {
					if talkTab[n] {
						tabs = i
					}
					break
				}
			}
		}
	}
	if tabs < 0 {
		return 0, 0, false
	}
	title = -1
	for i := tabs - 1; i > first; i-- {
		if l := clean(i); l != "" && !furnitureOpeners[strings.ToLower(l)] && !isBoilerplate(l) {
			title = i
			break
		}
	}
	if title < 0 {
		return 0, 0, false
	}
	resume = tabs + 1
	for i := tabs + 1; i < min(len(lines), tabs+maxFurniture); i++ {
		if taglines[clean(i)] {
			resume = i + 1
			break
		}
	}
	return title, resume, true
}

// languageButton reports whether a line is the button that lists the
// article in other languages: "Add languages", "12 languages", "1
// language", "12 Sprachen", "12 langues", "12 lingue", "12 idiomas".
func languageButton(l string) bool {
	switch l {
	case "Add languages", "Sprachen hinzufügen", "Ajouter des langues", "Aggiungi lingue", "Añadir idiomas":
		return true
	}
	n, word, ok := strings.Cut(l, " ")
	if !ok || n == "" || strings.Trim(n, "0123456789") != "" {
		return false
	}
	switch word {
	case "language", "languages", "Sprachen", "langue", "langues", "lingua", "lingue", "idioma", "idiomas":
		return true
	}
	return false
}

// articleTab and talkTab are the article's first two tabs, in the wikis'
// languages.
var (
	articleTab = map[string]bool{"Article": true, "Artikel": true, "Voce": true, "Artículo": true}
	talkTab    = map[string]bool{"Talk": true, "Diskussion": true, "Discussion": true, "Discussione": true, "Discusión": true}
)
