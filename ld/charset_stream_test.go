package ld_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"testing"
	"testing/iotest"

	"golang.org/x/text/encoding/htmlindex"

	"github.com/film2ld/film2ld/ld"
)

// chunked returns readers of data that hand it out in the ways a
// stream may: a byte at a time, half of what is asked, in odd pieces
// that split characters, surrogate pairs and script blocks, and whole.
func chunked(data []byte) map[string]io.Reader {
	return map[string]io.Reader{
		"whole":  bytes.NewReader(data),
		"bytes":  iotest.OneByteReader(bytes.NewReader(data)),
		"halves": iotest.HalfReader(bytes.NewReader(data)),
		"odd":    &pieces{data: data, sizes: []int{1, 3, 7, 4093, 2, 5}},
		"errEOF": iotest.DataErrReader(&pieces{data: data, sizes: []int{4097, 1, 33}}),
	}
}

// pieces reads data in pieces of the given sizes in turn.
type pieces struct {
	data  []byte
	sizes []int
	i     int
}

func (p *pieces) Read(b []byte) (int, error) {
	if len(p.data) == 0 {
		return 0, io.EOF
	}
	n := min(p.sizes[p.i%len(p.sizes)], len(b), len(p.data))
	p.i++
	copy(b, p.data[:n])
	p.data = p.data[n:]
	return n, nil
}

// sameDecoding checks that DecodeHTMLReader and CheckHTMLDecoding give
// the page what DecodeHTML gives it: the same text, or the same error at
// the same place, quoting the same line; and that the blocks of the
// page read as it goes are those of the page decoded whole.
func sameDecoding(t *testing.T, page []byte) {
	t.Helper()
	want, d, wantErr := ld.DecodeHTML(page, "p.html")
	if head := ld.DeclaredEncoding(page); head.Name != d.Name {
		return // declared past the head: decoded whole alone
	}
	for how, r := range chunked(page) {
		got, err := io.ReadAll(ld.DecodeHTMLReader(r, d, "p.html"))
		if !sameError(err, wantErr) {
			t.Fatalf("%s (%s, read %s): error %s; DecodeHTML's %s", short(page), d.Name, how, describe(err), describe(wantErr))
		}
		if wantErr == nil && !bytes.Equal(got, want) {
			t.Fatalf("%s (%s, read %s): decoded to %s; DecodeHTML's %s", short(page), d.Name, how, short(got), short(want))
		}
	}
	for how, r := range chunked(page) {
		if err := ld.CheckHTMLDecoding(r, d, "p.html"); !sameError(err, wantErr) {
			t.Fatalf("%s (%s, checked %s): %s; DecodeHTML's %s", short(page), d.Name, how, describe(err), describe(wantErr))
		}
	}
	if wantErr != nil {
		return
	}
	wantBlocks, wantBad, wantPage := ld.ExtractHTMLBlocks(bytes.NewReader(want), "p.html")
	gotBlocks, gotBad, gotPage := ld.ExtractHTMLBlocks(ld.DecodeHTMLReader(&pieces{data: page, sizes: []int{5, 4091}}, d, "p.html"), "p.html")
	if fmt.Sprint(gotBlocks, gotBad, gotPage) != fmt.Sprint(wantBlocks, wantBad, wantPage) {
		t.Fatalf("%s (%s): blocks %v %v %v read as it goes; %v %v %v decoded whole", short(page), d.Name, gotBlocks, gotBad, gotPage, wantBlocks, wantBad, wantPage)
	}
}

func sameError(got, want error) bool {
	if got == nil || want == nil {
		return got == nil && want == nil
	}
	var g, w *ld.PosError
	if errors.As(want, &w) {
		return errors.As(got, &g) && g.Pos == w.Pos && g.Source == w.Source && g.Error() == w.Error() && errors.Is(got, ld.ErrUndecodable)
	}
	return got.Error() == want.Error()
}

func describe(err error) string {
	var pe *ld.PosError
	if errors.As(err, &pe) {
		return fmt.Sprintf("%v (line %s)", err, short([]byte(pe.Source)))
	}
	return fmt.Sprint(err)
}

func short(b []byte) string {
	if len(b) > 120 {
		return fmt.Sprintf("%q…(%d bytes)", b[:120], len(b))
	}
	return fmt.Sprintf("%q", b)
}

// TestDecodeHTMLReaderSamePages: pages of every shape, in the encodings
// pages are saved in, read as they go as DecodeHTML reads them whole.
func TestDecodeHTMLReaderSamePages(t *testing.T) {
	block := `<script type="application/ld+json">{"@context": "https://schema.org", "@type": "Movie", "name": "Café crème – 東京物語 😀"}</script>`
	texts := []string{
		"<p>Café crème</p>\n",
		block + "\n",
		"<p>" + strings.Repeat("Été ", 3000) + "</p>\n" + block, // a block past the first buffers
		strings.Repeat("<p>x</p>\r\n", 2000) + block + strings.Repeat("\n<p>ÿ</p>", 500),
		`<script type="application/ld+json">{"name": "` + strings.Repeat("é", 5000) + `"}</script>`,
		`<script type="application/ld+json">{"name": oops}</script>`, // a block that is not JSON
		"",
	}
	for _, label := range []string{"windows-1252", "windows-1251", "iso-8859-2", "shift_jis", "euc-jp", "euc-kr", "big5", "gb18030", "gbk", "koi8-r", "utf-16le", "utf-16be"} {
		enc, err := htmlindex.Get(label)
		if err != nil {
			t.Fatal(err)
		}
		for i, text := range texts {
			t.Run(fmt.Sprintf("%s/%d", label, i), func(t *testing.T) {
				text := "<html><head><meta charset=" + label + ">\n" + text
				if strings.HasPrefix(label, "utf-16") {
					text = "\uFEFF" + text
				}
				// Letters an encoding lacks are left out, as a page
				// saved in it lacks them.
				page, err := enc.NewEncoder().Bytes([]byte(keepEncodable(enc.NewEncoder().Bytes, text)))
				if err != nil {
					t.Fatal(err)
				}
				sameDecoding(t, page)
			})
		}
	}
}

// keepEncodable returns text without the characters encode refuses.
func keepEncodable(encode func([]byte) ([]byte, error), text string) string {
	var b strings.Builder
	for _, r := range text {
		if _, err := encode([]byte(string(r))); err == nil {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// TestDecodeHTMLReaderSameErrors: bytes an encoding does not define, in
// every place (the first line, a long line, past a buffer, the last
// byte), give the error DecodeHTML gives.
func TestDecodeHTMLReaderSameErrors(t *testing.T) {
	long := strings.Repeat("a", 5000)
	for _, page := range []string{
		"<meta charset=shift_jis>\n<p>ab\x82\"cd",
		"<meta charset=shift_jis>\n<p>" + long + "\x82\"cd\nmore\n",
		"<meta charset=shift_jis>" + long + "\n" + long + "\x82",
		"<meta charset=iso-8859-3>\n\n<p>\xa5",
		"<meta charset=windows-1253>\r\n<p>\xaa</p>\r\n",
		"<meta charset=iso-2022-kr><p>",
		"<meta charset=x-user-defined><p>\x81\xff",
		"\xff\xfe<\x00p\x00>\x00\x00\xd8a\x00",
		"\xfe\xff\x00<\xdc\x00",
		"\xff\xfe<\x00p",
		"\xff\xfe<\x00\n\x00" + strings.Repeat("a\x00", 3000) + "\x00\xd8",
		"\xff\xfe<\x00\xfd\xff",
		"\xff\xfe",
		"\xff\xfe\x3d\xd8\x00\xde",      // a pair
		"\xff\xfe\x00\x00<\x00\x00\x00", // UTF-32
		"\x00\x00\xfe\xff\x00\x00\x00<",
	} {
		sameDecoding(t, []byte(page))
	}
}

// TestDecodeHTMLReaderSameJunk: random bytes after each declaration.
func TestDecodeHTMLReaderSameJunk(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, head := range []string{"<meta charset=windows-1252>\n", "<meta charset=shift_jis>\n", "<meta charset=euc-kr>\n", "<meta charset=gb18030>\n", "<meta charset=windows-1255>\n", "\xff\xfe", "\xfe\xff"} {
		for range 30 {
			junk := make([]byte, rng.IntN(20000))
			for i := range junk {
				junk[i] = byte(rng.UintN(256))
				if rng.IntN(8) == 0 {
					junk[i] = "<>\n a\"&"[rng.IntN(7)] // markup, lines
				}
			}
			sameDecoding(t, append([]byte(head), junk...))
		}
	}
}

// FuzzDecodeHTMLReader: any page that declares its encoding at its head
// reads as it goes as DecodeHTML reads it whole.
func FuzzDecodeHTMLReader(f *testing.F) {
	for _, s := range []string{"<meta charset=shift_jis><p>\x82\xa0", "\xff\xfe<\x00", "\xfe\xff\x00<", "<meta charset=gb18030>\x81",
		`<meta http-equiv=content-type content="charset=euc-kr">` + "\xb0\xa1", "<meta charset=windows-1252>\x80\x81"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, page []byte) {
		sameDecoding(t, page)
	})
}
