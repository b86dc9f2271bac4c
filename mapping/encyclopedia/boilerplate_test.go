package encyclopedia

import (
	"regexp"
	"strings"
	"testing"
)

// boilerplateRe is the pattern isBoilerplate was, kept as its reference.
var boilerplateRe = regexp.MustCompile(`^(?:\[edit\]|Edit|Watch|Talk|Article|View history|View source|Read|Tools|Download PDF|From Wikipedia, the free encyclopedia|Jump to (?:navigation|search|content)|\(Redirected from .+\)|Retrieved from .+|This article is about .+|For other uses, see .+|Not to be confused with .+|For the .+, see .+|Categories: .+|Main articles?: .+|See also: .+|Further information: .+)$`)

var boilerplateCases = []string{
	"", "[edit]", "[edit] ", "Edit", "edit", "Watch", "Talk", "Article", "View history", "View source", "Read", "Tools",
	"Download PDF", "From Wikipedia, the free encyclopedia", "Jump to navigation", "Jump to search", "Jump to content",
	"Jump to", "Jump to navigationx", "(Redirected from ", "(Redirected from )", "(Redirected from x)", "(Redirected from x",
	"(Redirected from \n)", "(Redirected from ))", "(Redirected from x\n)", "Retrieved from ", "Retrieved from x",
	"Retrieved from \n", "Retrieved from x\ny", "This article is about x", "For other uses, see x", "For other uses, see ",
	"Not to be confused with X", "For the ", "For the x, see y", "For the , see y", "For the x, see ", "For the , see , see y",
	"For the x, see , see ", "For the x, see \n", "For the \n, see y", "For the x, see y\n", "For the x, see", "For the xx, see y",
	"Categories: ", "Categories: Films", "Main article: X", "Main articles: X", "Main articles:", "Main article: ",
	"See also: X", "See also:", "Further information: X", "Further information: ", "Edit\n", "\xff", "Retrieved from \xff",
	"For the \xff, see \xff", "(Redirected from \xff)",
}

func TestBoilerplateAsPattern(t *testing.T) {
	in := append(colonInputs(t), boilerplateCases...)
	for _, l := range colonInputs(t) {
		in = append(in, text0(l))
	}
	for _, l := range in {
		checkBoilerplate(t, l)
	}
}

// text0 is a line without its list mark.
func text0(l string) string { return strings.TrimLeft(l, "-*• ") }

func checkBoilerplate(t *testing.T, s string) {
	if got, want := isBoilerplate(s), boilerplateRe.MatchString(s); got != want {
		t.Errorf("isBoilerplate(%q) = %v, want %v", s, got, want)
	}
}

func FuzzBoilerplate(f *testing.F) {
	for _, s := range boilerplateCases {
		f.Add(s)
	}
	f.Fuzz(checkBoilerplate)
}
