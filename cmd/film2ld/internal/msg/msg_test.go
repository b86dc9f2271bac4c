package msg

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestClean(t *testing.T) {
	cases := []struct{ in, want string }{
		{"films/heat/review.txt", "films/heat/review.txt"},
		{"Frédéric Frenay", "Frédéric Frenay"},
		{"C:\\films\\heat", "C:\\films\\heat"},
		{"a\nfilm2ld: error: forged", `a\nfilm2ld: error: forged`},
		{"tab\there\r", `tab\there\r`},
		{"\x1b[2J\x1b[31mred", `\x1B[2J\x1B[31mred`},
		{"bell\x07del\x7f", `bell\x07del\x7F`},
		{"csi\u009b31m", `csi\u009B31m`},
		{"evil\u202Etxt.exe", `evil\u202Etxt.exe`},
		{"iso\u2066late\u2069", `iso\u2066late\u2069`},
		{"mark\u200f", `mark\u200F`},
		{"line\u2028sep", `line\u2028sep`},
		{"bad\xffutf8\xc3", `bad\xFFutf8\xC3`},
		{"نيويورك", "نيويورك"},
	}
	for _, c := range cases {
		if got := Clean(c.in); got != c.want {
			t.Errorf("Clean(%q) = %q; want %q", c.in, got, c.want)
		}
	}
}

func FuzzClean(f *testing.F) {
	f.Add("films/\x1b]0;title\x07/review.txt")
	f.Fuzz(func(t *testing.T, s string) {
		out := Clean(s)
		for _, r := range out {
			if r < 0x20 || r == 0x7f || unsafeRune(r) || r == 0xfffd && !containsRune(s, 0xfffd) {
				t.Fatalf("Clean(%q) = %q keeps %U", s, out, r)
			}
		}
		if Clean(out) != out {
			t.Fatalf("Clean is not idempotent on %q", s)
		}
	})
}

func containsRune(s string, r rune) bool {
	for _, c := range s {
		if c == r {
			return true
		}
	}
	return false
}

// TestClarifyJSON names what Go's JSON readers name by a byte, and
// trailing commas; it leaves every other message as it is.
func TestClarifyJSON(t *testing.T) {
	for _, tt := range []struct {
		message, line string
		col           int
		want          string
	}{
		{"invalid character 'Â' looking for beginning of object key string", "{\"a\": 1,\u00a0\"b\": 2}", 9,
			`invalid character "\u00a0" (U+00A0 NO-BREAK SPACE: JSON takes only spaces, tabs and line breaks as white space) looking for beginning of object key string`},
		{"invalid character 'â' looking for beginning of value", `{"a": “x”}`, 7,
			`invalid character "“" (U+201C LEFT DOUBLE QUOTATION MARK: JSON strings and keys take straight quotes (")) looking for beginning of value`},
		{"invalid character 'Ã' looking for beginning of value", `{"a": é}`, 7,
			`invalid character "é" (U+00E9 LATIN SMALL LETTER E WITH ACUTE) looking for beginning of value`},
		{"invalid character '}' looking for beginning of object key string", `{"a": 1, }`, 10,
			"invalid character '}' (after a trailing comma, which JSON does not allow) looking for beginning of object key string"},
		{"invalid character ']' looking for beginning of value", `["x",	]`, 7,
			"invalid character ']' (after a trailing comma, which JSON does not allow) looking for beginning of value"},
		// Not after a comma, or not the character the message names.
		{"invalid character ']' looking for beginning of value", `{"a": ]`, 7, "invalid character ']' looking for beginning of value"},
		{"invalid character 'x' looking for beginning of value", `{"a": é}`, 7, "invalid character 'x' looking for beginning of value"},
		{"unexpected end of JSON input", `{"a": é`, 7, "unexpected end of JSON input"},
		{"invalid character 'Â' looking for beginning of value", "", 3, "invalid character 'Â' looking for beginning of value"},
	} {
		if got := ClarifyJSON(tt.message, tt.line, tt.col); got != tt.want {
			t.Errorf("ClarifyJSON(%q, %q, %d) =\n%s\nwant\n%s", tt.message, tt.line, tt.col, got, tt.want)
		}
	}
}

func TestClip(t *testing.T) {
	short := "a: number 12 is fine"
	if got := Clip(short); got != short {
		t.Errorf("Clip changed a short message: %q", got)
	}
	long := "in.jsonld: /n: number " + strings.Repeat("9", 100000) + " is too large; write it as a string"
	got := Clip(long)
	if len(got) > MaxLen || !strings.HasPrefix(got, "in.jsonld: /n: number 999") || !strings.HasSuffix(got, "9 is too large; write it as a string") || !strings.Contains(got, " … ") {
		t.Errorf("Clip gave %d bytes: %.80q … %q", len(got), got, got[max(0, len(got)-60):])
	}
	// Cut at character boundaries whatever the characters.
	for _, r := range []string{"é", "漢", "😀"} {
		got := Clip(strings.Repeat(r, MaxLen))
		if !utf8.ValidString(got) || len(got) > MaxLen {
			t.Errorf("%s: %d bytes, valid UTF-8 %v", r, len(got), utf8.ValidString(got))
		}
	}
}

// EscapeJSON leaves JSON's values as they were and no character that
// changes how text is shown in the bytes.
func TestEscapeJSON(t *testing.T) {
	values := []any{
		"plain", "Frédéric", "bad\x1b]0;title\a\u202e.txt", "\u2066isolate\u2069 \u200f\u061c",
		"c1 \u0085 \u009b", "emoji 🎬 and 映画", map[string]any{"key\u202e": []any{"x\u202dy", 1.5}},
	}
	for _, v := range values {
		data, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		got := EscapeJSON(data)
		var back any
		if err := json.Unmarshal(got, &back); err != nil {
			t.Fatalf("%s: %v", got, err)
		}
		var want any
		if err := json.Unmarshal(data, &want); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(back, want) {
			t.Errorf("EscapeJSON(%s) = %s reads as %v, want %v", data, got, back, want)
		}
		for _, r := range string(got) {
			if unsafeRune(r) {
				t.Errorf("EscapeJSON(%s) = %s keeps %U", data, got, r)
			}
		}
		if isPlain(string(data)) && !bytes.Equal(got, data) {
			t.Errorf("EscapeJSON(%s) changed plain JSON: %s", data, got)
		}
	}
}

// CleanLayout escapes as Clean does, but for line breaks and tabs.
func TestCleanLayout(t *testing.T) {
	for in, want := range map[string]string{
		"plain":                      "plain",
		"<h2>bad\x1b]0;t\a</h2>\n":   `<h2>bad\x1B]0;t\x07</h2>` + "\n",
		"a\tb\r\nc\u202ed\xff":       "a\tb\r\nc" + `\u202Ed\xFF`,
		"\n\n":                       "\n\n",
		"Evil\u202e\x1b[31mred</h3>": `Evil\u202E\x1B[31mred</h3>`,
	} {
		if got := CleanLayout(in); got != want {
			t.Errorf("CleanLayout(%q) = %q, want %q", in, got, want)
		}
	}
}
