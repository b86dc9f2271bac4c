package jsongold

import (
	"regexp"
	"testing"
)

// TestLazyRegexps compiles every lazily compiled pattern of the package,
// so that a bad one fails here rather than on a user's first use of it, and
// checks that each hands out one compiled expression.
func TestLazyRegexps(t *testing.T) {
	for name, re := range map[string]func() *regexp.Regexp{
		"ignoredKeywordPattern": ignoredKeywordPattern,
		"invalidPrefixPattern":  invalidPrefixPattern,
		"iriLikeTermPattern":    iriLikeTermPattern,
	} {
		first := re()
		if first == nil || re() != first {
			t.Errorf("%s: not one compiled expression", name)
		}
	}
}
