package mapping_test

import (
	"slices"
	"strings"
	"testing"
)

// encyclopediaWithCast is an article whose cast section holds the lines
// given.
func encyclopediaWithCast(cast string) string {
	return "= Salt Harbour (2019 film) =\n\nSalt Harbour\n- Director: Mara Velden\n\n" +
		"Salt Harbour is a 2019 drama film directed by Mara Velden.\n\n==Cast==\n" + cast + "\n"
}

// prizeWithCast is a prize page whose cast line is the one given.
func prizeWithCast(cast string) string {
	return "Published on *Some Prize* (<https://prize.example>)\n\nSalt Harbour\n\nMara Velden\n\n2019\n\n" +
		"Synopsis:\n\nA harbour in winter.\n\nCast: " + cast + "\n\nSource URL (retrieved on 23-11-2017): <https://prize.example/f>\n"
}

// parts returns the merged graph's parts of one actor as
// "character|role names" (the actor by its IRI's last part), and the
// merge's warnings about characters.
func parts(t *testing.T, docs map[string]string, actor string) (out, warnings []string) {
	t.Helper()
	res := combineTexts(t, docs)
	for _, a := range list(readGraph(t, res).movie["actor"]) {
		r := a.(map[string]any)
		person, ok := r["actor"].(map[string]any)
		if !ok || person["@id"] != "urn:film2ld:person/"+actor {
			continue
		}
		s, _ := r["characterName"].(string)
		s += "|"
		for i, n := range list(r["roleName"]) {
			if i > 0 {
				s += ","
			}
			s += n.(string)
		}
		out = append(out, s)
	}
	for _, d := range res.Diagnostics {
		if strings.Contains(d.String(), "characterName") {
			warnings = append(warnings, d.String())
		}
	}
	return out, warnings
}

// TestCastAnnotationMerges: a part one document writes "as Chiara" and
// another "as Chiara" with a remark on how it was played, in brackets or
// after another separator, is one part, Chiara, with the remark as its
// role name, as one document's "as Chiara (cameo)" gives it, whichever
// document comes first.
func TestCastAnnotationMerges(t *testing.T) {
	for _, tt := range []struct{ article, prize, want string }{
		{"- Ana Ruiz as Chiara", "Ana Ruiz (Chiara (cameo))", "Chiara|cameo"},
		{"- Ana Ruiz as Chiara", "Ana Ruiz (Chiara, cameo)", "Chiara|cameo"},
		{"- Ana Ruiz as Chiara", "Ana Ruiz (Chiara – uncredited)", "Chiara|uncredited"},
		{"- Ana Ruiz as Chiara", "Ana Ruiz (Chiara [voice])", "Chiara|voice"},
		{"- Ana Ruiz as Chiara – cameo", "Ana Ruiz (Chiara)", "Chiara|cameo"},
		{"- Ana Ruiz as Chiara, uncredited", "Ana Ruiz (Chiara)", "Chiara|uncredited"},
		{"- Ana Ruiz – cameo", "Ana Ruiz (Chiara)", "Chiara|cameo"},
	} {
		got, warnings := parts(t, map[string]string{"a.txt": encyclopediaWithCast(tt.article), "p.txt": prizeWithCast(tt.prize)}, "ana-ruiz")
		if !slices.Equal(got, []string{tt.want}) || len(warnings) > 0 {
			t.Errorf("%q + %q: parts %q, want %q; warnings %q", tt.article, tt.prize, got, tt.want, warnings)
		}
	}
}

// TestCastTwoCharactersMerge: an entry naming two characters is two
// parts, and another document naming one of them adds no conflict; the
// characters come from the first document that gives any, as for any
// actor of several parts, and another's that is not one of them is one.
func TestCastTwoCharactersMerge(t *testing.T) {
	for _, tt := range []struct {
		article, prize string
		want           []string
		warnings       int
	}{
		{"- Pia Holm as Anna / Nina", "Pia Holm (Anna)", []string{"Anna|", "Nina|"}, 0},
		{"- Pia Holm as the Harbourmaster and the Moon (voice)", "Pia Holm (the Moon)", []string{"the Harbourmaster|voice", "the Moon|voice"}, 0},
		{"- Pia Holm as Anna", "Pia Holm (Anna; Nina)", []string{"Anna|"}, 1},
		{"- Pia Holm as Twins Ada and Ida", "Pia Holm (Twins Ada and Ida)", []string{"Twins Ada and Ida|"}, 0},
	} {
		got, warnings := parts(t, map[string]string{"a.txt": encyclopediaWithCast(tt.article), "p.txt": prizeWithCast(tt.prize)}, "pia-holm")
		if !slices.Equal(got, tt.want) || len(warnings) != tt.warnings {
			t.Errorf("%q + %q: parts %q, want %q; warnings %q, want %d", tt.article, tt.prize, got, tt.want, warnings, tt.warnings)
		}
	}
}
