package mapping

import (
	"iter"
	"slices"

	"github.com/film2ld/film2ld/mapping/film"
)

// Film is one film as [Merge] made it of its sources: every fact once, in
// the film's own vocabulary (no schema.org term is decided here), with the
// source each review, rating, credit and role comes from. A Film is a view:
// the merged view of all the sources, or (in Views) what one source alone
// states, spelled as it spells it. [Film.Render] and [Film.Dataset] write
// it as schema.org JSON-LD; render.go is the only code that knows
// schema.org's property names.
type Film struct {
	// ID is the Movie's IRI: minted from the title and year, or the page
	// owner's (see SetPage); "" when no source names the film.
	ID string
	// Name is the preferred source's international title; AlternateNames
	// are the other titles the sources give.
	Name           string
	AlternateNames []string
	// Facts are the plain facts, merged by their types (see film.Facts):
	// single-valued ones from the preferred source, with a warning when
	// another states something else; lists as the union of the sources'.
	// Each value keeps its Source and Line.
	film.Facts
	// Languages are BCP 47 tags, or names for languages without a known tag.
	Languages []Language
	Releases  []Release
	Credits   []Credit
	Cast      []Performance
	BasedOn   []Work
	Reviews   []Review
	Ratings   []Rating
	// SubjectOf are the addresses of the source pages about the film.
	SubjectOf []string
	// WebPages describe those pages; the merged view only.
	WebPages []WebPage
	// Agents are the people and organisations the view names, in IRI
	// order; facts refer to them by pointer.
	Agents []*Agent
	// URL and Image are the page owner's facts (see SetPage); the merged
	// view only.
	URL, Image string
	// Sources are the documents the view shows, ranked by preference.
	Sources []*film.Source
	// Source is set in a source's own view: the one document it shows.
	Source *film.Source
	// Views are the sources' own views, in the order of Sources; set in the
	// merged view only.
	Views []*Film
	// Diagnostics are the warnings and notes merging gave; merged view only.
	Diagnostics []Diagnostic

	opts Options
	// minted is the IRI Merge minted (or ""), which names the film's graph
	// in a Dataset even after SetPage gives the Movie another IRI.
	minted string
}

// Language is a film's language: its BCP 47 tag when film2ld knows one,
// else its name as stated.
type Language struct {
	Tag, Name string
}

// Release is one release date and, when stated, its place.
type Release struct {
	Date, Place string
}

// Credit is an agent in a crew role: Role, and RoleName, the document's
// own name for the role when it states a more precise one, as Source
// states them.
type Credit struct {
	Agent *Agent
	// as is the credit's role, role name and source, which a film's
	// credits share a few of (the merge makes one of each, see
	// merger.creditAs): as fields of every credit they were 40 of its
	// 48 bytes, 10 MB of the merge's peak for a prize page of 248,000
	// crew credits. Nil reads as no role, name or source.
	as *creditAs
}

// creditAs is what a Credit says beside its agent.
type creditAs struct {
	role     film.Role
	roleName string
	source   *film.Source
}

// Role is the credit's role.
func (c Credit) Role() film.Role {
	if c.as == nil {
		return ""
	}
	return c.as.role
}

// RoleName is the document's own name for the role ("Cinematography"),
// or "".
func (c Credit) RoleName() string {
	if c.as == nil {
		return ""
	}
	return c.as.roleName
}

// Source is the document that states the credit.
func (c Credit) Source() *film.Source {
	if c.as == nil {
		return nil
	}
	return c.as.source
}

// Performance is an actor in a part: a character (with the role names and
// description stated with it), or, when Character is empty, the actor
// with only the role names stated for them (possibly none).
type Performance struct {
	Actor     *Agent
	Character string
	// Source is the document the character comes from; nil for an actor
	// no source gives a character.
	Source *film.Source
	// rare is the role names and description, nil for a part without
	// (nearly every one): as fields of every Performance they were 32 of
	// its 72 bytes, for each of an article's 66,000 parts.
	rare *performanceRare
}

// performanceRare is what a Performance has beside its actor, character
// and source.
type performanceRare struct {
	roleNames   []string
	description string
}

// performance returns the Performance of an actor in a part.
func performance(actor *Agent, character string, roleNames []string, description string, source *film.Source) Performance {
	p := Performance{Actor: actor, Character: character, Source: source}
	if len(roleNames) > 0 || description != "" {
		p.rare = &performanceRare{roleNames, description}
	}
	return p
}

// RoleNames returns the document's words for how the actor takes part
// ("voice", "uncredited", "himself"), if any.
func (p *Performance) RoleNames() []string {
	if p.rare == nil {
		return nil
	}
	return p.rare.roleNames
}

// Description returns what the document says of the character ("a
// pull-string cowboy doll"), or "".
func (p *Performance) Description() string {
	if p.rare == nil {
		return ""
	}
	return p.rare.description
}

// SetDescription sets what is said of the character.
func (p *Performance) SetDescription(d string) {
	*p = performance(p.Actor, p.Character, p.RoleNames(), d, p.Source)
}

// Work is a work the film is based on.
type Work struct {
	Name   string
	Author *Agent
}

// Review is one critic or user review. Author is nil when the page names
// no reviewer; Publisher is the publication it appeared in.
type Review struct {
	Author, Publisher *Agent
	// Coauthors are the reviewers named after Author; nil for one (a
	// pointer, as in film.Review).
	Coauthors  *[]*Agent
	Date, Body string
	// Rating is the review's own score, with its scale, when stated. A
	// pointer, nil for a review without one: a score and its scale take
	// twice the rest of a review, and a page of 50,000 reviews held them
	// for every one (6.8 MB at export's peak).
	Rating *ReviewRating
	Source *film.Source
	Line   int
}

// ReviewRating is a review's own score and the scale it is given on: the
// source's own value, shared, not copied.
type ReviewRating = film.ReviewRating

// sameReview reports whether two reviews state the same, their ratings
// and coauthors compared by value.
func sameReview(a, b Review) bool {
	ra, rb := a.Rating, b.Rating
	ca, cb := a.Coauthors, b.Coauthors
	a.Rating, b.Rating, a.Coauthors, b.Coauthors = nil, nil, nil, nil
	return a == b && (ra == rb || ra != nil && rb != nil && *ra == *rb) &&
		(ca == cb || ca != nil && cb != nil && slices.Equal(*ca, *cb))
}

// Rating is an aggregate verdict of a source: the critics' or the users'
// summary (Band empty), or one band of its distribution.
type Rating struct {
	// Critic tells the critics' summary (based on reviews) from the users'
	// (based on ratings).
	Critic bool
	// Band is the distribution band's label ("Positive"), or "".
	Band  string
	Score film.Number
	Scale film.Scale
	// Verdict is the page's words for the score.
	Verdict string
	// Count is how many reviews or ratings it is based on; set only where
	// the page states it of this verdict.
	Count  film.Number
	Source *film.Source
}

// WebPage is a source document that states its own address.
type WebPage struct {
	URL       string
	Publisher *Agent
	Source    *film.Source
}

// Agent is a person or an organisation, resolved across the sources: one
// IRI, the best attested spelling as Name (in a source's view, that
// source's own spelling) and the others as AlternateNames.
type Agent struct {
	ID           string
	Organization bool
	// roles, parts and number are the resolver's (see agent): how the
	// documents name the agent while mentions are added, whether it has
	// one credit or several while a view's credits are merged, and one
	// part or several while its cast is (zero otherwise),
	// and which of the resolver's agents it is. They stand in the room
	// the alignment leaves after Organization, which they cost nothing
	// in, where in the resolver's agent they were 8 of its 48 bytes, and
	// its list of agents 8 more, for each of an article's 200,000 actors.
	// Once the resolver is let go, number is where the merged view first
	// names the agent (see namedAt), which a field of its own would have
	// added 8 bytes an agent for.
	roles  uint8
	parts  uint8
	number uint32
	Name   string
	// rare is what few agents have (other names, a URL, a contact), nil
	// for the rest: as fields of every Agent they were 40 of its 88
	// bytes, for each of an article's 66,000 actors, who have none.
	rare *agentRare
}

// agentRare is what an Agent has beside its IRI, kind and name.
type agentRare struct {
	alternateNames []string
	url            string
	contact        *film.Contact
}

// AlternateNames returns the agent's other spellings and names, sorted.
func (a *Agent) AlternateNames() []string {
	if a.rare == nil {
		return nil
	}
	return a.rare.alternateNames
}

// URL returns the address a source states for the agent (a publisher's
// site), or "".
func (a *Agent) URL() string {
	if a.rare == nil {
		return ""
	}
	return a.rare.url
}

// Contact returns how to reach the agent, where a source says, or nil.
func (a *Agent) Contact() *film.Contact {
	if a.rare == nil {
		return nil
	}
	return a.rare.contact
}

// SetURL sets the address the agent is known by, which a contact's own
// address overrides in the output.
func (a *Agent) SetURL(url string) { a.setRare(a.AlternateNames(), url, a.Contact()) }

// setRare sets the agent's other names, URL and contact, making room for
// them only when one is set.
func (a *Agent) setRare(alternateNames []string, url string, contact *film.Contact) {
	if len(alternateNames) == 0 && url == "" && contact == nil {
		a.rare = nil
		return
	}
	a.rare = &agentRare{alternateNames, url, contact}
}

// HasName reports whether a source or the page owner names the film.
func (f *Film) HasName() bool { return f.Name != "" }

// SetPage adds the page owner's facts to the merged view. With p.ID set,
// the Movie takes that IRI in every view, so that the sources' graphs
// still describe the same node; a film's graph keeps the name it was
// minted with.
func (f *Film) SetPage(p Page) {
	if p.ID != "" && p.ID != f.ID {
		if f.ID != "" {
			for _, v := range f.Views {
				v.ID = p.ID
			}
		}
		f.ID = p.ID
	}
	if p.URL != "" {
		f.URL = p.URL
	}
	if p.Image != "" {
		f.Image = p.Image
	}
	if p.Name != "" && f.Name == "" {
		f.Name = p.Name
	}
}

// Keep returns the view without the reviews and ratings keep refuses, and
// without the people and organisations only those named: a reviewer left
// without a review would stand in a snippet unattached to the film. The
// receiver is not changed.
func (f *Film) Keep(review func(int, *Review) bool, rating func(int, *Rating) bool) *Film {
	out := *f
	out.Reviews = keepItems(f.Reviews, review)
	out.Ratings = keepItems(f.Ratings, rating)
	if len(out.Reviews) == len(f.Reviews) && len(out.Ratings) == len(f.Ratings) {
		// Nothing left out: the view names the same people.
		return &out
	}
	before, after := f.named(), out.named()
	out.Agents = nil
	for _, a := range f.Agents {
		if !before[a] || after[a] {
			out.Agents = append(out.Agents, a)
		}
	}
	return &out
}

// Parts yields the view in parts of at most n reviews and n parts of the
// cast, for a check that need not hold the whole view as one graph
// (validate of a page of 50,000 reviews held 70 MB of graph, of an
// article of 200,000 actors 250 MB): first the view with its first n
// reviews and n parts and all else it holds, then for each next n a view
// of the Movie's IRI and name with those reviews and parts alone. Each
// part names the people and organisations its facts refer to (the first,
// also those no fact refers to), in the view's order. A view of n reviews
// and n parts or fewer is one part, the view itself. The receiver is not
// changed.
func (f *Film) Parts(n int) iter.Seq[*Film] {
	return func(yield func(*Film) bool) {
		if len(f.Reviews) <= n && len(f.Cast) <= n {
			yield(f)
			return
		}
		whole := f.named()
		first := *f
		first.Reviews = f.Reviews[:min(n, len(f.Reviews)):min(n, len(f.Reviews))]
		first.Cast = f.Cast[:min(n, len(f.Cast)):min(n, len(f.Cast))]
		first.Agents = namedBy(f.Agents, first.named(), whole)
		if !yield(&first) {
			return
		}
		for lo := n; lo < max(len(f.Reviews), len(f.Cast)); lo += n {
			part := &Film{ID: f.ID, Name: f.Name, Reviews: window(f.Reviews, lo, n), Cast: window(f.Cast, lo, n),
				Sources: f.Sources, opts: f.opts, minted: f.minted}
			part.Agents = namedBy(f.Agents, part.named(), nil)
			if !yield(part) {
				return
			}
		}
	}
}

// window returns items[lo:lo+n], cut to the items there are.
func window[T any](items []T, lo, n int) []T {
	lo = min(lo, len(items))
	return items[lo:min(lo+n, len(items))]
}

// namedBy returns the agents a part names, in order, and those the whole
// view's facts do not name when whole is given.
func namedBy(agents []*Agent, part, whole map[*Agent]bool) []*Agent {
	var out []*Agent
	for _, a := range agents {
		if part[a] || whole != nil && !whole[a] {
			out = append(out, a)
		}
	}
	return out
}

// keepItems returns the items keep takes, in order: items itself, shared,
// when it takes them all (a page's 50,000 reviews were copied whole while
// its snippet was written, 4.6 MB), else a new slice.
func keepItems[T any](items []T, keep func(int, *T) bool) []T {
	var kept []T
	for i := range items {
		switch {
		case !keep(i, &items[i]):
			if kept == nil {
				kept = make([]T, i, len(items)-1)
				copy(kept, items[:i])
			}
		case kept != nil:
			kept = append(kept, items[i])
		}
	}
	if kept == nil {
		return items
	}
	return kept
}

// named returns the agents the view's facts refer to.
func (f *Film) named() map[*Agent]bool {
	m := map[*Agent]bool{}
	add := func(as ...*Agent) {
		for _, a := range as {
			if a != nil {
				m[a] = true
			}
		}
	}
	for _, c := range f.Credits {
		add(c.Agent)
	}
	for _, p := range f.Cast {
		add(p.Actor)
	}
	for _, w := range f.BasedOn {
		add(w.Author)
	}
	for _, r := range f.Reviews {
		add(r.Author, r.Publisher)
		if r.Coauthors != nil {
			add(*r.Coauthors...)
		}
	}
	for _, p := range f.WebPages {
		add(p.Publisher)
	}
	return m
}
