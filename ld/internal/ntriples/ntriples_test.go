package ntriples

import (
	"strings"
	"testing"
)

func TestWriteString(t *testing.T) {
	for in, want := range map[string]string{
		`plain`:                   `"plain"`,
		"quote \" backslash \\":   `"quote \" backslash \\"`,
		"tab\tlf\ncr\r":           `"tab\tlf\ncr\r"`,
		"bs\b ff\f":               `"bs\b ff\f"`,
		"nul\x00 esc\x1b del\x7f": `"nul\u0000 esc\u001B del\u007F"`,
		"Ünïcödé ✓ 𝄞":             `"Ünïcödé ✓ 𝄞"`,
	} {
		var b strings.Builder
		WriteString(&b, in)
		if b.String() != want {
			t.Errorf("WriteString(%q) = %s, want %s", in, b.String(), want)
		}
	}
}

// FuzzWriteString: the byte scan writes what the rune-by-rune writer
// writes, for any string, UTF-8 or not.
func FuzzWriteString(f *testing.F) {
	for _, s := range []string{"plain", "quote \" backslash \\", "tab\tlf\ncr\r\b\f", "nul\x00 esc\x1b del\x7f", "Ünïcödé ✓ 𝄞", "caf\xe9 \xff\xfe", "\xed\xa0\x80"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var fast, slow strings.Builder
		WriteString(&fast, s)
		writeRunes(&slow, s)
		if fast.String() != slow.String() {
			t.Errorf("WriteString(%q) = %s, rune by rune %s", s, fast.String(), slow.String())
		}
	})
}

func TestWriteIRI(t *testing.T) {
	for in, want := range map[string]string{
		"https://films.example/a":                `<https://films.example/a>`,
		"https://films.example/s?q={term}":       `<https://films.example/s?q=\u007Bterm\u007D>`,
		"https://fonts.example/css?family=A|B":   `<https://fonts.example/css?family=A\u007CB>`,
		"https://films.example/a^b`c`":           `<https://films.example/a\u005Eb\u0060c\u0060>`,
		"urn:x:<a> \"b\" \\c\t\x00":              `<urn:x:\u003Ca\u003E\u0020\u0022b\u0022\u0020\u005Cc\u0009\u0000>`,
		"https://films.example/Ünïcödé/✓?𝄞=\x7f": "<https://films.example/Ünïcödé/✓?𝄞=\x7f>",
	} {
		var b strings.Builder
		WriteIRI(&b, in)
		if b.String() != want {
			t.Errorf("WriteIRI(%q) = %s, want %s", in, b.String(), want)
		}
		if got := string(AppendIRI([]byte("x"), in)); got != "x"+want {
			t.Errorf("AppendIRI(%q) = %s, want x%s", in, got, want)
		}
		if got := IRITerm(in); got != want {
			t.Errorf("IRITerm(%q) = %s, want %s", in, got, want)
		}
		if got := TermOfKey("<" + in + ">"); got != want {
			t.Errorf("TermOfKey(<%q>) = %s, want %s", in, got, want)
		}
		if IRIEscaped(in) != (want != "<"+in+">") {
			t.Errorf("IRIEscaped(%q) = %v", in, IRIEscaped(in))
		}
	}
}

// FuzzWriteIRI: the IRI writers agree, and what they write holds no
// character N-Quads' IRIREF excludes, and reads back (\u escapes
// decoded) as the IRI.
func FuzzWriteIRI(f *testing.F) {
	for _, s := range []string{"https://a.example/", "https://a.example/s?q={x}|y^`", "urn:<>\"\\ \x00", "Ünï\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var b strings.Builder
		WriteIRI(&b, s)
		got := b.String()
		if a := string(AppendIRI(nil, s)); a != got || IRITerm(s) != got || TermOfKey("<"+s+">") != got {
			t.Fatalf("writers disagree on %q: %s, %s, %s", s, got, a, IRITerm(s))
		}
		body := got[1 : len(got)-1]
		if i := strings.IndexAny(body, "<>\"{}|^`"); i >= 0 || strings.ContainsFunc(body, func(r rune) bool { return r <= 0x20 }) {
			t.Fatalf("WriteIRI(%q) = %s holds an excluded character", s, got)
		}
		var back strings.Builder
		for i := 0; i < len(body); i++ {
			if body[i] == '\\' {
				if body[i+1] != 'u' || body[i+2:i+4] != "00" {
					t.Fatalf("WriteIRI(%q) = %s: bad escape at %d", s, got, i)
				}
				var c byte
				for _, h := range body[i+4 : i+6] {
					c = c<<4 | byte(strings.IndexRune(hexDigits, h))
				}
				back.WriteByte(c)
				i += 5
				continue
			}
			back.WriteByte(body[i])
		}
		if back.String() != s {
			t.Fatalf("WriteIRI(%q) = %s reads back as %q", s, got, back.String())
		}
	})
}
