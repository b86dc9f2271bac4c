package ld_test

import (
	"testing"

	"github.com/film2ld/film2ld/ld"
)

func TestPrefixBlankNodes(t *testing.T) {
	in := `_:b0 <http://schema.org/name> "a _:b1 \"quoted _:b2\" literal" .
<urn:x> <http://schema.org/actor> _:b1 _:g0 .
<urn:x_:y> <http://schema.org/url> <http://e.example/_:z> .
_:b1 <http://schema.org/name> "x"@en-gb .
`
	want := `_:f1-b0 <http://schema.org/name> "a _:b1 \"quoted _:b2\" literal" .
<urn:x> <http://schema.org/actor> _:f1-b1 _:f1-g0 .
<urn:x_:y> <http://schema.org/url> <http://e.example/_:z> .
_:f1-b1 <http://schema.org/name> "x"@en-gb .
`
	if got := ld.PrefixBlankNodes(in, "f1-"); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
