package mapping

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/film2ld/film2ld/ld/diag"

	"github.com/film2ld/film2ld/mapping/encyclopedia"
	"github.com/film2ld/film2ld/mapping/film"
	"github.com/film2ld/film2ld/mapping/internal/text"
	"github.com/film2ld/film2ld/mapping/prize"
	"github.com/film2ld/film2ld/mapping/reviews"
)

// Errors a caller can branch on with errors.Is. They reach the caller
// wrapped in a *film.Error that names the document (and the line, where
// there is one).
var (
	// ErrEmpty means the document holds nothing but white space.
	ErrEmpty = text.ErrEmpty
	// ErrBinary means the document is not text.
	ErrBinary = text.ErrBinary
	// ErrCutOff means the document stops in the middle of a character, a
	// line or a link, as a download that did not finish does.
	ErrCutOff = text.ErrCutOff
	// ErrUnknownKind means the document is text but not a film document of
	// any kind film2ld reads.
	ErrUnknownKind = errors.New("not a film document of a known kind (reviews, encyclopedia, prize)")
	// ErrBadKind means a kind name given by the user is not one film2ld knows.
	ErrBadKind = errors.New("unknown kind")
	// ErrNotThisKind means a document read as the kind the caller named
	// has none of that kind's layout and yields no fact but a title: any
	// text's first line would otherwise become a film.
	ErrNotThisKind = errors.New("not a document of the kind named")
)

// kindInfo ties a kind to its mapper.
type kindInfo struct {
	kind    film.Kind
	signals func([]string) int
	parse   func(*text.Doc) (*film.Source, error)
	// checksPeople says that parse runs text.CheckPeople last, so Map
	// need not run it again (TestMappersCheckPeople holds them to it).
	checksPeople bool
}

var kinds = []kindInfo{
	{film.Reviews, reviews.Signals, reviews.FromDoc, false},
	{film.Encyclopedia, encyclopedia.Signals, encyclopedia.FromDoc, true},
	{film.Prize, prize.Signals, prize.FromDoc, true},
}

// minSignals is how many layout signals a document needs before it is taken
// for a kind: one stray "Key: value" line is not a film page.
const minSignals = 2

// ParseKind reads a kind name as `--kind` takes it.
func ParseKind(s string) (film.Kind, error) {
	for _, k := range kinds {
		if string(k.kind) == s {
			return k.kind, nil
		}
	}
	return "", fmt.Errorf("%w %q (want reviews, encyclopedia or prize)", ErrBadKind, s)
}

// Detect tells which kind of film document data is by looking at its
// content (never its name): each kind counts the lines only its layout has,
// and the kind with most wins.
func Detect(data []byte, name string) (film.Kind, error) {
	return DetectReader(bytes.NewReader(data), name)
}

// MaxDocument is the size of the largest film document DetectReader,
// Map and the pipeline read: a larger one is refused once one byte more
// is read, so DetectReader reads at most MaxDocument+1 bytes.
const MaxDocument = text.MaxDocument

// DetectReader is Detect of a document read from r as it goes: what is
// no film document is refused as the film reader refuses it (a line
// over 1 MiB, binary data, over 64 MiB) from the bytes that tell it,
// never read whole first.
func DetectReader(r io.Reader, name string) (film.Kind, error) {
	doc, err := text.Read(r, name)
	if err != nil {
		return "", err
	}
	return detect(doc)
}

func detect(doc *text.Doc) (film.Kind, error) {
	name := doc.Name
	best, bestScore := film.Kind(""), 0
	for _, k := range kinds {
		if s := k.signals(doc.Lines); s > bestScore {
			best, bestScore = k.kind, s
		}
	}
	if bestScore < minSignals {
		return "", &film.Error{Pos: diag.Position{File: name}, Err: ErrUnknownKind}
	}
	return best, nil
}

// Map reads one film document. With kind "" the kind is detected from the
// content. Errors name the document and, where there is one, the line.
func Map(r io.Reader, name string, kind film.Kind) (*film.Source, error) {
	if kind != "" {
		// Before reading: a wrong kind is the caller's mistake, not the
		// document's.
		if _, err := ParseKind(string(kind)); err != nil {
			return nil, err
		}
	}
	doc, err := text.Read(r, name)
	if err != nil {
		return nil, err
	}
	forced := kind != ""
	if !forced {
		if kind, err = detect(doc); err != nil {
			return nil, err
		}
	}
	for _, k := range kinds {
		if k.kind != kind {
			continue
		}
		src, err := k.parse(doc)
		if err == nil && !k.checksPeople {
			// Whatever the mapper, a value that does not look like a
			// person's name is never minted as a Person. The check is
			// idempotent, so a mapper that ran it last is not checked
			// twice (it was 1.6% of a batch export's CPU).
			text.CheckPeople(src)
		}
		if err == nil {
			keepOtherScript(src, doc.Lines)
			keepCreditedAs(src)
			src.Film.Cast = fitted(src.Film.Cast)
		}
		if err == nil && forced && (k.signals(doc.Lines) == 0 || !hasFacts(src)) {
			err = &film.Error{Pos: diag.Position{File: name}, Err: fmt.Errorf("%w: read as --kind %s, it has neither the layout nor any fact of a %s", ErrNotThisKind, kind, kindNoun[kind])}
		}
		if err != nil && forced {
			// The kind named is wrong more often than the document
			// (audit 18: an article read as --kind reviews was "no
			// verdict, score distribution or review found", no more).
			if other, derr := detect(doc); derr == nil && other != kind {
				return nil, &WrongKindError{Err: err, Kind: kind, Detected: other}
			}
		}
		if err != nil {
			return nil, err
		}
		return src, nil
	}
	return nil, fmt.Errorf("%w %q", ErrBadKind, kind)
}

// WrongKindError is Map's error for a document read as the kind the
// caller named that reads as another kind when detected: the mapper's
// own error, and the kind detection finds, for the caller's hint.
type WrongKindError struct {
	// Err is the mapper's error for the kind named.
	Err error
	// Kind is the kind named; Detected the one detection finds.
	Kind     film.Kind
	Detected film.Kind
}

// Error says the mapper's error and the kind the document reads as.
func (e *WrongKindError) Error() string {
	noun := kindNoun[e.Detected]
	article := "a"
	if strings.IndexAny(noun[:1], "aeiou") == 0 {
		article = "an"
	}
	return fmt.Sprintf("%v (it reads as %s %s)", e.Err, article, noun)
}

// Unwrap returns the mapper's error.
func (e *WrongKindError) Unwrap() error { return e.Err }

// fitted returns a long list at its length. Grown by append, it has up to
// a fifth of its room past its end, which the source holds until its
// film is rendered, through the merge's peak: 0.5 MB for the 66,000
// parts of a people-dense article. A short list is left as it is.
func fitted[T any](list []T) []T {
	if len(list) < 1024 || cap(list)-len(list) < len(list)/32 {
		return list
	}
	return slices.Clone(list)
}

// kindNoun names a kind's document for messages.
var kindNoun = map[film.Kind]string{
	film.Reviews:      "review aggregator's page",
	film.Encyclopedia: "encyclopedia article",
	film.Prize:        "film prize's page",
}

// hasFacts reports whether a source states anything beyond the film's
// title: a year, a credit, a text, a review, its own address.
func hasFacts(s *film.Source) bool {
	f := s.Film
	return f.Facts.Stated() || len(f.Languages) > 0 || len(f.Credits) > 0 || len(f.Cast) > 0 ||
		len(f.Releases) > 0 || len(f.BasedOn) > 0 || len(f.Unmapped) > 0 ||
		f.Critics.Stated() || f.Users.Stated() || len(f.Reviews) > 0 ||
		s.URL.Value != "" || s.Publisher != nil
}

// keepOtherScript keeps each name a document writes again in another
// script in brackets ("Zhang Yimou (張藝謀)"), which the mappers read
// without the group (text.WithoutOtherScript), as an alternate name of
// the person or organisation it follows: the name of the source's credits,
// cast or works that the text before the group ends with (the longest, at
// a word's start). Dropped with a note, such names were lost (audit 12).
// A group that follows no name read (a character's, "Bai Ling (白玲)") is
// left out, which one note says, with the first line that has one and
// how many do.
func keepOtherScript(src *film.Source, lines []string) {
	var names []string // the source's agents' names, longest first
	first, group, n := 0, "", 0
	for i, l := range lines {
		if !strings.Contains(l, "(") {
			continue
		}
		left := false
		for _, g := range text.OtherScriptGroups(l) {
			if names == nil {
				names = agentNames(&src.Film)
			}
			if name := endingName(g.Before, names); name != "" {
				src.Film.AgentAliases = append(src.Film.AgentAliases, film.AgentAlias{Name: name, Alias: film.Text{Value: g.Text, Line: i + 1}})
				continue
			}
			if n == 0 && !left {
				first, group = i+1, "("+g.Text+")"
			}
			left = true
		}
		if left {
			n++
		}
	}
	if n == 0 {
		return
	}
	more := ""
	if n > 1 {
		more = fmt.Sprintf(" (and on %d more lines)", n-1)
	}
	src.Notes = append(src.Notes, film.Note{Line: first, Message: fmt.Sprintf("a name is written again in another script in brackets, %s%s: read without it", group, more)})
}

// keepCreditedAs makes the name each cast entry says its actor was
// credited under one of the actor's aliases.
func keepCreditedAs(src *film.Source) {
	for _, c := range src.Film.Cast {
		if as := c.CreditedAs(); as != "" && as != c.Actor.Value {
			src.Film.AgentAliases = append(src.Film.AgentAliases, film.AgentAlias{Name: c.Actor.Value, Alias: film.Text{Value: as, Line: c.Actor.Line}})
		}
	}
}

// agentNames returns the names of the people and organisations f
// credits, casts or names as authors, longest first, each once.
func agentNames(f *film.Film) []string {
	names := []string{}
	for _, cr := range f.Credits {
		names = append(names, cr.Agent.Name.Value)
	}
	for _, c := range f.Cast {
		names = append(names, c.Actor.Value)
	}
	for _, w := range f.BasedOn {
		names = append(names, w.Author)
	}
	slices.SortFunc(names, func(a, b string) int {
		if c := cmp.Compare(len(b), len(a)); c != 0 {
			return c
		}
		return strings.Compare(a, b)
	})
	return slices.Compact(names)
}

// endingName returns the first of names (longest first) that before ends
// with, at a word's start, or "".
func endingName(before string, names []string) string {
	for _, name := range names {
		if name == "" || !strings.HasSuffix(before, name) {
			continue
		}
		rest := before[:len(before)-len(name)]
		if r, _ := utf8.DecodeLastRuneInString(rest); rest == "" || !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return name
		}
	}
	return ""
}
