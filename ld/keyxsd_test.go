package ld

import (
	"strings"
	"testing"
)

// TestKeyXSDStringIsNoIRI: the direct walk's stand-in for xsd:string in a
// literal's key (keyXSDString) cannot be a datatype read from N-Quads, so
// no read literal is taken for a string, and a walked string literal
// reads back as xsd:string.
func TestKeyXSDStringIsNoIRI(t *testing.T) {
	for _, doc := range []string{
		"<urn:x:a> <urn:x:p> \"x\" .\n<urn:x:a> <urn:x:p> \"x\"^^<\\u0001> .\n",
		"<urn:x:a> <urn:x:p> \"x\"^^<\\u0001> .\n",
	} {
		d := NewDataset()
		if _, err := d.ReadNQuads(strings.NewReader(doc), "t.nq", false); err == nil {
			t.Errorf("%q read", doc)
		}
	}
	w := &walker{d: NewDataset()}
	v, dt, lang := w.d.terms[w.literal("Anna", xsdString)].literal()
	if v != "Anna" || dt != xsdString || lang != "" {
		t.Errorf("walked string literal reads back as %q %q %q", v, dt, lang)
	}
	if got := w.literal("Anna", xsdString); got != w.literal("Anna", xsdString) || got == w.literal("Anna", xsdInteger) {
		t.Errorf("string literal terms not one, or one with an integer")
	}
}
