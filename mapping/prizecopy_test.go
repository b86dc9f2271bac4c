package mapping_test

import (
	"strings"
	"testing"

	"github.com/film2ld/film2ld/mapping"
	"github.com/film2ld/film2ld/mapping/film"
)

// TestPrizeCopiesDetectedAndRead: a prize page copied without its blank
// lines (a browser's "Select all, copy", with the site's banner and
// menus) is told a prize page and read as one, detected or named with
// --kind prize. Detected, it was a film named by the whole page; named,
// it was refused as having "neither the layout nor any fact" of a prize
// page (audit 18).
func TestPrizeCopiesDetectedAndRead(t *testing.T) {
	for name, page := range map[string]string{
		"select all": "This website uses cookies to give you the best experience. Learn more\nAccept\nSkip to main content\n" +
			"Home\nFilms\nNews\nEN\nFR\nHome › Vento Sul (South Wind)\nVento Sul (South Wind)\nRita Moreira\nPortugal\n1h 34\n2016\n" +
			"Synopsis:\nA fisherman's widow takes his boat out.\nCast: Ana Lobo (Rosa), Joel Sá (Tiago)\nWorld sales: Sul Films\nShare this page\nPrint\n",
		"blank lines taken out": "Published on *A Prize* (<https://prize.example>)\n[Home](#) > [Vento Sul \\(South Wind\\)](#)\n" +
			"Vento Sul (South Wind)\nRita Moreira\nPortugal\n94 min\n2016\nSynopsis:\nA fisherman's widow takes his boat out.\n" +
			"Cast: Ana Lobo (Rosa), Joel Sá (Tiago)\nSource URL (retrieved on 01-02-2017): <https://prize.example/vento-sul>\n",
	} {
		kind, err := mapping.Detect([]byte(page), "p.txt")
		if err != nil || kind != film.Prize {
			t.Errorf("%s: detected %q, %v; want a prize page", name, kind, err)
		}
		for _, k := range []film.Kind{"", film.Prize} {
			src, err := mapping.Map(strings.NewReader(page), "p.txt", k)
			if err != nil {
				t.Errorf("%s, kind %q: %v", name, k, err)
				continue
			}
			f := src.Film
			if f.Title.Value != "South Wind" || len(f.Credits) == 0 || f.Credits[0].Agent.Name.Value != "Rita Moreira" ||
				len(f.Cast) != 2 || f.Runtime.Seconds() != 94*60 || f.Year.Value != 2016 {
				t.Errorf("%s, kind %q: title %q, credits %+v, cast %d, runtime %d s, year %v", name, k, f.Title.Value, f.Credits, len(f.Cast), f.Runtime.Seconds(), f.Year.Value)
			}
		}
	}
}
