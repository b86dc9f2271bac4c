package text

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/film2ld/film2ld/mapping/film"
)

// roleSeparators are what cast and credit lines put between a name and what
// follows it. A name that still holds one was split badly: "Anne Coesens —
// Tania" is an actor and a character, not one person.
var roleSeparators = []string{" as ", " – ", " — ", " - ", " / ", " | ", " = "}

// annotationMarks open an annotation or a footnote: "(voice)", "[3]".
const annotationMarks = "()[]{}"

// maxNameWords is the most words a person's name is taken to have; a longer
// value is a sentence or a list that was not split. The longest names in
// credits ("María de los Ángeles García Márquez") have six.
const maxNameWords = 6

// maxNameChars is the most characters a person's name is taken to have:
// six long words and their particles stay well under it. A 16 KB value
// of one word was a Person whose IRI was 16 KB long.
const maxNameChars = 200

// PersonProblem says why a value does not look like a person's name, or
// returns "" when it does. It is a sanity check, not a name parser: it
// rejects what a mapper must never mint as a Person (a value that still
// holds a role separator, an annotation, a sentence, or no letter at all)
// and accepts every name the credits of real films write, with particles
// ("van", "de la"), initials ("V.A."), apostrophes and hyphens.
func PersonProblem(name string) string {
	s := Clean(name)
	switch {
	case s == "":
		return "it is empty"
	case !strings.ContainsFunc(s, unicode.IsLetter):
		return "it has no letter"
	case strings.ContainsFunc(s, unicode.IsDigit):
		// "Policier 1", "Pula 2020": a character or a place and year.
		return "it holds a digit"
	case strings.ContainsAny(s, annotationMarks):
		return "it holds an annotation in brackets"
	case strings.ContainsAny(s, "!?;:"):
		return "it holds sentence punctuation"
	case strings.Contains(s, "…") || strings.Contains(s, "..."):
		return "it is cut short"
	case strings.HasPrefix(s, "-") || strings.HasPrefix(s, "•") || strings.HasPrefix(s, "*"):
		return "it starts with a list mark"
	}
	if mayHoldRoleSeparator(s) {
		padded := " " + strings.ToLower(s) + " "
		for _, sep := range roleSeparators {
			if strings.Contains(padded, sep) {
				return fmt.Sprintf("it holds the role separator %q", strings.TrimSpace(sep))
			}
		}
	}
	if n := utf8.RuneCountInString(s); n > maxNameChars {
		return fmt.Sprintf("it is %d characters long, more than a name is", n)
	}
	// s is clean, so its words are what single spaces part: counted and
	// walked in place, where strings.Fields made a slice for every name
	// checked (49 allocations a film).
	nWords := strings.Count(s, " ") + 1
	if nWords > maxNameWords {
		return fmt.Sprintf("it has %d words, more than a name has", nWords)
	}
	lower := 0
	for w := range strings.SplitSeq(s, " ") {
		if functionWords[w] {
			// "Narrated by Paul Petit", "Anne and Piotr": words that join
			// a name to something else.
			return fmt.Sprintf("it holds the word %q", w)
		}
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsLower(r) && !particleWord(w) {
			lower++
		}
	}
	if lower > 0 && lower*2 >= nWords {
		// "the purser", "various", "and others": lower-case words that are
		// not particles of a surname.
		return "it reads as words, not a name"
	}
	if last := s[strings.LastIndexByte(s, ' ')+1:]; strings.HasSuffix(last, ".") && utf8.RuneCountInString(last) > 4 && nWords > 3 {
		// "… was shot in Liège." ends a sentence; "Jr." and "St." end names.
		return "it reads as a sentence"
	}
	return ""
}

// functionWords are lower-case words that join or introduce names but are
// never part of one.
var functionWords = map[string]bool{
	"by": true, "and": true, "with": true, "featuring": true, "feat.": true, "from": true, "of": true,
	"the": true, "in": true, "for": true, "who": true, "is": true, "was": true, "also": true, "voiced": true,
	"plays": true, "played": true, "starring": true, "directed": true, "written": true, "produced": true,
}

// particleWord reports whether a word that starts in lower case belongs
// in a name: a particle ("van", "de"), or a particle joined to the
// capitalised rest of a surname by an apostrophe ("d'Alembert",
// "dell'Acqua", "l'Herbier") or a hyphen ("al-Hakim", "el-Sayed"), which
// made "Jean-Baptiste d'Alembert" read as words and left out.
func particleWord(w string) bool {
	if nameParticles[strings.ToLower(w)] {
		return true
	}
	i := strings.IndexAny(w, "'’-")
	if i <= 0 {
		return false
	}
	prefix := w[:i]
	_, size := utf8.DecodeRuneInString(w[i:])
	rest, _ := utf8.DecodeRuneInString(w[i+size:])
	if !unicode.IsUpper(rest) {
		return false
	}
	if w[i] == '-' {
		return nameParticles[prefix]
	}
	return elided[prefix]
}

// elided are particles that lose their vowel before a surname's:
// "d'Alembert", "dell'Acqua", "l'Herbier".
var elided = map[string]bool{"d": true, "l": true, "dell": true, "dall": true, "degl": true, "nell": true, "sant": true, "van't": true}

// nameParticles are lower-case words that belong inside names.
var nameParticles = map[string]bool{
	"van": true, "von": true, "der": true, "den": true, "de": true, "del": true, "della": true,
	"di": true, "da": true, "dos": true, "das": true, "do": true, "du": true, "la": true, "le": true,
	"les": true, "y": true, "e": true, "bin": true, "ibn": true, "al": true, "el": true, "ben": true,
	"ter": true, "ten": true, "zu": true, "af": true, "av": true, "mac": true, "ó": true, "ui": true,
}

// CheckPeople leaves out every credited person, actor and author of a
// source work whose name fails PersonProblem, with a note naming its line,
// so that no mapper mints a Person from a badly split value. Organisations
// are not checked: their names hold "&", digits and lower-case words.
// Reviewers are not either: a user review's author is a screen name
// ("marin_du_nord"), which the review mapper judges by its own rules.
// Every mapper runs it last; it is idempotent.
func CheckPeople(src *film.Source) {
	f := &src.Film
	// Invisible characters go first, with a note: a name that looks the
	// same as another must be the same name (see dropInvisible).
	visible := func(t *film.Text) {
		if clean, n := dropInvisible(t.Value); n > 0 {
			t.Value = clean
			src.Notes = append(src.Notes, film.Note{Line: t.Line,
				Message: fmt.Sprintf("removed %d invisible %s (soft hyphen, zero-width space, word joiner, direction mark, filler, tag) from the name %q", n, plural(n, "character", "characters"), Short(clean))})
		}
	}
	// A society's or an honour's letters after a name ("Roger Deakins,
	// ASC", "Kwame Boateng (p.g.a.)") are no part of it: taken off with
	// a note, where a bracket left the person out and a comma made the
	// letters a Person of their own (audit 18).
	letters := func(what noun, t *film.Text) {
		if !mayEndInPostNominal(t.Value) {
			return
		}
		if name, marks := TakePostNominals(t.Value); len(marks) > 0 {
			src.Notes = append(src.Notes, film.Note{Line: t.Line,
				Message: fmt.Sprintf("%s %q: %s after the name %s, not a person; left out", what, Short(t.Value), strings.Join(marks, ", "),
					plural(len(marks), "is a professional society's or an honour's letters", "are professional societies' or honours' letters"))})
			t.Value = name
		}
	}
	for i := range f.Credits {
		c := &f.Credits[i]
		visible(&c.Agent.Name)
		if !c.Agent.Organization {
			letters(noun{credit: c}, &c.Agent.Name)
		}
	}
	for i := range f.Cast {
		visible(&f.Cast[i].Actor)
		letters(noun{word: "actor"}, &f.Cast[i].Actor)
	}
	bad := func(what noun, t film.Text) bool {
		why := PersonProblem(t.Value)
		if why == "" {
			return false
		}
		src.Notes = append(src.Notes, film.Note{Line: t.Line,
			Message: fmt.Sprintf("%s %q does not look like a person's name (%s); left out", what, Short(t.Value), why)})
		return true
	}
	for i := range f.Credits {
		c := &f.Credits[i]
		if c.Agent.Organization || c.Role != film.Contributor && c.Role != film.Producer {
			continue
		}
		if w := OrganizationWord(c.Agent.Name.Value); w != "" {
			// "Restoration: Deutsche Kinemathek", "Producer: Nordvik
			// Film": a crew label film2ld does not know, or one that
			// credits people and companies alike, made a Person of a
			// company (audit 13).
			c.Agent.Organization = true
			src.Notes = append(src.Notes, film.Note{Line: c.Agent.Name.Line,
				Message: fmt.Sprintf("%s %q names an organisation (%q); credited as one", creditWord(*c), Short(c.Agent.Name.Value), w)})
		}
	}
	credits := f.Credits[:0]
	for _, c := range f.Credits {
		if c.Agent.Organization || !bad(noun{credit: &c}, c.Agent.Name) {
			credits = append(credits, c)
		}
	}
	f.Credits = shrunk(f.Credits, credits)
	cast := f.Cast[:0]
	for _, c := range f.Cast {
		if !bad(noun{word: "actor"}, c.Actor) {
			cast = append(cast, c)
		}
	}
	f.Cast = shrunk(f.Cast, cast)
	for i := range f.BasedOn {
		w := &f.BasedOn[i]
		if w.Author != "" && bad(noun{word: "author"}, film.Text{Value: w.Author, Line: w.Name.Line}) {
			w.Author = ""
		}
	}
}

// organizationWords are words that name a company or an institution, in
// the languages of the film credits film2ld reads, lower case.
var organizationWords = map[string]bool{
	"film": true, "films": true, "filmes": true, "filmproduktion": true, "filmverleih": true,
	"production": true, "productions": true, "produktion": true, "producciones": true, "produzioni": true, "produções": true,
	"pictures": true, "studio": true, "studios": true, "entertainment": true, "media": true,
	"distribution": true, "kinemathek": true, "cinémathèque": true, "cinematheque": true, "cineteca": true,
	"filmmuseum": true, "archive": true, "archives": true, "institute": true, "institut": true, "instituto": true,
	"foundation": true, "fondation": true, "fundación": true, "stiftung": true, "fund": true, "fonds": true,
	"centre": true, "center": true, "museum": true, "gmbh": true, "ltd": true, "inc": true, "llc": true,
	"s.a.": true, "s.r.l.": true, "srl": true, "sarl": true, "company": true, "corporation": true,
	"television": true, "broadcasting": true, "channel": true, "records": true, "agency": true,
}

// OrganizationWord returns the word of name that names a company or an
// institution ("Deutsche Kinemathek", "Nordvik Film", "Versus
// Production"), or "".
func OrganizationWord(name string) string {
	var buf [24]byte // a word folded to lower case, without a copy
	for rest := name; rest != ""; {
		rest = strings.TrimLeft(rest, " ")
		w := rest
		if i := strings.IndexByte(rest, ' '); i >= 0 {
			w, rest = rest[:i], rest[i+1:]
		} else {
			rest = ""
		}
		k := strings.Trim(w, ",()")
		if k == "" || len(k) > len(buf) {
			continue
		}
		if isASCII(k) {
			b := buf[:len(k)]
			for i := 0; i < len(k); i++ {
				c := k[i]
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				b[i] = c
			}
			// string(b) in the index makes no string.
			if organizationWords[string(b)] || b[len(b)-1] == '.' && organizationWords[string(b[:len(b)-1])] {
				return w
			}
			continue
		}
		folded := strings.ToLower(k)
		if organizationWords[folded] || organizationWords[strings.TrimSuffix(folded, ".")] {
			return w
		}
	}
	return ""
}

// dropInvisible removes from a name the characters that show as nothing
// and join or split nothing a reader sees: soft hyphens, zero-width
// spaces, word joiners, invisible operators, interlinear annotation
// marks (U+FFF9–U+FFFB), byte-order marks inside the text, tag
// characters and Khmer's invisible vowels. They passed into names, where
// a name with one looked like another without it and was kept apart (a
// zero-width space made a second "Thea Kvalheim"). Direction marks
// (U+200E, U+200F, U+061C) and the combining grapheme joiner go too from
// a name with no letter of a right-to-left script, where they order
// nothing (audit 19: "Rum\u200eierk" kept its mark); in an Arabic or
// Hebrew name they may place its punctuation or order its points, and
// stay. A Hangul compatibility filler stands for a blank and becomes
// one. Joiners (U+200C, U+200D) shape the letters of many scripts: they
// stay. It returns how many characters it removed or replaced.
func dropInvisible(name string) (string, int) {
	drop := invisible
	if !strings.ContainsFunc(name, rightToLeft) {
		// In an Arabic or Hebrew name a direction mark may place its
		// punctuation, and the grapheme joiner order its points.
		drop = func(r rune) bool { return invisible(r) || directionMark(r) || r == 0x034F }
	}
	if !strings.ContainsFunc(name, func(r rune) bool { return drop(r) || hangulFiller(r) }) {
		return name, 0
	}
	n := 0
	clean := strings.Map(func(r rune) rune {
		switch {
		case drop(r):
			n++
			return -1
		case hangulFiller(r):
			// It stands for a blank: the words stay apart.
			n++
			return ' '
		}
		return r
	}, name)
	return strings.Join(strings.Fields(clean), " "), n
}

func invisible(r rune) bool {
	return r == 0x00AD || r == 0x200B || r >= 0x2060 && r <= 0x2064 || r == 0xFEFF || r >= 0xFFF9 && r <= 0xFFFB ||
		r == 0xE0001 || r >= 0xE0020 && r <= 0xE007F || r == 0x17B4 || r == 0x17B5
}

// hangulFiller reports whether r is a Hangul compatibility filler, which
// shows as a blank (the conjoining fillers U+115F and U+1160 are parts
// of syllables, and stay).
func hangulFiller(r rune) bool { return r == 0x3164 || r == 0xFFA0 }

// directionMark reports whether r is a direction mark: left-to-right,
// right-to-left, Arabic letter.
func directionMark(r rune) bool { return r == 0x200E || r == 0x200F || r == 0x061C }

// rightToLeft reports whether r is a letter of a script written from
// right to left.
func rightToLeft(r rune) bool {
	return r >= 0x0590 && unicode.IsLetter(r) && unicode.In(r, unicode.Hebrew, unicode.Arabic, unicode.Syriac,
		unicode.Thaana, unicode.Nko, unicode.Samaritan, unicode.Mandaic, unicode.Adlam, unicode.Hanifi_Rohingya)
}

// shrunk returns kept, what was left of all when filtered in place: as
// it is, or a copy of its own when most of all went, so that all's array
// can go. An article whose 200,000 actors all failed the check (names
// with digits) held their 17 MB of parts through the merge.
func shrunk[T any](all, kept []T) []T {
	if len(all) < 1024 || len(kept) > len(all)/2 {
		clear(all[len(kept):]) // nothing left out stays referred to
		return kept
	}
	return slices.Clone(kept)
}

// mayHoldRoleSeparator reports whether s, lower-cased and padded with a
// space at each end, could hold one of roleSeparators: only "A" lower-cases
// to "a" and only "S" to "s", so " as " needs an "as" in some case, and the
// others their punctuation. Most names hold neither, and building the
// padded copy was an allocation per name checked.
//
// The dashes are looked for as text: strings.ContainsAny with a set that
// is not ASCII looked each rune of the name up in the set (0.5% of a
// film's instructions). A name holds the rune if and only if it holds its
// bytes: a lead byte is never inside another rune's encoding, and a byte
// that is not UTF-8 is read alone
// (TestMayHoldRoleSeparator).
func mayHoldRoleSeparator(s string) bool {
	return strings.ContainsAny(s, "-/|=") || strings.Contains(s, "–") || strings.Contains(s, "—") ||
		strings.Contains(s, "as") || strings.Contains(s, "As") || strings.Contains(s, "aS") || strings.Contains(s, "AS")
}

// mayEndInPostNominal reports whether a name may end in a society's
// letters (see TakePostNominals), by its last byte: a capital, a full
// stop or a bracket. Most names end in a lower-case letter.
func mayEndInPostNominal(name string) bool {
	if name == "" {
		return false
	}
	c := name[len(name)-1]
	return 'A' <= c && c <= 'Z' || c == '.' || c == ')'
}

// noun is what a note calls a name: a credit's creditWord, made only
// when a note is (a lower-case copy of each credit's role name was an
// allocation for every crew member), or a word.
type noun struct {
	credit *film.Credit
	word   string
}

// String returns the noun.
func (n noun) String() string {
	if n.credit != nil {
		return creditWord(*n.credit)
	}
	return n.word
}

// creditWord names a credit in a message: its role name, or its role.
func creditWord(c film.Credit) string {
	if c.RoleName != "" {
		return strings.ToLower(c.RoleName) + " credit"
	}
	return string(c.Role)
}
