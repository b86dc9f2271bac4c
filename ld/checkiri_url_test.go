package ld_test

import (
	"strings"
	"testing"

	"github.com/film2ld/film2ld/ld"
)

// TestCheckIRIRefusesWhatJSONGoldDrops: an IRI Go's URL parser refuses
// (a "%" without two hex digits, a port that is no number), which
// json-gold takes for a relative IRI and whose statement it drops without
// a word, is refused by the check, as a subject, a property or an object,
// from N-Quads; opaque IRIs and good escapes pass (the fuzzer found
// "https:/%X0", written by the dataset's writers, dropped by the general
// path).
func TestCheckIRIRefusesWhatJSONGoldDrops(t *testing.T) {
	for _, iri := range []string{"https:/%X0", "ftp://films.example:port/", "ftp://films.example/%zz", "https:/films/%4"} {
		if err := ld.CheckIRI(iri); err == nil {
			t.Errorf("CheckIRI(%q) = nil; want an error", iri)
		}
		for _, nq := range []string{
			"<" + iri + "> <http://schema.org/name> \"x\" .\n",
			"_:b <" + iri + "> \"x\" .\n",
			"_:b <http://schema.org/sameAs> <" + iri + "> .\n",
		} {
			if _, err := ld.ReadNQuads(strings.NewReader(nq), "in.nq"); err == nil {
				t.Errorf("ReadNQuads(%q) read it", nq)
			}
		}
	}
	for _, iri := range []string{"urn:film2ld:film/ran-1985", "urn:isbn:0-486-27557-4", "mailto:a@films.example", "https:/films/%41", "tag:films.example,2026:x"} {
		if err := ld.CheckIRI(iri); err != nil {
			t.Errorf("CheckIRI(%q) = %v", iri, err)
		}
	}
}
