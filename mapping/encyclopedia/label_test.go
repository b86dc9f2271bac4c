package encyclopedia

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/film2ld/film2ld/mapping/film"
	"github.com/film2ld/film2ld/mapping/internal/jobs"
	"github.com/film2ld/film2ld/mapping/internal/mappertest"

	"github.com/film2ld/film2ld/mapping/internal/lazyre"
)

// colonLabelRe is the pattern colonLabel scans for, kept as its reference.
var colonLabelRe = lazyre.New(`^([^:]{1,40}?)\s*:\s*(.*)$`)

// colonInputs are every line of the test documents, trimmed and not, and
// lines made to sit on each edge of the pattern.
func colonInputs(t testing.TB) []string {
	in := []string{"", ":", "A:", "A :", "A\t:\tb", "a: b", "Éric: x", "ÉRIC  :  x\n", "A: b\nc", "A:\n", "A\n: b",
		"Abcdefghijklmnopqrstuvwxyzabcdefghi: x", "Abcdefghijklmnopqrstuvwxyzabcdefghij: x", "A b.c/d'e&f(g)-h: x",
		"A1: x", "A\xff: x", "\xff: x", "A\u00a0: x", "A \t: x", "A\t b: x", "A: \t\n", "A:: b", "Ǆ: x", "ǅx: y", "A\v: x", " : x", "   :", "\t\t: b",
		strings.Repeat("é", 40) + ": x", strings.Repeat("é", 41) + ": x", strings.Repeat("a", 39) + "  : x", strings.Repeat("a", 41) + ": x", "\n: x", "a\nb: c"}
	for _, l := range mappertest.DocumentLines(t, "../../testdata") {
		in = append(in, l, strings.TrimSpace(l))
	}
	return in
}

// TestColonLabel: the scan gives the pattern's submatches on every input.
func TestColonLabel(t *testing.T) {
	matched := 0
	for _, s := range colonInputs(t) {
		got, want := colonLabel(s), colonLabelRe.FindStringSubmatch(s)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("colonLabel(%q) = %q, the pattern gives %q", s, got, want)
		}
		if want != nil {
			matched++
		}
	}
	if matched < 50 {
		t.Errorf("only %d label lines among the inputs", matched)
	}
}

// FuzzColonLabel: the same for any text.
func FuzzColonLabel(f *testing.F) {
	for _, s := range colonInputs(f)[:60] {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := colonLabel(s), colonLabelRe.FindStringSubmatch(s); !reflect.DeepEqual(got, want) {
			t.Errorf("colonLabel(%q) = %q, the pattern gives %q", s, got, want)
		}
	})
}

// TestLeadTitles: the bracket after a lead's title gives each labelled
// title, the romanisation too ("大河; pinyin: Dà Hé" was one alternate
// title), and no translation of the title, whatever its marker (audit
// 18: "transl. Rain of the Heart" was an alternate title, marker and
// all).
func TestLeadTitles(t *testing.T) {
	for in, want := range map[string][]string{
		"French: Illégal":                                    {"Illégal"},
		"Illégal":                                            {"Illégal"},
		"Chinese: 大河; pinyin: Dà Hé":                         {"大河", "Dà Hé"},
		"Japanese: 風の音, Hepburn: Kaze no Oto":                {"風の音", "Kaze no Oto"},
		"Russian: Левиафан, romanized: Leviafan":             {"Левиафан", "Leviafan"},
		"Spanish: El río, lit. 'The River'":                  {"El río"},
		"French: Ni vu, ni connu":                            {"Ni vu, ni connu"},
		"also known as The River":                            {"The River"},
		"Korean: 기생충; RR: Gisaengchung; lit. Parasite":       {"기생충", "Gisaengchung"},
		"lit. 'Salt and Ashes'":                              nil,
		"transl. Rain of the Heart":                          nil,
		`Japanese: 星空の記憶, lit. "Memories of the Starry Sky"`: {"星空の記憶"},
		"Hindi: दिल की बारिश, transl. Rain of the Heart":     {"दिल की बारिश"},
		"Persian: نمک, translated: Salt":                     {"نمک"},
		"italiano: Il sale, lett. «Salt»":                    {"Il sale"},
		"literally “Two Rivers”":                             nil,
		// Audit 13: a pronunciation is no part of the title.
		"Italian: Il Gattopardo [il ɡattoˈpardo]":         {"Il Gattopardo"},
		"French: Les Quatre Cents Coups /le katʁ sɑ̃ ku/": {"Les Quatre Cents Coups"},
		"Spanish: [REC]": {"[REC]"},
	} {
		if got := leadTitles(in); !slices.Equal(got, want) {
			t.Errorf("leadTitles(%q) = %q; want %q", in, got, want)
		}
	}
}

// TestDisambiguatedTitle: a title heading's disambiguation as each wiki
// film2ld reads writes it gives the title and the year, the year before
// or after the word (audit 17: "(película de 2016)" stayed in the title).
func TestDisambiguatedTitle(t *testing.T) {
	for _, tt := range []struct {
		heading, title string
		year           float64
	}{
		{"= Illegal (2010 film) =", "Illegal", 2010},
		{"= Ice Roads (documentary) =", "Ice Roads", 0},
		{"= Sal y pimienta (película de 2016) =", "Sal y pimienta", 2016},
		{"= El faro (película) =", "El faro", 0},
		{"= Nieve (documental de 2011) =", "Nieve", 2011},
		{"= Il faro (film 2019) =", "Il faro", 2019},
		{"= Il faro (film del 2019) =", "Il faro", 2019},
		{"= Le Phare (film, 2019) =", "Le Phare", 2019},
		{"= La Vague (téléfilm) =", "La Vague", 0},
		{"= Der Glasdeich (Film) =", "Der Glasdeich", 0},
		{"= Der Glasdeich (Film, 2019) =", "Der Glasdeich", 2019},
		{"= Grenzland (Fernsehfilm) =", "Grenzland", 0},
		{"= Harbour (miniseries) =", "Harbour", 0},
		{"= Harbour (2004 miniseries) =", "Harbour", 2004},
		// Not a film's disambiguation: kept as the title.
		{"= Salt (band) =", "Salt (band)", 0},
		{"= Filmore (2019) =", "Filmore (2019)", 0},
	} {
		p := &parser{src: &film.Source{}}
		if err := p.heading(classify(1, tt.heading)); err != nil {
			t.Fatal(err)
		}
		f := p.src.Film
		if f.Title.Value != tt.title || f.Year.Value != tt.year {
			t.Errorf("%s: title %q, year %v; want %q, %v", tt.heading, f.Title.Value, f.Year.Value, tt.title, tt.year)
		}
	}
}

// TestDropEmphasis: Markdown's italics go, list marks and marks inside
// words stay.
func TestDropEmphasis(t *testing.T) {
	for in, want := range map[string]string{
		"*From Wikipedia, the free encyclopedia*": "From Wikipedia, the free encyclopedia",
		"*Hoshi no Kujira* by Ōta Ren":            "Hoshi no Kujira by Ōta Ren",
		"_Vinterhavn_ by Ingrid Åsmundsen":        "Vinterhavn by Ingrid Åsmundsen",
		"(Hepburn: *Hoshi no Kujira*) is a film":  "(Hepburn: Hoshi no Kujira) is a film",
		"*Salt* and *Pepper*, two films":          "Salt and Pepper, two films",
		"* Emil Jannsen as Ole":                   "* Emil Jannsen as Ole",
		"- Ada *Lind":                             "- Ada *Lind",
		"file_name_here and snake_case":           "file_name_here and snake_case",
		"*a*":                                     "a",
		"*mixed_":                                 "*mixed_",
		"2 * 3 * 4":                               "2 * 3 * 4",
	} {
		if got := dropEmphasis(in); got != want {
			t.Errorf("dropEmphasis(%q) = %q, want %q", in, got, want)
		}
	}
}

// lookupByLabelKey is lookup as it was: every label's key made by
// labelKey, the reference lookup's folded key is held to.
func lookupByLabelKey(label string) (field, bool) {
	f, ok := labels()[labelKey(label)]
	if !ok {
		if roleName, job := jobs.Lookup(label); job {
			return credit(film.Contributor, roleName), true
		}
	}
	return f, ok
}

// TestLookupAsLabelKey holds lookup to lookupByLabelKey: every line of
// the test documents and its colon label, every label of both tables as
// the table writes it, in upper case, with a colon, spaces and a
// footnote, and labels on the edges of the folded path (64 bytes, a
// byte past ASCII, a bracket).
func TestLookupAsLabelKey(t *testing.T) {
	in := colonInputs(t)
	for _, l := range slices.Clone(in) {
		if m := colonLabel(l); m != nil {
			in = append(in, m[1])
		}
	}
	var known []string
	for k := range labels() {
		known = append(known, k)
	}
	known = append(known, "gaffer", "chef électricien", "colorist", "étalonnage", "kostüm", "Gaffer", "GAFFER:")
	for _, k := range known {
		in = append(in, k, strings.ToUpper(k), k+":", " "+k+" :", k+"::", k+"[1]", "  "+strings.ToUpper(k)+"\t:", strings.ReplaceAll(k, " ", "  "), k+"\u00a0")
	}
	in = append(in, strings.Repeat("a", 63), strings.Repeat("a", 64)+":", strings.Repeat("a", 65), "Directed by"+strings.Repeat(" ", 60)+":", "[", "Directed by[", "Dir\xffected by", "K\u212a")
	for _, l := range in {
		gotF, gotOK := lookup(l)
		wantF, wantOK := lookupByLabelKey(l)
		if gotF != wantF || gotOK != wantOK {
			t.Errorf("lookup(%q) = %v %v, want %v %v", l, gotF, gotOK, wantF, wantOK)
		}
	}
}
