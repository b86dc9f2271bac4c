package text

import (
	"testing"
	"time"
)

// dateSamples are values of every layout ParseDate reads, in and out of
// range, and values of none.
func dateSamples() []string {
	samples := []string{
		"", "x", "1", "2019", "Sept. 14, 2004", "31/04/2019", "Feb 30, 2020", "30 Feb 2020",
		"2020-02-30", "2020-13-01", "32.1.2020", "Mar 22, 2011", "23-11-2017", "14 Nov. 2004",
		"2019年3月5日", "2019/03/05", "né le 3 mars", "Éte 2019", "3rd of May", "May", "10 Sept 2004",
	}
	days := []time.Time{
		time.Date(2011, 3, 22, 0, 0, 0, 0, time.UTC),
		time.Date(1999, 12, 1, 0, 0, 0, 0, time.UTC),
		time.Date(2024, 2, 29, 0, 0, 0, 0, time.UTC),
	}
	for _, layout := range dateLayouts {
		for _, d := range days {
			samples = append(samples, d.Format(layout))
		}
	}
	return samples
}

// mayParse skips only layouts that cannot read a value, nor fail on it
// for a day or month out of range: ParseDate reads the same without them.
func TestMayParseSkipsOnlyFailures(t *testing.T) {
	for _, s := range dateSamples() {
		checkMayParse(t, s)
	}
}

func FuzzMayParse(f *testing.F) {
	for _, s := range dateSamples() {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkMayParse(t, s) })
}

func checkMayParse(t *testing.T, s string) {
	t.Helper()
	for _, layout := range dateLayouts {
		if mayParse(layout, s) {
			continue
		}
		if _, err := time.Parse(layout, s); err == nil || outOfRange(err) {
			t.Errorf("mayParse(%q, %q) is false, but time.Parse gives %v", layout, s, err)
		}
	}
}
