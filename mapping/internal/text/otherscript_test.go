package text

import "testing"

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
		group := OtherScriptGroup(in)
		if (group != "") != (WithoutOtherScript(in) != in) {
			t.Errorf("OtherScriptGroup(%q) = %q, where WithoutOtherScript gives %q", in, group, WithoutOtherScript(in))
		}
	}
	if g := OtherScriptGroup("Gong Li (Lin) (鞏俐)"); g != "(鞏俐)" {
		t.Errorf("OtherScriptGroup: %q", g)
	}
}
