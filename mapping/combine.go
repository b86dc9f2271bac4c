package mapping

import (
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"github.com/film2ld/film2ld/ld/diag"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/film2ld/film2ld/mapping/film"
	"github.com/film2ld/film2ld/mapping/internal/locale"
)

// DefaultBase is the IRI prefix of minted IRIs when the user gives none. A
// URN claims no web domain, and the same facts give the same IRI on every
// machine, so exports made apart still line up in a store.
const DefaultBase = "urn:film2ld:"

// ErrNoSources means Combine was given nothing to combine.
var ErrNoSources = errors.New("no documents to combine")

// Options tune Combine. The zero value is ready to use.
type Options struct {
	// Base is the prefix of every minted IRI: Base+"film/…",
	// Base+"person/…", Base+"organization/…". Empty means DefaultBase.
	Base string
	// Prefer orders the kinds for single-valued facts that sources state
	// differently (a running time, a year): the first kind that states the
	// fact wins. Kinds left out follow in film.Kinds order.
	Prefer []film.Kind
	// MergedInDefaultGraph puts the merged view of Result.Dataset in the
	// default graph, shared by every film, as film2ld did before films had
	// graphs of their own.
	MergedInDefaultGraph bool
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

// Result is one film's schema.org graph.
type Result struct {
	// Doc is the merged view: JSON-LD with "@context": "https://schema.org"
	// and a "@graph" whose first node is the Movie; people and
	// organisations follow as nodes of their own, referenced by "@id".
	// Numbers are float64.
	Doc map[string]any
	// Dataset is Doc plus provenance, for RDF stores, laid out so that
	// replacing a film's graphs replaces the film: the merged view, a node
	// describing each source document (its URL, or an ni:///sha-256 IRI of
	// its content; its kind; its retrieval date) and the list of source
	// graphs (PropDerivedFrom) in the film's graph, named GraphIRI(MovieID);
	// and in a named graph per source, with the source's IRI as its name,
	// exactly what that source states, spelled as it spells it. A fact the
	// sources disagree on is in each source's graph as stated. With
	// Options.MergedInDefaultGraph, or when the film has no IRI, the merged
	// view and the source descriptions are in the default graph instead.
	Dataset map[string]any
	// MovieID is the Movie's IRI, or "" when no source names the film.
	MovieID     string
	Diagnostics []Diagnostic
}

// Combine merges what several documents say about one film into one Movie.
// The result does not depend on the order of sources: they are ranked by
// Options.Prefer and then by content. People and organisations that the
// sources spell alike (up to accents, case, spacing and punctuation), or
// one small misspelling apart in the same credit, become one node.
func Combine(sources []*film.Source, opts Options) (*Result, error) {
	if len(sources) == 0 {
		return nil, ErrNoSources
	}
	c := &combiner{opts: opts, sources: slices.Clone(sources)}
	if c.opts.Base == "" {
		c.opts.Base = DefaultBase
	}
	c.rank()
	c.resolve()
	merged := c.graph()
	movieID, _ := merged[0].(map[string]any)["@id"].(string)
	for _, a := range c.res.all {
		for _, why := range a.merged {
			c.diag(Info, "", 0, "one %s, %q: %s", agentWord(a), a.name, why)
		}
	}
	for _, s := range c.sources {
		for _, n := range s.Notes {
			c.diag(Note, s.Name, n.Line, "%s", n.Message)
		}
	}

	dataset := c.dataset(slices.Clone(merged), movieID)
	return &Result{
		Doc:         map[string]any{"@context": "https://schema.org", "@graph": merged},
		Dataset:     map[string]any{"@context": "https://schema.org", "@graph": dataset},
		MovieID:     movieID,
		Diagnostics: c.diags,
	}, nil
}

func agentWord(a *agent) string {
	if a.org {
		return "organisation"
	}
	return "person"
}

// SourceIRI returns the IRI that names a source document in a Dataset: the
// URL it states for itself, or else an RFC 6920 ni:///sha-256 IRI of its
// bytes, never a local path, so that the same page exported on two
// machines has one name.
func SourceIRI(s *film.Source) string {
	if s.URL.Value != "" {
		return s.URL.Value
	}
	sum, err := hex.DecodeString(s.Digest)
	if err != nil || len(sum) == 0 {
		return ""
	}
	return "ni:///sha-256;" + base64.RawURLEncoding.EncodeToString(sum)
}

// provenance describes a source document: what it is about, its kind
// (film2ld's --kind name, as additionalType) and, when it says, the date it
// was retrieved on (PROV-O's generatedAtTime of the copy that was read).
func provenance(s *film.Source, movieID string) map[string]any {
	n := map[string]any{"@id": SourceIRI(s), "@type": "DigitalDocument", "additionalType": string(s.Kind)}
	if s.URL.Value != "" {
		n["@type"] = "WebPage"
		n["url"] = s.URL.Value
	}
	if movieID != "" {
		n["about"] = map[string]any{"@id": movieID}
	}
	if s.Retrieved.Value != "" {
		n["http://www.w3.org/ns/prov#generatedAtTime"] = map[string]any{
			"@value": s.Retrieved.Value, "@type": "http://www.w3.org/2001/XMLSchema#date"}
	}
	return n
}

// graph builds the nodes of the combiner's view: the Movie first, then
// the people and organisations it names, then the source pages.
func (c *combiner) graph() []any {
	nodes := []any{c.movie()}
	for _, a := range c.res.all {
		if n := c.agentNode(a); n != nil {
			nodes = append(nodes, n)
		}
	}
	if c.only == nil {
		for _, s := range c.sources {
			if s.URL.Value != "" {
				nodes = append(nodes, c.pageNode(s))
			}
		}
	}
	return nodes
}

// combiner builds a view of a film: the merged view of all its sources,
// or (with only set) what one source states.
type combiner struct {
	opts    Options
	sources []*film.Source
	res     *resolver
	diags   []Diagnostic
	// filmID, when set, is the Movie's IRI, minted by the merged view.
	filmID string
	// only, when set, is the one source this view shows, with its own
	// spellings of names.
	only *film.Source
}

func (c *combiner) diag(sev Severity, name string, line int, format string, args ...any) {
	c.diags = append(c.diags, Diagnostic{Severity: sev, Name: name, Line: line, Message: fmt.Sprintf(format, args...)})
}

// rank orders sources by preferred kind, then by content, so that the
// result never depends on the order the user named them in.
func (c *combiner) rank() {
	order := append(slices.Clone(c.opts.Prefer), film.Kinds...)
	rank := func(k film.Kind) int { return slices.Index(order, k) }
	sort.SliceStable(c.sources, func(i, j int) bool {
		a, b := c.sources[i], c.sources[j]
		if ra, rb := rank(a.Kind), rank(b.Kind); ra != rb {
			return ra < rb
		}
		return a.Digest < b.Digest
	})
}

// resolve records every mention of a person or organisation.
func (c *combiner) resolve() {
	r := newResolver(c.opts.Base)
	for _, s := range c.sources {
		f := &s.Film
		for _, cr := range f.Credits {
			a := r.add(mention{source: s, name: cr.Agent.Name, org: cr.Agent.Organization, credit: creditKey(cr.Role, cr.RoleName)})
			if a.contact == nil && cr.Agent.Contact != nil {
				a.contact, a.contactSource = cr.Agent.Contact, s
			}
		}
		for _, m := range f.Cast {
			credit := ""
			if m.Character != "" {
				credit = "actor/" + fold(m.Character)
			}
			r.add(mention{source: s, name: m.Actor, credit: credit})
		}
		for _, rv := range f.Reviews {
			if rv.Author.Value != "" {
				r.add(mention{source: s, name: rv.Author})
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
		if p := s.Publisher; p != nil {
			a := r.add(mention{source: s, name: p.Name, org: true})
			if a.url == "" {
				a.url, a.urlSource = p.URL, s
			}
		}
	}
	r.mergeMisspellings()
	r.finish()
	c.res = r
}

func (c *combiner) ref(org bool, name string) map[string]any {
	return map[string]any{"@id": c.res.lookup(org, name).id}
}

// movie builds the Movie node.
func (c *combiner) movie() map[string]any {
	m := map[string]any{"@type": "Movie"}
	title, year := c.identity(m)
	switch {
	case c.only != nil:
		if c.filmID != "" {
			m["@id"] = c.filmID
		}
	case title != "" && year != "":
		m["@id"] = c.opts.Base + "film/" + slug(title) + "-" + year
	case title != "":
		m["@id"] = c.opts.Base + "film/" + slug(title)
	default:
		c.diag(Warning, "", 0, "no document names the film: the Movie has no name and no IRI")
	}
	iso := func(minutes string) string { return "PT" + strings.TrimSuffix(minutes, " min") + "M" }
	if d := c.single("duration", iso, func(f *film.Film) (string, int, bool) {
		return strconv.Itoa(int(f.Runtime.Value)) + " min", f.Runtime.Line, f.Runtime.Set
	}); d != "" {
		m["duration"] = iso(d)
	}
	c.places(m)
	c.texts(m)
	c.credits(m)
	c.cast(m)
	c.works(m)
	c.reviews(m)
	c.ratings(m)
	var pages []any
	for _, s := range c.sources {
		if s.URL.Value != "" {
			pages = append(pages, map[string]any{"@id": s.URL.Value})
		}
	}
	setList(m, "subjectOf", pages)
	return m
}

// identity sets the film's names and year and returns what its IRI is made
// of: the international title of the preferred source and the year.
func (c *combiner) identity(m map[string]any) (title, year string) {
	var titles []string
	for _, s := range c.sources {
		if t := s.Film.Title.Value; t != "" {
			titles = append(titles, t)
		}
	}
	for _, s := range c.sources {
		for _, t := range s.Film.OtherTitles {
			titles = append(titles, t.Value)
		}
	}
	titles = uniqueStrings(titles)
	if len(titles) > 0 {
		title = titles[0]
		m["name"] = title
		setList(m, "alternateName", stringsAny(titles[1:]))
	}
	year = c.single("year", nil, func(f *film.Film) (string, int, bool) {
		return strconv.Itoa(int(f.Year.Value)), f.Year.Line, f.Year.Set
	})
	if year != "" {
		m["dateCreated"] = year
	}
	return title, year
}

// single picks a single-valued fact by source preference and reports a
// conflict when sources state different values; render, when not nil,
// writes the kept value as it stands in the output.
func (c *combiner) single(name string, render func(string) string, get func(*film.Film) (string, int, bool)) string {
	type stated struct {
		value string
		where string
	}
	var all []stated
	for _, s := range c.sources {
		if v, line, ok := get(&s.Film); ok {
			all = append(all, stated{v, where(s, line)})
		}
	}
	if len(all) == 0 {
		return ""
	}
	kept := all[0]
	out := kept.value
	if render != nil {
		out = render(out)
	}
	for _, o := range all[1:] {
		if o.value != kept.value {
			c.diag(Warning, "", 0, "%s: %s (%s) vs %s (%s); kept %s", name, kept.value, kept.where, o.value, o.where, out)
		}
	}
	return kept.value
}

// places sets countries and languages.
func (c *combiner) places(m map[string]any) {
	var countries, langs []any
	seen := map[string]bool{}
	for _, s := range c.sources {
		for _, ct := range s.Film.Countries {
			if k := fold(ct.Value); !seen["c:"+k] {
				seen["c:"+k] = true
				countries = append(countries, map[string]any{"@type": "Country", "name": ct.Value})
			}
		}
		for _, l := range s.Film.Languages {
			tag, ok := locale.Language(l.Value)
			if !ok {
				c.diag(Warning, s.Name, l.Line, "language %q has no BCP 47 code film2ld knows; kept as a Language named so", l.Value)
				if !seen["l:"+fold(l.Value)] {
					seen["l:"+fold(l.Value)] = true
					langs = append(langs, map[string]any{"@type": "Language", "name": l.Value})
				}
				continue
			}
			if !seen["l:"+tag] {
				seen["l:"+tag] = true
				langs = append(langs, tag)
			}
		}
	}
	setList(m, "countryOfOrigin", countries)
	setList(m, "inLanguage", langs)
}

// texts sets the abstract, descriptions, release events and trailer, and
// reports the facts schema.org has no term for.
func (c *combiner) texts(m map[string]any) {
	var abstracts, descs, releases, trailers []string
	var events []any
	for _, s := range c.sources {
		f := &s.Film
		abstracts = append(abstracts, f.Abstract.Value)
		for _, d := range f.Descriptions {
			descs = append(descs, d.Value)
		}
		for _, r := range f.Releases {
			key := r.Date.Value + "|" + fold(r.Place)
			if slices.Contains(releases, key) {
				continue
			}
			releases = append(releases, key)
			ev := map[string]any{"@type": "PublicationEvent", "startDate": r.Date.Value}
			if r.Place != "" {
				ev["location"] = map[string]any{"@type": "Place", "name": r.Place}
			}
			events = append(events, ev)
		}
		trailers = append(trailers, f.Trailer.Value)
		for _, u := range f.Unmapped {
			c.diag(Warning, s.Name, u.Line, "%s %q: schema.org has no Movie property for it; left out", strings.ToLower(u.Label), u.Value)
		}
	}
	setList(m, "abstract", stringsAny(uniqueStrings(abstracts)))
	setList(m, "description", stringsAny(uniqueStrings(descs)))
	setList(m, "releasedEvent", events)
	var videos []any
	for _, t := range uniqueStrings(trailers) {
		videos = append(videos, map[string]any{"@type": "VideoObject", "embedUrl": t})
	}
	setList(m, "trailer", videos)
}

// credits sets director, author, producer, musicBy, productionCompany and
// contributor. A credit with a role name of its own ("Cinematography",
// "Co-production") is wrapped in a schema.org Role that carries it. When one
// source credits an agent plainly ("Production companies: A, B") and another
// more precisely ("Co-production: B"), the precise credit replaces the plain
// one; within one source both stand, since "Screenplay" and "Story" by the
// same person are two credits.
func (c *combiner) credits(m map[string]any) {
	type credit struct {
		role     film.Role
		roleName string
		agent    *agent
		source   *film.Source
	}
	var all []credit
	seen := map[string]bool{}
	for _, s := range c.sources {
		for _, cr := range s.Film.Credits {
			a := c.res.lookup(cr.Agent.Organization, cr.Agent.Name.Value)
			key := creditKey(cr.Role, fold(cr.RoleName)) + "|" + a.id
			if !seen[key] {
				seen[key] = true
				all = append(all, credit{cr.Role, cr.RoleName, a, s})
			}
		}
	}
	subsumed := func(p credit) bool {
		if p.roleName != "" {
			return false
		}
		precise := false
		for _, o := range all {
			if o.role == p.role && o.agent == p.agent && o.roleName != "" {
				if o.source == p.source {
					return false
				}
				precise = true
			}
		}
		return precise
	}
	lists := map[film.Role][]any{}
	var order []film.Role
	for _, cr := range all {
		if subsumed(cr) {
			continue
		}
		var v any = map[string]any{"@id": cr.agent.id}
		if cr.roleName != "" {
			v = map[string]any{"@type": "Role", "roleName": cr.roleName, string(cr.role): v}
		}
		if lists[cr.role] == nil {
			order = append(order, cr.role)
		}
		lists[cr.role] = append(lists[cr.role], v)
	}
	for _, role := range order {
		setList(m, string(role), lists[role])
	}
}

// cast sets actor: a PerformanceRole for each actor and character, a plain
// Person for an actor no source gives a character or a role name. An
// actor's characters come from the preferred source that names any;
// another source's character that is not one of them (up to accents and
// case) is a conflict: it stays in that source's own graph and a warning
// names both. One source may give an actor two characters; that is not a
// conflict.
//
// How the actor took part ("voice", "uncredited", "archive footage",
// "himself" for a person appearing as themselves) is the role's roleName,
// never part of its characterName. A role name stated with a character
// belongs to that character; one stated without (an infobox's "Voices
// of") to every role of the actor. A character's description ("a
// pull-string cowboy doll") is the role's description.
func (c *combiner) cast(m map[string]any) {
	type stated struct {
		spellings   []string // of one character, first as first stated
		roleNames   []string
		description string
		where       string
	}
	type actor struct {
		agent      *agent
		characters []*stated
		roleNames  []string     // stated without a character
		from       *film.Source // the source the characters come from
	}
	var actors []*actor
	byAgent := map[*agent]*actor{}
	for _, s := range c.sources {
		for _, cm := range s.Film.Cast {
			a := c.res.lookup(false, cm.Actor.Value)
			ac := byAgent[a]
			if ac == nil {
				ac = &actor{agent: a}
				byAgent[a] = ac
				actors = append(actors, ac)
			}
			if cm.Character == "" {
				ac.roleNames = appendNew(ac.roleNames, cm.RoleNames...)
				continue
			}
			at := where(s, cm.Actor.Line)
			if i := slices.IndexFunc(ac.characters, func(st *stated) bool { return fold(st.spellings[0]) == fold(cm.Character) }); i >= 0 {
				st := ac.characters[i]
				if !slices.Contains(st.spellings, cm.Character) {
					st.spellings = append(st.spellings, cm.Character)
				}
				st.roleNames = appendNew(st.roleNames, cm.RoleNames...)
				if st.description == "" {
					st.description = cm.Description
				}
				continue
			}
			if ac.from == nil || ac.from == s {
				ac.from = s
				ac.characters = append(ac.characters, &stated{spellings: []string{cm.Character},
					roleNames: slices.Clone(cm.RoleNames), description: cm.Description, where: at})
				continue
			}
			kept := ac.characters[0]
			c.diag(Warning, "", 0, "characterName of %s: %s (%s) vs %s (%s); kept %s",
				a.name, kept.spellings[0], kept.where, cm.Character, at, bestSpelling(kept.spellings))
		}
	}
	var out []any
	for _, ac := range actors {
		ref := map[string]any{"@id": ac.agent.id}
		if len(ac.characters) == 0 {
			if len(ac.roleNames) == 0 {
				out = append(out, ref)
				continue
			}
			role := map[string]any{"@type": "PerformanceRole", "actor": ref}
			setList(role, "roleName", stringsAny(ac.roleNames))
			out = append(out, role)
			continue
		}
		for _, st := range ac.characters {
			role := map[string]any{"@type": "PerformanceRole", "actor": ref, "characterName": bestSpelling(st.spellings)}
			setList(role, "roleName", stringsAny(appendNew(slices.Clone(st.roleNames), ac.roleNames...)))
			if st.description != "" {
				role["description"] = st.description
			}
			out = append(out, role)
		}
	}
	setList(m, "actor", out)
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

// works sets isBasedOn.
func (c *combiner) works(m map[string]any) {
	var works []any
	seen := map[string]bool{}
	for _, s := range c.sources {
		for _, w := range s.Film.BasedOn {
			if seen[fold(w.Name.Value)] {
				continue
			}
			seen[fold(w.Name.Value)] = true
			node := map[string]any{"@type": "CreativeWork", "name": w.Name.Value}
			if w.Author != "" {
				node["author"] = c.ref(false, w.Author)
			}
			works = append(works, node)
		}
	}
	setList(m, "isBasedOn", works)
}

// reviews sets review, dropping a review that another source (or the same
// page) states word for word. A review's publication is its publisher, an
// Organization, and also its author when the page names no reviewer: the
// publication is then who the page says wrote it.
func (c *combiner) reviews(m map[string]any) {
	var reviews []any
	seen := map[string]string{}
	for _, s := range c.sources {
		for _, rv := range s.Film.Reviews {
			key := fold(rv.Author.Value) + "|" + fold(rv.Publisher.Value) + "|" + rv.Date.Value + "|" + rv.Body.Value
			if rv.Score.Set {
				key += "|" + rv.Score.Literal
			}
			line := rv.Body.Line
			if line == 0 {
				line = firstLine(rv.Author.Line, rv.Publisher.Line, rv.Score.Line, rv.Date.Line)
			}
			if first, ok := seen[key]; ok {
				c.diag(Warning, s.Name, line, "review repeats the one at %s word for word; the copy is left out", first)
				continue
			}
			seen[key] = where(s, line)
			node := map[string]any{"@type": "Review"}
			if rv.Author.Value != "" {
				node["author"] = c.ref(false, rv.Author.Value)
			}
			if rv.Publisher.Value != "" {
				node["publisher"] = c.ref(true, rv.Publisher.Value)
				if rv.Author.Value == "" {
					node["author"] = c.ref(true, rv.Publisher.Value)
				}
			}
			if rv.Date.Value != "" {
				node["datePublished"] = rv.Date.Value
			}
			if rv.Body.Value != "" {
				node["reviewBody"] = rv.Body.Value
			}
			if rv.Score.Set {
				node["reviewRating"] = ratingNode("Rating", rv.Score, rv.Scale)
			}
			reviews = append(reviews, node)
		}
	}
	setList(m, "review", reviews)
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

// ratingNode is a Rating or AggregateRating with a stated score and the
// bounds of its scale that are known: the page's own, or its site's
// documented scale (see package reviews).
func ratingNode(typ string, score film.Number, scale film.Scale) map[string]any {
	n := map[string]any{"@type": typ, "ratingValue": scoreValue(score)}
	if scale.Best.Set {
		n["bestRating"] = scale.Best.Value
	}
	if scale.Worst.Set {
		n["worstRating"] = scale.Worst.Value
	}
	return n
}

// scoreValue writes a score as the page does. A whole number is a JSON
// number (an xsd:integer in RDF, exact). Any other is the page's text: a
// JSON number would be an xsd:double, whose canonical RDF form turns the
// page's 8.2 into "8.199999999999999E0"; ratingValue takes Text, and search
// engines read "8.2" as the number it is.
func scoreValue(score film.Number) any {
	if lit := score.Literal; lit != "" && strings.ContainsAny(lit, ".,") {
		return lit
	}
	return score.Value
}

// ratings sets aggregateRating with only the numbers the pages state: the
// verdict is kept as words, never turned into a score, and a score comes
// with its scale (the page's, or its site's documented one). Each band of a
// distribution is an AggregateRating of its own, named after its summary
// and band.
//
// Search engines read one aggregateRating per item. The critic score comes
// first, since it is the site's headline (its "Metascore") and is based on
// reviews; a stated user score follows as an AggregateRating of its own,
// out of 10 and with its ratingCount, and the bands, which have no
// ratingValue, follow last. A web snippet (package schemas) drops every
// AggregateRating without a ratingValue.
func (c *combiner) ratings(m map[string]any) {
	var out []any
	for _, s := range c.sources {
		out = append(out, summaryNodes("Critic score", "reviewCount", s.Film.Critics, true)...)
		out = append(out, summaryNodes("User score", "ratingCount", s.Film.Users, false)...)
	}
	setList(m, "aggregateRating", out)
}

func summaryNodes(name, countProp string, s film.Summary, countIsOverall bool) []any {
	var out []any
	if s.Score.Set || s.Verdict.Value != "" {
		n := map[string]any{"@type": "AggregateRating", "name": name}
		if s.Score.Set {
			n = ratingNode("AggregateRating", s.Score, s.Scale)
			n["name"] = name
		}
		if s.Verdict.Value != "" {
			n["ratingExplanation"] = s.Verdict.Value
		}
		if s.Count.Set && (countIsOverall || s.Verdict.Value != "" || s.Score.Set) {
			n[countProp] = s.Count.Value
		}
		out = append(out, n)
	}
	for _, b := range s.Buckets {
		out = append(out, map[string]any{"@type": "AggregateRating", "name": name + ": " + b.Label, countProp: b.Count.Value})
	}
	return out
}

// agentNode builds a Person or Organization node, or nil when the view's
// one source does not name the agent.
func (c *combiner) agentNode(a *agent) map[string]any {
	name, alternates := a.name, a.alternates()
	if c.only != nil {
		spellings := a.spellingsIn(c.only)
		if len(spellings) == 0 {
			return nil
		}
		name, alternates = spellings[0], spellings[1:]
	}
	n := map[string]any{"@id": a.id, "@type": "Person", "name": name}
	if a.org {
		n["@type"] = "Organization"
	}
	setList(n, "alternateName", stringsAny(alternates))
	if a.url != "" && (c.only == nil || c.only == a.urlSource) {
		n["url"] = a.url
	}
	if ct := a.contact; ct != nil && (c.only == nil || c.only == a.contactSource) {
		for prop, v := range map[string]string{"address": ct.Address, "telephone": ct.Telephone,
			"faxNumber": ct.Fax, "email": ct.Email, "url": ct.URL} {
			if v != "" {
				n[prop] = v
			}
		}
	}
	return n
}

// pageNode describes a source page that states its own URL.
func (c *combiner) pageNode(s *film.Source) map[string]any {
	n := map[string]any{"@id": s.URL.Value, "@type": "WebPage", "url": s.URL.Value}
	if s.Publisher != nil {
		n["publisher"] = c.ref(true, s.Publisher.Name.Value)
	}
	return n
}

// setList sets a property to its values: nothing for none, the value for
// one, an array for more, so that the document is already compact.
func setList(m map[string]any, prop string, vals []any) {
	switch len(vals) {
	case 0:
	case 1:
		m[prop] = vals[0]
	default:
		m[prop] = vals
	}
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

func stringsAny(in []string) []any {
	out := make([]any, len(in))
	for i, s := range in {
		out[i] = s
	}
	return out
}
