package mapping_test

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/film2ld/film2ld/mapping"
	"github.com/film2ld/film2ld/mapping/film"
)

// TestForcedKindNeedsFacts: a kind named by the caller is not a licence to
// turn any text into a film; a real document of that kind still maps.
func TestForcedKindNeedsFacts(t *testing.T) {
	for _, kind := range []film.Kind{film.Prize, film.Encyclopedia, film.Reviews} {
		for _, text := range []string{"hello world", "hello world\n", "Some Film\n\nA paragraph about nothing.\n\nAnother.\n"} {
			_, err := mapping.Map(strings.NewReader(text), "x.txt", kind)
			if err == nil {
				t.Errorf("--kind %s of %q: no error", kind, text)
			}
		}
	}
	_, err := mapping.Map(strings.NewReader("hello world"), "x.txt", film.Prize)
	if !errors.Is(err, mapping.ErrNotThisKind) || err.Error() != "x.txt: not a document of the kind named: read as --kind prize, it has neither the layout nor any fact of a film prize's page" {
		t.Errorf("error %q", err)
	}
	for file, kind := range map[string]film.Kind{
		"../testdata/films/nattfergen/prize.txt":        film.Prize,
		"../testdata/films/nattfergen/encyclopedia.txt": film.Encyclopedia,
		"../testdata/films/nattfergen/review.txt":       film.Reviews,
	} {
		f, err := os.Open(file)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := mapping.Map(f, file, kind); err != nil {
			t.Errorf("--kind %s of %s: %v", kind, file, err)
		}
		f.Close()
	}
}

// A copy of the mobile encyclopedia page (tabs under the title, labels
// alone on their lines, no tagline) is told an encyclopedia article; it
// was no film document of a known kind (audit 14).
func TestMobileArticleDetected(t *testing.T) {
	const article = "La Mer\n\nArticle\nTalk\n\nLa Mer is a 1994 French drama film directed by Anne-Sophie de Vries.\n\n" +
		"Directed by\nAnne-Sophie de Vries\nRunning time\n98 minutes\n\nCast\n\nEdit\nZoë Lévêque as Zoë\n"
	src, err := mapping.Map(strings.NewReader(article), "a.txt", "")
	if err != nil {
		t.Fatal(err)
	}
	if src.Kind != film.Encyclopedia || src.Film.Title.Value != "La Mer" {
		t.Errorf("read as %s, title %q", src.Kind, src.Film.Title.Value)
	}
}

// TestArticlesInOtherLanguages: German, Italian and Spanish Wikipedia's
// articles are encyclopedia articles; they were no film document of a
// known kind (audit 15). Each has a title heading, its infobox's labels
// and its sections, in its language.
func TestArticlesInOtherLanguages(t *testing.T) {
	for _, article := range []string{
		"= Die Brücke von Lenz =\n\nDie Brücke von Lenz\n- Regie: Karla Rieth\n- Drehbuch: Karla Rieth\n- Kamera: Udo Fenn\n- Länge: 84 Minuten\n\nDie Brücke von Lenz ist ein Film.\n\n== Handlung ==\nEine Brücke.\n\n== Besetzung ==\n- Ida Kern: Lotte\n",
		"= Il faro spento =\n\nIl faro spento\n- Regia: Tino Ruju\n- Sceneggiatura: Tino Ruju\n- Durata: 90 minuti\n\nIl faro spento è un film.\n\n== Trama ==\nUn faro.\n\n== Interpreti e personaggi ==\n- Ada Manca: Rina\n",
		"= El último tranvía =\n\nEl último tranvía\n- Dirección: Olga Brizuela\n- Guion: Olga Brizuela\n- Duración: 95 minutos\n\nEl último tranvía es una película.\n\n== Sinopsis ==\nUn tranvía.\n\n== Reparto ==\n- Hugo Sáenz como Beto\n",
	} {
		kind, err := mapping.Detect([]byte(article), "a.txt")
		if err != nil || kind != film.Encyclopedia {
			t.Errorf("Detect = %q, %v; want encyclopedia, for:\n%.60s", kind, err, article)
		}
	}
}
