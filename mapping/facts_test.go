package mapping_test

import (
	"fmt"
	"reflect"
	"slices"
	"testing"

	"github.com/film2ld/film2ld/mapping"
	"github.com/film2ld/film2ld/mapping/film"
)

// source is a document of kind k stating only the title and facts.
func source(name string, k film.Kind, facts film.Facts) *film.Source {
	return &film.Source{Name: name, Kind: k, Digest: name, Film: film.Film{Title: film.Text{Value: "Salt Flats", Line: 1}, Facts: facts}}
}

// texts makes a list of texts stated on consecutive lines from line.
func texts(line int, vals ...string) []film.Text {
	var out []film.Text
	for i, v := range vals {
		out = append(out, film.Text{Value: v, Line: line + i})
	}
	return out
}

// TestFactsMerge: the plain facts merge by type. Lists are the union in
// order of source preference (not of the arguments), exact texts once,
// names once up to case and accents, each value with the source and line
// it was first stated on; single values are the preferred source's, with a
// warning naming both places when another source differs.
func TestFactsMerge(t *testing.T) {
	enc := source("enc.txt", film.Encyclopedia, film.Facts{
		Year:      film.Single{Value: 1987, Set: true, Line: 1},
		Runtime:   film.Minutes{Value: 101, Set: true, Line: 9},
		Countries: texts(7, "Colombia", "Chile"),
		Abstracts: texts(3, "A salt miner's last season."),
	})
	prize := source("prize.txt", film.Prize, film.Facts{
		Year:         film.Single{Value: 1987, Set: true, Line: 4},
		Runtime:      film.Minutes{Value: 98, Set: true, Line: 5},
		Countries:    texts(6, "COLOMBIA", "Bolivia"),
		Abstracts:    texts(10, "A salt miner's last season.", "A salt miner's last season!"),
		Descriptions: texts(12, "Synopsis."),
		Trailers:     texts(20, "https://video.example/embed/x1"),
	})
	reviews := source("rev.txt", film.Reviews, film.Facts{
		Runtime: film.Minutes{Value: 101, Set: true, Line: 2},
	})
	f, err := mapping.Merge([]*film.Source{reviews, prize, enc}, mapping.Options{})
	if err != nil {
		t.Fatal(err)
	}
	show := func(ts []film.Text) []string {
		var out []string
		for _, t := range ts {
			out = append(out, fmt.Sprintf("%s@%s:%d", t.Value, t.Source.Name, t.Line))
		}
		return out
	}
	for _, tt := range []struct {
		field string
		got   []film.Text
		want  []string
	}{
		{"Countries", f.Countries, []string{"Colombia@enc.txt:7", "Chile@enc.txt:8", "Bolivia@prize.txt:7"}},
		{"Abstracts", f.Abstracts, []string{"A salt miner's last season.@enc.txt:3", "A salt miner's last season!@prize.txt:11"}},
		{"Descriptions", f.Descriptions, []string{"Synopsis.@prize.txt:12"}},
		{"Trailers", f.Trailers, []string{"https://video.example/embed/x1@prize.txt:20"}},
	} {
		if got := show(tt.got); !slices.Equal(got, tt.want) {
			t.Errorf("%s = %q; want %q", tt.field, got, tt.want)
		}
	}
	single := func(s film.Single) string {
		if s.Source == nil {
			return fmt.Sprintf("%s@nil:%d", s, s.Line)
		}
		return fmt.Sprintf("%s@%s:%d", s, s.Source.Name, s.Line)
	}
	if got := single(f.Year); got != "1987@enc.txt:1" {
		t.Errorf("Year = %s; want 1987@enc.txt:1", got)
	}
	if got := single(film.Single(f.Runtime)); got != "101@enc.txt:9" || f.Runtime.ISO8601() != "PT101M" {
		t.Errorf("Runtime = %s (%s); want 101@enc.txt:9 (PT101M)", got, f.Runtime.ISO8601())
	}
	var warnings []string
	for _, d := range f.Diagnostics {
		if d.Severity == mapping.Warning {
			warnings = append(warnings, d.String())
		}
	}
	// The reviews page agrees with the kept 101 minutes: no warning.
	want := []string{"duration: 101 min (enc.txt:9) vs 98 min (prize.txt:5); kept PT101M"}
	if !slices.Equal(warnings, want) {
		t.Errorf("warnings %q; want %q", warnings, want)
	}

	// A source's own view holds its own values, from itself.
	v := f.Views[slices.Index(f.Sources, prize)]
	if got := show(v.Countries); !slices.Equal(got, []string{"COLOMBIA@prize.txt:6", "Bolivia@prize.txt:7"}) {
		t.Errorf("prize view countries %q", got)
	}
	if got := single(film.Single(v.Runtime)); got != "98@prize.txt:5" {
		t.Errorf("prize view runtime %s; want 98@prize.txt:5", got)
	}
}

// TestFactsRendered: every plain fact, stated alone, reaches the Movie.
// A field added to film.Facts without its line in the renderer (or of a
// type merging does not know, which panics) fails here.
func TestFactsRendered(t *testing.T) {
	bare := source("bare.txt", film.Encyclopedia, film.Facts{})
	empty, err := mapping.Merge([]*film.Source{bare}, mapping.Options{})
	if err != nil {
		t.Fatal(err)
	}
	base := len(movieNode(t, empty))
	typ := reflect.TypeFor[film.Facts]()
	for i := range typ.NumField() {
		field := typ.Field(i)
		var facts film.Facts
		v := reflect.ValueOf(&facts).Elem().Field(i)
		switch p := v.Addr().Interface().(type) {
		case *film.Texts:
			*p = texts(2, "stated")
		case *film.Names:
			*p = texts(2, "Stated")
		case *film.Countries:
			*p = film.Countries(texts(2, "Stated"))
		case *film.Single:
			*p = film.Single{Value: 2001, Set: true, Line: 2}
		case *film.Minutes:
			*p = film.Minutes{Value: 90, Set: true, Line: 2}
		default:
			t.Errorf("film.Facts.%s is a %s: merging and this test do not know the type", field.Name, field.Type)
			continue
		}
		f, err := mapping.Merge([]*film.Source{source("one.txt", film.Encyclopedia, facts)}, mapping.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if n := len(movieNode(t, f)); n != base+1 {
			t.Errorf("film.Facts.%s stated: the Movie has %d properties; want %d (one more than with no facts)", field.Name, n, base+1)
		}
	}
}

// movieNode is the Movie a view renders.
func movieNode(t *testing.T, f *mapping.Film) map[string]any {
	t.Helper()
	return f.Render()["@graph"].([]any)[0].(map[string]any)
}

// TestGenres: genres stated by three kinds of document (an infobox's
// "Genre", a prize page's "Genre:", a review page's "Genre(s):") are one
// list in the merged view, each genre once up to case, in the order of
// source preference; each source's own graph keeps its own spelling.
func TestGenres(t *testing.T) {
	var srcs []*film.Source
	for _, p := range filmFiles(t, "testdata/genres") {
		srcs = append(srcs, mapFile(t, p))
	}
	f, err := mapping.Merge(srcs, mapping.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, g := range list(movieNode(t, f)["genre"]) {
		got = append(got, g.(string))
	}
	if want := []string{"Drama", "Road movie", "Coming-of-age", "Comedy"}; !slices.Equal(got, want) {
		t.Errorf("merged genre %q; want %q", got, want)
	}
	for i, v := range f.Views {
		var own []string
		for _, g := range list(movieNode(t, v)["genre"]) {
			own = append(own, g.(string))
		}
		want := map[film.Kind][]string{film.Encyclopedia: {"Drama", "Road movie"},
			film.Prize: {"drama", "Coming-of-age"}, film.Reviews: {"Drama", "Comedy"}}[f.Sources[i].Kind]
		if !slices.Equal(own, want) {
			t.Errorf("%s's graph: genre %q; want %q", f.Sources[i].Name, own, want)
		}
	}
}

// One country written in two languages or forms by two sources is one
// country of the merged view, in the preferred source's words (audit 14:
// "Belgique" and "Belgium" were two). A name film2ld does not know merges
// by its fold, as before.
func TestCountriesMergeByCode(t *testing.T) {
	article := source("a.txt", film.Encyclopedia, film.Facts{Countries: film.Countries(texts(2, "Belgium", "France", "Ruritania"))})
	prize := source("p.txt", film.Prize, film.Facts{Countries: film.Countries(texts(5, "Belgique", "Frankreich", "RURITANIA", "Luxemburgo"))})
	f, err := mapping.Merge([]*film.Source{article, prize}, mapping.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range f.Countries {
		got = append(got, c.Value)
	}
	if want := []string{"Belgium", "France", "Ruritania", "Luxembourg"}; !slices.Equal(got, want) {
		t.Errorf("countries %q; want %q", got, want)
	}
}

// TestCountriesInEnglish: a country a source names in French, German,
// Spanish or Italian is written in English: as another source writes it
// in English, whichever source is preferred, else by its English name. A
// name film2ld does not know stays as written.
func TestCountriesInEnglish(t *testing.T) {
	for _, tt := range []struct {
		name    string
		sources []*film.Source
		want    []string
	}{
		{"one page in French", []*film.Source{source("p.txt", film.Prize, film.Facts{Countries: film.Countries(texts(5, "Belgique", "Pays-Bas", "Côte d'Ivoire", "Bordurie"))})},
			[]string{"Belgium", "Netherlands", "Côte d'Ivoire", "Bordurie"}},
		{"German and Spanish, without accents", []*film.Source{source("a.txt", film.Encyclopedia, film.Facts{Countries: film.Countries(texts(2, "Deutschland", "Österreich", "Estados Unidos", "Mexico", "Peru"))})},
			[]string{"Germany", "Austria", "United States", "Mexico", "Peru"}},
		{"Italian page preferred, English article's words", []*film.Source{
			source("p.txt", film.Prize, film.Facts{Countries: film.Countries(texts(5, "Stati Uniti", "Regno Unito", "Svizzera"))}),
			source("a.txt", film.Encyclopedia, film.Facts{Countries: film.Countries(texts(2, "USA", "UK"))})},
			[]string{"USA", "UK", "Switzerland"}},
	} {
		f, err := mapping.Merge(tt.sources, mapping.Options{})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, c := range f.Countries {
			got = append(got, c.Value)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: countries %q; want %q", tt.name, got, tt.want)
		}
	}
}

// TestRuntimeSeconds: running times with seconds merge and compare to
// the second, and are written so (audit 15: PT12M for 12 min 40 s).
func TestRuntimeSeconds(t *testing.T) {
	enc := source("enc.txt", film.Encyclopedia, film.Facts{Runtime: film.SecondsOf(760, 5)})
	prize := source("prize.txt", film.Prize, film.Facts{Runtime: film.Minutes{Value: 12, Set: true, Line: 3}})
	reviews := source("rev.txt", film.Reviews, film.Facts{Runtime: film.SecondsOf(760, 2)})
	f, err := mapping.Merge([]*film.Source{reviews, prize, enc}, mapping.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := f.Runtime.ISO8601(); got != "PT12M40S" {
		t.Errorf("duration %s; want PT12M40S", got)
	}
	var warnings []string
	for _, d := range f.Diagnostics {
		if d.Severity == mapping.Warning {
			warnings = append(warnings, d.String())
		}
	}
	want := []string{"duration: 12 min 40 s (enc.txt:5) vs 12 min (prize.txt:3); kept PT12M40S"}
	if !slices.Equal(warnings, want) {
		t.Errorf("warnings %q; want %q", warnings, want)
	}
	for secs, want := range map[int]string{5400: "PT90M", 760: "PT12M40S", 45: "PT45S", 60: "PT1M", 3723: "PT62M3S"} {
		if got := film.SecondsOf(secs, 1).ISO8601(); got != want {
			t.Errorf("SecondsOf(%d).ISO8601() = %s; want %s", secs, got, want)
		}
	}
}
