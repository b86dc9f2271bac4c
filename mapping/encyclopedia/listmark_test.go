package encyclopedia

import "testing"

var listMarkCases = []string{
	"", "-", "- ", "- Director: Ann", "-- x", "--- x", "---- x", "-x", "* a", "** a", "•a", "• a", "·\ta", "▪ a", "– a",
	"—  a", "-•* a", "-•*- a", "1. a", "12) a", "123. a", "1234. a", "1.a", "1 a", "1.", "1. ", "a. b", ". a", ") a",
	"-\n a", "-\v a", "-\u00a0a", "- \t a", "\xff a", "-\xff a", "1\xff a", "01. x", "007) x", "1.. x", "1.) x",
}

func checkListMark(t *testing.T, s string) {
	if got, want := listMark(s), listMarkRe.FindString(s); got != want {
		t.Errorf("listMark(%q) = %q, want %q", s, got, want)
	}
}

func TestListMark(t *testing.T) {
	for _, s := range listMarkCases {
		checkListMark(t, s)
	}
}

func FuzzListMark(f *testing.F) {
	for _, s := range listMarkCases {
		f.Add(s)
	}
	f.Fuzz(checkListMark)
}
