package prize

import (
	"testing"

	"github.com/film2ld/film2ld/mapping/internal/mappertest"
)

// FuzzPrize feeds the mapper arbitrary bytes, seeded with the samples and
// our own films; see mappertest.Check for the properties it keeps.
func FuzzPrize(f *testing.F) {
	mappertest.AddSeeds(f, "../../testdata")
	// The layouts of audit 15: a breadcrumb in another language, a title
	// that is a number, German labels, a company's part in brackets, a
	// sales line with two offices.
	f.Add([]byte("\n\n禪\n\nVeröffentlicht auf *Preis* (<https://p.example>)\n\n[Startseite](#) > [1917](#)\n\n1917\n\n" +
		"Ida Berg und Jan Lis\n\nDeutschland\n\n2019\n\nInhalt:\n\nEin Film.\n\nMusik: Karl Seidel\n\n" +
		"Darsteller: Max Rauch (Kapitän)\n\nKoproduktion: Studio Weser (Koproduktion)\n\n" +
		"Weltvertrieb: Nord Sales, Hafenweg 3, Hamburg Tel.: +49 40 0000 / Wien: Ring 1, Wien Tel.: +43 1 0000 w@nord.example"))
	f.Add([]byte("Publicado en *P* (<https://p.example>)\n\nInicio > 9\n\n9\n\nAna y Luis García\n\nEspaña\n\n2021\n\nSinopsis:\n\nUna película.\n\nCon: Tomás Rey (Faro)"))
	// Audit 18: a browser's copy with no blank lines (banner, menus, a
	// breadcrumb as text, share buttons) and a running time in primes.
	f.Add([]byte("We use cookies on this website.\nAccept\nHome\nFilms\nHome › Vento Sul (South Wind)\nVento Sul (South Wind)\n" +
		"Rita Moreira\nPortugal\n94’\n2016\nWatch the trailer\nSynopsis\nA widow takes the boat\nout to sea.\nEditing:\nJoel Sá\n" +
		"Cast: Ana Lobo (Rosa),\nJoel Sá (Tiago)\nShare this page\nPrint\n© 2016 Prize\n"))
	// A page read back from PDF with its layout: columns, a table of
	// labels, a form feed, a footer with the page's number.
	f.Add([]byte(kazeNoOto))
	f.Fuzz(func(t *testing.T, data []byte) {
		mappertest.Check(t, data, Parse)
		mappertest.CheckPeople(t, data, Parse)
	})
}
