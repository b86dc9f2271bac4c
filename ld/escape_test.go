package ld_test

import (
	"strings"
	"testing"

	"github.com/film2ld/film2ld/ld"
)

// TestControlCharactersEscaped checks that literals holding control
// characters are written with canonical N-Triples escapes and read back
// unchanged (they used to be refused, because json-gold wrote them raw).
func TestControlCharactersEscaped(t *testing.T) {
	p := ld.NewProcessor(ld.Config{})
	text := "bell\x07 back\b feed\f nul\x00 del\x7f tab\t nl\n cr\r q\" bs\\ c1\u0085"
	doc := map[string]any{"@context": "https://schema.org", "@id": "https://films.example/m/1", "@type": "Movie", "description": text}
	for _, conv := range []func(any, ld.Options) (string, error){p.ToNQuads, p.Canonical} {
		nq, err := conv(doc, ld.Options{})
		if err != nil {
			t.Fatal(err)
		}
		want := `"bell\u0007 back\b feed\f nul\u0000 del\u007F tab\t nl\n cr\r q\" bs\\ c1` + "\u0085" + `"`
		if !strings.Contains(nq, want) {
			t.Errorf("escapes:\n got: %s\nwant: %s", nq, want)
		}
		back, err := p.FromNQuads(strings.NewReader(nq), "out.nq")
		if err != nil {
			t.Fatal(err)
		}
		again, err := conv(back, ld.Options{})
		if err != nil || again != nq {
			t.Errorf("round trip changed the N-Quads: %v\n%s\n%s", err, nq, again)
		}
	}
}
