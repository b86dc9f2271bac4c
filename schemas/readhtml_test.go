package schemas

import (
	"reflect"
	"strings"
	"testing"
)

// ReadHTML, which holds only a page's script blocks, finds what LoadHTML,
// which holds the page, finds, at the same lines and columns.
func TestReadHTMLAgreesWithLoadHTML(t *testing.T) {
	for _, page := range readHTMLCases {
		readHTMLAgrees(t, page, true)
	}
}

func FuzzReadHTML(f *testing.F) {
	for _, page := range readHTMLCases {
		f.Add(page)
	}
	f.Fuzz(func(t *testing.T, page string) {
		readHTMLAgrees(t, page, false)
	})
}

const readHTMLMovie = `{"@context": "https://schema.org", "@type": "Movie", "name": "Cléo de 5 à 7", "director": {"@type": "Person", "name": "Agnès Varda"}, "dateCreated": "1962-13-45"}`

var readHTMLCases = []string{
	"<html><body><p>Director: junk</p></body></html>",
	`<script type="application/ld+json">` + readHTMLMovie + `</script>`,
	"<p>Réalisatrice : Agnès — 漢字</p><script type=\"application/ld+json\">" + readHTMLMovie + "</script>",
	"\ufeff<p>é</p><script type=\"application/ld+json\">\n" + strings.ReplaceAll(readHTMLMovie, ", ", ",\n  ") + "\n</script>",
	"<html>\n<head>\n<base href=\"https://films.example/cleo/\">\n  <script type=\"application/ld+json\">{\"@context\": \"https://schema.org\", \"@type\": \"Movie\", \"name\": \"Cléo\", \"url\": \"x y\"}</script>\n",
	"<p>é</p><script type=\"application/ld+json\">{\"@type\": \"Movie\", x}</script>",
	"<p>é</p>\n<script type=\"application/ld+json\">\n  {\"@type\": \"Movie\",\n   \"name\": [1, 2,]}</script>",
	"<script type=\"application/ld+json\">" + readHTMLMovie + "</script><!-- é -->\n<script type=\"application/ld+json\">[" + readHTMLMovie + ", {\"@type\": \"Rating\"}]</script>",
	"<script type=\"application/ld+json\"></script>",
	"<script type=\"application/ld+json\">" + strings.Repeat("[", 300),
	// Blocks a long one of would be checked as it is read.
	"<p>é ✓</p><script type=\"application/ld+json\">Director: junk</script>",
	"<script type=\"application/ld+json\">\n  [1, 2,\n   x]</script><script type=\"application/ld+json\">" + readHTMLMovie + "</script>",
	"<p>é</p><script type=\"application/ld+json\">{\"a\": 1} x</script>",
	"<script type=\"application/ld+json\">{\"a\": 1}\n\n {}</script>",
	"<script type=\"application/ld+json\">{\"a\": \"unterminated</script>",
	"<script type=\"application/ld+json\">{\"a\": tru</script>",
	"<script type=\"application/ld+json\">{\"a\": 1e</script>",
	"<script type=\"application/ld+json\">   \n </script>",
	"<script type=\"application/ld+json\">\ufeff" + readHTMLMovie + "</script>",
	"<script type=\"application/ld+json\">" + strings.Repeat("[", 300) + strings.Repeat("]", 300) + "</script>",
	"<script type=\"application/ld+json\">[" + strings.Repeat("[1, \"é\"], ", 300) + "{]</script>",
}

// readHTMLAgrees holds ReadHTML to LoadHTML on page; found asks that the
// page give a finding to compare.
func readHTMLAgrees(t *testing.T, page string, found bool) {
	t.Helper()
	// Every block long, then short: checked as read, then held.
	defer func(limit int) { spoolBlocksOver = limit }(spoolBlocksOver)
	for _, spoolBlocksOver = range []int{0, 5, spoolBlocksOver} {
		want, werr := LoadHTML([]byte(page), "page.html")
		got, gerr := ReadHTML(strings.NewReader(page), "page.html")
		if (werr == nil) != (gerr == nil) || werr != nil && werr.Error() != gerr.Error() {
			t.Errorf("%q: ReadHTML: %v; LoadHTML: %v", page, gerr, werr)
			return
		}
		if werr != nil {
			return
		}
		if !reflect.DeepEqual(got.Problems, want.Problems) {
			t.Errorf("%q, blocks over %d bytes checked as read: ReadHTML found\n\t%v\nLoadHTML\n\t%v", page, spoolBlocksOver, got.Problems, want.Problems)
		}
		if gf, wf := Validate(got, Google), Validate(want, Google); !reflect.DeepEqual(gf, wf) {
			t.Errorf("%q: ReadHTML's graph gave\n\t%v\nLoadHTML's\n\t%v", page, gf, wf)
		} else if found && len(wf) == 0 {
			t.Errorf("%q: no finding to compare", page)
		}
	}
}
