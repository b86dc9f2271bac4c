package text

import (
	"errors"
	"slices"
	"strconv"
	"strings"

	"github.com/film2ld/film2ld/mapping/internal/lazyre"
)

// ErrUnclearClock means a running time written "a:bb" that may be hours
// and minutes or minutes and seconds ("5:30"): it is left out rather
// than guessed.
var ErrUnclearClock = errors.New("may be hours and minutes or minutes and seconds")

// ErrNotRunningTime means a value is no running time. It carries no text:
// RunningTimes tries every number in a value, and a message made for
// each was most of its time.
var ErrNotRunningTime = errors.New("not a running time")

// timeUnit is a unit of a running time, largest first.
type timeUnit int

const (
	noUnit timeUnit = iota
	hours
	minutes
	seconds
)

// unitSeconds are the seconds in each unit.
var unitSeconds = [...]int{hours: 3600, minutes: 60, seconds: 1}

// unitWords are the units' words as film pages write them, in English and
// in the languages of the articles and prize pages film2ld reads (German,
// Italian, Spanish, French, and the units of a few more), lower case,
// without a final full stop.
var unitWords = map[string]timeUnit{
	"h": hours, "hr": hours, "hrs": hours, "hour": hours, "hours": hours, "std": hours, "stunde": hours,
	"stunden": hours, "ora": hours, "ore": hours, "hora": hours, "horas": hours, "heure": hours, "heures": hours,
	"m": minutes, "min": minutes, "mins": minutes, "minute": minutes, "minutes": minutes, "minuten": minutes,
	"minuto": minutes, "minuti": minutes, "minutos": minutes,
	"s": seconds, "sec": seconds, "secs": seconds, "second": seconds, "seconds": seconds, "sek": seconds,
	"sekunde": seconds, "sekunden": seconds, "secondo": seconds, "secondi": seconds, "segundo": seconds,
	"segundos": seconds, "seconde": seconds, "secondes": seconds,
	// Other languages whose pages the mappers meet in infoboxes ("112
	// perc", audit 17): Hungarian, Polish, Czech, Dutch, the Scandinavian
	// languages, Turkish. Each is a unit only after a number.
	"perc": minutes, "minut": minutes, "minuty": minutes, "godz": hours,
	"godzina": hours, "godziny": hours, "hodina": hours, "hodiny": hours, "uur": hours, "minutter": minutes,
	"minuter": minutes, "timer": hours, "timme": hours, "timmar": hours, "dakika": minutes, "saat": hours,
	"saniye": seconds,
}

// unitSymbols are the marks written for minutes and seconds ("12′40″",
// "86'", and two apostrophes for seconds), longest first.
var unitSymbols = []struct {
	mark string
	unit timeUnit
}{{"''", seconds}, {"′′", seconds}, {"″", seconds}, {`"`, seconds}, {"′", minutes}, {"'", minutes}}

// joinWords join a running time's parts: "1 hour and 32 minutes",
// "1 Stunde und 32 Minuten", "1 ora e 32 minuti", "1 hora y 32 minutos".
var joinWords = map[string]bool{"and": true, "und": true, "e": true, "y": true, "et": true}

// ParseRunningTime reads one running time and returns it in seconds:
// "95 min", "90 minutes", "1 h 35 min", "1h 30min", "1 hour and 35
// minutes", "95′", "118 Minuten", "12 minutes 40 seconds", "8 min 30 s",
// "12′40″", "740 seconds", "1:35:20" (hours, minutes, seconds) and "a:bb"
// by the rule of clockSeconds. Units go from the largest to the smallest,
// each once; a part after the first is under 60. A lone "s" is no unit
// for the first part ("1990s" is a decade).
func ParseRunningTime(s string) (int, error) {
	s = strings.TrimSuffix(strings.ToLower(Clean(s)), ".")
	if strings.Contains(s, ":") {
		return clockSeconds(s)
	}
	total, last, i, first := 0, noUnit, 0, true
	for {
		i = skipJoin(s, i, first)
		if i == len(s) {
			break
		}
		j := i
		for j < len(s) && '0' <= s[j] && s[j] <= '9' {
			j++
		}
		if j == i || j-i > 5 {
			return 0, ErrNotRunningTime
		}
		n, _ := strconv.Atoi(s[i:j])
		for j < len(s) && s[j] == ' ' {
			j++
		}
		u, k := unitAt(s, j)
		if u == noUnit && k == j && j == len(s) && last == hours {
			// "1 h 35": the minutes after the hours.
			u = minutes
		}
		switch {
		case u == noUnit, u <= last, u == seconds && first && s[j:k] == "s":
			return 0, ErrNotRunningTime
		case !first && n >= 60, first && u == hours && j-i > 2 && n > 99:
			return 0, ErrNotRunningTime
		}
		total += n * unitSeconds[u]
		last, i, first = u, k, false
	}
	if first || total == 0 {
		return 0, ErrNotRunningTime
	}
	return total, nil
}

// skipJoin skips the spaces and commas before a part, and after the
// first part a joining word ("and").
func skipJoin(s string, i int, first bool) int {
	for {
		for i < len(s) && (s[i] == ' ' || s[i] == ',') {
			i++
		}
		if first {
			return i
		}
		w := i
		for w < len(s) && 'a' <= s[w] && s[w] <= 'z' {
			w++
		}
		if w == i || !joinWords[s[i:w]] || w < len(s) && s[w] != ' ' {
			return i
		}
		i = w
	}
}

// unitAt reads the unit at s[j:]: a word (with its full stop) or a mark.
// It returns noUnit and j when there is none.
func unitAt(s string, j int) (timeUnit, int) {
	for _, sym := range unitSymbols {
		if strings.HasPrefix(s[j:], sym.mark) {
			return sym.unit, j + len(sym.mark)
		}
	}
	k := j
	for k < len(s) && 'a' <= s[k] && s[k] <= 'z' {
		k++
	}
	u, ok := unitWords[s[j:k]]
	if !ok {
		return noUnit, j
	}
	if k < len(s) && s[k] == '.' {
		k++
	}
	return u, k
}

// clockSeconds reads a running time written as a clock. "1:35:20" is
// hours, minutes and seconds. "a:bb" is read by what sites write: a
// feature's running time as hours and minutes with one digit for the
// hours ("1:38", up to "3:59"), a short's as minutes and seconds, the
// way a player shows it, with two for the minutes ("12:40"); nobody
// writes a film of ten hours or more as "10:05". Anything else ("0:45",
// "5:30", "07:15") may be either, and is ErrUnclearClock.
func clockSeconds(s string) (int, error) {
	parts := strings.Split(s, ":")
	for i, p := range parts {
		if p == "" || len(p) > 2 || strings.Trim(p, "0123456789") != "" || i > 0 && (len(p) != 2 || p[0] > '5') {
			return 0, ErrNotRunningTime
		}
	}
	num := func(i int) int { n, _ := strconv.Atoi(parts[i]); return n }
	total := 0
	switch {
	case len(parts) == 3:
		total = num(0)*3600 + num(1)*60 + num(2)
	case len(parts) != 2:
		return 0, ErrNotRunningTime
	case len(parts[0]) == 1 && '1' <= parts[0][0] && parts[0][0] <= '3':
		total = num(0)*3600 + num(1)*60
	case len(parts[0]) == 2 && parts[0][0] != '0':
		total = num(0)*60 + num(1)
	default:
		return 0, ErrUnclearClock
	}
	if total == 0 {
		return 0, ErrNotRunningTime
	}
	return total, nil
}

// timePartRe finds the parts of running times inside a longer value: a
// clock ("0:12:40"), or a number with a word or a mark after it ("95
// minutes", "12′"), which ParseRunningTime then judges, alone or with the
// parts next to it ("12 minutes 40 seconds"); a word that is no unit
// ("7 reels") makes no time. A pattern of whole times, a part and the
// parts after it, was five times slower on a long value.
var timePartRe = lazyre.New(`\b\d{1,2}:[0-5]\d(?::[0-5]\d)?\b|\b\d{1,5}\s*(?:[a-z]+\b\.?|''|′′|″|"|′|')`)

// RunningTimes finds every running time in a value and returns each in
// seconds, in the order written ("95 minutes (Cannes), 1 h 30 min
// (theatrical)" gives 5700 and 5400), and the clock times it cannot
// read (ErrUnclearClock).
//
// A time that is the end of a decimal ("1.5 hours") or follows a sign
// ("-5 minutes") is none: the pattern found "5 hours" in the one, 300
// minutes, and took the other for 5 minutes.
func RunningTimes(s string) (found []int, unclear []string) {
	// The pattern is matched against the value in ASCII lower case (the
	// same bytes at the same offsets).
	parts := timePartRe.FindAllStringIndex(asciiLower(s), -1)
	parts = slices.DeleteFunc(parts, func(at []int) bool { return partOfNumber(s[:at[0]]) })
	for i := 0; i < len(parts); {
		if strings.Contains(s[parts[i][0]:parts[i][1]], ":") {
			n, err := ParseRunningTime(s[parts[i][0]:parts[i][1]])
			switch {
			case err == nil:
				found = append(found, n)
			case errors.Is(err, ErrUnclearClock):
				unclear = append(unclear, s[parts[i][0]:parts[i][1]])
			}
			i++
			continue
		}
		// The longest run of adjacent parts from i that reads as one
		// time: three parts at most (hours, minutes, seconds).
		best, next := 0, i+1
		for j := i; j < len(parts) && j < i+3; j++ {
			if j > i && !joins(s[parts[j-1][1]:parts[j][0]]) {
				break
			}
			if n, err := ParseRunningTime(s[parts[i][0]:parts[j][1]]); err == nil {
				best, next = n, j+1
			}
		}
		if best > 0 {
			found = append(found, best)
		}
		i = next
	}
	return found, unclear
}

// joins reports whether the text between two parts of a running time
// joins them into one: spaces, a comma, a joining word ("and").
func joins(gap string) bool {
	g := strings.TrimSpace(strings.Replace(gap, ",", " ", 1))
	return !strings.Contains(gap, ":") && (g == "" || joinWords[strings.ToLower(g)])
}

// partOfNumber reports whether text that ends with before makes what
// follows it part of a larger number: a sign (or a dash, of a range), or
// a digit and a decimal point or comma.
func partOfNumber(before string) bool {
	if strings.HasSuffix(before, "-") || strings.HasSuffix(before, "+") || strings.HasSuffix(before, "−") ||
		strings.HasSuffix(before, "–") || strings.HasSuffix(before, "—") { // or a range's end
		return true
	}
	n := len(before)
	return n >= 2 && (before[n-1] == '.' || before[n-1] == ',') && '0' <= before[n-2] && before[n-2] <= '9'
}

// IsRunningTime reports whether a whole line is a running time.
func IsRunningTime(s string) bool {
	_, err := ParseRunningTime(s)
	return err == nil
}

// asciiLower is s with its ASCII capitals in lower case, byte for byte.
func asciiLower(s string) string {
	i := strings.IndexFunc(s, func(r rune) bool { return 'A' <= r && r <= 'Z' })
	if i < 0 {
		return s
	}
	b := []byte(s)
	for ; i < len(b); i++ {
		if 'A' <= b[i] && b[i] <= 'Z' {
			b[i] += 'a' - 'A'
		}
	}
	return string(b)
}
