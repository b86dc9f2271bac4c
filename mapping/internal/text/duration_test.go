package text

import (
	"errors"
	"fmt"
	"slices"
	"testing"
)

// TestParseRunningTime: every way a page writes a running time, to the
// second (audit 15: "12:40" was 12 hours 40 minutes, and "12 minutes 40
// seconds", "0:12:40", "12′40″", "8 min 30 s" lost their seconds).
func TestParseRunningTime(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want int // seconds; 0: not a running time
	}{
		{"95 min", 95 * 60},
		{"1 h 35 min", 95 * 60},
		{"1 h 35", 95 * 60},
		{"1 hour and 35 minutes", 95 * 60},
		{"2 hrs.", 120 * 60},
		{"12 minutes 40 seconds", 760},
		{"12 minutes and 40 seconds", 760},
		{"8 min 30 s", 510},
		{"8 min. 30 sec.", 510},
		{"12m40s", 760},
		{"12′40″", 760},
		{"12'40''", 760},
		{`12'40"`, 760},
		{"740 seconds", 740},
		{"45 sec", 45},
		{"1 h 2 min 3 s", 3723},
		{"0:12:40", 760},
		{"1:35:20", 95*60 + 20},
		{"1:38", 98 * 60},
		{"3:05", 185 * 60},
		{"12:40", 760},
		{"59:59", 59*60 + 59},
		{"118 Minuten", 118 * 60},
		{"96 minuti", 96 * 60},
		{"112 perc", 112 * 60},
		{"104 minuty", 104 * 60},
		{"98 minutter", 98 * 60},
		{"2 saat 5 dakika", 125 * 60},
		{"88 minutos", 88 * 60},
		{"1 Stunde und 58 Minuten", 118 * 60},
		{"1 hora y 28 minutos", 88 * 60},
		{"1 ora e 36 minuti", 96 * 60},
		// Not running times.
		{"1990s", 0},
		{"40 seconds 12 minutes", 0}, // units out of order
		{"12 minutes 75 seconds", 0}, // a part after the first is under 60
		{"95 min 95 min", 0},
		{"0 min", 0},
		{"0:00:00", 0},
		{"95", 0},
		{"minutes", 0},
		{"12:4", 0},
		{"1:60", 0},
		{"123:40", 0},
		{"1:2:3:4", 0},
		{"95 meters", 0},
	} {
		got, err := ParseRunningTime(tt.in)
		if tt.want == 0 {
			if err == nil {
				t.Errorf("ParseRunningTime(%q) = %d; want an error", tt.in, got)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("ParseRunningTime(%q) = %d, %v; want %d", tt.in, got, err, tt.want)
		}
	}
}

// TestUnclearClock: "a:bb" that may be hours and minutes or minutes and
// seconds is left out, never guessed.
func TestUnclearClock(t *testing.T) {
	for _, in := range []string{"5:30", "4:12", "9:59", "0:45", "07:15", "00:40"} {
		if n, err := ParseRunningTime(in); !errors.Is(err, ErrUnclearClock) {
			t.Errorf("ParseRunningTime(%q) = %d, %v; want ErrUnclearClock", in, n, err)
		}
	}
	found, unclear := RunningTimes("5:30 (festival cut), 14:20 (broadcast)")
	if !slices.Equal(found, []int{14*60 + 20}) || !slices.Equal(unclear, []string{"5:30"}) {
		t.Errorf("RunningTimes = %v, %q", found, unclear)
	}
}

func TestRunningTimes(t *testing.T) {
	for in, want := range map[string][]int{
		"12 minutes 40 seconds":                    {760},
		"Approx. 8 min 30 s (festival version)":    {510},
		"0:12:40 (DCP)":                            {760},
		"7 reels (approx. 74 minutes)":             {74 * 60},
		"95 minutes (1990s cut)":                   {95 * 60},
		"22 min 5 s (TV), 25 minutes (theatrical)": {22*60 + 5, 25 * 60},
		"2 s":           nil,
		"Seconds count": nil,
	} {
		if got, _ := RunningTimes(in); !slices.Equal(got, want) {
			t.Errorf("RunningTimes(%q) = %v; want %v", in, got, want)
		}
	}
}

// FuzzParseRunningTime: any text is read without a panic; a time read is
// positive, and RunningTimes finds it again in a value that is only it.
// A time written back in minutes and seconds reads as the same time.
func FuzzParseRunningTime(f *testing.F) {
	for _, s := range []string{"95 min", "12:40", "0:12:40", "12′40″", "8 min 30 s", "1 Stunde und 58 Minuten", "5:30", "1990s", "740 seconds"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := ParseRunningTime(s)
		RunningTimes(s)
		if err != nil {
			return
		}
		if n <= 0 {
			t.Fatalf("ParseRunningTime(%q) = %d", s, n)
		}
		back := fmt.Sprintf("%d min %d s", n/60, n%60)
		if n%60 == 0 {
			back = fmt.Sprintf("%d min", n/60)
		} else if n < 60 {
			back = fmt.Sprintf("%d seconds", n)
		}
		if m, err := ParseRunningTime(back); err != nil || m != n {
			t.Fatalf("ParseRunningTime(%q) = %d, but %q reads %d, %v", s, n, back, m, err)
		}
	})
}

// TestRunTogether: two times the pattern runs together are two.
func TestRunTogether(t *testing.T) {
	for in, want := range map[string][]int{
		"95 min 90 min":              {95 * 60, 90 * 60},
		"12′40″ 14′":                 {760, 14 * 60},
		"12 min 40 s, 3 min 5 s":     {760, 185},
		"40 seconds 12 minutes 30 s": {40, 750},
	} {
		if got, _ := RunningTimes(in); !slices.Equal(got, want) {
			t.Errorf("RunningTimes(%q) = %v; want %v", in, got, want)
		}
	}
}
