//go:build linux

package main

import (
	"bufio"
	"errors"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/film2ld/film2ld/ld"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// randomJunk writes size random bytes (a fixed seed: the same file each
// run) after head.
func randomJunk(path string, size int, head string) *junkFile {
	return &junkFile{path: path, write: func(path string) error {
		f, err := os.Create(path)
		if err != nil {
			return err
		}
		defer f.Close()
		w := bufio.NewWriterSize(f, 1<<20)
		w.WriteString(head)
		rng := rand.New(rand.NewPCG(12, 2026))
		var b [8]byte
		for n := len(head); n < size; n += len(b) {
			u := rng.Uint64()
			for i := range b {
				b[i] = byte(u >> (8 * i))
			}
			w.Write(b[:min(len(b), size-n)])
		}
		if err := w.Flush(); err != nil {
			return err
		}
		return f.Close()
	}}
}

// encodedPage writes a page of size bytes at least: head, then body
// over and over, then tail, all encoded by encode.
func encodedPage(path string, size int, encode func(string) []byte, head, body, tail string) *junkFile {
	return &junkFile{path: path, write: func(path string) error {
		f, err := os.Create(path)
		if err != nil {
			return err
		}
		defer f.Close()
		chunk := encode(strings.Repeat(body, (1<<20)/len(body)))
		n, _ := f.Write(encode(head))
		for n < size {
			m, err := f.Write(chunk)
			if err != nil {
				return err
			}
			n += m
		}
		if _, err := f.Write(encode(tail)); err != nil {
			return err
		}
		return f.Close()
	}}
}

// wholeDecodingError is the place and words of the error ld.DecodeHTML
// gives the page at path, read as far as its first MiB, where random
// bytes are refused: "{}:2:3: bytes that are not shift_jis text, …".
func wholeDecodingError(t *testing.T, path string) string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	head := make([]byte, 1<<20)
	n, _ := io.ReadFull(f, head)
	_, _, err = ld.DecodeHTML(head[:n], "{}")
	var pe *ld.PosError
	if !errors.As(err, &pe) {
		t.Fatalf("%s: its first MiB decodes (%v): no junk to refuse", path, err)
	}
	return pe.Pos.String() + ": " + pe.Err.Error()
}

// A 200 MB page in another encoding than UTF-8 is decoded as it is read,
// as one in UTF-8 is read: it was decoded whole first, so that random
// bytes after <meta charset="windows-1252"> (text, in that encoding)
// took 1.18–1.4 GB to find no block, after <meta charset="shift_jis">
// 1.08–1.29 GB to be refused for line 2, and after a UTF-16 byte-order
// mark 221–438 MB; 200 MB of text lines 0.5–0.94 GB. Junk is refused
// where decoding it whole refuses it. The same from standard input, a
// file redirected or a pipe (copied to a temporary file past 16 MiB):
// convert read it whole and decoded it whole, 672 MB for the
// windows-1252 text.
func TestPeakRSSPagesInOtherEncodings(t *testing.T) {
	largeTest(t, "writes 200 MB files")
	t.Parallel()
	dir := t.TempDir()
	at := func(name string) string { return filepath.Join(dir, name) }
	cp1252 := func(s string) []byte {
		b, err := charmap.Windows1252.NewEncoder().Bytes([]byte(s))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	utf16 := func(s string) []byte {
		b, err := unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM).NewEncoder().Bytes([]byte(s))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	const block = `<script type="application/ld+json">{"@context": "https://schema.org", "@type": "Movie", "@id": "https://films.example/cafe", "name": "Café crème"}</script>`
	junk1252 := randomJunk(at("junk1252.html"), 200<<20, `<meta charset="windows-1252">`+"\n")
	junkSJIS := randomJunk(at("junksjis.html"), 200<<20, `<meta charset="shift_jis">`+"\n")
	junk16 := randomJunk(at("junk16.html"), 200<<20, "\xff\xfe")
	text1252 := encodedPage(at("text1252.html"), 200<<20, cp1252, `<meta charset="windows-1252">`+"\n", "<p>Café crème</p>\n", block)
	text16 := encodedPage(at("text16.html"), 200<<20, utf16, "\uFEFF<html><body>\n", "<p>Café crème</p>\n", block)
	store := []string{"--store", "http://127.0.0.1:9/sparql"}
	const noBlock = `{}: warning: page: no <script type="application/ld+json"> block [html.no-jsonld]`
	cases := []struct {
		cmd    []string
		file   *junkFile
		status int
		want   string // printed, with the file's path for {}; "" for the whole decoding's error
		stdin  string // "file" or "pipe": the file given as standard input, "-"
	}{
		{[]string{"convert"}, junk1252, exitOK, `"@graph": []`, ""},
		{[]string{"validate"}, junk1252, exitOK, noBlock, ""},
		{append([]string{"load"}, store...), junk1252, exitOK, "loaded 0 graphs, 0 statements", ""},
		{[]string{"convert"}, junkSJIS, exitError, "", ""},
		{[]string{"validate"}, junkSJIS, exitError, "", ""},
		{append([]string{"load"}, store...), junkSJIS, exitError, "", ""},
		{[]string{"convert"}, junk16, exitError, "", ""},
		{[]string{"validate"}, junk16, exitError, "", ""},
		{[]string{"convert", "-f", "nquads"}, text1252, exitOK, `<https://films.example/cafe> <http://schema.org/name> "Café crème" .`, ""},
		{[]string{"validate"}, text1252, exitOK, "{}: note: page: read as windows-1252", ""},
		{[]string{"convert", "-f", "nquads"}, text16, exitOK, `<https://films.example/cafe> <http://schema.org/name> "Café crème" .`, ""},
		{[]string{"validate"}, text16, exitOK, "{}: note: page: read as utf-16le", ""},
		{[]string{"convert"}, junk1252, exitOK, `"@graph": []`, "file"},
		{[]string{"convert"}, junk1252, exitOK, `"@graph": []`, "pipe"},
		{[]string{"convert", "-f", "nquads"}, text1252, exitOK, `<https://films.example/cafe> <http://schema.org/name> "Café crème" .`, "file"},
		{[]string{"convert", "-f", "nquads"}, text1252, exitOK, `<https://films.example/cafe> <http://schema.org/name> "Café crème" .`, "pipe"},
		{append([]string{"load"}, store...), text1252, exitError, "note: <stdin>: read as windows-1252", "pipe"},
		{[]string{"validate"}, text1252, exitOK, "<stdin>: note: page: read as windows-1252", "pipe"},
		{[]string{"convert"}, junkSJIS, exitError, "", "file"},
		{[]string{"convert", "-f", "nquads"}, text16, exitOK, `<https://films.example/cafe> <http://schema.org/name> "Café crème" .`, "pipe"},
	}
	for _, tt := range cases {
		tt.file.users++
	}
	for _, tt := range cases {
		name := strings.Join(append(slices.Clone(tt.cmd[:1]), filepath.Base(tt.file.path)), " ")
		if tt.stdin != "" {
			name += " from a " + tt.stdin
		}
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			defer tt.file.done()
			if err := tt.file.ensure(); err != nil {
				t.Fatal(err)
			}
			want := tt.want
			if want == "" {
				want = wholeDecodingError(t, tt.file.path)
				if tt.cmd[0] == "validate" {
					want = strings.Replace(want, ": ", ": error: document: ", 1)
				}
			}
			want = strings.ReplaceAll(want, "{}", tt.file.path)
			args := append(slices.Clone(tt.cmd), tt.file.path)
			var stdin io.Reader
			if tt.stdin != "" {
				want = strings.ReplaceAll(want, tt.file.path, "<stdin>")
				args[len(args)-1] = "-"
				f, err := os.Open(tt.file.path)
				if err != nil {
					t.Fatal(err)
				}
				defer f.Close()
				stdin = f // a pipe
				if tt.stdin == "file" {
					stdin = redirectedFile{f}
				}
			}
			mb, got, printed := peakRSSIn(t, stdin, args...)
			t.Logf("%s: peak RSS %.0f MB", strings.Join(tt.cmd, " "), mb)
			if got != tt.status || !strings.Contains(printed, want) {
				t.Errorf("%v: exit %d, %s; want exit %d, …%s…", args, got, printed, tt.status, want)
			}
			if mb > 64 {
				t.Errorf("%v: peak RSS %.0f MB; want at most 64", args, mb)
			}
		})
	}
}
