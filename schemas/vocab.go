package schemas

import (
	"fmt"
	"html"
	"math"
	"math/bits"
	"net/url"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	edlib "github.com/hbollon/go-edlib"
	"golang.org/x/text/language"

	"github.com/film2ld/film2ld/ld/schemaorg"
)

// fullList is where a reader can look a term up when film2ld has no better
// suggestion.
const fullList = "https://schema.org/docs/full.html"

// checkVocabulary checks every type, property and value of the
// graph against the schema.org release of package schemaorg.
//
// Terms of other vocabularies (full IRIs, CURIEs) are left alone: film2ld
// has no tables for them, and mixing vocabularies is legitimate JSON-LD.
// For the same reason a node with a type film2ld cannot look up is not
// checked for domains, so one typo gives one finding, not one per property.
func checkVocabulary(g *Graph) []Finding {
	v := vocab()
	// Under a context that is not schema.org's alone, a term film2ld does
	// not know may be defined by the other context; the graph has already
	// said the terms cannot be checked (jsonld.context), so unknown terms
	// are not reported once more each.
	foreign := slices.ContainsFunc(g.Problems, func(f Finding) bool { return f.Rule == RuleContext })
	var fs []Finding
	suggested := map[suggestion]string{}
	for _, n := range g.Nodes {
		c := nodeChecker{v: v, n: n, foreign: foreign, suggested: suggested, pageURL: g.PageURL}
		c.types()
		for _, p := range n.Props {
			c.property(p.Name)
		}
		fs = append(fs, c.fs...)
	}
	return fs
}

// nodeChecker gathers the findings of one node.
type nodeChecker struct {
	v       *vocabulary
	n       *Node
	foreign bool
	fs      []Finding
	desc    string
	// known is the node's schema.org types when every type of the node is
	// one, else nil: the domain check needs the whole picture.
	known []*vocabType
	// pageURL is the page the markup is published at (--page-url), which
	// a relative URL resolves against.
	pageURL string
	// suggested remembers the graph's spelling suggestions: a name
	// written wrong is usually wrong on every node that has it (6,000
	// packages of a package-lock.json, each with "resolved" and
	// "integrity", spent 3.5 s of 5 in suggest).
	suggested map[suggestion]string
}

// suggestion is what a spelling suggestion depends on: the name, whether
// it stands for a type or a property, and for a property the node's
// schema.org types, whose properties are preferred.
type suggestion struct {
	name, types string
	isType      bool
}

// suggest is suggest remembered for the graph, for a property of the
// node or (isType) one of its types.
func (c *nodeChecker) suggest(name string, isType bool) string {
	key := suggestion{name: name, isType: isType}
	if !isType {
		names := make([]string, len(c.known))
		for i, t := range c.known {
			names[i] = t.name
		}
		key.types = strings.Join(names, " ")
	}
	if s, ok := c.suggested[key]; ok && fastPaths {
		return s
	}
	var s string
	if isType {
		s = suggest(name, c.v.names().typeNames, c.v.names().typeFold, c.v.coreType)
	} else {
		fits := func(name string) bool { return c.v.prop(name).fits(c.known) }
		s = suggest(name, c.v.names().propNames, c.v.names().propFold, fits)
	}
	c.suggested[key] = s
	return s
}

// describe names the node once: Describe walks parents and is not free.
func (c *nodeChecker) describe() string {
	if c.desc == "" {
		c.desc = c.n.Describe()
	}
	return c.desc
}

func (c *nodeChecker) add(sev Severity, rule, prop string, pos Pos, msg, fix string) {
	c.fs = append(c.fs, Finding{Severity: sev, Rule: rule, Node: c.describe(), Property: prop,
		Message: msg, Fix: fix, Pos: pos, nodeSeq: c.n.seq})
}

// types checks the node's types and records the schema.org ones.
func (c *nodeChecker) types() {
	allKnown := true
	for _, t := range c.n.Types {
		if isForeignTerm(t) {
			allKnown = false
			continue
		}
		vt := c.v.typ(t)
		if vt == nil {
			allKnown = false
			if !c.foreign {
				c.unknownType(t)
			}
			continue
		}
		c.known = append(c.known, vt)
		if vt.supersededBy != "" {
			c.add(Warning, RuleSuperseded, "", c.n.Pos,
				fmt.Sprintf("type %s is superseded by %s", t, vt.supersededBy),
				fmt.Sprintf("use %q", vt.supersededBy))
		}
	}
	if !allKnown {
		c.known = nil
	}
}

func (c *nodeChecker) unknownType(t string) {
	msg := fmt.Sprintf("%q is not a schema.org type", clip(t))
	var fix string
	switch {
	case c.v.member(t) != nil:
		m := c.v.member(t)
		msg = fmt.Sprintf("%q is a member of the enumeration %s, a value rather than a type", clip(t), strings.Join(m.Enumerations, " and "))
		fix = fmt.Sprintf("give %q as the value of a property that expects %s", "https://schema.org/"+t, m.Enumerations[0])
	case c.v.prop(t) != nil:
		// {"@type": "director"} means the node is a director: it has
		// the type of director's values, and is linked by director.
		msg = fmt.Sprintf("%q is a schema.org property, not a type", clip(t))
		fix = fmt.Sprintf("give the node the type %s, and link to it with the property %s", c.v.prop(t).valueType(), t)
	default:
		if s := c.suggest(t, true); s != "" {
			fix = fmt.Sprintf("did you mean %q?", s)
		} else {
			fix = "use a type listed at " + fullList + ", or a full IRI for a type of another vocabulary"
		}
	}
	c.add(Error, RuleUnknownType, "", c.n.Pos, msg, fix)
}

// valueType names the type a node value of the property would have,
// preferring Person, what most film properties point at.
func (p *vocabProp) valueType() string {
	switch {
	case slices.Contains(p.rng.things, "Person"):
		return "Person"
	case len(p.rng.things) > 0:
		return p.rng.things[0]
	}
	return "Thing"
}

// property checks one property of the node and its values.
func (c *nodeChecker) property(prop string) {
	if isForeignTerm(prop) {
		return
	}
	pos := c.n.PropPos(prop)
	p := c.v.prop(prop)
	ok := p != nil
	if !ok && c.actionAnnotation(prop) {
		return
	}
	if !ok {
		if !c.foreign {
			c.unknownProperty(prop, pos)
		}
		return
	}
	if p.supersededBy != "" {
		fix := fmt.Sprintf("use %q", p.supersededBy)
		if meant := c.filmMeaning(prop); meant != "" {
			fix = meant
		}
		c.add(Warning, RuleSuperseded, prop, pos,
			fmt.Sprintf("property %s is superseded by %s", prop, p.supersededBy), fix)
	}
	// A retired property may have neither domain nor range left
	// (interactionCount); the superseded finding is all there is to say.
	if len(p.domain) > 0 {
		c.domain(prop, p, pos)
	}
	if len(p.rangeNames) > 0 {
		for _, val := range c.n.Values(prop) {
			c.value(prop, p, val)
		}
	}
	for _, val := range c.n.Values(prop) {
		if s, ok := val.Literal.(string); ok {
			c.htmlEntity(prop, s, c.n.At(val.Pos))
		}
	}
}

// htmlReferenceRe is an HTML character reference's shape: a name or a
// number between "&" and ";" ("Cast&notes;" is text, though HTML reads
// its "&not" as "¬").
var htmlReferenceRe = regexp.MustCompile(`^&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});$`)

// htmlEntity warns about an HTML character reference in text
// ("exp&eacute;riment&eacute;", "Ebert&#39;s"): JSON-LD text is not HTML,
// so search engines show the reference as it is written. A page's
// template that escapes for HTML into a JSON-LD block writes them (audit
// 18: a French site's film titles). Only a complete reference that HTML
// reads as a character counts ("AT&T;" is text).
func (c *nodeChecker) htmlEntity(prop, s string, pos Pos) {
	for rest := s; ; {
		amp := strings.IndexByte(rest, '&')
		if amp < 0 {
			return
		}
		rest = rest[amp:]
		semi := strings.IndexByte(rest, ';')
		if semi < 0 {
			return
		}
		if ref := rest[:semi+1]; semi <= 32 && htmlReferenceRe.MatchString(ref) && utf8.RuneCountInString(html.UnescapeString(ref)) == 1 {
			c.add(Warning, RuleHTMLEntity, prop, pos,
				fmt.Sprintf("%q is an HTML character reference: JSON-LD text is not HTML, so it is shown as written", ref),
				fmt.Sprintf("write the character itself (%s), escaped for JSON where it must be", html.UnescapeString(ref)))
			return
		}
		rest = rest[1:]
	}
}

// actionAnnotation reports whether prop is "<property>-input" or
// "<property>-output" on an Action: schema.org's Actions
// (https://schema.org/docs/actions.html) annotate what a client fills in
// that way, and Google's sitelinks search box writes "query-input". They
// are annotations, not properties, so not unknown ones.
func (c *nodeChecker) actionAnnotation(prop string) bool {
	base, ok := strings.CutSuffix(prop, "-input")
	if !ok {
		base, ok = strings.CutSuffix(prop, "-output")
	}
	return ok && c.v.prop(base) != nil && c.n.Is("Action")
}

func (c *nodeChecker) unknownProperty(prop string, pos Pos) {
	msg := fmt.Sprintf("%q is not a schema.org property", clip(prop))
	var fix string
	switch {
	case c.v.typ(prop) != nil:
		msg = fmt.Sprintf("%q is a schema.org type, not a property", prop)
		fix = fmt.Sprintf(`give a node {"@type": %q} as the value of a property that expects it`, prop)
	case c.v.member(prop) != nil:
		msg = fmt.Sprintf("%q is an enumeration member, a value rather than a property", prop)
		fix = fmt.Sprintf("give %q as the value of a property that expects %s", "https://schema.org/"+prop, c.v.member(prop).Enumerations[0])
	default:
		if s := c.suggest(prop, false); s != "" {
			fix = fmt.Sprintf("did you mean %q?", s)
		} else {
			fix = "use a property listed at " + fullList + ", or a full IRI for a property of another vocabulary"
		}
	}
	c.add(Error, RuleUnknownProperty, prop, pos, msg, fix)
}

// domain checks that one of the node's types (or a supertype) is in the
// property's domainIncludes.
func (c *nodeChecker) domain(prop string, p *vocabProp, pos Pos) {
	if len(c.known) == 0 || p.fits(c.known) {
		return
	}
	// schema.org's Role pattern: a Role between a node and its value
	// repeats the property it stands for ({"actor": {"@type":
	// "PerformanceRole", "actor": {…}}}), whatever that property's domain.
	if slices.ContainsFunc(c.known, func(t *vocabType) bool { return t.ancestors["Role"] }) {
		for _, e := range c.n.Parents {
			if e.Property == prop {
				return
			}
		}
	}
	types := make([]string, len(c.known))
	for i, t := range c.known {
		types[i] = t.name
	}
	fix := fmt.Sprintf("move it to a %s node, or give this node a type that has it", orList(p.domain, 4))
	if meant := c.filmMeaning(prop); meant != "" {
		fix = meant
	}
	c.add(Warning, RuleDomain, prop, pos,
		fmt.Sprintf("%s is not a property of %s (schema.org gives it to %s)", prop, strings.Join(types, " or "), orList(p.domain, 4)), fix)
}

// filmMeanings are the properties film sites write on a Movie meaning
// another: schema.org's runtime is a program's runtime platform (which
// it is superseded by), and releaseDate is a Product's.
var filmMeanings = map[string]string{
	"runtime":     `for a film's running time use "duration" in ISO 8601 ("PT170M")`,
	"releaseDate": `for a film's release use "datePublished" (or "dateCreated", which Google's movie carousel reads)`,
}

// filmMeaning returns the fix for a property a film site writes on a
// film meaning another, or "".
func (c *nodeChecker) filmMeaning(prop string) string {
	if c.n.Is("Movie", "TVEpisode", "TVSeries", "VideoObject") {
		return filmMeanings[prop]
	}
	return ""
}

// value checks one value against the property's rangeIncludes.
func (c *nodeChecker) value(prop string, p *vocabProp, val Value) {
	r := &p.rng
	switch {
	case val.Node != nil:
		c.supersededValue(prop, val.Node.ID, c.n.At(val.Pos))
		// A node with an IRI is that IRI (the graph joins "url":
		// "https://…" to the node of that @id), so it does for a URL.
		if c.v.isRoleFor(val.Node, prop) || r.url && isIRINode(val.Node) {
			return
		}
		if r.nodes() {
			c.nodeRange(prop, p, val)
			return
		}
		c.add(Error, RuleValueKind, prop, c.n.At(val.Pos),
			fmt.Sprintf("a node (%s) where schema.org expects %s", nodeKind(val.Node), orList(p.rangeNames, 4)),
			fmt.Sprintf("give %s, not an object", kindPhrase(p.rangeNames[0])))
	case val.IRI != "":
		c.supersededValue(prop, val.IRI, c.n.At(val.Pos))
		switch {
		case isURL(val.IRI):
			c.hostlessURL(prop, val.IRI, c.n.At(val.Pos))
		case r.nodes() && !meantAsURL(val.IRI):
			// The 30.0 context makes the string an IRI, but one with a
			// space in it and no look of a path was meant as a name
			// ("gameLocation": "Rivet City"), and later contexts read it
			// so.
			c.textForNode(prop, r, val.IRI, c.n.At(val.Pos))
		default:
			c.add(Error, RuleValueKind, prop, c.n.At(val.Pos), fmt.Sprintf("%q is not a URL", clip(val.IRI)), urlFix)
		}
	case val.Literal != nil:
		if s, ok := val.Literal.(string); ok {
			c.supersededValue(prop, s, c.n.At(val.Pos))
			if p.languageCode && val.Datatype == "" {
				c.languageCode(prop, s, c.n.At(val.Pos))
			}
		}
		// A typed literal says what it is; hold it to that. The
		// context's own "Date" on a plain string is no such claim: it
		// types "merchantReturnDays": "30" too, which is an Integer.
		if dt := c.v.datatype(val.Datatype); dt != nil && !(val.Datatype == "Date" && coercion(prop) == "Date") {
			c.literal(prop, p, dt, val)
			return
		}
		c.literal(prop, p, r, val)
	}
}

// nodeRange checks a node value's type against the property's range: a
// director must be a Person. Where schema.org gives one node type the
// mismatch is an error (no consumer reads an Organization as a director);
// where it gives several, it is a warning, since the ranges are advice
// ("rangeIncludes") and consumers differ. Nodes without a type, or with a
// type film2ld does not know, are left to the other rules.
func (c *nodeChecker) nodeRange(prop string, p *vocabProp, val Value) {
	n := val.Node
	if len(n.Types) == 0 {
		return
	}
	allowed := append(slices.Clone(p.rng.things), p.rng.enums...)
	for _, t := range n.Types {
		vt := c.v.typ(t)
		if vt == nil {
			return
		}
		for _, a := range allowed {
			if vt.ancestors[a] {
				return
			}
		}
	}
	sev, rangeText := Warning, orList(allowed, 4)
	if len(allowed) == 1 {
		sev = Error
	}
	c.add(sev, RuleRange, prop, c.n.At(val.Pos),
		fmt.Sprintf("%s is %s, where schema.org expects %s", prop, describeValue(val), rangeText),
		fmt.Sprintf("give %s %s node", prop, article(allowed[0])))
}

// article puts "a" or "an" before a type name.
func article(t string) string {
	if t != "" && strings.ContainsRune("AEIOU", rune(t[0])) {
		return "an " + t
	}
	return "a " + t
}

// isRoleFor reports whether n is a Role that stands for prop (the Role
// pattern), so its value is checked on the Role itself.
func (v *vocabulary) isRoleFor(n *Node, prop string) bool {
	if n.Prop(prop) == nil {
		return false
	}
	return slices.ContainsFunc(n.Types, func(t string) bool { vt := v.typ(t); return vt != nil && vt.ancestors["Role"] })
}

func isIRINode(n *Node) bool { return n.ID != "" && !strings.HasPrefix(n.ID, "_:") }

func nodeKind(n *Node) string {
	if len(n.Types) == 0 {
		return "an object"
	}
	return strings.Join(n.Types, ",")
}

// supersededValue flags an enumeration member given as a value
// ("https://schema.org/Dermatologic") that a later release replaced. Types
// are left out: a retired type's replacement (UserLikes → InteractionCounter)
// is seldom a drop-in value.
func (c *nodeChecker) supersededValue(prop, s string, pos Pos) {
	name, ok := schemaorg.LocalName(s)
	if !ok {
		return
	}
	if m := c.v.member(name); m != nil && m.SupersededBy != "" {
		by := m.SupersededBy
		c.add(Warning, RuleSuperseded, prop, pos,
			fmt.Sprintf("%s is superseded by %s", name, by),
			fmt.Sprintf("use %q", strings.TrimSuffix(s, name)+by))
	}
}

// languageCode flags text that is no BCP 47 language tag where the
// property's definition asks for one ("inLanguage": "English", a
// mapper's stray "Plot"): a warning, as Text is in the range, and
// consumers read the tag, not a language's name in some language. A
// tag is well-formed (letters, digits and hyphens; x/text also takes
// "en_US") and its language subtag one the IANA registry has.
func (c *nodeChecker) languageCode(prop, s string, pos Pos) {
	if s != "" && !strings.Contains(s, "_") {
		if _, err := language.Parse(s); err == nil {
			return
		}
	}
	c.add(Warning, RuleLanguage, prop, pos,
		fmt.Sprintf("%q is not a BCP 47 language code, which schema.org asks for in %s", clip(s), prop),
		`write the language's code, such as "en" for English or "pt-BR" for Brazilian Portuguese, or give a Language node with its name`)
}

// literal checks a string, number or boolean against a range.
func (c *nodeChecker) literal(prop string, p *vocabProp, r *rangeKinds, val Value) {
	if r.text || r.anyData {
		return
	}
	want := orList(r.names, 4)
	switch lit := val.Literal.(type) {
	case bool:
		if r.boolean {
			return
		}
		c.add(Error, RuleValueKind, prop, c.n.At(val.Pos),
			fmt.Sprintf("the boolean %t where schema.org expects %s", lit, want), "give "+kindPhrase(r.names[0]))
	case float64:
		// A Quantity is text such as "3 kg"; a bare number leaves the
		// unit to the reader, which schema.org does not forbid.
		if r.number || r.quantity || (r.integer && lit == math.Trunc(lit)) {
			return
		}
		fix := "give " + kindPhrase(r.names[0])
		switch {
		case r.integer:
			fix = "give a whole number"
		case r.date || r.dateTime:
			fix = fmt.Sprintf("write the date as a string, \"%v\"", lit)
		case r.duration:
			fix = `write an ISO 8601 duration such as "PT90M"; a bare number has no unit`
		}
		c.add(Error, RuleValueKind, prop, c.n.At(val.Pos),
			fmt.Sprintf("the number %v where schema.org expects %s", lit, want), fix)
	case string:
		c.text(prop, r, lit, c.n.At(val.Pos))
	}
}

// text checks a string against a range that admits no Text.
func (c *nodeChecker) text(prop string, r *rangeKinds, s string, pos Pos) {
	if r.accepts(s) {
		if r.url && isURL(s) {
			c.hostlessURL(prop, s, pos)
		}
		return
	}
	if r.member(s, c.v) {
		return
	}
	want := orList(r.names, 4)
	switch form := isoOtherDateForm(s); {
	case (r.date || r.dateTime) && form != "":
		c.add(Error, RuleDate, prop, pos,
			fmt.Sprintf("%q is ISO 8601's %s form of a date, which schema.org's %s does not take", s, form, want), dateFix(r))
	case (r.date || r.dateTime || r.time) && dateLike(s):
		c.add(Error, RuleDate, prop, pos, dateProblem(s, r), dateFix(r))
	case r.duration && durationLike(s):
		c.add(Error, RuleDuration, prop, pos,
			fmt.Sprintf("%q is not an ISO 8601 duration", s), durationFix(s))
	case !r.hasData() && len(r.things) == 0 && isAbsoluteURL(s) && !isSchemaOrgTerm(s):
		// A member of an enumeration kept outside schema.org (a
		// controlled vocabulary's IRI): film2ld cannot tell.
	case !r.hasData() && len(r.things) > 0 && isAbsoluteURL(s):
		// schema.org's data model lets a URL stand for the thing it
		// names, and its own examples do so.
	case !r.hasData():
		c.textForNode(prop, r, s, pos)
	case r.url && !isURL(s):
		c.add(Error, RuleValueKind, prop, pos, fmt.Sprintf("%q is not a URL", s), urlFix)
	case r.date || r.dateTime:
		// Text where a date belongs ("July 16, 2010", "TBA") is the
		// date rule's as much as a date in another form is: --enable
		// vocab.date reported neither.
		c.add(Error, RuleDate, prop, pos,
			fmt.Sprintf("%q is not a date, where schema.org expects %s", s, want), dateFix(r))
	case r.duration:
		c.add(Error, RuleDuration, prop, pos,
			fmt.Sprintf("%q is not an ISO 8601 duration, where schema.org expects %s", s, want), durationFix(s))
	case r.integer:
		c.add(Error, RuleValueKind, prop, pos,
			fmt.Sprintf("%q is not a whole number, where schema.org expects %s", s, want), "give a whole number such as 12")
	case r.number:
		c.add(Error, RuleValueKind, prop, pos,
			fmt.Sprintf("%q is not a number, where schema.org expects %s", s, want), "give a number such as 4.5")
	default:
		c.add(Error, RuleValueKind, prop, pos,
			fmt.Sprintf("%q is not %s, where schema.org expects %s", s, kindPhrase(r.names[0]), want), "give "+kindPhrase(r.names[0]))
	}
}

const urlFix = "give an absolute URL such as https://example.com/page, with spaces written %20"

// textForNode warns about text where the range has node types only.
// schema.org's data model asks consumers to accept text anyway, so this is
// a warning: the markup is understood, only less precisely.
func (c *nodeChecker) textForNode(prop string, r *rangeKinds, s string, pos Pos) {
	msg := fmt.Sprintf("text %q where schema.org expects %s", s, orList(r.names, 4))
	var fix string
	switch {
	case len(r.things) == 0:
		// An enumeration: the value should be one of its members.
		msg = fmt.Sprintf("%q is not a member of %s", s, orList(r.enums, 4))
		if m := c.v.suggestMember(s, r.enums); m != "" {
			fix = fmt.Sprintf("did you mean %q?", "https://schema.org/"+m)
		} else {
			fix = fmt.Sprintf("give a member of %s as https://schema.org/Member (see https://schema.org/%s)", r.enums[0], r.enums[0])
		}
	case isReference(s):
		msg += "; JSON-LD reads it as text, not as a link to a node"
		fix = fmt.Sprintf(`to refer to a node, write {"@id": %q}`, s)
	default:
		t := r.things[0]
		if slices.Contains(r.things, "Person") {
			t = "Person"
		}
		if isNumber(s) {
			fix = fmt.Sprintf(`give a node, {"@type": %q, …}`, t)
		} else {
			fix = fmt.Sprintf(`give a node, {"@type": %q, "name": %q}`, t, s)
		}
	}
	c.add(Warning, RuleTextForNode, prop, pos, msg, fix)
}

// hostlessURL warns about a relative URL that looks like a host name with
// the scheme left out ("www.example.com"): it resolves against the page,
// to a path on the page's own site, which is seldom what was meant.
//
// Any other relative reference ("/film/heat/", "//cdn.example/a.jpg",
// "posters/heat.jpg") is a note: a web page's JSON-LD resolves it against
// the page's address, as search engines read it, but linked data read on
// its own has no address to resolve it against, and film2ld convert
// refused it while validate said nothing (audit 18). With --page-url the
// page's address is known, and the reference is what it resolves to.
func (c *nodeChecker) hostlessURL(prop, s string, pos Pos) {
	if !looksHostless(s) {
		if c.pageURL == "" && isRelativeReference(s) {
			c.add(Note, RuleRelativeReference, prop, pos,
				fmt.Sprintf("%q is a relative URL: a web page resolves it against its own address, but as linked data on its own (film2ld convert, a triple store) it has none to resolve against", clip(s)),
				"write the absolute URL, or give the page's address: validate --page-url URL, convert --base URL")
		}
		return
	}
	c.add(Warning, RuleRelativeURL, prop, pos,
		fmt.Sprintf("%q has no scheme, so it is a path relative to the page, not the site %s", s, strings.SplitN(s, "/", 2)[0]),
		fmt.Sprintf("write %q", "https://"+s))
}

// vocabulary is what the checks need from package schemaorg: the
// generated tables answer one lookup at a time and copy slices on each,
// which would dominate a run over thousands of files. Each entry is built
// on first use and kept: building all 933 types, 1,500 properties and
// their ranges up front was a quarter of the CPU of validating a small
// document in a fresh process, which needs a dozen.
type vocabulary struct {
	types   lazyTable[vocabType]
	props   lazyTable[vocabProp]
	members lazyTable[schemaorg.MemberInfo]
	names   func() *vocabNames
}

// vocabNames lists the release's terms for did-you-mean suggestions, which
// only a term film2ld does not know needs.
type vocabNames struct {
	typeNames   []string
	propNames   []string
	memberNames []string
	// typeFold and propFold map lower-cased names to names, for
	// "movie" → "Movie".
	typeFold map[string][]string
	propFold map[string][]string
}

// lazyTable builds an entry by name on first use and keeps it, for any
// number of goroutines (export --batch -j, validate of many files). Names
// build returns nil for are not kept, so a document's junk terms cannot
// grow it.
type lazyTable[T any] struct {
	m     sync.Map // name → *T
	build func(name string) *T
}

func (l *lazyTable[T]) get(name string) *T {
	if v, ok := l.m.Load(name); ok {
		return v.(*T)
	}
	v := l.build(name)
	if v == nil {
		return nil
	}
	actual, _ := l.m.LoadOrStore(name, v)
	return actual.(*T)
}

// typ returns the schema.org type name, or nil.
func (v *vocabulary) typ(name string) *vocabType { return v.types.get(name) }

// prop returns the schema.org property name, or nil.
func (v *vocabulary) prop(name string) *vocabProp { return v.props.get(name) }

// member returns the enumeration member name, or nil.
func (v *vocabulary) member(name string) *schemaorg.MemberInfo { return v.members.get(name) }

// datatype sorts the data type name as a one-type range, for typed
// literals ({"@value": …, "@type": "Date"}); nil if it is none.
func (v *vocabulary) datatype(name string) *rangeKinds {
	if t := v.typ(name); t != nil {
		return t.dataRange
	}
	return nil
}

type vocabType struct {
	name string
	// ancestors holds the type and all its supertypes.
	ancestors    map[string]bool
	enumeration  bool
	dataType     bool
	supersededBy string
	core         bool
	// dataRange is the type as a one-type range, for a data type.
	dataRange *rangeKinds
}

type vocabProp struct {
	domain       []string
	rangeNames   []string
	supersededBy string
	rng          rangeKinds
	// languageCode: the property asks for a BCP 47 code as its text
	// (schemaorg.PropertyInfo.LanguageCode).
	languageCode bool
}

// fits reports whether the property's domain includes one of the types or
// a supertype of one.
func (p *vocabProp) fits(types []*vocabType) bool {
	for _, t := range types {
		for _, d := range p.domain {
			if t.ancestors[d] {
				return true
			}
		}
	}
	return false
}

// rangeKinds sorts a rangeIncludes into what a literal may be.
type rangeKinds struct {
	names []string
	// text is Text or a subtype other than URL: any string will do.
	text bool
	// anyData is the DataType class itself, which admits every literal.
	anyData                                  bool
	url, number, integer, boolean            bool
	date, dateTime, time, duration, quantity bool
	// enums are the enumerations of the range, whose members may be given
	// as strings; things are the other (node) types.
	enums  []string
	things []string
}

// nodes reports whether the range admits nodes, not only literals.
func (r *rangeKinds) nodes() bool { return len(r.enums)+len(r.things) > 0 }

func (r *rangeKinds) hasData() bool {
	return r.text || r.anyData || r.url || r.number || r.integer || r.boolean || r.date || r.dateTime || r.time || r.duration || r.quantity
}

// accepts reports whether a string reads as one of the range's data types.
func (r *rangeKinds) accepts(s string) bool {
	switch {
	case r.url && isURL(s),
		r.number && isNumber(s),
		r.integer && isInteger(s),
		r.boolean && isBoolean(s),
		r.date && isDate(s),
		r.dateTime && (isDateTime(s) || isDate(s)),
		r.time && isTime(s),
		r.duration && isDuration(s),
		r.quantity && !r.duration:
		return true
	}
	return false
}

// member reports whether s names a member of one of the range's
// enumerations ("https://schema.org/InStock", "InStock").
func (r *rangeKinds) member(s string, v *vocabulary) bool {
	if len(r.enums) == 0 {
		return false
	}
	name, _ := schemaorg.LocalName(s)
	m := v.member(name)
	if m == nil {
		return false
	}
	for _, e := range m.Enumerations {
		for _, want := range r.enums {
			if t := v.typ(e); t != nil && t.ancestors[want] {
				return true
			}
		}
	}
	return false
}

// rangeOf sorts range types into kinds. memo remembers each type's kind
// (nil: none): the 1,500 properties' ranges draw on a hundred-odd types,
// and sorting one walks its supertypes.
func rangeOf(names []string, memo map[string]*rangeKinds) *rangeKinds {
	r := &rangeKinds{names: names}
	for _, name := range names {
		if memo == nil {
			r.add(name)
			continue
		}
		one := memo[name]
		if one == nil {
			one = &rangeKinds{}
			one.add(name)
			memo[name] = one
		}
		r.merge(one)
	}
	return r
}

// merge adds the kinds of o, a one-type range, to r, as r.add(o's type)
// would.
func (r *rangeKinds) merge(o *rangeKinds) {
	r.url = r.url || o.url
	r.anyData = r.anyData || o.anyData
	r.text = r.text || o.text
	r.integer = r.integer || o.integer
	r.number = r.number || o.number
	r.boolean = r.boolean || o.boolean
	r.date = r.date || o.date
	r.dateTime = r.dateTime || o.dateTime
	r.time = r.time || o.time
	r.duration = r.duration || o.duration
	r.quantity = r.quantity || o.quantity
	r.enums = append(r.enums, o.enums...)
	r.things = append(r.things, o.things...)
}

// add sorts one range type into r's kinds.
func (r *rangeKinds) add(name string) {
	t, _ := schemaorg.Type(name)
	switch {
	case name == "URL":
		r.url = true
	case name == "DataType":
		r.anyData = true
	case schemaorg.IsSubtypeOf(name, "Text"):
		r.text = true
	case name == "Integer":
		r.integer = true
	case schemaorg.IsSubtypeOf(name, "Number"):
		r.number = true
	case name == "Boolean":
		r.boolean = true
	case name == "Date":
		r.date = true
	case name == "DateTime":
		r.dateTime = true
	case name == "Time":
		r.time = true
	case name == "Duration":
		r.duration = true
	case schemaorg.IsSubtypeOf(name, "Quantity"):
		r.quantity = true
	case t.Enumeration:
		r.enums = append(r.enums, name)
	default:
		r.things = append(r.things, name)
	}
}

var vocab = sync.OnceValue(func() *vocabulary {
	v := &vocabulary{names: sync.OnceValue(newVocabNames)}
	v.types.build = newVocabType
	v.props.build = func(name string) *vocabProp {
		p, ok := schemaorg.Property(name)
		if !ok || !isLocalName(name) {
			return nil
		}
		// Each range sorted on its own: TestRangeOfMemo proves it what
		// the memoised sorting of every property gave.
		return &vocabProp{domain: p.Domain, rangeNames: p.Range, supersededBy: p.SupersededBy, rng: *rangeOf(p.Range, nil), languageCode: p.LanguageCode}
	}
	v.members.build = func(name string) *schemaorg.MemberInfo {
		if m, ok := schemaorg.Member(name); ok && isLocalName(name) {
			return &m
		}
		return nil
	}
	return v
})

// newVocabType builds the entry of the type name, or nil.
func newVocabType(name string) *vocabType {
	t, ok := schemaorg.Type(name)
	if !ok || !isLocalName(name) {
		return nil
	}
	vt := &vocabType{name: name, ancestors: map[string]bool{}, enumeration: t.Enumeration,
		dataType: t.DataType, supersededBy: t.SupersededBy, core: t.Section == ""}
	for queue := []string{name}; len(queue) > 0; queue = queue[1:] {
		if !vt.ancestors[queue[0]] {
			vt.ancestors[queue[0]] = true
			st, _ := schemaorg.Type(queue[0])
			queue = append(queue, st.Supertypes...)
		}
	}
	if t.DataType {
		vt.dataRange = rangeOf([]string{name}, nil)
	}
	return vt
}

// isLocalName reports whether name is a term's local name as the tables are
// keyed ("Movie"): the schemaorg lookups also take the CURIE and the IRIs,
// which the graph has already turned into local names where they mean
// schema.org's term, so here they name nothing.
func isLocalName(name string) bool {
	_, prefixed := schemaorg.LocalName(name)
	return !prefixed
}

// newVocabNames lists the release's terms and folds their case.
func newVocabNames() *vocabNames {
	n := &vocabNames{typeNames: schemaorg.Types(), propNames: schemaorg.Properties(), memberNames: schemaorg.Members()}
	n.typeFold = make(map[string][]string, len(n.typeNames))
	for _, name := range n.typeNames {
		low := strings.ToLower(name)
		n.typeFold[low] = append(n.typeFold[low], name)
	}
	n.propFold = make(map[string][]string, len(n.propNames))
	for _, name := range n.propNames {
		low := strings.ToLower(name)
		n.propFold[low] = append(n.propFold[low], name)
	}
	return n
}

func (v *vocabulary) coreType(name string) bool { return v.typ(name).core }

// suggestMember finds the member of one of the enumerations that s was
// most likely meant as: the same name in another case, a member whose name
// ends with s ("Active" → IncentiveStatusActive), or a near spelling.
func (v *vocabulary) suggestMember(s string, enums []string) string {
	name, _ := schemaorg.LocalName(s)
	var names []string
	fold := map[string][]string{}
	for _, m := range v.names().memberNames {
		for _, e := range v.member(m).Enumerations {
			if t := v.typ(e); t != nil && slices.ContainsFunc(enums, func(want string) bool { return t.ancestors[want] }) {
				names = append(names, m)
				fold[strings.ToLower(m)] = append(fold[strings.ToLower(m)], m)
				break
			}
		}
	}
	if low := strings.ToLower(name); len(low) >= 3 {
		var near []string
		for _, m := range names {
			if lm := strings.ToLower(m); strings.HasSuffix(lm, low) || strings.HasPrefix(lm, low) {
				near = append(near, m)
			}
		}
		if len(near) == 1 {
			return near[0]
		}
	}
	return suggest(name, names, fold, func(string) bool { return false })
}

// isForeignTerm reports whether a type or key is an IRI or CURIE of
// another vocabulary; the graph has already turned schema.org's into
// local names.
func isForeignTerm(s string) bool { return strings.ContainsAny(s, ":/#") }

// suggest returns the name closest to term: the one that differs only in
// case, else the nearest by edit distance within a budget that grows with
// the term's length. Ties go to names for which prefer is true, then to the
// nearer spelling with case counted, then to the first in order.
func suggest(term string, names []string, fold map[string][]string, prefer func(string) bool) string {
	low := strings.ToLower(term)
	if same := fold[low]; len(same) > 0 {
		for _, s := range same {
			if prefer(s) {
				return s
			}
		}
		return same[0]
	}
	budget := 0
	switch n := len(low); {
	case n <= 3:
		return ""
	case n <= 5:
		budget = 1
	case n <= 10:
		budget = 2
	default:
		budget = 3
	}
	best, bestD, bestPref, bestExact := "", budget+1, false, 0
	termChars, ascii := charClasses(low)
	ascii = ascii && fastPaths
	for _, name := range names {
		if d := len(name) - len(low); d > budget || -d > budget {
			continue
		}
		if ascii {
			// Each kind of character one side has and the other lacks
			// takes an edit of its own: a bound that skips most names
			// without the distance's table (20,000 distinct keys of a
			// package-lock.json spent 4 s in it).
			nameChars, nameASCII := charClasses(name)
			if nameASCII && (bits.OnesCount64(termChars&^nameChars) > budget || bits.OnesCount64(nameChars&^termChars) > budget) {
				continue
			}
		}
		// Optimal string alignment: insertions, deletions, substitutions
		// and swaps of neighbours ("Moive") each cost one.
		d := edlib.OSADamerauLevenshteinDistance(low, strings.ToLower(name))
		if d > budget || d > bestD {
			continue
		}
		pref := prefer(name)
		exact := edlib.OSADamerauLevenshteinDistance(term, name)
		if d < bestD || pref && !bestPref || pref == bestPref && exact < bestExact {
			best, bestD, bestPref, bestExact = name, d, pref, exact
		}
	}
	return best
}

// charClasses returns the set of kinds of characters of s, case folded:
// a bit for each letter and digit, and one of 27 for any other byte; ascii
// is false when s has a byte past ASCII, whose character may span several
// bytes (and several kinds) that one edit changes together.
func charClasses(s string) (set uint64, ascii bool) {
	ascii = true
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 0x80:
			ascii = false
			set |= 1 << (36 + c%27)
		case c >= 'A' && c <= 'Z':
			set |= 1 << (c - 'A')
		case c >= 'a' && c <= 'z':
			set |= 1 << (c - 'a')
		case c >= '0' && c <= '9':
			set |= 1 << (26 + c - '0')
		default:
			set |= 1 << (36 + c%27)
		}
	}
	return set, ascii
}

// orList joins names as "A, B or C", with at most max of them.
func orList(names []string, max int) string {
	if len(names) > max {
		return strings.Join(names[:max], ", ") + fmt.Sprintf(" or %d other types", len(names)-max)
	}
	if len(names) <= 1 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

// kindPhrase says in words what a value of a type is, for a message.
func kindPhrase(name string) string {
	switch name {
	case "Text":
		return "text"
	case "URL":
		return "a URL"
	case "Boolean":
		return "true or false"
	case "Integer":
		return "a whole number"
	case "Number", "Float":
		return "a number"
	case "Date":
		return "a date"
	case "DateTime":
		return "a date-time"
	case "Time":
		return "a time of day"
	case "Duration":
		return "an ISO 8601 duration"
	}
	if name != "" && strings.ContainsRune("AEIOU", rune(name[0])) {
		return "an " + name
	}
	return "a " + name
}

var (
	numberRE   = lazyRegexp(`^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$`)
	integerRE  = lazyRegexp(`^[+-]?\d+$`)
	dateRE     = lazyRegexp(`^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$`)
	dateTZRE   = lazyRegexp(`^(\d{4})-(\d{2})-(\d{2})(Z|[+-]\d{2}:?\d{2})$`)
	timeRE     = lazyRegexp(`^(\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$`)
	durationRE = lazyRegexp(`^P(?:\d+(?:[.,]\d+)?Y)?(?:\d+(?:[.,]\d+)?M)?(?:\d+(?:[.,]\d+)?W)?(?:\d+(?:[.,]\d+)?D)?(?:T(?:\d+(?:[.,]\d+)?H)?(?:\d+(?:[.,]\d+)?M)?(?:\d+(?:[.,]\d+)?S)?)?$`)
)

func isNumber(s string) bool  { return numberRE().MatchString(strings.TrimSpace(s)) }
func isInteger(s string) bool { return integerRE().MatchString(strings.TrimSpace(s)) }

// isBoolean accepts "true" and "false" and schema.org's True and False.
func isBoolean(s string) bool {
	if strings.EqualFold(s, "true") || strings.EqualFold(s, "false") {
		return true
	}
	name, ok := schemaorg.LocalName(s)
	return ok && (name == "True" || name == "False")
}

// isDate accepts schema.org Dates: YYYY-MM-DD (optionally with a time
// zone, as xsd:date allows), and the reduced YYYY-MM and YYYY that
// schema.org's own examples use, on the real calendar.
func isDate(s string) bool {
	if m := dateTZRE().FindStringSubmatch(s); m != nil {
		return validTZ(m[4]) && validYMD(m[1], m[2], m[3])
	}
	m := dateRE().FindStringSubmatch(s)
	return m != nil && validYMD(m[1], m[2], m[3])
}

// isDateTime accepts ISO 8601 date-times in the extended format:
// YYYY-MM-DDThh:mm[:ss[.s]][Z|±hh:mm].
func isDateTime(s string) bool {
	d, t, ok := strings.Cut(s, "T")
	if !ok {
		return false
	}
	m := dateRE().FindStringSubmatch(d)
	return m != nil && m[3] != "" && validYMD(m[1], m[2], m[3]) && isTime(t)
}

// isTime accepts hh:mm[:ss[.s]] with an optional zone; 24:00 is midnight
// at the end of a day.
func isTime(s string) bool {
	m := timeRE().FindStringSubmatch(s)
	if m == nil {
		return false
	}
	h, mi, sec := atoi(m[1]), atoi(m[2]), atoi(m[3])
	if h == 24 && mi == 0 && sec == 0 {
		return validTZ(m[4])
	}
	return h < 24 && mi < 60 && sec <= 60 && validTZ(m[4])
}

func validTZ(z string) bool {
	if z == "" || z == "Z" {
		return true
	}
	digits := strings.ReplaceAll(z[1:], ":", "")
	h := atoi(digits[:2])
	mi := 0
	if len(digits) > 2 {
		mi = atoi(digits[2:])
	}
	return h <= 14 && mi < 60
}

func validYMD(y, m, d string) bool {
	if m == "" {
		return true
	}
	mo := atoi(m)
	if mo < 1 || mo > 12 {
		return false
	}
	if d == "" {
		return true
	}
	day := atoi(d)
	return day >= 1 && day <= daysIn(atoi(y), mo)
}

func daysIn(year, month int) int {
	switch month {
	case 2:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// isDuration accepts ISO 8601 durations: P, then at least one of the
// date parts, then T and at least one of the time parts when there is a T.
func isDuration(s string) bool {
	if !durationRE().MatchString(s) || s == "P" || strings.HasSuffix(s, "T") {
		return false
	}
	return true
}

// dateLike reports whether s was meant as a numeric date (digits and
// separators: "2011-02-30", "03/02/2011"), as against prose such as
// "yesterday", which is a value of the wrong kind altogether.
func dateLike(s string) bool {
	if s == "" || !unicode.IsDigit(rune(s[0])) {
		return false
	}
	return strings.Trim(s, "0123456789-/.:TZ+ ,") == ""
}

// durationLike reports whether s was meant as a compact duration ("90",
// "PT", "P1H", "1h30m"), as against prose such as "90 minutes".
func durationLike(s string) bool {
	return s != "" && strings.Trim(s, "0123456789.,:PTYMWDHSptymwdhs") == ""
}

// isoOtherDateForm names the ISO 8601 form of a date that is not the
// extended calendar date schema.org's Date and DateTime take (YYYY-MM-DD):
// "basic" (20100716, 20100716T2030Z), "week" (2010-W28-5, 2010W285) or
// "ordinal" (2010-197, 2010197 is basic's length). Else "".
func isoOtherDateForm(s string) string {
	date, _, _ := strings.Cut(s, "T")
	digits := func(t string) bool { return t != "" && strings.Trim(t, "0123456789") == "" }
	switch {
	case len(date) == 8 && digits(date):
		return "basic"
	case len(date) >= 7 && digits(date[:4]) && (date[4] == 'W' || len(date) > 5 && date[4:6] == "-W"):
		week := strings.TrimPrefix(strings.TrimPrefix(date[4:], "-"), "W")
		if w := strings.ReplaceAll(week, "-", ""); (len(w) == 2 || len(w) == 3) && digits(w) {
			return "week"
		}
	case len(date) == 8 && date[4] == '-' && digits(date[:4]) && digits(date[5:]):
		return "ordinal"
	case len(date) == 7 && digits(date):
		return "ordinal"
	}
	return ""
}

func dateProblem(s string, r *rangeKinds) string {
	want := "an ISO 8601 date"
	switch {
	case r.dateTime && r.date:
		want = "an ISO 8601 date or date-time"
	case r.dateTime:
		want = "an ISO 8601 date-time"
	case r.time && !r.date:
		want = "an ISO 8601 time"
	}
	if dateRE().MatchString(s) || dateTZRE().MatchString(s) {
		return fmt.Sprintf("%q is not a date on the calendar", s)
	}
	if d, _, ok := strings.Cut(s, "T"); ok && dateRE().MatchString(d) {
		if m := dateRE().FindStringSubmatch(d); validYMD(m[1], m[2], m[3]) {
			return fmt.Sprintf("%q is not %s: the time of day is out of range or malformed", s, want)
		}
		return fmt.Sprintf("%q is not a date on the calendar", s)
	}
	return fmt.Sprintf("%q is not %s", s, want)
}

func dateFix(r *rangeKinds) string {
	switch {
	case r.date && r.dateTime:
		return `write YYYY-MM-DD ("2011-02-28"), or a date-time such as "2011-02-28T20:00:00Z"`
	case r.dateTime:
		return `write a date-time such as "2011-02-28T20:00:00Z"`
	case r.date:
		return `write YYYY-MM-DD ("2011-02-28")`
	}
	return `write a time such as "20:00:00"`
}

func durationFix(s string) string {
	if strings.HasPrefix(s, "P") && !strings.Contains(s, "T") && strings.ContainsAny(s, "HS") {
		return `hours, minutes and seconds come after a T: "PT1H30M", and "P1DT2H" with days`
	}
	return `write an ISO 8601 duration: "PT90M" or "PT1H30M" for 90 minutes`
}

// isURL accepts an absolute URL, or a reference relative to the page the
// markup is on, as long as it has no spaces or control characters.
func isURL(s string) bool {
	if s == "" || strings.IndexFunc(s, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }) >= 0 {
		return false
	}
	u, err := url.Parse(s)
	if err != nil {
		return false
	}
	return !strings.EqualFold(u.Scheme, "javascript")
}

func isSchemaOrgTerm(s string) bool {
	_, ok := schemaorg.LocalName(s)
	return ok
}

// isReference reports whether text reads as a link to a node rather than
// as a name: a fragment, a path, or a file name.
func isReference(s string) bool {
	if !isURL(s) || isNumber(s) {
		return false
	}
	if isAbsoluteURL(s) || strings.HasPrefix(s, "#") || strings.HasPrefix(s, "/") || strings.HasPrefix(s, "./") || strings.HasPrefix(s, "../") {
		return true
	}
	return strings.Contains(s, "/") || slices.Contains(fileExts, strings.ToLower(path.Ext(s)))
}

// meantAsURL reports whether a string that is no URL was still meant as
// one ("my poster.jpg", "https://example.com/a b"), not as a name.
func meantAsURL(s string) bool {
	low := strings.ToLower(s)
	return strings.Contains(s, "/") || strings.HasPrefix(low, "www.") || slices.Contains(fileExts, path.Ext(low))
}

// fileExts are endings that make a relative URL a file, not a host name.
var fileExts = []string{".html", ".htm", ".php", ".asp", ".aspx", ".jsp", ".jpg", ".jpeg", ".png", ".gif", ".svg", ".webp", ".pdf", ".json", ".jsonld", ".xml", ".txt", ".mp4", ".mp3", ".vtt", ".srt"}

// isRelativeReference reports whether s, a URL, is a relative reference:
// no scheme ("/a", "//host/a", "a/b.jpg", "?q", "#frag").
func isRelativeReference(s string) bool {
	u, err := url.Parse(s)
	return err == nil && u.Scheme == ""
}

// looksHostless reports whether a relative URL starts with what reads as a
// host name: "www.…", or a dotted first segment that is not a file name.
func looksHostless(s string) bool {
	u, err := url.Parse(s)
	if err != nil || u.Scheme != "" || u.Host != "" || strings.HasPrefix(s, "/") || strings.HasPrefix(s, ".") {
		return false
	}
	first, _, _ := strings.Cut(u.Path, "/")
	if strings.HasPrefix(strings.ToLower(first), "www.") {
		return true
	}
	ext := strings.ToLower(path.Ext(first))
	if ext == "" || slices.Contains(fileExts, ext) {
		return false
	}
	for _, r := range ext[1:] {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	return len(ext) >= 3 && strings.Contains(s, "/") || ext == ".com" || ext == ".org" || ext == ".net"
}

// isAbsoluteURL reports whether s is an http(s) URL.
func isAbsoluteURL(s string) bool {
	if !isURL(s) {
		return false
	}
	u, _ := url.Parse(s)
	return (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}
