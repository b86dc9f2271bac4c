package lazyre

import "regexp"

// All returns every pattern made so far that compiles (TestSameAsRegexp
// makes a bad one on purpose), for the tests that compare each with the
// regexp package.
func All() []*Regexp {
	mu.Lock()
	defer mu.Unlock()
	var out []*Regexp
	for _, r := range all {
		if _, err := regexp.Compile(r.expr); err == nil {
			out = append(out, r)
		}
	}
	return out
}

// Filtered reports whether r's filter can reject anything.
func (r *Regexp) Filtered() bool {
	f := r.c().filter
	return f.any != nil || f.checkFirst || f.prefixes != nil
}

// Rejects reports whether r's filter rejects s without running the
// pattern.
func (r *Regexp) Rejects(s string) bool {
	c := r.c()
	return c.rejects(s)
}
