package prize

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"

	"github.com/film2ld/film2ld/mapping/internal/mappertest"
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
	rng := rand.New(rand.NewPCG(15, 8))
	for range 100_000 {
		var b strings.Builder
		b.WriteString("Source URL (retrieved on ")
		for range rng.IntN(9) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		if !checkSourceLine(t, b.String()) && t.Failed() {
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
	rng := rand.New(rand.NewPCG(15, 9))
	for range 100_000 {
		var b strings.Builder
		for range rng.IntN(10) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		checkDropLabelNotes(t, b.String())
		if t.Failed() {
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
