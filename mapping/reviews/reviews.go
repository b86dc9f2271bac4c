// Package reviews reads a review aggregator's page: the critic verdict and
// the number of critics it is based on, the critic and user score
// distributions, every critic review (author, date, text) and every user
// review (date, text), with the site's boilerplate removed.
//
// Call [Parse]. The page never names its film; package mapping combines it
// with the other documents about the same film.
package reviews

import (
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"

	"github.com/film2ld/film2ld/mapping/film"
	"github.com/film2ld/film2ld/mapping/internal/text"
)

var (
	// "Mixed or average reviews - based on 5 Critics"; the site writes the
	// user line without a space before the dash.
	verdictRe = regexp.MustCompile(`^(?:(\d+(?:\.\d+)?)\s+)?(.+?)\s*-\s*based on ([\d,]+) (Critics?|Ratings?|Reviews?)$`)
	noScoreRe = regexp.MustCompile(`(?i)^no (?:user|critic) score yet\b`)
	bucketRe  = regexp.MustCompile(`^\d+\.\s*([^:]+?):\s*([\d,]+) out of ([\d,]+)$`)
	// A line that starts like a band ("2. Negative: 0 out of") but is not
	// one: inside a distribution it is an error, not a review.
	bucketStartRe = regexp.MustCompile(`^\d+\.\s*[A-Z][A-Za-z ]{0,20}:\s*\d`)
	itemRe        = regexp.MustCompile(`^(\d+)\.\s*(.*)$`)
	scoreRe       = regexp.MustCompile(`^\d{1,3}(?:\.\d)?$`)
	byRe          = regexp.MustCompile(`^Reviewed by:\s*(.+)$`)
)

// Boilerplate the site wraps around review texts.
const (
	spoilerPrefix = "This review contains spoilers, click full review link to view."
	fullReview    = "Full Review »"
)

// standardBuckets are the site's score bands in its own order; a page that
// leaves one out lets it be derived from the total.
var standardBuckets = []string{"Positive", "Mixed", "Negative"}

// Signals reports how strongly a document looks like a review aggregator's
// page: the number of lines only such a page has.
func Signals(lines []string) int {
	n := 0
	for _, l := range lines {
		// Cheap substring tests first: detection runs on every line of
		// every document, and most lines are prose.
		switch {
		case strings.Contains(l, "based on") && verdictRe.MatchString(text.Clean(l)),
			strings.Contains(l, "score yet") && noScoreRe.MatchString(text.Clean(l)),
			strings.Contains(l, "score distribution:"):
			n++
		case strings.Contains(l, "Reviewed by:"):
			if m := itemRe.FindStringSubmatch(text.Clean(l)); m != nil && byRe.MatchString(m[2]) {
				n++
			}
		}
	}
	return n
}

// section is the part of the page a line belongs to.
type section int

const (
	critics section = iota
	users
)

type parser struct {
	doc     *text.Doc
	src     *film.Source
	section section
	// review is the review whose text is being read, or nil.
	review *film.Review
	// pendingScore is a bare number waiting for the verdict line below it.
	pendingScore film.Number
	// inBuckets is true inside a "… score distribution:" list.
	inBuckets bool
}

// Parse reads a review aggregator's page.
func Parse(r io.Reader, name string) (*film.Source, error) {
	return text.ReadWith(r, name, FromDoc)
}

// FromDoc reads a review aggregator's page already read into lines (package mapping
// reads each document once, to detect its kind and to map it).
func FromDoc(doc *text.Doc) (*film.Source, error) {
	name := doc.Name
	p := &parser{doc: doc, src: &film.Source{Name: name, Kind: film.Reviews, Digest: doc.Digest, Notes: doc.Notes}}
	for i, raw := range doc.Lines {
		if err := p.line(i+1, text.Clean(raw)); err != nil {
			return nil, &film.Error{Name: name, Line: i + 1, Err: err}
		}
	}
	if last := doc.Lines[len(doc.Lines)-1]; p.review != nil && text.Clean(last) != "" {
		// The page ends without a line break inside a review. The site
		// cuts long user reviews with "Full Review »"; a review that was
		// cut that way but lacks the link was cut by the download instead.
		body := p.review.Body.Value
		if strings.HasPrefix(body, spoilerPrefix) && !strings.HasSuffix(body, fullReview) {
			return nil, &film.Error{Name: name, Line: len(doc.Lines), Err: fmt.Errorf(
				"%w: the page ends inside a review, before its \"Full Review »\" link", text.ErrCutOff)}
		}
	}
	p.flush()
	f := &p.src.Film
	if !f.Critics.Stated() && !f.Users.Stated() && len(f.Reviews) == 0 {
		return nil, &film.Error{Name: name, Err: fmt.Errorf("no verdict, score distribution or review found")}
	}
	p.derive(&f.Critics, "critic")
	p.derive(&f.Users, "user")
	return p.src, nil
}

func (p *parser) summary() *film.Summary {
	if p.section == users {
		return &p.src.Film.Users
	}
	return &p.src.Film.Critics
}

func (p *parser) note(line int, format string, args ...any) {
	p.src.Notes = append(p.src.Notes, film.Note{Line: line, Message: fmt.Sprintf(format, args...)})
}

func (p *parser) line(n int, l string) error {
	switch {
	case l == "":
		return nil
	case l == "Watch On":
		// A streaming-services widget heading with nothing after it.
		return nil
	case l == "Critic score distribution:":
		p.flush()
		p.section, p.inBuckets = critics, true
		return nil
	case l == "User Score":
		p.flush()
		p.section, p.inBuckets = users, false
		return nil
	case l == "User score distribution:":
		p.flush()
		p.section, p.inBuckets = users, true
		return nil
	case noScoreRe.MatchString(l):
		p.flush()
		// "No user score yet- Awaiting 2 more ratings": the page states no
		// score and no count, so nothing is recorded.
		return nil
	}
	if m := verdictRe.FindStringSubmatch(l); m != nil {
		return p.verdict(n, m)
	}
	if scoreRe.MatchString(l) && p.review == nil {
		v, _ := strconv.ParseFloat(l, 64)
		p.pendingScore = film.Number{Value: v, Set: true, Line: n}
		return nil
	}
	if p.inBuckets {
		if m := bucketRe.FindStringSubmatch(l); m != nil {
			return p.bucket(n, m)
		}
		if bucketStartRe.MatchString(l) {
			return fmt.Errorf("not a score band (\"Label: N out of T\"): %q", text.Short(l))
		}
		p.inBuckets = false
	}
	if m := itemRe.FindStringSubmatch(l); m != nil {
		return p.item(n, m[2])
	}
	if p.review != nil {
		return p.text(n, l)
	}
	p.note(n, "line not recognised on a review page; left out: %q", text.Short(l))
	return nil
}

func (p *parser) verdict(n int, m []string) error {
	p.flush()
	count, err := atoi(m[3])
	if err != nil {
		return err
	}
	if strings.HasPrefix(m[4], "Critic") {
		p.section = critics
	} else if strings.HasPrefix(m[4], "Rating") {
		p.section = users
	}
	s := p.summary()
	s.Verdict = film.Text{Value: m[2], Line: n}
	s.Count = film.Number{Value: float64(count), Set: true, Line: n}
	if m[1] != "" {
		v, _ := strconv.ParseFloat(m[1], 64)
		s.Score = film.Number{Value: v, Set: true, Line: n}
	} else if p.pendingScore.Set {
		s.Score = p.pendingScore
	}
	p.pendingScore = film.Number{}
	return nil
}

func (p *parser) bucket(n int, m []string) error {
	count, err := atoi(m[2])
	if err != nil {
		return err
	}
	total, err := atoi(m[3])
	if err != nil {
		return err
	}
	s := p.summary()
	if !s.Count.Set {
		// The distribution's "out of" is the count when no verdict line
		// stated one (the user block often has none).
		s.Count = film.Number{Value: float64(total), Set: true, Line: n}
	} else if s.Count.Value != float64(total) {
		return fmt.Errorf("%s: %d out of %d, but the page counts %g in all", m[1], count, total, s.Count.Value)
	}
	if count > total {
		return fmt.Errorf("%s: %d out of %d is more than the total", m[1], count, total)
	}
	s.Buckets = append(s.Buckets, film.Bucket{Label: m[1], Count: film.Number{Value: float64(count), Set: true, Line: n}})
	return nil
}

// item starts a numbered review.
func (p *parser) item(n int, rest string) error {
	p.flush()
	rv := &film.Review{Critic: p.section == critics}
	if m := byRe.FindStringSubmatch(rest); m != nil {
		rv.Author = film.Text{Value: text.Clean(m[1]), Line: n}
	} else if date, err := text.ParseDate(rest); err == nil {
		rv.Date = film.Text{Value: date, Line: n}
	} else if rest != "" {
		rv.Body = film.Text{Value: rest, Line: n}
	}
	p.review = rv
	return nil
}

// text adds a line to the review being read: its date when it has none yet
// and the line is one, otherwise its text.
func (p *parser) text(n int, l string) error {
	rv := p.review
	if rv.Date.Value == "" && rv.Body.Value == "" {
		if date, err := text.ParseDate(l); err == nil {
			rv.Date = film.Text{Value: date, Line: n}
			return nil
		}
	}
	if rv.Body.Value == "" {
		rv.Body = film.Text{Value: l, Line: n}
	} else {
		rv.Body.Value += "\n" + l
	}
	return nil
}

// flush ends the review being read.
func (p *parser) flush() {
	rv := p.review
	if rv == nil {
		return
	}
	p.review = nil
	body := strings.TrimSpace(strings.TrimPrefix(rv.Body.Value, spoilerPrefix))
	body = strings.TrimSpace(strings.TrimSuffix(body, fullReview))
	rv.Body.Value = body
	if body == "" && rv.Author.Value == "" {
		p.note(rv.Date.Line, "numbered item with no author and no text; left out")
		return
	}
	p.src.Film.Reviews = append(p.src.Film.Reviews, *rv)
}

// derive fills in the one standard bucket a page leaves out, from the total
// and the stated buckets, and says so.
func (p *parser) derive(s *film.Summary, who string) {
	if len(s.Buckets) == 0 || !s.Count.Set {
		return
	}
	stated := map[string]bool{}
	sum := 0.0
	for _, b := range s.Buckets {
		stated[b.Label] = true
		sum += b.Count.Value
	}
	var missing []string
	for _, label := range standardBuckets {
		if !stated[label] {
			missing = append(missing, label)
		}
	}
	line := s.Buckets[0].Count.Line
	if len(missing) != 1 || len(s.Buckets) != len(standardBuckets)-1 || sum > s.Count.Value {
		if sum != s.Count.Value {
			p.note(line, "%s score distribution adds up to %g of %g; the rest cannot be placed in one band", who, sum, s.Count.Value)
		}
		return
	}
	derived := film.Bucket{Label: missing[0], Count: film.Number{Value: s.Count.Value - sum, Set: true, Line: line}, Derived: true}
	var out []film.Bucket
	for _, label := range standardBuckets {
		if label == derived.Label {
			out = append(out, derived)
			continue
		}
		for _, b := range s.Buckets {
			if b.Label == label {
				out = append(out, b)
			}
		}
	}
	s.Buckets = out
	p.note(line, "%s score distribution leaves out %s; derived %g from the total of %g", who, derived.Label, derived.Count.Value, s.Count.Value)
}

func atoi(s string) (int, error) {
	n, err := strconv.Atoi(strings.ReplaceAll(s, ",", ""))
	if err != nil {
		return 0, fmt.Errorf("%q is not a count", s)
	}
	return n, nil
}
