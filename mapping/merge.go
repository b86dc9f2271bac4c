package mapping

import (
	"cmp"
	"errors"
	"fmt"
	"hash/maphash"
	"slices"
	"sort"
	"strings"

	"github.com/film2ld/film2ld/ld/diag"
	"github.com/film2ld/film2ld/mapping/film"
	"github.com/film2ld/film2ld/mapping/internal/locale"
	"github.com/film2ld/film2ld/mapping/internal/text"
)

// DefaultBase is the IRI prefix of minted IRIs when the user gives none. A
// URN claims no web domain, and the same facts give the same IRI on every
// machine, so exports made apart still line up in a store.
const DefaultBase = "urn:film2ld:"

// ErrNoSources means Merge was given nothing to merge.
var ErrNoSources = errors.New("no documents to combine")

// Options tune Merge. The zero value is ready to use.
type Options struct {
	// Base is the prefix of every minted IRI: Base+"film/…",
	// Base+"person/…", Base+"organization/…". Empty means DefaultBase.
	Base string
	// Prefer orders the kinds for single-valued facts that sources state
	// differently (a running time, a year): the first kind that states the
	// fact wins. Kinds left out follow in film.Kinds order.
	Prefer []film.Kind
	// MergedInDefaultGraph puts the merged view of a Dataset in the
	// default graph, shared by every film, as film2ld did before films had
	// graphs of their own.
	MergedInDefaultGraph bool
	// MergedOnly leaves out the sources' own views (Film.Views stays
	// empty), for a caller that writes the merged view alone: building
	// them was a quarter of merging a film's three documents. A film
	// merged so has no Dataset.
	MergedOnly bool
	// SameFilm merges the sources even where their titles, years and
	// directors say they describe different films (see
	// DifferentFilmsError): the caller knows them to be one.
	SameFilm bool
	// Name is the page owner's title for a film no document names (the
	// Name of the Page the caller sets afterwards): the Movie's IRI is
	// minted from it as from a document's title, so the film is not left
	// without one (a blank node in the default graph) and not warned of
	// as nameless. It names the Movie only where Page.Name is set.
	Name string
}

// Severity grades a Diagnostic: film2ld's one severity type (see package
// diag). A mapping diagnostic is never an error.
type Severity = diag.Severity

// Severities, mildest first.
const (
	// Info explains a decision, such as two spellings taken for one person;
	// the command prints it only when asked (--verbose).
	Info = diag.Info
	// Note is something done to the input that the user should know about.
	Note = diag.Note
	// Warning is a fact that was left out or a choice between sources.
	Warning = diag.Warning
)

// Diagnostic is a message about the input that is not an error.
type Diagnostic struct {
	Severity Severity
	// Name and Line place the message; Name is empty when the message
	// itself names its places (a conflict between two sources).
	Name    string
	Line    int
	Message string
}

func (d Diagnostic) String() string {
	if d.Name == "" {
		return d.Message
	}
	return diag.Position{File: d.Name, Line: d.Line}.String() + ": " + d.Message
}

// Merge merges what several documents say about one film into one Film,
// with a view of its own for each source. The result does not depend on
// the order of sources: they are ranked by Options.Prefer and then by
// content. People and organisations that the sources spell alike (up to
// accents, case, spacing and punctuation), or one small misspelling apart
// in the same credit, become one agent. Conflicts, facts schema.org has no
// term for and the mappers' notes are the Film's Diagnostics.
func Merge(sources []*film.Source, opts Options) (*Film, error) {
	if len(sources) == 0 {
		return nil, ErrNoSources
	}
	m := &merger{opts: opts, sources: slices.Clone(sources), given: sources}
	if m.opts.Base == "" {
		m.opts.Base = DefaultBase
	}
	m.rank()
	m.resolve()
	if err := m.differentFilms(); err != nil {
		return nil, err
	}
	f := m.film()
	f.minted = f.ID
	var several []*agent // the agents made of several spellings
	for _, merged := range m.res.all {
		if a := m.res.agentOf(merged); a.mergedWhy() != nil {
			several = append(several, a)
		}
	}
	// The sources' views, with their copies of the agents that differ
	// from the merged view's.
	var copies []map[*Agent]*Agent
	if !m.opts.MergedOnly {
		for _, s := range m.sources {
			view := &merger{opts: m.opts, sources: []*film.Source{s}, res: m.res, filmID: f.ID, only: s, whole: m, wholeFilm: f}
			v := view.film()
			v.minted = f.ID
			f.Views = append(f.Views, v)
			copies = append(copies, view.copies)
		}
	}
	m.mint(f, copies)
	slices.SortFunc(several, func(a, b *agent) int { return strings.Compare(a.ID, b.ID) })
	for _, a := range several {
		for _, why := range a.mergedWhy() {
			m.diag(Info, "", 0, "one %s, %q: %s", agentWord(a), a.Name, why)
		}
	}
	notes := 0
	for _, s := range m.sources {
		notes += len(s.Notes)
	}
	m.diags = slices.Grow(m.diags, notes)
	for _, s := range m.sources {
		for _, n := range s.Notes {
			// The mapper's message as it is: formatted again, an
			// article whose 200,000 actors were each noted (names
			// with digits) held every message twice, 37 of its 87 MB.
			m.diags = append(m.diags, Diagnostic{Severity: Note, Name: s.Name, Line: n.Line, Message: n.Message})
		}
	}
	if f.ID == "" && !m.opts.MergedInDefaultGraph {
		m.diag(Warning, "", 0, "the merged view is in the default graph: the film has no IRI to name its graph after")
	}
	f.Diagnostics = m.diags
	// The views share the agents' Agents; what resolution kept beside
	// them (spellings, extras: 3 MB while a page of 50,000 reviews is
	// written) goes with the resolver.
	return f, nil
}

// mint mints the agents' IRIs once every view is made, the resolver let
// go first: the IRIs (35 bytes an actor of an article of 200,000) were
// made beside the resolver's agents and its map of them (44 bytes), at
// the merge's peak. The views' copies of agents (copies, a map for each
// view, nil where none differ) take their agent's IRI, and each view's
// agents are put in IRI order, the order they had when the IRIs were
// minted before the views were made.
func (m *merger) mint(f *Film, copies []map[*Agent]*Agent) {
	m.placeAgents(f)
	m.res.release()
	m.res.mint(f.Agents)
	byID := func(a, b *Agent) int { return strings.Compare(a.ID, b.ID) }
	slices.SortFunc(f.Agents, byID)
	for i, v := range f.Views {
		for merged, c := range copies[i] {
			c.ID = merged.ID
		}
		if len(v.Agents) > 0 && (len(f.Agents) == 0 || &v.Agents[0] != &f.Agents[0]) {
			slices.SortFunc(v.Agents, byID) // its own list (else the merged view's, shared)
		}
	}
}

func agentWord(a *agent) string {
	if a.Organization {
		return "organisation"
	}
	return "person"
}

// merger builds a view of a film: the merged view of all its sources,
// or (with only set) what one source states.
type merger struct {
	opts    Options
	sources []*film.Source
	// given are the sources in the order the caller gave them (rank
	// orders sources by preference).
	given []*film.Source
	res   *resolver
	diags []Diagnostic
	// filmID, when set, is the Movie's IRI, minted by the merged view.
	filmID string
	// only, when set, is the one source this view shows, with its own
	// spellings of names.
	only *film.Source
	// agents are, in a source's view, its copies of the resolved agents
	// that differ from the merged view's; copies maps the merged view's
	// copy of each of them to the view's.
	agents map[*agent]*Agent
	copies map[*Agent]*Agent
	// whole and wholeFilm, in a source's view, are the merged view's
	// merger and film: an agent or a run of reviews the source's view
	// would copy unchanged is shared with them instead, so that a page
	// of 50,000 reviews is not held twice.
	whole     *merger
	wholeFilm *Film
	// reviewRuns, in the merged view, are where each source's reviews
	// stand in its Reviews, and whether a review of that source was left
	// out as a copy of another source's.
	reviewRuns map[*film.Source]reviewRun
}

// reviewRun is one source's reviews in the merged view: Reviews[start:end],
// and whether one of them was dropped as another source's.
type reviewRun struct {
	start, end   int
	droppedCross bool
}

func (m *merger) diag(sev Severity, name string, line int, format string, args ...any) {
	m.diags = append(m.diags, Diagnostic{Severity: sev, Name: name, Line: line, Message: fmt.Sprintf(format, args...)})
}

// rank orders sources by preferred kind, then by content, so that the
// result never depends on the order the user named them in.
func (m *merger) rank() {
	order := append(slices.Clone(m.opts.Prefer), film.Kinds...)
	rank := func(k film.Kind) int { return slices.Index(order, k) }
	sort.SliceStable(m.sources, func(i, j int) bool {
		a, b := m.sources[i], m.sources[j]
		if ra, rb := rank(a.Kind), rank(b.Kind); ra != rb {
			return ra < rb
		}
		return a.Digest < b.Digest
	})
}

// resolve records every mention of a person or organisation.
func (m *merger) resolve() {
	// At most one agent per mention: room for them all at once, as a map
	// and a list grown as they fill held their outgrown copies beside
	// them (a page of 50,000 reviewers).
	mentions, credited, crediting := 0, 0, 0
	for _, s := range m.sources {
		f := &s.Film
		mentions += len(f.Credits) + len(f.Cast) + len(f.BasedOn) + 1
		if n := len(f.Credits) + len(f.Cast); n > 0 {
			credited += n
			crediting++
		}
		for i := range f.Reviews {
			if f.Reviews[i].Author.Value != "" {
				mentions++
			}
			if co := f.Reviews[i].Coauthors; co != nil {
				mentions += len(*co)
			}
			if f.Reviews[i].Publisher.Value != "" {
				mentions++
			}
		}
	}
	// Spellings are compared within a credit across sources only: with
	// one source crediting anyone there is nothing to compare.
	if crediting < 2 {
		credited = 0
	}
	r := newResolver(m.opts.Base, mentions, credited)
	r.sources = m.sources
	for _, s := range m.sources {
		f := &s.Film
		for _, cr := range f.Credits {
			credit := ""
			if r.comparesCredits() {
				credit = creditKey(cr.Role, cr.RoleName)
			}
			a := r.add(mention{source: s, name: cr.Agent.Name, org: cr.Agent.Organization, credit: credit})
			a.roles |= creditedRole
			if a.Contact() == nil && cr.Agent.Contact() != nil {
				a.setRare(a.AlternateNames(), a.URL(), cr.Agent.Contact())
				a.more().contactSource = s
			}
		}
		for _, c := range f.Cast {
			credit := ""
			if c.Character != "" && r.comparesCredits() {
				credit = "actor/" + fold(c.Character)
			}
			r.add(mention{source: s, name: c.Actor, credit: credit}).roles |= creditedRole
		}
		for _, rv := range f.Reviews {
			if rv.Author.Value != "" {
				r.add(mention{source: s, name: rv.Author}).roles |= reviewerRole
			}
			if rv.Coauthors != nil {
				for _, co := range *rv.Coauthors {
					r.add(mention{source: s, name: co}).roles |= reviewerRole
				}
			}
			if rv.Publisher.Value != "" {
				r.add(mention{source: s, name: rv.Publisher, org: true})
			}
		}
		for _, w := range f.BasedOn {
			if w.Author != "" {
				r.add(mention{source: s, name: film.Text{Value: w.Author, Line: w.Name.Line}})
			}
		}
		// The site that published a document is said of its web page:
		// without the page's address there is no node to say it of, and
		// the site was a node nothing reached (a prize page without its
		// "Source URL" line: its web snippet failed, the frame finding
		// the site unreachable from the Movie).
		if p := s.Publisher; p != nil && s.URL.Value != "" {
			a := r.add(mention{source: s, name: p.Name, org: true})
			if a.URL() == "" && p.URL() != "" {
				a.setRare(a.AlternateNames(), p.URL(), a.Contact())
				a.more().urlSource = s
			}
		}
	}
	// A critic who shares a name with someone the film credits (its
	// editor, an actor) is one node, since a person's IRI is minted from
	// the name: said, so that a reader can tell two people apart with
	// --page-url or by editing the documents (audit 17 found a critic
	// silently made the film's editor).
	for _, a := range r.all {
		if a.roles == creditedRole|reviewerRole && !a.Organization {
			name, _ := r.agentOf(a).spellingAt(0)
			m.diag(Note, "", 0, "%q both reviews the film and is credited in it: read as one person, as people are told apart by their names", name)
		}
		a.roles = 0
	}
	for _, c := range r.mergeMisspellings() {
		people := "people"
		if c.people == 1 {
			people = "person"
		}
		m.diag(Note, "", 0, "the sources name %d %s in the credit %q (%d mentions, one per source and person): too many to compare two by two, so spellings one slip apart there were not taken for one person (at most %d mentions are compared)",
			c.people, people, c.credit, c.mentions, maxMisspellingCredit)
	}
	// Other names (in another script, credited as) join the agent the
	// name they follow resolved to, once misspellings are joined.
	for _, s := range m.sources {
		for _, o := range s.Film.AgentAliases {
			a := r.lookup(false, o.Name)
			if a == nil {
				a = r.lookup(true, o.Name)
			}
			if a != nil && !slices.Contains(a.aliasesIn(s), o.Alias.Value) {
				a.more().aliases = append(a.more().aliases, sourcedName{o.Alias.Value, s})
			}
		}
	}
	r.name()
	m.res = r
}

// film builds the view: its agents first, then the facts that name them,
// in the order the diagnostics are given.
func (m *merger) film() *Film {
	f := &Film{opts: m.opts, Sources: m.sources, Source: m.only}
	if m.only == nil {
		// The resolver's list, which it lets go once the views are
		// made: a copy was 8 bytes an agent at the merge's peak. It was
		// made with room for an agent a mention; where the mentions
		// name far fewer (a page of 40,000 reviews by 3,000 critics), a
		// copy at its length is kept instead.
		if waste := cap(m.res.all) - len(m.res.all); waste > 1024 && waste > len(m.res.all)/8 {
			m.res.all = slices.Clone(m.res.all)
		}
		f.Agents = m.res.all
	} else {
		// The merged view's list, shared while the view names every agent
		// as the merged view does (a source alone naming the cast): a
		// copy, grown as it filled, was 0.6 MB for the 66,000 actors of
		// an article.
		whole := m.wholeFilm.Agents
		var own []*Agent // nil while the view's list is whole[:i]
		for i, merged := range m.res.all {
			a := m.res.agentOf(merged)
			v := m.agentView(a)
			if v != nil && v != a.Agent {
				if m.agents == nil {
					m.agents, m.copies = map[*agent]*Agent{}, map[*Agent]*Agent{}
				}
				m.agents[a], m.copies[a.Agent] = v, v
			}
			switch {
			case own == nil && v == a.Agent:
				continue
			case own == nil:
				own = slices.Clone(whole[:i:i])
			}
			if v != nil {
				own = append(own, v)
			}
		}
		f.Agents = whole
		if own != nil {
			f.Agents = own
			if len(own) == 0 {
				f.Agents = nil
			}
		}
	}
	m.names(f)
	m.facts(f)
	name := f.Name
	if name == "" {
		name = m.opts.Name
	}
	switch {
	case m.only != nil:
		f.ID = m.filmID
	case name != "" && f.Year.Set:
		f.ID = m.opts.Base + "film/" + filmSlug(name) + "-" + f.Year.String()
	case name != "":
		f.ID = m.opts.Base + "film/" + filmSlug(name)
	default:
		m.diag(Warning, "", 0, "no document names the film: the Movie has no name and no IRI")
	}
	m.languages(f)
	m.texts(f)
	m.credits(f)
	m.cast(f)
	m.works(f)
	m.reviews(f)
	m.ratings(f)
	for _, s := range m.sources {
		if s.URL.Value != "" {
			f.SubjectOf = append(f.SubjectOf, s.URL.Value)
			if m.only == nil {
				p := WebPage{URL: s.URL.Value, Source: s}
				if s.Publisher != nil {
					p.Publisher = m.ref(true, s.Publisher.Name.Value)
				}
				f.WebPages = append(f.WebPages, p)
			}
		}
	}
	return f
}

// agentView is a source's view's copy of an agent: the merged view's when
// it says the same, or nil when the view's one source does not name it.
func (m *merger) agentView(a *agent) *Agent {
	if a.spellingCount() == 1 {
		// Nearly every agent: one spelling, which the view either writes
		// as the merged view does or does not name at all (unless the
		// URL or contact is another source's, below).
		if _, sp := a.spellingAt(0); !m.res.lists.has(sp, m.only) {
			return nil
		}
		if a.extra == nil {
			return a.Agent
		}
	}
	spellings := m.res.spellingsIn(a, m.only)
	if len(spellings) == 0 {
		return nil
	}
	v := Agent{ID: a.ID, Organization: a.Organization, Name: spellings[0]}
	alternates := spellings[1:]
	if other := a.aliasesIn(m.only); other != nil {
		alternates = slices.Compact(slices.Sorted(slices.Values(append(slices.Clip(alternates), other...))))
	}
	var url string
	var contact *film.Contact
	if a.URL() != "" && a.extra != nil && m.only == a.extra.urlSource {
		url = a.URL()
	}
	if a.Contact() != nil && a.extra != nil && m.only == a.extra.contactSource {
		contact = a.Contact()
	}
	v.setRare(alternates, url, contact)
	if sameAgent(a.Agent, &v) {
		return a.Agent
	}
	own := v // on the heap only when it differs
	return &own
}

// view returns the view's copy of an agent its sources name: the merged
// view's own (the agent's Agent), or in a source's view the copy that
// differs from it. A source's view keeps only the copies that differ, so
// that a source naming thousands of people as the merged view does holds
// no map of them.
func (m *merger) view(a *agent) *Agent {
	if v, ok := m.agents[a]; ok {
		return v
	}
	return a.Agent
}

// viewOf returns the view's copy of the agent whose merged view's copy is
// merged (nil for nil).
func (m *merger) viewOf(merged *Agent) *Agent {
	if v, ok := m.copies[merged]; ok {
		return v
	}
	return merged
}

// sameAgent reports whether two views' copies of an agent say the same.
func sameAgent(a, b *Agent) bool {
	return a.ID == b.ID && a.Organization == b.Organization && a.Name == b.Name &&
		slices.Equal(a.AlternateNames(), b.AlternateNames()) && a.URL() == b.URL() && a.Contact() == b.Contact()
}

func (m *merger) ref(org bool, name string) *Agent {
	return m.view(m.res.lookup(org, name))
}

// names sets the film's name, the international title of the preferred
// source, and its other titles. The name and the year are what the Movie's
// IRI is minted from.
func (m *merger) names(f *Film) {
	var titles []string
	for _, s := range m.sources {
		if t := s.Film.Title.Value; t != "" {
			titles = append(titles, t)
		}
	}
	for _, s := range m.sources {
		for _, t := range s.Film.OtherTitles {
			titles = append(titles, t.Value)
		}
	}
	titles = uniqueStrings(titles)
	if len(titles) > 0 {
		f.Name, f.AlternateNames = titles[0], titles[1:]
	}
}

// languages sets the languages as BCP 47 tags, or as names where
// film2ld knows no tag.
func (m *merger) languages(f *Film) {
	seen := map[string]bool{}
	for _, s := range m.sources {
		for _, l := range s.Film.Languages {
			tag, ok := locale.Language(l.Value)
			if !ok && locale.NoLanguage(l.Value) {
				m.diag(Note, s.Name, l.Line, "language %q: the film has no spoken language; no inLanguage for it", l.Value)
				continue
			}
			if !ok {
				m.diag(Warning, s.Name, l.Line, "language %q has no BCP 47 code film2ld knows; kept as a Language named so", l.Value)
				if !seen["l:"+fold(l.Value)] {
					seen["l:"+fold(l.Value)] = true
					f.Languages = append(f.Languages, Language{Name: l.Value})
				}
				continue
			}
			if !seen["l:"+tag] {
				seen["l:"+tag] = true
				f.Languages = append(f.Languages, Language{Tag: tag})
			}
		}
	}
}

// texts sets the release events and reports the facts schema.org has no
// term for.
func (m *merger) texts(f *Film) {
	var releases []string
	for _, s := range m.sources {
		sf := &s.Film
		for _, r := range sf.Releases {
			key := r.Date.Value + "|" + fold(r.Place)
			if slices.Contains(releases, key) {
				continue
			}
			releases = append(releases, key)
			f.Releases = append(f.Releases, Release{Date: r.Date.Value, Place: r.Place})
		}
		for _, u := range sf.Unmapped {
			m.diag(Warning, s.Name, u.Line, "%s %q: schema.org has no Movie property for it; left out", strings.ToLower(u.Label), u.Value)
		}
	}
}

// credits sets the crew. When one source credits an agent plainly
// ("Production companies: A, B") and another more precisely
// ("Co-production: B"), the precise credit replaces the plain one; within
// one source both stand, since "Screenplay" and "Story" by the same person
// are two credits.
func (m *merger) credits(f *Film) {
	// seenKey is a credit's role, role name (as creditKey folds it) and
	// agent (one IRI; see resolver.mint, which mints them only once the
	// views are made): a key of its own, where a string joining them was
	// made for every credit. The role and the role name are numbers
	// (roleNames): with their strings in each key, the set of a prize
	// page of 116,000 crew lines was 14 MB, a fifth of its export's peak.
	type seenKey struct {
		agent          *agent
		role, roleName uint32
	}
	if m.whole != nil && m.creditsOfOnly() {
		// The merged view's crew is this source's alone: shared, with
		// the view's copies of its agents, as its cast is (a prize page
		// of 116,000 crew lines held both lists, 10 MB).
		f.Credits = viewed(m.wholeFilm.Credits, func(c Credit) (Credit, bool) {
			differs := m.toView(&c.Agent)
			return c, differs
		})
		return
	}
	total, crediting := 0, 0
	for _, s := range m.sources {
		total += len(s.Film.Credits)
		if len(s.Film.Credits) > 0 {
			crediting++
		}
	}
	if total == 0 {
		return
	}
	// The merged credits are made in place, not gathered first with
	// their agents and copied: the two lists were 12 MB, 104 bytes a
	// credit, at the merge's peak for a prize page of 124,000 crew
	// credits. Their agents are kept beside them only where a credit may
	// be another's plainer one (see subsumed).
	f.Credits = make([]Credit, 0, total)
	var agents []*agent
	if crediting > 1 {
		agents = make([]*agent, 0, total)
	}
	// Only an agent of several credits may be credited twice alike: its
	// credits alone go through the set. Each agent's credits are counted
	// first, one or several, in its Agent's parts (zero again before the
	// cast is merged, see merger.cast): a set of every credit was 13 MB,
	// 52 bytes a credit, at the merge's peak for a prize page of 248,000
	// crew credits, each of a person of their own.
	repeats := 0
	for _, s := range m.sources {
		for _, cr := range s.Film.Credits {
			a := m.res.lookup(cr.Agent.Organization, cr.Agent.Name.Value)
			switch a.parts {
			case 0:
				a.parts = 1
			case 1:
				a.parts = 2
				repeats += 2
			default:
				repeats++
			}
		}
	}
	var seen map[seenKey]struct{}
	if repeats > 0 {
		seen = make(map[seenKey]struct{}, repeats)
	}
	var names roleNames
	roles := map[film.Role]uint32{}
	var as creditsAs
	for _, s := range m.sources {
		for _, cr := range s.Film.Credits {
			a := m.res.lookup(cr.Agent.Organization, cr.Agent.Name.Value)
			if a.parts > 1 {
				role, ok := roles[cr.Role]
				if !ok {
					role = uint32(len(roles))
					roles[cr.Role] = role
				}
				key := seenKey{agent: a, role: role, roleName: names.number(cr.RoleName)}
				if _, dup := seen[key]; dup {
					continue
				}
				seen[key] = struct{}{}
			} else {
				a.parts = 0 // its one credit
			}
			f.Credits = append(f.Credits, Credit{m.view(a), as.of(cr.Role, cr.RoleName, s)})
			if agents != nil {
				agents = append(agents, a)
			}
		}
	}
	for k := range seen {
		k.agent.parts = 0
	}
	if agents == nil {
		// Where one source alone credits anyone, no credit is another
		// source's plainer one.
		return
	}
	// precise holds, per role and agent, the sources that credit the
	// agent in the role under a role name of their own: found by a scan
	// of every credit for each, a crew list of thousands took time in
	// its square.
	type roleOf struct {
		role  film.Role
		agent *agent
	}
	precise := map[roleOf][]*film.Source{}
	for i, o := range f.Credits {
		if o.RoleName() != "" {
			k := roleOf{o.Role(), agents[i]}
			if !slices.Contains(precise[k], o.Source()) {
				precise[k] = append(precise[k], o.Source())
			}
		}
	}
	subsumed := func(p Credit, a *agent) bool {
		if p.RoleName() != "" {
			return false
		}
		sources := precise[roleOf{p.Role(), a}]
		return len(sources) > 0 && !slices.Contains(sources, p.Source())
	}
	kept := f.Credits[:0]
	for i, cr := range f.Credits {
		if !subsumed(cr, agents[i]) {
			kept = append(kept, cr)
		}
	}
	clear(f.Credits[len(kept):])
	f.Credits = kept
}

// creditsAs makes the role, role name and source a view's credits
// share (see Credit): one of each that the credits state.
type creditsAs struct {
	last *creditAs
	// made is the block being filled of those made so far: the first
	// holds scanCreditsAs and is scanned, later ones are indexed by
	// byKey (one allocation each, and a list of them, were 20 more a
	// film of the samples).
	made  []creditAs
	byKey map[creditAs]*creditAs
}

// scanCreditsAs is how many creditAs a creditsAs scans before it keeps
// an index: a film's crew states a few dozen roles and role names.
const scanCreditsAs = 16

// of returns the one creditAs of a role and role name in a source.
func (c *creditsAs) of(role film.Role, roleName string, source *film.Source) *creditAs {
	// Runs of credits in one role and source are the rule (a crew list,
	// an infobox's producers): the last one made is asked first, which
	// compares the strings by their pointers where they are the same
	// document's words.
	if l := c.last; l != nil && l.source == source && l.role == role && l.roleName == roleName {
		return l
	}
	k := creditAs{role, roleName, source}
	if c.byKey != nil {
		if as, ok := c.byKey[k]; ok {
			c.last = as
			return as
		}
	} else {
		for i := range c.made {
			if c.made[i] == k {
				c.last = &c.made[i]
				return c.last
			}
		}
	}
	switch {
	case c.made == nil:
		c.made = make([]creditAs, 0, scanCreditsAs)
	case len(c.made) == cap(c.made):
		if c.byKey == nil {
			c.byKey = make(map[creditAs]*creditAs, 2*len(c.made))
			for i := range c.made {
				c.byKey[c.made[i]] = &c.made[i]
			}
		}
		c.made = make([]creditAs, 0, min(2*cap(c.made), 256))
	}
	c.made = append(c.made, k)
	as := &c.made[len(c.made)-1]
	if c.byKey != nil {
		c.byKey[k] = as
	}
	c.last = as
	return as
}

// roleNames numbers role names as merger.credits compares them: by
// their folded, lower-case form. "" is 0; every other name, also one
// that folds to "", is 1 or more.
type roleNames struct {
	byText   map[string]uint32 // as written
	byFolded map[string]uint32
}

// number returns the number of the role name name.
func (r *roleNames) number(name string) uint32 {
	if name == "" {
		return 0
	}
	if n, ok := r.byText[name]; ok {
		return n
	}
	if r.byText == nil {
		r.byText, r.byFolded = map[string]uint32{}, map[string]uint32{}
	}
	folded := strings.ToLower(fold(name))
	n, ok := r.byFolded[folded]
	if !ok {
		n = uint32(len(r.byFolded) + 1)
		r.byFolded[folded] = n
	}
	r.byText[name] = n
	return n
}

// cast sets the actors: a Performance for each actor and character, and
// one without a character for an actor no source gives a character. An
// actor's characters come from the preferred source that names any;
// another source's character that is not one of them (up to accents and
// case) is a conflict: it stays in that source's own view and a warning
// names both. One source may give an actor two characters; that is not a
// conflict.
//
// How the actor took part ("voice", "uncredited", "archive footage",
// "himself" for a person appearing as themselves) is a role name, never
// part of the character's name. A role name stated with a character
// belongs to that character; one stated without (an infobox's "Voices
// of") to every part of the actor. A character's description ("a
// pull-string cowboy doll") is the part's description.
func (m *merger) cast(f *Film) {
	if m.castOfOnly() {
		// The merged view's cast is this source's alone: shared, with
		// the view's copies of its actors, as a run of reviews is.
		f.Cast = viewed(m.wholeFilm.Cast, func(p Performance) (Performance, bool) {
			differs := m.toView(&p.Actor)
			return p, differs
		})
		return
	}
	// An actor's parts (Agent.parts) tell one part from several until
	// its Performances are made. An actor named in one part (nearly every one) gets its
	// Performance straight from it; only actors of several parts are
	// gathered, and only they are indexed: an actor and a character
	// built for each of a 200,000-part cast, and a map of every actor,
	// were 40 MB of the merge's peak. Each part's actor is looked up
	// again where it is needed rather than kept in a list of them all
	// (8 bytes a part at the merge's peak).
	actor := func(cm *film.CastMember) *agent { return m.res.lookup(false, cm.Actor.Value) }
	// The cast's room: one Performance an actor (an actor of several
	// characters grows it, rarely).
	total, performances, repeated := 0, 0, false
	for _, s := range m.sources {
		total += len(s.Film.Cast)
		for j := range s.Film.Cast {
			a := actor(&s.Film.Cast[j])
			if a.parts == 0 {
				performances++
			}
			a.parts = min(a.parts+1, 2) // one, or several
			repeated = repeated || a.parts > 1
		}
	}
	if total == 0 {
		return
	}
	var several map[*agent][]int32 // the parts of an actor of several
	if repeated {
		several = map[*agent][]int32{}
		i := int32(0)
		for _, s := range m.sources {
			for j := range s.Film.Cast {
				if a := actor(&s.Film.Cast[j]); a.parts > 1 {
					several[a] = append(several[a], i)
				}
				i++
			}
		}
	}
	part := func(i int) (*film.Source, *film.CastMember) {
		for _, s := range m.sources {
			if i < len(s.Film.Cast) {
				return s, &s.Film.Cast[i]
			}
			i -= len(s.Film.Cast)
		}
		panic("mapping: part past the cast")
	}
	var warnings []castWarning
	f.Cast = make([]Performance, 0, performances)
	for _, s := range m.sources {
		for j := range s.Film.Cast {
			cm := &s.Film.Cast[j]
			a := actor(cm)
			switch a.parts {
			case 0: // made at its first part
			case 1:
				a.parts = 0
				who := m.view(a)
				if cm.Character == "" {
					f.Cast = append(f.Cast, performance(who, "", appendNew(nil, cm.RoleNames()...), "", nil))
					continue
				}
				f.Cast = append(f.Cast, performance(who, cm.Character, slices.Clone(cm.RoleNames()), cm.Description(), s))
			default:
				a.parts = 0
				f.Cast, warnings = m.actorParts(f.Cast, warnings, a, several[a], part)
			}
		}
	}
	// In the order of the parts that conflict, as they were found when
	// every part was gathered first.
	slices.SortStableFunc(warnings, func(x, y castWarning) int { return cmp.Compare(x.part, y.part) })
	for _, w := range warnings {
		m.diag(Warning, "", 0, "%s", w.message)
	}
}

// castWarning is a conflict between two sources' characters for an
// actor, found at the part index part.
type castWarning struct {
	part    int32
	message string
}

// toView puts this view's copy of the merged view's agent *a in its
// place (see viewOf), and reports whether it is another.
func (m *merger) toView(a **Agent) bool {
	v := m.viewOf(*a)
	differs := v != *a
	*a = v
	return differs
}

// creditsOfOnly reports whether a source's view may share the merged
// view's credits: no other source credits anyone.
func (m *merger) creditsOfOnly() bool {
	for _, s := range m.whole.sources {
		if s != m.only && len(s.Film.Credits) > 0 {
			return false
		}
	}
	return true
}

// castOfOnly reports whether a source's view may share the merged view's
// cast: no other source names a part.
func (m *merger) castOfOnly() bool {
	if m.whole == nil {
		return false
	}
	for _, s := range m.whole.sources {
		if s != m.only && len(s.Film.Cast) > 0 {
			return false
		}
	}
	return true
}

// actorParts appends the Performances of an actor named in several parts
// (indexes, in order, given to part): its characters come from the first
// source that gives any, and another source's character that is not one
// of them (up to accents and case) is a conflict, warned of.
func (m *merger) actorParts(out []Performance, warnings []castWarning, a *agent, parts []int32,
	part func(int) (*film.Source, *film.CastMember)) ([]Performance, []castWarning) {
	type stated struct {
		spellings   []string // of one character, first as first stated
		roleNames   []string
		description string
		// from and line are where it is first stated, for a warning.
		from *film.Source
		line int
	}
	var characters []*stated
	var roleOnlyParts []roleOnly
	// The role names each source that gives the actor a character
	// states with its characters.
	characterRoleNames := map[*film.Source][]string{}
	var from *film.Source // the source the characters come from
	// index finds the first of characters[:indexed] by fold key: a scan
	// of the actor's characters, folding each, made an actor credited
	// with thousands of parts take time in their square; past a few, the
	// actor keeps an index by key, brought up to date as it is asked.
	var index map[string]int
	indexed := 0
	characterAt := func(key string) int {
		if len(characters) <= 8 {
			return slices.IndexFunc(characters, func(st *stated) bool { return fold(st.spellings[0]) == key })
		}
		if index == nil {
			index = map[string]int{}
		}
		for ; indexed < len(characters); indexed++ {
			k := fold(characters[indexed].spellings[0])
			if _, ok := index[k]; !ok {
				index[k] = indexed
			}
		}
		if i, ok := index[key]; ok {
			return i
		}
		return -1
	}
	for _, p := range parts {
		s, cm := part(int(p))
		if cm.Character == "" {
			roleOnlyParts = append(roleOnlyParts, roleOnly{s, cm.RoleNames()})
			continue
		}
		characterRoleNames[s] = appendNew(characterRoleNames[s], cm.RoleNames()...)
		if i := characterAt(fold(cm.Character)); i >= 0 {
			st := characters[i]
			if !slices.Contains(st.spellings, cm.Character) {
				st.spellings = append(st.spellings, cm.Character)
			}
			st.roleNames = appendNew(st.roleNames, cm.RoleNames()...)
			if st.description == "" {
				st.description = cm.Description()
			}
			continue
		}
		if from == nil || from == s {
			from = s
			characters = append(characters, &stated{spellings: []string{cm.Character},
				roleNames: slices.Clone(cm.RoleNames()), description: cm.Description(), from: s, line: cm.Actor.Line})
			continue
		}
		kept := characters[0]
		warnings = append(warnings, castWarning{part: p, message: fmt.Sprintf("characterName of %s: %s (%s) vs %s (%s); kept %s",
			a.Name, kept.spellings[0], where(kept.from, kept.line), cm.Character, where(s, cm.Actor.Line), bestSpelling(kept.spellings))})
	}
	roleNames, ownParts := splitRoleOnly(roleOnlyParts, characterRoleNames)
	who := m.view(a)
	if len(characters) == 0 {
		return append(out, performance(who, "", roleNames, "", nil)), warnings
	}
	for _, st := range characters {
		out = append(out, performance(who, bestSpelling(st.spellings),
			appendNew(slices.Clone(st.roleNames), roleNames...), st.description, from))
	}
	for _, names := range ownParts {
		out = append(out, performance(who, "", appendNew(nil, names...), "", nil))
	}
	return out, warnings
}

// roleOnly is a part stated without a character ("Pedro Gil
// (uncredited)", "Pedro Gil as Narrator (voice)"), and its source.
type roleOnly struct {
	source    *film.Source
	roleNames []string
}

// splitRoleOnly sorts an actor's parts without a character, given the
// role names each source that gives the actor a character states with
// them (characterRoleNames; no entry for the other sources). A source
// that gives the actor a character and, in another part, role names
// none of its characters has ("Pedro Gil as Juan", "Pedro Gil as
// Narrator (voice)") credits a part of its own: own holds each such
// set of role names once, and they qualify no character (Juan read as a
// voice part, before). Every other part's role names qualify the
// actor's characters (qualifiers: one source's "(uncredited)" for
// another's character), unless they are all a part of its own's
// (another source's "narrator").
func splitRoleOnly(parts []roleOnly, characterRoleNames map[*film.Source][]string) (qualifiers []string, own [][]string) {
	subset := func(names, of []string) bool {
		return !slices.ContainsFunc(names, func(n string) bool { return !slices.Contains(of, n) })
	}
	isOwn := func(r roleOnly) bool {
		stated, ok := characterRoleNames[r.source]
		return ok && len(r.roleNames) > 0 && !subset(r.roleNames, stated)
	}
	for _, r := range parts {
		if isOwn(r) && !slices.ContainsFunc(own, func(names []string) bool { return slices.Equal(names, r.roleNames) }) {
			own = append(own, r.roleNames)
		}
	}
	for _, r := range parts {
		if isOwn(r) || slices.ContainsFunc(own, func(names []string) bool { return subset(r.roleNames, names) }) {
			continue
		}
		qualifiers = appendNew(qualifiers, r.roleNames...)
	}
	return qualifiers, own
}

// viewed returns run with the view's copies of the agents each item names
// (view gives the item as the view has it, and whether that differs):
// run itself, shared, when no item differs.
func viewed[T any](run []T, view func(T) (T, bool)) []T {
	var out []T // nil until an item differs
	for i, item := range run {
		v, differs := view(item)
		if out == nil {
			if !differs {
				continue
			}
			out = append(make([]T, 0, len(run)), run[:i]...)
		}
		out = append(out, v)
	}
	if out == nil {
		return run
	}
	return out
}

// appendNew appends the values list does not hold yet.
func appendNew(list []string, vals ...string) []string {
	for _, v := range vals {
		if v != "" && !slices.Contains(list, v) {
			list = append(list, v)
		}
	}
	return list
}

// bestSpelling picks, of spellings that fold alike, the one with accents.
func bestSpelling(spellings []string) string {
	best := spellings[0]
	for _, s := range spellings[1:] {
		if accents(s) > accents(best) {
			best = s
		}
	}
	return best
}

// works sets the works the film is based on.
func (m *merger) works(f *Film) {
	seen := map[string]bool{}
	for _, s := range m.sources {
		for _, w := range s.Film.BasedOn {
			if seen[fold(w.Name.Value)] {
				continue
			}
			seen[fold(w.Name.Value)] = true
			work := Work{Name: w.Name.Value}
			if w.Author != "" {
				work.Author = m.ref(false, w.Author)
			}
			f.BasedOn = append(f.BasedOn, work)
		}
	}
}

// reviews sets the reviews, dropping a review that another source (or the
// same page) states word for word. A source's view shares the merged
// view's run of its reviews when it holds exactly those: it then refers to
// the same agents, and no review of the source was left out as another
// source's.
func (m *merger) reviews(f *Film) {
	var run reviewRun
	var shared []Review // the merged view's run this view may share
	if m.whole != nil {
		run = m.whole.reviewRuns[m.only]
		if !run.droppedCross {
			// The source's reviews as the merged view has them: only
			// its own repeats were left out, as they are here.
			f.Reviews = m.viewReviews(m.wholeFilm.Reviews[run.start:run.end:run.end])
			return
		}
	}
	// seen holds where each review first stands; the place is formatted
	// only for a copy's warning, not for every review.
	seen := newReviewSet(m.reviewCount(), func(ref uint64) (*film.Review, place) {
		s := m.sources[ref>>32]
		rv := &s.Film.Reviews[uint32(ref)]
		return rv, place{s, int32(reviewLine(rv))}
	})
	matched := 0 // f.Reviews is shared[:matched] until a review differs
	sharing := shared != nil
	if total := m.reviewCount(); !sharing && total > 0 {
		// Room for every review at once: grown by append, the list of a
		// page of 50,000 reviews left 7 MB of outgrown copies while the
		// sources' own reviews were still held.
		f.Reviews = make([]Review, 0, total)
	}
	for si, s := range m.sources {
		start := len(f.Reviews)
		if sharing {
			start = matched
		}
		droppedCross := false
		// The first repeats are each a warning; the rest one warning
		// that counts them (a page of 5,000 copies printed 5,159 lines).
		var more text.LineSet
		warned := 0
		for i := range s.Film.Reviews {
			rv := &s.Film.Reviews[i]
			line := reviewLine(rv)
			if first, ok := seen.add(rv, place{s, int32(line)}, uint64(si)<<32|uint64(i)); ok {
				if warned < maxRepeatWarnings {
					m.diag(Warning, s.Name, line, "review repeats the one at %s word for word; the copy is left out", first)
					warned++
				} else {
					more.Add(line)
				}
				if first.source != s {
					droppedCross = true
				}
				continue
			}
			r := Review{Date: rv.Date.Value, Body: rv.Body.Value, Source: s, Line: line}
			if rv.Author.Value != "" {
				r.Author = m.ref(false, rv.Author.Value)
			}
			if rv.Coauthors != nil {
				co := make([]*Agent, len(*rv.Coauthors))
				for i, name := range *rv.Coauthors {
					co[i] = m.ref(false, name.Value)
				}
				r.Coauthors = &co
			}
			if rv.Publisher.Value != "" {
				r.Publisher = m.ref(true, rv.Publisher.Value)
			}
			r.Rating = rv.Rating
			if sharing {
				if matched < len(shared) && sameReview(shared[matched], r) {
					matched++
					continue
				}
				sharing = false
				f.Reviews = append(make([]Review, 0, len(s.Film.Reviews)), shared[:matched]...)
			}
			f.Reviews = append(f.Reviews, r)
		}
		switch n := more.Len(); {
		case n == 1:
			m.diag(Warning, s.Name, more.First(), "1 more review repeats an earlier one word for word (line %s); the copy is left out", more.String())
		case n > 1:
			m.diag(Warning, s.Name, more.First(), "%d more reviews repeat earlier ones word for word (lines %s); the copies are left out", n, more.String())
		}
		if m.only == nil {
			if m.reviewRuns == nil {
				m.reviewRuns = map[*film.Source]reviewRun{}
			}
			m.reviewRuns[s] = reviewRun{start: start, end: len(f.Reviews), droppedCross: droppedCross}
		}
	}
	if sharing && matched == len(shared) && matched > 0 {
		f.Reviews = shared
	} else if sharing {
		f.Reviews = append(f.Reviews, shared[:matched]...)
	}
}

// viewReviews returns a source's view's copy of the merged view's run of
// the source's reviews: the run itself when the view's copies of their
// reviewers and publications are the merged view's (nearly always), else
// a copy that refers to the view's own. Taken from the run, not from the
// source's reviews again, a page of 50,000 reviews needs no second set of
// the reviews seen and no second pass over them (2.2 MB at merging's peak).
func (m *merger) viewReviews(run []Review) []Review {
	if len(run) == 0 {
		return nil
	}
	if len(m.copies) == 0 {
		return run
	}
	return viewed(run, func(r Review) (Review, bool) {
		author, publisher := m.viewOf(r.Author), m.viewOf(r.Publisher)
		differs := author != r.Author || publisher != r.Publisher
		r.Author, r.Publisher = author, publisher
		if r.Coauthors != nil {
			var co []*Agent // nil until a coauthor's view differs
			for i, a := range *r.Coauthors {
				if v := m.viewOf(a); v != a {
					if co == nil {
						co = slices.Clone(*r.Coauthors)
					}
					co[i] = v
				}
			}
			if co != nil {
				r.Coauthors, differs = &co, true
			}
		}
		return r, differs
	})
}

// reviewLine is the line a review is reported at: its text's, else its
// first stated part's.
func reviewLine(rv *film.Review) int {
	if rv.Body.Line != 0 {
		return rv.Body.Line
	}
	scoreLine := 0
	if rv.Rating != nil {
		scoreLine = rv.Rating.Score.Line
	}
	return firstLine(rv.Author.Line, rv.Publisher.Line, scoreLine, rv.Date.Line)
}

// maxRepeatWarnings is how many reviews repeated word for word a source
// gets a warning each for; the others are counted in one.
const maxRepeatWarnings = 10

// reviewSet finds the reviews stated before word for word: by the same
// author (up to case and accents) in the same publication, on the same
// date, with the same words and score. It holds a hash of each review's
// key, not the key, and for it a number the caller gives, from which the
// review and its place are found again (at): the keys of a page of
// 50,000 reviews were 7 MB of export's 67 MB at its peak, and a pointer
// and a place for each, 2.5 MB of 33. A hash met again is checked against
// the review it stands for, so two reviews that only share a hash both
// stay.
type reviewSet struct {
	hash  func(string) uint64
	first map[uint64]uint64 // a key's hash → the first review with it
	more  map[string]place  // the reviews whose hash an earlier one has
	at    func(ref uint64) (*film.Review, place)
}

// newReviewSet returns a set for about size reviews, whose numbers at
// turns back into the reviews and their places.
func newReviewSet(size int, at func(ref uint64) (*film.Review, place)) *reviewSet {
	seed := maphash.MakeSeed()
	hash := func(key string) uint64 { return maphash.String(seed, key) }
	return &reviewSet{hash: hash, first: make(map[uint64]uint64, size), more: map[string]place{}, at: at}
}

// add adds rv, which stands at at and is numbered ref, unless an earlier
// review states the same; then it returns where that one stands, and true.
func (set *reviewSet) add(rv *film.Review, at place, ref uint64) (first place, repeated bool) {
	key := reviewKey(rv)
	h := set.hash(key)
	prevRef, ok := set.first[h]
	if !ok {
		set.first[h] = ref
		return at, false
	}
	if prev, prevAt := set.at(prevRef); reviewKey(prev) == key {
		return prevAt, true
	}
	if p, ok := set.more[key]; ok {
		return p, true
	}
	set.more[key] = at
	return at, false
}

// reviewKey is what two reviews that repeat each other share.
func reviewKey(rv *film.Review) string {
	key := fold(rv.Author.Value) + "|" + fold(rv.Publisher.Value) + "|" + rv.Date.Value + "|" + rv.Body.Value
	if rv.Coauthors != nil {
		for _, co := range *rv.Coauthors {
			key += "|&" + fold(co.Value)
		}
	}
	if rv.Rating != nil {
		key += "|" + rv.Rating.Score.Literal
	}
	return key
}

// reviewCount returns how many reviews the sources state.
func (m *merger) reviewCount() int {
	n := 0
	for _, s := range m.sources {
		n += len(s.Film.Reviews)
	}
	return n
}

// firstLine returns the first of lines that is known (not 0).
func firstLine(lines ...int) int {
	for _, l := range lines {
		if l > 0 {
			return l
		}
	}
	return 0
}

// ratings sets the aggregate verdicts with only the numbers the pages
// state: a verdict is kept as words, never turned into a score, and a score
// comes with its scale (the page's, or its site's documented one). Each
// band of a distribution is a Rating of its own.
//
// Search engines read one aggregate rating per item. The critic score comes
// first, since it is the site's headline (its "Metascore") and is based on
// reviews; a stated user score follows, and the bands, which have no
// score, follow last.
func (m *merger) ratings(f *Film) {
	for _, s := range m.sources {
		f.Ratings = append(f.Ratings, summaryRatings(s, s.Film.Critics, true)...)
		f.Ratings = append(f.Ratings, summaryRatings(s, s.Film.Users, false)...)
	}
}

// summaryRatings are a summary's verdict and its bands. A critic summary's
// count is its total whatever it states, also alone ("tbd" / "Based on 2
// Critic Reviews": the page has no score yet, and the count was lost,
// audit 15); a user summary's only goes with a score or verdict.
func summaryRatings(src *film.Source, s film.Summary, critic bool) []Rating {
	var out []Rating
	if s.Score.Set || s.Verdict.Value != "" || critic && s.Count.Set {
		r := Rating{Critic: critic, Verdict: s.Verdict.Value, Source: src}
		if s.Score.Set {
			r.Score, r.Scale = s.Score, s.Scale
		}
		if s.Count.Set {
			r.Count = s.Count
		}
		out = append(out, r)
	}
	for _, b := range s.Buckets {
		out = append(out, Rating{Critic: critic, Band: b.Label, Count: b.Count, Source: src})
	}
	return out
}

// uniqueStrings drops empty and repeated strings, keeping the first of each.
func uniqueStrings(in []string) []string {
	var out []string
	for _, s := range in {
		if s != "" && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}
