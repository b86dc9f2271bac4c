package reviews

import (
	"slices"
	"strings"
	"testing"
)

var verdictCases = []string{
	"Mixed or average reviews - based on 5 Critics", "Universal acclaim based on 1,234 user ratings",
	"81 Universal acclaim - based on 5 Critics", "8.2 Generally favorable based on 12 reviews", "based on 5 critics",
	"Based On 5 Critic Reviews", "xbased on 5 critics", "_based on 5 critics", "é based on 5 critics", "-based on 5 critics",
	"based on  5 critics", "based on 5  critics", "based on critics", "based on , critics", "based on 5 critic critics",
	"based on 5 user critics", "based on 5 User Ratings", "1234 based on 5 critics", "123 based on 5 critics",
	"12.5 based on 5 critics", "12. based on 5 critics", "12.x based on 5 critics", "12.5x based on 5 critics",
	"81\tGood -\t based on 5 critics", "81 - based on 5 critics", "81 -- based on 5 critics", "81 - - based on 5 critics",
	"Good - - based on 5 critics", "Good -based on 5 critics", "based on 5 critics.", "based on 5 reviewss",
	"baſed on 5 critics", "based on 5 critic\u017f", "a\nb based on 5 critics", "81\n based on 5 critics",
	"\v based on 5 critics", "81\v based on 5 critics", "good\xff based on 5 critics", "\xffbased on 5 critics",
	"BASED ON 5 RATINGS", "based on 5 rating", "based on 5 review", "based on 5 critic", "critics", "",
	"Metascore based on 5 critics - based on 6 critics", "5 based on 5 critics based on 6 critics",
	"user critics", " based on 5 user ratings", "81  based on 5 critics", "1 2 based on 3 ratings",
	"based on 5 critic reviews", "based on 5 critic ratings", "based on 5 user reviews", "based on 5,000 reviews",
}

func checkVerdict(t *testing.T, l string) {
	want := verdictRe.FindStringSubmatch(l)
	if got := verdictMatch(l); !slices.Equal(got, want) {
		t.Errorf("verdictMatch(%q) = %q, want %q", l, got, want)
	}
	if strings.Contains(l, "\n") || strings.Contains(l, "ſ") {
		return // left to the pattern
	}
	if got := parseVerdict(l); !slices.Equal(got, want) {
		t.Errorf("parseVerdict(%q) = %q, want %q", l, got, want)
	}
}

func TestParseVerdict(t *testing.T) {
	for _, l := range verdictCases {
		checkVerdict(t, l)
		checkVerdict(t, "7 "+l)
		checkVerdict(t, "Good - "+l)
	}
}

func FuzzParseVerdict(f *testing.F) {
	for _, l := range verdictCases {
		f.Add(l)
	}
	f.Fuzz(checkVerdict)
}

// FuzzParseVerdictParts builds lines of a verdict's parts, which random
// text seldom reaches: a head, "based on" in some case, a count, a noun.
func FuzzParseVerdictParts(f *testing.F) {
	f.Add("81 Good - ", "5", uint8(0), uint8(0), false)
	f.Add("8.5\t", "1,2", uint8(1), uint8(3), true)
	f.Fuzz(func(t *testing.T, head, count string, prefix, noun uint8, upper bool) {
		based := "based on "
		if upper {
			based = "BaSeD oN "
		}
		prefixes := []string{"", "critic ", "user ", "Critic ", "USER ", "critic", "x "}
		nouns := []string{"critics", "Critic", "reviews", "REVIEW", "ratings", "rating", "critics.", "ratingſ"}
		checkVerdict(t, head+based+count+" "+prefixes[int(prefix)%len(prefixes)]+nouns[int(noun)%len(nouns)])
	})
}

var itemCases = []string{
	"", "1", "1.", "1. ", "1.  ", "1. Reviewed by: Ann", "12.Reviewed", "123.\tx", "1.\nx", "1. x\ny", "1.\n", "1.\n\n",
	"1.\v x", "1. \u00a0x", "a1. x", ".1 x", "1..", "1. .", "01. x", "1 . x", "1.\xff", "1. \xff", "99999999999. x",
}

func checkItemRest(t *testing.T, l string) {
	rest, ok := itemRest(l)
	var got []string
	if ok {
		got = []string{l, l[:strings.IndexByte(l, '.')], rest}
	}
	if want := itemRe.FindStringSubmatch(l); !slices.Equal(got, want) {
		t.Errorf("itemRest(%q) = %q, want %q", l, got, want)
	}
}

func TestItemRest(t *testing.T) {
	for _, l := range itemCases {
		checkItemRest(t, l)
	}
}

func FuzzItemRest(f *testing.F) {
	for _, l := range itemCases {
		f.Add(l)
	}
	f.Fuzz(checkItemRest)
}
