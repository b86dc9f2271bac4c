package locale

import (
	"maps"
	"testing"

	"github.com/film2ld/film2ld/mapping/internal/locale/internal/cldr"
)

func TestCountry(t *testing.T) {
	for name, want := range map[string]string{
		"Belgium": "BE", "France": "FR", "luxembourg": "LU", "United States": "US",
		"Bosnia and Herzegovina": "BA", "UK": "GB", "Turkey": "TR",
	} {
		got, ok := Country(name)
		if !ok || got != want {
			t.Errorf("Country(%q) = %q, %v; want %q", name, got, ok, want)
		}
	}
	for _, name := range []string{"Olivier Masset-Depasse", "95 min", "Synopsis:", ""} {
		if code, ok := Country(name); ok {
			t.Errorf("Country(%q) = %q; want no country", name, code)
		}
	}
}

func TestLanguage(t *testing.T) {
	for name, want := range map[string]string{
		"French": "fr", "english": "en", "Polish": "pl", "Norwegian": "no", "Turkish": "tr",
		"Mandarin": "cmn", "Cantonese": "yue", "Hebrew": "he", "Indonesian": "id",
	} {
		if got, ok := Language(name); !ok || got != want {
			t.Errorf("Language(%q) = %q, %v; want %q", name, got, ok, want)
		}
	}
	if tag, ok := Language("Klingonese"); ok {
		t.Errorf("Language(Klingonese) = %q", tag)
	}
}

// TestTablesAreCLDRs proves the generated tables are what the generator
// builds from the golang.org/x/text in go.mod: after a dependency update,
// run go generate ./mapping/internal/locale.
func TestTablesAreCLDRs(t *testing.T) {
	wantCountries, wantLanguages := cldr.Tables()
	if !maps.Equal(countries(), wantCountries) || !maps.Equal(languages(), wantLanguages) {
		t.Errorf("names_gen.go is not the CLDR data of this golang.org/x/text (%d/%d countries, %d/%d languages): run go generate ./mapping/internal/locale",
			len(countries()), len(wantCountries), len(languages()), len(wantLanguages))
	}
	for name := range wantCountries {
		if key(name) != name {
			t.Errorf("key(%q) = %q: the lookup fold differs from the tables'", name, key(name))
		}
	}
}

// TestAccentsAsPagesWriteThem: a name written with accents CLDR's English
// name lacks is found ("Guaraní", "Bokmål"), and one CLDR writes with
// them is found as written and without.
func TestAccentsAsPagesWriteThem(t *testing.T) {
	for name, want := range map[string]string{"Guaraní": "gn", "guarani": "gn", "Norwegian Bokmål": "nb", "Norwegian Bokmal": "nb"} {
		if got, _ := Language(name); got != want {
			t.Errorf("Language(%q) = %q; want %q", name, got, want)
		}
	}
	for name, want := range map[string]string{"Curaçao": "CW", "Réunion": "RE", "Bélgica": "", "Belgium": "BE"} {
		if got, _ := Country(name); got != want {
			t.Errorf("Country(%q) = %q; want %q", name, got, want)
		}
	}
}
