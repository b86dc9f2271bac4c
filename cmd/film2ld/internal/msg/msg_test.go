package msg

import "testing"

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
