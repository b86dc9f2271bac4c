package mapping

import "testing"

// A release's place in brackets is a festival (the release's superEvent),
// a country or another place (its location), as the words say.
func TestReleasePlaceKinds(t *testing.T) {
	for _, tt := range []struct {
		place    string
		festival bool
		typ      string // for a place that is no festival
	}{
		{"Berlinale", true, ""},
		{"Venice International Film Festival", true, ""},
		{"Festival de Cannes", true, ""},
		{"Internationale Filmfestspiele Berlin", true, ""},
		{"Göteborg Filmfestival", true, ""},
		{"Fantastic Fest", true, ""},
		{"TIFF", true, ""},
		{"SXSW", true, ""},
		{"Mostra de Venise", true, ""},
		{"France", false, "Country"},
		{"Belgique", false, "Country"},
		{"United States", false, "Country"},
		{"Cannes", false, "Place"},
		{"Budapest", false, "Place"},
		{"Toronto", false, "Place"},
		{"Festa, Lisbon", false, "Place"},
		{"Royal Festival Hall", false, "Place"},
		{"Festival Theatre, Edinburgh", false, "Place"},
		{"TIFF Bell Lightbox", false, "Place"},
		{"Sundance Channel", false, "Place"},
		{"Palais des Festivals", false, "Place"},
	} {
		if got := isFestival(tt.place); got != tt.festival {
			t.Errorf("isFestival(%q) = %v; want %v", tt.place, got, tt.festival)
		}
		if !tt.festival {
			if got := placeType(tt.place); got != tt.typ {
				t.Errorf("placeType(%q) = %q; want %q", tt.place, got, tt.typ)
			}
		}
	}
}
