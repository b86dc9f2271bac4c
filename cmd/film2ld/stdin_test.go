package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
	"unicode/utf16"
)

// pipedInputs are inputs that read the same from a pipe as from a file
// without an extension: linked data of every syntax, a page, and junk
// refused for its first line, its end, or its bytes.
var pipedInputs = map[string]string{
	"nquads": `<https://films.example/f/1> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://schema.org/Movie> .
<https://films.example/f/1> <http://schema.org/name> "Le Salaire de la peur"@fr .
_:d <http://schema.org/name> "Henri-Georges Clouzot" .
<https://films.example/f/1> <http://schema.org/director> _:d .
`,
	"turtle": `@prefix s: <http://schema.org/> .
<https://films.example/f/2> a s:Movie ; s:name "Ikiru"@ja-Latn ; s:director [ a s:Person ; s:name "Akira Kurosawa" ] .
`,
	"jsonld": `{"@context": {"@vocab": "http://schema.org/"}, "@id": "https://films.example/f/3", "@type": "Movie",
 "name": "Cléo de 5 à 7", "director": {"@type": "Person", "name": "Agnès Varda"}}`,
	"html": `<!doctype html><html><head><title>Stalker</title>
<script type="application/ld+json">{"@context": {"@vocab": "http://schema.org/"}, "@type": "Movie", "name": "Сталкер"}</script>
</head><body><p>Stalker</p></body></html>`,
	// Pages in other encodings: declared at the head, declared past the
	// first 1024 bytes, declared nowhere, and UTF-16 by its byte-order
	// mark. Standard input was read whole and decoded whole, or, held
	// and declared nowhere, not decoded at all, where a file was
	// decoded as it was read.
	"html windows-1252": "<!doctype html><html><head><meta charset=\"windows-1252\"><title>Caf\xe9</title>\n" +
		`<script type="application/ld+json">{"@context": {"@vocab": "http://schema.org/"}, "@type": "Movie", "name": "Jour de f` + "\xeate" + `"}</script>` + "\n</head><body><p>\x93Quotes\x94</p></body></html>\n",
	"html shift_jis": "<html><head><meta charset=\"shift_jis\">\n" +
		`<script type="application/ld+json">{"@context": {"@vocab": "http://schema.org/"}, "@type": "Movie", "name": "` + "\x90\x6c\x8a\xd4" + `"}</script>` + "\n</head></html>\n",
	"html declared late": "<html><head><!-- " + strings.Repeat("padding ", 160) + "-->\n<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">\n" +
		`<script type="application/ld+json">{"@context": {"@vocab": "http://schema.org/"}, "@type": "Movie", "name": "La R` + "\xe8gle du jeu" + `"}</script>` + "\n</head></html>\n",
	"html undeclared latin-1": "<html><head>\n" +
		`<script type="application/ld+json">{"@context": {"@vocab": "http://schema.org/"}, "@type": "Movie", "name": "Mus` + "\xe9e" + `"}</script>` + "\n</head></html>\n",
	"html utf-16":  utf16LE("\ufeff<html><head><script type=\"application/ld+json\">{\"@context\": {\"@vocab\": \"http://schema.org/\"}, \"@type\": \"Movie\", \"name\": \"Die Blechtrommel\"}</script></head></html>\n"),
	"junk lines":   "not linked data\nnor this\n",
	"open literal": `<https://films.example/f/4> <http://schema.org/name> "never closed` + strings.Repeat(" words", 50),
	"junk json":    `[{"@context": {"@vocab": "http://schema.org/"}, "name": "x"}, ` + strings.Repeat("junk ", 40),
	"latin-1":      "<https://films.example/f/5> <http://schema.org/name> \"Mus\xe9e\" .\n",
}

// Standard input larger than bigDocument is copied to a temporary file
// and read as a file of that content without an extension is: the same
// output, exit status and messages (naming <stdin>), and the copy
// removed afterwards. Held whole to be told, 200 MB of junk took
// 0.4–2.2 GB (TestPeakRSSReject200MBJunk measures that); a small one is
// still held, and reads the same too.
func TestSpooledStdinReadsAsTheNamedFile(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	defer func(n int) { bigDocument = n }(bigDocument)
	for _, big := range []int{16 << 20, 64} {
		bigDocument = big
		for name, text := range pipedInputs {
			path := filepath.Join(t.TempDir(), "data")
			if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
			for _, cmd := range [][]string{{"convert", "-f", "nquads"}, {"convert", "-f", "canonical"}, {"convert", "--input-format", "nquads"}, {"validate"}, {"validate", "-f", "json"}} {
				var out1, err1, out2, err2 bytes.Buffer
				status1 := run(append(cmd[:len(cmd):len(cmd)], path), nil, &out1, &err1)
				status2 := run(append(cmd[:len(cmd):len(cmd)], "-"), strings.NewReader(text), &out2, &err2)
				named := func(b bytes.Buffer) string {
					s := strings.ReplaceAll(b.String(), path, "<stdin>")
					return strings.ReplaceAll(s, `\u003cstdin\u003e`, "<stdin>")
				}
				if status1 != status2 || named(out1) != named(out2) || named(err1) != named(err2) {
					t.Errorf("bigDocument %d, %s, %v: named file and standard input differ:\nexit %d\n%s%s\nexit %d\n%s%s",
						big, name, cmd, status1, out1.String(), err1.String(), status2, out2.String(), err2.String())
				}
			}
		}
	}
	if left, _ := os.ReadDir(tmp); len(left) > 0 {
		t.Errorf("left in TMPDIR: %v", left)
	}
}

// A standard input too large to hold that cannot be copied (TMPDIR is
// not a folder) is an error naming it and the way around it; nothing is
// read of a part. validate reports it as it reports a file it cannot
// read: a finding on the input.
func TestSpoolFailureNamesStdin(t *testing.T) {
	t.Setenv("TMPDIR", filepath.Join(t.TempDir(), "missing"))
	defer func(n int) { bigDocument = n }(bigDocument)
	bigDocument = 16
	for _, cmd := range [][]string{{"convert"}, {"validate"}, {"load", "--store", "http://127.0.0.1:9/sparql"}} {
		var out, errOut bytes.Buffer
		status := run(append(cmd, "-"), strings.NewReader(pipedInputs["nquads"]), &out, &errOut)
		said, want := errOut.String(), "film2ld: error: <stdin> is over 16 bytes and could not be copied to a temporary file to be read (name a file instead): open "
		if cmd[0] == "validate" {
			said, want = out.String(), "<stdin>: error: document: <stdin> is over 16 bytes and could not be copied to a temporary file to be read (name a file instead): open "
		} else if out.Len() > 0 {
			said = "standard output: " + out.String()
		}
		if status != exitError || !strings.Contains(said, want) {
			t.Errorf("%v: exit %d\n%s%s", cmd, status, out.String(), errOut.String())
		}
	}
}

// tmpWatcher is a standard output that notes, at each write, the files
// left in a folder.
type tmpWatcher struct {
	dir  string
	seen []string
}

func (w *tmpWatcher) Write(p []byte) (int, error) {
	entries, _ := os.ReadDir(w.dir)
	for _, e := range entries {
		w.seen = append(w.seen, e.Name())
	}
	return len(p), nil
}

// The copy of standard input is removed once the inputs are read, before
// a word of the output is written: a reader that goes (| head) ends
// film2ld by SIGPIPE, which no clean-up follows.
func TestSpoolRemovedBeforeOutput(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	defer func(n int) { bigDocument = n }(bigDocument)
	bigDocument = 64
	for _, cmd := range [][]string{{"convert", "-f", "nquads"}, {"convert", "-f", "jsonld"}, {"validate"}, {"validate", "-f", "json"}} {
		for _, in := range []string{"nquads", "turtle", "jsonld", "html", "junk lines"} {
			w := &tmpWatcher{dir: tmp}
			var errOut bytes.Buffer
			run(append(cmd[:len(cmd):len(cmd)], "-"), strings.NewReader(pipedInputs[in]), w, &errOut)
			if len(w.seen) > 0 {
				t.Errorf("%v < %s: standard output written while %v was left in TMPDIR", cmd, in, w.seen)
			}
		}
	}
}

// endless is standard input that never ends: a line again and again,
// counting what is read of it.
type endless struct {
	line  string
	read  int
	block string // line repeated to about 64 KiB, made on first Read
}

// Read copies from a block of the line repeated, not a line at a time:
// two bytes a copy took 7 s of the suite to read the 64 MiB that
// validate reads before it refuses "y\n".
func (r *endless) Read(p []byte) (int, error) {
	if r.block == "" {
		r.block = strings.Repeat(r.line, (64<<10)/len(r.line)+1)
	}
	n := 0
	for n < len(p) {
		// Start within the block at the line's phase, so that the
		// stream is the line repeated whatever the reads' sizes.
		n += copy(p[n:], r.block[(r.read+n)%len(r.line):])
	}
	r.read += n
	return n, nil
}

// Junk on standard input that never ends (yes, a stream of junk lines)
// is refused from the head held of it, as a file of it is refused from
// its first bytes, and never copied: it was copied to $TMPDIR to its end
// first, and filled the disk at 400 MB/s. validate reads on as far as
// the film reader reads a document (64 MiB and a byte) to tell that it
// is none. Bytes that are not UTF-8 too. Junk whose syntax problem comes
// first (JSON, Turtle, one endless line of N-Quads: /dev/zero) is read
// on, as a file is, for a byte that is not UTF-8, but no further than
// ld.UTF8Horizon: it was read on to its end, which never came.
// (HTML is read on: an endless page is not junk.)
func TestEndlessJunkOnStdin(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	defer func(n int) { bigDocument = n }(bigDocument)
	bigDocument = 1 << 20
	for _, tt := range []struct {
		cmd        []string
		line, want string
	}{
		{[]string{"convert"}, "y\n", "<stdin>:1:1: syntax error: invalid N-Quad: unexpected rune 'y' at 0"},
		{[]string{"convert", "--input-format", "nquads"}, "y\n", "<stdin>:1:1: syntax error: invalid N-Quad: unexpected rune 'y' at 0"},
		{[]string{"load", "--store", "http://127.0.0.1:9/sparql"}, "Director: junk\n", "<stdin>:1:1: syntax error: invalid N-Quad: unexpected rune 'D' at 0"},
		{[]string{"validate"}, "y\n", "<stdin>:1:1: error: document: syntax error: invalid N-Quad: unexpected rune 'y' at 0"},
		{[]string{"validate"}, "Director: junk words\n", "<stdin>:1:1: error: document: syntax error: invalid N-Quad: unexpected rune 'D' at 0"},
		{[]string{"convert"}, "a\xff\n", "<stdin>:1:2: invalid UTF-8: byte 0xFF at byte offset 1"},
		{[]string{"validate"}, "a\xff\n", "<stdin>:1:2: error: document: invalid UTF-8: byte 0xFF at byte offset 1"},
		{[]string{"convert"}, "\x00", "<stdin>:1:1: syntax error: invalid N-Quad: unexpected rune '\\x00' at 0"},
		{[]string{"validate"}, "\x00", "<stdin>:1:1: error: document: syntax error: invalid N-Quad: unexpected rune '\\x00' at 0"},
		{[]string{"convert"}, "{\n", "<stdin>:2:1: invalid character '{' looking for beginning of object key string"},
		{[]string{"validate"}, "{\n", "<stdin>:2:1: error: "},
		{[]string{"convert", "-f", "jsonld"}, "[\n", "<stdin>:10001:1: invalid character '[' exceeded max depth"},
		{[]string{"convert"}, "@prefix\n", "<stdin>:2:1: syntax error: want a prefix name"},
		{[]string{"validate"}, "@prefix\n", "<stdin>:2:1: error: document: syntax error: want a prefix name"},
	} {
		in := &endless{line: tt.line}
		var out, errOut bytes.Buffer
		done := make(chan int)
		go func() { done <- run(append(tt.cmd[:len(tt.cmd):len(tt.cmd)], "-"), in, &out, &errOut) }()
		var status int
		select {
		case status = <-done:
		case <-time.After(5 * time.Minute): // -race reads slowly
			t.Fatalf("%v < endless %q: still reading after five minutes (%d MB read)", tt.cmd, tt.line, in.read>>20)
		}
		if said := out.String() + errOut.String(); status != exitError || !strings.Contains(said, tt.want) {
			t.Errorf("%v < endless %q: exit %d\n%s", tt.cmd, tt.line, status, said)
		}
		if limit := 64<<20 + 2<<20; in.read > limit {
			t.Errorf("%v < endless %q: read %d MB of it; want at most %d", tt.cmd, tt.line, in.read>>20, limit>>20)
		}
		if left, _ := os.ReadDir(tmp); len(left) > 0 {
			t.Errorf("%v < endless %q: copied it: %v", tt.cmd, tt.line, left)
		}
	}
}

// A file redirected to standard input (< file) is read as itself, not
// copied (audit 9: 21 MB copied for nothing); one already partly read is
// read from where it stands, as before, through a copy.
func TestRedirectedStdinReadAsItself(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("reopening standard input by name is Linux's /proc/self/fd")
	}
	defer func(n int) { bigDocument = n }(bigDocument)
	bigDocument = 64
	path := filepath.Join(t.TempDir(), "data.nq")
	if err := os.WriteFile(path, []byte(pipedInputs["nquads"]), 0o644); err != nil {
		t.Fatal(err)
	}
	var want bytes.Buffer
	if status := run([]string{"convert", "-f", "nquads", path}, nil, &want, io.Discard); status != exitOK {
		t.Fatalf("named: exit %d", status)
	}
	for _, skip := range []int64{0, 1} {
		// No $TMPDIR to copy to: a copy would be an error.
		t.Setenv("TMPDIR", filepath.Join(t.TempDir(), "missing"))
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		f.Seek(skip, io.SeekStart)
		var out, errOut bytes.Buffer
		status := run([]string{"convert", "-f", "nquads", "-"}, f, &out, &errOut)
		f.Close()
		switch {
		case skip == 0 && (status != exitOK || out.String() != want.String()):
			t.Errorf("< file: exit %d\n%s%s", status, out.String(), errOut.String())
		case skip > 0 && (status != exitError || !strings.Contains(errOut.String(), "could not be copied")):
			t.Errorf("< file read from byte %d: exit %d (want the copy's error)\n%s", skip, status, errOut.String())
		}
	}
}

// utf16LE returns s in UTF-16, little-endian.
func utf16LE(s string) string {
	var b strings.Builder
	for _, u := range utf16.Encode([]rune(s)) {
		b.WriteByte(byte(u))
		b.WriteByte(byte(u >> 8))
	}
	return b.String()
}
