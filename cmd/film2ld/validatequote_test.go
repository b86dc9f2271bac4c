package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/film2ld/film2ld/schemas"
)

// TestFileQuotesMatchHeldBytes: the quotes read again from a file whose
// bytes validate let go (fileQuotes) are those the bytes held give, on
// every line and at columns before, at and past each line's end, for line
// breaks of both kinds, a byte-order mark, a last line with and without a
// break, lines longer than the reader's buffer and wide characters.
func TestFileQuotesMatchHeldBytes(t *testing.T) {
	long := strings.Repeat("Ω字a", 40_000) // 240,000 bytes, past bufio's 64 KiB
	for name, text := range map[string]string{
		"lines":           "{\n  \"name\": \"Ran\"\n}\n",
		"no last break":   "{\n  \"name\": \"Ran\"\n}",
		"crlf":            "{\r\n  \"name\": \"Ränder\"\r\n}\r\n",
		"byte-order mark": "\ufeff{\n\t\"name\": \"x\"\n}\n",
		"empty lines":     "\n\n\n{}\n\n",
		"long line":       "[\n\"" + long + "\",\n\"" + long + "\"]",
		"one line":        `{"@context": "https://schema.org", "@type": "Movie", "name": "` + long + `"}`,
		"empty":           "",
	} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "doc.jsonld")
			if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
			var fs []schemas.Finding
			lines := strings.Split(strings.TrimPrefix(text, "\ufeff"), "\n")
			for i, line := range append(lines, "", "") { // and two past the end
				n := len([]rune(line))
				for _, col := range []int{1, 2, n / 2, n, n + 1, n + 2, 41, 121, 100_000} {
					if col > 0 {
						fs = append(fs, schemas.Finding{Pos: schemas.Pos{File: "doc", Line: i + 1, Col: col}})
					}
				}
			}
			// A finding in another input is not this one's to quote.
			fs = append(fs, schemas.Finding{Pos: schemas.Pos{File: "other", Line: 1, Col: 1}})
			held := quotes("doc", []byte(text), "", fs, nil)
			read := quotes("doc", nil, path, fs, nil)
			if len(held) != len(read) {
				t.Errorf("%d quotes from the file; %d from the bytes held", len(read), len(held))
			}
			for p, want := range held {
				if got := read[p]; got != want {
					t.Errorf("at %d:%d: the file gives\n%q\nthe bytes held\n%q", p.Line, p.Col, got, want)
				}
			}
			for p := range read {
				if _, ok := held[p]; !ok {
					t.Errorf("at %d:%d: a quote from the file where the bytes give none", p.Line, p.Col)
				}
			}
		})
	}
}

// TestValidateLetsGoOfLargeFileBytes: a large JSON-LD file's bytes are let
// go once its graph is read (its bytes were a sixth of the peak beside the
// graph of a 14.6 MB file), and the text report still quotes the line of
// each finding, read again from the file. Standard input, a file the HTML
// report shows, and a small file keep theirs.
func TestValidateLetsGoOfLargeFileBytes(t *testing.T) {
	var b strings.Builder
	b.WriteString("{\n  \"@context\": \"https://schema.org\",\n  \"@type\": \"Movie\",\n  \"name\": \"Long Film\",\n  \"actor\": [\n")
	for i := 0; b.Len() < boundFrom; i++ {
		fmt.Fprintf(&b, "    {\"@type\": \"Person\", \"name\": \"Actor Number %d\"},\n", i)
	}
	// The last actor's birth date is not a date: an error on the file's
	// next to last line.
	b.WriteString("    {\"@type\": \"Person\", \"name\": \"Last Actor\", \"birthDate\": \"yesterday\"}\n  ]\n}\n")
	dir := t.TempDir()
	large := filepath.Join(dir, "large.jsonld")
	if err := os.WriteFile(large, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	lastLine := strings.Count(b.String(), "\n") - 2
	e := &env{stdout: io.Discard, stderr: io.Discard}
	for _, format := range []string{"text", "html"} {
		job := &validateJob{prof: schemas.Google, format: format, filter: &ruleFilter{}}
		r := e.validateFile(job, large, false)
		if letGo := format != "html"; (r.data == nil) != letGo || (r.path != "") != letGo {
			t.Errorf("%s: bytes let go: %v, path %q; want let go: %v", format, r.data == nil, r.path, letGo)
		}
		if format != "text" {
			continue
		}
		r = job.trim(r)
		quoted := false
		for p, q := range r.quotes {
			if p.Line == lastLine && strings.Contains(q, `"birthDate": "yesterday"`) && strings.Contains(q, "^") {
				quoted = true
			}
		}
		if !quoted {
			t.Errorf("no quote of line %d among %d: %v", lastLine, len(r.quotes), r.quotes)
		}
	}
	small := filepath.Join(dir, "small.jsonld")
	if err := os.WriteFile(small, []byte(`{"@context": "https://schema.org", "@type": "Person", "name": "A", "birthDate": "yesterday"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	job := &validateJob{prof: schemas.Google, format: "text", filter: &ruleFilter{}}
	if r := e.validateFile(job, small, false); r.data == nil {
		t.Errorf("a small file's bytes were let go")
	}
}
