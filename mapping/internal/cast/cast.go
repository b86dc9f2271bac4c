// Package cast reads one cast entry as film pages write it: an actor and,
// when stated, the character, however the two are joined ("Anne Coesens as
// Tania", "Anne Coesens – Tania", "Anne Coesens: Tania", "Anne Coesens
// (Tania)", "Anne Coesens ..... Tania"), with annotations such as "(voice)"
// or "(uncredited)" taken out of the names and kept as role names, and
// "as himself" read as a person appearing as themselves, not a character
// called "himself".
//
// Call [Parse] on one entry, without its list mark.
package cast

import (
	"bytes"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/film2ld/film2ld/mapping/film"
	"github.com/film2ld/film2ld/mapping/internal/lazyre"
	"github.com/film2ld/film2ld/mapping/internal/text"
)

// Annotations are what pages put in brackets after an actor or character
// to say how the part was played. They are role names, not part of either
// name. Keys are lower-case; the value is the role name written out.
var Annotations = map[string]string{
	"voice": "voice", "voice role": "voice", "voiced": "voice", "voice-over": "voice-over",
	"voice over": "voice-over", "singing voice": "singing voice", "speaking voice": "speaking voice",
	"uncredited": "uncredited", "not credited": "uncredited",
	"archive footage": "archive footage", "archival footage": "archive footage", "archive": "archive footage",
	"cameo": "cameo", "cameo appearance": "cameo", "cameo role": "cameo", "in a cameo": "cameo", "motion capture": "motion capture",
	"credit only": "credit only", "photograph": "photograph", "photo": "photograph",
	// The same in German, Italian and Spanish articles (audit 15).
	"stimme": "voice", "voce": "voice", "voz": "voice", "nicht im abspann": "uncredited",
	"non accreditato": "uncredited", "non accreditata": "uncredited", "no acreditado": "uncredited",
	"no acreditada": "uncredited", "sin acreditar": "uncredited", "archivmaterial": "archive footage",
	"immagini di repertorio": "archive footage", "material de archivo": "archive footage",
}

// IsAnnotation reports whether a text is an annotation alone ("voice",
// "uncredited", "voice; uncredited"), in any case.
func IsAnnotation(s string) bool {
	_, ok := annotationsOf(s)
	return ok
}

// selves are the character names that mean the actor appears as
// themselves. The role name keeps the document's word.
var selves = map[string]bool{"himself": true, "herself": true, "themselves": true, "themself": true, "self": true}

// functions are what a documentary's participant list writes where a
// character would stand: what the person does in the film, not whom they
// play. They are role names.
var functions = map[string]bool{
	"narrator": true, "narration": true, "host": true, "presenter": true, "interviewer": true,
	"interviewee": true, "commentator": true, "voice-over": true,
}

var (
	parenRe       = lazyre.New(`\s*\(([^()]*)\)`)
	annotationSep = lazyre.New(`\s*[;,]\s*|\s+and\s+`)
	footnoteRe    = lazyre.New(`\[(?:\d+|[a-z]|note \d+|citation needed)\]`)
	// "Anne Coesens (Tania)": the actor, then the character in brackets that
	// may hold brackets of its own ("The Neighbour (older)").
	trailingParenRe = lazyre.New(`^([^()]+?)\s*\((.*)\)$`)
)

// Parse reads one cast entry. ok is false when the entry has no actor (it
// is empty, or starts with the character's brackets). The actor's name is
// not checked here: text.CheckPeople does that for every mapper.
//
// A remark after the part ("; Romero replaced George Raft") is left out;
// a mapper that reports what it leaves out calls ParseRemark.
func Parse(entry string) (m film.CastMember, ok bool) {
	m, _, ok = ParseRemark(entry)
	return m, ok
}

// ParseRemark is Parse, and returns the remark it left out after the
// part, or "": what the article says of the actor or the making of the
// film after a semicolon or a sentence's end ("Cesar Romero as Duke
// Santos; Romero replaced George Raft"), which is no character nor a
// description of one (see cutRemark).
func ParseRemark(entry string) (m film.CastMember, remark string, ok bool) {
	// A name written again in its own script ("Gong Li (鞏俐) as Lin
	// Mei") is read without it: the group was taken for the character.
	s := text.WithoutOtherScript(text.Clean(footnoteRe.ReplaceAllString(entry, "")))
	s, remark = cutRemark(s)
	var d film.CastDetails // m.Details, made only when it holds something
	s, d.CreditedAs = takeCreditedAs(s)
	s, d.RoleNames = takeAnnotations(s)
	// "as Chiara [cameo]": the same annotation in square brackets.
	var square []string
	s, square = takeSquareAnnotations(s)
	for _, r := range square {
		d.RoleNames = appendUnique(d.RoleNames, r)
	}
	actor, character := s, ""
	// The earliest separator splits: in "Anne Coesens – Tania, who works
	// as a cleaner" the dash does, not the "as" of the description.
	at := [2]int{-1, -1} // the separator's start and end
	inside := text.BracketSpans(s)
	for _, sep := range separators {
		// A separator must have something on both sides: "Anne Coes…" is a
		// name cut short, not an actor and an empty character. One inside
		// brackets belongs to the character: "Camila Ruiz (Rosa, as a
		// child)". The first match outside brackets counts, as the
		// first of regexp's FindAllStringIndex did.
		for pos := 0; ; {
			start, end := sep(s, pos)
			if start < 0 {
				break
			}
			if text.Within(inside, start) {
				pos = end
				continue
			}
			if start > 0 && end < len(s) && (at[0] < 0 || start < at[0]) {
				at = [2]int{start, end}
			}
			break
		}
	}
	if at[0] >= 0 {
		actor, character = s[:at[0]], s[at[1]:]
	} else {
		if a, c, ok := trailingParen(s); ok {
			actor, character = a, c
			// "Rahul Sharma (Inspector Vikram) (older)": the first group
			// is the character, the next ones describe it (the greedy
			// group read "Inspector Vikram) (older").
			if groups := bracketGroups("(" + character + ")"); len(groups) > 1 {
				character = groups[0]
				d.Description = strings.Join(groups[1:], ", ")
			}
		}
	}
	actor = strings.TrimSpace(strings.TrimRight(actor, ",;"))
	character = strings.TrimSpace(strings.TrimRight(character, ",;"))
	if !endsInAbbreviation(character) {
		// A sentence's full stop, not the name's.
		character = strings.TrimSpace(strings.TrimRight(character, ".,;"))
	}
	if actor == "" || strings.HasPrefix(actor, "(") {
		return film.CastMember{}, remark, false
	}
	// "as Woody, a pull-string cowboy doll": the name, then a description.
	if i := strings.Index(character, ", "); i > 0 && !strings.Contains(character[:i], "(") {
		d.Description = strings.TrimSpace(character[i+2:])
		character = character[:i]
		if describes(character) && nameLike(d.Description) {
			// "(Kurt's mother, Ilse)", "as the innkeeper, Marta": a
			// description, then the character's name (audit 18: the
			// name was read as the description).
			character, d.Description = d.Description, character
		}
	}
	// "as Sachiko (as a child)": a remark in brackets after the name, in
	// lower case, describes the part (as "(older)" does after a bracketed
	// character); it was kept in the character's name (audit 12). A
	// capitalised group ("Sachiko (Sachi)") is the name's own.
	if at[0] >= 0 && d.Description == "" {
		if name, remark, ok := trailingRemark(character); ok {
			character, d.Description = name, remark
		}
	}
	// "as Chiara, cameo", "as Chiara – uncredited", "(Chiara; voice)":
	// the annotations "(cameo)" writes in brackets, after another
	// separator. They are role names, as in brackets: kept in the
	// character or the description, the part did not merge with another
	// document's "as Chiara (cameo)".
	character, d.Description = takeTrailingAnnotations(&d, character, d.Description)
	// "as Himself", "as himself – narrator", "Self".
	word, rest := character, ""
	if i := strings.IndexAny(character, " /-–—"); i > 0 {
		word, rest = character[:i], strings.TrimLeft(character[i:], " /-–—")
	}
	if selves[strings.ToLower(word)] {
		d.RoleNames = appendUnique(d.RoleNames, strings.ToLower(word))
		character = ""
		if rest != "" {
			// "Himself – Narrator": what the person does is a role name too,
			// as written.
			d.RoleNames = appendUnique(d.RoleNames, rest)
		}
	}
	if functions[strings.ToLower(character)] {
		d.RoleNames = appendUnique(d.RoleNames, strings.ToLower(character))
		character = ""
	}
	if character == "" && functions[strings.ToLower(d.Description)] {
		// "herself, narrator": what the person does, after the word for
		// themselves, is a role name too; it was dropped (audit 13).
		d.RoleNames = appendUnique(d.RoleNames, strings.ToLower(d.Description))
		d.Description = ""
	}
	m.Actor = film.Text{Value: actor}
	m.Character = character
	if len(d.RoleNames) > 0 || d.Description != "" || d.CreditedAs != "" {
		m.Details = &film.CastDetails{RoleNames: d.RoleNames, Description: d.Description, CreditedAs: d.CreditedAs}
	}
	return m, remark, true
}

// describes reports whether a character text describes rather than names:
// it holds a lower-case word that is no particle of a name ("Kurt's
// mother", "the innkeeper", "young Meera"; not "Anthony \"Tony\"
// Bergdorf", "Mr. Potato Head", "Jean de Florette").
func describes(s string) bool {
	if l := strings.ToLower(s); selves[l] || functions[l] {
		return false // "herself, Narrator": see the role names below
	}
	for _, w := range strings.Fields(s) {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsLower(r) && !nameParticles[w] {
			return true
		}
	}
	return false
}

// nameLike reports whether a text reads as a character's name: one to
// four words, each capitalised or a particle, with no digit and no
// possessive ("Ilse", "Marta de la Cruz"; not "Meera's mother", "a
// doll", "Trucker 2").
func nameLike(s string) bool {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 4 || strings.ContainsFunc(s, unicode.IsDigit) {
		return false
	}
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(strings.TrimLeft(w, "\"'“‘«"))
		if strings.Contains(w, "'s") || strings.Contains(w, "’s") || !unicode.IsUpper(r) && !nameParticles[w] {
			return false
		}
	}
	return !selves[strings.ToLower(s)] && !functions[strings.ToLower(s)]
}

// nameParticles are lower-case words inside names ("Marta de la Cruz").
var nameParticles = map[string]bool{
	"van": true, "von": true, "der": true, "den": true, "de": true, "del": true, "della": true, "di": true,
	"da": true, "dos": true, "das": true, "du": true, "la": true, "le": true, "y": true, "bin": true,
	"ibn": true, "al": true, "el": true, "ben": true, "ter": true, "zu": true,
}

// takeTrailingAnnotations takes from a character's name the annotations
// written after it with a separator rather than in brackets ("Chiara,
// cameo", "Chiara – uncredited", "Chiara; voice"), and from the
// description one that is only annotations ("cameo" read off "Chiara,
// cameo"), adding their role names to m; a character that is only
// annotations ("– cameo") leaves none. It returns the character and
// description without them.
func takeTrailingAnnotations(d *film.CastDetails, character, description string) (string, string) {
	if names, ok := annotationsOf(description); ok {
		for _, n := range names {
			d.RoleNames = appendUnique(d.RoleNames, n)
		}
		description = ""
	}
	if names, ok := annotationsOf(character); ok {
		for _, n := range names {
			d.RoleNames = appendUnique(d.RoleNames, n)
		}
		return "", description
	}
	for _, sep := range []string{"; ", " – ", " — ", " - ", ", "} {
		i := strings.LastIndex(character, sep)
		if i <= 0 {
			continue
		}
		if names, ok := annotationsOf(character[i+len(sep):]); ok {
			for _, n := range names {
				d.RoleNames = appendUnique(d.RoleNames, n)
			}
			return strings.TrimSpace(character[:i]), description
		}
	}
	return character, description
}

// annotationsOf returns the role names of a text that is nothing but
// annotations ("cameo", "voice, uncredited"), and whether it is.
func annotationsOf(s string) ([]string, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, false
	}
	if !firstIsAnnotation(s) {
		// Most texts asked are characters' names ("Vesna", "the
		// ferryman"): told by their first part, without splitting and
		// lower-casing the whole (21 allocations a film).
		return nil, false
	}
	var names []string
	for _, part := range annotationSep.Split(strings.ToLower(s), -1) {
		name, ok := Annotations[strings.TrimSpace(part)]
		if !ok {
			return nil, false
		}
		names = appendUnique(names, name)
	}
	return names, true
}

// firstIsAnnotation reports whether the first part of s, up to the first
// of annotationSep's separators, may be an annotation: false means
// annotationsOf(s) is false. It errs towards true, never false wrongly.
func firstIsAnnotation(s string) bool {
	first := s
	if i := strings.IndexAny(first, ";,"); i >= 0 {
		first = first[:i]
	}
	var buf [64]byte
	if len(first) > len(buf) {
		return true // rare: let the whole reading decide
	}
	// Lower-cased first, as annotationsOf reads it, so that "Voice And
	// Uncredited" is cut at its "And" too.
	b := buf[:len(first)]
	for i := range len(first) {
		c := first[i]
		if c >= 0x80 {
			return true // not ASCII: let the whole reading decide
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c == '\t' || c == '\n' || c == '\r' {
			c = ' '
		}
		b[i] = c
	}
	if i := bytes.Index(b, []byte(" and ")); i >= 0 {
		b = b[:i]
	}
	_, ok := Annotations[string(bytes.TrimSpace(b))]
	return ok
}

// takeSquareAnnotations removes the square-bracketed groups that hold
// only annotations ("[cameo]", "[voice; uncredited]") and returns their
// role names; a footnote mark was taken out before.
func takeSquareAnnotations(s string) (string, []string) {
	var names []string
	for from := 0; ; {
		i := strings.IndexByte(s[from:], '[')
		if i < 0 {
			break
		}
		open := from + i
		j := strings.IndexByte(s[open:], ']')
		if j < 0 {
			break
		}
		closing := open + j
		found, ok := annotationsOf(s[open+1 : closing])
		if !ok {
			from = closing + 1
			continue
		}
		for _, n := range found {
			names = appendUnique(names, n)
		}
		s = text.Clean(strings.TrimSpace(s[:open]) + " " + strings.TrimSpace(s[closing+1:]))
		from = min(open, len(s))
	}
	return s, names
}

// takeCreditedAs takes from a cast entry the bracketed group that names
// the actor's credited name ("(credited as Mario Girotti)", "(billed as
// …)"), and returns the entry without it and that name. Left in, the
// group made the actor no person's name and the part was lost (audit
// 13).
func takeCreditedAs(s string) (string, string) {
	for _, prefix := range []string{"(credited as ", "(billed as ", "(as credited: "} {
		i := indexFold(s, prefix)
		if i < 0 {
			continue
		}
		end := strings.IndexByte(s[i:], ')')
		if end < 0 {
			continue
		}
		name := strings.TrimSpace(s[i+len(prefix) : i+end])
		if name == "" || strings.ContainsAny(name, "(") {
			continue
		}
		return text.Clean(strings.TrimSpace(s[:i]) + " " + strings.TrimSpace(s[i+end+1:])), name
	}
	return s, ""
}

// indexFold is strings.Index in any case, for ASCII needles.
func indexFold(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if strings.EqualFold(s[i:i+len(sub)], sub) {
			return i
		}
	}
	return -1
}

// trailingParen is trailingParenRe.FindStringSubmatch(s) without the
// pattern, whose lazy group backtracked over every cast entry written
// "Actor (Character)": ok says it matched, actor and character are its
// groups. The pattern's "(" can only be s's first bracket (its first
// group holds none), its ")" is s's last byte, "." takes anything but a
// line feed, and the lazy first group ends where only \s (the ASCII
// white space \t \n \f \r and space) stands before the "(", taking a
// character at least. FuzzTrailingParen compares the two.
func trailingParen(s string) (actor, character string, ok bool) {
	i := strings.IndexAny(s, "()")
	if i < 1 || s[i] != '(' || s[len(s)-1] != ')' || i == len(s)-1 {
		return "", "", false
	}
	inner := s[i+1 : len(s)-1]
	if strings.IndexByte(inner, '\n') >= 0 {
		return "", "", false
	}
	j := max(len(strings.TrimRight(s[:i], "\t\n\f\r ")), 1)
	return s[:j], inner, true
}

// trailingRemark splits "Sachiko (as a child)" into the name and the
// remark its last bracketed group holds, when the group closes the text,
// stands after a space and starts with a lower-case letter.
func trailingRemark(s string) (name, remark string, ok bool) {
	if !strings.HasSuffix(s, ")") {
		return "", "", false
	}
	depth := 0
	for i := len(s) - 1; i >= 0; i-- {
		switch s[i] {
		case ')':
			depth++
		case '(':
			if depth--; depth == 0 {
				name, remark = strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+1:len(s)-1])
				r, _ := utf8.DecodeRuneInString(remark)
				if i == 0 || s[i-1] != ' ' || name == "" || !unicode.IsLower(r) {
					return "", "", false
				}
				return name, remark, true
			}
		}
	}
	return "", "", false
}

// endsInAbbreviation reports whether s ends in a short capitalised word
// with its full stop, which is part of the name: "Mr. Kapoor Sr.",
// "Dr.", "Agent K.".
func endsInAbbreviation(s string) bool {
	w := s[strings.LastIndexByte(s, ' ')+1:]
	if !strings.HasSuffix(w, ".") {
		return false
	}
	letters := []rune(strings.ReplaceAll(w, ".", ""))
	return len(letters) >= 1 && len(letters) <= 3 && unicode.IsUpper(letters[0])
}

// bracketGroups returns the texts of s's bracketed groups when s is only
// such groups side by side ("(a) (b (c))": "a", "b (c)"), else nil.
func bracketGroups(s string) []string {
	var groups []string
	depth, start := 0, 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '(':
			if depth == 0 {
				start = i + 1
			}
			depth++
		case c == ')':
			if depth == 0 {
				return nil
			}
			if depth--; depth == 0 {
				groups = append(groups, strings.TrimSpace(s[start:i]))
			}
		case depth == 0 && c != ' ':
			return nil
		}
	}
	if depth != 0 {
		return nil
	}
	return groups
}

// takeAnnotations removes every bracketed group that holds only
// annotations ("(voice)", "(voice; uncredited)") and returns their role
// names. A group that holds anything else ("(older)") stays: it is part of
// a name.
func takeAnnotations(s string) (string, []string) {
	var names []string
	out := replaceParenGroups(s, func(g string) string {
		// g is one match of parenRe: white space, "(", text with no
		// bracket, ")". The text is what stands between its brackets;
		// running the pattern again for it was a third of this
		// function's time.
		inner := g[strings.IndexByte(g, '(')+1 : len(g)-1]
		var found []string
		for _, part := range annotationSep.Split(strings.ToLower(inner), -1) {
			name, ok := Annotations[strings.TrimSpace(part)]
			if !ok {
				return g
			}
			found = append(found, name)
		}
		for _, f := range found {
			names = appendUnique(names, f)
		}
		return ""
	})
	return text.Clean(out), names
}

// replaceParenGroups is parenRe.ReplaceAllStringFunc(s, repl) without the
// pattern, which ran over every cast entry with a bracket ("Anne Coesens
// (Tania)"). A match is a "(" whose next bracket is ")", with the white
// space (\s: \t \n \f \r and space) that stands right before it: the
// earliest such "(" starts the leftmost match, and the search goes on
// after its ")". FuzzTrailingParen compares the two.
func replaceParenGroups(s string, repl func(string) string) string {
	var b strings.Builder
	last := 0 // s[:last] is in b
	for from := 0; ; {
		i := strings.IndexByte(s[from:], '(')
		if i < 0 {
			break
		}
		open := from + i
		j := strings.IndexAny(s[open+1:], "()")
		if j < 0 {
			break // no ")" after it, nor after any later "("
		}
		closing := open + 1 + j
		if s[closing] == '(' {
			from = closing // this "(" holds another: the next may match
			continue
		}
		// The match may start anywhere after the last one ended.
		start := len(strings.TrimRight(s[last:open], "\t\n\f\r ")) + last
		b.WriteString(s[last:start])
		b.WriteString(repl(s[start : closing+1]))
		last, from = closing+1, closing+1
	}
	if last == 0 && b.Len() == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

func appendUnique(list []string, s string) []string {
	if s == "" || slices.Contains(list, s) {
		return list
	}
	return append(list, s)
}

// AddRoleName adds a role name to a cast member unless it is there: a
// voice cast section makes every entry in it a voice part.
func AddRoleName(m *film.CastMember, name string) {
	if name == "" || slices.Contains(m.RoleNames(), name) {
		return
	}
	if m.Details == nil {
		m.Details = &film.CastDetails{}
	}
	m.Details.RoleNames = append(m.Details.RoleNames, name)
}
