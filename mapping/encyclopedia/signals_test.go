package encyclopedia

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// signalsEveryLine is Signals as it was: every line with a colon or a tab
// classified in full. Signals now skips lines that cannot signal once the
// label lines that count are found; it must count the same.
func signalsEveryLine(lines []string) int {
	n, labelLines := 0, 0
	indent := pageIndent(lines)
	for _, raw := range lines {
		raw = dedent(raw, indent)
		heading := strings.ContainsAny(raw, "=#") || strings.HasSuffix(raw, "[edit]") || strings.HasPrefix(raw, "From W")
		// A label alone on its line (a mobile page's infobox) signals
		// too: a short line that starts with a capital and has no digit.
		// Or a label with its value aligned after spaces.
		bare := (len(raw) <= 24 || len(raw) <= 120 && strings.Contains(raw, "  ")) && raw != "" && 'A' <= raw[0] && raw[0] <= 'Z' && !strings.ContainsAny(raw, "0123456789")
		if !heading && !strings.ContainsAny(raw, ":\t") && !bare {
			continue
		}
		switch l := classify(0, raw); {
		case l.whole == wikipediaTagline:
			n += 2
		case l.kind == kindTitle:
			n++
			if disambigRe.MatchString(l.text) {
				n++
			}
		case l.kind == kindSection:
			if _, ok := sections()[labelKey(l.text)]; ok {
				n++
			}
		case l.known && (l.kind == kindLabel || l.kind == kindItem) && labelLines < 3:
			labelLines++
			n++
		}
	}
	return n
}

// signalsLines are lines that signal after three label lines, each with a
// colon or a tab so that the old loop classified it.
var signalsLines = []string{
	"Directed by: Anna Berg", "Produced by: Olaf Lind", "Starring: Eva Holm", "Music by: Per Dahl",
	"\tFrom Wikipedia, the free encyclopedia",
	"Plot: x [edit]", "Plot [edit]", "Cast\t[edit]",
	"&#61;&#61; Plot &#61;&#61;", "&#35; Heading: one", "&equals;&equals; Plot &equals;&equals;\t",
	"Plot\t&lsqb;edit&rsqb;", "&num; Reception:", "== Production: notes ==",
	"## Reception: early", "* Country: Sweden", "Language:\tSwedish",
	"Note: the film [was] shown", "Running time: 90 minutes",
}

// signalsAlone are lines that signal, or nearly do, before any label line
// was counted.
var signalsAlone = []string{
	"Di\u00adrected by: X", "Direc\u200bted by: Y", "DIRECTED BY: Z", "Directed\u00a0by: W", "ＤＩＲＥＣＴＥＤ by: x",
	"Dire\u0301cted by: q", "directed-by: x", "Starring\tA", "*Starring: x", "[[Starring]]: X", "''Starring'': x",
	"<small>Starring</small>: A", "Starring<ref>x</ref>: A", "Release date(s): 2001", "Co-produced by: A",
	"Reviewed by: Ann Lee", "Sound: Philippe Kohn", "Publication: The Daily Lamp", "Score: 80",
	// A label and its value after a space, short enough to be looked up.
	"Directed by Ana Reis", "Running time Two", "Music by Ole",
}

func TestSignalsSkipsOnlyLinesThatCannotSignal(t *testing.T) {
	paths, _ := filepath.Glob("../../testdata/samples/*.txt")
	films, _ := filepath.Glob("../../testdata/films/*/*.txt")
	var docs []string
	for _, p := range append(paths, films...) {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, string(data))
	}
	if len(docs) < 10 {
		t.Fatalf("%d test documents; want the samples and the test films", len(docs))
	}
	docs = append(docs, strings.Join(signalsLines, "\n"))
	for i := range signalsLines {
		// Every line after the first three labels, alone and in order.
		docs = append(docs, strings.Join(append(slices3(signalsLines), signalsLines[i]), "\n"))
	}
	// Lines before any label line counts, each alone: a line no word of
	// which starts a label is skipped (mayHoldLabel), so label words
	// hidden by markup, case or spacing must still be found.
	for _, l := range signalsAlone {
		docs = append(docs, l)
	}
	for _, doc := range docs {
		lines := strings.Split(doc, "\n")
		if got, want := Signals(lines), signalsEveryLine(lines); got != want {
			t.Errorf("Signals = %d, every line classified gives %d, for:\n%.300s", got, want, doc)
		}
	}
}

func slices3(lines []string) []string { return append([]string(nil), lines[:3]...) }

func FuzzSignals(f *testing.F) {
	for _, l := range signalsLines {
		f.Add(strings.Join(signalsLines[:3], "\n") + "\n" + l)
	}
	for _, l := range signalsAlone {
		f.Add(l)
	}
	f.Fuzz(func(t *testing.T, doc string) {
		lines := strings.Split(doc, "\n")
		if got, want := Signals(lines), signalsEveryLine(lines); got != want {
			t.Errorf("Signals = %d, every line classified gives %d, for %q", got, want, doc)
		}
	})
}

// TestSignalsTextBrowser: a text browser's dump of an article (lynx,
// w3m) indents the page and aligns the infobox's values with spaces; it
// is an article (audit 17: "not a film document of a known kind").
func TestSignalsTextBrowser(t *testing.T) {
	doc := []string{
		"   Harbour of Glass", "", "   From Wikipedia, the free encyclopedia", "",
		"   Harbour of Glass",
		"   Directed by        A. B. Lindqvist",
		"   Produced by        Eva Holm",
		"   Country            Sweden", "",
		"   Harbour of Glass is a 1931 Swedish drama film.", "", "Cast", "",
		"     * Eva Holm as Ingrid",
	}
	if got := Signals(doc); got < 4 {
		t.Errorf("Signals(lynx dump) = %d, want 4 or more", got)
	}
	if got := pageIndent(doc); got != 3 {
		t.Errorf("pageIndent = %d, want 3", got)
	}
	// An article at the margin with indented lists has no page indent.
	if got := pageIndent([]string{"= Salt =", "Screenplay by:", "  - Ana Reis", "  - Tom Ruiz", "  - Ida Berg"}); got != 0 {
		t.Errorf("pageIndent(article at the margin) = %d, want 0", got)
	}
}
