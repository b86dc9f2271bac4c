package ld_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/film2ld/film2ld/ld"
	"github.com/film2ld/film2ld/ld/internal/largetest"
)

// Bytes that are not UTF-8 are an error naming the line, column and byte
// offset, in every form of linked data; nothing becomes U+FFFD in silence.
func TestInvalidUTF8(t *testing.T) {
	const s = "<https://a.example/s> <https://a.example/p> "
	tests := []struct {
		name, in string
		f        ld.InputFormat
		msg      string
	}{
		{"iri.nq", s + "<urn:x\xff> .\n", ld.InputNQuads,
			"iri.nq:1:51: invalid UTF-8: byte 0xFF at byte offset 50"},
		{"literal.nq", s + "\"ok\" .\n" + s + "\"caf\xe9\" .\n", ld.InputNQuads,
			"literal.nq:2:49: invalid UTF-8: byte 0xE9 at byte offset 99"},
		{"crlf.nq", s + "\"ok\" .\r\n" + s + "\"a\xc3\" .\r\n", ld.InputNQuads,
			"crlf.nq:2:47: invalid UTF-8: byte 0xC3 at byte offset 98"},
		{"doc.jsonld", "{\n  \"@id\": \"urn:x\",\n  \"http://schema.org/name\": \"Ren\xe9\"\n}", ld.InputJSONLD,
			"doc.jsonld:3:33: invalid UTF-8: byte 0xE9 at byte offset 52"},
		{"page.html", "<html><script type=\"application/ld+json\">\n{\"@id\": \"urn:\xfe\"}\n</script></html>", ld.InputHTML,
			"page.html:2:14: syntax error: JSON-LD block starting on line 1 (invalid script element): invalid UTF-8: byte 0xFE at byte offset 55"},
	}
	p := ld.NewProcessor(ld.Config{})
	for _, tt := range tests {
		_, err := p.Read(strings.NewReader(tt.in), tt.name, tt.f)
		var pe *ld.PosError
		if err == nil || !errors.As(err, &pe) {
			t.Errorf("%s: err = %v; want an error at a position", tt.name, err)
			continue
		}
		if err.Error() != tt.msg {
			t.Errorf("%s:\n got: %s\nwant: %s", tt.name, err, tt.msg)
		}
		if tt.f != ld.InputHTML && !errors.Is(err, ld.ErrInvalidUTF8) {
			t.Errorf("%s: %v is not ErrInvalidUTF8", tt.name, err)
		}
	}
}

func TestCheckUTF8(t *testing.T) {
	if err := ld.CheckUTF8([]byte("\xef\xbb\xbf{\"ok\": \"é\"}"), "x"); err != nil {
		t.Errorf("valid input: %v", err)
	}
	err := ld.CheckUTF8([]byte("line\nab\x80"), "x.nq")
	if err == nil || err.Error() != "x.nq:2:3: invalid UTF-8: byte 0x80 at byte offset 7" {
		t.Errorf("got %v", err)
	}
}

func TestReplaceInvalidUTF8(t *testing.T) {
	out, n := ld.ReplaceInvalidUTF8([]byte("a\xffb\xc3\xa9c\xe2\x82"))
	if string(out) != "a\uFFFDbéc\uFFFD\uFFFD" || n != 3 {
		t.Errorf("got %q, %d", out, n)
	}
	in := []byte("clean é")
	if out, n := ld.ReplaceInvalidUTF8(in); &out[0] != &in[0] || n != 0 {
		t.Errorf("valid input copied or counted: %d", n)
	}
}

// film2ld writes literals of any length, so it must read them back: no
// fixed line limit (bufio.Scanner's stopped at 16 MiB).
func TestFromNQuadsLongLine20MB(t *testing.T) {
	largetest.Skip(t, "a 20 MB line")
	long := strings.Repeat("x", 20<<20)
	in := fmt.Sprintf("<https://a.example/s> <https://a.example/p> \"%s\" .\n<https://a.example/s> <https://a.example/q> \"short\" .\n", long)
	p := ld.NewProcessor(ld.Config{})
	exp, err := p.FromNQuads(strings.NewReader(in), "long.nq")
	if err != nil {
		t.Fatal(err)
	}
	nq, err := p.ToNQuads(exp, ld.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(nq, long) || !strings.Contains(nq, "\"short\"") {
		t.Errorf("the long literal did not survive the trip (%d bytes out)", len(nq))
	}
}

// A last line without a newline, CRLF endings and blank lines read as
// N-Quads say.
func TestFromNQuadsLineEnds(t *testing.T) {
	const q = "<https://a.example/s> <https://a.example/p> \"%d\" ."
	in := fmt.Sprintf(q+"\r\n\r\n"+q+"\n"+q, 1, 2, 3)
	p := ld.NewProcessor(ld.Config{})
	exp, err := p.FromNQuads(bytes.NewReader([]byte(in)), "ends.nq")
	if err != nil {
		t.Fatal(err)
	}
	nq, _ := p.ToNQuads(exp, ld.Options{})
	if strings.Count(nq, "\n") != 3 {
		t.Errorf("got\n%s", nq)
	}
}

// ScanUTF8 places the first byte that is not UTF-8 as CheckUTF8 does,
// however the reads cut the input.
func TestScanUTF8AgreesWithCheckUTF8(t *testing.T) {
	for _, in := range []string{
		"", "plain", "é漢\n字\n", "\xff", "a\xffb", "é\n漢字 \xc3\x28", "\ufeff\xfe",
		"line 1\nline 2 é\n\xe6\xbc", "\xed\xa0\x80", "ok\n\n\xf0\x9f\x98",
		strings.Repeat("é漢\n", 30000) + "x\x80",
	} {
		want := ld.CheckUTF8([]byte(in), "in.html")
		for _, r := range []io.Reader{strings.NewReader(in), iotest.OneByteReader(strings.NewReader(in)), iotest.HalfReader(strings.NewReader(in))} {
			got := ld.ScanUTF8(r, "in.html")
			if (got == nil) != (want == nil) || got != nil && got.Error() != want.Error() {
				t.Errorf("%q: ScanUTF8: %v; CheckUTF8: %v", in, got, want)
			}
		}
	}
}

// ScanUTF8Within judges the characters that start before its limit, a
// character the limit cuts whole, and nothing after: as ScanUTF8 on the
// input cut there, however the reads cut it.
func TestScanUTF8Within(t *testing.T) {
	for _, tt := range []struct {
		in    string
		limit int64
		bad   bool
	}{
		{"abc\xff", 3, false},     // the bad byte starts at the limit
		{"abc\xff", 4, true},      // and before it
		{"ab漢\xff", 3, false},     // a character the limit cuts is read whole
		{"ab\xe6\xbc", 3, true},   // a character cut short before the limit
		{"abc\x80\x80", 3, false}, // stray bytes after the limit
		{"a\xffb", 0, false},      // nothing judged
		{strings.Repeat("é", 40000) + "\xff", 80000, false},
		{strings.Repeat("é", 40000) + "\xff", 80001, true},
		{strings.Repeat("x", 70000) + "\xc3", 70000, false},
	} {
		for _, r := range []io.Reader{strings.NewReader(tt.in), iotest.OneByteReader(strings.NewReader(tt.in)), iotest.HalfReader(strings.NewReader(tt.in))} {
			err := ld.ScanUTF8Within(r, "in", tt.limit)
			if (err != nil) != tt.bad {
				t.Errorf("%.20q…, limit %d: %v; want an error: %v", tt.in, tt.limit, err, tt.bad)
			}
		}
	}
}

// A key written twice in one object is an error at its second writing,
// naming the first, in a JSON-LD file and in a page's block: encoding/json
// kept the last value, and convert wrote it without a word.
func TestDuplicateKeyRefused(t *testing.T) {
	p := ld.NewProcessor(ld.Config{})
	for _, tt := range []struct {
		name, in string
		f        ld.InputFormat
		msg      string
	}{
		{"dup.jsonld", "{\"@context\": \"https://schema.org\", \"@type\": \"Movie\",\n \"name\": \"Alpha\", \"name\": \"Beta\"}", ld.InputJSONLD,
			`dup.jsonld:2:19: a key written twice in one object: "name", first at line 2, column 2`},
		{"dup.html", "<html><script type=\"application/ld+json\">\n{\"@type\": \"Movie\", \"@type\": \"Film\"}\n</script></html>", ld.InputHTML,
			`dup.html:2:20: syntax error: JSON-LD block starting on line 1 (invalid script element): a key written twice in one object: "@type", first at line 2 of the block, column 2`},
		{"nested.jsonld", `{"@context": "https://schema.org", "director": {"name": "A", "url": "u", "name": "B"}, "name": "C"}`, ld.InputJSONLD,
			`nested.jsonld:1:74: a key written twice in one object: "name"`},
	} {
		_, err := p.Read(strings.NewReader(tt.in), tt.name, tt.f)
		if err == nil || !strings.HasPrefix(err.Error(), tt.msg) || !errors.Is(err, ld.ErrDuplicateKey) {
			t.Errorf("%s: %v; want %q", tt.name, err, tt.msg)
		}
	}
	// The same key in two objects is no duplicate.
	if _, err := p.Read(strings.NewReader(`{"@context": "https://schema.org", "name": "A", "director": {"name": "B"}}`), "ok.jsonld", ld.InputJSONLD); err != nil {
		t.Errorf("a key in two objects: %v", err)
	}
}

// spaces reads n spaces.
func spaces(n int64) io.Reader { return io.LimitReader(repeatByte(' '), n) }

type repeatByte byte

func (b repeatByte) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = byte(b)
	}
	return len(p), nil
}

// A syntax problem near an input's start is its error when the first byte
// that is not UTF-8 comes past ld.UTF8Horizon, in each reader that reads
// on for one as it goes; before the horizon, that byte is still the error,
// as a reading of the whole input gives it. Standard input that never
// ends was read on forever.
func TestSyntaxProblemPastUTF8Horizon(t *testing.T) {
	nquads := func(r io.Reader) error {
		_, err := ld.NewDataset().ReadNQuads(r, "in", false)
		return err
	}
	for _, tt := range []struct {
		name, head, want string
		check            func(whole io.Reader) error
	}{
		{"json", "{{", "invalid character '{' looking for beginning of object key string",
			func(whole io.Reader) error { return ld.CheckJSON(whole, "in") }},
		{"turtle", "@prefix\n@prefix", "want a prefix name",
			func(whole io.Reader) error {
				prefix := make([]byte, 64<<10)
				n, _ := io.ReadFull(whole, prefix)
				return ld.TurtlePrefixError(prefix[:n], io.MultiReader(bytes.NewReader(prefix[:n]), whole), "in", false)
			}},
		{"nquads line", "\x00", "unexpected rune",
			func(whole io.Reader) error {
				prefix := make([]byte, 64<<10)
				n, _ := io.ReadFull(whole, prefix)
				return ld.NQuadsPrefixError(prefix[:n], whole, nquads)
			}},
	} {
		for _, far := range []bool{false, true} {
			gap := int64(1 << 20)
			if far {
				gap = ld.UTF8Horizon
			}
			in := io.MultiReader(strings.NewReader(tt.head), spaces(gap), strings.NewReader("\xff"))
			err := tt.check(in)
			switch {
			case far && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Errorf("%s, bad byte past the horizon: %v; want the syntax problem %q", tt.name, err, tt.want)
			case !far && err != nil && !strings.Contains(err.Error(), "invalid UTF-8"):
				// nil leaves it to the reading of the whole input.
				t.Errorf("%s, bad byte 1 MiB on: %v; want the byte, or no decision", tt.name, err)
			}
		}
	}
}
