// Package lazyre holds regular expressions that are compiled on first use.
//
// The mappers have some sixty package-level patterns. Compiled at package
// initialisation, as regexp.MustCompile in a var would be, they cost every
// film2ld process — validate and convert too, which never map a document —
// tens of milliseconds on a loaded machine. A lazyre.Regexp is declared the
// same way and has the methods the mappers call, so call sites do not change.
package lazyre

import (
	"regexp"
	"sync"
)

// Regexp is a pattern compiled, with regexp.MustCompile, the first time one
// of its methods is called. It is safe for concurrent use, as a
// *regexp.Regexp is.
type Regexp struct {
	expr string
	c    func() *compiled
}

// compiled is a pattern and the filter that rejects most text it cannot
// match before the regexp engine runs (filter.go).
type compiled struct {
	re *regexp.Regexp
	filter
}

var (
	mu  sync.Mutex
	all []*Regexp
)

// New returns a Regexp for expr. A bad expr panics on first use;
// CompileAll finds it in tests.
func New(expr string) *Regexp {
	r := &Regexp{expr: expr, c: sync.OnceValue(func() *compiled {
		return &compiled{re: regexp.MustCompile(expr), filter: newFilter(expr)}
	})}
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
func (r *Regexp) Regexp() *regexp.Regexp { return r.c().re }

// String returns the source text of the pattern.
func (r *Regexp) String() string { return r.expr }

// Each method gives regexp's result, without running the pattern where
// the filter shows it cannot match: no match is what regexp returns then.

// MatchString is regexp.Regexp.MatchString.
func (r *Regexp) MatchString(s string) bool {
	c := r.c()
	return !c.rejects(s) && c.re.MatchString(s)
}

// FindString is regexp.Regexp.FindString.
func (r *Regexp) FindString(s string) string {
	if c := r.c(); !c.rejects(s) {
		return c.re.FindString(s)
	}
	return ""
}

// FindStringSubmatch is regexp.Regexp.FindStringSubmatch.
func (r *Regexp) FindStringSubmatch(s string) []string {
	if c := r.c(); !c.rejects(s) {
		return c.re.FindStringSubmatch(s)
	}
	return nil
}

// FindStringIndex is regexp.Regexp.FindStringIndex.
func (r *Regexp) FindStringIndex(s string) []int {
	if c := r.c(); !c.rejects(s) {
		return c.re.FindStringIndex(s)
	}
	return nil
}

// ReplaceAllStringFunc is regexp.Regexp.ReplaceAllStringFunc.
func (r *Regexp) ReplaceAllStringFunc(src string, repl func(string) string) string {
	if c := r.c(); !c.rejects(src) {
		return c.re.ReplaceAllStringFunc(src, repl)
	}
	return src
}

// FindAllString is regexp.Regexp.FindAllString.
func (r *Regexp) FindAllString(s string, n int) []string {
	if c := r.c(); !c.rejects(s) {
		return c.re.FindAllString(s, n)
	}
	return nil
}

// FindAllStringSubmatch is regexp.Regexp.FindAllStringSubmatch.
func (r *Regexp) FindAllStringSubmatch(s string, n int) [][]string {
	if c := r.c(); !c.rejects(s) {
		return c.re.FindAllStringSubmatch(s, n)
	}
	return nil
}

// FindAllStringIndex is regexp.Regexp.FindAllStringIndex.
func (r *Regexp) FindAllStringIndex(s string, n int) [][]int {
	if c := r.c(); !c.rejects(s) {
		return c.re.FindAllStringIndex(s, n)
	}
	return nil
}

// FindAllStringSubmatchIndex is regexp.Regexp.FindAllStringSubmatchIndex.
func (r *Regexp) FindAllStringSubmatchIndex(s string, n int) [][]int {
	if c := r.c(); !c.rejects(s) {
		return c.re.FindAllStringSubmatchIndex(s, n)
	}
	return nil
}

// ReplaceAllString is regexp.Regexp.ReplaceAllString.
func (r *Regexp) ReplaceAllString(src, repl string) string {
	if c := r.c(); !c.rejects(src) {
		return c.re.ReplaceAllString(src, repl)
	}
	return src
}

// Split is regexp.Regexp.Split.
func (r *Regexp) Split(s string, n int) []string {
	c := r.c()
	switch {
	case !c.rejects(s):
		return c.re.Split(s, n)
	case n == 0:
		return nil
	}
	return []string{s}
}
