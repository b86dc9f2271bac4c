package main

import (
	"bytes"
	"encoding/binary"
	"errors"
	"flag"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/rogpeppe/go-internal/testscript"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
)

var update = flag.Bool("update", false, "rewrite the expected output sections of testdata/script/*.txtar")

func TestMain(m *testing.M) {
	// The memory tests run the command in a child process of their own,
	// whose peak resident size the kernel reports.
	if os.Getenv("FILM2LD_TEST_RUN") == "1" {
		os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
	}
	// Under the race detector every Go process sleeps a second before it
	// exits (GORACE's atexit_sleep_ms, 1000 by default), so that late
	// goroutines can still report; the scripts and the README session run
	// the command (this test binary) hundreds of times, which made those
	// sleeps most of their time. Children get 10 ms, as testscript's
	// documentation suggests, unless the user chose a value.
	if g := os.Getenv("GORACE"); !strings.Contains(g, "atexit_sleep_ms") {
		os.Setenv("GORACE", strings.TrimSpace(g+" atexit_sleep_ms=10"))
	}
	testscript.Main(cleanupM{m}, map[string]func(){
		"film2ld": func() { os.Exit(runProcess()) },
	})
}

// TestScript runs the command-line scenarios in testdata/script. Each
// script starts in a fresh folder holding samples/ (the three sample
// documents) and films/ (our own films), copied from the repository's
// testdata, and image.png (a binary file). Run `go test ./cmd/film2ld -update` to rewrite the expected
// outputs in the scripts after a deliberate change, and read the diff.
func TestScript(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:           "testdata/script",
		UpdateScripts: *update,
		Cmds:          map[string]func(*testscript.TestScript, bool, []string){"exits": exits, "notemp": notemp, "copyfilms": copyfilms},
		// [root]: the scripts run as root, whom the kernel lets write
		// any file (CI's containers do): what a user may not write, root
		// may, as root's shell redirections do.
		Condition: func(cond string) (bool, error) {
			if cond == "root" {
				return os.Geteuid() == 0, nil
			}
			return false, fmt.Errorf("unknown condition %q", cond)
		},
		Setup: func(env *testscript.Env) error {
			if err := os.CopyFS(filepath.Join(env.WorkDir, "samples"), os.DirFS("../../testdata/samples")); err != nil {
				return err
			}
			// A real binary file's first bytes; txtar holds text only.
			png := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
			if err := os.WriteFile(filepath.Join(env.WorkDir, "image.png"), png, 0o644); err != nil {
				return err
			}
			if err := os.CopyFS(filepath.Join(env.WorkDir, "films"), os.DirFS("../../testdata/films")); err != nil {
				return err
			}
			// $FILMS is how many films films/ holds ($FILMS1 one more,
			// $FILMS_1 one fewer), so that a batch's count in a script
			// does not change when a test film is added.
			entries, err := os.ReadDir("../../testdata/films")
			if err != nil {
				return err
			}
			films := 0
			for _, e := range entries {
				if e.IsDir() {
					films++
				}
			}
			env.Setenv("FILMS", strconv.Itoa(films))
			env.Setenv("FILMS1", strconv.Itoa(films+1))
			env.Setenv("FILMS_1", strconv.Itoa(films-1))
			return writeVariants(filepath.Join(env.WorkDir, "variants"))
		},
	})
}

// writeVariants writes damaged and re-encoded copies of the samples, which
// txtar (text, LF only) cannot hold: a byte-order mark with CRLF line
// endings, Windows-1252, a download cut off mid-link, and a review block
// repeated word for word.
func writeVariants(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	samples, err := filepath.Glob("../../testdata/samples/*.txt")
	if err != nil || len(samples) != 3 {
		return fmt.Errorf("samples: %v %v", samples, err)
	}
	read := func(i int) []byte {
		b, _ := os.ReadFile(samples[i])
		return b
	}
	files := map[string][]byte{}
	for i, p := range samples {
		crlf := bytes.ReplaceAll(read(i), []byte("\n"), []byte("\r\n"))
		files["bom-crlf-"+filepath.Base(p)] = append([]byte("\xef\xbb\xbf"), crlf...)
	}
	latin1, err := charmap.Windows1252.NewEncoder().Bytes(read(1))
	if err != nil {
		return err
	}
	files["latin1-article.txt"] = latin1
	// The same article in UTF-8 with one byte damaged inside the first
	// star's name: an error, not a Windows-1252 letter in a new person.
	a := read(1)
	if star := bytes.Index(a, []byte("Starring: ")); star >= 0 {
		at := star + len("Starring: ") + 3
		files["damaged-utf8-article.txt"] = slices.Concat(a[:at], []byte{0xFF}, a[at:])
	}
	prize := read(2)
	files["cut-prize.txt"] = prize[:bytes.Index(prize, []byte("ill%C3%A9gal-ill"))]
	reviews := read(0)
	block := reviews[bytes.Index(reviews, []byte("  2. Reviewed by:")):bytes.Index(reviews, []byte("  3. Reviewed by:"))]
	at := bytes.Index(reviews, []byte("User Score"))
	files["repeated-reviews.txt"] = slices.Concat(reviews[:at], block, reviews[at:])
	// UTF-16 in both byte orders, with a byte-order mark, as Windows
	// editors save "Unicode" text.
	article := string(read(1))
	files["utf16le-article.txt"] = encodeUTF16(article, binary.LittleEndian)
	files["utf16be-article.txt"] = encodeUTF16(article, binary.BigEndian)
	// UTF-16 without a byte-order mark (nobom/), in both orders: the
	// article, named .txt and without an extension, and linked data of
	// each form; and a binary file of 16-bit numbers, a NUL at every
	// other byte like such text, and no text between.
	linked := map[string]string{
		"nq":     "<urn:film2ld:film/illegal-2010> <http://schema.org/name> \"Illégal\" <urn:film2ld:graph> .\n",
		"jsonld": `{"@context": "https://schema.org", "@type": "Movie", "name": "Illégal"}` + "\n",
		"ttl":    "@prefix s: <http://schema.org/> .\n<urn:film2ld:film/illegal-2010> s:name \"Illégal\" .\n",
	}
	for order, enc := range map[string]binary.AppendByteOrder{"le": binary.LittleEndian, "be": binary.BigEndian} {
		files["nobom/"+order+"-article.txt"] = encodeUTF16(article, enc)[2:]
		files["nobom/"+order+"-article"] = encodeUTF16(article, enc)[2:]
		for ext, text := range linked {
			files["nobom/"+order+"."+ext] = encodeUTF16(text, enc)[2:]
		}
	}
	var numbers []byte
	for i := range 600 {
		numbers = binary.LittleEndian.AppendUint16(numbers, uint16(i%32))
	}
	files["nobom/numbers.bin"] = numbers
	// A right-to-left override hidden in a name.
	files["bidi-article.txt"] = bytes.Replace(read(1), []byte("Editing: Damien Keyeux"), []byte("Editing: Damien ‮Keyeux‬"), 1)
	// One 2 MB line: not a film page.
	files["one-line.txt"] = bytes.Repeat([]byte("film "), 400000)
	pages, err := encodedPages()
	if err != nil {
		return err
	}
	maps.Copy(files, pages)
	for _, sub := range []string{"pages", "nobom"} {
		if err := os.MkdirAll(filepath.Join(dir, sub), 0o755); err != nil {
			return err
		}
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// encodedPages returns web pages of our own films saved in the encodings
// pages declare (pages/ENCODING.html), one that declares none but is not
// UTF-8, and one with bytes its declared encoding does not define.
func encodedPages() (map[string][]byte, error) {
	page := func(meta, name, director string) string {
		return "<!DOCTYPE html>\n<html><head>" + meta + "<title>" + name + "</title>\n" +
			`<script type="application/ld+json">{"@context": "https://schema.org", "@type": "Movie", "name": "` + name +
			`", "director": {"@type": "Person", "name": "` + director + `"}}</script>` + "\n</head><body></body></html>\n"
	}
	latinPage := page(`<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">`, "La Vallée des Cerisiers", "Hélène Dufrêne")
	japanesePage := page(`<meta charset="Shift_JIS">`, "風の帰り道", "山田 花子")
	russianPage := page(`<meta charset=koi8-r>`, "Тихая гавань", "Фёдор Лукин")
	unicodeText := page("", "Mère et fille", "Zoë Ångström")
	pages := map[string][]byte{
		"pages/utf-16le.html": encodeUTF16(unicodeText, binary.LittleEndian),
		"pages/utf-16be.html": encodeUTF16(unicodeText, binary.BigEndian),
	}
	for name, enc := range map[string]struct {
		text string
		enc  encoding.Encoding
	}{
		"pages/windows-1252.html": {latinPage, charmap.Windows1252},
		"pages/shift_jis.html":    {japanesePage, japanese.ShiftJIS},
		"pages/koi8-r.html":       {russianPage, charmap.KOI8R},
		// The Latin page without its <meta>: bytes that are not UTF-8, and
		// no word of what they are.
		"pages/undeclared.html": {strings.Replace(latinPage, `<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">`, "", 1), charmap.Windows1252},
	} {
		b, err := enc.enc.NewEncoder().Bytes([]byte(enc.text))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		pages[name] = b
	}
	// A Shift_JIS lead byte followed by a quote, which no character is.
	bad := bytes.Replace(pages["pages/shift_jis.html"], []byte(`"director"`), []byte("\x82\"director\""), 1)
	pages["pages/bad-shift_jis.html"] = bad
	return pages, nil
}

// encodeUTF16 encodes s as UTF-16 with a byte-order mark.
func encodeUTF16(s string, order binary.AppendByteOrder) []byte {
	b := order.AppendUint16(nil, 0xFEFF)
	for _, u := range utf16.Encode([]rune(s)) {
		b = order.AppendUint16(b, u)
	}
	return b
}

// exits runs a command like exec and checks its exit status, which exec
// alone cannot tell apart (1 for bad input, 2 for a usage error):
//
//	exits 2 film2ld export --nonsense
func exits(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: exits STATUS COMMAND [ARG...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("exits: %v", err)
	}
	got := 0
	if err := ts.Exec(args[1], args[2:]...); err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			ts.Fatalf("exits: %v", err)
		}
		got = ee.ExitCode()
	}
	if got != want {
		ts.Fatalf("exit status %d; want %d", got, want)
	}
}

// notemp checks that no temporary output file (.film2ld-*) is left in
// each folder given, or in the work folder:
//
//	notemp snippets
func notemp(ts *testscript.TestScript, neg bool, args []string) {
	if neg {
		ts.Fatalf("usage: notemp [DIR...]")
	}
	if len(args) == 0 {
		args = []string{"."}
	}
	for _, dir := range args {
		left, err := filepath.Glob(filepath.Join(ts.MkAbs(dir), ".film2ld-*"))
		if err != nil {
			ts.Fatalf("notemp: %v", err)
		}
		if len(left) > 0 {
			ts.Fatalf("temporary files left behind: %v", left)
		}
	}
}

// copyfilms makes N film folders (f1 … fN) under DST, each holding the
// files of SRC, for a batch that takes long enough to be signalled while
// it runs; a shell loop of mkdir and cp took 5 s for 600 on the test VM:
//
//	copyfilms 600 samples many
func copyfilms(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 3 {
		ts.Fatalf("usage: copyfilms N SRC DST")
	}
	n, err := strconv.Atoi(args[0])
	if err != nil || n < 1 {
		ts.Fatalf("copyfilms: N %q is not a count", args[0])
	}
	src := os.DirFS(ts.MkAbs(args[1]))
	for i := 1; i <= n; i++ {
		if err := os.CopyFS(filepath.Join(ts.MkAbs(args[2]), fmt.Sprintf("f%d", i)), src); err != nil {
			ts.Fatalf("copyfilms: %v", err)
		}
	}
}
