package prize

import (
	"strings"
	"testing"

	"github.com/film2ld/film2ld/mapping/film"
)

// TestTypographicMinuteMarks: a running time typed with a curly
// apostrophe or a prime for its minutes ("88’"), or in French "mn", is
// the running time, in the header and under a label; "88’" was lost and
// read as a director named "88’" (audit 18). A name with an apostrophe
// stays a name.
func TestTypographicMinuteMarks(t *testing.T) {
	for _, tt := range []struct {
		name, line string
		label      bool
		seconds    int
	}{
		{"curly apostrophe", "88’", false, 88 * 60},
		{"prime", "104′", false, 104 * 60},
		{"acute accent", "97´", false, 97 * 60},
		{"grave accent", "97`", false, 97 * 60},
		{"left quote", "97‘", false, 97 * 60},
		{"mark after a space", "88 ’", false, 88 * 60},
		{"hours and minutes", "1h28’", false, 88 * 60},
		{"minutes and seconds, curly", "12’40’’", false, 12*60 + 40},
		{"minutes and seconds, primes", "12′40″", false, 12*60 + 40},
		{"minutes and seconds, quotes", "12’40”", false, 12*60 + 40},
		{"capital Min with its full stop", "88 Min.", false, 88 * 60},
		{"French mn", "95 mn", false, 95 * 60},
		{"French mn with its full stop", "95 mn.", false, 95 * 60},
		{"German Minuten", "103 Minuten", false, 103 * 60},
		{"label, curly", "Durée : 88’", true, 88 * 60},
		{"label, hours and a prime", "Running time: 1 h 12′", true, 72 * 60},
		{"label, mn", "Durée : 1 h 35 mn", true, 95 * 60},
	} {
		page := "Published on *P* (<https://p.example>)\n\nKite Hill\n\nSiobhán O’Connor\n\nIreland\n\n2021\n\n"
		if tt.label {
			page += "Synopsis:\n\nA kite.\n\n" + tt.line + "\n"
		} else {
			page += tt.line + "\n\nSynopsis:\n\nA kite.\n"
		}
		src, err := Parse(strings.NewReader(page), "p.txt")
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		f := src.Film
		if got := f.Runtime; !got.Set || got.Seconds() != tt.seconds {
			t.Errorf("%s: %q: running time %d s (set %v); want %d s", tt.name, tt.line, got.Seconds(), got.Set, tt.seconds)
		}
		if len(f.Credits) != 1 || f.Credits[0].Role != film.Director || f.Credits[0].Agent.Name.Value != "Siobhán O’Connor" {
			t.Errorf("%s: credits %+v; want the director Siobhán O’Connor alone", tt.name, f.Credits)
		}
		for _, n := range src.Notes {
			t.Errorf("%s: note %s", tt.name, n.Message)
		}
	}
}

// TestMinuteMarks pins what minuteMarks changes and what it leaves.
func TestMinuteMarks(t *testing.T) {
	for in, want := range map[string]string{
		"88’":              "88'",
		"12’’":             "12''",
		"12′40″":           "12'40\"",
		"95 mn":            "95 min",
		"1 h 35 mn.":       "1 h 35 min.",
		"Siobhán O’Connor": "Siobhán O’Connor",
		"L’été 85":         "L’été 85",
		"the 1980`s":       "the 1980's",
		"Omnibus":          "Omnibus",
		"3 mnemonics":      "3 mnemonics",
		"2 ’ and then":     "2 ' and then",
	} {
		if got := minuteMarks(in); got != want {
			t.Errorf("minuteMarks(%q) = %q; want %q", in, got, want)
		}
	}
}
