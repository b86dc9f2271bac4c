// Package film is the source-level model that every film2ld mapper fills in:
// what one document says about one film, with the line each fact stands on.
//
// A mapper (mapping/reviews, mapping/encyclopedia, mapping/prize) turns one
// document into a [Source]; package mapping then merges several Sources into a
// schema.org graph. The model deliberately keeps names and values as the
// document writes them (trimmed, with boilerplate removed) and leaves every
// decision about identity, merging and schema.org terms to package mapping, so
// that a mapper only has to know its page layout.
//
// # Plain facts
//
// [Facts] are the facts that merge by their type alone (a year, countries,
// genres, texts). Package mapping's merged view holds the same struct, so
// a field's type here is the whole of its merge rule: see [Facts].
package film

import (
	"math"
	"reflect"
	"strconv"

	"github.com/film2ld/film2ld/ld/diag"
)

// Kind names a source layout. Its string form is what `--kind` accepts.
type Kind string

// The source kinds film2ld reads.
const (
	// Reviews is a review aggregator's page: critic and user reviews and
	// their score distributions.
	Reviews Kind = "reviews"
	// Encyclopedia is an encyclopedia article: title heading, infobox, lead,
	// plot and cast.
	Encyclopedia Kind = "encyclopedia"
	// Prize is a film prize's page: synopsis, crew, cast, production and the
	// world-sales contact.
	Prize Kind = "prize"
)

// Kinds lists every kind in the default order of preference for single-valued
// facts (see mapping.Options.Prefer): an encyclopedia article is edited
// against several sources, a prize page states what the festival was sent,
// and a review page states little about the film itself.
var Kinds = []Kind{Encyclopedia, Prize, Reviews}

// Source is everything one document states about its film.
type Source struct {
	// Name is how the user named the document (a path or "-"); it appears in
	// messages only and never in the output graph.
	Name string
	// Kind is the layout the document was read as.
	Kind Kind
	// Digest is the hex SHA-256 of the document's bytes as read, a
	// content-derived identity for sources that state no URL.
	Digest string
	// URL is the document's own address, when it states one.
	URL Text
	// Retrieved is the ISO 8601 date the document says it was retrieved on.
	Retrieved Text
	// Publisher is the site that published the document, when it says so.
	Publisher *Agent

	Film Film
	// Notes are things the mapper did that a user should know about, such as
	// a derived count or a repaired encoding. They are not errors.
	Notes []Note
}

// Film holds the facts about the film itself. Its plain facts (Facts)
// merge by their types alone; the others have merge rules of their own in
// package mapping.
type Film struct {
	// Title is the title this source uses for the film internationally: the
	// translated title when the source gives an original and a translation.
	Title Text
	// OtherTitles are further titles the source gives (original titles,
	// titles in other languages).
	OtherTitles []Text
	Facts
	// Languages are language names as written ("French").
	Languages []Text
	Credits   []Credit
	Cast      []CastMember
	Releases  []Release
	BasedOn   []Work
	// Unmapped are stated facts that schema.org has no term for (a budget,
	// a box office figure); they are reported, never silently dropped.
	Unmapped []Field
	// AgentAliases are other names the document gives the people and
	// organisations it names, in the order they stand: a name written
	// again in another script in brackets ("Zhang Yimou (張藝謀)"), the
	// name a cast entry says the actor was credited as ("Terence Hill
	// (credited as Mario Girotti)"). They are the agents' alternate
	// names; they never name an agent.
	AgentAliases []AgentAlias

	Critics Summary
	Users   Summary
	Reviews []Review
}

// Facts are the film's plain facts: those that merge by their type alone,
// with no rule of their own. A Source's Film holds what one document
// states; package mapping's merged view holds the same struct, merged
// field by field by the field's type:
//
//   - [Texts] and [Names] (multi-valued): the union of every source's
//     values in the order of source preference, each value once;
//   - [Single] and [Minutes] (single-valued): the most preferred source's
//     value, with a warning that names both places when another source
//     states a different one.
//
// So a new plain fact is one field here, read by its mapper and written by
// one line of package mapping's renderer: merging needs no code of its
// own. A field's name in messages is its tag `fact:"name"`, else its
// field name in lower case.
type Facts struct {
	// Year is the year the film was made.
	Year Single
	// Runtime is the running time; messages call it by the schema.org name
	// the output shows it under.
	Runtime Minutes `fact:"duration"`
	// Countries are the countries of production, as the source writes
	// them ("Belgique", "Belgium").
	Countries Countries
	// Genres are the kinds of film the source says it is ("Drama").
	Genres Names
	// ContentRatings are the film's ratings by a rating board, as the
	// source writes them ("PG-13", "Not Rated").
	ContentRatings Names `fact:"contentRating"`
	// Abstracts are short summaries, such as an article's lead paragraph.
	Abstracts Texts
	// Descriptions are longer texts about the film: a plot, a synopsis.
	Descriptions Texts
	// Trailers are embed URLs of trailer videos.
	Trailers Texts
}

// Stated reports whether any plain fact is stated.
func (f *Facts) Stated() bool { return !reflect.ValueOf(f).Elem().IsZero() }

// Texts is a multi-valued text fact. Merged, it is the union of the
// sources' values, each exact text once, as first stated.
type Texts []Text

// Names is a multi-valued fact of names (genres). Merged, it is the
// union of the sources' values, each name once up to accents, case,
// spacing and punctuation, spelled as first stated.
type Names []Text

// Countries are names of countries: merged, one country is one value
// whatever the language or form each source writes it in ("Belgique",
// "Belgium"), in the words of the first source to state it, in English:
// a name in French, German, Spanish or Italian is written as an English
// source writes the country, else by its English name.
type Countries []Text

// Single is a single-valued number (a year). Merged, it is the most
// preferred source's value that is Set.
type Single struct {
	Value float64
	// Set tells a stated zero from an absent value.
	Set  bool
	Line int
	// Source is the document the value comes from in a merged view; nil in
	// a Source's own model, whose document it is.
	Source *Source
}

// String writes the value as a decimal without an exponent ("2014").
func (s Single) String() string { return strconv.FormatFloat(s.Value, 'f', -1, 64) }

// Minutes is a single-valued running time in minutes: a fraction of one
// where the source states seconds ([SecondsOf]). It merges as a Single
// does; messages write it in minutes (and seconds) and say what is kept
// as ISO 8601.
type Minutes Single

// SecondsOf is a running time of n seconds, stated on a line.
func SecondsOf(n, line int) Minutes {
	return Minutes{Value: float64(n) / 60, Set: true, Line: line}
}

// Seconds is the running time in whole seconds (a source states no
// fraction of one).
func (m Minutes) Seconds() int { return int(math.Round(m.Value * 60)) }

// String writes the running time for a message: "95 min", "12 min 40 s".
func (m Minutes) String() string {
	n := m.Seconds()
	if n%60 == 0 {
		return strconv.Itoa(n/60) + " min"
	}
	return strconv.Itoa(n/60) + " min " + strconv.Itoa(n%60) + " s"
}

// ISO8601 writes the running time as an ISO 8601 duration: "PT95M",
// "PT12M40S", "PT45S".
func (m Minutes) ISO8601() string {
	n := m.Seconds()
	switch {
	case n%60 == 0:
		return "PT" + strconv.Itoa(n/60) + "M"
	case n < 60:
		return "PT" + strconv.Itoa(n) + "S"
	}
	return "PT" + strconv.Itoa(n/60) + "M" + strconv.Itoa(n%60) + "S"
}

// Text is a string fact and the line it stands on; Line 0 means unknown.
type Text struct {
	Value string
	Line  int
	// Source is the document the text comes from where package mapping
	// gathers several sources' texts into one list (a merged view's Facts);
	// nil in a Source's own model, whose document it is.
	Source *Source
}

// Number is a numeric fact; Set tells a stated zero from an absent value.
type Number struct {
	Value float64
	Set   bool
	Line  int
	// Literal is the number as the page writes it ("8.2", "81"), when the
	// mapper keeps it; Value is parsed from it and never computed, so that
	// the output shows the page's number and not a rounding of it.
	Literal string
}

// Scale is the range a score is given on: the page's own statement ("8/10")
// or the documented scale of the source kind's site. An unset bound is one
// nobody stated; it is never guessed.
type Scale struct {
	Worst Number
	Best  Number
}

// Field is a labelled fact kept as written.
type Field struct {
	Label string
	Text
}

// Role says which part an agent played in making the film, in film2ld's
// own words (the renderer in package mapping picks the schema.org property
// for each); crew without a role of its own is a Contributor with a role
// name.
type Role string

// The roles film2ld distinguishes.
const (
	Director          Role = "director"
	Author            Role = "author"
	Producer          Role = "producer"
	Composer          Role = "composer"
	ProductionCompany Role = "production company"
	Contributor       Role = "contributor"
)

// Credit is one agent in one role. RoleName refines the role with the
// document's own words ("Cinematography", "Co-production", "Story").
type Credit struct {
	Role     Role
	RoleName string
	Agent    Agent
}

// Agent is a person or an organisation as the document names it.
type Agent struct {
	Name Text
	// Organization is true for companies and other bodies.
	Organization bool
	// reach is the agent's contact and URL, nil for an agent that states
	// neither (nearly every one): as two fields of every agent they were
	// 16 of a credit's 96 bytes, 4 MB of export's peak for a prize page
	// of 248,000 crew credits. Set only through SetContact and SetURL,
	// which make a new one, so that copies of an Agent never share a
	// change.
	reach *agentReach
}

// agentReach is what an Agent states beside its name and kind.
type agentReach struct {
	contact *Contact
	url     string
}

// Contact returns how to reach the agent (a sales agent's address), or
// nil.
func (a *Agent) Contact() *Contact {
	if a.reach == nil {
		return nil
	}
	return a.reach.contact
}

// URL returns the agent's web address (a publisher's site), or "".
func (a *Agent) URL() string {
	if a.reach == nil {
		return ""
	}
	return a.reach.url
}

// SetContact sets how to reach the agent; nil for none.
func (a *Agent) SetContact(c *Contact) { a.setReach(c, a.URL()) }

// SetURL sets the agent's web address; "" for none.
func (a *Agent) SetURL(url string) { a.setReach(a.Contact(), url) }

// setReach gives the agent a new reach, or none where it states neither.
func (a *Agent) setReach(c *Contact, url string) {
	if c == nil && url == "" {
		a.reach = nil
		return
	}
	a.reach = &agentReach{contact: c, url: url}
}

// Contact is how to reach an organisation.
type Contact struct {
	Address   string
	Telephone string
	Fax       string
	Email     string
	URL       string
}

// AgentAlias is another name of an agent: Name as the credit or cast
// entry reads it, and Alias, the other name, where it stands.
type AgentAlias struct {
	Name  string
	Alias Text
}

// CastMember is an actor and, when stated, the character they play.
type CastMember struct {
	Actor     Text
	Character string
	// Details are what the entry states beside them; nil for an entry
	// that states nothing more (nearly every one: as fields of every
	// entry they were 48 of its 104 bytes, for each of the 66,000 parts
	// of a people-dense article). RoleNames, Description and CreditedAs
	// read them.
	Details *CastDetails
}

// CastDetails are what few cast entries state beside the actor and the
// character.
type CastDetails struct {
	// RoleNames are the document's words for how the actor takes part,
	// lower-cased and kept out of the character's name: "voice",
	// "uncredited", "archive footage", and "himself" (or "herself",
	// "themselves") for a person who appears as themselves, who then has
	// no Character.
	RoleNames []string
	// Description is what the document says of the character after its
	// name ("Woody, a pull-string cowboy doll").
	Description string
	// CreditedAs is the name the document says the actor was credited
	// under ("Terence Hill (credited as Mario Girotti)"): package mapping
	// makes it one of the actor's AgentAliases.
	CreditedAs string
}

// RoleNames returns the entry's role names (see CastDetails), if any.
func (c *CastMember) RoleNames() []string {
	if c.Details == nil {
		return nil
	}
	return c.Details.RoleNames
}

// Description returns what the entry says of the character (see
// CastDetails), or "".
func (c *CastMember) Description() string {
	if c.Details == nil {
		return ""
	}
	return c.Details.Description
}

// CreditedAs returns the name the entry says the actor was credited
// under (see CastDetails), or "".
func (c *CastMember) CreditedAs() string {
	if c.Details == nil {
		return ""
	}
	return c.Details.CreditedAs
}

// Release is one stated release: a date and, when given, where.
type Release struct {
	Date  Text
	Place string
}

// Work is a work the film is based on.
type Work struct {
	Name   Text
	Author string
}

// Summary is an aggregate verdict with its distribution.
type Summary struct {
	// Score is the numeric score, only when the page states one.
	Score Number
	// Scale is the range Score is given on; set only with Score.
	Scale Scale
	// Verdict is the page's words for the score ("Mixed or average reviews").
	Verdict Text
	// Count is how many reviews or ratings the verdict is based on.
	Count   Number
	Buckets []Bucket
}

// Stated reports whether the summary holds any fact.
func (s Summary) Stated() bool {
	return s.Score.Set || s.Verdict.Value != "" || s.Count.Set || len(s.Buckets) > 0
}

// Bucket is one band of a score distribution ("Positive: 2 out of 5").
type Bucket struct {
	Label string
	Count Number
	// Derived is true when the page left the bucket out and its count was
	// derived from the total minus the stated buckets.
	Derived bool
}

// Review is one critic or user review.
type Review struct {
	// Critic is true for a critic review, false for a user review.
	Critic bool
	// Author is the reviewer as named; empty when the page names none, or
	// names one that does not look like a person's name (reported).
	Author Text
	// Coauthors are the reviewers the page names after Author, in its
	// order ("Mark Kermode & Simon Mayo"); nil when it names one. A
	// pointer, as Rating is: nearly every review has one reviewer, and a
	// list's room in each of 50,000 reviews is 1.2 MB.
	Coauthors *[]Text
	// Publisher is the publication the review appeared in ("Variety").
	Publisher Text
	// Date is ISO 8601 (YYYY-MM-DD).
	Date Text
	Body Text
	// Rating is the review's own score with the scale it is given on; nil
	// when the page states none. A pointer: a score and its scale take
	// more room than the rest of a review, and a page of 50,000 reviews
	// without scores held them for every one (5.6 MB at export's peak).
	Rating *ReviewRating
}

// ReviewRating is a review's own score and the scale it is given on.
type ReviewRating struct {
	Score Number
	Scale Scale
}

// Note is something a mapper did that the user should know about.
type Note struct {
	Line    int
	Message string
}

// Error is a problem with a document at a position: Pos.File names the
// document, and Pos.Line 0 means the document as a whole. It is film2ld's
// one positioned error (see package diag), so the command prints a
// mapper's error as it prints the JSON-LD reader's.
type Error = diag.PosError
