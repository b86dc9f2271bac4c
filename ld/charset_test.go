package ld_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding/htmlindex"

	"github.com/film2ld/film2ld/ld"
)

// TestDeclaredEncoding: how pages declare their encoding, and what each
// declaration comes to.
func TestDeclaredEncoding(t *testing.T) {
	long := "<!--" + strings.Repeat("x", 1100) + "-->"
	for _, tt := range []struct{ head, name, by string }{
		{"\xff\xfe<\x00h\x00", "utf-16le", "its byte-order mark"},
		{"\xfe\xff\x00<\x00h", "utf-16be", "its byte-order mark"},
		{"\xef\xbb\xbf<html><meta charset=shift_jis>", "", ""}, // the mark wins
		{`<html><head><meta charset="windows-1252">`, "windows-1252", "its <meta charset> on line 1"},
		{"<!DOCTYPE html>\n<html>\n<meta charset='ISO-8859-1'>", "windows-1252", "its <meta charset> on line 3"},
		{`<META CHARSET=" Shift_JIS ">`, "shift_jis", "its <meta charset> on line 1"},
		{`<meta http-equiv="Content-Type" content="text/html; charset=euc-jp">`, "euc-jp", "its <meta http-equiv> on line 1"},
		{`<meta content='text/html;charset="koi8-r"' http-equiv=content-type>`, "koi8-r", "its <meta http-equiv> on line 1"},
		{`<meta http-equiv="Content-Type" content="text/html; charset = gb2312 ; x">`, "gbk", "its <meta http-equiv> on line 1"},
		{`<meta content="text/html; charset=big5">`, "", ""}, // no http-equiv
		// Lowering "Ⱥ" (2 bytes) gives "ⱥ" (3), "İ" gives "i" (1): offsets
		// must come from the text itself.
		{`<meta http-equiv=content-type content="ȺȺȺȺȺȺȺȺ; CharSet=koi8-r">`, "koi8-r", "its <meta http-equiv> on line 1"},
		{`<meta http-equiv=content-type content="İİİİİİİİ; charset=koi8-r">`, "koi8-r", "its <meta http-equiv> on line 1"},
		{`<meta http-equiv=content-type content="ȺȺȺȺȺȺȺȺȺȺȺȺȺȺcharset">`, "", ""},
		{`<meta http-equiv="refresh" content="0; charset=big5">`, "", ""},
		{`<meta charset="utf-8">`, "", ""},
		{`<meta charset="utf-16">`, "", ""}, // UTF-8, as the standard says
		{`<meta charset="x-user-defined">`, "windows-1252", "its <meta charset> on line 1"},
		{`<meta charset="no-such-encoding"><meta charset="windows-1251">`, "windows-1251", "its <meta charset> on line 1"},
		{`<!-- <meta charset="windows-1252"> --><p>`, "", ""},
		{`<script>var s = '<meta charset="windows-1252">';</script>`, "", ""},
		{long + `<meta charset="windows-1252">`, "", ""}, // past 1024 bytes
		{`<html><body>Am` + "\xe9" + `lie`, "", ""},      // nothing declared: no guess
		{"", "", ""},
	} {
		d := ld.DeclaredEncoding([]byte(tt.head))
		if d.Name != tt.name || d.By != tt.by {
			t.Errorf("DeclaredEncoding(%.60q) = %q, %q; want %q, %q", tt.head, d.Name, d.By, tt.name, tt.by)
		}
		// The HTML package's own sniffing finds the same declaration:
		// where it is sure (a byte-order mark), or where a <meta> gives
		// its (unsure) answer and there is one to give.
		if tt.name == "" || strings.Contains(tt.head, "x-user-defined") {
			continue
		}
		enc, name, _ := charset.DetermineEncoding([]byte(tt.head), "")
		if got, _ := htmlindex.Name(enc); got != tt.name && name != tt.name {
			t.Errorf("%.60q: golang.org/x/net/html/charset finds %q (%q), DeclaredEncoding %q", tt.head, name, got, tt.name)
		}
	}
}

// TestDecodeHTML reads a page of our own in each encoding the Encoding
// Standard defines for pages, as ExtractHTML reads it after DecodeHTML.
func TestDecodeHTML(t *testing.T) {
	for _, tt := range []struct{ label, name, director string }{
		{"windows-1252", "Les Étés immobiles — 2€", "Hélène Dufrêne"},
		{"iso-8859-2", "Łąka", "Zoltán Kovács"},
		{"windows-1250", "Žlutý kůň", "Jiří Čermák"},
		{"windows-1251", "Тихая гавань", "Фёдор Лукин"},
		{"koi8-r", "Тихая гавань", "Фёдор Лукин"},
		{"iso-8859-7", "Η σιωπή", "Ελένη Παππά"},
		{"windows-1253", "Η σιωπή", "Ελένη Παππά"},
		{"iso-8859-8", "שקט", "דנה לוי"},
		{"windows-1254", "Sessizlik", "Ayşe Öztürk"},
		{"windows-874", "ความเงียบ", "สมชาย ใจดี"},
		{"shift_jis", "風の帰り道", "山田 花子"},
		{"euc-jp", "風の帰り道", "山田 花子"},
		{"iso-2022-jp", "風の帰り道", "山田 花子"},
		{"gbk", "归途", "李 明"},
		{"gb18030", "归途", "李 明"},
		{"big5", "歸途", "陳 大文"},
		{"euc-kr", "귀로", "김 민수"},
	} {
		t.Run(tt.label, func(t *testing.T) {
			text := "<!DOCTYPE html>\n<html><head><meta charset=\"" + tt.label + "\">\n" +
				`<script type="application/ld+json">{"@context": "https://schema.org", "@type": "Movie", "name": "` + tt.name +
				`", "director": {"@type": "Person", "name": "` + tt.director + `"}}</script></head></html>`
			enc, err := htmlindex.Get(tt.label)
			if err != nil {
				t.Fatal(err)
			}
			page, err := enc.NewEncoder().Bytes([]byte(text))
			if err != nil {
				t.Fatal(err)
			}
			if _, err := ld.ExtractHTML(bytes.NewReader(page), "page.html"); tt.label != "iso-2022-jp" && !errors.Is(err, ld.ErrInvalidUTF8) {
				t.Errorf("read as UTF-8: %v; want ErrInvalidUTF8", err)
			}
			out, d, err := ld.DecodeHTML(page, "page.html")
			if err != nil {
				t.Fatal(err)
			}
			if want, _ := htmlindex.Name(enc); d.Name != want || d.By != "its <meta charset> on line 2" {
				t.Errorf("declared %q by %q; want %q by its <meta charset> on line 2", d.Name, d.By, want)
			}
			if string(out) != text {
				t.Errorf("decoded:\n%s\nwant:\n%s", out, text)
			}
			blocks, err := ld.ExtractHTML(bytes.NewReader(out), "page.html")
			if err != nil || len(blocks) != 1 {
				t.Fatalf("ExtractHTML: %d blocks, %v", len(blocks), err)
			}
			m := blocks[0].Doc.(map[string]any)
			if m["name"] != tt.name || m["director"].(map[string]any)["name"] != tt.director {
				t.Errorf("read %v", m)
			}
		})
	}
	// UTF-16, told by its byte-order mark alone.
	for _, label := range []string{"utf-16le", "utf-16be"} {
		text := `<html><script type="application/ld+json">{"@type": "Movie", "name": "Mère 𝄞"}</script></html>`
		enc, _ := htmlindex.Get(label)
		body, _ := enc.NewEncoder().Bytes([]byte(text))
		bom := []byte{0xFF, 0xFE}
		if label == "utf-16be" {
			bom = []byte{0xFE, 0xFF}
		}
		page := append(bom, body...)
		if got := ld.DetectInput("", page); got != ld.InputHTML {
			t.Errorf("%s: DetectInput = %v, want HTML", label, got)
		}
		out, d, err := ld.DecodeHTML(page, "page")
		if err != nil || string(out) != text || d.Name != label {
			t.Errorf("%s: %q, %+v, %v", label, out, d, err)
		}
	}
}

// TestDecodeHTMLLeavesUTF8 returns a page in UTF-8, or that declares
// nothing, as it is: the same bytes, not a copy.
func TestDecodeHTMLLeavesUTF8(t *testing.T) {
	for _, page := range []string{
		`<meta charset="utf-8"><p>Amélie`,
		"\xef\xbb\xbf<p>Amélie",
		"<p>Am\xe9lie", // not UTF-8, and not said to be anything else
		"",
	} {
		in := []byte(page)
		out, d, err := ld.DecodeHTML(in, "p.html")
		if err != nil || d.Name != "" || string(out) != page || len(in) > 0 && &out[0] != &in[0] {
			t.Errorf("DecodeHTML(%q) = %q, %+v, %v; want the input itself", page, out, d, err)
		}
	}
}

// TestDecodeHTMLRefuses places bytes the declared encoding does not define
// in the decoded page, and refuses the encodings browsers decode to
// U+FFFD alone.
func TestDecodeHTMLRefuses(t *testing.T) {
	for _, tt := range []struct {
		page, where, msg string
	}{
		// A Shift_JIS lead byte before a quote.
		{"<meta charset=shift_jis>\n<p>ab\x82\"cd", "p.html:2:6", "bytes that are not shift_jis text, the encoding its <meta charset> on line 1 declares"},
		// A byte ISO-8859-3 leaves undefined (the Encoding Standard's
		// index too).
		{"<meta charset=iso-8859-3>\n\n<p>\xa5", "p.html:3:4", "bytes that are not iso-8859-3 text"},
		{"<meta charset=iso-2022-kr><p>", "p.html:1:1", `the Encoding Standard's "replacement"`},
		// A high surrogate, then a letter: after "<p>" on line 1.
		{"\xff\xfe<\x00p\x00>\x00\x00\xd8a\x00", "p.html:1:4", "half of a UTF-16 surrogate pair without the other half, at byte offset 8"},
		{"\xfe\xff\x00<\xdc\x00", "p.html:1:2", "at byte offset 4"},
		{"\xff\xfe<\x00p", "p.html:1:2", "at byte offset 4"}, // an odd last byte
		// UTF-32, whose little-endian mark starts with UTF-16's: read as
		// UTF-16, the page's every tag was lost ("no block", exit 0).
		{"\xff\xfe\x00\x00<\x00\x00\x00p\x00\x00\x00>\x00\x00\x00", "p.html:1:1", "the page is UTF-32 (it starts with a UTF-32 byte-order mark)"},
		{"\x00\x00\xfe\xff\x00\x00\x00<", "p.html:1:1", "which browsers do not read"},
	} {
		_, _, err := ld.DecodeHTML([]byte(tt.page), "p.html")
		var pe *ld.PosError
		if !errors.As(err, &pe) || !errors.Is(err, ld.ErrUndecodable) {
			t.Errorf("%q: %v; want a *PosError that is ErrUndecodable", tt.page, err)
			continue
		}
		if pe.Pos.String() != tt.where || !strings.Contains(pe.Err.Error(), tt.msg) {
			t.Errorf("%q: %s: %v; want %s: …%s…", tt.page, pe.Pos, pe.Err, tt.where, tt.msg)
		}
	}
	// The windows-* code pages' undefined bytes from 0x80 to 0x9F are
	// the C1 controls of the same number, as the Encoding Standard's
	// indexes (and browsers) have them; x/text made them U+FFFD, and
	// such a page was refused.
	for _, tt := range []struct{ label, page, want string }{
		{"windows-1252", "<p>\x80\x81\x8d\x8f\x90\x9d\x9f", "<p>€\u0081\u008d\u008f\u0090\u009dŸ"},
		{"iso-8859-1", "<p>\x81\xe9", "<p>\u0081é"},
		{"windows-1250", "<p>\x81\x83\x8a", "<p>\u0081\u0083Š"},
	} {
		out, d, err := ld.DecodeHTML([]byte("<meta charset="+tt.label+">"+tt.page), "p.html")
		if err != nil || strings.TrimPrefix(string(out), "<meta charset="+tt.label+">") != tt.want {
			t.Errorf("%s: %q (read as %s), %v; want %q", tt.label, out, d.Name, err, tt.want)
		}
	}
	// GB18030 and UTF-16 write U+FFFD itself: kept.
	enc, _ := htmlindex.Get("gb18030")
	page, _ := enc.NewEncoder().Bytes([]byte("<meta charset=gb18030><p>\ufffd"))
	if out, _, err := ld.DecodeHTML(page, "p.html"); err != nil || !strings.HasSuffix(string(out), "\ufffd") {
		t.Errorf("gb18030 U+FFFD: %q, %v", out, err)
	}
	if out, _, err := ld.DecodeHTML([]byte("\xff\xfe<\x00\xfd\xff"), "p.html"); err != nil || string(out) != "<\ufffd" {
		t.Errorf("utf-16le U+FFFD: %q, %v", out, err)
	}
}

// FuzzDeclaredEncoding: any <meta> content gives a declaration or none,
// never a panic.
func FuzzDeclaredEncoding(f *testing.F) {
	f.Add("text/html; charset=windows-1252")
	f.Add("ȺȺȺcharset")
	f.Add("charset = 'shift_jis")
	f.Fuzz(func(t *testing.T, content string) {
		ld.DeclaredEncoding([]byte(`<meta http-equiv="Content-Type" content="` + content + `">`))
		ld.DeclaredEncoding([]byte(`<meta charset="` + content + `">`))
	})
}

// FuzzDecodeHTML: any bytes give UTF-8 or an error; a page that declares
// nothing comes back unchanged.
func FuzzDecodeHTML(f *testing.F) {
	for _, s := range []string{"<meta charset=shift_jis><p>\x82\xa0", "\xff\xfe<\x00", "\xfe\xff\x00<", "<meta charset=gb18030>\x81",
		`<meta http-equiv=content-type content="charset=euc-kr">` + "\xb0\xa1", "<meta charset=windows-1252>\x80\x81", "<p>\xe9"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, page []byte) {
		out, d, err := ld.DecodeHTML(page, "p.html")
		switch {
		case err != nil:
			if !errors.Is(err, ld.ErrUndecodable) {
				t.Fatalf("%q: %v is not ErrUndecodable", page, err)
			}
		case d.Name == "":
			if !bytes.Equal(out, page) {
				t.Fatalf("%q declares nothing, and came back as %q", page, out)
			}
		case !utf8.Valid(out):
			t.Fatalf("%q (%s) decoded to %q, not UTF-8", page, d.Name, out)
		}
	})
}

// TestDecodeHTMLLateDeclaration follows a <meta> past the first 1024
// bytes in a page that is not UTF-8, as a browser reads such a page again,
// and leaves a UTF-8 page as it is whatever it declares there.
func TestDecodeHTMLLateDeclaration(t *testing.T) {
	head := "<html><head>\n<script>" + strings.Repeat("var x = 1;\n", 120) + "</script>\n"
	late := head + `<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">` +
		"\n<script type=\"application/ld+json\">{\"name\": \"Am\xe9lie\"}</script>"
	out, d, err := ld.DecodeHTML([]byte(late), "p.html")
	if err != nil || d.Name != "windows-1252" || d.By != "its <meta http-equiv> on line 123" || !strings.Contains(string(out), `"Amélie"`) {
		t.Errorf("late declaration: %+v, %v, %q", d, err, out[len(out)-60:])
	}
	utf8Page := head + `<meta charset="windows-1252"><p>Amélie</p>`
	if out, d, err := ld.DecodeHTML([]byte(utf8Page), "p.html"); err != nil || d.Name != "" || string(out) != utf8Page {
		t.Errorf("UTF-8 page with a late declaration: %+v, %v", d, err)
	}
	none := head + "<p>Am\xe9lie</p>"
	if out, d, err := ld.DecodeHTML([]byte(none), "p.html"); err != nil || d.Name != "" || string(out) != none {
		t.Errorf("no declaration: %+v, %v", d, err)
	}
}
