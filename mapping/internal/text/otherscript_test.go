package text

import (
	"testing"
	"unicode/utf8"
)

// TestWithoutOtherScript: a name written again in its own script in
// brackets is read without it; Latin groups, names wholly in another
// script and unclosed brackets are kept.
func TestWithoutOtherScript(t *testing.T) {
	for in, want := range map[string]string{
		"Zhang Yimou (張藝謀)":                        "Zhang Yimou",
		"Gong Li (鞏俐) as Lin Mei":                  "Gong Li as Lin Mei",
		"Gong Li (鞏俐) (Lin Mei)":                   "Gong Li (Lin Mei)",
		"Zhang Ziyi – Bai Ling (白玲)":               "Zhang Ziyi – Bai Ling",
		"Bong Joon-ho (봉준호), Park Chan-wook (박찬욱)": "Bong Joon-ho, Park Chan-wook",
		"Takuya Kimura (木村拓哉) as Tak":              "Takuya Kimura as Tak",
		"Andrei Tarkovsky (Андрей Тарковский)":     "Andrei Tarkovsky",
		"Ewa Lis (Ewa)":                            "Ewa Lis (Ewa)",
		"Anne Coesens (voice)":                     "Anne Coesens (voice)",
		"張藝謀 (Zhang Yimou)":                        "張藝謀 (Zhang Yimou)",
		"(張藝謀)":                                    "(張藝謀)",
		"Gong Li (1965)":                           "Gong Li (1965)",
		"Gong Li (鞏俐":                              "Gong Li (鞏俐",
		"":                                         "",
	} {
		if got := WithoutOtherScript(in); got != want {
			t.Errorf("WithoutOtherScript(%q) = %q; want %q", in, got, want)
		}
		group := firstGroup(in)
		if (group != "") != (WithoutOtherScript(in) != in) {
			t.Errorf("OtherScriptGroups(%q) starts %q, where WithoutOtherScript gives %q", in, group, WithoutOtherScript(in))
		}
	}
	if g := firstGroup("Gong Li (Lin) (鞏俐)"); g != "(鞏俐)" {
		t.Errorf("OtherScriptGroups: first %q", g)
	}
}

// FuzzWithoutOtherScript: whatever the text, the result is no longer than
// it, holds no group OtherScriptGroups finds, is valid UTF-8 where the text
// is, and is the text itself exactly when no group was found.
func FuzzWithoutOtherScript(f *testing.F) {
	for _, s := range []string{"Zhang Yimou (張藝謀)", "Gong Li (鞏俐) (Lin Mei)", "(張藝謀)", "a (b) (中) c (", "x)(中)"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := WithoutOtherScript(s)
		if len(out) > len(s) {
			t.Fatalf("%q grew to %q", s, out)
		}
		if g := firstGroup(out); g != "" && WithoutOtherScript(out) != out {
			t.Fatalf("%q: %q still holds %q", s, out, g)
		}
		if (firstGroup(s) == "") != (out == s) {
			t.Fatalf("%q: group %q, result %q", s, firstGroup(s), out)
		}
		if utf8.ValidString(s) && !utf8.ValidString(out) {
			t.Fatalf("%q: result %q is not UTF-8", s, out)
		}
	})
}

// firstGroup is the first group OtherScriptGroups finds in s, in its
// brackets, or "".
func firstGroup(s string) string {
	if gs := OtherScriptGroups(s); len(gs) > 0 {
		return "(" + gs[0].Text + ")"
	}
	return ""
}
