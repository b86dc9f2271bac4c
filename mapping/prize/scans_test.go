package prize

import (
	"math/rand/v2"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/film2ld/film2ld/mapping/internal/mappertest"
	"github.com/film2ld/film2ld/mapping/internal/piecetest"
)

// sourceRe is the pattern sourceLine was, kept as its reference.
var sourceRe = regexp.MustCompile(`^Source URL \(retrieved on ([^)]+)\):\s*(\S+)$`)

var sourceCases = []string{
	"", "Source URL", "Source URL (retrieved on ", "Source URL (retrieved on )", "Source URL (retrieved on ):",
	"Source URL (retrieved on ): x", "Source URL (retrieved on 2024-01-02): https://example.org/a",
	"Source URL (retrieved on 2024-01-02):https://example.org/a", "Source URL (retrieved on 2024-01-02):",
	"Source URL (retrieved on 2024-01-02): ", "Source URL (retrieved on 2024-01-02): a b", "Source URL (retrieved on 2024-01-02): a ",
	"Source URL (retrieved on 2024-01-02) : a", "Source URL (retrieved on 2024-01-02)): a", "Source URL (retrieved on 2(4)): a",
	"Source URL (retrieved on (x): a", "Source URL (retrieved on \n): a", "Source URL (retrieved on x):\n\t a", "Source URL (retrieved on x): a\n",
	"Source URL (retrieved on x): \xff", "Source URL (retrieved on \xff): a\xffb", "Source URL (retrieved on x): a\vb", "Source URL (retrieved on x):\va",
	"Source URL (retrieved on x): a\u00a0b", "Source URL (retrieved on x): \u00a0", "Source URL (retrieved on x):\r\f a)",
	" Source URL (retrieved on x): a", "source URL (retrieved on x): a", "Source URL (retrieved on x): a:b",
}

func sourceInputs(t testing.TB) []string {
	in := append([]string(nil), sourceCases...)
	for _, l := range mappertest.DocumentLines(t, "../../testdata") {
		in = append(in, l, strings.TrimSpace(l))
	}
	return in
}

// checkSourceLine: the scan gives the pattern's submatches.
func checkSourceLine(t *testing.T, s string) bool {
	retrieved, url, ok := sourceLine(s)
	m := sourceRe.FindStringSubmatch(s)
	if ok != (m != nil) || ok && (retrieved != m[1] || url != m[2]) || isSourceLine(s) != ok {
		t.Errorf("sourceLine(%q) = %q, %q, %v; the pattern gives %q", s, retrieved, url, ok, m)
	}
	return m != nil
}

// TestSourceLineAsPattern: the scan reads every footer, and refuses every
// other line, as the pattern it replaces does.
func TestSourceLineAsPattern(t *testing.T) {
	matched := 0
	for _, s := range sourceInputs(t) {
		if checkSourceLine(t, s) {
			matched++
		}
	}
	if matched < 10 {
		t.Errorf("only %d footers among the inputs", matched)
	}
}

// TestSourceLineRandom compares the two on random footers made of the
// pieces the pattern tells apart (the fuzzer stalls on this machine).
func TestSourceLineRandom(t *testing.T) {
	pieces := []string{"(", ")", "):", ":", " ", "\t", "\n", "\r", "\f", "\v", "a", "é", "\xff", "\u00a0"}
	for s := range piecetest.Strings(8, 100_000, 9, pieces) {
		if !checkSourceLine(t, "Source URL (retrieved on "+s) && t.Failed() {
			return
		}
	}
}

func FuzzSourceLine(f *testing.F) {
	for _, s := range sourceCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkSourceLine(t, s) })
}

// labelNoteRe is the pattern dropLabelNotes was, kept as its reference.
var labelNoteRe = regexp.MustCompile(`\([^()]*\)`)

var labelNoteCases = []string{
	"", "(", ")", "()", "(s)", "producer(s)", "cast (in order of appearance)", "music (original) (score)", "a (b (c) d) e",
	"((x))", "(()", "())", ")(", "a(b", "a)b(c)d", "(\n)", "(\xff)", "x (é) y", "(a)(b)(c", "((a)(b))", "a ( ) b",
}

func checkDropLabelNotes(t *testing.T, s string) {
	if got, want := dropLabelNotes(s), labelNoteRe.ReplaceAllString(s, ""); got != want {
		t.Errorf("dropLabelNotes(%q) = %q, the pattern gives %q", s, got, want)
	}
}

// TestDropLabelNotesAsPattern: the scan drops what the pattern it
// replaces dropped, on every line of the test documents too.
func TestDropLabelNotesAsPattern(t *testing.T) {
	for _, s := range append(sourceInputs(t), labelNoteCases...) {
		checkDropLabelNotes(t, s)
	}
	pieces := []string{"(", ")", "(", ")", "a", " ", "\n", "é", "\xff"}
	for s := range piecetest.Strings(9, 100_000, 10, pieces) {
		if checkDropLabelNotes(t, s); t.Failed() {
			return
		}
	}
}

func FuzzDropLabelNotes(f *testing.F) {
	for _, s := range labelNoteCases {
		f.Add(s)
	}
	f.Fuzz(checkDropLabelNotes)
}

// publishedRe and footnotesRe are the patterns publishedLine and
// isFootnotes were, kept as their references.
var (
	publishedRe = regexp.MustCompile(`^(?:Published on|Publié sur|Publicado en|Publicado em|Pubblicato su|Veröffentlicht auf|Gepubliceerd op|Opublikowano w) (.+?)\s*\((https?://[^)\s]+)\)$`)
	footnotesRe = regexp.MustCompile(`^(?:\[\d+\]\s*)+$`)
)

var publishedCases = []string{
	"", "Published on", "Published on ", "Published on x", "Published on LUX Prize (https://luxprize.eu)",
	"Published on LUX Prize(https://luxprize.eu)", "Published on  (https://a)", "Published on (https://a)", "Published on ((https://a)",
	"Published on x (http://a)", "Published on x (https://)", "Published on x (http://)", "Published on x (https:/a)", "Published on x (ftp://a)",
	"Published on x (https://a b)", "Published on x (https://a)b)", "Published on x (https://a(b)", "Published on x (http://a(http://b)",
	"Published on x\n(https://a)", "Published on \n(https://a)", "Published on \nx (https://a)", "Published on x\ny (https://a)",
	"Published on x \t\r\f(https://a)", "Published on x (https://a\n)", "Published on \xff (https://\xff)", "Published on é (https://é)",
	"Published on x (https://a) ", "Publié sur x (https://a)", "Publicado en x (https://a)", "Publicado em x (https://a)",
	"Pubblicato su x (https://a)", "Veröffentlicht auf x (https://a)", "Gepubliceerd op x (https://a)", "Opublikowano w x (https://a)",
	"Published  on x (https://a)", "published on x (https://a)", "Published on x (https://https://a)", "Published on x (httpss://a)",
	"Published on ( (https://a)", "Published on  \n (https://a)", "Published on x (https://a)(https://b)", "Published on \v(https://a)",
}

var footnotesCases = []string{
	"", "[", "[]", "[1]", "[1] ", " [1]", "[1][2]", "[1] [2]", "[1]\n[23]\t", "[1]x", "[x]", "[1", "1]", "[١]", "[1] [", "[12345678901234567890]",
	"[1]\v", "[1] \f\r[2]", "[-1]", "[1 ]",
}

func checkPublishedLine(t *testing.T, s string) bool {
	got, want := publishedLine(s), publishedRe.FindStringSubmatch(s)
	if !reflect.DeepEqual(got, want) || isPublishedLine(s) != (want != nil) {
		t.Errorf("publishedLine(%q) = %q, the pattern gives %q", s, got, want)
	}
	return want != nil
}

func checkFootnotes(t *testing.T, s string) bool {
	got, want := isFootnotes(s), footnotesRe.MatchString(s)
	if got != want {
		t.Errorf("isFootnotes(%q) = %v, the pattern gives %v", s, got, want)
	}
	return want
}

// TestPublishedLineAsPattern and TestFootnotesAsPattern: the scans read
// the lines the patterns they replace matched, with the same submatches,
// over hand-made cases, every line of the test documents and 100,000
// random lines of the pieces the patterns tell apart.
func TestPublishedLineAsPattern(t *testing.T) {
	matched := 0
	for _, s := range append(sourceInputs(t), publishedCases...) {
		if checkPublishedLine(t, s) {
			matched++
		}
	}
	if matched < 10 {
		t.Errorf("only %d published lines among the inputs", matched)
	}
	pieces := []string{"(", ")", "(https://", "(http://", "https://", "a", " ", "\t", "\n", "\v", "é", "\xff", ":", "/"}
	// The prefix and the closing bracket drawn apart from the pieces.
	rng := rand.New(rand.NewPCG(16, 10))
	for s := range piecetest.Strings(10, 100_000, 8, pieces) {
		s = publishedPrefixes[rng.IntN(len(publishedPrefixes))] + s
		if rng.IntN(2) == 0 {
			s += ")"
		}
		if checkPublishedLine(t, s); t.Failed() {
			return
		}
	}
}

func TestFootnotesAsPattern(t *testing.T) {
	matched := 0
	for _, s := range append(sourceInputs(t), footnotesCases...) {
		if checkFootnotes(t, s) {
			matched++
		}
	}
	if matched < 5 {
		t.Errorf("only %d footnote lines among the inputs", matched)
	}
	pieces := []string{"[", "]", "1", "23", " ", "\t", "\n", "\v", "x", "é"}
	for s := range piecetest.Strings(11, 100_000, 10, pieces) {
		if checkFootnotes(t, s); t.Failed() {
			return
		}
	}
}

func FuzzPublishedLine(f *testing.F) {
	for _, s := range publishedCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkPublishedLine(t, s) })
}

func FuzzFootnotes(f *testing.F) {
	for _, s := range footnotesCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkFootnotes(t, s) })
}

func checkMayHoldMinuteMark(t *testing.T, s string) {
	if got, want := mayHoldMinuteMark(s), strings.ContainsAny(s, "’′´`‘ʹʼ″”ʺ"); got != want {
		t.Errorf("mayHoldMinuteMark(%q) = %v, strings.ContainsAny gives %v", s, got, want)
	}
}

// TestMayHoldMinuteMark: the scan past ASCII finds what strings.ContainsAny
// found, on every line of the test documents and random lines of marks,
// their bytes and invalid UTF-8.
func TestMayHoldMinuteMark(t *testing.T) {
	for _, s := range sourceInputs(t) {
		checkMayHoldMinuteMark(t, s)
	}
	pieces := []string{"8", "’", "′", "´", "`", "‘", "ʹ", "ʼ", "″", "”", "ʺ", "'", "\xe2", "\x80", "\x99", "\xff", "é", " "}
	for s := range piecetest.Strings(13, 100_000, 8, pieces) {
		if checkMayHoldMinuteMark(t, s); t.Failed() {
			return
		}
	}
}

func FuzzMayHoldMinuteMark(f *testing.F) {
	f.Add("88’")
	f.Add("O’Connor")
	f.Fuzz(checkMayHoldMinuteMark)
}
