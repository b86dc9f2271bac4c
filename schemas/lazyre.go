package schemas

import (
	"regexp"
	"sync"
)

// lazyRegexp returns a function that compiles expr on its first call and
// hands every later call, from any goroutine, the same *regexp.Regexp.
// Package-level regexp.MustCompile runs at package init, so every film2ld
// process paid for compiling the patterns of every package it links,
// --version included, whether or not its command used them. A bad pattern
// panics on first use instead; TestLazyRegexps compiles them all.
func lazyRegexp(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}
