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
	re   func() *regexp.Regexp
}

var (
	mu  sync.Mutex
	all []*Regexp
)

// New returns a Regexp for expr. A bad expr panics on first use;
// CompileAll finds it in tests.
func New(expr string) *Regexp {
	r := &Regexp{expr: expr, re: sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })}
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

// MatchString is regexp.Regexp.MatchString.
func (r *Regexp) MatchString(s string) bool { return r.re().MatchString(s) }

// FindString is regexp.Regexp.FindString.
func (r *Regexp) FindString(s string) string { return r.re().FindString(s) }

// FindStringSubmatch is regexp.Regexp.FindStringSubmatch.
func (r *Regexp) FindStringSubmatch(s string) []string { return r.re().FindStringSubmatch(s) }

// FindStringIndex is regexp.Regexp.FindStringIndex.
func (r *Regexp) FindStringIndex(s string) []int { return r.re().FindStringIndex(s) }

// ReplaceAllStringFunc is regexp.Regexp.ReplaceAllStringFunc.
func (r *Regexp) ReplaceAllStringFunc(src string, repl func(string) string) string {
	return r.re().ReplaceAllStringFunc(src, repl)
}

// FindAllString is regexp.Regexp.FindAllString.
func (r *Regexp) FindAllString(s string, n int) []string { return r.re().FindAllString(s, n) }

// FindAllStringSubmatch is regexp.Regexp.FindAllStringSubmatch.
func (r *Regexp) FindAllStringSubmatch(s string, n int) [][]string {
	return r.re().FindAllStringSubmatch(s, n)
}

// ReplaceAllString is regexp.Regexp.ReplaceAllString.
func (r *Regexp) ReplaceAllString(src, repl string) string { return r.re().ReplaceAllString(src, repl) }

// Split is regexp.Regexp.Split.
func (r *Regexp) Split(s string, n int) []string { return r.re().Split(s, n) }
