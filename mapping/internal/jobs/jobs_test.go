package jobs

import (
	"strings"
	"testing"
)

// TestOneJobALabel: a label names one job, or which role name it gets
// would depend on map order.
func TestOneJobALabel(t *testing.T) {
	seen := map[string]string{}
	for roleName, labels := range table {
		for _, l := range strings.Split(labels, "|") {
			if l = strings.TrimSpace(l); l == "" {
				continue
			}
			if other, ok := seen[key(l)]; ok && other != roleName {
				t.Errorf("label %q is both %q and %q", l, other, roleName)
			}
			seen[key(l)] = roleName
		}
	}
}

// TestLookup: the common crew jobs, as pages write them in each language
// the other tables read, are each one role name, and words that credit no
// crew job (or one each mapper reads its own way) are not in the table.
func TestLookup(t *testing.T) {
	for label, want := range map[string]string{
		"Gaffer": "Gaffer", "Chef électricien": "Gaffer", "Chef electricien": "Gaffer", "Oberbeleuchter": "Gaffer",
		"Jefe de eléctricos": "Gaffer", "Capo elettricista": "Gaffer",
		"Key Grip": "Key grip", "Chef machiniste": "Key grip", "Capo macchinista": "Key grip", "Jefe de maquinistas": "Key grip",
		"Colorist": "Colorist", "Colourist": "Colorist", "Colour grading": "Colorist", "Étalonnage": "Colorist",
		"Etalonneuse": "Colorist", "Farbkorrektur": "Colorist", "Colorista": "Colorist", "Correzione colore": "Colorist",
		"Stunt coordinator": "Stunts", "Coordinateur des cascades": "Stunts", "Stuntkoordination": "Stunts",
		"Coordinador de especialistas": "Stunts", "Coordinatore stunt": "Stunts",
		"VFX supervisor": "Visual effects", "Visual Effects Supervisor": "Visual effects", "Effets visuels": "Visual effects",
		"Efectos visuales": "Visual effects", "Effetti visivi": "Visual effects", "Visuelle Effekte": "Visual effects",
		"Sound designer": "Sound", "Conception sonore": "Sound", "Tongestaltung": "Sound", "Diseño de sonido": "Sound", "Fonico": "Sound",
		"Script supervisor": "Script supervisor", "Scripte": "Script supervisor", "Continuity": "Script supervisor",
		"Continuista": "Script supervisor", "Segretaria di edizione": "Script supervisor",
		"Casting director": "Casting", "Directrice de casting": "Casting", "Director de casting": "Casting",
		"Costumi": "Costumes", "Kostümbild": "Costumes", "Maquillage:": "Make-up",
	} {
		if got, ok := Lookup(label); !ok || got != want {
			t.Errorf("Lookup(%q) = %q, %v; want %q", label, got, ok, want)
		}
	}
	for _, label := range []string{"Script", "Director", "Cast", "Distribution", "Besetzung", "Production", "Music", "Montage", "Camera", "Catering"} {
		if got, ok := Lookup(label); ok {
			t.Errorf("Lookup(%q) = %q; want no job (each mapper's own table reads it)", label, got)
		}
	}
}

// Lookup's ASCII path finds what the table's key finds, for every label
// the table holds as pages vary it (case, a colon, spaces) and for words
// it does not hold.
func TestLookupMatchesKey(t *testing.T) {
	for _, labels := range table {
		for _, l := range strings.Split(labels, "|") {
			l = strings.TrimSpace(l)
			for _, v := range []string{l, strings.ToUpper(l), strings.ToUpper(l[:1]) + l[1:] + ":", "  " + l + " :", l + "::", strings.ReplaceAll(l, " ", "   ")} {
				checkLookup(t, v)
			}
		}
	}
	for _, v := range []string{"", ":", "Catering", "Directed by", "ÉTALONNAGE", "Key\tGrip", "Gaffer\u00a0"} {
		checkLookup(t, v)
	}
}

func FuzzLookup(f *testing.F) {
	for _, s := range []string{"Gaffer", "Key Grip:", "Étalonnage", " sound  designer "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkLookup(t, s) })
}

func checkLookup(t *testing.T, label string) {
	t.Helper()
	want, wantOK := byLabel()[key(label)]
	if got, ok := Lookup(label); got != want || ok != wantOK {
		t.Errorf("Lookup(%q) = %q, %v; the table's key finds %q, %v", label, got, ok, want, wantOK)
	}
}

// A label in ASCII is looked up without an allocation.
func TestLookupAllocatesNothing(t *testing.T) {
	byLabel()
	if n := testing.AllocsPerRun(100, func() { Lookup("Key Grip") }); n != 0 {
		t.Errorf("Lookup(\"Key Grip\"): %.0f allocations; want none", n)
	}
}
