package main

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/film2ld/film2ld/ld"
)

// TestFormPastComments: an input without an extension is told past its
// comment lines, as it is read, as ld.DetectInput tells it from the whole
// input, or not told at all (0: read whole and told then).
func TestFormPastComments(t *testing.T) {
	comments := strings.Repeat("# a comment line\n", 5000) // past the first 64 KiB
	docs := map[string]string{
		"comments alone":          comments,
		"comments, CR line ends":  strings.ReplaceAll(comments, "\n", "\r"),
		"a comment without end":   "# no line end",
		"empty":                   "",
		"white space":             " \t\r\n",
		"byte-order mark":         "\ufeff" + comments,
		"then @prefix":            comments + "@prefix ex: <http://e/> .\nex:s ex:p ex:o .\n",
		"then PREFIX":             comments + "  PREFIX ex: <http://e/>\nex:s ex:p ex:o .\n",
		"then prefix, lower case": comments + "prefix ex: <http://e/>\n",
		"then a longer word":      comments + "PREFIXES",
		"then GRAPH":              comments + "GRAPH <http://e/g> { <http://e/s> <http://e/p> 1 }",
		"then N-Quads":            comments + "<http://e/s> <http://e/p> <http://e/o> .\n",
		"then JSON":               comments + `{"@context": "https://schema.org"}`,
		"then HTML":               comments + "<html><body></body></html>",
		"UTF-16":                  "\xff\xfe#\x00 \x00c\x00\n\x00@\x00p\x00",
	}
	dir := t.TempDir()
	e := &env{stdout: io.Discard, stderr: io.Discard}
	for name, doc := range docs {
		path := filepath.Join(dir, strings.ReplaceAll(name, " ", "-"))
		if err := os.WriteFile(path, []byte(doc), 0o644); err != nil {
			t.Fatal(err)
		}
		got := e.formPastComments(path)
		if want := ld.DetectInput(path, []byte(doc)); got != 0 && got != want {
			t.Errorf("%s: told %v; the whole input is %v", name, got, want)
		}
		if strings.Contains(name, "comments alone") || strings.Contains(name, "then @prefix") || name == "then PREFIX" {
			if got == 0 {
				t.Errorf("%s: not told", name)
			}
		}
	}
}
