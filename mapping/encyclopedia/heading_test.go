package encyclopedia

import (
	"regexp"
	"strings"
	"testing"

	"github.com/film2ld/film2ld/mapping/internal/mappertest"
	"github.com/film2ld/film2ld/mapping/internal/piecetest"
)

// wikiHeadingRe is the pattern wikiHeading was, kept as its reference.
var wikiHeadingRe = regexp.MustCompile(`^(=+)\s*([^=].*?)\s*(=+)$`)

var wikiHeadingCases = []string{
	"", "=", "==", "===", "=x", "x=", "=x=", "== Cast ==", "==Cast==", "= Title =", "=== Plot ===  ", "== Cast ==\n",
	"== ==", "= =", "=  =", "=\t=", "= \n =", "=\n=", "=\nx=", "=x\n=", "=x \n =", "=x\ny=", "== a = b ==", "== a == b ==",
	"==a===", "===a=", "= é =", "=é=", "= \xff =", "=\xff=", "= \xffx \xff =", "=\xe2\x80=", "= x", "x = y =",
	" == Cast ==", "== Cast == x", "==  \t  ==", "== \r\n ==", "=\f=", "=\v=", "= \v =", "==\u00a0Cast\u00a0==",
	"= a\n =", "= a \n=", "= \n\n =", "==\n==", "= = =", "= == =", "=a =b=", "== Cast ==" + strings.Repeat(" ", 40) + "==",
}

func wikiHeadingInputs(t testing.TB) []string {
	in := append([]string(nil), wikiHeadingCases...)
	for _, l := range mappertest.DocumentLines(t, "../../testdata") {
		if strings.HasPrefix(strings.TrimSpace(l), "=") {
			in = append(in, l, strings.TrimSpace(l))
		}
	}
	return in
}

// checkWikiHeading: the scan gives the pattern's submatches.
func checkWikiHeading(t *testing.T, s string) bool {
	open, title, closing, ok := wikiHeading(s)
	m := wikiHeadingRe.FindStringSubmatch(s)
	if ok != (m != nil) || ok && (open != len(m[1]) || title != m[2] || closing != len(m[3])) {
		t.Errorf("wikiHeading(%q) = %d, %q, %d, %v; the pattern gives %q", s, open, title, closing, ok, m)
	}
	return m != nil
}

// TestWikiHeadingAsPattern: the scan reads every heading, and refuses
// every other line, as the pattern it replaces does.
func TestWikiHeadingAsPattern(t *testing.T) {
	matched := 0
	for _, s := range wikiHeadingInputs(t) {
		if checkWikiHeading(t, s) {
			matched++
		}
	}
	if matched < 20 {
		t.Errorf("only %d headings among the inputs", matched)
	}
}

// TestWikiHeadingRandom compares the two on random lines of the pieces
// the pattern tells apart (the fuzzer stalls on this machine).
func TestWikiHeadingRandom(t *testing.T) {
	pieces := []string{"=", "=", "==", " ", "\t", "\n", "\r", "\f", "\v", "a", "é", "\xff", "\xe2\x80", "\u00a0"}
	for s := range piecetest.Strings(7, 100_000, 9, pieces) {
		if !checkWikiHeading(t, s) && t.Failed() {
			return
		}
	}
}

func FuzzWikiHeading(f *testing.F) {
	for _, s := range wikiHeadingCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkWikiHeading(t, s) })
}
