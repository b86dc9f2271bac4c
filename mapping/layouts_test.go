package mapping_test

import (
	"encoding/json"
	"path/filepath"
	"slices"
	"testing"
)

// castLines renders the Movie's actors as "Actor as Character [role
// names] {description}", one string each, for exact comparison.
func castLines(g graph) []string {
	var out []string
	for _, a := range list(g.movie["actor"]) {
		r := a.(map[string]any)
		if r["@type"] != "PerformanceRole" {
			out = append(out, g.name(r))
			continue
		}
		s := g.name(r["actor"])
		if c, ok := r["characterName"].(string); ok {
			s += " as " + c
		}
		if rn := list(r["roleName"]); len(rn) > 0 {
			b, _ := json.Marshal(rn)
			s += " " + string(b)
		}
		if d, ok := r["description"].(string); ok {
			s += " {" + d + "}"
		}
		out = append(out, s)
	}
	return out
}

// TestFilmLayouts reads each of our films written in a layout the samples
// do not have and checks the facts that layout is about, exactly, with the
// diagnostics it must give.
func TestFilmLayouts(t *testing.T) {
	tests := []struct {
		dir      string
		name     string
		duration string
		director []string
		producer []string
		cast     []string
		diags    []string
	}{
		{
			// Long infobox labels, lists over sub-items and continuation
			// lines, dash and colon cast lines; a prize page with the English
			// title first, "Réalisatrice", "Script", "DoP", "Producer(s)"
			// with "&" and "and", and the cast one a line.
			dir: "portul-gri", name: "Grey Harbour", duration: "PT98M",
			director: []string{"Mirela Dobre"},
			producer: []string{"Ivo Babić", "Petra Babić", "Tomás Quiroga"},
			cast: []string{"Ilinca Pop as Vesna {a crane operator}", "Radu Marin as Petre {her uncle}",
				"Ximena Lafuente as Marta", `Dan Ionescu as the harbour master ["uncredited"]`},
			diags: []string{
				`warning: encyclopedia.txt:30: budget "€1.4 million": schema.org has no Movie property for it; left out`,
				`note: encyclopedia.txt:44: section "Reception" is not mapped: 2 lines left out (lines 44-45), the first: "The film was well received at Venice."`,
			},
		},
		{
			// An animated film: "Voices of" in the infobox, a "Voice cast"
			// section with a sub-section, "(singing voice)", "(uncredited)".
			dir: "papirraeven", name: "The Paper Fox", duration: "PT81M",
			director: []string{"Sofie Lindqvist-Holm", "Mads Kjærgaard"},
			cast: []string{`Ada Lind as Fenna ["voice"] {a paper fox}`, `Kofi Mensah as Old Crow ["voice"]`,
				`Birgitte Østergaard as the Printer's Cat ["singing voice","voice"]`,
				`Birgitte Østergaard as Mrs. Mouse ["voice"]`, `Mads Kjærgaard as Mole ["uncredited","voice"]`},
			diags: []string{
				`note: encyclopedia.txt:30: section "Production" is not mapped: 1 line left out (line 30), the first: "The film took four years to draw."`,
				`note: encyclopedia.txt:33: section "Animation" is not mapped: 2 lines left out (lines 33-34), the first: "Every frame was drawn with pencil on paper."`,
			},
		},
		{
			// A documentary: "(documentary)" in the heading, a narrator,
			// participants "as himself", "Herself", "(archive footage)", a
			// running time in hours and minutes, an ordinal release date.
			dir: "les-routes-de-glace", name: "Ice Roads", duration: "PT92M",
			director: []string{"Geneviève Tremblay-Okpik"},
			producer: []string{"Louis-Philippe Arsenault"},
			cast: []string{`Joe Tremblay ["himself"]`, `Marie Okpik ["herself"]`,
				`Thomas Qaunaq ["himself","ice-road planner"]`, `Jean-Paul Gagnon ["archive footage"]`,
				`Mireille Caron ["narrator"]`},
			diags: []string{
				`note: encyclopedia.txt:23: section "Participants": lines not recognised as cast entries: 1 line left out (line 23), the first: "The film features:"`,
				`note: encyclopedia.txt:31: section "Reception" is not mapped: 2 lines left out (lines 31-32), the first: "The film won the audience award at Hot Docs."`,
			},
		},
		{
			// A download cut off in the middle of an infobox label: the
			// fragment is reported, and is neither a fact nor the abstract.
			dir: "harmattan", name: "Harmattan",
			director: []string{"Ama Owusu-Ansah"},
			cast:     []string{"Efua Mensah", "Kojo Asante-Darko"},
			diags:    []string{`note: encyclopedia.txt:8: cut off: the document ends in the middle of this line; left out: "- Runn"`},
		},
		{
			// A browser copy: labels alone on their line or before a tab,
			// "[edit]" headings, boilerplate and a hatnote, footnote marks,
			// "Principal cast" with brackets, an em dash and dot leaders.
			dir: "jadde-ye-namak", name: "Salt Road", duration: "PT95M",
			director: []string{"Hamid Rezaei"},
			producer: []string{"Leila Karimi", "Chinonso Okafor"},
			cast: []string{"Bahar Ahmadi as Maryam", "Emeka Nwosu as Chidi", "Reza Kianian as the customs officer",
				"Parisa Ahmadi as Maryam's sister"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.dir, func(t *testing.T) {
			res := combine(t, filmFiles(t, filepath.Join("../testdata/films", tt.dir))...)
			g := readGraph(t, res)
			if g.movie["name"] != tt.name {
				t.Errorf("name %v; want %q", g.movie["name"], tt.name)
			}
			if d, _ := g.movie["duration"].(string); d != tt.duration {
				t.Errorf("duration %q; want %q", d, tt.duration)
			}
			if got := g.names("director"); !slices.Equal(got, tt.director) {
				t.Errorf("director %q; want %q", got, tt.director)
			}
			if got := g.names("producer"); !slices.Equal(got, tt.producer) {
				t.Errorf("producer %q; want %q", got, tt.producer)
			}
			if got := castLines(g); !slices.Equal(got, tt.cast) {
				t.Errorf("cast:\n got %q\nwant %q", got, tt.cast)
			}
			var diags []string
			for _, d := range res.Diagnostics {
				diags = append(diags, string(d.Severity)+": "+d.String())
			}
			if !slices.Equal(diags, tt.diags) {
				t.Errorf("diagnostics:\n got %q\nwant %q", diags, tt.diags)
			}
			// Every film here has a lead but the one cut off inside its
			// infobox, whose cut line must not become one.
			if _, has := g.movie["abstract"]; has != (tt.dir != "harmattan") {
				t.Errorf("abstract %q", g.movie["abstract"])
			}
		})
	}
}
