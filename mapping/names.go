package mapping

import (
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	edlib "github.com/hbollon/go-edlib"
	"golang.org/x/text/cases"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
	"golang.org/x/text/unicode/runenames"

	"github.com/film2ld/film2ld/mapping/internal/lazyre"
	"github.com/film2ld/film2ld/mapping/internal/locale"
)

// foldUnicode strips what names legitimately vary in between sources:
// accents (NFKD, then no combining marks) and case (Unicode case folding,
// so "ß" and "ss" agree), then recomposes (NFC). The four steps run one
// after another on the whole name rather than as a transform.Chain, which
// allocated three 4 KB buffers per name folded: with the same result
// (TestFoldUnicodeMatchesChain), a tenth of a film's allocation before.
func foldUnicode(name string) (string, error) {
	s := norm.NFKD.String(name)
	s, _, err := transform.String(removeMarks, s)
	if err != nil {
		return "", err
	}
	if s, _, err = transform.String(cases.Fold(), s); err != nil {
		return "", err
	}
	return norm.NFC.String(s), nil
}

// foldUnicodeOrLower is foldUnicode, or the name lower-cased where the
// transforms fail.
func foldUnicodeOrLower(name string) string {
	s, err := foldUnicode(name)
	if err != nil {
		return strings.ToLower(name)
	}
	return s
}

// latinFolded is foldUnicodeOrLower of names in Latin letters, a rune at
// a time (TestFoldLatinMemo proves it the same).
var latinFolded = locale.NewLatinMemo(foldUnicodeOrLower)

// removeMarks drops the combining marks that are accents: the
// diacritics NFKD splits from Latin, Greek and Cyrillic letters ("é",
// "ё", "ά"), and Hebrew and Arabic vowel points, which writers add or
// leave out. Other scripts' combining marks are letters' parts, not
// accents: a Devanagari vowel sign ("कमल" and "कमला" are two names), a
// Japanese voicing mark (NFKD splits "が" into "か" and U+3099), a Thai
// vowel; dropping them made different people one. It holds no state, so
// one serves every call.
var removeMarks = runes.Remove(runes.In(accentMarks))

// accentMarks are the combining marks removeMarks drops.
var accentMarks = &unicode.RangeTable{R16: []unicode.Range16{
	{Lo: 0x0300, Hi: 0x036f, Stride: 1}, // Combining Diacritical Marks
	{Lo: 0x0591, Hi: 0x05bd, Stride: 1}, // Hebrew accents and points
	{Lo: 0x05bf, Hi: 0x05bf, Stride: 1},
	{Lo: 0x05c1, Hi: 0x05c2, Stride: 1},
	{Lo: 0x05c4, Hi: 0x05c5, Stride: 1},
	{Lo: 0x05c7, Hi: 0x05c7, Stride: 1},
	{Lo: 0x0610, Hi: 0x061a, Stride: 1}, // Arabic honorifics and marks
	{Lo: 0x064b, Hi: 0x065f, Stride: 1}, // Arabic harakat
	{Lo: 0x0670, Hi: 0x0670, Stride: 1}, // Arabic superscript alef
	{Lo: 0x06d6, Hi: 0x06dc, Stride: 1}, // Arabic Quranic marks
	{Lo: 0x06df, Hi: 0x06e4, Stride: 1},
	{Lo: 0x06e7, Hi: 0x06e8, Stride: 1},
	{Lo: 0x06ea, Hi: 0x06ed, Stride: 1},
	{Lo: 0x1ab0, Hi: 0x1aff, Stride: 1}, // Combining Diacritical Marks Extended
	{Lo: 0x1dc0, Hi: 0x1dff, Stride: 1}, // Combining Diacritical Marks Supplement
	{Lo: 0x20d0, Hi: 0x20ff, Stride: 1}, // Combining Diacritical Marks for Symbols
	{Lo: 0xfe20, Hi: 0xfe2f, Stride: 1}, // Combining Half Marks
}}

// fold returns the identity key of a name: accents, case, spacing and
// punctuation removed ("Essé  Lawson" and "esse lawson" agree). Letters of
// every script are kept, so a name in Cyrillic has a key too. A user's
// screen name keeps its joining punctuation (see handleKey).
func fold(name string) string {
	if k, ok := handleKey(name); ok {
		return k
	}
	return foldWords(name)
}

// handleKey returns the key of a user's screen name: one word whose
// parts are joined by "_", or by "." in lower case ("anne_coesens",
// "ann.lee"), each part folded, the joins kept. Folded as a name, a
// review site's user "anne_coesens" was the film's lead actress, and the
// author of an anonymous user review (audit 15): a handle is an account,
// which one person or another may hold, and only the same handle is the
// same reviewer. "A.O. Scott" has a space, "J.Smith" a capital: names.
func handleKey(name string) (string, bool) {
	if strings.IndexByte(name, '_') < 0 && (strings.IndexByte(name, '.') < 0 || strings.ContainsFunc(name, unicode.IsUpper)) {
		return "", false
	}
	if strings.ContainsFunc(name, unicode.IsSpace) {
		return "", false
	}
	var b strings.Builder
	start := 0
	for i := 0; i < len(name); i++ {
		if c := name[i]; c == '_' || c == '.' {
			b.WriteString(foldWords(name[start:i]))
			b.WriteByte(c)
			start = i + 1
		}
	}
	b.WriteString(foldWords(name[start:]))
	return b.String(), true
}

// foldWords is fold of a name that is no screen name.
func foldWords(name string) string {
	if isASCII(name) {
		// Most names: no accents to strip, and ASCII case folding is
		// lower-casing; the Unicode steps cost more than the rest of
		// combining a film.
		return foldASCII(name)
	}
	s, ok := latinFolded.Apply(name)
	if !ok {
		s = foldUnicodeOrLower(name)
	}
	s = strings.Map(func(r rune) rune {
		if defaultIgnorable(r) {
			// Invisible (a soft hyphen, a zero-width space or joiner, a
			// direction mark): not a space between words either, or
			// "Kval\u200bheim" was a second person.
			return -1
		}
		return baseLetter(r)
	}, s)
	// A mark left (a vowel sign) is part of its word, not a space.
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r)
	}), " ")
}

// defaultIgnorable reports whether r is a Default_Ignorable_Code_Point of
// Unicode (DerivedCoreProperties), which renderers show as nothing: the
// format characters (Cf) but those that show (prepended concatenation
// marks, the interlinear annotation characters), variation selectors and
// Other_Default_Ignorable_Code_Point.
func defaultIgnorable(r rune) bool {
	switch {
	case r < 0xAD:
		return false
	case unicode.Is(unicode.Other_Default_Ignorable_Code_Point, r), unicode.Is(unicode.Variation_Selector, r):
		return true
	case unicode.Is(unicode.Prepended_Concatenation_Mark, r), r >= 0xFFF9 && r <= 0xFFFB:
		return false
	}
	return unicode.Is(unicode.Cf, r)
}

// foldASCII is fold of an ASCII name in one pass: letters lower-cased,
// each run of other bytes between letters and digits one space, none at
// the ends. A name already so (most keys are folded more than once) is
// returned as it is. Lower-casing, splitting and joining were three
// allocations per name and about 3% of a film's export.
func foldASCII(name string) string {
	if k, ok := handleKey(name); ok {
		return k
	}
	folded := true
	prev := byte(' ')
	for i := 0; i < len(name) && folded; i++ {
		c := name[i]
		folded = 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == ' ' && prev != ' ' && i < len(name)-1
		prev = c
	}
	if folded {
		return name
	}
	return string(appendFoldASCII(make([]byte, 0, len(name)), name))
}

// appendFoldASCII appends the fold of an ASCII name to b.
func appendFoldASCII(b []byte, name string) []byte {
	if k, ok := handleKey(name); ok {
		return append(b, k...)
	}
	start := len(b)
	space := false
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch {
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
		default:
			space = len(b) > start
			continue
		}
		if space {
			b = append(b, ' ')
			space = false
		}
		b = append(b, c)
	}
	return b
}

// latinName matches the Unicode names of Latin letters that carry a mark
// but have no decomposition ("LATIN SMALL LETTER L WITH STROKE", ł), and of
// dotless letters (ı).
var latinName = lazyre.New(`^LATIN (?:SMALL|CAPITAL) (?:LETTER|LIGATURE) (?:DOTLESS )?([A-Z]{1,2})(?: WITH .+)?$`)

// baseLetter maps a Latin letter that NFKD leaves whole (ł, ø, đ, ı, æ) to
// its plain letter, read off its name in the Unicode Character Database,
// so that "Sołtys" and "Soltys" fold alike as "Lévêque" and "Leveque" do.
// Two-letter ligatures (æ, œ) are left as they are: strings.Map maps a rune
// to one rune.
func baseLetter(r rune) rune {
	if r < unicode.MaxASCII || !unicode.Is(unicode.Latin, r) {
		return r
	}
	m := latinName.FindStringSubmatch(runenames.Name(r))
	if m == nil || len(m[1]) != 1 {
		return r
	}
	return unicode.ToLower(rune(m[1][0]))
}

// slug turns a name into an IRI path segment: its fold key with hyphens.
func slug(name string) string {
	return strings.ReplaceAll(fold(name), " ", "-")
}

// filmSlug is a title's slug, or, for a title of no letter or digit ("?",
// "…"), whose fold key is empty, the title itself with hyphens for its
// spaces, percent-encoded where a path segment needs it: "?" and "!" of
// one year were both film/-2011, one film to a batch and to a store.
func filmSlug(title string) string {
	if s := slug(title); s != "" {
		return s
	}
	return url.PathEscape(strings.Join(strings.Fields(title), "-"))
}

// typeset counts the words of a name set in capitals alone ("Olivier
// MASSET-DEPASSE", "ZAZ"): credits and prize pages set surnames so (audit
// 18). Of two spellings of one person, the one with fewer is the name as
// it is spelt. Initials ("J. R.") are letters, not words. A particle's
// case is left to the sources: "Van" is a Flemish name's own ("Dries Van
// Noten"), where a Dutch name writes "van".
func typeset(name string) int {
	n := 0
	for _, w := range strings.Fields(name) {
		letters, upper := 0, 0
		for _, r := range w {
			if unicode.IsLetter(r) {
				letters++
				if unicode.IsUpper(r) {
					upper++
				}
			}
		}
		if letters >= 2 && upper == letters {
			n++
		}
	}
	return n
}

// accents scores a spelling of a name: of two that fold alike, the one
// with its diacritics is the better one, so it counts the letters outside
// ASCII; and one without characters a reader does not see or that stand
// for others (oddRune) is better still, so each of those counts as minus
// a thousand letters. A Hangul filler or a fullwidth "Ａ" counted as an
// accent, and such a spelling became the person's name over the plain
// one (audit 6).
func accents(s string) int {
	n := 0
	for _, r := range s {
		switch {
		case r <= unicode.MaxASCII:
		case oddRune(r):
			n -= 1000
		case unicode.IsLetter(r):
			n++
		}
	}
	return n
}

// oddRune reports whether r, outside ASCII, is no plain character of a
// name: ignorable (a Hangul filler, a combining grapheme joiner, a
// variation selector), a format character other than the zero-width
// joiners some scripts spell with (a direction mark), a control, or a
// compatibility character NFKC replaces (fullwidth and ligature forms).
func oddRune(r rune) bool {
	switch {
	case r == 0x200C || r == 0x200D:
		return false
	case unicode.Is(unicode.Other_Default_Ignorable_Code_Point, r), unicode.Is(unicode.Variation_Selector, r),
		unicode.Is(unicode.Cf, r), unicode.IsControl(r):
		return true
	}
	return !norm.NFKC.IsNormalString(string(r))
}

// closeSpelling reports whether two fold keys are one small misspelling
// apart: one insertion, deletion, substitution or swap of neighbours for
// names up to 12 letters, two for longer ones. Short names are never
// close: "Ana" and "Ina" are different people.
func closeSpelling(a, b string) bool {
	if a == b {
		return true
	}
	ra, rb := []rune(a), []rune(b)
	shorter := min(len(ra), len(rb))
	if shorter < 6 {
		return false
	}
	limit := 1
	if shorter > 12 {
		limit = 2
	}
	if abs(len(ra)-len(rb)) > limit {
		return false
	}
	// Optimal string alignment: Levenshtein plus the swap of two
	// neighbouring letters, the commonest typing slip.
	return edlib.OSADamerauLevenshteinDistance(a, b) <= limit
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= unicode.MaxASCII {
			return false
		}
	}
	return true
}

// initialOf reports whether i is the initial of the word w.
func initialOf(i, w string) bool {
	r, n := utf8.DecodeRuneInString(i)
	return n == len(i) && len(w) > n && strings.HasPrefix(w, string(r))
}

// nameTitles are words before a name that are no part of it ("Father
// Anselmo Ruiz", "Dr. Ines Vale"), and nameSuffixes words after it
// ("José Luis Ortega Jr."), as fold writes them.
var (
	nameTitles = map[string]bool{"father": true, "fr": true, "dr": true, "sir": true, "dame": true, "mr": true, "mrs": true,
		"ms": true, "sister": true, "brother": true, "rev": true, "reverend": true, "lord": true, "lady": true, "prof": true}
	nameSuffixes = map[string]bool{"jr": true, "sr": true, "ii": true, "iii": true, "iv": true, "junior": true, "senior": true}
)

// nameCore returns the words of a name as nameVariant compares them:
// folded, without a nickname in quotes or a note in brackets
// ("Guadalupe \"Lupita\" Ibarra"), titles before it or a suffix after.
func nameCore(raw string) []string {
	var b strings.Builder
	depth, quote := 0, rune(0)
	for _, r := range raw {
		switch {
		case quote != 0:
			if r == quote || quote == '“' && r == '”' {
				quote = 0
			}
		case r == '"' || r == '“':
			quote = r
		case r == '(':
			depth++
		case r == ')' && depth > 0:
			depth--
		case depth == 0:
			b.WriteRune(r)
		}
	}
	words := strings.Fields(foldWords(b.String()))
	for len(words) > 2 && nameTitles[words[0]] {
		words = words[1:]
	}
	for len(words) > 2 && nameSuffixes[words[len(words)-1]] {
		words = words[:len(words)-1]
	}
	return words
}

// nameVariant reports whether two names are one name written more or
// less fully: with a title, a suffix or a nickname in quotes the other
// leaves out, or a middle name the other gives as its initial or not at
// all ("María F. Castañeda" and "Maria Fernanda Castaneda", "José Luis
// Ortega Jr." and "Jose Luis Ortega"). The first and last words must
// agree, so two given names alone never join. Audit 15: each such pair
// was two people. Like misspellings, only compared within one credit.
func nameVariant(a, b string) bool {
	return coresVariant(nameCore(a), nameCore(b))
}

// coresVariant is nameVariant of two names' cores (nameCore).
func coresVariant(wa, wb []string) bool {
	if len(wa) < 2 || len(wb) < 2 || wa[0] != wb[0] || wa[len(wa)-1] != wb[len(wb)-1] {
		return false
	}
	if len(wa) > len(wb) {
		wa, wb = wb, wa
	}
	// Each middle word of the shorter name stands, in order, for one of
	// the longer's: the same word, or its initial.
	j := 1
	for _, w := range wa[1 : len(wa)-1] {
		for j < len(wb)-1 && !(wb[j] == w || initialOf(w, wb[j]) || initialOf(wb[j], w)) {
			j++
		}
		if j == len(wb)-1 {
			return false
		}
		j++
	}
	return true
}
