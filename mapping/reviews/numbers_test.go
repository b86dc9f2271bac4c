package reviews

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/film2ld/film2ld/mapping/internal/mappertest"
)

// numberRe and bandRe are the patterns matchNumber and matchBand were,
// kept as their references.
var (
	numberRe = regexp.MustCompile(`^` + numberPattern + `(?:\s*(?:/|out of)\s*(\d{1,3}))?$`)
	bandRe   = regexp.MustCompile(`^(?:\d+\.\s*)?([A-Z][A-Za-z ]{0,20}?):\s*([\d,]+) out of ([\d,]+)$`)
)

var numberCases = []string{
	"", "7", "75", "100", "1000", "7.5", "7.", "7.x", ".5", "7.55", "7.5.5", "7/10", "7 / 10", "7\t/\n10", "7/", "7/1000",
	"7/100", "7 out of 10", "7out of10", "7 out of", "7 Out of 10", "7 out  of 10", "7.5 out of 10", "7.5/10 ", " 7/10",
	"7/10x", "7/\v10", "7\v/10", "7 out of 10.5", "7 of 10", "7 / 1,0", "٧", "7/١٠", "007", "0.0/0", "7 /", "7 /x",
	"1. Positive: 2 out of 5", "Positive: 2 out of 5", "2. Negative: 0 out of 5", "12.Mixed:0 out of 1", "1.\tMixed:\t1 out of 1",
	"1 Positive: 2 out of 5", "1.Positive: 2 out of 5", ". Positive: 2 out of 5", "positive: 2 out of 5", "P: 2 out of 5",
	"Abcdefghijklmnopqrstu: 1 out of 2", "Abcdefghijklmnopqrstuv: 1 out of 2", "A b c: 1 out of 2", "A-b: 1 out of 2",
	"A: 1,000 out of 2,000", "A: , out of ,", "A: 1 out of ", "A:  out of 2", "A: 1 out of 2 ", "A: 1  out of 2",
	"A: 1 out of 2\n", "A:1 out of 2", "A :1 out of 2", "Ä: 1 out of 2", "A\xff: 1 out of 2", "1.  \n A: 1 out of 2",
	"1.A:1 out of 2x", "A:", "A", "1.", "1. ", "1. A", "1. A:",
}

func TestNumberAndBandAsPatterns(t *testing.T) {
	in := slices.Clone(numberCases)
	for _, l := range mappertest.DocumentLines(t, "../../testdata") {
		in = append(in, l, strings.TrimSpace(l), cleanLine(l))
		if _, v, ok := strings.Cut(l, ":"); ok {
			in = append(in, strings.TrimSpace(v))
		}
	}
	for _, l := range in {
		checkNumberAndBand(t, l)
	}
}

func checkNumberAndBand(t *testing.T, s string) {
	score, best, ok := matchNumber(s)
	var got []string
	if ok {
		got = []string{s, score, best}
	}
	if want := numberRe.FindStringSubmatch(s); !slices.Equal(got, want) {
		t.Errorf("matchNumber(%q) = %q, want %q", s, got, want)
	}
	if isNumber(s) != numberRe.MatchString(s) {
		t.Errorf("isNumber(%q) = %v", s, isNumber(s))
	}
	band, count, total, ok := matchBand(s)
	got = nil
	if ok {
		got = []string{s, band, count, total}
	}
	if want := bandRe.FindStringSubmatch(s); !slices.Equal(got, want) {
		t.Errorf("matchBand(%q) = %q, want %q", s, got, want)
	}
}

func FuzzNumberAndBand(f *testing.F) {
	for _, s := range numberCases {
		f.Add(s)
	}
	f.Fuzz(checkNumberAndBand)
}
