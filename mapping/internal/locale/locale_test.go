package locale

import "testing"

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
