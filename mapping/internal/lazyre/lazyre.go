// Package lazyre holds regular expressions that are compiled on first use,
// and only for text a quick filter cannot rule out.
//
// The mappers have some sixty package-level patterns. Compiled at package
// initialisation, as regexp.MustCompile in a var would be, they cost every
// film2ld process — validate and convert too, which never map a document —
// tens of milliseconds on a loaded machine. A lazyre.Regexp is declared the
// same way and has the methods the mappers call, so call sites do not change.
package lazyre

//go:generate go test . -run TestKnownFilters -update

import (
	"regexp"
	"sync"
)

// Regexp is a pattern compiled, with regexp.MustCompile, the first time one
// of its methods meets text its filter (filter.go) cannot reject. It is
// safe for concurrent use, as a *regexp.Regexp is.
//
// The filter and the compiled pattern are made apart: a document meets
// many patterns whose filter rejects every one of its lines (the samples'
// export compiled 46 patterns and ran 34), and compiling was a seventh of
// a one-film export process (perf record over 60 processes).
type Regexp struct {
	expr string

	filterOnce sync.Once
	f          filter

	reOnce   sync.Once
	compiled *regexp.Regexp
}

// filter returns the pattern's filter: the one generated for it
// (filters_gen.go), else derived from the pattern.
func (r *Regexp) filter() *filter {
	r.filterOnce.Do(func() {
		var ok bool
		if r.f, ok = knownFilter(r.expr); !ok {
			r.f = newFilter(r.expr)
		}
	})
	return &r.f
}

// re returns the compiled pattern.
func (r *Regexp) re() *regexp.Regexp {
	r.reOnce.Do(func() { r.compiled = regexp.MustCompile(r.expr) })
	return r.compiled
}

var (
	mu  sync.Mutex
	all []*Regexp
)

// New returns a Regexp for expr. A bad expr panics on first use;
// CompileAll finds it in tests.
func New(expr string) *Regexp {
	r := &Regexp{expr: expr}
	mu.Lock()
	all = append(all, r)
	mu.Unlock()
	return r
}

// CompileAll compiles every Regexp made so far and returns how many there
// are, or the first error. Tests call it after importing the packages
// that declare patterns, so a typo fails a test rather than a user's run.
func CompileAll() (int, error) {
	mu.Lock()
	rs := append([]*Regexp(nil), all...)
	mu.Unlock()
	for _, r := range rs {
		if _, err := regexp.Compile(r.expr); err != nil {
			return 0, err
		}
	}
	return len(rs), nil
}

// Regexp returns the compiled pattern.
func (r *Regexp) Regexp() *regexp.Regexp { return r.re() }

// String returns the source text of the pattern.
func (r *Regexp) String() string { return r.expr }

// Each method gives regexp's result, without running the pattern where
// the filter shows it cannot match: no match is what regexp returns then.

// MatchString is regexp.Regexp.MatchString.
func (r *Regexp) MatchString(s string) bool {
	return !r.filter().rejects(s) && r.re().MatchString(s)
}

// FindString is regexp.Regexp.FindString.
func (r *Regexp) FindString(s string) string {
	if !r.filter().rejects(s) {
		return r.re().FindString(s)
	}
	return ""
}

// FindStringSubmatch is regexp.Regexp.FindStringSubmatch.
func (r *Regexp) FindStringSubmatch(s string) []string {
	if !r.filter().rejects(s) {
		return r.re().FindStringSubmatch(s)
	}
	return nil
}

// FindStringIndex is regexp.Regexp.FindStringIndex.
func (r *Regexp) FindStringIndex(s string) []int {
	if !r.filter().rejects(s) {
		return r.re().FindStringIndex(s)
	}
	return nil
}

// ReplaceAllStringFunc is regexp.Regexp.ReplaceAllStringFunc.
// Like ReplaceAllString, it returns src itself when nothing matches.
func (r *Regexp) ReplaceAllStringFunc(src string, repl func(string) string) string {
	if !r.filter().rejects(src) && r.re().MatchString(src) {
		return r.re().ReplaceAllStringFunc(src, repl)
	}
	return src
}

// FindAllString is regexp.Regexp.FindAllString.
func (r *Regexp) FindAllString(s string, n int) []string {
	if !r.filter().rejects(s) {
		return r.re().FindAllString(s, n)
	}
	return nil
}

// FindAllStringSubmatch is regexp.Regexp.FindAllStringSubmatch.
func (r *Regexp) FindAllStringSubmatch(s string, n int) [][]string {
	if !r.filter().rejects(s) {
		return r.re().FindAllStringSubmatch(s, n)
	}
	return nil
}

// FindAllStringIndex is regexp.Regexp.FindAllStringIndex.
func (r *Regexp) FindAllStringIndex(s string, n int) [][]int {
	if !r.filter().rejects(s) {
		return r.re().FindAllStringIndex(s, n)
	}
	return nil
}

// FindAllStringSubmatchIndex is regexp.Regexp.FindAllStringSubmatchIndex.
func (r *Regexp) FindAllStringSubmatchIndex(s string, n int) [][]int {
	if !r.filter().rejects(s) {
		return r.re().FindAllStringSubmatchIndex(s, n)
	}
	return nil
}

// ReplaceAllString is regexp.Regexp.ReplaceAllString.
// Unlike regexp's, it returns src itself when nothing matches: regexp
// copies src even then, and a mapper that cleans every review's text
// kept a second copy of each (3 MB of a 50,000-review page's 30 MB live
// at its peak).
func (r *Regexp) ReplaceAllString(src, repl string) string {
	if !r.filter().rejects(src) && r.re().MatchString(src) {
		return r.re().ReplaceAllString(src, repl)
	}
	return src
}

// Split is regexp.Regexp.Split.
func (r *Regexp) Split(s string, n int) []string {
	switch {
	case !r.filter().rejects(s):
		return r.re().Split(s, n)
	case n == 0:
		return nil
	}
	return []string{s}
}
