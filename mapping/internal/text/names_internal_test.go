package text

import (
	"runtime"
	"slices"
	"strings"
	"testing"
)

// dropInvisible takes direction marks out of a name with no letter of a
// right-to-left script, where they order nothing, and leaves them in an
// Arabic or Hebrew name, where they may place its punctuation; joiners,
// which shape letters, always stay.
func TestDropInvisibleDirectionMarks(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Shirley Rum\u200eierk", "Shirley Rumierk"},
		{"\u200fAnna Berg\u200f", "Anna Berg"},
		{"Ali\u061c Khan", "Ali Khan"},
		{"Hong\u3164Gil-dong", "Hong Gil-dong"},
		{"Ann\u034fa Berg", "Anna Berg"},
		{"\u05e9\u05b8\u034f\u05b0", "\u05e9\u05b8\u034f\u05b0"},
		{"\u1100\u1160", "\u1100\u1160"},
		{"محمد رضا\u200f", "محمد رضا\u200f"},
		{"שרה לוי (2)\u200e", "שרה לוי (2)\u200e"},
		{"Mohammad\u200cReza", "Mohammad\u200cReza"},
		{"क्\u200dष", "क्\u200dष"},
	} {
		if got, _ := dropInvisible(tt.in); got != tt.want {
			t.Errorf("dropInvisible(%+q) = %+q; want %+q", tt.in, got, tt.want)
		}
	}
}

// nameItems, which keeps a run of empty items as one, gives SplitNames
// the names splitList's every item gives: an empty item names no one,
// and stops a name's tail ("Jr.") joining the name before it alike.
func TestNameItemsSplitAsSplitList(t *testing.T) {
	for _, s := range nameItemSamples {
		checkNameItems(t, s)
	}
}

func FuzzNameItems(f *testing.F) {
	for _, s := range nameItemSamples {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkNameItems(t, s) })
}

var nameItemSamples = []string{
	"", ",", ",,,", "Ann Lee", "Ann Lee,, Bo Chan", "Ann Lee,,, Jr.", "Ann Lee, Jr.", "Ann Lee,, Jr., Bo", ";; Ann ;; Bo ; ;",
	"Jan & Ewa Lis,, and Tomasz Nowak", "A. Reis, et al.,,", "Élodie Vasseur et Marc Janssens,,, Kwabena Osei", " / Ann / / Bo /",
	"Anne Coesens" + strings.Repeat(",", 1000) + " Z",
}

func checkNameItems(t *testing.T, s string) {
	t.Helper()
	if got, want := splitNames(s, nameItems), splitNames(s, splitList); !slices.Equal(got, want) {
		t.Errorf("SplitNames(%q) = %q; with every item, %q", s, got, want)
	}
}

// A credit line of 200,000 commas (audit 20: a million took 80 MB) is
// split without an item, or a slice, for each comma.
func TestSplitNamesOfEmptyItemsAllocatesLittle(t *testing.T) {
	s := "Ann Lee" + strings.Repeat(",", 200_000) + " Bo Chan"
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	names := SplitNames(s)
	runtime.ReadMemStats(&after)
	if !slices.Equal(names, []string{"Ann Lee", "Bo Chan"}) {
		t.Errorf("names %q", names)
	}
	if n := after.TotalAlloc - before.TotalAlloc; n > 1<<20 {
		t.Errorf("SplitNames allocated %d bytes for 200,000 commas; want under 1 MiB", n)
	}
}
