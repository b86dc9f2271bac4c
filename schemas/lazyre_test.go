package schemas

import (
	"regexp"
	"testing"
)

// TestLazyRegexps compiles every lazily compiled pattern of the package,
// so that a bad one fails here rather than on a user's first use of it, and
// checks that each hands out one compiled expression.
func TestLazyRegexps(t *testing.T) {
	for name, re := range map[string]func() *regexp.Regexp{
		"fractionRE": fractionRE,
		"percentRE":  percentRE,
		"numberRE":   numberRE,
		"integerRE":  integerRE,
		"dateRE":     dateRE,
		"dateTZRE":   dateTZRE,
		"timeRE":     timeRE,
		"durationRE": durationRE,
	} {
		first := re()
		if first == nil || re() != first {
			t.Errorf("%s: not one compiled expression", name)
		}
	}
}
