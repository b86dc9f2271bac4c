package mapping

import (
	"strings"
	"testing"
	"unicode"

	"github.com/film2ld/film2ld/mapping/internal/locale"
	"github.com/film2ld/film2ld/mapping/internal/mappertest"

	"golang.org/x/text/cases"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// chainFold is how foldUnicode's steps ran before: one transform.Chain.
func chainFold(name string) (string, error) {
	t := transform.Chain(norm.NFKD, runes.Remove(runes.In(accentMarks)), cases.Fold(), norm.NFC)
	s, _, err := transform.String(t, name)
	return s, err
}

// foldInputs are names in many scripts and forms, and every word of the
// test documents.
func foldInputs(t testing.TB) []string {
	in := []string{"", "Essé  Lawson", "Straße", "ǅemal", "ﬁlm", "Ⅻ", "Ångström", "Ǆ", "İstanbul", "ΣΊΣΥΦΟΣ",
		"Łódź", "Søren", "Đorđe", "Ñoño", "e\u0301\u0323", "\u0345ι", "ﬀ", "ǰ\u0323", "\xff\xfe", "a\xcc", "한국어", "東京", "Ωmega",
		"अनुराग वर्मा", "が", "கமலா", "שָׁלוֹם", "مُحَمَّد", "ปิ่น"}
	for _, l := range mappertest.DocumentLines(t, "../testdata") {
		in = append(in, strings.Fields(l)...)
	}
	return in
}

// TestFoldUnicodeMatchesChain: the steps one after another give the
// chain's bytes.
func TestFoldUnicodeMatchesChain(t *testing.T) {
	n := 0
	for _, s := range foldInputs(t) {
		if isASCII(s) {
			continue
		}
		n++
		got, gerr := foldUnicode(s)
		want, werr := chainFold(s)
		if got != want || (gerr == nil) != (werr == nil) {
			t.Errorf("foldUnicode(%q) = %q, %v; the chain gives %q, %v", s, got, gerr, want, werr)
		}
	}
	if n < 100 {
		t.Errorf("only %d names outside ASCII compared", n)
	}
}

// FuzzFoldUnicode: for any text.
func FuzzFoldUnicode(f *testing.F) {
	for _, s := range foldInputs(f)[:40] {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, gerr := foldUnicode(s)
		want, werr := chainFold(s)
		if got != want || (gerr == nil) != (werr == nil) {
			t.Errorf("foldUnicode(%q) = %q, %v; the chain gives %q, %v", s, got, gerr, want, werr)
		}
	})
}

// FuzzFoldASCII: foldASCII (and appendFoldASCII after a prefix) is fold's
// ASCII path as it was, lower-casing, then splitting at and joining over
// what is not a letter or digit.
func FuzzFoldASCII(f *testing.F) {
	for _, s := range []string{"", " ", "Anna Berg", "anna berg", "anna  berg", " anna", "anna ", "O'Brien, Jr.", "AC/DC 2", "a-b", "--", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !isASCII(s) {
			return
		}
		want := strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r)
		}), " ")
		if got := foldASCII(s); got != want {
			t.Errorf("foldASCII(%q) = %q; want %q", s, got, want)
		}
		// Appended after a prefix (the resolver's key kind), the same.
		if got := string(appendFoldASCII([]byte("p"), s)); got != "p"+want {
			t.Errorf("appendFoldASCII(p, %q) = %q; want %q", s, got, "p"+want)
		}
	})
}

// TestFoldKeepsLetterMarks: fold strips accents (Latin, Greek and
// Cyrillic diacritics, Hebrew and Arabic vowel points, which writers add
// or leave out) but not the combining marks that are parts of letters in
// other scripts: Devanagari and Tamil vowel signs, the Japanese voicing
// mark, Thai vowels. Dropping them (and cutting words at a spacing vowel
// sign) made "कमल वर्मा" and "कमला वर्मा", two actors of one cast, one
// person, and minted "अनर-ग-वरम" for "अनुराग वर्मा".
func TestFoldKeepsLetterMarks(t *testing.T) {
	same := [][2]string{
		{"Essé Lawson", "Esse Lawson"}, {"Ёлкин", "Елкин"}, {"Άννα Παππά", "Αννα Παππα"},
		{"שָׁלוֹם כֹּהֵן", "שלום כהן"}, {"مُحَمَّد عَلِي", "محمد علي"}, {"Nguyễn Văn", "Nguyen Van"},
	}
	for _, p := range same {
		if fold(p[0]) != fold(p[1]) {
			t.Errorf("fold(%q) = %q, fold(%q) = %q; want one key", p[0], fold(p[0]), p[1], fold(p[1]))
		}
	}
	differ := [][2]string{
		{"कमल वर्मा", "कमला वर्मा"}, {"अनुराग", "अनराग"}, {"কমল", "কমলা"}, {"கமல்", "கமலா"},
		{"かとう", "がとう"}, {"ガクト", "カクト"}, {"ปิ่น", "ปน"}, {"ਸਿੰਘ", "ਸਘ"},
	}
	for _, p := range differ {
		if fold(p[0]) == fold(p[1]) {
			t.Errorf("fold(%q) = fold(%q) = %q; want two keys", p[0], p[1], fold(p[0]))
		}
	}
	for name, want := range map[string]string{
		"अनुराग वर्मा": "अनुराग-वर्मा",
		"கமலா ஹாசன்":   "கமலா-ஹாசன்",
		"がくと":          "がくと",
		"Essé Lawson":  "esse-lawson",
	} {
		if got := slug(name); got != want {
			t.Errorf("slug(%q) = %q, want %q", name, got, want)
		}
	}
}

// TestFoldIgnoresInvisible: a character renderers show as nothing (a
// soft hyphen, a zero-width space or joiner, a direction mark, a word
// joiner, a byte-order mark, a tag, a variation selector) inside a name
// changes nothing of its key: a zero-width space made "Thea Kval​heim" a
// second person beside Thea Kvalheim.
func TestFoldIgnoresInvisible(t *testing.T) {
	want := fold("Thea Kvalheim")
	for _, r := range []rune{0x00AD, 0x061C, 0x180E, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x2060, 0x2066, 0xFE0F, 0xFEFF, 0xE0041, 0xE0100} {
		for _, name := range []string{"Thea Kval" + string(r) + "heim", "Thea" + string(r) + " Kvalheim", string(r) + "Thea Kvalheim" + string(r)} {
			if got := fold(name); got != want {
				t.Errorf("U+%04X: fold(%q) = %q, want %q", r, name, got, want)
			}
		}
	}
	// Visible format characters stay separators, as other symbols are.
	if got := fold("Thea\u0600Kvalheim"); got != "thea kvalheim" {
		t.Errorf("U+0600: %q", got)
	}
}

// TestFoldLatinMemo proves the table foldWords takes names in Latin
// letters from the same as the transforms, and that the names of the
// test corpus fold alike either way.
func TestFoldLatinMemo(t *testing.T) {
	if err := latinFolded.Verify(); err != nil {
		t.Fatal(err)
	}
	for _, s := range foldInputs(t) {
		if got, ok := latinFolded.Apply(s); ok && got != foldUnicodeOrLower(s) {
			t.Errorf("latinFolded.Apply(%q) = %q; the transforms give %q", s, got, foldUnicodeOrLower(s))
		}
	}
	calls := 0
	locale.NewLatinMemo(func(s string) string { calls++; return foldUnicodeOrLower(s) }).Apply("a")
	if calls != 1 {
		t.Errorf("the folding's table took %d calls; want 1, over every rune at once", calls)
	}
	if got := fold("ÉMILE SStraße-Łukasz"); got != "emile sstrasse lukasz" {
		t.Errorf("fold = %q", got)
	}
}
