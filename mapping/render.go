package mapping

import (
	"encoding/base64"
	"encoding/hex"
	"iter"
	"slices"
	"strings"
	"unicode"

	"github.com/film2ld/film2ld/mapping/film"
	"github.com/film2ld/film2ld/mapping/internal/locale"
)

// This file is the renderer: the only code in film2ld that knows
// schema.org's terms. It writes a Film (the merged view, a source's own
// view, or a web snippet made of the merged view) as compact JSON-LD with
// "@context": "https://schema.org". Adding a schema.org property is one
// line here, beside its field in film.Facts and the mapper that reads it.

// properties are the schema.org properties of the film's crew roles.
var properties = map[film.Role]string{
	film.Director:          "director",
	film.Author:            "author",
	film.Producer:          "producer",
	film.Composer:          "musicBy",
	film.ProductionCompany: "productionCompany",
	film.Contributor:       "contributor",
}

// Render writes the view as JSON-LD: a "@graph" whose first node is the
// Movie; people and organisations follow as nodes of their own, referred
// to by "@id", then (in the merged view) the source pages that state their
// address. Numbers are float64.
func (f *Film) Render() map[string]any {
	return map[string]any{"@context": "https://schema.org", "@graph": f.graph(false)}
}

// RenderStream is Render for a writer that walks the view once: its long
// lists are iter.Seq[any] that render each node as it is asked for, its
// references to people and organisations their *Agent, an ld.NodeRef,
// and its nodes lists of their members, ld.Nodes (see stream.go).
func (f *Film) RenderStream() map[string]any {
	return map[string]any{"@context": "https://schema.org", "@graph": f.graph(true)}
}

// graph is the view's top-level nodes: a sequence (lazy) or an array.
func (f *Film) graph(lazy bool) any {
	l := nodeList{parts: []iter.Seq[any]{f.nodes(lazy)}}
	return l.value(lazy)
}

// nodes renders the view's top-level nodes one by one; lazy makes the
// Movie's long lists sequences too.
func (f *Film) nodes(lazy bool) iter.Seq[any] {
	return func(yield func(any) bool) {
		if !yield(f.movie(lazy)) {
			return
		}
		for _, a := range f.Agents {
			if !yield(agentNode(a, lazy)) {
				return
			}
		}
		for _, p := range f.WebPages {
			n := newFields(lazy, 4)
			n.set("@id", p.URL)
			n.set("@type", "WebPage")
			n.set("url", p.URL)
			if p.Publisher != nil {
				n.set("publisher", ref(p.Publisher, lazy))
			}
			if !yield(n.value()) {
				return
			}
		}
	}
}

// RenderItem writes one review or aggregate rating of the view alone (give
// one of review and rating): its Movie, with the view's IRI and name and
// nothing else, holding it, and the people and organisations it names.
// It is what a search engine's rules judge one review or rating by.
func (f *Film) RenderItem(review *Review, rating *Rating) map[string]any {
	m := map[string]any{"@type": "Movie"}
	if f.ID != "" {
		m["@id"] = f.ID
	}
	if f.Name != "" {
		m["name"] = f.Name
	}
	nodes := []any{m}
	if review != nil {
		m["review"] = reviewNode(*review, false)
		if a := review.Author; a != nil {
			nodes = append(nodes, agentNode(a, false))
		}
		if co := review.Coauthors; co != nil {
			for _, a := range *co {
				nodes = append(nodes, agentNode(a, false))
			}
		}
		if a := review.Publisher; a != nil && a != review.Author {
			nodes = append(nodes, agentNode(a, false))
		}
	}
	if rating != nil {
		m["aggregateRating"] = aggregateNode(*rating, false)
	}
	return map[string]any{"@context": "https://schema.org", "@graph": nodes}
}

// movie builds the Movie node; lazy renders its lists as sequences, each
// item as a writer asks for it: any of them may be long (50,000 reviews
// on a review page, 60,000 actors in an article's cast list took 40 MB
// rendered whole for a 2 MB article).
func (f *Film) movie(lazy bool) any {
	m := newFields(lazy, 16)
	m.set("@type", "Movie")
	if f.ID != "" {
		m.set("@id", f.ID)
	}
	if f.Name != "" {
		m.set("name", f.Name)
	}
	setItems(&m, "alternateName", lazy, len(f.AlternateNames), func(i int) any { return f.AlternateNames[i] })
	if f.Year.Set {
		m.set("dateCreated", f.Year.String())
	}
	if f.Runtime.Set {
		m.set("duration", f.Runtime.ISO8601())
	}
	if f.URL != "" {
		m.set("url", f.URL)
	}
	if f.Image != "" {
		m.set("image", f.Image)
	}
	setItems(&m, "countryOfOrigin", lazy, len(f.Countries), func(i int) any {
		return typedName(lazy, "Country", f.Countries[i].Value)
	})
	setItems(&m, "inLanguage", lazy, len(f.Languages), func(i int) any {
		if l := f.Languages[i]; l.Tag != "" {
			return l.Tag
		}
		return typedName(lazy, "Language", f.Languages[i].Name)
	})
	setTexts(&m, "genre", lazy, f.Genres)
	setTexts(&m, "contentRating", lazy, f.ContentRatings)
	setTexts(&m, "abstract", lazy, f.Abstracts)
	setTexts(&m, "description", lazy, f.Descriptions)
	setItems(&m, "releasedEvent", lazy, len(f.Releases), func(i int) any {
		r := f.Releases[i]
		ev := newFields(lazy, 3)
		ev.set("@type", "PublicationEvent")
		ev.set("startDate", r.Date)
		switch {
		case r.Place == "":
		case isFestival(r.Place):
			// "(Berlinale)", "(Venice International Film Festival)":
			// the release is a screening at an event, not at a place
			// of that name.
			ev.set("superEvent", typedName(lazy, "Festival", r.Place))
		default:
			ev.set("location", typedName(lazy, placeType(r.Place), r.Place))
		}
		return ev.value()
	})
	setItems(&m, "trailer", lazy, len(f.Trailers), func(i int) any {
		n := newFields(lazy, 2)
		n.set("@type", "VideoObject")
		n.set("embedUrl", f.Trailers[i].Value)
		return n.value()
	})
	f.credits(&m, lazy)
	setItems(&m, "actor", lazy, len(f.Cast), func(i int) any { return castNode(&f.Cast[i], lazy) })
	setItems(&m, "isBasedOn", lazy, len(f.BasedOn), func(i int) any {
		w := f.BasedOn[i]
		n := newFields(lazy, 3)
		n.set("@type", "CreativeWork")
		n.set("name", w.Name)
		if w.Author != nil {
			n.set("author", ref(w.Author, lazy))
		}
		return n.value()
	})
	setItems(&m, "review", lazy, len(f.Reviews), func(i int) any { return reviewNode(f.Reviews[i], lazy) })
	setItems(&m, "aggregateRating", lazy, len(f.Ratings), func(i int) any { return aggregateNode(f.Ratings[i], lazy) })
	setItems(&m, "subjectOf", lazy, len(f.SubjectOf), func(i int) any { return idNode(lazy, f.SubjectOf[i]) })
	return m.value()
}

// isFestival reports whether a release's place in brackets names a film
// festival: by the word ("Fajr Film Festival", "Festival de Cannes",
// "Filmfestival", "Fantastic Fest") or by the name of one the word is
// not part of ("Berlinale", "Mostra", "TIFF", "SXSW").
// A venue's name that holds one ("Royal Festival Hall", "TIFF Bell
// Lightbox", "Sundance Channel") is a place.
func isFestival(place string) bool {
	lower := strings.ToLower(place)
	words := strings.FieldsFunc(lower, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	festival := strings.Contains(lower, "festival") || strings.Contains(lower, "filmfest")
	for _, w := range words {
		switch w {
		case "fest", "berlinale", "biennale", "mostra", "sundance", "tiff", "sxsw":
			festival = true
		case "hall", "theatre", "theater", "cinema", "cinemas", "lightbox", "channel", "tv", "arena", "palace", "palais", "centre", "center", "square", "park":
			return false
		}
	}
	return festival
}

// placeType is the schema.org type of a release's place: Country for the
// name of one ("France", "Belgique"), else Place (a city, a cinema).
func placeType(place string) string {
	if _, ok := locale.Country(place); ok {
		return "Country"
	}
	if _, ok := locale.EnglishCountry(place); ok {
		return "Country"
	}
	return "Place"
}

// typedName is a node of type typ with a name alone.
func typedName(lazy bool, typ, name string) any {
	n := newFields(lazy, 2)
	n.set("@type", typ)
	n.set("name", name)
	return n.value()
}

// idNode is a node of an IRI alone: a reference to what is not an Agent.
func idNode(lazy bool, id string) any {
	n := newFields(lazy, 1)
	n.set("@id", id)
	return n.value()
}

// setTexts sets prop to the values of texts (see setItems).
func setTexts(m *fields, prop string, lazy bool, texts []film.Text) {
	if len(texts) == 0 {
		return // no closure to make: most of a film's lists are empty
	}
	setItems(m, prop, lazy, len(texts), func(i int) any { return texts[i].Value })
}

// credits writes each crew role's property, in the order the roles first
// appear (see setItems). A credit with a role name of its own
// ("Cinematography", "Co-production") is wrapped in a schema.org Role
// that carries it.
func (f *Film) credits(m *fields, lazy bool) {
	byProp := map[string][]int{}
	var order []string
	for i, cr := range f.Credits {
		prop := properties[cr.Role()]
		if byProp[prop] == nil {
			order = append(order, prop)
		}
		byProp[prop] = append(byProp[prop], i)
	}
	for _, prop := range order {
		credits := byProp[prop]
		setItems(m, prop, lazy, len(credits), func(i int) any {
			cr := f.Credits[credits[i]]
			v := ref(cr.Agent, lazy)
			if name := cr.RoleName(); name != "" {
				role := newFields(lazy, 3)
				role.set("@type", "Role")
				role.set("roleName", name)
				role.set(prop, v)
				v = role.value()
			}
			return v
		})
	}
}

// castNode writes a part of the cast: a PerformanceRole for a part with a
// character or a role name, the Person alone otherwise.
func castNode(p *Performance, lazy bool) any {
	if p.Character == "" && len(p.RoleNames()) == 0 {
		return ref(p.Actor, lazy)
	}
	role := newFields(lazy, 5)
	role.set("@type", "PerformanceRole")
	role.set("actor", ref(p.Actor, lazy))
	if p.Character != "" {
		role.set("characterName", p.Character)
	}
	setStrings(&role, "roleName", p.RoleNames())
	if d := p.Description(); d != "" {
		role.set("description", d)
	}
	return role.value()
}

// reviewNode writes a Review. A review's publication is its publisher, an
// Organization, and also its author when the page names no reviewer: the
// publication is then who the page says wrote it.
func reviewNode(r Review, lazy bool) any {
	n := newFields(lazy, 6)
	n.set("@type", "Review")
	if r.Author != nil && r.Coauthors != nil {
		co := *r.Coauthors
		setItems(&n, "author", lazy, 1+len(co), func(i int) any {
			if i == 0 {
				return ref(r.Author, lazy)
			}
			return ref(co[i-1], lazy)
		})
	} else if r.Author != nil {
		n.set("author", ref(r.Author, lazy))
	}
	if r.Publisher != nil {
		n.set("publisher", ref(r.Publisher, lazy))
		if r.Author == nil {
			n.set("author", ref(r.Publisher, lazy))
		}
	}
	if r.Date != "" {
		n.set("datePublished", r.Date)
	}
	if r.Body != "" {
		n.set("reviewBody", r.Body)
	}
	if r.Rating != nil {
		rating := ratingFields(lazy, "Rating", r.Rating.Score, r.Rating.Scale, 0)
		n.set("reviewRating", rating.value())
	}
	return n.value()
}

// aggregateNode writes an AggregateRating, named after its summary and
// band. A critic summary counts reviews, a user summary ratings.
func aggregateNode(r Rating, lazy bool) any {
	name, countProp := "User score", "ratingCount"
	if r.Critic {
		name, countProp = "Critic score", "reviewCount"
	}
	if r.Band != "" {
		n := newFields(lazy, 3)
		n.set("@type", "AggregateRating")
		n.set("name", name+": "+r.Band)
		n.set(countProp, r.Count.Value)
		return n.value()
	}
	var n fields
	if r.Score.Set {
		n = ratingFields(lazy, "AggregateRating", r.Score, r.Scale, 3)
	} else {
		n = newFields(lazy, 4)
		n.set("@type", "AggregateRating")
	}
	n.set("name", name)
	if r.Verdict != "" {
		n.set("ratingExplanation", r.Verdict)
	}
	if r.Count.Set {
		n.set(countProp, r.Count.Value)
	}
	return n.value()
}

// ratingFields is a Rating or AggregateRating with a stated score and the
// bounds of its scale that are known: the page's own, or its site's
// documented scale (see package reviews); more is the room to leave for
// the keys the caller sets after.
func ratingFields(lazy bool, typ string, score film.Number, scale film.Scale, more int) fields {
	n := newFields(lazy, 4+more)
	n.set("@type", typ)
	n.set("ratingValue", scoreValue(score))
	if scale.Best.Set {
		n.set("bestRating", scale.Best.Value)
	}
	if scale.Worst.Set {
		n.set("worstRating", scale.Worst.Value)
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

// agentNode writes a Person or an Organization. The address its contact
// gives, where it gives one, is its url.
func agentNode(a *Agent, lazy bool) any {
	// Sized to fit: a slice too large costs as much room as the map.
	size := 4 // @id, @type, name, url
	if len(a.AlternateNames()) > 0 {
		size++
	}
	if ct := a.Contact(); ct != nil {
		size += 4 // address, telephone, faxNumber, email
	}
	n := newFields(lazy, size)
	n.set("@id", a.ID)
	if a.Organization {
		n.set("@type", "Organization")
	} else {
		n.set("@type", "Person")
	}
	n.set("name", a.Name)
	setStrings(&n, "alternateName", a.AlternateNames())
	url := a.URL()
	if ct := a.Contact(); ct != nil {
		if ct.URL != "" {
			url = ct.URL
		}
		setString(&n, "address", ct.Address)
		setString(&n, "telephone", ct.Telephone)
		setString(&n, "faxNumber", ct.Fax)
		setString(&n, "email", ct.Email)
	}
	setString(&n, "url", url)
	return n.value()
}

// ref returns a reference to a: in a streaming view, a itself (an
// ld.NodeRef, which WriteDirect walks without a map: a map of one key for
// each reference was 8% of the bytes allocated to write a film as
// canonical N-Quads), else {"@id": a.ID}.
func ref(a *Agent, lazy bool) any {
	if lazy {
		return a
	}
	return map[string]any{"@id": a.ID}
}

// NodeID returns the agent's IRI: in a streaming view (Film.RenderStream,
// Film.DatasetStream) an agent stands for its node reference, an
// ld.NodeRef.
func (a *Agent) NodeID() string { return a.ID }

// Dataset writes the merged view with provenance, for RDF stores, laid out
// so that replacing a film's graphs replaces the film: the merged view, a
// node describing each source document (its URL, or an ni:///sha-256 IRI
// of its content; its kind; its retrieval date) and the list of source
// graphs (PropDerivedFrom) in the film's graph, named GraphIRI of the IRI
// Merge minted; and in a named graph per source, with the source's IRI as
// its name, exactly what that source states, spelled as it spells it. A
// fact the sources disagree on is in each source's graph as stated. With
// Options.MergedInDefaultGraph, or when the film has no IRI, the merged
// view and the source descriptions are in the default graph instead.
func (f *Film) Dataset() map[string]any {
	return map[string]any{"@context": "https://schema.org", "@graph": f.dataset(false)}
}

// DatasetStream is Dataset for a writer that walks the view once, as
// RenderStream is Render.
func (f *Film) DatasetStream() map[string]any {
	return map[string]any{"@context": "https://schema.org", "@graph": f.dataset(true)}
}

func (f *Film) dataset(lazy bool) any {
	if len(f.Views) != len(f.Sources) {
		// Without its sources' views the dataset would lack their graphs
		// and still look whole.
		panic("mapping: Dataset of a film without its sources' views (a source's own view, or merged with Options.MergedOnly)")
	}
	graph := GraphIRI(f.minted)
	movieID := ""
	if f.minted != "" {
		movieID = f.ID
	}
	oldLayout := graph == "" || f.opts.MergedInDefaultGraph
	var out, own nodeList
	var sources []any
	if oldLayout {
		out.addSeq(f.nodes(lazy))
	} else {
		own.addSeq(f.nodes(lazy))
	}
	for i, s := range f.Sources {
		desc := provenance(s, movieID, lazy)
		view := f.Views[i].graph(lazy)
		if oldLayout {
			// The description in the default graph names the source's graph.
			desc.set("@graph", view)
			out.add(desc.value())
			continue
		}
		own.add(desc.value())
		sources = append(sources, idNode(lazy, SourceIRI(s)))
		out.add(graphNode(lazy, SourceIRI(s), view))
	}
	if oldLayout {
		return out.value(lazy)
	}
	self := newFields(lazy, 3)
	self.set("@id", graph)
	self.set("about", idNode(lazy, movieID))
	setList(&self, PropDerivedFrom, sources)
	own.add(self.value())
	all := nodeList{parts: append([]iter.Seq[any]{slices.Values([]any{graphNode(lazy, graph, own.value(lazy))})}, out.parts...)}
	return all.value(lazy)
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
func provenance(s *film.Source, movieID string, lazy bool) fields {
	n := newFields(lazy, 7)
	n.set("@id", SourceIRI(s))
	if s.URL.Value != "" {
		n.set("@type", "WebPage")
		n.set("url", s.URL.Value)
	} else {
		n.set("@type", "DigitalDocument")
	}
	n.set("additionalType", string(s.Kind))
	if movieID != "" {
		n.set("about", idNode(lazy, movieID))
	}
	if s.Retrieved.Value != "" {
		n.set("http://www.w3.org/ns/prov#generatedAtTime", map[string]any{
			"@value": s.Retrieved.Value, "@type": "http://www.w3.org/2001/XMLSchema#date"})
	}
	return n
}

// graphNode is a named graph: its name and its nodes.
func graphNode(lazy bool, name string, nodes any) any {
	n := newFields(lazy, 2)
	n.set("@id", name)
	n.set("@graph", nodes)
	return n.value()
}

// setList sets a property to its values: nothing for none, the value for
// one, an array for more, so that the document is already compact.
func setList(m *fields, prop string, vals []any) {
	switch len(vals) {
	case 0:
	case 1:
		m.set(prop, vals[0])
	default:
		m.set(prop, vals)
	}
}

// setStrings is setList of strings: a single one needs no []any.
func setStrings(m *fields, prop string, vals []string) {
	switch len(vals) {
	case 0:
	case 1:
		m.set(prop, vals[0])
	default:
		out := make([]any, len(vals))
		for i, s := range vals {
			out[i] = s
		}
		m.set(prop, out)
	}
}

// setString sets prop to v, where it is not "".
func setString(m *fields, prop, v string) {
	if v != "" {
		m.set(prop, v)
	}
}
