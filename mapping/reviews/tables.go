package reviews

import (
	"bytes"
	"maps"
	"slices"
	"strings"
	"unicode"

	"github.com/film2ld/film2ld/mapping/film"

	"github.com/film2ld/film2ld/mapping/internal/lazyre"
	"github.com/film2ld/film2ld/mapping/internal/locale"
)

// The tables below are the layouts' vocabulary. A new label, heading or
// verdict that a rendering of the site uses is one line here (and a test in
// tables_test.go); the classifier and the parser need no change.

// Scales of the site's scores. They are facts about this kind of source,
// which documents them, like its layout: critic scores (each review's and the
// Metascore) run from 0 to 100, user scores (each user's and the average)
// from 0 to 10.
var (
	CriticScale = film.Scale{Worst: num(0), Best: num(100)}
	UserScale   = film.Scale{Worst: num(0), Best: num(10)}
)

func num(v float64) film.Number { return film.Number{Value: v, Set: true} }

// headings maps a section heading (lower case, without a trailing colon or a
// count in parentheses) to the section it opens and whether a score
// distribution follows.
var headings = map[string]struct {
	section section
	buckets bool
	// list is set for the headings of the lists of reviews, under
	// which a number starts a review (see parser.line).
	list bool
}{
	"metascore":                 {critics, false, false},
	"critic score":              {critics, false, false},
	"critics score":             {critics, false, false},
	"critic reviews":            {critics, false, true},
	"critics reviews":           {critics, false, true},
	"critic score distribution": {critics, true, false},
	"user score":                {users, false, false},
	"user reviews":              {users, false, true},
	"user ratings":              {users, false, false},
	"user score distribution":   {users, true, false},
}

// summaryLabels are the labels of a headline score written on one line
// ("Metascore: 81", "81 Metascore", "User score: 8.2").
var summaryLabels = map[string]section{
	"metascore":     critics,
	"critic score":  critics,
	"critics score": critics,
	"user score":    users,
	"userscore":     users,
}

// headlineOnly are the summary labels that never name one review's score.
var headlineOnly = map[string]bool{"metascore": true}

// field is a labelled part of one review.
type field int

const (
	reviewerField field = iota
	publicationField
	scoreField
	dateField
)

// reviewLabels are the labels of a review's parts, as in "Reviewed by: Ann
// Lee" or "Publication: Variety".
var reviewLabels = map[string]field{
	"reviewed by":  reviewerField,
	"review by":    reviewerField,
	"reviewer":     reviewerField,
	"critic":       reviewerField,
	"by":           reviewerField,
	"publication":  publicationField,
	"published in": publicationField,
	"publisher":    publicationField,
	"outlet":       publicationField,
	"source":       publicationField,
	"score":        scoreField,
	"rating":       scoreField,
	"critic score": scoreField,
	"user score":   scoreField,
	"date":         dateField,
	"published":    dateField,
}

// notReviewers are what the site writes where it names no reviewer
// (lower case, without brackets); they are no one's name.
var notReviewers = map[string]bool{
	"staff": true, "staff writer": true, "staff critic": true, "staff (not credited)": true, "staff [not credited]": true,
	"not credited": true, "uncredited": true, "unknown": true, "anonymous": true, "n/a": true,
}

// startLabels are review labels explicit enough to open the next review
// even after the text of the one before, on pages that do not number their
// reviews; other labels ("Critic:", "Source:") there may be text.
var startLabels = map[string]bool{"reviewed by": true, "review by": true, "publication": true}

// verdicts are the site's words for each band of a summary score, in their
// long and short forms. Only a line that is one of them, whole, is taken for
// a verdict standing alone; a verdict followed by "based on N Critics" may
// be any words.
var verdicts = []string{
	"Universal acclaim",
	"Generally favorable reviews", "Generally favorable",
	"Mixed or average reviews", "Mixed or average",
	"Generally unfavorable reviews", "Generally unfavorable",
	"Overwhelming dislike",
}

// countNouns tell which summary a "based on N …" count belongs to; a noun
// of neither kind ("Reviews") belongs to the section it stands in.
var countNouns = map[string]section{
	"critic": critics, "critics": critics, "critic review": critics, "critic reviews": critics,
	"rating": users, "ratings": users, "user rating": users, "user ratings": users,
	"user review": users, "user reviews": users,
}

// boilerplate are lines the site puts around its content that state nothing
// about the film (lower case).
var boilerplate = map[string]bool{
	"watch on":         true,
	"where to watch":   true,
	"read full review": true,
	"full review":      true,
	"full review »":    true,
	"read more":        true,
	"report":           true,
	"expand":           true,
	"show more":        true,
	"write a review":   true,
	"my score":         true,
	"hover to rate":    true,
	"see all":          true,
	// Accessibility links and menus above the page's content.
	"skip to main content": true,
	"skip to content":      true,
	"skip navigation":      true,
	"main menu":            true,
	// Advertising, sharing and social buttons, the link back up and the
	// filters over a list of reviews: the site's furniture, which ran
	// into the review before it ("Lovely.\nAdvertisement", audit 18).
	"advertisement":            true,
	"advertising":              true,
	"sponsored":                true,
	"sponsored content":        true,
	"share":                    true,
	"share this":               true,
	"share this review":        true,
	"share this page":          true,
	"share review":             true,
	"facebook":                 true,
	"twitter":                  true,
	"instagram":                true,
	"pinterest":                true,
	"reddit":                   true,
	"whatsapp":                 true,
	"linkedin":                 true,
	"tumblr":                   true,
	"email":                    true,
	"e-mail":                   true,
	"copy link":                true,
	"tweet":                    true,
	"back to top":              true,
	"scroll to top":            true,
	"return to top":            true,
	"report this review":       true,
	"report abuse":             true,
	"flag":                     true,
	"flag this review":         true,
	"flag as inappropriate":    true,
	"was this review helpful?": true,
	"all reviews":              true,
	"positive reviews":         true,
	"mixed reviews":            true,
	"negative reviews":         true,
}

// promptVerbs open the site's prompts to sign in ("Sign in to see more
// reviews", "Log in / Register", "Sign In"), which are no part of a review
// and name no one (lower case).
var promptVerbs = []string{"sign in", "sign up", "log in", "log out", "login", "register", "subscribe", "create an account", "join now"}

// moreWords are the words of the site's links to more reviews ("See more
// reviews", "Load more", "Show all 12 user reviews"), besides a count;
// moreVerbs the first of them.
var moreVerbs = map[string]bool{"see": true, "view": true, "show": true, "load": true, "read": true, "more": true}

var moreWords = map[string]bool{
	"see": true, "view": true, "show": true, "load": true, "read": true, "more": true, "all": true, "the": true,
	"critic": true, "critics": true, "user": true, "users": true, "reviews": true, "review": true, "ratings": true,
}

// cardEnds are the boilerplate lines that end a review card of the site's
// current design (lower case): the card's link, or the button to report
// it. A line after them is not that review's text: the next card's letter
// grade, or the site's footer, ran on into the review (audit 17).
var cardEnds = map[string]bool{
	"read more":          true,
	"read full review":   true,
	"full review":        true,
	"full review »":      true,
	"report":             true,
	"report this review": true,
	"report abuse":       true,
}

// referenceHeadings head the list of a page's links that text browsers
// print after it (lynx: "References", "Visible links", "Hidden links:"):
// their targets are no part of the page (lower case, no colon).
var referenceHeadings = map[string]bool{"references": true, "visible links": true, "hidden links": true}

// navigationWords are the site's menu entries; a line of three or more of
// them and nothing else is the site's menu ("Movies TV Games Music Browse").
var navigationWords = map[string]bool{
	"movies": true, "movie": true, "tv": true, "shows": true, "games": true, "music": true, "browse": true,
	"news": true, "home": true, "menu": true, "search": true, "login": true, "log": true, "sign": true, "in": true,
	"up": true, "trailers": true, "podcasts": true, "videos": true, "video": true, "people": true, "lists": true,
}

// navigation reports a line (a headingKey) that is the site's menu.
func navigation(key string) bool {
	// Word by word, without a slice of them: every line of every page is
	// asked (strings.Fields was 43 allocations a film).
	words := 0
	for rest := key; ; {
		rest = strings.TrimLeft(rest, " \t")
		if rest == "" {
			return words >= 3
		}
		w := rest
		if i := strings.IndexAny(rest, " \t"); i >= 0 {
			w, rest = rest[:i], rest[i:]
		} else {
			rest = ""
		}
		if !navigationWords[w] {
			return false
		}
		words++
	}
}

// furniture reports a line (a headingKey) that is the site's furniture in
// words the tables cannot list one by one: a prompt to sign in ("Sign in
// to see more reviews", "Log in / Register"), a link to more reviews
// ("See more reviews", "Load more", "Show all 12 user reviews"), a
// social button ("Share on Facebook"), or a logo's caption ("Metacritic
// logo").
func furniture(key string) bool {
	first := key
	if i := strings.IndexAny(key, " \t/:"); i >= 0 {
		first = key[:i]
	}
	if !furnitureFirst[first] && !strings.HasSuffix(key, " logo") {
		return false // most lines: classify asks of every short one
	}
	for _, verb := range promptVerbs {
		rest, ok := strings.CutPrefix(key, verb)
		if !ok {
			continue
		}
		if rest == "" || strings.HasPrefix(rest, "/") {
			return true
		}
		for _, joint := range []string{" to ", " or ", " / ", " | ", " for ", " with "} {
			if strings.HasPrefix(rest, joint) {
				return true
			}
		}
	}
	if strings.HasSuffix(key, " logo") && len(key) <= 40 {
		return true
	}
	for _, social := range []string{"share on ", "share via ", "follow us on "} {
		if strings.HasPrefix(key, social) && countFields(key) <= 4 {
			return true
		}
	}
	// "Load more", "See more reviews", "More reviews": a verb first, then
	// "more" or "all"; not the heading "Critic Reviews", nor "All the
	// more" in a review's text.
	words, more := 0, false
	for rest := key; ; {
		var w string
		if w, rest = nextField(rest); w == "" {
			break
		}
		switch {
		case words == 0 && !moreVerbs[w]:
			return false
		case moreWords[w]:
			more = more || w == "more" || w == "all"
		case allDigits(strings.ReplaceAll(w, ",", "")):
		default:
			return false
		}
		words++
	}
	return more && words >= 2
}

// nextField splits s's first field off as strings.Fields splits, around
// runs of white space: w is "" when none is left. furniture walks its
// key's words with it, where strings.FieldsSeq's closure made every key
// escape to the heap (classify's key of each line, made in a buffer).
func nextField(s string) (w, rest string) {
	start := -1
	for i, r := range s {
		switch space := unicode.IsSpace(r); {
		case start < 0 && !space:
			start = i
		case start >= 0 && space:
			return s[start:i], s[i:]
		}
	}
	if start < 0 {
		return "", ""
	}
	return s[start:], ""
}

// countFields is len(strings.Fields(s)).
func countFields(s string) int {
	n := 0
	for w, rest := nextField(s); w != ""; w, rest = nextField(rest) {
		n++
	}
	return n
}

// isFurniture reports a value that is the site's furniture, not a name
// nor words of a review: a button, a prompt, its menu.
func isFurniture(v string) bool {
	if len(v) > 60 || !furnitureStart(v) {
		// Most values are names, which start with no furniture's word:
		// every reviewer and publication comes here, and the key's
		// lower-case copy was an allocation each.
		return false
	}
	var buf [64]byte
	key := string(appendHeadingKey(buf[:0], v))
	return boilerplate[key] || furniture(key) || navigation(key) || referenceHeadings[key]
}

// furnitureStart reports whether v's first word (any case) is the first
// word of something isFurniture recognises, or v ends as a logo's
// caption does.
func furnitureStart(v string) bool {
	if len(v) > 5 && strings.EqualFold(v[len(v)-5:], " logo") {
		return true
	}
	first := v
	if i := strings.IndexAny(v, " \t/:"); i >= 0 {
		first = v[:i]
	}
	for _, w := range furnitureFirstWords {
		if len(w) == len(first) && strings.EqualFold(w, first) {
			return true
		}
	}
	return false
}

// furnitureFirst is furnitureFirstWords as a set.
var furnitureFirst = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range furnitureFirstWords {
		m[w] = true
	}
	return m
}()

// furnitureFirstWords are the first words of the furniture's tables.
var furnitureFirstWords = func() []string {
	seen := map[string]bool{}
	add := func(s string) {
		if i := strings.IndexAny(s, " \t/:"); i >= 0 {
			s = s[:i]
		}
		seen[s] = true
	}
	for _, table := range []map[string]bool{boilerplate, moreVerbs, navigationWords, referenceHeadings} {
		for k := range table {
			add(k)
		}
	}
	for _, v := range promptVerbs {
		add(v)
	}
	for _, v := range []string{"share", "follow"} {
		add(v)
	}
	return slices.Sorted(maps.Keys(seen))
}()

// footerRe is the site's footer and banners around the page's content,
// which state nothing about the film: a copyright line, the legal links,
// a cookie banner. A footer after the last review was read as its text
// (audit 17).
var footerRe = lazyre.New(`(?i)^(?:©|\(c\) \d{4}|copyright\b)|\ball rights reserved\b|^(?:terms of (?:use|service)|privacy (?:policy|notice)|cookie (?:settings|policy|preferences))\b.*\b(?:terms of (?:use|service)|privacy (?:policy|notice)|cookie (?:settings|policy|preferences))$|\b(?:(?:this (?:site|website)|we) uses? cookies|accept (?:all )?cookies)\b`)

// footerLinks are the footer's legal links and the cookie banner's
// buttons standing alone on their lines, as a copy of the whole page has
// them ("Cookie Settings" above the title, "Terms of Use" under the last
// review; audit 18), lower case.
var footerLinks = map[string]bool{
	"terms of use": true, "terms of service": true, "terms and conditions": true, "privacy policy": true, "privacy notice": true,
	"cookie settings": true, "cookie policy": true, "cookie preferences": true, "manage preferences": true, "manage cookies": true,
	"accept all cookies": true, "accept cookies": true, "reject all": true, "accept all": true,
	"do not sell or share my personal information": true, "do not sell my personal information": true, "your privacy choices": true,
}

// isFooter reports a line of the site's footer or a cookie banner.
func isFooter(l string) bool {
	if !strings.Contains(l, "©") && !strings.Contains(l, "(c)") && !strings.Contains(l, "opyright") && !strings.Contains(l, "ights reserved") &&
		!strings.Contains(l, "olicy") && !strings.Contains(l, "erms of") && !strings.Contains(l, "ookie") && !strings.Contains(l, "ettings") {
		return false
	}
	return footerRe.MatchString(l)
}

// boilerplateRe are boilerplate lines with a count or a title in them.
var boilerplateRe = lazyre.New(`(?i)^(?:see all(?: [\d,]+)? (?:critic|user) reviews|view all(?: [\d,]+)? (?:critic|user) reviews|(?:critic|user) reviews for .+|all this publication's reviews)$`)

// noScoreRe is a summary that states no score: "No user score yet- Awaiting
// 2 more ratings", or the site's "tbd".
var noScoreRe = lazyre.New(`(?i)^(?:no (?:user|critic) (?:score|reviews) yet\b.*|no score yet\b.*|(?:(?:metascore|critics? score|user ?score)\s*:?\s*)?tbd)$`)

// headingKey normalises a line for the headings and boilerplate tables.
func headingKey(l string) string {
	k := strings.ToLower(strings.TrimSuffix(l, ":"))
	if strings.HasSuffix(k, ")") {
		k = countSuffixRe.ReplaceAllString(k, "")
	}
	return strings.TrimSpace(k)
}

// appendHeadingKey appends headingKey(l) to dst: for a line in ASCII
// without a bracket at its end, lower-cased in dst, where headingKey's
// copy was an allocation for most short lines of a page (classify asks
// for the key of every one; most start with a capital).
func appendHeadingKey(dst []byte, l string) []byte {
	n := len(dst)
	b, ascii := locale.AppendLowerASCII(dst, strings.TrimSuffix(l, ":"))
	if !ascii || bytes.HasSuffix(b, closeBracket) {
		return append(dst, headingKey(l)...)
	}
	// An ASCII key's space is ASCII's: bytes.TrimSpace trims what
	// strings.TrimSpace does.
	return append(b[:n], bytes.TrimSpace(b[n:])...)
}

var closeBracket = []byte(")")

var countSuffixRe = lazyre.New(`\s*\([\d,]+\)$`)

// isVerdict reports whether a whole line is one of the site's verdicts.
func isVerdict(l string) bool {
	for _, v := range verdicts {
		if strings.EqualFold(l, v) {
			return true
		}
	}
	return false
}

// siteGenres are the site's genres (lower case), which its current design
// lists one a line under the film's details.
var siteGenres = map[string]bool{
	"action": true, "adventure": true, "animation": true, "biography": true, "comedy": true, "crime": true,
	"documentary": true, "drama": true, "family": true, "fantasy": true, "film-noir": true, "history": true,
	"horror": true, "music": true, "musical": true, "mystery": true, "romance": true, "sci-fi": true,
	"science fiction": true, "sport": true, "thriller": true, "war": true, "western": true,
}

// detail is one fact of the film's details block under the title.
type detail int

const (
	detailUnmapped detail = iota
	detailSummary
	detailDirector
	detailStarring
	detailRuntime
	detailRelease
	detailWriter
	detailGenres
	detailRating
)

// detailLabels are the labels of the film's details that the site's older
// designs print under the title (lower case, without the colon). Details
// film2ld has no field for (the studio, whose part the page does not say)
// are recognised, so that they end no header early, and
// reported in one note.
var detailLabels = map[string]detail{
	"summary":      detailSummary,
	"director":     detailDirector,
	"directors":    detailDirector,
	"director(s)":  detailDirector,
	"directed by":  detailDirector,
	"starring":     detailStarring,
	"cast":         detailStarring,
	"runtime":      detailRuntime,
	"running time": detailRuntime,
	"release date": detailRelease,
	"released":     detailRelease,
	"genre":        detailGenres,
	"genres":       detailGenres,
	"genre(s)":     detailGenres,
	"rating":       detailRating,
	"rated":        detailRating,
	"studio":       detailUnmapped,
	"writer":       detailWriter,
	"writers":      detailWriter,
	"written by":   detailWriter,
}
