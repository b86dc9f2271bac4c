package schemas

import (
	"fmt"
	"math"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/film2ld/film2ld/ld/schemaorg"
)

// The rules below follow Google Search Central's structured data pages for
// the movie carousel, review snippets (Review, AggregateRating), fact
// checks (ClaimReview) and employer ratings (EmployerAggregateRating): the
// properties they call required are errors, the recommended ones warnings.
// Each rule is listed with its page in rules.go.

// maxAuthorName is Google's limit on a review author's name.
const maxAuthorName = 100

// googleChecker holds the findings of one run.
type googleChecker struct {
	out     []Finding
	pageURL *url.URL
	// snippet keeps only the findings of snippetRules, the ones that
	// leave a review or rating out of a web snippet (checkSnippet).
	snippet bool
}

func (c *googleChecker) add(sev Severity, rule string, n *Node, prop, msg, fix string) {
	if c.snippet && !snippetRules[rule] {
		return
	}
	pos := n.Pos
	if prop != "" {
		pos = n.PropPos(prop)
	}
	c.out = append(c.out, Finding{Severity: sev, Rule: rule, Node: n.Describe(), Property: prop, Message: msg, Fix: fix, Pos: pos, node: n, nodeSeq: n.seq})
}

// checkGoogle applies the search-engine rules, each to the feature it
// belongs to: the review-snippet rules to Reviews and AggregateRatings of
// the item types Google's review snippet lists, the fact-check rules to
// ClaimReviews, the employer-rating rules to EmployerAggregateRatings, and
// the movie-carousel rules to Movies. A Rating is checked through the
// review that gives it; elsewhere (a contentRating, say) it is no rating
// Google reads as stars.
func checkGoogle(g *Graph) []Finding {
	return (&googleChecker{}).check(g)
}

// checkSnippet is checkGoogle's findings of snippetRules alone, which are
// all a web snippet reads (rejected): the movie carousel's rules, which
// judge the Movie every one of export's items holds (Choose) and none of
// which is a snippet rule (TestSnippetRulesSkipMovie), are not run, nor
// the other findings made. The Movie's recommended properties alone were
// a third of the rules' time on a film's reviews.
func checkSnippet(g *Graph) []Finding {
	return (&googleChecker{snippet: true}).check(g)
}

func (c *googleChecker) check(g *Graph) []Finding {
	if g.PageURL != "" {
		c.pageURL, _ = url.Parse(g.PageURL)
	}
	for _, n := range g.Nodes {
		if !n.Described {
			continue
		}
		switch {
		case n.Is("Movie"):
			// Movie rich results are for Movies a page is about (or lists);
			// a Movie that is only the item of a review or an event's
			// work is checked by the rules of that node.
			if !c.snippet && (n.TopLevel || nestedUnder(n, "item", "itemListElement")) {
				c.movie(n)
			}
		case n.Is("ItemList") && !n.Is("BreadcrumbList"):
			if !c.snippet {
				c.carousel(n)
			}
		case n.Is("ClaimReview"):
			c.factCheck(n)
		case n.Is("EmployerAggregateRating"):
			c.employerRating(n)
		case n.Is("AggregateRating"):
			if c.snippetItem(n) {
				c.aggregateRating(n)
			}
		case n.Is("Review"):
			if c.snippetItem(n) {
				c.review(n)
			}
		case n.Is("VideoObject"):
			if !c.snippet {
				c.video(n)
			}
		}
	}
	return c.out
}

// videoRequired are the properties Google's video results require of a
// VideoObject.
var videoRequired = []string{"name", "thumbnailUrl", "uploadDate"}

// video checks a VideoObject (a Movie's trailer, most often) for what
// Google's video results require (audit 18: a trailer of a name alone
// passed). A warning: a page may mark up a trailer it does not mean for
// video results, whose other markup stands without it.
func (c *googleChecker) video(n *Node) {
	var missing []string
	for _, p := range videoRequired {
		if _, ok := n.First(p); !ok {
			missing = append(missing, p)
		}
	}
	if len(missing) == 0 {
		return
	}
	quoted := make([]string, len(missing))
	for i, p := range missing {
		quoted[i] = strconv.Quote(p)
	}
	list := quoted[0]
	if k := len(quoted); k > 1 {
		list = strings.Join(quoted[:k-1], ", ") + " and " + quoted[k-1]
	}
	c.add(Warning, RuleVideoRequired, n, "",
		fmt.Sprintf("a VideoObject lacks %s, which Google's video results require", list),
		`give its "name", "thumbnailUrl" (an image of the video) and "uploadDate" (ISO 8601)`)
}

// snippetTypes are the item types Google shows review snippets for, with
// their subtypes: the features of the review-snippet page, then the types
// it lists as also supported.
var snippetTypes = []string{
	"Book", "Course", "Event", "HowTo", "LocalBusiness", "Movie", "Product", "Recipe", "SoftwareApplication",
	"CreativeWorkSeason", "CreativeWorkSeries", "Episode", "Game", "MediaObject", "MusicPlaylist", "MusicRecording", "Organization",
}

// snippetItem reports whether the review-snippet rules apply to a review
// or rating: when its item (the node it is nested in, or its
// itemReviewed) is of a type Google shows review snippets for, or is not
// known yet (the rules then say itemReviewed is missing). A review of
// something else, a Place or a Person, gets a note, not errors: no rich
// result is promised for it.
func (c *googleChecker) snippetItem(n *Node) bool {
	var items []*Node
	for _, e := range n.Parents {
		if e.Property == "review" || e.Property == "reviews" || e.Property == "aggregateRating" {
			items = append(items, e.From)
		}
	}
	for _, v := range n.Values("itemReviewed") {
		if v.Node != nil {
			items = append(items, v.Node)
		}
	}
	known := false
	for _, it := range items {
		if len(it.Types) == 0 {
			return true
		}
		for _, t := range it.Types {
			if !knownType(t) {
				return true // a type of another vocabulary: judge the review
			}
		}
		if it.Is(snippetTypes...) {
			return true
		}
		known = true
	}
	if !known {
		return true
	}
	c.add(Note, RuleReviewItemType, n, "",
		fmt.Sprintf("Google shows review snippets only for %s (and their subtypes); the review-snippet rules were not applied", orList(snippetTypes, 9)),
		"")
	return false
}

// knownTypes holds the schema.org types knownType has met, each by its
// name in the vocabulary's table.
var knownTypes sync.Map

// knownType reports whether t is a schema.org type. schemaorg.Type copies
// a type's supertypes for its answer, once per review a snippet judges
// (every review's item is the film's Movie).
func knownType(t string) bool {
	_, ok := schemaTypeName(t)
	return ok
}

// schemaTypeName returns the vocabulary's own copy of t's name when t is
// a schema.org type: a graph holds that one string for all its nodes of
// the type, where each node's copy was 1.6 MB of validate's graph of
// 50,000 reviews.
func schemaTypeName(t string) (string, bool) {
	if name, ok := knownTypes.Load(t); ok {
		return name.(string), true
	}
	if info, ok := schemaorg.Type(t); ok {
		knownTypes.Store(info.Name, info.Name)
		return info.Name, true
	}
	return "", false
}

// nestedUnder reports whether another node refers to n by one of props, so
// that the item it reviews is that node.
func nestedUnder(n *Node, props ...string) bool {
	for _, e := range n.Parents {
		for _, p := range props {
			if e.Property == p {
				return true
			}
		}
	}
	return false
}

// carousel checks an ItemList that lists a Movie as a movie carousel:
// each ListItem needs a position, a whole number from 1, and a url (the
// film's page, a summary page's list) or an item (the Movie, an all-in-one
// page's); every item is a Movie. A list of no Movie is some other list,
// not checked (audit 7: none of these was).
func (c *googleChecker) carousel(n *Node) {
	itemOf := func(v Value) *Node {
		if v.Node != nil && v.Node.Is("ListItem") {
			if it, ok := v.Node.First("item"); ok {
				return it.Node
			}
			return nil
		}
		return v.Node
	}
	elems := n.Values("itemListElement")
	if !slices.ContainsFunc(elems, func(v Value) bool { it := itemOf(v); return it != nil && it.Is("Movie") }) {
		return
	}
	for _, v := range elems {
		li := v.Node
		if li == nil {
			continue
		}
		if li.Is("ListItem") {
			if p, ok := li.First("position"); !ok {
				c.add(Error, RuleCarouselItem, li, "", "a ListItem of a movie carousel needs a position", `add "position": 1, 2, … in the list's order`)
			} else if f, isNumber := number(p); !isNumber || f < 1 || f != math.Trunc(f) {
				c.add(Error, RuleCarouselItem, li, "position", fmt.Sprintf("position %s is not a whole number from 1", literalText(p)), `write the item's place in the list: 1, 2, …`)
			}
			_, hasURL := li.First("url")
			_, hasItem := li.First("item")
			if !hasURL && !hasItem {
				c.add(Error, RuleCarouselItem, li, "", "a ListItem of a movie carousel needs a url (the film's page) or an item (the Movie)", `add "url", or "item" with the Movie`)
			}
		}
		if it := itemOf(v); it != nil && len(it.Types) > 0 && !it.Is("Movie") {
			c.add(Error, RuleCarouselType, li, "", fmt.Sprintf("a movie carousel lists Movies; this item is a %s", strings.Join(it.Types, ", ")), "list it elsewhere, or leave it out")
		}
	}
}

// literalText writes a value as a message quotes it: a string quoted, a
// number or boolean as it is, a node or IRI by what it is.
func literalText(v Value) string {
	switch x := v.Literal.(type) {
	case string:
		return strconv.Quote(x)
	case float64:
		return strconv.FormatFloat(x, 'g', -1, 64)
	case bool:
		return strconv.FormatBool(x)
	}
	if v.Node != nil {
		return "a node"
	}
	return "an IRI"
}

func (c *googleChecker) movie(n *Node) {
	if n.Name() == "" {
		c.add(Error, RuleMovieName, n, "", "a Movie needs a name", `add "name" with the film's title`)
	}
	if _, ok := n.First("image"); !ok {
		// The movie carousel requires an image; a Movie outside a list is
		// not a carousel item, so there it is only advice.
		if nestedUnder(n, "item", "itemListElement") {
			c.add(Error, RuleMovieImage, n, "", "a Movie in a carousel list needs an image", `add "image" with a poster URL (6:9)`)
		} else {
			c.add(Warning, RuleMovieImage, n, "", "a Movie without an image cannot appear in the movie carousel", `add "image" with a poster URL (6:9)`)
		}
	}
	for _, p := range []string{"aggregateRating", "dateCreated", "director", "review"} {
		if _, ok := n.First(p); !ok && !reviewedBy(n, p) {
			c.add(Warning, RuleMovieRecommended, n, "", fmt.Sprintf("recommended property %q is missing", p), fmt.Sprintf("add %q if a source states it", p))
		}
	}
	// Google reads one aggregateRating for a rich result and does not say
	// which of several; the web snippet keeps the first (see oneAggregate).
	var first *Node
	for _, v := range n.Values("aggregateRating") {
		switch {
		case !v.IsNode("AggregateRating"):
		case first == nil:
			first = v.Node
		default:
			c.add(Warning, RuleOneAggregate, v.Node, "", fmt.Sprintf("%s has more than one aggregateRating; Google reads one, and which is not said", n.Describe()),
				"keep the one the page shows, or the site's headline score")
		}
	}
}

// reviewedBy reports whether a Review (for prop "review") or an
// AggregateRating (for "aggregateRating") names n as its itemReviewed: the
// same statement written from the other end.
func reviewedBy(n *Node, prop string) bool {
	for _, e := range n.Parents {
		if e.Property == "itemReviewed" && (prop == "review" && e.From.Is("Review") || prop == "aggregateRating" && e.From.Is("AggregateRating")) {
			return true
		}
	}
	return false
}

func (c *googleChecker) review(n *Node) {
	author, hasAuthor := n.First("author")
	switch {
	case !hasAuthor:
		c.add(Error, RuleReviewAuthor, n, "", "a Review needs an author", `add "author" as a Person or Organization with a name`)
	case !author.IsNode("Person", "Organization"):
		c.add(Error, RuleReviewAuthor, n, "author", "the author must be a Person or Organization, not text", `write "author": {"@type": "Person", "name": …}`)
	default:
		name := author.Node.Name()
		switch {
		case name == "":
			c.add(Error, RuleReviewAuthorName, n, "author", "the author has no name", `give the author a "name"`)
		case utf8.RuneCountInString(name) >= maxAuthorName:
			c.add(Error, RuleReviewAuthorName, n, "author", fmt.Sprintf("the author's name has %d characters; Google takes under %d", utf8.RuneCountInString(name), maxAuthorName), "use the person's or organisation's name only")
		case nameIsAddress(name):
			// Audit 18: a critic's profile link written as the name
			// passed; Google asks for a valid name.
			c.add(Error, RuleReviewAuthorName, n, "author", fmt.Sprintf("the author's name %q is an address, not a name", clip(name)),
				`give the person's or organisation's name, and the address as the author's "url"`)
		}
	}
	if !nestedUnder(n, "review", "reviews") {
		c.itemReviewed(n, RuleReviewItemReviewed)
	}
	_, hasDate := n.First("datePublished")
	rating, hasRating := n.First("reviewRating")
	switch {
	case hasRating && rating.IsNode():
		c.rating(rating.Node)
	case hasRating:
		c.add(Error, RuleReviewRating, n, "reviewRating", "reviewRating must be a Rating", `write "reviewRating": {"@type": "Rating", "ratingValue": …}`)
	case hasAuthor && !hasDate:
		// Google lets a review omit its rating only when it has both an
		// author and a date. (A review without an author is reported for
		// that alone: adding the author is the first fix.)
		c.add(Error, RuleReviewRating, n, "", "a Review without a date needs a reviewRating", `add "reviewRating", or "datePublished"`)
	}
	if !hasDate && (hasRating || !hasAuthor) {
		// (Without a rating, the missing date is part of the rating error.)
		c.add(Warning, RuleReviewDate, n, "", "recommended property \"datePublished\" is missing", `add "datePublished" in ISO 8601`)
	}
	c.thirdParty(n)
}

// itemReviewed checks that a review or rating that is not nested in its
// item names the item.
func (c *googleChecker) itemReviewed(n *Node, rule string) {
	item, ok := n.First("itemReviewed")
	switch {
	case !ok:
		c.add(Error, rule, n, "", "a review or rating that is not nested in its item needs itemReviewed", `nest it under the item's "review"/"aggregateRating", or add "itemReviewed"`)
	case !item.IsNode():
		c.add(Error, rule, n, "itemReviewed", "itemReviewed must be a node with a type and a name", `write "itemReviewed": {"@type": "Movie", "name": …}`)
	case item.Node.Name() == "":
		c.add(Error, RuleItemName, n, "itemReviewed", "the reviewed item has no name", `give the item a "name"`)
	}
}

func (c *googleChecker) rating(n *Node) {
	v, ok := n.First("ratingValue")
	if !ok {
		c.add(Error, RuleRatingValue, n, "", "a Rating needs a ratingValue", `add "ratingValue" as the page states it`)
		return
	}
	c.ratingRange(n, v)
}

// factCheck applies the fact-check page's rules to a ClaimReview: it
// needs claimReviewed, a url, and a reviewRating whose alternateName is
// the verdict shown ("False"); a numeric ratingValue must read as a
// number within worstRating..bestRating. author, datePublished and
// itemReviewed (the Claim) are recommended.
func (c *googleChecker) factCheck(n *Node) {
	for _, p := range []string{"claimReviewed", "url"} {
		if _, ok := n.First(p); !ok {
			c.add(Error, RuleFactCheckRequired, n, "", fmt.Sprintf("a ClaimReview needs %q", p), fmt.Sprintf("add %q", p))
		}
	}
	rv, ok := n.First("reviewRating")
	switch {
	case !ok:
		c.add(Error, RuleFactCheckRequired, n, "", `a ClaimReview needs "reviewRating"`, `add "reviewRating": {"@type": "Rating", "alternateName": "False"}`)
	case !rv.IsNode():
		c.add(Error, RuleFactCheckRequired, n, "reviewRating", "reviewRating must be a Rating", `write "reviewRating": {"@type": "Rating", "alternateName": …}`)
	default:
		r := rv.Node
		if _, ok := r.First("alternateName"); !ok {
			c.add(Error, RuleFactCheckVerdict, r, "", "the fact check's rating needs alternateName, the verdict Google shows", `add "alternateName", such as "False" or "Mostly true"`)
		}
		if v, ok := r.First("ratingValue"); ok {
			if _, ok := number(v); !ok {
				c.add(Error, RuleFactCheckVerdict, r, "ratingValue", fmt.Sprintf("ratingValue %s must evaluate to a number", describeValue(v)), "give the number of your rating scale, or leave ratingValue out")
			} else {
				c.ratingRange(r, v)
			}
		}
	}
	// The fact-check page recommends these two; datePublished it lists
	// under the Claim (when the claim was made), not the ClaimReview, and
	// its own example has none.
	for _, p := range []string{"author", "itemReviewed"} {
		if _, ok := n.First(p); !ok {
			c.add(Warning, RuleFactCheckRecommended, n, "", fmt.Sprintf("recommended property %q is missing", p), fmt.Sprintf("add %q", p))
		}
	}
}

// employerRating applies the employer-rating page's rules: an
// EmployerAggregateRating needs an itemReviewed Organization with a name,
// a ratingValue (read like a review snippet's), and ratingCount or
// reviewCount.
func (c *googleChecker) employerRating(n *Node) {
	item, ok := n.First("itemReviewed")
	switch {
	case !ok && !nestedUnder(n, "aggregateRating"):
		c.add(Error, RuleEmployerRequired, n, "", "an EmployerAggregateRating needs itemReviewed, the Organization rated", `add "itemReviewed": {"@type": "Organization", "name": …}`)
	case ok && !item.IsNode("Organization"):
		c.add(Error, RuleEmployerRequired, n, "itemReviewed", "itemReviewed must be the Organization rated", `write "itemReviewed": {"@type": "Organization", "name": …}`)
	case ok && item.Node.Name() == "":
		c.add(Error, RuleEmployerRequired, n, "itemReviewed", "the rated Organization has no name", `give it a "name"`)
	}
	if v, ok := n.First("ratingValue"); !ok {
		c.add(Error, RuleEmployerRequired, n, "", "an EmployerAggregateRating needs a ratingValue", `add "ratingValue"`)
	} else {
		c.ratingRange(n, v)
	}
	_, hasRatings := n.First("ratingCount")
	_, hasReviews := n.First("reviewCount")
	if !hasRatings && !hasReviews {
		c.add(Error, RuleEmployerRequired, n, "", "an EmployerAggregateRating needs ratingCount or reviewCount", `add "ratingCount" or "reviewCount"`)
	}
	c.positiveCounts(n, RuleEmployerRequired)
}

func (c *googleChecker) aggregateRating(n *Node) {
	v, ok := n.First("ratingValue")
	if !ok {
		c.add(Error, RuleAggregateValue, n, "", "an AggregateRating needs a ratingValue (the average score)", `add "ratingValue", or leave the AggregateRating out`)
	} else {
		c.ratingRange(n, v)
	}
	_, hasRatings := n.First("ratingCount")
	_, hasReviews := n.First("reviewCount")
	if !hasRatings && !hasReviews {
		c.add(Error, RuleAggregateCount, n, "", "an AggregateRating needs ratingCount or reviewCount", `add "ratingCount" or "reviewCount"`)
	}
	c.positiveCounts(n, RuleAggregateCount)
	if !nestedUnder(n, "aggregateRating") {
		c.itemReviewed(n, RuleAggregateItemReviewed)
	}
	c.thirdParty(n)
}

// positiveCounts reports a ratingCount or reviewCount that is a number
// not above 0 beside a ratingValue, as Google's test reports it ("must be
// positive"): an average of no ratings is no rating (audit 7: "0" beside
// an average of 8.8 passed). Without a ratingValue the rating is refused
// already, and a count of 0 agrees with it (a band of a score
// distribution that no critic is in).
func (c *googleChecker) positiveCounts(n *Node, rule string) {
	if _, scored := n.First("ratingValue"); !scored {
		return
	}
	for _, prop := range []string{"ratingCount", "reviewCount"} {
		for _, v := range n.Values(prop) {
			if f, ok := number(v); ok && f <= 0 {
				c.add(Error, rule, n, prop, fmt.Sprintf("%s %s is not positive", prop, strconv.FormatFloat(f, 'g', -1, 64)),
					fmt.Sprintf(`state the number of %s, or leave the AggregateRating out while there are none`, strings.TrimSuffix(prop, "Count")+"s"))
			}
		}
	}
}

// ratingRange checks a ratingValue as Google reads it (see readRating):
// a number against worstRating..bestRating (1..5 when not stated), a
// percentage against 0..100 %, a fraction against its own denominator.
func (c *googleChecker) ratingRange(n *Node, v Value) {
	r, err := readRating(v)
	if err != nil {
		c.add(Error, RuleRatingValue, n, "ratingValue", err.Error(),
			`write the score as a number ("4", 4.5), a percentage ("60%") or a fraction ("6 / 10")`)
		return
	}
	switch r.kind {
	case ratingPercent:
		if r.value < 0 || r.value > 100 {
			c.add(Error, RuleRatingRange, n, "ratingValue", fmt.Sprintf("ratingValue %s is outside 0%%..100%%", r.text), "state the percentage the page shows")
		}
		return
	case ratingFraction:
		if r.value < 0 || r.value > r.scale {
			c.add(Error, RuleRatingRange, n, "ratingValue", fmt.Sprintf("ratingValue %s is more than its scale, or negative", r.text), "state the score the page shows")
		}
		return
	}
	worst, best := ratingScale(n)
	if worst > best {
		// "worstRating": 10, "bestRating": 5 said "outside 10..5"
		// (audit 7): the scale itself is at fault.
		c.add(Error, RuleRatingRange, n, "worstRating",
			fmt.Sprintf("worstRating %s is above bestRating %s: the scale is upside down", scaleEnd(worst), scaleEnd(best)),
			`swap them: "worstRating" is the lowest score, "bestRating" the highest`)
		return
	}
	if r.value < worst || r.value > best {
		c.add(Error, RuleRatingRange, n, "ratingValue",
			fmt.Sprintf("ratingValue %s is outside %s..%s (worstRating..bestRating; the defaults are 1 and 5)", r.text, scaleEnd(worst), scaleEnd(best)),
			`state the scale with "bestRating" and "worstRating"`)
	}
}

// scaleEnd writes an end of a rating scale as a page would: "-0" (a
// worstRating of "-0") as 0.
func scaleEnd(f float64) string {
	if f == 0 {
		f = 0 // -0 too
	}
	return strconv.FormatFloat(f, 'g', -1, 64)
}

// ratingScale returns a Rating's worstRating and bestRating as Google reads
// them: the stated numbers, else 1 and 5.
func ratingScale(n *Node) (worst, best float64) {
	worst, best = 1, 5
	if w, ok := n.First("worstRating"); ok {
		if f, ok := number(w); ok {
			worst = f
		}
	}
	if b, ok := n.First("bestRating"); ok {
		if f, ok := number(b); ok {
			best = f
		}
	}
	return worst, best
}

// ratingKind tells how a ratingValue was written.
type ratingKind int

const (
	ratingNumber   ratingKind = iota // 4, "4.5"
	ratingPercent                    // "60%"
	ratingFraction                   // "6 / 10"
)

// rating is a ratingValue as Google reads it.
type rating struct {
	kind  ratingKind
	value float64
	// scale is a fraction's denominator.
	scale float64
	// text is the value as written, for messages.
	text string
}

// fractionRE and percentRE match the forms of the review-snippet page's
// own examples ("6 / 10", "60%"); numbers use a dot for decimals, as the
// page asks.
var (
	fractionRE = lazyRegexp(`^\s*([0-9]+(?:\.[0-9]+)?)\s*/\s*([0-9]+(?:\.[0-9]+)?)\s*$`)
	percentRE  = lazyRegexp(`^\s*([0-9]+(?:\.[0-9]+)?)\s*%\s*$`)
)

// readRating reads a ratingValue the way Google's review-snippet page
// says it reads one: a number, a numeric string, a percentage or a
// fraction. Anything else is an error naming what was found.
func readRating(v Value) (rating, error) {
	switch x := v.Literal.(type) {
	case float64:
		return rating{kind: ratingNumber, value: x, text: strconv.FormatFloat(x, 'g', -1, 64)}, nil
	case string:
		s := strings.TrimSpace(x)
		if m := fractionRE().FindStringSubmatch(s); m != nil {
			a, _ := strconv.ParseFloat(m[1], 64)
			b, _ := strconv.ParseFloat(m[2], 64)
			if b == 0 {
				return rating{}, fmt.Errorf("ratingValue %q is a fraction over zero", x)
			}
			return rating{kind: ratingFraction, value: a, scale: b, text: strconv.Quote(x)}, nil
		}
		if m := percentRE().FindStringSubmatch(s); m != nil {
			f, _ := strconv.ParseFloat(m[1], 64)
			return rating{kind: ratingPercent, value: f, text: strconv.Quote(x)}, nil
		}
		if f, err := strconv.ParseFloat(s, 64); err == nil && !math.IsInf(f, 0) && !math.IsNaN(f) {
			return rating{kind: ratingNumber, value: f, text: strconv.Quote(x)}, nil
		}
		if strings.Count(s, ",") == 1 {
			if _, err := strconv.ParseFloat(strings.Replace(s, ",", ".", 1), 64); err == nil {
				if thousands(s) {
					// "1,000" beside a bestRating of 1000 is a thousands
					// separator, "4,500" either.
					return rating{}, fmt.Errorf("ratingValue %q has a comma (a thousands separator or a decimal comma), which Google does not read", x)
				}
				return rating{}, fmt.Errorf("ratingValue %q uses a comma for the decimal point, which Google does not read", x)
			}
		}
		return rating{}, fmt.Errorf("ratingValue %s is not a number, a percentage or a fraction", quote(x))
	case nil:
		if v.Node != nil {
			return rating{}, fmt.Errorf("ratingValue is %s, not a number", describeValue(v))
		}
	}
	return rating{}, fmt.Errorf("ratingValue %s is not a number", describeValue(v))
}

// thirdParty warns when a review or rating says it comes from another site
// than the page's: Google's guidelines do not allow marking up reviews
// collected elsewhere as the page's own.
func (c *googleChecker) thirdParty(n *Node) {
	if c.pageURL == nil || c.pageURL.Host == "" {
		return
	}
	for _, prop := range []string{"url", "publisher", "sourceOrganization"} {
		for _, v := range n.Values(prop) {
			s, ok := v.Text()
			if !ok && v.Node != nil {
				if u, found := v.Node.First("url"); found {
					s, ok = u.Text()
				}
			}
			u, err := url.Parse(s)
			if !ok || err != nil || u.Host == "" || sameSite(u.Host, c.pageURL.Host) {
				continue
			}
			c.add(Warning, RuleThirdParty, n, prop,
				fmt.Sprintf("the review comes from %s, not from this page's site %s", u.Host, c.pageURL.Host),
				"mark up only reviews your site collects itself")
			return
		}
	}
}

func sameSite(a, b string) bool {
	return strings.TrimPrefix(a, "www.") == strings.TrimPrefix(b, "www.")
}

// number reads a numeric literal, also when written as a string (the
// scale's bounds, a fact check's ratingValue).
func number(v Value) (float64, bool) {
	switch x := v.Literal.(type) {
	case float64:
		return x, true
	case string:
		f, err := strconv.ParseFloat(strings.TrimSpace(x), 64)
		return f, err == nil
	}
	return 0, false
}

// thousands reports whether s, a number with one comma, may read as a
// thousands separator: one to three digits, the comma, three digits.
func thousands(s string) bool {
	whole, frac, _ := strings.Cut(strings.TrimLeft(s, "+-"), ",")
	digits := func(t string) bool { return t != "" && strings.Trim(t, "0123456789") == "" }
	return len(frac) == 3 && digits(frac) && len(whole) >= 1 && len(whole) <= 3 && digits(whole)
}

// nameIsAddress reports whether a name is a web or e-mail address
// ("https://twitter.com/critic", "www.example.com", "critic@example.com").
func nameIsAddress(name string) bool {
	name = strings.TrimSpace(name)
	if strings.ContainsAny(name, " \t") {
		return false
	}
	lower := strings.ToLower(name)
	if strings.HasPrefix(lower, "http://") || strings.HasPrefix(lower, "https://") || strings.HasPrefix(lower, "www.") {
		return true
	}
	at := strings.IndexByte(name, '@')
	return at > 0 && strings.Contains(name[at:], ".")
}
